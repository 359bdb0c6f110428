//! The dependency parser: arc-hybrid transitions (Kuhlmann et al. 2011),
//! greedy, scored by an averaged perceptron over hashed sparse features,
//! trained with a dynamic oracle and exploration (Goldberg and Nivre 2013).
//!
//! A configuration is a stack, a buffer and the arcs so far; the root is an
//! extra word after the last one, so the buffer ends with it:
//!
//! - `SHIFT` moves the buffer's first word onto the stack;
//! - `LEFT(l)` attaches the stack top to the buffer's first word and pops it;
//! - `RIGHT(l)` attaches the stack top to the word below it and pops it.
//!
//! The root may take one dependent only, and only when it is the last word
//! on the stack, so every parse is a tree with one root.
//!
//! Two perceptrons share the work: one scores the three moves, the other
//! labels each arc as it is made. Scoring three moves instead of a hundred
//! labelled ones makes parsing an order of magnitude faster, and the
//! labeller sees everything about the dependent (all its children are
//! attached by then).

use crate::hash::{self, FeatureSet};
use crate::perceptron::{self, Trainer, Weights};
use crate::rng::Rng;
use crate::words::{ROOT, WordAtoms};

/// No word (an empty stack slot, a missing child).
const NONE: u32 = u32::MAX;

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Parser {
    /// Scores of SHIFT, LEFT and RIGHT.
    pub moves: Weights,
    /// Scores of the relation labels of an arc.
    pub labels: Weights,
    /// The label class of `root`.
    pub root_label: u8,
}

/// Move classes.
const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
pub(crate) const N_MOVES: usize = 3;

/// Training settings of the parser.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ParserConfig {
    pub epochs: usize,
    pub seed: u64,
    pub min_weight: f32,
    /// From the second epoch on, follow the model's own (possibly wrong)
    /// choice with this probability, so it learns to recover from errors.
    pub explore: f64,
    /// Parsers trained at once, each on its own order and exploration
    /// (seeds), then mixed into one (see [`perceptron::mix`]).
    pub ensemble: usize,
}

/// A sentence to parse: its words and their tag classes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Input<'a> {
    pub words: &'a [WordAtoms],
    pub tags: &'a [u16],
}

/// A parse: for each word, its head (`n` = the root) and label class.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Arcs {
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
}

/// Reusable buffers for parsing.
#[derive(Debug, Default)]
pub(crate) struct ParseScratch {
    state: State,
    features: FeatureSet,
    parts: PartScores,
    label_scores: Vec<i32>,
}

/// Move scores of the parts of a configuration that outlive it (see
/// [`Part`]): integer sums, so adding them up in parts gives the scores
/// exactly.
#[derive(Debug, Default)]
struct PartScores {
    features: PartedFeatures,
    /// The buffer part's scores and the buffer position they are for.
    buffer: Option<(u32, [i32; N_MOVES])>,
    /// The stack part's scores by stack top (`n`: the empty stack).
    stack: Vec<Option<[i32; N_MOVES]>>,
    /// The top-right part's scores by stack top, with the rightmost child
    /// they are for (right children come in order, so it tells them all).
    top_right: Vec<Option<(u32, [i32; N_MOVES])>>,
}

impl PartScores {
    fn start(&mut self, n: usize) {
        self.buffer = None;
        self.stack.clear();
        self.stack.resize(n + 1, None);
        self.top_right.clear();
        self.top_right.resize(n + 1, None);
    }
}

impl Parser {
    /// Parses one sentence into `out`.
    pub fn parse(&self, input: Input<'_>, scratch: &mut ParseScratch, out: &mut Arcs) {
        let state = &mut scratch.state;
        state.start(input.words.len());
        state.count_punctuation(input.words);
        scratch.parts.start(input.words.len());
        while !state.is_final() {
            // A non-final state always has a legal move (see `is_legal`).
            let Some(class) = self.best_move(input, state, &mut scratch.parts) else {
                break;
            };
            let label = match arc_of(state, class) {
                Some((head, dependent)) => self.label(
                    input,
                    state,
                    (head, dependent),
                    &mut scratch.features,
                    &mut scratch.label_scores,
                ),
                None => 0,
            };
            apply(state, class, label);
        }
        out.heads.clear();
        out.heads.extend_from_slice(&state.heads);
        out.labels.clear();
        out.labels.extend_from_slice(&state.labels);
    }

    /// The highest-scoring legal move (the first of equals).
    fn best_move(&self, input: Input<'_>, state: &State, parts: &mut PartScores) -> Option<usize> {
        let scores = self.move_scores(input, state, parts);
        let mut best = None;
        for class in 0..N_MOVES {
            if is_legal(state, class) && best.is_none_or(|b: usize| scores[class] > scores[b]) {
                best = Some(class);
            }
        }
        best
    }

    /// The label of the arc `(head, dependent)`.
    fn label(
        &self,
        input: Input<'_>,
        state: &State,
        (head, dependent): (u32, u32),
        features: &mut FeatureSet,
        scores: &mut Vec<i32>,
    ) -> u8 {
        features.clear();
        label_features(input, state, head, dependent, features);
        scores.clear();
        scores.resize(self.labels.n_classes(), 0);
        self.labels.score(&features.keys, scores);
        best_label(scores, self.root_label, head as usize == state.n)
    }

    /// The scores of the moves from `state`: those of the buffer and stack
    /// parts as cached when they were first seen, plus the rest's.
    fn move_scores(&self, input: Input<'_>, state: &State, parts: &mut PartScores) -> [i32; 3] {
        let top = match state.stack_at(0) {
            NONE => state.n,
            top => top as usize,
        };
        let buffer = parts
            .buffer
            .filter(|&(position, _)| position == state.buffer)
            .map(|(_, scores)| scores);
        let stack = parts.stack[top];
        let right = child(&state.right1, state.stack_at(0));
        let top_right = parts.top_right[top]
            .filter(|&(child, _)| child == right)
            .map(|(_, scores)| scores);
        parts
            .features
            .start(buffer.is_none(), stack.is_none(), top_right.is_none());
        features(input, state, &mut parts.features);
        let score = |part: Part| {
            let mut scores = [0; N_MOVES];
            self.moves
                .score(&parts.features.keys[part as usize], &mut scores);
            scores
        };
        let buffer = buffer.unwrap_or_else(|| score(Part::Buffer));
        let stack = stack.unwrap_or_else(|| score(Part::Stack));
        let top_right = top_right.unwrap_or_else(|| score(Part::TopRight));
        let config = score(Part::Config);
        parts.buffer = Some((state.buffer, buffer));
        parts.stack[top] = Some(stack);
        parts.top_right[top] = Some((right, top_right));
        std::array::from_fn(|class| buffer[class] + stack[class] + top_right[class] + config[class])
    }
}

/// The highest-scoring label allowed: `root` exactly for arcs from the root.
fn best_label<T: PartialOrd + Copy>(scores: &[T], root_label: u8, from_root: bool) -> u8 {
    if from_root {
        return root_label;
    }
    let mut best: Option<usize> = None;
    for (label, &score) in scores.iter().enumerate() {
        if label != usize::from(root_label) && best.is_none_or(|b| score > scores[b]) {
            best = Some(label);
        }
    }
    best.unwrap_or(0) as u8
}

fn is_legal(state: &State, class: usize) -> bool {
    let at_root = state.buffer as usize == state.n;
    match class {
        SHIFT => !at_root,
        LEFT => !state.stack.is_empty() && (!at_root || state.stack.len() == 1),
        _ => state.stack.len() >= 2,
    }
}

/// The (head, dependent) arc a move makes, if any.
fn arc_of(state: &State, class: usize) -> Option<(u32, u32)> {
    match class {
        LEFT => Some((state.buffer, state.stack_at(0))),
        RIGHT => Some((state.stack_at(1), state.stack_at(0))),
        _ => None,
    }
}

fn apply(state: &mut State, class: usize, label: u8) {
    match class {
        SHIFT => {
            state.stack.push(state.buffer);
            state.buffer += 1;
        }
        _ => {
            if let Some((head, dependent)) = arc_of(state, class) {
                state.stack.pop();
                state.add_arc(head, dependent, label);
            }
        }
    }
}

/// A parser configuration. Words are 0..n; `n` is the root.
#[derive(Clone, Debug, Default)]
struct State {
    n: usize,
    stack: Vec<u32>,
    buffer: u32,
    heads: Vec<u32>,
    labels: Vec<u8>,
    /// Per word and the root: leftmost and second leftmost child, rightmost
    /// and second rightmost child, numbers of left and right children, and
    /// the sets of their labels.
    left1: Vec<u32>,
    left2: Vec<u32>,
    right1: Vec<u32>,
    right2: Vec<u32>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    left_labels: Vec<u64>,
    right_labels: Vec<u64>,
    /// Punctuation marks before each word (prefix counts, n + 1 entries):
    /// a comma or dash between two words is strong evidence about whether
    /// and how they attach (conjuncts, appositions, parataxis).
    punct_before: Vec<u32>,
}

impl State {
    fn start(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.buffer = 0;
        for (layer, value) in [
            (&mut self.heads, NONE),
            (&mut self.left1, NONE),
            (&mut self.left2, NONE),
            (&mut self.right1, NONE),
            (&mut self.right2, NONE),
        ] {
            layer.clear();
            layer.resize(n + 1, value);
        }
        self.heads.truncate(n);
        self.labels.clear();
        self.labels.resize(n, 0);
        self.n_left.clear();
        self.n_left.resize(n + 1, 0);
        self.n_right.clear();
        self.n_right.resize(n + 1, 0);
        self.left_labels.clear();
        self.left_labels.resize(n + 1, 0);
        self.right_labels.clear();
        self.right_labels.resize(n + 1, 0);
    }

    fn count_punctuation(&mut self, words: &[WordAtoms]) {
        self.punct_before.clear();
        let mut count = 0;
        self.punct_before.push(0);
        for word in words {
            count += u32::from(word.is_punctuation());
            self.punct_before.push(count);
        }
    }

    /// Punctuation marks strictly between two words (capped at 3); 9 when
    /// either is missing.
    fn punct_between(&self, a: u32, b: u32) -> u64 {
        if a == NONE || b == NONE {
            return 9;
        }
        let (lo, hi) = (a.min(b) as usize, a.max(b) as usize);
        let hi = hi.min(self.punct_before.len() - 1);
        let lo = (lo + 1).min(hi);
        u64::from((self.punct_before[hi] - self.punct_before[lo]).min(3))
    }

    fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer as usize >= self.n
    }

    fn add_arc(&mut self, head: u32, dependent: u32, label: u8) {
        if head == NONE || dependent == NONE {
            return;
        }
        let (h, d) = (head as usize, dependent as usize);
        self.heads[d] = head;
        self.labels[d] = label;
        let bit = 1u64 << (label % 64);
        if dependent < head {
            self.left2[h] = self.left1[h];
            self.left1[h] = dependent;
            self.n_left[h] = self.n_left[h].saturating_add(1);
            self.left_labels[h] |= bit;
        } else {
            self.right2[h] = self.right1[h];
            self.right1[h] = dependent;
            self.n_right[h] = self.n_right[h].saturating_add(1);
            self.right_labels[h] |= bit;
        }
    }

    fn stack_at(&self, depth: usize) -> u32 {
        self.stack
            .len()
            .checked_sub(depth + 1)
            .map_or(NONE, |idx| self.stack[idx])
    }

    fn buffer_at(&self, offset: usize) -> u32 {
        let idx = self.buffer as usize + offset;
        if idx <= self.n { idx as u32 } else { NONE }
    }
}

/// The atoms of one position: word, tag, label, children.
#[derive(Clone, Copy)]
struct Atoms {
    word: u64,
    tag: u64,
    label: u64,
}

const NO_TAG: u64 = 0xFFFF;
const ROOT_TAG: u64 = 0xFFFE;
const NO_WORD: u64 = 0x4E4F_4E45;

fn atoms(input: Input<'_>, state: &State, token: u32) -> Atoms {
    if token == NONE {
        return Atoms {
            word: NO_WORD,
            tag: NO_TAG,
            label: NO_TAG,
        };
    }
    let idx = token as usize;
    if idx == state.n {
        return Atoms {
            word: ROOT,
            tag: ROOT_TAG,
            label: NO_TAG,
        };
    }
    let label = if state.heads[idx] == NONE {
        NO_TAG
    } else {
        u64::from(state.labels[idx])
    };
    Atoms {
        word: input.words[idx].form,
        tag: u64::from(input.tags[idx]),
        label,
    }
}

fn child(list: &[u32], token: u32) -> u32 {
    if token == NONE {
        NONE
    } else {
        list[token as usize]
    }
}

fn distance(from: u32, to: u32) -> u64 {
    if from == NONE || to == NONE {
        return 99;
    }
    match to.abs_diff(from) {
        d @ 0..=4 => u64::from(d),
        5..=7 => 5,
        8..=11 => 6,
        _ => 7,
    }
}

fn count_of(counts: &[u8], token: u32) -> u64 {
    if token == NONE {
        99
    } else {
        u64::from(counts[token as usize].min(6))
    }
}

fn labels_of(sets: &[u64], token: u32) -> u64 {
    if token == NONE {
        u64::MAX
    } else {
        sets[token as usize]
    }
}

/// What a move feature reads of the configuration. Parsing caches the
/// scores of the first three parts, which outlive most configurations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// Only the buffer position: the words from the buffer's front on and
    /// the one before it (not its children, which LEFT adds to).
    Buffer,
    /// Only which word is the stack top, as long as it is on the stack:
    /// it and the words below it (which never change under it), its left
    /// children (all attached while it was in the buffer) and the
    /// children of the words below it (they gain one only when a word
    /// above them is popped). Not its right children.
    Stack,
    /// The stack top's right children (with what the stack part reads):
    /// the same until RIGHT gives it another.
    TopRight,
    /// Everything else.
    Config,
}

const N_PARTS: usize = 4;

/// Receives move features with the part of the configuration each reads.
trait MoveFeatures {
    /// Whether features of `part` are wanted (the keys of the others are
    /// not computed).
    fn wants(&self, part: Part) -> bool;

    fn push(&mut self, part: Part, key: u64);

    #[inline]
    fn add1(&mut self, part: Part, template: u64, a: u64) {
        if self.wants(part) {
            self.push(part, hash::key1(template, a));
        }
    }

    #[inline]
    fn add2(&mut self, part: Part, template: u64, a: u64, b: u64) {
        if self.wants(part) {
            self.push(part, hash::key2(template, a, b));
        }
    }

    #[inline]
    fn add3(&mut self, part: Part, template: u64, a: u64, b: u64, c: u64) {
        if self.wants(part) {
            self.push(part, hash::key3(template, a, b, c));
        }
    }

    #[inline]
    fn add4(&mut self, part: Part, template: u64, a: u64, b: u64, c: u64, d: u64) {
        if self.wants(part) {
            self.push(part, hash::key4(template, a, b, c, d));
        }
    }
}

/// Training takes every feature, in one list.
impl MoveFeatures for FeatureSet {
    fn wants(&self, _: Part) -> bool {
        true
    }

    fn push(&mut self, _: Part, key: u64) {
        self.keys.push(key);
    }
}

/// Parsing takes the features of the parts it has no scores for, in a
/// list per part.
#[derive(Debug, Default)]
struct PartedFeatures {
    wanted: [bool; N_PARTS],
    keys: [Vec<u64>; N_PARTS],
}

impl PartedFeatures {
    fn start(&mut self, buffer: bool, stack: bool, top_right: bool) {
        self.wanted = [buffer, stack, top_right, true];
        self.keys.iter_mut().for_each(Vec::clear);
    }
}

impl MoveFeatures for PartedFeatures {
    #[inline]
    fn wants(&self, part: Part) -> bool {
        self.wanted[part as usize]
    }

    #[inline]
    fn push(&mut self, part: Part, key: u64) {
        self.keys[part as usize].push(key);
    }
}

/// The features of a configuration: Zhang and Nivre's (2011) rich
/// templates, adapted to arc-hybrid (the two decisions join the stack top
/// to the buffer's first word or to the word below it). Training sums
/// their scores in this order, so it stays as the model was trained.
fn features(input: Input<'_>, state: &State, fs: &mut impl MoveFeatures) {
    use Part::{Buffer as B, Config as C, Stack as S, TopRight as R};
    let s0 = state.stack_at(0);
    let s1 = state.stack_at(1);
    let s2 = state.stack_at(2);
    let b0 = state.buffer_at(0);
    let b1 = state.buffer_at(1);
    let b2 = state.buffer_at(2);
    let a = |token| atoms(input, state, token);
    let (s0a, s1a, s2a, b0a, b1a, b2a) = (a(s0), a(s1), a(s2), a(b0), a(b1), a(b2));
    let s0l = child(&state.left1, s0);
    let s0l2 = child(&state.left2, s0);
    let s0r = child(&state.right1, s0);
    let s0r2 = child(&state.right2, s0);
    let s1l = child(&state.left1, s1);
    let s1r = child(&state.right1, s1);
    let s1r2 = child(&state.right2, s1);
    let b0l = child(&state.left1, b0);
    let b0l2 = child(&state.left2, b0);
    let (s0la, s0l2a, s0ra, s0r2a) = (a(s0l), a(s0l2), a(s0r), a(s0r2));
    let (s1la, s1ra, s1r2a, b0la, b0l2a) = (a(s1l), a(s1r), a(s1r2), a(b0l), a(b0l2));

    fs.add1(B, 0, 0);
    // Single words. Lookups of word features miss the caches (there are
    // millions), so lexical templates are the few that pay for themselves.
    for (p, t, x) in [(S, 1, s0a), (S, 4, s1a), (B, 7, b0a)] {
        fs.add1(p, t, x.word);
        fs.add1(p, t + 1, x.tag);
        fs.add2(p, t + 2, x.word, x.tag);
    }
    fs.add1(B, 10, b1a.word);
    fs.add1(B, 11, b1a.tag);
    fs.add1(B, 13, b2a.word);
    fs.add1(B, 14, b2a.tag);
    fs.add1(S, 16, s2a.tag);
    // Pairs: stack top with the buffer front, and with the word below it.
    for (p, t, x, y) in [(C, 20, s0a, b0a), (S, 30, s1a, s0a)] {
        fs.add4(p, t, x.word, x.tag, y.word, y.tag);
        fs.add3(p, t + 3, x.word, x.tag, y.tag);
        fs.add3(p, t + 4, x.tag, y.word, y.tag);
        fs.add2(p, t + 5, x.word, y.word);
        fs.add2(p, t + 6, x.tag, y.tag);
    }
    fs.add2(B, 40, b0a.tag, b1a.tag);
    fs.add2(C, 41, s1a.tag, b0a.tag);
    // Tag triples.
    fs.add3(B, 50, b0a.tag, b1a.tag, b2a.tag);
    fs.add3(C, 51, s0a.tag, b0a.tag, b1a.tag);
    fs.add3(C, 52, s1a.tag, s0a.tag, b0a.tag);
    fs.add3(S, 53, s2a.tag, s1a.tag, s0a.tag);
    fs.add3(C, 54, s0a.tag, s0la.tag, b0a.tag);
    fs.add3(C, 55, s0a.tag, s0ra.tag, b0a.tag);
    fs.add3(C, 56, s0a.tag, b0a.tag, b0la.tag);
    fs.add3(S, 57, s1a.tag, s1ra.tag, s0a.tag);
    fs.add3(S, 58, s1a.tag, s1la.tag, s0a.tag);
    fs.add3(S, 59, s1a.tag, s0a.tag, s0la.tag);
    fs.add3(R, 60, s1a.tag, s0a.tag, s0ra.tag);
    fs.add4(C, 61, s1a.tag, s0a.tag, b0a.tag, b1a.tag);
    // Distances.
    let d0 = distance(s0, b0);
    let d1 = distance(s1, s0);
    fs.add2(C, 71, s0a.tag, d0);
    fs.add2(C, 73, b0a.tag, d0);
    fs.add3(C, 74, s0a.word, b0a.word, d0);
    fs.add3(C, 75, s0a.tag, b0a.tag, d0);
    fs.add3(S, 76, s1a.tag, s0a.tag, d1);
    fs.add3(S, 77, s1a.word, s0a.word, d1);
    fs.add2(S, 79, s0a.tag, d1);
    // Valency.
    fs.add2(R, 81, s0a.tag, count_of(&state.n_right, s0));
    fs.add2(S, 83, s0a.tag, count_of(&state.n_left, s0));
    fs.add2(S, 85, s1a.tag, count_of(&state.n_right, s1));
    fs.add2(C, 87, b0a.tag, count_of(&state.n_left, b0));
    // Children: words of the nearest, tags and labels of the two nearest.
    for (p, t, x) in [(S, 90, s0la), (R, 93, s0ra), (S, 99, s1ra), (C, 102, b0la)] {
        fs.add1(p, t, x.word);
        fs.add1(p, t + 1, x.tag);
        fs.add1(p, t + 2, x.label);
    }
    for (p, t, x) in [
        (S, 96, s1la),
        (S, 105, s0l2a),
        (R, 108, s0r2a),
        (C, 111, b0l2a),
        (S, 114, s1r2a),
    ] {
        fs.add1(p, t + 1, x.tag);
        fs.add1(p, t + 2, x.label);
    }
    fs.add3(S, 120, s0a.tag, s0la.tag, s0l2a.tag);
    fs.add3(R, 121, s0a.tag, s0ra.tag, s0r2a.tag);
    fs.add3(C, 122, b0a.tag, b0la.tag, b0l2a.tag);
    fs.add3(S, 123, s1a.tag, s1ra.tag, s1r2a.tag);
    fs.add3(R, 124, s0a.tag, s0la.label, s0ra.label);
    fs.add3(S, 125, s1a.tag, s1ra.label, s0a.tag);
    // Label sets.
    fs.add2(R, 131, s0a.tag, labels_of(&state.right_labels, s0));
    fs.add2(S, 133, s0a.tag, labels_of(&state.left_labels, s0));
    fs.add2(C, 135, b0a.tag, labels_of(&state.left_labels, b0));
    let s1_rset = labels_of(&state.right_labels, s1);
    fs.add2(S, 136, s1a.tag, s1_rset);
    fs.add3(S, 137, s1a.tag, s1_rset, s0a.tag);
    // Lexical context around the stack top and the buffer front.
    let before = |token: u32| {
        if token == NONE || token == 0 || token as usize > state.n {
            NONE
        } else {
            token - 1
        }
    };
    let after = |token: u32| {
        if token == NONE || token as usize >= state.n {
            NONE
        } else {
            token + 1
        }
    };
    let s0_next = a(after(s0));
    let s0_prev = a(before(s0));
    let b0_prev = a(before(b0));
    fs.add3(C, 140, s0a.tag, s0_next.tag, b0a.tag);
    fs.add3(C, 141, s0a.tag, s0_prev.tag, b0a.tag);
    fs.add3(C, 142, s0a.tag, b0_prev.tag, b0a.tag);
    fs.add2(S, 143, s0_next.word, s0a.tag);
    fs.add2(B, 144, b0_prev.word, b0a.tag);
    fs.add2(S, 145, input_last_part(input, s0), s0a.tag);
    fs.add2(B, 146, input_last_part(input, b0), b0a.tag);
    // Punctuation between the candidates for an arc.
    let p0 = state.punct_between(s0, b0);
    let p1 = state.punct_between(s1, s0);
    fs.add3(C, 150, s0a.tag, b0a.tag, p0);
    fs.add3(S, 151, s1a.tag, s0a.tag, p1);
    fs.add4(C, 152, s0a.tag, b0a.tag, p0, d0);
    fs.add4(S, 153, s1a.tag, s0a.tag, p1, d1);
    // Lexical valency: how many dependents a given word already has.
    fs.add2(R, 160, s0a.word, count_of(&state.n_right, s0));
    fs.add2(S, 161, s0a.word, count_of(&state.n_left, s0));
    fs.add2(C, 162, b0a.word, count_of(&state.n_left, b0));
    fs.add2(S, 163, s1a.word, count_of(&state.n_right, s1));
}

/// The features of labelling the arc from `head` to `dependent`: both
/// words, the direction and distance, the dependent's children (all
/// attached by now; the first on the left is often its preposition or
/// marker) and the head's children so far.
fn label_features(input: Input<'_>, state: &State, head: u32, dependent: u32, fs: &mut FeatureSet) {
    let a = |token| atoms(input, state, token);
    let (h, d) = (a(head), a(dependent));
    let direction = u64::from(dependent < head);
    let span = distance(head, dependent);
    let d_left = child(&state.left1, dependent);
    let d_left2 = child(&state.left2, dependent);
    let d_right = child(&state.right1, dependent);
    let (dl, dl2, dr) = (a(d_left), a(d_left2), a(d_right));
    let h_left = a(child(&state.left1, head));
    let h_right = a(child(&state.right1, head));
    let d_prev = a(if dependent == 0 { NONE } else { dependent - 1 });
    let d_next = a(if dependent as usize + 1 >= state.n {
        NONE
    } else {
        dependent + 1
    });
    fs.add1(200, 0);
    fs.add1(201, d.word);
    fs.add1(202, d.tag);
    fs.add2(203, d.word, d.tag);
    fs.add1(204, h.word);
    fs.add1(205, h.tag);
    fs.add2(206, h.word, h.tag);
    fs.add3(207, d.tag, h.tag, direction);
    fs.add3(208, d.word, h.tag, direction);
    fs.add3(209, d.tag, h.word, direction);
    fs.add3(210, d.word, h.word, direction);
    fs.add4(211, d.tag, h.tag, direction, span);
    fs.add3(212, d.tag, dl.label, dl.word);
    fs.add3(213, d.tag, dl.word, h.tag);
    fs.add3(214, d.tag, dr.label, h.tag);
    fs.add3(215, d.tag, dl2.label, dl.label);
    fs.add3(
        216,
        d.tag,
        labels_of(&state.left_labels, dependent),
        direction,
    );
    fs.add3(
        217,
        d.tag,
        labels_of(&state.right_labels, dependent),
        direction,
    );
    fs.add4(218, d.tag, h.tag, h_left.label, direction);
    fs.add4(219, d.tag, h.tag, h_right.label, direction);
    fs.add3(220, d.tag, d_prev.tag, h.tag);
    fs.add3(221, d.tag, d_next.tag, h.tag);
    fs.add2(222, d_prev.word, d.tag);
    fs.add3(223, dl.word, d.word, h.tag);
    fs.add3(
        224,
        d.tag,
        count_of(&state.n_left, dependent),
        count_of(&state.n_right, dependent),
    );
    fs.add3(225, input_last_part(input, dependent), d.tag, h.tag);
    fs.add3(226, h.word, dl.word, d.tag);
    // What the head already has: a passive auxiliary or a subject on its
    // left, an object on its right.
    fs.add3(227, d.tag, labels_of(&state.left_labels, head), direction);
    fs.add3(228, d.tag, labels_of(&state.right_labels, head), direction);
    fs.add4(
        229,
        d.tag,
        h.tag,
        state.punct_between(head, dependent),
        direction,
    );
}

fn input_last_part(input: Input<'_>, token: u32) -> u64 {
    input
        .words
        .get(token as usize)
        .map_or(0, |word| word.last_part)
}

/// A training sentence for the parser: words, tags, gold heads (`n` for
/// the root) and label classes.
#[derive(Clone, Debug)]
pub(crate) struct ParseExample {
    pub words: Vec<WordAtoms>,
    pub tags: Vec<u16>,
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
}

/// Trains a parser on `examples`.
pub(crate) fn train(
    examples: &[ParseExample],
    n_labels: usize,
    root_label: u8,
    config: &ParserConfig,
    progress: &mut dyn FnMut(usize),
) -> Parser {
    // The dynamic oracle is exact only for projective trees, and
    // arc-hybrid builds nothing else: train on the projective trees nearest
    // to the gold ones (2% of EWT's sentences have a crossing arc).
    let examples: Vec<ParseExample> = examples
        .iter()
        .map(|example| {
            let mut example = example.clone();
            projectivize(&mut example.heads);
            example
        })
        .collect();
    let new_session = || Session {
        moves: Trainer::new(N_MOVES),
        labels: Trainer::new(n_labels),
        root_label,
        state: State::default(),
        features: FeatureSet::default(),
        scores: Vec::new(),
        children: Vec::new(),
    };
    // Member 0 runs here and reports progress; the others run beside it.
    let sessions: Vec<Session> = std::thread::scope(|scope| {
        let others: Vec<_> = (1..config.ensemble.max(1))
            .map(|member| {
                let seed = config.seed ^ (member as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                let (examples, new_session) = (&examples, &new_session);
                scope.spawn(move || {
                    let mut session = new_session();
                    session.run(examples, config, seed, &mut |_| {});
                    session
                })
            })
            .collect();
        let mut first = new_session();
        first.run(&examples, config, config.seed, progress);
        std::iter::once(first)
            .chain(others.into_iter().map(|other| {
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            }))
            .collect()
    });
    let (moves, labels): (Vec<Trainer>, Vec<Trainer>) = sessions
        .into_iter()
        .map(|session| (session.moves, session.labels))
        .unzip();
    Parser {
        moves: perceptron::mix(&moves, config.min_weight),
        labels: perceptron::mix(&labels, config.min_weight),
        root_label,
    }
}

/// Lifts crossing arcs (heads indexed by word, `heads.len()` = the root)
/// until the tree is projective: each round, the shortest crossing arc's
/// dependent moves up to its head's head, keeping its label (Nivre and
/// Nilsson 2005, without encoding the lift in the label).
fn projectivize(heads: &mut [u32]) {
    // A tree needs fewer lifts than this; a malformed one (a cycle) stops.
    for _ in 0..heads.len() * heads.len() {
        let Some(dependent) = shortest_crossing_arc(heads) else {
            return;
        };
        let head = heads[dependent] as usize;
        heads[dependent] = heads[head];
    }
}

/// The dependent of the shortest arc that some word between its ends does
/// not descend from the head, if any (never an arc from the root).
fn shortest_crossing_arc(heads: &[u32]) -> Option<usize> {
    let n = heads.len();
    let descends = |mut word: usize, head: usize| {
        // Walk up at most n steps (a malformed tree must not loop forever).
        for _ in 0..=n {
            if word == head {
                return true;
            }
            if word >= n {
                return false;
            }
            word = heads[word] as usize;
        }
        false
    };
    (0..n)
        .filter(|&dependent| (heads[dependent] as usize) < n)
        .filter(|&dependent| {
            let head = heads[dependent] as usize;
            let (lo, hi) = (dependent.min(head), dependent.max(head));
            (lo + 1..hi).any(|word| !descends(word, head))
        })
        .min_by_key(|&dependent| (dependent.abs_diff(heads[dependent] as usize), dependent))
}

/// The learners and their buffers.
struct Session {
    moves: Trainer,
    labels: Trainer,
    root_label: u8,
    state: State,
    features: FeatureSet,
    scores: Vec<f32>,
    /// Gold children of each word.
    children: Vec<Vec<u32>>,
}

impl Session {
    /// All epochs over `examples`, in an order and with exploration drawn
    /// from `seed`.
    fn run(
        &mut self,
        examples: &[ParseExample],
        config: &ParserConfig,
        seed: u64,
        progress: &mut dyn FnMut(usize),
    ) {
        let mut rng = Rng::new(seed);
        let mut order: Vec<usize> = (0..examples.len()).collect();
        for epoch in 0..config.epochs {
            rng.shuffle(&mut order);
            let explore = if epoch == 0 { 0.0 } else { config.explore };
            for &example_idx in &order {
                self.learn(&examples[example_idx], &mut rng, explore);
            }
            progress(epoch + 1);
        }
    }

    fn learn(&mut self, example: &ParseExample, rng: &mut Rng, explore: f64) {
        let n = example.words.len();
        self.children.iter_mut().for_each(Vec::clear);
        self.children.resize(n + 1, Vec::new());
        for (dependent, &head) in example.heads.iter().enumerate() {
            self.children[head as usize].push(dependent as u32);
        }
        let input = Input {
            words: &example.words,
            tags: &example.tags,
        };
        self.state.start(n);
        self.state.count_punctuation(&example.words);
        while !self.state.is_final() {
            self.features.clear();
            features(input, &self.state, &mut self.features);
            self.moves.score(&self.features.keys, &mut self.scores);
            let costs = move_costs(&self.state, example, &self.children);
            let costs = [costs.shift, costs.left, costs.right];
            let legal: Vec<usize> = (0..N_MOVES).filter(|&c| is_legal(&self.state, c)).collect();
            let best_by_score = |candidates: &mut dyn Iterator<Item = usize>| {
                candidates.fold(None, |best: Option<usize>, class| match best {
                    Some(b) if self.scores[b] >= self.scores[class] => Some(b),
                    _ => Some(class),
                })
            };
            let Some(guess) = best_by_score(&mut legal.iter().copied()) else {
                break;
            };
            let min_cost = legal.iter().map(|&c| costs[c]).min().unwrap_or(0);
            let Some(best_gold) =
                best_by_score(&mut legal.iter().copied().filter(|&c| costs[c] == min_cost))
            else {
                break;
            };
            if costs[guess] > min_cost {
                self.moves.update(&self.features.keys, best_gold, guess);
            }
            self.moves.tick();
            let follow_guess = costs[guess] == min_cost || rng.next_f64() < explore;
            let next = if follow_guess { guess } else { best_gold };
            let label = self.learn_label(input, example, next);
            apply(&mut self.state, next, label);
        }
    }

    /// Labels the arc `class` makes (learning from it when it is a gold
    /// arc); 0 for moves that make none.
    fn learn_label(&mut self, input: Input<'_>, example: &ParseExample, class: usize) -> u8 {
        let Some((head, dependent)) = arc_of(&self.state, class) else {
            return 0;
        };
        let from_root = head as usize == self.state.n;
        self.features.clear();
        label_features(input, &self.state, head, dependent, &mut self.features);
        self.labels.score(&self.features.keys, &mut self.scores);
        let guess = best_label(&self.scores, self.root_label, from_root);
        if example.heads[dependent as usize] != head {
            return guess;
        }
        let gold = example.labels[dependent as usize];
        self.labels
            .update(&self.features.keys, usize::from(gold), usize::from(guess));
        self.labels.tick();
        gold
    }
}

/// Gold arcs each move makes unreachable (the dynamic oracle of arc-hybrid).
#[derive(Clone, Copy, Debug)]
struct MoveCosts {
    shift: u32,
    left: u32,
    right: u32,
}

fn move_costs(state: &State, example: &ParseExample, children: &[Vec<u32>]) -> MoveCosts {
    let s0 = state.stack_at(0);
    let s1 = state.stack_at(1);
    let b = state.buffer;
    let in_buffer = |token: u32| token != NONE && token >= b;
    let mut costs = MoveCosts {
        shift: 0,
        left: 0,
        right: 0,
    };
    if s0 != NONE {
        let gold_head = example.heads[s0 as usize];
        let lost_children = children[s0 as usize]
            .iter()
            .filter(|&&child| in_buffer(child))
            .count() as u32;
        // LEFT: s0 can no longer take its head from s1 or the buffer past b0,
        // nor dependents from the buffer.
        let head_lost = gold_head != b && (gold_head == s1 || (in_buffer(gold_head)));
        costs.left = lost_children + u32::from(head_lost);
        // RIGHT: s0 can no longer take its head or dependents from the buffer.
        costs.right = lost_children + u32::from(in_buffer(gold_head));
    }
    if (b as usize) < state.n {
        // SHIFT: b0 can no longer take its head from below the stack top,
        // nor dependents from the stack.
        let gold_head = example.heads[b as usize];
        let below_top = &state.stack[..state.stack.len().saturating_sub(1)];
        let head_lost = below_top.contains(&gold_head);
        let lost_children = state
            .stack
            .iter()
            .filter(|&&token| example.heads[token as usize] == b)
            .count() as u32;
        costs.shift = lost_children + u32::from(head_lost);
    }
    costs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "They saw dogs ." with heads saw, root, saw, saw.
    fn example() -> ParseExample {
        let words: Vec<WordAtoms> = ["They", "saw", "dogs", "."]
            .iter()
            .map(|w| WordAtoms::new(w))
            .collect();
        ParseExample {
            words,
            tags: vec![0, 1, 2, 3],
            heads: vec![1, 4, 1, 1],
            labels: vec![1, 0, 2, 3],
        }
    }

    #[test]
    fn the_oracle_alone_rebuilds_the_gold_tree() {
        let example = example();
        let mut state = State::default();
        state.start(4);
        let mut children = vec![Vec::new(); 5];
        for (d, &h) in example.heads.iter().enumerate() {
            children[h as usize].push(d as u32);
        }
        while !state.is_final() {
            let costs = move_costs(&state, &example, &children);
            let costs = [costs.shift, costs.left, costs.right];
            let class = (0..N_MOVES)
                .filter(|&class| is_legal(&state, class))
                .min_by_key(|&class| costs[class])
                .unwrap();
            assert_eq!(costs[class], 0);
            let label = arc_of(&state, class).map_or(0, |(_, d)| example.labels[d as usize]);
            apply(&mut state, class, label);
        }
        assert_eq!(state.heads, example.heads);
        assert_eq!(state.labels, example.labels);
    }

    /// The parts of the move features that parsing caches are the same at
    /// every configuration with the same buffer position or stack top, and
    /// the parts together are the features, so the cached scores are
    /// exactly the full ones (the built-in model on the news fixture).
    #[test]
    fn cached_parts_are_those_of_every_configuration() {
        let model = crate::Model::builtin();
        let parser = &model.parts.parser;
        let text = include_str!("../tests/fixtures/news.conllu");
        let (sentences, _) = crate::conllu::read("news.conllu", text);
        let (mut tags, mut label_scores) = (Vec::new(), Vec::new());
        let (mut flat, mut label_features) = (FeatureSet::default(), FeatureSet::default());
        let (mut state, mut parts) = (State::default(), PartScores::default());
        let mut n_configurations = 0;
        for sentence in &sentences {
            let words: Vec<WordAtoms> = sentence
                .words()
                .map(|word| WordAtoms::new(&word.form))
                .collect();
            let mut tag_scratch = crate::tagger::TagScratch::default();
            model.parts.tagger.tag(&words, &mut tag_scratch, &mut tags);
            let input = Input {
                words: &words,
                tags: &tags,
            };
            state.start(words.len());
            state.count_punctuation(&words);
            parts.start(words.len());
            let mut seen: [std::collections::HashMap<u64, Vec<u64>>; 3] = Default::default();
            while !state.is_final() {
                let mut parted = PartedFeatures::default();
                parted.start(true, true, true);
                features(input, &state, &mut parted);
                let top = state.stack_at(0);
                let right = child(&state.right1, top);
                for (part, position) in [
                    (Part::Buffer, u64::from(state.buffer)),
                    (Part::Stack, u64::from(top)),
                    (Part::TopRight, u64::from(top) << 32 | u64::from(right)),
                ] {
                    let keys = &parted.keys[part as usize];
                    let first = seen[part as usize].entry(position).or_insert(keys.clone());
                    assert_eq!(first, keys, "{part:?} at {position}");
                }
                flat.clear();
                features(input, &state, &mut flat);
                let mut joined = parted.keys.concat();
                joined.sort_unstable();
                let mut all = flat.keys.clone();
                all.sort_unstable();
                assert_eq!(joined, all);
                let mut full = [0; N_MOVES];
                parser.moves.score(&flat.keys, &mut full);
                assert_eq!(parser.move_scores(input, &state, &mut parts), full);

                let class = parser.best_move(input, &state, &mut parts).unwrap();
                let label = arc_of(&state, class).map_or(0, |arc| {
                    parser.label(input, &state, arc, &mut label_features, &mut label_scores)
                });
                apply(&mut state, class, label);
                n_configurations += 1;
            }
        }
        assert!(n_configurations > 300, "{n_configurations}");
    }

    #[test]
    fn crossing_arcs_are_lifted() {
        // Word 2 hangs from word 4 across word 3, which hangs from word 1:
        // it moves up to word 1.
        let mut heads = vec![1, 5, 4, 1, 1];
        projectivize(&mut heads);
        assert_eq!(heads, vec![1, 5, 1, 1, 1]);
        let mut projective = vec![1, 5, 1, 1];
        projectivize(&mut projective);
        assert_eq!(projective, vec![1, 5, 1, 1]);
    }

    #[test]
    fn training_learns_a_tiny_treebank() {
        let example = example();
        let config = ParserConfig {
            epochs: 10,
            seed: 7,
            min_weight: 0.0,
            explore: 0.9,
            ensemble: 2,
        };
        let parser = train(std::slice::from_ref(&example), 4, 0, &config, &mut |_| {});
        let mut arcs = Arcs::default();
        parser.parse(
            Input {
                words: &example.words,
                tags: &example.tags,
            },
            &mut ParseScratch::default(),
            &mut arcs,
        );
        assert_eq!(arcs.heads, example.heads);
        assert_eq!(arcs.labels, example.labels);
    }
}
