/*!
The commands behind the binary's subcommands. Each takes a validated options
struct (built once from the command line by `src/cli.rs`) and writers for
standard output and standard error, and returns the process exit code, so every
command can be run and tested as a library call.

Exit codes (documented in `--help` and the README):

| code | meaning |
|---|---|
| 0 | all input read and processed |
| 1 | some inputs failed (reported); output built from the rest |
| 2 | usage or fatal error (nothing useful written) |
| 3 | `extract`: the `--max-errors` data-error limit was passed |
| 4 | `extract`: an I/O error on input or output (a closed stdout is quiet) |
*/

use std::path::PathBuf;

pub mod articles;
pub mod build;
pub mod events;
pub mod extract;
mod guard;
pub mod merge;
pub mod render;
pub mod tag;

/// All input read and processed.
pub const EXIT_OK: u8 = 0;
/// Some inputs failed; output was built from the rest.
pub const EXIT_INPUT_FAILED: u8 = 1;
/// Usage or fatal error.
pub const EXIT_USAGE: u8 = 2;
/// `extract`: the opt-in data-error limit was passed.
pub const EXIT_DATA_LIMIT: u8 = 3;
/// `extract`: an I/O error on input or output.
pub const EXIT_IO: u8 = 4;

/// Where articles come from, shared by `articles`, `events` and `build`.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// Files, directories, globs, or `-` for standard input. Empty means the
    /// command's default.
    pub inputs: Vec<String>,
    /// CSV manifest giving metadata to files that lack it.
    pub manifest: Option<PathBuf>,
    /// Default publication date for articles that have none (unparsed).
    pub published: Option<String>,
}
