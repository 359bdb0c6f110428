//! The Dateline TSV format: UTF-8, `#` comments, an optional `#kind: NAME`
//! line, a header naming the columns, then one entry per line with
//! tab-separated fields; list fields separate items with `|`.
//!
//! Columns are found by name, so their order is free and unknown columns
//! (such as `notes`) are ignored.

use std::collections::HashMap;

use crate::KbDiagnostic;

/// What a file holds, from its `#kind:` line or else from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Countries,
    Actors,
    Agents,
    Places,
    GivenNames,
    CueWords,
}

impl FileKind {
    fn from_name(name: &str) -> Option<FileKind> {
        match name.trim() {
            "countries" => Some(FileKind::Countries),
            "actors" => Some(FileKind::Actors),
            "agents" => Some(FileKind::Agents),
            "places" => Some(FileKind::Places),
            "given-names" => Some(FileKind::GivenNames),
            "cue-words" => Some(FileKind::CueWords),
            _ => None,
        }
    }

    /// Guesses the kind of a file without a `#kind:` line from its columns.
    fn from_header(columns: &[&str]) -> Option<FileKind> {
        let has = |name: &str| columns.contains(&name);
        if has("demonyms") {
            Some(FileKind::Countries)
        } else if has("role") && has("class") {
            Some(FileKind::Agents)
        } else if has("lat") && has("lon") {
            Some(FileKind::Places)
        } else if has("codes") {
            Some(FileKind::Actors)
        } else if has("cue") {
            Some(FileKind::CueWords)
        } else if columns == ["name"] {
            Some(FileKind::GivenNames)
        } else {
            None
        }
    }
}

/// One data line, with its 1-based line number for diagnostics.
#[derive(Debug)]
pub struct Row<'a> {
    pub line: usize,
    columns: &'a HashMap<&'a str, usize>,
    fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The trimmed field under `column`, or "" when the column or field is missing.
    pub fn get(&self, column: &str) -> &'a str {
        self.columns
            .get(column)
            .and_then(|&index| self.fields.get(index))
            .map_or("", |field| field.trim())
    }

    /// A required field; the error names the column.
    pub fn require(&self, column: &str) -> Result<&'a str, String> {
        let value = self.get(column);
        if value.is_empty() {
            Err(format!("missing value in column '{column}'"))
        } else {
            Ok(value)
        }
    }

    /// A list field: items separated by `|`, trimmed, empty items dropped.
    pub fn list(&self, column: &str) -> Vec<String> {
        split_list(self.get(column))
    }
}

/// Splits a list field on `|`.
pub fn split_list(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

/// Header positions, kept alive for the rows that borrow them.
#[derive(Debug, Default)]
pub struct Header<'a> {
    columns: HashMap<&'a str, usize>,
}

/// Reads the header and kind of `text`; rows are then read by [`rows`].
pub fn parse_header<'a>(
    source: &str,
    text: &'a str,
    header: &mut Header<'a>,
) -> Result<(FileKind, usize), KbDiagnostic> {
    let mut declared = None;
    for (line_idx, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if let Some(kind) = line.strip_prefix("#kind:") {
            declared = Some(FileKind::from_name(kind).ok_or_else(|| {
                KbDiagnostic::new(
                    source,
                    line_idx + 1,
                    format!("unknown kind '{}'", kind.trim()),
                )
            })?);
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
        let kind = declared.or_else(|| FileKind::from_header(&columns)).ok_or_else(|| {
            KbDiagnostic::new(
                source,
                line_idx + 1,
                "cannot tell the file's kind: add a '#kind: actors|countries|agents|places|given-names|cue-words' line",
            )
        })?;
        header.columns = columns.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        return Ok((kind, line_idx + 1));
    }
    Err(KbDiagnostic::new(source, 0, "no header line"))
}

/// The data rows after the header line.
pub fn rows<'a>(text: &'a str, header: &'a Header<'a>, header_line: usize) -> Vec<Row<'a>> {
    text.lines()
        .enumerate()
        .skip(header_line)
        .map(|(line_idx, line)| (line_idx + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(line, text)| Row {
            line,
            columns: &header.columns,
            fields: text.split('\t').collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_from_declaration_or_header() {
        let text = "# comment\nid\ttype\tname\tcodes\nx\tperson\tX Y\tUSAGOV\n";
        let mut header = Header::default();
        let (kind, line) = parse_header("t", text, &mut header).unwrap();
        assert_eq!((kind, line), (FileKind::Actors, 2));
        let rows = rows(text, &header, line);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].line, 3);
        assert_eq!(rows[0].get("name"), "X Y");
        assert_eq!(rows[0].get("names"), "");

        let declared = "#kind: given-names\nname\nOlena\n";
        let mut header = Header::default();
        assert_eq!(
            parse_header("t", declared, &mut header).unwrap().0,
            FileKind::GivenNames
        );
    }

    #[test]
    fn unknown_kind_names_the_line() {
        let mut header = Header::default();
        let err = parse_header("user.tsv", "#kind: verbs\nx\n", &mut header).unwrap_err();
        assert_eq!(err.to_string(), "user.tsv:1: unknown kind 'verbs'");
    }

    #[test]
    fn lists_split_on_bars() {
        assert_eq!(
            split_list(" US | U.S. || America "),
            ["US", "U.S.", "America"]
        );
    }
}
