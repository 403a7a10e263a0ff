/*!
`timelinejs.json`: the timeline in Knight Lab TimelineJS3's JSON format, for
users who like that viewer (`new TL.Timeline('id', 'timelinejs.json')`).

Dates are given at their precision: a day as year, month and day; a month
as year and month; a year as a year alone. A date covering several days also
gets an `end_date`, so "the end of January" is drawn as a span rather than a
made-up day. `display_date` carries dateline's own wording ("End of January
2025"), events are grouped by event type, and `unique_id` is the stable
event id, so TimelineJS permalinks survive rebuilds. Headline and text are
HTML (TimelineJS renders them), escaped here.
*/

use std::fmt::Write as _;
use std::io::Write;

use chrono::{Datelike, NaiveDate};

use serde::Serialize;

use super::fields;
use super::html::escape;
use crate::model::{Precision, TimelineEntry};
use crate::Result;

#[derive(Serialize)]
struct Slide {
    text: Text,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct Event {
    start_date: TlDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TlDate>,
    display_date: String,
    text: Text,
    group: String,
    unique_id: String,
}

/// A TimelineJS date: `year` is required, the finer fields only when known.
#[derive(Serialize)]
struct TlDate {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

impl TlDate {
    fn day(d: NaiveDate) -> Self {
        TlDate { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
    }
}

/// Write `entries` (undated ones are left out: TimelineJS needs a year) as
/// TimelineJS3 JSON. `title` heads the title slide.
///
/// # Errors
///
/// An [`crate::ErrorKind::Io`] error when `out` fails.
pub fn write(out: &mut dyn Write, entries: &[&TimelineEntry], title: &str) -> Result<()> {
    let mut totals = Totals::default();
    for e in entries {
        totals.add(e);
    }
    let mut w = Writer::start(out, title, &totals)?;
    for e in entries {
        w.entry(e)?;
    }
    w.finish()?;
    Ok(())
}

/// What the title slide says about all the entries, gathered before the
/// events are written ([`Totals::add`] for each entry).
#[derive(Debug, Clone, Default)]
pub struct Totals {
    dated: usize,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

impl Totals {
    /// Count `e`.
    pub fn add(&mut self, e: &TimelineEntry) {
        if let Some(i) = e.event.date.interval {
            self.dated += 1;
            self.first = Some(self.first.map_or(i.start, |f| f.min(i.start)));
            self.last = Some(self.last.map_or(i.end, |l| l.max(i.end)));
        }
    }
}

/// `timelinejs.json` written one event at a time, the bytes
/// `serde_json::to_writer_pretty` gives for the whole timeline:
/// [`Writer::start`] with the [`Totals`], [`Writer::entry`] per entry in
/// order, [`Writer::finish`].
pub struct Writer<W: Write> {
    out: W,
    written: usize,
}

/// Pretty JSON of `v` with every line after the first indented by
/// `indent` more spaces, as it reads nested that deep. JSON strings hold no
/// raw line breaks, so every line break is the pretty printer's.
fn nested<T: Serialize>(v: &T, indent: &str) -> Result<String> {
    let s = serde_json::to_string_pretty(v)?;
    Ok(s.replace('\n', &format!("\n{indent}")))
}

impl<W: Write> Writer<W> {
    /// Write the title slide and open the events.
    ///
    /// # Errors
    ///
    /// An [`crate::ErrorKind::Io`] error when `out` fails.
    pub fn start(mut out: W, title: &str, totals: &Totals) -> Result<Self> {
        let subtitle = format!(
            "{} events{}",
            totals.dated,
            match (totals.first, totals.last) {
                (Some(a), Some(b)) => {
                    format!(", {} – {}", fields::day_label(a), fields::day_label(b))
                }
                _ => String::new(),
            }
        );
        let slide = Slide { text: Text { headline: escape(title), text: escape(&subtitle) } };
        out.write_all(b"{\n  \"title\": ")?;
        out.write_all(nested(&slide, "  ")?.as_bytes())?;
        out.write_all(b",\n  \"events\": [")?;
        Ok(Writer { out, written: 0 })
    }

    /// Write the event of `e` (nothing when it is undated).
    ///
    /// # Errors
    ///
    /// An [`crate::ErrorKind::Io`] error when the output fails.
    pub fn entry(&mut self, e: &TimelineEntry) -> Result<()> {
        let Some(ev) = event(e) else { return Ok(()) };
        self.out.write_all(if self.written == 0 { b"\n    " } else { b",\n    " })?;
        self.out.write_all(nested(&ev, "    ")?.as_bytes())?;
        self.written += 1;
        Ok(())
    }

    /// Close the file and give the output back.
    ///
    /// # Errors
    ///
    /// An [`crate::ErrorKind::Io`] error when the output fails.
    pub fn finish(mut self) -> Result<W> {
        self.out.write_all(if self.written == 0 { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
        Ok(self.out)
    }
}

fn event(e: &TimelineEntry) -> Option<Event> {
    let ev = &e.event;
    let d = &ev.date;
    let iv = d.interval?;
    let start_date = match d.precision {
        Precision::Month if d.modifier.is_none() => {
            TlDate { year: iv.start.year(), month: Some(iv.start.month()), day: None }
        }
        Precision::Quarter | Precision::Season | Precision::Half => {
            TlDate { year: iv.start.year(), month: Some(iv.start.month()), day: None }
        }
        Precision::Year | Precision::Decade | Precision::Century => {
            TlDate { year: iv.start.year(), month: None, day: None }
        }
        _ => TlDate::day(iv.start),
    };
    let end_date = (iv.end > iv.start).then(|| TlDate::day(iv.end));

    let mut text = String::new();
    let _ = write!(text, "<p>{}</p>", escape(&ev.evidence));
    let _ = write!(
        text,
        "<p><small>Date: {} ({}){}</small></p>",
        escape(&fields::date_label(d)),
        escape(&fields::precision_badge(d)),
        if d.text.is_empty() {
            String::new()
        } else {
            format!(", from “{}”: {}", escape(&d.text), fields::anchor_phrase(d.anchor))
        }
    );
    text.push_str("<p><small>Sources: ");
    for (i, s) in fields::sources(e).iter().enumerate() {
        if i > 0 {
            text.push_str("; ");
        }
        let name = if s.title.is_empty() { &s.article_id } else { &s.title };
        match &s.url {
            Some(u) => {
                let _ = write!(text, "<a href=\"{}\">{}</a>", escape(u), escape(name));
            }
            None => text.push_str(&escape(name)),
        }
        if let Some(p) = s.published {
            let _ = write!(text, " ({p})");
        }
    }
    text.push_str("</small></p>");

    Some(Event {
        start_date,
        end_date,
        display_date: fields::date_label(d),
        text: Text { headline: escape(&ev.summary), text },
        group: ev.event_type.clone(),
        unique_id: e.event_id.clone(),
    })
}
