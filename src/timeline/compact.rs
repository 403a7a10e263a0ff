//! The compact form of the mentions a merge holds.
//!
//! A merge of a million articles holds about seven million mentions, and most
//! of a mention repeats other mentions: the source (every event of an article
//! shares it), the evidence sentence (every event of a sentence, and every
//! syndicated copy of a wire story), the date, the actors, the trigger and the
//! summary. Here each of those is stored once ([`Interner`]) and a mention is
//! a row of shared pointers plus its own 128-bit id ([`MentionKey`]), about a
//! tenth of the [`Mention`] it stands for. [`CompactMention::to_mention`]
//! gives the mention back field for field, so output is unchanged.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

// Keyed per process (a random seed), so text crafted to collide cannot
// slow the merge down; the sets are only probed, never iterated, so output
// does not depend on the seed.
type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

use crate::model::{Actor, EventDate, EventStatus, Mention, SourceRef, Span};

/// A mention id: its 128 bits when it is 32 lower-case hex digits (what
/// dateline writes), else the text as given. Ordered as the text, so a map
/// keyed by it iterates in the order of the `mention_id` strings.
#[derive(Debug, Clone)]
pub(crate) enum MentionKey {
    /// 32 lower-case hex digits.
    Hex(u128),
    /// Anything else.
    Text(Box<str>),
}

impl MentionKey {
    pub(crate) fn new(id: &str) -> Self {
        let hex = id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        match u128::from_str_radix(id, 16) {
            Ok(v) if hex => MentionKey::Hex(v),
            _ => MentionKey::Text(id.into()),
        }
    }
}

impl MentionKey {
    /// The id as text (what `to_string` gives, without the formatter).
    pub(crate) fn to_id(&self) -> String {
        match self {
            MentionKey::Hex(v) => {
                let mut buf = [0u8; 32];
                crate::timeline::hex_into(&v.to_be_bytes(), &mut buf).to_string()
            }
            MentionKey::Text(s) => String::from(&**s),
        }
    }
}

impl fmt::Display for MentionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MentionKey::Hex(v) => {
                let mut buf = [0u8; 32];
                f.write_str(crate::timeline::hex_into(&v.to_be_bytes(), &mut buf))
            }
            MentionKey::Text(s) => f.write_str(s),
        }
    }
}

impl Ord for MentionKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            // Fixed-width lower-case hex orders as its number.
            (MentionKey::Hex(a), MentionKey::Hex(b)) => a.cmp(b),
            (MentionKey::Text(a), MentionKey::Text(b)) => a.cmp(b),
            _ => self.to_string().cmp(&other.to_string()),
        }
    }
}

impl PartialOrd for MentionKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for MentionKey {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for MentionKey {}

/// An [`EventDate`] that can be hashed: equal when every field is, the
/// confidence compared by its bits (so each distinct serialization is kept).
#[derive(Debug)]
pub(crate) struct DateKey(pub(crate) EventDate);

impl DateKey {
    fn parts(&self) -> impl PartialEq + Hash + '_ {
        // Destructured whole, so a field added to EventDate cannot be
        // silently left out of equality.
        let EventDate {
            value,
            modifier,
            interval,
            precision,
            text,
            span,
            anchor,
            rule,
            confidence,
        } = &self.0;
        (value, modifier, interval, precision, text, span, anchor, rule, confidence.to_bits())
    }
}

impl PartialEq for DateKey {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for DateKey {}

impl Hash for DateKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

/// One mention, its repeated parts shared (see the module docs).
#[derive(Debug, Clone)]
pub(crate) struct CompactMention {
    pub(crate) source: Arc<SourceRef>,
    pub(crate) evidence: Arc<str>,
    pub(crate) span: Span,
    pub(crate) date: Arc<DateKey>,
    pub(crate) status: EventStatus,
    pub(crate) actors: Arc<[Actor]>,
    pub(crate) location: Option<Arc<str>>,
    pub(crate) summary: Arc<str>,
    pub(crate) trigger: Arc<str>,
    pub(crate) in_caption: bool,
}

impl CompactMention {
    /// The mention's date.
    pub(crate) fn date(&self) -> &EventDate {
        &self.date.0
    }

    /// Whether the mention has event data of its own (entries written by
    /// other tools may carry bare mentions).
    pub(crate) fn has_data(&self) -> bool {
        !(self.actors.is_empty() && self.summary.is_empty())
    }

    /// The same content, for mentions interned by one [`Interner`]: equal
    /// parts are the same pointer.
    pub(crate) fn same(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.source, &other.source)
            && Arc::ptr_eq(&self.evidence, &other.evidence)
            && self.span == other.span
            && Arc::ptr_eq(&self.date, &other.date)
            && self.status == other.status
            && Arc::ptr_eq(&self.actors, &other.actors)
            && match (&self.location, &other.location) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
            && Arc::ptr_eq(&self.summary, &other.summary)
            && Arc::ptr_eq(&self.trigger, &other.trigger)
            && self.in_caption == other.in_caption
    }

    /// The full mention back.
    pub(crate) fn to_mention(&self, key: &MentionKey) -> Mention {
        // `String::from(&str)`, not `to_string()`: `Arc<str>` has no fast
        // `ToString`, so that would go through the formatter and regrow
        // the string as it is written.
        Mention {
            mention_id: key.to_id(),
            source: (*self.source).clone(),
            evidence: String::from(&*self.evidence),
            span: self.span,
            date: self.date.0.clone(),
            status: self.status,
            actors: self.actors.to_vec(),
            location: self.location.as_deref().map(str::to_string),
            summary: String::from(&*self.summary),
            trigger: String::from(&*self.trigger),
            in_caption: self.in_caption,
        }
    }
}

/// The shared parts of the mentions of one merge, each stored once.
///
/// Mentions arrive grouped by article and sentence, so a part usually
/// equals the same field of the mention before: each field keeps the last
/// part it got ([`Recent`]), and a comparison with it spares hashing the
/// whole sentence or source again.
#[derive(Default)]
pub(crate) struct Interner {
    strs: HashSet<Arc<str>>,
    sources: HashSet<Arc<SourceRef>>,
    dates: HashSet<Arc<DateKey>>,
    actors: HashSet<Arc<[Actor]>>,
    recent: Recent,
}

/// The part each field of the previous mention was interned to.
#[derive(Default)]
struct Recent {
    source: Option<Arc<SourceRef>>,
    evidence: Option<Arc<str>>,
    date: Option<Arc<DateKey>>,
    actors: Option<Arc<[Actor]>>,
}

/// `recent` when it equals `value`, else the part `intern` gives, which
/// becomes the recent one. Either way the part is the one the set holds.
fn via_recent<T: ?Sized, V>(
    recent: &mut Option<Arc<T>>,
    value: V,
    same: impl Fn(&T, &V) -> bool,
    intern: impl FnOnce(V) -> Arc<T>,
) -> Arc<T> {
    if let Some(r) = recent {
        if same(r, &value) {
            return r.clone();
        }
    }
    let a = intern(value);
    *recent = Some(a.clone());
    a
}

/// The set's copy of `value`, stored first if it is new.
fn intern<T: ?Sized + Hash + Eq, V: std::borrow::Borrow<T> + Into<Arc<T>>>(
    set: &mut HashSet<Arc<T>>,
    value: V,
) -> Arc<T> {
    if let Some(a) = set.get(value.borrow()) {
        return a.clone();
    }
    let a: Arc<T> = value.into();
    set.insert(a.clone());
    a
}

impl Interner {
    fn str(&mut self, s: String) -> Arc<str> {
        intern(&mut self.strs, s)
    }

    fn evidence(&mut self, s: String) -> Arc<str> {
        let strs = &mut self.strs;
        via_recent(&mut self.recent.evidence, s, |r, s| r == s.as_str(), |s| intern(strs, s))
    }

    fn source(&mut self, s: SourceRef) -> Arc<SourceRef> {
        let sources = &mut self.sources;
        via_recent(&mut self.recent.source, s, |r, s| r == s, |s| intern(sources, s))
    }

    fn date(&mut self, d: EventDate) -> Arc<DateKey> {
        let dates = &mut self.dates;
        via_recent(&mut self.recent.date, DateKey(d), |r, k| r == k, |k| intern(dates, k))
    }

    fn actors(&mut self, v: Vec<Actor>) -> Arc<[Actor]> {
        let actors = &mut self.actors;
        via_recent(&mut self.recent.actors, v, |r, v| r == v.as_slice(), |v| intern(actors, v))
    }

    /// A mention in compact form, with its key.
    pub(crate) fn mention(&mut self, m: Mention) -> (MentionKey, CompactMention) {
        // Destructured whole, so a field added to Mention cannot be dropped
        // here unnoticed.
        let Mention {
            mention_id,
            source,
            evidence,
            span,
            date,
            status,
            actors,
            location,
            summary,
            trigger,
            in_caption,
        } = m;
        let compact = CompactMention {
            source: self.source(source),
            evidence: self.evidence(evidence),
            span,
            date: self.date(date),
            status,
            actors: self.actors(actors),
            location: location.map(|l| self.str(l)),
            summary: self.str(summary),
            trigger: self.str(trigger),
            in_caption,
        };
        (MentionKey::new(&mention_id), compact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mention_keys_order_as_their_text() {
        let ids = [
            "00000000000000000000000000000000",
            "0f",
            "9fffffffffffffffffffffffffffffff",
            "a0000000000000000000000000000000",
            "A0000000000000000000000000000000",
            "ffffffffffffffffffffffffffffffff",
            "g",
            "",
        ];
        for a in ids {
            let ka = MentionKey::new(a);
            assert_eq!(ka.to_string(), a, "round trip of {a:?}");
            for b in ids {
                assert_eq!(ka.cmp(&MentionKey::new(b)), a.cmp(b), "{a:?} vs {b:?}");
            }
        }
        assert!(matches!(MentionKey::new("0123456789abcdef0123456789abcdef"), MentionKey::Hex(_)));
        assert!(matches!(MentionKey::new("+123456789abcdef0123456789abcdef"), MentionKey::Text(_)));
    }
}
