/*!
The HTML page: one self-contained file (CSS, script and data inline; no
CDN, no request of any kind) rendered with askama from view structs built
here. Templates never see domain types: everything they show is computed
and formatted in this module, so a template cannot call into the model.

The page reads as a dated list without JavaScript: sections per month
(`<h2>`), groups per day or span (`<h3>`), one `<article>` per entry whose
`id` is the stable event id (the permalink anchor). Each entry shows its
date at its precision: a mini ruler of the month (or year) with a dot for a
day and a bar for a span, plus a precision badge, so uncertainty is seen.
The script (`templates/page.js`) adds filters, search, the clickable
histogram and keyboard shortcuts; it works from a compact JSON index of the
facets embedded in the page, in the same order as the articles.
*/

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write;

use askama::Template;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::fields;
use super::histogram::{histogram_view, Histogram, HistogramView};
use crate::model::{DateAnchor, EventStatus, Precision, TimelineEntry};
use crate::{Error, ErrorKind, Result};

/// What the page needs beyond the entries.
#[derive(Debug, Clone, Copy)]
pub struct PageOptions<'a> {
    /// Page title (`<title>` and `<h1>`).
    pub title: &'a str,
    /// Build time to show in the footer, when stamping.
    pub stamp: Option<&'a str>,
}

/// Escape text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Template)]
#[template(path = "page_head.html")]
struct HeadView<'a> {
    title: &'a str,
    count: usize,
    count_label: String,
    n_sources_label: String,
    range_label: String,
    min_date: String,
    max_date: String,
    histogram: HistogramView,
    types: Vec<FacetView>,
    actors: Vec<FacetView>,
    countries: Vec<FacetView>,
    statuses: Vec<FacetView>,
}

#[derive(Template)]
#[template(path = "page_break.html")]
struct BreakView {
    close_group: bool,
    close_month: bool,
    month: Option<MonthView>,
    group: Option<GroupView>,
}

#[derive(Template)]
#[template(path = "_entry.html")]
struct EntryTemplate {
    e: EntryView,
}

#[derive(Template)]
#[template(path = "page_tail.html")]
struct TailView<'a> {
    count: usize,
    stamp: Option<&'a str>,
    data_json: String,
}

struct MonthView {
    id: String,
    label: String,
    count_label: String,
}

struct GroupView {
    label: String,
    sublabel: String,
    datetime: String,
    span: bool,
}

struct ActorView {
    name: String,
    role: String,
    country: String,
}

struct SourceView {
    title: String,
    url: String,
    source: String,
    published: String,
}

struct EntryView {
    id: String,
    summary: String,
    date_label: String,
    datetime: String,
    badge: String,
    span: bool,
    ruler_label: String,
    ruler_end: String,
    track_style: String,
    track_cont: bool,
    type_label: String,
    type_hue: u16,
    mode: String,
    status: &'static str,
    status_label: &'static str,
    actors: Vec<ActorView>,
    location: String,
    evidence: String,
    date_text: String,
    anchor_label: &'static str,
    inherited: bool,
    fallback: bool,
    rule: String,
    confidence_pct: u32,
    timex: String,
    interval_label: String,
    sources_label: String,
    sources: Vec<SourceView>,
    conflicts: Vec<String>,
}

#[derive(Clone)]
struct FacetView {
    value: String,
    label: String,
    count: usize,
}

/// One row of [`PageData`]: first day, last day, type, status, actors,
/// countries, histogram bin.
type Row = (Option<i64>, Option<i64>, usize, usize, Vec<usize>, Vec<usize>, Option<usize>);

/// The compact index the script filters on, one row per entry in page
/// order: `[first day, last day, type, status, [actors], [countries], bin]`,
/// days counted from 1970-01-01 (`null` when undated), facets as indexes
/// into the lists beside it.
#[derive(Serialize)]
struct PageData<'a> {
    types: Vec<&'a str>,
    statuses: Vec<&'static str>,
    actors: Vec<&'a str>,
    countries: Vec<&'a str>,
    bins: usize,
    rows: Vec<Row>,
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("1970-01-01 is a valid date"),
};

fn day_number(d: NaiveDate) -> i64 {
    (d - EPOCH).num_days()
}

/// Render the page for `sorted` (already in timeline order).
///
/// # Errors
///
/// [`ErrorKind::Render`] when the template fails (a bug).
pub fn render_page(sorted: &[&TimelineEntry], opts: &PageOptions<'_>) -> Result<String> {
    let mut totals = PageTotals::default();
    for e in sorted {
        totals.add(e);
    }
    let mut w = PageWriter::start(Vec::new(), totals, opts)?;
    for e in sorted {
        w.entry(e)?;
    }
    let bytes = w.finish()?;
    String::from_utf8(bytes)
        .map_err(|e| Error::new(ErrorKind::Render, format!("rendering the page: {e}")))
}

/// Key of the month section an entry falls in; `None` for undated.
type MonthKey = Option<(i32, u32)>;

fn month_key(e: &TimelineEntry) -> MonthKey {
    e.event.date.interval.map(|i| (i.start.year(), i.start.month()))
}

/// What the top of the page shows about all its entries (counts, range,
/// histogram, filter menus), gathered in a first pass: [`PageTotals::add`]
/// each entry, then [`PageWriter::start`]. Holds the facet names and one
/// date per entry, not the entries.
#[derive(Debug, Default)]
pub struct PageTotals {
    count: usize,
    starts: Vec<NaiveDate>,
    max_end: Option<NaiveDate>,
    types: BTreeMap<String, usize>,
    actors: BTreeMap<String, usize>,
    countries: BTreeMap<String, usize>,
    statuses: BTreeMap<EventStatus, usize>,
    sources: HashSet<String>,
    months: HashMap<MonthKey, usize>,
    month_labels: HashMap<MonthKey, SectionLabel>,
}

/// How a month section is headed. A section holding only entries that run
/// past their start month, all with the same date label ("2018",
/// "Mid-2024"), is headed by that label: "January 2018" over a whole-year
/// entry would say it happened in January.
#[derive(Debug, Clone, PartialEq)]
enum SectionLabel {
    Span(String),
    Month,
}

fn section_label(e: &TimelineEntry) -> SectionLabel {
    match e.event.date.interval {
        Some(i) if (i.end.year(), i.end.month()) != (i.start.year(), i.start.month()) => {
            SectionLabel::Span(fields::date_label(&e.event.date))
        }
        _ => SectionLabel::Month,
    }
}

impl PageTotals {
    /// Count `e`.
    pub fn add(&mut self, e: &TimelineEntry) {
        self.count += 1;
        if let Some(i) = e.event.date.interval {
            self.starts.push(i.start);
            self.max_end = Some(self.max_end.map_or(i.end, |m| m.max(i.end)));
        }
        bump(&mut self.types, &e.event.event_type);
        *self.statuses.entry(e.event.status).or_default() += 1;
        for a in fields::actor_names(e) {
            bump(&mut self.actors, a);
        }
        for c in fields::actor_countries(e) {
            bump(&mut self.countries, c);
        }
        for s in fields::sources(e) {
            if !self.sources.contains(s.article_id.as_str()) {
                self.sources.insert(s.article_id.clone());
            }
        }
        *self.months.entry(month_key(e)).or_default() += 1;
        let label = section_label(e);
        self.month_labels
            .entry(month_key(e))
            .and_modify(|l| {
                if *l != label {
                    *l = SectionLabel::Month;
                }
            })
            .or_insert(label);
    }
}

fn bump(m: &mut BTreeMap<String, usize>, k: &str) {
    match m.get_mut(k) {
        Some(n) => *n += 1,
        None => {
            m.insert(k.to_string(), 1);
        }
    }
}

/// Facet values ordered by frequency then name, so the biggest groups come
/// first in the menus.
fn by_freq(m: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// The page written one entry at a time, in timeline order:
/// [`PageWriter::start`] writes everything above the first entry (from the
/// [`PageTotals`]), [`PageWriter::entry`] each entry with the month and day
/// headings it opens, [`PageWriter::finish`] the rest. The script's index
/// (a few numbers per entry) is the one part kept until the end, where the
/// page carries it.
pub struct PageWriter<'a, W: Write> {
    out: W,
    stamp: Option<&'a str>,
    count: usize,
    histogram: Option<Histogram>,
    type_ix: HashMap<String, usize>,
    actor_ix: HashMap<String, usize>,
    country_ix: HashMap<String, usize>,
    statuses: Vec<EventStatus>,
    months: HashMap<MonthKey, usize>,
    month_labels: HashMap<MonthKey, SectionLabel>,
    month: Option<String>,
    group: Option<(String, String)>,
    /// The index's JSON up to its rows.
    data_head: String,
    rows: String,
}

fn render_err(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Render, format!("rendering the page: {e}"))
}

impl<'a, W: Write> PageWriter<'a, W> {
    /// Write the page down to its first entry.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Render`] when the template or `out` fails.
    pub fn start(mut out: W, totals: PageTotals, opts: &PageOptions<'a>) -> Result<Self> {
        let PageTotals {
            count,
            starts,
            max_end,
            types,
            actors,
            countries,
            statuses,
            sources,
            months,
            month_labels,
        } = totals;
        let min = starts.iter().min().copied();
        let max_start = starts.iter().max().copied();
        let histogram = Histogram::new(starts.clone());
        let bins = histogram.as_ref().map_or(0, |b| b.len());
        let mut bin_counts = vec![0usize; bins];
        if let Some(h) = &histogram {
            for d in &starts {
                bin_counts[h.index(*d)] += 1;
            }
        }
        drop(starts);
        let (types, actors, countries) = (by_freq(types), by_freq(actors), by_freq(countries));
        let statuses: Vec<(EventStatus, usize)> = statuses.into_iter().collect();
        let index = |v: &[(String, usize)]| -> HashMap<String, usize> {
            v.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).collect()
        };
        let data = PageData {
            types: types.iter().map(|t| t.0.as_str()).collect(),
            statuses: statuses.iter().map(|s| s.0.as_str()).collect(),
            actors: actors.iter().map(|t| t.0.as_str()).collect(),
            countries: countries.iter().map(|t| t.0.as_str()).collect(),
            bins,
            rows: Vec::new(),
        };
        let mut data_head = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_string());
        // Inside <script>, "</script>" or "<!--" in a name would end the block.
        data_head = data_head.replace('<', "\\u003c");
        if data_head.ends_with("]}") {
            data_head.truncate(data_head.len() - 2);
        }
        let facet = |v: &[(String, usize)], label: &dyn Fn(&str) -> String| -> Vec<FacetView> {
            v.iter()
                .map(|(k, c)| FacetView { value: k.clone(), label: label(k), count: *c })
                .collect()
        };
        let head = HeadView {
            title: opts.title,
            count,
            count_label: plural(count, "event", "events"),
            n_sources_label: plural(sources.len(), "source", "sources"),
            range_label: match (min, max_start) {
                (Some(a), Some(b)) => {
                    format!("{} – {}", fields::day_label(a), fields::day_label(b))
                }
                _ => String::new(),
            },
            min_date: min.map(|d| d.to_string()).unwrap_or_default(),
            max_date: max_end.map(|d| d.to_string()).unwrap_or_default(),
            histogram: histogram_view(histogram.as_ref(), &bin_counts),
            types: facet(&types, &|t| type_label(t)),
            actors: facet(&actors, &|a| a.to_string()),
            countries: facet(&countries, &|c| c.to_string()),
            statuses: statuses
                .iter()
                .map(|(s, c)| FacetView {
                    value: s.as_str().to_string(),
                    label: status_label(*s).to_string(),
                    count: *c,
                })
                .collect(),
        };
        head.write_into(&mut out).map_err(render_err)?;
        Ok(PageWriter {
            out,
            stamp: opts.stamp,
            count,
            histogram,
            type_ix: index(&types),
            actor_ix: index(&actors),
            country_ix: index(&countries),
            statuses: statuses.iter().map(|s| s.0).collect(),
            months,
            month_labels,
            month: None,
            group: None,
            data_head,
            rows: String::new(),
        })
    }

    /// Write `e`, opening its month and day group when they start here.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Render`] when the template or the output fails.
    pub fn entry(&mut self, e: &TimelineEntry) -> Result<()> {
        let iv = e.event.date.interval;
        let bin = match (&self.histogram, iv) {
            (Some(b), Some(i)) => Some(b.index(i.start)),
            _ => None,
        };
        let ix = |m: &HashMap<String, usize>, k: &str| m.get(k).copied().unwrap_or(0);
        let row: Row = (
            iv.map(|i| day_number(i.start)),
            iv.map(|i| day_number(i.end)),
            ix(&self.type_ix, &e.event.event_type),
            self.statuses.iter().position(|s| *s == e.event.status).unwrap_or(0),
            fields::actor_names(e).iter().map(|a| ix(&self.actor_ix, a)).collect(),
            fields::actor_countries(e).iter().map(|c| ix(&self.country_ix, c)).collect(),
            bin,
        );
        if !self.rows.is_empty() {
            self.rows.push(',');
        }
        self.rows.push_str(&serde_json::to_string(&row)?);

        let (month_id, month_label) = match iv {
            Some(i) => (
                format!("m-{:04}-{:02}", i.start.year(), i.start.month()),
                match self.month_labels.get(&month_key(e)) {
                    Some(SectionLabel::Span(label)) => label.clone(),
                    _ => format!("{} {}", fields::month_name(i.start.month()), i.start.year()),
                },
            ),
            None => ("undated".to_string(), "Undated".to_string()),
        };
        let new_month = self.month.as_deref() != Some(month_id.as_str());
        let (glabel, gsub, gdatetime, gspan) = group_heading(e);
        let new_group =
            new_month || self.group.as_ref().is_none_or(|(d, l)| *d != gdatetime || *l != glabel);
        let brk = BreakView {
            close_group: new_group && self.group.is_some(),
            close_month: new_month && self.month.is_some(),
            month: new_month.then(|| MonthView {
                id: month_id.clone(),
                label: month_label,
                count_label: plural(
                    self.months.get(&month_key(e)).copied().unwrap_or(0),
                    "event",
                    "events",
                ),
            }),
            group: new_group.then(|| GroupView {
                label: glabel.clone(),
                sublabel: gsub,
                datetime: gdatetime.clone(),
                span: gspan,
            }),
        };
        brk.write_into(&mut self.out).map_err(render_err)?;
        if new_month {
            self.month = Some(month_id);
        }
        if new_group {
            self.group = Some((gdatetime, glabel));
        }
        self.out.write_all(b"\n").map_err(render_err)?;
        EntryTemplate { e: entry_view(e) }.write_into(&mut self.out).map_err(render_err)?;
        Ok(())
    }

    /// Close the last month and write the rest of the page; gives the output
    /// back.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Render`] when the template or the output fails.
    pub fn finish(mut self) -> Result<W> {
        let brk = BreakView {
            close_group: self.group.is_some(),
            close_month: self.month.is_some(),
            month: None,
            group: None,
        };
        brk.write_into(&mut self.out).map_err(render_err)?;
        let mut data_json = std::mem::take(&mut self.data_head);
        data_json.push_str(&self.rows);
        self.rows = String::new();
        data_json.push_str("]}");
        let tail = TailView { count: self.count, stamp: self.stamp, data_json };
        tail.write_into(&mut self.out).map_err(render_err)?;
        Ok(self.out)
    }
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    let mut s = String::new();
    // Thousands separators: 10,000 reads better than 10000.
    let digits = n.to_string();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            s.push(',');
        }
        s.push(c);
    }
    let _ = write!(s, " {}", if n == 1 { one } else { many });
    s
}

/// The `<h3>` of the group an entry falls in: the day for points ("17",
/// "Friday"), the span's own label for spans.
fn group_heading(e: &TimelineEntry) -> (String, String, String, bool) {
    let d = &e.event.date;
    match d.interval {
        Some(i) if !fields::is_span(d) => (
            i.start.day().to_string(),
            i.start.weekday_name().to_string(),
            i.start.to_string(),
            false,
        ),
        Some(i) => (
            fields::date_label(d),
            fields::precision_badge(d),
            format!("{}/{}", i.start, i.end),
            true,
        ),
        None => ("Undated".to_string(), String::new(), String::new(), false),
    }
}

trait WeekdayName {
    fn weekday_name(&self) -> &'static str;
}

impl WeekdayName for NaiveDate {
    fn weekday_name(&self) -> &'static str {
        match self.weekday() {
            chrono::Weekday::Mon => "Monday",
            chrono::Weekday::Tue => "Tuesday",
            chrono::Weekday::Wed => "Wednesday",
            chrono::Weekday::Thu => "Thursday",
            chrono::Weekday::Fri => "Friday",
            chrono::Weekday::Sat => "Saturday",
            chrono::Weekday::Sun => "Sunday",
        }
    }
}

/// "CONSULT" → "Consult", "MAKE_STATEMENT" → "Make statement".
fn type_label(code: &str) -> String {
    let lower = code.replace('_', " ").to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => "Other".to_string(),
    }
}

/// A hue for an event type, stable across builds (derived from the name,
/// not from its rank), so colours mean the same thing in every page. Hues
/// come from a small palette chosen to stay readable on light and dark
/// backgrounds.
fn type_hue(code: &str) -> u16 {
    const PALETTE: [u16; 10] = [212, 162, 24, 272, 340, 128, 40, 190, 300, 0];
    let h = blake3::hash(code.as_bytes());
    PALETTE[h.as_bytes()[0] as usize % PALETTE.len()]
}

fn status_label(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Occurred => "Occurred",
        EventStatus::Scheduled => "Scheduled",
        EventStatus::Hypothetical => "Hypothetical",
        EventStatus::Negated => "Did not happen",
    }
}

fn days_in_month(d: NaiveDate) -> u32 {
    let (y, m) = (d.year(), d.month());
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |l| l.day())
}

/// The mini ruler: a month for dates within a month, a year for coarser
/// ones. Returns (left label, right label, CSS for the mark, continues past
/// the ruler).
fn ruler(e: &TimelineEntry) -> (String, String, String, bool) {
    let d = &e.event.date;
    let Some(i) = d.interval else {
        return (String::new(), String::new(), String::new(), false);
    };
    let s = i.start;
    let same_month = s.year() == i.end.year() && s.month() == i.end.month();
    let coarse = matches!(
        d.precision,
        Precision::Quarter
            | Precision::Season
            | Precision::Half
            | Precision::Year
            | Precision::Decade
            | Precision::Century
    );
    if same_month && !coarse {
        let n = days_in_month(s) as f64;
        let left = (s.day() - 1) as f64 / n * 100.0;
        let width = (i.end.day() - s.day() + 1) as f64 / n * 100.0;
        let m = &fields::month_name(s.month())[..3];
        return (format!("1 {m}"), format!("{} {m}", n as u32), mark_style(left, width), false);
    }
    let year_start = NaiveDate::from_ymd_opt(s.year(), 1, 1).unwrap_or(s);
    let year_days = if NaiveDate::from_ymd_opt(s.year(), 2, 29).is_some() { 366.0 } else { 365.0 };
    let left = (s - year_start).num_days() as f64 / year_days * 100.0;
    let end_in_year = i.end.year() == s.year();
    let width = if end_in_year {
        ((i.end - s).num_days() + 1) as f64 / year_days * 100.0
    } else {
        100.0 - left
    };
    (format!("Jan {}", s.year()), "Dec".to_string(), mark_style(left, width), !end_in_year)
}

fn mark_style(left: f64, width: f64) -> String {
    format!("--l:{left:.2}%;--w:{:.2}%", width.max(0.0))
}

fn entry_view(e: &TimelineEntry) -> EntryView {
    let ev = &e.event;
    let d = &ev.date;
    let (ruler_label, ruler_end, track_style, track_cont) = ruler(e);
    let sources = fields::sources(e);
    let n_sources = sources.len();
    EntryView {
        id: e.event_id.clone(),
        summary: ev.summary.clone(),
        date_label: fields::date_label(d),
        datetime: match d.interval {
            Some(i) if i.start == i.end => i.start.to_string(),
            Some(i) => format!("{}/{}", i.start, i.end),
            None => String::new(),
        },
        badge: fields::precision_badge(d),
        span: fields::is_span(d),
        ruler_label,
        ruler_end,
        track_style,
        track_cont,
        type_label: type_label(&ev.event_type),
        type_hue: type_hue(&ev.event_type),
        mode: ev.mode.as_deref().map(|m| m.replace('_', " ")).unwrap_or_default(),
        status: ev.status.as_str(),
        status_label: status_label(ev.status),
        actors: {
            let mut seen: Vec<&str> = Vec::new();
            ev.actors
                .iter()
                .filter(|a| {
                    let fresh = !seen.contains(&a.name.as_str());
                    seen.push(&a.name);
                    fresh
                })
                .map(|a| ActorView {
                    name: a.name.clone(),
                    role: a.role.clone().unwrap_or_default(),
                    country: a.country.clone().unwrap_or_default(),
                })
                .collect()
        },
        location: ev.location.clone().unwrap_or_default(),
        evidence: ev.evidence.clone(),
        date_text: d.text.clone(),
        anchor_label: fields::anchor_phrase(d.anchor),
        inherited: d.anchor == DateAnchor::Inherited,
        fallback: d.anchor == DateAnchor::PublicationFallback,
        rule: d.rule.clone(),
        confidence_pct: (fields::confidence(d.confidence).parse::<f64>().unwrap_or(0.0) * 100.0)
            .round() as u32,
        timex: match &d.modifier {
            Some(m) => format!("{} (mod {m})", d.value),
            None => d.value.clone(),
        },
        interval_label: match d.interval {
            Some(i) if i.start == i.end => i.start.to_string(),
            Some(i) => format!("{} to {}", i.start, i.end),
            None => "none".to_string(),
        },
        sources_label: plural(n_sources, "source", "sources"),
        sources: sources
            .iter()
            .map(|s| SourceView {
                title: if s.title.is_empty() { s.article_id.clone() } else { s.title.clone() },
                url: s.url.clone().unwrap_or_default(),
                source: s.source.clone().unwrap_or_default(),
                published: s.published.map(fields::day_label).unwrap_or_default(),
            })
            .collect(),
        conflicts: e
            .date_conflict
            .iter()
            .map(|a| {
                let when = match a.interval {
                    Some(i) if i.start == i.end => fields::day_label(i.start),
                    Some(i) => {
                        format!("{} to {}", fields::day_label(i.start), fields::day_label(i.end))
                    }
                    None => a.value.clone(),
                };
                format!("{when} ({})", plural(a.support, "report", "reports"))
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn plural_groups_thousands() {
        assert_eq!(plural(10000, "event", "events"), "10,000 events");
        assert_eq!(plural(1, "event", "events"), "1 event");
        assert_eq!(plural(999, "x", "xs"), "999 xs");
    }

    #[test]
    fn type_labels_read_as_words() {
        assert_eq!(type_label("MAKE_STATEMENT"), "Make statement");
        assert_eq!(type_label(""), "Other");
    }
}
