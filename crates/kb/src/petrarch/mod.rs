//! PETRARCH and TABARI dictionaries read into the knowledge base, so groups
//! can code with the actor and agent dictionaries they already keep.
//!
//! - [`parse_actors`] / [`load_actors`]: actor dictionaries (primary
//!   phrases, `+` synonyms, date-restricted codes);
//! - [`parse_agents`] / [`load_agents`]: agent dictionaries (`~` roles,
//!   `!MARKER!` substitution sets, plurals);
//! - [`detect_format`]: tells these apart from Dateline's own TSV files by
//!   their content.
//!
//! Bad lines come back as [`KbDiagnostic`]s naming file and line; the rest
//! of the file loads, as with Dateline's own files.
//!
//! ```
//! use dateline_kb::{Kb, petrarch};
//!
//! let mut kb = Kb::empty();
//! let actors = "ARNOR_ [ARN]\n+ARNORIAN_\nARAGORN_ [ARNELI]\n\t[ARNGOV >20250101]\n";
//! assert!(petrarch::load_actors(&mut kb, "arnor.actors.txt", actors).is_empty());
//! assert!(kb.country("ARN").unwrap().names.contains(&"Arnorian".to_string()));
//! let date = chrono::NaiveDate::from_ymd_opt(2025, 3, 1);
//! assert_eq!(kb.actor("petrarch:ARAGORN").unwrap().code_on(date).unwrap().as_str(), "ARNGOV");
//! ```

mod actors;
mod agents;
pub mod convert;
pub mod dates;
pub mod lines;
mod phrase;

pub use actors::{ActorCounts, ActorDictionary, load_actors, parse_actors};
pub use agents::{AgentCounts, AgentDictionary, load_agents, parse_agents};
pub use phrase::{names_of_phrase, words_of};

use lines::{CommentMarks, dictionary_lines};

/// The format of a knowledge file, told from its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnowledgeFormat {
    /// Dateline's TSV (a `#kind:` line or a tab-separated header).
    DatelineTsv,
    /// A PETRARCH/TABARI actor dictionary.
    PetrarchActors,
    /// A PETRARCH/TABARI agent dictionary.
    PetrarchAgents,
}

/// How many meaningful lines format detection reads.
const DETECTION_LINES: usize = 200;

/// Tells a knowledge file's format from its first lines; `None` when it
/// looks like none of them.
pub fn detect_format(text: &str) -> Option<KnowledgeFormat> {
    if text.lines().any(|line| line.starts_with("#kind:")) {
        return Some(KnowledgeFormat::DatelineTsv);
    }
    let lines = dictionary_lines(text, CommentMarks::HashOnly);
    let sample = &lines[..lines.len().min(DETECTION_LINES)];
    if sample.first().is_some_and(|line| is_tsv_header(line.text)) {
        return Some(KnowledgeFormat::DatelineTsv);
    }
    let agent_lines = sample
        .iter()
        .filter(|line| {
            line.text.contains("[~") || line.text.contains("~]") || line.text.starts_with('!')
        })
        .count();
    let actor_lines = sample
        .iter()
        .filter(|line| {
            line.text.starts_with('+') || (line.text.contains('[') && !line.text.contains('~'))
        })
        .count();
    match (agent_lines, actor_lines) {
        (0, 0) => None,
        (agents, actors) if agents >= actors => Some(KnowledgeFormat::PetrarchAgents),
        _ => Some(KnowledgeFormat::PetrarchActors),
    }
}

fn is_tsv_header(line: &str) -> bool {
    let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
    columns.len() >= 2
        && columns
            .iter()
            .all(|c| c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(
            detect_format("#kind: actors\nid\tname\n"),
            Some(KnowledgeFormat::DatelineTsv)
        );
        assert_eq!(
            detect_format("# people\nid\ttype\tname\tcodes\nx\tperson\tA B\tUSAGOV\n"),
            Some(KnowledgeFormat::DatelineTsv)
        );
        assert_eq!(
            detect_format("# actors\nARNOR_ [ARN]\n+ARNORIAN_\n"),
            Some(KnowledgeFormat::PetrarchActors)
        );
        assert_eq!(
            detect_format("!PERSON! = MAN, MEN\nRANGER [~MIL]\nWATCH!PERSON! [~COP]\n"),
            Some(KnowledgeFormat::PetrarchAgents)
        );
        assert_eq!(detect_format("nothing to see here\n"), None);
    }
}
