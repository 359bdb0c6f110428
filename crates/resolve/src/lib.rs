//! Merging reports of one real-world event.
//!
//! The coder writes one record per sentence that reports an action; news
//! repeats itself, so one phone call is reported by a lead, recalled in a
//! conclusion and carried by a dozen outlets. This crate decides which
//! reports are the same event. It is pure logic over the model and export
//! types: no I/O. The store runs the same rule against its tables.
//!
//! # The rule
//!
//! A report joins a known event when **all** of these hold
//! ([`MergeRule::accepts`]):
//!
//! - **Time**: its article is dated within [`MergeRule::window_days`] (1 by
//!   default) of the event's first report. Undated reports merge only within
//!   their own article: a date is never invented.
//! - **Actors, by country and role**: source with source and target with
//!   target, the codes agree segment by segment as far as the shorter goes
//!   (`CHN` and `CHNGOV` agree; `CHNGOV` and `CHNMIL`, or `CHNGOV` and
//!   `VNMGOV`, do not). A report without a target agrees with any target.
//! - **Action**: the codes have the same root and one refines the other
//!   (`04`/`040` and `041`; `025` and `0256`), reading a "not specified"
//!   base code such as `040` or `190` as its root. `041` and `042` differ.
//! - **Place, same or none**: when both reports name a place in their own
//!   sentence, it is the same place: one gazetteer entry, one place inside
//!   the other (a country or province and a town in it), or two towns within
//!   [`MergeRule::same_place_km`] (25 km). Places guessed from the dateline
//!   or the article's focus never keep reports apart.
//! - **Stance**: the same negation and modality (a planned visit is not the visit).
//! - **One article, one reading**: two reports of the same article join
//!   only when they name the same source and target codes; an article that
//!   names "Xi arrived in Vietnam" and "Xi held talks with To Lam" reports
//!   two events, though across articles `VNM` and `VNMGOV` agree.
//!
//! Of several matching events the report joins the one agreeing on most
//! fields exactly, then the nearest in time, then the oldest. The event then
//! reads every field at its most specific ([`Signature::absorb`]) and counts
//! its reports ([`Tally`]): NumMentions (every report), NumArticles
//! (distinct articles), NumSources (distinct outlets: publisher, else URL
//! host, see [`outlet`]), first and last seen (report dates).
//!
//! Within an article, later sentences that refer back to a coded event
//! ("the call", "his recent discussion with Putin") are further reports of
//! it ([`find_references`]), so a call recalled in a "Conclusion" paragraph
//! is counted once, with both mentions.
//!
//! ```
//! use dateline_export::{EventRecord, ParticipantRecord, SentenceRecord, SpanRecord};
//! use dateline_model::Span;
//! use dateline_resolve::{MergeRule, Signature};
//!
//! let report = |article: &str, source: &str, date: &str| EventRecord {
//!     article_id: article.into(),
//!     event_id: format!("{article}-1"),
//!     date: Some(date.into()),
//!     code: "042".into(),
//!     root_code: "04".into(),
//!     label: None, quad_class: Some(1), goldstein: Some(1.9), plover: None,
//!     source: ParticipantRecord { code: source.into(), country: Some("CHN".into()),
//!                                 name: None, text: None, span: None },
//!     target: None, negated: false, modality: "asserted".into(),
//!     location: None, attribution: None,
//!     sentence: SentenceRecord { index: Some(0), text: String::new(), span: Span::new(0, 0) },
//!     trigger: SpanRecord { text: String::new(), span: Span::new(0, 0) },
//!     rule: String::new(), url: None, issues: vec![], merge: None,
//! };
//! let wire = Signature::from_record(&report("wire", "CHN", "2025-04-14")).unwrap();
//! let daily = Signature::from_record(&report("daily", "CHNGOV", "2025-04-15")).unwrap();
//! let late = Signature::from_record(&report("late", "CHNGOV", "2025-04-20")).unwrap();
//! let rule = MergeRule::default();
//! assert!(rule.accepts(&wire, &daily));
//! assert!(!rule.accepts(&wire, &late));
//! ```

#![deny(missing_debug_implementations)]

mod references;
mod resolver;
mod rule;
mod signature;

pub use references::{EventNouns, EventNounsError, Reference, find_references};
pub use resolver::{MergedEvent, Origin, Report, Resolver, Tally, outlet, url_host};
pub use rule::{
    MergeRule, actor_codes_compatible, codes_compatible, distance_km, places_compatible,
};
pub use signature::{
    Actor, Anchor, Place, Signature, basis_name, code_specificity, parse_basis, parse_modality,
    parse_place_kind, place_kind_name,
};

/// Errors while reading reports.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ResolveError {
    #[error("event {event_id}: bad {field} {value:?}")]
    BadField {
        event_id: String,
        field: String,
        value: String,
    },
    #[error(transparent)]
    EventNouns(#[from] EventNounsError),
}
