//! `dateline build` on the seed dump (`../shared/seed/`) with a manifest
//! giving its two articles their publication dates: the CSV and the page
//! show the dated events, "the end of January" as a span and the inherited
//! dates marked. The headlines and dates are read from the seed README at
//! run time; nothing from the seed is kept in the repository. Skips, saying
//! so, when `../shared` is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared"), root.join("../../shared")]
        .into_iter()
        .find(|p| p.join("seed").is_dir())
}

/// (headline, publication date) rows of the README's "Publication context"
/// table.
fn publication_rows(readme: &str) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for line in readme.lines() {
        if line.starts_with("## ") {
            in_table = line.contains("Publication context");
            continue;
        }
        if !in_table || !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() >= 2 && cells[1].len() == 10 && cells[1].starts_with("20") {
            rows.push((cells[0].to_string(), cells[1].to_string()));
        }
    }
    rows
}

fn csv_quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

#[test]
fn seed_site_shows_spans_and_inherited_dates() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (the seed dump) is absent");
        return;
    };
    let seed_dir = shared.join("seed");
    let Some(dump) = std::fs::read_dir(&seed_dir).ok().and_then(|rd| {
        rd.flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "txt"))
    }) else {
        eprintln!("skipped: no seed dump in {}", seed_dir.display());
        return;
    };
    let readme = std::fs::read_to_string(seed_dir.join("README.md")).unwrap_or_default();
    let rows = publication_rows(&readme);
    if rows.len() != 2 {
        eprintln!("skipped: the seed README's publication table was not found");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut manifest = String::from("file,published,title\n");
    for (title, date) in &rows {
        manifest.push_str(&format!(
            "{},{date},{}\n",
            csv_quote(&dump.display().to_string()),
            csv_quote(title)
        ));
    }
    std::fs::write(dir.path().join("manifest.csv"), manifest).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("build")
        .arg(&dump)
        .arg("--manifest")
        .arg(dir.path().join("manifest.csv"))
        .arg("--out")
        .arg(dir.path().join("site"))
        .output()
        .expect("run dateline");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("2 articles read"), "{err}");

    let csv_text = std::fs::read_to_string(dir.path().join("site/events.csv")).unwrap();
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let header = r.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let recs: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert!(recs.len() >= 10, "at least the ten seed events: {}", recs.len());
    // "the end of January": a span with mod END, precision month.
    let span =
        recs.iter().find(|x| x[col("date_modifier")] == *"END").expect("an end-of-month entry");
    assert_eq!(&span[col("precision")], "month");
    assert!(span[col("date_start")] < span[col("date_end")], "drawn as a span");
    assert_eq!(&span[col("acled_time_precision")], "2");
    let inherited = recs.iter().filter(|x| &x[col("date_anchor")] == "inherited").count();
    assert!(inherited >= 2, "inherited dates are marked: {inherited}");
    // Every dated row lies inside the window the seed's dates allow.
    for x in &recs {
        let d = &x[col("date_start")];
        assert!(d.is_empty() || ("2024-01-01".."2025-03-23").contains(&d), "{d}");
    }

    let page = std::fs::read_to_string(dir.path().join("site/index.html")).unwrap();
    assert!(page.contains(">end of month<"), "precision badge of the span");
    assert!(page.contains(">inherited date<"), "inherited badge");
    assert_eq!(page.matches("<article class=\"entry").count(), recs.len());
}
