//! Joins adjacent names into the phrases news writes: a country, titles and a
//! person ("Israeli Prime Minister Benjamin Netanyahu", "Prime Minister
//! Narendra Modi of India"), a country and an agent noun ("the U.S. military",
//! "Iran's security forces"), "former" before either. What comes out is a
//! draft: what the phrase may refer to, before the article's context decides.

use std::ops::Range;

use dateline_kb::{ActorType, AgentClass, Cue, Kb};
use dateline_model::{Doc, Pos, SegmentRef, Span, TokenKind};

use crate::lexicon::Target;
use crate::scan::Hit;
use crate::text::SegmentText;

/// A phrase and what it may refer to.
#[derive(Clone, Debug)]
pub struct Draft {
    pub segment: SegmentRef,
    pub span: Span,
    pub tokens: Range<u32>,
    pub kind: DraftKind,
    /// Gazetteer places the phrase may name.
    pub places: Vec<usize>,
    /// A preposition of place comes just before ("in Moscow").
    pub locative: bool,
    /// The surname of an unknown person a title covers ("Abiy Ahmed" in
    /// "Ethiopian Prime Minister Abiy Ahmed"), for later mentions by surname.
    pub holder_surname: Option<Span>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DraftKind {
    /// A person by full name, with the titles written before it.
    Person {
        actor: usize,
        titles: Vec<usize>,
    },
    /// A short name ("Putin"), possibly after titles ("President Putin").
    Short {
        candidates: Vec<usize>,
        titles: Vec<usize>,
    },
    Country {
        country: usize,
    },
    Demonym {
        country: usize,
    },
    /// An organisation, metonym or country-type actor.
    Actor {
        actor: usize,
    },
    /// An agent noun, with the country that qualifies it.
    Agent {
        agent: usize,
        country: Option<usize>,
        former: bool,
    },
    /// A title without a name ("the president", "the Ukrainian President").
    Title {
        agent: usize,
        country: Option<usize>,
        definite: bool,
        former: bool,
    },
    /// Only places.
    Place,
}

/// Builds the drafts of one segment from its hits.
pub fn compose(kb: &Kb, doc: &Doc, view: &SegmentText, hits: &[Hit]) -> Vec<Draft> {
    let reader = HitReader {
        kb,
        doc,
        view,
        hits,
    };
    let mut drafts = Vec::new();
    let mut index = 0;
    while index < hits.len() {
        let (draft, next) = reader.phrase_at(index);
        if let Some(draft) = draft {
            drafts.push(draft);
        }
        index = next.max(index + 1);
    }
    drafts
}

struct HitReader<'a> {
    kb: &'a Kb,
    doc: &'a Doc,
    view: &'a SegmentText,
    hits: &'a [Hit],
}

enum PersonName {
    Full(usize),
    Short(Vec<usize>),
}

impl HitReader<'_> {
    /// The longest phrase starting at hit `first`, and the hit after it.
    fn phrase_at(&self, first: usize) -> (Option<Draft>, usize) {
        let former = self.is_former(first);
        let country = self.country(first);
        let mut next = first + usize::from(country.is_some());
        let titles_from = next;
        while next < self.hits.len()
            && (next == first || self.adjacent(next))
            && self.title(next).is_some()
        {
            next += 1;
        }
        let titles: Vec<usize> = (titles_from..next).filter_map(|i| self.title(i)).collect();
        let person_ok = next < self.hits.len() && (next == first || self.adjacent(next));
        if person_ok && let Some(person) = self.person(next) {
            return self.person_phrase(first, next, person, titles);
        }
        if country.is_some() && next == first + 1 {
            if let Some(head) = self.shared_agent_after_coordinated_country(next) {
                // "the Chinese and Russian navies": "Chinese" is CHNMIL.
                let agent = self
                    .agent(head)
                    .expect("shared_agent_after_coordinated_country checks");
                let kind = self.agent_kind(agent, country, former, first);
                return (Some(self.draft(first, first, kind)), next);
            }
            if let Some(head) = self.agent_after_modifiers(first) {
                let agent = self.agent(head).expect("agent_after_modifiers checks");
                let kind = self.agent_kind(agent, country, former, first);
                // "Bree Prime Minister Romendacil", where the dictionary codes
                // Romendacil by his country alone: the agent phrase covers
                // its holder's name and keeps the agent's role.
                if let Some(name_hit) = self.compatriot_after(head, country.map(|(c, _)| c)) {
                    return (Some(self.draft(first, name_hit, kind)), name_hit + 1);
                }
                let mut draft = self.draft(first, head, kind);
                self.extend_after_member_noun(&mut draft, agent, head + 1);
                return (Some(draft), head + 1);
            }
        }
        if let Some(group_draft) = self.group_with_agent(first) {
            return group_draft;
        }
        let office = titles
            .iter()
            .rev()
            .find(|&&title| self.kb.agents()[title].class == AgentClass::Title);
        if let Some(&last_title) = office {
            let kind = self.agent_kind(last_title, country, former, first);
            let mut draft = self.draft(first, next - 1, kind);
            self.extend_over_unknown_name(&mut draft, next);
            return (Some(draft), next);
        }
        let draft = self.single(first);
        let mut next = first + 1;
        if let Some(draft) = &draft {
            while next < self.hits.len() && self.hits[next].tokens.start < draft.tokens.end {
                next += 1;
            }
        }
        (draft, next)
    }

    fn person_phrase(
        &self,
        first: usize,
        name_hit: usize,
        person: PersonName,
        titles: Vec<usize>,
    ) -> (Option<Draft>, usize) {
        let mut last = name_hit;
        if let Some(suffix) = self.of_country_suffix(name_hit) {
            last = suffix;
        }
        let kind = match person {
            PersonName::Full(actor) => DraftKind::Person { actor, titles },
            PersonName::Short(candidates) => DraftKind::Short { candidates, titles },
        };
        let mut draft = self.draft(first, last, kind);
        if first == name_hit {
            draft.places = self.places(name_hit);
        }
        (Some(draft), last + 1)
    }

    /// "Ethiopian Prime Minister Abiy Ahmed" when the knowledge base does not
    /// know the name: the capitalised words right after a title belong to
    /// the title's holder, so the mention covers them (and they are not
    /// reported as an unknown name of their own). A hyphenated lower-case
    /// suffix stays with the title ("President-elect", "Premier-designate").
    fn extend_over_unknown_name(&self, draft: &mut Draft, next_hit: usize) {
        const PARTICLES: &[&str] = &["al", "bin", "ibn", "de", "da", "van", "von", "el", "del"];
        let next_hit_token = self
            .hits
            .get(next_hit)
            .map_or(u32::MAX, |hit| hit.tokens.start);
        let segment_end = self.view.end_token().min(next_hit_token);
        let token = |index: u32| &self.doc.tokens[index as usize];
        let is_name_word = |index: u32| {
            let token = token(index);
            let text = self.doc.text(token.span);
            token.kind == TokenKind::Word && text.chars().next().is_some_and(char::is_uppercase)
        };
        let mut start = draft.tokens.end;
        if start + 1 < segment_end
            && self.doc.text(token(start).span) == "-"
            && token(start).span.start == token(start - 1).span.end
            && token(start + 1).span.start == token(start).span.end
            && token(start + 1).kind == TokenKind::Word
            && !is_name_word(start + 1)
        {
            start += 2;
        }
        let mut end = start;
        while end < segment_end && end - start < 5 {
            let text = self.doc.text(token(end).span);
            let particle =
                PARTICLES.contains(&text) && end + 1 < segment_end && is_name_word(end + 1);
            if !(is_name_word(end) || particle) {
                break;
            }
            end += 1;
        }
        // A name has two words at least; a lone capital may start a sentence clause.
        if end - start >= 2 {
            let surname = token(end - 1).span;
            draft.span.end = surname.end;
            draft.tokens.end = end;
            draft.holder_surname = Some(surname);
        }
    }

    /// The head of a run of agent nouns starting at hit `index`: "separatist
    /// rebels" is rebels.
    fn agent_run_end(&self, index: usize) -> usize {
        let mut last = index;
        while last + 1 < self.hits.len()
            && self
                .view
                .between(self.hits[last].view.end, self.hits[last + 1].view.start)
                .is_empty()
            && self.agent(last + 1).is_some()
        {
            last += 1;
        }
        last
    }

    /// The head agent hit after the country hit `country_hit`, directly
    /// ("Russian military"), after a possessive ("Iran's security forces") or
    /// after a few modifiers ("Russia's two largest oil companies", "Kenyan
    /// protest leaders").
    fn agent_after_modifiers(&self, country_hit: usize) -> Option<usize> {
        const MAX_MODIFIERS: usize = 3;
        const NOT_MODIFIERS: &[&str] = &[
            "and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "for", "with", "by",
            "from", "that", "who", "which", "said", "says", "is", "are", "was", "were", "has",
            "have", "had", "will", "would", "its", "their", "his", "her",
        ];
        let agent_hit = country_hit + 1;
        if agent_hit >= self.hits.len() {
            return None;
        }
        self.agent(agent_hit)?;
        let between = self.view.between(
            self.hits[country_hit].view.end,
            self.hits[agent_hit].view.start,
        );
        let modifiers = between.strip_prefix("'s").unwrap_or(between).trim();
        let words: Vec<&str> = modifiers.split_whitespace().collect();
        let modifiers_ok = words.len() <= MAX_MODIFIERS
            && words.iter().all(|word| {
                !NOT_MODIFIERS.contains(word)
                    && word.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        // Modifiers are adjectives, nouns and numbers: "India deployed
        // additional troops" has a verb between, so "India" stays alone.
        let gap = self.hits[country_hit].tokens.end..self.hits[agent_hit].tokens.start;
        let tags_ok = gap.clone().all(|token| {
            let tag = self.doc.tags.get(token as usize).copied();
            let text = self.doc.text(self.doc.tokens[token as usize].span);
            // "U.S.-led forces" are the U.S.'s forces.
            matches!(text, "'s" | "’s" | "'" | "’" | "-" | "led")
                || tag.is_some_and(|pos| {
                    pos.is_adjective() || matches!(pos, Pos::Nn | Pos::Nns | Pos::Cd)
                })
        });
        (modifiers_ok && tags_ok).then(|| self.agent_run_end(agent_hit))
    }

    /// "Chinese and Russian navies": when the country hit `second` follows
    /// "and" and carries an agent, the first country shares that agent.
    fn shared_agent_after_coordinated_country(&self, second: usize) -> Option<usize> {
        let first = second.checked_sub(1)?;
        if second >= self.hits.len() || self.country(second).is_none() {
            return None;
        }
        let between = self
            .view
            .between(self.hits[first].view.end, self.hits[second].view.start);
        // "Chinese and Russian navies", "Chinese, Russian navies"; but a
        // country name before a comma ends its own phrase: "near its border
        // with Ukraine, Ukrainian officials said".
        let first_is_demonym = self.country(first).is_some_and(|(_, demonym)| demonym);
        if !(matches!(between, "and" | "or") || (between == "," && first_is_demonym)) {
            return None;
        }
        self.agent_after_modifiers(second)
    }

    /// "Taliban insurgents", "Hamas militants": a named group followed by an
    /// agent noun is the group.
    fn group_with_agent(&self, first: usize) -> Option<(Option<Draft>, usize)> {
        let actor = self.full_actor(first)?;
        // "Hamas militants", "Kremlin spokesman": the agent belongs to the
        // named group or government.
        if !matches!(
            self.kb.actors()[actor].actor_type,
            ActorType::Organisation | ActorType::Metonym
        ) {
            return None;
        }
        let agent_hit = first + 1;
        if agent_hit >= self.hits.len()
            || !self
                .view
                .between(self.hits[first].view.end, self.hits[agent_hit].view.start)
                .is_empty()
            || self.agent(agent_hit).is_none()
        {
            return None;
        }
        let last = self.agent_run_end(agent_hit);
        let mut draft = self.draft(first, last, DraftKind::Actor { actor });
        if let Some(agent) = self.agent(last) {
            self.extend_after_member_noun(&mut draft, agent, last + 1);
        }
        Some((Some(draft), last + 1))
    }

    /// The hit right after agent hit `head` when it names the agent's
    /// country again or an actor of that country with no role of its own (a
    /// person a dictionary codes `BRE`).
    fn compatriot_after(&self, head: usize, country: Option<usize>) -> Option<usize> {
        let name_hit = head + 1;
        let country = country?;
        if name_hit >= self.hits.len() || !self.adjacent(name_hit) {
            return None;
        }
        // PETRARCH dictionaries file such people as names of the country.
        if self
            .country(name_hit)
            .is_some_and(|(other, _)| other == country)
        {
            return Some(name_hit);
        }
        let code = self.kb.countries()[country].code.as_str();
        let actor = &self.kb.actors()[self.full_actor(name_hit)?];
        let compatriot =
            !actor.codes.is_empty() && actor.codes.iter().all(|dated| dated.code.as_str() == code);
        compatriot.then_some(name_hit)
    }

    /// "Hamas official Basem Naim", "Russian soldier Ivan Petrov": a noun for
    /// one member heads its holder's name, as a title does.
    fn extend_after_member_noun(&self, draft: &mut Draft, agent: usize, next_hit: usize) {
        if matches!(
            self.kb.agents()[agent].class,
            AgentClass::Person | AgentClass::Title
        ) {
            self.extend_over_unknown_name(draft, next_hit);
        }
    }

    /// "Narendra Modi of India": the hit index of "India" when it is a country.
    fn of_country_suffix(&self, name_hit: usize) -> Option<usize> {
        let country_hit = name_hit + 1;
        let hit = self.hits.get(country_hit)?;
        let between = self
            .view
            .between(self.hits[name_hit].view.end, hit.view.start);
        (between == "of"
            && self
                .country(country_hit)
                .is_some_and(|(_, demonym)| !demonym))
        .then_some(country_hit)
    }

    fn agent_kind(
        &self,
        agent: usize,
        country: Option<(usize, bool)>,
        former: bool,
        first: usize,
    ) -> DraftKind {
        let country = country.map(|(country, _)| country);
        if self.kb.agents()[agent].class == AgentClass::Title {
            let definite = self.view.word_before(self.hits[first].view.start) == "the";
            DraftKind::Title {
                agent,
                country,
                definite,
                former,
            }
        } else {
            DraftKind::Agent {
                agent,
                country,
                former,
            }
        }
    }

    /// A phrase of one hit, by the strongest reading it has.
    fn single(&self, index: usize) -> Option<Draft> {
        let places = self.places(index);
        let kind = if let Some(actor) = self.full_actor(index) {
            match self.kb.actors()[actor].actor_type {
                ActorType::Person => DraftKind::Person {
                    actor,
                    titles: Vec::new(),
                },
                _ => DraftKind::Actor { actor },
            }
        } else if let Some((country, demonym)) = self.country(index) {
            if demonym {
                DraftKind::Demonym { country }
            } else {
                DraftKind::Country { country }
            }
        } else if let Some(PersonName::Short(candidates)) = self.person(index) {
            DraftKind::Short {
                candidates,
                titles: Vec::new(),
            }
        } else if self.agent(index).is_some() && (!self.locative(index) || places.is_empty()) {
            // "separatist rebels": the last agent noun is the head.
            let head = self.agent_run_end(index);
            let agent = self.agent(head).expect("agent_run_end ends on an agent");
            let kind = self.agent_kind(agent, None, self.is_former(index), index);
            let mut draft = self.draft(index, head, kind);
            draft.places = places;
            return Some(draft);
        } else if !places.is_empty() {
            DraftKind::Place
        } else {
            return None;
        };
        let mut draft = self.draft(index, index, kind);
        draft.places = places;
        Some(draft)
    }

    fn draft(&self, first: usize, last: usize, kind: DraftKind) -> Draft {
        let (start_hit, end_hit) = (&self.hits[first], &self.hits[last]);
        let former = self.is_former(first);
        let mut span = Span {
            start: start_hit.span.start,
            end: end_hit.span.end,
        };
        let mut tokens = start_hit.tokens.start..end_hit.tokens.end;
        if former
            && matches!(kind, DraftKind::Agent { .. } | DraftKind::Title { .. })
            && let Some((former_span, former_token)) = self.former_word(first)
        {
            span.start = former_span;
            tokens.start = former_token;
        }
        Draft {
            segment: start_hit.segment,
            span,
            tokens,
            kind,
            places: Vec::new(),
            locative: self.locative(first),
            holder_surname: None,
        }
    }

    /// True when hit `index` follows hit `index - 1` with at most a possessive between.
    fn adjacent(&self, index: usize) -> bool {
        if index == 0 {
            return false;
        }
        let between = self
            .view
            .between(self.hits[index - 1].view.end, self.hits[index].view.start);
        matches!(between, "" | "'s" | "'")
    }

    fn is_former(&self, index: usize) -> bool {
        let word = self.view.word_before(self.hits[index].view.start);
        !word.is_empty() && self.kb.has_cue(word, Cue::Former)
    }

    /// Body start and token index of the "former" before hit `index`.
    fn former_word(&self, index: usize) -> Option<(u32, u32)> {
        let start = self.hits[index].view.start;
        let word = self.view.word_before(start);
        let head = self.view.text[..start].trim_end();
        let word_start = head.len().checked_sub(word.len())?;
        Some((
            self.view.body_span(word_start, head.len()).start,
            self.view.tokens(word_start, head.len()).start,
        ))
    }

    /// A preposition of place before the hit, skipping "the"; in a list the
    /// preposition of the first item counts for the rest ("in Kyiv and Odesa").
    fn locative(&self, index: usize) -> bool {
        let mut start = self.hits[index].view.start;
        let mut word = self.view.word_before(start);
        // "in the north of", "in central Tbilisi": skip an article and one
        // lower-case common word (compass words are common cues).
        for _ in 0..2 {
            let skippable = word == "the"
                || (word.chars().all(char::is_lowercase) && self.kb.has_cue(word, Cue::Common));
            let joins_a_list = matches!(word, "and" | "or");
            if word.is_empty() || !skippable || joins_a_list || self.kb.has_cue(word, Cue::Locative)
            {
                break;
            }
            start = self.view.text[..start].trim_end().len() - word.len();
            word = self.view.word_before(start);
        }
        if matches!(word, "and" | "or") && index > 0 {
            let word_start = self.view.text[..start].trim_end().len() - word.len();
            let previous_end = self.hits[index - 1].view.end;
            // Hits may overlap ("west texas intermediate and west texas sour"):
            // only a previous hit that ends before the conjunction joins the list.
            if previous_end <= word_start
                && self.view.text[previous_end..word_start].trim().is_empty()
            {
                return self.locative(index - 1);
            }
        }
        !word.is_empty() && self.kb.has_cue(word, Cue::Locative)
    }

    fn targets(&self, index: usize) -> impl Iterator<Item = Target> + '_ {
        self.hits[index].readings.iter().map(|r| r.target)
    }

    fn country(&self, index: usize) -> Option<(usize, bool)> {
        if self.full_actor(index).is_some() {
            return None;
        }
        self.targets(index).find_map(|target| match target {
            Target::Country(country) => Some((country, false)),
            Target::Demonym(country) => Some((country, true)),
            _ => None,
        })
    }

    fn full_actor(&self, index: usize) -> Option<usize> {
        self.targets(index).find_map(|target| match target {
            Target::Actor(actor) => Some(actor),
            _ => None,
        })
    }

    fn person(&self, index: usize) -> Option<PersonName> {
        if let Some(actor) = self.full_actor(index)
            && self.kb.actors()[actor].actor_type == ActorType::Person
        {
            return Some(PersonName::Full(actor));
        }
        let shorts: Vec<usize> = self
            .targets(index)
            .filter_map(|target| match target {
                Target::Short(actor) => Some(actor),
                _ => None,
            })
            .collect();
        (!shorts.is_empty() && self.full_actor(index).is_none())
            .then_some(PersonName::Short(shorts))
    }

    fn agent_with(&self, index: usize, wanted: fn(AgentClass) -> bool) -> Option<usize> {
        self.targets(index).find_map(|target| match target {
            Target::Agent(agent) if wanted(self.kb.agents()[agent].class) => Some(agent),
            _ => None,
        })
    }

    fn title(&self, index: usize) -> Option<usize> {
        self.agent_with(index, |class| {
            matches!(class, AgentClass::Title | AgentClass::Honorific)
        })
    }

    fn agent(&self, index: usize) -> Option<usize> {
        self.agent_with(index, |class| class != AgentClass::Honorific)
    }

    /// Places hit `index` may name; a place named by a common word ("Bank")
    /// only after a preposition of place, and never by a month, a day or a
    /// compass word ("in March", "in the West").
    fn places(&self, index: usize) -> Vec<usize> {
        let hit = &self.hits[index];
        let surface = &self.view.text[hit.view.clone()];
        // A capital that names its government ("Washington") is a place too,
        // whether or not a preposition of place precedes it.
        let metonym = self
            .full_actor(index)
            .is_some_and(|actor| self.kb.actors()[actor].actor_type == ActorType::Metonym);
        let cued = metonym || (self.locative(index) && !self.kb.has_cue(surface, Cue::Common));
        self.hits[index]
            .readings
            .iter()
            .filter(|reading| !reading.guarded || cued)
            .filter_map(|reading| match reading.target {
                Target::Place(place) => Some(place),
                _ => None,
            })
            .collect()
    }
}
