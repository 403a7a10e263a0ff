//! End to end: saved HTML pages in the shapes real news sites use
//! (`tests/fixtures/ingest/html/`). Each page's extracted text is scored
//! against the article text written for it (word-level F1), and its
//! publication day against `dates.tsv` (an empty day means the page has no
//! publication date and must get none).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/html")
}

/// Pages written after the extractor (see the folder's README).
fn heldout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/html_heldout")
}

fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Word-level F1 of `got` against `want` (bags of words).
fn f1(got: &str, want: &str) -> f64 {
    let (g, w) = (words(got), words(want));
    let overlap: usize = g.iter().map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0))).sum();
    let (gn, wn): (usize, usize) = (g.values().sum(), w.values().sum());
    if overlap == 0 {
        return 0.0;
    }
    let (p, r) = (overlap as f64 / gn as f64, overlap as f64 / wn as f64);
    2.0 * p * r / (p + r)
}

#[test]
fn html_pages_text_and_dates() {
    check_folder(&dir());
}

#[test]
fn heldout_pages_text_and_dates() {
    check_folder(&heldout());
}

fn check_folder(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["articles", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let arts: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let by_file: HashMap<String, &Value> = arts
        .iter()
        .map(|a| (a["origin"]["file"].as_str().unwrap().rsplit('/').next().unwrap().to_string(), a))
        .collect();
    let dates = std::fs::read_to_string(dir.join("dates.tsv")).unwrap();
    let (mut right, mut total, mut f1_sum) = (0, 0, 0.0);
    for line in dates.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (file, want) = line.split_once('\t').unwrap();
        let a = by_file.get(file).unwrap_or_else(|| panic!("{file} not read: {stderr}"));
        let got = a["context"]["date"].as_str().unwrap_or("");
        total += 1;
        if got == want.trim() {
            right += 1;
        } else {
            eprintln!("{file}: date {got:?}, want {want:?}");
        }
        let text: Vec<&str> =
            a["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        let expected =
            std::fs::read_to_string(dir.join(file.replace(".html", ".expected.txt"))).unwrap();
        let score = f1(&text.join("\n"), &expected);
        eprintln!("{file}: word F1 {score:.3}");
        f1_sum += score;
        assert!(score >= 0.9, "{file}: F1 {score:.3}\n{}", text.join("\n"));
        assert!(!a["title"].as_str().unwrap().is_empty(), "{file}: no title");
    }
    eprintln!("dates right: {right}/{total}; mean word F1 {:.3}", f1_sum / total as f64);
    assert_eq!(right, total);
    // A page without a publication date (modified only) gets a warning.
    for (file, want) in dates.lines().filter_map(|l| l.split_once('\t')) {
        if want.trim().is_empty() && !file.starts_with('#') {
            assert!(stderr.contains(file) && stderr.contains("no publication date"), "{stderr}");
        }
    }
}

#[test]
fn html_metadata() {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["articles", dir().join("newscms_jsonld.html").to_str().unwrap()])
        .output()
        .unwrap();
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["title"], "Armenia and Azerbaijan Initial Peace Deal at the White House");
    assert_eq!(a["context"]["date"], "2025-08-08", "the day in the page's own offset");
    assert_eq!(a["context"]["utc_offset"], -4 * 3600);
    assert_eq!(a["context"]["source"], "Daily Example");
    assert_eq!(a["context"]["place"], "WASHINGTON");
    assert_eq!(a["captions"].as_array().unwrap().len(), 1);
    let body = a["paragraphs"].to_string();
    for noise in [
        "cookies",
        "Most read",
        "Read more",
        "Sign up",
        "Comments",
        "Advertisement",
        "Karabakh exodus",
    ] {
        assert!(!body.contains(noise), "{noise} in {body}");
    }
}
