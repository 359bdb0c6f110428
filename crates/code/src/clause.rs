//! Shallow clause structure: verb groups, their voice, polarity and
//! modality, and their subjects.
//!
//! No parse tree: part-of-speech tags, cue words and punctuation are enough
//! to find the subject of a verb in news prose (the noun phrase just before
//! its verb group, skipping appositives and relative clauses, or the subject
//! of a coordinated or governing verb).

use dateline_model::{ActorKind, Pos};

use crate::cues::Cue;
use crate::sentence::{PronounKind, Sentence};

/// A run of auxiliaries, adverbs and negation ending in a main verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbGroup {
    pub start: usize,
    /// The main (last) verb of the group.
    pub main: usize,
    pub end: usize,
    /// Carries tense (a modal, or a VBD/VBZ/VBP verb): a clause predicate.
    pub finite: bool,
    pub passive: bool,
    pub negated: bool,
    pub modal: Modal,
    /// Preceded by "to": an infinitive governed by an earlier verb.
    pub infinitive: bool,
    /// A gerund right after a preposition ("against escalating"): not a predicate.
    pub after_preposition: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Modal {
    #[default]
    None,
    Future,
    Hypothetical,
}

/// Who a verb group's subject is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// Actor mentions (a coordination group has several).
    Actors(Vec<u32>),
    /// Actors named after an agent ("the leaders of Japan and South
    /// Korea"), with the agent's role for bare countries.
    Members(Vec<u32>, String),
    /// A pronoun the coder must resolve.
    Pronoun { token: usize, kind: PronounKind },
    /// A noun phrase that names no actor ("The talks", "Officials").
    Other,
}

/// The verb groups of a sentence with their subjects and governors.
#[derive(Debug, Default)]
pub struct Clauses {
    pub groups: Vec<VerbGroup>,
    pub subjects: Vec<Subject>,
    /// For an infinitive or a coordinated verb, the group it depends on.
    pub governors: Vec<Option<usize>>,
    /// The group is a participle that took its subject from the clause
    /// (", killing 20 people"): it may only restate the main event.
    pub participles: Vec<bool>,
}

impl Clauses {
    pub fn analyse(sentence: &Sentence) -> Clauses {
        let groups = verb_groups(sentence);
        let mut clauses = Clauses {
            subjects: Vec::with_capacity(groups.len()),
            governors: Vec::with_capacity(groups.len()),
            participles: Vec::with_capacity(groups.len()),
            groups,
        };
        for group_idx in 0..clauses.groups.len() {
            let (subject, governor) = clauses.find_subject(sentence, group_idx);
            let participle = governor.is_some()
                && !clauses.groups[group_idx].infinitive
                && sentence.pos(clauses.groups[group_idx].main) == Some(Pos::Vbg);
            clauses.subjects.push(subject);
            clauses.governors.push(governor);
            clauses.participles.push(participle);
        }
        clauses
    }

    /// True for an auxiliary inside a verb group ("has" in "has held"): it
    /// is never the action.
    pub fn is_auxiliary(&self, token: usize) -> bool {
        self.groups
            .iter()
            .any(|group| (group.start..group.main).contains(&token))
    }

    /// The group whose main verb is `token`, if any.
    pub fn group_of(&self, token: usize) -> Option<usize> {
        self.groups.iter().position(|g| g.main == token)
    }

    fn find_subject(&self, sentence: &Sentence, group_idx: usize) -> (Subject, Option<usize>) {
        let group = &self.groups[group_idx];
        if group.infinitive
            && let Some(governor) = self.governing_group(sentence, group_idx)
        {
            return (self.subjects[governor].clone(), Some(governor));
        }
        if let Some(previous) = self.coordinated_with(sentence, group_idx) {
            return (self.subjects[previous].clone(), Some(previous));
        }
        let subject = subject_before(sentence, group.start);
        if self.is_object_of_earlier_verb(sentence, group_idx, &subject) {
            // "requested Trump declare a state of emergency", "demanded that
            // Russia withdraw": the actor is the object of the earlier verb
            // and the bare verb says what is asked of it, not what it did.
            return (Subject::Other, None);
        }
        if let Subject::Pronoun { token, kind } = subject
            && let Some(speaker) = self.speaker_of_complement(sentence, group_idx, token, kind)
        {
            // "Israel's military said it killed": the pronoun is the speaker.
            return (self.subjects[speaker].clone(), None);
        }
        if subject == Subject::Other
            && sentence.pos(group.main) == Some(Pos::Vbg)
            && !group.finite
            && !group.after_preposition
            && let Some(previous) = (0..group_idx).rev().find(|&g| self.groups[g].finite)
        {
            // ", halting the talks", "signed an order lifting sanctions",
            // "began delivering gas": the participle's subject is the clause's.
            return (self.subjects[previous].clone(), Some(previous));
        }
        (subject, None)
    }

    /// True when `group` is a bare verb (base form, no tense, no "to")
    /// whose subject noun phrase stands right after an earlier verb, or
    /// after "that" following it: a bare-infinitive or subjunctive
    /// complement ("let Russia use", "asked that Iran release").
    fn is_object_of_earlier_verb(
        &self,
        sentence: &Sentence,
        group_idx: usize,
        subject: &Subject,
    ) -> bool {
        let group = &self.groups[group_idx];
        // A present-tense tag is often a bare verb mis-tagged ("requested
        // Trump declare"); after a verb of saying it is a reported present
        // ("officials say Russian forces control the town").
        let present = sentence.pos(group.main) == Some(Pos::Vbp) && group.start == group.main;
        let bare = sentence.pos(group.main) == Some(Pos::Vb) && !group.finite;
        if group.infinitive || !(bare || present) {
            return false;
        }
        let first = match subject {
            Subject::Actors(mentions) | Subject::Members(mentions, _) => {
                sentence.mention_range(mentions[0]).start
            }
            Subject::Pronoun { token, .. } => *token,
            Subject::Other => return false,
        };
        let mut before = first;
        while before > 0
            && matches!(
                sentence.pos(before - 1),
                Some(Pos::Dt | Pos::Pdt | Pos::Jj | Pos::Cd | Pos::PrpPossessive)
            )
        {
            before -= 1;
        }
        let Some(mut before) = before.checked_sub(1) else {
            return false;
        };
        if sentence.is(before, Cue::Complementiser) {
            let Some(verb) = before.checked_sub(1) else {
                return false;
            };
            before = verb;
        }
        self.groups[..group_idx].iter().any(|earlier| {
            earlier.main == before
                && !is_aux(sentence, before)
                && !(present && sentence.is(before, Cue::Say))
        })
    }

    /// For a pronoun opening the complement of a verb of saying ("X said
    /// (that) it ..."), the saying group when its subject is an actor the
    /// pronoun can stand for.
    fn speaker_of_complement(
        &self,
        sentence: &Sentence,
        group_idx: usize,
        pronoun: usize,
        kind: PronounKind,
    ) -> Option<usize> {
        let say = group_idx.checked_sub(1)?;
        let say_group = &self.groups[say];
        if !sentence.is(say_group.main, Cue::Say) {
            return None;
        }
        let between = say_group.end..pronoun;
        let adjacent = between.is_empty()
            || (between.len() == 1 && sentence.is(between.start, Cue::Complementiser));
        let mentions = match &self.subjects[say] {
            Subject::Actors(mentions) | Subject::Members(mentions, _) if adjacent => mentions,
            _ => return None,
        };
        let fits = mentions.iter().all(|&m| {
            sentence.doc.mentions[m as usize]
                .actor
                .as_ref()
                .is_some_and(|actor| pronoun_fits(kind, actor.kind))
        });
        (fits && (kind == PronounKind::Plural || mentions.len() == 1)).then_some(say)
    }

    /// "plans to visit": the group ending just before "to".
    fn governing_group(&self, sentence: &Sentence, group_idx: usize) -> Option<usize> {
        let to_idx = skip_adverbs_left(sentence, self.groups[group_idx].start)?;
        let before_to = skip_time_phrase_left(sentence, skip_adverbs_left(sentence, to_idx)?);
        (0..group_idx)
            .rev()
            .find(|&g| self.groups[g].end == before_to + 1)
            .or_else(|| {
                // "is set to", "is expected to": an adjective-like word before "to".
                let word = before_to;
                sentence
                    .is(word, Cue::IntentBe)
                    .then(|| (0..group_idx).rev().find(|&g| self.groups[g].end == word))?
            })
    }

    /// "Trump advised Putin ... and reminded him": a verb right after a
    /// coordinating word shares the subject of the last finite verb.
    fn coordinated_with(&self, sentence: &Sentence, group_idx: usize) -> Option<usize> {
        let before = skip_adverbs_left(sentence, self.groups[group_idx].start)?;
        let coordinated = sentence.is(before, Cue::Coordination);
        if !coordinated {
            return None;
        }
        (0..group_idx)
            .rev()
            .find(|&g| self.groups[g].finite && !self.groups[g].after_preposition)
    }
}

/// Whether a pronoun can stand for an actor of this kind ("it" for a
/// country, an organisation or an agent such as "the military").
fn pronoun_fits(kind: PronounKind, actor: ActorKind) -> bool {
    match kind {
        PronounKind::Person => matches!(actor, ActorKind::Person | ActorKind::Agent),
        PronounKind::Thing | PronounKind::Plural => actor != ActorKind::Person,
    }
}

/// "agreed on Tuesday to resume": moves left over a time phrase ending at
/// `idx` to the word before it.
pub(crate) fn skip_time_phrase_left(sentence: &Sentence, idx: usize) -> usize {
    let mut start = idx;
    while start > 0 && idx - start < 3 && sentence.is(start, Cue::TimePhrase) {
        start -= 1;
    }
    if start < idx && sentence.is(idx, Cue::TimePhrase) {
        start
    } else {
        idx
    }
}

/// The index of the token left of `idx` after skipping adverbs.
fn skip_adverbs_left(sentence: &Sentence, idx: usize) -> Option<usize> {
    let mut idx = idx.checked_sub(1)?;
    while matches!(sentence.pos(idx), Some(Pos::Rb | Pos::Rbr | Pos::Rbs))
        && !sentence.is(idx, Cue::Negation)
    {
        idx = idx.checked_sub(1)?;
    }
    Some(idx)
}

/// Auxiliary verb forms that may precede a main verb in one group.
fn is_aux(sentence: &Sentence, idx: usize) -> bool {
    sentence.is(idx, Cue::BeForm) || sentence.is(idx, Cue::AuxForm)
}

/// Groups verbs with their auxiliaries, adverbs and negation.
fn verb_groups(sentence: &Sentence) -> Vec<VerbGroup> {
    let mut groups = Vec::new();
    let mut idx = 0;
    while idx < sentence.len() {
        if !starts_group(sentence, idx) {
            idx += 1;
            continue;
        }
        let start = idx;
        let mut main = None;
        let mut end = idx;
        while end < sentence.len() && continues_group(sentence, end, main) {
            if sentence.is_verb(end) || is_aux(sentence, end) {
                main = Some(end);
            }
            end += 1;
        }
        let Some(main) = main else {
            idx = end.max(idx + 1);
            continue;
        };
        groups.push(describe_group(sentence, start, main));
        idx = main + 1;
    }
    groups
}

fn starts_group(sentence: &Sentence, idx: usize) -> bool {
    matches!(sentence.pos(idx), Some(Pos::Md))
        || sentence.is_verb(idx) && sentence.actor_at(idx).is_none()
}

/// Inside a group: more auxiliaries or verbs (until a main verb that is not
/// an auxiliary), adverbs and negation.
fn continues_group(sentence: &Sentence, idx: usize, main: Option<usize>) -> bool {
    if sentence.actor_at(idx).is_some() {
        return false;
    }
    let main_is_aux = main.is_none_or(|m| is_aux(sentence, m) || sentence.pos(m) == Some(Pos::Md));
    match sentence.pos(idx) {
        Some(Pos::Md) => main.is_none(),
        Some(pos) if pos.is_verb() => main_is_aux,
        Some(Pos::Rb | Pos::Rbr | Pos::Rbs) => main_is_aux,
        _ => sentence.is(idx, Cue::Negation) && main_is_aux,
    }
}

fn describe_group(sentence: &Sentence, start: usize, main: usize) -> VerbGroup {
    let tokens = start..=main;
    let has = |cue: Cue| tokens.clone().any(|idx| sentence.is(idx, cue));
    let negated = has(Cue::Negation);
    let modal = if has(Cue::Hypothetical) {
        Modal::Hypothetical
    } else if has(Cue::Future) {
        Modal::Future
    } else {
        Modal::None
    };
    let be_before_main = (start..main).any(|idx| sentence.is(idx, Cue::BeForm));
    let passive = sentence.pos(main) == Some(Pos::Vbn) && be_before_main;
    let finite = tokens.clone().any(|idx| {
        matches!(
            sentence.pos(idx),
            Some(Pos::Md | Pos::Vbd | Pos::Vbz | Pos::Vbp)
        )
    });
    let before = skip_adverbs_left(sentence, start);
    let infinitive = before.is_some_and(|idx| {
        sentence.is(idx, Cue::To) && sentence.pos(idx) != Some(Pos::In)
            || sentence.pos(idx) == Some(Pos::To)
    });
    let after_preposition = sentence.pos(main) == Some(Pos::Vbg)
        && start == main
        && before.is_some_and(|idx| sentence.pos(idx) == Some(Pos::In));
    VerbGroup {
        start,
        main,
        end: main + 1,
        finite,
        passive,
        negated,
        modal,
        infinitive,
        after_preposition,
    }
}

/// Finds the subject left of a verb group starting at `start`.
pub fn subject_before(sentence: &Sentence, start: usize) -> Subject {
    let Some(first) = skip_adverbs_left(sentence, start) else {
        return Subject::Other;
    };
    // "Pakistan on Thursday denied": a time phrase between subject and verb.
    let first = match skip_time_phrase_left(sentence, first) {
        skipped if skipped < first && sentence.is(skipped + 1, Cue::DatePreposition) => skipped,
        _ => first,
    };
    if sentence.is(first, Cue::Relative) {
        return antecedent_of(sentence, first);
    }
    let mut appositive = None;
    let mut region_end = first + 1;
    if sentence.form(first) == "," {
        // "Putin, who arrived on Monday, met": skip the inserted clause.
        match parenthetical_before(sentence, first) {
            Some(open) => {
                appositive = Some(open + 1..first);
                region_end = open;
            }
            None => return Subject::Other,
        }
    }
    let region = noun_phrase_before(sentence, region_end);
    if let Some(subject) = choose_actor(sentence, region.clone()) {
        // "Britain, as well as the European Union, imposed": the insertion
        // adds actors to the subject.
        if let (Subject::Actors(mut actors), Some(inserted)) = (subject.clone(), appositive)
            && inserted.len() > 3
            && Cue::SubjectJoin
                .phrase_len(|offset| {
                    let idx = inserted.start + offset;
                    (idx < inserted.end).then(|| sentence.form(idx))
                })
                .is_some()
            && let Some(Subject::Actors(more)) = choose_actor(sentence, inserted)
        {
            actors.extend(more);
            return Subject::Actors(actors);
        }
        return subject;
    }
    if let Some(appositive) = appositive
        && let Some(subject) = choose_actor(sentence, appositive)
    {
        return subject;
    }
    // "Protesters in Belgrade demanded", "Police in Nairobi fired", "The
    // Russian strike on Kyiv's hospital was condemned": the subject is the
    // noun phrase the place or possessor phrase follows.
    if let Some(preposition) = region.start.checked_sub(1)
        && sentence.is(preposition, Cue::RegionPreposition)
        && (region.start..region.end)
            .any(|idx| sentence.place_at(idx).is_some() || sentence.actor_at(idx).is_some())
        && let Some(subject) = choose_actor(sentence, noun_phrase_before(sentence, preposition))
    {
        return subject;
    }
    if region.len() == 1
        && let Some(kind) = sentence.pronoun(region.start)
    {
        return Subject::Pronoun {
            token: region.start,
            kind,
        };
    }
    Subject::Other
}

/// "X, who met Y": the noun phrase before the relative pronoun.
fn antecedent_of(sentence: &Sentence, relative: usize) -> Subject {
    let mut end = relative;
    if end > 0 && sentence.form(end - 1) == "," {
        end -= 1;
    }
    let region = noun_phrase_before(sentence, end);
    choose_actor(sentence, region).unwrap_or(Subject::Other)
}

/// The opening comma of ", who ... ," or ", Russia's foreign minister,"
/// that ends at `close`, when the text between is such an insertion.
fn parenthetical_before(sentence: &Sentence, close: usize) -> Option<usize> {
    let limit = close.saturating_sub(30);
    let open = (limit..close)
        .rev()
        .find(|&idx| sentence.form(idx) == ",")?;
    let inside = open + 1..close;
    let relative = sentence.is(inside.start, Cue::Relative);
    let has_finite_verb = inside.clone().any(|idx| {
        matches!(
            sentence.pos(idx),
            Some(Pos::Vbd | Pos::Vbz | Pos::Vbp | Pos::Md)
        )
    });
    (relative || !has_finite_verb).then_some(open)
}

/// The tokens of the noun phrase ending just before `end`: nouns, names,
/// determiners, adjectives, numbers, possessives and "of" phrases.
fn noun_phrase_before(sentence: &Sentence, end: usize) -> std::ops::Range<usize> {
    let mut start = end;
    while start > 0 {
        let idx = start - 1;
        // "France, Germany and Britain": a comma between listed actors.
        let list_comma = sentence.form(idx) == ","
            && idx > 0
            && sentence.actor_at(idx - 1).is_some()
            && sentence.actor_at(idx + 1).is_some();
        let inside = sentence.actor_at(idx).is_some()
            || sentence.place_at(idx).is_some()
            || list_comma
            || in_noun_phrase(sentence, idx);
        if !inside {
            break;
        }
        start = idx;
    }
    start..end
}

fn in_noun_phrase(sentence: &Sentence, idx: usize) -> bool {
    if sentence.is(idx, Cue::Subordinator) && !sentence.is(idx, Cue::Complementiser) {
        return false;
    }
    if sentence.is(idx, Cue::NounPhraseJoiner) {
        return true;
    }
    // The second half of a hyphenated compound ("President-elect") belongs
    // to the noun phrase whatever its tag.
    if idx >= 2
        && sentence.form(idx - 1) == "-"
        && sentence.token_span(idx - 1).end == sentence.token_span(idx).start
        && sentence.token_span(idx - 2).end == sentence.token_span(idx - 1).start
    {
        return true;
    }
    if sentence.is(idx, Cue::Coordination) {
        return sentence.is(idx, Cue::And);
    }
    matches!(
        sentence.pos(idx),
        Some(
            Pos::Dt
                | Pos::Pdt
                | Pos::Jj
                | Pos::Jjr
                | Pos::Jjs
                | Pos::Nn
                | Pos::Nns
                | Pos::Nnp
                | Pos::Nnps
                | Pos::Cd
                | Pos::PossessiveEnding
                | Pos::PrpPossessive
                | Pos::Prp
        )
    )
}

/// The actor a noun phrase names: its head mention (the last one that is
/// not a possessor and not inside a locative phrase), with any actors
/// coordinated with it.
fn choose_actor(sentence: &Sentence, region: std::ops::Range<usize>) -> Option<Subject> {
    let mut mentions: Vec<u32> = Vec::new();
    for idx in region.clone() {
        if let Some(mention) = sentence.actor_at(idx)
            && mentions.last() != Some(&mention)
        {
            mentions.push(mention);
        }
    }
    if mentions.is_empty() {
        return None;
    }
    let is_possessor = |mention: u32| {
        let end = sentence.mention_range(mention).end;
        end < region.end && matches!(sentence.form(end), "'s" | "'")
    };
    let in_locative = |mention: u32| {
        let start = sentence.mention_range(mention).start;
        // "The genocide in Rwanda", not "with Russia continuing".
        start > 0 && sentence.is(start - 1, Cue::Locative) && !sentence.is(start - 1, Cue::To)
    };
    let heads: Vec<u32> = mentions
        .iter()
        .copied()
        .filter(|&m| !is_possessor(m) && !in_locative(m))
        .collect();
    // "The 1994 genocide in Rwanda killed": an actor only inside a place
    // phrase is not the subject.
    // "Kyiv's main hospital was condemned": a possessor alone is not the
    // subject, nor is an actor inside a place phrase.
    let head = heads.last().copied()?;
    let group = coordination_group(sentence, head, region.clone());
    // "The leaders of Japan and South Korea met": bare countries after
    // "agent of" stand in the agent's role.
    let first = sentence.mention_range(group[0]).start;
    let agent_before = (first >= 2 && sentence.is(first - 1, Cue::Genitive))
        .then(|| sentence.actor_at(first - 2))
        .flatten()
        .filter(|&agent| region.contains(&sentence.mention_range(agent).start))
        .and_then(|agent| sentence.doc.mentions[agent as usize].actor.as_ref())
        .filter(|actor| actor.code.is_headless());
    if let Some(agent) = agent_before {
        return Some(Subject::Members(group, agent.code.roles().to_string()));
    }
    Some(Subject::Actors(group))
}

/// How two neighbouring actors are joined.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Link {
    /// "and", "&", "as well as": closes a list.
    And,
    /// ",": joins only inside a list that an "and" closes ("France, Germany
    /// and Britain"); alone it is apposition ("the Assembly, Zelensky ...").
    Comma,
}

/// The link words between two actors (`gap` tokens), if they coordinate them.
fn link_of(sentence: &Sentence, gap: std::ops::Range<usize>) -> Option<Link> {
    let mut link = None;
    for idx in gap {
        if sentence.is(idx, Cue::ListAnd) {
            link = Some(Link::And);
        } else if sentence.form(idx) == "," {
            link = link.or(Some(Link::Comma));
        } else if !sentence.is(idx, Cue::Definite) && !sentence.is(idx, Cue::Both) {
            return None;
        }
    }
    link
}

/// The actors coordinated with `head` inside `region` ("Russia and China",
/// "France, Germany and Britain"), walking left.
fn coordination_group(sentence: &Sentence, head: u32, region: std::ops::Range<usize>) -> Vec<u32> {
    let mut group = vec![head];
    let mut start = sentence.mention_range(head).start;
    let mut closed_by_and = false;
    let joins_left = |idx: usize| {
        matches!(sentence.form(idx), "," | "&")
            || sentence.is(idx, Cue::And)
            || sentence.is(idx, Cue::Both)
            || sentence.is(idx, Cue::Definite)
    };
    while start > region.start {
        let mut gap = start;
        while gap > region.start && joins_left(gap - 1) {
            gap -= 1;
        }
        if gap == start || gap == region.start {
            break;
        }
        let Some(previous) = sentence.actor_at(gap - 1) else {
            break;
        };
        match link_of(sentence, gap..start) {
            Some(Link::And) => closed_by_and = true,
            Some(Link::Comma) if closed_by_and => {}
            _ => break,
        }
        group.insert(0, previous);
        start = sentence.mention_range(previous).start;
    }
    group
}

/// The actors coordinated with `last`, scanning left ("Russia and China").
pub fn coordination_left(sentence: &Sentence, last: u32) -> Vec<u32> {
    coordination_group(sentence, last, 0..sentence.mention_range(last).end)
}

/// Coordinated actors starting at token `start`, scanning right: "Modi and
/// Netanyahu", "France, Germany and Italy". Stops before a coordinated actor
/// that starts a new clause (followed by its own verb).
pub fn coordination_right(sentence: &Sentence, first: u32) -> (Vec<u32>, usize) {
    let mut members = vec![(first, sentence.mention_range(first).end, None)];
    loop {
        let end = members.last().map_or(0, |m| m.1);
        let mut next = end;
        while next < sentence.len()
            && (sentence.form(next) == ","
                || sentence.is(next, Cue::ListAnd)
                || sentence.is(next, Cue::Definite))
        {
            next += 1;
        }
        let Some(link) = link_of(sentence, end..next) else {
            break;
        };
        if next >= sentence.len() {
            break;
        }
        let Some(mention) = sentence.actor_at(next) else {
            break;
        };
        let mention_end = sentence.mention_range(mention).end;
        let starts_clause = mention_end < sentence.len()
            && (sentence.is_verb(mention_end) || sentence.pos(mention_end) == Some(Pos::Md));
        if starts_clause {
            break;
        }
        members.push((mention, mention_end, Some(link)));
    }
    // Comma-joined members count only when an "and" closes the list:
    // "against Ukrainian troops, Dutch and German intelligence services said"
    // ends the target at the comma, because the list runs into a new clause.
    let last_and = members.iter().rposition(|m| m.2 == Some(Link::And));
    let runs_into_clause = members.last().is_some_and(|m| {
        m.1 < sentence.len() && (sentence.is_verb(m.1) || sentence.pos(m.1) == Some(Pos::Md))
    });
    let keep = match last_and {
        _ if runs_into_clause => members
            .iter()
            .position(|m| m.2 == Some(Link::Comma))
            .unwrap_or(members.len()),
        Some(last_and) => last_and + 1,
        None => 1,
    };
    members.truncate(keep.max(1));
    let end = members.last().map_or(0, |m| m.1);
    (members.into_iter().map(|m| m.0).collect(), end)
}
