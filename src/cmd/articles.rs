//! `dateline articles`: print the articles dateline read, so a user can
//! check them before trusting a timeline.

use std::io::Write;

use super::InputOptions;

/// Output format of `articles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArticlesFormat {
    /// One JSON object per article.
    #[default]
    Jsonl,
    /// A readable listing.
    Text,
}

/// Options of `articles`.
#[derive(Debug, Clone, Default)]
pub struct ArticlesOptions {
    /// Where articles come from.
    pub input: InputOptions,
    /// Output format.
    pub format: ArticlesFormat,
}

/// Run `articles`; returns the exit code.
pub fn run(opts: &ArticlesOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let _ = (opts, out);
    let _ = writeln!(err, "dateline articles: not built yet");
    super::EXIT_USAGE
}
