use super::*;
use crate::events::actors::{self, Cast};
use crate::events::link::tests::day;
use crate::model::{Anchor, DateAnchor};

/// Events of `text` with the given date expressions, published
/// 2025-03-14 (shared with the class tests).
pub(super) fn run(text: &str, timexes: &[Timex]) -> Vec<RawEvent> {
    let mut cast = Cast::default();
    actors::find_people(text, &mut cast);
    // The place ingest would give the article's context.
    let place = text.split("\n\n").take(3).find_map(crate::ingest::agency_dateline);
    actors::settle_home(&mut cast, &[text], place.as_ref().map(|(p, _)| p.as_str()));
    let found = actors::find(text, &cast);
    let ctx = TextContext { published: NaiveDate::from_ymd_opt(2025, 3, 14), caption: None };
    events_in_text(text, &found, timexes, ctx)
}

fn codes_of(e: &RawEvent) -> Vec<String> {
    codes(&e.actors).into_iter().map(str::to_string).collect()
}

#[test]
fn scheduled_and_occurred() {
    let t = "Peru's President Rosa Diaz met Chilean envoy Juan Soto on Monday. \
             Diaz will visit Santiago next week.";
    let mut tx = vec![day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    let mut next = day("next week", t, (2025, 3, 17), Anchor::Publication);
    next.interval = Some(crate::model::Interval {
        start: NaiveDate::from_ymd_opt(2025, 3, 17).unwrap(),
        end: NaiveDate::from_ymd_opt(2025, 3, 23).unwrap(),
    });
    next.precision = crate::model::Precision::Week;
    tx.push(next);
    let ev = run(t, &tx);
    assert_eq!(ev.len(), 2, "{ev:?}");
    assert_eq!(ev[0].event_type, "CONSULT");
    assert_eq!(ev[0].status, EventStatus::Occurred);
    assert_eq!(ev[0].date.value, "2025-03-10");
    assert_eq!(codes_of(&ev[0]), vec!["CHL", "PER"]);
    assert_eq!(ev[1].mode.as_deref(), Some("visit"));
    assert_eq!(ev[1].status, EventStatus::Scheduled);
    assert_eq!(codes_of(&ev[1]), vec!["CHL", "PER"]);
}

#[test]
fn a_relative_clause_date_is_not_inherited_by_the_main_verb() {
    let t = "Jordan met Iraq on Monday. Egypt, which visited Cairo on Tuesday with its envoy, \
             condemned Syria.";
    let tx = [
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Tuesday", t, (2025, 3, 11), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let accuse = ev.iter().find(|e| e.event_type == "ACCUSE").expect("condemnation");
    assert_eq!(accuse.date.value, "2025-03-10", "{ev:?}");
    assert_eq!(accuse.date.anchor, DateAnchor::Inherited);
}

#[test]
fn a_relative_clause_date_does_not_date_the_negated_main_verb() {
    // The date belongs to the relative clause's own act, also when the
    // main verb resumes with auxiliaries ("did not") after the comma.
    let t = "Jordan met Iraq on Monday. Egypt's President Omar Said, who proposed the direct \
             talks in a late-night address on Tuesday, did not travel to Iraq and sent a \
             delegation led by his aide Ali Hassan.";
    let tx = [
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Tuesday", t, (2025, 3, 11), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let visit = ev.iter().find(|e| e.mode.as_deref() == Some("visit")).expect("the trip");
    assert_eq!(visit.status, EventStatus::Negated, "{ev:?}");
    assert_ne!(visit.date.value, "2025-03-11", "{ev:?}");
    let proposal = ev.iter().find(|e| e.event_type == "REQUEST").expect("the proposal");
    assert_eq!(proposal.date.value, "2025-03-11", "{ev:?}");
}

#[test]
fn negation_and_modality() {
    let t = "Egypt did not meet Iran on Monday. Jordan could strike Syria.";
    let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    let ev = run(t, &tx);
    assert_eq!(ev[0].status, EventStatus::Negated);
    assert_eq!(ev[1].status, EventStatus::Hypothetical);
    assert_eq!(ev[1].event_type, "ASSAULT");
}

#[test]
fn infinitive_content_makes_no_event() {
    let t = "Qatar urged Israel to withdraw from the area.";
    let ev = run(t, &[]);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].event_type, "REQUEST");
    assert_eq!(codes_of(&ev[0]), vec!["ISR", "QAT"]);
    assert_eq!(ev[0].date.anchor, DateAnchor::PublicationFallback);
}

#[test]
fn inheritance_from_report_context() {
    let t = "Kenyan President Ann Mwangi condemned on Saturday the attack. \
             She also ordered the army to deploy.";
    let tx = [day("Saturday", t, (2025, 3, 8), Anchor::Publication)];
    let ev = run(t, &tx);
    let order = ev.iter().find(|e| e.event_type == "MOBILIZE").expect("an order to the army");
    assert_eq!(order.date.value, "2025-03-08");
    assert_eq!(order.date.anchor, DateAnchor::Inherited);
    assert_eq!(ev[0].date.anchor, DateAnchor::Publication);
}

#[test]
fn passive_modifier_has_no_source_without_by() {
    let t = "Israel said it intercepted rockets fired from Lebanon.";
    let ev = run(t, &[]);
    assert!(ev.iter().all(|e| e.event_type != "ASSAULT"), "{ev:?}");
}

#[test]
fn undated_nouns_are_background() {
    let t = "The truce ended a year-long war between Israel and Hamas.";
    assert!(run(t, &[]).is_empty());
}

#[test]
fn pronoun_object_takes_the_earlier_target() {
    let t = "Indian Prime Minister Ravi Rao sent a message to Nepal. \
             Officials said Rao had sent it on Wednesday.";
    let tx = [day("Wednesday", t, (2025, 3, 12), Anchor::Publication)];
    let ev: Vec<_> = run(t, &tx).into_iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(ev.len(), 2);
    assert_eq!(codes_of(&ev[1]), vec!["IND", "NPL"]);
    assert_eq!(ev[1].date.value, "2025-03-12");
}

fn month(text: &str, hay: &str, y: i32, m: u32) -> Timex {
    let mut t = day(text, hay, (y, m, 1), Anchor::Publication);
    t.value = format!("{y}-{m:02}");
    t.precision = crate::model::Precision::Month;
    let end = NaiveDate::from_ymd_opt(y, m + 1, 1).unwrap().pred_opt().unwrap();
    t.interval =
        Some(crate::model::Interval { start: NaiveDate::from_ymd_opt(y, m, 1).unwrap(), end });
    t
}

#[test]
fn a_since_clause_dates_only_its_own_events() {
    let t = "Chad struck Niger on Monday for the first time since a truce with Mali took \
             effect in June. It was Ruiz's first visit to Peru since she was elected in May, \
             Chilean President Eva Ruiz said on Tuesday.";
    let tx = [
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        month("June", t, 2024, 6),
        month("May", t, 2024, 5),
        day("Tuesday", t, (2025, 3, 11), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let strike = ev.iter().find(|e| e.event_type == "ASSAULT").expect("strike");
    assert_eq!(strike.date.value, "2025-03-10");
    let truce = ev.iter().find(|e| e.event_type == "AGREE").expect("truce");
    assert_eq!(truce.date.value, "2024-06", "{ev:?}");
    assert_eq!(codes_of(truce), vec!["MLI"]);
    assert!(ev.iter().all(|e| e.date.value != "2024-05"), "{ev:?}");
}

#[test]
fn a_participle_after_a_comma_shares_the_date_and_status_of_its_verb() {
    let t = "Kenya's Foreign Minister Ann Wanjiru said on Monday that talks with Uganda on \
             Friday would be delayed, pushing back against Sudan's demand.";
    let tx = [
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Friday", t, (2025, 3, 14), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let reject = ev.iter().find(|e| e.event_type == "REJECT").expect("push-back");
    assert_eq!(reject.date.value, "2025-03-10", "{ev:?}");
    assert_eq!(reject.status, EventStatus::Occurred);
    let talks = ev.iter().find(|e| e.event_type == "CONSULT").expect("talks");
    assert_eq!(talks.date.value, "2025-03-14", "{ev:?}");
    // The statement is told as the push-back itself.
    assert!(ev.iter().all(|e| e.event_type != "STATEMENT"), "{ev:?}");
}

#[test]
fn a_date_before_and_then_stays_with_the_first_verb() {
    let t = "Indian Prime Minister Ravi Rao held talks with Nepal in Kathmandu yesterday \
             and then sent a letter to Bhutan.";
    let tx = [day("yesterday", t, (2025, 3, 13), Anchor::Publication)];
    let ev = run(t, &tx);
    let talks = ev.iter().find(|e| e.mode.as_deref() == Some("meeting")).expect("talks");
    assert_eq!(talks.date.value, "2025-03-13");
    assert_eq!(talks.date.anchor, DateAnchor::Publication, "{ev:?}");
}

#[test]
fn attribution_after_the_fact_is_no_statement() {
    let t = "Egypt pledged aid to Sudan on Monday, Foreign Minister Amr Saleh said. \
             \"We will not stop,\" Saleh told reporters. \
             Peru condemned Chile on Monday and said it would act.";
    let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    let ev = run(t, &tx);
    assert!(ev.iter().all(|e| e.event_type != "STATEMENT"), "{ev:?}");
    assert!(ev.iter().any(|e| e.event_type == "AID"));
    assert!(ev.iter().any(|e| e.event_type == "ACCUSE"));
}

#[test]
fn a_statement_is_dated_by_the_report_not_by_what_it_reports() {
    let t = "Peru's President Rosa Diaz met Chile on Monday. Diaz said Lima would study the \
             plan, and that she expected to visit Chile on Friday.";
    let tx = [
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Friday", t, (2025, 3, 14), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let said = ev.iter().find(|e| e.event_type == "STATEMENT").expect("statement kept");
    assert_eq!(said.date.value, "2025-03-10", "{ev:?}");
    assert!(said.date.rule.ends_with("inherited_report_context"));
    let visit = ev.iter().find(|e| e.mode.as_deref() == Some("visit")).expect("visit");
    assert_eq!(visit.status, EventStatus::Scheduled);
}

#[test]
fn relative_clause_dates_stay_in_the_relative_clause() {
    let t = "Chad met Niger on Monday. The leaders of Mali and Togo, who visited Benin \
             earlier this month, condemned Chad after speaking with Niger by phone.";
    let tx = [
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        month("earlier this month", t, 2025, 3),
    ];
    let ev = run(t, &tx);
    // "speaking with Niger by phone" is a phone call.
    let call = ev.iter().find(|e| e.mode.as_deref() == Some("phone_call"));
    let call = call.expect("the call after which they spoke");
    assert_eq!(call.date.value, "2025-03-10", "{ev:?}");
}

#[test]
fn hosting_writing_and_sending_bombers() {
    let t = "Peru's President Rosa Diaz wrote to Chile on Monday while hosting Bolivia's \
             President Luis Arce. Brazil has sent B-2 bombers to the region.";
    let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    let ev = run(t, &tx);
    let modes: Vec<_> = ev.iter().filter_map(|e| e.mode.as_deref()).collect();
    assert!(modes.contains(&"message") && modes.contains(&"meeting"), "{ev:?}");
    assert!(ev.iter().any(|e| e.event_type == "MOBILIZE" && codes_of(e) == vec!["BRA"]));
}

#[test]
fn both_sides_and_the_two_leaders_are_the_pair_in_context() {
    let t = "A truce between Chad and Niger took hold on Monday. Qatar, which mediated \
             alongside Egypt and Jordan, urged both sides to respect it. Chilean President \
             Eva Ruiz had said she would wait for Peruvian President Luis Vera in Lima, but \
             the two leaders did not meet.";
    let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    let ev = run(t, &tx);
    let urge = ev.iter().find(|e| e.event_type == "REQUEST").expect("the call on both sides");
    assert_eq!(codes_of(urge), vec!["NER", "QAT", "TCD"], "{ev:?}");
    let meet = ev.iter().find(|e| e.status == EventStatus::Negated).expect("no meeting");
    assert_eq!(codes_of(meet), vec!["CHL", "PER"], "{ev:?}");
}

#[test]
fn a_statement_announcing_an_offer_a_warning_or_a_condition() {
    let t = "Chilean President Eva Ruiz said on Monday that Chile was ready to stop \
             striking Peruvian ports if Lima did the same. Bolivia's Foreign Minister Ana \
             Rojas said Bolivia was ready to reimpose tariffs if the authorities in Lima \
             failed. The Kremlin said the deal would take effect only after sanctions were \
             lifted. Hamas said it would respect the deal as long as Israel did the same.";
    let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    let ev = run(t, &tx);
    let types: Vec<(&str, Vec<String>)> =
        ev.iter().map(|e| (e.event_type.as_str(), codes_of(e))).collect();
    assert!(types.contains(&("AGREE", vec!["CHL".into(), "PER".into()])), "{types:?}");
    assert!(types.contains(&("THREATEN", vec!["BOL".into(), "PER".into()])), "{ev:?}");
    assert!(types.contains(&("REQUEST", vec!["RUS".into()])), "{types:?}");
    assert!(types.contains(&("STATEMENT", vec!["HAMAS".into()])), "{types:?}");
}

#[test]
fn two_envoys_speaking_is_a_conversation() {
    let t = "Chile's envoy Ana Paz and Peru's envoy Luis Vera met in Quito on Monday. The \
             two envoys spoke briefly.";
    let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    let ev = run(t, &tx);
    assert!(ev.iter().all(|e| e.event_type != "STATEMENT"), "{ev:?}");
}

#[test]
fn pledges_in_a_row_share_the_recipient_and_a_purpose_year_dates_nothing() {
    let t = "Donors pledged 2 billion euros for Yemen on Monday. The EU alone pledged 1 \
             billion euros for 2025 and 2026, while Britain pledged 100 million pounds.";
    let mut y25 = day("2025", t, (2025, 1, 1), Anchor::Explicit);
    y25.precision = crate::model::Precision::Year;
    y25.value = "2025".into();
    let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication), y25];
    let ev = run(t, &tx);
    assert_eq!(ev.iter().filter(|e| e.event_type == "AID").count(), 3, "{ev:?}");
    for e in ev.iter().filter(|e| e.event_type == "AID") {
        assert_eq!(e.date.value, "2025-03-10", "{ev:?}");
        assert!(codes_of(e).contains(&"YEM".to_string()), "{ev:?}");
    }
}

#[test]
fn an_office_without_a_country_serves_the_first_country_of_its_sentence() {
    let t = "Peru's President Luis Vera met Bolivia on Monday. Chile promised 5 million \
             euros, Foreign Minister Ana Paz said. The Kremlin's account of the call said \
             nothing.";
    let mut cast = Cast::default();
    actors::find_people(t, &mut cast);
    let paz = cast.people.iter().find(|p| p.name == "Ana Paz").expect("Paz");
    assert_eq!(paz.country.as_deref(), Some("CHL"));
    let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    let ev = run(t, &tx);
    assert!(ev.iter().any(|e| e.event_type == "STATEMENT" && codes_of(e) == vec!["RUS"]));
}

#[test]
fn content_frames_load() {
    let kinds: Vec<Cue> = content::CONTENT_FRAMES.iter().map(|(_, c)| *c).collect();
    for k in [Cue::Readiness, Cue::Cessation, Cue::Coercion, Cue::Condition] {
        assert!(kinds.contains(&k), "{k:?} missing");
    }
}

#[test]
fn a_second_verb_joined_by_and_keeps_the_subject() {
    let t = "Chile's envoy Ana Paz and Peru's envoy Luis Vera sat apart on Monday and did \
             not meet. Peruvian President Eva Ruiz held talks with Bolivia's President Juan \
             Arce yesterday and then sent a letter to Chile.";
    let tx = [
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("yesterday", t, (2025, 3, 13), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let negated = ev.iter().find(|e| e.status == EventStatus::Negated).expect("no meeting");
    assert!(codes_of(negated).contains(&"PER".to_string()), "{ev:?}");
    let letter = ev.iter().find(|e| e.mode.as_deref() == Some("message")).expect("letter");
    let source: Vec<_> = letter.actors.iter().filter(|a| a.part == "source").collect();
    assert_eq!(source[0].name, "Eva Ruiz", "{ev:?}");
}

#[test]
fn the_same_act_on_two_own_dates_is_two_events() {
    let t = "Chile and Peru met on Saturday and agreed to meet again next Saturday.";
    let tx = [
        day("Saturday", t, (2025, 3, 8), Anchor::Publication),
        day("next Saturday", t, (2025, 3, 15), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let dates: Vec<_> =
        ev.iter().filter(|e| e.event_type == "CONSULT").map(|e| e.date.value.as_str()).collect();
    assert_eq!(dates, vec!["2025-03-08", "2025-03-15"], "{ev:?}");
}

#[test]
fn calls_plans_made_public_and_ministers() {
    let t = "Chilean President Eva Ruiz said she would call Peruvian President Luis Vera on \
             Friday. The plan that Ruiz first made public in May 2024 stands. The ministers \
             had agreed on a roadmap at their meeting on Monday.";
    let mut may = day("May 2024", t, (2024, 5, 1), Anchor::Explicit);
    may.value = "2024-05".into();
    may.precision = crate::model::Precision::Month;
    let tx = [
        day("Friday", t, (2025, 3, 14), Anchor::Publication),
        may,
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let call = ev.iter().find(|e| e.mode.as_deref() == Some("phone_call")).expect("call");
    assert_eq!(codes_of(call), vec!["CHL", "PER"]);
    assert_eq!(call.date.value, "2025-03-14");
    assert!(ev.iter().any(|e| e.event_type == "STATEMENT" && e.date.value == "2024-05"));
    let agree = ev.iter().find(|e| e.event_type == "AGREE").expect("roadmap");
    assert_eq!(agree.date.value, "2025-03-10");
    assert!(agree.actors.iter().any(|a| a.name == "ministers"), "{ev:?}");
}

#[test]
fn attack_nouns_passive_fire_and_manner() {
    let t = "Chilean air strikes continued across Peru on Friday, Peruvian officials said. \
             Two rockets were launched from northern Bolivia on Saturday. Ecuador's forces \
             took the town, which Peru seized in a surprise incursion in August.";
    let mut aug = day("August", t, (2024, 8, 1), Anchor::Publication);
    aug.value = "2024-08".into();
    aug.precision = crate::model::Precision::Month;
    let tx = [
        day("Friday", t, (2025, 3, 14), Anchor::Publication),
        day("Saturday", t, (2025, 3, 8), Anchor::Publication),
        aug,
    ];
    let ev = run(t, &tx);
    let strikes = ev.iter().find(|e| e.date.value == "2025-03-14").expect("air strikes");
    assert_eq!((strikes.event_type.as_str(), codes_of(strikes)), ("ASSAULT", vec!["CHL".into()]));
    let rockets = ev.iter().find(|e| e.date.value == "2025-03-08").expect("rockets");
    assert_eq!((rockets.event_type.as_str(), codes_of(rockets)), ("ASSAULT", vec!["BOL".into()]));
    let seized = ev.iter().find(|e| e.date.value == "2024-08").expect("incursion");
    assert_eq!(seized.event_type, "ASSAULT", "{ev:?}");
}

#[test]
fn what_was_agreed_for_later_does_not_date_the_agreement() {
    let t = "Chile met Peru on Tuesday. Chile and Bolivia also agreed that Peru would free \
             ten prisoners on Wednesday.";
    let tx = [
        day("Tuesday", t, (2025, 3, 11), Anchor::Publication),
        day("Wednesday", t, (2025, 3, 12), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let agree = ev.iter().find(|e| e.event_type == "AGREE").expect("agreement");
    assert_eq!(agree.date.value, "2025-03-11", "{ev:?}");
}

#[test]
fn a_second_object_with_its_own_date_is_a_second_event() {
    let t = "Chilean officials met the Peruvian delegation on Sunday and the Bolivian \
             delegation on Monday.";
    let tx = [
        day("Sunday", t, (2025, 3, 9), Anchor::Publication),
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let got: Vec<(String, Vec<String>)> =
        ev.iter().map(|e| (e.date.value.clone(), codes_of(e))).collect();
    assert_eq!(
        got,
        vec![
            ("2025-03-09".to_string(), vec!["CHL".to_string(), "PER".to_string()]),
            ("2025-03-10".to_string(), vec!["BOL".to_string(), "CHL".to_string()]),
        ],
        "{ev:?}"
    );
}

#[test]
fn vouching_speakers_and_unnamed_staff_make_no_statement() {
    let t = "Chile still holds two posts, which Peru says breaches the treaty. EU diplomats \
             said the decision would be reviewed. Peru, which said on Monday it would act, \
             condemned Chile.";
    let tx = [day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    let ev = run(t, &tx);
    let statements: Vec<_> = ev.iter().filter(|e| e.event_type == "STATEMENT").collect();
    // Only "who/which said" with no speaker of its own stays.
    assert_eq!(statements.len(), 1, "{ev:?}");
    assert_eq!(statements[0].date.value, "2025-03-10");
}
