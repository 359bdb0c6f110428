//! The in-memory knowledge base: entries in load order, indexed by id, where a
//! later entry with the same id replaces the earlier one.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

use crate::entries::{Actor, Agent, Country, Cue, Place};
use crate::tsv::{self, FileKind, Header};
use crate::{KbDiagnostic, KbError};

/// Countries, actors, agents, places and given names.
#[derive(Clone, Debug, Default)]
pub struct Kb {
    countries: Vec<Country>,
    actors: Vec<Actor>,
    agents: Vec<Agent>,
    places: Vec<Place>,
    given_names: FxHashSet<String>,
    cue_words: FxHashMap<Cue, FxHashSet<String>>,
    /// Organisation head words with the role they give a name ("court" JUD).
    org_roles: FxHashMap<String, String>,
    country_index: HashMap<String, usize>,
    actor_index: HashMap<String, usize>,
    agent_index: HashMap<String, usize>,
    place_index: HashMap<String, usize>,
}

impl Kb {
    /// A knowledge base with nothing in it.
    pub fn empty() -> Kb {
        Kb::default()
    }

    /// The built-in knowledge base compiled into the binary (parsed once per
    /// process, then cloned).
    pub fn builtin() -> Result<Kb, KbError> {
        crate::builtin::builtin_kb().cloned()
    }

    /// Adds the entries of a user file (any kind, told by its `#kind:` line or
    /// header); entries with an existing id replace the old ones. Bad lines are
    /// reported and skipped; the rest of the file loads.
    pub fn extend_from(&mut self, path: &Path) -> Result<Vec<KbDiagnostic>, KbError> {
        let text = std::fs::read_to_string(path).map_err(|source| KbError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Ok(self.extend_from_str(&path.display().to_string(), &text))
    }

    /// Like [`Kb::extend_from`] for text already in memory; `source` names it in diagnostics.
    pub fn extend_from_str(&mut self, source: &str, text: &str) -> Vec<KbDiagnostic> {
        let mut header = Header::default();
        let (kind, header_line) = match tsv::parse_header(source, text, &mut header) {
            Ok(found) => found,
            Err(diagnostic) => return vec![diagnostic],
        };
        let mut diagnostics = Vec::new();
        for row in tsv::rows(text, &header, header_line) {
            if let Err(message) = self.insert_row(kind, &row) {
                diagnostics.push(KbDiagnostic::new(source, row.line, message));
            }
        }
        diagnostics
    }

    fn insert_row(&mut self, kind: FileKind, row: &tsv::Row) -> Result<(), String> {
        match kind {
            FileKind::Countries => self.insert_country(Country::from_row(row)?),
            FileKind::Actors => self.insert_actor(Actor::from_row(row)?),
            FileKind::Agents => self.insert_agent(Agent::from_row(row)?),
            FileKind::Places => self.insert_place(Place::from_row(row)?),
            FileKind::GivenNames => {
                self.given_names.insert(row.require("name")?.to_lowercase());
            }
            FileKind::CueWords => {
                let cue = Cue::parse(row.require("cue")?)?;
                let word = row.require("word")?.to_lowercase();
                let role = row.get("role");
                if !role.is_empty() {
                    if cue != Cue::OrgHead || !is_role(role) {
                        return Err(format!(
                            "bad role '{role}': only org-head words take a role, written as CAMEO role segments such as GOV"
                        ));
                    }
                    self.org_roles.insert(word.clone(), role.to_string());
                }
                self.cue_words.entry(cue).or_default().insert(word);
            }
        }
        Ok(())
    }

    /// Adds a country, replacing one with the same code.
    pub fn insert_country(&mut self, country: Country) {
        let id = country.code.as_str().to_string();
        upsert(&mut self.countries, &mut self.country_index, id, country);
    }

    /// Adds an actor, replacing one with the same id (how a PETRARCH loader or a
    /// user file overrides built-in entries).
    pub fn insert_actor(&mut self, actor: Actor) {
        let id = actor.id.clone();
        upsert(&mut self.actors, &mut self.actor_index, id, actor);
    }

    /// Adds an agent noun, replacing one with the same main form.
    pub fn insert_agent(&mut self, agent: Agent) {
        let id = agent.name.to_lowercase();
        upsert(&mut self.agents, &mut self.agent_index, id, agent);
    }

    /// Adds a place, replacing one with the same id.
    pub fn insert_place(&mut self, place: Place) {
        let id = place.id.clone();
        upsert(&mut self.places, &mut self.place_index, id, place);
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The country with this CAMEO code ("RUS").
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index.get(code).map(|&i| &self.countries[i])
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index.get(id).map(|&i| &self.actors[i])
    }

    pub fn agent(&self, name: &str) -> Option<&Agent> {
        self.agent_index
            .get(&name.to_lowercase())
            .map(|&i| &self.agents[i])
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_index.get(id).map(|&i| &self.places[i])
    }

    /// The position of the country with this CAMEO code in [`Kb::countries`].
    pub fn country_position(&self, code: &str) -> Option<usize> {
        self.country_index.get(code).copied()
    }

    /// The role an organisation's head word gives its name ("Court" JUD,
    /// "Ministry" GOV), from the `role` column of `org-head` cue words.
    pub fn org_role(&self, word: &str) -> Option<&str> {
        self.org_roles.get(&word.to_lowercase()).map(String::as_str)
    }

    /// True for first names known to belong to people ("Vladimir", "Olena").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(&word.to_lowercase())
    }

    /// True when `word` (any case) is listed with `cue` ("in" is locative).
    pub fn has_cue(&self, word: &str, cue: Cue) -> bool {
        let Some(words) = self.cue_words.get(&cue) else {
            return false;
        };
        // Most words arrive in lower case: no allocation for them.
        if word.chars().any(char::is_uppercase) {
            words.contains(&word.to_lowercase())
        } else {
            words.contains(word)
        }
    }
}

/// Three-letter CAMEO role segments, one or more ("GOV", "GOVMIL").
fn is_role(text: &str) -> bool {
    !text.is_empty() && text.len().is_multiple_of(3) && text.bytes().all(|b| b.is_ascii_uppercase())
}

fn upsert<T>(items: &mut Vec<T>, index: &mut HashMap<String, usize>, id: String, item: T) {
    match index.get(&id) {
        Some(&position) => items[position] = item,
        None => {
            index.insert(id, items.len());
            items.push(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_rows_override_by_id_and_bad_lines_are_reported() {
        let mut kb = Kb::empty();
        let base = "#kind: actors\nid\ttype\tname\tcodes\nx:1\tperson\tAna Lima\tBRAGOV\n";
        assert!(kb.extend_from_str("base.tsv", base).is_empty());
        let user = "#kind: actors\n\
                    id\ttype\tname\tcodes\tcountry\n\
                    x:1\tperson\tAna Lima\tBRAELI\tBRA\n\
                    x:2\tperson\tBad Code\tNOT A CODE\t\n\
                    x:3\tpersn\tTypo\tBRAGOV\t\n\
                    x:4\torganisation\tNew Party\tBRAOPP\tBRA\n";
        let diagnostics = kb.extend_from_str("user.tsv", user);
        let messages: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].starts_with("user.tsv:4: invalid actor code"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].starts_with("user.tsv:5: unknown actor type 'persn'"),
            "{}",
            messages[1]
        );
        assert_eq!(kb.actors().len(), 2);
        assert_eq!(kb.actor("x:1").unwrap().codes[0].code.as_str(), "BRAELI");
        assert_eq!(kb.actor("x:4").unwrap().name, "New Party");
    }

    #[test]
    fn file_without_header_is_one_diagnostic() {
        let mut kb = Kb::empty();
        let diagnostics = kb.extend_from_str("empty.tsv", "# only a comment\n");
        assert_eq!(diagnostics[0].to_string(), "empty.tsv: no header line");
    }
}
