//! Reading articles: files, folders, globs and stdin; scraped text dumps, front
//! matter, JSON/JSONL, HTML; a manifest; the publication context of each.
//!
//! [`read`] is the entry point. It never stops at a bad file: every problem
//! becomes a [`Diagnostic`] (once, with the file and the line or record it
//! concerns) and the other files are still read. Only usage errors (an
//! unreadable manifest, a bad `--published`) make it fail.
//!
//! Each format lives in its own module: [`text`](self) for plain text and
//! multi-article scrape dumps, `frontmatter` for `---`/`+++` blocks, `json`
//! for JSON and JSONL, `html` for saved web pages, `manifest` for the CSV
//! manifest, `meta` for publication dates, `decode` for the encoding policy
//! and `inputs` for expanding folders and globs.
//!
//! **Article ids** are stable: a short BLAKE3 hex of the URL when one is known,
//! else of the file's last two path components and the article's position in
//! it (index within a dump, array or JSONL record number). They never depend on
//! run order or on the folder dateline was started from.
//!
//! **Publication date**, in order: the article's own metadata (front matter,
//! JSON fields, HTML meta/JSON-LD/`<time>`/URL/byline, a `Published:` header
//! line), then the manifest, then `--published`. An article left without one
//! gets a warning: its relative dates stay unresolved.
//!
//! **Diagnostics**: [`ReadResult::diagnostics`] holds every problem once; the
//! ones about a single article are also copied into that article's own
//! `diagnostics`, so they travel with it.

mod decode;
mod frontmatter;
mod html;
mod inputs;
mod json;
mod manifest;
mod meta;
mod prose;
mod stream;
mod text;
#[cfg(test)]
pub(crate) use text::dateline as agency_dateline;

use std::path::{Path, PathBuf};

use crate::cmd::InputOptions;
use crate::model::{Article, Caption, Diagnostic, Origin, PubContext, Severity};
use crate::{Error, ErrorKind, Result};

pub use meta::parse_published;
pub use stream::{read_each, ReadSummary};

use inputs::Source;
use manifest::{title_key, Manifest};

/// Parse the ingest stage's data files now (see [`crate::lexicon::load_all`]).
pub(crate) fn load_lexicons() {
    text::load_lexicons();
    prose::load_lexicon();
    std::sync::LazyLock::force(&html::NOISE);
    std::sync::LazyLock::force(&html::DATE_META);
}

/// What reading the inputs gave: every good article, and every problem.
#[derive(Debug, Default)]
pub struct ReadResult {
    /// Articles, in input order (files sorted, position within a file).
    pub articles: Vec<Article>,
    /// Problems, each once, with file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl ReadResult {
    /// True when some input was lost or skipped (an error diagnostic), so
    /// the command should exit with code 1.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// The inputs commands use when the user gives none: the sample articles in
/// `data/samples/` with `data/samples/manifest.csv` as manifest (when it
/// exists), looked up in the current folder first, then in the source tree
/// dateline was built from.
pub fn default_inputs() -> InputOptions {
    let local = Path::new("data/samples");
    let dir = if local.is_dir() {
        local.to_path_buf()
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples")
    };
    let manifest = dir.join("manifest.csv");
    InputOptions {
        inputs: vec![dir.to_string_lossy().into_owned()],
        manifest: manifest.is_file().then_some(manifest),
        published: None,
    }
}

/// An article as a format reader found it, before ids, dates and the
/// manifest are settled.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    pub title: String,
    pub paragraphs: Vec<String>,
    pub captions: Vec<Caption>,
    /// (field name, raw value) of the publication date.
    pub published: Option<(String, String)>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub place: Option<String>,
    /// 1-based line where the article starts.
    pub line: Option<usize>,
    /// An id kept from an earlier dateline run.
    pub id: Option<String>,
    /// A context kept from an earlier dateline run.
    pub context: Option<PubContext>,
    /// Where an earlier dateline run read it from.
    pub origin: Option<Origin>,
    /// Diagnostics an earlier dateline run attached (not reported again).
    pub carried: Vec<Diagnostic>,
    /// Warnings (line, message) about this article.
    pub warnings: Vec<(Option<usize>, String)>,
}

impl Draft {
    fn from_article(a: Article) -> Draft {
        Draft {
            title: a.title,
            paragraphs: a.paragraphs,
            captions: a.captions,
            url: a.context.url.clone(),
            source: a.context.source.clone(),
            place: a.context.place.clone(),
            id: (!a.id.is_empty()).then_some(a.id),
            context: Some(a.context),
            origin: (!a.origin.file.is_empty()).then_some(a.origin),
            carried: a.diagnostics,
            ..Draft::default()
        }
    }
}

/// The format a file is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Jsonl,
    Html,
}

fn format_by_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::Jsonl,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "txt" | "text" | "md" | "markdown" => Format::Text,
        _ => return None,
    })
}

fn sniff(text: &str) -> Format {
    let head = text.trim_start();
    let low: String = head.chars().take(200).collect::<String>().to_ascii_lowercase();
    if low.starts_with("<!doctype html")
        || low.starts_with("<html")
        || low.starts_with("<?xml") && low.contains("<html")
    {
        return Format::Html;
    }
    if low.starts_with('<')
        && (low.contains("<head")
            || low.contains("<body")
            || low.contains("<meta")
            || low.contains("<article"))
    {
        return Format::Html;
    }
    if head.starts_with('{') && json::looks_like_jsonl(head) {
        return Format::Jsonl;
    }
    if head.starts_with('{') || head.starts_with('[') {
        return Format::Json;
    }
    Format::Text
}

/// Articles and problems of one file.
#[derive(Default)]
struct FileRead {
    articles: Vec<Article>,
    diagnostics: Vec<Diagnostic>,
    canonical: Option<PathBuf>,
}

fn diag(
    sev: Severity,
    file: &str,
    line: Option<usize>,
    field: Option<&str>,
    msg: String,
) -> Diagnostic {
    Diagnostic {
        severity: sev,
        file: Some(file.to_string()),
        line,
        field: field.map(str::to_string),
        message: msg,
    }
}

/// Read every article the inputs name. Fails only on usage errors (an
/// unreadable manifest, a bad `--published`); bad files become diagnostics.
///
/// Holds every article in memory; [`read_each`] hands them over a batch at
/// a time instead, with the same articles and diagnostics.
///
/// # Errors
///
/// [`ErrorKind::Usage`] for an unreadable manifest or a `--published` value
/// that is not a date.
#[allow(clippy::result_large_err)] // see meta::parse_published
pub fn read(opts: &InputOptions) -> Result<ReadResult> {
    let mut articles = Vec::new();
    let diagnostics =
        stream::read_batches(opts, stream::Batching::Whole, &mut |batch| articles.extend(batch))?
            .diagnostics;
    Ok(ReadResult { articles, diagnostics })
}

/// The setup every read shares: the default context, the manifest, the
/// sources the inputs expand to, and the diagnostics found on the way.
struct Plan {
    default_ctx: Option<PubContext>,
    manifest: Option<Manifest>,
    sources: Vec<Source>,
    diagnostics: Vec<Diagnostic>,
}

#[allow(clippy::result_large_err)] // see meta::parse_published
fn plan(opts: &InputOptions) -> Result<Plan> {
    let default_ctx = match &opts.published {
        Some(v) => Some(parse_published(v).map_err(|e| {
            Error::new(ErrorKind::Usage, format!("--published: {}", e.message()))
                .with_field("published")
        })?),
        None => None,
    };
    let mut diagnostics = Vec::new();
    let manifest = match &opts.manifest {
        Some(p) => {
            let (m, d) = Manifest::load(p)?;
            diagnostics.extend(d);
            Some(m)
        }
        None => None,
    };
    let mut inputs = opts.inputs.clone();
    if inputs.is_empty() {
        if let Some(m) = &manifest {
            for r in m.rows.iter().filter(|r| r.canonical.is_some()) {
                let p = r.path.to_string_lossy().into_owned();
                if !inputs.contains(&p) {
                    inputs.push(p);
                }
            }
        }
    }
    if manifest.is_none() {
        // A manifest beside the articles is never read as one; say how to
        // use it, since its dates are probably wanted.
        for i in &inputs {
            let m = Path::new(i).join("manifest.csv");
            if Path::new(i).is_dir() && m.is_file() {
                diagnostics.push(diag(
                    Severity::Warning,
                    &inputs::clean(&m),
                    None,
                    None,
                    format!("not read as an article; to use it: --manifest {}", inputs::clean(&m)),
                ));
            }
        }
    }
    let skip: Vec<PathBuf> = manifest.iter().filter_map(|m| m.canonical.clone()).collect();
    let (sources, input_diags) = inputs::expand(&inputs, &skip);
    diagnostics.extend(input_diags);
    Ok(Plan { default_ctx, manifest, sources, diagnostics })
}

/// Give an article without a publication date the `--published` one, or
/// the warning that it has none (also kept in the article).
fn settle_date(a: &mut Article, default_ctx: Option<&PubContext>) -> Option<Diagnostic> {
    if a.context.date.is_some() {
        return None;
    }
    if let Some(d) = default_ctx {
        a.context.date = d.date;
        a.context.time = d.time;
        a.context.utc_offset = d.utc_offset;
        return None;
    }
    // An unreadable date was already reported as an error.
    if a.diagnostics.iter().any(|d| d.field.as_deref() == Some("published")) {
        return None;
    }
    let d = diag(
        Severity::Warning,
        &a.origin.file,
        a.origin.line,
        Some("published"),
        format!(
            "article {} (\"{}\") has no publication date; its relative dates stay \
             unresolved (give one in the file, a --manifest row or --published)",
            a.origin.index,
            short(&a.title)
        ),
    );
    a.diagnostics.push(d.clone());
    Some(d)
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

fn read_bytes(src: &Source) -> std::io::Result<Vec<u8>> {
    match src {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)?;
            Ok(buf)
        }
        Source::File { path, .. } => std::fs::read(path),
    }
}

fn read_source(src: &Source) -> FileRead {
    let shown = src.display();
    let mut fr = FileRead {
        canonical: match src {
            Source::File { canonical, .. } => Some(canonical.clone()),
            Source::Stdin => None,
        },
        ..FileRead::default()
    };
    let bytes = match read_bytes(src) {
        Ok(b) => b,
        Err(e) => {
            fr.diagnostics.push(diag(
                Severity::Error,
                &shown,
                None,
                None,
                format!("cannot read: {e}"),
            ));
            return fr;
        }
    };
    let path = match src {
        Source::File { path, .. } => Some(path.as_path()),
        Source::Stdin => None,
    };
    let (drafts, diags) = read_bytes_as(&bytes, path, &shown);
    fr.diagnostics = diags;
    fr.articles.reserve_exact(drafts.len());
    for (index, draft) in drafts {
        let (a, mut d) = finalize(draft, &shown, index);
        fr.diagnostics.append(&mut d);
        fr.articles.push(a);
    }
    fr
}

/// Parse one file's bytes into drafts (with their position in the file) and
/// diagnostics. `path` decides the format by extension; else the content.
fn read_bytes_as(
    bytes: &[u8],
    path: Option<&Path>,
    shown: &str,
) -> (Vec<(usize, Draft)>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut drafts = Vec::new();
    if path.and_then(|p| p.extension()).is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
        diags.push(diag(
            Severity::Error,
            shown,
            None,
            None,
            "a CSV file is not an article format (for a manifest, use --manifest)".into(),
        ));
        return (drafts, diags);
    }
    let text = match decode::decode(bytes) {
        decode::Decoded::Rejected(why) => {
            diags.push(diag(Severity::Error, shown, None, None, why));
            return (drafts, diags);
        }
        decode::Decoded::Text(t, warning) => {
            if let Some(w) = warning {
                diags.push(diag(Severity::Warning, shown, None, None, w));
            }
            t
        }
    };
    let format = path.and_then(format_by_extension).unwrap_or_else(|| sniff(&text));
    match format {
        Format::Text => {
            drafts = read_text_file(&text, shown, &mut diags);
        }
        Format::Html => match html::read_page(&text) {
            Ok(d) => drafts.push((0, d)),
            Err(why) => diags.push(diag(Severity::Error, shown, None, None, why)),
        },
        Format::Json => match json::read_json(&text) {
            Ok(items) => {
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        Ok(d) => drafts.push((i, d)),
                        Err(why) => diags.push(diag(
                            Severity::Error,
                            shown,
                            None,
                            None,
                            format!("record {i}: {why}"),
                        )),
                    }
                }
            }
            Err(e) if json::looks_like_jsonl(&text) => {
                let _ = e;
                drafts = read_jsonl(&text, shown, &mut diags);
            }
            Err(e) => diags.push(diag(
                Severity::Error,
                shown,
                Some(e.line()),
                None,
                format!("invalid JSON: {e}"),
            )),
        },
        Format::Jsonl => drafts = read_jsonl(&text, shown, &mut diags),
    }
    if drafts.is_empty() && !diags.iter().any(|d| d.severity == Severity::Error) {
        diags.push(diag(
            Severity::Error,
            shown,
            None,
            None,
            "no article found in this file".into(),
        ));
    }
    (drafts, diags)
}

fn read_text_file(text: &str, shown: &str, diags: &mut Vec<Diagnostic>) -> Vec<(usize, Draft)> {
    if let Some(fm) = frontmatter::split(text) {
        for (line, w) in &fm.warnings {
            diags.push(diag(Severity::Warning, shown, Some(*line), None, w.clone()));
        }
        if fm.body_line > 1 {
            let mut body = text::read_text(fm.body, fm.body_line, true);
            let mut d = body.pop().unwrap_or_default();
            let meta = fm.meta;
            if !meta.title.is_empty() {
                if !d.title.is_empty() && title_key(&d.title) != title_key(&meta.title) {
                    // Not a repeat of the title: a heading of the text.
                    d.paragraphs.insert(0, std::mem::take(&mut d.title));
                }
                d.title = meta.title;
            }
            d.published = meta.published.or(d.published);
            d.url = meta.url.or(d.url);
            d.source = meta.source.or(d.source);
            d.line = Some(1);
            if d.paragraphs.is_empty() {
                diags.push(diag(
                    Severity::Error,
                    shown,
                    Some(fm.body_line),
                    None,
                    "no article text after the front matter".into(),
                ));
                return Vec::new();
            }
            return vec![(0, d)];
        }
    }
    text::read_text(text, 1, false)
        .into_iter()
        .enumerate()
        .filter_map(|(i, d)| {
            // A headline over nothing that reads as a sentence (other
            // headlines, labels, counters) is a box of links or a stub, not
            // an article: its "events" would be headlines of other stories.
            if d.paragraphs.iter().any(|p| prose::reads_as_prose(p)) {
                return Some((i, d));
            }
            let what = if d.title.is_empty() {
                "text with no headline".to_string()
            } else {
                format!("\"{}\"", short(&d.title))
            };
            let why = if d.paragraphs.is_empty() {
                "has no body text".to_string()
            } else {
                format!(
                    "has no sentence, only {} headline-like line{} (a list of links?)",
                    d.paragraphs.len(),
                    if d.paragraphs.len() == 1 { "" } else { "s" }
                )
            };
            diags.push(diag(
                Severity::Warning,
                shown,
                d.line,
                None,
                format!("{what} {why}; not read as an article"),
            ));
            None
        })
        .collect()
}

fn read_jsonl(text: &str, shown: &str, diags: &mut Vec<Diagnostic>) -> Vec<(usize, Draft)> {
    let mut out = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    let mut record = 0;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        match json::read_line(t) {
            Ok(mut d) => {
                d.line = Some(i + 1);
                out.push((record, d));
            }
            Err(why) => diags.push(diag(Severity::Error, shown, Some(i + 1), None, why)),
        }
        record += 1;
    }
    out
}

/// Read one JSON record (one line of a `.jsonl` file) exactly as [`read`]
/// reads each line of such a file: the same field names, paragraph rules,
/// HTML fragments, publication-date parsing, dateline place and id rules.
/// `file` and `index` become the article's origin (and, when the record has
/// neither an `id` nor a URL, its id); `line` its 1-based line. Returns the
/// article with the problems found in it (a kept article can carry an
/// error, e.g. an unreadable date), or why the record is not an article.
/// `dateline extract` reads its input with this, so a streamed article is
/// the very article `build` sees.
pub fn read_json_record(
    record: &str,
    file: &str,
    index: usize,
    line: usize,
) -> std::result::Result<(Article, Vec<Diagnostic>), String> {
    let mut d = json::read_line(record)?;
    d.line = Some(line);
    Ok(finalize(d, file, index))
}

/// The article id: URL when known, else file (last two components) and
/// position.
fn article_id(url: Option<&str>, file: &str, index: usize) -> String {
    let mut h = blake3::Hasher::new();
    match url {
        Some(u) => {
            let u = u.trim();
            let u = u.split('#').next().unwrap_or(u).trim_end_matches('/');
            h.update(b"url:").update(u.as_bytes());
        }
        None => {
            // The last two path components: the same file read from
            // another folder keeps its ids.
            let mut parts = file.rsplitn(3, '/');
            let name = parts.next().unwrap_or("");
            let tail = match parts.next() {
                Some(dir) => &file[file.len() - name.len() - dir.len() - 1..],
                None => name,
            };
            h.update(b"file:")
                .update(tail.as_bytes())
                .update(b"#")
                .update(index.to_string().as_bytes());
        }
    }
    let bytes = h.finalize();
    let mut id = String::with_capacity(16);
    for b in &bytes.as_bytes()[..8] {
        id.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        id.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    id
}

fn finalize(d: Draft, file: &str, index: usize) -> (Article, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut ctx = d.context.clone().unwrap_or_default();
    if let Some((field, value)) = &d.published {
        match meta::parse_stamp(value) {
            Ok(s) => {
                ctx.date = Some(s.date);
                ctx.time = s.time;
                ctx.utc_offset = s.offset;
            }
            Err(why) => diags.push(diag(
                Severity::Error,
                file,
                d.line,
                Some(field),
                format!("cannot read date `{value}`: {why}; the article is kept without a date"),
            )),
        }
    }
    ctx.url = d.url.clone().or(ctx.url);
    ctx.source = d.source.clone().or(ctx.source);
    ctx.place = d.place.clone().or(ctx.place);
    if ctx.place.is_none() {
        let found = d.paragraphs.iter().take(3).find_map(|p| text::dateline(p));
        if let Some((place, agency)) = found {
            ctx.place = Some(place);
            if ctx.source.is_none() {
                ctx.source = agency;
            }
        }
    }
    for (line, w) in &d.warnings {
        diags.push(diag(Severity::Warning, file, line.or(d.line), None, w.clone()));
    }
    let id = d.id.clone().unwrap_or_else(|| article_id(ctx.url.as_deref(), file, index));
    let mut all = d.carried;
    all.extend(diags.iter().cloned());
    let article = Article {
        id,
        title: d.title,
        paragraphs: d.paragraphs,
        captions: d.captions,
        context: ctx,
        origin: d.origin.unwrap_or(Origin { file: file.to_string(), index, line: d.line }),
        diagnostics: all,
    };
    (article, diags)
}

/// Apply the manifest rows of the file `file` (canonical path) to its
/// articles, marking the rows used.
fn apply_manifest_file(
    m: &Manifest,
    shown: &str,
    file: &Path,
    articles: &mut [Article],
    used: &mut [bool],
    diags: &mut Vec<Diagnostic>,
) {
    let rows: Vec<usize> =
        (0..m.rows.len()).filter(|&r| m.rows[r].canonical.as_deref() == Some(file)).collect();
    if rows.is_empty() {
        return;
    }
    let count = articles.len();
    for a in articles.iter_mut() {
        let key = title_key(&a.title);
        let by_title = rows.iter().copied().find(|&r| {
            m.rows[r].title.as_deref().is_some_and(|t| !key.is_empty() && title_key(t) == key)
        });
        let by_title = by_title.or_else(|| {
            rows.iter().copied().find(|&r| {
                m.rows[r].title.as_deref().is_some_and(|t| {
                    let tk = title_key(t);
                    !key.is_empty() && !tk.is_empty() && (key.contains(&tk) || tk.contains(&key))
                })
            })
        });
        let chosen = by_title.or_else(|| {
            if rows.len() == 1 && (count == 1 || m.rows[rows[0]].title.is_none()) {
                Some(rows[0])
            } else {
                None
            }
        });
        let Some(r) = chosen else { continue };
        used[r] = true;
        apply_row(&m.rows[r], shown, a, diags);
    }
}

/// Warn about the manifest rows of files that were read but matched no
/// article.
fn unused_rows(
    m: &Manifest,
    shown: &str,
    used: &[bool],
    read: &std::collections::BTreeSet<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    for (r, row) in m.rows.iter().enumerate() {
        if used[r] || row.canonical.is_none() {
            continue;
        }
        let was_read = row.canonical.as_deref().is_some_and(|c| read.contains(c));
        if !was_read {
            continue; // A file the user did not ask for this time.
        }
        let what = match &row.title {
            Some(t) => format!("no article titled \"{}\" in `{}`", short(t), row.file),
            None => {
                format!("`{}` holds several articles; add a title column to pick one", row.file)
            }
        };
        diags.push(Diagnostic {
            severity: Severity::Warning,
            file: Some(shown.to_string()),
            line: Some(row.line),
            field: Some("title".into()),
            message: format!("row not used: {what}"),
        });
    }
}

fn apply_row(row: &manifest::Row, shown: &str, a: &mut Article, diags: &mut Vec<Diagnostic>) {
    if let Some(s) = row.published {
        match a.context.date {
            None => {
                a.context.date = Some(s.date);
                a.context.time = s.time;
                a.context.utc_offset = s.offset;
            }
            Some(own) if own != s.date => {
                let d = Diagnostic {
                    severity: Severity::Warning,
                    file: Some(shown.to_string()),
                    line: Some(row.line),
                    field: Some("published".into()),
                    message: format!(
                        "`{}` states its own date {own}; the manifest's {} is not used",
                        row.file, s.date
                    ),
                };
                a.diagnostics.push(d.clone());
                diags.push(d);
            }
            Some(_) => {}
        }
    }
    if a.title.is_empty() {
        if let Some(t) = &row.title {
            a.title = t.clone();
        }
    }
    if a.context.source.is_none() {
        a.context.source = row.source.clone();
    }
    if a.context.url.is_none() && row.url.is_some() {
        a.context.url = row.url.clone();
        a.id = article_id(a.context.url.as_deref(), &a.origin.file, a.origin.index);
    }
}

/// The ids given so far. Two articles can share an id only when two
/// folders hold files of the same name, or the same URL is read twice; the
/// later ones are re-keyed with their full path so ids stay unique.
#[derive(Default)]
struct IdSet {
    seen: std::collections::HashSet<u64>,
}

impl IdSet {
    /// Keep `a`'s id unless an earlier article has it; then re-key it.
    fn settle(&mut self, a: &mut Article) {
        // Ids are 16 hex digits: compare them as numbers (ids kept from
        // another tool's output may be any string; those are hashed first).
        let key = |id: &str| match u64::from_str_radix(id, 16) {
            Ok(n) if id.len() == 16 => n,
            _ => u64::from_le_bytes(
                blake3::hash(id.as_bytes()).as_bytes()[..8].try_into().unwrap_or_default(),
            ),
        };
        if !self.seen.insert(key(&a.id)) {
            let k = format!("dup:{}#{}#{}", a.origin.file, a.origin.index, a.id);
            a.id = blake3::hash(k.as_bytes()).to_hex()[..16].to_string();
            self.seen.insert(key(&a.id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_path_independent() {
        let a = article_id(None, "data/samples/x.txt", 1);
        assert_eq!(a, article_id(None, "/home/u/proj/data/samples/x.txt", 1));
        assert_ne!(a, article_id(None, "data/samples/x.txt", 0));
        assert_eq!(
            article_id(Some("https://e.org/a/"), "f", 0),
            article_id(Some("https://e.org/a#c"), "g", 3)
        );
        assert_eq!(a.len(), 16);
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_in_any_format_never_panic(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400),
            ext in proptest::sample::select(vec!["txt", "json", "jsonl", "html", "md", "bin"]),
        ) {
            let name = format!("x.{ext}");
            let (drafts, diags) = read_bytes_as(&bytes, Some(Path::new(&name)), &name);
            for (i, d) in drafts {
                let _ = finalize(d, &name, i);
            }
            for d in diags {
                proptest::prop_assert!(d.file.is_some());
            }
        }

        #[test]
        fn text_like_input_never_panics(
            s in "(---\n|\\+\\+\\+\n)?([A-Za-z0-9 :,.’\"{}<>/\\[\\]-]{0,40}\n{0,3}){0,12}",
            ext in proptest::sample::select(vec!["txt", "json", "jsonl", "html"]),
        ) {
            let name = format!("x.{ext}");
            let (drafts, _) = read_bytes_as(s.as_bytes(), Some(Path::new(&name)), &name);
            for (i, d) in drafts {
                let (a, _) = finalize(d, &name, i);
                proptest::prop_assert!(!a.id.is_empty());
            }
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff("<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff("  {\"a\":1}\n{\"a\":2}"), Format::Jsonl);
        assert_eq!(sniff("[{}]"), Format::Json);
        assert_eq!(sniff("Hello"), Format::Text);
    }
}
