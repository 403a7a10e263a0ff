/*!
Temporal tagging and resolution: TIMEX3 expressions found in one pass over a
text and resolved against the publication context.

```
use dateline::model::PubContext;
let ctx = PubContext { date: chrono::NaiveDate::from_ymd_opt(2025, 3, 14), ..Default::default() };
let found = dateline::temporal::tag("The Kremlin announced on Thursday that ...", &ctx);
assert_eq!(found[0].text, "Thursday");
assert_eq!(found[0].value, "2025-03-13");
```

# How it works

1. **Tokens** (`token`): one pass over the bytes gives words, digit runs
   and punctuation with byte spans; each word is looked up once in the
   lexicon (the files in `data/temporal/`, loaded once).
2. **Grammar** (`grammar`): at each token that can start an expression,
   every pattern is tried and the longest match wins.
3. **Resolution** (`resolve`): left to right, so anaphoric expressions can
   count from the last date mentioned before them.

# Grammar (what is recognised)

Brackets mark optional parts; `|` alternatives; NUM is digits, a number
word, "twenty-five", "a"/"an", or a vague "several"/"a few"/"some".

| form | examples | type, value |
|---|---|---|
| `[Weekday[,]] Month[.] Day[st][[,] Year]` | January 17, 2025; Jan. 17; Thursday, March 13 | DATE day |
| `[the] Day[th] [of] Month[[,] Year]` | 17 January 2025; the 17th of March | DATE day |
| `Month [,\|of] Year` | January 2025 | DATE month |
| `Month` | January; "in May" (May and March need a date cue: "in", "last", "early", a day or year) | DATE month |
| `the Day-th` | the 17th | DATE day in the nearest month by tense |
| `YYYY-MM-DD, YYYY/MM/DD, M/D/YYYY, D/M/YYYY (first > 12), D.M.YYYY` | 2025-01-17; 1/17/2025 | DATE day; ambiguous slashes are month first |
| `YYYY-MM-DDTHH:MM[:SS][Z\|±HH[:MM]]` | 2025-01-18T09:40:00+02:00 | TIME (the clock time as written) |
| `holidays (data/temporal/holidays.tsv), with last/next/this` | Thanksgiving Day; last Christmas; Easter week | DATE day (week) |
| `[the] reporting periods` | the quarter; the latest period; the year-ago quarter; year-earlier | DATE quarter or year |
| `NUM to\|or NUM Units; NUM 1/2 Units; NUM and a half Units` | two to three weeks; 2 1/2 years | DURATION |
| `Year, fiscal [year] Year` | 2025; fiscal 1989 | DATE year (not "Resolution 1701", "2,000 troops", "1500 people") |
| `[the] YYY0s, the 'Y0s, the Nth century` | the 1990s; the '90s; the 20th century | DATE decade/century |
| `[last\|next\|this] Weekday [morning\|afternoon\|evening\|night]` | Thursday; last Friday; Thursday morning | DATE day / TIME part of day |
| `Weekdays, Weekday nights` | Mondays; Tuesday nights | SET |
| `today, yesterday, tomorrow, tonight [part of day]; the day before yesterday` | yesterday morning | DATE day / TIME |
| `this\|last\|next\|current\|coming week\|month\|year\|weekend\|quarter\|decade` | last week; this year | DATE of that grain |
| `last\|next\|this Month\|Season` | last November; this summer | DATE month/season |
| `earlier\|later this\|last\|next Unit` | earlier this month | DATE |
| `early\|mid[-]\|late X; the end\|beginning\|start\|middle of X; year-end` | early March; mid-2024; late last year; the end of January; the end of the year | DATE with mod START/MID/END |
| `[the] [fiscal] Ordinal[-]quarter\|half [of X]` | the third quarter; third-quarter; the first half of 2024 | DATE quarter/half |
| `Q1-Q4\|H1-H2 [[of] Year\|FYyear]; FY Year, FYYY` (capitals) | Q3 2024; H1; Q2 FY2025; FY24 | DATE quarter/half; DATE year (two digits: 2000-2049 below 50) |
| `Season [[of] Year]` | summer; the winter of 1994; spring 2024 ("fall" only after in/this/last/...) | DATE season |
| `[mod] NUM Unit; NUM-Unit[-long]; Unit-long; Units` | three days; a year-long war; for months; about three weeks | DURATION (`PXM` when vague) |
| `the past\|last\|next\|coming NUM Unit(s); the past day; the first NUM Units` | the past two weeks; the past day | DURATION |
| `the past\|last week\|month\|quarter\|year\|decade` | the past year; the last decade | DATE of the period before the current one |
| `[mod] NUM Unit ago \| from now` | two days ago; a year from now | DATE at the unit's grain, from publication |
| `NUM Unit earlier\|later; the following\|next\|previous\|same Unit; that Unit` | two days later; the following day; that year | DATE from the last mention |
| `H[:MM] a.m.\|p.m. [zone] [[,] day]; HH:MM zone; noon, midnight [day]` | 10 a.m.; 10:35 a.m. EST; noon Thursday | TIME |
| `daily, weekly, annually...; every\|each Unit\|Weekday\|Month; once\|twice\|N times a Unit` | daily; every week; twice a week | SET (quant, freq) |
| `now, currently, recently, soon, the past, the future, ...` | now | DATE PRESENT_REF / PAST_REF / FUTURE_REF |
| `today's\|tomorrow's` + a generic noun of the era; `of today\|tomorrow` after one | today's youth | DATE PRESENT_REF / FUTURE_REF |
| `post-\|pre-Year` | post-1959 | DATE year, mod AFTER / BEFORE |
| `the day before\|after` + a named day | the day before last Tuesday | DATE day |
| `early\|mid[-]\|late` + part of day [+ day] | mid-afternoon yesterday | TIME/DATE part of day, mod |
| `the quarter\|period a year ago\|last year; last year's quarter` | the corresponding period last year | DATE quarter a year back |

Mods in front of quantities ("about", "nearly", "more than", "at least", ...)
are part of the expression and give `mod` (APPROX, MORE_THAN, ...). Ages
("a 48-year-old") and impossible dates ("31 February", "2025-13-01") are
skipped, not tagged; [`tag_with_skipped`] reports the impossible dates. Words
that only look like time are consumed untagged: ages, rates of money and
shares ("$5 million a year", "8% annually"; a count of events per unit,
"nine flights a week", is a SET), compounds of two units ("day-to-day",
"year-over-year"), lengths measuring pay ("six months of base pay"),
"Today" in a title ("USA Today") and "Now for ..." opening a sentence.

# Anchors and directions

Deictic expressions count from the publication date; anaphoric ones from
the last date mentioned before them (else the publication date). A year
naming a thing ("the 2015 accord") and, once its sentence is over, a
relative clause that moved to another year (", which it signed on July 2
last year") do not move the story: "the same day" after them counts from
the day the story had reached. A dateline's date ("OSLO, June 12 (Agency)
-") is resolved like any other and marked with the rule `.../dateline`: it
is the filing day, not the day of the lead event. Without a
publication date, relative expressions keep `X` placeholders
(`XXXX-WXX-4`) and a note says why: dateline never invents a date.
Underspecified expressions follow the sentence's tense (see `resolve`).
*/

pub(crate) mod calendar;
pub(crate) mod context;
pub(crate) mod expr;
pub(crate) mod grammar;
pub(crate) mod lexicon;
pub(crate) mod resolve;
pub(crate) mod tense;
pub mod timeml;
pub(crate) mod token;

use crate::model::{Anchor, Direction, PubContext, Span, Timex};

use calendar::Period;
use expr::Expr::{Date, Weekday};
use expr::Sel;
use grammar::{Cand, Parser};
use resolve::{Frame, Resolver};
use token::Tok;

/// Parse the temporal stage's data files now (see [`crate::lexicon::load_all`]).
pub(crate) fn load_lexicons() {
    use std::sync::LazyLock;
    LazyLock::force(&lexicon::LEXICON);
    LazyLock::force(&context::CONTEXT_WORDS);
    tense::load_lexicon();
}

/// Something that looked like a date but was skipped ("31 February").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Where it is.
    pub span: Span,
    /// The text.
    pub text: String,
    /// Why it was skipped.
    pub reason: &'static str,
}

/// The resolver's story state saved where a relative clause opens, and
/// whether a date in that clause moved to another year.
#[derive(Debug, Clone, Copy)]
struct Aside {
    /// The first token of the first expression in the clause.
    at: usize,
    last: Option<Period>,
    last_day: Option<Period>,
    focus: Option<Period>,
    to_date: bool,
    /// The year the story was in: the last day told, else the publication
    /// date.
    year: Option<i32>,
    moved: bool,
}

impl Aside {
    fn save(r: &Resolver, at: usize) -> Aside {
        let day = match r.last_day {
            Some(Period::Day(d)) => Some(d),
            _ => r.dct,
        };
        Aside {
            at,
            last: r.last,
            last_day: r.last_day,
            focus: r.focus,
            to_date: r.to_date,
            year: day.map(|d| chrono::Datelike::year(&d)),
            moved: false,
        }
    }

    fn other_year(&self, p: Period) -> bool {
        let y = |d: chrono::NaiveDate| chrono::Datelike::year(&d);
        match (self.year, p.interval()) {
            (Some(year), Some(iv)) => y(iv.start) != year && y(iv.end) != year,
            _ => false,
        }
    }

    fn restore(&self, r: &mut Resolver) {
        r.last = self.last;
        r.last_day = self.last_day;
        r.focus = self.focus;
        r.to_date = self.to_date;
    }
}

/// A reusable tagger: keeps its token and candidate buffers between texts,
/// so tagging many texts allocates only for the expressions found.
#[derive(Debug, Default)]
pub struct Tagger {
    toks: Vec<Tok>,
    cands: Vec<Cand>,
    /// Token spans and periods of the expressions resolved so far.
    done: Vec<(usize, usize, Option<Period>)>,
}

impl Tagger {
    /// A new tagger.
    pub fn new() -> Self {
        Tagger::default()
    }

    /// Tag and resolve `text` against `ctx`; spans are byte offsets into
    /// `text`, in order. Skipped non-dates go to `skipped` when given.
    pub fn tag_into(
        &mut self,
        text: &str,
        ctx: &PubContext,
        out: &mut Vec<Timex>,
        mut skipped: Option<&mut Vec<Skipped>>,
    ) {
        token::tokenize(text, &mut self.toks);
        self.cands.clear();
        // An expression never crosses a paragraph break: each paragraph is
        // parsed on its own token slice, then indices are made global again.
        let mut start = 0;
        while start < self.toks.len() {
            let end = self.toks[start + 1..]
                .iter()
                .position(|t| t.breaks >= 2)
                .map_or(self.toks.len(), |p| start + 1 + p);
            let first = self.cands.len();
            Parser::new(text, &self.toks[start..end]).run(&mut self.cands);
            for c in &mut self.cands[first..] {
                c.start += start;
                c.end += start;
            }
            start = end;
        }
        let mut resolver = Resolver {
            dct: ctx.date,
            last: None,
            last_day: None,
            focus: None,
            to_date: false,
            frame: None,
            attributive: false,
        };
        self.done.clear();
        let mut aside: Option<Aside> = None;
        for (ci, c) in self.cands.iter().enumerate() {
            let span = Span::new(self.toks[c.start].start, self.toks[c.end - 1].end);
            if let expr::Expr::Invalid(reason) = c.expr {
                if let Some(s) = skipped.as_deref_mut() {
                    if !grammar::NOT_DATES.contains(&c.rule) {
                        s.push(Skipped {
                            span,
                            text: text[span.start..span.end].to_string(),
                            reason,
                        });
                    }
                }
                continue;
            }
            let toks = &self.toks;
            // A relative clause that moves to another year tells background
            // ("..., which was signed on July 2 two years ago"): once its
            // sentence is over, the story is back where it was, and "the
            // same day" counts from there. A date of the main clause after
            // it in the same sentence ("..., was renewed on Monday") moves
            // the story again.
            let relative = tense::in_relative_clause(text, toks, c.start);
            if let Some(a) = aside {
                if (a.at + 1..=c.start).any(|k| tense::boundary_before(text, toks, k)) {
                    if a.moved {
                        a.restore(&mut resolver);
                    }
                    aside = None;
                } else if !relative {
                    aside = None;
                }
            }
            if aside.is_none() && relative {
                aside = Some(Aside::save(&resolver, c.start));
            }
            // "at 9 a.m. on Monday": the clock time falls on the day named
            // after it, which also gives the sentence's direction.
            let joined;
            let (rc, (ds, de)) = match self.clock_day(text, ci) {
                Some(day) => {
                    let minutes = match c.expr {
                        expr::Expr::Time { minutes, .. } => minutes,
                        _ => 0,
                    };
                    let day_expr = Some(Box::new(day.expr.clone()));
                    joined = Cand { expr: expr::Expr::Time { minutes, day: day_expr }, ..*c };
                    (&joined, (day.start, day.end))
                }
                None => (c, (c.start, c.end)),
            };
            // The sentence's direction is asked for by the frame and maybe
            // several times by the resolver: work it out once per candidate.
            let own_dir = std::cell::Cell::new(None);
            let dir_of = |s: usize, e: usize| match own_dir.get() {
                Some(d) if (s, e) == (ds, de) => d,
                _ => {
                    let d = tense::direction(text, toks, s, e);
                    if (s, e) == (ds, de) {
                        own_dir.set(Some(d));
                    }
                    d
                }
            };
            let dir = || dir_of(ds, de);
            resolver.frame = self.frame(text, c, || dir_of(c.start, c.end));
            resolver.attributive = tense::attributive_year(text, toks, c.start, c.end);
            let Some(mut r) = resolver.resolve(rc, dir) else { continue };
            if r.anchor != Anchor::None && dateline(text, toks, c) {
                r.decision = "dateline";
            }
            if let (Some(a), Some(p)) = (aside.as_mut(), r.period) {
                a.moved |= r.anchor != Anchor::None && a.other_year(p);
            }
            self.done.push((c.start, c.end, r.period));
            out.push(Timex {
                span,
                text: text[span.start..span.end].to_string(),
                ttype: r.ttype,
                value: r.value,
                modifier: r.modifier.map(str::to_string),
                quant: r.quant.map(str::to_string),
                freq: r.freq,
                interval: r.interval,
                precision: r.precision,
                anchor: r.anchor,
                direction: r.direction,
                rule: [c.rule, "/", r.decision].concat(),
                note: r.note.map(str::to_string),
            });
        }
    }

    /// The backshifted frame of candidate `c`: a future-in-the-past modal
    /// under a past verb of saying counts from the day of the saying when an
    /// expression next to that verb names it ("said on Tuesday it would
    /// vote on Friday"), and looks back from a past perfect with no day
    /// ("had told them that inspectors would be allowed in on Wednesday").
    /// `dir` gives the direction of the sentence around `c` itself.
    fn frame(&self, text: &str, c: &Cand, dir: impl Fn() -> Option<Direction>) -> Option<Frame> {
        if !matches!(c.expr, Weekday { sel: Sel::Bare, .. } | Date { year: None, .. })
            || dir() != Some(Direction::Future)
        {
            return None;
        }
        let b = tense::backshift(text, &self.toks, c.start)?;
        // "said Tuesday", "said on Tuesday", "on Tuesday said": an
        // expression within two tokens of the verb dates the saying.
        let day = self.done.iter().rev().take_while(|d| d.1 + 4 > b.verb).find_map(|&(s, e, p)| {
            let next_to = (s > b.verb && s <= b.verb + 2) || (e <= b.verb && b.verb - e <= 1);
            match p {
                Some(Period::Day(d)) if next_to => Some(d),
                _ => None,
            }
        });
        match day {
            Some(d) => Some(Frame::Speech(d)),
            None if b.perfect => Some(Frame::Perfect),
            None => None,
        }
    }

    /// The day expression a bare clock time at candidate `ci` falls on:
    /// the next expression, when only "on" (after a zone or "local time")
    /// stands between them ("9 a.m. on Monday", "3 p.m. GMT on March 3").
    fn clock_day(&self, text: &str, ci: usize) -> Option<&Cand> {
        let c = &self.cands[ci];
        if !matches!(c.expr, expr::Expr::Time { day: None, .. }) {
            return None;
        }
        let next = self.cands.get(ci + 1)?;
        let day_like = matches!(
            next.expr,
            Weekday { .. }
                | Date { day: Some(_), .. }
                | expr::Expr::DaySel { .. }
                | expr::Expr::DayRel(_)
                | expr::Expr::WithWeekday { .. }
        );
        let gap = &self.toks[c.end..next.start];
        let (last, rest) = gap.split_last()?;
        let word = |t: &Tok| &text[t.start..t.end];
        let ok = day_like
            && gap.len() <= 3
            && word(last).eq_ignore_ascii_case("on")
            && gap.iter().all(|t| t.kind == token::Kind::Word && t.breaks == 0)
            && rest.iter().all(|t| {
                let w = word(t);
                w.eq_ignore_ascii_case("local")
                    || w.eq_ignore_ascii_case("time")
                    || (t.upper && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_uppercase()))
            });
        ok.then_some(next)
    }

    /// Tag and resolve `text`; see [`tag`].
    pub fn tag(&mut self, text: &str, ctx: &PubContext) -> Vec<Timex> {
        let mut out = Vec::new();
        self.tag_into(text, ctx, &mut out, None);
        out
    }
}

/// Is candidate `c` the date of a dateline ("LONDON, March 27 (Agency) -",
/// "KYIV/MOSCOW, July 20 -")? It is the day the report was filed, not the
/// day of the story's lead event: the rule says so (`.../dateline`), so
/// that a reader of the events can tell them apart. The test is
/// [`crate::segment::is_dateline_date`], which the event rules share.
fn dateline(text: &str, toks: &[Tok], c: &Cand) -> bool {
    matches!(c.expr, Date { month: Some(_), day: Some(_), .. })
        && c.end > c.start
        && crate::segment::is_dateline_date(
            text,
            crate::model::Span::new(toks[c.start].start, toks[c.end - 1].end),
        )
}

/// Find every temporal expression in `text` and resolve it against `ctx`.
/// Spans are byte offsets into `text`, in order of start.
pub fn tag(text: &str, ctx: &PubContext) -> Vec<Timex> {
    thread_local! {
        // One tagger per thread, so that its token and candidate buffers
        // are reused from text to text instead of grown anew each time.
        static TAGGER: std::cell::RefCell<Tagger> = std::cell::RefCell::new(Tagger::new());
    }
    TAGGER.with(|t| match t.try_borrow_mut() {
        Ok(mut tagger) => tagger.tag(text, ctx),
        Err(_) => Tagger::new().tag(text, ctx),
    })
}

/// Like [`tag`], and also return what looked like a date but was skipped
/// (impossible dates such as "31 February"), with the reason.
pub fn tag_with_skipped(text: &str, ctx: &PubContext) -> (Vec<Timex>, Vec<Skipped>) {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    Tagger::new().tag_into(text, ctx, &mut out, Some(&mut skipped));
    (out, skipped)
}

#[cfg(test)]
mod tests;
