//! Dateline's data model.
//!
//! An article is read once into a [`Doc`]: metadata plus a body string that is
//! never changed afterwards. Every later stage adds a *layer* of records whose
//! [`Span`]s are byte offsets into that body (stand-off annotation), so any
//! sentence, mention or event slices back to the exact words it came from.
//!
//! The crate also holds the codebooks every stage agrees on: CAMEO event codes
//! with Goldstein scores and QuadClass ([`cameo`]), PLOVER types ([`plover`]),
//! CAMEO actor codes ([`ActorCode`]) and Penn part-of-speech tags ([`Pos`]).
//!
//! It depends on no other Dateline crate and does no I/O.
//!
//! ```
//! use dateline_model::{Doc, Meta, Span};
//!
//! let doc = Doc::new(Meta::default(), "Putin met Modi. They talked.".to_string());
//! let first = Span::new(0, 15);
//! assert_eq!(doc.text(first), "Putin met Modi.");
//! ```

#![deny(missing_debug_implementations)]

mod actor;
pub mod cameo;
mod doc;
mod event;
mod mention;
pub mod plover;
mod pos;
mod span;
mod syntax;

pub use actor::{ActorCode, ActorCodeError};
pub use cameo::{EventCode, QuadClass};
pub use doc::{
    Block, BlockKind, CountryFocus, Doc, Dropped, InputRef, Meta, Record, RelatedLink, Segment,
    Token, TokenKind,
};
pub use event::{Attribution, Event, Location, LocationBasis, Modality, Participant};
pub use mention::{
    ActorKind, ActorRef, EntityGuess, Mention, PlaceKind, PlaceRef, Resolution, SegmentRef,
};
pub use pos::Pos;
pub use span::Span;
pub use syntax::{DepRel, TokenParse, Upos};
