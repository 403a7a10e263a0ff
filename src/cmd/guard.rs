//! Containing a bug to the article it hit.
//!
//! A panic while extracting one article (a bug: extraction is meant to be
//! total over any text) must not take the whole run down with it, nor print
//! a backtrace into a cron mail. [`catch_quiet`] runs a closure with the
//! panic turned into an `Err(message)`, printed by nobody; [`extract_events`]
//! uses it so that `build` and `events` report the article as a diagnostic
//! (its file and line), leave its events out, carry on with every other
//! article and exit non-zero. `extract` does the same per input line.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use crate::model::{Article, Diagnostic, Event, Severity};

thread_local! {
    /// Set while this thread runs inside [`catch_quiet`]: a panic then is
    /// recorded here instead of printed by the default hook.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replace the panic hook once per process with one that stays silent for
/// panics inside [`catch_quiet`] (they become diagnostics) and defers to the
/// previous hook for every other panic.
pub(crate) fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let payload = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "non-string panic payload".into());
                let message = match info.location() {
                    Some(loc) => format!("{payload} (at {}:{})", loc.file(), loc.line()),
                    None => payload,
                };
                LAST_PANIC.with(|p| *p.borrow_mut() = Some(message));
            } else {
                previous(info);
            }
        }));
    });
}

/// Run `f`, turning a panic into `Err(message)` without printing it (once
/// [`install_panic_hook`] ran; before, the default hook prints it).
pub(crate) fn catch_quiet<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|_| {
        let message = LAST_PANIC.with(|p| p.borrow_mut().take());
        super::extract::clip(&message.unwrap_or_else(|| "panic".into())).into_owned()
    })
}

/// The events of one article, or the error diagnostic for an article whose
/// extraction failed (see the module docs). Call [`install_panic_hook`]
/// first to keep the failure off stderr but for the diagnostic.
pub(crate) fn extract_events(article: &Article) -> Result<Vec<Event>, Diagnostic> {
    guarded(article, crate::events::extract)
}

/// [`extract_events`] with the extractor given.
fn guarded(
    article: &Article,
    extract: impl FnOnce(&Article) -> Vec<Event>,
) -> Result<Vec<Event>, Diagnostic> {
    catch_quiet(|| extract(article)).map_err(|message| Diagnostic {
        severity: Severity::Error,
        file: Some(article.origin.file.clone()),
        line: article.origin.line,
        field: None,
        message: format!(
            "internal error extracting the events of article {} (left out; please report \
             this with the article): {message}",
            article.id
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_the_thread_carries_on() {
        install_panic_hook();
        let r: Result<(), String> = catch_quiet(|| panic!("boom {}", 7));
        let m = r.unwrap_err();
        assert!(m.starts_with("boom 7 (at src/cmd/guard.rs:"), "{m}");
        assert_eq!(catch_quiet(|| 5), Ok(5));
    }

    #[test]
    fn a_failed_article_is_an_error_naming_its_file_and_line() {
        install_panic_hook();
        let mut a = Article { id: "a1".into(), ..Default::default() };
        a.origin.file = "feed.jsonl".into();
        a.origin.line = Some(12);
        let d = guarded(&a, |_| panic!("index out of range")).unwrap_err();
        assert_eq!(d.severity, Severity::Error);
        assert_eq!((d.file.as_deref(), d.line), (Some("feed.jsonl"), Some(12)));
        assert!(d.message.contains("article a1") && d.message.contains("index out of range"));
        assert_eq!(guarded(&a, |_| Vec::new()).map(|v| v.len()), Ok(0));
    }
}
