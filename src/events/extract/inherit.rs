//! The date of an event without one of its own: from its sentence, from
//! the dated act the sentence goes on from, or from the story's lead (a
//! statement from the report alone; present-perfect background only from
//! its own sentence).

use chrono::NaiveDate;

use super::first_lower_word;
use crate::events::link;
use crate::model::{EventDate, Span, Timex};

/// What an event without a date of its own may inherit from.
pub(super) struct Inheritance<'a> {
    pub(super) text: &'a str,
    pub(super) sentence: Span,
    pub(super) clause: Span,
    pub(super) trigger: Span,
    pub(super) timexes: &'a [Timex],
    pub(super) sentence_timexes: &'a [&'a Timex],
    /// The own date of the last dated act of the sentence just before, in
    /// the same paragraph.
    pub(super) carried: Option<&'a EventDate>,
    pub(super) published: Option<NaiveDate>,
}

/// How an event without a date of its own is dated.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Inherit {
    /// A statement (or a verb continuing one): by the report, not by what
    /// it reports (unless it hangs on a dated clause by "when"; then as
    /// background, if it is, or as any other act).
    Report {
        /// Told in the present perfect.
        background: bool,
    },
    /// Background told in the present perfect: only by a date of its own
    /// sentence, which the story's lead date does not replace.
    Background,
    /// Any other act: its sentence, else the dated act the sentence goes
    /// on from, else the story's lead.
    Context,
}

/// The inherited date of an undated event; `blocked` dates are another
/// clause's own ("since he was elected in January") and date nothing else.
pub(super) fn inherited_date(
    h: &Inheritance,
    how: Inherit,
    blocked: &dyn Fn(&Timex) -> bool,
) -> EventDate {
    let filtered: Vec<Timex>;
    let inheritable: &[Timex] = if h.sentence_timexes.iter().any(|t| blocked(t)) {
        filtered = h.timexes.iter().filter(|t| !blocked(t)).cloned().collect();
        &filtered
    } else {
        h.timexes
    };
    // "began on Thursday, when X wrote that ...": a "when" clause happens
    // at the time of the clause it hangs on.
    let when_clause = first_lower_word(h.text, h.clause).is_some_and(|w| w == "when")
        && h.sentence_timexes.iter().any(|t| t.span.end <= h.clause.start && !blocked(t));
    let how = match how {
        Inherit::Report { background: true } if when_clause => Inherit::Background,
        Inherit::Report { background: false } if when_clause => Inherit::Context,
        how => how,
    };
    let found = match how {
        Inherit::Report { .. } => link::report_context(inheritable),
        Inherit::Background => {
            // "has made its signature conditional": background that the
            // story's lead date does not date.
            let in_sentence: Vec<Timex> =
                h.sentence_timexes.iter().filter(|t| !blocked(t)).map(|t| (*t).clone()).collect();
            link::inherited(h.text, h.sentence, h.trigger, &in_sentence)
                .filter(|d| d.rule.ends_with("inherited_same_sentence"))
        }
        _ => {
            let found = link::inherited(h.text, h.sentence, h.trigger, inheritable);
            // "X met Y on Monday. The two also agreed ...": an act told
            // right after a dated one, in the same paragraph, goes on
            // from it rather than from the story's lead.
            let from_lead =
                found.as_ref().is_none_or(|d| d.rule.ends_with("inherited_report_context"));
            match h.carried {
                Some(c) if from_lead && how == Inherit::Context => Some(link::carried(c)),
                _ => found,
            }
        }
    };
    found.unwrap_or_else(|| link::fallback(h.published))
}
