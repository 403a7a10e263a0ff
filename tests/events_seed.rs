//! The seed dump (`../shared/seed/`): the ten dated events its README lists
//! come out of the two articles, each once, with their dates, actors and
//! types; nothing but the caption's own event carries the caption's filing
//! date. Skips, saying so, when `../shared` is absent.
//!
//! Two runs: with the temporal expressions the seed README lists (so the
//! event stage is checked on its own), and with the real tagger once it
//! finds those expressions.

mod support;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use dateline::model::{Anchor, Article, PubContext, Span, TimelineEntry, Timex, TimexType};

const SEED: &str = "seed/000_94d8466ae994063a.txt";

/// (type, mode, date value, codes that must be among the entry's actors).
const EXPECTED: &[(&str, Option<&str>, &str, &[&str])] = &[
    ("CONSULT", Some("meeting"), "2025-01", &["RUS", "SYR"]),
    ("STATEMENT", None, "2025-01-17", &["LBN"]),
    ("AGREE", None, "2024-11", &["ISR", "LBN"]),
    ("CONSULT", Some("message"), "2025-03-12", &["RUS", "SYR"]),
    ("STATEMENT", None, "2025-03-13", &["RUS"]),
    ("STATEMENT", None, "2025-03-22", &["ISR"]),
    ("ASSAULT", None, "2025-03-22", &["ISR", "LBN"]),
    ("ACCUSE", None, "2025-03-22", &["ISR", "LBN"]),
    ("MOBILIZE", None, "2025-03-22", &["LBN"]),
    ("CONSULT", None, "2025-03-22", &["LBN", "UN"]),
];

fn cells(line: &str) -> Vec<String> {
    line.trim().trim_matches('|').split('|').map(|c| c.trim().to_string()).collect()
}

fn quoted(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(a) = rest.find('"') {
        let Some(b) = rest[a + 1..].find('"') else { break };
        out.push(rest[a + 1..a + 1 + b].to_string());
        rest = &rest[a + 2 + b..];
    }
    out
}

/// (article index, expression, context phrase, value, mod).
type ReadmeTimex = (usize, String, Option<String>, String, Option<String>);

/// Publication dates and expected expressions, read from the seed README.
struct SeedReadme {
    published: Vec<NaiveDate>,
    timexes: Vec<ReadmeTimex>,
}

fn read_readme(text: &str) -> SeedReadme {
    let mut published = Vec::new();
    let mut timexes = Vec::new();
    for line in text.lines().filter(|l| l.starts_with('|')) {
        let c = cells(line);
        if c.len() == 3 {
            if let Ok(d) = NaiveDate::parse_from_str(&c[1], "%Y-%m-%d") {
                published.push(d);
            }
        }
        if c.len() == 4 && (c[0] == "Putin" || c[0] == "Aoun") && c[1].starts_with('"') {
            let q = quoted(&c[1]);
            let value = c[2].split_whitespace().next().unwrap_or("").trim_end_matches(',');
            let modifier = c[2].contains("mod END").then(|| "END".to_string());
            let article = usize::from(c[0] == "Aoun");
            if let Some(expr) = q.first() {
                timexes.push((
                    article,
                    expr.clone(),
                    q.get(1).cloned(),
                    value.to_string(),
                    modifier,
                ));
            }
        }
    }
    SeedReadme { published, timexes }
}

/// A tagger replaying the README's expressions in one article's texts.
fn readme_tagger(
    readme: &SeedReadme,
    article: usize,
) -> impl Fn(&str, &PubContext) -> Vec<Timex> + '_ {
    move |text: &str, _ctx: &PubContext| {
        let mut out = Vec::new();
        for (a, expr, context, value, modifier) in &readme.timexes {
            if *a != article {
                continue;
            }
            // A context with an ellipsis ("established ... in November"):
            // its last piece is literal text.
            let anchor_text = context
                .as_deref()
                .and_then(|c| c.split("...").map(str::trim).find(|p| p.contains(expr.as_str())))
                .unwrap_or(expr);
            let Some(ctx_start) = text.find(anchor_text) else { continue };
            let Some(rel) = text[ctx_start..].find(expr.as_str()) else { continue };
            let start = ctx_start + rel;
            let resolved = support::value_interval(value);
            let ttype = if value.starts_with('P') {
                TimexType::Duration
            } else if value.contains("XXXX") || expr == "daily" {
                TimexType::Set
            } else {
                TimexType::Date
            };
            let resolved = if ttype == TimexType::Date { resolved } else { None };
            out.push(Timex {
                span: Span::new(start, start + expr.len()),
                text: expr.clone(),
                ttype,
                value: value.clone(),
                modifier: modifier.clone(),
                quant: None,
                freq: None,
                interval: resolved.map(|r| r.0),
                precision: resolved.map(|r| r.1).unwrap_or(dateline::model::Precision::None),
                anchor: if expr.contains("2025") { Anchor::Explicit } else { Anchor::Publication },
                direction: None,
                rule: "seed_readme".into(),
                note: None,
            });
        }
        out.sort_by_key(|t| t.span.start);
        out
    }
}

fn codes(e: &TimelineEntry) -> BTreeSet<String> {
    e.mentions
        .iter()
        .flat_map(|m| &m.actors)
        .chain(&e.event.actors)
        .flat_map(|a| a.code.iter().chain(a.country.iter()).cloned())
        .collect()
}

fn check(entries: &[TimelineEntry], label: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (ty, mode, date, want) in EXPECTED {
        let hits: Vec<&TimelineEntry> = entries
            .iter()
            .filter(|e| {
                e.event.event_type == *ty
                    && (mode.is_none() || e.event.mode.as_deref() == *mode)
                    && e.event.date.value == *date
                    && want.iter().all(|c| codes(e).contains(*c))
            })
            .collect();
        if hits.len() != 1 {
            problems.push(format!("[{label}] {ty} {mode:?} {date} {want:?}: found {}", hits.len()));
        }
    }
    for e in entries {
        if e.event.date.value == "2025-01-17"
            && !(e.event.in_caption && e.event.event_type == "STATEMENT")
        {
            problems
                .push(format!("[{label}] dated to the caption's filing date: {}", e.event.summary));
        }
    }
    problems
}

fn dump(entries: &[TimelineEntry]) -> String {
    entries
        .iter()
        .map(|e| {
            format!(
                "{} {} {:?} {} [{}] {:?}",
                e.event.date.value,
                e.event.event_type,
                e.event.mode,
                e.event.summary,
                e.event.date.anchor.as_str(),
                codes(e)
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_timeline_has_the_ten_events() {
    let Some(shared) = support::shared() else {
        println!("skipped: ../shared is absent (the seed dump lives there)");
        return;
    };
    let (Ok(text), Ok(readme)) = (
        std::fs::read_to_string(shared.join(SEED)),
        std::fs::read_to_string(shared.join("seed/README.md")),
    ) else {
        println!("skipped: the seed dump or its README is missing from {}", shared.display());
        return;
    };
    let readme = read_readme(&readme);
    assert_eq!(readme.published.len(), 2, "two publication dates in the seed README");
    let published: Vec<Option<NaiveDate>> = readme.published.iter().copied().map(Some).collect();
    let articles: Vec<Article> = support::dump_articles(&text, "seed", &published);
    assert_eq!(articles.len(), 2, "two articles in the seed dump");

    // The event stage alone, on the README's expressions.
    let events: Vec<_> = articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| dateline::events::extract_with(a, readme_tagger(&readme, i)))
        .collect();
    let entries = dateline::timeline::merge_events(events);
    let problems = check(&entries, "README expressions");
    assert!(problems.is_empty(), "{}\n--- timeline:\n{}", problems.join("\n"), dump(&entries));

    // The whole pipeline, once the tagger finds the expressions.
    let probe = dateline::temporal::tag(&articles[1].captions[0].text, &articles[1].context);
    if probe.is_empty() {
        println!("real-tagger run skipped: temporal::tag finds nothing yet");
        return;
    }
    let entries = dateline::timeline::build(&articles);
    let problems = check(&entries, "real tagger");
    assert!(problems.is_empty(), "{}\n--- timeline:\n{}", problems.join("\n"), dump(&entries));
}
