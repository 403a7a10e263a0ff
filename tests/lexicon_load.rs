//! `lexicon::load_all` parses every data file: the one test in its own
//! process, so no other test has loaded a lexicon before it looks.

use std::path::Path;

#[test]
fn load_all_reads_every_data_file() {
    assert!(dateline::lexicon::files_read().is_empty(), "nothing loaded before the call");
    dateline::lexicon::load_all();
    let read = dateline::lexicon::files_read();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut missing = Vec::new();
    for stage in ["events", "ingest", "temporal"] {
        for entry in std::fs::read_dir(root.join(stage)).expect("data stage folder") {
            let name = format!("{stage}/{}", entry.expect("entry").file_name().to_string_lossy());
            if !read.contains(&name) {
                missing.push(name);
            }
        }
    }
    assert!(missing.is_empty(), "data files load_all does not read: {missing:?}");
}
