//! The page's overview chart: how many entries start in each day, week,
//! month or year, drawn as an inline SVG histogram whose bars narrow the
//! list to their period. Bins cover the dense part of the timeline; stray
//! early or late dates get one "earlier" and one "later" bar.

use chrono::{Datelike, NaiveDate};

use super::fields;
use super::html::plural;

/// The chart as the template draws it.
pub(super) struct HistogramView {
    pub(super) bars: Vec<BarView>,
    pub(super) ticks: Vec<TickView>,
    pub(super) unit: &'static str,
    pub(super) caption: String,
}

/// One bar: SVG geometry (a 1000×100 box), the period it covers, and its
/// accessible label ("March 2025: 12 events").
pub(super) struct BarView {
    pub(super) x: String,
    pub(super) w: String,
    pub(super) h: String,
    pub(super) y: String,
    pub(super) from: String,
    pub(super) to: String,
    pub(super) href: String,
    pub(super) label: String,
    pub(super) edge: bool,
}

/// An axis label, `left` in percent of the chart's width.
pub(super) struct TickView {
    pub(super) left: String,
    pub(super) label: String,
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
pub(super) struct Histogram {
    main: Bins,
    before: Option<(NaiveDate, NaiveDate)>,
    after: Option<(NaiveDate, NaiveDate)>,
}

impl Histogram {
    pub(super) fn new(mut starts: Vec<NaiveDate>) -> Option<Histogram> {
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

    pub(super) fn len(&self) -> usize {
        self.main.len() + self.offset() + usize::from(self.after.is_some())
    }

    fn is_edge(&self, i: usize) -> bool {
        (i == 0 && self.before.is_some()) || (i + 1 == self.len() && self.after.is_some())
    }

    pub(super) fn index(&self, d: NaiveDate) -> usize {
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

pub(super) fn histogram_view(hist: Option<&Histogram>, counts: &[usize]) -> HistogramView {
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
