//! The streaming site writer (`write_site_merged`, what `render` uses) writes
//! the same bytes as `write_site` over the expanded entries, whatever order
//! the entries reach the merge in, and for an empty timeline.

#[path = "export_support/mod.rs"]
mod support;

use std::path::Path;

use dateline::export::write::{write_site, write_site_merged, SiteOptions, OUTPUTS, STATE_FILE};
use dateline::model::TimelineEntry;
use dateline::timeline::{merge_entries, Merger};
use support::fixture_entries;

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    OUTPUTS
        .iter()
        .chain([&STATE_FILE])
        .map(|n| (n.to_string(), std::fs::read(dir.join(n)).expect(n)))
        .collect()
}

fn streamed(
    entries: impl IntoIterator<Item = TimelineEntry>,
    opts: &SiteOptions,
) -> Vec<(String, Vec<u8>)> {
    let mut m = Merger::new();
    for e in entries {
        m.add_entry(e);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    write_site_merged(dir.path(), m.finish(), opts).expect("streamed site writes");
    files(dir.path())
}

fn whole(entries: &[TimelineEntry], opts: &SiteOptions) -> Vec<(String, Vec<u8>)> {
    let dir = tempfile::tempdir().expect("tempdir");
    write_site(dir.path(), entries, opts).expect("site writes");
    files(dir.path())
}

fn assert_same(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)]) {
    for ((name, x), (_, y)) in a.iter().zip(b) {
        assert!(
            x == y,
            "{name} differs:\n{}\n---\n{}",
            String::from_utf8_lossy(x),
            String::from_utf8_lossy(y)
        );
    }
}

#[test]
fn streamed_site_equals_the_whole_one() {
    let entries = merge_entries(fixture_entries());
    assert!(entries.len() > 3, "fixture has entries");
    let stamped = SiteOptions {
        excel: true,
        stamp: Some("2025-01-01T00:00:00Z".into()),
        title: "T <&>".into(),
    };
    for opts in [SiteOptions::default(), stamped] {
        let want = whole(&entries, &opts);
        let mut reversed = entries.clone();
        reversed.reverse();
        assert_same(&streamed(reversed, &opts), &want);
        assert_same(&streamed(entries.clone(), &opts), &want);
    }
}

#[test]
fn streamed_empty_site_equals_the_whole_one() {
    let opts = SiteOptions::default();
    let got = streamed(Vec::new(), &opts);
    assert_same(&got, &whole(&[], &opts));
    let page =
        String::from_utf8(got.iter().find(|f| f.0 == "index.html").unwrap().1.clone()).unwrap();
    assert!(page.contains("No events yet"));
    assert!(page.ends_with("</html>"));
}
