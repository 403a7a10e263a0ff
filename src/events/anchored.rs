/*!
Dates counted from an event: "a day after the attack", "two weeks before
the vote". The tagger reads the duration ("a day", `P1D`) but cannot know
when the attack was; the event rules can, once that attack has been told
with a date. Such a phrase becomes a date (the event's day plus or minus
the duration, anchored to a previous mention) and dates its clause like any
other date.

The event named must be a trigger noun within three words after
"after"/"before" ("after the attack", "after the deadly attack"), and an
event of the same category must have been told earlier in the text with a
day-precise date of its own (or one carried from a dated clause); the last
such event is the anchor. When a clause follows instead ("Russia pulled
back on Friday, a day after Moscow declared ..."), its act is counted back
from the sentence's own day-precise date (the one before the phrase, else
after it), and the phrase dates that clause. Durations in days and weeks
only: months and years are too coarse to count a day from.
*/

use chrono::{Days, NaiveDate};

use super::extract::RawEvent;
use super::triggers::{self, Reading};
use crate::model::{Anchor, DateAnchor, Interval, Precision, Span, Timex, TimexType};
use crate::segment;

/// The number of days of a duration value ("P1D", "P2W").
fn days_of(value: &str) -> Option<u64> {
    let body = value.strip_prefix('P')?;
    let unit = body.chars().next_back()?;
    let n: u64 = body[..body.len() - 1].parse().ok()?;
    match unit {
        'D' => Some(n),
        'W' => Some(n * 7),
        _ => None,
    }
}

/// The date an earlier event gives an anchored phrase: its own day, or the
/// day it took from a dated clause (not the story's lead nor the
/// publication date, which say nothing of when it happened).
fn anchor_day(e: &RawEvent) -> Option<NaiveDate> {
    let d = &e.date;
    let dated = matches!(
        d.anchor,
        DateAnchor::Explicit | DateAnchor::Publication | DateAnchor::PreviousMention
    ) || (d.anchor == DateAnchor::Inherited
        && !d.rule.ends_with("inherited_report_context"));
    let iv = d.interval?;
    (dated && d.precision == Precision::Day && iv.start == iv.end).then_some(iv.start)
}

/// `day` moved `days` later (`later`) or earlier.
fn count(day: NaiveDate, days: u64, later: bool) -> Option<NaiveDate> {
    if later {
        day.checked_add_days(Days::new(days))
    } else {
        day.checked_sub_days(Days::new(days))
    }
}

/// The day-precise date of `sentence` nearest to `at` (before it first):
/// the date of the clause an "after" clause hangs on.
fn sentence_day(sentence: Span, timexes: &[Timex], at: Span) -> Option<NaiveDate> {
    let days = timexes.iter().filter(|t| {
        t.ttype == TimexType::Date
            && t.precision == Precision::Day
            && t.anchor != Anchor::None
            && sentence.start <= t.span.start
            && t.span.end <= sentence.end
            && t.interval.is_some_and(|iv| iv.start == iv.end)
    });
    let before = days.clone().rfind(|t| t.span.end <= at.start);
    let after = days.clone().find(|t| t.span.start >= at.end);
    before.or(after).and_then(|t| t.interval).map(|iv| iv.start)
}

/// For each duration of `text[sentence]` that counts from an event ("a day
/// after the attack"), its index in `timexes` and the date it stands for,
/// counted from the last event of `earlier` of the same category.
pub(super) fn resolve(
    text: &str,
    sentence: Span,
    timexes: &[Timex],
    earlier: &[RawEvent],
) -> Vec<(usize, Timex)> {
    let mut out = Vec::new();
    for (k, t) in timexes.iter().enumerate() {
        if t.ttype != TimexType::Duration
            || t.span.start < sentence.start
            || t.span.end > sentence.end
        {
            continue;
        }
        let Some(days) = days_of(&t.value) else { continue };
        let mut words = segment::word_spans(text, Span::new(t.span.end, sentence.end));
        let Some(dir) = words.next() else { continue };
        let after = match &text[dir.start..dir.end] {
            "after" => true,
            "before" => false,
            _ => continue,
        };
        // The event noun within three words of "after", else a verb
        // within six ("a day after X declared ...").
        let next: Vec<Span> = words.take(6).collect();
        let Some(last) = next.last() else { continue };
        let found = triggers::find(text, Span::new(dir.end, last.end));
        let near_noun = next.get(2).or(next.last()).map_or(0, |w| w.end);
        let noun = found.iter().find(|x| x.reading == Reading::Noun && x.span.end <= near_noun);
        let (date, start, end, rule) = if let Some(noun) = noun {
            // "a day after the attack, X ...": the clause's act, counted
            // from the attack told before.
            let ty = noun.sense.event_type;
            let Some(day) =
                earlier.iter().rev().filter(|e| e.event_type == ty).find_map(anchor_day)
            else {
                continue;
            };
            (count(day, days, after), t.span.start, noun.span.end, "duration_from_event")
        } else if found.iter().any(|x| x.reading == Reading::Verb) {
            // "X pulled back on Friday, a day after Y declared ...": the
            // act of the "after" clause, counted back from the sentence's
            // date. The clause opens at "after" (the duration closes the
            // clause before): the date stands there, so that it dates the
            // clause's verbs; its text is the whole phrase.
            let Some(day) = sentence_day(sentence, timexes, t.span) else { continue };
            (count(day, days, !after), dir.start, dir.end, "duration_before_clause_date")
        } else {
            continue;
        };
        let Some(date) = date else { continue };
        let span = Span::new(start, end);
        out.push((
            k,
            Timex {
                span,
                text: text[t.span.start..end].to_string(),
                ttype: TimexType::Date,
                value: date.format("%Y-%m-%d").to_string(),
                modifier: None,
                quant: None,
                freq: None,
                interval: Some(Interval::day(date)),
                precision: Precision::Day,
                anchor: Anchor::PreviousMention,
                direction: None,
                rule: rule.to_string(),
                note: None,
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_days_and_weeks() {
        assert_eq!(days_of("P1D"), Some(1));
        assert_eq!(days_of("P2W"), Some(14));
        assert_eq!(days_of("P3M"), None);
        assert_eq!(days_of("PXD"), None);
    }
}
