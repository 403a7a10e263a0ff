/*!
Plain-text data files: how they are read.

Every lexicon lives in `data/` as UTF-8 text, one entry per line, `#`
starting a comment, tab-separated columns where an entry has several fields.
Each module embeds its own files with `include_str!` and parses them once
(in a `LazyLock`), so the binary is self-contained. A directory given with
[`set_data_dir`] before first use overrides the embedded copy of any file it
holds, so users can extend a lexicon without rebuilding.
*/

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

static DATA_DIR: OnceLock<PathBuf> = OnceLock::new();

/// The data files read so far (each lexicon reads its files once).
static READ: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// Read data files from `dir` instead of the embedded copies, for files that
/// exist there. Must be called before any lexicon is first used; returns
/// false when a directory was already set.
pub fn set_data_dir(dir: PathBuf) -> bool {
    DATA_DIR.set(dir).is_ok()
}

/// Parse every data file now, in every stage, instead of at first use.
///
/// A malformed line in a built-in file fails `cargo test`, but a file from a
/// directory given with [`set_data_dir`] is user input: calling this once at
/// start turns its first malformed line into one panic (with the file name
/// and line) before any article is read, rather than a failure on every
/// record that happens to reach that lexicon.
pub fn load_all() {
    crate::segment::load_lexicons();
    crate::temporal::load_lexicons();
    crate::events::load_lexicons();
    crate::ingest::load_lexicons();
}

/// The names (relative to `data/`) of the data files read so far in this
/// process, sorted: what [`load_all`] covers, for tests and diagnostics.
pub fn files_read() -> Vec<String> {
    READ.lock().unwrap_or_else(|e| e.into_inner()).iter().cloned().collect()
}

/// The contents of data file `name` (a path relative to `data/`): the
/// override when one exists, else the embedded text.
pub fn source(name: &str, embedded: &'static str) -> Cow<'static, str> {
    READ.lock().unwrap_or_else(|e| e.into_inner()).insert(name.to_string());
    if let Some(dir) = DATA_DIR.get() {
        if let Ok(text) = std::fs::read_to_string(dir.join(name)) {
            return Cow::Owned(text);
        }
    }
    Cow::Borrowed(embedded)
}

/// The meaningful lines of a data file: comments (from `#` at line start or
/// after whitespace) and blank lines dropped, ends trimmed. Yields the
/// 1-based line number with each line.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            None
        } else {
            Some((i + 1, line))
        }
    })
}

/// Tab-separated columns of each meaningful line, each column trimmed.
pub fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    lines(text).map(|(n, line)| (n, line.split('\t').map(str::trim).collect()))
}

fn strip_comment(line: &str) -> &str {
    if line.trim_start().starts_with('#') {
        return "";
    }
    match line.find(" #").or_else(|| line.find("\t#")) {
        Some(i) => &line[..i],
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blanks_are_dropped() {
        let text = "# header\n\njanuary\t1\nfeb\t2 # short\n  # indented comment\n";
        let got: Vec<_> = rows(text).collect();
        assert_eq!(got, vec![(3, vec!["january", "1"]), (4, vec!["feb", "2"])]);
    }

    #[test]
    fn embedded_text_is_used_without_override() {
        assert_eq!(source("nope.txt", "x"), "x");
    }
}
