//! Scoring against the evaluation file: snippets, title and date.

use crate::candidates::Output;

/// One page's expectations, as given in `evaldata.en.json`.
#[derive(Debug, serde::Deserialize)]
pub struct Expectation {
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// A name, or a list of names on a few pages.
    #[serde(default)]
    pub author: Option<serde_json::Value>,
    #[serde(default)]
    pub with: Vec<String>,
    #[serde(default)]
    pub without: Vec<String>,
}

/// Counts over all pages for one extractor.
#[derive(Debug, Default)]
pub struct Tally {
    pages: usize,
    with_found: usize,
    with_total: usize,
    without_absent: usize,
    without_total: usize,
    pages_all_with: usize,
    pages_no_without: usize,
    pages_both: usize,
    titles_expected: usize,
    titles_right: usize,
    dates_expected: usize,
    dates_right: usize,
    dates_invented: usize,
    authors_expected: usize,
    authors_right: usize,
    empty_outputs: usize,
    pub seconds: f64,
}

impl Tally {
    pub fn add(&mut self, expectation: &Expectation, output: &Output) {
        self.pages += 1;
        let text = collapse_whitespace(&output.text);
        if text.is_empty() {
            self.empty_outputs += 1;
        }
        let n_found = count_matching(&expectation.with, |s| text.contains(s));
        let n_absent = count_matching(&expectation.without, |s| !text.contains(s));
        self.with_found += n_found;
        self.with_total += expectation.with.len();
        self.without_absent += n_absent;
        self.without_total += expectation.without.len();
        let all_with = n_found == expectation.with.len();
        let no_without = n_absent == expectation.without.len();
        self.pages_all_with += usize::from(all_with);
        self.pages_no_without += usize::from(no_without);
        self.pages_both += usize::from(all_with && no_without);
        self.add_title(expectation, output);
        self.add_date(expectation, output);
        self.add_author(expectation, output);
    }

    fn add_title(&mut self, expectation: &Expectation, output: &Output) {
        let Some(expected) = expectation.title.as_deref().filter(|t| !t.is_empty()) else {
            return;
        };
        self.titles_expected += 1;
        let got = output.title.as_deref().map(collapse_whitespace);
        self.titles_right += usize::from(got.as_deref() == Some(collapse_whitespace(expected).as_str()));
    }

    fn add_date(&mut self, expectation: &Expectation, output: &Output) {
        match expectation.date.as_deref().filter(|d| !d.is_empty()) {
            Some(expected) => {
                self.dates_expected += 1;
                let got = output.date.map(|d| d.format("%Y-%m-%d").to_string());
                self.dates_right += usize::from(got.as_deref() == Some(expected));
            }
            None => self.dates_invented += usize::from(output.date.is_some()),
        }
    }

    fn add_author(&mut self, expectation: &Expectation, output: &Output) {
        let expected = match &expectation.author {
            Some(serde_json::Value::String(name)) if !name.is_empty() => name.clone(),
            Some(serde_json::Value::Array(names)) => {
                let names: Vec<&str> = names.iter().filter_map(|n| n.as_str()).collect();
                names.join("; ")
            }
            _ => return,
        };
        self.authors_expected += 1;
        let got = output.author.as_deref().map(collapse_whitespace);
        self.authors_right += usize::from(got.as_deref() == Some(collapse_whitespace(&expected).as_str()));
    }

    pub fn header() -> String {
        [
            "| extractor | with found | without absent | pages all-with | pages none-without | pages both | precision | recall | F1 | title | date | date on undated pages | author | empty | pages/s |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        .join("\n")
    }

    pub fn row(&self, name: &str) -> String {
        // Snippet-level precision/recall as in trafilatura's own evaluation:
        // a found `with` snippet is a true positive, a present `without` one a false positive.
        let tp = self.with_found as f64;
        let fn_ = (self.with_total - self.with_found) as f64;
        let fp = (self.without_total - self.without_absent) as f64;
        let precision = tp / (tp + fp);
        let recall = tp / (tp + fn_);
        let f1 = 2.0 * precision * recall / (precision + recall);
        format!(
            "| {name} | {} | {} | {} | {} | {} | {precision:.3} | {recall:.3} | {f1:.3} | {} | {} | {} | {} | {} | {:.1} |",
            ratio(self.with_found, self.with_total),
            ratio(self.without_absent, self.without_total),
            ratio(self.pages_all_with, self.pages),
            ratio(self.pages_no_without, self.pages),
            ratio(self.pages_both, self.pages),
            ratio(self.titles_right, self.titles_expected),
            ratio(self.dates_right, self.dates_expected),
            format!("{}/{}", self.dates_invented, self.pages - self.dates_expected),
            ratio(self.authors_right, self.authors_expected),
            self.empty_outputs,
            self.pages as f64 / self.seconds,
        )
    }
}

fn count_matching(snippets: &[String], predicate: impl Fn(&str) -> bool) -> usize {
    snippets
        .iter()
        .map(|s| collapse_whitespace(s))
        .filter(|s| predicate(s))
        .count()
}

fn ratio(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "n/a".to_string();
    }
    format!("{:.1}% ({part}/{whole})", 100.0 * part as f64 / whole as f64)
}

pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Prints what one page got wrong, for looking into an extractor's failures.
pub fn print_misses(expectation: &Expectation, output: &Output) {
    let text = collapse_whitespace(&output.text);
    let file = &expectation.file;
    for snippet in &expectation.with {
        if !text.contains(&collapse_whitespace(snippet)) {
            eprintln!("{file}\tmissing\t{snippet}");
        }
    }
    for snippet in &expectation.without {
        if text.contains(&collapse_whitespace(snippet)) {
            eprintln!("{file}\tpresent\t{snippet}");
        }
    }
    let title = output.title.as_deref().map(collapse_whitespace);
    let expected_title = expectation.title.as_deref().map(collapse_whitespace);
    if title != expected_title {
        eprintln!("{file}\ttitle\t{expected_title:?}\t{title:?}");
    }
    let date = output.date.map(|d| d.to_string());
    if date.as_deref() != expectation.date.as_deref() {
        eprintln!("{file}\tdate\t{:?}\t{date:?}", expectation.date);
    }
}
