//! `dateline read`: articles as Dateline reads and segments them.

use std::io::Write;
use std::process::ExitCode;

use dateline_export::ArticleRecord;
use dateline_model::Doc;

use crate::args::ReadArgs;
use crate::output::{self, clip};
use crate::run::for_each_article;

pub fn run(args: ReadArgs) -> anyhow::Result<ExitCode> {
    let table = output::wants_table(args.format);
    let mut out = output::stdout();
    let summary = for_each_article(&args.input, dateline_segment::segment, |doc, ()| {
        if table {
            print_article(&mut out, &doc)?;
        } else {
            output::json_line(&mut out, &ArticleRecord::from_doc(&doc))?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(summary.status())
}

fn print_article(out: &mut impl Write, doc: &Doc) -> anyhow::Result<()> {
    output::article_heading(out, doc)?;
    let meta = &doc.meta;
    let mut facts = output::table(&["field", "value"]);
    let rows = [
        ("url", meta.url.as_deref()),
        ("place", meta.place.as_deref()),
        ("publisher", meta.publisher.as_deref()),
        ("author", meta.author.as_deref()),
        ("language", meta.language.as_deref()),
    ];
    for (field, value) in rows {
        facts.add_row(vec![field, value.unwrap_or("-")]);
    }
    let counts = format!(
        "{} sentences, {} headings, {} related links, {} dropped",
        doc.sentences.len(),
        doc.headings.len(),
        doc.related_links.len(),
        doc.dropped.len()
    );
    facts.add_row(vec!["segments", counts.as_str()]);
    writeln!(out, "{facts}")?;
    let mut segments = output::table(&["#", "kind", "span", "text"]);
    for (idx, heading) in doc.headings.iter().enumerate() {
        segments.add_row(vec![
            idx.to_string(),
            "heading".into(),
            heading.span.to_string(),
            clip(doc.text(heading.span), 100),
        ]);
    }
    for (idx, sentence) in doc.sentences.iter().enumerate() {
        segments.add_row(vec![
            idx.to_string(),
            "sentence".into(),
            sentence.span.to_string(),
            clip(doc.text(sentence.span), 100),
        ]);
    }
    for link in &doc.related_links {
        segments.add_row(vec![
            "-".into(),
            "related".into(),
            "-".into(),
            clip(&format!("{}: {}", link.label, link.text), 100),
        ]);
    }
    writeln!(out, "{segments}")?;
    Ok(())
}
