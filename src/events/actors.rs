/*!
Actors: who an event is about, found in a text with byte spans.

Sources of actors, all data-driven (`data/events/`):

- **Gazetteer** (`countries.tsv`, `metonyms.tsv`, `organizations.tsv`):
  country names, demonyms ("Syrian"), capitals ("Damascus"), metonyms ("the
  Kremlin", "Baabda"), international organizations and armed groups. Each
  carries an **actor code**: the ISO 3166-1 alpha-3 code for anything
  national, the organization's id otherwise.
- **Institutions**: a demonym or country followed by a head noun from
  `actor_heads.txt` ("Israeli artillery", "the Lebanese military") is one
  actor; "the government" alone means the article's home country.
- **People**, found by pattern, never by a list of names: a role phrase
  (`roles.tsv`) followed by a capitalized name ("Kremlin spokesman Dmitry
  Peskov", "the Army Commander, General Rodolphe Haikal"), or a name followed
  by an appositive role ("Janine Plasschaert, the UN ... Representative").
  The country comes from the words before the role ("Russian President");
  a national office with no country stated belongs to the article's **home
  country** (the country of the first person whose country is stated, else
  the most mentioned country).
- **Coreference inside one article**: a person's surname alone ("Putin",
  "al-Sharaa") and "the <role>" ("the Prime Minister") link back to the
  person; "he"/"she" links to the subject of its own sentence when one
  precedes it, else to the only person of the nearest earlier sentence that
  names people (left unresolved when that sentence names several).

A mention after "in", "at", "from" ... ("in Damascus") is a **place**, kept
as the event's location rather than as a participant.
*/

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

use super::lexscan::{Hits, List};
use super::words::WORDS;
use crate::lexicon;
use crate::model::{Actor, Span};
use crate::segment;

/// One kind of gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GazEntry {
    /// Canonical name.
    pub name: String,
    /// `country`, `institution`, `organization`, `armed_group`.
    pub kind: &'static str,
    /// Actor code (alpha-3 or organization id).
    pub code: String,
    /// Country alpha-3 the actor belongs to.
    pub country: Option<String>,
    /// True for demonyms/adjectives ("Syrian").
    pub adjective: bool,
}

pub(crate) struct Gazetteer {
    /// Names, matched as written (see [`super::lexscan`]).
    patterns: Vec<String>,
    entries: Vec<GazEntry>,
    /// Country alpha-3 → canonical name.
    pub country_names: HashMap<String, String>,
}

pub(crate) struct Roles {
    /// Role phrases, matched ASCII case-blind (see [`super::lexscan`]).
    patterns: Vec<String>,
    /// (phrase, class) per pattern.
    entries: Vec<(String, RoleClass)>,
}

/// What kind of office a role phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleClass {
    National,
    Military,
    Org,
    Generic,
}

pub(crate) struct Heads {
    /// For anchored searches (a head right after a name); the text-wide
    /// search goes through [`super::lexscan`].
    matcher: AhoCorasick,
    patterns: Vec<String>,
    military: Vec<bool>,
}

fn split_list(col: &str) -> impl Iterator<Item = &str> {
    col.split(';').map(str::trim).filter(|s| !s.is_empty() && *s != "-")
}

pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut entries: Vec<GazEntry> = Vec::new();
    let mut country_names = HashMap::new();
    let mut add = |p: &str, e: GazEntry| {
        patterns.push(p.to_string());
        entries.push(e);
    };
    let countries =
        lexicon::source("events/countries.tsv", include_str!("../../data/events/countries.tsv"));
    for (n, cols) in lexicon::rows(&countries) {
        assert!(cols.len() == 5, "events/countries.tsv line {n}: expected 5 columns");
        let (code, name) = (cols[0], cols[1]);
        country_names.insert(code.to_string(), name.to_string());
        let country = |adjective| GazEntry {
            name: name.to_string(),
            kind: "country",
            code: code.to_string(),
            country: Some(code.to_string()),
            adjective,
        };
        add(name, country(false));
        for a in split_list(cols[2]) {
            add(a, country(false));
        }
        for d in split_list(cols[3]) {
            add(d, country(true));
            // "the Russians", "thousands of Iraqis": the people stand for
            // their country (demonyms in -an, -i: "Chinese" has no plural).
            if d.ends_with("an") || d.ends_with('i') {
                add(&format!("{d}s"), country(false));
            }
        }
        for c in split_list(cols[4]) {
            add(c, country(false));
        }
    }
    let metonyms =
        lexicon::source("events/metonyms.tsv", include_str!("../../data/events/metonyms.tsv"));
    for (n, cols) in lexicon::rows(&metonyms) {
        assert!(cols.len() == 3, "events/metonyms.tsv line {n}: expected 3 columns");
        add(
            cols[0],
            GazEntry {
                name: cols[2].to_string(),
                kind: "institution",
                code: cols[1].to_string(),
                country: Some(cols[1].to_string()),
                adjective: false,
            },
        );
    }
    let orgs = lexicon::source(
        "events/organizations.tsv",
        include_str!("../../data/events/organizations.tsv"),
    );
    for (n, cols) in lexicon::rows(&orgs) {
        assert!(cols.len() == 5, "events/organizations.tsv line {n}: expected 5 columns");
        let kind = match cols[1] {
            "organization" => "organization",
            "armed_group" => "armed_group",
            other => panic!("events/organizations.tsv line {n}: unknown kind `{other}`"),
        };
        let entry = GazEntry {
            name: cols[2].to_string(),
            kind,
            code: cols[0].to_string(),
            country: split_list(cols[4]).next().map(str::to_string),
            adjective: false,
        };
        add(cols[2], entry.clone());
        for a in split_list(cols[3]) {
            add(a, entry.clone());
        }
    }
    Gazetteer { patterns, entries, country_names }
});

pub(crate) static ROLES: LazyLock<Roles> = LazyLock::new(|| {
    let text = lexicon::source("events/roles.tsv", include_str!("../../data/events/roles.tsv"));
    let mut patterns = Vec::new();
    let mut entries = Vec::new();
    for (n, cols) in lexicon::rows(&text) {
        assert!(cols.len() == 2, "events/roles.tsv line {n}: expected 2 columns");
        let class = match cols[1] {
            "national" => RoleClass::National,
            "military" => RoleClass::Military,
            "org" => RoleClass::Org,
            "generic" => RoleClass::Generic,
            other => panic!("events/roles.tsv line {n}: unknown class `{other}`"),
        };
        patterns.push(cols[0].to_string());
        entries.push((cols[0].to_string(), class));
    }
    Roles { patterns, entries }
});

pub(crate) static HEADS: LazyLock<Heads> = LazyLock::new(|| {
    let text = lexicon::source(
        "events/actor_heads.txt",
        include_str!("../../data/events/actor_heads.txt"),
    );
    let mut patterns = Vec::new();
    let mut military = Vec::new();
    for (n, cols) in lexicon::rows(&text) {
        assert!(
            cols.len() == 1 || (cols.len() == 2 && cols[1] == "m"),
            "events/actor_heads.txt line {n}: expected a noun and an optional `m`"
        );
        patterns.push(cols[0].to_string());
        military.push(cols.len() == 2);
    }
    // Only anchored searches: a head noun is looked for right after a name.
    let matcher = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .start_kind(StartKind::Anchored)
        .build(&patterns)
        .expect("head patterns build");
    Heads { matcher, patterns, military }
});

/// Collective common nouns ("donors", "the group"), see
/// `data/events/group_nouns.tsv`.
pub(crate) struct GroupNouns {
    /// Matched ASCII case-blind (see [`super::lexscan`]).
    patterns: Vec<String>,
    /// Per pattern: `None` for a generic actor, else the actor kind an
    /// anaphor stands for.
    resolves_to: Vec<Option<&'static str>>,
}

pub(crate) static GROUP_NOUNS: LazyLock<GroupNouns> = LazyLock::new(|| {
    let text = lexicon::source(
        "events/group_nouns.tsv",
        include_str!("../../data/events/group_nouns.tsv"),
    );
    let mut patterns = Vec::new();
    let mut resolves_to = Vec::new();
    for (n, cols) in lexicon::rows(&text) {
        let kind = match cols.get(1).copied() {
            Some("generic") => None,
            Some("armed_group") => Some("armed_group"),
            Some("organization") => Some("organization"),
            Some("pair") => Some("pair"),
            Some("pair_people") => Some("pair_people"),
            _ => panic!("events/group_nouns.tsv line {n}: expected a noun and a resolution"),
        };
        assert!(cols.len() == 2, "events/group_nouns.tsv line {n}: expected two columns");
        patterns.push(cols[0].to_string());
        resolves_to.push(kind);
    }
    GroupNouns { patterns, resolves_to }
});

/// The gazetteer's names, by pattern index ([`super::lexscan::List`]).
pub(crate) fn gazetteer_patterns() -> &'static [String] {
    &GAZETTEER.patterns
}

/// The role phrases, by pattern index.
pub(crate) fn role_patterns() -> &'static [String] {
    &ROLES.patterns
}

/// The actor head nouns, by pattern index.
pub(crate) fn head_patterns() -> &'static [String] {
    &HEADS.patterns
}

/// The group nouns, by pattern index.
pub(crate) fn group_patterns() -> &'static [String] {
    &GROUP_NOUNS.patterns
}

/// Collective common nouns: generic actors of their own, or anaphors
/// standing for the nearest earlier organization or armed group.
fn group_mentions(text: &str, hits: &Hits, taken: &Taken, out: &mut Vec<ActorMention>) {
    let groups = &*GROUP_NOUNS;
    let mut found: Vec<ActorMention> = Vec::new();
    for m in hits.leftmost_longest(List::Groups, Span::new(0, text.len())) {
        let span = m.span;
        if !bounded(text, span.start, span.end) || taken.overlaps(&span) {
            continue;
        }
        match groups.resolves_to[m.pattern] {
            None => {
                let phrase = text[span.start..span.end].to_lowercase();
                let name = phrase.strip_prefix("the ").unwrap_or(&phrase).to_string();
                found.push(ActorMention {
                    span,
                    actor: Actor {
                        name,
                        kind: "group".to_string(),
                        role: None,
                        country: None,
                        part: String::new(),
                        code: None,
                    },
                    code: None,
                    place: false,
                    military: false,
                    adjective: false,
                    also: None,
                });
            }
            Some(kind @ ("pair" | "pair_people")) => {
                if let Some((a, b)) = find_pair(text, out, span.start, kind == "pair_people") {
                    let mut mention = a.clone();
                    mention.span = span;
                    mention.place = false;
                    mention.adjective = false;
                    let mut partner = b.actor.clone();
                    partner.code = b.code.clone();
                    mention.also = Some(partner);
                    found.push(mention);
                }
            }
            Some(kind) => {
                let antecedent = out
                    .iter()
                    .filter(|o| o.span.end <= span.start && o.actor.kind == kind && !o.place)
                    .max_by_key(|o| o.span.end);
                if let Some(a) = antecedent {
                    let mut mention = a.clone();
                    mention.span = span;
                    found.push(mention);
                }
            }
        }
    }
    out.extend(found);
}

/// The two parties "both sides" or "the two leaders" (`people`) stand for:
/// the last two actors joined by "and" before `pos` ("Israel and Hamas",
/// "between Russia and Ukraine", "X and U.S. envoy Y"), within about two
/// sentences for people; else, for people, the last two people of the
/// sentence.
fn find_pair<'a>(
    text: &str,
    out: &'a [ActorMention],
    pos: usize,
    people: bool,
) -> Option<(&'a ActorMention, &'a ActorMention)> {
    let mut ms: Vec<&ActorMention> = out
        .iter()
        .filter(|m| m.span.end <= pos && !m.place && (m.actor.kind == "person") == people)
        .collect();
    ms.sort_by_key(|m| m.span.start);
    let joined = ms.windows(2).rev().find(|w| {
        let (a, b) = (w[0], w[1]);
        let gap = text[a.span.end..b.span.start].trim();
        let blocked = word_before(text, a.span.start)
            .is_some_and(|(_, w)| WORDS.pair_blocker.has(&segment::Lower::of(w)));
        matches!(gap, "and" | "and the")
            && a.actor.name != b.actor.name
            && !blocked
            && (!people || pos - a.span.start < 600)
    });
    if let Some(w) = joined {
        return Some((w[0], w[1]));
    }
    if !people {
        return None;
    }
    let sentence_start = text[..pos].rfind(". ").map_or(0, |i| i + 2);
    let sentence_start = sentence_start.max(text[..pos].rfind('\n').map_or(0, |i| i + 1));
    let mut recent = ms.iter().rev().filter(|m| m.span.start >= sentence_start);
    let b = recent.next()?;
    let a = recent.find(|m| m.actor.name != b.actor.name)?;
    Some((a, b))
}

/// True when `word` is an actor head noun ("airstrikes", "forces").
pub(crate) fn is_head(word: &str) -> bool {
    // The longest head at the start is the leftmost-longest match when one
    // starts there.
    HEADS
        .matcher
        .find(Input::new(word).anchored(Anchored::Yes))
        .is_some_and(|m| m.end() == word.len())
}

/// Capitalized words that never start a name.
pub(crate) static NOT_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let text =
        lexicon::source("events/not_names.txt", include_str!("../../data/events/not_names.txt"));
    lexicon::lines(&text).map(|(_, l)| l.to_string()).collect()
});

/// One actor mention in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Byte span in the text.
    pub span: Span,
    /// The actor (its `part` is left empty; the extractor sets it).
    pub actor: Actor,
    /// Actor code: alpha-3 or organization id, when known.
    pub code: Option<String>,
    /// True when the mention names where something happened ("in Damascus").
    pub place: bool,
    /// True for military actors (armies, commanders, ranks).
    pub military: bool,
    /// True for demonym adjectives alone ("Syrian"), which modify a noun.
    pub adjective: bool,
    /// The second party of a pair named at once ("both sides", "the two
    /// leaders"); `actor` is the first.
    pub also: Option<Actor>,
}

impl ActorMention {
    /// A country's institution found by its head noun ("the government",
    /// "her ministry"), coded with that country when known.
    fn institution(span: Span, name: String, country: Option<String>, military: bool) -> Self {
        ActorMention {
            span,
            actor: Actor {
                name,
                kind: "institution".to_string(),
                role: None,
                country: country.clone(),
                part: String::new(),
                code: None,
            },
            code: country,
            place: false,
            military,
            adjective: false,
            also: None,
        }
    }

    /// Two actors named earlier, as one mention at no place in the text,
    /// for a later "they" or "the two countries"; their event parts are
    /// dropped (field by field, so the parts are not cloned).
    pub(crate) fn pair(first: &Actor, second: &Actor) -> ActorMention {
        let plain = |a: &Actor| Actor {
            name: a.name.clone(),
            kind: a.kind.clone(),
            role: a.role.clone(),
            country: a.country.clone(),
            code: a.code.clone(),
            part: String::new(),
        };
        ActorMention {
            span: Span::new(0, 0),
            actor: plain(first),
            code: first.code.clone(),
            place: false,
            military: false,
            adjective: false,
            also: Some(plain(second)),
        }
    }
}

/// A person found by a role pattern, shared across the texts of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Full name as written ("Vladimir Putin").
    pub name: String,
    /// Role phrase ("President", "Kremlin spokesman").
    pub role: String,
    /// Country or organization code stated with the role.
    pub code: Option<String>,
    /// Country alpha-3 stated with the role.
    pub country: Option<String>,
    /// Role class.
    pub(crate) class: RoleClass,
    /// For an office with no country stated: the first country named
    /// after the name in its sentence ("President X's office warned that
    /// France would ..."), used when the home country already has someone
    /// in that office.
    pub(crate) named_after: Option<String>,
    /// The home country is ruled out (its holder of the same office is
    /// another person) and nothing else names the country: none is known.
    pub(crate) no_home: bool,
}

impl Person {
    fn military(&self) -> bool {
        self.class == RoleClass::Military
    }

    fn surname(&self) -> Option<&str> {
        let last = self.name.rsplit(' ').next()?;
        (self.name.contains(' ') && last.chars().count() > 2).then_some(last)
    }
}

/// The people of one article and its home country.
#[derive(Debug, Clone, Default)]
pub struct Cast {
    /// Everyone found by a role pattern, in order of first appearance.
    pub people: Vec<Person>,
    /// The article's home country (alpha-3).
    pub home: Option<String>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before_ok = text[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
    let after_ok = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
    before_ok && after_ok
}

/// The word immediately before byte `pos` (skipping spaces), with its start.
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let head = text[..pos].trim_end_matches([' ', '\u{a0}']);
    if head.len() == pos && pos > 0 {
        // Something other than a space sits right before: no plain word.
        if !text[..pos].chars().next_back().is_some_and(char::is_alphanumeric) {
            return None;
        }
    }
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    (start < head.len()).then(|| (start, &head[start..]))
}

/// Gazetteer hits in `text` (scanned into `hits`), whole words only.
fn gazetteer_hits(text: &str, hits: &Hits) -> Vec<(Span, &'static GazEntry)> {
    let gaz = &*GAZETTEER;
    hits.leftmost_longest(List::Gazetteer, Span::new(0, text.len()))
        .filter(|m| bounded(text, m.span.start, m.span.end))
        .map(|m| (m.span, &gaz.entries[m.pattern]))
        .collect()
}

/// Whether a gazetteer hit of `gaz` starts at `pos`. Hits are as
/// [`gazetteer_hits`] finds them: leftmost and not overlapping, so their
/// starts and their ends both increase, and a binary search finds them.
fn gaz_starts_at(gaz: &[(Span, &GazEntry)], pos: usize) -> bool {
    gaz.binary_search_by_key(&pos, |(s, _)| s.start).is_ok()
}

/// The gazetteer hit of `gaz` ending at `end` (see [`gaz_starts_at`]).
fn gaz_ending_at<'a>(
    gaz: &'a [(Span, &'static GazEntry)],
    end: usize,
) -> Option<&'a (Span, &'static GazEntry)> {
    gaz.binary_search_by_key(&end, |(s, _)| s.end).ok().map(|i| &gaz[i])
}

/// Role hits in `text` (scanned into `hits`), whole words only.
fn role_hits(text: &str, hits: &Hits) -> Vec<(Span, &'static str, RoleClass)> {
    let roles = &*ROLES;
    hits.leftmost_longest(List::Roles, Span::new(0, text.len()))
        .filter(|m| bounded(text, m.span.start, m.span.end))
        .map(|m| {
            let (p, c) = &roles.entries[m.pattern];
            (m.span, p.as_str(), *c)
        })
        .collect()
}

/// A capitalized name starting at `pos` (after optional spaces): 1–4 words,
/// returned with its span.
fn name_at(text: &str, pos: usize, gaz: &[(Span, &GazEntry)]) -> Option<Span> {
    let rest = &text[pos..];
    let skip = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    if skip == 0 {
        return None;
    }
    let start = pos + skip;
    let mut end = start;
    let mut count = 0;
    let mut capitals = 0;
    let mut cursor = start;
    loop {
        let mut stop = text.len().min(cursor + 64);
        while !text.is_char_boundary(stop) {
            stop -= 1;
        }
        let Some(first) = segment::word_spans(text, Span::new(cursor, stop)).next() else { break };
        if first.start != cursor {
            break;
        }
        let mut word = &text[first.start..first.end];
        // "Netanyahu's": the possessive ends the name.
        let possessive = word.ends_with("'s");
        if possessive {
            word = &word[..word.len() - 2];
        }
        let lower_prefix = word.split('-').next().unwrap_or("");
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let particle = WORDS.name_particle.has(lower_prefix)
            && (word.contains('-') || text[first.end..].starts_with(' '));
        if !(capital || particle) || (count == 0 && NOT_NAMES.contains(word)) {
            break;
        }
        // "Defence Minister Israel Katz": a first name spelled like a
        // country still opens a name when a surname follows.
        if capital
            && gaz_starts_at(gaz, first.start)
            && !(count == 0 && !possessive && surname_follows(text, first.end, gaz))
        {
            break;
        }
        if capital && role_starts_with(word) && count == 0 {
            break;
        }
        if capital {
            capitals += 1;
        }
        count += 1;
        end = first.start + word.len();
        if capitals == 4 || count == 6 || possessive {
            break;
        }
        // Continue only across one plain space.
        if text[end..].starts_with(' ') {
            cursor = end + 1;
        } else {
            break;
        }
    }
    // A trailing particle is not part of the name.
    while end > start {
        let last = text[start..end].rsplit(' ').next().unwrap_or("");
        if WORDS.name_particle.has(last) {
            end = text[..end - last.len()].trim_end().len();
        } else {
            break;
        }
    }
    (capitals > 0 && end > start).then(|| Span::new(start, end))
}

/// True when a capitalized word that is no gazetteer name, no role and no
/// stop word follows `end` across one space, ending the sentence's name
/// there ("Israel Katz warned", not "Israel's", not "Israel and").
fn surname_follows(text: &str, end: usize, gaz: &[(Span, &GazEntry)]) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else { return false };
    let word: &str = rest.split(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
    let start = end + 1;
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
        && !NOT_NAMES.contains(word)
        && !role_starts_with(word)
        && !gaz_starts_at(gaz, start)
}

/// Where the titles stacked before role `i` start: "Qatar's Prime Minister
/// Sheikh ..." puts the office and the honorific side by side, and the
/// country before the first one belongs to the name after the last.
fn stacked_start(text: &str, roles: &[(Span, &str, RoleClass)], i: usize) -> usize {
    let mut start = roles[i].0.start;
    for r in roles[..i].iter().rev() {
        // "the Emirati Foreign Minister, Sheikh X": one comma may stand
        // between a role and the honorific that opens the name.
        let gap = text.get(r.0.end..start).unwrap_or("x");
        let spaces = gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == ',');
        if r.0.end <= start && spaces && gap.matches(',').count() <= 1 {
            start = r.0.start;
        } else {
            break;
        }
    }
    start
}

/// The first word of every role phrase, for [`role_starts_with`].
static ROLE_FIRST_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ROLES.entries.iter().filter_map(|(p, _)| p.split(' ').next()).collect());

fn role_starts_with(word: &str) -> bool {
    ROLE_FIRST_WORDS.contains(word)
}

/// The gazetteer mention right before a role ("Russian President",
/// "Lebanon's President", "the UN Secretary-General's Representative").
fn role_prefix<'a>(
    text: &str,
    role_start: usize,
    gaz: &'a [(Span, &'static GazEntry)],
) -> Option<&'a (Span, &'static GazEntry)> {
    // Up to two lower-case words may sit between ("the EU's foreign policy
    // chief").
    let mut head = text[..role_start].trim_end_matches([' ', '\u{a0}']);
    for _ in 0..3 {
        let h = head.strip_suffix("’s").or_else(|| head.strip_suffix("'s")).unwrap_or(head);
        if let Some(hit) = gaz_ending_at(gaz, h.len()) {
            return Some(hit);
        }
        let (start, word) = word_before(text, head.len())?;
        if !word.chars().all(|c| c.is_lowercase() || c == '-') {
            return None;
        }
        head = text[..start].trim_end_matches([' ', '\u{a0}']);
    }
    None
}

/// Find the people named with a role in `text`, adding them to `cast`.
pub fn find_people(text: &str, cast: &mut Cast) {
    find_people_in(text, &Scan::new(text), cast);
}

/// The gazetteer and role hits of one text, found once for both
/// [`find_people_in`] and [`find_in`], and every phrase of the event
/// stage's lists in it (one pass: [`super::lexscan`]).
pub struct Scan {
    gaz: Vec<(Span, &'static GazEntry)>,
    roles: Vec<(Span, &'static str, RoleClass)>,
    sentences: Vec<Span>,
    hits: Hits,
}

impl Scan {
    /// Scan `text`.
    pub fn new(text: &str) -> Scan {
        let hits = Hits::new(text);
        let gaz = gazetteer_hits(text, &hits);
        // What the binary searches of `gaz_starts_at` rely on.
        debug_assert!(gaz.iter().all(|(s, _)| s.start < s.end));
        debug_assert!(gaz.windows(2).all(|w| w[0].0.end <= w[1].0.start));
        let roles = role_hits(text, &hits);
        Scan { gaz, roles, sentences: segment::sentences(text), hits }
    }

    /// The text's sentences ([`segment::sentences`]), found once for the
    /// actors and the events.
    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    /// Every phrase of the event stage's lists in the text.
    pub(crate) fn hits(&self) -> &Hits {
        &self.hits
    }
}

/// [`find_people`] with the text's hits already found.
pub fn find_people_in(text: &str, scan: &Scan, cast: &mut Cast) {
    let (gaz, roles) = (&scan.gaz, &scan.roles);
    for (i, &(span, role, class)) in roles.iter().enumerate() {
        // "Army Commander, General Rodolphe Haikal": the next role owns it.
        let next_role_start = roles.get(i + 1).map(|r| r.0.start);
        let mut after = span.end;
        if text[after..].starts_with(',') {
            after += 1;
        }
        let name = name_at(text, after, gaz).filter(|n| Some(n.start) != next_role_start);
        let prefix = role_prefix(text, stacked_start(text, roles, i), gaz);
        let (name, role_text) = match name {
            Some(n) => (n, role.to_string()),
            None => match appositive_name(text, span.start, prefix.map(|p| p.0.start), gaz) {
                Some(n) => (n, role.to_string()),
                None => continue,
            },
        };
        let name_text = text[name.start..name.end].to_string();
        let role_text = match prefix {
            Some((p, e)) if e.kind == "institution" => {
                format!("{} {}", &text[p.start..p.end], role_text)
            }
            _ => role_text,
        };
        if known(&cast.people, &name_text).is_some() {
            continue;
        }
        let national = matches!(class, RoleClass::National | RoleClass::Military);
        let named_after =
            if prefix.is_none() && national { country_after(text, name.end, gaz) } else { None };
        let (code, country) = match prefix {
            Some((_, e)) => (Some(e.code.clone()), e.country.clone()),
            // "Zelensky ... sent a delegation headed by Defence Minister X",
            // "Germany promised ..., Foreign Minister X said": an office
            // with no country stated serves the sentence's first country.
            None if matches!(class, RoleClass::National | RoleClass::Military) => {
                let c = sentence_country(text, span.start, gaz, &cast.people);
                (c.clone(), c)
            }
            None => (None, None),
        };
        cast.people.push(Person {
            name: name_text,
            role: role_text,
            code,
            country,
            class,
            named_after,
            no_home: false,
        });
    }
}

/// The person called `name`, or the only one whose name opens with it
/// ("Sheikh Abdullah" after "Sheikh Abdullah bin Zayed", the honorific
/// being a role).
fn known<'a>(people: &'a [Person], name: &str) -> Option<&'a Person> {
    people.iter().find(|p| p.name == name).or_else(|| {
        let mut longer = people.iter().filter(|p| {
            p.name.len() > name.len()
                && p.name.starts_with(name)
                && p.name.as_bytes()[name.len()] == b' '
        });
        let first = longer.next()?;
        longer.next().is_none().then_some(first)
    })
}

/// The first country named (not as a place, not as an adjective) after
/// `pos` in the sentence holding it.
fn country_after(text: &str, pos: usize, gaz: &[(Span, &GazEntry)]) -> Option<String> {
    let rest = &text[pos..];
    let end =
        pos + rest.find(". ").unwrap_or(rest.len()).min(rest.find('\n').unwrap_or(rest.len()));
    gaz.iter()
        .filter(|(s, e)| s.start >= pos && s.end <= end && e.kind == "country" && !e.adjective)
        .find(|(s, _)| !is_place(text, s.start))
        .and_then(|(_, e)| e.country.clone())
}

/// The country of the first actor of the sentence holding `pos`, before
/// it: a gazetteer name that is not a place, or a known person's surname.
fn sentence_country(
    text: &str,
    pos: usize,
    gaz: &[(Span, &GazEntry)],
    people: &[Person],
) -> Option<String> {
    let start = text[..pos].rfind(". ").map_or(0, |i| i + 2);
    let start = start.max(text[..pos].rfind('\n').map_or(0, |i| i + 1));
    let from_gaz = gaz
        .iter()
        .filter(|(s, e)| s.start >= start && s.end <= pos && e.country.is_some())
        .find(|(s, _)| !is_place(text, s.start))
        .map(|(s, e)| (s.start, e.country.clone()));
    let from_people = people
        .iter()
        .filter(|p| p.country.is_some())
        .filter_map(|p| {
            let surname = p.surname()?;
            let at = text[start..pos].find(surname)? + start;
            bounded(text, at, at + surname.len()).then(|| (at, p.country.clone()))
        })
        .min_by_key(|(at, _)| *at);
    match (from_gaz, from_people) {
        (Some(g), Some(p)) => {
            if p.0 < g.0 {
                p.1
            } else {
                g.1
            }
        }
        (Some((_, c)), None) | (None, Some((_, c))) => c,
        (None, None) => None,
    }
}

/// "Name, the ... <role>": the name before an appositive role.
fn appositive_name(
    text: &str,
    role_start: usize,
    prefix_start: Option<usize>,
    gaz: &[(Span, &GazEntry)],
) -> Option<Span> {
    let mut pos = prefix_start.unwrap_or(role_start);
    let head = text[..pos].trim_end();
    let head = head
        .strip_suffix("the")
        .or_else(|| head.strip_suffix("a"))
        .or_else(|| head.strip_suffix("his"))
        .or_else(|| head.strip_suffix("her"))?;
    let head = head.trim_end().strip_suffix(',')?;
    pos = head.len();
    // Walk back over up to four capitalized words.
    let mut start = pos;
    let mut count = 0;
    while let Some((s, w)) = word_before(text, start) {
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        let particle = WORDS.name_particle.has(w.split('-').next().unwrap_or(""));
        if !(cap || particle) || NOT_NAMES.contains(w) || gaz_starts_at(gaz, s) {
            break;
        }
        start = s;
        count += 1;
        if count == 4 {
            break;
        }
    }
    (count >= 2).then(|| Span::new(start, pos))
}

/// "his", "her": a person's.
fn personal_possessive(w: &str) -> bool {
    w.eq_ignore_ascii_case("his") || w.eq_ignore_ascii_case("her")
}

/// A diplomat's title: "his counterpart" is the other side's, "her
/// ambassador" as often the host's.
fn is_diplomat(head: &str) -> bool {
    let h = head.to_lowercase();
    ["ambassador", "envoy", "chargé", "counterpart"].iter().any(|w| h.contains(w))
}

/// "His ministry summoned ...", "her government said ...": the institution
/// of the country of the person last named before it (within about three
/// sentences), as a mention of its own. `possessed` holds each
/// "his/her <head>" span (possessive included) and whether the head is
/// military; `out` is sorted by start and stays so.
fn possessive_institutions(text: &str, possessed: &[(Span, bool)], out: &mut Vec<ActorMention>) {
    let mut added = Vec::new();
    for &(span, military) in possessed {
        let before = out.partition_point(|m| m.span.start < span.start);
        let person =
            out[..before].iter().rev().take_while(|m| span.start - m.span.end < 400).find(|m| {
                m.actor.kind == "person" && m.actor.country.is_some() && m.span.end <= span.start
            });
        let Some(p) = person else { continue };
        let country = p.actor.country.clone();
        let head_start =
            text[span.start..span.end].find(' ').map_or(span.start, |i| span.start + i + 1);
        let head = &text[head_start..span.end];
        let n = country
            .as_ref()
            .and_then(|c| GAZETTEER.country_names.get(c).cloned())
            .unwrap_or_default();
        added.push(ActorMention::institution(
            span,
            format!("{n} {}", head.to_lowercase()),
            country,
            military,
        ));
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

/// A ministry, department or office, or a diplomat: a head whose country
/// an article names when it matters ("the Treasury", "the foreign
/// ministry", "the ambassador", who is as often the other side's).
fn is_office(head: &str) -> bool {
    let h = head.to_lowercase();
    ["ministry", "treasury", "department", "office", "ambassador", "envoy", "chargé", "counterpart"]
        .iter()
        .any(|w| h.contains(w))
}

/// Settle the article's home country once every text was scanned for
/// people; `texts` are the article's texts (body, captions), `place` its
/// dateline place (`PubContext::place`).
pub fn settle_home(cast: &mut Cast, texts: &[&str], place: Option<&str>) {
    settle_home_with(cast, place, |visit| {
        for t in texts {
            for (_, e) in gazetteer_hits(t, &Hits::new(t)) {
                visit(e);
            }
        }
    });
}

/// [`settle_home`] with the article's texts already scanned.
pub(crate) fn settle_home_scanned(cast: &mut Cast, scans: &[&Scan], place: Option<&str>) {
    settle_home_with(cast, place, |visit| {
        for (_, e) in scans.iter().flat_map(|s| &s.gaz) {
            visit(e);
        }
    });
}

/// [`settle_home`]; `gazetteer` calls its argument with each gazetteer
/// hit of the article's texts, in order, if the home country has to be
/// counted from them.
fn settle_home_with(
    cast: &mut Cast,
    place: Option<&str>,
    gazetteer: impl FnOnce(&mut dyn FnMut(&'static GazEntry)),
) {
    settle_home_country(cast, place, gazetteer);
    // One holder per office and country: a "President X" with no country
    // stated is not of the home country when the article already names the
    // home country's president, another person.
    let Some(home) = cast.home.clone() else { return };
    let taken: Vec<(String, String)> = cast
        .people
        .iter()
        .filter(|p| p.country.as_deref() == Some(home.as_str()))
        .map(|p| (p.name.clone(), p.role.to_lowercase()))
        .collect();
    for p in cast.people.iter_mut().filter(|p| p.country.is_none()) {
        let national = matches!(p.class, RoleClass::National | RoleClass::Military);
        let role = p.role.to_lowercase();
        if national && taken.iter().any(|(n, r)| *n != p.name && *r == role) {
            p.country = p.named_after.clone();
            p.code = p.named_after.clone();
            p.no_home = p.country.is_none();
        }
    }
}

/// The country of an article's dateline place ("LONDON", "Tel Aviv"; the
/// publication context's `place`, which ingest reads from the metadata or
/// from an agency-style dateline): a wire story's officials named by title
/// alone ("Prime Minister X") are that country's.
fn place_country(place: &str) -> Option<String> {
    // "TEL AVIV" → "Tel Aviv", the gazetteer's spelling.
    let titled: String = place
        .trim()
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| f.to_string() + &cs.as_str().to_lowercase())
        })
        .collect::<Vec<_>>()
        .join(" ");
    let hits = gazetteer_hits(&titled, &Hits::new(&titled));
    match hits.as_slice() {
        [(span, e)] if span.start == 0 && span.end == titled.len() && !e.adjective => {
            e.country.clone()
        }
        _ => None,
    }
}

fn settle_home_country(
    cast: &mut Cast,
    place: Option<&str>,
    gazetteer: impl FnOnce(&mut dyn FnMut(&'static GazEntry)),
) {
    if let Some(c) = place.and_then(place_country) {
        cast.home = Some(c);
        return;
    }
    if let Some(c) = cast.people.iter().find_map(|p| p.country.clone()) {
        cast.home = Some(c);
        return;
    }
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let mut order = 0;
    gazetteer(&mut |e| {
        if e.kind == "country" {
            if let Some(c) = &e.country {
                order += 1;
                let entry = counts.entry(c.clone()).or_insert((0, order));
                entry.0 += 1;
            }
        }
    });
    cast.home = counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(c, _)| c);
}

fn person_actor(p: &Person, home: Option<&String>) -> (Actor, Option<String>) {
    let national = matches!(p.class, RoleClass::National | RoleClass::Military);
    let country =
        p.country.clone().or_else(|| if national && !p.no_home { home.cloned() } else { None });
    let code = p.code.clone().or_else(|| country.clone());
    (
        Actor {
            name: p.name.clone(),
            kind: "person".to_string(),
            role: Some(p.role.clone()),
            country,
            part: String::new(),
            code: None,
        },
        code,
    )
}

/// Every actor mention in `text` (one of the article's texts), sorted by
/// start, not overlapping. `cast` must hold the article's people
/// ([`find_people`] over every text, then [`settle_home`]).
pub fn find(text: &str, cast: &Cast) -> Vec<ActorMention> {
    find_in(text, &Scan::new(text), cast)
}

/// `"{first} {second}"`, without the formatter (run for many mentions).
fn joined_name(first: &str, second: &str) -> String {
    let mut name = String::with_capacity(first.len() + 1 + second.len());
    name.push_str(first);
    name.push(' ');
    name.push_str(second);
    name
}

/// [`find`] with the text's hits already found.
pub fn find_in(text: &str, scan: &Scan, cast: &Cast) -> Vec<ActorMention> {
    let (gaz, roles) = (&scan.gaz, &scan.roles);
    // Mostly one mention per hit: room for them up front instead of
    // regrowing (and copying) a vector of large mentions.
    let mut out: Vec<ActorMention> = Vec::with_capacity(gaz.len() + roles.len() + 8);
    let home = cast.home.as_ref();

    // People named with a role, and "the <role>" back-references.
    for (i, &(span, role, _)) in roles.iter().enumerate() {
        let next_role_start = roles.get(i + 1).map(|r| r.0.start);
        let mut after = span.end;
        if text[after..].starts_with(',') {
            after += 1;
        }
        let prefix = role_prefix(text, stacked_start(text, roles, i), gaz);
        let start = prefix.map(|p| p.0.start).unwrap_or(span.start);
        if let Some(name) = name_at(text, after, gaz).filter(|n| Some(n.start) != next_role_start) {
            let name_text = &text[name.start..name.end];
            if let Some(p) = known(&cast.people, name_text) {
                let (actor, code) = person_actor(p, home);
                out.push(ActorMention {
                    span: Span::new(start, name.end),
                    actor,
                    code,
                    place: false,
                    military: p.military(),
                    adjective: false,
                    also: None,
                });
                continue;
            }
        }
        if let Some(name) = appositive_name(text, span.start, prefix.map(|p| p.0.start), gaz) {
            let name_text = &text[name.start..name.end];
            if let Some(p) = known(&cast.people, name_text) {
                let (actor, code) = person_actor(p, home);
                out.push(ActorMention {
                    span: Span::new(name.start, span.end),
                    actor,
                    code,
                    place: false,
                    military: p.military(),
                    adjective: false,
                    also: None,
                });
                continue;
            }
        }
        // "the Prime Minister": the last person with that role.
        let definite = word_before(text, span.start)
            .is_some_and(|(_, w)| w.eq_ignore_ascii_case("the"))
            && prefix.is_none();
        if definite {
            let lower = role.to_lowercase();
            if let Some(p) = cast.people.iter().rev().find(|p| p.role.to_lowercase() == lower) {
                let (actor, code) = person_actor(p, home);
                out.push(ActorMention {
                    span,
                    actor,
                    code,
                    place: false,
                    military: p.military(),
                    adjective: false,
                    also: None,
                });
            }
        }
    }

    // Gazetteer hits not inside a person mention, extended by head nouns.
    // (From here on, each mention's span is also kept in `taken`, for the
    // overlap tests.)
    let mut taken = Taken::default();
    for m in &out {
        taken.add(m.span);
    }
    let heads = &*HEADS;
    for (span, e) in gaz {
        if taken.overlaps(span) {
            continue;
        }
        if text[span.end..].starts_with(' ')
            && WORDS.document_word.iter().any(|w| text[span.end + 1..].starts_with(w))
        {
            continue;
        }
        let mut end = span.end;
        let mut name = e.name.clone();
        let mut kind = e.kind;
        let mut military = false;
        if e.kind == "country" || e.kind == "organization" {
            let rest = &text[end..];
            let gap = if rest.starts_with(' ') {
                1
            } else if rest.starts_with("’s ") {
                "’s ".len()
            } else if rest.starts_with("'s ") {
                3
            } else {
                0
            };
            if gap > 0 {
                // Only the next few words can hold the head noun.
                let mut stop = (end + gap + 32).min(text.len());
                while !text.is_char_boundary(stop) {
                    stop -= 1;
                }
                // Anchored: only a head right at the start counts.
                let window = Input::new(&text[end + gap..stop]).anchored(Anchored::Yes);
                if let Some(m) = heads.matcher.find(window) {
                    let (hs, he) = (end + gap + m.start(), end + gap + m.end());
                    // "EU diplomats said": an organization's unnamed staff
                    // (the anonymous sources of a report) are its own
                    // institution; its other heads are its bodies.
                    let staff = e.kind == "country"
                        || WORDS.org_staff.has(&segment::Lower::of(&text[hs..he]));
                    if m.start() == 0 && bounded(text, hs, he) && staff {
                        military = heads.military[m.pattern().as_usize()];
                        name = joined_name(&e.name, &text[hs..he]);
                        kind = "institution";
                        end = he;
                    }
                }
            }
        }
        let place = is_place(text, span.start);
        let adjective = e.adjective && kind == "country";
        taken.add(Span::new(span.start, end));
        out.push(ActorMention {
            span: Span::new(span.start, end),
            actor: Actor {
                name,
                kind: kind.to_string(),
                role: None,
                country: e.country.clone(),
                part: String::new(),
                code: None,
            },
            code: Some(e.code.clone()),
            place,
            military,
            adjective,
            also: None,
        });
    }

    // "the (previous) government": the home country's institution; "his
    // ministry", "her government": the person's (settled below, once the
    // people's short mentions are known).
    let mut possessed: Vec<(Span, bool)> = Vec::new();
    {
        for m in scan.hits.leftmost_longest(List::Heads, Span::new(0, text.len())) {
            let span = m.span;
            if !bounded(text, span.start, span.end) || taken.overlaps(&span) {
                continue;
            }
            let Some((ws, w)) = word_before(text, span.start) else { continue };
            if personal_possessive(w) && !is_diplomat(&text[span.start..span.end]) {
                possessed.push((Span::new(ws, span.end), heads.military[m.pattern]));
                continue;
            }
            let Some(home) = home else { continue };
            let start = if w.eq_ignore_ascii_case("the") {
                ws
            } else if w.chars().all(|c| c.is_lowercase())
                && word_before(text, ws).is_some_and(|(_, t)| t.eq_ignore_ascii_case("the"))
            {
                word_before(text, ws).map(|(s, _)| s).unwrap_or(ws)
            } else {
                continue;
            };
            // "the authorities in Lima", "the governments of Mali and
            // Chad": the place or country after says whose.
            let owned = [" in ", " of "]
                .iter()
                .any(|p| text[span.end..].starts_with(p) && gaz_starts_at(gaz, span.end + 4));
            if owned {
                continue;
            }
            let head = &text[span.start..span.end];
            // "Chile's Foreign Ministry ... the foreign ministry": an earlier
            // mention says whose; a ministry, department or office nobody
            // has named the country of stays without one (the home country
            // is a guess, good enough for "the government" and "the army"
            // only).
            let earlier = out.iter().rev().find(|o| {
                o.span.end <= span.start
                    && o.actor.kind == "institution"
                    && o.actor.name.to_lowercase().ends_with(&head.to_lowercase())
            });
            // "The Chilean military said ... The army told ...": an earlier
            // armed force of a country says whose "the army" is.
            let military = heads.military[m.pattern];
            let kin = || {
                out.iter().rev().find(|o| {
                    military && o.military && o.span.end <= span.start && o.actor.country.is_some()
                })
            };
            let country = match earlier.or_else(kin) {
                Some(o) => o.actor.country.clone(),
                None if is_office(head) => None,
                None => Some(home.clone()),
            };
            let name = match &country {
                Some(c) => {
                    let n = GAZETTEER.country_names.get(c).unwrap_or(c);
                    joined_name(n, head)
                }
                None => head.to_string(),
            };
            taken.add(Span::new(start, span.end));
            out.push(ActorMention::institution(
                Span::new(start, span.end),
                name,
                country,
                heads.military[m.pattern],
            ));
        }
    }

    // Surnames of known people, and the first word of a name where the
    // family name comes first ("Xi" for "Xi Jinping", "Wang" for "Wang
    // Yi"), when no one else's name starts with it.
    for p in &cast.people {
        // "Kim Jong Un": a last word too short to be a surname on its own
        // still leaves the family name written first.
        let surname = p.surname();
        if surname.is_none() && !p.name.contains(' ') {
            continue;
        }
        let (actor, code) = person_actor(p, home);
        let family_first = p.name.split(' ').next().filter(|f| {
            // Family names written first are short ("Xi", "Wang", "Kim"):
            // longer first words are given names, not worth a scan.
            p.name.contains(' ')
                && (2..=5).contains(&f.len())
                && f.chars().next().is_some_and(char::is_uppercase)
                && !WORDS.name_particle.has(&f.to_lowercase())
                && cast.people.iter().filter(|q| q.name.split(' ').next() == Some(*f)).count() == 1
        });
        let family = family_first.into_iter().flat_map(|f| occurrences(text, f));
        // "Sheikh Abdullah" for "Sheikh Abdullah bin Zayed Al Nahyan": the
        // first two capitalized words of a long name, when no one else's
        // name starts with them.
        let words: Vec<&str> = p.name.split(' ').collect();
        let opening = (words.len() >= 3
            && words[..2].iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)))
        .then(|| &p.name[..words[0].len() + 1 + words[1].len()])
        .filter(|o| cast.people.iter().filter(|q| q.name.starts_with(*o)).count() == 1);
        let opening = opening.into_iter().flat_map(|o| occurrences(text, o));
        let own = surname
            .into_iter()
            .flat_map(|s| occurrences(text, s).chain(capitalized_matches(text, s)));
        for (i, w) in opening.chain(own).chain(family) {
            let span = Span::new(i, i + w.len());
            if !bounded(text, span.start, span.end) || taken.overlaps(&span) {
                continue;
            }
            taken.add(span);
            out.push(ActorMention {
                span,
                actor: actor.clone(),
                code: code.clone(),
                place: false,
                military: p.military(),
                adjective: false,
                also: None,
            });
        }
    }
    group_mentions(text, &scan.hits, &taken, &mut out);
    out.sort_by_key(|m| (m.span.start, m.span.end));
    resolve_pronouns(text, &scan.sentences, &mut out);
    if !possessed.is_empty() {
        possessive_institutions(text, &possessed, &mut out);
    }
    for m in &mut out {
        m.actor.code = m.code.clone();
    }
    out
}

/// The spans of the mentions found so far, for [`Taken::overlaps`]: kept
/// sorted by start, with the length of the longest, so that a test looks
/// only at the spans that start close enough before it to reach it, not
/// at every mention of the text.
#[derive(Debug, Default)]
struct Taken {
    spans: Vec<Span>,
    longest: usize,
}

impl Taken {
    fn add(&mut self, span: Span) {
        let at = self.spans.partition_point(|s| s.start <= span.start);
        self.spans.insert(at, span);
        self.longest = self.longest.max(span.len());
    }

    /// Whether `span` overlaps ([`Span::overlaps`]) any span added.
    fn overlaps(&self, span: &Span) -> bool {
        // A span starting `longest` bytes or more before `span` ends before it.
        let from = self.spans.partition_point(|s| s.start + self.longest <= span.start);
        self.spans[from..].iter().take_while(|s| s.start < span.end).any(|s| s.overlaps(span))
    }
}

/// What `text.match_indices(needle)` gives (left to right, not
/// overlapping), found by looking for the needle's first byte (a
/// vectorized `memchr`) and comparing the rest there: the names of an
/// article's people are looked for in every text of it.
fn occurrences<'a>(text: &'a str, needle: &str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let first = needle.as_bytes().first().copied();
    let needle_len = needle.len();
    let needle = needle.to_string();
    let mut pos = 0;
    std::iter::from_fn(move || {
        // An empty needle matches everywhere: no name is empty, but keep
        // the definition.
        let Some(first) = first else {
            let at = pos;
            if at > text.len() {
                return None;
            }
            pos = text[at..].chars().next().map_or(text.len() + 1, |c| at + c.len_utf8());
            return Some((at, &text[at..at]));
        };
        // The first byte of a UTF-8 needle is ASCII or a lead byte, which
        // only ever starts a character: every candidate is a char boundary.
        let b = text.as_bytes();
        loop {
            let at = pos + memchr::memchr(first, b.get(pos..)?)?;
            if b[at..].starts_with(needle.as_bytes()) {
                pos = at + needle_len;
                return Some((at, &text[at..at + needle_len]));
            }
            pos = at + 1;
        }
    })
}

/// Occurrences of `surname` with its first letter upper-cased
/// ("Al-Sharaa" for "al-Sharaa").
fn capitalized_matches<'a>(
    text: &'a str,
    surname: &str,
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let mut chars = surname.chars();
    let cap: String = match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => String::new(),
    };
    let found: Vec<(usize, &'a str)> =
        if cap.is_empty() { Vec::new() } else { occurrences(text, cap.as_str()).collect() };
    found.into_iter()
}

fn is_place(text: &str, start: usize) -> bool {
    let mut pos = start;
    let mut hops = 0;
    while let Some((s, w)) = word_before(text, pos) {
        let lw = segment::Lower::of(w);
        if WORDS.place_preposition.has(lw.as_str()) {
            // "the authorities in Damascus", "officials in Kyiv": the
            // capital names whose authorities they are.
            let owner = word_before(text, s).is_some_and(|(_, o)| is_head(&segment::Lower::of(o)));
            return !(lw == "in" && owner && hops == 0);
        }
        if WORDS.direction.has(lw.as_str()) || lw == "the" {
            pos = s;
            hops += 1;
            if hops > 2 {
                return false;
            }
            continue;
        }
        return false;
    }
    false
}

/// The words "he", "He", "she" and "She" of `text[sentence]`, in order
/// (as [`segment::word_spans`] would give them): found from the "he" in
/// each, without scanning every word.
fn pronouns(text: &str, sentence: Span) -> impl Iterator<Item = Span> + '_ {
    let b = text.as_bytes();
    // Each "h" or "H" followed by "e", found by a vectorized search for the
    // "h" rather than a test of every byte.
    let last = sentence.end.saturating_sub(1).max(sentence.start);
    memchr::memchr2_iter(b'h', b'H', &b[sentence.start..last]).filter_map(move |k| {
        let p = sentence.start + k;
        if b[p + 1] != b'e' {
            return None;
        }
        // "she", "She": the "he" ends it.
        let a = if b[p] == b'h' && p > sentence.start && matches!(b[p - 1], b's' | b'S') {
            p - 1
        } else {
            p
        };
        // (After any other "s" the "he" is no word either.)
        segment::is_ascii_word_at(text, sentence, a, p + 2).then(|| Span::new(a, p + 2))
    })
}

/// Resolve subject pronouns ("he", "she") to people, adding mentions.
fn resolve_pronouns(text: &str, sentences: &[Span], out: &mut Vec<ActorMention>) {
    let mut added = Vec::new();
    let mut last_people: Vec<&ActorMention> = Vec::new();
    // `out` is sorted by start: the mentions inside a sentence start in it.
    for s in sentences {
        let from = out.partition_point(|m| m.span.start < s.start);
        let in_sentence: Vec<&ActorMention> = out[from..]
            .iter()
            .take_while(|m| m.span.start <= s.end)
            .filter(|m| m.span.start >= s.start && m.span.end <= s.end && m.actor.kind == "person")
            .collect();
        // With no person in this sentence nor before it, no pronoun here
        // can be resolved: skip the word scan.
        if in_sentence.is_empty() && last_people.is_empty() {
            continue;
        }
        for w in pronouns(text, *s) {
            let earlier: Vec<&&ActorMention> =
                in_sentence.iter().filter(|m| m.span.end <= w.start).collect();
            let target = if let Some(first) = earlier.first() {
                Some(**first)
            } else {
                let mut names: Vec<&str> =
                    last_people.iter().map(|m| m.actor.name.as_str()).collect();
                names.sort_unstable();
                names.dedup();
                (names.len() == 1).then(|| last_people[0])
            };
            if let Some(t) = target {
                let mut m = t.clone();
                m.span = w;
                added.push(m);
            }
        }
        if !in_sentence.is_empty() {
            last_people = in_sentence;
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn occurrences_are_match_indices(t in "[aAbé’ -]{0,30}", n in "[aAbé’-]{0,3}") {
            let got: Vec<(usize, &str)> = occurrences(&t, &n).collect();
            let want: Vec<(usize, &str)> = t.match_indices(n.as_str()).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// [`pronouns`] as it was written before the vectorized search: a test
    /// of every byte.
    fn pronouns_by_bytes(text: &str, sentence: Span) -> Vec<Span> {
        let b = text.as_bytes();
        (sentence.start..sentence.end.saturating_sub(1))
            .filter_map(|p| {
                if b[p + 1] != b'e' || !matches!(b[p], b'h' | b'H') {
                    return None;
                }
                let a = if b[p] == b'h' && p > sentence.start && matches!(b[p - 1], b's' | b'S') {
                    p - 1
                } else {
                    p
                };
                segment::is_ascii_word_at(text, sentence, a, p + 2).then(|| Span::new(a, p + 2))
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn pronouns_are_found_as_by_testing_every_byte(
            t in "[hHesSé’ .-]{0,30}",
            cut in (0usize..40, 0usize..40),
        ) {
            let mut a = cut.0.min(t.len());
            let mut b = cut.1.min(t.len());
            if a > b { std::mem::swap(&mut a, &mut b); }
            while !t.is_char_boundary(a) { a -= 1; }
            while !t.is_char_boundary(b) { b += 1; }
            let s = Span::new(a, b);
            proptest::prop_assert_eq!(pronouns(&t, s).collect::<Vec<_>>(), pronouns_by_bytes(&t, s));
        }

        #[test]
        fn taken_overlaps_as_a_scan_of_every_span(
            spans in proptest::collection::vec((0usize..60, 0usize..12), 0..20),
            probe in (0usize..70, 0usize..12),
        ) {
            let spans: Vec<Span> = spans.iter().map(|&(s, l)| Span::new(s, s + l)).collect();
            let mut taken = Taken::default();
            for (i, s) in spans.iter().enumerate() {
                taken.add(*s);
                let q = Span::new(probe.0, probe.0 + probe.1);
                let want = spans[..=i].iter().any(|t| t.overlaps(&q));
                proptest::prop_assert_eq!(taken.overlaps(&q), want);
            }
        }
    }

    fn cast_of(text: &str) -> Cast {
        let mut cast = Cast::default();
        find_people(text, &mut cast);
        settle_home(&mut cast, &[text], None);
        cast
    }

    fn names(text: &str) -> Vec<(String, String, Option<String>)> {
        let cast = cast_of(text);
        find(text, &cast)
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.actor.name, m.code))
            .collect()
    }

    #[test]
    fn data_files_load() {
        assert!(GAZETTEER.entries.len() > 300);
        assert!(ROLES.entries.len() > 30);
        assert!(!HEADS.military.is_empty());
        assert!(GROUP_NOUNS.resolves_to.iter().any(Option::is_none));
        assert!(NOT_NAMES.contains("Thursday") && NOT_NAMES.contains("The"));
    }

    #[test]
    fn an_office_the_home_country_already_fills_is_not_the_home_countrys() {
        let t = "Chilean President Ana Ruiz met the envoys. President Jean Morel warned that \
                 France would respond. Prime Minister Luis Vega said the talks went well.";
        let n = names(t);
        let code_of = |who: &str| n.iter().find(|(_, name, _)| name == who).unwrap().2.clone();
        assert_eq!(code_of("Ana Ruiz").as_deref(), Some("CHL"));
        // Chile has its president: the second one is France's, named after him.
        assert_eq!(code_of("Jean Morel").as_deref(), Some("FRA"), "{n:?}");
        // No one else is Chile's prime minister: the home country stays.
        assert_eq!(code_of("Luis Vega").as_deref(), Some("CHL"), "{n:?}");
        // Nothing names his country: none rather than the home country.
        let n = names("Chilean President Ana Ruiz met the envoys. President Jean Morel warned.");
        assert_eq!(n.iter().find(|(_, name, _)| name == "Jean Morel").unwrap().2, None, "{n:?}");
    }

    #[test]
    fn group_nouns_are_generic_or_resolve_to_their_antecedent() {
        let n =
            names("Donors met in Geneva. Jordan accused Hamas of a raid, which the group denied.");
        assert!(n
            .iter()
            .any(|(s, name, code)| s == "Donors" && name == "donors" && code.is_none()));
        assert!(n.iter().any(|(s, name, _)| s == "the group" && name == "Hamas"));
        // No antecedent of the right kind: no actor.
        let n = names("The group met in Geneva.");
        assert!(!n.iter().any(|(s, _, _)| s == "The group"));
    }

    #[test]
    fn people_by_role_with_country_prefix() {
        let t = "Tunisian Foreign Minister Amal Karoui met Omani envoy Said Harthi in Muscat.";
        let cast = cast_of(t);
        let people: Vec<_> =
            cast.people.iter().map(|p| (p.name.as_str(), p.country.as_deref())).collect();
        assert_eq!(people, vec![("Amal Karoui", Some("TUN")), ("Said Harthi", Some("OMN"))]);
        let found = names(t);
        assert_eq!(found[0].0, "Tunisian Foreign Minister Amal Karoui");
        assert_eq!(found[1].0, "Omani envoy Said Harthi");
        let muscat = find(t, &cast).into_iter().last().unwrap();
        assert!(muscat.place, "`in Muscat` is a place");
    }

    #[test]
    fn metonym_role_and_surname_coreference() {
        let t = "Kremlin spokesman Yuri Belov said so. Later Belov added more.";
        let found = names(t);
        assert_eq!(
            found[0],
            ("Kremlin spokesman Yuri Belov".into(), "Yuri Belov".into(), Some("RUS".into()))
        );
        assert_eq!(found[1], ("Belov".into(), "Yuri Belov".into(), Some("RUS".into())));
    }

    #[test]
    fn national_office_without_country_takes_home_country() {
        let t = "Chilean President Ana Ruiz spoke. Prime Minister Luis Vera, asked for calm. \
                 The Prime Minister also called the army chief, General Tomas Paz.";
        let found = names(t);
        let vera: Vec<_> = found.iter().filter(|f| f.1 == "Luis Vera").collect();
        assert_eq!(vera.len(), 2, "{found:?}");
        assert!(vera.iter().all(|f| f.2.as_deref() == Some("CHL")));
        assert!(found.iter().any(|f| f.1 == "Tomas Paz" && f.2.as_deref() == Some("CHL")));
    }

    #[test]
    fn pronoun_links_to_the_only_person_of_the_previous_sentence() {
        let t = "Egyptian President Omar Said left. He then spoke.";
        let found = names(t);
        assert!(found.iter().any(|f| f.0 == "He" && f.1 == "Omar Said"), "{found:?}");
        let t2 = "Egyptian President Omar Said met Jordanian King Karim Nour. He then spoke.";
        assert!(!names(t2).iter().any(|f| f.0 == "He"), "ambiguous he stays unresolved");
    }

    #[test]
    fn demonym_with_head_noun_and_document_names() {
        let t = "Israeli artillery hit targets, violating UN Security Council Resolution 1701, \
                 the Lebanese military said.";
        let found = names(t);
        assert_eq!(found[0].0, "Israeli artillery");
        assert_eq!(found[0].2.as_deref(), Some("ISR"));
        assert!(!found.iter().any(|f| f.2.as_deref() == Some("UN")), "{found:?}");
        assert!(found.iter().any(|f| f.0 == "Lebanese military"));
    }

    #[test]
    fn appositive_role_names_a_person() {
        let t = "Jordan's envoy met Maria Lopez Vidal, the UN Special Coordinator for Peace.";
        let cast = cast_of(t);
        assert!(cast
            .people
            .iter()
            .any(|p| p.name == "Maria Lopez Vidal" && p.code.as_deref() == Some("UN")));
    }

    #[test]
    fn stacked_titles_and_first_names_spelled_like_countries() {
        let t = "Oman's Prime Minister Sheikh Khalid bin Saud Al Harthi met Egyptian Defence \
                 Minister Jordan Hale, who warned Libya.";
        let cast = cast_of(t);
        let people: Vec<_> =
            cast.people.iter().map(|p| (p.name.as_str(), p.code.as_deref())).collect();
        assert!(people.contains(&("Khalid bin Saud Al Harthi", Some("OMN"))), "{people:?}");
        assert!(people.contains(&("Jordan Hale", Some("EGY"))), "{people:?}");
        // "Jordan" inside the name is no mention of Jordan.
        assert!(!names(t).iter().any(|f| f.2.as_deref() == Some("JOR")), "{:?}", names(t));
    }

    #[test]
    fn his_ministry_is_the_last_named_persons_countrys() {
        let t = "Chilean Foreign Minister Ana Rojas called the raid unacceptable. \
                 Her ministry summoned the Peruvian ambassador.";
        let found = names(t);
        assert!(
            found.iter().any(|f| f.0 == "Her ministry" && f.2.as_deref() == Some("CHL")),
            "{found:?}"
        );
        // No person named before: no actor.
        let t = "His ministry summoned the Peruvian ambassador.";
        assert!(!names(t).iter().any(|f| f.0.contains("ministry")), "{:?}", names(t));
        // "his counterpart" is the other side's.
        let t = "Chilean Foreign Minister Ana Rojas met her counterpart in Lima.";
        assert!(!names(t)
            .iter()
            .any(|f| f.0.contains("counterpart") && f.2.as_deref() == Some("CHL")));
    }
}
