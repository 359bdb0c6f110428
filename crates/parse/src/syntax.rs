//! A syntax view of one parsed sentence, in the terms the event coder asks
//! about: verb groups (a predicate with its auxiliaries, negation and
//! voice) and their arguments, conjuncts, appositions, relative clauses,
//! and the verb that governs any word.
//!
//! Words are numbered from 0 within the sentence.
//!
//! ```
//! use dateline_parse::Model;
//! use dateline_parse::syntax::{Syntax, Voice};
//!
//! let words = ["The", "convoy", "was", "attacked", "by", "rebels", "near", "Goma", "."];
//! let syntax = Syntax::from_words(&words, &Model::builtin().parse_words(&words));
//! let groups = syntax.verb_groups();
//! let attack = groups.iter().find(|group| group.predicate == 3).unwrap();
//! assert_eq!(attack.voice, Voice::Passive);
//! assert_eq!(attack.auxiliaries, [2]);
//! assert_eq!(attack.subjects.iter().map(|s| s.word).collect::<Vec<_>>(), [1]);
//! assert_eq!(attack.agent, Some(5));
//! assert_eq!(syntax.governing_verb(5), Some(3));
//! assert_eq!(syntax.preposition(5), Some(4));
//! ```

use dateline_model::{DepRel, Doc, Pos, Segment, Upos};

use crate::WordParse;

/// The dependency tree of one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Syntax {
    words: Vec<SyntaxWord>,
    /// Children of each word, left to right.
    children: Vec<Vec<usize>>,
    /// `Doc::tokens` index of word 0 when built from a document.
    first_token: usize,
}

/// One word's place in the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxWord {
    pub upos: Upos,
    pub head: Option<usize>,
    pub rel: DepRel,
    /// What the word's text says that its tags do not.
    pub class: WordClass,
    /// The verb's form, from its Penn tag.
    pub form: VerbForm,
}

/// A verb's form, which says whether a clause without a subject of its own
/// borrows one from the clause it modifies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VerbForm {
    /// A tensed verb (`VBD`, `VBP`, `VBZ`, `MD`).
    Finite,
    /// The base form (`VB`): infinitives and imperatives.
    Base,
    /// The "-ing" form (`VBG`).
    Gerund,
    /// The past participle (`VBN`).
    PastParticiple,
    /// Not a verb.
    #[default]
    None,
}

impl VerbForm {
    pub fn of(pos: Pos) -> VerbForm {
        match pos {
            Pos::Vbd | Pos::Vbp | Pos::Vbz | Pos::Md => VerbForm::Finite,
            Pos::Vb => VerbForm::Base,
            Pos::Vbg => VerbForm::Gerund,
            Pos::Vbn => VerbForm::PastParticiple,
            _ => VerbForm::None,
        }
    }
}

/// Words the view treats specially, known from their text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WordClass {
    /// "not", "n't", "never", "no".
    Negation,
    /// "by", the preposition of a passive agent.
    By,
    /// "who", "whom", "which", "that": a relative clause's pronoun when it
    /// is the clause's subject.
    Relative,
    #[default]
    Other,
}

impl WordClass {
    pub fn of(text: &str) -> WordClass {
        let is = |word: &str| text.eq_ignore_ascii_case(word);
        if ["not", "n't", "n’t", "never", "no"].iter().any(|w| is(w)) {
            WordClass::Negation
        } else if is("by") {
            WordClass::By
        } else if ["who", "whom", "which", "that"].iter().any(|w| is(w)) {
            WordClass::Relative
        } else {
            WordClass::Other
        }
    }
}

/// Whether the subject acts or undergoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    Active,
    Passive,
}

/// How a verb group got a subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubjectSource {
    /// Its own `nsubj`, `nsubj:pass` or `csubj`.
    Own,
    /// Shared with the first conjunct ("Russia attacked and seized ...").
    Conjunct,
    /// The controller of an `xcomp` ("agreed to meet": the agreer; "urged
    /// Iran to stop": Iran).
    Controller,
    /// The noun a relative clause modifies ("the army, which shelled ...").
    Antecedent,
    /// The subject of the clause that an "-ing" or "to" adjunct modifies
    /// ("met in Cairo to discuss ...", "responded, attacking ...").
    Adjunct,
    /// The noun phrase right before a finite verb the parser left without
    /// a subject ("In a message posted to Twitter, Warren commended ...",
    /// where "Warren" was read as in apposition to "Twitter").
    Preceding,
}

/// A subject and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subject {
    pub word: usize,
    pub source: SubjectSource,
}

/// An oblique argument and its preposition (its `case` child).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Oblique {
    pub word: usize,
    pub preposition: Option<usize>,
}

/// A predicate with its auxiliaries and arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbGroup {
    /// The content word heading the clause (a verb, or the noun or
    /// adjective of a copular clause).
    pub predicate: usize,
    /// `aux`, `aux:pass` and `cop` children, left to right.
    pub auxiliaries: Vec<usize>,
    /// The negating word ("not", "n't", "never", "no"), when there is one.
    pub negation: Option<usize>,
    pub voice: Voice,
    pub subjects: Vec<Subject>,
    /// `obj` and `iobj` children.
    pub objects: Vec<usize>,
    /// `obl` children (the agent excluded) with their prepositions.
    pub obliques: Vec<Oblique>,
    /// The passive agent: `obl:agent`, or a "by" oblique of a passive.
    pub agent: Option<usize>,
    /// Open clausal complements ("agreed to meet": meet).
    pub xcomps: Vec<usize>,
    /// Clausal complements ("said that ... attacked": attacked).
    pub ccomps: Vec<usize>,
    /// Coordinated predicates ("attacked and seized": seized).
    pub conjuncts: Vec<usize>,
}

impl Syntax {
    /// The tree of a parse from [`crate::Model::parse_words`] of `words`.
    pub fn from_words<S: AsRef<str>>(words: &[S], parse: &[WordParse<'_>]) -> Syntax {
        let words = parse
            .iter()
            .zip(words)
            .map(|(word, text)| SyntaxWord {
                upos: word.tag.upos,
                head: word.head,
                rel: word.rel,
                class: WordClass::of(text.as_ref()),
                form: VerbForm::of(word.tag.pos()),
            })
            .collect();
        Syntax::build(words, 0)
    }

    /// The tree of a parsed sentence or heading of `doc`; `None` when it was
    /// not parsed.
    pub fn of_segment(doc: &Doc, segment: &Segment) -> Option<Syntax> {
        let range = segment.token_range();
        let first = range.start;
        let parses = doc.parse.get(range.clone())?;
        let mut words = Vec::with_capacity(parses.len());
        for (parse, token) in parses.iter().zip(&doc.tokens[range]) {
            let parse = (*parse)?;
            let head = match parse.head {
                None => None,
                Some(head) => Some((head as usize).checked_sub(first)?),
            };
            words.push(SyntaxWord {
                upos: parse.upos,
                head,
                rel: parse.rel,
                class: WordClass::of(doc.text(token.span)),
                form: VerbForm::of(parse.xpos),
            });
        }
        Some(Syntax::build(words, first))
    }

    /// Builds the view from words whose heads index `words`; heads out of
    /// range are read as roots.
    pub fn build(mut words: Vec<SyntaxWord>, first_token: usize) -> Syntax {
        let n = words.len();
        let mut children = vec![Vec::new(); n];
        for (idx, word) in words.iter_mut().enumerate() {
            match word.head {
                Some(head) if head < n && head != idx => children[head].push(idx),
                _ => word.head = None,
            }
        }
        Syntax {
            words,
            children,
            first_token,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn word(&self, idx: usize) -> &SyntaxWord {
        &self.words[idx]
    }

    /// The `Doc::tokens` index of a word (for views built from a document).
    pub fn token(&self, idx: usize) -> usize {
        self.first_token + idx
    }

    pub fn children(&self, idx: usize) -> &[usize] {
        &self.children[idx]
    }

    /// Children of `idx` with relation `rel` (subtypes count only when
    /// asked for exactly).
    pub fn children_with(&self, idx: usize, rel: DepRel) -> impl Iterator<Item = usize> + '_ {
        self.children[idx]
            .iter()
            .copied()
            .filter(move |&child| self.words[child].rel == rel)
    }

    /// The root words (one in a parser's tree).
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(|&idx| self.words[idx].head.is_none())
    }

    /// True when the word heads a clause: a verb that is not an auxiliary,
    /// or a word with a copula or a subject.
    pub fn is_predicate(&self, idx: usize) -> bool {
        let word = &self.words[idx];
        let auxiliary = matches!(word.rel, DepRel::Aux | DepRel::AuxPass | DepRel::Cop);
        (word.upos == Upos::Verb && !auxiliary)
            || self.children[idx].iter().any(|&child| {
                matches!(self.words[child].rel, DepRel::Cop) || self.words[child].rel.is_subject()
            })
    }

    /// Every verb group, in sentence order of their predicates.
    pub fn verb_groups(&self) -> Vec<VerbGroup> {
        (0..self.len())
            .filter(|&idx| self.is_predicate(idx))
            .map(|idx| self.verb_group(idx))
            .collect()
    }

    /// The verb group of a predicate.
    pub fn verb_group(&self, predicate: usize) -> VerbGroup {
        let mut group = VerbGroup {
            predicate,
            auxiliaries: Vec::new(),
            negation: None,
            voice: Voice::Active,
            subjects: Vec::new(),
            objects: Vec::new(),
            obliques: Vec::new(),
            agent: None,
            xcomps: Vec::new(),
            ccomps: Vec::new(),
            conjuncts: Vec::new(),
        };
        for &child in &self.children[predicate] {
            let word = &self.words[child];
            match word.rel {
                DepRel::Aux | DepRel::Cop => group.auxiliaries.push(child),
                DepRel::AuxPass => {
                    group.auxiliaries.push(child);
                    group.voice = Voice::Passive;
                }
                DepRel::NsubjPass | DepRel::CsubjPass => {
                    group.voice = Voice::Passive;
                    group.subjects.push(own(child));
                }
                DepRel::Nsubj | DepRel::Csubj | DepRel::NsubjOuter | DepRel::CsubjOuter => {
                    group.subjects.push(own(child))
                }
                DepRel::Obj | DepRel::Iobj => group.objects.push(child),
                DepRel::OblAgent => group.agent = Some(child),
                DepRel::Obl | DepRel::OblUnmarked => group.obliques.push(Oblique {
                    word: child,
                    preposition: self.preposition(child),
                }),
                DepRel::Xcomp => group.xcomps.push(child),
                DepRel::Ccomp => group.ccomps.push(child),
                DepRel::Conj if self.is_predicate(child) => group.conjuncts.push(child),
                DepRel::Advmod | DepRel::Det if word.class == WordClass::Negation => {
                    group.negation = Some(child)
                }
                _ => {}
            }
        }
        if group.voice == Voice::Passive && group.agent.is_none() {
            self.take_by_agent(&mut group);
        }
        if group.subjects.is_empty() {
            group.subjects.extend(self.inherited_subjects(predicate));
        }
        if group.subjects.is_empty() && self.words[predicate].form == VerbForm::Finite {
            group.subjects.extend(self.preceding_subject(predicate));
        }
        if group
            .subjects
            .iter()
            .all(|s| s.source != SubjectSource::Own)
        {
            // "was shelled and seized": the second verb is passive too.
            let passive_subject = group
                .subjects
                .iter()
                .any(|subject| self.words[subject.word].rel == DepRel::NsubjPass);
            if passive_subject && group.auxiliaries.is_empty() {
                group.voice = Voice::Passive;
            }
        }
        self.resolve_relative_pronoun(&mut group);
        group
    }

    /// "the army, which shelled ...": the subject is the army.
    fn resolve_relative_pronoun(&self, group: &mut VerbGroup) {
        let word = &self.words[group.predicate];
        let (Some(antecedent), DepRel::AclRelcl) = (word.head, word.rel) else {
            return;
        };
        for subject in &mut group.subjects {
            if subject.source == SubjectSource::Own
                && self.words[subject.word].class == WordClass::Relative
            {
                *subject = Subject {
                    word: antecedent,
                    source: SubjectSource::Antecedent,
                };
            }
        }
    }

    /// A passive's "by" oblique is its agent when the parser labelled it
    /// plain `obl`.
    fn take_by_agent(&self, group: &mut VerbGroup) {
        let by = group.obliques.iter().position(|oblique| {
            oblique
                .preposition
                .is_some_and(|prep| self.words[prep].class == WordClass::By)
        });
        if let Some(idx) = by {
            group.agent = Some(group.obliques.remove(idx).word);
        }
    }

    /// Subjects a predicate without its own gets from its context.
    fn inherited_subjects(&self, predicate: usize) -> Vec<Subject> {
        let word = &self.words[predicate];
        let Some(head) = word.head else {
            return Vec::new();
        };
        match word.rel {
            DepRel::Conj if self.is_predicate(head) => self
                .verb_group(head)
                .subjects
                .into_iter()
                .map(|subject| Subject {
                    word: subject.word,
                    source: SubjectSource::Conjunct,
                })
                .collect(),
            DepRel::Xcomp => {
                let group = self.verb_group(head);
                let controller = group
                    .objects
                    .last()
                    .copied()
                    .or_else(|| group.subjects.first().map(|subject| subject.word));
                controller
                    .map(|word| Subject {
                        word,
                        source: SubjectSource::Controller,
                    })
                    .into_iter()
                    .collect()
            }
            DepRel::AclRelcl | DepRel::Acl => vec![Subject {
                word: head,
                source: SubjectSource::Antecedent,
            }],
            // An adjunct without a subject of its own is about the subject
            // of the clause it modifies; only non-finite ones, since a
            // finite verb without a subject is a parse error, and only
            // active ones ("backed by Iran, the rebels" is passive).
            DepRel::Advcl if matches!(word.form, VerbForm::Gerund | VerbForm::Base) => self
                .verb_group(head)
                .subjects
                .first()
                .map(|subject| Subject {
                    word: subject.word,
                    source: SubjectSource::Adjunct,
                })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A tensed verb needs a subject: when the parse gives it none, the
    /// noun phrase ending right before it (past its own auxiliaries and
    /// adverbs) is the one the parser hung elsewhere, the usual error after
    /// a fronted phrase.
    fn preceding_subject(&self, predicate: usize) -> Option<Subject> {
        let mut idx = predicate.checked_sub(1)?;
        while self.words[idx].head == Some(predicate)
            && matches!(self.words[idx].rel, DepRel::Aux | DepRel::Advmod)
        {
            idx = idx.checked_sub(1)?;
        }
        if !matches!(self.words[idx].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
            return None;
        }
        // Up to the head of the phrase: "Ministry" of "the Turkish Ministry
        // of Foreign Affairs", the first of "Durbin and Schiff".
        let mut steps = 0;
        while let Some(head) = self.words[idx].head
            && head < predicate
            && steps < self.len()
            && matches!(
                self.words[idx].rel,
                DepRel::Flat | DepRel::Compound | DepRel::Nmod | DepRel::Conj | DepRel::Fixed
            )
        {
            idx = head;
            steps += 1;
        }
        Some(Subject {
            word: idx,
            source: SubjectSource::Preceding,
        })
    }

    /// The `case` child of a nominal: its preposition.
    pub fn preposition(&self, idx: usize) -> Option<usize> {
        self.children_with(idx, DepRel::Case)
            .find(|&child| child < idx)
    }

    /// Nouns in apposition to `idx` ("Abiy Ahmed, Ethiopia's prime minister").
    pub fn appositions(&self, idx: usize) -> Vec<usize> {
        self.children_with(idx, DepRel::Appos).collect()
    }

    /// Relative clauses modifying `idx` (their predicates).
    pub fn relative_clauses(&self, idx: usize) -> Vec<usize> {
        self.children_with(idx, DepRel::AclRelcl).collect()
    }

    /// Coordinated words of `idx` ("Russia and China": China).
    pub fn conjuncts(&self, idx: usize) -> Vec<usize> {
        self.children_with(idx, DepRel::Conj).collect()
    }

    /// The nearest predicate at or above `idx`: for a word in a noun
    /// phrase, the verb of the clause the phrase belongs to.
    pub fn governing_verb(&self, idx: usize) -> Option<usize> {
        let mut current = idx;
        for _ in 0..=self.len() {
            if self.is_predicate(current) {
                return Some(current);
            }
            current = self.words[current].head?;
        }
        None
    }

    /// The head of the noun phrase `idx` belongs to ("Russian" in "Russian
    /// forces": forces; "Kyiv" in "the mayor of Kyiv": mayor).
    pub fn phrase_head(&self, idx: usize) -> usize {
        let mut current = idx;
        for _ in 0..=self.len() {
            let word = &self.words[current];
            let inside = matches!(
                word.rel.universal(),
                DepRel::Compound
                    | DepRel::Flat
                    | DepRel::Amod
                    | DepRel::Det
                    | DepRel::Nummod
                    | DepRel::Nmod
                    | DepRel::Case
                    | DepRel::Fixed
                    | DepRel::Goeswith
            );
            match word.head {
                Some(head) if inside && !self.is_predicate(current) => current = head,
                _ => return current,
            }
        }
        current
    }
}

fn own(word: usize) -> Subject {
    Subject {
        word,
        source: SubjectSource::Own,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-built tree: (upos, head, relation, text) per word.
    fn tree(words: &[(Upos, Option<usize>, DepRel, &str)]) -> Syntax {
        let words = words
            .iter()
            .map(|&(upos, head, rel, text)| SyntaxWord {
                upos,
                head,
                rel,
                class: WordClass::of(text),
                form: VerbForm::None,
            })
            .collect();
        Syntax::build(words, 0)
    }

    fn subjects(group: &VerbGroup) -> Vec<(usize, SubjectSource)> {
        group.subjects.iter().map(|s| (s.word, s.source)).collect()
    }

    #[test]
    fn passive_by_agent_and_a_conjunct_sharing_the_subject() {
        // "The town was shelled by troops and seized ."
        let syntax = tree(&[
            (Upos::Det, Some(1), DepRel::Det, "The"),
            (Upos::Noun, Some(3), DepRel::NsubjPass, "town"),
            (Upos::Aux, Some(3), DepRel::AuxPass, "was"),
            (Upos::Verb, None, DepRel::Root, "shelled"),
            (Upos::Adp, Some(5), DepRel::Case, "by"),
            (Upos::Noun, Some(3), DepRel::Obl, "troops"),
            (Upos::Cconj, Some(7), DepRel::Cc, "and"),
            (Upos::Verb, Some(3), DepRel::Conj, "seized"),
            (Upos::Punct, Some(3), DepRel::Punct, "."),
        ]);
        let groups = syntax.verb_groups();
        assert_eq!(
            groups.iter().map(|g| g.predicate).collect::<Vec<_>>(),
            [3, 7]
        );
        let shelled = &groups[0];
        assert_eq!(shelled.voice, Voice::Passive);
        assert_eq!(shelled.auxiliaries, [2]);
        assert_eq!(subjects(shelled), [(1, SubjectSource::Own)]);
        assert_eq!(shelled.agent, Some(5), "the 'by' oblique of a passive");
        assert!(shelled.obliques.is_empty());
        assert_eq!(shelled.conjuncts, [7]);
        let seized = &groups[1];
        assert_eq!(subjects(seized), [(1, SubjectSource::Conjunct)]);
        assert_eq!(seized.voice, Voice::Passive);
        assert_eq!(syntax.governing_verb(5), Some(3));
        assert_eq!(syntax.phrase_head(0), 1);
    }

    #[test]
    fn a_finite_verb_left_without_subject_takes_the_phrase_before_it() {
        // "In a message posted to Twitter , Warren quickly commended Biden ."
        // parsed with "Warren" in apposition to "Twitter".
        let mut syntax = tree(&[
            (Upos::Adp, Some(2), DepRel::Case, "In"),
            (Upos::Det, Some(2), DepRel::Det, "a"),
            (Upos::Noun, None, DepRel::Root, "message"),
            (Upos::Verb, Some(2), DepRel::Acl, "posted"),
            (Upos::Adp, Some(5), DepRel::Case, "to"),
            (Upos::Propn, Some(3), DepRel::Obl, "Twitter"),
            (Upos::Punct, Some(7), DepRel::Punct, ","),
            (Upos::Propn, Some(5), DepRel::Appos, "Warren"),
            (Upos::Adv, Some(9), DepRel::Advmod, "quickly"),
            (Upos::Verb, Some(3), DepRel::Parataxis, "commended"),
            (Upos::Propn, Some(9), DepRel::Obj, "Biden"),
            (Upos::Punct, Some(2), DepRel::Punct, "."),
        ]);
        assert!(
            syntax.verb_group(9).subjects.is_empty(),
            "no subject for an untensed verb"
        );
        syntax.words[9].form = VerbForm::Finite;
        assert_eq!(
            subjects(&syntax.verb_group(9)),
            [(7, SubjectSource::Preceding)]
        );
        // "... to the Ministry of Affairs denounced": up to the phrase's head.
        let mut syntax = tree(&[
            (Upos::Adp, Some(2), DepRel::Case, "to"),
            (Upos::Det, Some(2), DepRel::Det, "the"),
            (Upos::Propn, None, DepRel::Root, "Ministry"),
            (Upos::Adp, Some(4), DepRel::Case, "of"),
            (Upos::Propn, Some(2), DepRel::Nmod, "Affairs"),
            (Upos::Verb, Some(2), DepRel::Parataxis, "denounced"),
        ]);
        syntax.words[5].form = VerbForm::Finite;
        assert_eq!(
            subjects(&syntax.verb_group(5)),
            [(2, SubjectSource::Preceding)]
        );
    }

    #[test]
    fn controllers_negation_and_relative_clauses() {
        // "The army urged Iran not to resume the talks , which stalled ."
        let syntax = tree(&[
            (Upos::Det, Some(1), DepRel::Det, "The"),
            (Upos::Noun, Some(2), DepRel::Nsubj, "army"),
            (Upos::Verb, None, DepRel::Root, "urged"),
            (Upos::Propn, Some(2), DepRel::Obj, "Iran"),
            (Upos::Part, Some(6), DepRel::Advmod, "not"),
            (Upos::Part, Some(6), DepRel::Mark, "to"),
            (Upos::Verb, Some(2), DepRel::Xcomp, "resume"),
            (Upos::Det, Some(8), DepRel::Det, "the"),
            (Upos::Noun, Some(6), DepRel::Obj, "talks"),
            (Upos::Punct, Some(11), DepRel::Punct, ","),
            (Upos::Pron, Some(11), DepRel::Nsubj, "which"),
            (Upos::Verb, Some(8), DepRel::AclRelcl, "stalled"),
            (Upos::Punct, Some(2), DepRel::Punct, "."),
        ]);
        let urged = syntax.verb_group(2);
        assert_eq!(subjects(&urged), [(1, SubjectSource::Own)]);
        assert_eq!(
            (urged.objects.clone(), urged.xcomps.clone()),
            (vec![3], vec![6])
        );
        let resume = syntax.verb_group(6);
        assert_eq!(subjects(&resume), [(3, SubjectSource::Controller)]);
        assert_eq!(resume.negation, Some(4));
        assert_eq!(resume.objects, [8]);
        let stalled = syntax.verb_group(11);
        assert_eq!(subjects(&stalled), [(8, SubjectSource::Antecedent)]);
        assert_eq!(syntax.relative_clauses(8), [11]);
        assert_eq!(syntax.governing_verb(8), Some(6));
        assert_eq!(syntax.governing_verb(7), Some(6));
        assert_eq!(syntax.roots().collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn heads_outside_the_sentence_are_read_as_roots() {
        let syntax = tree(&[
            (Upos::Noun, Some(7), DepRel::Nsubj, "x"),
            (Upos::Verb, Some(1), DepRel::Root, "y"),
        ]);
        assert_eq!(syntax.roots().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(syntax.governing_verb(0), None);
    }
}
