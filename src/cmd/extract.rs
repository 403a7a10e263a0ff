//! `dateline extract`: the streaming map step. JSONL articles on stdin, JSONL
//! events on stdout, diagnostics as JSON lines on stderr.

use std::io::{BufRead, Write};
use std::path::PathBuf;

/// Options of `extract`.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Exit with code 3 once more than this many bad lines were seen.
    pub max_errors: Option<u64>,
    /// Lines longer than this many bytes are rejected.
    pub max_line_bytes: usize,
    /// Read data files from here instead of the embedded copies.
    pub data_dir: Option<PathBuf>,
}

/// Run `extract`; returns the exit code.
pub fn run(
    opts: &ExtractOptions,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let _ = (opts, input, out);
    let _ = writeln!(err, "dateline extract: not built yet");
    super::EXIT_USAGE
}
