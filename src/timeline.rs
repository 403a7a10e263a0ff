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

# Memory

[`Merger`] does the merging one event or entry at a time and holds each
mention in compact form (`compact`: the parts mentions repeat, interned
once; the mention id as 128 bits), about 2.3 KB per input article on
generated news against 34 KB as whole structs; [`Merged::write_jsonl`]
expands one mention at a time while writing, so `dateline merge` of a
million articles fits in a few GB.
*/

use std::cmp::Ordering;
use std::collections::{btree_map, BTreeMap};
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

mod compact;
use compact::{CompactMention, Interner, MentionKey};

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
    // Written into one buffer, and the actor codes sorted as borrowed
    // strings: this runs for every event mention.
    let mut key = String::with_capacity(96);
    for part in [
        KEY_VERSION,
        "|type=",
        &ev.event_type,
        "|mode=",
        ev.mode.as_deref().unwrap_or("-"),
        "|status=",
        status,
        "|when=",
    ] {
        key.push_str(part);
    }
    match ev.date.interval {
        Some(iv) if ev.date.precision <= Precision::Month => {
            // As `write!(key, "{:04}-{:02}", year, month)`, without the
            // formatter.
            crate::temporal::calendar::pad(&mut key, i64::from(iv.start.year()), 4);
            key.push('-');
            crate::temporal::calendar::pad(&mut key, i64::from(iv.start.month()), 2);
        }
        Some(_) => key.push_str(&ev.date.value),
        None => key.push_str("undated"),
    }
    key.push_str("|actors=");
    let mut codes: Vec<&str> = ev.actors.iter().filter_map(|a| a.code.as_deref()).collect();
    let names: Vec<String>;
    if codes.is_empty() {
        names = ev.actors.iter().map(|a| format!("name:{}", a.name.to_lowercase())).collect();
        codes = names.iter().map(String::as_str).collect();
    }
    codes.sort_unstable();
    codes.dedup();
    for (i, c) in codes.iter().enumerate() {
        if i > 0 {
            key.push(',');
        }
        key.push_str(c);
    }
    key
}

fn hash128(key: &str) -> String {
    let h = blake3::hash(key.as_bytes());
    let mut buf = [0u8; 32];
    hex_into(&h.as_bytes()[..16], &mut buf).to_string()
}

/// `bytes` as lower-case hex digits in `buf` (two per byte; `buf` at least
/// twice as long), without the formatter: ids are written for every mention.
pub(crate) fn hex_into<'a>(bytes: &[u8], buf: &'a mut [u8]) -> &'a str {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for (i, b) in bytes.iter().enumerate() {
        buf[2 * i] = DIGITS[usize::from(b >> 4)];
        buf[2 * i + 1] = DIGITS[usize::from(b & 15)];
    }
    let out = &buf[..2 * bytes.len()];
    // Only ASCII digits were written.
    std::str::from_utf8(out).unwrap_or_default()
}

/// The stable id of an event: 128 bits of BLAKE3 over [`event_key`].
pub fn event_id(ev: &Event) -> String {
    hash128(&event_key(ev))
}

/// The id of one mention: article id, text (body or caption index), span
/// and event id, hashed.
pub fn mention_id(article_id: &str, caption: Option<usize>, span: Span, event_id: &str) -> String {
    // Pieces pushed without the formatter: this runs for every mention.
    let mut key = String::with_capacity(64 + article_id.len() + event_id.len());
    key.push_str("dateline-mention-v1|");
    push_decimal(&mut key, article_id.len());
    key.push('|');
    key.push_str(article_id);
    key.push('|');
    match caption {
        Some(i) => {
            key.push_str("caption:");
            push_decimal(&mut key, i);
        }
        None => key.push_str("body"),
    }
    key.push('|');
    push_decimal(&mut key, span.start);
    key.push('|');
    push_decimal(&mut key, span.end);
    key.push('|');
    key.push_str(event_id);
    hash128(&key)
}

/// `n` in decimal digits, as `write!(out, "{n}")` would put them.
fn push_decimal(out: &mut String, mut n: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// Extract events from every article (in parallel) and merge them into the
/// timeline, sorted by date.
pub fn build(articles: &[Article]) -> Vec<TimelineEntry> {
    // A chunk at a time, so only one chunk's events are ever held in full.
    let mut m = Merger::new();
    for chunk in articles.chunks(BUILD_CHUNK) {
        let per_article: Vec<Vec<Event>> = chunk.par_iter().map(crate::events::extract).collect();
        for ev in per_article.into_iter().flatten() {
            m.add_event(ev);
        }
    }
    m.finish().into_entries().collect()
}

/// Articles extracted in parallel between two folds into the merge.
const BUILD_CHUNK: usize = 1024;

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
    let mut m = Merger::new();
    for ev in events {
        m.add_event(ev);
    }
    m.finish().into_entries().collect()
}

/// Merge entries (possibly partial merges of the same events) into one
/// entry per `event_id`. Associative, commutative and idempotent.
pub fn merge_entries(entries: impl IntoIterator<Item = TimelineEntry>) -> Vec<TimelineEntry> {
    let mut m = Merger::new();
    for entry in entries {
        m.add_entry(entry);
    }
    m.finish().into_entries().collect()
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

/// A merge fed one event or entry at a time: what [`merge_events`] and
/// [`merge_entries`] do, holding each mention in compact form (its
/// source, sentence, date, actors and words shared with every other mention
/// that repeats them), about a tenth of the memory of the entries
/// themselves. [`Merger::finish`] gives the merged entries in timeline
/// order, to be written one at a time.
#[derive(Default)]
pub struct Merger {
    groups: BTreeMap<String, Group>,
    intern: Interner,
}

impl Merger {
    /// An empty merge.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add one event (as its singleton entry).
    pub fn add_event(&mut self, ev: Event) {
        let g = group_for(&mut self.groups, &ev.event_id, (&ev.event_type, ev.mode.as_deref()));
        if ev.actors.is_empty() && ev.summary.is_empty() {
            keep_event(g, ev.clone());
        }
        add_mention(g, &mut self.intern, into_mention(ev));
    }

    /// Add one entry (a partial merge).
    pub fn add_entry(&mut self, entry: TimelineEntry) {
        let kind = (entry.event.event_type.as_str(), entry.event.mode.as_deref());
        let g = group_for(&mut self.groups, &entry.event_id, kind);
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
            add_mention(g, &mut self.intern, m);
        }
    }

    /// Entries so far (distinct event ids).
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The merged entries, in timeline order.
    pub fn finish(self) -> Merged {
        let Merger { groups, intern } = self;
        // The interner's references go: each shared part is freed with the
        // last entry that uses it, as the entries are written.
        drop(intern);
        let mut entries: Vec<Built> =
            groups.into_iter().filter_map(|(id, g)| rebuild(id, g)).collect();
        entries
            .sort_by(|a, b| sort_key(&a.event_id, &a.event).cmp(&sort_key(&b.event_id, &b.event)));
        Merged { entries }
    }
}

/// The result of a [`Merger`]: merged entries in timeline order, their
/// mentions still compact until each entry is taken or written.
pub struct Merged {
    entries: Vec<Built>,
}

impl Merged {
    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Put the entries in the order `cmp` gives, comparing each entry's
    /// `event_id` and (representative) event, the parts held uncompacted.
    /// Stable: entries `cmp` calls equal keep their order.
    pub fn sort_by(&mut self, mut cmp: impl FnMut((&str, &Event), (&str, &Event)) -> Ordering) {
        self.entries.sort_by(|a, b| cmp((&a.event_id, &a.event), (&b.event_id, &b.event)));
    }

    /// The entries in their current order, each expanded when the iterator
    /// reaches it (and freed when the caller drops it), so only one is whole
    /// at a time.
    pub fn entries(&self) -> impl Iterator<Item = TimelineEntry> + '_ {
        self.entries.iter().map(Built::to_entry)
    }

    /// The entries, each expanded when it is taken.
    pub fn into_entries(self) -> impl Iterator<Item = TimelineEntry> {
        self.entries.into_iter().map(Built::into_entry)
    }

    /// Write the entries as JSON lines, the bytes `serde_json::to_writer` of
    /// each [`TimelineEntry`] plus a newline would give, expanding one
    /// mention at a time.
    pub fn write_jsonl(self, w: &mut dyn Write) -> io::Result<()> {
        for b in self.entries {
            let out = EntryOut {
                event_id: &b.event_id,
                event: &b.event,
                mentions: MentionsOut(&b.mentions),
                date_conflict: &b.date_conflict,
            };
            serde_json::to_writer(&mut *w, &out).map_err(io::Error::other)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// A merged entry whose mentions are still compact.
struct Built {
    event_id: String,
    event: Event,
    mentions: BTreeMap<MentionKey, CompactMention>,
    date_conflict: Vec<DateAlternative>,
}

impl Built {
    fn to_entry(&self) -> TimelineEntry {
        TimelineEntry {
            mentions: self.mentions.iter().map(|(k, m)| m.to_mention(k)).collect(),
            event_id: self.event_id.clone(),
            event: self.event.clone(),
            date_conflict: self.date_conflict.clone(),
        }
    }

    fn into_entry(self) -> TimelineEntry {
        TimelineEntry {
            mentions: self.mentions.iter().map(|(k, m)| m.to_mention(k)).collect(),
            event_id: self.event_id,
            event: self.event,
            date_conflict: self.date_conflict,
        }
    }
}

/// [`TimelineEntry`]'s serialized form (same fields, order and rules), over
/// compact mentions.
#[derive(Serialize)]
struct EntryOut<'a> {
    event_id: &'a str,
    event: &'a Event,
    mentions: MentionsOut<'a>,
    #[serde(skip_serializing_if = "no_conflict")]
    date_conflict: &'a [DateAlternative],
}

fn no_conflict(c: &&[DateAlternative]) -> bool {
    c.is_empty()
}

struct MentionsOut<'a>(&'a BTreeMap<MentionKey, CompactMention>);

impl Serialize for MentionsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (k, m) in self.0 {
            seq.serialize_element(&m.to_mention(k))?;
        }
        seq.end()
    }
}

fn group_for<'a>(
    groups: &'a mut BTreeMap<String, Group>,
    event_id: &str,
    kind: (&str, Option<&str>),
) -> &'a mut Group {
    let owned = |(t, m): (&str, Option<&str>)| (t.to_string(), m.map(str::to_string));
    if !groups.contains_key(event_id) {
        groups.insert(
            event_id.to_string(),
            Group {
                kind: owned(kind),
                mentions: BTreeMap::new(),
                conflicts: Vec::new(),
                events: BTreeMap::new(),
            },
        );
    }
    let g = groups.get_mut(event_id).expect("inserted above");
    if kind < (g.kind.0.as_str(), g.kind.1.as_deref()) {
        g.kind = owned(kind);
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

fn add_mention(g: &mut Group, intern: &mut Interner, m: Mention) {
    let (key, m) = intern.mention(m);
    match g.mentions.entry(key) {
        btree_map::Entry::Vacant(v) => {
            v.insert(m);
        }
        btree_map::Entry::Occupied(mut o) => {
            if o.get().same(&m) {
                return;
            }
            let old = o.get().to_mention(o.key());
            let new = m.to_mention(o.key());
            if old != new {
                // The same mention id with different content can only come
                // from mixed versions; keep one deterministically.
                let a = serde_json::to_string(&old).unwrap_or_default();
                let b = serde_json::to_string(&new).unwrap_or_default();
                if b < a {
                    o.insert(m);
                }
            }
        }
    }
}

struct Group {
    /// (type, mode) candidates; the smallest wins if inputs disagree.
    kind: (String, Option<String>),
    mentions: BTreeMap<MentionKey, CompactMention>,
    /// Date alternatives entries carried (kept when their mentions are not
    /// all here, as in entries written by other tools).
    conflicts: Vec<DateAlternative>,
    /// The full event data entries carried for their representative
    /// mention, by mention id (used when a mention lacks its own data, as
    /// entries written by other tools may).
    events: BTreeMap<String, Event>,
}

fn sort_key<'a>(event_id: &'a str, event: &Event) -> (NaiveDate, Precision, &'a str) {
    let start = event.date.interval.map(|i| i.start).unwrap_or(NaiveDate::MAX);
    (start, event.date.precision, event_id)
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
    members: Vec<(&'a MentionKey, &'a CompactMention)>,
}

fn rebuild(event_id: String, g: Group) -> Option<Built> {
    let (event, conflicts) = {
        let mut dg: BTreeMap<(&str, Option<&str>), DateGroup> = BTreeMap::new();
        for (k, m) in &g.mentions {
            let date = m.date();
            let d =
                dg.entry((date.value.as_str(), date.modifier.as_deref())).or_insert(DateGroup {
                    stated: 0,
                    score: 0,
                    precision: date.precision,
                    interval: date.interval,
                    value: &date.value,
                    members: Vec::new(),
                });
            d.score += milli(date.confidence);
            if stated(date.anchor) {
                d.stated += milli(date.confidence);
            }
            d.precision = d.precision.min(date.precision);
            // Intervals of one value agree; keep the smallest for determinism.
            if date.interval < d.interval || d.interval.is_none() {
                d.interval = date.interval.or(d.interval);
            }
            d.members.push((k, m));
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
        let usable = |k: &MentionKey, m: &CompactMention| {
            m.has_data() || (!g.events.is_empty() && g.events.contains_key(&k.to_string()))
        };
        let (rep_key, rep) = best.members.iter().copied().max_by(|(ka, a), (kb, b)| {
            usable(ka, a)
                .cmp(&usable(kb, b))
                .then(milli(a.date().confidence).cmp(&milli(b.date().confidence)))
                .then(kb.cmp(ka))
        })?;
        let rep = rep.to_mention(rep_key);
        let chosen_interval = best.interval;
        let chosen_key = (rep.date.value.as_str(), rep.date.modifier.as_deref());
        let mut conflicts = Vec::new();
        for (key, d) in &dg {
            if *key == chosen_key {
                continue;
            }
            let support = d.members.iter().filter(|(_, m)| stated(m.date().anchor)).count();
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
                mention_id: rep.mention_id,
                event_type: g.kind.0.clone(),
                mode: g.kind.1.clone(),
                status: rep.status,
                actors: rep.actors,
                location: rep.location,
                summary: rep.summary,
                trigger: rep.trigger,
                evidence: rep.evidence,
                span: rep.span,
                in_caption: rep.in_caption,
                date: rep.date,
                source: rep.source,
            },
        };
        (event, conflicts)
    };
    Some(Built { event_id, event, mentions: g.mentions, date_conflict: conflicts })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, EventDate, SourceRef};

    proptest::proptest! {
        #[test]
        fn ids_are_written_as_the_formatter_writes_them(n in proptest::num::usize::ANY, b in proptest::collection::vec(proptest::num::u8::ANY, 0..20)) {
            let mut s = String::from("x");
            push_decimal(&mut s, n);
            proptest::prop_assert_eq!(s, format!("x{n}"));
            let mut buf = [0u8; 40];
            let hex: String = b.iter().map(|v| format!("{v:02x}")).collect();
            proptest::prop_assert_eq!(hex_into(&b, &mut buf), hex.as_str());
        }

        #[test]
        fn key_months_are_written_as_the_formatter_writes_them(y in -300_000i32..300_000, m in 1u32..13) {
            let mut s = String::new();
            crate::temporal::calendar::pad(&mut s, i64::from(y), 4);
            s.push('-');
            crate::temporal::calendar::pad(&mut s, i64::from(m), 2);
            proptest::prop_assert_eq!(s, format!("{y:04}-{m:02}"));
        }
    }

    fn event(article: &str, day: u32, anchor: DateAnchor, conf: f32, hex_ids: bool) -> Event {
        let d = NaiveDate::from_ymd_opt(2025, 3, day).expect("valid date");
        let mut ev = Event {
            event_id: String::new(),
            mention_id: String::new(),
            event_type: "CONSULT".into(),
            mode: Some("meeting".into()),
            status: EventStatus::Occurred,
            actors: vec![Actor {
                name: "Egypt".into(),
                kind: "country".into(),
                role: None,
                country: Some("EGY".into()),
                code: Some("EGY".into()),
                part: "source".into(),
            }],
            location: Some("Cairo".into()),
            summary: "Egypt met".into(),
            trigger: "met".into(),
            evidence: format!("A sentence of {article}."),
            span: Span::new(day as usize, day as usize + 3),
            in_caption: false,
            date: EventDate {
                value: d.format("%Y-%m-%d").to_string(),
                modifier: None,
                interval: Some(Interval::day(d)),
                precision: Precision::Day,
                text: "Monday".into(),
                span: None,
                anchor,
                rule: "test".into(),
                confidence: conf,
            },
            source: SourceRef {
                article_id: article.into(),
                title: format!("Title of {article}"),
                url: None,
                source: Some("Wire".into()),
                published: Some(d),
            },
        };
        ev.event_id = event_id(&ev);
        ev.mention_id = if hex_ids {
            mention_id(article, None, ev.span, &ev.event_id)
        } else {
            format!("m-{article}-{day}")
        };
        ev
    }

    fn sample() -> Vec<Event> {
        vec![
            event("a", 3, DateAnchor::Explicit, 0.9, true),
            event("b", 3, DateAnchor::Inherited, 0.5, true),
            // Stated, a month apart: another event id (another bucket).
            event("c", 28, DateAnchor::Explicit, 0.9, false),
            // Same bucket, a stated date that does not overlap: a conflict.
            event("d", 5, DateAnchor::Publication, 0.6, false),
            event("e", 5, DateAnchor::Inherited, 0.4, true),
        ]
    }

    #[test]
    fn streamed_jsonl_is_the_entries_serialized() {
        let mut m = Merger::new();
        for ev in sample() {
            m.add_event(ev);
        }
        let mut streamed = Vec::new();
        m.finish().write_jsonl(&mut streamed).expect("write to a Vec");

        let entries = merge_events(sample());
        assert!(entries.iter().any(|e| !e.date_conflict.is_empty()), "the sample has a conflict");
        let mut expected = Vec::new();
        for e in &entries {
            serde_json::to_writer(&mut expected, e).expect("serialize");
            expected.push(b'\n');
        }
        assert_eq!(String::from_utf8(streamed).unwrap(), String::from_utf8(expected).unwrap());
    }

    #[test]
    fn mentions_keep_every_field_and_their_id_order() {
        let events = sample();
        let entries = merge_events(events.clone());
        let mut seen = 0;
        for e in &entries {
            let ids: Vec<&str> = e.mentions.iter().map(|m| m.mention_id.as_str()).collect();
            let mut sorted = ids.clone();
            sorted.sort();
            assert_eq!(ids, sorted, "mentions ordered by mention id");
            for m in &e.mentions {
                let ev = events.iter().find(|ev| ev.mention_id == m.mention_id).expect("known");
                assert_eq!(*m, mention_of(ev));
                seen += 1;
            }
        }
        assert_eq!(seen, events.len());
    }

    #[test]
    fn a_mention_id_seen_twice_with_other_content_keeps_one_deterministically() {
        let a = event("a", 3, DateAnchor::Explicit, 0.9, true);
        let mut b = a.clone();
        b.evidence = "Another version of the sentence.".into();
        let ab = merge_events(vec![a.clone(), b.clone()]);
        let ba = merge_events(vec![b, a]);
        assert_eq!(ab, ba);
        assert_eq!(ab[0].mentions.len(), 1);
    }
}
