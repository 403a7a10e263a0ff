/*!
The timeline: event mentions merged across articles into entries with
stable ids.

# Event ids

Merging is by `event_id` only, so that hash-partitioned merges (`extract |
merge | render` on Spark) equal [`build`] byte for byte. The id is the first
128 bits (32 hex digits) of the BLAKE3 hash of a canonical key
([`event_key`]):

```text
dateline-event-v1|type=CONSULT|mode=message|status=asserted|when=2025-03|actors=RUS,SYR
```

- `type`, `mode`: the PLOVER category (or `STATEMENT`) and its mode (`-`).
- `status`: `asserted` (occurred or scheduled: a planned meeting and the
  meeting held are one event), `negated` or `hypothetical`.
- `when`: the **date bucket**: the year and month of the start of the
  event's interval when its date is a month or finer, else the TIMEX3 value
  itself (`2025`, `2025-Q1`), `undated` without a date. Two reports of the
  same event whose dates differ by a day fall in the same bucket (except
  across a month boundary, the known limit of a hash-only merge).
- `actors`: the sorted, de-duplicated actor codes (ISO alpha-3 codes of
  countries and of national people and institutions; organization ids such
  as `UN`); when no actor has a code, the sorted lower-cased actor names.

Never part of the key: the article, its position, the clock, the process.

A `mention_id` is the same kind of hash over the article id, the text
(body or caption N), the trigger's span and the event id.

# Merging

[`merge_entries`] unions the mentions of every entry with the same id
(by `mention_id`) and rebuilds the entry from the full mention set only, so
it is associative, commutative and idempotent:

- **Date**: mentions are grouped by date value and mod; each group scores
  the sum of the confidences of its mentions whose date was *stated* (own
  clause or caption; not inherited, not a fallback), then the sum over all
  its mentions (in thousandths, so sums do not depend on order); the
  highest wins, then the finer precision, then the earlier start, then the
  smaller value. A date stated once beats a date inherited many times.
- **Representative**: among the winning group, the most confident mention,
  then the smallest `mention_id`; the entry's event data come from it.
- **Conflict**: any other group with at least one mention whose date was
  stated in its own clause or caption (not inherited, not a fallback) and
  whose interval does not overlap the chosen one is listed in
  `date_conflict`, with the number of such mentions as its support.

Entries sort by the start of the date interval (undated last), then
precision (finer first), then id.
*/

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::model::{
    Article, DateAlternative, DateAnchor, Event, EventStatus, Interval, Mention, Precision, Span,
    TimelineEntry,
};

/// Version tag of the event-id key; bump when the key changes.
pub const KEY_VERSION: &str = "dateline-event-v1";

/// The canonical key an event id hashes (see the module docs).
pub fn event_key(ev: &Event) -> String {
    let status = match ev.status {
        EventStatus::Occurred | EventStatus::Scheduled => "asserted",
        EventStatus::Negated => "negated",
        EventStatus::Hypothetical => "hypothetical",
    };
    let when = match ev.date.interval {
        Some(iv) if ev.date.precision <= Precision::Month => {
            format!("{:04}-{:02}", iv.start.year(), iv.start.month())
        }
        Some(_) => ev.date.value.clone(),
        None => "undated".to_string(),
    };
    let mut codes: Vec<String> = ev.actors.iter().filter_map(|a| a.code.clone()).collect();
    if codes.is_empty() {
        codes = ev.actors.iter().map(|a| format!("name:{}", a.name.to_lowercase())).collect();
    }
    codes.sort();
    codes.dedup();
    format!(
        "{KEY_VERSION}|type={}|mode={}|status={status}|when={when}|actors={}",
        ev.event_type,
        ev.mode.as_deref().unwrap_or("-"),
        codes.join(",")
    )
}

fn hash128(key: &str) -> String {
    let h = blake3::hash(key.as_bytes());
    h.to_hex()[..32].to_string()
}

/// The stable id of an event: 128 bits of BLAKE3 over [`event_key`].
pub fn event_id(ev: &Event) -> String {
    hash128(&event_key(ev))
}

/// The id of one mention: article id, text (body or caption index), span
/// and event id, hashed.
pub fn mention_id(article_id: &str, caption: Option<usize>, span: Span, event_id: &str) -> String {
    let text = match caption {
        Some(i) => format!("caption:{i}"),
        None => "body".to_string(),
    };
    hash128(&format!(
        "dateline-mention-v1|{}|{article_id}|{text}|{}|{}|{event_id}",
        article_id.len(),
        span.start,
        span.end
    ))
}

/// Extract events from every article (in parallel) and merge them into the
/// timeline, sorted by date.
pub fn build(articles: &[Article]) -> Vec<TimelineEntry> {
    let per_article: Vec<Vec<Event>> = articles.par_iter().map(crate::events::extract).collect();
    merge_events(per_article.into_iter().flatten())
}

/// The mention an event is, as part of an entry.
pub fn mention_of(ev: &Event) -> Mention {
    Mention {
        mention_id: ev.mention_id.clone(),
        source: ev.source.clone(),
        evidence: ev.evidence.clone(),
        span: ev.span,
        date: ev.date.clone(),
        status: ev.status,
        actors: ev.actors.clone(),
        location: ev.location.clone(),
        summary: ev.summary.clone(),
        trigger: ev.trigger.clone(),
        in_caption: ev.in_caption,
    }
}

/// An entry holding one event mention.
pub fn singleton(ev: Event) -> TimelineEntry {
    let mention = mention_of(&ev);
    TimelineEntry {
        event_id: ev.event_id.clone(),
        event: ev,
        mentions: vec![mention],
        date_conflict: Vec::new(),
    }
}

/// Merge event mentions into timeline entries, one per `event_id`.
/// Equals [`merge_entries`] over each event as a singleton entry.
pub fn merge_events(events: impl IntoIterator<Item = Event>) -> Vec<TimelineEntry> {
    let mut merger = Merger::default();
    merger.add(events);
    merger.finish()
}

/// [`merge_events`] a batch at a time: events are added as they are
/// extracted (and the articles they came from dropped), and the entries
/// come out at the end, the same whatever the batches.
#[derive(Default)]
pub struct Merger {
    groups: BTreeMap<String, Group>,
}

impl Merger {
    /// Add event mentions.
    pub fn add(&mut self, events: impl IntoIterator<Item = Event>) {
        // The same as merging singletons, without building them: each
        // event becomes its mention by move.
        for ev in events {
            let g =
                group_for(&mut self.groups, &ev.event_id, (ev.event_type.clone(), ev.mode.clone()));
            if ev.actors.is_empty() && ev.summary.is_empty() {
                keep_event(g, ev.clone());
            }
            add_mention(g, into_mention(ev));
        }
    }

    /// The merged timeline, sorted by date.
    pub fn finish(self) -> Vec<TimelineEntry> {
        finish(self.groups)
    }
}

fn into_mention(ev: Event) -> Mention {
    Mention {
        mention_id: ev.mention_id,
        source: ev.source,
        evidence: ev.evidence,
        span: ev.span,
        date: ev.date,
        status: ev.status,
        actors: ev.actors,
        location: ev.location,
        summary: ev.summary,
        trigger: ev.trigger,
        in_caption: ev.in_caption,
    }
}

fn group_for<'a>(
    groups: &'a mut BTreeMap<String, Group>,
    event_id: &str,
    kind: (String, Option<String>),
) -> &'a mut Group {
    let g = groups.entry(event_id.to_string()).or_insert_with(|| Group {
        kind: kind.clone(),
        mentions: BTreeMap::new(),
        conflicts: Vec::new(),
        events: BTreeMap::new(),
    });
    if kind < g.kind {
        g.kind = kind;
    }
    g
}

fn keep_event(g: &mut Group, rep: Event) {
    match g.events.get(&rep.mention_id) {
        Some(old) if *old == rep => {}
        Some(old) => {
            let a = serde_json::to_string(old).unwrap_or_default();
            let b = serde_json::to_string(&rep).unwrap_or_default();
            if b < a {
                g.events.insert(rep.mention_id.clone(), rep);
            }
        }
        None => {
            g.events.insert(rep.mention_id.clone(), rep);
        }
    }
}

fn add_mention(g: &mut Group, m: Mention) {
    match g.mentions.get(&m.mention_id) {
        None => {
            g.mentions.insert(m.mention_id.clone(), m);
        }
        Some(old) if *old != m => {
            // The same mention id with different content can only come from
            // mixed versions; keep one deterministically.
            let a = serde_json::to_string(old).unwrap_or_default();
            let b = serde_json::to_string(&m).unwrap_or_default();
            if b < a {
                g.mentions.insert(m.mention_id.clone(), m);
            }
        }
        Some(_) => {}
    }
}

struct Group {
    /// (type, mode) candidates; the smallest wins if inputs disagree.
    kind: (String, Option<String>),
    mentions: BTreeMap<String, Mention>,
    /// Date alternatives entries carried (kept when their mentions are not
    /// all here, as in entries written by other tools).
    conflicts: Vec<DateAlternative>,
    /// The full event data entries carried for their representative
    /// mention, by mention id (used when a mention lacks its own data, as
    /// entries written by other tools may).
    events: BTreeMap<String, Event>,
}

/// Merge entries (possibly partial merges of the same events) into one
/// entry per `event_id`. Associative, commutative and idempotent.
pub fn merge_entries(entries: impl IntoIterator<Item = TimelineEntry>) -> Vec<TimelineEntry> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for entry in entries {
        let kind = (entry.event.event_type.clone(), entry.event.mode.clone());
        let g = group_for(&mut groups, &entry.event_id, kind);
        g.conflicts.extend(entry.date_conflict);
        // The representative's full event only matters when its mention
        // lacks the data (entries written by other tools).
        let rep = entry.event;
        let sparse = entry
            .mentions
            .iter()
            .find(|m| m.mention_id == rep.mention_id)
            .is_none_or(|m| m.actors.is_empty() && m.summary.is_empty());
        if sparse {
            keep_event(g, rep);
        }
        for m in entry.mentions {
            add_mention(g, m);
        }
    }
    finish(groups)
}

fn finish(groups: BTreeMap<String, Group>) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> =
        groups.into_iter().filter_map(|(id, g)| rebuild(id, g)).collect();
    out.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    out
}

fn sort_key(e: &TimelineEntry) -> (NaiveDate, Precision, &str) {
    let start = e.event.date.interval.map(|i| i.start).unwrap_or(NaiveDate::MAX);
    (start, e.event.date.precision, e.event_id.as_str())
}

fn milli(c: f32) -> u64 {
    (c.clamp(0.0, 1.0) * 1000.0).round() as u64
}

fn stated(a: DateAnchor) -> bool {
    matches!(a, DateAnchor::Explicit | DateAnchor::Publication | DateAnchor::PreviousMention)
}

struct DateGroup<'a> {
    stated: u64,
    score: u64,
    precision: Precision,
    interval: Option<Interval>,
    value: &'a str,
    members: Vec<&'a Mention>,
}

fn rebuild(event_id: String, g: Group) -> Option<TimelineEntry> {
    // Keyed by (value, mod) borrowed from the mentions: no copy per mention.
    let mut dg: BTreeMap<(&str, Option<&str>), DateGroup> = BTreeMap::new();
    for m in g.mentions.values() {
        let d =
            dg.entry((m.date.value.as_str(), m.date.modifier.as_deref())).or_insert(DateGroup {
                stated: 0,
                score: 0,
                precision: m.date.precision,
                interval: m.date.interval,
                value: &m.date.value,
                members: Vec::new(),
            });
        d.score += milli(m.date.confidence);
        if stated(m.date.anchor) {
            d.stated += milli(m.date.confidence);
        }
        d.precision = d.precision.min(m.date.precision);
        // Intervals of one value agree; keep the smallest for determinism.
        if m.date.interval < d.interval || d.interval.is_none() {
            d.interval = m.date.interval.or(d.interval);
        }
        d.members.push(m);
    }
    let best = dg.values().max_by(|a, b| {
        a.stated
            .cmp(&b.stated)
            .then(a.score.cmp(&b.score))
            .then(b.precision.cmp(&a.precision))
            .then(b.interval.map(|i| i.start).cmp(&a.interval.map(|i| i.start)))
            .then(b.value.cmp(a.value))
    })?;
    // A mention without its own event data (written by another tool) can
    // only represent the entry through the event an entry carried for it.
    let usable = |m: &Mention| {
        !(m.actors.is_empty() && m.summary.is_empty()) || g.events.contains_key(&m.mention_id)
    };
    let rep = best
        .members
        .iter()
        .copied()
        .max_by(|a, b| {
            usable(a)
                .cmp(&usable(b))
                .then(milli(a.date.confidence).cmp(&milli(b.date.confidence)))
                .then(b.mention_id.cmp(&a.mention_id))
        })?
        .clone();
    let chosen_interval = best.interval;
    let chosen_key = (rep.date.value.as_str(), rep.date.modifier.as_deref());
    let mut conflicts = Vec::new();
    for (key, d) in &dg {
        if *key == chosen_key {
            continue;
        }
        let support = d.members.iter().filter(|m| stated(m.date.anchor)).count();
        if support == 0 {
            continue;
        }
        let overlap = match (d.interval, chosen_interval) {
            (Some(a), Some(b)) => a.overlaps(&b),
            _ => false,
        };
        if !overlap {
            conflicts.push(DateAlternative {
                value: key.0.to_string(),
                interval: d.interval,
                support,
            });
        }
    }
    // Alternatives carried in: filtered by the same rule, the larger
    // support kept, so merging partial merges changes nothing.
    for alt in &g.conflicts {
        let overlap = match (alt.interval, chosen_interval) {
            (Some(a), Some(b)) => a.overlaps(&b),
            _ => false,
        };
        if alt.value == chosen_key.0 || overlap {
            continue;
        }
        match conflicts.iter_mut().find(|c| c.value == alt.value) {
            Some(c) => {
                c.support = c.support.max(alt.support);
                if c.interval.is_none() {
                    c.interval = alt.interval;
                }
            }
            None => conflicts.push(alt.clone()),
        }
    }
    conflicts.sort_by(|a, b| a.value.cmp(&b.value));
    let event = match g.events.get(&rep.mention_id) {
        // An entry carried this mention's full event: keep it as given.
        Some(ev) if rep.actors.is_empty() && rep.summary.is_empty() => {
            let mut ev = ev.clone();
            ev.event_id = event_id.clone();
            ev.event_type = g.kind.0.clone();
            ev.mode = g.kind.1.clone();
            ev
        }
        _ => Event {
            event_id: event_id.clone(),
            mention_id: rep.mention_id.clone(),
            event_type: g.kind.0,
            mode: g.kind.1,
            status: rep.status,
            actors: rep.actors.clone(),
            location: rep.location.clone(),
            summary: rep.summary.clone(),
            trigger: rep.trigger.clone(),
            evidence: rep.evidence.clone(),
            span: rep.span,
            in_caption: rep.in_caption,
            date: rep.date.clone(),
            source: rep.source.clone(),
        },
    };
    Some(TimelineEntry {
        event_id,
        event,
        mentions: g.mentions.into_values().collect(),
        date_conflict: conflicts,
    })
}
