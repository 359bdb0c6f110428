//! Prunes a trained model, scores it on dev and (once) test, writes the
//! scores into its description and installs it as the built-in model.
//!
//! ```text
//! cargo run --release -p dateline-parse --example finish -- TRAINED.model ../shared/ud-ewt 0.5
//! ```

use std::path::Path;

use dateline_parse::{Model, conllu, eval};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model = Model::from_bytes(&std::fs::read(&args[0]).expect("model")).expect("loads");
    let pruned = model.pruned(args[2].parse().expect("threshold"));
    let score = |split: &str| {
        let path = Path::new(&args[1]).join(format!("en_ewt-ud-{split}.conllu"));
        let text = std::fs::read_to_string(&path).expect("treebank split");
        let (sentences, _) = conllu::read(split, &text);
        eval::score(&pruned, &sentences)
    };
    let (dev, test) = (score("dev"), score("test"));
    eprintln!("dev: {dev}\ntest: {test}");
    let description = format!(
        "Dateline tagger and parser trained on UD English EWT 2.15 (train split; CC BY-SA 4.0: \
         these weights derive from it and are shared under the same licence), pruned at {}. \
         Dev (gold tokens): {dev}. Test (gold tokens): {test}.",
        args[2]
    );
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/parse/en_ewt.model");
    let bytes = pruned.with_description(&description).to_bytes();
    std::fs::write(&out, &bytes).expect("write the model");
    eprintln!(
        "wrote {} ({:.1} MB)",
        out.display(),
        bytes.len() as f64 / 1e6
    );
}
