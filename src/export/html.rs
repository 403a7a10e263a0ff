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

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use askama::Template;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::fields;
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
#[template(path = "timeline.html")]
struct PageView<'a> {
    title: &'a str,
    stamp: Option<&'a str>,
    count: usize,
    count_label: String,
    n_sources_label: String,
    range_label: String,
    min_date: String,
    max_date: String,
    months: Vec<MonthView>,
    histogram: HistogramView,
    types: Vec<FacetView>,
    actors: Vec<FacetView>,
    countries: Vec<FacetView>,
    statuses: Vec<FacetView>,
    data_json: String,
}

struct MonthView {
    id: String,
    label: String,
    count_label: String,
    groups: Vec<GroupView>,
}

struct GroupView {
    label: String,
    sublabel: String,
    datetime: String,
    span: bool,
    entries: Vec<EntryView>,
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

struct HistogramView {
    bars: Vec<BarView>,
    ticks: Vec<TickView>,
    unit: &'static str,
    caption: String,
}

struct BarView {
    x: String,
    w: String,
    h: String,
    y: String,
    from: String,
    to: String,
    href: String,
    label: String,
    edge: bool,
}

struct TickView {
    left: String,
    label: String,
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
    let view = page_view(sorted, opts);
    view.render().map_err(|e| Error::new(ErrorKind::Render, format!("rendering the page: {e}")))
}

fn page_view<'a>(sorted: &[&'a TimelineEntry], opts: &PageOptions<'a>) -> PageView<'a> {
    let dated: Vec<NaiveDate> =
        sorted.iter().filter_map(|e| e.event.date.interval.map(|i| i.start)).collect();
    let min = dated.iter().min().copied();
    let max_end = sorted.iter().filter_map(|e| e.event.date.interval.map(|i| i.end)).max();
    let max_start = dated.iter().max().copied();
    let histogram_bins = Histogram::new(dated.clone());

    // Facet tables, ordered by frequency then name, so the biggest groups
    // come first in the menus.
    let mut type_count: BTreeMap<&str, usize> = BTreeMap::new();
    let mut actor_count: BTreeMap<&str, usize> = BTreeMap::new();
    let mut country_count: BTreeMap<&str, usize> = BTreeMap::new();
    let mut status_count: BTreeMap<EventStatus, usize> = BTreeMap::new();
    let mut all_sources: std::collections::BTreeSet<&str> = Default::default();
    for e in sorted {
        *type_count.entry(&e.event.event_type).or_default() += 1;
        *status_count.entry(e.event.status).or_default() += 1;
        for a in fields::actor_names(e) {
            *actor_count.entry(a).or_default() += 1;
        }
        for c in fields::actor_countries(e) {
            *country_count.entry(c).or_default() += 1;
        }
        for s in fields::sources(e) {
            all_sources.insert(&s.article_id);
        }
    }
    let by_freq = |m: &BTreeMap<&'a str, usize>| -> Vec<(&'a str, usize)> {
        let mut v: Vec<(&str, usize)> = m.iter().map(|(k, c)| (*k, *c)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    };
    let types = by_freq(&type_count);
    let actors = by_freq(&actor_count);
    let countries = by_freq(&country_count);
    let statuses: Vec<(EventStatus, usize)> = status_count.into_iter().collect();
    let index = |v: &[(&'a str, usize)]| -> HashMap<&'a str, usize> {
        v.iter().enumerate().map(|(i, (k, _))| (*k, i)).collect()
    };
    let (type_ix, actor_ix, country_ix) = (index(&types), index(&actors), index(&countries));

    let mut data = PageData {
        types: types.iter().map(|t| t.0).collect(),
        statuses: statuses.iter().map(|s| s.0.as_str()).collect(),
        actors: actors.iter().map(|t| t.0).collect(),
        countries: countries.iter().map(|t| t.0).collect(),
        bins: histogram_bins.as_ref().map_or(0, |b| b.len()),
        rows: Vec::with_capacity(sorted.len()),
    };
    let mut bin_counts = vec![0usize; data.bins];

    let mut months: Vec<MonthView> = Vec::new();
    for e in sorted {
        let d = &e.event.date;
        let iv = d.interval;
        let bin = match (&histogram_bins, iv) {
            (Some(b), Some(i)) => Some(b.index(i.start)),
            _ => None,
        };
        if let Some(b) = bin {
            bin_counts[b] += 1;
        }
        data.rows.push((
            iv.map(|i| day_number(i.start)),
            iv.map(|i| day_number(i.end)),
            type_ix[e.event.event_type.as_str()],
            statuses.iter().position(|s| s.0 == e.event.status).unwrap_or(0),
            fields::actor_names(e).iter().map(|a| actor_ix[a]).collect(),
            fields::actor_countries(e).iter().map(|c| country_ix[c]).collect(),
            bin,
        ));

        let (month_id, month_label) = match iv {
            Some(i) => (
                format!("m-{:04}-{:02}", i.start.year(), i.start.month()),
                format!("{} {}", fields::month_name(i.start.month()), i.start.year()),
            ),
            None => ("undated".to_string(), "Undated".to_string()),
        };
        if months.last().is_none_or(|m| m.id != month_id) {
            months.push(MonthView {
                id: month_id,
                label: month_label,
                count_label: String::new(),
                groups: Vec::new(),
            });
        }
        let month = months.last_mut().expect("pushed above");
        let (glabel, gsub, gdatetime, gspan) = group_heading(e);
        if month.groups.last().is_none_or(|g| g.datetime != gdatetime || g.label != glabel) {
            month.groups.push(GroupView {
                label: glabel,
                sublabel: gsub,
                datetime: gdatetime,
                span: gspan,
                entries: Vec::new(),
            });
        }
        month.groups.last_mut().expect("pushed above").entries.push(entry_view(e));
    }
    for m in &mut months {
        let n: usize = m.groups.iter().map(|g| g.entries.len()).sum();
        m.count_label = plural(n, "event", "events");
    }

    let facet = |v: &[(&str, usize)], label: &dyn Fn(&str) -> String| -> Vec<FacetView> {
        v.iter()
            .map(|(k, c)| FacetView { value: k.to_string(), label: label(k), count: *c })
            .collect()
    };
    let mut json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_string());
    // Inside <script>, "</script>" or "<!--" in a name would end the block.
    json = json.replace('<', "\\u003c");

    PageView {
        title: opts.title,
        stamp: opts.stamp,
        count: sorted.len(),
        count_label: plural(sorted.len(), "event", "events"),
        n_sources_label: plural(all_sources.len(), "source", "sources"),
        range_label: match (min, max_start) {
            (Some(a), Some(b)) => format!("{} – {}", fields::day_label(a), fields::day_label(b)),
            _ => String::new(),
        },
        min_date: min.map(|d| d.to_string()).unwrap_or_default(),
        max_date: max_end.map(|d| d.to_string()).unwrap_or_default(),
        months,
        histogram: histogram_view(histogram_bins.as_ref(), &bin_counts),
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
        data_json: json,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    let mut s = String::new();
    // Thousands separators: 10,000 reads better than 10000.
    let digits = n.to_string();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
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

/// Histogram bins: days for a short range, weeks, months or years for
/// longer ones, so the chart keeps between a handful and ~120 bars.
struct Bins {
    unit: Unit,
    first: NaiveDate,
    n: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Bins {
    fn choose(min: Option<NaiveDate>, max: Option<NaiveDate>) -> Option<Bins> {
        let (min, max) = (min?, max?);
        let days = (max - min).num_days();
        let unit = if days <= 62 {
            Unit::Day
        } else if days <= 7 * 40 {
            Unit::Week
        } else if days <= 366 * 10 {
            Unit::Month
        } else {
            Unit::Year
        };
        let first = match unit {
            Unit::Day => min,
            Unit::Week => min
                .checked_sub_days(chrono::Days::new(min.weekday().num_days_from_monday() as u64))
                .unwrap_or(min),
            Unit::Month => NaiveDate::from_ymd_opt(min.year(), min.month(), 1).unwrap_or(min),
            Unit::Year => NaiveDate::from_ymd_opt(min.year(), 1, 1).unwrap_or(min),
        };
        let mut b = Bins { unit, first, n: 0 };
        b.n = b.index(max) + 1;
        Some(b)
    }

    fn len(&self) -> usize {
        self.n
    }

    fn index(&self, d: NaiveDate) -> usize {
        let i = match self.unit {
            Unit::Day => (d - self.first).num_days(),
            Unit::Week => (d - self.first).num_days() / 7,
            Unit::Month => {
                (d.year() - self.first.year()) as i64 * 12 + d.month() as i64
                    - self.first.month() as i64
            }
            Unit::Year => (d.year() - self.first.year()) as i64,
        };
        i.max(0) as usize
    }

    /// First and last day of bin `i`.
    fn range(&self, i: usize) -> (NaiveDate, NaiveDate) {
        let f = self.first;
        let add_months = |m: u32| f.checked_add_months(chrono::Months::new(m)).unwrap_or(f);
        let (a, next) = match self.unit {
            Unit::Day => {
                let a = f.checked_add_days(chrono::Days::new(i as u64)).unwrap_or(f);
                (a, a.succ_opt().unwrap_or(a))
            }
            Unit::Week => {
                let a = f.checked_add_days(chrono::Days::new(7 * i as u64)).unwrap_or(f);
                (a, a.checked_add_days(chrono::Days::new(7)).unwrap_or(a))
            }
            Unit::Month => (add_months(i as u32), add_months(i as u32 + 1)),
            Unit::Year => (add_months(12 * i as u32), add_months(12 * (i as u32 + 1))),
        };
        (a, next.pred_opt().unwrap_or(next))
    }

    fn label(&self, i: usize) -> String {
        let (a, _) = self.range(i);
        match self.unit {
            Unit::Day => fields::day_label(a),
            Unit::Week => format!("Week of {}", fields::day_label(a)),
            Unit::Month => format!("{} {}", fields::month_name(a.month()), a.year()),
            Unit::Year => a.year().to_string(),
        }
    }
}

/// The overview chart's bars: bins over the dense part of the timeline,
/// plus one "earlier" and one "later" bar for stray old or future dates, so
/// a single event from 2011 does not squash a 2025 timeline into one bar.
struct Histogram {
    main: Bins,
    before: Option<(NaiveDate, NaiveDate)>,
    after: Option<(NaiveDate, NaiveDate)>,
}

impl Histogram {
    fn new(mut starts: Vec<NaiveDate>) -> Option<Histogram> {
        starts.sort_unstable();
        let (min, max) = (*starts.first()?, *starts.last()?);
        let n = starts.len();
        let (mut lo, mut hi) = (min, max);
        if n >= 20 {
            // The narrowest window holding 90% of the entries; used when it
            // is much narrower than the whole range.
            let k = (n * 9).div_ceil(10);
            let best = (0..=n - k).min_by_key(|&i| starts[i + k - 1] - starts[i]).unwrap_or(0);
            let (mut a, mut b) = (starts[best], starts[best + k - 1]);
            // Take in the dates close to the window (a chain of gaps no
            // wider than a quarter of it), so only true strays are left.
            let margin = chrono::Days::new(((b - a).num_days() / 4).max(7) as u64);
            for &s in starts[..best].iter().rev() {
                if a.checked_sub_days(margin).is_some_and(|m| s >= m) {
                    a = s;
                } else {
                    break;
                }
            }
            for &s in &starts[best + k..] {
                if b.checked_add_days(margin).is_some_and(|m| s <= m) {
                    b = s;
                } else {
                    break;
                }
            }
            if (b - a).num_days() * 3 < (max - min).num_days() {
                (lo, hi) = (a, b);
            }
        }
        let main = Bins::choose(Some(lo), Some(hi))?;
        let first = main.range(0).0;
        let last = main.range(main.len() - 1).1;
        let before = (min < first).then(|| (min, first.pred_opt().unwrap_or(first)));
        let after = (max > last).then(|| (last.succ_opt().unwrap_or(last), max));
        Some(Histogram { main, before, after })
    }

    fn offset(&self) -> usize {
        usize::from(self.before.is_some())
    }

    fn len(&self) -> usize {
        self.main.len() + self.offset() + usize::from(self.after.is_some())
    }

    fn is_edge(&self, i: usize) -> bool {
        (i == 0 && self.before.is_some()) || (i + 1 == self.len() && self.after.is_some())
    }

    fn index(&self, d: NaiveDate) -> usize {
        if self.before.is_some_and(|(_, e)| d <= e) {
            return 0;
        }
        if self.after.is_some_and(|(s, _)| d >= s) {
            return self.len() - 1;
        }
        (self.offset() + self.main.index(d)).min(self.len() - 1)
    }

    fn range(&self, i: usize) -> (NaiveDate, NaiveDate) {
        match (i, self.before, self.after) {
            (0, Some(r), _) => r,
            (i, _, Some(r)) if i + 1 == self.len() => r,
            _ => self.main.range(i - self.offset()),
        }
    }

    fn label(&self, i: usize) -> String {
        match (i, self.before, self.after) {
            (0, Some((a, b)), _) => {
                format!("Earlier, {} to {}", fields::day_label(a), fields::day_label(b))
            }
            (i, _, Some((a, b))) if i + 1 == self.len() => {
                format!("Later, {} to {}", fields::day_label(a), fields::day_label(b))
            }
            _ => self.main.label(i - self.offset()),
        }
    }
}

fn histogram_view(hist: Option<&Histogram>, counts: &[usize]) -> HistogramView {
    let Some(hist) = hist else {
        return HistogramView { bars: vec![], ticks: vec![], unit: "", caption: String::new() };
    };
    let n = hist.len().max(1);
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bw = 1000.0 / n as f64;
    let gap = if bw > 4.0 { bw * 0.18 } else { 0.0 };
    let mut bars = Vec::with_capacity(n);
    for (i, &c) in counts.iter().enumerate() {
        let (a, b) = hist.range(i);
        let h = if c == 0 { 0.0 } else { (c as f64 / max * 96.0).max(3.0) };
        // Without script a bar links to its month's section; the last
        // edge bar to the latest month (the one that surely has a section).
        let month = if hist.is_edge(i) && i > 0 { b } else { a };
        bars.push(BarView {
            x: format!("{:.2}", i as f64 * bw + gap / 2.0),
            w: format!("{:.2}", bw - gap),
            h: format!("{h:.2}"),
            y: format!("{:.2}", 100.0 - h),
            from: a.to_string(),
            to: b.to_string(),
            href: format!("#m-{:04}-{:02}", month.year(), month.month()),
            label: format!("{}: {}", hist.label(i), plural(c, "event", "events")),
            edge: hist.is_edge(i),
        });
    }
    // Axis labels at period starts, thinned to at most ~12; "earlier" and
    // "later" under the edge bars.
    let bins = &hist.main;
    let off = hist.offset();
    let m = bins.len();
    let mut candidates: Vec<(usize, String)> = Vec::new();
    for i in 0..m {
        let (a, _) = bins.range(i);
        let label = match bins.unit {
            Unit::Day if i == 0 || a.day() == 1 => {
                Some(format!("{} {}", a.day(), &fields::month_name(a.month())[..3]))
            }
            Unit::Day if a.weekday() == chrono::Weekday::Mon => Some(a.day().to_string()),
            Unit::Week => {
                // A label where a month starts; the first bin gets one only
                // when its month has room before the next label.
                let prev = if i == 0 { None } else { Some(bins.range(i - 1).0.month()) };
                let change = i > 0 && prev != Some(a.month());
                let room =
                    i == 0 && (1..3).all(|k| bins.range(k.min(m - 1)).0.month() == a.month());
                (change || room).then(|| {
                    if candidates.is_empty() || a.month() == 1 {
                        format!("{} {}", &fields::month_name(a.month())[..3], a.year())
                    } else {
                        fields::month_name(a.month())[..3].to_string()
                    }
                })
            }
            Unit::Month if i == 0 || a.month() == 1 => {
                Some(format!("{} {}", &fields::month_name(a.month())[..3], a.year()))
            }
            Unit::Month => Some(fields::month_name(a.month())[..3].to_string()),
            Unit::Year => Some(a.year().to_string()),
            _ => None,
        };
        if let Some(l) = label {
            candidates.push((i + off, l));
        }
    }
    let step = candidates.len().div_ceil(12).max(1);
    let mut ticks: Vec<TickView> = Vec::new();
    if hist.before.is_some() {
        ticks.push(TickView { left: "0.00".into(), label: "earlier".into() });
    }
    for (k, (i, l)) in candidates.into_iter().enumerate() {
        if k % step == 0 {
            ticks.push(TickView { left: format!("{:.2}", i as f64 * bw / 10.0), label: l });
        }
    }
    if hist.after.is_some() {
        let i = hist.len() - 1;
        ticks
            .push(TickView { left: format!("{:.2}", i as f64 * bw / 10.0), label: "later".into() });
    }
    let unit = match bins.unit {
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Month => "month",
        Unit::Year => "year",
    };
    HistogramView { bars, ticks, unit, caption: format!("Events per {unit}") }
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

    #[test]
    fn stray_dates_get_edge_bars_instead_of_squashing_the_chart() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let mut starts: Vec<NaiveDate> = (0..40)
            .map(|i| d(2025, 1, 1).checked_add_days(chrono::Days::new(i * 2)).unwrap())
            .collect();
        starts.push(d(2011, 5, 9));
        starts.push(d(2017, 1, 1));
        let h = Histogram::new(starts.clone()).unwrap();
        assert!(h.main.unit == Unit::Day || h.main.unit == Unit::Week);
        assert_eq!(h.index(d(2011, 5, 9)), 0);
        assert!(h.is_edge(0) && !h.is_edge(1));
        assert_eq!(h.range(0).0, d(2011, 5, 9));
        assert!(h.label(0).starts_with("Earlier, 9 May 2011"));
        assert!(h.after.is_none());
        for s in &starts {
            let (a, b) = h.range(h.index(*s));
            assert!(a <= *s && *s <= b, "{s} in its bar");
        }
        // Evenly spread dates keep one chart over everything.
        let even: Vec<NaiveDate> = (0..40)
            .map(|i| d(2020, 1, 1).checked_add_days(chrono::Days::new(i * 30)).unwrap())
            .collect();
        let h = Histogram::new(even).unwrap();
        assert!(h.before.is_none() && h.after.is_none());
    }

    #[test]
    fn bins_cover_the_range() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let b = Bins::choose(Some(d(2024, 11, 3)), Some(d(2025, 3, 14))).unwrap();
        assert!(b.unit == Unit::Week);
        assert_eq!(b.index(d(2024, 11, 3)), 0);
        let last = b.len() - 1;
        let (a, z) = b.range(last);
        assert!(a <= d(2025, 3, 14) && d(2025, 3, 14) <= z);
        let m = Bins::choose(Some(d(2020, 1, 5)), Some(d(2024, 12, 31))).unwrap();
        assert!(m.unit == Unit::Month);
        assert_eq!(m.len(), 60);
        assert_eq!(m.range(59), (d(2024, 12, 1), d(2024, 12, 31)));
    }
}
