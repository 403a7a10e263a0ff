//! Reading articles: files, folders, stdin, text dumps, front matter,
//! JSON/JSONL, HTML, manifests.

use crate::cmd::InputOptions;
use crate::model::{Article, Diagnostic, PubContext};
use crate::{Error, ErrorKind, Result};

/// What reading the inputs gave: every good article, and every problem.
#[derive(Debug, Default)]
pub struct ReadResult {
    /// Articles, in input order (files sorted, position within a file).
    pub articles: Vec<Article>,
    /// Problems, each once, with file and position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Read every article the inputs name. Fails only on usage errors (an
/// unreadable manifest, a bad `--published`); bad files become diagnostics.
pub fn read(opts: &InputOptions) -> Result<ReadResult> {
    // Interface placeholder until ingest lands (issue 3).
    let _ = opts;
    Ok(ReadResult::default())
}

/// Parse a publication date from metadata ("2025-03-14",
/// "2025-03-14T09:30:00+02:00", RFC 2822, ...) into the date, time and
/// offset of a [`PubContext`]; other fields stay empty.
pub fn parse_published(value: &str) -> Result<PubContext> {
    // Interface placeholder until ingest lands (issue 3).
    let date = chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        Error::new(ErrorKind::Date, format!("cannot read date `{value}`")).with_field("published")
    })?;
    Ok(PubContext { date: Some(date), ..PubContext::default() })
}
