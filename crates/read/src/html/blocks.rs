//! Blocks (paragraphs, headings, list items) from HTML structure.
//!
//! Used on the main content the extractor kept, on HTML fragments in feeds,
//! and on whole pages too deeply nested to extract. It walks tokens, not a
//! tree, so it is linear and never recurses. Whitespace inside a block is
//! collapsed as a browser renders it; `<br>` becomes a line break.

use std::cell::RefCell;

use dateline_model::BlockKind;
use html5ever::{LocalName, local_name};

use super::tokens::{Tag, TagKind, Token, TokenSink, TokenSinkResult, raw_text_after, tokenize};

/// Which elements' text is left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Extracted main content or a feed fragment: keep all text but scripts.
    Content,
    /// A whole page: also leave out the head, navigation, forms and footers.
    WholePage,
}

/// One block of text and its kind, in document order.
pub(crate) type TextBlock = (BlockKind, String);

/// The blocks of `html`.
pub(crate) fn html_blocks(html: &str, scope: Scope) -> Vec<TextBlock> {
    let sink = BlockSink {
        scope,
        state: RefCell::new(State::default()),
    };
    let sink = tokenize(html, sink);
    let mut state = sink.state.into_inner();
    state.flush();
    state.blocks
}

/// Headings and list items nested deeper than this are read as paragraphs;
/// it bounds the work per tag on pathological input.
const MAX_KIND_STACK: usize = 256;
/// End tags look this far down the stack for their start tag.
const CLOSE_SEARCH_DEPTH: usize = 32;

struct BlockSink {
    scope: Scope,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    blocks: Vec<TextBlock>,
    text: String,
    pending_space: bool,
    /// Open headings and list items, innermost last.
    kinds: Vec<(LocalName, BlockKind)>,
    /// Open elements whose text is left out.
    n_skipped_open: usize,
}

impl TokenSink for BlockSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line_number: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                state.tag(&tag, self.scope);
                return raw_text_after(&tag);
            }
            Token::CharacterTokens(text) if state.n_skipped_open == 0 => state.add_text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn tag(&mut self, tag: &Tag, scope: Scope) {
        if is_skipped(&tag.name, scope) {
            match tag.kind {
                TagKind::StartTag if !tag.self_closing => self.n_skipped_open += 1,
                TagKind::EndTag => self.n_skipped_open = self.n_skipped_open.saturating_sub(1),
                TagKind::StartTag => {}
            }
            return;
        }
        if tag.name == local_name!("br") {
            self.text.push('\n');
            self.pending_space = false;
            return;
        }
        if matches!(tag.name, local_name!("td") | local_name!("th")) {
            self.pending_space = true;
            return;
        }
        if !is_block(&tag.name) {
            return;
        }
        self.flush();
        let Some(kind) = block_kind(&tag.name) else {
            return;
        };
        match tag.kind {
            TagKind::StartTag if !tag.self_closing && self.kinds.len() < MAX_KIND_STACK => {
                self.kinds.push((tag.name.clone(), kind));
            }
            TagKind::EndTag => self.close(&tag.name),
            TagKind::StartTag => {}
        }
    }

    fn close(&mut self, name: &LocalName) {
        let search_from = self.kinds.len().saturating_sub(CLOSE_SEARCH_DEPTH);
        if let Some(index) = self.kinds[search_from..]
            .iter()
            .rposition(|(open, _)| open == name)
        {
            self.kinds.truncate(search_from + index);
        }
    }

    fn add_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(c);
        }
    }

    fn flush(&mut self) {
        self.pending_space = false;
        let text = self.text.trim();
        if !text.is_empty() {
            let kind = self
                .kinds
                .last()
                .map_or(BlockKind::Paragraph, |(_, kind)| *kind);
            // Line breaks from <br> keep their place; spaces around them go.
            let text = text.lines().map(str::trim).collect::<Vec<_>>().join("\n");
            self.blocks.push((kind, text));
        }
        self.text.clear();
    }
}

fn block_kind(name: &LocalName) -> Option<BlockKind> {
    match *name {
        local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6") => Some(BlockKind::Heading),
        local_name!("li") => Some(BlockKind::ListItem),
        _ => None,
    }
}

fn is_block(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("li")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("table")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("caption")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("hr")
            | local_name!("address")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("center")
            | local_name!("body")
    )
}

fn is_skipped(name: &LocalName, scope: Scope) -> bool {
    let always = matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("iframe")
    );
    let on_whole_pages = matches!(
        *name,
        local_name!("head")
            | local_name!("title")
            | local_name!("nav")
            | local_name!("footer")
            | local_name!("aside")
            | local_name!("form")
            | local_name!("button")
            | local_name!("select")
            | local_name!("svg")
    );
    always || (scope == Scope::WholePage && on_whole_pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str, scope: Scope) -> Vec<(BlockKind, &'static str)> {
        html_blocks(html, scope)
            .into_iter()
            .map(|(kind, text)| (kind, &*text.leak()))
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_list_items_in_order() {
        let html = "<h2>Talks <em>resume</em></h2><p>Both   sides\n met in\tDoha.</p>\
                    <ul><li>A ceasefire</li><li><p>Prisoner swaps</p></li></ul><p>Line one<br>line two</p>";
        assert_eq!(
            blocks(html, Scope::Content),
            [
                (BlockKind::Heading, "Talks resume"),
                (BlockKind::Paragraph, "Both sides met in Doha."),
                (BlockKind::ListItem, "A ceasefire"),
                (BlockKind::ListItem, "Prisoner swaps"),
                (BlockKind::Paragraph, "Line one\nline two"),
            ]
        );
    }

    #[test]
    fn inline_markup_does_not_split_words_and_entities_are_decoded() {
        let html = "<p>Prime Minister <a href=x>Keir</a> Starmer&#8217;s<strong>office</strong> &amp; aides</p>";
        assert_eq!(
            blocks(html, Scope::Content),
            [(
                BlockKind::Paragraph,
                "Prime Minister Keir Starmer’soffice & aides"
            )]
        );
    }

    #[test]
    fn whole_pages_leave_out_head_navigation_and_scripts() {
        let html = "<html><head><title>Site</title><style>p{}</style></head><body>\
                    <nav><a>Home</a></nav><script>var p = '<p>x</p>';</script>\
                    <p>The council met.</p><footer>Contact us</footer></body></html>";
        assert_eq!(
            blocks(html, Scope::WholePage),
            [(BlockKind::Paragraph, "The council met.")]
        );
    }
}
