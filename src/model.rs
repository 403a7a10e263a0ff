/*!
The shared data model: every stage of the pipeline takes and returns these
serde types, so each stage's output can be dumped as JSON and tested alone.

Terms used throughout the crate, defined once here:

- **span**: a half-open byte range `start..end` into a text; `&text[start..end]`
  is always the reported text and both ends lie on char boundaries.
- **publication context** ([`PubContext`]): when, where and by whom an
  article was published. It is the anchor for deictic expressions
  ("Thursday", "last week"). dateline never reads the clock: without a
  publication date, relative expressions stay unresolved.
- **interval** ([`Interval`]): the inclusive range of calendar days an
  expression or event covers ("the end of January 2025" covers
  2025-01-21..=2025-01-31).
- **precision** ([`Precision`]): the grain of a date (day, week, month, ...).
- **anchor** ([`Anchor`]): what a relative expression was counted from.
- **rule**: the name of the rule that produced a value, so a user can see
  why a date was chosen.
*/

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The same span moved `by` bytes to the right.
    pub fn shifted(&self, by: usize) -> Span {
        Span { start: self.start + by, end: self.end + by }
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// An inclusive range of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Interval {
    /// First day covered.
    pub start: NaiveDate,
    /// Last day covered (inclusive).
    pub end: NaiveDate,
}

impl Interval {
    /// An interval covering one day.
    pub fn day(d: NaiveDate) -> Self {
        Interval { start: d, end: d }
    }

    /// True when `d` lies inside the interval.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// True when the two intervals share a day.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// The grain of a date, finest first. The order is meaningful: a coarser
/// precision compares greater.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A clock time ("10 a.m.").
    Minute,
    /// An hour or a part of a day ("Thursday morning").
    Hour,
    /// One calendar day.
    Day,
    /// A calendar week or weekend.
    Week,
    /// A calendar month, or a part of one ("the end of January").
    Month,
    /// A quarter of a year.
    Quarter,
    /// A season.
    Season,
    /// A half of a year.
    Half,
    /// A calendar year.
    Year,
    /// A decade ("the 1990s").
    Decade,
    /// A century.
    Century,
    /// Not a point in time (durations, sets) or not resolvable.
    None,
}

impl Precision {
    /// The lower-case name used in CSV and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Minute => "minute",
            Precision::Hour => "hour",
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Half => "half",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
            Precision::None => "none",
        }
    }
}

/// TIMEX3 `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day or part of a day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling (`DATE`, `TIME`, `DURATION`, `SET`).
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What a relative expression was counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// Fully stated in the text ("17 January 2025").
    Explicit,
    /// Counted from the publication date ("Thursday", "last week").
    Publication,
    /// Counted from the last date mentioned before it ("two days later").
    PreviousMention,
    /// Nothing to count from (no publication date, or not a point in time).
    None,
}

/// Which way an underspecified expression was resolved, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The latest match on or before the anchor (past tense or past cue).
    Past,
    /// The first match after the anchor (future tense or cue).
    Future,
    /// The nearest match (no sign in the sentence; the documented default).
    Nearest,
}

/// One temporal expression found in a text, with its resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte span in the tagged text.
    pub span: Span,
    /// `&text[span]`.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub ttype: TimexType,
    /// TIMEX3 value (`2025-03-13`, `2025-W11`, `P1Y`, `XXXX-WXX-4`, ...).
    pub value: String,
    /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, ...).
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// TIMEX3 `quant` for sets ("every", "each").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quant: Option<String>,
    /// TIMEX3 `freq` for sets ("twice a week" → `2X`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    /// Inclusive calendar-day interval, when the expression denotes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// Grain of the value.
    pub precision: Precision,
    /// What the value was counted from.
    pub anchor: Anchor,
    /// Direction chosen for an underspecified expression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// Name of the rule that produced the value.
    pub rule: String,
    /// Why the expression is unresolved, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Timex {
    /// True when the value still holds `X` placeholders.
    pub fn is_unresolved(&self) -> bool {
        self.value.contains('X') && !self.value.starts_with('P')
    }
}

/// When, where and by whom an article was published.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PubContext {
    /// Publication day, in the publisher's own zone when one is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Publication time of day (`HH:MM[:SS]`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<chrono::NaiveTime>,
    /// UTC offset in seconds east, when known (kept as given, never
    /// converted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset: Option<i32>,
    /// Source name ("Reuters", "Asharq Al-Awsat").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Article URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Dateline place ("BEIRUT").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// A photo caption, kept apart from the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    /// Caption text, once.
    pub text: String,
    /// The caption's own date (a photo-agency filing line), when it states
    /// one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

/// Where an article came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// Input file (`-` for standard input).
    pub file: String,
    /// 0-based position of the article inside that file.
    pub index: usize,
    /// 1-based line where the article starts, when the format has lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something worth knowing; output is still right.
    Warning,
    /// Input was lost or skipped.
    Error,
}

/// A problem found while reading or processing input, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// File concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based line, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Field concerned (`published`, `text`, ...), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Human-readable message.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{sev}: ")?;
        if let Some(file) = &self.file {
            write!(f, "{file}")?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            write!(f, ": ")?;
        }
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// One news article as dateline read it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: derived from the URL, or from the file and position;
    /// never from run order.
    pub id: String,
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// Body paragraphs, in order. The article text that spans index is
    /// these joined with a blank line (see [`Article::text`]).
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Photo captions, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub captions: Vec<Caption>,
    /// Publication context.
    #[serde(default)]
    pub context: PubContext,
    /// Where it came from.
    #[serde(default)]
    pub origin: Origin,
    /// Problems found in this article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// The separator between paragraphs in [`Article::text`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

impl Article {
    /// The body text: paragraphs joined by [`PARAGRAPH_SEPARATOR`]. Event and
    /// date spans of the body index this string.
    pub fn text(&self) -> String {
        self.paragraphs.join(PARAGRAPH_SEPARATOR)
    }
}

/// How an event got its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateAnchor {
    /// A full date stated in the event's own clause ("17 January 2025").
    Explicit,
    /// A relative expression in the event's own clause, counted from the
    /// publication date ("announced on Thursday").
    Publication,
    /// A relative expression in the event's own clause, counted from an
    /// earlier date in the text ("two days later").
    PreviousMention,
    /// No date in its own clause: taken from the report's context (an
    /// earlier sentence or the lead). Lower confidence.
    Inherited,
    /// No date anywhere near it: the publication date, as a fallback.
    PublicationFallback,
    /// No date at all (no publication date either).
    None,
}

impl DateAnchor {
    /// The snake_case name used in CSV and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            DateAnchor::Explicit => "explicit",
            DateAnchor::Publication => "publication",
            DateAnchor::PreviousMention => "previous_mention",
            DateAnchor::Inherited => "inherited",
            DateAnchor::PublicationFallback => "publication_fallback",
            DateAnchor::None => "none",
        }
    }
}

/// The date an event was given, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    /// TIMEX3 value (`2025-03-13`, `2025-01`).
    pub value: String,
    /// TIMEX3 mod (`END` for "the end of January").
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// Inclusive interval of days, when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// Grain.
    pub precision: Precision,
    /// The date expression as written ("Thursday"), empty for a fallback.
    pub text: String,
    /// Span of the date expression in the article text, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// How the date was attached.
    pub anchor: DateAnchor,
    /// The rule chain that decided it (tagger rule, then attachment rule).
    pub rule: String,
    /// 0..=1: how sure dateline is of this date.
    pub confidence: f32,
}

/// Whether the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// Reported as having happened.
    Occurred,
    /// Planned or announced for the future ("will meet next week").
    Scheduled,
    /// Possible, conditional or demanded ("could strike").
    Hypothetical,
    /// Said not to have happened ("did not meet").
    Negated,
}

impl EventStatus {
    /// The snake_case name used in CSV and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventStatus::Occurred => "occurred",
            EventStatus::Scheduled => "scheduled",
            EventStatus::Hypothetical => "hypothetical",
            EventStatus::Negated => "negated",
        }
    }
}

/// A participant in an event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name ("Vladimir Putin", "Russia", "United Nations").
    pub name: String,
    /// Kind: `person`, `country`, `organization`, `armed_group`,
    /// `institution` (metonyms such as "the Kremlin"), `group` (a collective
    /// common noun with no country: "donors", "mediators").
    pub kind: String,
    /// Role, for people ("President", "Kremlin spokesman").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// ISO 3166 alpha-3 code of the country the actor belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Actor code used in event ids: the ISO alpha-3 code for countries,
    /// their institutions and people, the organization id ("UN", "NATO",
    /// "HEZBOLLAH") for organizations and armed groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `source` (who acts), `target` (acted upon) or `other`.
    pub part: String,
}

/// Where a report of an event came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SourceRef {
    /// Article id.
    pub article_id: String,
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// URL, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Source name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Publication day, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
}

/// One event mention extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id of the event (see the timeline module for the key).
    pub event_id: String,
    /// Id of this mention: article id + span + event id, hashed.
    pub mention_id: String,
    /// PLOVER category or `STATEMENT`.
    pub event_type: String,
    /// Mode within the category (`visit`, `meeting`, `phone_call`,
    /// `message`, `multilateral`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Occurred, scheduled, hypothetical or negated.
    pub status: EventStatus,
    /// Participants.
    pub actors: Vec<Actor>,
    /// Where it happened, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// A short generated summary ("Vladimir Putin sent a message to Ahmad
    /// al-Sharaa").
    pub summary: String,
    /// The trigger word or phrase as written.
    pub trigger: String,
    /// The sentence the event came from.
    pub evidence: String,
    /// Span of the sentence in the article text (or caption text).
    pub span: Span,
    /// True when the event came from a photo caption.
    #[serde(default)]
    pub in_caption: bool,
    /// The event's date and why.
    pub date: EventDate,
    /// The article reporting it.
    pub source: SourceRef,
}

/// A source's report of a timeline entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Mention id (unique per article span and event).
    pub mention_id: String,
    /// The article.
    pub source: SourceRef,
    /// The sentence in that article.
    pub evidence: String,
    /// Span of that sentence.
    pub span: Span,
    /// The date this source gave the event.
    pub date: EventDate,
    /// The event's status in this source.
    #[serde(default = "default_status", skip_serializing_if = "is_occurred")]
    pub status: EventStatus,
    /// The participants as this source named them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// Where it happened, as this source said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// This source's summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// The trigger word or phrase in this source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub trigger: String,
    /// True when this source reported it in a photo caption.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_caption: bool,
}

fn default_status() -> EventStatus {
    EventStatus::Occurred
}

fn is_occurred(s: &EventStatus) -> bool {
    *s == EventStatus::Occurred
}

/// A date alternative when sources disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateAlternative {
    /// TIMEX3 value given by the disagreeing sources.
    pub value: String,
    /// Its interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// How many mentions gave it.
    pub support: usize,
}

/// One event on the timeline: the merge of every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Stable id.
    pub event_id: String,
    /// The best-supported representative mention's event data.
    pub event: Event,
    /// Every mention, ordered by mention id.
    pub mentions: Vec<Mention>,
    /// Other dates sources gave, when they disagree.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub date_conflict: Vec<DateAlternative>,
}
