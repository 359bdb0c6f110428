#![no_main]
//! Fuzzes the jsonl reader: no input may panic, and every article it gives
//! must keep the body invariants.

use dateline_read::Format;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read_and_check("fuzz", data, Format::Jsonl);
});
