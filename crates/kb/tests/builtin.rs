//! Facts the built-in knowledge base must hold, checked by hand against public
//! records, and user files layered over it.

use chrono::NaiveDate;
use dateline_kb::{AgentClass, Cue, Kb, KbError};
use dateline_model::PlaceKind;

fn kb() -> Kb {
    Kb::builtin().expect("built-in data parses without diagnostics")
}

fn day(text: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
}

fn person<'a>(kb: &'a Kb, name: &str) -> &'a dateline_kb::Actor {
    kb.actors()
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

fn code_on(kb: &Kb, name: &str, date: &str) -> String {
    person(kb, name)
        .code_on(day(date))
        .unwrap()
        .as_str()
        .to_string()
}

#[test]
fn every_iso_country_with_cameo_exceptions() {
    let kb = kb();
    assert!(kb.countries().len() >= 250, "{}", kb.countries().len());
    for code in [
        "USA", "GBR", "RUS", "UKR", "PSE", "TWN", "ATA", "ABW", "KSV",
    ] {
        assert!(kb.country(code).is_some(), "{code} missing");
    }
    let kosovo = kb.country("KSV").unwrap();
    assert_eq!(kosovo.iso2.as_deref(), Some("XK"));
    let usa = kb.country("USA").unwrap();
    for name in ["U.S.", "US", "America", "United States of America"] {
        assert!(usa.names.iter().any(|n| n == name), "{name}");
    }
    assert_eq!(usa.capital.as_deref(), Some("Washington"));
    let gbr = kb.country("GBR").unwrap();
    assert!(
        gbr.names.iter().any(|n| n == "Britain") && gbr.demonyms.iter().any(|d| d == "British")
    );
    assert!(
        kb.country("RUS")
            .unwrap()
            .demonym_forms()
            .contains(&"Russians".to_string())
    );
}

#[test]
fn leaders_hold_office_on_the_right_days() {
    let kb = kb();
    assert_eq!(code_on(&kb, "Donald Trump", "2024-11-11"), "USAELI");
    assert_eq!(code_on(&kb, "Donald Trump", "2025-03-01"), "USAGOV");
    assert_eq!(code_on(&kb, "Donald Trump", "2018-06-01"), "USAGOV");
    assert_eq!(code_on(&kb, "Joe Biden", "2025-03-01"), "USAELI");
    assert_eq!(code_on(&kb, "Vladimir Putin", "2024-11-11"), "RUSGOV");
    assert_eq!(code_on(&kb, "Narendra Modi", "2024-11-11"), "INDGOV");
    assert_eq!(code_on(&kb, "Benjamin Netanyahu", "2024-11-11"), "ISRGOV");
    assert_eq!(code_on(&kb, "Benjamin Netanyahu", "2022-03-01"), "ISRELI");
    assert_eq!(code_on(&kb, "Keir Starmer", "2024-07-05"), "GBRGOV");
    assert_eq!(code_on(&kb, "Keir Starmer", "2024-07-04"), "GBRELI");
    // Curated: English names for labels that came in Portuguese.
    assert_eq!(code_on(&kb, "King Charles III", "2023-05-06"), "GBRGOV");
    assert_eq!(code_on(&kb, "Mark Rutte", "2025-01-01"), "IGOWSTNAT");
    assert_eq!(person(&kb, "Vladimir Putin").short, ["Putin"]);
    assert_eq!(person(&kb, "Xi Jinping").short, ["Xi"]);
}

#[test]
fn g20_ministers_and_organisations() {
    let kb = kb();
    assert_eq!(code_on(&kb, "Sergey Lavrov", "2024-11-11"), "RUSGOV");
    assert_eq!(code_on(&kb, "Antony Blinken", "2025-03-01"), "USAELI");
    assert_eq!(code_on(&kb, "Marco Rubio", "2025-03-01"), "USAGOV");
    assert_eq!(code_on(&kb, "Marco Rubio", "2015-03-01"), "USALEG");
    let taliban = kb.actor("org:taliban").unwrap();
    assert_eq!(
        taliban.code_on(day("2020-01-01")).unwrap().as_str(),
        "AFGREBTAL"
    );
    assert_eq!(
        taliban.code_on(day("2022-01-01")).unwrap().as_str(),
        "AFGGOVTAL"
    );
    let codes = [
        ("org:nato", "IGOWSTNAT"),
        ("org:eu", "IGOEUREEC"),
        ("org:au", "IGOAFRAFU"),
        ("org:asean", "IGOSEAASN"),
        ("org:opec", "IGOBUSOPC"),
        ("org:iaea", "IGOUNOIAE"),
        ("org:wapo", "USAMED"),
        ("met:kremlin", "RUSGOV"),
        ("met:pentagon", "USAMIL"),
        ("capital:CHN", "CHNGOV"),
    ];
    for (id, code) in codes {
        let actor = kb.actor(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(
            actor.code_on(day("2024-11-11")).unwrap().as_str(),
            code,
            "{id}"
        );
    }
}

#[test]
fn agents_have_roles_and_plurals() {
    let kb = kb();
    let police = kb.agent("police").unwrap();
    assert_eq!(
        (police.role.as_str(), police.class),
        ("COP", AgentClass::Group)
    );
    let security = kb.agent("security force").unwrap();
    assert!(security.forms().contains(&"security forces"));
    let official = kb.agent("official").unwrap();
    assert!(official.forms().contains(&"officials"));
    assert_eq!(
        kb.agent("gunman").unwrap().forms().last(),
        Some(&"attackers")
    );
    assert!(kb.agent("gunman").unwrap().forms().contains(&"gunmen"));
    assert_eq!(kb.agent("president").unwrap().class, AgentClass::Title);
    assert_eq!(kb.agent("president-elect").unwrap().role, "ELI");
    assert_eq!(kb.agent("protester").unwrap().role, "OPP");
    assert!(kb.has_cue("In", Cue::Locative) && kb.has_cue("May", Cue::Common));
    assert!(kb.is_given_name("Vladimir"));
}

#[test]
fn gazetteer_places() {
    let kb = kb();
    assert!(kb.places().len() > 30_000);
    let dc = kb.place("4140963").unwrap();
    assert_eq!(
        (dc.name.as_str(), dc.adm1.as_deref(), dc.kind),
        ("Washington", Some("US.DC"), PlaceKind::City)
    );
    assert!((dc.lat - 38.895).abs() < 0.01 && (dc.lon + 77.036).abs() < 0.01);
    let florida = kb
        .places()
        .iter()
        .find(|p| {
            p.name == "Florida" && p.kind == PlaceKind::Adm1 && p.country.as_deref() == Some("USA")
        })
        .unwrap();
    assert_eq!(florida.adm1.as_deref(), Some("US.FL"));
    let europe = kb.places().iter().find(|p| p.name == "Europe").unwrap();
    assert_eq!(europe.kind, PlaceKind::Continent);
    let kyiv = kb.place("703448").unwrap();
    assert!(kyiv.names.iter().any(|n| n == "Kiev"));
    let march = kb
        .places()
        .iter()
        .find(|p| p.name == "March" && p.kind == PlaceKind::City)
        .unwrap();
    assert_eq!(march.common_names, ["March"]);
}

#[test]
fn user_files_override_and_report_bad_lines() {
    let dir = std::env::temp_dir().join(format!("dateline-kb-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("agents.tsv");
    std::fs::write(
        &path,
        "name\trole\tclass\tnames\tplural\n\
         police\tCOPMIL\tgroup\t\tnone\n\
         drone operator\tMIL\tperson\t\t\n\
         sniper\tMI\tperson\t\t\n",
    )
    .unwrap();
    let mut kb = kb();
    let n_agents = kb.agents().len();
    let diagnostics = kb.extend_from(&path).unwrap();
    assert_eq!(diagnostics.len(), 1);
    let message = diagnostics[0].to_string();
    assert!(message.ends_with("agents.tsv:4: bad role 'MI': expected three-letter CAMEO role segments such as GOV or GOVMIL"), "{message}");
    assert_eq!(kb.agents().len(), n_agents + 1);
    assert_eq!(kb.agent("police").unwrap().role, "COPMIL");
    assert!(
        kb.agent("drone operator")
            .unwrap()
            .forms()
            .contains(&"drone operators")
    );

    let missing = kb.extend_from(&dir.join("absent.tsv"));
    assert!(matches!(missing, Err(KbError::Read { .. })));
    std::fs::remove_dir_all(&dir).unwrap();
}
