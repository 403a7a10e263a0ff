//! Patterns for reporting periods ("the quarter", "the year-ago period"),
//! weekends, decades and years in words, months of relative years, "the
//! week of", and fractional durations.

use super::super::expr::{Expr, Sel};
use super::super::lexicon::{Lex, PhraseKind, RefValue, Rel, Unit};
use super::{Parser, M};

impl Parser<'_> {
    /// "the quarter", "the latest quarter", "the latest period", "the
    /// year-ago quarter", "the comparable year-earlier period", "the
    /// year-ago third quarter", and "year-ago"/"year-earlier" alone.
    pub(super) fn focus(&self, i: usize) -> M {
        let with_the = self.is(i, "the");
        let mut k = self.the(i);
        if self.is(k, "comparable") {
            k += 1;
        }
        // "the 1988 period", "the 1989 quarter": the quarter in focus, in
        // that year ("the 1988 second quarter" is handled with quarters).
        if with_the {
            if let Some((year, j)) = self.year(k) {
                if j == k + 1 && (self.is(j, "period") || self.is(j, "quarter")) {
                    return Some((Expr::FocusYear(year), j + 1, "focus_year"));
                }
            }
        }
        // "last year's quarter", "last year's period": the period in focus,
        // a year back ("last year's third quarter" is a quarter pattern).
        if !with_the
            && self.is(k, "last")
            && self.is(k + 1, "year")
            && self.punct(k + 2, b'\'')
            && self.is(k + 3, "s")
            && (self.is(k + 4, "quarter") || self.is(k + 4, "period"))
            && !self.is(k + 5, "of")
        {
            return Some((
                Expr::Focus {
                    back: 1,
                    quarter: None,
                    latest: false,
                    of_quarter: self.is(k + 4, "quarter"),
                },
                k + 5,
                "focus_last_year",
            ));
        }
        let mut latest = false;
        if self.is(k, "latest") {
            latest = true;
            k += 1;
        } else if self.is(k, "most") && self.is(k + 1, "recent") {
            latest = true;
            k += 2;
        }
        let mut back = 0;
        if self.is(k, "year")
            && self.punct(k + 1, b'-')
            && self.glued(k + 1)
            && self.glued(k + 2)
            && (self.is(k + 2, "ago") || self.is(k + 2, "earlier"))
        {
            back = 1;
            k += 3;
        }
        if back == 0 && !with_the {
            return None;
        }
        // An ordinal quarter after year-ago: "the year-ago third quarter".
        if back == 1 {
            if let Some((n, j)) = self.ordinal(k) {
                if self.is(j, "quarter") && (1..=4).contains(&n) {
                    return Some((
                        Expr::Focus { back, quarter: Some(n as u32), latest, of_quarter: true },
                        j + 1,
                        "focus_quarter",
                    ));
                }
            }
        }
        // "the year-earlier nine months": a stretch of the earlier year,
        // named by its length.
        if back == 1 && with_the {
            if let Some((Some(n), j)) = self.number(k) {
                if !self.is(k, "a") && !self.is(k, "an") {
                    if let Some((u, true)) = self.unit(j) {
                        return Some((Expr::Duration { n: Some(n), unit: u }, j + 1, "focus_span"));
                    }
                }
            }
        }
        // "the same period", "the corresponding quarter": a comparison,
        // named as such only with the year it lies in ("last year", "a year
        // ago", "a year earlier") after it.
        let compared = with_the
            && back == 0
            && ["same", "corresponding", "comparable"].iter().any(|w| self.is(k, w));
        if compared {
            k += 1;
        }
        let period = self.is(k, "period");
        let quarter = self.is(k, "quarter") && !self.is(k + 1, "of") && !self.is(k + 1, "century");
        // "the quarter a year ago", "the period last year", "the same
        // quarter a year earlier": one expression, the period a year back.
        if back == 0 && with_the && (quarter || period) {
            let year_back = if self.is(k + 1, "a") && self.is(k + 2, "year") {
                (self.is(k + 3, "ago") || self.is(k + 3, "earlier")).then_some(k + 4)
            } else if self.is(k + 1, "last") && self.is(k + 2, "year") && !self.punct(k + 3, b'\'')
            {
                Some(k + 3)
            } else {
                None
            };
            if let Some(end) = year_back {
                let of_quarter = quarter;
                return Some((
                    Expr::Focus { back: 1, quarter: None, latest, of_quarter },
                    end,
                    "focus_year_back",
                ));
            }
        }
        if compared {
            return None;
        }
        if quarter || period && (latest || back == 1) {
            return Some((
                Expr::Focus { back, quarter: None, latest, of_quarter: quarter },
                k + 1,
                "focus_period",
            ));
        }
        // "the year", "the fiscal year", "the full year", "the latest fiscal
        // year": the year in focus.
        if with_the && back == 0 {
            let j = if self.is(k, "full") || self.is(k, "fiscal") { k + 1 } else { k };
            let next_num = self.tok(j + 1).is_some_and(|t| t.kind == super::Kind::Num)
                || self.number(j + 1).is_some_and(|(n, _)| n.is_some() && !self.is(j + 1, "a"));
            if self.is(j, "year") && !self.is(j + 1, "of") && !self.punct(j + 1, b'-') && !next_num
            {
                // "the year ended Sept. 30", "the fiscal year ending June 30":
                // a twelve-month span placed by the date that follows, not
                // a calendar year.
                if self.is(j + 1, "ended") || self.is(j + 1, "ending") || self.is(j + 1, "ends") {
                    return Some((
                        Expr::Duration { n: Some(1), unit: super::Unit::Year },
                        j + 1,
                        "the_year_ended",
                    ));
                }
                let offset = if latest { -1 } else { 0 };
                return Some((Expr::TheYear { offset }, j + 1, "the_year"));
            }
        }
        if back == 1 && !with_the {
            // "year-earlier results": the adjective alone.
            return Some((
                Expr::Focus { back, quarter: None, latest, of_quarter: false },
                k,
                "focus_adjective",
            ));
        }
        None
    }

    /// "day-to-day", "year-over-year", "the quarter-to-quarter comparison",
    /// "month-by-month": a compound adjective of two units says how things
    /// are compared or spread, and names no time. Consumed, not tagged.
    pub(super) fn unit_compound(&self, i: usize) -> M {
        let k = self.the(i);
        self.unit(k)?;
        let linked = self.punct(k + 1, b'-')
            && ["to", "over", "by", "on", "for"].iter().any(|w| self.is(k + 2, w))
            && self.punct(k + 3, b'-')
            && (k + 1..=k + 4).all(|j| self.glued(j));
        if !linked {
            return None;
        }
        self.unit(k + 4)?;
        Some((Expr::Invalid("a compound of units"), k + 5, "unit_compound"))
    }

    /// "the weekend".
    pub(super) fn weekend(&self, i: usize) -> M {
        if self.is(i, "the") && self.is(i + 1, "weekend") && !self.is(i + 2, "of") {
            return Some((Expr::Weekend, i + 2, "the_weekend"));
        }
        None
    }

    /// "nineteen ninety-six", "the year two thousand", "the nineties".
    pub(super) fn words_year(&self, i: usize) -> M {
        let k = self.the(i);
        if k > i {
            if let Some(d) =
                self.find(k, |l| if let Lex::DecadeWord(d) = l { Some(*d) } else { None })
            {
                return Some((Expr::DecadeWord(d), k + 1, "decade_words"));
            }
            if self.is(k, "year") && self.is(k + 1, "two") && self.is(k + 2, "thousand") {
                return Some((
                    Expr::Date { year: Some(2000), month: None, day: None },
                    k + 3,
                    "year_words",
                ));
            }
            return None;
        }
        if !self.is(i, "nineteen") {
            return None;
        }
        let (n, end) = self.number(i + 1)?;
        let n = n?;
        if !(10..=99).contains(&n)
            || self.tok(i + 1).is_some_and(|t| !t.space || t.kind != super::Kind::Word)
        {
            return None;
        }
        Some((
            Expr::Date { year: Some(1900 + n as i32), month: None, day: None },
            end,
            "year_words",
        ))
    }

    /// "July last year", "March this year", "January next year".
    pub(super) fn month_of(&self, i: usize) -> M {
        let (m, _, j) = self.month(i)?;
        let offset = match self.rel(j)? {
            Rel::Last | Rel::Previous => -1,
            Rel::This | Rel::Current => 0,
            Rel::Next | Rel::Coming => 1,
            _ => return None,
        };
        if !self.is(j + 1, "year") {
            return None;
        }
        let of = Expr::Current { grain: super::Grain::Year, offset };
        Some((Expr::MonthOf { month: m, of: Box::new(of) }, j + 2, "month_of_relative_year"))
    }

    /// "the week of March 6".
    pub(super) fn week_of(&self, i: usize) -> M {
        if !(self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of")) {
            return None;
        }
        let (e, end, _) = self.calendar(i + 3)?;
        if !matches!(e, Expr::Date { day: Some(_), .. }) {
            return None;
        }
        Some((Expr::WeekOf(Box::new(e)), end, "week_of"))
    }

    /// "2 1/2 years", "two and a half years", "a year and a half", "half an
    /// hour".
    pub(super) fn fraction(&self, i: usize) -> M {
        let unit_at = |k: usize| self.unit(k).map(|(u, _)| u);
        if self.is(i, "half") && (self.is(i + 1, "a") || self.is(i + 1, "an")) {
            let u = unit_at(i + 2)?;
            return Some((Expr::DurationHalf { n: 0, unit: u }, i + 3, "half_unit"));
        }
        let (n, j) = self.number(i)?;
        let n = n?;
        // "2 1/2"
        if self.tok(j).is_some_and(|t| t.kind == super::Kind::Num && t.num == 1 && t.space)
            && self.punct(j + 1, b'/')
            && self.tok(j + 2).is_some_and(|t| t.kind == super::Kind::Num && t.num == 2)
        {
            let u = unit_at(j + 3)?;
            return Some((Expr::DurationHalf { n, unit: u }, j + 4, "fraction"));
        }
        // "two and a half years"
        if self.is(j, "and") && self.is(j + 1, "a") && self.is(j + 2, "half") {
            let u = unit_at(j + 3)?;
            return Some((Expr::DurationHalf { n, unit: u }, j + 4, "fraction"));
        }
        // "a year and a half"
        let u = unit_at(j)?;
        if self.is(j + 1, "and") && self.is(j + 2, "a") && self.is(j + 3, "half") {
            return Some((Expr::DurationHalf { n, unit: u }, j + 4, "fraction"));
        }
        None
    }

    /// "recent years", "recent days": a vague length up to now.
    pub(super) fn recent(&self, i: usize) -> M {
        // "in recent years", "in past years", "future quarters": a vague
        // stretch of the past or future named by its unit alone. For years
        // and longer, and for "future", TimeBank reads it as a reference
        // to the past or future (PAST_REF, FUTURE_REF); "recent weeks" and
        // "recent months" stay vague durations.
        let future = self.is(i, "future");
        if !(self.is(i, "recent") || future || self.is(i, "past")) {
            return None;
        }
        let long = |u: Unit| matches!(u, Unit::Year | Unit::Decade | Unit::Century);
        match self.unit(i + 1) {
            Some((u, true)) if future && u != Unit::Second => {
                Some((Expr::Ref(RefValue::Future), i + 2, "vague_future_units"))
            }
            Some((u, true)) if long(u) => {
                Some((Expr::Ref(RefValue::Past), i + 2, "vague_past_units"))
            }
            _ if !self.is(i, "recent") => None,
            Some((u, true)) if u != Unit::Second => {
                Some((Expr::Duration { n: None, unit: u }, i + 2, "recent_units"))
            }
            _ => None,
        }
    }

    /// "Thanksgiving Day", "last Christmas", "Easter week".
    pub(super) fn holiday(&self, i: usize) -> M {
        let (sel, k) = match self.rel(i) {
            Some(Rel::Last | Rel::Previous | Rel::Past) => (Sel::Last, i + 1),
            Some(Rel::Next | Rel::Coming) => (Sel::Next, i + 1),
            Some(Rel::This) => (Sel::This, i + 1),
            _ => (Sel::Bare, i),
        };
        let (kind, end) = self.phrase(k)?;
        let PhraseKind::Holiday(rule) = kind else { return None };
        // Holidays are proper names: capitalised.
        if !self.tok(k).is_some_and(|t| t.upper) {
            return None;
        }
        Some((Expr::Holiday { rule, sel }, end, "holiday"))
    }

    /// Ranges of quantities: "two to three weeks", "the next 12 to 18
    /// months", "five or six years": a length known only roughly.
    pub(super) fn range(&self, i: usize) -> M {
        let mut k = self.the(i);
        if matches!(self.rel(k), Some(Rel::Past | Rel::Next | Rel::Last | Rel::Coming)) {
            k += 1;
        } else if k > i {
            return None;
        }
        let (Some(a), j) = self.number(k)? else { return None };
        if !(self.is(j, "to") || self.is(j, "or") || self.punct(j, b'-')) {
            return None;
        }
        let (Some(b), j2) = self.number(j + 1)? else { return None };
        if b <= a || self.is(j + 1, "a") {
            return None;
        }
        let (u, true) = self.unit(j2)? else { return None };
        Some((Expr::Duration { n: None, unit: u }, j2 + 1, "range_duration"))
    }
}
