//! `dateline build` and `dateline render` end to end: exit codes, the
//! one-line summary, byte-identical rebuilds, the lock, atomic replacement,
//! and `render` writing what the site writer writes for the same entries.

#[path = "export_support/mod.rs"]
mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use dateline::export::write::{write_site, SiteOptions, LOCK_FILE, OUTPUTS, STATE_FILE};
use support::{fixture_entries, to_jsonl};

fn dateline(args: &[&str], cwd: &Path, stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run dateline");
    {
        use std::io::Write;
        let mut input = child.stdin.take().expect("stdin");
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).expect("write stdin");
        }
    }
    child.wait_with_output().expect("dateline finishes")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    OUTPUTS.iter().map(|n| (n.to_string(), fs::read(dir.join(n)).expect(n))).collect()
}

/// Assert two sites hold the same bytes, naming the first differing line.
fn assert_same_site(a: &Path, b: &Path) {
    for name in OUTPUTS {
        let x = fs::read_to_string(a.join(name)).expect(name);
        let y = fs::read_to_string(b.join(name)).expect(name);
        if x != y {
            let line = x.lines().zip(y.lines()).position(|(p, q)| p != q).unwrap_or(0);
            panic!(
                "{name} differs at line {}:\n  {}: {:.300}\n  {}: {:.300}",
                line + 1,
                a.display(),
                x.lines().nth(line).unwrap_or("<end>"),
                b.display(),
                y.lines().nth(line).unwrap_or("<end>")
            );
        }
    }
}

/// `render` merges again by event id; until `timeline::merge_entries`
/// exists (issue 4) it returns nothing, and tests that need entries on the
/// page say so and stop.
fn merge_available() -> bool {
    let ok = !dateline::timeline::merge_entries(fixture_entries()).is_empty();
    if !ok {
        eprintln!("skipped: timeline::merge_entries is still a placeholder (issue 4)");
    }
    ok
}

#[test]
fn build_without_input_builds_the_samples_and_rebuilds_identically() {
    let cwd = tempfile::tempdir().expect("tempdir");
    let o = dateline(&["build", "--out", "site"], cwd.path(), None);
    let msg = stderr(&o);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{msg}");
    let last = msg.lines().last().unwrap_or("");
    assert!(last.starts_with("dateline: ") && last.contains("articles read"), "{msg}");
    assert!(last.contains("(first build)"), "{msg}");
    let first = files(&cwd.path().join("site"));
    let o = dateline(&["build", "--out", "site"], cwd.path(), None);
    assert!(stderr(&o).contains("(0 new, 0 changed, 0 removed)"), "{}", stderr(&o));
    assert_eq!(files(&cwd.path().join("site")), first, "byte-identical rebuild");
    // And `extract | merge | render` is covered by tests/pipeline_identity.rs.
}

#[test]
fn build_of_a_missing_input_reports_it() {
    let cwd = tempfile::tempdir().expect("tempdir");
    let o = dateline(&["build", "--out", "site", "no-such-folder"], cwd.path(), None);
    assert_ne!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("no-such-folder"), "{}", stderr(&o));
}

#[test]
fn rebuilds_are_byte_identical_and_leave_unchanged_files_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    let r1 = write_site(&site, &fixture_entries(), &SiteOptions::default()).expect("first");
    assert!(r1.first_build && r1.files.iter().all(|f| f.changed));
    let first = files(&site);
    let mtimes: Vec<_> =
        OUTPUTS.iter().map(|n| fs::metadata(site.join(n)).unwrap().modified().unwrap()).collect();
    let mut shuffled = fixture_entries();
    shuffled.reverse();
    let r2 = write_site(&site, &shuffled, &SiteOptions::default()).expect("second");
    assert_eq!(files(&site), first, "same entries in another order give the same bytes");
    assert!(!r2.first_build);
    assert_eq!((r2.new, r2.changed, r2.removed), (0, 0, 0));
    assert!(r2.files.iter().all(|f| !f.changed));
    let again: Vec<_> =
        OUTPUTS.iter().map(|n| fs::metadata(site.join(n)).unwrap().modified().unwrap()).collect();
    assert_eq!(mtimes, again, "unchanged files are not rewritten");
    let leftovers: Vec<_> = fs::read_dir(&site)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".dateline-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary directory left: {leftovers:?}");
}

#[test]
fn summary_counts_new_changed_and_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut entries = fixture_entries();
    write_site(dir.path(), &entries, &SiteOptions::default()).expect("first");
    let gone = entries.remove(0).event_id;
    entries[0].event.summary.push_str(" (updated)");
    let mut extra = fixture_entries().remove(1);
    extra.event_id = "ev-new".into();
    entries.push(extra);
    let r = write_site(dir.path(), &entries, &SiteOptions::default()).expect("second");
    assert_eq!((r.new, r.changed, r.removed), (1, 1, 1));
    let json = fs::read_to_string(dir.path().join("events.json")).unwrap();
    assert!(!json.contains(&format!("\"{gone}\"")));
    assert!(dir.path().join(STATE_FILE).exists());
}

#[test]
fn a_held_lock_stops_a_second_build_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    write_site(&site, &fixture_entries(), &SiteOptions::default()).expect("first");
    let before = files(&site);
    let lock = fs::OpenOptions::new().write(true).open(site.join(LOCK_FILE)).expect("lock file");
    lock.try_lock().expect("take the lock");
    let err = write_site(&site, &[], &SiteOptions::default()).expect_err("locked");
    assert_eq!(err.kind(), dateline::ErrorKind::Locked);
    let o = dateline(&["render", "--out", "site"], dir.path(), Some(""));
    assert_eq!(o.status.code(), Some(2));
    let msg = stderr(&o);
    assert!(msg.contains("another dateline build") && msg.contains(LOCK_FILE), "{msg}");
    assert!(msg.contains("left as it was"), "{msg}");
    assert_eq!(files(&site), before, "the site is untouched");
    drop(lock);
    let o = dateline(&["render", "--out", "site"], dir.path(), Some(""));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_killed_build_leaves_the_previous_site_and_its_leftovers_are_cleaned() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_site(dir.path(), &fixture_entries(), &SiteOptions::default()).expect("first");
    let before = files(dir.path());
    // What a build killed mid-write leaves: a half-filled temporary dir.
    let stale = dir.path().join(".dateline-tmp-killed");
    fs::create_dir(&stale).unwrap();
    fs::write(stale.join("index.html"), "<!doctype html><p>half").unwrap();
    assert_eq!(files(dir.path()), before, "the live files are whole");
    write_site(dir.path(), &fixture_entries(), &SiteOptions::default()).expect("next build");
    assert!(!stale.exists(), "the next build removes the leftovers");
}

#[test]
fn render_exit_codes_and_diagnostics() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A file that cannot be opened is fatal: nothing would be right.
    let o = dateline(&["render", "--out", "site", "missing.jsonl"], dir.path(), None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.jsonl"));
    // A bad line is reported with file and line; the rest is rendered.
    let mut jsonl = to_jsonl(&fixture_entries()[..2]);
    jsonl.push_str("{\"not\": \"an entry\"}\n");
    // An event where a merged entry belongs: the message says what to do.
    let event = serde_json::to_string(&fixture_entries()[0].event).unwrap();
    jsonl.push_str(&event);
    jsonl.push('\n');
    fs::write(dir.path().join("entries.jsonl"), &jsonl).unwrap();
    let o = dateline(&["render", "--out", "site", "entries.jsonl"], dir.path(), None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let msg = stderr(&o);
    assert!(msg.contains("entries.jsonl:3"), "{msg}");
    assert!(msg.contains("entries.jsonl:4") && msg.contains("dateline merge"), "{msg}");
    assert!(msg.contains("2 entries read"), "{msg}");
    assert!(dir.path().join("site/index.html").exists(), "site built from the rest");
    // Output directory that cannot be made: fatal.
    fs::write(dir.path().join("blocked"), "a file").unwrap();
    let o = dateline(&["render", "--out", "blocked/site"], dir.path(), Some(""));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn quiet_verbose_stamp_and_excel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = dateline(&["render", "--quiet", "--out", "a"], dir.path(), Some(""));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "", "quiet prints nothing on success");
    let o = dateline(&["render", "--out", "a"], dir.path(), Some(""));
    let msg = stderr(&o);
    assert_eq!(msg.lines().count(), 1, "one summary line: {msg}");
    assert!(msg.contains("0 events (0 new, 0 changed, 0 removed)"), "{msg}");
    let o = dateline(&["render", "--verbose", "--out", "a"], dir.path(), Some(""));
    assert!(stderr(&o).contains("index.html") && stderr(&o).contains("unchanged"));
    let o = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["render", "--stamp", "--excel", "--out", "b"])
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1741910400")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let page = fs::read_to_string(dir.path().join("b/index.html")).unwrap();
    assert!(page.contains("Built 2025-03-14T00:00:00Z"));
    let json = fs::read_to_string(dir.path().join("b/events.json")).unwrap();
    assert!(json.contains("\"generated\":\"2025-03-14T00:00:00Z\""));
    assert!(fs::read(dir.path().join("b/events.csv")).unwrap().starts_with(b"\xEF\xBB\xBF"));
    let unstamped = fs::read_to_string(dir.path().join("a/index.html")).unwrap();
    assert!(!unstamped.contains("Built "), "no time without --stamp");
}

#[test]
fn render_writes_what_the_site_writer_writes_in_any_order() {
    if !merge_available() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    // render merges its input again by event id: the reference is the site
    // of the merged entries.
    let entries = dateline::timeline::merge_entries(fixture_entries());
    write_site(&dir.path().join("direct"), &entries, &SiteOptions::default()).unwrap();
    // Reversed, split over two files, one entry repeated.
    let mut rev = entries.clone();
    rev.reverse();
    fs::write(dir.path().join("a.jsonl"), to_jsonl(&rev[..4])).unwrap();
    fs::write(dir.path().join("b.jsonl"), to_jsonl(&rev[3..])).unwrap();
    let o = dateline(&["render", "--out", "rendered", "a.jsonl", "b.jsonl"], dir.path(), None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_same_site(&dir.path().join("rendered"), &dir.path().join("direct"));
    let o = dateline(&["render", "--out", "stdin"], dir.path(), Some(&to_jsonl(&entries)));
    assert_eq!(o.status.code(), Some(0));
    assert_same_site(&dir.path().join("stdin"), &dir.path().join("direct"));
}
