//! `dateline kb check` and `dateline kb convert`: dictionaries in Dateline's
//! or PETRARCH/TABARI formats, told apart by their content.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use dateline_code::VerbDictionary;
use dateline_code::dictionary::petrarch::{self as petrarch_verbs, VerbFormat};
use dateline_code::discard::DiscardList;
use dateline_code::issues::IssueList;
use dateline_kb::Kb;
use dateline_kb::petrarch::lines::{CommentMarks, dictionary_lines};
use dateline_kb::petrarch::{self, KnowledgeFormat, convert};

use crate::args::{DictionaryKind, KbCheckArgs, KbConvertArgs};

/// How many meaningful lines kind detection reads.
const DETECTION_LINES: usize = 300;

/// What checking one file found.
struct Report {
    kind: &'static str,
    counts: String,
    errors: Vec<String>,
    notes: Vec<String>,
}

pub fn check(args: KbCheckArgs) -> anyhow::Result<ExitCode> {
    let mut n_errors = 0;
    for path in &args.files {
        let text = read_lossy(path)?;
        let Some(kind) = args.kind.or_else(|| detect_kind(&text)) else {
            println!(
                "{}: cannot tell what kind of dictionary this is (use --kind)",
                path.display()
            );
            n_errors += 1;
            continue;
        };
        let report = check_text(&path.display().to_string(), &text, kind);
        println!("{}: {} - {}", path.display(), report.kind, report.counts);
        for error in &report.errors {
            println!("  error: {error}");
        }
        match (args.verbose, report.notes.len()) {
            (_, 0) => {}
            (true, _) => report
                .notes
                .iter()
                .for_each(|note| println!("  note: {note}")),
            (false, n) => {
                println!("  {n} note(s): lenient readings and codes outside CAMEO (-v lists them)")
            }
        }
        println!(
            "  {} error(s), {} note(s)",
            report.errors.len(),
            report.notes.len()
        );
        n_errors += report.errors.len();
    }
    Ok(if n_errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn check_text(source: &str, text: &str, kind: DictionaryKind) -> Report {
    let strings =
        |items: &[dateline_kb::KbDiagnostic]| items.iter().map(ToString::to_string).collect();
    match kind {
        DictionaryKind::Verbs => check_verbs(source, text),
        DictionaryKind::Actors => {
            let (dictionary, errors) = petrarch::parse_actors(source, text);
            let c = dictionary.counts;
            Report {
                kind: "PETRARCH actors",
                counts: format!(
                    "{} entries ({} countries, {} actors), {} synonyms, {} dated codes, {} with no code",
                    c.entries,
                    dictionary.countries.len(),
                    dictionary.actors.len(),
                    c.synonyms,
                    c.dated_codes,
                    c.null_coded
                ),
                errors: strings(&errors),
                notes: strings(&dictionary.notes),
            }
        }
        DictionaryKind::Agents => {
            let (dictionary, errors) = petrarch::parse_agents(source, text);
            let c = dictionary.counts;
            let mut notes = Vec::new();
            if c.prefix_roles > 0 {
                notes.push(format!(
                    "{} agent(s) written [ROLE~]: the role is appended, not put first",
                    c.prefix_roles
                ));
            }
            if c.ignored_rules > 0 {
                notes.push(format!(
                    "{} <Combine> rule(s) or other tags are not applied",
                    c.ignored_rules
                ));
            }
            Report {
                kind: "PETRARCH agents",
                counts: format!(
                    "{} agents, {} substitution sets",
                    c.agents, c.substitution_sets
                ),
                errors: strings(&errors),
                notes,
            }
        }
        DictionaryKind::Discards => {
            let (list, errors) = DiscardList::parse(source, text);
            let (sentence, story) = list.counts();
            Report {
                kind: "PETRARCH discards",
                counts: format!("{sentence} sentence phrases, {story} story phrases"),
                errors: errors.iter().map(ToString::to_string).collect(),
                notes: Vec::new(),
            }
        }
        DictionaryKind::Issues => {
            let (list, errors) = IssueList::parse(source, text);
            let (phrases, codes) = list.counts();
            Report {
                kind: "PETRARCH issues",
                counts: format!("{phrases} phrase forms, {codes} issue codes"),
                errors: errors.iter().map(ToString::to_string).collect(),
                notes: list.notes().iter().map(ToString::to_string).collect(),
            }
        }
        DictionaryKind::Tsv => {
            let mut kb = Kb::empty();
            let errors = kb.extend_from_str(source, text);
            Report {
                kind: "Dateline TSV",
                counts: format!(
                    "{} countries, {} actors, {} agents, {} places",
                    kb.countries().len(),
                    kb.actors().len(),
                    kb.agents().len(),
                    kb.places().len()
                ),
                errors: strings(&errors),
                notes: Vec::new(),
            }
        }
    }
}

fn check_verbs(source: &str, text: &str) -> Report {
    let mut dictionary = VerbDictionary::default();
    match petrarch_verbs::detect_format(text) {
        VerbFormat::Dateline => {
            let errors = dictionary.add_file(source, text);
            Report {
                kind: "Dateline verb patterns",
                counts: format!("{} patterns", dictionary.patterns().len()),
                errors: errors.iter().map(ToString::to_string).collect(),
                notes: Vec::new(),
            }
        }
        VerbFormat::Petrarch => {
            let load = dictionary.add_petrarch_file(source, text);
            let c = load.counts;
            Report {
                kind: "PETRARCH verbs",
                counts: format!(
                    "{} blocks, {} verbs ({} multi-word), {} synsets, {} patterns ({} compiled), {} codes outside CAMEO",
                    c.blocks,
                    c.verbs,
                    c.multi_word_verbs,
                    c.synsets,
                    c.patterns,
                    c.compiled,
                    c.codes_outside_cameo
                ),
                errors: load.errors.iter().map(ToString::to_string).collect(),
                notes: load.notes.iter().map(ToString::to_string).collect(),
            }
        }
    }
}

pub fn convert(args: KbConvertArgs) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut n_errors = 0;
    for path in &args.files {
        let text = read_lossy(path)?;
        let source = path.display().to_string();
        let stem = file_stem(path);
        let kind = args.kind.or_else(|| detect_kind(&text));
        let (outputs, errors): (Vec<(String, String)>, Vec<String>) = match kind {
            Some(DictionaryKind::Actors) => {
                let (dictionary, errors) = petrarch::parse_actors(&source, &text);
                let mut outputs = vec![(
                    format!("{stem}.actors.tsv"),
                    convert::actors_tsv(&source, &dictionary.actors),
                )];
                if !dictionary.countries.is_empty() {
                    outputs.push((
                        format!("{stem}.countries.tsv"),
                        convert::countries_tsv(&source, &dictionary.countries),
                    ));
                }
                (outputs, errors.iter().map(ToString::to_string).collect())
            }
            Some(DictionaryKind::Agents) => {
                let (dictionary, errors) = petrarch::parse_agents(&source, &text);
                let outputs = vec![(
                    format!("{stem}.agents.tsv"),
                    convert::agents_tsv(&source, &dictionary.agents),
                )];
                (outputs, errors.iter().map(ToString::to_string).collect())
            }
            Some(DictionaryKind::Verbs)
                if petrarch_verbs::detect_format(&text) == VerbFormat::Petrarch =>
            {
                let (converted, errors) = petrarch_verbs::to_dateline_syntax(&source, &text);
                let outputs = vec![(format!("{stem}.verbs.txt"), converted)];
                (outputs, errors.iter().map(ToString::to_string).collect())
            }
            other => {
                let what = other.map_or("an unknown kind".to_string(), |kind| format!("{kind:?}"));
                println!(
                    "{source}: {what}: nothing to convert (discard and issue lists, Dateline files and TSV are used as they are)"
                );
                continue;
            }
        };
        for error in &errors {
            println!("  error: {error}");
        }
        n_errors += errors.len();
        for (name, content) in outputs {
            let target: PathBuf = args.out.join(&name);
            std::fs::write(&target, content)
                .with_context(|| format!("cannot write {}", target.display()))?;
            println!("{source} -> {}", target.display());
        }
    }
    Ok(if n_errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Tells a dictionary's kind from its first lines.
pub fn detect_kind(text: &str) -> Option<DictionaryKind> {
    if text.contains("<ISSUE") {
        return Some(DictionaryKind::Issues);
    }
    let lines = dictionary_lines(text, CommentMarks::HashOnly);
    let sample = &lines[..lines.len().min(DETECTION_LINES)];
    // Verb files may open with hundreds of synset lines: look at all of it.
    let petrarch_verbs = lines.iter().any(|line| {
        let block_header = line.text.starts_with("---")
            && line.text[3..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic());
        block_header || (line.text.starts_with("- ") && line.text.contains('*'))
    });
    if petrarch_verbs {
        return Some(DictionaryKind::Verbs);
    }
    let knowledge = petrarch::detect_format(text);
    if knowledge == Some(KnowledgeFormat::DatelineTsv) {
        return Some(DictionaryKind::Tsv);
    }
    let dateline_verbs = sample.iter().any(|line| {
        let (code, rest) = line
            .text
            .split_once(char::is_whitespace)
            .unwrap_or((line.text, ""));
        code.chars().next().is_some_and(|c| c.is_ascii_digit()) && rest.contains(['$', '%'])
    });
    if dateline_verbs {
        return Some(DictionaryKind::Verbs);
    }
    if !sample.is_empty() && sample.iter().all(|line| !line.text.contains('[')) {
        return Some(DictionaryKind::Discards);
    }
    match knowledge {
        Some(KnowledgeFormat::PetrarchAgents) => Some(DictionaryKind::Agents),
        Some(KnowledgeFormat::PetrarchActors) => Some(DictionaryKind::Actors),
        _ => None,
    }
}

fn read_lossy(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `Phoenix.agents.txt` gives `Phoenix.agents`.
fn file_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or("dictionary".into(), |n| n.to_string_lossy().into_owned());
    name.strip_suffix(".txt").unwrap_or(&name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_content() {
        let cases = [
            (
                "--- MEET [040] ---\nCONFER\n- * WITH + [040]\n",
                DictionaryKind::Verbs,
            ),
            ("040  $ meet with +\n", DictionaryKind::Verbs),
            ("ARNOR_ [ARN]\n+ARNORIAN_\n", DictionaryKind::Actors),
            ("RANGER [~MIL]\n", DictionaryKind::Agents),
            ("+CHESS TOURNAMENT\nQUIDDITCH\n", DictionaryKind::Discards),
            (
                "<ISSUE CATEGORY=\"X\">\nn:tariff [TARIFFS]\n</ISSUE>\n",
                DictionaryKind::Issues,
            ),
            ("#kind: agents\nname\trole\tclass\n", DictionaryKind::Tsv),
        ];
        for (text, kind) in cases {
            assert_eq!(detect_kind(text), Some(kind), "{text}");
        }
    }
}
