//! The gold scorer: precision and recall of (event, date) pairs on the
//! hand-made gold of the sample articles (`data/gold/samples_events.tsv`).
//!
//! Also scores the held-out articles of `data/heldout/`, `data/heldout2/` and
//! `data/heldout3/` against their `events.tsv` with the same rule (real
//! tagger only).
//!
//! Run it with `cargo test --test events_gold -- --nocapture` (set
//! `DATELINE_SCORE_VERBOSE=1` to list every miss, `DATELINE_SCORE_VERBOSE=stages`
//! to say for each miss which step of the event rules lost it, with a table
//! per set: see `tests/support/stages.rs`). Blind sets print neither.
//!
//! # Matching rule
//!
//! A **system pair** is one event mention extracted from one article,
//! reduced to (article, event type, date value, actor countries); identical
//! pairs within an article count once. A **gold pair** is one row of the
//! gold file. A system pair matches a gold pair when:
//!
//! 1. they belong to the same article (file and article label),
//! 2. the event types are equal,
//! 3. the TIMEX3 date values are equal as strings (`2025-03-18` does not
//!    match `2025-03-18TEV` nor `2025-W12`),
//! 4. their actor-country sets overlap (countries are the `country` of each
//!    actor; armed groups carry their home country), or both are empty.
//!
//! Matching is one-to-one, greedy in gold order, each gold row taking the
//! first unmatched system pair that satisfies the rule. Precision =
//! matched / system pairs; recall = matched / gold rows.
//!
//! Two runs are scored: with the **gold temporal expressions**
//! (`samples_timex.tsv`, so event extraction and date attachment are
//! measured alone) and with the real tagger (`temporal::tag`), the whole
//! pipeline.

mod support;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dateline::cmd::InputOptions;
use dateline::model::{Article, Event};

#[derive(Debug, Clone)]
struct Gold {
    file: String,
    label: String,
    date: String,
    event_type: String,
    countries: BTreeSet<String>,
    hint: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Pair {
    event_type: String,
    date: String,
    countries: BTreeSet<String>,
    summary: String,
}

/// The rows of an events gold file (path relative to the crate root).
fn gold_rows(rel: &str) -> Vec<Gold> {
    let text = std::fs::read_to_string(support::root().join(rel)).expect(rel);
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c.len() >= 12).then(|| Gold {
                file: c[0].into(),
                label: c[1].into(),
                date: c[2].into(),
                event_type: c[5].into(),
                countries: c[8].split(';').filter(|s| !s.is_empty()).map(String::from).collect(),
                hint: c[11].into(),
            })
        })
        .collect()
}

/// The articles of a directory (relative to the crate root) with their
/// (file, label), labels assigned in the order the gold lists them per file.
fn labelled_articles(rel_dir: &str, gold: &[Gold]) -> Vec<(String, String, Article)> {
    let dir = support::root().join(rel_dir);
    let manifest = dir.join("manifest.csv");
    let opts = InputOptions {
        inputs: vec![dir.display().to_string()],
        manifest: manifest.is_file().then_some(manifest),
        published: None,
    };
    let read: Vec<(String, Article)> = match dateline::ingest::read(&opts) {
        Ok(r) if !r.articles.is_empty() => r
            .articles
            .into_iter()
            .map(|a| {
                let name = std::path::Path::new(&a.origin.file)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("")
                    .to_string();
                (name, a)
            })
            .collect(),
        _ => {
            eprintln!("events_gold: ingest::read gave no articles; using the crude test reader");
            support::crude_samples(&dir)
        }
    };
    let mut labels: HashMap<String, Vec<String>> = HashMap::new();
    for g in gold {
        let v = labels.entry(g.file.clone()).or_default();
        if !v.contains(&g.label) {
            v.push(g.label.clone());
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    read.into_iter()
        .filter_map(|(file, a)| {
            let k = seen.entry(file.clone()).or_default();
            let label = labels.get(&file)?.get(*k)?.clone();
            *k += 1;
            Some((file, label, a))
        })
        .collect()
}

fn pairs(events: &[Event]) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::new();
    for e in events {
        let p = Pair {
            event_type: e.event_type.clone(),
            date: e.date.value.clone(),
            countries: e.actors.iter().filter_map(|a| a.country.clone()).collect(),
            summary: format!("{} [{}] {}", e.summary, e.date.anchor.as_str(), e.status.as_str()),
        };
        if !out
            .iter()
            .any(|o| o.event_type == p.event_type && o.date == p.date && o.countries == p.countries)
        {
            out.push(p);
        }
    }
    out
}

fn matches(g: &Gold, p: &Pair) -> bool {
    g.event_type == p.event_type
        && g.date == p.date
        && (g.countries.intersection(&p.countries).next().is_some()
            || (g.countries.is_empty() && p.countries.is_empty()))
}

/// The largest one-to-one matching of gold rows to system pairs (Kuhn's
/// augmenting paths): a first-come match can give a system event to the
/// wrong one of two similar gold rows and leave the other unmatched.
fn max_matching(rows: &[&Gold], sys: &[Pair]) -> Vec<Option<usize>> {
    fn augment(
        g: usize,
        rows: &[&Gold],
        sys: &[Pair],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for (i, p) in sys.iter().enumerate() {
            if seen[i] || !matches(rows[g], p) {
                continue;
            }
            seen[i] = true;
            if owner[i].is_none_or(|o| augment(o, rows, sys, seen, owner)) {
                owner[i] = Some(g);
                return true;
            }
        }
        false
    }
    let mut owner: Vec<Option<usize>> = vec![None; sys.len()];
    for g in 0..rows.len() {
        let mut seen = vec![false; sys.len()];
        augment(g, rows, sys, &mut seen, &mut owner);
    }
    let mut pair_of = vec![None; rows.len()];
    for (i, o) in owner.iter().enumerate() {
        if let Some(g) = o {
            pair_of[*g] = Some(i);
        }
    }
    pair_of
}

struct Score {
    system: usize,
    gold: usize,
    matched: usize,
}

/// Names (as passed to [`score`]) of the held-out sets still blind: measured,
/// never read for misses. Remove a set here when it becomes development data.
const BLIND: &[&str] = &["fifth held-out", "sixth held-out", "seventh held-out"];

fn score(
    name: &str,
    gold: &[Gold],
    articles: &[(String, String, Article)],
    extract: &dyn Fn(&str, &str, &Article) -> Vec<Event>,
) -> Score {
    // A blind set's misses are never printed: reading them would turn it
    // into development data without anyone deciding so.
    let blind = BLIND.iter().any(|b| name.starts_with(b));
    let mode = std::env::var("DATELINE_SCORE_VERBOSE").ok().filter(|_| !blind);
    let verbose = mode.is_some();
    let stages = mode.as_deref() == Some("stages");
    let mut table: BTreeMap<String, usize> = BTreeMap::new();
    let mut s = Score { system: 0, gold: 0, matched: 0 };
    for (file, label, article) in articles {
        let (events, steps) = if stages {
            dateline::events::trace::collect(|| extract(file, label, article))
        } else {
            (extract(file, label, article), Vec::new())
        };
        let sys = pairs(&events);
        let rows: Vec<&Gold> =
            gold.iter().filter(|g| &g.file == file && &g.label == label).collect();
        s.system += sys.len();
        s.gold += rows.len();
        let pair_of = max_matching(&rows, &sys);
        let mut used = vec![false; sys.len()];
        for (g, hit) in rows.iter().zip(&pair_of) {
            match hit {
                Some(i) => {
                    used[*i] = true;
                    s.matched += 1;
                }
                None if stages => {
                    let taken = sys.iter().any(|p| matches(g, p));
                    let lost = support::stages::classify(
                        article,
                        &steps,
                        &events,
                        (&g.event_type, &g.date, &g.countries, &g.hint),
                        taken,
                    );
                    eprintln!(
                        "  [{name}] MISS {label}: {} {} {:?} — {} => {}: {}",
                        g.event_type, g.date, g.countries, g.hint, lost.stage, lost.detail
                    );
                    if !lost.sentence.is_empty() {
                        eprintln!("      | {}", lost.sentence.replace('\n', " "));
                    }
                    *table.entry(lost.stage).or_default() += 1;
                }
                None if verbose => eprintln!(
                    "  [{name}] MISS {label}: {} {} {:?} — {}",
                    g.event_type, g.date, g.countries, g.hint
                ),
                None => {}
            }
        }
        if verbose {
            for (i, p) in sys.iter().enumerate() {
                if !used[i] {
                    eprintln!(
                        "  [{name}] EXTRA {label}: {} {} {:?} — {}",
                        p.event_type, p.date, p.countries, p.summary
                    );
                }
            }
        }
    }
    if stages {
        let mut rows: Vec<(&String, &usize)> = table.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (stage, n) in rows {
            eprintln!("  [{name}] STAGE {n:>3}  {stage}");
        }
    }
    let p = s.matched as f64 / s.system.max(1) as f64;
    let r = s.matched as f64 / s.gold.max(1) as f64;
    println!(
        "events_gold [{name}]: system {} gold {} matched {} precision {p:.3} recall {r:.3}",
        s.system, s.gold, s.matched
    );
    s
}

#[test]
fn precision_and_recall_on_the_sample_gold() {
    let gold = gold_rows("data/gold/samples_events.tsv");
    assert!(gold.len() > 50, "the gold file has its rows");
    let articles = labelled_articles("data/samples", &gold);
    assert!(!articles.is_empty(), "sample articles read");
    let timex_gold = support::gold_timexes(&support::root().join("data/gold/samples_timex.tsv"));

    let oracle = |file: &str, label: &str, a: &Article| {
        let g = timex_gold.get(&(file.to_string(), label.to_string())).cloned().unwrap_or_default();
        dateline::events::extract_with(a, support::oracle(&g, a))
    };
    let with_gold_dates = score("gold timexes", &gold, &articles, &oracle);
    let real = |_: &str, _: &str, a: &Article| dateline::events::extract(a);
    let _ = score("real tagger", &gold, &articles, &real);

    // A regression floor for extraction with gold dates (raise it as the
    // rules improve; the target is 0.85 on both).
    let p = with_gold_dates.matched as f64 / with_gold_dates.system.max(1) as f64;
    let r = with_gold_dates.matched as f64 / with_gold_dates.gold.max(1) as f64;
    assert!(p >= 0.90 && r >= 0.88, "precision {p:.3}, recall {r:.3} fell below the floor");
}

/// Precision and recall of the whole pipeline (real tagger: no timex gold
/// exists for the held-out sets) on the held-out set in `dir`, whose gold
/// file must have at least `min_rows` rows.
fn heldout_score(dir: &str, min_rows: usize, name: &str) -> (f64, f64) {
    let gold = gold_rows(&format!("{dir}/events.tsv"));
    assert!(gold.len() >= min_rows, "the gold file of {dir} has its rows");
    let articles = labelled_articles(dir, &gold);
    let labels: BTreeSet<&str> = gold.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(articles.len(), labels.len(), "every article of {dir} read and labelled");
    let real = |_: &str, _: &str, a: &Article| dateline::events::extract(a);
    let s = score(name, &gold, &articles, &real);
    (s.matched as f64 / s.system.max(1) as f64, s.matched as f64 / s.gold.max(1) as f64)
}

/// The first held-out articles (`data/heldout/`, see its README): written
/// after the rules were tuned on the samples. Measured once before any rule
/// change (precision 0.682, recall 0.395); the fourth round of event rules
/// then fixed their miss classes (precision 0.970, recall 0.842, still so
/// after the eighth round), so they are development data now and the floors
/// guard that work against regressions.
#[test]
fn precision_and_recall_on_the_heldout_gold() {
    let (p, r) = heldout_score("data/heldout", 30, "held-out, real tagger");
    assert!(
        p >= 0.95 && r >= 0.83,
        "held-out precision {p:.3}, recall {r:.3} fell below the floor"
    );
}

/// The second held-out set (`data/heldout2/`, see its README): five articles
/// written blind to the rules while the first set was used to change them;
/// development data since its second measurement. The fifth rule round
/// (lemma triggers, its conventions) took it to precision 0.590, recall
/// 0.469, the sixth (precision work: reporting participles, noun-modifying
/// participles, naming "called") to 0.644 / 0.480, the seventh (statement
/// content, definite noun frames, object initialisms, refusals of talks,
/// years modifying nouns) to 0.675 / 0.531, the eighth (datelines, announced
/// decisions, date fit, recodings) to 0.711 / 0.551, the ninth (stage
/// diagnostic: "a day after the attack" counted from the attack, "the
/// bloc, meeting in X, called on") to 0.753 / 0.592; the floors sit under
/// that (regression floors, not the target, which is 0.85).
#[test]
fn precision_and_recall_on_the_second_heldout_gold() {
    let (p, r) = heldout_score("data/heldout2", 80, "second held-out, real tagger");
    assert!(
        p >= 0.73 && r >= 0.58,
        "second held-out precision {p:.3}, recall {r:.3} fell below the floor"
    );
}

/// The third held-out set (`data/heldout3/`, see its README): six articles
/// written blind while the rules were being changed because of the second
/// set. Measured blind twice (round 4: 0.559 / 0.422; round 5: 0.560 /
/// 0.522), development data since; the sixth rule round took it to 0.608 /
/// 0.533, the seventh (offices, short names, pairs, "since" lists,
/// pacts, sanctions by halted cooperation) to 0.671 / 0.633, the eighth
/// (datelines, announced decisions, relations established as agreements,
/// present-perfect background) to 0.706 / 0.667, the ninth (adverbs in a
/// verb group, "the two presidents", dates carried from the sentence
/// before) to 0.733 / 0.700. The floors sit under that (regression floors,
/// not the target, which is 0.85).
#[test]
fn precision_and_recall_on_the_third_heldout_gold() {
    let (p, r) = heldout_score("data/heldout3", 80, "third held-out, real tagger");
    assert!(
        p >= 0.72 && r >= 0.69,
        "third held-out precision {p:.3}, recall {r:.3} fell below the floor"
    );
}

/// The fourth held-out set (`data/heldout4/`, 6 articles in 5 files, 101
/// rows), written blind by a helper who read no rule and ran no extractor
/// on it. Measured blind on the round-5 rules (P 0.410, R 0.317) and the
/// round-6 rules (P 0.427, R 0.317) and the round-7 rules (P 0.419, R
/// 0.307); development data since stop 12. The eighth rule round, the
/// first to read its misses, took it to P 0.690, R 0.574 (datelines and
/// the home of untitled officials, announced decisions, reproaches and
/// warnings in statements, date fit, pronoun and appositive subjects,
/// recodings); the ninth (dates carried from the sentence before) to P
/// 0.721, R 0.614. The floors sit under that (regression floors; the
/// target is 0.85).
#[test]
fn precision_and_recall_on_the_fourth_heldout_gold() {
    let (p, r) = heldout_score("data/heldout4", 90, "fourth held-out, real tagger");
    assert!(
        p >= 0.71 && r >= 0.60,
        "fourth held-out precision {p:.3}, recall {r:.3} fell below the floor"
    );
}

/// The fifth held-out set (`data/heldout5/`, 6 articles in 5 files, 131
/// rows), written blind by a helper who read no rule and ran no extractor
/// on it. Measured blind on the round-6 rules (P 0.622, R 0.389; the run
/// that found an extraction panic on it, fixed since); no miss list printed
/// yet. The floors sit under that measurement (regression floors; the
/// target is 0.85).
#[test]
fn precision_and_recall_on_the_fifth_heldout_gold() {
    let (p, r) = heldout_score("data/heldout5", 120, "fifth held-out, real tagger");
    assert!(
        p >= 0.58 && r >= 0.36,
        "fifth held-out precision {p:.3}, recall {r:.3} fell below the floor"
    );
}

/// The sixth held-out set (`data/heldout6/`, 6 articles in 5 files, 114
/// rows), written blind by a helper who read no rule and ran no extractor
/// on it, in more kinds of writing than the earlier sets (an explainer with
/// many past dates, a live blog with clock times, quotes, plans and
/// conditions, negations). Measured blind on the round-7 rules (P 0.397,
/// R 0.237); no miss list printed. The floors sit under that measurement
/// (regression floors; the target is 0.85).
#[test]
fn precision_and_recall_on_the_sixth_heldout_gold() {
    let (p, r) = heldout_score("data/heldout6", 100, "sixth held-out, real tagger");
    assert!(
        p >= 0.36 && r >= 0.21,
        "sixth held-out precision {p:.3}, recall {r:.3} fell below the floor"
    );
}

/// The seventh held-out set (`data/heldout7/`, 7 articles in 5 files, 123
/// rows: Georgia 2008, Libya 2011, the South China Sea award 2016, Galwan
/// 2020, the Solomon Islands pact 2022), written blind by a helper who read
/// no rule and ran no extractor on it. Measured blind on the round-8 rules
/// of main at 9fad478 (P 0.481, R 0.317); no miss list printed. The floors sit
/// under that measurement (regression floors; the target is 0.85).
#[test]
fn precision_and_recall_on_the_seventh_heldout_gold() {
    let (p, r) = heldout_score("data/heldout7", 110, "seventh held-out, real tagger");
    assert!(
        p >= 0.45 && r >= 0.29,
        "seventh held-out precision {p:.3}, recall {r:.3} fell below the floor"
    );
}
