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
pub struct WordSet(Vec<Box<str>>);

impl WordSet {
    /// True when `w` (as given; classes are lower case unless their
    /// description in the data file says otherwise) is in the set.
    pub fn has(&self, w: &str) -> bool {
        self.0.binary_search_by(|x| by_length(x, w)).is_ok()
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
}
