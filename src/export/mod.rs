/*!
Outputs: the analyst CSV ([`csv`]), `events.json` ([`json`]), TimelineJS3 JSON
([`timelinejs`]), the self-contained HTML page ([`html`]), and the site
writer that puts them in a directory safely ([`mod@write`]).

All outputs are projections of the same [`crate::model::TimelineEntry`]s
through [`fields`], in the same timeline order, so they never disagree.
*/

// `crate::Error` is 128+ bytes (it carries a Location with a path); boxing it
// is error.rs's call, not this module's (ingest allows it the same way).
#![allow(clippy::result_large_err)]

pub mod csv;
pub mod fields;
mod histogram;
pub mod html;
pub mod json;
pub mod timelinejs;
pub mod write;
