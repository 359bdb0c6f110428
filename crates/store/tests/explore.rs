//! The exploration queries behind the HTTP API (pages behind a cursor,
//! places, QuadClass timelines, actor suggestions, map box and minimum
//! mentions, query time cap, read-only connections), each run on SQLite and
//! on PostgreSQL like `behaviour.rs`.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "../benches/support/generate.rs"]
mod generate;
#[path = "support/pg_server.rs"]
mod pg_server;

use std::time::Duration;

use dateline_store::{
    ActorSuggestion, BoundingBox, Cursor, EventQuery, OpenMode, PageRequest, Period, Sort, Store,
    StoreError,
};
use fixtures::*;

/// A store location; SQLite's temporary directory lives as long as this.
struct Backing {
    location: String,
    _dir: Option<tempfile::TempDir>,
}

impl Backing {
    fn sqlite() -> Backing {
        let dir = tempfile::tempdir().unwrap();
        let location = dir.path().join("events.db").display().to_string();
        Backing {
            location,
            _dir: Some(dir),
        }
    }

    fn postgres() -> Backing {
        Backing {
            location: pg_server::fresh_database_url(),
            _dir: None,
        }
    }

    /// A store holding the fixture stories (8 events) and an undated copy
    /// of the sanctions story (1 more).
    fn seeded(&self) -> Store {
        let mut store = Store::open(&self.location, OpenMode::Create).unwrap();
        let mut stories = all_stories();
        let mut undated = eu_sanctions();
        undated.meta.id = "undated-sanctions".into();
        undated.meta.url = None;
        undated.meta.date = None;
        // Another text of the same length, so the spans still fit.
        undated.body = undated.body.replace("package", "tranche");
        for report in &mut undated.reports {
            report.article_id = "undated-sanctions".into();
            report.event_id = format!("undated-{}", report.event_id);
            report.date = None;
        }
        stories.push(undated);
        let report = store.ingest(&stories).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        store
    }
}

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { super::$name(super::Backing::sqlite()) })*
        }
        mod postgres {
            $(#[test] fn $name() { super::$name(super::Backing::postgres()) })*
        }
    };
}

on_both_backends!(
    pages_give_every_event_once_in_each_order,
    a_cursor_from_another_sort_or_made_up_is_refused,
    map_box_and_minimum_mentions_filter_everywhere,
    places_count_events_per_point,
    timeline_by_quad_splits_counts,
    timelines_from_the_index_agree_with_the_events,
    actor_timelines_from_the_sums_agree_with_the_rows,
    page_rows_are_the_events_without_their_mentions,
    text_pages_come_in_the_clis_order,
    a_snapshot_sees_one_generation_of_the_store,
    actor_suggestions_give_codes_then_names,
    a_query_over_its_time_cap_fails_as_a_timeout,
    a_read_only_connection_refuses_writes,
);

/// Every page of `sort`, `size` events each, as "date code" strings.
fn walk(store: &mut Store, query: &EventQuery, sort: Sort, size: usize) -> Vec<String> {
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = store
            .events_page(query, &PageRequest { sort, after, size })
            .unwrap();
        assert!(page.events.len() <= size);
        seen.extend(
            page.events
                .iter()
                .map(|record| format!("{} {}", record.date.as_deref().unwrap_or("-"), record.code)),
        );
        match page.next {
            Some(next) => {
                // The cursor survives a round trip through its text.
                after = Some(Cursor::parse(&next.to_string(), sort).unwrap());
            }
            None => return seen,
        }
    }
}

fn pages_give_every_event_once_in_each_order(backing: Backing) {
    let mut store = backing.seeded();
    let all = EventQuery::default();
    let newest = walk(&mut store, &all, Sort::Newest, 2);
    assert_eq!(newest.len(), 9);
    assert_eq!(newest[0], "2025-05-20 163");
    // Newest first; events of one day in report order.
    let dates: Vec<&str> = newest[..8].iter().map(|e| &e[..10]).collect();
    assert!(dates.is_sorted_by(|a, b| a >= b), "{dates:?}");
    assert_eq!(newest[8], "- 163", "undated last");
    // The same order as `dateline events`, whatever the page size.
    let listed: Vec<String> = store
        .events(&all)
        .unwrap()
        .iter()
        .map(|e| format!("{} {}", e.date.as_deref().unwrap_or("-"), e.code))
        .collect();
    assert_eq!(newest, listed);
    assert_eq!(walk(&mut store, &all, Sort::Newest, 4), listed);
    assert_eq!(walk(&mut store, &all, Sort::Newest, 50), listed);
    let oldest = walk(&mut store, &all, Sort::Oldest, 3);
    assert_eq!(oldest.len(), 9);
    // Oldest first is newest first reversed (dated events; ties too).
    let reversed: Vec<String> = newest[..8].iter().rev().cloned().collect();
    assert_eq!(&oldest[..8], reversed.as_slice());
    assert_eq!(oldest[7], "2025-05-20 163");
    assert_eq!(oldest[8], "- 163");
    // The strike has 3 reports, the condemnation and the Bokkos killing
    // ("the killings" later) 2 each, newest stored first; the rest one each.
    let most = walk(&mut store, &all, Sort::Mentions, 2);
    assert_eq!(most.len(), 9);
    assert_eq!(
        &most[..3],
        ["2025-03-09 195", "2025-04-14 180", "2025-03-09 111"]
    );
    // Filters hold on every page, through the actor index too.
    let russia = EventQuery {
        actor: Some("RUS".into()),
        ..EventQuery::default()
    };
    // Russia's events, in the same order as among all events: the
    // Kharkiv strike and the condemnation (9 March), 163 (20 May), and the
    // undated 163 last.
    let of_russia = |walked: &[String]| -> Vec<String> {
        let wanted = [
            "2025-05-20 163",
            "2025-03-09 111",
            "2025-03-09 195",
            "- 163",
        ];
        walked
            .iter()
            .filter(|e| wanted.contains(&e.as_str()))
            .cloned()
            .collect()
    };
    let russia_newest = walk(&mut store, &russia, Sort::Newest, 1);
    assert_eq!(russia_newest.len(), 4);
    assert_eq!(russia_newest, of_russia(&newest));
    assert_eq!(
        walk(&mut store, &russia, Sort::Oldest, 1),
        of_russia(&oldest)
    );
    let page = store
        .events_page(
            &all,
            &PageRequest {
                sort: Sort::Newest,
                after: None,
                size: 0,
            },
        )
        .unwrap();
    assert!(page.events.is_empty() && page.next.is_none());
}

fn a_cursor_from_another_sort_or_made_up_is_refused(backing: Backing) {
    let mut store = backing.seeded();
    let first = store
        .events_page(
            &EventQuery::default(),
            &PageRequest {
                sort: Sort::Mentions,
                after: None,
                size: 1,
            },
        )
        .unwrap();
    let cursor = first.next.unwrap().to_string();
    assert!(matches!(
        Cursor::parse(&cursor, Sort::Newest),
        Err(StoreError::Query(_))
    ));
    for bad in [
        "",
        "_",
        "d2025-13-01_4",
        "dx_1",
        "m1_x",
        "u_",
        "q_1",
        "d2025-01-01",
    ] {
        assert!(
            matches!(Cursor::parse(bad, Sort::Newest), Err(StoreError::Query(_)))
                && matches!(
                    Cursor::parse(bad, Sort::Mentions),
                    Err(StoreError::Query(_))
                ),
            "{bad:?} was accepted"
        );
    }
}

fn map_box_and_minimum_mentions_filter_everywhere(backing: Backing) {
    let mut store = backing.seeded();
    // Nigeria's middle belt: Bokkos and Plateau state, not Kaura Namoda (12.6 N).
    let plateau = EventQuery {
        bbox: Some(BoundingBox::parse("8,8.5,10,10").unwrap()),
        ..EventQuery::default()
    };
    let codes: Vec<String> = store
        .events(&plateau)
        .unwrap()
        .into_iter()
        .map(|e| e.location.unwrap().name)
        .collect();
    assert_eq!(codes.len(), 2);
    assert!(codes.contains(&"Bokkos".to_string()) && codes.contains(&"Plateau".to_string()));
    // A box across the antimeridian holds none of these places.
    let pacific = EventQuery {
        bbox: Some(BoundingBox::parse("170,-60,-170,60").unwrap()),
        ..EventQuery::default()
    };
    assert!(store.events(&pacific).unwrap().is_empty());
    // From 100 E across the antimeridian to 10 E: Nigeria (3 events),
    // Hanoi (105.8 E, 2) and Brussels (4.3 E, 2), not Kharkiv (36.3 E).
    let wrapped = EventQuery {
        bbox: Some(BoundingBox::parse("100,-60,10,60").unwrap()),
        ..EventQuery::default()
    };
    assert_eq!(store.events(&wrapped).unwrap().len(), 7);
    let reported_twice = EventQuery {
        min_mentions: Some(2),
        ..EventQuery::default()
    };
    let codes: Vec<String> = store
        .events(&reported_twice)
        .unwrap()
        .into_iter()
        .map(|e| e.code)
        .collect();
    // Which events; their order among one day's events is report order.
    let mut codes = codes;
    codes.sort();
    assert_eq!(codes, ["111", "180", "195"]);
    // The same filters drive the summaries.
    let months = store.timeline(&reported_twice, Period::Month).unwrap();
    assert_eq!(months.len(), 2);
    assert_eq!((months[0].events, months[0].mentions), (2, 5));
    assert_eq!((months[1].events, months[1].mentions), (1, 2));
    assert_eq!(store.network(&plateau, 10).unwrap().len(), 2);
    let with_actor = EventQuery {
        actor: Some("RUS".into()),
        ..reported_twice
    };
    assert_eq!(store.events(&with_actor).unwrap().len(), 2);
}

fn places_count_events_per_point(backing: Backing) {
    let mut store = backing.seeded();
    let places = store.places(&EventQuery::default(), 100).unwrap();
    let rows: Vec<(String, u64)> = places
        .iter()
        .map(|p| (p.name.clone().unwrap_or_default(), p.events))
        .collect();
    // Hanoi has two events, Brussels the dated and the undated sanctions;
    // ties go south first.
    assert_eq!(&rows[..2], [("Hanoi".into(), 2), ("Brussels".into(), 2)]);
    assert_eq!(rows.iter().map(|(_, n)| n).sum::<u64>(), 8, "{rows:?}");
    let hanoi = &places[0];
    assert_eq!(hanoi.country.as_deref(), Some("VNM"));
    assert!((hanoi.lat - 21.0).abs() < 0.1 && (hanoi.lon - 105.8).abs() < 0.1);
    // 042 (1.9) and 043 (2.8).
    assert!((hanoi.mean_goldstein.unwrap() - 2.35).abs() < 1e-6);
    assert_eq!(store.places(&EventQuery::default(), 1).unwrap().len(), 1);
    let nigeria = EventQuery {
        country: Some("NGA".into()),
        ..EventQuery::default()
    };
    assert_eq!(store.places(&nigeria, 100).unwrap().len(), 3);
}

fn timeline_by_quad_splits_counts(backing: Backing) {
    let mut store = backing.seeded();
    let rows = store
        .timeline_by_quad(&EventQuery::default(), Period::Month)
        .unwrap();
    let summary: Vec<_> = rows
        .iter()
        .map(|r| (r.period.as_str(), r.by_quad, r.events, r.mentions))
        .collect();
    // March: the condemnation (verbal conflict), the strike (material
    // conflict, 3 reports); April: a visit and a welcome (verbal
    // cooperation), two killings (one reported twice) and arrests; May:
    // sanctions. The undated copy has no period.
    assert_eq!(
        summary,
        [
            ("2025-03", [0, 0, 1, 1], 2, 5),
            ("2025-04", [2, 0, 0, 3], 5, 6),
            ("2025-05", [0, 0, 0, 1], 1, 1),
        ]
    );
    assert_eq!(rows[0].mean_goldstein, Some(-6.0));
    let russia = EventQuery {
        actor: Some("RUS".into()),
        ..EventQuery::default()
    };
    // Agrees with the plain timeline, which reads the actor index alone.
    let plain = store.timeline(&russia, Period::Week).unwrap();
    let by_quad = store.timeline_by_quad(&russia, Period::Week).unwrap();
    assert_eq!(plain.len(), by_quad.len());
    for (plain, by_quad) in plain.iter().zip(&by_quad) {
        assert_eq!(plain.period, by_quad.period);
        assert_eq!(plain.events, by_quad.events);
        assert_eq!(plain.mentions, by_quad.mentions);
        assert_eq!(plain.mean_goldstein, by_quad.mean_goldstein);
    }
}

/// A month of a QuadClass timeline: period, by QuadClass, events, mentions,
/// mean Goldstein in thousandths.
type MonthRow = (String, [u64; 4], u64, u64, Option<i64>);

/// Which of a query's events a case keeps.
type Keep = Box<dyn Fn(&dateline_export::EventRecord) -> bool>;

/// `timeline_by_quad` by month, computed from the full events of `base`
/// that `keep` accepts: (period, by QuadClass, events, mentions, mean
/// Goldstein in thousandths).
fn timeline_from_events(
    store: &mut Store,
    base: &EventQuery,
    keep: impl Fn(&dateline_export::EventRecord) -> bool,
) -> Vec<MonthRow> {
    let mut months: std::collections::BTreeMap<String, ([u64; 4], u64, u64, f64, u64)> =
        Default::default();
    for event in store.events(base).unwrap().iter().filter(|e| keep(e)) {
        let Some(date) = &event.date else { continue };
        let month = months.entry(date[..7].to_string()).or_default();
        if let Some(quad) = event.quad_class {
            month.0[quad as usize - 1] += 1;
        }
        month.1 += 1;
        month.2 += u64::from(event.merge.as_ref().unwrap().num_mentions);
        if let Some(goldstein) = event.goldstein {
            month.3 += f64::from(goldstein);
            month.4 += 1;
        }
    }
    months
        .into_iter()
        .map(|(period, (quads, events, mentions, sum, n))| {
            let mean = (n > 0).then(|| (1000.0 * sum / n as f64).round() as i64);
            (period, quads, events, mentions, mean)
        })
        .collect()
}

fn timelines_from_the_index_agree_with_the_events(backing: Backing) {
    let mut store = backing.seeded();
    let query = |actor: Option<&str>, source: Option<&str>, target: Option<&str>| EventQuery {
        actor: actor.map(str::to_string),
        source: source.map(str::to_string),
        target: target.map(str::to_string),
        ..EventQuery::default()
    };
    let russia = query(Some("RUS"), None, None);
    let dyad = query(None, Some("UKRGOV"), Some("RUS"));
    let by_nigerians = query(None, Some("NGA"), None);
    // (filters, the query without quad and code, what those keep): actor,
    // dyad and role walks, with QuadClass and root code read from the
    // walked rows, and a full code, which reads the events.
    let cases: Vec<(EventQuery, EventQuery, Keep)> = vec![
        (russia.clone(), russia.clone(), Box::new(|_| true)),
        (dyad.clone(), dyad.clone(), Box::new(|_| true)),
        (
            by_nigerians.clone(),
            by_nigerians.clone(),
            Box::new(|_| true),
        ),
        (
            EventQuery {
                quad: Some(4),
                ..russia.clone()
            },
            russia.clone(),
            Box::new(|e| e.quad_class == Some(4)),
        ),
        (
            EventQuery {
                code: Some("19".into()),
                ..russia.clone()
            },
            russia.clone(),
            Box::new(|e| e.root_code == "19"),
        ),
        (
            EventQuery {
                code: Some("11".into()),
                quad: Some(3),
                ..dyad.clone()
            },
            dyad.clone(),
            Box::new(|e| e.root_code == "11" && e.quad_class == Some(3)),
        ),
        (
            EventQuery {
                code: Some("195".into()),
                ..russia.clone()
            },
            russia.clone(),
            Box::new(|e| e.code == "195"),
        ),
        (
            EventQuery {
                quad: Some(1),
                ..EventQuery::default()
            },
            EventQuery::default(),
            Box::new(|e| e.quad_class == Some(1)),
        ),
        (
            EventQuery {
                from: "2025-03-01".parse().ok(),
                to: "2025-04-14".parse().ok(),
                ..EventQuery::default()
            },
            EventQuery::default(),
            Box::new(|e| {
                e.date
                    .as_deref()
                    .is_some_and(|d| ("2025-03-01"..="2025-04-14").contains(&d))
            }),
        ),
    ];
    for (filters, base, keep) in cases {
        let expected = timeline_from_events(&mut store, &base, keep);
        assert!(!expected.is_empty(), "{filters:?} matches something");
        let found: Vec<_> = store
            .timeline_by_quad(&filters, Period::Month)
            .unwrap()
            .into_iter()
            .map(|r| {
                let mean = r.mean_goldstein.map(|m| (1000.0 * m).round() as i64);
                (r.period, r.by_quad, r.events, r.mentions, mean)
            })
            .collect();
        assert_eq!(found, expected, "{filters:?}");
        // The plain timeline sums the same rows.
        let plain: Vec<_> = store
            .timeline(&filters, Period::Month)
            .unwrap()
            .into_iter()
            .map(|r| (r.period, r.events, r.mentions))
            .collect();
        let by_quad: Vec<_> = expected.iter().map(|r| (r.0.clone(), r.2, r.3)).collect();
        assert_eq!(plain, by_quad, "{filters:?}");
    }
}

/// Generated news (sixty countries, every CAMEO code, ten years), stored in
/// batches out of date order (so later batches move stored reports between
/// events), then partly revised (so events lose reports or go): the
/// per-period sums a country's timeline reads answer
/// what its index rows answer, for every filter kind they serve, and again
/// after being summed afresh.
fn actor_timelines_from_the_sums_agree_with_the_rows(backing: Backing) {
    let mut store = Store::open(&backing.location, OpenMode::Create).unwrap();
    let mut generator = generate::Generator::new(5);
    let articles: Vec<_> = (0..600).map(|_| generator.article()).collect();
    for batch in articles.chunks(75) {
        let report = store.ingest(batch).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
    let revised: Vec<_> = articles
        .iter()
        .step_by(7)
        .map(|article| {
            let mut article = article.clone();
            // Same length, so the spans still fit; some reports go.
            article.body = article.body.replacen('a', "e", 1);
            article.reports.truncate(article.reports.len() / 2);
            article
        })
        .collect();
    store.ingest(&revised).unwrap();
    let day = |text: &str| text.parse().ok();
    let windows = [
        (None, None),
        (day("2016-03-15"), day("2018-07-09")),
        (day("2017-01-01"), day("2017-12-31")),
        (day("2017-01-02"), day("2017-12-31")),
        (day("2016-02-03"), day("2016-02-20")),
        (None, day("2019-05-05")),
        (day("2020-02-10"), None),
    ];
    let filters: [(Option<u8>, Option<&str>); 8] = [
        (None, None),
        (Some(1), None),
        (Some(2), None),
        (Some(3), None),
        (Some(4), None),
        (None, Some("19")),
        (None, Some("04")),
        (Some(4), Some("14")),
    ];
    let actors = [
        None,
        Some("RUS"),
        Some("USA"),
        Some("NGA"),
        Some("CHN"),
        Some("UKRGOV"),
        Some("FRA"),
        Some("XYZ"),
    ];
    let mut compared = 0;
    for round in 0..2 {
        for actor in actors {
            for (quad, code) in filters {
                for (from, to) in windows {
                    for period in [Period::Day, Period::Week, Period::Month] {
                        let query = EventQuery {
                            actor: actor.map(str::to_string),
                            quad,
                            code: code.map(str::to_string),
                            from,
                            to,
                            ..EventQuery::default()
                        };
                        let summed = store.timeline_by_quad(&query, period).unwrap();
                        let rows = store.timeline_by_quad_from_rows(&query, period).unwrap();
                        assert_eq!(summed, rows, "{query:?} by {period:?}");
                        compared += usize::from(!rows.is_empty());
                    }
                }
            }
        }
        if round == 0 {
            store.refill_summaries().unwrap();
        }
    }
    assert!(compared > 600, "{compared} non-empty timelines compared");
}

fn page_rows_are_the_events_without_their_mentions(backing: Backing) {
    let mut store = backing.seeded();
    let page = store
        .events_page(
            &EventQuery::default(),
            &PageRequest {
                sort: Sort::Mentions,
                after: None,
                size: 50,
            },
        )
        .unwrap();
    assert_eq!(page.events.len(), 9);
    for row in &page.events {
        let mut full = store.event(&row.event_id).unwrap().unwrap().record;
        let merge = full.merge.as_mut().unwrap();
        assert_eq!(merge.mentions.len() as u32, merge.num_mentions);
        merge.mentions.clear();
        assert_eq!(*row, full, "{}", row.event_id);
    }
    // The strike's three reports are counted; its row quotes the first.
    let strike = &page.events[0];
    assert_eq!(strike.merge.as_ref().unwrap().num_mentions, 3);
    assert!(strike.sentence.text.contains(&strike.trigger.text));
}

fn text_pages_come_in_the_clis_order(backing: Backing) {
    let mut store = backing.seeded();
    // "sanctions" is in the dated story and its undated copy; the others
    // in dated stories only, one in several.
    for text in ["sanctions", "Russian", "\"air strike\"", "nowhere"] {
        let query = EventQuery {
            text: Some(text.into()),
            ..EventQuery::default()
        };
        let listed: Vec<String> = store
            .events(&query)
            .unwrap()
            .iter()
            .map(|e| format!("{} {}", e.date.as_deref().unwrap_or("-"), e.code))
            .collect();
        for size in [1, 2, 50] {
            assert_eq!(
                walk(&mut store, &query, Sort::Newest, size),
                listed,
                "{text} by {size}"
            );
        }
        let dated = EventQuery {
            from: "2025-03-09".parse().ok(),
            to: "2025-05-20".parse().ok(),
            ..query.clone()
        };
        let listed: Vec<String> = store
            .events(&dated)
            .unwrap()
            .iter()
            .map(|e| format!("{} {}", e.date.as_deref().unwrap_or("-"), e.code))
            .collect();
        assert_eq!(
            walk(&mut store, &dated, Sort::Newest, 1),
            listed,
            "{text} dated"
        );
    }
    let undated_too = EventQuery {
        text: Some("sanctions".into()),
        ..EventQuery::default()
    };
    assert_eq!(
        walk(&mut store, &undated_too, Sort::Newest, 1),
        ["2025-05-20 163", "- 163"]
    );
}

fn a_snapshot_sees_one_generation_of_the_store(backing: Backing) {
    let mut writer = Store::open(&backing.location, OpenMode::Create).unwrap();
    let mut reader = Store::open(&backing.location, OpenMode::Existing).unwrap();
    assert_eq!(reader.generation().unwrap(), 0);
    writer.ingest(&[kharkiv_wire()]).unwrap();
    let first = reader.generation().unwrap();
    assert!(first > 0);
    reader.begin_snapshot().unwrap();
    assert_eq!(reader.generation().unwrap(), first);
    let before = reader.events(&EventQuery::default()).unwrap().len();
    // A batch that stores nothing new is still a new generation.
    writer.ingest(&[xi_visit()]).unwrap();
    writer.ingest(&[xi_visit()]).unwrap();
    assert_eq!(reader.generation().unwrap(), first);
    assert_eq!(reader.events(&EventQuery::default()).unwrap().len(), before);
    reader.end_snapshot().unwrap();
    assert_eq!(reader.generation().unwrap(), first + 2);
    assert!(reader.events(&EventQuery::default()).unwrap().len() > before);
}

fn actor_suggestions_give_codes_then_names(backing: Backing) {
    let mut store = backing.seeded();
    let suggestions = store.actor_suggestions("rus", 10).unwrap();
    assert_eq!(
        suggestions[..2],
        [
            ActorSuggestion::Code("RUS".into()),
            ActorSuggestion::Code("RUSMIL".into())
        ]
    );
    let codes = store.actor_suggestions("NGA", 10).unwrap();
    let codes: Vec<_> = codes
        .iter()
        .filter_map(|s| match s {
            ActorSuggestion::Code(code) => Some(code.as_str()),
            ActorSuggestion::Name { .. } => None,
        })
        .collect();
    assert_eq!(codes, ["NGA", "NGACOP", "NGACVL", "NGAUAF"]);
    assert_eq!(store.actor_suggestions("NGA", 2).unwrap().len(), 2);
    let names = store.actor_suggestions("zelen", 10).unwrap();
    assert_eq!(
        names,
        [ActorSuggestion::Name {
            key: "volodymyr zelensky".into(),
            name: "Volodymyr Zelensky".into()
        }]
    );
    // LIKE's wildcards are text here, and nothing is found for them.
    assert!(store.actor_suggestions("%", 10).unwrap().is_empty());
    assert!(store.actor_suggestions("_", 10).unwrap().is_empty());
    assert!(store.actor_suggestions("   ", 10).unwrap().is_empty());
    assert!(
        store
            .actor_suggestions("'; DROP TABLE events; --", 10)
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.stats().unwrap().events, 9);
}

fn a_query_over_its_time_cap_fails_as_a_timeout(backing: Backing) {
    let mut store = backing.seeded();
    // PostgreSQL caps each statement, so its query must outlast the cap by
    // itself: on a few hundred events the timeline takes under 1 ms.
    let events = match store.dialect() {
        dateline_store::Dialect::Postgres => 5000,
        dateline_store::Dialect::Sqlite => 400,
    };
    store.ingest(&generated(events)).unwrap();
    // A cap already spent: the next query is stopped.
    store
        .limit_query_time(Some(Duration::from_millis(1)))
        .unwrap();
    std::thread::sleep(Duration::from_millis(5));
    let slow = match store.dialect() {
        // PostgreSQL caps each statement: make one that runs longer.
        dateline_store::Dialect::Postgres => {
            let mut result = Ok(Vec::new());
            for _ in 0..20 {
                result = store.timeline_by_quad(&EventQuery::default(), Period::Day);
                if result.is_err() {
                    break;
                }
            }
            result.map(|_| ())
        }
        dateline_store::Dialect::Sqlite => store
            .timeline_by_quad(&EventQuery::default(), Period::Day)
            .map(|_| ()),
    };
    let err = slow.expect_err("the capped query ran to the end");
    assert!(err.is_timeout(), "{err}");
    // Lifted, the same query runs.
    store.limit_query_time(None).unwrap();
    assert!(
        !store
            .timeline_by_quad(&EventQuery::default(), Period::Day)
            .unwrap()
            .is_empty()
    );
    assert!(!StoreError::Query("x".into()).is_timeout());
}

fn a_read_only_connection_refuses_writes(backing: Backing) {
    let mut store = backing.seeded();
    store.forbid_writes().unwrap();
    assert_eq!(store.events(&EventQuery::default()).unwrap().len(), 9);
    assert!(store.ingest(&[xi_wire()]).is_err());
    assert_eq!(store.stats().unwrap().events, 9);
}
