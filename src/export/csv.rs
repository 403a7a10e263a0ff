//! The analyst CSV: one row per timeline entry, fixed columns.

use std::io::Write;

use crate::model::TimelineEntry;
use crate::Result;

/// Write `entries` as the analyst CSV; `excel` starts it with a UTF-8 BOM.
pub fn write(out: &mut dyn Write, entries: &[TimelineEntry], excel: bool) -> Result<()> {
    // Interface placeholder until the export lands (issue 5).
    let _ = (out, entries, excel);
    Ok(())
}
