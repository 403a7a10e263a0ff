//! `dateline render`: merged entries in, the same site as `build` out.
//!
//! The entries (JSON lines, as `dateline merge` writes them) may come in any
//! order, split over several files, or repeated: they are merged again by
//! `event_id` before writing, so the site is the one `build` would write.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};

use super::build::{count, report_diagnostics, OutputOptions, Progress};
use super::EXIT_USAGE;
use crate::model::{Diagnostic, Severity, TimelineEntry};

/// Options of `render`.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// JSONL files of merged entries; empty or `-` reads stdin.
    pub inputs: Vec<String>,
    /// How the site is written.
    pub output: OutputOptions,
}

/// Run `render`, reading standard input when no file is named; returns the
/// exit code.
pub fn run(opts: &RenderOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    run_with_stdin(opts, &mut input, out, err)
}

/// [`run`] with standard input supplied by the caller.
pub fn run_with_stdin(
    opts: &RenderOptions,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let _ = out;
    let progress = Progress::start(!opts.output.quiet);
    progress.stage("reading entries");
    let mut merger = crate::timeline::Merger::new();
    let mut read = 0usize;
    let mut diagnostics = Vec::new();
    let names: Vec<&str> = if opts.inputs.is_empty() {
        vec!["-"]
    } else {
        opts.inputs.iter().map(String::as_str).collect()
    };
    for name in names {
        if name == "-" {
            read_jsonl("-", stdin, &mut merger, &mut read, &mut diagnostics);
            continue;
        }
        match File::open(name) {
            Ok(f) => read_jsonl(
                name,
                &mut BufReader::with_capacity(1 << 18, f),
                &mut merger,
                &mut read,
                &mut diagnostics,
            ),
            Err(e) => {
                progress.finish();
                let _ = writeln!(err, "dateline render: {name}: {e}");
                return EXIT_USAGE;
            }
        }
    }
    let failed = report_diagnostics(&diagnostics, &opts.output, &progress, err);
    let read_label = count(read, "entry read", "entries read");
    progress.stage("merging entries");
    let merged = merger.finish();
    super::build::write_outputs(merged, &read_label, failed, &opts.output, &progress, err)
}

/// Read one entry per line into the merge (held compact, see
/// [`crate::timeline::Merger`]); blank lines are skipped, a bad line becomes
/// a diagnostic and reading goes on.
fn read_jsonl(
    name: &str,
    input: &mut dyn BufRead,
    merger: &mut crate::timeline::Merger,
    read: &mut usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut line = String::new();
    let mut n = 0usize;
    loop {
        line.clear();
        n += 1;
        match input.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                diagnostics.push(diag(name, Some(n), format!("cannot read: {e}")));
                break;
            }
        }
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        match serde_json::from_str::<TimelineEntry>(text) {
            Ok(e) => {
                *read += 1;
                merger.add_entry(e);
            }
            Err(e) => {
                let hint = if text.contains("\"mention_id\"") && !text.contains("\"mentions\"") {
                    " (this looks like an event, not a merged entry: run it through `dateline merge` first)"
                } else {
                    ""
                };
                diagnostics.push(diag(name, Some(n), format!("not a timeline entry: {e}{hint}")));
            }
        }
    }
}

fn diag(file: &str, line: Option<usize>, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: Some(file.to_string()),
        line,
        field: None,
        message,
    }
}
