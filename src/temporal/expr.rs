//! What the grammar recognised, before resolution: a small tree per
//! expression ("the end of January" = `Part(End, Date{month: 1})`).

use super::calendar::Grain;
use super::lexicon::{DayPart, HolidayRule, Mod, RefValue, Unit};

/// A selector in front of a weekday, month or season.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sel {
    /// No selector: direction comes from tense.
    Bare,
    /// "last": the latest one strictly before the anchor.
    Last,
    /// "next", "coming": the first one strictly after the anchor.
    Next,
    /// "this": the one in the anchor's own week or year.
    This,
}

/// A recognised expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A calendar date as written; missing parts come from the anchor.
    /// Year only is a year; month only a month; day only "the 17th".
    Date { year: Option<i32>, month: Option<u32>, day: Option<u32> },
    /// "the 1990s" (first three digits).
    Decade(i32),
    /// "the 1900s", "the 20th century" (first two digits).
    Century(i32),
    /// A weekday with its selector.
    Weekday { wd: u32, sel: Sel },
    /// The second day of "April 24 and 25": the first one's year.
    ConjDay { month: u32, day: u32 },
    /// "the previous Friday": that weekday before the last day mentioned.
    WeekdayBefore { wd: u32 },
    /// today (0), yesterday (-1), tomorrow (+1), relative to publication.
    DayRel(i64),
    /// this/last/next week, month, year... relative to publication.
    Current { grain: Grain, offset: i64 },
    /// "last November", "next March", "this May".
    MonthSel { month: u32, sel: Sel },
    /// "last Oct. 23", "next March 5".
    DaySel { month: u32, day: u32, sel: Sel },
    /// "last fall", "summer 2024", "the winter".
    Season { season: u8, sel: Sel, year: Option<i32> },
    /// "the third quarter [of 2024]", "the first half [of next year]".
    Quarter { n: u32, of: Option<Box<Expr>> },
    /// Half of a year.
    Half { n: u32, of: Option<Box<Expr>> },
    /// "two days ago", "a year from now": counted from publication.
    Ago { n: Option<u32>, unit: Unit, sign: i64 },
    /// "two days later", "a year earlier": counted from the last mention.
    Shift { n: Option<u32>, unit: Unit, sign: i64 },
    /// "the following day", "that year", "the same week", "the previous
    /// month": counted from the last mention.
    Anaph { grain: Grain, offset: i64 },
    /// A length of time; `n` None for "months", "several years".
    Duration { n: Option<u32>, unit: Unit },
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(RefValue),
    /// A recurrence of a unit: "daily", "every two weeks", "twice a week".
    SetUnit { n: u32, unit: Unit, quant: Option<&'static str>, freq: Option<u32> },
    /// A recurrence of a weekday, optionally a part of it ("Tuesday nights").
    SetWeekday { wd: u32, part: Option<DayPart>, quant: Option<&'static str> },
    /// A recurrence of a month ("each July").
    SetMonth { month: u32, quant: Option<&'static str> },
    /// A clock time (minutes after midnight), with the day it falls on.
    Time { minutes: u32, day: Option<Box<Expr>> },
    /// A part of a day ("Thursday morning", "last night").
    DayPart { part: DayPart, day: Box<Expr> },
    /// START/MID/END of a period, or an approximate/bounded quantity.
    Mod { m: Mod, inner: Box<Expr> },
    /// The reporting period in focus ("the quarter", "the latest period"),
    /// `back` years earlier ("the year-ago quarter"); `quarter` names a
    /// quarter explicitly ("the year-ago third quarter"); `of_quarter`: the
    /// noun is "quarter", so a year in focus cannot stand for it.
    Focus { back: i64, quarter: Option<u32>, latest: bool, of_quarter: bool },
    /// "the 1988 period": the reporting quarter in focus, in that year.
    FocusYear(i32),
    /// "the year", "the full year", "the fiscal year": the year of the
    /// period being reported, `offset` years on.
    TheYear { offset: i64 },
    /// "the weekend": the nearest weekend by tense.
    Weekend,
    /// "the day before last Tuesday", "two days after Christmas": a day
    /// expression moved by whole days.
    DayOffset { inner: Box<Expr>, days: i64 },
    /// "year-end": the close of this year, or of the last one when the
    /// sentence looks back ("since year-end", "year-end net was").
    YearEnd,
    /// "the nineties": a decade named by its digit.
    DecadeWord(u8),
    /// A month of a year given relatively ("July last year").
    MonthOf { month: u32, of: Box<Expr> },
    /// "the week of March 6".
    WeekOf(Box<Expr>),
    /// "two and a half years": `n` units and a half.
    DurationHalf { n: u32, unit: Unit },
    /// A day-month with its weekday ("Saturday, April 25"): the weekday
    /// picks the year.
    WithWeekday { wd: u32, date: Box<Expr> },
    /// A holiday ("Thanksgiving Day", "last Christmas").
    Holiday { rule: HolidayRule, sel: Sel },
    /// Looked like a date but is impossible ("31 February", "2025-13-01"):
    /// skipped, with the reason.
    Invalid(&'static str),
}
