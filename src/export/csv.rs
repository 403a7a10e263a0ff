/*!
The analyst CSV: one row per timeline entry, in the fixed column order of
[`fields::COLUMNS`] (documented in the README, section "Outputs").

RFC 4180: comma-separated, fields quoted when they hold a comma, quote or line
break, quotes doubled, CRLF line ends, UTF-8. Multi-valued cells (actors,
countries, sources, date conflicts) are joined with `"; "`. With `excel` the
file starts with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
Rows are written in the order given; the site writer passes them in timeline
order.
*/

use std::io::Write;

use super::fields::{self, COLUMNS, MULTI_SEPARATOR};
use crate::model::TimelineEntry;
use crate::Result;

/// The UTF-8 byte-order mark written first with `excel`.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Write `entries` as the analyst CSV; `excel` starts it with a UTF-8 BOM.
///
/// # Errors
///
/// An [`crate::ErrorKind::Io`] error when `out` fails.
pub fn write(out: &mut dyn Write, entries: &[TimelineEntry], excel: bool) -> Result<()> {
    write_iter(out, entries, excel)
}

/// [`write()`] for entries held by reference (the site writer's sorted view).
///
/// # Errors
///
/// An [`crate::ErrorKind::Io`] error when `out` fails.
pub fn write_iter<'a>(
    out: &mut dyn Write,
    entries: impl IntoIterator<Item = &'a TimelineEntry>,
    excel: bool,
) -> Result<()> {
    let mut w = Writer::start(out, excel)?;
    for e in entries {
        w.entry(e)?;
    }
    w.finish()?;
    Ok(())
}

/// The CSV written one row at a time: [`Writer::start`], [`Writer::entry`]
/// per entry in order, [`Writer::finish`].
pub struct Writer<W: Write> {
    w: ::csv::Writer<W>,
    row: Vec<String>,
}

impl<W: Write> Writer<W> {
    /// Write the BOM (with `excel`) and the header row.
    ///
    /// # Errors
    ///
    /// An [`crate::ErrorKind::Io`] error when `out` fails.
    pub fn start(mut out: W, excel: bool) -> Result<Self> {
        if excel {
            out.write_all(BOM)?;
        }
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .quote_style(::csv::QuoteStyle::Necessary)
            .from_writer(out);
        w.write_record(COLUMNS)?;
        Ok(Writer { w, row: Vec::with_capacity(COLUMNS.len()) })
    }

    /// Write the row of `e`.
    ///
    /// # Errors
    ///
    /// An [`crate::ErrorKind::Io`] error when the output fails.
    pub fn entry(&mut self, e: &TimelineEntry) -> Result<()> {
        self.row.clear();
        fill_row(&mut self.row, e);
        self.w.write_record(&self.row)?;
        Ok(())
    }

    /// Flush and give the output back.
    ///
    /// # Errors
    ///
    /// An [`crate::ErrorKind::Io`] error when the output fails.
    pub fn finish(self) -> Result<W> {
        self.w.into_inner().map_err(|e| crate::Error::from(e.into_error()))
    }
}

fn fill_row(row: &mut Vec<String>, e: &TimelineEntry) {
    let ev = &e.event;
    let d = &ev.date;
    let iv = d.interval.as_ref();
    let sources = fields::sources(e);
    row.push(e.event_id.clone());
    row.push(iv.map(|i| i.start.to_string()).unwrap_or_default());
    row.push(iv.map(|i| i.end.to_string()).unwrap_or_default());
    row.push(d.precision.as_str().to_string());
    row.push(d.value.clone());
    row.push(d.modifier.clone().unwrap_or_default());
    row.push(
        fields::acled_time_precision(d.precision, iv).map(|c| c.to_string()).unwrap_or_default(),
    );
    row.push(d.text.clone());
    row.push(d.anchor.as_str().to_string());
    row.push(d.rule.clone());
    row.push(fields::confidence(d.confidence));
    row.push(ev.status.as_str().to_string());
    row.push(ev.event_type.clone());
    row.push(ev.mode.clone().unwrap_or_default());
    row.push(fields::actor_names(e).join(MULTI_SEPARATOR));
    row.push(fields::actor_countries(e).join(MULTI_SEPARATOR));
    row.push(ev.location.clone().unwrap_or_default());
    row.push(one_line(&ev.summary));
    row.push(one_line(&ev.evidence));
    row.push(sources.len().to_string());
    row.push(
        sources
            .iter()
            .map(|s| one_line(fields::source_label(s)))
            .collect::<Vec<_>>()
            .join(MULTI_SEPARATOR),
    );
    row.push(sources.first().and_then(|s| s.published).map(|p| p.to_string()).unwrap_or_default());
    row.push(fields::date_conflict(e).join(MULTI_SEPARATOR));
}

/// Line breaks inside a sentence come from the page layout, not the
/// writer; spreadsheets show them as tall rows, so they become spaces.
fn one_line(s: &str) -> String {
    if s.contains(['\n', '\r']) {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.to_string()
    }
}
