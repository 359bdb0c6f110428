//! Development aid: read inputs, run the whole pipeline, print events with
//! explanations. `cargo run -p dateline-pipeline --example run -- FILE...`

use dateline_pipeline::{Pipeline, PipelineConfig, Verdict};
use dateline_read::{ReadConfig, discover, read_input};

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let (pipeline, problems) = Pipeline::build(&PipelineConfig::default()).unwrap();
    for problem in problems {
        eprintln!("{problem}");
    }
    let (inputs, _) = discover(&paths);
    for input in &inputs {
        read_input(input, &ReadConfig::default(), &mut |mut doc| {
            let explanations = pipeline.process_explained(&mut doc);
            println!("== {}", doc.meta.id);
            for m in &doc.mentions {
                let code = m
                    .actor
                    .as_ref()
                    .map(|a| a.code.to_string())
                    .unwrap_or_default();
                let place = m.place.as_ref().map(|p| p.name.clone()).unwrap_or_default();
                println!("   mention {:?} {} {}", doc.text(m.span), code, place);
            }
            for e in &explanations {
                match &e.verdict {
                    Verdict::Coded { events, notes } => {
                        for &i in events {
                            if let Some(ev) = doc.events.get(i) {
                                let t = ev
                                    .target
                                    .as_ref()
                                    .map(|t| t.code.to_string())
                                    .unwrap_or_default();
                                println!(
                                    "  + #{i} {} {} -> {} [{}] via {:?} {:?} loc={:?} attr={:?} {:?}",
                                    ev.code,
                                    ev.source.code,
                                    t,
                                    doc.text(e.trigger),
                                    e.rule,
                                    ev.modality,
                                    ev.location.as_ref().map(|l| &l.place.name),
                                    ev.attribution.as_ref().map(|a| &a.text),
                                    notes
                                );
                            }
                        }
                    }
                    Verdict::Rejected(why) => {
                        println!("  - [{}] {} : {}", doc.text(e.trigger), e.rule, why)
                    }
                }
            }
            println!("  final events:");
            for ev in &doc.events {
                let t = ev
                    .target
                    .as_ref()
                    .map(|t| t.code.to_string())
                    .unwrap_or_default();
                println!(
                    "   {} {} -> {}  loc={:?} [{}]",
                    ev.code,
                    ev.source.code,
                    t,
                    ev.location.as_ref().map(|l| &l.place.name),
                    doc.text(ev.trigger)
                );
            }
        });
    }
}
