#![no_main]
//! Fuzzes the parse model loader: any bytes give a model or an error,
//! never a panic, and a model that loads can parse.

use dateline_parse::Model;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(model) = Model::from_bytes(data) {
        let parse = model.parse_words(&["Rebels", "attacked", "."]);
        assert_eq!(parse.len(), 3);
    }
});
