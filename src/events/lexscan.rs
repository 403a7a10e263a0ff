/*!
One pass over a text for every phrase list of the event stage.

The gazetteer, the roles, the actor heads, the group nouns, the triggers
and the frame words were each looked for by an automaton of their own,
so each text was read six times (the triggers and frame words once per
sentence). Here one automaton holds every list's phrases and reports every
occurrence of each of them (overlapping, ASCII case-blind) in one pass;
[`Hits`] keeps them per list, and each list's user then reads from them what
its own automaton gave it:

- [`Hits::leftmost_longest`]: what a leftmost-longest search of one list
  finds in a range (the longest match at the leftmost position, then on
  from its end), case-sensitive for the lists that were
  ([`List::exact`]);
- [`Hits::within`]: every occurrence of one list's phrases in a range, as
  an overlapping search finds them; for the frame words only those that are
  whole words of the scanned text ([`List::whole_words_only`]).

A leftmost-longest search sees only the matches of its own list inside its
haystack, and the set of occurrences of a phrase inside a range does not
depend on the text around it, so both give exactly what the lists'
automata gave (the unit tests compare them on random text).
*/

use std::sync::LazyLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

use crate::model::Span;

/// The phrase lists one [`Hits`] scan looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    /// Countries, demonyms, capitals, metonyms, organizations (exact case).
    Gazetteer,
    /// Role phrases ("Foreign Minister").
    Roles,
    /// Actor head nouns ("government", "army"; exact case).
    Heads,
    /// Collective nouns ("donors", "both sides").
    Groups,
    /// Trigger forms.
    Triggers,
    /// Gapped-frame verbs and complements.
    FrameWords,
}

/// How many lists there are.
const LISTS: usize = 6;

impl List {
    const ALL: [List; LISTS] =
        [List::Gazetteer, List::Roles, List::Heads, List::Groups, List::Triggers, List::FrameWords];

    /// Whether the list's phrases match only as written (its own automaton
    /// was case-sensitive); the others match ASCII case-blind.
    fn exact(self) -> bool {
        matches!(self, List::Gazetteer | List::Heads)
    }

    /// Whether only the list's matches that are whole words of the scanned
    /// text are kept. The frame words are looked at one by one (no search
    /// of theirs picks one match over another), and only as whole words of
    /// a sentence; a sentence ([`crate::segment::sentences`]) opens after
    /// a space, a line break or punctuation and ends before one, so its
    /// whole words are the text's whole words inside it. (The other lists'
    /// leftmost-longest searches need every match: one that is no whole
    /// word can still hide another.) Frame words are also the most
    /// frequent matches ("to", "aid" in "said").
    fn whole_words_only(self) -> bool {
        matches!(self, List::FrameWords)
    }

    /// The list's phrases, in the order of their pattern indices.
    fn patterns(self) -> &'static [String] {
        match self {
            List::Gazetteer => super::actors::gazetteer_patterns(),
            List::Roles => super::actors::role_patterns(),
            List::Heads => super::actors::head_patterns(),
            List::Groups => super::actors::group_patterns(),
            List::Triggers => super::triggers::trigger_patterns(),
            List::FrameWords => super::triggers::frame_patterns(),
        }
    }
}

/// Every phrase of every list in one automaton.
struct Union {
    /// Stepped a byte at a time by [`Hits::in_span`]: the overlapping
    /// search iterator costs more per match than a text has bytes between
    /// matches.
    dfa: DFA,
    /// Per pattern of `dfa`: what [`Hits::in_span`] needs of it at each
    /// match, in one place.
    owner: Vec<Owner>,
}

/// A pattern of [`Union`]: its list, its index there, its length, and
/// its bytes when the list matches them only as written.
struct Owner {
    list: List,
    index: usize,
    len: usize,
    exact: Option<&'static [u8]>,
}

static UNION: LazyLock<Union> = LazyLock::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut owner = Vec::new();
    for list in List::ALL {
        for (i, p) in list.patterns().iter().enumerate() {
            // An empty phrase would match everywhere: no list has one.
            assert!(!p.is_empty(), "empty phrase in {list:?}");
            patterns.push(p);
            let exact = list.exact().then_some(p.as_bytes());
            owner.push(Owner { list, index: i, len: p.len(), exact });
        }
    }
    let dfa = DFA::builder()
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Unanchored)
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(&patterns)
        .expect("phrase lists build");
    Union { dfa, owner }
});

/// Build the automaton now (see [`crate::lexicon::load_all`]).
pub(crate) fn load() {
    LazyLock::force(&UNION);
}

/// One occurrence of a phrase: where, and the phrase's index in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Byte span in the text.
    pub span: Span,
    /// Index of the phrase in its list.
    pub pattern: usize,
}

/// Whether `text[start..end]` is a whole word of `text[span]`: no letter or
/// digit right before or after it inside the span.
fn whole_word(text: &str, span: Span, start: usize, end: usize) -> bool {
    let alnum = |c: char| c.is_alphanumeric();
    let b = text.as_bytes();
    // An ASCII byte is a whole character: no decoding for the common case.
    let before = match start.checked_sub(1).filter(|&i| i >= span.start).map(|i| b[i]) {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => text[span.start..start].chars().next_back().is_some_and(alnum),
    };
    let after = match b.get(end).filter(|_| end < span.end) {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => text[end..span.end].chars().next().is_some_and(alnum),
    };
    !before && !after
}

/// The order of [`Hits`]' lists: by start, then longest first, then by
/// phrase index.
fn order(h: &Hit) -> (usize, std::cmp::Reverse<usize>, usize) {
    (h.span.start, std::cmp::Reverse(h.span.end), h.pattern)
}

/// Add `hit` to `list`, kept in [`order`]. Hits are found by their end, and
/// phrases are short, so a new hit goes at the end or a few places before
/// it: a step back at a time costs less than sorting afterwards.
fn insert_in_order(list: &mut Vec<Hit>, hit: Hit) {
    let key = order(&hit);
    let mut at = list.len();
    while at > 0 && order(&list[at - 1]) > key {
        at -= 1;
    }
    if at == list.len() {
        list.push(hit);
    } else {
        list.insert(at, hit);
    }
}

/// Every occurrence of every list's phrases in a text, per list, in
/// [`order`].
#[derive(Debug, Default)]
pub(crate) struct Hits {
    lists: [Vec<Hit>; LISTS],
}

impl Hits {
    /// Scan all of `text`.
    pub fn new(text: &str) -> Hits {
        Hits::in_span(text, Span::new(0, text.len()))
    }

    /// Scan `text[span]` (spans of the hits index `text`).
    pub fn in_span(text: &str, span: Span) -> Hits {
        let union = &*UNION;
        let dfa = &union.dfa;
        let bytes = &text.as_bytes()[span.start..span.end];
        let mut hits = Hits::default();
        // Room for about as many hits as news text has (triggers and frame
        // words about one in 30 bytes, the others a few times fewer), so
        // that the lists are not regrown and copied as they fill.
        for list in List::ALL {
            let per = if matches!(list, List::Triggers | List::FrameWords) { 32 } else { 128 };
            hits.lists[list as usize].reserve(bytes.len() / per);
        }
        // Built unanchored, so there is an unanchored start state; no
        // phrase is empty, so it is no match state.
        let mut sid = dfa.start_state(Anchored::No).expect("an unanchored automaton");
        for (i, &b) in bytes.iter().enumerate() {
            sid = dfa.next_state(Anchored::No, sid, b);
            if !(dfa.is_special(sid) && dfa.is_match(sid)) {
                continue;
            }
            // Every phrase that ends here (standard semantics).
            let end = span.start + i + 1;
            for k in 0..dfa.match_len(sid) {
                let o = &union.owner[dfa.match_pattern(sid, k).as_usize()];
                let start = end - o.len;
                if o.exact.is_some_and(|p| text.as_bytes()[start..end] != *p) {
                    continue;
                }
                if o.list.whole_words_only() && !whole_word(text, span, start, end) {
                    continue;
                }
                insert_in_order(
                    &mut hits.lists[o.list as usize],
                    Hit { span: Span::new(start, end), pattern: o.index },
                );
            }
        }
        hits
    }

    /// What a leftmost-longest search of `list`'s phrases finds in
    /// `text[range]`: at the leftmost position where a phrase occurs
    /// inside the range, the longest one (the first in the list among
    /// equals), then on from its end.
    pub fn leftmost_longest(&self, list: List, range: Span) -> impl Iterator<Item = &Hit> + '_ {
        let hits = &self.lists[list as usize];
        let from = hits.partition_point(|h| h.span.start < range.start);
        let mut pos = range.start;
        hits[from..].iter().take_while(move |h| h.span.start < range.end).filter(move |h| {
            let take = h.span.start >= pos && h.span.end <= range.end;
            if take {
                pos = h.span.end;
            }
            take
        })
    }

    /// Every occurrence of `list`'s phrases inside `text[range]`, by start.
    pub fn within(&self, list: List, range: Span) -> impl Iterator<Item = &Hit> + '_ {
        let hits = &self.lists[list as usize];
        let from = hits.partition_point(|h| h.span.start < range.start);
        hits[from..]
            .iter()
            .take_while(move |h| h.span.start < range.end)
            .filter(move |h| h.span.end <= range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
    use proptest::prelude::*;

    /// Each list's own automata, as the lists were searched before
    /// [`Hits`]: leftmost-longest, and overlapping.
    static OWN: LazyLock<Vec<(AhoCorasick, AhoCorasick)>> = LazyLock::new(|| {
        List::ALL
            .iter()
            .map(|list| {
                let build = |kind| {
                    AhoCorasickBuilder::new()
                        .match_kind(kind)
                        .ascii_case_insensitive(!list.exact())
                        .build(list.patterns())
                        .unwrap()
                };
                (build(MatchKind::LeftmostLongest), build(MatchKind::Standard))
            })
            .collect()
    });

    fn hit(range: Span, m: aho_corasick::Match) -> Hit {
        Hit {
            span: Span::new(range.start + m.start(), range.start + m.end()),
            pattern: m.pattern().as_usize(),
        }
    }

    fn own_leftmost_longest(list: List, text: &str, range: Span) -> Vec<Hit> {
        let hay = &text[range.start..range.end];
        OWN[list as usize].0.find_iter(hay).map(|m| hit(range, m)).collect()
    }

    /// What an overlapping search of `list` finds in `text[range]`, less
    /// what [`Hits`] drops as no whole word of `text[scanned]`.
    fn own_overlapping(list: List, text: &str, range: Span, scanned: Span) -> Vec<Hit> {
        let hay = &text[range.start..range.end];
        let mut v: Vec<Hit> = OWN[list as usize]
            .1
            .find_overlapping_iter(hay)
            .map(|m| hit(range, m))
            .filter(|h| {
                !list.whole_words_only() || whole_word(text, scanned, h.span.start, h.span.end)
            })
            .collect();
        v.sort_unstable_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end), h.pattern));
        v
    }

    /// Words that occur in the lists, in several cases, and glue between
    /// them, so that random texts hold many overlapping phrases.
    fn vocabulary() -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for list in List::ALL {
            for p in list.patterns().iter().step_by(7).take(60) {
                v.push(p.clone());
                v.push(p.to_uppercase());
                if let Some(w) = p.split(' ').next() {
                    v.push(w.to_string());
                }
                // A phrase cut short, and one run into the next word.
                let mut half = p.len() / 2 + 1;
                while !p.is_char_boundary(half) {
                    half += 1;
                }
                v.push(p[..half].to_string());
                v.push(format!("{p}s"));
            }
        }
        v.extend(
            ["the", "United States", "US", "us", "said", "aid", "talks", "in talks", "within"]
                .map(String::from),
        );
        v
    }

    static VOCABULARY: LazyLock<Vec<String>> = LazyLock::new(vocabulary);

    fn text_of(picks: &[(usize, usize)]) -> String {
        let glue = [" ", "", ", ", ". ", "-", "’s ", " and ", "\n", ".", ".” ", "? ", " (", ") "];
        let mut t = String::new();
        for &(w, g) in picks {
            t.push_str(&VOCABULARY[w % VOCABULARY.len()]);
            t.push_str(glue[g % glue.len()]);
        }
        t
    }

    proptest! {
        #[test]
        fn hits_inserted_one_by_one_end_up_sorted(
            hits in proptest::collection::vec((0usize..50, 1usize..8, 0usize..4), 0..40),
        ) {
            let hits: Vec<Hit> = hits
                .iter()
                .map(|&(s, l, p)| Hit { span: Span::new(s, s + l), pattern: p })
                .collect();
            let mut list = Vec::new();
            for h in &hits {
                insert_in_order(&mut list, *h);
            }
            let mut want = hits.clone();
            want.sort_by_key(order);
            prop_assert_eq!(list, want);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn one_scan_finds_what_each_list_found(
            picks in proptest::collection::vec((0usize..10_000, 0usize..7), 0..40),
            cut in (0usize..400, 0usize..400),
        ) {
            let text = text_of(&picks);
            let mut a = cut.0.min(text.len());
            let mut b = cut.1.min(text.len());
            if a > b { std::mem::swap(&mut a, &mut b); }
            while !text.is_char_boundary(a) { a -= 1; }
            while !text.is_char_boundary(b) { b += 1; }
            let whole = Span::new(0, text.len());
            let hits = Hits::new(&text);
            let part = Hits::in_span(&text, Span::new(a, b));
            let cut = Span::new(a, b);
            for list in List::ALL {
                for range in [whole, cut] {
                    let got: Vec<Hit> = hits.within(list, range).copied().collect();
                    prop_assert_eq!(&got, &own_overlapping(list, &text, range, whole));
                    // The whole-word lists are only searched for overlapping matches.
                    if list.whole_words_only() {
                        continue;
                    }
                    let want = own_leftmost_longest(list, &text, range);
                    let got: Vec<Hit> = hits.leftmost_longest(list, range).copied().collect();
                    prop_assert_eq!(&got, &want, "{:?} in {:?} of {:?}", list, range, text);
                }
                let got: Vec<Hit> = part.within(list, cut).copied().collect();
                prop_assert_eq!(got, own_overlapping(list, &text, cut, cut));
                if !list.whole_words_only() {
                    let got: Vec<Hit> = part.leftmost_longest(list, cut).copied().collect();
                    prop_assert_eq!(got, own_leftmost_longest(list, &text, cut));
                }
            }
        }
    }

    proptest! {
        /// What [`List::whole_words_only`] relies on: a word of a sentence
        /// is whole there exactly when it is whole in the text.
        #[test]
        fn whole_words_of_a_sentence_are_whole_words_of_the_text(
            picks in proptest::collection::vec((0usize..10_000, 0usize..13), 0..40),
        ) {
            let text = text_of(&picks);
            let whole = Span::new(0, text.len());
            for s in crate::segment::sentences(&text) {
                for h in own_overlapping(List::FrameWords, &text, s, s) {
                    prop_assert_eq!(
                        whole_word(&text, s, h.span.start, h.span.end),
                        whole_word(&text, whole, h.span.start, h.span.end),
                        "{:?} in {:?}", h, text
                    );
                }
            }
        }
    }

    #[test]
    fn a_longer_phrase_shadows_a_shorter_one_at_the_same_start() {
        let text = "The United States and Russia";
        let hits = Hits::new(text);
        let gaz: Vec<&str> = hits
            .leftmost_longest(List::Gazetteer, Span::new(0, text.len()))
            .map(|h| &text[h.span.start..h.span.end])
            .collect();
        assert_eq!(gaz, ["United States", "Russia"]);
    }

    #[test]
    fn exact_lists_keep_their_case_and_the_others_do_not() {
        let text = "RUSSIA said; russia said; Russia SAID";
        let hits = Hits::new(text);
        let whole = Span::new(0, text.len());
        let gaz: Vec<usize> =
            hits.leftmost_longest(List::Gazetteer, whole).map(|h| h.span.start).collect();
        // "US" inside "RUSSIA" is a hit too (not a whole word: the
        // gazetteer's user drops it); "RUSSIA" and "russia" are not.
        assert!(gaz.contains(&26) && !gaz.contains(&0) && !gaz.contains(&13), "{gaz:?}");
        let said = hits
            .leftmost_longest(List::Triggers, whole)
            .filter(|h| text[h.span.start..h.span.end].eq_ignore_ascii_case("said"));
        assert_eq!(said.count(), 3);
    }
}
