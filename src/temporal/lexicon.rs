//! The temporal lexicon: every word the tagger knows, loaded once from the
//! plain files in `data/temporal/` into one hash map from lower-case word to
//! its readings.
//!
//! A word can have several readings ("may": month and modal verb; "second":
//! ordinal and unit; "last": selector, ordinal and past cue); the grammar
//! picks the one that fits. Lookups lower-case into a stack buffer, so they
//! never allocate.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::lexicon::{rows, source};

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        })
    }
}

/// How a month name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthForm {
    Full,
    Abbr,
    /// Also a common word ("May", "March"): needs date context.
    Ambiguous,
}

/// How a weekday name is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeekdayForm {
    Full,
    Abbr,
    Plural,
}

/// A part of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// The TIMEX3 code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// A relative word's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    This,
    Last,
    Next,
    Past,
    Previous,
    Coming,
    Following,
    Same,
    That,
    Current,
    Ago,
    Earlier,
    Later,
    Before,
    After,
}

/// A vague reference value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefValue {
    Present,
    Past,
    Future,
}

impl RefValue {
    pub(crate) fn value(self) -> &'static str {
        match self {
            RefValue::Present => "PRESENT_REF",
            RefValue::Past => "PAST_REF",
            RefValue::Future => "FUTURE_REF",
        }
    }
}

/// A TIMEX3 `mod`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mod {
    Start,
    Mid,
    End,
    Approx,
    MoreThan,
    LessThan,
    EqualOrMore,
    EqualOrLess,
    Before,
    After,
}

impl Mod {
    fn parse(s: &str) -> Option<Mod> {
        Some(match s {
            "START" => Mod::Start,
            "MID" => Mod::Mid,
            "END" => Mod::End,
            "APPROX" => Mod::Approx,
            "MORE_THAN" => Mod::MoreThan,
            "LESS_THAN" => Mod::LessThan,
            "EQUAL_OR_MORE" => Mod::EqualOrMore,
            "EQUAL_OR_LESS" => Mod::EqualOrLess,
            "BEFORE" => Mod::Before,
            "AFTER" => Mod::After,
            _ => return None,
        })
    }

    /// The TIMEX3 spelling.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Mod::Start => "START",
            Mod::Mid => "MID",
            Mod::End => "END",
            Mod::Approx => "APPROX",
            Mod::MoreThan => "MORE_THAN",
            Mod::LessThan => "LESS_THAN",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::Before => "BEFORE",
            Mod::After => "AFTER",
        }
    }
}

/// A tense cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    Past,
    Future,
    /// A reporting verb: past, but only for a date right next to it.
    Report,
    Neutral,
    /// A present-tense verb of arrangement ("meet", "opens"): future, but
    /// only right before the date and when nothing else gives a tense.
    Schedule,
}

/// Which side of a number a not-a-year word sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Before,
    After,
}

/// One reading of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    Month(u32, MonthForm),
    Weekday(u32, WeekdayForm),
    /// A cardinal; `None` for vague quantities ("several").
    Num(Option<u32>),
    Ord(i32),
    Unit(Unit, bool),
    Season(u8),
    DayPart(DayPart),
    /// A clock word: minutes after midnight ("noon" = 720).
    Clock(u32),
    Rel(Rel),
    Part(Mod),
    Freq(Unit),
    Cue(Cue),
    NotYear(Side),
    /// First word of a multi-word phrase: index into [`Lexicon::phrases`].
    Phrase(u16),
    /// Not temporal, but can start an expression ("every", "the").
    Starter,
    /// A decade in words ("nineties" = 9).
    DecadeWord(u8),
}

/// How a holiday's date is computed in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The `n`th weekday (1 = Monday) of a month (`n` = -1: the last), plus
    /// some days.
    Nth { n: i32, weekday: u32, month: u32, plus: i64 },
    /// Days after Western Easter Sunday.
    Easter(i64),
    /// The ISO week of Easter Sunday.
    EasterWeek,
}

/// What a multi-word phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    Ref(RefValue),
    Mod(Mod),
    Holiday(HolidayRule),
}

fn parse_holiday(rule: &str) -> Option<HolidayRule> {
    let parts: Vec<&str> = rule.split(':').collect();
    let num = |s: &str| s.parse::<i64>().ok();
    Some(match parts.as_slice() {
        ["easterweek"] => HolidayRule::EasterWeek,
        ["easter", k] => HolidayRule::Easter(num(k)?),
        ["nth", n, w, m] => HolidayRule::Nth {
            n: i32::try_from(num(n)?).ok()?,
            weekday: u32::try_from(num(w)?).ok().filter(|w| (1..=7).contains(w))?,
            month: u32::try_from(num(m)?).ok().filter(|m| (1..=12).contains(m))?,
            plus: 0,
        },
        ["nth+", n, w, m, k] => HolidayRule::Nth {
            n: i32::try_from(num(n)?).ok()?,
            weekday: u32::try_from(num(w)?).ok().filter(|w| (1..=7).contains(w))?,
            month: u32::try_from(num(m)?).ok().filter(|m| (1..=12).contains(m))?,
            plus: num(k)?,
        },
        [md] => {
            let (m, d) = md.split_once('-')?;
            let (m, d) = (m.parse().ok()?, d.parse().ok()?);
            chrono::NaiveDate::from_ymd_opt(2000, m, d)?;
            HolidayRule::Fixed(m, d)
        }
        _ => return None,
    })
}

/// A multi-word (or single-word) phrase.
#[derive(Debug)]
pub(crate) struct Phrase {
    /// Lower-case words.
    pub(crate) words: Vec<Box<str>>,
    pub(crate) kind: PhraseKind,
}

/// Longest word looked up: longer ones are never temporal.
const MAX_WORD: usize = 24;

/// Can a word token be looked up as `w`: ASCII letters, not too long?
pub(crate) fn lookable(w: &str) -> bool {
    !w.is_empty() && w.len() <= MAX_WORD && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// A word of at most [`MAX_WORD`] bytes packed into three little-endian
/// words, zero-padded: two keys are equal when their packs are.
pub(crate) type Packed = [u64; 3];

/// The pack of `text[start..end]`, lower-cased by setting bit 5 of every
/// byte: right for ASCII letters, which is all a word token the tokenizer
/// looks up holds. `None` when longer than [`MAX_WORD`]. Reads the text
/// eight bytes at a time where it can.
#[inline]
pub(crate) fn pack_letters(text: &[u8], start: usize, end: usize) -> Option<Packed> {
    let len = end - start;
    if len > MAX_WORD {
        return None;
    }
    let mut p = [0u64; 3];
    for (c, slot) in p.iter_mut().enumerate().take(len.div_ceil(8)) {
        let at = start + c * 8;
        let n = (len - c * 8).min(8);
        let v = match text.get(at..at + 8) {
            Some(b) => u64::from_le_bytes(b.try_into().unwrap_or([0; 8])),
            None => {
                let mut b = [0u8; 8];
                b[..n].copy_from_slice(&text[at..at + n]);
                u64::from_le_bytes(b)
            }
        };
        let mask = if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
        *slot = (v | 0x2020_2020_2020_2020) & mask;
    }
    Some(p)
}

/// The pack of a lexicon key, as it is (keys are lower case already).
fn pack_key(k: &[u8]) -> Option<Packed> {
    if k.is_empty() || k.len() > MAX_WORD {
        return None;
    }
    let mut p = [0u64; 3];
    for (c, chunk) in k.chunks(8).enumerate() {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        p[c] = u64::from_le_bytes(b);
    }
    Some(p)
}

/// The hash of a pack.
#[inline]
fn hash(p: &Packed) -> u64 {
    let h =
        (p[0] ^ p[1].rotate_left(21) ^ p[2].rotate_left(42)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 32)
}

/// The known words: an open-addressed table built once from the data
/// files and never changed afterwards. Its multiplier is chosen at build
/// time so that every key lies within `probes` slots of its home slot;
/// a lookup therefore costs at most `probes` comparisons whatever the
/// text, and since text never inserts into the table, no input can make
/// lookups slower (the reason a keyed hasher is needed elsewhere).
struct Words {
    /// Lower-case keys (kept for the tests), their packs, readings and
    /// gate bits (see [`super::grammar::bit`]), by entry.
    #[cfg(test)]
    keys: Vec<Box<[u8]>>,
    packs: Vec<Packed>,
    readings: Vec<Vec<Lex>>,
    bits: Vec<u64>,
    /// Entry + 1 by slot; 0 is an empty slot.
    slots: Vec<u16>,
    mult: u64,
    shift: u32,
    probes: usize,
}

impl Words {
    fn empty() -> Words {
        Words::build(Vec::new(), Vec::new(), Vec::new())
    }

    fn build(keys: Vec<Box<[u8]>>, readings: Vec<Vec<Lex>>, bits: Vec<u64>) -> Words {
        // Keys no token can be looked up as (too long) keep an entry but no
        // slot; their pack is never compared.
        let packs: Vec<Option<Packed>> = keys.iter().map(|k| pack_key(k)).collect();
        let size = (keys.len() * 4).next_power_of_two().max(64);
        let shift = 64 - size.trailing_zeros();
        let place = |mult: u64| {
            let mut slots = vec![0u16; size];
            let mut worst = 0;
            for (e, p) in packs.iter().enumerate() {
                let Some(p) = p else { continue };
                let mut s = (hash(p).wrapping_mul(mult) >> shift) as usize;
                let mut d = 0;
                while slots[s] != 0 {
                    s = (s + 1) & (size - 1);
                    d += 1;
                }
                slots[s] = u16::try_from(e + 1).unwrap_or(u16::MAX);
                worst = worst.max(d);
            }
            (slots, worst)
        };
        // Deterministic candidates (splitmix64 of a counter), the first
        // with every key at most one slot from home, else the best tried.
        let mut best: Option<(u64, Vec<u16>, usize)> = None;
        let mut x: u64 = 0;
        for _ in 0..256 {
            x = x.wrapping_add(0x9e3779b97f4a7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
            let mult = (z ^ (z >> 31)) | 1;
            let (slots, worst) = place(mult);
            if best.as_ref().is_none_or(|b| worst < b.2) {
                best = Some((mult, slots, worst));
            }
            if worst <= 1 {
                break;
            }
        }
        let (mult, slots, worst) = best.unwrap_or((1, vec![0; size], 0));
        let packs = packs.into_iter().map(|p| p.unwrap_or([u64::MAX; 3])).collect();
        Words {
            #[cfg(test)]
            keys,
            packs,
            readings,
            bits,
            slots,
            mult,
            shift,
            probes: worst + 1,
        }
    }

    /// The readings and gate bits of the word packed as `p`.
    #[inline]
    fn get(&self, p: &Packed) -> (&[Lex], u64) {
        let mask = self.slots.len() - 1;
        let mut s = (hash(p).wrapping_mul(self.mult) >> self.shift) as usize;
        for _ in 0..self.probes {
            let Some(e) = usize::from(self.slots[s]).checked_sub(1) else { return (&[], 0) };
            if self.packs[e] == *p {
                return (&self.readings[e], self.bits[e]);
            }
            s = (s + 1) & mask;
        }
        (&[], 0)
    }
}

/// The loaded lexicon.
pub(crate) struct Lexicon {
    words: Words,
    pub(crate) phrases: Vec<Phrase>,
}

/// A malformed line in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DataError {
    pub(crate) file: &'static str,
    pub(crate) line: usize,
    pub(crate) message: String,
}

type Files = [(&'static str, std::borrow::Cow<'static, str>); 17];

fn files() -> Files {
    macro_rules! file {
        ($name:literal) => {
            (
                $name,
                source(
                    concat!("temporal/", $name),
                    include_str!(concat!("../../data/temporal/", $name)),
                ),
            )
        };
    }
    [
        file!("months.tsv"),
        file!("weekdays.tsv"),
        file!("numbers.tsv"),
        file!("ordinals.tsv"),
        file!("units.tsv"),
        file!("seasons.tsv"),
        file!("day_parts.tsv"),
        file!("relative.tsv"),
        file!("refs.tsv"),
        file!("parts.tsv"),
        file!("frequencies.tsv"),
        file!("modifiers.tsv"),
        file!("tense.tsv"),
        file!("not_year.tsv"),
        file!("starters.tsv"),
        file!("decades.tsv"),
        file!("holidays.tsv"),
    ]
}

impl Lexicon {
    /// Parse every data file; the first malformed line is an error.
    pub(crate) fn load() -> Result<Lexicon, DataError> {
        let mut lex = Loading::default();
        for (name, text) in files().iter() {
            for (line, cols) in rows(text) {
                let bad = |m: &str| DataError { file: name, line, message: m.to_string() };
                let word = cols[0].to_ascii_lowercase();
                let col = |i: usize| cols.get(i).copied().ok_or_else(|| bad("missing column"));
                let reading = match *name {
                    "months.tsv" => {
                        let m: u32 = col(1)?.parse().map_err(|_| bad("bad month"))?;
                        if !(1..=12).contains(&m) {
                            return Err(bad("month out of range"));
                        }
                        let form = match col(2)? {
                            "full" => MonthForm::Full,
                            "abbr" => MonthForm::Abbr,
                            "ambiguous" => MonthForm::Ambiguous,
                            _ => return Err(bad("form must be full, abbr or ambiguous")),
                        };
                        Lex::Month(m, form)
                    }
                    "weekdays.tsv" => {
                        let d: u32 = col(1)?.parse().map_err(|_| bad("bad weekday"))?;
                        if !(1..=7).contains(&d) {
                            return Err(bad("weekday out of range"));
                        }
                        let form = match col(2)? {
                            "full" => WeekdayForm::Full,
                            "abbr" => WeekdayForm::Abbr,
                            "plural" => WeekdayForm::Plural,
                            _ => return Err(bad("form must be full, abbr or plural")),
                        };
                        Lex::Weekday(d, form)
                    }
                    "numbers.tsv" => match col(1)? {
                        "X" => Lex::Num(None),
                        v => Lex::Num(Some(v.parse().map_err(|_| bad("bad number"))?)),
                    },
                    "ordinals.tsv" => Lex::Ord(col(1)?.parse().map_err(|_| bad("bad ordinal"))?),
                    "units.tsv" => {
                        let u = Unit::parse(col(1)?).ok_or_else(|| bad("unknown unit"))?;
                        let plural = match col(2)? {
                            "singular" => false,
                            "plural" => true,
                            _ => return Err(bad("number must be singular or plural")),
                        };
                        Lex::Unit(u, plural)
                    }
                    "seasons.tsv" => Lex::Season(match col(1)? {
                        "SP" => 0,
                        "SU" => 1,
                        "FA" => 2,
                        "WI" => 3,
                        _ => return Err(bad("season must be SP, SU, FA or WI")),
                    }),
                    "day_parts.tsv" => match col(1)? {
                        "MO" => Lex::DayPart(DayPart::Morning),
                        "AF" => Lex::DayPart(DayPart::Afternoon),
                        "EV" => Lex::DayPart(DayPart::Evening),
                        "NI" => Lex::DayPart(DayPart::Night),
                        v => {
                            let (h, m) = v.split_once(':').ok_or_else(|| bad("bad value"))?;
                            let h: u32 = h.parse().map_err(|_| bad("bad hour"))?;
                            let m: u32 = m.parse().map_err(|_| bad("bad minute"))?;
                            if h > 24 || m > 59 {
                                return Err(bad("clock time out of range"));
                            }
                            Lex::Clock(h * 60 + m)
                        }
                    },
                    "relative.tsv" => Lex::Rel(match col(1)? {
                        "today" => Rel::Today,
                        "yesterday" => Rel::Yesterday,
                        "tomorrow" => Rel::Tomorrow,
                        "tonight" => Rel::Tonight,
                        "this" => Rel::This,
                        "last" => Rel::Last,
                        "next" => Rel::Next,
                        "past" => Rel::Past,
                        "previous" => Rel::Previous,
                        "coming" => Rel::Coming,
                        "following" => Rel::Following,
                        "same" => Rel::Same,
                        "that" => Rel::That,
                        "current" => Rel::Current,
                        "ago" => Rel::Ago,
                        "earlier" => Rel::Earlier,
                        "later" => Rel::Later,
                        "before" => Rel::Before,
                        "after" => Rel::After,
                        _ => return Err(bad("unknown role")),
                    }),
                    "refs.tsv" | "modifiers.tsv" | "holidays.tsv" => {
                        let kind = if *name == "holidays.tsv" {
                            PhraseKind::Holiday(
                                parse_holiday(col(1)?).ok_or_else(|| bad("bad holiday rule"))?,
                            )
                        } else if *name == "refs.tsv" {
                            PhraseKind::Ref(match col(1)? {
                                "PRESENT_REF" => RefValue::Present,
                                "PAST_REF" => RefValue::Past,
                                "FUTURE_REF" => RefValue::Future,
                                _ => return Err(bad("unknown reference value")),
                            })
                        } else {
                            PhraseKind::Mod(Mod::parse(col(1)?).ok_or_else(|| bad("unknown mod"))?)
                        };
                        let words: Vec<Box<str>> = word.split(' ').map(Box::from).collect();
                        if words.iter().any(|w| w.is_empty()) {
                            return Err(bad("phrase words are separated by single spaces"));
                        }
                        let idx = u16::try_from(lex.phrases.len()).map_err(|_| bad("too many"))?;
                        let first = words[0].to_string();
                        lex.phrases.push(Phrase { words, kind });
                        lex.add(first, Lex::Phrase(idx));
                        continue;
                    }
                    "parts.tsv" => {
                        Lex::Part(Mod::parse(col(1)?).ok_or_else(|| bad("unknown mod"))?)
                    }
                    "frequencies.tsv" => {
                        Lex::Freq(Unit::parse(col(1)?).ok_or_else(|| bad("unknown unit"))?)
                    }
                    "tense.tsv" => Lex::Cue(match col(1)? {
                        "past" => Cue::Past,
                        "future" => Cue::Future,
                        "neutral" => Cue::Neutral,
                        "schedule" => Cue::Schedule,
                        "report" => Cue::Report,
                        _ => return Err(bad("cue must be past, future, report or neutral")),
                    }),
                    "not_year.tsv" => Lex::NotYear(match col(1)? {
                        "before" => Side::Before,
                        "after" => Side::After,
                        _ => return Err(bad("side must be before or after")),
                    }),
                    "starters.tsv" => Lex::Starter,
                    "decades.tsv" => {
                        let d: u8 = col(1)?.parse().map_err(|_| bad("bad decade digit"))?;
                        if d > 9 {
                            return Err(bad("decade digit out of range"));
                        }
                        Lex::DecadeWord(d)
                    }
                    _ => return Err(bad("unknown data file")),
                };
                if word.contains(' ') || word.is_empty() {
                    return Err(bad("one word expected"));
                }
                lex.add(word, reading);
            }
        }
        if lex.keys.len() >= usize::from(u16::MAX) {
            return Err(DataError { file: "temporal", line: 0, message: "too many words".into() });
        }
        // Words the grammar's gates name get an entry even without a
        // reading, for their gate bits; so do second words of phrases.
        let seconds: Vec<String> = lex
            .phrases
            .iter()
            .filter_map(|p| p.words.get(1).filter(|w| lookable(w)).map(|w| w.to_string()))
            .collect();
        for w in super::grammar::gate_words().map(str::to_string).chain(seconds) {
            lex.entry(w);
        }
        let bits = lex
            .keys
            .iter()
            .zip(&lex.readings)
            .map(|(k, r)| {
                super::grammar::word_bits(std::str::from_utf8(k).unwrap_or(""), r, &lex.phrases)
            })
            .collect();
        Ok(Lexicon { words: Words::build(lex.keys, lex.readings, bits), phrases: lex.phrases })
    }

    /// Every word of the lexicon, lower case.
    #[cfg(test)]
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.words.keys.iter().filter_map(|k| std::str::from_utf8(k).ok())
    }

    /// Every reading of `word` (any case); empty when unknown.
    #[cfg(test)]
    pub(crate) fn get(&self, word: &str) -> &[Lex] {
        match pack_key(word.to_ascii_lowercase().as_bytes()) {
            Some(p) => self.words.get(&p).0,
            None => &[],
        }
    }

    /// The readings and gate bits of the word token packed as `p` (see
    /// [`pack_letters`]).
    #[inline]
    pub(crate) fn get_packed(&self, p: &Packed) -> (&[Lex], u64) {
        self.words.get(p)
    }
}

/// The lexicon while its files are read: readings by word, in file order.
#[derive(Default)]
struct Loading {
    index: HashMap<Box<[u8]>, usize>,
    keys: Vec<Box<[u8]>>,
    readings: Vec<Vec<Lex>>,
    phrases: Vec<Phrase>,
}

impl Loading {
    /// The entry of `word`, made when new.
    fn entry(&mut self, word: String) -> usize {
        let key = word.into_bytes().into_boxed_slice();
        match self.index.get(&key) {
            Some(&e) => e,
            None => {
                self.index.insert(key.clone(), self.keys.len());
                self.keys.push(key);
                self.readings.push(Vec::new());
                self.keys.len() - 1
            }
        }
    }

    fn add(&mut self, word: String, reading: Lex) {
        let e = self.entry(word);
        let v = &mut self.readings[e];
        if !v.contains(&reading) {
            v.push(reading);
        }
    }
}

/// The lexicon, loaded on first use. A malformed data file (only possible
/// with a `--data-dir` override, since the embedded files are tested) leaves
/// the lexicon empty and is reported once on stderr.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| match Lexicon::load() {
    Ok(l) => l,
    Err(e) => {
        eprintln!("dateline: data/{}:{}: {}", e.file, e.line, e.message);
        Lexicon { words: Words::empty(), phrases: Vec::new() }
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_loads() {
        let lex = Lexicon::load().expect("data files parse");
        assert!(lex.get("January").contains(&Lex::Month(1, MonthForm::Full)));
        assert!(lex.get("MAY").contains(&Lex::Month(5, MonthForm::Ambiguous)));
        assert!(lex.get("second").contains(&Lex::Ord(2)));
        assert!(lex.get("second").contains(&Lex::Unit(Unit::Second, false)));
        assert!(lex.get("weeks").contains(&Lex::Unit(Unit::Week, true)));
        assert!(lex.get("unknownword").is_empty());
        assert!(lex.get("").is_empty());
        assert!(!lex.phrases.is_empty());
    }

    #[test]
    fn every_word_is_found_within_its_probes() {
        let w = &LEXICON.words;
        assert!(w.probes <= 4, "{} probes", w.probes);
        for (k, r) in w.keys.iter().zip(&w.readings) {
            let key = std::str::from_utf8(k).unwrap();
            if lookable(key) {
                let upper = k.to_ascii_uppercase();
                let p = pack_letters(&upper, 0, upper.len()).unwrap();
                assert_eq!(w.get(&p).0, r.as_slice(), "{key}");
                // Inside a longer text, where the pack reads past the word.
                let text = [&upper[..], b" and more text"].concat();
                assert_eq!(pack_letters(&text, 0, upper.len()), Some(p), "{key}");
            }
        }
    }

    #[test]
    fn lookups_ignore_case_and_long_words() {
        let lex = &*LEXICON;
        assert_eq!(lex.get("THURSDAY"), lex.get("thursday"));
        assert!(lex.get(&"a".repeat(100)).is_empty());
        assert!(lex.get("Thürsday").is_empty());
    }
}
