//! Prints what the readers make of inputs: metadata, blocks, related links,
//! dropped boilerplate and diagnostics.
//!
//! ```text
//! cargo run -p dateline-read --example dump -- PATH...
//! ```

use std::path::PathBuf;

use dateline_read::{ReadConfig, discover, read_input};

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (inputs, diagnostics) = discover(&paths);
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
    let config = ReadConfig::default();
    for input in &inputs {
        let report = read_input(input, &config, &mut |doc| {
            let meta = &doc.meta;
            println!("== {} ({})", meta.id, meta.input);
            println!("   title: {:?}", meta.title);
            println!("   date: {:?} datetime: {:?}", meta.date, meta.datetime);
            println!(
                "   place: {:?} publisher: {:?} author: {:?}",
                meta.place, meta.publisher, meta.author
            );
            println!("   url: {:?} language: {:?}", meta.url, meta.language);
            if !meta.extra.is_empty() {
                println!(
                    "   extra: {}",
                    serde_json::Value::Object(meta.extra.clone())
                );
            }
            for block in &doc.blocks {
                println!(
                    "   [{:?} {}] {}",
                    block.kind,
                    block.span,
                    doc.text(block.span)
                );
            }
            for link in &doc.related_links {
                println!(
                    "   related: {} | {} | {:?}",
                    link.label, link.text, link.url
                );
            }
            for dropped in &doc.dropped {
                println!("   dropped ({}): {}", dropped.reason, dropped.text);
            }
        });
        for diagnostic in &report.diagnostics {
            eprintln!("{diagnostic}");
        }
        eprintln!(
            "{}: {} articles, {} skipped",
            input.name(),
            report.n_articles,
            report.n_skipped
        );
    }
}
