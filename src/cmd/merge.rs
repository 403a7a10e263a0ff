//! `dateline merge`: events or merged entries in, one merged entry per
//! `event_id` out.

use std::io::Write;

/// Options of `merge`.
#[derive(Debug, Clone, Default)]
pub struct MergeOptions {
    /// JSONL files of events or entries; empty or `-` reads stdin.
    pub inputs: Vec<String>,
}

/// Run `merge`; returns the exit code.
pub fn run(opts: &MergeOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let _ = (opts, out);
    let _ = writeln!(err, "dateline merge: not built yet");
    super::EXIT_USAGE
}
