//! Plain text and scraped text dumps.
//!
//! A scraper's dump of a news page (the seed is one) holds the headline, then
//! the photo caption (often twice), then page chrome (a font-size toggle `TT`, a
//! comment counter `20`), then the headline and caption again, then the body;
//! and several articles may follow each other in one file. This module turns
//! such a file into clean articles:
//!
//! 1. **Split.** A new article starts at a headline-like line (short, no final
//!    period) that either follows two or more blank lines or is repeated within
//!    the next few lines (scrapers save the headline twice), once the current
//!    article has body text.
//! 2. **Drop chrome.** Whole lines listed in `data/ingest/site_chrome.txt`
//!    (exact lines or whole-line patterns) are dropped.
//! 3. **Drop repeats.** Every repeat of the headline is dropped; a body
//!    paragraph repeated verbatim is kept once.
//! 4. **Captions apart.** A line matching `data/ingest/captions.txt` (filing
//!    lines, photo credits), or any line repeated before the first body
//!    paragraph, is a caption: kept once, with its own date when it states a
//!    full one ("FILED - 17 January 2025, ..." → 2025-01-17).
//! 5. **Header lines.** `Published: ...`, `Source: ...`, `URL: ...` lines and a
//!    `By ...` byline before the body are metadata, not text.
//! 6. **Paragraphs.** Blank lines separate paragraphs. Inside a block, lines
//!    hard-wrapped at a fixed width are joined; long lines are paragraphs of
//!    their own (dumps often put one paragraph a line with no blank between).
//!
//! Titles are compared after trimming; nothing here names a site or a story.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::meta::month_number;
use super::prose::{self, Marker};
use super::Draft;
use crate::lexicon;
use crate::model::Caption;

/// Whole-line chrome: exact lines (lower-cased) and anchored patterns.
struct Chrome {
    lines: HashSet<String>,
    /// Longest entry of `lines`, in bytes: longer lines skip the lookup.
    max_len: usize,
    /// `regex`, `long` and `notice` entries, for lines up to
    /// [`CHROME_SHORT`].
    pattern: Regex,
    /// `long` entries, for lines up to [`CHROME_MAX`].
    long: Regex,
    /// The words of `notice` entries as written, capitalized and in
    /// capitals (matched case-sensitively, which keeps the search fast).
    notice_words: Regex,
    /// Each `notice` entry's word forms and expression.
    notices: Vec<(String, Regex)>,
}

/// Parse this module's data files now (see [`crate::lexicon::load_all`]).
pub(super) fn load_lexicons() {
    LazyLock::force(&CHROME);
    LazyLock::force(&CAPTION);
}

static CHROME: LazyLock<Chrome> = LazyLock::new(|| {
    let src = lexicon::source(
        "ingest/site_chrome.txt",
        include_str!("../../data/ingest/site_chrome.txt"),
    );
    parse_chrome(&src).unwrap_or_else(|e| panic!("ingest/site_chrome.txt {e}"))
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    let src =
        lexicon::source("ingest/captions.txt", include_str!("../../data/ingest/captions.txt"));
    parse_captions(&src).unwrap_or_else(|e| panic!("ingest/captions.txt {e}"))
});

fn parse_chrome(src: &str) -> Result<Chrome, String> {
    let mut lines = HashSet::new();
    let (mut pats, mut longs, mut words, mut notices) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let ascii_bounds = |pat: &str| format!("(?:{})", pat.replace(r"\b", r"(?-u:\b)"));
    for (n, row) in lexicon::rows(src) {
        match row.as_slice() {
            ["line", text] => {
                lines.insert(text.to_lowercase());
            }
            [kind @ ("regex" | "long"), pat] => {
                Regex::new(pat).map_err(|e| format!("line {n}: {e}"))?;
                if *kind == "long" {
                    longs.push(ascii_bounds(pat));
                }
                pats.push(ascii_bounds(pat));
            }
            ["notice", word, pat] if !word.is_empty() => {
                let re = Regex::new(&format!("(?i){}", ascii_bounds(pat)))
                    .map_err(|e| format!("line {n}: {e}"))?;
                // Short lines take it in the one whole-line pass.
                pats.push(format!(".*{}.*", ascii_bounds(pat)));
                let mut cap = word.to_lowercase();
                if let Some(c) = cap.get(..1) {
                    cap = c.to_uppercase() + &cap[1..];
                }
                for w in [word.to_lowercase(), cap, word.to_uppercase()] {
                    words.push(regex::escape(&w));
                    notices.push((w, re.clone()));
                }
            }
            _ => {
                return Err(format!(
                    "line {n}: expected `line<TAB>TEXT`, `regex<TAB>PATTERN`, \
                     `long<TAB>PATTERN` or `notice<TAB>WORD<TAB>PATTERN`"
                ))
            }
        }
    }
    let anchored = |pats: &[String]| {
        // No entries: a pattern that matches no line.
        let body = if pats.is_empty() { r"[^\s\S]".to_string() } else { pats.join("|") };
        Regex::new(&format!("(?i)^(?:{body})$")).map_err(|e| e.to_string())
    };
    // A plain alternation of literals: the regex crate finds it with a
    // vectorized literal search, which leaves most lines unread.
    let notice_words =
        if words.is_empty() { Regex::new(r"[^\s\S]") } else { Regex::new(&words.join("|")) }
            .map_err(|e| e.to_string())?;
    let max_len = lines.iter().map(String::len).max().unwrap_or(0);
    Ok(Chrome {
        lines,
        max_len,
        pattern: anchored(&pats)?,
        long: anchored(&longs)?,
        notice_words,
        notices,
    })
}

fn parse_captions(src: &str) -> Result<Regex, String> {
    let mut pats = Vec::new();
    for (n, line) in lexicon::lines(src) {
        Regex::new(line).map_err(|e| format!("line {n}: {e}"))?;
        // ASCII word boundaries keep the fast DFA engine on non-ASCII text.
        pats.push(format!("(?:{})", line.replace(r"\b", r"(?-u:\b)")));
    }
    Regex::new(&pats.join("|")).map_err(|e| e.to_string())
}

/// True when a trimmed line is site chrome.
pub(crate) fn is_chrome(line: &str) -> bool {
    // Longer than any notice a page repeats (cookie and sign-up boxes run
    // to two sentences): article text, never tested.
    if line.len() > CHROME_MAX {
        return false;
    }
    let c = &*CHROME;
    if line.len() <= CHROME_SHORT {
        return (line.len() <= c.max_len && c.lines.contains(&line.to_lowercase()))
            || c.pattern.is_match(line);
    }
    c.long.is_match(line)
        || c.notice_words
            .find_iter(line)
            .any(|m| c.notices.iter().any(|(w, re)| w.as_str() == m.as_str() && re.is_match(line)))
}

/// Lines longer than this (bytes) are never chrome.
const CHROME_MAX: usize = 320;
/// Lines longer than this (bytes) are chrome only by `long` and `notice`
/// entries.
const CHROME_SHORT: usize = 80;

/// True when a line reads as a photo caption or credit.
pub(crate) fn is_caption(line: &str) -> bool {
    CAPTION.is_match(line)
}

static CAPTION_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \b(?P<d1>\d{1,2})\s+(?P<m1>[A-Z][a-z]{2,8})\.?,?\s+(?P<y1>\d{4})\b
      | \b(?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})\b
      | \b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b",
    )
    .expect("valid regex")
});

/// The first full date (day, month and year) a caption states: the date of
/// the photo, not of the article.
pub(crate) fn caption_date(text: &str) -> Option<NaiveDate> {
    for c in CAPTION_DATE.captures_iter(text) {
        let got = if let (Some(d), Some(m), Some(y)) = (c.name("d1"), c.name("m1"), c.name("y1")) {
            ymd(y.as_str(), month_number(m.as_str()), d.as_str())
        } else if let (Some(d), Some(m), Some(y)) = (c.name("d2"), c.name("m2"), c.name("y2")) {
            ymd(y.as_str(), month_number(m.as_str()), d.as_str())
        } else if let (Some(d), Some(m), Some(y)) = (c.name("d3"), c.name("m3"), c.name("y3")) {
            ymd(y.as_str(), m.as_str().parse().ok(), d.as_str())
        } else {
            None
        };
        if got.is_some() {
            return got;
        }
    }
    None
}

fn ymd(y: &str, m: Option<u32>, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m?, d.parse().ok()?)
}

/// A caption with its own date.
pub(crate) fn caption(text: &str) -> Caption {
    Caption { text: text.to_string(), date: caption_date(text) }
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?:
            (?P<caps>[A-Z][A-Z.'’\-]+(?:\s[A-Z][A-Z.'’\-]+){0,3})
            (?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?
            (?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?
            \s*(?:\((?P<agency1>[A-Za-z][A-Za-z\x20.&\-]{1,30})\))?
          | (?P<title>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})
            (?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?
            \s*\((?P<agency2>AFP|AP|Reuters|dpa|Xinhua|Anadolu|TASS|Sputnik|RIA|KUNA|SPA|WAM|WAFA|SANA|IRNA|UPI|EFE|ANSA|Kyodo|Yonhap)\)
        )
        \s*[-–—]{1,2}\s*\S",
    )
    .expect("valid regex")
});

/// The dateline of an agency-style lead paragraph: "BEIRUT, March 22
/// (Reuters) - ..." gives ("BEIRUT", Some("Reuters")).
pub(crate) fn dateline(first_paragraph: &str) -> Option<(String, Option<String>)> {
    // Cheap test first: a dateline starts with a capital and has a dash
    // within its first few words.
    let head = first_paragraph.get(..first_paragraph.len().min(90)).unwrap_or(first_paragraph);
    if !first_paragraph.starts_with(|c: char| c.is_ascii_uppercase())
        || !head.contains(['-', '–', '—'])
    {
        return None;
    }
    let c = DATELINE.captures(first_paragraph)?;
    let place = c.name("caps").or_else(|| c.name("title"))?.as_str().trim();
    if place.chars().filter(|ch| ch.is_alphabetic()).count() < 2 {
        return None;
    }
    let agency = c.name("agency1").or_else(|| c.name("agency2")).map(|a| a.as_str().to_string());
    Some((place.to_string(), agency))
}

/// A small multiply-rotate hash for the per-article line sets: the lines
/// are the file's own, so SipHash's protection against chosen keys buys
/// nothing here, and hashing every line is a visible share of the time.
#[derive(Default, Clone, Copy)]
struct LineHasher(u64);

impl std::hash::Hasher for LineHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or_default());
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastHash = std::hash::BuildHasherDefault<LineHasher>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Blank,
    Chrome,
    Caption,
    Content,
}

pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    /// 1-based line number in the file.
    pub(super) no: usize,
    pub(super) kind: Kind,
    /// The section label this (chrome) line is.
    pub(super) marker: Option<Marker>,
}

/// Headline-like: short, not a sentence, starts like a title.
pub(super) fn title_like(s: &str) -> bool {
    if s.len() > 220 {
        return false;
    }
    let words = s.split_whitespace().take(26).count();
    if !(1..=25).contains(&words) {
        return false;
    }
    if s.ends_with(['.', ',', ';', ':']) && !s.ends_with("...") {
        return false;
    }
    s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'#".contains(c))
}

fn body_like(s: &str) -> bool {
    s.split_whitespace().take(12).count() >= 12 || s.ends_with(['.', '!', '?', '"', '”', '’', ')'])
}

static HEADER_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?P<key>(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|date(?:d)?|publication date|source|publisher|url|link|title|headline)(?P<sep>\s*[:\-–]\s*|\s+)(?P<val>\S.*)$",
    )
    .expect("valid regex")
});

/// A `Key: value` header line: (lower-cased key, value). Pages also print
/// the date with no colon ("Published 13 April 2025", "First published on
/// Sun 13 Apr 2025 22.00 BST"): a date key followed by a space is a field
/// only when what follows reads as a date. The key comes back lower-cased,
/// without "first".
fn header_field(t: &str) -> Option<(String, &str)> {
    let c = HEADER_FIELD.captures(t)?;
    let key = c["key"].to_ascii_lowercase();
    let key = key.strip_prefix("first").map_or(key.as_str(), str::trim_start).to_string();
    let val = c.name("val")?.as_str().trim();
    if c["sep"].trim().is_empty() {
        let first = key.split_whitespace().next().unwrap_or("");
        if !matches!(first, "published" | "posted" | "dated") || stamp(val).is_none() {
            return None;
        }
    }
    Some((key, val))
}

/// A date a page prints on a line of its own, or as one `|`/`•`-separated
/// part of a byline ("By Jane Doe | April 14, 2025"): starts like a date
/// (a digit, a month or weekday name), names a year, and parses whole.
fn stamp(part: &str) -> Option<&str> {
    let part = part.trim();
    if part.len() > 60 || part.split_whitespace().nth(8).is_some() {
        return None;
    }
    let first = part.split([' ', ',']).next().unwrap_or("");
    let starts_like_date = part.starts_with(|c: char| c.is_ascii_digit())
        || month_number(first).is_some()
        || weekday(first);
    let has_year = part
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    (starts_like_date && has_year && super::meta::parse_stamp(part).is_ok()).then_some(part)
}

/// A time of day printed beside a date ("10:32 AM", "22.00 BST").
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?$")
        .expect("valid regex")
});

/// A header line that is a date stamp, alone or beside a byline or a time
/// of day: the date.
fn stamp_line(t: &str) -> Option<&str> {
    if t.len() > 120 {
        return None;
    }
    let mut found = None;
    for part in t.split(['|', '•', '·']) {
        match stamp(part) {
            Some(v) => {
                found.get_or_insert(v);
            }
            None if BYLINE.is_match(part.trim()) || CLOCK.is_match(part.trim()) => {}
            None => return None,
        }
    }
    found
}

fn weekday(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"].contains(&w.as_str())
        || ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            .contains(&w.as_str())
}
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|Written by|Reporting by)\s+\p{Lu}[^.!?]{0,80}$").expect("valid regex")
});

/// Read a plain-text body into articles. `first_line` is the file line of
/// `text`'s first line (after any front matter). With `single`, the text is
/// one article (its metadata came from front matter) and is never split.
pub(crate) fn read_text(text: &str, first_line: usize, single: bool) -> Vec<Draft> {
    let mut lines: Vec<Line<'_>> = Vec::with_capacity(text.len() / 64 + 1);
    lines.extend(text.lines().enumerate().map(|(i, raw)| {
        let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        let marker = prose::marker(t);
        let kind = if t.is_empty() {
            Kind::Blank
        } else if marker.is_some() || is_chrome(t) {
            Kind::Chrome
        } else if is_caption(t) {
            Kind::Caption
        } else {
            Kind::Content
        };
        Line { text: t, no: first_line + i, kind, marker }
    }));
    prose::drop_link_lists(&mut lines);
    let segments = if single { std::iter::once(0..lines.len()).collect() } else { split(&lines) };
    segments.into_iter().filter_map(|r| read_segment(&lines[r], single)).collect()
}

/// Article boundaries as line ranges.
fn split(lines: &[Line<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut starts = vec![0];
    let mut blank_run = 0usize;
    let mut has_body = false;
    let mut seg_title: Option<&str> = None;
    for (i, l) in lines.iter().enumerate() {
        match l.kind {
            Kind::Blank => {
                blank_run += 1;
                continue;
            }
            Kind::Chrome => continue,
            Kind::Caption | Kind::Content => {}
        }
        let t = l.text;
        if l.kind == Kind::Content && title_like(t) && has_body && seg_title != Some(t) {
            let words = t.split_whitespace().count();
            let after_gap = blank_run >= 2 && words >= 4;
            let repeated = words >= 2 && repeated_soon(lines, i);
            if after_gap || repeated {
                starts.push(i);
                has_body = false;
                seg_title = Some(t);
                blank_run = 0;
                continue;
            }
        }
        if seg_title.is_none() && l.kind == Kind::Content && title_like(t) {
            seg_title = Some(t);
        } else if l.kind == Kind::Content && body_like(t) && seg_title != Some(t) {
            has_body = true;
        }
        blank_run = 0;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(lines.len());
        out.push(s..e);
    }
    out
}

pub(super) fn repeated_soon(lines: &[Line<'_>], i: usize) -> bool {
    let t = lines[i].text;
    lines[i + 1..].iter().take(15).any(|l| l.text == t)
}

fn read_segment(lines: &[Line<'_>], single: bool) -> Option<Draft> {
    let first = lines.iter().position(|l| l.kind != Kind::Blank)?;
    let mut d = Draft { line: Some(lines[first].no), ..Draft::default() };

    // Title: the first content line, when it reads as one.
    let mut title: Option<&str> = None;
    if let Some(l) = lines.iter().find(|l| l.kind == Kind::Content) {
        let t = l.text.trim_start_matches('#').trim();
        if title_like(l.text) && header_field(l.text).is_none() && !body_like_long(t) {
            title = Some(l.text);
            d.title = t.to_string();
        }
    }

    // Lines seen more than once in this article.
    let mut counts: HashMap<&str, u32, FastHash> = HashMap::default();
    for l in lines.iter().filter(|l| l.kind == Kind::Content || l.kind == Kind::Caption) {
        *counts.entry(l.text).or_insert(0) += 1;
    }

    let mut caption_texts: HashSet<&str, FastHash> = HashSet::default();
    let mut in_header = true;
    let mut unlabelled: Option<String> = None;
    let mut seen_body: HashSet<&str, FastHash> = HashSet::default();
    // Blocks of body lines, split at blank lines (and dropped lines).
    // Each with the file line it starts at.
    let mut blocks: Vec<(usize, Vec<&str>)> = vec![(0, Vec::new())];
    for l in lines {
        let t = l.text;
        match l.kind {
            Kind::Blank => {
                if !blocks.last().is_some_and(|b| b.1.is_empty()) {
                    blocks.push((0, Vec::new()));
                }
                continue;
            }
            Kind::Chrome => continue,
            Kind::Caption => {
                if caption_texts.insert(t) {
                    d.captions.push(caption(t));
                }
                continue;
            }
            Kind::Content => {}
        }
        if Some(t) == title || caption_texts.contains(t) {
            continue;
        }
        if in_header {
            if let Some((key, val)) = header_field(t) {
                let val = val.to_string();
                let field_ok = match key.split_whitespace().next().unwrap_or("") {
                    "published" | "posted" | "date" | "dated" | "publication" => {
                        d.published.get_or_insert((key.clone(), val));
                        true
                    }
                    "source" | "publisher" => {
                        d.source.get_or_insert(val);
                        true
                    }
                    "url" | "link" if val.starts_with("http") => {
                        d.url.get_or_insert(val);
                        true
                    }
                    "title" | "headline" if d.title.is_empty() => {
                        d.title = val;
                        true
                    }
                    _ => false,
                };
                if field_ok {
                    continue;
                }
            }
            if let Some(v) = stamp_line(t) {
                // An unlabelled stamp may be the page's last change (sites
                // print it first): a "Published" field, above or below,
                // wins.
                unlabelled.get_or_insert_with(|| v.to_string());
                continue;
            }
            if BYLINE.is_match(t) {
                continue;
            }
            if counts.get(t).copied().unwrap_or(0) > 1 && !single {
                // Repeated before the body: a caption saved twice.
                caption_texts.insert(t);
                d.captions.push(caption(t));
                continue;
            }
            in_header = false;
        }
        if !seen_body.insert(t) {
            continue;
        }
        let block = blocks.last_mut().expect("never empty");
        if block.1.is_empty() {
            block.0 = l.no;
        }
        block.1.push(t);
    }
    // Paragraphs with the line each starts at.
    if d.published.is_none() {
        d.published = unlabelled.map(|v| ("published".to_string(), v));
    }
    let mut starts: Vec<usize> = Vec::with_capacity(blocks.len());
    for (no, b) in blocks.iter().filter(|b| !b.1.is_empty()) {
        if wrapped(b) {
            d.paragraphs.push(b.join(" "));
            starts.push(*no);
        } else {
            d.paragraphs.extend(b.iter().map(|s| s.to_string()));
            starts.extend((0..b.len()).map(|k| no + k));
        }
    }
    if !single {
        drop_trailing_headlines(&mut d.paragraphs, &starts, &mut d.warnings);
    }
    if d.title.is_empty() && d.paragraphs.is_empty() && d.captions.is_empty() {
        return None;
    }
    Some(d)
}

/// Drop a run of two or more headlines that ends an article after its last
/// sentence: the links a page lists under a story, saved without their
/// label. A single such line stays (it may be a sign-off or a credit).
/// `starts` holds the file line each paragraph starts at.
fn drop_trailing_headlines(
    paragraphs: &mut Vec<String>,
    starts: &[usize],
    warnings: &mut Vec<(Option<usize>, String)>,
) {
    let tail = paragraphs.iter().rev().take_while(|p| prose::headline_item(p)).count();
    if tail < 2 || tail == paragraphs.len() {
        return;
    }
    // Bulleted key points and dated timeline entries ("2019 – Talks
    // collapse") end articles too: they are its text, not links.
    let content_list = paragraphs[paragraphs.len() - tail..].iter().any(|p| {
        p.starts_with(['-', '•', '*', '–', '—', '▪'])
            || p.split(|c: char| !c.is_ascii_digit()).next().is_some_and(|y| y.len() == 4)
    });
    if content_list {
        return;
    }
    let from = paragraphs.len() - tail;
    let (first, last) = (starts[from], starts[paragraphs.len() - 1]);
    warnings.push((
        Some(first),
        format!(
            "lines {first}-{last}: {tail} headline-like lines after the article's last \
             sentence read as a list of links to other stories and were dropped"
        ),
    ));
    paragraphs.truncate(from);
}

fn body_like_long(s: &str) -> bool {
    s.split_whitespace().take(26).count() > 25
}

/// True when a block's lines were hard-wrapped at a fixed width, so they are
/// one paragraph.
fn wrapped(block: &[&str]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let inner = &block[..block.len() - 1];
    let mut width = 0;
    for l in inner {
        let n = l.chars().count();
        if n > 100 {
            return false;
        }
        width = width.max(n);
    }
    // Text wrapped at a width never has a last line much longer than the
    // others: a short line over a long one is a label or a subheading.
    let last = block[block.len() - 1];
    if last.len() > width + 20 && last.chars().count() > width + 20 {
        return false;
    }
    // Every line a headline (none a sentence's continuation): a list.
    if block.iter().all(|l| prose::headline_item(l)) {
        return false;
    }
    let open = inner.iter().filter(|l| !l.ends_with(['.', '!', '?', '"', '”', ':'])).count();
    open * 2 >= inner.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let c = parse_chrome(include_str!("../../data/ingest/site_chrome.txt")).unwrap();
        assert!(c.lines.contains("tt"));
        parse_captions(include_str!("../../data/ingest/captions.txt")).unwrap();
        assert!(parse_chrome("bogus line").is_err());
        let only_lines = parse_chrome("line\tTT").unwrap();
        assert!(!only_lines.long.is_match("") && !only_lines.pattern.is_match("x"));
        assert!(parse_chrome("notice\tcookies").is_err());
        assert!(parse_chrome("notice\t\tcookies").is_err());
        assert!(parse_captions("(unclosed").is_err());
    }

    #[test]
    fn chrome_lines() {
        for s in ["TT", "20", "Share", "5 min read", "Advertisement", "----", "Image 2 of 5"] {
            assert!(is_chrome(s), "{s}");
        }
        for s in ["Talks resume in Geneva", "20 killed in strike on convoy", "X-ray of a crisis"] {
            assert!(!is_chrome(s), "{s}");
        }
    }

    #[test]
    fn captions_and_their_dates() {
        let filed =
            "FILED - 3 February 2024, Egypt, Cairo: A minister speaks. Photo: A. Person/dpa";
        assert!(is_caption(filed));
        assert_eq!(caption_date(filed), NaiveDate::from_ymd_opt(2024, 2, 3));
        assert!(is_caption("Delegates arrive for the summit in Doha (AFP)"));
        assert!(!is_caption("The minister said the talks would resume."));
        assert_eq!(caption_date("Delegates at the summit (AFP)"), None);
        assert_eq!(
            caption_date("Taken on June 5, 2023 in Oslo"),
            NaiveDate::from_ymd_opt(2023, 6, 5)
        );
    }

    #[test]
    fn datelines() {
        let got = dateline("BEIRUT, March 22 (Reuters) - Israeli artillery hit ...");
        assert_eq!(got, Some(("BEIRUT".into(), Some("Reuters".into()))));
        assert_eq!(
            dateline("UNITED NATIONS (AP) — The council met."),
            Some(("UNITED NATIONS".into(), Some("AP".into())))
        );
        assert_eq!(
            dateline("Ankara (AFP) - Turkey said ..."),
            Some(("Ankara".into(), Some("AFP".into())))
        );
        assert_eq!(dateline("GENEVA — Talks resumed on Monday."), Some(("GENEVA".into(), None)));
        assert_eq!(dateline("The talks - held in Geneva - resumed."), None);
        assert_eq!(dateline("US officials said on Monday."), None);
    }

    const DUMP: &str = "\
Ministers Meet in Oslo to Revive Talks

Foreign ministers pose for a photo in Oslo on Monday (AFP)
Foreign ministers pose for a photo in Oslo on Monday (AFP)
TT
14

Ministers Meet in Oslo to Revive Talks

Foreign ministers pose for a photo in Oslo on Monday (AFP)
Foreign ministers pose for a photo in Oslo on Monday (AFP)

Foreign ministers from both countries met in Oslo on Monday to revive stalled talks, officials said.

The meeting lasted four hours, a spokesman said.



Envoy Visits Cairo Ahead of Summit

FILED - 3 February 2024, Egypt, Cairo: An envoy at a news conference. Photo: A. Person/dpa
FILED - 3 February 2024, Egypt, Cairo: An envoy at a news conference. Photo: A. Person/dpa
TT
9

Envoy Visits Cairo Ahead of Summit

The envoy arrived in Cairo on Sunday for talks with officials before next week's summit.
He met the foreign minister for two hours.
";

    #[test]
    fn dump_is_split_and_cleaned() {
        let arts = read_text(DUMP, 1, false);
        assert_eq!(arts.len(), 2, "{arts:#?}");
        let a = &arts[0];
        assert_eq!(a.title, "Ministers Meet in Oslo to Revive Talks");
        assert_eq!(a.captions.len(), 1);
        assert_eq!(a.paragraphs.len(), 2);
        assert!(a.paragraphs[0].starts_with("Foreign ministers from both"));
        assert_eq!(a.line, Some(1));
        let b = &arts[1];
        assert_eq!(b.title, "Envoy Visits Cairo Ahead of Summit");
        assert_eq!(b.captions.len(), 1);
        assert_eq!(b.captions[0].date, NaiveDate::from_ymd_opt(2024, 2, 3));
        assert_eq!(b.paragraphs.len(), 2, "{:#?}", b.paragraphs);
        for p in a.paragraphs.iter().chain(&b.paragraphs) {
            assert!(p != "TT" && p.parse::<u32>().is_err(), "chrome left: {p}");
        }
    }

    #[test]
    fn plain_wrapped_text_is_one_article() {
        let t = "Talks Resume\n\nThe two sides met again on\nTuesday in Geneva, officials\nsaid.\n\nA second round is planned.\n";
        let arts = read_text(t, 1, false);
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].title, "Talks Resume");
        assert_eq!(
            arts[0].paragraphs,
            vec![
                "The two sides met again on Tuesday in Geneva, officials said.",
                "A second round is planned."
            ]
        );
    }

    #[test]
    fn header_fields_and_byline() {
        let t = "Talks Resume\nPublished: 14 March 2025\nBy Jane Doe\nSource: Example News\n\nThe two sides met again on Tuesday in Geneva, officials said.\n";
        let a = &read_text(t, 1, false)[0];
        assert_eq!(a.published.as_ref().unwrap().1, "14 March 2025");
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(a.paragraphs.len(), 1);
    }

    #[test]
    fn subheading_after_gap_does_not_split() {
        let t = "Talks Resume\n\nThe two sides met again on Tuesday in Geneva, officials said.\n\n\nBackground\n\nThe talks began in 2023 and stalled twice.\n";
        assert_eq!(read_text(t, 1, false).len(), 1);
    }

    #[test]
    fn page_boxes_are_chrome() {
        for s in [
            "Sign up for our daily newsletter",
            "Get the top stories delivered to your inbox every morning.",
            "Enter your email address",
            "Subscribe now",
            "By signing up, you agree to our Privacy Policy and Terms of Use.",
            "Follow us on Twitter and Facebook for the latest news.",
            "Follow Example News on Google News",
            "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
            "Accept all cookies",
            "Comments (4)",
            "View 37 comments",
            "Join the conversation",
            "2 hours ago",
            "Published 2 hours ago",
            "Comments 12",
            "Topics: Diplomacy, Geneva",
            "Home > World > Europe",
            "World | Middle East",
            "READ MORE: Talks resume in Geneva after a month",
        ] {
            assert!(is_chrome(s), "{s}");
        }
        for s in [
            "The minister said he would subscribe to the plan only if it was amended.",
            "Envoys followed up on the talks in Geneva on Monday.",
            "Two hours ago the talks broke down, a delegate said.",
            "The comments drew a sharp reply from Ankara.",
            "Border talks | Envoys agree to meet again in Geneva",
            "Talks in Geneva > talks in Vienna, envoys say",
        ] {
            assert!(!is_chrome(s), "{s}");
        }
    }

    #[test]
    fn header_fields_without_a_colon() {
        assert_eq!(
            header_field("Published 13 April 2025"),
            Some(("published".into(), "13 April 2025"))
        );
        assert_eq!(
            header_field("Posted on March 3, 2025"),
            Some(("posted on".into(), "March 3, 2025"))
        );
        assert_eq!(
            header_field("Published Monday, 3 March 2025").map(|f| f.1),
            Some("Monday, 3 March 2025")
        );
        assert_eq!(header_field("Source: Example News").map(|f| f.1), Some("Example News"));
        for s in ["Posted Troops Leave the Border Zone", "Source Code of the Crisis", "Date Night"]
        {
            assert_eq!(header_field(s), None, "{s}");
        }
    }

    #[test]
    fn date_stamp_lines() {
        assert_eq!(stamp_line("14 April 2025"), Some("14 April 2025"));
        assert_eq!(stamp_line("Mon 14 Apr 2025 10.32 BST"), Some("Mon 14 Apr 2025 10.32 BST"));
        assert_eq!(stamp_line("By Jane Example | April 14, 2025"), Some("April 14, 2025"));
        assert_eq!(stamp_line("April 14, 2025 • 10:32 AM"), Some("April 14, 2025"));
        for s in [
            "2025",
            "14 April",
            "2 hours ago",
            "By Jane Example",
            "Geneva | April 14, 2025",
            "March 2025 was the month the talks broke down",
            "2025 talks in Geneva",
        ] {
            assert_eq!(stamp_line(s), None, "{s}");
        }
        assert_eq!(
            header_field("First published on Sun 13 Apr 2025 22.00 BST"),
            Some(("published on".into(), "Sun 13 Apr 2025 22.00 BST"))
        );
        assert_eq!(header_field("Published 2 hours ago"), None);
    }

    #[test]
    fn wrapping_is_told_from_labels_and_lists() {
        assert!(wrapped(&["The two sides met again on", "Tuesday in Geneva, officials", "said."]));
        // A short label over a long line.
        let long = "Envoys from the two neighbours agreed on Monday to resume border talks in Geneva next month, a spokesman said.";
        assert!(!wrapped(&["A man walks past the palace in Geneva", long]));
        // Headlines one a line.
        assert!(!wrapped(&[
            "1. Coastguards Rescue 40 Migrants Off Crete",
            "2. Parliament Approves New Trade Pact",
            "3. Central Bank Holds Rates Steady",
        ]));
    }

    #[test]
    fn trailing_headlines_are_dropped_with_a_warning() {
        let mut paras = vec![
            "The envoy arrived in Cairo on Sunday for talks.".to_string(),
            "Coastguards Rescue 40 Migrants Off Crete".to_string(),
            "Parliament Approves New Trade Pact".to_string(),
        ];
        let mut warnings = Vec::new();
        drop_trailing_headlines(&mut paras, &[5, 7, 8], &mut warnings);
        assert_eq!(paras.len(), 1);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].0, Some(7));
        assert!(warnings[0].1.starts_with("lines 7-8: 2 headline-like"), "{}", warnings[0].1);
        // One line stays (a sign-off, a credit line); so does an article
        // of headlines only (reported by the caller instead).
        let mut one = vec![
            "The envoy arrived in Cairo on Sunday for talks.".to_string(),
            "Additional reporting by Jane Example".to_string(),
        ];
        drop_trailing_headlines(&mut one, &[5, 7], &mut warnings);
        assert_eq!(one.len(), 2);
        let mut points = vec![
            "The envoy arrived in Cairo on Sunday for talks.".to_string(),
            "• Ceasefire begins on Sunday".to_string(),
            "• Hostages released in phases".to_string(),
        ];
        drop_trailing_headlines(&mut points, &[5, 7, 8], &mut warnings);
        assert_eq!(points.len(), 3);
        let mut timeline = vec![
            "The envoy arrived in Cairo on Sunday for talks.".to_string(),
            "2019 – Talks collapse in Geneva".to_string(),
            "2023 – Envoys meet again".to_string(),
        ];
        drop_trailing_headlines(&mut timeline, &[5, 7, 8], &mut warnings);
        assert_eq!(timeline.len(), 3);
        let mut only = vec!["A Headline Here".to_string(), "Another Headline".to_string()];
        drop_trailing_headlines(&mut only, &[1, 2], &mut warnings);
        assert_eq!(only.len(), 2);
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn link_list_after_label_is_not_an_article() {
        let t = format!(
            "{DUMP}\nRead more\n\nCoastguards Rescue 40 Migrants Off Crete\n\nParliament Approves New Trade Pact\n\n41\n"
        );
        let arts = read_text(&t, 1, false);
        assert_eq!(arts.len(), 2, "{arts:#?}");
        assert_eq!(arts[1].paragraphs.len(), 2, "{:#?}", arts[1].paragraphs);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(\\PC{0,30}\n{0,3}){0,20}") {
            let _ = read_text(&s, 1, false);
        }
    }
}
