//! English inflection: verb forms, noun plurals and lemmas.
//!
//! Irregular forms come from the tables in `data/lexicon/` (see [`table`]);
//! everything else follows the regular rules in [`regular`]. These let the
//! event coder write one pattern per lemma ("meet with") and match every
//! inflection ("met with", "meets with", "meeting with").

mod lemma;
pub mod regular;
mod table;

pub use lemma::lemma;

use table::{NOUNS, VERBS, VerbSlot};

/// True for the past tense of a known verb: listed ("shot") or regular
/// ("attacked").
pub(crate) fn is_past_form(word: &str) -> bool {
    if VERBS.lemmas_of(word, VerbSlot::Past).next().is_some() {
        return true;
    }
    word.ends_with("ed") && VERBS.is_lemma(&lemma::lemma(word, dateline_model::Pos::Vbd))
}

/// True for a verb lemma ("attack") or a present form other than the third
/// person ("are", "am").
pub(crate) fn is_verb_base(word: &str) -> bool {
    VERBS.is_lemma(word)
        || VERBS
            .lemmas_of(word, VerbSlot::OtherPresent)
            .next()
            .is_some()
}

/// The five forms of an English verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbForms {
    /// "meet"
    pub base: String,
    /// "meets"
    pub third_person: String,
    /// "met"
    pub past: String,
    /// "met"
    pub past_participle: String,
    /// "meeting"
    pub present_participle: String,
}

/// The forms of a verb lemma: listed irregular forms first, regular rules
/// otherwise. A phrasal lemma inflects its first word ("reach out" ->
/// "reached out").
///
/// ```
/// use dateline_tag::verb_forms;
///
/// assert_eq!(verb_forms("hold").past, "held");
/// assert_eq!(verb_forms("stop").present_participle, "stopping");
/// assert_eq!(verb_forms("reach out").third_person, "reaches out");
/// ```
pub fn verb_forms(lemma: &str) -> VerbForms {
    let lemma = lemma.trim();
    let (head, rest) = match lemma.split_once(' ') {
        Some((head, rest)) => (head, Some(rest)),
        None => (lemma, None),
    };
    let with_rest = |form: String| match rest {
        Some(rest) => format!("{form} {rest}"),
        None => form,
    };
    let head_forms = head_verb_forms(head);
    VerbForms {
        base: lemma.to_string(),
        third_person: with_rest(head_forms[0].clone()),
        past: with_rest(head_forms[1].clone()),
        past_participle: with_rest(head_forms[2].clone()),
        present_participle: with_rest(head_forms[3].clone()),
    }
}

/// Third person, past, past participle and present participle of one word.
fn head_verb_forms(verb: &str) -> [String; 4] {
    let regular = || {
        [
            regular::third_person(verb),
            regular::past(verb),
            regular::past(verb),
            regular::present_participle(verb),
        ]
    };
    let Some(irregular) = VERBS.irregular(verb) else {
        return regular();
    };
    let [third_person, past, past_participle, present_participle] = regular();
    let first_or =
        |forms: &[&str], fallback: String| forms.first().map_or(fallback, |form| form.to_string());
    [
        first_or(&irregular.third_person, third_person),
        first_or(&irregular.past, past),
        first_or(&irregular.past_participle, past_participle),
        first_or(&irregular.present_participle, present_participle),
    ]
}

/// The plural of a noun: listed irregular plurals first ("crisis" ->
/// "crises"), regular rules otherwise. A compound pluralises its last word.
///
/// ```
/// use dateline_tag::noun_plural;
///
/// assert_eq!(noun_plural("talk"), "talks");
/// assert_eq!(noun_plural("militia"), "militias");
/// assert_eq!(noun_plural("peace envoy"), "peace envoys");
/// ```
pub fn noun_plural(noun: &str) -> String {
    let noun = noun.trim();
    match noun.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", word_plural(last)),
        None => word_plural(noun),
    }
}

fn word_plural(noun: &str) -> String {
    match NOUNS.irregular_plural(noun) {
        Some(plural) => plural.to_string(),
        None => regular::plural(noun),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_verbs_inflect() {
        let forms = verb_forms("meet");
        assert_eq!(
            forms,
            VerbForms {
                base: "meet".into(),
                third_person: "meets".into(),
                past: "met".into(),
                past_participle: "met".into(),
                present_participle: "meeting".into(),
            }
        );
        for (lemma, past, past_participle) in [
            ("say", "said", "said"),
            ("hold", "held", "held"),
            ("attack", "attacked", "attacked"),
            ("condemn", "condemned", "condemned"),
            ("sign", "signed", "signed"),
            ("commit", "committed", "committed"),
            ("go", "went", "gone"),
            ("be", "was", "been"),
            ("seize", "seized", "seized"),
            ("shoot", "shot", "shot"),
        ] {
            let forms = verb_forms(lemma);
            assert_eq!(
                (forms.past.as_str(), forms.past_participle.as_str()),
                (past, past_participle),
                "{lemma}"
            );
        }
        assert_eq!(verb_forms("be").third_person, "is");
        assert_eq!(verb_forms("visit").present_participle, "visiting");
        assert_eq!(verb_forms("reach out").past, "reached out");
    }

    #[test]
    fn nouns_pluralise() {
        for (noun, plural) in [
            ("talk", "talks"),
            ("crisis", "crises"),
            ("child", "children"),
            ("country", "countries"),
            ("ally", "allies"),
            ("militia", "militias"),
            ("hero", "heroes"),
            ("life", "lives"),
            ("series", "series"),
            ("prime minister", "prime ministers"),
        ] {
            assert_eq!(noun_plural(noun), plural, "{noun}");
        }
    }
}
