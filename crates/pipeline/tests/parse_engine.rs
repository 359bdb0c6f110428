//! The parse engine codes arguments the parse leaves implicit or hangs in
//! the wrong place: the subject of an "-ing" or "to" adjunct is the main
//! clause's, and a target phrase the parser attached to a time phrase
//! still belongs to the verb. Sentences written for these tests; each
//! expected triple checked by hand against the CAMEO codebook.

use dateline_model::{Block, BlockKind, Doc, Meta, Span};
use dateline_pipeline::{Engine, Pipeline, PipelineConfig, Stage};

fn triples(body: &str) -> Vec<String> {
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
    config.coder.engine = Engine::Parse;
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
