//! PLOVER JSON records (the PLOVER manual's "JSON Data Fields" chapter).
//!
//! PLOVER dropped CAMEO 01 (statements) and 02 (appeals): events whose code
//! has no PLOVER type produce no record.

use serde_json::{Value, json};

use crate::{EventRecord, ParticipantRecord};

/// One event as a PLOVER JSON object, or `None` when its code has no PLOVER type.
pub fn plover_json(event: &EventRecord) -> Option<Value> {
    let plover = event.plover.as_ref()?;
    let mut record = json!({
        "id": event.event_id,
        "date": event.date,
        "source": [actor(&event.source)],
        "recipient": event.target.as_ref().map(|t| vec![actor(t)]).unwrap_or_default(),
        "event": [plover.event_type],
        "mode": plover.mode.as_ref().map(|mode| vec![mode]).unwrap_or_default(),
        "context": event.issues,
        "quad_code": event.quad_class,
        "event_scale": event.goldstein,
        "event_text": [event.trigger.text],
        "text": event.sentence.text,
        "text_info": {
            "sequence": event.sentence.index,
            "start": event.sentence.span.start,
            "end": event.sentence.span.end,
        },
        "cite_info": { "url": event.url, "citation": event.article_id },
        "coder": concat!("dateline ", env!("CARGO_PKG_VERSION")),
        "cameo_code": event.code,
        "negated": event.negated,
        "modality": event.modality,
    });
    if let Some(location) = &event.location {
        record["event_loc"] = json!({
            "geonameid": location.geonameid,
            "name": location.name,
            "latitude": location.lat,
            "longitude": location.lon,
            "cc3": location.country,
            "admin1 code": location.adm1,
        });
    }
    Some(record)
}

fn actor(participant: &ParticipantRecord) -> Value {
    let code = &participant.code;
    let (top, sector) = code.split_at(code.len().min(3));
    json!({
        "code": top,
        "sector": (!sector.is_empty()).then_some(sector),
        "actor_text": participant.text,
        "identifier_text": participant.name,
    })
}
