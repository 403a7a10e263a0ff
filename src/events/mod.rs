//! Events: actors, triggers, who did what to whom, and the date each event
//! is anchored to.

use crate::model::{Article, Event};

/// Extract every event mention from one article (body and captions).
pub fn extract(article: &Article) -> Vec<Event> {
    // Interface placeholder until events land (issue 4).
    let _ = article;
    Vec::new()
}
