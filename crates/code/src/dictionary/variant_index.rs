//! Which pattern variants a sentence can match at all, per trigger word.
//!
//! Alternations multiply: one pattern of the built-in dictionary expands to
//! hundreds of variants, and a common trigger ("said", "held") carries
//! thousands of variants over hundreds of patterns. Every variant needs all
//! its words in the sentence, so each is filed under one of them (the one
//! fewest other variants of its trigger share); a sentence then tries only
//! the variants filed under words it holds, in dictionary order.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{LemmaId, VerbDictionary};

/// A variant of one of a trigger's patterns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct VariantRef {
    /// The pattern's place in [`VerbDictionary::patterns_triggered_by`].
    pub pattern: u32,
    /// The variant's place in the pattern's variants (most specific first).
    pub variant: u32,
}

/// The variants of every trigger, filed by one word each.
#[derive(Clone, Debug, Default)]
pub struct VariantIndex {
    by_trigger: FxHashMap<LemmaId, TriggerVariants>,
}

#[derive(Clone, Debug, Default)]
struct TriggerVariants {
    by_word: FxHashMap<LemmaId, Vec<VariantRef>>,
    /// Variants with no word of their own (only slots and skips).
    wordless: Vec<VariantRef>,
}

impl VariantIndex {
    pub fn new(dictionary: &VerbDictionary) -> VariantIndex {
        let by_trigger = dictionary
            .by_trigger
            .keys()
            .map(|&trigger| (trigger, TriggerVariants::new(dictionary, trigger)))
            .collect();
        VariantIndex { by_trigger }
    }

    /// The variants of `trigger`'s patterns whose filing word the sentence
    /// holds, in dictionary order, into `out`.
    pub fn candidates(
        &self,
        trigger: LemmaId,
        sentence_lemmas: &FxHashSet<LemmaId>,
        out: &mut Vec<VariantRef>,
    ) {
        out.clear();
        let Some(variants) = self.by_trigger.get(&trigger) else {
            return;
        };
        out.extend_from_slice(&variants.wordless);
        if variants.by_word.len() <= sentence_lemmas.len() {
            for (lemma, refs) in &variants.by_word {
                if sentence_lemmas.contains(lemma) {
                    out.extend_from_slice(refs);
                }
            }
        } else {
            for lemma in sentence_lemmas {
                if let Some(refs) = variants.by_word.get(lemma) {
                    out.extend_from_slice(refs);
                }
            }
        }
        out.sort_unstable();
    }
}

impl TriggerVariants {
    fn new(dictionary: &VerbDictionary, trigger: LemmaId) -> TriggerVariants {
        let patterns: Vec<_> = dictionary
            .patterns_triggered_by(trigger)
            .iter()
            .map(|&id| dictionary.pattern(id))
            .collect();
        let mut share: FxHashMap<LemmaId, usize> = FxHashMap::default();
        for lemma in patterns
            .iter()
            .flat_map(|p| &p.variants)
            .flat_map(|v| &v.lemmas)
        {
            *share.entry(*lemma).or_default() += 1;
        }
        let mut filed = TriggerVariants::default();
        for (pattern_pos, pattern) in patterns.iter().enumerate() {
            for (variant_pos, variant) in pattern.variants.iter().enumerate() {
                let at = VariantRef {
                    pattern: pattern_pos as u32,
                    variant: variant_pos as u32,
                };
                match variant.lemmas.iter().min_by_key(|lemma| share[lemma]) {
                    Some(key) => filed.by_word.entry(*key).or_default().push(at),
                    None => filed.wordless.push(at),
                }
            }
        }
        filed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_variants_whose_words_the_sentence_holds_are_tried_in_order() {
        let mut dictionary = VerbDictionary::default();
        let errors = dictionary.add_file(
            "t.txt",
            "040  $ meet +\n\
             046  $ meet + for (talks|negotiations|consultations)\n\
             042  $ meet + in +\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let index = VariantIndex::new(&dictionary);
        let lemmas = |word: &str| dictionary.lemmas_of(word).to_vec();
        let meet = lemmas("meet")[0];
        let sentence: FxHashSet<LemmaId> = ["meet", "for", "talks"]
            .into_iter()
            .flat_map(lemmas)
            .collect();
        let mut out = Vec::new();
        index.candidates(meet, &sentence, &mut out);
        let tried: Vec<(u32, u32)> = out.iter().map(|r| (r.pattern, r.variant)).collect();
        // "$ meet +" has no word of its own; "for talks" is the only
        // variant of the second pattern with its words; "in" is missing.
        assert_eq!(tried, [(0, 0), (1, 0)]);
    }
}
