//! Outputs: analyst CSV, JSON, TimelineJS JSON, the HTML page, TimeML;
//! atomic writes.

pub mod csv;
