//! `dateline ingest`: code articles and store them, once each, with their
//! events merged across sentences and articles.

use std::process::ExitCode;

use clap::Args;
use dateline_pipeline::Stage;
use dateline_resolve::{EventNouns, MergeRule};
use dateline_store::{ArticleInput, IngestReport, OpenMode, Store};

use crate::args::{InputArgs, KnowledgeArgs};
use crate::cmd::build_pipeline;
use crate::run::for_each_article;

/// Which store to use.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The store: a SQLite file, `sqlite:PATH`, or `postgres://user@host/db`
    /// [default: $DATELINE_DB, else ./dateline.db].
    #[arg(long, value_name = "URL")]
    pub db: Option<String>,
}

impl DbArgs {
    /// The location named by `--db`, `$DATELINE_DB`, or the default file.
    pub fn location(&self) -> String {
        self.db
            .clone()
            .or_else(|| {
                std::env::var("DATELINE_DB")
                    .ok()
                    .filter(|db| !db.is_empty())
            })
            .unwrap_or_else(|| dateline_store::DEFAULT_LOCATION.to_string())
    }

    pub fn open(&self, mode: OpenMode) -> anyhow::Result<Store> {
        Ok(Store::open(&self.location(), mode)?)
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub knowledge: KnowledgeArgs,
    #[command(flatten)]
    pub db: DbArgs,
    /// Reports dated at most this many days from an event's first report may
    /// be the same event.
    #[arg(long, value_name = "DAYS", default_value_t = MergeRule::default().window_days)]
    pub window_days: u32,
    /// Articles written per transaction: a killed ingest loses at most one
    /// batch, which the next run stores.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub batch: usize,
}

pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let pipeline = build_pipeline(&args.knowledge, args.input.dictionary_problems())?;
    let rule = MergeRule {
        window_days: args.window_days,
        ..MergeRule::default()
    };
    let mut store = args.db.open(OpenMode::Create)?.with_rule(rule);
    let nouns = EventNouns::builtin();
    let batch_size = args.batch.max(1);
    let mut batch: Vec<ArticleInput> = Vec::with_capacity(batch_size);
    let mut total = IngestReport::default();
    let summary = for_each_article(
        &args.input,
        |doc| {
            pipeline.process(doc, Stage::Code);
            ArticleInput::from_doc(doc, nouns)
        },
        |_doc, article| {
            batch.push(article);
            if batch.len() >= batch_size {
                write_batch(&mut store, &mut batch, &mut total)?;
            }
            Ok(())
        },
    )?;
    write_batch(&mut store, &mut batch, &mut total)?;
    store.optimize()?;
    let stats = store.stats()?;
    println!(
        "{} articles: {} new, {} revised, {} already stored; {} event reports and {} \
         references, {} new events. The store at {} holds {} articles and {} events.",
        total.articles,
        total.new_articles,
        total.revisions,
        total.duplicates,
        total.reports,
        total.references,
        total.new_events,
        args.db.location(),
        stats.articles,
        stats.events
    );
    Ok(summary.status())
}

fn write_batch(
    store: &mut Store,
    batch: &mut Vec<ArticleInput>,
    total: &mut IngestReport,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let report = store.ingest(batch)?;
    for problem in &report.problems {
        eprintln!("dateline: warning: {problem}");
    }
    total.add(report);
    batch.clear();
    Ok(())
}
