//! PETRARCH/TABARI actor and agent dictionaries written for these tests:
//! every format feature, the knowledge base they build, their diagnostics,
//! and the Dateline TSV that `dateline kb convert` writes from them.

use chrono::NaiveDate;
use dateline_kb::petrarch::{self, convert};
use dateline_kb::{ActorType, AgentClass, Kb};

const ACTORS: &str = "\
# Countries and the people who led them (dates checked by hand).
NORWAY_  [NOR]
+NORWEGIAN_
+KINGDOM_OF_NORWAY
; a TABARI comment
INGRID_HALVORSEN_  # a fictional prime minister
+HALVORSEN_
+PRIME_MINISTER_HALVORSEN
\t[NORELI 150101-191231]
\t[NORGOV >20200101]
\t[NORELI]
ARNE_BERG_ [NORGOV <991231]
NORTH_SEA_FISHERIES_COUNCIL_(NSFC)_
\t[IGOFSH]
OLSEN_FAMILY_TRUST [NORBUS 19990101-20031231] [NORELI] # two codes on one line
INDIAN_OCEAN
";

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

fn code_on(kb: &Kb, id: &str, date: &str) -> String {
    let actor = kb.actor(id).unwrap_or_else(|| panic!("{id} missing"));
    actor.code_on(day(date)).unwrap().to_string()
}

fn loaded(text: &str) -> Kb {
    let mut kb = Kb::empty();
    let diagnostics = petrarch::load_actors(&mut kb, "test.actors.txt", text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    kb
}

#[test]
fn countries_take_their_synonyms_as_names() {
    let kb = loaded(ACTORS);
    let norway = kb.country("NOR").unwrap();
    assert_eq!(norway.name, "Norway");
    assert_eq!(norway.names, ["NORWAY", "Norwegian", "Kingdom of Norway"]);
}

#[test]
fn date_restrictions_choose_the_code_on_the_article_date() {
    let kb = loaded(ACTORS);
    let id = "petrarch:INGRID_HALVORSEN";
    assert_eq!(code_on(&kb, id, "2016-06-01"), "NORELI");
    // Both ends of an interval are included.
    assert_eq!(code_on(&kb, id, "2019-12-31"), "NORELI");
    assert_eq!(code_on(&kb, id, "2020-01-01"), "NORGOV");
    assert_eq!(code_on(&kb, id, "2030-01-01"), "NORGOV");
    // Outside every range: the bare default.
    assert_eq!(code_on(&kb, id, "2010-01-01"), "NORELI");
    // "<" includes its day; no default means no code after it.
    let berg = kb.actor("petrarch:ARNE_BERG").unwrap();
    assert_eq!(berg.code_on(day("1999-12-31")).unwrap().as_str(), "NORGOV");
    assert_eq!(berg.code_on(day("2000-01-01")), None);
    // Two codes on the primary line.
    assert_eq!(
        code_on(&kb, "petrarch:OLSEN_FAMILY_TRUST", "2001-01-01"),
        "NORBUS"
    );
    assert_eq!(
        code_on(&kb, "petrarch:OLSEN_FAMILY_TRUST", "2005-01-01"),
        "NORELI"
    );
}

#[test]
fn names_types_and_countries_of_actors() {
    let kb = loaded(ACTORS);
    let halvorsen = kb.actor("petrarch:INGRID_HALVORSEN").unwrap();
    assert_eq!(halvorsen.name, "Ingrid Halvorsen");
    assert_eq!(halvorsen.names, ["Halvorsen", "Prime Minister Halvorsen"]);
    assert_eq!(halvorsen.actor_type, ActorType::Person);
    assert_eq!(halvorsen.country.as_deref(), Some("NOR"));
    let council = kb
        .actor("petrarch:NORTH_SEA_FISHERIES_COUNCIL_(NSFC)")
        .unwrap();
    assert_eq!(council.name, "North Sea Fisheries Council");
    assert_eq!(council.names, ["Nsfc", "NSFC"]);
    assert_eq!(council.actor_type, ActorType::Organisation);
    assert_eq!(council.country, None);
    // An entry with no code is null-coded, as in PETRARCH.
    let ocean = kb.actor("petrarch:INDIAN_OCEAN").unwrap();
    assert_eq!(ocean.code_on(None).unwrap().as_str(), "---");
}

#[test]
fn countries_merge_into_the_knowledge_base_they_join() {
    let mut kb = Kb::empty();
    assert!(petrarch::load_actors(&mut kb, "a.txt", "NORWAY_ [NOR]\n+NORGE\n").is_empty());
    assert!(petrarch::load_actors(&mut kb, "b.txt", "NOREG [NOR]\n+NORGE\n").is_empty());
    let norway = kb.country("NOR").unwrap();
    assert_eq!(norway.name, "Norway");
    assert_eq!(norway.names, ["NORWAY", "Norge", "NORGE", "Noreg", "NOREG"]);
}

#[test]
fn bad_lines_are_reported_with_file_and_line_and_the_rest_loads() {
    let text = "\
NORWAY_ [NOR]
ARNE_BERG_
\t[NORGOV 20201301-20211231]
\t[NORGOV 20211231-20201231]
\t[NORELI
+BERG]_
+A_BERG
KARI_NES_ [NORGOV]
";
    let (dictionary, diagnostics) = petrarch::parse_actors("bad.actors.txt", text);
    let found: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[0].starts_with("bad.actors.txt:3: [NORGOV 20201301-20211231]: bad date"));
    assert!(
        found[1].starts_with("bad.actors.txt:4:") && found[1].contains("ends before it starts")
    );
    assert!(found[2].starts_with("bad.actors.txt:5: unbalanced brackets"));
    assert!(found[3].starts_with("bad.actors.txt:6: unbalanced brackets"));
    let berg = dictionary
        .actors
        .iter()
        .find(|a| a.id == "petrarch:ARNE_BERG")
        .unwrap();
    assert_eq!(berg.names, ["A Berg"]);
    assert!(
        dictionary
            .actors
            .iter()
            .any(|a| a.id == "petrarch:KARI_NES")
    );
}

#[test]
fn malformed_dates_are_read_as_petrarch_reads_them_with_notes() {
    let text = "ARNE_BERG_\n\t[NORGOV >201005011]\n\t[NORELI 20121204]\n";
    let (dictionary, diagnostics) = petrarch::parse_actors("lenient.txt", text);
    assert!(diagnostics.is_empty());
    assert_eq!(dictionary.notes.len(), 2, "{:?}", dictionary.notes);
    assert_eq!(dictionary.notes[0].line, 2);
    let berg = &dictionary.actors[0];
    assert_eq!(berg.code_on(day("2010-05-01")).unwrap().as_str(), "NORGOV");
    assert_eq!(berg.code_on(day("2000-01-01")).unwrap().as_str(), "NORELI");
}

const AGENTS: &str = "\
<!-- Agents for the tests -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
SOLDIER [~MIL]
POLICE {} [~COP]
MINISTRY {MINISTRIES MINISTRYS} [~GOV]
COAST_GUARD [~MIL]
SPOKES!PERSON! [~GOV]
RELIEF_AGENCY [NGO~]
<Combine rule = \"GOVMIL => MIL\">
";

#[test]
fn agents_with_roles_plurals_and_substitutions() {
    let (dictionary, diagnostics) = petrarch::parse_agents("test.agents.txt", AGENTS);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let agent = |name: &str| {
        dictionary
            .agents
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    assert_eq!(agent("soldier").plurals, ["soldiers"]);
    assert_eq!(agent("soldier").role, "MIL");
    assert_eq!(agent("coast guard").plurals, ["coast guards"]);
    assert!(agent("police").plurals.is_empty());
    assert_eq!(agent("police").class, AgentClass::Group);
    assert_eq!(agent("ministry").plurals, ["ministries", "ministrys"]);
    let spokes = agent("spokesman");
    assert_eq!(spokes.names, ["spokesmen", "spokeswoman", "spokeswomen"]);
    assert!(
        spokes.plurals.is_empty(),
        "substituted forms get no plurals"
    );
    assert_eq!(agent("relief agency").role, "NGO");
    assert_eq!(dictionary.counts.prefix_roles, 1);
    assert_eq!(dictionary.counts.ignored_rules, 1);
    assert_eq!(dictionary.counts.substitution_sets, 1);
}

#[test]
fn agent_errors_name_their_line() {
    let text = "SOLDIER [~MIL]\nMARINE [~MI]\nSAILOR\nGUARD!X! [~MIL]\nPILOT [~MIL}\nRANGER {RANGERS [~MIL]\n";
    let (dictionary, diagnostics) = petrarch::parse_agents("bad.agents.txt", text);
    let lines: Vec<usize> = diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, [2, 3, 4, 5, 6], "{diagnostics:?}");
    assert!(diagnostics[2].message.contains("!X!"), "{}", diagnostics[2]);
    assert_eq!(dictionary.agents.len(), 1);
}

#[test]
fn converted_tsv_loads_back_to_the_same_entries() {
    let (actors, _) = petrarch::parse_actors("test.actors.txt", ACTORS);
    let (agents, _) = petrarch::parse_agents("test.agents.txt", AGENTS);
    let mut kb = Kb::empty();
    for (name, text) in [
        (
            "countries.tsv",
            convert::countries_tsv("test.actors.txt", &actors.countries),
        ),
        (
            "actors.tsv",
            convert::actors_tsv("test.actors.txt", &actors.actors),
        ),
        (
            "agents.tsv",
            convert::agents_tsv("test.agents.txt", &agents.agents),
        ),
    ] {
        let diagnostics = kb.extend_from_str(name, &text);
        assert!(diagnostics.is_empty(), "{name}: {diagnostics:?}\n{text}");
    }
    assert_eq!(kb.country("NOR").unwrap().names, actors.countries[0].names);
    for actor in &actors.actors {
        assert_eq!(kb.actor(&actor.id), Some(actor), "{}", actor.id);
    }
    for agent in &agents.agents {
        let loaded = kb.agent(&agent.name).unwrap();
        assert_eq!((&loaded.role, loaded.class), (&agent.role, agent.class));
        let mut expected = agent.forms();
        let mut found = loaded.forms();
        expected.sort();
        found.sort();
        assert_eq!(found, expected, "{}", agent.name);
    }
}
