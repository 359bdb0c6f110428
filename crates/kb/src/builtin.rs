//! The built-in data files, compiled into the binary and parsed once.

use std::sync::LazyLock;

use crate::{Kb, KbDiagnostic, KbError};

/// Built-in files in load order: later files override earlier ones by id.
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "data/actors/countries.tsv",
        include_str!("../../../data/actors/countries.tsv"),
    ),
    (
        "data/actors/capitals.tsv",
        include_str!("../../../data/actors/capitals.tsv"),
    ),
    (
        "data/actors/metonyms.tsv",
        include_str!("../../../data/actors/metonyms.tsv"),
    ),
    (
        "data/actors/organisations.tsv",
        include_str!("../../../data/actors/organisations.tsv"),
    ),
    (
        "data/actors/leaders.tsv",
        include_str!("../../../data/actors/leaders.tsv"),
    ),
    (
        "data/actors/ministers.tsv",
        include_str!("../../../data/actors/ministers.tsv"),
    ),
    (
        "data/actors/agents.tsv",
        include_str!("../../../data/actors/agents.tsv"),
    ),
    (
        "data/actors/given-names.tsv",
        include_str!("../../../data/actors/given-names.tsv"),
    ),
    (
        "data/actors/given-names-census.tsv",
        include_str!("../../../data/actors/given-names-census.tsv"),
    ),
    (
        "data/actors/cue-words.tsv",
        include_str!("../../../data/actors/cue-words.tsv"),
    ),
    (
        "data/places/gazetteer.tsv",
        include_str!("../../../data/places/gazetteer.tsv"),
    ),
    (
        "data/places/regions.tsv",
        include_str!("../../../data/places/regions.tsv"),
    ),
];

static BUILTIN: LazyLock<Result<Kb, Vec<KbDiagnostic>>> = LazyLock::new(load_builtin);

/// The parsed built-in knowledge base, shared by the whole process.
pub fn builtin_kb() -> Result<&'static Kb, KbError> {
    BUILTIN
        .as_ref()
        .map_err(|diagnostics| KbError::Builtin(diagnostics.clone()))
}

/// Parses every built-in file into a fresh knowledge base (what the load
/// benchmark times).
pub fn load_builtin() -> Result<Kb, Vec<KbDiagnostic>> {
    let mut kb = Kb::empty();
    let mut diagnostics = Vec::new();
    for (name, text) in BUILTIN_FILES {
        diagnostics.extend(kb.extend_from_str(&format!("builtin:{name}"), text));
    }
    if diagnostics.is_empty() {
        Ok(kb)
    } else {
        Err(diagnostics)
    }
}
