//! Scoring a coder against labelled text.
//!
//! A gold file is JSON Lines of two kinds of record. A labelled sentence,
//! `{"id", "date", "text", "events": [{"source", "target", "code"}]}`, is
//! scored as PETRARCH's validation suite does: the sorted multiset of
//! (source, target, code) triples must match exactly ([`Scorer`]). A
//! labelled article ([`GoldArticle`]: the article, its sentences with spans,
//! and events with a sentence index and an `optional` mark) is scored per
//! sentence and per article, overall and by CAMEO root ([`ArticleScorer`]).
//! Both count precision, recall and F1 on triples, and again on (source
//! country, target country, root code), which forgives role and subcode
//! slips.
//!
//! ```
//! use dateline_eval::{Scorer, Triple};
//!
//! let gold = vec![Triple::new("USAGOV", "RUSGOV", "041")];
//! let predicted = vec![Triple::new("USAGOV", "RUSGOV", "040")];
//! let mut scorer = Scorer::default();
//! let record = scorer.add("r1", &gold, &predicted);
//! assert!(!record.exact);
//! let scores = scorer.scores();
//! assert_eq!(scores.triples.f1(), 0.0);
//! assert_eq!(scores.countries_roots.f1(), 1.0);
//! ```

#![deny(missing_debug_implementations)]

mod articles;
mod counts;
mod gold;
mod sentences;

pub use articles::{
    ArticleKind, ArticleResult, ArticleScorer, ArticleScores, GoldArticle, GoldEvent, GoldSentence,
    Predicted,
};
pub use counts::{Counts, Matching, Requirement, match_multisets};
pub use gold::{GoldError, GoldSet, parse_gold};
pub use sentences::{GoldRecord, RecordResult, Scorer, Scores, Triple};
