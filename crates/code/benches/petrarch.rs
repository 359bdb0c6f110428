//! Loading the PETRARCH community dictionaries (`../shared/petrarch/`:
//! CAMEO.verbpatterns, the three Phoenix actor files and the agents) and
//! coding with them. Without that folder the bench generates dictionaries
//! of a similar shape, so it always runs.
//!
//! Figures: `petrarch_load` is the verb dictionary plus the knowledge base
//! (target < 1 s); `petrarch_code` codes prepared sentences (segmented,
//! tagged, recognised) with the coder alone, reported per sentence.

use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline_code::{Coder, CoderConfig, VerbDictionary};
use dateline_kb::{Kb, petrarch};
use dateline_model::{Block, BlockKind, Doc, Meta, Span};
use dateline_recognise::Recogniser;

const ACTOR_FILES: &[&str] = &[
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
];

/// The dictionaries as text: the shared set when present, else generated.
struct Dictionaries {
    verbs: String,
    actors: Vec<String>,
    agents: String,
    shared: bool,
}

fn shared_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/petrarch")
}

fn dictionaries() -> Dictionaries {
    let folder = shared_folder();
    let read = |name: &str| std::fs::read_to_string(folder.join(name)).ok();
    if let (Some(verbs), Some(agents)) = (
        read("CAMEO.verbpatterns.150430.txt"),
        read("Phoenix.agents.txt"),
    ) && let Some(actors) = ACTOR_FILES
        .iter()
        .map(|name| read(name))
        .collect::<Option<Vec<_>>>()
    {
        return Dictionaries {
            verbs,
            actors,
            agents,
            shared: true,
        };
    }
    generated()
}

/// Dictionaries of a similar shape: 400 blocks of 5 verbs and 25 patterns,
/// 20,000 actors with dated codes, 2,000 agents.
fn generated() -> Dictionaries {
    let mut verbs = String::from("&WEAPON\n+RIFLE\n+MORTAR\n+ROCKET_LAUNCHER\n\n");
    for block in 0..400 {
        verbs.push_str(&format!("--- BLOCK{block} [{:03}] ---\n", 10 + block % 190));
        for verb in 0..5 {
            verbs.push_str(&format!("VERB{block}X{verb}\n"));
        }
        for pattern in 0..25 {
            verbs.push_str(&format!(
                "- * + WORD{pattern} &WEAPON [{:03}]\n",
                10 + pattern
            ));
        }
    }
    let mut actors = String::from("NORWAY_ [NOR]\n+NORWEGIAN_\nSWEDEN_ [SWE]\n+SWEDISH_\n");
    for person in 0..20_000 {
        actors.push_str(&format!(
            "PERSON_{person}_\n+P_{person}\n\t[NORGOV 990101-051231]\n\t[NORELI]\n"
        ));
    }
    let agents = (0..2_000).map(|n| format!("AGENT{n} [~GOV]\n")).collect();
    Dictionaries {
        verbs,
        actors: vec![actors],
        agents,
        shared: false,
    }
}

/// Everything `dateline code --no-builtin` loads before coding.
fn load(dictionaries: &Dictionaries) -> (VerbDictionary, Kb, usize) {
    let mut verbs = VerbDictionary::default();
    let load = verbs.add_petrarch_file("verbs", &dictionaries.verbs);
    let mut kb = Kb::empty();
    let mut problems = load.errors.len();
    for (idx, actors) in dictionaries.actors.iter().enumerate() {
        problems += petrarch::load_actors(&mut kb, &format!("actors{idx}"), actors).len();
    }
    problems += petrarch::load_agents(&mut kb, "agents", &dictionaries.agents).len();
    (verbs, kb, problems)
}

/// Wire-style sentences: the Reuters corpus when present, else written here.
fn sentences() -> Vec<String> {
    let corpus =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/reuters21578.jsonl");
    if let Ok(text) = std::fs::read_to_string(corpus) {
        let texts: Vec<String> = text
            .lines()
            .take(300)
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|record| record["text"].as_str().map(str::to_string))
            .collect();
        if !texts.is_empty() {
            return texts;
        }
    }
    let written = [
        "Russia attacked Ukraine with artillery on Monday, officials said.",
        "Norwegian soldiers met Swedish police near the border for talks.",
        "The foreign ministers of France and Germany met in Paris on Tuesday.",
        "Israel accused Iran of arming militants in Lebanon.",
        "China and Japan signed an agreement on fisheries.",
    ];
    (0..300)
        .map(|idx| written[idx % written.len()].to_string())
        .collect()
}

fn prepared(recogniser: &Recogniser, text: &str) -> Doc {
    let meta = Meta {
        date: chrono::NaiveDate::from_ymd_opt(2010, 6, 1),
        ..Meta::default()
    };
    let mut doc = Doc::new(meta, text.to_string());
    doc.blocks.push(Block {
        span: Span::new(0, text.len()),
        kind: BlockKind::Paragraph,
    });
    dateline_segment::segment(&mut doc);
    dateline_tag::tag(&mut doc);
    recogniser.recognise(&mut doc);
    doc
}

fn bench(c: &mut Criterion) {
    let dictionaries = dictionaries();
    let started = Instant::now();
    let (verbs, kb, problems) = load(&dictionaries);
    let loaded_in = started.elapsed();
    assert!(
        verbs.patterns().len() > 5_000,
        "verb dictionary unexpectedly small"
    );
    assert!(
        kb.actors().len() > 10_000,
        "actor dictionaries unexpectedly small"
    );
    eprintln!(
        "petrarch set ({}): loaded in {loaded_in:?}: {} compiled patterns, {} actors, {} agents, {problems} problems",
        if dictionaries.shared {
            "../shared/petrarch"
        } else {
            "generated"
        },
        verbs.patterns().len(),
        kb.actors().len(),
        kb.agents().len()
    );
    c.bench_function("petrarch_load", |b| b.iter(|| load(&dictionaries)));

    let recogniser = Recogniser::build(&kb).unwrap();
    let coder = Coder::new(verbs, CoderConfig::default());
    let docs: Vec<Doc> = sentences()
        .iter()
        .map(|text| prepared(&recogniser, text))
        .collect();
    let n_sentences: usize = docs.iter().map(|doc| doc.sentences.len()).sum();
    let mut events = 0;
    for doc in &docs {
        let mut doc = doc.clone();
        coder.code(&mut doc);
        events += doc.events.len();
    }
    assert!(events > 0, "no events coded");
    eprintln!(
        "petrarch_code: {} documents, {n_sentences} sentences, {events} events",
        docs.len()
    );
    let mut group = c.benchmark_group("petrarch_code");
    group.throughput(Throughput::Elements(n_sentences as u64));
    group.bench_function("sentences", |b| {
        b.iter(|| {
            for doc in &docs {
                let mut doc = doc.clone();
                coder.code(&mut doc);
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
