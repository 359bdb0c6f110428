//! Turning slot fills into event participants, resolving pronouns.

use dateline_model::{
    ActorCode, ActorKind, Doc, EventCode, Location, LocationBasis, Mention, Participant, Pos,
    SegmentRef,
};

use crate::cues::Cue;
use crate::sentence::{PronounKind, Sentence};
use crate::slots::Fill;

/// The participant an actor mention stands for.
pub fn from_mention(doc: &Doc, mention_idx: u32) -> Option<Participant> {
    let mention = &doc.mentions[mention_idx as usize];
    let actor = mention.actor.as_ref()?;
    Some(Participant {
        code: actor.code.clone(),
        name: Some(actor.name.clone()),
        country: actor.country.clone(),
        span: Some(mention.span),
        mention: Some(mention_idx),
    })
}

/// A place that is not an actor stands for its country ("visited Kyiv").
pub(crate) fn from_place(doc: &Doc, mention_idx: u32) -> Option<Participant> {
    let mention = &doc.mentions[mention_idx as usize];
    let place = mention.place.as_ref()?;
    let country = place.country.as_ref()?;
    Some(Participant {
        code: ActorCode::parse(country).ok()?,
        name: Some(place.name.clone()),
        country: Some(country.clone()),
        span: Some(mention.span),
        mention: Some(mention_idx),
    })
}

/// The participants of a fill; `exclude` keeps a pronoun object from
/// resolving to the source ("Trump advised Putin and reminded him").
pub fn resolve_fill(sentence: &Sentence, fill: &Fill, exclude: &[ActorCode]) -> Vec<Participant> {
    let doc = sentence.doc;
    match fill {
        Fill::Actors(mentions) => mentions
            .iter()
            .filter_map(|&m| from_mention(doc, m))
            .collect(),
        Fill::Members { actors, role } => actors
            .iter()
            .filter_map(|&m| from_mention(doc, m))
            .map(|mut participant| {
                let bare_country = participant.code.is_bare() && participant.country.is_some();
                if bare_country {
                    let code = participant.code.with_role(role);
                    participant.code = code;
                }
                participant
            })
            .collect(),
        Fill::Place(mention) => from_place(doc, *mention).into_iter().collect(),
        Fill::EachOther => Vec::new(),
        Fill::Pronoun { token, kind } => resolve_pronoun(sentence, *token, *kind, exclude)
            .and_then(|m| from_mention(doc, m))
            .map(|mut participant| {
                // The evidence is the pronoun; the identity is its antecedent.
                participant.span = Some(sentence.token_span(*token));
                participant
            })
            .into_iter()
            .collect(),
    }
}

/// A pronoun's antecedent: the one compatible actor before it in the same
/// sentence, else the one in the previous sentence. Ambiguity resolves to
/// nothing: a wrong actor costs more than a missed one.
pub fn resolve_pronoun(
    sentence: &Sentence,
    token: usize,
    kind: PronounKind,
    exclude: &[ActorCode],
) -> Option<u32> {
    let doc = sentence.doc;
    let pronoun_start = sentence.token_span(token).start;
    let compatible = |mention_idx: &usize| {
        let mention = &doc.mentions[*mention_idx];
        let Some(actor) = &mention.actor else {
            return false;
        };
        kind_matches(kind, actor.kind) && !exclude.contains(&actor.code)
    };
    let same_sentence: Vec<usize> = sentence
        .mentions()
        .iter()
        .map(|&m| m as usize)
        .filter(|&m| doc.mentions[m].span.end <= pronoun_start)
        .filter(compatible)
        .collect();
    if let Some(found) = unique_actor(doc, &same_sentence) {
        return Some(found);
    }
    if !same_sentence.is_empty() {
        return None;
    }
    let SegmentRef::Sentence(sentence_idx) = sentence.segment else {
        return None;
    };
    let previous = SegmentRef::Sentence(sentence_idx.checked_sub(1)?);
    let candidates: Vec<usize> = sentence
        .index
        .mentions_in(previous)
        .iter()
        .map(|&m| m as usize)
        .filter(compatible)
        .collect();
    unique_actor(doc, &candidates)
}

/// The actor a bare definite noun ("the party", "the embassy") stands
/// for: the latest earlier mention in the article of a named actor whose
/// name ends in that noun or modifies it ("Thai Raksa Chart Party", "the
/// US Embassy").
pub fn resolve_definite(
    sentence: &Sentence,
    token: usize,
    lemma: &str,
    exclude: &[ActorCode],
) -> Option<u32> {
    let doc = sentence.doc;
    let start = sentence.token_span(token).start;
    let names_it = |mention: &Mention| {
        let Some(actor) = &mention.actor else {
            return false;
        };
        let is_noun = |token: usize, capital: bool| {
            doc.tokens.get(token).is_some_and(|t| {
                let text = doc.text(t.span);
                let form = text.to_lowercase();
                let spelled = form == lemma || dateline_tag::lemma(&form, Pos::Nns) == lemma;
                spelled && (!capital || text.starts_with(char::is_uppercase))
            })
        };
        let (first, end) = (mention.tokens.start as usize, mention.tokens.end as usize);
        // The noun ends the name, or ends a name the actor begins ("US
        // Embassy"; not "Iranian airline").
        let named = end - first >= 2 && is_noun(end - 1, false) || is_noun(end, true);
        named && !actor.code.is_headless() && !exclude.contains(&actor.code)
    };
    let found = doc
        .mentions
        .iter()
        .rposition(|mention| mention.span.end <= start && names_it(mention))?;
    Some(found as u32)
}

/// The last of `mentions` when they all name one actor.
fn unique_actor(doc: &Doc, mentions: &[usize]) -> Option<u32> {
    let last = *mentions.last()?;
    let code = &doc.mentions[last].actor.as_ref()?.code;
    mentions
        .iter()
        .all(|&m| {
            doc.mentions[m]
                .actor
                .as_ref()
                .is_some_and(|a| &a.code == code)
        })
        .then_some(last as u32)
}

pub(crate) fn kind_matches(pronoun: PronounKind, actor: ActorKind) -> bool {
    match pronoun {
        PronounKind::Person => actor == ActorKind::Person,
        PronounKind::Thing => matches!(actor, ActorKind::Country | ActorKind::Organisation),
        PronounKind::Plural => matches!(actor, ActorKind::Agent | ActorKind::Organisation),
    }
}

/// An agent with no country ("police" `---COP`) takes the country of the
/// place the sentence sets the action in ("in Nairobi"), else the country of
/// its counterpart in the event ("Duda vetoed a bill passed by parliament"),
/// else the dateline's ("KAMPALA - ... was arrested by police" gives `UGACOP`).
pub fn with_nationality(
    sentence: &Sentence,
    mut participant: Participant,
    counterpart_country: Option<&str>,
) -> Participant {
    if !participant.code.is_headless() {
        return participant;
    }
    let doc = sentence.doc;
    // "Israel said its warplanes struck ... across Lebanon": the possessive
    // names the agent's country before any place does.
    let country = possessive_owner_country(sentence, &participant)
        .or_else(|| sentence_place_country(sentence))
        .or_else(|| counterpart_country.map(str::to_string))
        .or_else(|| doc.dateline.as_ref().and_then(|p| p.country.clone()));
    let Some(country) = country else {
        return participant;
    };
    if let Ok(code) = participant.code.with_head(&country) {
        participant.code = code;
        participant.country = Some(country);
    }
    participant
}

/// "its government websites": the country a possessive pronoun before the
/// agent stands for.
fn possessive_owner_country(sentence: &Sentence, participant: &Participant) -> Option<String> {
    let mention = participant.mention?;
    if !sentence.mentions().contains(&mention) {
        return None;
    }
    let mut idx = sentence.mention_range(mention).start;
    while idx > 0 && matches!(sentence.pos(idx - 1), Some(Pos::Jj | Pos::Nn | Pos::Cd)) {
        idx -= 1;
    }
    let owner = idx.checked_sub(1)?;
    if !sentence.is(owner, Cue::PossessivePronoun) {
        return None;
    }
    let kind = sentence.pronoun(owner)?;
    let antecedent = resolve_pronoun(sentence, owner, kind, &[])?;
    let actor = sentence.doc.mentions[antecedent as usize].actor.as_ref()?;
    actor.country.clone()
}

/// The country of the first place the sentence introduces with a preposition
/// of place ("in Nairobi", "near Kidal").
fn sentence_place_country(sentence: &Sentence) -> Option<String> {
    let doc = sentence.doc;
    sentence.mentions().iter().find_map(|&m| {
        let mention = &doc.mentions[m as usize];
        let place = mention.place.as_ref()?;
        // "in Nairobi", "in northern Burkina Faso", "in the eastern Congo".
        let mut before = sentence.mention_range(m).start;
        while before > 0 && matches!(sentence.pos(before - 1), Some(Pos::Dt | Pos::Jj)) {
            before -= 1;
        }
        let introduced = before > 0 && sentence.is(before - 1, Cue::Locative);
        introduced.then(|| place.country.clone()).flatten()
    })
}

/// "Met" or "held talks" with a place in the sentence: a visit (042) when the
/// place is in the target's country, hosting (043) in the source's, a third
/// location (044) elsewhere (data/gold/README.md, rule 24).
pub fn meeting_code(
    code: &EventCode,
    location: Option<&Location>,
    source: &Participant,
    target: Option<&Participant>,
) -> Option<EventCode> {
    if code.as_str() != "040" {
        return None;
    }
    let location = location.filter(|l| l.basis == LocationBasis::Sentence)?;
    let place_country = location.place.country.as_deref()?;
    let source_country = source.country.as_deref()?;
    let target_country = target?.country.as_deref()?;
    let code = if place_country == target_country {
        "042"
    } else if place_country == source_country {
        "043"
    } else {
        "044"
    };
    EventCode::parse(code).ok()
}

/// "visited Cairo": the place visited is where the event happened, and a
/// capital visited is its country, not its government (data/gold/README.md,
/// rule 17: a capital is the government only when it acts).
pub fn visit_destination(
    sentence: &Sentence,
    code: &EventCode,
    target: Option<Participant>,
) -> (Option<Participant>, Option<Location>) {
    let Some(mut target) = target else {
        return (None, None);
    };
    if code.as_str() != "042" {
        return (Some(target), None);
    }
    let Some(mention) = target.mention.map(|m| &sentence.doc.mentions[m as usize]) else {
        return (Some(target), None);
    };
    let Some(place) = mention.place.clone() else {
        return (Some(target), None);
    };
    if mention.resolution == dateline_model::Resolution::Metonym
        && let Some(country) = place
            .country
            .as_deref()
            .and_then(|c| ActorCode::parse(c).ok())
    {
        target.code = country;
    }
    let location = Location {
        span: Some(mention.span),
        place,
        basis: LocationBasis::Sentence,
    };
    (Some(target), Some(location))
}

/// "shelled Kyiv", "Kyiv was struck by missiles": a capital attacked is its
/// country, not its government (data/gold/README.md, rules 17 and 23: a
/// capital is the government only when it acts).
pub fn attacked_place(
    sentence: &Sentence,
    code: &EventCode,
    target: Option<Participant>,
) -> Option<Participant> {
    let mut target = target?;
    if !matches!(code.root(), "18" | "19" | "20") {
        return Some(target);
    }
    let Some(mention) = target.mention.map(|m| &sentence.doc.mentions[m as usize]) else {
        return Some(target);
    };
    if mention.resolution == dateline_model::Resolution::Metonym
        && let Some(country) = mention
            .place
            .as_ref()
            .and_then(|place| place.country.as_deref())
            .and_then(|c| ActorCode::parse(c).ok())
    {
        target.code = country;
    }
    Some(target)
}

/// The government a protest with no named target addresses: the
/// protesters' own ("students protested in Dhaka against job quotas" is
/// aimed at Bangladesh's government; data/gold/README.md, rule 30). An
/// agent with no country yet gets the sentence's place later, like its
/// source. Governments protesting name their target or have none.
pub fn protested_government(source: &Participant) -> Option<Participant> {
    if source.code.is_bare() || source.code.is_government() {
        return None;
    }
    Some(Participant {
        code: source.code.government(),
        name: Some("government".into()),
        country: source.country.clone(),
        span: None,
        mention: None,
    })
}

/// "blocked roads in Tbilisi": a protest aimed at a place is aimed at the
/// place's government.
pub fn protested_place(
    sentence: &Sentence,
    code: &EventCode,
    target: Option<Participant>,
) -> Option<Participant> {
    let mut target = target?;
    let place_only = target
        .mention
        .is_some_and(|m| sentence.doc.mentions[m as usize].actor.is_none());
    if code.root() == "14" && place_only && target.code.is_bare() {
        target.code = target.code.government();
    }
    Some(target)
}

/// The country of a source, as a target: a curfew, martial law or a
/// blocked website imposed by a government falls on its own country
/// (data/gold/README.md, rule 23).
pub fn own_country(source: &Participant) -> Option<Participant> {
    if source.code.is_headless() {
        return None;
    }
    Some(Participant {
        code: source.code.head_only(),
        name: source.country.clone(),
        country: source.country.clone(),
        span: None,
        mention: None,
    })
}
