//! Which of a pattern's variants a sentence can match at all.
//!
//! Alternations multiply: one pattern of the built-in dictionary expands to
//! hundreds of variants, and a common trigger ("said", "held") carries
//! thousands. Every variant needs all its words in the sentence, so each is
//! filed under one of them (the one fewest other variants share); a sentence
//! then tries only the variants filed under words it holds, in their
//! original (most specific first) order.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{LemmaId, Variant};

/// Below this many variants, trying each is cheaper than the lookup.
const INDEXED_FROM: usize = 16;

/// A pattern's variants filed by one word each.
#[derive(Clone, Debug, Default)]
pub struct VariantIndex {
    by_word: FxHashMap<LemmaId, Vec<u32>>,
    /// Variants with no word of their own (only slots and skips).
    wordless: Vec<u32>,
    len: usize,
}

impl VariantIndex {
    pub fn new(variants: &[Variant]) -> VariantIndex {
        let mut share: FxHashMap<LemmaId, usize> = FxHashMap::default();
        for lemma in variants.iter().flat_map(|v| &v.lemmas) {
            *share.entry(*lemma).or_default() += 1;
        }
        let mut index = VariantIndex {
            len: variants.len(),
            ..VariantIndex::default()
        };
        for (idx, variant) in variants.iter().enumerate() {
            match variant.lemmas.iter().min_by_key(|lemma| share[lemma]) {
                Some(key) => index.by_word.entry(*key).or_default().push(idx as u32),
                None => index.wordless.push(idx as u32),
            }
        }
        index
    }

    /// The indices of the variants whose filing word the sentence holds
    /// (every variant of a small pattern), ascending, into `out`.
    pub fn candidates(&self, sentence_lemmas: &FxHashSet<LemmaId>, out: &mut Vec<u32>) {
        out.clear();
        if self.len < INDEXED_FROM {
            out.extend(0..self.len as u32);
            return;
        }
        out.extend_from_slice(&self.wordless);
        if self.by_word.len() <= sentence_lemmas.len() {
            for (lemma, variants) in &self.by_word {
                if sentence_lemmas.contains(lemma) {
                    out.extend_from_slice(variants);
                }
            }
        } else {
            for lemma in sentence_lemmas {
                if let Some(variants) = self.by_word.get(lemma) {
                    out.extend_from_slice(variants);
                }
            }
        }
        out.sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(lemmas: &[u32]) -> Variant {
        Variant {
            elements: Vec::new(),
            lemmas: lemmas.iter().map(|&l| LemmaId(l)).collect(),
        }
    }

    #[test]
    fn only_variants_whose_words_the_sentence_holds_are_tried_in_order() {
        // Twenty variants "a x<i>" plus one wordless: each is filed under its
        // rare word x<i>, not the shared "a".
        let mut variants: Vec<Variant> = (0..20).map(|i| variant(&[1, 100 + i])).collect();
        variants.push(variant(&[]));
        let index = VariantIndex::new(&variants);
        let sentence: FxHashSet<LemmaId> = [LemmaId(1), LemmaId(107), LemmaId(103)]
            .into_iter()
            .collect();
        let mut out = Vec::new();
        index.candidates(&sentence, &mut out);
        assert_eq!(out, [3, 7, 20]);
        let unrelated: FxHashSet<LemmaId> = [LemmaId(1)].into_iter().collect();
        index.candidates(&unrelated, &mut out);
        assert_eq!(out, [20]);
    }

    #[test]
    fn small_patterns_try_every_variant() {
        let variants = vec![variant(&[1]), variant(&[2])];
        let mut out = Vec::new();
        VariantIndex::new(&variants).candidates(&FxHashSet::default(), &mut out);
        assert_eq!(out, [0, 1]);
    }
}
