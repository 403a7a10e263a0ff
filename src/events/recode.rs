/*!
Recodings of a whole event by the words around its trigger, made after the
sentence's events are built:

- **Disagreement.** Not agreeing *with* a decision ("said Britain did not
  agree with it", "does not agree with the move") is criticism of it
  (ACCUSE, occurred), not a failed agreement; "did not agree on a way out"
  and "did not agree with Peru on ..." (a party named) stay negated
  agreements.
- **Unwelcome.** Saying someone "was not welcome" refuses them (REJECT,
  occurred): the speaker of the sentence's statement, if any, refuses the
  one said to be unwelcome.
*/

use super::extract::RawEvent;
use super::triggers::prev_word;
use super::words::WORDS;
use crate::model::{Actor, EventStatus, Span};
use crate::segment;

/// The lower-cased words right after `at` (at most `n`).
fn next_words(text: &str, at: usize, end: usize, n: usize) -> Vec<String> {
    segment::word_spans(text, Span::new(at, end))
        .take(n)
        .map(|w| text[w.start..w.end].to_lowercase())
        .collect()
}

fn disagreement(text: &str, e: &RawEvent) -> bool {
    // The event first: most are no negated agreement, and need no words.
    if !(e.event_type == "AGREE" && !e.noun && e.status == EventStatus::Negated) {
        return false;
    }
    let next = next_words(text, e.trigger_span.end, e.sentence.end, 2);
    next.first().is_some_and(|w| w == "with")
        && next.get(1).is_some_and(|w| {
            matches!(w.as_str(), "it" | "this" | "that" | "the" | "its" | "his" | "her" | "their")
        })
        && !e.actors.iter().any(|a| a.part == "target")
}

fn unwelcome(text: &str, e: &RawEvent) -> bool {
    if e.event_type != "SUPPORT" {
        return false;
    }
    let form = text[e.trigger_span.start..e.trigger_span.end].to_lowercase();
    let Some((at, not)) = prev_word(text, e.trigger_span.start) else { return false };
    form == "welcome"
        && WORDS.negation.has(&not)
        && prev_word(text, at).is_some_and(|(_, be)| WORDS.be.has(&be))
}

/// The sentence's last statement before event `i`, if any.
fn statement_before(events: &[RawEvent], i: usize) -> Option<usize> {
    (0..i).rev().find(|&k| events[k].event_type == "STATEMENT" && !events[k].noun)
}

/// Recode the events of one sentence (see the module docs). A statement
/// that only carries a recoded disagreement of its own side is dropped:
/// the criticism is the event.
pub(super) fn recode(text: &str, events: &mut Vec<RawEvent>) {
    let mut carried: Vec<usize> = Vec::new();
    for i in 0..events.len() {
        if disagreement(text, &events[i]) {
            if let Some(k) = statement_before(events, i) {
                if events[k].source_country().is_some()
                    && events[k].source_country() == events[i].source_country()
                {
                    carried.push(k);
                }
            }
            let e = &mut events[i];
            e.event_type = "ACCUSE".to_string();
            e.status = EventStatus::Occurred;
        } else if unwelcome(text, &events[i]) {
            let speaker: Option<Vec<Actor>> = statement_before(events, i)
                .map(|k| events[k].actors.iter().filter(|a| a.part == "source").cloned().collect());
            let e = &mut events[i];
            e.event_type = "REJECT".to_string();
            e.status = EventStatus::Occurred;
            if let Some(mut speaker) = speaker.filter(|s| !s.is_empty()) {
                for a in &mut e.actors {
                    a.part = "target".to_string();
                }
                speaker.append(&mut e.actors);
                e.actors = speaker;
            }
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !carried.contains(&(k - 1))
    });
}
