//! Development aid: score the pipeline on a gold file and print misses.
//! `cargo run -p dateline-pipeline --example gold -- data/gold/dev.jsonl [-v]`

use dateline_eval::{Scorer, Triple, parse_gold};
use dateline_model::{Block, BlockKind, Doc, Meta, Span};
use dateline_pipeline::{Pipeline, PipelineConfig, Stage};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let text = std::fs::read_to_string(&args[0]).unwrap();
    let (records, errors) = parse_gold(&args[0], &text);
    assert!(errors.is_empty(), "{errors:?}");
    let (pipeline, _) = Pipeline::build(&PipelineConfig::default()).unwrap();
    let mut scorer = Scorer::default();
    for record in &records {
        let meta = Meta {
            id: record.id.clone(),
            date: record
                .date
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            ..Meta::default()
        };
        let mut doc = Doc::new(meta, record.text.clone());
        doc.blocks.push(Block {
            span: Span::new(0, record.text.len()),
            kind: BlockKind::Paragraph,
        });
        pipeline.process(&mut doc, Stage::Code);
        let predicted: Vec<Triple> = doc
            .events
            .iter()
            .map(|e| {
                Triple::new(
                    e.source.code.as_str(),
                    e.target.as_ref().map_or("", |t| t.code.as_str()),
                    e.code.as_str(),
                )
            })
            .collect();
        let result = scorer.add(&record.id, &record.events, &predicted);
        if !result.exact {
            let show = |ts: &[Triple]| {
                ts.iter()
                    .map(|t| format!("{} {} {}", t.source, t.target, t.code))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            println!(
                "{} | {}\n    missing: {}\n    extra:   {}",
                record.id,
                record.text,
                show(&result.missing),
                show(&result.extra)
            );
            if verbose {
                for m in &doc.mentions {
                    println!(
                        "      mention {:?} {:?}",
                        doc.text(m.span),
                        m.actor.as_ref().map(|a| a.code.to_string())
                    );
                }
                let tags: Vec<String> = doc
                    .tokens
                    .iter()
                    .zip(&doc.tags)
                    .map(|(t, p)| format!("{}/{}", doc.text(t.span), p))
                    .collect();
                println!("      {}", tags.join(" "));
            }
        }
    }
    let s = scorer.scores();
    println!(
        "records {} exact {:.3} | triples P {:.3} R {:.3} F1 {:.3} | country-root P {:.3} R {:.3} F1 {:.3}",
        s.records,
        s.exact_match_rate(),
        s.triples.precision(),
        s.triples.recall(),
        s.triples.f1(),
        s.countries_roots.precision(),
        s.countries_roots.recall(),
        s.countries_roots.f1()
    );
}
