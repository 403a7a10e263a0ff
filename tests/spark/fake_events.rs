//! A stand-in event extractor for the streaming-step tests: deterministic,
//! cheap, and producing repeat reports (the same `event_id` from several
//! articles, sometimes with different dates) so merging has work to do. It
//! lets `extract`'s streaming and `merge`'s grouping be tested whatever the
//! real extractor finds.

#![allow(dead_code)]

use dateline::model::{
    Actor, Article, DateAnchor, Event, EventDate, EventStatus, Interval, Precision, SourceRef, Span,
};

fn hex(parts: &[&str]) -> String {
    let mut h = blake3::Hasher::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update(&[0]);
    }
    h.finalize().to_hex()[..32].to_string()
}

/// One event per paragraph: its id is keyed on the paragraph's first word,
/// so articles sharing first words report the same event; its date is the
/// publication date (or the day before for odd-length paragraphs, to make
/// date conflicts).
pub fn extract(article: &Article) -> Vec<Event> {
    let text = article.text();
    let mut events = Vec::new();
    let mut start = 0;
    for p in &article.paragraphs {
        let span = Span::new(start, start + p.len());
        start += p.len() + 2;
        let key = p.split_whitespace().next().unwrap_or("").to_lowercase();
        let event_id = hex(&["fake-v1", &key]);
        let mention_id =
            hex(&[&article.id, &span.start.to_string(), &span.end.to_string(), &event_id]);
        let date =
            article
                .context
                .date
                .map(|d| if p.len() % 2 == 1 { d.pred_opt().unwrap_or(d) } else { d });
        assert_eq!(&text[span.start..span.end], p.as_str());
        events.push(Event {
            event_id,
            mention_id,
            event_type: "CONSULT".into(),
            mode: Some("meeting".into()),
            status: EventStatus::Occurred,
            actors: vec![Actor {
                name: key.clone(),
                kind: "country".into(),
                role: None,
                country: None,
                code: Some(key.to_uppercase()),
                part: "source".into(),
            }],
            location: None,
            summary: format!("{key} met"),
            trigger: "met".into(),
            evidence: p.clone(),
            span,
            in_caption: false,
            date: EventDate {
                value: date.map(|d| d.to_string()).unwrap_or_else(|| "XXXX-XX-XX".into()),
                modifier: None,
                interval: date.map(Interval::day),
                precision: if date.is_some() { Precision::Day } else { Precision::None },
                text: String::new(),
                span: None,
                anchor: if date.is_some() {
                    DateAnchor::PublicationFallback
                } else {
                    DateAnchor::None
                },
                rule: "fake".into(),
                confidence: 0.5,
            },
            source: SourceRef {
                article_id: article.id.clone(),
                title: article.title.clone(),
                url: article.context.url.clone(),
                source: article.context.source.clone(),
                published: article.context.date,
            },
        });
    }
    events
}

/// Words the synthetic articles start their paragraphs with: few enough that
/// events repeat across articles.
const WORDS: &[&str] =
    &["Ankara", "Beirut", "Cairo", "Damascus", "Geneva", "Moscow", "Riyadh", "Tehran"];

/// `n` JSONL article records for `extract`, deterministic in `seed`.
pub fn articles_jsonl(n: usize, seed: u64) -> String {
    let mut rng = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut next = move || {
        rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (rng >> 33) as usize
    };
    let mut out = String::new();
    for i in 0..n {
        let paras: Vec<String> = (0..1 + next() % 3)
            .map(|_| {
                let w = WORDS[next() % WORDS.len()];
                format!(
                    "{w} officials met on {} occasions{}",
                    next() % 9,
                    ".".repeat(1 + next() % 2)
                )
            })
            .collect();
        let rec = serde_json::json!({
            "id": format!("art-{seed}-{i}"),
            "published": format!("2025-03-{:02}", 1 + next() % 28),
            "title": format!("Report {i}"),
            "url": format!("https://example.org/{seed}/{i}"),
            "source": "Example Wire",
            "text": paras.join("\n\n"),
        });
        out.push_str(&rec.to_string());
        out.push('\n');
    }
    out
}
