//! Size, dev scores and speed (sentences per CPU-second, Linux) of a
//! trained model pruned at several thresholds.
//!
//! ```text
//! cargo run --release -p dateline-parse --example prune -- MODEL DEV.conllu 0.1 0.2 0.5
//! ```

use std::time::Instant;

use dateline_parse::{Model, conllu, eval};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = Model::from_bytes(&std::fs::read(&args[0]).expect("model")).expect("loads");
    let text = std::fs::read_to_string(&args[1]).expect("dev");
    let (dev, _) = conllu::read(&args[1], &text);
    for threshold in &args[2..] {
        let pruned = model.pruned(threshold.parse().expect("number"));
        let started = Instant::now();
        let cpu_started = cpu_seconds();
        let mut scores = eval::score(&pruned, &dev);
        for _ in 0..4 {
            scores = eval::score(&pruned, &dev);
        }
        let seconds = (cpu_seconds() - cpu_started) / 5.0;
        eprintln!("wall {:.2}s", started.elapsed().as_secs_f64() / 5.0);
        println!(
            "prune {threshold}: {:.1} MB, weights {:?}: {scores}; {:.0} sentences per CPU-second",
            pruned.to_bytes().len() as f64 / 1e6,
            pruned.n_weights(),
            dev.len() as f64 / seconds
        );
    }
}

/// CPU time of this process so far (user + system, from /proc; Linux).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |idx: usize| {
        fields
            .get(idx)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}
