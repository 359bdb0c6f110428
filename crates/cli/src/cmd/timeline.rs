//! `dateline timeline`: matching stored events per day, week or month, with
//! their mean Goldstein score.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use dateline_store::{OpenMode, Period};
use serde_json::json;

use crate::cmd::events::FilterArgs;
use crate::cmd::ingest::DbArgs;
use crate::output;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum By {
    Day,
    /// ISO weeks (2025-W16).
    Week,
    #[default]
    Month,
}

/// How to print a summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum SummaryFormat {
    /// Table on a terminal, JSON Lines when piped.
    #[default]
    Auto,
    Table,
    Jsonl,
    /// CSV with a header.
    Csv,
}

impl SummaryFormat {
    /// The format to write, `Auto` resolved.
    pub fn resolved(self) -> SummaryFormat {
        match self {
            SummaryFormat::Auto if std::io::stdout().is_terminal() => SummaryFormat::Table,
            SummaryFormat::Auto => SummaryFormat::Jsonl,
            other => other,
        }
    }
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Bucket size.
    #[arg(long, value_enum, default_value_t)]
    pub by: By,
    #[arg(long, value_enum, default_value_t)]
    pub format: SummaryFormat,
}

pub fn run(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let mut store = args.db.open(OpenMode::Existing)?;
    let period = match args.by {
        By::Day => Period::Day,
        By::Week => Period::Week,
        By::Month => Period::Month,
    };
    let rows = store.timeline(&args.filters.query(None), period)?;
    let header = ["period", "events", "mentions", "mean_goldstein"];
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|row| {
            [
                row.period.clone(),
                row.events.to_string(),
                row.mentions.to_string(),
                mean(row.mean_goldstein),
            ]
        })
        .collect();
    let records = rows.iter().map(|row| {
        json!({
            "period": row.period,
            "events": row.events,
            "mentions": row.mentions,
            "mean_goldstein": row.mean_goldstein,
        })
    });
    print_summary(args.format, &header, &cells, records)?;
    Ok(ExitCode::SUCCESS)
}

/// A mean Goldstein score to two decimals, empty when unknown.
pub fn mean(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| format!("{v:.2}"))
}

/// Prints rows as a table, CSV, or JSON Lines.
pub fn print_summary<const N: usize>(
    format: SummaryFormat,
    header: &[&str; N],
    cells: &[[String; N]],
    records: impl Iterator<Item = serde_json::Value>,
) -> anyhow::Result<()> {
    let mut out = output::stdout();
    match format.resolved() {
        SummaryFormat::Table => {
            if cells.is_empty() {
                writeln!(out, "no events")?;
            } else {
                let mut table = output::table(header);
                for row in cells {
                    table.add_row(row.to_vec());
                }
                writeln!(out, "{table}")?;
            }
        }
        SummaryFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record(header)?;
            for row in cells {
                csv.write_record(row)?;
            }
            csv.flush()?;
        }
        SummaryFormat::Jsonl | SummaryFormat::Auto => {
            for record in records {
                output::json_line(&mut out, &record)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
