//! The merge rule: when a report describes an event already known.

use dateline_model::{ActorCode, EventCode, PlaceKind};

use crate::signature::{Actor, Anchor, Place, Signature};

/// When two reports are one real-world event. See the crate documentation
/// for the rule in words.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeRule {
    /// Reports dated at most this many days from the event's first report
    /// may merge with it.
    pub window_days: u32,
    /// Two towns (or other point places) this close are the same place.
    pub same_place_km: f64,
}

impl Default for MergeRule {
    fn default() -> MergeRule {
        MergeRule {
            window_days: 1,
            same_place_km: 25.0,
        }
    }
}

impl MergeRule {
    /// True when `report` may be a report of `event`.
    pub fn accepts(&self, event: &Signature, report: &Signature) -> bool {
        event.negated == report.negated
            && event.modality == report.modality
            && self.anchors_match(&event.anchor, &report.anchor)
            && codes_compatible(&event.code, &report.code)
            && actors_compatible(&event.source, &report.source)
            && optional_compatible(event.target.as_ref(), report.target.as_ref(), |a, b| {
                actors_compatible(a, b)
            })
            && self.places_match(event.place.as_ref(), report.place.as_ref())
    }

    /// The candidate event `report` belongs to, if any: of the accepted
    /// candidates, the one agreeing on the most fields exactly, then the
    /// nearest in time, then the first given (callers list oldest first).
    pub fn best<'a, K>(
        &self,
        candidates: impl IntoIterator<Item = (K, &'a Signature)>,
        report: &Signature,
    ) -> Option<K> {
        let mut best: Option<(K, (usize, i64))> = None;
        for (key, event) in candidates {
            if !self.accepts(event, report) {
                continue;
            }
            let score = (exact_agreements(event, report), -days_apart(event, report));
            if best
                .as_ref()
                .is_none_or(|(_, best_score)| score > *best_score)
            {
                best = Some((key, score));
            }
        }
        best.map(|(key, _)| key)
    }

    /// The inclusive date range of events a dated report may join.
    pub fn window(&self, date: chrono::NaiveDate) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let days = chrono::Days::new(u64::from(self.window_days));
        (
            date.checked_sub_days(days)
                .unwrap_or(chrono::NaiveDate::MIN),
            date.checked_add_days(days)
                .unwrap_or(chrono::NaiveDate::MAX),
        )
    }

    fn anchors_match(&self, event: &Anchor, report: &Anchor) -> bool {
        match (event, report) {
            (Anchor::Date(a), Anchor::Date(b)) => {
                a.signed_duration_since(*b).num_days().unsigned_abs() <= u64::from(self.window_days)
            }
            (Anchor::Article(a), Anchor::Article(b)) => a == b,
            _ => false,
        }
    }

    fn places_match(&self, event: Option<&Place>, report: Option<&Place>) -> bool {
        match (event, report) {
            (Some(a), Some(b)) if a.is_firm() && b.is_firm() => {
                places_compatible(a, b, self.same_place_km)
            }
            _ => true,
        }
    }
}

/// Two codes name the same action when one refines the other: "04", "040"
/// and "041" agree, "041" and "042" do not, "025" and "0256" do.
pub fn codes_compatible(a: &EventCode, b: &EventCode) -> bool {
    let (a, b) = (a.specific_part(), b.specific_part());
    a.starts_with(b) || b.starts_with(a)
}

/// Two actor codes name the same actor when they agree segment by segment
/// as far as the shorter goes: "CHN" and "CHNGOV" agree, "CHNGOV" and
/// "CHNMIL" do not, nor do "CHNGOV" and "VNMGOV".
pub fn actor_codes_compatible(a: &ActorCode, b: &ActorCode) -> bool {
    let (a, b) = (a.as_str(), b.as_str());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len().is_multiple_of(3) && long.starts_with(short))
}

fn actors_compatible(a: &Actor, b: &Actor) -> bool {
    actor_codes_compatible(&a.code, &b.code)
}

/// Two places are the same place when they are one gazetteer entry, when
/// one contains the other (a country and a town in it; a province and a
/// town in it), when either is a whole continent, or when two towns lie
/// within `same_place_km` of each other.
pub fn places_compatible(a: &Place, b: &Place, same_place_km: f64) -> bool {
    if a.geonameid.is_some() && a.geonameid == b.geonameid {
        return true;
    }
    if a.kind == PlaceKind::Continent || b.kind == PlaceKind::Continent {
        return true;
    }
    if contains(a, b) || contains(b, a) {
        return true;
    }
    is_point(a) && is_point(b) && distance_km(a.lat, a.lon, b.lat, b.lon) <= same_place_km
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0088;
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let h = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

fn contains(outer: &Place, inner: &Place) -> bool {
    match outer.kind {
        PlaceKind::Country => outer.country.is_some() && outer.country == inner.country,
        PlaceKind::Adm1 => outer.adm1.is_some() && outer.adm1 == inner.adm1,
        _ => false,
    }
}

fn is_point(place: &Place) -> bool {
    matches!(place.kind, PlaceKind::City | PlaceKind::Other)
}

fn optional_compatible<T>(a: Option<&T>, b: Option<&T>, same: impl Fn(&T, &T) -> bool) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        _ => true,
    }
}

/// How many of code, source, target and place agree exactly.
fn exact_agreements(a: &Signature, b: &Signature) -> usize {
    let same_target = match (&a.target, &b.target) {
        (Some(x), Some(y)) => x.code == y.code,
        (None, None) => true,
        _ => false,
    };
    let same_place = match (&a.place, &b.place) {
        (Some(x), Some(y)) => x.geonameid.is_some() && x.geonameid == y.geonameid,
        (None, None) => true,
        _ => false,
    };
    [
        a.code == b.code,
        a.source.code == b.source.code,
        same_target,
        same_place,
    ]
    .into_iter()
    .filter(|&same| same)
    .count()
}

fn days_apart(a: &Signature, b: &Signature) -> i64 {
    match (a.date(), b.date()) {
        (Some(x), Some(y)) => x.signed_duration_since(y).num_days().abs(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str) -> ActorCode {
        ActorCode::parse(code).unwrap()
    }

    fn code(text: &str) -> EventCode {
        EventCode::parse(text).unwrap()
    }

    #[test]
    fn codes_agree_when_one_refines_the_other() {
        assert!(codes_compatible(&code("040"), &code("041")));
        assert!(codes_compatible(&code("04"), &code("043")));
        assert!(codes_compatible(&code("025"), &code("0256")));
        assert!(codes_compatible(&code("180"), &code("1831")));
        assert!(!codes_compatible(&code("041"), &code("042")));
        assert!(!codes_compatible(&code("0256"), &code("0253")));
        assert!(!codes_compatible(&code("190"), &code("180")));
    }

    #[test]
    fn actors_agree_segment_by_segment() {
        assert!(actor_codes_compatible(&actor("CHN"), &actor("CHNGOV")));
        assert!(actor_codes_compatible(&actor("USAGOV"), &actor("USAGOV")));
        assert!(!actor_codes_compatible(&actor("CHNGOV"), &actor("CHNMIL")));
        assert!(!actor_codes_compatible(&actor("CHNGOV"), &actor("VNMGOV")));
        // "NGAREBBKH" refines "NGAREB", but "NGAR" is no segment boundary.
        assert!(actor_codes_compatible(
            &actor("NGAREB"),
            &actor("NGAREBBKH")
        ));
        assert!(!actor_codes_compatible(&actor("NGAR"), &actor("NGAREB")));
    }

    #[test]
    fn distance_between_known_cities() {
        // Hanoi (21.0245, 105.8412) to Ho Chi Minh City (10.8231, 106.6297): about 1,140 km.
        let km = distance_km(21.0245, 105.8412, 10.8231, 106.6297);
        assert!((1130.0..1150.0).contains(&km), "{km}");
        assert!(distance_km(9.0, 8.0, 9.0, 8.0) < 1e-9);
    }
}
