//! Filling a pattern's `$` and `+` slots with actors.

use dateline_model::Pos;

use crate::clause::coordination_right;
use crate::cues::Cue;
use crate::sentence::{PronounKind, Sentence};

/// What stands in a slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Actor mentions (several for "Modi and Netanyahu").
    Actors(Vec<u32>),
    /// A place that is not an actor ("visited Kyiv"): the coder uses its country.
    Place(u32),
    /// A pronoun ("reminded him") to resolve.
    Pronoun { token: usize, kind: PronounKind },
}

impl Fill {
    /// True for two or more coordinated actors.
    pub fn is_group(&self) -> bool {
        matches!(self, Fill::Actors(actors) if actors.len() >= 2)
    }
}

/// The actor group ending at token `at` (a slot before the trigger), and the
/// token where it starts.
pub fn fill_slot_left(sentence: &Sentence, at: usize) -> Option<(Fill, usize)> {
    let mention = sentence.actor_at(at)?;
    let group = crate::clause::coordination_left(sentence, mention);
    let start = sentence.mention_range(group[0]).start;
    Some((Fill::Actors(group), start))
}

/// How far a generic noun phrase may run before "including" ("over 70 world leaders").
const MAX_GENERIC_NP: usize = 7;

/// The slot filler starting at token `at`, and the token after it.
pub fn fill_slot(sentence: &Sentence, at: usize) -> Option<(Fill, usize)> {
    if at >= sentence.len() {
        return None;
    }
    if let Some(mention) = sentence.actor_at(at) {
        if is_anonymous(sentence, mention)
            && let Some(members) = generic_with_members(sentence, at)
        {
            return Some(members);
        }
        let (group, end) = coordination_right(sentence, mention);
        return Some((Fill::Actors(group), end));
    }
    if let Some(mention) = sentence.place_at(at) {
        return Some((Fill::Place(mention), sentence.mention_range(mention).end));
    }
    if let Some(kind) = sentence
        .pronoun(at)
        .filter(|_| sentence.pos(at) == Some(Pos::Prp))
    {
        return Some((Fill::Pronoun { token: at, kind }, at + 1));
    }
    generic_with_members(sentence, at)
}

/// "over 70 world leaders, including Modi and Netanyahu", "the leaders of
/// France and Germany": a generic noun phrase whose members are named.
fn generic_with_members(sentence: &Sentence, at: usize) -> Option<(Fill, usize)> {
    let mut idx = at;
    while idx < sentence.len() && idx < at + MAX_GENERIC_NP {
        let named = sentence
            .actor_at(idx)
            .is_some_and(|m| !is_anonymous(sentence, m));
        if named || sentence.form(idx) == "," || sentence.is(idx, Cue::Including) {
            break;
        }
        let generic = sentence.is_filler(idx)
            || sentence.is_noun(idx)
            || sentence.actor_at(idx).is_some()
            || matches!(
                sentence.form(idx),
                "of" | "over" | "more" | "than" | "some" | "about" | "nearly"
            );
        if !generic {
            // "dozens of foreign leaders since winning the election, among
            // them Trudeau and Sheinbaum": the members may come later.
            return members_later(sentence, idx);
        }
        idx += 1;
    }
    if idx == at || idx >= sentence.len() {
        return None;
    }
    let members_at = if sentence.form(idx - 1) == "of" && sentence.actor_at(idx).is_some() {
        // "the leaders of France and Germany".
        idx
    } else {
        // ", including", "such as", "among them".
        let mut members_at = idx;
        if sentence.form(members_at) == "," {
            members_at += 1;
        }
        let cue_start = members_at;
        while members_at < sentence.len() && sentence.is(members_at, Cue::Including) {
            members_at += 1;
        }
        if members_at < sentence.len() && matches!(sentence.form(members_at), "as" | "them") {
            members_at += 1;
        }
        if members_at == cue_start {
            return None;
        }
        members_at
    };
    let first = sentence.actor_at(*Some(members_at).filter(|&i| i < sentence.len()).as_ref()?)?;
    let (group, end) = coordination_right(sentence, first);
    Some((Fill::Actors(group), end))
}

/// How far after a generic phrase its named members may follow.
const MEMBERS_REACH: usize = 12;

/// ", including X and Y" / ", among them X" within reach of `from`, inside the clause.
fn members_later(sentence: &Sentence, from: usize) -> Option<(Fill, usize)> {
    let end = (from + MEMBERS_REACH).min(sentence.len());
    let cue = (from..end)
        .take_while(|&idx| !sentence.is_hard_boundary(idx))
        .find(|&idx| {
            sentence.form(idx) == ","
                && idx + 1 < sentence.len()
                && sentence.is(idx + 1, Cue::Including)
        })?;
    let mut members_at = cue + 1;
    while members_at < sentence.len() && sentence.is(members_at, Cue::Including) {
        members_at += 1;
    }
    if members_at < sentence.len() && matches!(sentence.form(members_at), "as" | "them") {
        members_at += 1;
    }
    let first = sentence.actor_at(*Some(members_at).filter(|&i| i < sentence.len()).as_ref()?)?;
    let (group, end) = coordination_right(sentence, first);
    Some((Fill::Actors(group), end))
}

/// An agent with no country ("leaders" `---GOV`): a generic phrase whose
/// members may be named after it.
pub fn is_anonymous(sentence: &Sentence, mention: u32) -> bool {
    sentence.doc.mentions[mention as usize]
        .actor
        .as_ref()
        .is_some_and(|actor| actor.code.head() == "---")
}
