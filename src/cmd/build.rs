//! `dateline build`: the whole job, articles in, site out (CSV, HTML, JSON,
//! TimelineJS JSON), written atomically.
//!
//! `build` and `render` end in the same function (`write_outputs`), so
//! `extract | merge | render` writes byte for byte what `build` writes.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::{InputOptions, EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::export::write::{write_site_merged, SiteOptions, SiteReport};
use crate::model::{Diagnostic, Severity};
use crate::timeline::Merged;

/// Options shared by `build` and `render`: how the site is written.
#[derive(Debug, Clone, Default)]
pub struct OutputOptions {
    /// Output directory (default `site/`).
    pub out: PathBuf,
    /// Write a UTF-8 BOM at the start of the CSV, for Excel.
    pub excel: bool,
    /// Put the build time in the outputs (off by default, so rebuilds are
    /// byte-identical).
    pub stamp: bool,
    /// Say more on stderr.
    pub verbose: bool,
    /// Say nothing on stderr but errors.
    pub quiet: bool,
}

/// Options of `build`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Where articles come from (default: `data/samples/`).
    pub input: InputOptions,
    /// How the site is written.
    pub output: OutputOptions,
}

/// The sample articles `build` reads when given no input.
pub const DEFAULT_INPUT: &str = "data/samples";

/// Run `build`; returns the exit code.
pub fn run(opts: &BuildOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let _ = out;
    let started = Instant::now();
    let input = match default_input(&opts.input) {
        Ok(i) => i,
        Err(msg) => {
            let _ = writeln!(err, "dateline build: {msg}");
            return EXIT_USAGE;
        }
    };
    let progress = Progress::start(!opts.output.quiet);
    progress.stage("reading articles, extracting and merging events");
    // Articles stream through: each batch is read, tagged and extracted in
    // parallel, its events merged, and the batch dropped, so memory follows
    // the events kept, not the text read.
    super::guard::install_panic_hook();
    let mut merger = crate::timeline::Merger::new();
    let mut failures = Vec::new();
    let mut extracting = Duration::ZERO;
    let read = crate::ingest::read_each(&input, &mut |batch| {
        let t = Instant::now();
        let events: Vec<_> = batch.par_iter().map(super::guard::extract_events).collect();
        drop(batch);
        for result in events {
            match result {
                Ok(events) => events.into_iter().for_each(|ev| merger.add_event(ev)),
                Err(d) => failures.push(d),
            }
        }
        extracting += t.elapsed();
    });
    let read = match read {
        Ok(r) => r,
        Err(e) => {
            progress.finish();
            let _ = writeln!(err, "dateline build: {e}");
            return EXIT_USAGE;
        }
    };
    let mut diagnostics = read.diagnostics;
    diagnostics.append(&mut failures);
    let failed = report_diagnostics(&diagnostics, &opts.output, &progress, err);
    if opts.output.verbose {
        progress.println(
            err,
            &format!(
                "read {} articles in {} ms (of which extracting events {} ms)",
                read.articles,
                started.elapsed().as_millis(),
                extracting.as_millis()
            ),
        );
    }
    let t = Instant::now();
    let merged = merger.finish();
    if opts.output.verbose {
        progress.println(
            err,
            &format!("{} timeline entries in {} ms", merged.len(), t.elapsed().as_millis()),
        );
    }
    let read_label = count(read.articles, "article read", "articles read");
    write_outputs(merged, &read_label, failed, &opts.output, &progress, err)
}

/// Fill in the default input: with no INPUT, the samples in `data/samples/`
/// and their manifest (see [`crate::ingest::default_inputs`]).
fn default_input(given: &InputOptions) -> Result<InputOptions, String> {
    if !given.inputs.is_empty() {
        return Ok(given.clone());
    }
    let default = crate::ingest::default_inputs();
    if !default.inputs.iter().all(|d| Path::new(d).is_dir()) {
        return Err(format!(
            "no input given and the sample folder {DEFAULT_INPUT}/ is not here; \
             name the article files or folders to build from"
        ));
    }
    Ok(InputOptions {
        inputs: default.inputs,
        manifest: given.manifest.clone().or(default.manifest),
        published: given.published.clone(),
    })
}

/// Print each diagnostic on stderr (warnings only unless quiet); true when
/// one of them is an error, i.e. some input was lost.
pub(crate) fn report_diagnostics(
    diagnostics: &[Diagnostic],
    opts: &OutputOptions,
    progress: &Progress,
    err: &mut dyn Write,
) -> bool {
    let mut failed = false;
    for d in diagnostics {
        let is_error = d.severity == Severity::Error;
        failed |= is_error;
        if is_error || !opts.quiet {
            progress.println(err, &d.to_string());
        }
    }
    failed
}

/// Write the site for the merged entries (streamed, see
/// [`write_site_merged`], so memory stays the merge's) and print the one-line
/// summary; the end of both `build` and `render`. `read_label` says what was read ("12 articles
/// read"); `failed` is true when some input was lost. Returns the exit code.
pub(crate) fn write_outputs(
    merged: Merged,
    read_label: &str,
    failed: bool,
    opts: &OutputOptions,
    progress: &Progress,
    err: &mut dyn Write,
) -> u8 {
    progress.stage("writing the site");
    let t = Instant::now();
    let site =
        SiteOptions { excel: opts.excel, stamp: opts.stamp.then(stamp), title: String::new() };
    let result = write_site_merged(&opts.out, merged, &site);
    progress.finish();
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "dateline: {e}");
            let _ =
                writeln!(err, "dateline: the site in {} was left as it was", opts.out.display());
            return EXIT_USAGE;
        }
    };
    if opts.verbose {
        for f in &report.files {
            let _ = writeln!(
                err,
                "  {:<16} {:>10} bytes  {}",
                f.name,
                f.bytes,
                if f.changed { "written" } else { "unchanged" }
            );
        }
        let _ = writeln!(err, "wrote the site in {} ms", t.elapsed().as_millis());
    }
    if !opts.quiet {
        let _ = writeln!(err, "{}", summary(read_label, &report, failed, &opts.out));
    }
    if failed {
        EXIT_INPUT_FAILED
    } else {
        EXIT_OK
    }
}

/// "dateline: 12 articles read, 10 events (3 new, 1 changed, 0 removed) →
/// site/".
fn summary(read_label: &str, r: &SiteReport, failed: bool, dir: &Path) -> String {
    let changes = if r.first_build {
        "first build".to_string()
    } else {
        format!("{} new, {} changed, {} removed", r.new, r.changed, r.removed)
    };
    format!(
        "dateline: {read_label}, {} ({changes}) → {}{}",
        count(r.events, "event", "events"),
        dir.display(),
        if failed { "; some inputs failed (see above)" } else { "" }
    )
}

pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The build time for `--stamp`: `SOURCE_DATE_EPOCH` when set (the
/// reproducible-builds convention), else the clock; UTC, to the second.
fn stamp() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// A spinner on stderr naming the current stage, shown only on a terminal
/// and only once a run has lasted long enough to need one.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

/// How long a run goes before the spinner appears.
const PROGRESS_DELAY: Duration = Duration::from_millis(700);

impl Progress {
    /// A spinner when `wanted` and stderr is a terminal; else nothing.
    pub(crate) fn start(wanted: bool) -> Progress {
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            bar.set_style(style);
        }
        let shown = Arc::new(bar.clone());
        std::thread::spawn(move || {
            std::thread::sleep(PROGRESS_DELAY);
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Progress { bar: Some(bar) }
    }

    /// Name the current stage.
    pub(crate) fn stage(&self, msg: &'static str) {
        if let Some(b) = &self.bar {
            b.set_message(msg);
        }
    }

    /// Print a line without tearing the spinner.
    pub(crate) fn println(&self, err: &mut dyn Write, line: &str) {
        match &self.bar {
            Some(b) if !b.is_hidden() => b.suspend(|| {
                let _ = writeln!(err, "{line}");
            }),
            _ => {
                let _ = writeln!(err, "{line}");
            }
        }
    }

    /// Remove the spinner.
    pub(crate) fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_names_reads_events_and_changes() {
        let r = SiteReport { events: 10, new: 3, changed: 1, removed: 2, ..SiteReport::default() };
        assert_eq!(
            summary("12 articles read", &r, false, Path::new("site")),
            "dateline: 12 articles read, 10 events (3 new, 1 changed, 2 removed) → site"
        );
        let first = SiteReport { events: 1, new: 1, first_build: true, ..SiteReport::default() };
        assert!(summary("1 article read", &first, true, Path::new("out"))
            .ends_with("1 event (first build) → out; some inputs failed (see above)"));
    }

    #[test]
    fn stamp_honours_source_date_epoch_format() {
        let s = stamp();
        assert_eq!(s.len(), 20, "{s}");
        assert!(s.ends_with('Z'));
    }
}
