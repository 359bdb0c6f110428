//! Coding from the dependency parse, as a short sequence of named steps:
//!
//! 1. [`matching`]: words the event lexicon knows, with the entries that fit;
//! 2. [`arguments`]: the source and target words from the trigger's dependents;
//! 3. [`framing`]: negation, modality, background, attribution;
//! 4. code: a frame recodes the act it embeds ("urged X to release");
//! 5. [`targets`]: the actors of the arguments, or the implicit target;
//! 6. [`dyads`]: every source with every target, refined by the sentence.
//!
//! Each step that can say no returns a [`Rejection`], which `--explain`
//! shows.

mod actors;
mod arguments;
mod clause;
mod dyads;
mod framing;
mod matching;
pub mod rejection;
mod targets;

use dateline_model::{Event, EventCode};
use dateline_parse::syntax::Syntax;

use crate::discourse::Article;
use crate::explain::{Explanation, Verdict};
use crate::lexicon::{Entry, FrameFamily};
use crate::modality::{Frame, Recode};
use crate::sentence::Sentence;
use crate::{Coder, Engine};

use arguments::{Arguments, Embedded};
use clause::Clause;
use framing::Framing;
pub use rejection::Rejection;

/// What coding one trigger with one entry gave.
type Outcome = Result<(Vec<Event>, Vec<String>), Rejection>;

impl Coder {
    /// Codes one parsed sentence, appending to `article.events`.
    pub(crate) fn code_parsed(
        &self,
        sentence: &Sentence,
        syntax: &Syntax,
        article: &mut Article,
        explanations: &mut Option<&mut Vec<Explanation>>,
    ) {
        let Some(clause) = Clause::new(sentence, syntax) else {
            return;
        };
        let mut absorbed = vec![false; clause.len()];
        for trigger in matching::triggers(&clause, &self.lexicon) {
            let (entry, outcome) = if absorbed[trigger.word] {
                (trigger.entries[0], Err(Rejection::FramedElsewhere))
            } else {
                self.best_outcome(&clause, trigger.word, &trigger.entries, article)
            };
            if let Ok((events, _)) = &outcome
                && let Some(embedded) = self.embedded_word(&clause, trigger.word, entry)
                && !events.is_empty()
            {
                absorbed[embedded] = true;
            }
            let verdict = match outcome {
                Ok((events, notes)) => {
                    let events: Vec<Event> = events
                        .into_iter()
                        .filter(|event| !article.repeats_in_segment(event))
                        .collect();
                    if events.is_empty() {
                        continue;
                    }
                    let first = article.events.len();
                    article.events.extend(events);
                    Verdict::Coded {
                        events: (first..article.events.len()).collect(),
                        notes,
                    }
                }
                Err(rejection) => {
                    // Kept for the patterns engine that runs next (`Engine::Both`).
                    if rejection.is_not_asserted() && self.config.engine == Engine::Both {
                        let span = sentence.token_span(trigger.word);
                        article.not_asserted.push((span, rejection.clone()));
                    }
                    Verdict::Rejected(rejection.to_string())
                }
            };
            if let Some(explanations) = explanations {
                explanations.push(Explanation {
                    segment: sentence.segment,
                    trigger: sentence.token_span(trigger.word),
                    rule: rule_of(entry),
                    verdict,
                });
            }
        }
    }

    /// Tries the entries of a trigger, most specific first; the first that
    /// codes wins, else the first rejection explains.
    fn best_outcome<'e>(
        &self,
        clause: &Clause,
        word: usize,
        entries: &[&'e Entry],
        article: &Article,
    ) -> (&'e Entry, Outcome) {
        let mut first_rejection = None;
        for &entry in entries {
            match self.code_trigger(clause, word, entry, article) {
                Ok(coded) => return (entry, Ok(coded)),
                Err(rejection) => {
                    first_rejection.get_or_insert((entry, rejection));
                }
            }
        }
        let (entry, rejection) = first_rejection.expect("a trigger has at least one entry");
        (entry, Err(rejection))
    }

    /// The embedded act's word, when `entry` is a frame that found one.
    fn embedded_word(&self, clause: &Clause, word: usize, entry: &Entry) -> Option<usize> {
        entry.flags.frame?;
        arguments::fill(clause, word, entry, &self.lexicon)
            .ok()?
            .embedded
            .map(|embedded| embedded.word)
    }

    /// Every step for one trigger read as one entry.
    fn code_trigger(
        &self,
        clause: &Clause,
        word: usize,
        entry: &Entry,
        article: &Article,
    ) -> Outcome {
        let arguments = arguments::fill(clause, word, entry, &self.lexicon)?;
        let framing = framing::frame(clause, &arguments)?;
        let code = self.code_of(entry, arguments.embedded.as_deref(), &framing)?;
        let parties = targets::parties(clause, entry, &arguments, &code, &self.lexicon, article)?;
        let events = dyads::events(self, clause, word, entry, &code, parties, &framing, article)?;
        Ok((events, Vec::new()))
    }

    /// The entry's code, recoded by the frame the entry is (an appeal
    /// embeds the act it asks for) and by the frame around it ("will").
    fn code_of(
        &self,
        entry: &Entry,
        embedded: Option<&Embedded>,
        framing: &Framing,
    ) -> Result<EventCode, Rejection> {
        let code = match (entry.flags.frame, embedded) {
            (Some(family), Some(embedded)) => {
                match self.modality.recode(&embedded.entry.code, frame_of(family)) {
                    Recode::Code(code) => code,
                    Recode::Keep | Recode::Drop => entry.code.clone(),
                }
            }
            _ => entry.code.clone(),
        };
        let Some(frame) = framing.frame.filter(|_| self.config.recode_modality) else {
            return Ok(code);
        };
        if entry.flags.frame.is_some() {
            return Ok(code);
        }
        match self.modality.recode(&code, frame) {
            Recode::Code(code) => Ok(code),
            Recode::Keep => Ok(code),
            Recode::Drop => Err(Rejection::FramedActHasNoCode(family_of(frame))),
        }
    }
}

fn frame_of(family: FrameFamily) -> Frame {
    match family {
        FrameFamily::Appeal => Frame::Appealed,
        FrameFamily::Demand => Frame::Demanded,
        FrameFamily::Intent => Frame::Intended,
        FrameFamily::Threat => Frame::Threatened,
        FrameFamily::Refuse => Frame::Refused,
    }
}

fn family_of(frame: Frame) -> FrameFamily {
    match frame {
        Frame::Appealed => FrameFamily::Appeal,
        Frame::Demanded => FrameFamily::Demand,
        Frame::Intended => FrameFamily::Intent,
        Frame::Threatened => FrameFamily::Threat,
        Frame::Refused => FrameFamily::Refuse,
    }
}

/// The rule an event names: the lexicon row that fired.
fn rule_of(entry: &Entry) -> String {
    format!(
        "{} {} ({})",
        entry.code,
        entry.words.join(" "),
        entry.origin
    )
}

/// The arguments an embedded act lends its frame: a frame with no target
/// of its own acts on the embedded act's parties.
impl Arguments {
    pub(crate) fn embedded_arguments(&self) -> Option<&Arguments> {
        self.embedded.as_deref().map(|embedded| &embedded.arguments)
    }
}
