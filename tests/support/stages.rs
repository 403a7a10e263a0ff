//! The stage diagnostic of the gold scorer: for a gold row the system
//! missed, which step of the event rules lost it, read from the
//! extractor's trace (`dateline::events::trace`).
//!
//! The evidence sentence is the one holding the row's `evidence_hint`;
//! its triggers, the rules that dropped them, the events built from them
//! and the events kept say where the row was lost:
//!
//! - `evidence not located`: the hint is not in the text as written;
//! - `no trigger`: the sentence holds no trigger at all;
//! - `dropped: <rule>`: a trigger of the gold type was found and a rule
//!   dropped it before any event was built;
//! - `removed: <rule>`: an event of the gold type was built, then merged or
//!   filtered away;
//! - `wrong type`: the sentence's events (or triggers) are of other types;
//! - `wrong date`: an event of the gold type was kept with another date
//!   (the value and the rule that gave it are printed);
//! - `wrong actors`: the gold type and date, but no shared country;
//! - `collapsed`: the sentence's event is the same pair (type, date,
//!   countries) as another gold row's, and an article's identical pairs
//!   count once.
//!
//! When a pair matching the row exists elsewhere in the article (taken by
//! another row), the miss line says so.

use std::collections::BTreeSet;

use dateline::events::trace::{Step, StepKind};
use dateline::model::{Article, Event};

/// Where in the article a text is: the body or caption `i`.
type Where = Option<usize>;

/// The sentence (its text, its place and span) holding `hint`.
fn evidence<'a>(
    article: &'a Article,
    body: &'a str,
    hint: &str,
) -> Option<(Where, &'a str, usize)> {
    let find =
        |text: &str| text.find(hint).or_else(|| text.to_lowercase().find(&hint.to_lowercase()));
    if let Some(at) = find(body) {
        return Some((None, body, at));
    }
    for (i, c) in article.captions.iter().enumerate() {
        if let Some(at) = find(&c.text) {
            return Some((Some(i), &c.text, at));
        }
    }
    None
}

/// The stage that lost a missed gold row, with a detail.
pub struct Lost {
    /// The class (for the table).
    pub stage: String,
    /// What was seen (for the miss line).
    pub detail: String,
    /// The evidence sentence, when found.
    pub sentence: String,
}

fn lost(stage: impl Into<String>, detail: impl Into<String>) -> Lost {
    Lost { stage: stage.into(), detail: detail.into(), sentence: String::new() }
}

/// Classify one missed gold row (type, date, countries, hint) against the
/// article's trace `steps` and final `events`; `pair_exists` says whether
/// some system pair of the article matches the row (so it was taken by
/// another row).
pub fn classify(
    article: &Article,
    steps: &[Step],
    events: &[Event],
    (event_type, date, countries, hint): (&str, &str, &BTreeSet<String>, &str),
    pair_exists: bool,
) -> Lost {
    let mut out = stage(article, steps, events, (event_type, date, countries, hint));
    if pair_exists && out.stage != "collapsed" {
        out.detail.push_str(" [a like pair from another sentence matched another row]");
    }
    out
}

fn stage(
    article: &Article,
    steps: &[Step],
    events: &[Event],
    (event_type, date, countries, hint): (&str, &str, &BTreeSet<String>, &str),
) -> Lost {
    let body = article.text();
    let Some((place, text, at)) = evidence(article, &body, hint) else {
        return lost("evidence not located", hint.to_string());
    };
    let here: Vec<&Step> = steps
        .iter()
        .filter(|s| s.caption == place && s.sentence.start <= at && at < s.sentence.end)
        .collect();
    let Some(sentence) = here.first().map(|s| s.sentence) else {
        return lost("no trigger", "");
    };
    let sentence_text = &text[sentence.start..sentence.end];
    let lost = |stage: String, detail: String| Lost {
        sentence: sentence_text.to_string(),
        ..lost(stage, detail)
    };
    let kept: Vec<&Event> = events
        .iter()
        .filter(|e| e.in_caption == place.is_some() && e.evidence == sentence_text)
        .collect();
    let word = |s: &Step| text[s.trigger.start..s.trigger.end].to_string();
    let country_list =
        |c: &mut dyn Iterator<Item = &String>| c.map(String::as_str).collect::<Vec<_>>().join(";");
    let same_type: Vec<&&Event> = kept.iter().filter(|e| e.event_type == event_type).collect();
    if let Some(e) = same_type.iter().find(|e| e.date.value == date) {
        let got: BTreeSet<&String> = e.actors.iter().filter_map(|a| a.country.as_ref()).collect();
        if got.iter().any(|c| countries.contains(*c)) || (got.is_empty() && countries.is_empty()) {
            return lost(
                "collapsed".into(),
                "the same pair as another gold row (one pair per article)".into(),
            );
        }
        return lost(
            "wrong actors".into(),
            format!(
                "got [{}] for [{}] ({})",
                country_list(&mut got.into_iter()),
                country_list(&mut countries.iter()),
                e.status.as_str()
            ),
        );
    }
    if let Some(e) = same_type.first() {
        let own = if e.date.rule.contains("own_clause") { "own" } else { "inherited" };
        return lost(
            format!("wrong date ({own})"),
            format!("got {} by {} for {date}", e.date.value, e.date.rule),
        );
    }
    // Triggers of the gold type: dropped, recoded, or removed after building.
    let found_typed: Vec<&&Step> = here
        .iter()
        .filter(|s| matches!(s.what, StepKind::Found { event_type: t, .. } if t == event_type))
        .collect();
    let of_trigger = |t: &Step| {
        let span = t.trigger;
        here.iter().filter(move |s| s.trigger == span)
    };
    for f in &found_typed {
        if let Some(StepKind::Dropped(why)) =
            of_trigger(f).map(|s| &s.what).find(|w| matches!(w, StepKind::Dropped(_)))
        {
            return lost(format!("dropped: {why}"), format!("\"{}\"", word(f)));
        }
    }
    let built_typed = here
        .iter()
        .find(|s| matches!(&s.what, StepKind::Built { event_type: t, .. } if t == event_type));
    if let Some(b) = built_typed {
        let why = of_trigger(b)
            .find_map(|s| match s.what {
                StepKind::Removed(r) => Some(r),
                _ => None,
            })
            .unwrap_or("a later step (announced act, recoding)");
        return lost(format!("removed: {why}"), format!("\"{}\"", word(b)));
    }
    if let Some(f) = found_typed.first() {
        let got = of_trigger(f).find_map(|s| match &s.what {
            StepKind::Built { event_type, .. } => Some(event_type.clone()),
            _ => None,
        });
        return lost(
            "wrong type (recoded)".into(),
            format!("\"{}\" built as {}", word(f), got.unwrap_or_default()),
        );
    }
    let others: Vec<String> = here
        .iter()
        .filter_map(|s| match s.what {
            StepKind::Found { event_type: t, .. } => Some(format!("\"{}\" {t}", word(s))),
            _ => None,
        })
        .collect();
    if kept.is_empty() {
        let why = here
            .iter()
            .find_map(|s| match s.what {
                StepKind::Dropped(r) | StepKind::Removed(r) => Some(r),
                _ => None,
            })
            .unwrap_or("?");
        return lost(
            "wrong type (no event kept)".into(),
            format!("triggers {} ({why})", others.join(", ")),
        );
    }
    let got: Vec<String> = kept.iter().map(|e| e.event_type.clone()).collect();
    lost("wrong type".into(), format!("kept {} from triggers {}", got.join(","), others.join(", ")))
}
