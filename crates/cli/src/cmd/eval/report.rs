//! The evaluation report, as text for people or one JSON object for scripts.

use std::collections::BTreeMap;
use std::io::Write;

use dateline_eval::{ArticleScores, Counts, GoldSet, Triple};
use dateline_model::EventCode;
use serde::Serialize;

use super::articles::{ArticleEval, ArticleMisses, Miss};
use super::sentences::SentenceEval;
use crate::output;

/// Everything an evaluation found, and what the user asked to see.
#[derive(Debug)]
pub struct Report<'a> {
    pub sentences: Option<&'a SentenceEval>,
    pub articles: Option<&'a ArticleEval>,
    pub gold: &'a GoldSet,
    pub verbose: bool,
    pub misses: bool,
}

impl Report<'_> {
    pub fn print_text(&self) -> anyhow::Result<()> {
        let mut out = output::stdout();
        if let Some(eval) = self.sentences {
            if self.verbose {
                self.sentence_mismatches(&mut out, eval)?;
            }
            sentence_scores(&mut out, eval)?;
        }
        if let Some(eval) = self.articles {
            if self.misses {
                for article in &eval.misses {
                    article_misses(&mut out, article)?;
                }
            }
            article_scores(&mut out, &eval.scores)?;
            root_table(&mut out, &eval.scores)?;
        }
        out.flush()?;
        Ok(())
    }

    pub fn print_json(&self) -> anyhow::Result<()> {
        #[derive(Serialize)]
        struct Json<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            sentences: Option<SentenceJson<'a>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            articles: Option<ArticleJson<'a>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            misses: Option<&'a [ArticleMisses]>,
        }
        #[derive(Serialize)]
        struct SentenceJson<'a> {
            #[serde(flatten)]
            scores: &'a dateline_eval::Scores,
            exact_match: f64,
        }
        #[derive(Serialize)]
        struct ArticleJson<'a> {
            #[serde(flatten)]
            scores: &'a ArticleScores,
            found_per_gold: f64,
        }
        let json = Json {
            sentences: self.sentences.map(|eval| SentenceJson {
                scores: &eval.scores,
                exact_match: eval.scores.exact_match_rate(),
            }),
            articles: self.articles.map(|eval| ArticleJson {
                scores: &eval.scores,
                found_per_gold: eval.scores.found_per_gold(),
            }),
            misses: self
                .articles
                .filter(|_| self.misses)
                .map(|eval| eval.misses.as_slice()),
        };
        let mut out = output::stdout();
        output::json_line(&mut out, &json)?;
        out.flush()?;
        Ok(())
    }

    fn sentence_mismatches(&self, out: &mut impl Write, eval: &SentenceEval) -> anyhow::Result<()> {
        for (idx, result) in &eval.mismatches {
            let record = &self.gold.records[*idx];
            writeln!(out, "{}: {}", record.id, record.text)?;
            writeln!(out, "    missing: {}", show(&result.missing))?;
            writeln!(out, "    extra:   {}", show(&result.extra))?;
        }
        Ok(())
    }
}

fn sentence_scores(out: &mut impl Write, eval: &SentenceEval) -> anyhow::Result<()> {
    let scores = &eval.scores;
    writeln!(
        out,
        "labelled sentences: {}  exact match: {:.3} ({} of {})",
        scores.records,
        scores.exact_match_rate(),
        scores.exact_matches,
        scores.records
    )?;
    counts_line(out, "triples (source, target, code)", &scores.triples)?;
    counts_line(
        out,
        "(source country, target country, root)",
        &scores.countries_roots,
    )
}

fn article_scores(out: &mut impl Write, scores: &ArticleScores) -> anyhow::Result<()> {
    writeln!(
        out,
        "labelled articles: {}  gold events: {} (and {} optional)  coded: {} ({:.2} per gold event; {} in negative articles)",
        scores.articles,
        scores.gold_events,
        scores.optional_events,
        scores.predicted_events,
        scores.found_per_gold(),
        scores.negative_article_events,
    )?;
    let per_article = |n: usize| n as f64 / scores.articles.max(1) as f64;
    writeln!(
        out,
        "events per article: gold {:.2}, coded {:.2}",
        per_article(scores.gold_events),
        per_article(scores.predicted_events)
    )?;
    counts_line(
        out,
        "article (source country, target country, root)",
        &scores.article_countries_roots,
    )?;
    counts_line(
        out,
        "article (source, target, code)",
        &scores.article_triples,
    )?;
    counts_line(
        out,
        "sentence (source country, target country, root)",
        &scores.sentence_countries_roots,
    )?;
    counts_line(
        out,
        "sentence (source, target, code)",
        &scores.sentence_triples,
    )
}

fn counts_line(out: &mut impl Write, label: &str, counts: &Counts) -> anyhow::Result<()> {
    writeln!(
        out,
        "{label}: precision {:.3}  recall {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
        counts.precision(),
        counts.recall(),
        counts.f1(),
        counts.true_positives,
        counts.false_positives,
        counts.false_negatives
    )?;
    Ok(())
}

/// Recall and precision by CAMEO root, at article level on (source country,
/// target country, root).
fn root_table(out: &mut impl Write, scores: &ArticleScores) -> anyhow::Result<()> {
    let mut table = output::table(&[
        "root",
        "name",
        "gold",
        "coded",
        "right",
        "recall",
        "precision",
    ]);
    for (root, counts) in &scores.roots {
        let name = EventCode::parse(root)
            .ok()
            .and_then(|code| code.info())
            .map_or("", |info| info.name.as_str());
        let gold = counts.true_positives + counts.false_negatives;
        let coded = counts.true_positives + counts.false_positives;
        table.add_row(vec![
            root.clone(),
            name.to_string(),
            gold.to_string(),
            coded.to_string(),
            counts.true_positives.to_string(),
            figure(gold, counts.recall()),
            figure(coded, counts.precision()),
        ]);
    }
    writeln!(
        out,
        "by root (article level, source country, target country, root):"
    )?;
    writeln!(out, "{table}")?;
    Ok(())
}

/// A ratio, or "-" when its denominator is empty.
fn figure(denominator: usize, value: f64) -> String {
    if denominator == 0 {
        "-".into()
    } else {
        format!("{value:.2}")
    }
}

fn article_misses(out: &mut impl Write, article: &ArticleMisses) -> anyhow::Result<()> {
    writeln!(
        out,
        "{} ({})",
        article.id,
        article.title.as_deref().unwrap_or("untitled")
    )?;
    let mut by_sentence: BTreeMap<Option<usize>, Vec<(&str, &Miss)>> = BTreeMap::new();
    for miss in &article.missed {
        by_sentence
            .entry(miss.sentence)
            .or_default()
            .push(("missed", miss));
    }
    for miss in &article.extra {
        by_sentence
            .entry(miss.sentence)
            .or_default()
            .push(("extra ", miss));
    }
    for (sentence, misses) in by_sentence {
        let place = sentence.map_or("-".to_string(), |s| s.to_string());
        writeln!(out, "  [{place}] {}", misses[0].1.text)?;
        for (kind, miss) in &misses {
            writeln!(
                out,
                "      {kind} {}",
                show(std::slice::from_ref(&miss.triple))
            )?;
        }
        for reason in &misses[0].1.why {
            writeln!(out, "        why: {reason}")?;
        }
    }
    Ok(())
}

fn show(triples: &[Triple]) -> String {
    if triples.is_empty() {
        return "-".into();
    }
    triples
        .iter()
        .map(|t| format!("{} {} {}", t.source, t.target, t.code))
        .collect::<Vec<_>>()
        .join("; ")
}
