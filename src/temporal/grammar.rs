//! The grammar: which token sequences are temporal expressions, and what they
//! say. See the module docs of [`crate::temporal`] for the accepted forms.
//!
//! Matching is greedy and left to right: at each token every pattern is
//! tried and the longest match wins (ties: the first pattern listed in
//! [`Parser::at`]); the scan resumes after it. Patterns only look at token
//! kinds and lexicon readings, so no pattern allocates except to build the
//! small [`Expr`] tree of a match.

use super::calendar::{ymd, Grain};
use super::expr::{Expr, Sel};
use super::lexicon::{
    lookable, Cue, DayPart, Lex, Mod, MonthForm, Phrase, PhraseKind, RefValue, Rel, Side, Unit,
    WeekdayForm, LEXICON,
};
use super::token::{Kind, Tok};

#[cfg(test)]
mod gate_tests;
mod periods;

/// One match: tokens `start..end` and what they mean.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) expr: Expr,
    pub(crate) rule: &'static str,
}

type M = Option<(Expr, usize, &'static str)>;

/// Adjectives that may stand between a count and its unit ("an additional
/// year", "two extra days").
const LENGTH_ADJECTIVES: &[&str] = &["additional", "extra", "further", "full", "whole"];

/// Rules that consume words which only look like time ("a 48-year-old",
/// "$5 million a year", "day-to-day") so that no shorter pattern tags part
/// of them. They are not reported as skipped dates.
pub(crate) const NOT_DATES: &[&str] = &["age", "rate", "unit_compound", "pay"];

pub(crate) struct Parser<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Tok],
    /// The last [`Parser::phrase`] looked up, by token: several patterns
    /// tried at one token ask for the phrase starting there, and matching
    /// it word by word is the costly part.
    phrase_memo: std::cell::Cell<Option<(usize, Option<PhraseMatch>)>>,
    /// Skip patterns that cannot match at a token (see [`Gate`]). Off only
    /// in the tests that check the gates change nothing.
    gated: bool,
}

/// A phrase found at a token: its kind and the token after it.
type PhraseMatch = (PhraseKind, usize);

impl<'a> Parser<'a> {
    pub(crate) fn new(text: &'a str, toks: &'a [Tok]) -> Self {
        Parser { text, toks, phrase_memo: std::cell::Cell::new(None), gated: true }
    }

    /// A parser that tries every pattern at every token: slow, the
    /// reference the gated parser must agree with.
    #[cfg(test)]
    pub(crate) fn ungated(text: &'a str, toks: &'a [Tok]) -> Self {
        Parser { gated: false, ..Parser::new(text, toks) }
    }
}

fn unit_grain(u: Unit) -> Grain {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Grain::Day,
        Unit::Week | Unit::Fortnight => Grain::Week,
        Unit::Weekend => Grain::Weekend,
        Unit::Month => Grain::Month,
        Unit::Quarter => Grain::Quarter,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
        Unit::Century => Grain::Century,
    }
}

pub(crate) fn grain_of(u: Unit) -> Grain {
    unit_grain(u)
}

/// The gate of a token: what it is, in the terms the costly patterns
/// need. Each pattern fails at once at a token without the reading or
/// word it starts with (or, after "the", without the one it needs next),
/// so [`Parser::at`] skips it there. Each condition is necessary, never
/// sufficient: it is derived from the first tokens each pattern inspects.
/// The tokenizer sets a token's gate from its lexicon entry, whose bits
/// are worked out once (see [`word_bits`]).
pub(crate) mod bit {
    // Lexicon readings.
    pub(crate) const MONTH: u64 = 1;
    pub(crate) const WEEKDAY: u64 = 1 << 1;
    pub(crate) const NUM: u64 = 1 << 2;
    pub(crate) const ORD: u64 = 1 << 3;
    pub(crate) const UNIT: u64 = 1 << 4;
    pub(crate) const REL: u64 = 1 << 5;
    pub(crate) const FREQ: u64 = 1 << 6;
    pub(crate) const CLOCK: u64 = 1 << 7;
    pub(crate) const DECADE: u64 = 1 << 8;
    pub(crate) const PART: u64 = 1 << 9;
    pub(crate) const SEASON: u64 = 1 << 10;
    /// The word alone is a phrase of `Parser::phrase` (or starts one
    /// whose second word no token can be looked up as).
    pub(crate) const PHRASE_ALONE: u64 = 1 << 11;
    /// The word starts a phrase of several words.
    pub(crate) const PHRASE_MULTI: u64 = 1 << 12;
    /// The word is the second word of a phrase.
    pub(crate) const PHRASE_SECOND: u64 = 1 << 13;
    /// A starter reading ("the", "every").
    pub(crate) const STARTER: u64 = 1 << 14;
    /// A reading other than a tense cue, a not-a-year word or a starter:
    /// an expression may start here.
    pub(crate) const STARTS: u64 = 1 << 15;
    /// A number token.
    pub(crate) const NUM_TOK: u64 = 1 << 16;
    /// Punctuation or another character: every pattern may start here.
    pub(crate) const OPEN: u64 = 1 << 17;
    // Words, in any case unless said otherwise.
    /// "the".
    pub(crate) const THE: u64 = 1 << 18;
    /// "a", "an": a count of one for `Parser::number`.
    pub(crate) const ARTICLE: u64 = 1 << 19;
    /// Words `year_expr` starts with besides ordinals: "post", "pre",
    /// "FY" (capitals), "fiscal", "nineteen".
    pub(crate) const YEAR_WORD: u64 = 1 << 20;
    /// Words `quarter_half` starts with besides ordinals and relative
    /// words: "fiscal", "first", "Q" and "H" (capitals), "nineteen".
    pub(crate) const QUARTER_WORD: u64 = 1 << 21;
    /// "every", "each", "once", "twice" for `set`.
    pub(crate) const SET_WORD: u64 = 1 << 22;
    /// "nineteen", "first", "last", "year", "day", "earlier"/"later",
    /// "half".
    pub(crate) const NINETEEN: u64 = 1 << 23;
    pub(crate) const FIRST: u64 = 1 << 24;
    pub(crate) const LAST: u64 = 1 << 25;
    pub(crate) const YEAR: u64 = 1 << 26;
    pub(crate) const DAY: u64 = 1 << 27;
    pub(crate) const EARLIER_LATER: u64 = 1 << 28;
    pub(crate) const HALF: u64 = 1 << 29;
    /// Words `focus` needs first, or after "the".
    pub(crate) const FOCUS: u64 = 1 << 30;
    /// "recent", "future", "past" for `recent`.
    pub(crate) const RECENT: u64 = 1 << 31;
    /// "week", "weekend" after "the".
    pub(crate) const WEEK: u64 = 1 << 32;
    /// "every", "each"; the length adjectives; "post", "pre": for
    /// `can_start`.
    pub(crate) const EVERY_EACH: u64 = 1 << 33;
    pub(crate) const LENGTH_ADJ: u64 = 1 << 34;
    pub(crate) const POST_PRE: u64 = 1 << 35;
    /// "fy", "q", "h": the token's bits depend on its capitals.
    pub(crate) const CASED: u64 = 1 << 36;
    /// For the tense cues: a cue reading; a word `tense::cue` names.
    pub(crate) const CUE: u64 = 1 << 37;
    pub(crate) const TENSE_WORD: u64 = 1 << 38;
}

/// The words the gates name, with their bits.
const GATE_WORDS: &[(&str, u64)] = &[
    ("the", bit::THE),
    ("a", bit::ARTICLE),
    ("an", bit::ARTICLE),
    ("fiscal", bit::YEAR_WORD | bit::QUARTER_WORD | bit::FOCUS),
    ("nineteen", bit::YEAR_WORD | bit::QUARTER_WORD | bit::NINETEEN | bit::FOCUS),
    ("post", bit::YEAR_WORD | bit::POST_PRE),
    ("pre", bit::YEAR_WORD | bit::POST_PRE),
    ("fy", bit::CASED),
    ("q", bit::CASED),
    ("h", bit::CASED),
    ("every", bit::SET_WORD | bit::EVERY_EACH),
    ("each", bit::SET_WORD | bit::EVERY_EACH),
    ("once", bit::SET_WORD),
    ("twice", bit::SET_WORD),
    ("first", bit::QUARTER_WORD | bit::FIRST),
    ("last", bit::LAST | bit::FOCUS),
    ("year", bit::YEAR | bit::FOCUS),
    ("day", bit::DAY),
    ("earlier", bit::EARLIER_LATER),
    ("later", bit::EARLIER_LATER),
    ("half", bit::HALF),
    ("comparable", bit::FOCUS),
    ("latest", bit::FOCUS),
    ("most", bit::FOCUS),
    ("same", bit::FOCUS),
    ("corresponding", bit::FOCUS),
    ("period", bit::FOCUS),
    ("quarter", bit::FOCUS),
    ("full", bit::FOCUS),
    ("recent", bit::RECENT),
    ("future", bit::RECENT),
    ("past", bit::RECENT),
    ("week", bit::WEEK),
    ("weekend", bit::WEEK),
];

/// The gate bits of a lexicon word (lower case) from its readings and its
/// spelling.
pub(crate) fn word_bits(word: &str, readings: &[Lex], phrases: &[Phrase]) -> u64 {
    let mut b = 0;
    for l in readings {
        b |= match l {
            Lex::Month(..) => bit::MONTH,
            Lex::Weekday(..) => bit::WEEKDAY,
            Lex::Num(_) => bit::NUM,
            Lex::Ord(_) => bit::ORD,
            Lex::Unit(..) => bit::UNIT,
            Lex::Rel(_) => bit::REL,
            Lex::Freq(_) => bit::FREQ,
            Lex::Clock(_) => bit::CLOCK,
            Lex::DecadeWord(_) => bit::DECADE,
            Lex::Part(_) => bit::PART,
            Lex::Season(_) => bit::SEASON,
            Lex::Phrase(idx) => match phrases.get(usize::from(*idx)) {
                Some(p) if p.words.len() > 1 && lookable(&p.words[1]) => bit::PHRASE_MULTI,
                _ => bit::PHRASE_ALONE,
            },
            Lex::DayPart(_) | Lex::Cue(_) | Lex::NotYear(_) | Lex::Starter => 0,
        };
        b |= match l {
            Lex::Cue(_) => bit::CUE,
            Lex::NotYear(_) => 0,
            Lex::Starter => bit::STARTER,
            _ => bit::STARTS,
        };
    }
    for (w, bits) in GATE_WORDS {
        if *w == word {
            b |= bits;
        }
    }
    if LENGTH_ADJECTIVES.contains(&word) {
        b |= bit::LENGTH_ADJ;
    }
    if super::tense::cue_words().any(|w| w == word) {
        b |= bit::TENSE_WORD;
    }
    if phrases.iter().any(|p| p.words.len() > 1 && &*p.words[1] == word) {
        b |= bit::PHRASE_SECOND;
    }
    b
}

/// Words that need a lexicon entry for their gate bits, with or without
/// readings.
pub(crate) fn gate_words() -> impl Iterator<Item = &'static str> {
    GATE_WORDS
        .iter()
        .map(|(w, _)| *w)
        .chain(LENGTH_ADJECTIVES.iter().copied())
        .chain(super::tense::cue_words())
}

/// The bits of a word token from its entry's bits and its spelling:
/// "FY", "Q" and "H" count only in capitals.
#[inline]
pub(crate) fn cased_bits(entry: u64, word: &[u8]) -> u64 {
    if entry & bit::CASED == 0 {
        return entry;
    }
    match word {
        b"FY" => entry | bit::YEAR_WORD,
        b"Q" | b"H" => entry | bit::QUARTER_WORD,
        _ => entry,
    }
}

impl<'a> Parser<'a> {
    /// Every expression in the text, in order, not overlapping.
    pub(crate) fn run(&self, out: &mut Vec<Cand>) {
        let mut i = 0;
        while i < self.toks.len() {
            let t = &self.toks[i];
            let worth = match t.kind {
                Kind::Num => true,
                Kind::Word => self.can_start(i),
                Kind::Punct(b'\'') => self.tok(i + 1).is_some_and(|n| n.kind == Kind::Num),
                _ => false,
            };
            if worth {
                if let Some((expr, end, rule)) = self.at(i) {
                    if end > i {
                        out.push(Cand { start: i, end, expr, rule });
                        i = end;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }

    /// Can an expression start at word token `i`? Tense cues and
    /// not-a-year words never do; a starter word ("the", "a", "every") only
    /// before a word the lexicon knows or a number. This check keeps the
    /// patterns from running at most tokens.
    fn can_start(&self, i: usize) -> bool {
        #[cfg(test)]
        if !self.gated {
            return self.can_start_by_readings(i);
        }
        let g = self.toks[i].gate;
        if g & bit::STARTS != 0 {
            return true;
        }
        if g & bit::STARTER == 0 {
            return false;
        }
        if g & bit::EVERY_EACH != 0 {
            return true;
        }
        // "an additional year", "a further six months", "two extra days".
        if self.gate(i + 1) & bit::LENGTH_ADJ != 0 {
            return true;
        }
        if g & bit::POST_PRE != 0 {
            return self.punct(i + 1, b'-') && self.tok(i + 2).is_some_and(|n| n.kind == Kind::Num);
        }
        self.tok(i + 1).is_some_and(|n| match n.kind {
            Kind::Num | Kind::Punct(b'\'') => true,
            Kind::Word => n.gate & (bit::STARTS | bit::STARTER) != 0,
            _ => false,
        })
    }

    /// [`Self::can_start`] from the readings and words themselves, as the
    /// gate bits summarise them: the reference the tests compare with.
    #[cfg(test)]
    fn can_start_by_readings(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let mut starter = false;
        for l in t.lex {
            match l {
                Lex::Cue(_) | Lex::NotYear(_) => {}
                Lex::Starter => starter = true,
                _ => return true,
            }
        }
        if !starter {
            return false;
        }
        if self.is(i, "every") || self.is(i, "each") {
            return true;
        }
        if LENGTH_ADJECTIVES.iter().any(|w| self.is(i + 1, w)) {
            return true;
        }
        if self.is(i, "post") || self.is(i, "pre") {
            return self.punct(i + 1, b'-') && self.tok(i + 2).is_some_and(|n| n.kind == Kind::Num);
        }
        self.tok(i + 1).is_some_and(|n| match n.kind {
            Kind::Num | Kind::Punct(b'\'') => true,
            Kind::Word => n.lex.iter().any(|l| !matches!(l, Lex::Cue(_) | Lex::NotYear(_))),
            _ => false,
        })
    }

    /// The gate bits of token `i`; none past the end.
    fn gate(&self, i: usize) -> u64 {
        self.toks.get(i).map_or(0, |t| t.gate)
    }

    /// Can [`Self::phrase`] find a phrase at token `i`, whose gate is `g`?
    fn phrase_possible(&self, i: usize, g: u64) -> bool {
        g & bit::PHRASE_ALONE != 0
            || g & bit::PHRASE_MULTI != 0 && self.gate(i + 1) & bit::PHRASE_SECOND != 0
    }

    // ---- token helpers -------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn s(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    fn is(&self, i: usize, w: &str) -> bool {
        // Bytes, not str: no char-boundary checks on this hot path.
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && t.end - t.start == w.len()
                && self.text.as_bytes()[t.start..t.end].eq_ignore_ascii_case(w.as_bytes())
        })
    }

    fn punct(&self, i: usize, c: u8) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Token `i` follows the previous one with no space.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    fn lex(&self, i: usize) -> &'static [Lex] {
        self.toks.get(i).map_or(&[], |t| t.lex)
    }

    fn find<T>(&self, i: usize, f: impl Fn(&Lex) -> Option<T>) -> Option<T> {
        self.lex(i).iter().find_map(f)
    }

    fn rel(&self, i: usize) -> Option<Rel> {
        self.find(i, |l| if let Lex::Rel(r) = l { Some(*r) } else { None })
    }

    /// A unit word. Capitalised mid-sentence it names something ("60
    /// Minutes", "This Week" the programme), not a length of time.
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        let u = self.find(i, |l| if let Lex::Unit(u, p) = l { Some((*u, *p)) } else { None })?;
        if self.tok(i).is_some_and(|t| t.upper) && !self.sentence_start(i) {
            return None;
        }
        Some(u)
    }

    /// Token `i` starts a sentence or a line.
    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.tok(i).is_some_and(|t| t.breaks > 0)
            || self.tok(i - 1).is_some_and(|p| {
                matches!(p.kind, Kind::Punct(b'.' | b'!' | b'?' | b'"' | b'\'' | b'(' | b':'))
            })
    }

    fn day_part(&self, i: usize) -> Option<DayPart> {
        self.find(i, |l| if let Lex::DayPart(p) = l { Some(*p) } else { None })
    }

    fn season(&self, i: usize) -> Option<u8> {
        self.find(i, |l| if let Lex::Season(s) = l { Some(*s) } else { None })
    }

    fn part(&self, i: usize) -> Option<Mod> {
        self.find(i, |l| if let Lex::Part(m) = l { Some(*m) } else { None })
    }

    fn ordinal(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(o) = self.find(i, |l| if let Lex::Ord(o) = l { Some(*o) } else { None }) {
            return Some((o, i + 1));
        }
        // "3rd", "17th"
        let t = self.tok(i)?;
        if t.kind == Kind::Num && t.digits <= 2 && self.glued(i + 1) {
            let suf = self.s(i + 1).to_ascii_lowercase();
            if matches!(suf.as_str(), "st" | "nd" | "rd" | "th") {
                return Some((i32::try_from(t.num).ok()?, i + 2));
            }
        }
        None
    }

    /// A cardinal: digits (up to 4), a number word, "twenty-five", "a", "an".
    /// `Some(None)` is a vague quantity ("several", "a few").
    fn number(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num => {
                if t.digits > 4 || self.punct(i + 1, b',') && self.glued(i + 1) {
                    return None;
                }
                // Decimal or ratio: not a count of units.
                if (self.punct(i + 1, b'.') || self.punct(i + 1, b':'))
                    && self.glued(i + 1)
                    && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Num)
                    && self.glued(i + 2)
                {
                    return None;
                }
                Some((Some(t.num), i + 1))
            }
            Kind::Word => {
                if self.is(i, "a") || self.is(i, "an") {
                    if self.is(i + 1, "few") {
                        return Some((None, i + 2));
                    }
                    if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                        return Some((Some(2), i + 3));
                    }
                    return Some((Some(1), i + 1));
                }
                let n = self.find(i, |l| if let Lex::Num(n) = l { Some(*n) } else { None })?;
                if let Some(tens) = n {
                    if (20..=90).contains(&tens)
                        && tens % 10 == 0
                        && self.punct(i + 1, b'-')
                        && self.glued(i + 1)
                        && self.glued(i + 2)
                    {
                        if let Some(Some(u)) =
                            self.find(i + 2, |l| if let Lex::Num(n) = l { Some(*n) } else { None })
                        {
                            if u < 10 {
                                return Some((Some(tens + u), i + 3));
                            }
                        }
                    }
                    // "twenty four hours": transcripts drop the hyphen.
                    if (20..=90).contains(&tens) && tens % 10 == 0 && !self.is(i + 1, "a") {
                        if let Some(Some(u)) =
                            self.find(i + 1, |l| if let Lex::Num(n) = l { Some(*n) } else { None })
                        {
                            if (1..10).contains(&u) && self.tok(i + 1).is_some_and(|t| t.space) {
                                return Some((Some(tens + u), i + 2));
                            }
                        }
                    }
                    if self.is(i + 1, "hundred") {
                        return Some((Some(tens * 100), i + 2));
                    }
                }
                if self.is(i, "couple") && self.is(i + 1, "of") {
                    return Some((Some(2), i + 2));
                }
                Some((n, i + 1))
            }
            _ => None,
        }
    }

    /// A month name at `i`, with the index after it (and after an
    /// abbreviation's period). `strict` months need date context, checked by
    /// the callers that accept a bare month.
    fn month(&self, i: usize) -> Option<(u32, MonthForm, usize)> {
        let (m, form) =
            self.find(i, |l| if let Lex::Month(m, f) = l { Some((*m, *f)) } else { None })?;
        let t = self.tok(i)?;
        match form {
            MonthForm::Abbr => {
                if !t.upper {
                    return None;
                }
                if self.punct(i + 1, b'.') && self.glued(i + 1) {
                    Some((m, form, i + 2))
                } else {
                    Some((m, form, i + 1))
                }
            }
            MonthForm::Ambiguous => t.upper.then_some((m, form, i + 1)),
            MonthForm::Full => Some((m, form, i + 1)),
        }
    }

    /// A day of the month: 1-31 as digits (optionally "17th"), not part of a
    /// larger number.
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.digits > 2 || t.num == 0 || t.num > 31 {
            return None;
        }
        // "17.5", "17:30", "17-year": not a day.
        if self.glued(i + 1)
            && (self.punct(i + 1, b':') || self.punct(i + 1, b'.'))
            && self.tok(i + 2).is_some_and(|t| t.kind == Kind::Num && !t.space)
        {
            return None;
        }
        if self.glued(i + 1) {
            if ["st", "nd", "rd", "th"].iter().any(|x| self.is(i + 1, x)) {
                return Some((t.num, i + 2));
            }
            if self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word) {
                return None;
            }
        }
        Some((t.num, i + 1))
    }

    /// A four-digit year (1000-2999) as a plain number (no thousands
    /// comma), or "'98".
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num && t.digits == 4 && (1000..=2999).contains(&t.num) {
            // Not a year inside a longer number or word ("19901", "1990s").
            if self.glued(i + 1)
                && self.tok(i + 1).is_some_and(|n| matches!(n.kind, Kind::Num | Kind::Word))
            {
                return None;
            }
            return Some((t.num as i32, i + 1));
        }
        // "nineteen ninety-four" after a month or season (spoken copy).
        if t.kind == Kind::Word && self.is(i, "nineteen") {
            if let Some((Expr::Date { year: Some(y), month: None, day: None }, end, _)) =
                self.words_year(i)
            {
                return Some((y, end));
            }
        }
        None
    }

    fn weekday(&self, i: usize) -> Option<(u32, WeekdayForm, usize)> {
        let (d, form) =
            self.find(i, |l| if let Lex::Weekday(d, f) = l { Some((*d, *f)) } else { None })?;
        let t = self.tok(i)?;
        match form {
            WeekdayForm::Abbr => {
                if t.upper && self.punct(i + 1, b'.') && self.glued(i + 1) {
                    Some((d, form, i + 2))
                } else {
                    None
                }
            }
            _ => t.upper.then_some((d, form, i + 1)),
        }
    }

    /// A phrase from refs.tsv/modifiers.tsv starting at `i`: longest wins.
    fn phrase(&self, i: usize) -> Option<(PhraseKind, usize)> {
        if let Some((at, found)) = self.phrase_memo.get() {
            if at == i {
                return found;
            }
        }
        let found = self.phrase_uncached(i);
        self.phrase_memo.set(Some((i, found)));
        found
    }

    fn phrase_uncached(&self, i: usize) -> Option<(PhraseKind, usize)> {
        let mut best: Option<(PhraseKind, usize)> = None;
        for l in self.lex(i) {
            if let Lex::Phrase(idx) = l {
                let p = &LEXICON.phrases[usize::from(*idx)];
                let ok = p.words.iter().enumerate().all(|(k, w)| self.is(i + k, w));
                if ok && best.is_none_or(|(_, e)| i + p.words.len() > e) {
                    best = Some((p.kind, i + p.words.len()));
                }
            }
        }
        best
    }

    /// An optional "the" at `i`: the index after it.
    fn the(&self, i: usize) -> usize {
        if self.is(i, "the") {
            i + 1
        } else {
            i
        }
    }

    // ---- the patterns ----------------------------------------------------

    /// The longest expression starting at token `i`.
    pub(crate) fn at(&self, i: usize) -> M {
        let mut best: M = None;
        let mut consider = |m: M| {
            if let Some((e, end, r)) = m {
                if best.as_ref().is_none_or(|b| end > b.1) {
                    best = Some((e, end, r));
                }
            }
        };
        // Past the end ("about" closing a paragraph): nothing.
        let t = self.tok(i)?;
        // A number starts only dates, years, quantities, clock times and
        // rates: the other patterns need a word first.
        if t.kind == Kind::Num {
            consider(self.calendar_core(i));
            consider(self.numeric_date(i));
            consider(self.year_expr(i));
            consider(self.quantity(i));
            consider(self.clock(i));
            consider(self.set(i));
            consider(self.fraction(i));
            consider(self.range(i));
            consider(self.conjoined_day(i));
            return best;
        }
        // Most words can start only a few patterns: `g` says which, from
        // what each pattern needs at its first token (see [`bit`]), and `n`
        // the token after "the" (none when there is no "the").
        let (g, n) = if self.gated {
            let g = t.gate;
            (g, if g & bit::THE != 0 { self.gate(i + 1) } else { 0 })
        } else {
            (bit::OPEN, 0)
        };
        let has = |x: u64, m: u64| x & m != 0;
        let open = has(g, bit::OPEN);
        if open || self.phrase_possible(i, g) {
            consider(self.modified(i));
        }
        if has(g, bit::OPEN | bit::WEEKDAY | bit::MONTH) || has(n, bit::OPEN | bit::NUM_TOK) {
            consider(self.calendar(i));
        }
        // Digits first: never at a word.
        if open {
            consider(self.numeric_date(i));
        }
        if has(g, bit::OPEN | bit::ORD | bit::YEAR_WORD)
            || has(n, bit::OPEN | bit::NUM_TOK | bit::ORD | bit::YEAR)
        {
            consider(self.year_expr(i));
        }
        if has(g, bit::OPEN | bit::REL | bit::WEEKDAY) || has(n, bit::REL) {
            consider(self.weekday_expr(i));
        }
        if has(g, bit::OPEN | bit::REL) || has(n, bit::DAY) {
            consider(self.deictic(i));
        }
        if has(g, bit::OPEN | bit::REL | bit::EARLIER_LATER) || has(n, bit::REL) {
            consider(self.selected(i));
        }
        if has(g, bit::OPEN | bit::YEAR | bit::PART) || has(n, bit::YEAR | bit::PART) {
            consider(self.part_of(i));
        }
        if has(g, bit::OPEN | bit::REL | bit::ORD | bit::QUARTER_WORD)
            || has(
                n,
                bit::OPEN | bit::NUM_TOK | bit::REL | bit::ORD | bit::QUARTER_WORD | bit::LAST,
            )
        {
            consider(self.quarter_half(i));
        }
        if has(g, bit::OPEN | bit::SEASON) || has(n, bit::SEASON) {
            consider(self.season_expr(i));
        }
        if has(g, bit::OPEN | bit::ARTICLE | bit::UNIT | bit::NUM)
            || has(n, bit::OPEN | bit::NUM_TOK | bit::ARTICLE | bit::FIRST | bit::UNIT | bit::NUM)
        {
            consider(self.quantity(i));
        }
        if has(g, bit::OPEN | bit::CLOCK) {
            consider(self.clock(i));
        }
        if has(g, bit::OPEN | bit::ARTICLE | bit::SET_WORD | bit::FREQ | bit::NUM) {
            consider(self.set(i));
        }
        if open || self.phrase_possible(i, g) {
            consider(self.reference(i));
        }
        if open || has(n, bit::UNIT) {
            consider(self.anaphoric(i));
        }
        if has(g, bit::OPEN | bit::FOCUS) || has(n, bit::NUM_TOK | bit::FOCUS) {
            consider(self.focus(i));
        }
        if open || has(n, bit::WEEK) {
            consider(self.weekend(i));
        }
        if has(g, bit::OPEN | bit::NINETEEN) || has(n, bit::DECADE | bit::YEAR) {
            consider(self.words_year(i));
        }
        if has(g, bit::OPEN | bit::MONTH) {
            consider(self.month_of(i));
        }
        if open || has(n, bit::WEEK) {
            consider(self.week_of(i));
        }
        if has(g, bit::OPEN | bit::ARTICLE | bit::HALF | bit::NUM) {
            consider(self.fraction(i));
        }
        if has(g, bit::OPEN | bit::RECENT) {
            consider(self.recent(i));
        }
        if open
            || self.phrase_possible(i, g)
            || has(g, bit::REL) && self.phrase_possible(i + 1, self.gate(i + 1))
        {
            consider(self.holiday(i));
        }
        if has(g, bit::OPEN | bit::ARTICLE | bit::REL | bit::NUM) || has(n, bit::REL) {
            consider(self.range(i));
        }
        if has(g, bit::OPEN | bit::UNIT) || has(n, bit::UNIT) {
            consider(self.unit_compound(i));
        }
        best
    }

    /// "about three weeks", "more than two years ago", "around 7:15 p.m.".
    fn modified(&self, i: usize) -> M {
        let (kind, j) = self.phrase(i)?;
        let PhraseKind::Mod(m) = kind else { return None };
        // Words that are also prepositions or determiners count as a
        // modifier only right before a number.
        let weak = ["over", "under", "some", "just", "around", "about"];
        if weak.iter().any(|w| self.is(i, w)) && j == i + 1 {
            let numeric = self.number(j).is_some_and(|(n, _)| n.is_some() || self.is(j, "a"))
                || self.tok(j).is_some_and(|t| t.kind == Kind::Num);
            if !numeric && !self.is(i, "around") && !self.is(i, "about") {
                return None;
            }
        }
        let (inner, end, rule) = self.at(j)?;
        match &inner {
            Expr::Duration { .. }
            | Expr::Ago { .. }
            | Expr::Shift { .. }
            | Expr::Time { .. }
            | Expr::Date { .. } => {}
            _ => return None,
        }
        Some((Expr::Mod { m, inner: Box::new(inner) }, end, rule))
    }

    /// Dates with a month name: "17 January 2025", "January 17, 2025",
    /// "Jan. 17", "January 2025", "the 17th of March", "Thursday, March 13",
    /// and a bare month when the context says it is one.
    fn calendar(&self, i: usize) -> M {
        // Optional weekday prefix: "Thursday, March 13".
        if let Some((wd, WeekdayForm::Full | WeekdayForm::Abbr, j)) = self.weekday(i) {
            let k = if self.punct(j, b',') { j + 1 } else { j };
            return match self.calendar_core(k) {
                Some((e @ Expr::Date { year: None, day: Some(_), .. }, end, rule)) => {
                    Some((Expr::WithWeekday { wd, date: Box::new(e) }, end, rule))
                }
                Some((e @ Expr::Date { day: Some(_), .. }, end, rule)) => Some((e, end, rule)),
                _ => None,
            };
        }
        self.calendar_core(i)
    }

    fn calendar_core(&self, i: usize) -> M {
        let check =
            |y: Option<i32>, m: u32, d: u32| -> bool { ymd(y.unwrap_or(2000), m, d).is_some() };
        // Month first.
        if let Some((m, form, j)) = self.month(i) {
            if let Some((d, k)) = self.day(j) {
                // "May 2" but not "May 2,000".
                let (year, end) = {
                    let k2 = if self.punct(k, b',') { k + 1 } else { k };
                    match self.year(k2) {
                        Some((y, e)) => (Some(y), e),
                        None => (None, k),
                    }
                };
                if !check(year, m, d) {
                    return Some((Expr::Invalid("no such day in that month"), end, "invalid"));
                }
                return Some((Expr::Date { year, month: Some(m), day: Some(d) }, end, "month_day"));
            }
            let k = if self.punct(j, b',') || self.is(j, "of") { j + 1 } else { j };
            if let Some((y, end)) = self.year(k) {
                return Some((
                    Expr::Date { year: Some(y), month: Some(m), day: None },
                    end,
                    "month_year",
                ));
            }
            if self.bare_month_ok(i, j, form) {
                return Some((Expr::Date { year: None, month: Some(m), day: None }, j, "month"));
            }
            return None;
        }
        // Day first: "17 January [2025]", "the 17th of March".
        let start = self.the(i);
        if let Some((d, j)) = self.day(start) {
            let j2 = if self.is(j, "of") { j + 1 } else { j };
            if let Some((m, _, k)) = self.month(j2) {
                let k2 = if self.punct(k, b',') { k + 1 } else { k };
                let (year, end) = match self.year(k2) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, k),
                };
                if !check(year, m, d) {
                    return Some((Expr::Invalid("no such day in that month"), end, "invalid"));
                }
                return Some((Expr::Date { year, month: Some(m), day: Some(d) }, end, "day_month"));
            }
            // "the 17th" alone, not "the 25th anniversary".
            let next_ok = self.tok(j).is_none_or(|t| t.kind != Kind::Word)
                || [
                    "of", "and", "or", "at", "in", "on", "when", "to", "until", "through", "for",
                    "after", "before",
                ]
                .iter()
                .any(|w| self.is(j, w));
            if start > i && self.glued(start + 1) && j == start + 2 && next_ok {
                return Some((
                    Expr::Date { year: None, month: None, day: Some(d) },
                    j,
                    "day_of_month",
                ));
            }
        }
        None
    }

    /// The second day of "April 24 and 25", "March 3 or 4": same month.
    fn conjoined_day(&self, i: usize) -> M {
        if i < 3 || !(self.is(i - 1, "and") || self.is(i - 1, "or")) {
            return None;
        }
        let (d, end) = self.day(i)?;
        // "May 2 and 3 troops": the number counts something else.
        let follows_ok = self.tok(end).is_none_or(|t| t.kind != Kind::Word || t.upper)
            || ["in", "at", "on", "for", "to", "when", "with", "and", "or"]
                .iter()
                .any(|w| self.is(end, w));
        if !follows_ok || self.year(end).is_some() {
            return None;
        }
        let p = if self.tok(i - 2).is_some_and(|t| t.kind == Kind::Word) { i - 3 } else { i - 2 };
        if self.day(p)?.1 != i - 1 || p == 0 {
            return None;
        }
        let m = [p - 1, p.saturating_sub(2)]
            .into_iter()
            .find_map(|q| self.month(q).filter(|(_, _, j)| *j == p).map(|(m, _, _)| m))?;
        ymd(2000, m, d)?;
        Some((Expr::ConjDay { month: m, day: d }, end, "conjoined_day"))
    }

    /// A month name with neither day nor year: taken as a month unless it
    /// looks like a name ("June Carter") or, for months that are also common
    /// words, lacks a date cue around it ("in May", "last March", "May 2025").
    fn bare_month_ok(&self, i: usize, j: usize, form: MonthForm) -> bool {
        let next_upper = self.tok(j).is_some_and(|t| t.kind == Kind::Word && t.upper && t.space)
            && self.weekday(j).is_none()
            && self.month(j).is_none();
        if next_upper || form == MonthForm::Abbr && !self.punct(j - 1, b'.') {
            return false;
        }
        if form == MonthForm::Full {
            return true;
        }
        let prev_ok = i > 0
            && [
                "in",
                "since",
                "until",
                "till",
                "by",
                "during",
                "early",
                "late",
                "mid",
                "before",
                "after",
                "from",
                "through",
                "throughout",
                "of",
                "last",
                "next",
                "this",
                "to",
                "and",
                "or",
                "between",
                "end",
                "beginning",
                "start",
                "middle",
                "on",
            ]
            .iter()
            .any(|w| self.is(i - 1, w));
        let next_ok = self.punct(j, b',') && self.is(j + 1, "when")
            || self.is(j, "and") && self.month(j + 1).is_some()
            || self.punct(j, b'-') && self.month(j + 1).is_some();
        prev_ok || next_ok
    }

    /// "2025-01-17", "2025/01/17", "1/17/2025", "17.01.2025".
    fn numeric_date(&self, i: usize) -> M {
        let t = self.tok(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ (b'-' | b'/' | b'.')) if self.glued(i + 1) => c,
            _ => return None,
        };
        let b = self.tok(i + 2).filter(|x| x.kind == Kind::Num && !x.space)?;
        if !(self.punct(i + 3, sep) && self.glued(i + 3)) {
            return None;
        }
        let c = self.tok(i + 4).filter(|x| x.kind == Kind::Num && !x.space)?;
        let mut end = i + 5;
        // ISO 8601 date-time: "2025-01-18T09:40[:00][Z|+02:00]".
        let mut clock: Option<u32> = None;
        if t.digits == 4 && sep == b'-' && self.glued(end) && self.is(end, "T") {
            let h = self.tok(end + 1).filter(|x| x.kind == Kind::Num && x.digits == 2 && !x.space);
            let m = self.tok(end + 3).filter(|x| x.kind == Kind::Num && x.digits == 2 && !x.space);
            if let (Some(h), Some(m)) = (h, m) {
                if self.punct(end + 2, b':') && h.num <= 24 && m.num <= 59 {
                    clock = Some(h.num * 60 + m.num);
                    end += 4;
                    if self.punct(end, b':')
                        && self.glued(end)
                        && self.tok(end + 1).is_some_and(|x| x.kind == Kind::Num && !x.space)
                    {
                        end += 2;
                    }
                    if self.is(end, "Z") && self.glued(end) {
                        end += 1;
                    } else if (self.punct(end, b'+') || self.punct(end, b'-'))
                        && self.glued(end)
                        && self.tok(end + 1).is_some_and(|x| x.kind == Kind::Num && !x.space)
                    {
                        end += 2;
                        if self.punct(end, b':')
                            && self.glued(end)
                            && self.tok(end + 1).is_some_and(|x| x.kind == Kind::Num && !x.space)
                        {
                            end += 2;
                        }
                    }
                }
            }
        }
        if clock.is_none()
            && self.glued(end)
            && self.tok(end).is_some_and(|t| matches!(t.kind, Kind::Num | Kind::Word))
        {
            return None;
        }
        let (y, m, d) = if t.digits == 4 && b.digits <= 2 && c.digits <= 2 {
            (t.num as i32, b.num, c.num)
        } else if t.digits <= 2 && b.digits <= 2 && (c.digits == 4 || c.digits == 2) && sep != b'-'
        {
            let y = if c.digits == 4 {
                c.num as i32
            } else if c.num < 50 {
                2000 + c.num as i32
            } else {
                1900 + c.num as i32
            };
            // Day/month policy: a first number over 12 is a day (17/01);
            // otherwise month first (01/17, and 03/04 = 4 March), as in
            // US-dated wire copy; "." separators are day first (17.01.2025).
            if t.num > 12 || sep == b'.' {
                (y, b.num, t.num)
            } else {
                (y, t.num, b.num)
            }
        } else {
            return None;
        };
        if ymd(y, m, d).is_none() {
            return Some((Expr::Invalid("impossible numeric date"), end, "invalid"));
        }
        let date = Expr::Date { year: Some(y), month: Some(m), day: Some(d) };
        if let Some(minutes) = clock {
            return Some((Expr::Time { minutes, day: Some(Box::new(date)) }, end, "iso_datetime"));
        }
        Some((date, end, "numeric"))
    }

    /// Years and decades: "2025", "fiscal 1989", "the 1990s", "mid-1990s" is
    /// in [`Self::part_of`], "the '90s".
    fn year_expr(&self, i: usize) -> M {
        let start = self.the(i);
        // Decades: 1990s, 1990's, '90s.
        if let Some(t) = self.tok(start) {
            if t.kind == Kind::Num
                && t.digits == 4
                && t.num % 10 == 0
                && (1000..=2990).contains(&t.num)
            {
                let mut k = start + 1;
                if self.punct(k, b'\'') && self.glued(k) {
                    k += 1;
                }
                if self.glued(k) && self.is(k, "s") {
                    let y = t.num as i32;
                    let e = if y % 100 == 0 && start > i {
                        Expr::Century(y / 100)
                    } else {
                        Expr::Decade(y / 10)
                    };
                    return Some((e, k + 1, "decade"));
                }
            }
            if t.is_punct(b'\'')
                && self.tok(start + 1).is_some_and(|n| {
                    n.kind == Kind::Num && n.digits == 2 && !n.space && n.num % 10 == 0
                })
                && self.is(start + 2, "s")
                && self.glued(start + 2)
            {
                let n = self.tok(start + 1)?.num as i32;
                return Some((Expr::Decade(190 + n / 10), start + 3, "decade"));
            }
        }
        // "the 20th century"
        if let Some((o, k)) = self.ordinal(start) {
            if self.is(k, "century") && (1..=30).contains(&o) {
                return Some((Expr::Century(o - 1), k + 1, "century"));
            }
        }
        // "the year 1999"
        if self.is(i, "the") && self.is(i + 1, "year") {
            let (y, e) = self.year(i + 2)?;
            return Some((Expr::Date { year: Some(y), month: None, day: None }, e, "the_year_n"));
        }
        if start > i {
            return None;
        }
        // "post-1959 politics", "pre-1990 levels": after or before a year.
        if (self.is(i, "post") || self.is(i, "pre")) && self.punct(i + 1, b'-') {
            if !(self.glued(i + 1) && self.glued(i + 2)) {
                return None;
            }
            let (y, e) = self.year(i + 2)?;
            let m = if self.is(i, "post") { Mod::After } else { Mod::Before };
            let inner = Expr::Date { year: Some(y), month: None, day: None };
            return Some((Expr::Mod { m, inner: Box::new(inner) }, e, "year_before_after"));
        }
        // "FY2024", "FY 2024", "FY24"
        if let Some((y, e)) = self.fy_year(i) {
            return Some((Expr::Date { year: Some(y), month: None, day: None }, e, "fiscal_year"));
        }
        // fiscal 1989, fiscal year 1989
        if self.is(i, "fiscal") {
            let k = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            let (y, e) = self.year(k)?;
            return Some((Expr::Date { year: Some(y), month: None, day: None }, e, "fiscal_year"));
        }
        let (y, e) = self.year(i)?;
        if !self.year_context_ok(i, e) {
            return None;
        }
        Some((Expr::Date { year: Some(y), month: None, day: None }, e, "year"))
    }

    /// "FY2024", "FY 2024", "FY24": a fiscal year by its abbreviation, in
    /// capitals. Two digits are 2000-2049 below 50, else 1950-1999 (the
    /// abbreviation is recent business usage).
    fn fy_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.s(i) != "FY" {
            return None;
        }
        if let Some(r) = self.year(i + 1) {
            return Some(r);
        }
        let t = self.tok(i + 1)?;
        let glued_after = self.glued(i + 2)
            && self.tok(i + 2).is_some_and(|n| matches!(n.kind, Kind::Num | Kind::Word));
        if t.kind == Kind::Num && t.digits == 2 && self.glued(i + 1) && !glued_after {
            let n = t.num as i32;
            return Some((if n < 50 { 2000 + n } else { 1900 + n }, i + 2));
        }
        None
    }

    /// "Q3", "H1": an abbreviated quarter or half at token `k` (true for a
    /// quarter) and its number. Capitals only, and not after a capitalised
    /// word, which makes it a name ("Audi Q3"), nor glued to more letters
    /// or digits ("H1N1").
    fn period_abbrev(&self, k: usize) -> Option<(bool, u32)> {
        let is_q = match self.s(k) {
            "Q" => true,
            "H" => false,
            _ => return None,
        };
        let t = self.tok(k + 1)?;
        if t.kind != Kind::Num || t.digits != 1 || !self.glued(k + 1) {
            return None;
        }
        if self.glued(k + 2)
            && self.tok(k + 2).is_some_and(|n| matches!(n.kind, Kind::Num | Kind::Word))
        {
            return None;
        }
        if k > 0
            && self.tok(k - 1).is_some_and(|p| p.kind == Kind::Word && p.upper)
            && !self.is(k - 1, "the")
        {
            return None;
        }
        let n = t.num;
        let ok = if is_q { (1..=4).contains(&n) } else { (1..=2).contains(&n) };
        ok.then_some((is_q, n))
    }

    /// A four-digit number is a year unless its neighbours say it counts or
    /// names something: "Resolution 1701", "$2000", "2000 troops",
    /// "1,500", "Boeing 1707".
    fn year_context_ok(&self, i: usize, e: usize) -> bool {
        let t = &self.toks[i];
        if i > 0 {
            let p = &self.toks[i - 1];
            match p.kind {
                Kind::Punct(b'$' | b'#' | b'.' | b',' | b'+' | b'-' | b'/' | b':') if !t.space => {
                    return false
                }
                Kind::Punct(b'$' | b'#') => return false,
                Kind::Other if !t.space => return false,
                Kind::Word => {
                    if p.lex.iter().any(|l| matches!(l, Lex::NotYear(Side::Before))) {
                        return false;
                    }
                    // A capitalised word that is not itself temporal names
                    // something: "Boeing 1707", "Resolution 1701".
                    let temporal = p.lex.iter().any(|l| {
                        matches!(
                            l,
                            Lex::Month(..)
                                | Lex::Season(_)
                                | Lex::Weekday(..)
                                | Lex::Rel(_)
                                | Lex::Part(_)
                        )
                    });
                    let sentence_start =
                        i >= 2 && self.punct(i - 2, b'.') || p.breaks > 0 || i == 1;
                    if p.upper
                        && !temporal
                        && !sentence_start
                        && !self.is(i - 1, "In")
                        && !self.is(i - 1, "Since")
                    {
                        return false;
                    }
                }
                _ => {}
            }
        }
        if let Some(n) = self.tok(e) {
            match n.kind {
                Kind::Word => {
                    if n.lex.iter().any(|l| matches!(l, Lex::NotYear(Side::After) | Lex::Unit(..)))
                    {
                        return false;
                    }
                    if !n.space {
                        return false;
                    }
                }
                Kind::Punct(b'%') => return false,
                // "2025-01-18T09": part of a date-time, not a year.
                Kind::Punct(b'-' | b'/' | b':')
                    if !n.space
                        && self
                            .tok(e + 1)
                            .is_some_and(|x| x.kind == Kind::Num && !x.space && x.digits != 2) =>
                {
                    return false
                }
                Kind::Punct(b'.' | b',')
                    if !n.space
                        && self.tok(e + 1).is_some_and(|x| x.kind == Kind::Num && !x.space) =>
                {
                    return false
                }
                _ => {}
            }
        }
        true
    }

    /// "Thursday", "last Friday", "Thursday morning", "Tuesday nights".
    fn weekday_expr(&self, i: usize) -> M {
        // "the previous Friday", "the Friday before": counted back from the
        // last day mentioned, not from publication.
        if self.is(i, "the") && self.rel(i + 1) == Some(Rel::Previous) {
            if let Some((wd, WeekdayForm::Full | WeekdayForm::Abbr, k)) = self.weekday(i + 2) {
                return Some((Expr::WeekdayBefore { wd }, k, "previous_weekday"));
            }
        }
        let (sel, j) = match self.rel(i) {
            Some(Rel::Last | Rel::Past | Rel::Previous) => (Sel::Last, i + 1),
            Some(Rel::Next | Rel::Coming) => (Sel::Next, i + 1),
            Some(Rel::This) => (Sel::This, i + 1),
            _ => (Sel::Bare, i),
        };
        let (wd, form, k) = self.weekday(j)?;
        if form == WeekdayForm::Plural {
            if sel != Sel::Bare {
                return None;
            }
            return Some((Expr::SetWeekday { wd, part: None, quant: None }, k, "weekday_plural"));
        }
        if let Some(part) = self.day_part(k) {
            let plural = self.s(k).ends_with('s');
            if plural {
                return Some((
                    Expr::SetWeekday { wd, part: Some(part), quant: None },
                    k + 1,
                    "weekday_part_set",
                ));
            }
            let day = Expr::Weekday { wd, sel };
            return Some((Expr::DayPart { part, day: Box::new(day) }, k + 1, "weekday_part"));
        }
        Some((Expr::Weekday { wd, sel }, k, "weekday"))
    }

    /// today, yesterday, tomorrow, tonight, with a part of the day, and
    /// "the day before yesterday".
    fn deictic(&self, i: usize) -> M {
        if self.is(i, "the") && self.is(i + 1, "day") {
            if self.is(i + 2, "before") && self.is(i + 3, "yesterday") {
                return Some((Expr::DayRel(-2), i + 4, "day_before_yesterday"));
            }
            if self.is(i + 2, "after") && self.is(i + 3, "tomorrow") {
                return Some((Expr::DayRel(2), i + 4, "day_after_tomorrow"));
            }
        }
        // "the day before last Tuesday", "the day after Christmas", "the
        // day before March 3": the day next to a named day.
        let k = self.the(i);
        if k > i && self.is(k, "day") && (self.is(k + 1, "before") || self.is(k + 1, "after")) {
            let days = if self.is(k + 1, "before") { -1 } else { 1 };
            let named = [self.weekday_expr(k + 2), self.calendar(k + 2), self.holiday(k + 2)]
                .into_iter()
                .flatten()
                .filter(|(e, _, _)| {
                    matches!(
                        e,
                        Expr::Weekday { .. }
                            | Expr::Date { day: Some(_), .. }
                            | Expr::WithWeekday { .. }
                            | Expr::Holiday { .. }
                    )
                })
                .max_by_key(|m| m.1);
            if let Some((e, end, _)) = named {
                return Some((Expr::DayOffset { inner: Box::new(e), days }, end, "day_next_to"));
            }
        }
        // "USA Today", "VOA Today": capitalised after a name, mid-sentence,
        // it is part of a title.
        if self.tok(i).is_some_and(|t| t.upper)
            && !self.sentence_start(i)
            && self.tok(i - 1).is_some_and(|p| {
                p.kind == Kind::Word
                    && p.upper
                    && p.space
                    && p.lex.iter().all(|l| matches!(l, Lex::Cue(_) | Lex::NotYear(_)))
            })
        {
            return None;
        }
        let off = match self.rel(i)? {
            Rel::Today => 0,
            Rel::Yesterday => -1,
            Rel::Tomorrow => 1,
            Rel::Tonight => {
                return Some((
                    Expr::DayPart { part: DayPart::Night, day: Box::new(Expr::DayRel(0)) },
                    i + 1,
                    "tonight",
                ))
            }
            _ => return None,
        };
        if let Some(part) = self.day_part(i + 1) {
            if !self.s(i + 1).ends_with('s') {
                return Some((
                    Expr::DayPart { part, day: Box::new(Expr::DayRel(off)) },
                    i + 2,
                    "deictic_part",
                ));
            }
        }
        if off != -1 && self.names_era(i) {
            let r = if off == 0 { RefValue::Present } else { RefValue::Future };
            return Some((Expr::Ref(r), i + 1, "era"));
        }
        Some((Expr::DayRel(off), i + 1, "deictic_day"))
    }

    /// Does "today"/"tomorrow" at `i` name an era rather than a day? So it
    /// does before a generic noun of the era's people or things ("today's
    /// youth", "many of today's personal computers", "in today's dollars")
    /// and after one ("the world of tomorrow"): "nowadays", "the times to
    /// come", a vague reference, not the publication day ("today's
    /// editions", "today's vote" stay days).
    fn names_era(&self, i: usize) -> bool {
        let possessive = self.punct(i + 1, b'\'')
            && self.glued(i + 1)
            && self.is(i + 2, "s")
            && self.glued(i + 2);
        if possessive {
            // The noun, or an adjective and the noun.
            return (i + 3..=i + 4).any(|k| {
                self.tok(k).is_some_and(|t| t.kind == Kind::Word && !t.upper)
                    && super::context::is_era_noun(self.s(k))
            }) && self.tok(i + 3).is_some_and(|t| t.kind == Kind::Word);
        }
        i >= 2
            && self.is(i - 1, "of")
            && self.tok(i - 2).is_some_and(|t| t.kind == Kind::Word && !t.upper)
            && super::context::is_era_noun(self.s(i - 2))
    }

    /// this/last/next + unit, month, season, part of day; "earlier this
    /// year"; "the past two weeks" and other durations with a selector.
    fn selected(&self, i: usize) -> M {
        let start = self.the(i);
        let with_the = start > i;
        // "earlier this month", "later this year"
        if !with_the && (self.is(i, "earlier") || self.is(i, "later")) {
            if let Some((e @ Expr::Current { .. }, end, _)) = self.selected(i + 1) {
                return Some((e, end, "earlier_later_this"));
            }
            if let Some((e @ Expr::DayPart { .. }, end, _)) = self.selected(i + 1) {
                return Some((e, end, "earlier_later_this"));
            }
            // "earlier that day", "later that week": the day or week itself.
            if let Some((e @ Expr::Anaph { offset: 0, .. }, end, _)) = self.selected(i + 1) {
                return Some((e, end, "earlier_later_that"));
            }
            return None;
        }
        let rel = self.rel(start)?;
        let j = start + 1;
        // this past weekend, this coming week
        let (rel, j) = match (rel, self.rel(j)) {
            (Rel::This, Some(Rel::Past)) => (Rel::Last, j + 1),
            (Rel::This, Some(Rel::Coming)) => (Rel::Next, j + 1),
            // "that same day" is "the same day".
            (Rel::That, Some(Rel::Same)) if !with_the => (Rel::That, j + 1),
            _ => (rel, j),
        };
        let offset = match rel {
            Rel::This | Rel::Current => 0,
            Rel::Last | Rel::Previous | Rel::Past => -1,
            Rel::Next | Rel::Coming | Rel::Following => 1,
            Rel::Same | Rel::That => 0,
            _ => return None,
        };
        // Durations: "the past two weeks", "the next five years", "past 20
        // years", "the coming days", "the last year".
        if matches!(
            rel,
            Rel::Past | Rel::Last | Rel::Next | Rel::Coming | Rel::Previous | Rel::Following
        ) {
            if let Some((n, k)) = self.number(j) {
                if let Some((u, _)) = self.unit(k) {
                    if !self.is(j, "a") && !self.is(j, "an") {
                        return Some((Expr::Duration { n, unit: u }, k + 1, "selector_duration"));
                    }
                }
            }
            if let Some((u, plural)) = self.unit(j) {
                // "past years" without "the" is a vague past (see `recent`).
                let vague_past = !with_the
                    && rel == Rel::Past
                    && matches!(u, Unit::Year | Unit::Decade | Unit::Century);
                if plural && !vague_past {
                    return Some((Expr::Duration { n: None, unit: u }, j + 1, "selector_duration"));
                }
            }
        }
        // Weekdays and months are in weekday_expr / here.
        if let Some((m, _, k)) = self.month(j) {
            if with_the {
                return None;
            }
            let sel = match offset {
                -1 => Sel::Last,
                1 => Sel::Next,
                _ => Sel::This,
            };
            if matches!(rel, Rel::Same | Rel::That | Rel::Following | Rel::Previous) {
                return None;
            }
            // "last Oct. 23", "next March 5": the day, before or after
            // publication.
            if let Some((d, e)) = self.day(k) {
                if ymd(2000, m, d).is_some() && sel != Sel::This {
                    return Some((Expr::DaySel { month: m, day: d, sel }, e, "selector_day"));
                }
            }
            return Some((Expr::MonthSel { month: m, sel }, k, "selector_month"));
        }
        if let Some(s) = self.season(j) {
            let sel = match offset {
                -1 => Sel::Last,
                1 => Sel::Next,
                _ => Sel::This,
            };
            if matches!(rel, Rel::Same | Rel::Following | Rel::Previous) {
                return None;
            }
            return Some((Expr::Season { season: s, sel, year: None }, j + 1, "selector_season"));
        }
        if let Some(part) = self.day_part(j) {
            if self.s(j).ends_with('s') {
                return None;
            }
            let day = match rel {
                Rel::This if !with_the => Expr::DayRel(0),
                Rel::Last if !with_the && part == DayPart::Night => Expr::DayRel(-1),
                Rel::Same | Rel::That | Rel::Following | Rel::Next
                    if with_the || rel == Rel::That =>
                {
                    Expr::Anaph {
                        grain: Grain::Day,
                        offset: if rel == Rel::Following || rel == Rel::Next { 1 } else { 0 },
                    }
                }
                _ => return None,
            };
            return Some((Expr::DayPart { part, day: Box::new(day) }, j + 1, "selector_day_part"));
        }
        // "the current fiscal year"
        let j = if self.is(j, "fiscal") && self.is(j + 1, "year") { j + 1 } else { j };
        let (u, plural) = self.unit(j)?;
        if plural {
            return None;
        }
        let grain = unit_grain(u);
        if matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Fortnight) {
            return None;
        }
        match (rel, with_the) {
            // "the past year", "the last decade": the calendar period before
            // the current one, as "last year" (TimeBank annotates them as
            // DATEs); only a day keeps its length ("the past day").
            (Rel::Past | Rel::Last, true)
                if matches!(
                    u,
                    Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade
                ) =>
            {
                Some((Expr::Current { grain, offset: -1 }, j + 1, "selector_unit"))
            }
            // "the past day", "past week": a length.
            (Rel::Past | Rel::Last, true) | (Rel::Past, false) => {
                Some((Expr::Duration { n: Some(1), unit: u }, j + 1, "selector_duration"))
            }
            (Rel::Following | Rel::Next | Rel::Previous | Rel::Same, true) | (Rel::That, false) => {
                if u == Unit::Day && rel == Rel::Next && with_the && self.is(j + 1, "or") {
                    return None;
                }
                Some((Expr::Anaph { grain, offset }, j + 1, "anaphoric_selector"))
            }
            (
                Rel::This | Rel::Current | Rel::Last | Rel::Next | Rel::Coming | Rel::Previous,
                false,
            ) => Some((Expr::Current { grain, offset }, j + 1, "selector_unit")),
            (Rel::Current | Rel::Coming, true) => {
                Some((Expr::Current { grain, offset }, j + 1, "selector_unit"))
            }
            _ => None,
        }
    }

    /// "early March", "mid-2024", "late last year", "the end of January",
    /// "the beginning of the week", "the mid-1990s", "year-end".
    fn part_of(&self, i: usize) -> M {
        let start = self.the(i);
        // year-end, year's end, year end
        if self.is(start, "year") {
            let k = if self.punct(start + 1, b'-') && self.glued(start + 1) {
                start + 2
            } else if self.is(start + 1, "end") {
                start + 1
            } else if self.punct(start + 1, b'\'') && self.is(start + 2, "s") {
                start + 3
            } else {
                return None;
            };
            if self.is(k, "end") {
                return Some((Expr::YearEnd, k + 1, "year_end"));
            }
            return None;
        }
        let m = self.part(start)?;
        // "the end of X", "the beginning of X"
        if self.is(start + 1, "of") {
            if !(self.is(start, "end")
                || self.is(start, "beginning")
                || self.is(start, "start")
                || self.is(start, "middle")
                || self.is(start, "close")
                || self.is(start, "dawn"))
            {
                return None;
            }
            let k = start + 2;
            // "the end of the year/month/week"
            if self.is(k, "the") {
                if let Some((u, false)) = self.unit(k + 1) {
                    if matches!(
                        u,
                        Unit::Week
                            | Unit::Month
                            | Unit::Year
                            | Unit::Quarter
                            | Unit::Decade
                            | Unit::Century
                    ) {
                        let inner = Expr::Current { grain: unit_grain(u), offset: 0 };
                        return Some((
                            Expr::Mod { m, inner: Box::new(inner) },
                            k + 2,
                            "part_of_the_unit",
                        ));
                    }
                }
            }
            let (inner, end, _) = self.period(k)?;
            return Some((Expr::Mod { m, inner: Box::new(inner) }, end, "part_of"));
        }
        // "early March", "mid-2024", "late last year"
        if !(self.is(start, "early")
            || self.is(start, "mid")
            || self.is(start, "late")
            || self.is(start, "middle"))
        {
            return None;
        }
        let mut k = start + 1;
        if self.punct(k, b'-') && self.glued(k) {
            k += 1;
        }
        // "mid-afternoon yesterday", "by mid afternoon", "late evening on
        // Friday": a stretch of a part of the day, of the day named after
        // it or else of the day in focus. Not an adjective before a noun
        // ("a late-night show").
        if start == i {
            if let Some(part) = self.day_part(k).filter(|_| !self.s(k).ends_with('s')) {
                let j = if self.is(k + 1, "on") { k + 2 } else { k + 1 };
                let named = [self.deictic(j), self.weekday_expr(j)]
                    .into_iter()
                    .flatten()
                    .find(|(e, _, _)| matches!(e, Expr::DayRel(_) | Expr::Weekday { .. }));
                let (day, end) = match named {
                    Some((e, end, _)) => (e, end),
                    None => {
                        let noun_follows = self.tok(k + 1).is_some_and(|t| {
                            t.kind == Kind::Word
                                && !t.upper
                                && !["on", "in", "at", "of", "and", "or", "when", "as", "that"]
                                    .iter()
                                    .any(|w| self.is(k + 1, w))
                        });
                        if noun_follows {
                            return None;
                        }
                        (Expr::Anaph { grain: Grain::Day, offset: 0 }, k + 1)
                    }
                };
                let inner = Expr::DayPart { part, day: Box::new(day) };
                return Some((Expr::Mod { m, inner: Box::new(inner) }, end, "part_of_day_part"));
            }
        }
        // "mid-2024": the hyphen hides the year from the year rule's
        // context check.
        if k > start + 1 {
            if let Some((y, end)) = self.year(k) {
                let inner = Expr::Date { year: Some(y), month: None, day: None };
                if !self.tok(end).is_some_and(|t| t.kind == Kind::Word && !t.space) {
                    return Some((Expr::Mod { m, inner: Box::new(inner) }, end, "part_of"));
                }
            }
        }
        let (inner, end, _) = self.period(k)?;
        if let Expr::Date { day: Some(_), .. } = inner {
            return None;
        }
        Some((Expr::Mod { m, inner: Box::new(inner) }, end, "part_of"))
    }

    /// A period a part-of can apply to.
    fn period(&self, k: usize) -> M {
        let mut best: M = None;
        for m in [
            self.calendar(k),
            self.year_expr(k),
            self.selected(k),
            self.weekday_expr(k),
            self.deictic(k),
            self.quarter_half(k),
            // "early October this year".
            self.month_of(k),
        ]
        .into_iter()
        .flatten()
        {
            let (e, end, r) = m;
            {
                let ok = matches!(
                    e,
                    Expr::Date { .. }
                        | Expr::Decade(_)
                        | Expr::Century(_)
                        | Expr::Current { .. }
                        | Expr::MonthSel { .. }
                        | Expr::Season { .. }
                        | Expr::Weekday { .. }
                        | Expr::DayRel(_)
                        | Expr::Quarter { .. }
                        | Expr::Half { .. }
                        | Expr::MonthOf { .. }
                );
                if ok && best.as_ref().is_none_or(|b| end > b.1) {
                    best = Some((e, end, r));
                }
            }
        }
        if best.is_none() {
            if let Some(s) = self.season(k) {
                let (year, end) = match self.year(k + 1) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, k + 1),
                };
                return Some((Expr::Season { season: s, sel: Sel::Bare, year }, end, "season"));
            }
        }
        best
    }

    /// "summer", "the winter", "spring 2024", "the summer of 1989". "fall"
    /// alone is a season only after a temporal preposition ("in the fall",
    /// not "the fall of the city").
    fn season_expr(&self, i: usize) -> M {
        let k = self.the(i);
        let s = self.season(k)?;
        let mut j = k + 1;
        if self.is(j, "of") && self.year(j + 1).is_some() {
            j += 1;
        }
        if let Some((y, end)) = self.year(j) {
            return Some((
                Expr::Season { season: s, sel: Sel::Bare, year: Some(y) },
                end,
                "season_year",
            ));
        }
        if self.is(k + 1, "of") {
            return None;
        }
        let t = self.tok(k)?;
        let sentence_start =
            k == 0 || self.tok(k).is_some_and(|t| t.breaks > 0) || self.punct(k - 1, b'.');
        if t.upper && !sentence_start {
            return None;
        }
        if self.is(k, "fall") {
            let prev = if k > i { i.checked_sub(1) } else { k.checked_sub(1) };
            let ok = prev.is_some_and(|p| {
                [
                    "in", "during", "by", "until", "since", "through", "this", "last", "next",
                    "early", "late",
                ]
                .iter()
                .any(|w| self.is(p, w))
            });
            if !ok {
                return None;
            }
        }
        Some((Expr::Season { season: s, sel: Sel::Bare, year: None }, k + 1, "season"))
    }

    /// "the third quarter [of 1998]", "third-quarter", "the first half of
    /// 2024", "the fiscal first quarter", "Q3 1998", "the first nine months".
    fn quarter_half(&self, i: usize) -> M {
        let mut k = self.the(i);
        // "the 1988 second quarter", "this year's third quarter"
        let mut of_before: Option<Box<Expr>> = None;
        if let Some((y, e)) = self.year(k) {
            if self.ordinal(e).is_some() {
                of_before = Some(Box::new(Expr::Date { year: Some(y), month: None, day: None }));
                k = e;
            }
        } else if let Some(off) = match self.rel(k) {
            Some(Rel::This | Rel::Current) => Some(0),
            Some(Rel::Last | Rel::Previous) => Some(-1),
            Some(Rel::Next | Rel::Coming) => Some(1),
            _ => None,
        } {
            if self.is(k + 1, "year") && self.punct(k + 2, b'\'') && self.is(k + 3, "s") {
                of_before = Some(Box::new(Expr::Current { grain: Grain::Year, offset: off }));
                k += 4;
            }
        }
        if self.is(k, "fiscal") {
            k += 1;
            if self.punct(k, b'-') {
                k += 1;
            }
        }
        // "Q3", "H1 2024", "Q4 of 2023", "Q2 FY2025".
        if let Some((is_q, n)) = self.period_abbrev(k) {
            let mut end = k + 2;
            let mut of = of_before;
            if let Some((y, e)) = self.year(end).or_else(|| self.fy_year(end)) {
                of = Some(Box::new(Expr::Date { year: Some(y), month: None, day: None }));
                end = e;
            } else if self.is(end, "of") {
                if let Some((e, e_end)) = self.year(end + 1).or_else(|| self.fy_year(end + 1)) {
                    of = Some(Box::new(Expr::Date { year: Some(e), month: None, day: None }));
                    end = e_end;
                }
            }
            let e = if is_q { Expr::Quarter { n, of } } else { Expr::Half { n, of } };
            return Some((e, end, if is_q { "quarter" } else { "half" }));
        }
        // "the last half of 1989" is the second half; "the first two
        // quarters" the first half.
        let (n, j) = if k > i && self.is(k, "last") && self.is(k + 1, "half") {
            (2, k + 1)
        } else if self.is(k, "first") && self.is(k + 1, "two") && self.is(k + 2, "quarters") {
            let mut end = k + 3;
            let mut of = of_before;
            if self.is(end, "of") {
                if let Some((e @ Expr::Date { year: Some(_), month: None, .. }, e_end, _)) =
                    self.period(end + 1)
                {
                    of = Some(Box::new(e));
                    end = e_end;
                }
            }
            return Some((Expr::Half { n: 1, of }, end, "half"));
        } else {
            self.ordinal(k)?
        };
        let mut j = j;
        if self.punct(j, b'-') && self.glued(j) {
            j += 1;
        }
        let is_q = self.is(j, "quarter");
        let is_h = self.is(j, "half");
        if !(is_q || is_h) {
            return None;
        }
        if n < 1 || (is_q && n > 4) || (is_h && n > 2) {
            return None;
        }
        let mut end = j + 1;
        let mut of = None;
        if self.is(end, "of") || self.punct(end, b',') {
            if let Some((e, e_end, _)) = self.period(end + 1) {
                // "the first half of the 1990s", "the last half of the
                // '80s": a decade or century has no numbered halves in
                // TIMEX3; it is the decade's start or end.
                if is_h && matches!(e, Expr::Decade(_) | Expr::Century(_)) && self.is(end, "of") {
                    let m = if n == 1 { Mod::Start } else { Mod::End };
                    return Some((Expr::Mod { m, inner: Box::new(e) }, e_end, "half_of_decade"));
                }
                if matches!(
                    e,
                    Expr::Date { year: Some(_), month: None, .. }
                        | Expr::Current { grain: Grain::Year, .. }
                ) {
                    of = Some(Box::new(e));
                    end = e_end;
                }
            }
        } else if let Some((y, e)) = self.year(end) {
            of = Some(Box::new(Expr::Date { year: Some(y), month: None, day: None }));
            end = e;
        }
        let n = n as u32;
        let of = of.or(of_before);
        let e = if is_q { Expr::Quarter { n, of } } else { Expr::Half { n, of } };
        Some((e, end, if is_q { "quarter" } else { "half" }))
    }

    /// Quantities of time: durations ("three days", "two-year",
    /// "year-long", "for months", "the nine months"), and "two days ago",
    /// "a year earlier", "two days later".
    fn quantity(&self, i: usize) -> M {
        let start = self.the(i);
        let with_the = start > i;
        // "the first nine months"
        let mut k = start;
        if with_the && self.is(k, "first") && self.number(k + 1).is_some_and(|(n, _)| n.is_some()) {
            k += 1;
        }
        // Bare plural unit: "months", "years", "decades".
        if let Some((u, true)) = self.unit(k) {
            if with_the || k > start {
                return None;
            }
            // "years-long", "decades-old"
            let mut end = k + 1;
            if self.punct(end, b'-')
                && self.glued(end)
                && (self.is(end + 1, "long") || self.is(end + 1, "old"))
            {
                end += 2;
            }
            // "three-quarters": a fraction; "quarters" alone is rooms
            // ("living quarters") far more often than a stretch of time.
            if matches!(u, Unit::Weekend | Unit::Quarter) {
                return None;
            }
            // "minutes apart", "seconds before the blast", "the early hours
            // of Thursday": bare small units order events, they rarely
            // measure them; "for hours" still does.
            if matches!(u, Unit::Second | Unit::Minute | Unit::Hour)
                && !(k > 0 && self.is(k - 1, "for"))
            {
                return None;
            }
            return self.after_quantity(None, u, end, "vague_duration");
        }
        // "year-long", "day-long": the article of "a year-long war" belongs
        // to the noun, not to the duration.
        if let Some((u, false)) = self.unit(k) {
            if self.punct(k + 1, b'-')
                && self.glued(k + 1)
                && self.is(k + 2, "long")
                && self.glued(k + 2)
            {
                return Some((Expr::Duration { n: Some(1), unit: u }, k + 3, "unit_long"));
            }
        }
        let (mut n, j) = self.number(k)?;
        // "a year-long war", "a year-earlier level", "a year-ago quarter":
        // the article belongs to the noun.
        if (self.is(k, "a") || self.is(k, "an"))
            && (with_the
                || self.punct(j + 1, b'-')
                    && self.glued(j + 1)
                    && ["long", "old", "earlier", "ago"].iter().any(|w| self.is(j + 2, w)))
        {
            return None;
        }
        // "N-unit[-long|-old]" adjectives: "two-year", "16-hour", "year-long".
        let mut j2 = j;
        let hyphen = self.punct(j2, b'-') && self.glued(j2) && self.glued(j2 + 1);
        if hyphen {
            j2 += 1;
        }
        // "two and a half years" is not handled; "a year and a half" either.
        // "two more weeks", "at least 20 more years"
        if !hyphen && self.is(j2, "more") && self.unit(j2 + 1).is_some() {
            j2 += 1;
        }
        // "an additional year", "a further six months", "two extra days", "a
        // full week": the adjective belongs to the length.
        if !hyphen && LENGTH_ADJECTIVES.iter().any(|w| self.is(j2, w)) {
            let (n2, k2) = match self.number(j2 + 1) {
                // "a further six months": the count follows the adjective.
                Some((Some(m), after))
                    if (self.is(k, "a") || self.is(k, "an"))
                        && !self.is(j2 + 1, "a")
                        && !self.is(j2 + 1, "an") =>
                {
                    (Some(m), after)
                }
                _ => (n, j2 + 1),
            };
            if self.unit(k2).is_some() {
                n = n2;
                j2 = k2;
            }
        }
        // "eight trading days", "ten business days", "three working weeks".
        if !hyphen
            && ["trading", "business", "working"].iter().any(|w| self.is(j2, w))
            && matches!(self.unit(j2 + 1), Some((Unit::Day | Unit::Week, _)))
        {
            j2 += 1;
        }
        let (u, plural) = self.unit(j2)?;
        // "Islam will one day be...": "one day" after a modal is "some day".
        if u == Unit::Day
            && !plural
            && self.is(k, "one")
            && k == i
            && i > 0
            && ["will", "would", "could", "may", "might", "can", "should"]
                .iter()
                .any(|w| self.is(i - 1, w))
        {
            return Some((Expr::Ref(RefValue::Future), j2 + 1, "one_day_future"));
        }
        let article = self.is(k, "a") || self.is(k, "an");
        if article && k == i && !plural && !hyphen {
            if let Some(m) = self.rate(i, u, j2 + 1) {
                return Some(m);
            }
        }
        // "the 1988 second quarter", "5 hour": a singular unit takes one.
        // Spoken copy writes "five year", "two day": allowed for number
        // words, not for digit runs that are years or for "second".
        let digits = self.tok(k).is_some_and(|t| t.kind == Kind::Num && t.digits >= 3);
        if !plural && !hyphen && n.is_some_and(|n| n != 1) && (digits || u == Unit::Second) {
            return None;
        }
        // "a second time", "a second round": the ordinal, not the unit.
        if u == Unit::Second && !plural {
            let closes = self.tok(j2 + 1).is_none_or(|t| matches!(t.kind, Kind::Punct(_)))
                || matches!(self.rel(j2 + 1), Some(Rel::Ago | Rel::Earlier | Rel::Later));
            if article && !closes {
                return None;
            }
        }
        // "three-quarters of", "a quarter of the vote": fractions.
        // "several quarters of losses" is a stretch of time.
        if u == Unit::Quarter && (hyphen && plural || n.is_some() && self.is(j2 + 1, "of")) {
            return None;
        }
        let mut end = j2 + 1;
        if self.punct(end, b'-') && self.glued(end) && self.glued(end + 1) {
            if self.is(end + 1, "old") {
                // Ages are not temporal expressions here: consume, no tag.
                return Some((Expr::Invalid("an age"), end + 2, "age"));
            }
            if self.is(end + 1, "long") {
                end += 2;
            }
        }
        // "37 years old", "55 years old or older": an age, like "a
        // 48-year-old" above.
        if plural && n.is_some() && !hyphen && self.is(end, "old") {
            return Some((Expr::Invalid("an age"), end + 1, "age"));
        }
        // "six months of base pay", "two weeks' salary": an amount of
        // money measured in time.
        if !hyphen && self.pay_follows(end) {
            return Some((Expr::Invalid("an amount of pay"), end, "pay"));
        }
        if hyphen {
            return Some((Expr::Duration { n, unit: u }, end, "hyphen_duration"));
        }
        if with_the {
            return Some((Expr::Duration { n, unit: u }, end, "the_duration"));
        }
        self.after_quantity(n, u, end, "duration")
    }

    /// "a year" at `i` (unit `u`, ending before `end`) as the second half of
    /// a rate. After an amount of money or a share ("$500 million a year",
    /// "8% a month") it is a measure, like "miles per hour": no temporal
    /// expression. After a count of things ("four flights a week",
    /// "hundreds of interviews a day") it is how often they happen: a set.
    /// A following "ago", "earlier", "later", "after"... keeps it a
    /// quantity of time ("$5 a year ago").
    fn rate(&self, i: usize, u: Unit, end: usize) -> M {
        if i == 0 || self.rel(end).is_some() || self.is(end, "from") {
            return None;
        }
        if self.amount_ends_at(i - 1) {
            return Some((Expr::Invalid("a rate"), end, "rate"));
        }
        // A plural noun (not a unit: "24 hours a day" is a length per day,
        // no count of things) after a number within three words.
        let noun = self.tok(i - 1).is_some_and(|t| {
            t.kind == Kind::Word && self.s(i - 1).len() > 3 && self.s(i - 1).ends_with('s')
        }) && self.unit(i - 1).is_none();
        let counted = noun
            && (2..=4).take_while(|k| *k <= i).any(|k| {
                self.toks[i - k].kind == Kind::Num
                    || self.find(i - k, |l| matches!(l, Lex::Num(Some(_))).then_some(())).is_some()
                    || ["hundreds", "thousands", "millions", "dozens"]
                        .iter()
                        .any(|w| self.is(i - k, w))
            });
        if counted {
            return Some((
                Expr::SetUnit { n: 1, unit: u, quant: None, freq: None },
                end,
                "rate_set",
            ));
        }
        None
    }

    /// Does an amount of money or a share end at token `k` ("$5 million",
    /// "20%", "12 percent", "$1.76", "358,000")? A bare number counts only
    /// with a currency sign or a thousands group before it, so that "in 1990
    /// a year later" is no rate.
    fn amount_ends_at(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else { return false };
        if super::context::is_amount_word(self.s(k)) {
            return k > 0
                && self.tok(k - 1).is_some_and(|p| matches!(p.kind, Kind::Num | Kind::Word));
        }
        if t.kind != Kind::Num {
            return false;
        }
        // Walk back over "1,234" / "1.76" groups to the first digits.
        let mut s = k;
        while s >= 2
            && (self.punct(s - 1, b',') || self.punct(s - 1, b'.'))
            && self.glued(s - 1)
            && self.glued(s)
            && self.tok(s - 2).is_some_and(|p| p.kind == Kind::Num)
        {
            s -= 2;
        }
        s < k
            || (s > 0
                && self.glued(s)
                && self.tok(s - 1).is_some_and(|p| matches!(p.kind, Kind::Punct(b'$' | b'#'))))
    }

    /// Does a noun of pay follow at `k`: "of [base] pay", "' salary"?
    fn pay_follows(&self, k: usize) -> bool {
        let noun = |j: usize| {
            self.tok(j).is_some_and(|t| t.kind == Kind::Word)
                && super::context::is_pay_noun(self.s(j))
        };
        if self.punct(k, b'\'') && self.glued(k) {
            return noun(k + 1);
        }
        self.is(k, "of") && (noun(k + 1) || (noun(k + 2) && self.unit(k + 1).is_none()))
    }

    fn after_quantity(&self, n: Option<u32>, u: Unit, end: usize, rule: &'static str) -> M {
        // "a week or so ago", "two days or so": an approximate quantity.
        if self.is(end, "or") && self.is(end + 1, "so") {
            let (inner, e, r) = self.after_quantity(n, u, end + 2, rule)?;
            return Some((Expr::Mod { m: Mod::Approx, inner: Box::new(inner) }, e, r));
        }
        match self.rel(end) {
            Some(Rel::Ago) => {
                return Some((Expr::Ago { n, unit: u, sign: -1 }, end + 1, "ago"));
            }
            Some(Rel::Earlier | Rel::Later) => {
                let sign = if self.is(end, "earlier") { -1 } else { 1 };
                return Some((Expr::Shift { n, unit: u, sign }, end + 1, "shift"));
            }
            Some(Rel::Before | Rel::After) => {
                // "a day before." / "the day after," with nothing after:
                // anaphoric; "two days after the attack" stays a duration.
                let closes = self.tok(end + 1).is_none_or(|t| matches!(t.kind, Kind::Punct(_)));
                if closes {
                    let sign = if self.is(end, "before") { -1 } else { 1 };
                    return Some((Expr::Shift { n, unit: u, sign }, end + 1, "shift"));
                }
            }
            _ => {}
        }
        if self.is(end, "from") && self.is(end + 1, "now") {
            return Some((Expr::Ago { n, unit: u, sign: 1 }, end + 2, "from_now"));
        }
        // "a day", "a week" right after a count or amount: a rate ("twice a
        // week", "$5 a day") is a set, handled in set().
        Some((Expr::Duration { n, unit: u }, end, rule))
    }

    /// Clock times: "10 a.m.", "10:35 a.m. EST", "noon", "midnight
    /// Friday", "5 p.m. Nov. 9".
    fn clock(&self, i: usize) -> M {
        let (minutes, j) = if let Some(c) =
            self.find(i, |l| if let Lex::Clock(c) = l { Some(*c) } else { None })
        {
            (c, i + 1)
        } else {
            let t = self.tok(i)?;
            if t.kind != Kind::Num {
                return None;
            }
            let (h, m, k) = if t.digits <= 2 && self.punct(i + 1, b':') && self.glued(i + 1) {
                let mt =
                    self.tok(i + 2).filter(|x| x.kind == Kind::Num && x.digits == 2 && !x.space)?;
                (t.num, mt.num, i + 3)
            } else if t.digits <= 2 {
                (t.num, 0, i + 1)
            } else {
                return None;
            };
            if h > 24 || m > 59 {
                return None;
            }
            // a.m. / p.m. / am / pm
            // "4 in the morning", "9 in the evening", "11 at night".
            let spoken = if (1..=12).contains(&h) && self.tok(i + 1).is_some_and(|x| x.space) {
                let (part, after) = if self.is(k, "in") && self.is(k + 1, "the") {
                    (self.day_part(k + 2), k + 3)
                } else if self.is(k, "at") && self.is(k + 1, "night") {
                    (Some(DayPart::Night), k + 2)
                } else {
                    (None, k)
                };
                part.filter(|_| !self.s(after - 1).ends_with('s')).map(|p| {
                    let pm = match p {
                        DayPart::Morning => false,
                        DayPart::Night => h != 12 && h >= 6,
                        _ => true,
                    };
                    (Some(pm), after)
                })
            } else {
                None
            };
            let (pm, k2) = if let Some(x) = self.meridiem(k) {
                x
            } else if let Some(x) = spoken {
                x
            } else if k == i + 3 && self.zone(k).is_some() {
                (None, k)
            } else {
                return None;
            };
            let h = match pm {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
            (h * 60 + m, k2)
        };
        let mut end = j;
        if let Some(z) = self.zone(end) {
            end = z;
        }
        // Attached day: "noon Thursday", "10 p.m. Wednesday", "5 p.m. EST, Nov. 9".
        let k = if self.punct(end, b',') { end + 1 } else { end };
        let mut day = None;
        let dm = [self.weekday_expr(k), self.calendar(k), self.deictic(k)];
        for m in dm.into_iter().flatten() {
            if matches!(
                m.0,
                Expr::Weekday { .. } | Expr::Date { day: Some(_), .. } | Expr::DayRel(_)
            ) {
                day = Some(Box::new(m.0));
                end = m.1;
                break;
            }
        }
        Some((Expr::Time { minutes, day }, end, "clock"))
    }

    /// "a.m.", "p.m", "am", "pm": Some(true) for pm.
    fn meridiem(&self, k: usize) -> Option<(Option<bool>, usize)> {
        let first = self.s(k).to_ascii_lowercase();
        match first.as_str() {
            "am" | "pm" => return Some((Some(first == "pm"), k + 1)),
            "a" | "p" => {}
            _ => return None,
        }
        let pm = first == "p";
        if self.punct(k + 1, b'.') && self.glued(k + 1) && self.is(k + 2, "m") && self.glued(k + 2)
        {
            let end = if self.punct(k + 3, b'.') && self.glued(k + 3) { k + 4 } else { k + 3 };
            return Some((Some(pm), end));
        }
        None
    }

    /// A time-zone abbreviation after a clock time.
    fn zone(&self, k: usize) -> Option<usize> {
        let s = self.s(k);
        let zones = [
            "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET",
            "CEST",
        ];
        if zones.contains(&s) {
            Some(k + 1)
        } else {
            None
        }
    }

    /// Recurrences: "daily", "every week", "each Thursday", "every two
    /// years", "twice a week", "three times a year".
    fn set(&self, i: usize) -> M {
        if let Some(u) = self.find(i, |l| if let Lex::Freq(u) = l { Some(*u) } else { None }) {
            // "annual" only before a noun is a set ("annual meeting" is not
            // tagged by TimeBank either way); keep adverbs and "daily".
            if self.is(i, "annual") {
                return None;
            }
            // "rise 8.5% annually", "$17.9 million annually": a rate.
            if i > 0 && self.amount_ends_at(i - 1) {
                return Some((Expr::Invalid("a rate"), i + 1, "rate"));
            }
            // "quarterly dividend", "quarterly results": in business news
            // the adjective names a kind of report, not a recurrence, and
            // TimeBank leaves it untagged ("daily" before a noun is kept: "a
            // daily briefing" is a recurrence).
            let joins = ["and", "or", "but", "in", "on", "at", "by", "to", "for", "since", "until"];
            if self.is(i, "quarterly")
                && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Word && !t.upper)
                && !joins.iter().any(|w| self.is(i + 1, w))
            {
                return None;
            }
            return Some((
                Expr::SetUnit { n: 1, unit: u, quant: None, freq: None },
                i + 1,
                "frequency_word",
            ));
        }
        if self.is(i, "every") || self.is(i, "each") {
            let quant = if self.is(i, "every") { "EVERY" } else { "EACH" };
            let j = i + 1;
            if let Some((wd, _, k)) = self.weekday(j) {
                let part = self.day_part(k);
                let end = if part.is_some() { k + 1 } else { k };
                return Some((
                    Expr::SetWeekday { wd, part, quant: Some(quant) },
                    end,
                    "every_weekday",
                ));
            }
            if let Some((m, _, k)) = self.month(j) {
                return Some((Expr::SetMonth { month: m, quant: Some(quant) }, k, "every_month"));
            }
            let (n, k) = match self.number(j) {
                Some((Some(n), k)) if !self.is(j, "a") => (n, k),
                _ => (1, j),
            };
            let (n, k) = if self.is(k, "other") { (2, k + 1) } else { (n, k) };
            let (u, _) = self.unit(k)?;
            return Some((
                Expr::SetUnit { n, unit: u, quant: Some(quant), freq: None },
                k + 1,
                "every_unit",
            ));
        }
        // "once a week", "twice a year", "three times a month"
        let (freq, j) = if self.is(i, "once") {
            (1, i + 1)
        } else if self.is(i, "twice") {
            (2, i + 1)
        } else {
            let (n, k) = self.number(i)?;
            if !self.is(k, "times") {
                return None;
            }
            (n?, k + 1)
        };
        if !(self.is(j, "a")
            || self.is(j, "an")
            || self.is(j, "per")
            || self.is(j, "each")
            || self.is(j, "every"))
        {
            return None;
        }
        let (u, false) = self.unit(j + 1)? else { return None };
        Some((
            Expr::SetUnit { n: 1, unit: u, quant: None, freq: Some(freq) },
            j + 2,
            "times_per_unit",
        ))
    }

    /// now, currently, recently, the future, ...
    fn reference(&self, i: usize) -> M {
        let (kind, end) = self.phrase(i)?;
        let PhraseKind::Ref(r) = kind else { return None };
        // "current" and "recent" as adjectives: only before a noun, not in
        // "current account"-like compounds we cannot tell; keep them.
        if self.is(i, "soon") && end == i + 1 && !self.soon_is_future(i) {
            return None;
        }
        // "Now for the weather", "Now, let's turn to...": opening a
        // sentence before "for" or "let", "now" moves the discourse on and
        // refers to no time.
        if self.is(i, "now") && end == i + 1 && self.sentence_start(i) {
            let k = if self.punct(i + 1, b',') { i + 2 } else { i + 1 };
            if self.is(k, "for") || self.is(k, "let") {
                return None;
            }
        }
        // "the past three summers", "the past 20 years": a stretch, not the
        // vague past.
        if self.is(i + 1, "past")
            && end == i + 2
            && self.tok(end).is_some_and(|t| t.kind == Kind::Num || self.number(end).is_some())
        {
            return None;
        }
        Some((Expr::Ref(r), end, "reference"))
    }

    /// "soon" names the future only as an adverb of a clause still to come
    /// ("a deal will come soon"). "as soon as" is a conjunction, "soon
    /// after" a relation between two events, and in past narration ("was
    /// soon released", "soon became") it is a sequence, not a reference to
    /// the future.
    fn soon_is_future(&self, i: usize) -> bool {
        if i > 0 && self.is(i - 1, "as") && self.is(i + 1, "as") {
            return false;
        }
        if ["after", "afterward", "afterwards", "thereafter", "before"]
            .iter()
            .any(|w| self.is(i + 1, w))
        {
            return false;
        }
        let past = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.kind == Kind::Word
                    && (t.lex.iter().any(|l| matches!(l, Lex::Cue(Cue::Past | Cue::Report)))
                        || (!t.upper && self.s(k).len() > 4 && self.s(k).ends_with("ed")))
            })
        };
        !(past(i + 1) || (i > 0 && past(i - 1)))
    }

    /// "the day before", "the day after" at the end of a clause.
    fn anaphoric(&self, i: usize) -> M {
        if !self.is(i, "the") {
            return None;
        }
        let (u, false) = self.unit(i + 1)? else { return None };
        let sign = if self.is(i + 2, "before") {
            -1
        } else if self.is(i + 2, "after") {
            1
        } else {
            return None;
        };
        let closes = self.tok(i + 3).is_none_or(|t| matches!(t.kind, Kind::Punct(_)));
        if !closes {
            return None;
        }
        Some((Expr::Anaph { grain: unit_grain(u), offset: sign }, i + 3, "the_unit_before_after"))
    }
}
