//! Event filters and the SQL they become.
//!
//! Every filter is an indexed condition on `events e`: actors through the
//! `event_actors` keys, codes by root, base or full code, places by country
//! or a bounding box refined by exact distance, text through the
//! database's full-text index. Results come newest first.

use chrono::NaiveDate;

use crate::StoreError;
use crate::backend::{Backend, BackendExt, Dialect, Value, placeholders};
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
    /// Inside a map box (where the event happened).
    pub bbox: Option<BoundingBox>,
    /// At least this many reports merged into the event.
    pub min_mentions: Option<u32>,
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

/// A map box in degrees, as GeoJSON writes one: west, south, east, north.
/// A box whose west edge is east of its east edge crosses the antimeridian.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoundingBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl BoundingBox {
    /// Parses `WEST,SOUTH,EAST,NORTH`.
    pub fn parse(text: &str) -> Result<BoundingBox, String> {
        let numbers: Vec<f64> = text
            .split(',')
            .map(|part| part.trim().parse::<f64>())
            .collect::<Result<_, _>>()
            .map_err(|_| format!("expected WEST,SOUTH,EAST,NORTH in degrees, got {text:?}"))?;
        let [west, south, east, north] = numbers[..] else {
            return Err(format!(
                "expected WEST,SOUTH,EAST,NORTH in degrees, got {text:?}"
            ));
        };
        let latitude = |v: f64| (-90.0..=90.0).contains(&v);
        let longitude = |v: f64| (-180.0..=180.0).contains(&v);
        if !(latitude(south) && latitude(north) && longitude(west) && longitude(east)) {
            return Err(format!(
                "{text:?}: latitudes must be within ±90 and longitudes within ±180"
            ));
        }
        if south > north {
            return Err(format!(
                "{text:?}: the south edge is north of the north edge"
            ));
        }
        Ok(BoundingBox {
            west,
            south,
            east,
            north,
        })
    }
}

/// Which role an actor filter looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Any,
    Source,
    Target,
}

impl Role {
    /// The `event_actors.roles` bits to test, `None` for either role.
    fn bits(self) -> Option<i64> {
        match self {
            Role::Any => None,
            Role::Source => Some(1),
            Role::Target => Some(2),
        }
    }
}

/// The index rows a query walks in date order instead of `events`.
#[derive(Debug)]
enum Driver {
    /// One actor key's `event_actors` rows, with its role condition.
    Actor(String, Role),
    /// One source key and one target key: their `event_dyads` rows.
    Dyad(String, String),
}

/// Event columns that `event_actors` and `event_dyads` rows carry too
/// (migration 3), beside the Goldstein score and mention count.
#[derive(Clone, Copy, Debug)]
enum Carried {
    QuadClass,
    RootCode,
}

impl Carried {
    fn name(self) -> &'static str {
        match self {
            Carried::QuadClass => "quad_class",
            Carried::RootCode => "root_code",
        }
    }
}

/// The conditions of a query over `events e`, with their parameters.
///
/// A query naming one actor key walks that key's `event_actors` rows
/// (`d`) in date order, so the newest matches come first whether the
/// actor has ten events or a hundred thousand; a source and a target code
/// walk their pair's `event_dyads` rows the same way; any other query walks
/// `events` by date, or by the index of its most selective condition as
/// the database's planner sees fit.
#[derive(Debug, Default)]
pub struct Filter {
    /// The index walked in date order.
    driver: Option<Driver>,
    /// How many conditions read `events e` (the others read the driver's rows).
    event_conditions: usize,
    conditions: Vec<String>,
    params: Vec<Value>,
    /// True when a filter can match nothing (an unknown name): skip the query.
    pub empty: bool,
}

/// Text matching at most this share of articles is looked up first; more
/// common text is checked event by event, newest first.
const TEXT_LOOKUP_SHARE: f64 = 0.05;

impl Filter {
    /// Builds the conditions for `query`, looking up actor names as needed.
    pub fn build(backend: &mut dyn Backend, query: &EventQuery) -> Result<Filter, StoreError> {
        let mut filter = Filter::default();
        filter.actors(backend, query)?;
        if let Some(code) = &query.code {
            filter.code(code)?;
        }
        if let Some(quad) = query.quad {
            if !(1..=4).contains(&quad) {
                return Err(StoreError::Query(format!("--quad {quad}: expected 1 to 4")));
            }
            filter.push_carried(Carried::QuadClass, i64::from(quad).into());
        }
        if let Some(country) = &query.country {
            filter.push("e.place_country = ?", [country.to_uppercase().into()]);
        }
        let date = filter.date_column();
        if let Some(from) = query.from {
            filter.push_walked(&format!("{date} >= ?"), [crate::merge::day(from).into()]);
        }
        if let Some(to) = query.to {
            filter.push_walked(&format!("{date} <= ?"), [crate::merge::day(to).into()]);
        }
        if let Some(near) = query.near {
            filter.near(near);
        }
        if let Some(text) = &query.text {
            filter.text(backend, &TextQuery::parse(text)?)?;
        }
        if let Some(bbox) = query.bbox {
            filter.bbox(bbox);
        }
        if let Some(min_mentions) = query.min_mentions {
            filter.push("e.num_mentions >= ?", [i64::from(min_mentions).into()]);
        }
        Ok(filter)
    }

    /// `events e`, or the driving index's rows joined to them.
    pub fn table_clause(&self) -> &'static str {
        match self.driver {
            Some(Driver::Actor(..)) => "event_actors d JOIN events e ON e.id = d.event_id",
            Some(Driver::Dyad(..)) => "event_dyads d JOIN events e ON e.id = d.event_id",
            None => "events e",
        }
    }

    /// The rows a summary reads and the alias of their summed columns
    /// (`goldstein`, `num_mentions`, `quad_class`): the driving index's
    /// rows alone when every condition reads them (they carry those columns
    /// and the root code), so a timeline needs no `events` row at all;
    /// else [`Filter::table_clause`] and `e`.
    pub fn summed_rows(&self) -> (&'static str, &'static str) {
        match self.driver {
            Some(Driver::Actor(..)) if self.event_conditions == 0 => ("event_actors d", "d"),
            Some(Driver::Dyad(..)) if self.event_conditions == 0 => ("event_dyads d", "d"),
            _ => (self.table_clause(), "e"),
        }
    }

    /// The event date column, in the walked index where there is one.
    pub fn date_column(&self) -> &'static str {
        match self.driver {
            Some(_) => "d.date",
            None => "e.date",
        }
    }

    /// The event id column, in the walked index where there is one.
    pub fn id_column(&self) -> &'static str {
        match self.driver {
            Some(_) => "d.event_id",
            None => "e.id",
        }
    }

    /// Every condition, joined with AND (possibly none).
    fn all_conditions(&self) -> Vec<String> {
        let mut conditions = Vec::new();
        match &self.driver {
            Some(Driver::Actor(_, role)) => {
                conditions.push("d.actor_key = ?".to_string());
                if let Some(bits) = role.bits() {
                    conditions.push(format!("(d.roles & {bits}) <> 0"));
                }
            }
            Some(Driver::Dyad(..)) => {
                conditions.push("d.source_key = ? AND d.target_key = ?".to_string());
            }
            None => {}
        }
        conditions.extend(self.conditions.iter().cloned());
        conditions
    }

    /// The parameters, in the order of the conditions.
    pub fn params(&self) -> Vec<Value> {
        let mut params = Vec::with_capacity(self.params.len() + 1);
        match &self.driver {
            Some(Driver::Actor(key, _)) => params.push(key.as_str().into()),
            Some(Driver::Dyad(source, target)) => {
                params.extend([source.as_str().into(), target.as_str().into()]);
            }
            None => {}
        }
        params.extend(self.params.iter().cloned());
        params
    }

    /// `WHERE ...` (or nothing).
    pub fn where_clause(&self) -> String {
        let conditions = self.all_conditions();
        if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        }
    }

    /// `AND ...` after an existing WHERE (or nothing).
    pub fn and_clause(&self) -> String {
        self.all_conditions()
            .iter()
            .map(|condition| format!(" AND {condition}"))
            .collect()
    }

    /// Adds a condition on `events e`.
    fn push<const N: usize>(&mut self, condition: &str, params: [Value; N]) {
        self.event_conditions += 1;
        self.push_walked(condition, params);
    }

    /// Adds `column = ?` on a column the driver's rows carry as well as
    /// `events`: read from the driver's rows where there is one, so the
    /// walk tests it without reading the event.
    fn push_carried(&mut self, column: Carried, value: Value) {
        let name = column.name();
        match self.driver {
            Some(_) => self.push_walked(&format!("d.{name} = ?"), [value]),
            None => self.push(&format!("e.{name} = ?"), [value]),
        }
    }

    /// Adds a condition on the columns the driver walks (its date).
    fn push_walked<const N: usize>(&mut self, condition: &str, params: [Value; N]) {
        self.conditions.push(condition.to_string());
        self.params.extend(params);
    }

    /// The actor filters: a source and a target code drive the query through
    /// their dyad, else the first naming a single key drives it; the others
    /// probe each candidate event, or (with no driver) give the set of events
    /// to keep.
    fn actors(&mut self, backend: &mut dyn Backend, query: &EventQuery) -> Result<(), StoreError> {
        let given = [
            (&query.actor, Role::Any),
            (&query.source, Role::Source),
            (&query.target, Role::Target),
        ];
        let mut filters = Vec::new();
        for (actor, role) in given {
            let Some(actor) = actor else { continue };
            let keys = actor_keys(backend, actor)?;
            if keys.is_empty() {
                self.empty = true;
                return Ok(());
            }
            filters.push((keys, role));
        }
        let single_code = |role: Role| {
            filters
                .iter()
                .position(|(keys, r)| *r == role && keys.len() == 1 && keys[0].starts_with("c:"))
        };
        if let (Some(source), Some(target)) = (single_code(Role::Source), single_code(Role::Target))
        {
            let target_key = filters[target].0[0].clone();
            let source_key = filters[source].0[0].clone();
            filters.retain(|(_, role)| !matches!(role, Role::Source | Role::Target));
            self.driver = Some(Driver::Dyad(source_key, target_key));
        } else if let Some(idx) = filters.iter().position(|(keys, _)| keys.len() == 1) {
            let (mut keys, role) = filters.remove(idx);
            self.driver = Some(Driver::Actor(keys.remove(0), role));
        }
        for (keys, role) in filters {
            let roles = role.bits().map_or(String::new(), |bits| {
                format!(" AND (a.roles & {bits}) <> 0")
            });
            let in_keys = placeholders(keys.len());
            let condition = match self.driver {
                // One primary-key probe per event the driver yields.
                Some(_) => format!(
                    "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.actor_key IN ({in_keys}){roles})"
                ),
                None => format!(
                    "e.id IN (SELECT a.event_id FROM event_actors a WHERE a.actor_key IN ({in_keys}){roles})"
                ),
            };
            self.event_conditions += 1;
            self.conditions.push(condition);
            self.params.extend(keys.into_iter().map(Value::from));
        }
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
        match code.len() {
            2 => self.push_carried(Carried::RootCode, code.into()),
            3 => self.push("e.base_code = ?", [code.into()]),
            _ => self.push("e.code = ?", [code.into()]),
        }
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

    fn bbox(&mut self, bbox: BoundingBox) {
        self.push(
            "e.lat BETWEEN ? AND ?",
            [bbox.south.into(), bbox.north.into()],
        );
        if bbox.west <= bbox.east {
            self.push(
                "e.lon BETWEEN ? AND ?",
                [bbox.west.into(), bbox.east.into()],
            );
        } else {
            self.push(
                "(e.lon >= ? OR e.lon <= ?)",
                [bbox.west.into(), bbox.east.into()],
            );
        }
    }

    /// Rare text: the matching articles first, then their events. Common
    /// text: each event, newest first, probed against the index.
    fn text(&mut self, backend: &mut dyn Backend, text: &TextQuery) -> Result<(), StoreError> {
        let dialect = backend.dialect();
        let sql_text = text.to_sql_text(dialect);
        let common = match dialect {
            Dialect::Sqlite => sqlite_text_is_common(backend, text)?,
            // PostgreSQL's planner weighs the GIN index itself.
            Dialect::Postgres => false,
        };
        let condition = if common {
            format!(
                "EXISTS (SELECT 1 FROM reports r JOIN articles t ON t.id = r.article_id
                         JOIN article_fts f ON f.rowid = {}
                         WHERE r.event_id = e.id AND article_fts MATCH ?)",
                crate::walk::SQLITE_TEXT_KEY
            )
        } else {
            format!(
                "e.id IN (SELECT r.event_id FROM reports r WHERE r.article_id IN ({}))",
                dialect.text_match_articles()
            )
        };
        self.push(&condition, [sql_text.into()]);
        Ok(())
    }
}

/// True when the rarest word of the text is in more than
/// [`TEXT_LOOKUP_SHARE`] of the articles (from FTS5's own counts).
fn sqlite_text_is_common(backend: &mut dyn Backend, text: &TextQuery) -> Result<bool, StoreError> {
    let articles = backend
        .query_int("SELECT MAX(id) FROM articles", &[])?
        .unwrap_or(0);
    let mut rarest = i64::MAX;
    for word in text.words() {
        let documents = backend
            .query_int(
                "SELECT doc FROM article_fts_vocab WHERE term = ?",
                &[word.into()],
            )?
            .unwrap_or(0);
        rarest = rarest.min(documents);
    }
    Ok(rarest as f64 > TEXT_LOOKUP_SHARE * articles as f64)
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
pub(crate) fn is_code(text: &str) -> bool {
    text.len() >= 3
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
}

pub(crate) fn escape_like(text: &str) -> String {
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
    if dialect == Dialect::Sqlite && crate::walk::suits(query) {
        let found = crate::walk::newest_text_matches(backend, query, None)?;
        return Ok(found.into_iter().map(|(_, id)| id).collect());
    }
    let mut params = filter.params();
    let limit = match query.limit {
        Some(limit) => {
            params.push((limit as i64).into());
            " LIMIT ?"
        }
        None => "",
    };
    let sql = format!(
        "SELECT e.id FROM {} {} ORDER BY {}, {} DESC{limit}",
        filter.table_clause(),
        filter.where_clause(),
        dialect.desc_nulls_last(filter.date_column()),
        filter.id_column(),
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
    fn bounding_boxes_parse_and_check_ranges() {
        assert_eq!(
            BoundingBox::parse("30, 45.5, 40, 52").unwrap(),
            BoundingBox {
                west: 30.0,
                south: 45.5,
                east: 40.0,
                north: 52.0
            }
        );
        // Across the antimeridian.
        assert!(BoundingBox::parse("170,-20,-170,10").is_ok());
        assert!(BoundingBox::parse("30,52,40,45").is_err());
        assert!(BoundingBox::parse("30,45,40").is_err());
        assert!(BoundingBox::parse("30,45,200,50").is_err());
        assert!(BoundingBox::parse("NaN,1,2,3").is_err());
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
