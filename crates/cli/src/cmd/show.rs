//! `dateline show EVENT_ID`: one stored event with every mention and its sentence.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use dateline_store::{EventDetail, OpenMode};

use crate::args::TableOrJsonl;
use crate::cmd::ingest::DbArgs;
use crate::output;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The event's id, as `dateline events` prints it.
    #[arg(value_name = "EVENT_ID")]
    pub event_id: String,
    #[command(flatten)]
    pub db: DbArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: TableOrJsonl,
}

pub fn run(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let mut store = args.db.open(OpenMode::Existing)?;
    let Some(detail) = store.event(&args.event_id)? else {
        eprintln!(
            "dateline: error: no event {:?} in {}",
            args.event_id,
            args.db.location()
        );
        return Ok(ExitCode::from(1));
    };
    let mut out = output::stdout();
    if output::wants_table(args.format) {
        print_detail(&mut out, &detail)?;
    } else {
        output::json_line(&mut out, &detail.record)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn print_detail(out: &mut impl Write, detail: &EventDetail) -> anyhow::Result<()> {
    let record = &detail.record;
    let target = record.target.as_ref();
    writeln!(
        out,
        "event {}  {}  {} {}",
        record.event_id,
        record.date.as_deref().unwrap_or("date unknown"),
        record.code,
        record.label.as_deref().unwrap_or("")
    )?;
    writeln!(
        out,
        "{} ({}) -> {}",
        record.source.code,
        record.source.name.as_deref().unwrap_or("-"),
        target.map_or("-".to_string(), |t| format!(
            "{} ({})",
            t.code,
            t.name.as_deref().unwrap_or("-")
        ))
    )?;
    if let Some(location) = &record.location {
        writeln!(out, "where: {} ({})", location.name, location.basis)?;
    }
    let Some(merge) = &record.merge else {
        return Ok(());
    };
    writeln!(
        out,
        "{} mentions in {} articles from {} sources, first seen {}, last seen {}",
        merge.num_mentions,
        merge.num_articles,
        merge.num_sources,
        merge.first_seen.as_deref().unwrap_or("-"),
        merge.last_seen.as_deref().unwrap_or("-"),
    )?;
    let mut table = output::table(&["article", "date", "outlet", "kind", "sentence"]);
    for (mention, report) in merge.mentions.iter().zip(&detail.reports) {
        let sentence = match mention.sentence.index {
            Some(idx) => format!("[{idx}] {}", mention.sentence.text),
            None => mention.sentence.text.clone(),
        };
        table.add_row(vec![
            mention.article_id.clone(),
            report.date.clone().unwrap_or_else(|| "-".into()),
            report.outlet.clone(),
            report.kind.clone(),
            sentence,
        ]);
    }
    writeln!(out, "{table}")?;
    Ok(())
}
