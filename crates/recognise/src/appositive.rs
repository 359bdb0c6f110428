//! A person the knowledge base does not know, named next to their title with
//! a comma: "a State Department spokesperson, Morgan Ortagus, said" and
//! "Bruno Parrilla, the foreign minister of Cuba, said". The name takes the
//! title's actor (as a coreference), and its surname refers back to it later.
//! A person whose post is described by the body they serve ("Jane Doe,
//! director of global news for AFP") speaks for that body.

use dateline_kb::{AgentClass, Cue, Kb};
use dateline_model::{ActorKind, Doc, EntityGuess, Resolution, TokenKind};

use crate::resolve::Resolved;

/// Words between ", " and a title after a name ("the foreign affairs").
const MAX_WORDS_BEFORE_TITLE: usize = 3;

/// Words describing a post between ", " and the body it serves ("the
/// deputy director of global news for").
const MAX_WORDS_OF_POST: usize = 8;

/// Links every unknown person written beside a title with a comma.
pub fn link_appositives(kb: &Kb, doc: &Doc, resolved: &mut [Resolved]) {
    let mut order: Vec<usize> = (0..resolved.len()).collect();
    order.sort_by_key(|&index| resolved[index].mention.span.start);
    for pair in order.windows(2) {
        let (first, second) = (pair[0], pair[1]);
        if resolved[first].mention.segment != resolved[second].mention.segment {
            continue;
        }
        let end = resolved[second].mention.span.start as usize;
        let start = (resolved[first].mention.span.end as usize).min(end);
        let between = &doc.body()[start..end];
        let linked = if is_titled(kb, &resolved[first]) && is_unknown_person(&resolved[second]) {
            (between.trim() == "," && ends_clause(doc, &resolved[second]))
                .then_some((first, second))
        } else if is_unknown_person(&resolved[first]) && is_titled(kb, &resolved[second]) {
            title_after_comma(between).then_some((second, first))
        } else if is_unknown_person(&resolved[first]) && is_body(kb, &resolved[second]) {
            post_of_body(kb, between).then_some((second, first))
        } else {
            None
        };
        if let Some((title, person)) = linked {
            link(doc, resolved, title, person);
        }
    }
}

/// A title or member noun with an actor and no holder named yet.
fn is_titled(kb: &Kb, resolved: &Resolved) -> bool {
    resolved.mention.actor.is_some()
        && resolved.holder_surname.is_none()
        && resolved.agent.is_some_and(|agent| {
            matches!(
                kb.agents()[agent].class,
                AgentClass::Person | AgentClass::Title
            )
        })
}

/// An organisation or a collective agent noun ("AFP", "the Department of
/// Justice"); one whose country the article settles later passes it on
/// (`nationality`).
fn is_body(kb: &Kb, resolved: &Resolved) -> bool {
    let Some(actor) = resolved.mention.actor.as_ref() else {
        return false;
    };
    let collective = resolved
        .agent
        .is_some_and(|agent| kb.agents()[agent].class == AgentClass::Group);
    actor.kind == ActorKind::Organisation || collective
}

fn is_unknown_person(resolved: &Resolved) -> bool {
    resolved.mention.actor.is_none() && resolved.mention.unknown == Some(EntityGuess::Person)
}

/// ", the foreign affairs minister": a comma, then at most a few lower-case
/// words (an article and modifiers) before the title.
fn title_after_comma(between: &str) -> bool {
    words_after_comma(between).is_some_and(|words| {
        words.len() <= MAX_WORDS_BEFORE_TITLE
            && words
                .iter()
                .all(|word| word.chars().all(|c| c.is_lowercase()))
    })
}

/// ", director of global news for", ", a member of": a comma, then a few
/// lower-case words describing a post, the last (before an article) a
/// preposition that names whom the post serves.
fn post_of_body(kb: &Kb, between: &str) -> bool {
    let Some(mut words) = words_after_comma(between) else {
        return false;
    };
    if words
        .last()
        .is_some_and(|word| kb.has_cue(word, Cue::Definite))
    {
        words.pop();
    }
    let lower = |word: &&str| word.chars().all(|c| c.is_lowercase() || c == '-');
    words.len() >= 2
        && words.len() <= MAX_WORDS_OF_POST
        && words.iter().all(lower)
        && words
            .last()
            .is_some_and(|word| kb.has_cue(word, Cue::Affiliation))
}

/// The words of the text between two mentions when it opens with a comma.
fn words_after_comma(between: &str) -> Option<Vec<&str>> {
    let rest = between.trim().strip_prefix(',')?;
    Some(rest.split_whitespace().collect())
}

/// The name is followed by a comma, a full stop or the end of its sentence
/// (not by more of a longer phrase).
fn ends_clause(doc: &Doc, person: &Resolved) -> bool {
    let next = person.mention.tokens.end as usize;
    let Some(token) = doc.tokens.get(next) else {
        return true;
    };
    token.kind != TokenKind::Word
        && matches!(doc.text(token.span), "," | "." | ";" | ")" | "—" | "–")
}

fn link(doc: &Doc, resolved: &mut [Resolved], title: usize, person: usize) {
    let actor = resolved[title].mention.actor.clone();
    let surname = doc.tokens[resolved[person].mention.tokens.end as usize - 1].span;
    let entry = &mut resolved[person];
    entry.mention.actor = actor;
    entry.mention.resolution = Resolution::Coreference {
        antecedent: title as u32,
    };
    entry.holder_surname = Some(surname);
}
