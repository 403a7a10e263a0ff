//! `dateline render`: merged entries in, the same site as `build` out.

use std::io::Write;

use super::build::OutputOptions;

/// Options of `render`.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// JSONL files of merged entries; empty or `-` reads stdin.
    pub inputs: Vec<String>,
    /// How the site is written.
    pub output: OutputOptions,
}

/// Run `render`; returns the exit code.
pub fn run(opts: &RenderOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let _ = (opts, out);
    let _ = writeln!(err, "dateline render: not built yet");
    super::EXIT_USAGE
}
