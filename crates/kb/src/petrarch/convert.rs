//! Writing what a PETRARCH dictionary holds in Dateline's TSV formats
//! (`data/README.md`), so a group can move its knowledge over for good:
//! `dateline kb convert` uses these, and loading the result gives the same
//! entries back.

use std::fmt::Write;

use crate::dated::DatedCode;
use crate::entries::{Actor, ActorType, Agent, AgentClass, Country};
use crate::inflect::plural;

/// A code as the TSV writes it: `CODE`, `CODE@FROM..UNTIL`, `CODE@FROM..`.
pub fn dated_code_text(dated: &DatedCode) -> String {
    let Some(range) = dated.range else {
        return dated.code.to_string();
    };
    let day = |date: Option<chrono::NaiveDate>| date.map_or(String::new(), |d| d.to_string());
    format!("{}@{}..{}", dated.code, day(range.from), day(range.until))
}

/// Countries as a `#kind: countries` file.
pub fn countries_tsv(source: &str, countries: &[Country]) -> String {
    let mut out = header(source, "countries", &["code", "name", "names", "demonyms"]);
    for country in countries {
        row(
            &mut out,
            &[
                country.code.as_str(),
                &field(&country.name),
                &list(&country.names),
                &list(&country.demonyms),
            ],
        );
    }
    out
}

/// Actors as a `#kind: actors` file.
pub fn actors_tsv(source: &str, actors: &[Actor]) -> String {
    let mut out = header(
        source,
        "actors",
        &["id", "type", "name", "codes", "names", "country"],
    );
    for actor in actors {
        let codes: Vec<String> = actor.codes.iter().map(dated_code_text).collect();
        row(
            &mut out,
            &[
                &field(&actor.id),
                actor_type_name(actor.actor_type),
                &field(&actor.name),
                &codes.join(" | "),
                &list(&actor.names),
                actor.country.as_deref().unwrap_or(""),
            ],
        );
    }
    out
}

/// Agents as a `#kind: agents` file. Plurals the TSV would generate are left
/// to it; any other plurals are written as further names, with `none`.
pub fn agents_tsv(source: &str, agents: &[Agent]) -> String {
    let mut out = header(
        source,
        "agents",
        &["name", "role", "class", "names", "plural"],
    );
    for agent in agents {
        let generated: Vec<String> = std::iter::once(&agent.name)
            .chain(&agent.names)
            .map(|name| plural(name))
            .collect();
        let (names, plural_field) = if agent.plurals == generated {
            (agent.names.clone(), "")
        } else {
            (
                agent.names.iter().chain(&agent.plurals).cloned().collect(),
                "none",
            )
        };
        row(
            &mut out,
            &[
                &field(&agent.name),
                &agent.role,
                agent_class_name(agent.class),
                &list(&names),
                plural_field,
            ],
        );
    }
    out
}

fn header(source: &str, kind: &str, columns: &[&str]) -> String {
    format!(
        "# Converted from {source} by `dateline kb convert`.\n#kind: {kind}\n{}\n",
        columns.join("\t")
    )
}

fn row(out: &mut String, fields: &[&str]) {
    let _ = writeln!(out, "{}", fields.join("\t"));
}

/// A field with no tab, bar or line break in it.
fn field(text: &str) -> String {
    text.replace(['\t', '|', '\n', '\r'], " ")
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| field(item))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn actor_type_name(actor_type: ActorType) -> &'static str {
    match actor_type {
        ActorType::Person => "person",
        ActorType::Organisation => "organisation",
        ActorType::Metonym => "metonym",
        ActorType::Country => "country",
    }
}

fn agent_class_name(class: AgentClass) -> &'static str {
    match class {
        AgentClass::Group => "group",
        AgentClass::Person => "person",
        AgentClass::Title => "title",
        AgentClass::Honorific => "honorific",
    }
}
