//! Temporal tagging and resolution: TIMEX3 expressions found in one pass and
//! resolved against the publication context.

use crate::model::{PubContext, Timex};

/// Find every temporal expression in `text` and resolve it against `ctx`.
/// Spans are byte offsets into `text`, in order of start.
pub fn tag(text: &str, ctx: &PubContext) -> Vec<Timex> {
    // Interface placeholder until the tagger lands (issue 2).
    let _ = (text, ctx);
    Vec::new()
}
