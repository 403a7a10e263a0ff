//! Timeline merge: repeat reports become one entry, date conflicts are
//! flagged, and `merge_entries` is associative, commutative and idempotent
//! (so `extract | merge` over any split equals `build`).

use chrono::NaiveDate;
use dateline::model::{
    Actor, Article, DateAnchor, Event, EventDate, EventStatus, Interval, Precision, PubContext,
    SourceRef, Span, TimelineEntry,
};
use dateline::timeline::{self, merge_entries, merge_events};
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn event(
    article: &str,
    start: usize,
    kind: &str,
    day: u32,
    anchor: DateAnchor,
    conf: f32,
) -> Event {
    let d = date(2025, 3, day);
    let mut ev = Event {
        event_id: String::new(),
        mention_id: String::new(),
        event_type: kind.to_string(),
        mode: (kind == "CONSULT").then(|| "meeting".to_string()),
        status: EventStatus::Occurred,
        actors: vec![
            Actor {
                name: "Egypt".into(),
                kind: "country".into(),
                role: None,
                country: Some("EGY".into()),
                code: Some("EGY".into()),
                part: "source".into(),
            },
            Actor {
                name: "Jordan".into(),
                kind: "country".into(),
                role: None,
                country: Some("JOR".into()),
                code: Some("JOR".into()),
                part: "target".into(),
            },
        ],
        location: None,
        summary: format!("Egypt {kind} Jordan"),
        trigger: "met".into(),
        evidence: format!("sentence {start} of {article}"),
        span: Span::new(start, start + 10),
        in_caption: false,
        date: EventDate {
            value: d.format("%Y-%m-%d").to_string(),
            modifier: None,
            interval: Some(Interval::day(d)),
            precision: Precision::Day,
            text: "Monday".into(),
            span: Some(Span::new(start + 2, start + 8)),
            anchor,
            rule: "test".into(),
            confidence: conf,
        },
        source: SourceRef {
            article_id: article.into(),
            title: article.into(),
            url: None,
            source: None,
            published: Some(date(2025, 3, 20)),
        },
    };
    ev.event_id = timeline::event_id(&ev);
    ev.mention_id = timeline::mention_id(article, None, ev.span, &ev.event_id);
    ev
}

#[test]
fn repeat_report_from_two_articles_is_one_entry() {
    let a = event("a", 0, "CONSULT", 10, DateAnchor::Publication, 0.9);
    let b = event("b", 40, "CONSULT", 10, DateAnchor::Explicit, 0.95);
    assert_eq!(a.event_id, b.event_id, "same event, same id, whatever the article");
    assert_ne!(a.mention_id, b.mention_id);
    let entries = merge_events(vec![a, b]);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].mentions.len(), 2);
    assert!(entries[0].date_conflict.is_empty());
    assert_eq!(entries[0].event.source.article_id, "b", "the most confident mention represents");
}

#[test]
fn date_conflict_is_flagged_and_best_supported_date_kept() {
    let a = event("a", 0, "CONSULT", 10, DateAnchor::Publication, 0.9);
    let b = event("b", 0, "CONSULT", 10, DateAnchor::Publication, 0.9);
    let c = event("c", 0, "CONSULT", 11, DateAnchor::Explicit, 0.95);
    let entries = merge_events(vec![c, a, b]);
    assert_eq!(entries.len(), 1, "a day apart: one event");
    let e = &entries[0];
    assert_eq!(e.event.date.value, "2025-03-10", "two sources beat one");
    assert_eq!(e.date_conflict.len(), 1);
    assert_eq!(e.date_conflict[0].value, "2025-03-11");
    assert_eq!(e.date_conflict[0].support, 1);
}

#[test]
fn inherited_and_fallback_dates_do_not_make_conflicts() {
    let a = event("a", 0, "CONSULT", 10, DateAnchor::Publication, 0.9);
    let b = event("b", 0, "CONSULT", 14, DateAnchor::PublicationFallback, 0.2);
    let entries = merge_events(vec![a, b]);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].event.date.value, "2025-03-10");
    assert!(entries[0].date_conflict.is_empty());
}

#[test]
fn different_types_stay_apart_and_sort_by_date() {
    let a = event("a", 0, "CONSULT", 12, DateAnchor::Publication, 0.9);
    let b = event("a", 20, "ACCUSE", 3, DateAnchor::Publication, 0.9);
    let entries = merge_events(vec![a, b]);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].event.event_type, "ACCUSE");
}

#[test]
fn ids_do_not_depend_on_article_or_order() {
    let a = event("first", 0, "ACCUSE", 3, DateAnchor::Publication, 0.9);
    let b = event("second", 99, "ACCUSE", 4, DateAnchor::Explicit, 0.5);
    assert_eq!(a.event_id, b.event_id);
    assert_eq!(a.event_id.len(), 32);
    assert!(a.event_id.chars().all(|c| c.is_ascii_hexdigit()));
}

fn article(id: &str, published: NaiveDate, body: &str) -> Article {
    Article {
        id: id.into(),
        title: id.into(),
        paragraphs: body.split("\n\n").map(str::to_string).collect(),
        context: PubContext { date: Some(published), ..PubContext::default() },
        ..Article::default()
    }
}

#[test]
fn build_merges_a_repeat_report_across_articles() {
    let a = article(
        "wire-1",
        date(2025, 5, 6),
        "Egyptian Foreign Minister Karim Adel met Jordanian King Hani Omar in Amman.",
    );
    let b = article(
        "wire-2",
        date(2025, 5, 7),
        "Jordanian King Hani Omar met Egyptian Foreign Minister Karim Adel, officials said.",
    );
    let entries = timeline::build(&[a.clone(), b.clone()]);
    let consult: Vec<&TimelineEntry> =
        entries.iter().filter(|e| e.event.event_type == "CONSULT").collect();
    assert_eq!(consult.len(), 1, "{entries:#?}");
    assert_eq!(consult[0].mentions.len(), 2);
    // Adding an unrelated article changes no id.
    let c = article("other", date(2025, 5, 7), "Chilean President Ana Ruiz visited Lima.");
    let more = timeline::build(&[c, b, a]);
    assert!(more.iter().any(|e| e.event_id == consult[0].event_id));
}

// ---- properties -------------------------------------------------------

fn pool() -> Vec<Event> {
    let mut v = Vec::new();
    let kinds = ["CONSULT", "ACCUSE", "AGREE"];
    let anchors = [DateAnchor::Explicit, DateAnchor::Publication, DateAnchor::Inherited];
    for i in 0..18usize {
        let kind = kinds[i % 3];
        let day = 1 + (i as u32 * 7) % 27;
        let conf = [0.95, 0.9, 0.6][i % 3];
        v.push(event(&format!("art{}", i % 4), i * 13, kind, day, anchors[(i / 3) % 3], conf));
    }
    v
}

fn entries_of(pool: &[Event], idx: &[usize]) -> Vec<TimelineEntry> {
    merge_events(idx.iter().map(|&i| pool[i].clone()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_split_shuffle_and_duplicate_invariant(
        idx in proptest::collection::vec(0usize..18, 0..30),
        cut in 0usize..30,
        cut2 in 0usize..30,
        seed in any::<u64>(),
    ) {
        let pool = pool();
        let whole = entries_of(&pool, &idx);
        // Split into three parts, merge each, merge the merges in two
        // groupings: ((a b) c) and (a (b c)).
        let c1 = cut.min(idx.len());
        let c2 = cut2.min(idx.len()).max(c1);
        let (a, b, c) = (&idx[..c1], &idx[c1..c2], &idx[c2..]);
        let (ea, eb, ec) = (entries_of(&pool, a), entries_of(&pool, b), entries_of(&pool, c));
        let left = merge_entries(
            merge_entries(ea.iter().cloned().chain(eb.iter().cloned())).into_iter().chain(ec.clone()),
        );
        let right = merge_entries(
            ea.iter().cloned().chain(merge_entries(eb.iter().cloned().chain(ec.iter().cloned()))),
        );
        prop_assert_eq!(&left, &whole);
        prop_assert_eq!(&right, &whole);
        // Shuffle (deterministic from the seed) and duplicate.
        let mut shuffled = idx.clone();
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let mut doubled = shuffled.clone();
        doubled.extend(idx.iter().take(cut));
        let again = entries_of(&pool, &doubled);
        let with_dupes: Vec<usize> = idx.iter().chain(idx.iter().take(cut)).copied().collect();
        prop_assert_eq!(&entries_of(&pool, &with_dupes), &whole);
        prop_assert_eq!(&again, &whole);
        // Idempotent.
        prop_assert_eq!(&merge_entries(whole.iter().cloned().chain(whole.iter().cloned())), &whole);
        prop_assert_eq!(&merge_entries(whole.clone()), &whole);
    }

    #[test]
    fn merge_events_equals_merge_of_singletons(idx in proptest::collection::vec(0usize..18, 0..30)) {
        let pool = pool();
        let evs: Vec<Event> = idx.iter().map(|&i| pool[i].clone()).collect();
        let singles: Vec<TimelineEntry> = evs.iter().cloned().map(timeline::singleton).collect();
        prop_assert_eq!(merge_events(evs), merge_entries(singles));
    }
}
