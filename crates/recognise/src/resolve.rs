//! Turns drafts into mentions in article order: codes for the article's date,
//! places chosen in context, short names and titles tied to the person met
//! earlier (coreference).

use chrono::NaiveDate;
use dateline_kb::{ActorType, Cue, Kb};
use dateline_model::{ActorCode, ActorKind, ActorRef, Mention, Resolution, Span};

use crate::compose::{Draft, DraftKind};
use crate::places::{self, Context, Setting};

/// How agent mentions name their knowledge-base entry ("agent:police").
pub const AGENT_ENTITY: &str = "agent:";

/// A mention with what later mentions need to refer back to it.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub mention: Mention,
    /// The knowledge-base actor a person mention names.
    pub person: Option<usize>,
    /// Titles written with the person ("president" in "President Putin").
    pub titles: Vec<usize>,
    /// The surname of an unknown person the mention's title covers.
    pub holder_surname: Option<Span>,
    /// The agent noun or title the mention was read from.
    pub agent: Option<usize>,
}

impl Resolved {
    /// Clears what the mention refers to; an empty mention is dropped when
    /// mentions are put in body order.
    pub fn empty(&mut self) {
        self.mention.actor = None;
        self.mention.place = None;
        self.mention.unknown = None;
        self.person = None;
    }

    pub fn is_empty(&self) -> bool {
        self.mention.actor.is_none()
            && self.mention.place.is_none()
            && self.mention.unknown.is_none()
    }

    /// A one-token mention that refers back to an earlier one ("he",
    /// a surname alone), taking its actor.
    pub fn referring(
        doc: &dateline_model::Doc,
        segment: dateline_model::SegmentRef,
        token_idx: usize,
        antecedent: &Resolved,
        resolution: Resolution,
    ) -> Resolved {
        Resolved {
            mention: Mention {
                span: doc.tokens[token_idx].span,
                segment,
                tokens: token_idx as u32..token_idx as u32 + 1,
                actor: antecedent.mention.actor.clone(),
                place: None,
                unknown: None,
                resolution,
            },
            person: antecedent.person,
            titles: Vec::new(),
            holder_surname: None,
            agent: None,
        }
    }

    /// A later use of `resolved[antecedent]`'s name at one token ("Khan",
    /// an acronym): the same actor, and the same unknown kind when the
    /// name is not in the knowledge base.
    pub fn coreferring(
        doc: &dateline_model::Doc,
        segment: dateline_model::SegmentRef,
        token_idx: usize,
        resolved: &[Resolved],
        antecedent: usize,
    ) -> Resolved {
        let mut mention = Resolved::referring(
            doc,
            segment,
            token_idx,
            &resolved[antecedent],
            Resolution::Coreference {
                antecedent: antecedent as u32,
            },
        );
        mention.mention.unknown = resolved[antecedent].mention.unknown;
        mention
    }
}

/// Collects the unambiguous evidence of where the article is.
pub fn gather_context(
    kb: &Kb,
    drafts: &[Draft],
    date: Option<NaiveDate>,
    dateline: Option<usize>,
) -> Context {
    let mut context = Context {
        dateline,
        ..Context::default()
    };
    if let Some(place) = dateline {
        context.add_place(&kb.places()[place]);
    }
    for draft in drafts {
        match &draft.kind {
            DraftKind::Person { actor, .. } => {
                if let Some(country) = actor_country(kb, *actor, date) {
                    context.add_country(&country);
                }
            }
            DraftKind::Actor { actor } if draft.places.is_empty() => {
                if let Some(country) = actor_country(kb, *actor, date) {
                    context.add_country(&country);
                }
            }
            DraftKind::Country { country } => {
                let code = kb.countries()[*country].code.as_str();
                let unambiguous = draft
                    .places
                    .iter()
                    .all(|&p| kb.places()[p].country.as_deref() == Some(code));
                if unambiguous {
                    context.add_country(code);
                }
            }
            DraftKind::Demonym { country } => {
                context.add_country(kb.countries()[*country].code.as_str())
            }
            DraftKind::Agent {
                country: Some(country),
                ..
            } => context.add_country(kb.countries()[*country].code.as_str()),
            DraftKind::Place if draft.places.len() == 1 => {
                context.add_place(&kb.places()[draft.places[0]])
            }
            _ => {}
        }
    }
    context
}

/// Resolves drafts in order; `body` is the article text (for word checks).
pub struct Resolver<'a> {
    pub kb: &'a Kb,
    pub body: &'a str,
    pub date: Option<NaiveDate>,
    pub context: &'a Context,
    pub resolved: Vec<Resolved>,
}

impl Resolver<'_> {
    pub fn resolve(&mut self, draft: &Draft) {
        match &draft.kind {
            DraftKind::Person { actor, titles } => {
                if let Some(actor_ref) = self.actor_ref(*actor) {
                    self.push_person(draft, actor_ref, *actor, titles.clone(), Resolution::Name);
                }
            }
            DraftKind::Short { candidates, titles } => {
                self.resolve_short(draft, candidates, titles)
            }
            DraftKind::Country { country } => self.resolve_country(draft, *country),
            DraftKind::Demonym { country } => {
                let actor = self.country_ref(*country);
                self.push(draft, Some(actor), None, Resolution::Demonym);
            }
            DraftKind::Actor { actor } => self.resolve_actor(draft, *actor),
            DraftKind::Agent {
                agent,
                country,
                former,
            } => {
                let actor = self.agent_ref(*agent, *country, *former, draft.role_of);
                self.push(draft, Some(actor), None, Resolution::Agent);
            }
            DraftKind::Title {
                agent,
                country,
                definite,
                former,
            } => self.resolve_title(draft, *agent, *country, *definite, *former),
            DraftKind::Place => self.push_place(draft),
        }
    }

    fn resolve_short(&mut self, draft: &Draft, candidates: &[usize], titles: &[usize]) {
        let surface = &self.body[draft.span];
        let before_number = self.body[draft.span.end as usize..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        if let Some(antecedent) = self.earlier_person(candidates)
            && !before_number
        {
            let person = self.resolved[antecedent].person.unwrap_or(candidates[0]);
            if let Some(actor_ref) = self.actor_ref(person) {
                let antecedent = antecedent as u32;
                self.push_person(
                    draft,
                    actor_ref,
                    person,
                    titles.to_vec(),
                    Resolution::Coreference { antecedent },
                );
                return;
            }
        }
        let name_alone = candidates.len() == 1
            && !self.kb.has_cue(surface, Cue::Common)
            && !before_number
            && (draft.places.is_empty() || !titles.is_empty())
            && (self.in_office(candidates[0]) || !titles.is_empty());
        if name_alone && let Some(actor_ref) = self.actor_ref(candidates[0]) {
            self.push_person(
                draft,
                actor_ref,
                candidates[0],
                titles.to_vec(),
                Resolution::Name,
            );
            return;
        }
        if !titles.is_empty()
            && let Some(actor) = self.only_one_in_office(candidates)
            && let Some(actor_ref) = self.actor_ref(actor)
        {
            let reason = "the only one of that name in office on the article's date".to_string();
            self.push_person(
                draft,
                actor_ref,
                actor,
                titles.to_vec(),
                Resolution::Disambiguated { reason },
            );
            return;
        }
        if !draft.places.is_empty() {
            self.push_place(draft);
        }
    }

    /// True when the actor is in the news for an office on the article's
    /// date: holding it, about to take it (within a year: a president-elect)
    /// or out of it for less than five years ("Trump" in 2024, "Merkel" in
    /// 2023). A surname alone, with no full name before it, is taken to mean
    /// such a person, not a long-gone leader of the same name.
    fn in_office(&self, actor: usize) -> bool {
        const BEFORE: chrono::Days = chrono::Days::new(366);
        const AFTER: chrono::Days = chrono::Days::new(5 * 365);
        let entry = &self.kb.actors()[actor];
        let Some(date) = self.date else {
            return false;
        };
        entry.codes.iter().filter_map(|c| c.range).any(|range| {
            let from = range.from.and_then(|from| from.checked_sub_days(BEFORE));
            let until = range.until.and_then(|until| until.checked_add_days(AFTER));
            from.is_none_or(|from| from <= date) && until.is_none_or(|until| date < until)
        })
    }

    fn only_one_in_office(&self, candidates: &[usize]) -> Option<usize> {
        let in_office: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&actor| {
                self.kb.actors()[actor]
                    .code_on(self.date)
                    .is_some_and(|code| code.is_government())
            })
            .collect();
        (in_office.len() == 1).then(|| in_office[0])
    }

    /// The latest earlier mention of any of these people.
    fn earlier_person(&self, candidates: &[usize]) -> Option<usize> {
        self.resolved
            .iter()
            .rposition(|r| r.person.is_some_and(|p| candidates.contains(&p)))
            .map(|index| {
                self.first_mention_of(self.resolved[index].person.unwrap_or_default(), index)
            })
    }

    /// The first mention of `person`, following coreference links back.
    fn first_mention_of(&self, person: usize, fallback: usize) -> usize {
        self.resolved
            .iter()
            .position(|r| r.person == Some(person))
            .unwrap_or(fallback)
    }

    fn resolve_country(&mut self, draft: &Draft, country: usize) {
        let code = self.kb.countries()[country].code.as_str().to_string();
        let Some((place, reason)) =
            places::choose(self.kb, &draft.places, self.context, Setting::Text)
        else {
            let actor = self.country_ref(country);
            self.push(draft, Some(actor), None, Resolution::Name);
            return;
        };
        let chosen = &self.kb.places()[place];
        let is_the_country = chosen.kind == dateline_model::PlaceKind::Country
            && chosen.country.as_deref() == Some(&code);
        let place_ref = Some(chosen.to_place_ref());
        if is_the_country {
            let actor = self.country_ref(country);
            self.push(draft, Some(actor), place_ref, Resolution::Name);
        } else {
            let reason = reason.unwrap_or_else(|| "not the country of that name".to_string());
            self.push(draft, None, place_ref, Resolution::Disambiguated { reason });
        }
    }

    fn resolve_actor(&mut self, draft: &Draft, actor: usize) {
        let entry = &self.kb.actors()[actor];
        if entry.actor_type == ActorType::Metonym && !draft.places.is_empty() {
            let elsewhere = places::choose(self.kb, &draft.places, self.context, Setting::Text)
                .is_some_and(|(place, _)| self.kb.places()[place].country != entry.country);
            if draft.locative || elsewhere {
                self.push_place(draft);
                return;
            }
        }
        let Some(actor_ref) = self.actor_ref(actor) else {
            if !draft.places.is_empty() {
                self.push_place(draft);
            }
            return;
        };
        let resolution = match entry.actor_type {
            ActorType::Metonym => Resolution::Metonym,
            _ => Resolution::Name,
        };
        // A capital read as its government is still a place: the coder
        // needs it when the capital is visited rather than acting.
        let place_ref = (entry.actor_type == ActorType::Metonym)
            .then(|| places::choose(self.kb, &draft.places, self.context, Setting::Text))
            .flatten()
            .map(|(place, _)| self.kb.places()[place].to_place_ref())
            .filter(|place| place.country == entry.country);
        self.push(draft, Some(actor_ref), place_ref, resolution);
    }

    fn resolve_title(
        &mut self,
        draft: &Draft,
        agent: usize,
        country: Option<usize>,
        definite: bool,
        former: bool,
    ) {
        // "the Italian foreign minister, Luigi Di Maio" names its holder; a
        // definite title alone refers back to one named before.
        if definite && !former && draft.holder_surname.is_none() {
            let antecedent = self.title_holder(agent, country);
            if let Some(antecedent) = antecedent
                && let Some(person) = self.resolved[antecedent].person
                && let Some(actor_ref) = self.actor_ref(person)
            {
                let first = self.first_mention_of(person, antecedent) as u32;
                self.push_person(
                    draft,
                    actor_ref,
                    person,
                    vec![agent],
                    Resolution::Coreference { antecedent: first },
                );
                return;
            }
        }
        // "The foreign ministers of Armenia and Azerbaijan": a plural title
        // names a group of office-holders, like "leaders". A named holder's
        // or the office's ("the president") country, when the phrase gives
        // none, comes from the article (see `nationality`); a bare title
        // ("a candidate for prime minister") names no one.
        let surface = self.body[draft.span].to_lowercase();
        let plural = self.kb.agents()[agent]
            .plurals
            .iter()
            .any(|p| surface.ends_with(&p.to_lowercase()));
        let named = draft.holder_surname.is_some() || definite;
        if country.is_some() || former || plural || named {
            let actor = self.agent_ref(agent, country, former, draft.role_of);
            self.push(draft, Some(actor), None, Resolution::Agent);
        }
    }

    /// The latest person written with this title, or, for a country's title
    /// ("the Russian president"), the only person of that country in office.
    fn title_holder(&self, agent: usize, country: Option<usize>) -> Option<usize> {
        let country_code = country.map(|c| self.kb.countries()[c].code.as_str());
        let matches_country = |person: usize| {
            country_code.is_none_or(|code| {
                actor_country(self.kb, person, self.date).as_deref() == Some(code)
            })
        };
        let titled = self
            .resolved
            .iter()
            .rposition(|r| r.titles.contains(&agent) && r.person.is_some_and(matches_country));
        if titled.is_some() {
            return titled;
        }
        let code = country_code?;
        let in_office: Vec<usize> = self
            .resolved
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.person.is_some()
                    && r.mention
                        .actor
                        .as_ref()
                        .is_some_and(|a| a.code.is_government() && a.code.head() == code)
            })
            .map(|(index, _)| index)
            .collect();
        let distinct: std::collections::HashSet<usize> = in_office
            .iter()
            .filter_map(|&i| self.resolved[i].person)
            .collect();
        (distinct.len() == 1).then(|| *in_office.last().unwrap_or(&0))
    }

    fn push_place(&mut self, draft: &Draft) {
        let Some((place, reason)) =
            places::choose(self.kb, &draft.places, self.context, Setting::Text)
        else {
            return;
        };
        let resolution = reason.map_or(Resolution::Name, |reason| Resolution::Disambiguated {
            reason,
        });
        let place_ref = self.kb.places()[place].to_place_ref();
        self.push(draft, None, Some(place_ref), resolution);
    }

    fn push_person(
        &mut self,
        draft: &Draft,
        actor_ref: ActorRef,
        person: usize,
        titles: Vec<usize>,
        resolution: Resolution,
    ) {
        self.push(draft, Some(actor_ref), None, resolution);
        if let Some(last) = self.resolved.last_mut() {
            last.person = Some(person);
            last.titles = titles;
        }
    }

    fn push(
        &mut self,
        draft: &Draft,
        actor: Option<ActorRef>,
        place: Option<dateline_model::PlaceRef>,
        resolution: Resolution,
    ) {
        let holder_surname = draft.holder_surname.filter(|_| actor.is_some());
        self.resolved.push(Resolved {
            mention: Mention {
                span: draft.span,
                segment: draft.segment,
                tokens: draft.tokens.clone(),
                actor,
                place,
                unknown: None,
                resolution,
            },
            person: None,
            titles: Vec::new(),
            holder_surname,
            agent: draft.head_agent(),
        });
    }

    fn actor_ref(&self, actor: usize) -> Option<ActorRef> {
        let entry = &self.kb.actors()[actor];
        let code = entry.code_on(self.date)?.clone();
        let (country, role) = split_code(self.kb, &code);
        Some(ActorRef {
            country: country.or_else(|| {
                entry
                    .country
                    .clone()
                    .filter(|_| entry.actor_type != ActorType::Person)
            }),
            role,
            code,
            name: entry.name.clone(),
            entity: Some(entry.id.clone()),
            kind: entry.actor_type.model_kind(),
        })
    }

    fn country_ref(&self, country: usize) -> ActorRef {
        let entry = &self.kb.countries()[country];
        ActorRef {
            code: entry.code.clone(),
            name: entry.name.clone(),
            country: Some(entry.code.as_str().to_string()),
            role: None,
            entity: Some(entry.code.as_str().to_string()),
            kind: ActorKind::Country,
        }
    }

    /// "Russian" + "military" is RUSMIL; "former" makes an office-holder ELI;
    /// without a country the code starts with `---`.
    fn agent_ref(
        &self,
        agent: usize,
        country: Option<usize>,
        former: bool,
        role_of: Option<usize>,
    ) -> ActorRef {
        let entry = &self.kb.agents()[agent];
        let role_entry = &self.kb.agents()[role_of.unwrap_or(agent)];
        // "former officials" are elites out of office; "former detainees"
        // are still civilians.
        let role = if former && self.kb.has_cue(&role_entry.role, Cue::OfficeRole) {
            "ELI".to_string()
        } else {
            role_entry.role.clone()
        };
        let country_entry = country.map(|c| &self.kb.countries()[c]);
        let head = country_entry.map_or("---", |c| c.code.as_str());
        let code = ActorCode::parse(&format!("{head}{role}"))
            .unwrap_or_else(|_| ActorCode::parse("---").expect("'---' is a valid code"));
        let name = match country_entry {
            Some(country) => format!("{} ({})", entry.name, country.name),
            None => entry.name.clone(),
        };
        ActorRef {
            code,
            name,
            country: country_entry.map(|c| c.code.as_str().to_string()),
            role: (!role.is_empty()).then_some(role),
            entity: Some(format!("{AGENT_ENTITY}{}", entry.name)),
            kind: ActorKind::Agent,
        }
    }
}

/// The country and role segments of a code, when it starts with a known country.
fn split_code(kb: &Kb, code: &ActorCode) -> (Option<String>, Option<String>) {
    if kb.country(code.head()).is_none() {
        return (None, None);
    }
    let role = (!code.is_bare()).then(|| code.roles().to_string());
    (Some(code.head().to_string()), role)
}

/// The country an actor belongs to on `date`: its code's head, else its country field.
pub fn actor_country(kb: &Kb, actor: usize, date: Option<NaiveDate>) -> Option<String> {
    let entry = &kb.actors()[actor];
    let from_code = entry.code_on(date).and_then(|code| split_code(kb, code).0);
    from_code.or_else(|| entry.country.clone())
}
