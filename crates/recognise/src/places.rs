//! Choosing among places that share a name, by the article's countries and
//! admin-1 regions, the dateline and population.
//!
//! Each candidate gets a score: the logarithm of its population, a bonus by
//! kind (a country or continent outranks a town of the same name; a capital
//! outranks a region named like it, so "Washington" is the city), plus the
//! article's evidence: its country is named elsewhere in the article, its
//! admin-1 region is ("Paris" near "Texas"), it is the dateline's country.

use std::collections::HashMap;

use dateline_kb::{Kb, Place};
use dateline_model::PlaceKind;

/// What the article says about where it is, before ambiguous places are settled.
#[derive(Debug, Default)]
pub struct Context {
    /// Country code to the number of unambiguous mentions.
    pub countries: HashMap<String, u32>,
    /// Country code to the number of unambiguous place mentions in it.
    pub place_countries: HashMap<String, u32>,
    /// Admin-1 codes ("US.TX") named unambiguously.
    pub adm1: HashMap<String, u32>,
    /// The dateline place, as a gazetteer index.
    pub dateline: Option<usize>,
}

impl Context {
    pub fn add_country(&mut self, code: &str) {
        *self.countries.entry(code.to_string()).or_default() += 1;
    }

    pub fn add_place(&mut self, place: &Place) {
        if let Some(country) = &place.country {
            self.add_country(country);
            *self.place_countries.entry(country.clone()).or_default() += 1;
        }
        let region = match place.kind {
            PlaceKind::Adm1 | PlaceKind::City => place.adm1.as_ref(),
            _ => None,
        };
        if let Some(adm1) = region {
            *self.adm1.entry(adm1.clone()).or_default() += 1;
        }
    }

    fn dateline_country<'a>(&self, kb: &'a Kb) -> Option<&'a str> {
        self.dateline
            .and_then(|index| kb.places()[index].country.as_deref())
    }
}

/// Where a place is named, which changes what a name most likely means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// In running text.
    Text,
    /// As the article's dateline: datelines name cities.
    Dateline,
}

/// The best candidate and, when there was a choice, why it won.
pub fn choose(
    kb: &Kb,
    candidates: &[usize],
    context: &Context,
    setting: Setting,
) -> Option<(usize, Option<String>)> {
    let candidates = without_regions_of_big_namesakes(kb, candidates);
    let best = candidates.iter().copied().max_by(|&a, &b| {
        let score_a = score(kb, a, context, setting);
        let score_b = score(kb, b, context, setting);
        score_a.total_cmp(&score_b)
    })?;
    if candidates.len() == 1 {
        return Some((best, None));
    }
    Some((best, Some(reason(kb, best, context, setting))))
}

/// "New York" is the city of eight million, not the state around it: an
/// admin-1 region drops out when a city of a million with its name lies in it.
/// (Region populations here are sums of their towns and run high.)
fn without_regions_of_big_namesakes(kb: &Kb, candidates: &[usize]) -> Vec<usize> {
    let places = kb.places();
    let big_city_regions: Vec<&str> = candidates
        .iter()
        .map(|&c| &places[c])
        .filter(|p| p.kind == PlaceKind::City && p.population >= 1_000_000)
        .filter_map(|p| p.adm1.as_deref())
        .collect();
    candidates
        .iter()
        .copied()
        .filter(|&c| {
            let place = &places[c];
            place.kind != PlaceKind::Adm1
                || !place
                    .adm1
                    .as_deref()
                    .is_some_and(|adm1| big_city_regions.contains(&adm1))
        })
        .collect()
}

/// The population a curated region counts as when scoring namesakes.
const CURATED_REGION_WEIGHT: u64 = 1_000_000;

fn score(kb: &Kb, index: usize, context: &Context, setting: Setting) -> f64 {
    let place = &kb.places()[index];
    // Curated regions (the Gaza Strip, Crimea, the Sahel) carry no
    // population but are named in news far more than their namesakes (the
    // Mozambican province of Gaza): they count as places of a million.
    let population = match place.kind {
        PlaceKind::Other => place.population.max(CURATED_REGION_WEIGHT),
        _ => place.population,
    };
    let mut score = (population as f64 + 1.0).ln();
    score += match (place.kind, setting) {
        (PlaceKind::Country | PlaceKind::Continent, _) => 6.0,
        (PlaceKind::Other, _) => 5.0,
        (PlaceKind::Adm1, Setting::Text) => 1.0,
        (PlaceKind::City, Setting::Dateline) => 3.0,
        _ => 0.0,
    };
    if is_capital(kb, place) {
        score += 4.0;
    }
    // A city of a million outranks the region named after it ("New York").
    if place.kind == PlaceKind::City && place.population >= 1_000_000 {
        score += 2.0;
    }
    if let Some(country) = &place.country {
        score += country_evidence(place, country, context);
        if context.dateline_country(kb) == Some(country.as_str()) {
            score += 3.0;
        }
    }
    let own_region = place
        .adm1
        .as_ref()
        .filter(|_| place.kind == PlaceKind::City);
    if let Some(adm1) = own_region
        && context.adm1.contains_key(adm1)
    {
        score += 8.0;
    }
    if context.dateline == Some(index) {
        score += 10.0;
    }
    score
}

/// A country named in the article supports the country itself strongly; a
/// town or region in it needs other places of that country to be named too
/// ("Georgia" is the US state in an article that also names Arizona).
fn country_evidence(place: &Place, country: &str, context: &Context) -> f64 {
    let n_mentions = f64::from(context.countries.get(country).copied().unwrap_or(0).min(5));
    if n_mentions == 0.0 {
        return 0.0;
    }
    match place.kind {
        PlaceKind::Country | PlaceKind::Continent | PlaceKind::Other => 5.0 + n_mentions,
        PlaceKind::Adm1 | PlaceKind::City => {
            let siblings = context.place_countries.get(country).copied().unwrap_or(0);
            3.0 + n_mentions + if siblings > 0 { 4.0 } else { 0.0 }
        }
    }
}

fn is_capital(kb: &Kb, place: &Place) -> bool {
    place.kind == PlaceKind::City
        && place
            .country
            .as_deref()
            .and_then(|code| kb.country(code))
            .and_then(|country| country.capital.as_deref())
            .is_some_and(|capital| capital == place.name)
}

fn reason(kb: &Kb, index: usize, context: &Context, setting: Setting) -> String {
    let place = &kb.places()[index];
    let country = place.country.as_deref().unwrap_or("");
    if context.dateline == Some(index) {
        return "the dateline".to_string();
    }
    if let Some(adm1) = &place.adm1
        && place.kind == PlaceKind::City
        && context.adm1.contains_key(adm1)
    {
        return format!("its region {adm1} is named in the article");
    }
    if context.countries.contains_key(country) {
        return format!("its country {country} is named in the article");
    }
    if setting == Setting::Dateline {
        return "datelines name cities; largest or capital".to_string();
    }
    if is_capital(kb, place) {
        return "a capital".to_string();
    }
    "largest by population and kind".to_string()
}
