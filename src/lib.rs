/*!
dateline turns news articles about diplomacy into dated event timelines.

The pipeline, in stages; each stage's output is a serde type from
[`model`] that can be written out and tested alone:

1. **Ingest** ([`ingest`]): files, folders, JSON/JSONL, HTML, scraped text
   dumps → [`model::Article`]s with their publication context.
2. **Temporal tagging** ([`temporal`]): one pass over the text finds TIMEX3
   expressions (DATE, TIME, DURATION, SET) with byte spans.
3. **Resolution** ([`temporal`]): each expression gets a TIMEX3 value, an
   inclusive interval, a precision, its anchor and the rule that decided it,
   tense-aware, against the publication context → [`model::Timex`].
4. **Events** ([`events`]): who did what to whom, each anchored to its own
   date → [`model::Event`].
5. **Timeline** ([`timeline`]): repeat reports merged into one entry with
   every source, stable ids, date conflicts flagged →
   [`model::TimelineEntry`].
6. **Export** ([`export`]): analyst CSV, self-contained HTML page, JSON,
   TimelineJS JSON, TimeML.

The binary (`src/main.rs`) only parses arguments and calls [`cmd`].
*/

#![warn(missing_docs)]

pub mod cmd;
pub mod error;
pub mod events;
pub mod export;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod segment;
pub mod temporal;
pub mod timeline;

pub use error::{Error, ErrorKind, Location, Result};
