//! `dateline extract` end to end: the stdin/stdout/stderr contract, exit
//! codes, bad lines, panics and ordering. The binary is run for what it does
//! alone (usage, bad lines, limits); the library's `run_with` with a stand-in
//! extractor for what needs events whatever the real extractor finds.

use std::io::{Cursor, Write};
use std::process::{Command, Stdio};

use dateline::cmd::extract::{run_with, ExtractOptions};
use dateline::model::{Article, Event};
use serde_json::Value;

#[path = "spark/fake_events.rs"]
mod fake_events;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    // The contract says: nothing from the environment. Prove it.
    c.env_clear();
    c.current_dir(std::env::temp_dir());
    c
}

/// Run the binary's `extract` on `input`; (code, stdout, stderr lines).
fn run_bin(args: &[&str], input: &[u8]) -> (i32, Vec<u8>, Vec<Value>) {
    let mut child = bin()
        .arg("extract")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    (out.status.code().unwrap_or(-1), out.stdout, json_lines(&out.stderr))
}

/// Every stderr line must be one whole JSON object.
fn json_lines(bytes: &[u8]) -> Vec<Value> {
    let text = std::str::from_utf8(bytes).expect("stderr is UTF-8");
    text.lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("not JSON: {l:?}: {e}"))
        })
        .collect()
}

fn opts() -> ExtractOptions {
    ExtractOptions { max_errors: None, max_line_bytes: 1 << 20, data_dir: None }
}

/// Run the library step with an extractor; (code, stdout, stderr lines).
fn run_lib(
    opts: &ExtractOptions,
    input: &[u8],
    extractor: &(dyn Fn(&Article) -> Vec<Event> + Sync),
) -> (u8, Vec<u8>, Vec<Value>) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = run_with(opts, &mut Cursor::new(input), &mut out, &mut err, extractor);
    (code, out, json_lines(&err))
}

fn summary(lines: &[Value]) -> &Value {
    let last = lines.last().expect("a summary line");
    assert_eq!(last["summary"], true, "last stderr line is the summary: {last}");
    last
}

#[test]
fn bad_lines_are_reported_and_skipped() {
    let good = r#"{"id":"a","published":"2025-03-14","text":"Beirut talks.\n\nCairo talks"}"#;
    let mut input = Vec::new();
    input.extend_from_slice(good.as_bytes());
    input.extend_from_slice(b"\n\n{not json\n");
    input.extend_from_slice(b"{\"id\":\"b\",\"text\":\"x\"}\n");
    input.extend_from_slice(b"\xff\xfe\n");
    input.extend_from_slice(b"{\"id\":\"c\",\"published\":\"someday\",\"text\":\"x\"}\n");
    input.extend_from_slice(b"[1,2]\n");
    input.extend_from_slice(good.replace("\"a\"", "\"d\"").as_bytes());

    let (code, _, err) = run_bin(&[], &input);
    assert_eq!(code, 0, "{err:?}");
    let kinds: Vec<(&str, &str, u64)> = err[..err.len() - 1]
        .iter()
        .map(|d| {
            (
                d["severity"].as_str().unwrap(),
                d["kind"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    // An unreadable date keeps the article undated, as `build` does: a
    // warning, not a skipped line.
    assert_eq!(
        kinds,
        vec![
            ("error", "json", 3),
            ("error", "field", 4),
            ("error", "utf8", 5),
            ("warning", "published", 6),
            ("error", "json", 7)
        ]
    );
    assert_eq!(err[1]["field"], "published");
    assert_eq!(err[1]["id"], "b");
    assert_eq!(err[3]["id"], "c");
    let s = summary(&err);
    assert_eq!(
        (s["read"].as_u64(), s["articles"].as_u64(), s["errors"].as_u64(), s["warnings"].as_u64()),
        (Some(8), Some(3), Some(4), Some(1))
    );

    // The same through the library with events: good articles still give
    // theirs, in order.
    let (code, out, err) = run_lib(&opts(), &input, &fake_events::extract);
    assert_eq!(code, 0);
    let events: Vec<Event> =
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = events.iter().map(|e| e.source.article_id.as_str()).collect();
    assert_eq!(ids, vec!["a", "a", "c", "d", "d"]);
    assert_eq!(summary(&err)["events"], 5);
}

#[test]
fn oversize_lines_are_skipped_without_losing_the_next() {
    let big = format!(r#"{{"id":"big","published":"2025-03-14","text":"{}"}}"#, "x".repeat(5000));
    let input = format!("{big}\n{}\n", r#"{"id":"ok","published":"2025-03-14","text":"Geneva."}"#);
    let (code, _, err) = run_bin(&["--max-line-bytes", "1000"], input.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(err[0]["kind"], "oversize");
    assert_eq!(err[0]["line"], 1);
    assert!(err[0]["message"].as_str().unwrap().contains(&big.len().to_string()), "{}", err[0]);
    assert_eq!(summary(&err)["articles"], 1);
}

#[test]
fn max_errors_stops_with_code_3() {
    let input = b"x\ny\nz\n";
    let (code, _, err) = run_bin(&["--max-errors", "1"], input);
    assert_eq!(code, 3);
    assert_eq!(err[err.len() - 2]["kind"], "limit");
    assert_eq!(summary(&err)["read"], 2);
    // At the limit, not past it: carry on.
    let (code, _, _) = run_bin(&["--max-errors", "3"], input);
    assert_eq!(code, 0);
}

#[test]
fn usage_errors_exit_2_before_reading() {
    for args in
        [&["--data-dir", "/nonexistent/dateline"][..], &["--max-line-bytes", "0"], &["--bogus"]]
    {
        let mut child = bin()
            .arg("extract")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Keep stdin open: a command that read it would hang, not exit.
        let stdin = child.stdin.take().unwrap();
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_panic_is_reported_and_the_rest_is_kept() {
    let input = fake_events::articles_jsonl(50, 3);
    let boom = |a: &Article| {
        if a.id.ends_with("-17") {
            panic!("extractor bug on purpose");
        }
        fake_events::extract(a)
    };
    let (code, out, err) = run_lib(&opts(), input.as_bytes(), &boom);
    assert_eq!(code, 0);
    assert_eq!(err.len(), 2, "{err:?}");
    assert_eq!(err[0]["kind"], "panic");
    assert_eq!(err[0]["line"], 18);
    assert_eq!(err[0]["id"], "art-3-17");
    assert!(err[0]["message"].as_str().unwrap().contains("extractor bug on purpose"));
    let s = summary(&err);
    assert_eq!(
        (s["read"].as_u64(), s["articles"].as_u64(), s["errors"].as_u64()),
        (Some(50), Some(49), Some(1))
    );
    let n = String::from_utf8(out).unwrap().lines().count() as u64;
    assert_eq!(s["events"].as_u64(), Some(n));
}

/// The panic hook must not print the default "thread panicked" text: run the
/// step on the real stderr in a child process (this test binary, re-run)
/// and check every stderr line is JSON.
#[test]
fn a_panic_prints_only_json_on_stderr() {
    if std::env::var_os("DATELINE_TEST_PANIC_CHILD").is_some() {
        let boom = |a: &Article| -> Vec<Event> {
            if a.id == "art-5-2" {
                panic!("on purpose");
            }
            fake_events::extract(a)
        };
        let stdin = std::io::stdin();
        let code = run_with(
            &opts(),
            &mut stdin.lock(),
            &mut std::io::sink(),
            &mut std::io::stderr(),
            &boom,
        );
        std::process::exit(i32::from(code));
    }
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_panic_prints_only_json_on_stderr",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("DATELINE_TEST_PANIC_CHILD", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(fake_events::articles_jsonl(5, 5).as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = json_lines(&out.stderr);
    assert_eq!(err.len(), 2, "{err:?}");
    assert_eq!(err[0]["kind"], "panic");
}

#[test]
fn output_keeps_input_order_across_batches() {
    // More lines than one batch, so parallel batches must be reassembled.
    let input = fake_events::articles_jsonl(3000, 11);
    let (code, out, err) = run_lib(&opts(), input.as_bytes(), &fake_events::extract);
    assert_eq!(code, 0);
    let expected: Vec<u8> = input
        .lines()
        .flat_map(|l| {
            let a = dateline::cmd::extract::article_from_json(l, 1).unwrap();
            fake_events::extract(&a)
        })
        .flat_map(|e| {
            let mut v = serde_json::to_vec(&e).unwrap();
            v.push(b'\n');
            v
        })
        .collect();
    assert!(out == expected, "output differs from sequential extraction");
    assert_eq!(summary(&err)["read"], 3000);
}

#[test]
fn closed_stdout_is_quiet_and_exits_4() {
    // The real extractor may find nothing in synthetic text, so the closed
    // pipe is tested through the library with a writer that fails like one.
    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let input = fake_events::articles_jsonl(10, 1);
    let mut err = Vec::new();
    let code = run_with(
        &opts(),
        &mut Cursor::new(input.as_bytes()),
        &mut Closed,
        &mut err,
        &fake_events::extract,
    );
    assert_eq!(code, 4);
    assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
}

#[test]
fn empty_input_is_a_clean_run() {
    let (code, out, err) = run_bin(&[], b"");
    assert_eq!(code, 0);
    assert!(out.is_empty());
    assert_eq!(err.len(), 1);
    assert_eq!(summary(&err)["read"], 0);
}

/// Regression: a malformed line in a `--data-dir` file failed every record
/// (each caught as a panic) while the run exited 0; it is one usage error.
#[test]
fn a_malformed_data_dir_file_is_one_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("events")).unwrap();
    std::fs::write(dir.path().join("events/triggers.tsv"), "met\tNO_SUCH_TYPE\t-\tverb\n").unwrap();
    let record =
        br#"{"id":"a","title":"t","text":"Qatar met Egypt on Monday.","published":"2025-05-06"}"#;
    let data_dir = dir.path().display().to_string();
    let (code, out, err) = run_bin(&["--data-dir", &data_dir], record);
    assert_eq!(code, 2, "{err:?}");
    assert!(out.is_empty());
    assert_eq!(err.len(), 1, "{err:?}");
    let message = err[0]["message"].as_str().unwrap_or("");
    assert!(message.contains("triggers.tsv line 1"), "{message}");

    // Files the records never reach are checked too: this record has no
    // page chrome, yet a broken marker file is still reported at start.
    let other = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(other.path().join("ingest")).unwrap();
    std::fs::write(other.path().join("ingest/markers.txt"), "# header\nrelated\n").unwrap();
    let (code, out, err) = run_bin(&["--data-dir", &other.path().display().to_string()], record);
    assert_eq!(code, 2, "{err:?}");
    assert!(out.is_empty());
    let message = err[0]["message"].as_str().unwrap_or("");
    assert!(message.contains("ingest/markers.txt line 2"), "{message}");

    // A directory without that file falls back to the embedded copy.
    let empty = tempfile::tempdir().expect("tempdir");
    let (code, out, _) = run_bin(&["--data-dir", &empty.path().display().to_string()], record);
    assert_eq!(code, 0);
    assert!(!out.is_empty());
}
