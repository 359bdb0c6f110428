//! Contextual rules: change a tag when the tags or words around it match.
//!
//! Each line of `data/lexicon/context-rules.tsv` (Brill's rules) and then
//! `data/lexicon/news-context-rules.tsv` (Dateline's) reads `from-tag to-tag
//! TEMPLATE arguments`. Rules apply in file order; each sweeps the sentence
//! left to right and sees its own earlier changes, as in Brill's tagger.
//! Positions outside the sentence carry the tag and word `STAART`.
//!
//! For speed, tags are small integers and every word a rule mentions gets an
//! id, so matching compares integers only.

use std::sync::LazyLock;

use dateline_model::Pos;
use rustc_hash::FxHashMap;

use super::{parse_tag, rule_lines};
use crate::start::Start;

static BRILL_TEXT: &str = include_str!("../../../../data/lexicon/context-rules.tsv");
static NEWS_TEXT: &str = include_str!("../../../../data/lexicon/news-context-rules.tsv");

/// The compiled-in rules, parsed once. A unit test parses both files, so
/// this cannot fail at run time.
pub(crate) static CONTEXT_RULES: LazyLock<ContextRules> = LazyLock::new(|| {
    let mut rules = ContextRules::default();
    rules
        .add_rules("context-rules.tsv", BRILL_TEXT)
        .and_then(|()| rules.add_rules("news-context-rules.tsv", NEWS_TEXT))
        .unwrap_or_else(|message| panic!("{message}"));
    rules
});

/// A tag as a small integer: its index in `Pos::ALL`, or `BOUNDARY`.
pub(crate) type TagCode = u8;
/// The tag of positions outside the sentence (Brill's `STAART`).
pub(crate) const BOUNDARY: TagCode = u8::MAX;
/// Positions of padding on each side of a sentence: templates look at most
/// three tokens away.
pub(crate) const PADDING: usize = 3;

/// Room for every tag code (`Pos::ALL` has 46 tags).
const N_TAG_CODES: usize = 64;

/// Sentences up to this many padded positions use the per-tag position sets.
const MAX_INDEXED_POSITIONS: usize = 128;

/// A word some rule mentions, as an id; 0 is "no rule mentions this word".
pub(crate) type WordId = u16;
const OTHER_WORD: WordId = 0;
const BOUNDARY_WORD: WordId = 1;

pub(crate) fn code_of(pos: Pos) -> TagCode {
    // Pos::ALL lists every tag once, and there are fewer than 255.
    Pos::ALL
        .iter()
        .position(|&p| p == pos)
        .map_or(BOUNDARY, |idx| idx as TagCode)
}

pub(crate) fn pos_of(code: TagCode) -> Pos {
    Pos::ALL.get(usize::from(code)).copied().unwrap_or(Pos::Sym)
}

#[derive(Debug, Default)]
pub(crate) struct ContextRules {
    rules: Vec<ContextRule>,
    word_ids: FxHashMap<&'static str, WordId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ContextRule {
    /// `None` for `*` (any tag).
    from: Option<TagCode>,
    to: TagCode,
    /// True when `to` is NNP or NNPS.
    to_proper_noun: bool,
    condition: Condition,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Condition {
    /// The tag at each offset is the given one (PREVTAG, SURROUNDTAG, ...).
    Tags(&'static [isize], [TagCode; 2]),
    /// Some offset among those has the tag (PREV1OR2TAG, ...).
    AnyTag(&'static [isize], TagCode),
    /// The word at each offset is the given one (CURWD, LBIGRAM, ...).
    Words(&'static [isize], [WordId; 2]),
    /// Some offset among those has the word (PREV1OR2WD, ...).
    AnyWord(&'static [isize], WordId),
    /// The current word and the tag at an offset (WDPREVTAG, ...).
    WordAndTag {
        tag_offset: isize,
        word: WordId,
        tag: TagCode,
    },
}

/// What the contextual rules may do to one token's tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Guard {
    /// Any change.
    Free,
    /// No change at all.
    Locked,
    /// Any change but to a proper noun.
    NoNames,
}

/// A sentence ready for the rules: tags and rule-word ids, padded by
/// `PADDING` boundary positions on each side.
#[derive(Debug, Default)]
pub(crate) struct PaddedSentence {
    pub tags: Vec<TagCode>,
    pub words: Vec<WordId>,
    /// The start tags, unpadded, kept for the checks after the rules.
    pub starts: Vec<Start>,
    /// What the rules may do at each position (padded).
    pub guards: Vec<Guard>,
}

impl PaddedSentence {
    /// Clears the sentence and opens it with boundary padding.
    pub(crate) fn start(&mut self) {
        self.tags.clear();
        self.words.clear();
        self.starts.clear();
        self.guards.clear();
        self.tags.extend([BOUNDARY; PADDING]);
        self.words.extend([BOUNDARY_WORD; PADDING]);
        self.guards.extend([Guard::Locked; PADDING]);
    }

    pub(crate) fn push(&mut self, start: Start, guard: Guard, word: &str, rules: &ContextRules) {
        self.tags.push(code_of(start.tag));
        self.words.push(rules.word_id(word));
        self.starts.push(start);
        self.guards.push(guard);
    }

    /// Closes the sentence with boundary padding.
    pub(crate) fn finish(&mut self) {
        self.tags.extend([BOUNDARY; PADDING]);
        self.words.extend([BOUNDARY_WORD; PADDING]);
        self.guards.extend([Guard::Locked; PADDING]);
    }
}

impl ContextRules {
    fn word_id(&self, word: &str) -> WordId {
        self.word_ids.get(word).copied().unwrap_or(OTHER_WORD)
    }

    /// Applies every rule, in order, to a padded sentence.
    pub(crate) fn apply(&self, sentence: &mut PaddedSentence) {
        let n_positions = sentence.tags.len();
        if n_positions <= 2 * PADDING {
            return;
        }
        if n_positions <= MAX_INDEXED_POSITIONS {
            self.apply_indexed(sentence);
        } else {
            self.apply_scanning(sentence);
        }
    }

    /// Keeps, per tag, the set of positions holding it, so a rule visits
    /// only the positions carrying its from-tag (a few, not the sentence).
    fn apply_indexed(&self, sentence: &mut PaddedSentence) {
        let n_positions = sentence.tags.len();
        // Tag codes index `Pos::ALL`; the boundary code never sits inside.
        let mut positions_by_tag = [0u128; N_TAG_CODES];
        let mut all_positions = 0u128;
        for position in PADDING..n_positions - PADDING {
            positions_by_tag[usize::from(sentence.tags[position]) % N_TAG_CODES] |= 1 << position;
            all_positions |= 1 << position;
        }
        for rule in &self.rules {
            // A rule changes only its own position, to a tag other than its
            // from-tag, so the positions it visits are known when it starts.
            let mut candidates = match rule.from {
                Some(from) => positions_by_tag[usize::from(from) % N_TAG_CODES],
                None => all_positions,
            };
            while candidates != 0 {
                let position = candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                let tag = sentence.tags[position];
                if self.applies(rule, sentence, position) {
                    sentence.tags[position] = rule.to;
                    positions_by_tag[usize::from(tag) % N_TAG_CODES] &= !(1 << position);
                    positions_by_tag[usize::from(rule.to) % N_TAG_CODES] |= 1 << position;
                }
            }
        }
    }

    /// The same sweep for sentences too long to index: every position.
    fn apply_scanning(&self, sentence: &mut PaddedSentence) {
        let n_positions = sentence.tags.len();
        for rule in &self.rules {
            for position in PADDING..n_positions - PADDING {
                if rule.from.is_none_or(|from| from == sentence.tags[position])
                    && self.applies(rule, sentence, position)
                {
                    sentence.tags[position] = rule.to;
                }
            }
        }
    }

    /// True when `rule` changes the tag at `position` (whose tag matches the
    /// rule's from-tag).
    #[inline]
    fn applies(&self, rule: &ContextRule, sentence: &PaddedSentence, position: usize) -> bool {
        if sentence.tags[position] == rule.to {
            return false;
        }
        let allowed = match sentence.guards[position] {
            Guard::Free => true,
            Guard::Locked => false,
            Guard::NoNames => !rule.to_proper_noun,
        };
        allowed && rule.condition.holds(sentence, position)
    }

    fn add_rules(&mut self, file_name: &str, text: &'static str) -> Result<(), String> {
        for (line_number, fields) in rule_lines(text) {
            let rule = self
                .parse_rule(line_number, &fields)
                .map_err(|message| format!("{file_name}:{message}"))?;
            self.rules.push(rule);
        }
        Ok(())
    }

    fn parse_rule(
        &mut self,
        line_number: usize,
        fields: &[&'static str],
    ) -> Result<ContextRule, String> {
        let [from, to, template, arguments @ ..] = fields else {
            return Err(format!("{line_number}: too few columns"));
        };
        let from = match *from {
            "*" => None,
            tag => Some(code_of(parse_tag(tag, line_number)?)),
        };
        let to_pos = parse_tag(to, line_number)?;
        let condition = self.parse_condition(line_number, template, arguments)?;
        Ok(ContextRule {
            from,
            to: code_of(to_pos),
            to_proper_noun: to_pos.is_proper_noun(),
            condition,
        })
    }

    fn parse_condition(
        &mut self,
        line_number: usize,
        template: &str,
        arguments: &[&'static str],
    ) -> Result<Condition, String> {
        let n_expected = match template {
            "SURROUNDTAG" | "PREVBIGRAM" | "NEXTBIGRAM" | "WDPREVTAG" | "WDNEXTTAG"
            | "WDAND2AFT" | "WDAND2BFR" | "WDAND2TAGAFT" | "WDAND2TAGBFR" | "LBIGRAM"
            | "RBIGRAM" => 2,
            _ => 1,
        };
        if arguments.len() != n_expected {
            return Err(format!(
                "{line_number}: {template} takes {n_expected} arguments, found {}",
                arguments.len()
            ));
        }
        let tag = |idx: usize| -> Result<TagCode, String> {
            match arguments[idx] {
                "STAART" => Ok(BOUNDARY),
                text => Ok(code_of(parse_tag(text, line_number)?)),
            }
        };
        let condition = match template {
            "PREVTAG" => Condition::Tags(&[-1], [tag(0)?, 0]),
            "NEXTTAG" => Condition::Tags(&[1], [tag(0)?, 0]),
            "PREV2TAG" => Condition::Tags(&[-2], [tag(0)?, 0]),
            "NEXT2TAG" => Condition::Tags(&[2], [tag(0)?, 0]),
            "SURROUNDTAG" => Condition::Tags(&[-1, 1], [tag(0)?, tag(1)?]),
            "PREVBIGRAM" => Condition::Tags(&[-2, -1], [tag(0)?, tag(1)?]),
            "NEXTBIGRAM" => Condition::Tags(&[1, 2], [tag(0)?, tag(1)?]),
            "PREV1OR2TAG" => Condition::AnyTag(&[-1, -2], tag(0)?),
            "NEXT1OR2TAG" => Condition::AnyTag(&[1, 2], tag(0)?),
            "PREV1OR2OR3TAG" => Condition::AnyTag(&[-1, -2, -3], tag(0)?),
            "NEXT1OR2OR3TAG" => Condition::AnyTag(&[1, 2, 3], tag(0)?),
            "CURWD" => Condition::Words(&[0], [self.intern(arguments[0]), 0]),
            "PREVWD" => Condition::Words(&[-1], [self.intern(arguments[0]), 0]),
            "NEXTWD" => Condition::Words(&[1], [self.intern(arguments[0]), 0]),
            "PREV2WD" => Condition::Words(&[-2], [self.intern(arguments[0]), 0]),
            "NEXT2WD" => Condition::Words(&[2], [self.intern(arguments[0]), 0]),
            "PREV1OR2WD" => Condition::AnyWord(&[-1, -2], self.intern(arguments[0])),
            "NEXT1OR2WD" => Condition::AnyWord(&[1, 2], self.intern(arguments[0])),
            "LBIGRAM" => Condition::Words(
                &[-1, 0],
                [self.intern(arguments[0]), self.intern(arguments[1])],
            ),
            "RBIGRAM" => Condition::Words(
                &[0, 1],
                [self.intern(arguments[0]), self.intern(arguments[1])],
            ),
            "WDAND2BFR" => Condition::Words(
                &[-2, 0],
                [self.intern(arguments[0]), self.intern(arguments[1])],
            ),
            "WDAND2AFT" => Condition::Words(
                &[0, 2],
                [self.intern(arguments[0]), self.intern(arguments[1])],
            ),
            "WDPREVTAG" => Condition::WordAndTag {
                tag_offset: -1,
                tag: tag(0)?,
                word: self.intern(arguments[1]),
            },
            "WDNEXTTAG" => Condition::WordAndTag {
                tag_offset: 1,
                word: self.intern(arguments[0]),
                tag: tag(1)?,
            },
            "WDAND2TAGBFR" => Condition::WordAndTag {
                tag_offset: -2,
                tag: tag(0)?,
                word: self.intern(arguments[1]),
            },
            "WDAND2TAGAFT" => Condition::WordAndTag {
                tag_offset: 2,
                word: self.intern(arguments[0]),
                tag: tag(1)?,
            },
            other => return Err(format!("{line_number}: unknown template {other:?}")),
        };
        Ok(condition)
    }

    /// The id of a word a rule mentions; `STAART` is the boundary.
    fn intern(&mut self, word: &'static str) -> WordId {
        if word == "STAART" {
            return BOUNDARY_WORD;
        }
        let next_id = WordId::try_from(self.word_ids.len() + 2).unwrap_or(WordId::MAX);
        *self.word_ids.entry(word).or_insert(next_id)
    }
}

impl Condition {
    #[inline]
    fn holds(self, sentence: &PaddedSentence, position: usize) -> bool {
        let at = |offset: isize| position.wrapping_add_signed(offset);
        match self {
            Condition::Tags(offsets, tags) => offsets
                .iter()
                .zip(tags)
                .all(|(&offset, tag)| sentence.tags[at(offset)] == tag),
            Condition::AnyTag(offsets, tag) => offsets
                .iter()
                .any(|&offset| sentence.tags[at(offset)] == tag),
            Condition::Words(offsets, words) => offsets
                .iter()
                .zip(words)
                .all(|(&offset, word)| sentence.words[at(offset)] == word),
            Condition::AnyWord(offsets, word) => offsets
                .iter()
                .any(|&offset| sentence.words[at(offset)] == word),
            Condition::WordAndTag {
                tag_offset,
                word,
                tag,
            } => sentence.words[position] == word && sentence.tags[at(tag_offset)] == tag,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::start::Origin;

    fn apply(words_and_tags: &[(&str, Pos)], rules: &ContextRules) -> Vec<Pos> {
        let mut sentence = PaddedSentence::default();
        sentence.start();
        for &(word, tag) in words_and_tags {
            sentence.push(
                Start {
                    tag,
                    origin: Origin::Listed,
                },
                Guard::Free,
                word,
                rules,
            );
        }
        sentence.finish();
        rules.apply(&mut sentence);
        sentence.tags[PADDING..sentence.tags.len() - PADDING]
            .iter()
            .map(|&code| pos_of(code))
            .collect()
    }

    #[test]
    fn compiled_rules_parse() {
        assert!(CONTEXT_RULES.rules.len() > 250);
        assert!(Pos::ALL.len() <= N_TAG_CODES);
        for &pos in Pos::ALL {
            assert_eq!(pos_of(code_of(pos)), pos);
        }
    }

    #[test]
    fn tag_templates_read_neighbours() {
        let mut rules = ContextRules::default();
        rules
            .add_rules("t", "NN\tVB\tPREVTAG\tTO\nVBD\tVBN\tPREV1OR2WD\thave\n")
            .unwrap();
        assert_eq!(
            apply(&[("to", Pos::To), ("attack", Pos::Nn)], &rules),
            [Pos::To, Pos::Vb]
        );
        assert_eq!(
            apply(
                &[("have", Pos::Vbp), ("not", Pos::Rb), ("met", Pos::Vbd)],
                &rules
            ),
            [Pos::Vbp, Pos::Rb, Pos::Vbn]
        );
        // No rule fires at the sentence start, where the neighbour is STAART.
        assert_eq!(apply(&[("attack", Pos::Nn)], &rules), [Pos::Nn]);
    }

    #[test]
    fn staart_matches_the_sentence_boundary() {
        let mut rules = ContextRules::default();
        rules
            .add_rules("t", "JJ\tNNP\tLBIGRAM\tSTAART\tU.S.\n")
            .unwrap();
        assert_eq!(
            apply(&[("U.S.", Pos::Jj), ("forces", Pos::Nns)], &rules),
            [Pos::Nnp, Pos::Nns]
        );
        assert_eq!(
            apply(&[("the", Pos::Dt), ("U.S.", Pos::Jj)], &rules),
            [Pos::Dt, Pos::Jj]
        );
    }

    #[test]
    fn long_sentences_are_tagged_like_short_ones() {
        let mut rules = ContextRules::default();
        rules.add_rules("t", "NN\tVB\tPREVTAG\tTO\n").unwrap();
        let mut words_and_tags = vec![("talks", Pos::Nns); 200];
        words_and_tags.extend([("to", Pos::To), ("attack", Pos::Nn)]);
        let tags = apply(&words_and_tags, &rules);
        assert_eq!(&tags[199..], [Pos::Nns, Pos::To, Pos::Vb]);
    }

    #[test]
    fn malformed_rules_name_file_and_line() {
        let mut rules = ContextRules::default();
        assert_eq!(
            rules.add_rules("t.tsv", "NN\tVB\tPREVTAG\n").unwrap_err(),
            "t.tsv:1: PREVTAG takes 1 arguments, found 0"
        );
        assert_eq!(
            rules
                .add_rules("t.tsv", "NN\tVB\tNEARTAG\tTO\n")
                .unwrap_err(),
            "t.tsv:1: unknown template \"NEARTAG\""
        );
        assert_eq!(
            rules
                .add_rules("t.tsv", "NN\tXX\tPREVTAG\tTO\n")
                .unwrap_err(),
            "t.tsv:1: unknown part-of-speech tag \"XX\""
        );
    }
}
