//! PETRARCH's bracketed codes with date restrictions, as [`DatedCode`]s.
//!
//! `[RUSGOV 991231-080507]` holds from the first day to the last, both
//! included; `[RUSGOV <080508]` up to and including the day, `[RUSGOV >080508]`
//! from the day on; `[RUSELI]` is the default. Dates are `YYMMDD` (years 00-30
//! are 20xx, the rest 19xx, as KEDS and TABARI read them) or `YYYYMMDD`.
//! Dateline ranges exclude their last day, so inclusive ends move one day later.
//!
//! Where PETRARCH reads a malformed restriction anyway, so does Dateline, and
//! says so in a note: a date with extra digits is read from its first six
//! (seven digits) or eight (more) as PETRARCH does, and a date with no `<`,
//! `>` or `-` leaves a default code.

use chrono::{Days, NaiveDate};
use dateline_model::ActorCode;

use crate::dated::{DateRange, DatedCode};

/// Two-digit years up to this one are 20xx, later ones 19xx.
const LAST_21ST_CENTURY_SHORT_YEAR: i32 = 30;

/// Parses the inside of a bracket: a code and an optional restriction.
/// Lenient readings of malformed dates are explained in `notes`.
pub fn parse_bracketed_code(content: &str, notes: &mut Vec<String>) -> Result<DatedCode, String> {
    let content = content.trim();
    let (code_text, restriction) = match content.split_once(char::is_whitespace) {
        Some((code, rest)) => (code, rest.trim()),
        None => (content, ""),
    };
    let code = ActorCode::parse(code_text).map_err(|err| err.to_string())?;
    let range = match restriction {
        "" => None,
        rest => parse_restriction(rest, notes)?,
    };
    Ok(DatedCode { code, range })
}

fn parse_restriction(text: &str, notes: &mut Vec<String>) -> Result<Option<DateRange>, String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(date) = compact.strip_prefix('<') {
        let last = parse_date(date, notes)?;
        return Ok(Some(DateRange {
            from: None,
            until: Some(day_after(last)?),
        }));
    }
    if let Some(date) = compact.strip_prefix('>') {
        return Ok(Some(DateRange {
            from: Some(parse_date(date, notes)?),
            until: None,
        }));
    }
    let Some((first, last)) = compact.split_once('-') else {
        parse_date(&compact, notes)?;
        notes.push(format!(
            "date {text:?} has no '<', '>' or '-': read as the default code, as PETRARCH does"
        ));
        return Ok(None);
    };
    let (first, last) = (parse_date(first, notes)?, parse_date(last, notes)?);
    if last < first {
        return Err(format!("date restriction {text:?} ends before it starts"));
    }
    Ok(Some(DateRange {
        from: Some(first),
        until: Some(day_after(last)?),
    }))
}

/// Parses `YYMMDD` or `YYYYMMDD`; seven digits are read as `YYMMDD` and more
/// than eight as `YYYYMMDD` from the first digits, with a note.
pub fn parse_date(text: &str, notes: &mut Vec<String>) -> Result<NaiveDate, String> {
    let bad = || format!("bad date {text:?}: expected YYMMDD or YYYYMMDD");
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let read = match text.len() {
        7 => &text[..6],
        len if len > 8 => &text[..8],
        _ => text,
    };
    if read.len() != text.len() {
        notes.push(format!(
            "date {text:?} has {} digits: read as {read:?}, as PETRARCH does",
            text.len()
        ));
    }
    let text = read;
    let (year, rest) = match text.len() {
        6 => {
            let short: i32 = text[..2].parse().map_err(|_| bad())?;
            let century = if short <= LAST_21ST_CENTURY_SHORT_YEAR {
                2000
            } else {
                1900
            };
            (century + short, &text[2..])
        }
        8 => (text[..4].parse().map_err(|_| bad())?, &text[4..]),
        _ => return Err(bad()),
    };
    let month: u32 = rest[..2].parse().map_err(|_| bad())?;
    let day: u32 = rest[2..].parse().map_err(|_| bad())?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)
}

fn day_after(date: NaiveDate) -> Result<NaiveDate, String> {
    date.checked_add_days(Days::new(1))
        .ok_or_else(|| format!("date {date} is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn intervals_include_both_ends() {
        let dated = parse_bracketed_code("ARNGOV 991231-080507", &mut Vec::new()).unwrap();
        let range = dated.range.unwrap();
        assert_eq!(dated.code.as_str(), "ARNGOV");
        assert_eq!(range.from, Some(day("1999-12-31")));
        assert_eq!(range.until, Some(day("2008-05-08")));
        assert!(range.contains(day("2008-05-07")));
        assert!(!range.contains(day("2008-05-08")));
    }

    #[test]
    fn open_ends_and_defaults() {
        let notes = &mut Vec::new();
        let before = parse_bracketed_code("ARNELI <19450703", notes)
            .unwrap()
            .range
            .unwrap();
        assert_eq!((before.from, before.until), (None, Some(day("1945-07-04"))));
        let after = parse_bracketed_code("ARNGOV > 080508", notes)
            .unwrap()
            .range
            .unwrap();
        assert_eq!((after.from, after.until), (Some(day("2008-05-08")), None));
        assert_eq!(parse_bracketed_code("arneli", notes).unwrap().range, None);
        assert_eq!(
            parse_bracketed_code("---", notes).unwrap().code.as_str(),
            "---"
        );
        assert!(notes.is_empty());
    }

    #[test]
    fn two_digit_years_split_at_thirty() {
        assert_eq!(
            parse_date("300101", &mut Vec::new()).unwrap(),
            day("2030-01-01")
        );
        assert_eq!(
            parse_date("310101", &mut Vec::new()).unwrap(),
            day("1931-01-01")
        );
    }

    #[test]
    fn bad_dates_are_explained() {
        for bad in [
            "ARN 991331-000101",
            "ARN 0101-0202",
            "ARN 000102-000101",
            "ARN ~990101",
        ] {
            assert!(parse_bracketed_code(bad, &mut Vec::new()).is_err(), "{bad}");
        }
        assert!(parse_date("20100931", &mut Vec::new()).is_err());
        assert!(parse_date("20120229", &mut Vec::new()).is_ok());
    }

    #[test]
    fn malformed_dates_read_as_petrarch_reads_them_with_notes() {
        let mut notes = Vec::new();
        let long = parse_bracketed_code("ARNGOV >201005011", &mut notes).unwrap();
        assert_eq!(long.range.unwrap().from, Some(day("2010-05-01")));
        let seven = parse_bracketed_code("ARNGOV 9008223-911221", &mut notes).unwrap();
        assert_eq!(seven.range.unwrap().from, Some(day("1990-08-22")));
        let lone = parse_bracketed_code("ARNGOV 20121204", &mut notes).unwrap();
        assert_eq!(lone.range, None);
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[2].contains("default code"), "{}", notes[2]);
    }
}
