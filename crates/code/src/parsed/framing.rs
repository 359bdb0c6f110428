//! Step 3, frame and modality: whether the clause around the trigger
//! asserts the act (negation, condition, modal verbs), intends it ("will",
//! "plans to", "is set to"), refuses or threatens it, tells it as
//! background ("after ...", relative clauses, earlier dates), and who is
//! credited with it ("X said ...", "according to X").

use dateline_model::{Attribution, DepRel, Modality};

use super::arguments::Arguments;
use super::clause::Clause;
use super::rejection::Rejection;
use crate::background::earlier_date_at;
use crate::cues::Cue;
use crate::modality::Frame;
use crate::participants::from_mention;

/// What the context does to an act.
#[derive(Clone, Debug, Default)]
pub struct Framing {
    pub modality: Modality,
    /// A governing verb or auxiliary that recodes the act ("plans to
    /// visit" is 036).
    pub frame: Option<Frame>,
    pub attribution: Option<Attribution>,
}

/// Frames the act whose clause is headed by `arguments.predicate`.
pub fn frame(clause: &Clause, arguments: &Arguments) -> Result<Framing, Rejection> {
    let predicate = arguments.predicate;
    if negated(clause, predicate) {
        return Err(Rejection::Negated);
    }
    if hypothetical(clause, predicate) {
        return Err(Rejection::Hypothetical);
    }
    background(clause, predicate)?;
    let frame = governing_frame(clause, predicate)?;
    let modality = match frame {
        Some(Frame::Intended | Frame::Threatened) => Modality::Intended,
        _ => Modality::Asserted,
    };
    Ok(Framing {
        modality,
        frame,
        attribution: attribution(clause, predicate),
    })
}

/// The predicate and the verbs that govern it through open complements
/// ("would consider charging": consider, charging): their negation, modal
/// verbs and dates are the predicate's.
fn governing_chain(clause: &Clause, predicate: usize) -> Vec<usize> {
    let mut chain = vec![predicate];
    let mut current = predicate;
    while matches!(clause.rel(current), DepRel::Xcomp | DepRel::Conj)
        && let Some(head) = clause.head(current)
    {
        chain.push(head);
        current = head;
        if chain.len() > clause.len() {
            break;
        }
    }
    chain
}

/// Whether `own` holds of the predicate or of a verb governing it through
/// open complements ("did not agree to meet", "would consider charging"):
/// a conjunct's negation or modal is its own ("met but did not sign").
fn on_predicate_or_governor(
    clause: &Clause,
    predicate: usize,
    own: impl Fn(usize) -> bool,
) -> bool {
    own(predicate)
        || governing_chain(clause, predicate)
            .windows(2)
            .take_while(|pair| clause.rel(pair[0]) == DepRel::Xcomp)
            .any(|pair| own(pair[1]))
}

/// A negation on the predicate or a verb governing it ("did not meet", "no
/// talks", "did not agree to meet").
fn negated(clause: &Clause, predicate: usize) -> bool {
    on_predicate_or_governor(clause, predicate, |word| {
        clause.children(word).iter().any(|&child| {
            matches!(clause.rel(child), DepRel::Advmod | DepRel::Det)
                && clause.is(child, Cue::Negation)
        })
    })
}

/// A modal auxiliary ("could strike", "would prefer to agree"), a
/// condition ("if Iran attacks"), or a question, on the predicate or a
/// clause above it.
fn hypothetical(clause: &Clause, predicate: usize) -> bool {
    let modal = on_predicate_or_governor(clause, predicate, |word| {
        clause
            .children(word)
            .iter()
            .any(|&child| clause.rel(child) == DepRel::Aux && clause.is(child, Cue::Hypothetical))
    });
    let conditional = clause.ancestors(predicate).any(|word| {
        clause
            .mark(word)
            .is_some_and(|mark| clause.is(mark, Cue::HypotheticalConjunction))
    });
    let question = clause.head(predicate).is_none()
        && clause.len() > 1
        && clause.form(clause.len() - 1) == "?";
    modal || conditional || question
}

/// Background: a clause opened by "after", "since", "amid" ... on the way
/// up to the root; a relative clause about an actor; a date before the
/// report among the predicate's modifiers.
fn background(clause: &Clause, predicate: usize) -> Result<(), Rejection> {
    if main_clause_pluperfect(clause, predicate) {
        return Err(Rejection::Pluperfect);
    }
    for word in clause.ancestors(predicate) {
        // A relative clause describes a noun, it does not report. Participles
        // (`acl`) stay: on the dev part they carried as many events as
        // background ("a statement condemning the attack").
        if matches!(clause.rel(word), DepRel::AclRelcl) {
            return Err(Rejection::RelativeClause);
        }
        if matches!(clause.rel(word), DepRel::Advcl | DepRel::Obl | DepRel::Nmod) {
            let opener = clause
                .mark(word)
                .or_else(|| clause.syntax.preposition(word))
                .filter(|&m| clause.is(m, Cue::Background));
            if let Some(opener) = opener {
                return Err(Rejection::BackgroundClause(
                    clause.sentence.text(opener).to_string(),
                ));
            }
        }
    }
    let dated = governing_chain(clause, predicate)
        .into_iter()
        .flat_map(|word| clause.children(word).to_vec());
    for child in dated {
        if !matches!(
            clause.rel(child).universal(),
            DepRel::Obl | DepRel::Advmod | DepRel::Nmod
        ) {
            continue;
        }
        for word in clause.subtree(child) {
            if let Some(when) = earlier_date_at(clause.sentence, word) {
                return Err(Rejection::DatedEarlier(when));
            }
        }
    }
    Ok(())
}

/// "The US had been allied with ...", "militias had made threats": the
/// past perfect in a main clause tells what came before the story (rule
/// 35). In a complement it is only reported speech shifted back ("said it
/// had carried out the attack"), which stays.
fn main_clause_pluperfect(clause: &Clause, predicate: usize) -> bool {
    let children = clause.children(predicate);
    let pluperfect = children
        .iter()
        .any(|&child| clause.rel(child) == DepRel::Aux && clause.is(child, Cue::Pluperfect));
    if !pluperfect {
        return false;
    }
    let main = clause
        .ancestors(predicate)
        .all(|word| clause.head(word).is_none() || clause.rel(word) == DepRel::Conj);
    // "On last Thursday, the delegations had met": a weekday dates it to
    // the story's own week.
    let this_week = children
        .iter()
        .filter(|&&child| clause.rel(child).universal() == DepRel::Obl)
        .any(|&child| {
            clause
                .subtree(child)
                .iter()
                .any(|&w| clause.is(w, Cue::Day))
        });
    main && !this_week
}

/// A frame from the verb group or the verb above: "will" and "is set to"
/// intend, "refused to" refuses, "threatened to" threatens; "failed to"
/// and "denied" negate; "tried to", "allowed X to" do not tell the act.
fn governing_frame(clause: &Clause, predicate: usize) -> Result<Option<Frame>, Rejection> {
    let future = clause
        .children(predicate)
        .iter()
        .any(|&child| clause.rel(child) == DepRel::Aux && clause.is(child, Cue::Future));
    if future {
        return Ok(Some(Frame::Intended));
    }
    if clause.rel(predicate) != DepRel::Xcomp {
        return Ok(None);
    }
    let Some(governor) = clause.head(predicate) else {
        return Ok(None);
    };
    Ok(if clause.is(governor, Cue::NegateGovernor) {
        return Err(Rejection::Negated);
    } else if clause.is(governor, Cue::Refuse) {
        Some(Frame::Refused)
    } else if clause.is(governor, Cue::Threaten) {
        Some(Frame::Threatened)
    } else if clause.is(governor, Cue::Intent) || clause.is(governor, Cue::IntentBe) {
        Some(Frame::Intended)
    } else if is_infinitive(clause, predicate) && !clause.is(governor, Cue::Realised) {
        return Err(Rejection::NotDone);
    } else {
        None
    })
}

/// A `to` infinitive: the act is named, not told as done, unless the verb
/// above says it was (cue class `realised`). The frames of the event
/// lexicon ("urged X to release") code such acts as what they are. A
/// purpose clause (`advcl`) stays coded: tried on the dev part, rejecting
/// it lost more right events than wrong ones ("met ... to sign an
/// agreement", which they then did).
fn is_infinitive(clause: &Clause, predicate: usize) -> bool {
    clause
        .mark(predicate)
        .is_some_and(|mark| clause.is(mark, Cue::To))
}

/// "X said (that) ...", "..., X said": the speaker of the verb of saying
/// whose complement holds the act; else "according to X".
fn attribution(clause: &Clause, predicate: usize) -> Option<Attribution> {
    let sentence = clause.sentence;
    let speaker_verb = clause
        .ancestors(predicate)
        .skip(1)
        .find(|&word| clause.is(word, Cue::Say));
    let speaker = speaker_verb.and_then(|verb| {
        clause
            .syntax
            .verb_group(verb)
            .subjects
            .first()
            .and_then(|subject| sentence.actor_at(subject.word))
    });
    if let Some(mention) = speaker {
        let participant = from_mention(sentence.doc, mention)?;
        return Some(Attribution {
            text: sentence.doc.text(participant.span?).to_string(),
            span: participant.span,
            code: Some(participant.code),
        });
    }
    crate::attribution::according_to(sentence)
}
