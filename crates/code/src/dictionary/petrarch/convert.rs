//! A PETRARCH/TABARI verb file written in Dateline's pattern syntax
//! ([`crate::dictionary::syntax`]), for `dateline kb convert`.
//!
//! The output starts with a `#! gaps=any defaults=source,target trigger=verb`
//! directive so its patterns match as PETRARCH's do; each block becomes a
//! comment, one line per code for its verbs alone (`040  (*meet|*confer)`),
//! and one line per pattern with the block's verbs as a choice in the place
//! of `*`. Synsets are written out as choices. Irregular forms listed in
//! `{...}` are not carried over (Dateline generates inflections itself), and
//! words Dateline's syntax cannot hold (`F/A-18`) are left out of choices.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::dictionary::DictionaryError;
use crate::dictionary::petrarch::pattern::{SynsetTable, parse_pattern, verb_elements, with_verb};
use crate::dictionary::petrarch::reader::{Forms, Verb, VerbBlock, read_verb_file};
use crate::dictionary::syntax::Element;

/// The Dateline text of a PETRARCH verb file, and the lines that could not
/// be converted.
pub fn to_dateline_syntax(file: &str, text: &str) -> (String, Vec<DictionaryError>) {
    let parsed = read_verb_file(file, text);
    let synsets = SynsetTable::plain(&parsed.synsets);
    let mut errors = parsed.errors;
    let mut out = format!(
        "# Converted from {file} by `dateline kb convert`: PETRARCH verb blocks as Dateline\n\
         # patterns. Irregular forms listed in {{...}} are not carried over.\n\
         #! gaps=any defaults=source,target trigger=verb\n"
    );
    for block in &parsed.blocks {
        write_block(&mut out, file, block, &synsets, &mut errors);
    }
    (out, errors)
}

fn write_block(
    out: &mut String,
    file: &str,
    block: &VerbBlock,
    synsets: &SynsetTable,
    errors: &mut Vec<DictionaryError>,
) {
    let _ = writeln!(
        out,
        "\n# --- {} [{}] --- ({file}:{})",
        block.name, block.code, block.line
    );
    if block.verbs.is_empty() {
        return;
    }
    let mut by_code: BTreeMap<String, Vec<&Verb>> = BTreeMap::new();
    for verb in &block.verbs {
        let code = verb.code.as_ref().unwrap_or(&block.code);
        by_code.entry(code.to_string()).or_default().push(verb);
    }
    for (code, verbs) in &by_code {
        let _ = writeln!(out, "{code}  {}", render(&[verb_choice(verbs)]));
    }
    let all_verbs: Vec<&Verb> = block.verbs.iter().collect();
    let verbs = verb_choice(&all_verbs);
    for pattern in &block.patterns {
        match parse_pattern(&pattern.text, synsets) {
            Ok(parts) => {
                let elements = with_verb(&parts, std::slice::from_ref(&verbs));
                let _ = writeln!(
                    out,
                    "{}  {}  # {file}:{}",
                    pattern.code,
                    render(&elements),
                    pattern.line
                );
            }
            Err(message) => errors.push(DictionaryError {
                file: file.to_string(),
                line: pattern.line,
                message,
            }),
        }
    }
}

/// The verbs of a block as one trigger: `*meet`, or `(*meet|*confer)`.
fn verb_choice(verbs: &[&Verb]) -> Element {
    Element::Choice {
        alternatives: verbs
            .iter()
            .map(|verb| verb_elements(verb, verb.forms == Forms::AsWritten))
            .collect(),
        optional: false,
    }
}

/// Dateline pattern text for elements.
fn render(elements: &[Element]) -> String {
    let mut text = String::new();
    for element in elements {
        let joined = matches!(element, Element::Word { adjacent: true, .. }) && !text.is_empty();
        if !joined && !text.is_empty() {
            text.push(' ');
        }
        if joined {
            text.push('_');
        }
        render_one(element, &mut text);
    }
    text
}

fn render_one(element: &Element, text: &mut String) {
    match element {
        Element::Source => text.push('$'),
        Element::Target => text.push('+'),
        Element::Compound => text.push('%'),
        Element::Skip => text.push('^'),
        Element::Word {
            text: word,
            exact,
            trigger,
            ..
        } => {
            if *trigger {
                text.push('*');
            }
            // A joined word takes the exactness of the word it is joined to.
            if *exact && !text.ends_with('_') {
                text.push('=');
            }
            text.push_str(word);
        }
        Element::Choice {
            alternatives,
            optional,
        } => {
            let alternatives: Vec<String> = alternatives
                .iter()
                .filter(|alternative| alternative.iter().all(writable))
                .map(|alternative| render(alternative))
                .collect();
            // A lone alternative of a one-verb block stands bare.
            if alternatives.len() == 1 && !optional {
                text.push_str(&alternatives[0]);
                return;
            }
            let _ = write!(text, "({})", alternatives.join("|"));
            if *optional {
                text.push('?');
            }
        }
    }
}

/// Words Dateline's pattern syntax can hold.
fn writable(element: &Element) -> bool {
    match element {
        Element::Word { text, .. } => text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.')),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::VerbDictionary;

    const VERBS: &str = "\
&WEAPON
+SWORD
+BOW_AND_ARROWS_

--- ATTACK [190] ---
ASSAIL
SMITE {SMITES SMOTE SMITTEN SMITING}
RIDE [---]
- * + WITH &WEAPON [195]
- $ * % IN_TURN [190:190]
";

    #[test]
    fn converted_files_load_as_dateline_patterns() {
        let (text, errors) = to_dateline_syntax("attack.verbs.txt", VERBS);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(text.contains("190  (*assail|*smite)"), "{text}");
        assert!(text.contains("---  *ride"), "{text}");
        assert!(
            text.contains("195  (*assail|*smite|*ride) + with (sword|=bow_and_arrows)"),
            "{text}"
        );
        let mut dictionary = VerbDictionary::default();
        let load_errors = dictionary.add_file("converted.txt", &text);
        assert!(load_errors.is_empty(), "{load_errors:?}");
        // Two isolated lines (3 verbs) and two patterns for three verbs each.
        assert_eq!(dictionary.patterns().len(), 3 + 3 + 3);
    }
}
