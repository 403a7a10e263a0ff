//! `dateline tag` end to end: formats, exit codes, bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("tag")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may exit before reading everything (usage errors).
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

const TEXT: &str = "The Kremlin announced on Thursday that talks will resume next week.\n";

#[test]
fn text_format_lists_value_interval_anchor_and_rule() {
    let out = run(&["--published", "2025-03-14"], TEXT.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    let first = s.lines().next().unwrap();
    assert!(first.starts_with("25..33\tDATE\t2025-03-13\t\"Thursday\"\t2025-03-13..2025-03-13\tday\tpublication\tweekday/"), "{first}");
    assert!(s.contains("2025-W12"), "{s}");
}

#[test]
fn timeml_format_keeps_the_text() {
    let out = run(&["--published", "2025-03-14", "--format", "timeml"], b"A & B met on Friday.");
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("functionInDocument=\"CREATION_TIME\""));
    assert!(s.contains("<TEXT>A &amp; B met on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-03-14\">Friday</TIMEX3>.</TEXT>"), "{s}");
}

#[test]
fn missing_publication_date_is_said_not_guessed() {
    let out = run(&["--format", "jsonl"], TEXT.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no --published date"));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("XXXX-WXX-4"), "{s}");
}

#[test]
fn bad_published_is_a_usage_error() {
    let out = run(&["--published", "2025-02-31"], TEXT.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--published"));
}

#[test]
fn bad_input_gets_a_message_not_a_panic() {
    let out = run(&["--published", "2025-03-14"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty input"));

    let out = run(&["--published", "2025-03-14"], b"\x7fELF\x00\x01\x02 Thursday");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("byte 4: binary"));

    let out = run(&["--published", "2025-03-14"], b"On Thursday \xff\xfe they met.");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("byte 12: invalid UTF-8"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Thursday"));

    let out = run(&["--published", "2025-03-14"], b"Signed on 31 February 2025 and 2025-13-01.");
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("byte 10: skipped \"31 February 2025\""), "{err}");
    assert!(out.stdout.is_empty());

    let long = "Thursday ".repeat(200_000);
    let out = run(&["--published", "2025-03-14", "--format", "jsonl"], long.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 200_000);

    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["tag", "/nonexistent/x.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/x.txt"));
}
