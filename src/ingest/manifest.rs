//! The manifest: a CSV file giving metadata to files that lack it.
//!
//! ```text
//! file,published,title,url,source
//! seed.txt,2025-03-14,First headline,,
//! seed.txt,2025-03-22,Second headline,https://example.org/b,Example News
//! other.html,2025-03-20T08:00:00+02:00,,,
//! ```
//!
//! - The header names the columns, in any order; `file` is required,
//!   `published`, `title`, `url` and `source` are optional. Other columns are
//!   ignored.
//! - `file` is relative to the manifest's own folder (or absolute).
//! - Several rows with the same `file` are matched to that file's articles by
//!   title (compared without case, spacing or quote-style differences). A row
//!   without a title applies to a file's only article, or to all of a file's
//!   articles when it is the file's only row.
//! - The file's own metadata wins over the manifest's; a disagreement on the
//!   date is a warning.
//! - A row naming a missing file, or with an unreadable date, is an error
//!   diagnostic (with the manifest line); the other rows still apply.
//! - With no inputs given, the files the manifest names are read.

use std::path::{Path, PathBuf};

use crate::model::{Diagnostic, Severity};
use crate::{Error, ErrorKind, Result};

use super::meta::{parse_stamp, Stamp};

/// One manifest row.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// 1-based line in the manifest.
    pub line: usize,
    /// The file as written in the row.
    pub file: String,
    /// The file resolved against the manifest's folder.
    pub path: PathBuf,
    /// Canonical path, when the file exists.
    pub canonical: Option<PathBuf>,
    /// Parsed publication date.
    pub published: Option<Stamp>,
    /// Title used to pick the article in a multi-article file.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Source name.
    pub source: Option<String>,
}

/// A loaded manifest.
#[derive(Debug, Clone)]
pub(crate) struct Manifest {
    /// The manifest file as given.
    pub path: PathBuf,
    /// Its canonical path (never read as an article).
    pub canonical: Option<PathBuf>,
    /// Rows, in file order.
    pub rows: Vec<Row>,
}

impl Manifest {
    /// Load a manifest. Fails (a usage error) when the file cannot be read
    /// or has no `file` column; bad rows become diagnostics.
    #[allow(clippy::result_large_err)] // see meta::parse_published
    pub(crate) fn load(path: &Path) -> Result<(Manifest, Vec<Diagnostic>)> {
        let shown = super::inputs::clean(path);
        let bytes = std::fs::read(path).map_err(|e| {
            Error::new(ErrorKind::Usage, format!("cannot read manifest: {e}")).with_path(path)
        })?;
        let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes))
            .map_err(|e| {
                Error::new(
                    ErrorKind::Usage,
                    format!("manifest is not UTF-8 (byte {})", e.valid_up_to()),
                )
                .with_path(path)
            })?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| Error::new(ErrorKind::Usage, format!("manifest: {e}")).with_path(path))?
            .clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let Some(file_col) = col("file") else {
            return Err(Error::new(
                ErrorKind::Usage,
                "manifest has no `file` column; the first line must be a header such as \
                 `file,published,title,url,source`",
            )
            .with_path(path));
        };
        let (pub_col, title_col, url_col, src_col) =
            (col("published"), col("title"), col("url"), col("source"));
        let mut rows = Vec::new();
        let mut diags = Vec::new();
        for rec in rdr.records() {
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map(|p| p.line() as usize);
                    diags.push(diag(&shown, line, None, format!("unreadable manifest row: {e}")));
                    continue;
                }
            };
            let line = rec.position().map_or(0, |p| p.line() as usize);
            let get = |c: Option<usize>| {
                c.and_then(|c| rec.get(c))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let Some(file) = get(Some(file_col)) else {
                diags.push(diag(&shown, Some(line), Some("file"), "row has no file".into()));
                continue;
            };
            let p = Path::new(&file);
            let full = if p.is_absolute() { p.to_path_buf() } else { base.join(p) };
            let canonical = std::fs::canonicalize(&full).ok();
            if canonical.is_none() {
                diags.push(diag(
                    &shown,
                    Some(line),
                    Some("file"),
                    format!("`{file}` does not exist (looked for {})", super::inputs::clean(&full)),
                ));
            }
            let published = match get(pub_col) {
                Some(v) => match parse_stamp(&v) {
                    Ok(s) => Some(s),
                    Err(why) => {
                        diags.push(diag(
                            &shown,
                            Some(line),
                            Some("published"),
                            format!("cannot read date `{v}`: {why}"),
                        ));
                        None
                    }
                },
                None => None,
            };
            rows.push(Row {
                line,
                file,
                path: full,
                canonical,
                published,
                title: get(title_col),
                url: get(url_col),
                source: get(src_col),
            });
        }
        let canonical = std::fs::canonicalize(path).ok();
        Ok((Manifest { path: path.to_path_buf(), canonical, rows }, diags))
    }
}

pub(crate) fn diag(
    file: &str,
    line: Option<usize>,
    field: Option<&str>,
    message: String,
) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: Some(file.to_string()),
        line,
        field: field.map(str::to_string),
        message,
    }
}

/// A title reduced for matching: lower case, letters and digits only, one
/// space between words (so curly and straight quotes, dashes and spacing
/// do not matter).
pub(crate) fn title_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_keys_ignore_quotes_and_case() {
        assert_eq!(title_key("Putin’s Message: A Step?"), title_key("putin's message - a step"));
    }

    #[test]
    fn load_reports_bad_rows_and_keeps_good_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let m = dir.path().join("m.csv");
        std::fs::write(
            &m,
            "title,file,published\nT,a.txt,2025-03-14\nU,gone.txt,2025-03-15\nV,a.txt,someday\n",
        )
        .unwrap();
        let (man, diags) = Manifest::load(&m).unwrap();
        assert_eq!(man.rows.len(), 3);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(diags[0].line, Some(3));
        assert_eq!(diags[1].field.as_deref(), Some("published"));
        assert!(man.rows[0].published.is_some());
        assert_eq!(man.rows[0].title.as_deref(), Some("T"));
    }

    #[test]
    fn load_fails_without_file_column_or_file() {
        let dir = tempfile::tempdir().unwrap();
        let m = dir.path().join("m.csv");
        std::fs::write(&m, "name,published\n").unwrap();
        assert_eq!(Manifest::load(&m).unwrap_err().kind(), ErrorKind::Usage);
        assert_eq!(
            Manifest::load(&dir.path().join("none.csv")).unwrap_err().kind(),
            ErrorKind::Usage
        );
    }
}
