//! Who a report credits: "according to X", "X said (that) ...", "..., X said",
//! "sources said", "officials said on condition of anonymity".

use dateline_model::{Attribution, Pos};

use crate::clause::{Clauses, Subject};
use crate::cues::Cue;
use crate::sentence::Sentence;

/// How far after "according to" the credited actor may be named
/// ("according to a report from The Washington Post").
const ACCORDING_REACH: usize = 8;

/// The attribution for an action whose trigger is token `trigger`.
pub fn attribution_for(
    sentence: &Sentence,
    clauses: &Clauses,
    trigger: usize,
) -> Option<Attribution> {
    according_to(sentence).or_else(|| speech_frame(sentence, clauses, trigger))
}

/// "according to X" anywhere in the sentence credits all of it.
pub(crate) fn according_to(sentence: &Sentence) -> Option<Attribution> {
    let at = (0..sentence.len()).find(|&idx| {
        sentence.is(idx, Cue::According)
            && idx + 1 < sentence.len()
            && sentence.is(idx + 1, Cue::To)
    })?;
    let start = at + 2;
    let end = (start + ACCORDING_REACH).min(sentence.len());
    let mut phrase_end = start;
    while phrase_end < end && !is_phrase_break(sentence, phrase_end) {
        phrase_end += 1;
    }
    if phrase_end == start {
        return None;
    }
    if let Some(mention) = (start..phrase_end).find_map(|idx| sentence.actor_at(idx)) {
        return Some(actor_attribution(sentence, mention));
    }
    Some(Attribution {
        text: sentence
            .doc
            .text(sentence.span_of(start..phrase_end))
            .to_string(),
        span: Some(sentence.span_of(start..phrase_end)),
        code: None,
    })
}

fn is_phrase_break(sentence: &Sentence, idx: usize) -> bool {
    sentence.is_hard_boundary(idx) || matches!(sentence.form(idx), "," | ".")
}

/// A verb of saying whose subject credits the action: before it ("X said Y
/// attacked Z") or after it at the end of the sentence ("..., X said").
fn speech_frame(sentence: &Sentence, clauses: &Clauses, trigger: usize) -> Option<Attribution> {
    clauses
        .groups
        .iter()
        .enumerate()
        .filter(|(_, group)| group.main != trigger && sentence.is(group.main, Cue::Say))
        .filter(|(_, group)| group.main < trigger || is_postposed(sentence, group.main))
        .find_map(|(group_idx, group)| speaker(sentence, clauses, group_idx, group.main))
}

/// ", X said." or ", said X." closing the sentence.
fn is_postposed(sentence: &Sentence, say: usize) -> bool {
    let rest_is_tail = (say + 1..sentence.len()).all(|idx| {
        sentence.actor_at(idx).is_some()
            || matches!(
                sentence.pos(idx),
                Some(
                    Pos::Period
                        | Pos::Nnp
                        | Pos::In
                        | Pos::Cd
                        | Pos::Dt
                        | Pos::Nn
                        | Pos::Jj
                        | Pos::Comma
                        | Pos::Nns
                )
            )
    });
    let comma_before = (say.saturating_sub(8)..say).any(|idx| sentence.form(idx) == ",");
    rest_is_tail && comma_before
}

fn speaker(
    sentence: &Sentence,
    clauses: &Clauses,
    group_idx: usize,
    say: usize,
) -> Option<Attribution> {
    if let Subject::Actors(actors) | Subject::Members(actors, _) = &clauses.subjects[group_idx] {
        return Some(actor_attribution(sentence, actors[0]));
    }
    // ", said Lavrov": the speaker follows the verb.
    if let Some(mention) = sentence
        .actor_at(say + 1)
        .filter(|_| say + 1 < sentence.len())
    {
        return Some(actor_attribution(sentence, mention));
    }
    anonymous_speaker(sentence, clauses.groups[group_idx].start)
}

/// "sources said", "officials familiar with the call said".
fn anonymous_speaker(sentence: &Sentence, say_start: usize) -> Option<Attribution> {
    let window = say_start.saturating_sub(8)..say_start;
    let noun = window
        .clone()
        .rev()
        .find(|&idx| sentence.is(idx, Cue::Anonymous))?;
    let start = (window.start..=noun)
        .rev()
        .take_while(|&idx| !is_phrase_break(sentence, idx) && !sentence.is_verb(idx))
        .last()
        .unwrap_or(noun);
    let span = sentence.span_of(start..noun + 1);
    let code = (start..=noun)
        .find_map(|idx| sentence.actor_at(idx))
        .and_then(|m| sentence.doc.mentions[m as usize].actor.as_ref())
        .map(|actor| actor.code.clone());
    Some(Attribution {
        text: sentence.doc.text(span).to_string(),
        span: Some(span),
        code,
    })
}

fn actor_attribution(sentence: &Sentence, mention_idx: u32) -> Attribution {
    let mention = &sentence.doc.mentions[mention_idx as usize];
    Attribution {
        text: sentence.doc.text(mention.span).to_string(),
        span: Some(mention.span),
        code: mention.actor.as_ref().map(|actor| actor.code.clone()),
    }
}
