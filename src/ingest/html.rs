//! HTML pages as saved from news sites: the article text, its headline,
//! captions and publication date.
//!
//! Parsing is html5ever's (through `scraper`), so broken markup is repaired
//! the way a browser repairs it.
//!
//! **Main text.** Elements that are never article text are skipped: scripts,
//! styles, `nav`, `footer`, `aside`, forms, site-level `header`s, ARIA
//! navigation/banner/contentinfo/complementary/dialog roles, hidden elements,
//! and anything whose class or id names page furniture
//! (`data/ingest/html_noise.txt`: share bars, comments, cookie banners,
//! related links, newsletters, ...). Of what is left, each paragraph gives
//! its length to its parent and half to its grandparent (the scoring
//! Readability uses); the best-scoring element is the article body.
//! Paragraphs there that are mostly link text (lists of related stories)
//! or site chrome are dropped; `figcaption`s become captions. When that
//! finds almost nothing but the page's JSON-LD has an `articleBody`, that is
//! used instead.
//!
//! **Publication date**, first found wins: JSON-LD `datePublished`
//! (including `@graph`); the `<meta>` names in `data/ingest/date_meta.txt`
//! (`article:published_time`, `DC.date.issued`, `sailthru.date`, ...);
//! `<time>` marked as the publication time (`pubdate`, `itemprop`, a
//! `published` class) or inside the byline; any element with
//! `itemprop="datePublished"`; a date in the URL path (`/2025/03/14/`); a
//! visible byline date ("Published 14 March 2025"). Modified dates are never
//! used: a page with only a modified date gets no date, and a warning.
//! A value that cannot be read is reported (field and value) and the next
//! source is tried.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::meta::parse_stamp;
use super::text::{caption, is_chrome};
use super::Draft;
use crate::lexicon;
use crate::model::Caption;

pub(super) static NOISE: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let src =
        lexicon::source("ingest/html_noise.txt", include_str!("../../data/ingest/html_noise.txt"));
    lexicon::lines(&src).map(|(_, l)| l.to_ascii_lowercase()).collect()
});

pub(super) static DATE_META: LazyLock<Vec<String>> = LazyLock::new(|| {
    let src =
        lexicon::source("ingest/date_meta.txt", include_str!("../../data/ingest/date_meta.txt"));
    lexicon::lines(&src).map(|(_, l)| l.to_ascii_lowercase()).collect()
});

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static LDJSON: LazyLock<Selector> = LazyLock::new(|| sel("script[type]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static ITEMPROP_PUB: LazyLock<Selector> = LazyLock::new(|| sel("[itemprop]"));
static PARAS: LazyLock<Selector> = LazyLock::new(|| sel("p, pre, blockquote, li, h2, h3, h4, td"));
static DATEY: LazyLock<Selector> = LazyLock::new(|| sel("[class], [id]"));

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/\-_.]|$)|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)",
    )
    .expect("valid regex")
});
static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:(?:,|\s+at|\s*[-|–])?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?",
    )
    .expect("valid regex")
});
static NOT_PUBLISHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)updated|modified|edited|revised").expect("valid regex"));
static BYLINE_STRONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)byline|dateline|posted|publish|pubdate").expect("valid regex")
});
static BYLINE_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)byline|dateline|posted|publish|pubdate|timestamp|article-date|post-date|entry-date|story-date|date|meta")
        .expect("valid regex")
});

/// What a page offered, before the text is chosen.
#[derive(Default)]
struct PageMeta {
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    published: Option<(String, String)>,
    article_body: Option<String>,
    warnings: Vec<String>,
}

/// Read a whole saved page.
pub(crate) fn read_page(html: &str) -> Result<Draft, String> {
    let doc = Html::parse_document(html);
    let mut meta = PageMeta::default();
    let ld = json_ld(&doc, &mut meta);
    let metas = meta_tags(&doc);
    meta_fields(&doc, &metas, &ld, &mut meta);
    find_date(&doc, &metas, &ld, &mut meta);

    let root = best_root(&doc);
    let mut out = Blocks::default();
    if let Some(r) = root {
        collect(r, &mut out, 0);
    }
    let title_key = meta.title.as_deref().map(super::manifest::title_key);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for b in out.blocks {
        if b.link_chars * 2 > b.text.len() && b.text.len() < 300 {
            continue;
        }
        if is_chrome(&b.text) || is_byline(&b.text) {
            continue;
        }
        // A date standing alone is a time stamp, not text.
        if b.text.len() < 60 && parse_stamp(&b.text).is_ok() {
            continue;
        }
        if title_key.as_deref() == Some(super::manifest::title_key(&b.text).as_str()) {
            continue;
        }
        if seen.insert(b.text.clone()) {
            paragraphs.push(b.text);
        }
    }
    let words: usize = paragraphs.iter().map(|p| p.split_whitespace().count()).sum();
    if words < 25 {
        if let Some(body) = meta.article_body.as_deref() {
            let from_ld = super::json::paragraphs(body);
            if from_ld.iter().map(|p| p.split_whitespace().count()).sum::<usize>() > words {
                paragraphs = from_ld;
            }
        }
    }
    if paragraphs.is_empty() {
        return Err(format!(
            "no article text found in this HTML page{} (a front page, an index or a page \
             built by scripts?)",
            meta.title.as_deref().map(|t| format!(" (\"{t}\")")).unwrap_or_default()
        ));
    }
    let mut d = Draft {
        title: meta.title.unwrap_or_default(),
        paragraphs,
        captions: out.captions,
        published: meta.published,
        url: meta.url,
        source: meta.source,
        ..Draft::default()
    };
    d.warnings.extend(meta.warnings.into_iter().map(|w| (None, w)));
    Ok(d)
}

/// Paragraphs and captions of an HTML fragment (a JSON `content` field).
pub(crate) fn read_fragment(html: &str) -> Draft {
    if let Some(d) = simple_fragment(html) {
        return d;
    }
    let doc = Html::parse_fragment(html);
    let mut out = Blocks::default();
    collect(doc.root_element(), &mut out, 0);
    let mut seen = HashSet::new();
    let paragraphs =
        out.blocks.into_iter().map(|b| b.text).filter(|t| seen.insert(t.clone())).collect();
    Draft { paragraphs, captions: out.captions, ..Draft::default() }
}

/// Feed bodies are mostly `<p>` with a few inline tags. Those are read by a
/// small scanner, many times faster than building a DOM; anything else
/// (comments, scripts, tables, unknown tags or entities, stray `<`) gives
/// `None` and goes to the real HTML5 parser. Both give the same text.
fn simple_fragment(html: &str) -> Option<Draft> {
    const BLOCK: &[&str] = &[
        "p",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "div",
        "figure",
        "section",
    ];
    const INLINE: &[&str] = &[
        "b", "i", "em", "strong", "a", "span", "small", "sup", "sub", "u", "s", "abbr", "cite",
        "q", "mark", "time",
    ];
    let mut paragraphs: Vec<String> = Vec::new();
    let mut captions: Vec<Caption> = Vec::new();
    let mut buf = String::new();
    let mut in_caption = false;
    let mut rest = html;
    let flush = |buf: &mut String,
                 in_caption: bool,
                 paragraphs: &mut Vec<String>,
                 captions: &mut Vec<Caption>| {
        let t = super::json::collapse_ws(&buf.replace('\u{0}', " "));
        if !t.is_empty() {
            if in_caption {
                if !captions.iter().any(|c| c.text == t) {
                    captions.push(caption(&t));
                }
            } else if !paragraphs.contains(&t) {
                paragraphs.push(t);
            }
        }
        buf.clear();
    };
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        decode_entities(&rest[..lt], &mut buf)?;
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>')?;
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name_end = tag
            .trim_start_matches('/')
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(tag.trim_start_matches('/').len());
        let name = tag.trim_start_matches('/')[..name_end].to_ascii_lowercase();
        if tag.contains('<') || tag.contains('"') && tag.matches('"').count() % 2 == 1 {
            return None;
        }
        match name.as_str() {
            "figcaption" => {
                flush(&mut buf, in_caption, &mut paragraphs, &mut captions);
                in_caption = !closing;
            }
            // Two line breaks in a row end a paragraph, as in `collect`.
            "br" if buf.ends_with('\u{0}') => {
                flush(&mut buf, in_caption, &mut paragraphs, &mut captions)
            }
            "br" => buf.push('\u{0}'),
            "img" | "hr" | "source" | "picture" => {
                flush(&mut buf, in_caption, &mut paragraphs, &mut captions)
            }
            n if BLOCK.contains(&n) => flush(&mut buf, in_caption, &mut paragraphs, &mut captions),
            n if INLINE.contains(&n) => {}
            _ => return None,
        }
    }
    flush(&mut buf, in_caption, &mut paragraphs, &mut captions);
    Some(Draft { paragraphs, captions, ..Draft::default() })
}

/// Append `text` with its character references decoded; `None` for a
/// reference this small table does not know.
fn decode_entities(text: &str, out: &mut String) -> Option<()> {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest[..rest.len().min(12)].find(';')?;
        let name = &rest[1..semi];
        let ch = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')?
        } else {
            match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                "mdash" => '—',
                "ndash" => '–',
                "hellip" => '…',
                "lsquo" => '‘',
                "rsquo" => '’',
                "ldquo" => '“',
                "rdquo" => '”',
                "laquo" => '«',
                "raquo" => '»',
                "euro" => '€',
                "pound" => '£',
                _ => return None,
            }
        };
        out.push(ch);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    Some(())
}

fn meta_tags(doc: &Html) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for m in doc.select(&META) {
        let e = m.value();
        let Some(content) = e.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        for k in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(key) = e.attr(k) {
                v.push((key.trim().to_ascii_lowercase(), content.to_string()));
            }
        }
    }
    v
}

fn meta_get<'a>(metas: &'a [(String, String)], key: &str) -> Option<&'a str> {
    metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn clean_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Article-like JSON-LD objects, best first.
fn json_ld(doc: &Html, meta: &mut PageMeta) -> Vec<serde_json::Map<String, Value>> {
    let mut out = Vec::new();
    for s in doc.select(&LDJSON) {
        if !s.value().attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) {
            continue;
        }
        let raw: String = s.text().collect();
        let raw = raw.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
        let raw = raw.trim_start_matches("//<![CDATA[").trim_end_matches("//]]>");
        match serde_json::from_str::<Value>(raw) {
            Ok(v) => flatten_ld(v, &mut out),
            Err(e) => meta.warnings.push(format!("JSON-LD block not readable: {e}")),
        }
    }
    out.sort_by_key(|o| std::cmp::Reverse(ld_rank(o)));
    out
}

fn flatten_ld(v: Value, out: &mut Vec<serde_json::Map<String, Value>>) {
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten_ld(i, out)),
        Value::Object(mut m) => {
            if let Some(g) = m.remove("@graph") {
                flatten_ld(g, out);
            }
            if ld_rank(&m) > 0 {
                out.push(m);
            }
        }
        _ => {}
    }
}

fn ld_types(o: &serde_json::Map<String, Value>) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(|t| t.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

fn ld_rank(o: &serde_json::Map<String, Value>) -> u8 {
    let types = ld_types(o);
    if types.iter().any(|t| t.ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting")
    {
        3
    } else if types.iter().any(|t| t == "WebPage" || t.ends_with("Page")) {
        1
    } else {
        0
    }
}

fn ld_str(o: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    match o.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(a) => a.iter().find_map(|v| v.as_str()).map(|s| s.trim().to_string()),
        Value::Object(m) => m
            .get("name")
            .or_else(|| m.get("@id"))
            .and_then(|v| v.as_str())
            .map(|s| s.trim().to_string()),
        _ => None,
    }
}

fn meta_fields(
    doc: &Html,
    metas: &[(String, String)],
    ld: &[serde_json::Map<String, Value>],
    meta: &mut PageMeta,
) {
    let article = ld.iter().find(|o| ld_rank(o) == 3);
    meta.title = meta_get(metas, "og:title")
        .or_else(|| meta_get(metas, "twitter:title"))
        .map(clean_ws)
        .or_else(|| article.and_then(|o| ld_str(o, "headline")))
        .or_else(|| doc.select(&H1).next().map(|h| clean_ws(&h.text().collect::<String>())))
        .or_else(|| {
            doc.select(&TITLE)
                .next()
                .map(|t| strip_site_suffix(&clean_ws(&t.text().collect::<String>())))
        })
        .filter(|t| !t.is_empty());
    let canonical = doc
        .select(&CANONICAL)
        .find(|l| l.value().attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")))
        .and_then(|l| l.value().attr("href"))
        .map(str::trim)
        .filter(|h| h.starts_with("http"))
        .map(str::to_string);
    meta.url = canonical
        .or_else(|| meta_get(metas, "og:url").map(str::to_string))
        .or_else(|| article.and_then(|o| ld_str(o, "url")))
        .or_else(|| article.and_then(|o| ld_str(o, "mainEntityOfPage")))
        .filter(|u| u.starts_with("http"));
    meta.source = meta_get(metas, "og:site_name")
        .map(str::to_string)
        .or_else(|| article.and_then(|o| ld_str(o, "publisher")))
        .or_else(|| meta_get(metas, "application-name").map(str::to_string));
    meta.article_body = article.and_then(|o| ld_str(o, "articleBody"));
}

fn strip_site_suffix(t: &str) -> String {
    const SEPS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " » "];
    for sep in SEPS {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
                return strip_site_suffix(head);
            }
        }
    }
    // "Site :: Headline": a short site name first.
    for sep in SEPS {
        if let Some(i) = t.find(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if head.split_whitespace().count() <= 4 && tail.split_whitespace().count() >= 4 {
                return tail.to_string();
            }
        }
    }
    t.to_string()
}

/// Try one candidate; true when it gave a date.
fn try_date(meta: &mut PageMeta, field: &str, value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() {
        return false;
    }
    match parse_stamp(v) {
        Ok(_) => {
            meta.published = Some((field.to_string(), v.to_string()));
            true
        }
        Err(why) => {
            meta.warnings.push(format!("{field}: cannot read date `{v}`: {why}"));
            false
        }
    }
}

fn find_date(
    doc: &Html,
    metas: &[(String, String)],
    ld: &[serde_json::Map<String, Value>],
    meta: &mut PageMeta,
) {
    for o in ld {
        if let Some(v) = ld_str(o, "datePublished") {
            if try_date(meta, "JSON-LD datePublished", &v) {
                return;
            }
        }
    }
    for name in DATE_META.iter() {
        if let Some(v) = meta_get(metas, name) {
            if try_date(meta, &format!("meta {name}"), v) {
                return;
            }
        }
    }
    // <time> marked as the publication time, or inside a byline.
    for t in doc.select(&TIME) {
        let e = t.value();
        let marks = marks(e);
        if NOT_PUBLISHED.is_match(&marks) {
            continue;
        }
        let marked = e.attr("pubdate").is_some()
            || marks.to_ascii_lowercase().contains("datepublished")
            || marks.to_ascii_lowercase().contains("publish")
            || marks.to_ascii_lowercase().contains("pubdate")
            || marks.to_ascii_lowercase().contains("entry-date")
            || in_byline(t);
        if !marked {
            continue;
        }
        let text = clean_ws(&t.text().collect::<String>());
        if NOT_PUBLISHED.is_match(&text) {
            continue;
        }
        if let Some(v) = e.attr("datetime") {
            if try_date(meta, "<time datetime>", v) {
                return;
            }
        }
        if try_date(meta, "<time>", &text) {
            return;
        }
    }
    for el in doc.select(&ITEMPROP_PUB) {
        if el.value().attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished")) {
            let v = el
                .value()
                .attr("content")
                .or_else(|| el.value().attr("datetime"))
                .map(str::to_string)
                .unwrap_or_else(|| clean_ws(&el.text().collect::<String>()));
            if try_date(meta, "itemprop datePublished", &v) {
                return;
            }
        }
    }
    if let Some(url) = meta.url.clone().or_else(|| meta_get(metas, "og:url").map(str::to_string)) {
        if let Some(c) = URL_DATE.captures(&url) {
            let (y, m, d) =
                if c.get(1).is_some() { (&c[1], &c[2], &c[3]) } else { (&c[4], &c[5], &c[6]) };
            let v = format!("{y}-{m:0>2}-{d:0>2}");
            if try_date(meta, "URL path", &v) {
                return;
            }
        }
    }
    // The first machine-readable time inside the article (not in a related
    // box, not an update stamp): the usual place of a publication time.
    for t in doc.select(&TIME) {
        let e = t.value();
        let Some(v) = e.attr("datetime") else { continue };
        if !has_ancestor(t, "article") || NOT_PUBLISHED.is_match(&marks(e)) || under_noise_el(t) {
            continue;
        }
        if try_date(meta, "<time datetime> in the article", v) {
            return;
        }
        break;
    }
    // Visible byline text: "Published 14 March 2025, 10:31 GMT". Bylines
    // and publication labels first, then generic date/meta boxes.
    for strong in [true, false] {
        for el in doc.select(&DATEY) {
            let e = el.value();
            let marks = format!("{} {}", e.attr("class").unwrap_or(""), e.id().unwrap_or(""));
            let hit =
                if strong { BYLINE_STRONG.is_match(&marks) } else { BYLINE_CLASS.is_match(&marks) };
            if !hit || NOT_PUBLISHED.is_match(&marks) || is_noise(el) {
                continue;
            }
            let text = clean_ws(&el.text().collect::<String>());
            if text.len() > 160 {
                continue;
            }
            // Only what comes before "Updated ...".
            let head = NOT_PUBLISHED.find(&text).map_or(text.as_str(), |m| &text[..m.start()]);
            if let Some(m) = TEXT_DATE.find(head) {
                if parse_stamp(m.as_str()).is_ok() {
                    meta.published = Some(("byline".into(), m.as_str().to_string()));
                    return;
                }
            }
        }
    }
}

/// What an element says about itself: class, id, and the component names
/// some CMSs put in data attributes (`data-component="byline-block"`).
fn marks(v: &scraper::node::Element) -> String {
    let mut m = String::new();
    for a in ["class", "id", "data-component", "data-testid", "data-gu-name", "itemprop"] {
        if let Some(x) = v.attr(a) {
            m.push_str(x);
            m.push(' ');
        }
    }
    m
}

fn in_byline(el: ElementRef<'_>) -> bool {
    let mut node = el.parent();
    let mut depth = 0;
    while let Some(n) = node {
        if depth > 4 {
            break;
        }
        if let Some(e) = ElementRef::wrap(n) {
            let v = e.value();
            let marks = marks(v);
            if NOT_PUBLISHED.is_match(&marks) {
                return false;
            }
            if BYLINE_CLASS.is_match(&marks) {
                return true;
            }
            if matches!(v.name(), "article" | "header") {
                return v.name() == "header";
            }
        }
        node = n.parent();
        depth += 1;
    }
    false
}

/// True for an element that is never article text.
fn is_noise(el: ElementRef<'_>) -> bool {
    let v = el.value();
    let name = v.name();
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "nav" | "footer" | "aside"
        | "form" | "button" | "iframe" | "select" | "textarea" | "input" | "label" | "menu"
        | "dialog" | "object" | "embed" | "canvas" | "video" | "audio" | "map" | "head" => {
            return true
        }
        "header" => {
            // A site header, not an article's own header.
            return !has_ancestor(el, "article");
        }
        "html" | "body" | "main" | "article" => return false,
        _ => {}
    }
    if v.attr("hidden").is_some()
        || v.attr("aria-hidden").is_some_and(|a| a == "true")
        || v.attr("style").is_some_and(|s| s.replace(' ', "").contains("display:none"))
    {
        return true;
    }
    if let Some(role) = v.attr("role") {
        if matches!(
            role,
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "search"
        ) {
            return true;
        }
    }
    if v.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
        return false;
    }
    v.classes().any(noise_token)
        || v.id().is_some_and(noise_token)
        || v.attr("data-component").is_some_and(|c| c.split_whitespace().any(noise_token))
}

fn under_noise_el(el: ElementRef<'_>) -> bool {
    let mut node = Some(*el);
    while let Some(n) = node {
        if ElementRef::wrap(n).is_some_and(is_noise) {
            return true;
        }
        node = n.parent();
    }
    false
}

fn has_ancestor(el: ElementRef<'_>, name: &str) -> bool {
    let mut node = el.parent();
    while let Some(n) = node {
        if ElementRef::wrap(n).is_some_and(|e| e.value().name() == name) {
            return true;
        }
        node = n.parent();
    }
    false
}

fn noise_token(token: &str) -> bool {
    let t = token.to_ascii_lowercase();
    let parts: Vec<&str> = t.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    // "share", "c-share", "share-bar", "post_share_links": a stem as a
    // whole part. Prefix words are allowed, suffix words too, but not a
    // stem glued into another word ("shared", "adjacent").
    parts.iter().any(|p| NOISE.contains(*p))
}

/// Choose the element holding the article text.
fn best_root(doc: &Html) -> Option<ElementRef<'_>> {
    let mut noise_cache: HashMap<_, bool> = HashMap::new();
    let mut under_noise = |p: ElementRef<'_>| -> bool {
        let mut chain = Vec::new();
        let mut node = Some(*p);
        let mut result = false;
        while let Some(n) = node {
            if let Some(&c) = noise_cache.get(&n.id()) {
                result = c;
                break;
            }
            chain.push(n.id());
            if ElementRef::wrap(n).is_some_and(is_noise) {
                result = true;
                break;
            }
            node = n.parent();
        }
        for id in chain {
            noise_cache.insert(id, result);
        }
        result
    };
    let mut scores: HashMap<_, f32> = HashMap::new();
    let mut elements: HashMap<_, ElementRef<'_>> = HashMap::new();
    for p in doc.select(&PARAS) {
        if !matches!(p.value().name(), "p" | "pre" | "td" | "blockquote") {
            continue;
        }
        if under_noise(p) {
            continue;
        }
        let text: String = p.text().collect();
        let len = text.split_whitespace().map(str::len).sum::<usize>() as f32;
        if len < 25.0 {
            continue;
        }
        let commas = text.matches([',', '،']).count() as f32;
        let score = 1.0 + commas + (len / 100.0).min(3.0);
        let mut up = p.parent();
        let mut weight = 1.0;
        for _ in 0..2 {
            let Some(n) = up else { break };
            if let Some(e) = ElementRef::wrap(n) {
                *scores.entry(n.id()).or_insert(0.0) += score * weight;
                elements.insert(n.id(), e);
            }
            weight /= 2.0;
            up = n.parent();
        }
    }
    let best = scores
        .iter()
        .max_by(|a, b| a.1.partial_cmp(b.1).unwrap_or(std::cmp::Ordering::Equal).then(b.0.cmp(a.0)))
        .map(|(id, _)| *id)?;
    let mut root = elements[&best];
    // A semantic container just above the best node (the article element,
    // or the articleBody) keeps subheadings and lists that sit beside it.
    let mut up = root.parent();
    for _ in 0..2 {
        let Some(n) = up else { break };
        if let Some(e) = ElementRef::wrap(n) {
            let v = e.value();
            if v.name() == "article"
                || v.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
            {
                root = e;
                break;
            }
        }
        up = n.parent();
    }
    Some(root)
}

#[derive(Default)]
struct Blocks {
    blocks: Vec<Block>,
    captions: Vec<Caption>,
}

struct Block {
    text: String,
    link_chars: usize,
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "ul"
            | "ol"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "dl"
            | "dt"
            | "dd"
            | "figure"
            | "figcaption"
            | "header"
            | "hr"
            | "address"
            | "center"
            | "body"
            | "html"
    )
}

/// Walk `el`, turning runs of inline content into paragraphs.
fn collect(el: ElementRef<'_>, out: &mut Blocks, depth: usize) {
    if depth > 60 {
        return;
    }
    let mut buf = String::new();
    let mut links = 0usize;
    for child in el.children() {
        match child.value() {
            Node::Text(t) => buf.push_str(t),
            Node::Element(e) => {
                let Some(ce) = ElementRef::wrap(child) else { continue };
                let name = e.name();
                if name == "br" {
                    if buf.ends_with('\u{0}') {
                        flush(&mut buf, &mut links, out);
                    } else {
                        buf.push('\u{0}');
                    }
                    continue;
                }
                if is_noise(ce) || is_byline_el(ce) || name == "h1" || name == "img" {
                    continue;
                }
                if name == "figcaption" || is_caption_class(ce) {
                    flush(&mut buf, &mut links, out);
                    let t = clean_ws(&ce.text().collect::<String>());
                    if !t.is_empty() && !out.captions.iter().any(|c| c.text == t) {
                        out.captions.push(caption(&t));
                    }
                    continue;
                }
                if is_block(name) || wraps_blocks(ce) {
                    flush(&mut buf, &mut links, out);
                    collect(ce, out, depth + 1);
                } else {
                    let (t, l) = inline_text(ce);
                    buf.push_str(&t);
                    links += l;
                }
            }
            _ => {}
        }
    }
    flush(&mut buf, &mut links, out);
}

/// An inline element (`<font>`, `<span>`) wrapping paragraphs: block
/// children or `<br><br>` inside, as old table layouts have.
fn wraps_blocks(el: ElementRef<'_>) -> bool {
    let mut prev_br = false;
    for c in el.descendent_elements().skip(1) {
        let n = c.value().name();
        if is_block(n) {
            return true;
        }
        if n == "br" {
            if prev_br {
                return true;
            }
            prev_br = true;
        } else {
            prev_br = false;
        }
    }
    false
}

fn is_caption_class(el: ElementRef<'_>) -> bool {
    el.value().classes().any(|c| {
        let c = c.to_ascii_lowercase();
        c == "caption"
            || c.ends_with("-caption")
            || c.ends_with("caption-text")
            || c == "wp-caption-text"
    }) || el.value().attr("itemprop").is_some_and(|p| p == "caption")
}

/// Text of an inline element and how much of it is link text.
fn inline_text(el: ElementRef<'_>) -> (String, usize) {
    if is_noise(el) {
        return (String::new(), 0);
    }
    let mut s = String::new();
    let mut links = 0;
    for child in el.children() {
        match child.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(e) => {
                if e.name() == "br" {
                    s.push(' ');
                    continue;
                }
                if let Some(ce) = ElementRef::wrap(child) {
                    let (t, l) = inline_text(ce);
                    links += l;
                    s.push_str(&t);
                }
            }
            _ => {}
        }
    }
    if el.value().name() == "a" {
        links = s.trim().len();
    }
    (s, links)
}

fn flush(buf: &mut String, links: &mut usize, out: &mut Blocks) {
    let text = clean_ws(&buf.replace('\u{0}', " "));
    if !text.is_empty() {
        out.blocks.push(Block { text, link_chars: *links });
    }
    buf.clear();
    *links = 0;
}

/// Bylines and date lines: author and time, not article text. Their dates
/// are read by `find_date` before the text is collected.
fn is_byline_el(el: ElementRef<'_>) -> bool {
    const PARTS: &[&str] = &[
        "byline",
        "author",
        "authors",
        "meta",
        "timestamp",
        "date",
        "dateline",
        "published",
        "posted",
        "pubdate",
    ];
    let v = el.value();
    let hit = |t: &str| t.to_ascii_lowercase().split(['-', '_']).any(|p| PARTS.contains(&p));
    v.classes().any(hit)
        || v.id().is_some_and(hit)
        || v.attr("data-component").is_some_and(|c| c.split_whitespace().any(hit))
        || v.attr("rel").is_some_and(|r| r == "author")
}

static BYLINE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|published|posted|updated|first published|last updated)\b")
        .expect("valid regex")
});

fn is_byline(s: &str) -> bool {
    let words = s.split_whitespace().count();
    BYLINE_TEXT.is_match(s)
        && (words <= 8 || (words <= 30 && (TEXT_DATE.is_match(s) || s.contains(['·', '|', '•']))))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "<article><p>The foreign ministers of the two countries met in the capital on Tuesday, officials said, and agreed to meet again next month.</p><p>A joint statement followed.</p></article>";

    fn page(head: &str, body: &str) -> String {
        format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>")
    }

    fn date_of(head: &str, body: &str) -> Option<String> {
        let d = read_page(&page(head, body)).unwrap();
        d.published.map(|(_, v)| parse_stamp(&v).unwrap().date.to_string())
    }

    #[test]
    fn data_files_load() {
        assert!(NOISE.contains("share"));
        assert!(DATE_META.iter().any(|m| m == "article:published_time"));
        assert!(!DATE_META.iter().any(|m| m.contains("modif") || m.contains("updated")));
    }

    #[test]
    fn meta_names() {
        for (attr, name) in [
            ("property", "article:published_time"),
            ("name", "pubdate"),
            ("name", "DC.date.issued"),
            ("name", "sailthru.date"),
            ("name", "parsely-pub-date"),
            ("itemprop", "datePublished"),
            ("name", "citation_publication_date"),
        ] {
            let head = format!("<meta {attr}=\"{name}\" content=\"2024-06-05T10:00:00+02:00\">");
            assert_eq!(date_of(&head, BODY).as_deref(), Some("2024-06-05"), "{name}");
        }
    }

    #[test]
    fn published_is_preferred_to_modified() {
        let head = "<meta property=\"article:modified_time\" content=\"2024-06-09\"><meta property=\"article:published_time\" content=\"2024-06-05\">";
        assert_eq!(date_of(head, BODY).as_deref(), Some("2024-06-05"));
        let only_modified = "<meta property=\"article:modified_time\" content=\"2024-06-09\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"dateModified\":\"2024-06-09\"}</script>";
        let b = format!("<p class=\"updated\">Updated 9 June 2024</p>{BODY}");
        assert_eq!(date_of(only_modified, &b), None);
    }

    #[test]
    fn json_ld_graph_and_arrays() {
        let head = r#"<script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@graph":[{"@type":"WebPage","datePublished":"2020-01-01"},{"@type":["NewsArticle"],"datePublished":"2024-06-05T23:30:00-05:00","headline":"H"}]}]</script>"#;
        assert_eq!(date_of(head, BODY).as_deref(), Some("2024-06-05"));
        let d = read_page(&page(head, BODY)).unwrap();
        assert_eq!(d.title, "H");
    }

    #[test]
    fn time_elements_and_bylines() {
        let b = format!("<div class=\"byline\">By A. Writer <time datetime=\"2024-06-05\">5 June</time></div>{BODY}");
        assert_eq!(date_of("", &b).as_deref(), Some("2024-06-05"));
        let b = format!("<time pubdate>June 5, 2024</time>{BODY}");
        assert_eq!(date_of("", &b).as_deref(), Some("2024-06-05"));
        let b = format!("<time class=\"updated\" datetime=\"2024-06-09\"></time><p class=\"article-date\">Published: 5 June 2024 | Updated: 9 June 2024</p>{BODY}");
        assert_eq!(date_of("", &b).as_deref(), Some("2024-06-05"));
        let b = format!("<p class=\"article-date\">Updated: 9 June 2024</p>{BODY}");
        assert_eq!(date_of("", &b), None);
    }

    #[test]
    fn url_dates() {
        let head = "<link rel=\"canonical\" href=\"https://e.org/news/2024/06/05/talks\">";
        assert_eq!(date_of(head, BODY).as_deref(), Some("2024-06-05"));
        let head = "<meta property=\"og:url\" content=\"https://e.org/a/20240605/talks\">";
        assert_eq!(date_of(head, BODY).as_deref(), Some("2024-06-05"));
        let head = "<link rel=\"canonical\" href=\"https://e.org/news/2024/06/talks\">";
        assert_eq!(date_of(head, BODY), None, "a month is not a day");
    }

    #[test]
    fn unreadable_meta_date_is_reported_and_next_source_used() {
        let head = "<meta property=\"article:published_time\" content=\"soon\"><meta name=\"pubdate\" content=\"2024-06-05\">";
        let d = read_page(&page(head, BODY)).unwrap();
        assert!(d.warnings.iter().any(|(_, w)| w.contains("soon")));
        assert_eq!(d.published.unwrap().1, "2024-06-05");
    }

    #[test]
    fn noise_tokens() {
        for t in [
            "share",
            "c-share",
            "share-bar",
            "post_share_links",
            "comments",
            "cookie-banner",
            "related-posts",
        ] {
            assert!(noise_token(t), "{t}");
        }
        for t in ["shared", "adjacent", "article-body", "entry-content", "post", "story"] {
            assert!(!noise_token(t), "{t}");
        }
    }

    #[test]
    fn fragment_scanner_agrees_with_the_html5_parser() {
        for f in [
            "<p>One <b>bold</b> &amp; <a href=\"x\">link</a>.</p><p>Two&nbsp;&mdash; &#8220;q&#x201D;</p>",
            "<p>A</p><figure><img src=\"a.jpg\"><figcaption>Cap, 3 May 2024</figcaption></figure><p>B<br>C</p>",
            "plain text with no tags",
            "<h2>Sub</h2><ul><li>x</li><li>y</li></ul><blockquote><p>Q</p></blockquote>",
        ] {
            let fast = simple_fragment(f).expect("simple shape");
            let doc = Html::parse_fragment(f);
            let mut out = Blocks::default();
            collect(doc.root_element(), &mut out, 0);
            let slow: Vec<String> = out.blocks.into_iter().map(|b| b.text).collect();
            assert_eq!(fast.paragraphs, slow, "{f}");
            assert_eq!(fast.captions, out.captions, "{f}");
        }
        for f in [
            "<p>x</p><!-- c -->",
            "<script>x</script>",
            "<p>&unknown;</p>",
            "a < b",
            "<table><tr><td>x</td></tr></table>",
        ] {
            assert!(simple_fragment(f).is_none(), "{f}");
        }
    }

    #[test]
    fn pages_without_text_are_errors() {
        assert!(read_page(&page("<title>Home</title>", "<nav><a href=\"/a\">A</a></nav>")).is_err());
        assert!(read_page("").is_err());
    }

    proptest::proptest! {
        #[test]
        fn fragment_scanner_matches_parser(
            paras in proptest::collection::vec(
                (
                    proptest::sample::select(vec![("<p>", "</p>"), ("<li>", "</li>"), ("<h2>", "</h2>"), ("<figure><figcaption>", "</figcaption></figure>"), ("", "<br><br>")]),
                    proptest::collection::vec(proptest::sample::select(vec![
                        "Word", " ", "  ", "\n", "&amp;", "&rsquo;", "&#233;", ", said", ".", "<b>Beirut</b>",
                        "<a href=\"u\">link</a>", "<em>x</em>", "<br>",
                    ]), 0..8),
                ),
                0..8,
            )
        ) {
            let f: String = paras.iter().map(|((open, close), inner)| format!("{open}{}{close}", inner.concat())).collect();
            if let Some(fast) = simple_fragment(&f) {
                let doc = Html::parse_fragment(&f);
                let mut out = Blocks::default();
                collect(doc.root_element(), &mut out, 0);
                let mut seen = HashSet::new();
                let slow: Vec<String> = out.blocks.into_iter().map(|b| b.text).filter(|t| seen.insert(t.clone())).collect();
                proptest::prop_assert_eq!(fast.paragraphs, slow);
            }
        }

        #[test]
        fn never_panics(s in "(<[a-z]{1,6}( class=\"[a-z -]{0,12}\")?>|</[a-z]{1,6}>|[A-Za-z ,.]{0,30}){0,40}") {
            let _ = read_page(&s);
        }
    }
}
