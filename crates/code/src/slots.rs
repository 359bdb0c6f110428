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
    /// Actors named after an agent ("the leaders of France and Germany"):
    /// bare countries take the agent's role.
    Members { actors: Vec<u32>, role: String },
    /// A pronoun ("reminded him") to resolve.
    Pronoun { token: usize, kind: PronounKind },
    /// "each other", "one another": the coordinated sources act on each other.
    EachOther,
}

impl Fill {
    /// True for two or more coordinated actors.
    pub fn is_group(&self) -> bool {
        self.mentions().is_some_and(|actors| actors.len() >= 2)
    }

    /// The actor mentions of the fill, when it names them.
    pub fn mentions(&self) -> Option<&[u32]> {
        match self {
            Fill::Actors(actors) | Fill::Members { actors, .. } => Some(actors),
            _ => None,
        }
    }
}

/// The actor group ending at token `at` (a slot before the trigger), and the
/// token where it starts.
pub fn fill_slot_left(sentence: &Sentence, at: usize) -> Option<(Fill, usize)> {
    let mention = sentence.actor_at(at)?;
    let group = crate::clause::coordination_left(sentence, mention);
    let start = sentence.mention_range(group[0]).start;
    // "the leaders of Japan and South Korea met": the agent's role.
    if start >= 2
        && sentence.is(start - 1, Cue::Genitive)
        && let Some(agent) = sentence
            .actor_at(start - 2)
            .filter(|&a| is_anonymous(sentence, a))
    {
        let role = sentence.doc.mentions[agent as usize]
            .actor
            .as_ref()
            .map(|actor| actor.code.roles().to_string())
            .unwrap_or_default();
        let agent_start = sentence.mention_range(agent).start;
        return Some((
            Fill::Members {
                actors: group,
                role,
            },
            agent_start,
        ));
    }
    Some((Fill::Actors(group), start))
}

/// "the leader of a small opposition party", "the leaders of France and
/// Germany": an agent with no country followed by "of" and actors stands for
/// those actors, in the agent's role when they are bare countries.
fn of_members(sentence: &Sentence, agent: u32) -> Option<(Fill, usize)> {
    let of = sentence.mention_range(agent).end;
    if of >= sentence.len() || !sentence.is(of, Cue::Genitive) {
        return None;
    }
    let mut at = of + 1;
    while at < sentence.len() && sentence.is_filler(at) && sentence.actor_at(at).is_none() {
        at += 1;
    }
    let first = sentence.actor_at(*Some(at).filter(|&i| i < sentence.len()).as_ref()?)?;
    let (group, end) = coordination_right(sentence, first);
    let role = sentence.doc.mentions[agent as usize]
        .actor
        .as_ref()
        .map(|actor| actor.code.roles().to_string())
        .unwrap_or_default();
    Some((
        Fill::Members {
            actors: group,
            role,
        },
        end,
    ))
}

/// How far a generic noun phrase may run before "including" ("over 70 world leaders").
const MAX_GENERIC_NP: usize = 7;

/// The slot filler starting at token `at`, and the token after it.
pub fn fill_slot(sentence: &Sentence, at: usize) -> Option<(Fill, usize)> {
    if at >= sentence.len() {
        return None;
    }
    if let Some(mention) = sentence.actor_at(at) {
        if controls_a_place(sentence, mention) {
            return None;
        }
        if is_anonymous(sentence, mention) {
            if let Some(members) = of_members(sentence, mention) {
                return Some(members);
            }
            if let Some(members) = generic_with_members(sentence, at) {
                return Some(members);
            }
        }
        let (group, end) = coordination_right(sentence, mention);
        return Some((Fill::Actors(group), end));
    }
    if let Some(mention) = sentence.place_at(at) {
        // "a Cheltenham man": a place modifying a noun is not the target.
        // "Idlib province", "Kaduna state": a word for a kind of place
        // belongs to the place.
        let mut end = sentence.mention_range(mention).end;
        // "the Kharkiv border region".
        if end + 1 < sentence.len() && sentence.is(end, Cue::Border) {
            end += 1;
        }
        let place_word = end < sentence.len() && sentence.is(end, Cue::PlaceNoun);
        if end < sentence.len() && sentence.is_noun(end) && !place_word {
            return None;
        }
        let end = end + usize::from(place_word);
        return Some((Fill::Place(mention), end));
    }
    if each_other_at(sentence, at) {
        return Some((Fill::EachOther, at + 2));
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
            || sentence.is(idx, Cue::GenericQuantity);
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
    let members_at = if sentence.is(idx - 1, Cue::Genitive) && sentence.actor_at(idx).is_some() {
        // "the leaders of France and Germany"; but not "buyers of Russian
        // oil": the head must be an agent and the members not modifiers.
        let agent_head = (at..idx - 1).any(|i| sentence.actor_at(i).is_some());
        let member = sentence.actor_at(idx)?;
        let modifier = sentence.doc.mentions[member as usize].resolution
            == dateline_model::Resolution::Demonym;
        if !agent_head || modifier {
            return None;
        }
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
        if members_at < sentence.len() && sentence.is(members_at, Cue::MembersOpener) {
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
    if members_at < sentence.len() && sentence.is(members_at, Cue::MembersOpener) {
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
        .is_some_and(|actor| actor.code.is_headless())
}

/// "rebel-held towns", "Russian-occupied areas": an actor glued to a
/// participle of control modifies the place that follows; it is not the
/// participant.
fn controls_a_place(sentence: &Sentence, mention: u32) -> bool {
    let end = sentence.doc.mentions[mention as usize].span.end as usize;
    let Some(rest) = sentence.doc.body().get(end..) else {
        return false;
    };
    rest.strip_prefix('-').is_some_and(|rest| {
        let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        Cue::ControlParticiple.matches(&rest[..len].to_ascii_lowercase())
    })
}

/// "each other", "one another" at token `at`.
pub fn each_other_at(sentence: &Sentence, at: usize) -> bool {
    at + 1 < sentence.len()
        && Cue::Reciprocal
            .phrase_len(|offset| (at + offset < sentence.len()).then(|| sentence.form(at + offset)))
            .is_some()
}
