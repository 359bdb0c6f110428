//! Coded events with their evidence.

use crate::{ActorCode, EventCode, PlaceRef, SegmentRef, Span};

/// One coded event: who did what to whom, where the words are, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub segment: SegmentRef,
    pub source: Participant,
    pub target: Option<Participant>,
    pub code: EventCode,
    /// The words that expressed the action.
    pub trigger: Span,
    pub negated: bool,
    pub modality: Modality,
    pub attribution: Option<Attribution>,
    pub location: Option<Location>,
    /// The id of the pattern that fired.
    pub rule: String,
    /// Issue codes from an issue dictionary, if one was loaded.
    pub issues: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    pub code: ActorCode,
    pub name: Option<String>,
    pub country: Option<String>,
    /// Where the actor is named; `None` only for actors not in the text.
    pub span: Option<Span>,
    /// Index into [`crate::Doc::mentions`].
    pub mention: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Modality {
    #[default]
    Asserted,
    Intended,
    Hypothetical,
}

impl Modality {
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Intended => "intended",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// Who the report credits: "according to X", "X reported", "sources said".
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub text: String,
    pub span: Option<Span>,
    pub code: Option<ActorCode>,
}

/// Where the event happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub place: PlaceRef,
    /// The place's words in the sentence, when the location came from there.
    pub span: Option<Span>,
    pub basis: LocationBasis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LocationBasis {
    /// A place named in the event's sentence, tied to it.
    Sentence,
    /// The article's dateline.
    Dateline,
    /// The article's leading focus country.
    Focus,
}
