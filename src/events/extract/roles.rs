//! Who acts and who undergoes: the subject of a trigger (with pairs,
//! appositives, pronouns and relative clauses resumed), passives and their
//! by-agents, and the targets after the verb. Part of the event rules of
//! [`super`], which call these per trigger.

use super::*;

/// "talks with X", "a call with X": an actor introduced by "with" right
/// after a noun trigger.
pub(super) fn with_actor(text: &str, trig: &Trigger, in_sentence: &[&ActorMention]) -> bool {
    let mut rest = &text[trig.span.end..];
    // "talks in the Kremlin with ...": a place may come first.
    if rest.starts_with(" in ") || rest.starts_with(" at ") {
        let place_end = in_sentence
            .iter()
            .find(|m| {
                m.place
                    && m.span.start > trig.span.end
                    && text[trig.span.end + 4..m.span.start].split_whitespace().count() <= 1
            })
            .map(|m| m.span.end);
        if let Some(end) = place_end {
            rest = &text[end..];
        }
    }
    let Some(after) = rest.strip_prefix(" with ") else { return false };
    let from = text.len() - after.len();
    in_sentence.iter().any(|m| !m.place && m.span.start >= from && m.span.start <= from + 40)
}

/// The subject of a verb trigger: the nearest actor before it in its clause
/// when only auxiliaries, adverbs or an appositive comma stand between them;
/// else, when the clause has no words of its own before the verb ("but
/// said ..."), the first actor of the sentence.
pub(super) fn subject<'a>(
    text: &str,
    clause: Span,
    trig: &Trigger,
    in_sentence: &[&'a ActorMention],
    prior: Option<&'a ActorMention>,
) -> (Option<&'a ActorMention>, bool) {
    let before: Vec<&ActorMention> = in_sentence
        .iter()
        .copied()
        .filter(|m| !m.place && !m.adjective && m.span.end <= trig.span.start)
        .collect();
    // ", accusing Moscow of ...", "by urging ...", "..., and accused ...":
    // the verb shares the previous verb's subject (else the sentence's).
    let form = &text[trig.span.start..trig.span.end];
    let prev = trig.prev_word(text).map(|(_, w)| w);
    let participle = form.split(' ').next().is_some_and(|w| w.ends_with("ing"))
        && (text[..trig.span.start].trim_end().ends_with(',')
            || prev.as_deref().is_some_and(|p| WORDS.participle_opener.has(p)));
    // "Israel and Hamas agreed" is a plain subject; "..., and accused" is
    // a second verb of the earlier subject.
    let right_after_actor = before.last().is_some_and(|m| {
        let gap = &text[m.span.end..trig.span.start];
        gap.split_whitespace().count() <= 1 && !gap.contains(',')
    });
    // "..., and then sent": an adverb may follow the conjunction.
    let conjunction = match prev.as_deref() {
        Some("and" | "but") => true,
        Some("then" | "also" | "later") => prev_word(text, trig.prev_word(text).map_or(0, |p| p.0))
            .is_some_and(|(_, w)| w == "and" || w == "but"),
        // "..., and is expected to travel": a schedule frame may stand
        // between the conjunction and the verb.
        Some("to") => {
            let mut at = trig.span.start;
            let mut found = false;
            for _ in 0..5 {
                let Some((start, w)) = prev_word(text, at) else { break };
                let w = w.as_str();
                if w == "and" || w == "but" {
                    found = true;
                    break;
                }
                let skip = w == "to"
                    || w == "also"
                    || WORDS.be.has(w)
                    || WORDS.schedule_frame.has(w)
                    || WORDS.modal.has(w);
                if !skip {
                    break;
                }
                at = start;
            }
            found
        }
        _ => false,
    };
    let coordinated = conjunction && !right_after_actor;
    if participle || coordinated {
        return match prior {
            Some(p) => (Some(p), true),
            None => (before.first().copied(), false),
        };
    }
    // The words from the clause's start to the verb, scanned lazily: most
    // tests below need only the first of them.
    let lead_span = Span::new(clause.start, trig.span.start);
    let lead_first = first_lower_word(text, lead_span);
    let relative = matches!(lead_first.as_deref(), Some("who" | "which"));
    // "Qatar, which mediated ..., announced": the main subject resumes;
    // auxiliaries and a negation may stand after the comma ("Austria,
    // which borders Peru, did not expel ...").
    let auxiliaries_after_comma = relative && auxiliaries_after_comma(text, lead_span);
    if relative && (text[..trig.span.start].trim_end().ends_with(',') || auxiliaries_after_comma) {
        return (before.iter().rev().find(|m| m.span.end <= clause.start).copied(), false);
    }
    // "Russia, which brokered the truce that ended the war in 2020, said":
    // after a relative clause with a clause of its own nested inside, the
    // subject before the relative pronoun resumes.
    if lead_first.as_deref() == Some("that") {
        if let Some(at) = relative_opener_before(text, clause, trig) {
            let resumed = before
                .iter()
                .rev()
                .find(|m| m.span.end <= at && text[m.span.end..at].trim().is_empty());
            if let Some(m) = resumed {
                return (Some(*m), false);
            }
        }
    }
    if let Some(near) = before.iter().rev().find(|m| m.span.start >= clause.start) {
        let gap = &text[near.span.end..trig.span.start];
        // Every test below wants at most twelve words: stop at the thirteenth.
        let words: ArrayVec<_, 13> =
            lower_word_iter(text, Span::new(near.span.end, trig.span.start)).take(13).collect();
        let comma_ok = !gap.contains(',') || gap.trim() == ",";
        // "Israeli artillery and airstrikes hit": a coordinated noun.
        let coordinated = words.len() >= 2 && matches!(words[0].1.as_str(), "and" | "or");
        // "could eventually establish", "has repeatedly accused": an
        // adverb in "-ly" (a lower-case word: not "Italy") inside the verb
        // group, after its auxiliary, may stand between too.
        let auxiliary = words.iter().any(|(_, w)| {
            WORDS.modal.has(w.as_str())
                || WORDS.future.has(w.as_str())
                || WORDS.be.has(w.as_str())
                || matches!(w.as_str(), "has" | "have" | "had")
        });
        let adverb = |s: Span, w: &str| {
            auxiliary
                && w.len() > 4
                && w.ends_with("ly")
                && text[s.start..].starts_with(char::is_lowercase)
        };
        let words_ok = words.len() <= 5
            && words.iter().enumerate().all(|(i, (s, w))| {
                WORDS.subject_gap.has(w.as_str())
                    || (coordinated && i <= 1)
                    || crate::events::actors::is_head(w)
                    || adverb(*s, w)
            });
        // "the Kremlin's account of the call said": the owner speaks.
        let possessive = (gap.starts_with("'s ") || gap.starts_with("’s "))
            && words.len() <= 5
            && !gap.contains(',');
        // "X and more than 20 other countries expelled": X heads a
        // subject joined to a counted group of its peers.
        let with_group = coordinated
            && words.len() <= 8
            && words.last().is_some_and(|(_, w)| WORDS.group_head.has(w.as_str()));
        // "Saudi Arabia, a close ally of the United States, called", "...
        // of the Trump administration, called": the actor closing an
        // appositive describes the subject before it.
        let closes_appositive =
            gap.trim_end().ends_with(',') && gap.matches(',').count() == 1 && words.len() <= 3;
        if closes_appositive {
            if let Some(head) = appositive_head(text, &before, near) {
                return (Some(head), false);
            }
        }
        if let Some(head) = participial_appositive(text, clause, trig, &before) {
            return (Some(head), false);
        }
        if comma_ok && (words_ok || possessive || with_group) {
            return (Some(near), false);
        }
        // "A and B sat apart and did not meet", "both sides calling it
        // constructive and agreeing to meet": a later verb of the same
        // subject, joined by "and".
        let second_verb = words.len() <= 12
            && !gap.contains(',')
            && words.iter().rposition(|(_, w)| w == "and").is_some_and(|k| {
                k > 0
                    && words[k + 1..].iter().all(|(_, w)| {
                        WORDS.subject_gap.has(w.as_str()) || WORDS.schedule_frame.has(w.as_str())
                    })
            });
        if second_verb {
            return (Some(near), false);
        }
        // "Russia said it welcomed ...", "X told reporters that he ...".
        let ws: Vec<&str> = words.iter().map(|(_, w)| w.as_str()).collect();
        if words.len() <= 12 && !gap.contains(',') && reported_pronoun(&ws) {
            return (Some(near), false);
        }
        return (None, false);
    }

    // "X, who proposed ...": a relative clause without a subject of its own
    // takes its antecedent.
    if relative && segment::word_spans(text, lead_span).nth(4).is_none() {
        let antecedent = before.iter().rev().find(|m| m.span.end <= clause.start).copied();
        // "under Trump, who pulled ...": a name that is no actor stands
        // closer to "who" than the last actor, and is the antecedent.
        let named_between = antecedent.is_some_and(|m| {
            segment::word_spans(text, Span::new(m.span.end, clause.start)).any(|w| {
                text[w.start..].starts_with(char::is_uppercase)
                    && !in_sentence.iter().any(|o| o.span.start <= w.start && w.end <= o.span.end)
            })
        });
        return (antecedent.filter(|_| !named_between), false);
    }
    if segment::word_spans(text, lead_span).all(|w| {
        let w = segment::Lower::of(&text[w.start..w.end]);
        WORDS.shared_subject_opener.has(&w) || WORDS.subject_gap.has(&w)
    }) {
        return match prior {
            Some(p) => (Some(p), true),
            None => (before.first().copied(), false),
        };
    }
    (None, false)
}

/// "The bloc, meeting in Lima on Monday, called on ...", "Chile, citing
/// security concerns, expelled ...": the actor right before a participle
/// phrase set off by two commas, right before the verb, is its subject
/// (actors inside the phrase are not).
fn participial_appositive<'a>(
    text: &str,
    clause: Span,
    trig: &Trigger,
    before: &[&'a ActorMention],
) -> Option<&'a ActorMention> {
    let head = &text[clause.start..trig.span.start];
    if !head.trim_end().ends_with(',') || head.matches(',').count() < 2 {
        return None;
    }
    before.iter().rev().filter(|m| m.span.start >= clause.start).find_map(|m| {
        let gap = &text[m.span.end..trig.span.start];
        let inner = gap.strip_prefix(',')?.trim_end().strip_suffix(',')?;
        if inner.contains([',', ';', '.']) {
            return None;
        }
        let mut words = inner.split_whitespace();
        let first = words.next()?;
        let participle =
            first.len() > 4 && first.ends_with("ing") && first.starts_with(char::is_lowercase);
        (participle && words.count() <= 10).then_some(*m)
    })
}

/// The subject an appositive describes: the actor right before ", a ...,"
/// when `near` (the last actor before the verb) ends that appositive
/// ("Saudi Arabia, a close ally of Egypt, called ..."). The appositive
/// opens with a determiner and holds no other comma.
fn appositive_head<'a>(
    text: &str,
    before: &[&'a ActorMention],
    near: &ActorMention,
) -> Option<&'a ActorMention> {
    let head = before
        .iter()
        .rev()
        .find(|m| m.span.end < near.span.start && text[m.span.end..].starts_with(','))?;
    let inner = &text[head.span.end + 1..near.span.start];
    let opens = lower_word_iter(text, Span::new(head.span.end, near.span.start))
        .next()
        .is_some_and(|(_, w)| WORDS.appositive_opener.has(w.as_str()));
    (opens && !inner.contains(',') && !inner.contains(['.', ';'])).then_some(*head)
}

/// For a verb whose sentence opens with "It", "He" or "She" as its subject
/// ("It also recalled ...", "He later met ..."; adverbs and auxiliaries may
/// stand between), whether the pronoun names a person; `None` otherwise.
pub(super) fn opening_pronoun(text: &str, sentence: Span, trig: &Trigger) -> Option<bool> {
    let mut words = lower_word_iter(text, Span::new(sentence.start, trig.span.start));
    let (_, first) = words.next()?;
    let person = match first.as_str() {
        "he" | "she" => true,
        "it" => false,
        _ => return None,
    };
    words
        .take(4)
        .all(|(_, w)| {
            WORDS.subject_gap.has(w.as_str())
                || WORDS.modal.has(w.as_str())
                || WORDS.future.has(w.as_str())
                || WORDS.negation.has(w.as_str())
                || WORDS.be.has(w.as_str())
                || w.ends_with("ly")
        })
        .then_some(person)
}

/// "Austria, which holds talks with Peru on energy, ...": a simple present
/// in a relative clause set off by a comma describes a participant's
/// habits; it tells no dated act.
pub(super) fn describing_present(text: &str, clause: Span, trig: &Trigger) -> bool {
    let opens =
        first_lower_word(text, clause).is_some_and(|w| matches!(w.as_str(), "which" | "who"));
    let set_off = text[..clause.start].trim_end().ends_with(',');
    let first = text[trig.span.start..trig.span.end].split(' ').next().unwrap_or("");
    let lower = segment::Lower::of(first);
    let present = lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us");
    let right_after =
        lower_word_iter(text, Span::new(clause.start, trig.span.start)).nth(1).is_none();
    opens && set_off && present && right_after
}

/// Whether `trig` is the main verb resuming after a relative clause that
/// opens `clause` ("France, which visited Kyiv earlier this month, called
/// ..." or "..., did not call"): the relative clause describes a
/// participant, and its dates do not date the main verb.
pub(super) fn resumes_after_relative(text: &str, clause: Span, trig: &Trigger) -> bool {
    first_lower_word(text, clause).is_some_and(|w| matches!(w.as_str(), "who" | "which"))
        && (text[..trig.span.start].trim_end().ends_with(',')
            || auxiliaries_after_comma(text, Span::new(clause.start, trig.span.start)))
}

/// Whether `t` stands in the relative clause that `trig`, the main verb,
/// resumes after with auxiliaries ("X, who proposed the talks on May 11,
/// did not travel"): the act not done, or only planned, is not the relative
/// clause's act. Right after the comma ("X, who chaired the meeting on
/// Thursday, said") the main verb keeps that date: the clause names the
/// occasion.
pub(super) fn in_relative_before(text: &str, clauses: &[Span], trig: &Trigger, t: &Timex) -> bool {
    clauses.iter().find(|c| c.start <= trig.span.start && trig.span.start < c.end).is_some_and(
        |&c| {
            c.start <= t.span.start
                && t.span.end <= trig.span.start
                && first_lower_word(text, c).is_some_and(|w| matches!(w.as_str(), "who" | "which"))
                && auxiliaries_after_comma(text, Span::new(c.start, trig.span.start))
        },
    )
}

/// Whether `lead` (a clause's words before its verb) ends with a comma
/// followed only by auxiliaries, a negation or adverbs ("which borders
/// Peru, did not"): the verb resumes the clause before the comma.
fn auxiliaries_after_comma(text: &str, lead: Span) -> bool {
    text[lead.start..lead.end].rfind(',').is_some_and(|k| {
        let after = Span::new(lead.start + k + 1, lead.end);
        let mut words = segment::word_spans(text, after).peekable();
        words.peek().is_some()
            && words.all(|w| {
                let w = segment::Lower::of(&text[w.start..w.end]);
                WORDS.negation.has(&w)
                    || WORDS.modal.has(&w)
                    || WORDS.future.has(&w)
                    || WORDS.be.has(&w)
                    || matches!(w.as_str(), "did" | "do" | "does" | "has" | "have" | "had")
                    || w.ends_with("ly")
            })
    })
}

/// Words before a verb that end in a reported clause with a singular
/// pronoun subject: "... that it", "said he would", "told reporters that she
/// still": a reporting verb or "that", the pronoun, then only words that may
/// stand between a subject and its verb.
pub(super) fn reported_pronoun(words: &[&str]) -> bool {
    let Some(k) = words.iter().rposition(|w| WORDS.singular_pronoun.has(w)) else {
        return false;
    };
    let opener = k > 0 && (words[k - 1] == "that" || WORDS.reporting_verb.has(words[k - 1]));
    opener && words[k + 1..].iter().all(|w| WORDS.subject_gap.has(w))
}

/// "rockets were fired from ...": a form of "be" right before a past
/// participle, and no "by" agent after it.
pub(super) fn is_agentless_passive(text: &str, clause: Span, trig: &Trigger) -> bool {
    let form = segment::Lower::of(&text[trig.span.start..trig.span.end]);
    let participle = form.ends_with("ed") || is_irregular_past(&form);
    participle
        && (be_before(text, clause, trig) || coordinated_passive(text, clause, trig.span.start))
        && !text[trig.span.end..].trim_start().starts_with("by ")
}

/// "had been located, questioned and released": a participle joined by
/// "and"/"or" (or a comma) to earlier participles that follow a form of
/// "be".
fn coordinated_passive(text: &str, clause: Span, pos: usize) -> bool {
    let mut pos = pos;
    let mut joined = false;
    for _ in 0..8 {
        let end = text[..pos].trim_end_matches(|c: char| c.is_whitespace() || c == ',').len();
        let comma = text[end..pos].contains(',');
        let Some((start, w)) = prev_word(text, end) else { return false };
        if start < clause.start {
            return false;
        }
        if WORDS.be.has(&w) {
            return joined;
        }
        let participle = w.ends_with("ed") || is_irregular_past(&w);
        if w == "and" || w == "or" || (participle && (comma || joined)) {
            joined = true;
        } else if !participle {
            return false;
        }
        pos = start;
    }
    false
}

/// "met the Ukrainian delegation on Sunday and the Russian delegation on
/// Monday": after a verb's own date, "and" + an actor + a preposition + a
/// date no trigger owns is a second event of the same verb. Returns that
/// actor and the date's index.
pub(super) fn gapped_second<'a>(
    text: &str,
    date: &Timex,
    in_sentence: &[&'a ActorMention],
    timexes: &[Timex],
    own: &[Option<usize>],
) -> Option<(&'a ActorMention, usize)> {
    let rest = text[date.span.end..].strip_prefix(" and ")?;
    let from = text.len() - rest.len();
    let m = in_sentence.iter().copied().find(|m| {
        !m.place
            && (m.span.start == from
                || (m.span.start == from + 4 && text[from..].starts_with("the ")))
    })?;
    let after = &text[m.span.end..];
    let prep =
        ["on ", "in ", "at "].iter().find_map(|p| after.strip_prefix(' ')?.strip_prefix(p))?;
    let at = text.len() - prep.len();
    let t2 = timexes.iter().position(|t| t.span.start == at && link::usable(t))?;
    (!own.contains(&Some(t2))).then_some((m, t2))
}

/// "X was attacked by Y", "sanctions were imposed on X by Y": a form of
/// "be" before the verb and "by" after it, right away or after a short
/// prepositional phrase, in the same clause.
pub(super) fn is_passive_voice(text: &str, clause: Span, trig: &Trigger) -> bool {
    let end = clause.end.max(trig.span.end);
    let rest: ArrayVec<_, 7> =
        lower_word_iter(text, Span::new(trig.span.end, end)).take(7).collect();
    let by = rest.iter().position(|(_, w)| w == "by");
    let starts_phrase = rest.first().is_some_and(|(_, w)| WORDS.preposition.has(w.as_str()));
    by.is_some_and(|k| k == 0 || starts_phrase) && be_before(text, clause, trig)
}

/// A form of "be" among the two words before the trigger, in its clause.
fn be_before(text: &str, clause: Span, trig: &Trigger) -> bool {
    let mut pos = trig.span.start;
    for _ in 0..2 {
        let Some((start, w)) = prev_word(text, pos) else { return false };
        if start < clause.start {
            return false;
        }
        if matches!(w.as_str(), "was" | "were" | "been" | "is" | "are" | "be") {
            return true;
        }
        pos = start;
    }
    false
}

/// The agent of a passive: the first actor after "by" following the
/// trigger.
pub(super) fn by_agent<'a>(
    text: &str,
    trig: &Trigger,
    participants: &[&'a ActorMention],
) -> Option<&'a ActorMention> {
    let rest = &text[trig.span.end..];
    let by = rest.find(" by ")? + trig.span.end + 4;
    participants.iter().copied().find(|m| m.span.start >= by && m.span.start <= by + 16)
}

pub(super) fn targets<'a>(
    text: &str,
    trig: &Trigger,
    event_type: &str,
    participants: &[&'a ActorMention],
    later_subjects: &[Span],
) -> Vec<&'a ActorMention> {
    let after: Vec<&ActorMention> = participants
        .iter()
        .copied()
        .filter(|m| m.span.start >= trig.span.end && !later_subjects.contains(&m.span))
        .collect();
    let Some(first) = after.first().copied() else { return Vec::new() };
    if event_type == "STATEMENT" {
        let gap = &text[trig.span.end..first.span.start];
        let gap = gap.trim();
        let direct = gap.is_empty() || gap == "to" || gap == "the";
        let possessive =
            text[first.span.end..].starts_with("’s") || text[first.span.end..].starts_with("'s");
        return if direct && !possessive { vec![first] } else { Vec::new() };
    }
    let mut out = vec![first];
    let mut last = first;
    for m in after.iter().skip(1) {
        // A mention overlapping the last one (a name inside a longer
        // mention) adds no one to the list.
        let Some(gap) = text.get(last.span.end..m.span.start) else { continue };
        let gap = gap.trim();
        if gap == "and" || gap == "," || gap == ", and" {
            out.push(m);
            last = m;
        } else {
            break;
        }
    }
    out
}

/// "released 40 Peruvian prisoners", "shelled Chilean positions", "fired
/// missiles at Peruvian positions": a demonym inside the verb's object, a
/// few words after it, names the side acted on.
pub(super) fn adjective_object(text: &str, trig: &Trigger, m: &ActorMention) -> bool {
    let gap = &text[trig.span.end..m.span.start];
    !gap.contains([',', ';']) && gap.split_whitespace().count() <= 3
}
