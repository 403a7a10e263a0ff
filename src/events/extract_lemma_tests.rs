//! Coverage of every category by the lemma triggers
//! (`data/events/trigger_lemmas.tsv`): for each PLOVER category and
//! STATEMENT, an active sentence, a passive one and a nominal one, all
//! written for these tests, each dated by its own "on Monday".

use super::*;
use crate::events::link::tests::day;
use crate::model::Anchor;

use super::tests::run;

fn typed_on_monday(t: &str, ty: &str) -> Vec<RawEvent> {
    let tx = vec![day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    run(t, &tx).into_iter().filter(|e| e.event_type == ty && e.date.value == "2025-03-10").collect()
}

fn check(cases: &[(&str, &str)]) {
    let mut failed = Vec::new();
    for (ty, t) in cases {
        if typed_on_monday(t, ty).is_empty() {
            let tx = vec![day("Monday", t, (2025, 3, 10), Anchor::Publication)];
            let got: Vec<_> =
                run(t, &tx).iter().map(|e| (e.event_type.clone(), e.date.value.clone())).collect();
            failed.push(format!("{ty}: {t} → {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn agreements_active_passive_and_nominal() {
    check(&[
        ("AGREE", "Chile and Peru ratified the fisheries pact on Monday."),
        ("AGREE", "The border accord was ratified by Chile and Peru on Monday."),
        ("AGREE", "A truce between Chile and Peru took effect on Monday."),
    ]);
}

#[test]
fn consultations_by_mode() {
    check(&[
        ("CONSULT", "Chile's president spoke to Peru's president by telephone on Monday."),
        ("CONSULT", "Chile's foreign minister flew to Lima on Monday."),
        ("CONSULT", "Chile and Peru held a video call on Monday."),
        ("CONSULT", "Chile's envoy was received by the Peruvian president on Monday."),
        ("CONSULT", "Chile convened an emergency session on Monday."),
    ]);
}

#[test]
fn support_and_thanks() {
    check(&[
        ("SUPPORT", "Peru thanked Chile for its mediation on Monday."),
        ("SUPPORT", "Peru hailed the Chilean proposal on Monday."),
        ("SUPPORT", "Peru commended Chile on Monday."),
    ]);
}

#[test]
fn concessions() {
    check(&[
        ("CONCEDE", "Peru repatriated 30 Chilean fishermen on Monday."),
        ("CONCEDE", "Chile backed down on Monday and reopened the crossing."),
        ("CONCEDE", "Thirty Chilean fishermen were freed by Peru on Monday."),
    ]);
}

#[test]
fn cooperation_and_aid() {
    check(&[
        // Establishing or restoring relations is an agreement (the
        // held-out conventions); deepening them is cooperation.
        ("AGREE", "Chile and Peru restored diplomatic ties on Monday."),
        ("AGREE", "Chile and Peru normalised relations on Monday."),
        ("COOPERATE", "Chile and Peru upgraded relations on Monday."),
        ("AID", "Chile donated 20 tonnes of food to Peru on Monday."),
        ("AID", "Chile delivered humanitarian aid to Peru on Monday."),
    ]);
}

#[test]
fn retreats_active_and_ordered() {
    check(&[
        ("RETREAT", "Chilean troops pulled back from the border on Monday."),
        ("RETREAT", "Chile withdrew its forces from the disputed valley on Monday."),
        (
            "RETREAT",
            "Chile's defence ministry ordered the troops to return to their bases on Monday.",
        ),
    ]);
}

#[test]
fn requests() {
    check(&[
        ("REQUEST", "Peru urged Chile to halt the exercises on Monday."),
        ("REQUEST", "Peru invited Chile to talks on Monday."),
        ("REQUEST", "Peru applied for membership of the bloc on Monday."),
    ]);
}

#[test]
fn accusations_and_summons() {
    check(&[
        ("ACCUSE", "Peru blamed Chile for the incident on Monday."),
        ("ACCUSE", "Peru summoned Chile's ambassador on Monday."),
        ("ACCUSE", "Peru called the Chilean deployment unjustified on Monday."),
        ("ACCUSE", "Chile was condemned by Peru on Monday."),
    ]);
}

#[test]
fn rejections_denials_and_vetoes() {
    check(&[
        ("REJECT", "Chile denied the accusation on Monday."),
        ("REJECT", "Chile vetoed the resolution on Monday."),
        ("REJECT", "Chile dismissed the Peruvian proposal on Monday."),
        ("REJECT", "Chile ruled out talks with Peru on Monday."),
        ("REJECT", "The Peruvian proposal was rejected by Chile on Monday."),
    ]);
}

#[test]
fn threats() {
    check(&[
        ("THREATEN", "Chile threatened Peru with reprisals on Monday."),
        ("THREATEN", "Chile warned Peru on Monday that it would respond."),
        ("THREATEN", "Chile issued an ultimatum to Peru on Monday."),
    ]);
}

#[test]
fn protests_and_storming_a_mission() {
    check(&[
        ("PROTEST", "Peruvian protesters stormed the Chilean embassy in Lima on Monday."),
        ("PROTEST", "Peruvian protesters rallied outside the Chilean consulate on Monday."),
    ]);
}

#[test]
fn sanctions_and_reduced_relations() {
    check(&[
        ("SANCTION", "Peru recalled its ambassador from Chile on Monday."),
        ("SANCTION", "Peru shut its airspace to Chilean airlines on Monday."),
        ("SANCTION", "Peru barred Chilean officials from entering the country on Monday."),
        ("SANCTION", "Peru severed diplomatic relations with Chile on Monday."),
        ("SANCTION", "Peru froze the assets of Chilean officials on Monday."),
    ]);
}

#[test]
fn mobilization() {
    check(&[
        ("MOBILIZE", "Chile massed troops on the Peruvian border on Monday."),
        ("MOBILIZE", "Chile deployed warships to the disputed waters on Monday."),
        ("MOBILIZE", "Chile put its forces on high alert on Monday."),
    ]);
}

#[test]
fn coercion_and_expulsion() {
    check(&[
        ("COERCE", "Peru expelled two Chilean diplomats on Monday."),
        ("COERCE", "Peru declared a Chilean diplomat persona non grata on Monday."),
        ("COERCE", "Peru detained a Chilean trawler on Monday."),
    ]);
}

#[test]
fn assaults() {
    check(&[
        ("ASSAULT", "Chilean artillery shelled a Peruvian outpost on Monday."),
        ("ASSAULT", "Chile bombarded the Peruvian positions on Monday."),
        ("ASSAULT", "A Peruvian outpost was shelled by Chile on Monday."),
    ]);
}

#[test]
fn organizations_and_their_ministers_are_sources() {
    check(&[
        ("CONSULT", "EU foreign ministers discussed the crisis by video link on Monday."),
        ("PROTEST", "Protesters stormed the Chilean consulate in Lima on Monday."),
        ("SANCTION", "The Peruvian Treasury imposed sanctions on three Chilean firms on Monday."),
    ]);
    let t = "EU foreign ministers discussed the crisis by video link on Monday.";
    let call = typed_on_monday(t, "CONSULT");
    assert_eq!(call[0].mode.as_deref(), Some("phone_call"));
}

#[test]
fn unnamed_officials_and_offices_as_sources() {
    let t = "Peru's army chief called his Chilean counterpart at noon on Monday.";
    let call = typed_on_monday(t, "CONSULT");
    let codes: Vec<_> = call[0].actors.iter().filter_map(|a| a.country.clone()).collect();
    assert_eq!(codes, vec!["PER", "CHL"], "{call:?}");
    // Nobody says whose Treasury or whose ambassador: no country is guessed.
    let t = "Chile met Peru on Monday. The Treasury imposed sanctions on Peru on Monday.";
    let s = typed_on_monday(t, "SANCTION");
    let treasury = s[0].actors.iter().find(|a| a.name == "Treasury").expect("the Treasury");
    assert_eq!(treasury.country, None, "{s:?}");
    let t = "Peru ordered the ambassador to leave on Monday.";
    let c = typed_on_monday(t, "COERCE");
    assert!(c[0].actors.iter().any(|a| a.name == "ambassador" && a.country.is_none()), "{c:?}");
    // An earlier mention says whose.
    let t = "Chile's foreign ministry protested on Sunday. The foreign ministry summoned \
             Peru's ambassador on Monday.";
    let a = typed_on_monday(t, "ACCUSE");
    assert_eq!(a[0].actors[0].country.as_deref(), Some("CHL"), "{a:?}");
}

#[test]
fn suspending_a_member_is_a_sanction_and_easing_sanctions_a_concession() {
    check(&[
        ("SANCTION", "The African Union suspended Mali on Monday."),
        ("CONCEDE", "The EU suspended sanctions on Syria's banks on Monday."),
        ("AID", "The Pentagon announced a $1.2 billion weapons package for Peru on Monday."),
    ]);
}

#[test]
fn deadlines_bans_exercises_and_peoples() {
    check(&[
        ("THREATEN", "ECOWAS gave Mali's junta a week to restore the president on Monday."),
        ("STATEMENT", "Mali's junta vowed on Monday to resist any intervention."),
        ("SANCTION", "Peru on Monday announced a ban on Chilean imports."),
        ("MOBILIZE", "Chile and Peru launched joint naval exercises on Monday."),
        ("PROTEST", "Thousands of Peruvians protested outside the Chilean embassy on Monday."),
    ]);
    let t = "Chile and Peru launched joint naval exercises on Monday.";
    assert!(typed_on_monday(t, "ASSAULT").is_empty());
    let t = "Thousands of Peruvians protested outside the Chilean embassy on Monday.";
    let p = typed_on_monday(t, "PROTEST");
    assert_eq!(p[0].actors[0].country.as_deref(), Some("PER"), "{p:?}");
}

#[test]
fn a_demonym_inside_the_object_is_the_target() {
    for t in [
        "Chile released 40 Peruvian prisoners on Monday.",
        "Chile shelled Peruvian border posts on Monday.",
        "Chile bombed Peruvian supply lines on Monday.",
    ] {
        let tx = vec![day("Monday", t, (2025, 3, 10), Anchor::Publication)];
        let ev = run(t, &tx);
        let codes: Vec<_> = ev[0].actors.iter().filter_map(|a| a.country.clone()).collect();
        assert_eq!(codes, vec!["CHL", "PER"], "{t}: {ev:?}");
    }
    // Far from the verb, a demonym names something else.
    let t = "Chile released the report on Monday, days after a long dispute over Peruvian fishing.";
    let tx = vec![day("Monday", t, (2025, 3, 10), Anchor::Publication)];
    assert!(run(t, &tx)
        .iter()
        .all(|e| e.actors.iter().all(|a| a.country.as_deref() != Some("PER"))));
}

#[test]
fn what_he_called_is_no_phone_call() {
    let t = "Peru's president thanked Chile on Monday for what he called its generous role.";
    assert!(typed_on_monday(t, "CONSULT").is_empty());
    assert_eq!(typed_on_monday(t, "SUPPORT").len(), 1);
}

#[test]
fn statements() {
    check(&[
        ("STATEMENT", "Chile proclaimed the annexation of the valley on Monday."),
        ("STATEMENT", "Peru reaffirmed its commitment to the treaty on Monday."),
    ]);
}

/// The broader wire-copy vocabulary (the last block of
/// `trigger_lemmas.tsv`): a sample of its forms per category.
#[test]
fn broader_wire_copy_vocabulary() {
    check(&[
        ("AGREE", "Chile and Peru extended the fishing moratorium on Monday."),
        ("AGREE", "Chile and Peru settled their differences on Monday."),
        ("CONSULT", "Chile and Peru entered into negotiations on Monday."),
        ("CONSULT", "Chile's president paid a state visit to Peru on Monday."),
        ("CONSULT", "Chile co-hosted the donor conference on Monday."),
        ("SUPPORT", "Peru voted in favour of the Chilean motion on Monday."),
        ("CONCEDE", "Peru backed down and reversed its decision on Monday."),
        ("CONCEDE", "Peru bowed to pressure from Chile on Monday."),
        ("COOPERATE", "Chile and Peru joined hands against smuggling on Monday."),
        ("AID", "Chile delivered medical supplies to Peru on Monday."),
        ("RETREAT", "Chile dismantled its checkpoints along the Peruvian border on Monday."),
        ("REQUEST", "Peru sought the extradition of a Chilean banker on Monday."),
        ("REQUEST", "Peru tabled a proposal for joint patrols on Monday."),
        ("ACCUSE", "Peru hit out at Chile on Monday."),
        ("ACCUSE", "Peru filed a lawsuit against Chile on Monday."),
        ("REJECT", "Peru balked at the Chilean offer on Monday."),
        ("THREATEN", "Peru vowed retaliation against Chile on Monday."),
        ("PROTEST", "Thousands of Peruvians took to the streets on Monday."),
        ("SANCTION", "Chile revoked the licence of a Peruvian airline on Monday."),
        ("SANCTION", "Chile raised tariffs on Peruvian copper on Monday."),
        ("MOBILIZE", "Chile test-fired a missile on Monday."),
        ("COERCE", "Chilean police rounded up Peruvian migrants on Monday."),
        ("ASSAULT", "Chilean gunmen shot dead a Peruvian guard on Monday."),
        ("STATEMENT", "Peru argued on Monday that the border was settled."),
    ]);
}

/// The second batch of that block: "have" + a talks noun, advice,
/// legal-style accusations, quitting talks, permits and training.
#[test]
fn broader_wire_copy_vocabulary_second_batch() {
    check(&[
        ("CONSULT", "Chile's president had talks with Peru's president on Monday."),
        ("REQUEST", "Chile advised Peru to close its consulate on Monday."),
        ("ACCUSE", "Peru charged that Chile had armed the smugglers on Monday."),
        ("REJECT", "Peru pulled out of the talks with Chile on Monday."),
        ("CONCEDE", "Chile allowed Peruvian trucks through the border post on Monday."),
        ("AID", "Chile trained Peruvian pilots on Monday."),
    ]);
}
