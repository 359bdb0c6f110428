//! Plain text of an HTML fragment, for extractors that only return HTML.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

const BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "pre", "table", "tr", "td", "th", "br", "figcaption", "header", "footer",
];

/// Text nodes in document order, with a line break at every block boundary so that
/// words from neighbouring paragraphs never run together.
pub fn html_to_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut text = String::new();
    for edge in fragment.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(chunk) => text.push_str(chunk),
                Node::Element(element) if BLOCK_TAGS.contains(&element.name()) => text.push('\n'),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(element) = node.value() {
                    if BLOCK_TAGS.contains(&element.name()) {
                        text.push('\n');
                    }
                }
            }
        }
    }
    text
}
