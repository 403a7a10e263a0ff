//! Benchmark of the events pipeline: read, tag, resolve, extract, merge.
//!
//! Replicates the articles of a folder (default `data/samples/`, with its
//! `manifest.csv`) into JSONL files in a temporary folder, each copy with its
//! own id, then times `ingest::read` + `timeline::build` over that folder on
//! one thread and on all threads, and prints MB/s of article text, events,
//! entries and the process's peak resident memory.
//!
//! ```sh
//! cargo run --release --bin dateline-events-bench -- [--copies N] [--files F] [DIR]
//! ```

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::time::Instant;

use dateline::cmd::InputOptions;
use dateline::model::Article;

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU seconds this process used so far (user + system), from
/// `/proc/self/stat` (clock ticks of 1/100 s): on a shared machine, MB per
/// CPU-second is the fair single-core figure.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn text_bytes(a: &Article) -> usize {
    a.paragraphs.iter().map(String::len).sum::<usize>()
        + a.captions.iter().map(|c| c.text.len()).sum::<usize>()
}

fn run(dir: &std::path::Path, threads: usize) -> Result<(f64, usize, usize, usize), String> {
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| e.to_string())?;
    pool.install(|| {
        let start = Instant::now();
        let opts = InputOptions {
            inputs: vec![dir.display().to_string()],
            manifest: None,
            published: None,
        };
        let read = dateline::ingest::read(&opts).map_err(|e| e.to_string())?;
        let t_read = start.elapsed().as_secs_f64();
        let bytes: usize = read.articles.iter().map(text_bytes).sum();
        let t0 = Instant::now();
        use rayon::prelude::*;
        let timexes: usize = read
            .articles
            .par_iter()
            .map(|a| dateline::temporal::tag(&a.text(), &a.context).len())
            .sum();
        let t_tag = t0.elapsed().as_secs_f64();
        let cpu0 = cpu_seconds();
        let t0 = Instant::now();
        let events: Vec<dateline::model::Event> =
            read.articles.par_iter().flat_map_iter(dateline::events::extract).collect();
        let t_extract = t0.elapsed().as_secs_f64();
        let t0 = Instant::now();
        let entries = dateline::timeline::merge_events(events);
        let t_merge = t0.elapsed().as_secs_f64();
        let t_build = t_extract + t_merge;
        let cpu = cpu_seconds() - cpu0;
        eprintln!(
            "  extract+merge: {cpu:.2} CPU-s, {:.2} MB per CPU-second",
            bytes as f64 / 1e6 / cpu.max(0.01)
        );
        eprintln!(
            "  read {t_read:.2} s; tag alone {t_tag:.2} s ({timexes} expressions); \
             extract (tags again) {t_extract:.2} s; merge {t_merge:.2} s"
        );
        let mentions: usize = entries.iter().map(|e| e.mentions.len()).sum();
        Ok((t_read + t_build, bytes, mentions, entries.len()))
    })
}

/// Time the stages of event extraction on one thread (for profiling).
fn stages(articles: &[Article], copies: usize) {
    use dateline::events::{actors, extract};
    let (mut t_text, mut t_people, mut t_find, mut t_tag, mut t_ext) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for _ in 0..copies {
        for a in articles {
            let t = Instant::now();
            let body = a.text();
            t_text += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let mut cast = actors::Cast::default();
            actors::find_people(&body, &mut cast);
            actors::settle_home(&mut cast, &[&body], a.context.place.as_deref());
            t_people += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let found = actors::find(&body, &cast);
            t_find += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let tx = dateline::temporal::tag(&body, &a.context);
            t_tag += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let ctx = extract::TextContext { published: a.context.date, caption: None };
            let _ = extract::events_in_text(&body, &found, &tx, ctx);
            t_ext += t.elapsed().as_secs_f64();
        }
    }
    eprintln!(
        "stages: text {t_text:.3} s, people {t_people:.3} s, actors {t_find:.3} s, tag {t_tag:.3} s, events {t_ext:.3} s"
    );
}

fn main() {
    let mut copies = 400usize;
    let mut files = 8usize;
    let mut dir = std::path::PathBuf::from("data/samples");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--copies" => copies = args.next().and_then(|v| v.parse().ok()).unwrap_or(copies),
            "--files" => files = args.next().and_then(|v| v.parse().ok()).unwrap_or(files).max(1),
            "-h" | "--help" => {
                println!("dateline-events-bench [--copies N] [--files F] [DIR]");
                return;
            }
            other => dir = other.into(),
        }
    }
    // Lexicons and automata are built once per process: time that apart,
    // so that the throughput below is per article, not start-up.
    let t = Instant::now();
    dateline::lexicon::load_all();
    println!("start-up: lexicons and automata built in {:.3} s", t.elapsed().as_secs_f64());
    let manifest = dir.join("manifest.csv");
    let opts = InputOptions {
        inputs: vec![dir.display().to_string()],
        manifest: manifest.exists().then_some(manifest),
        published: None,
    };
    let read = match dateline::ingest::read(&opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("dateline-events-bench: {e}");
            std::process::exit(2);
        }
    };
    if read.articles.is_empty() {
        eprintln!("dateline-events-bench: no articles in {}", dir.display());
        std::process::exit(2);
    }
    let tmp = match tempfile::tempdir() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("dateline-events-bench: {e}");
            std::process::exit(2);
        }
    };
    let mut outs: Vec<std::io::BufWriter<std::fs::File>> = (0..files)
        .filter_map(|i| std::fs::File::create(tmp.path().join(format!("part-{i:03}.jsonl"))).ok())
        .map(std::io::BufWriter::new)
        .collect();
    let mut n = 0usize;
    for c in 0..copies {
        for a in &read.articles {
            let mut a = a.clone();
            a.id = format!("{}#copy{c}", a.id);
            if let Ok(line) = serde_json::to_string(&a) {
                let k = n % outs.len();
                let out = &mut outs[k];
                let _ = writeln!(out, "{line}");
                n += 1;
            }
        }
    }
    for o in &mut outs {
        let _ = o.flush();
    }
    drop(outs);
    if std::env::var_os("DATELINE_BENCH_STAGES").is_some() {
        stages(&read.articles, copies);
    }
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!(
        "articles: {n} ({} distinct × {copies} copies) in {files} JSONL files",
        read.articles.len()
    );
    for threads in [1, cores] {
        match run(tmp.path(), threads) {
            Ok((secs, bytes, mentions, entries)) => println!(
                "threads {threads}: {:.2} s, {:.1} MB of text, {:.2} MB/s, {mentions} event mentions, {entries} timeline entries, peak RSS {} MiB",
                secs,
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / secs,
                peak_rss_kib().unwrap_or(0) / 1024
            ),
            Err(e) => eprintln!("threads {threads}: {e}"),
        }
        if threads == cores {
            break;
        }
    }
}
