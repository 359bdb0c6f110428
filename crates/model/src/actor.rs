//! CAMEO actor codes: concatenated three-character segments
//! (country or organisation, then roles): `USAGOV`, `RUSMIL`, `IGOUNO`, `---GOV`.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActorCode(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid actor code {0:?}: expected 3 to 30 characters of A-Z, 0-9 or '-'")]
pub struct ActorCodeError(pub String);

impl ActorCode {
    /// Parses a code, upper-casing it; PETRARCH dictionaries mix case rarely.
    pub fn parse(text: &str) -> Result<ActorCode, ActorCodeError> {
        let valid = (3..=30).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if valid {
            Ok(ActorCode(text.to_ascii_uppercase()))
        } else {
            Err(ActorCodeError(text.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The three-character segments ("USAGOV" gives "USA", "GOV").
    pub fn segments(&self) -> impl Iterator<Item = &str> {
        self.0
            .as_bytes()
            .chunks(3)
            .map(|chunk| std::str::from_utf8(chunk).unwrap_or(""))
    }

    /// The first segment: a country, an organisation type, or `---`.
    pub fn head(&self) -> &str {
        &self.0[..HEAD_LEN]
    }

    /// This code with a role segment appended ("RUS" + "MIL" = "RUSMIL").
    pub fn with_role(&self, role: &str) -> ActorCode {
        ActorCode(format!("{}{}", self.0, role.to_ascii_uppercase()))
    }

    /// The role segments after the head, joined ("USAGOVMIL" gives
    /// "GOVMIL", "USA" gives "").
    pub fn roles(&self) -> &str {
        &self.0[HEAD_LEN..]
    }

    /// The first role segment ("USAGOVMIL" gives "GOV").
    pub fn first_role(&self) -> Option<&str> {
        self.segments().nth(1)
    }

    /// True for a head alone: a country or organisation with no role.
    pub fn is_bare(&self) -> bool {
        self.0.len() == HEAD_LEN
    }

    /// True when the head names no country or organisation (`---GOV`):
    /// an agent whose country is not known.
    pub fn is_headless(&self) -> bool {
        self.head() == UNKNOWN_HEAD
    }

    /// The head alone ("USAGOV" gives "USA").
    pub fn head_only(&self) -> ActorCode {
        ActorCode(self.head().to_string())
    }

    /// This code's roles under another head ("---COP" under "KEN" is
    /// "KENCOP").
    pub fn with_head(&self, head: &str) -> Result<ActorCode, ActorCodeError> {
        ActorCode::parse(&format!("{head}{}", self.roles()))
    }

    /// The government of this code's head ("USAMIL" gives "USAGOV").
    pub fn government(&self) -> ActorCode {
        ActorCode(format!("{}{GOVERNMENT}", self.head()))
    }

    /// True when the first role is government.
    pub fn is_government(&self) -> bool {
        self.first_role() == Some(GOVERNMENT)
    }
}

/// Length of the head segment (country or organisation type).
const HEAD_LEN: usize = 3;
/// The head of an agent of no known country.
const UNKNOWN_HEAD: &str = "---";
/// CAMEO's government role.
const GOVERNMENT: &str = "GOV";

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_splits() {
        let code = ActorCode::parse("usagov").unwrap();
        assert_eq!(code.as_str(), "USAGOV");
        assert_eq!(code.segments().collect::<Vec<_>>(), ["USA", "GOV"]);
        assert_eq!(ActorCode::parse("---GOV").unwrap().head(), "---");
        assert_eq!(code.with_role("mil").as_str(), "USAGOVMIL");
        assert!(ActorCode::parse("US").is_err());
        assert!(ActorCode::parse("USA GOV").is_err());
    }

    #[test]
    fn heads_and_roles() {
        let soldiers = ActorCode::parse("RUSMILREB").unwrap();
        assert_eq!(soldiers.roles(), "MILREB");
        assert_eq!(soldiers.first_role(), Some("MIL"));
        assert_eq!(soldiers.head_only().as_str(), "RUS");
        assert_eq!(soldiers.government().as_str(), "RUSGOV");
        assert!(!soldiers.is_bare() && !soldiers.is_government() && !soldiers.is_headless());
        let country = ActorCode::parse("KEN").unwrap();
        assert!(country.is_bare());
        assert_eq!(country.roles(), "");
        assert_eq!(country.first_role(), None);
        let police = ActorCode::parse("---COP").unwrap();
        assert!(police.is_headless());
        assert_eq!(police.with_head("KEN").unwrap().as_str(), "KENCOP");
        assert!(ActorCode::parse("USAGOV").unwrap().is_government());
    }
}
