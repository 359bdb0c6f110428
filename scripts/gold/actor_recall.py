#!/usr/bin/env python3
"""How many labelled events' actors the recogniser finds in their sentence.

For every required event of a labelled-article file, looks at the actor and place mentions
`dateline actors` gives in the event's sentence: the source (and the target) is found exactly
(same actor code), by country only (same first three letters), or not at all. Misses are listed
by code with their sentences, most frequent first: the recogniser's share of the coder's misses.

Usage: scripts/gold/actor_recall.py data/gold/wikinews/dev.jsonl [--dateline target/release/dateline] [-n 30]
"""
import argparse
import collections
import json
import pathlib
import subprocess
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent.parent


def mentions_by_article(articles: list, dateline: str) -> dict:
    records = "".join(
        json.dumps({k: a[k] for k in ("id", "url", "date", "title", "text")}) + "\n" for a in articles
    )
    out = subprocess.run(
        [dateline, "actors", "-", "--input-format", "jsonl", "--format", "jsonl"],
        input=records, capture_output=True, text=True, check=True,
    ).stdout
    return {d["id"]: d["mentions"] for d in map(json.loads, out.splitlines())}


def sentence_codes(mentions: list, sentence: int) -> list:
    codes = []
    for mention in mentions:
        if mention["sentence"] != sentence:
            continue
        if mention["code"]:
            codes.append(mention["code"])
        elif mention["place"] and mention["place"].get("country"):
            codes.append(mention["place"]["country"])
    return codes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold")
    parser.add_argument("--dateline", default=str(REPO / "target" / "release" / "dateline"))
    parser.add_argument("-n", type=int, default=30, help="how many missed codes to list")
    args = parser.parse_args()
    with open(args.gold, encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    mentions = mentions_by_article(articles, args.dateline)
    found = collections.Counter()
    missed = collections.defaultdict(list)
    for article in articles:
        for event in article["events"]:
            if event.get("optional"):
                continue
            codes = sentence_codes(mentions.get(article["id"], []), event["sentence"])
            for role in ("source", "target"):
                code = event[role]
                if code in codes:
                    found[f"{role} exact"] += 1
                elif any(c[:3] == code[:3] for c in codes):
                    found[f"{role} country only"] += 1
                else:
                    found[f"{role} not found"] += 1
                    missed[code].append(article["sentences"][event["sentence"]]["text"])
    for role in ("source", "target"):
        total = sum(n for key, n in found.items() if key.startswith(role))
        parts = ", ".join(f"{key.split(' ', 1)[1]} {found[key]}" for key in sorted(found) if key.startswith(role))
        print(f"{role}: {total} required events: {parts}")
    print("\nmost often missed codes:")
    for code, sentences in sorted(missed.items(), key=lambda kv: -len(kv[1]))[: args.n]:
        print(f"{len(sentences):4} {code}")
        for sentence in sentences[:3]:
            print(f"       {sentence[:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
