//! The property that ties the streaming steps to `build`: over any split of
//! the sample articles, `extract` per part, `merge` per part, `merge` of the
//! partial merges, then `render`, gives byte-identical files to `build` on
//! the same articles. The merged JSONL is checked against the library's
//! `timeline::build` too, so the property is tested even where `render` or
//! `build` cannot run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use dateline::cmd::InputOptions;
use proptest::prelude::*;

fn samples() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let has_files = std::fs::read_dir(&dir).map(|mut d| d.next().is_some()).unwrap_or(false);
    if !has_files {
        eprintln!("data/samples/ is absent or empty: skipping the pipeline identity test");
        return None;
    }
    Some(dir)
}

fn dateline(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn ok(out: Output, what: &str) -> Vec<u8> {
    assert!(out.status.success(), "{what}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

fn jsonl<T: serde::Serialize>(items: &[T]) -> Vec<u8> {
    let mut v = Vec::new();
    for item in items {
        serde_json::to_writer(&mut v, item).unwrap();
        v.push(b'\n');
    }
    v
}

/// The sample articles as `dateline articles` prints them (one JSON line
/// each), and the timeline the library builds from them.
struct Reference {
    lines: Vec<String>,
    merged: Vec<u8>,
}

fn reference(samples: &Path) -> Option<Reference> {
    let out = dateline(&["articles", samples.to_str().unwrap(), "--format", "jsonl"], b"");
    if String::from_utf8_lossy(&out.stderr).contains("not built yet") {
        eprintln!(
            "`dateline articles` is not implemented yet: skipping the pipeline identity test"
        );
        return None;
    }
    let out = ok(out, "dateline articles");
    let lines: Vec<String> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(str::to_string)
        .filter(|l| !l.is_empty())
        .collect();
    let read = dateline::ingest::read(&InputOptions {
        inputs: vec![samples.display().to_string()],
        ..InputOptions::default()
    })
    .unwrap();
    assert_eq!(lines.len(), read.articles.len(), "`articles` prints every article ingest reads");
    let merged = jsonl(&dateline::timeline::build(&read.articles));
    Some(Reference { lines, merged })
}

/// `extract` and `merge` each part, then `merge` the partial merges.
fn streamed(parts: &[Vec<&str>], dir: &Path) -> Vec<u8> {
    let mut partials = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let input: String = part.iter().map(|l| format!("{l}\n")).collect();
        let events = ok(dateline(&["extract"], input.as_bytes()), "extract");
        let merged = ok(dateline(&["merge"], &events), "merge");
        let path = dir.join(format!("part-{i}.jsonl"));
        std::fs::write(&path, merged).unwrap();
        partials.push(path.display().to_string());
    }
    let args: Vec<&str> =
        std::iter::once("merge").chain(partials.iter().map(String::as_str)).collect();
    ok(dateline(&args, b""), "merge of partial merges")
}

/// Split `lines` by `owner[i] % k` (an arbitrary assignment of each article
/// to one of `k` parts).
fn split<'a>(lines: &'a [String], owner: &[usize], k: usize) -> Vec<Vec<&'a str>> {
    let mut parts = vec![Vec::new(); k];
    for (i, line) in lines.iter().enumerate() {
        parts[owner[i % owner.len()] % k].push(line.as_str());
    }
    parts
}

#[test]
fn streamed_merge_equals_the_library_timeline_for_any_split() {
    let Some(samples) = samples() else { return };
    let Some(reference) = reference(&samples) else { return };
    let dir = tempfile::tempdir().unwrap();
    // Whole, then a few arbitrary splits: few cases, each runs the binary.
    let whole = streamed(&[reference.lines.iter().map(String::as_str).collect()], dir.path());
    assert!(whole == reference.merged, "extract | merge differs from timeline::build");
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 4,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    runner
        .run(&(prop::collection::vec(0usize..8, 1..64), 2usize..6), |(owner, k)| {
            let got = streamed(&split(&reference.lines, &owner, k), dir.path());
            prop_assert!(got == reference.merged, "split into {} parts differs from the whole", k);
            Ok(())
        })
        .unwrap();
}

#[test]
fn extract_merge_render_equals_build() {
    let Some(samples) = samples() else { return };
    let Some(reference) = reference(&samples) else { return };
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join("built");
    let out =
        dateline(&["build", samples.to_str().unwrap(), "--out", built.to_str().unwrap()], b"");
    if String::from_utf8_lossy(&out.stderr).contains("not built yet") {
        eprintln!("`dateline build` is not implemented yet: skipping the site comparison");
        return;
    }
    assert!(out.status.success(), "build: {}", String::from_utf8_lossy(&out.stderr));

    let owner: Vec<usize> = (0..reference.lines.len()).map(|i| (i * 7 + 3) % 5).collect();
    let merged = streamed(&split(&reference.lines, &owner, 3), dir.path());
    let merged_file = dir.path().join("merged.jsonl");
    std::fs::write(&merged_file, &merged).unwrap();
    let rendered = dir.path().join("rendered");
    let out = dateline(
        &["render", merged_file.to_str().unwrap(), "--out", rendered.to_str().unwrap()],
        b"",
    );
    assert!(out.status.success(), "render: {}", String::from_utf8_lossy(&out.stderr));

    let files = |d: &Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        v.sort();
        v
    };
    let names = files(&built);
    assert!(!names.is_empty(), "build wrote no file");
    assert_eq!(names, files(&rendered), "render writes the files build writes");
    for name in &names {
        let a = std::fs::read(built.join(name)).unwrap();
        let b = std::fs::read(rendered.join(name)).unwrap();
        assert!(a == b, "{name} differs between build and extract | merge | render");
    }
}
