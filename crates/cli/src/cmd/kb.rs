//! `dateline kb ...`: knowledge-base tools.

use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;

use dateline_pipeline::Stage;
use dateline_recognise::unknown_names;
use serde::Serialize;

use crate::args::{KbArgs, KbCommand, KbUnknownArgs};
use crate::cmd::build_pipeline;
use crate::output;
use crate::run::for_each_article;

pub fn run(args: KbArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        KbCommand::Unknown(args) => unknown(*args),
        KbCommand::Check(args) => crate::cmd::dictionaries::check(args),
        KbCommand::Convert(args) => crate::cmd::dictionaries::convert(args),
    }
}

#[derive(Serialize)]
struct UnknownRow {
    name: String,
    guess: &'static str,
    count: u32,
}

/// Counts unknown capitalised names over all inputs.
fn unknown(args: KbUnknownArgs) -> anyhow::Result<ExitCode> {
    let pipeline = build_pipeline(&args.knowledge, args.input.dictionary_problems())?;
    let mut counts: HashMap<(String, &'static str), u32> = HashMap::new();
    let summary = for_each_article(
        &args.input,
        |doc| {
            pipeline.process(doc, Stage::Recognise);
            unknown_names(std::iter::once(&*doc))
        },
        |_, names| {
            for name in names {
                *counts
                    .entry((name.text, guess_label(name.guess)))
                    .or_default() += name.count;
            }
            Ok(())
        },
    )?;
    let mut rows: Vec<UnknownRow> = counts
        .into_iter()
        .map(|((name, guess), count)| UnknownRow { name, guess, count })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    rows.truncate(args.limit);
    let mut out = output::stdout();
    if output::wants_table(args.format) {
        let mut table = output::table(&["count", "name", "looks like"]);
        for row in &rows {
            table.add_row(vec![
                row.count.to_string(),
                row.name.clone(),
                row.guess.to_string(),
            ]);
        }
        writeln!(out, "{table}")?;
    } else {
        for row in &rows {
            output::json_line(&mut out, row)?;
        }
    }
    out.flush()?;
    Ok(summary.status())
}

fn guess_label(guess: dateline_model::EntityGuess) -> &'static str {
    match guess {
        dateline_model::EntityGuess::Person => "person",
        dateline_model::EntityGuess::Organisation => "organisation",
        dateline_model::EntityGuess::Place => "place",
    }
}
