//! Gold files: JSON Lines of labelled sentences or labelled articles.

use crate::articles::GoldArticle;
use crate::sentences::GoldRecord;

/// A problem in a gold file.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GoldError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// The records of one or more gold files; a file may mix both kinds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoldSet {
    /// One sentence a record (`{"id","date","text","events"}`).
    pub records: Vec<GoldRecord>,
    /// One article a record (with `sentences`; see `data/gold/wikinews`).
    pub articles: Vec<GoldArticle>,
}

/// Parses a gold JSONL text; bad lines are returned as errors, good ones kept.
/// A line with a `sentences` field is an article, any other a sentence.
pub fn parse_gold(file: &str, text: &str) -> (GoldSet, Vec<GoldError>) {
    let mut set = GoldSet::default();
    let mut errors = Vec::new();
    for (line_idx, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if let Err(err) = parse_line(line, &mut set) {
            errors.push(GoldError {
                file: file.to_string(),
                line: line_idx + 1,
                message: err.to_string(),
            });
        }
    }
    (set, errors)
}

fn parse_line(line: &str, set: &mut GoldSet) -> serde_json::Result<()> {
    let value: serde_json::Value = serde_json::from_str(line)?;
    if value.get("sentences").is_some() {
        set.articles.push(serde_json::from_value(value)?);
    } else {
        set.records.push(serde_json::from_value(value)?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_lines_report_errors_and_keep_the_rest() {
        let text = "{\"id\":\"a\",\"date\":\"2024-01-02\",\"text\":\"T\",\"events\":[]}\n{broken\n\
                    {\"id\":\"b\",\"text\":\"T.\",\"sentences\":[{\"index\":0,\"span\":[0,2],\"text\":\"T.\"}],\"events\":[]}\n\
                    {\"id\":\"c\",\"text\":\"T.\",\"sentences\":[{\"index\":0}],\"events\":[]}\n";
        let (set, errors) = parse_gold("gold.jsonl", text);
        assert_eq!((set.records.len(), set.articles.len()), (1, 1));
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 4]);
        assert!(errors[0].to_string().starts_with("gold.jsonl:2:"));
        assert!(errors[1].message.contains("span"), "{}", errors[1].message);
    }
}
