//! Lemmas: the dictionary form of a tagged word ("met"/VBD -> "meet",
//! "talks"/NNS -> "talk").
//!
//! Listed irregular forms answer first. Otherwise the regular rules run
//! backwards: every way of undoing the suffix gives a candidate, a candidate
//! stays only if the rules inflect it back to the word, and a known lemma
//! wins over an unknown one ("hoped" -> "hope", not "hop"; "stopped" ->
//! "stop", not "stopp").

use std::borrow::Cow;

use dateline_model::Pos;

use super::regular;
use super::table::{NOUNS, VERBS, VerbSlot};
use crate::lexicon::LEXICON;

/// The lemma of `word` read as `pos`, in lower case; proper nouns stay as
/// written, and words that need no change are borrowed.
///
/// ```
/// use dateline_model::Pos;
/// use dateline_tag::lemma;
///
/// assert_eq!(lemma("met", Pos::Vbd), "meet");
/// assert_eq!(lemma("talks", Pos::Nns), "talk");
/// assert_eq!(lemma("Attacked", Pos::Vbn), "attack");
/// assert_eq!(lemma("Kyiv", Pos::Nnp), "Kyiv");
/// ```
pub fn lemma(word: &str, pos: Pos) -> Cow<'_, str> {
    if pos.is_proper_noun() {
        return Cow::Borrowed(word);
    }
    let lower = lowercase(word);
    if let Some(expanded) = clitic_lemma(&lower, pos) {
        return Cow::Borrowed(expanded);
    }
    let found = match pos {
        Pos::Nns => noun_lemma(&lower),
        Pos::Vbz => verb_lemma(&lower, VerbSlot::ThirdPerson),
        Pos::Vbd => verb_lemma(&lower, VerbSlot::Past)
            .or_else(|| verb_lemma(&lower, VerbSlot::PastParticiple)),
        Pos::Vbn => verb_lemma(&lower, VerbSlot::PastParticiple)
            .or_else(|| verb_lemma(&lower, VerbSlot::Past)),
        Pos::Vbg => verb_lemma(&lower, VerbSlot::PresentParticiple),
        Pos::Vbp => verb_lemma(&lower, VerbSlot::OtherPresent),
        _ => None,
    };
    match found {
        Some(lemma) => Cow::Owned(lemma),
        None => lower,
    }
}

fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Contracted forms: "'s"/VBZ -> "be", "n't" -> "not", "ca"/MD -> "can".
fn clitic_lemma(word: &str, pos: Pos) -> Option<&'static str> {
    let word = word.replace('’', "'");
    let lemma = match (word.as_str(), pos) {
        ("'s", Pos::Vbz) | ("'re", _) | ("'m", _) => "be",
        ("'ve", _) => "have",
        ("'ll", _) | ("wo", Pos::Md) => "will",
        ("'d", Pos::Md) => "would",
        ("'d", _) => "have",
        ("ca", Pos::Md) => "can",
        ("n't", _) => "not",
        _ => return None,
    };
    Some(lemma)
}

fn noun_lemma(plural: &str) -> Option<String> {
    let listed = NOUNS.lemma_of_plural(plural);
    if let Some(lemma) = listed.filter(|&lemma| lemma != plural) {
        return Some(lemma.to_string());
    }
    let candidates = undo_s(plural);
    let inflects_back = |candidate: &str| regular::plural(candidate) == plural;
    let known = best_candidate(&candidates, inflects_back, |c| NOUNS.is_lemma(c));
    // A plural listed as its own lemma stays itself when the tagger's
    // lexicon reads it as singular ("news", "species", "physics"), and
    // otherwise yields to a known singular ("funds" -> "fund").
    let singular_itself =
        listed.is_some() && LEXICON.get(plural).is_some_and(|tag| tag != Pos::Nns);
    if singular_itself {
        return listed.map(str::to_string);
    }
    known.or_else(|| listed.map(str::to_string)).or_else(|| {
        candidates
            .into_iter()
            .find(|c| !c.is_empty() && inflects_back(c))
    })
}

fn verb_lemma(form: &str, slot: VerbSlot) -> Option<String> {
    let listed: Vec<&str> = VERBS.lemmas_of(form, slot).collect();
    if let Some(lemma) = most_common_lemma(&listed) {
        return Some(lemma.to_string());
    }
    let (candidates, inflect): (Vec<String>, fn(&str) -> String) = match slot {
        VerbSlot::ThirdPerson => (undo_s(form), regular::third_person),
        VerbSlot::Past | VerbSlot::PastParticiple => (undo_ed(form), regular::past),
        VerbSlot::PresentParticiple => (undo_ing(form), regular::present_participle),
        VerbSlot::OtherPresent => return None,
    };
    // A verb listed with irregular forms cannot be the regular source of a word.
    let regular_source =
        |candidate: &str| inflect(candidate) == form && VERBS.irregular(candidate).is_none();
    best_candidate(&candidates, regular_source, |c| VERBS.is_lemma(c)).or_else(|| {
        candidates
            .iter()
            .find(|c| !c.is_empty() && regular_source(c))
            .cloned()
    })
}

/// Of lemmas sharing a form ("install"/"instal", "overcome"/"over-come"),
/// the one the tagger's lexicon knows as a verb, else knows at all, else
/// written without a hyphen, else the first.
fn most_common_lemma<'a>(lemmas: &[&'a str]) -> Option<&'a str> {
    let preference = |lemma: &str| {
        let listed_tag = LEXICON.get(lemma);
        (
            listed_tag.is_some_and(Pos::is_verb),
            listed_tag.is_some(),
            !lemma.contains('-'),
        )
    };
    let best = lemmas.iter().map(|lemma| preference(lemma)).max()?;
    lemmas
        .iter()
        .copied()
        .find(|lemma| preference(lemma) == best)
}

/// The most common known candidate that inflects back to the word.
fn best_candidate(
    candidates: &[String],
    inflects_back: impl Fn(&str) -> bool,
    is_known: impl Fn(&str) -> bool,
) -> Option<String> {
    let known: Vec<&str> = candidates
        .iter()
        .map(String::as_str)
        .filter(|c| !c.is_empty() && inflects_back(c) && is_known(c))
        .collect();
    most_common_lemma(&known).map(str::to_string)
}

/// Candidates for "-s"/"-es"/"-ies", most likely first for unknown words.
fn undo_s(word: &str) -> Vec<String> {
    let mut candidates = Vec::new();
    if let Some(stem) = word.strip_suffix("ies") {
        candidates.push(format!("{stem}y"));
        candidates.push(format!("{stem}ie"));
    }
    if let Some(stem) = word.strip_suffix("es") {
        let sibilant = ["x", "z", "ch", "sh", "ss"]
            .iter()
            .any(|end| stem.ends_with(end));
        if sibilant {
            candidates.push(stem.to_string());
        }
        candidates.push(format!("{stem}e"));
        if !sibilant {
            candidates.push(stem.to_string());
        }
    } else if let Some(stem) = word.strip_suffix('s') {
        candidates.push(stem.to_string());
    }
    candidates
}

/// Candidates for "-ed"/"-d"/"-ied", most likely first for unknown words.
fn undo_ed(word: &str) -> Vec<String> {
    let mut candidates = Vec::new();
    if let Some(stem) = word.strip_suffix("ied") {
        candidates.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("ed") {
        push_stem_candidates(stem, &mut candidates);
    }
    candidates
}

/// Candidates for "-ing"/"-ying", most likely first for unknown words.
fn undo_ing(word: &str) -> Vec<String> {
    let mut candidates = Vec::new();
    if let Some(stem) = word.strip_suffix("ying") {
        candidates.push(format!("{stem}ie"));
    }
    if let Some(stem) = word.strip_suffix("ing") {
        push_stem_candidates(stem, &mut candidates);
    }
    candidates
}

/// After "-ed"/"-ing" is cut: the undoubled stem ("stopp" -> "stop"), the
/// stem with "k" dropped after c ("panick" -> "panic"), the stem restored
/// with e ("vaccinat" -> "vaccinate", first when its ending favours e), and
/// the stem itself.
fn push_stem_candidates(stem: &str, candidates: &mut Vec<String>) {
    // "ll", "ss", "ff" and "zz" end many base verbs ("call", "pass"), so a
    // long stem keeps them; other doubled letters come from the -ed/-ing rule.
    if let [.., a, b] = stem.as_bytes()
        && a == b
        && a.is_ascii_alphabetic()
        && (!matches!(a, b'l' | b's' | b'f' | b'z') || stem.len() <= 4)
    {
        candidates.push(stem[..stem.len() - 1].to_string());
    }
    if let Some(without_k) = stem.strip_suffix("ck") {
        candidates.push(format!("{without_k}c"));
    }
    let favours_e = [
        "at", "iz", "is", "ut", "v", "uc", "rg", "dg", "ur", "ud", "as", "ot", "ag",
    ]
    .iter()
    .any(|end| stem.ends_with(end));
    if favours_e {
        candidates.push(format!("{stem}e"));
        candidates.push(stem.to_string());
    } else {
        candidates.push(stem.to_string());
        candidates.push(format!("{stem}e"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_verbs_lemmatise() {
        for (word, pos, expected) in [
            ("said", Pos::Vbd, "say"),
            ("met", Pos::Vbd, "meet"),
            ("held", Pos::Vbn, "hold"),
            ("attacked", Pos::Vbd, "attack"),
            ("condemned", Pos::Vbd, "condemn"),
            ("signed", Pos::Vbn, "sign"),
            ("reached", Pos::Vbd, "reach"),
            ("hoped", Pos::Vbd, "hope"),
            ("stopped", Pos::Vbd, "stop"),
            ("panicked", Pos::Vbd, "panic"),
            ("carried", Pos::Vbd, "carry"),
            ("committed", Pos::Vbd, "commit"),
            ("travelled", Pos::Vbd, "travel"),
            ("vaccinated", Pos::Vbn, "vaccinate"),
            ("criticised", Pos::Vbd, "criticise"),
            ("meeting", Pos::Vbg, "meet"),
            ("dying", Pos::Vbg, "die"),
            ("hoping", Pos::Vbg, "hope"),
            ("banning", Pos::Vbg, "ban"),
            ("meets", Pos::Vbz, "meet"),
            ("reaches", Pos::Vbz, "reach"),
            ("carries", Pos::Vbz, "carry"),
            ("is", Pos::Vbz, "be"),
            ("are", Pos::Vbp, "be"),
            ("was", Pos::Vbd, "be"),
            ("'s", Pos::Vbz, "be"),
            ("n't", Pos::Rb, "not"),
            ("ca", Pos::Md, "can"),
            ("meet", Pos::Vb, "meet"),
        ] {
            assert_eq!(lemma(word, pos), expected, "{word}/{pos}");
        }
    }

    #[test]
    fn unknown_verbs_use_the_regular_rules_backwards() {
        assert_eq!(lemma("tweeted", Pos::Vbd), "tweet");
        assert_eq!(lemma("zoomed", Pos::Vbd), "zoom");
        assert_eq!(lemma("frobnicated", Pos::Vbd), "frobnicate");
    }

    #[test]
    fn nouns_lemmatise() {
        for (word, expected) in [
            ("talks", "talk"),
            ("crises", "crisis"),
            ("children", "child"),
            ("countries", "country"),
            ("horses", "horse"),
            ("boxes", "box"),
            ("buses", "bus"),
            ("ties", "tie"),
            ("lives", "life"),
            ("news", "news"),
            ("militias", "militia"),
            ("Sanctions", "sanction"),
        ] {
            assert_eq!(lemma(word, Pos::Nns), expected, "{word}");
        }
    }

    #[test]
    fn odd_words_never_panic() {
        use crate::inflect::{noun_plural, verb_forms};
        for word in [
            "",
            "s",
            "ed",
            "ing",
            "ies",
            "’s",
            "𐀀𐀀ed",
            "ÉTÉ",
            "x-",
            "-",
            "  ",
            "ßed",
            "ñññing",
        ] {
            for &pos in Pos::ALL {
                let _ = lemma(word, pos);
            }
            let _ = verb_forms(word);
            let _ = noun_plural(word);
        }
        assert_eq!(lemma("", Pos::Vbd), "");
    }

    #[test]
    fn other_tags_lower_case_and_names_stay() {
        assert_eq!(lemma("The", Pos::Dt), "the");
        assert!(matches!(lemma("the", Pos::Dt), Cow::Borrowed("the")));
        assert_eq!(lemma("Putin", Pos::Nnp), "Putin");
        assert_eq!(lemma("Americans", Pos::Nnps), "Americans");
    }
}

#[cfg(test)]
mod round_trip_tests {
    use super::*;
    use crate::inflect::{noun_plural, verb_forms};

    /// Every listed verb's generated forms lemmatise back to it.
    #[test]
    fn every_listed_verb_round_trips() {
        let mut failures = Vec::new();
        let lemmas: Vec<&str> = include_str!("../../../../data/lexicon/verbs.tsv")
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| line.split('\t').next().unwrap_or_default())
            .collect();
        for &verb in &lemmas {
            let forms = verb_forms(verb);
            for (form, pos) in [
                (&forms.third_person, Pos::Vbz),
                (&forms.past, Pos::Vbd),
                (&forms.past_participle, Pos::Vbn),
                (&forms.present_participle, Pos::Vbg),
            ] {
                let back = lemma(form, pos);
                if back != verb {
                    failures.push(format!("{form}/{pos} -> {back}, not {verb}"));
                }
            }
        }
        eprintln!(
            "{} of {} verb forms do not round-trip:\n{}",
            failures.len(),
            lemmas.len() * 4,
            failures.join("\n")
        );
        // What remains are spellings sharing their forms ("annex"/"annexe",
        // "fulfil"/"fulfill"), where the more common lemma is chosen.
        assert!(
            failures.len() * 100 < lemmas.len() * 4,
            "{} failures",
            failures.len()
        );
    }

    /// Every listed noun's plural lemmatises back to it.
    #[test]
    fn every_listed_noun_round_trips() {
        let mut failures = Vec::new();
        let nouns: Vec<&str> = include_str!("../../../../data/lexicon/nouns.tsv")
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| line.split('\t').next().unwrap_or_default())
            .collect();
        for &noun in &nouns {
            let plural = noun_plural(noun);
            let back = lemma(&plural, Pos::Nns);
            if back != noun {
                failures.push(format!("{plural} -> {back}, not {noun}"));
            }
        }
        eprintln!(
            "{} of {} nouns do not round-trip:\n{}",
            failures.len(),
            nouns.len(),
            failures.join("\n")
        );
        // What remains are plural-only nouns ("funds" -> "fund") and
        // spellings sharing a plural ("axes" -> "axis", not "axe").
        assert!(
            failures.len() * 100 < nouns.len(),
            "{} failures",
            failures.len()
        );
    }
}
