//! Articles written for the store's tests, in wire-report style, with the
//! events a careful coder finds in them (checked by hand). They are built
//! directly as `ArticleInput`s, so these tests check the store, not the coder.

#![allow(dead_code)]

use dateline_export::{
    AttributionRecord, EventRecord, LocationRecord, ParticipantRecord, SentenceRecord, SpanRecord,
};
use dateline_model::{Meta, Span};
use dateline_store::{ArticleInput, MentionInput, ReferenceInput};

/// An article: metadata and paragraphs of sentences.
#[derive(Clone, Debug)]
pub struct Story {
    pub id: &'static str,
    pub publisher: Option<&'static str>,
    pub url: Option<&'static str>,
    pub date: Option<&'static str>,
    pub title: &'static str,
    pub paragraphs: &'static [&'static [&'static str]],
}

/// A gazetteer place (coordinates from GeoNames).
#[derive(Clone, Copy, Debug)]
pub struct Gazetteer {
    pub name: &'static str,
    pub geonameid: u32,
    pub country: &'static str,
    pub adm1: &'static str,
    pub kind: &'static str,
    pub lat: f64,
    pub lon: f64,
}

pub const KHARKIV: Gazetteer = Gazetteer {
    name: "Kharkiv",
    geonameid: 706483,
    country: "UKR",
    adm1: "UA.07",
    kind: "city",
    lat: 49.98081,
    lon: 36.25272,
};
pub const BOKKOS: Gazetteer = Gazetteer {
    name: "Bokkos",
    geonameid: 2346812,
    country: "NGA",
    adm1: "NG.49",
    kind: "city",
    lat: 9.3,
    lon: 9.0,
};
pub const PLATEAU: Gazetteer = Gazetteer {
    name: "Plateau",
    geonameid: 2324433,
    country: "NGA",
    adm1: "NG.49",
    kind: "adm1",
    lat: 9.16667,
    lon: 9.75,
};
pub const KAURA_NAMODA: Gazetteer = Gazetteer {
    name: "Kaura Namoda",
    geonameid: 2334802,
    country: "NGA",
    adm1: "NG.57",
    kind: "city",
    lat: 12.59388,
    lon: 6.58875,
};
pub const HANOI: Gazetteer = Gazetteer {
    name: "Hanoi",
    geonameid: 1581130,
    country: "VNM",
    adm1: "VN.44",
    kind: "city",
    lat: 21.0245,
    lon: 105.84117,
};
pub const BRUSSELS: Gazetteer = Gazetteer {
    name: "Brussels",
    geonameid: 2800866,
    country: "BEL",
    adm1: "BE.BRU",
    kind: "city",
    lat: 50.85045,
    lon: 4.34878,
};

/// An actor as the coder names it: words in the sentence, code, canonical name.
#[derive(Clone, Copy, Debug)]
pub struct Who {
    pub words: &'static str,
    pub code: &'static str,
    pub name: Option<&'static str>,
}

pub const fn who(words: &'static str, code: &'static str, name: Option<&'static str>) -> Who {
    Who { words, code, name }
}

/// One coded event: sentence index, trigger word, actors, code, place.
#[derive(Clone, Debug)]
pub struct Coded {
    pub sentence: usize,
    pub trigger: &'static str,
    pub source: Who,
    pub target: Option<Who>,
    pub code: &'static str,
    pub place: Option<(Gazetteer, &'static str)>,
    pub attribution: Option<&'static str>,
}

/// A later sentence naming the event of report `report` with `noun`.
#[derive(Clone, Debug)]
pub struct Refers {
    pub report: usize,
    pub sentence: usize,
    pub noun: &'static str,
}

/// The body, and each sentence's span in it.
pub fn layout(story: &Story) -> (String, Vec<Span>) {
    let mut body = String::new();
    let mut spans = Vec::new();
    for (paragraph_idx, paragraph) in story.paragraphs.iter().enumerate() {
        if paragraph_idx > 0 {
            body.push_str("\n\n");
        }
        for (sentence_idx, sentence) in paragraph.iter().enumerate() {
            if sentence_idx > 0 {
                body.push(' ');
            }
            let start = body.len();
            body.push_str(sentence);
            spans.push(Span::new(start, body.len()));
        }
    }
    (body, spans)
}

fn within(body: &str, sentence: Span, words: &str) -> Span {
    let text = &body[sentence.range()];
    let start = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} not in {text:?}"));
    Span::new(
        sentence.start as usize + start,
        sentence.start as usize + start + words.len(),
    )
}

/// The article with its coded events and references.
pub fn article(story: &Story, coded: &[Coded], refers: &[Refers]) -> ArticleInput {
    let (body, sentences) = layout(story);
    let meta = Meta {
        id: story.id.to_string(),
        url: story.url.map(str::to_string),
        title: Some(story.title.to_string()),
        date: story.date.map(|d| d.parse().unwrap()),
        publisher: story.publisher.map(str::to_string),
        language: Some("en".into()),
        ..Meta::default()
    };
    let reports: Vec<EventRecord> = coded
        .iter()
        .map(|c| record(story, &body, &sentences, c))
        .collect();
    let mentions = coded
        .iter()
        .flat_map(|c| {
            [
                Some((c.sentence, c.source)),
                c.target.map(|t| (c.sentence, t)),
            ]
        })
        .flatten()
        .map(|(sentence, who)| MentionInput {
            span: within(&body, sentences[sentence], who.words),
            sentence: Some(sentence as u32),
            actor_code: Some(who.code.to_string()),
            actor_name: who.name.map(str::to_string),
            actor_country: Some(who.code[..3].to_string()),
            actor_kind: Some("agent".into()),
            place_name: None,
            place_country: None,
            geonameid: None,
            lat: None,
            lon: None,
            unknown: None,
            resolved_by: "name".into(),
        })
        .collect();
    let references = refers
        .iter()
        .map(|r| ReferenceInput {
            report: r.report,
            sentence: r.sentence as u32,
            noun: within(&body, sentences[r.sentence], r.noun),
            source_span: None,
            target_span: None,
            form: r.noun.to_lowercase(),
        })
        .collect();
    ArticleInput {
        meta,
        body,
        sentences,
        mentions,
        reports,
        references,
    }
}

fn record(story: &Story, body: &str, sentences: &[Span], coded: &Coded) -> EventRecord {
    let sentence = sentences[coded.sentence];
    let participant = |who: Who| ParticipantRecord {
        code: who.code.to_string(),
        country: Some(who.code[..3].to_string()),
        name: who.name.map(str::to_string),
        text: Some(who.words.to_string()),
        span: Some(within(body, sentence, who.words)),
    };
    let code = dateline_model::EventCode::parse(coded.code).unwrap();
    let info = code.info();
    let trigger = within(body, sentence, coded.trigger);
    let mut record = EventRecord {
        article_id: story.id.to_string(),
        event_id: String::new(),
        date: story.date.map(str::to_string),
        code: coded.code.to_string(),
        root_code: code.root().to_string(),
        label: info.map(|i| i.name.clone()),
        quad_class: code.quad_class().map(|q| q.number()),
        goldstein: info.map(|i| i.goldstein),
        plover: None,
        source: participant(coded.source),
        target: coded.target.map(participant),
        negated: false,
        modality: "asserted".into(),
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
        attribution: coded.attribution.map(|text| AttributionRecord {
            text: text.to_string(),
            code: None,
        }),
        sentence: SentenceRecord {
            index: Some(coded.sentence as u32),
            text: body[sentence.range()].to_string(),
            span: sentence,
        },
        trigger: SpanRecord {
            text: coded.trigger.to_string(),
            span: trigger,
        },
        rule: "test".into(),
        url: story.url.map(str::to_string),
        issues: vec![],
        merge: None,
    };
    record.event_id = format!("{}-{}-{}", story.id, coded.sentence, coded.trigger);
    record
}

const fn coded(
    sentence: usize,
    trigger: &'static str,
    source: Who,
    target: Who,
    code: &'static str,
) -> Coded {
    Coded {
        sentence,
        trigger,
        source,
        target: Some(target),
        code,
        place: None,
        attribution: None,
    }
}

pub const KHARKIV_WIRE: Story = Story {
    id: "wire-kharkiv",
    publisher: Some("Example Wire"),
    url: Some("https://news.example.org/2025/03/09/kharkiv-strike"),
    date: Some("2025-03-09"),
    title: "Russian strike on Kharkiv apartment block kills four",
    paragraphs: &[
        &[
            "Russian forces struck an apartment block in Kharkiv on Sunday, killing four people, regional governor Oleh Syniehubov said.",
        ],
        &[
            "President Volodymyr Zelensky condemned the attack and called for more air defence systems.",
        ],
        &["The strike was the deadliest in the city this year, officials said."],
    ],
};

pub fn kharkiv_wire() -> ArticleInput {
    let mut strike = coded(
        0,
        "struck",
        who("Russian forces", "RUSMIL", None),
        who("four people", "UKRCVL", None),
        "195",
    );
    strike.place = Some((KHARKIV, "sentence"));
    strike.attribution = Some("regional governor Oleh Syniehubov");
    let condemned = coded(
        1,
        "condemned",
        who(
            "President Volodymyr Zelensky",
            "UKRGOV",
            Some("Volodymyr Zelensky"),
        ),
        who("the attack", "RUSMIL", None),
        "111",
    );
    article(
        &KHARKIV_WIRE,
        &[strike, condemned],
        &[Refers {
            report: 0,
            sentence: 2,
            noun: "strike",
        }],
    )
}

pub const KHARKIV_DAILY: Story = Story {
    id: "daily-kharkiv",
    publisher: Some("Example Times"),
    url: Some("https://www.times.example.com/world/kharkiv"),
    date: Some("2025-03-10"),
    title: "Missile hits Kharkiv building",
    paragraphs: &[&[
        "A Russian missile hit a residential building in central Kharkiv late on Sunday, killing four residents.",
        "Ukrainian President Volodymyr Zelensky denounced Russia over the strike.",
    ]],
};

pub fn kharkiv_daily() -> ArticleInput {
    let mut hit = coded(
        0,
        "hit",
        who("A Russian missile", "RUS", None),
        who("four residents", "UKRCVL", None),
        "195",
    );
    hit.place = Some((KHARKIV, "sentence"));
    let denounced = coded(
        1,
        "denounced",
        who(
            "Ukrainian President Volodymyr Zelensky",
            "UKRGOV",
            Some("Volodymyr Zelensky"),
        ),
        who("Russia", "RUS", Some("Russia")),
        "111",
    );
    article(&KHARKIV_DAILY, &[hit, denounced], &[])
}

pub const BOKKOS_WIRE: Story = Story {
    id: "wire-bokkos",
    publisher: Some("Example Wire"),
    url: Some("https://news.example.org/2025/04/14/bokkos-attack"),
    date: Some("2025-04-14"),
    title: "Gunmen kill 12 in Nigeria's Plateau state",
    paragraphs: &[
        &[
            "Gunmen killed at least 12 villagers in Bokkos, in Nigeria's Plateau state, on Monday, police said.",
        ],
        &["Police arrested five suspects in Plateau state in connection with the killings."],
    ],
};

pub fn bokkos_wire() -> ArticleInput {
    let mut killed = coded(
        0,
        "killed",
        who("Gunmen", "NGAUAF", None),
        who("12 villagers", "NGACVL", None),
        "180",
    );
    killed.place = Some((BOKKOS, "sentence"));
    let mut arrested = coded(
        1,
        "arrested",
        who("Police", "NGACOP", None),
        who("five suspects", "NGACVL", None),
        "173",
    );
    arrested.place = Some((PLATEAU, "sentence"));
    article(
        &BOKKOS_WIRE,
        &[killed, arrested],
        &[Refers {
            report: 0,
            sentence: 1,
            noun: "killings",
        }],
    )
}

pub const KAURA_NAMODA_WIRE: Story = Story {
    id: "wire-kaura-namoda",
    publisher: Some("Example Wire"),
    url: Some("https://news.example.org/2025/04/14/zamfara-market"),
    date: Some("2025-04-14"),
    title: "Gunmen attack market in Zamfara",
    paragraphs: &[&[
        "Gunmen killed nine people in an attack on a market in Kaura Namoda in Zamfara state on Monday, residents said.",
    ]],
};

pub fn kaura_namoda_wire() -> ArticleInput {
    let mut killed = coded(
        0,
        "killed",
        who("Gunmen", "NGAUAF", None),
        who("nine people", "NGACVL", None),
        "180",
    );
    killed.place = Some((KAURA_NAMODA, "sentence"));
    article(&KAURA_NAMODA_WIRE, &[killed], &[])
}

pub const XI_VISIT: Story = Story {
    id: "daily-xi-hanoi",
    publisher: Some("Example Times"),
    url: Some("https://www.times.example.com/asia/xi-hanoi"),
    date: Some("2025-04-14"),
    title: "Xi begins state visit to Vietnam",
    paragraphs: &[&[
        "Chinese President Xi Jinping arrived in Hanoi on Monday for a two-day state visit.",
        "Vietnamese President Luong Cuong welcomed Xi at the airport.",
    ]],
};

pub fn xi_visit() -> ArticleInput {
    let mut arrived = coded(
        0,
        "arrived",
        who("Chinese President Xi Jinping", "CHNGOV", Some("Xi Jinping")),
        who("Hanoi", "VNM", Some("Vietnam")),
        "042",
    );
    arrived.place = Some((HANOI, "sentence"));
    let mut welcomed = coded(
        1,
        "welcomed",
        who(
            "Vietnamese President Luong Cuong",
            "VNMGOV",
            Some("Luong Cuong"),
        ),
        who("Xi", "CHNGOV", Some("Xi Jinping")),
        "043",
    );
    welcomed.place = Some((HANOI, "dateline"));
    article(&XI_VISIT, &[arrived, welcomed], &[])
}

pub const EU_SANCTIONS: Story = Story {
    id: "wire-eu-sanctions",
    publisher: Some("Example Wire"),
    url: Some("https://news.example.org/2025/05/20/eu-sanctions"),
    date: Some("2025-05-20"),
    title: "EU adopts new sanctions package against Russia",
    paragraphs: &[&[
        "The European Union adopted a new package of sanctions against Russia on Tuesday.",
    ]],
};

pub fn eu_sanctions() -> ArticleInput {
    let mut adopted = coded(
        0,
        "adopted",
        who("The European Union", "IGOEUREEC", Some("European Union")),
        who("Russia", "RUS", Some("Russia")),
        "163",
    );
    adopted.place = Some((BRUSSELS, "dateline"));
    article(&EU_SANCTIONS, &[adopted], &[])
}

/// Every story, oldest first.
pub fn all_stories() -> Vec<ArticleInput> {
    vec![
        kharkiv_wire(),
        kharkiv_daily(),
        bokkos_wire(),
        kaura_namoda_wire(),
        xi_visit(),
        eu_sanctions(),
    ]
}

/// `n` generated articles, each with one distinct event (for volume tests).
pub fn generated(n: usize) -> Vec<ArticleInput> {
    const CAPITALS: [(&str, &str, f64, f64); 4] = [
        ("KEN", "Nairobi", -1.28333, 36.81667),
        ("PER", "Lima", -12.04318, -77.02824),
        ("IDN", "Jakarta", -6.21462, 106.84513),
        ("POL", "Warsaw", 52.22977, 21.01178),
    ];
    (0..n)
        .map(|idx| {
            let (country, city, lat, lon) = CAPITALS[idx % CAPITALS.len()];
            // Two days apart, beyond the merge window: every event stays its own.
            let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
                + chrono::Days::new(2 * idx as u64);
            let date = date.format("%Y-%m-%d").to_string();
            let body = format!(
                "Police in {city} detained {} protesters outside parliament on day {idx}, officials said.",
                10 + idx
            );
            let sentence = Span::new(0, body.len());
            let span = |words: &str| {
                let start = body.find(words).unwrap();
                Span::new(start, start + words.len())
            };
            let target_words = format!("{} protesters", 10 + idx);
            let record = EventRecord {
                article_id: format!("gen-{idx}"),
                event_id: format!("gen-{idx}-0"),
                date: Some(date.clone()),
                code: "173".into(),
                root_code: "17".into(),
                label: None,
                quad_class: Some(4),
                goldstein: Some(-5.0),
                plover: None,
                source: ParticipantRecord {
                    code: format!("{country}COP"),
                    country: Some(country.into()),
                    name: None,
                    text: Some("Police".into()),
                    span: Some(span("Police")),
                },
                target: Some(ParticipantRecord {
                    code: format!("{country}OPP"),
                    country: Some(country.into()),
                    name: None,
                    text: Some(target_words.clone()),
                    span: Some(span(&target_words)),
                }),
                negated: false,
                modality: "asserted".into(),
                location: Some(LocationRecord {
                    name: city.into(),
                    country: Some(country.into()),
                    adm1: None,
                    lat,
                    lon,
                    geonameid: None,
                    basis: "sentence".into(),
                    kind: "city".into(),
                }),
                attribution: None,
                sentence: SentenceRecord {
                    index: Some(0),
                    text: body.clone(),
                    span: sentence,
                },
                trigger: SpanRecord {
                    text: "detained".into(),
                    span: span("detained"),
                },
                rule: "test".into(),
                url: None,
                issues: vec![],
                merge: None,
            };
            ArticleInput {
                meta: Meta {
                    id: format!("gen-{idx}"),
                    date: Some(date.parse().unwrap()),
                    publisher: Some("Example Wire".into()),
                    ..Meta::default()
                },
                body,
                sentences: vec![sentence],
                mentions: vec![],
                reports: vec![record],
                references: vec![],
            }
        })
        .collect()
}

pub const XI_WIRE: Story = Story {
    id: "wire-xi-hanoi",
    publisher: Some("Example Wire"),
    url: Some("https://news.example.org/2025/04/14/xi-hanoi"),
    date: Some("2025-04-14"),
    title: "Xi arrives in Hanoi",
    paragraphs: &[&[
        "Xi Jinping arrived in Hanoi on Monday for a two-day state visit.",
        "He later held talks with To Lam, the general secretary of Vietnam's Communist Party.",
    ]],
};

/// The visit (to the country) and the talks (with its leader): two events of one article.
pub fn xi_wire() -> ArticleInput {
    let mut arrived = coded(
        0,
        "arrived",
        who("Xi Jinping", "CHNGOV", Some("Xi Jinping")),
        who("Hanoi", "VNM", Some("Vietnam")),
        "042",
    );
    arrived.place = Some((HANOI, "sentence"));
    let talks = coded(
        1,
        "held",
        who("He", "CHNGOV", Some("Xi Jinping")),
        who("To Lam", "VNMGOV", Some("To Lam")),
        "042",
    );
    article(&XI_WIRE, &[arrived, talks], &[])
}

/// `n` generated articles crowding a few dyads over a few days with codes
/// that refine each other ("04", "041", "042"...), from several outlets:
/// reports whose merging depends on the order they are placed in, for the
/// tests of order and of concurrent writers. Some articles refer back to
/// their first event in a last sentence.
pub fn crowded(n: usize) -> Vec<ArticleInput> {
    const SOURCES: [(&str, &str); 4] = [
        ("USA", "Washington"),
        ("USAGOV", "the US government"),
        ("CHN", "Beijing"),
        ("CHNGOV", "the Chinese government"),
    ];
    const TARGETS: [(&str, &str); 3] = [
        ("RUS", "Moscow"),
        ("RUSGOV", "the Kremlin"),
        ("IRN", "Tehran"),
    ];
    const CODES: [&str; 6] = ["04", "040", "041", "042", "043", "046"];
    const PLACES: [Option<Gazetteer>; 4] = [None, Some(HANOI), Some(BRUSSELS), None];
    const OUTLETS: [&str; 3] = ["Example Wire", "Daily Example", "Example Herald"];
    // A small linear congruential generator: the same articles every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % bound
    };
    (0..n)
        .map(|idx| {
            let date = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
                + chrono::Days::new(next(5) as u64);
            let date = date.format("%Y-%m-%d").to_string();
            let n_events = 1 + next(3);
            let mut body = String::new();
            let mut sentences = Vec::new();
            let mut plans = Vec::new();
            for event_idx in 0..n_events {
                let (source_code, source_words) = SOURCES[next(SOURCES.len())];
                let (target_code, target_words) = TARGETS[next(TARGETS.len())];
                let code = CODES[next(CODES.len())];
                let place = PLACES[next(PLACES.len())];
                if event_idx > 0 {
                    body.push(' ');
                }
                let start = body.len();
                let place_words = place.map_or(String::new(), |p| format!(" in {}", p.name));
                body.push_str(&format!(
                    "{} held consultations with {}{place_words} (story {idx}, item {event_idx}).",
                    capitalised(source_words),
                    target_words
                ));
                sentences.push(Span::new(start, body.len()));
                plans.push((
                    source_code,
                    source_words,
                    target_code,
                    target_words,
                    code,
                    place,
                ));
            }
            let refers = next(3) == 0;
            if refers {
                body.push_str(" The consultations went on late.");
                let start = body.len() - "The consultations went on late.".len();
                sentences.push(Span::new(start, body.len()));
            }
            let doc_id = format!("crowd-{idx:03}");
            let reports: Vec<EventRecord> = plans
                .iter()
                .enumerate()
                .map(|(event_idx, plan)| {
                    let (source_code, source_words, target_code, target_words, code, place) = *plan;
                    let sentence = sentences[event_idx];
                    let source_words = capitalised(source_words);
                    let code_info = dateline_model::EventCode::parse(code).unwrap();
                    EventRecord {
                        article_id: doc_id.clone(),
                        event_id: format!("{doc_id}-{event_idx}"),
                        date: Some(date.clone()),
                        code: code.into(),
                        root_code: "04".into(),
                        label: code_info.info().map(|i| i.name.clone()),
                        quad_class: Some(1),
                        goldstein: code_info.info().map(|i| i.goldstein),
                        plover: None,
                        source: ParticipantRecord {
                            code: source_code.into(),
                            country: Some(source_code[..3].into()),
                            name: None,
                            text: Some(source_words.clone()),
                            span: Some(within(&body, sentence, &source_words)),
                        },
                        target: Some(ParticipantRecord {
                            code: target_code.into(),
                            country: Some(target_code[..3].into()),
                            name: None,
                            text: Some(target_words.into()),
                            span: Some(within(&body, sentence, target_words)),
                        }),
                        negated: false,
                        modality: "asserted".into(),
                        location: place.map(|p| LocationRecord {
                            name: p.name.into(),
                            country: Some(p.country.into()),
                            adm1: Some(p.adm1.into()),
                            lat: p.lat,
                            lon: p.lon,
                            geonameid: Some(p.geonameid),
                            basis: "sentence".into(),
                            kind: p.kind.into(),
                        }),
                        attribution: None,
                        sentence: SentenceRecord {
                            index: Some(event_idx as u32),
                            text: body[sentence.range()].to_string(),
                            span: sentence,
                        },
                        trigger: SpanRecord {
                            text: "held consultations".into(),
                            span: within(&body, sentence, "held consultations"),
                        },
                        rule: "test".into(),
                        url: None,
                        issues: vec![],
                        merge: None,
                    }
                })
                .collect();
            let references = if refers {
                let sentence = sentences.len() - 1;
                vec![ReferenceInput {
                    report: 0,
                    sentence: sentence as u32,
                    noun: within(&body, sentences[sentence], "consultations"),
                    source_span: None,
                    target_span: None,
                    form: "consultations".into(),
                }]
            } else {
                vec![]
            };
            ArticleInput {
                meta: Meta {
                    id: doc_id.clone(),
                    url: Some(format!("https://news.example.org/crowd/{idx}")),
                    date: Some(date.parse().unwrap()),
                    publisher: Some(OUTLETS[next(OUTLETS.len())].into()),
                    ..Meta::default()
                },
                body,
                sentences,
                mentions: vec![],
                reports,
                references,
            }
        })
        .collect()
}

fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
