//! Unit tests for tagging and resolution, one phenomenon each.

use super::*;
use crate::model::{Anchor, Direction, PubContext, TimexType};
use chrono::NaiveDate;

fn ctx(y: i32, m: u32, d: u32) -> PubContext {
    PubContext { date: NaiveDate::from_ymd_opt(y, m, d), ..Default::default() }
}

/// (text, value) of every expression.
fn tv(text: &str, c: &PubContext) -> Vec<(String, String)> {
    tag(text, c).into_iter().map(|t| (t.text, t.value)).collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn one(text: &str, c: &PubContext) -> Timex {
    let v = tag(text, c);
    assert_eq!(v.len(), 1, "{text}: {v:#?}");
    v.into_iter().next().unwrap()
}

fn fri() -> PubContext {
    ctx(2025, 3, 14)
}

#[test]
fn explicit_dates_in_news_forms() {
    let c = fri();
    for (text, want) in [
        ("It opened on 17 January 2025 in Baabda.", "2025-01-17"),
        ("It opened on January 17, 2025, in Baabda.", "2025-01-17"),
        ("It opened on 2025-01-17 in Baabda.", "2025-01-17"),
        ("It opened on 1/17/2025 in Baabda.", "2025-01-17"),
        ("It opened on 17/01/2025 in Baabda.", "2025-01-17"),
        ("It opened in January 2025.", "2025-01"),
        ("It opened in 2025.", "2025"),
        ("It opened on Thursday, March 13, 2025.", "2025-03-13"),
    ] {
        let t = one(text, &c);
        assert_eq!(t.value, want, "{text}");
        assert_eq!(t.anchor, Anchor::Explicit, "{text}");
    }
}

#[test]
fn day_month_without_year_follows_tense() {
    let c = fri();
    assert_eq!(one("The envoy arrived on Jan. 17.", &c).value, "2025-01-17");
    assert_eq!(one("The envoy arrived on 17 Jan.", &c).value, "2025-01-17");
    // Whole-date comparison: a past 20 March is last year's.
    assert_eq!(one("The envoy arrived on March 20.", &c).value, "2024-03-20");
    assert_eq!(one("The envoy will arrive on March 20.", &c).value, "2025-03-20");
    assert_eq!(one("The envoy will arrive on the 20th.", &c).value, "2025-03-20");
}

#[test]
fn months_alone_and_false_positives() {
    let c = fri();
    assert_eq!(one("Ties were established in November.", &c).value, "2024-11");
    assert_eq!(one("The talks will resume in May.", &c).value, "2025-05");
    assert!(tag("He may travel to Beirut.", &c).is_empty());
    assert!(tag("May Khoury said the vote may slip.", &c).is_empty());
    assert!(tag("Protesters march to the square. March Madness begins.", &c).is_empty());
    assert!(tag("Resolution 1701 ended the war.", &c).is_empty());
    assert!(tag("The army sent 2,000 troops and 1500 soldiers.", &c).is_empty());
    assert!(tag("The Fifth Fleet sailed.", &c).is_empty());
    assert!(tag("It recalled the Second World War.", &c).is_empty());
}

#[test]
fn weekdays_by_tense() {
    let c = fri();
    assert_eq!(one("The Kremlin announced on Thursday that it agreed.", &c).value, "2025-03-13");
    assert_eq!(one("Talks will resume on Thursday.", &c).value, "2025-03-20");
    // Present tense of an arrangement verb right before the day: ahead.
    assert_eq!(one("Talks resume Thursday.", &c).value, "2025-03-20");
    assert_eq!(one("The two leaders meet separately Monday.", &c).value, "2025-03-17");
    // Any other cue still decides.
    assert_eq!(one("Talks that resume Thursday were agreed.", &c).value, "2025-03-13");
    assert_eq!(one("He left last Friday.", &c).value, "2025-03-07");
    assert_eq!(one("He leaves next Monday.", &c).value, "2025-03-17");
    let t = one("The Kremlin announced on Thursday.", &c);
    assert_eq!(t.direction, Some(Direction::Past));
    assert_eq!(t.anchor, Anchor::Publication);
    assert!(t.rule.starts_with("weekday/"));
}

#[test]
fn deictic_words_and_periods() {
    let c = fri();
    assert_eq!(
        tv("Today, yesterday and tomorrow; tonight.", &c),
        pairs(&[
            ("Today", "2025-03-14"),
            ("yesterday", "2025-03-13"),
            ("tomorrow", "2025-03-15"),
            ("tonight", "2025-03-14TNI")
        ])
    );
    assert_eq!(one("It happened last week.", &c).value, "2025-W10");
    assert_eq!(one("It happens this week.", &c).value, "2025-W11");
    assert_eq!(one("It happens next month.", &c).value, "2025-04");
    assert_eq!(one("It happened last year.", &c).value, "2024");
    assert_eq!(one("It happened last weekend.", &c).value, "2025-W10-WE");
    assert_eq!(one("It happened three days ago.", &c).value, "2025-03-11");
    assert_eq!(one("It happened earlier this month.", &c).value, "2025-03");
    assert_eq!(one("It will happen later this year.", &c).value, "2025");
}

#[test]
fn parts_of_periods() {
    let c = fri();
    let t = one("They met at the end of January.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2025-01", Some("END")));
    let iv = t.interval.unwrap();
    assert_eq!(
        (iv.start.to_string(), iv.end.to_string()),
        ("2025-01-21".into(), "2025-01-31".into())
    );
    let t = one("They met in early March.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2025-03", Some("START")));
    let t = one("It ends in mid-2024.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2024", Some("MID")));
    let t = one("It began late last year.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2024", Some("END")));
    let t = one("It began at the beginning of the week.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2025-W11", Some("START")));
    assert_eq!(one("Output fell in the first half of 2024.", &c).value, "2024-H1");
    assert_eq!(one("Output fell in the third quarter.", &c).value, "2024-Q3");
    assert_eq!(one("It was built in the 1990s.", &c).value, "199");
    assert_eq!(one("It was built in the summer of 1994.", &c).value, "1994-SU");
}

#[test]
fn times_of_day() {
    let c = fri();
    assert_eq!(one("They met Thursday morning.", &c).value, "2025-03-13TMO");
    let t = one("The blast came at 10 a.m.", &c);
    assert_eq!((t.ttype, t.value.as_str()), (TimexType::Time, "2025-03-14T10:00"));
    assert_eq!(one("They meet at noon.", &c).value, "2025-03-14T12:00");
    assert_eq!(one("It ended at 10:35 p.m. EST Thursday.", &c).value, "2025-03-13T22:35");
}

#[test]
fn durations_and_sets() {
    let c = fri();
    let t = one("The talks lasted three days.", &c);
    assert_eq!((t.ttype, t.value.as_str()), (TimexType::Duration, "P3D"));
    assert_eq!(one("It ended a year-long war.", &c).text, "year-long");
    assert_eq!(one("It ended a year-long war.", &c).value, "P1Y");
    assert_eq!(one("It has been stalled for months.", &c).value, "PXM");
    assert_eq!(one("Prices rose over the past two weeks.", &c).value, "P2W");
    assert_eq!(one("It lasted about three weeks.", &c).modifier.as_deref(), Some("APPROX"));
    let t = one("A daily briefing.", &c);
    assert_eq!((t.ttype, t.value.as_str()), (TimexType::Set, "P1D"));
    assert_eq!(one("They meet every week.", &c).value, "P1W");
    let t = one("They meet twice a week.", &c);
    assert_eq!((t.value.as_str(), t.freq.as_deref()), ("P1W", Some("2X")));
    assert_eq!(one("Reports are filed annually.", &c).value, "P1Y");
    assert!(tag("A 48-year-old man was hurt.", &c).is_empty());
}

#[test]
fn anaphora_count_from_the_last_mention() {
    let c = fri();
    let v = tag(
        "Envoys met on 3 February 2025. The following day they signed. Two days later they left.",
        &c,
    );
    let vals: Vec<&str> = v.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(vals, ["2025-02-03", "2025-02-04", "2025-02-06"]);
    assert_eq!(v[1].anchor, Anchor::PreviousMention);
    let v =
        tag("The war began in 2006. That year, talks failed. The same day nothing happened.", &c);
    assert_eq!(v[1].value, "2006");
}

#[test]
fn references() {
    let c = fri();
    assert_eq!(one("The town is now calm.", &c).value, "PRESENT_REF");
    assert_eq!(one("He recently resigned.", &c).value, "PAST_REF");
    assert_eq!(one("A deal will come soon.", &c).value, "FUTURE_REF");
}

#[test]
fn no_publication_date_means_placeholders_not_guesses() {
    let c = PubContext::default();
    let t = one("The Kremlin announced on Thursday.", &c);
    assert_eq!(t.value, "XXXX-WXX-4");
    assert!(t.note.is_some());
    assert!(t.interval.is_none());
    assert_eq!(one("It happened in November.", &c).value, "XXXX-11");
    assert_eq!(one("It happened yesterday.", &c).value, "XXXX-XX-XX");
    // Explicit dates need no anchor.
    assert_eq!(one("It happened on 17 January 2025.", &c).value, "2025-01-17");
}

#[test]
fn impossible_dates_are_skipped() {
    let c = fri();
    let (v, skipped) = tag_with_skipped("It was signed on 31 February 2025 and on 2025-13-01.", &c);
    assert!(v.is_empty(), "{v:#?}");
    assert_eq!(skipped.len(), 2);
    assert!(tag("In the year 99999 or 0000.", &c).is_empty());
    let far = ctx(9999, 12, 31);
    assert!(tag("Next year and tomorrow.", &far).iter().all(|t| t.interval.is_none()));
}

#[test]
fn holidays_resolve_like_days() {
    let c = ctx(2000, 1, 7);
    assert_eq!(one("The boy was found on Thanksgiving Day.", &c).value, "1999-11-25");
    assert_eq!(one("He arrived last Thanksgiving.", &c).value, "1999-11-25");
    assert_eq!(one("They will return by Easter.", &ctx(2000, 4, 1)).value, "2000-04-23");
    assert_eq!(one("Polls open on Election Day.", &ctx(1998, 10, 26)).value, "1998-11-03");
    assert!(tag("Give thanks and christmas trees.", &c).is_empty());
}

#[test]
fn reporting_periods_and_comparisons() {
    let c = ctx(1989, 11, 2);
    let v = tag("Profit rose in the third quarter from a year earlier. The quarter was strong; the year-ago quarter was weak.", &c);
    let vals: Vec<&str> = v.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(vals, ["1989-Q3", "1988-Q3", "1989-Q3", "1988-Q3"]);
    assert_eq!(one("It expects to report a third-quarter loss.", &c).value, "1989-Q3");
    assert_eq!(one("Sales fell in the latest quarter.", &c).value, "1989-Q3");
    assert_eq!(one("Sales rose in the 1988 second quarter.", &c).value, "1988-Q2");
}

#[test]
fn fractions_ranges_and_words() {
    let c = fri();
    assert_eq!(one("It lasted 2 1/2 years.", &c).value, "P2Y6M");
    assert_eq!(one("It lasted two and a half hours.", &c).value, "PT2H30M");
    assert_eq!(one("It was built in nineteen ninety-six.", &c).value, "1996");
    assert_eq!(one("Music of the nineties.", &c).value, "199");
    assert_eq!(one("The talks lasted five year.", &c).value, "P5Y");
    assert!(tag("He won a second term.", &c).is_empty());
}

#[test]
fn deadlines_and_reported_speech() {
    let c = ctx(1989, 10, 26);
    // "said" is the tense of the saying; the dividend is still to be paid.
    assert_eq!(one("The company said the dividend is payable Dec. 7.", &c).value, "1989-12-07");
    assert_eq!(one("The offer was extended until Nov. 20.", &c).value, "1989-11-20");
    assert_eq!(one("The dividend will be paid Dec. 14.", &c).value, "1989-12-14");
    assert_eq!(one("The board said Thursday it agreed.", &c).value, "1989-10-26");
}

// Found by the prefix-shift property: "Jan.\n\n1990s" was tagged as one
// expression "Jan.\n\n1990", across a paragraph break and into a decade.
#[test]
fn expressions_stop_at_paragraph_breaks_and_word_ends() {
    let c = fri();
    assert_eq!(tv("Jan.\n\n1990s", &c), pairs(&[("1990s", "199")]));
    assert_eq!(tv("in Jan. 1990s", &c), pairs(&[("Jan.", "2025-01"), ("1990s", "199")]));
    assert_eq!(
        tv("It ended in March\n\n2024 was calm.", &c),
        pairs(&[("March", "2025-03"), ("2024", "2024")])
    );
    assert_eq!(
        tv("Talks resumed on Jan. 17\n\n2025 will tell.", &c),
        pairs(&[("Jan. 17", "2025-01-17"), ("2025", "2025")])
    );
}

#[test]
fn a_modifier_closing_a_paragraph_is_no_expression() {
    // A modifier phrase with nothing after it used to index past the
    // paragraph's last token.
    let c = fri();
    assert!(tv("What is it about", &c).is_empty());
    assert_eq!(tv("He waited at least\n\nthree days.", &c), pairs(&[("three days", "P3D")]));
}

#[test]
fn part_of_a_named_day_is_a_date() {
    let c = fri();
    let t = one("The envoys dined together Wednesday night.", &c);
    assert_eq!((t.ttype, t.value.as_str()), (TimexType::Date, "2025-03-12TNI"));
    let v = tag("Talks ended on 3 March. The next morning the army moved.", &c);
    assert_eq!((v[1].ttype, v[1].value.as_str()), (TimexType::Date, "2025-03-04TMO"));
    // Parts of today, yesterday and tomorrow stay times of day.
    let t = one("Shelling resumed this morning.", &c);
    assert_eq!((t.ttype, t.value.as_str()), (TimexType::Time, "2025-03-14TMO"));
}

#[test]
fn soon_only_as_a_future_reference() {
    let c = fri();
    assert_eq!(one("A ceasefire may soon take hold.", &c).value, "FUTURE_REF");
    assert!(tag("They will leave as soon as the roads open.", &c).is_empty());
    assert!(tag("The envoy was soon recalled.", &c).is_empty());
    assert!(tag("He fled soon after the coup.", &c).is_empty());
}

#[test]
fn quarterly_before_a_noun_is_not_a_set() {
    let c = fri();
    assert!(tag("The bank raised its quarterly payout.", &c).is_empty());
    assert_eq!(one("The fund is rebalanced quarterly.", &c).value, "P1Q");
}

#[test]
fn vague_past_and_future_stretches() {
    let c = fri();
    assert_eq!(one("Exports grew in recent years.", &c).value, "PAST_REF");
    assert_eq!(one("Such raids were rare in past years.", &c).value, "PAST_REF");
    assert_eq!(one("Tariffs will weigh on future quarters.", &c).value, "FUTURE_REF");
    assert_eq!(one("Tensions rose in recent weeks.", &c).value, "PXW");
    assert_eq!(one("Prices rose over the past two years.", &c).value, "P2Y");
    assert_eq!(one("Risks remain in the near term.", &c).value, "FUTURE_REF");
}

#[test]
fn ages_fractions_and_rooms_are_not_durations() {
    let c = fri();
    assert!(tag("The envoy, 61 years old, retired.", &c).is_empty());
    assert!(tag("Two-thirds of voters and three-quarters of MPs agreed.", &c).is_empty());
    assert!(tag("Inspectors entered the guards' quarters.", &c).is_empty());
    assert_eq!(one("It posted losses for several quarters of the decade.", &c).value, "PXQ");
}

#[test]
fn effective_dates_earliest_dates_and_deadlines() {
    let c = ctx(2025, 10, 30);
    assert_eq!(one("The rule was approved, effective Feb. 1.", &c).value, "2026-02-01");
    assert_eq!(one("Troops said they could leave as early as Friday.", &c).value, "2025-10-31");
    assert_eq!(one("The envoy is to resume talks in Oslo Tuesday.", &c).value, "2025-11-04");
    // A deadline noun: the nearest match whatever the verb's tense.
    assert_eq!(one("The mediator explained the Nov. 3 deadline.", &c).value, "2025-11-03");
    // The end of a range is no deadline.
    let v = tag("Shares bought from Oct. 2 to Wednesday rose.", &c);
    assert_eq!(v[1].value, "2025-10-29");
    // "could" with a passive is the past of "can".
    assert_eq!(one("The minister could not be reached Wednesday.", &c).value, "2025-10-29");
}

#[test]
fn reporting_period_of_a_named_year() {
    let c = ctx(2025, 11, 3);
    let v = tag("Profit rose in the third quarter. In the 2024 period, it fell.", &c);
    assert_eq!(v[1].value, "2024-Q3");
    // Without a quarter in focus, the last full quarter before publication.
    assert_eq!(one("Sales were flat in the 2024 quarter.", &c).value, "2024-Q3");
}

#[test]
fn comparisons_and_forecasts_do_not_move_the_reporting_focus() {
    let c = ctx(2025, 11, 3);
    let v = tag(
        "Profit rose in the third quarter from a year ago. In the year-earlier period it fell.",
        &c,
    );
    let vals: Vec<&str> = v.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(vals, ["2025-Q3", "2024-Q3", "2024-Q3"]);
    let v = tag(
        "Profit rose in the third quarter. It sees growth in the first quarter of 2026. In the year-ago period it fell.",
        &c,
    );
    assert_eq!(v[2].value, "2024-Q3");
}

#[test]
fn spoken_numbers_and_clock_times() {
    let c = fri();
    assert_eq!(one("Markets fell in the last twenty four hours.", &c).value, "PT24H");
    assert_eq!(one("The convoy leaves at 4 in the morning.", &c).value, "2025-03-14T04:00");
    assert_eq!(one("The vote closed at 9 in the evening.", &c).value, "2025-03-14T21:00");
    assert_eq!(one("Curfew starts at 11 at night.", &c).value, "2025-03-14T23:00");
}

#[test]
fn the_year_is_the_year_being_reported() {
    let c = ctx(2025, 10, 30);
    let v = tag(
        "Profit rose in the third quarter from a year earlier. Earlier in the year, sales fell.",
        &c,
    );
    assert_eq!(v[2].value, "2025");
    let v = tag("It expects a profit in 2027. It forecast growth for the full year.", &c);
    assert_eq!(v[1].value, "2025");
    assert_eq!(one("Sales will rise for the full year.", &c).value, "2025");
}

#[test]
fn years_in_words_after_months_and_seasons() {
    let c = fri();
    assert_eq!(one("Prices peaked in the winter of nineteen ninety-four.", &c).value, "1994-WI");
    assert_eq!(one("It began in January nineteen ninety-seven.", &c).value, "1997-01");
}

#[test]
fn halves_named_otherwise() {
    let c = fri();
    assert_eq!(one("Output slowed in the last half of 2024.", &c).value, "2024-H2");
    assert_eq!(one("Prices hold through the first two quarters of 2026.", &c).value, "2026-H1");
}

#[test]
fn selected_day_of_a_month() {
    let c = ctx(2025, 4, 19);
    assert_eq!(one("He was killed last Oct. 23 at home.", &c).value, "2024-10-23");
    assert_eq!(one("They meet next March 5.", &c).value, "2026-03-05");
    assert_eq!(one("It was founded last Feb. 29.", &c).value, "2024-02-29");
}

#[test]
fn someday_then_current_and_trading_days() {
    let c = fri();
    assert_eq!(one("Peace will one day come.", &c).value, "FUTURE_REF");
    assert_eq!(one("The talks lasted one day.", &c).value, "P1D");
    assert_eq!(one("Shares sold at the then current price.", &c).value, "PAST_REF");
    assert_eq!(one("The index fell for eight trading days.", &c).value, "P8D");
    // "the past" followed by a count is no vague past.
    assert!(tag("Riots broke out in the past three summers.", &c)
        .iter()
        .all(|t| t.value != "PAST_REF"));
}

#[test]
fn ahead_of_and_bare_small_units() {
    let c = ctx(2025, 10, 30);
    assert_eq!(one("Traders sold ahead of the weekend.", &c).value, "2025-W44-WE");
    assert!(tag("The blasts came minutes apart.", &c).is_empty());
    assert!(tag("He was seized in the early hours of the raid.", &c).is_empty());
    assert_eq!(one("They waited for hours.", &c).value, "PTXH");
}

#[test]
fn previous_weekday_counts_from_the_last_day_mentioned() {
    let c = ctx(2025, 11, 3);
    let v = tag("The index closed Friday, down 2% from the previous Friday.", &c);
    assert_eq!((v[0].value.as_str(), v[1].value.as_str()), ("2025-10-31", "2025-10-24"));
    assert_eq!(v[1].anchor, Anchor::PreviousMention);
    assert_eq!(one("He had left the previous Monday.", &c).value, "2025-10-27");
}

#[test]
fn second_day_of_a_conjoined_pair() {
    let c = ctx(2025, 2, 10);
    assert_eq!(
        tv("The summit will be held on April 24 and 25.", &c),
        pairs(&[("April 24", "2025-04-24"), ("25", "2025-04-25")])
    );
    assert_eq!(tv("Talks ran on Dec. 30 and 31.", &c)[1].1, "2024-12-31");
    assert_eq!(tv("Envoys met on May 2 and 3 officials left.", &c).len(), 1);
}

#[test]
fn a_date_noun_after_the_date_makes_it_a_deadline() {
    let c = ctx(2025, 1, 5);
    assert_eq!(
        one("The agency, by setting a Jan. 14 return date, angered them.", &c).value,
        "2025-01-14"
    );
}

#[test]
fn an_arrangement_in_the_past_perfect_is_nearest_first() {
    let c = ctx(2025, 11, 3);
    assert_eq!(one("The offer had been due to expire Friday.", &c).value, "2025-10-31");
    assert_eq!(one("The offer had been set to expire Nov. 6.", &c).value, "2025-11-06");
    assert_eq!(one("The offer is due to expire Friday.", &c).value, "2025-11-07");
}

#[test]
fn request_complements_and_delays_point_ahead() {
    let c = ctx(2000, 1, 7); // a Friday
    assert_eq!(
        tv("The board ordered the 12-year-old applicant to report on March 3.", &c),
        pairs(&[("March 3", "2000-03-03")])
    );
    assert_eq!(
        tv("The court summoned them to appear Tuesday.", &c),
        pairs(&[("Tuesday", "2000-01-11")])
    );
    assert_eq!(
        tv("The council postponed until Wednesday its vote on the budget.", &c),
        pairs(&[("Wednesday", "2000-01-12")])
    );
    // A preposition "to", or "since", keeps the past tense's reading.
    assert_eq!(
        tv("She was ordered back to headquarters Tuesday.", &c),
        pairs(&[("Tuesday", "2000-01-04")])
    );
    assert_eq!(
        tv("Monitors had been allowed to visit the camps since March 3.", &c),
        pairs(&[("March 3", "1999-03-03")])
    );
}

#[test]
fn today_and_tomorrow_naming_an_era_are_vague_references() {
    let c = ctx(2025, 6, 10);
    assert_eq!(one("The song speaks to today's teenagers.", &c).value, "PRESENT_REF");
    assert_eq!(one("Most of today's personal computers run it.", &c).value, "PRESENT_REF");
    assert_eq!(one("They dreamed of the society of tomorrow.", &c).value, "FUTURE_REF");
    // A day-specific noun keeps the day.
    assert_eq!(one("The list ran in today's edition.", &c).value, "2025-06-10");
    assert_eq!(one("Today's vote was close.", &c).value, "2025-06-10");
}

#[test]
fn rates_of_money_and_shares_are_measures_not_times() {
    let c = ctx(2025, 6, 10);
    assert!(tag("The plant will save $40 million a year.", &c).is_empty());
    assert!(tag("The bonds pay 6.5% annually.", &c).is_empty());
    assert!(tag("Costs rose 12 percent a month.", &c).is_empty());
    assert!(tag("The dividend is $2.40 a year.", &c).is_empty());
    // A count of events per unit is a set.
    let t = one("The carrier runs nine flights a week to Lagos.", &c);
    assert_eq!((t.ttype, t.value.as_str()), (TimexType::Set, "P1W"));
    // Still a quantity of time when something places it.
    assert_eq!(one("Prices were $5 a year ago.", &c).value, "2024");
    assert_eq!(one("He was jailed for a year.", &c).value, "P1Y");
}

#[test]
fn compounds_of_two_units_are_not_times() {
    let c = ctx(2025, 6, 10);
    assert!(tag("She runs day-to-day operations.", &c).is_empty());
    assert!(tag("Year-over-year growth slowed.", &c).is_empty());
    assert!(tag("The quarter-to-quarter comparison was flattered.", &c).is_empty());
    assert!(tag("Prices move month-by-month.", &c).is_empty());
}

#[test]
fn a_period_named_with_its_year_back_is_one_expression() {
    let c = ctx(2025, 10, 28);
    assert_eq!(
        tv("For the quarter a year ago, the bank earned $4 million.", &c),
        pairs(&[("the quarter a year ago", "2024-Q3")])
    );
    assert_eq!(
        tv("Profit in the third quarter fell from the same period last year.", &c),
        pairs(&[("the third quarter", "2025-Q3"), ("the same period last year", "2024-Q3")])
    );
    // "last year's quarter" is a quarter even when a year is in focus.
    assert_eq!(
        tv("Sales rose in 2025 and fell for last year's quarter.", &c),
        pairs(&[("2025", "2025"), ("last year's quarter", "2024-Q3")])
    );
    assert_eq!(
        tv("Net for the year-ago six months included a gain.", &c),
        pairs(&[("the year-ago six months", "P6M")])
    );
}

#[test]
fn a_past_auxiliary_before_a_plan_gives_no_cue() {
    let c = ctx(2000, 1, 7); // a Friday
                             // The plan word decides for the first date, not the coordinated "were".
    assert_eq!(
        tv("Unions planned a march on Saturday and were planning to rally on Monday.", &c),
        pairs(&[("Saturday", "2000-01-08"), ("Monday", "2000-01-10")])
    );
    // "was about to" seen from a past day keeps that day in the past.
    assert_eq!(
        one("Police held him on Thursday morning as he was about to board a plane.", &c).value,
        "2000-01-06TMO"
    );
}

#[test]
fn that_day_after_a_year_leaves_the_day_unknown() {
    let c = ctx(2025, 6, 10);
    let v = tag("The crash came in 1987. Traders lost heavily that day.", &c);
    assert_eq!(v[1].value, "1987-XX-XX");
    assert!(v[1].note.is_some());
    let v = tag("They met in March 2024 and signed that month.", &c);
    assert_eq!(v[1].value, "2024-03");
}

#[test]
fn a_verb_far_from_the_date_still_gives_the_tense() {
    let c = ctx(2025, 10, 25);
    // The verb is more than twenty words away, past a case name's "vs.".
    assert_eq!(
        tv(
            "In January, a week after the tenth anniversary of the Smith vs. Jones \
             ruling by the appeals court in the capital, a bomb outside the court \
             building in the old town killed a guard.",
            &c
        )[0],
        ("January".to_string(), "2025-01".to_string())
    );
}

#[test]
fn halves_of_decades_and_parts_of_months_of_a_relative_year() {
    let c = ctx(1998, 12, 2);
    let t = one("Sales slumped in the last half of the '80s.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("198", Some("END")));
    let t = one("Sales rose in the first half of the 1990s.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("199", Some("START")));
    let t = one("The house approved it in early October this year.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("1998-10", Some("START")));
}

#[test]
fn a_length_of_time_measuring_pay_is_money() {
    let c = ctx(1998, 12, 2);
    assert!(tag("Staff get a bonus equal to six months of base pay.", &c).is_empty());
    assert!(tag("He was owed two weeks' salary.", &c).is_empty());
    assert_eq!(one("He served six months of his term.", &c).value, "P6M");
}

#[test]
fn now_moving_the_discourse_on_is_no_reference() {
    let c = ctx(1998, 12, 2);
    assert!(tag("Now for the sports news.", &c).is_empty());
    assert!(tag("Now, let us turn to the markets.", &c).is_empty());
    assert_eq!(one("Now the talks are stalled.", &c).value, "PRESENT_REF");
    assert_eq!(one("The rebels now hold the city.", &c).value, "PRESENT_REF");
}

#[test]
fn the_reporting_focus_is_the_latest_finished_quarter() {
    let c = ctx(2025, 10, 24);
    // An earlier quarter mentioned after the reported one is a comparison.
    let v = tv(
        "Net rose in the third quarter. After a weak second quarter, margins \
         recovered, and the year-earlier period had charges.",
        &c,
    );
    assert_eq!(v[2], ("the year-earlier period".to_string(), "2024-Q3".to_string()));
    // A quarter still under way is a forecast, not the period reported.
    let v =
        tv("It expects fourth-quarter sales to rise. Third-quarter net fell from a year ago.", &c);
    assert_eq!(v[2], ("a year ago".to_string(), "2024-Q3".to_string()));
}

#[test]
fn since_looks_back_and_a_past_year_end_is_last_years() {
    let c = ctx(2025, 10, 27);
    let t = one("The index has risen 8% since year-end.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2024", Some("END")));
    assert_eq!(tv("Year-end profit was below the 2023 level.", &c)[0].1, "2024");
    assert_eq!(one("The books close at year-end.", &c).value, "2025");
    assert_eq!(one("Prices have climbed since November.", &c).value, "2024-11");
}

#[test]
fn a_stretch_of_a_part_of_the_day() {
    let c = ctx(1989, 11, 2);
    let t = one("At mid-afternoon yesterday the shares were up.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("1989-11-01TAF", Some("MID")));
    assert_eq!(one("By mid afternoon, the raid was over.", &c).value, "1989-11-02TAF");
    assert_eq!(one("Police came in the early morning on Friday.", &c).value, "1989-10-27TMO");
    // An adjective before a noun is no time of its own.
    assert!(tag("He hosts a late-night show.", &c).is_empty());
}

#[test]
fn the_day_next_to_a_named_day() {
    let c = ctx(2000, 2, 24); // a Thursday
    assert_eq!(
        tv("The day before last Tuesday's hearing, he went home. He left the next morning.", &c),
        pairs(&[
            ("The day before last Tuesday", "2000-02-21"),
            ("the next morning", "2000-02-22TMO")
        ])
    );
    assert_eq!(one("They met the day after Christmas.", &c).value, "1999-12-26");
    assert_eq!(one("He left the day before.", &c).value, "2000-02-23");
}

#[test]
fn years_before_and_after_and_that_same_day() {
    let c = ctx(1999, 2, 6);
    let t = one("The post-1959 politics split families.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("1959", Some("AFTER")));
    let t = one("Output is back at pre-1990 levels.", &c);
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("1990", Some("BEFORE")));
    assert!(tag("The pre-war era ended.", &c).is_empty());
    assert_eq!(
        tv("He was shot last October. His name was crossed out that same day.", &c)[1].1,
        "1998-10-XX"
    );
    assert_eq!(tv("They met on Feb. 2 and signed that same day.", &c)[1].1, "1999-02-02");
}

#[test]
fn an_adjective_between_count_and_unit() {
    let c = ctx(1999, 2, 6);
    assert_eq!(one("The option may be extended for an additional year.", &c).value, "P1Y");
    assert_eq!(one("He was given a further six months.", &c).value, "P6M");
    assert_eq!(one("The strike lasted two extra days.", &c).value, "P2D");
    assert!(tag("He served a full term.", &c).is_empty());
}

#[test]
fn today_in_a_title_is_no_day() {
    let c = ctx(1999, 2, 6);
    assert_eq!(tv("He told USA Today on Monday.", &c), pairs(&[("Monday", "1999-02-01")]));
    assert!(tag("This is VOA Today.", &c).is_empty());
    assert_eq!(one("Talks resumed. Today the envoys met.", &c).value, "1999-02-06");
}

#[test]
fn or_so_and_earlier_that_day_are_one_expression() {
    let c = ctx(1991, 2, 25);
    let t = one("A week or so ago, the general chose the date.", &c);
    assert_eq!((t.text.as_str(), t.modifier.as_deref()), ("A week or so ago", Some("APPROX")));
    assert_eq!(
        tv("He was shot on Oct. 23. Earlier that day, the family sent a fax.", &c),
        pairs(&[("Oct. 23", "1990-10-23"), ("Earlier that day", "1990-10-23")])
    );
}

#[test]
fn a_modal_under_a_dated_saying_counts_from_the_saying() {
    // Published Monday 17 March 2025: the Friday after the Tuesday of the
    // statement is 14 March, not the coming 21 March.
    let c = ctx(2025, 3, 17);
    let v = tv("The ministry said on Tuesday it would announce the result on Friday.", &c);
    assert_eq!(v, pairs(&[("Tuesday", "2025-03-11"), ("Friday", "2025-03-14")]));
    let v = tv("Officials said on March 3 that the summit would open on March 10.", &c);
    assert_eq!(v, pairs(&[("March 3", "2025-03-03"), ("March 10", "2025-03-10")]));
    // The same weekday as the saying is the next one.
    let v = tv("Officials said on March 3 that the talks would resume on Monday.", &c);
    assert_eq!(v[1].1, "2025-03-10");
    let t = &tag("The army said Thursday it would withdraw on Saturday.", &c)[1];
    assert_eq!((t.value.as_str(), t.anchor), ("2025-03-15", Anchor::PreviousMention));
    assert!(t.rule.ends_with("reported_future"), "{}", t.rule);
    // "will" keeps the present as its reference, and an undated saying the
    // publication date.
    assert_eq!(tv("Rome said on Tuesday it will vote on Friday.", &c)[1].1, "2025-03-21");
    assert_eq!(one("Rome said it would vote on Friday.", &c).value, "2025-03-21");
}

#[test]
fn a_modal_under_a_past_perfect_looks_back() {
    // Published Monday 17 March 2025.
    let c = ctx(2025, 3, 17);
    let t = one("Oslo had assured the envoys that the border would reopen on Wednesday.", &c);
    assert_eq!(t.value, "2025-03-12");
    assert!(t.rule.ends_with("past_perfect_frame"), "{}", t.rule);
    // The date next to the perfect verb was already past.
    let t = one("Oslo had assured the envoys on Wednesday that the border would reopen.", &c);
    assert_eq!(t.value, "2025-03-12");
    // A deadline set in a past perfect clause: the nearest such day.
    let t = one("The court had decided that he must go and set Saturday as the deadline.", &c);
    assert_eq!(t.value, "2025-03-15");
    // A perfect that is itself reported is a present perfect put in the
    // past: what it announced may still be ahead.
    let t = one("Oslo said it had agreed that the border would reopen on Wednesday.", &c);
    assert_eq!(t.value, "2025-03-19");
}

#[test]
fn a_stretch_reported_to_date_is_compared_by_its_year() {
    // Published 6 November 2025: the third quarter is the one reported.
    let c = ctx(2025, 11, 6);
    let text = "Acme earned 4 million in the third quarter. For the first nine months, \
                it earned 12 million, up from 9 million in the 2024 period. The year-ago \
                figure included a gain. Orders fell from last year's level. In the quarter, \
                revenue rose 3% from a year earlier.";
    let v = tv(text, &c);
    let get = |s: &str| v.iter().find(|(t, _)| t == s).map(|x| x.1.as_str());
    assert_eq!(get("the third quarter"), Some("2025-Q3"));
    assert_eq!(get("the 2024 period"), Some("2024"));
    assert_eq!(get("year-ago"), Some("2024"));
    assert_eq!(get("last year"), Some("2024"));
    // A quarter named again takes the focus back.
    assert_eq!(get("the quarter"), Some("2025-Q3"));
    assert_eq!(get("a year earlier"), Some("2024-Q3"));
}

#[test]
fn last_year_beside_a_reported_quarter_is_a_comparison() {
    let c = ctx(2025, 11, 6);
    // "last year" does not become the period in focus, so "year-earlier"
    // still counts back from the reported quarter, not from last year.
    let text = "Net rose in the third quarter. Last year the unit lost money. \
                The year-earlier results were restated.";
    let v = tv(text, &c);
    assert_eq!(v[2], ("year-earlier".to_string(), "2024-Q3".to_string()));
    // With no period in focus, "last year" is one, and "a year earlier"
    // counts back from it.
    let v = tv("Last year the unit lost money. A year earlier it broke even.", &c);
    assert_eq!(v[1].1, "2023");
}

#[test]
fn a_clock_time_falls_on_the_day_named_after_it() {
    let c = fri();
    // Before this, "9 a.m." took the last day mentioned (Sunday) or the
    // publication day.
    let text = "The envoys landed on Sunday night. Talks opened at 9 a.m. on Monday.";
    let v = tv(text, &c);
    assert_eq!(v[1], ("9 a.m.".to_string(), "2025-03-10T09:00".to_string()));
    assert_eq!(v[2].1, "2025-03-10");
    let v = tv("The ballot will close at 6 p.m. local time on Tuesday.", &c);
    assert_eq!(v[0].1, "2025-03-18T18:00");
    let v = tv("The raid began at 4 a.m. on 2 February 2024.", &c);
    assert_eq!(v[0].1, "2024-02-02T04:00");
    // A day in another clause is not the clock's day.
    let v = tv("It ended at noon, and on Monday the envoys left.", &c);
    assert_eq!(v[0].1, "2025-03-14T12:00");
}

#[test]
fn abbreviated_quarters_halves_and_fiscal_years() {
    let c = fri();
    for (text, want) in [
        ("Exports grew in Q3 2023.", ("Q3 2023", "2023-Q3")),
        ("Exports grew in H2 2023.", ("H2 2023", "2023-H2")),
        ("Exports grew in Q1 of 2022.", ("Q1 of 2022", "2022-Q1")),
        ("Exports grew in Q2 FY2024.", ("Q2 FY2024", "2024-Q2")),
        ("Exports grew in FY2023.", ("FY2023", "2023")),
        ("Exports grew in FY 2023.", ("FY 2023", "2023")),
        ("In FY23, exports grew.", ("FY23", "2023")),
        // Alone, the latest such quarter begun, like "the fourth quarter".
        ("Exports grew in Q4.", ("Q4", "2024-Q4")),
    ] {
        let t = one(text, &c);
        assert_eq!((t.text.as_str(), t.value.as_str()), want, "{text}");
    }
    // Names and codes that look like them are not periods.
    assert!(tag("The H5N1 strain spread.", &c).is_empty());
    assert!(tag("He drove a Audi Q5 to the talks.", &c).is_empty());
    assert!(tag("Exports grew in q3.", &c).is_empty());
}

#[test]
fn a_day_anaphor_after_a_coarser_mention_neither_invents_nor_loses_the_day() {
    let c = fri();
    // A month that contains the day mentioned before refines nothing: the
    // count goes on from that day.
    let v =
        tv("The envoy landed on Tuesday, her first visit since March. The next day she left.", &c);
    assert_eq!(v[2], ("The next day".to_string(), "2025-03-12".to_string()));
    let v = tv(
        "Troops left on Monday, the first pullout this year. Four days later the base shut.",
        &c,
    );
    assert_eq!(v[2].1, "2025-03-14");
    // Only a year or a month to count from: no invented first of January.
    let t = &tag("The treaty lapsed in 2019. Three days later war broke out.", &c)[1];
    assert_eq!(t.value, "2019-XX-XX");
    assert_eq!(t.anchor, Anchor::PreviousMention);
    assert!(t.note.is_some());
    let v = tv(
        "The port closed in May 2021. A week later it reopened. Two months later it closed.",
        &c,
    );
    assert_eq!(v[1].1, "2021-WXX");
    assert_eq!(v[2].1, "2021-07");
}

#[test]
fn as_planned_keeps_the_main_verbs_tense() {
    // Published Monday 17 March 2025.
    let c = ctx(2025, 3, 17);
    assert_eq!(one("The ferry sailed as planned on Saturday.", &c).value, "2025-03-15");
    assert_eq!(one("The ferry sailed as originally scheduled Sunday.", &c).value, "2025-03-16");
    assert_eq!(one("The ferry will sail as planned on Saturday.", &c).value, "2025-03-22");
    // Without "as", a past arrangement still points ahead.
    assert_eq!(one("The crossing was planned for Saturday.", &c).value, "2025-03-22");
}

#[test]
fn a_year_naming_a_thing_does_not_move_the_story() {
    let c = ctx(2015, 3, 10);
    // "a deadly 2014 blast", "Russia's 2014 annexation": the story stays on
    // the last day told, and "a day later" counts from it. A year the story
    // moves to ("in 2014") is the reference, and its day is not known.
    let (kept, moved) = ("2015-03-04", "2014-XX-XX");
    for (text, want) in [
        ("Talks opened on 3 March. Officials recalled a deadly 2014 blast. A day later, they met.", kept),
        ("Talks opened on 3 March. They discussed Russia's 2014 annexation. A day later, they met.", kept),
        ("Talks opened on 3 March. They discussed Russia’s 2014 annexation. A day later, they met.", kept),
        ("Talks opened on 3 March. The 2014 accord was cited. A day later, they met.", kept),
        ("Talks opened on 3 March. In 2014 talks collapsed. A day later, they met.", moved),
        ("Talks opened on 3 March. The embassy closed in 2014. A day later, they met.", moved),
        ("Talks opened on 3 March. By 2014 the deal was dead. A day later, it was buried.", moved),
    ] {
        let v = tv(text, &c);
        let last = v.last().map(|(t, v)| (t.as_str(), v.as_str()));
        assert_eq!(last, Some(("A day later", want)), "{text}");
    }
}

#[test]
fn a_capitalised_may_is_a_month_or_a_name_not_the_modal() {
    // Published Thursday 12 June 2025: the days lie behind, not a year
    // ahead, whatever the "May" near them.
    let c = ctx(2025, 6, 12);
    for (text, day, want) in [
        ("On June 3 May addressed the chamber.", "June 3", "2025-06-03"),
        ("The envoy left on May 20, only to return on June 2.", "June 2", "2025-06-02"),
        ("Minister Theresa May signed it on June 4 in Leeds.", "June 4", "2025-06-04"),
    ] {
        let v = tv(text, &c);
        assert!(v.iter().any(|(t, v)| t == day && v == want), "{text}: {v:?}");
    }
    // The modal still points ahead, at a sentence's start too.
    assert_eq!(one("The envoy may return on June 20.", &c).value, "2025-06-20");
    assert_eq!(one("May the talks resume on June 20, he prayed.", &c).value, "2025-06-20");
}

#[test]
fn a_cue_in_another_clause_after_the_date_is_not_its_own() {
    // Published Saturday 15 March 2025.
    let c = ctx(2025, 3, 15);
    for (text, want) in [
        // A content clause after the date: its modal is the reported plan.
        (
            "The mayor had written to the council on Wednesday that the bridge would close.",
            "2025-03-12",
        ),
        // A participle's clause after a comma: the content of the saying.
        (
            "The minister unveiled the budget in parliament on Wednesday, saying taxes would fall.",
            "2025-03-12",
        ),
        // A closing attribution after a clause with its own verb.
        ("Negotiators are due to meet in Geneva on Wednesday, the ministry said.", "2025-03-19"),
        // A relative clause: the main verb after it is not the date's.
        ("The rule, which applies from March 28, drew protests.", "2025-03-28"),
    ] {
        assert_eq!(one(text, &c).value, want, "{text}");
    }
    // With no verb before it, the words after the date give its tense.
    assert_eq!(
        one("A landslide on Monday that buried the road cut the town off.", &c).value,
        "2025-03-10"
    );
    assert_eq!(
        one("A landslide on Monday, burying the road, isolated the town.", &c).value,
        "2025-03-10"
    );
    // A date opening the sentence belongs to the clause after the comma.
    assert_eq!(one("On Wednesday, the ministry said it was ready.", &c).value, "2025-03-12");
    assert_eq!(one("Wednesday, the ministers will meet again.", &c).value, "2025-03-19");
}

#[test]
fn a_datelines_date_says_it_is_the_filing_date() {
    let c = ctx(2025, 6, 12);
    for text in [
        "OSLO, June 12 (Fjord Wire) - Ministers met on Wednesday.",
        "By A. Writer\n\nLA PAZ/LIMA, June 12 - Ministers met on Wednesday.",
        "REYKJAVIK, 12 June (Wire) — Ministers met on Wednesday.",
    ] {
        let v = tag(text, &c);
        assert_eq!(v[0].value, "2025-06-12", "{text}");
        assert!(v[0].rule.ends_with("/dateline"), "{text}: {}", v[0].rule);
        assert!(!v[1].rule.ends_with("/dateline"), "{text}: {}", v[1].rule);
    }
    // A date after a comma elsewhere is no dateline.
    for text in [
        "In Oslo, June 12 (a Thursday) was chosen.",
        "Ministers met in OSLO, June 12 - the talks failed.",
        "The Oslo talks, June 12 - 14, failed.",
    ] {
        let v = tag(text, &c);
        assert!(v.iter().all(|t| !t.rule.ends_with("/dateline")), "{text}: {v:?}");
    }
}

#[test]
fn a_relative_clause_in_another_year_does_not_move_the_story() {
    // Published Friday 14 March 2025.
    let c = fri();
    let last = |text: &str| tv(text, &c).pop().map(|(_, v)| v).unwrap_or_default();
    // The clause tells background from last year: "the same day" is the
    // day the story had reached.
    assert_eq!(
        last(
            "The club quit the league on Tuesday, which it had joined on May 5 last year. \
             Its coach resigned the same day."
        ),
        "2025-03-11"
    );
    assert_eq!(
        last(
            "Parliament voted on Monday to leave the pact, which was signed in Riga on 3 June \
             2019. The next day, the envoy was recalled."
        ),
        "2025-03-11"
    );
    // A clause in the story's own time is part of it.
    assert_eq!(
        last("The talks, which began on Monday, ended without a deal. The next day, both sides left."),
        "2025-03-11"
    );
    // The main clause's own date after the clause moves the story.
    assert_eq!(
        last("The pact, which was signed on 3 June 2019, was renewed on Monday. The next day, it lapsed."),
        "2025-03-11"
    );
    // Inside the clause itself its own date is the reference.
    assert_eq!(
        last("The pact, which was signed on 3 June 2019 and took effect the next day, lapsed."),
        "2019-06-04"
    );
}

#[test]
fn a_week_or_two_ago_is_a_day_and_longer_ago_a_week() {
    // Published Friday 14 March 2025.
    let c = fri();
    assert_eq!(one("The envoys spoke a week ago.", &c).value, "2025-03-07");
    assert_eq!(one("The envoys spoke two weeks ago.", &c).value, "2025-02-28");
    assert_eq!(one("The envoys spoke a week or so ago.", &c).value, "2025-03-07");
    assert_eq!(one("The envoys spoke five weeks ago.", &c).value, "2025-W06");
    assert_eq!(one("The envoys spoke a fortnight ago.", &c).value, "2025-02-28");
}

#[test]
fn a_past_delay_to_a_named_day_takes_the_nearest_match() {
    // Published Friday 28 March 2025.
    let c = ctx(2025, 3, 28);
    // Long over: the extension was told in a look back.
    assert_eq!(
        tv("The fleet was to leave by January, a deadline later extended to Feb. 20.", &c)[1].1,
        "2025-02-20"
    );
    // Just ahead, as a fresh delay usually is.
    assert_eq!(one("The court adjourned the trial until April 2.", &c).value, "2025-04-02");
    // A future delay, and a delay to a weekday, still look ahead.
    assert_eq!(one("The board will extend the offer to Feb. 20.", &c).value, "2026-02-20");
    assert_eq!(one("The court adjourned the trial until Monday.", &c).value, "2025-03-31");
}

#[test]
fn this_weekend_told_in_the_past_early_in_the_week_is_the_one_gone() {
    // Published Tuesday 18 March 2025.
    let c = ctx(2025, 3, 18);
    assert_eq!(one("Crowds gathered in the square this weekend.", &c).value, "2025-W11-WE");
    assert_eq!(one("Crowds will gather in the square this weekend.", &c).value, "2025-W12-WE");
    assert_eq!(one("The fair is this weekend.", &c).value, "2025-W12-WE");
    // On a Sunday the weekend under way is the one told.
    assert_eq!(one("Crowds gathered this weekend.", &ctx(2025, 3, 16)).value, "2025-W11-WE");
}
