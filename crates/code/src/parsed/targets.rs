//! Step 5, choose the parties: the actors of the argument words; for a
//! target that is an act, its doer ("rejected Russia's proposal"; "opposed
//! the move" after the article's latest act); and when the target is
//! missing, the one the act implies: a frame's embedded act ("urged the
//! release of X" asks whoever holds X; "plans to visit Y" is aimed at Y),
//! reciprocity ("A and B met"), a private person the knowledge base lacks
//! by the act done to them ("sentenced Jane Doe": the article's country,
//! CRM; the source side likewise, "Jane Doe stabbed": UAF), or CAMEO's
//! implicit targets (protests and demands address the source's own
//! government; curfews and states of emergency fall on the source's
//! country: `data/gold/README.md`, rules 23, 30, 39, 41 and 43).

use dateline_model::{ActorCode, DepRel, EntityGuess, Event, EventCode, Participant, Upos};

use super::actors::participants;
use super::arguments::{Arguments, embedded_noun_arguments};
use super::clause::Clause;
use super::rejection::Rejection;
use crate::cues::Cue;
use crate::discourse::Article;
use crate::lexicon::{Entry, EventLexicon, FrameFamily, ImplicitTarget, Side, WordKind};
use crate::participants::{own_country, protested_government};

/// Who acts on whom.
#[derive(Clone, Debug, Default)]
pub struct Parties {
    pub sources: Vec<Participant>,
    pub targets: Vec<Participant>,
    /// The sources act on each other.
    pub reciprocal: bool,
}

pub fn parties(
    clause: &Clause,
    entry: &Entry,
    arguments: &Arguments,
    code: &EventCode,
    lexicon: &EventLexicon,
    article: &Article,
) -> Result<Parties, Rejection> {
    let sources = sources(clause, arguments, code, lexicon)?;
    let codes: Vec<ActorCode> = sources.iter().map(|s| s.code.clone()).collect();
    let mut targets = actors_of(clause, &arguments.targets, &codes);
    if targets.is_empty() {
        let words = through_event_nouns(clause, &arguments.targets, code, lexicon);
        targets = actors_of(clause, &words, &codes);
    }
    if targets.is_empty() {
        targets.extend(previous_actor(
            clause,
            &arguments.targets,
            &codes,
            code,
            lexicon,
            article,
        ));
    }
    let mut parties = Parties {
        targets,
        sources,
        reciprocal: false,
    };
    if parties.targets.is_empty() {
        fill_missing_target(clause, entry, arguments, code, lexicon, &mut parties)?;
    }
    Ok(parties)
}

/// A target that is an act naming no actor, a definite act noun ("opposed
/// the withdrawal", "criticized the move"), is aimed at whoever did the
/// latest act coded before it in the article, other than the source.
fn previous_actor(
    clause: &Clause,
    words: &[usize],
    sources: &[ActorCode],
    code: &EventCode,
    lexicon: &EventLexicon,
    article: &Article,
) -> Option<Participant> {
    let sentence = clause.sentence;
    let claims = claims_responsibility(code);
    let word = *words
        .iter()
        .find(|&&word| refers_to_an_act(clause, word, lexicon))?;
    let start = sentence.token_span(word).start;
    // Claiming an act is aimed at its victim, like `through_event_nouns`.
    let party = |event: &Event| {
        if claims {
            event.target.clone()
        } else {
            Some(event.source.clone())
        }
    };
    let actor = article
        .events
        .iter()
        .rev()
        .filter(|event| event.trigger.end <= start)
        .filter_map(party)
        .find(|actor| !sources.iter().any(|source| same_party(source, &actor.code)))?;
    Some(Participant {
        span: Some(sentence.token_span(word)),
        ..actor
    })
}

/// Claiming responsibility (015) is aimed at the victim of the act claimed.
fn claims_responsibility(code: &EventCode) -> bool {
    code.is_within("015")
}

/// Two codes for one party: equal, or a country and one of its own
/// agents ("Iran denied the accusation" after Iran's government acted).
fn same_party(a: &ActorCode, b: &ActorCode) -> bool {
    a == b || (a.is_bare() || b.is_bare()) && a.head() == b.head()
}

/// "the"/"this" before an act noun or an event noun with no modifier
/// naming whose act it is. (Pronouns such as "it" may stand for an act too,
/// but no dev sentence needed them: they stay unresolved.)
fn refers_to_an_act(clause: &Clause, word: usize, lexicon: &EventLexicon) -> bool {
    let lemma = clause.lemma(word);
    match clause.upos(word) {
        Upos::Noun => {
            let act = clause.is(word, Cue::ActNoun)
                || lexicon.entries(lemma, WordKind::Noun).next().is_some();
            let children = clause.children(word);
            act && children
                .iter()
                .any(|&c| clause.rel(c) == DepRel::Det && clause.is(c, Cue::DefiniteOpener))
                && children.iter().all(|&c| {
                    matches!(
                        clause.rel(c),
                        DepRel::Det | DepRel::Punct | DepRel::Case | DepRel::Amod
                    )
                })
        }
        _ => false,
    }
}

/// A target that is an act names its actor: "rejected Russia's proposal"
/// is aimed at Russia, "condemned the attack by the rebels" at the rebels;
/// claiming responsibility for an attack is aimed at its victim.
fn through_event_nouns(
    clause: &Clause,
    words: &[usize],
    code: &EventCode,
    lexicon: &EventLexicon,
) -> Vec<usize> {
    let claims = claims_responsibility(code);
    words
        .iter()
        .filter_map(|&word| {
            let entry = lexicon.entries(clause.lemma(word), WordKind::Noun).next()?;
            let act = embedded_noun_arguments(clause, word, entry);
            Some(if claims { act.targets } else { act.sources })
        })
        .flatten()
        .collect()
}

/// The actors of the source words, or a private person the knowledge base
/// lacks whom the act itself says what they are ("Jane Doe stabbed three
/// people": an attacker, UAF).
fn sources(
    clause: &Clause,
    arguments: &Arguments,
    code: &EventCode,
    lexicon: &EventLexicon,
) -> Result<Vec<Participant>, Rejection> {
    if arguments.sources.is_empty() {
        return Err(if arguments.passive {
            Rejection::PassiveWithoutAgent
        } else {
            Rejection::NoSourceArgument
        });
    }
    let sources = actors_of(clause, &arguments.sources, &[]);
    if !sources.is_empty() {
        return Ok(sources);
    }
    lexicon
        .private_role(code, Side::Source)
        .and_then(|role| private_person(clause, &arguments.sources, role))
        .map(|person| vec![person])
        .ok_or(Rejection::SourceNotActor)
}

fn actors_of(clause: &Clause, words: &[usize], exclude: &[ActorCode]) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    for &word in words {
        for participant in participants(clause, word, exclude) {
            if !out.iter().any(|p| p.code == participant.code) {
                out.push(participant);
            }
        }
    }
    out
}

/// The target the act implies when its own argument names none.
fn fill_missing_target(
    clause: &Clause,
    entry: &Entry,
    arguments: &Arguments,
    code: &EventCode,
    lexicon: &EventLexicon,
    parties: &mut Parties,
) -> Result<(), Rejection> {
    let codes: Vec<ActorCode> = parties.sources.iter().map(|s| s.code.clone()).collect();
    if let (Some(family), Some(embedded)) = (entry.flags.frame, arguments.embedded_arguments()) {
        let words = match family {
            // Whoever is asked to act: "called for Rosselló's resignation".
            FrameFamily::Appeal | FrameFamily::Demand => &embedded.sources,
            FrameFamily::Intent | FrameFamily::Threat | FrameFamily::Refuse => &embedded.targets,
        };
        parties.targets = actors_of(clause, words, &codes);
        if !parties.targets.is_empty() {
            return Ok(());
        }
    }
    if entry.flags.reciprocal && parties.sources.len() >= 2 {
        parties.reciprocal = true;
        return Ok(());
    }
    if let Some(role) = lexicon.private_role(code, Side::Target)
        && let Some(person) = private_person(clause, &arguments.targets, role)
    {
        parties.targets.push(person);
        return Ok(());
    }
    let implicit = entry.flags.implicit.or_else(|| implicit_by_code(code));
    let first = &parties.sources[0];
    let implied = match implicit {
        Some(ImplicitTarget::Government) => protested_government(first),
        Some(ImplicitTarget::Country) => own_country(first),
        None => None,
    };
    match implied {
        Some(target) => {
            parties.targets.push(target);
            Ok(())
        }
        None if arguments.targets.is_empty() => Err(Rejection::NoTarget),
        None => Err(Rejection::TargetNotActor),
    }
}

/// CAMEO's implicit targets by code: protests (14) address the government;
/// administrative sanctions on the population (172x) fall on the country.
fn implicit_by_code(code: &EventCode) -> Option<ImplicitTarget> {
    if code.root() == "14" {
        Some(ImplicitTarget::Government)
    } else if code.is_within("172") {
        Some(ImplicitTarget::Country)
    } else {
        None
    }
}

/// A person the knowledge base lacks, named as a party to an act that says
/// what they are ("arrested Jane Doe": a suspect, CRM), of the article's
/// country (`data/gold/README.md`, rule 39).
fn private_person(clause: &Clause, words: &[usize], role: &str) -> Option<Participant> {
    let sentence = clause.sentence;
    let doc = sentence.doc;
    let country = &doc.focus.first()?.country;
    let mention = words.iter().find_map(|&word| {
        sentence.mentions().iter().copied().find(|&m| {
            sentence.mention_range(m).contains(&word)
                && doc.mentions[m as usize].unknown == Some(EntityGuess::Person)
        })
    })?;
    let span = doc.mentions[mention as usize].span;
    Some(Participant {
        code: ActorCode::parse(country).ok()?.with_role(role),
        name: Some(doc.text(span).to_string()),
        country: Some(country.clone()),
        span: Some(span),
        mention: Some(mention),
    })
}
