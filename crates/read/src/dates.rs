//! Publication dates as written: ISO 8601 dates and timestamps, RFC 2822 timestamps.
//!
//! The calendar date is taken as written, in the timestamp's own offset:
//! `2024-11-11T23:30:00-05:00` is 11 November, not 12 November UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// A date read from metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct WrittenDate {
    pub date: NaiveDate,
    /// The full timestamp as written, when there was a valid time part.
    pub datetime: Option<String>,
}

/// Reads an ISO 8601 date (`2024-11-11`) or timestamp (`2024-11-11T09:30:00Z`,
/// `2024-11-11 09:30:00+01:00`, ...), or an RFC 2822 timestamp.
pub(crate) fn parse_date(text: &str) -> Option<WrittenDate> {
    let text = text.trim();
    parse_iso(text).or_else(|| parse_rfc2822(text))
}

fn parse_iso(text: &str) -> Option<WrittenDate> {
    let date = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(WrittenDate {
            date,
            datetime: None,
        });
    }
    if !rest.starts_with(['T', 't', ' ']) {
        return None;
    }
    let has_valid_time = is_iso_timestamp(text);
    Some(WrittenDate {
        date,
        datetime: has_valid_time.then(|| text.to_string()),
    })
}

fn is_iso_timestamp(text: &str) -> bool {
    let normalised = text.replacen(' ', "T", 1);
    const WITH_OFFSET: [&str; 2] = ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%dT%H:%M:%S%.f%z"];
    const WITHOUT_OFFSET: [&str; 2] = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"];
    DateTime::parse_from_rfc3339(&normalised).is_ok()
        || WITH_OFFSET
            .iter()
            .any(|format| DateTime::parse_from_str(&normalised, format).is_ok())
        || WITHOUT_OFFSET
            .iter()
            .any(|format| NaiveDateTime::parse_from_str(&normalised, format).is_ok())
}

fn parse_rfc2822(text: &str) -> Option<WrittenDate> {
    let datetime = DateTime::parse_from_rfc2822(text).ok()?;
    Some(WrittenDate {
        date: datetime.date_naive(),
        datetime: Some(datetime.to_rfc3339()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn calendar_date_is_the_one_written_in_the_timestamps_own_offset() {
        let written = parse_date("2024-11-11T23:30:00-05:00").unwrap();
        assert_eq!(written.date, day(2024, 11, 11));
        assert_eq!(
            written.datetime.as_deref(),
            Some("2024-11-11T23:30:00-05:00")
        );
        let written = parse_date("Mon, 11 Nov 2024 23:30:00 -0500").unwrap();
        assert_eq!(written.date, day(2024, 11, 11));
    }

    #[test]
    fn plain_dates_have_no_timestamp() {
        assert_eq!(
            parse_date("1987-02-26"),
            Some(WrittenDate {
                date: day(1987, 2, 26),
                datetime: None
            })
        );
        let written = parse_date("1987-02-26T15:01:01").unwrap();
        assert_eq!(written.datetime.as_deref(), Some("1987-02-26T15:01:01"));
    }

    #[test]
    fn nonsense_is_not_a_date() {
        assert_eq!(parse_date("2024-13-45"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2024-11-111"), None);
        assert_eq!(parse_date(""), None);
    }
}
