//! The seed dump (issue 3, "Done when"): two articles run together with
//! repeated headlines, captions and site chrome, dated by a manifest.
//!
//! The seed lives outside the repository (`../shared/seed/`); the test skips
//! with a message when it is absent. Its headlines and dates are read from
//! the seed's own README table, so no seed text enters the repository.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared"), root.join("../../shared")]
        .into_iter()
        .find(|p| p.join("seed").is_dir())
}

/// (headline, published) rows of the seed README's publication table.
fn expected(readme: &str) -> Vec<(String, String)> {
    readme
        .lines()
        .skip_while(|l| !l.starts_with("## Publication context"))
        .filter(|l| l.starts_with("| ") && !l.starts_with("| article") && !l.starts_with("|--"))
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('|').map(str::trim).collect();
            let date = cols.get(2)?;
            (date.len() == 10 && date.as_bytes()[4] == b'-')
                .then(|| (cols[1].to_string(), date.to_string()))
        })
        .collect()
}

#[test]
fn seed_dump_with_manifest_gives_two_clean_dated_articles() {
    let Some(shared) = shared() else {
        eprintln!(
            "skipped: ../shared/seed not found (the seed dump is not part of the repository)"
        );
        return;
    };
    let seed = shared.join("seed/000_94d8466ae994063a.txt");
    let rows = expected(&std::fs::read_to_string(shared.join("seed/README.md")).unwrap());
    assert_eq!(rows.len(), 2, "README table: {rows:?}");

    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("manifest.csv");
    let mut csv = String::from("file,published,title\n");
    for (title, date) in &rows {
        csv.push_str(&format!("{},{date},\"{}\"\n", seed.display(), title.replace('"', "\"\"")));
    }
    std::fs::write(&manifest, csv).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["articles", seed.to_str().unwrap(), "--manifest", manifest.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert!(stderr.trim().is_empty(), "no diagnostics expected: {stderr}");
    let arts: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(arts.len(), 2);
    for (a, (title, date)) in arts.iter().zip(&rows) {
        assert_eq!(a["title"], title.as_str());
        assert_eq!(a["context"]["date"], date.as_str());
        let paras: Vec<&str> =
            a["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        assert!(paras.len() >= 5, "{title}: {paras:?}");
        let caps = a["captions"].as_array().unwrap();
        assert_eq!(caps.len(), 1, "{title}: one caption, once: {caps:?}");
        let cap = caps[0]["text"].as_str().unwrap();
        for p in &paras {
            assert_ne!(*p, cap, "caption left in the body");
            assert_ne!(*p, title.as_str(), "headline repeated in the body");
            assert!(*p != "TT" && p.parse::<u64>().is_err(), "chrome left in the body: {p}");
        }
        // The headline is not repeated inside the article's text either.
        assert!(!a["paragraphs"].to_string().contains(title.as_str()));
    }
    // The second caption is a photo filing line: it carries its own date,
    // which is not the article's.
    assert_eq!(arts[1]["captions"][0]["date"], "2025-01-17");
    assert!(arts[0]["captions"][0].get("date").is_none());
    assert_ne!(arts[0]["id"], arts[1]["id"]);
}

#[test]
fn seed_dump_without_dates_warns_and_invents_nothing() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/seed not found");
        return;
    };
    let seed = shared.join("seed/000_94d8466ae994063a.txt");
    let res = dateline::ingest::read(&dateline::cmd::InputOptions {
        inputs: vec![seed.to_string_lossy().into_owned()],
        ..Default::default()
    })
    .unwrap();
    assert_eq!(res.articles.len(), 2);
    assert!(res.articles.iter().all(|a| a.context.date.is_none()));
    assert_eq!(res.diagnostics.len(), 2, "{:?}", res.diagnostics);
    assert!(!res.has_errors(), "a missing date is a warning");
    assert!(res.diagnostics.iter().all(|d| d.message.contains("no publication date")));
}
