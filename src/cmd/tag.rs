//! `dateline tag`: print every temporal expression in one text with its
//! resolution.

use std::io::Write;
use std::path::PathBuf;

/// Output format of `tag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagFormat {
    /// One line per expression, for people.
    #[default]
    Text,
    /// One JSON object per expression.
    Jsonl,
    /// A TimeML document with inline TIMEX3 tags.
    Timeml,
}

/// Options of `tag`.
#[derive(Debug, Clone, Default)]
pub struct TagOptions {
    /// Publication date (and optionally time and offset), unparsed.
    pub published: Option<String>,
    /// Output format.
    pub format: TagFormat,
    /// Input file; `None` or `-` reads standard input.
    pub input: Option<PathBuf>,
}

/// Run `tag`; returns the exit code.
pub fn run(opts: &TagOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let _ = (opts, out);
    let _ = writeln!(err, "dateline tag: not built yet");
    super::EXIT_USAGE
}
