//! The averaged perceptron: sparse, hashed features, each with a short list
//! of (class, weight) pairs stored contiguously, so one feature adds its
//! whole score vector at once.
//!
//! [`Trainer`] learns with the lazy averaging trick (each weight keeps its
//! running total and the time it last changed); [`Trainer::finish`] turns
//! the averages into [`Weights`]: pruned of negligible entries, quantised to
//! 16 bits, in an open-addressing table for inference.

use rustc_hash::FxHashMap;

/// Learns weights for one classifier.
#[derive(Debug)]
pub(crate) struct Trainer {
    n_classes: usize,
    rows: FxHashMap<u64, Row>,
    /// Training instances seen so far: the averaging clock.
    clock: u32,
}

/// A feature's weights: a short list while few classes have one, then
/// dense arrays indexed by class (frequent features touch most classes;
/// scoring reads only the weights, kept apart from the averaging state).
#[derive(Debug)]
enum Row {
    Sparse(Vec<Param>),
    Dense {
        weights: Vec<f32>,
        totals: Vec<f64>,
        stamps: Vec<u32>,
    },
}

/// Rows with more classes than this become dense.
const DENSE_ABOVE: usize = 12;

impl Default for Row {
    fn default() -> Row {
        Row::Sparse(Vec::new())
    }
}

impl Row {
    /// Every (class, averaged weight) at time `clock`.
    fn averages(&self, clock: u32) -> Vec<(u16, f32)> {
        match self {
            Row::Sparse(params) => params
                .iter()
                .map(|param| (param.class, param.average(clock) as f32))
                .collect(),
            Row::Dense {
                weights,
                totals,
                stamps,
            } => (0..weights.len())
                .map(|class| {
                    let param = Param {
                        class: class as u16,
                        weight: weights[class],
                        total: totals[class],
                        stamp: stamps[class],
                    };
                    (class as u16, param.average(clock) as f32)
                })
                .collect(),
        }
    }

    fn adjust(&mut self, class: u16, delta: f32, clock: u32, n_classes: usize) {
        if let Row::Sparse(params) = self
            && params.len() >= DENSE_ABOVE
            && !params.iter().any(|param| param.class == class)
        {
            let mut weights = vec![0.0; n_classes];
            let mut totals = vec![0.0; n_classes];
            let mut stamps = vec![clock; n_classes];
            for param in params.iter() {
                let idx = param.class as usize;
                (weights[idx], totals[idx], stamps[idx]) = (param.weight, param.total, param.stamp);
            }
            *self = Row::Dense {
                weights,
                totals,
                stamps,
            };
        }
        match self {
            Row::Dense {
                weights,
                totals,
                stamps,
            } => {
                let idx = class as usize;
                totals[idx] += f64::from(clock - stamps[idx]) * f64::from(weights[idx]);
                stamps[idx] = clock;
                weights[idx] += delta;
            }
            Row::Sparse(params) => {
                let idx = match params.iter().position(|param| param.class == class) {
                    Some(idx) => idx,
                    None => {
                        params.push(Param::new(class, clock));
                        params.len() - 1
                    }
                };
                let param = &mut params[idx];
                param.total += f64::from(clock - param.stamp) * f64::from(param.weight);
                param.stamp = clock;
                param.weight += delta;
            }
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Param {
    class: u16,
    weight: f32,
    /// Sum of the weight over the instances before `stamp`.
    total: f64,
    stamp: u32,
}

impl Param {
    fn new(class: u16, clock: u32) -> Param {
        Param {
            class,
            weight: 0.0,
            total: 0.0,
            stamp: clock,
        }
    }

    fn average(&self, clock: u32) -> f64 {
        let total = self.total + f64::from(clock - self.stamp) * f64::from(self.weight);
        total / f64::from(clock.max(1))
    }
}

impl Trainer {
    pub fn new(n_classes: usize) -> Trainer {
        Trainer {
            n_classes,
            rows: FxHashMap::default(),
            clock: 0,
        }
    }

    /// Current (not averaged) scores of every class.
    pub fn score(&self, keys: &[u64], scores: &mut Vec<f32>) {
        scores.clear();
        scores.resize(self.n_classes, 0.0);
        for key in keys {
            match self.rows.get(key) {
                Some(Row::Dense { weights, .. }) => {
                    for (score, weight) in scores.iter_mut().zip(weights) {
                        *score += weight;
                    }
                }
                Some(Row::Sparse(params)) => {
                    for param in params {
                        scores[param.class as usize] += param.weight;
                    }
                }
                None => {}
            }
        }
    }

    /// Moves weight from the guessed class to the true one.
    pub fn update(&mut self, keys: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &key in keys {
            let row = self.rows.entry(key).or_default();
            row.adjust(truth as u16, 1.0, self.clock, self.n_classes);
            row.adjust(guess as u16, -1.0, self.clock, self.n_classes);
        }
    }

    /// Counts one training instance (call once per decision).
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// The averaged weights, without entries smaller than `min_weight`.
    pub fn finish(&self, min_weight: f32) -> Weights {
        mix(std::slice::from_ref(self), min_weight)
    }
}

/// The mean of several trainers' averaged weights (same classes), without
/// entries smaller than `min_weight`. Scores are linear in the weights, so
/// the mean model scores every decision as the mean of the models' scores:
/// an ensemble of perceptrons trained in different orders, at the cost of
/// one model.
pub(crate) fn mix(trainers: &[Trainer], min_weight: f32) -> Weights {
    let n_classes = trainers.first().map_or(0, |trainer| trainer.n_classes);
    let share = 1.0 / trainers.len().max(1) as f32;
    let mut sums: FxHashMap<u64, Vec<(u16, f32)>> = FxHashMap::default();
    for trainer in trainers {
        for (&key, row) in &trainer.rows {
            let sum = sums.entry(key).or_default();
            for (class, weight) in row.averages(trainer.clock) {
                match sum.iter_mut().find(|(c, _)| *c == class) {
                    Some((_, total)) => *total += weight * share,
                    None => sum.push((class, weight * share)),
                }
            }
        }
    }
    let mut rows: Vec<(u64, Vec<(u16, f32)>)> = sums
        .into_iter()
        .filter_map(|(key, mut row)| {
            row.retain(|(_, weight)| weight.abs() >= min_weight);
            row.sort_unstable_by_key(|&(class, _)| class);
            (!row.is_empty()).then_some((key, row))
        })
        .collect();
    rows.sort_unstable_by_key(|(key, _)| *key);
    Weights::from_rows(n_classes, &rows)
}

/// Inference weights: quantised rows in an open-addressing table.
///
/// Lookups are memory-bound (a model is far larger than the caches), so a
/// slot is 8 bytes: a 16-bit fingerprint of the key and 48 bits that hold
/// the row itself when it is short (see [`Packed`]), else where it lives.
/// The slot index comes from the key's low bits and the fingerprint from
/// its high bits, so a feature the model lacks matches a stored one about
/// once in 32,768 lookups of an occupied slot (a little noise, no error;
/// the layout of the table is therefore part of the model: its capacity
/// and insertion order must not change). Scoring loads the slots of a
/// batch of features first, independently, so the memory system fetches
/// them in parallel.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Weights {
    n_classes: usize,
    /// Real weight = stored weight * scale.
    scale: f32,
    /// Power-of-two table; fingerprint 0 marks an empty slot.
    slots: Vec<Slot>,
    /// The full key of each row and its slot, in the order they were
    /// stored, for writing the model; lookups never read them.
    keys: Vec<u64>,
    row_slots: Vec<u32>,
    /// Rows of three weights or more, as (class, weight) lists ...
    entries: Vec<Entry>,
    /// ... or, when they weigh most classes, one weight per class
    /// (`n_classes` a row): frequent features, added with vector
    /// instructions instead of one scattered add per entry.
    dense: Vec<i16>,
    n_entries: usize,
}

/// Tables with at most this many classes (the parser's moves) keep the
/// weight of every class inside the slot.
const INLINE_CLASSES: usize = 3;

/// Tables with at most this many classes can keep rows of one or two
/// weights inside the slot (7-bit classes).
const PAIR_CLASSES: usize = 128;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(C, align(8))]
struct Slot {
    fingerprint: u16,
    /// Tables of up to [`INLINE_CLASSES`] classes: the weight (`i16`) of
    /// each class. Others: a [`Packed`] row, low bits first.
    data: [u16; 3],
}

/// A row of a table with more than [`INLINE_CLASSES`] classes, as its
/// slot keeps it in 48 bits: two bits of kind, then
/// - one or two weights: the weights (16 bits each), then their classes
///   (7 bits each; a single weight has a second of 0 on class 0);
/// - a list: its start in `entries` (30 bits) and length (16 bits);
/// - a dense row: its number in `dense` (46 bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Packed {
    One(Entry),
    Two(Entry, Entry),
    List { start: usize, len: usize },
    Dense(usize),
}

const KIND_SHIFT: u32 = 46;
const LOW_46: u64 = (1 << KIND_SHIFT) - 1;

impl Packed {
    fn to_slot(self, fingerprint: u16) -> Slot {
        let pair = |a: Entry, b: Entry| {
            u64::from(a.weight as u16)
                | u64::from(b.weight as u16) << 16
                | u64::from(a.class) << 32
                | u64::from(b.class) << 39
        };
        let bits = match self {
            Packed::One(entry) => pair(entry, Entry::ZERO),
            Packed::Two(a, b) => 1 << KIND_SHIFT | pair(a, b),
            Packed::List { start, len } => 2 << KIND_SHIFT | (len as u64) << 30 | start as u64,
            Packed::Dense(row) => 3 << KIND_SHIFT | row as u64,
        };
        Slot {
            fingerprint,
            data: [bits as u16, (bits >> 16) as u16, (bits >> 32) as u16],
        }
    }

    #[inline]
    fn of_slot(slot: Slot) -> Packed {
        let bits =
            u64::from(slot.data[0]) | u64::from(slot.data[1]) << 16 | u64::from(slot.data[2]) << 32;
        let entry = |weight_at: u32, class_at: u32| Entry {
            class: (bits >> class_at) as u16 & 0x7F,
            weight: (bits >> weight_at) as u16 as i16,
        };
        match bits >> KIND_SHIFT {
            0 => Packed::One(entry(0, 32)),
            1 => Packed::Two(entry(0, 32), entry(16, 39)),
            2 => Packed::List {
                start: (bits & 0x3FFF_FFFF) as usize,
                len: (bits >> 30) as u16 as usize,
            },
            _ => Packed::Dense((bits & LOW_46) as usize),
        }
    }
}

/// A key's fingerprint: its high bits, never 0.
#[inline]
fn fingerprint(key: u64) -> u16 {
    ((key >> 48) as u16) | 1
}

/// One class's weight in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub class: u16,
    pub weight: i16,
}

impl Entry {
    const ZERO: Entry = Entry {
        class: 0,
        weight: 0,
    };
}

/// Features scored together; their slots are loaded before any is used.
const BATCH: usize = 32;

impl Weights {
    /// Builds the table from averaged rows (sorted by key, for determinism).
    fn from_rows(n_classes: usize, rows: &[(u64, Vec<(u16, f32)>)]) -> Weights {
        let max = rows
            .iter()
            .flat_map(|(_, row)| row.iter().map(|(_, w)| w.abs()))
            .fold(0.0f32, f32::max);
        let scale = if max > 0.0 { max / 32_000.0 } else { 1.0 };
        let quantised: Vec<(u64, Vec<Entry>)> = rows
            .iter()
            .map(|(key, row)| {
                let entries = row
                    .iter()
                    .map(|&(class, weight)| Entry {
                        class,
                        weight: (weight / scale).round() as i16,
                    })
                    .filter(|entry| entry.weight != 0)
                    .collect();
                (*key, entries)
            })
            .filter(|(_, entries): &(u64, Vec<Entry>)| !entries.is_empty())
            .collect();
        Weights::from_quantised(n_classes, scale, quantised.into_iter().collect())
    }

    /// Builds the table from quantised rows (as a model file stores them,
    /// sorted by key; the order decides where each lands). Classes must be
    /// below `n_classes`.
    pub fn from_quantised(n_classes: usize, scale: f32, rows: QuantisedRows) -> Weights {
        let capacity = (rows.len() * 3 / 2).next_power_of_two().max(16);
        let mut weights = Weights {
            n_classes,
            scale,
            slots: vec![Slot::default(); capacity],
            keys: Vec::with_capacity(rows.len()),
            row_slots: Vec::with_capacity(rows.len()),
            entries: Vec::new(),
            dense: Vec::new(),
            n_entries: rows.entries.len(),
        };
        let mask = capacity - 1;
        for (key, row) in rows.iter() {
            let mut idx = key as usize & mask;
            // A stored fingerprint is never 0.
            while weights.slots[idx].fingerprint != 0 {
                idx = (idx + 1) & mask;
            }
            weights.slots[idx] = weights.store(fingerprint(key), row);
            weights.keys.push(key);
            weights
                .row_slots
                .push(u32::try_from(idx).expect("a table of fewer than 2^32 slots"));
        }
        weights
    }

    /// The slot of a row, storing the row outside it when it must.
    fn store(&mut self, fingerprint: u16, row: &[Entry]) -> Slot {
        if self.n_classes <= INLINE_CLASSES {
            let mut data = [0i16; 3];
            for entry in row {
                data[usize::from(entry.class)] =
                    data[usize::from(entry.class)].saturating_add(entry.weight);
            }
            return Slot {
                fingerprint,
                data: data.map(|weight| weight as u16),
            };
        }
        let packed = match *row {
            [one] if self.n_classes <= PAIR_CLASSES => Packed::One(one),
            [a, b] if self.n_classes <= PAIR_CLASSES => Packed::Two(a, b),
            _ if self.is_dense(row) => {
                let number = self.dense.len() / self.n_classes;
                let start = self.dense.len();
                self.dense.resize(start + self.n_classes, 0);
                for entry in row {
                    self.dense[start + usize::from(entry.class)] = entry.weight;
                }
                Packed::Dense(number)
            }
            _ => {
                // A payload is at most 1 GiB and an entry takes two bytes
                // of it or more: starts fit in 30 bits.
                let start = self.entries.len();
                self.entries.extend_from_slice(row);
                Packed::List {
                    start,
                    len: row.len(),
                }
            }
        };
        packed.to_slot(fingerprint)
    }

    /// Whether a row is kept dense: it weighs a quarter of the classes or
    /// more (its dense form takes at most twice the bytes of its list),
    /// and the dense form gives the list back exactly (classes ascending,
    /// no zero weight).
    fn is_dense(&self, row: &[Entry]) -> bool {
        row.len() * 4 >= self.n_classes
            && row.windows(2).all(|pair| pair[0].class < pair[1].class)
            && row.iter().all(|entry| entry.weight != 0)
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Number of (feature, class) weights.
    pub fn n_entries(&self) -> usize {
        self.n_entries
    }

    /// Adds the rows of `keys` to `scores` (integer units of `scale`;
    /// `n_classes` of them).
    #[inline]
    pub fn score(&self, keys: &[u64], scores: &mut [i32]) {
        let mask = self.slots.len() - 1;
        let mut found = [Slot::default(); BATCH];
        for chunk in keys.chunks(BATCH) {
            for (slot, &key) in found.iter_mut().zip(chunk) {
                *slot = self.slots[key as usize & mask];
            }
            for (&slot, &key) in found.iter().zip(chunk) {
                let slot = if slot.fingerprint == fingerprint(key) {
                    slot
                } else if slot.fingerprint == 0 {
                    continue;
                } else if let Some(slot) = self.probe(key) {
                    slot
                } else {
                    continue;
                };
                self.add(slot, scores);
            }
        }
    }

    #[inline]
    fn add(&self, slot: Slot, scores: &mut [i32]) {
        if self.n_classes <= INLINE_CLASSES {
            for (score, &weight) in scores.iter_mut().zip(&slot.data) {
                *score += i32::from(weight as i16);
            }
            return;
        }
        match Packed::of_slot(slot) {
            Packed::One(entry) => scores[usize::from(entry.class)] += i32::from(entry.weight),
            Packed::Two(a, b) => {
                scores[usize::from(a.class)] += i32::from(a.weight);
                scores[usize::from(b.class)] += i32::from(b.weight);
            }
            Packed::List { start, len } => {
                for entry in &self.entries[start..start + len] {
                    scores[usize::from(entry.class)] += i32::from(entry.weight);
                }
            }
            Packed::Dense(number) => {
                let row = &self.dense[number * self.n_classes..][..self.n_classes];
                for (score, &weight) in scores.iter_mut().zip(row) {
                    *score += i32::from(weight);
                }
            }
        }
    }

    /// Walks the probe chain of a key whose home slot holds another.
    fn probe(&self, key: u64) -> Option<Slot> {
        let mask = self.slots.len() - 1;
        let wanted = fingerprint(key);
        let mut idx = key as usize & mask;
        for _ in 0..self.slots.len() {
            let slot = self.slots[idx];
            if slot.fingerprint == wanted {
                return Some(slot);
            }
            if slot.fingerprint == 0 {
                return None;
            }
            idx = (idx + 1) & mask;
        }
        None
    }

    fn row_of(&self, slot: &Slot) -> Vec<Entry> {
        if self.n_classes <= INLINE_CLASSES {
            return (0..self.n_classes)
                .filter(|&class| slot.data[class] != 0)
                .map(|class| Entry {
                    class: class as u16,
                    weight: slot.data[class] as i16,
                })
                .collect();
        }
        match Packed::of_slot(*slot) {
            Packed::One(entry) => vec![entry],
            Packed::Two(a, b) => vec![a, b],
            Packed::List { start, len } => self.entries[start..start + len].to_vec(),
            Packed::Dense(number) => self.dense[number * self.n_classes..][..self.n_classes]
                .iter()
                .enumerate()
                .filter(|(_, weight)| **weight != 0)
                .map(|(class, &weight)| Entry {
                    class: class as u16,
                    weight,
                })
                .collect(),
        }
    }

    /// The same weights without entries smaller than `min_weight`.
    pub fn pruned(&self, min_weight: f32) -> Weights {
        let min_stored = (min_weight / self.scale).ceil() as i32;
        let rows: QuantisedRows = self
            .sorted_rows()
            .into_iter()
            .map(|(key, row)| {
                let kept: Vec<Entry> = row
                    .into_iter()
                    .filter(|entry| i32::from(entry.weight).abs() >= min_stored)
                    .collect();
                (key, kept)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        Weights::from_quantised(self.n_classes, self.scale, rows)
    }

    /// Every row with its key, sorted by key: what a model file stores.
    pub fn sorted_rows(&self) -> Vec<(u64, Vec<Entry>)> {
        let mut rows: Vec<(u64, Vec<Entry>)> = self
            .keys
            .iter()
            .zip(&self.row_slots)
            .map(|(&key, &slot)| (key, self.row_of(&self.slots[slot as usize])))
            .collect();
        rows.sort_unstable_by_key(|(key, _)| *key);
        rows
    }
}

/// Quantised rows in flat arrays, in the order they are to be stored (a
/// model holds millions: no list each).
#[derive(Clone, Debug, Default)]
pub(crate) struct QuantisedRows {
    keys: Vec<u64>,
    /// Where each row's entries end in `entries`.
    ends: Vec<usize>,
    entries: Vec<Entry>,
}

impl QuantisedRows {
    pub fn with_capacity(n_rows: usize) -> QuantisedRows {
        QuantisedRows {
            keys: Vec::with_capacity(n_rows),
            ends: Vec::with_capacity(n_rows),
            entries: Vec::new(),
        }
    }

    /// Adds an entry to the row that [`QuantisedRows::end_row`] ends next.
    pub fn push_entry(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// Ends a row: the entries pushed since the last row ended.
    pub fn end_row(&mut self, key: u64) {
        self.keys.push(key);
        self.ends.push(self.entries.len());
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    fn iter(&self) -> impl Iterator<Item = (u64, &[Entry])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        self.keys
            .iter()
            .zip(starts.zip(&self.ends))
            .map(|(&key, (start, &end))| (key, &self.entries[start..end]))
    }
}

impl FromIterator<(u64, Vec<Entry>)> for QuantisedRows {
    fn from_iter<I: IntoIterator<Item = (u64, Vec<Entry>)>>(rows: I) -> QuantisedRows {
        let mut flat = QuantisedRows::default();
        for (key, row) in rows {
            flat.entries.extend(row);
            flat.end_row(key);
        }
        flat
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_averages() {
        let mut trainer = Trainer::new(3);
        let examples = [
            (vec![11u64, 21], 0usize),
            (vec![13, 21], 1),
            (vec![15, 21], 2),
        ];
        let mut scores = Vec::new();
        for _ in 0..5 {
            for (keys, truth) in &examples {
                trainer.score(keys, &mut scores);
                let guess = argmax(&scores);
                trainer.update(keys, *truth, guess);
                trainer.tick();
            }
        }
        let weights = trainer.finish(0.0);
        for (keys, truth) in &examples {
            let mut scores = vec![0; 3];
            weights.score(keys, &mut scores);
            let best = (0..3).max_by_key(|&c| scores[c]).unwrap();
            assert_eq!(best, *truth);
        }
        let rows = weights.sorted_rows();
        assert!(rows.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert_eq!(
            rows.iter().map(|(_, row)| row.len()).sum::<usize>(),
            weights.n_entries()
        );
        let rebuilt = Weights::from_quantised(3, weights.scale(), rows.into_iter().collect());
        assert_eq!(rebuilt, weights);
    }

    /// Rows of every storage kind (one or two weights in the slot, a list,
    /// a dense row; no pairs in slots past 128 classes) score as their
    /// entries sum and come back as stored.
    #[test]
    fn every_row_kind_scores_its_entries_and_round_trips() {
        for n_classes in [10u16, 200] {
            // Row `len` weighs `len` distinct classes (7 is prime to both
            // class counts), alternately up and down.
            let rows: Vec<(u64, Vec<Entry>)> = (1..=n_classes)
                .map(|len| {
                    let mut row: Vec<Entry> = (0..len)
                        .map(|idx| Entry {
                            class: idx * 7 % n_classes,
                            weight: if idx % 2 == 0 { 300 } else { -7 } - idx as i16,
                        })
                        .collect();
                    row.sort_unstable_by_key(|entry| entry.class);
                    (u64::from(len).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1, row)
                })
                .collect();
            let mut sorted = rows.clone();
            sorted.sort_unstable_by_key(|(key, _)| *key);
            let flat = sorted.iter().cloned().collect();
            let weights = Weights::from_quantised(n_classes.into(), 1.0, flat);
            assert_eq!(weights.sorted_rows(), sorted);
            for (key, row) in &rows {
                let mut scores = vec![0; n_classes.into()];
                weights.score(&[*key], &mut scores);
                let mut expected = vec![0; n_classes.into()];
                for entry in row {
                    expected[usize::from(entry.class)] += i32::from(entry.weight);
                }
                assert_eq!(scores, expected, "a row of {}", row.len());
            }
        }
    }

    fn argmax(scores: &[f32]) -> usize {
        (0..scores.len())
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
            .unwrap()
    }
}
