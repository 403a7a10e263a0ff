//! Reading the inputs a batch at a time, so that a caller can drop the
//! articles of one batch before the next is read: memory then follows the
//! batch, not everything read.
//!
//! A batch is the articles of a few files read in parallel, or a slice of
//! the records of a large JSONL file, which is read line by line (never held
//! whole). Each batch is settled in input order as [`super::read`] settles
//! all articles at once (manifest rows, unique ids, the `--published`
//! default), and the diagnostics are gathered and returned in the order
//! `read` gives them; `read` itself collects these batches, so both give the
//! same articles.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{
    apply_manifest_file, diag, finalize, format_by_extension, json, plan, read_source, settle_date,
    unused_rows, FileRead, Format, IdSet, Manifest, Source,
};
use crate::cmd::InputOptions;
use crate::model::{Article, Diagnostic, PubContext, Severity};
use crate::Result;

/// Files read (in parallel) per batch when streaming.
const FILES_PER_BATCH: usize = 64;
/// JSONL records per batch when streaming a JSONL file.
const RECORDS_PER_BATCH: usize = 512;
/// Read buffer for JSONL files.
const READ_BUFFER: usize = 1 << 20;

/// What [`read_each`] reports once every article was handed over.
#[derive(Debug, Default)]
pub struct ReadSummary {
    /// Articles handed over.
    pub articles: usize,
    /// Problems, each once, in the order [`super::read`] gives them.
    pub diagnostics: Vec<Diagnostic>,
}

impl ReadSummary {
    /// True when some input was lost or skipped (an error diagnostic).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// How sources are grouped into batches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Batching {
    /// Every file in one parallel read, one batch (what `read` does).
    Whole,
    /// A few files per batch; large JSONL files record by record.
    Stream,
}

/// Read every article the inputs name, like [`super::read`], but hand them
/// to `sink` a batch at a time, in input order, instead of holding them all:
/// the caller processes and drops each batch, so memory stays proportional
/// to a batch (a few files, or a few hundred records of a JSONL file).
/// Bad files and records become diagnostics, returned at the end with the
/// number of articles handed over.
///
/// # Errors
///
/// As [`super::read`]: [`crate::ErrorKind::Usage`] for an unreadable
/// manifest or a bad `--published`, before any article is read.
#[allow(clippy::result_large_err)] // see meta::parse_published
pub fn read_each(opts: &InputOptions, sink: &mut dyn FnMut(Vec<Article>)) -> Result<ReadSummary> {
    read_batches(opts, Batching::Stream, sink)
}

#[allow(clippy::result_large_err)] // see meta::parse_published
pub(super) fn read_batches(
    opts: &InputOptions,
    batching: Batching,
    sink: &mut dyn FnMut(Vec<Article>),
) -> Result<ReadSummary> {
    let plan = plan(opts)?;
    let mut settle = Settle::new(plan.manifest.as_ref(), plan.default_ctx.as_ref());
    let sources = &plan.sources;
    let group = match batching {
        Batching::Whole => usize::MAX,
        Batching::Stream => FILES_PER_BATCH,
    };
    let streams =
        |s: &Source| batching == Batching::Stream && streamable(s, plan.manifest.as_ref());
    let mut i = 0;
    while i < sources.len() {
        if streams(&sources[i]) && stream_jsonl(&sources[i], &mut settle, sink) {
            i += 1;
            continue;
        }
        // This source and the next ones that do not stream, read in parallel.
        let mut j = i + 1;
        while j < sources.len() && j - i < group && !streams(&sources[j]) {
            j += 1;
        }
        let files: Vec<FileRead> = sources[i..j].par_iter().map(read_source).collect();
        let mut batch = Vec::with_capacity(files.iter().map(|f| f.articles.len()).sum());
        for f in files {
            batch.extend(settle.file(f));
        }
        if !batch.is_empty() {
            sink(batch);
        }
        i = j;
    }
    Ok(settle.finish(plan.diagnostics))
}

/// The settling of articles in input order, and the diagnostics gathered
/// in the order `read` reports them: files in order, then manifest rows
/// applied (by file path), then unused rows, then articles without a date.
struct Settle<'a> {
    manifest: Option<&'a Manifest>,
    manifest_shown: String,
    used: Vec<bool>,
    read_files: BTreeSet<PathBuf>,
    file_diags: Vec<Diagnostic>,
    applied: BTreeMap<PathBuf, Vec<Diagnostic>>,
    undated: Vec<Diagnostic>,
    ids: IdSet,
    default_ctx: Option<&'a PubContext>,
    count: usize,
}

impl<'a> Settle<'a> {
    fn new(manifest: Option<&'a Manifest>, default_ctx: Option<&'a PubContext>) -> Self {
        Settle {
            manifest,
            manifest_shown: manifest.map(|m| super::inputs::clean(&m.path)).unwrap_or_default(),
            used: vec![false; manifest.map_or(0, |m| m.rows.len())],
            read_files: BTreeSet::new(),
            file_diags: Vec::new(),
            applied: BTreeMap::new(),
            undated: Vec::new(),
            ids: IdSet::default(),
            default_ctx,
            count: 0,
        }
    }

    /// Settle the articles of one whole file.
    fn file(&mut self, f: FileRead) -> Vec<Article> {
        self.file_diags.extend(f.diagnostics);
        let mut articles = f.articles;
        if let Some(c) = f.canonical {
            if let Some(m) = self.manifest {
                let d = self.applied.entry(c.clone()).or_default();
                apply_manifest_file(m, &self.manifest_shown, &c, &mut articles, &mut self.used, d);
            }
            self.read_files.insert(c);
        }
        self.articles(&mut articles);
        articles
    }

    /// Give articles (the manifest already applied) unique ids and the
    /// default date.
    fn articles(&mut self, articles: &mut [Article]) {
        for a in articles.iter_mut() {
            self.ids.settle(a);
            if let Some(d) = settle_date(a, self.default_ctx) {
                self.undated.push(d);
            }
        }
        self.count += articles.len();
    }

    fn finish(self, mut diagnostics: Vec<Diagnostic>) -> ReadSummary {
        diagnostics.extend(self.file_diags);
        for d in self.applied.into_values() {
            diagnostics.extend(d);
        }
        if let Some(m) = self.manifest {
            unused_rows(m, &self.manifest_shown, &self.used, &self.read_files, &mut diagnostics);
        }
        diagnostics.extend(self.undated);
        ReadSummary { articles: self.count, diagnostics }
    }
}

/// A `.jsonl`/`.ndjson` file no manifest row names (a row may need the
/// file's article count, known only at its end).
fn streamable(src: &Source, manifest: Option<&Manifest>) -> bool {
    let Source::File { path, canonical } = src else { return false };
    format_by_extension(path) == Some(Format::Jsonl)
        && !manifest
            .is_some_and(|m| m.rows.iter().any(|r| r.canonical.as_deref() == Some(canonical)))
}

/// True when the file at `path` is text the whole-file reader would take
/// as is: no byte-order mark, no binary signature or NUL byte in its first
/// 8 KiB, valid UTF-8 throughout, and not blank. Any other file goes
/// through the whole-file reader, which decodes it and says how.
fn plain_utf8(path: &Path) -> bool {
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    let mut head = Vec::with_capacity(8192);
    if (&mut f).take(8192).read_to_end(&mut head).is_err() {
        return false;
    }
    if head.starts_with(b"\xEF\xBB\xBF")
        || head.starts_with(b"\xFF\xFE")
        || head.starts_with(b"\xFE\xFF")
        || super::decode::binary_kind(&head).is_some()
    {
        return false;
    }
    let Ok(f) = std::fs::File::open(path) else { return false };
    let mut reader = BufReader::with_capacity(READ_BUFFER, f);
    let mut line = Vec::new();
    let mut blank = true;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return !blank,
            Ok(_) => {}
            Err(_) => return false,
        }
        // A line break never splits a UTF-8 sequence, so lines validate
        // as the whole file does.
        match std::str::from_utf8(&line) {
            Ok(s) => blank &= s.trim().is_empty(),
            Err(_) => return false,
        }
    }
}

/// One non-blank JSONL line: its 1-based line number, record index and
/// text.
struct RawRecord {
    line: usize,
    record: usize,
    text: String,
}

/// What one JSONL record gives: an article with its diagnostics, or why the
/// line is no article.
type RecordRead = std::result::Result<(Article, Vec<Diagnostic>), Diagnostic>;

fn parse_records(raw: &[RawRecord], shown: &str) -> Vec<RecordRead> {
    raw.par_iter()
        .map(|r| match json::read_line(r.text.trim()) {
            Ok(mut d) => {
                d.line = Some(r.line);
                Ok(finalize(d, shown, r.record))
            }
            Err(why) => Err(diag(Severity::Error, shown, Some(r.line), None, why)),
        })
        .collect()
}

/// Stream a JSONL file record by record, as the whole-file reader would
/// read it; false (nothing read) when the file is not plain UTF-8 text, to
/// be read whole instead.
fn stream_jsonl(src: &Source, settle: &mut Settle, sink: &mut dyn FnMut(Vec<Article>)) -> bool {
    let Source::File { path, canonical } = src else { return false };
    if !plain_utf8(path) {
        return false;
    }
    let Ok(f) = std::fs::File::open(path) else { return false };
    let shown = src.display();
    let mut reader = BufReader::with_capacity(READ_BUFFER, f);
    // The whole-file reader reports every bad line first, then the
    // problems of each article.
    let mut line_errors: Vec<Diagnostic> = Vec::new();
    let mut article_diags: Vec<Diagnostic> = Vec::new();
    let mut articles = 0usize;
    let mut raw: Vec<RawRecord> = Vec::with_capacity(RECORDS_PER_BATCH);
    let (mut line_no, mut record) = (0usize, 0usize);
    let mut buf = Vec::new();
    let mut flush = |raw: &mut Vec<RawRecord>,
                     settle: &mut Settle,
                     line_errors: &mut Vec<Diagnostic>,
                     article_diags: &mut Vec<Diagnostic>| {
        let mut batch = Vec::with_capacity(raw.len());
        for r in parse_records(raw, &shown) {
            match r {
                Ok((a, d)) => {
                    article_diags.extend(d);
                    batch.push(a);
                }
                Err(d) => line_errors.push(d),
            }
        }
        raw.clear();
        settle.articles(&mut batch);
        articles += batch.len();
        if !batch.is_empty() {
            sink(batch);
        }
    };
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                // Unlike a whole-file read, the records before the failure
                // were already handed over; say where reading stopped.
                line_errors.push(diag(
                    Severity::Error,
                    &shown,
                    Some(line_no + 1),
                    None,
                    format!("cannot read further: {e}"),
                ));
                break;
            }
        }
        line_no += 1;
        let text = String::from_utf8_lossy(&buf);
        if text.trim().is_empty() {
            continue;
        }
        raw.push(RawRecord { line: line_no, record, text: text.into_owned() });
        record += 1;
        if raw.len() == RECORDS_PER_BATCH {
            flush(&mut raw, settle, &mut line_errors, &mut article_diags);
        }
    }
    flush(&mut raw, settle, &mut line_errors, &mut article_diags);
    let no_article = articles == 0 && line_errors.is_empty();
    settle.file_diags.extend(line_errors);
    if no_article {
        settle.file_diags.push(diag(
            Severity::Error,
            &shown,
            None,
            None,
            "no article found in this file".into(),
        ));
    }
    settle.file_diags.extend(article_diags);
    settle.read_files.insert(canonical.clone());
    true
}
