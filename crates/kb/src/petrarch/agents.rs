//! PETRARCH/TABARI agent dictionaries (`Phoenix.agents.txt`).
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
//! RANGER [~MIL]
//! WATCH!PERSON! [~COP]
//! WHITE_COUNCIL {} [~GOV]
//! HALFLING {HALFLINGS_} [~CVL]
//! ```
//!
//! `[~ROLE]` appends the role to the actor's code (`ARN` + `MIL`); TABARI's
//! `[ROLE~]` puts it first, which Dateline's agents cannot say yet: the role
//! is kept and the placement counted (`prefix_roles`) so `kb check` shows it.
//! Regular plurals are generated; `{...}` lists the plural forms, `{}` means
//! none. A `!MARKER!` is replaced by each form of its substitution set, with
//! no plurals generated. PETRARCH's `<Combine ...>` code rules are not
//! supported and are counted.

use std::collections::HashMap;

use crate::entries::{Agent, AgentClass};
use crate::inflect::plural;
use crate::petrarch::lines::{CommentMarks, dictionary_lines};
use crate::petrarch::phrase::words_of;
use crate::{Kb, KbDiagnostic};

/// What an agent dictionary holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AgentDictionary {
    pub agents: Vec<Agent>,
    pub counts: AgentCounts,
}

/// Counts for `dateline kb check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AgentCounts {
    pub agents: usize,
    pub substitution_sets: usize,
    /// Agents written `[ROLE~]`, whose role PETRARCH puts before the actor's code.
    pub prefix_roles: usize,
    /// `<Combine ...>` rules and other tags, not applied.
    pub ignored_rules: usize,
}

/// Parses an agent dictionary; bad lines come back as diagnostics.
pub fn parse_agents(source: &str, text: &str) -> (AgentDictionary, Vec<KbDiagnostic>) {
    let mut dictionary = AgentDictionary::default();
    let mut diagnostics = Vec::new();
    let mut substitutions: HashMap<String, Vec<String>> = HashMap::new();
    for line in dictionary_lines(text, CommentMarks::HashAndSemicolon) {
        let result = if line.text.starts_with('<') {
            dictionary.counts.ignored_rules += 1;
            Ok(())
        } else if line.text.starts_with('!') && line.text.contains('=') {
            define_substitution(line.text, &mut substitutions).map(|()| {
                dictionary.counts.substitution_sets += 1;
            })
        } else {
            parse_agent(line.text, &substitutions).map(|(agent, prefix)| {
                dictionary.counts.agents += 1;
                dictionary.counts.prefix_roles += usize::from(prefix);
                dictionary.agents.push(agent);
            })
        };
        if let Err(message) = result {
            diagnostics.push(KbDiagnostic::new(source, line.number, message));
        }
    }
    (dictionary, diagnostics)
}

/// Adds an agent dictionary to `kb`; agents replace agents with the same name.
pub fn load_agents(kb: &mut Kb, source: &str, text: &str) -> Vec<KbDiagnostic> {
    let (dictionary, diagnostics) = parse_agents(source, text);
    for agent in dictionary.agents {
        kb.insert_agent(agent);
    }
    diagnostics
}

/// `!PERSON! = MAN, MEN, WOMAN` defines the set `PERSON`.
fn define_substitution(
    text: &str,
    substitutions: &mut HashMap<String, Vec<String>>,
) -> Result<(), String> {
    let (marker, forms) = text.split_once('=').expect("caller checked for '='");
    let name = marker.trim().trim_matches('!');
    if name.is_empty() || name.contains('!') || !marker.trim().ends_with('!') {
        return Err(format!(
            "bad substitution marker {:?}: write !NAME! = A, B",
            marker.trim()
        ));
    }
    let forms: Vec<String> = forms
        .split(',')
        .map(|form| form.trim().to_uppercase())
        .filter(|form| !form.is_empty())
        .collect();
    if forms.is_empty() {
        return Err(format!("substitution set !{name}! lists no forms"));
    }
    substitutions.insert(name.to_uppercase(), forms);
    Ok(())
}

/// One agent line; the flag says the role was written before the `~`.
fn parse_agent(
    text: &str,
    substitutions: &HashMap<String, Vec<String>>,
) -> Result<(Agent, bool), String> {
    let open = text
        .find('[')
        .ok_or("an agent needs a code such as [~GOV]")?;
    let close = text[open..]
        .find(']')
        .map(|offset| open + offset)
        .ok_or_else(|| format!("unbalanced brackets in {text:?}: no closing ']'"))?;
    let (role, prefix) = parse_role(&text[open + 1..close])?;
    let (phrase, plurals) = split_plurals(text[..open].trim())?;
    let singulars = expand_markers(phrase, substitutions)?;
    let substituted = singulars.len() > 1 || phrase.contains('!');
    let plurals = match plurals {
        Some(given) => given,
        None if substituted => Vec::new(),
        None => singulars.iter().map(|form| plural(form)).collect(),
    };
    let class = if plurals.is_empty() {
        AgentClass::Group
    } else {
        AgentClass::Person
    };
    let mut singulars = singulars.into_iter();
    let name = singulars.next().ok_or("the agent phrase holds no word")?;
    let agent = Agent {
        name,
        names: singulars.collect(),
        plurals,
        role,
        class,
    };
    Ok((agent, prefix))
}

/// `~GOV` (role after the actor's code) or `NGO~` (before it).
fn parse_role(code: &str) -> Result<(String, bool), String> {
    let code = code.trim();
    let (role, prefix) = match (code.strip_prefix('~'), code.strip_suffix('~')) {
        (Some(role), _) => (role, false),
        (None, Some(role)) => (role, true),
        (None, None) => (code, false),
    };
    let role = role.trim().to_ascii_uppercase();
    let valid = !role.is_empty()
        && role.len().is_multiple_of(3)
        && role.bytes().all(|b| b.is_ascii_alphanumeric());
    if !valid {
        return Err(format!(
            "bad agent code [{code}]: expected [~ROLE] with three-letter role segments"
        ));
    }
    Ok((role, prefix))
}

/// The phrase and, when `{...}` follows it, the plurals it lists.
fn split_plurals(text: &str) -> Result<(&str, Option<Vec<String>>), String> {
    let Some(open) = text.find('{') else {
        if text.contains('}') {
            return Err(format!("unbalanced braces in {text:?}: '}}' without '{{'"));
        }
        return Ok((text, None));
    };
    let close = text[open..]
        .find('}')
        .map(|offset| open + offset)
        .ok_or_else(|| format!("unbalanced braces in {text:?}: no closing '}}'"))?;
    let plurals = text[open + 1..close]
        .split_whitespace()
        .map(agent_form)
        .filter(|form| !form.is_empty())
        .collect();
    Ok((text[..open].trim(), Some(plurals)))
}

/// Every singular form of a phrase, with `!MARKER!`s substituted.
fn expand_markers(
    phrase: &str,
    substitutions: &HashMap<String, Vec<String>>,
) -> Result<Vec<String>, String> {
    let Some(start) = phrase.find('!') else {
        return Ok(vec![agent_form(phrase)]);
    };
    let after = &phrase[start + 1..];
    let end = after
        .find('!')
        .ok_or_else(|| format!("substitution marker in {phrase:?} has no closing '!'"))?;
    let marker = after[..end].to_uppercase();
    let forms = substitutions
        .get(&marker)
        .ok_or_else(|| format!("substitution marker !{marker}! is not defined above"))?;
    let (head, tail) = (&phrase[..start], &after[end + 1..]);
    let mut expanded = Vec::new();
    for form in forms {
        expanded.extend(expand_markers(
            &format!("{head}{form}{tail}"),
            substitutions,
        )?);
    }
    Ok(expanded)
}

/// `FOREIGN_MINISTER_` gives "foreign minister".
fn agent_form(phrase: &str) -> String {
    words_of(phrase).join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_before_and_after() {
        assert_eq!(parse_role("~GOVPRS").unwrap(), ("GOVPRS".into(), false));
        assert_eq!(parse_role("NGO~").unwrap(), ("NGO".into(), true));
        assert!(parse_role("~GO").is_err());
        assert!(parse_role("~").is_err());
    }
}
