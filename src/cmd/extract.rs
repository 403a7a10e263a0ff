/*!
`dateline extract`: the streaming map step. JSONL articles on stdin, JSONL
events on stdout, diagnostics as JSON lines on stderr.

This is the step an engine such as Spark runs once per partition, so its
contract is strict and documented (README, "Scale"):

- **stdin**: one JSON object per line, read exactly as `build` reads a
  line of a `.jsonl` file ([`crate::ingest::read_json_record`]: `text`,
  `published`, `title`, `url`, `source` and their aliases, HTML fragments,
  the dateline place). The map step is stricter than `build` in two ways:
  a publication date is required, and so is an `id` (string or number) or a
  `url` to derive it from, since an id derived from the position would
  depend on how the input was split. A line that is a whole [`Article`] as
  `dateline articles --format jsonl` prints it is read back as is. Blank
  lines are skipped without a diagnostic but are counted as read.
- **stdout**: one [`Event`] per line (the model's JSON), articles in input
  order, events of one article in extraction order, nothing else.
- **stderr**: one JSON object per line, each written with a single write
  call so concurrent readers never see half a line. A diagnostic is
  `{"severity":S,"kind":K,"file":"-","line":N,"id":ID?,"field":F?,"message":M}`.
  Errors (`severity` `error`: the line was skipped) have `kind` `utf8`,
  `json`, `field` (a required field missing or no article text),
  `oversize`, `panic`, `io` or `limit`; warnings (`warning`: the article
  was kept) have `kind` `published` (an unreadable date: the article is
  kept undated, as `build` keeps it) or `article`. The last line is always
  the summary
  `{"summary":true,"read":R,"articles":A,"events":E,"errors":K,"warnings":W}`
  (except after a closed stdout, which is quiet): `read` counts every input
  line seen, `articles` those extracted, `errors` the lines skipped.
- **exit code**: 0 all input consumed (bad lines reported and skipped); 2
  usage error, before any input is read; 3 more than `--max-errors` bad
  lines (reading stops there); 4 an I/O error on stdin or stdout. A closed
  stdout (EPIPE, the reader went away) also exits 4 but writes nothing, not
  even the summary: the consumer is gone and the output is incomplete.

Throughput: lines are read in bounded batches (by count and bytes), each
batch is parsed, extracted and serialised in parallel (rayon) and written in
input order, so memory stays flat in the input size. A line longer than
`--max-line-bytes` is skipped without ever being held in memory whole.
*/

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::guard::{catch_quiet, install_panic_hook};
use crate::model::{Article, Event};

/// Options of `extract`.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Exit with code 3 once more than this many bad lines were seen.
    pub max_errors: Option<u64>,
    /// Lines longer than this many bytes are rejected.
    pub max_line_bytes: usize,
    /// Read data files from here instead of the embedded copies.
    pub data_dir: Option<PathBuf>,
}

/// The most lines held in memory at once.
const BATCH_LINES: usize = 1024;
/// The most bytes of input held in memory at once (a single line may still
/// be as long as `--max-line-bytes`).
const BATCH_BYTES: usize = 8 << 20;
/// Panic messages and other echoed text are cut to this many bytes, so a
/// diagnostic line stays well under a pipe's atomic write size.
const MAX_MESSAGE_BYTES: usize = 1000;

/// Run `extract` with the real event extractor; returns the exit code.
pub fn run(
    opts: &ExtractOptions,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    run_with(opts, input, out, err, &crate::events::extract)
}

/// Run `extract` with a given extractor in place of
/// [`crate::events::extract()`]: the streaming, ordering, error and panic
/// handling are the same. Used by tests and by programs embedding the step.
pub fn run_with(
    opts: &ExtractOptions,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    extractor: &(dyn Fn(&Article) -> Vec<Event> + Sync),
) -> u8 {
    if opts.max_line_bytes == 0 {
        write_line(err, &usage("--max-line-bytes must be at least 1"));
        return super::EXIT_USAGE;
    }
    if let Some(dir) = &opts.data_dir {
        if !dir.is_dir() {
            let msg = format!("--data-dir {}: not a directory", dir.display());
            write_line(err, &usage(&msg));
            return super::EXIT_USAGE;
        }
        // The first directory set in a process wins; a second call (only
        // possible when embedding) keeps the first.
        crate::lexicon::set_data_dir(dir.clone());
    }
    install_panic_hook();
    if let Some(dir) = &opts.data_dir {
        // Files from --data-dir are user input: parse them all now, so that
        // a malformed line is one usage error and not the same failure on
        // every record.
        if let Err(m) = catch_quiet(crate::lexicon::load_all) {
            write_line(err, &usage(&format!("--data-dir {}: {m}", dir.display())));
            return super::EXIT_USAGE;
        }
    }

    let mut input = BufReader::with_capacity(1 << 18, input);
    let mut out = BufWriter::with_capacity(1 << 18, out);
    let mut summary = Summary::default();
    let mut batch: Vec<(u64, RawLine)> = Vec::with_capacity(BATCH_LINES);
    let mut buf = Vec::new();
    let mut eof = false;

    while !eof {
        batch.clear();
        let mut bytes = 0;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            match read_line_bounded(&mut input, opts.max_line_bytes, &mut buf) {
                Ok(None) => {
                    eof = true;
                    break;
                }
                Ok(Some(raw)) => {
                    summary.read += 1;
                    bytes += raw.len();
                    batch.push((summary.read, raw));
                }
                Err(e) => {
                    // Write what was read before the error, then stop.
                    if let Err(code) =
                        process_batch(&batch, opts, &mut out, err, &mut summary, extractor)
                    {
                        return code;
                    }
                    let d =
                        LineDiagnostic::new("io", summary.read + 1, format!("reading stdin: {e}"));
                    summary.errors += 1;
                    write_line(err, &d);
                    return finish(&mut out, err, &summary, super::EXIT_IO);
                }
            }
        }
        if let Err(code) = process_batch(&batch, opts, &mut out, err, &mut summary, extractor) {
            return code;
        }
        // Flush per batch so a slow trickle of input still streams out.
        if let Err(e) = out.flush() {
            return output_failed(err, &summary, &e);
        }
    }
    finish(&mut out, err, &summary, super::EXIT_OK)
}

/// What one input line became.
enum RawLine {
    /// The line's bytes, without the newline (and without a final `\r`).
    Bytes(Vec<u8>),
    /// The line was longer than the limit; it had this many bytes.
    Oversize(u64),
}

impl RawLine {
    fn len(&self) -> usize {
        match self {
            RawLine::Bytes(b) => b.len(),
            RawLine::Oversize(_) => 0,
        }
    }
}

/// Read one line of at most `max` bytes (newline excluded). A longer line is
/// consumed without being kept and reported as [`RawLine::Oversize`].
/// `Ok(None)` at end of input.
fn read_line_bounded(
    r: &mut dyn BufRead,
    max: usize,
    buf: &mut Vec<u8>,
) -> io::Result<Option<RawLine>> {
    buf.clear();
    let limit = (max as u64).saturating_add(1);
    let n = (&mut *r).take(limit).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
    } else if buf.len() > max {
        // No newline within the limit: skip to the end of the line.
        let total = buf.len() as u64 + skip_line(r)?;
        buf.clear();
        if buf.capacity() > 1 << 20 {
            buf.shrink_to(1 << 20);
        }
        return Ok(Some(RawLine::Oversize(total)));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(RawLine::Bytes(std::mem::take(buf))))
}

/// Consume input up to and including the next newline without keeping it;
/// returns the bytes skipped, newline excluded.
fn skip_line(r: &mut dyn BufRead) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(skipped);
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                r.consume(i + 1);
                return Ok(skipped + i as u64);
            }
            None => {
                let n = chunk.len();
                r.consume(n);
                skipped += n as u64;
            }
        }
    }
}

/// The outcome of one line, computed in parallel.
#[derive(Default)]
struct Outcome {
    /// Serialised events, one per line.
    json: Vec<u8>,
    /// How many events.
    events: u64,
    /// True when an article was extracted.
    article: bool,
    /// The problem, when the line was skipped.
    diagnostic: Option<LineDiagnostic>,
    /// Problems with a kept article (an unreadable date, ...).
    warnings: Vec<LineDiagnostic>,
}

/// Process one batch in parallel and write its results in input order.
/// `Err(code)` means stop now with that exit code (everything already
/// reported).
fn process_batch(
    batch: &[(u64, RawLine)],
    opts: &ExtractOptions,
    out: &mut BufWriter<&mut dyn Write>,
    err: &mut dyn Write,
    summary: &mut Summary,
    extractor: &(dyn Fn(&Article) -> Vec<Event> + Sync),
) -> Result<(), u8> {
    let outcomes: Vec<Outcome> = batch
        .par_iter()
        .map(|(line, raw)| process_line(*line, raw, opts.max_line_bytes, extractor))
        .collect();
    for (outcome, (line, _)) in outcomes.into_iter().zip(batch) {
        if let Some(d) = outcome.diagnostic {
            summary.errors += 1;
            write_line(err, &d);
            if opts.max_errors.is_some_and(|max| summary.errors > max) {
                let msg = format!(
                    "more than {} bad lines (--max-errors); stopped at line {line}",
                    opts.max_errors.unwrap_or(0)
                );
                write_line(err, &LineDiagnostic::new("limit", *line, msg));
                // Only lines up to here count as read.
                summary.read = *line;
                return Err(finish(out, err, summary, super::EXIT_DATA_LIMIT));
            }
            continue;
        }
        for w in &outcome.warnings {
            write_line(err, w);
        }
        summary.warnings += outcome.warnings.len() as u64;
        if let Err(e) = out.write_all(&outcome.json) {
            return Err(output_failed(err, summary, &e));
        }
        summary.events += outcome.events;
        summary.articles += u64::from(outcome.article);
    }
    Ok(())
}

fn process_line(
    line: u64,
    raw: &RawLine,
    max: usize,
    extractor: &(dyn Fn(&Article) -> Vec<Event> + Sync),
) -> Outcome {
    let bytes = match raw {
        RawLine::Oversize(n) => {
            let msg = format!("line is {n} bytes, longer than --max-line-bytes {max}");
            return Outcome::failed(LineDiagnostic::new("oversize", line, msg));
        }
        RawLine::Bytes(b) => b,
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let msg = format!("invalid UTF-8 at byte {}", e.valid_up_to());
            return Outcome::failed(LineDiagnostic::new("utf8", line, msg));
        }
    };
    if text.trim().is_empty() {
        return Outcome::default();
    }
    let mut id = None;
    let result = catch_quiet(|| {
        let (article, warnings) = parse_article(text, line)?;
        id = Some(article.id.clone());
        let events = extractor(&article);
        let mut json = Vec::with_capacity(events.len() * 1024);
        for event in &events {
            serde_json::to_writer(&mut json, event).map_err(|e| {
                Box::new(LineDiagnostic::new("json", line, format!("cannot write event: {e}")))
            })?;
            json.push(b'\n');
        }
        Ok::<_, Box<LineDiagnostic>>(Outcome {
            json,
            events: events.len() as u64,
            article: true,
            diagnostic: None,
            warnings,
        })
    });
    match result {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(d)) => Outcome::failed(*d),
        Err(message) => {
            let mut d =
                LineDiagnostic::new("panic", line, format!("extraction panicked: {message}"));
            d.id = id;
            Outcome::failed(d)
        }
    }
}

impl Outcome {
    fn failed(d: LineDiagnostic) -> Self {
        Outcome { diagnostic: Some(d), ..Outcome::default() }
    }
}

/// The keys of a record `extract` checks itself; everything else is read by
/// [`crate::ingest::read_json_record`].
#[derive(Deserialize)]
struct Keys {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    paragraphs: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    context: Option<serde::de::IgnoredAny>,
}

/// Build the article of one JSONL record, as `build` reads a line of a
/// `.jsonl` file ([`crate::ingest::read_json_record`]), with origin file `-`
/// at this line. On top of what `build` accepts, a flat record must give a
/// publication date and an `id` or a URL (an id derived from a position
/// would depend on how the input was split). Returns the article and the
/// warnings on it, or why the line is skipped.
pub fn article_from_json(line_text: &str, line: u64) -> Result<Article, String> {
    parse_article(line_text, line).map(|(a, _)| a).map_err(|d| d.message)
}

fn parse_article(
    text: &str,
    line: u64,
) -> Result<(Article, Vec<LineDiagnostic>), Box<LineDiagnostic>> {
    let keys: Keys = serde_json::from_str(text)
        .map_err(|e| Box::new(LineDiagnostic::new("json", line, format!("bad JSON: {e}"))))?;
    let n = line as usize;
    let (article, diags) = crate::ingest::read_json_record(text, "-", n.saturating_sub(1), n)
        .map_err(|why| {
            let kind = if why.starts_with("no article text") { "field" } else { "json" };
            Box::new(LineDiagnostic::new(kind, line, clip(&why).into_owned()))
        })?;
    let readback = keys.paragraphs.is_some() && keys.context.is_some() && keys.id.is_some();
    let missing = |field: &'static str, message: &str| {
        let mut d = LineDiagnostic::new("field", line, message.to_string());
        d.field = Some(field);
        d.id = keys.id.is_some().then(|| article.id.clone());
        Box::new(d)
    };
    let id_ok = match &keys.id {
        Some(serde_json::Value::String(s)) => !s.trim().is_empty(),
        Some(serde_json::Value::Number(_)) => true,
        Some(serde_json::Value::Null) | None => false,
        Some(_) => return Err(missing("id", "field `id` must be a string or a number")),
    };
    if readback && article.id.trim().is_empty() {
        return Err(missing("id", "missing field `id`"));
    }
    if !readback {
        if !id_ok && article.context.url.is_none() {
            return Err(missing("id", "missing field `id` (and no `url` to derive one from)"));
        }
        let date_problem = diags.iter().any(|d| d.field.as_deref().is_some_and(is_date_field));
        if article.context.date.is_none() && !date_problem {
            return Err(missing("published", "missing field `published` (the publication date)"));
        }
    }
    let warnings = diags
        .into_iter()
        .map(|d| {
            let kind =
                if d.field.as_deref().is_some_and(is_date_field) { "published" } else { "article" };
            LineDiagnostic {
                severity: "warning",
                kind,
                file: "-".into(),
                line: Some(line),
                id: Some(article.id.clone()),
                field: None,
                message: clip(&d.to_string()).into_owned(),
            }
        })
        .collect();
    Ok((article, warnings))
}

/// True for the names a publication date is read from.
fn is_date_field(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("publish") || n.contains("date") || n.contains("pub")
}

/// A diagnostic line on stderr (see the module docs for the schema).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LineDiagnostic {
    pub(crate) severity: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) field: Option<&'static str>,
    pub(crate) message: String,
}

impl LineDiagnostic {
    pub(crate) fn new(kind: &'static str, line: u64, message: String) -> Self {
        LineDiagnostic {
            severity: "error",
            kind,
            file: "-".into(),
            line: Some(line),
            id: None,
            field: None,
            message,
        }
    }
}

fn usage(message: &str) -> LineDiagnostic {
    LineDiagnostic {
        severity: "error",
        kind: "usage",
        file: "-".into(),
        line: None,
        id: None,
        field: None,
        message: message.into(),
    }
}

/// Counts for the summary line.
#[derive(Debug, Default, Clone, Copy, Serialize)]
struct Summary {
    summary: bool,
    read: u64,
    articles: u64,
    events: u64,
    errors: u64,
    warnings: u64,
}

/// Flush, write the summary, return `code` (or 4 when the flush fails).
fn finish(
    out: &mut BufWriter<&mut dyn Write>,
    err: &mut dyn Write,
    summary: &Summary,
    code: u8,
) -> u8 {
    if let Err(e) = out.flush() {
        return output_failed(err, summary, &e);
    }
    let summary = Summary { summary: true, ..*summary };
    write_line(err, &summary);
    code
}

/// Writing stdout failed: quiet when the reader went away, reported
/// otherwise. Either way exit code 4.
fn output_failed(err: &mut dyn Write, summary: &Summary, e: &io::Error) -> u8 {
    if e.kind() != io::ErrorKind::BrokenPipe {
        let mut d = LineDiagnostic::new("io", summary.read, format!("writing stdout: {e}"));
        d.line = None;
        write_line(err, &d);
        write_line(err, &Summary { summary: true, errors: summary.errors + 1, ..*summary });
    }
    super::EXIT_IO
}

/// Serialise `value` as one line and write it with one call, so a reader of
/// a shared stderr never sees half of it.
pub(crate) fn write_line(err: &mut dyn Write, value: &impl Serialize) {
    let mut line = match serde_json::to_vec(value) {
        Ok(v) => v,
        Err(_) => return,
    };
    line.push(b'\n');
    let _ = err.write_all(&line);
    let _ = err.flush();
}

/// Cut a message to [`MAX_MESSAGE_BYTES`] on a char boundary.
pub(crate) fn clip(s: &str) -> Cow<'_, str> {
    if s.len() <= MAX_MESSAGE_BYTES {
        return Cow::Borrowed(s);
    }
    let mut end = MAX_MESSAGE_BYTES;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    Cow::Owned(format!("{}…", &s[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8], max: usize) -> Vec<Result<Vec<u8>, u64>> {
        let mut r = io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        while let Some(raw) = read_line_bounded(&mut r, max, &mut buf).unwrap() {
            lines.push(match raw {
                RawLine::Bytes(b) => Ok(b),
                RawLine::Oversize(n) => Err(n),
            });
        }
        lines
    }

    #[test]
    fn bounded_reader_splits_lines_and_skips_long_ones() {
        let got = read_all(b"ab\r\n0123456789\nxyz\n\nlast", 5);
        assert_eq!(
            got,
            vec![
                Ok(b"ab".to_vec()),
                Err(10),
                Ok(b"xyz".to_vec()),
                Ok(vec![]),
                Ok(b"last".to_vec())
            ]
        );
    }

    #[test]
    fn a_line_of_exactly_the_limit_is_kept() {
        assert_eq!(read_all(b"12345\n123456\n", 5), vec![Ok(b"12345".to_vec()), Err(6)]);
    }

    #[test]
    fn article_fields_come_from_the_record() {
        let a = article_from_json(
            r#"{"id":7,"published":"2025-03-14","text":"A.\n\nB.","title":"T","url":"https://x/1","source":"S","extra":1}"#,
            3,
        )
        .unwrap();
        assert_eq!(a.id, "7");
        assert_eq!(a.title, "T");
        assert_eq!(a.paragraphs, vec!["A.", "B."]);
        assert_eq!(a.context.date, chrono::NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(a.context.url.as_deref(), Some("https://x/1"));
        assert_eq!(a.context.source.as_deref(), Some("S"));
        assert_eq!(a.origin, crate::model::Origin { file: "-".into(), index: 2, line: Some(3) });
    }

    #[test]
    fn a_whole_article_is_taken_as_is() {
        let a = Article {
            id: "x".into(),
            title: "T".into(),
            paragraphs: vec!["One.\n\nnot split".into(), "Two.".into()],
            captions: vec![crate::model::Caption { text: "C".into(), date: None }],
            origin: crate::model::Origin { file: "a.txt".into(), index: 1, line: Some(2) },
            ..Article::default()
        };
        let line = serde_json::to_string(&a).unwrap();
        assert_eq!(article_from_json(&line, 9).unwrap(), a);
        let empty = Article { id: " ".into(), ..Article::default() };
        let e = article_from_json(&serde_json::to_string(&empty).unwrap(), 1).unwrap_err();
        assert!(e.contains("`id`"), "{e}");
    }

    #[test]
    fn missing_fields_are_named() {
        let e = article_from_json(r#"{"id":"a","text":"x"}"#, 1).unwrap_err();
        assert!(e.contains("`published`"), "{e}");
        let e = article_from_json(r#"{"published":"2025-01-01","text":"x"}"#, 1).unwrap_err();
        assert!(e.contains("`id`"), "{e}");
        let e =
            article_from_json(r#"{"id":[1],"published":"2025-01-01","text":"x"}"#, 1).unwrap_err();
        assert!(e.contains("string or a number"), "{e}");
        // A URL stands in for the id (build derives the id from it).
        let a =
            article_from_json(r#"{"url":"https://x/a","published":"2025-01-01","text":"x"}"#, 1);
        assert!(a.is_ok(), "{a:?}");
        let e =
            article_from_json(r#"{"id":"a","published":"2025-01-01","title":"t"}"#, 1).unwrap_err();
        assert!(e.contains("no article text"), "{e}");
    }

    #[test]
    fn clip_respects_char_boundaries() {
        let s = "é".repeat(MAX_MESSAGE_BYTES);
        let c = clip(&s);
        assert!(c.len() <= MAX_MESSAGE_BYTES + "…".len());
        assert!(c.ends_with('…'));
    }
}
