//! Bad input never stops the run: a folder mixing good and bad files gives
//! every good article, names each bad file once, and exits with code 1.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/bad")
}

#[test]
fn mixed_folder_keeps_good_articles_and_names_each_bad_file() {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["articles", dir().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some inputs failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let arts: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut titles: Vec<&str> = arts.iter().map(|a| a["title"].as_str().unwrap()).collect();
    titles.sort();
    assert_eq!(
        titles,
        vec![
            "China Brokers Beijing Declaration Among Palestinian Factions",
            "Envoy Arrives in Cairo",
            "Latin-1 Export of a Summit Report",
            "Qatar Announces Gaza Truce Deal",
            "Talks in Geneva",
            "Truce Deal Approved by Israeli Cabinet",
        ]
    );
    // Each problem once, with its file and, where it has one, its line.
    let expect = [
        ("error", "bad_date.json", "`next Tuesday`"),
        ("error", "blank.md", "whitespace"),
        ("error", "broken.json:4", "invalid JSON"),
        ("error", "data.bin", "binary file"),
        ("error", "empty.txt", "empty file"),
        ("error", "feed_with_bad_line.jsonl:2", "invalid JSON"),
        ("error", "nothing.html", "no article text"),
        ("error", "partly_empty.json", "record 0: no article text"),
        ("error", "photo.jpg", "JPEG"),
        ("warning", "latin1.txt", "Windows-1252"),
    ];
    for (sev, file, what) in expect {
        let hits: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with(sev) && l.contains(&format!("/{file}")) && l.contains(what))
            .collect();
        assert_eq!(hits.len(), 1, "{sev} {file} {what}: {stderr}");
    }
    let errors = stderr.lines().filter(|l| l.starts_with("error:")).count();
    assert_eq!(errors, 9, "{stderr}");
    // The article with an unreadable date is kept, without a date, and is
    // not also warned about as undated.
    let geneva = arts.iter().find(|a| a["title"] == "Talks in Geneva").unwrap();
    assert!(geneva["context"].get("date").is_none());
    assert_eq!(stderr.matches("Talks in Geneva").count(), 0, "{stderr}");
    // Latin-1 text decoded, not mangled.
    let latin = arts.iter().find(|a| a["title"] == "Latin-1 Export of a Summit Report").unwrap();
    assert!(latin["paragraphs"][0].as_str().unwrap().contains("Café"));
}

#[test]
fn missing_inputs_are_named() {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args([
            "articles",
            "no/such/file.txt",
            dir().join("good.txt").to_str().unwrap(),
            "nomatch/*.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no/such/file.txt: no such file"), "{stderr}");
    assert!(stderr.contains("nomatch/*.json: no file matches"), "{stderr}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn library_reports_every_problem_once() {
    let res = dateline::ingest::read(&dateline::cmd::InputOptions {
        inputs: vec![dir().to_string_lossy().into_owned()],
        ..Default::default()
    })
    .unwrap();
    assert!(res.has_errors());
    let mut seen = std::collections::HashSet::new();
    for d in &res.diagnostics {
        assert!(d.file.is_some(), "{d}");
        assert!(seen.insert(d.to_string()), "reported twice: {d}");
    }
}
