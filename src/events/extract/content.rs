//! What a statement's content makes of it: the cues of
//! `data/events/content_frames.tsv` ("ready to stop", "would take effect only
//! after", "was irresponsible") turn "X said ..." into the act announced
//! (AGREE, THREATEN, REQUEST, ACCUSE, REJECT). Part of the event rules of
//! [`super`].

use super::*;

/// A cue in a statement's content (`data/events/content_frames.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    Readiness,
    Cessation,
    Coercion,
    Condition,
    NegatedCondition,
    Reproach,
    Obligation,
    Stake,
    Refusal,
    Warning,
}

/// Parse this module's data file now (see [`crate::lexicon::load_all`]).
pub(crate) fn load_lexicon() {
    LazyLock::force(&CONTENT_FRAMES);
    LazyLock::force(&CONTENT_CUES);
}

pub(super) static CONTENT_FRAMES: LazyLock<Vec<(Vec<String>, Cue)>> = LazyLock::new(|| {
    let text = lexicon::source(
        "events/content_frames.tsv",
        include_str!("../../../data/events/content_frames.tsv"),
    );
    lexicon::rows(&text)
        .map(|(n, cols)| {
            let cue = match cols.get(1).copied() {
                Some("readiness") => Cue::Readiness,
                Some("cessation") => Cue::Cessation,
                Some("coercion") => Cue::Coercion,
                Some("condition") => Cue::Condition,
                Some("negated_condition") => Cue::NegatedCondition,
                Some("reproach") => Cue::Reproach,
                Some("obligation") => Cue::Obligation,
                Some("stake") => Cue::Stake,
                Some("refusal") => Cue::Refusal,
                Some("warning") => Cue::Warning,
                _ => panic!("events/content_frames.tsv line {n}: expected a phrase and a kind"),
            };
            (cols[0].split(' ').map(str::to_string).collect(), cue)
        })
        .collect()
});

impl Cue {
    /// Cues that can start a content act on their own.
    const OPENERS: [Cue; 8] = [
        Cue::Readiness,
        Cue::Condition,
        Cue::NegatedCondition,
        Cue::Reproach,
        Cue::Obligation,
        Cue::Stake,
        Cue::Refusal,
        Cue::Warning,
    ];
}

/// Every content-frame phrase, for the quick test in [`content_act`].
pub(super) static CONTENT_CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let phrases: Vec<String> = CONTENT_FRAMES.iter().map(|(p, _)| p.join(" ")).collect();
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&phrases)
        .expect("content frame phrases build")
});

/// The act a statement announces through its content (the words after the
/// trigger to the end of the sentence): "said Ukraine was ready to stop
/// striking ..." is an offer (AGREE), "ready to reimpose the sanctions if
/// ..." a warning (THREATEN), "would take effect only after ..." a demand
/// (REQUEST), "the remark was irresponsible" a reproach (ACCUSE), "should
/// stop arming ..." a demand (REQUEST, when another party is named before
/// the modal: the caller checks). `None` for a plain statement; else the
/// act, the cue and where the cue starts.
pub(super) fn content_act(
    text: &str,
    trigger: Span,
    sentence: Span,
) -> Option<(&'static str, Cue, usize)> {
    // Most statements carry no cue: one automaton pass rules them out.
    let tail = &text[trigger.end..sentence.end];
    // Overlapping: a cue inside a longer word ("end" in "depended") must
    // not hide the cue that starts at that word.
    let cued = CONTENT_CUES.find_overlapping_iter(tail).any(|m| {
        Cue::OPENERS.contains(&CONTENT_FRAMES[m.pattern().as_usize()].1)
            && !tail[..m.start()].ends_with(|c: char| c.is_alphanumeric())
    });
    if !cued {
        return None;
    }
    // Only words where some cue phrase starts are tried below.
    let starts: Vec<usize> = CONTENT_CUES
        .find_overlapping_iter(tail)
        .map(|m| trigger.end + m.start())
        .filter(|&at| !text[..at].ends_with(|c: char| c.is_alphanumeric()))
        .collect();
    let words = lower_words(text, Span::new(trigger.end, sentence.end));
    let ws: Vec<&str> = words.iter().map(|(_, w)| w.as_str()).collect();
    let at = |i: usize, phrase: &[String]| {
        ws.len() >= i + phrase.len() && phrase.iter().enumerate().all(|(k, p)| ws[i + k] == p)
    };
    let frames = &*CONTENT_FRAMES;
    for i in 0..ws.len() {
        let pos = words[i].0.start;
        if !starts.contains(&pos) {
            continue;
        }
        for (p, cue) in frames {
            match cue {
                Cue::Readiness if at(i, p) => {
                    let j = i + p.len();
                    for (q, next) in frames {
                        match next {
                            Cue::Cessation if at(j, q) => return Some(("AGREE", *cue, pos)),
                            Cue::Coercion if at(j, q) => return Some(("THREATEN", *cue, pos)),
                            _ => {}
                        }
                    }
                }
                Cue::Condition if at(i, p) => return Some(("REQUEST", *cue, pos)),
                Cue::NegatedCondition if at(i, p) => {
                    let negated =
                        ws[..i].iter().any(|w| WORDS.negation.has(w) || w.ends_with("n't"));
                    if negated {
                        return Some(("REQUEST", *cue, pos));
                    }
                }
                Cue::Reproach | Cue::Warning if at(i, p) => {
                    // "did not call it a provocation" reproaches nobody.
                    let negated = ws[i.saturating_sub(3)..i]
                        .iter()
                        .any(|w| WORDS.negation.has(w) || w.ends_with("n't"));
                    if !negated {
                        let act = if *cue == Cue::Warning { "THREATEN" } else { "ACCUSE" };
                        return Some((act, *cue, pos));
                    }
                }
                Cue::Obligation if at(i, p) => return Some(("REQUEST", *cue, pos)),
                Cue::Stake if at(i, p) => return Some(("THREATEN", *cue, pos)),
                Cue::Refusal if at(i, p) => return Some(("REJECT", *cue, pos)),
                _ => {}
            }
        }
    }
    None
}
