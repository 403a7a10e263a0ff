//! The seed dump (`../shared/seed/`): every expression its README lists,
//! resolved against the publication dates the README gives. Skips with a
//! message when `../shared` is absent.

use std::path::PathBuf;

use chrono::NaiveDate;
use dateline::model::{PubContext, Timex, TimexType};

fn seed() -> Option<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for shared in [root.join("../shared"), root.join("../../shared")] {
        let p = shared.join("seed/000_94d8466ae994063a.txt");
        if let Ok(s) = std::fs::read_to_string(&p) {
            return Some(s);
        }
    }
    eprintln!("skipping seed test: ../shared/seed/000_94d8466ae994063a.txt not found");
    None
}

/// Split the dump into its two articles: the second starts at the first
/// line that is neither the first headline nor a repeat of an earlier line,
/// and is followed (after its caption) by the first headline's site chrome
/// pattern; crudely, at the last headline-like line before the second "TT".
fn split(dump: &str) -> (String, String) {
    let lines: Vec<&str> = dump.lines().collect();
    let tt: Vec<usize> =
        lines.iter().enumerate().filter(|(_, l)| l.trim() == "TT").map(|(i, _)| i).collect();
    assert!(tt.len() >= 2, "seed dump layout changed");
    // The headline sits two non-empty lines above "TT" (caption twice in
    // between), with a blank line before the captions.
    let mut h = tt[1];
    let mut non_empty = 0;
    while h > 0 {
        h -= 1;
        if !lines[h].trim().is_empty() {
            non_empty += 1;
            if non_empty == 3 {
                break;
            }
        }
    }
    (lines[..h].join("\n"), lines[h..].join("\n"))
}

fn ctx(y: i32, m: u32, d: u32) -> PubContext {
    PubContext { date: NaiveDate::from_ymd_opt(y, m, d), ..Default::default() }
}

fn find<'a>(v: &'a [Timex], text: &str, nth: usize) -> &'a Timex {
    v.iter().filter(|t| t.text == text).nth(nth).unwrap_or_else(|| {
        panic!(
            "`{text}` (#{nth}) not found in {:#?}",
            v.iter().map(|t| &t.text).collect::<Vec<_>>()
        )
    })
}

#[test]
fn seed_articles_resolve_as_the_readme_says() {
    let Some(dump) = seed() else { return };
    let (a, b) = split(&dump);
    assert!(a.starts_with("Putin"), "first article: {}", &a[..40.min(a.len())]);
    assert!(b.starts_with("Aoun"), "second article: {}", &b[..40.min(b.len())]);

    let v = dateline::temporal::tag(&a, &ctx(2025, 3, 14));
    let end = find(&v, "the end of January", 0);
    assert_eq!((end.value.as_str(), end.modifier.as_deref()), ("2025-01", Some("END")));
    let iv = end.interval.unwrap();
    assert_eq!(
        (iv.start, iv.end),
        (
            NaiveDate::from_ymd_opt(2025, 1, 21).unwrap(),
            NaiveDate::from_ymd_opt(2025, 1, 31).unwrap()
        )
    );
    assert_eq!(find(&v, "Thursday", 0).value, "2025-03-13");
    let daily = find(&v, "daily", 0);
    assert_eq!((daily.ttype, daily.value.as_str()), (TimexType::Set, "P1D"));
    assert_eq!(find(&v, "Wednesday", 0).value, "2025-03-12");

    let v = dateline::temporal::tag(&b, &ctx(2025, 3, 22));
    assert_eq!(find(&v, "17 January 2025", 0).value, "2025-01-17");
    assert_eq!(find(&v, "Saturday", 0).value, "2025-03-22");
    assert_eq!(find(&v, "November", 0).value, "2024-11");
    assert_eq!(find(&v, "Saturday", 1).value, "2025-03-22");
    let yl = find(&v, "year-long", 0);
    assert_eq!((yl.ttype, yl.value.as_str()), (TimexType::Duration, "P1Y"));
    let m = find(&v, "months", 0);
    assert_eq!((m.ttype, m.value.as_str()), (TimexType::Duration, "PXM"));
}

#[test]
fn seed_first_article_through_the_cli() {
    let Some(dump) = seed() else { return };
    let (a, _) = split(&dump);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("putin.txt");
    std::fs::write(&path, &a).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["tag", "--published", "2025-03-14", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Vec<Timex> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(find(&v, "the end of January", 0).value, "2025-01");
    assert_eq!(find(&v, "Thursday", 0).value, "2025-03-13");
    assert_eq!(find(&v, "daily", 0).value, "P1D");
    assert_eq!(find(&v, "Wednesday", 0).value, "2025-03-12");
    for t in &v {
        assert_eq!(&a[t.span.start..t.span.end], t.text);
    }
}
