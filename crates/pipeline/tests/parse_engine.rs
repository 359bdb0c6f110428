//! The parse engine codes arguments the parse leaves implicit or hangs in
//! the wrong place: the subject of an "-ing" or "to" adjunct is the main
//! clause's, and a target phrase the parser attached to a time phrase
//! still belongs to the verb; a quoted "I" or "we" is whoever introduces
//! the quotation; "the embassy" is the embassy named before; a light
//! verb's double object asserts its event noun. Sentences written for
//! these tests; each expected triple checked by hand against the CAMEO
//! codebook.

use dateline_model::{Block, BlockKind, Doc, Meta, Span};
use dateline_pipeline::{Engine, Pipeline, PipelineConfig, Stage};

fn triples(body: &str) -> Vec<String> {
    triples_with(Engine::Parse, body)
}

fn triples_with(engine: Engine, body: &str) -> Vec<String> {
    let meta = Meta {
        date: chrono::NaiveDate::from_ymd_opt(2023, 5, 14),
        ..Meta::default()
    };
    let mut doc = Doc::new(meta, body.to_string());
    doc.blocks.push(Block {
        span: Span::new(0, body.len()),
        kind: BlockKind::Paragraph,
    });
    let mut config = PipelineConfig::default();
    config.coder.engine = engine;
    let pipeline = Pipeline::build(&config).expect("pipeline").0;
    pipeline.process(&mut doc, Stage::Code);
    doc.events
        .iter()
        .map(|event| {
            let target = event
                .target
                .as_ref()
                .map_or("-".to_string(), |t| t.code.to_string());
            let root = event.code.root();
            format!("{} {target} {root}", event.source.code)
        })
        .collect()
}

#[test]
fn an_ing_adjunct_acts_for_the_main_subject() {
    let found = triples(
        "Kenyan President William Ruto left the summit early on Tuesday, accusing Ethiopia of bad faith.",
    );
    assert!(found.contains(&"KENGOV ETH 11".to_string()), "{found:?}");
}

#[test]
fn a_target_phrase_hung_on_a_time_phrase_is_the_verbs() {
    let found =
        triples("Chinese envoys met on Friday with Kenyan President William Ruto in Nairobi.");
    assert!(found.iter().any(|t| t.ends_with(" KENGOV 04")), "{found:?}");
}

#[test]
fn a_quoted_i_is_whoever_introduces_the_quotation() {
    let found = triples(
        "Kenyan President William Ruto responded on Twitter: \"I strongly condemn Ethiopia's decision.\"",
    );
    assert!(found.contains(&"KENGOV ETH 11".to_string()), "{found:?}");
}

#[test]
fn a_quotation_running_on_keeps_its_speaker() {
    let found = triples(
        "Kenyan President William Ruto spoke to reporters in Nairobi: \"We have been patient. \
         We condemn Ethiopia's decision to close the border.\"",
    );
    assert!(found.contains(&"KENGOV ETH 11".to_string()), "{found:?}");
}

#[test]
fn a_bare_definite_noun_names_the_actor_named_with_it_before() {
    let found = triples(
        "Protesters gathered outside the Ethiopian Embassy in Nairobi on Monday. \
         The embassy accused Kenya of failing to protect its staff.",
    );
    assert!(found.contains(&"ETH KEN 11".to_string()), "{found:?}");
}

#[test]
fn a_double_objects_event_noun_is_asserted_by_its_light_verb() {
    let found = triples(
        "Kenyan President William Ruto gave Ethiopia a final deadline to withdraw its troops.",
    );
    assert!(found.contains(&"KENGOV ETH 13".to_string()), "{found:?}");
}

#[test]
fn a_month_is_no_event() {
    let found = triples("Last March, Kenyan students made an appeal to Ethiopia.");
    assert!(!found.iter().any(|t| t.ends_with(" 14")), "{found:?}");
    assert!(found.iter().any(|t| t.ends_with(" ETH 02")), "{found:?}");
}

#[test]
fn an_adjective_on_an_event_noun_names_no_actor() {
    // "full" in "a full pardon" names no one: the pardon is the light
    // verb's subject's.
    let found = triples(
        "Kenyan President William Ruto granted Ethiopian opposition leader Jawar Mohammed a full pardon.",
    );
    assert!(found.contains(&"KENGOV ETHOPP 08".to_string()), "{found:?}");
}

#[test]
fn an_unknown_person_arrested_is_a_suspect_of_the_articles_country() {
    let found = triples("Kenyan police arrested Otieno Kamau in Nairobi on Monday.");
    assert!(found.contains(&"KENCOP KENCRM 17".to_string()), "{found:?}");
    // Meeting someone says nothing of who they are.
    let found = triples("Kenyan police met Otieno Kamau in Nairobi on Monday.");
    assert!(!found.iter().any(|t| t.contains("CRM")), "{found:?}");
}

#[test]
fn an_agent_of_several_countries_is_each_countrys() {
    let found = triples("The delegations of Kenya and Ethiopia met in Nairobi on Monday.");
    assert!(found.contains(&"KENGOV ETHGOV 04".to_string()), "{found:?}");
    assert!(found.contains(&"ETHGOV KENGOV 04".to_string()), "{found:?}");
}

#[test]
fn a_definite_act_is_aimed_at_whoever_did_the_latest_act() {
    let found = triples(
        "Ethiopia closed its border with Kenya on Monday. \
         Kenyan President William Ruto criticised the move.",
    );
    assert!(found.contains(&"KENGOV ETH 11".to_string()), "{found:?}");
    // Claiming an act is aimed at its victim.
    let found = triples(
        "Al-Shabaab fighters attacked Kenyan troops near Mandera on Monday. \
         Al-Shabaab later claimed responsibility for the attack.",
    );
    assert!(
        found.contains(&"SOMREBSHB KENMIL 01".to_string()),
        "{found:?}"
    );
}

#[test]
fn a_subject_event_nouns_target_hangs_on_its_predicate() {
    let found = triples(
        "Kenyan President William Ruto wrote on Twitter: \"My thoughts are with the families of the victims.\"",
    );
    assert!(found.contains(&"KENGOV KENCVL 01".to_string()), "{found:?}");
}

#[test]
fn a_country_and_its_own_actor_in_one_phrase_are_one_party() {
    let found = triples("Kenya banned the British news agency Reuters on Monday.");
    assert_eq!(found, vec!["KEN GBRMED 17".to_string()]);
}

#[test]
fn a_modal_reaches_down_open_complements() {
    let found = triples(
        "Kenyan President William Ruto said Kenya would consider expelling the Ethiopian ambassador.",
    );
    assert!(found.is_empty(), "{found:?}");
    // Without the modal the act is reported.
    let found = triples(
        "Kenyan President William Ruto said Kenya began expelling the Ethiopian ambassador.",
    );
    assert!(found.contains(&"KEN ETHGOV 16".to_string()), "{found:?}");
}

#[test]
fn an_unknown_person_who_assaults_is_an_attacker_of_the_articles_country() {
    let found = triples(
        "On Friday, 31-year-old Daniel Okafor stabbed three people at a market in Nairobi.",
    );
    assert!(found.contains(&"KENUAF KENCVL 18".to_string()), "{found:?}");
}

#[test]
fn a_quotation_right_after_the_object_is_a_charged_naming() {
    let found = triples(
        "Kenyan President William Ruto called Ethiopia's dam plan a \"grab and theft of our water\".",
    );
    assert!(found.contains(&"KENGOV ETH 11".to_string()), "{found:?}");
}

#[test]
fn a_claim_about_another_actors_act_accuses_them() {
    let found = triples(
        "Kenyan President William Ruto claimed Ethiopian militias were smuggling weapons into Kenya.",
    );
    assert!(found.contains(&"KENGOV ETHREB 11".to_string()), "{found:?}");
}

#[test]
fn a_main_clause_in_the_past_perfect_is_background() {
    let found = triples("Kenya had accused Ethiopia of arming the rebels.");
    assert!(found.is_empty(), "{found:?}");
    let found = triples("Kenya accused Ethiopia of arming the rebels.");
    assert!(found.contains(&"KEN ETH 11".to_string()), "{found:?}");
    // Shifted back in reported speech, it is still the story.
    let found = triples("Kenyan officials said Ethiopia had attacked a Kenyan border post.");
    assert!(found.iter().any(|t| t.starts_with("ETH KEN")), "{found:?}");
}

#[test]
fn an_infinitive_tried_or_allowed_is_not_done() {
    let found = triples("Ethiopian troops tried to seize the Kenyan border town of Moyale.");
    assert!(found.is_empty(), "{found:?}");
    let found = triples("The court allowed Kenyan police to arrest the Ethiopian ambassador.");
    assert!(!found.iter().any(|t| t.starts_with("KENCOP")), "{found:?}");
    // A verb that tells the act was done keeps it.
    let found = triples("Ethiopian troops began to shell the Kenyan border town of Moyale.");
    assert!(
        found.iter().any(|t| t.starts_with("ETHMIL KEN")),
        "{found:?}"
    );
}

#[test]
fn with_both_engines_an_act_the_parse_reads_as_not_asserted_stays_uncoded() {
    // The patterns engine alone codes both (112, 161).
    for body in [
        "Kenya had accused Ethiopia of arming the rebels.",
        "Kenyan officials said Kenya had tried to expel the Ethiopian ambassador.",
    ] {
        let found = triples_with(Engine::Both, body);
        assert!(found.is_empty(), "{body}: {found:?}");
    }
}

#[test]
fn protesters_demands_with_no_addressee_are_on_their_government() {
    let found = triples("Kenyan protesters' demands have included lower fuel prices.");
    assert!(found.contains(&"KENOPP KENGOV 10".to_string()), "{found:?}");
}
