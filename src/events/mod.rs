/*!
Events: who did what to whom, each anchored to its own date.

The stages, one module each:

1. [`actors`]: countries, institutions, organizations, armed groups and
   people (found by role patterns), with in-article coreference.
2. [`triggers`]: the words that name events, mapped to PLOVER categories
   (plus `STATEMENT`) and modes.
3. [`extract`]: source, target, status (occurred, scheduled, hypothetical,
   negated) per trigger, sentence by sentence; `announce` folds a
   statement into the decided act it announces ("said it would expel");
   `recode` recodes disagreement ("did not agree with it": ACCUSE) and
   refusal ("was not welcome": REJECT).
4. [`link`]: the date each event is anchored to (own clause, caption,
   inherited, publication fallback), with its rule and confidence;
   `date_fit` takes back an own date that does not fit its verb (a future
   date for a simple past, a date in the next clause).

[`extract()`] runs them over an article's body and captions and gives each
event its stable `event_id` and `mention_id` (see [`crate::timeline`] for the
key).
*/

pub mod actors;
mod anchored;
mod announce;
mod date_fit;
pub mod extract;
pub mod inflect;
mod lexscan;
pub mod link;
mod recode;
mod summary;
pub mod trace;
pub mod triggers;
pub mod words;

use crate::model::{Actor, Article, Event, SourceRef, Span};
use crate::timeline;

use self::actors::Cast;
use self::extract::{RawEvent, TextContext};

/// Parse the event stage's data files now (see [`crate::lexicon::load_all`]).
pub(crate) fn load_lexicons() {
    use std::sync::LazyLock;
    LazyLock::force(&actors::GAZETTEER);
    LazyLock::force(&actors::ROLES);
    LazyLock::force(&actors::HEADS);
    LazyLock::force(&actors::GROUP_NOUNS);
    LazyLock::force(&actors::NOT_NAMES);
    LazyLock::force(&words::WORDS);
    triggers::load_lexicon();
    extract::load_lexicon();
    lexscan::load();
}

/// Extract every event mention from one article (body and captions).
pub fn extract(article: &Article) -> Vec<Event> {
    extract_with(article, crate::temporal::tag)
}

/// [`extract`] with the temporal expressions of each text (the body, each
/// caption) given by `tag` instead of [`crate::temporal::tag`]: for
/// evaluating extraction on gold expressions, or another tagger.
pub fn extract_with(
    article: &Article,
    tag: impl Fn(&str, &crate::model::PubContext) -> Vec<crate::model::Timex>,
) -> Vec<Event> {
    let body = article.text();
    let mut cast = Cast::default();
    let body_scan = actors::Scan::new(&body);
    let caption_scans: Vec<actors::Scan> =
        article.captions.iter().map(|c| actors::Scan::new(&c.text)).collect();
    actors::find_people_in(&body, &body_scan, &mut cast);
    for (c, scan) in article.captions.iter().zip(&caption_scans) {
        actors::find_people_in(&c.text, scan, &mut cast);
    }
    let mut scans: Vec<&actors::Scan> = vec![&body_scan];
    scans.extend(&caption_scans);
    actors::settle_home_scanned(&mut cast, &scans, article.context.place.as_deref());

    let source = SourceRef {
        article_id: article.id.clone(),
        title: article.title.clone(),
        url: article.context.url.clone(),
        source: article.context.source.clone(),
        published: article.context.date,
    };
    let published = article.context.date;
    let mut out = Vec::new();
    for (ci, (caption, scan)) in article.captions.iter().zip(&caption_scans).enumerate() {
        let timexes = tag(&caption.text, &article.context);
        let mentions = actors::find_in(&caption.text, scan, &cast);
        let ctx = TextContext { published, caption: Some(caption.date) };
        let dates: Vec<Span> = timexes.iter().map(|t| t.span).collect();
        trace::set_text(Some(ci));
        for raw in extract::events_in_scan(&caption.text, scan, &mentions, &timexes, ctx) {
            out.push(finish(raw, &caption.text, &dates, Some(ci), &source));
        }
    }
    let timexes = tag(&body, &article.context);
    let mentions = actors::find_in(&body, &body_scan, &cast);
    let ctx = TextContext { published, caption: None };
    let dates: Vec<Span> = timexes.iter().map(|t| t.span).collect();
    trace::set_text(None);
    for raw in extract::events_in_scan(&body, &body_scan, &mentions, &timexes, ctx) {
        out.push(finish(raw, &body, &dates, None, &source));
    }
    out
}

fn finish(
    raw: RawEvent,
    text: &str,
    dates: &[Span],
    caption: Option<usize>,
    source: &SourceRef,
) -> Event {
    let summary = summary::headline(&raw, text, dates);
    let mut actors: Vec<Actor> = raw.actors;
    actors.dedup();
    // Events are kept until the whole timeline is merged: no spare room.
    actors.shrink_to_fit();
    let mut ev = Event {
        event_id: String::new(),
        mention_id: String::new(),
        event_type: raw.event_type,
        mode: raw.mode,
        status: raw.status,
        actors,
        location: raw.location,
        summary,
        trigger: raw.trigger,
        evidence: text[raw.sentence.start..raw.sentence.end].to_string(),
        span: raw.sentence,
        in_caption: caption.is_some(),
        date: raw.date,
        source: source.clone(),
    };
    ev.event_id = timeline::event_id(&ev);
    ev.mention_id =
        timeline::mention_id(&source.article_id, caption, raw.trigger_span, &ev.event_id);
    ev
}
