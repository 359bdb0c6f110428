//! The sentence coder: triggers, patterns, participants, modality, evidence.

use dateline_model::{Doc, Event, EventCode, Modality, Participant, Pos, SegmentRef};

use crate::attribution::attribution_for;
use crate::background::background_reason;
use crate::clause::{Clauses, Modal, Subject};
use crate::cues::Cue;
use crate::dictionary::{Flat, PatternCode, PatternId, TriggerKind, Variant, VariantRef};
use crate::discourse::{Article, implicit_target};
use crate::explain::{Explanation, Verdict};
use crate::location::tied_location;
use crate::matcher::{Match, match_pattern, match_pattern_from};
use crate::modality::{Frame, Recode};
use crate::parsed::Rejection;
use crate::participants::{
    attacked_place, meeting_code, own_country, protested_government, protested_place, resolve_fill,
    visit_destination, with_nationality,
};
use crate::sentence::{DocIndex, Sentence};
use crate::slots::{Fill, fill_slot};
use crate::{Coder, KeepPolicy};

/// The best pattern match at one trigger.
struct Candidate {
    pattern: PatternId,
    found: Match,
    /// The verb is passive: the clause subject is the target, "by X" the source.
    passive: bool,
    specificity: usize,
}

/// What the governing context does to an action.
#[derive(Default)]
struct Framing {
    negated: bool,
    modality: Modality,
    frame: Option<Frame>,
    notes: Vec<String>,
}

impl Coder {
    /// Codes one sentence or heading, appending to `article.events`.
    pub(crate) fn code_segment(
        &self,
        doc: &Doc,
        segment: SegmentRef,
        index: &DocIndex,
        article: &mut Article,
        explanations: &mut Option<&mut Vec<Explanation>>,
    ) {
        let mut sentence = Sentence::new(doc, segment, index, &self.dictionary, self.cues);
        if !self.config.commas.is_off() {
            sentence.hide(&crate::comma::hidden_in(&sentence, &self.config.commas));
        }
        if sentence.is_empty() {
            return;
        }
        let clauses = Clauses::analyse(&sentence);
        let mut used = vec![false; sentence.len()];
        for trigger in 0..sentence.len() {
            if used[trigger] {
                continue;
            }
            let Some(candidate) = self.best_candidate(&sentence, &clauses, trigger) else {
                continue;
            };
            for &word in &candidate.found.words {
                used[word] = true;
            }
            let outcome = self.events_for(&sentence, &clauses, trigger, &candidate, article);
            let rule = self.dictionary.pattern(candidate.pattern).id.clone();
            let verdict = match outcome {
                Ok((events, _)) if let Some(reason) = not_asserted(article, &events) => {
                    Verdict::Rejected(format!("the parse reads the act as not asserted: {reason}"))
                }
                Ok((events, notes)) => {
                    let first = article.events.len();
                    // One act said twice in a sentence ("threatened to impose
                    // sanctions on Georgia ... to impose") is one event.
                    let events: Vec<_> = events
                        .into_iter()
                        .filter(|event| !article.repeats_in_segment(event))
                        .collect();
                    if events.is_empty() {
                        if let Some(explanations) = explanations {
                            explanations.push(Explanation {
                                segment,
                                trigger: sentence.token_span(trigger),
                                rule,
                                verdict: Verdict::Rejected(
                                    "the sentence already has this event".into(),
                                ),
                            });
                        }
                        continue;
                    }
                    article.events.extend(events);
                    Verdict::Coded {
                        events: (first..article.events.len()).collect(),
                        notes,
                    }
                }
                Err(reason) => Verdict::Rejected(reason),
            };
            if let Some(explanations) = explanations {
                explanations.push(Explanation {
                    segment,
                    trigger: sentence.token_span(trigger),
                    rule,
                    verdict,
                });
            }
        }
    }

    /// The most specific pattern variant matching at `trigger`.
    fn best_candidate(
        &self,
        sentence: &Sentence,
        clauses: &Clauses,
        trigger: usize,
    ) -> Option<Candidate> {
        let mut best: Option<Candidate> = None;
        let no_before = [Variant::default()];
        let mut tried: Vec<VariantRef> = Vec::new();
        for &lemma in sentence.lemmas(trigger) {
            let patterns = self.dictionary.patterns_triggered_by(lemma);
            self.variants
                .candidates(lemma, sentence.lemma_set(), &mut tried);
            for group in tried.chunk_by(|a, b| a.pattern == b.pattern) {
                let pattern_id = patterns[group[0].pattern as usize];
                let pattern = self.dictionary.pattern(pattern_id);
                if !trigger_fits(sentence, trigger, pattern.trigger_kind)
                    || (pattern.trigger_kind == TriggerKind::Verb && clauses.is_auxiliary(trigger))
                {
                    continue;
                }
                let passive = pattern.source_is_subject
                    && clauses
                        .group_of(trigger)
                        .is_some_and(|g| clauses.groups[g].passive);
                let befores = if pattern.before.is_empty() {
                    &no_before[..]
                } else {
                    &pattern.before[..]
                };
                'variants: for variant in
                    group.iter().map(|r| &pattern.variants[r.variant as usize])
                {
                    let after = match (passive, variant.elements.first()) {
                        (true, Some(Flat::Target)) => &variant.elements[1..],
                        (true, _) => continue,
                        (false, _) => &variant.elements[..],
                    };
                    if !sentence.has_lemmas(&variant.lemmas) {
                        continue;
                    }
                    for before in befores.iter().filter(|b| sentence.has_lemmas(&b.lemmas)) {
                        let found =
                            match_pattern(sentence, &before.elements, after, trigger, pattern.gaps)
                                .or_else(|| {
                                    let from =
                                        by_agent_end(sentence, trigger).filter(|_| passive)?;
                                    match_pattern_from(
                                        sentence,
                                        &before.elements,
                                        after,
                                        trigger,
                                        from,
                                        pattern.gaps,
                                    )
                                });
                        let Some(found) = found else {
                            continue;
                        };
                        let score = variant.n_words() + before.n_words();
                        let better = best.as_ref().is_none_or(|b| {
                            (score, found.target.is_some())
                                > (b.specificity, b.found.target.is_some())
                        });
                        if better {
                            best = Some(Candidate {
                                pattern: pattern_id,
                                found,
                                passive,
                                specificity: score,
                            });
                        }
                        break 'variants; // Variants are sorted most specific first.
                    }
                }
            }
        }
        best
    }

    fn events_for(
        &self,
        sentence: &Sentence,
        clauses: &Clauses,
        trigger: usize,
        candidate: &Candidate,
        article: &Article,
    ) -> Result<(Vec<Event>, Vec<String>), String> {
        let pattern = self.dictionary.pattern(candidate.pattern);
        let Some(forward) = pattern.code.forward() else {
            return Err("a null pattern ('---'): the phrase is known to be no event".into());
        };
        if names_its_object(sentence, trigger, &candidate.found) {
            return Err("the object is named or described ('called X a ...'), not acted on".into());
        }
        let group = clauses.group_of(trigger);
        let (source_fill, mut target_fill) =
            self.slot_fills(sentence, clauses, group, trigger, candidate)?;
        let sources = resolve_fill(sentence, &source_fill, &[]);
        if sources.is_empty() {
            return Err("the source names no known actor".into());
        }
        let subject_start = match (
            &source_fill,
            pattern.source_is_subject && !candidate.passive,
        ) {
            (
                Fill::Actors(mentions)
                | Fill::Members {
                    actors: mentions, ..
                },
                true,
            ) => Some(sentence.mention_range(mentions[0]).start),
            _ => None,
        };
        if let Some(reason) = background_reason(sentence, clauses, group, subject_start, trigger) {
            return Err(reason);
        }
        if group.is_some_and(|g| clauses.participles[g])
            && article.events.iter().any(|e| {
                e.segment == sentence.segment && sources.iter().any(|s| s.code == e.source.code)
            })
        {
            return Err("a participle giving the toll or manner of an event already coded".into());
        }
        let mut framing = self.framing(sentence, clauses, group, trigger, &sources);
        let spelled = |cue| spelled_by_pattern(sentence, &candidate.found, cue);
        if spelled(Cue::Negation) {
            framing.negated = false;
        }
        let modality_spelled = spelled(Cue::Hypothetical) || spelled(Cue::Future);
        if modality_spelled {
            framing.frame = None;
        }
        if framing.negated && self.config.negated == KeepPolicy::Drop {
            return Err("the action is negated".into());
        }
        if framing.modality == Modality::Hypothetical
            && !modality_spelled
            && self.config.hypothetical == KeepPolicy::Drop
        {
            return Err("the action is hypothetical (conditional, question or modal)".into());
        }
        let recode = |code: &EventCode| match framing.frame {
            None => Ok(code.clone()),
            Some(_) if !self.config.recode_modality => Ok(code.clone()),
            Some(frame) => match self.modality.recode(code, frame) {
                Recode::Code(code) => Ok(code),
                Recode::Keep => Ok(code.clone()),
                Recode::Drop => Err(format!("a {frame:?} action with no CAMEO code of its own")),
            },
        };
        let code = recode(forward)?;
        let backward = match &pattern.code {
            PatternCode::Paired(_, backward) => Some(recode(backward)?),
            _ => None,
        };
        let source_codes: Vec<_> = sources.iter().map(|p| p.code.clone()).collect();
        let mut notes = framing.notes;
        if target_fill.is_none() && pattern.defaults.target && !pattern.has_target {
            target_fill = first_actor_after(sentence, candidate.found.end);
        }
        let mut targets = match &target_fill {
            Some(fill) => resolve_fill(sentence, fill, &source_codes),
            None => Vec::new(),
        };
        let attribution = attribution_for(sentence, clauses, trigger);
        // "Russia and Ukraine accused each other": a reciprocal object.
        let mut reciprocal = candidate.found.compound.is_some()
            || (target_fill == Some(Fill::EachOther) && sources.len() >= 2);
        // A PETRARCH pattern that names no target but spells out the verb's
        // object noun ("- * OFFENSIVE") takes its target from context, like
        // an optional target: the object holds none. A bare verb does not.
        let object_in_pattern = candidate
            .found
            .words
            .iter()
            .filter(|&&word| word > trigger)
            .max()
            .is_some_and(|&word| sentence.is_noun(word));
        let default_phrase = pattern.defaults.target && !pattern.has_target && object_in_pattern;
        // "pledged to cooperate with the ATPC": the target slot's preposition
        // is there but names no actor; the target is unknown, not missing.
        // "on Saturday" is a time, not a target.
        let dangling_preposition = candidate.found.end < sentence.len()
            && sentence.is(candidate.found.end, Cue::TargetPreposition)
            && !(candidate.found.end + 1 < sentence.len()
                && sentence.is(candidate.found.end + 1, Cue::Day));
        if targets.is_empty() && !reciprocal && (pattern.target_optional || default_phrase) {
            if sources.len() >= 2 {
                reciprocal = true;
                notes.push("reciprocal: the coordinated sources act on each other".into());
            } else if dangling_preposition {
                notes.push(
                    "no context target: the phrase names a target that is no known actor".into(),
                );
            } else if code.is_within("172")
                && let Some(target) = own_country(&sources[0])
            {
                notes.push("a measure naming no target falls on the source's country".into());
                targets.push(target);
            } else if code.root() == "14" {
                if let Some(target) = protested_government(&sources[0]) {
                    notes.push("a protest addresses the protesters' own government".into());
                    targets.push(target);
                }
            } else if sources[0].code.is_headless() {
                notes.push("no context target for a source with no country".into());
            } else if let Some((target, why)) = implicit_target(
                sentence,
                article,
                &sources[0],
                sentence.span_of(trigger..candidate.found.end),
                attribution.as_ref().and_then(|a| a.span),
                &code,
            ) {
                notes.push(why);
                targets.push(target);
                target_fill = None;
            }
        }
        if targets.is_empty() && !reciprocal && self.config.require_dyad {
            return Err(if pattern.has_target {
                "no target actor found".into()
            } else {
                "the pattern names no target and a dyad is required".into()
            });
        }
        let target_end = match &target_fill {
            Some(fill) => fill
                .mentions()
                .and_then(|m| m.last())
                .map(|&m| sentence.mention_range(m).end),
            _ => None,
        };
        let location = tied_location(sentence, &candidate.found, target_end);
        // An agent with no country takes the sentence's place, else its
        // counterpart's country, else the dateline's.
        // The counterpart lends its country only when it is a domestic
        // institution or person ("Duda vetoed a bill passed by parliament"),
        // not a bare country ("the two leaders condemned Japan").
        // Coercion (arrests, deportations, curfews) happens where the
        // coercing state rules: "Iran arrested dozens of people" gives
        // IRNCVL even though Iran is a bare country.
        let bare_lends = code.root() == "17";
        let counterpart = |others: &[Participant]| {
            others
                .iter()
                .filter(|p| (!p.code.is_bare() || bare_lends) && !p.code.is_headless())
                .find_map(|p| p.country.clone())
        };
        let target_country = counterpart(&targets);
        let source_country = counterpart(&sources);
        let sources: Vec<Participant> = sources
            .into_iter()
            .map(|p| with_nationality(sentence, p, target_country.as_deref()))
            .collect();
        let targets: Vec<Participant> = targets
            .into_iter()
            .map(|p| with_nationality(sentence, p, source_country.as_deref()))
            .collect();
        let template = Event {
            segment: sentence.segment,
            source: sources[0].clone(),
            target: None,
            code,
            trigger: sentence.token_span(trigger),
            negated: framing.negated,
            modality: framing.modality,
            attribution,
            location,
            rule: pattern.id.clone(),
            issues: Vec::new(),
        };
        let anonymous = |p: &Participant| p.code.is_headless();
        if self.config.anonymous == KeepPolicy::Drop
            && (sources.iter().all(anonymous)
                || (!targets.is_empty() && targets.iter().all(anonymous)))
        {
            return Err("an actor is an agent of no known country (---)".into());
        }
        let pairs = dyads(&sources, &targets, reciprocal, self.config.require_dyad);
        if pairs.is_empty() {
            return Err("source and target are the same actor".into());
        }
        let clause = event_clause(sentence, &sources, trigger, candidate.found.end);
        let mut events: Vec<Event> = pairs
            .into_iter()
            .map(|(source, target)| {
                let (target, destination) = visit_destination(sentence, &template.code, target);
                let target = attacked_place(sentence, &template.code, target);
                let target = protested_place(sentence, &template.code, target);
                let location = template.location.clone().or(destination);
                let code = meeting_code(
                    &template.code,
                    template.location.as_ref(),
                    &source,
                    target.as_ref(),
                )
                .unwrap_or_else(|| template.code.clone());
                let code = self
                    .refinements
                    .refine(&code, sentence, clause.clone(), &source, target.as_ref())
                    .unwrap_or(code);
                Event {
                    source,
                    target,
                    code,
                    location,
                    ..template.clone()
                }
            })
            .collect();
        if let Some(backward) = backward
            && !reciprocal
        {
            let reversed: Vec<Event> = events
                .iter()
                .filter_map(|event| {
                    let target = event.target.clone()?;
                    Some(Event {
                        source: target,
                        target: Some(event.source.clone()),
                        code: backward.clone(),
                        ..event.clone()
                    })
                })
                .collect();
            events.extend(reversed);
        }
        Ok((events, notes))
    }

    /// Source and target fills, with passive voice turned around.
    fn slot_fills(
        &self,
        sentence: &Sentence,
        clauses: &Clauses,
        group: Option<usize>,
        trigger: usize,
        candidate: &Candidate,
    ) -> Result<(Fill, Option<Fill>), String> {
        let pattern = self.dictionary.pattern(candidate.pattern);
        let found = &candidate.found;
        if !pattern.source_is_subject {
            let source = found
                .source
                .clone()
                .or_else(|| found.compound.clone())
                .ok_or("no source actor in the phrase")?;
            return Ok((source, found.target.clone()));
        }
        let subject = match group {
            Some(g) => clauses.subjects[g].clone(),
            None => crate::clause::subject_before(sentence, trigger),
        };
        let subject_fill = match subject {
            Subject::Actors(actors) => Some(Fill::Actors(actors)),
            Subject::Members(actors, role) => Some(Fill::Members { actors, role }),
            Subject::Pronoun { token, kind } => Some(Fill::Pronoun { token, kind }),
            Subject::Other => None,
        };
        if candidate.passive {
            let agent = by_agent(sentence, found.end)
                .or_else(|| by_agent(sentence, trigger + 1))
                .ok_or("passive verb with no 'by' agent")?;
            return Ok((agent, subject_fill));
        }
        let source = subject_fill.ok_or("the subject names no actor")?;
        Ok((source, found.target.clone()))
    }

    /// Negation, intention, refusal, threat and hypotheticals around the trigger.
    fn framing(
        &self,
        sentence: &Sentence,
        clauses: &Clauses,
        group: Option<usize>,
        trigger: usize,
        sources: &[Participant],
    ) -> Framing {
        let mut framing = Framing::default();
        let Some(group_idx) = group else {
            return framing;
        };
        let group = &clauses.groups[group_idx];
        framing.negated = group.negated;
        if let Some(governor) = clauses.governors[group_idx].filter(|_| group.infinitive) {
            let governor_group = &clauses.groups[governor];
            framing.negated |= governor_group.negated;
            let cue_word = governor_cue_word(sentence, group.start).unwrap_or(governor_group.main);
            if let Some(frame) = governor_frame(sentence, cue_word, &mut framing) {
                framing.frame = Some(frame);
                framing
                    .notes
                    .push(format!("framed by '{}'", sentence.text(cue_word)));
            }
        } else if let Some(previous) = gerund_governor(sentence, clauses, group_idx) {
            // "denied attacking", "refused meeting".
            if let Some(frame) = governor_frame(sentence, previous, &mut framing) {
                framing.frame = Some(frame);
            }
        }
        // "Iran said it could strike": a side saying what it could do
        // states an intention; "Analysts said China could invade" is
        // speculation by others (data/gold/README.md, rule 9).
        let reported_by_own_side = clauses.groups[..group_idx]
            .iter()
            .rposition(|g| sentence.is(g.main, Cue::Say))
            .is_some_and(|say| speaker_shares_country(sentence, &clauses.subjects[say], sources));
        match group.modal {
            Modal::Future => framing.frame = framing.frame.or(Some(Frame::Intended)),
            Modal::Hypothetical if reported_by_own_side => {
                framing.frame = framing.frame.or(Some(Frame::Intended))
            }
            Modal::Hypothetical => framing.modality = Modality::Hypothetical,
            Modal::None => {}
        }
        if conditional_before(sentence, trigger) || sentence.form(sentence.len() - 1) == "?" {
            framing.modality = Modality::Hypothetical;
        }
        if matches!(framing.frame, Some(Frame::Intended | Frame::Threatened))
            && framing.modality == Modality::Asserted
        {
            framing.modality = Modality::Intended;
        }
        framing
    }
}

/// True when the subject of a verb of saying is an actor of the same country
/// as one of `sources`.
fn speaker_shares_country(sentence: &Sentence, speaker: &Subject, sources: &[Participant]) -> bool {
    let fill = match speaker {
        Subject::Actors(actors) => Fill::Actors(actors.clone()),
        Subject::Members(actors, role) => Fill::Members {
            actors: actors.clone(),
            role: role.clone(),
        },
        Subject::Pronoun { token, kind } => Fill::Pronoun {
            token: *token,
            kind: *kind,
        },
        Subject::Other => return false,
    };
    resolve_fill(sentence, &fill, &[]).iter().any(|speaker| {
        sources.iter().any(|source| {
            speaker.code == source.code
                || (speaker.country.is_some() && speaker.country == source.country)
        })
    })
}

/// The word right before "to" in "plans to", "is set to", skipping a time
/// phrase ("agreed on Tuesday to resume").
fn governor_cue_word(sentence: &Sentence, infinitive_start: usize) -> Option<usize> {
    let to = (0..infinitive_start)
        .rev()
        .find(|&idx| sentence.is(idx, Cue::To))?;
    to.checked_sub(1)
        .map(|word| crate::clause::skip_time_phrase_left(sentence, word))
}

fn governor_frame(sentence: &Sentence, word: usize, framing: &mut Framing) -> Option<Frame> {
    if sentence.is(word, Cue::NegateGovernor) {
        framing.negated = true;
        return None;
    }
    if sentence.is(word, Cue::Refuse) {
        return Some(Frame::Refused);
    }
    if sentence.is(word, Cue::Threaten) {
        return Some(Frame::Threatened);
    }
    (sentence.is(word, Cue::Intent) || sentence.is(word, Cue::IntentBe)).then_some(Frame::Intended)
}

/// For a gerund directly after a verb ("denied attacking"), that verb.
fn gerund_governor(sentence: &Sentence, clauses: &Clauses, group_idx: usize) -> Option<usize> {
    let group = &clauses.groups[group_idx];
    if sentence.pos(group.main) != Some(Pos::Vbg) || group_idx == 0 {
        return None;
    }
    let previous = &clauses.groups[group_idx - 1];
    (previous.end == group.start).then_some(previous.main)
}

/// "If Russia attacks, ...": a conditional conjunction earlier in the clause.
fn conditional_before(sentence: &Sentence, trigger: usize) -> bool {
    (0..trigger)
        .rev()
        .take_while(|&idx| !sentence.is_hard_boundary(idx) && sentence.form(idx) != ",")
        .any(|idx| sentence.is(idx, Cue::HypotheticalConjunction))
}

/// The tokens of an event's clause: from its first source in the sentence
/// (or the trigger) to the next clause boundary after the match.
fn event_clause(
    sentence: &Sentence,
    sources: &[Participant],
    trigger: usize,
    match_end: usize,
) -> std::ops::Range<usize> {
    let start = sources
        .iter()
        .filter_map(|source| source.mention)
        .filter(|&m| sentence.mentions().contains(&m))
        .map(|m| sentence.mention_range(m).start)
        .min()
        .unwrap_or(trigger)
        .min(trigger);
    let end = (match_end..sentence.len())
        .find(|&idx| sentence.is_hard_boundary(idx))
        .unwrap_or(sentence.len());
    start..end
}

/// The first actor after the match inside the clause: the default target of
/// PETRARCH patterns that name none. As PETRARCH takes the verb's object, a
/// noun phrase naming no actor that a preposition closes ends the search:
/// "held a phone conversation with Putin" has no default target, "met with
/// Putin", "advised Putin" and "condemned an attack by Osgiliath" do.
/// PETRARCH's default target: the first actor in the rest of the verb
/// phrase, prepositional phrases included ("restored ties with Gondor",
/// "criticized the closure of guest houses in Bree"), up to a comma or a
/// word that opens another clause.
fn first_actor_after(sentence: &Sentence, from: usize) -> Option<Fill> {
    for idx in from..sentence.len() {
        let ends_phrase = sentence.is_hard_boundary(idx)
            || sentence.form(idx) == ","
            || sentence.is(idx, Cue::Subordinator)
            || sentence.is(idx, Cue::Relative);
        if ends_phrase {
            return None;
        }
        if sentence.actor_at(idx).is_some() {
            return fill_slot(sentence, idx).map(|(fill, _)| fill);
        }
    }
    None
}

/// "called Trump a clown", "calling it \"an aggression\"": a naming verb
/// (`[naming]` in `data/verbs/cues.txt`) whose match ends at its object,
/// with a second noun phrase or adjective right after that object. The
/// pattern read the object as acted on ("call +", a phone call); the verb
/// only names it.
fn names_its_object(sentence: &Sentence, trigger: usize, found: &Match) -> bool {
    if !sentence.is(trigger, Cue::Naming) {
        return false;
    }
    let target_start = match &found.target {
        Some(
            Fill::Actors(mentions)
            | Fill::Members {
                actors: mentions, ..
            },
        ) => mentions
            .iter()
            .map(|&m| sentence.mention_range(m).start)
            .min(),
        Some(Fill::Place(mention)) => Some(sentence.mention_range(*mention).start),
        Some(Fill::Pronoun { token, .. }) => Some(*token),
        Some(Fill::EachOther) | None => None,
    };
    // The pattern must end at its object: "called on Italy to join" goes on.
    let ends_at_target =
        target_start.is_some_and(|start| found.words.iter().all(|&word| word < start));
    let at = found.end;
    ends_at_target && at < sentence.len() && object_complement_at(sentence, at)
}

/// Token `at` opens a noun phrase or adjective describing the object before
/// it: a quotation, a possessive ("Trump's order swift"), "a"/"an"/"the"
/// or an adjective that is not part of a time phrase ("the next day").
fn object_complement_at(sentence: &Sentence, at: usize) -> bool {
    let form = sentence.form(at);
    if matches!(form, "\"" | "“" | "”" | "``" | "'" | "‘" | "'s" | "’s") {
        return true;
    }
    let next_is_time = at + 1 < sentence.len()
        && (sentence.is(at + 1, Cue::TimeModifier) || sentence.is(at + 1, Cue::Day));
    if sentence.is(at, Cue::Article) {
        return !next_is_time;
    }
    matches!(sentence.pos(at), Some(Pos::Jj | Pos::Jjs | Pos::Jjr))
        && !sentence.is(at, Cue::TimeModifier)
        && !next_is_time
}

/// True when the words the pattern matched include one of `cue`: the
/// dictionary wrote the negation or modality into the pattern ("- NOT *
/// RELATIONS [112]", "- WILL * WITH + [036]"), so its code already says it.
fn spelled_by_pattern(sentence: &Sentence, found: &Match, cue: Cue) -> bool {
    found.words.iter().any(|&idx| sentence.is(idx, cue))
}

/// The token after a "by X" agent right after a passive verb.
fn by_agent_end(sentence: &Sentence, trigger: usize) -> Option<usize> {
    let by = trigger + 1;
    if by >= sentence.len() || !sentence.is(by, Cue::PassiveAgent) {
        return None;
    }
    let mut at = by + 1;
    while at < sentence.len() && sentence.is_filler(at) && sentence.actor_at(at).is_none() {
        at += 1;
    }
    fill_slot(sentence, at).map(|(_, end)| end)
}

/// The "by X" agent of a passive verb, within the clause after the match.
fn by_agent(sentence: &Sentence, from: usize) -> Option<Fill> {
    let by = (from..sentence.len().min(from + 8))
        .take_while(|&idx| !sentence.is_hard_boundary(idx))
        .find(|&idx| sentence.is(idx, Cue::PassiveAgent))?;
    let mut at = by + 1;
    while at < sentence.len() && sentence.is_filler(at) && sentence.actor_at(at).is_none() {
        at += 1;
    }
    fill_slot(sentence, at).map(|(fill, _)| fill)
}

fn trigger_fits(sentence: &Sentence, trigger: usize, kind: TriggerKind) -> bool {
    match (sentence.pos(trigger), kind) {
        (None, _) => true,
        (Some(pos), TriggerKind::Verb) => pos.is_verb(),
        (Some(pos), TriggerKind::Noun) => pos.is_noun(),
    }
}

/// Every source-target pair with different actors; reciprocal events pair
/// the sources with each other.
fn dyads(
    sources: &[Participant],
    targets: &[Participant],
    reciprocal: bool,
    require_dyad: bool,
) -> Vec<(Participant, Option<Participant>)> {
    let targets: Vec<&Participant> = if reciprocal {
        sources.iter().collect()
    } else {
        targets.iter().collect()
    };
    if targets.is_empty() && !require_dyad {
        return sources.iter().map(|s| (s.clone(), None)).collect();
    }
    let mut pairs = Vec::new();
    for source in sources {
        for target in &targets {
            let distinct = source.code != target.code;
            let already = pairs
                .iter()
                .any(|(s, t): &(Participant, Option<Participant>)| {
                    s.code == source.code && t.as_ref().is_some_and(|t| t.code == target.code)
                });
            if distinct && !already {
                pairs.push((source.clone(), Some((*target).clone())));
            }
        }
    }
    pairs
}

/// With both engines: the parse engine read the act at these events'
/// trigger as not asserted.
fn not_asserted<'a>(article: &'a Article, events: &[Event]) -> Option<&'a Rejection> {
    events
        .first()
        .and_then(|event| article.not_asserted_at(event.trigger))
}
