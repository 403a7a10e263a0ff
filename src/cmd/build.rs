//! `dateline build`: the whole job, articles in, site out (CSV, HTML, JSON,
//! TimelineJS JSON), written atomically.

use std::io::Write;
use std::path::PathBuf;

use super::InputOptions;

/// Options shared by `build` and `render`: how the site is written.
#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// Output directory (default `site/`).
    pub out: PathBuf,
    /// Write a UTF-8 BOM at the start of the CSV, for Excel.
    pub excel: bool,
    /// Put the build time in the outputs (off by default, so rebuilds are
    /// byte-identical).
    pub stamp: bool,
    /// Say more on stderr.
    pub verbose: bool,
    /// Say nothing on stderr but errors.
    pub quiet: bool,
}

/// Options of `build`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Where articles come from (default: `data/samples/`).
    pub input: InputOptions,
    /// How the site is written.
    pub output: OutputOptions,
}

/// Run `build`; returns the exit code.
pub fn run(opts: &BuildOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let _ = (opts, out);
    let _ = writeln!(err, "dateline build: not built yet");
    super::EXIT_USAGE
}
