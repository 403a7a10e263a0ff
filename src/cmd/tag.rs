//! `dateline tag`: print every temporal expression in one text with its
//! resolution, as text lines, JSON lines or a TimeML document.

use std::io::{Read, Write};
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveTime};

use crate::model::{PubContext, Timex};
use crate::temporal;

/// Output format of `tag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagFormat {
    /// One line per expression, for people.
    #[default]
    Text,
    /// One JSON object per expression.
    Jsonl,
    /// A TimeML document with inline TIMEX3 tags.
    Timeml,
}

/// Options of `tag`.
#[derive(Debug, Clone, Default)]
pub struct TagOptions {
    /// Publication date (and optionally time and offset), unparsed.
    pub published: Option<String>,
    /// Output format.
    pub format: TagFormat,
    /// Input file; `None` or `-` reads standard input.
    pub input: Option<PathBuf>,
}

/// Read a `--published` value: the ingest parser first, then a plain
/// `YYYY-MM-DD` with an optional `THH:MM[:SS]` and zone (TimeML DCTs such
/// as `1998-02-13T14:26:00`), checked with chrono's own constructors.
pub fn parse_published(value: &str) -> Option<PubContext> {
    if let Ok(ctx) = crate::ingest::parse_published(value) {
        if ctx.date.is_some() {
            return Some(ctx);
        }
    }
    let v = value.trim();
    let date = NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = &v[10..];
    let time = if rest.is_empty() {
        None
    } else {
        let t = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
        let t = t.trim_end_matches('Z');
        let clock = t.get(..8).and_then(|c| NaiveTime::parse_from_str(c, "%H:%M:%S").ok());
        let clock =
            clock.or_else(|| t.get(..5).and_then(|c| NaiveTime::parse_from_str(c, "%H:%M").ok()));
        Some(clock?)
    };
    Some(PubContext { date: Some(date), time, ..PubContext::default() })
}

/// Decode input bytes: a clear message for binary data and invalid UTF-8.
/// Invalid sequences are replaced (U+FFFD) so the rest is still tagged.
fn decode(name: &str, bytes: Vec<u8>, err: &mut dyn Write) -> Result<(String, bool), ()> {
    if let Some(pos) = bytes.iter().take(64 * 1024).position(|b| *b == 0) {
        let _ = writeln!(
            err,
            "dateline tag: {name}: byte {pos}: binary data (NUL byte), not a text; nothing tagged"
        );
        return Err(());
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, false)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let _ = writeln!(
                err,
                "dateline tag: {name}: byte {at}: invalid UTF-8; invalid bytes replaced by U+FFFD, \
                 spans index the repaired text"
            );
            Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), true))
        }
    }
}

fn text_line(out: &mut dyn Write, t: &Timex) -> std::io::Result<()> {
    let value = match &t.modifier {
        Some(m) => format!("{} {m}", t.value),
        None => t.value.clone(),
    };
    let interval =
        t.interval.map_or_else(|| "-".to_string(), |iv| format!("{}..{}", iv.start, iv.end));
    let anchor = serde_json::to_value(t.anchor)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    write!(
        out,
        "{}..{}\t{}\t{}\t{:?}\t{}\t{}\t{}\t{}",
        t.span.start,
        t.span.end,
        t.ttype.as_str(),
        value,
        t.text,
        interval,
        t.precision.as_str(),
        anchor,
        t.rule
    )?;
    if let Some(n) = &t.note {
        write!(out, "\t{n}")?;
    }
    writeln!(out)
}

/// Run `tag`; returns the exit code.
pub fn run(opts: &TagOptions, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let ctx = match &opts.published {
        Some(p) => match parse_published(p) {
            Some(c) => c,
            None => {
                let _ = writeln!(
                    err,
                    "dateline tag: --published: cannot read date `{p}` (expected e.g. 2025-03-14 or 2025-03-14T09:30+02:00)"
                );
                return super::EXIT_USAGE;
            }
        },
        None => PubContext::default(),
    };
    let (name, bytes) = match &opts.input {
        Some(p) if p.as_os_str() != "-" => match std::fs::read(p) {
            Ok(b) => (p.display().to_string(), b),
            Err(e) => {
                let _ = writeln!(err, "dateline tag: {}: {e}", p.display());
                return super::EXIT_INPUT_FAILED;
            }
        },
        _ => {
            let mut b = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut b) {
                let _ = writeln!(err, "dateline tag: <stdin>: {e}");
                return super::EXIT_INPUT_FAILED;
            }
            ("<stdin>".to_string(), b)
        }
    };
    let Ok((text, repaired)) = decode(&name, bytes, err) else {
        return super::EXIT_INPUT_FAILED;
    };
    let mut code = if repaired { super::EXIT_INPUT_FAILED } else { super::EXIT_OK };
    if text.trim().is_empty() {
        let _ = writeln!(err, "dateline tag: {name}: empty input, nothing to tag");
        code = super::EXIT_INPUT_FAILED;
    }
    if ctx.date.is_none() {
        let _ = writeln!(
            err,
            "dateline tag: {name}: no --published date: relative expressions are left unresolved (X placeholders)"
        );
    }
    let (timexes, skipped) = temporal::tag_with_skipped(&text, &ctx);
    for s in &skipped {
        let _ = writeln!(
            err,
            "dateline tag: {name}: byte {}: skipped {:?}: {}",
            s.span.start, s.text, s.reason
        );
    }
    let res = match opts.format {
        TagFormat::Text => timexes.iter().try_for_each(|t| text_line(out, t)),
        TagFormat::Jsonl => timexes.iter().try_for_each(|t| {
            serde_json::to_writer(&mut *out, t).map_err(std::io::Error::other)?;
            writeln!(out)
        }),
        TagFormat::Timeml => {
            let id = opts
                .input
                .as_ref()
                .and_then(|p| p.file_stem())
                .map_or_else(|| "stdin".to_string(), |s| s.to_string_lossy().into_owned());
            temporal::timeml::write(out, &id, &text, &ctx, &timexes)
        }
    };
    if let Err(e) = res.and_then(|_| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return code;
        }
        let _ = writeln!(err, "dateline tag: writing output: {e}");
        return super::EXIT_USAGE;
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_fallbacks() {
        let c = parse_published("1998-02-13T14:26:00").unwrap();
        assert_eq!(c.date, NaiveDate::from_ymd_opt(1998, 2, 13));
        assert_eq!(c.time, NaiveTime::from_hms_opt(14, 26, 0));
        assert!(parse_published("2025-02-31").is_none());
        assert!(parse_published("yesterday").is_none());
        assert!(parse_published("").is_none());
        assert_eq!(
            parse_published(" 2025-03-14 ").unwrap().date,
            NaiveDate::from_ymd_opt(2025, 3, 14)
        );
    }
}
