//! Tags the word itself rules out, undone after the contextual rules.
//!
//! Brill's original tagger kept a rule from giving a known word a tag the
//! lexicon never saw it with. The lexicon here keeps one tag per word, so
//! the same safeguard is expressed as what a word's form allows:
//!
//! - a proper noun (NNP, NNPS) is capitalised: "leader Xi" keeps "leader" NN;
//! - a gerund or present participle (VBG) ends in "-ing";
//! - a base or present verb (VB, VBP) that the lexicon knows is a verb lemma
//!   in `data/lexicon/verbs.tsv`: "to opposition leaders" keeps "opposition"
//!   NN, and a past form read as present becomes past ("it shot down");
//! - a quote tag belongs to quote marks, not to the clitic "'s";
//! - a wh-determiner (WDT) is "that", "which", "what", "whatever" or
//!   "whichever": "behind closed doors" keeps "behind" IN.
//!
//! A tag that breaks one of these falls back to the start tag, or to NN when
//! the start tag breaks it too.

use dateline_model::Pos;

use crate::inflect::{is_past_form, is_verb_base};
use crate::lexicon::LEXICON;
use crate::rules::context::Guard;
use crate::start::{Casing, Origin, Start};

/// The tag to keep for a word after the rules gave it `tag`. `word` is the
/// token as written; `start` is its start tag.
/// What the contextual rules may do to a word's start tag. An unknown
/// capitalised word is a name whatever its neighbours say, and so is a
/// heading word that has no common reading. In a heading a capital marks
/// nothing, so a word read as a common word does not become a name because
/// names stand next to it ("Zelenskyy Condemns Russian Missile Attack").
pub(crate) fn guard(casing: Casing, start: Start) -> Guard {
    let in_heading = casing != Casing::Prose;
    match start.origin {
        Origin::UnknownName => Guard::Locked,
        Origin::Listed if in_heading && start.tag.is_proper_noun() => Guard::Locked,
        Origin::ListedLowerCase if in_heading => Guard::NoNames,
        _ => Guard::Free,
    }
}

pub(crate) fn constrain(word: &str, casing: Casing, tag: Pos, start: Start) -> Pos {
    if allows(word, casing, tag) {
        tag
    } else if matches!(tag, Pos::Vb | Pos::Vbp) && is_past_form(&word.to_lowercase()) {
        // "it shot down": a past form the rules read as a present verb.
        Pos::Vbd
    } else if allows(word, casing, start.tag) {
        start.tag
    } else {
        Pos::Nn
    }
}

fn allows(word: &str, casing: Casing, tag: Pos) -> bool {
    match tag {
        Pos::Nnp | Pos::Nnps => casing == Casing::Capitals || !word.starts_with(char::is_lowercase),
        Pos::Vbg => word.to_lowercase().ends_with("ing"),
        // "'s" is never a quote, though Brill's rules take it for one after "``".
        Pos::OpenQuote | Pos::CloseQuote => word.chars().all(|c| {
            matches!(
                c,
                '"' | '\'' | '`' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›'
            )
        }),
        // Brill's rules turn "that" into a wh-determiner; only these are one.
        Pos::Wdt => matches!(
            word.to_lowercase().as_str(),
            "that" | "which" | "what" | "whatever" | "whichever"
        ),
        Pos::Vb | Pos::Vbp => {
            let lower = word.to_lowercase().replace('’', "'");
            lower.starts_with('\'') || !LEXICON.contains(&lower) || is_verb_base(&lower)
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_rule_out_tags() {
        let listed = |tag| Start {
            tag,
            origin: Origin::Listed,
        };
        let prose = |word, tag, start| constrain(word, Casing::Prose, tag, listed(start));
        assert_eq!(prose("leader", Pos::Nnp, Pos::Nn), Pos::Nn);
        assert_eq!(prose("Biden", Pos::Nnp, Pos::Nnp), Pos::Nnp);
        assert_eq!(prose("border", Pos::Vbg, Pos::Nn), Pos::Nn);
        assert_eq!(prose("crossing", Pos::Vbg, Pos::Vbg), Pos::Vbg);
        assert_eq!(prose("opposition", Pos::Vb, Pos::Nn), Pos::Nn);
        assert_eq!(prose("attack", Pos::Vb, Pos::Nn), Pos::Vb);
        assert_eq!(prose("are", Pos::Vbp, Pos::Vbp), Pos::Vbp);
        assert_eq!(prose("'re", Pos::Vbp, Pos::Vbp), Pos::Vbp);
        assert_eq!(prose("shot", Pos::Vbp, Pos::Nn), Pos::Vbd);
        assert_eq!(prose("behind", Pos::Wdt, Pos::In), Pos::In);
        assert_eq!(prose("that", Pos::Wdt, Pos::In), Pos::Wdt);
        assert_eq!(
            prose("'s", Pos::CloseQuote, Pos::PossessiveEnding),
            Pos::PossessiveEnding
        );
        assert_eq!(
            prose("”", Pos::CloseQuote, Pos::CloseQuote),
            Pos::CloseQuote
        );
        // Unknown words keep what the rules say.
        assert_eq!(prose("frobnicate", Pos::Vb, Pos::Nn), Pos::Vb);
    }

    #[test]
    fn names_and_heading_words_keep_their_start() {
        let name = Start {
            tag: Pos::Nnp,
            origin: Origin::UnknownName,
        };
        assert_eq!(guard(Casing::Prose, name), Guard::Locked);
        assert_eq!(
            guard(
                Casing::TitleCase,
                Start {
                    tag: Pos::Nnp,
                    origin: Origin::Listed
                }
            ),
            Guard::Locked
        );
        assert_eq!(
            guard(
                Casing::Prose,
                Start {
                    tag: Pos::Nnp,
                    origin: Origin::Listed
                }
            ),
            Guard::Free
        );
        let common = Start {
            tag: Pos::Nn,
            origin: Origin::ListedLowerCase,
        };
        assert_eq!(guard(Casing::TitleCase, common), Guard::NoNames);
        assert_eq!(
            constrain(
                "RUSSIA",
                Casing::Capitals,
                Pos::Nnp,
                Start {
                    tag: Pos::Nnp,
                    origin: Origin::Listed
                }
            ),
            Pos::Nnp
        );
    }
}
