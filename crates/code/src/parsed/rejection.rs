//! Why a candidate event was not coded: one variant per step that can say
//! no, shown by `--explain`.

use std::fmt;

use crate::lexicon::FrameFamily;

/// A step's refusal of a candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejection {
    /// The word's entry needs a dependent the sentence does not give.
    MissingNeededWord,
    /// An event noun that only refers to an event told elsewhere ("after
    /// the attack", "condemned the strike").
    ReferredNoun,
    /// Absorbed by the frame verb that governs it ("urged X to release").
    FramedElsewhere,
    /// No source argument at all.
    NoSourceArgument,
    /// The source argument names no known actor.
    SourceNotActor,
    /// No target argument, no implicit target, no reciprocity.
    NoTarget,
    /// The target argument names no known actor.
    TargetNotActor,
    /// A passive with no agent (rule 11: no perpetrator, no event).
    PassiveWithoutAgent,
    Negated,
    /// Conditional, question or modal.
    Hypothetical,
    /// In a subordinate clause ("after ...") that tells background.
    BackgroundClause(String),
    /// In a relative clause describing an actor.
    RelativeClause,
    /// Dated before the report ("in 2014", "last year").
    DatedEarlier(String),
    /// A main clause in the past perfect ("had been allied"): background.
    Pluperfect,
    /// A `to` infinitive complement of a verb that does not say it was done:
    /// an attempt, a permission, an appeal the lexicon did not code
    /// ("struggled to censor", "allowing X to require").
    NotDone,
    /// A frame whose act has no CAMEO code of its own ("refused to fight").
    FramedActHasNoCode(FrameFamily),
    /// Every source-target pair was one actor acting on itself.
    SameActor,
    /// An actor is an agent of no known country.
    Anonymous,
    /// A participle telling the toll or manner of an event already coded.
    RestatingParticiple,
}

impl Rejection {
    /// The clause around the act does not assert it (negation, modality,
    /// background, an infinitive not told as done), whatever its entry.
    pub fn is_not_asserted(&self) -> bool {
        matches!(
            self,
            Rejection::Negated
                | Rejection::Hypothetical
                | Rejection::BackgroundClause(_)
                | Rejection::DatedEarlier(_)
                | Rejection::Pluperfect
                | Rejection::NotDone
        )
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::MissingNeededWord => {
                f.write_str("the word codes only with a dependent it lacks")
            }
            Rejection::ReferredNoun => {
                f.write_str("the event noun refers to an event, it does not report one")
            }
            Rejection::FramedElsewhere => f.write_str("coded as part of the frame that governs it"),
            Rejection::NoSourceArgument => f.write_str("no subject, agent or possessor to act"),
            Rejection::SourceNotActor => f.write_str("the source names no known actor"),
            Rejection::NoTarget => f.write_str("no target actor found"),
            Rejection::TargetNotActor => f.write_str("the target names no known actor"),
            Rejection::PassiveWithoutAgent => f.write_str("a passive with no agent"),
            Rejection::Negated => f.write_str("the action is negated"),
            Rejection::Hypothetical => {
                f.write_str("the action is hypothetical (conditional, question or modal)")
            }
            Rejection::BackgroundClause(word) => {
                write!(f, "in a background clause opened by '{word}'")
            }
            Rejection::RelativeClause => f.write_str("in a relative clause describing an actor"),
            Rejection::DatedEarlier(when) => write!(f, "dated before the report ({when})"),
            Rejection::Pluperfect => f.write_str("told in the past perfect, as background"),
            Rejection::NotDone => {
                f.write_str("an infinitive aimed at, tried or allowed, not told as done")
            }
            Rejection::FramedActHasNoCode(family) => {
                write!(
                    f,
                    "a {family:?} frame of an act with no CAMEO code of its own"
                )
            }
            Rejection::SameActor => f.write_str("source and target are the same actor"),
            Rejection::Anonymous => f.write_str("an actor is an agent of no known country (---)"),
            Rejection::RestatingParticiple => {
                f.write_str("a participle giving the toll or manner of an event already coded")
            }
        }
    }
}
