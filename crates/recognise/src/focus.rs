//! The article's country focus: which countries it is about, ranked.
//!
//! Every mention with a country (an actor's country or a place's) adds
//! evidence: 1 in the body, 2 in the first paragraph, 1.5 in a heading; a
//! country named in the title adds 3 and the dateline's country 2. A mention
//! that is both actor and place counts once.

use std::collections::HashMap;

use dateline_model::{CountryFocus, Doc, Mention, SegmentRef};

/// Weights of where a country is named.
const BODY: f32 = 1.0;
const FIRST_PARAGRAPH: f32 = 2.0;
const HEADING: f32 = 1.5;
const TITLE: f32 = 3.0;
const DATELINE: f32 = 2.0;

/// Ranks countries by evidence; ties go to the country named first.
pub fn rank(doc: &Doc, mentions: &[Mention], title_countries: &[String]) -> Vec<CountryFocus> {
    let first_block = doc.sentences.first().map(|s| s.block);
    let mut evidence: Vec<CountryFocus> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    let mut add = |country: &str, weight: f32, is_mention: bool| {
        let index = *position.entry(country.to_string()).or_insert_with(|| {
            evidence.push(CountryFocus {
                country: country.to_string(),
                score: 0.0,
                mentions: 0,
            });
            evidence.len() - 1
        });
        evidence[index].score += weight;
        evidence[index].mentions += u32::from(is_mention);
    };
    if let Some(country) = doc.dateline.as_ref().and_then(|p| p.country.as_deref()) {
        add(country, DATELINE, false);
    }
    for country in title_countries {
        add(country, TITLE, false);
    }
    for mention in mentions {
        let Some(country) = mention_country(mention) else {
            continue;
        };
        let weight = match mention.segment {
            SegmentRef::Heading(_) => HEADING,
            SegmentRef::Sentence(index) => {
                let block = doc.sentences.get(index as usize).map(|s| s.block);
                if block.is_some() && block == first_block {
                    FIRST_PARAGRAPH
                } else {
                    BODY
                }
            }
        };
        add(country, weight, true);
    }
    let mut ranked: Vec<(usize, CountryFocus)> = evidence.into_iter().enumerate().collect();
    ranked.sort_by(|(a_first, a), (b_first, b)| {
        b.score.total_cmp(&a.score).then(a_first.cmp(b_first))
    });
    ranked.into_iter().map(|(_, focus)| focus).collect()
}

fn mention_country(mention: &Mention) -> Option<&str> {
    mention
        .actor
        .as_ref()
        .and_then(|actor| actor.country.as_deref())
        .or_else(|| {
            mention
                .place
                .as_ref()
                .and_then(|place| place.country.as_deref())
        })
}
