//! Command-line arguments (clap). Flags shared by several commands are
//! grouped in `InputArgs` and `KnowledgeArgs`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str = "Turn news articles into event data: who did what to whom, when, where, \
and according to whom, with the exact words as evidence.";

const AFTER_HELP: &str = "\
Inputs may be files, directories (read recursively) or - for standard input, in any of these
formats, each optionally gzip-compressed: dateline text (first line `date YYYY-MM-DD Place: ...`),
plain text, JSON Lines (one article per line), HTML pages, RSS/Atom feeds and WARC archives.

Examples:
  dateline code data/samples                     events of the bundled sample articles
  dateline code news.jsonl --format gdelt        GDELT 2.0 event rows
  dateline read article.html --format jsonl      the article as Dateline reads it
  dateline actors story.txt                      who and where the article names
  dateline eval --gold data/gold/dev.jsonl       score the coder on labelled sentences

Exit status: 0 when every input was read, 1 when some inputs failed, 2 for usage errors.";

#[derive(Debug, Parser)]
#[command(name = "dateline", version, about = ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles and print them as Dateline sees them: metadata, body,
    /// headings and sentences (no coding).
    Read(ReadArgs),
    /// Print the actors and places recognised in articles, and what each
    /// article is about.
    Actors(ActorsArgs),
    /// Code articles into events (CAMEO and PLOVER) with their evidence.
    Code(CodeArgs),
    /// Score the coder against labelled sentences.
    Eval(EvalArgs),
    /// Knowledge-base tools: list unknown names, check and convert dictionaries.
    Kb(KbArgs),
}

/// Where articles come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Publication date for articles whose input gives none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Refuse input that is not valid UTF-8 instead of replacing bad bytes.
    #[arg(long)]
    pub strict: bool,
    /// Read every input in this format instead of choosing by name and content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Largest article accepted, in bytes; larger ones are reported and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = dateline_read::DEFAULT_MAX_ARTICLE_BYTES)]
    pub max_article_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

/// Which knowledge to code with.
#[derive(Debug, Args, Default)]
pub struct KnowledgeArgs {
    /// A knowledge-base file in Dateline TSV that extends or overrides the
    /// built-in one (repeatable).
    #[arg(long = "kb", value_name = "PATH")]
    pub kb: Vec<PathBuf>,
    /// A verb pattern file that extends the built-in patterns (repeatable).
    #[arg(long = "verbs", value_name = "FILE")]
    pub verbs: Vec<PathBuf>,
    /// Code with the given dictionaries only, none of the built-in ones.
    #[arg(long)]
    pub no_builtin: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// `date YYYY-MM-DD Place: body`
    Dateline,
    /// Paragraphs separated by blank lines.
    Text,
    /// One JSON article per line.
    Jsonl,
    Html,
    /// RSS 2.0 or Atom.
    Feed,
    Warc,
}

/// Table on a terminal, JSON Lines otherwise (`auto`), or as chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum TableOrJsonl {
    #[default]
    Auto,
    Table,
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum EventFormat {
    /// Table on a terminal, JSON Lines when piped.
    #[default]
    Auto,
    Table,
    /// The public event schema, one object per line (see README).
    Jsonl,
    /// Flat CSV with a header.
    Csv,
    /// GDELT 2.0 events export: 61 tab-separated columns.
    Gdelt,
    /// PLOVER JSON, one object per line.
    Plover,
}

#[derive(Debug, Args)]
pub struct ReadArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: TableOrJsonl,
}

#[derive(Debug, Args)]
pub struct ActorsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub knowledge: KnowledgeArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: TableOrJsonl,
}

#[derive(Debug, Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub knowledge: KnowledgeArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: EventFormat,
    /// Say on standard error why each event was coded and why candidates were rejected.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled JSON Lines: {"id","date","text","events":[{"source","target","code"}]}.
    #[arg(long, value_name = "FILE", required = true)]
    pub gold: PathBuf,
    #[command(flatten)]
    pub knowledge: KnowledgeArgs,
    /// Also list every record that does not match exactly.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Print the scores as one JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct KbArgs {
    #[command(subcommand)]
    pub command: KbCommand,
}

#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// List capitalised names that match nothing in the knowledge base, most
    /// frequent first, with a guess of what they are.
    Unknown(KbUnknownArgs),
}

#[derive(Debug, Args)]
pub struct KbUnknownArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub knowledge: KnowledgeArgs,
    #[arg(long, value_enum, default_value_t)]
    pub format: TableOrJsonl,
    /// Show at most this many names.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("expected YYYY-MM-DD, got {text:?}"))
}

impl InputArgs {
    pub fn read_config(&self) -> dateline_read::ReadConfig {
        use dateline_read::{Format, Utf8Policy};
        dateline_read::ReadConfig {
            default_date: self.date,
            utf8: if self.strict {
                Utf8Policy::Strict
            } else {
                Utf8Policy::Lossy
            },
            max_article_bytes: self.max_article_bytes,
            format: self.input_format.map(|format| match format {
                InputFormat::Dateline => Format::DatelineText,
                InputFormat::Text => Format::PlainText,
                InputFormat::Jsonl => Format::Jsonl,
                InputFormat::Html => Format::Html,
                InputFormat::Feed => Format::Feed,
                InputFormat::Warc => Format::Warc,
            }),
        }
    }
}

impl KnowledgeArgs {
    pub fn pipeline_config(&self) -> dateline_pipeline::PipelineConfig {
        dateline_pipeline::PipelineConfig {
            kb_files: self.kb.clone(),
            verb_files: self.verbs.clone(),
            no_builtin: self.no_builtin,
            ..Default::default()
        }
    }
}
