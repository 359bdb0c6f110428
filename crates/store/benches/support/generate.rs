//! Generated wire-style articles for the store benchmarks: actors from
//! sixty countries, every CAMEO code, ten years of dates, six hundred
//! places, and one article in ten re-reporting an earlier event from
//! another outlet (so events merge as real news does).
//!
//! Country codes, names and capital coordinates are facts (GeoNames);
//! the towns, people and words are made up.

#![allow(dead_code)]

use dateline_export::{EventRecord, LocationRecord, ParticipantRecord, SentenceRecord, SpanRecord};
use dateline_model::{Meta, Span};
use dateline_store::{ArticleInput, MentionInput, ReferenceInput};

/// A small deterministic generator (SplitMix64): the same seed, the same store.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// (ISO3, name, capital, lat, lon).
pub const COUNTRIES: &[(&str, &str, &str, f64, f64)] = &[
    ("USA", "United States", "Washington", 38.895, -77.036),
    ("RUS", "Russia", "Moscow", 55.752, 37.616),
    ("UKR", "Ukraine", "Kyiv", 50.450, 30.524),
    ("CHN", "China", "Beijing", 39.907, 116.397),
    ("IND", "India", "New Delhi", 28.614, 77.209),
    ("JPN", "Japan", "Tokyo", 35.690, 139.692),
    ("DEU", "Germany", "Berlin", 52.524, 13.411),
    ("FRA", "France", "Paris", 48.853, 2.349),
    ("GBR", "United Kingdom", "London", 51.509, -0.126),
    ("ITA", "Italy", "Rome", 41.892, 12.511),
    ("ESP", "Spain", "Madrid", 40.417, -3.704),
    ("POL", "Poland", "Warsaw", 52.230, 21.012),
    ("TUR", "Turkey", "Ankara", 39.920, 32.854),
    ("IRN", "Iran", "Tehran", 35.694, 51.422),
    ("IRQ", "Iraq", "Baghdad", 33.341, 44.401),
    ("SYR", "Syria", "Damascus", 33.510, 36.291),
    ("ISR", "Israel", "Jerusalem", 31.769, 35.216),
    ("LBN", "Lebanon", "Beirut", 33.894, 35.502),
    ("EGY", "Egypt", "Cairo", 30.063, 31.249),
    ("SAU", "Saudi Arabia", "Riyadh", 24.688, 46.722),
    ("YEM", "Yemen", "Sanaa", 15.355, 44.207),
    ("PAK", "Pakistan", "Islamabad", 33.721, 73.043),
    ("AFG", "Afghanistan", "Kabul", 34.528, 69.172),
    ("BGD", "Bangladesh", "Dhaka", 23.710, 90.407),
    ("MMR", "Myanmar", "Naypyidaw", 19.745, 96.129),
    ("THA", "Thailand", "Bangkok", 13.754, 100.501),
    ("VNM", "Vietnam", "Hanoi", 21.025, 105.841),
    ("PHL", "Philippines", "Manila", 14.604, 120.982),
    ("IDN", "Indonesia", "Jakarta", -6.215, 106.845),
    ("MYS", "Malaysia", "Kuala Lumpur", 3.139, 101.687),
    ("KOR", "South Korea", "Seoul", 37.566, 126.978),
    ("PRK", "North Korea", "Pyongyang", 39.034, 125.755),
    ("AUS", "Australia", "Canberra", -35.283, 149.128),
    ("NGA", "Nigeria", "Abuja", 9.058, 7.489),
    ("KEN", "Kenya", "Nairobi", -1.283, 36.817),
    ("ETH", "Ethiopia", "Addis Ababa", 9.025, 38.747),
    ("SOM", "Somalia", "Mogadishu", 2.037, 45.344),
    ("SDN", "Sudan", "Khartoum", 15.552, 32.532),
    ("COD", "DR Congo", "Kinshasa", -4.325, 15.322),
    ("ZAF", "South Africa", "Pretoria", -25.745, 28.188),
    ("MLI", "Mali", "Bamako", 12.650, -8.000),
    ("NER", "Niger", "Niamey", 13.512, 2.112),
    ("LBY", "Libya", "Tripoli", 32.887, 13.191),
    ("DZA", "Algeria", "Algiers", 36.753, 3.042),
    ("MAR", "Morocco", "Rabat", 34.013, -6.833),
    ("BRA", "Brazil", "Brasilia", -15.780, -47.929),
    ("ARG", "Argentina", "Buenos Aires", -34.613, -58.377),
    ("COL", "Colombia", "Bogota", 4.610, -74.082),
    ("VEN", "Venezuela", "Caracas", 10.488, -66.879),
    ("MEX", "Mexico", "Mexico City", 19.428, -99.128),
    ("PER", "Peru", "Lima", -12.043, -77.028),
    ("CHL", "Chile", "Santiago", -33.457, -70.648),
    ("CAN", "Canada", "Ottawa", 45.411, -75.698),
    ("SRB", "Serbia", "Belgrade", 44.804, 20.465),
    ("GEO", "Georgia", "Tbilisi", 41.694, 44.834),
    ("ARM", "Armenia", "Yerevan", 40.182, 44.514),
    ("AZE", "Azerbaijan", "Baku", 40.378, 49.892),
    ("BLR", "Belarus", "Minsk", 53.900, 27.567),
    ("HUN", "Hungary", "Budapest", 47.498, 19.040),
    ("GRC", "Greece", "Athens", 37.984, 23.728),
];

/// Role segments and the words that name them.
pub const ROLES: &[(&str, &str)] = &[
    ("", ""),
    ("GOV", "government"),
    ("MIL", "army"),
    ("COP", "police"),
    ("OPP", "opposition"),
    ("CVL", "civilians"),
    ("REB", "rebels"),
    ("MED", "journalists"),
    ("BUS", "business leaders"),
];

const FIRST_NAMES: &[&str] = &[
    "Amara", "Boris", "Chen", "Dalia", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jonas", "Kira",
    "Luis", "Mira", "Nadia", "Omar", "Pavel", "Quinn", "Rosa", "Sami", "Tomas",
];

const LAST_NAMES: &[&str] = &[
    "Adler",
    "Barros",
    "Castel",
    "Dumont",
    "Eskola",
    "Ferreira",
    "Grimaldi",
    "Haddad",
    "Ilves",
    "Jovic",
    "Kovacs",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quiroga",
    "Rahman",
    "Sato",
    "Tanaka",
    "Umarov",
    "Varga",
    "Weller",
    "Xu",
    "Yilmaz",
    "Zeller",
];

/// Words for the articles' remaining text; the later ones are rarer.
pub const TOPIC_WORDS: &[&str] = &[
    "security",
    "trade",
    "border",
    "elections",
    "energy",
    "talks",
    "ceasefire",
    "refugees",
    "sanctions",
    "drought",
    "pipeline",
    "harbour",
    "parliament",
    "budget",
    "militia",
    "corridor",
    "grain",
    "currency",
    "vaccine",
    "satellite",
    "tariffs",
    "uranium",
    "fisheries",
    "glacier",
    "monsoon",
    "cobalt",
    "lithium",
    "railway",
    "hydropower",
    "archipelago",
];

/// One coded report's who, what, where and when.
#[derive(Clone, Debug)]
pub struct Plan {
    pub source: Actor,
    pub target: Actor,
    pub code: String,
    pub place: Place,
    pub day: i64,
}

#[derive(Clone, Debug)]
pub struct Actor {
    pub code: String,
    pub country: String,
    pub name: String,
    pub words: String,
}

#[derive(Clone, Debug)]
pub struct Place {
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: u32,
}

/// Six hundred places: every capital and nine made-up towns around it.
pub fn places() -> Vec<Place> {
    let mut rng = Rng::new(7);
    let mut places = Vec::new();
    for (idx, &(iso3, _, capital, lat, lon)) in COUNTRIES.iter().enumerate() {
        places.push(Place {
            name: capital.to_string(),
            country: iso3.to_string(),
            lat,
            lon,
            geonameid: 1_000_000 + idx as u32 * 10,
        });
        for town in 1..10 {
            places.push(Place {
                name: format!(
                    "{} {}",
                    capital.split(' ').next().unwrap(),
                    [
                        "North", "Port", "Upper", "Lower", "New", "Old", "East", "West", "Fort"
                    ][town - 1]
                ),
                country: iso3.to_string(),
                lat: lat + (rng.unit() - 0.5) * 4.0,
                lon: lon + (rng.unit() - 0.5) * 4.0,
                geonameid: 1_000_000 + idx as u32 * 10 + town as u32,
            });
        }
    }
    places
}

/// Generates articles in order; the same seed gives the same articles.
#[derive(Debug)]
pub struct Generator {
    rng: Rng,
    places: Vec<Place>,
    codes: Vec<String>,
    recent: Vec<Plan>,
    next_article: usize,
}

/// Days from 2015-01-01 the generated dates span.
pub const DAYS: i64 = 3650;

impl Generator {
    pub fn new(seed: u64) -> Generator {
        let codes = dateline_model::cameo::all_codes()
            .into_iter()
            .map(|info| info.code.to_string())
            .collect();
        Generator {
            rng: Rng::new(seed),
            places: places(),
            codes,
            recent: Vec::new(),
            next_article: 0,
        }
    }

    pub fn actor(&mut self) -> Actor {
        let &(iso3, country, _, _, _) = self.rng.pick(COUNTRIES);
        let &(role, role_words) = self.rng.pick(ROLES);
        let person = role == "GOV" && self.rng.below(3) == 0;
        let (name, words) = if person {
            let name = format!(
                "{} {}",
                self.rng.pick(FIRST_NAMES),
                self.rng.pick(LAST_NAMES)
            );
            (name.clone(), name)
        } else if role.is_empty() {
            (country.to_string(), country.to_string())
        } else {
            (country.to_string(), format!("{country}'s {role_words}"))
        };
        Actor {
            code: format!("{iso3}{role}"),
            country: iso3.to_string(),
            name,
            words,
        }
    }

    /// A new report on `day`, remembered so later articles can repeat it.
    fn new_plan(&mut self, day: i64) -> Plan {
        let source = self.actor();
        let mut target = self.actor();
        while target.code == source.code {
            target = self.actor();
        }
        let code = self.rng.pick(&self.codes).clone();
        let place = self.rng.pick(&self.places).clone();
        let plan = Plan {
            source,
            target,
            code,
            place,
            day,
        };
        if self.recent.len() < 5000 {
            self.recent.push(plan.clone());
        } else {
            let slot = self.rng.below(self.recent.len());
            self.recent[slot] = plan.clone();
        }
        plan
    }

    /// One article in ten leads with a recent event, the same day or the
    /// next, as another outlet's report of it.
    fn plans(&mut self) -> Vec<Plan> {
        let repeated = (!self.recent.is_empty() && self.rng.below(10) == 0)
            .then(|| self.rng.pick(&self.recent).clone());
        let day = match &repeated {
            Some(plan) => plan.day + self.rng.below(2) as i64,
            None => self.rng.below(DAYS as usize) as i64,
        };
        let mut plans: Vec<Plan> = repeated.into_iter().collect();
        while plans.len() < 4 {
            plans.push(self.new_plan(day));
        }
        plans
    }

    /// The next article: four reports and sometimes a reference back.
    pub fn article(&mut self) -> ArticleInput {
        let idx = self.next_article;
        self.next_article += 1;
        let plans = self.plans();
        let day = plans.last().map_or(0, |plan| plan.day);
        let date =
            chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new(day as u64);
        let outlet = [
            "Example Wire",
            "Example Times",
            "Example Daily",
            "Example Post",
        ][idx % 4];
        let mut body = String::new();
        let mut sentences = Vec::new();
        let mut reports = Vec::new();
        let mut mentions = Vec::new();
        for (report_idx, plan) in plans.iter().enumerate() {
            if report_idx > 0 {
                body.push(' ');
            }
            let start = body.len();
            let source_start = body.len();
            body.push_str(&plan.source.words);
            let source_span = Span::new(source_start, body.len());
            body.push(' ');
            let trigger_start = body.len();
            body.push_str("acted");
            let trigger = Span::new(trigger_start, body.len());
            body.push_str(" towards ");
            let target_start = body.len();
            body.push_str(&plan.target.words);
            let target_span = Span::new(target_start, body.len());
            let topic = TOPIC_WORDS[topic_index(&mut self.rng)];
            body.push_str(&format!(" in {} over {topic}.", plan.place.name));
            let sentence = Span::new(start, body.len());
            sentences.push(sentence);
            for (span, actor) in [(source_span, &plan.source), (target_span, &plan.target)] {
                mentions.push(MentionInput {
                    span,
                    sentence: Some(report_idx as u32),
                    actor_code: Some(actor.code.clone()),
                    actor_name: Some(actor.name.clone()),
                    actor_country: Some(actor.country.clone()),
                    actor_kind: Some("agent".into()),
                    place_name: None,
                    place_country: None,
                    geonameid: None,
                    lat: None,
                    lon: None,
                    unknown: None,
                    resolved_by: "name".into(),
                });
            }
            reports.push(record(
                idx,
                report_idx,
                &date,
                plan,
                &body,
                sentence,
                trigger,
                source_span,
                target_span,
            ));
        }
        let mut references = Vec::new();
        if self.rng.below(4) == 0 {
            let start = body.len() + 1;
            body.push_str(" The move drew wide attention.");
            let sentence = Span::new(start, body.len());
            sentences.push(sentence);
            references.push(ReferenceInput {
                report: 0,
                sentence: (sentences.len() - 1) as u32,
                noun: Span::new(start + 4, start + 8),
                source_span: None,
                target_span: None,
                form: "move".into(),
            });
        }
        ArticleInput {
            meta: Meta {
                id: format!("bench-{idx}"),
                url: Some(format!("https://news.example.org/bench/{idx}")),
                title: Some(format!("Report {idx}")),
                date: Some(date),
                publisher: Some(outlet.into()),
                language: Some("en".into()),
                ..Meta::default()
            },
            body,
            sentences,
            mentions,
            reports,
            references,
        }
    }
}

/// Zipf-like: early topic words are common, late ones rare.
fn topic_index(rng: &mut Rng) -> usize {
    let n = TOPIC_WORDS.len();
    let skewed = rng.unit().powi(3);
    ((skewed * n as f64) as usize).min(n - 1)
}

#[allow(clippy::too_many_arguments)]
fn record(
    article: usize,
    report: usize,
    date: &chrono::NaiveDate,
    plan: &Plan,
    body: &str,
    sentence: Span,
    trigger: Span,
    source: Span,
    target: Span,
) -> EventRecord {
    let code = dateline_model::EventCode::parse(&plan.code).unwrap();
    let info = code.info();
    let participant = |actor: &Actor, span: Span| ParticipantRecord {
        code: actor.code.clone(),
        country: Some(actor.country.clone()),
        name: Some(actor.name.clone()),
        text: Some(body[span.range()].to_string()),
        span: Some(span),
    };
    EventRecord {
        article_id: format!("bench-{article}"),
        event_id: format!("bench-{article}-{report}"),
        date: Some(date.format("%Y-%m-%d").to_string()),
        code: plan.code.clone(),
        root_code: code.root().to_string(),
        label: info.map(|i| i.name.clone()),
        quad_class: code.quad_class().map(|q| q.number()),
        goldstein: info.map(|i| i.goldstein),
        plover: None,
        source: participant(&plan.source, source),
        target: Some(participant(&plan.target, target)),
        negated: false,
        modality: "asserted".into(),
        location: Some(LocationRecord {
            name: plan.place.name.clone(),
            country: Some(plan.place.country.clone()),
            adm1: None,
            lat: plan.place.lat,
            lon: plan.place.lon,
            geonameid: Some(plan.place.geonameid),
            basis: "sentence".into(),
            kind: "city".into(),
        }),
        attribution: None,
        sentence: SentenceRecord {
            index: Some(report as u32),
            text: body[sentence.range()].to_string(),
            span: sentence,
        },
        trigger: SpanRecord {
            text: body[trigger.range()].to_string(),
            span: trigger,
        },
        rule: "bench".into(),
        url: None,
        issues: vec![],
        merge: None,
    }
}
