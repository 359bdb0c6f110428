//! A sentence cut into pieces at its trigger, source and target spans, so
//! the page highlights evidence with plain text nodes and never does byte
//! arithmetic on UTF-16 strings or builds HTML from article text.

use dateline_model::Span;
use serde::Serialize;
use utoipa::ToSchema;

/// What a piece of a sentence is evidence of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// The words that expressed the action.
    Trigger,
    Source,
    Target,
}

/// A run of a sentence's text and the marks covering all of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Piece {
    pub text: String,
    pub marks: Vec<Mark>,
}

/// Cuts `sentence` (the text of `sentence_span` in the article body) at
/// the marked spans, which are body offsets too. Spans outside the
/// sentence are clipped to it; a span that would cut a character is left
/// out rather than trusted.
pub fn pieces(sentence: &str, sentence_span: Span, marked: &[(Mark, Span)]) -> Vec<Piece> {
    let local: Vec<(Mark, usize, usize)> = marked
        .iter()
        .filter_map(|&(mark, span)| {
            let start = span.start.checked_sub(sentence_span.start)? as usize;
            let end = (span.end.checked_sub(sentence_span.start)? as usize).min(sentence.len());
            let valid =
                start < end && sentence.is_char_boundary(start) && sentence.is_char_boundary(end);
            valid.then_some((mark, start, end))
        })
        .collect();
    let mut cuts: Vec<usize> = local
        .iter()
        .flat_map(|&(_, start, end)| [start, end])
        .chain([0, sentence.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|window| {
            let (start, end) = (window[0], window[1]);
            let mut marks: Vec<Mark> = local
                .iter()
                .filter(|&&(_, mark_start, mark_end)| mark_start <= start && end <= mark_end)
                .map(|&(mark, _, _)| mark)
                .collect();
            marks.sort_unstable();
            marks.dedup();
            Piece {
                text: sentence[start..end].to_string(),
                marks,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(pieces: &[Piece]) -> Vec<(String, Vec<Mark>)> {
        pieces
            .iter()
            .map(|piece| (piece.text.clone(), piece.marks.clone()))
            .collect()
    }

    #[test]
    fn a_sentence_is_cut_at_its_evidence() {
        let body = "Intro. Russian forces struck Kharkiv on Sunday.";
        let sentence = Span::new(7, body.len());
        let text = &body[sentence.range()];
        let cut = pieces(
            text,
            sentence,
            &[
                (Mark::Source, Span::new(7, 21)),
                (Mark::Trigger, Span::new(22, 28)),
                (Mark::Target, Span::new(29, 36)),
            ],
        );
        assert_eq!(
            show(&cut),
            [
                ("Russian forces".into(), vec![Mark::Source]),
                (" ".into(), vec![]),
                ("struck".into(), vec![Mark::Trigger]),
                (" ".into(), vec![]),
                ("Kharkiv".into(), vec![Mark::Target]),
                (" on Sunday.".into(), vec![]),
            ]
        );
        // The pieces are the sentence, untouched.
        assert_eq!(
            cut.iter().map(|p| p.text.as_str()).collect::<String>(),
            text
        );
    }

    #[test]
    fn overlapping_marks_and_bad_spans() {
        let text = "Kyiv’s mayor said";
        let sentence = Span::new(100, 100 + text.len());
        let cut = pieces(
            text,
            sentence,
            &[
                (Mark::Source, Span::new(100, 114)),
                (Mark::Trigger, Span::new(100, 104)),
                // Inside the curly apostrophe: not a character boundary.
                (Mark::Target, Span::new(105, 106)),
                // Before the sentence.
                (Mark::Target, Span::new(10, 20)),
            ],
        );
        assert_eq!(
            show(&cut),
            [
                ("Kyiv".into(), vec![Mark::Trigger, Mark::Source]),
                ("’s mayor".into(), vec![Mark::Source]),
                (" said".into(), vec![]),
            ]
        );
        assert_eq!(pieces("", Span::new(0, 0), &[]), []);
    }
}
