//! `dateline parse`: part-of-speech tags and dependency trees of articles'
//! sentences (CoNLL-U or JSON Lines), of already tokenised CoNLL-U, or
//! scores against a gold treebank.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use dateline_model::{Doc, Pos, Segment};
use dateline_parse::Model;
use dateline_parse::conllu::{self, Line, Sentence, Word};
use rayon::prelude::*;
use serde::Serialize;

use crate::args::{InputArgs, InputFormat};
use crate::output;
use crate::run::for_each_article;

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(value_name = "INPUT", required_unless_present = "eval")]
    pub inputs: Vec<PathBuf>,
    /// Read every input in this format; `conllu` parses already tokenised
    /// CoNLL-U, keeping its tokens, ids and comments.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<ParseInputFormat>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ParseFormat,
    /// Score the built-in model on a gold CoNLL-U treebank (its tokens,
    /// tags and trees) and print UPOS, XPOS, UAS and LAS.
    #[arg(long, value_name = "GOLD.conllu", conflicts_with = "inputs")]
    pub eval: Option<PathBuf>,
    /// Publication date for articles whose input gives none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// Refuse input that is not valid UTF-8 instead of replacing bad bytes.
    #[arg(long)]
    pub strict: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ParseInputFormat {
    /// CoNLL-U: sentences already split into words.
    Conllu,
    Dateline,
    Text,
    Jsonl,
    Html,
    Feed,
    Warc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum ParseFormat {
    /// CoNLL-U, as Universal Dependencies tools read it.
    #[default]
    Conllu,
    /// One JSON object per sentence with its tokens and byte spans.
    Jsonl,
}

pub fn run(args: ParseArgs) -> anyhow::Result<ExitCode> {
    let model = Model::builtin();
    if let Some(gold) = &args.eval {
        return evaluate(model, gold);
    }
    if args.input_format == Some(ParseInputFormat::Conllu) {
        return parse_conllu(model, &args);
    }
    parse_articles(model, &args)
}

fn evaluate(model: &Model, gold: &PathBuf) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(gold).with_context(|| format!("{}", gold.display()))?;
    let (sentences, problems) = conllu::read(&gold.display().to_string(), &text);
    for problem in &problems {
        eprintln!("dateline: error: {problem}");
    }
    let scores = dateline_parse::eval::score(model, &sentences);
    println!("{}: {scores}", gold.display());
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Parses CoNLL-U inputs sentence by sentence, writing them back with the
/// model's tags, heads and relations.
fn parse_conllu(model: &Model, args: &ParseArgs) -> anyhow::Result<ExitCode> {
    let mut out = output::stdout();
    let mut n_failed = 0;
    for input in &args.inputs {
        let (name, text) = match read_input(input) {
            Ok(read) => read,
            Err(err) => {
                eprintln!("dateline: error: {err:#}");
                n_failed += 1;
                continue;
            }
        };
        let (mut sentences, problems) = conllu::read(&name, &text);
        for problem in &problems {
            eprintln!("dateline: error: {problem} (sentence skipped)");
        }
        n_failed += usize::from(!problems.is_empty());
        sentences
            .par_iter_mut()
            .for_each(|sentence| annotate(model, sentence));
        for (idx, sentence) in sentences.iter().enumerate() {
            match args.format {
                ParseFormat::Conllu => {
                    let mut text = String::new();
                    sentence.write(&mut text);
                    out.write_all(text.as_bytes())?;
                }
                ParseFormat::Jsonl => {
                    let tokens = sentence.words().map(TokenRecord::from_word).collect();
                    let record = SentenceRecord {
                        article_id: name.clone(),
                        sentence: idx,
                        text: None,
                        tokens,
                    };
                    output::json_line(&mut out, &record)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(if n_failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn read_input(input: &PathBuf) -> anyhow::Result<(String, String)> {
    if input.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("standard input")?;
        return Ok(("-".to_string(), text));
    }
    let bytes = std::fs::read(input).with_context(|| format!("{}", input.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|err| anyhow::anyhow!("{}: not UTF-8 ({err})", input.display()))?;
    Ok((input.display().to_string(), text))
}

/// Overwrites a sentence's tags, heads and relations with the model's.
fn annotate(model: &Model, sentence: &mut Sentence) {
    let forms: Vec<String> = sentence.words().map(|word| word.form.clone()).collect();
    let parsed = model.parse_words(&forms);
    for (word, parse) in sentence.words_mut().zip(&parsed) {
        word.upos = parse.tag.upos.to_string();
        word.xpos = parse.tag.xpos.clone();
        word.head = Some(parse.head.map_or(0, |head| head as u32 + 1));
        word.deprel = parse.rel.to_string();
        // Enhanced dependencies would have to agree with the new tree.
        word.deps = String::new();
    }
}

fn parse_articles(model: &Model, args: &ParseArgs) -> anyhow::Result<ExitCode> {
    let input = InputArgs {
        inputs: args.inputs.clone(),
        date: args.date,
        strict: args.strict,
        input_format: args.input_format.and_then(reader_format),
        max_article_bytes: dateline_read::DEFAULT_MAX_ARTICLE_BYTES,
        jobs: args.jobs,
    };
    let mut out = output::stdout();
    let summary = for_each_article(
        &input,
        |doc| {
            dateline_segment::segment(doc);
            dateline_parse::parse(doc, model);
        },
        |doc, ()| write_article(&mut out, &doc, args.format),
    )?;
    out.flush()?;
    Ok(summary.status())
}

fn reader_format(format: ParseInputFormat) -> Option<InputFormat> {
    match format {
        ParseInputFormat::Conllu => None,
        ParseInputFormat::Dateline => Some(InputFormat::Dateline),
        ParseInputFormat::Text => Some(InputFormat::Text),
        ParseInputFormat::Jsonl => Some(InputFormat::Jsonl),
        ParseInputFormat::Html => Some(InputFormat::Html),
        ParseInputFormat::Feed => Some(InputFormat::Feed),
        ParseInputFormat::Warc => Some(InputFormat::Warc),
    }
}

fn write_article(out: &mut impl Write, doc: &Doc, format: ParseFormat) -> anyhow::Result<()> {
    for (idx, sentence) in doc.sentences.iter().enumerate() {
        let tokens = tokens_of(doc, sentence);
        match format {
            ParseFormat::Conllu => {
                let text = doc.text(sentence.span).replace(['\n', '\r'], " ");
                let sentence = Sentence {
                    comments: vec![
                        format!(" sent_id = {}-{}", doc.meta.id, idx + 1),
                        format!(" text = {text}"),
                    ],
                    lines: tokens
                        .iter()
                        .map(|token| Line::Word(token.to_word()))
                        .collect(),
                    line_number: 0,
                };
                let mut text = String::new();
                sentence.write(&mut text);
                out.write_all(text.as_bytes())?;
            }
            ParseFormat::Jsonl => {
                let record = SentenceRecord {
                    article_id: doc.meta.id.clone(),
                    sentence: idx,
                    text: Some(doc.text(sentence.span).to_string()),
                    tokens,
                };
                output::json_line(out, &record)?;
            }
        }
    }
    Ok(())
}

/// One sentence as `--format jsonl` writes it.
#[derive(Debug, Serialize)]
struct SentenceRecord {
    article_id: String,
    /// 0-based index among the article's sentences (or the file's).
    sentence: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    tokens: Vec<TokenRecord>,
}

/// One token: CoNLL-U's columns, and its byte span in the article body.
#[derive(Debug, Serialize)]
struct TokenRecord {
    id: u32,
    form: String,
    lemma: String,
    upos: String,
    xpos: String,
    head: u32,
    deprel: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<[usize; 2]>,
    #[serde(skip)]
    space_after: bool,
}

impl TokenRecord {
    fn from_word(word: &Word) -> TokenRecord {
        TokenRecord {
            id: word.id,
            form: word.form.clone(),
            lemma: word.lemma.clone(),
            upos: word.upos.clone(),
            xpos: word.xpos.clone(),
            head: word.head.unwrap_or(0),
            deprel: word.deprel.clone(),
            span: None,
            space_after: true,
        }
    }

    fn to_word(&self) -> Word {
        Word {
            id: self.id,
            // A form may not hold tabs or line breaks in CoNLL-U.
            form: self.form.replace(['\t', '\n', '\r'], " "),
            lemma: self.lemma.replace(['\t', '\n', '\r'], " "),
            upos: self.upos.clone(),
            xpos: self.xpos.clone(),
            feats: String::new(),
            head: Some(self.head),
            deprel: self.deprel.clone(),
            deps: String::new(),
            misc: if self.space_after {
                String::new()
            } else {
                "SpaceAfter=No".to_string()
            },
        }
    }
}

/// The parsed tokens of a sentence, with lemmas from Dateline's lemmatiser.
fn tokens_of(doc: &Doc, sentence: &Segment) -> Vec<TokenRecord> {
    let range = sentence.token_range();
    let first = range.start;
    let tokens = &doc.tokens[range.clone()];
    tokens
        .iter()
        .enumerate()
        .map(|(offset, token)| {
            let form = doc.text(token.span);
            let parse = doc.parse.get(first + offset).copied().flatten();
            let xpos = parse.map_or(Pos::Sym, |parse| parse.xpos);
            let next_start = tokens.get(offset + 1).map(|next| next.span.start);
            TokenRecord {
                id: offset as u32 + 1,
                form: form.to_string(),
                lemma: dateline_tag::lemma(form, xpos).to_string(),
                upos: parse.map_or("X".to_string(), |parse| parse.upos.to_string()),
                xpos: treebank_xpos(parse, xpos),
                head: parse
                    .and_then(|parse| parse.head)
                    .map_or(0, |head| head - first as u32 + 1),
                deprel: parse.map_or("dep".to_string(), |parse| parse.rel.to_string()),
                span: Some([token.span.start as usize, token.span.end as usize]),
                space_after: next_start != Some(token.span.end),
            }
        })
        .collect()
}

/// The Penn tag as the treebank writes brackets.
fn treebank_xpos(parse: Option<dateline_model::TokenParse>, xpos: Pos) -> String {
    match (parse, xpos) {
        (_, Pos::OpenParen) => "-LRB-".to_string(),
        (_, Pos::CloseParen) => "-RRB-".to_string(),
        _ => xpos.to_string(),
    }
}
