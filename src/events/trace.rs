/*!
A record of what the event rules did with each trigger, for diagnosing
misses: which triggers a sentence held, which rule dropped one before an
event was built, what event (type, date, rule, actors) was built from it,
and which events a later step removed.

Off by default and free when off: each record point tests one
thread-local flag and builds nothing. [`collect`] turns it on for the
work it runs (on the calling thread only) and hands back the steps.
*/

use std::cell::{Cell, RefCell};

use crate::model::Span;

/// What happened to one trigger.
#[derive(Debug, Clone, PartialEq)]
pub enum StepKind {
    /// The trigger was found in its sentence.
    Found {
        /// The trigger's category in the lexicon.
        event_type: &'static str,
        /// Read as a noun.
        noun: bool,
    },
    /// A rule dropped the trigger before any event was built from it.
    Dropped(&'static str),
    /// An event was built from the trigger (before merging within the
    /// sentence).
    Built {
        /// Its category (after recodings made while building it).
        event_type: String,
        /// Its TIMEX3 date value.
        date: String,
        /// The rule that gave the date.
        rule: String,
        /// The countries of its actors.
        countries: Vec<String>,
        /// Its status.
        status: &'static str,
    },
    /// A later step removed an event built from the trigger.
    Removed(&'static str),
}

/// One record: the text it is in, the trigger and its sentence, and what
/// happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// `None` for the article body, `Some(i)` for caption `i`.
    pub caption: Option<usize>,
    /// The sentence.
    pub sentence: Span,
    /// The trigger.
    pub trigger: Span,
    /// What happened.
    pub what: StepKind,
}

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
    static TEXT: Cell<Option<usize>> = const { Cell::new(None) };
    static LOG: RefCell<Vec<Step>> = const { RefCell::new(Vec::new()) };
}

/// Whether steps are being recorded on this thread.
#[inline]
pub(crate) fn on() -> bool {
    ON.with(Cell::get)
}

/// Which text the following steps belong to.
#[inline]
pub(crate) fn set_text(caption: Option<usize>) {
    if on() {
        TEXT.with(|t| t.set(caption));
    }
}

/// Record a step; `what` is only evaluated when recording is on.
#[inline]
pub(crate) fn record(sentence: Span, trigger: Span, what: impl FnOnce() -> StepKind) {
    if on() {
        let caption = TEXT.with(Cell::get);
        let step = Step { caption, sentence, trigger, what: what() };
        LOG.with(|l| l.borrow_mut().push(step));
    }
}

/// Run `f` with recording on (this thread only) and return its result
/// with the steps recorded meanwhile.
pub fn collect<T>(f: impl FnOnce() -> T) -> (T, Vec<Step>) {
    let was = ON.with(|o| o.replace(true));
    let before = LOG.with(|l| l.borrow().len());
    let out = f();
    let steps = LOG.with(|l| l.borrow_mut().split_off(before));
    ON.with(|o| o.set(was));
    (out, steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_recorded_when_off() {
        record(Span::new(0, 1), Span::new(0, 1), || StepKind::Dropped("x"));
        let ((), steps) = collect(|| {});
        assert!(steps.is_empty());
        assert!(!on());
    }

    #[test]
    fn collect_records_and_restores() {
        let ((), steps) = collect(|| {
            set_text(Some(2));
            record(Span::new(0, 5), Span::new(1, 3), || StepKind::Dropped("no source"));
            set_text(None);
        });
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].caption, Some(2));
        assert_eq!(steps[0].what, StepKind::Dropped("no source"));
        assert!(!on());
    }

    #[test]
    fn the_extractor_records_its_triggers() {
        let article = crate::model::Article {
            id: "a".into(),
            paragraphs: vec!["France condemned the raid on Tuesday.".into()],
            ..Default::default()
        };
        let (events, steps) = collect(|| crate::events::extract(&article));
        assert!(!events.is_empty());
        assert!(steps.iter().any(|s| matches!(s.what, StepKind::Found { .. })));
        assert!(steps.iter().any(|s| matches!(s.what, StepKind::Built { .. })));
    }
}
