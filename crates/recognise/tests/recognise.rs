//! The recogniser on short wire-style articles written for these tests.

use std::sync::LazyLock;

use chrono::NaiveDate;
use dateline_kb::Kb;
use dateline_model::{
    Block, BlockKind, Doc, EntityGuess, Mention, Meta, PlaceKind, Resolution, SegmentRef, Span,
};
use dateline_recognise::{Recogniser, UnknownName, mention_rows, unknown_names};

static RECOGNISER: LazyLock<Recogniser> =
    LazyLock::new(|| Recogniser::build(&Kb::builtin().expect("built-in kb")).expect("automaton"));

/// An article: paragraphs separated by blank lines; a paragraph starting with
/// "## " is a heading (the marker stays in the body, as text).
struct Article<'a> {
    text: &'a str,
    date: Option<&'a str>,
    dateline: Option<&'a str>,
}

fn article(text: &str) -> Article<'_> {
    Article {
        text,
        date: Some("2024-06-12"),
        dateline: None,
    }
}

impl Article<'_> {
    fn dated(self, date: &'static str) -> Self {
        Article {
            date: Some(date),
            ..self
        }
    }

    fn from(self, place: &'static str) -> Self {
        Article {
            dateline: Some(place),
            ..self
        }
    }

    fn recognise_with(&self, recogniser: &Recogniser) -> Doc {
        let meta = Meta {
            date: self
                .date
                .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
            place: self.dateline.map(str::to_string),
            ..Meta::default()
        };
        let mut doc = Doc::new(meta, self.text.to_string());
        let mut offset = 0;
        for paragraph in self.text.split("\n\n") {
            let kind = if paragraph.starts_with("## ") {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            doc.blocks.push(Block {
                span: Span::new(offset, offset + paragraph.len()),
                kind,
            });
            offset += paragraph.len() + 2;
        }
        dateline_segment::segment(&mut doc);
        recogniser.recognise(&mut doc);
        assert_spans_slice_body(&doc);
        doc
    }

    fn recognise(&self) -> Doc {
        self.recognise_with(&RECOGNISER)
    }
}

fn assert_spans_slice_body(doc: &Doc) {
    let mut previous_start = 0;
    for mention in &doc.mentions {
        assert!(mention.span.end as usize <= doc.body().len());
        assert!(doc.body().is_char_boundary(mention.span.start as usize));
        assert!(
            mention.span.start >= previous_start,
            "mentions out of order"
        );
        previous_start = mention.span.start;
        let first = doc.tokens[mention.tokens.start as usize].span;
        let last = doc.tokens[mention.tokens.end as usize - 1].span;
        assert!(first.start <= mention.span.start && mention.span.end <= last.end);
    }
}

/// (surface, code) of every actor mention, in order.
fn actors(doc: &Doc) -> Vec<(&str, &str)> {
    doc.mentions
        .iter()
        .filter_map(|m| {
            m.actor
                .as_ref()
                .map(|a| (doc.text(m.span), a.code.as_str()))
        })
        .collect()
}

fn mention<'a>(doc: &'a Doc, surface: &str) -> &'a Mention {
    doc.mentions
        .iter()
        .find(|m| doc.text(m.span) == surface)
        .unwrap_or_else(|| panic!("no mention {surface:?} in {:?}", actors(doc)))
}

fn nth_mention<'a>(doc: &'a Doc, surface: &str, n: usize) -> &'a Mention {
    doc.mentions
        .iter()
        .filter(|m| doc.text(m.span) == surface)
        .nth(n)
        .unwrap_or_else(|| panic!("no mention #{n} of {surface:?}"))
}

fn code<'a>(doc: &'a Doc, surface: &str) -> &'a str {
    mention(doc, surface)
        .actor
        .as_ref()
        .expect("an actor")
        .code
        .as_str()
}

fn place_of<'a>(doc: &'a Doc, surface: &str) -> &'a dateline_model::PlaceRef {
    mention(doc, surface).place.as_ref().expect("a place")
}

#[test]
fn titles_and_country_adjectives_join_the_person() {
    let doc = article(
        "Israeli Prime Minister Benjamin Netanyahu met Prime Minister Narendra Modi of India \
         on Tuesday, while Russian President Vladimir Putin stayed in Moscow.",
    )
    .recognise();
    assert_eq!(
        actors(&doc),
        [
            ("Israeli Prime Minister Benjamin Netanyahu", "ISRGOV"),
            ("Prime Minister Narendra Modi of India", "INDGOV"),
            ("Russian President Vladimir Putin", "RUSGOV"),
        ]
    );
    let moscow = place_of(&doc, "Moscow");
    assert_eq!(
        (moscow.kind, moscow.country.as_deref()),
        (PlaceKind::City, Some("RUS"))
    );
}

#[test]
fn roles_follow_the_article_date() {
    let text = "U.S. President-elect Donald Trump spoke with Benjamin Netanyahu by phone.";
    let before_office = article(text).dated("2024-11-11").recognise();
    assert_eq!(
        actors(&before_office),
        [
            ("U.S. President-elect Donald Trump", "USAELI"),
            ("Benjamin Netanyahu", "ISRGOV")
        ]
    );
    let in_office = article(text).dated("2025-03-01").recognise();
    assert_eq!(
        code(&in_office, "U.S. President-elect Donald Trump"),
        "USAGOV"
    );
    // Netanyahu was out of office from June 2021 to December 2022.
    let in_opposition = article(text).dated("2022-03-01").recognise();
    assert_eq!(code(&in_opposition, "Benjamin Netanyahu"), "ISRELI");
}

#[test]
fn surnames_and_titles_refer_back_to_the_full_name() {
    let doc = article(
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.\n\n\
         Putin said the talks were useful. The Russian president later flew home, \
         and Xi thanked him.",
    )
    .recognise();
    let putin = mention(&doc, "Putin");
    assert_eq!(putin.actor.as_ref().unwrap().name, "Vladimir Putin");
    assert_eq!(putin.resolution, Resolution::Coreference { antecedent: 0 });
    let rows = mention_rows(&doc);
    let row = rows.iter().find(|r| r.text == "Putin").unwrap();
    assert_eq!(row.resolution, "coreference to mention 0");
    assert_eq!(
        (row.code.as_deref(), row.entity.as_deref()),
        (Some("RUSGOV"), Some("Q7747"))
    );
    let president = mention(&doc, "Russian president");
    assert_eq!(president.actor.as_ref().unwrap().code.as_str(), "RUSGOV");
    assert_eq!(
        president.resolution,
        Resolution::Coreference { antecedent: 0 }
    );
    let xi = mention(&doc, "Xi");
    assert_eq!(xi.actor.as_ref().unwrap().name, "Xi Jinping");
    // Two people in the sentence before: "him" stays unresolved.
    assert!(doc.mentions.iter().all(|m| doc.text(m.span) != "him"));
}

#[test]
fn pronouns_resolve_only_with_one_candidate() {
    let doc = article(
        "Ukrainian President Volodymyr Zelensky visited Kharkiv on Monday. \
         He said his government would rebuild the city.",
    )
    .recognise();
    let he = mention(&doc, "He");
    assert_eq!(he.actor.as_ref().unwrap().name, "Volodymyr Zelensky");
    assert_eq!(he.resolution, Resolution::Pronoun { antecedent: 0 });
    assert_eq!(code(&doc, "his"), "UKRGOV");
    assert_eq!(place_of(&doc, "Kharkiv").country.as_deref(), Some("UKR"));
}

#[test]
fn metonyms_stand_for_governments_but_not_after_in() {
    let doc = article(
        "The Kremlin rejected the proposal, and Moscow warned that the Pentagon was \
         escalating. Diplomats in Moscow said Downing Street had not replied.",
    )
    .recognise();
    assert_eq!(code(&doc, "The Kremlin"), "RUSGOV");
    assert_eq!(mention(&doc, "The Kremlin").resolution, Resolution::Metonym);
    let warned = nth_mention(&doc, "Moscow", 0);
    assert_eq!(warned.actor.as_ref().unwrap().code.as_str(), "RUSGOV");
    let located = nth_mention(&doc, "Moscow", 1);
    assert!(located.actor.is_none());
    assert_eq!(
        located.place.as_ref().unwrap().country.as_deref(),
        Some("RUS")
    );
    assert_eq!(code(&doc, "the Pentagon"), "USAMIL");
    assert_eq!(code(&doc, "Downing Street"), "GBRGOV");
}

#[test]
fn agents_combine_with_the_country_before_them() {
    let doc = article(
        "Iranian security forces detained two men, a former U.S. official said. \
         Russia's military denied the report, and the U.S. military declined to comment. \
         The Ukrainian President did not speak. Police said protesters had gathered.",
    )
    .recognise();
    assert_eq!(code(&doc, "Iranian security forces"), "IRNCOP");
    assert_eq!(code(&doc, "former U.S. official"), "USAELI");
    assert_eq!(code(&doc, "Russia's military"), "RUSMIL");
    assert_eq!(code(&doc, "U.S. military"), "USAMIL");
    assert_eq!(code(&doc, "Ukrainian President"), "UKRGOV");
    assert_eq!(code(&doc, "Police"), "---COP");
    assert_eq!(code(&doc, "protesters"), "---OPP");
    let forces = mention(&doc, "Iranian security forces")
        .actor
        .as_ref()
        .unwrap();
    assert_eq!(
        (forces.country.as_deref(), forces.role.as_deref()),
        (Some("IRN"), Some("COP"))
    );
}

#[test]
fn country_aliases_and_organisations() {
    let doc = article(
        "Britain and the UK's allies met in America. The U.S. and the United Nations \
         backed the plan, according to The Washington Post and Reuters.",
    )
    .recognise();
    assert_eq!(
        actors(&doc),
        [
            ("Britain", "GBR"),
            ("UK", "GBR"),
            ("America", "USA"),
            ("U.S.", "USA"),
            ("United Nations", "IGOUNO"),
            ("The Washington Post", "USAMED"),
            ("Reuters", "GBRMED"),
        ]
    );
    assert_eq!(place_of(&doc, "Britain").kind, PlaceKind::Country);
}

#[test]
fn possessives_keep_the_name() {
    let doc = article("Putin’s spokesman spoke after Trump's remarks on Ukraine's grain.")
        .dated("2025-03-01")
        .recognise();
    assert_eq!(
        actors(&doc),
        [
            ("Putin", "RUSGOV"),
            // Putin's spokesman speaks for the Russian government.
            ("spokesman", "RUSGOV"),
            ("Trump", "USAGOV"),
            ("Ukraine", "UKR"),
        ]
    );
}

#[test]
fn case_rules_keep_common_words_out() {
    let doc = article(
        "Officials told us the turkey and the china were gifts. Turkey said the US would reply.",
    )
    .recognise();
    let surfaces: Vec<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.actor.as_ref().is_some_and(|a| a.country.is_some()))
        .map(|m| doc.text(m.span))
        .collect();
    assert_eq!(surfaces, ["Turkey", "US"]);
}

#[test]
fn all_caps_headlines_still_match() {
    let doc = article("## PUTIN WARNS NATO OVER UKRAINE\n\nThe statement came late on Friday.")
        .dated("2024-02-02")
        .recognise();
    assert_eq!(
        actors(&doc),
        [
            ("PUTIN", "RUSGOV"),
            ("NATO", "IGOWSTNAT"),
            ("UKRAINE", "UKR")
        ]
    );
    assert!(matches!(doc.mentions[0].segment, SegmentRef::Heading(0)));
}

#[test]
fn georgia_is_the_state_with_american_places_and_the_country_otherwise() {
    let american = article(
        "Voters in Atlanta and across Georgia lined up early, as they did in Arizona and Ohio.",
    )
    .recognise();
    let state = place_of(&american, "Georgia");
    assert_eq!(
        (state.kind, state.adm1.as_deref()),
        (PlaceKind::Adm1, Some("US.GA"))
    );
    assert!(mention(&american, "Georgia").actor.is_none());

    let caucasus =
        article("Protesters in Tbilisi accused Georgia's government of drifting toward Russia.")
            .recognise();
    assert_eq!(code(&caucasus, "Georgia's government"), "GEOGOV");
    assert_eq!(
        place_of(&caucasus, "Tbilisi").country.as_deref(),
        Some("GEO")
    );
    let alone =
        article("Georgia and Armenia signed a border deal, officials in Tbilisi said.").recognise();
    assert_eq!(code(&alone, "Georgia"), "GEO");
    assert_eq!(place_of(&alone, "Georgia").kind, PlaceKind::Country);
}

#[test]
fn paris_is_in_france_unless_texas_is_named() {
    let france = article("Ministers gathered in Paris for the summit.").recognise();
    assert_eq!(place_of(&france, "Paris").country.as_deref(), Some("FRA"));

    let texas = article("A storm hit Paris, a town in northeast Texas, on Sunday.").recognise();
    let paris = place_of(&texas, "Paris");
    assert_eq!(
        (paris.country.as_deref(), paris.adm1.as_deref()),
        (Some("USA"), Some("US.TX"))
    );
    assert!(matches!(
        mention(&texas, "Paris").resolution,
        Resolution::Disambiguated { .. }
    ));
}

#[test]
fn big_cities_outrank_the_regions_named_after_them() {
    let doc =
        article("Traders in New York and Moscow sold the bonds, while Washington state voted.")
            .recognise();
    assert_eq!(place_of(&doc, "New York").kind, PlaceKind::City);
    assert_eq!(place_of(&doc, "Moscow").kind, PlaceKind::City);
}

#[test]
fn common_word_towns_need_a_preposition() {
    let doc =
        article("In March, Bank officials met. Protesters gathered in Bank, a town in India.")
            .recognise();
    assert!(doc.mentions.iter().all(|m| doc.text(m.span) != "March"));
    let banks: Vec<&Mention> = doc
        .mentions
        .iter()
        .filter(|m| doc.text(m.span) == "Bank")
        .collect();
    assert_eq!(banks.len(), 1, "only the town after 'in'");
    assert_eq!(
        banks[0].place.as_ref().unwrap().country.as_deref(),
        Some("IND")
    );
}

#[test]
fn dateline_washington_is_the_capital_and_weighs_on_focus() {
    let doc = article(
        "Officials said Florida would receive federal aid after the hurricane. \
         Senators from Ukraine's allies were briefed.",
    )
    .from("Washington")
    .recognise();
    let dateline = doc.dateline.as_ref().expect("dateline resolved");
    assert_eq!(
        (dateline.name.as_str(), dateline.adm1.as_deref()),
        ("Washington", Some("US.DC"))
    );
    assert_eq!(place_of(&doc, "Florida").adm1.as_deref(), Some("US.FL"));
    assert_eq!(doc.focus[0].country, "USA");
    assert_eq!(doc.focus[1].country, "UKR");
}

#[test]
fn focus_ranks_the_countries_an_article_is_about() {
    let doc = article(
        "Ukraine and Russia exchanged prisoners, Ukrainian officials said.\n\n\
         The swap was brokered by the United Arab Emirates. Russian officials confirmed it. \
         Kyiv said more swaps would follow.",
    )
    .recognise();
    let ranked: Vec<&str> = doc.focus.iter().map(|f| f.country.as_str()).collect();
    assert_eq!(ranked, ["UKR", "RUS", "ARE"]);
    assert_eq!(doc.focus[0].mentions, 3);
}

#[test]
fn unknown_names_get_a_guess_and_are_counted() {
    let first = article(
        "Olena Sokolova, a spokeswoman for the Kharkiv Regional Council, said shelling hit \
         Upper Dovzhyk Valley overnight. Mr. Hrytsenko was not hurt.",
    )
    .recognise();
    let guess = |surface: &str| mention(&first, surface).unknown;
    assert_eq!(guess("Olena Sokolova"), Some(EntityGuess::Person));
    assert_eq!(
        guess("Kharkiv Regional Council"),
        Some(EntityGuess::Organisation)
    );
    assert_eq!(guess("Hrytsenko"), Some(EntityGuess::Person));
    let second = article("Officials in Upper Dovzhyk Valley counted the damage.").recognise();
    assert_eq!(
        mention(&second, "Upper Dovzhyk Valley").unknown,
        Some(EntityGuess::Place)
    );
    let names = unknown_names([&first, &second]);
    assert_eq!(
        names[0],
        UnknownName {
            text: "Upper Dovzhyk Valley".to_string(),
            guess: EntityGuess::Place,
            count: 2
        }
    );
    assert_eq!(names.len(), 4);
}

#[test]
fn user_entries_extend_the_knowledge_base() {
    let mut kb = Kb::builtin().unwrap();
    let user = "#kind: actors\nid\ttype\tname\tcodes\tnames\tshort\tcountry\n\
                local:sokolova\tperson\tOlena Sokolova\tUKRGOV@2023-01-01..\t\tSokolova\tUKR\n";
    assert!(kb.extend_from_str("my-actors.tsv", user).is_empty());
    let recogniser = Recogniser::build(&kb).unwrap();
    let doc = article("Olena Sokolova opened the bridge. Sokolova said it cost little.")
        .recognise_with(&recogniser);
    assert_eq!(
        actors(&doc),
        [("Olena Sokolova", "UKRGOV"), ("Sokolova", "UKRGOV")]
    );
}

#[test]
fn documents_without_segments_yield_nothing_and_do_not_panic() {
    let mut doc = Doc::new(Meta::default(), "Putin met Modi.".to_string());
    RECOGNISER.recognise(&mut doc);
    assert!(doc.mentions.is_empty() && doc.focus.is_empty());
    let empty = article("").recognise();
    assert!(empty.mentions.is_empty());
}

#[test]
fn a_title_covers_the_unknown_name_after_it() {
    // The knowledge base does not know this minister; the title tells who he is.
    let doc = article("Ethiopian Foreign Minister Gedion Timothewos met reporters in Addis Ababa.")
        .recognise();
    let minister = mention(&doc, "Ethiopian Foreign Minister Gedion Timothewos");
    assert_eq!(minister.actor.as_ref().unwrap().code.as_str(), "ETHGOV");
    assert!(
        unknown_names([&doc])
            .iter()
            .all(|u| !u.text.contains("Gedion"))
    );
}

#[test]
fn a_capital_read_as_its_government_keeps_its_place() {
    let doc = article("Moscow warned Kyiv on Tuesday.").recognise();
    let moscow = mention(&doc, "Moscow");
    assert_eq!(moscow.actor.as_ref().unwrap().code.as_str(), "RUSGOV");
    assert_eq!(
        moscow.place.as_ref().unwrap().country.as_deref(),
        Some("RUS")
    );
}

#[test]
fn a_titled_unknown_person_is_found_again_by_surname() {
    let doc = article(
        "Ethiopian Foreign Minister Gedion Timothewos met reporters in Addis Ababa. \
         Timothewos said the talks would resume.",
    )
    .recognise();
    let later = nth_mention(&doc, "Timothewos", 0);
    assert_eq!(later.actor.as_ref().unwrap().code.as_str(), "ETHGOV");
    let first = doc
        .mentions
        .iter()
        .position(|m| doc.text(m.span) == "Ethiopian Foreign Minister Gedion Timothewos")
        .unwrap() as u32;
    assert_eq!(
        later.resolution,
        Resolution::Coreference { antecedent: first }
    );
}

#[test]
fn a_surname_shared_by_two_titled_unknown_people_stays_unresolved() {
    let doc = article(
        "Kenyan Governor Joseph Otieno met Ugandan Mayor Peter Otieno in Busia. \
         Otieno said the border would reopen.",
    )
    .recognise();
    assert_eq!(code(&doc, "Kenyan Governor Joseph Otieno"), "KENGOV");
    assert_eq!(code(&doc, "Ugandan Mayor Peter Otieno"), "UGAGOV");
    assert!(
        doc.mentions
            .iter()
            .all(|m| doc.text(m.span) != "Otieno" || m.actor.is_none())
    );
}

#[test]
fn a_hyphenated_suffix_stays_with_the_title_before_the_name() {
    // "Governor-elect" is no entry of its own: the suffix joins the title and
    // the name after it is the holder's.
    let doc = article("Nigerian Governor-elect Dapo Okunlade visited Abuja on Monday.").recognise();
    assert_eq!(
        code(&doc, "Nigerian Governor-elect Dapo Okunlade"),
        "NGAGOV"
    );
}

#[test]
fn a_member_noun_heads_the_unknown_name_after_it() {
    let doc =
        article("Hamas official Basem Yousef told reporters the talks had stalled.").recognise();
    assert_eq!(code(&doc, "Hamas official Basem Yousef"), "PSEREBHMS");
    assert!(
        unknown_names([&doc])
            .iter()
            .all(|u| !u.text.contains("Basem"))
    );
}

#[test]
fn a_given_name_before_a_surname_is_a_person_not_a_place() {
    let doc = article(
        "Jordan Henderson met officials in Amman on Monday. \
         Judge Amy Carter Jackson ordered the release of the documents.",
    )
    .dated("2023-04-03")
    .recognise();
    // Neither the country Jordan nor Jackson, Mississippi is meant.
    assert!(
        doc.mentions
            .iter()
            .all(|m| m.actor.as_ref().is_none_or(|a| a.code.as_str() != "JOR"))
    );
    assert_eq!(
        mention(&doc, "Jordan Henderson").unknown,
        Some(EntityGuess::Person)
    );
    assert_eq!(place_of(&doc, "Amman").country.as_deref(), Some("JOR"));
    assert!(mention(&doc, "Judge Amy Carter Jackson").place.is_none());
}

#[test]
fn another_persons_surname_is_not_a_known_leader() {
    // Imran Khan led Pakistan on this date; Tariq Khan is someone else.
    let doc = article(
        "Local councillor Tariq Khan said the road would reopen. Khan thanked the volunteers.",
    )
    .dated("2020-06-01")
    .recognise();
    assert!(
        doc.mentions
            .iter()
            .all(|m| m.actor.as_ref().is_none_or(|a| a.code.as_str() != "PAKGOV")),
        "{:?}",
        actors(&doc)
    );
    let later = nth_mention(&doc, "Khan", 0);
    assert!(matches!(later.resolution, Resolution::Coreference { .. }));
}

#[test]
fn titles_give_unknown_holders_their_country_and_role() {
    let doc = article(
        "Senate Minority Whip Laura Brennan criticised the plan on Tuesday. \
         Ohio Governor Daniel Reyes said the state would comply. \
         Kenya's deputy interior minister, Peter Mwangi, said the border would stay open. \
         US Ambassador to France Mark Ellison attended the ceremony. \
         Brennan said the vote would be close, and Mwangi agreed.",
    )
    .dated("2023-05-09")
    .from("WASHINGTON")
    .recognise();
    assert_eq!(code(&doc, "Senate Minority Whip Laura Brennan"), "USALEG");
    assert_eq!(code(&doc, "Ohio Governor Daniel Reyes"), "USAGOV");
    assert_eq!(code(&doc, "Peter Mwangi"), "KENGOV");
    assert_eq!(code(&doc, "US Ambassador to France Mark Ellison"), "USAGOV");
    assert_eq!(code(&doc, "Brennan"), "USALEG");
    assert_eq!(code(&doc, "Mwangi"), "KENGOV");
}

#[test]
fn a_title_without_a_country_takes_the_articles() {
    let doc = article(
        "Judge Helen Marsh remanded the accused in custody. \
         Police said the accused had been arrested near the harbour. \
         Marsh set the next hearing for May.",
    )
    .dated("2023-08-14")
    .from("WELLINGTON")
    .recognise();
    assert_eq!(code(&doc, "Judge Helen Marsh"), "NZLJUD");
    assert_eq!(code(&doc, "the accused"), "NZLCRM");
    assert_eq!(code(&doc, "Police"), "NZLCOP");
    assert_eq!(code(&doc, "Marsh"), "NZLJUD");
}

#[test]
fn capitals_before_one_office_holder_name_the_office_not_a_people() {
    // "Circuit" and "Transport" are no nationality: the judge and the
    // secretary are the article's, while "Tigrayan fighters" stay a people's.
    let doc = article(
        "On Monday, Circuit Judge Helen Marsh dismissed the appeal in Wellington. \
         The harbour will reopen, Transport Secretary Colin Avery said. \
         The report named Tigrayan fighters.",
    )
    .dated("2023-08-14")
    .from("WELLINGTON")
    .recognise();
    assert_eq!(code(&doc, "Judge Helen Marsh"), "NZLJUD");
    assert_eq!(code(&doc, "Secretary Colin Avery"), "NZLGOV");
    assert_eq!(code(&doc, "fighters"), "---REB");
}

#[test]
fn a_person_described_by_the_body_they_serve_speaks_for_it() {
    let doc = article(
        "Marta Oliveira, head of foreign news for Reuters, said the reporter was safe. \
         Oliveira thanked the embassy.",
    )
    .dated("2023-08-14")
    .recognise();
    assert_eq!(code(&doc, "Marta Oliveira"), "GBRMED");
    assert_eq!(code(&doc, "Oliveira"), "GBRMED");
}

#[test]
fn names_joined_by_and_are_two_people() {
    let doc = article(
        "Finance Minister Colin Avery and Interior Minister Grace Tupou met on Monday. \
         Avery and Tupou later refused to comment.",
    )
    .dated("2023-08-14")
    .from("WELLINGTON")
    .recognise();
    assert_eq!(code(&doc, "Avery"), "NZLGOV");
    assert_eq!(code(&doc, "Tupou"), "NZLGOV");
    assert!(
        doc.mentions
            .iter()
            .all(|m| doc.text(m.span) != "Avery and Tupou"),
        "{:?}",
        actors(&doc)
    );
}

#[test]
fn a_place_in_the_sentence_outranks_the_article_for_agents() {
    let doc = article(
        "Gunmen attacked a bus in Kaduna on Friday. Members of the public helped the injured.",
    )
    .dated("2023-02-10")
    .from("LONDON")
    .recognise();
    assert_eq!(code(&doc, "Gunmen"), "NGAUAF");
    assert_eq!(code(&doc, "Members of the public"), "GBRCVL");
}

#[test]
fn coordinated_demonyms_share_the_agent_after_them() {
    let doc = article(
        "Polish and Czech negotiators met in Brussels. \
         The Egyptian foreign minister and his Greek, Cypriot and French counterparts \
         issued a joint statement.",
    )
    .dated("2023-03-01")
    .recognise();
    assert_eq!(code(&doc, "Polish"), "POLGOV");
    assert_eq!(code(&doc, "Czech negotiators"), "CZEGOV");
    assert_eq!(code(&doc, "Greek"), "GRCGOV");
    assert_eq!(code(&doc, "Cypriot"), "CYPGOV");
    assert_eq!(code(&doc, "French counterparts"), "FRAGOV");
}

#[test]
fn organisations_named_by_country_and_kind_and_their_acronyms() {
    let doc = article(
        "The Electoral Integrity Commission (EIC) of Ghana published the results. \
         The Federal Water Office of Austria warned of floods. \
         Later the EIC said turnout had risen.",
    )
    .dated("2023-01-20")
    .recognise();
    assert_eq!(code(&doc, "Electoral Integrity Commission"), "GHAGOV");
    // "Federal" alone names nothing, so the name starts after it.
    assert_eq!(code(&doc, "Water Office"), "AUTGOV");
    assert_eq!(
        nth_mention(&doc, "EIC", 1)
            .actor
            .as_ref()
            .unwrap()
            .code
            .as_str(),
        "GHAGOV"
    );
}

#[test]
fn groups_named_by_their_members_and_former_office_holders() {
    let doc = article(
        "Police spokesman Ali Hassan said militia commanders had fled. \
         The government of Chad denied it, and former Texas governor Tom Kane criticised the raid.",
    )
    .dated("2023-06-01")
    .recognise();
    assert_eq!(
        mention(&doc, "Police spokesman Ali Hassan")
            .actor
            .as_ref()
            .unwrap()
            .role
            .as_deref(),
        Some("COP")
    );
    assert_eq!(
        mention(&doc, "militia commanders")
            .actor
            .as_ref()
            .unwrap()
            .role
            .as_deref(),
        Some("REB")
    );
    assert_eq!(code(&doc, "government of Chad"), "TCDGOV");
    assert_eq!(code(&doc, "former Texas governor Tom Kane"), "USAELI");
}
