//! `dateline events` end to end: JSONL and CSV output, exit codes, the
//! seed dump with a manifest.

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn dateline(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .expect("run dateline")
}

#[test]
fn jsonl_entries_are_sorted_and_stable() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "---\npublished: 2025-05-06\ntitle: Talks\n---\n\nEgyptian Foreign Minister Karim Adel \
         met Jordanian King Hani Omar in Amman on Monday.\n\nOn Saturday, Qatar condemned the \
         attack.\n",
    )
    .unwrap();
    let o = dateline(&["events", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let entries: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("one JSON entry a line")).collect();
    assert_eq!(entries.len(), 2, "{out}");
    let starts: Vec<&str> = entries
        .iter()
        .map(|e| e["event"]["date"]["interval"]["start"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(starts, vec!["2025-05-03", "2025-05-05"], "sorted by date");
    assert_eq!(entries[1]["event"]["event_type"], "CONSULT");
    let again = dateline(&["events", "a.txt"], dir.path());
    assert_eq!(String::from_utf8(again.stdout).unwrap(), out, "identical bytes on rerun");
}

#[test]
fn a_bad_input_is_reported_and_the_rest_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("good.txt"),
        "---\npublished: 2025-05-06\n---\n\nQatar condemned the attack on Monday.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("bad.json"), "{ not json").unwrap();
    let o = dateline(&["events", "good.txt", "bad.json"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.json"));
    assert_eq!(String::from_utf8(o.stdout).unwrap().lines().count(), 1);
}

/// Regression: an article's diagnostics used to be printed twice, once from
/// the read and once from the article that carries a copy.
#[test]
fn each_problem_is_reported_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("odd.json"),
        r#"{"title":"Talks","text":"Qatar condemned the attack on Monday.","published":"2025-13-45"}"#,
    )
    .unwrap();
    let o = dateline(&["events", "odd.json"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.matches("2025-13-45").count(), 1, "{err}");
}

#[test]
fn usage_error_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = dateline(&["events", "--published", "not a date", "x.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn seed_dump_with_a_manifest_gives_the_caption_events() {
    let Some(shared) = support::shared() else {
        println!("skipped: ../shared is absent");
        return;
    };
    let seed = shared.join("seed/000_94d8466ae994063a.txt");
    if !seed.exists() {
        println!("skipped: no seed dump in {}", shared.display());
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(&seed, dir.path().join("seed.txt")).unwrap();
    // Headlines and publication dates from the seed README's table.
    let readme = std::fs::read_to_string(shared.join("seed/README.md")).unwrap_or_default();
    let mut manifest = String::from("file,published,title\n");
    for line in readme.lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() == 3 && cells[1].len() == 10 && cells[1].starts_with("20") {
            manifest.push_str(&format!("seed.txt,{},\"{}\"\n", cells[1], cells[0]));
        }
    }
    std::fs::write(dir.path().join("m.csv"), manifest).unwrap();
    let o = dateline(&["events", "seed.txt", "--manifest", "m.csv"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let values: Vec<String> = out
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|e| e["event"]["date"]["value"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(values.iter().filter(|v| *v == "2025-01-17").count(), 1, "{out}");
    assert!(values.iter().any(|v| v == "2025-03-12"), "{values:?}");
    let csv =
        dateline(&["events", "seed.txt", "--manifest", "m.csv", "--format", "csv"], dir.path());
    assert_eq!(csv.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&csv.stdout).lines().count() > 5);
}

/// The whole timeline of the sample articles, as the analyst CSV: any
/// change to what is found, its dates, ids, actors or headlines shows here
/// (`DATELINE_BLESS=1 cargo test --test events_cli` rewrites the file after
/// an intended change; review its diff).
#[test]
fn the_samples_timeline_matches_its_golden_file() {
    let root = support::root();
    let o = dateline(
        &["events", "data/samples", "--manifest", "data/samples/manifest.csv", "--format", "csv"],
        &root,
    );
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = String::from_utf8(o.stdout).expect("UTF-8 CSV");
    support::golden::check_file(&root.join("tests/fixtures/timeline/samples.csv"), &csv);
}
