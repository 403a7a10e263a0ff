/*!
Who did what to whom: events built from triggers, actors and dates, one
sentence at a time.

For each trigger of a sentence:

- **Status.** Looking back from the trigger inside its clause (at most four
  words): a negation makes it `negated` ("did not meet"); "will"/"shall" make
  it `scheduled`; a modal ("could", "may", "would"), a conditional clause
  ("if", "unless", "whether"), "either ... or", or a clause reporting an
  allegation ("allegations that ...") make it `hypothetical`. A verb right
  after "to" is the content of something else ("urged X to withdraw") and
  makes no event, unless a scheduling frame governs it ("plans to visit",
  "is expected to meet": `scheduled`) or a threat ("threatened to strike":
  `hypothetical`); after a refusal ("declined to back") the refusal itself
  is the event, after a failure ("failed to agree") the act is `negated`.
  Closed-class words (negations, modals, frames, gap words) live in
  `data/events/function_words.tsv`. An occurred
  event whose own date lies after publication becomes `scheduled`.
- **Source**: the nearest actor before the trigger in its clause, else the
  first actor of the sentence before it. A past participle right after a
  common noun and followed by a preposition ("rockets fired from", "a
  statement released by") is a passive modifier: its source can only come
  from a "by" phrase. Verb events need a source.
- **Target**: the first actor after the trigger in its clause (and any
  joined to it by "and"), skipping the subject of a later verb. Statements
  ("said", "announced") take no target unless an actor directly follows the
  verb ("told the UN"); a possessive there ("reaffirmed Russia's
  readiness") is content, not a target.
- **Nouns** ("meeting", "ceasefire", "strike") make an event only when a
  date belongs to them (a date goes to a verb of its clause first), in a
  caption, or when "with" and an actor follow
  them ("a telephone call with U.S. President ..."); their participants are
  the actors of their clause. Any other undated noun is background, and a
  noun right after a verb trigger ("condemned the attack") is its object.
- **Statements** that only source another event of their sentence ("...,
  officials said") and statements by anonymous sources ("officials",
  "a diplomatic source", "the military") are not events.
- **Statements whose content is an act**: an undated reporting verb whose
  sentence reports a past act ("told reporters they had agreed") is not
  an event of its own (the act is coded, or left out); a content cue
  (`content_frames.tsv`) recodes it: readiness to stop (AGREE) or to harm
  (THREATEN), a condition (REQUEST), a reproach or insult ("the remark was
  irresponsible", ACCUSE), a consequence the other side is told to expect
  ("Moscow would respond", THREATEN), a modal demand on another party ("Washington
  should stop ...", REQUEST), a tie made to hang on the other's conduct
  ("the partnership depends on the release of ...", THREATEN), a refusal
  of talks ("would not hold talks with ...", REJECT).
- **Pronouns**: "it"/"he"/"she" subject of a clause reported by the verb
  just before ("said on Saturday that it welcomed") is its speaker; "they"
  is the last pair of parties that acted together ("X and Y met ... But
  they did not ..."). A subject joined by "and" ("Russia and Ukraine
  exchanged") acts too. An agentless passive ("was released") has no
  source and makes no event (attacks excepted: fire "from" a country).
- **Domestic support and aid**: SUPPORT or AID whose every target is the
  source's own state (a leader welcoming his returning citizens) is
  domestic politics and makes no event.
- **Provisions**: "X is to free ..." without a date of its own states
  what an arrangement requires, not an event.
- **Dates**: a date fronted before a comma at the start of a sentence dates
  the main clause; a date inside an indefinite appositive (", a German
  sentenced in June,") describes a participant; a verb with no date of its
  own takes the date of the relative clause describing its object event
  ("brokered the ceasefire that ended the war in November 2020"); the main
  verb after a relative clause with a nested "that" clause resumes the
  subject before "which"/"who" and takes no date from inside; a present
  perfect ("has made") with no date in its sentence is background, dated by
  the publication date.
- `ORDER` becomes `MOBILIZE` when a target is military, else `REQUEST`.
- Mentions in one sentence with the same type, mode and actor codes are one
  event; an event with no target inherits the target of an earlier event of
  the same type, mode and source in the same text ("sent it on Wednesday"
  after "sent a message to X").
*/

use std::sync::LazyLock;

use arrayvec::ArrayVec;
use chrono::NaiveDate;

use super::actors::ActorMention;
use super::lexscan::Hits;
use super::link;
use super::trace;
use super::triggers::{self, is_irregular_past, prev_word, Reading, Trigger};
use super::words::WORDS;
use crate::lexicon;
use crate::model::{Actor, DateAnchor, EventDate, EventStatus, Span, Timex};
use crate::segment;

mod content;
pub(crate) use content::load_lexicon;
use content::{content_act, Cue};
mod inherit;
mod roles;
mod subjects;
use inherit::{inherited_date, Inherit, Inheritance};
use roles::{
    adjective_object, by_agent, describing_present, gapped_second, in_relative_before,
    is_agentless_passive, is_passive_voice, resumes_after_relative, subject, targets, with_actor,
};

/// An event found in one text, before ids and sources are added.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEvent {
    /// PLOVER category or `STATEMENT`.
    pub event_type: String,
    /// Mode.
    pub mode: Option<String>,
    /// Status.
    pub status: EventStatus,
    /// Participants, sources first.
    pub actors: Vec<Actor>,
    /// Where, when stated.
    pub location: Option<String>,
    /// Trigger as written.
    pub trigger: String,
    /// Trigger span.
    pub trigger_span: Span,
    /// Sentence span.
    pub sentence: Span,
    /// The date and why.
    pub date: EventDate,
    /// The trigger was read as a noun ("the ceasefire"), not a verb.
    pub noun: bool,
}

impl RawEvent {
    /// The country of the event's first source, if it has one.
    pub fn source_country(&self) -> Option<&str> {
        self.actors.iter().find(|a| a.part == "source").and_then(|a| a.country.as_deref())
    }
}

/// Where a text sits in its article.
#[derive(Debug, Clone, Copy)]
pub struct TextContext {
    /// Publication day.
    pub published: Option<NaiveDate>,
    /// For a caption: its filing date, if any (`Some(None)` for a caption
    /// without one); `None` for the body.
    pub caption: Option<Option<NaiveDate>>,
}

/// The lower-cased words of `text[span]`, with their spans.
fn lower_words(text: &str, span: Span) -> Vec<(Span, segment::Lower<'_>)> {
    segment::word_spans(text, span)
        .map(|w| (w, segment::Lower::of(&text[w.start..w.end])))
        .collect()
}

/// [`lower_words`] one at a time, for callers that look at only the first
/// few words of a long span.
fn lower_word_iter(text: &str, span: Span) -> impl Iterator<Item = (Span, segment::Lower<'_>)> {
    segment::word_spans(text, span).map(|w| (w, segment::Lower::of(&text[w.start..w.end])))
}

/// The first word of `text[span]`, lower-cased: without scanning and
/// collecting the rest of the span as [`lower_words`] would.
fn first_lower_word(text: &str, span: Span) -> Option<segment::Lower<'_>> {
    segment::word_spans(text, span).next().map(|w| segment::Lower::of(&text[w.start..w.end]))
}

/// ", accusing ...": a participle after a comma, continuing the verb
/// before it.
fn continues_with_participle(text: &str, trig: &Trigger) -> bool {
    trig.reading == Reading::Verb
        && segment::first_word(&text[trig.span.start..trig.span.end]).ends_with("ing")
        && text[..trig.span.start].trim_end().ends_with(',')
}

/// Status of a verb trigger; `None` when it makes no event.
fn status(text: &str, sentence: Span, clause: Span, trig: &Trigger) -> Option<EventStatus> {
    // A participle continuing an earlier verb shares its status: the modal
    // of a reported clause before the comma is not its own.
    // The clause's first word and the four words right before the verb
    // (nearest first), found in one scan without keeping the others.
    let (mut first, mut last) = (None, [None::<Span>; 4]);
    if !continues_with_participle(text, trig) {
        for w in segment::word_spans(text, Span::new(clause.start, trig.span.start)) {
            first.get_or_insert(w);
            last = [Some(w), last[0], last[1], last[2]];
        }
    }
    let lower = |w: Span| segment::Lower::of(&text[w.start..w.end]);
    let first_lower = first.map(lower);
    let window_lower: Vec<segment::Lower> = last.iter().flatten().map(|&w| lower(w)).collect();
    let window: Vec<&str> = window_lower.iter().map(|w| w.as_str()).collect();
    let first_of_clause = first_lower.as_deref();
    // "to meet": content of something else unless a frame governs it.
    if window.first() == Some(&"to") && trig.reading == Reading::Verb {
        let frame = window.get(1).copied();
        return match frame {
            Some(f) if WORDS.threat_frame.has(f) => Some(EventStatus::Hypothetical),
            // "declined to back": the refusal is the event (REJECT).
            Some(f) if WORDS.refusal_frame.has(f) => None,
            // "failed to agree": the act did not happen.
            Some(f) if WORDS.failure_frame.has(f) => Some(EventStatus::Negated),
            Some(f) if WORDS.schedule_frame.has(f) => {
                if window.iter().skip(2).any(|w| WORDS.negation.has(w)) {
                    Some(EventStatus::Negated)
                } else {
                    Some(EventStatus::Scheduled)
                }
            }
            _ => None,
        };
    }
    if window.iter().any(|w| WORDS.negation.has(w) || w.ends_with("n't")) {
        return Some(EventStatus::Negated);
    }
    // "Prime Minister Theresa May thanked": a capitalised modal inside the
    // sentence is a name, not a modal.
    let auxiliaries: Vec<&str> = last
        .iter()
        .flatten()
        .zip(&window)
        .filter(|(w, _)| {
            w.start == sentence.start || !text[w.start..].starts_with(|c: char| c.is_uppercase())
        })
        .map(|(_, l)| *l)
        .collect();
    if auxiliaries.iter().any(|w| WORDS.future.has(w)) {
        return Some(EventStatus::Scheduled);
    }
    if auxiliaries.iter().any(|w| WORDS.modal.has(w))
        || window.contains(&"either")
        || first_of_clause.is_some_and(|w| WORDS.conditional.has(w))
    {
        return Some(EventStatus::Hypothetical);
    }
    // "allegations that Moscow had supported ...".
    if clause.start > sentence.start && first_of_clause == Some("that") {
        let lead = lower_words(text, Span::new(sentence.start, clause.start));
        let near: Vec<&str> = lead.iter().rev().take(3).map(|(_, w)| w.as_str()).collect();
        if first_of_clause == Some("that") && near.iter().any(|w| WORDS.allegation.has(w)) {
            return Some(EventStatus::Hypothetical);
        }
    }
    Some(EventStatus::Occurred)
}

/// The subject of an "-ing" verb that follows the object of a past verb
/// ("Chile signed a decree easing sanctions"): the actor before that verb,
/// with no comma and at most eight words between it and the participle.
fn participle_after_object<'a>(
    text: &str,
    clause: Span,
    trig: &Trigger,
    in_sentence: &[&'a ActorMention],
) -> Option<&'a ActorMention> {
    let form = text[trig.span.start..trig.span.end].split(' ').next().unwrap_or("");
    if !form.ends_with("ing") {
        return None;
    }
    let near = in_sentence.iter().rev().find(|m| {
        !m.place && !m.adjective && m.span.end <= trig.span.start && m.span.start >= clause.start
    })?;
    let gap = &text[near.span.end..trig.span.start];
    if gap.contains(',') {
        return None;
    }
    // More than eight words never qualify: stop scanning at the ninth.
    let words: ArrayVec<_, 9> =
        lower_word_iter(text, Span::new(near.span.end, trig.span.start)).take(9).collect();
    let verb = words.iter().position(|(_, w)| w.ends_with("ed") || is_irregular_past(w))?;
    // The verb comes first (after adverbs), and an object follows it.
    let lead_ok = words[..verb].iter().all(|(_, w)| WORDS.subject_gap.has(w));
    (lead_ok && words.len() <= 8 && words.len() > verb + 1).then_some(*near)
}

/// "they" (after openers such as "but") as the subject of a verb, with only
/// words that may stand between a subject and its verb after it.
fn plural_pronoun_subject(text: &str, clause: Span, trig: &Trigger) -> bool {
    let head = &text[clause.start..trig.span.start];
    if !(head.contains("they") || head.contains("They")) {
        return false;
    }
    let mut ws = lower_word_iter(text, Span::new(clause.start, trig.span.start))
        .map(|(_, w)| w)
        .skip_while(|w| WORDS.shared_subject_opener.has(w) || *w == "that");
    ws.next().is_some_and(|w| w == "they") && ws.all(|w| WORDS.subject_gap.has(&w))
}

/// Two distinct source actors of an event, as a pair mention for a later
/// "they".
fn source_pair(e: &RawEvent) -> Option<ActorMention> {
    let mut sources = e.actors.iter().filter(|a| a.part == "source");
    let first = sources.next()?;
    let second = sources.find(|a| a.name != first.name)?;
    Some(ActorMention::pair(first, second))
}

/// For a verb right after the comma that closes a "that" clause nested in a
/// relative clause ("Russia, which brokered the truce that ended the war
/// in 2020, said"), where the relative clause opens (the comma before
/// "which"/"who"): the verb belongs to the main clause, whose subject
/// stands before that comma and whose dates come after the verb.
fn relative_opener_before(text: &str, clause: Span, trig: &Trigger) -> Option<usize> {
    let starts_that =
        text[clause.start..].get(..5).is_some_and(|w| w.eq_ignore_ascii_case("that "));
    if !starts_that || !text[..trig.span.start].trim_end().ends_with(',') {
        return None;
    }
    let base = segment::floor_boundary(text, clause.start.saturating_sub(300));
    let head = &text[base..clause.start];
    let at = [", which ", ", who "].iter().filter_map(|o| head.rfind(o)).max()?;
    // Not across a sentence end.
    (!head[at..].contains(['.', '?', '!', '\n'])).then_some(base + at)
}

/// The date of a relative clause ("that ...", "which ...") right after the
/// noun object of verb trigger `i`, when that clause has no trigger of its
/// own: the clause tells when the object event happened, which is when the
/// verb's act on it did.
fn object_relative_date(
    text: &str,
    trigs: &[Trigger],
    i: usize,
    fences: &[(Span, &str)],
    sentence_timexes: &[&Timex],
) -> Option<EventDate> {
    let object = trigs.get(i + 1).filter(|t| t.reading == Reading::Noun)?;
    if segment::word_spans(text, Span::new(trigs[i].span.end, object.span.start)).nth(3).is_some() {
        return None;
    }
    let (fence, _) = fences.iter().find(|(c, w)| {
        (*w == "that" || *w == "which")
            && c.start >= object.span.end
            && text[object.span.end..c.start].trim().is_empty()
    })?;
    // The relative clause ends at its comma.
    let end = text[fence.start..fence.end].find(',').map_or(fence.end, |k| fence.start + k);
    let inside = |s: Span| fence.start <= s.start && s.end <= end;
    if trigs.iter().any(|t| t.reading == Reading::Verb && inside(t.span)) {
        return None;
    }
    let t = sentence_timexes.iter().find(|t| inside(t.span) && link::usable(t))?;
    let mut d = link::own_date(t);
    d.rule = link::rule_then(&d.rule, "object_relative_clause");
    Some(d)
}

/// "has made", "have already sent": a present perfect, which tells of
/// background rather than of the story's dated events.
fn present_perfect(text: &str, trig: &Trigger) -> bool {
    let first = text[trig.span.start..trig.span.end].split(' ').next().unwrap_or("");
    let lower = segment::Lower::of(first);
    if !(lower.ends_with("ed") || is_irregular_past(&lower) || lower.ends_with("en")) {
        return false;
    }
    let mut pos = trig.span.start;
    for _ in 0..3 {
        let Some((start, w)) = prev_word(text, pos) else { return false };
        if w == "has" || w == "have" {
            return true;
        }
        if !(w.ends_with("ly") || WORDS.subject_gap.has(&w)) {
            return false;
        }
        pos = start;
    }
    false
}

/// Support or aid whose every target is the source's own state (a leader
/// welcoming his returning citizens, a government funding its own regions)
/// is domestic politics, not an interaction between states.
fn domestic(actors: &[Actor]) -> bool {
    let Some(home) = actors.iter().find(|a| a.part == "source").and_then(|a| a.country.as_deref())
    else {
        return false;
    };
    let mut targets = actors.iter().filter(|a| a.part == "target").peekable();
    targets.peek().is_some() && targets.all(|a| a.country.as_deref() == Some(home))
}

/// The actor joined to a verb's subject by "and" ("Russia and Ukraine
/// exchanged ..."), when nothing before it makes the two no pair of
/// parties ("alongside Egypt and Jordan").
fn co_subject<'a>(
    text: &str,
    subject: &ActorMention,
    participants: &[&'a ActorMention],
) -> Option<&'a ActorMention> {
    let co = participants.iter().rev().find(|m| m.span.end <= subject.span.start)?;
    let gap = text[co.span.end..subject.span.start].trim();
    let joined = matches!(gap, "and" | "and the" | ", and");
    // "the governments of A and B": "of" after an actor head ("leaders",
    // "governments") joins the two as the head's owners.
    let blocked = prev_word(text, co.span.start).is_some_and(|(at, w)| {
        WORDS.pair_blocker.has(&w)
            && !(w == "of"
                && prev_word(text, at).is_some_and(|(_, h)| {
                    let singular = h.strip_suffix('s').unwrap_or(&h);
                    super::actors::is_head(&h) || super::actors::is_head(singular)
                }))
    });
    (joined && !blocked && !co.adjective && co.actor.name != subject.actor.name).then_some(*co)
}

/// "called the deal a failure", "called it a betrayal": "call" with an
/// object that is no party, then an indefinite noun phrase, names the
/// object; it is no phone call.
fn naming_call(text: &str, trig: &Trigger, participants: &[&ActorMention]) -> bool {
    // The sense first: most triggers are no call, and need no lower-casing.
    if trig.sense.mode.as_deref() != Some("phone_call") {
        return false;
    }
    let form = text[trig.span.start..trig.span.end].to_lowercase();
    if !form.starts_with("call") || form.contains(' ') {
        return false;
    }
    let rest = &text[trig.span.end..];
    let end = trig.span.end + rest.find(['.', ',', ';', '\n']).unwrap_or(rest.len());
    // Only the first seven words are looked at.
    let words: ArrayVec<_, 7> =
        lower_word_iter(text, Span::new(trig.span.end, end)).take(7).collect();
    let opens = words.first().is_some_and(|(_, w)| {
        WORDS.determiner.has(w.as_str()) || WORDS.singular_pronoun.has(w.as_str())
    });
    let object_end = words.get(2).or(words.last()).map_or(end, |(s, _)| s.end);
    let party =
        participants.iter().any(|m| m.span.start >= trig.span.end && m.span.start < object_end);
    let second = words.iter().skip(1).take(6).any(|(_, w)| matches!(w.as_str(), "a" | "an"));
    opens && !party && second
}

/// "Hamas is to hand over ...": a bare "be to" before the verb states what
/// a party must do under an arrangement. Without a date of its own such a
/// provision is no event; with one ("are to be freed today") it is
/// scheduled.
fn is_provision(text: &str, clause: Span, trig: &Trigger) -> bool {
    if trig.reading != Reading::Verb {
        return false;
    }
    let Some((to_at, to)) = trig.prev_word(text) else { return false };
    let be = prev_word(text, to_at).filter(|&(at, _)| at >= clause.start);
    to_at >= clause.start && to == "to" && be.is_some_and(|(_, w)| WORDS.be.has(&w))
}

/// Split clauses at "since" when a finite verb follows it ("since he was
/// elected in January", "since a ceasefire took effect in November"): the
/// dates of such a clause date its own events, never the verb it qualifies.
/// "since March 2022" (no verb) stays a reference point of its clause.
fn split_since(text: &str, clauses: Vec<Span>) -> Vec<Span> {
    let whole = match (clauses.first(), clauses.last()) {
        (Some(a), Some(b)) => &text[a.start..b.end],
        _ => return clauses,
    };
    if !whole.contains("since") {
        return clauses;
    }
    let is_verb = |v: &segment::Lower<'_>| {
        WORDS.since_clause_verb.has(v.as_str())
            || is_irregular_past(v)
            || (v.len() > 4 && v.ends_with("ed"))
    };
    let mut out = Vec::with_capacity(clauses.len());
    for c in clauses {
        let words = lower_words(text, c);
        let cut = words.iter().enumerate().skip(1).find_map(|(i, (w, word))| {
            if word != "since" {
                return None;
            }
            // A comma ends the search unless a name follows it (a list of
            // subjects: "since Washington, London and Canberra unveiled").
            let mut from = w.end;
            let verb = words[i + 1..]
                .iter()
                .take_while(|(s, _)| {
                    let comma = text[from..s.start].contains(',');
                    from = s.start;
                    !comma || text[s.start..].starts_with(char::is_uppercase)
                })
                .any(|(_, v)| is_verb(v));
            verb.then_some(w.start)
        });
        match cut {
            Some(at) => {
                out.push(Span::new(c.start, at));
                out.push(Span::new(at, c.end));
            }
            None => out.push(c),
        }
    }
    out
}

/// True for a past participle used as a passive modifier ("rockets fired
/// from", "a statement released by").
fn is_reduced_relative(text: &str, trig: &Trigger, actors: &[&ActorMention]) -> bool {
    let form = segment::Lower::of(&text[trig.span.start..trig.span.end]);
    let participle = form.ends_with("ed") || is_irregular_past(&form);
    if form.contains(' ') || !participle {
        return false;
    }
    let Some((pstart, prev)) = trig.prev_word(text) else { return false };
    let plain_noun = prev.chars().all(|c| c.is_lowercase())
        && !WORDS.active_before.has(prev.as_str())
        && !prev.ends_with("ly")
        && !actors.iter().any(|a| a.span.start <= pstart && pstart < a.span.end);
    let mut after =
        lower_word_iter(text, Span::new(trig.span.end, text.len().min(trig.span.end + 40)));
    let next = after.next();
    let next_prep = next.is_some_and(|(_, w)| WORDS.preposition.has(w.as_str()));
    // "countries expelled over 100 diplomats": "over" before a number
    // counts the object; it is no preposition.
    let counted = after.next().is_some_and(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()));
    plain_noun && next_prep && !counted && !text[..trig.span.start].trim_end().ends_with(',')
}

/// The actors of a mention in `part`: one, or two for a pair ("both
/// sides").
fn parts<'a>(m: &'a ActorMention, part: &'a str) -> impl Iterator<Item = Actor> + 'a {
    // Field by field: cloning the whole actor would copy its part only to
    // replace it.
    std::iter::once(&m.actor).chain(m.also.as_ref()).map(move |a| Actor {
        name: a.name.clone(),
        kind: a.kind.clone(),
        role: a.role.clone(),
        country: a.country.clone(),
        code: a.code.clone(),
        part: part.to_string(),
    })
}

/// Extract the events of one text. `actors` are the text's actor mentions
/// ([`super::actors::find`]), `timexes` its temporal expressions.
pub fn events_in_text(
    text: &str,
    actors: &[ActorMention],
    timexes: &[Timex],
    ctx: TextContext,
) -> Vec<RawEvent> {
    events_in_sentences(text, &segment::sentences(text), actors, timexes, ctx)
}

/// [`events_in_text`] with the text's sentences ([`segment::sentences`])
/// already found.
pub fn events_in_sentences(
    text: &str,
    sentences: &[Span],
    actors: &[ActorMention],
    timexes: &[Timex],
    ctx: TextContext,
) -> Vec<RawEvent> {
    events_in(text, sentences, &Hits::new(text), actors, timexes, ctx)
}

/// [`events_in_text`] with the text's sentences and phrases already found
/// ([`super::actors::Scan`]).
pub(crate) fn events_in_scan(
    text: &str,
    scan: &super::actors::Scan,
    actors: &[ActorMention],
    timexes: &[Timex],
    ctx: TextContext,
) -> Vec<RawEvent> {
    events_in(text, scan.sentences(), scan.hits(), actors, timexes, ctx)
}

fn events_in(
    text: &str,
    sentences: &[Span],
    hits: &Hits,
    actors: &[ActorMention],
    timexes: &[Timex],
    ctx: TextContext,
) -> Vec<RawEvent> {
    // A dateline's date dates the report, not an event (see
    // [`link::is_dateline`]).
    let story_timexes: Vec<Timex>;
    let base = if timexes.iter().any(|t| link::is_dateline(text, t.span)) {
        story_timexes =
            timexes.iter().filter(|t| !link::is_dateline(text, t.span)).cloned().collect();
        &story_timexes[..]
    } else {
        timexes
    };
    // The text's expressions with "a day after the attack" counted from
    // the attack (see [`super::anchored`]), copied on the first such.
    let mut anchored: Option<Vec<Timex>> = None;
    let mut out: Vec<RawEvent> = Vec::new();
    let index = ActorIndex::new(actors);
    let mut memory = subjects::Memory::default();
    // The end of the sentence before, and the own date of the last dated
    // act of the last sentence that had one (that sentence's end, and the
    // act's index in `out`, which is only ever appended to).
    let mut prev_end = 0;
    let mut carry: Option<(usize, usize)> = None;
    // Working lists of a sentence (and of a trigger), emptied and refilled
    // for each one rather than allocated anew: most sentences with a
    // trigger need a dozen of them.
    let mut spans: Vec<Span> = Vec::new();
    let mut verbs: Vec<bool> = Vec::new();
    let mut forward: Vec<bool> = Vec::new();
    let mut in_sentence: Vec<&ActorMention> = Vec::new();
    let mut infinitives: Vec<bool> = Vec::new();
    let mut subject_spans: Vec<Option<Span>> = Vec::new();
    let mut trigger_dates: Vec<Option<EventDate>> = Vec::new();
    let mut context_only: Vec<bool> = Vec::new();
    let mut background: Vec<bool> = Vec::new();
    let mut manner_nouns: Vec<Option<&'static str>> = Vec::new();
    let mut fences: Vec<(Span, &str)> = Vec::new();
    let mut local: Vec<&ActorMention> = Vec::new();
    let mut participants: Vec<&ActorMention> = Vec::new();
    for &sentence in sentences {
        // The dated act of the sentence just before, if in the same
        // paragraph, for an undated act of this one.
        let carried = carry
            .filter(|&(end, _)| end == prev_end && !text[end..sentence.start].contains('\n'))
            .map(|(_, k)| &out[k]);
        prev_end = sentence.end;
        let trigs = sentence_triggers(text, sentence, hits, &index);
        if trigs.is_empty() {
            continue;
        }
        let counted =
            super::anchored::resolve(text, sentence, anchored.as_deref().unwrap_or(base), &out);
        if !counted.is_empty() {
            let owned = anchored.get_or_insert_with(|| base.to_vec());
            for (k, t) in counted {
                owned[k] = t;
            }
        }
        let timexes: &[Timex] = anchored.as_deref().unwrap_or(base);
        // Clauses only for a sentence with a trigger.
        let clauses = split_since(text, segment::clauses(text, sentence));
        spans.clear();
        spans.extend(trigs.iter().map(|t| t.span));
        verbs.clear();
        verbs.extend(trigs.iter().map(|t| t.reading == Reading::Verb));
        // ", pushing back against ...": a participle continuing an earlier
        // verb takes no date written before it.
        // "..., officials said": an attribution after the fact takes no
        // date of what it attributes either.
        forward.clear();
        forward.extend(trigs.iter().map(|t| {
            continues_with_participle(text, t)
                || clauses.iter().rfind(|c| c.start <= t.span.start).is_some_and(|c| {
                    t.reading == Reading::Verb && relative_opener_before(text, *c, t).is_some()
                })
                || (t.sense.event_type == "STATEMENT"
                    && WORDS
                        .reporting_verb
                        .has(&segment::Lower::of(&text[t.span.start..t.span.end]))
                    && postposed(text, sentence, t.span))
        }));
        let mut own = link::attach_constrained(text, &clauses, &spans, &verbs, &forward, timexes);
        for o in &mut own {
            if o.is_some_and(|ti| modifier_year(text, &timexes[ti])) {
                *o = None;
            }
        }
        let refused = super::date_fit::refit(text, &trigs, &mut own, timexes, ctx.published);
        for (o, t) in own.iter_mut().zip(&trigs) {
            if o.is_some_and(|ti| in_relative_before(text, &clauses, t, &timexes[ti])) {
                *o = None;
            }
        }
        in_sentence.clear();
        in_sentence.extend(
            index
                .near(sentence)
                .iter()
                .filter(|m| sentence.start <= m.span.start && m.span.end <= sentence.end),
        );
        // "to" right before each trigger (an infinitive): asked below for
        // each trigger several times, scanned back once.
        infinitives.clear();
        infinitives.extend(trigs.iter().map(|t| t.prev_word(text).is_some_and(|(_, w)| w == "to")));
        let subjects::Subjects { subjects, shared_from, pair_dates } = subjects::of_sentence(
            text,
            sentence,
            &clauses,
            &trigs,
            &infinitives,
            &in_sentence,
            &memory,
        );
        // "urged Israel to withdraw": the subject of an infinitive stays the
        // object of the verb before it.
        subject_spans.clear();
        subject_spans.extend(
            subjects
                .iter()
                .zip(&infinitives)
                .map(|(s, &infinitive)| s.filter(|_| !infinitive).map(|m| m.span)),
        );
        // Each trigger's date, so that a verb sharing another's subject can
        // share its date too.
        trigger_dates.clear();
        for i in 0..trigs.len() {
            let d = match (own[i], shared_from[i]) {
                (Some(ti), _) => Some(link::own_date(&timexes[ti])),
                (None, Some(j)) => trigger_dates[j].clone().map(|mut d: EventDate| {
                    if d.anchor != crate::model::DateAnchor::Inherited {
                        d.anchor = crate::model::DateAnchor::Inherited;
                        d.confidence = link::CONF_SAME_SENTENCE;
                        d.rule = link::rule_then(&d.rule, "inherited_from_coordinated_verb");
                    }
                    d
                }),
                (None, None) => None,
            };
            trigger_dates.push(d);
        }
        // A statement with no date of its own (and a verb continuing it:
        // ", accusing ...") is dated by the report, not by what it reports.
        context_only.clear();
        for (i, t) in trigs.iter().enumerate() {
            let undated = own[i].is_none() && trigger_dates[i].is_none();
            let statement = t.reading == Reading::Verb && t.sense.event_type == "STATEMENT";
            let continues = shared_from[i].is_some_and(|j| context_only[j]);
            context_only.push(undated && (statement || continues));
        }
        // Background told in the present perfect: "has sent bombers ... and
        // moved warships" (a verb sharing its subject), "officials have said
        // Israel could strike" (what such a statement reports).
        background.clear();
        for (i, t) in trigs.iter().enumerate() {
            let own_perfect = t.reading == Reading::Verb && present_perfect(text, t);
            let shares = shared_from[i].is_some_and(|j| background[j]);
            let reported = trigs[..i].iter().zip(&background).any(|(r, &b)| {
                b && r.reading == Reading::Verb && r.sense.event_type == "STATEMENT"
            });
            background.push(own_perfect || shares || (reported && t.reading == Reading::Verb));
        }
        // "seized in a surprise incursion", "killed in an air strike": an
        // attack noun after "in a" names how the verb's act was done.
        manner_nouns.clear();
        manner_nouns.extend((0..trigs.len()).map(|i| {
            let next = trigs.get(i + 1)?;
            if trigs[i].reading != Reading::Verb
                || next.reading != Reading::Noun
                || next.sense.event_type != "ASSAULT"
            {
                return None;
            }
            let gap: ArrayVec<_, 4> =
                lower_word_iter(text, Span::new(trigs[i].span.end, next.span.start))
                    .take(4)
                    .collect();
            let opens = gap.first().is_some_and(|(_, w)| w == "in")
                && gap.get(1).is_some_and(|(_, w)| w == "a" || w == "an");
            (opens && gap.len() <= 3).then_some("ASSAULT")
        }));
        // Clauses whose dates stay their own (see `blocked` below), and the
        // sentence's dates, found once per sentence.
        fences.clear();
        fences.extend(clauses.iter().filter_map(|c| {
            let first = text[c.start..c.end]
                .trim_start()
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("");
            ["that", "since", "who", "which"]
                .into_iter()
                .find(|w| first.eq_ignore_ascii_case(w))
                .map(|w| (*c, w))
        }));
        let sentence_timexes: Vec<&Timex> = timexes
            .iter()
            .filter(|t| sentence.start <= t.span.start && t.span.end <= sentence.end)
            .collect();
        let mut sentence_events: Vec<RawEvent> = Vec::new();
        for (i, trig) in trigs.iter().enumerate() {
            let Some(clause) = clauses
                .iter()
                .copied()
                .find(|c| c.start <= trig.span.start && trig.span.start < c.end)
            else {
                continue;
            };
            let dropped = |why: &'static str| {
                trace::record(sentence, trig.span, || trace::StepKind::Dropped(why))
            };
            // The relative clause's dates are not the report's context
            // either (see [`in_relative_before`]).
            let resumed = resumes_after_relative(text, clause, trig);
            let in_relative = |t: &Timex| {
                resumed && clause.start <= t.span.start && t.span.end <= trig.span.start
            };
            let own_date = own[i].map(|ti| link::own_date(&timexes[ti]));
            let shared_date = if own_date.is_none() { trigger_dates[i].clone() } else { None };
            let noun = trig.reading == Reading::Noun;
            if noun
                && own_date.is_none()
                && ctx.caption.is_none()
                && !with_actor(text, trig, &in_sentence)
            {
                dropped("undated noun without \"with\" and an actor");
                continue;
            }
            // "condemned the attack": a noun right after a verb trigger is
            // that verb's object, not an event of its own.
            if noun && i > 0 && trigs[i - 1].reading == Reading::Verb {
                let same_clause = trigs[i - 1].span.start >= clause.start;
                if same_clause
                    && segment::word_spans(text, Span::new(trigs[i - 1].span.end, trig.span.start))
                        .nth(3)
                        .is_none()
                {
                    dropped("noun object of the verb trigger before it");
                    continue;
                }
            }
            let manner = manner_nouns.get(i).copied().flatten();
            let status = if noun {
                Some(EventStatus::Occurred)
            } else {
                status(text, sentence, clause, trig)
            };
            let Some(mut status) = status else {
                dropped("status: the content of another verb (\"to\" without a frame)");
                continue;
            };
            if !noun && own_date.is_none() && is_provision(text, clause, trig) {
                dropped("provision (\"is to\") without a date");
                continue;
            }
            if !noun && own_date.is_none() && describing_present(text, clause, trig) {
                dropped("present tense describing (\", which ...\")");
                continue;
            }
            local.clear();
            local.extend(
                in_sentence
                    .iter()
                    .copied()
                    .filter(|m| clause.start <= m.span.start && m.span.end <= clause.end),
            );
            let location =
                local.iter().find(|m| m.place).map(|m| text[m.span.start..m.span.end].to_string());
            participants.clear();
            participants.extend(local.iter().copied().filter(|m| !m.place));
            let event_type = manner.unwrap_or(trig.sense.event_type);
            let mut actors_out: Vec<Actor> = Vec::new();
            let mut pair_source = false;
            if noun {
                // Participants after the noun end at a comma (", officials
                // said").
                let within = |m: &&&ActorMention| {
                    m.span.start <= trig.span.start
                        || !text[trig.span.end..m.span.start].contains(',')
                };
                for m in participants.iter().filter(within) {
                    let part = if m.span.start <= trig.span.start { "source" } else { "target" };
                    // "Israeli air strikes": the attack noun heads the
                    // actor's name; the actor is the country.
                    let head = m.span.overlaps(&trig.span);
                    actors_out.extend(parts(m, part).map(|mut a| {
                        let name =
                            a.country.as_ref().filter(|_| head).and_then(|c| {
                                super::actors::GAZETTEER.country_names.get(c).cloned()
                            });
                        if let Some(n) = name {
                            a.name = n;
                            a.kind = "country".to_string();
                        }
                        a
                    }));
                }
            } else {
                if naming_call(text, trig, &participants) {
                    dropped("\"called X a Y\" (naming)");
                    continue;
                }
                let passive = is_reduced_relative(text, trig, &participants);
                // "a deal brokered by X", "the ships ordered by X": a
                // participle modifying a noun describes that noun, which
                // is coded (or not) on its own; it tells no act of its own.
                if passive {
                    dropped("participle modifying a noun (reduced relative)");
                    continue;
                }
                let passive_voice = !passive && is_passive_voice(text, clause, trig);
                let source = if passive || passive_voice {
                    by_agent(text, trig, &participants)
                } else if event_type == "ASSAULT" && is_agentless_passive(text, clause, trig) {
                    // "two rockets were launched from southern Lebanon":
                    // fire from a country is that country's.
                    local.iter().copied().find(|m| {
                        m.place
                            && m.span.start >= trig.span.end
                            && text[trig.span.end..m.span.start]
                                .split_whitespace()
                                .any(|w| w == "from")
                    })
                } else if subjects[i].is_some() && is_agentless_passive(text, clause, trig) {
                    // "X was released", "the ministers were asked": the
                    // subject undergoes the act; who did it is not said.
                    None
                } else {
                    subjects[i]
                };
                // "The ceasefire took effect ...": a definite noun opening the
                // trigger, with no party of its own, is filled in below.
                let definite = source.is_none()
                    && trig.prev_word(text).is_some_and(|(_, w)| w == "the")
                    && noun_first(text, trig);
                if source.is_none() && !definite {
                    if trace::on() {
                        dropped(no_source_reason(
                            text,
                            clause,
                            trig,
                            passive_voice,
                            subjects[i].is_some(),
                            &participants,
                        ));
                    }
                    continue;
                }
                if let Some(source) = source {
                    pair_source = source.also.is_some();
                    // "Russia and Ukraine exchanged ...": a subject joined by
                    // "and" acts too.
                    if !(passive || passive_voice) {
                        if let Some(co) = co_subject(text, source, &participants) {
                            actors_out.extend(parts(co, "source"));
                            pair_source = true;
                        }
                    }
                    actors_out.extend(parts(source, "source"));
                    if passive_voice {
                        // "X was attacked by Y": X is the target.
                        if let (Some(t), _) = subject(text, clause, trig, &in_sentence, None) {
                            if t.actor.name != source.actor.name {
                                actors_out.extend(parts(t, "target"));
                            }
                        }
                    }
                    let later_subjects: Vec<Span> =
                        subject_spans.iter().skip(i + 1).flatten().copied().collect();
                    // Targets end where the next verb trigger starts ("who
                    // proposed the talks ..., did not travel to Turkey").
                    let next_verb = trigs
                        .iter()
                        .skip(i + 1)
                        .find(|t| t.reading == Reading::Verb)
                        .map_or(usize::MAX, |t| t.span.start);
                    let before_next: Vec<&ActorMention> =
                        participants.iter().copied().filter(|m| m.span.start < next_verb).collect();
                    for t in targets(text, trig, event_type, &before_next, &later_subjects) {
                        if t.actor.name != source.actor.name
                            && (!t.adjective || adjective_object(text, trig, t))
                        {
                            actors_out.extend(parts(t, "target"));
                        }
                    }
                }
            }
            // "the ceasefire took effect at 5 p.m.": a definite noun with a
            // date of its own and no party named is the same kind of act
            // told just before (its parties are that act's).
            if actors_out.is_empty()
                && (noun || noun_first(text, trig))
                && own_date.is_some()
                && trig.prev_word(text).is_some_and(|(_, w)| w == "the")
            {
                let earlier = sentence_events
                    .iter()
                    .rev()
                    .chain(out.iter().rev())
                    .find(|e| e.event_type == event_type && !e.noun);
                if let Some(e) = earlier {
                    actors_out = e.actors.clone();
                }
            }
            if actors_out.is_empty() {
                dropped("no actor (noun without participants)");
                continue;
            }
            if matches!(event_type, "SUPPORT" | "AID") && domestic(&actors_out) {
                dropped("domestic support or aid");
                continue;
            }
            let event_type = if event_type == "ORDER" {
                let military =
                    participants.iter().any(|m| m.military && m.span.start >= trig.span.end);
                if military {
                    "MOBILIZE"
                } else {
                    "REQUEST"
                }
            } else {
                event_type
            };
            let mut mode = trig.sense.mode.clone();
            let form = segment::Lower::of(&text[trig.span.start..trig.span.end]);
            let event_type = if event_type != "STATEMENT" || noun {
                event_type
            } else if pair_source && WORDS.reciprocal_verb.has(form.as_str()) {
                mode = Some("meeting".to_string());
                "CONSULT"
            } else if let Some((act, _, _)) =
                content_act(text, trig.span, sentence).filter(|&(_, cue, at)| {
                    // "told Y that Washington should stop ...": a demand
                    // only when another party is named before the modal.
                    cue != Cue::Obligation
                        || in_sentence.iter().any(|m| {
                            m.span.start >= trig.span.end
                                && m.span.end <= at
                                && !m.place
                                && !m.adjective
                                && m.actor.country.is_some()
                                && m.actor.country.as_deref()
                                    != actors_out.first().and_then(|a| a.country.as_deref())
                        })
                })
            {
                // Its party is the first other actor of the content ("...
                // if the authorities in Damascus fail ...").
                let src = actors_out.first().and_then(|a| a.country.clone());
                let other = in_sentence.iter().find(|m| {
                    m.span.start >= trig.span.end
                        && !m.place
                        && !m.adjective
                        && m.actor.country.is_some()
                        && m.actor.country != src
                });
                if let Some(m) = other {
                    actors_out.retain(|a| a.part != "target");
                    actors_out.extend(parts(m, "target"));
                }
                act
            } else {
                event_type
            };
            // A "since he was elected in January" clause, or a relative
            // clause describing a participant ("who visited Kyiv earlier this
            // month"), dates only its own events.
            // Nor does the content of "agreed that ... would swap ... on
            // Wednesday" date the agreement.
            let blocked = |t: &Timex| {
                refused[i].refuses(t, timexes, ctx.published)
                    || modifier_year(text, t)
                    || in_relative(t)
                    || fences.iter().any(|&(c, word)| {
                        let inside = c.start <= t.span.start && t.span.end <= c.end;
                        inside
                            && if word == "that" { c.start >= trig.span.end } else { c != clause }
                    })
            };
            let inherit = || {
                let from = Inheritance {
                    text,
                    sentence,
                    clause,
                    trigger: trig.span,
                    timexes,
                    sentence_timexes: &sentence_timexes,
                    // A verb's act goes on from the act before when they
                    // share a party ("Chile ... on Wednesday. Chile also
                    // recalled ..."); a noun names something apart.
                    carried: carried
                        .filter(|c| {
                            let src = actors_out
                                .iter()
                                .find(|a| a.part == "source")
                                .and_then(|a| a.country.as_deref());
                            !noun
                                && src.is_some()
                                && c.actors.iter().any(|a| a.country.as_deref() == src)
                        })
                        .map(|c| &c.date),
                    published: ctx.published,
                };
                let how = if context_only[i] {
                    Inherit::Report { background: !noun && background[i] }
                } else if !noun && background[i] {
                    Inherit::Background
                } else {
                    Inherit::Context
                };
                inherited_date(&from, how, &blocked)
            };
            // "brokered the ceasefire that ended the war in November 2020":
            // with no date of its own, a verb takes the date of the
            // relative clause describing its object event.
            let shared_date = shared_date.or_else(|| {
                if noun || own_date.is_some() {
                    return None;
                }
                object_relative_date(text, &trigs, i, &fences, &sentence_timexes).or_else(|| {
                    // "They also refused ...": the date of the act the pair
                    // was named in.
                    pair_dates[i].clone().map(|mut d| {
                        if d.anchor != crate::model::DateAnchor::Inherited {
                            d.anchor = crate::model::DateAnchor::Inherited;
                            d.confidence = link::CONF_SAME_SENTENCE;
                            d.rule = link::rule_then(&d.rule, "inherited_from_pair_act");
                        }
                        d
                    })
                })
            });
            let date = match (own_date.or(shared_date), ctx.caption) {
                (Some(d), _) => d,
                (None, Some(Some(cd))) => link::caption_date(cd),
                (None, Some(None) | None) => inherit(),
            };
            if status == EventStatus::Occurred {
                if let (Some(iv), Some(p)) = (date.interval, ctx.published) {
                    if iv.start > p && date.anchor != crate::model::DateAnchor::Inherited {
                        status = EventStatus::Scheduled;
                    }
                }
            }
            let ev = RawEvent {
                event_type: event_type.to_string(),
                mode,
                status,
                actors: actors_out,
                location,
                trigger: text[trig.span.start..trig.span.end].to_string(),
                trigger_span: trig.span,
                sentence,
                date,
                noun: trig.reading == Reading::Noun,
            };
            trace::record(sentence, trig.span, || built(&ev));
            let second = own[i].and_then(|ti| {
                gapped_second(text, &timexes[ti], &in_sentence, timexes, &own).map(|(m, t2)| {
                    let mut e = ev.clone();
                    e.actors.retain(|a| a.part != "target");
                    e.actors.extend(parts(m, "target"));
                    e.date = link::own_date(&timexes[t2]);
                    e
                })
            });
            // "A and B each held separate talks with C": one event per
            // subject, each with the same counterpart.
            let sources = ev.actors.iter().filter(|a| a.part == "source").count();
            let right_before =
                trig.prev_word(text).is_some_and(|(_, w)| WORDS.distributive.has(w.as_str()));
            let distributive = sources >= 2
                && !noun
                && (right_before
                    || lower_word_iter(
                        text,
                        Span::new(trig.span.start, clause.end.max(trig.span.end)),
                    )
                    .take_while(|(w, _)| w.start < trig.span.end + 12)
                    .any(|(_, w)| WORDS.distributive.has(w.as_str())));
            if distributive {
                for k in 0..sources {
                    let mut e = ev.clone();
                    let mut n = 0;
                    e.actors.retain(|a| {
                        let keep = a.part != "source" || n == k;
                        n += usize::from(a.part == "source");
                        keep
                    });
                    push_unique(&mut sentence_events, e);
                }
            } else {
                push_unique(&mut sentence_events, ev);
            }
            if let Some(e) = second {
                push_unique(&mut sentence_events, e);
            }
        }
        super::recode::recode(text, &mut sentence_events);
        // Past acts reported in the sentence ("they had agreed"), for
        // statements that only report them.
        let reports = sentence_events.iter().any(|e| e.event_type == "STATEMENT");
        let coded: Vec<usize> = trigs
            .iter()
            .zip(&infinitives)
            .filter(|_| reports)
            .filter(|&(t, &infinitive)| {
                let first = text[t.span.start..t.span.end].split(' ').next().unwrap_or("");
                let past = first.ends_with("ed") || is_irregular_past(&segment::Lower::of(first));
                t.reading == Reading::Verb
                    && t.sense.event_type != "STATEMENT"
                    && past
                    && !infinitive
            })
            .map(|(t, _)| t.span.start)
            .collect();
        drop_sourcing_statements(text, &clauses, &coded, &mut sentence_events);
        super::announce::fold_announced_acts(text, &mut sentence_events);
        let last_subject = subjects.iter().zip(&trigs).zip(&infinitives).rev().find_map(
            |((s, t), &infinitive)| {
                s.filter(|_| t.reading == Reading::Verb && !infinitive).map(|m| m.span)
            },
        );
        memory.remember(actors, last_subject, sentence, &sentence_events);
        carry = sentence_events
            .iter()
            .rposition(|e| e.date.rule.ends_with("own_clause"))
            .map(|k| (sentence.end, out.len() + k));
        out.extend(sentence_events);
    }
    complete_targets(&mut out);
    out
}

/// Why a verb trigger found no source (for [`trace`] only).
fn no_source_reason(
    text: &str,
    clause: Span,
    trig: &Trigger,
    passive_voice: bool,
    had_subject: bool,
    participants: &[&ActorMention],
) -> &'static str {
    if passive_voice {
        "no source: passive without a by-agent"
    } else if had_subject && is_agentless_passive(text, clause, trig) {
        "no source: agentless passive"
    } else if !participants.iter().any(|m| m.span.end <= trig.span.start) {
        "no source: no actor before the verb in its clause"
    } else {
        "no source: the actors before the verb are not its subject"
    }
}

/// A [`trace`] record of a built event.
fn built(ev: &RawEvent) -> trace::StepKind {
    trace::StepKind::Built {
        event_type: ev.event_type.clone(),
        date: ev.date.value.clone(),
        rule: ev.date.rule.clone(),
        countries: ev.actors.iter().filter_map(|a| a.country.clone()).collect(),
        status: ev.status.as_str(),
    }
}

/// The triggers of `sentence` that can name an event: not inside an
/// actor's name ("United States"), unless heading it as the attack itself
/// ("Israeli air strikes continued ..."), and not a past participle right
/// before an event noun after a function word ("arrests and targeted
/// killings", "the renewed strikes"), which modifies that noun and tells
/// no act of its own.
fn sentence_triggers(text: &str, sentence: Span, hits: &Hits, index: &ActorIndex) -> Vec<Trigger> {
    let found = triggers::find_in(text, sentence, hits);
    let drop = |t: &Trigger, why: &'static str| {
        trace::record(sentence, t.span, || trace::StepKind::Dropped(why));
    };
    if trace::on() {
        for t in &found {
            trace::record(sentence, t.span, || trace::StepKind::Found {
                event_type: t.sense.event_type,
                noun: t.reading == Reading::Noun,
            });
        }
    }
    let trigs: Vec<Trigger> = found
        .into_iter()
        .filter(|t| {
            let inside = index.reaching(t.span).iter().any(|m| {
                let attack_head = m.span.end == t.span.end
                    && t.reading == Reading::Noun
                    && t.sense.event_type == "ASSAULT"
                    && m.actor.kind == "institution";
                m.span.overlaps(&t.span) && !attack_head
            });
            if inside {
                drop(t, "inside an actor's name");
            }
            !inside
        })
        .collect();
    trigs
        .iter()
        .enumerate()
        .filter(|&(i, t)| {
            let attributive = attributive_participle(text, t, trigs.get(i + 1));
            if attributive {
                drop(t, "attributive participle");
            }
            !attributive
        })
        .map(|(_, t)| t.clone())
        .collect()
}

/// A bare year modifying a noun ("a deadly 2014 blast", "the 2015 nuclear
/// deal"): it names an older event, and dates no act of the clause.
fn modifier_year(text: &str, t: &Timex) -> bool {
    let expr = &text[t.span.start..t.span.end];
    if expr.len() != 4 || !expr.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let next_lower = text[t.span.end..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
    let det = |w: &str| WORDS.determiner.has(w);
    let before = prev_word(text, t.span.start);
    let determined = before.as_ref().is_some_and(|(at, w)| {
        det(w.as_str())
            || (w.chars().all(char::is_alphabetic)
                && prev_word(text, *at).is_some_and(|(_, d)| det(d.as_str())))
    });
    next_lower && determined
}

/// A frame whose first side is a noun ("ceasefire ... took effect"),
/// not a verb.
fn noun_first(text: &str, trig: &Trigger) -> bool {
    let first = text[trig.span.start..trig.span.end].split(' ').next().unwrap_or("");
    trig.reading == Reading::Verb
        && triggers::find(text, Span::new(trig.span.start, trig.span.start + first.len()))
            .iter()
            .any(|t| t.reading == Reading::Noun && t.span.end == trig.span.start + first.len())
}

/// A one-word past participle ("targeted") right before the event noun
/// or the plural verbal noun that follows it ("killings"), after a
/// determiner, a preposition or a conjunction: a modifier of that noun,
/// not a verb.
fn attributive_participle(text: &str, t: &Trigger, next: Option<&Trigger>) -> bool {
    let form = &text[t.span.start..t.span.end];
    let rest = &text[t.span.end..];
    let next_word = rest.trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let noun_next =
        next.is_some_and(|n| {
            n.reading == Reading::Noun
                && n.span.start > t.span.end
                && text[t.span.end..n.span.start].chars().all(char::is_whitespace)
        }) || (rest.starts_with(' ') && next_word.len() > 5 && next_word.ends_with("ings"));
    t.reading == Reading::Verb
        && noun_next
        && !form.contains(' ')
        && form.ends_with("ed")
        && t.prev_word(text).is_some_and(|(_, w)| {
            WORDS.determiner.has(w.as_str())
                || WORDS.preposition.has(w.as_str())
                || matches!(w.as_str(), "and" | "or" | "of" | "to")
        })
}

/// A text's actor mentions indexed by position, so that each sentence
/// looks at the mentions near it rather than at all of them.
/// [`super::actors::find`] gives them sorted by start; unsorted input is
/// scanned whole, with the same results.
struct ActorIndex<'a> {
    actors: &'a [ActorMention],
    sorted: bool,
    /// The length of the longest mention.
    longest: usize,
}

impl<'a> ActorIndex<'a> {
    fn new(actors: &'a [ActorMention]) -> Self {
        let longest = actors.iter().map(|m| m.span.len()).max().unwrap_or(0);
        ActorIndex { actors, sorted: actors.is_sorted_by_key(|m| m.span.start), longest }
    }

    /// The mentions that may overlap `span`, in order: those starting
    /// less than the longest mention's length before it and before its
    /// end (all of them when unsorted).
    fn reaching(&self, span: Span) -> &'a [ActorMention] {
        if !self.sorted {
            return self.actors;
        }
        let lo = self.actors.partition_point(|m| m.span.start + self.longest <= span.start);
        let hi = self.actors.partition_point(|m| m.span.start < span.end);
        &self.actors[lo..hi.max(lo)]
    }

    /// The mentions that may lie inside `span`, in order: those starting in
    /// it (all of them when unsorted).
    fn near(&self, span: Span) -> &'a [ActorMention] {
        if !self.sorted {
            return self.actors;
        }
        let lo = self.actors.partition_point(|m| m.span.start < span.start);
        let hi = self.actors.partition_point(|m| m.span.start <= span.end);
        &self.actors[lo..hi.max(lo)]
    }
}

/// Drop statements that are not news in themselves (see the module docs).
fn drop_sourcing_statements(
    text: &str,
    clauses: &[Span],
    coded: &[usize],
    events: &mut Vec<RawEvent>,
) {
    // Events told in a relative clause ("X, who chaired ..., said") do not
    // make the main verb a mere source.
    let in_relative = |e: &RawEvent| {
        clauses.iter().rfind(|c| c.start <= e.trigger_span.start).is_some_and(|c| {
            first_lower_word(text, *c).is_some_and(|w| matches!(w.as_str(), "who" | "which"))
        })
    };
    let source_of =
        |e: &RawEvent| e.actors.iter().find(|a| a.part == "source").map(|a| a.name.clone());
    let acts: Vec<(Option<String>, bool, bool)> = events
        .iter()
        .filter(|e| e.event_type != "STATEMENT")
        .map(|e| (source_of(e), in_relative(e), e.status == EventStatus::Occurred))
        .collect();
    events.retain(|e| {
        if e.event_type != "STATEMENT" {
            return true;
        }
        let own_source = source_of(e);
        // "X said Y did Z": the statement sources another's act.
        let has_other = acts.iter().any(|(s, rel, _)| !rel && *s != own_source);
        // "X condemned ... and said ...", "X said ..., pushing back against":
        // the statement is told as the speaker's own act.
        let own_act = own_source.is_some()
            && acts.iter().any(|(s, rel, occ)| *occ && !rel && *s == own_source);
        let source = e.actors.iter().find(|a| a.part == "source");
        let anonymous = source.is_some_and(|a| {
            a.kind == "institution"
                && a.name.rsplit(' ').next().is_some_and(|h| WORDS.anonymous_head.has(h))
        });
        let verb = segment::Lower::of(&text[e.trigger_span.start..e.trigger_span.end]);
        // "after Israel said ...": a statement narrated in a clause of its
        // own is an event, not a source.
        let clause = clauses.iter().rfind(|c| c.start <= e.trigger_span.start);
        let narrated = clause.is_some_and(|c| {
            first_lower_word(text, *c).is_some_and(|w| WORDS.narrating_opener.has(&w))
        });
        // "the White House said on Tuesday": a statement dated in its own
        // clause is reported as an act of its own, not as a source.
        let dated = matches!(
            e.date.anchor,
            DateAnchor::Explicit | DateAnchor::Publication | DateAnchor::PreviousMention
        ) && e.date.span.is_some();
        let reporting = WORDS.reporting_verb.has(verb.as_str());
        // "positions, which Lebanon says breaches ...": a speaker put inside
        // a relative clause only vouches for it.
        let parenthetical = reporting
            && clause.is_some_and(|c| {
                // More than four words never qualify.
                let lead: Vec<_> = lower_word_iter(text, Span::new(c.start, e.trigger_span.start))
                    .take(5)
                    .collect();
                matches!(lead.first().map(|(_, w)| w.as_str()), Some("which" | "who" | "that"))
                    && (2..=4).contains(&lead.len())
                    && !lead
                        .last()
                        .is_some_and(|(_, w)| matches!(w.as_str(), "which" | "who" | "that"))
            });
        // "X told reporters they had agreed ...": what is said is a past act
        // of its own, which is coded (or left out) instead.
        let content_coded = coded.iter().any(|&p| p > e.trigger_span.end);
        let sourcing = (has_other || content_coded) && !narrated && !dated && reporting;
        let attribution = reporting && postposed(text, e.sentence, e.trigger_span);
        // "X condemned the raid, saying ...", "..., telling reporters that
        // ...": a reporting participle after a comma tells how the verb
        // before it was done, not a statement of its own.
        let manner = reporting
            && verb.ends_with("ing")
            && text[..e.trigger_span.start].trim_end().ends_with(',');
        let own_act = reporting && own_act;
        let why = [
            (anonymous, "statement by an anonymous source"),
            (sourcing, "statement sourcing another act"),
            (attribution, "postposed attribution (\", X said.\")"),
            (parenthetical, "parenthetical speaker"),
            (manner, "reporting participle after a comma"),
            (own_act, "statement beside the speaker's own act"),
        ];
        match why.iter().find(|(hit, _)| *hit) {
            Some((_, reason)) => {
                trace::record(e.sentence, e.trigger_span, || trace::StepKind::Removed(reason));
                false
            }
            None => true,
        }
    });
}

/// "..., Foreign Minister X said.", "“...,” X told reporters.": a reporting
/// verb after what it reports, closing the sentence, only attributes it.
fn postposed(text: &str, sentence: Span, trigger: Span) -> bool {
    let head = &text[sentence.start..trigger.start];
    let Some(cut) = head.rfind([',', '”', '"']) else { return false };
    // After the mark, which may be several bytes long ("”").
    let after = &head[cut..];
    let after = &after[after.chars().next().map_or(0, char::len_utf8)..];
    let subject = after.split_whitespace().count();
    let relative = after
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "which" | "who" | "that"));
    if subject == 0 || subject > 8 || relative {
        return false;
    }
    let rest = &text[trigger.end..sentence.end];
    let tail = &rest[..rest.find(',').unwrap_or(rest.len())];
    let mut n = 0;
    tail.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| {
        n += 1;
        n <= 5 && !w.eq_ignore_ascii_case("that")
    })
}

fn codes(actors: &[Actor]) -> Vec<&str> {
    sorted_codes(actors.iter())
}

/// The sorted, de-duplicated codes of `actors`, borrowed: the events of a
/// text are compared pairwise by them, so no copies.
fn sorted_codes<'a>(actors: impl Iterator<Item = &'a Actor>) -> Vec<&'a str> {
    let mut c: Vec<&str> = actors.filter_map(|a| a.code.as_deref()).collect();
    c.sort_unstable();
    c.dedup();
    c
}

/// Add `ev` unless an event of the same type, mode and actor codes is
/// already there; keep the better dated of the two.
fn push_unique(events: &mut Vec<RawEvent>, ev: RawEvent) {
    // Two own dates that differ make two events ("meet on Saturday, and
    // again next Saturday").
    let own = |d: &EventDate| d.rule.contains("own_clause");
    let found = {
        let distinct =
            |o: &RawEvent| own(&o.date) && own(&ev.date) && o.date.value != ev.date.value;
        let codes_ev = codes(&ev.actors);
        events.iter().position(|o| {
            o.event_type == ev.event_type
                && o.mode == ev.mode
                && codes(&o.actors) == codes_ev
                && !distinct(o)
        })
    };
    if let Some(i) = found {
        let why = || trace::StepKind::Removed("merged with an event of the same type and actors");
        if ev.date.confidence > events[i].date.confidence {
            trace::record(events[i].sentence, events[i].trigger_span, why);
            events[i] = ev;
        } else {
            trace::record(ev.sentence, ev.trigger_span, why);
        }
        return;
    }
    events.push(ev);
}

fn source_codes(e: &RawEvent) -> Vec<&str> {
    sorted_codes(e.actors.iter().filter(|a| a.part == "source"))
}

/// Give a target-less event the target of an earlier event of the same
/// type, mode and source ("sent it on Wednesday").
fn complete_targets(events: &mut [RawEvent]) {
    for i in 0..events.len() {
        if events[i].event_type == "STATEMENT"
            || events[i].actors.iter().any(|a| a.part == "target")
        {
            continue;
        }
        let (done, rest) = events.split_at_mut(i);
        let ev = &mut rest[0];
        let sources = source_codes(ev);
        // Pledges in a row ("Germany promised ..., while Britain pledged
        // ...") go to the recipient named for the first.
        let aid = ev.event_type == "AID";
        if sources.is_empty() && !aid {
            continue;
        }
        let found = done.iter().rev().find(|e| {
            let same = if aid {
                e.event_type == ev.event_type
            } else {
                e.event_type == ev.event_type && e.mode == ev.mode && source_codes(e) == sources
            };
            same && e.actors.iter().any(|a| a.part == "target")
        });
        if let Some(prev) = found {
            let t: Vec<Actor> =
                prev.actors.iter().filter(|a| a.part == "target").cloned().collect();
            ev.actors.extend(t);
        }
    }
}

#[cfg(test)]
#[path = "extract_class_tests.rs"]
mod class_tests;

#[cfg(test)]
#[path = "extract_lemma_tests.rs"]
mod lemma_tests;

#[cfg(test)]
#[path = "extract_report_tests.rs"]
mod report_tests;

#[cfg(test)]
mod tests;

#[cfg(test)]
#[path = "extract_stage_tests.rs"]
mod stage_tests;
