#!/usr/bin/env python3
"""Generate JSONL article records for `dateline extract` / `dateline build`.

Usage: gen_articles.py COUNT [ARTICLES_JSONL] [--seed N] > articles.jsonl

ARTICLES_JSONL is what `dateline articles data/samples --format jsonl` prints
(one model::Article per line); its articles are recombined into COUNT
records: each record is one source article's text under a new id, with its
publication date moved by 0-2 days, so the same events are reported by many
articles (sometimes with different dates), which is what merging is for.
Without ARTICLES_JSONL (or when it holds no article), a few built-in
paragraphs written for this script are used instead.

Output records: {"id","published","title","url","source","text"}, `text`
being the paragraphs joined by a blank line. Deterministic in --seed.
"""

import datetime
import json
import random
import sys

FALLBACK = [
    {
        "title": "Foreign ministers meet in Geneva",
        "published": "2025-03-14",
        "source": "Example Wire",
        "paragraphs": [
            "GENEVA - The foreign ministers of Turkey and Iran met in Geneva on Thursday "
            "to discuss the border crossings, officials said.",
            "The Turkish Foreign Minister said the two sides would meet again next week.",
            "On Tuesday, the United Nations Secretary-General called for a ceasefire.",
        ],
    },
    {
        "title": "Kremlin confirms message to Damascus",
        "published": "2025-02-03",
        "source": "Example Wire",
        "paragraphs": [
            "MOSCOW - The Kremlin said on Monday that the Russian President had sent a "
            "message to the Syrian President on Saturday.",
            "Lebanon's Prime Minister visited Cairo at the end of January, his office said.",
        ],
    },
    {
        "title": "Sanctions announced",
        "published": "2025-01-20",
        "source": "Example Wire",
        "paragraphs": [
            "BRUSSELS - The European Union imposed new sanctions on Iran on Friday.",
            "Iran condemned the decision on Sunday and threatened to respond.",
        ],
    },
]


def load(path):
    arts = []
    if not path:
        return arts
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            a = json.loads(line)
            ctx = a.get("context") or {}
            if not ctx.get("date") or not a.get("paragraphs"):
                continue
            arts.append({
                "title": a.get("title") or "",
                "published": ctx["date"],
                "time": ctx.get("time"),
                "offset": ctx.get("utc_offset"),
                "source": ctx.get("source") or "",
                "paragraphs": a["paragraphs"],
            })
    return arts


def main(argv):
    seed = 0
    if "--seed" in argv:
        i = argv.index("--seed")
        seed = int(argv[i + 1])
        del argv[i:i + 2]
    count = int(argv[1])
    arts = load(argv[2] if len(argv) > 2 else None) or FALLBACK
    rng = random.Random(seed)
    out = sys.stdout
    for i in range(count):
        a = arts[rng.randrange(len(arts))]
        shift = rng.choice([0, 0, 0, 1, 2])
        day = datetime.date.fromisoformat(a["published"]) + datetime.timedelta(days=shift)
        published = day.isoformat()
        if a.get("time"):
            # Keep the source's time and offset: RFC 3339 when both are known.
            published += "T" + a["time"]
            if a.get("offset") is not None:
                off = int(a["offset"])
                sign = "+" if off >= 0 else "-"
                published += f"{sign}{abs(off) // 3600:02d}:{abs(off) % 3600 // 60:02d}"
        rec = {
            "id": f"gen-{seed}-{i:07d}",
            "published": published,
            "title": a["title"],
            "url": f"https://news.example.org/{seed}/{i}",
            "source": a["source"] or "Example Wire",
            "text": "\n\n".join(a["paragraphs"]),
        }
        out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(sys.argv)
