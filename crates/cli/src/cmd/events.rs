//! `dateline events`: stored events matching filters, as a table or in an
//! export format (with merge counts and every mention).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use dateline_export::{EventRecord, EventWriter, Format};
use dateline_store::{EventQuery, Near, OpenMode};

use crate::cmd::ingest::DbArgs;
use crate::output::{self, clip};

/// Which stored events: every filter given must hold.
#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Source or target: a code in capitals (RUS matches RUS, RUSGOV,
    /// RUSMIL...) or part of a name in any other spelling (putin).
    #[arg(long, value_name = "CODE|NAME")]
    pub actor: Option<String>,
    /// The source, as for --actor.
    #[arg(long, value_name = "CODE|NAME")]
    pub source: Option<String>,
    /// The target, as for --actor.
    #[arg(long, value_name = "CODE|NAME")]
    pub target: Option<String>,
    /// A CAMEO root (19), base code (025, including 0256) or full code (0256).
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    #[arg(long, value_name = "1-4", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// Where the event happened: a country code (UKR, NGA).
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
    /// First day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub from: Option<NaiveDate>,
    /// Last day (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub to: Option<NaiveDate>,
    /// Within KM kilometres of a point.
    #[arg(long, value_name = "LAT,LON,KM", value_parser = Near::parse, allow_hyphen_values = true)]
    pub near: Option<Near>,
    /// Words and "quoted phrases" all found in an article reporting the event.
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
}

impl FilterArgs {
    pub fn query(&self, limit: Option<usize>) -> EventQuery {
        EventQuery {
            actor: self.actor.clone(),
            source: self.source.clone(),
            target: self.target.clone(),
            code: self.code.clone(),
            quad: self.quad,
            country: self.country.clone(),
            from: self.from,
            to: self.to,
            near: self.near,
            text: self.text.clone(),
            limit,
            ..EventQuery::default()
        }
    }
}

pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("expected YYYY-MM-DD, got {text:?}"))
}

/// How to print stored events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum StoreFormat {
    /// Table on a terminal, JSON Lines when piped.
    #[default]
    Auto,
    Table,
    /// The public event schema plus num_mentions, num_sources,
    /// num_articles, first_seen, last_seen and mentions.
    Jsonl,
    /// Flat CSV with a header, merge counts filled.
    Csv,
    /// GDELT 2.0 events export; NumMentions/NumSources/NumArticles from the merge.
    Gdelt,
    /// PLOVER JSON, one object per line.
    Plover,
    /// Apache Parquet (needs --output; see the export crate's README for the schema).
    Parquet,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// At most this many events, newest first [default: 50 in a table, all otherwise].
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value_t)]
    pub format: StoreFormat,
    /// Write to this file instead of standard output (required for parquet).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Rows a table shows when no --limit is given.
const TABLE_LIMIT: usize = 50;

pub fn run(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let mut store = args.db.open(OpenMode::Existing)?;
    let format = resolve_format(args.format, args.output.is_some());
    let limit = match format {
        None => Some(args.limit.unwrap_or(TABLE_LIMIT)),
        Some(_) => args.limit,
    };
    let query = args.filters.query(limit);
    match format {
        None => {
            let records = store.events(&query)?;
            let mut out = output::stdout();
            print_table(&mut out, &records)?;
            out.flush()?;
        }
        Some(ExportFormat::Parquet) => export_parquet(&mut store, &query, args.output.as_deref())?,
        Some(ExportFormat::Stream(format)) => {
            let out = output_sink(args.output.as_deref())?;
            let mut writer = EventWriter::new(format, out)?;
            store.for_each_event(&query, |detail| {
                writer
                    .write(&detail.record)
                    .map_err(|err| dateline_store::StoreError::Query(err.to_string()))
            })?;
            writer.finish()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A machine format: one of the export crate's streams, or Parquet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExportFormat {
    Stream(Format),
    Parquet,
}

/// `None` for a table.
fn resolve_format(format: StoreFormat, to_file: bool) -> Option<ExportFormat> {
    match format {
        StoreFormat::Auto if !to_file && std::io::stdout().is_terminal() => None,
        StoreFormat::Auto | StoreFormat::Jsonl => Some(ExportFormat::Stream(Format::Jsonl)),
        StoreFormat::Table => None,
        StoreFormat::Csv => Some(ExportFormat::Stream(Format::Csv)),
        StoreFormat::Gdelt => Some(ExportFormat::Stream(Format::Gdelt)),
        StoreFormat::Plover => Some(ExportFormat::Stream(Format::Plover)),
        StoreFormat::Parquet => Some(ExportFormat::Parquet),
    }
}

/// Standard output, or a file.
fn output_sink(path: Option<&std::path::Path>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|err| anyhow::anyhow!("cannot create {}: {err}", path.display()))?;
            Box::new(std::io::BufWriter::new(file))
        }
        None => Box::new(output::stdout()),
    })
}

#[cfg(feature = "parquet")]
fn export_parquet(
    store: &mut dateline_store::Store,
    query: &EventQuery,
    path: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let Some(path) = path else {
        anyhow::bail!("--format parquet writes a file: give --output FILE");
    };
    let file = std::fs::File::create(path)
        .map_err(|err| anyhow::anyhow!("cannot create {}: {err}", path.display()))?;
    let mut writer = dateline_export::parquet::ParquetWriter::new(file)?;
    store.for_each_event(query, |detail| {
        writer
            .write(&detail.record)
            .map_err(|err| dateline_store::StoreError::Query(err.to_string()))
    })?;
    writer.finish()?;
    Ok(())
}

#[cfg(not(feature = "parquet"))]
fn export_parquet(
    _store: &mut dateline_store::Store,
    _query: &EventQuery,
    _path: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    anyhow::bail!(
        "this dateline was built without Parquet support; rebuild with `--features parquet`"
    )
}

fn print_table(out: &mut impl Write, records: &[EventRecord]) -> anyhow::Result<()> {
    if records.is_empty() {
        writeln!(out, "no events")?;
        return Ok(());
    }
    let mut table = output::table(&[
        "event", "date", "code", "source", "target", "where", "reports", "evidence",
    ]);
    for record in records {
        let merge = record.merge.as_ref();
        table.add_row(vec![
            record.event_id.clone(),
            record.date.clone().unwrap_or_else(|| "-".into()),
            format!(
                "{}\n{}",
                record.code,
                clip(record.label.as_deref().unwrap_or(""), 24)
            ),
            participant(&record.source),
            record.target.as_ref().map_or("-".into(), participant),
            record
                .location
                .as_ref()
                .map_or("-".into(), |l| l.name.clone()),
            merge.map_or("-".into(), |m| {
                format!(
                    "{} mentions\n{} articles\n{} sources",
                    m.num_mentions, m.num_articles, m.num_sources
                )
            }),
            clip(&record.sentence.text, 70),
        ]);
    }
    writeln!(out, "{table}")?;
    Ok(())
}

fn participant(participant: &dateline_export::ParticipantRecord) -> String {
    let name = participant
        .name
        .as_deref()
        .or(participant.text.as_deref())
        .unwrap_or("");
    format!("{}\n{}", participant.code, clip(name, 24))
}
