/*!
`dateline merge`: the reduce step. Events (`extract`'s output) or merged
entries (an earlier `merge`'s output) in, one merged entry per `event_id`
out, as JSONL.

Each input line is recognised on its own: an object with a `mentions` key is
a [`TimelineEntry`], one with a `mention_id` key is an [`Event`], taken as
its singleton entry ([`timeline::singleton`], what [`timeline::merge_events`]
does). Everything goes through [`timeline::merge_entries`], the same merge
`build` uses, so
merging is associative, commutative and idempotent: any split of the events
merged in any grouping, order or with repeats writes the same bytes. Output
order is the timeline's (by date, then precision, then id).

Bad lines are reported on stderr (one JSON object per line, the schema of
`extract`'s diagnostics, with `file` set) and skipped; the exit code is then
1\. Entries are held in memory: run one `merge` per hash partition of
`event_id` to keep each one small.
*/

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

use serde::Serialize;

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

    let mut acc = Accumulator { entries: Vec::new(), diagnostics: 0, read: 0, err: &mut *err };
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
    let Accumulator { entries, diagnostics, read, .. } = acc;
    let merged = timeline::merge_entries(entries);

    let mut w = BufWriter::with_capacity(1 << 18, out);
    let written = merged.iter().try_for_each(|entry| {
        serde_json::to_writer(&mut w, entry).map_err(io::Error::other)?;
        w.write_all(b"\n")
    });
    if let Err(e) = written.and_then(|()| w.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            write_line(err, &usage(&format!("writing stdout: {e}")));
        }
        return super::EXIT_IO;
    }
    let errors = diagnostics as u64;
    write_line(err, &Summary { summary: true, read, entries: merged.len() as u64, errors });
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

/// Everything read so far.
struct Accumulator<'a> {
    entries: Vec<TimelineEntry>,
    diagnostics: usize,
    read: u64,
    err: &'a mut dyn Write,
}

impl Accumulator<'_> {
    fn read(&mut self, name: &str, r: &mut dyn BufRead) {
        let mut line = Vec::new();
        let mut n = 0u64;
        loop {
            line.clear();
            match r.read_until(b'\n', &mut line) {
                Ok(0) => return,
                Ok(_) => {}
                Err(e) => {
                    self.fail(name, Some(n + 1), "io", format!("read error: {e}"));
                    return;
                }
            }
            n += 1;
            self.read += 1;
            let Ok(text) = std::str::from_utf8(&line) else {
                self.fail(name, Some(n), "utf8", "invalid UTF-8".into());
                continue;
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            if let Err(msg) = self.add(text) {
                self.fail(name, Some(n), "json", clip(&msg).into_owned());
            }
        }
    }

    fn add(&mut self, text: &str) -> Result<(), String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("bad JSON: {e}"))?;
        let obj = value.as_object().ok_or("not a JSON object")?;
        if obj.contains_key("mentions") {
            let entry =
                serde_json::from_value(value).map_err(|e| format!("bad timeline entry: {e}"))?;
            self.entries.push(entry);
        } else if obj.contains_key("mention_id") {
            let event: Event =
                serde_json::from_value(value).map_err(|e| format!("bad event: {e}"))?;
            self.entries.push(timeline::singleton(event));
        } else {
            return Err(
                "neither an event (no `mention_id`) nor a timeline entry (no `mentions`)".into()
            );
        }
        Ok(())
    }

    fn fail(&mut self, name: &str, line: Option<u64>, kind: &'static str, message: String) {
        self.diagnostics += 1;
        let mut d = LineDiagnostic::new(kind, 0, message);
        d.file = name.to_string();
        d.line = line;
        write_line(self.err, &d);
    }
}

fn usage(message: &str) -> LineDiagnostic {
    let mut d = LineDiagnostic::new("usage", 0, message.into());
    d.line = None;
    d
}
