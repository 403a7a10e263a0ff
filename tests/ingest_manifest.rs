//! The manifest: metadata for files that lack it, matched by file and, for
//! files holding several articles, by title.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(rel)
}

fn run(args: &[&str]) -> (i32, Vec<Value>, String) {
    let out =
        Command::new(env!("CARGO_BIN_EXE_dateline")).arg("articles").args(args).output().unwrap();
    let arts = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap_or(-1), arts, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A folder with the text dump, a plain article and a manifest beside them.
fn folder(manifest: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("in")).unwrap();
    std::fs::copy(fixture("text/dump.txt"), d.path().join("in/dump.txt")).unwrap();
    std::fs::write(
        d.path().join("in/note.txt"),
        "Envoys Meet in Muscat\n\nEnvoys from both sides met in Muscat for a second round of indirect talks.\n",
    )
    .unwrap();
    std::fs::write(d.path().join("in/manifest.csv"), manifest).unwrap();
    d
}

#[test]
fn rows_for_one_file_are_matched_by_title() {
    // Titles differ from the headlines in case and quote style only; the
    // rows are in the opposite order of the articles.
    let d = folder(
        "file,published,title,url,source\n\
         dump.txt,2025-03-13T18:00:00+04:00,armenia and azerbaijan finish text of peace treaty,,Example Wire\n\
         dump.txt,2025-03-11,\"US and Ukrainian delegations agree ceasefire proposal in Jeddah\",https://e.org/jeddah,\n\
         note.txt,2025-04-19,,,\n",
    );
    let m = d.path().join("in/manifest.csv");
    let (code, arts, err) =
        run(&[d.path().join("in").to_str().unwrap(), "--manifest", m.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert_eq!(arts.len(), 3, "the manifest is not read as an article");
    assert_eq!(arts[0]["context"]["date"], "2025-03-11");
    assert_eq!(arts[0]["context"]["url"], "https://e.org/jeddah");
    assert_eq!(arts[1]["context"]["date"], "2025-03-13");
    assert_eq!(arts[1]["context"]["utc_offset"], 4 * 3600);
    assert_eq!(arts[1]["context"]["source"], "Example Wire");
    assert_eq!(arts[2]["title"], "Envoys Meet in Muscat");
    assert_eq!(arts[2]["context"]["date"], "2025-04-19");
}

#[test]
fn with_no_inputs_the_manifest_names_the_files() {
    let d = folder("file,published\nnote.txt,2025-04-19\n");
    let m = d.path().join("in/manifest.csv");
    let (code, arts, err) = run(&["--manifest", m.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0]["context"]["date"], "2025-04-19");
}

#[test]
fn bad_rows_are_reported_and_the_rest_applies() {
    let d = folder(
        "file,published,title\n\
         gone.txt,2025-03-11,\n\
         note.txt,someday,\n\
         dump.txt,2025-03-11,A Headline That Is Not There\n",
    );
    let m = d.path().join("in/manifest.csv");
    let (code, arts, err) =
        run(&[d.path().join("in").to_str().unwrap(), "--manifest", m.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(arts.len(), 3);
    assert!(err.contains("manifest.csv:2: field `file`: `gone.txt` does not exist"), "{err}");
    assert!(err.contains("manifest.csv:3: field `published`: cannot read date `someday`"), "{err}");
    assert!(err.contains("manifest.csv:4: field `title`: row not used"), "{err}");
    assert!(arts.iter().all(|a| a["context"].get("date").is_none()));
}

#[test]
fn the_files_own_date_wins_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("text/plain.txt"), d.path().join("plain.txt")).unwrap();
    std::fs::write(d.path().join("m.csv"), "file,published\nplain.txt,2020-09-16\n").unwrap();
    let (code, arts, err) = run(&[
        d.path().join("plain.txt").to_str().unwrap(),
        "--manifest",
        d.path().join("m.csv").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(arts[0]["context"]["date"], "2020-09-15");
    assert!(err.contains("warning") && err.contains("2020-09-16"), "{err}");
}

#[test]
fn unreadable_manifest_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("m.csv"), "path,date\nx,y\n").unwrap();
    let (code, _, err) = run(&["-", "--manifest", d.path().join("m.csv").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no `file` column"), "{err}");
}

#[test]
fn default_inputs_point_at_the_samples() {
    let opts = dateline::ingest::default_inputs();
    assert_eq!(opts.inputs.len(), 1);
    assert!(opts.inputs[0].ends_with("data/samples"));
    if let Some(m) = &opts.manifest {
        assert!(m.ends_with("data/samples/manifest.csv"));
    }
}

#[test]
fn a_manifest_inside_the_input_folder_is_never_an_article() {
    // Not a .csv name, so only its being the manifest keeps it out.
    let d = folder("file,published\nnote.txt,2025-04-19\n");
    let m = d.path().join("in/dates.list");
    std::fs::write(&m, "file,published\nnote.txt,2025-04-19\n").unwrap();
    let (code, arts, err) =
        run(&[d.path().join("in").to_str().unwrap(), "--manifest", m.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(arts.len(), 3);
    assert!(arts.iter().all(|a| !a["origin"]["file"].as_str().unwrap().ends_with("dates.list")));
    assert_eq!(arts[2]["context"]["date"], "2025-04-19");
}
