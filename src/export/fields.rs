/*!
The flat projection of a [`TimelineEntry`] that every output shares.

The CSV, `events.json` and the HTML page all show the same facts about an
entry (its date and why, what happened, who, where, from which sources). This
module computes them once, so the outputs cannot disagree. Values are
formatted deterministically (no locale, no clock): rebuilding from the same
entries gives the same bytes.
*/

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};

use crate::model::{DateAnchor, Event, EventDate, Interval, Precision, SourceRef, TimelineEntry};

/// Separator between the values of a multi-valued CSV cell.
pub const MULTI_SEPARATOR: &str = "; ";

/// The CSV header, in the documented column order (README "Outputs").
pub const COLUMNS: [&str; 23] = [
    "event_id",
    "date_start",
    "date_end",
    "precision",
    "timex3",
    "date_modifier",
    "acled_time_precision",
    "date_text",
    "date_anchor",
    "date_rule",
    "confidence",
    "status",
    "event_type",
    "event_mode",
    "actors",
    "actor_countries",
    "location",
    "summary",
    "evidence",
    "n_sources",
    "sources",
    "published",
    "date_conflict",
];

/// ACLED's `time_precision` code for an entry's date: 1 when the day is
/// known, 2 when the event is placed within a week or a named part of a
/// month ("the end of January"), 3 for a month or anything coarser. `None`
/// when the entry has no date at all.
///
/// ACLED codes by how wide the window is, not by how the text phrased it, so
/// a part-of-month span counts as 2 only while it stays within eleven days
/// (the widest "end of the month" is the 21st to the 31st).
pub fn acled_time_precision(precision: Precision, interval: Option<&Interval>) -> Option<u8> {
    let interval = interval?;
    let days = (interval.end - interval.start).num_days() + 1;
    Some(match precision {
        Precision::Minute | Precision::Hour | Precision::Day => 1,
        Precision::Week => 2,
        Precision::Month if days <= 11 => 2,
        Precision::None if days <= 1 => 1,
        Precision::None if days <= 7 => 2,
        _ => 3,
    })
}

/// The distinct sources of an entry (one per article), in the order of
/// their first mention after sorting by publication day (unknown last),
/// then article id.
pub fn sources(entry: &TimelineEntry) -> Vec<&SourceRef> {
    let mut out: Vec<&SourceRef> = Vec::with_capacity(entry.mentions.len().max(1));
    // A set, not a scan of `out`: a big story has thousands of mentions.
    let mut seen: std::collections::HashSet<&str> =
        std::collections::HashSet::with_capacity(entry.mentions.len());
    for m in &entry.mentions {
        if seen.insert(m.source.article_id.as_str()) {
            out.push(&m.source);
        }
    }
    if out.is_empty() {
        out.push(&entry.event.source);
    }
    out.sort_by(|a, b| {
        cmp_published(a.published, b.published).then(a.article_id.cmp(&b.article_id))
    });
    out
}

fn cmp_published(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// How a source is named in a one-line list: its URL when known, else its
/// title, else the article id.
pub fn source_label(s: &SourceRef) -> &str {
    match &s.url {
        Some(u) if !u.is_empty() => u,
        _ if !s.title.is_empty() => &s.title,
        _ => &s.article_id,
    }
}

/// Actor names in order, each once.
pub fn actor_names(entry: &TimelineEntry) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for a in &entry.event.actors {
        if !out.contains(&a.name.as_str()) {
            out.push(&a.name);
        }
    }
    out
}

/// ISO alpha-3 codes of the actors' countries, in actor order, each once.
pub fn actor_countries(entry: &TimelineEntry) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for a in &entry.event.actors {
        if let Some(c) = a.country.as_deref() {
            if !c.is_empty() && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The confidence as text with two decimals ("0.85"): fixed width, no float
/// noise, so rebuilds stay byte-identical.
pub fn confidence(c: f32) -> String {
    let c = if c.is_finite() { c.clamp(0.0, 1.0) } else { 0.0 };
    format!("{c:.2}")
}

/// The other dates sources gave, as `value (n)` items: "2025-01-29 (1)".
pub fn date_conflict(entry: &TimelineEntry) -> Vec<String> {
    entry.date_conflict.iter().map(|a| format!("{} ({})", a.value, a.support)).collect()
}

/// The canonical order of the timeline: by first day, then last day (a
/// point before the span that starts on it), then id; undated entries last.
/// Every output uses it, so `build` and `render` agree whatever order the
/// entries arrive in.
pub fn cmp_entries(a: &TimelineEntry, b: &TimelineEntry) -> Ordering {
    cmp_events((&a.event_id, &a.event), (&b.event_id, &b.event))
}

/// [`cmp_entries`] on an entry's id and representative event, all its order
/// depends on (what [`crate::timeline::Merged::sort_by`] compares).
pub fn cmp_events(a: (&str, &Event), b: (&str, &Event)) -> Ordering {
    let ia = a.1.date.interval;
    let ib = b.1.date.interval;
    match (ia, ib) {
        (Some(x), Some(y)) => x.start.cmp(&y.start).then(x.end.cmp(&y.end)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.0.cmp(b.0))
}

/// `entries` in the canonical order (see [`cmp_entries`]).
pub fn sorted(entries: &[TimelineEntry]) -> Vec<&TimelineEntry> {
    let mut v: Vec<&TimelineEntry> = entries.iter().collect();
    v.sort_by(|a, b| cmp_entries(a, b));
    v
}

/// Publication day of the first source, when known.
pub fn first_published(entry: &TimelineEntry) -> Option<NaiveDate> {
    sources(entry).first().and_then(|s| s.published)
}

/// English month name (1-based month); empty for a month out of range.
pub fn month_name(m: u32) -> &'static str {
    u8::try_from(m).ok().and_then(|m| chrono::Month::try_from(m).ok()).map_or("", |m| m.name())
}

/// "17 January 2025".
pub fn day_label(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The date of an entry as a reader says it, at its precision, with its
/// modifier: "17 January 2025", "End of January 2025", "November 2024",
/// "Week of 10 March 2025", "Q1 2025", "Undated".
pub fn date_label(d: &EventDate) -> String {
    let Some(iv) = d.interval else {
        return if d.value.is_empty() { "Undated".to_string() } else { d.value.clone() };
    };
    let s = iv.start;
    let base = match d.precision {
        Precision::Minute | Precision::Hour | Precision::Day | Precision::None => {
            if iv.start == iv.end {
                day_label(s)
            } else {
                format!("{} – {}", day_label(s), day_label(iv.end))
            }
        }
        Precision::Week => format!("Week of {}", day_label(s)),
        Precision::Month => format!("{} {}", month_name(s.month()), s.year()),
        Precision::Quarter => format!("Q{} {}", (s.month() - 1) / 3 + 1, s.year()),
        Precision::Season => {
            let season = match d.value.rsplit('-').next().unwrap_or("") {
                "SP" => "Spring",
                "SU" => "Summer",
                "FA" => "Autumn",
                "WI" => "Winter",
                _ => "Season of",
            };
            format!("{season} {}", s.year())
        }
        Precision::Half => format!("H{} {}", if s.month() <= 6 { 1 } else { 2 }, s.year()),
        Precision::Year => s.year().to_string(),
        Precision::Decade => format!("{}s", s.year() - s.year().rem_euclid(10)),
        Precision::Century => format!("{} century", ordinal(s.year().div_euclid(100) + 1)),
    };
    match d.modifier.as_deref() {
        Some("START") => format!("Start of {base}"),
        Some("MID") => format!("Mid-{base}"),
        Some("END") => format!("End of {base}"),
        Some("APPROX") => format!("About {base}"),
        Some("BEFORE") => format!("Before {base}"),
        Some("AFTER") => format!("After {base}"),
        Some("ON_OR_BEFORE") => format!("By {base}"),
        Some("ON_OR_AFTER") => format!("From {base}"),
        _ => base,
    }
}

/// The short precision badge shown beside a date: "day", "week", "month",
/// "end of month", "mid-month", "year", ...
pub fn precision_badge(d: &EventDate) -> String {
    if d.interval.is_none() {
        return "undated".to_string();
    }
    let grain = match d.precision {
        Precision::Minute | Precision::Hour => "time",
        Precision::Half => "half-year",
        p => p.as_str(),
    };
    match d.modifier.as_deref() {
        Some("START") => format!("start of {grain}"),
        Some("MID") => format!("mid-{grain}"),
        Some("END") => format!("end of {grain}"),
        Some("APPROX") => format!("about a {grain}"),
        _ => grain.to_string(),
    }
}

/// Why an entry has its date, in words: how the date was attached.
pub fn anchor_phrase(a: DateAnchor) -> &'static str {
    match a {
        DateAnchor::Explicit => "stated in full in the sentence",
        DateAnchor::Publication => "counted from the article's publication date",
        DateAnchor::PreviousMention => "counted from an earlier date in the article",
        DateAnchor::Inherited => {
            "inherited from the report's context (no date in its own sentence)"
        }
        DateAnchor::PublicationFallback => "no date given: the publication date is used",
        DateAnchor::None => "no date could be found",
    }
}

/// True when the entry's date covers more than one day (drawn as a span).
pub fn is_span(d: &EventDate) -> bool {
    d.interval.is_some_and(|i| i.end > i.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(a: (i32, u32, u32), b: (i32, u32, u32)) -> Interval {
        Interval {
            start: NaiveDate::from_ymd_opt(a.0, a.1, a.2).unwrap(),
            end: NaiveDate::from_ymd_opt(b.0, b.1, b.2).unwrap(),
        }
    }

    #[test]
    fn acled_codes_follow_the_window_width() {
        let day = iv((2025, 3, 13), (2025, 3, 13));
        let end_of_jan = iv((2025, 1, 21), (2025, 1, 31));
        let nov = iv((2024, 11, 1), (2024, 11, 30));
        let week = iv((2025, 3, 10), (2025, 3, 16));
        assert_eq!(acled_time_precision(Precision::Day, Some(&day)), Some(1));
        assert_eq!(acled_time_precision(Precision::Week, Some(&week)), Some(2));
        assert_eq!(acled_time_precision(Precision::Month, Some(&end_of_jan)), Some(2));
        assert_eq!(acled_time_precision(Precision::Month, Some(&nov)), Some(3));
        assert_eq!(acled_time_precision(Precision::Year, Some(&nov)), Some(3));
        assert_eq!(acled_time_precision(Precision::Day, None), None);
    }

    fn date(value: &str, modifier: Option<&str>, p: Precision, iv: Option<Interval>) -> EventDate {
        EventDate {
            value: value.into(),
            modifier: modifier.map(Into::into),
            interval: iv,
            precision: p,
            text: String::new(),
            span: None,
            anchor: DateAnchor::Explicit,
            rule: String::new(),
            confidence: 1.0,
        }
    }

    #[test]
    fn date_labels_say_the_precision() {
        let cases = [
            (
                date("2025-03-13", None, Precision::Day, Some(iv((2025, 3, 13), (2025, 3, 13)))),
                "13 March 2025",
                "day",
            ),
            (
                date(
                    "2025-01",
                    Some("END"),
                    Precision::Month,
                    Some(iv((2025, 1, 21), (2025, 1, 31))),
                ),
                "End of January 2025",
                "end of month",
            ),
            (
                date("2024-11", None, Precision::Month, Some(iv((2024, 11, 1), (2024, 11, 30)))),
                "November 2024",
                "month",
            ),
            (
                date("2025-W12", None, Precision::Week, Some(iv((2025, 3, 17), (2025, 3, 23)))),
                "Week of 17 March 2025",
                "week",
            ),
            (
                date("2025-Q2", None, Precision::Quarter, Some(iv((2025, 4, 1), (2025, 6, 30)))),
                "Q2 2025",
                "quarter",
            ),
            (
                date("2024-SU", None, Precision::Season, Some(iv((2024, 6, 1), (2024, 8, 31)))),
                "Summer 2024",
                "season",
            ),
            (
                date(
                    "2025",
                    Some("APPROX"),
                    Precision::Year,
                    Some(iv((2025, 1, 1), (2025, 12, 31))),
                ),
                "About 2025",
                "about a year",
            ),
            (
                date("199", None, Precision::Decade, Some(iv((1990, 1, 1), (1999, 12, 31)))),
                "1990s",
                "decade",
            ),
            (
                date("20", None, Precision::Century, Some(iv((2001, 1, 1), (2100, 12, 31)))),
                "21st century",
                "century",
            ),
            (date("XXXX-WXX-4", None, Precision::Day, None), "XXXX-WXX-4", "undated"),
            (date("", None, Precision::None, None), "Undated", "undated"),
        ];
        for (d, label, badge) in cases {
            assert_eq!(date_label(&d), label);
            assert_eq!(precision_badge(&d), badge);
        }
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(103), "103rd");
    }

    #[test]
    fn confidence_is_fixed_width() {
        assert_eq!(confidence(0.8), "0.80");
        assert_eq!(confidence(1.7), "1.00");
        assert_eq!(confidence(f32::NAN), "0.00");
    }
}
