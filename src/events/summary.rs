/*!
Event headlines: one line saying who did what to whom, in the article's own
words where it has them.

A verb event reads `{sources} {verb group} {object}`: the auxiliaries the
text puts before the trigger ("are due to meet", "did not meet"), the
trigger, then the words after it up to the end of its object phrase
("imposed sanctions on Syria", "held talks with Finnish President Alexander
Stubb"). The object phrase ends at punctuation, a clause opener, a date
expression, or a preposition once it has three words, and never runs past
eight words. A statement skips a date and "that" after its verb, so that its
headline gives what was said. A noun event reads `{Noun}: {participants}`
("Ceasefire: Israel and Hezbollah").

The headline is a label for people, not data: the actors, type, mode and
status stay in their own fields.
*/

use std::cell::RefCell;
use std::collections::HashMap;

use super::extract::RawEvent;
use super::inflect;
use super::words::WORDS;
use crate::model::{EventStatus, Span};
use crate::segment::{self, Lower};

/// Words an object phrase may hold at most.
const OBJECT_WORDS: usize = 8;
/// Words of auxiliaries kept before a verb at most.
const AUX_WORDS: usize = 4;
/// Bytes before a verb that can hold its auxiliaries (four of the longest,
/// "reportedly", with their spaces, and room to spare).
const AUX_WINDOW: usize = 64;
/// Words of what was said, given before a reporting clause, at most.
const SAID_WORDS: usize = 10;
/// Words of an adjunct between a reporting verb and its "that", at most.
const ADJUNCT_WORDS: usize = 5;
/// Words of the subject between such a clause and its reporting verb, at most.
const SAID_SUBJECT_WORDS: usize = 6;
/// Words such a clause needs at least to be what was said.
const SAID_MIN_WORDS: usize = 4;
/// Object words after which a preposition ends the phrase.
const SOFT_STOP_AFTER: usize = 3;

/// The headline of `raw`, found in `text` (the body or caption it came
/// from) whose date expressions lie at `dates`.
pub(crate) fn headline(raw: &RawEvent, text: &str, dates: &[Span]) -> String {
    let sources = names(raw, |p| p == "source", &[]);
    let trigger = &text[raw.trigger_span.start..raw.trigger_span.end];
    // Whether the line itself says the event did not happen ("did not meet").
    let mut says_negation = false;
    let mut line = if raw.noun {
        let mut all = sources.clone();
        all.extend(names(raw, |p| p != "source", &sources));
        let mut s = trigger.to_string();
        if !all.is_empty() {
            s.push_str(": ");
            s.push_str(&joined(&all));
        }
        s
    } else {
        let aux = aux_before(text, raw.sentence, raw.trigger_span);
        let mut object = object_after(raw, text, dates);
        if object.is_empty() && raw.event_type == "STATEMENT" {
            object = said_before(raw, text, dates);
        }
        let targets = names(raw, |p| p == "target", &sources);
        let by = object.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("by "));
        // "Syria was hit by ...", "a statement released by ...": the one
        // acted upon leads, the actor follows "by".
        let passive = by || is_passive(aux, trigger);
        let verb = if raw.status == EventStatus::Occurred && aux.is_empty() && !passive {
            in_past(trigger)
        } else {
            trigger.to_string()
        };
        let mut s = joined(if passive { &targets } else { &sources });
        s.reserve(aux.len() + verb.len() + object.len() + 8);
        for part in [aux, &verb, &object] {
            if !part.is_empty() {
                if !s.is_empty() && !part.starts_with(':') {
                    s.push(' ');
                }
                s.push_str(part);
            }
        }
        if passive && !by && !sources.is_empty() {
            // "rockets were launched from southern Lebanon": fire from a
            // country is coded as that country's, but the text says "from".
            let after = &text[raw.trigger_span.end..raw.sentence.end];
            let from = after.split_whitespace().take(2).any(|w| w == "from");
            s.push_str(if from { " from " } else { " by " });
            s.push_str(&joined(&sources));
        } else if !passive && object.is_empty() && !targets.is_empty() {
            s.push_str(" → ");
            s.push_str(&joined(&targets));
        }
        says_negation = has_negation(aux);
        s
    };
    if raw.status == EventStatus::Negated && !says_negation {
        line.insert_str(0, "not: ");
    }
    capitalized(line)
}

/// The distinct names of the actors whose part passes `keep`, in order,
/// leaving out those in `except`.
fn names<'a>(raw: &'a RawEvent, keep: impl Fn(&str) -> bool, except: &[&str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for a in raw.actors.iter().filter(|a| keep(&a.part)) {
        let n = a.name.as_str();
        if !out.contains(&n) && !except.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// "A", "A and B", "A, B and C".
fn joined(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => {
            let mut s = init.join(", ");
            s.push_str(" and ");
            s.push_str(last);
            s
        }
    }
}

fn capitalized(s: String) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s,
    }
}

/// What a statement said when the sentence gives it before its reporting
/// clause ("Putin has sent a message to al-Sharaa, the Kremlin announced"),
/// after a colon, cut to its first words: `": Putin has sent a message…"`.
fn said_before(raw: &RawEvent, text: &str, dates: &[Span]) -> String {
    let before = &text[raw.sentence.start..raw.trigger_span.start];
    let Some(comma) = before.rfind([',', '—']) else {
        return String::new();
    };
    // Between the comma and the verb only its subject: a few words, no
    // clause opener ("an outline that Biden made public") and no colon
    // (a caption's "FILED - 17 January 2025, Beirut: Aoun speaks").
    let mark = before[comma..].chars().next().map_or(1, char::len_utf8);
    let subject = Span::new(raw.sentence.start + comma + mark, raw.trigger_span.start);
    let mut n = 0;
    for w in segment::word_spans(text, subject) {
        n += 1;
        if n > SAID_SUBJECT_WORDS || WORDS.headline_stop.has(&Lower::of(&text[w.start..w.end])) {
            return String::new();
        }
    }
    if text[subject.start..subject.end].contains(':') {
        return String::new();
    }
    let content = Span::new(raw.sentence.start, raw.sentence.start + comma);
    if dates.iter().any(|d| d.start < content.end && content.start < d.end) {
        return String::new();
    }
    // One word past the cut tells whether there is a cut.
    let words: Vec<Span> = segment::word_spans(text, content).take(SAID_WORDS + 1).collect();
    let Some(first) = words.first() else {
        return String::new();
    };
    let first_word = Lower::of(&text[first.start..first.end]);
    // "Speaking in Paris, Aoun said", "On Saturday, Aoun said": no content.
    if words.len() < SAID_MIN_WORDS
        || first_word.ends_with("ing")
        || WORDS.headline_soft_stop.has(&first_word)
        || WORDS.headline_adjunct.has(&first_word)
    {
        return String::new();
    }
    let cut = words.len() > SAID_WORDS;
    let last = words[words.len().min(SAID_WORDS) - 1];
    let mut s = String::from(": ");
    s.push_str(&closed_quotes(&text[first.start..last.end]));
    if cut {
        s.push('…');
    }
    s
}

/// The "that" closing a short adjunct ("in a statement that"), among the
/// words `ahead`, when only spaces lie between them.
fn that_after_adjunct(
    text: &str,
    ahead: &std::iter::Peekable<segment::WordSpans<'_>>,
) -> Option<Span> {
    let mut prev: Option<Span> = None;
    for w in ahead.clone().take(ADJUNCT_WORDS) {
        if prev.is_some_and(|p| !joins(&text[p.end..w.start])) {
            return None;
        }
        if text[w.start..w.end].eq_ignore_ascii_case("that") {
            return Some(w);
        }
        prev = Some(w);
    }
    None
}

/// A trigger whose event happened, in the simple past: "hosting Netanyahu"
/// and a caption's "speaks to reporters" head a timeline as "hosted",
/// "spoke". Only the first word changes; a form whose lemma cannot be told
/// stays as written.
fn in_past(trigger: &str) -> String {
    let (head, rest) = trigger.split_once(' ').unwrap_or((trigger, ""));
    match past_tense(head) {
        Some(past) if rest.is_empty() => past,
        Some(past) => format!("{past} {rest}"),
        None => trigger.to_string(),
    }
}

/// Forms [`past_tense`] remembers per thread at most: triggers are forms of
/// the lexicon, so this bound is never reached in practice; it only keeps
/// odd input from growing the memo.
const PAST_MEMO: usize = 4096;

thread_local! {
    /// [`inflect::past_tense`] by lower-cased form (what it depends on):
    /// working it out builds and inflects candidate lemmas, and the same
    /// few verbs head most events.
    static PAST: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
}

/// [`inflect::past_tense`] of `w`, remembered.
fn past_tense(w: &str) -> Option<String> {
    let key = Lower::of(w);
    PAST.with(|memo| {
        if let Some(past) = memo.borrow().get(key.as_str()) {
            return past.clone();
        }
        let past = inflect::past_tense(w);
        let mut memo = memo.borrow_mut();
        if memo.len() < PAST_MEMO {
            memo.insert(key.as_str().to_string(), past.clone());
        }
        past
    })
}

/// A form of "be" before a participle ("was hit", "were expelled").
fn is_passive(aux: &str, trigger: &str) -> bool {
    let verb = trigger.split(' ').next().unwrap_or(trigger);
    let lower = Lower::of(verb);
    let participle = lower.ends_with("ed") || WORDS.irregular_past.has(&lower);
    participle
        && segment::word_spans(aux, Span::new(0, aux.len()))
            .any(|w| WORDS.be.has(&Lower::of(&aux[w.start..w.end])))
}

fn has_negation(aux: &str) -> bool {
    segment::word_spans(aux, Span::new(0, aux.len()))
        .any(|w| WORDS.negation.has(&Lower::of(&aux[w.start..w.end])))
}

/// Only spaces, apostrophes (which split "Beirut’s") and quotation marks
/// lie between two words of one phrase.
fn joins(gap: &str) -> bool {
    gap.chars().all(|c| c.is_whitespace() || matches!(c, '\'' | '’' | '‘' | '"' | '“' | '”'))
}

/// `phrase` with the quotation it opens closed ("called for “restraint…”").
fn closed_quotes(phrase: &str) -> String {
    let mut s = phrase.to_string();
    let curly = phrase.matches('“').count() > phrase.matches('”').count();
    if curly {
        s.push('”');
    } else if phrase.matches('"').count() % 2 == 1 {
        s.push('"');
    }
    s
}

/// Whether the gap between the words at `prev` and `next` keeps them in
/// one phrase: spaces, or the comma of a number ("1,000").
fn joins_words(text: &str, prev: Span, next: Span) -> bool {
    let gap = &text[prev.end..next.start];
    joins(gap)
        || (gap == ","
            && text[..prev.end].ends_with(|c: char| c.is_ascii_digit())
            && text[next.start..].starts_with(|c: char| c.is_ascii_digit()))
}

/// The auxiliaries right before the trigger, as written ("are due to").
fn aux_before(text: &str, sentence: Span, trigger: Span) -> &str {
    // Only the last few words can be auxiliaries: scan a short window, not
    // the whole sentence before the verb, and skip a word it cuts.
    let mut from = trigger.start.saturating_sub(AUX_WINDOW).max(sentence.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let cut = from > sentence.start && text[..from].ends_with(|c: char| c.is_alphanumeric());
    // The last AUX_WORDS words, oldest first once rotated.
    let mut last = [Span::new(0, 0); AUX_WORDS];
    let mut seen = 0usize;
    for w in segment::word_spans(text, Span::new(from, trigger.start))
        .skip_while(|w| cut && w.start == from)
    {
        last[seen % AUX_WORDS] = w;
        seen += 1;
    }
    let mut start = trigger.start;
    for k in 1..=seen.min(AUX_WORDS) {
        let w = last[(seen - k) % AUX_WORDS];
        if !joins(&text[w.end..start]) || !WORDS.headline_aux.has(&Lower::of(&text[w.start..w.end]))
        {
            break;
        }
        start = w.start;
    }
    if start == trigger.start {
        return "";
    }
    // An auxiliary chain that is only "to" reads as an infinitive without
    // its verb ("agreed to"): the trigger alone says more.
    let aux = &text[start..trigger.start];
    if aux.trim().eq_ignore_ascii_case("to") {
        ""
    } else {
        aux.trim_end()
    }
}

/// The trigger's object phrase, as written (with any quotation it opens
/// closed).
fn object_after(raw: &RawEvent, text: &str, dates: &[Span]) -> String {
    let span = Span::new(raw.trigger_span.end, raw.sentence.end.max(raw.trigger_span.end));
    // Only a date overlapping the span can hold a word of it (kept in
    // order, so the first that holds one is the same).
    let near: Vec<Span> =
        dates.iter().filter(|d| d.start < span.end && span.start < d.end).copied().collect();
    let in_timex = |at: usize| near.iter().find(|d| d.start <= at && at < d.end);
    let statement = raw.event_type == "STATEMENT";
    let mut start: Option<usize> = None;
    let mut end = span.start;
    let mut prev = Span::new(span.start, span.start);
    let mut taken = 0;
    // The words kept, so that trailing function words can be dropped.
    let mut kept: Vec<Span> = Vec::with_capacity(OBJECT_WORDS);
    let mut words = segment::word_spans(text, span).peekable();
    while let Some(w) = words.next() {
        if !(joins(&text[end..w.start]) || (end == prev.end && joins_words(text, prev, w))) {
            break;
        }
        let lower = Lower::of(&text[w.start..w.end]);
        if let Some(t) = in_timex(w.start) {
            // A date right after the verb comes before its object ("agreed
            // on Tuesday to stop"), and a statement's "that" before what
            // was said.
            if start.is_none() {
                end = t.end.max(w.end);
                while words.peek().is_some_and(|n| n.start < end) {
                    words.next();
                }
                continue;
            }
            break;
        }
        if start.is_none() && (&*lower == "that" || WORDS.headline_soft_stop.has(&lower)) {
            let next_is_date = words.peek().is_some_and(|n| in_timex(n.start).is_some());
            if (statement && &*lower == "that") || next_is_date {
                end = w.end;
                continue;
            }
        }
        if WORDS.headline_stop.has(&lower)
            || (taken >= SOFT_STOP_AFTER && WORDS.headline_soft_stop.has(&lower))
            || taken == OBJECT_WORDS
        {
            break;
        }
        if start.is_none() && WORDS.headline_adjunct.has(&lower) {
            // "said in a statement that …": what was said follows the
            // adjunct.
            if let Some(that) = statement.then(|| that_after_adjunct(text, &words)).flatten() {
                while words.next().is_some_and(|n| n.start < that.start) {}
                end = that.end;
                continue;
            }
            // "seized in a surprise incursion": no object, an adjunct.
            break;
        }
        start.get_or_insert(w.start);
        // An abbreviation keeps its period ("the U.S. plan").
        let mut w = w;
        if text[w.end..].starts_with('.') && segment::is_abbreviation(&text[w.start..w.end + 1]) {
            w.end += 1;
        }
        kept.push(w);
        prev = w;
        taken += 1;
        end = w.end;
    }
    while kept.last().is_some_and(|w| WORDS.headline_trail.has(&Lower::of(&text[w.start..w.end]))) {
        kept.pop();
    }
    match (kept.first(), kept.last()) {
        (Some(first), Some(last)) => {
            // An opening quotation mark right before the first word.
            let open = text[..first.start]
                .chars()
                .next_back()
                .filter(|c| matches!(c, '"' | '“'))
                .map_or(0, char::len_utf8);
            closed_quotes(&text[first.start - open..last.end])
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Actor;

    fn actor(name: &str, part: &str) -> Actor {
        Actor {
            name: name.into(),
            kind: "country".into(),
            role: None,
            country: None,
            code: None,
            part: part.into(),
        }
    }

    /// An event on the first occurrence of `trigger` in `text`, with the
    /// date expressions given as substrings.
    fn raw(text: &str, trigger: &str, noun: bool, actors: Vec<Actor>) -> RawEvent {
        let at = text.find(trigger).expect("trigger in text");
        RawEvent {
            event_type: "CONSULT".into(),
            mode: None,
            status: EventStatus::Occurred,
            actors,
            location: None,
            trigger: trigger.into(),
            trigger_span: Span::new(at, at + trigger.len()),
            sentence: Span::new(0, text.len()),
            date: super::super::link::fallback(None),
            noun,
        }
    }

    /// A STATEMENT by Peru on `trigger`.
    fn statement(text: &str, trigger: &str) -> RawEvent {
        let mut ev = raw(text, trigger, false, vec![actor("Peru", "source")]);
        ev.event_type = "STATEMENT".into();
        ev
    }

    fn timex(text: &str, expr: &str) -> Span {
        let at = text.find(expr).expect("expression in text");
        Span::new(at, at + expr.len())
    }

    #[test]
    fn a_verb_keeps_its_object_up_to_the_date() {
        let text = "Norway imposed sanctions on Chile on Monday, officials said.";
        let ev = raw(text, "imposed sanctions", false, vec![actor("Norway", "source")]);
        let got = headline(&ev, text, &[timex(text, "Monday")]);
        assert_eq!(got, "Norway imposed sanctions on Chile");
    }

    #[test]
    fn a_long_object_ends_at_a_preposition_after_three_words() {
        let text = "Peru accused Chile of backtracking on parts of the accord.";
        let ev =
            raw(text, "accused", false, vec![actor("Peru", "source"), actor("Chile", "target")]);
        assert_eq!(headline(&ev, text, &[]), "Peru accused Chile of backtracking");
    }

    #[test]
    fn auxiliaries_before_the_verb_are_kept() {
        let text = "Officials from Peru are due to meet the Chilean delegation in Lima.";
        let mut ev = raw(text, "meet", false, vec![actor("Peru", "source")]);
        ev.status = EventStatus::Scheduled;
        assert_eq!(headline(&ev, text, &[]), "Peru are due to meet the Chilean delegation");
        let text = "The two envoys did not meet face to face.";
        let mut ev = raw(text, "meet", false, vec![actor("Peru", "source")]);
        ev.status = EventStatus::Negated;
        assert_eq!(headline(&ev, text, &[]), "Peru did not meet face to face");
    }

    #[test]
    fn a_statement_says_what_was_said() {
        let text = "The ministry said on Tuesday that the border would reopen next week.";
        let ev = statement(text, "said");
        let got = headline(&ev, text, &[timex(text, "Tuesday"), timex(text, "next week")]);
        assert_eq!(got, "Peru said the border would reopen");
    }

    #[test]
    fn a_noun_names_its_participants_once() {
        let text = "A ceasefire between Peru and Chile took effect.";
        let ev = raw(
            text,
            "ceasefire",
            true,
            vec![actor("Peru", "source"), actor("Peru", "source"), actor("Chile", "target")],
        );
        assert_eq!(headline(&ev, text, &[]), "Ceasefire: Peru and Chile");
    }

    #[test]
    fn without_an_object_the_targets_follow_an_arrow() {
        let text = "Peru warned Chile, Bolivia and Ecuador.";
        let ev = raw(
            text,
            "warned",
            false,
            vec![
                actor("Peru", "source"),
                actor("Chile", "target"),
                actor("Bolivia", "target"),
                actor("Ecuador", "target"),
                actor("Peru", "target"),
            ],
        );
        // "Chile" is one word before the comma: the object phrase.
        assert_eq!(headline(&ev, text, &[]), "Peru warned Chile");
        let text = "Peru protested.";
        let ev =
            raw(text, "protested", false, vec![actor("Peru", "source"), actor("Chile", "target")]);
        assert_eq!(headline(&ev, text, &[]), "Peru protested → Chile");
    }

    #[test]
    fn abbreviations_and_numbers_do_not_end_the_phrase() {
        let text = "Peru agreed to the U.S. plan for a truce.";
        let ev = raw(text, "agreed", false, vec![actor("Peru", "source")]);
        assert_eq!(headline(&ev, text, &[]), "Peru agreed to the U.S. plan");
        let text = "Peru freed 1,200 prisoners of war each.";
        let ev = raw(text, "freed", false, vec![actor("Peru", "source")]);
        assert_eq!(headline(&ev, text, &[]), "Peru freed 1,200 prisoners of war each");
    }

    #[test]
    fn an_adjunct_is_no_object() {
        let text = "the province, which Peru seized in a surprise raid.";
        let ev = raw(text, "seized", false, vec![actor("Peru", "source")]);
        assert_eq!(headline(&ev, text, &[]), "Peru seized");
    }

    #[test]
    fn a_quotation_is_kept_and_closed() {
        let text =
            "Peru called for “restraint on all sides and an immediate halt” to the fighting.";
        let ev = raw(text, "called for", false, vec![actor("Peru", "source")]);
        let got = headline(&ev, text, &[]);
        assert_eq!(got, "Peru called for “restraint on all sides and an immediate halt”");
        let text = "Peru urged Chile to \"stop the shelling now\".";
        let ev = raw(text, "urged", false, vec![actor("Peru", "source"), actor("Chile", "target")]);
        assert_eq!(headline(&ev, text, &[]), "Peru urged Chile to \"stop the shelling now\"");
    }

    #[test]
    fn a_passive_leads_with_the_one_acted_upon() {
        let text = "Two Chilean diplomats were expelled on Friday.";
        let ev = raw(
            text,
            "expelled",
            false,
            vec![actor("Peru", "source"), actor("Chilean diplomats", "target")],
        );
        let got = headline(&ev, text, &[timex(text, "Friday")]);
        assert_eq!(got, "Chilean diplomats were expelled by Peru");
        let text = "A statement released by the presidency said so.";
        let ev = raw(text, "released", false, vec![actor("Peru", "source")]);
        assert_eq!(headline(&ev, text, &[]), "Released by the presidency");
    }

    #[test]
    fn a_date_between_verb_and_object_is_skipped() {
        let text = "Peru condemned on Saturday the shelling of its border posts.";
        let ev = raw(text, "condemned", false, vec![actor("Peru", "source")]);
        let got = headline(&ev, text, &[timex(text, "Saturday")]);
        assert_eq!(got, "Peru condemned the shelling of its border posts");
    }

    #[test]
    fn what_was_said_before_the_reporting_clause() {
        let text = "The two countries will reopen their embassies in the spring and \
                    resume flights, the ministry announced on Monday.";
        let ev = statement(text, "announced");
        let got = headline(&ev, text, &[timex(text, "Monday")]);
        assert_eq!(
            got,
            "Peru announced: The two countries will reopen their embassies in the spring…"
        );
        for text in [
            "Speaking in Lima, the minister said.",
            "It is a plan that the minister first made public.",
            "A plan, which the foreign minister of Peru first made public.",
        ] {
            let trigger = if text.contains("said") { "said" } else { "made public" };
            let ev = statement(text, trigger);
            let got = headline(&ev, text, &[]);
            assert!(got.starts_with("Peru ") && !got.contains(':'), "{got}");
        }
        let text = "FILED - 17 March 2025, Peru, Lima: The minister speaks.";
        let ev = statement(text, "speaks");
        assert_eq!(headline(&ev, text, &[timex(text, "17 March 2025")]), "Peru spoke");
    }

    #[test]
    fn a_statement_skips_its_adjunct_up_to_that() {
        let text = "The ministry said in a short statement that the talks would resume.";
        let ev = statement(text, "said");
        assert_eq!(headline(&ev, text, &[]), "Peru said the talks would resume");
        let text = "The ministry said in a short statement, without details.";
        let ev = statement(text, "said");
        assert_eq!(headline(&ev, text, &[]), "Peru said");
    }

    #[test]
    fn what_happened_is_told_in_the_past() {
        let text = "Peru, hosting the Chilean president at the palace, spoke of peace.";
        let ev = raw(text, "hosting", false, vec![actor("Peru", "source")]);
        assert_eq!(headline(&ev, text, &[]), "Peru hosted the Chilean president");
        let text = "The minister speaks to reporters in Lima.";
        let ev = raw(text, "speaks", false, vec![actor("Peru", "source")]);
        assert_eq!(headline(&ev, text, &[]), "Peru spoke to reporters in Lima");
        // Scheduled events keep their form and auxiliaries.
        let text = "Peru is hosting the summit next week.";
        let mut ev = raw(text, "hosting", false, vec![actor("Peru", "source")]);
        ev.status = EventStatus::Scheduled;
        assert_eq!(headline(&ev, text, &[]), "Peru is hosting the summit next week");
    }

    #[test]
    fn curly_apostrophes_stay_inside_the_phrase() {
        let text = "Jets struck Lima’s southern suburbs overnight, witnesses said.";
        let ev = raw(text, "struck", false, vec![actor("Chile", "source")]);
        assert_eq!(headline(&ev, text, &[]), "Chile struck Lima’s southern suburbs overnight");
    }

    #[test]
    fn fire_from_a_country_says_from() {
        let text = "Two rockets were launched from Peru toward the border.";
        let ev = raw(text, "launched", false, vec![actor("Peru", "source")]);
        assert_eq!(headline(&ev, text, &[]), "Were launched from Peru");
    }
}
