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
  dateline code data/samples                      events of the bundled sample articles
  dateline code news.jsonl --format gdelt         GDELT 2.0 event rows
  dateline read article.html --format jsonl       the article as Dateline reads it
  dateline actors story.txt                       who and where the article names
  dateline eval --gold data/gold/wikinews/dev.jsonl  score the coder on labelled news

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
    /// Code articles and store them (SQLite or PostgreSQL), once each, with
    /// reports of the same event merged across sentences and articles.
    Ingest(crate::cmd::ingest::IngestArgs),
    /// Stored events matching filters, as a table or exported (JSONL, CSV,
    /// GDELT, PLOVER, Parquet) with merge counts and every mention.
    Events(crate::cmd::events::EventsArgs),
    /// Stored events per day, week or month, with mean Goldstein score.
    Timeline(crate::cmd::timeline::TimelineArgs),
    /// Who acts on whom among stored events: source-target pairs with
    /// counts and mean Goldstein score.
    Network(crate::cmd::network::NetworkArgs),
    /// One stored event with every mention and its sentence.
    Show(crate::cmd::show::ShowArgs),
    /// Part-of-speech tags and dependency trees of sentences (CoNLL-U or
    /// JSON Lines); `--eval` scores the parser on a treebank.
    Parse(crate::cmd::parse::ParseArgs),
    /// Serve the store over HTTP: a JSON API (OpenAPI at /openapi.json) and
    /// a web explorer with map, timeline, network and evidence; read-only
    /// unless given --write-token.
    Serve(crate::cmd::serve::ServeArgs),
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
    /// An actor dictionary, Dateline TSV or PETRARCH/TABARI (repeatable).
    #[arg(long = "actors", value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// An agent dictionary, Dateline TSV or PETRARCH/TABARI (repeatable).
    #[arg(long = "agents", value_name = "FILE")]
    pub agents: Vec<PathBuf>,
    /// A PETRARCH discard list: sentences (or, with '+', stories) holding
    /// one of its phrases yield no events (repeatable).
    #[arg(long = "discards", value_name = "FILE")]
    pub discards: Vec<PathBuf>,
    /// A PETRARCH issue list: events get the issue codes of their sentence
    /// (repeatable).
    #[arg(long = "issues", value_name = "FILE")]
    pub issues: Vec<PathBuf>,
    /// A PETRARCH configuration: its [Dictionaries] (paths relative to the
    /// file's folder; implies --no-builtin) and coding [Options].
    #[arg(long, value_name = "FILE.ini")]
    pub petrarch_config: Option<PathBuf>,
    /// Which coder reads the sentences: the verb patterns over tagged
    /// tokens, the event lexicon over the dependency parse, or both.
    #[arg(long, value_enum, value_name = "ENGINE")]
    pub engine: Option<EngineArg>,
    #[command(flatten)]
    pub options: CodingOptionArgs,
}

/// `--engine`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EngineArg {
    Patterns,
    Parse,
    Both,
}

impl From<EngineArg> for dateline_code::Engine {
    fn from(engine: EngineArg) -> dateline_code::Engine {
        match engine {
            EngineArg::Patterns => dateline_code::Engine::Patterns,
            EngineArg::Parse => dateline_code::Engine::Parse,
            EngineArg::Both => dateline_code::Engine::Both,
        }
    }
}

/// PETRARCH's coding options; each overrides the same option of a
/// `--petrarch-config` file.
#[derive(Debug, Args, Default, Clone, PartialEq, Eq)]
pub struct CodingOptionArgs {
    /// Only events with both a source and a target (default true).
    #[arg(long, value_name = "true|false", value_parser = parse_bool)]
    pub require_dyad: Option<bool>,
    /// Unknown names of up to N words act as actors, coded by their text
    /// (PETRARCH's new_actor_length; 0, the default, turns this off).
    #[arg(long, value_name = "N")]
    pub new_actor_length: Option<usize>,
    /// Hide comma-delimited asides of at least N words (PETRARCH comma_min).
    #[arg(long, value_name = "N")]
    pub comma_min: Option<usize>,
    /// Hide comma-delimited asides of at most N words; 0 turns this off.
    #[arg(long, value_name = "N")]
    pub comma_max: Option<usize>,
    /// Shortest opening clause (before the first comma) to hide.
    #[arg(long, value_name = "N")]
    pub comma_bmin: Option<usize>,
    /// Longest opening clause to hide; 0 (the default) turns this off.
    #[arg(long, value_name = "N")]
    pub comma_bmax: Option<usize>,
    /// Shortest closing clause (after the last comma) to hide.
    #[arg(long, value_name = "N")]
    pub comma_emin: Option<usize>,
    /// Longest closing clause to hide; 0 turns this off.
    #[arg(long, value_name = "N")]
    pub comma_emax: Option<usize>,
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
    /// Labelled JSON Lines, repeatable: sentences
    /// ({"id","date","text","events":[{"source","target","code"}]}) or whole
    /// articles with their sentences (data/gold/wikinews).
    #[arg(long, value_name = "FILE", required = true)]
    pub gold: Vec<PathBuf>,
    #[command(flatten)]
    pub knowledge: KnowledgeArgs,
    /// Also list every sentence record that does not match exactly.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// List the gold events not found and the events found that are not
    /// gold, each with its sentence and why the coder decided as it did.
    #[arg(long)]
    pub misses: bool,
    /// `text` for people, `json` (one object) for scripts.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Same as `--format json`.
    #[arg(long, hide = true)]
    pub json: bool,
}

/// How a report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
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
    Unknown(Box<KbUnknownArgs>),
    /// Validate dictionaries (Dateline or PETRARCH/TABARI, format told by
    /// content): counts, errors with file and line, and notes.
    Check(KbCheckArgs),
    /// Convert PETRARCH/TABARI dictionaries to Dateline's own formats.
    Convert(KbConvertArgs),
}

/// What a dictionary file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DictionaryKind {
    /// Verb patterns (Dateline syntax or PETRARCH/TABARI).
    Verbs,
    /// PETRARCH/TABARI actors.
    Actors,
    /// PETRARCH/TABARI agents.
    Agents,
    /// PETRARCH discard list.
    Discards,
    /// PETRARCH issue list.
    Issues,
    /// Dateline knowledge-base TSV.
    Tsv,
}

#[derive(Debug, Args)]
pub struct KbCheckArgs {
    /// Dictionary files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Read every file as this kind instead of telling it from its content.
    #[arg(long, value_enum)]
    pub kind: Option<DictionaryKind>,
    /// List every note (lenient readings, codes outside CAMEO), not only counts.
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct KbConvertArgs {
    /// PETRARCH/TABARI verb, actor or agent dictionaries.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Folder for the converted files (created if missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
    /// Read every file as this kind instead of telling it from its content.
    #[arg(long, value_enum)]
    pub kind: Option<DictionaryKind>,
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

pub use dateline_pipeline::knowledge::parse_bool;

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

impl InputArgs {
    /// `--strict` also makes problems in user dictionaries fatal.
    pub fn dictionary_problems(&self) -> dateline_pipeline::ProblemPolicy {
        if self.strict {
            dateline_pipeline::ProblemPolicy::Fail
        } else {
            dateline_pipeline::ProblemPolicy::Report
        }
    }
}

impl KnowledgeArgs {
    /// The pipeline configuration: a `--petrarch-config` file first, then
    /// the flags, which add files and override its options.
    pub fn pipeline_config(
        &self,
        problems: dateline_pipeline::ProblemPolicy,
    ) -> anyhow::Result<dateline_pipeline::PipelineConfig> {
        let options = &self.options;
        let knowledge = dateline_pipeline::knowledge::KnowledgeOptions {
            kb_files: self.kb.clone(),
            verb_files: self.verbs.clone(),
            no_builtin: self.no_builtin,
            actor_files: self.actors.clone(),
            agent_files: self.agents.clone(),
            discard_files: self.discards.clone(),
            issue_files: self.issues.clone(),
            petrarch_config: self.petrarch_config.clone(),
            coding: dateline_pipeline::knowledge::CodingOptions {
                require_dyad: options.require_dyad,
                new_actor_length: options.new_actor_length,
                comma_min: options.comma_min,
                comma_max: options.comma_max,
                comma_bmin: options.comma_bmin,
                comma_bmax: options.comma_bmax,
                comma_emin: options.comma_emin,
                comma_emax: options.comma_emax,
            },
            engine: self.engine.map(Into::into),
        };
        Ok(knowledge.pipeline_config(problems)?)
    }
}
