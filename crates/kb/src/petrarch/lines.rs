//! Reading the lines of a PETRARCH or TABARI dictionary: comments removed,
//! line numbers kept for diagnostics.
//!
//! Both programs accept `#` comments (PETRARCH) and `;` comments (TABARI,
//! still found in older files), anywhere on a line, and XML comments
//! `<!-- ... -->`, which may span lines. What remains of a line is returned
//! with its 1-based number and whether it was indented (actor dictionaries
//! indent their date restrictions).

/// One line that still holds something after comments are removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DictLine<'a> {
    /// 1-based line number in the file.
    pub number: usize,
    /// The content, trimmed at both ends.
    pub text: &'a str,
    /// The line started with a space or a tab.
    pub indented: bool,
}

/// Which characters start a comment that runs to the end of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentMarks {
    /// `#` and `;`: dictionaries of phrases and codes.
    HashAndSemicolon,
    /// `#` only: files whose content may hold a `;`.
    HashOnly,
}

/// The meaningful lines of `text`, in order.
pub fn dictionary_lines(text: &str, marks: CommentMarks) -> Vec<DictLine<'_>> {
    let mut lines = Vec::new();
    let mut in_xml_comment = false;
    for (line_idx, raw) in text.lines().enumerate() {
        let mut line = raw.trim_end_matches('\r');
        if in_xml_comment {
            match line.find("-->") {
                Some(end) => {
                    in_xml_comment = false;
                    line = &line[end + 3..];
                }
                None => continue,
            }
        }
        if let Some(start) = line.find("<!--") {
            match line[start..].find("-->") {
                // One comment inside a line: keep what precedes it; PETRARCH
                // also drops what follows, and so do we.
                Some(_) => line = &line[..start],
                None => {
                    in_xml_comment = true;
                    line = &line[..start];
                }
            }
        }
        let indented = line.starts_with([' ', '\t']);
        let content = strip_line_comment(line, marks).trim();
        if !content.is_empty() {
            lines.push(DictLine {
                number: line_idx + 1,
                text: content,
                indented,
            });
        }
    }
    lines
}

/// A `#` starts a comment at the start of a line or after white space, as
/// PETRARCH reads it (so TABARI's `[###]` code survives); a `;` anywhere.
fn strip_line_comment(line: &str, marks: CommentMarks) -> &str {
    let hash = line.char_indices().find(|&(idx, c)| {
        c == '#'
            && line[..idx]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace)
    });
    let mut end = hash.map(|(idx, _)| idx);
    if marks == CommentMarks::HashAndSemicolon
        && let Some(semicolon) = line.find(';')
    {
        end = Some(end.map_or(semicolon, |hash| hash.min(semicolon)));
    }
    end.map_or(line, |end| &line[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_of_every_kind_are_removed() {
        let text = "# header\nARNOR_ [ARN] # note\n<!-- one\ntwo -->\n\t[ARNGOV >950101] ; old\n\
                    <!-- inline --> \n+GONDOR_\n";
        let lines = dictionary_lines(text, CommentMarks::HashAndSemicolon);
        let found: Vec<(usize, &str, bool)> = lines
            .iter()
            .map(|l| (l.number, l.text, l.indented))
            .collect();
        assert_eq!(
            found,
            [
                (2, "ARNOR_ [ARN]", false),
                (5, "[ARNGOV >950101]", true),
                (7, "+GONDOR_", false)
            ]
        );
    }

    #[test]
    fn semicolons_can_be_content() {
        let lines = dictionary_lines("A;B # c\n", CommentMarks::HashOnly);
        assert_eq!(lines[0].text, "A;B");
    }

    #[test]
    fn a_hash_inside_a_word_is_content() {
        let lines = dictionary_lines("NASGUL [###] # note\nX#1\n", CommentMarks::HashOnly);
        assert_eq!(lines[0].text, "NASGUL [###]");
        assert_eq!(lines[1].text, "X#1");
    }
}
