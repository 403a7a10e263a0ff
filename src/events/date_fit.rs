/*!
Whether an own date fits its verb. [`super::link`] gives each date to the
nearest trigger of its clause; two kinds of fit are checked after it:

- **Tense.** A verb in the simple past ("asked", "invited") tells of an act
  already done, so a date after publication ("next Wednesday", "on Friday"
  in a story about tomorrow) is not its own: it belongs to the event noun
  that stands between them ("invited the leaders to a summit next
  Wednesday": the summit), else to no trigger (the verb inherits).
- **Clause.** A date after ", and the ..." stands in a clause with a subject
  of its own ("accusing X of ..., and the rules came into force three days
  later"), even when the clause splitter kept the two together.
*/

use chrono::NaiveDate;

use super::triggers::{is_irregular_past, Reading, Trigger};
use super::words::WORDS;
use crate::model::Timex;
use crate::segment;

/// A simple past with no auxiliary before it ("asked", not "will be
/// asked", "to ask" or "would ask").
fn simple_past(text: &str, trig: &Trigger) -> bool {
    let first = text[trig.span.start..trig.span.end].split(' ').next().unwrap_or("");
    let lower = segment::Lower::of(first);
    let past = lower.ends_with("ed") || is_irregular_past(&lower);
    let auxiliary = trig.prev_word(text).is_some_and(|(_, w)| {
        w == "to"
            || WORDS.future.has(&w)
            || WORDS.modal.has(&w)
            || WORDS.be.has(&w)
            || WORDS.schedule_frame.has(&w)
    });
    past && !auxiliary
}

/// Whether the words between a trigger and its date open a new clause with
/// its own subject: ", and the", ", and its", ", while the".
fn new_clause_between(gap: &str) -> bool {
    let gap = gap.as_bytes();
    [", and the ", ", and its ", ", and their ", ", while the ", "; the "]
        .iter()
        .any(|p| gap.windows(p.len()).any(|w| w.eq_ignore_ascii_case(p.as_bytes())))
}

/// A date taken back from a trigger, which it must not inherit either.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Refused {
    /// The expression taken back (an index into the timexes).
    pub timex: Option<usize>,
    /// A simple past: no date after publication fits it.
    pub future: bool,
}

impl Refused {
    /// Whether `t` may not date the trigger (`timexes` as given to
    /// [`refit`]).
    pub(super) fn refuses(
        &self,
        t: &Timex,
        timexes: &[Timex],
        published: Option<NaiveDate>,
    ) -> bool {
        self.timex.is_some_and(|ti| timexes[ti].span == t.span)
            || (self.future
                && matches!((&t.interval, published), (Some(iv), Some(p)) if iv.start > p))
    }
}

/// Re-fit the own dates `own[i]` (indices into `timexes`) of one sentence's
/// triggers `trigs` (see the module docs); what each trigger may not take.
pub(super) fn refit(
    text: &str,
    trigs: &[Trigger],
    own: &mut [Option<usize>],
    timexes: &[Timex],
    published: Option<NaiveDate>,
) -> Vec<Refused> {
    let mut refused = vec![Refused::default(); trigs.len()];
    for i in 0..trigs.len() {
        let Some(ti) = own[i] else { continue };
        let (trig, t) = (&trigs[i], &timexes[ti]);
        if trig.reading != Reading::Verb {
            continue;
        }
        let future = matches!((&t.interval, published), (Some(iv), Some(p)) if iv.start > p);
        refused[i].future = future && simple_past(text, trig);
        if t.span.start >= trig.span.end && new_clause_between(&text[trig.span.end..t.span.start]) {
            own[i] = None;
            refused[i].timex = Some(ti);
            continue;
        }
        if !refused[i].future {
            continue;
        }
        own[i] = None;
        let noun = (i + 1..trigs.len()).find(|&k| {
            trigs[k].reading == Reading::Noun
                && trigs[k].span.end <= t.span.start
                && own[k].is_none()
        });
        if let Some(k) = noun {
            own[k] = Some(ti);
        }
    }
    refused
}
