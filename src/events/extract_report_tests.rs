//! Tests for the round-8 rules (datelines, the home of untitled officials,
//! capitalised modals, appositive subjects, present-perfect background,
//! warnings and reproaches in statement content, and the trigger classes
//! added with them), on sentences written for these tests.

use super::tests::run;
use super::*;
use crate::events::link::tests::day;
use crate::model::{Anchor, DateAnchor};

fn monday(t: &str) -> Vec<Timex> {
    vec![day("Monday", t, (2025, 3, 10), Anchor::Publication)]
}

fn typed<'a>(ev: &'a [RawEvent], ty: &str) -> Vec<&'a RawEvent> {
    ev.iter().filter(|e| e.event_type == ty).collect()
}

#[test]
fn a_dateline_date_is_neither_own_date_nor_lead_date() {
    let t = "LIMA, March 13 (Andes Wire) - Peru expelled two Chilean diplomats on Monday.\n\n\
             Bolivia condemned the expulsions.";
    let tx = vec![
        day("March 13", t, (2025, 3, 13), Anchor::Publication),
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let accuse = typed(&ev, "ACCUSE");
    assert_eq!(accuse.len(), 1, "{ev:?}");
    assert_eq!(accuse[0].date.value, "2025-03-10", "the lead event's day, not the dateline's");
    assert_eq!(accuse[0].date.anchor, DateAnchor::Inherited);
    // With no date in the story, the dateline still dates nothing.
    let t = "LIMA, March 13 (Andes Wire) - Bolivia condemned Peru.";
    let ev = run(t, &[day("March 13", t, (2025, 3, 13), Anchor::Publication)]);
    assert_eq!(typed(&ev, "ACCUSE")[0].date.anchor, DateAnchor::PublicationFallback, "{ev:?}");
}

#[test]
fn the_dateline_place_is_the_home_of_officials_named_by_title_alone() {
    let t = "LIMA, March 13 (Andes Wire) - Chilean President Ana Rojas criticised Bolivia on \
             Monday.\n\nForeign Minister Luis Paz thanked Ecuador on Monday.";
    let ev = run(t, &monday(t));
    let thanks = typed(&ev, "SUPPORT");
    assert_eq!(thanks.len(), 1, "{ev:?}");
    assert_eq!(thanks[0].source_country(), Some("PER"), "{ev:?}");
    // Without a dateline the first person with a country still decides.
    let t = "Chilean President Ana Rojas criticised Bolivia on Monday. Foreign Minister Luis \
             Paz thanked Ecuador on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "SUPPORT")[0].source_country(), Some("CHL"), "{ev:?}");
}

#[test]
fn a_capitalised_modal_inside_a_sentence_is_a_name() {
    let t = "Peruvian Foreign Minister Sara May thanked Chile on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "SUPPORT")[0].status, EventStatus::Occurred, "{ev:?}");
    let t = "Peru may recall its ambassador from Chile on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "SANCTION")[0].status, EventStatus::Hypothetical, "{ev:?}");
}

#[test]
fn an_appositive_does_not_take_the_subject_from_the_actor_it_names() {
    for t in [
        "Chile, a close ally of Peru, called the move unjustified on Monday.",
        "Chile, an old partner of the Bolivian government, called the move unjustified on Monday.",
    ] {
        let ev = run(t, &monday(t));
        let a = typed(&ev, "ACCUSE");
        assert_eq!(a.len(), 1, "{t}: {ev:?}");
        assert_eq!(a[0].source_country(), Some("CHL"), "{t}: {ev:?}");
    }
    // The appositive's actor may be followed by a head noun.
    let t = "Chilean President Ana Rojas met Peru on Monday. Bolivia, a close ally of the Rojas \
             administration, called the move unjustified on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "ACCUSE")[0].source_country(), Some("BOL"), "{ev:?}");
    // An appositive that opens with no determiner is not taken for one.
    let t = "Chile thanked Ecuador, Peru called the move unjustified on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "ACCUSE")[0].source_country(), Some("PER"), "{ev:?}");
}

#[test]
fn present_perfect_background_reaches_shared_verbs_and_reported_content() {
    let t = "Chile met Bolivia on Monday. Peru has sent warships to the coast and moved \
             troops to the border. Peruvian officials have said Peru could strike Chile.";
    let ev = run(t, &monday(t));
    let mobilize = typed(&ev, "MOBILIZE");
    assert!(!mobilize.is_empty(), "{ev:?}");
    for m in &mobilize {
        assert_eq!(m.date.anchor, DateAnchor::PublicationFallback, "{m:?}");
    }
    let strike = typed(&ev, "ASSAULT");
    assert_eq!(strike.len(), 1, "{ev:?}");
    assert_eq!(strike[0].status, EventStatus::Hypothetical);
    assert_eq!(strike[0].date.anchor, DateAnchor::PublicationFallback, "{ev:?}");
    // A past-tense verb keeps the lead date.
    let t = "Chile met Bolivia on Monday. Peru sent warships to the coast.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "MOBILIZE")[0].date.anchor, DateAnchor::Inherited, "{ev:?}");
}

#[test]
fn a_consequence_announced_to_the_other_side_is_a_threat() {
    for t in [
        "Peru said on Monday that Chile would bear the consequences.",
        "Peru's foreign ministry said on Monday that Lima would retaliate against Chile.",
        "Peru told Chile on Monday that it would pay a heavy price.",
    ] {
        let ev = run(t, &monday(t));
        assert_eq!(typed(&ev, "THREATEN").len(), 1, "{t}: {ev:?}");
        assert!(typed(&ev, "STATEMENT").is_empty(), "{t}: {ev:?}");
    }
    let t = "Peru said on Monday that it would not retaliate against Chile.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "THREATEN").is_empty(), "{ev:?}");
}

#[test]
fn disappointment_alarm_and_interference_in_a_statement_are_reproaches() {
    for t in [
        "Chile said on Monday it was deeply disappointed by Peru's decision.",
        "Bolivia said on Monday that the Peruvian measure amounted to interference in its \
         affairs.",
        "Chile's foreign minister said on Monday that Peru had misjudged the situation.",
        "Bolivia told parliament on Monday that Peru was responsible for the blast.",
    ] {
        let ev = run(t, &monday(t));
        assert_eq!(typed(&ev, "ACCUSE").len(), 1, "{t}: {ev:?}");
    }
}

#[test]
fn round_eight_trigger_classes() {
    for (t, ty) in [
        ("Peru sent home three Chilean diplomats on Monday.", "COERCE"),
        ("Chile lodged a formal protest with Peru on Monday.", "ACCUSE"),
        ("Bolivia expressed serious concern about Peru's measures on Monday.", "ACCUSE"),
        ("Ecuador voiced disappointment with Peru on Monday.", "ACCUSE"),
        ("Ecuador and Colombia came out in support of Peru on Monday.", "SUPPORT"),
        ("Chile reopened the border with Peru on Monday.", "CONCEDE"),
        ("Chile called Peru's decision regrettable on Monday.", "ACCUSE"),
    ] {
        let ev = run(t, &monday(t));
        assert_eq!(typed(&ev, ty).len(), 1, "{t}: {ev:?}");
    }
    // Plain concern stays a statement; opening fire is no reopening.
    let t = "Bolivia expressed concern about the situation on Monday.";
    assert!(typed(&run(t, &monday(t)), "ACCUSE").is_empty());
    let t = "Chile opened fire across the border with Peru on Monday.";
    assert!(typed(&run(t, &monday(t)), "CONCEDE").is_empty());
    // Releasing photographs frees nobody.
    let t = "Peru's foreign ministry released photographs of the Chilean envoy on Monday.";
    assert!(typed(&run(t, &monday(t)), "CONCEDE").is_empty());
}

#[test]
fn a_counted_group_joined_to_the_subject_acts_with_it() {
    let t = "Chile and more than 20 other countries expelled over 100 Peruvian diplomats on \
             Monday.";
    let ev = run(t, &monday(t));
    let c = typed(&ev, "COERCE");
    assert_eq!(c.len(), 1, "{ev:?}");
    // ("countries expelled over 100": "over" before a number counts the
    // object; the verb is no passive modifier of "countries".)
    assert_eq!(c[0].source_country(), Some("CHL"));
}

#[test]
fn a_statement_announcing_the_speakers_own_decision_is_that_decision() {
    let t = "Chile said on Monday that it would expel two Peruvian diplomats.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "STATEMENT").is_empty(), "{ev:?}");
    let c = typed(&ev, "COERCE");
    assert_eq!(c.len(), 1, "{ev:?}");
    assert_eq!(c[0].status, EventStatus::Occurred);
    assert_eq!(c[0].date.value, "2025-03-10");
    assert_eq!(c[0].date.anchor, DateAnchor::Publication, "the statement's own date");
    let t = "Peru announced on Monday that it would end its fisheries pact with Chile.";
    assert_eq!(typed(&run(t, &monday(t)), "REJECT").len(), 1);
    let t = "Peru announced on Monday that it would tighten export controls on Chile.";
    assert_eq!(typed(&run(t, &monday(t)), "SANCTION").len(), 1);
    // A harmful act made to hang on a condition is a threat to the one told.
    let t = "Bolivia told Chile on Monday that it would sever relations if the seizure went \
             ahead.";
    let ev = run(t, &monday(t));
    let th = typed(&ev, "THREATEN");
    assert_eq!(th.len(), 1, "{ev:?}");
    assert!(th[0].actors.iter().any(|a| a.country.as_deref() == Some("CHL")), "{ev:?}");
    // Another party's act, or a meeting, stays what it was.
    let t = "Chile said on Monday that Peru would expel two Chilean diplomats.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "COERCE").iter().all(|e| e.status != EventStatus::Occurred), "{ev:?}");
    let t = "Chile said on Monday that it would meet Peru.";
    assert!(typed(&run(t, &monday(t)), "CONSULT")
        .iter()
        .all(|e| e.status != EventStatus::Occurred));
}

#[test]
fn a_sentence_opening_with_a_pronoun_goes_on_about_the_last_subject() {
    let t = "Peru's foreign ministry condemned Chile on Monday. It also recalled its \
             ambassador from Santiago.";
    let ev = run(t, &monday(t));
    let recall = typed(&ev, "SANCTION");
    assert_eq!(recall.len(), 1, "{ev:?}");
    assert_eq!(recall[0].source_country(), Some("PER"), "{ev:?}");
    // "It" never stands for a person.
    let t = "Peruvian envoy Ana Rojas condemned Chile on Monday. It also recalled its \
             ambassador from Santiago.";
    assert!(typed(&run(t, &monday(t)), "SANCTION").is_empty());
}

#[test]
fn a_relative_clause_in_the_present_describes_and_its_antecedent_resumes() {
    let t = "Chile expelled Peruvian diplomats on Monday. Austria, which holds talks with Peru \
             on trade, did not expel any Peruvian diplomats.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "CONSULT").is_empty(), "a habit is no meeting: {ev:?}");
    let negated: Vec<_> =
        typed(&ev, "COERCE").into_iter().filter(|e| e.status == EventStatus::Negated).collect();
    assert_eq!(negated.len(), 1, "{ev:?}");
    assert_eq!(negated[0].source_country(), Some("AUT"));
    // A past act in the relative clause is still told.
    let t = "Austria, which met Peru on Monday, praised the talks.";
    assert_eq!(typed(&run(t, &monday(t)), "CONSULT").len(), 1);
}

#[test]
fn reserving_the_right_to_act_is_a_threat() {
    let t = "Peru recalled its ambassador from Chile on Monday and reserved the right to take \
             further action.";
    assert_eq!(typed(&run(t, &monday(t)), "THREATEN").len(), 1);
}

#[test]
fn a_simple_past_takes_no_future_date_and_gives_it_to_the_event_noun() {
    // Published 2025-03-14 (a Friday): "next Wednesday" is 2025-03-19.
    let t = "Chile met Peru on Monday. Bolivia invited the leaders of the region to a summit in \
             La Paz next Wednesday.";
    let tx = vec![
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("next Wednesday", t, (2025, 3, 19), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let invite = typed(&ev, "REQUEST");
    assert_eq!(invite.len(), 1, "{ev:?}");
    assert_eq!(invite[0].date.value, "2025-03-10", "the lead date, not the summit's: {ev:?}");
    assert_eq!(invite[0].status, EventStatus::Occurred);
    let summit: Vec<_> =
        typed(&ev, "CONSULT").into_iter().filter(|e| e.trigger == "summit").collect();
    assert_eq!(summit.len(), 1, "{ev:?}");
    assert_eq!(summit[0].date.value, "2025-03-19");
    assert_eq!(summit[0].status, EventStatus::Scheduled);
    // A future verb keeps its future date.
    let t = "Bolivia will host a summit next Wednesday.";
    let ev = run(t, &[day("next Wednesday", t, (2025, 3, 19), Anchor::Publication)]);
    assert_eq!(typed(&ev, "CONSULT")[0].date.value, "2025-03-19", "{ev:?}");
}

#[test]
fn a_date_after_and_the_belongs_to_the_next_clause() {
    let t = "Peru announced new export curbs on March 3, accusing Chile of smuggling, and the \
             curbs came into force three days later.";
    let mut later = day("three days later", t, (2025, 3, 6), Anchor::PreviousMention);
    later.anchor = Anchor::PreviousMention;
    let tx = vec![day("March 3", t, (2025, 3, 3), Anchor::Publication), later];
    let ev = run(t, &tx);
    let accuse = typed(&ev, "ACCUSE");
    assert_eq!(accuse.len(), 1, "{ev:?}");
    assert_eq!(accuse[0].date.value, "2025-03-03", "{ev:?}");
}

#[test]
fn not_agreeing_with_a_decision_is_criticism() {
    let t = "Peruvian Foreign Minister Ana Rojas said on Monday that Peru did not agree with the \
             decision.";
    let ev = run(t, &monday(t));
    let a = typed(&ev, "ACCUSE");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].status, EventStatus::Occurred);
    assert!(typed(&ev, "STATEMENT").is_empty(), "the criticism is the event: {ev:?}");
    // A failed agreement between two parties stays one.
    let t = "Chile and Peru did not agree on a way out of the dispute on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "AGREE")[0].status, EventStatus::Negated, "{ev:?}");
}

#[test]
fn saying_someone_is_not_welcome_refuses_them() {
    let t = "Bolivian Foreign Minister Luis Paz said on Monday that Chilean President Ana Rojas \
             was not welcome in La Paz.";
    let ev = run(t, &monday(t));
    let r = typed(&ev, "REJECT");
    assert_eq!(r.len(), 1, "{ev:?}");
    assert_eq!(r[0].source_country(), Some("BOL"), "{ev:?}");
    assert!(r[0].actors.iter().any(|a| a.part == "target" && a.country.as_deref() == Some("CHL")));
    assert!(typed(&ev, "SUPPORT").is_empty(), "{ev:?}");
    // A welcome stays support.
    let t = "Chile said on Monday that it would welcome Peru's president.";
    assert!(typed(&run(t, &monday(t)), "REJECT").is_empty());
}

#[test]
fn recognising_a_capital_or_a_state_is_support() {
    let t = "Peru recognised Lima as the capital of the new federation on Monday.";
    assert_eq!(typed(&run(t, &monday(t)), "SUPPORT").len(), 1);
    let t = "Chile said on Monday it would never recognise the annexation.";
    assert!(typed(&run(t, &monday(t)), "SUPPORT").is_empty());
}

#[test]
fn coast_guard_ships_ram_and_blocked_passages() {
    let t = "A Peruvian coast guard ship rammed a Chilean trawler on Monday.";
    let ev = run(t, &monday(t));
    let a = typed(&ev, "ASSAULT");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].source_country(), Some("PER"), "{ev:?}");
    let t = "Peru blocked the passage to the Chilean port with a barge on Monday.";
    assert_eq!(typed(&run(t, &monday(t)), "SANCTION").len(), 1);
    let t = "Chile's security service accused Peru of espionage on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "ACCUSE")[0].source_country(), Some("CHL"), "{ev:?}");
}

#[test]
fn a_statement_in_a_when_clause_takes_the_time_of_its_clause() {
    let t = "Chile expelled Peru's envoy on Monday. The row began on Thursday, when Peruvian \
             Foreign Minister Ana Rojas wrote that she was alarmed by Chile's conduct.";
    let tx = vec![
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Thursday", t, (2025, 3, 6), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let a = typed(&ev, "ACCUSE");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].date.value, "2025-03-06", "{ev:?}");
    assert_eq!(a[0].source_country(), Some("PER"));
}
