//! References back to a coded event from later sentences, on articles
//! written for these tests, read, segmented, tagged and recognised by the
//! real stages; the coded events are added by hand so that these tests
//! check the resolver, not the coder.

use dateline_kb::Kb;
use dateline_model::{Doc, Event, EventCode, Modality, Participant, SegmentRef, Span};
use dateline_read::{ReadConfig, read_bytes};
use dateline_recognise::Recogniser;
use dateline_resolve::{EventNouns, Reference, find_references};

/// A phone call reported in the lead, recalled by later paragraphs and by a
/// closing "Conclusion" section.
const CALL_ARTICLE: &str = "\
date 2025-02-12 Washington: U.S. President Donald Trump spoke by phone with Russian President Vladimir Putin on Wednesday, the White House said.

The call lasted about ninety minutes, according to officials familiar with it.

Ukraine was not told about the call in advance, a senior Ukrainian official said.

Trump also met Indian Prime Minister Narendra Modi at the White House.

Conclusion

Trump's recent conversation with Putin suggests a new approach to the war.
";

fn read_and_recognise(text: &str) -> Doc {
    let mut docs = Vec::new();
    let report = read_bytes(
        "call.txt",
        text.as_bytes(),
        &ReadConfig::default(),
        &mut |doc| docs.push(doc),
    );
    assert!(!report.failed(), "{:?}", report.diagnostics);
    let mut doc = docs.remove(0);
    dateline_segment::segment(&mut doc);
    dateline_tag::tag(&mut doc);
    let recogniser = Recogniser::build(&Kb::builtin().unwrap()).unwrap();
    recogniser.recognise(&mut doc);
    doc
}

fn span_of(doc: &Doc, needle: &str) -> Span {
    let start = doc
        .body()
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in body"));
    Span::new(start, start + needle.len())
}

fn sentence_of(doc: &Doc, needle: &str) -> u32 {
    let span = span_of(doc, needle);
    doc.sentences
        .iter()
        .position(|s| s.span.contains(span))
        .unwrap_or_else(|| panic!("{needle:?} is in no sentence")) as u32
}

/// Adds a coded event by hand: `source` and `target` are the words naming them.
fn add_event(doc: &mut Doc, trigger: &str, source: (&str, &str), target: (&str, &str), code: &str) {
    let participant = |doc: &Doc, (words, code): (&str, &str)| Participant {
        code: dateline_model::ActorCode::parse(code).unwrap(),
        name: None,
        country: Some(code[..3].to_string()),
        span: Some(span_of(doc, words)),
        mention: None,
    };
    let event = Event {
        segment: SegmentRef::Sentence(sentence_of(doc, trigger)),
        source: participant(doc, source),
        target: Some(participant(doc, target)),
        code: EventCode::parse(code).unwrap(),
        trigger: span_of(doc, trigger),
        negated: false,
        modality: Modality::Asserted,
        attribution: None,
        location: None,
        rule: "test".into(),
        issues: vec![],
    };
    doc.events.push(event);
}

fn call_article() -> Doc {
    let mut doc = read_and_recognise(CALL_ARTICLE);
    add_event(
        &mut doc,
        "spoke",
        ("Donald Trump", "USAGOV"),
        ("Vladimir Putin", "RUSGOV"),
        "041",
    );
    add_event(
        &mut doc,
        "met",
        ("Trump also", "USAGOV"),
        ("Narendra Modi", "INDGOV"),
        "040",
    );
    doc
}

fn referring_sentences(doc: &Doc, references: &[Reference], event: usize) -> Vec<String> {
    references
        .iter()
        .filter(|r| r.event == event)
        .map(|r| {
            doc.text(doc.sentences[r.sentence as usize].span)
                .to_string()
        })
        .collect()
}

#[test]
fn the_call_recalled_in_later_paragraphs_and_the_conclusion_is_the_same_event() {
    let doc = call_article();
    let references = find_references(&doc, EventNouns::builtin());
    let call = referring_sentences(&doc, &references, 0);
    assert_eq!(
        call,
        [
            "The call lasted about ninety minutes, according to officials familiar with it.",
            "Ukraine was not told about the call in advance, a senior Ukrainian official said.",
            "Trump's recent conversation with Putin suggests a new approach to the war.",
        ]
    );
    // The meeting with Modi is never referred to again.
    assert!(referring_sentences(&doc, &references, 1).is_empty());
}

#[test]
fn a_reference_keeps_the_words_that_name_the_participants() {
    let doc = call_article();
    let references = find_references(&doc, EventNouns::builtin());
    let conclusion = references
        .iter()
        .find(|r| doc.text(r.noun) == "conversation")
        .expect("the conclusion refers to the call");
    assert_eq!(conclusion.form, "conversation");
    assert_eq!(conclusion.source_span.map(|s| doc.text(s)), Some("Trump"));
    assert_eq!(conclusion.target_span.map(|s| doc.text(s)), Some("Putin"));
    let lasted = references.iter().find(|r| r.sentence == 1).unwrap();
    assert_eq!(doc.text(lasted.noun), "call");
    assert_eq!(lasted.source_span, None);
}

#[test]
fn a_noun_in_the_sentence_of_its_own_event_is_not_a_reference() {
    // "held a phone conversation" is the object of the coded event itself.
    let mut doc = read_and_recognise(
        "date 2025-02-12 Washington: Donald Trump held a phone conversation with Vladimir Putin on Wednesday.\n",
    );
    add_event(
        &mut doc,
        "held",
        ("Donald Trump", "USAGOV"),
        ("Vladimir Putin", "RUSGOV"),
        "041",
    );
    assert!(find_references(&doc, EventNouns::builtin()).is_empty());
}

#[test]
fn an_indefinite_noun_naming_no_participant_is_not_a_reference() {
    let mut doc = read_and_recognise(
        "date 2025-02-12 Washington: Donald Trump spoke by phone with Vladimir Putin on Wednesday.\n\n\
         Another call could follow next month, aides said.\n",
    );
    add_event(
        &mut doc,
        "spoke",
        ("Donald Trump", "USAGOV"),
        ("Vladimir Putin", "RUSGOV"),
        "041",
    );
    assert!(find_references(&doc, EventNouns::builtin()).is_empty());
}

#[test]
fn a_definite_noun_with_two_different_candidates_is_left_alone() {
    // Two different calls earlier: "the call" could be either.
    let mut doc = read_and_recognise(
        "date 2025-02-12 Washington: Donald Trump spoke by phone with Vladimir Putin on Wednesday. \
         He later spoke by phone with Volodymyr Zelensky.\n\n\
         The call was described as productive.\n",
    );
    add_event(
        &mut doc,
        "spoke",
        ("Donald Trump", "USAGOV"),
        ("Vladimir Putin", "RUSGOV"),
        "041",
    );
    let later = doc.body().find("spoke by phone with Volodymyr").unwrap();
    let mut second = doc.events[0].clone();
    second.segment = SegmentRef::Sentence(1);
    second.trigger = Span::new(later, later + "spoke".len());
    second.target.as_mut().unwrap().code = dateline_model::ActorCode::parse("UKRGOV").unwrap();
    second.target.as_mut().unwrap().span = Some(span_of(&doc, "Volodymyr Zelensky"));
    doc.events.push(second);
    assert!(find_references(&doc, EventNouns::builtin()).is_empty());
}

#[test]
fn a_definite_noun_after_two_reports_of_one_call_refers_to_the_first() {
    // The lead and the second sentence report the same call; "the call" is it.
    let mut doc = read_and_recognise(
        "date 2025-02-12 Washington: Donald Trump spoke by phone with Vladimir Putin on Wednesday. \
         Trump also talked by phone with Putin about prisoners.\n\n\
         The call was described as productive.\n",
    );
    add_event(
        &mut doc,
        "spoke",
        ("Donald Trump", "USAGOV"),
        ("Vladimir Putin", "RUSGOV"),
        "041",
    );
    add_event(
        &mut doc,
        "talked",
        ("Trump also", "USAGOV"),
        ("Putin about", "RUSGOV"),
        "041",
    );
    let references = find_references(&doc, EventNouns::builtin());
    assert_eq!(references.len(), 1, "{references:?}");
    assert_eq!(references[0].event, 0);
    assert_eq!(references[0].sentence, 2);
}

#[test]
fn the_next_round_of_talks_is_another_event() {
    let mut doc = read_and_recognise(
        "date 2025-06-12 New Delhi: Indian Foreign Minister Subrahmanyam Jaishankar held talks with Japanese Foreign Minister Takeshi Iwaya on Thursday.\n\n\
         India and Japan will hold their next round of talks in Tokyo in the autumn.\n",
    );
    add_event(
        &mut doc,
        "held talks",
        ("Subrahmanyam Jaishankar", "INDGOV"),
        ("Takeshi Iwaya", "JPNGOV"),
        "043",
    );
    assert!(find_references(&doc, EventNouns::builtin()).is_empty());
}
