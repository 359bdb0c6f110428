//! `dateline actors`: every mention and the article's country focus.

use std::io::Write;
use std::process::ExitCode;

use dateline_export::{MentionsRecord, resolution_label};
use dateline_model::Doc;
use dateline_pipeline::Stage;

use crate::args::ActorsArgs;
use crate::cmd::build_pipeline;
use crate::output::{self, clip};
use crate::run::for_each_article;

pub fn run(args: ActorsArgs) -> anyhow::Result<ExitCode> {
    let pipeline = build_pipeline(&args.knowledge, args.input.dictionary_problems())?;
    let table = output::wants_table(args.format);
    let mut out = output::stdout();
    let summary = for_each_article(
        &args.input,
        |doc| pipeline.process(doc, Stage::Recognise),
        |doc, ()| {
            if table {
                print_mentions(&mut out, &doc)?;
            } else {
                output::json_line(&mut out, &MentionsRecord::from_doc(&doc))?;
            }
            Ok(())
        },
    )?;
    out.flush()?;
    Ok(summary.status())
}

fn print_mentions(out: &mut impl Write, doc: &Doc) -> anyhow::Result<()> {
    output::article_heading(out, doc)?;
    let mut table = output::table(&[
        "text",
        "span",
        "code",
        "name",
        "country",
        "role",
        "place",
        "resolved by",
    ]);
    for mention in &doc.mentions {
        let actor = mention.actor.as_ref();
        let place = mention
            .place
            .as_ref()
            .map(|p| format!("{} ({})", p.name, p.country.as_deref().unwrap_or("?")));
        let code = match (actor, mention.unknown) {
            (Some(actor), _) => actor.code.to_string(),
            (None, Some(guess)) => format!("unknown {guess:?}").to_lowercase(),
            (None, None) => "-".into(),
        };
        table.add_row(vec![
            clip(doc.text(mention.span), 40),
            mention.span.to_string(),
            code,
            actor.map_or("-".into(), |a| clip(&a.name, 30)),
            actor.and_then(|a| a.country.clone()).unwrap_or("-".into()),
            actor.and_then(|a| a.role.clone()).unwrap_or("-".into()),
            place.unwrap_or("-".into()),
            resolution_label(&mention.resolution),
        ]);
    }
    writeln!(out, "{table}")?;
    let focus: Vec<String> = doc
        .focus
        .iter()
        .map(|f| format!("{} ({:.1})", f.country, f.score))
        .collect();
    writeln!(
        out,
        "country focus: {}",
        if focus.is_empty() {
            "-".into()
        } else {
            focus.join(", ")
        }
    )?;
    if let Some(place) = &doc.dateline {
        writeln!(
            out,
            "dateline: {} ({})",
            place.name,
            place.country.as_deref().unwrap_or("?")
        )?;
    }
    Ok(())
}
