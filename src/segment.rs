/*!
Sentences, clauses and words as byte spans into the original text.

Nothing here copies or normalizes the text: every span indexes the string it
was computed from, so `&text[span.start..span.end]` is always the unit.

- **Sentences** end at `.`, `!` or `?` (plus closing quotes and brackets)
  followed by white space and an upper-case letter, digit or opening quote,
  and at every line break. A period does not end a sentence after a listed
  abbreviation (`data/events/abbreviations.txt`: "Gen.", "Jan.", "Mr."), after a
  single capital (an initial: "John F. Kennedy") or after a dotted acronym
  ("U.S.", "U.N.").
- **Clauses** split a sentence at `;`, `:`, dashes, and before the words that
  open a subordinate or relative clause ("after", "which", "that",
  "following", ...). They are the regions inside which an event's actors
  and its own date are looked for.
- **Words** are runs of letters and digits, with inner hyphens and dots kept
  ("al-Sharaa", "U.S.").
*/

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lexicon;
use crate::model::Span;

pub(crate) static ABBREVIATIONS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let text = lexicon::source(
        "events/abbreviations.txt",
        include_str!("../data/events/abbreviations.txt"),
    );
    lexicon::lines(&text).map(|(_, l)| l.to_string()).collect()
});

/// Parse the segmenter's data file now (see [`crate::lexicon::load_all`]).
pub(crate) fn load_lexicons() {
    LazyLock::force(&ABBREVIATIONS);
}

/// Bytes in the longest clause opener.
const MAX_OPENER_LEN: usize = 9;

/// Whether `word` opens a new clause when it starts a word in the middle of
/// a sentence ("after", "which", "that", ...), in any case. Lower-cased
/// into a stack buffer and looked up by a `match`, which compiles to a
/// switch on length and bytes: this runs on every word of every sentence.
/// (The tests hold the same list as `CLAUSE_OPENERS`.)
fn is_clause_opener(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() > MAX_OPENER_LEN {
        return false;
    }
    let mut buf = [0u8; MAX_OPENER_LEN];
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..b.len()],
        b"after"
            | b"before"
            | b"while"
            | b"whereas"
            | b"although"
            | b"though"
            | b"because"
            | b"following"
            | b"which"
            | b"who"
            | b"whom"
            | b"whose"
            | b"that"
            | b"when"
            | b"where"
            | b"but"
            | b"during"
            | b"until"
            | b"amid"
            | b"despite"
            | b"whether"
            | b"if"
            | b"unless"
    )
}

/// Bytes that may end a sentence (`\n`, `.`, `!`, `?`), for a table
/// lookup per byte.
static ENDS_SENTENCE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t
};

/// The sentences of `text`, in order, trimmed of surrounding white space.
/// Empty sentences are never returned.
pub fn sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next byte that can end a sentence.
        match bytes[i..].iter().position(|&b| ENDS_SENTENCE[usize::from(b)]) {
            Some(k) => i += k,
            None => break,
        }
        let b = bytes[i];
        if b == b'\n' {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') {
            // Extend over closing punctuation: `."`, `.)`, `.”`.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if is_boundary(text, i, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if start >= end {
        return;
    }
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// Whether the terminator at `punct` (with closing punctuation up to `end`)
/// ends a sentence.
fn is_boundary(text: &str, punct: usize, end: usize) -> bool {
    let rest = &text[end..];
    let after_ws = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    if after_ws.len() == rest.len() && !rest.is_empty() && !rest.starts_with(['\n', '\r']) {
        // No white space after: "U.S.", "3.5", "example.com".
        return false;
    }
    match after_ws.chars().next() {
        None | Some('\n') | Some('\r') => return true,
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => {}
        Some('"' | '“' | '\'' | '‘' | '(' | '[') => {}
        _ => return false,
    }
    if text.as_bytes()[punct] != b'.' {
        return true;
    }
    // The word the period ends.
    let before = &text[..punct + 1];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    !is_abbreviation(&text[word_start..punct + 1])
}

/// Whether `word`, ending in its period ("Gen.", "U.S.", "J."), is an
/// abbreviation, an initial or a dotted acronym, whose period ends no
/// sentence.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    if ABBREVIATIONS.contains(word) {
        return true;
    }
    let Some(core) = word.strip_suffix('.') else {
        return false;
    };
    // An initial: one capital letter.
    let mut chars = core.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    // A dotted acronym: letters separated by dots ("U.S", "e.g").
    core.contains('.') && core.split('.').all(|p| p.chars().count() <= 2 && !p.is_empty())
}

/// Bytes that may cut a clause: `;`, `:`, `-` and the lead byte of the
/// dashes (E2), found by one table lookup per byte.
static CUT_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b';' as usize] = true;
    t[b':' as usize] = true;
    t[b'-' as usize] = true;
    t[0xE2] = true;
    t
};

/// Letters a clause opener starts with (see [`is_clause_opener`]), in
/// either case: most words start with another and are passed over.
static OPENER_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let letters = b"abdfituw";
    let mut i = 0;
    while i < letters.len() {
        t[letters[i] as usize] = true;
        t[letters[i].to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    t
};

/// The clauses of the sentence at `sentence` in `text`, in order; together
/// they cover the sentence.
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let s = &text[sentence.start..sentence.end];
    let b = s.as_bytes();
    let mut cuts = Vec::new();
    // Byte by byte: every cut character but the dashes is ASCII, and the
    // dashes' UTF-8 (E2 80 93, E2 80 94) can only start at a lead byte.
    for i in 0..b.len() {
        if !CUT_BYTE[usize::from(b[i])] {
            continue;
        }
        match b[i] {
            // Not the colon of a clock time ("8:30").
            b':' if i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit) => {}
            b';' | b':' => cuts.push(i + 1),
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)) => {
                cuts.push(i + 3)
            }
            b'-' if i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ') => cuts.push(i + 1),
            _ => {}
        }
    }
    // Openers are all written in the alphabet of `OPENER_FIRST`.
    for w in word_spans(s, Span::new(0, s.len())) {
        if w.start == 0
            || w.end - w.start > MAX_OPENER_LEN
            || !OPENER_FIRST[usize::from(b[w.start])]
        {
            continue;
        }
        if is_clause_opener(&s[w.start..w.end]) {
            cuts.push(w.start);
        }
    }
    let sorted = cuts.is_sorted();
    if !sorted {
        cuts.sort_unstable();
    }
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        if cut > start && cut < s.len() {
            out.push(Span::new(sentence.start + start, sentence.start + cut));
            start = cut;
        }
    }
    out.push(Span::new(sentence.start + start, sentence.end));
    out
}

/// The words of `text[span]`: runs of letters and digits with inner `-`,
/// `.` or `'` kept when a letter or digit follows.
pub fn words(text: &str, span: Span) -> Vec<Span> {
    word_spans(text, span).collect()
}

/// [`words`] one at a time, without collecting them: for callers that only
/// need the first few words or scan a sentence once.
/// `s` up to its first space: `s.split(' ').next()`, found by a byte scan
/// (the rules ask it of a trigger's form, a few bytes long, many times;
/// the generic character search costs more than the scan).
pub fn first_word(s: &str) -> &str {
    // A space is one byte and never inside another character's UTF-8.
    match s.bytes().position(|b| b == b' ') {
        Some(i) => &s[..i],
        None => s,
    }
}

/// The largest character boundary of `text` at or before byte `i` (the
/// standard library's `floor_char_boundary` needs Rust 1.91).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary of `text` at or after byte `i`.
pub fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A span that is not on character boundaries (a caller's byte window, "the
/// next 24 bytes") is narrowed to the characters wholly inside it.
pub fn word_spans(text: &str, span: Span) -> WordSpans<'_> {
    let end = floor_boundary(text, span.end);
    let start = ceil_boundary(text, span.start.min(end));
    WordSpans { s: &text[start..end], base: start, pos: 0 }
}

/// Iterator over the words of a span (see [`word_spans`]).
#[derive(Debug, Clone)]
pub struct WordSpans<'a> {
    s: &'a str,
    base: usize,
    pos: usize,
}

/// Byte classes for the word scan: most text is ASCII, so a table lookup
/// per byte decides it without decoding a `char`.
const ASCII_OTHER: u8 = 0;
const ASCII_WORD: u8 = 1;
const NON_ASCII: u8 = 2;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() { ASCII_WORD } else { ASCII_OTHER };
        b += 1;
    }
    t
};

/// Whether the character at byte `i` of `s` (a char boundary) is a letter
/// or digit, and its length in bytes.
#[inline(always)]
fn word_char_at(s: &str, i: usize) -> (bool, usize) {
    match BYTE_CLASS[usize::from(s.as_bytes()[i])] {
        ASCII_WORD => (true, 1),
        ASCII_OTHER => (false, 1),
        _ => non_ascii_word_char_at(s, i),
    }
}

/// [`word_char_at`] for a character that is not ASCII (rare: kept out of
/// line so that the ASCII loops stay small).
#[inline(never)]
fn non_ascii_word_char_at(s: &str, i: usize) -> (bool, usize) {
    let c = s[i..].chars().next().unwrap_or('\0');
    (c.is_alphanumeric(), c.len_utf8())
}

impl Iterator for WordSpans<'_> {
    type Item = Span;

    #[inline]
    fn next(&mut self) -> Option<Span> {
        let s = self.s;
        let b = s.as_bytes();
        let len = b.len();
        let mut i = self.pos;
        // Only a letter or digit starts a word: skip ASCII punctuation and
        // spaces a byte at a time.
        loop {
            while i < len && BYTE_CLASS[usize::from(b[i])] == ASCII_OTHER {
                i += 1;
            }
            if i >= len {
                self.pos = len;
                return None;
            }
            let (word, n) = word_char_at(s, i);
            if word {
                break;
            }
            i += n;
        }
        let start = i;
        while i < len {
            // The common case first: a run of ASCII letters and digits.
            let class = BYTE_CLASS[usize::from(b[i])];
            if class == ASCII_WORD {
                i += 1;
                continue;
            }
            if class == NON_ASCII {
                let (word, n) = non_ascii_word_char_at(s, i);
                if !word {
                    break;
                }
                i += n;
            } else if matches!(b[i], b'-' | b'.' | b'\'') && i + 1 < len && word_char_at(s, i + 1).0
            {
                // An inner `-`, `.` or `'` (one byte each) before a letter or digit.
                i += 1;
            } else {
                break;
            }
        }
        self.pos = i;
        Some(Span::new(self.base + start, self.base + i))
    }
}

/// Whether `text[a..b]`, a run of ASCII letters and digits inside `span`,
/// is one of the words of `text[span]` ([`word_spans`]), without scanning
/// the words before it: neither end continues into a longer word (a
/// letter or digit, or an inner `-`, `.` or `'` joined to one, inside
/// `span`).
pub(crate) fn is_ascii_word_at(text: &str, span: Span, a: usize, b: usize) -> bool {
    debug_assert!(span.start <= a && a < b && b <= span.end);
    debug_assert!(text.as_bytes()[a..b].iter().all(u8::is_ascii_alphanumeric));
    let joiner = |c: char| matches!(c, '-' | '.' | '\'');
    if a > span.start {
        let before = &text[span.start..a];
        let mut back = before.chars().rev();
        if let Some(c1) = back.next() {
            if c1.is_alphanumeric()
                || (joiner(c1) && back.next().is_some_and(char::is_alphanumeric))
            {
                return false;
            }
        }
    }
    if b < span.end {
        let mut ahead = text[b..span.end].chars();
        if let Some(c) = ahead.next() {
            if c.is_alphanumeric() || (joiner(c) && ahead.next().is_some_and(char::is_alphanumeric))
            {
                return false;
            }
        }
    }
    true
}

/// A word lower-cased: borrowed from the text when it has no upper-case
/// letter, so the common case allocates nothing; a short ASCII word with
/// capitals ("The", "Kremlin") is lower-cased into an inline buffer, so it
/// does not allocate either. Derefs to `str`.
#[derive(Clone)]
pub struct Lower<'a>(LowerRepr<'a>);

/// Bytes a lower-cased ASCII word can hold inline (longer words are rare).
const INLINE_LOWER: usize = 22;

#[derive(Clone)]
enum LowerRepr<'a> {
    Borrowed(&'a str),
    // A fixed-capacity string rather than a byte buffer: it derefs to `str`
    // without checking the UTF-8 again at every use (the rules compare the
    // same lower-cased word several times).
    Inline(arrayvec::ArrayString<INLINE_LOWER>),
    Owned(String),
}

impl<'a> Lower<'a> {
    /// `word` lower-cased (as [`str::to_lowercase`]).
    pub fn of(word: &'a str) -> Lower<'a> {
        let b = word.as_bytes();
        if b.iter().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
            return Lower(LowerRepr::Borrowed(word));
        }
        if b.len() <= INLINE_LOWER && b.is_ascii() {
            if let Ok(mut inline) = arrayvec::ArrayString::from(word) {
                // ASCII lower-casing is what `to_lowercase` does to ASCII.
                inline.make_ascii_lowercase();
                return Lower(LowerRepr::Inline(inline));
            }
        }
        Lower(LowerRepr::Owned(word.to_lowercase()))
    }

    /// The lower-cased word.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            LowerRepr::Borrowed(s) => s,
            LowerRepr::Inline(s) => s,
            LowerRepr::Owned(s) => s,
        }
    }
}

impl std::fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Lower").field(&self.as_str()).finish()
    }
}

impl PartialEq for Lower<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower<'_> {}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// True when the expression at `span` is the date of an agency-style
/// dateline opening a paragraph ("LONDON, March 27 (Thames Wire) - ...",
/// "KYIV/MOSCOW, Nov 26 -"): a place in capitals and a comma before it, an
/// optional bracketed source and a dash after it. It is the day the report
/// was filed, not the day of what it reports. The tagger marks such a date
/// (rule `.../dateline`) and the event rules date nothing by it; both ask
/// here, so they cannot disagree.
pub fn is_dateline_date(text: &str, span: Span) -> bool {
    let Some(head) = text[..span.start].trim_end().strip_suffix(',') else { return false };
    // The place opens its paragraph: look back a few dozen bytes only.
    let from = floor_boundary(head, head.len().saturating_sub(48));
    let place = match head[from..].rfind('\n') {
        Some(nl) => &head[from + nl + 1..],
        None if from == 0 => head,
        None => return false,
    };
    let place = place.trim();
    let capitals = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && place.len() <= 40
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '/' | '\'' | '’' | ','));
    if !capitals {
        return false;
    }
    let mut after = text[span.end..].trim_start();
    if let Some(rest) = after.strip_prefix('(') {
        match rest.find(')') {
            Some(close) if close <= 40 && !rest[..close].contains('\n') => {
                after = rest[close + 1..].trim_start();
            }
            _ => return false,
        }
    }
    after.starts_with(['-', '–', '—'])
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn first_word_is_what_split_gives(s in "[a é’-]{0,12}") {
            proptest::prop_assert_eq!(first_word(&s), s.split(' ').next().unwrap_or(""));
        }
    }

    #[test]
    fn a_byte_window_inside_a_character_keeps_the_whole_characters() {
        // "met “X”": a window of five bytes after "met" ends inside the
        // opening quote (three bytes).
        let t = "met “Kyiv”";
        let w: Vec<&str> = word_spans(t, Span::new(3, 6)).map(|s| &t[s.start..s.end]).collect();
        assert!(w.is_empty());
        let w: Vec<&str> = word_spans(t, Span::new(5, 100)).map(|s| &t[s.start..s.end]).collect();
        assert_eq!(w, ["Kyiv"]);
    }

    /// The clause openers, as a list: the reference for `is_clause_opener`.
    const CLAUSE_OPENERS: &[&str] = &[
        "after",
        "before",
        "while",
        "whereas",
        "although",
        "though",
        "because",
        "following",
        "which",
        "who",
        "whom",
        "whose",
        "that",
        "when",
        "where",
        "but",
        "during",
        "until",
        "amid",
        "despite",
        "whether",
        "if",
        "unless",
    ];

    fn texts(text: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| text[s.start..s.end].to_string()).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        let t = "Gen. Ali Haddad met U.S. envoy John F. Smith on Jan. 5 in Rome. \
                 They talked. Then they left!";
        let got = texts(t, &sentences(t));
        assert_eq!(
            got,
            vec![
                "Gen. Ali Haddad met U.S. envoy John F. Smith on Jan. 5 in Rome.",
                "They talked.",
                "Then they left!"
            ]
        );
    }

    #[test]
    fn quotes_and_line_breaks_end_sentences() {
        let t = "He said \"no.\" She agreed.\nA new line\n\nAnother";
        let got = texts(t, &sentences(t));
        assert_eq!(got, vec!["He said \"no.\"", "She agreed.", "A new line", "Another"]);
    }

    #[test]
    fn lower_case_after_period_does_not_split() {
        let t = "The rate rose 3.5 pct. in the quarter, officials said.";
        assert_eq!(sentences(t).len(), 1);
    }

    #[test]
    fn spans_shift_with_a_prefix() {
        let t = "Israel struck on Monday. Lebanon condemned it.";
        let base = sentences(t);
        let shifted = sentences(&format!("\n\n  {t}"));
        assert_eq!(shifted[0], base[0].shifted(4));
        assert_eq!(shifted[1], base[1].shifted(4));
    }

    #[test]
    fn clauses_split_before_subordinators() {
        let t = "Israeli jets hit the south after Israel said it intercepted rockets, which \
                 were fired from Lebanon.";
        let s = sentences(t)[0];
        let got = texts(t, &clauses(t, s));
        assert_eq!(
            got,
            vec![
                "Israeli jets hit the south ",
                "after Israel said it intercepted rockets, ",
                "which were fired from Lebanon."
            ]
        );
    }

    #[test]
    fn words_keep_inner_hyphens_and_dots() {
        let t = "al-Sharaa met U.S. officials, didn't he?";
        let got = texts(t, &words(t, Span::new(0, t.len())));
        assert_eq!(got, vec!["al-Sharaa", "met", "U.S", "officials", "didn't", "he"]);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in ["", ".", "...", "é. É", "a.\u{a0}B", "“Yes.” No", "x -- y - z"] {
            for s in sentences(t) {
                let _ = clauses(t, s);
                let _ = words(t, s);
            }
        }
    }

    /// The plain char-by-char definition of [`words`], to check the fast
    /// scanner against.
    fn words_reference(text: &str, span: Span) -> Vec<Span> {
        let s = &text[span.start..span.end];
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let inner = matches!(c, '-' | '.' | '\'')
                && start.is_some()
                && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if c.is_alphanumeric() || inner {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(st) = start.take() {
                out.push(Span::new(span.start + st, span.start + i));
            }
        }
        if let Some(st) = start {
            out.push(Span::new(span.start + st, span.end));
        }
        out
    }

    /// The char-by-char definition of the punctuation cuts of [`clauses`].
    fn punctuation_cuts_reference(s: &str) -> Vec<usize> {
        let mut cuts = Vec::new();
        for (i, c) in s.char_indices() {
            match c {
                ':' if s[..i].ends_with(|d: char| d.is_ascii_digit())
                    && s[i + 1..].starts_with(|d: char| d.is_ascii_digit()) => {}
                ';' | ':' | '—' | '–' => cuts.push(i + c.len_utf8()),
                '-' if s[i..].starts_with("- ") && i > 0 && s[..i].ends_with(' ') => {
                    cuts.push(i + 1)
                }
                _ => {}
            }
        }
        cuts
    }

    proptest::proptest! {
        #[test]
        fn clause_cuts_match_the_definition(s in "[a-z0-9 :;\\-—–−é’.]{0,40}") {
            let got: Vec<usize> = clauses(&s, Span::new(0, s.len()))
                .iter()
                .map(|c| c.end)
                .filter(|&e| e < s.len())
                .collect();
            let mut want: Vec<usize> = punctuation_cuts_reference(&s)
                .into_iter()
                .chain(
                    word_spans(&s, Span::new(0, s.len()))
                        .filter(|w| w.start > 0)
                        .filter(|w| CLAUSE_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(&s[w.start..w.end])))
                        .map(|w| w.start),
                )
                .filter(|&c| c > 0 && c < s.len())
                .collect();
            want.sort_unstable();
            want.dedup();
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn sentences_are_ordered_and_disjoint(s in "[A-Za-z .!?\n\"”]{0,60}") {
            for w in sentences(&s).windows(2) {
                proptest::prop_assert!(w[0].end <= w[1].start);
            }
        }
    }

    #[test]
    fn clause_openers_fit_the_length_bound_and_first_letters() {
        assert!(CLAUSE_OPENERS.iter().all(|o| o.len() <= MAX_OPENER_LEN));
        for o in CLAUSE_OPENERS {
            assert!(OPENER_FIRST[usize::from(o.as_bytes()[0])], "{o}");
            assert!(OPENER_FIRST[usize::from(o.as_bytes()[0].to_ascii_uppercase())], "{o}");
        }
    }

    #[test]
    fn lower_of_every_length_and_script() {
        for w in [
            "the",
            "The",
            "KREMLIN",
            "Übersee",
            "ǅemal",
            "A",
            "",
            &"Ab".repeat(11),
            &"Ab".repeat(12),
        ] {
            assert_eq!(Lower::of(w).as_str(), w.to_lowercase(), "{w}");
            assert_eq!(Lower::of(w), Lower::of(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn clause_opener_match_is_the_list() {
        for o in CLAUSE_OPENERS {
            assert!(is_clause_opener(o), "{o}");
            assert!(is_clause_opener(&o.to_uppercase()), "{o}");
            let mut longer = o.to_string();
            longer.push('s');
            assert_eq!(is_clause_opener(&longer), CLAUSE_OPENERS.contains(&longer.as_str()));
            assert!(!is_clause_opener(&o[1..]) || CLAUSE_OPENERS.contains(&&o[1..]), "{o}");
        }
        for w in ["", "the", "said", "afterwards", "whichever", "ifs", "wholly"] {
            assert!(!is_clause_opener(w), "{w}");
        }
    }

    /// The span between two arbitrary byte positions of `t`, ordered and
    /// widened to character boundaries.
    fn char_span(t: &str, a: usize, b: usize) -> Span {
        let (a, b) = (a.min(b), a.max(b));
        Span::new(floor_boundary(t, a), ceil_boundary(t, b))
    }

    proptest::proptest! {
        #[test]
        fn ascii_word_at_matches_the_scan(
            t in "[a-zA-Z0-9 .,'\\-éÉ’ǅ\u{a0}\n]{0,40}",
            a in 0usize..50,
            b in 0usize..50,
        ) {
            let span = char_span(&t, a, b);
            let (a, b) = (span.start, span.end);
            let scanned = words(&t, span);
            let bytes = t.as_bytes();
            for x in a..b {
                for y in x + 1..=b {
                    if !bytes[x..y].iter().all(u8::is_ascii_alphanumeric) {
                        break;
                    }
                    proptest::prop_assert_eq!(
                        is_ascii_word_at(&t, span, x, y),
                        scanned.contains(&Span::new(x, y)),
                        "{:?} {:?} {}..{}", t, span, x, y
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_scanner_matches_the_definition(
            t in "[a-zA-Z0-9 .,'\\-éÉ’ǅ\u{a0}\n]{0,40}",
            a in 0usize..50,
            b in 0usize..50,
        ) {
            let span = char_span(&t, a, b);
            proptest::prop_assert_eq!(words(&t, span), words_reference(&t, span));
            for w in words(&t, span) {
                let word = &t[w.start..w.end];
                let lower = Lower::of(word);
                proptest::prop_assert_eq!(lower.as_str(), word.to_lowercase());
            }
        }
    }
}
