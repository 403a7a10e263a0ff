//! Golden files: compare an output with the file that holds it;
//! `DATELINE_BLESS=1` rewrites the file instead (review the diff after).

use std::path::Path;

/// Compare `actual` with the golden file at `path`, or write it when
/// `DATELINE_BLESS` is set.
pub fn check_file(path: &Path, actual: &str) {
    if std::env::var_os("DATELINE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("create its folder");
        std::fs::write(path, actual).expect("write golden file");
        eprintln!("blessed {}", path.display());
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("{}: {e} (run with DATELINE_BLESS=1 to create it, then review it)", path.display())
    });
    if expected != actual {
        let diff_line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the output at line {}:\n expected: {:?}\n   actual: {:?}\n\
             (if the change is intended: DATELINE_BLESS=1 cargo test, then review the diff)",
            path.display(),
            diff_line + 1,
            expected.lines().nth(diff_line).unwrap_or("<end>"),
            actual.lines().nth(diff_line).unwrap_or("<end>")
        );
    }
}
