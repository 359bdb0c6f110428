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

/// CAMEO's role for governments and their officials.
const GOVERNMENT_ROLE: &str = "GOV";

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
    /// The agent noun heading a named group's phrase ("spokesperson" in
    /// "State Department spokesperson").
    pub member: Option<usize>,
    /// The agent whose role the phrase takes instead of its head's: the
    /// group a member or officer belongs to ("police" in "police
    /// spokesman", "Senate" in "Senate President").
    pub role_of: Option<usize>,
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

impl Draft {
    /// The agent noun or title the phrase was read from, if any.
    pub fn head_agent(&self) -> Option<usize> {
        match self.kind {
            DraftKind::Agent { agent, .. } | DraftKind::Title { agent, .. } => Some(agent),
            _ => self.member,
        }
    }
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
        let country = self
            .country(first)
            .or_else(|| self.place_before_agent(first));
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
            if let Some(head) = self.shared_agent_of_list(first) {
                // "the Chinese and Russian navies": "Chinese" is CHNMIL;
                // "his Greek, Cypriot and French counterparts": each is GOV.
                let agent = self.agent(head).expect("shared_agent_of_list checks");
                let kind = self.agent_kind(agent, country, former, first);
                return (Some(self.draft(first, first, kind)), next);
            }
            if let Some(head) = self.agent_after_modifiers(first) {
                let agent = self.agent(head).expect("agent_after_modifiers checks");
                let former = former && !self.former_qualifies_modifiers(first, head);
                let kind = self.agent_kind(agent, country, former, first);
                // "Bree Prime Minister Romendacil", where the dictionary codes
                // Romendacil by his country alone: the agent phrase covers
                // its holder's name and keeps the agent's role.
                let role_of = self.group_role(first + 1, head);
                if let Some(name_hit) = self.compatriot_after(head, country.map(|(c, _)| c)) {
                    let mut draft = self.draft(first, name_hit, kind);
                    draft.role_of = role_of;
                    return (Some(draft), name_hit + 1);
                }
                let mut draft = self.draft(first, head, kind);
                draft.role_of = role_of;
                self.extend_after_member_noun(&mut draft, agent);
                let next = self.hit_after(&draft);
                return (Some(draft), next);
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
            // "the Prime Minister of Tunisia", "Mayor of London Sadiq Khan".
            let suffix = country
                .is_none()
                .then(|| self.of_place_suffix(next - 1))
                .flatten();
            let last = suffix.map_or(next - 1, |(hit, _)| hit);
            let country = country.or(suffix.map(|(_, country)| (country, false)));
            let kind = self.agent_kind(last_title, country, former, first);
            let mut draft = self.draft(first, last, kind);
            self.extend_over_unknown_name(&mut draft);
            let next = self.hit_after(&draft);
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
    /// suffix stays with the title ("President-elect", "Premier-designate");
    /// an ambassador's or envoy's destination is skipped ("US Ambassador to
    /// Germany Richard Grenell"). Words the dictionary reads only as places
    /// or other people's surnames are part of the name ("Judge Amy Berman
    /// Jackson"). A title written with a capital takes a surname alone
    /// ("Judge Marrero ruled").
    fn extend_over_unknown_name(&self, draft: &mut Draft) {
        let segment_end = self.view.end_token();
        let mut start = draft.tokens.end;
        if start + 1 < segment_end
            && self.word(start) == "-"
            && self.token(start).span.start == self.token(start - 1).span.end
            && self.token(start + 1).span.start == self.token(start).span.end
            && self.token(start + 1).kind == TokenKind::Word
            && !self.is_name_word(start + 1)
        {
            start += 2;
        }
        let start = self.after_destination(start).unwrap_or(start);
        let end = self.name_end(start, segment_end);
        let title_written_as_title = self.is_name_word(draft.tokens.end - 1);
        let lone_surname = end == start + 1
            && title_written_as_title
            && start == draft.tokens.end
            && !self.kb.has_cue(self.word(start), Cue::Common)
            && (end >= segment_end || !self.is_name_word(end));
        // A name has two words at least; a lone capital may start a sentence clause.
        if end >= start + 2 || lone_surname {
            let surname = self.token(end - 1).span;
            draft.span.end = surname.end;
            draft.tokens.end = end;
            draft.holder_surname = Some(surname);
        }
    }

    /// One past the last word of a person's name starting at token `start`
    /// (`start` when no name starts there): capitalised words that no
    /// dictionary entry claims but as a place or a surname, with particles
    /// ("bin", "van") between them; five words at most.
    fn name_end(&self, start: u32, segment_end: u32) -> u32 {
        const MAX_WORDS: u32 = 5;
        let mut end = start;
        while end < segment_end && end - start < MAX_WORDS {
            let particle = self.kb.has_cue(self.word(end), Cue::Particle)
                && end > start
                && end + 1 < segment_end
                && self.is_free_name_word(end + 1);
            if !(self.is_free_name_word(end) || particle) {
                break;
            }
            end += 1;
        }
        end
    }

    /// A capitalised word that is free or read only as a place or surname.
    fn is_free_name_word(&self, token: u32) -> bool {
        if !self.is_name_word(token) {
            return false;
        }
        match self.hit_covering(token) {
            None => true,
            Some(index) => self.hits[index]
                .readings
                .iter()
                .all(|reading| matches!(reading.target, Target::Place(_) | Target::Short(_))),
        }
    }

    /// The token after "to Germany" when a title's destination country
    /// comes between it and its holder's name.
    fn after_destination(&self, start: u32) -> Option<u32> {
        if self.view.end_token() <= start + 1 || !self.kb.has_cue(self.word(start), Cue::Locative) {
            return None;
        }
        let destination = self.hit_covering(start + 1)?;
        self.country(destination)?;
        let after = self.hits[destination].tokens.end;
        (self.name_end(after, self.view.end_token()) >= after + 2).then_some(after)
    }

    fn token(&self, index: u32) -> &dateline_model::Token {
        &self.doc.tokens[index as usize]
    }

    fn word(&self, index: u32) -> &str {
        self.doc.text(self.token(index).span)
    }

    fn is_name_word(&self, index: u32) -> bool {
        self.token(index).kind == TokenKind::Word
            && self
                .word(index)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// The hit whose tokens include `token`.
    fn hit_covering(&self, token: u32) -> Option<usize> {
        let index = self.hits.partition_point(|hit| hit.tokens.end <= token);
        (index < self.hits.len() && self.hits[index].tokens.contains(&token)).then_some(index)
    }

    /// The first hit after the draft's tokens.
    fn hit_after(&self, draft: &Draft) -> usize {
        self.hits
            .partition_point(|hit| hit.tokens.start < draft.tokens.end)
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
                !self.kb.has_cue(word, Cue::Function)
                    && word.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        // Modifiers are adjectives, nouns and numbers: "India deployed
        // additional troops" has a verb between, so "India" stays alone.
        let gap = self.hits[country_hit].tokens.end..self.hits[agent_hit].tokens.start;
        let tags_ok = gap.clone().all(|token| {
            let tag = self.doc.tags.get(token as usize).copied();
            let text = self.doc.text(self.doc.tokens[token as usize].span);
            // "U.S.-led forces" are the U.S.'s forces.
            // Untagged text (tags are optional) relies on the word check above.
            matches!(text, "'s" | "’s" | "'" | "’" | "-")
                || self.kb.has_cue(text, Cue::Leading)
                || self.doc.tags.is_empty()
                || tag.is_some_and(|pos| {
                    pos.is_adjective() || matches!(pos, Pos::Nn | Pos::Nns | Pos::Cd)
                })
        });
        (modifiers_ok && tags_ok).then(|| self.agent_run_end(agent_hit))
    }

    /// "former United States presidential candidate Senator Ted Cruz":
    /// "former" qualifies the words between the country and a capitalised
    /// title, not the title.
    fn former_qualifies_modifiers(&self, country_hit: usize, head: usize) -> bool {
        let modifiers = self.hits[country_hit].tokens.end..self.hits[head].tokens.start;
        let has_words = modifiers.clone().any(|token| {
            self.token(token).kind == TokenKind::Word && !self.word(token).starts_with('\'')
        });
        has_words && self.is_name_word(self.hits[head].tokens.start)
    }

    /// "Chinese and Russian navies", "Greek, Cypriot and French
    /// counterparts": the agent after the last country of a list starting at
    /// hit `first`, which every country of the list shares.
    fn shared_agent_of_list(&self, first: usize) -> Option<usize> {
        let mut last = first;
        while last + 1 < self.hits.len()
            && self.country(last + 1).is_some()
            && self.joins_list(last)
        {
            last += 1;
        }
        (last > first)
            .then(|| self.agent_after_modifiers(last))
            .flatten()
    }

    /// True when the country hit `index` and the next are joined as a list:
    /// by "and" or "or", or by a comma after a demonym ("Chinese, Russian
    /// navies"); a country name before a comma ends its own phrase ("near
    /// its border with Ukraine, Ukrainian officials said").
    fn joins_list(&self, index: usize) -> bool {
        let between = self
            .view
            .between(self.hits[index].view.end, self.hits[index + 1].view.start);
        let conjunction = between.trim_start_matches(',').trim();
        let is_demonym = self.country(index).is_some_and(|(_, demonym)| demonym);
        self.kb.has_cue(conjunction, Cue::Conjunction) || (between == "," && is_demonym)
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
        let agent = self.agent(last).expect("agent_run_end ends on an agent");
        let entry = &self.kb.actors()[actor];
        // "Paris police", "Moscow riot police": a capital standing for its
        // government lends its country to a force of its own kind.
        let own_force = entry.actor_type == ActorType::Metonym
            && self.kb.agents()[agent].class == AgentClass::Group
            && self.kb.agents()[agent].role != self.government_role(actor);
        let country = entry
            .country
            .as_deref()
            .and_then(|code| self.kb.country_position(code));
        let kind = match country {
            Some(country) if own_force => {
                self.agent_kind(agent, Some((country, true)), self.is_former(first), first)
            }
            _ => DraftKind::Actor { actor },
        };
        let mut draft = self.draft(first, last, kind);
        draft.member = Some(agent);
        self.extend_after_member_noun(&mut draft, agent);
        let next = self.hit_after(&draft);
        Some((Some(draft), next))
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
    fn extend_after_member_noun(&self, draft: &mut Draft, agent: usize) {
        if matches!(
            self.kb.agents()[agent].class,
            AgentClass::Person | AgentClass::Title
        ) {
            self.extend_over_unknown_name(draft);
        }
    }

    /// The role segment of a metonym's code ("GOV" for the Kremlin).
    fn government_role(&self, actor: usize) -> String {
        let entry = &self.kb.actors()[actor];
        let code = entry.code_on(None).map(|code| code.as_str()).unwrap_or("");
        let country = entry.country.as_deref().unwrap_or("");
        code.strip_prefix(country).unwrap_or("").to_string()
    }

    /// "Connecticut Governor", "Wisconsin Supreme Court", "Northamptonshire's
    /// chief constable": a place that is not a country, right before an
    /// agent noun or title, gives the agent its country (as a demonym does).
    fn place_before_agent(&self, first: usize) -> Option<(usize, bool)> {
        let next = first + 1;
        if next >= self.hits.len()
            || self.full_actor(first).is_some()
            || self.agent(first).is_some()
            || self.locative(first)
            || !self.adjacent(next)
            || self.agent(next).is_none()
        {
            return None;
        }
        Some((self.places_country(first)?, true))
    }

    /// The country every place hit `index` may name lies in.
    fn places_country(&self, index: usize) -> Option<usize> {
        let places = self.places(index);
        let code = self.kb.places()[*places.first()?].country.as_deref()?;
        places
            .iter()
            .all(|&place| self.kb.places()[place].country.as_deref() == Some(code))
            .then(|| self.kb.country_position(code))
            .flatten()
    }

    /// "the government of Syria", "Mayor of London", "residents of Gaza":
    /// the hit after "of" and the country it names, unless it starts a list
    /// ("the foreign ministers of Armenia and Azerbaijan").
    fn of_place_suffix(&self, head: usize) -> Option<(usize, usize)> {
        let place_hit = head + 1;
        let hit = self.hits.get(place_hit)?;
        let between = self.view.between(self.hits[head].view.end, hit.view.start);
        let mut words = between.split_whitespace();
        let genitive = words
            .next()
            .is_some_and(|w| self.kb.has_cue(w, Cue::Genitive));
        // "the Parliament of the United Kingdom".
        let rest_ok = words.all(|w| self.kb.has_cue(w, Cue::Definite));
        if !(genitive && rest_ok) {
            return None;
        }
        let metonym_country = self
            .full_actor(place_hit)
            .filter(|&actor| self.kb.actors()[actor].actor_type == ActorType::Metonym)
            .and_then(|actor| self.kb.actors()[actor].country.as_deref())
            .and_then(|code| self.kb.country_position(code));
        let country = match self.country(place_hit) {
            Some((country, false)) => Some(country),
            Some((_, true)) => None,
            None => metonym_country.or_else(|| {
                self.full_actor(place_hit)
                    .is_none()
                    .then(|| self.places_country(place_hit))
                    .flatten()
            }),
        }?;
        let starts_list = place_hit + 1 < self.hits.len()
            && (self.country(place_hit + 1).is_some() || !self.places(place_hit + 1).is_empty())
            && self.joins_list_after(place_hit);
        (!starts_list).then_some((place_hit, country))
    }

    /// True when "and", "or" or a comma joins hit `index` to the next.
    fn joins_list_after(&self, index: usize) -> bool {
        let between = self
            .view
            .between(self.hits[index].view.end, self.hits[index + 1].view.start);
        let conjunction = between.trim_start_matches(',').trim();
        between == "," || self.kb.has_cue(conjunction, Cue::Conjunction)
    }

    /// In a run of agent nouns from hit `from` to its head, the group whose
    /// role an officer or generic member takes: "police spokesman" is COP,
    /// "Senate President" LEG, "militia commanders" REB; "government troops"
    /// keep their own role.
    fn group_role(&self, from: usize, head: usize) -> Option<usize> {
        let agents = self.kb.agents();
        let head_entry = &agents[self.agent(head)?];
        let generic = head_entry.class == AgentClass::Title || head_entry.role == GOVERNMENT_ROLE;
        if !generic {
            return None;
        }
        (from..head)
            .filter_map(|index| self.agent(index))
            .find(|&agent| {
                let entry = &agents[agent];
                matches!(entry.class, AgentClass::Group | AgentClass::Person)
                    && !entry.role.is_empty()
                    && entry.role != head_entry.role
            })
    }

    /// An agent noun used as a verb ("police the border", "they suspect")
    /// or a member noun used as an adjective before a noun ("a national
    /// emergency") names no actor. A group's noun before another keeps
    /// naming the group ("a military base" is the military's).
    fn is_modifier_use(&self, index: usize) -> bool {
        let hit = &self.hits[index];
        if hit.tokens.len() != 1 {
            return false;
        }
        let tag = |token: u32| self.doc.tags.get(token as usize).copied();
        let Some(own) = tag(hit.tokens.start) else {
            return false;
        };
        let member_noun = self.agent(index).is_some_and(|agent| {
            matches!(
                self.kb.agents()[agent].class,
                AgentClass::Person | AgentClass::Title
            )
        });
        own.is_verb()
            || (member_noun
                && own.is_adjective()
                && tag(hit.tokens.end).is_some_and(|next| next.is_noun()))
    }

    /// "Narendra Modi of India": the hit index of "India" when it is a country.
    fn of_country_suffix(&self, name_hit: usize) -> Option<usize> {
        let country_hit = name_hit + 1;
        let hit = self.hits.get(country_hit)?;
        let between = self
            .view
            .between(self.hits[name_hit].view.end, hit.view.start);
        (self.kb.has_cue(between, Cue::Genitive)
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
        // "the Manhattan district attorney" is no country's only officer of
        // that title: a place's office does not refer back to a national one.
        let sub_national = country.is_some()
            && self.country(first).is_none()
            && self.places_country(first).is_some();
        let country = country.map(|(country, _)| country);
        if self.kb.agents()[agent].class == AgentClass::Title {
            let definite = !sub_national
                && self.kb.has_cue(
                    self.view.word_before(self.hits[first].view.start),
                    Cue::Definite,
                );
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
            if head == index && self.is_modifier_use(index) {
                return (!places.is_empty()).then(|| {
                    let mut draft = self.draft(index, index, DraftKind::Place);
                    draft.places = places;
                    draft
                });
            }
            let agent = self.agent(head).expect("agent_run_end ends on an agent");
            let suffix = self.of_place_suffix(head);
            let country = suffix.map(|(_, country)| (country, false));
            let last = suffix.map_or(head, |(hit, _)| hit);
            let kind = self.agent_kind(agent, country, self.is_former(index), index);
            let mut draft = self.draft(index, last, kind);
            draft.role_of = self.group_role(index, head);
            if last == index {
                draft.places = places;
            }
            self.extend_after_member_noun(&mut draft, agent);
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
            member: None,
            role_of: None,
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
            let skippable = self.kb.has_cue(word, Cue::Definite)
                || (word.chars().all(char::is_lowercase) && self.kb.has_cue(word, Cue::Common));
            let joins_a_list = self.kb.has_cue(word, Cue::Conjunction);
            if word.is_empty() || !skippable || joins_a_list || self.kb.has_cue(word, Cue::Locative)
            {
                break;
            }
            start = self.view.text[..start].trim_end().len() - word.len();
            word = self.view.word_before(start);
        }
        if self.kb.has_cue(word, Cue::Conjunction) && index > 0 {
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
