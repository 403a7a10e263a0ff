/*!
Closed-class words the event rules consult (negations, modals, scheduling
frames, subject gaps, name particles, ...), from
`data/events/function_words.tsv`: one word and its class a line.

Each class is a set sorted by length and bytes, looked up by binary
search, built once; the
rules ask `WORDS.negation.has(w)` of a lower-cased word.
*/

use std::sync::LazyLock;

use crate::lexicon;

/// A set of words of one class.
#[derive(Debug, Default)]
pub struct WordSet(Vec<Box<str>>, Keys);

/// A class's words packed for lookup: each word of up to [`PACKED`] bytes
/// as one integer (its bytes and its length), sorted, so that a probe of
/// the binary search is one integer comparison instead of a call to
/// compare bytes; longer words stay strings. The rules ask several
/// classes about most words of a sentence with a trigger.
///
/// Most words asked about are in no class, so a 1024-bit filter of the
/// words' first byte, last byte and length turns most of them away before
/// any search.
#[derive(Debug, Default)]
struct Keys {
    filter: Vec<u64>,
    short: Vec<u128>,
    long: Vec<Box<str>>,
}

/// Bits of [`Keys::filter`].
const FILTER_BITS: usize = 1024;

/// The bit of `w` in [`Keys::filter`].
#[inline]
fn filter_bit(w: &[u8]) -> usize {
    let (first, last) = match (w.first(), w.last()) {
        (Some(&f), Some(&l)) => (usize::from(f), usize::from(l)),
        _ => (0, 0),
    };
    (first.wrapping_mul(31) ^ last.wrapping_mul(7) ^ w.len().wrapping_mul(131)) % FILTER_BITS
}

/// Bytes of a word packed into a `u128` (the last byte holds the length).
const PACKED: usize = 15;

/// `w` packed (see [`Keys`]), when it is short enough.
#[inline]
fn pack(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    if b.len() > PACKED {
        return None;
    }
    let mut k = (b.len() as u128) << (8 * PACKED);
    for (i, &c) in b.iter().enumerate() {
        k |= u128::from(c) << (8 * i);
    }
    Some(k)
}

impl WordSet {
    /// True when `w` (as given; classes are lower case unless their
    /// description in the data file says otherwise) is in the set.
    pub fn has(&self, w: &str) -> bool {
        let bit = filter_bit(w.as_bytes());
        if self.1.filter.get(bit / 64).is_none_or(|f| f & (1 << (bit % 64)) == 0) {
            return false;
        }
        match pack(w) {
            Some(k) => self.1.short.binary_search(&k).is_ok(),
            None => self.1.long.binary_search_by(|x| by_length(x, w)).is_ok(),
        }
    }

    /// Build the packed keys (after the words are sorted and deduplicated).
    fn index(&mut self) {
        let mut short: Vec<u128> = self.0.iter().filter_map(|w| pack(w)).collect();
        short.sort_unstable();
        let long = self.0.iter().filter(|w| pack(w).is_none()).cloned().collect();
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for w in &self.0 {
            let bit = filter_bit(w.as_bytes());
            filter[bit / 64] |= 1 << (bit % 64);
        }
        self.1 = Keys { filter, short, long };
    }

    /// The words, shortest first.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|w| &**w)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the class has no words.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Order by length, then bytes: most probes differ in length and are
/// decided without comparing bytes.
fn by_length(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

macro_rules! classes {
    ($($field:ident => $name:literal),* $(,)?) => {
        /// Every word class of `function_words.tsv`.
        #[derive(Debug, Default)]
        pub struct Words {
            $(#[doc = concat!("Class `", $name, "`.")] pub $field: WordSet,)*
        }

        impl Words {
            fn slot(&mut self, class: &str) -> Option<&mut WordSet> {
                match class {
                    $($name => Some(&mut self.$field),)*
                    _ => None,
                }
            }

            fn sort_all(&mut self) {
                $(
                    self.$field.0.sort_by(|a, b| by_length(a, b));
                    self.$field.0.dedup();
                    self.$field.index();
                )*
            }

            #[cfg(test)]
            fn all(&self) -> Vec<(&'static str, &WordSet)> {
                vec![$(($name, &self.$field)),*]
            }
        }
    };
}

classes! {
    negation => "negation",
    modal => "modal",
    future => "future",
    schedule_frame => "schedule_frame",
    threat_frame => "threat_frame",
    refusal_frame => "refusal_frame",
    failure_frame => "failure_frame",
    allegation => "allegation",
    conditional => "conditional",
    preposition => "preposition",
    active_before => "active_before",
    reciprocal_verb => "reciprocal_verb",
    since_clause_verb => "since_clause_verb",
    anonymous_head => "anonymous_head",
    reporting_verb => "reporting_verb",
    subject_gap => "subject_gap",
    shared_subject_opener => "shared_subject_opener",
    determiner => "determiner",
    be => "be",
    verb_cue => "verb_cue",
    participle_opener => "participle_opener",
    pair_blocker => "pair_blocker",
    place_preposition => "place_preposition",
    direction => "direction",
    document_word => "document_word",
    org_staff => "org_staff",
    name_particle => "name_particle",
    irregular_past => "irregular_past",
    frame_gap_stop => "frame_gap_stop",
    relative => "relative",
    singular_pronoun => "singular_pronoun",
    narrating_opener => "narrating_opener",
    headline_aux => "headline_aux",
    headline_stop => "headline_stop",
    headline_soft_stop => "headline_soft_stop",
    headline_adjunct => "headline_adjunct",
    headline_trail => "headline_trail",
    distributive => "distributive",
    appositive_opener => "appositive_opener",
    group_head => "group_head",
    party_noun => "party_noun",
    person_party_noun => "person_party_noun",
}

/// The word classes, loaded once.
pub static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let text = lexicon::source(
        "events/function_words.tsv",
        include_str!("../../data/events/function_words.tsv"),
    );
    let mut words = Words::default();
    for (n, cols) in lexicon::rows(&text) {
        let (Some(word), Some(class)) = (cols.first(), cols.get(1)) else {
            panic!("events/function_words.tsv line {n}: expected a word and a class");
        };
        let slot = words.slot(class).unwrap_or_else(|| {
            panic!("events/function_words.tsv line {n}: unknown class `{class}`")
        });
        slot.0.push((*word).into());
    }
    words.sort_all();
    words
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_loads_with_words() {
        for (name, set) in WORDS.all() {
            assert!(!set.is_empty(), "class {name} has no words");
        }
        assert!(WORDS.negation.has("not"));
        assert!(WORDS.failure_frame.has("failed"));
        assert!(!WORDS.refusal_frame.has("failed"));
        assert!(WORDS.irregular_past.has("met"));
        assert!(WORDS.document_word.has("Resolution"));
    }

    proptest::proptest! {
        /// The packed lookup answers as a search of the words themselves.
        #[test]
        fn packed_lookup_is_membership(w in "[a-zA-Z'’é -]{0,20}", pick in 0usize..1000) {
            for (_, set) in WORDS.all() {
                let words: Vec<&str> = set.iter().collect();
                proptest::prop_assert_eq!(set.has(&w), words.contains(&w.as_str()));
                let member = words[pick % words.len()];
                proptest::prop_assert!(set.has(member));
                let longer = format!("{member}s");
                proptest::prop_assert_eq!(set.has(&longer), words.contains(&longer.as_str()));
                let shorter = &member[..member.char_indices().last().map_or(0, |(i, _)| i)];
                proptest::prop_assert_eq!(set.has(shorter), words.contains(&shorter));
            }
        }
    }
}
