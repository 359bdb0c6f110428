//! Running html5ever's tokenizer (no tree builder: linear time, no recursion)
//! over a page with a sink that sees every tag and text run.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::{LocalName, local_name};

pub(crate) use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};

/// Tokenizes `html` into `sink` and gives the sink back.
pub(crate) fn tokenize<S: TokenSink>(html: &str, sink: S) -> S {
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    // The sinks here never ask to run scripts, so one feed consumes everything.
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink
}

/// What the tokenizer must switch to after this start tag, as a tree builder
/// would tell it: the content of `<script>`, `<style>`, `<title>` and the like
/// is text, not markup.
pub(crate) fn raw_text_after(tag: &Tag) -> TokenSinkResult<()> {
    if tag.kind != TagKind::StartTag || tag.self_closing {
        return TokenSinkResult::Continue;
    }
    match tag.name {
        local_name!("script") => TokenSinkResult::RawData(RawKind::ScriptData),
        local_name!("style")
        | local_name!("xmp")
        | local_name!("iframe")
        | local_name!("noembed")
        | local_name!("noframes")
        | local_name!("noscript") => TokenSinkResult::RawData(RawKind::Rawtext),
        local_name!("title") | local_name!("textarea") => TokenSinkResult::RawData(RawKind::Rcdata),
        local_name!("plaintext") => TokenSinkResult::Plaintext,
        _ => TokenSinkResult::Continue,
    }
}

/// The value of attribute `name` on `tag`.
pub(crate) fn attribute<'t>(tag: &'t Tag, name: &LocalName) -> Option<&'t str> {
    tag.attrs
        .iter()
        .find(|attribute| attribute.name.local == *name)
        .map(|attribute| &*attribute.value)
}
