//! Agents with no country of their own take the country the text sets them
//! in (data/gold/README.md, rules 20 and 39): "police" after "in Nairobi" in
//! the same sentence are Kenyan, "Judge Paul Kellar" in an article
//! datelined Christchurch is a New Zealand judge, "the accused" in an
//! article about New Zealand a New Zealand suspect.
//!
//! In order: the first place the sentence introduces with a preposition of
//! place, the dateline's country, the article's leading focus country when
//! it clearly leads. An agent after a possessive ("its warplanes", "their
//! government") is left to the coder, which resolves the owner. Mentions
//! that refer back to an agent (a surname, an acronym) follow it.

use dateline_kb::{Agent, AgentClass, Cue, Kb};

use crate::resolve::AGENT_ENTITY;
use dateline_model::{ActorCode, ActorKind, ActorRef, Doc, Mention, Pos, Resolution, SegmentRef};

/// How far the first focus country must lead the second to count as the
/// article's country: its score at least this many times the runner-up's,
/// from at least this many mentions.
const CLEAR_LEAD: f32 = 1.5;
const MIN_MENTIONS: u32 = 3;

/// CAMEO's role for governments and their officials.
const GOVERNMENT_ROLE: &str = "GOV";

/// Gives every country-less agent mention of `doc` a country where the text
/// settles one.
pub fn fill_countries(kb: &Kb, doc: &mut Doc) {
    let mut mentions = std::mem::take(&mut doc.mentions);
    let article_country = article_country(doc);
    for index in 0..mentions.len() {
        let mention = &mentions[index];
        if !needs_country(mention)
            || is_plural_office(kb, doc, mention)
            || after_possessive(kb, doc, mention)
            || credited(kb, doc, mention)
            || before_genitive(kb, doc, &mentions, index)
        {
            continue;
        }
        let country = match modifier_before(kb, doc, &mentions, index) {
            Modifier::Owner(country) => Some(country),
            Modifier::Body(actor) => {
                mentions[index].actor = Some(actor);
                continue;
            }
            // "District Judge Gray Miller", "Commerce Secretary Wilbur
            // Ross": before one office holder, capitals name the office.
            Modifier::Unknown if !is_one_office_holder(kb, doc, mention) => continue,
            Modifier::Unknown | Modifier::None => {
                sentence_place_country(kb, doc, &mentions, mention.segment)
                    .or_else(|| article_country.clone())
            }
        };
        if let Some(country) = country {
            set_country(kb, &mut mentions[index], &country);
        }
    }
    follow_antecedents(&mut mentions);
    doc.mentions = mentions;
}

fn needs_country(mention: &Mention) -> bool {
    mention.resolution == Resolution::Agent
        && mention
            .actor
            .as_ref()
            .is_some_and(|actor| actor.country.is_none() && actor.role.is_some())
}

/// The dateline's country, else the focus country when it clearly leads.
fn article_country(doc: &Doc) -> Option<String> {
    if let Some(country) = doc
        .dateline
        .as_ref()
        .and_then(|place| place.country.clone())
    {
        return Some(country);
    }
    let leader = doc.focus.first()?;
    let clear = leader.mentions >= MIN_MENTIONS
        && doc
            .focus
            .get(1)
            .is_none_or(|runner_up| leader.score >= CLEAR_LEAD * runner_up.score);
    clear.then(|| leader.country.clone())
}

/// The country of the first place mention of the segment after a
/// preposition of place ("in Nairobi", "in northern Kenya", "in the west").
fn sentence_place_country(
    kb: &Kb,
    doc: &Doc,
    mentions: &[Mention],
    segment: SegmentRef,
) -> Option<String> {
    mentions
        .iter()
        .filter(|mention| mention.segment == segment)
        .find_map(|mention| {
            let place = mention.place.as_ref()?;
            let mut before = mention.tokens.start as usize;
            while before > 0 && matches!(tag(doc, before - 1), Some(Pos::Dt | Pos::Jj)) {
                before -= 1;
            }
            let preposition = before.checked_sub(1).map(|token| word(doc, token));
            let introduced = preposition.is_some_and(|preposition| {
                kb.has_cue(preposition, Cue::Locative) && !kb.has_cue(preposition, Cue::Direction)
            });
            introduced.then(|| place.country.clone()).flatten()
        })
}

/// "its warplanes", "their own security forces".
fn after_possessive(kb: &Kb, doc: &Doc, mention: &Mention) -> bool {
    let mut before = mention.tokens.start as usize;
    while before > 0 && matches!(tag(doc, before - 1), Some(Pos::Jj | Pos::Nn | Pos::Cd)) {
        before -= 1;
    }
    before > 0 && kb.has_cue(word(doc, before - 1), Cue::Possessive)
}

/// What stands right before an agent.
enum Modifier {
    /// An actor with a country, directly or with "'s": "the Trump
    /// administration", "Erdogan's office".
    Owner(String),
    /// An organisation an officer or member belongs to: "Labour Party leader
    /// Jeremy Corbyn" is the party's, "Facebook spokesman" the company's.
    Body(ActorRef),
    /// A capitalised word the knowledge base does not know: "Tigrayan
    /// forces", "Kurdish fighters" are that people's own.
    Unknown,
    None,
}

fn modifier_before(kb: &Kb, doc: &Doc, mentions: &[Mention], index: usize) -> Modifier {
    let mention = &mentions[index];
    let Some(mut before) = (mention.tokens.start as usize).checked_sub(1) else {
        return Modifier::None;
    };
    if segment_start(doc, mention.segment).is_some_and(|start| before < start) {
        return Modifier::None;
    }
    if matches!(word(doc, before), "'s" | "’s") && before > 0 {
        before -= 1;
    }
    let owner = mentions[..index]
        .iter()
        .rev()
        .find(|m| m.segment == mention.segment && m.tokens.contains(&(before as u32)));
    if let Some(owner) = owner {
        let Some(actor) = owner.actor.as_ref() else {
            return Modifier::None;
        };
        let body = actor.kind == ActorKind::Organisation && actor.country.is_some();
        // Officers ("leader", "spokesman", "official") speak for the body;
        // "company workers" are still workers.
        let member = mention.actor.as_ref().is_some_and(|a| {
            a.kind == ActorKind::Agent && a.role.as_deref() == Some(GOVERNMENT_ROLE)
        }) && owner.tokens.end as usize == mention.tokens.start as usize;
        if body && member {
            return Modifier::Body(actor.clone());
        }
        return actor
            .country
            .clone()
            .map_or(Modifier::None, Modifier::Owner);
    }
    let text = word(doc, before);
    let unknown = doc.tokens[before].kind == dateline_model::TokenKind::Word
        && text.starts_with(char::is_uppercase)
        && !kb.has_cue(text, Cue::Common)
        && segment_start(doc, mention.segment) != Some(before);
    if unknown {
        Modifier::Unknown
    } else {
        Modifier::None
    }
}

fn segment_start(doc: &Doc, segment: SegmentRef) -> Option<usize> {
    match segment {
        SegmentRef::Sentence(index) => doc.sentences.get(index as usize),
        SegmentRef::Heading(index) => doc.headings.get(index as usize),
    }
    .map(|segment| segment.token_range().start)
}

/// "the foreign ministers of Armenia and Azerbaijan", "the leader of a small
/// opposition party": the actor named after "of" is whose the agent is,
/// which the coder reads.
fn before_genitive(kb: &Kb, doc: &Doc, mentions: &[Mention], index: usize) -> bool {
    /// Words between "of" and the actor it introduces ("a small").
    const MAX_GAP: u32 = 4;
    let after = mentions[index].tokens.end;
    let genitive =
        (after as usize) < doc.tokens.len() && kb.has_cue(word(doc, after as usize), Cue::Genitive);
    genitive
        && mentions[index + 1..]
            .iter()
            .take_while(|m| m.segment == mentions[index].segment)
            .find(|m| m.tokens.start > after)
            .is_some_and(|next| {
                next.tokens.start <= after + MAX_GAP
                    && (next.actor.is_some() || next.place.is_some())
            })
}

/// "the foreign ministers", "the energy ministers": holders of one office in
/// several countries, as a rule, whatever the article's country.
fn is_plural_office(kb: &Kb, doc: &Doc, mention: &Mention) -> bool {
    agent_of(kb, mention)
        .is_some_and(|agent| agent.class == AgentClass::Title && is_plural(agent, doc, mention))
}

/// One person holding an office or a post ("Judge", "Secretary",
/// "spokesperson"), not a group ("forces") or several people ("fighters").
fn is_one_office_holder(kb: &Kb, doc: &Doc, mention: &Mention) -> bool {
    agent_of(kb, mention).is_some_and(|agent| {
        matches!(agent.class, AgentClass::Title | AgentClass::Person)
            && !is_plural(agent, doc, mention)
    })
}

fn agent_of<'k>(kb: &'k Kb, mention: &Mention) -> Option<&'k Agent> {
    let name = mention
        .actor
        .as_ref()
        .and_then(|actor| actor.entity.as_deref())
        .and_then(|entity| entity.strip_prefix(AGENT_ENTITY))?;
    kb.agent(name)
}

fn is_plural(agent: &Agent, doc: &Doc, mention: &Mention) -> bool {
    let surface = doc.text(mention.span).to_lowercase();
    agent
        .plurals
        .iter()
        .any(|plural| surface.ends_with(&plural.to_lowercase()))
}

/// "according to officials": a speaker credited for a report is no party to
/// it, and its country is left to the coder's attribution.
fn credited(kb: &Kb, doc: &Doc, mention: &Mention) -> bool {
    let start = mention.tokens.start as usize;
    start >= 2 && kb.has_cue(word(doc, start - 2), Cue::Attribution)
}

fn set_country(kb: &Kb, mention: &mut Mention, country: &str) {
    let Some(actor) = mention.actor.as_mut() else {
        return;
    };
    let role = actor.role.as_deref().unwrap_or_default();
    let Ok(code) = ActorCode::parse(&format!("{country}{role}")) else {
        return;
    };
    if actor.kind == dateline_model::ActorKind::Agent
        && let Some(entry) = kb.country(country)
    {
        actor.name = format!("{} ({})", actor.name, entry.name);
    }
    actor.code = code;
    actor.country = Some(country.to_string());
}

/// A surname, acronym or pronoun that refers back to an agent takes the
/// country the agent was given.
fn follow_antecedents(mentions: &mut [Mention]) {
    for index in 0..mentions.len() {
        let antecedent = match mentions[index].resolution {
            Resolution::Coreference { antecedent } | Resolution::Pronoun { antecedent } => {
                antecedent as usize
            }
            _ => continue,
        };
        let lacks_country = mentions[index]
            .actor
            .as_ref()
            .is_some_and(|actor| actor.country.is_none());
        let source = mentions.get(antecedent).and_then(|m| m.actor.clone());
        if lacks_country && source.as_ref().is_some_and(|actor| actor.country.is_some()) {
            mentions[index].actor = source;
        }
    }
}

fn tag(doc: &Doc, token: usize) -> Option<Pos> {
    doc.tags.get(token).copied()
}

fn word(doc: &Doc, token: usize) -> &str {
    doc.text(doc.tokens[token].span)
}
