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
        &self.0[..3]
    }

    /// This code with a role segment appended ("RUS" + "MIL" = "RUSMIL").
    pub fn with_role(&self, role: &str) -> ActorCode {
        ActorCode(format!("{}{}", self.0, role.to_ascii_uppercase()))
    }
}

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
}
