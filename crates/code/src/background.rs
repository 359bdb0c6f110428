//! Actions that are background to the report, not news: in a subordinate
//! clause ("after the military seized power"), in a relative clause about an
//! actor ("who was arrested in Vancouver"), or dated before the report
//! ("annexed Crimea in 2014", "last year").

use chrono::Datelike;
use dateline_model::Pos;

use crate::clause::Clauses;
use crate::cues::Cue;
use crate::sentence::Sentence;

/// Why the action at `trigger` is background, if it is.
pub fn background_reason(
    sentence: &Sentence,
    clauses: &Clauses,
    group: Option<usize>,
    subject_start: Option<usize>,
    trigger: usize,
) -> Option<String> {
    let verb_start = group.map_or(trigger, |g| clauses.groups[g].start);
    if let Some(word) = relative_pronoun_before(sentence, verb_start) {
        return Some(format!(
            "in a relative clause ('{word}') describing an actor"
        ));
    }
    let clause_start = subject_start.map_or(verb_start, |start| noun_phrase_start(sentence, start));
    if let Some(opener) = clause_start
        .checked_sub(1)
        .filter(|&idx| opens_background(sentence, idx))
    {
        return Some(format!(
            "in a background clause opened by '{}'",
            sentence.text(opener)
        ));
    }
    dated_earlier(sentence, trigger).map(|when| format!("dated before the report ({when})"))
}

/// "the country that attacked", "X, who met Y".
fn relative_pronoun_before<'a>(sentence: &Sentence<'a>, verb_start: usize) -> Option<&'a str> {
    let mut idx = verb_start.checked_sub(1)?;
    while matches!(sentence.pos(idx), Some(Pos::Rb | Pos::Rbr | Pos::Rbs)) {
        idx = idx.checked_sub(1)?;
    }
    (sentence.is(idx, Cue::Relative)
        && matches!(
            sentence.pos(idx),
            Some(Pos::Wp | Pos::Wdt | Pos::WpPossessive)
        ))
    .then(|| sentence.text(idx))
}

/// "who", "which", "that" opening a relative clause (tagged as wh-words).
fn relative_pronoun_at(sentence: &Sentence, idx: usize) -> bool {
    sentence.is(idx, Cue::Relative)
        && matches!(
            sentence.pos(idx),
            Some(Pos::Wp | Pos::Wdt | Pos::WpPossessive)
        )
}

/// Moves left over the determiners and adjectives of a subject noun phrase.
fn noun_phrase_start(sentence: &Sentence, mut idx: usize) -> usize {
    while idx > 0
        && matches!(
            sentence.pos(idx - 1),
            Some(Pos::Dt | Pos::Jj | Pos::Jjr | Pos::Jjs | Pos::PrpPossessive | Pos::Cd | Pos::Pdt)
        )
    {
        idx -= 1;
    }
    idx
}

/// A background conjunction; "as" only when it is not "as well as", "such as".
fn opens_background(sentence: &Sentence, idx: usize) -> bool {
    if !sentence.is(idx, Cue::Background) {
        return false;
    }
    if sentence.form(idx) != "as" {
        return true;
    }
    let before = idx.checked_sub(1).map(|i| sentence.form(i));
    let after = (idx + 1 < sentence.len()).then(|| sentence.form(idx + 1));
    !matches!(before, Some("well" | "such" | "so")) && !matches!(after, Some("well" | "part"))
}

/// "in 2014" (a year before the article's) or "last year" in the clause after the trigger.
fn dated_earlier(sentence: &Sentence, trigger: usize) -> Option<String> {
    let report_year = sentence.doc.meta.date.map(|date| date.year());
    // "a journalist who fled Moscow last year": a relative clause dates its
    // own action, not this one.
    let clause = (trigger + 1..sentence.len()).take_while(|&idx| {
        !sentence.is_hard_boundary(idx)
            && sentence.form(idx) != ","
            && !relative_pronoun_at(sentence, idx)
    });
    for idx in clause {
        let form = sentence.form(idx);
        if sentence.is(idx, Cue::Historical) && idx + 1 < sentence.len() {
            let next = sentence.form(idx + 1);
            if next == "year" || form != "last" {
                return Some(format!("{form} {next}"));
            }
        }
        let year = form
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..2100).contains(y));
        if let (Some(year), Some(report_year)) = (year, report_year)
            && year < report_year
            && idx > 0
            && matches!(sentence.form(idx - 1), "in" | "since" | "during")
        {
            return Some(format!("in {year}"));
        }
    }
    None
}
