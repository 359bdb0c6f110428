//! Labelled articles: read like any JSON Lines article, coded whole, and
//! every coded event placed in the labelled sentence it came from.

use dateline_eval::{ArticleScorer, ArticleScores, GoldArticle, Predicted, Triple};
use dateline_model::{Doc, Event, SegmentRef, Span};
use dateline_pipeline::{Explanation, Pipeline, Stage, Verdict};
use dateline_read::{Format, ReadConfig, Severity, read_bytes};
use rayon::prelude::*;
use serde::Serialize;

/// Scores over the article records, what each got wrong, and problems
/// (articles the reader or the labels could not line up).
#[derive(Debug)]
pub struct ArticleEval {
    pub scores: ArticleScores,
    pub misses: Vec<ArticleMisses>,
    pub problems: Vec<String>,
}

/// One article's wrong and missing events.
#[derive(Debug, Serialize)]
pub struct ArticleMisses {
    pub id: String,
    pub title: Option<String>,
    /// Gold events not coded in their sentence.
    pub missed: Vec<Miss>,
    /// Coded events that are not gold in their sentence.
    pub extra: Vec<Miss>,
}

/// An event and the sentence it belongs to, with the coder's reasons there.
#[derive(Debug, Serialize)]
pub struct Miss {
    /// Index of the labelled sentence (`None`: a heading or unlabelled text).
    pub sentence: Option<usize>,
    pub text: String,
    #[serde(flatten)]
    pub triple: Triple,
    /// What `--explain` says about the sentence's candidates.
    pub why: Vec<String>,
}

/// One article, coded.
struct Coded {
    article: GoldArticle,
    predicted: Vec<Predicted>,
    /// Explanation lines, by labelled sentence.
    reasons: Vec<(Option<usize>, String)>,
    problems: Vec<String>,
}

pub fn evaluate(pipeline: &Pipeline, articles: &[GoldArticle], explain: bool) -> ArticleEval {
    let coded: Vec<Coded> = articles
        .par_iter()
        .map(|article| code_article(pipeline, article.clone(), explain))
        .collect();
    let mut scorer = ArticleScorer::default();
    let mut misses = Vec::new();
    let mut problems = Vec::new();
    for coded in coded {
        let result = scorer.add(&coded.article, &coded.predicted);
        problems.extend(coded.problems.iter().cloned());
        if explain && (!result.missing.is_empty() || !result.extra.is_empty()) {
            misses.push(article_misses(&coded, &result.missing, &result.extra));
        }
    }
    ArticleEval {
        scores: scorer.scores(),
        misses,
        problems,
    }
}

fn code_article(pipeline: &Pipeline, mut article: GoldArticle, explain: bool) -> Coded {
    let mut problems = Vec::new();
    let Some(mut doc) = read_article(&article, &mut problems) else {
        return Coded {
            article,
            predicted: Vec::new(),
            reasons: Vec::new(),
            problems,
        };
    };
    problems.extend(article.align(doc.body()));
    let explanations = if explain {
        pipeline.process_explained(&mut doc)
    } else {
        pipeline.process(&mut doc, Stage::Code);
        Vec::new()
    };
    let predicted = doc
        .events
        .iter()
        .map(|event| Predicted {
            sentence: labelled_sentence(&article, &doc, event.segment),
            triple: triple_of(event),
        })
        .collect();
    let reasons = explanations
        .iter()
        .map(|e| {
            let sentence = labelled_sentence(&article, &doc, e.segment);
            (sentence, describe(&doc, e))
        })
        .collect();
    Coded {
        article,
        predicted,
        reasons,
        problems,
    }
}

/// Reads the article exactly as `dateline read` reads a JSON Lines record,
/// so the body is the one the labels' spans were made on.
fn read_article(article: &GoldArticle, problems: &mut Vec<String>) -> Option<Doc> {
    let record = serde_json::json!({
        "id": article.id, "url": article.url, "date": article.date,
        "title": article.title, "text": article.text,
    });
    let config = ReadConfig {
        format: Some(Format::Jsonl),
        ..ReadConfig::default()
    };
    let mut docs = Vec::new();
    let report = read_bytes(
        &article.id,
        record.to_string().as_bytes(),
        &config,
        &mut |doc| docs.push(doc),
    );
    problems.extend(
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string),
    );
    if docs.len() != 1 {
        problems.push(format!(
            "{}: read as {} articles, not one",
            article.id,
            docs.len()
        ));
        return None;
    }
    docs.pop()
}

fn labelled_sentence(article: &GoldArticle, doc: &Doc, segment: SegmentRef) -> Option<usize> {
    let SegmentRef::Sentence(idx) = segment else {
        return None;
    };
    let Span { start, end } = doc.sentences.get(idx as usize)?.span;
    article.sentence_at(start as usize, end as usize)
}

/// (source, target, code) of a coded event; no target is an empty code.
pub fn triple_of(event: &Event) -> Triple {
    let target = event.target.as_ref().map_or("", |t| t.code.as_str());
    Triple::new(event.source.code.as_str(), target, event.code.as_str())
}

fn describe(doc: &Doc, explanation: &Explanation) -> String {
    let trigger = doc.text(explanation.trigger);
    let rule = &explanation.rule;
    match &explanation.verdict {
        Verdict::Coded { events, .. } => {
            let coded: Vec<String> = events
                .iter()
                .filter_map(|&idx| doc.events.get(idx))
                .map(|e| {
                    let t = triple_of(e);
                    format!("{} {} {}", t.source, t.target, t.code)
                })
                .collect();
            format!("coded {} at '{trigger}' by rule [{rule}]", coded.join(", "))
        }
        Verdict::Rejected(reason) => format!("rejected '{trigger}' (rule [{rule}]): {reason}"),
    }
}

fn article_misses(coded: &Coded, missing: &[usize], extra: &[usize]) -> ArticleMisses {
    let article = &coded.article;
    let miss = |sentence: Option<usize>, triple: Triple| Miss {
        sentence,
        text: sentence
            .and_then(|s| article.sentence_text(s))
            .unwrap_or("(a heading or unlabelled text)")
            .to_string(),
        triple,
        why: why(coded, sentence),
    };
    ArticleMisses {
        id: article.id.clone(),
        title: article.title.clone(),
        missed: missing
            .iter()
            .map(|&idx| {
                let event = &article.events[idx];
                miss(Some(event.sentence), event.triple())
            })
            .collect(),
        extra: extra
            .iter()
            .map(|&idx| {
                let predicted = &coded.predicted[idx];
                miss(predicted.sentence, predicted.triple.clone())
            })
            .collect(),
    }
}

fn why(coded: &Coded, sentence: Option<usize>) -> Vec<String> {
    let reasons: Vec<String> = coded
        .reasons
        .iter()
        .filter(|(s, _)| *s == sentence)
        .map(|(_, reason)| reason.clone())
        .collect();
    if reasons.is_empty() {
        vec!["no pattern's trigger in the sentence".to_string()]
    } else {
        reasons
    }
}
