//! The merge rule on article pairs written for these tests: the same story
//! from two outlets merges; two attacks on the same day in different places
//! do not. The reports are what a careful coder writes for each sentence
//! (checked by hand), so these tests check the resolver, not the coder.

use dateline_export::{EventRecord, LocationRecord, ParticipantRecord, SentenceRecord, SpanRecord};
use dateline_model::Span;
use dateline_resolve::{MergeRule, Origin, Report, Resolver, Signature, Tally, outlet};

struct Article {
    id: &'static str,
    publisher: Option<&'static str>,
    url: Option<&'static str>,
    date: Option<&'static str>,
    body: &'static str,
}

/// A gazetteer place as the recogniser gives it (coordinates from GeoNames).
#[derive(Clone, Copy)]
struct Gazetteer {
    name: &'static str,
    geonameid: u32,
    country: &'static str,
    adm1: &'static str,
    kind: &'static str,
    lat: f64,
    lon: f64,
}

const KHARKIV: Gazetteer = Gazetteer {
    name: "Kharkiv",
    geonameid: 706483,
    country: "UKR",
    adm1: "UA.07",
    kind: "city",
    lat: 49.98081,
    lon: 36.25272,
};
const BOKKOS: Gazetteer = Gazetteer {
    name: "Bokkos",
    geonameid: 2346812,
    country: "NGA",
    adm1: "NG.49",
    kind: "city",
    lat: 9.3,
    lon: 9.0,
};
const PLATEAU: Gazetteer = Gazetteer {
    name: "Plateau",
    geonameid: 2324433,
    country: "NGA",
    adm1: "NG.49",
    kind: "adm1",
    lat: 9.16667,
    lon: 9.75,
};
const KAURA_NAMODA: Gazetteer = Gazetteer {
    name: "Kaura Namoda",
    geonameid: 2334802,
    country: "NGA",
    adm1: "NG.57",
    kind: "city",
    lat: 12.59388,
    lon: 6.58875,
};

/// One coded report: the words of each part must occur in the article's body.
struct Coded {
    sentence: &'static str,
    trigger: &'static str,
    source: (&'static str, &'static str),
    target: Option<(&'static str, &'static str)>,
    code: &'static str,
    modality: &'static str,
    place: Option<(Gazetteer, &'static str)>,
}

impl Coded {
    fn new(
        sentence: &'static str,
        trigger: &'static str,
        source: (&'static str, &'static str),
        target: (&'static str, &'static str),
        code: &'static str,
    ) -> Coded {
        Coded {
            sentence,
            trigger,
            source,
            target: Some(target),
            code,
            modality: "asserted",
            place: None,
        }
    }

    fn at(mut self, place: Gazetteer, basis: &'static str) -> Coded {
        self.place = Some((place, basis));
        self
    }

    fn intended(mut self) -> Coded {
        self.modality = "intended";
        self
    }
}

fn span_in(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    Span::new(start, start + needle.len())
}

fn record(article: &Article, coded: &Coded) -> EventRecord {
    let sentence = span_in(article.body, coded.sentence);
    let within = |words: &str| {
        let inner = span_in(coded.sentence, words);
        Span::new(
            (sentence.start + inner.start) as usize,
            (sentence.start + inner.end) as usize,
        )
    };
    let participant = |(words, code): (&str, &str)| ParticipantRecord {
        code: code.to_string(),
        country: Some(code[..3].to_string()),
        name: None,
        text: Some(words.to_string()),
        span: Some(within(words)),
    };
    EventRecord {
        article_id: article.id.to_string(),
        event_id: format!("{}-{}", article.id, coded.trigger),
        date: article.date.map(str::to_string),
        code: coded.code.to_string(),
        root_code: coded.code[..2].to_string(),
        label: None,
        quad_class: None,
        goldstein: None,
        plover: None,
        source: participant(coded.source),
        target: coded.target.map(participant),
        negated: false,
        modality: coded.modality.to_string(),
        location: coded.place.map(|(place, basis)| LocationRecord {
            name: place.name.to_string(),
            country: Some(place.country.to_string()),
            adm1: Some(place.adm1.to_string()),
            lat: place.lat,
            lon: place.lon,
            geonameid: Some(place.geonameid),
            basis: basis.to_string(),
            kind: place.kind.to_string(),
        }),
        attribution: None,
        sentence: SentenceRecord {
            index: None,
            text: coded.sentence.to_string(),
            span: sentence,
        },
        trigger: SpanRecord {
            text: coded.trigger.to_string(),
            span: within(coded.trigger),
        },
        rule: "hand".into(),
        url: article.url.map(str::to_string),
        issues: vec![],
        merge: None,
    }
}

/// Resolves the articles' reports in order; returns each report's event index.
fn resolve(articles: &[(&Article, Vec<Coded>)]) -> (Resolver, Vec<usize>) {
    let mut resolver = Resolver::new(MergeRule::default());
    let mut events = Vec::new();
    for (article, reports) in articles {
        for coded in reports {
            let record = record(article, coded);
            let report = Report {
                signature: Signature::from_record(&record).unwrap(),
                origin: Origin {
                    article_id: article.id.to_string(),
                    outlet: outlet(article.publisher, article.url, article.id),
                    date: record.date.as_deref().map(|d| d.parse().unwrap()),
                },
            };
            events.push(resolver.add(report));
        }
    }
    (resolver, events)
}

const KHARKIV_WIRE: Article = Article {
    id: "wire-kharkiv",
    publisher: Some("Example Wire"),
    url: Some("https://news.example.org/2025/03/09/kharkiv-strike"),
    date: Some("2025-03-09"),
    body: "Russian forces struck an apartment block in Kharkiv on Sunday, killing four people, \
           regional governor Oleh Syniehubov said. President Volodymyr Zelensky condemned the \
           attack and called for more air defence systems.",
};

const KHARKIV_DAILY: Article = Article {
    id: "daily-kharkiv",
    publisher: Some("Example Times"),
    url: Some("https://www.times.example.com/world/kharkiv"),
    date: Some("2025-03-10"),
    body: "A Russian missile hit a residential building in central Kharkiv late on Sunday, \
           killing four residents. Ukrainian President Volodymyr Zelensky denounced Russia \
           over the strike.",
};

fn kharkiv_wire_reports() -> Vec<Coded> {
    vec![
        Coded::new(
            "Russian forces struck an apartment block in Kharkiv on Sunday, killing four people, regional governor Oleh Syniehubov said.",
            "struck",
            ("Russian forces", "RUSMIL"),
            ("four people", "UKRCVL"),
            "195",
        )
        .at(KHARKIV, "sentence"),
        Coded::new(
            "President Volodymyr Zelensky condemned the attack and called for more air defence systems.",
            "condemned",
            ("President Volodymyr Zelensky", "UKRGOV"),
            // The attack's authors, by coreference.
            ("the attack", "RUSMIL"),
            "111",
        ),
    ]
}

fn kharkiv_daily_reports() -> Vec<Coded> {
    vec![
        Coded::new(
            "A Russian missile hit a residential building in central Kharkiv late on Sunday, killing four residents.",
            "hit",
            ("A Russian missile", "RUS"),
            ("four residents", "UKRCVL"),
            "195",
        )
        .at(KHARKIV, "sentence"),
        Coded::new(
            "Ukrainian President Volodymyr Zelensky denounced Russia over the strike.",
            "denounced",
            ("Ukrainian President Volodymyr Zelensky", "UKRGOV"),
            ("Russia", "RUS"),
            "111",
        ),
    ]
}

#[test]
fn the_same_strike_from_two_outlets_is_one_event() {
    // The coded source is written as `RUSMIL` by one outlet and `RUS` by the other.
    let (resolver, events) = resolve(&[
        (&KHARKIV_WIRE, kharkiv_wire_reports()),
        (&KHARKIV_DAILY, kharkiv_daily_reports()),
    ]);
    assert_eq!(events, [0, 1, 0, 1]);
    let strike = &resolver.events()[0];
    assert_eq!(
        strike.signature.source.code.as_str(),
        "RUSMIL",
        "the more specific code wins"
    );
    assert_eq!(strike.signature.date().unwrap().to_string(), "2025-03-09");
    let tally = Tally::of(strike.origins());
    assert_eq!(
        (tally.num_mentions, tally.num_articles, tally.num_sources),
        (2, 2, 2)
    );
    assert_eq!(tally.first_seen.unwrap().to_string(), "2025-03-09");
    assert_eq!(tally.last_seen.unwrap().to_string(), "2025-03-10");
}

#[test]
fn two_articles_of_one_outlet_are_one_source() {
    let follow_up = Article {
        id: "wire-kharkiv-update",
        publisher: None,
        url: Some("https://news.example.org/2025/03/10/kharkiv-toll"),
        date: Some("2025-03-10"),
        body: "Russian troops struck a block of flats in Kharkiv on Sunday, officials said.",
    };
    let wire_by_host = Article {
        publisher: None,
        ..KHARKIV_WIRE
    };
    let follow_up_reports = vec![
        Coded::new(
            "Russian troops struck a block of flats in Kharkiv on Sunday, officials said.",
            "struck",
            ("Russian troops", "RUSMIL"),
            ("a block of flats", "UKRCVL"),
            "195",
        )
        .at(KHARKIV, "sentence"),
    ];
    let articles = [
        (&wire_by_host, kharkiv_wire_reports()),
        (&follow_up, follow_up_reports),
    ];
    let (resolver, events) = resolve(&articles);
    assert_eq!(events, [0, 1, 0]);
    let tally = Tally::of(resolver.events()[0].origins());
    assert_eq!(
        (tally.num_articles, tally.num_sources),
        (2, 1),
        "both from news.example.org"
    );
}

const PLATEAU_WIRE: Article = Article {
    id: "wire-bokkos",
    publisher: Some("Example Wire"),
    url: None,
    date: Some("2025-04-14"),
    body: "Gunmen killed at least 12 villagers in Bokkos, in Nigeria's Plateau state, on Monday, police said.",
};

const ZAMFARA_WIRE: Article = Article {
    id: "wire-kaura-namoda",
    publisher: Some("Example Wire"),
    url: None,
    date: Some("2025-04-14"),
    body: "Gunmen killed nine people in an attack on a market in Kaura Namoda in Zamfara state on Monday, residents said.",
};

const PLATEAU_DAILY: Article = Article {
    id: "daily-plateau",
    publisher: Some("Example Times"),
    url: None,
    date: Some("2025-04-15"),
    body: "Armed men killed a dozen villagers in Plateau state on Monday, a police spokesman said.",
};

fn gunmen_killed(sentence: &'static str, victims: &'static str, place: Gazetteer) -> Coded {
    let gunmen = if sentence.starts_with("Armed men") {
        "Armed men"
    } else {
        "Gunmen"
    };
    Coded::new(
        sentence,
        "killed",
        (gunmen, "NGAUAF"),
        (victims, "NGACVL"),
        "180",
    )
    .at(place, "sentence")
}

#[test]
fn two_attacks_on_the_same_day_in_different_places_stay_apart() {
    // Same day, same country, same actors, same code: only the places differ.
    let (resolver, events) = resolve(&[
        (
            &PLATEAU_WIRE,
            vec![gunmen_killed(PLATEAU_WIRE.body, "12 villagers", BOKKOS)],
        ),
        (
            &ZAMFARA_WIRE,
            vec![gunmen_killed(
                ZAMFARA_WIRE.body,
                "nine people",
                KAURA_NAMODA,
            )],
        ),
    ]);
    assert_eq!(events, [0, 1]);
    assert_eq!(resolver.events().len(), 2);
}

#[test]
fn a_report_naming_only_the_state_joins_the_attack_in_that_state() {
    let (resolver, events) = resolve(&[
        (
            &PLATEAU_WIRE,
            vec![gunmen_killed(PLATEAU_WIRE.body, "12 villagers", BOKKOS)],
        ),
        (
            &ZAMFARA_WIRE,
            vec![gunmen_killed(
                ZAMFARA_WIRE.body,
                "nine people",
                KAURA_NAMODA,
            )],
        ),
        (
            &PLATEAU_DAILY,
            vec![gunmen_killed(
                PLATEAU_DAILY.body,
                "a dozen villagers",
                PLATEAU,
            )],
        ),
    ]);
    assert_eq!(events, [0, 1, 0]);
    let bokkos = &resolver.events()[0];
    assert_eq!(
        bokkos.signature.place.as_ref().unwrap().name,
        "Bokkos",
        "the town is kept"
    );
    assert_eq!(Tally::of(bokkos.origins()).num_sources, 2);
}

#[test]
fn a_place_guessed_from_the_dateline_does_not_keep_reports_apart() {
    let guessed = gunmen_killed(PLATEAU_DAILY.body, "a dozen villagers", KAURA_NAMODA);
    let guessed = Coded {
        place: Some((KAURA_NAMODA, "dateline")),
        ..guessed
    };
    let (_, events) = resolve(&[
        (
            &PLATEAU_WIRE,
            vec![gunmen_killed(PLATEAU_WIRE.body, "12 villagers", BOKKOS)],
        ),
        (&PLATEAU_DAILY, vec![guessed]),
    ]);
    assert_eq!(events, [0, 0]);
}

#[test]
fn a_planned_visit_is_not_the_visit() {
    let plan = Article {
        id: "plan",
        publisher: Some("Example Wire"),
        url: None,
        date: Some("2025-04-13"),
        body: "Xi Jinping will visit Vietnam on Monday, Beijing said.",
    };
    let visit = Article {
        id: "visit",
        publisher: Some("Example Times"),
        url: None,
        date: Some("2025-04-14"),
        body: "Xi Jinping arrived in Vietnam on Monday.",
    };
    let (_, events) = resolve(&[
        (
            &plan,
            vec![
                Coded::new(
                    plan.body,
                    "visit",
                    ("Xi Jinping", "CHNGOV"),
                    ("Vietnam", "VNM"),
                    "042",
                )
                .intended(),
            ],
        ),
        (
            &visit,
            vec![Coded::new(
                visit.body,
                "arrived",
                ("Xi Jinping", "CHNGOV"),
                ("Vietnam", "VNM"),
                "042",
            )],
        ),
    ]);
    assert_eq!(events, [0, 1]);
}

#[test]
fn reports_a_week_apart_are_different_events() {
    let first = Article {
        id: "first",
        publisher: Some("Example Wire"),
        url: None,
        date: Some("2025-05-20"),
        body: "The European Union imposed new sanctions on Russia.",
    };
    let next_day = Article {
        id: "next-day",
        date: Some("2025-05-21"),
        ..first
    };
    let week_later = Article {
        id: "week-later",
        date: Some("2025-05-27"),
        ..first
    };
    let coded = |a: &Article| {
        vec![Coded::new(
            a.body,
            "imposed",
            ("The European Union", "IGOEUREEC"),
            ("Russia", "RUS"),
            "163",
        )]
    };
    let (_, events) = resolve(&[
        (&first, coded(&first)),
        (&next_day, coded(&next_day)),
        (&week_later, coded(&week_later)),
    ]);
    assert_eq!(events, [0, 0, 1]);
}

#[test]
fn undated_reports_merge_only_within_their_article() {
    let body = "Police detained 23 protesters in Tbilisi. Police detained 23 protesters.";
    let one = Article {
        id: "undated-1",
        publisher: None,
        url: None,
        date: None,
        body,
    };
    let two = Article {
        id: "undated-2",
        ..one
    };
    let first = |a: &Article| {
        vec![
            Coded::new(
                "Police detained 23 protesters in Tbilisi.",
                "detained",
                ("Police", "GEOCOP"),
                ("23 protesters", "GEOCVL"),
                "173",
            ),
            Coded::new(
                "Police detained 23 protesters.",
                "detained",
                ("Police", "GEOCOP"),
                ("23 protesters", "GEOCVL"),
                "173",
            ),
        ]
        .into_iter()
        .take(if a.id == "undated-1" { 2 } else { 1 })
        .collect()
    };
    let (resolver, events) = resolve(&[(&one, first(&one)), (&two, first(&two))]);
    assert_eq!(events, [0, 0, 1]);
    assert_eq!(resolver.events()[0].signature.date(), None);
}

const XI_WIRE: Article = Article {
    id: "wire-xi",
    publisher: Some("Example Wire"),
    url: None,
    date: Some("2025-04-14"),
    body: "Xi Jinping arrived in Hanoi on Monday for a state visit. He later held talks with To Lam.",
};

const XI_DAILY: Article = Article {
    id: "daily-xi",
    publisher: Some("Example Times"),
    url: None,
    date: Some("2025-04-14"),
    body: "Xi Jinping began a state visit to Vietnam on Monday. The two leaders discussed maritime disputes.",
};

#[test]
fn one_article_naming_two_targets_reports_two_events_which_other_outlets_join() {
    // The wire names the country visited and, later, the leader met: two
    // events, though VNM and VNMGOV agree across articles.
    let (resolver, events) = resolve(&[
        (
            &XI_WIRE,
            vec![
                Coded::new(
                    "Xi Jinping arrived in Hanoi on Monday for a state visit.",
                    "arrived",
                    ("Xi Jinping", "CHNGOV"),
                    ("Hanoi", "VNM"),
                    "042",
                ),
                Coded::new(
                    "He later held talks with To Lam.",
                    "held",
                    ("He", "CHNGOV"),
                    ("To Lam", "VNMGOV"),
                    "042",
                ),
            ],
        ),
        (
            &XI_DAILY,
            vec![
                Coded::new(
                    "Xi Jinping began a state visit to Vietnam on Monday.",
                    "began",
                    ("Xi Jinping", "CHNGOV"),
                    ("Vietnam", "VNM"),
                    "042",
                ),
                Coded::new(
                    "The two leaders discussed maritime disputes.",
                    "discussed",
                    ("The two leaders", "CHNGOV"),
                    ("The two leaders", "VNMGOV"),
                    "042",
                ),
            ],
        ),
    ]);
    assert_eq!(events, [0, 1, 0, 1]);
    assert_eq!(resolver.events().len(), 2);
}
