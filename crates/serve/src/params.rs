//! Query-string parameters: parsed once at the edge into typed values, with
//! a message naming the parameter for anything wrong. Unknown and repeated
//! parameters are refused, so a misspelt filter never silently widens a
//! query; empty values count as absent (a cleared form field).

use std::collections::BTreeMap;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use chrono::NaiveDate;
use dateline_store::{BoundingBox, EventQuery, Near, Period, Sort};
use utoipa::IntoParams;

use crate::error::ApiError;

/// Longest value accepted for any parameter, in bytes.
const MAX_VALUE_BYTES: usize = 500;

/// The parameters of one request, taken one by one by the handler.
#[derive(Debug, Default)]
pub struct Params {
    values: BTreeMap<String, String>,
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Params, ApiError> {
        Params::parse(parts.uri.query().unwrap_or(""))
    }
}

impl Params {
    pub fn parse(query: &str) -> Result<Params, ApiError> {
        let mut values = BTreeMap::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if key.is_empty() && value.is_empty() {
                continue;
            }
            if value.len() > MAX_VALUE_BYTES {
                return Err(ApiError::bad_request(format!(
                    "{key}: longer than {MAX_VALUE_BYTES} bytes"
                )));
            }
            let value = value.trim().to_string();
            if values.insert(key.to_string(), value).is_some() {
                return Err(ApiError::bad_request(format!(
                    "{key}: given more than once"
                )));
            }
        }
        Ok(Params { values })
    }

    /// Takes a parameter; empty counts as absent.
    pub fn take(&mut self, key: &str) -> Option<String> {
        self.values.remove(key).filter(|value| !value.is_empty())
    }

    /// Takes and parses a parameter.
    pub fn take_with<T>(
        &mut self,
        key: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<Option<T>, ApiError> {
        self.take(key)
            .map(|value| {
                parse(&value).map_err(|message| ApiError::bad_request(format!("{key}: {message}")))
            })
            .transpose()
    }

    /// Refuses any parameter the handler did not take.
    pub fn finish(self) -> Result<(), ApiError> {
        match self.values.keys().next() {
            None => Ok(()),
            Some(key) => Err(ApiError::bad_request(format!("unknown parameter {key:?}"))),
        }
    }

    /// The filters every endpoint shares, as the CLI's `EventQuery`.
    pub fn filters(&mut self) -> Result<EventQuery, ApiError> {
        Ok(EventQuery {
            actor: self.take("actor"),
            source: self.take("source"),
            target: self.take("target"),
            code: self.take_with("code", parse_code)?,
            quad: self.take_with("quad", parse_quad)?,
            country: self.take_with("country", parse_country)?,
            from: self.take_with("from", parse_day)?,
            to: self.take_with("to", parse_day)?,
            near: self.take_with("near", Near::parse)?,
            text: self.take("text"),
            bbox: self.take_with("bbox", BoundingBox::parse)?,
            min_mentions: self
                .take_with("min_mentions", |text| parse_number(text, 1, 1_000_000))?,
            limit: None,
        })
    }

    /// `limit`: 1 to `max`, `default` when absent.
    pub fn limit(&mut self, default: usize, max: usize) -> Result<usize, ApiError> {
        Ok(self
            .take_with("limit", |text| parse_number(text, 1, max))?
            .unwrap_or(default))
    }

    pub fn sort(&mut self) -> Result<Sort, ApiError> {
        Ok(self
            .take_with("sort", |text| match text {
                "newest" => Ok(Sort::Newest),
                "oldest" => Ok(Sort::Oldest),
                "mentions" => Ok(Sort::Mentions),
                _ => Err(format!("expected newest, oldest or mentions, got {text:?}")),
            })?
            .unwrap_or_default())
    }

    pub fn period(&mut self) -> Result<Period, ApiError> {
        Ok(self
            .take_with("by", |text| match text {
                "day" => Ok(Period::Day),
                "week" => Ok(Period::Week),
                "month" => Ok(Period::Month),
                _ => Err(format!("expected day, week or month, got {text:?}")),
            })?
            .unwrap_or(Period::Month))
    }
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("expected YYYY-MM-DD, got {text:?}"))
}

fn parse_quad(text: &str) -> Result<u8, String> {
    parse_number::<u8>(text, 1, 4)
}

fn parse_number<T: TryFrom<u64>>(text: &str, min: u64, max: usize) -> Result<T, String> {
    let number: u64 = text
        .parse()
        .map_err(|_| format!("expected a whole number, got {text:?}"))?;
    if number < min || number > max as u64 {
        return Err(format!("expected {min} to {max}, got {number}"));
    }
    T::try_from(number).map_err(|_| format!("{number} is too large"))
}

/// A CAMEO root, base or full code: digits (and capitals, as some user
/// dictionaries write them).
fn parse_code(text: &str) -> Result<String, String> {
    let valid = (2..=8).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_alphanumeric());
    if valid {
        Ok(text.to_ascii_uppercase())
    } else {
        Err(format!(
            "expected a CAMEO root (19), base (025) or code (0256), got {text:?}"
        ))
    }
}

fn parse_country(text: &str) -> Result<String, String> {
    if text.len() == 3 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(text.to_ascii_uppercase())
    } else {
        Err(format!(
            "expected a three-letter country code (UKR), got {text:?}"
        ))
    }
}

/// The filters every endpoint takes (documentation for the OpenAPI
/// description; requests are parsed by [`Params::filters`]).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct FilterDoc {
    /// Source or target: a code in capitals (`RUS` matches RUS, RUSGOV, RUSMIL...) or part of a name in any other spelling (`putin`).
    actor: Option<String>,
    /// The source, as for `actor`.
    source: Option<String>,
    /// The target, as for `actor`.
    target: Option<String>,
    /// A CAMEO root (`19`), base code (`025`, with its sub-codes) or full code (`0256`).
    code: Option<String>,
    /// QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[param(minimum = 1, maximum = 4)]
    quad: Option<u8>,
    /// Where the event happened: a three-letter country code (`UKR`).
    country: Option<String>,
    /// First day, `YYYY-MM-DD`.
    #[param(format = Date)]
    from: Option<String>,
    /// Last day, `YYYY-MM-DD`, inclusive.
    #[param(format = Date)]
    to: Option<String>,
    /// Within KM kilometres of a point: `LAT,LON,KM`.
    near: Option<String>,
    /// Words and "quoted phrases" all found in an article reporting the event.
    text: Option<String>,
    /// Inside a map box: `WEST,SOUTH,EAST,NORTH` in degrees (west > east crosses the antimeridian).
    bbox: Option<String>,
    /// At least this many reports merged into the event.
    #[param(minimum = 1)]
    min_mentions: Option<u32>,
}
