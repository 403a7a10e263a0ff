//! Tests for the classes fixed from the stage diagnostic (round 9: where
//! the rules lose events after finding their trigger), on sentences
//! written for these tests.

use super::tests::run;
use super::*;
use crate::events::link::tests::day;
use crate::model::{Anchor, DateAnchor};

fn typed<'a>(ev: &'a [RawEvent], ty: &str) -> Vec<&'a RawEvent> {
    ev.iter().filter(|e| e.event_type == ty).collect()
}

#[test]
fn an_undated_act_goes_on_from_the_dated_act_of_the_sentence_before() {
    let t = "Peru expelled two Chilean diplomats on Monday.\n\n\
             Chile condemned the move on Wednesday. Chile also recalled its ambassador from Peru.";
    let tx = vec![
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Wednesday", t, (2025, 3, 12), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let recall = typed(&ev, "SANCTION");
    assert_eq!(recall.len(), 1, "{ev:?}");
    assert_eq!(recall[0].date.value, "2025-03-12", "the day of the act just told");
    assert_eq!(recall[0].date.anchor, DateAnchor::Inherited);
    assert!(recall[0].date.rule.ends_with("inherited_previous_sentence"));
}

#[test]
fn a_carried_date_needs_the_same_paragraph_and_a_shared_party() {
    // Another paragraph: the story's lead dates it.
    let t = "Peru expelled two Chilean diplomats on Monday.\n\n\
             Chile condemned the move on Wednesday.\n\nChile also recalled its ambassador from Peru.";
    let tx = vec![
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Wednesday", t, (2025, 3, 12), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    assert_eq!(typed(&ev, "SANCTION")[0].date.value, "2025-03-10", "{ev:?}");
    // A party the dated act did not have: the lead too.
    let t = "Peru expelled two Chilean diplomats on Monday.\n\n\
             Chile condemned the move on Wednesday. Bolivia also recalled its ambassador from Peru.";
    let tx = vec![
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Wednesday", t, (2025, 3, 12), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    assert_eq!(typed(&ev, "SANCTION")[0].date.value, "2025-03-10", "{ev:?}");
}

#[test]
fn a_statement_is_still_dated_by_the_report() {
    let t = "Peru expelled two Chilean diplomats on Monday.\n\n\
             Chile condemned the move on Wednesday. Chile said the decision was regrettable.";
    let tx = vec![
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Wednesday", t, (2025, 3, 12), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    for e in typed(&ev, "STATEMENT") {
        assert_eq!(e.date.value, "2025-03-10", "{ev:?}");
    }
}

#[test]
fn the_two_leaders_are_the_two_people_last_named_together() {
    let t = "Chilean President Ana Rojas and Peruvian President Luis Vargas agreed on Monday \
             to reopen the border. The two leaders will meet again in Lima on Friday.";
    let tx = vec![
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Friday", t, (2025, 3, 14), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let meet = typed(&ev, "CONSULT");
    assert_eq!(meet.len(), 1, "{ev:?}");
    let mut countries: Vec<_> = meet[0].actors.iter().filter_map(|a| a.country.clone()).collect();
    countries.sort();
    countries.dedup();
    assert_eq!(countries, ["CHL", "PER"]);
    assert_eq!(meet[0].date.value, "2025-03-14");
}

#[test]
fn both_sides_are_the_source_and_target_of_the_act_before() {
    let t = "Peru held talks with Chile on Monday. Both sides also agreed to free prisoners.";
    let ev = run(t, &[day("Monday", t, (2025, 3, 10), Anchor::Publication)]);
    let agree = typed(&ev, "AGREE");
    assert_eq!(agree.len(), 1, "{ev:?}");
    assert_eq!(agree[0].date.value, "2025-03-10", "dated like the act the pair was named in");
    assert!(agree[0].actors.iter().any(|a| a.country.as_deref() == Some("CHL")));
    assert!(agree[0].actors.iter().any(|a| a.country.as_deref() == Some("PER")));
}

#[test]
fn a_group_subject_needs_a_pair_named_in_its_paragraph() {
    let t = "Peru held talks with Chile on Monday.\n\nBoth sides also agreed to free prisoners.";
    let ev = run(t, &[day("Monday", t, (2025, 3, 10), Anchor::Publication)]);
    assert!(typed(&ev, "AGREE").is_empty(), "{ev:?}");
    // Not a group of parties: "the two ships".
    let t = "Peru held talks with Chile on Monday. The two ships also collided near Callao.";
    let ev = run(t, &[day("Monday", t, (2025, 3, 10), Anchor::Publication)]);
    assert_eq!(ev.len(), 1, "{ev:?}");
}

/// A duration expression as the tagger gives it ("a day": `P1D`).
fn duration(text: &str, hay: &str, value: &str) -> Timex {
    let start = hay.find(text).expect("expression in text");
    Timex {
        span: Span::new(start, start + text.len()),
        text: text.to_string(),
        ttype: crate::model::TimexType::Duration,
        value: value.to_string(),
        modifier: None,
        quant: None,
        freq: None,
        interval: None,
        precision: crate::model::Precision::Day,
        anchor: Anchor::None,
        direction: None,
        rule: "duration/duration".to_string(),
        note: None,
    }
}

#[test]
fn a_duration_after_an_event_counts_from_that_events_day() {
    let t = "Rebels attacked a Chilean border post on March 3. \
             Two days after the attack, Chile recalled its ambassador from Peru.";
    let tx =
        vec![day("March 3", t, (2025, 3, 3), Anchor::Publication), duration("Two days", t, "P2D")];
    let ev = run(t, &tx);
    let recall = typed(&ev, "SANCTION");
    assert_eq!(recall.len(), 1, "{ev:?}");
    assert_eq!(recall[0].date.value, "2025-03-05");
    assert!(recall[0].date.rule.starts_with("duration_from_event"), "{:?}", recall[0].date);
    // "before" counts back; weeks are seven days.
    let t = "Rebels attacked a Chilean border post on March 12. \
             A week before the attack, Chile recalled its ambassador from Peru.";
    let tx =
        vec![day("March 12", t, (2025, 3, 12), Anchor::Publication), duration("A week", t, "P1W")];
    let ev = run(t, &tx);
    assert_eq!(typed(&ev, "SANCTION")[0].date.value, "2025-03-05", "{ev:?}");
}

#[test]
fn a_duration_after_an_undated_or_other_event_dates_nothing() {
    // No attack told with a date: the story's lead, not a count.
    let t = "Chile and Peru met on Monday. \
             Two days after the attack, Chile recalled its ambassador from Peru.";
    let tx =
        vec![day("Monday", t, (2025, 3, 10), Anchor::Publication), duration("Two days", t, "P2D")];
    let ev = run(t, &tx);
    let recall = typed(&ev, "SANCTION");
    assert!(!recall[0].date.rule.starts_with("duration_from_event"), "{:?}", recall[0].date);
    // Months are too coarse to count a day from.
    let t = "Rebels attacked a Chilean border post on March 3. \
             Two months after the attack, Chile recalled its ambassador from Peru.";
    let tx = vec![
        day("March 3", t, (2025, 3, 3), Anchor::Publication),
        duration("Two months", t, "P2M"),
    ];
    let ev = run(t, &tx);
    assert!(!typed(&ev, "SANCTION")[0].date.rule.starts_with("duration_from_event"), "{ev:?}");
}

#[test]
fn an_adverb_in_ly_may_stand_between_subject_and_verb() {
    let t = "Chile could eventually recall its ambassador from Peru.";
    let ev = run(t, &[]);
    let recall = typed(&ev, "SANCTION");
    assert_eq!(recall.len(), 1, "{ev:?}");
    assert_eq!(recall[0].source_country(), Some("CHL"));
    assert_eq!(recall[0].status, EventStatus::Hypothetical);
    // Any other word still parts the subject from its verb.
    let t = "Chile could in the end recall its ambassador from Peru.";
    let ev = run(t, &[]);
    assert!(typed(&ev, "SANCTION").is_empty(), "{ev:?}");
}

#[test]
fn a_participle_phrase_between_commas_leaves_the_subject_before_it() {
    let t = "The European Union, meeting in Lima on Monday, called on Peru to free the prisoners.";
    let ev = run(t, &[day("Monday", t, (2025, 3, 10), Anchor::Publication)]);
    let request = typed(&ev, "REQUEST");
    assert_eq!(request.len(), 1, "{ev:?}");
    assert!(request[0].actors.iter().any(|a| a.part == "source" && a.name.contains("European")));
    // An actor inside the phrase is not the subject.
    let t = "Chile, citing threats from Bolivia, expelled two Peruvian diplomats.";
    let ev = run(t, &[]);
    assert_eq!(typed(&ev, "COERCE")[0].source_country(), Some("CHL"), "{ev:?}");
}

#[test]
fn a_clause_after_a_duration_is_counted_back_from_its_sentences_date() {
    let t = "Chile reopened the border with Peru on Friday, two days after Peru \
             expelled three Chilean diplomats.";
    let tx =
        vec![day("Friday", t, (2025, 3, 14), Anchor::Publication), duration("two days", t, "P2D")];
    let ev = run(t, &tx);
    let coerce = typed(&ev, "COERCE");
    assert_eq!(coerce.len(), 1, "{ev:?}");
    assert_eq!(coerce[0].date.value, "2025-03-12", "{:?}", coerce[0].date);
    assert!(coerce[0].date.rule.starts_with("duration_before_clause_date"));
    // The main clause keeps its own date.
    let reopen: Vec<_> = ev.iter().filter(|e| e.trigger.starts_with("reopened")).collect();
    assert!(reopen.iter().all(|e| e.date.value == "2025-03-14"), "{ev:?}");
}
