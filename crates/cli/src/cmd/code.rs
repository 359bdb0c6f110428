//! `dateline code`: read -> segment -> tag -> recognise -> code, events out.

use std::io::Write;
use std::process::ExitCode;

use dateline_export::{EventRecord, EventWriter};
use dateline_model::{Doc, SegmentRef};
use dateline_pipeline::{Explanation, Stage, Verdict};

use crate::args::CodeArgs;
use crate::cmd::build_pipeline;
use crate::output::{self, clip};
use crate::run::for_each_article;

pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    let pipeline = build_pipeline(&args.knowledge, args.input.dictionary_problems())?;
    let format = output::event_format(args.format);
    let mut out = output::stdout();
    let mut writer = format
        .map(|format| EventWriter::new(format, output::stdout()))
        .transpose()?;
    let explain = args.explain;
    let summary = for_each_article(
        &args.input,
        |doc| {
            if explain {
                pipeline.process_explained(doc)
            } else {
                pipeline.process(doc, Stage::Code);
                Vec::new()
            }
        },
        |doc, explanations| {
            if explain {
                print_explanations(&doc, &explanations);
            }
            match &mut writer {
                Some(writer) => {
                    for record in EventRecord::from_doc(&doc) {
                        writer.write(&record)?;
                    }
                }
                None => print_table(&mut out, &doc)?,
            }
            Ok(())
        },
    )?;
    if let Some(writer) = writer {
        writer.finish()?;
    }
    out.flush()?;
    Ok(summary.status())
}

fn print_table(out: &mut impl Write, doc: &Doc) -> anyhow::Result<()> {
    output::article_heading(out, doc)?;
    if doc.events.is_empty() {
        writeln!(out, "no events")?;
        return Ok(());
    }
    let mut table = output::table(&[
        "code",
        "event",
        "source",
        "target",
        "where",
        "according to",
        "evidence",
    ]);
    for record in EventRecord::from_doc(doc) {
        let target = record.target.as_ref();
        table.add_row(vec![
            record.code.clone(),
            clip(record.label.as_deref().unwrap_or("-"), 28),
            format!(
                "{}\n{}",
                record.source.code,
                clip(record.source.text.as_deref().unwrap_or(""), 28)
            ),
            target.map_or("-".into(), |t| {
                format!("{}\n{}", t.code, clip(t.text.as_deref().unwrap_or(""), 28))
            }),
            record
                .location
                .as_ref()
                .map_or("-".into(), |l| format!("{} ({})", l.name, l.basis)),
            record
                .attribution
                .as_ref()
                .map_or("-".into(), |a| clip(&a.text, 24)),
            clip(&record.sentence.text, 70),
        ]);
    }
    writeln!(out, "{table}")?;
    Ok(())
}

/// Why each candidate was coded or rejected, on standard error.
fn print_explanations(doc: &Doc, explanations: &[Explanation]) {
    eprintln!("{} ({}):", doc.meta.input, doc.meta.id);
    for explanation in explanations {
        let place = match explanation.segment {
            SegmentRef::Sentence(idx) => format!("sentence {idx}"),
            SegmentRef::Heading(idx) => format!("heading {idx}"),
        };
        let trigger = doc.text(explanation.trigger);
        match &explanation.verdict {
            Verdict::Coded { events, notes } => {
                for event in events.iter().filter_map(|&idx| doc.events.get(idx)) {
                    let target = event
                        .target
                        .as_ref()
                        .map_or("-".to_string(), |t| t.code.to_string());
                    eprintln!(
                        "  {place}: coded {} -> {} {} at '{trigger}' by rule [{}]",
                        event.source.code, target, event.code, explanation.rule
                    );
                }
                for note in notes {
                    eprintln!("      {note}");
                }
            }
            Verdict::Rejected(reason) => {
                eprintln!(
                    "  {place}: rejected '{trigger}' (rule [{}]): {reason}",
                    explanation.rule
                );
            }
        }
    }
}
