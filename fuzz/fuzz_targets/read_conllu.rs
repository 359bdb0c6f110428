#![no_main]
//! Fuzzes the CoNLL-U reader: no input may panic; every sentence it keeps
//! has ids 1..=n and heads inside the sentence, and reads back the same
//! after writing.

use dateline_parse::conllu;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (sentences, problems) = conllu::read("fuzz", &text);
    for problem in &problems {
        assert!(problem.line >= 1 && !problem.message.is_empty());
    }
    let mut written = String::new();
    for sentence in &sentences {
        let n_words = sentence.n_words() as u32;
        for (idx, word) in sentence.words().enumerate() {
            assert_eq!(word.id, idx as u32 + 1);
            assert!(word.head.is_none_or(|head| head <= n_words));
        }
        sentence.write(&mut written);
    }
    let (again, problems) = conllu::read("again", &written);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again.len(), sentences.len());
    for (first, second) in sentences.iter().zip(&again) {
        let heads = |s: &conllu::Sentence| s.words().map(|w| (w.id, w.head)).collect::<Vec<_>>();
        assert_eq!(heads(first), heads(second));
    }
});
