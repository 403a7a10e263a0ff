//! Test support for the export tests: a builder for realistic timeline
//! entries, a fixed set of them covering every case the outputs must show
//! (day points, month spans, "end of January", week spans, inherited and
//! fallback dates, several sources, a date conflict, scheduled,
//! hypothetical and negated events, an undated entry, text that needs CSV
//! quoting), and a generator of many entries for performance runs.
//!
//! The articles quoted here are invented for these tests.

#![allow(dead_code)]

#[path = "../support/golden.rs"]
mod golden;

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use dateline::model::{
    Actor, DateAlternative, DateAnchor, Event, EventDate, EventStatus, Interval, Mention,
    Precision, SourceRef, Span, TimelineEntry,
};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn last_day(y: i32, m: u32) -> NaiveDate {
    let next = if m == 12 { d(y + 1, 1, 1) } else { d(y, m + 1, 1) };
    next.pred_opt().expect("a day before")
}

/// Builds one [`TimelineEntry`] step by step.
pub struct EntryBuilder {
    e: TimelineEntry,
}

pub fn entry(id: &str) -> EntryBuilder {
    let date = EventDate {
        value: String::new(),
        modifier: None,
        interval: None,
        precision: Precision::None,
        text: String::new(),
        span: None,
        anchor: DateAnchor::None,
        rule: "none".into(),
        confidence: 0.0,
    };
    let source = SourceRef {
        article_id: String::new(),
        title: String::new(),
        url: None,
        source: None,
        published: None,
    };
    EntryBuilder {
        e: TimelineEntry {
            event_id: id.to_string(),
            event: Event {
                event_id: id.to_string(),
                mention_id: String::new(),
                event_type: "CONSULT".into(),
                mode: None,
                status: EventStatus::Occurred,
                actors: vec![],
                location: None,
                summary: String::new(),
                trigger: String::new(),
                evidence: String::new(),
                span: Span::new(0, 0),
                in_caption: false,
                date,
                source,
            },
            mentions: vec![],
            date_conflict: vec![],
        },
    }
}

impl EntryBuilder {
    fn date_mut(&mut self) -> &mut EventDate {
        &mut self.e.event.date
    }

    pub fn day(mut self, y: i32, m: u32, day: u32) -> Self {
        let x = d(y, m, day);
        let dt = self.date_mut();
        dt.value = x.to_string();
        dt.interval = Some(Interval::day(x));
        dt.precision = Precision::Day;
        self
    }

    pub fn month(mut self, y: i32, m: u32) -> Self {
        let dt = self.date_mut();
        dt.value = format!("{y:04}-{m:02}");
        dt.interval = Some(Interval { start: d(y, m, 1), end: last_day(y, m) });
        dt.precision = Precision::Month;
        self
    }

    /// "the end of January": the 21st to the last day, mod END.
    pub fn end_of_month(mut self, y: i32, m: u32) -> Self {
        let dt = self.date_mut();
        dt.value = format!("{y:04}-{m:02}");
        dt.modifier = Some("END".into());
        dt.interval = Some(Interval { start: d(y, m, 21), end: last_day(y, m) });
        dt.precision = Precision::Month;
        self
    }

    /// The ISO week starting on `monday`.
    pub fn week(mut self, monday: NaiveDate) -> Self {
        let w = monday.iso_week();
        let dt = self.date_mut();
        dt.value = format!("{}-W{:02}", w.year(), w.week());
        dt.interval = Some(Interval {
            start: monday,
            end: monday.checked_add_days(chrono::Days::new(6)).expect("in range"),
        });
        dt.precision = Precision::Week;
        self
    }

    pub fn year(mut self, y: i32) -> Self {
        let dt = self.date_mut();
        dt.value = format!("{y:04}");
        dt.interval = Some(Interval { start: d(y, 1, 1), end: d(y, 12, 31) });
        dt.precision = Precision::Year;
        self
    }

    pub fn said(mut self, text: &str, anchor: DateAnchor, rule: &str, confidence: f32) -> Self {
        let dt = self.date_mut();
        dt.text = text.into();
        dt.anchor = anchor;
        dt.rule = rule.into();
        dt.confidence = confidence;
        self
    }

    pub fn what(mut self, event_type: &str, mode: Option<&str>, status: EventStatus) -> Self {
        self.e.event.event_type = event_type.into();
        self.e.event.mode = mode.map(Into::into);
        self.e.event.status = status;
        self
    }

    pub fn actor(mut self, name: &str, kind: &str, country: Option<&str>, part: &str) -> Self {
        self.e.event.actors.push(Actor {
            name: name.into(),
            kind: kind.into(),
            role: None,
            country: country.map(Into::into),
            code: country.map(Into::into).or_else(|| Some(name.to_uppercase().replace(' ', "_"))),
            part: part.into(),
        });
        self
    }

    pub fn person(mut self, name: &str, role: &str, country: &str, part: &str) -> Self {
        self.e.event.actors.push(Actor {
            name: name.into(),
            kind: "person".into(),
            role: Some(role.into()),
            country: Some(country.into()),
            code: Some(country.into()),
            part: part.into(),
        });
        self
    }

    pub fn at(mut self, location: &str) -> Self {
        self.e.event.location = Some(location.into());
        self
    }

    pub fn summary(mut self, s: &str, trigger: &str) -> Self {
        self.e.event.summary = s.into();
        self.e.event.trigger = trigger.into();
        self
    }

    /// A report of the event in one article. The first one is the
    /// representative mention.
    pub fn source(
        mut self,
        article: &str,
        title: &str,
        url: Option<&str>,
        outlet: &str,
        published: NaiveDate,
        evidence: &str,
    ) -> Self {
        let source = SourceRef {
            article_id: article.into(),
            title: title.into(),
            url: url.map(Into::into),
            source: Some(outlet.into()),
            published: Some(published),
        };
        let start = 40 * (self.e.mentions.len() + 1);
        let span = Span::new(start, start + evidence.len());
        let mention_id = format!("{}-{}", self.e.event_id, article);
        if self.e.mentions.is_empty() {
            self.e.event.evidence = evidence.into();
            self.e.event.span = span;
            self.e.event.source = source.clone();
            self.e.event.mention_id = mention_id.clone();
            if let Some(pos) = evidence.find(self.e.event.date.text.as_str()) {
                if !self.e.event.date.text.is_empty() {
                    let s = start + pos;
                    self.e.event.date.span = Some(Span::new(s, s + self.e.event.date.text.len()));
                }
            }
        }
        self.e.mentions.push(Mention {
            mention_id,
            source,
            evidence: evidence.into(),
            span,
            date: self.e.event.date.clone(),
            status: self.e.event.status,
            actors: self.e.event.actors.clone(),
            location: self.e.event.location.clone(),
            summary: self.e.event.summary.clone(),
            trigger: self.e.event.trigger.clone(),
            in_caption: false,
        });
        self.e.mentions.sort_by(|a, b| a.mention_id.cmp(&b.mention_id));
        self
    }

    pub fn conflict(mut self, day: NaiveDate, support: usize) -> Self {
        self.e.date_conflict.push(DateAlternative {
            value: day.to_string(),
            interval: Some(Interval::day(day)),
            support,
        });
        self
    }

    pub fn build(self) -> TimelineEntry {
        self.e
    }
}

/// The fixed entries the golden files are made from, deliberately out of
/// timeline order.
pub fn fixture_entries() -> Vec<TimelineEntry> {
    use DateAnchor as A;
    use EventStatus::*;
    vec![
        entry("ev-3a91c2")
            .day(2025, 3, 13)
            .said("on Thursday", A::Publication, "weekday_past>own_clause", 0.9)
            .what("CONSULT", Some("meeting"), Occurred)
            .person("Amina Haddad", "Foreign Minister", "JOR", "source")
            .person("Tomas Lind", "Foreign Minister", "SWE", "target")
            .at("Amman")
            .summary("Amina Haddad met Tomas Lind in Amman", "met")
            .source(
                "gulf-ledger-0314",
                "Jordan and Sweden agree to reopen trade talks",
                Some("https://example.org/gulf-ledger/2025/03/14/trade-talks"),
                "Gulf Ledger",
                d(2025, 3, 14),
                "Foreign Minister Amina Haddad met her Swedish counterpart Tomas Lind in Amman on Thursday, officials said.",
            )
            .source(
                "northern-wire-0313",
                "Swedish minister in Amman",
                Some("https://example.net/nw/2025-03-13/lind-amman"),
                "Northern Wire",
                d(2025, 3, 13),
                "Lind met Haddad on Thursday, the ministry said.",
            )
            .source(
                "daily-courier-0315",
                "Amman talks: what was agreed",
                None,
                "Daily Courier",
                d(2025, 3, 15),
                "The two ministers met on Wednesday, according to one participant.",
            )
            .conflict(d(2025, 3, 12), 1)
            .build(),
        entry("ev-51d07e")
            .end_of_month(2025, 1)
            .said("at the end of January", A::Publication, "part_of_month>own_clause", 0.8)
            .what("CONSULT", Some("visit"), Occurred)
            .person("Tomas Lind", "Foreign Minister", "SWE", "source")
            .actor("Jordan", "country", Some("JOR"), "target")
            .summary("Tomas Lind visited Jordan", "visited")
            .source(
                "gulf-ledger-0314",
                "Jordan and Sweden agree to reopen trade talks",
                Some("https://example.org/gulf-ledger/2025/03/14/trade-talks"),
                "Gulf Ledger",
                d(2025, 3, 14),
                "Lind first visited Jordan at the end of January, when the talks were announced.",
            )
            .source(
                "northern-wire-0201",
                "Lind ends regional tour",
                Some("https://example.net/nw/2025-02-01/tour"),
                "Northern Wire",
                d(2025, 2, 1),
                "The minister visited Jordan at the end of January.",
            )
            .build(),
        entry("ev-0c44b8")
            .month(2024, 11)
            .said("in November", A::Publication, "month_name_past>own_clause", 0.75)
            .what("COOPERATE", Some("agreement"), Occurred)
            .actor("Jordan", "country", Some("JOR"), "source")
            .actor("European Union", "organization", None, "target")
            .summary("Jordan and the European Union signed a water agreement", "signed")
            .source(
                "gulf-ledger-0314",
                "Jordan and Sweden agree to reopen trade talks",
                Some("https://example.org/gulf-ledger/2025/03/14/trade-talks"),
                "Gulf Ledger",
                d(2025, 3, 14),
                "Jordan signed a water-sharing agreement with the European Union in November.",
            )
            .build(),
        entry("ev-8f2e19")
            .day(2025, 3, 13)
            .said("on Thursday", A::Inherited, "weekday_past>inherited_from_lead", 0.55)
            .what("MAKE_STATEMENT", None, Occurred)
            .person("Tomas Lind", "Foreign Minister", "SWE", "source")
            .summary("Tomas Lind called the talks \"constructive, frank\"", "called")
            .source(
                "northern-wire-0313",
                "Swedish minister in Amman",
                Some("https://example.net/nw/2025-03-13/lind-amman"),
                "Northern Wire",
                d(2025, 3, 13),
                "Lind called the talks \"constructive, frank\" and said a second round\nwould follow.",
            )
            .build(),
        entry("ev-c7a310")
            .week(d(2025, 3, 17))
            .said("next week", A::Publication, "relative_week_future>own_clause", 0.7)
            .what("CONSULT", Some("visit"), Scheduled)
            .person("Amina Haddad", "Foreign Minister", "JOR", "source")
            .actor("Türkiye", "country", Some("TUR"), "target")
            .at("Ankara")
            .summary("Amina Haddad will visit Ankara", "will visit")
            .source(
                "gulf-ledger-0314",
                "Jordan and Sweden agree to reopen trade talks",
                Some("https://example.org/gulf-ledger/2025/03/14/trade-talks"),
                "Gulf Ledger",
                d(2025, 3, 14),
                "Haddad will visit Ankara next week for talks with Turkish officials.",
            )
            .build(),
        entry("ev-2b6d55")
            .day(2025, 2, 20)
            .said("20 February 2025", A::Explicit, "day_month_year>own_clause", 0.95)
            .what("CONSULT", Some("meeting"), Negated)
            .actor("Sweden", "country", Some("SWE"), "source")
            .actor("Jordan", "country", Some("JOR"), "target")
            .summary("Sweden did not meet Jordan", "did not meet")
            .source(
                "daily-courier-0315",
                "Amman talks: what was agreed",
                None,
                "Daily Courier",
                d(2025, 3, 15),
                "A planned round on 20 February 2025 did not take place after the delegations failed to meet.",
            )
            .build(),
        entry("ev-e40f7a")
            .day(2025, 3, 14)
            .said("", A::PublicationFallback, "publication_date_fallback", 0.3)
            .what("COERCE", Some("sanctions"), Hypothetical)
            .actor("European Union", "organization", None, "source")
            .summary("The European Union could impose sanctions", "could impose")
            .source(
                "gulf-ledger-0314",
                "Jordan and Sweden agree to reopen trade talks",
                Some("https://example.org/gulf-ledger/2025/03/14/trade-talks"),
                "Gulf Ledger",
                d(2025, 3, 14),
                "Diplomats said the bloc could impose sanctions if the talks collapse.",
            )
            .build(),
        entry("ev-9d1b02")
            .year(2025)
            .said("this year", A::Publication, "relative_year>own_clause", 0.6)
            .what("COOPERATE", Some("trade"), Scheduled)
            .actor("Jordan", "country", Some("JOR"), "source")
            .actor("Sweden", "country", Some("SWE"), "target")
            .summary("Jordan and Sweden plan a trade accord <draft>", "plan")
            .source(
                "daily-courier-0315",
                "Amman talks: what was agreed",
                None,
                "Daily Courier",
                d(2025, 3, 15),
                "Both sides hope to sign a trade accord this year, a draft says.",
            )
            .build(),
        entry("ev-77aa01")
            .said("", A::None, "no_date", 0.0)
            .what("MAKE_STATEMENT", None, Occurred)
            .actor("Arab League", "organization", None, "source")
            .summary("The Arab League welcomed the talks", "welcomed")
            .source(
                "undated-note",
                "Regional reaction",
                None,
                "Wire digest",
                d(2025, 3, 15),
                "The Arab League welcomed the talks.",
            )
            .build(),
    ]
}

/// `n` generated entries over about three years, deterministic for a given
/// `seed`: a mix of precisions, types, statuses, actors and 1–4 sources each.
pub fn generated(n: usize, seed: u64) -> Vec<TimelineEntry> {
    const TYPES: [(&str, &str); 8] = [
        ("CONSULT", "meeting"),
        ("CONSULT", "visit"),
        ("CONSULT", "phone_call"),
        ("MAKE_STATEMENT", "statement"),
        ("COOPERATE", "agreement"),
        ("COERCE", "sanctions"),
        ("ASSAULT", "strike"),
        ("PROTEST", "demonstration"),
    ];
    const ACTORS: [(&str, &str); 16] = [
        ("Amina Haddad", "JOR"),
        ("Tomas Lind", "SWE"),
        ("Rafael Ortega Vidal", "ESP"),
        ("Chen Weiming", "CHN"),
        ("Olga Petrenko", "UKR"),
        ("Kwame Mensah", "GHA"),
        ("Leila Farahani", "IRN"),
        ("Yusuf Demir", "TUR"),
        ("Hannah Becker", "DEU"),
        ("Priya Raman", "IND"),
        ("Jean-Luc Moreau", "FRA"),
        ("Sofia Almeida", "BRA"),
        ("Omar Khalil", "EGY"),
        ("Mariam Aziz", "PAK"),
        ("Ivan Sokolov", "RUS"),
        ("Grace Njoroge", "KEN"),
    ];
    const OUTLETS: [&str; 6] = [
        "Gulf Ledger",
        "Northern Wire",
        "Daily Courier",
        "Harbour Post",
        "Atlas Times",
        "Meridian",
    ];
    const PLACES: [&str; 8] =
        ["Amman", "Stockholm", "Cairo", "Ankara", "Geneva", "Nairobi", "Brasília", "Vienna"];
    let mut rng = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*: enough to spread the cases, and reproducible.
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        rng.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let base = d(2023, 1, 1);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let day = base.checked_add_days(chrono::Days::new(next() % 1095)).expect("in range");
        let (ty, mode) = TYPES[(next() % TYPES.len() as u64) as usize];
        let a = ACTORS[(next() % 16) as usize];
        let b = ACTORS[(next() % 16) as usize];
        let status = match next() % 10 {
            0 => EventStatus::Scheduled,
            1 => EventStatus::Negated,
            2 => EventStatus::Hypothetical,
            _ => EventStatus::Occurred,
        };
        let place = PLACES[(next() % 8) as usize];
        let id = format!("ev-{:012x}", next() & 0xffff_ffff_ffff);
        let mut bld = entry(&id);
        bld = match next() % 10 {
            0 => bld.month(day.year(), day.month()).said(
                "in that month",
                DateAnchor::Publication,
                "month_name_past>own_clause",
                0.7,
            ),
            1 => bld.end_of_month(day.year(), day.month()).said(
                "at the end of the month",
                DateAnchor::Publication,
                "part_of_month>own_clause",
                0.7,
            ),
            2 => {
                let monday = day
                    .checked_sub_days(
                        chrono::Days::new(day.weekday().num_days_from_monday() as u64),
                    )
                    .expect("in range");
                bld.week(monday).said(
                    "last week",
                    DateAnchor::Publication,
                    "relative_week>own_clause",
                    0.7,
                )
            }
            3 => bld.day(day.year(), day.month(), day.day()).said(
                "on Tuesday",
                DateAnchor::Inherited,
                "weekday_past>inherited_from_lead",
                0.5,
            ),
            _ => bld.day(day.year(), day.month(), day.day()).said(
                "on Tuesday",
                DateAnchor::Publication,
                "weekday_past>own_clause",
                0.9,
            ),
        };
        let verb = match ty {
            "CONSULT" => "held talks with",
            "MAKE_STATEMENT" => "issued a statement on",
            "COOPERATE" => "signed an accord with",
            "COERCE" => "threatened sanctions against",
            "ASSAULT" => "reported a strike on positions near",
            _ => "faced protests over a visit by",
        };
        let summary = format!("{} {verb} {} in {place}", a.0, b.0);
        let evidence = format!(
            "{} {verb} {} in {place} on Tuesday, officials said, in the {}th such contact this year (case {i}).",
            a.0, b.0, 1 + next() % 12
        );
        bld = bld
            .what(ty, Some(mode), status)
            .person(a.0, "Foreign Minister", a.1, "source")
            .person(b.0, "Foreign Minister", b.1, "target")
            .at(place)
            .summary(&summary, verb);
        let nsrc = 1 + (next() % 4) as usize;
        for s in 0..nsrc {
            let outlet = OUTLETS[(next() % 6) as usize];
            let published =
                day.checked_add_days(chrono::Days::new(s as u64 + 1)).expect("in range");
            let art = format!("{}-{}-{s}", outlet.to_lowercase().replace(' ', "-"), i);
            let url = format!(
                "https://example.org/{}/{}/{i}-{s}",
                outlet.to_lowercase().replace(' ', "-"),
                published
            );
            bld = bld.source(
                &art,
                &format!("{summary} ({outlet})"),
                Some(&url),
                outlet,
                published,
                &evidence,
            );
        }
        out.push(bld.build());
    }
    out
}

/// The crate's `tests/fixtures/export` directory.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export")
}

/// Entries as JSON lines, as `dateline merge` writes them.
pub fn to_jsonl(entries: &[TimelineEntry]) -> String {
    let mut s = String::new();
    for e in entries {
        s.push_str(&serde_json::to_string(e).expect("entries serialize"));
        s.push('\n');
    }
    s
}

/// Compare `actual` with the golden file `name` under
/// `tests/fixtures/export/expected/`; `DATELINE_BLESS=1` rewrites it.
pub fn check_golden(name: &str, actual: &str) {
    golden::check_file(&fixtures_dir().join("expected").join(name), actual);
}

/// The `<main>…</main>` region of a page: golden HTML compares only what
/// the entries decide, not the page chrome (CSS, script).
pub fn main_region(html: &str) -> &str {
    let a = html.find("<main").expect("page has <main>");
    let b = html.find("</main>").expect("page has </main>") + "</main>".len();
    &html[a..b]
}
