//! Resolution: each recognised expression gets its TIMEX3 value, interval,
//! precision, anchor, direction and rule, counted from the publication date
//! (deictic expressions) or from the last date mentioned (anaphoric ones).
//!
//! Underspecified expressions ("Thursday", "November", "17 March", "the
//! third quarter") take the direction the sentence gives (see
//! [`super::tense`]): past → the latest match on or before the anchor;
//! future → the first match after it (a weekday strictly after; a month or
//! a day-month from the anchor's own day on); no cue → the nearest match
//! (the documented default; ties go to the past). Whole dates are
//! compared: in a past-tense sentence "17 March" never lands after the
//! publication date.

use chrono::{Datelike, NaiveDate};

use super::calendar::{pad, part_of, step_date, Grain, Period};
use super::expr::{Expr, Sel};
use super::grammar::{grain_of, Cand};
use super::lexicon::{HolidayRule, Mod, RefValue, Unit};
use crate::model::{Anchor, Direction, Interval, Precision, TimexType};

/// A resolved expression, before it becomes a [`crate::model::Timex`].
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub(crate) ttype: TimexType,
    pub(crate) value: String,
    pub(crate) modifier: Option<&'static str>,
    pub(crate) quant: Option<&'static str>,
    pub(crate) freq: Option<String>,
    pub(crate) interval: Option<Interval>,
    pub(crate) precision: Precision,
    pub(crate) anchor: Anchor,
    pub(crate) direction: Option<Direction>,
    pub(crate) decision: &'static str,
    pub(crate) note: Option<&'static str>,
    /// The period, for anaphora that follow.
    pub(crate) period: Option<Period>,
}

/// Why there is no value from the publication date.
pub(crate) const NO_DCT: &str = "no publication date: relative expression left unresolved";
const NO_ANCHOR: &str = "no earlier date and no publication date to count from";
const COARSE_ANCHOR: &str =
    "the date mentioned before names no such unit: only its year (or month) is known";
const OUT_OF_RANGE: &str = "date out of the supported range (years 1-9999)";

impl Resolved {
    fn period(
        p: Period,
        anchor: Anchor,
        direction: Option<Direction>,
        decision: &'static str,
    ) -> Resolved {
        Resolved {
            ttype: TimexType::Date,
            value: p.value(),
            modifier: None,
            quant: None,
            freq: None,
            interval: p.interval(),
            precision: p.precision(),
            anchor,
            direction,
            decision,
            note: None,
            period: Some(p),
        }
    }

    fn plain(ttype: TimexType, value: String, decision: &'static str) -> Resolved {
        Resolved {
            ttype,
            value,
            modifier: None,
            quant: None,
            freq: None,
            interval: None,
            precision: Precision::None,
            anchor: Anchor::None,
            direction: None,
            decision,
            note: None,
            period: None,
        }
    }

    fn unresolved(value: String, note: &'static str, decision: &'static str) -> Resolved {
        let mut r = Resolved::plain(TimexType::Date, value, decision);
        r.note = Some(note);
        r
    }
}

/// Choose among candidate periods by direction. `strict` (weekdays): a
/// future match must start after the anchor, not on it.
fn pick(anchor: NaiveDate, dir: Direction, strict: bool, cands: &[Period]) -> Option<Period> {
    let ivs = cands.iter().filter_map(|p| p.interval().map(|iv| (*p, iv)));
    match dir {
        Direction::Past => {
            ivs.filter(|(_, iv)| iv.start <= anchor).max_by_key(|(_, iv)| iv.start).map(|x| x.0)
        }
        Direction::Future => ivs
            .filter(|(_, iv)| if strict { iv.start > anchor } else { iv.end >= anchor })
            .min_by_key(|(_, iv)| iv.start)
            .map(|x| x.0),
        Direction::Nearest => ivs
            .min_by_key(|(_, iv)| {
                let dist = if iv.contains(anchor) {
                    0
                } else {
                    (iv.start - anchor).num_days().abs().min((iv.end - anchor).num_days().abs())
                };
                // Ties go to the past: earlier start sorts first.
                (dist, iv.start)
            })
            .map(|x| x.0),
    }
}

fn unit_code(u: Unit, n: Option<u32>) -> String {
    let (head, k, tail) = match u {
        Unit::Second => ("PT", 1, "S"),
        Unit::Minute => ("PT", 1, "M"),
        Unit::Hour => ("PT", 1, "H"),
        Unit::Day => ("P", 1, "D"),
        Unit::Week => ("P", 1, "W"),
        Unit::Weekend => ("P", 1, "WE"),
        Unit::Fortnight => ("P", 2, "W"),
        Unit::Month => ("P", 1, "M"),
        Unit::Quarter => ("P", 1, "Q"),
        Unit::Year => ("P", 1, "Y"),
        Unit::Decade => ("P", 10, "Y"),
        Unit::Century => ("P", 100, "Y"),
    };
    let mut s = String::with_capacity(8);
    s.push_str(head);
    match n {
        Some(v) => pad(&mut s, i64::from(v.saturating_mul(k)), 0),
        None => s.push('X'),
    }
    s.push_str(tail);
    s
}

/// The days within a week of `dct` (either way, in order) that fall on
/// weekday `wd` (1 = Monday): only offsets congruent to the weekday's
/// distance are stepped to.
fn weekday_candidates(dct: NaiveDate, wd: u32) -> Vec<Period> {
    let r = (i64::from(wd) - i64::from(dct.weekday().number_from_monday())).rem_euclid(7);
    [r - 7, r, r + 7]
        .into_iter()
        .filter(|k| (-7..=7).contains(k))
        .filter_map(|k| step_date(dct, Grain::Day, k))
        .filter(|d| d.weekday().number_from_monday() == wd)
        .map(Period::Day)
        .collect()
}

/// The resolver's running state over one text.
pub(crate) struct Resolver {
    pub(crate) dct: Option<NaiveDate>,
    /// The last date mentioned, for anaphora.
    pub(crate) last: Option<Period>,
    /// The last day mentioned, for day-sized anaphora after a coarser
    /// mention that contains it ("on Tuesday, his first trip since March.
    /// Two days later ...").
    pub(crate) last_day: Option<Period>,
    /// The last date mentioned that was not itself a backward comparison:
    /// what "a year earlier" and "the year-ago quarter" compare with.
    pub(crate) focus: Option<Period>,
    /// The focus is the year of a stretch reported to date ("the nine
    /// months", "the first six months"): comparisons with it are years.
    pub(crate) to_date: bool,
    /// The backshifted frame of the next expression (see
    /// [`super::tense::Backshift`]), set by the caller for one call.
    pub(crate) frame: Option<Frame>,
    /// The next expression is a year naming a thing ("a deadly 2014
    /// blast", "Russia's 2014 annexation"), set by the caller for one
    /// call: it is resolved, but the story's time does not move to it, so
    /// "a day later" after it still counts from the last day told.
    pub(crate) attributive: bool,
}

/// A past moment a modal's future counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// "said on Tuesday it would vote on Friday": the first match after the
    /// day of the saying.
    Speech(NaiveDate),
    /// "had told them that inspectors would be allowed in on Wednesday":
    /// the saying lies before a past moment and has no date of its own;
    /// the latest match on or before the publication date.
    Perfect,
}

impl Resolver {
    /// Resolve one candidate; `dir` is the direction the sentence gives.
    /// Returns `None` for skipped non-dates.
    pub(crate) fn resolve(
        &mut self,
        cand: &Cand,
        dir: impl Fn() -> Option<Direction>,
    ) -> Option<Resolved> {
        if let Expr::Invalid(_) = cand.expr {
            return None;
        }
        // An expression whose date falls outside years 1-9999 ("the
        // following day" after 31 December 9999) is still reported, with X
        // placeholders and a note, never dropped.
        // Only a bare weekday or a date without a year takes its year or
        // week from the frame; everything else ignores it.
        let frame = self.frame.take().filter(|_| {
            matches!(
                cand.expr,
                Expr::Weekday { sel: Sel::Bare, .. } | Expr::Date { year: None, .. }
            )
        });
        let resolved = match frame {
            Some(Frame::Speech(day)) => {
                // A weekday the saying announces is a later one ("said on
                // Monday it would vote on Monday" is the next Monday); a
                // date may be the day itself.
                let from = match cand.expr {
                    Expr::Weekday { .. } => day.succ_opt().unwrap_or(day),
                    _ => day,
                };
                let dct = self.dct.replace(from);
                let r = self.expr(&cand.expr, &|| Some(Direction::Future));
                self.dct = dct;
                r.map(|mut r| {
                    r.anchor = Anchor::PreviousMention;
                    r.decision = "reported_future";
                    r
                })
            }
            Some(Frame::Perfect) => {
                self.expr(&cand.expr, &|| Some(Direction::Past)).map(|mut r| {
                    r.decision = "past_perfect_frame";
                    r
                })
            }
            None => self.expr(&cand.expr, &dir),
        };
        let r = match resolved {
            Some(r) => r,
            None => {
                let mut r = Resolved::unresolved("XXXX-XX-XX".into(), OUT_OF_RANGE, "out_of_range");
                if let Expr::Duration { .. } | Expr::DurationHalf { .. } = cand.expr {
                    r.ttype = TimexType::Duration;
                    r.value = "PXD".into();
                }
                r
            }
        };
        let attributive = std::mem::take(&mut self.attributive);
        if r.anchor != Anchor::None && !attributive {
            if let Some(p) = r.period {
                // Backward comparisons ("a year earlier", "a year ago", "the
                // year-ago quarter") count from the period being reported,
                // not from each other; and a period still to come ("the
                // third quarter of next year") is a forecast, not the period
                // being reported.
                let comparison = matches!(
                    cand.expr,
                    Expr::Shift { sign: -1, .. }
                        | Expr::Ago { sign: -1, .. }
                        | Expr::Focus { back: 1.., .. }
                        | Expr::FocusYear(_)
                );
                // A quarter or half still under way ("fourth-quarter
                // results will...") is a forecast as well: only a finished
                // one can be reported on.
                let ahead = match (self.dct, p.interval()) {
                    (Some(d), Some(iv)) if matches!(p, Period::Quarter(..) | Period::Half(..)) => {
                        iv.end >= d
                    }
                    (Some(d), Some(iv)) => iv.start > d,
                    _ => false,
                };
                // An earlier quarter of the same year mentioned after the
                // one being reported ("after a flat second quarter", "up
                // from the second quarter") is a comparison too: business
                // news leads with the latest period and compares back.
                let earlier_quarter = match (self.focus, p) {
                    (Some(Period::Quarter(fy, fq)), Period::Quarter(y, q)) => y == fy && q < fq,
                    _ => false,
                };
                // "last year" while a quarter or a stretch to date is being
                // reported ("up from last year's $2 million") is the
                // comparison, not a new period in focus.
                let reporting = self.to_date
                    || matches!(self.focus, Some(Period::Quarter(..) | Period::Half(..)));
                let compared =
                    reporting && matches!(cand.expr, Expr::Current { offset: ..=-1, .. });
                if !comparison && !ahead && !earlier_quarter && !compared {
                    self.focus = Some(p);
                    self.to_date = false;
                }
                self.last = Some(p);
                if let Period::Day(_) = p {
                    self.last_day = Some(p);
                }
            }
        }
        // "the nine months", "the first six months" of a results report:
        // the year so far is being reported, and "a year earlier", "the
        // 1988 period", "year-earlier" compare with the same stretch of the
        // year before, which TIMEX3 can only name by its year.
        if cand.rule == "the_duration" {
            if let Expr::Duration { n: Some(2..=11), unit: Unit::Month } = cand.expr {
                let year = match self.focus {
                    Some(p @ (Period::Quarter(..) | Period::Half(..) | Period::Year(_))) => {
                        p.interval().map(|iv| iv.end.year())
                    }
                    _ => self
                        .dct
                        .and_then(|d| Period::containing(Grain::Quarter, d)?.shift(-1)?.interval())
                        .map(|iv| iv.end.year()),
                };
                if let Some(y) = year {
                    self.focus = Some(Period::Year(y));
                    self.to_date = true;
                }
            }
        }
        Some(r)
    }

    fn direction(dir: &dyn Fn() -> Option<Direction>) -> (Direction, &'static str) {
        match dir() {
            Some(Direction::Past) => (Direction::Past, "past_cue"),
            Some(Direction::Future) => (Direction::Future, "future_cue"),
            Some(Direction::Nearest) => (Direction::Nearest, "deadline_nearest"),
            None => (Direction::Nearest, "no_cue_nearest"),
        }
    }

    /// For weekdays, months and day-months: the match the sentence's cue
    /// gives, and with no cue the nearest one counting future matches at
    /// double distance. News reports what has happened far more than what
    /// will, so "Thursday" four days back beats "Thursday" in three days,
    /// while "Nov. 13" eleven days ahead still beats last year's.
    fn pick_biased(
        dct: NaiveDate,
        dir: &dyn Fn() -> Option<Direction>,
        cands: &[Period],
    ) -> Option<(Period, Direction, &'static str)> {
        let cue = dir();
        if cue.is_some() {
            let (d, why) = Self::direction(&|| cue);
            return Some((pick(dct, d, false, cands)?, d, why));
        }
        let dist = |iv: Interval| {
            if iv.contains(dct) {
                0
            } else if iv.end < dct {
                (dct - iv.end).num_days()
            } else {
                2 * (iv.start - dct).num_days()
            }
        };
        let p = cands
            .iter()
            .filter_map(|p| p.interval().map(|iv| (*p, iv)))
            .min_by_key(|(_, iv)| (dist(*iv), iv.start))?
            .0;
        Some((p, Direction::Nearest, "no_cue_past_bias"))
    }

    fn expr(&mut self, e: &Expr, dir: &dyn Fn() -> Option<Direction>) -> Option<Resolved> {
        Some(match e {
            Expr::Invalid(_) => return None,
            Expr::Date { year: Some(y), month, day } => {
                let p = match (month, day) {
                    (Some(m), Some(d)) => match super::calendar::ymd(*y, *m, *d) {
                        Some(date) => Period::Day(date),
                        None => return None,
                    },
                    (Some(m), None) => Period::Month(*y, *m),
                    _ => Period::Year(*y),
                };
                if p.interval().is_none() {
                    return Some(Resolved::unresolved("XXXX".into(), OUT_OF_RANGE, "explicit"));
                }
                Resolved::period(p, Anchor::Explicit, None, "explicit")
            }
            Expr::Date { year: None, month, day } => {
                let Some(dct) = self.dct else {
                    let v = match (month, day) {
                        (Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}"),
                        (Some(m), None) => format!("XXXX-{m:02}"),
                        (None, Some(d)) => format!("XXXX-XX-{d:02}"),
                        (None, None) => "XXXX".into(),
                    };
                    return Some(Resolved::unresolved(v, NO_DCT, "no_year"));
                };
                let y = dct.year();
                let cands: Vec<Period> = match (month, day) {
                    (Some(m), Some(dd)) => (y - 1..=y + 1)
                        .filter_map(|yy| super::calendar::ymd(yy, *m, *dd).map(Period::Day))
                        .collect(),
                    (Some(m), None) => (y - 1..=y + 1).map(|yy| Period::Month(yy, *m)).collect(),
                    (None, Some(dd)) => (-2..=2)
                        .filter_map(|k| {
                            let mp = Period::Month(y, dct.month()).shift(k)?;
                            let Period::Month(yy, mm) = mp else { return None };
                            super::calendar::ymd(yy, mm, *dd).map(Period::Day)
                        })
                        .collect(),
                    (None, None) => return None,
                };
                let (p, d, why) = Self::pick_biased(dct, dir, &cands)?;
                Resolved::period(p, Anchor::Publication, Some(d), why)
            }
            Expr::Decade(d) => match Period::Decade(*d).interval() {
                Some(_) => Resolved::period(Period::Decade(*d), Anchor::Explicit, None, "explicit"),
                None => return None,
            },
            Expr::Century(c) => match Period::Century(*c).interval() {
                Some(_) => {
                    Resolved::period(Period::Century(*c), Anchor::Explicit, None, "explicit")
                }
                None => return None,
            },
            Expr::Weekday { wd, sel } => {
                let Some(dct) = self.dct else {
                    return Some(Resolved::unresolved(format!("XXXX-WXX-{wd}"), NO_DCT, "no_dct"));
                };
                let cands = weekday_candidates(dct, *wd);
                let (p, d, why) = match sel {
                    Sel::Bare => Self::pick_biased(dct, dir, &cands)?,
                    Sel::Last => {
                        let p = cands
                            .iter()
                            .rev()
                            .find(|p| matches!(p, Period::Day(x) if *x < dct))
                            .copied()?;
                        (p, Direction::Past, "last")
                    }
                    Sel::Next => {
                        let p = cands
                            .iter()
                            .find(|p| matches!(p, Period::Day(x) if *x > dct))
                            .copied()?;
                        (p, Direction::Future, "next")
                    }
                    Sel::This => {
                        let w = dct.iso_week();
                        let p = cands
                            .iter()
                            .find(|p| matches!(p, Period::Day(x) if x.iso_week() == w))
                            .copied()?;
                        (p, Direction::Nearest, "this_week")
                    }
                };
                Resolved::period(p, Anchor::Publication, Some(d), why)
            }
            Expr::ConjDay { month, day } => {
                if let Some(Period::Day(first)) = self.last {
                    if let Some(d) = super::calendar::ymd(first.year(), *month, *day) {
                        return Some(Resolved::period(
                            Period::Day(d),
                            Anchor::PreviousMention,
                            None,
                            "year_of_first_day",
                        ));
                    }
                }
                let date = Expr::Date { year: None, month: Some(*month), day: Some(*day) };
                return self.expr(&date, dir);
            }
            Expr::WeekdayBefore { wd } => {
                let (base, anchor) = match self.last {
                    Some(Period::Day(d)) => (d, Anchor::PreviousMention),
                    _ => match self.dct {
                        Some(d) => (d, Anchor::Publication),
                        None => {
                            return Some(Resolved::unresolved(
                                format!("XXXX-WXX-{wd}"),
                                NO_ANCHOR,
                                "no_anchor",
                            ))
                        }
                    },
                };
                let p = (1..=7)
                    .filter_map(|k| step_date(base, Grain::Day, -k))
                    .find(|d| d.weekday().number_from_monday() == *wd)
                    .map(Period::Day)?;
                Resolved::period(p, anchor, Some(Direction::Past), "previous_weekday")
            }
            Expr::DayRel(k) => {
                let Some(dct) = self.dct else {
                    return Some(Resolved::unresolved("XXXX-XX-XX".into(), NO_DCT, "no_dct"));
                };
                let Some(d) = step_date(dct, Grain::Day, *k) else {
                    return Some(Resolved::unresolved(
                        "XXXX-XX-XX".into(),
                        OUT_OF_RANGE,
                        "deictic",
                    ));
                };
                Resolved::period(Period::Day(d), Anchor::Publication, None, "deictic")
            }
            Expr::Current { grain, offset } => {
                let Some(dct) = self.dct else {
                    return Some(Resolved::unresolved(x_value(*grain), NO_DCT, "no_dct"));
                };
                let Some(p) = Period::containing(*grain, dct).and_then(|p| p.shift(*offset)) else {
                    return Some(Resolved::unresolved(x_value(*grain), OUT_OF_RANGE, "deictic"));
                };
                // "protesters marched this weekend" in a Monday report: a
                // weekend told in the past that has not begun yet is the
                // one just gone.
                if *grain == Grain::Weekend && *offset == 0 {
                    let ahead = p.interval().is_some_and(|iv| iv.start > dct);
                    if ahead && dir() == Some(Direction::Past) {
                        if let Some(q) = p.shift(-1) {
                            return Some(Resolved::period(
                                q,
                                Anchor::Publication,
                                Some(Direction::Past),
                                "past_cue",
                            ));
                        }
                    }
                }
                Resolved::period(p, Anchor::Publication, None, "deictic")
            }
            Expr::MonthSel { month, sel } => {
                let Some(dct) = self.dct else {
                    return Some(Resolved::unresolved(
                        format!("XXXX-{month:02}"),
                        NO_DCT,
                        "no_dct",
                    ));
                };
                let y = dct.year();
                let cands: Vec<Period> =
                    (y - 2..=y + 2).map(|yy| Period::Month(yy, *month)).collect();
                let (p, d, why) = select(dct, *sel, &cands, y, |yy| Period::Month(yy, *month))?;
                Resolved::period(p, Anchor::Publication, d, why)
            }
            Expr::DaySel { month, day, sel } => {
                let Some(dct) = self.dct else {
                    return Some(Resolved::unresolved(
                        format!("XXXX-{month:02}-{day:02}"),
                        NO_DCT,
                        "no_dct",
                    ));
                };
                let y = dct.year();
                // Four years each way: 29 February comes round once in four.
                let cands: Vec<Period> = (y - 4..=y + 4)
                    .filter_map(|yy| super::calendar::ymd(yy, *month, *day).map(Period::Day))
                    .collect();
                let make = |yy| {
                    super::calendar::ymd(yy, *month, *day).map_or(Period::Year(yy), Period::Day)
                };
                let (p, d, why) = select(dct, *sel, &cands, y, make)?;
                Resolved::period(p, Anchor::Publication, d, why)
            }
            Expr::Season { season, sel, year } => {
                if let Some(y) = year {
                    let p = Period::Season(*y, *season);
                    p.interval()?;
                    return Some(Resolved::period(p, Anchor::Explicit, None, "explicit"));
                }
                let Some(dct) = self.dct else {
                    let code = ["SP", "SU", "FA", "WI"][usize::from((*season).min(3))];
                    return Some(Resolved::unresolved(format!("XXXX-{code}"), NO_DCT, "no_dct"));
                };
                let y = dct.year();
                let cands: Vec<Period> =
                    (y - 2..=y + 1).map(|yy| Period::Season(yy, *season)).collect();
                let this_year = if *season == 3 && dct.month() <= 2 { y - 1 } else { y };
                let (p, d, why) = match sel {
                    Sel::Bare => {
                        let (d, why) = Self::direction(dir);
                        (pick(dct, d, false, &cands)?, Some(d), why)
                    }
                    _ => select(dct, *sel, &cands, this_year, |yy| Period::Season(yy, *season))?,
                };
                Resolved::period(p, Anchor::Publication, d, why)
            }
            Expr::Quarter { n, of } | Expr::Half { n, of } => {
                let quarter = matches!(e, Expr::Quarter { .. });
                let make =
                    |y: i32| if quarter { Period::Quarter(y, *n) } else { Period::Half(y, *n) };
                if let Some(inner) = of {
                    let r = self.expr(inner, dir)?;
                    let Some(Period::Year(y)) = r.period else {
                        let v = if quarter { format!("XXXX-Q{n}") } else { format!("XXXX-H{n}") };
                        return Some(Resolved::unresolved(v, r.note.unwrap_or(NO_DCT), "no_dct"));
                    };
                    let p = make(y);
                    p.interval()?;
                    return Some(Resolved::period(p, r.anchor, r.direction, r.decision));
                }
                let Some(dct) = self.dct else {
                    let v = if quarter { format!("XXXX-Q{n}") } else { format!("XXXX-H{n}") };
                    return Some(Resolved::unresolved(v, NO_DCT, "no_dct"));
                };
                // A quarter or half without a year is the latest one that has
                // begun: business news reports on periods under way or past
                // ("will report third-quarter results" in October is this
                // year's third quarter), whatever the tense.
                let y = dct.year();
                let cands: Vec<Period> = (y - 1..=y + 1).map(make).collect();
                let p = pick(dct, Direction::Past, false, &cands)?;
                Resolved::period(p, Anchor::Publication, Some(Direction::Past), "latest_begun")
            }
            Expr::Ago { n, unit, sign } => {
                let Some(n) = n else {
                    let r = if *sign < 0 { RefValue::Past } else { RefValue::Future };
                    return Some(Resolved::plain(TimexType::Date, r.value().into(), "vague_ago"));
                };
                let Some(dct) = self.dct else {
                    return Some(Resolved::unresolved(x_value(ago_grain(*unit)), NO_DCT, "no_dct"));
                };
                let steps = i64::from(*n) * sign;
                // "up from a year ago" after a quarter or half: the same
                // period that many years before.
                if let (Unit::Year, Some(p @ (Period::Quarter(..) | Period::Half(..)))) =
                    (unit, self.focus)
                {
                    if let Some(q) = p.shift_by(Grain::Year, steps) {
                        return Some(Resolved::period(
                            q,
                            Anchor::PreviousMention,
                            None,
                            "same_period_years_ago",
                        ));
                    }
                }
                let moved = match unit {
                    Unit::Second | Unit::Minute | Unit::Hour => Some(dct),
                    Unit::Fortnight => step_date(dct, Grain::Week, steps * 2),
                    u => step_date(dct, grain_of(*u), steps),
                };
                // "a week ago", "two weeks ago": so short a count of weeks
                // names the day that many weeks back (the same weekday:
                // "met him a week ago" is last Tuesday on a Tuesday); "six
                // weeks ago" is only the week.
                let grain = match (unit, n) {
                    (Unit::Week, 1..=2) | (Unit::Fortnight, 1) => Grain::Day,
                    _ => ago_grain(*unit),
                };
                let p = moved.and_then(|d| Period::containing(grain, d))?;
                Resolved::period(p, Anchor::Publication, None, "deictic")
            }
            Expr::Shift { n, unit, sign } => {
                let base =
                    if *sign < 0 { self.focus.map(|p| (p, Anchor::PreviousMention)) } else { None };
                let (base, anchor) = match base.or_else(|| self.base_for(grain_of(*unit))) {
                    Some(b) => b,
                    None => {
                        return Some(Resolved::unresolved(
                            "XXXX-XX-XX".into(),
                            NO_ANCHOR,
                            "anaphoric",
                        ))
                    }
                };
                let Some(n) = n else {
                    return Some(Resolved::unresolved(
                        x_value(grain_of(*unit)),
                        NO_ANCHOR,
                        "vague_shift",
                    ));
                };
                let steps = i64::from(*n) * sign;
                let ug = grain_of(*unit);
                // "three days later" after "in 2019": the text never said
                // which day; keep what is known.
                if base.grain() >= Grain::Month
                    && ug < base.grain()
                    && ug <= Grain::Month
                    && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour)
                {
                    let mut r = Resolved::plain(
                        TimexType::Date,
                        coarse_value(base, ug)?,
                        "anaphoric_within",
                    );
                    r.anchor = anchor;
                    r.note = Some(COARSE_ANCHOR);
                    return Some(r);
                }
                let p = match unit {
                    Unit::Second | Unit::Minute | Unit::Hour => Some(base),
                    Unit::Fortnight => base.shift_by(Grain::Week, steps * 2),
                    _ if base.grain() <= ug => base.shift_by(ug, steps),
                    _ => base
                        .interval()
                        .and_then(|iv| Period::containing(ug, iv.start))
                        .and_then(|p| p.shift(steps)),
                }?;
                Resolved::period(p, anchor, None, "anaphoric")
            }
            Expr::Anaph { grain, offset } => {
                let Some((base, anchor)) = self.base_for(*grain) else {
                    return Some(Resolved::unresolved(x_value(*grain), NO_ANCHOR, "anaphoric"));
                };
                // "that day" after "in 1987": the text never said which
                // day; the first of the year would be an invented date.
                // Keep what is known and mark the rest unknown.
                if base.grain() >= Grain::Month && *grain < base.grain() && *grain <= Grain::Month {
                    let v = coarse_value(base, *grain)?;
                    let mut r = Resolved::plain(TimexType::Date, v, "anaphoric_within");
                    r.anchor = anchor;
                    r.note = Some(COARSE_ANCHOR);
                    return Some(r);
                }
                let p = base
                    .interval()
                    .and_then(|iv| Period::containing(*grain, iv.start))
                    .and_then(|p| p.shift(*offset))?;
                Resolved::period(p, anchor, None, "anaphoric")
            }
            Expr::Focus { back, quarter, latest, of_quarter } => {
                let focus = if *latest { None } else { self.focus };
                let (base, anchor) = match focus {
                    Some(p @ (Period::Quarter(..) | Period::Half(..))) => {
                        (p, Anchor::PreviousMention)
                    }
                    Some(p @ Period::Year(_)) if *back > 0 && quarter.is_none() && !of_quarter => {
                        (p, Anchor::PreviousMention)
                    }
                    _ => match self.dct {
                        Some(d) => {
                            match Period::containing(Grain::Quarter, d).and_then(|p| p.shift(-1)) {
                                Some(p) => (p, Anchor::Publication),
                                None => return None,
                            }
                        }
                        None => {
                            return Some(Resolved::unresolved("XXXX-QX".into(), NO_DCT, "no_dct"))
                        }
                    },
                };
                let p = match quarter {
                    Some(n) => {
                        let y = base.interval()?.start.year();
                        let p = Period::Quarter(y.checked_sub(i32::try_from(*back).ok()?)?, *n);
                        p.interval()?;
                        p
                    }
                    None => base.shift_by(Grain::Year, -back)?,
                };
                Resolved::period(p, anchor, None, "reporting_period")
            }
            Expr::TheYear { offset } => {
                // The year of the period being reported (not of the last
                // comparison or forecast, which "the year" rarely means),
                // else of the last mention, else of publication.
                let dct = self.dct;
                let past = |p: &Period| match (dct, p.interval()) {
                    (Some(d), Some(iv)) => iv.start <= d,
                    _ => true,
                };
                let base = self.focus.or(self.last.filter(past));
                let (day, anchor) = match (base.and_then(|p| p.interval()), self.dct) {
                    (Some(iv), _) => (iv.start, Anchor::PreviousMention),
                    (None, Some(d)) => (d, Anchor::Publication),
                    (None, None) => {
                        return Some(Resolved::unresolved("XXXX".into(), NO_ANCHOR, "the_year"))
                    }
                };
                let p = Period::containing(Grain::Year, day)?.shift(*offset)?;
                Resolved::period(p, anchor, None, "year_in_focus")
            }
            Expr::FocusYear(year) => {
                // The quarter being reported: the one in focus, else the
                // last full quarter before publication; without either, the
                // year as written.
                if self.to_date {
                    let p = Period::Year(*year);
                    p.interval()?;
                    return Some(Resolved::period(
                        p,
                        Anchor::PreviousMention,
                        None,
                        "reporting_year_to_date",
                    ));
                }
                let n = match self.focus {
                    Some(Period::Quarter(_, n)) => Some((n, Anchor::PreviousMention)),
                    _ => self.dct.and_then(|d| {
                        match Period::containing(Grain::Quarter, d)?.shift(-1)? {
                            Period::Quarter(_, n) => Some((n, Anchor::Publication)),
                            _ => None,
                        }
                    }),
                };
                let (p, anchor) = match n {
                    Some((n, anchor)) => (Period::Quarter(*year, n), anchor),
                    None => (Period::Year(*year), Anchor::Explicit),
                };
                p.interval()?;
                Resolved::period(p, anchor, None, "reporting_period_of_year")
            }
            Expr::DayOffset { inner, days } => {
                let mut r = self.expr(inner, dir)?;
                if let Some(Period::Day(d)) = r.period {
                    let moved = Period::Day(step_date(d, Grain::Day, *days)?);
                    let mut m = Resolved::period(moved, r.anchor, r.direction, r.decision);
                    m.note = r.note;
                    r = m;
                }
                r
            }
            Expr::YearEnd => {
                // The close of the books is the year's last day: before it
                // comes, a past-tense "year-end" is last year's.
                let back = match (self.dct, dir()) {
                    (Some(d), Some(Direction::Past)) => !(d.month() == 12 && d.day() == 31),
                    _ => false,
                };
                let inner = Expr::Current { grain: Grain::Year, offset: if back { -1 } else { 0 } };
                let mut r = self.expr(&Expr::Mod { m: Mod::End, inner: Box::new(inner) }, dir)?;
                if back {
                    r.direction = Some(Direction::Past);
                    r.decision = "past_cue";
                }
                r
            }
            Expr::Weekend => {
                let Some(dct) = self.dct else {
                    return Some(Resolved::unresolved("XXXX-WXX-WE".into(), NO_DCT, "no_dct"));
                };
                let (d, why) = Self::direction(dir);
                let here = Period::containing(Grain::Weekend, dct)?;
                let cands: Vec<Period> = (-2..=2).filter_map(|k| here.shift(k)).collect();
                Resolved::period(pick(dct, d, false, &cands)?, Anchor::Publication, Some(d), why)
            }
            Expr::DecadeWord(digit) => {
                let Some(dct) = self.dct else {
                    return Some(Resolved::unresolved("XXX".into(), NO_DCT, "no_dct"));
                };
                let c = dct.year().div_euclid(100);
                let cands: Vec<Period> = [c - 1, c]
                    .iter()
                    .map(|cc| Period::Decade(cc * 10 + i32::from(*digit)))
                    .collect();
                Resolved::period(
                    pick(dct, Direction::Past, false, &cands)?,
                    Anchor::Publication,
                    None,
                    "decade_words",
                )
            }
            Expr::MonthOf { month, of } => {
                let r = self.expr(of, dir)?;
                let Some(Period::Year(y)) = r.period else {
                    return Some(Resolved::unresolved(
                        format!("XXXX-{month:02}"),
                        r.note.unwrap_or(NO_DCT),
                        "no_dct",
                    ));
                };
                let p = Period::Month(y, *month);
                p.interval()?;
                Resolved::period(p, r.anchor, None, r.decision)
            }
            Expr::WeekOf(inner) => {
                let r = self.expr(inner, dir)?;
                let Some(iv) = r.interval else { return Some(r) };
                let p = Period::containing(Grain::Week, iv.start)?;
                Resolved::period(p, r.anchor, r.direction, r.decision)
            }
            Expr::DurationHalf { n, unit } => {
                let v = match unit {
                    Unit::Year => {
                        format!("P{}", if *n == 0 { "6M".to_string() } else { format!("{n}Y6M") })
                    }
                    Unit::Month => {
                        format!("P{}", if *n == 0 { "15D".to_string() } else { format!("{n}M15D") })
                    }
                    Unit::Day => {
                        format!("P{}T12H", if *n == 0 { String::new() } else { format!("{n}D") })
                    }
                    Unit::Hour => {
                        format!("PT{}30M", if *n == 0 { String::new() } else { format!("{n}H") })
                    }
                    Unit::Minute => {
                        format!("PT{}30S", if *n == 0 { String::new() } else { format!("{n}M") })
                    }
                    u => {
                        let base = unit_code(*u, Some(*n));
                        let (num, code) = base.split_at(base.len() - 1);
                        format!("{num}.5{code}")
                    }
                };
                Resolved::plain(TimexType::Duration, v, "duration")
            }
            Expr::Holiday { rule, sel } => {
                let Some(dct) = self.dct else {
                    let v = match rule {
                        HolidayRule::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
                        HolidayRule::EasterWeek => "XXXX-WXX".to_string(),
                        _ => "XXXX-XX-XX".to_string(),
                    };
                    return Some(Resolved::unresolved(v, NO_DCT, "no_dct"));
                };
                let y = dct.year();
                let cands: Vec<Period> =
                    (y - 2..=y + 1).filter_map(|yy| holiday(*rule, yy)).collect();
                let (p, d, why) = match sel {
                    Sel::Bare => {
                        let (d, why) = Self::direction(dir);
                        (pick(dct, d, false, &cands)?, Some(d), why)
                    }
                    _ => select(dct, *sel, &cands, y, |yy| {
                        holiday(*rule, yy).unwrap_or(Period::Year(yy))
                    })?,
                };
                Resolved::period(p, Anchor::Publication, d, why)
            }
            Expr::WithWeekday { wd, date } => {
                let (Some(dct), Expr::Date { year: None, month: Some(m), day: Some(dd) }) =
                    (self.dct, &**date)
                else {
                    return self.expr(date, dir);
                };
                let y = dct.year();
                let hit = [y, y - 1, y + 1].into_iter().find_map(|yy| {
                    let d = super::calendar::ymd(yy, *m, *dd)?;
                    (d.weekday().number_from_monday() == *wd).then_some(d)
                });
                match hit {
                    Some(d) => Resolved::period(
                        Period::Day(d),
                        Anchor::Publication,
                        None,
                        "weekday_fixes_year",
                    ),
                    None => return self.expr(date, dir),
                }
            }
            Expr::Duration { n, unit } => {
                Resolved::plain(TimexType::Duration, unit_code(*unit, *n), "duration")
            }
            Expr::Ref(r) => Resolved::plain(TimexType::Date, r.value().into(), "reference"),
            Expr::SetUnit { n, unit, quant, freq } => {
                let mut r = Resolved::plain(TimexType::Set, unit_code(*unit, Some(*n)), "set");
                r.quant = *quant;
                r.freq = freq.map(|f| format!("{f}X"));
                r
            }
            Expr::SetWeekday { wd, part, quant } => {
                let v = match part {
                    Some(p) => format!("XXXX-WXX-{wd}T{}", p.code()),
                    None => format!("XXXX-WXX-{wd}"),
                };
                let mut r = Resolved::plain(TimexType::Set, v, "set");
                r.quant = *quant;
                r
            }
            Expr::SetMonth { month, quant } => {
                let mut r = Resolved::plain(TimexType::Set, format!("XXXX-{month:02}"), "set");
                r.quant = *quant;
                r
            }
            Expr::Time { minutes, day } => {
                let (h, m) = (minutes / 60, minutes % 60);
                let mut r = self.day_of(day.as_deref(), dir)?;
                r.value.push('T');
                pad(&mut r.value, i64::from(h), 2);
                r.value.push(':');
                pad(&mut r.value, i64::from(m), 2);
                r.ttype = TimexType::Time;
                if r.period.is_some() {
                    r.precision = Precision::Minute;
                }
                r.period = None;
                Some(r)?
            }
            Expr::DayPart { part, day } => {
                let mut r = self.day_of(Some(day), dir)?;
                r.value.push('T');
                r.value.push_str(part.code());
                // A part of a named or anaphoric day ("Thursday night", "the
                // next morning") is typed DATE in TimeBank-style annotation
                // (the day is what the reader places the event on); parts of
                // today/yesterday/tomorrow ("this morning", "last night")
                // are TIME. The value keeps the part of the day either way.
                r.ttype = if matches!(**day, Expr::DayRel(_)) {
                    TimexType::Time
                } else {
                    TimexType::Date
                };
                if r.period.is_some() {
                    r.precision = Precision::Hour;
                }
                // Keep the day for anaphora that follow ("that morning").
                r
            }
            Expr::Mod { m, inner } => {
                let mut r = self.expr(inner, dir)?;
                if matches!(m, Mod::Start | Mod::Mid | Mod::End) {
                    if let Some(iv) = r.interval {
                        r.interval = Some(part_of(iv, *m));
                    }
                }
                r.modifier = Some(m.as_str());
                r
            }
        })
    }

    /// The day a clock time or part of day falls on: its own day
    /// expression, else the last day mentioned, else the publication day.
    fn day_of(
        &mut self,
        day: Option<&Expr>,
        dir: &dyn Fn() -> Option<Direction>,
    ) -> Option<Resolved> {
        if let Some(e) = day {
            return self.expr(e, dir);
        }
        if let Some(p @ Period::Day(_)) = self.last {
            return Some(Resolved::period(
                p,
                Anchor::PreviousMention,
                None,
                "same_day_as_last_mention",
            ));
        }
        match self.dct {
            Some(d) => {
                Some(Resolved::period(Period::Day(d), Anchor::Publication, None, "publication_day"))
            }
            None => Some(Resolved::unresolved("XXXX-XX-XX".into(), NO_DCT, "no_dct")),
        }
    }

    /// What an anaphoric expression counts from: the last mention, else the
    /// publication day.
    fn base(&self) -> Option<(Period, Anchor)> {
        if let Some(p) = self.last {
            return Some((p, Anchor::PreviousMention));
        }
        self.dct.map(|d| (Period::Day(d), Anchor::Publication))
    }

    /// What an anaphoric expression of `grain` counts from: like
    /// [`Self::base`], but when the last mention is coarser than `grain`
    /// and contains the last day mentioned, that day ("on Tuesday, his
    /// first trip since March. The next day ..." counts from Tuesday).
    fn base_for(&self, grain: Grain) -> Option<(Period, Anchor)> {
        let (base, anchor) = self.base()?;
        if base.grain() > grain {
            if let (Some(day @ Period::Day(d)), Some(iv)) = (self.last_day, base.interval()) {
                if iv.contains(d) {
                    return Some((day, anchor));
                }
            }
        }
        Some((base, anchor))
    }
}

/// The value of a `grain`-sized anaphor counted from a coarser `base` that
/// does not say which day (week, month) it started on: what is known, the
/// rest X ("three days later" after "in 2019" is `2019-XX-XX`, not an
/// invented 4 January).
fn coarse_value(base: Period, grain: Grain) -> Option<String> {
    let iv = base.interval()?;
    Some(match (base.grain(), grain) {
        (Grain::Month, Grain::Day) => format!("{:04}-{:02}-XX", iv.start.year(), iv.start.month()),
        (_, Grain::Day) => format!("{:04}-XX-XX", iv.start.year()),
        (_, Grain::Month) => format!("{:04}-XX", iv.start.year()),
        _ => format!("{:04}-WXX", iv.start.year()),
    })
}

/// The grain "N units ago" is given at: the unit's own, but years for
/// decades and centuries ("a decade ago" names a year), days below a day.
fn ago_grain(u: Unit) -> Grain {
    match u {
        Unit::Decade | Unit::Century => Grain::Year,
        Unit::Fortnight => Grain::Week,
        _ => grain_of(u),
    }
}

/// Western Easter Sunday of year `y` (the anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    super::calendar::ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// A holiday's period in year `y`.
fn holiday(rule: HolidayRule, y: i32) -> Option<Period> {
    let day = match rule {
        HolidayRule::Fixed(m, d) => super::calendar::ymd(y, m, d)?,
        HolidayRule::Easter(k) => step_date(easter(y)?, Grain::Day, k)?,
        HolidayRule::EasterWeek => return Period::containing(Grain::Week, easter(y)?),
        HolidayRule::Nth { n, weekday, month, plus } => {
            let iv = Period::Month(y, month).interval()?;
            let days: Vec<NaiveDate> = iv
                .start
                .iter_days()
                .take_while(|d| *d <= iv.end)
                .filter(|d| d.weekday().number_from_monday() == weekday)
                .collect();
            let d = if n < 0 { *days.last()? } else { *days.get(usize::try_from(n - 1).ok()?)? };
            step_date(d, Grain::Day, plus)?
        }
    };
    Some(Period::Day(day))
}

/// An unresolved value of a grain.
fn x_value(g: Grain) -> String {
    match g {
        Grain::Day => "XXXX-XX-XX",
        Grain::Week => "XXXX-WXX",
        Grain::Weekend => "XXXX-WXX-WE",
        Grain::Month => "XXXX-XX",
        Grain::Quarter => "XXXX-QX",
        Grain::Half => "XXXX-HX",
        Grain::Season => "XXXX-XX",
        Grain::Year => "XXXX",
        Grain::Decade => "XXX",
        Grain::Century => "XX",
    }
    .to_string()
}

/// "last November", "next spring", "this March".
fn select(
    dct: NaiveDate,
    sel: Sel,
    cands: &[Period],
    this_year: i32,
    make: impl Fn(i32) -> Period,
) -> Option<(Period, Option<Direction>, &'static str)> {
    let ivs = || cands.iter().filter_map(|p| p.interval().map(|iv| (*p, iv)));
    Some(match sel {
        Sel::Last => {
            let p = ivs().filter(|(_, iv)| iv.end < dct).max_by_key(|(_, iv)| iv.start)?.0;
            (p, Some(Direction::Past), "last")
        }
        Sel::Next => {
            let p = ivs().filter(|(_, iv)| iv.start > dct).min_by_key(|(_, iv)| iv.start)?.0;
            (p, Some(Direction::Future), "next")
        }
        Sel::This | Sel::Bare => {
            let p = make(this_year);
            p.interval()?;
            (p, None, "this_year")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes as `format!` wrote them.
    fn unit_code_by_format(u: Unit, n: Option<u32>) -> String {
        let num = |k: u32| n.map_or_else(|| "X".to_string(), |v| v.saturating_mul(k).to_string());
        match u {
            Unit::Second => format!("PT{}S", num(1)),
            Unit::Minute => format!("PT{}M", num(1)),
            Unit::Hour => format!("PT{}H", num(1)),
            Unit::Day => format!("P{}D", num(1)),
            Unit::Week => format!("P{}W", num(1)),
            Unit::Weekend => format!("P{}WE", num(1)),
            Unit::Fortnight => format!("P{}W", num(2)),
            Unit::Month => format!("P{}M", num(1)),
            Unit::Quarter => format!("P{}Q", num(1)),
            Unit::Year => format!("P{}Y", num(1)),
            Unit::Decade => format!("P{}Y", num(10)),
            Unit::Century => format!("P{}Y", num(100)),
        }
    }

    #[test]
    fn weekday_candidates_are_the_matching_days_of_the_fortnight() {
        let edges = [(1, 1, 1), (1, 1, 5), (9999, 12, 28), (9999, 12, 31), (2025, 3, 14)];
        let mut days: Vec<NaiveDate> =
            edges.iter().filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)).collect();
        let start = NaiveDate::from_ymd_opt(2023, 12, 20).unwrap();
        days.extend((0..400).filter_map(|k| step_date(start, Grain::Day, k)));
        for dct in days {
            for wd in 0..=9 {
                let all: Vec<Period> = (-7i64..=7)
                    .filter_map(|k| step_date(dct, Grain::Day, k))
                    .filter(|d| d.weekday().number_from_monday() == wd)
                    .map(Period::Day)
                    .collect();
                assert_eq!(weekday_candidates(dct, wd), all, "{dct} {wd}");
            }
        }
    }

    #[test]
    fn unit_codes_are_written_as_format_writes_them() {
        let units = [
            Unit::Second,
            Unit::Minute,
            Unit::Hour,
            Unit::Day,
            Unit::Week,
            Unit::Weekend,
            Unit::Fortnight,
            Unit::Month,
            Unit::Quarter,
            Unit::Year,
            Unit::Decade,
            Unit::Century,
        ];
        for u in units {
            for n in [None, Some(0), Some(1), Some(7), Some(12), Some(45_000_000), Some(u32::MAX)] {
                assert_eq!(unit_code(u, n), unit_code_by_format(u, n));
            }
        }
    }
}
