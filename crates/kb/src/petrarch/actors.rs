//! PETRARCH/TABARI actor dictionaries (`Phoenix.Countries.actors.txt`).
//!
//! An entry is a primary phrase with an optional code, `+` synonym lines,
//! then indented date restrictions:
//!
//! ```text
//! ARNOR_  [ARN]
//! +ARNORIAN_
//! ARAGORN_ELESSAR_
//! +KING_ELESSAR_
//!     [ARNELI 290101-301231]
//!     [ARNGOV >310101]
//!     [ARNELI]
//! ```
//!
//! An entry whose only code is a bare three-letter code (`[ARN]`) is a
//! country: its names join the knowledge base's country with that code, so
//! agent nouns combine with it as with any country ("Arnorian soldiers" is
//! `ARNMIL`). Other entries are actors: people when their codes depend on
//! the date (the CountryInfo leaders), countries when every code is a
//! three-letter country code, organisations otherwise. An entry with no code
//! at all is null-coded (`---`), as in PETRARCH: it names something that is
//! no actor, and keeps its words from matching a shorter name.

use dateline_model::ActorCode;

use crate::dated::DatedCode;
use crate::entries::{Actor, ActorType, Country};
use crate::petrarch::dates::parse_bracketed_code;
use crate::petrarch::lines::{CommentMarks, dictionary_lines};
use crate::petrarch::phrase::names_of_phrase;
use crate::{Kb, KbDiagnostic};

/// Three-letter CAMEO codes of actors that are not states.
const NON_STATE_CODES: &[&str] = &["---", "IGO", "NGO", "NGM", "MNC", "IMG", "UIS"];

/// What an actor dictionary holds, before it joins a knowledge base.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorDictionary {
    /// Entries whose only code is a country code, one per code.
    pub countries: Vec<Country>,
    pub actors: Vec<Actor>,
    pub counts: ActorCounts,
    /// Lines read the lenient way PETRARCH reads them (dates with extra
    /// digits, text after the codes): not errors, but worth a look.
    pub notes: Vec<KbDiagnostic>,
}

/// Counts for `dateline kb check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActorCounts {
    pub entries: usize,
    pub synonyms: usize,
    pub dated_codes: usize,
    /// Entries with no code, kept as `---`.
    pub null_coded: usize,
}

/// Parses an actor dictionary; bad lines come back as diagnostics and the
/// rest of the file is read.
pub fn parse_actors(source: &str, text: &str) -> (ActorDictionary, Vec<KbDiagnostic>) {
    let mut reader = Reader {
        source,
        dictionary: ActorDictionary::default(),
        diagnostics: Vec::new(),
        current: None,
    };
    for line in dictionary_lines(text, CommentMarks::HashAndSemicolon) {
        if line.text.contains("---STOP---") {
            break;
        }
        reader.line(line.number, line.text);
    }
    reader.finish_entry();
    (reader.dictionary, reader.diagnostics)
}

/// Adds an actor dictionary to `kb`: countries merge their names into the
/// country with the same code, actors replace actors with the same id.
pub fn load_actors(kb: &mut Kb, source: &str, text: &str) -> Vec<KbDiagnostic> {
    let (dictionary, diagnostics) = parse_actors(source, text);
    for country in dictionary.countries {
        match kb.country(country.code.as_str()) {
            Some(known) => {
                let mut merged = known.clone();
                for name in country.all_names() {
                    if !merged.all_names().any(|n| n == name) {
                        merged.names.push(name.to_string());
                    }
                }
                kb.insert_country(merged);
            }
            None => kb.insert_country(country),
        }
    }
    for actor in dictionary.actors {
        kb.insert_actor(actor);
    }
    diagnostics
}

/// An entry being read: its phrases and codes.
struct Entry {
    line: usize,
    primary: String,
    synonyms: Vec<String>,
    codes: Vec<DatedCode>,
}

struct Reader<'a> {
    source: &'a str,
    dictionary: ActorDictionary,
    diagnostics: Vec<KbDiagnostic>,
    current: Option<Entry>,
}

impl Reader<'_> {
    fn line(&mut self, number: usize, text: &str) {
        let (phrase, brackets, trailing) = match split_brackets(text) {
            Ok(parts) => parts,
            Err(message) => return self.problem(number, message),
        };
        if !trailing.is_empty() {
            self.note(
                number,
                format!("text after the codes is ignored: {trailing:?}"),
            );
        }
        let codes = self.codes(number, &brackets);
        if phrase.is_empty() {
            match &mut self.current {
                Some(entry) => entry.codes.extend(codes),
                None => self.problem(number, "a code with no phrase before it"),
            }
        } else if let Some(synonym) = phrase.strip_prefix('+') {
            match &mut self.current {
                Some(entry) => {
                    entry.synonyms.push(synonym.trim().to_string());
                    entry.codes.extend(codes);
                }
                None => self.problem(number, "a '+' synonym with no primary phrase before it"),
            }
        } else {
            self.finish_entry();
            self.current = Some(Entry {
                line: number,
                primary: phrase.to_string(),
                synonyms: Vec::new(),
                codes,
            });
        }
    }

    /// The codes of a line's brackets; bad ones are reported and skipped.
    fn codes(&mut self, number: usize, brackets: &[&str]) -> Vec<DatedCode> {
        let mut codes = Vec::new();
        for bracket in brackets {
            let mut notes = Vec::new();
            match parse_bracketed_code(bracket, &mut notes) {
                Ok(code) => codes.push(code),
                Err(message) => self.problem(number, format!("[{bracket}]: {message}")),
            }
            for note in notes {
                self.note(number, format!("[{bracket}]: {note}"));
            }
        }
        codes
    }

    fn note(&mut self, line: usize, message: String) {
        self.dictionary
            .notes
            .push(KbDiagnostic::new(self.source, line, message));
    }

    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.diagnostics
            .push(KbDiagnostic::new(self.source, line, message));
    }

    fn finish_entry(&mut self) {
        let Some(mut entry) = self.current.take() else {
            return;
        };
        let counts = &mut self.dictionary.counts;
        counts.entries += 1;
        counts.synonyms += entry.synonyms.len();
        counts.dated_codes += entry.codes.iter().filter(|c| c.range.is_some()).count();
        if entry.codes.is_empty() {
            counts.null_coded += 1;
            let null = ActorCode::parse("---").expect("'---' is a valid actor code");
            entry.codes.push(DatedCode::default_code(null));
        }
        let mut names: Vec<String> = std::iter::once(&entry.primary)
            .chain(&entry.synonyms)
            .flat_map(|phrase| names_of_phrase(phrase))
            .collect();
        dedup_keep_order(&mut names);
        if names.is_empty() {
            return self.problem(entry.line, "the phrase holds no word");
        }
        let name = names.remove(0);
        if let Some(code) = country_code(&entry.codes) {
            self.dictionary.countries.push(Country {
                code,
                iso2: None,
                name,
                names,
                demonyms: Vec::new(),
                capital: None,
                geonameid: None,
            });
            return;
        }
        let actor_type = actor_type(&entry.codes);
        self.dictionary.actors.push(Actor {
            id: format!("petrarch:{}", entry.primary.trim_end_matches('_')),
            actor_type,
            name,
            names,
            short: Vec::new(),
            country: home_country(&entry.codes),
            codes: entry.codes,
        });
    }
}

/// The text before the first `[`, the contents of every `[...]`, and any
/// text after the last one (which PETRARCH ignores).
fn split_brackets(text: &str) -> Result<(&str, Vec<&str>, &str), String> {
    let phrase_end = text.find(['[', ']']).unwrap_or(text.len());
    if text[phrase_end..].starts_with(']') {
        return Err(format!("unbalanced brackets in {text:?}: ']' without '['"));
    }
    let mut brackets = Vec::new();
    let mut rest = &text[phrase_end..];
    loop {
        rest = rest.trim_start();
        let Some(inside) = rest.strip_prefix('[') else {
            break;
        };
        let close = inside
            .find(']')
            .ok_or_else(|| format!("unbalanced brackets in {text:?}: no closing ']'"))?;
        if inside[..close].contains('[') {
            return Err(format!(
                "unbalanced brackets in {text:?}: '[' inside a code"
            ));
        }
        brackets.push(inside[..close].trim());
        rest = &inside[close + 1..];
    }
    if !brackets.is_empty() && rest.contains(['[', ']']) {
        return Err(format!("unbalanced brackets in {text:?}"));
    }
    Ok((text[..phrase_end].trim(), brackets, rest))
}

/// The country code of an entry whose only code is a bare country code.
fn country_code(codes: &[DatedCode]) -> Option<ActorCode> {
    match codes {
        [DatedCode { code, range: None }] if is_state_code(code.as_str()) => Some(code.clone()),
        _ => None,
    }
}

fn is_state_code(code: &str) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && !NON_STATE_CODES.contains(&code)
}

fn actor_type(codes: &[DatedCode]) -> ActorType {
    if codes.iter().all(|c| is_state_code(c.code.as_str())) {
        ActorType::Country
    } else if codes.iter().any(|c| c.range.is_some()) {
        ActorType::Person
    } else {
        ActorType::Organisation
    }
}

/// The country the actor's codes agree on, if they agree.
fn home_country(codes: &[DatedCode]) -> Option<String> {
    let mut heads = codes.iter().map(|c| c.code.head());
    let first = heads.next()?;
    let agreed = heads.all(|head| head == first) && is_state_code(first);
    agreed.then(|| first.to_string())
}

fn dedup_keep_order(names: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    names.retain(|name| seen.insert(name.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_split_from_the_phrase() {
        assert_eq!(
            split_brackets("JAN_DOE_ [IGOUNO 820101-911231] [ELI]").unwrap(),
            ("JAN_DOE_", vec!["IGOUNO 820101-911231", "ELI"], "")
        );
        assert!(split_brackets("JAN_DOE_ [IGOUNO").is_err());
        assert!(split_brackets("JAN_DOE_ [IGO [UNO]").is_err());
        assert!(split_brackets("JAN]_DOE_").is_err());
        assert!(split_brackets("JAN_DOE_ [IGO] extra [").is_err());
        assert_eq!(split_brackets("JAN_DOE_ [IGO]\textra").unwrap().2, "extra");
    }
}
