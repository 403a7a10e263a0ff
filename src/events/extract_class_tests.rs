//! Tests for the trigger classes and the rules that generalize them
//! (concessions, agreements, sanctions and their easing, requests,
//! meetings, accusations, attacks, support, attribution), on sentences
//! written for these tests.

use chrono::NaiveDate;

use super::*;
use crate::events::link::tests::day;
use crate::model::{Anchor, DateAnchor, Interval, Precision};

use super::tests::run;

fn monday(t: &str) -> Vec<Timex> {
    vec![day("Monday", t, (2025, 3, 10), Anchor::Publication)]
}

fn codes_of(e: &RawEvent) -> Vec<String> {
    let mut v: Vec<String> = e.actors.iter().filter_map(|a| a.country.clone()).collect();
    v.sort();
    v.dedup();
    v
}

fn typed<'a>(ev: &'a [RawEvent], ty: &str) -> Vec<&'a RawEvent> {
    ev.iter().filter(|e| e.event_type == ty).collect()
}

fn year_month(text: &str, hay: &str, y: i32, m: u32) -> Timex {
    let mut t = day(text, hay, (y, m, 1), Anchor::Explicit);
    t.value = format!("{y}-{m:02}");
    t.precision = Precision::Month;
    let start = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    let end =
        NaiveDate::from_ymd_opt(y + i32::from(m == 12), m % 12 + 1, 1).unwrap().pred_opt().unwrap();
    t.interval = Some(Interval { start, end });
    t
}

#[test]
fn exchanges_releases_pardons_and_handovers_are_concessions() {
    for t in [
        "Chile and Peru exchanged 40 prisoners on Monday.",
        "Bolivia freed two Peruvian soldiers on Monday.",
        "Ghana pardoned a jailed Togolese activist on Monday.",
        "Chile handed over the remains of 12 soldiers to Peru on Monday.",
        "The swap between Kenya and Uganda took place on Monday.",
        "Chile and Peru swapped detainees on Monday.",
    ] {
        let ev = run(t, &monday(t));
        let c = typed(&ev, "CONCEDE");
        assert_eq!(c.len(), 1, "{t}: {ev:?}");
        assert_eq!(c[0].date.value, "2025-03-10", "{t}");
    }
    let t = "Chile and Peru exchanged 40 prisoners on Monday.";
    assert_eq!(codes_of(typed(&run(t, &monday(t)), "CONCEDE")[0]), vec!["CHL", "PER"]);
}

#[test]
fn in_exchange_for_and_press_releases_are_no_concession() {
    let t = "Chile offered fuel in exchange for grain on Monday. Peru issued a press release \
             on Monday.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "CONCEDE").is_empty(), "{ev:?}");
}

#[test]
fn a_provision_without_a_date_is_no_event() {
    let t = "Chile met Peru on Monday. Under the deal, Chile is to free 20 prisoners, while Peru \
             is to hand over 30 detainees.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "CONCEDE").is_empty(), "{ev:?}");
}

#[test]
fn signing_initialling_finalising_and_reaching_are_agreements() {
    for t in [
        "Chile and Peru signed a border treaty on Monday.",
        "Kenya and Uganda initialled the text of a trade pact on Monday.",
        "Ghana and Togo reached a settlement on Monday.",
        "Chile and Bolivia sealed a water-sharing accord on Monday.",
    ] {
        let ev = run(t, &monday(t));
        let a = typed(&ev, "AGREE");
        assert_eq!(a.len(), 1, "{t}: {ev:?}");
        assert_eq!(a[0].status, EventStatus::Occurred, "{t}");
    }
}

#[test]
fn failing_or_not_reaching_an_agreement_is_negated() {
    for t in [
        "Ghana and Togo did not reach any understanding on Monday.",
        "Chile failed to agree with Peru on Monday.",
    ] {
        let ev = run(t, &monday(t));
        let a = typed(&ev, "AGREE");
        assert_eq!(a.len(), 1, "{t}: {ev:?}");
        assert_eq!(a[0].status, EventStatus::Negated, "{t}");
    }
}

#[test]
fn a_strike_near_a_truce_is_no_deal() {
    let t = "Chile struck Peruvian positions despite the truce on Monday.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "AGREE").is_empty(), "{ev:?}");
    assert_eq!(typed(&ev, "ASSAULT").len(), 1, "{ev:?}");
}

#[test]
fn restrictions_and_blacklists_are_sanctions_and_lifting_them_a_concession() {
    for t in [
        "Canada imposed export controls on Iran on Monday.",
        "Japan blacklisted three Russian banks on Monday.",
    ] {
        let ev = run(t, &monday(t));
        assert_eq!(typed(&ev, "SANCTION").len(), 1, "{t}: {ev:?}");
    }
    for t in [
        "Canada lifted restrictions on Cuban imports on Monday.",
        "The European Union eased its embargo on Belarus on Monday.",
    ] {
        let ev = run(t, &monday(t));
        assert_eq!(typed(&ev, "CONCEDE").len(), 1, "{t}: {ev:?}");
        assert!(typed(&ev, "SANCTION").is_empty(), "{t}: {ev:?}");
    }
}

#[test]
fn pressing_conditions_and_reported_demands_are_requests() {
    let t = "Chile pressed Peru on Monday to reopen the border.";
    let ev = run(t, &monday(t));
    assert_eq!(codes_of(typed(&ev, "REQUEST")[0]), vec!["CHL", "PER"], "{ev:?}");
    let t = "Bolivia has made its support conditional on a Peruvian withdrawal.";
    let ev = run(t, &[]);
    assert_eq!(typed(&ev, "REQUEST").len(), 1, "{ev:?}");
    let t = "Ghana's President Kofi Mensah told Togo on Monday that Benin should stop arming \
             the rebels.";
    let ev = run(t, &monday(t));
    let r = typed(&ev, "REQUEST");
    assert_eq!(r.len(), 1, "{ev:?}");
    assert!(codes_of(r[0]).contains(&"GHA".to_string()), "{ev:?}");
    // The speaker's own obligation is no demand.
    let t = "Ghana's President Kofi Mensah said on Monday that Ghana must stop importing fuel.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "REQUEST").is_empty(), "{ev:?}");
}

#[test]
fn last_met_and_hosted_are_meetings() {
    let t = "Kenya and Uganda last met on Monday.";
    let ev = run(t, &monday(t));
    let c = typed(&ev, "CONSULT");
    assert_eq!(c.len(), 1, "{ev:?}");
    assert_eq!(codes_of(c[0]), vec!["KEN", "UGA"]);
    let t = "Chile hosted Peru's foreign minister on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "CONSULT").len(), 1, "{ev:?}");
}

#[test]
fn insults_and_reproaches_in_what_is_said_are_accusations() {
    let t = "Chile's President Eva Ruiz told reporters on Monday that she considered Peru's \
             leader a dictator.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "ACCUSE").len(), 1, "{ev:?}");
    assert!(typed(&ev, "STATEMENT").is_empty(), "{ev:?}");
    let t = "Peru's Foreign Ministry said on Monday that the remark was irresponsible.";
    let ev = run(t, &monday(t));
    let a = typed(&ev, "ACCUSE");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].date.value, "2025-03-10");
}

#[test]
fn shooting_down_aircraft_is_an_attack_interception_is_not() {
    let t = "Chile shot down a Peruvian plane on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "ASSAULT").len(), 1, "{ev:?}");
    let t = "Chile intercepted a Peruvian missile on Monday. Chilean air defences shot down \
             five drones on Monday.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "ASSAULT").is_empty(), "{ev:?}");
}

#[test]
fn names_of_wars_and_eras_are_no_attacks() {
    let t = "Chile and Peru signed their biggest deal since the Cold War on Monday. Ties are \
             at their worst since the Second World War, and the Gulf War is long over.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "ASSAULT").is_empty(), "{ev:?}");
}

#[test]
fn a_reported_pronoun_is_the_speaker() {
    let t = "Peru said on Monday that it welcomed steps towards peace.";
    let ev = run(t, &monday(t));
    let s = typed(&ev, "SUPPORT");
    assert_eq!(s.len(), 1, "{ev:?}");
    assert_eq!(codes_of(s[0]), vec!["PER"]);
    assert_eq!(s[0].date.value, "2025-03-10");
    assert!(typed(&ev, "STATEMENT").is_empty(), "{ev:?}");
}

#[test]
fn welcoming_ones_own_citizens_is_domestic() {
    let t = "Peru's President Luis Vera welcomed the eight soldiers back to Peru on Monday and \
             promised them medals.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "SUPPORT").is_empty() && typed(&ev, "AID").is_empty(), "{ev:?}");
    let t = "Chile welcomed Peru's decision on Monday.";
    assert_eq!(typed(&run(t, &monday(t)), "SUPPORT").len(), 1);
}

#[test]
fn reporting_a_past_act_is_no_statement() {
    let t = "Chile met Peru on Monday. Chile's President Eva Ruiz told reporters afterwards \
             that they had agreed to reopen the border.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "STATEMENT").is_empty(), "{ev:?}");
}

#[test]
fn a_relative_clause_date_dates_the_relative_clause() {
    let t = "The truce, which Egypt brokered in November 2020, collapsed on Monday.";
    let tx = vec![
        year_month("November 2020", t, 2020, 11),
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let a = typed(&ev, "AGREE");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].date.value, "2020-11", "{ev:?}");
    let t = "Egypt, which brokered the truce that ended the fighting in November 2020, \
             condemned Chile on Monday.";
    let tx = vec![
        year_month("November 2020", t, 2020, 11),
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let a = typed(&ev, "AGREE");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].date.value, "2020-11", "{ev:?}");
    let accuse = typed(&ev, "ACCUSE");
    assert_eq!(accuse.len(), 1, "the main verb resumes its subject: {ev:?}");
    assert_eq!(accuse[0].date.value, "2025-03-10");
    assert_eq!(codes_of(accuse[0]), vec!["CHL", "EGY"]);
}

#[test]
fn a_family_name_written_first_links_back() {
    let t = "Chinese Foreign Minister Li Wenbo met Chile's President Eva Ruiz on Monday. Li \
             also visited Peru on Monday.";
    let ev = run(t, &monday(t));
    let visit = ev.iter().find(|e| e.mode.as_deref() == Some("visit")).expect("visit");
    assert_eq!(codes_of(visit), vec!["CHN", "PER"], "{ev:?}");
}

#[test]
fn a_present_perfect_is_background_dated_by_publication() {
    let t = "Chile met Peru on Monday. Bolivia has made its support conditional on a Peruvian \
             withdrawal.";
    let ev = run(t, &monday(t));
    let r = typed(&ev, "REQUEST");
    assert_eq!(r.len(), 1, "{ev:?}");
    assert_eq!(r[0].date.anchor, DateAnchor::PublicationFallback, "{ev:?}");
}

#[test]
fn a_fronted_date_dates_the_main_verb_not_an_appositive() {
    let t = "Two days ago, Ghana's President Kofi Mensah pardoned Ama Owusu, a Togolese \
             activist jailed in Accra in June, in a gesture to Togo.";
    let mut june = day("June", t, (2024, 6, 1), Anchor::Publication);
    june.value = "2024-06".into();
    june.precision = Precision::Month;
    let tx = vec![day("Two days ago", t, (2025, 3, 12), Anchor::Publication), june];
    let ev = run(t, &tx);
    let c = typed(&ev, "CONCEDE");
    assert_eq!(c.len(), 1, "{ev:?}");
    assert_eq!(c[0].date.value, "2025-03-12", "{ev:?}");
    assert!(ev.iter().all(|e| e.date.value != "2024-06"), "{ev:?}");
}

#[test]
fn they_after_two_parties_acting_together_is_the_pair() {
    let t = "Kenya and Uganda met on Monday. But they did not reach any agreement on the border.";
    let ev = run(t, &monday(t));
    let a = typed(&ev, "AGREE");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].status, EventStatus::Negated);
    assert_eq!(codes_of(a[0]), vec!["KEN", "UGA"]);
    // No pair named before: no subject.
    let t = "Kenya met Uganda's envoy on Monday. They did not reach any agreement.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "AGREE").is_empty(), "{ev:?}");
}

#[test]
fn an_agentless_passive_has_no_source() {
    let t = "Peru's envoy Luis Vera was released on Monday. Chile's ministers were asked on \
             Monday to leave. Bolivia freed Peru's envoy Ana Paz on Monday.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "REQUEST").is_empty(), "{ev:?}");
    let c = typed(&ev, "CONCEDE");
    assert_eq!(c.len(), 1, "{ev:?}");
    assert_eq!(c[0].actors[0].country.as_deref(), Some("BOL"));
}

#[test]
fn coordinated_passive_participles_have_no_source() {
    let t = "Peru's envoy Luis Vera had been detained, questioned and released on Monday.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "CONCEDE").is_empty() && typed(&ev, "COERCE").is_empty(), "{ev:?}");
    let t = "Chile arrested and released two Peruvian envoys on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "CONCEDE").len(), 1, "{ev:?}");
}

#[test]
fn a_participle_after_an_object_is_the_subjects_act() {
    let t = "Canada also signed a decree lifting restrictions on Cuban imports on Monday.";
    let ev = run(t, &monday(t));
    let c = typed(&ev, "CONCEDE");
    assert_eq!(c.len(), 1, "{ev:?}");
    assert_eq!(c[0].actors[0].country.as_deref(), Some("CAN"));
    // Not across a comma.
    let t = "Canada signed the decree on Monday, lifting restrictions on Cuban imports.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "CONCEDE").len(), 1, "a participle after a comma already works");
}

#[test]
fn a_passive_with_a_later_by_agent_has_the_agent_as_source() {
    for t in [
        "Sanctions were imposed on Chile by Peru on Monday.",
        "New sanctions on Chile were imposed by Peru on Monday.",
    ] {
        let ev = run(t, &monday(t));
        let s = typed(&ev, "SANCTION");
        assert_eq!(s.len(), 1, "{t}: {ev:?}");
        let source: Vec<_> = s[0].actors.iter().filter(|a| a.part == "source").collect();
        let target: Vec<_> = s[0].actors.iter().filter(|a| a.part == "target").collect();
        assert_eq!(source[0].country.as_deref(), Some("PER"), "{t}: {ev:?}");
        assert_eq!(target[0].country.as_deref(), Some("CHL"), "{t}: {ev:?}");
    }
}

#[test]
fn a_reporting_participle_after_a_comma_is_no_statement() {
    for t in [
        "Chile condemned the raid on Monday, saying the attack broke the truce.",
        "Kenya welcomed the deal on Monday, telling reporters that peace was near.",
    ] {
        let ev = run(t, &monday(t));
        assert!(typed(&ev, "STATEMENT").is_empty(), "{t}: {ev:?}");
        assert_eq!(ev.len(), 1, "{t}: the main verb stays: {ev:?}");
    }
    // A statement of its own stays.
    let t = "Chile said on Monday that the attack broke the truce.";
    assert_eq!(typed(&run(t, &monday(t)), "STATEMENT").len(), 1);
}

#[test]
fn a_participle_modifying_a_noun_tells_no_act_of_its_own() {
    let t = "Kenya and Uganda signed a truce on Monday in a deal brokered by Ghana.";
    let ev = run(t, &monday(t));
    assert!(
        ev.iter().all(|e| e.actors.iter().all(|a| a.country.as_deref() != Some("GHA"))),
        "{ev:?}"
    );
    // The same verb in the active voice is the mediator's act.
    let t = "Ghana brokered a truce between Kenya and Uganda on Monday.";
    let ev = run(t, &monday(t));
    assert!(ev.iter().any(|e| e.actors[0].country.as_deref() == Some("GHA")), "{ev:?}");
}

#[test]
fn joined_subjects_acting_each_on_their_own_make_one_event_each() {
    let t = "Kenya's President Ana Ruto and Uganda's President Ben Otim each held separate \
             talks with Ghana's President Kofi Mensah on Monday.";
    let ev = run(t, &monday(t));
    let c = typed(&ev, "CONSULT");
    assert_eq!(c.len(), 2, "{ev:?}");
    let mut pairs: Vec<Vec<String>> = c.iter().map(|e| codes_of(e)).collect();
    pairs.sort();
    assert_eq!(pairs, vec![vec!["GHA", "KEN"], vec!["GHA", "UGA"]]);
    // Without "each"/"separate" the two subjects act together.
    let t = "Kenya and Uganda held talks with Ghana on Monday.";
    assert_eq!(typed(&run(t, &monday(t)), "CONSULT").len(), 1);
}

#[test]
fn a_pair_kept_apart_is_still_one_negated_meeting() {
    let t = "Kenya's envoy Ana Ruto and Uganda's envoy Ben Otim sat in separate rooms and did \
             not meet on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "CONSULT").len(), 1, "{ev:?}");
}

#[test]
fn calling_off_or_cancelling_is_a_rejection_not_a_call() {
    for t in [
        "Chile called off the summit with Peru on Monday.",
        "Chile called it off on Monday.",
        "Chile cancelled its arms contract with Peru on Monday.",
    ] {
        let ev = run(t, &monday(t));
        assert_eq!(typed(&ev, "REJECT").len(), 1, "{t}: {ev:?}");
        assert!(typed(&ev, "CONSULT").is_empty(), "{t}: {ev:?}");
    }
}

#[test]
fn an_earlier_armed_force_says_whose_the_army_is() {
    // The article's most named country is Peru; the army is Chile's.
    let t = "Peru protested. Peru asked for calm. The Chilean military said it was ready. \
             The army struck Peruvian positions on Monday.";
    let ev = run(t, &monday(t));
    let a = typed(&ev, "ASSAULT");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].actors[0].country.as_deref(), Some("CHL"), "{ev:?}");
}

#[test]
fn the_government_of_a_named_country_is_that_country() {
    // Not the guessed home country (Peru, the most named).
    let t = "Peru protested. Peru asked for calm. The government of Chile condemned the raid \
             on Monday.";
    let ev = run(t, &monday(t));
    let a = typed(&ev, "ACCUSE");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(codes_of(a[0]), vec!["CHL"], "{ev:?}");
}

#[test]
fn calling_something_a_name_is_no_phone_call() {
    for t in [
        "Chile called the raid a grave mistake on Monday.",
        "Peru's envoy Luis Vera called it a betrayal by Chile on Monday.",
    ] {
        let ev = run(t, &monday(t));
        assert!(typed(&ev, "CONSULT").is_empty(), "{t}: {ev:?}");
    }
    // A party as the object is still a call.
    let t = "Chile called the Peruvian president on Monday.";
    assert_eq!(typed(&run(t, &monday(t)), "CONSULT").len(), 1);
}

#[test]
fn a_participle_takes_no_object_of_the_main_verb_as_its_subject() {
    let t = "Regional leaders on Monday gave the officers a week to free Chile's President \
             Ana Ruiz, warning that they could use force.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "THREATEN").is_empty(), "{ev:?}");
    // With a subject before the first verb, the participle shares it.
    let t = "Peru on Monday gave the officers a week to free Chile's President Ana Ruiz, \
             warning that it could use force.";
    let ev = run(t, &monday(t));
    let th = typed(&ev, "THREATEN");
    assert_eq!(th.len(), 1, "{ev:?}");
    assert_eq!(th[0].actors[0].country.as_deref(), Some("PER"), "{ev:?}");
}

#[test]
fn an_initialism_inside_an_object_keeps_the_frame() {
    // "U.S." has full stops but ends no word of the gap.
    for t in [
        "Chile on Monday ordered ten U.S. diplomats out of the country.",
        "Chile on Monday ordered two U.K. envoys to leave.",
    ] {
        let ev = run(t, &monday(t));
        let c = typed(&ev, "COERCE");
        assert_eq!(c.len(), 1, "{t}: {ev:?}");
        assert_eq!(codes_of(c[0]).len(), 2, "{t}: {ev:?}");
        assert!(typed(&ev, "REQUEST").is_empty(), "{t}: {ev:?}");
    }
    let t = "Peru on Monday barred eight senior U.S. officials from entering the country.";
    assert_eq!(typed(&run(t, &monday(t)), "SANCTION").len(), 1);
}

#[test]
fn charges_of_bad_faith_and_ties_hung_on_conduct_in_what_is_said() {
    for (t, ty) in [
        ("Chile's foreign minister Ana Ruiz said on Monday that there had been lying and duplicity.", "ACCUSE"),
        ("Peru told reporters on Monday that there had been repeated violations of the truce.", "ACCUSE"),
        ("Chile said on Monday that its aid to Peru depended on the release of the prisoners.", "THREATEN"),
        ("Peru said on Monday it would rejoin the pact as soon as its demands were met.", "REQUEST"),
    ] {
        let ev = run(t, &monday(t));
        assert_eq!(typed(&ev, ty).len(), 1, "{t}: {ev:?}");
        assert!(typed(&ev, "STATEMENT").is_empty(), "{t}: {ev:?}");
    }
    // Denying violations reproaches nobody.
    let t = "Peru said on Monday that there had been no violations of the truce.";
    assert!(typed(&run(t, &monday(t)), "ACCUSE").is_empty());
}

#[test]
fn short_names_link_back_to_long_ones() {
    // A family name written first, when the last word is too short to be
    // a surname of its own.
    let t = "Chile's President Eva Ruiz and Korean leader Pak Jong Il met on Monday. Pak did \
             not agree to any timetable on Monday.";
    let ev = run(t, &monday(t));
    let agree = typed(&ev, "AGREE");
    assert_eq!(agree.len(), 1, "{ev:?}");
    assert_eq!(agree[0].status, EventStatus::Negated);
    assert_eq!(agree[0].actors[0].name, "Pak Jong Il", "{ev:?}");
    // An honorific after a comma keeps the country of the office before
    // it, and the honorific with the first name links back.
    let t = "Chile's President Eva Ruiz and the Emirati Foreign Minister, Sheikh Saif bin Zayed \
             Al Nahyan, met on Monday. Sheikh Saif thanked Ruiz on Monday for her help.";
    let ev = run(t, &monday(t));
    let support = typed(&ev, "SUPPORT");
    assert_eq!(support.len(), 1, "{ev:?}");
    assert_eq!(codes_of(support[0]), vec!["ARE", "CHL"], "{ev:?}");
}

#[test]
fn a_participle_before_an_event_noun_modifies_it() {
    let t = "Chile said on Monday the unrest led to arrests and targeted killings of civilians. \
             Peru condemned the renewed strikes on Monday.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "ASSAULT").is_empty(), "{ev:?}");
    // A verb with its subject before it is still the act.
    let t = "Chile launched strikes on Peru on Monday.";
    assert_eq!(typed(&run(t, &monday(t)), "ASSAULT").len(), 1);
}

#[test]
fn a_name_between_the_last_actor_and_who_is_the_antecedent() {
    let t = "Chile and Peru met on Monday, the first talks under Morales, who pulled Chile out \
             of the pact on Monday.";
    let ev = run(t, &monday(t));
    assert!(typed(&ev, "REJECT").is_empty(), "{ev:?}");
    // With the actor right before "who", it acts.
    let t = "Talks resumed under Peru's President Ana Ruiz, who pulled Peru out of the pact on \
             Monday.";
    let ev = run(t, &monday(t));
    let r = typed(&ev, "REJECT");
    assert_eq!(r.len(), 1, "{ev:?}");
    assert_eq!(r[0].actors[0].name, "Ana Ruiz");
}

#[test]
fn an_attack_noun_heading_an_actor_leaves_the_country_as_actor() {
    let t = "Chilean air strikes continued across the border on Monday.";
    let ev = run(t, &monday(t));
    let a = typed(&ev, "ASSAULT");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].actors[0].name, "Chile", "{ev:?}");
}

#[test]
fn a_definite_noun_with_its_own_date_takes_the_parties_of_the_act_before() {
    let t = "Chile and Peru agreed to a truce on Sunday. The ceasefire took effect on Monday.";
    let tx = vec![
        day("Sunday", t, (2025, 3, 9), Anchor::Publication),
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let a = typed(&ev, "AGREE");
    assert_eq!(a.len(), 2, "{ev:?}");
    assert_eq!(a[1].date.value, "2025-03-10");
    assert_eq!(codes_of(a[1]), vec!["CHL", "PER"]);
    // An indefinite one names no earlier act.
    let t = "Chile and Peru agreed to a truce on Sunday. A ceasefire took effect on Monday.";
    let tx = vec![
        day("Sunday", t, (2025, 3, 9), Anchor::Publication),
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
    ];
    assert_eq!(typed(&run(t, &tx), "AGREE").len(), 1);
}

#[test]
fn talks_in_a_place_with_a_party_are_a_meeting() {
    let t = "Chile's President Ana Ruiz replied on Monday, speaking after talks in Lima with \
             Peruvian President Luis Vega.";
    let ev = run(t, &monday(t));
    let c = typed(&ev, "CONSULT");
    assert_eq!(c.len(), 1, "{ev:?}");
    assert!(codes_of(c[0]).contains(&"PER".to_string()), "{ev:?}");
    // Undated talks in a place with nobody named stay background.
    let t = "Chile's President Ana Ruiz replied on Monday, speaking after talks in Lima.";
    assert!(typed(&run(t, &monday(t)), "CONSULT").is_empty());
}

#[test]
fn halting_cooperation_or_assistance_is_a_sanction() {
    for t in [
        "The European Union halted its security cooperation with Peru on Monday.",
        "Chile on Monday ended all military assistance to Peru.",
    ] {
        let ev = run(t, &monday(t));
        assert_eq!(typed(&ev, "SANCTION").len(), 1, "{t}: {ev:?}");
    }
}

#[test]
fn a_scheduled_second_verb_after_and_shares_the_subject() {
    let t = "Chile's Foreign Minister Ana Ruiz will visit Lima on Monday and is expected to \
             travel to Quito on Monday.";
    let ev = run(t, &monday(t));
    let visits: Vec<_> = ev.iter().filter(|e| e.mode.as_deref() == Some("visit")).collect();
    assert_eq!(visits.len(), 2, "{ev:?}");
    assert!(visits.iter().all(|e| e.actors[0].name == "Ana Ruiz"), "{ev:?}");
}

#[test]
fn the_heads_of_two_joined_countries_act_together() {
    let t = "On Monday, the military governments of Chile and Peru warned that any intervention \
             would be an act of war. They also refused to apply the sanctions.";
    let ev = run(t, &monday(t));
    let th = typed(&ev, "THREATEN");
    assert_eq!(th.len(), 1, "{ev:?}");
    assert_eq!(codes_of(th[0]), vec!["CHL", "PER"], "{ev:?}");
    let r = typed(&ev, "REJECT");
    assert_eq!(r.len(), 1, "{ev:?}");
    assert_eq!(codes_of(r[0]), vec!["CHL", "PER"], "{ev:?}");
    // "of" after an event noun still keeps the two apart.
    let t = "Bolivia condemned the killing of Chile and Peru's envoys on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "ACCUSE")[0].actors[0].name, "Bolivia", "{ev:?}");
}

#[test]
fn crowds_marching_on_or_surrounding_a_mission_protest() {
    for t in [
        "Thousands of Peruvian protesters marched on the Chilean embassy in Lima on Monday.",
        "Peruvian protesters surrounded the Chilean consulate on Monday.",
    ] {
        let ev = run(t, &monday(t));
        let p = typed(&ev, "PROTEST");
        assert_eq!(p.len(), 1, "{t}: {ev:?}");
        assert_eq!(codes_of(p[0]), vec!["CHL", "PER"], "{t}: {ev:?}");
    }
}

#[test]
fn they_act_on_the_day_the_pair_was_named() {
    let t = "Chile expelled Bolivian envoys on Sunday. Later, Chile and Peru warned on Monday \
             that any intervention would be an act of war. They also refused to apply the \
             sanctions.";
    let tx = vec![
        day("Sunday", t, (2025, 3, 9), Anchor::Publication),
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let r = typed(&ev, "REJECT");
    assert_eq!(r.len(), 1, "{ev:?}");
    assert_eq!(r[0].date.value, "2025-03-10", "{ev:?}");
    assert_eq!(r[0].date.anchor, DateAnchor::Inherited);
}

#[test]
fn unveiling_a_pact_is_an_agreement() {
    let t = "Chile, Peru and Bolivia unveiled a new security pact on Monday.";
    let ev = run(t, &monday(t));
    assert_eq!(typed(&ev, "AGREE").len(), 1, "{ev:?}");
}

#[test]
fn a_since_clause_with_a_list_of_subjects_dates_only_itself() {
    let t = "Chile and Peru agreed on Monday to open talks. Chile's President Ana Ruiz spoke \
             by telephone with Peru's President Luis Vega, their first contact since Quito, \
             Bogota and Caracas unveiled their pact on Sunday.";
    let tx = vec![
        day("Monday", t, (2025, 3, 10), Anchor::Publication),
        day("Sunday", t, (2025, 3, 9), Anchor::Publication),
    ];
    let ev = run(t, &tx);
    let call = typed(&ev, "CONSULT");
    assert_eq!(call.len(), 1, "{ev:?}");
    assert_eq!(call[0].date.value, "2025-03-10", "{ev:?}");
}

#[test]
fn saying_ones_side_will_not_hold_talks_is_a_rejection() {
    for t in [
        "Chile's President Ana Ruiz said on Monday that her country would not hold talks with \
         Peru.",
        "Chile said on Monday it will not negotiate with Peru.",
    ] {
        let ev = run(t, &monday(t));
        let r = typed(&ev, "REJECT");
        assert_eq!(r.len(), 1, "{t}: {ev:?}");
        assert_eq!(codes_of(r[0]), vec!["CHL", "PER"], "{t}: {ev:?}");
    }
}

#[test]
fn a_year_modifying_a_noun_dates_no_act() {
    let t = "Chile expelled 18 Peruvian diplomats on Monday, accusing Peru's army of involvement \
             in a deadly 2014 blast at a depot.";
    let mut tx = monday(t);
    let mut y = day("2014", t, (2014, 1, 1), Anchor::Explicit);
    y.value = "2014".into();
    y.precision = Precision::Year;
    tx.push(y);
    let ev = run(t, &tx);
    let a = typed(&ev, "ACCUSE");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_eq!(a[0].date.value, "2025-03-10", "{ev:?}");
    // Nor is it inherited by an act without a date of its own.
    let t = "Chile met Peru on Monday. Chile also accused Peru of a deadly 2014 blast.";
    let mut tx = monday(t);
    let mut y = day("2014", t, (2014, 1, 1), Anchor::Explicit);
    y.value = "2014".into();
    tx.push(y);
    let ev = run(t, &tx);
    let a = typed(&ev, "ACCUSE");
    assert_eq!(a.len(), 1, "{ev:?}");
    assert_ne!(a[0].date.value, "2014", "{ev:?}");
    // A year standing alone after "in" still dates its act.
    let t = "Chile and Peru signed a treaty in 2014.";
    let mut y = day("2014", t, (2014, 1, 1), Anchor::Explicit);
    y.value = "2014".into();
    let ev = run(t, &[y]);
    assert_eq!(typed(&ev, "AGREE")[0].date.value, "2014", "{ev:?}");
}
