//! Front matter: a metadata block at the top of a text file.
//!
//! Two shapes, as static-site generators write them:
//!
//! ```text
//! ---                              +++
//! title: "Talks resume"            title = "Talks resume"
//! published: 2025-03-14            published = 2025-03-14T09:30:00+02:00
//! url: https://example.org/a       url = "https://example.org/a"
//! source: Example News             source = "Example News"
//! ---                              +++
//! ```
//!
//! Only flat `key: value` / `key = value` lines are read (no nesting, lists or
//! multi-line strings: this is not a YAML or TOML parser). Keys are matched
//! case-insensitively, with the usual aliases: `date`, `pubdate`,
//! `published_at`, `datePublished` for the date; `headline` for the title;
//! `link`, `canonical` for the URL; `publisher`, `site_name`, `site` for the
//! source. Other keys are ignored. A block that never closes is not front
//! matter (the text is read as it is, with a warning).

use super::Draft;

/// The outcome of looking for front matter.
pub(crate) struct FrontMatter<'a> {
    /// Metadata found (title, published, url, source set when present).
    pub meta: Draft,
    /// The text after the block.
    pub body: &'a str,
    /// 1-based file line where `body` starts.
    pub body_line: usize,
    /// Problems (lines not understood, an unclosed block).
    pub warnings: Vec<(usize, String)>,
}

/// Split front matter from `text`; `None` when the text has none.
pub(crate) fn split(text: &str) -> Option<FrontMatter<'_>> {
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != fence {
        return None;
    }
    let toml = fence == "+++";
    let mut meta = Draft::default();
    let mut warnings = Vec::new();
    let mut pos = first_end + 1;
    let mut line_no = 2;
    while pos <= text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let raw = &text[pos..end];
        let line = raw.trim_end_matches('\r');
        if line.trim_end() == fence {
            let body_start = (end + 1).min(text.len());
            return Some(FrontMatter {
                meta,
                body: &text[body_start..],
                body_line: line_no + 1,
                warnings,
            });
        }
        let t = line.trim();
        if !t.is_empty() && !t.starts_with('#') {
            let sep = if toml { '=' } else { ':' };
            match t.split_once(sep) {
                Some((k, v)) => set(&mut meta, k.trim(), unquote(v.trim()), line_no, &mut warnings),
                None if t.starts_with('[') && toml => {}
                None if t.starts_with('-') && !toml => {}
                None => {
                    warnings.push((line_no, format!("front matter line not understood: `{t}`")))
                }
            }
        }
        if end >= text.len() {
            break;
        }
        pos = end + 1;
        line_no += 1;
    }
    // Never closed: not front matter after all.
    Some(FrontMatter {
        meta: Draft::default(),
        body: text,
        body_line: 1,
        warnings: vec![(
            1,
            format!("front matter opened with `{fence}` is never closed; read as text"),
        )],
    })
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    // A TOML/YAML comment after the value.
    let v = if !v.starts_with(['"', '\'']) { v.split(" #").next().unwrap_or(v).trim() } else { v };
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            let inner = &v[1..v.len() - 1];
            return if q == '"' {
                inner.replace("\\\"", "\"").replace("\\\\", "\\")
            } else {
                inner.replace("''", "'")
            };
        }
    }
    v.to_string()
}

fn set(meta: &mut Draft, key: &str, val: String, line: usize, _w: &mut Vec<(usize, String)>) {
    if val.is_empty() {
        return;
    }
    let k = key.to_ascii_lowercase().replace(['-', ' '], "_");
    match k.as_str() {
        "published" | "date" | "pubdate" | "pub_date" | "published_at" | "publishdate"
        | "publish_date" | "datepublished" | "date_published" | "published_time"
            if meta.published.is_none() =>
        {
            meta.published = Some((key.to_string(), val));
            meta.line.get_or_insert(line);
        }
        "title" | "headline" if meta.title.is_empty() => meta.title = val,
        "url" | "link" | "canonical" | "canonical_url" | "permalink" => {
            meta.url.get_or_insert(val);
        }
        "source" | "publisher" | "site_name" | "site" | "outlet" => {
            meta.source.get_or_insert(val);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_style() {
        let t = "---\ntitle: \"Talks: round two\"\npublished: 2025-03-14\nurl: https://example.org/a\nsource: Example News\ntags:\n  - x\n---\nBody here.\n";
        let fm = split(t).unwrap();
        assert_eq!(fm.meta.title, "Talks: round two");
        assert_eq!(fm.meta.published.as_ref().unwrap().1, "2025-03-14");
        assert_eq!(fm.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(fm.meta.source.as_deref(), Some("Example News"));
        assert_eq!(fm.body, "Body here.\n");
        assert_eq!(fm.body_line, 9);
        assert!(fm.warnings.is_empty(), "{:?}", fm.warnings);
    }

    #[test]
    fn toml_style() {
        let t = "+++\ntitle = 'Talks'\ndate = 2025-03-14T09:30:00+02:00 # local\n[extra]\nx = 1\n+++\nBody.";
        let fm = split(t).unwrap();
        assert_eq!(fm.meta.title, "Talks");
        assert_eq!(fm.meta.published.as_ref().unwrap().1, "2025-03-14T09:30:00+02:00");
        assert_eq!(fm.body, "Body.");
    }

    #[test]
    fn unclosed_block_is_text() {
        let fm = split("---\ntitle: x\nno end\n").unwrap();
        assert_eq!(fm.body_line, 1);
        assert_eq!(fm.warnings.len(), 1);
        assert!(split("--- not a fence\n").is_none());
        assert!(split("plain").is_none());
    }
}
