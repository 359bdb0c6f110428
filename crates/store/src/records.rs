//! Stored events back in the public schema: the merged event's fields, the
//! evidence of its first coded report, and every report as a mention.

use std::collections::HashMap;

use dateline_export::{
    AttributionRecord, EventRecord, MentionRecord, MergeInfo, ParticipantRecord, PloverRecord,
    SentenceRecord, SpanRecord,
};
use dateline_model::Span;
use dateline_resolve::{Actor, Signature};

use crate::StoreError;
use crate::backend::{Backend, Row, placeholders};
use crate::columns::{select_list, signature_from_row};

/// How many events are read back per round of queries.
pub const CHUNK: usize = 500;

/// A stored event with every report of it.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDetail {
    /// The event in the public schema, merge counts and mentions filled.
    pub record: EventRecord,
    /// The reports, in the order of `record.merge.mentions`.
    pub reports: Vec<ReportDetail>,
}

/// Where and how one report was made.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportDetail {
    /// `coded`, or `reference` for a later sentence naming the event again.
    pub kind: String,
    pub date: Option<String>,
    pub outlet: String,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// One report row with its article.
struct ReportRow {
    event_id: i64,
    kind: String,
    article_id: i64,
    doc_id: String,
    url: Option<String>,
    title: Option<String>,
    outlet: String,
    date: Option<String>,
    sentence_index: Option<u32>,
    sentence: Span,
    trigger: Span,
    source: Option<Span>,
    target: Option<Span>,
    attribution_text: Option<String>,
    attribution_code: Option<String>,
    rule: String,
    issues: Option<String>,
}

const REPORT_COLUMNS: &str =
    "r.event_id, r.kind, r.article_id, a.doc_id, a.url, a.title, r.outlet, r.date,
    r.sentence_idx, r.sentence_start, r.sentence_end, r.trigger_start, r.trigger_end,
    r.source_start, r.source_end, r.target_start, r.target_end,
    r.attribution_text, r.attribution_code, r.rule, r.issues";

impl ReportRow {
    fn read(row: &Row) -> Result<ReportRow, StoreError> {
        let span = |start: usize| -> Result<Option<Span>, StoreError> {
            match (row.opt_int(start)?, row.opt_int(start + 1)?) {
                (Some(s), Some(e)) => Ok(Some(stored_span(s, e)?)),
                _ => Ok(None),
            }
        };
        let required = |start: usize| {
            span(start)?.ok_or_else(|| StoreError::Corrupt("report without a span".into()))
        };
        Ok(ReportRow {
            event_id: row.int(0)?,
            kind: row.text(1)?,
            article_id: row.int(2)?,
            doc_id: row.text(3)?,
            url: row.opt_text(4)?,
            title: row.opt_text(5)?,
            outlet: row.text(6)?,
            date: row.opt_text(7)?,
            sentence_index: row.opt_int(8)?.and_then(|idx| u32::try_from(idx).ok()),
            sentence: required(9)?,
            trigger: required(11)?,
            source: span(13)?,
            target: span(15)?,
            attribution_text: row.opt_text(17)?,
            attribution_code: row.opt_text(18)?,
            rule: row.text(19)?,
            issues: row.opt_text(20)?,
        })
    }
}

fn stored_span(start: i64, end: i64) -> Result<Span, StoreError> {
    match (u32::try_from(start), u32::try_from(end)) {
        (Ok(start), Ok(end)) if start <= end => Ok(Span { start, end }),
        _ => Err(StoreError::Corrupt(format!("bad span {start}..{end}"))),
    }
}

/// How much of each event's reports a load reads back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// Every report, as a mention with its sentence (reads every reporting
    /// article's text).
    EveryReport,
    /// The first coded report alone, which gives the event its sentence,
    /// trigger and actor texts; `merge.mentions` is left empty and the
    /// counts are filled (reads one article's text per event).
    FirstReport,
}

/// The events with these ids, in the order given (missing ids are skipped).
pub fn load_details(
    backend: &mut dyn Backend,
    ids: &[i64],
) -> Result<Vec<EventDetail>, StoreError> {
    load(backend, ids, Evidence::EveryReport)
}

/// The events with these ids as records, each with its first report's
/// evidence and its counts but no mentions (a list's rows).
pub fn load_summaries(
    backend: &mut dyn Backend,
    ids: &[i64],
) -> Result<Vec<EventRecord>, StoreError> {
    Ok(load(backend, ids, Evidence::FirstReport)?
        .into_iter()
        .map(|detail| detail.record)
        .collect())
}

fn load(
    backend: &mut dyn Backend,
    ids: &[i64],
    evidence: Evidence,
) -> Result<Vec<EventDetail>, StoreError> {
    let mut details = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        details.extend(load_chunk(backend, chunk, evidence)?);
    }
    Ok(details)
}

struct EventRow {
    key: String,
    signature: Signature,
    counts: [i64; 3],
    first_seen: Option<String>,
    last_seen: Option<String>,
}

fn load_chunk(
    backend: &mut dyn Backend,
    ids: &[i64],
    evidence: Evidence,
) -> Result<Vec<EventDetail>, StoreError> {
    let params: Vec<_> = ids.iter().map(|&id| id.into()).collect();
    let in_list = placeholders(ids.len());
    let mut events: HashMap<i64, EventRow> = HashMap::with_capacity(ids.len());
    let event_sql = format!(
        "SELECT e.id, e.event_key, e.anchor_article, e.num_mentions, e.num_sources, e.num_articles,
                e.first_seen, e.last_seen, {} FROM events e WHERE e.id IN ({in_list})",
        select_list("e")
    );
    for row in backend.query(&event_sql, &params)? {
        let anchor = row.opt_text(2)?;
        let event = EventRow {
            key: row.text(1)?,
            signature: signature_from_row(&row, 8, || {
                anchor.ok_or_else(|| StoreError::Corrupt("undated event without article".into()))
            })?,
            counts: [row.int(3)?, row.int(4)?, row.int(5)?],
            first_seen: row.opt_text(6)?,
            last_seen: row.opt_text(7)?,
        };
        events.insert(row.int(0)?, event);
    }
    let report_sql = format!(
        "SELECT {REPORT_COLUMNS} FROM reports r JOIN articles a ON a.id = r.article_id
         WHERE r.event_id IN ({in_list}) ORDER BY r.event_id, r.id"
    );
    let mut reports: HashMap<i64, Vec<ReportRow>> = HashMap::new();
    for row in backend.query(&report_sql, &params)? {
        let report = ReportRow::read(&row)?;
        reports.entry(report.event_id).or_default().push(report);
    }
    // Report order (date, article id, row id; see `placement`), whatever
    // order the reports arrived in: the rows come by id, the sort is stable.
    for event_reports in reports.values_mut() {
        event_reports.sort_by(|a, b| (&a.date, &a.doc_id).cmp(&(&b.date, &b.doc_id)));
        if evidence == Evidence::FirstReport {
            let first = first_coded(event_reports);
            event_reports.swap(0, first);
            event_reports.truncate(1);
        }
    }
    let bodies = load_bodies(backend, &reports)?;
    let mut details = Vec::with_capacity(ids.len());
    for id in ids {
        let (Some(event), Some(reports)) = (events.get(id), reports.get(id)) else {
            continue;
        };
        details.push(detail(event, reports, &bodies, evidence)?);
    }
    Ok(details)
}

fn load_bodies(
    backend: &mut dyn Backend,
    reports: &HashMap<i64, Vec<ReportRow>>,
) -> Result<HashMap<i64, String>, StoreError> {
    let mut article_ids: Vec<i64> = reports.values().flatten().map(|r| r.article_id).collect();
    article_ids.sort_unstable();
    article_ids.dedup();
    let mut bodies = HashMap::with_capacity(article_ids.len());
    for chunk in article_ids.chunks(CHUNK) {
        let params: Vec<_> = chunk.iter().map(|&id| id.into()).collect();
        let sql = format!(
            "SELECT id, body FROM articles WHERE id IN ({})",
            placeholders(chunk.len())
        );
        for row in backend.query(&sql, &params)? {
            bodies.insert(row.int(0)?, row.text(1)?);
        }
    }
    Ok(bodies)
}

/// The index of the report that gives an event its evidence: the first
/// coded one in report order, else the first.
fn first_coded(reports: &[ReportRow]) -> usize {
    reports
        .iter()
        .position(|report| report.kind == "coded")
        .unwrap_or(0)
}

fn detail(
    event: &EventRow,
    reports: &[ReportRow],
    bodies: &HashMap<i64, String>,
    evidence: Evidence,
) -> Result<EventDetail, StoreError> {
    let text = |report: &ReportRow, span: Span| -> Result<String, StoreError> {
        bodies
            .get(&report.article_id)
            .and_then(|body| body.get(span.range()))
            .map(str::to_string)
            .ok_or_else(|| {
                StoreError::Corrupt(format!("span {span} is outside article {}", report.doc_id))
            })
    };
    let first = &reports[first_coded(reports)];
    let sentence = |report: &ReportRow| -> Result<SentenceRecord, StoreError> {
        Ok(SentenceRecord {
            index: report.sentence_index,
            text: text(report, report.sentence)?,
            span: report.sentence,
        })
    };
    let participant =
        |actor: &Actor, span: Option<Span>| -> Result<ParticipantRecord, StoreError> {
            Ok(ParticipantRecord {
                code: actor.code.to_string(),
                country: actor.country.clone(),
                name: actor.name.clone(),
                text: span.map(|span| text(first, span)).transpose()?,
                span,
            })
        };
    let signature = &event.signature;
    let code = &signature.code;
    let info = code.info();
    let mentioned = match evidence {
        Evidence::EveryReport => reports,
        Evidence::FirstReport => &[],
    };
    let mut mentions = Vec::with_capacity(mentioned.len());
    for report in mentioned {
        mentions.push(MentionRecord {
            article_id: report.doc_id.clone(),
            sentence: sentence(report)?,
            trigger: report.trigger,
            source_span: report.source,
            target_span: report.target,
            rule: report.rule.clone(),
        });
    }
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    let record = EventRecord {
        article_id: first.doc_id.clone(),
        event_id: event.key.clone(),
        date: signature.date().map(crate::merge::day),
        code: code.to_string(),
        root_code: code.root().to_string(),
        label: info.map(|info| info.name.clone()),
        quad_class: code.quad_class().map(|quad| quad.number()),
        goldstein: info.map(|info| info.goldstein),
        plover: info
            .and_then(|info| info.plover.as_ref())
            .map(|category| PloverRecord {
                event_type: category.event_type.name().to_string(),
                mode: category.mode.clone(),
            }),
        source: participant(&signature.source, first.source)?,
        target: signature
            .target
            .as_ref()
            .map(|target| participant(target, first.target))
            .transpose()?,
        negated: signature.negated,
        modality: signature.modality.name().to_string(),
        location: signature.place.as_ref().map(|place| place.to_record()),
        attribution: first
            .attribution_text
            .as_ref()
            .map(|text| AttributionRecord {
                text: text.clone(),
                code: first.attribution_code.clone(),
            }),
        sentence: sentence(first)?,
        trigger: SpanRecord {
            text: text(first, first.trigger)?,
            span: first.trigger,
        },
        rule: first.rule.clone(),
        url: first.url.clone(),
        issues: first
            .issues
            .as_deref()
            .map(|issues| issues.split(' ').map(str::to_string).collect())
            .unwrap_or_default(),
        merge: Some(MergeInfo {
            num_mentions: count(event.counts[0]),
            num_sources: count(event.counts[1]),
            num_articles: count(event.counts[2]),
            first_seen: event.first_seen.clone(),
            last_seen: event.last_seen.clone(),
            mentions,
        }),
    };
    let reports = reports
        .iter()
        .map(|report| ReportDetail {
            kind: report.kind.clone(),
            date: report.date.clone(),
            outlet: report.outlet.clone(),
            url: report.url.clone(),
            title: report.title.clone(),
        })
        .collect();
    Ok(EventDetail { record, reports })
}
