/*!
`dateline merge`: the reduce step. Events (`extract`'s output) or merged
entries (an earlier `merge`'s output) in, one merged entry per `event_id`
out, as JSONL.

Each input line is recognised on its own: an object with a `mentions` key is
a [`TimelineEntry`], one with a `mention_id` key is an [`Event`], taken as
its singleton entry ([`timeline::singleton`], what [`timeline::merge_events`]
does). Everything goes through [`timeline::Merger`], the merge `build` uses,
so merging is associative, commutative and idempotent: any split of the
events merged in any grouping, order or with repeats writes the same bytes.
Output order is the timeline's (by date, then precision, then id).

Bad lines are reported on stderr (one JSON object per line, the schema of
`extract`'s diagnostics, with `file` set) and skipped; the exit code is then
1\. Lines are parsed in parallel batches and folded into the merge as they
come; the merge holds every mention in compact form (its repeated parts
shared, see [`timeline::Merger`]) and writes the entries one at a time. For
more than one machine's memory, run one `merge` per hash partition of
`event_id`.
*/

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

use rayon::prelude::*;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use super::extract::{clip, write_line, LineDiagnostic};
use crate::model::{Event, TimelineEntry};
use crate::timeline;

/// Options of `merge`.
#[derive(Debug, Clone, Default)]
pub struct MergeOptions {
    /// JSONL files of events or entries; empty or `-` reads stdin.
    pub inputs: Vec<String>,
}

/// Run `merge`, reading stdin for `-` or no input; returns the exit code.
pub fn run(opts: &MergeOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let stdin = io::stdin();
    let mut stdin = stdin.lock();
    run_with_stdin(opts, &mut stdin, out, err)
}

/// Run `merge` with `stdin` standing for `-`; returns the exit code.
pub fn run_with_stdin(
    opts: &MergeOptions,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let inputs: Vec<&str> = if opts.inputs.is_empty() {
        vec!["-"]
    } else {
        opts.inputs.iter().map(String::as_str).collect()
    };
    if inputs.iter().filter(|i| **i == "-").count() > 1 {
        write_line(err, &usage("`-` (stdin) given more than once"));
        return super::EXIT_USAGE;
    }

    let mut acc =
        Accumulator { merger: timeline::Merger::new(), diagnostics: 0, read: 0, err: &mut *err };
    for name in inputs {
        if name == "-" {
            acc.read("-", stdin);
            continue;
        }
        match File::open(name) {
            Ok(f) => acc.read(name, &mut BufReader::with_capacity(1 << 18, f)),
            Err(e) => acc.fail(name, None, "io", format!("cannot open: {e}")),
        }
    }
    let Accumulator { merger, diagnostics, read, .. } = acc;
    let merged = merger.finish();
    let entries = merged.len() as u64;

    let mut w = BufWriter::with_capacity(1 << 18, out);
    if let Err(e) = merged.write_jsonl(&mut w).and_then(|()| w.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            write_line(err, &usage(&format!("writing stdout: {e}")));
        }
        return super::EXIT_IO;
    }
    let errors = diagnostics as u64;
    write_line(err, &Summary { summary: true, read, entries, errors });
    if errors > 0 {
        super::EXIT_INPUT_FAILED
    } else {
        super::EXIT_OK
    }
}

#[derive(Serialize)]
struct Summary {
    summary: bool,
    read: u64,
    entries: u64,
    errors: u64,
}

/// Lines parsed in parallel per batch (then folded into the merge in input
/// order): at most this many lines, or as many as make this many bytes.
const BATCH_LINES: usize = 4096;
const BATCH_BYTES: usize = 8 << 20;
/// Line buffers bigger than this are freed after their batch.
const SPARE_MAX: usize = 64 << 10;

/// One parsed input line.
enum Parsed {
    Entry(TimelineEntry),
    Event(Event),
}

/// Everything read so far.
struct Accumulator<'a> {
    merger: timeline::Merger,
    diagnostics: usize,
    read: u64,
    err: &'a mut dyn Write,
}

impl Accumulator<'_> {
    fn read(&mut self, name: &str, r: &mut dyn BufRead) {
        let mut n = 0u64;
        let mut batch: Vec<Vec<u8>> = Vec::with_capacity(BATCH_LINES);
        let mut spare: Vec<Vec<u8>> = Vec::new();
        let mut bytes = 0usize;
        loop {
            let mut line = spare.pop().unwrap_or_default();
            line.clear();
            let done = match r.read_until(b'\n', &mut line) {
                Ok(0) => true,
                Ok(len) => {
                    bytes += len;
                    batch.push(line);
                    false
                }
                Err(e) => {
                    n = self.fold(name, n, &mut batch, &mut spare);
                    self.fail(name, Some(n + 1), "io", format!("read error: {e}"));
                    return;
                }
            };
            if done || batch.len() >= BATCH_LINES || bytes >= BATCH_BYTES {
                n = self.fold(name, n, &mut batch, &mut spare);
                bytes = 0;
            }
            if done {
                return;
            }
        }
    }

    /// Parse a batch in parallel and add it to the merge in order; returns
    /// the number of the batch's last line.
    fn fold(
        &mut self,
        name: &str,
        mut n: u64,
        batch: &mut Vec<Vec<u8>>,
        spare: &mut Vec<Vec<u8>>,
    ) -> u64 {
        let parsed: Vec<Option<Result<Parsed, (&'static str, String)>>> =
            batch.par_iter().map(|line| parse(line)).collect();
        for p in parsed {
            n += 1;
            self.read += 1;
            match p {
                None => {}
                Some(Ok(Parsed::Entry(e))) => self.merger.add_entry(e),
                Some(Ok(Parsed::Event(e))) => self.merger.add_event(e),
                Some(Err((kind, msg))) => self.fail(name, Some(n), kind, msg),
            }
        }
        // Line buffers are reused, except big ones (merged entries can be
        // megabytes), which would stay allocated for the whole read.
        spare.extend(batch.drain(..).filter(|b| b.capacity() <= SPARE_MAX));
        n
    }

    fn fail(&mut self, name: &str, line: Option<u64>, kind: &'static str, message: String) {
        self.diagnostics += 1;
        let mut d = LineDiagnostic::new(kind, 0, message);
        d.file = name.to_string();
        d.line = line;
        write_line(self.err, &d);
    }
}

/// One line: `None` when blank, else the event or entry it holds, or the
/// diagnostic kind and message.
fn parse(line: &[u8]) -> Option<Result<Parsed, (&'static str, String)>> {
    let Ok(text) = std::str::from_utf8(line) else {
        return Some(Err(("utf8", "invalid UTF-8".into())));
    };
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(parse_json(text).map_err(|msg| ("json", clip(&msg).into_owned())))
}

/// Which keys a line has at its top level, read without building it.
#[derive(Deserialize)]
struct Probe {
    #[serde(default, deserialize_with = "present")]
    mentions: bool,
    #[serde(default, deserialize_with = "present")]
    mention_id: bool,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    IgnoredAny::deserialize(d).map(|_| true)
}

fn parse_json(text: &str) -> Result<Parsed, String> {
    if !text.starts_with('{') {
        // (A JSON array would otherwise pass for a struct's fields.)
        serde_json::from_str::<IgnoredAny>(text).map_err(|e| format!("bad JSON: {e}"))?;
        return Err("not a JSON object".into());
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => "not a JSON object".to_string(),
        _ => format!("bad JSON: {e}"),
    })?;
    if probe.mentions {
        serde_json::from_str(text)
            .map(Parsed::Entry)
            .map_err(|e| format!("bad timeline entry: {e}"))
    } else if probe.mention_id {
        serde_json::from_str(text).map(Parsed::Event).map_err(|e| format!("bad event: {e}"))
    } else {
        Err("neither an event (no `mention_id`) nor a timeline entry (no `mentions`)".into())
    }
}

fn usage(message: &str) -> LineDiagnostic {
    let mut d = LineDiagnostic::new("usage", 0, message.into());
    d.line = None;
    d
}
