//! Prints what the recogniser finds in article files: every mention (text,
//! byte span, code, name, country, role, place, how it was resolved), the
//! dateline place and the country focus. A development aid until the CLI's
//! `dateline actors` exists.
//!
//! Usage: cargo run -p dateline-recognise --example actors -- FILE... [--date YYYY-MM-DD]
//! `--date` replaces each article's own date, to see codes on another day.

use chrono::NaiveDate;
use dateline_kb::Kb;
use dateline_read::{ReadConfig, read_bytes};
use dateline_recognise::Recogniser;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let date_override = args
        .windows(2)
        .find(|pair| pair[0] == "--date")
        .and_then(|pair| NaiveDate::parse_from_str(&pair[1], "%Y-%m-%d").ok());
    let paths: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, arg)| !arg.starts_with("--") && (*i == 0 || args[i - 1] != "--date"))
        .map(|(_, arg)| arg)
        .collect();
    let kb = Kb::builtin().expect("built-in knowledge base");
    let recogniser = Recogniser::build(&kb).expect("automaton builds");
    for path in paths {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) => {
                eprintln!("{path}: {err}");
                continue;
            }
        };
        let mut docs = Vec::new();
        read_bytes(path, &bytes, &ReadConfig::default(), &mut |doc| {
            docs.push(doc)
        });
        for mut doc in docs {
            if date_override.is_some() {
                doc.meta.date = date_override;
            }
            dateline_segment::segment(&mut doc);
            recogniser.recognise(&mut doc);
            print_doc(&doc);
        }
    }
}

fn print_doc(doc: &dateline_model::Doc) {
    println!(
        "# {} date={:?} dateline={:?}",
        doc.meta.input,
        doc.meta.date,
        doc.dateline.as_ref().map(|p| (&p.name, &p.adm1))
    );
    for (index, mention) in doc.mentions.iter().enumerate() {
        let actor = mention.actor.as_ref().map(|a| {
            format!(
                "{} {:?} {:?} {:?}",
                a.code,
                a.name,
                a.country.as_deref().unwrap_or("-"),
                a.role.as_deref().unwrap_or("-")
            )
        });
        let place = mention.place.as_ref().map(|p| {
            format!(
                "{} {:?} {}",
                p.name,
                p.kind,
                p.adm1
                    .as_deref()
                    .unwrap_or(p.country.as_deref().unwrap_or("-"))
            )
        });
        println!(
            "{index:3} {:>5}..{:<5} {:40} actor={} place={} unknown={:?} {:?}",
            mention.span.start,
            mention.span.end,
            format!("{:?}", doc.text(mention.span)),
            actor.unwrap_or_default(),
            place.unwrap_or_default(),
            mention.unknown,
            mention.resolution
        );
    }
    for focus in &doc.focus {
        println!(
            "focus {} {:.1} ({} mentions)",
            focus.country, focus.score, focus.mentions
        );
    }
}
