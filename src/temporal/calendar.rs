//! Calendar periods: a day, an ISO week, a weekend, a month, a quarter, a
//! half, a season, a year, a decade or a century; their TIMEX3 values,
//! inclusive day intervals, and stepping from one to the next.
//!
//! Every constructor is checked: years outside 1..=9999 (the range a
//! four-digit TIMEX3 value can hold) give `None`, never a panic.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::model::{Interval, Precision};

use super::lexicon::Mod;

/// Append `n` in decimal, zero-padded to `width` characters in all (a
/// minus sign counts), as `format!("{n:0width$}")` writes it.
pub(crate) fn pad(s: &mut String, n: i64, width: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut v = n.unsigned_abs();
    loop {
        k -= 1;
        digits[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let len = digits.len() - k + usize::from(n < 0);
    if n < 0 {
        s.push('-');
    }
    for _ in len..width {
        s.push('0');
    }
    for &d in &digits[k..] {
        s.push(char::from(d));
    }
}

/// A calendar period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    Day(NaiveDate),
    /// ISO year and week.
    Week(i32, u32),
    /// Saturday and Sunday of an ISO week.
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    /// Year and season (0 spring, 1 summer, 2 fall, 3 winter from December).
    Season(i32, u8),
    Year(i32),
    /// First three digits of the years (199 = the 1990s).
    Decade(i32),
    /// First two digits of the years (19 = the 1900s).
    Century(i32),
}

/// The grain of a period, for stepping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Grain {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Season,
    Half,
    Year,
    Decade,
    Century,
}

const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

fn year_ok(y: i32) -> bool {
    (1..=9999).contains(&y)
}

impl Period {
    /// The grain.
    pub(crate) fn grain(&self) -> Grain {
        match self {
            Period::Day(_) => Grain::Day,
            Period::Week(..) => Grain::Week,
            Period::Weekend(..) => Grain::Weekend,
            Period::Month(..) => Grain::Month,
            Period::Quarter(..) => Grain::Quarter,
            Period::Half(..) => Grain::Half,
            Period::Season(..) => Grain::Season,
            Period::Year(_) => Grain::Year,
            Period::Decade(_) => Grain::Decade,
            Period::Century(_) => Grain::Century,
        }
    }

    /// The period of `grain` containing `d`.
    pub(crate) fn containing(grain: Grain, d: NaiveDate) -> Option<Period> {
        let y = d.year();
        if !year_ok(y) {
            return None;
        }
        let p = match grain {
            Grain::Day => Period::Day(d),
            Grain::Week => {
                let w = d.iso_week();
                Period::Week(w.year(), w.week())
            }
            Grain::Weekend => {
                let w = d.iso_week();
                Period::Weekend(w.year(), w.week())
            }
            Grain::Month => Period::Month(y, d.month()),
            Grain::Quarter => Period::Quarter(y, (d.month() - 1) / 3 + 1),
            Grain::Half => Period::Half(y, if d.month() <= 6 { 1 } else { 2 }),
            Grain::Season => match d.month() {
                3..=5 => Period::Season(y, 0),
                6..=8 => Period::Season(y, 1),
                9..=11 => Period::Season(y, 2),
                12 => Period::Season(y, 3),
                _ => Period::Season(y - 1, 3),
            },
            Grain::Year => Period::Year(y),
            Grain::Decade => Period::Decade(y.div_euclid(10)),
            Grain::Century => Period::Century(y.div_euclid(100)),
        };
        p.interval().map(|_| p)
    }

    /// First and last day, inclusive.
    pub(crate) fn interval(&self) -> Option<Interval> {
        let (start, end) = match *self {
            Period::Day(d) => (d, d),
            Period::Week(y, w) => {
                let s = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                (s, NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?)
            }
            Period::Weekend(y, w) => (
                NaiveDate::from_isoywd_opt(y, w, Weekday::Sat)?,
                NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?,
            ),
            Period::Month(y, m) => (ymd(y, m, 1)?, month_end(y, m)?),
            Period::Quarter(y, q) => {
                if !(1..=4).contains(&q) {
                    return None;
                }
                (ymd(y, q * 3 - 2, 1)?, month_end(y, q * 3)?)
            }
            Period::Half(y, h) => {
                if !(1..=2).contains(&h) {
                    return None;
                }
                (ymd(y, h * 6 - 5, 1)?, month_end(y, h * 6)?)
            }
            Period::Season(y, s) => match s {
                0 => (ymd(y, 3, 1)?, month_end(y, 5)?),
                1 => (ymd(y, 6, 1)?, month_end(y, 8)?),
                2 => (ymd(y, 9, 1)?, month_end(y, 11)?),
                3 => (ymd(y, 12, 1)?, month_end(y.checked_add(1)?, 2)?),
                _ => return None,
            },
            Period::Year(y) => (ymd(y, 1, 1)?, ymd(y, 12, 31)?),
            Period::Decade(d) => {
                let y = d.checked_mul(10)?;
                (ymd(y.max(1), 1, 1)?, ymd(y.checked_add(9)?, 12, 31)?)
            }
            Period::Century(c) => {
                let y = c.checked_mul(100)?;
                (ymd(y.max(1), 1, 1)?, ymd(y.checked_add(99)?, 12, 31)?)
            }
        };
        if !year_ok(start.year()) || !year_ok(end.year()) {
            return None;
        }
        Some(Interval { start, end })
    }

    /// The TIMEX3 value.
    pub(crate) fn value(&self) -> String {
        // Written digit by digit: `format!` costs more than the rest of
        // resolving an expression. Same text as `{:04}`, `{:02}`, ...
        let mut s = String::with_capacity(16);
        match *self {
            Period::Day(d) => {
                pad(&mut s, i64::from(d.year()), 4);
                s.push('-');
                pad(&mut s, i64::from(d.month()), 2);
                s.push('-');
                pad(&mut s, i64::from(d.day()), 2);
            }
            Period::Week(y, w) | Period::Weekend(y, w) => {
                pad(&mut s, i64::from(y), 4);
                s.push_str("-W");
                pad(&mut s, i64::from(w), 2);
                if matches!(self, Period::Weekend(..)) {
                    s.push_str("-WE");
                }
            }
            Period::Month(y, m) => {
                pad(&mut s, i64::from(y), 4);
                s.push('-');
                pad(&mut s, i64::from(m), 2);
            }
            Period::Quarter(y, n) | Period::Half(y, n) => {
                pad(&mut s, i64::from(y), 4);
                s.push_str(if matches!(self, Period::Quarter(..)) { "-Q" } else { "-H" });
                pad(&mut s, i64::from(n), 1);
            }
            Period::Season(y, n) => {
                pad(&mut s, i64::from(y), 4);
                s.push('-');
                s.push_str(SEASONS[usize::from(n.min(3))]);
            }
            Period::Year(y) => pad(&mut s, i64::from(y), 4),
            Period::Decade(d) => pad(&mut s, i64::from(d), 3),
            Period::Century(c) => pad(&mut s, i64::from(c), 2),
        }
        s
    }

    /// The precision.
    pub(crate) fn precision(&self) -> Precision {
        match self.grain() {
            Grain::Day => Precision::Day,
            Grain::Week | Grain::Weekend => Precision::Week,
            Grain::Month => Precision::Month,
            Grain::Quarter => Precision::Quarter,
            Grain::Half => Precision::Half,
            Grain::Season => Precision::Season,
            Grain::Year => Precision::Year,
            Grain::Decade => Precision::Decade,
            Grain::Century => Precision::Century,
        }
    }

    /// The period `n` steps later (earlier when negative), same grain.
    pub(crate) fn shift(&self, n: i64) -> Option<Period> {
        let n32 = i32::try_from(n).ok()?;
        let p = match *self {
            Period::Day(d) => Period::Day(d.checked_add_signed(Duration::try_days(n)?)?),
            Period::Week(..) | Period::Weekend(..) => {
                let s = self.interval()?.start;
                let d = s.checked_add_signed(Duration::try_weeks(n)?)?;
                Period::containing(self.grain(), d)?
            }
            Period::Month(y, m) => {
                let idx = i64::from(y) * 12 + i64::from(m) - 1 + n;
                Period::Month(
                    i32::try_from(idx.div_euclid(12)).ok()?,
                    (idx.rem_euclid(12) + 1) as u32,
                )
            }
            Period::Quarter(y, q) => {
                let idx = i64::from(y) * 4 + i64::from(q) - 1 + n;
                Period::Quarter(
                    i32::try_from(idx.div_euclid(4)).ok()?,
                    (idx.rem_euclid(4) + 1) as u32,
                )
            }
            Period::Half(y, h) => {
                let idx = i64::from(y) * 2 + i64::from(h) - 1 + n;
                Period::Half(i32::try_from(idx.div_euclid(2)).ok()?, (idx.rem_euclid(2) + 1) as u32)
            }
            Period::Season(y, s) => {
                let idx = i64::from(y) * 4 + i64::from(s) + n;
                Period::Season(i32::try_from(idx.div_euclid(4)).ok()?, idx.rem_euclid(4) as u8)
            }
            Period::Year(y) => Period::Year(y.checked_add(n32)?),
            Period::Decade(d) => Period::Decade(d.checked_add(n32)?),
            Period::Century(c) => Period::Century(c.checked_add(n32)?),
        };
        p.interval().map(|_| p)
    }

    /// Step by `n` units of a (possibly coarser or finer) grain, keeping this
    /// period's own grain: "a year earlier" than 1989-Q3 is 1988-Q3.
    pub(crate) fn shift_by(&self, unit: Grain, n: i64) -> Option<Period> {
        if unit == self.grain() {
            return self.shift(n);
        }
        let per = |g: Grain| -> Option<i64> {
            Some(match g {
                Grain::Month => 1,
                Grain::Quarter => 3,
                Grain::Season => 3,
                Grain::Half => 6,
                Grain::Year => 12,
                Grain::Decade => 120,
                Grain::Century => 1200,
                _ => return None,
            })
        };
        match (per(unit), per(self.grain())) {
            (Some(u), Some(s)) if u % s == 0 => self.shift(n.checked_mul(u / s)?),
            _ => {
                // Finer or incommensurable steps: move the first day, then
                // take the period of this grain that contains it.
                let start = self.interval()?.start;
                let moved = step_date(start, unit, n)?;
                Period::containing(self.grain(), moved)
            }
        }
    }
}

/// `d` moved by `n` units of `grain` (months clamp to the month's end).
pub(crate) fn step_date(d: NaiveDate, grain: Grain, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let k = n.checked_mul(k)?;
        let m = chrono::Months::new(u32::try_from(k.unsigned_abs()).ok()?);
        if k >= 0 {
            d.checked_add_months(m)
        } else {
            d.checked_sub_months(m)
        }
    };
    let out = match grain {
        Grain::Day => d.checked_add_signed(Duration::try_days(n)?)?,
        Grain::Week | Grain::Weekend => d.checked_add_signed(Duration::try_weeks(n)?)?,
        Grain::Month => months(1)?,
        Grain::Quarter | Grain::Season => months(3)?,
        Grain::Half => months(6)?,
        Grain::Year => months(12)?,
        Grain::Decade => months(120)?,
        Grain::Century => months(1200)?,
    };
    if year_ok(out.year()) {
        Some(out)
    } else {
        None
    }
}

/// The part of an interval a START/MID/END mod names: its first, middle or
/// last third (by days). Other mods keep the interval.
pub(crate) fn part_of(iv: Interval, m: Mod) -> Interval {
    let n = (iv.end - iv.start).num_days() + 1;
    let third = n / 3;
    if third == 0 {
        return iv;
    }
    let at = |k: i64| iv.start.checked_add_signed(Duration::days(k)).unwrap_or(iv.end);
    match m {
        Mod::Start => Interval { start: iv.start, end: at(third - 1) },
        Mod::Mid => Interval { start: at(third), end: at(2 * third - 1) },
        Mod::End => Interval { start: at(2 * third), end: iv.end },
        _ => iv,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The values as `format!` writes them: what [`Period::value`] must
    /// write.
    fn value_by_format(p: Period) -> String {
        match p {
            Period::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Period::Week(y, w) => format!("{y:04}-W{w:02}"),
            Period::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Period::Month(y, m) => format!("{y:04}-{m:02}"),
            Period::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Period::Half(y, h) => format!("{y:04}-H{h}"),
            Period::Season(y, s) => format!("{y:04}-{}", SEASONS[usize::from(s.min(3))]),
            Period::Year(y) => format!("{y:04}"),
            Period::Decade(d) => format!("{d:03}"),
            Period::Century(c) => format!("{c:02}"),
        }
    }

    proptest! {
        #[test]
        fn pad_writes_what_format_writes(n in any::<i64>(), small in -12_000i64..12_000, width in 0usize..7) {
            for n in [n, small] {
                let mut s = String::new();
                pad(&mut s, n, width);
                prop_assert_eq!(s, format!("{n:0width$}"));
            }
        }

        #[test]
        fn values_are_written_as_format_writes_them(
            y in -20_000i32..20_000, n in any::<u32>(), small in 0u32..60, s in any::<u8>(), day in 0i32..3_000_000
        ) {
            let mut ps = vec![
                Period::Week(y, small), Period::Weekend(y, n), Period::Month(y, small),
                Period::Quarter(y, n), Period::Half(y, small), Period::Season(y, s),
                Period::Year(y), Period::Decade(y), Period::Century(y), Period::Year(i32::MIN),
            ];
            if let Some(d) = NaiveDate::from_num_days_from_ce_opt(day) {
                ps.push(Period::Day(d));
            }
            for p in ps {
                prop_assert_eq!(p.value(), value_by_format(p));
            }
        }
    }

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn values_and_intervals() {
        let w = Period::containing(Grain::Week, d(2025, 3, 14)).unwrap();
        assert_eq!(w.value(), "2025-W11");
        assert_eq!(w.interval().unwrap().start, d(2025, 3, 10));
        assert_eq!(Period::Weekend(2025, 10).value(), "2025-W10-WE");
        assert_eq!(Period::Decade(199).interval().unwrap().end, d(1999, 12, 31));
        assert_eq!(Period::Season(2024, 3).interval().unwrap().end, d(2025, 2, 28));
        assert_eq!(Period::Quarter(1989, 3).value(), "1989-Q3");
        assert_eq!(Period::containing(Grain::Season, d(2025, 1, 5)), Some(Period::Season(2024, 3)));
    }

    #[test]
    fn end_of_january_is_the_last_third() {
        let iv = part_of(Period::Month(2025, 1).interval().unwrap(), Mod::End);
        assert_eq!((iv.start, iv.end), (d(2025, 1, 21), d(2025, 1, 31)));
        let iv = part_of(Period::Month(2025, 2).interval().unwrap(), Mod::Start);
        assert_eq!((iv.start, iv.end), (d(2025, 2, 1), d(2025, 2, 9)));
    }

    #[test]
    fn shifting() {
        assert_eq!(Period::Month(2025, 1).shift(-2), Some(Period::Month(2024, 11)));
        assert_eq!(
            Period::Quarter(1989, 3).shift_by(Grain::Year, -1),
            Some(Period::Quarter(1988, 3))
        );
        assert_eq!(Period::Week(2025, 1).shift(-1), Some(Period::Week(2024, 52)));
        assert_eq!(Period::Year(9999).shift(1), None);
        assert_eq!(Period::Day(d(1, 1, 1)).shift(-1), None);
        assert_eq!(
            Period::Day(d(2025, 3, 31)).shift_by(Grain::Month, -1),
            Some(Period::Day(d(2025, 2, 28)))
        );
    }
}
