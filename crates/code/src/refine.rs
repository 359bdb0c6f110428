//! Refining a general code from the means or the victims (`data/verbs/refine.tsv`).

use dateline_model::{ActorKind, EventCode, Participant};

use crate::sentence::Sentence;

/// How many times rules may refine one code in turn.
const MAX_REFINEMENTS: usize = 3;

const REFINE_TSV: &str = include_str!("../../../data/verbs/refine.tsv");

#[derive(Debug)]
enum Condition {
    /// Any of these word sequences (lower case) in the event's clause.
    Instrument(Vec<Vec<String>>),
    /// The target's role segment is one of these.
    TargetRole(Vec<String>),
    /// The source's role segment is one of these.
    SourceRole(Vec<String>),
    /// The named participants ("source", "target") are people: "Biden
    /// attacked Trump" is a verbal attack.
    Persons { source: bool, target: bool },
}

#[derive(Debug)]
struct Rule {
    code: EventCode,
    condition: Condition,
    becomes: EventCode,
}

/// The refinement rules, in file order.
#[derive(Debug, Default)]
pub struct Refinements {
    rules: Vec<Rule>,
}

impl Refinements {
    pub fn builtin() -> Refinements {
        Refinements::parse(REFINE_TSV).unwrap_or_else(|err| panic!("data/verbs/refine.tsv: {err}"))
    }

    fn parse(text: &str) -> Result<Refinements, String> {
        let mut rules = Vec::new();
        let rows = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
            .skip(1);
        for (line_idx, line) in rows {
            let at = |message: String| format!("line {}: {message}", line_idx + 1);
            let fields: Vec<&str> = line.split('\t').collect();
            let [code, when, values, becomes] = fields[..] else {
                return Err(at("expected 4 tab-separated fields".into()));
            };
            let values = values.split('|').map(|v| v.trim().to_lowercase());
            let condition = match when {
                "instrument" => Condition::Instrument(
                    values
                        .map(|v| v.split_whitespace().map(str::to_string).collect())
                        .collect(),
                ),
                "target-role" => Condition::TargetRole(values.map(|v| v.to_uppercase()).collect()),
                "source-role" => Condition::SourceRole(values.map(|v| v.to_uppercase()).collect()),
                "persons" => {
                    let values: Vec<String> = values.collect();
                    if values.iter().any(|v| v != "source" && v != "target") {
                        return Err(at("persons: values are 'source' and 'target'".into()));
                    }
                    Condition::Persons {
                        source: values.iter().any(|v| v == "source"),
                        target: values.iter().any(|v| v == "target"),
                    }
                }
                other => return Err(at(format!("unknown condition {other:?}"))),
            };
            rules.push(Rule {
                code: EventCode::parse(code).map_err(|err| at(err.to_string()))?,
                condition,
                becomes: EventCode::parse(becomes).map_err(|err| at(err.to_string()))?,
            });
        }
        Ok(Refinements { rules })
    }

    /// The refined code for an event whose clause runs over tokens `clause`:
    /// rules apply again to a refined code ("180" by state forces is "190",
    /// with missiles "195").
    pub fn refine(
        &self,
        code: &EventCode,
        sentence: &Sentence,
        clause: std::ops::Range<usize>,
        source: &Participant,
        target: Option<&Participant>,
    ) -> Option<EventCode> {
        let mut refined: Option<EventCode> = None;
        for _ in 0..MAX_REFINEMENTS {
            let current = refined.as_ref().unwrap_or(code);
            match self.refine_once(current, sentence, clause.clone(), source, target) {
                Some(next) if &next != current => refined = Some(next),
                _ => break,
            }
        }
        refined
    }

    fn refine_once(
        &self,
        code: &EventCode,
        sentence: &Sentence,
        clause: std::ops::Range<usize>,
        source: &Participant,
        target: Option<&Participant>,
    ) -> Option<EventCode> {
        let has_role = |participant: &Participant, roles: &[String]| {
            let code = participant.code.as_str();
            code.len() >= 6 && roles.iter().any(|role| role == &code[3..6])
        };
        self.rules
            .iter()
            .filter(|rule| &rule.code == code)
            .find(|rule| match &rule.condition {
                Condition::Instrument(phrases) => phrases
                    .iter()
                    .any(|phrase| contains_phrase(sentence, clause.clone(), phrase)),
                Condition::TargetRole(roles) => {
                    target.is_some_and(|target| has_role(target, roles))
                }
                Condition::SourceRole(roles) => has_role(source, roles),
                Condition::Persons {
                    source: source_person,
                    target: target_person,
                } => {
                    (!source_person || is_person(sentence, source))
                        && (!target_person || target.is_some_and(|t| is_person(sentence, t)))
                }
            })
            .map(|rule| rule.becomes.clone())
    }
}

/// A participant named as a person in the text ("Biden", "he" for Biden).
fn is_person(sentence: &Sentence, participant: &Participant) -> bool {
    participant
        .mention
        .and_then(|m| sentence.doc.mentions.get(m as usize))
        .and_then(|mention| mention.actor.as_ref())
        .is_some_and(|actor| actor.kind == ActorKind::Person)
}

fn contains_phrase(sentence: &Sentence, clause: std::ops::Range<usize>, phrase: &[String]) -> bool {
    let end = clause.end.min(sentence.len());
    (clause.start..end).any(|start| {
        start + phrase.len() <= end
            && phrase
                .iter()
                .enumerate()
                .all(|(offset, word)| sentence.form(start + offset) == word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_parse_in_order() {
        let refinements = Refinements::builtin();
        assert!(refinements.rules.len() >= 8);
        assert_eq!(refinements.rules[0].becomes.as_str(), "111");
        assert_eq!(refinements.rules[1].becomes.as_str(), "194");
        assert!(Refinements::parse("code\twhen\tvalues\tbecomes\n190\tmeans\tx\t194\n").is_err());
        assert!(
            Refinements::parse("code\twhen\tvalues\tbecomes\n190\tpersons\tvictim\t111\n").is_err()
        );
    }
}
