//! `dateline events`: print the merged timeline of events.

use std::io::Write;

use super::InputOptions;

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
    let _ = (opts, out);
    let _ = writeln!(err, "dateline events: not built yet");
    super::EXIT_USAGE
}
