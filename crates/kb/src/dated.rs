//! Actor codes valid over date ranges: `USAGOV@2017-01-20..2021-01-20`.
//!
//! A range includes its first day and excludes its last (`until` is the first
//! day the code no longer holds, usually the successor's first day), either end
//! may be open, and a code written without `@` is the default: it holds on any
//! date no range covers. PETRARCH's `[CODE 991231-080507]` (both ends
//! inclusive) converts by moving `until` one day later.

use chrono::NaiveDate;
use dateline_model::ActorCode;

/// A code and when it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    pub code: ActorCode,
    /// `None` for the default code.
    pub range: Option<DateRange>,
}

/// A half-open date range with optional ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl DateRange {
    pub fn contains(self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date < until)
    }
}

impl DatedCode {
    /// A default code, valid whenever no range applies.
    pub fn default_code(code: ActorCode) -> DatedCode {
        DatedCode { code, range: None }
    }

    /// Parses `CODE`, `CODE@FROM..UNTIL`, `CODE@FROM..` or `CODE@..UNTIL`.
    pub fn parse(text: &str) -> Result<DatedCode, String> {
        let (code_text, range_text) = match text.split_once('@') {
            Some((code, range)) => (code.trim(), Some(range.trim())),
            None => (text.trim(), None),
        };
        let code = ActorCode::parse(code_text).map_err(|err| err.to_string())?;
        let range = range_text.map(parse_range).transpose()?;
        Ok(DatedCode { code, range })
    }
}

fn parse_range(text: &str) -> Result<DateRange, String> {
    let (from, until) = text
        .split_once("..")
        .ok_or_else(|| format!("date range {text:?} lacks '..' (write FROM..UNTIL)"))?;
    let range = DateRange {
        from: parse_optional_date(from)?,
        until: parse_optional_date(until)?,
    };
    if let (Some(from), Some(until)) = (range.from, range.until)
        && from >= until
    {
        return Err(format!(
            "date range {text:?} is empty: UNTIL must come after FROM"
        ));
    }
    Ok(range)
}

fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("bad date {text:?} (expected YYYY-MM-DD)"))
}

/// The code that holds on `date`.
///
/// With a date: the covering range that started last (the most specific
/// appointment), else the default. Without a date (an undated article) the
/// default, else the range that started last: a date is never invented, and
/// the default is the code that does not depend on one.
pub fn code_on(codes: &[DatedCode], date: Option<NaiveDate>) -> Option<&ActorCode> {
    let default = codes.iter().find(|c| c.range.is_none()).map(|c| &c.code);
    let ranged = codes.iter().filter(|c| c.range.is_some());
    match date {
        Some(date) => {
            latest_start(ranged.filter(|c| c.range.is_some_and(|r| r.contains(date)))).or(default)
        }
        None => default.or_else(|| latest_start(ranged)),
    }
}

fn latest_start<'a>(candidates: impl Iterator<Item = &'a DatedCode>) -> Option<&'a ActorCode> {
    candidates
        .max_by_key(|c| c.range.and_then(|r| r.from))
        .map(|c| &c.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<NaiveDate> {
        Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
    }

    fn codes(text: &str) -> Vec<DatedCode> {
        text.split('|')
            .map(|c| DatedCode::parse(c).unwrap())
            .collect()
    }

    #[test]
    fn trump_is_government_only_in_office() {
        let trump = codes("USAGOV@2017-01-20..2021-01-20 | USAGOV@2025-01-20.. | USAELI");
        let on = |d: &str| code_on(&trump, date(d)).unwrap().as_str().to_string();
        assert_eq!(on("2016-11-09"), "USAELI");
        assert_eq!(on("2017-01-20"), "USAGOV");
        assert_eq!(on("2021-01-19"), "USAGOV");
        assert_eq!(on("2021-01-20"), "USAELI");
        assert_eq!(on("2024-11-11"), "USAELI");
        assert_eq!(on("2025-03-01"), "USAGOV");
        assert_eq!(code_on(&trump, None).unwrap().as_str(), "USAELI");
    }

    #[test]
    fn later_appointment_wins_and_undated_without_default_takes_latest() {
        let taliban = codes("AFGREBTAL@..2021-08-15 | AFGGOVTAL@2021-08-15..");
        assert_eq!(
            code_on(&taliban, date("2010-01-01")).unwrap().as_str(),
            "AFGREBTAL"
        );
        assert_eq!(code_on(&taliban, None).unwrap().as_str(), "AFGGOVTAL");
        let nested = codes("RUSGOV@2000-01-01.. | RUSMIL@2010-01-01..2011-01-01");
        assert_eq!(
            code_on(&nested, date("2010-06-01")).unwrap().as_str(),
            "RUSMIL"
        );
        let only_past = codes("KORGOV@2022-05-10..");
        assert_eq!(code_on(&only_past, date("2020-01-01")), None);
    }

    #[test]
    fn bad_ranges_are_explained() {
        assert!(
            DatedCode::parse("USAGOV@2017-01-20")
                .unwrap_err()
                .contains("'..'")
        );
        assert!(
            DatedCode::parse("USAGOV@2021-01-01..2017-01-01")
                .unwrap_err()
                .contains("is empty")
        );
        assert!(
            DatedCode::parse("USAGOV@2021-13-01..")
                .unwrap_err()
                .contains("bad date")
        );
        assert!(DatedCode::parse("US GOV").is_err());
    }
}
