//! Event filters and the SQL they become.
//!
//! Every filter is an indexed condition on `events e`: actors through the
//! `event_actors` keys, codes by root, base or full code, places by country
//! or a bounding box refined by exact distance, text through the
//! database's full-text index. Results come newest first.

use chrono::NaiveDate;

use crate::StoreError;
use crate::backend::{Backend, Dialect, Value, placeholders};
use crate::text::TextQuery;

/// Which events to return. Every filter given must hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventQuery {
    /// Source or target: a code (upper case: `RUS` matches `RUS`, `RUSGOV`,
    /// `RUSMIL`...) or part of a name (any other spelling: `putin`).
    pub actor: Option<String>,
    /// The source, as for `actor`.
    pub source: Option<String>,
    /// The target, as for `actor`.
    pub target: Option<String>,
    /// A root (`19`), a base code (`025`, which includes `0256`) or a full code (`0256`).
    pub code: Option<String>,
    /// QuadClass 1-4.
    pub quad: Option<u8>,
    /// Where the event happened: a CAMEO/ISO alpha-3 country code.
    pub country: Option<String>,
    /// First and last day, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub near: Option<Near>,
    /// Words and "phrases" that an article reporting the event contains.
    pub text: Option<String>,
    pub limit: Option<usize>,
}

/// Within `km` of a point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Near {
    pub lat: f64,
    pub lon: f64,
    pub km: f64,
}

impl Near {
    /// Parses `LAT,LON,KM`.
    pub fn parse(text: &str) -> Result<Near, String> {
        let numbers: Vec<f64> = text
            .split(',')
            .map(|part| part.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| format!("expected LAT,LON,KM, got {text:?}"))?;
        let [lat, lon, km] = numbers[..] else {
            return Err(format!("expected LAT,LON,KM, got {text:?}"));
        };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(format!(
                "{text:?}: latitude must be within ±90 and longitude within ±180"
            ));
        }
        if !(km > 0.0 && km.is_finite()) {
            return Err(format!(
                "{text:?}: the distance must be a positive number of km"
            ));
        }
        Ok(Near { lat, lon, km })
    }
}

/// Which role an actor filter looks at (bits of `event_actors.roles`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Any = 3,
    Source = 1,
    Target = 2,
}

/// A WHERE clause over `events e` with its parameters.
#[derive(Debug, Default)]
pub struct Filter {
    conditions: Vec<String>,
    pub params: Vec<Value>,
    /// True when a filter can match nothing (an unknown name): skip the query.
    pub empty: bool,
}

impl Filter {
    /// Builds the conditions for `query`, looking up actor names as needed.
    pub fn build(backend: &mut dyn Backend, query: &EventQuery) -> Result<Filter, StoreError> {
        let mut filter = Filter::default();
        let actors = [
            (&query.actor, Role::Any),
            (&query.source, Role::Source),
            (&query.target, Role::Target),
        ];
        for (actor, role) in actors {
            if let Some(actor) = actor {
                filter.actor(backend, actor, role)?;
            }
        }
        if let Some(code) = &query.code {
            filter.code(code)?;
        }
        if let Some(quad) = query.quad {
            if !(1..=4).contains(&quad) {
                return Err(StoreError::Query(format!("--quad {quad}: expected 1 to 4")));
            }
            filter.push("e.quad_class = ?", [i64::from(quad).into()]);
        }
        if let Some(country) = &query.country {
            filter.push("e.place_country = ?", [country.to_uppercase().into()]);
        }
        if let Some(from) = query.from {
            filter.push("e.date >= ?", [crate::merge::day(from).into()]);
        }
        if let Some(to) = query.to {
            filter.push("e.date <= ?", [crate::merge::day(to).into()]);
        }
        if let Some(near) = query.near {
            filter.near(near);
        }
        if let Some(text) = &query.text {
            let text_query = TextQuery::parse(text)?;
            let dialect = backend.dialect();
            filter.push(
                &format!(
                    "e.id IN (SELECT r.event_id FROM reports r WHERE r.article_id IN ({}))",
                    dialect.text_match_articles()
                ),
                [text_query.to_sql_text(dialect).into()],
            );
        }
        Ok(filter)
    }

    /// `WHERE ...` (or nothing).
    pub fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join(" AND "))
        }
    }

    /// `AND ...` after an existing WHERE (or nothing).
    pub fn and_clause(&self) -> String {
        self.conditions
            .iter()
            .map(|condition| format!(" AND {condition}"))
            .collect()
    }

    fn push<const N: usize>(&mut self, condition: &str, params: [Value; N]) {
        self.conditions.push(condition.to_string());
        self.params.extend(params);
    }

    fn actor(
        &mut self,
        backend: &mut dyn Backend,
        actor: &str,
        role: Role,
    ) -> Result<(), StoreError> {
        let keys = actor_keys(backend, actor)?;
        if keys.is_empty() {
            self.empty = true;
            return Ok(());
        }
        let roles = match role {
            Role::Any => String::new(),
            role => format!(" AND (roles & {}) <> 0", role as i64),
        };
        self.conditions.push(format!(
            "e.id IN (SELECT event_id FROM event_actors WHERE actor_key IN ({}){roles})",
            placeholders(keys.len())
        ));
        self.params.extend(keys.into_iter().map(Value::from));
        Ok(())
    }

    fn code(&mut self, code: &str) -> Result<(), StoreError> {
        let code = code.trim().to_ascii_uppercase();
        let valid = code.len() >= 2 && code.bytes().all(|b| b.is_ascii_alphanumeric());
        if !valid {
            return Err(StoreError::Query(format!(
                "--code {code:?}: expected a CAMEO root (19), base (025) or code (0256)"
            )));
        }
        let column = match code.len() {
            2 => "e.root_code",
            3 => "e.base_code",
            _ => "e.code",
        };
        self.push(&format!("{column} = ?"), [code.into()]);
        Ok(())
    }

    fn near(&mut self, near: Near) {
        const KM_PER_DEGREE: f64 = 111.19;
        let dlat = near.km / KM_PER_DEGREE;
        let (lat_lo, lat_hi) = (near.lat - dlat, near.lat + dlat);
        self.push("e.lat BETWEEN ? AND ?", [lat_lo.into(), lat_hi.into()]);
        // Near a pole or the antimeridian the longitude band would wrap:
        // leave it out there and let the exact distance decide.
        let cos_lat = near.lat.to_radians().cos();
        let pole = lat_lo <= -89.0 || lat_hi >= 89.0 || cos_lat < 0.01;
        if !pole {
            let dlon = near.km / (KM_PER_DEGREE * cos_lat);
            let (lon_lo, lon_hi) = (near.lon - dlon, near.lon + dlon);
            if lon_lo >= -180.0 && lon_hi <= 180.0 {
                self.push("e.lon BETWEEN ? AND ?", [lon_lo.into(), lon_hi.into()]);
            }
        }
        self.push(
            "dl_distance_km(e.lat, e.lon, ?, ?) <= ?",
            [near.lat.into(), near.lon.into(), near.km.into()],
        );
    }
}

/// The `event_actors` keys an actor filter matches: `c:CODE` for a code,
/// `n:name` for every stored name containing the text.
fn actor_keys(backend: &mut dyn Backend, actor: &str) -> Result<Vec<String>, StoreError> {
    let actor = actor.trim();
    if is_code(actor) {
        return Ok(vec![format!("c:{actor}")]);
    }
    let pattern = format!("%{}%", escape_like(&actor.to_lowercase()));
    let rows = backend.query(
        "SELECT name_key FROM actor_names WHERE name_key LIKE ? ESCAPE '\\' ORDER BY name_key",
        &[pattern.into()],
    )?;
    rows.iter()
        .map(|row| Ok(format!("n:{}", row.text(0)?)))
        .collect()
}

/// Codes are written in capitals: `RUS`, `USAGOV`, `---GOV`.
fn is_code(text: &str) -> bool {
    text.len() >= 3
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The ids of matching events, newest first (undated last), at most `limit`.
pub fn matching_ids(backend: &mut dyn Backend, query: &EventQuery) -> Result<Vec<i64>, StoreError> {
    let filter = Filter::build(backend, query)?;
    if filter.empty || query.limit == Some(0) {
        return Ok(Vec::new());
    }
    let dialect: Dialect = backend.dialect();
    let mut params = filter.params.clone();
    let limit = match query.limit {
        Some(limit) => {
            params.push((limit as i64).into());
            " LIMIT ?"
        }
        None => "",
    };
    let sql = format!(
        "SELECT e.id FROM events e {} ORDER BY {}, e.id DESC{limit}",
        filter.where_clause(),
        dialect.desc_nulls_last("e.date"),
    );
    backend
        .query(&sql, &params)?
        .iter()
        .map(|row| row.int(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_parses_and_checks_ranges() {
        assert_eq!(
            Near::parse("49.99, 36.23, 50").unwrap(),
            Near {
                lat: 49.99,
                lon: 36.23,
                km: 50.0
            }
        );
        assert!(Near::parse("49.99,36.23").is_err());
        assert!(Near::parse("95,36,50").is_err());
        assert!(Near::parse("49,36,-5").is_err());
        assert!(Near::parse("a,b,c").is_err());
    }

    #[test]
    fn codes_are_capitals_and_names_anything_else() {
        assert!(is_code("RUS"));
        assert!(is_code("---GOV"));
        assert!(!is_code("Putin"));
        assert!(!is_code("rus"));
        assert!(!is_code("EU"));
        assert_eq!(escape_like("100%_a\\b"), "100\\%\\_a\\\\b");
    }
}
