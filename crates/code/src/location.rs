//! Where an event happened: a place tied to the action in its sentence.

use dateline_model::{Location, LocationBasis, Pos};

use crate::cues::Cue;
use crate::matcher::Match;
use crate::sentence::Sentence;

/// A place phrase ("in Florida", "near Kharkiv") attached to the action: it
/// follows the trigger, a matched pattern word or the target, not some other
/// noun ("the war in Ukraine" places the war, not the call). A sentence-
/// initial "In Kyiv," frames the whole sentence.
pub fn tied_location(
    sentence: &Sentence,
    found: &Match,
    target_end: Option<usize>,
) -> Option<Location> {
    let anchors = |idx: usize| {
        found.words.contains(&idx) || target_end == Some(idx + 1) || idx + 1 == found.end
    };
    let after = (found.end.saturating_sub(1)..sentence.len())
        .take_while(|&idx| !sentence.is_hard_boundary(idx))
        .find_map(|idx| {
            let preposition = idx + 1;
            let attached = anchors(idx) || is_time_phrase_end(sentence, idx);
            (attached && preposition < sentence.len() && sentence.is(preposition, Cue::Locative))
                .then(|| place_after(sentence, preposition))
                .flatten()
        });
    after.or_else(|| {
        (sentence.len() > 1 && sentence.is(0, Cue::Locative))
            .then(|| place_after(sentence, 0))
            .flatten()
    })
}

/// "met Modi on Monday in Delhi": a time phrase between the action and the place.
fn is_time_phrase_end(sentence: &Sentence, idx: usize) -> bool {
    sentence.is(idx, Cue::TimeBeforePlace) || sentence.pos(idx) == Some(Pos::Cd)
}

fn place_after(sentence: &Sentence, preposition: usize) -> Option<Location> {
    let mut idx = preposition + 1;
    while idx < sentence.len()
        && matches!(
            sentence.pos(idx),
            Some(Pos::Dt | Pos::PrpPossessive | Pos::Jj)
        )
        && sentence.place_at(idx).is_none()
    {
        idx += 1;
    }
    if idx >= sentence.len() {
        return None;
    }
    let mention_idx = sentence.place_at(idx)?;
    let mention = &sentence.doc.mentions[mention_idx as usize];
    Some(Location {
        place: mention.place.clone()?,
        span: Some(mention.span),
        basis: LocationBasis::Sentence,
    })
}
