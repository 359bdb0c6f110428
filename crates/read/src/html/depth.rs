//! A cheap, linear estimate of how deeply an HTML page nests its elements.
//!
//! Tree builders check scope by walking the stack of open elements, so a page
//! nested 100,000 deep costs them quadratic time, and recursive extractors
//! overflow the stack on it. This scan runs first and stops counting as soon as
//! the limit is passed, so it is linear in the page size whatever the nesting.

/// Elements that never have content, so never nest.
const VOID_ELEMENTS: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT_ELEMENTS: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// An end tag closes the nearest open element of its name within this many
/// entries from the top; deeper mismatches are ignored, as they are rare and
/// searching further would make the scan quadratic again.
const CLOSE_SEARCH_DEPTH: usize = 64;

/// The longest tag name worth telling apart.
const MAX_NAME: usize = 16;

type Name = ([u8; MAX_NAME], u8);

/// True when the page nests elements more than `limit` deep (as far as an
/// approximate, tokenizer-level count can tell).
pub(crate) fn nests_deeper_than(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let mut open: Vec<Name> = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        at += found + 1;
        let rest = &bytes[at..];
        if rest.starts_with(b"!--") {
            at += find(rest, b"-->").map_or(rest.len(), |end| end + 3);
        } else if rest.starts_with(b"!") || rest.starts_with(b"?") {
            at += memchr(b'>', rest).map_or(rest.len(), |end| end + 1);
        } else if rest.first() == Some(&b'/') {
            let name = tag_name(&rest[1..]);
            close(&mut open, name);
            at += memchr(b'>', rest).map_or(rest.len(), |end| end + 1);
        } else if rest.first().is_some_and(u8::is_ascii_alphabetic) {
            let name = tag_name(rest);
            let tag_end = memchr(b'>', rest).map_or(rest.len(), |end| end + 1);
            let self_closing = tag_end >= 2 && rest[tag_end - 2] == b'/';
            at += tag_end;
            let name_bytes = &name.0[..name.1 as usize];
            if RAW_TEXT_ELEMENTS.contains(&name_bytes) {
                at += skip_raw_text(&bytes[at..], name_bytes);
            } else if !self_closing && !VOID_ELEMENTS.contains(&name_bytes) {
                open.push(name);
                if open.len() > limit {
                    return true;
                }
            }
        }
    }
    false
}

fn tag_name(bytes: &[u8]) -> Name {
    let mut name = [0u8; MAX_NAME];
    let mut len = 0;
    for &byte in bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
    {
        if len < MAX_NAME {
            name[len] = byte.to_ascii_lowercase();
            len += 1;
        }
    }
    (name, len as u8)
}

fn close(open: &mut Vec<Name>, name: Name) {
    let n_open = open.len();
    let search_from = n_open.saturating_sub(CLOSE_SEARCH_DEPTH);
    if let Some(index) = open[search_from..].iter().rposition(|entry| *entry == name) {
        open.truncate(search_from + index);
    }
}

/// Bytes up to and including the end tag `</name ...>` (any case), or all of them.
fn skip_raw_text(bytes: &[u8], name: &[u8]) -> usize {
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"</") {
        let start = at + found + 2;
        let candidate = &bytes[start..bytes.len().min(start + name.len())];
        if candidate.eq_ignore_ascii_case(name) {
            return start
                + memchr(b'>', &bytes[start..]).map_or(bytes.len() - start, |end| end + 1);
        }
        at = start;
    }
    bytes.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_shallow() {
        let page = "<!DOCTYPE html><html><head><title>a<b</title><meta charset=utf-8>\
                    <script>if (a<b) { x('<div>') }</script></head><body><div><p>One<br>two\
                    <img src=x></p><p>Three</div></body></html>";
        assert!(!nests_deeper_than(page, 4));
        assert!(nests_deeper_than(page, 2));
    }

    #[test]
    fn deep_nesting_is_caught_in_linear_time() {
        let page = "<div>".repeat(100_000);
        assert!(nests_deeper_than(&page, 512));
        let closed = "<div></div>".repeat(100_000);
        assert!(!nests_deeper_than(&closed, 512));
    }

    #[test]
    fn unmatched_end_tags_do_not_hide_depth() {
        let page = "<div></span>".repeat(1000);
        assert!(nests_deeper_than(&page, 512));
    }
}
