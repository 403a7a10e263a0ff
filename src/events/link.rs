/*!
Date attachment: which date expression, if any, an event is anchored to.

The input is the text's [`Timex`] list (from [`crate::temporal::tag`]); only
**usable** ones take part: DATE or TIME expressions with a resolved interval
(durations, sets and unresolved values never date an event).

1. **Own date.** Each usable expression is given to the nearest trigger of
   its own clause (by byte distance; a trigger after the date counts double
   the distance, so "announced on Thursday" wins over a later verb, while a
   clause-initial "On Saturday, ..." still reaches its verb). A trigger keeps
   the nearest expression given to it. Anchor: the expression's own anchor
   (`explicit`, `publication`, `previous_mention`).
2. **Caption date.** An event in a photo caption with no own date takes the
   caption's filing date (anchor `explicit`, rule `caption_date`); body dates
   never date a caption, and caption dates never date the body.
3. **Inherited.** Otherwise the event takes the nearest usable expression of
   its own sentence (the dated clause the sentence continues; rule
   `inherited_same_sentence`), else the **lead date**: the first day- or
   week-grained (or finer) expression of the text, the date of the story's
   lead event, around which reactions and statements are reported (rule
   `inherited_report_context`). Anchor `inherited`, lower confidence.
   Coarser dates ("in November") and later dates of side stories ("in May
   2011 ...") are not the report's context.
4. **Fallback.** Otherwise the publication date (anchor
   `publication_fallback`), or no date at all (anchor `none`).

A **dateline** date ("LONDON, March 27 (Wire) - ...") dates the report, not
any event: it takes no part in any of the steps above ([`is_dateline`]).
*/

use chrono::NaiveDate;

use crate::model::{Anchor, DateAnchor, EventDate, Interval, Precision, Span, Timex, TimexType};

/// Confidence of an own date stated in full.
pub const CONF_EXPLICIT: f32 = 0.95;
/// Confidence of an own relative date counted from publication.
pub const CONF_PUBLICATION: f32 = 0.9;
/// Confidence of an own date counted from an earlier mention.
pub const CONF_PREVIOUS: f32 = 0.8;
/// Confidence of a caption's filing date.
pub const CONF_CAPTION: f32 = 0.9;
/// Confidence of a date inherited from the same sentence.
pub const CONF_SAME_SENTENCE: f32 = 0.6;
/// Confidence of a date inherited from the report's context.
pub const CONF_CONTEXT: f32 = 0.5;
/// Confidence of the publication-date fallback.
pub const CONF_FALLBACK: f32 = 0.2;

/// True when `t` can date an event.
pub fn usable(t: &Timex) -> bool {
    matches!(t.ttype, TimexType::Date | TimexType::Time)
        && t.interval.is_some()
        && !t.is_unresolved()
        && t.precision != Precision::None
        && t.anchor != Anchor::None
}

/// The date of an agency-style dateline ("LONDON, March 27 (Wire) - ...")
/// is the day the report was filed: neither an event's own date nor the
/// story's lead date ([`crate::segment::is_dateline_date`]).
pub fn is_dateline(text: &str, span: Span) -> bool {
    crate::segment::is_dateline_date(text, span)
}

/// For each trigger span, the index (into `timexes`) of its own date, if
/// any. `clauses` are the clauses of the sentence holding the triggers.
pub fn attach(
    text: &str,
    clauses: &[Span],
    triggers: &[Span],
    timexes: &[Timex],
) -> Vec<Option<usize>> {
    attach_preferring(text, clauses, triggers, &vec![true; triggers.len()], timexes)
}

/// [`attach`], where a date goes to a `preferred` trigger of its clause
/// (verbs) when the clause has one, and to the others (nouns) only when it
/// has none: "condemned the attack on Monday" dates the condemnation.
pub fn attach_preferring(
    text: &str,
    clauses: &[Span],
    triggers: &[Span],
    preferred: &[bool],
    timexes: &[Timex],
) -> Vec<Option<usize>> {
    attach_constrained(text, clauses, triggers, preferred, &vec![false; triggers.len()], timexes)
}

/// ", a German sentenced to death in June,": a date inside an indefinite
/// appositive (between commas, opened by "a"/"an") with no trigger of its
/// own describes a participant, not an event of the sentence.
fn in_appositive(text: &str, clause: Span, date: Span, triggers: &[Span]) -> bool {
    let Some(open) = text[clause.start..date.start].rfind(',').map(|k| clause.start + k) else {
        return false;
    };
    let Some(close) = text[date.end..clause.end].find(',').map(|k| date.end + k) else {
        return false;
    };
    let head = text[open + 1..].trim_start();
    let indefinite = head.starts_with("a ") || head.starts_with("an ");
    indefinite && !triggers.iter().any(|g| open < g.start && g.end <= close)
}

/// A trigger that may take a date: (not preferred, distance, trigger index).
type Candidate = (bool, usize, usize);

/// [`attach_preferring`], where a `forward_only` trigger takes no date
/// written before it (", pushing back against ...": a participle that
/// continues an earlier verb, whose clause the earlier dates belong to).
///
/// A date that loses its trigger to a nearer date ("met X on Sunday and Y
/// on Monday", "talks on Saturday" after "said on Monday") goes to the
/// nearest trigger of its clause still without a date, verbs first.
pub fn attach_constrained(
    text: &str,
    clauses: &[Span],
    triggers: &[Span],
    preferred: &[bool],
    forward_only: &[bool],
    timexes: &[Timex],
) -> Vec<Option<usize>> {
    let mut best: Vec<Option<(usize, usize)>> = vec![None; triggers.len()];
    // Per usable date: its candidate triggers, best first.
    let mut candidates: Vec<(usize, Vec<Candidate>)> = Vec::new();
    // `timexes` are the whole text's: a date in one of the clauses lies
    // between their lowest start and highest end, so the others are passed
    // over without trying every clause.
    let lo = clauses.iter().map(|c| c.start).min().unwrap_or(usize::MAX);
    let hi = clauses.iter().map(|c| c.end).max().unwrap_or(0);
    for (ti, t) in timexes.iter().enumerate() {
        if t.span.start < lo || t.span.end > hi {
            continue;
        }
        let Some(clause) = clauses.iter().find(|c| c.start <= t.span.start && t.span.end <= c.end)
        else {
            continue;
        };
        if !usable(t) || is_reference_point(text, t.span) {
            continue;
        }
        if in_appositive(text, *clause, t.span, triggers) {
            continue;
        }
        let eligible = |gi: usize| {
            let g = &triggers[gi];
            clause.start <= g.start
                && g.end <= clause.end
                && !g.overlaps(&t.span)
                && !(forward_only[gi] && t.span.end <= g.start)
        };
        let any_preferred = (0..triggers.len()).any(|gi| preferred[gi] && eligible(gi));
        // "Three days ago, X pardoned Y, a Z sentenced in June": a date
        // fronted before a comma at the start of the sentence dates its
        // main clause, however far the verb.
        let fronted = clauses.first().is_some_and(|s| {
            // At most one word before it (without counting them all).
            let lead_ok = text[s.start..t.span.start].split_whitespace().nth(1).is_none();
            lead_ok && text[t.span.end..].starts_with(',')
        });
        let mut cands: Vec<Candidate> = Vec::new();
        for (gi, g) in triggers.iter().enumerate() {
            if !eligible(gi) {
                continue;
            }
            let d = if g.end <= t.span.start {
                t.span.start - g.end
            } else {
                let gap = &text[t.span.end..g.start];
                if fronted {
                    g.start - t.span.end
                } else if gap.contains(',') {
                    // "on Thursday, said": the date closes the clause before.
                    4 * (g.start - t.span.end)
                } else if gap.contains(" and ") {
                    // "in Ankara yesterday and then sent": the date closes
                    // the coordinated verb before.
                    8 * (g.start - t.span.end)
                } else {
                    2 * (g.start.saturating_sub(t.span.end))
                }
            };
            // Non-preferred triggers compete only when no verb can take it.
            let rank = any_preferred && !preferred[gi];
            cands.push((rank, d, gi));
        }
        cands.sort_unstable();
        if let Some(&(false, d, gi)) = cands.first() {
            if best[gi].is_none_or(|(_, bd)| d < bd) {
                best[gi] = Some((ti, d));
            }
        }
        candidates.push((ti, cands));
    }
    for (ti, cands) in &candidates {
        if best.iter().flatten().any(|(b, _)| b == ti) {
            continue;
        }
        if let Some(&(_, d, gi)) = cands.iter().find(|(_, _, gi)| best[*gi].is_none()) {
            best[gi] = Some((*ti, d));
        }
    }
    best.into_iter().map(|b| b.map(|(ti, _)| ti)).collect()
}

/// "since March 2022", "until May": a reference point, not the event's own
/// date.
///
/// A date that premodifies a noun ("the 2015 nuclear deal", "the November
/// truce", "last year’s conference") says which thing is meant, not when
/// the clause's event happened, and dates nothing either.
fn is_reference_point(text: &str, span: Span) -> bool {
    let head = text[..span.start].trim_end();
    let word = head.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if ["since", "until", "till", "by"].iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return true;
    }
    if is_purpose_year(text, span) {
        return true;
    }
    let rest = &text[span.end..];
    if rest.starts_with("’s ") || rest.starts_with("'s ") {
        return true;
    }
    let own_determiner = text[span.start..span.end]
        .split(' ')
        .next()
        .is_some_and(|w| ["the", "a", "an"].iter().any(|d| w.eq_ignore_ascii_case(d)));
    // "the 1960 Indus Waters Treaty": a name after the date is premodified
    // as much as a common noun is.
    let next_lower =
        rest.strip_prefix(' ').and_then(|r| r.chars().next()).is_some_and(char::is_alphabetic);
    let determiner = ["the", "a", "an"].iter().any(|d| word.eq_ignore_ascii_case(d));
    determiner && !own_determiner && next_lower && !rest.starts_with(" of ")
}

/// "pledged 2.5 billion euros for 2025 and 2026", "the budget for 2026": a
/// bare year after "for" (or joined to one) is what is paid for, not when.
fn is_purpose_year(text: &str, span: Span) -> bool {
    let is_year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !is_year(&text[span.start..span.end]) {
        return false;
    }
    let mut head = text[..span.start].trim_end();
    loop {
        let word_start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + 1);
        let word = head[word_start..].to_ascii_lowercase();
        let rest = head[..word_start].trim_end();
        match word.as_str() {
            "for" => return true,
            "and" | "or" | "to" => {
                let prev_start = rest.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| i + 1);
                if !is_year(&rest[prev_start..]) {
                    return false;
                }
                head = rest[..prev_start].trim_end();
            }
            _ => return false,
        }
    }
}

/// The event date for an own date expression.
pub fn own_date(t: &Timex) -> EventDate {
    let (anchor, confidence) = match t.anchor {
        Anchor::Explicit => (DateAnchor::Explicit, CONF_EXPLICIT),
        Anchor::Publication => (DateAnchor::Publication, CONF_PUBLICATION),
        Anchor::PreviousMention | Anchor::None => (DateAnchor::PreviousMention, CONF_PREVIOUS),
    };
    from_timex(t, anchor, "own_clause", confidence)
}

/// The inherited date for an event at `trigger` in `sentence` with no own
/// date: same sentence first, then the report's context before it. A
/// reference point of the sentence ("since March 2022") dates nothing.
pub fn inherited(
    text: &str,
    sentence: Span,
    trigger: Span,
    timexes: &[Timex],
) -> Option<EventDate> {
    let same = timexes
        .iter()
        .filter(|t| usable(t) && sentence.start <= t.span.start && t.span.end <= sentence.end)
        .filter(|t| !is_reference_point(text, t.span))
        .min_by_key(|t| {
            if t.span.start >= trigger.end {
                t.span.start - trigger.end
            } else {
                trigger.start.saturating_sub(t.span.end)
            }
        });
    if let Some(t) = same {
        return Some(from_timex(
            t,
            DateAnchor::Inherited,
            "inherited_same_sentence",
            CONF_SAME_SENTENCE,
        ));
    }
    report_context(timexes)
}

/// The date of the story's lead event: the first day- or week-grained (or
/// finer) expression of the text, inherited. A statement with no date of
/// its own takes it directly: the dates of what it reports ("said Kyiv
/// would ... on Wednesday") are not the date it was made.
pub fn report_context(timexes: &[Timex]) -> Option<EventDate> {
    timexes
        .iter()
        .find(|t| usable(t) && t.precision <= Precision::Week)
        .map(|t| from_timex(t, DateAnchor::Inherited, "inherited_report_context", CONF_CONTEXT))
}

/// The own date of the dated act told in the sentence before, for an
/// undated act that goes on from it.
pub fn carried(d: &EventDate) -> EventDate {
    EventDate {
        anchor: DateAnchor::Inherited,
        confidence: CONF_SAME_SENTENCE,
        rule: format!("{}; inherited_previous_sentence", d.rule),
        ..d.clone()
    }
}

/// The caption's own filing date.
pub fn caption_date(date: NaiveDate) -> EventDate {
    EventDate {
        value: date.format("%Y-%m-%d").to_string(),
        modifier: None,
        interval: Some(Interval::day(date)),
        precision: Precision::Day,
        text: String::new(),
        span: None,
        anchor: DateAnchor::Explicit,
        rule: "caption_date".to_string(),
        confidence: CONF_CAPTION,
    }
}

/// The publication-date fallback, or no date.
pub fn fallback(published: Option<NaiveDate>) -> EventDate {
    match published {
        Some(d) => EventDate {
            value: d.format("%Y-%m-%d").to_string(),
            modifier: None,
            interval: Some(Interval::day(d)),
            precision: Precision::Day,
            text: String::new(),
            span: None,
            anchor: DateAnchor::PublicationFallback,
            rule: "publication_fallback".to_string(),
            confidence: CONF_FALLBACK,
        },
        None => EventDate {
            value: "XXXX-XX-XX".to_string(),
            modifier: None,
            interval: None,
            precision: Precision::None,
            text: String::new(),
            span: None,
            anchor: DateAnchor::None,
            rule: "no_date".to_string(),
            confidence: 0.0,
        },
    }
}

/// `format!("{rule}; {how}")`, without the formatter: every dated event
/// mention writes one.
pub(crate) fn rule_then(rule: &str, how: &str) -> String {
    let mut s = String::with_capacity(rule.len() + 2 + how.len());
    s.push_str(rule);
    s.push_str("; ");
    s.push_str(how);
    s
}

fn from_timex(t: &Timex, anchor: DateAnchor, how: &str, confidence: f32) -> EventDate {
    EventDate {
        value: t.value.clone(),
        modifier: t.modifier.clone(),
        interval: t.interval,
        precision: t.precision,
        text: t.text.clone(),
        span: Some(t.span),
        anchor,
        rule: rule_then(&t.rule, how),
        confidence,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A resolved day expression for tests.
    pub(crate) fn day(text: &str, hay: &str, ymd: (i32, u32, u32), anchor: Anchor) -> Timex {
        let start = hay.find(text).expect("expression in text");
        let d = NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).expect("valid date");
        Timex {
            span: Span::new(start, start + text.len()),
            text: text.to_string(),
            ttype: TimexType::Date,
            value: d.format("%Y-%m-%d").to_string(),
            modifier: None,
            quant: None,
            freq: None,
            interval: Some(Interval::day(d)),
            precision: Precision::Day,
            anchor,
            direction: None,
            rule: "test".to_string(),
            note: None,
        }
    }

    #[test]
    fn rule_then_writes_what_format_writes() {
        assert_eq!(rule_then("date_of_month", "own_clause"), "date_of_month; own_clause");
        assert_eq!(rule_then("", ""), format!("{}; {}", "", ""));
    }

    fn span_of(hay: &str, word: &str) -> Span {
        let s = hay.find(word).expect("word in text");
        Span::new(s, s + word.len())
    }

    #[test]
    fn a_dateline_date_is_told_from_a_date_in_the_story() {
        let t = "OSLO, May 4 (Fjord Wire) - Norway met Iceland on Friday.\n\nBERGEN, \
                 June 2 - Talks went on. In LIMA, June 3 was a holiday - quiet. Peru met \
                 Chile, July 9 (2024) - a record.";
        assert!(is_dateline(t, span_of(t, "May 4")));
        assert!(is_dateline(t, span_of(t, "June 2")));
        assert!(!is_dateline(t, span_of(t, "Friday")));
        assert!(!is_dateline(t, span_of(t, "June 3")));
        assert!(!is_dateline(t, span_of(t, "July 9")));
    }

    #[test]
    fn two_dates_in_one_sentence_go_to_their_own_verbs() {
        let t = "Ali met Omar on Monday, a day after Sami visited Cairo on Sunday.";
        let whole = Span::new(0, t.len());
        let clauses = crate::segment::clauses(t, whole);
        let triggers = [span_of(t, "met"), span_of(t, "visited")];
        let tx = [
            day("Monday", t, (2025, 3, 10), Anchor::Publication),
            day("Sunday", t, (2025, 3, 9), Anchor::Publication),
        ];
        assert_eq!(attach(t, &clauses, &triggers, &tx), vec![Some(0), Some(1)]);
    }

    #[test]
    fn announced_on_thursday_dates_the_announcement_only() {
        let t = "Putin has sent a message to Assad, the Kremlin announced on Thursday.";
        let whole = Span::new(0, t.len());
        let clauses = crate::segment::clauses(t, whole);
        let triggers = [span_of(t, "sent"), span_of(t, "announced")];
        let tx = [day("Thursday", t, (2025, 3, 13), Anchor::Publication)];
        assert_eq!(attach(t, &clauses, &triggers, &tx), vec![None, Some(0)]);
        let inh = inherited(t, whole, triggers[0], &tx).unwrap();
        assert_eq!(inh.anchor, DateAnchor::Inherited);
        assert!(inh.confidence < own_date(&tx[0]).confidence);
    }

    #[test]
    fn clause_initial_date_reaches_its_verb() {
        let t = "On Saturday, jets hit the town.";
        let clauses = crate::segment::clauses(t, Span::new(0, t.len()));
        let tx = [day("Saturday", t, (2025, 3, 22), Anchor::Publication)];
        assert_eq!(attach(t, &clauses, &[span_of(t, "hit")], &tx), vec![Some(0)]);
    }

    #[test]
    fn a_reference_point_is_not_inherited() {
        let t = "X met Y on Monday. Both sides held their first talks since May 9, 2011.";
        let tx = [
            day("Monday", t, (2025, 3, 10), Anchor::Publication),
            day("May 9, 2011", t, (2011, 5, 9), Anchor::Explicit),
        ];
        let second = Span::new(t.find("Both").unwrap(), t.len());
        let d = inherited(t, second, span_of(t, "held"), &tx).unwrap();
        assert_eq!(d.value, "2025-03-10");
    }

    #[test]
    fn report_context_is_the_lead_date() {
        let t = "X met Y on Monday. Z set it up in November. Then W spoke.";
        let mut nov = day("November", t, (2024, 11, 1), Anchor::Publication);
        nov.precision = Precision::Month;
        nov.value = "2024-11".into();
        let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication), nov];
        let third = Span::new(t.find("Then").unwrap(), t.len());
        let d = inherited(t, third, span_of(t, "spoke"), &tx).unwrap();
        assert_eq!(d.value, "2025-03-10");
        assert_eq!(d.rule, "test; inherited_report_context");
    }

    #[test]
    fn durations_and_sets_never_date_events() {
        let t = "They fought a year-long war.";
        let mut dur = day("year-long", t, (2025, 1, 1), Anchor::Publication);
        dur.ttype = TimexType::Duration;
        assert!(!usable(&dur));
        let clauses = crate::segment::clauses(t, Span::new(0, t.len()));
        assert_eq!(attach(t, &clauses, &[span_of(t, "fought")], &[dur]), vec![None]);
    }

    #[test]
    fn a_date_premodifying_a_noun_dates_nothing() {
        let t = "Peru left the 2015 nuclear deal in 2018 and skipped last year’s summit.";
        let whole = Span::new(0, t.len());
        let clauses = crate::segment::clauses(t, whole);
        let mut y2015 = day("2015", t, (2015, 1, 1), Anchor::Explicit);
        y2015.precision = Precision::Year;
        let mut y2018 = day("2018", t, (2018, 1, 1), Anchor::Explicit);
        y2018.precision = Precision::Year;
        let mut last = day("last year", t, (2024, 1, 1), Anchor::Publication);
        last.precision = Precision::Year;
        let triggers = [span_of(t, "left"), span_of(t, "deal"), span_of(t, "summit")];
        let got =
            attach_preferring(t, &clauses, &triggers, &[true, false, false], &[y2015, y2018, last]);
        assert_eq!(got, vec![Some(1), None, None]);
    }

    #[test]
    fn a_date_that_loses_its_verb_goes_to_the_next_free_trigger() {
        let t = "Ali said on Monday that talks in Oman on Saturday would be brief.";
        let whole = Span::new(0, t.len());
        let clauses = vec![whole];
        let tx = [
            day("Monday", t, (2025, 3, 10), Anchor::Publication),
            day("Saturday", t, (2025, 3, 15), Anchor::Publication),
        ];
        let triggers = [span_of(t, "said"), span_of(t, "talks")];
        let got = attach_preferring(t, &clauses, &triggers, &[true, false], &tx);
        assert_eq!(got, vec![Some(0), Some(1)]);
    }
}
