//! The coder's behaviour on sentences written for these tests, with a small
//! pattern dictionary of their own (so changes to the built-in patterns do
//! not move these expectations) and the built-in knowledge base.

use std::sync::LazyLock;

use dateline_code::{Coder, CoderConfig, KeepPolicy, VerbDictionary};
use dateline_kb::Kb;
use dateline_model::{Block, BlockKind, Doc, Meta, Span};
use dateline_recognise::Recogniser;

const PATTERNS: &str = "\
040  $ meet (with)? +
040  $ reach out to +
041  $ hold (a)? (phone|telephone) (call|conversation) with +
041  $ call +
111  $ call + (a)? liar
042  $ visit +
043  $ receive + (in|at)
036  $ express interest in (talks|discussions) (with +)?
0256 $ urge + to (de-escalate|show restraint)
020  $ urge +
022  $ call on + to join
111  $ condemn +
112  $ accuse + of
1412 $ protest ^ against ^ (plan|quotas) (by +)?
173  $ arrest +
1723 $ impose ^ curfew (in +)?
180  $ kill +
190  $ attack +
190  $ continue (its)? (military)? offensive (against +)?
057  % sign (an)? agreement
050  $ restore ^ ties (with +)?
";

static RECOGNISER: LazyLock<Recogniser> =
    LazyLock::new(|| Recogniser::build(&Kb::builtin().unwrap()).unwrap());

fn coder(config: CoderConfig) -> Coder {
    let mut dictionary = VerbDictionary::default();
    assert!(
        dictionary
            .add_file("test-patterns.txt", PATTERNS)
            .is_empty()
    );
    Coder::new(dictionary, config)
}

/// Codes `text` (paragraphs split by blank lines) dated `date`.
fn doc(date: &str, place: Option<&str>, text: &str) -> Doc {
    let meta = Meta {
        id: "test".into(),
        date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        place: place.map(str::to_string),
        ..Meta::default()
    };
    let mut doc = Doc::new(meta, text.to_string());
    let mut start = 0;
    for paragraph in text.split("\n\n") {
        let kind = if paragraph.ends_with(['.', '?', '"', '!']) {
            BlockKind::Paragraph
        } else {
            BlockKind::Heading
        };
        doc.blocks.push(Block {
            span: Span::new(start, start + paragraph.len()),
            kind,
        });
        start += paragraph.len() + 2;
    }
    dateline_segment::segment(&mut doc);
    dateline_tag::tag(&mut doc);
    RECOGNISER.recognise(&mut doc);
    doc
}

fn triples_with(config: CoderConfig, date: &str, text: &str) -> Vec<String> {
    let mut doc = doc(date, None, text);
    coder(config).code(&mut doc);
    for event in &doc.events {
        // Every evidence span slices the body.
        assert!(doc.body().get(event.trigger.range()).is_some());
        for span in [
            event.source.span,
            event.target.as_ref().and_then(|t| t.span),
        ]
        .into_iter()
        .flatten()
        {
            assert!(doc.body().get(span.range()).is_some());
        }
    }
    doc.events
        .iter()
        .map(|e| {
            let target = e
                .target
                .as_ref()
                .map_or("-".to_string(), |t| t.code.to_string());
            format!("{} {} {}", e.source.code, target, e.code)
        })
        .collect()
}

fn triples(date: &str, text: &str) -> Vec<String> {
    triples_with(CoderConfig::default(), date, text)
}

#[test]
fn active_voice_with_titles() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Indian Prime Minister Narendra Modi met Russian President Vladimir Putin on Tuesday."
        ),
        ["INDGOV RUSGOV 040"]
    );
}

#[test]
fn passive_voice_takes_the_by_agent_as_source() {
    assert_eq!(
        triples("2023-06-01", "Ukraine was attacked by Russia on Monday."),
        ["RUS UKR 190"]
    );
    // No agent, no event.
    assert!(triples("2023-06-01", "Ukraine was attacked overnight.").is_empty());
}

#[test]
fn compound_sources_and_targets_expand() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Russia and China condemned Japan and Australia."
        ),
        ["RUS JPN 111", "RUS AUS 111", "CHN JPN 111", "CHN AUS 111"]
    );
}

#[test]
fn compound_group_pattern_codes_both_ways() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Russia and China signed an agreement on energy."
        ),
        ["RUS CHN 057", "CHN RUS 057"]
    );
}

#[test]
fn appositives_and_relative_clauses_are_skipped_to_find_the_subject() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Putin, who arrived in Delhi on Monday, met Modi."
        ),
        ["RUSGOV INDGOV 040"]
    );
}

#[test]
fn relative_clause_actions_are_background() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Modi, who met Putin last month, condemned Pakistan."
        ),
        ["INDGOV PAK 111"]
    );
}

#[test]
fn reported_speech_codes_the_reported_act_and_credits_the_speaker() {
    let mut doc = doc(
        "2023-06-01",
        None,
        "Ukraine said Russia attacked Moldova on Sunday.",
    );
    coder(CoderConfig::default()).code(&mut doc);
    assert_eq!(doc.events.len(), 1);
    let event = &doc.events[0];
    assert_eq!(
        (
            event.source.code.as_str(),
            event.target.as_ref().unwrap().code.as_str()
        ),
        ("RUS", "MDA")
    );
    let attribution = event.attribution.as_ref().unwrap();
    assert_eq!(attribution.text, "Ukraine");
    assert_eq!(attribution.code.as_ref().unwrap().as_str(), "UKR");
}

#[test]
fn according_to_credits_the_named_source() {
    let mut doc = doc(
        "2023-06-01",
        None,
        "Russia attacked Moldova, according to a report from The Washington Post.",
    );
    coder(CoderConfig::default()).code(&mut doc);
    let attribution = doc.events[0].attribution.as_ref().unwrap();
    assert_eq!(attribution.text, "The Washington Post");
    assert_eq!(attribution.code.as_ref().unwrap().as_str(), "USAMED");
}

#[test]
fn negated_actions_are_dropped_or_marked() {
    assert!(triples("2023-06-01", "Modi did not meet Putin.").is_empty());
    assert!(triples("2023-06-01", "Modi never met Putin.").is_empty());
    let marked = CoderConfig {
        negated: KeepPolicy::Mark,
        ..CoderConfig::default()
    };
    let mut doc = doc("2023-06-01", None, "Modi did not meet Putin.");
    coder(marked).code(&mut doc);
    assert!(doc.events[0].negated);
}

#[test]
fn intentions_become_intent_codes() {
    assert_eq!(
        triples("2023-06-01", "Modi plans to visit Russia next month."),
        ["INDGOV RUS 036"]
    );
    assert_eq!(
        triples("2023-06-01", "Modi will visit Russia in July."),
        ["INDGOV RUS 036"]
    );
    assert_eq!(
        triples("2023-06-01", "Russia threatened to attack Moldova."),
        ["RUS MDA 138"]
    );
}

#[test]
fn questions_and_conditionals_are_not_events() {
    assert!(triples("2023-06-01", "Will Russia attack Moldova?").is_empty());
    assert!(
        triples(
            "2023-06-01",
            "If Russia attacks Moldova, NATO will respond."
        )
        .is_empty()
    );
}

#[test]
fn specific_patterns_win_over_general_ones() {
    assert_eq!(
        triples("2023-06-01", "France urged Russia to show restraint."),
        ["FRA RUS 0256"]
    );
    assert_eq!(
        triples("2023-06-01", "France urged Russia on Monday."),
        ["FRA RUS 020"]
    );
}

#[test]
fn object_pronouns_resolve_to_the_other_person() {
    assert_eq!(
        triples(
            "2024-11-11",
            "Putin called Modi on Friday and urged him to show restraint."
        ),
        ["RUSGOV INDGOV 041", "RUSGOV INDGOV 0256"]
    );
}

#[test]
fn members_named_after_including_are_the_targets() {
    assert_eq!(
        triples(
            "2024-11-20",
            "Donald Trump has reached out to dozens of world leaders, including Narendra Modi and Benjamin Netanyahu."
        ),
        ["USAELI INDGOV 040", "USAELI ISRGOV 040"]
    );
}

#[test]
fn roles_follow_the_article_date() {
    let text = "Donald Trump met Vladimir Putin.";
    assert_eq!(triples("2024-11-11", text), ["USAELI RUSGOV 040"]);
    assert_eq!(triples("2025-03-01", text), ["USAGOV RUSGOV 040"]);
}

#[test]
fn missing_targets_come_from_context() {
    let text = "Donald Trump held a phone conversation with Vladimir Putin on Sunday.\n\n\
                The call centered on the war, with Trump expressing interest in follow-up discussions.\n\n\
                Tensions remain high in Ukraine, with Russia continuing its military offensive.";
    assert_eq!(
        triples("2024-11-11", text),
        ["USAELI RUSGOV 041", "USAELI RUSGOV 036", "RUS UKR 190"]
    );
}

#[test]
fn background_clauses_and_earlier_years_are_not_coded() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Japan condemned Russia after Russia attacked Moldova."
        ),
        ["JPN RUS 111"]
    );
    assert!(triples("2023-06-01", "Russia attacked Georgia in 2008.").is_empty());
}

#[test]
fn meeting_codes_follow_the_place() {
    assert_eq!(
        triples("2023-06-01", "Modi met Putin in Moscow on Tuesday."),
        ["INDGOV RUSGOV 042"]
    );
    assert_eq!(
        triples("2023-06-01", "Modi met Putin in New Delhi on Tuesday."),
        ["INDGOV RUSGOV 043"]
    );
    assert_eq!(
        triples("2023-06-01", "Modi met Putin in Tashkent on Tuesday."),
        ["INDGOV RUSGOV 044"]
    );
}

#[test]
fn agents_without_a_country_take_the_sentence_place() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Police arrested protesters in Nairobi on Tuesday."
        ),
        ["KENCOP KENOPP 173"]
    );
}

#[test]
fn places_given_later_locate_the_event_and_the_dateline_is_the_fallback() {
    let text = "Donald Trump held a phone conversation with Vladimir Putin.\n\n\
                The phone call took place while Trump was at his resort in Florida.\n\n\
                Russia attacked Moldova on Sunday.";
    let mut doc = doc("2024-11-11", Some("Washington"), text);
    coder(CoderConfig::default()).code(&mut doc);
    let places: Vec<&str> = doc
        .events
        .iter()
        .map(|e| e.location.as_ref().map_or("-", |l| l.place.name.as_str()))
        .collect();
    assert_eq!(places[0], "Florida");
    assert!(places[1].starts_with("Washington"), "{places:?}");
}

#[test]
fn headings_that_repeat_the_body_are_not_coded_again() {
    let text = "Modi Meets Putin\n\nIndian Prime Minister Narendra Modi met Russian President Vladimir Putin on Tuesday.";
    assert_eq!(triples("2023-06-01", text), ["INDGOV RUSGOV 040"]);
}

#[test]
fn a_visited_capital_is_its_country_and_the_place_of_the_visit() {
    let mut doc = doc(
        "2023-06-01",
        Some("New Delhi"),
        "Narendra Modi visited Moscow on Tuesday.",
    );
    coder(CoderConfig::default()).code(&mut doc);
    let event = &doc.events[0];
    assert_eq!(event.target.as_ref().unwrap().code.as_str(), "RUS");
    assert_eq!(event.location.as_ref().unwrap().place.name, "Moscow");
}

#[test]
fn agents_named_by_their_group_or_country_list() {
    assert_eq!(
        triples(
            "2024-05-14",
            "The leaders of Russia and China signed an agreement on energy."
        ),
        ["RUSGOV CHNGOV 057", "CHNGOV RUSGOV 057"]
    );
    assert_eq!(
        triples(
            "2025-02-03",
            "Police arrested the leader of a small opposition party in Tbilisi."
        ),
        ["GEOCOP GEOOPP 173"]
    );
    assert_eq!(
        triples(
            "2025-05-20",
            "Kremlin spokesman Dmitry Peskov condemned the European Union."
        ),
        ["RUSGOV IGOEUREEC 111"]
    );
}

#[test]
fn agents_with_no_country_and_no_place_are_not_guessed() {
    assert!(triples("2025-05-20", "The two leaders condemned Japan on Monday.").is_empty());
}

#[test]
fn a_time_phrase_between_subject_and_verb_is_skipped() {
    assert_eq!(
        triples("2023-06-01", "Russia on Thursday condemned Japan."),
        ["RUS JPN 111"]
    );
}

#[test]
fn the_subject_is_the_noun_phrase_before_a_place_phrase() {
    // "Police in Nairobi": the police act; Nairobi places them in Kenya.
    assert_eq!(
        triples(
            "2023-06-01",
            "Police in Nairobi arrested dozens of protesters."
        ),
        ["KENCOP KENOPP 173"]
    );
}

#[test]
fn could_is_an_intention_only_when_the_actor_itself_says_it() {
    // Speculation by analysts is no event (gold rule 9).
    assert!(triples("2023-06-01", "Analysts said Russia could attack Moldova.").is_empty());
    // A side saying what it could do threatens it.
    assert_eq!(
        triples("2023-06-01", "Russia said it could attack Moldova."),
        ["RUS MDA 138"]
    );
}

#[test]
fn an_attacked_capital_is_its_country() {
    assert_eq!(
        triples("2023-06-01", "Russia attacked Kyiv overnight."),
        ["RUS UKR 190"]
    );
    assert_eq!(
        triples("2023-06-01", "Kyiv was attacked by Russian troops."),
        ["RUSMIL UKR 190"]
    );
    // Acting, a capital is still its government.
    assert_eq!(
        triples("2023-06-01", "Kyiv condemned Moscow."),
        ["UKRGOV RUSGOV 111"]
    );
}

#[test]
fn refinements_follow_the_source_role_and_apply_in_turn() {
    // Non-state killing of civilians stays 180.
    assert_eq!(
        triples("2023-06-01", "Gunmen killed five villagers in Nigeria."),
        ["NGAUAF NGACVL 180"]
    );
    // State forces: 190; with drones in the clause, then 1952.
    assert_eq!(
        triples(
            "2023-06-01",
            "Israeli troops killed five Palestinian civilians."
        ),
        ["ISRMIL PSECVL 190"]
    );
    assert_eq!(
        triples(
            "2023-06-01",
            "Israeli drones killed five Palestinian civilians."
        ),
        ["ISRMIL PSECVL 1952"]
    );
}

#[test]
fn the_gaza_strip_outranks_its_namesakes() {
    // A curated region (PSE) wins over the Mozambican province of Gaza.
    assert_eq!(
        triples("2024-02-20", "Israel attacked Gaza on Tuesday."),
        ["ISR PSE 190"]
    );
}

#[test]
fn each_other_makes_a_coordinated_subject_reciprocal() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Russia and Ukraine accused each other of shelling the plant."
        ),
        ["RUS UKR 112", "UKR RUS 112"]
    );
    assert_eq!(
        triples(
            "2023-06-01",
            "Hamas and Israel accused one another of stalling the talks."
        ),
        ["PSEREBHMS ISR 112", "ISR PSEREBHMS 112"]
    );
    // One actor cannot act on "each other".
    assert!(triples("2023-06-01", "Russia accused each other of lying.").is_empty());
}

#[test]
fn a_protest_naming_no_target_addresses_its_own_government() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Thousands of students protested in Dhaka against job quotas."
        ),
        ["BGDEDU BGDGOV 1412"]
    );
    // No place, no country: no event.
    assert!(triples("2023-06-01", "Students protested against the plan.").is_empty());
}

#[test]
fn as_well_as_insertions_join_the_subject() {
    assert_eq!(
        triples(
            "2023-06-01",
            "Britain, as well as the European Union, condemned Russia."
        ),
        ["GBR RUS 111", "IGOEUREEC RUS 111"]
    );
}

#[test]
fn a_pronoun_after_a_verb_of_saying_is_the_speaker() {
    // "it" could be Israel or its military; the speaker decides.
    assert_eq!(
        triples(
            "2023-06-01",
            "Israel's military said it attacked Hezbollah in Lebanon."
        ),
        ["ISRMIL LBNREBHEZ 190"]
    );
}

#[test]
fn a_relative_clause_dates_only_its_own_action() {
    assert_eq!(
        triples(
            "2024-06-01",
            "Kenyan police arrested a journalist who fled Uganda last year."
        ),
        ["KENCOP KENMED 173"]
    );
}

#[test]
fn plural_titles_name_their_members_office() {
    assert_eq!(
        triples(
            "2024-02-28",
            "The foreign ministers of Armenia and Azerbaijan signed an agreement."
        ),
        ["ARMGOV AZEGOV 057", "AZEGOV ARMGOV 057"]
    );
}

#[test]
fn a_country_before_a_comma_keeps_its_own_phrase() {
    // Not "Ukraine, Ukrainian officials" as one list of officials.
    assert_eq!(
        triples(
            "2023-06-01",
            "Russia attacked Ukraine, Ukrainian officials said."
        ),
        ["RUS UKR 190"]
    );
}

#[test]
fn places_held_by_an_actor_are_not_that_actor() {
    // "rebel-held" modifies the towns: the rebels are not the target.
    assert!(
        triples(
            "2023-06-01",
            "Syrian troops attacked rebel-held towns on Monday."
        )
        .is_empty()
    );
    // "Idlib province" is the place Idlib.
    assert_eq!(
        triples("2023-06-01", "Turkey attacked Idlib province."),
        ["TUR SYR 190"]
    );
}

#[test]
fn a_passive_by_agent_may_stand_before_the_rest_of_the_pattern() {
    assert_eq!(
        triples(
            "2023-07-27",
            "Italian Prime Minister Giorgia Meloni was received by U.S. President Joe Biden at the White House."
        ),
        ["USAGOV ITAGOV 043"]
    );
}

#[test]
fn a_possessive_gives_an_agent_its_country_before_the_place_does() {
    assert_eq!(
        triples(
            "2024-09-23",
            "Israel said its warplanes attacked Hezbollah across Lebanon."
        ),
        // Warplanes in the clause refine 190 to 195.
        ["ISRMIL LBNREBHEZ 195"]
    );
}

#[test]
fn people_coerced_by_a_country_are_its_people() {
    assert_eq!(
        triples("2025-06-21", "Iran arrested dozens of people on Monday."),
        ["IRN IRNCVL 173"]
    );
    // Other codes keep the rule that a bare country lends no nationality.
    assert!(triples("2025-06-21", "Iran condemned the people.").is_empty());
}

#[test]
fn things_of_a_country_are_not_its_members() {
    // "buyers of Russian oil" are no Russian actor; "leaders of" would be.
    assert!(triples("2025-03-31", "Trump condemned buyers of Russian oil.").is_empty());
}

#[test]
fn a_border_region_is_its_place() {
    assert_eq!(
        triples("2023-11-21", "Russia attacked the Kharkiv border region."),
        ["RUS UKR 190"]
    );
}

#[test]
fn a_time_phrase_before_to_keeps_the_governing_verb() {
    // "agreed on Tuesday to visit": intent (036), not a visit.
    assert_eq!(
        triples("2023-06-01", "Russia agreed on Tuesday to visit Moldova."),
        ["RUS MDA 036"]
    );
}

#[test]
fn the_head_of_a_subject_comes_before_its_prepositional_phrase() {
    // The strike is Russian; Kyiv only owns the hospital.
    assert_eq!(
        triples(
            "2024-07-09",
            "The Russian strike on Kyiv's main hospital was condemned by the United Nations."
        ),
        ["IGOUNO RUS 111"]
    );
}

#[test]
fn a_measure_naming_no_target_falls_on_the_sources_country() {
    assert_eq!(
        triples(
            "2024-07-20",
            "Bangladesh's government imposed a nationwide curfew on Saturday."
        ),
        ["BGDGOV BGD 1723"]
    );
}

#[test]
fn is_about_to_is_an_intended_act() {
    // Restoring ties is diplomatic cooperation (05); about to do it is the
    // intent to (032), as "plans to" would be.
    assert_eq!(
        triples(
            "2025-05-02",
            "France is about to restore full diplomatic ties with Iran."
        ),
        ["FRA IRN 032"]
    );
}

#[test]
fn a_naming_verb_with_an_object_complement_is_no_call() {
    // "call +" is a phone call only when nothing names or describes the
    // object after it.
    assert_eq!(
        triples("2024-03-01", "Macron called Putin on Friday."),
        ["FRAGOV RUSGOV 041"]
    );
    assert_eq!(
        triples("2024-03-01", "Macron called Putin the next day."),
        ["FRAGOV RUSGOV 041"]
    );
    assert!(triples("2024-03-01", "Macron called Putin reckless.").is_empty());
    assert!(
        triples(
            "2024-03-01",
            "Macron called Putin's decision \"a grave mistake\"."
        )
        .is_empty()
    );
    // A pattern that goes on after the object is no naming.
    assert_eq!(
        triples(
            "2024-03-01",
            "Macron urged Putin to show restraint, calling the war \"a disaster\"."
        ),
        ["FRAGOV RUSGOV 0256"]
    );
    assert_eq!(
        triples(
            "2024-03-01",
            "Macron called on Germany to join the coalition."
        ),
        ["FRAGOV DEU 022"]
    );
    // A pattern that spells the complement out still codes it.
    assert_eq!(
        triples("2024-03-01", "Macron called Putin a liar."),
        ["FRAGOV RUSGOV 111"]
    );
}

#[test]
fn an_opening_date_in_an_earlier_year_makes_the_clause_background() {
    assert!(triples("2024-05-10", "In 2019, Russia attacked Ukraine.").is_empty());
    assert!(triples("2024-05-10", "On March 3, 2022, Russia attacked Ukraine.").is_empty());
    assert_eq!(
        triples("2024-05-10", "On March 3, 2024, Russia attacked Ukraine."),
        ["RUS UKR 190"]
    );
    assert!(triples("2024-05-10", "Russia attacked Ukraine in March 2022.").is_empty());
    // "Last June" in May is a year back; "last April" in May is this year.
    assert!(triples("2024-05-10", "Last June, Russia attacked Ukraine.").is_empty());
    assert_eq!(
        triples("2024-05-10", "Last April, Russia attacked Ukraine."),
        ["RUS UKR 190"]
    );
    // A place opening the sentence dates nothing.
    assert_eq!(
        triples("2024-05-10", "In Kharkiv, Russia attacked Ukraine."),
        ["RUS UKR 190"]
    );
}

#[test]
fn an_actor_after_an_earlier_verb_is_its_object_not_the_subject_of_a_bare_verb() {
    // What one side asks or lets another do is not done.
    assert!(
        triples(
            "2024-05-10",
            "Ukraine asked that Poland arrest the Russian spies."
        )
        .is_empty()
    );
    assert!(
        triples(
            "2024-05-10",
            "The governor requested Poland arrest the Russian spies."
        )
        .is_empty()
    );
    // A present tense reported by a verb of saying is still the report.
    assert_eq!(
        triples(
            "2024-05-10",
            "Officials say Russian forces attack Kharkiv every day."
        ),
        ["RUSMIL UKR 190"]
    );
}

#[test]
fn one_person_attacking_another_is_a_verbal_attack() {
    assert_eq!(
        triples("2024-06-01", "Biden attacked Trump over his record."),
        ["USAGOV USAELI 111"]
    );
    // A leader attacking a country is still an attack.
    assert_eq!(
        triples("2024-06-01", "Putin attacked Ukraine."),
        ["RUSGOV UKR 190"]
    );
}
