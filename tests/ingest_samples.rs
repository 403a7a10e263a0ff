//! The sample articles in `data/samples/` (written by the samples engineer,
//! with their publication dates listed in `data/gold/README.md`) read
//! cleanly through `ingest::default_inputs()`, the inputs `build` uses when
//! given none: every gold article is found by its title, with the gold
//! publication date, time and offset, and nothing is reported.

use std::path::Path;

use dateline::ingest;

#[test]
fn samples_read_cleanly_with_gold_dates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(gold) = std::fs::read_to_string(root.join("data/gold/README.md")) else {
        eprintln!("skipped: data/gold/README.md not present yet");
        return;
    };
    let rows: Vec<(String, String)> = gold
        .lines()
        .skip_while(|l| !l.starts_with("## The articles and their publication dates"))
        .skip(1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split('|').map(str::trim).collect();
            (cols[3].to_string(), cols[4].to_string())
        })
        .collect();
    assert!(!rows.is_empty());
    let res = ingest::read(&ingest::default_inputs()).unwrap();
    for d in &res.diagnostics {
        eprintln!("{d}");
    }
    assert!(res.diagnostics.is_empty(), "the samples should read without a problem");
    assert_eq!(res.articles.len(), rows.len(), "one article per gold row");
    for (title, published) in &rows {
        let a = res
            .articles
            .iter()
            .find(|a| &a.title == title)
            .unwrap_or_else(|| panic!("no article titled {title:?}"));
        let want = ingest::parse_published(published).unwrap();
        assert_eq!(
            (a.context.date, a.context.time, a.context.utc_offset),
            (want.date, want.time, want.utc_offset),
            "{title}"
        );
        for c in &a.captions {
            assert!(!a.paragraphs.contains(&c.text), "caption in body: {title}");
        }
    }
    let ids: std::collections::HashSet<_> = res.articles.iter().map(|a| &a.id).collect();
    assert_eq!(ids.len(), res.articles.len(), "ids are unique");
}
