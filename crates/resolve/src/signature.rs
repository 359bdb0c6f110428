//! What two reports are compared on: when, who, what, where, and how sure.

use chrono::NaiveDate;
use dateline_export::{EventRecord, LocationRecord, ParticipantRecord};
use dateline_model::{ActorCode, ActorCodeError, EventCode, LocationBasis, Modality, PlaceKind};

use crate::ResolveError;

/// The part of a report that decides which real-world event it describes.
///
/// A merged event has a signature too: the most specific reading of every
/// field over its reports (see [`Signature::absorb`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    pub anchor: Anchor,
    pub source: Actor,
    pub target: Option<Actor>,
    pub code: EventCode,
    pub place: Option<Place>,
    pub negated: bool,
    pub modality: Modality,
}

/// Where a report sits in time: its article's date, or for an undated
/// article the article itself (a date is never invented, so undated reports
/// merge only within their own article).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    Date(NaiveDate),
    Article(String),
}

/// A participant as coded: its CAMEO code, canonical name and country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub code: ActorCode,
    pub name: Option<String>,
    pub country: Option<String>,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    pub country: Option<String>,
    pub adm1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: Option<u32>,
    pub kind: PlaceKind,
    /// Only places named in the event's own sentence constrain a merge; a
    /// place taken from the dateline or the article's focus is a guess.
    pub basis: LocationBasis,
}

impl Signature {
    /// Reads a report in the public event schema.
    pub fn from_record(record: &EventRecord) -> Result<Signature, ResolveError> {
        let bad = |field: &str, value: &str| ResolveError::BadField {
            event_id: record.event_id.clone(),
            field: field.to_string(),
            value: value.to_string(),
        };
        let anchor = match record.date.as_deref() {
            Some(date) => Anchor::Date(
                NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| bad("date", date))?,
            ),
            None => Anchor::Article(record.article_id.clone()),
        };
        let code = EventCode::parse(&record.code).map_err(|_| bad("code", &record.code))?;
        let modality =
            parse_modality(&record.modality).ok_or_else(|| bad("modality", &record.modality))?;
        let participant = |role: &str, participant: &ParticipantRecord| {
            Actor::from_record(participant).map_err(|_| bad(role, &participant.code))
        };
        let place = match &record.location {
            Some(location) => Some(Place::from_record(location).map_err(|field| {
                bad(
                    field,
                    if field == "kind" {
                        &location.kind
                    } else {
                        &location.basis
                    },
                )
            })?),
            None => None,
        };
        Ok(Signature {
            anchor,
            source: participant("source", &record.source)?,
            target: record
                .target
                .as_ref()
                .map(|target| participant("target", target))
                .transpose()?,
            code,
            place,
            negated: record.negated,
            modality,
        })
    }

    /// The signature's date, if it has one.
    pub fn date(&self) -> Option<NaiveDate> {
        match self.anchor {
            Anchor::Date(date) => Some(date),
            Anchor::Article(_) => None,
        }
    }

    /// True when both name the same source and target codes (or both no target).
    pub fn same_actors(&self, other: &Signature) -> bool {
        self.source.code == other.source.code
            && self.target.as_ref().map(|t| &t.code) == other.target.as_ref().map(|t| &t.code)
    }

    /// Takes in a report of the same event: every field becomes the more
    /// specific of the two readings, and the date the earlier one.
    ///
    /// "CHN" and "CHNGOV" give "CHNGOV"; "040" and "041" give "041"; a place
    /// named in a sentence beats one guessed from the dateline, and a city
    /// beats its country.
    pub fn absorb(&mut self, other: &Signature) {
        if let (Anchor::Date(mine), Anchor::Date(theirs)) = (&mut self.anchor, &other.anchor) {
            *mine = (*mine).min(*theirs);
        }
        absorb_actor(&mut self.source, &other.source);
        match (&mut self.target, &other.target) {
            (Some(mine), Some(theirs)) => absorb_actor(mine, theirs),
            (mine @ None, Some(theirs)) => *mine = Some(theirs.clone()),
            (_, None) => {}
        }
        if code_specificity(&other.code) > code_specificity(&self.code) {
            self.code = other.code.clone();
        }
        match (&mut self.place, &other.place) {
            (Some(mine), Some(theirs)) if theirs.rank() > mine.rank() => *mine = theirs.clone(),
            (mine @ None, Some(theirs)) => *mine = Some(theirs.clone()),
            _ => {}
        }
    }
}

impl Actor {
    pub fn from_record(record: &ParticipantRecord) -> Result<Actor, ActorCodeError> {
        Ok(Actor {
            code: ActorCode::parse(&record.code)?,
            name: record.name.clone(),
            country: record.country.clone(),
        })
    }
}

impl Place {
    /// Reads an exported location; the error names the field that did not parse.
    pub fn from_record(record: &LocationRecord) -> Result<Place, &'static str> {
        Ok(Place {
            name: record.name.clone(),
            country: record.country.clone(),
            adm1: record.adm1.clone(),
            lat: record.lat,
            lon: record.lon,
            geonameid: record.geonameid,
            kind: parse_place_kind(&record.kind).ok_or("kind")?,
            basis: parse_basis(&record.basis).ok_or("basis")?,
        })
    }

    /// The public schema's form of this place.
    pub fn to_record(&self) -> LocationRecord {
        LocationRecord {
            name: self.name.clone(),
            country: self.country.clone(),
            adm1: self.adm1.clone(),
            lat: self.lat,
            lon: self.lon,
            geonameid: self.geonameid,
            basis: basis_name(self.basis).to_string(),
            kind: place_kind_name(self.kind).to_string(),
        }
    }

    /// True for a place named in the event's own sentence.
    pub fn is_firm(&self) -> bool {
        self.basis == LocationBasis::Sentence
    }

    /// How much a place says: a firm place over a guessed one, then a town
    /// over a province over a country over a continent.
    fn rank(&self) -> (bool, u8) {
        let detail = match self.kind {
            PlaceKind::Continent => 0,
            PlaceKind::Country => 1,
            PlaceKind::Adm1 => 2,
            PlaceKind::City | PlaceKind::Other => 3,
        };
        (self.is_firm(), detail)
    }
}

/// How specific a code is: the number of characters once a "not specified"
/// base code ("040", "190") is read as its root ("04", "19").
pub fn code_specificity(code: &EventCode) -> usize {
    code.specific_part().len()
}

fn absorb_actor(mine: &mut Actor, theirs: &Actor) {
    if theirs.code.segments().count() > mine.code.segments().count() {
        *mine = theirs.clone();
        return;
    }
    if theirs.code == mine.code {
        if mine.name.is_none() {
            mine.name = theirs.name.clone();
        }
        if mine.country.is_none() {
            mine.country = theirs.country.clone();
        }
    }
}

/// Parses a modality name as the public schema writes it.
pub fn parse_modality(name: &str) -> Option<Modality> {
    [
        Modality::Asserted,
        Modality::Intended,
        Modality::Hypothetical,
    ]
    .into_iter()
    .find(|modality| modality.name() == name)
}

/// Parses a location basis as the public schema writes it.
pub fn parse_basis(name: &str) -> Option<LocationBasis> {
    [
        LocationBasis::Sentence,
        LocationBasis::Dateline,
        LocationBasis::Focus,
    ]
    .into_iter()
    .find(|basis| basis_name(*basis) == name)
}

/// Parses a place kind as the public schema writes it.
pub fn parse_place_kind(name: &str) -> Option<PlaceKind> {
    [
        PlaceKind::Continent,
        PlaceKind::Country,
        PlaceKind::Adm1,
        PlaceKind::City,
        PlaceKind::Other,
    ]
    .into_iter()
    .find(|kind| place_kind_name(*kind) == name)
}

pub fn basis_name(basis: LocationBasis) -> &'static str {
    match basis {
        LocationBasis::Sentence => "sentence",
        LocationBasis::Dateline => "dateline",
        LocationBasis::Focus => "focus",
    }
}

pub fn place_kind_name(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Continent => "continent",
        PlaceKind::Country => "country",
        PlaceKind::Adm1 => "adm1",
        PlaceKind::City => "city",
        PlaceKind::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> EventCode {
        EventCode::parse(text).unwrap()
    }

    #[test]
    fn not_specified_base_codes_count_as_their_root() {
        assert_eq!(code_specificity(&code("040")), 2);
        assert_eq!(code_specificity(&code("04")), 2);
        assert_eq!(code_specificity(&code("041")), 3);
        assert_eq!(code_specificity(&code("0256")), 4);
        // "025" is a base code of its own ("Appeal to yield"), not "not specified".
        assert_eq!(code_specificity(&code("025")), 3);
    }

    #[test]
    fn modality_and_place_names_round_trip() {
        for name in ["asserted", "intended", "hypothetical"] {
            assert_eq!(parse_modality(name).unwrap().name(), name);
        }
        assert_eq!(parse_modality("certain"), None);
        for name in ["continent", "country", "adm1", "city", "other"] {
            assert_eq!(place_kind_name(parse_place_kind(name).unwrap()), name);
        }
        for name in ["sentence", "dateline", "focus"] {
            assert_eq!(basis_name(parse_basis(name).unwrap()), name);
        }
    }
}
