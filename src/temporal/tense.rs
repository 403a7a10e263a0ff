//! Tense cues: which way an underspecified date points.
//!
//! The sentence around an expression is searched for tense cues (irregular
//! past forms and future markers from `data/temporal/tense.tsv`, plus any
//! lower-case word ending in "-ed"). The nearest cue decides; a cue after the
//! expression counts at double distance, because the verb a date modifies
//! usually comes first in English news ("announced on Thursday") while a
//! trailing "said" is often only attribution. Cues after the date are
//! looked for only in its own clause: a content clause ("that ..."), a
//! participle's clause (", saying ..."), and after a comma the clause that
//! follows a date whose own verb came first, are another verb's. No cue:
//! `None`, and the resolver applies its documented default.

use std::sync::LazyLock;

use super::grammar::bit;
use super::lexicon::{Cue, Lex};
use super::token::{Kind, Tok};
use crate::lexicon;
use crate::model::Direction;

/// Farthest a cue may be, in tokens.
const WINDOW: usize = 20;

pub(crate) fn boundary_before(text: &str, toks: &[Tok], i: usize) -> bool {
    // Is there a sentence boundary between token i-1 and token i?
    if i == 0 || i >= toks.len() {
        return true;
    }
    let t = &toks[i];
    if t.breaks > 0 {
        return true;
    }
    let p = &toks[i - 1];
    match p.kind {
        Kind::Punct(b'!' | b'?' | b';') => true,
        Kind::Punct(b'.') => {
            // "Mr. Smith", "U.S. officials", "Jan. 17": not a boundary.
            let before = if i >= 2 { Some(&toks[i - 2]) } else { None };
            // "vs." and "v." in case names are lower-case abbreviations.
            let abbrev = before.is_some_and(|b| {
                b.kind == Kind::Word
                    && (b.end - b.start <= 3 && b.upper
                        || is_any(&text[b.start..b.end], &["vs", "v", "cf", "approx"]))
            });
            let next_upper = t.upper || matches!(t.kind, Kind::Punct(b'"' | b'\''));
            next_upper && !abbrev && !text[t.start..t.end].is_empty()
        }
        _ => false,
    }
}

fn word<'t>(text: &'t str, toks: &[Tok], i: usize) -> &'t str {
    toks.get(i).filter(|t| t.kind == Kind::Word).map_or("", |t| &text[t.start..t.end])
}

fn is_any(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// Whether the expression of tokens `start..end` is a bare year naming a
/// thing rather than a time the story moves to: "a deadly 2014 blast",
/// "the 2015 accord", "Russia's 2014 annexation" (a determiner or a
/// possessive before it, perhaps with one adjective between, and a word
/// after it). "In 2014 talks resumed" is no such year.
pub(crate) fn attributive_year(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let i = start;
    let Some(year) = toks.get(i) else { return false };
    if end != i + 1 || year.kind != Kind::Num || year.digits != 4 {
        return false;
    }
    let next_is_word = toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word && t.space);
    if !next_is_word || i == 0 || !year.space {
        return false;
    }
    let determiner = |k: usize| is_any(word(text, toks, k), DETERMINERS);
    // "Russia's 2014 ...": a word, an apostrophe (typographic ones are
    // folded to it), "s".
    let possessive = |k: usize| {
        k >= 2 && word(text, toks, k).eq_ignore_ascii_case("s") && toks[k - 1].is_punct(b'\'')
    };
    if determiner(i - 1) || possessive(i - 1) {
        return true;
    }
    let adjective = toks[i - 1].kind == Kind::Word
        && !toks[i - 1].upper
        && !is_any(word(text, toks, i - 1), FUNCTION_WORDS);
    adjective && i >= 2 && (determiner(i - 2) || possessive(i - 2))
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
];

/// Words that follow a verb rather than an adjective.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "these",
    "those",
    "that",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "of",
    "as",
    "into",
    "after",
    "before",
    "over",
    "up",
    "down",
    "out",
    "off",
    "him",
    "them",
    "it",
    "us",
    "me",
    "and",
    "or",
    "but",
    "some",
    "all",
    "no",
    "not",
    "about",
    "since",
    "last",
    "earlier",
    "there",
    "here",
    "against",
    "during",
    "until",
    "through",
    "back",
    "away",
    "more",
    "than",
    "when",
    "while",
    "because",
    "if",
    "what",
    "which",
    "who",
    "whom",
    "how",
    "why",
    "where",
    "any",
    "each",
    "every",
    "both",
    "such",
    "so",
    "too",
    "also",
    "again",
    "yesterday",
    "today",
    "under",
    "last",
    "next",
    "this",
    "within",
    "without",
    "toward",
    "towards",
    "upon",
    "onto",
    "across",
    "around",
];

/// Verbs whose complement lies after them in time
/// (`data/temporal/complement_verbs.tsv`): requests, whose infinitive
/// ("ordered them to report on Monday") happens after the request, and
/// delays, whose "until Tuesday" names a day still ahead.
struct ComplementVerbs {
    request: Vec<String>,
    /// Each delay verb with the particle it needs, if any ("put off").
    delay: Vec<(String, Option<String>)>,
}

/// Parse this module's data file now (see [`crate::lexicon::load_all`]).
pub(super) fn load_lexicon() {
    LazyLock::force(&COMPLEMENT_VERBS);
}

static COMPLEMENT_VERBS: LazyLock<ComplementVerbs> = LazyLock::new(|| {
    let text = lexicon::source(
        "temporal/complement_verbs.tsv",
        include_str!("../../data/temporal/complement_verbs.tsv"),
    );
    let mut verbs = ComplementVerbs { request: Vec::new(), delay: Vec::new() };
    for (n, cols) in lexicon::rows(&text) {
        let word = cols[0].to_ascii_lowercase();
        match cols.get(1).copied() {
            Some("request") => verbs.request.push(word),
            Some("delay") => verbs.delay.push((word, cols.get(2).map(|p| p.to_string()))),
            _ => panic!("temporal/complement_verbs.tsv line {n}: kind must be request or delay"),
        }
    }
    verbs
});

/// Is token `i` the "to" of an infinitive ("to testify", "to appear") rather
/// than the preposition ("to reporters", "to the court", "to Cuba")? Without
/// a tagger: the next word is lower-case, not a function word, and has none
/// of the plural, participle or gerund endings nouns and adjectives wear.
fn infinitive_to(text: &str, toks: &[Tok], i: usize) -> bool {
    if !word(text, toks, i).eq_ignore_ascii_case("to") {
        return false;
    }
    toks.get(i + 1).is_some_and(|n| {
        let v = &text[n.start..n.end];
        n.kind == Kind::Word
            && !n.upper
            && v.len() > 2
            && !is_any(v, FUNCTION_WORDS)
            && !["s", "ed", "ing", "ly", "tion", "ment", "ness", "ity"]
                .iter()
                .any(|e| v.ends_with(e))
    })
}

/// Is the "to" at token `to` the complement of a request verb at most eight
/// tokens before it ("asked them to", "subpoenaed the 6-year-old boy to")?
fn request_complement(text: &str, toks: &[Tok], to: usize) -> bool {
    (1..=8).take_while(|k| *k <= to).any(|k| {
        let w = word(text, toks, to - k);
        !boundary_before(text, toks, to - k + 1)
            && COMPLEMENT_VERBS.request.iter().any(|v| w.eq_ignore_ascii_case(v))
    })
}

/// Is token `i` followed by a lower-case content word ("planned trip")?
fn before_content_word(text: &str, toks: &[Tok], i: usize) -> bool {
    toks.get(i + 1).is_some_and(|n| {
        let nw = &text[n.start..n.end];
        n.kind == Kind::Word && !n.upper && !is_any(nw, FUNCTION_WORDS) && !nw.ends_with("ly")
    })
}

/// Words before "to" that make what follows a plan: "set to resume", "is
/// due to", "expected to".
const PLAN_WORDS: &[&str] = &[
    "set",
    "due",
    "expected",
    "scheduled",
    "slated",
    "poised",
    "likely",
    "planned",
    "plans",
    "plan",
    "intends",
    "aims",
    "hopes",
    "going",
    "expects",
    "expect",
    "plans",
    "wants",
    "seeks",
    // Intent reported in the past points past the report:
    // "agreed to buy it in February", "decided to admit them in March".
    "decided",
    "agreed",
    "promised",
    "pledged",
    "vowed",
    "threatened",
    "planning",
    "preparing",
    "ready",
    // "is to resume trading Tuesday": an arrangement.
    "is",
    "are",
];

/// Past auxiliaries ("was", "were").
const PAST_AUX: &[&str] = &["was", "were"];

/// Words that after "as" compare with a plan ("as scheduled").
const AS_PLANNED: &[&str] =
    &["scheduled", "planned", "expected", "promised", "agreed", "announced"];

/// Words of an arrangement made for a later day ("scheduled").
const ARRANGED: &[&str] =
    &["scheduled", "planned", "slated", "rescheduled", "planning", "scheduling"];

/// Modals that look back before "have".
const MODALS: &[&str] = &["would", "could", "might", "should", "must", "may"];

/// Every word [`cue`] tells apart by its spelling: any other word gives a
/// cue only by a lexicon reading or an "-ed" ending. The lexicon marks
/// them (see [`super::grammar::bit::TENSE_WORD`]) so that `cue` can skip
/// the rest at once.
pub(crate) fn cue_words() -> impl Iterator<Item = &'static str> {
    [PLAN_WORDS, PAST_AUX, AS_PLANNED, ARRANGED, MODALS, &["won", "due", "could"]]
        .into_iter()
        .flatten()
        .copied()
}

/// The cue token `i` gives; `verb_slot`: it directly follows the date.
fn cue(text: &str, toks: &[Tok], i: usize, verb_slot: bool) -> Option<Cue> {
    let t = &toks[i];
    // Most words: no cue reading, not a word `cue_full` names, no "-ed".
    if t.gate & (bit::CUE | bit::TENSE_WORD) == 0 {
        let b = &text.as_bytes()[t.start..t.end];
        if t.kind != Kind::Word || t.upper || b.len() < 4 || !b.ends_with(b"ed") {
            return None;
        }
    }
    cue_full(text, toks, i, verb_slot)
}

/// [`cue`] without the shortcut.
fn cue_full(text: &str, toks: &[Tok], i: usize, verb_slot: bool) -> Option<Cue> {
    let t = &toks[i];
    if t.kind != Kind::Word {
        return None;
    }
    let w = &text[t.start..t.end];
    // "on March 12 May told lawmakers", "a letter on May 24": a capitalised
    // "May" inside a sentence, or before a number, is a name or the month,
    // never the modal, and says nothing about what lies ahead.
    if t.upper
        && w.eq_ignore_ascii_case("may")
        && (!boundary_before(text, toks, i) || toks.get(i + 1).is_some_and(|n| n.kind == Kind::Num))
    {
        return None;
    }
    let prev = if i > 0 { word(text, toks, i - 1) } else { "" };
    let next = word(text, toks, i + 1);
    // "won't" is "will not", not "won".
    if w.eq_ignore_ascii_case("won")
        && toks.get(i + 1).is_some_and(|n| n.is_punct(b'\''))
        && word(text, toks, i + 2).eq_ignore_ascii_case("t")
    {
        return Some(Cue::Future);
    }
    // "set to resume", "is due to", "expected to": future; "due to its
    // loss" (because of) and "set" alone are not. (The cheap "to" test
    // first: this runs for every word near every date.)
    if next.eq_ignore_ascii_case("to") && is_any(w, PLAN_WORDS) {
        let v = word(text, toks, i + 2);
        if !v.is_empty() && !is_any(v, DETERMINERS) {
            // "had been due to expire Friday", "had been set to expire Nov.
            // 6": an arrangement in the past perfect has been overtaken; its
            // day may be just behind the report or just ahead. No direction
            // (the resolver's nearest-first default), and no farther cue.
            if prev.eq_ignore_ascii_case("been")
                && i >= 2
                && word(text, toks, i - 2).eq_ignore_ascii_case("had")
            {
                return Some(Cue::Neutral);
            }
            return Some(Cue::Future);
        }
    }
    if w.eq_ignore_ascii_case("due") {
        return None;
    }
    // "were planning to drive", "was expected to arrive", "was about to":
    // a past auxiliary before a plan is a future seen from a past moment.
    // Whether a date near it is still ahead depends on which verb it
    // belongs to, which the auxiliary cannot tell: it gives no cue, and a
    // nearer or the plan word itself decides.
    if is_any(w, PAST_AUX) {
        if next.eq_ignore_ascii_case("about") && word(text, toks, i + 2).eq_ignore_ascii_case("to")
        {
            return None;
        }
        if i + 1 < toks.len()
            && !is_any(next, &["was", "were"])
            && cue(text, toks, i + 1, false) == Some(Cue::Future)
        {
            return None;
        }
    }
    // "has scheduled a news conference Thursday", "planned a rally on
    // Saturday", "was planned for March": an arrangement made in the past is
    // for a later day. After a determiner it is an adjective ("the planned
    // merger") and says nothing.
    // "went ahead as scheduled on Sunday", "began as (originally) planned
    // Saturday": the comparison says the plan was kept; the main verb gives
    // the tense.
    let as_before = prev.eq_ignore_ascii_case("as")
        || (prev.ends_with("ly") && i >= 2 && word(text, toks, i - 2).eq_ignore_ascii_case("as"));
    if as_before && is_any(w, AS_PLANNED) {
        return None;
    }
    if is_any(w, ARRANGED)
        && !is_any(prev, DETERMINERS)
        && !next.eq_ignore_ascii_case("to")
        && !before_content_word(text, toks, i)
    {
        return Some(Cue::Future);
    }
    // "could have stopped it Friday", "would have met on Monday": a modal
    // perfect looks back ("will have" still looks ahead).
    if next.eq_ignore_ascii_case("have") && is_any(w, MODALS) {
        return Some(Cue::Past);
    }
    // "could not be reached Friday", "could be located Wednesday": in news
    // narration "could" with a negation or a passive is the past of "can",
    // and says nothing about the future.
    if w.eq_ignore_ascii_case("could") && is_any(next, &["not", "be", "n"]) {
        return None;
    }
    let mut found = None;
    for l in t.lex {
        if let Lex::Cue(c) = l {
            found = Some(*c);
        }
    }
    // "is expected", "be paid": the auxiliary carries the tense, not the
    // participle ("has been paid" keeps it: "been" is a past cue).
    let passive = is_any(prev, &["be", "is", "are", "am", "being"]);
    match found {
        Some(Cue::Neutral | Cue::Schedule) => None,
        Some(Cue::Past | Cue::Report) if passive => None,
        Some(c) => Some(c),
        None => {
            let b = w.as_bytes();
            if t.upper || b.len() < 4 || !b.ends_with(b"ed") {
                return None;
            }
            // "the reduced dividend": an adjective; "will be signed": the
            // auxiliary carries the tense.
            if is_any(prev, DETERMINERS) || passive {
                return None;
            }
            // "preferred shares", "expected losses": an -ed word right
            // before a content word is an adjective; a verb is followed by
            // a function word, a name, a number or punctuation. Right after
            // the date it is the verb whatever follows ("Clinton Thursday
            // condemned terrorist attacks").
            if !verb_slot && before_content_word(text, toks, i) {
                return None;
            }
            Some(Cue::Past)
        }
    }
}

/// Relative pronouns that open a clause inside a sentence.
const RELATIVES: &[&str] = &["which", "who", "whom", "whose", "where"];

/// Does the date at token `start` stand in a relative clause set off by a
/// comma ("the change, which takes effect on Aug. 28, came ...")? The
/// nearest comma to its left, within the window and the sentence, is
/// followed by a relative pronoun.
pub(crate) fn in_relative_clause(text: &str, toks: &[Tok], start: usize) -> bool {
    let mut i = start;
    while i > 0 && start - i < WINDOW && !boundary_before(text, toks, i) {
        i -= 1;
        if toks[i].is_punct(b',') {
            return is_any(word(text, toks, i + 1), RELATIVES);
        }
    }
    false
}

/// Does the clause of a date end at token `j`, to its right, so that no
/// cue from `j` on is the date's? Asked only when the date's clause is
/// known to have a verb of its own before the date, or to be a relative
/// clause whose main verb follows ("which takes effect on Aug. 28, came
/// ..."). The words after "that" or a comma then belong to another clause:
/// "told them on Wednesday that it would sever ties" (a content clause),
/// "announced it on Wednesday, saying the truce would begin" (a
/// participle's), "are due to meet on Sunday, he said" (an attribution).
/// A date opening its sentence ("On Sunday, he said") belongs to the
/// clause after the comma. Without a verb before it, "the strike on Monday
/// that killed ten" or "the strike on Monday, killing ten" still take
/// their tense from the words after.
fn clause_ends(text: &str, toks: &[Tok], j: usize, fronted: bool) -> bool {
    word(text, toks, j).eq_ignore_ascii_case("that") || (!fronted && toks[j].is_punct(b','))
}

/// The direction the sentence around tokens `start..end` gives, if any.
pub(crate) fn direction(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<Direction> {
    // Deadlines and limits ("extended until Nov. 20", "by Jan. 14") point
    // either way whatever the verb's tense: take the nearest match.
    // A future verb still wins ("will double its flights by August").
    let before = |k: usize| if start >= k { word(text, toks, start - k) } else { "" };
    // "effective Feb. 1", "as early as Tuesday", "as soon as next week",
    // "ahead of the weekend": a date something takes effect, may happen at
    // the earliest, or is awaited lies ahead.
    if before(1).eq_ignore_ascii_case("effective")
        || (before(1).eq_ignore_ascii_case("of") && before(2).eq_ignore_ascii_case("ahead"))
        || (before(1).eq_ignore_ascii_case("as")
            && is_any(before(2), &["soon", "early"])
            && before(3).eq_ignore_ascii_case("as"))
    {
        return Some(Direction::Future);
    }
    // "since March", "the change since year-end": the start of a stretch
    // that reaches the present lies behind it, whatever the verb. Causal
    // "since" makes the date a subject ("since Tuesday is a holiday").
    if before(1).eq_ignore_ascii_case("since")
        && !is_any(word(text, toks, end), &["is", "will", "would", "was", "falls"])
    {
        return Some(Direction::Past);
    }
    // "from Sept. 14 to Thursday" is a range, not a deadline: its end
    // follows the tense like any date.
    let range_end = before(1).eq_ignore_ascii_case("to")
        && (2..=6).any(|k| before(k).eq_ignore_ascii_case("from"));
    // "the Jan. 14 deadline", "by the Tuesday deadline", "a Jan. 14 return
    // date": a deadline may have passed or be ahead; take the nearest.
    let deadline_noun = is_any(word(text, toks, end), &["deadline", "deadlines"])
        // "a Jan. 14 return date", "the March 1 target date".
        || (word(text, toks, end + 1).eq_ignore_ascii_case("date")
            && toks.get(end).is_some_and(|t| t.kind == Kind::Word && !t.upper))
        || (word(text, toks, end).eq_ignore_ascii_case("as")
            && word(text, toks, end + 1).eq_ignore_ascii_case("the")
            && is_any(word(text, toks, end + 2), &["deadline", "date"]));
    // "postponed until Tuesday", "delayed the vote till March": a day
    // something is put off to lies ahead of the putting off, whatever the
    // verb's tense. A weekday is named within a week of it, so it lies
    // ahead of the report too; a past delay to a named month or day may be
    // long over ("a deadline later extended to Feb. 18" in a late-March
    // report): the nearest match.
    if is_any(before(1), &["until", "till", "to"]) {
        let mut k = 2;
        while k <= 6 && k <= start && !boundary_before(text, toks, start - k + 1) {
            // "put" and "pushed" delay only with their particle.
            let w = before(k);
            let delays = COMPLEMENT_VERBS.delay.iter().any(|(v, particle)| {
                w.eq_ignore_ascii_case(v)
                    && particle.as_deref().is_none_or(|p| before(k - 1).eq_ignore_ascii_case(p))
            });
            if delays {
                let past = w.as_bytes().ends_with(b"ed");
                let weekday = toks[start].lex.iter().any(|l| matches!(l, Lex::Weekday(..)));
                return Some(if past && !weekday { Direction::Nearest } else { Direction::Future });
            }
            k += 1;
        }
    }
    let deadline = deadline_noun
        || (start > 0
            && !range_end
            && is_any(before(1), &["until", "till", "through", "by", "to"]));
    // "Wednesday's ruling", "Thursday's closing price": a possessive date
    // names an event the report already knows of, whatever the sentence's
    // verb says about what comes next; only a future word right before it
    // ("the upcoming Sunday's vote") keeps it ahead.
    let possessive = toks.get(end).is_some_and(|t| {
        t.start == toks[end - 1].end
            && (text[t.start..].starts_with("'s") || text[t.start..].starts_with("\u{2019}s"))
    });
    if possessive && !deadline {
        let left = if start > 0 { cue(text, toks, start - 1, false) } else { None };
        if left != Some(Cue::Future) {
            return Some(Direction::Past);
        }
    }
    let mut best: Option<(usize, Cue)> = None;
    let mut far_report = false;
    // Left.
    let mut i = start;
    let mut d = 0;
    while i > 0 && d < WINDOW {
        if boundary_before(text, toks, i) {
            break;
        }
        i -= 1;
        d += 1;
        // "subpoenaed him to testify on Feb. 10", "asked them to appear
        // Tuesday": the date belongs to the infinitive, which a request
        // verb sends forward from the time of asking.
        // "allowed to work there since Jan. 13": "since" looks back.
        if infinitive_to(text, toks, i)
            && !is_any(before(1), &["since", "ago"])
            && request_complement(text, toks, i)
        {
            best = Some((d, Cue::Future));
            break;
        }
        match cue(text, toks, i, false) {
            // Too far to date the expression ("said the meeting with the
            // envoys on Thursday would ..."), but the clause has its verb.
            Some(Cue::Report) if d > 4 => far_report = true,
            Some(Cue::Report) => {
                best = Some((d, Cue::Past));
                break;
            }
            Some(c) => {
                best = Some((d, c));
                break;
            }
            None => {}
        }
    }
    // Right, at double distance, within the date's own clause (see
    // `clause_ends`).
    let fronted = (0..=2).any(|k| k <= start && boundary_before(text, toks, start - k));
    let relative = !fronted && in_relative_clause(text, toks, start);
    let mut j = end;
    let mut d = 0;
    while j < toks.len() && d < WINDOW {
        if boundary_before(text, toks, j) {
            break;
        }
        d += 1;
        if best.is_some_and(|(bd, _)| 2 * d >= bd) {
            break;
        }
        if (relative || far_report || best.is_some()) && clause_ends(text, toks, j, fronted) {
            break;
        }
        // "In September, it announced plans to buy": the first reporting
        // verb after the date is the date's verb, whatever the clause it
        // introduces says.
        match cue(text, toks, j, j == end) {
            Some(Cue::Report) => {
                best = Some((2 * d, Cue::Past));
                break;
            }
            Some(c) => {
                best = Some((2 * d, c));
                break;
            }
            None => {}
        }
        j += 1;
    }
    // A long sentence may hold its verb far from the date ("In January, a
    // week after the anniversary of the ruling, a bombing in the city
    // killed a guard"): with no cue in the window, the first past or future
    // cue in the rest of the sentence gives its tense.
    if best.is_none() && j - end >= WINDOW {
        let mut k = j;
        while k < toks.len() && k - end < 3 * WINDOW && !boundary_before(text, toks, k) {
            match cue(text, toks, k, false) {
                Some(Cue::Past | Cue::Report) => {
                    best = Some((2 * (k - end + 1), Cue::Past));
                    break;
                }
                Some(Cue::Future) => {
                    best = Some((2 * (k - end + 1), Cue::Future));
                    break;
                }
                _ => {}
            }
            k += 1;
        }
    }
    // "The leaders meet Monday", "the summit opens on Tuesday": with no
    // other cue, a present-tense verb of arrangement right before the date
    // names a coming day (news reports past events in the past tense).
    if best.is_none() {
        let adjacent = (1..=3).take_while(|k| *k <= start).find(|k| {
            let t = &toks[start - k];
            t.kind == Kind::Word && t.lex.iter().any(|l| matches!(l, Lex::Cue(Cue::Schedule)))
        });
        if let Some(k) = adjacent {
            // Only adverbs and "on" may stand between verb and date.
            let between_ok = (1..k).all(|m| {
                let w = word(text, toks, start - m);
                w.eq_ignore_ascii_case("on") || w.ends_with("ly")
            });
            if between_ok {
                best = Some((k, Cue::Future));
            }
        }
    }
    if deadline {
        return match best {
            Some((_, Cue::Future)) => Some(Direction::Future),
            _ => Some(Direction::Nearest),
        };
    }
    match best?.1 {
        Cue::Past => Some(Direction::Past),
        Cue::Future => Some(Direction::Future),
        Cue::Neutral | Cue::Report | Cue::Schedule => None,
    }
}

/// Modals that carry a future seen from a past moment ("said it would
/// meet", "ruled that he must leave"). "will", "can" and "may" keep the
/// present as their reference ("said it will meet Friday").
const BACKSHIFT_MODALS: &[&str] = &["would", "must", "should", "might"];

/// Adverbs that may stand inside a perfect ("had also said", "had earlier
/// told").
const PERFECT_ADVERBS: &[&str] = &["also", "already", "earlier", "previously", "just", "not"];

/// A date inside the complement of a past verb of saying or deciding, whose
/// future cue is a modal of that past moment: "said on Tuesday it would vote
/// on Friday", "had told them that inspectors would be allowed in on
/// Wednesday", "had ruled that he must leave and set Thursday as the
/// deadline". The modal's future counts from the moment of the saying, not
/// from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Backshift {
    /// The token of the governing verb ("said", "told", "ruled").
    pub(crate) verb: usize,
    /// The governing verb is a past perfect in a main clause ("had told"):
    /// the saying lies before a past moment, and so, with no date of its
    /// own, does what it announced.
    pub(crate) perfect: bool,
}

/// The backshifted frame the date at token `start` sits in, if any; see
/// [`Backshift`].
pub(crate) fn backshift(text: &str, toks: &[Tok], start: usize) -> Option<Backshift> {
    // The nearest cue to the left must be a backshift modal.
    let mut i = start;
    let mut modal = None;
    while i > 0 && start - i < WINDOW && !boundary_before(text, toks, i) {
        i -= 1;
        if cue(text, toks, i, false).is_some() {
            if is_any(word(text, toks, i), BACKSHIFT_MODALS) {
                modal = Some(i);
            }
            break;
        }
    }
    let m = modal?;
    // The verb governing the modal's clause: the nearest past verb to its
    // left; another modal or future cue first means no past frame.
    let mut v = m;
    let verb = loop {
        if v == 0 || m - v >= 15 || boundary_before(text, toks, v) {
            return None;
        }
        v -= 1;
        match cue(text, toks, v, false) {
            Some(Cue::Past | Cue::Report) => break v,
            Some(Cue::Future) => return None,
            _ => {}
        }
    };
    // "had told", "had also said": a perfect, unless it is itself reported
    // ("said it had agreed that inspectors would visit on Monday" is a
    // present perfect put in the past by "said").
    let mut h = verb;
    while h > 0 && is_any(word(text, toks, h - 1), PERFECT_ADVERBS) {
        h -= 1;
    }
    let mut perfect = h > 0 && word(text, toks, h - 1).eq_ignore_ascii_case("had");
    if perfect {
        let mut k = h - 1;
        while k > 0 && !boundary_before(text, toks, k) {
            k -= 1;
            if matches!(cue(text, toks, k, false), Some(Cue::Report)) {
                perfect = false;
                break;
            }
        }
    }
    Some(Backshift { verb, perfect })
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;
    use proptest::prelude::*;

    /// Words `cue` may tell apart: the lexicon, this module's literals,
    /// and "-ed" words.
    fn cue_vocabulary() -> Vec<String> {
        let mut v: Vec<String> = super::super::lexicon::LEXICON.words().map(String::from).collect();
        let src = include_str!("tense.rs");
        v.extend(
            src.split('"')
                .skip(1)
                .step_by(2)
                .filter(|w| {
                    !w.is_empty() && w.len() < 20 && w.bytes().all(|b| b.is_ascii_alphabetic())
                })
                .map(String::from),
        );
        v.extend(
            ["reduced", "Signed", "bed", "ed", "Zoëed", "talked", "to", "have", "been", "had"]
                .map(String::from),
        );
        v
    }

    proptest! {
        #[test]
        fn the_cue_shortcut_changes_nothing(
            words in prop::collection::vec((prop::sample::select(cue_vocabulary()), 0..6u8), 1..10),
        ) {
            let text: String = words
                .iter()
                .map(|(w, c)| match c {
                    0 => format!("{} ", w.to_ascii_uppercase()),
                    1 => format!("{}{} ", &w[..1].to_ascii_uppercase(), &w[1..]),
                    2 => format!("{w}'"),
                    3 => format!("{w}. "),
                    _ => format!("{w} "),
                })
                .collect();
            let mut toks = Vec::new();
            tokenize(&text, &mut toks);
            for i in 0..toks.len() {
                for slot in [false, true] {
                    prop_assert_eq!(cue(&text, &toks, i, slot), cue_full(&text, &toks, i, slot), "{}", text);
                }
            }
        }
    }

    fn dir(text: &str, word: &str) -> Option<Direction> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let i = toks.iter().position(|t| &text[t.start..t.end] == word).unwrap();
        direction(text, &toks, i, i + 1)
    }

    #[test]
    fn past_and_future_cues() {
        assert_eq!(
            dir("The Kremlin announced on Thursday that it agreed.", "Thursday"),
            Some(Direction::Past)
        );
        assert_eq!(
            dir("Talks will resume on Thursday, he said.", "Thursday"),
            Some(Direction::Future)
        );
        assert_eq!(dir("Putin had sent it on Wednesday.", "Wednesday"), Some(Direction::Past));
        assert_eq!(dir("The summit is on Thursday.", "Thursday"), None);
        assert_eq!(dir("He won't travel on Monday.", "Monday"), Some(Direction::Future));
    }

    #[test]
    fn cues_stop_at_sentence_boundaries() {
        assert_eq!(dir("He resigned. The vote is Thursday.", "Thursday"), None);
        assert_eq!(
            dir("Mr. Smith is due to arrive Thursday.", "Thursday"),
            Some(Direction::Future)
        );
    }

    #[test]
    fn since_looks_back_unless_causal() {
        assert_eq!(dir("Exports have doubled since March.", "March"), Some(Direction::Past));
        assert_eq!(
            dir("Since Tuesday is a holiday, markets will close.", "Tuesday"),
            Some(Direction::Future)
        );
    }

    #[test]
    fn complement_verbs_load_with_both_kinds_and_their_particles() {
        let v = &*COMPLEMENT_VERBS;
        assert!(v.request.iter().any(|w| w == "ordered"));
        assert!(v.delay.iter().any(|(w, p)| w == "postponed" && p.is_none()));
        assert!(v.delay.iter().any(|(w, p)| w == "put" && p.as_deref() == Some("off")));
    }

    #[test]
    fn a_delay_verb_needing_a_particle_delays_only_with_it() {
        assert_eq!(
            dir("The board put off the vote until Tuesday.", "Tuesday"),
            Some(Direction::Future)
        );
        assert_ne!(
            dir("The board put the vote to members on Tuesday.", "Tuesday"),
            Some(Direction::Future)
        );
    }
}
