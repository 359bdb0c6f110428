//! The built-in pattern files (`data/verbs/*.txt`), listed by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/builtin_verbs.rs"));
