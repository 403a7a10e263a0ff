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
such event is the anchor. Durations in days and weeks only: months and
years are too coarse to count a day from.
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
        // The event noun within three words of "after".
        let Some(last) = words.take(3).last() else { continue };
        let reach = Span::new(dir.end, last.end);
        let Some(noun) =
            triggers::find(text, reach).into_iter().find(|x| x.reading == Reading::Noun)
        else {
            continue;
        };
        let ty = noun.sense.event_type;
        let Some(day) = earlier.iter().rev().filter(|e| e.event_type == ty).find_map(anchor_day)
        else {
            continue;
        };
        let counted = if after {
            day.checked_add_days(Days::new(days))
        } else {
            day.checked_sub_days(Days::new(days))
        };
        let Some(date) = counted else { continue };
        let span = Span::new(t.span.start, noun.span.end);
        out.push((
            k,
            Timex {
                span,
                text: text[span.start..span.end].to_string(),
                ttype: TimexType::Date,
                value: date.format("%Y-%m-%d").to_string(),
                modifier: None,
                quant: None,
                freq: None,
                interval: Some(Interval::day(date)),
                precision: Precision::Day,
                anchor: Anchor::PreviousMention,
                direction: None,
                rule: "duration_from_event".to_string(),
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
