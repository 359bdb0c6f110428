//! Load time of the built-in model and tagging + parsing speed over a
//! CoNLL-U file (gold tokens), in sentences per CPU-second (Linux); with
//! `--out`, also writes the file with the model's tags, heads and
//! relations, so that two builds can be checked for identical output.
//!
//! ```text
//! cargo run --release -p dateline-parse --example speed -- ../shared/ud-ewt/en_ewt-ud-dev.conllu [ROUNDS] [--out PARSED.conllu]
//! ```

use std::time::Instant;

use dateline_parse::conllu::{self, Sentence};
use dateline_parse::{Model, WordParse};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out_path = args
        .iter()
        .position(|arg| arg == "--out")
        .map(|idx| args[idx + 1].clone());
    let text = std::fs::read_to_string(&args[0]).expect("a CoNLL-U file");
    let rounds: usize = args
        .get(1)
        .filter(|arg| !arg.starts_with("--"))
        .map_or(5, |arg| arg.parse().expect("a number of rounds"));
    let (mut sentences, _) = conllu::read(&args[0], &text);

    let started = Instant::now();
    let model = Model::builtin();
    eprintln!(
        "built-in model loaded in {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|sentence| sentence.words().map(|word| word.form.as_str()).collect())
        .collect();
    let mut parsed = Vec::new();
    // A first round warms the caches and the allocator.
    for sentence in &words {
        model.parse_words_into(sentence, &mut parsed);
    }
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let cpu_started = cpu_seconds();
        for sentence in &words {
            model.parse_words_into(sentence, &mut parsed);
        }
        best = best.min(cpu_seconds() - cpu_started);
    }
    println!(
        "{} sentences: {:.0} sentences per CPU-second (best of {rounds} rounds)",
        words.len(),
        words.len() as f64 / best
    );
    drop(words);

    if let Some(out_path) = out_path {
        let mut out = String::new();
        for sentence in &mut sentences {
            let forms: Vec<String> = sentence.words().map(|word| word.form.clone()).collect();
            model.parse_words_into(&forms, &mut parsed);
            fill(sentence, &parsed);
            sentence.write(&mut out);
        }
        std::fs::write(&out_path, out).expect("write the parse");
    }
}

/// Replaces a sentence's tags, heads and relations with the model's.
fn fill(sentence: &mut Sentence, parsed: &[WordParse<'_>]) {
    for (word, parse) in sentence.words_mut().zip(parsed) {
        word.upos = parse.tag.upos.as_str().to_string();
        word.xpos = parse.tag.xpos.clone();
        word.head = Some(parse.head.map_or(0, |head| head as u32 + 1));
        word.deprel = parse.rel.as_str().to_string();
    }
}

/// CPU time of this thread so far, in seconds (Linux; nanosecond
/// precision, where /proc/self/stat counts in hundredths).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let nanos: f64 = stat
        .split_whitespace()
        .next()
        .and_then(|field| field.parse().ok())
        .unwrap_or(0.0);
    nanos / 1e9
}
