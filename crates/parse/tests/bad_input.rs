//! Input the parser must survive: nothing, one enormous sentence, scripts
//! and characters the treebank never shows. The parser is linear (two
//! moves per word) and its buffers grow with the sentence only, so these
//! finish quickly and in memory proportional to their length.

use dateline_model::DepRel;
use dateline_parse::{Model, WordParse};

/// Every word has one head inside the sentence and exactly one is the root.
fn assert_tree(parse: &[WordParse<'_>]) {
    let roots: Vec<usize> = (0..parse.len())
        .filter(|&idx| parse[idx].head.is_none())
        .collect();
    assert_eq!(roots.len(), usize::from(!parse.is_empty()), "one root");
    for (idx, word) in parse.iter().enumerate() {
        assert_eq!(word.head.is_none(), word.rel == DepRel::Root);
        if let Some(head) = word.head {
            assert!(head < parse.len() && head != idx);
        }
    }
    // No cycles: from every word, the root is reached within n steps.
    for start in 0..parse.len() {
        let mut current = start;
        let mut steps = 0;
        while let Some(head) = parse[current].head {
            current = head;
            steps += 1;
            assert!(steps <= parse.len(), "cycle through word {start}");
        }
    }
}

#[test]
fn empty_input_gives_an_empty_parse() {
    let words: [&str; 0] = [];
    assert!(Model::builtin().parse_words(&words).is_empty());
    assert!(Model::builtin().tag_words(&words).is_empty());
    let one = Model::builtin().parse_words(&[""]);
    assert_eq!(one.len(), 1);
    assert_tree(&one);
}

#[test]
fn a_ten_thousand_word_sentence_parses_into_one_tree() {
    let pattern = [
        "The", "army", "said", "it", "shelled", "towns", "near", "the", "border", ",",
    ];
    let words: Vec<&str> = pattern.iter().cycle().take(10_000).copied().collect();
    let parse = Model::builtin().parse_words(&words);
    assert_eq!(parse.len(), 10_000);
    assert_tree(&parse);
}

#[test]
fn odd_scripts_and_control_characters_parse() {
    let words = [
        "Путин",
        "встретился",
        "с",
        "Си",
        "。",
        "مرحبا",
        "\u{0}",
        "\u{7}\u{1b}[31m",
        "🙂",
        "\u{200b}",
        "a\u{301}",
        "\u{fffd}",
        "\t",
        "ǅ",
        "𝔘𝔑",
        "1,2,3",
        "--",
        "’’",
        "ﬁ",
    ];
    let parse = Model::builtin().parse_words(&words);
    assert_eq!(parse.len(), words.len());
    assert_tree(&parse);
    let long_word = "x".repeat(100_000);
    assert_tree(&Model::builtin().parse_words(&[long_word.as_str(), "."]));
}
