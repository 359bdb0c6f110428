//! One automaton pass over a segment: every dictionary name that sits on
//! token boundaries and is written the way its case rule wants, then the
//! leftmost-longest of overlapping names.

use std::ops::Range;

use dateline_model::{SegmentRef, Span};

use crate::lexicon::{Lexicon, Reading};
use crate::text::SegmentText;

/// A name found in a segment, with the readings its writing allows.
#[derive(Clone, Debug)]
pub struct Hit {
    pub segment: SegmentRef,
    /// View byte range in the segment's [`SegmentText`].
    pub view: Range<usize>,
    pub span: Span,
    pub tokens: Range<u32>,
    pub readings: Vec<Reading>,
}

/// All names in `view`, non-overlapping, leftmost first and longest at each start.
pub fn scan(lexicon: &Lexicon, body: &str, segment: SegmentRef, view: &SegmentText) -> Vec<Hit> {
    let mut found: Vec<Hit> = Vec::new();
    for start in (0..view.text.len()).filter(|&start| view.can_start(start)) {
        lexicon.names_at(&view.text, start, |pattern, end| {
            if !view.can_end(end) {
                return;
            }
            let span = view.body_span(start, end);
            let surface = &body[span];
            let readings: Vec<Reading> = lexicon.readings[pattern.as_usize()]
                .iter()
                .filter(|reading| reading.case.accepts(surface, view.all_caps))
                .cloned()
                .collect();
            if !readings.is_empty() {
                found.push(Hit {
                    segment,
                    view: start..end,
                    span,
                    tokens: view.tokens(start, end),
                    readings,
                });
            }
        });
    }
    leftmost_longest(found)
}

fn leftmost_longest(mut found: Vec<Hit>) -> Vec<Hit> {
    found.sort_by(|a, b| {
        a.view
            .start
            .cmp(&b.view.start)
            .then(b.view.end.cmp(&a.view.end))
    });
    let mut kept: Vec<Hit> = Vec::with_capacity(found.len());
    for hit in found {
        if kept
            .last()
            .is_none_or(|last| hit.view.start >= last.view.end)
        {
            kept.push(hit);
        }
    }
    kept
}
