//! What in a scraped text dump reads as article prose, and the page parts
//! that only look like text: related-links lists and image labels.
//!
//! A news page saved as text ends (and is often interrupted) with boxes of
//! links to other stories: a label ("Read more", "Most read", "You may also
//! like", listed in `data/ingest/markers.txt`) and a run of headlines,
//! perhaps numbered or stamped "2 hours ago". Those headlines are not an
//! article, nor the end of the one above: [`drop_link_lists`] marks them as
//! chrome. A headline followed by no sentence at all is not an article
//! either; [`reads_as_prose`] is the test the text reader uses to tell.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{title_like, Kind, Line};
use crate::lexicon;

/// What a section label says the next lines are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// A list of links to other stories.
    Related,
    /// The next line is a picture's caption or alt text.
    Image,
}

struct Markers {
    related: Regex,
    image: Regex,
}

/// Text longer than this (bytes) is never a headline.
const PROSE_MIN_BYTES: usize = 220;

/// Only lines up to this many bytes can be section labels.
const MARKER_MAX: usize = 60;

/// Parse this module's data file now (see [`crate::lexicon::load_all`]).
pub(super) fn load_lexicon() {
    LazyLock::force(&MARKERS);
}

static MARKERS: LazyLock<Markers> = LazyLock::new(|| {
    let src = lexicon::source("ingest/markers.txt", include_str!("../../data/ingest/markers.txt"));
    parse_markers(&src).unwrap_or_else(|e| panic!("ingest/markers.txt {e}"))
});

fn parse_markers(src: &str) -> Result<Markers, String> {
    let (mut related, mut image) = (Vec::new(), Vec::new());
    for (n, row) in lexicon::rows(src) {
        let (kind, pat) = match row.as_slice() {
            [kind, pat] => (*kind, *pat),
            _ => return Err(format!("line {n}: expected `KIND<TAB>PATTERN`")),
        };
        Regex::new(pat).map_err(|e| format!("line {n}: {e}"))?;
        let pat = format!("(?:{})", pat.replace(r"\b", r"(?-u:\b)"));
        match kind {
            "related" => related.push(pat),
            "image" => image.push(pat),
            _ => return Err(format!("line {n}: unknown kind `{kind}` (related, image)")),
        }
    }
    let build = |pats: &[String]| {
        // An empty alternation would match every empty line: match nothing.
        let body = if pats.is_empty() { r"[^\s\S]".to_string() } else { pats.join("|") };
        Regex::new(&format!(r"(?i)^(?:{body})\s*[:.…»›>|\-–—]*$")).map_err(|e| e.to_string())
    };
    Ok(Markers { related: build(&related)?, image: build(&image)? })
}

/// The section label a trimmed line is, if any.
pub(crate) fn marker(line: &str) -> Option<Marker> {
    if line.len() > MARKER_MAX || line.is_empty() {
        return None;
    }
    let m = &*MARKERS;
    if m.related.is_match(line) {
        Some(Marker::Related)
    } else if m.image.is_match(line) {
        Some(Marker::Image)
    } else {
        None
    }
}

/// True when a paragraph reads as running text: a sentence that is not a
/// title-cased headline, or longer than any headline. Headlines, link
/// labels, counters and teasers cut off with "…" are not prose.
pub(crate) fn reads_as_prose(s: &str) -> bool {
    // Longer than any headline (see `title_like`): no need to look.
    if s.len() > PROSE_MIN_BYTES {
        return true;
    }
    let end = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    let sentence_end = end.ends_with(['.', '!', '?', '。', '！', '？'])
        && !end.ends_with("...")
        && !end.ends_with('…');
    let words = s.split_whitespace().take(26).count();
    if words > 25 {
        return true;
    }
    if !sentence_end {
        return false;
    }
    // Scripts written without spaces make one long "word" of a sentence.
    let long_unspaced = words == 1 && s.chars().count() >= 10;
    (words >= 3 || long_unspaced) && !title_cased(s)
}

/// True when most longer words after the first are capitalized, as in
/// "Donors Pledge Billions for Syria at Brussels Conference."
fn title_cased(s: &str) -> bool {
    let (mut n, mut up) = (0u32, 0u32);
    for w in s.split_whitespace().skip(1) {
        let w = w.trim_start_matches(['"', '\'', '“', '‘', '(', '[']);
        let Some(c) = w.chars().next() else { continue };
        if !c.is_alphabetic() || w.chars().count() < 4 {
            continue;
        }
        n += 1;
        up += u32::from(c.is_uppercase());
    }
    n >= 2 && up * 10 >= n * 7
}

/// An entry of a link list: a headline, perhaps numbered or bulleted.
pub(crate) fn headline_item(s: &str) -> bool {
    let rest = strip_bullet(s);
    !rest.is_empty() && title_like(rest) && !reads_as_prose(rest)
}

/// The text after a list number ("3.", "3)") or bullet.
fn strip_bullet(s: &str) -> &str {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &s[digits..];
        if let Some(r) = rest.strip_prefix(['.', ')']) {
            if r.starts_with(char::is_whitespace) {
                return r.trim_start();
            }
        }
    }
    for b in ['-', '•', '*', '·', '▪', '►', '>', '–'] {
        if let Some(r) = s.strip_prefix(b) {
            if r.starts_with(char::is_whitespace) {
                return r.trim_start();
            }
        }
    }
    s
}

/// Mark as chrome the headlines listed after each related-links label; as
/// captions the lines right after image labels and the lines set between
/// two caption lines (a picture's text between its credits).
///
/// A list runs from the label over headline-like lines (blank lines, chrome
/// and further labels in between) and ends at the first line that is not a
/// headline: a sentence, a caption, or a headline the page repeats soon
/// after (how a dump shows the next article's title). When the list ends at
/// such text, its last headline is that text's title if it stands after
/// two or more blank lines (the gap between articles in a dump), so it is
/// kept; otherwise it was a link too.
pub(crate) fn drop_link_lists(lines: &mut [Line<'_>]) {
    drop_menus(lines);
    let mut i = 0;
    while i < lines.len() {
        match lines[i].marker {
            Some(Marker::Image) => {
                if let Some(next) = lines.get_mut(i + 1) {
                    if next.kind == Kind::Content && next.text.len() <= 400 {
                        next.kind = Kind::Caption;
                    }
                }
                i += 1;
            }
            Some(Marker::Related) => i = drop_list_after(lines, i),
            None => {
                let l = &lines[i];
                if l.kind == Kind::Content
                    && i > 0
                    && lines[i - 1].kind == Kind::Caption
                    && lines.get(i + 1).is_some_and(|n| n.kind == Kind::Caption)
                    && l.text.split_whitespace().nth(40).is_none()
                {
                    lines[i].kind = Kind::Caption;
                }
                i += 1;
            }
        }
    }
}

/// Lines that make a page's navigation menu: a block (no blank line
/// between) of three or more section names, each of one to three words
/// and none a sentence. A menu above the headline would else be taken for
/// the title.
fn drop_menus(lines: &mut [Line<'_>]) {
    let menu_item = |l: &Line<'_>| {
        l.kind == Kind::Chrome
            || (l.kind == Kind::Content
                && l.text.split_whitespace().nth(3).is_none()
                && !l.text.ends_with(['.', '!', '?', ',', ';', ':']))
    };
    let mut i = 0;
    while i < lines.len() {
        if lines[i].kind != Kind::Content || !menu_item(&lines[i]) {
            i += 1;
            continue;
        }
        let end = i + lines[i..].iter().take_while(|l| menu_item(l)).count();
        let names = lines[i..end].iter().filter(|l| l.kind == Kind::Content).count();
        if names >= 3 {
            for l in &mut lines[i..end] {
                l.kind = Kind::Chrome;
            }
        }
        i = end;
    }
}

/// Drop the list after the label at `at`; the index to go on from.
fn drop_list_after(lines: &mut [Line<'_>], at: usize) -> usize {
    let mut items = Vec::new();
    let mut j = at + 1;
    let mut ended_at_text = false;
    while j < lines.len() {
        let l = &lines[j];
        match l.kind {
            Kind::Blank | Kind::Chrome => {}
            Kind::Caption => {
                ended_at_text = true;
                break;
            }
            Kind::Content => {
                let listed = headline_item(l.text) && !repeated_as_title(lines, j);
                if listed || (items.last() == Some(&(j - 1)) && is_teaser(lines, j)) {
                    items.push(j);
                } else {
                    ended_at_text = true;
                    break;
                }
            }
        }
        j += 1;
    }
    if ended_at_text {
        if let Some(&last) = items.last() {
            if blanks_before(lines, last) >= 2 {
                items.pop();
                j = last;
            }
        }
    }
    for k in items {
        lines[k].kind = Kind::Chrome;
    }
    j.max(at + 1)
}

/// True when line `i`, right under a listed headline, is that link's
/// teaser: a sentence or two, after which the list goes on (another
/// headline or label) or the file ends. Text that is followed by more text
/// is the article going on after an inline link.
fn is_teaser(lines: &[Line<'_>], i: usize) -> bool {
    if lines[i].text.split_whitespace().nth(30).is_some() {
        return false;
    }
    let next = lines[i + 1..].iter().find(|l| matches!(l.kind, Kind::Content | Kind::Caption));
    next.is_none_or(|l| l.kind == Kind::Content && headline_item(l.text))
}

/// True when line `i` comes again within the next few lines, before any
/// other related-links label: the way a dump repeats an article's title
/// (a headline that is also listed in a later box is still a link).
fn repeated_as_title(lines: &[Line<'_>], i: usize) -> bool {
    let t = lines[i].text;
    lines[i + 1..]
        .iter()
        .take(15)
        .take_while(|l| l.marker != Some(Marker::Related))
        .any(|l| l.text == t)
}

/// Blank lines right before line `i` (chrome lines in between ignored).
fn blanks_before(lines: &[Line<'_>], i: usize) -> usize {
    lines[..i]
        .iter()
        .rev()
        .take_while(|l| matches!(l.kind, Kind::Blank | Kind::Chrome))
        .filter(|l| l.kind == Kind::Blank)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_loads() {
        parse_markers(include_str!("../../data/ingest/markers.txt")).unwrap();
        assert!(parse_markers("bogus").is_err());
        assert!(parse_markers("other\tx").is_err());
        assert!(parse_markers("related\t(unclosed").is_err());
        let none = parse_markers("").unwrap();
        assert!(!none.related.is_match(""));
    }

    #[test]
    fn markers() {
        for s in [
            "Read more",
            "READ MORE:",
            "Related",
            "Related stories",
            "More stories",
            "Most read",
            "Most Popular",
            "You may also like",
            "You might also like…",
            "Trending",
            "Trending now",
            "Recommended",
            "More from Middle East",
            "More from Example News »",
            "Editor's picks",
            "Top stories",
            "À lire aussi",
            "Mehr zum Thema",
            "Lo más leído",
        ] {
            assert_eq!(marker(s), Some(Marker::Related), "{s}");
        }
        for s in ["Image", "Photo:", "Image source"] {
            assert_eq!(marker(s), Some(Marker::Image), "{s}");
        }
        for s in [
            "Read more about the talks in our explainer, published last week.",
            "Background",
            "More than 200 people were killed",
            "Relations soured in 2019",
            "Trending lower",
        ] {
            assert_eq!(marker(s), None, "{s}");
        }
    }

    #[test]
    fn prose_or_not() {
        for s in [
            "The envoy arrived in Cairo on Sunday for talks.",
            "He met the minister.",
            "“We will not accept this,” the minister said.",
            "Is the deal back on the table?",
            "停火协议于周日生效，双方同意继续谈判。",
        ] {
            assert!(reads_as_prose(s), "{s}");
        }
        for s in [
            "Sweden Raises Terror Threat Level After Protests",
            "Sweden raises terror threat level after protests",
            "Putin’s Message to Syria’s Al-Sharaa: A Step Toward Restoring Ties?",
            "Donors Pledge Billions for Syria at Brussels Conference.",
            "Sweden raised its threat level after a week of protests...",
            "Share",
            "41",
            "Talks.",
        ] {
            assert!(!reads_as_prose(s), "{s}");
        }
    }

    #[test]
    fn headline_items() {
        for s in [
            "1. Sweden Raises Terror Threat Level After Protests",
            "10) Denmark moves to ban public burning of holy texts",
            "• Turkey Ratifies Sweden's NATO Membership Bid",
            "Iran Says Talks With Europe Will Continue",
        ] {
            assert!(headline_item(s), "{s}");
        }
        for s in [
            "1. The ceasefire begins on Sunday, officials said.",
            "The envoy arrived in Cairo on Sunday for talks.",
            "the talks went on",
        ] {
            assert!(!headline_item(s), "{s}");
        }
    }
}
