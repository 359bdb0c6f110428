//! Compiles every `data/verbs/*.txt` pattern file into the binary.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let verbs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/verbs");
    println!("cargo::rerun-if-changed={}", verbs.display());
    let mut files: Vec<_> = std::fs::read_dir(&verbs)
        .expect("data/verbs exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .filter(|path| path.file_name().is_some_and(|name| name != "cues.txt"))
        .collect();
    files.sort();
    let mut code = String::from("pub const FILES: [(&str, &str); ");
    writeln!(code, "{}] = [", files.len()).unwrap();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    (\"data/verbs/{name}\", include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_verbs.rs");
    std::fs::write(out, code).unwrap();
}
