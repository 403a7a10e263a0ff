//! Properties of event extraction over arbitrary input: whatever the text,
//! extraction returns (never panics), and every event points into its text.
//!
//! The words are the material the rules look at (roles, names, countries
//! and their metonyms, possessives, lists, triggers, dates, quotes), thrown
//! together in any order, so that actor mentions overlap, lists run into
//! possessives and spans meet at every edge the rules slice between.

use chrono::NaiveDate;
use dateline::model::{Article, Caption, PubContext};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "President",
    "Foreign Minister",
    "Prime Minister",
    "spokesman",
    "Kremlin spokesman",
    "Ivan Petrov",
    "Petrov",
    "Anna Kovac",
    "Kovac",
    "he",
    "she",
    "they",
    "Russia",
    "Russian",
    "Ukraine",
    "Ukrainian",
    "United States",
    "U.S.",
    "Washington",
    "Moscow",
    "the Kremlin",
    "the White House",
    "European Union",
    "EU",
    "NATO",
    "Hamas",
    "Israel",
    "Israeli",
    "army",
    "government of",
    "ministry",
    "officials",
    "diplomats",
    "Bank",
    "inner circle",
    "members of",
    "’s",
    "'s",
    "and",
    ",",
    ", and",
    "to",
    "the",
    "of",
    "by",
    "with",
    "on",
    "at",
    "met",
    "meet",
    "will meet",
    "held talks",
    "talks between",
    "a call with",
    "called",
    "phoned",
    "visited",
    "said",
    "told",
    "announced",
    "condemned",
    "accused",
    "threatened",
    "signed",
    "agreed",
    "ceasefire",
    "truce",
    "sanctions on",
    "extended sanctions",
    "imposed",
    "expelled",
    "were expelled by",
    "was launched by",
    "struck",
    "strikes",
    "air strikes",
    "did not",
    "could",
    "would",
    "each",
    "ordering",
    "out",
    "called off",
    "on Thursday",
    "last week",
    "two days ago",
    "17 January 2025",
    "the same day",
    "next month",
    "early March",
    "that",
    "\"",
    "“",
    "”",
    ".",
    "Gen.",
    "Jan.",
    "(",
    ")",
    ";",
    ":",
    "—",
    "é",
    "–",
    "-",
    "…",
    "‘",
    "’",
    "O’Brien",
    "Зеленський",
    "1,000",
    "ten",
    "10 a.m.",
    "FILED - 17 January 2025, Beirut:",
    "(Reuters)",
    "Photo:",
    "\n\n",
];

fn soup(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..max).prop_map(|w| w.join(" "))
}

/// The words with any characters between them, spaces or not.
fn soup_with_noise(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), "\\PC{0,2}"), 0..max)
        .prop_map(|w| w.into_iter().flat_map(|(a, b)| [a.to_string(), b]).collect())
}

fn article(body: String, caption: String) -> Article {
    let paragraphs: Vec<String> = body.split("\n\n").map(str::to_string).collect();
    Article {
        id: "props".into(),
        paragraphs,
        captions: vec![Caption { text: caption, date: NaiveDate::from_ymd_opt(2025, 3, 13) }],
        context: PubContext { date: NaiveDate::from_ymd_opt(2025, 3, 14), ..Default::default() },
        ..Default::default()
    }
}

/// Inputs the properties below found panicking, each a bug fixed: a
/// closing quote or dash taken as one byte, a byte window ending inside a
/// character, a window reaching back into a Cyrillic name.
#[test]
fn texts_that_once_panicked_extract() {
    for body in [
        "” said",
        "of called Petrov President ( 's “",
        "will meet United States President — said and on Thursday President President",
        "Зеленський Ukrainian talks between Washington Petrov announced \" European Union to \
         Bank U.S. \" met Petrov of strikes Bank that spokesman to Israeli President Hamas \" \
         inner circle President held talks spokesman Petrov ordering Anna Kovac that , met",
        "“We will answer,” Kremlin spokesman Ivan Petrov said on Thursday.",
    ] {
        let _ = dateline::events::extract(&article(body.to_string(), String::new()));
    }
}

proptest! {
    #[test]
    fn extraction_never_panics_and_spans_point_into_the_text(
        body in soup(90),
        caption in soup(20),
    ) {
        let a = article(body, caption);
        let text = a.text();
        for ev in dateline::events::extract(&a) {
            let source = if ev.in_caption { &a.captions[0].text } else { &text };
            prop_assert!(source.get(ev.span.start..ev.span.end).is_some(), "event span {:?}", ev.span);
            prop_assert!(ev.date.span.is_none_or(|s| source.get(s.start..s.end).is_some()));
            prop_assert!(!ev.event_id.is_empty() && !ev.mention_id.is_empty());
        }
    }

    #[test]
    fn extraction_never_panics_on_words_run_together_with_any_characters(
        body in soup_with_noise(60),
        caption in soup_with_noise(12),
    ) {
        let a = article(body, caption);
        let _ = dateline::events::extract(&a);
    }
}
