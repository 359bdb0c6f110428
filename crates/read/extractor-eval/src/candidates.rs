//! The extractors under comparison, each behind one function from page HTML to output.

use crate::html_text::html_to_text;

/// What an extractor gives back, reduced to what the evaluation checks.
#[derive(Debug, Default)]
pub struct Output {
    pub text: String,
    pub title: Option<String>,
    pub date: Option<chrono::NaiveDate>,
    pub author: Option<String>,
}

pub struct Candidate {
    pub name: &'static str,
    pub extract: fn(&str) -> Output,
}

pub fn all() -> Vec<Candidate> {
    vec![
        Candidate { name: "dateline-read (trafilatura 0.6 + page metadata)", extract: dateline_read },
        Candidate { name: "trafilatura 0.6 (fallback, precision)", extract: trafilatura_precision },
        Candidate { name: "trafilatura 0.6 (fallback, balanced)", extract: trafilatura_balanced },
        Candidate { name: "trafilatura 0.6 (defaults)", extract: trafilatura_defaults },
        Candidate { name: "rs-trafilatura 0.2 (defaults)", extract: rs_trafilatura_defaults },
        Candidate { name: "rs-trafilatura 0.2 (precision)", extract: rs_trafilatura_precision },
        Candidate { name: "dom_smoothie 0.19", extract: dom_smoothie },
        Candidate { name: "libreadability 0.3", extract: libreadability },
        Candidate { name: "decruft 0.2", extract: decruft },
    ]
}

/// The whole HTML reader: extraction, blocks joined into the body, and the
/// metadata filled from the page's own markup first.
fn dateline_read(html: &str) -> Output {
    let mut output = Output::default();
    let config = dateline_read::ReadConfig::default();
    dateline_read::read_bytes("page.html", html.as_bytes(), &config, &mut |doc| {
        output = Output {
            text: doc.body().to_string(),
            title: doc.meta.title.clone(),
            date: doc.meta.date,
            author: doc.meta.author.clone(),
        };
    });
    output
}

fn trafilatura_with(html: &str, options: &trafilatura::Options) -> Output {
    match trafilatura::extract(html, options) {
        Ok(result) => Output {
            text: result.content_text,
            title: non_empty(result.metadata.title),
            date: result.metadata.date,
            author: non_empty(result.metadata.author),
        },
        Err(_) => Output::default(),
    }
}

fn trafilatura_precision(html: &str) -> Output {
    let options = trafilatura::Options::default()
        .with_fallback(true)
        .with_focus(trafilatura::ExtractionFocus::FavorPrecision);
    trafilatura_with(html, &options)
}

fn trafilatura_balanced(html: &str) -> Output {
    trafilatura_with(html, &trafilatura::Options::default().with_fallback(true))
}

fn trafilatura_defaults(html: &str) -> Output {
    trafilatura_with(html, &trafilatura::Options::default())
}

fn rs_trafilatura_with(html: &str, options: &rs_trafilatura::Options) -> Output {
    match rs_trafilatura::extract_with_options(html, options) {
        Ok(result) => Output {
            text: result.content_text,
            title: result.metadata.title,
            date: result.metadata.date.map(|d| d.date_naive()),
            author: result.metadata.author,
        },
        Err(_) => Output::default(),
    }
}

fn rs_trafilatura_defaults(html: &str) -> Output {
    rs_trafilatura_with(html, &rs_trafilatura::Options::default())
}

fn rs_trafilatura_precision(html: &str) -> Output {
    let options = rs_trafilatura::Options { favor_precision: true, ..Default::default() };
    rs_trafilatura_with(html, &options)
}

fn dom_smoothie(html: &str) -> Output {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let Ok(mut readability) = dom_smoothie::Readability::new(html, None, Some(config)) else {
        return Output::default();
    };
    match readability.parse() {
        Ok(article) => Output {
            text: article.text_content.to_string(),
            title: non_empty(article.title),
            date: article.published_time.as_deref().and_then(date_prefix),
            author: article.byline,
        },
        Err(_) => Output::default(),
    }
}

fn libreadability(html: &str) -> Output {
    match libreadability::extract(html, None) {
        Ok(article) => Output {
            text: article.text_content,
            title: non_empty(article.title),
            date: date_prefix(&article.published_time),
            author: non_empty(article.byline),
        },
        Err(_) => Output::default(),
    }
}

fn decruft(html: &str) -> Output {
    let result = decruft::parse(html, &decruft::DecruftOptions::default());
    Output {
        text: html_to_text(&result.content),
        title: result.title,
        date: result.published.as_deref().and_then(date_prefix),
        author: result.author,
    }
}

fn non_empty(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// Reads the calendar date at the start of an ISO 8601 date or timestamp.
fn date_prefix(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    let head = text.get(..10)?;
    chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}
