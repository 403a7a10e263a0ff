//! The gates of [`Parser::at`] and [`Parser::can_start`] only skip work:
//! on any text the gated parser finds exactly what the parser finds that
//! tries every pattern at each token where an expression can start, by the
//! tokens' readings and words themselves.

use proptest::prelude::*;

use super::super::context::CONTEXT_WORDS;
use super::super::lexicon::LEXICON;
use super::super::token::tokenize;
use super::Parser;

/// Words the grammar compares tokens with: the string literals of its
/// source, so that a word added to a pattern is tested without a list to
/// keep up to date.
fn literals(src: &str) -> Vec<String> {
    src.split('"')
        .skip(1)
        .step_by(2)
        .filter(|w| !w.is_empty() && w.len() <= 24 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(str::to_string)
        .collect()
}

/// Words the patterns look at: the lexicon, the grammar's literals and
/// the context words, lower case.
fn words() -> Vec<String> {
    let mut v: Vec<String> = LEXICON.words().map(str::to_string).collect();
    for p in &LEXICON.phrases {
        v.extend(p.words.iter().map(|w| w.to_string()));
    }
    v.extend(literals(include_str!("../grammar.rs")));
    v.extend(literals(include_str!("periods.rs")));
    let c = &*CONTEXT_WORDS;
    v.extend(c.era.iter().chain(&c.amount).chain(&c.pay).cloned());
    v.extend(["united", "talks", "government", "smith", "x"].map(String::from));
    v.sort();
    v.dedup();
    v
}

const NUMBERS: &[&str] = &[
    "0", "1", "2", "3", "4", "5", "9", "10", "11", "12", "13", "17", "24", "30", "31", "32", "45",
    "50", "59", "60", "90", "99", "100", "175", "1000", "1500", "1701", "1900", "1988", "1990",
    "2000", "2024", "2025", "19901", "00", "05", "000", "48213",
];

const PUNCT: &[&str] = &[
    ".", ",", "-", "'", "/", ":", "$", "%", "#", "(", ")", "\"", "+", "!", "?", ";", "&", "’", "—",
    "é", "Zoë",
];

/// A word (in one of the casings the patterns tell apart, mostly lower
/// case), a number or a punctuation mark.
fn token() -> impl Strategy<Value = String> {
    let word = (prop::sample::select(words()), 0..10u8).prop_map(|(w, case)| match case {
        0 => w.to_ascii_uppercase(),
        1..=3 => {
            let mut c = w.into_bytes();
            c[0] = c[0].to_ascii_uppercase();
            String::from_utf8(c).unwrap_or_default()
        }
        _ => w,
    });
    prop_oneof![
        6 => word,
        1 => Just("the".to_string()),
        2 => prop::sample::select(NUMBERS).prop_map(String::from),
        2 => prop::sample::select(PUNCT).prop_map(String::from),
    ]
}

/// Tokens, each followed by a space (mostly), nothing, or a line break.
fn text() -> impl Strategy<Value = String> {
    const SEPS: [&str; 20] = [
        " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", "", "", "", "\n",
        "\n", "\n\n",
    ];
    prop::collection::vec((token(), prop::sample::select(&SEPS[..])), 1..12)
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn parse(text: &str, gated: bool) -> Vec<String> {
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let p = if gated { Parser::new(text, &toks) } else { Parser::ungated(text, &toks) };
    let mut out = Vec::new();
    p.run(&mut out);
    out.iter().map(|c| format!("{}..{} {} {:?}", c.start, c.end, c.rule, c.expr)).collect()
}

proptest! {
    // GATE_CASES=200000 for a thorough run after changing a gate.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("GATE_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000)
    ))]

    #[test]
    fn gates_change_nothing(s in text()) {
        prop_assert_eq!(parse(&s, true), parse(&s, false), "{:?}", s);
    }
}
