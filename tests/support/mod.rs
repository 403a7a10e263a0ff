//! Shared helpers for the events tests: a crude stand-in reader for the
//! sample formats (used only while `ingest::read` returns nothing), a dump
//! splitter for scraped text dumps, and an "oracle" tagger that replays the
//! gold temporal expressions of `data/gold/samples_timex.tsv`, so event
//! extraction can be measured apart from the tagger.

#![allow(dead_code)]

pub mod golden;
pub mod stages;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use dateline::model::{
    Anchor, Article, Caption, Interval, Precision, PubContext, Span, Timex, TimexType,
};

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` (or `../../shared` from a worktree), when present.
pub fn shared() -> Option<PathBuf> {
    let r = root();
    [r.join("../shared"), r.join("../../shared")].into_iter().find(|p| p.is_dir())
}

fn date_of(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_matches('"');
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

fn filing_date(caption: &str) -> Option<NaiveDate> {
    let rest = caption.strip_prefix("FILED - ")?;
    let d = rest.split(',').next()?;
    NaiveDate::parse_from_str(d.trim(), "%d %B %Y").ok()
}

fn article(id: String, title: String, body: &str, published: Option<NaiveDate>) -> Article {
    let paragraphs: Vec<String> =
        body.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    Article {
        id,
        title,
        paragraphs,
        context: PubContext { date: published, ..PubContext::default() },
        ..Article::default()
    }
}

/// Split a scraped dump (headline, caption twice, chrome, headline and
/// caption again, body; articles back to back) into (title, caption,
/// paragraphs). A headline is a line whose next repetition is not the next
/// line; a caption is a line repeated on the very next line.
pub fn split_dump(text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let nonempty: Vec<(usize, &str)> =
        lines.iter().copied().enumerate().filter(|(_, l)| !l.is_empty()).collect();
    let mut starts = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (k, (i, l)) in nonempty.iter().enumerate() {
        if seen.contains(l) {
            continue;
        }
        let next_same = nonempty[k + 1..].iter().position(|(_, m)| m == l);
        if let Some(p) = next_same {
            if p > 0 && p < 12 && nonempty.get(k + 1).is_some_and(|(_, n)| n != l) {
                starts.push(*i);
            }
        }
        seen.insert(*l);
    }
    let mut out = Vec::new();
    for (n, &s) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let seg = &lines[s..end];
        let title = seg[0].to_string();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for l in seg {
            *counts.entry(l).or_default() += 1;
        }
        let caption = seg
            .windows(2)
            .find(|w| w[0] == w[1] && !w[0].is_empty() && w[0] != title)
            .map(|w| w[0].to_string());
        let mut paragraphs = Vec::new();
        for l in seg {
            let repeated = counts[l] > 1;
            let chrome = l.split_whitespace().count() <= 2 && !l.ends_with('.');
            if l.is_empty() || repeated || chrome {
                continue;
            }
            paragraphs.push(l.to_string());
        }
        out.push((title, caption, paragraphs));
    }
    out
}

/// Articles of a dump, with publication dates in order of the articles.
pub fn dump_articles(text: &str, file: &str, published: &[Option<NaiveDate>]) -> Vec<Article> {
    split_dump(text)
        .into_iter()
        .enumerate()
        .map(|(i, (title, caption, paragraphs))| {
            let mut a =
                article(format!("{file}#{i}"), title, "", published.get(i).copied().flatten());
            a.paragraphs = paragraphs;
            if let Some(c) = caption {
                a.captions.push(Caption { date: filing_date(&c), text: c });
            }
            a
        })
        .collect()
}

fn front_matter(text: &str) -> (HashMap<String, String>, &str) {
    let mut meta = HashMap::new();
    for fence in ["---", "+++"] {
        if let Some(rest) = text.strip_prefix(fence) {
            if let Some(end) = rest.find(&format!("\n{fence}")) {
                for line in rest[..end].lines() {
                    if let Some((k, v)) = line.split_once([':', '=']) {
                        meta.insert(k.trim().to_string(), v.trim().trim_matches('"').to_string());
                    }
                }
                return (meta, &rest[end + fence.len() + 1..]);
            }
        }
    }
    (meta, text)
}

fn json_article(v: &serde_json::Value, id: String) -> Option<Article> {
    let get = |keys: &[&str]| keys.iter().find_map(|k| v.get(*k)?.as_str().map(str::to_string));
    let body = get(&["body", "text", "content"])?;
    let title = get(&["title", "headline"]).unwrap_or_default();
    let published = get(&["published", "datePublished", "published_at"]).and_then(|p| date_of(&p));
    Some(article(id, title, &body, published))
}

fn html_article(text: &str, id: String) -> Option<Article> {
    let doc = scraper::Html::parse_document(text);
    let sel = |s: &str| scraper::Selector::parse(s).ok();
    let title = doc.select(&sel("h1")?).next().map(|h| h.text().collect::<String>())?;
    let published = doc
        .select(&sel("meta[property='article:published_time']")?)
        .next()
        .and_then(|m| m.value().attr("content").and_then(date_of))
        .or_else(|| {
            doc.select(&sel("time.published")?)
                .next()
                .and_then(|t| t.value().attr("datetime").and_then(date_of))
        });
    let body: Vec<String> = doc
        .select(&sel("article p")?)
        .filter(|p| p.value().attr("class").is_none_or(|c| c != "kicker"))
        .map(|p| p.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let mut a = article(id, title.trim().to_string(), "", published);
    a.paragraphs = body;
    for c in doc.select(&sel("figcaption")?) {
        let t = c.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
        a.captions.push(Caption { date: filing_date(&t), text: t });
    }
    Some(a)
}

/// Read the sample articles crudely: (file name, article).
pub fn crude_samples(dir: &Path) -> Vec<(String, Article)> {
    let manifest = std::fs::read_to_string(dir.join("manifest.csv")).unwrap_or_default();
    let mut man: HashMap<String, Vec<Option<NaiveDate>>> = HashMap::new();
    for line in manifest.lines().skip(1) {
        if let Some((file, rest)) = line.split_once(',') {
            let d = rest.split(',').next().and_then(date_of);
            man.entry(file.to_string()).or_default().push(d);
        }
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") if man.contains_key(&name) => {
                for a in dump_articles(&text, &name, &man[&name]) {
                    out.push((name.clone(), a));
                }
            }
            Some("txt") => {
                let (meta, body) = front_matter(&text);
                let published = meta.get("published").and_then(|p| date_of(p));
                let title = meta.get("title").cloned().unwrap_or_default();
                out.push((name.clone(), article(format!("{name}#0"), title, body, published)));
            }
            Some("json") => {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
                let items = match v {
                    serde_json::Value::Array(a) => a,
                    other => vec![other],
                };
                for (i, item) in items.iter().enumerate() {
                    if let Some(a) = json_article(item, format!("{name}#{i}")) {
                        out.push((name.clone(), a));
                    }
                }
            }
            Some("jsonl") => {
                for (i, line) in text.lines().filter(|l| !l.trim().is_empty()).enumerate() {
                    let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
                    if let Some(a) = json_article(&v, format!("{name}#{i}")) {
                        out.push((name.clone(), a));
                    }
                }
            }
            Some("html") => {
                if let Some(a) = html_article(&text, format!("{name}#0")) {
                    out.push((name.clone(), a));
                }
            }
            _ => {}
        }
    }
    out
}

/// One gold temporal expression.
#[derive(Debug, Clone)]
pub struct GoldTimex {
    pub text: String,
    pub occurrence: usize,
    pub ttype: String,
    pub value: String,
    pub modifier: Option<String>,
}

/// Gold expressions by (file, article label).
pub fn gold_timexes(path: &Path) -> HashMap<(String, String), Vec<GoldTimex>> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out: HashMap<(String, String), Vec<GoldTimex>> = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 7 {
            continue;
        }
        out.entry((c[0].to_string(), c[1].to_string())).or_default().push(GoldTimex {
            text: c[2].to_string(),
            occurrence: c[3].parse().unwrap_or(1),
            ttype: c[4].to_string(),
            value: c[5].to_string(),
            modifier: (!c[6].is_empty()).then(|| c[6].to_string()),
        });
    }
    out
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Interval and precision of a TIMEX3 date value.
pub fn value_interval(value: &str) -> Option<(Interval, Precision)> {
    let (date, time) = value.split_once('T').map_or((value, None), |(d, t)| (d, Some(t)));
    let parts: Vec<&str> = date.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    let iv = |a: NaiveDate, b: NaiveDate| Interval { start: a, end: b };
    match parts.len() {
        1 => Some((iv(ymd(y, 1, 1)?, ymd(y, 12, 31)?), Precision::Year)),
        2 if parts[1].starts_with('W') => {
            let w: u32 = parts[1][1..].parse().ok()?;
            let s = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
            Some((iv(s, s + chrono::Days::new(6)), Precision::Week))
        }
        2 => {
            let m: u32 = parts[1].parse().ok()?;
            let s = ymd(y, m, 1)?;
            let e = s.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
            Some((iv(s, e), Precision::Month))
        }
        3 => {
            let d = ymd(y, parts[1].parse().ok()?, parts[2].parse().ok()?)?;
            let p = match time {
                None => Precision::Day,
                Some(t) if t.contains(':') => Precision::Minute,
                Some(_) => Precision::Hour,
            };
            Some((iv(d, d), p))
        }
        _ => None,
    }
}

/// An "oracle" tagger for one article: the gold expressions located in
/// whichever text (caption or body) is asked for. Occurrences count over
/// the captions first, then the body.
pub fn oracle(gold: &[GoldTimex], article: &Article) -> impl Fn(&str, &PubContext) -> Vec<Timex> {
    let captions: Vec<String> = article.captions.iter().map(|c| c.text.clone()).collect();
    let gold = gold.to_vec();
    move |text: &str, _ctx: &PubContext| {
        let mut out = Vec::new();
        for g in &gold {
            // Occurrences before this text.
            let mut before = 0;
            for c in &captions {
                if c == text {
                    break;
                }
                before += c.matches(&g.text).count();
            }
            let n = g.occurrence.checked_sub(before + 1);
            let Some(n) = n else { continue };
            let Some((start, _)) = text.match_indices(&g.text).nth(n) else { continue };
            let span = Span::new(start, start + g.text.len());
            let ttype = match g.ttype.as_str() {
                "DURATION" => TimexType::Duration,
                "SET" => TimexType::Set,
                "TIME" => TimexType::Time,
                _ => TimexType::Date,
            };
            let resolved = matches!(ttype, TimexType::Date | TimexType::Time)
                .then(|| value_interval(&g.value))
                .flatten();
            let explicit = g.text.chars().filter(char::is_ascii_digit).count() >= 4;
            out.push(Timex {
                span,
                text: g.text.clone(),
                ttype,
                value: g.value.clone(),
                modifier: g.modifier.clone(),
                quant: None,
                freq: None,
                interval: resolved.map(|r| r.0),
                precision: resolved.map(|r| r.1).unwrap_or(Precision::None),
                anchor: if explicit { Anchor::Explicit } else { Anchor::Publication },
                direction: None,
                rule: "gold".to_string(),
                note: None,
            });
        }
        out.sort_by_key(|t| t.span.start);
        out
    }
}

/// Year and month of a date, for messages.
pub fn ym(d: NaiveDate) -> String {
    format!("{}-{:02}", d.year(), d.month())
}
