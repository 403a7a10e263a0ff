/*!
Event triggers: the words and phrases that name an event, from
`data/events/triggers.tsv`, each mapped to a PLOVER category (or
`STATEMENT`) and a mode.

A surface form may be both a verb and a noun ("visit", "strike"). Which
reading a match gets is decided from the word before it, by [`reading`]:

- after a determiner or possessive ("a visit", "Syria's support") it is a
  **noun**;
- after a form of "be" an "-ing" form is a verb ("is meeting"), and after a
  comma it opens a participle clause ("..., accusing Moscow of ..."); elsewhere
  "-ing" forms are gerunds and are only nouns;
- a bare base form ("meet", "strike") is a verb only after a modal,
  auxiliary, "to", a negation or a subject pronoun;
- other inflected forms ("met", "condemns") are verbs.
*/

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::inflect;
use super::lexscan::{Hits, List};
use super::words::WORDS;
use crate::lexicon;
use crate::model::Span;
use crate::segment::Lower;

/// The categories a trigger may name.
pub const TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "STATEMENT",
    "ORDER",
];

/// What a trigger names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sense {
    /// PLOVER category, `STATEMENT` or `ORDER`.
    pub event_type: &'static str,
    /// Mode, when the category has one.
    pub mode: Option<String>,
}

#[derive(Debug, Default, Clone)]
struct FormSenses {
    verb: Option<Sense>,
    noun: Option<Sense>,
    /// A phrase that names no event and shadows the triggers inside it
    /// ("Cold War", "in exchange for", "press release").
    blocked: bool,
}

struct Lexicon {
    /// Every surface form, lower-cased, matched ASCII case-blind (see
    /// [`super::lexscan`]); `senses[i]` is what form `i` names.
    forms: Vec<String>,
    senses: Vec<FormSenses>,
    /// Gapped verb frames ("called * unacceptable"): the verb, then within
    /// a few words of its object, the complement that decides the sense.
    frames: Vec<Frame>,
    /// Every frame verb and complement, so that a sentence tries only the
    /// frames whose verb and complement it holds; `frame_of[pattern]`
    /// lists the frames the word is in, each with whether it is there as
    /// the verb. Each word once: many frames share a verb ("said"), and
    /// every occurrence of a pattern is a hit to go through.
    frame_words: Vec<String>,
    frame_of: Vec<Vec<(usize, bool)>>,
}

/// Words an object may span between a frame's verb and its complement.
const FRAME_GAP_WORDS: usize = 6;

/// A gapped frame: its pattern (group 1 the verb, group 2 the gap), its
/// sense, and whether it is tight (`verbs *N complements`: at most N words,
/// none of them a preposition or a comma, so that "struck the town despite
/// the truce" is no deal).
struct Frame {
    /// The frame's pattern; compiled on first use (see [`Frame::regex`]).
    pattern: String,
    re: OnceLock<Option<Regex>>,
    sense: Sense,
    tight: bool,
}

impl Frame {
    /// The compiled pattern. Compiling is most of the cost of loading the
    /// trigger lexicon (each frame's gap is a bounded repetition of a
    /// Unicode class), so a frame is compiled when a sentence first holds
    /// both its verb and its complement, not at start. The pattern is built
    /// from escaped words on a fixed template, so it cannot fail but by
    /// outgrowing the size limit: such a frame matches nothing, and the
    /// unit test that compiles every frame would fail first.
    fn regex(&self) -> Option<&Regex> {
        self.re.get_or_init(|| Regex::new(&self.pattern).ok()).as_ref()
    }
}

/// Split a frame form `verbs * complements` or `verbs *N complements` into
/// its sides and its gap (words, and whether it is tight).
fn frame_parts(form: &str) -> Option<(&str, &str, usize, bool)> {
    let star = form.find(" *")?;
    let (verbs, rest) = (&form[..star], &form[star + 2..]);
    let (n, complements) = rest.split_once(' ')?;
    if n.is_empty() {
        return Some((verbs, complements, FRAME_GAP_WORDS, false));
    }
    let n: usize = n.parse().ok()?;
    Some((verbs, complements, n, true))
}

/// The regex pattern of a gapped frame, each side `|`-separated; group 1 is the
/// verb, group 2 the gap. Word boundaries are ASCII ones, so that the lazy
/// DFA finds matches in text with curly quotes and dashes instead of
/// falling back to a slower engine (every frame word is ASCII).
fn frame_regex(form: &str) -> Option<(String, bool)> {
    let (verbs, complements, gap, tight) = frame_parts(form)?;
    let alt =
        |side: &str| side.split('|').map(|w| regex::escape(w.trim())).collect::<Vec<_>>().join("|");
    // A decimal point or thousands comma inside a number ("$1.1 billion")
    // does not end a word, nor do the stops of an initialism ("U.S.").
    let (min, word) = if tight {
        (0, r"(?:[^\s.,;:!?]|[.,]\d|(?-u:\b)[a-z]\.)+")
    } else {
        (1, r"(?:[^\s.;:!?]|[.,]\d|(?-u:\b)[a-z]\.)+")
    };
    let pattern = format!(
        r#"(?i)(?-u:\b)({})(?-u:\b)((?:\s+{word}){{{min},{gap}}}?)\s+["“‘']?(?:{})(?-u:\b)"#,
        alt(verbs),
        alt(complements)
    );
    Some((pattern, tight))
}

/// Parse this module's data files now (see [`crate::lexicon::load_all`]).
pub(crate) fn load_lexicon() {
    LazyLock::force(&LEXICON);
}

/// A frame of `trigger_lemmas.tsv` with its verb lemmas replaced by all
/// their forms ("lift|ease * sanctions" → "lift|lifts|lifted|...").
fn inflect_frame(form: &str) -> Option<String> {
    let star = form.find(" *")?;
    let verbs: Vec<String> = form[..star]
        .split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .flat_map(inflect::verb_phrase_forms)
        .collect();
    Some(format!("{}{}", verbs.join("|"), &form[star..]))
}

/// The surface forms one entry of a trigger file stands for: itself in
/// `triggers.tsv`, every inflection in `trigger_lemmas.tsv`.
fn surface_forms(form: &str, class: &str, lemma: bool) -> Vec<String> {
    match (lemma, class) {
        (true, "verb") => inflect::verb_phrase_forms(form),
        (true, "noun") => inflect::noun_phrase_forms(form),
        _ => vec![form.to_lowercase()],
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let text =
        lexicon::source("events/triggers.tsv", include_str!("../../data/events/triggers.tsv"));
    let lemmas = lexicon::source(
        "events/trigger_lemmas.tsv",
        include_str!("../../data/events/trigger_lemmas.tsv"),
    );
    let mut by_form: HashMap<String, FormSenses> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut verb_forms: Vec<String> = Vec::new();
    let mut frame_of: Vec<Vec<(usize, bool)>> = Vec::new();
    let mut frame_word_index: HashMap<String, usize> = HashMap::new();
    let mut add_frame_word = |word: &str, frame: usize, verb: bool| {
        let i = *frame_word_index.entry(word.to_lowercase()).or_insert_with_key(|w| {
            verb_forms.push(w.clone());
            frame_of.push(Vec::new());
            verb_forms.len() - 1
        });
        frame_of[i].push((frame, verb));
    };
    // Literal forms first: a generated form never overrides one written out.
    let rows = lexicon::rows(&text).map(|(n, cols)| ("events/triggers.tsv", n, cols, false)).chain(
        lexicon::rows(&lemmas).map(|(n, cols)| ("events/trigger_lemmas.tsv", n, cols, true)),
    );
    for (file, n, cols, lemma) in rows {
        assert!(cols.len() == 4, "{file} line {n}: expected 4 columns");
        let event_type = TYPES
            .iter()
            .chain(std::iter::once(&"-"))
            .find(|t| **t == cols[1])
            .unwrap_or_else(|| panic!("{file} line {n}: unknown type `{}`", cols[1]));
        let mode = (cols[2] != "-").then(|| cols[2].to_string());
        let sense = Sense { event_type, mode };
        for form in cols[0].split(';').map(str::trim).filter(|f| !f.is_empty()) {
            if form.contains(" *") {
                assert!(cols[3] == "verb", "{file} line {n}: frames are verbs");
                let inflected = if lemma { inflect_frame(form) } else { None };
                let form = inflected.as_deref().unwrap_or(form);
                let (pattern, tight) = frame_regex(form)
                    .unwrap_or_else(|| panic!("{file} line {n}: bad frame `{form}`"));
                let (verbs, complements, _, _) = frame_parts(form)
                    .unwrap_or_else(|| panic!("{file} line {n}: bad frame `{form}`"));
                for v in verbs.split('|').map(str::trim).filter(|v| !v.is_empty()) {
                    add_frame_word(v, frames.len(), true);
                }
                for c in complements.split('|').map(str::trim).filter(|c| !c.is_empty()) {
                    add_frame_word(c, frames.len(), false);
                }
                frames.push(Frame { pattern, re: OnceLock::new(), sense: sense.clone(), tight });
                continue;
            }
            for key in surface_forms(form, cols[3], lemma) {
                let slot = by_form.entry(key.clone()).or_insert_with(|| {
                    order.push(key.clone());
                    FormSenses::default()
                });
                match cols[3] {
                    "verb" if !lemma || slot.verb.is_none() => slot.verb = Some(sense.clone()),
                    "noun" if !lemma || slot.noun.is_none() => slot.noun = Some(sense.clone()),
                    "verb" | "noun" => {}
                    "none" => slot.blocked = true,
                    other => panic!("{file} line {n}: unknown class `{other}`"),
                }
            }
        }
    }
    let senses: Vec<FormSenses> = order.iter().map(|f| by_form[f].clone()).collect();
    Lexicon { forms: order, senses, frames, frame_words: verb_forms, frame_of }
});

/// The trigger forms, by pattern index ([`super::lexscan::List`]).
pub(crate) fn trigger_patterns() -> &'static [String] {
    &LEXICON.forms
}

/// The gapped frames' verbs and complements, by pattern index.
pub(crate) fn frame_patterns() -> &'static [String] {
    &LEXICON.frame_words
}

/// How a trigger occurrence is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A finite or infinitive verb.
    Verb,
    /// A noun (makes an event only with its own date or in a caption).
    Noun,
}

/// One trigger occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// Span in the text.
    pub span: Span,
    /// What it names (an entry of the trigger lexicon, shared).
    pub sense: &'static Sense,
    /// Verb or noun reading.
    pub reading: Reading,
    /// The word right before the trigger, as [`prev_word`] reads it,
    /// found once with the trigger: the rules ask it of most triggers
    /// several times. See [`Trigger::prev_word`].
    pub(crate) before: Before,
}

/// Where [`prev_word`] found the word before a position: the word's
/// start and the bytes its lower-cased form is made of (`None` for the
/// "s" of a possessive).
pub(crate) type Before = Option<(usize, Option<Span>)>;

impl Trigger {
    /// [`prev_word`] at the trigger's start, in `text` (the text it was
    /// found in), without scanning back again.
    #[inline]
    pub(crate) fn prev_word<'t>(&self, text: &'t str) -> Option<(usize, Lower<'t>)> {
        self.before.map(|(at, form)| {
            (at, form.map_or_else(|| Lower::of("s"), |f| Lower::of(&text[f.start..f.end])))
        })
    }
}

/// The lower-cased word right before `pos` in `text`, skipping spaces and a
/// possessive "’s".
pub(crate) fn prev_word(text: &str, pos: usize) -> Option<(usize, Lower<'_>)> {
    prev_word_found(text, pos).map(|(at, w, _)| (at, w))
}

/// [`prev_word`], with where it was found (see [`Before`]).
#[inline]
fn prev_word_found(text: &str, pos: usize) -> Option<(usize, Lower<'_>, Option<Span>)> {
    // `text[..pos].trim_end()`: ASCII white space a byte at a time, the
    // rest (rare) by chars. The rules ask this of most triggers many times.
    let b = text.as_bytes();
    let mut end = pos;
    while end > 0 && matches!(b[end - 1], b' ' | b'\t'..=b'\r') {
        end -= 1;
    }
    if end > 0 && !b[end - 1].is_ascii() {
        end = text[..end].trim_end().len();
    }
    let head = &text[..end];
    // Back over ASCII letters, digits and apostrophes byte by byte; only a
    // word with other letters needs chars decoded.
    let mut start =
        end - b[..end].iter().rev().take_while(|&&c| PREV_WORD_BYTE[usize::from(c)]).count();
    if start > 0 && !b[start - 1].is_ascii() {
        start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '\''))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
    }
    if start == end {
        // Possessive with a curly apostrophe: "Syria’s support".
        if head.ends_with('’') {
            return Some((end, Lower::of("s"), None));
        }
        return None;
    }
    let w = Lower::of(&head[start..end]);
    // A slice pattern, not `ends_with`: no `memcmp` call for two bytes.
    if matches!(w.as_bytes(), [.., b'\'', b's']) {
        return Some((start, Lower::of("s"), None));
    }
    Some((start, w, Some(Span::new(start, end))))
}

/// ASCII letters, digits and `'`: the bytes [`prev_word`] walks back over.
static PREV_WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'\'';
        c += 1;
    }
    t
};

/// Decide the reading of a form found at `span`.
/// `prev` is the word before it ([`prev_word`]).
fn reading(text: &str, span: Span, senses: &FormSenses, prev: Option<&str>) -> Option<Reading> {
    let form = Lower::of(&text[span.start..span.end]);
    let first = crate::segment::first_word(&form);
    let after_det = prev.is_some_and(|p| WORDS.determiner.has(p))
        || text[..span.start].trim_end().ends_with('’');
    let after_be = prev.is_some_and(|p| WORDS.be.has(p));
    if after_det {
        return senses.noun.as_ref().map(|_| Reading::Noun);
    }
    if first.ends_with("ing") {
        // "is meeting"; ", accusing Moscow of ...": a participle clause
        // whose subject is the sentence's.
        let after_comma = text[..span.start].trim_end().ends_with(',')
            || prev.is_some_and(|p| WORDS.participle_opener.has(p));
        if (after_be || after_comma) && senses.verb.is_some() {
            return Some(Reading::Verb);
        }
        return senses.noun.as_ref().map(|_| Reading::Noun);
    }
    if senses.verb.is_some() {
        let inflected = first.ends_with("ed")
            || (first.ends_with('s') && !first.ends_with("ss"))
            || is_irregular_past(first)
            || inflect::is_irregular_form(first);
        let cue = prev.is_some_and(|p| WORDS.verb_cue.has(p) || WORDS.be.has(p));
        // "sanctions", "talks", "strikes": a plural noun unless a name or
        // pronoun stands right before ("Russia strikes").
        let plural_noun = senses.noun.is_some()
            && first.ends_with('s')
            && !first.ends_with("ed")
            && !cue
            && !prev_is_capitalized(text, span.start)
            && !form.contains(' ');
        if plural_noun {
            return Some(Reading::Noun);
        }
        if inflected || cue || form.contains(' ') {
            // A plural noun after an adjective ("Israeli strikes") is still
            // read as a verb here; the actor-before rule keeps it sensible.
            return Some(Reading::Verb);
        }
    }
    senses.noun.as_ref().map(|_| Reading::Noun)
}

fn prev_is_capitalized(text: &str, pos: usize) -> bool {
    let head = text[..pos].trim_end();
    let word = head.rsplit(|c: char| !(c.is_alphanumeric() || c == '-')).next().unwrap_or("");
    word.chars().next().is_some_and(char::is_uppercase)
}

pub(crate) fn is_irregular_past(w: &str) -> bool {
    WORDS.irregular_past.has(w)
}

/// "the Gulf War", "the Six-Day War": an attack noun written with a capital
/// inside a sentence is the name of a war or an era, which dates nothing
/// (eras used as modifiers, "the Cold War era", are blocked as phrases in
/// the lexicon).
fn names_a_war(text: &str, span: Span, senses: &FormSenses) -> bool {
    let assault = senses.noun.as_ref().is_some_and(|n| n.event_type == "ASSAULT");
    let capital = text[span.start..].chars().next().is_some_and(char::is_uppercase);
    let before = text[..span.start].trim_end();
    let sentence_start = before.is_empty()
        || before.ends_with(['.', '!', '?', '"', '“', ':', '\n'])
        || before.ends_with("\u{2014}");
    assault && capital && !sentence_start
}

/// Every trigger in `text[span]`, in order.
pub fn find(text: &str, span: Span) -> Vec<Trigger> {
    find_in(text, span, &Hits::in_span(text, span))
}

/// [`find`] with the phrases of `text` (or of at least `text[span]`)
/// already found.
pub(crate) fn find_in(text: &str, span: Span, hits: &Hits) -> Vec<Trigger> {
    let lex: &'static Lexicon = &LEXICON;
    let hay = &text[span.start..span.end];
    let mut out = Vec::new();
    for m in hits.leftmost_longest(List::Triggers, span) {
        let s = m.span;
        let before_ok = text[..s.start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[s.end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if !(before_ok && after_ok) {
            continue;
        }
        let senses = &lex.senses[m.pattern];
        if senses.blocked {
            continue;
        }
        let found = prev_word_found(text, s.start);
        let prev = found.as_ref().map(|(_, w, _)| w.as_str());
        let Some(r) = reading(text, s, senses, prev) else { continue };
        if r == Reading::Noun && names_a_war(text, s, senses) {
            continue;
        }
        let sense = match r {
            Reading::Verb => senses.verb.as_ref(),
            Reading::Noun => senses.noun.as_ref(),
        };
        if let Some(sense) = sense {
            let before = found.map(|(at, _, form)| (at, form));
            out.push(Trigger { span: s, sense, reading: r, before });
        }
    }
    // A gapped frame overrides the plain reading of its verb ("called the
    // strikes unacceptable" is no phone call).
    // Bit 0: the frame's verb is in the sentence; bit 1: its complement.
    let mut seen = vec![0u8; lex.frames.len()];
    for m in hits.within(List::FrameWords, span) {
        // Word boundaries as seen inside the sentence.
        let (start, end) = (m.span.start - span.start, m.span.end - span.start);
        let before_ok = hay[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after_ok = hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            for &(f, verb) in &lex.frame_of[m.pattern] {
                seen[f] |= if verb { 1 } else { 2 };
            }
        }
    }
    for (frame, _) in lex.frames.iter().zip(&seen).filter(|(_, s)| **s == 3) {
        let Some(re) = frame.regex() else { continue };
        for c in re.captures_iter(hay) {
            let Some(v) = c.get(1) else { continue };
            let gap = c.get(2).map_or("", |g| g.as_str());
            if frame.tight
                && gap.split_whitespace().any(|w| WORDS.frame_gap_stop.has(&w.to_lowercase()))
            {
                continue;
            }
            let s = Span::new(span.start + v.start(), span.start + v.end());
            out.retain(|t| !t.span.overlaps(&s));
            let before = prev_word_found(text, s.start).map(|(at, _, form)| (at, form));
            out.push(Trigger { span: s, sense: &frame.sense, reading: Reading::Verb, before });
        }
    }
    out.sort_by_key(|t| t.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, &'static str, Reading)> {
        find(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| (text[t.span.start..t.span.end].to_string(), t.sense.event_type, t.reading))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn prev_word_matches_the_char_scan(t in "[a-zA-Z0-9 ,.'’éÉ\u{a0}\u{2003}\t\n\r\u{b}-]{0,30}", p in 0usize..40) {
            let mut pos = p.min(t.len());
            while !t.is_char_boundary(pos) {
                pos -= 1;
            }
            let head = t[..pos].trim_end();
            let start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_alphanumeric() || c == '\''))
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(0);
            let got = prev_word(&t, pos);
            // The whole answer, as the plain definition gives it.
            let want = (start != head.len())
                .then(|| {
                    let w = head[start..].to_lowercase();
                    (start, if w.ends_with("'s") { "s".to_string() } else { w })
                })
                .or_else(|| head.ends_with('’').then(|| (head.len(), "s".to_string())));
            proptest::prop_assert_eq!(
                got.as_ref().map(|(s, w)| (*s, w.to_string())),
                want
            );
            if start == head.len() {
                proptest::prop_assert_eq!(got.is_some(), head.ends_with('’'));
            } else {
                proptest::prop_assert_eq!(got.map(|(s, _)| s), Some(start));
            }
        }
    }

    #[test]
    fn every_frame_compiles() {
        for f in &LEXICON.frames {
            assert!(f.regex().is_some(), "frame pattern does not compile: {}", f.pattern);
        }
    }

    #[test]
    fn lexicon_loads_with_every_type() {
        assert!(LEXICON.senses.len() > 200);
        for t in TYPES {
            assert!(
                LEXICON.senses.iter().any(|s| s.verb.as_ref().is_some_and(|v| v.event_type == *t)
                    || s.noun.as_ref().is_some_and(|v| v.event_type == *t)),
                "no trigger for {t}"
            );
        }
    }

    #[test]
    fn longest_phrase_wins() {
        let got = found("They struck a deal and then struck the town.");
        assert!(got[0].0.starts_with("struck"), "{got:?}");
        assert_eq!(got[0].1, "AGREE");
        assert_eq!(got[1].1, "ASSAULT");
    }

    #[test]
    fn noun_and_verb_readings() {
        let got = found("The visit was short. Leaders will visit Rome. He is visiting Oslo.");
        assert_eq!(got[0], ("visit".into(), "CONSULT", Reading::Noun));
        assert_eq!(got[1], ("visit".into(), "CONSULT", Reading::Verb));
        assert_eq!(got[2], ("visiting".into(), "CONSULT", Reading::Verb));
        let got = found("Egypt’s support was clear, underscoring its backing.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn gapped_frame_overrides_the_plain_verb() {
        let f = found("The minister called the raids \"unacceptable\" on Monday.");
        assert!(f.iter().any(|(w, t, r)| w == "called" && *t == "ACCUSE" && *r == Reading::Verb));
        let f = found("Officials called the meeting productive.");
        assert!(f.iter().any(|(w, t, _)| w == "called" && *t == "STATEMENT"));
        let f = found("He called the president on Monday.");
        assert!(!f.iter().any(|(_, t, _)| *t == "ACCUSE" || *t == "STATEMENT"));
    }

    #[test]
    fn lemmas_stand_for_their_inflections() {
        for t in ["Chile deported two envoys.", "Peru deports envoys.", "Peru is deporting them."] {
            let got = found(t);
            assert!(
                got.iter().any(|(_, ty, r)| *ty == "COERCE" && *r == Reading::Verb),
                "{t}: {got:?}"
            );
        }
        // Every lemma row generates forms that reach the automaton.
        assert!(LEXICON.senses.len() > 300, "{}", LEXICON.senses.len());
    }

    #[test]
    fn phone_call_has_its_mode() {
        let t = "The two leaders spoke by phone.";
        let t0 = &find(t, Span::new(0, t.len()))[0];
        assert_eq!(t0.sense.event_type, "CONSULT");
        assert_eq!(t0.sense.mode.as_deref(), Some("phone_call"));
    }
}
