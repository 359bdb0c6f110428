//! The knowledge-base entries (countries, actors, agents, places) and how one
//! TSV row becomes one entry.

use chrono::NaiveDate;
use dateline_model::{ActorCode, PlaceKind, PlaceRef};

use crate::dated::{self, DatedCode};
use crate::inflect::plural;
use crate::tsv::Row;

/// A country or territory: its CAMEO code, names and demonyms.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// CAMEO country code (ISO 3166-1 alpha-3 unless a CAMEO exception, e.g. Kosovo `KSV`).
    pub code: ActorCode,
    pub iso2: Option<String>,
    pub name: String,
    /// Other names ("U.S.", "America"), not including `name`.
    pub names: Vec<String>,
    /// Adjectives and people nouns ("Russian", "Briton"), singular.
    pub demonyms: Vec<String>,
    pub capital: Option<String>,
    pub geonameid: Option<u32>,
}

impl Country {
    pub(crate) fn from_row(row: &Row) -> Result<Country, String> {
        let code = ActorCode::parse(row.require("code")?).map_err(|e| e.to_string())?;
        if !code.is_bare() {
            return Err(format!("country code {code} must have three characters"));
        }
        Ok(Country {
            code,
            iso2: non_empty(row.get("iso2")),
            name: row.require("name")?.to_string(),
            names: row.list("names"),
            demonyms: row.list("demonyms"),
            capital: non_empty(row.get("capital")),
            geonameid: parse_optional(row.get("geonameid"), "geonameid")?,
        })
    }

    /// Every name, the display name first.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.names.iter().map(String::as_str))
    }

    /// Demonyms with their generated plurals ("Russian", "Russians").
    pub fn demonym_forms(&self) -> Vec<String> {
        let mut forms = Vec::new();
        for demonym in &self.demonyms {
            forms.push(demonym.clone());
            if let Some(plural) = demonym_plural(demonym) {
                forms.push(plural);
            }
        }
        forms
    }
}

/// "Russian" gives "Russians"; adjectives such as "Chinese", "British" or
/// "Swiss" have no plural of their own.
fn demonym_plural(demonym: &str) -> Option<String> {
    let lower = demonym.to_lowercase();
    let no_plural = ["ese", "sh", "ch", "ss", "s", "x", "z", "ic"];
    if no_plural.iter().any(|ending| lower.ends_with(ending)) {
        return None;
    }
    Some(plural(demonym))
}

/// What kind of thing an actor entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorType {
    Person,
    Organisation,
    /// A place or building standing for a government ("the Kremlin", "Moscow").
    Metonym,
    /// A country given as an actor entry (PETRARCH dictionaries do this).
    Country,
}

impl ActorType {
    fn parse(text: &str) -> Result<ActorType, String> {
        match text {
            "person" => Ok(ActorType::Person),
            "organisation" | "organization" => Ok(ActorType::Organisation),
            "metonym" => Ok(ActorType::Metonym),
            "country" => Ok(ActorType::Country),
            other => Err(format!(
                "unknown actor type '{other}' (expected person, organisation, metonym or country)"
            )),
        }
    }

    /// The model's coarser kind.
    pub fn model_kind(self) -> dateline_model::ActorKind {
        match self {
            ActorType::Person => dateline_model::ActorKind::Person,
            ActorType::Organisation | ActorType::Metonym => dateline_model::ActorKind::Organisation,
            ActorType::Country => dateline_model::ActorKind::Country,
        }
    }
}

/// A named actor: a person, organisation or government metonym, with codes
/// that may depend on the date.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    /// Stable id: a Wikidata QID for people where known, else a slug.
    pub id: String,
    pub actor_type: ActorType,
    /// Canonical name ("Vladimir Putin").
    pub name: String,
    /// Aliases that name the actor on their own ("Vladimir Vladimirovich Putin").
    pub names: Vec<String>,
    /// Short names used alone once the full name is known ("Putin"); they
    /// match alone only through coreference or when no other actor shares them.
    pub short: Vec<String>,
    pub codes: Vec<DatedCode>,
    /// The actor's country (CAMEO code), if any.
    pub country: Option<String>,
}

impl Actor {
    pub(crate) fn from_row(row: &Row) -> Result<Actor, String> {
        let codes = row
            .list("codes")
            .iter()
            .map(|text| DatedCode::parse(text))
            .collect::<Result<Vec<_>, _>>()?;
        if codes.is_empty() {
            return Err("missing value in column 'codes'".to_string());
        }
        Ok(Actor {
            id: row.require("id")?.to_string(),
            actor_type: ActorType::parse(row.require("type")?)?,
            name: row.require("name")?.to_string(),
            names: row.list("names"),
            short: row.list("short"),
            codes,
            country: non_empty(row.get("country")),
        })
    }

    /// The code that holds on `date`; see [`dated::code_on`] for undated articles.
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&ActorCode> {
        dated::code_on(&self.codes, date)
    }

    /// Every full name, the canonical one first.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.names.iter().map(String::as_str))
    }
}

/// How an agent noun behaves in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AgentClass {
    /// A collective noun ("police", "government").
    Group,
    /// A noun for one member ("official", "soldier").
    Person,
    /// An office that can precede a name and refer back to its holder ("president").
    Title,
    /// Mr., Dr., Sheikh: merged into a person's mention, no role of its own.
    Honorific,
}

impl AgentClass {
    fn parse(text: &str) -> Result<AgentClass, String> {
        match text {
            "group" => Ok(AgentClass::Group),
            "person" => Ok(AgentClass::Person),
            "title" => Ok(AgentClass::Title),
            "honorific" => Ok(AgentClass::Honorific),
            other => Err(format!(
                "unknown agent class '{other}' (expected group, person, title or honorific)"
            )),
        }
    }
}

/// A generic actor noun with its CAMEO role ("military" MIL).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// The main singular form, lower case unless it is an acronym.
    pub name: String,
    /// Other singular forms.
    pub names: Vec<String>,
    /// Plural forms: generated, or as given in the file.
    pub plurals: Vec<String>,
    /// Role segment(s) ("GOV", "GOVMIL"); empty for honorifics.
    pub role: String,
    pub class: AgentClass,
}

impl Agent {
    pub(crate) fn from_row(row: &Row) -> Result<Agent, String> {
        let name = row.require("name")?.to_string();
        let class = AgentClass::parse(row.require("class")?)?;
        let role = row.get("role").to_ascii_uppercase();
        let valid_role =
            role.len().is_multiple_of(3) && role.bytes().all(|b| b.is_ascii_uppercase());
        if !valid_role || (role.is_empty() && class != AgentClass::Honorific) {
            return Err(format!(
                "bad role '{role}': expected three-letter CAMEO role segments such as GOV or GOVMIL"
            ));
        }
        let names = row.list("names");
        let plurals = match row.get("plural") {
            "none" => Vec::new(),
            "" => std::iter::once(&name)
                .chain(&names)
                .map(|n| plural(n))
                .collect(),
            given => std::iter::once(given.to_string())
                .chain(names.iter().map(|n| plural(n)))
                .collect(),
        };
        Ok(Agent {
            name,
            names,
            plurals,
            role,
            class,
        })
    }

    /// Every surface form: singulars then plurals, without repeats.
    pub fn forms(&self) -> Vec<&str> {
        let mut forms: Vec<&str> = Vec::new();
        let all = std::iter::once(&self.name)
            .chain(&self.names)
            .chain(&self.plurals);
        for form in all {
            if !forms.contains(&form.as_str()) {
                forms.push(form);
            }
        }
        forms
    }
}

/// What a cue word tells the recogniser (see `data/actors/cue-words.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    /// Capitalised but not a name on its own ("May", "Monday", "The").
    Common,
    /// A preposition of place ("in", "near").
    Locative,
    /// Ends or starts an organisation's name ("Ministry", "Party").
    OrgHead,
    /// Ends a place's name ("Valley", "Province").
    PlaceHead,
    /// Lower-case word inside names ("of", "bin").
    Connector,
    /// Marks a former office-holder ("former").
    Former,
    /// A third-person pronoun ("he", "her").
    Pronoun,
    /// A lower-case particle inside a person's name ("bin", "van", "da").
    Particle,
    /// "of": names what a title or group belongs to ("the government of Syria").
    Genitive,
    /// "the": makes a title refer back to its holder ("the president").
    Definite,
    /// Function words that never modify an agent noun ("of", "said", "was"):
    /// they end the modifiers between a country and its agent.
    Function,
    /// "led": "U.S.-led forces" are the U.S.'s forces.
    Leading,
    /// "to", "into", "from": a place after it is where something goes or
    /// comes from, not where the sentence is set.
    Direction,
    /// "according" (to): the agent after it is credited for a report.
    Attribution,
    /// A role held by office-holders ("GOV", "MIL"): "former" makes it ELI.
    OfficeRole,
    /// "and", "or": joins a list of names.
    Conjunction,
    /// A possessive determiner that gives an agent its owner's country
    /// ("its warplanes", "their government").
    Possessive,
    /// "of", "for", "at" after a person's post: names the body they serve
    /// ("Jane Doe, director of news for AFP").
    Affiliation,
}

impl Cue {
    pub(crate) fn parse(text: &str) -> Result<Cue, String> {
        match text {
            "common" => Ok(Cue::Common),
            "locative" => Ok(Cue::Locative),
            "org-head" => Ok(Cue::OrgHead),
            "place-head" => Ok(Cue::PlaceHead),
            "connector" => Ok(Cue::Connector),
            "former" => Ok(Cue::Former),
            "pronoun" => Ok(Cue::Pronoun),
            "particle" => Ok(Cue::Particle),
            "possessive" => Ok(Cue::Possessive),
            "conjunction" => Ok(Cue::Conjunction),
            "genitive" => Ok(Cue::Genitive),
            "definite" => Ok(Cue::Definite),
            "function" => Ok(Cue::Function),
            "leading" => Ok(Cue::Leading),
            "direction" => Ok(Cue::Direction),
            "attribution" => Ok(Cue::Attribution),
            "office-role" => Ok(Cue::OfficeRole),
            "affiliation" => Ok(Cue::Affiliation),
            other => Err(format!(
                "unknown cue '{other}' (expected common, locative, org-head, place-head, connector, former, pronoun, particle, possessive, conjunction, genitive, definite, function, leading, direction, attribution, office-role, affiliation)"
            )),
        }
    }
}

/// A gazetteer place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The GeoNames id as text, or a slug such as `adm1:RU.48` or `region:sahel`.
    pub id: String,
    pub geonameid: Option<u32>,
    pub kind: PlaceKind,
    pub name: String,
    pub names: Vec<String>,
    /// CAMEO country code.
    pub country: Option<String>,
    /// GeoNames admin-1 code with its country ("US.FL").
    pub adm1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// Names that are also English words or given names ("March", "David"):
    /// they name this place only after a preposition of place.
    pub common_names: Vec<String>,
}

impl Place {
    pub(crate) fn from_row(row: &Row) -> Result<Place, String> {
        let id = row.require("id")?.to_string();
        let lat: f64 = parse_required(row.require("lat")?, "lat")?;
        let lon: f64 = parse_required(row.require("lon")?, "lon")?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(format!("coordinates {lat},{lon} are off the globe"));
        }
        Ok(Place {
            geonameid: id.parse().ok(),
            id,
            kind: parse_place_kind(row.require("kind")?)?,
            name: row.require("name")?.to_string(),
            names: row.list("names"),
            country: non_empty(row.get("country")),
            adm1: non_empty(row.get("adm1")),
            lat,
            lon,
            population: parse_optional(row.get("population"), "population")?.unwrap_or(0),
            common_names: row.list("common_names"),
        })
    }

    /// Every name, the main one first.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.names.iter().map(String::as_str))
    }

    /// The model's record of this place.
    pub fn to_place_ref(&self) -> PlaceRef {
        PlaceRef {
            name: self.name.clone(),
            geonameid: self.geonameid,
            country: self.country.clone(),
            adm1: self.adm1.clone(),
            lat: self.lat,
            lon: self.lon,
            kind: self.kind,
            population: self.population,
        }
    }
}

fn parse_place_kind(text: &str) -> Result<PlaceKind, String> {
    match text {
        "continent" => Ok(PlaceKind::Continent),
        "country" => Ok(PlaceKind::Country),
        "adm1" => Ok(PlaceKind::Adm1),
        "city" => Ok(PlaceKind::City),
        "region" | "other" => Ok(PlaceKind::Other),
        other => Err(format!(
            "unknown place kind '{other}' (expected continent, country, adm1, city, region)"
        )),
    }
}

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

fn parse_required<T: std::str::FromStr>(text: &str, column: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("bad number '{text}' in column '{column}'"))
}

fn parse_optional<T: std::str::FromStr>(text: &str, column: &str) -> Result<Option<T>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    parse_required(text, column).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonym_plurals_skip_adjectives() {
        assert_eq!(demonym_plural("Russian").as_deref(), Some("Russians"));
        assert_eq!(demonym_plural("Iraqi").as_deref(), Some("Iraqis"));
        assert_eq!(demonym_plural("Chinese"), None);
        assert_eq!(demonym_plural("British"), None);
        assert_eq!(demonym_plural("Swiss"), None);
    }
}
