//! JSON and JSONL articles, as feeds, crawlers and dateline itself write them.
//!
//! A `.json` file holds one article object, an array of them, or an object
//! wrapping such an array under `articles`, `items`, `data`, `results`,
//! `entries` or `posts`. A `.jsonl`/`.ndjson` file holds one object a line;
//! a bad line is reported with its line number and the other lines are read.
//!
//! Field names (the first one present wins):
//!
//! | what | fields |
//! |---|---|
//! | title | `title`, `headline`, `name` |
//! | text | `text`, `body`, `content`, `articleBody`, `article`, `paragraphs` (array), `story` |
//! | published | `published`, `date`, `datePublished`, `published_at`, `publishedAt`, `pubDate`, `pub_date`, `publish_date`, `date_published`, `published_time`, `publication_date` |
//! | url | `url`, `link`, `canonical_url`, `permalink` |
//! | source | `source`, `site_name`, `siteName`, `publisher`, `site`, `outlet` (a string, or an object with `name`) |
//! | captions | `captions` (strings or `{text, date}`) |
//! | id | `id` (a string or number; without it the id is derived from the URL, else the file and position) |
//!
//! Text holding HTML tags (`<p>`) is read as an HTML fragment. dateline's own
//! `articles --format jsonl` output reads back unchanged (its `context`, `id`
//! and `captions` are kept), so the tool's steps can be chained.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::{html, Draft};
use crate::model::{Article, Caption};

const TITLE: &[&str] = &["title", "headline", "name"];
const TEXT: &[&str] = &["text", "body", "content", "articleBody", "article", "story"];
const PUBLISHED: &[&str] = &[
    "published",
    "date",
    "datePublished",
    "published_at",
    "publishedAt",
    "pubDate",
    "pub_date",
    "publish_date",
    "date_published",
    "published_time",
    "publication_date",
];
const URL: &[&str] = &["url", "link", "canonical_url", "permalink"];
const SOURCE: &[&str] = &["source", "site_name", "siteName", "publisher", "site", "outlet"];
const WRAPPERS: &[&str] = &["articles", "items", "data", "results", "entries", "posts"];

/// One article read from a JSON value, or why it could not be.
pub(crate) type Item = std::result::Result<Draft, String>;

/// Read a `.json` document: each element with its 0-based index.
pub(crate) fn read_json(text: &str) -> std::result::Result<Vec<Item>, serde_json::Error> {
    let v: Value = serde_json::from_str(text)?;
    Ok(items_of(v))
}

fn items_of(v: Value) -> Vec<Item> {
    match v {
        Value::Array(items) => items.into_iter().map(from_value).collect(),
        Value::Object(mut m) => {
            if !has_any(&m, TEXT) && !m.contains_key("paragraphs") {
                for w in WRAPPERS {
                    if matches!(m.get(*w), Some(Value::Array(_))) {
                        if let Some(Value::Array(items)) = m.remove(*w) {
                            return items.into_iter().map(from_value).collect();
                        }
                    }
                }
            }
            vec![from_object(m)]
        }
        _ => vec![Err("expected a JSON object or an array of objects".into())],
    }
}

/// Read one JSONL line (already known not to be blank).
pub(crate) fn read_line(line: &str) -> Item {
    match serde_json::from_str::<Value>(line) {
        Ok(v) => from_value(v),
        // The line number is the file's (given by the caller); keep the
        // column only.
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            Err(format!("invalid JSON at column {}: {msg}", e.column()))
        }
    }
}

/// True when the text looks like JSON lines rather than one document: the
/// first two non-blank lines each start an object.
pub(crate) fn looks_like_jsonl(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    matches!((lines.next(), lines.next()), (Some(a), Some(b)) if a.starts_with('{') && a.ends_with('}') && b.starts_with('{'))
}

fn has_any(m: &Map<String, Value>, keys: &[&str]) -> bool {
    keys.iter().any(|k| m.contains_key(*k))
}

fn from_value(v: Value) -> Item {
    match v {
        Value::Object(m) => from_object(m),
        other => Err(format!("expected a JSON object, found {}", kind(&other))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn string_field<'a>(
    m: &'a Map<String, Value>,
    keys: &[&'static str],
) -> Option<(&'static str, Cow<'a, str>)> {
    for k in keys {
        match m.get(*k) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                return Some((k, Cow::Borrowed(s.trim())))
            }
            Some(Value::Number(n)) => return Some((k, Cow::Owned(n.to_string()))),
            Some(Value::Object(o)) => {
                if let Some(Value::String(s)) = o.get("name") {
                    return Some((k, Cow::Borrowed(s.trim())));
                }
            }
            _ => {}
        }
    }
    None
}

fn from_object(m: Map<String, Value>) -> Item {
    // dateline's own output: read it back as it was written.
    if m.contains_key("paragraphs") && m.contains_key("context") && m.contains_key("id") {
        let a: Article = serde_json::from_value(Value::Object(m))
            .map_err(|e| format!("not a dateline article: {e}"))?;
        return Ok(Draft::from_article(a));
    }
    let mut d = Draft::default();
    if let Some((_, t)) = string_field(&m, TITLE) {
        d.title = t.into_owned();
    }
    d.published = string_field(&m, PUBLISHED).map(|(k, v)| (k.to_string(), v.into_owned()));
    d.url = string_field(&m, URL).map(|(_, u)| u.into_owned());
    d.source = string_field(&m, SOURCE).map(|(_, s)| s.into_owned());
    // A record's own id (a crawler's, a database key) is kept, so the same
    // record streamed through `dateline extract` gets the same id.
    d.id = string_field(&m, &["id"]).map(|(_, id)| id.into_owned());
    if let Some(Value::Array(ps)) = m.get("paragraphs") {
        d.paragraphs = ps
            .iter()
            .filter_map(|p| p.as_str())
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
    } else if let Some((_, body)) = string_field(&m, TEXT) {
        if body.contains("</p>") || body.contains("<p>") || body.contains("<br") {
            let frag = html::read_fragment(&body);
            d.paragraphs = frag.paragraphs;
            d.captions = frag.captions;
        } else {
            d.paragraphs = paragraphs(&body);
        }
    }
    if let Some(Value::Array(cs)) = m.get("captions") {
        for c in cs {
            match c {
                Value::String(s) => d.captions.push(super::text::caption(s)),
                Value::Object(_) => {
                    if let Ok(c) = serde_json::from_value::<Caption>(c.clone()) {
                        d.captions.push(c);
                    }
                }
                _ => {}
            }
        }
    }
    if d.paragraphs.is_empty() {
        let mut names = TEXT.to_vec();
        names.push("paragraphs");
        return Err(format!("no article text (looked for the fields {})", names.join(", ")));
    }
    Ok(d)
}

/// Paragraphs of a plain-text field: blank lines separate them; when there
/// are none, each line is one.
pub(crate) fn paragraphs(body: &str) -> Vec<String> {
    let body: Cow<'_, str> = if body.contains('\r') {
        Cow::Owned(body.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(body)
    };
    let sep = if body.contains("\n\n") { "\n\n" } else { "\n" };
    body.split(sep).map(collapse_ws).filter(|p| !p.is_empty()).collect()
}

/// `s` trimmed, with every run of whitespace made one space; copies `s`
/// once.
pub(crate) fn collapse_ws(s: &str) -> String {
    let t = s.trim();
    let clean = !t.contains("  ") && !t.chars().any(|c| c.is_whitespace() && c != ' ');
    if clean {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_field_names() {
        let d = read_line(
            r#"{"headline":"Talks","articleBody":"One.\n\nTwo.","datePublished":"2025-03-14","link":"https://e.org/a","publisher":{"name":"E"}}"#,
        )
        .unwrap();
        assert_eq!(d.title, "Talks");
        assert_eq!(d.paragraphs, vec!["One.", "Two."]);
        assert_eq!(d.published, Some(("datePublished".into(), "2025-03-14".into())));
        assert_eq!(d.url.as_deref(), Some("https://e.org/a"));
        assert_eq!(d.source.as_deref(), Some("E"));
    }

    #[test]
    fn arrays_and_wrappers() {
        let items =
            read_json(r#"{"status":"ok","articles":[{"title":"A","content":"x"},{"title":"B"}]}"#)
                .unwrap();
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        assert!(items[1].as_ref().unwrap_err().contains("no article text"));
        assert_eq!(read_json(r#"[{"text":"a"},3]"#).unwrap().len(), 2);
        assert!(read_json("{oops").is_err());
    }

    #[test]
    fn html_bodies() {
        let d =
            read_line(r#"{"title":"T","content":"<p>One <b>bold</b>.</p><p>Two.</p>"}"#).unwrap();
        assert_eq!(d.paragraphs, vec!["One bold.", "Two."]);
    }

    #[test]
    fn jsonl_sniffing() {
        assert!(looks_like_jsonl("{\"a\":1}\n{\"a\":2}\n"));
        assert!(!looks_like_jsonl("{\n\"a\": 1\n}\n"));
    }
}
