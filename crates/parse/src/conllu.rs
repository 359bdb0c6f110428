//! CoNLL-U, the Universal Dependencies file format: reading treebanks (to
//! train and score) and already tokenised input (to parse, keeping its
//! tokens and ids), and writing parses.
//!
//! A sentence is a block of lines ended by a blank line: `#` comments, then
//! one line per word with ten tab-separated columns (ID FORM LEMMA UPOS XPOS
//! FEATS HEAD DEPREL DEPS MISC). Multiword-token ranges (`3-4 don't`) and
//! empty nodes (`5.1`) are kept as written and not parsed.
//!
//! Reading never stops at a bad line: a sentence with a problem is reported
//! (`file:line: message`) and skipped, and the rest of the file is read.
//!
//! ```
//! use dateline_parse::conllu;
//!
//! let text = "# text = Hi.\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";
//! let (sentences, problems) = conllu::read("hi.conllu", text);
//! assert!(problems.is_empty());
//! let words: Vec<&str> = sentences[0].words().map(|w| w.form.as_str()).collect();
//! assert_eq!(words, ["Hi", "."]);
//! assert_eq!(sentences[0].words().nth(1).unwrap().head, Some(1));
//! ```

use std::fmt;
use std::ops::Range;

/// One sentence of a CoNLL-U file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines, without the leading `#` kept (they are written back as read).
    pub comments: Vec<String>,
    /// Word, multiword-token and empty-node lines in file order.
    pub lines: Vec<Line>,
    /// 1-based line number of the sentence's first line.
    pub line_number: usize,
}

/// A token line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    Word(Word),
    /// A multiword token (`3-4 don't`), as written.
    Range(String),
    /// An empty node (`5.1`), as written.
    Empty(String),
}

/// A syntactic word: the ten columns, with ID and HEAD read as numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// 1-based position in the sentence.
    pub id: u32,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// The head's id (0 for the root); `None` when the column is `_`.
    pub head: Option<u32>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// A problem in a CoNLL-U file; the sentence holding it was skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConlluError {
    pub source: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ConlluError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.source, self.line, self.message)
    }
}

impl std::error::Error for ConlluError {}

impl Sentence {
    /// The syntactic words, without ranges and empty nodes.
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.lines.iter().filter_map(|line| match line {
            Line::Word(word) => Some(word),
            _ => None,
        })
    }

    pub fn words_mut(&mut self) -> impl Iterator<Item = &mut Word> {
        self.lines.iter_mut().filter_map(|line| match line {
            Line::Word(word) => Some(word),
            _ => None,
        })
    }

    pub fn n_words(&self) -> usize {
        self.words().count()
    }

    /// The sentence with each run of words in `runs` (0-based word index
    /// ranges, ascending, not overlapping) written as one word, as a
    /// tokeniser that keeps "long-term" whole would give it: the forms
    /// joined, the tags, head and relation of the run's own head word
    /// (the one attached outside the run), and every word attached to the
    /// run attached to the new word. Multiword-token and empty-node lines
    /// are dropped (they would no longer match the words).
    pub fn merge_words(&self, runs: &[Range<usize>]) -> Sentence {
        let words: Vec<&Word> = self.words().collect();
        // New 1-based id of each old word (0 stays the root).
        let mut new_id = vec![0u32; words.len() + 1];
        let mut runs_iter = runs.iter().peekable();
        let mut next_id = 0;
        let mut idx = 0;
        let mut groups: Vec<Range<usize>> = Vec::new();
        while idx < words.len() {
            let run = match runs_iter.peek() {
                Some(run) if run.start == idx && run.end > idx && run.end <= words.len() => {
                    runs_iter.next().cloned().unwrap_or(idx..idx + 1)
                }
                Some(run) if run.start < idx => {
                    runs_iter.next();
                    continue;
                }
                _ => idx..idx + 1,
            };
            next_id += 1;
            for old in run.clone() {
                new_id[old + 1] = next_id;
            }
            idx = run.end;
            groups.push(run);
        }
        let lines = groups
            .iter()
            .map(|group| {
                let inside = |id: u32| id as usize > group.start && id as usize <= group.end;
                let head_word = group
                    .clone()
                    .map(|old| words[old])
                    .find(|word| !word.head.is_some_and(inside))
                    .unwrap_or(words[group.start]);
                let form: String = group.clone().map(|old| words[old].form.as_str()).collect();
                let lemma: String = group.clone().map(|old| words[old].lemma.as_str()).collect();
                let last = words[group.end - 1];
                Line::Word(Word {
                    id: new_id[group.start + 1],
                    form,
                    lemma,
                    upos: head_word.upos.clone(),
                    xpos: head_word.xpos.clone(),
                    feats: head_word.feats.clone(),
                    head: head_word.head.map(|head| new_id[head as usize]),
                    deprel: head_word.deprel.clone(),
                    deps: String::new(),
                    misc: last.misc.clone(),
                })
            })
            .collect();
        Sentence {
            comments: self.comments.clone(),
            lines,
            line_number: self.line_number,
        }
    }

    /// Writes the sentence in CoNLL-U, ending with its blank line.
    pub fn write(&self, out: &mut String) {
        for comment in &self.comments {
            out.push('#');
            out.push_str(comment);
            out.push('\n');
        }
        for line in &self.lines {
            match line {
                Line::Word(word) => word.write(out),
                Line::Range(raw) | Line::Empty(raw) => out.push_str(raw),
            }
            out.push('\n');
        }
        out.push('\n');
    }
}

impl Word {
    fn write(&self, out: &mut String) {
        let head = self.head.map_or("_".to_string(), |head| head.to_string());
        let columns = [
            self.id.to_string().as_str(),
            column(&self.form),
            column(&self.lemma),
            column(&self.upos),
            column(&self.xpos),
            column(&self.feats),
            head.as_str(),
            column(&self.deprel),
            column(&self.deps),
            column(&self.misc),
        ]
        .map(String::from);
        out.push_str(&columns.join("\t"));
    }
}

/// A column's text: `_` when empty.
fn column(text: &str) -> &str {
    if text.is_empty() { "_" } else { text }
}

/// Reads every sentence of a CoNLL-U text; `source` names it in problems.
pub fn read(source: &str, text: &str) -> (Vec<Sentence>, Vec<ConlluError>) {
    let mut reader = Reader {
        source,
        sentences: Vec::new(),
        problems: Vec::new(),
        current: None,
        broken: false,
    };
    for (idx, line) in text.lines().enumerate() {
        reader.line(idx + 1, line.strip_suffix('\r').unwrap_or(line));
    }
    reader.end_sentence(text.lines().count() + 1);
    (reader.sentences, reader.problems)
}

struct Reader<'a> {
    source: &'a str,
    sentences: Vec<Sentence>,
    problems: Vec<ConlluError>,
    current: Option<Sentence>,
    /// The current sentence had a problem and will be skipped.
    broken: bool,
}

impl Reader<'_> {
    fn line(&mut self, line_number: usize, line: &str) {
        if line.trim().is_empty() {
            self.end_sentence(line_number);
            return;
        }
        let sentence = self.current.get_or_insert_with(|| Sentence {
            comments: Vec::new(),
            lines: Vec::new(),
            line_number,
        });
        if let Some(comment) = line.strip_prefix('#') {
            sentence.comments.push(comment.to_string());
            return;
        }
        if self.broken {
            return;
        }
        match parse_line(line) {
            Ok(parsed) => sentence.lines.push(parsed),
            Err(message) => self.problem(line_number, message),
        }
    }

    fn problem(&mut self, line: usize, message: String) {
        self.problems.push(ConlluError {
            source: self.source.to_string(),
            line,
            message,
        });
        self.broken = true;
    }

    fn end_sentence(&mut self, line_number: usize) {
        let Some(sentence) = self.current.take() else {
            return;
        };
        let broken = std::mem::take(&mut self.broken);
        if broken {
            return;
        }
        if sentence.lines.is_empty() {
            // Comments alone (a file header, `# newdoc`) carry no sentence.
            return;
        }
        if let Err(message) = check_sentence(&sentence) {
            let line = sentence.line_number;
            self.problems.push(ConlluError {
                source: self.source.to_string(),
                line,
                message: format!("sentence ending at line {line_number}: {message}"),
            });
            return;
        }
        self.sentences.push(sentence);
    }
}

fn parse_line(line: &str) -> Result<Line, String> {
    let columns: Vec<&str> = line.split('\t').collect();
    if columns.len() != 10 {
        return Err(format!(
            "expected 10 tab-separated columns, found {}",
            columns.len()
        ));
    }
    let id = columns[0];
    if id.contains('-') {
        return Ok(Line::Range(line.to_string()));
    }
    if id.contains('.') {
        return Ok(Line::Empty(line.to_string()));
    }
    let id: u32 = id
        .parse()
        .map_err(|_| format!("bad word id {:?}", clip(id)))?;
    let head = match columns[6] {
        "_" => None,
        head => Some(
            head.parse()
                .map_err(|_| format!("bad head {:?}", clip(head)))?,
        ),
    };
    let text = |idx: usize| match columns[idx] {
        "_" if idx != 1 && idx != 2 => String::new(),
        value => value.to_string(),
    };
    Ok(Line::Word(Word {
        id,
        form: text(1),
        lemma: text(2),
        upos: text(3),
        xpos: text(4),
        feats: text(5),
        head,
        deprel: text(7),
        deps: text(8),
        misc: text(9),
    }))
}

/// Word ids run 1..=n and heads point inside the sentence.
fn check_sentence(sentence: &Sentence) -> Result<(), String> {
    let n_words = sentence.n_words() as u32;
    for (idx, word) in sentence.words().enumerate() {
        if word.id != idx as u32 + 1 {
            return Err(format!(
                "word id {} where {} was expected",
                word.id,
                idx + 1
            ));
        }
        if let Some(head) = word.head
            && (head > n_words || head == word.id)
        {
            return Err(format!("word {} has head {head}", word.id));
        }
    }
    Ok(())
}

fn clip(text: &str) -> String {
    text.chars().take(20).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "# sent_id = 1\n# text = They can't.\n1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_words_ranges_and_a_last_sentence_without_blank_line() {
        let (sentences, problems) = read("t.conllu", TWO);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].n_words(), 4);
        assert_eq!(sentences[0].lines.len(), 5);
        assert_eq!(
            sentences[0].comments,
            [" sent_id = 1", " text = They can't."]
        );
        assert_eq!(sentences[1].line_number, 9);
        let mut out = String::new();
        sentences[0].write(&mut out);
        assert_eq!(out, TWO.split("\n\n").next().unwrap().to_string() + "\n\n");
    }

    #[test]
    fn a_bad_line_skips_its_sentence_only() {
        let text = "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdog\n\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n1\tNo\tno\tINTJ\tUH\t_\t7\troot\t_\t_\n";
        let (sentences, problems) = read("bad.conllu", text);
        assert_eq!(sentences.len(), 1);
        assert_eq!(sentences[0].words().next().unwrap().form, "Yes");
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "bad.conllu:2: expected 10 tab-separated columns, found 2",
                "bad.conllu:6: sentence ending at line 7: word 1 has head 7",
            ]
        );
    }

    #[test]
    fn merging_a_compound_keeps_its_head_word_and_reattaches_the_rest() {
        // "a long - term deal": long <- term (amod? here compound), term <- deal.
        let text = "1\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n2\tlong\tlong\tADJ\tJJ\t_\t4\tamod\t_\tSpaceAfter=No\n3\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t_\tSpaceAfter=No\n4\tterm\tterm\tNOUN\tNN\t_\t5\tcompound\t_\t_\n5\tdeal\tdeal\tNOUN\tNN\t_\t0\troot\t_\t_\n";
        let (sentences, problems) = read("m", text);
        assert!(problems.is_empty());
        let runs: Vec<Range<usize>> = std::iter::once(1..4).collect();
        let merged = sentences[0].merge_words(&runs);
        let words: Vec<(u32, &str, &str, Option<u32>, &str)> = merged
            .words()
            .map(|w| {
                (
                    w.id,
                    w.form.as_str(),
                    w.xpos.as_str(),
                    w.head,
                    w.deprel.as_str(),
                )
            })
            .collect();
        assert_eq!(
            words,
            [
                (1, "a", "DT", Some(3), "det"),
                (2, "long-term", "NN", Some(3), "compound"),
                (3, "deal", "NN", Some(0), "root"),
            ]
        );
    }

    #[test]
    fn empty_and_comment_only_input_has_no_sentences() {
        assert_eq!(read("e", ""), (vec![], vec![]));
        assert_eq!(read("e", "# newdoc\n\n\n").0, vec![]);
    }
}
