//! Table-driven resolution cases from `tests/resolve_cases.tsv`: one row per
//! phenomenon, with the publication date, the sentence, the expression and
//! its expected value (and mod).

use chrono::NaiveDate;
use dateline::model::PubContext;

#[test]
fn every_case_in_resolve_cases_tsv() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/resolve_cases.tsv");
    let table = std::fs::read_to_string(&path).expect("tests/resolve_cases.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 4, "line {}: expected 4 or 5 columns", i + 1);
        let ctx = match cols[0] {
            "-" => PubContext::default(),
            d => PubContext {
                date: Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("published date")),
                ..PubContext::default()
            },
        };
        n += 1;
        let found = dateline::temporal::tag(cols[1], &ctx);
        let hit = found.iter().find(|t| t.text == cols[2]);
        let want_mod = cols.get(4).copied();
        match hit {
            Some(t) if t.value == cols[3] && t.modifier.as_deref() == want_mod => {}
            Some(t) => failures.push(format!(
                "line {}: {:?} in {:?}: got {} {:?}, want {} {:?} ({})",
                i + 1,
                cols[2],
                cols[1],
                t.value,
                t.modifier,
                cols[3],
                want_mod,
                t.rule
            )),
            None => failures.push(format!(
                "line {}: {:?} not found in {:?}; found {:?}",
                i + 1,
                cols[2],
                cols[1],
                found.iter().map(|t| &t.text).collect::<Vec<_>>()
            )),
        }
    }
    assert!(n >= 40, "the table lost rows: {n}");
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
