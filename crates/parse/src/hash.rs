//! Feature hashing: a feature is a template number and its atoms (word
//! hashes, tag and label numbers) mixed into one 64-bit key.

/// Mixes one more value into a hash (multiply-xorshift; cheap and good
/// enough that the low bits index an open-addressing table).
#[inline]
pub(crate) fn mix(hash: u64, value: u64) -> u64 {
    let h = (hash ^ value.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 31)
}

/// The final key of a feature: never 0, which marks an empty table slot.
#[inline]
pub(crate) fn finish(hash: u64) -> u64 {
    let h = (hash ^ (hash >> 29)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (h ^ (h >> 32)) | 1
}

/// FNV-1a over the bytes, then mixed: a word's hash.
pub(crate) fn hash_str(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix(h, text.len() as u64)
}

/// The key of a feature: its template and atoms.
#[inline]
pub(crate) fn key1(template: u64, a: u64) -> u64 {
    finish(mix(template, a))
}

#[inline]
pub(crate) fn key2(template: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(template, a), b))
}

#[inline]
pub(crate) fn key3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(template, a), b), c))
}

#[inline]
pub(crate) fn key4(template: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    finish(mix(mix(mix(mix(template, a), b), c), d))
}

/// Builds feature keys for one decision.
#[derive(Debug, Default)]
pub(crate) struct FeatureSet {
    pub keys: Vec<u64>,
}

impl FeatureSet {
    pub fn clear(&mut self) {
        self.keys.clear();
    }

    #[inline]
    pub fn add1(&mut self, template: u64, a: u64) {
        self.keys.push(key1(template, a));
    }

    #[inline]
    pub fn add2(&mut self, template: u64, a: u64, b: u64) {
        self.keys.push(key2(template, a, b));
    }

    #[inline]
    pub fn add3(&mut self, template: u64, a: u64, b: u64, c: u64) {
        self.keys.push(key3(template, a, b, c));
    }

    #[inline]
    pub fn add4(&mut self, template: u64, a: u64, b: u64, c: u64, d: u64) {
        self.keys.push(key4(template, a, b, c, d));
    }
}
