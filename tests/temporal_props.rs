//! Properties of the tagger over arbitrary input.

use chrono::{Datelike, NaiveDate};
use dateline::model::PubContext;
use proptest::prelude::*;

fn ctx(d: NaiveDate) -> PubContext {
    PubContext { date: Some(d), ..Default::default() }
}

const WORDS: &[&str] = &[
    "Thursday",
    "last",
    "next",
    "week",
    "the",
    "end",
    "of",
    "January",
    "17",
    "2025",
    "May",
    "March",
    "ago",
    "two",
    "days",
    "later",
    "a",
    "year-long",
    "10",
    "a.m.",
    "-",
    "/",
    ",",
    ".",
    "early",
    "mid",
    "1990s",
    "every",
    "said",
    "will",
    "31",
    "February",
    "13",
    "2025-13-01",
    "quarter",
    "third",
    "fiscal",
    "summer",
    "now",
    "’s",
    "é",
    "\n\n",
];

fn newsish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_spans_are_exact(s in any::<String>(), y in 1900i32..2100, doy in 1u32..365) {
        let d = NaiveDate::from_yo_opt(y, doy).unwrap();
        for t in dateline::temporal::tag(&s, &ctx(d)) {
            prop_assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
            prop_assert_eq!(&s[t.span.start..t.span.end], t.text.as_str());
        }
    }

    #[test]
    fn news_like_text_spans_are_exact_and_ordered(s in newsish(), y in 1900i32..2100, doy in 1u32..365) {
        let d = NaiveDate::from_yo_opt(y, doy).unwrap();
        let v = dateline::temporal::tag(&s, &ctx(d));
        let mut last = 0;
        for t in &v {
            prop_assert!(t.span.start >= last);
            last = t.span.end;
            prop_assert_eq!(&s[t.span.start..t.span.end], t.text.as_str());
        }
        let none = dateline::temporal::tag(&s, &PubContext::default());
        prop_assert_eq!(none.len(), v.len());
    }

    // The prefix is a paragraph of its own: a prefix ending in an
    // abbreviation ("Jan. ") would rightly join the text's first words.
    // The prefix may hold expressions of its own ("Jan."); only the
    // expressions past it are compared.
    #[test]
    fn a_prefix_shifts_every_span(s in newsish(), prefix in "[A-Za-z ]{0,12}\\.\n\n") {
        let c = ctx(NaiveDate::from_ymd_opt(2025, 3, 14).unwrap());
        let a = dateline::temporal::tag(&s, &c);
        let b = dateline::temporal::tag(&format!("{prefix}{s}"), &c);
        let shifted: Vec<_> = a.iter().map(|t| (t.span.shifted(prefix.len()), t.text.clone())).collect();
        let got: Vec<_> = b
            .iter()
            .filter(|t| t.span.start >= prefix.len())
            .map(|t| (t.span, t.text.clone()))
            .collect();
        prop_assert_eq!(got, shifted);
    }

    #[test]
    fn past_bare_weekday_is_within_the_week_before(y in 1900i32..=2100, doy in 1u32..=365, wd in 0usize..7) {
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        let d = NaiveDate::from_yo_opt(y, doy).unwrap();
        let text = format!("The minister announced on {} that talks had failed.", names[wd]);
        let v = dateline::temporal::tag(&text, &ctx(d));
        prop_assert_eq!(v.len(), 1);
        let iv = v[0].interval.unwrap();
        prop_assert!(iv.start <= d && (d - iv.start).num_days() < 7);
        prop_assert_eq!(iv.start.weekday().num_days_from_monday() as usize, wd);
    }
}
