//! Inputs: files, standard input, and directories expanded into their files.

use std::fs;
use std::path::{Path, PathBuf};

use crate::sniff::is_known_extension;
use crate::{Diagnostic, Severity};

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    Path(PathBuf),
    /// Standard input, named `-` on the command line.
    Stdin,
}

impl Input {
    /// The name used in diagnostics and in `meta.input.path`.
    pub fn name(&self) -> String {
        match self {
            Input::Path(path) => path.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// Expands command-line paths into inputs: `-` is standard input, a file is
/// itself, and a directory gives every file below it whose extension names a
/// known format (`.txt`, `.jsonl`, `.html`, `.xml`, `.rss`, `.atom`, `.warc`,
/// each optionally `.gz`), skipping hidden files and directories and sorted by
/// path so runs are repeatable. Paths that do not exist or cannot be listed
/// give error diagnostics.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<Diagnostic>) {
    let mut inputs = Vec::new();
    let mut diagnostics = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => walk(path, &mut inputs, &mut diagnostics),
            Ok(_) => inputs.push(Input::Path(path.clone())),
            Err(error) => diagnostics.push(path_error(path, &error)),
        }
    }
    (inputs, diagnostics)
}

/// Walks a directory tree without recursion; symbolic links to directories
/// are not followed, so a link cycle cannot trap the walk.
fn walk(root: &Path, inputs: &mut Vec<Input>, diagnostics: &mut Vec<Diagnostic>) {
    let mut pending = vec![root.to_path_buf()];
    let mut files = Vec::new();
    while let Some(directory) = pending.pop() {
        let entries = match fs::read_dir(&directory) {
            Ok(entries) => entries,
            Err(error) => {
                diagnostics.push(path_error(&directory, &error));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    diagnostics.push(path_error(&directory, &error));
                    continue;
                }
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() {
                pending.push(path);
            } else if is_known_extension(&name) && fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                files.push(path);
            }
        }
    }
    files.sort();
    inputs.extend(files.into_iter().map(Input::Path));
}

fn path_error(path: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        input: path.display().to_string(),
        position: None,
        message: error.to_string(),
    }
}
