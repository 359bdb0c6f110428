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
    dated_earlier(sentence, trigger)
        .or_else(|| dated_earlier_opening(sentence, clause_start))
        .map(|when| format!("dated before the report ({when})"))
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
    if !sentence.is(idx, Cue::AmbiguousBackground) {
        return true;
    }
    let before = idx
        .checked_sub(1)
        .is_some_and(|i| sentence.is(i, Cue::BeforeComparativeAs));
    let after = idx + 1 < sentence.len() && sentence.is(idx + 1, Cue::AfterComparativeAs);
    !before && !after
}

/// "in 2014" (a year before the article's), "in March 2019", "on September
/// 19, 2018", "last year" or "last April" (in an earlier year) in the clause
/// after the trigger.
fn dated_earlier(sentence: &Sentence, trigger: usize) -> Option<String> {
    // "a journalist who fled Moscow last year": a relative clause dates its
    // own action, not this one.
    let clause = (trigger + 1..sentence.len()).take_while(|&idx| {
        !sentence.is_hard_boundary(idx)
            && (sentence.form(idx) != "," || comma_inside_date(sentence, idx))
            && !relative_pronoun_at(sentence, idx)
    });
    for idx in clause {
        if let Some(when) = earlier_date_at(sentence, idx) {
            return Some(when);
        }
    }
    None
}

/// "In 2007, the United States ...", "On September 19, 2018, Cyprus and
/// Egypt had signed", "Last April, the State Department designated": an
/// opening time phrase, closed by a comma just before the clause, that
/// dates the clause before the report.
fn dated_earlier_opening(sentence: &Sentence, clause_start: usize) -> Option<String> {
    /// How long an opening time phrase may be.
    const MAX_OPENING: usize = 8;
    // "Last April, the United States Department of State": back over the
    // rest of the subject's noun phrase.
    let mut subject_start = clause_start;
    while subject_start > 0
        && clause_start - subject_start < MAX_OPENING
        && (sentence.actor_at(subject_start - 1).is_some()
            || matches!(
                sentence.pos(subject_start - 1),
                Some(
                    Pos::Nnp
                        | Pos::Nnps
                        | Pos::Nn
                        | Pos::Nns
                        | Pos::Dt
                        | Pos::Jj
                        | Pos::PossessiveEnding
                )
            ))
    {
        subject_start -= 1;
    }
    let comma = subject_start.checked_sub(1)?;
    if sentence.form(comma) != "," {
        return None;
    }
    // The phrase runs back to the start of the sentence or of a clause
    // (after a boundary), across nothing but date words and date commas.
    let mut start = comma;
    while start > 0 && comma - start < MAX_OPENING {
        let idx = start - 1;
        if sentence.is_hard_boundary(idx)
            || (sentence.form(idx) == "," && !comma_inside_date(sentence, idx))
        {
            break;
        }
        if sentence.is_verb(idx) && !sentence.is(idx, Cue::Month) {
            return None;
        }
        start = idx;
    }
    let opens =
        start == 0 || sentence.is_hard_boundary(start - 1) || sentence.form(start - 1) == ",";
    let time_opener = sentence.is(start, Cue::TimeOpener) || sentence.is(start, Cue::Month);
    if !opens || !time_opener || comma - start > MAX_OPENING {
        return None;
    }
    (start..comma).find_map(|idx| earlier_date_at(sentence, idx))
}

/// The comma of "September 19, 2018": between a day number after a month
/// and a year.
fn comma_inside_date(sentence: &Sentence, comma: usize) -> bool {
    comma >= 2
        && comma + 1 < sentence.len()
        && sentence.is(comma - 2, Cue::Month)
        && sentence.form(comma - 1).parse::<u32>().is_ok()
        && year_at(sentence, comma + 1).is_some()
}

fn year_at(sentence: &Sentence, idx: usize) -> Option<i32> {
    sentence
        .form(idx)
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..2100).contains(y))
}

/// A date at token `idx` that lies in a year before the report's: a year
/// after "in", "since", "during" or a month ("March 2019", "September 19,
/// 2018"), "last year", "previously", or "last" and a month that cannot be
/// in the report's year ("last April" in a January report).
pub(crate) fn earlier_date_at(sentence: &Sentence, idx: usize) -> Option<String> {
    let report = sentence.doc.meta.date;
    let form = sentence.form(idx);
    if sentence.is(idx, Cue::Historical) && idx + 1 < sentence.len() {
        let next = sentence.form(idx + 1);
        if sentence.is(idx + 1, Cue::Year) || !sentence.is(idx, Cue::Last) {
            return Some(format!("{form} {next}"));
        }
        if let (Some(month), Some(report)) = (month_number(next), report)
            && sentence.is(idx + 1, Cue::Month)
            && month >= report.month()
        {
            return Some(format!("{form} {next}"));
        }
    }
    let (Some(year), Some(report)) = (year_at(sentence, idx), report) else {
        return None;
    };
    if year >= report.year() || idx == 0 {
        return None;
    }
    let before = idx - 1;
    let dated = sentence.is(before, Cue::YearPreposition)
        || is_month(sentence, before)
        || (sentence.form(before) == "," && comma_inside_date(sentence, before));
    dated.then(|| format!("in {year}"))
}

/// A month name ("may" only as a name, not the modal verb).
fn is_month(sentence: &Sentence, idx: usize) -> bool {
    sentence.is(idx, Cue::Month) && sentence.pos(idx) != Some(Pos::Md)
}

/// 1 for "january" (or "jan."), 12 for "december" (`[month-order]`).
fn month_number(form: &str) -> Option<u32> {
    crate::cues::month_number(form)
}
