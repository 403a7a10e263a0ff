//! `dateline events`: print the merged timeline of events.
//!
//! Reads the inputs a batch at a time with [`crate::ingest::read_each`],
//! extracts and merges each batch's events ([`crate::timeline::Merger`]) and
//! prints one JSON object per entry (JSONL) or
//! the analyst CSV ([`crate::export::csv::write`]). Every diagnostic goes to
//! standard error; the exit code is 1 when some input failed, 2 on a usage
//! error.

use std::io::Write;

use rayon::prelude::*;

use super::InputOptions;
use crate::model::Severity;

/// Output format of `events`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EventsFormat {
    /// One JSON object per timeline entry.
    #[default]
    Jsonl,
    /// The analyst CSV.
    Csv,
}

/// Options of `events`.
#[derive(Debug, Clone, Default)]
pub struct EventsOptions {
    /// Where articles come from.
    pub input: InputOptions,
    /// Output format.
    pub format: EventsFormat,
}

/// Run `events`; returns the exit code.
pub fn run(opts: &EventsOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    // Articles stream through extraction a batch at a time (as in `build`);
    // only their events are kept. An article's own diagnostics are copies of
    // those the read returns, so they are not reported again.
    super::guard::install_panic_hook();
    let mut merger = crate::timeline::Merger::new();
    let mut failures = Vec::new();
    let read = crate::ingest::read_each(&opts.input, &mut |batch| {
        let events: Vec<_> = batch.par_iter().map(super::guard::extract_events).collect();
        for result in events {
            match result {
                Ok(events) => events.into_iter().for_each(|ev| merger.add_event(ev)),
                Err(d) => failures.push(d),
            }
        }
    });
    let read = match read {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "dateline events: {e}");
            return super::EXIT_USAGE;
        }
    };
    let mut failed = false;
    for d in read.diagnostics.iter().chain(&failures) {
        failed |= d.severity == Severity::Error;
        let _ = writeln!(err, "{d}");
    }
    let entries: Vec<crate::model::TimelineEntry> = merger.finish().into_entries().collect();
    let written = match opts.format {
        EventsFormat::Jsonl => write_jsonl(out, &entries),
        EventsFormat::Csv => {
            crate::export::csv::write(out, &entries, false).map_err(|e| e.to_string())
        }
    };
    if let Err(e) = written {
        // A closed pipe (`| head`) is not an error worth a message.
        if !e.contains("Broken pipe") {
            let _ = writeln!(err, "dateline events: {e}");
            return super::EXIT_USAGE;
        }
    }
    if failed {
        super::EXIT_INPUT_FAILED
    } else {
        super::EXIT_OK
    }
}

fn write_jsonl(out: &mut dyn Write, entries: &[crate::model::TimelineEntry]) -> Result<(), String> {
    for e in entries {
        let line = serde_json::to_string(e).map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}
