//! End to end: `dateline articles` on every input format, from the fixtures
//! in `tests/fixtures/ingest/`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(rel)
}

/// Run `dateline articles ARGS`; (exit code, articles, stderr).
fn articles(args: &[&str], stdin: Option<&str>) -> (i32, Vec<Value>, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.arg("articles").args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = cmd.spawn().unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let arts = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap_or(-1), arts, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn paragraphs(a: &Value) -> Vec<String> {
    a["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect()
}

#[test]
fn text_dump_is_split_with_captions_apart() {
    let f = fixture("text/dump.txt");
    let (code, arts, err) = articles(&[f.to_str().unwrap(), "--published", "2025-03-13"], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0]["title"], "US and Ukrainian Delegations Agree Ceasefire Proposal in Jeddah");
    assert_eq!(arts[1]["title"], "Armenia and Azerbaijan Finish Text of Peace Treaty");
    for a in &arts {
        assert_eq!(a["captions"].as_array().unwrap().len(), 1, "{a}");
        assert_eq!(a["context"]["date"], "2025-03-13", "default from --published");
        for p in paragraphs(a) {
            assert!(!["TT", "37", "12", "Share", "Advertisement"].contains(&p.as_str()), "{p}");
            assert!(!p.contains("(AFP)") && !p.starts_with("FILED"), "caption in body: {p}");
        }
    }
    assert_eq!(paragraphs(&arts[0]).len(), 3);
    assert_eq!(paragraphs(&arts[1]).len(), 3);
    assert_eq!(arts[1]["captions"][0]["date"], "2025-03-13");
    assert_eq!(arts[1]["context"]["place"], "YEREVAN");
    assert_eq!(arts[1]["context"]["source"], "Example Wire");
    assert_eq!(arts[1]["origin"]["line"], 24);
}

#[test]
fn yaml_front_matter() {
    let f = fixture("text/frontmatter_yaml.md");
    let (code, arts, err) = articles(&[f.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    let a = &arts[0];
    assert_eq!(a["title"], "Finland Becomes NATO's 31st Member");
    assert_eq!(a["context"]["date"], "2023-04-04");
    assert_eq!(a["context"]["time"], "16:30:00");
    assert_eq!(a["context"]["utc_offset"], 10800);
    assert_eq!(a["context"]["source"], "Example News");
    assert_eq!(a["context"]["url"], "https://news.example.org/2023/04/04/finland-joins-nato");
    // The "# Title" line repeats the title: dropped; wrapped lines joined.
    let ps = paragraphs(a);
    assert_eq!(ps.len(), 2, "{ps:?}");
    assert!(ps[0].starts_with("Finland joined") && ps[0].ends_with("in Brussels."));
}

#[test]
fn toml_front_matter_and_dateline() {
    let f = fixture("text/frontmatter_toml.txt");
    let (code, arts, err) = articles(&[f.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    let a = &arts[0];
    assert_eq!(a["title"], "Saudi Arabia and Iran Agree to Restore Ties");
    assert_eq!(a["context"]["date"], "2023-03-10");
    assert!(a["context"].get("time").is_none(), "a date-only value stays date-only");
    assert_eq!(a["context"]["place"], "BEIJING");
    assert_eq!(a["context"]["source"], "Example Wire");
}

#[test]
fn plain_text_with_published_line() {
    let f = fixture("text/plain.txt");
    let (code, arts, err) = articles(&[f.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(arts[0]["title"], "Abraham Accords Signed at the White House");
    assert_eq!(arts[0]["context"]["date"], "2020-09-15");
    assert_eq!(paragraphs(&arts[0]).len(), 2);
}

#[test]
fn json_object_and_array() {
    let (code, arts, err) = articles(&[fixture("json").to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    // Folder order: array.json (2), article.json (1)? No: sorted by name.
    let titles: Vec<&str> = arts.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        vec![
            "Gaza Ceasefire Takes Effect",
            "Qatar and Egypt Announce Next Phase of Talks",
            "US and Russian Officials Meet in Riyadh",
            "Leaders Sign Ceasefire Deal in Sharm el-Sheikh",
            "EU Foreign Ministers Meet in Brussels",
        ]
    );
    let gaza = &arts[0];
    assert_eq!(gaza["context"]["date"], "2025-01-19");
    assert_eq!(paragraphs(gaza).len(), 2, "HTML content read as paragraphs, figure apart");
    assert_eq!(gaza["captions"][0]["date"], "2025-01-19");
    assert_eq!(arts[1]["context"]["utc_offset"], 7200);
    assert_eq!(arts[1]["context"]["date"], "2025-02-03");
    let riyadh = &arts[2];
    assert_eq!(riyadh["context"]["date"], "2025-02-18");
    assert_eq!(riyadh["context"]["source"], "Example News");
    assert_eq!(riyadh["context"]["place"], "RIYADH");
    assert_eq!(paragraphs(riyadh).len(), 3);
    // JSONL: record positions and lines.
    assert_eq!(arts[3]["origin"]["line"], 1);
    assert_eq!(arts[4]["origin"]["line"], 3);
    assert_eq!(arts[4]["origin"]["index"], 1);
    assert_eq!(paragraphs(&arts[4]).len(), 2);
}

#[test]
fn stdin_is_sniffed() {
    let jsonl = "{\"title\":\"A\",\"text\":\"One.\",\"date\":\"2025-01-02\"}\n{\"title\":\"B\",\"text\":\"Two.\"}\n";
    let (code, arts, err) = articles(&["-", "--published", "2025-01-05"], Some(jsonl));
    assert_eq!(code, 0, "{err}");
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0]["origin"]["file"], "-");
    assert_eq!(arts[0]["context"]["date"], "2025-01-02", "own date kept");
    assert_eq!(arts[1]["context"]["date"], "2025-01-05", "default applied");
}

#[test]
fn output_reads_back_unchanged() {
    let f = fixture("text/dump.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["articles", f.to_str().unwrap(), "--published", "2025-03-13"])
        .output()
        .unwrap();
    let first = String::from_utf8(out.stdout).unwrap();
    let (code, arts, err) = articles(&["-"], Some(&first));
    assert_eq!(code, 0, "{err}");
    let before: Vec<Value> = first.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(arts, before);
}

#[test]
fn globs_and_text_format() {
    let pat = format!("{}/text/*.t?t", fixture("").to_str().unwrap().trim_end_matches('/'));
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["articles", &pat, "--format", "text", "--published", "2025-01-01"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0));
    // dump.txt (2 articles), frontmatter_toml.txt, plain.txt; not the .md.
    assert_eq!(text.matches("\n== ").count() + usize::from(text.starts_with("== ")), 4, "{text}");
    assert!(text.contains("caption:   [2025-03-13] FILED"));
    assert!(!text.contains("NATO"));
}

#[test]
fn rerun_gives_identical_bytes_and_ids() {
    let dir = fixture("");
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args([
                "articles",
                dir.join("text").to_str().unwrap(),
                dir.join("json").to_str().unwrap(),
            ])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn usage_errors_exit_2() {
    let f = fixture("text/plain.txt");
    let (code, _, err) = articles(&[f.to_str().unwrap(), "--published", "someday"], None);
    assert_eq!(code, 2);
    assert!(err.contains("someday"), "{err}");
    let (code, _, err) = articles(&[f.to_str().unwrap(), "--manifest", "/nonexistent/m.csv"], None);
    assert_eq!(code, 2);
    assert!(err.contains("manifest"), "{err}");
    let (code, _, _) = articles(&[], None);
    assert_eq!(code, 2);
}
