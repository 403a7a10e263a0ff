//! Whole outputs of the site writer for the fixture entries, compared with
//! the golden files in `tests/fixtures/export/expected/` (the page only in
//! its `<main>` region). `DATELINE_BLESS=1 cargo test` rewrites them; review
//! the diff before committing.

#[path = "export_support/mod.rs"]
mod support;

use std::collections::HashSet;

use dateline::export::fields::COLUMNS;
use dateline::export::write::{write_site, SiteOptions};
use serde_json::Value;
use support::{check_golden, fixture_entries, main_region};

fn build() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write_site(dir.path(), &fixture_entries(), &SiteOptions::default()).expect("site writes");
    dir
}

fn read(dir: &tempfile::TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join(name)).expect(name)
}

#[test]
fn golden_outputs() {
    let dir = build();
    check_golden("events.csv", &read(&dir, "events.csv"));
    check_golden("events.json", &read(&dir, "events.json"));
    check_golden("timelinejs.json", &read(&dir, "timelinejs.json"));
    check_golden("main.html", main_region(&read(&dir, "index.html")));
}

#[test]
fn events_json_has_every_csv_field_plus_detail() {
    let dir = build();
    let v: Value = serde_json::from_str(&read(&dir, "events.json")).expect("valid JSON");
    assert_eq!(v["format"], "dateline-events");
    let events = v["events"].as_array().expect("events array");
    assert_eq!(v["count"].as_u64(), Some(events.len() as u64));
    assert_eq!(events.len(), fixture_entries().len());
    for e in events {
        for c in COLUMNS {
            assert!(e.get(c).is_some(), "events.json entry lacks `{c}`");
        }
        assert!(e["mentions"].as_array().is_some_and(|m| !m.is_empty()));
        assert!(e["actors"].is_array() && e["sources"].is_array());
    }
    // Timeline order: dated entries by first day, then last day; undated last.
    let starts: Vec<Option<&str>> = events.iter().map(|e| e["date_start"].as_str()).collect();
    let dated: Vec<&str> = starts.iter().flatten().copied().collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{dated:?}");
    assert_eq!(starts.last(), Some(&None), "undated entry comes last");
    let conflicted = events.iter().find(|e| e["n_sources"] == 3).expect("three-source entry");
    assert_eq!(conflicted["date_conflict"][0]["value"], "2025-03-12");
    assert!(conflicted["date_span"]["start"].as_u64().is_some(), "span of the date expression");
}

#[test]
fn timelinejs_dates_keep_their_precision() {
    let dir = build();
    let v: Value = serde_json::from_str(&read(&dir, "timelinejs.json")).expect("valid JSON");
    assert!(v["title"]["text"]["headline"].is_string());
    let events = v["events"].as_array().expect("events");
    // The undated entry cannot be placed on a TimelineJS timeline.
    assert_eq!(events.len(), fixture_entries().len() - 1);
    let ids: HashSet<&str> = events.iter().map(|e| e["unique_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), events.len(), "unique ids");
    for e in events {
        assert!(e["start_date"]["year"].is_i64());
        assert!(e["group"].is_string() && e["display_date"].is_string());
        let headline = e["text"]["headline"].as_str().unwrap();
        assert!(!headline.contains('<'), "headline is escaped HTML: {headline}");
    }
    let by_display = |s: &str| events.iter().find(|e| e["display_date"] == s).expect(s);
    let nov = by_display("November 2024");
    assert!(nov["start_date"].get("day").is_none(), "a month has no day");
    assert_eq!(nov["end_date"]["day"], 30);
    let end_jan = by_display("End of January 2025");
    assert_eq!(end_jan["start_date"]["day"], 21);
    assert_eq!(end_jan["end_date"]["day"], 31);
    let year = by_display("2025");
    assert!(year["start_date"].get("month").is_none());
    let day = by_display("20 February 2025");
    assert!(day.get("end_date").is_none(), "a day is a point");
}

#[test]
fn page_lists_every_entry_in_order_with_permalinks() {
    let dir = build();
    let html = read(&dir, "index.html");
    let main = main_region(&html);
    let mut last = 0;
    let entries = dateline::export::fields::sorted(&fixture_entries())
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    for e in &entries {
        let anchor = "<article class=\"entry";
        let id = format!("id=\"{}\"", e.event_id);
        let pos = main.find(&id).unwrap_or_else(|| panic!("{} on the page", e.event_id));
        assert!(pos > last, "{} is in timeline order", e.event_id);
        assert!(main[..pos].rfind(anchor).is_some());
        assert!(main.contains(&format!("href=\"#{}\"", e.event_id)), "permalink");
        last = pos;
    }
    assert!(main.contains("end of month"), "precision badge for the end-of-January span");
    assert!(main.contains("inherited date"), "inherited dates are marked");
    assert!(html.contains("default-src 'none'"), "CSP forbids every request");
    assert!(!html.contains("src=\"http") && !html.contains("<link"), "nothing loaded");
    assert!(!main.contains("<draft>"), "text is escaped");
}

/// Regression: a month section holding only a whole-year entry was headed
/// "January 2018", as if the event happened in January.
#[test]
fn sections_of_only_wide_spans_are_headed_by_their_span() {
    use support::entry;
    let entries = vec![
        entry("ev-year").year(2018).build(),
        entry("ev-day").day(2019, 3, 4).build(),
        entry("ev-year2").year(2020).build(),
        entry("ev-day2").day(2020, 1, 9).build(),
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    write_site(dir.path(), &entries, &SiteOptions::default()).expect("site writes");
    let html = read(&dir, "index.html");
    let main = main_region(&html);
    let headings: Vec<&str> = main
        .split("<span class=\"month-name\">")
        .skip(1)
        .filter_map(|s| s.split('<').next())
        .collect();
    assert_eq!(headings, vec!["2018", "March 2019", "January 2020"], "{main}");
}
