//! Tokens for the tagger: words, digit runs and punctuation, with byte
//! spans, the whitespace before them and their lexicon readings.
//!
//! One pass over the bytes; the only allocation is the token vector itself.
//! Spans always fall on char boundaries because tokens split only at whole
//! characters.

use super::grammar::{self, bit};
use super::lexicon::{self, Lex, LEXICON};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One punctuation character (ASCII, or a typographic quote or dash
    /// folded to its ASCII look-alike).
    Punct(u8),
    /// Any other single character.
    Other,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// Whitespace between this token and the previous one.
    pub(crate) space: bool,
    /// Line breaks in that whitespace (capped at 2: a paragraph break).
    pub(crate) breaks: u8,
    /// First letter is upper case.
    pub(crate) upper: bool,
    /// Digit count of a number token.
    pub(crate) digits: u8,
    /// Value of a number token (saturating).
    pub(crate) num: u32,
    /// Lexicon readings of a word token.
    pub(crate) lex: &'static [Lex],
    /// What patterns may start here (see [`super::grammar::bit`]).
    pub(crate) gate: u64,
}

impl Tok {
    pub(crate) fn is_punct(&self, c: u8) -> bool {
        self.kind == Kind::Punct(c)
    }
}

fn fold_punct(c: char) -> Option<u8> {
    match c {
        '\u{2019}' | '\u{2018}' => Some(b'\''),
        '\u{201C}' | '\u{201D}' => Some(b'"'),
        '\u{2013}' | '\u{2014}' | '\u{2212}' => Some(b'-'),
        _ => None,
    }
}

/// Byte classes of the ASCII fast path.
const SPACE: u8 = 1;
const DIGIT: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;
const LETTER: u8 = UPPER | LOWER;

/// The class of every byte (0: punctuation, or a byte of a multi-byte
/// character).
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Split `text` into tokens, appending to `out` (cleared first).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let lexicon = &*LEXICON;
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space = false;
    let mut breaks = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        let class = CLASS[usize::from(b)];
        if class & SPACE != 0 {
            space = true;
            if b == b'\n' && breaks < 2 {
                breaks += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut tok = Tok {
            start,
            end: start,
            kind: Kind::Other,
            space,
            breaks,
            upper: false,
            digits: 0,
            num: 0,
            lex: &[],
            gate: 0,
        };
        if class & DIGIT != 0 {
            let mut n: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                n = n.saturating_mul(10).saturating_add(u32::from(bytes[i] - b'0'));
                i += 1;
            }
            tok.kind = Kind::Num;
            tok.gate = bit::NUM_TOK;
            tok.num = n;
            tok.digits = u8::try_from(i - start).unwrap_or(u8::MAX);
        } else if class & LETTER != 0 {
            tok.upper = class & UPPER != 0;
            tok.kind = Kind::Word;
            let mut ascii = true;
            loop {
                while i < bytes.len() && CLASS[usize::from(bytes[i])] & LETTER != 0 {
                    i += 1;
                }
                if i < bytes.len() && bytes[i] >= 0x80 {
                    if let Some(ch) = text[i..].chars().next().filter(|c| c.is_alphabetic()) {
                        ascii = false;
                        i += ch.len_utf8();
                        continue;
                    }
                }
                break;
            }
            if ascii {
                if let Some(p) = lexicon::pack_letters(bytes, start, i) {
                    let (lex, bits) = lexicon.get_packed(&p);
                    tok.lex = lex;
                    tok.gate = grammar::cased_bits(bits, &bytes[start..i]);
                }
            }
        } else if b < 0x80 {
            tok.kind = Kind::Punct(b);
            tok.gate = bit::OPEN;
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = ch.len_utf8().max(1);
            if ch.is_whitespace() {
                space = true;
                i += len;
                continue;
            }
            if ch.is_alphabetic() {
                tok.upper = ch.is_uppercase();
                i += len;
                while i < bytes.len() {
                    match text[i..].chars().next() {
                        Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                        _ => break,
                    }
                }
                tok.kind = Kind::Word;
            } else {
                i += len;
                tok.kind = fold_punct(ch).map_or(Kind::Other, Kind::Punct);
                tok.gate = bit::OPEN;
            }
        }
        tok.end = i;
        out.push(tok);
        space = false;
        breaks = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind, bool)> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter().map(|t| (text[t.start..t.end].to_string(), t.kind, t.space)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let k = kinds("Jan. 17, 2025 mid-2024");
        let texts: Vec<&str> = k.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["Jan", ".", "17", ",", "2025", "mid", "-", "2024"]);
        assert_eq!(k[2].1, Kind::Num);
        assert!(k[2].2);
        assert!(!k[1].2);
    }

    #[test]
    fn non_ascii_stays_on_char_boundaries() {
        let text = "Putin’s café — 2025\u{a0}Thursday";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        for t in &v {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert!(v.iter().any(|t| t.is_punct(b'\'')));
        assert!(v.iter().any(|t| t.is_punct(b'-')));
        assert_eq!(&text[v.last().unwrap().start..], "Thursday");
    }

    #[test]
    fn words_get_their_readings_in_any_case() {
        let mut v = Vec::new();
        tokenize("THURSDAY, thursday Thursday Thürsday zzz", &mut v);
        assert!(!v[0].lex.is_empty());
        assert_eq!(v[0].lex, v[2].lex);
        assert_eq!(v[0].lex, v[3].lex);
        assert_eq!(v[0].lex, LEXICON.get("thursday"));
        assert!(v[4].lex.is_empty());
        assert!(v[5].lex.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn every_word_gets_the_readings_of_its_lower_case(
            words in proptest::collection::vec("(?i)(may|march|the|a|last|next|week|weeks|today|thursday|fiscal|q|h|fy|[a-z]{1,30})", 1..8),
            seps in proptest::collection::vec("[ ,.\n-]{0,2}", 8),
        ) {
            let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            let mut v = Vec::new();
            tokenize(&text, &mut v);
            for t in v.iter().filter(|t| t.kind == Kind::Word) {
                proptest::prop_assert_eq!(t.lex, LEXICON.get(&text[t.start..t.end]));
            }
        }
    }

    #[test]
    fn counts_line_breaks() {
        let mut v = Vec::new();
        tokenize("a\n\n\nb\nc", &mut v);
        assert_eq!(v[1].breaks, 2);
        assert_eq!(v[2].breaks, 1);
    }
}
