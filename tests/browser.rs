//! The page in a real browser: headless Chromium opens the built
//! `index.html` and the test reads the DOM after the page's script ran
//! (`--dump-dom`). Filters and search are driven through the URL fragment
//! (`index.html#type=COERCE`), which the page applies on load, the same way
//! a shared link would.
//!
//! Checks: entries in timeline order; a type filter and a search narrow the
//! list; a permalink opens its entry; no network request of any kind; with
//! JavaScript off, the full list is still there. A screenshot is written to
//! `target/browser/` for a person to look at.
//!
//! Skips with a message when no Chromium is installed (`.ci/run` installs
//! Debian's `chromium`; `DATELINE_CHROME` names another binary).

#[path = "export_support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use dateline::export::fields;
use dateline::export::write::{write_site, SiteOptions};
use support::fixture_entries;

fn chrome() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DATELINE_CHROME") {
        return Some(PathBuf::from(p));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

struct Browser {
    bin: PathBuf,
    profile: tempfile::TempDir,
}

impl Browser {
    fn new() -> Option<Browser> {
        let bin = chrome()?;
        Some(Browser { bin, profile: tempfile::tempdir().expect("profile dir") })
    }

    fn run(&self, extra: &[String], url: &str) -> (String, Duration) {
        let t = Instant::now();
        let out = Command::new(&self.bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                // Anything that tries to reach the network fails loudly.
                "--host-resolver-rules=MAP * ~NOTFOUND",
            ])
            .arg(format!("--user-data-dir={}", self.profile.path().display()))
            .args(extra)
            .arg(url)
            .output()
            .expect("run chromium");
        assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
        (String::from_utf8_lossy(&out.stdout).into_owned(), t.elapsed())
    }

    fn dom(&self, url: &str) -> String {
        self.run(&["--dump-dom".to_string()], url).0
    }
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The `id`s of `<article class="entry …">` elements in DOM order, each
/// with whether its `<li>` is hidden.
fn entries_in(dom: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = dom;
    while let Some(i) = rest.find("<li") {
        rest = &rest[i..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let li = &rest[..tag_end];
        let after = &rest[tag_end..];
        if let Some(stripped) = after.strip_prefix("><article class=\"entry") {
            let id_at = stripped.find("id=\"").expect("entry has id") + 4;
            let id_end = stripped[id_at..].find('"').unwrap() + id_at;
            out.push((stripped[id_at..id_end].to_string(), li.contains("hidden")));
        }
        rest = &rest[3..];
    }
    out
}

fn attr<'a>(dom: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let i = dom.find(&key)? + key.len();
    let j = dom[i..].find('"')? + i;
    Some(&dom[i..j])
}

fn visible(dom: &str) -> Vec<String> {
    entries_in(dom).into_iter().filter(|(_, h)| !h).map(|(id, _)| id).collect()
}

/// The page with every `<script>` element removed.
fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("</script>").expect("closed script") + i + "</script>".len();
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Records which entries have a layout box, and whether the filter form
/// does, as attributes the DOM dump shows.
const NOJS_PROBE: &str = "<script>(function(){var r=document.documentElement;\
var es=Array.prototype.filter.call(document.querySelectorAll('article.entry'),\
function(e){return e.getClientRects().length>0;});\
r.setAttribute('data-probe-entries',es.map(function(e){return e.id;}).join(' '));\
var f=document.getElementById('filters');\
r.setAttribute('data-probe-form',f&&f.getClientRects().length?'shown':'hidden');})();</script>";

#[test]
fn page_in_headless_chromium() {
    let Some(browser) = Browser::new() else {
        eprintln!(
            "skipped: no Chromium found (install Debian's `chromium`, or set DATELINE_CHROME)"
        );
        return;
    };
    let site = tempfile::tempdir().expect("site dir");
    let entries = fixture_entries();
    write_site(site.path(), &entries, &SiteOptions::default()).expect("site writes");
    let page = site.path().join("index.html");
    let url = file_url(&page);
    let order: Vec<String> = fields::sorted(&entries).iter().map(|e| e.event_id.clone()).collect();

    // Order, script ran, nothing requested.
    let dom = browser.dom(&url);
    assert_eq!(entries_in(&dom).into_iter().map(|e| e.0).collect::<Vec<_>>(), order);
    assert!(dom.contains("class=\"js\""), "the page script ran");
    assert_eq!(attr(&dom, "data-dl-requests"), Some("0"), "no resource was requested");
    assert_eq!(attr(&dom, "data-dl-matches"), Some(order.len().to_string().as_str()));
    assert_eq!(visible(&dom).len(), order.len());

    // A type filter narrows the list, and the count says so.
    let dom = browser.dom(&format!("{url}#type=COERCE"));
    let shown = visible(&dom);
    let coerce: Vec<&str> = entries
        .iter()
        .filter(|e| e.event.event_type == "COERCE")
        .map(|e| e.event_id.as_str())
        .collect();
    assert_eq!(shown, coerce);
    assert!(dom.contains(&format!("Showing <strong>{}</strong> of {}", coerce.len(), order.len())));

    // Search covers summaries and evidence, folds case, ANDs the terms.
    let dom = browser.dom(&format!("{url}#q=ANKARA"));
    let ankara: Vec<String> = order
        .iter()
        .filter(|id| {
            let e = entries.iter().find(|e| &e.event_id == *id).unwrap();
            (e.event.summary.clone() + &e.event.evidence).to_lowercase().contains("ankara")
        })
        .cloned()
        .collect();
    assert!(!ankara.is_empty() && ankara.len() < order.len());
    assert_eq!(visible(&dom), ankara);
    let dom = browser.dom(&format!("{url}#q=talks%20officials"));
    let both = visible(&dom);
    assert!(
        !both.is_empty() && both.len() < visible(&browser.dom(&format!("{url}#q=talks"))).len()
    );

    // Combined: type and status and a date range.
    let dom =
        browser.dom(&format!("{url}#type=CONSULT&status=occurred&from=2025-03-01&to=2025-03-31"));
    let expect: Vec<String> = order
        .iter()
        .filter(|id| {
            let e = entries.iter().find(|e| &e.event_id == *id).unwrap();
            let i = e.event.date.interval;
            e.event.event_type == "CONSULT"
                && e.event.status.as_str() == "occurred"
                && i.is_some_and(|i| {
                    i.end >= support::d(2025, 3, 1) && i.start <= support::d(2025, 3, 31)
                })
        })
        .cloned()
        .collect();
    assert_eq!(visible(&dom), expect);

    // A permalink opens its entry's details.
    let target = &order[2];
    let dom = browser.dom(&format!("{url}#{target}"));
    let at = dom.find(&format!("id=\"{target}\"")).expect("target on page");
    let article_start = dom[..at].rfind("<article").unwrap();
    let article = &dom[article_start..at + dom[at..].find("</article>").unwrap()];
    assert!(article.contains("targeted"), "permalink target is marked");
    assert!(article.contains("<details class=\"more\" open"), "details opened");
    assert_eq!(visible(&dom).len(), order.len(), "a permalink shows the full list");

    // JavaScript off: the whole list, in order, laid out (not hidden by CSS).
    // `--dump-dom` itself needs script, so the page's own scripts are
    // removed from a copy and a probe that only measures is put in.
    let html = std::fs::read_to_string(&page).expect("read page");
    let nojs = site.path().join("nojs.html");
    std::fs::write(&nojs, without_scripts(&html) + NOJS_PROBE).expect("write copy");
    let dom = browser.dom(&file_url(&nojs));
    assert!(!dom.contains("class=\"js\""), "page script did not run");
    let laid_out: Vec<String> =
        attr(&dom, "data-probe-entries").unwrap_or("").split(' ').map(String::from).collect();
    assert_eq!(laid_out, order, "every entry listed and shown without JavaScript");
    assert_eq!(attr(&dom, "data-probe-form"), Some("hidden"), "no dead controls without JS");
    assert!(dom.contains("<h2 class=\"month-h\""), "month headings");

    // A picture for a person to look at.
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&shots).expect("screenshot dir");
    for (name, size, frag) in [
        ("page-desktop.png", "1280,1500", ""),
        ("page-phone.png", "390,1400", ""),
        ("page-filtered.png", "1280,900", "#q=talks&status=occurred,scheduled"),
    ] {
        let shot = shots.join(name);
        let _ = std::fs::remove_file(&shot);
        browser.run(
            &[
                format!("--screenshot={}", shot.display()),
                format!("--window-size={size}"),
                "--hide-scrollbars".to_string(),
            ],
            &format!("{url}{frag}"),
        );
        let len = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
        assert!(len > 10_000, "{name} was written ({len} bytes)");
        eprintln!("screenshot: {}", shot.display());
    }
}

/// Writes the page for 10,000 generated entries to
/// `target/browser/site-10k/` for the speed measurement in
/// `tests/browser/perf.mjs` (see README "Benchmarks"). Ignored by default:
/// it is a measurement helper, not a check.
#[test]
#[ignore]
fn write_large_site() {
    let n: usize =
        std::env::var("DATELINE_PERF_N").ok().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/browser/site-{}k", n / 1000));
    let entries = support::generated(n, 7);
    let t = Instant::now();
    let report = write_site(&dir, &entries, &SiteOptions::default()).expect("site writes");
    eprintln!("wrote {} entries in {:?} to {}", report.events, t.elapsed(), dir.display());
    for f in &report.files {
        eprintln!("  {:<16} {:>10} bytes", f.name, f.bytes);
    }
}
