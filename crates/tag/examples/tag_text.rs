//! Tags each line of standard input as a sentence (or as a heading when it
//! starts with "H: ") and prints `word/TAG` pairs: a quick way to see what
//! the tagger does with a sentence.
//!
//! `echo "Putin met Modi." | cargo run -p dateline-tag --example tag_text`

use std::io::BufRead;

use dateline_tag::{Layout, tag_tokens};

fn main() -> std::io::Result<()> {
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let (text, layout) = match line.strip_prefix("H: ") {
            Some(heading) => (heading, Layout::Heading),
            None => (line.as_str(), Layout::Sentence),
        };
        let tokens = dateline_segment::tokenize(text);
        let tags = tag_tokens(text, &tokens, layout);
        let tagged: Vec<String> = tokens
            .iter()
            .zip(&tags)
            .map(|(t, tag)| format!("{}/{tag}", &text[t.span]))
            .collect();
        println!("{}", tagged.join(" "));
    }
    Ok(())
}
