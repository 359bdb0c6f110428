//! Mentions: spans of the body that name an actor, a place, or an unknown entity.

use crate::{ActorCode, Span};

/// Which text segment a mention or event sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SegmentRef {
    /// Index into [`crate::Doc::sentences`].
    Sentence(u32),
    /// Index into [`crate::Doc::headings`].
    Heading(u32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub segment: SegmentRef,
    /// Index range into [`crate::Doc::tokens`].
    pub tokens: std::ops::Range<u32>,
    pub actor: Option<ActorRef>,
    pub place: Option<PlaceRef>,
    /// Set for capitalised names that matched nothing in the knowledge base.
    pub unknown: Option<EntityGuess>,
    pub resolution: Resolution,
}

/// An actor as resolved for this article's date.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorRef {
    pub code: ActorCode,
    /// Canonical name from the knowledge base ("Vladimir Putin").
    pub name: String,
    /// CAMEO country code, when the actor belongs to one.
    pub country: Option<String>,
    /// Role segment(s) after the country ("GOV", "MIL"), if any.
    pub role: Option<String>,
    /// Knowledge-base entry id (a Wikidata QID for people where known).
    pub entity: Option<String>,
    pub kind: ActorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    Country,
    Person,
    Organisation,
    /// A generic role noun ("police", "rebels"), possibly with a country.
    Agent,
}

/// A gazetteer place.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceRef {
    pub name: String,
    pub geonameid: Option<u32>,
    /// CAMEO/ISO alpha-3 country code.
    pub country: Option<String>,
    /// GeoNames first-level admin code with its country ("US.FL").
    pub adm1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    pub population: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Continent,
    Country,
    Adm1,
    City,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityGuess {
    Person,
    Organisation,
    Place,
}

/// How a mention got its reading; `--explain` and `dateline actors` show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// A dictionary name or alias matched.
    Name,
    /// A government metonym ("the Kremlin").
    Metonym,
    /// A demonym or adjective ("Russian").
    Demonym,
    /// A generic agent noun, with the country that qualified it if any.
    Agent,
    /// A surname or title alone, referring to the full name met earlier.
    Coreference { antecedent: u32 },
    /// A pronoun with one possible antecedent.
    Pronoun { antecedent: u32 },
    /// Among several candidates, the article's countries, dateline or
    /// population chose this one.
    Disambiguated { reason: String },
    /// Nothing matched.
    Unknown,
}
