//! Coding with PETRARCH/TABARI dictionaries written for these tests: every
//! verb-file feature (blocks, forms, multi-word verbs, synsets, `$ + % ^ _ *`,
//! paired and null codes, codes outside CAMEO), discard lists, issue coding
//! and the comma rules, on wire-style sentences. Actors and agents come from
//! PETRARCH-format dictionaries too, so the whole chain is exercised.

use std::sync::LazyLock;

use dateline_code::comma::CommaRules;
use dateline_code::discard::DiscardList;
use dateline_code::issues::IssueList;
use dateline_code::{Coder, CoderConfig, VerbDictionary, Verdict};
use dateline_kb::{Kb, petrarch};
use dateline_model::{Block, BlockKind, Doc, Meta, Span};
use dateline_recognise::Recogniser;

const ACTORS: &str = "\
# Countries: a bare three-letter code makes a country.
NORWAY_ [NOR]
+NORWEGIAN_
SWEDEN_ [SWE]
+SWEDISH_
DENMARK_ [DNK]
+DANISH_
FINLAND_ [FIN]
+FINNISH_
# A minister coded by his country alone, as dictionaries often do.
LARS_ERIKSEN_ [NOR]
# A leader whose code depends on the date.
INGRID_HALVORSEN_
+HALVORSEN_
\t[NORELI 150101-191231]
\t[NORGOV >20200101]
\t[NORELI]
";

const AGENTS: &str = "\
!PERSON! = MAN, MEN, WOMAN, WOMEN
SOLDIER [~MIL]
POLICE {} [~COP]
COAST_GUARD [~MIL]
SPOKES!PERSON! [~GOV]
PRIME_MINISTER [~GOV]
";

const VERBS: &str = "\
&WEAPON
+RIFLE
+MORTAR
+ROCKET_LAUNCHER

&TALKS_
+TALKS
+NEGOTIATIONS

--- ATTACK [190] ---
ASSAULT
BOMBARD [195]
- * + WITH &WEAPON [194]
- * POSITIONS OF + [193]
- $ * ^ BORDER_POST [1721]

--- CONSULT [040] ---
MEET {MEETS MET MEETING}
CONFER
- % * [040:040]
- * + FOR &TALKS [046:046]

--- ACCUSE [112] ---
ACCUSE
- * + OF_SPYING [1121]
- * + OF WAR_CRIMES_ [1122]

--- FIGHT [190] ---
+FIGHT_BACK {+FOUGHT_BACK +FIGHTING_BACK +FIGHTS_BACK}

--- DENOUNCE [111] ---
DENOUNCE
CONDEMN
- * + AS_A_MATTER_OF_ROUTINE [---]

--- SEIZE [174K] ---
SEIZE

--- RESTORE [064] ---
RESTORE
- * DIPLOMATIC [064]
- NOT * RELATIONS [112]

--- CRITICIZE [121] ---
CRITICIZE
";

static KB: LazyLock<Kb> = LazyLock::new(|| {
    let mut kb = Kb::empty();
    assert!(petrarch::load_actors(&mut kb, "test.actors.txt", ACTORS).is_empty());
    assert!(petrarch::load_agents(&mut kb, "test.agents.txt", AGENTS).is_empty());
    kb
});

static RECOGNISER: LazyLock<Recogniser> = LazyLock::new(|| Recogniser::build(&KB).unwrap());

fn dictionary() -> VerbDictionary {
    let mut dictionary = VerbDictionary::default();
    let load = dictionary.add_petrarch_file("test.verbs.txt", VERBS);
    assert!(load.errors.is_empty(), "{:?}", load.errors);
    dictionary
}

fn prepared(date: &str, text: &str) -> Doc {
    let meta = Meta {
        id: "test".into(),
        date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        ..Meta::default()
    };
    let mut doc = Doc::new(meta, text.to_string());
    let mut start = 0;
    for paragraph in text.split("\n\n") {
        doc.blocks.push(Block {
            span: Span::new(start, start + paragraph.len()),
            kind: BlockKind::Paragraph,
        });
        start += paragraph.len() + 2;
    }
    dateline_segment::segment(&mut doc);
    dateline_tag::tag(&mut doc);
    RECOGNISER.recognise(&mut doc);
    doc
}

fn triples_of(doc: &Doc) -> Vec<String> {
    doc.events
        .iter()
        .map(|e| {
            let target = e.target.as_ref().map_or("-".into(), |t| t.code.to_string());
            format!("{} {} {}", e.source.code, target, e.code)
        })
        .collect()
}

fn code_with(coder: &Coder, text: &str) -> Vec<String> {
    let mut doc = prepared("2024-05-02", text);
    coder.code(&mut doc);
    triples_of(&doc)
}

fn code(text: &str) -> Vec<String> {
    code_with(&Coder::new(dictionary(), CoderConfig::default()), text)
}

#[test]
fn a_verb_alone_takes_the_block_code_or_its_own() {
    assert_eq!(code("Norway assaulted Sweden on Monday."), ["NOR SWE 190"]);
    assert_eq!(code("Norway bombarded Sweden overnight."), ["NOR SWE 195"]);
}

#[test]
fn patterns_apply_to_every_verb_of_the_block() {
    // Written for the block, the pattern fires on ASSAULT and BOMBARD alike.
    assert_eq!(
        code("Norway assaulted Sweden with mortars on Monday."),
        ["NOR SWE 194"]
    );
    assert_eq!(
        code("Norway bombarded Sweden with rifles."),
        ["NOR SWE 194"]
    );
}

#[test]
fn synset_members_match_with_their_plurals_and_as_phrases() {
    assert_eq!(
        code("Norway assaulted Sweden with a rocket launcher."),
        ["NOR SWE 194"]
    );
    assert_eq!(
        code("Norway met Sweden for negotiations in Oslo."),
        ["NOR SWE 046", "SWE NOR 046"]
    );
}

#[test]
fn any_words_may_stand_between_pattern_words() {
    assert_eq!(
        code("Norway assaulted the fortified northern positions of Sweden."),
        ["NOR SWE 193"]
    );
}

#[test]
fn skip_and_explicit_source_after_the_subject() {
    assert_eq!(
        code("Norway assaulted an old border post near Sweden."),
        ["NOR SWE 1721"]
    );
}

#[test]
fn joined_words_must_touch_and_a_final_underscore_matches_as_written() {
    assert_eq!(code("Denmark accused Finland of spying."), ["DNK FIN 1121"]);
    // "of" and "spying" are joined: a word between them breaks the phrase.
    assert_eq!(
        code("Denmark accused Finland of industrial spying."),
        ["DNK FIN 112"]
    );
    assert_eq!(
        code("Denmark accused Finland of war crimes."),
        ["DNK FIN 1122"]
    );
    // "CRIMES_" matches only as written.
    assert_eq!(
        code("Denmark accused Finland of a war crime."),
        ["DNK FIN 112"]
    );
}

#[test]
fn irregular_forms_and_generated_regular_forms() {
    assert_eq!(code("Norway met Sweden in Oslo."), ["NOR SWE 040"]);
    assert_eq!(code("Norway meets Sweden in Oslo."), ["NOR SWE 040"]);
    assert_eq!(code("Norway confers with Sweden."), ["NOR SWE 040"]);
}

#[test]
fn compound_groups_act_on_each_other_with_paired_codes() {
    assert_eq!(
        code("Norway and Denmark met on Tuesday."),
        ["NOR DNK 040", "DNK NOR 040"]
    );
}

#[test]
fn multi_word_verbs_and_their_listed_forms() {
    assert_eq!(code("Sweden fought back against Norway."), ["SWE NOR 190"]);
}

#[test]
fn null_codes_block_weaker_patterns() {
    assert_eq!(code("Norway condemned Sweden."), ["NOR SWE 111"]);
    assert!(code("Norway condemned Sweden as a matter of routine.").is_empty());
}

#[test]
fn codes_outside_cameo_pass_through_unchanged() {
    let mut doc = prepared("2024-05-02", "Norway seized Sweden on Monday.");
    Coder::new(dictionary(), CoderConfig::default()).code(&mut doc);
    assert_eq!(triples_of(&doc), ["NOR SWE 174K"]);
    assert!(doc.events[0].code.info().is_none(), "no Goldstein score");
}

#[test]
fn dated_actor_codes_follow_the_article_date() {
    let coder = Coder::new(dictionary(), CoderConfig::default());
    let mut before = prepared("2018-03-01", "Ingrid Halvorsen denounced Sweden.");
    coder.code(&mut before);
    assert_eq!(triples_of(&before), ["NORELI SWE 111"]);
    let mut after = prepared("2021-03-01", "Halvorsen denounced Sweden.");
    coder.code(&mut after);
    assert_eq!(triples_of(&after), ["NORGOV SWE 111"]);
}

#[test]
fn agents_combine_with_countries() {
    assert_eq!(
        code("Norwegian soldiers assaulted Swedish police near the border."),
        ["NORMIL SWECOP 190"]
    );
}

#[test]
fn require_dyad_false_keeps_events_without_a_target() {
    let open = CoderConfig {
        require_dyad: false,
        ..CoderConfig::default()
    };
    let coder = Coder::new(dictionary(), open);
    assert_eq!(
        code_with(&coder, "Norway assaulted the area at dawn."),
        ["NOR - 190"]
    );
    assert!(code("Norway assaulted the area at dawn.").is_empty());
}

#[test]
fn discarded_sentences_and_stories_yield_no_events_and_say_why() {
    let (discards, errors) =
        DiscardList::parse("test.discards.txt", "HANDBALL\n+CHESS OLYMPIAD_\n");
    assert!(errors.is_empty());
    let coder = Coder::new(dictionary(), CoderConfig::default()).with_discards(discards);
    let text =
        "Norway assaulted Sweden with rifles.\n\nNorway crushed Sweden at handball on Sunday.";
    let mut doc = prepared("2024-05-02", text);
    let explanations = coder.code_explained(&mut doc);
    assert_eq!(triples_of(&doc), ["NOR SWE 194"]);
    let discarded = explanations
        .iter()
        .find(|e| e.rule == "discard:HANDBALL")
        .expect("the discarded sentence is explained");
    assert_eq!(doc.text(discarded.trigger), "handball");
    assert!(
        matches!(&discarded.verdict, Verdict::Rejected(why) if why.contains("test.discards.txt:1")),
        "{discarded:?}"
    );
    let story = "Norway assaulted Sweden with rifles.\n\nThe Chess Olympiad opened in Oslo.";
    let mut doc = prepared("2024-05-02", story);
    let explanations = coder.code_explained(&mut doc);
    assert!(
        doc.events.is_empty(),
        "a '+' phrase discards the whole story"
    );
    assert_eq!(explanations.len(), 1);
    assert_eq!(explanations[0].rule, "discard:CHESS OLYMPIAD_");
}

#[test]
fn issues_tag_the_events_of_their_sentence() {
    let issues_text = "<ISSUE CATEGORY=\"SECURITY\">\nn:fishery [FISHERIES]\nborder n:dispute [BORDERS]\n~fishery museum\n</ISSUE>\n";
    let (issues, errors) = IssueList::parse("test.issues.txt", issues_text);
    assert!(errors.is_empty(), "{errors:?}");
    let coder = Coder::new(dictionary(), CoderConfig::default()).with_issues(issues);
    let mut doc = prepared(
        "2024-05-02",
        "Norway assaulted Sweden over fisheries and a border dispute.",
    );
    coder.code(&mut doc);
    assert_eq!(doc.events[0].issues, ["FISHERIES", "BORDERS"]);
    let mut ignored = prepared(
        "2024-05-02",
        "Norway assaulted Sweden near the fishery museum.",
    );
    coder.code(&mut ignored);
    assert!(ignored.events[0].issues.is_empty());
}

#[test]
fn comma_rules_hide_asides_and_trailing_attributions() {
    let text = "Norway, which Sweden denounced last week, assaulted Denmark.";
    let plain = Coder::new(dictionary(), CoderConfig::default());
    let commas = Coder::new(
        dictionary(),
        CoderConfig {
            commas: CommaRules::PETRARCH,
            ..CoderConfig::default()
        },
    );
    assert!(code_with(&plain, text).contains(&"NOR DNK 190".to_string()));
    let hidden = code_with(&commas, text);
    assert_eq!(hidden, ["NOR DNK 190"], "the aside's verb is hidden");
}

#[test]
fn dictionary_errors_name_file_and_line_and_the_rest_loads() {
    let broken = "\
--- ATTACK [190] ---
ASSAULT
- * + WITH &NOWHERE [194]
- * + ON FOOT [1x9]
- * + AT NIGHT
- * POSITIONS OF + [193]
";
    let mut dictionary = VerbDictionary::default();
    let load = dictionary.add_petrarch_file("broken.verbs.txt", broken);
    let lines: Vec<usize> = load.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [4, 5, 3], "{:?}", load.errors);
    assert!(
        load.errors[2]
            .to_string()
            .starts_with("broken.verbs.txt:3: synset &NOWHERE")
    );
    let coder = Coder::new(dictionary, CoderConfig::default());
    assert_eq!(
        code_with(&coder, "Norway assaulted the positions of Sweden."),
        ["NOR SWE 193"]
    );
}

/// The coder as the CLI configures it with PETRARCH dictionaries only.
fn petrarch_mode() -> Coder {
    let config = CoderConfig {
        recode_modality: false,
        ..CoderConfig::default()
    };
    Coder::new(dictionary(), config)
}

#[test]
fn the_default_target_is_the_first_actor_of_the_verb_phrase() {
    // No '+' in the pattern: the target is found past the object and its
    // prepositions, as PETRARCH reads the verb phrase.
    assert_eq!(
        code("Norway criticized the closure of schools in Sweden."),
        ["NOR SWE 121"]
    );
    assert_eq!(
        code("Norway restored full diplomatic ties with Sweden."),
        ["NOR SWE 064"]
    );
    // A comma or a new clause ends the verb phrase.
    assert!(code("Norway criticized the closure, Sweden said.").is_empty());
}

#[test]
fn is_about_to_frames_an_intended_act_coded_as_the_dictionary_says() {
    assert_eq!(
        code_with(
            &petrarch_mode(),
            "Norway is about to restore full diplomatic ties with Sweden."
        ),
        ["NOR SWE 064"]
    );
}

#[test]
fn a_negation_the_pattern_spells_is_coded_not_dropped() {
    assert_eq!(
        code("Norway did not restore relations with Sweden."),
        ["NOR SWE 112"]
    );
    // A negation the pattern does not spell still drops the event.
    assert!(code("Norway did not assault Sweden.").is_empty());
}

#[test]
fn an_agent_before_a_name_the_dictionary_codes_by_country_keeps_its_role() {
    assert_eq!(
        code("Norwegian Prime Minister Lars Eriksen criticized Sweden."),
        ["NORGOV SWE 121"]
    );
}
