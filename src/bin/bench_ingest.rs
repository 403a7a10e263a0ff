//! Ingest benchmark and HTML quality figures.
//!
//! ```text
//! cargo run --release --bin bench_ingest [-- --mb 50 --pages 2000 --only jsonl|text|html|quality --fixtures DIR]
//! ```
//!
//! Builds a corpus at run time in a temporary folder from the test fixtures
//! (`tests/fixtures/ingest/`): JSONL feeds, plain-text scrape dumps (many
//! articles a file, captions and chrome included) and saved HTML pages
//! (the fixture pages with varied text). Each is read with
//! `dateline::ingest::read`, the same call the commands make (files read
//! from disk, decoded, parsed, articles built, in parallel over files), and
//! the throughput printed. `RAYON_NUM_THREADS=1` measures one core.
//!
//! Then, for every `html/NAME.html` fixture with a `NAME.expected.txt`, the
//! word-level F1 of the extracted text against the expected text, and the
//! share of pages whose publication day matches `html/dates.tsv`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline::cmd::InputOptions;
use dateline::ingest;

fn main() {
    let mut mb = 50usize;
    let mut pages = 2000usize;
    let mut fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest");
    let mut only: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mb" => mb = args.next().and_then(|v| v.parse().ok()).unwrap_or(mb),
            "--pages" => pages = args.next().and_then(|v| v.parse().ok()).unwrap_or(pages),
            "--only" => only = args.next(),
            "--fixtures" => fixtures = args.next().map(PathBuf::from).unwrap_or(fixtures),
            _ => {
                eprintln!("usage: bench_ingest [--mb N] [--pages N] [--only jsonl|text|html|quality] [--fixtures DIR]");
                std::process::exit(2);
            }
        }
    }
    let threads = std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "all".into());
    println!("dateline ingest benchmark (threads: {threads})");
    let tmp = tempfile::tempdir().expect("temp dir");

    if only.as_deref().is_none_or(|o| o == "jsonl") {
        let jsonl_dir = tmp.path().join("jsonl");
        let bytes = make_jsonl(&fixtures, &jsonl_dir, mb * 1_000_000);
        report("JSONL", &jsonl_dir, bytes, None);
    }
    if only.as_deref().is_none_or(|o| o == "text") {
        let text_dir = tmp.path().join("text");
        let bytes = make_text(&fixtures, &text_dir, mb * 1_000_000);
        report("plain-text dumps", &text_dir, bytes, None);
    }
    if only.as_deref().is_none_or(|o| o == "html") {
        let html_dir = tmp.path().join("html");
        let bytes = make_html(&fixtures, &html_dir, pages);
        report("HTML pages", &html_dir, bytes, Some(pages));
    }
    if only.as_deref().is_some_and(|o| o != "quality") {
        return;
    }

    quality(&fixtures.join("html"));
    let heldout = fixtures.join("html_heldout");
    if heldout.is_dir() {
        quality(&heldout);
    }
}

fn report(what: &str, dir: &Path, bytes: usize, pages: Option<usize>) {
    let opts = InputOptions {
        inputs: vec![dir.to_string_lossy().into_owned()],
        manifest: None,
        published: Some("2025-01-01".into()),
    };
    // One warm-up run (page cache, lazy tables), then the best of three.
    let _ = ingest::read(&opts).expect("read");
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut n = 0;
    for _ in 0..3 {
        let (t, c) = (Instant::now(), cpu_seconds());
        let res = ingest::read(&opts).expect("read");
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
        n = res.articles.len();
        assert!(
            !res.has_errors(),
            "benchmark corpus should read cleanly: {:?}",
            res.diagnostics.first()
        );
    }
    let mbs = bytes as f64 / 1e6 / best;
    let mut line = format!(
        "{what:<18} {:>8.1} MB in {best:>6.3} s = {mbs:>7.1} MB/s, {n} articles",
        bytes as f64 / 1e6
    );
    if let Some(p) = pages {
        let _ = write!(line, ", {:.0} pages/s", p as f64 / best);
    }
    if best_cpu < f64::MAX && best_cpu > 0.0 {
        let _ = write!(line, "; per CPU-second: {:.1} MB", bytes as f64 / 1e6 / best_cpu);
        if let Some(p) = pages {
            let _ = write!(line, ", {:.0} pages", p as f64 / best_cpu);
        }
    }
    println!("{line}");
}

/// CPU time (user + system) this process has used, from /proc (Linux);
/// on a busy shared machine it measures the work, not the wait.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    // The kernel's USER_HZ is 100 on every mainstream Linux build.
    Some(ticks / 100.0)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Vary a text so no two generated articles are byte-identical.
fn vary(s: &str, i: usize) -> String {
    s.replace(" on ", &format!(" on ({i}) "))
}

fn make_jsonl(fx: &Path, dir: &Path, target: usize) -> usize {
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut records = Vec::new();
    let feed = read(&fx.join("json/feed.jsonl"));
    records.extend(feed.lines().filter(|l| !l.trim().is_empty()).map(str::to_string));
    for f in ["json/article.json", "json/array.json"] {
        let v: serde_json::Value = serde_json::from_str(&read(&fx.join(f))).expect("fixture JSON");
        match v {
            serde_json::Value::Array(a) => records.extend(a.iter().map(|r| r.to_string())),
            other => records.push(other.to_string()),
        }
    }
    let files = 8;
    let mut total = 0;
    let mut i = 0;
    for f in 0..files {
        let mut out = String::new();
        while out.len() < target / files {
            out.push_str(&vary(&records[i % records.len()], i));
            out.push('\n');
            i += 1;
        }
        total += out.len();
        std::fs::write(dir.join(format!("feed{f}.jsonl")), out).expect("write");
    }
    total
}

fn make_text(fx: &Path, dir: &Path, target: usize) -> usize {
    std::fs::create_dir_all(dir).expect("mkdir");
    let sources: Vec<String> =
        ["text/dump.txt", "text/plain.txt"].iter().map(|f| read(&fx.join(f))).collect();
    let mut total = 0;
    let mut i = 0;
    let mut f = 0;
    while total < target {
        // A dump of about 50 KB: articles separated by blank lines.
        let mut out = String::new();
        while out.len() < 50_000 {
            let s = &sources[i % sources.len()];
            out.push_str(&vary(s, i));
            out.push_str("\n\n\n");
            i += 1;
        }
        total += out.len();
        std::fs::write(dir.join(format!("dump{f:05}.txt")), out).expect("write");
        f += 1;
    }
    total
}

fn make_html(fx: &Path, dir: &Path, pages: usize) -> usize {
    std::fs::create_dir_all(dir).expect("mkdir");
    let mut srcs = Vec::new();
    for e in std::fs::read_dir(fx.join("html")).expect("fixtures/html") {
        let p = e.expect("entry").path();
        if p.extension().is_some_and(|x| x == "html") {
            srcs.push(read(&p));
        }
    }
    srcs.sort();
    let mut total = 0;
    for i in 0..pages {
        let page = vary(&srcs[i % srcs.len()], i);
        total += page.len();
        std::fs::write(dir.join(format!("page{i:05}.html")), page).expect("write");
    }
    total
}

fn words(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Word-level (bag of words) precision, recall and F1.
fn prf(got: &str, want: &str) -> (f64, f64, f64) {
    let (g, w) = (words(got), words(want));
    let overlap: usize = g.iter().map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0))).sum();
    let (gn, wn): (usize, usize) = (g.values().sum(), w.values().sum());
    if overlap == 0 {
        return (0.0, 0.0, 0.0);
    }
    let (p, r) = (overlap as f64 / gn as f64, overlap as f64 / wn as f64);
    (p, r, 2.0 * p * r / (p + r))
}

fn quality(dir: &Path) {
    let dates: HashMap<String, String> = std::fs::read_to_string(dir.join("dates.tsv"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t').map(|(f, d)| (f.to_string(), d.trim().to_string())))
        .collect();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("html fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    names.sort();
    println!("\nHTML quality on {}:", dir.display());
    let (mut f1_sum, mut n, mut right, mut dated) = (0.0, 0, 0, 0);
    for p in names {
        let expected_path = p.with_extension("expected.txt");
        let Ok(expected) = std::fs::read_to_string(&expected_path) else { continue };
        let res = ingest::read(&InputOptions {
            inputs: vec![p.to_string_lossy().into_owned()],
            ..InputOptions::default()
        })
        .expect("read");
        let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let (text, date) = match res.articles.first() {
            Some(a) => {
                (a.paragraphs.join("\n"), a.context.date.map(|d| d.to_string()).unwrap_or_default())
            }
            None => (String::new(), String::new()),
        };
        let (pr, rc, f1) = prf(&text, &expected);
        f1_sum += f1;
        n += 1;
        let want = dates.get(&name).cloned();
        let ok = want.as_ref().map(|w| *w == date);
        if let Some(ok) = ok {
            dated += 1;
            right += usize::from(ok);
        }
        println!(
            "  {name:<28} P {pr:.3} R {rc:.3} F1 {f1:.3}  date {:<10} {}",
            if date.is_empty() { "-" } else { &date },
            match ok {
                Some(true) => "ok",
                Some(false) => "WRONG",
                None => "(no gold)",
            }
        );
    }
    if n > 0 {
        println!(
            "  mean word F1 {:.3} over {n} pages; publication day right on {right}/{dated}",
            f1_sum / n as f64
        );
    }
}
