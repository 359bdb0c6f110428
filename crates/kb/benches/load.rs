//! Times parsing the whole built-in knowledge base (what the first call to
//! `Kb::builtin` costs a process).

use criterion::{Criterion, criterion_group, criterion_main};

fn load_builtin(c: &mut Criterion) {
    let kb = dateline_kb::load_builtin().expect("built-in data parses");
    assert!(kb.places().len() > 30_000, "gazetteer unexpectedly small");
    c.bench_function("kb_load_builtin", |b| {
        b.iter(|| dateline_kb::load_builtin().expect("built-in data parses"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = load_builtin
}
criterion_main!(benches);
