//! A parsed sentence as the steps see it: the prepared [`Sentence`] (forms,
//! mentions, cues) beside its dependency tree, with a lemma per word.

use dateline_model::{DepRel, Pos, Upos};
use dateline_parse::syntax::Syntax;

use crate::cues::Cue;
use crate::sentence::Sentence;

/// One sentence with its parse. Word `i` of the tree is token `i` of the
/// sentence.
pub struct Clause<'s, 'a> {
    pub sentence: &'s Sentence<'a>,
    pub syntax: &'s Syntax,
    lemmas: Vec<String>,
}

impl<'s, 'a> Clause<'s, 'a> {
    /// `None` when the tree and the sentence disagree on the words.
    pub fn new(sentence: &'s Sentence<'a>, syntax: &'s Syntax) -> Option<Clause<'s, 'a>> {
        if syntax.len() != sentence.len() {
            return None;
        }
        let doc = sentence.doc;
        let lemmas = (0..sentence.len())
            .map(|idx| {
                let token = sentence.doc_token(idx);
                let pos = doc
                    .parse
                    .get(token)
                    .copied()
                    .flatten()
                    .map(|p| p.xpos)
                    .or_else(|| sentence.pos(idx))
                    .unwrap_or(Pos::Nn);
                dateline_tag::lemma(sentence.form(idx), pos).to_lowercase()
            })
            .collect();
        Some(Clause {
            sentence,
            syntax,
            lemmas,
        })
    }

    pub fn len(&self) -> usize {
        self.lemmas.len()
    }

    pub fn lemma(&self, word: usize) -> &str {
        &self.lemmas[word]
    }

    /// The lower-case form.
    pub fn form(&self, word: usize) -> &str {
        self.sentence.form(word)
    }

    pub fn upos(&self, word: usize) -> Upos {
        self.syntax.word(word).upos
    }

    pub fn rel(&self, word: usize) -> DepRel {
        self.syntax.word(word).rel
    }

    pub fn head(&self, word: usize) -> Option<usize> {
        self.syntax.word(word).head
    }

    pub fn children(&self, word: usize) -> &[usize] {
        self.syntax.children(word)
    }

    pub fn is(&self, word: usize, cue: Cue) -> bool {
        self.sentence.is(word, cue)
    }

    /// The preposition (`case` child) of a nominal, as its lower-case form;
    /// "because of" and other two-word prepositions give their first word.
    pub fn preposition(&self, word: usize) -> Option<&str> {
        self.syntax.preposition(word).map(|p| self.form(p))
    }

    /// The subordinating word (`mark` child) of a clause ("after", "if").
    pub fn mark(&self, word: usize) -> Option<usize> {
        self.syntax.children_with(word, DepRel::Mark).next()
    }

    /// Every word of the subtree under `word`, `word` included.
    pub fn subtree(&self, word: usize) -> Vec<usize> {
        let mut out = vec![word];
        let mut next = 0;
        while next < out.len() {
            let current = out[next];
            out.extend_from_slice(self.children(current));
            next += 1;
        }
        out.sort_unstable();
        out
    }

    /// The words from `word` up to the root, `word` first.
    pub fn ancestors(&self, word: usize) -> impl Iterator<Item = usize> + '_ {
        let mut current = Some(word);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let here = current?;
            steps += 1;
            current = if steps > self.len() {
                None
            } else {
                self.head(here)
            };
            Some(here)
        })
    }

    /// Whether `word` stands inside quotation marks: an odd number of
    /// straight quotes, or more opening than closing curly ones, before it.
    pub fn in_quotation(&self, word: usize) -> bool {
        quotation_open((0..word).map(|w| self.form(w)))
    }

    /// A relative pronoun ("who", "which", "that") standing for its antecedent.
    pub fn is_relative_pronoun(&self, word: usize) -> bool {
        self.is(word, Cue::Relative) && matches!(self.upos(word), Upos::Pron | Upos::Det)
    }
}

/// Whether a quotation is open after `forms`: straight quotes toggle,
/// curly ones open and close.
pub fn quotation_open<'f>(forms: impl Iterator<Item = &'f str>) -> bool {
    let mut straight = false;
    let mut curly = 0i32;
    for form in forms {
        match form {
            "\"" | "``" | "''" => straight = !straight,
            "“" => curly += 1,
            "”" => curly -= 1,
            _ => {}
        }
    }
    straight || curly > 0
}
