//! The CAMEO 1.1b3 event codebook: codes, names, Goldstein scores, QuadClass
//! and the CAMEO -> PLOVER mapping.
//!
//! The table is data (`data/cameo/codes.tsv`), compiled in and parsed once on
//! first use. Codes are strings ("010" and "10" differ); codes outside the
//! codebook (older WEIS codes such as "174K", a group's own extensions) are
//! valid [`EventCode`]s that simply have no [`CodeInfo`].

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use crate::plover;

const CODES_TSV: &str = include_str!("../../../data/cameo/codes.tsv");

/// An event code as written: "04", "041", "0256", or a non-CAMEO extension.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventCode(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid event code {0:?}: expected 2 to 6 letters or digits starting with two digits")]
pub struct EventCodeError(pub String);

impl EventCode {
    /// Parses a code: two leading digits, then up to four digits or letters.
    pub fn parse(text: &str) -> Result<EventCode, EventCodeError> {
        let bytes = text.as_bytes();
        let valid = (2..=6).contains(&bytes.len())
            && bytes[..2].iter().all(u8::is_ascii_digit)
            && bytes.iter().all(u8::is_ascii_alphanumeric);
        if valid {
            Ok(EventCode(text.to_ascii_uppercase()))
        } else {
            Err(EventCodeError(text.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two-digit root ("19" for "190" and "1951").
    pub fn root(&self) -> &str {
        &self.0[..2]
    }

    /// The three-digit base code ("019" stays, "0256" gives "025", "04" gives "04").
    pub fn base(&self) -> &str {
        &self.0[..self.0.len().min(3)]
    }

    /// The code with a "not specified below" base code (three digits ending
    /// in 0: "040", "190") read as its root ("04", "19"); others unchanged.
    pub fn specific_part(&self) -> &str {
        let unspecified = self.0.len() == 3 && self.0.ends_with('0');
        if unspecified { self.root() } else { &self.0 }
    }

    /// True when this code is `ancestor` or one of its sub-codes ("1723"
    /// is within "172" and "17"; "0256" is within "025", not "026").
    pub fn is_within(&self, ancestor: &str) -> bool {
        self.0.starts_with(ancestor)
    }

    /// Codebook entry, or `None` for codes outside CAMEO 1.1b3.
    pub fn info(&self) -> Option<&'static CodeInfo> {
        codebook().get(self.as_str())
    }

    /// QuadClass from the codebook, else from the root for extension codes
    /// whose root is a CAMEO root ("174K" is a root-17 code).
    pub fn quad_class(&self) -> Option<QuadClass> {
        self.info()
            .map(|info| info.quad_class)
            .or_else(|| QuadClass::of_root(self.root()))
    }
}

impl fmt::Display for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// GDELT's four-way grouping of CAMEO roots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuadClass {
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

impl QuadClass {
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(number: u8) -> Option<QuadClass> {
        match number {
            1 => Some(QuadClass::VerbalCooperation),
            2 => Some(QuadClass::MaterialCooperation),
            3 => Some(QuadClass::VerbalConflict),
            4 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }

    /// GDELT 2.0's lookup: roots 01-05 verbal cooperation, 06-09 material
    /// cooperation, 10-14 verbal conflict, 15-20 material conflict.
    pub fn of_root(root: &str) -> Option<QuadClass> {
        match root.parse::<u8>().ok()? {
            1..=5 => Some(QuadClass::VerbalCooperation),
            6..=9 => Some(QuadClass::MaterialCooperation),
            10..=14 => Some(QuadClass::VerbalConflict),
            15..=20 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }
}

/// One codebook row.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeInfo {
    pub code: EventCode,
    pub name: String,
    pub goldstein: f32,
    pub quad_class: QuadClass,
    /// PLOVER equivalent; `None` for CAMEO 01 and 02, which PLOVER dropped.
    pub plover: Option<plover::Category>,
}

/// Every CAMEO 1.1b3 code, keyed by code text.
pub fn codebook() -> &'static HashMap<String, CodeInfo> {
    static CODEBOOK: LazyLock<HashMap<String, CodeInfo>> = LazyLock::new(|| {
        parse_codebook(CODES_TSV)
            .unwrap_or_else(|err| panic!("data/cameo/codes.tsv is corrupt: {err}"))
    });
    &CODEBOOK
}

/// All codebook entries sorted by code.
pub fn all_codes() -> Vec<&'static CodeInfo> {
    let mut codes: Vec<_> = codebook().values().collect();
    codes.sort_by(|a, b| a.code.cmp(&b.code));
    codes
}

/// Parses the codebook TSV: `code name goldstein quad_class plover_type plover_mode`.
fn parse_codebook(tsv: &str) -> Result<HashMap<String, CodeInfo>, String> {
    let mut codes = HashMap::new();
    let rows = tsv
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .skip(1); // header
    for (line_idx, line) in rows {
        let info = parse_row(line).map_err(|err| format!("line {}: {err}", line_idx + 1))?;
        codes.insert(info.code.as_str().to_string(), info);
    }
    Ok(codes)
}

fn parse_row(line: &str) -> Result<CodeInfo, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    let [code, name, goldstein, quad, plover_type, plover_mode] = fields[..] else {
        return Err(format!(
            "expected 6 tab-separated fields, found {}",
            fields.len()
        ));
    };
    let code = EventCode::parse(code).map_err(|err| err.to_string())?;
    let goldstein = goldstein
        .parse::<f32>()
        .map_err(|_| format!("bad Goldstein score {goldstein:?}"))?;
    let quad_class = quad
        .parse::<u8>()
        .ok()
        .and_then(QuadClass::from_number)
        .ok_or_else(|| format!("bad QuadClass {quad:?}"))?;
    let plover = match plover_type {
        "" => None,
        name => Some(plover::Category {
            event_type: name.parse()?,
            mode: (!plover_mode.is_empty()).then(|| plover_mode.to_string()),
        }),
    };
    Ok(CodeInfo {
        code,
        name: name.to_string(),
        goldstein,
        quad_class,
        plover,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_roots() {
        let code = EventCode::parse("0256").unwrap();
        assert_eq!(code.root(), "02");
        assert_eq!(code.base(), "025");
        assert_eq!(EventCode::parse("174k").unwrap().as_str(), "174K");
        assert!(EventCode::parse("4").is_err());
        assert!(EventCode::parse("A12").is_err());
        assert!(EventCode::parse("120]--").is_err());
        assert!(code.is_within("025") && code.is_within("02") && !code.is_within("026"));
        assert_eq!(code.specific_part(), "0256");
        assert_eq!(EventCode::parse("190").unwrap().specific_part(), "19");
        assert_eq!(EventCode::parse("195").unwrap().specific_part(), "195");
    }

    #[test]
    fn codebook_has_every_root_with_gdelt_quad_classes() {
        for root in 1..=20 {
            let code = EventCode::parse(&format!("{root:02}")).unwrap();
            let info = code.info().unwrap_or_else(|| panic!("root {code} missing"));
            assert_eq!(Some(info.quad_class), QuadClass::of_root(code.root()));
        }
    }

    #[test]
    fn known_scores_from_the_codebook() {
        // Checked by hand against the CAMEO 1.1b3 Goldstein table.
        let call = EventCode::parse("041").unwrap().info().unwrap();
        assert_eq!(call.goldstein, 1.0);
        assert_eq!(call.quad_class, QuadClass::VerbalCooperation);
        let fight = EventCode::parse("190").unwrap().info().unwrap();
        assert_eq!(fight.goldstein, -10.0);
        assert_eq!(fight.quad_class, QuadClass::MaterialConflict);
    }

    #[test]
    fn extension_codes_pass_through_without_info() {
        let weis = EventCode::parse("174K").unwrap();
        assert!(weis.info().is_none());
        assert_eq!(weis.quad_class(), Some(QuadClass::MaterialConflict));
    }
}
