/*!
Announced acts: a statement whose content is the speaker's own decided act
("Chile said on Monday that it would expel two diplomats", "Peru announced
it would lift the ban") reports that act, and the act is the event.

A decision takes effect by being announced, so the act is dated by the
statement (its own date, or the date it inherits) and counts as occurred;
the statement itself adds nothing and is dropped. Only acts that a
government decides and announces qualify (expulsions, sanctions, rejections,
concessions, agreements, cooperation, aid, pull-backs, support): a meeting
or a strike announced for later stays a plan ("would meet", "would strike")
with its own status. A harmful act made to hang on a condition ("would
sever relations if ...") is a conditional threat (THREATEN).

The act must stand in the statement's content with "would" or "will"
right before it ("also" and "soon" may stand between) and the speaker's
country as its source, and must have no date of its own.
*/

use super::extract::RawEvent;
use super::words::WORDS;
use crate::model::{DateAnchor, EventStatus, Span};
use crate::segment;

/// Acts that take effect when a government announces them.
const DECIDED: [&str; 9] =
    ["COERCE", "SANCTION", "REJECT", "CONCEDE", "AGREE", "COOPERATE", "AID", "RETREAT", "SUPPORT"];

/// Harmful acts that, made to hang on a condition, are a threat.
const HARMFUL: [&str; 3] = ["COERCE", "SANCTION", "REJECT"];

/// "would" or "will" right before `at` (adverbs such as "also" skipped),
/// within `from..at`.
fn announced_modal(text: &str, from: usize, at: usize) -> bool {
    let mut last = None;
    for w in segment::word_spans(text, Span::new(from, at)) {
        let word = segment::Lower::of(&text[w.start..w.end]);
        if !matches!(word.as_str(), "also" | "soon" | "now" | "immediately" | "then") {
            last = Some(word);
        }
    }
    last.is_some_and(|w| w == "would" || w == "will")
}

/// Whether a condition (`conditional` in `data/events/function_words.tsv`:
/// "if", "unless") follows `at` in `sentence`.
fn conditional_after(text: &str, at: usize, sentence: Span) -> bool {
    segment::word_spans(text, Span::new(at, sentence.end))
        .any(|w| WORDS.conditional.has(&segment::Lower::of(&text[w.start..w.end])))
}

/// Fold each statement of one sentence's `events` into the decided act it
/// announces (see the module docs).
pub(super) fn fold_announced_acts(text: &str, events: &mut Vec<RawEvent>) {
    let mut folded: Vec<usize> = Vec::new();
    for a in 0..events.len() {
        let act = &events[a];
        let undated =
            matches!(act.date.anchor, DateAnchor::Inherited | DateAnchor::PublicationFallback);
        let planned = matches!(act.status, EventStatus::Hypothetical | EventStatus::Scheduled);
        if act.noun || !undated || !planned || !DECIDED.contains(&act.event_type.as_str()) {
            continue;
        }
        let Some(country) = act.source_country() else { continue };
        let statement = events.iter().enumerate().rev().find(|(_, e)| {
            e.event_type == "STATEMENT"
                && !e.noun
                && e.trigger_span.end <= act.trigger_span.start
                && e.source_country() == Some(country)
        });
        let Some((s, e)) = statement else { continue };
        if !announced_modal(text, e.trigger_span.end, act.trigger_span.start) {
            continue;
        }
        // A statement with no date of its own is dated by the story's lead;
        // a date in the act's own sentence is then the closer one.
        let statement_undated =
            matches!(e.date.anchor, DateAnchor::Inherited | DateAnchor::PublicationFallback);
        let date = if statement_undated && act.date.rule.ends_with("inherited_same_sentence") {
            act.date.clone()
        } else {
            e.date.clone()
        };
        // "told Y that it would sever relations": the one told is the
        // act's counterpart when the act names none.
        let told: Vec<_> = e.actors.iter().filter(|x| x.part == "target").cloned().collect();
        let threat = HARMFUL.contains(&act.event_type.as_str())
            && conditional_after(text, act.trigger_span.end, act.sentence);
        let act = &mut events[a];
        act.date = date;
        act.status = EventStatus::Occurred;
        if !act.actors.iter().any(|x| x.part == "target") {
            act.actors.extend(told);
        }
        if threat {
            act.event_type = "THREATEN".to_string();
        }
        if !folded.contains(&s) {
            folded.push(s);
        }
    }
    let mut i = 0;
    events.retain(|_| {
        i += 1;
        !folded.contains(&(i - 1))
    });
}
