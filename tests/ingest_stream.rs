//! `ingest::read_each` (articles a batch at a time, large JSONL files line by
//! line) gives exactly what `ingest::read` gives: the same articles in the
//! same order, the same diagnostics in the same order; and its batches stay
//! small.

use std::path::{Path, PathBuf};

use dateline::cmd::InputOptions;
use dateline::ingest;
use dateline::model::Article;

fn both(opts: &InputOptions) -> (ingest::ReadResult, Vec<Article>, ingest::ReadSummary, usize) {
    let whole = ingest::read(opts).expect("read");
    let mut streamed = Vec::new();
    let mut largest = 0;
    let summary = ingest::read_each(opts, &mut |batch| {
        largest = largest.max(batch.len());
        streamed.extend(batch);
    })
    .expect("read_each");
    (whole, streamed, summary, largest)
}

fn same(opts: &InputOptions) -> usize {
    let (whole, streamed, summary, largest) = both(opts);
    assert_eq!(whole.articles, streamed);
    assert_eq!(summary.articles, streamed.len());
    assert_eq!(whole.diagnostics, summary.diagnostics);
    largest
}

fn inputs(paths: &[&Path]) -> InputOptions {
    InputOptions {
        inputs: paths.iter().map(|p| p.display().to_string()).collect(),
        manifest: None,
        published: None,
    }
}

fn record(i: usize, published: bool) -> String {
    let date =
        if published { format!(",\"published\":\"2025-03-{:02}\"", 1 + i % 28) } else { "".into() };
    format!(
        "{{\"title\":\"Talks {i}\",\"text\":\"Egypt met Jordan on Monday in Cairo, \
         officials said. Record {i}.\"{date}}}"
    )
}

#[test]
fn samples_with_their_manifest() {
    let d = ingest::default_inputs();
    same(&d);
}

#[test]
fn bad_files_are_reported_alike() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/bad");
    same(&inputs(&[&dir]));
}

#[test]
fn jsonl_streams_with_bad_lines_blank_lines_and_odd_encodings() {
    let tmp = tempfile::tempdir().unwrap();
    let p = |n: &str| -> PathBuf { tmp.path().join(n) };
    // Bad lines, blank lines, CRLF, a record without a date, an id kept twice.
    let mut text = String::new();
    for i in 0..5 {
        text.push_str(&record(i, i != 3));
        text.push_str(if i % 2 == 0 { "\r\n" } else { "\n\n" });
    }
    text.push_str("{not json\n");
    text.push_str("{\"id\":\"0123456789abcdef\",\"title\":\"A\",\"text\":\"Egypt met Iran.\"}\n");
    text.push_str("{\"id\":\"0123456789abcdef\",\"title\":\"B\",\"text\":\"Iran met Iraq.\"}");
    std::fs::write(p("a.jsonl"), &text).unwrap();
    // A byte-order mark, Latin-1 bytes, blank and empty files go through the
    // whole-file reader and say so.
    std::fs::write(p("b.jsonl"), format!("\u{feff}{}\n", record(7, true))).unwrap();
    let mut latin = record(8, true).into_bytes();
    latin.extend(b"\n{\"title\":\"Caf\xe9\",\"text\":\"Egypt met Jordan.\"}\n");
    std::fs::write(p("c.jsonl"), latin).unwrap();
    std::fs::write(p("d.jsonl"), "  \n\n").unwrap();
    std::fs::write(p("e.ndjson"), "").unwrap();
    std::fs::write(p("f.jsonl"), "[1]\n{\"x\":1}\n").unwrap();
    std::fs::write(p("g.txt"), "Talks in Rome\n\nEgypt met Jordan on Monday.\n").unwrap();
    let opts = inputs(&[tmp.path()]);
    same(&opts);
    let (_, streamed, summary, _) = both(&opts);
    assert!(streamed.iter().any(|a| a.title == "Café"), "Latin-1 decoded");
    assert!(summary.has_errors());
    // With a default date too.
    let mut dated = opts.clone();
    dated.published = Some("2025-03-14".into());
    same(&dated);
}

#[test]
fn a_large_jsonl_file_comes_in_small_batches() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("big.jsonl");
    let text: Vec<String> = (0..1300).map(|i| record(i, true)).collect();
    std::fs::write(&path, text.join("\n")).unwrap();
    let largest = same(&inputs(&[&path]));
    assert!(largest > 0 && largest <= 512, "largest batch {largest}");
}
