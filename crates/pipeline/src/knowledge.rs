//! The knowledge options users give (the CLI's flags, the Python
//! package's arguments) and PETRARCH configuration files, turned into a
//! [`PipelineConfig`].
//!
//! A PETRARCH configuration (`PETR_config.ini`) names dictionaries
//! (relative to its folder; using one implies `no_builtin`) and coding
//! options; options given directly override the file's.

use std::path::{Path, PathBuf};

use dateline_code::comma::CommaRules;
use dateline_code::{CoderConfig, Engine};

use crate::{PipelineConfig, PipelineError, ProblemPolicy};

/// Which knowledge to code with: the CLI's `--kb`, `--verbs`, `--actors`,
/// `--agents`, `--discards`, `--issues`, `--no-builtin`,
/// `--petrarch-config` and coding options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnowledgeOptions {
    pub kb_files: Vec<PathBuf>,
    pub verb_files: Vec<PathBuf>,
    pub no_builtin: bool,
    pub actor_files: Vec<PathBuf>,
    pub agent_files: Vec<PathBuf>,
    pub discard_files: Vec<PathBuf>,
    pub issue_files: Vec<PathBuf>,
    pub petrarch_config: Option<PathBuf>,
    pub coding: CodingOptions,
    /// Which coder engine (`--engine`); `None` leaves the default.
    pub engine: Option<Engine>,
}

/// PETRARCH's coding options; `None` leaves the default (or the file's value).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodingOptions {
    pub require_dyad: Option<bool>,
    pub new_actor_length: Option<usize>,
    pub comma_min: Option<usize>,
    pub comma_max: Option<usize>,
    pub comma_bmin: Option<usize>,
    pub comma_bmax: Option<usize>,
    pub comma_emin: Option<usize>,
    pub comma_emax: Option<usize>,
}

impl KnowledgeOptions {
    /// The pipeline configuration: a PETRARCH configuration file first, then
    /// the options, which add files and override its options.
    pub fn pipeline_config(
        &self,
        problems: ProblemPolicy,
    ) -> Result<PipelineConfig, PipelineError> {
        let petrarch = self
            .petrarch_config
            .as_deref()
            .map(read)
            .transpose()?
            .unwrap_or_default();
        let options = petrarch.options.overridden_by(&self.coding);
        let uses_petrarch = self.petrarch_config.is_some();
        Ok(PipelineConfig {
            kb_files: self.kb_files.clone(),
            verb_files: [petrarch.verb_files, self.verb_files.clone()].concat(),
            no_builtin: self.no_builtin || uses_petrarch,
            actor_files: [petrarch.actor_files, self.actor_files.clone()].concat(),
            agent_files: [petrarch.agent_files, self.agent_files.clone()].concat(),
            discard_files: [petrarch.discard_files, self.discard_files.clone()].concat(),
            issue_files: [petrarch.issue_files, self.issue_files.clone()].concat(),
            dictionary_problems: problems,
            coder: CoderConfig {
                engine: self.engine.unwrap_or_default(),
                ..options.coder_config(uses_petrarch)
            },
            parse: crate::ParseScope::default(),
        })
    }
}

/// `true`/`false` in any case, as PETRARCH configurations write them
/// (also `yes`/`no`, `on`/`off`, `1`/`0`).
pub fn parse_bool(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Ok(true),
        "false" | "no" | "off" | "0" => Ok(false),
        _ => Err(format!("expected true or false, got {text:?}")),
    }
}

/// What a configuration file asks for.
#[derive(Debug, Default, PartialEq)]
pub struct PetrarchConfig {
    pub verb_files: Vec<PathBuf>,
    pub actor_files: Vec<PathBuf>,
    pub agent_files: Vec<PathBuf>,
    pub discard_files: Vec<PathBuf>,
    pub issue_files: Vec<PathBuf>,
    pub options: CodingOptions,
}

/// Reads a configuration file.
pub fn read(path: &Path) -> Result<PetrarchConfig, PipelineError> {
    let text = std::fs::read_to_string(path).map_err(|source| PipelineError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let folder = path.parent().unwrap_or(Path::new(""));
    parse(&text, folder).map_err(|(line, message)| PipelineError::Config {
        path: path.display().to_string(),
        line,
        message,
    })
}

/// Parses the text of a configuration; errors carry their 1-based line.
fn parse(text: &str, folder: &Path) -> Result<PetrarchConfig, (usize, String)> {
    let mut config = PetrarchConfig::default();
    for entry in ini_entries(text) {
        let entry = entry?;
        let at = |message: String| (entry.line, message);
        match (entry.section.as_str(), entry.key.as_str()) {
            ("dictionaries", "verbfile_name") => config.verb_files = paths(&entry.value, folder),
            ("dictionaries", "actorfile_list") => config.actor_files = paths(&entry.value, folder),
            ("dictionaries", "agentfile_name") => config.agent_files = paths(&entry.value, folder),
            ("dictionaries", "discardfile_name") => {
                config.discard_files = paths(&entry.value, folder)
            }
            ("dictionaries", "issuefile_name") => config.issue_files = paths(&entry.value, folder),
            ("options", "require_dyad") => {
                config.options.require_dyad = Some(parse_bool(&entry.value).map_err(at)?)
            }
            ("options", key) => {
                if let Some(slot) = number_option(&mut config.options, key) {
                    *slot = Some(entry.value.trim().parse().map_err(|_| {
                        at(format!(
                            "{key} must be a whole number, got {:?}",
                            entry.value
                        ))
                    })?);
                }
            }
            _ => {}
        }
    }
    Ok(config)
}

/// The slot of a numeric option, `None` for options Dateline ignores.
fn number_option<'a>(options: &'a mut CodingOptions, key: &str) -> Option<&'a mut Option<usize>> {
    Some(match key {
        "new_actor_length" => &mut options.new_actor_length,
        "comma_min" => &mut options.comma_min,
        "comma_max" => &mut options.comma_max,
        "comma_bmin" => &mut options.comma_bmin,
        "comma_bmax" => &mut options.comma_bmax,
        "comma_emin" => &mut options.comma_emin,
        "comma_emax" => &mut options.comma_emax,
        _ => return None,
    })
}

/// A comma-separated list of file names, resolved against `folder`.
fn paths(value: &str, folder: &Path) -> Vec<PathBuf> {
    value
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| folder.join(name))
        .collect()
}

impl CodingOptions {
    /// These options with every option `flags` sets replacing them.
    pub fn overridden_by(&self, flags: &CodingOptions) -> CodingOptions {
        CodingOptions {
            require_dyad: flags.require_dyad.or(self.require_dyad),
            new_actor_length: flags.new_actor_length.or(self.new_actor_length),
            comma_min: flags.comma_min.or(self.comma_min),
            comma_max: flags.comma_max.or(self.comma_max),
            comma_bmin: flags.comma_bmin.or(self.comma_bmin),
            comma_bmax: flags.comma_bmax.or(self.comma_bmax),
            comma_emin: flags.comma_emin.or(self.comma_emin),
            comma_emax: flags.comma_emax.or(self.comma_emax),
        }
    }

    /// The coder's configuration. Comma rules start from PETRARCH's defaults
    /// when a PETRARCH configuration is used or any comma option is given,
    /// and are off otherwise (Dateline's clause analysis handles asides).
    pub fn coder_config(&self, petrarch_defaults: bool) -> CoderConfig {
        let any_comma = [
            self.comma_min,
            self.comma_max,
            self.comma_bmin,
            self.comma_bmax,
            self.comma_emin,
            self.comma_emax,
        ]
        .iter()
        .any(Option::is_some);
        let base = if petrarch_defaults || any_comma {
            CommaRules::PETRARCH
        } else {
            CommaRules::OFF
        };
        let defaults = CoderConfig::default();
        CoderConfig {
            require_dyad: self.require_dyad.unwrap_or(defaults.require_dyad),
            new_actor_length: self.new_actor_length.unwrap_or(defaults.new_actor_length),
            commas: CommaRules {
                min: self.comma_min.unwrap_or(base.min),
                max: self.comma_max.unwrap_or(base.max),
                begin_min: self.comma_bmin.unwrap_or(base.begin_min),
                begin_max: self.comma_bmax.unwrap_or(base.begin_max),
                end_min: self.comma_emin.unwrap_or(base.end_min),
                end_max: self.comma_emax.unwrap_or(base.end_max),
            },
            ..defaults
        }
    }
}

/// One `key = value` of an INI file, keys lower-cased as Python's
/// ConfigParser reads them.
struct IniEntry {
    line: usize,
    section: String,
    key: String,
    value: String,
}

/// The entries of an INI text: `[section]` headers, `key = value` or
/// `key: value`, `#`/`;` comment lines, and values continued on indented lines.
fn ini_entries(text: &str) -> Vec<Result<IniEntry, (usize, String)>> {
    let mut entries: Vec<Result<IniEntry, (usize, String)>> = Vec::new();
    let mut section = String::new();
    for (line_idx, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
            continue;
        }
        if line.starts_with([' ', '\t'])
            && let Some(Ok(previous)) = entries.last_mut()
        {
            previous.value.push(' ');
            previous.value.push_str(trimmed);
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('[') {
            match name.strip_suffix(']') {
                Some(name) => section = name.trim().to_lowercase(),
                None => entries.push(Err((
                    line_idx + 1,
                    format!("unclosed section header {trimmed:?}"),
                ))),
            }
            continue;
        }
        match trimmed.split_once(['=', ':']) {
            Some((key, value)) => entries.push(Ok(IniEntry {
                line: line_idx + 1,
                section: section.clone(),
                key: key.trim().to_lowercase(),
                value: value.trim().to_string(),
            })),
            None => entries.push(Err((
                line_idx + 1,
                format!("expected 'key = value', got {trimmed:?}"),
            ))),
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    const INI: &str = "\
# A test configuration.
[Dictionaries]
verbfile_name    = verbs.txt
actorfile_list   = countries.actors.txt, people.actors.txt,
   groups.actors.txt
agentfile_name   = agents.txt
discardfile_name = discards.txt
issuefile_name   = issues.txt

[Options]
textfile_list = stories.xml
new_actor_length = 4
require_dyad = FALSE
comma_max = 6
comma_emax = 0
";

    #[test]
    fn dictionaries_resolve_against_the_folder_and_options_parse() {
        let config = parse(INI, Path::new("/dicts")).unwrap();
        assert_eq!(config.verb_files, [PathBuf::from("/dicts/verbs.txt")]);
        assert_eq!(
            config.actor_files,
            [
                PathBuf::from("/dicts/countries.actors.txt"),
                PathBuf::from("/dicts/people.actors.txt"),
                PathBuf::from("/dicts/groups.actors.txt"),
            ]
        );
        assert_eq!(config.issue_files, [PathBuf::from("/dicts/issues.txt")]);
        assert_eq!(config.options.require_dyad, Some(false));
        assert_eq!(config.options.new_actor_length, Some(4));
        let coder = config.options.coder_config(true);
        assert!(!coder.require_dyad);
        assert_eq!(coder.new_actor_length, 4);
        assert_eq!((coder.commas.min, coder.commas.max), (2, 6));
        assert_eq!((coder.commas.end_min, coder.commas.end_max), (2, 0));
    }

    #[test]
    fn flags_override_the_file() {
        let config = parse(INI, Path::new("")).unwrap();
        let flags = CodingOptions {
            require_dyad: Some(true),
            comma_max: Some(0),
            ..CodingOptions::default()
        };
        let coder = config.options.overridden_by(&flags).coder_config(true);
        assert!(coder.require_dyad);
        assert_eq!(coder.commas.max, 0);
        assert_eq!(coder.new_actor_length, 4);
    }

    #[test]
    fn bad_values_name_their_line() {
        let err = parse("[Options]\nrequire_dyad = maybe\n", Path::new("")).unwrap_err();
        assert_eq!(err.0, 2);
        let err = parse("[Options]\n\ncomma_min = two\n", Path::new("")).unwrap_err();
        assert_eq!(err.0, 3);
        assert!(err.1.contains("comma_min"), "{}", err.1);
    }

    #[test]
    fn without_a_file_commas_stay_off_unless_asked() {
        let none = CodingOptions::default().coder_config(false);
        assert!(none.commas.is_off());
        let asked = CodingOptions {
            comma_min: Some(3),
            ..CodingOptions::default()
        };
        assert_eq!(asked.coder_config(false).commas.max, 8);
    }
}
