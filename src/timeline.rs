//! The timeline: event mentions merged across articles into entries with
//! stable ids.

use crate::model::{Article, Event, TimelineEntry};

/// Extract events from every article (in parallel) and merge them into the
/// timeline, sorted by date.
pub fn build(articles: &[Article]) -> Vec<TimelineEntry> {
    merge_events(articles.iter().flat_map(crate::events::extract))
}

/// Merge event mentions into timeline entries, one per `event_id`.
pub fn merge_events(events: impl IntoIterator<Item = Event>) -> Vec<TimelineEntry> {
    // Interface placeholder until the timeline lands (issue 4).
    let _ = events.into_iter().count();
    Vec::new()
}

/// Merge entries (possibly partial merges of the same events) into one
/// entry per `event_id`. Associative, commutative and idempotent.
pub fn merge_entries(entries: impl IntoIterator<Item = TimelineEntry>) -> Vec<TimelineEntry> {
    // Interface placeholder until the timeline lands (issue 4).
    let _ = entries.into_iter().count();
    Vec::new()
}
