/*!
`events.json`: the timeline as JSON, for programs.

Every field of the CSV (same names, typed: lists are arrays, numbers are
numbers, missing values are `null`) plus what a flat table cannot hold: the
date's span in the article, every mention with its source, sentence, span
and the date that source gave, and the date alternatives with their support.

The file is one object. `events` holds one entry per line, so a change to one
event is a one-line diff when the site is kept in version control.
*/

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;

use super::fields;
use crate::model::{Actor, DateAlternative, EventDate, Interval, Mention, Span, TimelineEntry};
use crate::Result;

/// Name of the format, written in the file so readers can check it.
pub const FORMAT: &str = "dateline-events";
/// Version of the format; bumped on incompatible changes.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Header<'a> {
    format: &'static str,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    generated: Option<&'a str>,
    count: usize,
}

/// One entry of `events.json`.
#[derive(Serialize)]
struct EventRecord<'a> {
    event_id: &'a str,
    date_start: Option<NaiveDate>,
    date_end: Option<NaiveDate>,
    precision: &'static str,
    timex3: &'a str,
    date_modifier: Option<&'a str>,
    acled_time_precision: Option<u8>,
    date_text: &'a str,
    date_anchor: &'static str,
    date_rule: &'a str,
    confidence: f64,
    status: &'static str,
    event_type: &'a str,
    event_mode: Option<&'a str>,
    actors: &'a [Actor],
    actor_countries: Vec<&'a str>,
    location: Option<&'a str>,
    summary: &'a str,
    evidence: &'a str,
    n_sources: usize,
    sources: Vec<SourceRecord<'a>>,
    published: Option<NaiveDate>,
    date_conflict: &'a [DateAlternative],
    trigger: &'a str,
    in_caption: bool,
    date_span: Option<Span>,
    evidence_span: Span,
    mentions: Vec<MentionRecord<'a>>,
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    article_id: &'a str,
    title: &'a str,
    url: Option<&'a str>,
    source: Option<&'a str>,
    published: Option<NaiveDate>,
}

#[derive(Serialize)]
struct MentionRecord<'a> {
    mention_id: &'a str,
    article_id: &'a str,
    evidence: &'a str,
    span: Span,
    date: DateRecord<'a>,
}

#[derive(Serialize)]
struct DateRecord<'a> {
    value: &'a str,
    #[serde(rename = "mod")]
    modifier: Option<&'a str>,
    interval: Option<Interval>,
    precision: &'static str,
    text: &'a str,
    span: Option<Span>,
    anchor: &'static str,
    rule: &'a str,
    confidence: f64,
}

impl<'a> DateRecord<'a> {
    fn new(d: &'a EventDate) -> Self {
        DateRecord {
            value: &d.value,
            modifier: d.modifier.as_deref(),
            interval: d.interval,
            precision: d.precision.as_str(),
            text: &d.text,
            span: d.span,
            anchor: d.anchor.as_str(),
            rule: &d.rule,
            confidence: round2(d.confidence),
        }
    }
}

/// Two decimals, as in the CSV: an f32 widened to f64 prints as
/// `0.800000011920929`, which helps nobody.
fn round2(c: f32) -> f64 {
    fields::confidence(c).parse().unwrap_or(0.0)
}

fn record(e: &TimelineEntry) -> EventRecord<'_> {
    let ev = &e.event;
    let d = &ev.date;
    let iv = d.interval.as_ref();
    let sources = fields::sources(e);
    EventRecord {
        event_id: &e.event_id,
        date_start: iv.map(|i| i.start),
        date_end: iv.map(|i| i.end),
        precision: d.precision.as_str(),
        timex3: &d.value,
        date_modifier: d.modifier.as_deref(),
        acled_time_precision: fields::acled_time_precision(d.precision, iv),
        date_text: &d.text,
        date_anchor: d.anchor.as_str(),
        date_rule: &d.rule,
        confidence: round2(d.confidence),
        status: ev.status.as_str(),
        event_type: &ev.event_type,
        event_mode: ev.mode.as_deref(),
        actors: &ev.actors,
        actor_countries: fields::actor_countries(e),
        location: ev.location.as_deref(),
        summary: &ev.summary,
        evidence: &ev.evidence,
        n_sources: sources.len(),
        published: sources.first().and_then(|s| s.published),
        sources: sources
            .iter()
            .map(|s| SourceRecord {
                article_id: &s.article_id,
                title: &s.title,
                url: s.url.as_deref(),
                source: s.source.as_deref(),
                published: s.published,
            })
            .collect(),
        date_conflict: &e.date_conflict,
        trigger: &ev.trigger,
        in_caption: ev.in_caption,
        date_span: d.span,
        evidence_span: ev.span,
        mentions: e.mentions.iter().map(mention).collect(),
    }
}

fn mention(m: &Mention) -> MentionRecord<'_> {
    MentionRecord {
        mention_id: &m.mention_id,
        article_id: &m.source.article_id,
        evidence: &m.evidence,
        span: m.span,
        date: DateRecord::new(&m.date),
    }
}

/// Write `entries` (in the order given) as `events.json`. `generated` is the
/// build time, written only when the user asked for a stamp.
///
/// # Errors
///
/// An [`crate::ErrorKind::Io`] error when `out` fails.
pub fn write(
    out: &mut dyn Write,
    entries: &[&TimelineEntry],
    generated: Option<&str>,
) -> Result<()> {
    let mut w = Writer::start(out, entries.len(), generated)?;
    for e in entries {
        w.entry(e)?;
    }
    w.finish()?;
    Ok(())
}

/// `events.json` written one entry at a time: [`Writer::start`] with the
/// number of entries to come, [`Writer::entry`] per entry in order,
/// [`Writer::finish`].
pub struct Writer<W: Write> {
    out: W,
    written: usize,
}

impl<W: Write> Writer<W> {
    /// Write the header; `count` entries are to follow.
    ///
    /// # Errors
    ///
    /// An [`crate::ErrorKind::Io`] error when `out` fails.
    pub fn start(mut out: W, count: usize, generated: Option<&str>) -> Result<Self> {
        let header = Header { format: FORMAT, version: VERSION, generated, count };
        let head = serde_json::to_string(&header)?;
        // Open the header object and append the events array to it.
        out.write_all(&head.as_bytes()[..head.len() - 1])?;
        out.write_all(b",\"events\":[")?;
        Ok(Writer { out, written: 0 })
    }

    /// Write the record of `e`.
    ///
    /// # Errors
    ///
    /// An [`crate::ErrorKind::Io`] error when the output fails.
    pub fn entry(&mut self, e: &TimelineEntry) -> Result<()> {
        self.out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut self.out, &record(e))?;
        self.written += 1;
        Ok(())
    }

    /// Close the file and give the output back.
    ///
    /// # Errors
    ///
    /// An [`crate::ErrorKind::Io`] error when the output fails.
    pub fn finish(mut self) -> Result<W> {
        self.out.write_all(if self.written == 0 { b"]}\n" } else { b"\n]}\n" })?;
        Ok(self.out)
    }
}
