//! Training on the hand-annotated fixture (`tests/fixtures/news.conllu`,
//! written for Dateline), and the model format: round trip, determinism,
//! and clear errors for files that are not models.

use dateline_parse::train::{TrainConfig, train};
use dateline_parse::{FORMAT_VERSION, Model, ModelError, conllu, eval};

const FIXTURE: &str = include_str!("fixtures/news.conllu");

fn fixture() -> Vec<conllu::Sentence> {
    let (sentences, problems) = conllu::read("news.conllu", FIXTURE);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(sentences.len(), 18);
    sentences
}

fn small_config() -> TrainConfig {
    TrainConfig {
        tagger_epochs: 8,
        parser_epochs: 30,
        // Jackknifed tags from folds of six sentences would be noise.
        folds: 0,
        description: "fixture model".to_string(),
        ..TrainConfig::default()
    }
}

fn trained() -> Model {
    train(&fixture(), &small_config(), &mut |_| {}).expect("trains")
}

#[test]
fn a_model_trained_on_the_fixture_fits_it() {
    let model = trained();
    let scores = eval::score(&model, &fixture());
    assert_eq!(scores.words, 166);
    // A perceptron fits 18 training sentences almost perfectly; far less
    // means the tagger, oracle or features are broken.
    assert!(scores.upos_percent() > 97.0, "{scores}");
    assert!(scores.uas_percent() > 93.0, "{scores}");
    assert!(scores.las_percent() > 90.0, "{scores}");
}

#[test]
fn the_model_format_round_trips_and_training_is_deterministic() {
    let model = trained();
    let bytes = model.to_bytes();
    assert_eq!(&bytes[..8], b"DLPARSE\0");
    assert_eq!(bytes[8..12], FORMAT_VERSION.to_le_bytes());
    let loaded = Model::from_bytes(&bytes).expect("loads");
    assert_eq!(loaded, model);
    assert_eq!(loaded.description(), "fixture model");
    assert_eq!(
        trained().to_bytes(),
        bytes,
        "same data, same seed, same model"
    );
    let words = ["Rebels", "attacked", "the", "town", "."];
    assert_eq!(loaded.parse_words(&words), model.parse_words(&words));
}

#[test]
fn files_that_are_not_models_are_refused_clearly() {
    let bytes = trained().to_bytes();
    let error = |bytes: &[u8]| Model::from_bytes(bytes).unwrap_err().to_string();
    assert_eq!(error(b""), "not a Dateline parse model (bad magic bytes)");
    assert_eq!(error(b"# text = a CoNLL-U file"), error(b""));
    let mut newer = bytes.clone();
    newer[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    assert_eq!(
        error(&newer),
        format!(
            "parse model format version {}, this build reads version {FORMAT_VERSION}; retrain the model",
            FORMAT_VERSION + 1
        )
    );
    let truncated = &bytes[..bytes.len() / 2];
    assert!(matches!(
        Model::from_bytes(truncated),
        Err(ModelError::Corrupt(_))
    ));
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xFF;
    assert!(matches!(
        Model::from_bytes(&flipped),
        Err(ModelError::Corrupt(_))
    ));
}

#[test]
fn training_needs_annotated_sentences() {
    let error = train(&[], &small_config(), &mut |_| {}).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no sentence with heads and relations to train on"
    );
    let (unannotated, _) = conllu::read("raw", "1\tHello\t_\t_\t_\t_\t_\t_\t_\t_\n");
    let error = train(&unannotated, &small_config(), &mut |_| {}).unwrap_err();
    assert_eq!(
        error.to_string(),
        "sentence at line 1: word 1: unknown UPOS tag \"\""
    );
}
