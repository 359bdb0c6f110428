//! Tagging accuracy on hand-tagged news sentences and headlines, and the
//! tags the event coder relies on. `tests/data/hand-tagged.txt` was used to
//! tune the news rules; `tests/data/held-out.txt` never was.

use dateline_model::{Pos, Token};
use dateline_tag::{Layout, tag_tokens};

struct Item {
    line: usize,
    text: &'static str,
    layout: Layout,
    gold: Vec<Pos>,
}

const TUNING_SET: &str = include_str!("data/hand-tagged.txt");
const HELD_OUT_SET: &str = include_str!("data/held-out.txt");

fn items() -> Vec<Item> {
    parse_items(TUNING_SET)
}

fn parse_items(data: &'static str) -> Vec<Item> {
    let lines: Vec<(usize, &str)> = data
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(idx, line)| (idx + 1, line))
        .collect();
    lines
        .chunks(2)
        .map(|pair| {
            let [(line, text), (tags_line, tags)] = pair else {
                panic!(
                    "hand-tagged.txt:{}: a text line without its tags",
                    pair[0].0
                );
            };
            let (text, layout) = match text.strip_prefix("H: ") {
                Some(heading) => (heading, Layout::Heading),
                None => (*text, Layout::Sentence),
            };
            let gold = tags
                .split(' ')
                .map(|tag| {
                    tag.parse()
                        .unwrap_or_else(|e| panic!("hand-tagged.txt:{tags_line}: {e}"))
                })
                .collect();
            Item {
                line: *line,
                text,
                layout,
                gold,
            }
        })
        .collect()
}

fn tokens(text: &str) -> Vec<Token> {
    dateline_segment::tokenize(text)
}

/// Tags every item and returns (correct, total, error lines).
fn score(items: &[Item]) -> (usize, usize, Vec<String>) {
    let (mut n_tokens, mut n_correct) = (0, 0);
    let mut errors = Vec::new();
    for item in items {
        let tokens = tokens(item.text);
        assert_eq!(
            tokens.len(),
            item.gold.len(),
            "line {}: token count",
            item.line
        );
        let tags = tag_tokens(item.text, &tokens, item.layout);
        for ((token, &gold), &got) in tokens.iter().zip(&item.gold).zip(&tags) {
            n_tokens += 1;
            if gold == got {
                n_correct += 1;
            } else {
                errors.push(format!(
                    "  line {}: {} gold {gold} got {got}",
                    item.line, &item.text[token.span]
                ));
            }
        }
    }
    (n_correct, n_tokens, errors)
}

#[test]
fn token_accuracy_on_the_tuning_set() {
    let items = items();
    assert!(items.len() >= 40, "{} items", items.len());
    let (n_correct, n_tokens, errors) = score(&items);
    let accuracy = n_correct as f64 / n_tokens as f64;
    eprintln!(
        "tuning set (hand-tagged.txt): {n_correct}/{n_tokens} = {accuracy:.4} over {} items\n{}",
        items.len(),
        errors.join("\n")
    );
    assert!(accuracy >= 0.97, "accuracy {accuracy:.4}");
}

#[test]
fn token_accuracy_on_the_held_out_set() {
    let items = parse_items(HELD_OUT_SET);
    assert!(items.len() >= 30, "{} items", items.len());
    let (n_correct, n_tokens, errors) = score(&items);
    let accuracy = n_correct as f64 / n_tokens as f64;
    eprintln!(
        "held-out set (held-out.txt): {n_correct}/{n_tokens} = {accuracy:.4} over {} items\n{}",
        items.len(),
        errors.join("\n")
    );
    assert!(accuracy >= 0.90, "accuracy {accuracy:.4}");
}

/// The verbs the coder's patterns hang on are tagged as verbs with the right
/// form, and names in headlines are proper nouns.
#[test]
fn news_verbs_and_headline_names_are_right() {
    for item in items() {
        let tokens = tokens(item.text);
        let tags = tag_tokens(item.text, &tokens, item.layout);
        for ((token, &gold), &got) in tokens.iter().zip(&item.gold).zip(&tags) {
            let word = &item.text[token.span];
            let is_news_verb = [
                "said",
                "met",
                "attacked",
                "held",
                "condemned",
                "signed",
                "reached",
            ]
            .contains(&word);
            let is_heading_name = item.layout == Layout::Heading && gold == Pos::Nnp;
            if is_news_verb || is_heading_name {
                assert_eq!(got, gold, "hand-tagged.txt:{}: {word}", item.line);
            }
        }
    }
}

#[test]
fn reached_out_is_a_verb_with_a_particle() {
    let text = "The envoy reached out to Tehran.";
    let tags = tag_tokens(text, &tokens(text), Layout::Sentence);
    assert_eq!(&tags[1..4], [Pos::Nn, Pos::Vbd, Pos::Rp]);
}
