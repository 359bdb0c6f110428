//! `dateline network`: who acts on whom among matching stored events.

use std::process::ExitCode;

use clap::Args;
use dateline_store::OpenMode;
use serde_json::json;

use crate::cmd::events::FilterArgs;
use crate::cmd::ingest::DbArgs;
use crate::cmd::timeline::{SummaryFormat, mean, print_summary};

#[derive(Debug, Args)]
pub struct NetworkArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// At most this many source-target pairs, most events first.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t)]
    pub format: SummaryFormat,
}

pub fn run(args: NetworkArgs) -> anyhow::Result<ExitCode> {
    let mut store = args.db.open(OpenMode::Existing)?;
    let dyads = store.network(&args.filters.query(None), args.limit)?;
    let header = ["source", "target", "events", "mentions", "mean_goldstein"];
    let cells: Vec<[String; 5]> = dyads
        .iter()
        .map(|dyad| {
            [
                dyad.source.clone(),
                dyad.target.clone(),
                dyad.events.to_string(),
                dyad.mentions.to_string(),
                mean(dyad.mean_goldstein),
            ]
        })
        .collect();
    let records = dyads.iter().map(|dyad| {
        json!({
            "source": dyad.source,
            "target": dyad.target,
            "events": dyad.events,
            "mentions": dyad.mentions,
            "mean_goldstein": dyad.mean_goldstein,
        })
    });
    print_summary(args.format, &header, &cells, records)?;
    Ok(ExitCode::SUCCESS)
}
