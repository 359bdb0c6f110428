//! Trains the built-in tagger and parser on UD English EWT and writes
//! `data/parse/en_ewt.model`.
//!
//! ```text
//! cargo run --release -p dateline-parse --example train -- ../shared/ud-ewt [--test] [--out FILE]
//!     [--tagger-epochs N] [--parser-epochs N] [--folds N] [--min-weight W]
//!     [--explore P] [--seed N] [--ensemble N]
//! ```
//!
//! Prints dev scores (and, with `--test`, test scores: report those once)
//! and writes them into the model's description.
//!
//! Dateline's segmenter keeps some words whole that the treebank splits
//! (lower-case hyphenated compounds such as "long-term", "cannot",
//! "and/or"). Every training sentence the segmenter would tokenise that
//! way is also trained on in that form, so the model knows both.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dateline_parse::conllu::{self, Sentence};
use dateline_parse::eval;
use dateline_parse::train::{TrainConfig, TrainProgress, train};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train: error: {message}");
            ExitCode::from(2)
        }
    }
}

struct Args {
    treebank: PathBuf,
    out: PathBuf,
    test: bool,
    config: TrainConfig,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut treebank = None;
    let mut out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/parse/en_ewt.model");
    let mut test = false;
    let mut config = TrainConfig::default();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--test" => test = true,
            "--out" => out = PathBuf::from(value("--out")?),
            "--tagger-epochs" => config.tagger_epochs = number(&value(&arg)?)?,
            "--parser-epochs" => config.parser_epochs = number(&value(&arg)?)?,
            "--folds" => config.folds = number(&value(&arg)?)?,
            "--min-weight" => config.min_weight = number(&value(&arg)?)?,
            "--explore" => config.explore = number(&value(&arg)?)?,
            "--seed" => config.seed = number(&value(&arg)?)?,
            "--ensemble" => config.ensemble = number(&value(&arg)?)?,
            _ if arg.starts_with("--") => return Err(format!("unknown option {arg}")),
            _ => treebank = Some(PathBuf::from(arg)),
        }
    }
    let treebank = treebank.ok_or("usage: train UD_EWT_DIR [--test] [--out FILE] [options]")?;
    Ok(Args {
        treebank,
        out,
        test,
        config,
    })
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("not a number: {text}"))
}

fn read_split(dir: &Path, split: &str) -> Result<Vec<Sentence>, String> {
    let path = dir.join(format!("en_ewt-ud-{split}.conllu"));
    let text =
        std::fs::read_to_string(&path).map_err(|err| format!("{}: {err}", path.display()))?;
    let (sentences, problems) = conllu::read(&path.display().to_string(), &text);
    for problem in &problems {
        eprintln!("train: warning: {problem}");
    }
    Ok(sentences)
}

fn run() -> Result<(), String> {
    let mut args = parse_args()?;
    let mut train_set = read_split(&args.treebank, "train")?;
    let dev_set = read_split(&args.treebank, "dev")?;
    let variants = segmenter_variants(&train_set);
    eprintln!(
        "train: {} training sentences (and {} as the segmenter tokenises them), {} dev sentences; {:?}",
        train_set.len(),
        variants.len(),
        dev_set.len(),
        args.config
    );
    train_set.extend(variants);
    let started = Instant::now();
    let mut progress = |event: TrainProgress| {
        eprintln!("train: {:>6.1}s {event:?}", started.elapsed().as_secs_f64());
    };
    let model = train(&train_set, &args.config, &mut progress).map_err(|err| err.to_string())?;
    let train_seconds = started.elapsed().as_secs_f64();
    let (n_tagger, n_moves, n_labels) = model.n_weights();
    eprintln!(
        "train: trained in {train_seconds:.0}s; {n_tagger} tagger, {n_moves} move and {n_labels} label weights"
    );
    let dev = eval::score(&model, &dev_set);
    eprintln!("train: dev: {dev}");
    let dev_segmented = eval::score(&model, &segmenter_variants(&dev_set));
    eprintln!(
        "train: dev sentences the segmenter tokenises differently, in its tokens: {dev_segmented}"
    );
    let mut description = format!(
        "Dateline tagger and parser trained on UD English EWT 2.15 (train split; CC BY-SA 4.0: \
         these weights derive from it and are shared under the same licence). \
         Dev (gold tokens): {dev}."
    );
    if args.test {
        let test = eval::score(&model, &read_split(&args.treebank, "test")?);
        eprintln!("train: test: {test}");
        description.push_str(&format!(" Test (gold tokens): {test}."));
    }
    args.config.description = description;
    let model = dateline_parse::Model::from_bytes(&model.to_bytes())
        .map_err(|err| err.to_string())?
        .with_description(&args.config.description);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).map_err(|err| format!("{}: {err}", args.out.display()))?;
    eprintln!(
        "train: wrote {} ({:.1} MB)",
        args.out.display(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

/// The sentences whose words the segmenter joins, with those words joined.
fn segmenter_variants(sentences: &[Sentence]) -> Vec<Sentence> {
    sentences
        .iter()
        .filter_map(|sentence| {
            let text = sentence
                .comments
                .iter()
                .find_map(|comment| comment.strip_prefix(" text = "))?;
            let spans = word_spans(text, sentence)?;
            let runs: Vec<Range<usize>> = dateline_segment::tokenize(text)
                .iter()
                .filter_map(|token| {
                    let first = spans
                        .iter()
                        .position(|span| span.start == token.span.start as usize)?;
                    let last = spans
                        .iter()
                        .position(|span| span.end == token.span.end as usize)?;
                    (last > first).then_some(first..last + 1)
                })
                .collect();
            (!runs.is_empty()).then(|| sentence.merge_words(&runs))
        })
        .collect()
}

/// Byte spans of the sentence's words in its text, when every word is
/// found in order with only spaces between.
fn word_spans(text: &str, sentence: &Sentence) -> Option<Vec<Range<usize>>> {
    let mut spans = Vec::new();
    let mut pos = 0;
    for word in sentence.words() {
        let offset = text[pos..].find(word.form.as_str())?;
        if !text[pos..pos + offset].trim().is_empty() {
            return None;
        }
        spans.push(pos + offset..pos + offset + word.form.len());
        pos += offset + word.form.len();
    }
    Some(spans)
}
