//! A flat CSV form of the event schema, one row per event.

use crate::EventRecord;

/// Column names of the CSV export, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "event_id",
    "article_id",
    "date",
    "code",
    "root_code",
    "label",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "source_code",
    "source_country",
    "source_name",
    "source_text",
    "target_code",
    "target_country",
    "target_name",
    "target_text",
    "negated",
    "modality",
    "location_name",
    "location_country",
    "location_adm1",
    "lat",
    "lon",
    "geonameid",
    "attribution_text",
    "attribution_code",
    "sentence_index",
    "sentence_text",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "rule",
    "url",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_seen",
    "last_seen",
];

/// The CSV fields of one event, in [`CSV_COLUMNS`] order.
pub fn csv_fields(event: &EventRecord) -> Vec<String> {
    let opt = |value: Option<&str>| value.unwrap_or("").to_string();
    let num = |value: Option<String>| value.unwrap_or_default();
    let target = event.target.as_ref();
    let location = event.location.as_ref();
    let attribution = event.attribution.as_ref();
    let merge = event.merge.as_ref();
    vec![
        event.event_id.clone(),
        event.article_id.clone(),
        opt(event.date.as_deref()),
        event.code.clone(),
        event.root_code.clone(),
        opt(event.label.as_deref()),
        num(event.quad_class.map(|q| q.to_string())),
        num(event.goldstein.map(|g| g.to_string())),
        opt(event.plover.as_ref().map(|p| p.event_type.as_str())),
        opt(event.plover.as_ref().and_then(|p| p.mode.as_deref())),
        event.source.code.clone(),
        opt(event.source.country.as_deref()),
        opt(event.source.name.as_deref()),
        opt(event.source.text.as_deref()),
        opt(target.map(|t| t.code.as_str())),
        opt(target.and_then(|t| t.country.as_deref())),
        opt(target.and_then(|t| t.name.as_deref())),
        opt(target.and_then(|t| t.text.as_deref())),
        event.negated.to_string(),
        event.modality.clone(),
        opt(location.map(|l| l.name.as_str())),
        opt(location.and_then(|l| l.country.as_deref())),
        opt(location.and_then(|l| l.adm1.as_deref())),
        num(location.map(|l| l.lat.to_string())),
        num(location.map(|l| l.lon.to_string())),
        num(location.and_then(|l| l.geonameid).map(|id| id.to_string())),
        opt(attribution.map(|a| a.text.as_str())),
        opt(attribution.and_then(|a| a.code.as_deref())),
        num(event.sentence.index.map(|i| i.to_string())),
        event.sentence.text.clone(),
        event.trigger.text.clone(),
        event.trigger.span.start.to_string(),
        event.trigger.span.end.to_string(),
        event.rule.clone(),
        opt(event.url.as_deref()),
        num(merge.map(|m| m.num_mentions.to_string())),
        num(merge.map(|m| m.num_sources.to_string())),
        num(merge.map(|m| m.num_articles.to_string())),
        opt(merge.and_then(|m| m.first_seen.as_deref())),
        opt(merge.and_then(|m| m.last_seen.as_deref())),
    ]
}
