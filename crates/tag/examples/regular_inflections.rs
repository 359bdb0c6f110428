//! Prints the regular-rule forms of each lemma read from standard input, one
//! per line, as `lemma<TAB>3rd-person<TAB>past<TAB>past-participle<TAB>-ing<TAB>plural`.
//!
//! The lexicon generator (`scripts/lexicon/generate.py`) compares these with
//! lemminflect's tables and keeps only the forms the rules miss.

use std::io::{BufRead, Write};

use dateline_tag::regular;

fn main() -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines() {
        let lemma = line?;
        let lemma = lemma.trim();
        if lemma.is_empty() {
            continue;
        }
        let past = regular::past(lemma);
        let forms = [
            regular::third_person(lemma),
            past.clone(),
            past,
            regular::present_participle(lemma),
            regular::plural(lemma),
        ];
        writeln!(out, "{lemma}\t{}", forms.join("\t"))?;
    }
    out.flush()
}
