//! Who acts in each sentence: the subject of each verb trigger, with what
//! the sentences before tell (the last subject for an opening "It", the
//! last pair that acted together for "they", the last two parties named
//! together for "the two leaders" or "both sides").

use super::roles::{opening_pronoun, reported_pronoun, subject};
use super::{
    continues_with_participle, lower_word_iter, lower_words, participle_after_object,
    plural_pronoun_subject, source_pair, RawEvent,
};
use crate::events::actors::ActorMention;
use crate::events::triggers::{Reading, Trigger};
use crate::events::words::WORDS;
use crate::model::{Actor, EventDate, Span};

/// What the sentences before tell about who acts in the next one.
#[derive(Default)]
pub(super) struct Memory<'a> {
    /// The subject of the last sentence's last finite verb, for a sentence
    /// that opens with "It"/"He"/"She".
    pub(super) last_subject: Option<&'a ActorMention>,
    /// The last two parties that acted together ("X and Y met ..."), for
    /// a later "they".
    last_pair: Option<(ActorMention, EventDate)>,
    /// The last two parties of different countries named in one event
    /// (source and target, or two sources), with its sentence's end, for
    /// a later "the two countries".
    last_parties: Option<(ActorMention, EventDate, usize)>,
    /// The same for two people, for "the two leaders".
    last_people: Option<(ActorMention, EventDate, usize)>,
}

impl<'a> Memory<'a> {
    /// Remember what `sentence` told: the span of its last finite verb's
    /// subject (looked up in `actors` again: a subject may be the pair kept
    /// from an earlier sentence, which is replaced here; mentions are
    /// sorted by start, so one binary search), and the pairs of its
    /// events.
    pub(super) fn remember(
        &mut self,
        actors: &'a [ActorMention],
        last_subject: Option<Span>,
        sentence: Span,
        events: &[RawEvent],
    ) {
        if let Some(span) = last_subject {
            let found = actors
                .binary_search_by_key(&span.start, |m| m.span.start)
                .ok()
                .map(|k| &actors[k])
                .filter(|m| m.span == span);
            self.last_subject = found.or(self.last_subject);
        }
        if let Some(pair) =
            events.iter().rev().find_map(|e| source_pair(e).map(|p| (p, e.date.clone())))
        {
            self.last_pair = Some(pair);
        }
        if let Some((p, e)) =
            events.iter().rev().find_map(|e| two_parties(e, false).map(|p| (p, e)))
        {
            self.last_parties = Some((p, e.date.clone(), sentence.end));
        }
        if let Some((p, e)) = events.iter().rev().find_map(|e| two_parties(e, true).map(|p| (p, e)))
        {
            self.last_people = Some((p, e.date.clone(), sentence.end));
        }
    }
}

/// The subjects of a sentence's triggers.
pub(super) struct Subjects<'b> {
    /// The subject of each trigger, in order, so that "..., and accused"
    /// and ", accusing" can share the previous verb's.
    pub(super) subjects: Vec<Option<&'b ActorMention>>,
    /// For a verb that shares an earlier verb's subject ("..., and
    /// accused", ", accusing"), that verb's index: it also shares its date.
    pub(super) shared_from: Vec<Option<usize>>,
    /// For a verb whose subject is a pair named before ("they", "the two
    /// leaders"), the date of the act they were named in.
    pub(super) pair_dates: Vec<Option<EventDate>>,
}

/// The subject of each trigger of `sentence` (`infinitives`: whether "to"
/// stands right before each), from the actors of the sentence and what
/// the sentences before tell.
pub(super) fn of_sentence<'b>(
    text: &str,
    sentence: Span,
    clauses: &[Span],
    trigs: &[Trigger],
    infinitives: &[bool],
    in_sentence: &[&'b ActorMention],
    memory: &'b Memory<'_>,
) -> Subjects<'b> {
    let mut subjects: Vec<Option<&ActorMention>> = Vec::with_capacity(trigs.len());
    let mut shared_from: Vec<Option<usize>> = Vec::with_capacity(trigs.len());
    let mut prior: Option<(usize, &ActorMention)> = None;
    let mut pair_dates: Vec<Option<EventDate>> = Vec::with_capacity(trigs.len());
    for (i, t) in trigs.iter().enumerate() {
        let infinitive = infinitives[i];
        let clause = clauses.iter().rfind(|c| c.start <= t.span.start).copied();
        let (mut subj, shared) = match clause {
            Some(c) if t.reading == Reading::Verb => {
                subject(text, c, t, in_sentence, prior.map(|p| p.1))
            }
            _ => (None, false),
        };
        // "X gave the officers a week to reinstate Y, warning ...": with
        // no earlier subject to share, a participle after a comma takes
        // no actor that stands after the sentence's first verb (an
        // object, not the subject).
        let first_verb = trigs.iter().find(|x| x.reading == Reading::Verb);
        if let (false, Some(m), Some(v)) = (shared, subj, first_verb) {
            if continues_with_participle(text, t)
                && v.span.start < t.span.start
                && m.span.start > v.span.start
            {
                subj = None;
            }
        }
        // "..., said on Saturday that it welcomed ...": the pronoun
        // subject of a clause reported by the verb just before is its
        // speaker.
        if let (None, Some(c), Some(j)) = (subj, clause, i.checked_sub(1)) {
            let reporter = &trigs[j];
            if t.reading == Reading::Verb
                && reporter.reading == Reading::Verb
                && reporter.sense.event_type == "STATEMENT"
            {
                let lead = lower_words(text, Span::new(c.start, t.span.start));
                let ws: Vec<&str> = lead.iter().map(|(_, w)| w.as_str()).collect();
                if reported_pronoun(&ws) {
                    subj = subjects[j];
                }
            }
        }
        // "X signed a waiver lifting restrictions": a participle after
        // the object of X's past verb is X's act too.
        if let (None, Some(c)) = (subj, clause) {
            if t.reading == Reading::Verb {
                subj = participle_after_object(text, c, t, in_sentence);
            }
        }
        // "It also recalled its ambassador.": a sentence opening with a
        // singular pronoun goes on about the last sentence's subject
        // (a person for "he"/"she", else not).
        if let (None, Some(prev)) = (subj, memory.last_subject) {
            if t.reading == Reading::Verb && !infinitive {
                if let Some(person) = opening_pronoun(text, sentence, t) {
                    if (prev.actor.kind == "person") == person {
                        subj = Some(prev);
                    }
                }
            }
        }
        // "But they did not reach ...": the two parties last named
        // acting together.
        // Their act is dated like the one they were named in, unless
        // it has a date of its own.
        let mut from_pair = None;
        if let (None, Some(c), Some((pair, d))) = (subj, clause, memory.last_pair.as_ref()) {
            if t.reading == Reading::Verb && plural_pronoun_subject(text, c, t) {
                subj = Some(pair);
                from_pair = Some(d.clone());
            }
        }
        // "The two leaders also agreed ...", "Both sides will meet
        // again": the two parties last named together.
        if let (None, Some(c)) = (subj, clause) {
            let group = (t.reading == Reading::Verb).then(|| group_subject(text, c, t)).flatten();
            // Named in the same paragraph; people ("the two leaders")
            // as people, else they stand for their states.
            let in_paragraph = |p: &&(ActorMention, EventDate, usize)| {
                !text[p.2.min(sentence.start)..sentence.start].contains('\n')
            };
            let parties = memory.last_parties.as_ref().filter(in_paragraph);
            let parties = match group {
                Some(Group::People) => memory.last_people.as_ref().filter(in_paragraph).or(parties),
                Some(Group::Parties) => parties,
                None => None,
            };
            if let Some((pair, d, _)) = parties {
                subj = Some(pair);
                from_pair = Some(d.clone());
            }
        }
        pair_dates.push(from_pair);
        shared_from.push(if shared { prior.map(|p| p.0) } else { None });
        if let Some(m) = subj.filter(|_| !infinitive) {
            prior = Some((i, m));
        }
        subjects.push(subj);
    }
    Subjects { subjects, shared_from, pair_dates }
}

/// Who a group subject stands for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    /// "the two leaders": two people named together.
    People,
    /// "the two countries", "both sides": any two parties.
    Parties,
}

/// "the two leaders", "both sides" (after openers such as "but") as the
/// subject of a verb, with only words that may stand between a subject
/// and its verb after it.
fn group_subject(text: &str, clause: Span, trig: &Trigger) -> Option<Group> {
    let head = &text[clause.start..trig.span.start];
    if !(head.contains("two") || head.contains("both") || head.contains("Both")) {
        return None;
    }
    let mut ws = lower_word_iter(text, Span::new(clause.start, trig.span.start))
        .map(|(_, w)| w)
        .skip_while(|w| WORDS.shared_subject_opener.has(w) || *w == "that");
    match ws.next().as_deref() {
        Some("the") if ws.next().is_some_and(|w| w == "two") => {}
        Some("both") => {}
        _ => return None,
    }
    // "the two leaders", "the two foreign ministers": the noun within two
    // words.
    let first = ws.next()?;
    let noun = if WORDS.party_noun.has(&first) { first } else { ws.next()? };
    if !WORDS.party_noun.has(&noun) || !ws.all(|w| WORDS.subject_gap.has(&w)) {
        return None;
    }
    Some(if WORDS.person_party_noun.has(&noun) { Group::People } else { Group::Parties })
}

/// The first two parties of different countries of an event (its source
/// and a target, or two sources), as a pair mention for a later "the two
/// countries"; with `people`, only when both are people.
fn two_parties(e: &RawEvent, people: bool) -> Option<ActorMention> {
    let kind_ok = |a: &Actor| !people || a.kind == "person";
    let first =
        e.actors.iter().find(|a| a.part == "source" && a.country.is_some() && kind_ok(a))?;
    let second = e.actors.iter().find(|a| {
        !a.part.is_empty() && a.country.is_some() && a.country != first.country && kind_ok(a)
    })?;
    Some(ActorMention::pair(first, second))
}
