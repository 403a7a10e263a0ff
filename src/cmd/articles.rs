//! `dateline articles`: print the articles dateline read, so a user can
//! check them before trusting a timeline.
//!
//! Articles go to standard output (JSON lines, or a readable listing);
//! every diagnostic goes to standard error, once. Exit code 0 when every
//! input was read, 1 when some input failed (the rest is still printed),
//! 2 on a usage error (no input, unreadable manifest, bad `--published`).

use std::io::Write;

use super::InputOptions;
use crate::model::{Article, Severity};

/// Output format of `articles`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArticlesFormat {
    /// One JSON object per article.
    #[default]
    Jsonl,
    /// A readable listing.
    Text,
}

/// Options of `articles`.
#[derive(Debug, Clone, Default)]
pub struct ArticlesOptions {
    /// Where articles come from.
    pub input: InputOptions,
    /// Output format.
    pub format: ArticlesFormat,
}

/// Run `articles`; returns the exit code.
pub fn run(opts: &ArticlesOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if opts.input.inputs.is_empty() && opts.input.manifest.is_none() {
        let _ = writeln!(
            err,
            "dateline articles: no input; give files, folders, globs, - for standard input, \
             or --manifest FILE"
        );
        return super::EXIT_USAGE;
    }
    let res = match crate::ingest::read(&opts.input) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "dateline articles: {e}");
            return super::EXIT_USAGE;
        }
    };
    for d in &res.diagnostics {
        let _ = writeln!(err, "{d}");
    }
    if let Err(e) = write_articles(&res.articles, opts.format, out) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(err, "dateline articles: cannot write output: {e}");
            return super::EXIT_USAGE;
        }
        // A closed pipe (`| head`) is not an error.
        return super::EXIT_OK;
    }
    let errors = res.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    if errors > 0 {
        let _ = writeln!(
            err,
            "dateline articles: {} article(s) read; {errors} input problem(s) reported above",
            res.articles.len()
        );
        super::EXIT_INPUT_FAILED
    } else {
        super::EXIT_OK
    }
}

fn write_articles(
    articles: &[Article],
    format: ArticlesFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::new(out);
    for (i, a) in articles.iter().enumerate() {
        match format {
            ArticlesFormat::Jsonl => {
                serde_json::to_writer(&mut buf, a)?;
                buf.write_all(b"\n")?;
            }
            ArticlesFormat::Text => {
                if i > 0 {
                    writeln!(buf)?;
                }
                write_text(a, &mut buf)?;
            }
        }
    }
    buf.flush()
}

fn write_text(a: &Article, out: &mut impl Write) -> std::io::Result<()> {
    let c = &a.context;
    writeln!(out, "== {}", if a.title.is_empty() { "(no title)" } else { &a.title })?;
    writeln!(out, "id:        {}", a.id)?;
    let line = a.origin.line.map(|l| format!(":{l}")).unwrap_or_default();
    writeln!(out, "from:      {}{line} (article {})", a.origin.file, a.origin.index)?;
    let published = match c.date {
        Some(d) => {
            let mut s = d.to_string();
            if let Some(t) = c.time {
                s.push_str(&format!(" {}", t.format("%H:%M:%S")));
            }
            if let Some(o) = c.utc_offset {
                let sign = if o < 0 { '-' } else { '+' };
                let o = o.abs();
                s.push_str(&format!(" {sign}{:02}:{:02}", o / 3600, (o % 3600) / 60));
            }
            s
        }
        None => "(unknown)".into(),
    };
    writeln!(out, "published: {published}")?;
    for (k, v) in [("source", &c.source), ("url", &c.url), ("place", &c.place)] {
        if let Some(v) = v {
            writeln!(out, "{k:<10} {v}", k = format!("{k}:"))?;
        }
    }
    for cap in &a.captions {
        match cap.date {
            Some(d) => writeln!(out, "caption:   [{d}] {}", cap.text)?,
            None => writeln!(out, "caption:   {}", cap.text)?,
        }
    }
    for d in &a.diagnostics {
        writeln!(out, "note:      {d}")?;
    }
    writeln!(out)?;
    for p in &a.paragraphs {
        writeln!(out, "{p}")?;
        writeln!(out)?;
    }
    Ok(())
}
