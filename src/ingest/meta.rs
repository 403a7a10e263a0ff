//! Publication dates from metadata: front matter, JSON fields, manifests,
//! `<meta>` tags, JSON-LD, `--published`.
//!
//! A metadata date becomes a [`PubContext`]'s `date`, `time` and `utc_offset`:
//!
//! - **Date-only values stay date-only.** "2025-03-14" or "14 March 2025"
//!   give a date with no time and no offset; nothing is taken from the clock.
//! - **An offset stays an offset.** "2025-03-14T23:30:00-05:00" gives the date
//!   2025-03-14 (the day *in that offset*, the publisher's calendar day), time
//!   23:30 and offset -18000 s. It is never converted to UTC, which would move
//!   the day.
//! - **No date rather than a wrong one.** Ambiguous numeric forms
//!   ("03/04/2025": March or April?), month-only values ("March 2025"),
//!   years outside 1800..=2200 and offsets of 24 h or more are errors.
//!
//! Order of attempts: chrono's RFC 3339 and RFC 2822 parsers; our own ISO-like
//! and "14 March 2025 10:30 GMT" forms; then the `dateparser` crate for the
//! rest. `dateparser` can panic on offsets of 24 h or more, so such offsets
//! are rejected first and the call runs inside `catch_unwind`; it also drops
//! offsets and reads "03/04/2025" month-first, which is why it comes last.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use regex::Regex;

use crate::model::PubContext;
use crate::{Error, ErrorKind, Result};

/// Parse a publication date from metadata into the date, time and offset of
/// a [`PubContext`]; the other fields stay empty.
///
/// # Errors
///
/// [`ErrorKind::Date`] naming the value and why it was refused.
///
/// # Example
///
/// ```
/// let ctx = dateline::ingest::parse_published("2025-03-14T23:30:00-05:00")?;
/// assert_eq!(ctx.date.unwrap().to_string(), "2025-03-14");
/// assert_eq!(ctx.utc_offset, Some(-5 * 3600));
/// let ctx = dateline::ingest::parse_published("14 March 2025")?;
/// assert_eq!(ctx.time, None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
// The crate-wide error type is large; boxing it is error.rs's call.
#[allow(clippy::result_large_err)]
pub fn parse_published(value: &str) -> Result<PubContext> {
    match parse_stamp(value) {
        Ok(p) => Ok(PubContext {
            date: Some(p.date),
            time: p.time,
            utc_offset: p.offset,
            ..PubContext::default()
        }),
        Err(why) => Err(Error::new(ErrorKind::Date, format!("cannot read date `{value}`: {why}"))
            .with_field("published")),
    }
}

/// A parsed metadata timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// Calendar day in the stated offset (or as written).
    pub date: NaiveDate,
    /// Time of day, when the value had one.
    pub time: Option<NaiveTime>,
    /// Offset east of UTC in seconds, when stated.
    pub offset: Option<i32>,
}

/// Parse a timestamp; the error is a short reason for a person.
pub(crate) fn parse_stamp(value: &str) -> std::result::Result<Stamp, String> {
    let s = value.trim();
    if s.is_empty() {
        return Err("empty value".into());
    }
    if s.len() > 120 {
        return Err("too long to be a date".into());
    }
    let stamp = parse_inner(s)?;
    let y = stamp.date.year();
    if !(1800..=2200).contains(&y) {
        return Err(format!("year {y} is out of range"));
    }
    Ok(stamp)
}

fn with_offset(dt: DateTime<FixedOffset>) -> Stamp {
    Stamp {
        date: dt.date_naive(),
        time: Some(dt.time()),
        offset: Some(dt.offset().local_minus_utc()),
    }
}

fn naive(dt: NaiveDateTime) -> Stamp {
    Stamp { date: dt.date(), time: Some(dt.time()), offset: None }
}

fn date_only(d: NaiveDate) -> Stamp {
    Stamp { date: d, time: None, offset: None }
}

static TRAILING_OFFSET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([+-])(\d{2}):?(\d{2})$").expect("valid regex"));
static SLASH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:$|[\sT,])").expect("valid regex")
});
static HAS_TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d:\d\d|T\d\d").expect("valid regex"));
static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        (?:(?P<wd>[a-z]{3,9})\.?,?\s+)?
        (?:
            (?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[a-z]{3,9})\.?,?
          | (?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?
        )
        \s+(?P<y>\d{4})
        (?P<rest>.*)$",
    )
    .expect("valid regex")
});
static TIME_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^
        \s*(?:,|at|-|–|—|\||/)?\s*
        (?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?
        \s*(?P<ap>am|pm|a\.m\.|p\.m\.)?
        \s*(?:
            (?:(?:gmt|utc)\s*)?(?P<off>[+-]\d{1,2}(?::?\d{2})?)
          | (?P<abbr>[a-z]{1,5})
        )?
        \s*\)?$",
    )
    .expect("valid regex")
});

fn parse_inner(s: &str) -> std::result::Result<Stamp, String> {
    if let Some(r) = fast_iso(s) {
        return r;
    }
    // Offsets of a day or more are nonsense, and make dateparser panic.
    if let Some(c) = TRAILING_OFFSET.captures(s) {
        let hh: i32 = c[2].parse().unwrap_or(99);
        let mm: i32 = c[3].parse().unwrap_or(99);
        let before = &s[..c.get(0).map_or(0, |m| m.start())];
        if before.ends_with(|ch: char| ch.is_ascii_digit()) && (hh >= 24 || mm >= 60) {
            return Err(format!("offset {}{}:{} is out of range", &c[1], &c[2], &c[3]));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok(with_offset(dt));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Ok(with_offset(dt));
    }
    if let Some(st) = parse_iso_like(s) {
        return Ok(st);
    }
    if let Some(c) = SLASH_DATE.captures(s) {
        let a: u32 = c[1].parse().unwrap_or(0);
        let b: u32 = c[2].parse().unwrap_or(0);
        let y: i32 = c[3].parse().unwrap_or(0);
        let (d, m) = match (a, b) {
            (a, b) if a > 12 && b <= 12 => (a, b),
            (a, b) if b > 12 && a <= 12 => (b, a),
            (a, b) if a == b => (a, b),
            _ => return Err("day and month order is ambiguous; write it as YYYY-MM-DD".into()),
        };
        let date = NaiveDate::from_ymd_opt(y, m, d).ok_or("no such day")?;
        let rest = &s[c.get(3).map_or(s.len(), |m| m.end())..];
        return Ok(match parse_time_part(rest) {
            Some((t, off)) => Stamp { date, time: Some(t), offset: off },
            None => date_only(date),
        });
    }
    // JavaScript's Date.toString adds the zone's name in parentheses:
    // "Fri Mar 14 2025 09:30:00 GMT+0200 (Eastern European Standard Time)".
    let s = match s.rfind(" (") {
        Some(i) if s.ends_with(')') && s[..i].contains(':') => s[..i].trim_end(),
        _ => s,
    };
    if let Some(st) = parse_text_date(s)? {
        return Ok(st);
    }
    if month_only(s) {
        return Err("a month is not a publication day".into());
    }
    parse_with_dateparser(s)
}

/// The ISO 8601 shapes feeds and pages use nearly always, without regex or
/// format strings: `YYYY-MM-DD`, then optionally `T` or a space,
/// `HH:MM[:SS[.fff]]` and `Z`, `±HH[:MM]`, `±HHMM`, ` UTC` or ` GMT`.
/// `None` when `s` has another shape.
fn fast_iso(s: &str) -> Option<std::result::Result<Stamp, String>> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = b.get(r)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| d.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0')))
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) else {
        return Some(Err("no such day".into()));
    };
    if b.len() == 10 || (b.len() == 11 && matches!(b[10], b'Z' | b'z')) {
        return Some(Ok(date_only(date)));
    }
    if !matches!(b[10], b'T' | b't' | b' ') || b.len() < 16 || b[13] != b':' {
        return None;
    }
    let (hh, mm) = (num(11..13)?, num(14..16)?);
    let mut i = 16;
    let mut ss = 0;
    let mut nano = 0;
    if b.get(i) == Some(&b':') {
        ss = num(i + 1..i + 3)?;
        i += 3;
        if b.get(i) == Some(&b'.') || b.get(i) == Some(&b',') {
            let start = i + 1;
            i = start;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let frac = &s[start..i.min(start + 9)];
            if frac.is_empty() {
                return None;
            }
            nano = frac.parse::<u32>().ok()? * 10u32.pow(9 - frac.len() as u32);
        }
    }
    let Some(time) = NaiveTime::from_hms_nano_opt(hh, mm, ss, nano) else {
        return Some(Err("no such time of day".into()));
    };
    let rest = &s[i..];
    let offset = match rest {
        "" => None,
        "Z" | "z" | " UTC" | " GMT" | "UTC" | " Z" => Some(0),
        _ => {
            let r = rest.trim_start();
            let rb = r.as_bytes();
            if !matches!(rb.first(), Some(b'+') | Some(b'-')) {
                return None;
            }
            let sign = if rb[0] == b'-' { -1 } else { 1 };
            let digits = &r[1..].replace(':', "");
            if !digits.bytes().all(|c| c.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
                return None;
            }
            let oh: i32 = digits[..2].parse().ok()?;
            let om: i32 = if digits.len() == 4 { digits[2..].parse().ok()? } else { 0 };
            if oh >= 24 || om >= 60 {
                return Some(Err(format!("offset {r} is out of range")));
            }
            Some(sign * (oh * 3600 + om * 60))
        }
    };
    Some(Ok(Stamp { date, time: Some(time), offset }))
}

fn parse_iso_like(s: &str) -> Option<Stamp> {
    let b = s.as_bytes();
    // Year first: four digits, then a separator or the month digits.
    if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    // "...Z" and " UTC"/" GMT" suffixes name offset zero.
    let mut norm = s.to_string();
    for suffix in [" UTC", " GMT", "UTC", "GMT", "Z", "z"] {
        if norm.len() > suffix.len() && norm.ends_with(suffix) {
            let stem = &norm[..norm.len() - suffix.len()];
            if stem.ends_with(|c: char| c.is_ascii_digit()) && stem.len() > 10 {
                norm = format!("{}+00:00", stem.trim_end());
            }
            break;
        }
    }
    const WITH_OFFSET: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f %:z",
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M%:z",
        "%Y-%m-%d %H:%M %:z",
        "%Y-%m-%d %H:%M %z",
    ];
    for f in WITH_OFFSET {
        if let Ok(dt) = DateTime::parse_from_str(&norm, f) {
            return Some(with_offset(dt));
        }
    }
    const NAIVE: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
    ];
    for f in NAIVE {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(naive(dt));
        }
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(date_only(d));
        }
    }
    if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y%m%d") {
            return Some(date_only(d));
        }
    }
    None
}

/// Month number of an English month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let n = n.trim_end_matches('.');
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if n == "sept" {
        return Some(9);
    }
    MONTHS.iter().position(|m| *m == n || (n.len() == 3 && m.starts_with(n))).map(|i| i as u32 + 1)
}

fn is_weekday(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    const DAYS: [&str; 7] =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    DAYS.iter().any(|d| *d == n || (n.len() >= 3 && d.starts_with(n.as_str())))
}

/// "14 March 2025", "Friday, March 14, 2025 10:30 AM EST", ...
/// `Ok(None)` when the value is not of that shape.
fn parse_text_date(s: &str) -> std::result::Result<Option<Stamp>, String> {
    let Some(c) = TEXT_DATE.captures(s) else { return Ok(None) };
    if let Some(wd) = c.name("wd") {
        if !is_weekday(wd.as_str()) {
            return Ok(None);
        }
    }
    let (d, m) = match (c.name("d1"), c.name("m1"), c.name("m2"), c.name("d2")) {
        (Some(d), Some(m), _, _) | (_, _, Some(m), Some(d)) => (d.as_str(), m.as_str()),
        _ => return Ok(None),
    };
    let Some(month) = month_number(m) else { return Ok(None) };
    let day: u32 = d.parse().map_err(|_| "bad day")?;
    let year: i32 = c["y"].parse().map_err(|_| "bad year")?;
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or("no such day")?;
    let rest = c.name("rest").map_or("", |r| r.as_str());
    if rest.trim().is_empty() {
        return Ok(Some(date_only(date)));
    }
    match parse_time_part(rest) {
        Some((t, off)) => Ok(Some(Stamp { date, time: Some(t), offset: off })),
        None => Ok(None),
    }
}

/// Offset of a zone abbreviation whose meaning is not in doubt.
fn zone_offset(abbr: &str) -> Option<i32> {
    let h = match abbr.to_ascii_uppercase().as_str() {
        "Z" | "GMT" | "UTC" | "UT" | "WET" => 0,
        "BST" | "CET" | "WAT" | "WEST" => 1,
        "CEST" | "EET" | "CAT" | "SAST" => 2,
        "EEST" | "MSK" | "EAT" => 3,
        "GST" => 4,
        "PKT" => 5,
        "JST" | "KST" => 9,
        "EST" => -5,
        "EDT" | "CDT" => {
            return Some(if abbr.eq_ignore_ascii_case("EDT") { -4 } else { -5 } * 3600)
        }
        "CST" => -6,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        _ => return None,
    };
    Some(h * 3600)
}

/// A time of day with an optional zone after a date: " 10:30", ", 10:30 AM
/// EST", " at 14:05 GMT+3". An unknown zone name keeps the time and drops
/// the offset.
fn parse_time_part(rest: &str) -> Option<(NaiveTime, Option<i32>)> {
    if rest.trim().is_empty() {
        return None;
    }
    let c = TIME_PART.captures(rest)?;
    let mut h: u32 = c["h"].parse().ok()?;
    let m: u32 = c["m"].parse().ok()?;
    let sec: u32 = c.name("s").map_or(Some(0), |x| x.as_str().parse().ok())?;
    if let Some(ap) = c.name("ap") {
        let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
        if h == 0 || h > 12 {
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    let t = NaiveTime::from_hms_opt(h, m, sec)?;
    let off = if let Some(o) = c.name("off") {
        Some(parse_numeric_offset(o.as_str())?)
    } else if let Some(a) = c.name("abbr") {
        zone_offset(a.as_str())
    } else {
        None
    };
    Some((t, off))
}

fn parse_numeric_offset(o: &str) -> Option<i32> {
    let sign = if o.starts_with('-') { -1 } else { 1 };
    let digits: String = o[1..].chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (digits[..1].parse::<i32>().ok()?, digits[1..].parse::<i32>().ok()?),
        4 => (digits[..2].parse::<i32>().ok()?, digits[2..].parse::<i32>().ok()?),
        _ => return None,
    };
    if h >= 24 || m >= 60 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

fn month_only(s: &str) -> bool {
    let words: Vec<&str> = s.split([' ', ',', '-', '/']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [a, b] => {
            (month_number(a).is_some() && b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit()))
                || (a.len() == 4
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && (month_number(b).is_some()
                        || (b.len() == 2 && b.bytes().all(|c| c.is_ascii_digit()))))
        }
        _ => false,
    }
}

fn parse_with_dateparser(s: &str) -> std::result::Result<Stamp, String> {
    let owned = s.to_string();
    let got = std::panic::catch_unwind(move || {
        dateparser::parse_with(&owned, &Utc, NaiveTime::MIN).map_err(|e| e.to_string())
    });
    let dt = match got {
        Ok(Ok(dt)) => dt,
        Ok(Err(_)) => return Err("not a date form dateline knows".into()),
        Err(_) => return Err("not a date form dateline knows (parser failure)".into()),
    };
    let is_timestamp = s.bytes().all(|c| c.is_ascii_digit() || c == b'.');
    if is_timestamp {
        // A Unix timestamp is an instant: its day is the UTC day.
        return Ok(Stamp { date: dt.date_naive(), time: Some(dt.time()), offset: Some(0) });
    }
    if !HAS_TIME.is_match(s) {
        // dateparser filled in midnight UTC; the written day is the date.
        return Ok(date_only(dt.date_naive()));
    }
    // dateparser converted to UTC; put the instant back in the stated
    // offset when there is one we trust, else keep the written clock time
    // (dateparser read an unknown zone as UTC, i.e. as written).
    let offset = TRAILING_OFFSET
        .captures(s)
        .and_then(|c| parse_numeric_offset(&format!("{}{}{}", &c[1], &c[2], &c[3])))
        .or_else(|| s.rsplit(' ').next().and_then(zone_offset));
    match offset.and_then(FixedOffset::east_opt) {
        Some(off) => Ok(with_offset(dt.with_timezone(&off))),
        None => Ok(naive(dt.naive_utc())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> (String, Option<String>, Option<i32>) {
        let p = parse_stamp(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        (p.date.to_string(), p.time.map(|t| t.format("%H:%M:%S").to_string()), p.offset)
    }

    fn d(s: &str) -> String {
        s.to_string()
    }

    #[test]
    fn date_only_values_stay_date_only() {
        for s in [
            "2025-03-14",
            "2025/03/14",
            "20250314",
            "14 March 2025",
            "14 Mar 2025",
            "March 14, 2025",
            "Mar. 14, 2025",
            "Friday, 14 March 2025",
            "Fri, March 14th, 2025",
            "14/03/2025",
            "  2025-03-14  ",
        ] {
            assert_eq!(ok(s), (d("2025-03-14"), None, None), "{s}");
        }
    }

    #[test]
    fn offsets_are_kept_and_the_day_is_the_local_day() {
        assert_eq!(
            ok("2025-03-14T23:30:00-05:00"),
            (d("2025-03-14"), Some(d("23:30:00")), Some(-18000))
        );
        assert_eq!(
            ok("2025-03-14T01:15:00+03:00"),
            (d("2025-03-14"), Some(d("01:15:00")), Some(10800))
        );
        assert_eq!(
            ok("2025-03-14T09:30+02:00"),
            (d("2025-03-14"), Some(d("09:30:00")), Some(7200))
        );
        assert_eq!(ok("2025-03-14T09:30:00Z"), (d("2025-03-14"), Some(d("09:30:00")), Some(0)));
        assert_eq!(
            ok("2025-03-14 09:30:00 +0300"),
            (d("2025-03-14"), Some(d("09:30:00")), Some(10800))
        );
        assert_eq!(
            ok("Fri, 14 Mar 2025 22:10:00 -0400"),
            (d("2025-03-14"), Some(d("22:10:00")), Some(-14400))
        );
        assert_eq!(
            ok("Fri, 14 Mar 2025 22:10:00 GMT"),
            (d("2025-03-14"), Some(d("22:10:00")), Some(0))
        );
    }

    #[test]
    fn written_times_with_zone_names() {
        assert_eq!(
            ok("March 14, 2025 10:30 PM EST"),
            (d("2025-03-14"), Some(d("22:30:00")), Some(-18000))
        );
        assert_eq!(
            ok("14 March 2025 at 14:05 GMT+3"),
            (d("2025-03-14"), Some(d("14:05:00")), Some(10800))
        );
        // An unknown zone keeps the clock time and drops the offset.
        assert_eq!(ok("14 March 2025 14:05 XYZT"), (d("2025-03-14"), Some(d("14:05:00")), None));
        assert_eq!(ok("2025-03-14T09:30:00"), (d("2025-03-14"), Some(d("09:30:00")), None));
        assert_eq!(
            ok("Fri Mar 14 2025 09:30:00 GMT+0200 (Eastern European Standard Time)"),
            (d("2025-03-14"), Some(d("09:30:00")), Some(7200))
        );
        assert_eq!(
            ok("2025-03-14T09:30:00.000+0000"),
            (d("2025-03-14"), Some(d("09:30:00")), Some(0))
        );
        assert_eq!(ok("2025-03-14Z"), (d("2025-03-14"), None, None));
    }

    #[test]
    fn refused_values() {
        for s in [
            "",
            "Thursday",
            "March 2025",
            "2025-03",
            "03/04/2025",
            "2025-02-30",
            "0025-03-14",
            "2025-03-13+25:00",
            "10:22 +2500",
            "2025-03-14T10:22:00+24:00",
            "yesterday",
            "not a date at all",
        ] {
            assert!(parse_stamp(s).is_err(), "{s:?} should be refused: {:?}", parse_stamp(s));
        }
    }

    #[test]
    fn unix_timestamps_are_utc_instants() {
        assert_eq!(ok("1741910400"), (d("2025-03-14"), Some(d("00:00:00")), Some(0)));
    }

    #[test]
    fn public_function_names_field_and_value() {
        let e = parse_published("31 February 2025").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Date);
        assert!(e.to_string().contains("31 February 2025"), "{e}");
        assert!(e.to_string().contains("published"), "{e}");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = parse_stamp(&s);
        }

        #[test]
        fn never_panics_on_offsets(h in 0u32..100, m in 0u32..100, sign in proptest::bool::ANY) {
            let s = format!("2025-03-13 10:22 {}{:02}{:02}", if sign { '+' } else { '-' }, h, m);
            let _ = parse_stamp(&s);
            let s = format!("2025-03-13{}{:02}:{:02}", if sign { '+' } else { '-' }, h, m);
            let _ = parse_stamp(&s);
        }

        #[test]
        fn iso_dates_round_trip(days in 0i64..150_000) {
            let base = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
            let date = base.checked_add_days(chrono::Days::new(days as u64)).unwrap();
            if date.year() <= 2200 {
                let p = parse_stamp(&date.format("%Y-%m-%d").to_string()).unwrap();
                proptest::prop_assert_eq!(p.date, date);
                let p = parse_stamp(&date.format("%d %B %Y").to_string()).unwrap();
                proptest::prop_assert_eq!(p.date, date);
            }
        }
    }
}
