//! Why events were coded, and why candidates were not.

use dateline_model::{SegmentRef, Span};

/// One decision of the coder about a trigger.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub segment: SegmentRef,
    pub trigger: Span,
    /// The rule (pattern id) that matched.
    pub rule: String,
    pub verdict: Verdict,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Events were coded; indices into `doc.events`, and how the parts were found.
    Coded {
        events: Vec<usize>,
        notes: Vec<String>,
    },
    /// The candidate was rejected, and why.
    Rejected(String),
}
