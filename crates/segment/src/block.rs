//! The regions of a block that hold sentences.
//!
//! A region is a byte range whose sentences are found by the boundary rules;
//! region edges are always sentence edges. A paragraph loses its wire dateline;
//! a list item (or a line of a paragraph written as a list) loses its bullet
//! and is at least its own sentence; an all-capital line inside a paragraph
//! ("U.S. TRADE DEFICIT WIDENS") stands alone as a headline.

use std::ops::Range;

use crate::dateline;

/// The sentence-bearing regions of a paragraph block.
pub(crate) fn paragraph_regions(body: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let mut range = trim(body, block);
    if let Some(dateline_len) = dateline::dateline_len(&body[range.clone()]) {
        range.start += dateline_len;
    }
    let text = &body[range.clone()];
    if text.is_empty() {
        return Vec::new();
    }
    if !text.contains('\n') {
        return vec![strip_list_marker(body, range)];
    }
    let lines = line_ranges(body, range.clone());
    if list_marker_len(&body[lines[0].clone()]).is_some() {
        return list_lines_regions(body, &lines);
    }
    let caps: Vec<bool> = lines
        .iter()
        .map(|line| is_capitals_line(&body[line.clone()]))
        .collect();
    if caps.iter().all(|&is_caps| !is_caps) || caps.iter().all(|&is_caps| is_caps) {
        return vec![range];
    }
    regions_between_capitals_lines(&lines, &caps)
}

/// The sentence-bearing region of a list-item block, without its bullet.
pub(crate) fn list_item_regions(body: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let range = strip_list_marker(body, trim(body, block));
    if range.is_empty() {
        Vec::new()
    } else {
        vec![range]
    }
}

/// Each line that opens with a bullet starts a region; other lines continue it.
fn list_lines_regions(body: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut regions: Vec<Range<usize>> = Vec::new();
    for line in lines {
        let has_marker = list_marker_len(&body[line.clone()]).is_some();
        match regions.last_mut() {
            Some(region) if !has_marker => region.end = line.end,
            _ => regions.push(strip_list_marker(body, line.clone())),
        }
    }
    regions.retain(|region| !region.is_empty());
    regions
}

/// Runs of capitals lines and runs of other lines each make one region.
fn regions_between_capitals_lines(lines: &[Range<usize>], caps: &[bool]) -> Vec<Range<usize>> {
    let mut regions: Vec<Range<usize>> = Vec::new();
    for (line_idx, line) in lines.iter().enumerate() {
        let continues_run = line_idx > 0 && caps[line_idx] == caps[line_idx - 1];
        match regions.last_mut() {
            Some(region) if continues_run => region.end = line.end,
            _ => regions.push(line.clone()),
        }
    }
    regions
}

/// The non-blank lines of `range`, each trimmed.
fn line_ranges(body: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut line_start = range.start;
    for line in body[range.clone()].split('\n') {
        let line_range = trim(body, line_start..line_start + line.len());
        if !line_range.is_empty() {
            lines.push(line_range);
        }
        line_start += line.len() + 1;
    }
    lines
}

/// A line written in capitals: at least four letters and none lower-case.
fn is_capitals_line(line: &str) -> bool {
    let mut n_letters = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            n_letters += 1;
        }
    }
    n_letters >= 4
}

fn strip_list_marker(body: &str, range: Range<usize>) -> Range<usize> {
    match list_marker_len(&body[range.clone()]) {
        Some(marker_len) => trim(body, range.start + marker_len..range.end),
        None => range,
    }
}

/// The length of a bullet ("- ", "* ", "• ") or number ("1. ", "2) ") that
/// opens `line`, including the whitespace after it.
fn list_marker_len(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let marker_end = if matches!(first, '-' | '*' | '•' | '·' | '◦' | '▪' | '‣' | '–') {
        first.len_utf8()
    } else {
        let n_digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let closes = line
            .as_bytes()
            .get(n_digits)
            .is_some_and(|&b| b == b'.' || b == b')');
        if n_digits == 0 || n_digits > 3 || !closes {
            return None;
        }
        n_digits + 1
    };
    let n_spaces = line[marker_end..]
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum::<usize>();
    (n_spaces > 0 && marker_end + n_spaces < line.len()).then_some(marker_end + n_spaces)
}

fn trim(body: &str, range: Range<usize>) -> Range<usize> {
    let text = &body[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let end = range.end - (text.len() - text.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions(paragraph: &str) -> Vec<&str> {
        paragraph_regions(paragraph, 0..paragraph.len())
            .into_iter()
            .map(|range| &paragraph[range])
            .collect()
    }

    #[test]
    fn dateline_and_surrounding_whitespace_are_left_out() {
        assert_eq!(
            regions("  WASHINGTON (Reuters) - The Senate voted on Tuesday.\n"),
            ["The Senate voted on Tuesday."]
        );
    }

    #[test]
    fn hard_wrapped_prose_stays_one_region() {
        let paragraph =
            "SALVADOR, Feb 26 - Showers continued in\nthe Bahia zone, the U.S.\nagency said.";
        assert_eq!(
            regions(paragraph),
            ["Showers continued in\nthe Bahia zone, the U.S.\nagency said."]
        );
    }

    #[test]
    fn capitals_lines_stand_alone() {
        assert_eq!(
            regions(
                "RUSSIA AND UKRAINE AGREE\nTO PRISONER SWAP\nThe two sides said on Friday\nthey would swap 200 prisoners."
            ),
            [
                "RUSSIA AND UKRAINE AGREE\nTO PRISONER SWAP",
                "The two sides said on Friday\nthey would swap 200 prisoners."
            ]
        );
    }

    #[test]
    fn list_paragraph_lines_lose_their_bullets() {
        assert_eq!(
            regions("- Russia fired 40 missiles\n  overnight\n- Ukraine shot down 30"),
            [
                "Russia fired 40 missiles\n  overnight",
                "Ukraine shot down 30"
            ]
        );
        assert_eq!(regions("1. Talks resume in Doha"), ["Talks resume in Doha"]);
        let item = "• Ceasefire holds ";
        let regions = list_item_regions(item, 0..item.len());
        assert_eq!(regions.len(), 1);
        assert_eq!(&item[regions[0].clone()], "Ceasefire holds");
    }

    #[test]
    fn markers_need_text_after_them() {
        assert_eq!(list_marker_len("- "), None);
        assert_eq!(list_marker_len("-5 degrees"), None);
        assert_eq!(list_marker_len("2024. It"), None);
        assert_eq!(list_marker_len("12) Item"), Some(4));
    }
}
