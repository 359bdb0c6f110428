//! Step 2, fill arguments: which words of the tree are the trigger's
//! source and target, read from its dependents.
//!
//! A verb's source is its subject (a passive's `by` agent), its target the
//! object or the oblique its entry names. An event noun's source is its
//! possessor, its demonym or country modifier, or its `by` phrase, and
//! when a light verb asserts it ("launched an attack on"), that verb's
//! subject; its target is the modifier with the entry's preposition, on
//! the noun or on the light verb.

use dateline_model::{DepRel, Upos};
use dateline_parse::syntax::{VerbGroup, Voice};

use super::clause::Clause;
use super::rejection::Rejection;
use crate::cues::Cue;
use crate::lexicon::{Entry, EventLexicon, WordKind};

/// The argument words of one trigger.
#[derive(Clone, Debug, Default)]
pub struct Arguments {
    /// The word whose clause frames the event: the verb itself, or the
    /// light verb or governing verb of an event noun.
    pub predicate: usize,
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    /// The source came from a passive's missing agent.
    pub passive: bool,
    /// For a frame: the act it embeds, with that act's own arguments.
    pub embedded: Option<Box<Embedded>>,
}

/// The act a frame word embeds ("urged X to *release* Y").
#[derive(Clone, Debug)]
pub struct Embedded {
    pub word: usize,
    pub entry: Entry,
    pub arguments: Arguments,
}

/// The arguments of `word` read as `entry`.
pub fn fill(
    clause: &Clause,
    word: usize,
    entry: &Entry,
    lexicon: &EventLexicon,
) -> Result<Arguments, Rejection> {
    let mut arguments = match entry.kind {
        WordKind::Verb => verb_arguments(clause, word, entry),
        WordKind::Noun => noun_arguments(clause, word, entry, lexicon)?,
    };
    if entry.flags.frame.is_some() {
        arguments.embedded = embedded_act(clause, word, lexicon).map(Box::new);
    }
    Ok(arguments)
}

fn verb_arguments(clause: &Clause, verb: usize, entry: &Entry) -> Arguments {
    let group = clause.syntax.verb_group(verb);
    let subjects: Vec<usize> = group
        .subjects
        .iter()
        .map(|subject| antecedent(clause, verb, subject.word))
        .collect();
    let mut obliques: Vec<usize> = group
        .obliques
        .iter()
        .map(|oblique| oblique.word)
        .filter(|&word| has_target_preposition(clause, word, entry))
        .collect();
    if obliques.is_empty() {
        obliques = stranded_obliques(clause, &group, entry);
    }
    let mut arguments = Arguments {
        predicate: verb,
        ..Arguments::default()
    };
    match group.voice {
        Voice::Active => {
            arguments.sources = subjects;
            if entry.target.object {
                arguments.targets.extend(group.objects.iter().copied());
            }
        }
        Voice::Passive => {
            arguments.passive = true;
            arguments
                .sources
                .extend(group.agent.or_else(|| by_oblique(clause, verb)));
            if entry.target.object {
                arguments.targets = subjects;
            }
        }
    }
    arguments.targets.extend(obliques);
    if entry.target.object && group.objects.is_empty() && group.voice == Voice::Active {
        // "alleged (that) Mahan had contributed", "ruled the practice
        // unconstitutional": the target is who the clause is about.
        arguments.targets.extend(
            group
                .ccomps
                .iter()
                .flat_map(|&c| clausal_subjects(clause, c)),
        );
    }
    arguments
}

/// Target phrases the parser hung one level too low: "met on Monday with
/// X" read as "Monday with X". A phrase with the entry's preposition that
/// modifies one of the verb's own objects or obliques is the verb's, since
/// the misattachment of prepositional phrases is the parser's commonest
/// error on news text.
fn stranded_obliques(clause: &Clause, group: &VerbGroup, entry: &Entry) -> Vec<usize> {
    let dependents = group
        .objects
        .iter()
        .copied()
        .chain(group.obliques.iter().map(|oblique| oblique.word));
    dependents
        .flat_map(|dependent| clause.children(dependent).iter().copied())
        .filter(|&child| {
            clause.rel(child) == DepRel::Nmod && has_target_preposition(clause, child, entry)
        })
        .collect()
}

/// The phrase opens with a preposition the entry's target takes.
fn has_target_preposition(clause: &Clause, word: usize, entry: &Entry) -> bool {
    clause
        .preposition(word)
        .is_some_and(|p| entry.target.takes_preposition(p))
}

/// The subjects of a clausal complement.
fn clausal_subjects(clause: &Clause, complement: usize) -> Vec<usize> {
    clause
        .syntax
        .verb_group(complement)
        .subjects
        .iter()
        .map(|subject| subject.word)
        .collect()
}

/// A passive's agent the parser left as a plain "by" oblique.
fn by_oblique(clause: &Clause, verb: usize) -> Option<usize> {
    clause.children(verb).iter().copied().find(|&child| {
        clause.rel(child) == DepRel::Obl
            && clause
                .preposition(child)
                .is_some_and(|preposition| Cue::PassiveAgent.matches(preposition))
    })
}

/// "the army, which shelled ...": a relative pronoun subject stands for the
/// noun the clause modifies.
fn antecedent(clause: &Clause, predicate: usize, subject: usize) -> usize {
    if clause.is_relative_pronoun(subject)
        && matches!(clause.rel(predicate), DepRel::AclRelcl | DepRel::Acl)
    {
        clause.head(predicate).unwrap_or(subject)
    } else {
        subject
    }
}

fn noun_arguments(
    clause: &Clause,
    noun: usize,
    entry: &Entry,
    lexicon: &EventLexicon,
) -> Result<Arguments, Rejection> {
    let mut arguments = Arguments {
        predicate: noun,
        ..Arguments::default()
    };
    for &child in clause.children(noun) {
        match clause.rel(child) {
            DepRel::NmodPoss => arguments.sources.push(child),
            // "Russian strikes", not "a full pardon".
            DepRel::Compound | DepRel::Amod if names_someone(clause, child) => {
                arguments.sources.push(child)
            }
            DepRel::Nmod => match clause.preposition(child) {
                Some(prep) if Cue::PassiveAgent.matches(prep) => arguments.sources.push(child),
                Some(prep) if Cue::Genitive.matches(prep) && entry.flags.of_is_source => {
                    arguments.sources.push(child)
                }
                Some(prep) if Cue::Genitive.matches(prep) && entry.target.object => {
                    arguments.targets.push(child)
                }
                Some(prep) if entry.target.takes_preposition(prep) => arguments.targets.push(child),
                Some(prep) if Cue::Between.matches(prep) => arguments.sources.push(child),
                _ => {}
            },
            _ => {}
        }
    }
    if clause.rel(noun) == DepRel::Nsubj {
        arguments
            .targets
            .extend(predicate_targets(clause, noun, entry));
    }
    if let Some(verb) = asserting_verb(clause, noun, lexicon)? {
        arguments.predicate = verb;
        let light = verb_arguments(clause, verb, entry);
        if arguments.sources.is_empty() {
            arguments.sources = light.sources;
            arguments.passive = light.passive;
        }
        // "imposed sanctions on Russia": the oblique hangs on the light verb.
        arguments
            .targets
            .extend(light.targets.into_iter().filter(|&t| t != noun));
    }
    Ok(arguments)
}

/// The target of an event noun that is a subject hangs on its predicate:
/// "my thoughts are *with the families*", "sympathies go *to the
/// victims*".
fn predicate_targets(clause: &Clause, noun: usize, entry: &Entry) -> Vec<usize> {
    let Some(predicate) = clause.head(noun) else {
        return Vec::new();
    };
    if has_target_preposition(clause, predicate, entry) {
        return vec![predicate];
    }
    clause
        .children(predicate)
        .iter()
        .copied()
        .filter(|&child| {
            clause.rel(child) == DepRel::Obl && has_target_preposition(clause, child, entry)
        })
        .collect()
}

/// A modifier covered by an actor or place mention.
fn names_someone(clause: &Clause, word: usize) -> bool {
    clause.sentence.actor_at(word).is_some() || clause.sentence.place_at(word).is_some()
}

/// Whether the clause around an event noun reports the event: as the
/// object (or passive subject) of a light verb ("launched an attack",
/// "talks were held"), as a subject ("the attack killed ten"), as the
/// object of a verb of saying ("announced the arrest"), or as the head of
/// a headline. `Some(verb)` when a verb asserts it; an object of any other
/// verb only refers to an event ("condemned the attack").
fn asserting_verb(
    clause: &Clause,
    noun: usize,
    lexicon: &EventLexicon,
) -> Result<Option<usize>, Rejection> {
    let Some(head) = clause.head(noun) else {
        return Ok(None);
    };
    let head_is_light = || light_verb(clause, head, lexicon);
    match clause.rel(noun) {
        DepRel::Obj | DepRel::NsubjPass if head_is_light() => Ok(Some(head)),
        // "granted X a pardon": the parser takes a double object's second
        // noun for a bare oblique (`obl:unmarked`, or `obl` without a
        // preposition).
        DepRel::OblUnmarked | DepRel::Obl
            if clause.preposition(noun).is_none()
                && head_is_light()
                && !clause.syntax.verb_group(head).objects.is_empty() =>
        {
            Ok(Some(head))
        }
        // "entered into an agreement", "took part in talks".
        DepRel::Obl
            if clause.preposition(noun).is_some_and(|prep| {
                lexicon.is_light_verb(&format!("{} {prep}", clause.lemma(head)))
            }) =>
        {
            Ok(Some(head))
        }
        DepRel::Obj if clause.is(head, Cue::Say) => Ok(Some(head)),
        DepRel::Nsubj => Ok(None),
        DepRel::Conj => asserting_verb(clause, head, lexicon),
        _ => Err(Rejection::ReferredNoun),
    }
}

fn light_verb(clause: &Clause, verb: usize, lexicon: &EventLexicon) -> bool {
    if clause.upos(verb) != Upos::Verb {
        return false;
    }
    let lemma = clause.lemma(verb);
    lexicon.is_light_verb(lemma)
        || clause.children(verb).iter().any(|&child| {
            clause.rel(child) == DepRel::CompoundPrt
                && lexicon.is_light_verb(&format!("{lemma} {}", clause.form(child)))
        })
}

/// The act a frame embeds: its open complement ("urged Iran to *free*"),
/// its clausal complement ("demanded that Iran *free*"), or an event noun
/// it takes as object or after "for" ("called for the *release* of").
fn embedded_act(clause: &Clause, frame: usize, lexicon: &EventLexicon) -> Option<Embedded> {
    let candidates =
        clause
            .children(frame)
            .iter()
            .copied()
            .filter(|&child| match clause.rel(child) {
                DepRel::Xcomp | DepRel::Ccomp | DepRel::Obj => true,
                DepRel::Obl | DepRel::Nmod => clause
                    .preposition(child)
                    .is_some_and(|preposition| Cue::ComplementPreposition.matches(preposition)),
                _ => false,
            });
    for word in candidates {
        let kind = match clause.upos(word) {
            Upos::Verb => WordKind::Verb,
            Upos::Noun => WordKind::Noun,
            _ => continue,
        };
        let Some(entry) = lexicon
            .entries(clause.lemma(word), kind)
            .find(|entry| entry.flags.frame.is_none())
        else {
            continue;
        };
        let arguments = match kind {
            WordKind::Verb => verb_arguments(clause, word, entry),
            WordKind::Noun => embedded_noun_arguments(clause, word, entry),
        };
        return Some(Embedded {
            word,
            entry: entry.clone(),
            arguments,
        });
    }
    None
}

/// An embedded event noun's own modifiers ("the release of the hostages",
/// "his resignation"), whatever verb governs it.
pub(crate) fn embedded_noun_arguments(clause: &Clause, noun: usize, entry: &Entry) -> Arguments {
    let mut arguments = Arguments {
        predicate: noun,
        ..Arguments::default()
    };
    for &child in clause.children(noun) {
        match (clause.rel(child), clause.preposition(child)) {
            (DepRel::NmodPoss | DepRel::Amod | DepRel::Compound, _) => {
                arguments.sources.push(child)
            }
            (DepRel::Nmod, Some(prep)) if Cue::PassiveAgent.matches(prep) => {
                arguments.sources.push(child)
            }
            (DepRel::Nmod, Some(prep))
                if Cue::Genitive.matches(prep) && entry.flags.of_is_source =>
            {
                arguments.sources.push(child)
            }
            (DepRel::Nmod, Some(prep)) if Cue::Genitive.matches(prep) => {
                arguments.targets.push(child)
            }
            (DepRel::Nmod, Some(prep)) if entry.target.takes_preposition(prep) => {
                arguments.targets.push(child)
            }
            _ => {}
        }
    }
    arguments
}
