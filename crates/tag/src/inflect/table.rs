//! The inflection tables: `data/lexicon/verbs.tsv` and `data/lexicon/nouns.tsv`.
//!
//! Both list every lemma the source knows, so lemmatisation can prefer real
//! words ("hoped" -> "hope", not "hop"), and give forms only for lemmas the
//! regular rules get wrong.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

static VERBS_TEXT: &str = include_str!("../../../../data/lexicon/verbs.tsv");
static NOUNS_TEXT: &str = include_str!("../../../../data/lexicon/nouns.tsv");

/// The compiled-in verb table; parsed once. A unit test parses the file, so
/// this cannot fail at run time.
pub(crate) static VERBS: LazyLock<VerbTable> = LazyLock::new(|| {
    VerbTable::parse(VERBS_TEXT).unwrap_or_else(|message| panic!("verbs.tsv:{message}"))
});

/// The compiled-in noun table; parsed once.
pub(crate) static NOUNS: LazyLock<NounTable> = LazyLock::new(|| {
    NounTable::parse(NOUNS_TEXT).unwrap_or_else(|message| panic!("nouns.tsv:{message}"))
});

/// Which form of a verb a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VerbSlot {
    ThirdPerson,
    Past,
    PastParticiple,
    PresentParticiple,
    /// Present forms other than the base and third person ("am", "are").
    OtherPresent,
}

/// The listed forms of an irregular verb; the first of each is preferred.
#[derive(Debug)]
pub(crate) struct IrregularVerb {
    pub third_person: Vec<&'static str>,
    pub past: Vec<&'static str>,
    pub past_participle: Vec<&'static str>,
    pub present_participle: Vec<&'static str>,
    pub other_present: Vec<&'static str>,
}

#[derive(Debug, Default)]
pub(crate) struct VerbTable {
    lemmas: FxHashSet<&'static str>,
    irregular: FxHashMap<&'static str, IrregularVerb>,
    /// Every listed form, with the lemmas and slots it is a form of.
    by_form: FxHashMap<&'static str, Vec<(&'static str, VerbSlot)>>,
}

impl VerbTable {
    pub(crate) fn is_lemma(&self, word: &str) -> bool {
        self.lemmas.contains(word)
    }

    pub(crate) fn irregular(&self, lemma: &str) -> Option<&IrregularVerb> {
        self.irregular.get(lemma)
    }

    /// Lemmas that list `form` in `slot`.
    pub(crate) fn lemmas_of(
        &self,
        form: &str,
        slot: VerbSlot,
    ) -> impl Iterator<Item = &'static str> + '_ {
        self.by_form
            .get(form)
            .into_iter()
            .flatten()
            .filter(move |(_, listed_slot)| *listed_slot == slot)
            .map(|(lemma, _)| *lemma)
    }

    fn parse(text: &'static str) -> Result<VerbTable, String> {
        let mut table = VerbTable::default();
        for (line_number, fields) in data_lines(text) {
            let lemma = fields[0];
            table.lemmas.insert(lemma);
            match fields.len() {
                1 => continue,
                5 | 6 => {}
                n => {
                    return Err(format!(
                        "{line_number}: expected 1, 5 or 6 columns, found {n}"
                    ));
                }
            }
            let variants = |idx: usize| -> Vec<&'static str> {
                fields
                    .get(idx)
                    .map(|cell| cell.split('/').collect())
                    .unwrap_or_default()
            };
            let verb = IrregularVerb {
                third_person: variants(1),
                past: variants(2),
                past_participle: variants(3),
                present_participle: variants(4),
                other_present: variants(5),
            };
            for (forms, slot) in [
                (&verb.third_person, VerbSlot::ThirdPerson),
                (&verb.past, VerbSlot::Past),
                (&verb.past_participle, VerbSlot::PastParticiple),
                (&verb.present_participle, VerbSlot::PresentParticiple),
                (&verb.other_present, VerbSlot::OtherPresent),
            ] {
                for form in forms {
                    table.by_form.entry(form).or_default().push((lemma, slot));
                }
            }
            table.irregular.insert(lemma, verb);
        }
        Ok(table)
    }
}

#[derive(Debug, Default)]
pub(crate) struct NounTable {
    lemmas: FxHashSet<&'static str>,
    irregular_plurals: FxHashMap<&'static str, Vec<&'static str>>,
    by_plural: FxHashMap<&'static str, &'static str>,
}

impl NounTable {
    pub(crate) fn is_lemma(&self, word: &str) -> bool {
        self.lemmas.contains(word)
    }

    /// The preferred listed plural of an irregular noun.
    pub(crate) fn irregular_plural(&self, lemma: &str) -> Option<&'static str> {
        self.irregular_plurals.get(lemma)?.first().copied()
    }

    /// The lemma whose listed plural is `plural` ("crises" -> "crisis").
    pub(crate) fn lemma_of_plural(&self, plural: &str) -> Option<&'static str> {
        self.by_plural.get(plural).copied()
    }

    fn parse(text: &'static str) -> Result<NounTable, String> {
        let mut table = NounTable::default();
        for (line_number, fields) in data_lines(text) {
            let lemma = fields[0];
            table.lemmas.insert(lemma);
            match fields.len() {
                1 => continue,
                2 => {}
                n => return Err(format!("{line_number}: expected 1 or 2 columns, found {n}")),
            }
            let plurals: Vec<&'static str> = fields[1].split('/').collect();
            for plural in &plurals {
                // Of two lemmas sharing a plural, the first listed keeps it,
                // unless it is hyphenated and the other is not ("camera-man").
                let kept = table.by_plural.entry(plural).or_insert(lemma);
                if kept.contains('-') && !lemma.contains('-') {
                    *kept = lemma;
                }
            }
            table.irregular_plurals.insert(lemma, plurals);
        }
        Ok(table)
    }
}

/// Non-comment, non-blank lines with their 1-based numbers, split at tabs.
fn data_lines(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(idx, line)| (idx + 1, line.split('\t').collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_tables_parse() {
        let verbs = VerbTable::parse(VERBS_TEXT).unwrap();
        assert!(verbs.lemmas.len() > 5000, "{} verbs", verbs.lemmas.len());
        assert_eq!(verbs.irregular("meet").unwrap().past, ["met"]);
        assert_eq!(
            verbs.lemmas_of("held", VerbSlot::Past).collect::<Vec<_>>(),
            ["hold"]
        );
        assert!(verbs.is_lemma("attack"));
        let nouns = NounTable::parse(NOUNS_TEXT).unwrap();
        assert!(nouns.lemmas.len() > 10000, "{} nouns", nouns.lemmas.len());
        assert_eq!(nouns.irregular_plural("crisis"), Some("crises"));
        assert_eq!(nouns.lemma_of_plural("children"), Some("child"));
    }

    #[test]
    fn malformed_rows_name_their_line() {
        assert_eq!(
            VerbTable::parse("# c\nmeet\tmeets\tmet\n").unwrap_err(),
            "2: expected 1, 5 or 6 columns, found 3"
        );
        assert_eq!(
            NounTable::parse("a\tb\tc\n").unwrap_err(),
            "1: expected 1 or 2 columns, found 3"
        );
    }
}
