//! The store's behaviour, one test body run on both backends: SQLite in a
//! temporary file, and PostgreSQL on a throw-away server this test process
//! starts (see `support/pg_server.rs`; `scripts/ci/postgres.sh` installs it).

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/pg_server.rs"]
mod pg_server;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use dateline_store::{EventQuery, Near, OpenMode, Period, Store, StoreError};
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

    fn open(&self) -> Store {
        Store::open(&self.location, OpenMode::Create).unwrap()
    }
}

/// One test per behaviour and backend: `sqlite::name` and `postgres::name`.
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
    the_same_article_twice_is_stored_once,
    a_copy_under_another_id_and_url_is_a_duplicate,
    a_changed_text_at_a_known_url_is_a_revision,
    an_old_text_arriving_after_its_revision_changes_nothing,
    the_same_strike_from_two_outlets_is_one_event_with_counts,
    two_attacks_on_one_day_in_different_places_stay_apart,
    one_article_naming_two_targets_reports_two_events,
    a_later_sentence_naming_the_event_is_one_more_mention,
    show_gives_every_mention_with_its_sentence,
    actor_filters_by_code_prefix_name_and_role,
    code_quad_country_and_date_filters,
    near_and_text_filters,
    rare_and_common_words_find_the_same_events_either_way,
    results_come_newest_first_and_stop_at_the_limit,
    timeline_counts_and_mean_goldstein_per_period,
    network_counts_dyads,
    schema_version_is_recorded_and_a_newer_store_is_refused,
    a_version_1_store_is_upgraded_with_its_dyads_and_totals,
    a_version_2_store_is_upgraded_with_quad_classes_beside_its_keys,
    readers_work_while_an_ingest_runs,
    bad_reports_are_skipped_with_a_message_naming_them,
);

fn ingest_all(store: &mut Store) {
    let report = store.ingest(&all_stories()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

fn ids(store: &mut Store, query: EventQuery) -> Vec<String> {
    let mut ids: Vec<String> = store
        .events(&query)
        .unwrap()
        .into_iter()
        .map(|e| {
            format!(
                "{} {}>{} {}",
                e.date.unwrap_or_default(),
                e.source.code,
                e.target.map(|t| t.code).unwrap_or_default(),
                e.code
            )
        })
        .collect();
    ids.sort();
    ids
}

fn the_same_article_twice_is_stored_once(backing: Backing) {
    let mut store = backing.open();
    let first = store.ingest(&[kharkiv_wire()]).unwrap();
    let stats = store.stats().unwrap();
    let again = store.ingest(&[kharkiv_wire()]).unwrap();
    assert_eq!((first.new_articles, first.duplicates), (1, 0));
    assert_eq!(
        (again.new_articles, again.duplicates, again.reports),
        (0, 1, 0)
    );
    assert_eq!(store.stats().unwrap(), stats);
    assert_eq!(stats.articles, 1);
    assert_eq!(stats.reports, 3, "two coded events and one reference");
    assert_eq!(stats.events, 2);
    assert_eq!(stats.sentences, 3);
    // A second connection sees the same.
    assert_eq!(backing.open().stats().unwrap(), stats);
}

fn a_copy_under_another_id_and_url_is_a_duplicate(backing: Backing) {
    let mut store = backing.open();
    store.ingest(&[kharkiv_daily()]).unwrap();
    let mut syndicated = kharkiv_daily();
    syndicated.meta.id = "aggregator-77".into();
    syndicated.meta.url = Some("https://aggregator.example.net/item/77".into());
    // Re-wrapped text is still the same text.
    syndicated.body = syndicated.body.replace(". ", ".\n");
    let report = store.ingest(&[syndicated]).unwrap();
    assert_eq!((report.new_articles, report.duplicates), (0, 1));
    assert_eq!(store.stats().unwrap().articles, 1);
}

fn corrected_daily() -> dateline_store::ArticleInput {
    // The outlet corrected the death toll and re-published at the same URL.
    static CORRECTED: Story = Story {
        id: "daily-kharkiv-v2",
        paragraphs: &[&[
            "A Russian missile hit a residential building in central Kharkiv late on Sunday, killing five residents.",
            "Ukrainian President Volodymyr Zelensky denounced Russia over the strike.",
        ]],
        ..KHARKIV_DAILY
    };
    let mut article = kharkiv_daily();
    let fixed = fixtures::article(&CORRECTED, &[], &[]);
    article.meta.id = CORRECTED.id.into();
    article.body = fixed.body;
    // Only the strike is coded in the correction.
    article.reports.truncate(1);
    article.reports[0].article_id = CORRECTED.id.into();
    article.reports[0].event_id = "daily-kharkiv-v2-0-hit".into();
    article
}

fn a_changed_text_at_a_known_url_is_a_revision(backing: Backing) {
    let mut store = backing.open();
    store.ingest(&[kharkiv_daily()]).unwrap();
    assert_eq!(store.stats().unwrap().events, 2);
    let report = store.ingest(&[corrected_daily()]).unwrap();
    assert_eq!(
        (report.new_articles, report.revisions, report.duplicates),
        (0, 1, 0)
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.revisions), (1, 1));
    // The denunciation was only in the first text: its event went with it.
    assert_eq!(stats.events, 1);
    assert_eq!(stats.reports, 1);
    let events = store.events(&EventQuery::default()).unwrap();
    assert!(events[0].sentence.text.contains("killing five residents"));
    // The article keeps its first id.
    assert_eq!(events[0].article_id, "daily-kharkiv");
}

fn an_old_text_arriving_after_its_revision_changes_nothing(backing: Backing) {
    let mut store = backing.open();
    store.ingest(&[kharkiv_daily()]).unwrap();
    store.ingest(&[corrected_daily()]).unwrap();
    let stats = store.stats().unwrap();
    let report = store.ingest(&[kharkiv_daily()]).unwrap();
    assert_eq!((report.revisions, report.duplicates), (0, 1));
    assert_eq!(store.stats().unwrap(), stats);
}

fn the_same_strike_from_two_outlets_is_one_event_with_counts(backing: Backing) {
    let mut store = backing.open();
    store.ingest(&[kharkiv_wire()]).unwrap();
    store.ingest(&[kharkiv_daily()]).unwrap();
    assert_eq!(
        store.stats().unwrap().events,
        2,
        "one strike, one condemnation"
    );
    let strike = store
        .events(&EventQuery {
            code: Some("195".into()),
            ..EventQuery::default()
        })
        .unwrap()
        .remove(0);
    let merge = strike.merge.as_ref().unwrap();
    // Wire: the report and "The strike was the deadliest..."; daily: its report.
    assert_eq!(
        (merge.num_mentions, merge.num_articles, merge.num_sources),
        (3, 2, 2)
    );
    assert_eq!(merge.first_seen.as_deref(), Some("2025-03-09"));
    assert_eq!(merge.last_seen.as_deref(), Some("2025-03-10"));
    assert_eq!(
        strike.source.code, "RUSMIL",
        "the more specific code of the two"
    );
    assert_eq!(
        strike.event_id, "wire-kharkiv-0-struck",
        "named after its first report"
    );
    assert_eq!(strike.location.as_ref().unwrap().name, "Kharkiv");
    assert_eq!(strike.goldstein, Some(-10.0));
    let condemnation = store
        .events(&EventQuery {
            code: Some("111".into()),
            ..EventQuery::default()
        })
        .unwrap()
        .remove(0);
    let merge = condemnation.merge.as_ref().unwrap();
    assert_eq!((merge.num_mentions, merge.num_articles), (2, 2));
    assert_eq!(condemnation.target.as_ref().unwrap().code, "RUSMIL");
}

fn two_attacks_on_one_day_in_different_places_stay_apart(backing: Backing) {
    let mut store = backing.open();
    store.ingest(&[bokkos_wire(), kaura_namoda_wire()]).unwrap();
    let attacks = store
        .events(&EventQuery {
            code: Some("18".into()),
            ..EventQuery::default()
        })
        .unwrap();
    let mut places: Vec<_> = attacks
        .iter()
        .map(|e| e.location.as_ref().unwrap().name.clone())
        .collect();
    places.sort();
    assert_eq!(places, ["Bokkos", "Kaura Namoda"]);
}

fn one_article_naming_two_targets_reports_two_events(backing: Backing) {
    let mut store = backing.open();
    store.ingest(&[xi_wire()]).unwrap();
    assert_eq!(store.stats().unwrap().events, 2, "the visit and the talks");
    // The daily's arrival (CHNGOV to VNM) joins the visit, not the talks.
    store.ingest(&[xi_visit()]).unwrap();
    let visits = store
        .events(&EventQuery {
            code: Some("042".into()),
            ..EventQuery::default()
        })
        .unwrap();
    let counts: Vec<(String, u32)> = visits
        .iter()
        .map(|e| {
            (
                e.target.as_ref().unwrap().code.clone(),
                e.merge.as_ref().unwrap().num_articles,
            )
        })
        .collect();
    assert_eq!(counts.len(), 2);
    assert!(counts.contains(&("VNM".to_string(), 2)), "{counts:?}");
    assert!(counts.contains(&("VNMGOV".to_string(), 1)), "{counts:?}");
}

fn a_later_sentence_naming_the_event_is_one_more_mention(backing: Backing) {
    let mut store = backing.open();
    store.ingest(&[bokkos_wire()]).unwrap();
    let attack = store
        .events(&EventQuery {
            code: Some("180".into()),
            ..EventQuery::default()
        })
        .unwrap()
        .remove(0);
    let merge = attack.merge.unwrap();
    assert_eq!((merge.num_mentions, merge.num_articles), (2, 1));
    let reference = &merge.mentions[1];
    assert_eq!(reference.rule, "reference:killings");
    assert_eq!(
        reference.sentence.text,
        "Police arrested five suspects in Plateau state in connection with the killings."
    );
    assert_eq!(reference.sentence.index, Some(1));
}

fn show_gives_every_mention_with_its_sentence(backing: Backing) {
    let mut store = backing.open();
    ingest_all(&mut store);
    let detail = store
        .event("wire-kharkiv-0-struck")
        .unwrap()
        .expect("the strike");
    let sentences: Vec<(&str, &str, &str)> = detail
        .record
        .merge
        .as_ref()
        .unwrap()
        .mentions
        .iter()
        .zip(&detail.reports)
        .map(|(m, r)| {
            (
                m.article_id.as_str(),
                r.kind.as_str(),
                m.sentence.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        sentences,
        [
            (
                "wire-kharkiv",
                "coded",
                "Russian forces struck an apartment block in Kharkiv on Sunday, killing four people, regional governor Oleh Syniehubov said."
            ),
            (
                "wire-kharkiv",
                "reference",
                "The strike was the deadliest in the city this year, officials said."
            ),
            (
                "daily-kharkiv",
                "coded",
                "A Russian missile hit a residential building in central Kharkiv late on Sunday, killing four residents."
            ),
        ]
    );
    assert_eq!(detail.reports[2].outlet, "example times");
    assert_eq!(detail.record.trigger.text, "struck");
    assert_eq!(detail.record.source.text.as_deref(), Some("Russian forces"));
    assert_eq!(
        detail.record.attribution.as_ref().map(|a| a.text.as_str()),
        Some("regional governor Oleh Syniehubov")
    );
    assert!(store.event("no-such-event").unwrap().is_none());
}

fn actor_filters_by_code_prefix_name_and_role(backing: Backing) {
    let mut store = backing.open();
    ingest_all(&mut store);
    let by = |actor: Option<&str>, source: Option<&str>, target: Option<&str>| EventQuery {
        actor: actor.map(str::to_string),
        source: source.map(str::to_string),
        target: target.map(str::to_string),
        ..EventQuery::default()
    };
    assert_eq!(
        ids(&mut store, by(Some("RUS"), None, None)),
        [
            "2025-03-09 RUSMIL>UKRCVL 195",
            "2025-03-09 UKRGOV>RUSMIL 111",
            "2025-05-20 IGOEUREEC>RUS 163",
        ]
    );
    assert_eq!(
        ids(&mut store, by(None, Some("RUS"), None)),
        ["2025-03-09 RUSMIL>UKRCVL 195"]
    );
    assert_eq!(
        ids(&mut store, by(None, None, Some("RUS"))),
        [
            "2025-03-09 UKRGOV>RUSMIL 111",
            "2025-05-20 IGOEUREEC>RUS 163"
        ]
    );
    assert_eq!(
        ids(&mut store, by(Some("RUSGOV"), None, None)),
        Vec::<String>::new()
    );
    // Part of a name, any case.
    assert_eq!(
        ids(&mut store, by(Some("zelensky"), None, None)),
        ["2025-03-09 UKRGOV>RUSMIL 111"]
    );
    assert_eq!(
        ids(&mut store, by(Some("Xi Jin"), None, None)),
        ["2025-04-14 CHNGOV>VNM 042", "2025-04-14 VNMGOV>CHNGOV 043"]
    );
    assert_eq!(
        ids(&mut store, by(None, Some("xi jinping"), None)),
        ["2025-04-14 CHNGOV>VNM 042"]
    );
    assert_eq!(
        ids(&mut store, by(Some("nobody at all"), None, None)),
        Vec::<String>::new()
    );
    // Both filters must hold (a source and a target code walk their dyad).
    assert_eq!(
        ids(&mut store, by(None, Some("UKR"), Some("RUS"))),
        ["2025-03-09 UKRGOV>RUSMIL 111"]
    );
    assert_eq!(
        ids(&mut store, by(None, Some("UKRGOV"), Some("RUSMIL"))),
        ["2025-03-09 UKRGOV>RUSMIL 111"]
    );
    assert_eq!(
        ids(&mut store, by(None, Some("RUS"), Some("UKR"))),
        ["2025-03-09 RUSMIL>UKRCVL 195"]
    );
    assert_eq!(
        ids(&mut store, by(None, Some("UKRMIL"), Some("RUS"))),
        Vec::<String>::new()
    );
    // A name with a code, and all three filters together.
    assert_eq!(
        ids(&mut store, by(None, Some("zelensky"), Some("RUS"))),
        ["2025-03-09 UKRGOV>RUSMIL 111"]
    );
    assert_eq!(
        ids(&mut store, by(Some("zelensky"), Some("UKR"), Some("RUS"))),
        ["2025-03-09 UKRGOV>RUSMIL 111"]
    );
}

fn code_quad_country_and_date_filters(backing: Backing) {
    let mut store = backing.open();
    ingest_all(&mut store);
    let code = |code: &str| EventQuery {
        code: Some(code.into()),
        ..EventQuery::default()
    };
    assert_eq!(
        ids(&mut store, code("19")),
        ["2025-03-09 RUSMIL>UKRCVL 195"]
    );
    assert_eq!(
        ids(&mut store, code("195")),
        ["2025-03-09 RUSMIL>UKRCVL 195"]
    );
    assert_eq!(ids(&mut store, code("18")).len(), 2);
    assert_eq!(ids(&mut store, code("1831")), Vec::<String>::new());
    assert!(matches!(
        store.events(&code("x")),
        Err(StoreError::Query(_))
    ));
    let quad = |quad| EventQuery {
        quad: Some(quad),
        ..EventQuery::default()
    };
    assert_eq!(
        ids(&mut store, quad(1)),
        ["2025-04-14 CHNGOV>VNM 042", "2025-04-14 VNMGOV>CHNGOV 043"]
    );
    assert_eq!(ids(&mut store, quad(3)), ["2025-03-09 UKRGOV>RUSMIL 111"]);
    assert_eq!(ids(&mut store, quad(4)).len(), 5);
    let country = EventQuery {
        country: Some("nga".into()),
        ..EventQuery::default()
    };
    assert_eq!(
        ids(&mut store, country),
        [
            "2025-04-14 NGACOP>NGACVL 173",
            "2025-04-14 NGAUAF>NGACVL 180",
            "2025-04-14 NGAUAF>NGACVL 180",
        ]
    );
    let april = EventQuery {
        from: "2025-04-01".parse().ok(),
        to: "2025-04-30".parse().ok(),
        ..EventQuery::default()
    };
    assert_eq!(ids(&mut store, april).len(), 5);
    let since_may = EventQuery {
        from: "2025-05-20".parse().ok(),
        ..EventQuery::default()
    };
    assert_eq!(ids(&mut store, since_may), ["2025-05-20 IGOEUREEC>RUS 163"]);
}

fn near_and_text_filters(backing: Backing) {
    let mut store = backing.open();
    ingest_all(&mut store);
    let near = |text: &str| EventQuery {
        near: Some(Near::parse(text).unwrap()),
        ..EventQuery::default()
    };
    assert_eq!(
        ids(&mut store, near("49.99,36.23,10")),
        ["2025-03-09 RUSMIL>UKRCVL 195"]
    );
    // Bokkos is about 83 km from Plateau state's centre point.
    assert_eq!(
        ids(&mut store, near("9.3,9.0,50")),
        ["2025-04-14 NGAUAF>NGACVL 180"]
    );
    assert_eq!(ids(&mut store, near("9.3,9.0,100")).len(), 2);
    let text = |text: &str| EventQuery {
        text: Some(text.into()),
        ..EventQuery::default()
    };
    assert_eq!(
        ids(&mut store, text("market")),
        ["2025-04-14 NGAUAF>NGACVL 180"]
    );
    assert_eq!(
        ids(&mut store, text("\"Kaura Namoda\"")),
        ["2025-04-14 NGAUAF>NGACVL 180"]
    );
    assert_eq!(
        ids(&mut store, text("\"Namoda Kaura\"")),
        Vec::<String>::new()
    );
    // Words anywhere in an article reporting the event, title included.
    assert_eq!(
        ids(&mut store, text("deadliest")).len(),
        2,
        "both events of the wire story"
    );
    assert_eq!(
        ids(&mut store, text("PACKAGE sanctions")),
        ["2025-05-20 IGOEUREEC>RUS 163"]
    );
    assert!(matches!(
        store.events(&text("\"\" ?")),
        Err(StoreError::Query(_))
    ));
}

fn rare_and_common_words_find_the_same_events_either_way(backing: Backing) {
    // SQLite looks rare words up first and probes common ones event by
    // event; both must give every match, newest first.
    let mut store = backing.open();
    store.ingest(&generated(300)).unwrap();
    store.ingest(&[kaura_namoda_wire()]).unwrap();
    let text = |words: &str, limit| EventQuery {
        text: Some(words.into()),
        limit,
        ..EventQuery::default()
    };
    let rare = store.events(&text("market", None)).unwrap();
    assert_eq!(rare.len(), 1);
    assert_eq!(rare[0].article_id, "wire-kaura-namoda");
    let common = store.events(&text("police parliament", None)).unwrap();
    assert_eq!(common.len(), 300);
    let newest = store.events(&text("police parliament", Some(5))).unwrap();
    let ids: Vec<_> = newest.iter().map(|e| e.event_id.clone()).collect();
    let expected: Vec<_> = common[..5].iter().map(|e| e.event_id.clone()).collect();
    assert_eq!(ids, expected);
    // gen-299 is dated last: 2020-01-01 plus 598 days.
    assert_eq!(newest[0].article_id, "gen-299");
}

fn results_come_newest_first_and_stop_at_the_limit(backing: Backing) {
    let mut store = backing.open();
    ingest_all(&mut store);
    let all = store.events(&EventQuery::default()).unwrap();
    assert_eq!(all.len(), 8);
    let dates: Vec<_> = all.iter().map(|e| e.date.clone().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let two = store
        .events(&EventQuery {
            limit: Some(2),
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(two.len(), 2);
    assert_eq!(two[0].code, "163");
    assert_eq!(two[1].event_id, all[1].event_id);
    let mut streamed = Vec::new();
    let count = store
        .for_each_event(&EventQuery::default(), |detail| {
            streamed.push(detail.record.event_id);
            Ok(())
        })
        .unwrap();
    assert_eq!(count, 8);
    assert_eq!(
        streamed,
        all.iter().map(|e| e.event_id.clone()).collect::<Vec<_>>()
    );
}

fn timeline_counts_and_mean_goldstein_per_period(backing: Backing) {
    let mut store = backing.open();
    ingest_all(&mut store);
    let russia = EventQuery {
        actor: Some("RUS".into()),
        ..EventQuery::default()
    };
    let months = store.timeline(&russia, Period::Month).unwrap();
    let rows: Vec<_> = months
        .iter()
        .map(|r| (r.period.as_str(), r.events, r.mentions, r.mean_goldstein))
        .collect();
    // March: the strike (-10, 3 mentions) and the condemnation (-2, 2 mentions).
    assert_eq!(
        rows,
        [("2025-03", 2, 5, Some(-6.0)), ("2025-05", 1, 1, Some(-8.0))]
    );
    // With a condition on the events themselves: only the strike (root 19).
    let fighting = EventQuery {
        code: Some("19".into()),
        ..russia.clone()
    };
    let months = store.timeline(&fighting, Period::Month).unwrap();
    let rows: Vec<_> = months
        .iter()
        .map(|r| (r.period.as_str(), r.events, r.mentions, r.mean_goldstein))
        .collect();
    assert_eq!(rows, [("2025-03", 1, 3, Some(-10.0))]);
    let weeks = store
        .timeline(&EventQuery::default(), Period::Week)
        .unwrap();
    let weeks: Vec<_> = weeks
        .iter()
        .map(|r| (r.period.as_str(), r.events))
        .collect();
    assert_eq!(weeks, [("2025-W10", 2), ("2025-W16", 5), ("2025-W21", 1)]);
    let days = store.timeline(&EventQuery::default(), Period::Day).unwrap();
    assert_eq!(days[0].period, "2025-03-09");
}

fn network_counts_dyads(backing: Backing) {
    let mut store = backing.open();
    ingest_all(&mut store);
    let dyads = store.network(&EventQuery::default(), 3).unwrap();
    let rows: Vec<_> = dyads
        .iter()
        .map(|d| {
            (
                d.source.as_str(),
                d.target.as_str(),
                d.events,
                d.mean_goldstein,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("NGAUAF", "NGACVL", 2, Some(-9.0)),
            ("CHNGOV", "VNM", 1, Some(1.9f32 as f64)),
            ("IGOEUREEC", "RUS", 1, Some(-8.0)),
        ]
    );
    let april = EventQuery {
        from: "2025-04-14".parse().ok(),
        to: "2025-04-14".parse().ok(),
        ..EventQuery::default()
    };
    assert_eq!(store.network(&april, 100).unwrap().len(), 4);
}

fn schema_version_is_recorded_and_a_newer_store_is_refused(backing: Backing) {
    let store = backing.open();
    drop(store);
    // Reopening applies nothing twice.
    let mut store = backing.open();
    assert_eq!(store.stats().unwrap().articles, 0);
    drop(store);
    let mut raw = raw_backend(&backing.location);
    raw.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')",
        &[],
    )
    .unwrap();
    drop(raw);
    match Store::open(&backing.location, OpenMode::Existing) {
        Err(StoreError::NewerSchema { found: 999, known }) => {
            assert_eq!(known, dateline_store::schema::current_version())
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Takes a store back to schema version 2 (no per-period sums, no QuadClass or root code
/// beside the actor keys, no totals beside the dyads, events by date
/// alone), as a store written by an older build.
fn downgrade_to_version_2(location: &str) {
    let mut raw = raw_backend(location);
    raw.execute_script(
        "DROP TABLE actor_periods;
         DROP INDEX event_actors_by_date;
         ALTER TABLE event_actors DROP COLUMN quad_class;
         ALTER TABLE event_actors DROP COLUMN root_code;
         CREATE INDEX event_actors_by_date
             ON event_actors (actor_key, date, event_id, roles, goldstein, num_mentions);
         DROP INDEX event_dyads_by_date;
         ALTER TABLE event_dyads DROP COLUMN goldstein;
         ALTER TABLE event_dyads DROP COLUMN num_mentions;
         ALTER TABLE event_dyads DROP COLUMN quad_class;
         ALTER TABLE event_dyads DROP COLUMN root_code;
         CREATE INDEX event_dyads_by_date ON event_dyads (source_key, target_key, date, event_id);
         DROP INDEX events_date;
         CREATE INDEX events_date ON events (date, id);
         DELETE FROM schema_migrations WHERE version > 2;",
    )
    .unwrap();
}

/// Takes a store back to schema version 1 (no dyads, no totals beside the
/// actor keys), as a store written by an older build.
fn downgrade_to_version_1(location: &str) {
    downgrade_to_version_2(location);
    let mut raw = raw_backend(location);
    raw.execute_script(
        "DROP TABLE event_dyads;
         DROP INDEX event_actors_by_date;
         ALTER TABLE event_actors DROP COLUMN goldstein;
         ALTER TABLE event_actors DROP COLUMN num_mentions;
         CREATE INDEX event_actors_by_date ON event_actors (actor_key, date, event_id);
         DELETE FROM schema_migrations WHERE version > 1;",
    )
    .unwrap();
}

fn a_version_2_store_is_upgraded_with_quad_classes_beside_its_keys(backing: Backing) {
    let mut store = backing.open();
    ingest_all(&mut store);
    let russia = EventQuery {
        actor: Some("RUS".into()),
        ..EventQuery::default()
    };
    let dyad = EventQuery {
        source: Some("UKRGOV".into()),
        target: Some("RUS".into()),
        ..EventQuery::default()
    };
    let queries = [
        russia.clone(),
        EventQuery {
            quad: Some(4),
            ..russia.clone()
        },
        EventQuery {
            code: Some("19".into()),
            ..russia
        },
        dyad.clone(),
        EventQuery {
            quad: Some(3),
            ..dyad
        },
    ];
    let answers = |store: &mut Store| -> Vec<_> {
        queries
            .iter()
            .map(|query| {
                let timeline = store.timeline_by_quad(query, Period::Week).unwrap();
                (ids(store, query.clone()), timeline)
            })
            .collect()
    };
    let before = answers(&mut store);
    assert!(before.iter().all(|(ids, _)| !ids.is_empty()), "{before:?}");
    drop(store);
    downgrade_to_version_2(&backing.location);
    let mut store = Store::open(&backing.location, OpenMode::Existing).unwrap();
    assert_eq!(answers(&mut store), before);
}

fn a_version_1_store_is_upgraded_with_its_dyads_and_totals(backing: Backing) {
    let mut store = backing.open();
    ingest_all(&mut store);
    drop(store);
    downgrade_to_version_1(&backing.location);
    let mut store = Store::open(&backing.location, OpenMode::Existing).unwrap();
    let dyad = EventQuery {
        source: Some("UKRGOV".into()),
        target: Some("RUS".into()),
        ..EventQuery::default()
    };
    assert_eq!(ids(&mut store, dyad), ["2025-03-09 UKRGOV>RUSMIL 111"]);
    let russia = EventQuery {
        actor: Some("RUS".into()),
        ..EventQuery::default()
    };
    let months: Vec<_> = store
        .timeline(&russia, Period::Month)
        .unwrap()
        .iter()
        .map(|r| (r.events, r.mentions, r.mean_goldstein))
        .collect();
    assert_eq!(months, [(2, 5, Some(-6.0)), (1, 1, Some(-8.0))]);
}

fn raw_backend(location: &str) -> Box<dyn dateline_store::Backend> {
    use dateline_store::backend::{postgres::PostgresBackend, sqlite::SqliteBackend};
    if location.starts_with("postgres") {
        Box::new(PostgresBackend::connect(location).unwrap())
    } else {
        Box::new(SqliteBackend::open(std::path::Path::new(location), false).unwrap())
    }
}

fn readers_work_while_an_ingest_runs(backing: Backing) {
    let mut store = backing.open();
    store.ingest(&[kharkiv_wire()]).unwrap();
    let writing = Arc::new(AtomicBool::new(true));
    let reads_during_write = Arc::new(AtomicUsize::new(0));
    let reader = {
        let location = backing.location.clone();
        let writing = Arc::clone(&writing);
        let reads = Arc::clone(&reads_during_write);
        std::thread::spawn(move || {
            let mut store = Store::open(&location, OpenMode::Existing).unwrap();
            while writing.load(Ordering::SeqCst) {
                let events = store.events(&EventQuery::default()).unwrap();
                // A reader sees whole batches only: 2 events before, 2 + 600 after.
                assert!(events.len() == 2 || events.len() == 602, "{}", events.len());
                if writing.load(Ordering::SeqCst) {
                    reads.fetch_add(1, Ordering::SeqCst);
                }
            }
        })
    };
    let report = store.ingest(&generated(600)).unwrap();
    writing.store(false, Ordering::SeqCst);
    reader.join().unwrap();
    assert_eq!(report.new_events, 600);
    assert!(
        reads_during_write.load(Ordering::SeqCst) > 0,
        "no read finished during the ingest"
    );
}

fn bad_reports_are_skipped_with_a_message_naming_them(backing: Backing) {
    let mut store = backing.open();
    let mut article = xi_visit();
    article.reports[1].code = "4X".into();
    let report = store.ingest(&[article]).unwrap();
    assert_eq!(report.reports, 1);
    assert_eq!(report.problems.len(), 1);
    assert!(
        report.problems[0].contains("daily-xi-hanoi")
            && report.problems[0].contains("daily-xi-hanoi-1-welcomed"),
        "{}",
        report.problems[0]
    );
    assert_eq!(store.stats().unwrap().events, 1);
}
