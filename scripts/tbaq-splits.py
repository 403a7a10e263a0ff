#!/usr/bin/env python3
"""How many of dateline's TBAQ errors are the gold disagreeing with itself.

usage: scripts/eval-tbaq.sh -- --json > /tmp/tbaq.json
       python3 scripts/tbaq-splits.py /tmp/tbaq.json [CORPUS_DIR]

Reads the scorer's JSON report and the corpus (gold.jsonl, plain/*.txt; default
../shared/corpora/tbaq) and sorts each error:

- a value error is a *phrase split* when the gold gives the same phrase
  (lower-cased) the value shape dateline gave (digits as D) elsewhere, and a
  *convention split* when the two values differ only by a convention the gold
  itself uses both ways (part of day kept or dropped, X-padded years and
  decades, week or day granularity, DATE or DURATION, T24 or T24:00);
- a spurious tag is *tagged elsewhere* when the gold tags the same phrase in
  another place;
- a missed gold tag is *untagged elsewhere* when the same phrase occurs
  untagged in the gold text.

It then prints the value F1 dateline would reach if every error that is none
of these were fixed: the ceiling for rules that give one phrase one reading.
"""
import collections
import json
import os
import re
import sys


def norm(t):
    return re.sub(r"\s+", " ", t.lower().strip())


def shape(v):
    return re.sub(r"\d", "D", v or "")


def strip_part(v):
    return re.sub(r"T(MO|AF|EV|NI|\d.*)$", "", v)


def convention(e):
    gv, sv, gt, st = e["gold_value"], e["sys_value"], e["gold_type"], e["sys_type"]
    if re.fullmatch(r"\d{3,4}-XX", gv) and sv == gv[:-3]:
        return "year written YYYY-XX"
    if re.fullmatch(r"\d{2,3}X+", gv) and sv == gv.rstrip("X"):
        return "decade or century X-padded"
    if sv != gv and (strip_part(sv) == strip_part(gv) or strip_part(sv) == gv or strip_part(gv) == sv):
        return "part of day or clock kept/dropped"
    if re.fullmatch(r"\d{4}-W(\d\d|XX)", sv) and re.fullmatch(r"\d{4}-(\d\d-\d\d|WXX|XX)", gv):
        return "week or day granularity"
    if {gt, st} == {"DATE", "DURATION"}:
        return "DATE or DURATION"
    if re.fullmatch(r"\d{4}(-Q[\dX])?", gv) and re.fullmatch(r"\d{4}(-Q[\dX])?", sv):
        return "year or quarter granularity"
    if {gv, sv} & {"PAST_REF", "FUTURE_REF"}:
        return "_REF or PnX"
    return None


def main():
    report = json.load(open(sys.argv[1]))
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "shared", "corpora", "tbaq")
    gold = [json.loads(l) for l in open(os.path.join(corpus, "gold.jsonl"))]
    plain = os.path.join(corpus, "plain")
    texts = {f[:-4]: open(os.path.join(plain, f)).read() for f in os.listdir(plain) if f.endswith(".txt")}
    by_text = collections.defaultdict(list)
    spans = collections.defaultdict(list)
    for g in gold:
        by_text[norm(g["text"])].append(g)
        spans[g["doc"]].append((g["start"], g["end"]))

    phrase, conv, other = [], collections.Counter(), []
    for e in report["value_errors"]:
        others = [g for g in by_text[norm(e["gold_text"])]
                  if not (g["doc"] == e["doc"] and g["start"] == e["gold_start"])]
        if any(shape(g["value"]) == shape(e["sys_value"]) for g in others):
            phrase.append(e)
        elif convention(e):
            conv[convention(e)] += 1
        else:
            other.append(e)
    spurious = report["spurious"]
    tagged_elsewhere = [s for s in spurious if norm(s["text"]) in by_text]

    def untagged(text):
        pat = re.compile(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", re.I)
        return any(not any(s <= m.start() < e or s < m.end() <= e for s, e in spans[doc])
                   for doc, t in texts.items() for m in pat.finditer(t))

    misses = report["misses"]
    untagged_elsewhere = [m for m in misses if untagged(m["text"])]

    o = report["overall"]
    G, S, C = o["gold"], o["system"], o["value_correct"]
    print(f"value F1 now {200 * C / (S + G):.2f} ({C} correct values, {S} system tags, {G} gold)")
    print(f"value errors {len(report['value_errors'])}: phrase splits {len(phrase)}, "
          f"convention splits {sum(conv.values())}, other {len(other)}")
    for k, n in conv.most_common():
        print(f"  convention: {k}: {n}")
    print(f"spurious {len(spurious)}: tagged elsewhere in the gold {len(tagged_elsewhere)}, "
          f"never tagged {len(spurious) - len(tagged_elsewhere)}")
    print(f"missed {len(misses)}: the phrase is untagged elsewhere {len(untagged_elsewhere)}, "
          f"other {len(misses) - len(untagged_elsewhere)}")
    fix_v = len(other)
    fix_m = len(misses) - len(untagged_elsewhere)
    drop_s = len(spurious) - len(tagged_elsewhere)
    ceiling = 200 * (C + fix_v + fix_m) / (S + fix_m - drop_s + G)
    print(f"ceiling with every 'other' value error fixed, every 'other' miss found and every "
          f"never-tagged spurious tag dropped: {ceiling:.2f}")
    print(f"correct values needed for 85.00 at today's tag count: +{0.85 * (S + G) / 2 - C:.0f}")
    if "-v" in sys.argv:
        for e in other:
            print("  other:", e["doc"], repr(e["gold_text"]), e["gold_type"], e["gold_value"],
                  "| dateline:", e["sys_type"], e["sys_value"])


if __name__ == "__main__":
    main()
