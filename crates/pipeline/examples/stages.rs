//! Development aid: time each stage on a JSONL corpus.
//! `cargo run --release -p dateline-pipeline --example stages -- FILE.jsonl`

// The allocator the `dateline` binary uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use dateline_model::Doc;
use dateline_pipeline::{Pipeline, PipelineConfig};
use dateline_read::{ReadConfig, read_bytes};

fn main() {
    let path = std::env::args().nth(1).expect("a JSONL file");
    let bytes = std::fs::read(&path).unwrap();
    let mut docs: Vec<Doc> = Vec::new();
    read_bytes(&path, &bytes, &ReadConfig::default(), &mut |doc| {
        docs.push(doc)
    });
    let started = Instant::now();
    let (pipeline, _) = Pipeline::build(&PipelineConfig::default()).unwrap();
    println!("build {:?}", started.elapsed());
    let mut times = [Duration::ZERO; 4];
    let mut n_sentences = 0;
    for doc in &mut docs {
        let t = Instant::now();
        dateline_segment::segment(doc);
        times[0] += t.elapsed();
        let t = Instant::now();
        dateline_tag::tag(doc);
        times[1] += t.elapsed();
        let t = Instant::now();
        pipeline.recogniser().recognise(doc);
        times[2] += t.elapsed();
        let t = Instant::now();
        pipeline.coder().code(doc);
        times[3] += t.elapsed();
        n_sentences += doc.sentences.len();
    }
    let total: Duration = times.iter().sum();
    for (name, time) in ["segment", "tag", "recognise", "code"].iter().zip(times) {
        println!(
            "{name:10} {time:?} ({:.0} sentences/s)",
            n_sentences as f64 / time.as_secs_f64()
        );
    }
    println!(
        "total {total:?}: {n_sentences} sentences, {:.0} sentences/s",
        n_sentences as f64 / total.as_secs_f64()
    );
}
