//! The parse stage: `Stage::Parse` parses everything; on the way to coding,
//! `ParseScope` says which sentences, and parsing never changes the events.

use dateline_model::{Block, BlockKind, DepRel, Doc, Meta, Span};
use dateline_pipeline::{Engine, ParseScope, Pipeline, PipelineConfig, Stage};

const BODY: &str = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. The weather was warm and dry.";

fn doc() -> Doc {
    let meta = Meta {
        date: chrono::NaiveDate::from_ymd_opt(2023, 5, 14),
        ..Meta::default()
    };
    let mut doc = Doc::new(meta, BODY.to_string());
    doc.blocks.push(Block {
        span: Span::new(0, BODY.len()),
        kind: BlockKind::Paragraph,
    });
    doc
}

fn pipeline(scope: ParseScope) -> Pipeline {
    pipeline_with(scope, Engine::default())
}

fn pipeline_with(scope: ParseScope, engine: Engine) -> Pipeline {
    let mut config = PipelineConfig {
        parse: scope,
        ..PipelineConfig::default()
    };
    config.coder.engine = engine;
    Pipeline::build(&config).expect("pipeline").0
}

/// The relation of the token with this text, in the parse layer.
fn rel_of(doc: &Doc, text: &str) -> Option<DepRel> {
    let idx = doc.tokens.iter().position(|t| doc.text(t.span) == text)?;
    doc.parse[idx].map(|parse| parse.rel)
}

#[test]
fn the_parse_stage_parses_every_sentence() {
    let mut doc = doc();
    pipeline(ParseScope::Skip).process(&mut doc, Stage::Parse);
    assert_eq!(doc.parse.len(), doc.tokens.len());
    assert!(doc.parse.iter().all(Option::is_some));
    assert_eq!(rel_of(&doc, "met"), Some(DepRel::Root));
    assert_eq!(rel_of(&doc, "weather"), Some(DepRel::Nsubj));
    assert!(
        doc.mentions.is_empty(),
        "Stage::Parse stops before recognising"
    );
}

#[test]
fn coding_parses_only_what_the_scope_asks_and_events_do_not_change() {
    let mut plain = doc();
    pipeline(ParseScope::Skip).process(&mut plain, Stage::Code);
    assert!(plain.parse.is_empty());
    assert_eq!(plain.events.len(), 1);

    // The pattern engine reads no parse: nothing is parsed for it.
    let mut patterns = doc();
    pipeline(ParseScope::CoderCandidates).process(&mut patterns, Stage::Code);
    assert_eq!(patterns.events, plain.events);
    assert_eq!(rel_of(&patterns, "met"), None);

    let mut candidates = doc();
    pipeline_with(ParseScope::CoderCandidates, Engine::Parse).process(&mut candidates, Stage::Code);
    // The meeting sentence has a trigger ("met") and actors; the weather
    // sentence has neither and stays unparsed.
    assert_eq!(rel_of(&candidates, "met"), Some(DepRel::Root));
    assert_eq!(rel_of(&candidates, "weather"), None);

    // Parsing every sentence codes the same events as parsing the candidates.
    let mut all = doc();
    pipeline_with(ParseScope::All, Engine::Parse).process(&mut all, Stage::Code);
    assert_eq!(candidates.events.len(), 1);
    assert_eq!(all.events, candidates.events);
    assert!(all.parse.iter().all(Option::is_some));
}
