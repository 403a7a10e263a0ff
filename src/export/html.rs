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
