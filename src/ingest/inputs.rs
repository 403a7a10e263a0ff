//! Input expansion: what `dateline articles a.txt dir/ 'feeds/*.jsonl' -`
//! means as a list of files.
//!
//! - A file is read as given (whatever its extension).
//! - A directory is walked recursively in byte order of names, so the
//!   article order never depends on the file system. Hidden files and folders
//!   (name starting with `.`), CSV and TSV files (manifests, spreadsheets and
//!   tables are never articles) and `README*`/`LICENSE*` files are skipped in walks.
//! - `-` is standard input.
//! - A path that does not exist but holds `*`, `?` or `[` is a glob: `*` and
//!   `?` stay within one path component, `**` crosses folders, `[abc]` is a
//!   class. Matches are sorted; hidden files are skipped.
//! - A file named twice is read once. The manifest given with `--manifest`
//!   is never read as an article.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use regex::Regex;

use crate::model::{Diagnostic, Severity};

/// One thing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// Standard input.
    Stdin,
    /// A file: the path to open and show, and its canonical form (used to
    /// match manifest rows and to read each file once).
    File { path: PathBuf, canonical: PathBuf },
}

impl Source {
    /// The name shown in diagnostics and `Origin.file`.
    pub(crate) fn display(&self) -> String {
        match self {
            Source::Stdin => "-".into(),
            Source::File { path, .. } => clean(path),
        }
    }
}

/// A path as text, without `./` components, with `/` separators.
pub(crate) fn clean(path: &Path) -> String {
    let mut out = String::new();
    for c in path.components() {
        match c {
            std::path::Component::CurDir => continue,
            std::path::Component::RootDir => {
                out.push('/');
                continue;
            }
            other => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn error(file: &str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: Some(file.into()),
        line: None,
        field: None,
        message,
    }
}

/// Expand the inputs into sources; problems become diagnostics. `skip`
/// holds canonical paths never to read (the manifest).
pub(crate) fn expand(inputs: &[String], skip: &[PathBuf]) -> (Vec<Source>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let mut seen: HashSet<PathBuf> = skip.iter().cloned().collect();
    let mut stdin_seen = false;
    for input in inputs {
        if input == "-" {
            if !stdin_seen {
                out.push(Source::Stdin);
                stdin_seen = true;
            }
            continue;
        }
        let path = Path::new(input);
        match std::fs::metadata(path) {
            Ok(md) if md.is_dir() => {
                let mut visited = HashSet::new();
                walk(path, &mut out, &mut seen, &mut visited, &mut diags);
            }
            Ok(_) => push_file(path, &mut out, &mut seen, &mut diags),
            Err(e) if is_glob(input) && e.kind() == std::io::ErrorKind::NotFound => {
                let before = out.len();
                glob(input, &mut out, &mut seen, &mut diags);
                if out.len() == before {
                    diags.push(error(input, "no file matches this pattern".into()));
                }
            }
            Err(e) => {
                let msg = if e.kind() == std::io::ErrorKind::NotFound {
                    "no such file or directory".to_string()
                } else {
                    e.to_string()
                };
                diags.push(error(&clean(path), msg));
            }
        }
    }
    (out, diags)
}

/// Add a file unless it was seen (named twice, or it is the manifest).
fn push_file(
    path: &Path,
    out: &mut Vec<Source>,
    seen: &mut HashSet<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    match std::fs::canonicalize(path) {
        Ok(canonical) => {
            if seen.insert(canonical.clone()) {
                out.push(Source::File { path: path.to_path_buf(), canonical });
            }
        }
        Err(e) => diags.push(error(&clean(path), e.to_string())),
    }
}

fn skipped_in_walk(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.starts_with('.')
        || lower.ends_with(".csv")
        || lower.ends_with(".tsv")
        || lower.starts_with("readme")
        || lower.starts_with("license")
        || lower.starts_with("licence")
}

fn walk(
    dir: &Path,
    out: &mut Vec<Source>,
    seen: &mut HashSet<PathBuf>,
    visited: &mut HashSet<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    // Symlinked folders could loop.
    match std::fs::canonicalize(dir) {
        Ok(c) => {
            if !visited.insert(c) {
                return;
            }
        }
        Err(e) => {
            diags.push(error(&clean(dir), e.to_string()));
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            diags.push(error(&clean(dir), format!("cannot list folder: {e}")));
            return;
        }
    };
    let mut names: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    names.sort();
    for name in names {
        let s = name.to_string_lossy();
        if skipped_in_walk(&s) {
            continue;
        }
        let p = dir.join(&name);
        match std::fs::metadata(&p) {
            Ok(md) if md.is_dir() => walk(&p, out, seen, visited, diags),
            Ok(_) => push_file(&p, out, seen, diags),
            Err(e) => diags.push(error(&clean(&p), e.to_string())),
        }
    }
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Translate a glob into an anchored regex over `/`-separated paths.
fn glob_regex(pattern: &str) -> Option<Regex> {
    let mut re = String::from("^");
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' if chars.get(i + 1) == Some(&'*') => {
                i += 1;
                if chars.get(i + 1) == Some(&'/') {
                    i += 1;
                    re.push_str("(?:[^/]*/)*");
                } else {
                    re.push_str(".*");
                }
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            '[' => {
                let close = chars[i + 1..].iter().position(|&c| c == ']')? + i + 1;
                let mut class: String = chars[i + 1..close].iter().collect();
                if class.starts_with('!') {
                    class.replace_range(0..1, "^");
                }
                re.push('[');
                re.push_str(&class.replace('\\', "\\\\"));
                re.push(']');
                i = close;
            }
            c => {
                let mut buf = [0u8; 4];
                re.push_str(&regex::escape(c.encode_utf8(&mut buf)));
            }
        }
        i += 1;
    }
    re.push('$');
    Regex::new(&re).ok()
}

fn glob(
    pattern: &str,
    out: &mut Vec<Source>,
    seen: &mut HashSet<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    let pattern = pattern.replace('\\', "/");
    let Some(re) = glob_regex(&pattern) else {
        diags.push(error(&pattern, "bad glob pattern".into()));
        return;
    };
    // The folder to start from: the components before the first wildcard.
    let parts: Vec<&str> = pattern.split('/').collect();
    let fixed = parts.iter().take_while(|p| !is_glob(p)).count();
    let base = parts[..fixed].join("/");
    let deep = pattern.contains("**");
    let depth = parts.len() - fixed;
    let mut found = Vec::new();
    let start = if base.is_empty() { PathBuf::from(".") } else { PathBuf::from(&base) };
    collect(&start, &base, depth, deep, &re, &mut found);
    found.sort();
    for p in found {
        push_file(Path::new(&p), out, seen, diags);
    }
}

fn collect(dir: &Path, shown: &str, depth: usize, deep: bool, re: &Regex, found: &mut Vec<String>) {
    if depth == 0 && !deep {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.filter_map(|e| e.ok()) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let shown_child = if shown.is_empty() { name.clone() } else { format!("{shown}/{name}") };
        let path = e.path();
        let is_dir = std::fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false);
        if is_dir {
            if deep || depth > 1 {
                collect(&path, &shown_child, depth.saturating_sub(1), deep, re, found);
            }
        } else if re.is_match(&shown_child) {
            found.push(shown_child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_translation() {
        let re = glob_regex("data/*.txt").unwrap();
        assert!(re.is_match("data/a.txt"));
        assert!(!re.is_match("data/sub/a.txt"));
        let re = glob_regex("data/**/*.json").unwrap();
        assert!(re.is_match("data/a.json"));
        assert!(re.is_match("data/x/y/a.json"));
        let re = glob_regex("a/file[0-9].t?t").unwrap();
        assert!(re.is_match("a/file3.txt"));
        assert!(!re.is_match("a/fileX.txt"));
    }

    #[test]
    fn clean_paths() {
        assert_eq!(clean(Path::new("./a/./b.txt")), "a/b.txt");
        assert_eq!(clean(Path::new("/x/y")), "/x/y");
    }

    #[test]
    fn walk_is_sorted_and_skips_hidden_and_csv() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::create_dir(d.join(".git")).unwrap();
        for f in [
            "b.txt",
            "a.json",
            ".hidden.txt",
            "manifest.csv",
            "sub/dates.tsv",
            "sub/c.html",
            ".git/x.txt",
            "README.md",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let (srcs, diags) = expand(&[d.to_string_lossy().into_owned()], &[]);
        assert!(diags.is_empty());
        let names: Vec<String> =
            srcs.iter().map(|s| s.display().rsplit('/').next().unwrap().to_string()).collect();
        assert_eq!(names, vec!["a.json", "b.txt", "c.html"]);
        let pat = format!("{}/**/*.html", d.to_string_lossy());
        let (srcs, _) = expand(&[pat], &[]);
        assert_eq!(srcs.len(), 1);
        let (srcs, diags) = expand(&[format!("{}/*.nope", d.to_string_lossy())], &[]);
        assert!(srcs.is_empty());
        assert_eq!(diags.len(), 1);
    }
}
