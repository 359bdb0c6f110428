//! Answers kept for repeated read-only requests, valid for one generation
//! of the store.
//!
//! A key is the endpoint and its parsed, typed request (so `actor=RUS&by=week`
//! and `by=week&actor=RUS` are one key); a value is the JSON body as sent.
//! Each entry belongs to the store generation (`Store::generation`, which
//! every committed ingest batch raises, from this server or any other
//! process) that the snapshot computing it saw. A request reads the
//! generation in its own snapshot first and is answered from the cache only
//! at that same generation; a newer generation empties the cache. So an
//! answer is never older than the data the request could see.
//!
//! The cache holds at most a number of bytes of bodies, dropping the least
//! recently used first.

use std::collections::{BTreeMap, HashMap};

use bytes::Bytes;

/// The endpoints whose answers are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endpoint {
    Events,
    Timeline,
    Network,
    Places,
}

/// An endpoint and its request, normalised: the `Debug` text of the typed
/// values the parameters were parsed into.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CacheKey {
    endpoint: Endpoint,
    request: String,
}

impl CacheKey {
    pub fn new(endpoint: Endpoint, request: &impl std::fmt::Debug) -> CacheKey {
        CacheKey {
            endpoint,
            request: format!("{request:?}"),
        }
    }

    /// What the key costs to keep, beside its body.
    fn bytes(&self) -> usize {
        self.request.len() + std::mem::size_of::<CacheKey>()
    }
}

#[derive(Debug)]
struct Entry {
    body: Bytes,
    /// When it was last used, the key of `ResponseCache::by_use`.
    used: u64,
}

/// Bodies of one store generation, least recently used dropped first.
#[derive(Debug)]
pub struct ResponseCache {
    max_bytes: usize,
    bytes: usize,
    generation: i64,
    entries: HashMap<CacheKey, Entry>,
    /// Entries by last use, oldest first.
    by_use: BTreeMap<u64, CacheKey>,
    clock: u64,
}

impl ResponseCache {
    /// A cache of at most `max_bytes` of keys and bodies (0 keeps nothing).
    pub fn new(max_bytes: usize) -> ResponseCache {
        ResponseCache {
            max_bytes,
            bytes: 0,
            generation: i64::MIN,
            entries: HashMap::new(),
            by_use: BTreeMap::new(),
            clock: 0,
        }
    }

    /// The body kept for `key` at `generation`, if any.
    pub fn get(&mut self, key: &CacheKey, generation: i64) -> Option<Bytes> {
        self.advance_to(generation);
        if generation != self.generation {
            return None;
        }
        self.clock += 1;
        let entry = self.entries.get_mut(key)?;
        self.by_use.remove(&entry.used);
        entry.used = self.clock;
        self.by_use.insert(self.clock, key.clone());
        Some(entry.body.clone())
    }

    /// Keeps `body` as the answer to `key` at `generation`; an answer from
    /// an older generation than the newest seen is not kept.
    pub fn insert(&mut self, key: CacheKey, generation: i64, body: Bytes) {
        self.advance_to(generation);
        let cost = key.bytes() + body.len();
        if generation != self.generation || cost > self.max_bytes {
            return;
        }
        self.remove(&key);
        while self.bytes + cost > self.max_bytes {
            let Some((_, oldest)) = self.by_use.pop_first() else {
                break;
            };
            self.remove(&oldest);
        }
        self.clock += 1;
        self.bytes += cost;
        self.by_use.insert(self.clock, key.clone());
        self.entries.insert(
            key,
            Entry {
                body,
                used: self.clock,
            },
        );
    }

    /// Number of answers kept.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Drops everything when the store has moved to a newer generation.
    fn advance_to(&mut self, generation: i64) {
        if generation > self.generation {
            self.entries.clear();
            self.by_use.clear();
            self.bytes = 0;
            self.generation = generation;
        }
    }

    fn remove(&mut self, key: &CacheKey) {
        if let Some(entry) = self.entries.remove(key) {
            self.by_use.remove(&entry.used);
            self.bytes -= key.bytes() + entry.body.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> CacheKey {
        CacheKey::new(Endpoint::Timeline, &text)
    }

    fn body(text: &str) -> Bytes {
        Bytes::from(text.to_string())
    }

    #[test]
    fn an_answer_is_given_back_at_its_generation_only() {
        let mut cache = ResponseCache::new(1 << 20);
        cache.insert(key("RUS"), 3, body("three"));
        assert_eq!(cache.get(&key("RUS"), 3), Some(body("three")));
        assert_eq!(cache.get(&key("UKR"), 3), None);
        // The same request to another endpoint is another key.
        assert_eq!(cache.get(&CacheKey::new(Endpoint::Events, &"RUS"), 3), None);
        // A reader whose snapshot is older gets nothing (and drops nothing).
        assert_eq!(cache.get(&key("RUS"), 2), None);
        assert_eq!(cache.len(), 1);
        // After an ingest: nothing from before, ever again.
        assert_eq!(cache.get(&key("RUS"), 4), None);
        assert_eq!(cache.len(), 0);
        assert_eq!(cache.get(&key("RUS"), 3), None);
    }

    #[test]
    fn an_answer_computed_before_a_newer_generation_was_seen_is_not_kept() {
        let mut cache = ResponseCache::new(1 << 20);
        assert_eq!(cache.get(&key("RUS"), 5), None);
        cache.insert(key("RUS"), 4, body("four"));
        assert_eq!(cache.len(), 0);
        assert_eq!(cache.get(&key("RUS"), 4), None);
        assert_eq!(cache.get(&key("RUS"), 5), None);
    }

    #[test]
    fn the_least_recently_used_answers_go_first_when_full() {
        let cost = key("a").bytes() + 100;
        let mut cache = ResponseCache::new(3 * cost);
        let hundred = |c: &str| body(&c.repeat(100));
        for name in ["a", "b", "c"] {
            cache.insert(key(name), 1, hundred(name));
        }
        assert_eq!(cache.len(), 3);
        // "a" is used, so "b" is the oldest when "d" comes.
        assert!(cache.get(&key("a"), 1).is_some());
        cache.insert(key("d"), 1, hundred("d"));
        assert_eq!(cache.len(), 3);
        assert!(cache.get(&key("b"), 1).is_none());
        for name in ["a", "c", "d"] {
            assert_eq!(cache.get(&key(name), 1), Some(hundred(name)), "{name}");
        }
        // Replacing an answer does not count it twice.
        cache.insert(key("d"), 1, hundred("e"));
        assert_eq!(cache.len(), 3);
        assert_eq!(cache.get(&key("d"), 1), Some(hundred("e")));
        // Too big to keep at all: kept out, and nothing else dropped.
        cache.insert(key("huge"), 1, body(&"x".repeat(4 * cost)));
        assert_eq!(cache.len(), 3);
        // Nothing is kept by a cache of no size.
        let mut none = ResponseCache::new(0);
        none.insert(key("a"), 1, hundred("a"));
        assert_eq!(none.get(&key("a"), 1), None);
    }
}
