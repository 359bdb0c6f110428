//! Merging a stream of reports into events, and counting what each event merges.

use std::collections::HashSet;

use chrono::NaiveDate;
use dateline_export::EventRecord;
use dateline_model::Doc;

use crate::references::{EventNouns, find_references};
use crate::{MergeRule, ResolveError, Signature};

/// One report of an event: a coded event, or a later sentence of the same
/// article that refers back to one ("the call").
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub signature: Signature,
    pub origin: Origin,
}

/// Which article (and outlet) a report came from, and on what day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub article_id: String,
    /// The publisher or host, see [`outlet`].
    pub outlet: String,
    pub date: Option<NaiveDate>,
}

/// A real-world event and every report of it.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedEvent {
    pub signature: Signature,
    pub reports: Vec<Report>,
}

impl MergedEvent {
    /// Where each report came from, for [`Tally::of`].
    pub fn origins(&self) -> impl Iterator<Item = &Origin> {
        self.reports.iter().map(|report| &report.origin)
    }

    /// True when the event holds a report of `report`'s article that names
    /// other actors: within one article, differently named actions are
    /// different events.
    pub fn conflicts_with(&self, report: &Report) -> bool {
        self.reports.iter().any(|member| {
            member.origin.article_id == report.origin.article_id
                && !member.signature.same_actors(&report.signature)
        })
    }
}

/// GDELT-style counts over an event's reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub num_mentions: u32,
    pub num_sources: u32,
    pub num_articles: u32,
    pub first_seen: Option<NaiveDate>,
    pub last_seen: Option<NaiveDate>,
}

impl Tally {
    /// Counts reports: every report is a mention; articles and outlets count once each.
    pub fn of<'a>(reports: impl IntoIterator<Item = &'a Origin>) -> Tally {
        let mut articles = HashSet::new();
        let mut outlets = HashSet::new();
        let mut tally = Tally::default();
        for origin in reports {
            tally.num_mentions += 1;
            articles.insert(origin.article_id.as_str());
            outlets.insert(origin.outlet.as_str());
            if let Some(date) = origin.date {
                tally.first_seen = Some(tally.first_seen.map_or(date, |seen| seen.min(date)));
                tally.last_seen = Some(tally.last_seen.map_or(date, |seen| seen.max(date)));
            }
        }
        tally.num_articles = count(articles.len());
        tally.num_sources = count(outlets.len());
        tally
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Who published an article, for NumSources: the publisher's name, else the
/// URL's host without `www.`, else the article itself (two articles with no
/// publisher and no URL cannot be shown to share an outlet).
pub fn outlet(publisher: Option<&str>, url: Option<&str>, article_id: &str) -> String {
    if let Some(publisher) = publisher.map(str::trim).filter(|p| !p.is_empty()) {
        return publisher.to_lowercase();
    }
    if let Some(host) = url.and_then(url_host) {
        return host;
    }
    format!("article:{article_id}")
}

/// The lower-cased host of an `http(s)://` URL, without a leading `www.`.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// Merges reports in memory, in the order given. The store does the same
/// against its tables; this form serves tests, examples and small batches.
#[derive(Debug, Default)]
pub struct Resolver {
    rule: MergeRule,
    nouns: EventNouns,
    events: Vec<MergedEvent>,
}

impl Resolver {
    pub fn new(rule: MergeRule) -> Resolver {
        Resolver {
            rule,
            nouns: EventNouns::builtin().clone(),
            events: Vec::new(),
        }
    }

    /// Adds a report to the event it belongs to, or starts a new event;
    /// returns the event's index.
    pub fn add(&mut self, report: Report) -> usize {
        let candidates = self
            .events
            .iter()
            .enumerate()
            .filter(|(_, event)| !event.conflicts_with(&report))
            .map(|(idx, event)| (idx, &event.signature));
        match self.rule.best(candidates, &report.signature) {
            Some(idx) => {
                let event = &mut self.events[idx];
                event.signature.absorb(&report.signature);
                event.reports.push(report);
                idx
            }
            None => {
                self.events.push(MergedEvent {
                    signature: report.signature.clone(),
                    reports: vec![report],
                });
                self.events.len() - 1
            }
        }
    }

    /// Adds another report to a known event without matching (a reference
    /// back to it from a later sentence, which reads as the event).
    pub fn attach(&mut self, event_idx: usize, origin: Origin) {
        let event = &mut self.events[event_idx];
        let signature = event.signature.clone();
        event.reports.push(Report { signature, origin });
    }

    /// Adds every coded event of a document, then its references back to them.
    pub fn add_doc(&mut self, doc: &Doc) -> Result<(), ResolveError> {
        let meta = &doc.meta;
        let origin = Origin {
            article_id: meta.id.clone(),
            outlet: outlet(meta.publisher.as_deref(), meta.url.as_deref(), &meta.id),
            date: meta.date,
        };
        let mut event_of_report = Vec::with_capacity(doc.events.len());
        for record in EventRecord::from_doc(doc) {
            let report = Report {
                signature: Signature::from_record(&record)?,
                origin: origin.clone(),
            };
            event_of_report.push(self.add(report));
        }
        for reference in find_references(doc, &self.nouns) {
            self.attach(event_of_report[reference.event], origin.clone());
        }
        Ok(())
    }

    pub fn events(&self) -> &[MergedEvent] {
        &self.events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_from_publisher_then_host_then_article() {
        assert_eq!(outlet(Some(" Example Wire "), None, "a"), "example wire");
        assert_eq!(
            outlet(
                None,
                Some("https://www.News.example.org:443/2025/x?y=1"),
                "a"
            ),
            "news.example.org"
        );
        assert_eq!(outlet(None, Some("not a url"), "a1"), "article:a1");
        assert_eq!(outlet(Some(""), None, "a2"), "article:a2");
    }

    #[test]
    fn tally_counts_mentions_articles_outlets_and_days() {
        let day = |d| NaiveDate::from_ymd_opt(2025, 4, d);
        let origin = |article: &str, outlet: &str, date| Origin {
            article_id: article.into(),
            outlet: outlet.into(),
            date,
        };
        let reports = [
            origin("a1", "wire", day(14)),
            origin("a1", "wire", day(14)),
            origin("a2", "wire", day(15)),
            origin("a3", "daily", None),
        ];
        let tally = Tally::of(&reports);
        assert_eq!(
            tally,
            Tally {
                num_mentions: 4,
                num_sources: 2,
                num_articles: 3,
                first_seen: day(14),
                last_seen: day(15),
            }
        );
    }
}
