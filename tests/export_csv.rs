//! The analyst CSV read back: by the csv crate, and by Python's csv module
//! when python3 is installed (the issue asks that it load cleanly there).

#[path = "export_support/mod.rs"]
mod support;

use std::collections::HashMap;
use std::process::Command;

use dateline::export::csv;
use dateline::export::fields::COLUMNS;
use support::fixture_entries;

fn write_csv(excel: bool) -> Vec<u8> {
    let mut out = Vec::new();
    csv::write(&mut out, &fixture_entries(), excel).expect("csv writes");
    out
}

/// Rows keyed by event_id, each a column → value map.
fn parse(bytes: &[u8]) -> (Vec<String>, HashMap<String, HashMap<String, String>>) {
    let mut r = ::csv::ReaderBuilder::new().from_reader(bytes);
    let header: Vec<String> = r.headers().expect("header").iter().map(String::from).collect();
    let mut rows = HashMap::new();
    for rec in r.records() {
        let rec = rec.expect("every record parses");
        assert_eq!(rec.len(), header.len(), "every row has every column");
        let row: HashMap<String, String> =
            header.iter().cloned().zip(rec.iter().map(String::from)).collect();
        rows.insert(row["event_id"].clone(), row);
    }
    (header, rows)
}

#[test]
fn header_is_the_documented_column_order() {
    let (header, rows) = parse(&write_csv(false));
    assert_eq!(header, COLUMNS);
    assert_eq!(rows.len(), fixture_entries().len());
    // The README documents the same order.
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let documented = COLUMNS.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
    assert!(readme.contains(&documented), "README lists the CSV columns in order:\n{documented}");
}

#[test]
fn fields_round_trip() {
    let entries = fixture_entries();
    let (_, rows) = parse(&write_csv(false));
    for e in &entries {
        let row = &rows[&e.event_id];
        let date = &e.event.date;
        assert_eq!(row["timex3"], date.value);
        assert_eq!(row["precision"], date.precision.as_str());
        assert_eq!(row["date_anchor"], date.anchor.as_str());
        assert_eq!(row["status"], e.event.status.as_str());
        assert_eq!(row["event_type"], e.event.event_type);
        assert_eq!(row["summary"], e.event.summary, "quotes and commas survive");
        assert_eq!(row["date_text"], date.text);
        assert_eq!(row["date_rule"], date.rule);
        match date.interval {
            Some(i) => {
                assert_eq!(row["date_start"], i.start.to_string());
                assert_eq!(row["date_end"], i.end.to_string());
            }
            None => {
                assert_eq!(row["date_start"], "");
                assert_eq!(row["acled_time_precision"], "");
            }
        }
        let names: Vec<&str> = e.event.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(row["actors"], names.join("; "));
        let distinct: std::collections::BTreeSet<&str> =
            e.mentions.iter().map(|m| m.source.article_id.as_str()).collect();
        assert_eq!(row["n_sources"], distinct.len().to_string());
        assert_eq!(row["sources"].split("; ").count(), distinct.len());
        assert!(!row["evidence"].contains('\n'), "evidence is one line");
        let c: f32 = row["confidence"].parse().expect("confidence is a number");
        assert!((c - date.confidence).abs() < 0.006);
    }
}

#[test]
fn dates_spans_and_flags_are_explicit() {
    let (_, rows) = parse(&write_csv(false));
    let by_text = |t: &str| {
        rows.values().find(|r| r["date_text"] == t).unwrap_or_else(|| panic!("row with {t}"))
    };
    let end_jan = by_text("at the end of January");
    assert_eq!(end_jan["date_modifier"], "END");
    assert_eq!(end_jan["date_end"], "2025-01-31");
    assert!(end_jan["date_start"] < end_jan["date_end"]);
    assert_eq!(end_jan["acled_time_precision"], "2");
    let nov = by_text("in November");
    assert_eq!(
        (nov["date_start"].as_str(), nov["date_end"].as_str()),
        ("2024-11-01", "2024-11-30")
    );
    assert_eq!(nov["acled_time_precision"], "3");
    let inherited = rows.values().find(|r| r["date_anchor"] == "inherited").expect("inherited row");
    assert_eq!(inherited["acled_time_precision"], "1");
    let conflicted =
        rows.values().find(|r| !r["date_conflict"].is_empty()).expect("a row with a conflict");
    assert_eq!(conflicted["n_sources"], "3");
    // "published" is the earliest source's day, and sources are listed in
    // that order.
    let pubs = ["2025-03-13", "2025-03-14", "2025-03-15"];
    assert_eq!(conflicted["published"], pubs[0]);
    assert!(conflicted["sources"].starts_with("https://example.net/nw/2025-03-13/"));
    assert!(conflicted["actor_countries"] == "JOR; SWE");
    for status in ["scheduled", "negated", "hypothetical", "occurred"] {
        assert!(rows.values().any(|r| r["status"] == status), "a {status} row");
    }
}

#[test]
fn excel_flavour_starts_with_a_bom_and_is_otherwise_identical() {
    let plain = write_csv(false);
    let excel = write_csv(true);
    assert_eq!(&excel[..3], csv::BOM);
    assert_eq!(&excel[3..], &plain[..]);
    assert!(plain.windows(2).any(|w| w == b"\r\n"), "RFC 4180 line ends");
    assert!(!plain.starts_with(csv::BOM));
}

#[test]
fn python_csv_module_reads_it() {
    let Ok(status) = Command::new("python3").arg("--version").output() else {
        eprintln!("skipped: python3 not found");
        return;
    };
    if !status.status.success() {
        eprintln!("skipped: python3 not usable");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("events.csv");
    std::fs::write(&path, write_csv(true)).expect("write csv");
    // utf-8-sig strips the Excel BOM, as pandas does.
    let script = r#"
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.DictReader(f))
print(json.dumps(rows))
"#;
    let out =
        Command::new("python3").arg("-c").arg(script).arg(&path).output().expect("run python3");
    assert!(out.status.success(), "python3 failed: {}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<HashMap<String, String>> =
        serde_json::from_slice(&out.stdout).expect("python printed JSON");
    let (_, ours) = parse(&write_csv(false));
    assert_eq!(rows.len(), ours.len());
    for row in &rows {
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(row, &ours[&row["event_id"]], "python and the csv crate agree");
    }
    assert!(rows.iter().any(|r| r["actors"].contains("Türkiye")), "UTF-8 survives");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any text in any cell comes back from the csv crate as written
        /// (line breaks in sentences become single spaces), and every row
        /// keeps all its columns.
        #[test]
        fn any_text_round_trips(summary in "\\PC{0,40}", evidence in "[\\PC\\n\\r\",;]{0,60}", actor in "[^\\x00]{0,20}") {
            let mut e = fixture_entries().remove(0);
            e.event.summary = summary.clone();
            e.event.evidence = evidence.clone();
            e.event.actors[0].name = actor.clone();
            let mut out = Vec::new();
            csv::write(&mut out, std::slice::from_ref(&e), true).unwrap();
            let mut r = ::csv::ReaderBuilder::new().from_reader(&out[3..]);
            let rec = r.records().next().unwrap().unwrap();
            prop_assert_eq!(rec.len(), COLUMNS.len());
            let col = |c: &str| COLUMNS.iter().position(|x| *x == c).unwrap();
            let flat = |s: &str| if s.contains(['\n', '\r']) {
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                s.to_string()
            };
            let (want_summary, want_evidence) = (flat(&summary), flat(&evidence));
            prop_assert_eq!(&rec[col("summary")], want_summary.as_str());
            prop_assert_eq!(&rec[col("evidence")], want_evidence.as_str());
            prop_assert!(rec[col("actors")].starts_with(actor.as_str()));
        }
    }
}
