//! Benchmark: tag and resolve at least 5 MB of news-like text on one core
//! and print the throughput.
//!
//! ```sh
//! cargo run --release --bin bench_tag [-- [--mb N] [--dir DIR] [--runs R]]
//! ```
//!
//! The corpus is tagged R times (default 5); the best and the median pass
//! are reported, because on a shared machine other processes slow single
//! passes down.
//!
//! The corpus is built at run time, never committed: the plain texts of
//! `../shared/corpora/tbaq/plain/` when present (TimeBank/AQUAINT news), else
//! the sample articles in `data/samples/`, else DIR; documents are repeated
//! until the corpus reaches N MB (default 8). Each document is tagged with
//! its own publication date when a `.dct` file sits beside it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline::model::PubContext;
use dateline::temporal::Tagger;

fn texts_in(dir: &Path) -> Vec<(String, PubContext)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "txt" | "md" | "html" | "json" | "jsonl") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&p) else { continue };
        let ctx = std::fs::read_to_string(p.with_extension("dct"))
            .ok()
            .and_then(|d| dateline::cmd::tag::parse_published(d.trim()))
            .unwrap_or_else(|| PubContext {
                date: chrono::NaiveDate::from_ymd_opt(2025, 3, 14),
                ..PubContext::default()
            });
        out.push((text, ctx));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut mb = 8.0f64;
    let mut dir: Option<PathBuf> = None;
    let mut runs = 5usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--mb" => mb = it.next().and_then(|v| v.parse().ok()).unwrap_or(mb),
            "--dir" => dir = it.next().map(PathBuf::from),
            "--runs" => runs = it.next().and_then(|v| v.parse().ok()).unwrap_or(runs).max(1),
            _ => {
                eprintln!("usage: bench_tag [--mb N] [--dir DIR] [--runs R]");
                std::process::exit(2);
            }
        }
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = match dir {
        Some(d) => vec![d],
        None => vec![
            root.join("../shared/corpora/tbaq/plain"),
            root.join("../../shared/corpora/tbaq/plain"),
            root.join("data/samples"),
        ],
    };
    let (source, docs) = candidates
        .iter()
        .map(|d| (d.clone(), texts_in(d)))
        .find(|(_, v)| !v.is_empty())
        .unwrap_or_else(|| {
            eprintln!("bench_tag: no texts found in {candidates:?}");
            std::process::exit(2);
        });
    let target = (mb * 1_000_000.0) as usize;
    let mut corpus: Vec<&(String, PubContext)> = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for d in &docs {
            corpus.push(d);
            bytes += d.0.len();
        }
    }
    let mut tagger = Tagger::new();
    let mut out = Vec::new();
    // Warm up: lexicon loading and automata are built once, outside the clock.
    tagger.tag_into(&docs[0].0, &docs[0].1, &mut out, None);
    let mut found = 0usize;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        found = 0;
        let start = Instant::now();
        for (text, ctx) in &corpus {
            out.clear();
            tagger.tag_into(text, ctx, &mut out, None);
            found += out.len();
        }
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let mb = bytes as f64 / 1_000_000.0;
    println!(
        "bench_tag: {} documents from {}, {:.1} MB, {} expressions; {} passes: best {:.3} s = {:.1} MB/s, median {:.3} s = {:.1} MB/s (one core, tag + resolve)",
        corpus.len(),
        source.display(),
        mb,
        found,
        runs,
        times[0],
        mb / times[0],
        times[runs / 2],
        mb / times[runs / 2]
    );
}
