#!/usr/bin/env python3
"""Build the labelled Wikinews set in data/gold/wikinews/ (see its README).

The set is made in three steps, each a sub-command:

  prepare   reads the articles listed in data/gold/wikinews/selection.tsv from the Wikinews
            corpus (../shared/corpora/wikinews), segments them with `dateline read` (reading and
            segmenting only: the coder never sees them before they are labelled), and writes one
            work file per article for the annotators: numbered sentences to label.
  assemble  merges the annotators' label files into data/gold/wikinews/{dev,test}.jsonl, one
            article a line, split by article (the split is a hash of the URL, fixed).
  agree     compares two annotators on the articles both labelled (agreement figures).

Usage:
  scripts/gold/wikinews.py prepare --corpus ../shared/corpora/wikinews --dateline target/release/dateline --out WORK
  scripts/gold/wikinews.py assemble --work WORK --labels LABELS_DIR [--primary NAME ...]
  scripts/gold/wikinews.py agree --work WORK --labels LABELS_DIR A B

A label file is LABELS_DIR/ANNOTATOR/ARTICLE_ID.json:
  {"id": ARTICLE_ID, "events": [{"sentence": N, "source": "RUSGOV", "target": "UKR",
   "code": "190", "optional": false, "note": "why, when not obvious"}]}
"""
import argparse
import collections
import csv
import hashlib
import json
import pathlib
import re
import subprocess
import sys
import unicodedata
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
GOLD = REPO / "data" / "gold" / "wikinews"
SELECTION = GOLD / "selection.tsv"
LICENCE = "CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/), Wikinews contributors"


def selection() -> list:
    with open(SELECTION, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def article_id(url: str) -> str:
    """A short stable id from the article's URL: wn- and its title slug."""
    title = urllib.parse.unquote(url.rstrip("/").rsplit("/", 1)[-1])
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return "wn-" + slug[:60].rstrip("-")


def split_of(url: str, kind: str, chosen: list) -> str:
    """Every third article of each kind, in order of URL hash, is test."""
    same_kind = sorted((row["url"] for row in chosen if row["kind"] == kind), key=url_hash)
    return "test" if same_kind.index(url) % 3 == 2 else "dev"


def url_hash(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()


def corpus_rows(corpus: pathlib.Path) -> dict:
    csv.field_size_limit(1 << 30)
    rows = {}
    for path in sorted(corpus.glob("wikinews_*.csv")):
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                rows[row["url"]] = row
    return rows


def prepare(args) -> int:
    rows = corpus_rows(pathlib.Path(args.corpus))
    chosen = selection()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    records = []
    for row in chosen:
        source = rows[row["url"]]
        records.append({
            "id": article_id(row["url"]), "url": row["url"], "date": source["date"],
            "title": source["title"], "text": source["text"],
        })
    read = subprocess.run(
        [args.dateline, "read", "-", "--input-format", "jsonl", "--format", "jsonl"],
        input="".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
        capture_output=True, text=True, check=True,
    )
    by_id = {json.loads(line)["id"]: json.loads(line) for line in read.stdout.splitlines()}
    with open(out / "articles.jsonl", "w", encoding="utf-8") as articles:
        for record, row in zip(records, chosen):
            doc = by_id[record["id"]]
            record["kind"] = row["kind"]
            record["split"] = split_of(row["url"], row["kind"], chosen)
            record["sentences"] = [
                {"index": i, "span": s["span"], "text": s["text"]} for i, s in enumerate(doc["sentences"])
            ]
            articles.write(json.dumps(record, ensure_ascii=False) + "\n")
            write_work_file(out / f"{record['id']}.txt", record)
    print(f"{len(records)} articles prepared in {out}", file=sys.stderr)
    return 0


def write_work_file(path: pathlib.Path, record: dict) -> None:
    lines = [
        f"id: {record['id']}", f"date: {record['date']}", f"title: {record['title']}",
        f"url: {record['url']}", "",
    ]
    lines += [f"[{s['index']}] {s['text']}" for s in record["sentences"]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_articles(work: pathlib.Path) -> dict:
    with open(work / "articles.jsonl", encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def load_labels(labels: pathlib.Path) -> dict:
    """annotator -> article id -> events."""
    found = collections.defaultdict(dict)
    for path in sorted(labels.glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        found[path.parent.name][record["id"]] = record["events"]
    return found


def clean_event(event: dict) -> dict:
    cleaned = {
        "sentence": event["sentence"], "source": event["source"], "target": event["target"],
        "code": event["code"],
    }
    if event.get("optional"):
        cleaned["optional"] = True
    return cleaned


def assemble(args) -> int:
    articles = load_articles(pathlib.Path(args.work))
    labels = load_labels(pathlib.Path(args.labels))
    primary = args.primary or sorted(labels)
    outputs = {"dev": [], "test": []}
    missing = []
    for article_id_, article in sorted(articles.items(), key=lambda kv: (kv[1]["date"], kv[0])):
        annotators = [name for name in primary if article_id_ in labels.get(name, {})]
        if not annotators:
            missing.append(article_id_)
            continue
        events = labels[annotators[0]][article_id_]
        outputs[article["split"]].append({
            "id": article_id_, "url": article["url"], "date": article["date"],
            "title": article["title"], "kind": article["kind"], "annotator": annotators[0],
            "text": article["text"], "sentences": article["sentences"],
            "events": sorted(map(clean_event, events), key=lambda e: (e["sentence"], e["source"], e["target"], e["code"])),
        })
    for split, records in outputs.items():
        with open(GOLD / f"{split}.jsonl", "w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{split}: {len(records)} articles", file=sys.stderr)
    if missing:
        print(f"unlabelled: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


def multiset_scores(a: list, b: list) -> tuple:
    """(agreed, only in a, only in b) over multisets."""
    ca, cb = collections.Counter(a), collections.Counter(b)
    agreed = sum((ca & cb).values())
    return agreed, sum(ca.values()) - agreed, sum(cb.values()) - agreed


def f1(agreed: int, only_a: int, only_b: int) -> float:
    return 2 * agreed / (2 * agreed + only_a + only_b) if agreed else 0.0


def agree(args) -> int:
    labels = load_labels(pathlib.Path(args.labels))
    a, b = labels[args.a], labels[args.b]
    shared = sorted(set(a) & set(b))
    views = {
        "sentence triples": lambda e: (e["sentence"], e["source"], e["target"], e["code"]),
        "sentence country-root": lambda e: (e["sentence"], e["source"][:3], e["target"][:3], e["code"][:2]),
        "article triples": lambda e: (e["source"], e["target"], e["code"]),
        "article country-root": lambda e: (e["source"][:3], e["target"][:3], e["code"][:2]),
    }
    print(f"{len(shared)} articles labelled by both {args.a} and {args.b}")
    for name, key in views.items():
        totals = [0, 0, 0]
        for article in shared:
            required_a = [key(e) for e in a[article] if not e.get("optional")]
            required_b = [key(e) for e in b[article] if not e.get("optional")]
            for i, n in enumerate(multiset_scores(required_a, required_b)):
                totals[i] += n
        print(f"{name:24} agreed {totals[0]:4}  only {args.a} {totals[1]:4}  only {args.b} {totals[2]:4}  F1 {f1(*totals):.3f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("prepare")
    p.add_argument("--corpus", required=True)
    p.add_argument("--dateline", default=str(REPO / "target" / "release" / "dateline"))
    p.add_argument("--out", required=True)
    p.set_defaults(run=prepare)
    p = commands.add_parser("assemble")
    p.add_argument("--work", required=True)
    p.add_argument("--labels", required=True)
    p.add_argument("--primary", nargs="*", help="annotators in order of preference for doubly labelled articles")
    p.set_defaults(run=assemble)
    p = commands.add_parser("agree")
    p.add_argument("--work", required=True)
    p.add_argument("--labels", required=True)
    p.add_argument("a")
    p.add_argument("b")
    p.set_defaults(run=agree)
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
