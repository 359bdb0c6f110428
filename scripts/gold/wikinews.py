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
  scripts/gold/wikinews.py assemble --work WORK --labels LABELS_DIR [--pairs PAIRS]
  scripts/gold/wikinews.py agree --labels LABELS_DIR --pairs PAIRS [--without ARTICLE_ID]

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
    # An article labelled twice keeps its first annotator's labels.
    first = {}
    if args.pairs:
        with open(args.pairs, encoding="utf-8") as f:
            first = {line.split()[0]: line.split()[1] for line in f if line.strip()}
    outputs = {"dev": [], "test": []}
    missing = []
    for article_id_, article in sorted(articles.items(), key=lambda kv: (kv[1]["date"], kv[0])):
        order = [first[article_id_]] + primary if article_id_ in first else primary
        annotators = [name for name in order if article_id_ in labels.get(name, {})]
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


def match(gold: list, predicted: list) -> tuple:
    """(agreed, missing, extra) of predicted keys against (key, optional) gold items:
    required items are matched first; a prediction matching an optional item is excused."""
    required = collections.Counter(k for k, optional in gold if not optional)
    optional = collections.Counter(k for k, optional in gold if optional)
    agreed = extra = 0
    for key in predicted:
        if required[key] > 0:
            required[key] -= 1
            agreed += 1
        elif optional[key] > 0:
            optional[key] -= 1
        else:
            extra += 1
    return agreed, sum(required.values()), extra


def f1(agreed: int, missing: int, extra: int) -> float:
    return 2 * agreed / (2 * agreed + missing + extra) if agreed else 0.0


VIEWS = {
    "sentence triples": lambda e: (e["sentence"], e["source"], e["target"], e["code"]),
    "sentence country-root": lambda e: (e["sentence"], e["source"][:3], e["target"][:3], e["code"][:2]),
    "article triples": lambda e: (e["source"], e["target"], e["code"]),
    "article country-root": lambda e: (e["source"][:3], e["target"][:3], e["code"][:2]),
}


def agreement(pairs: list, labels: dict) -> dict:
    """Pooled agreement over (article, a, b) pairs: `strict` compares required events only;
    `optional-aware` scores each annotator's required events against the other's labels with
    optional events excused (as `dateline eval` does), averaged over both directions."""
    results = {}
    for name, key in VIEWS.items():
        strict = [0, 0, 0]
        aware = {"ab": [0, 0, 0], "ba": [0, 0, 0]}
        for article, a, b in pairs:
            events_a, events_b = labels[a][article], labels[b][article]
            gold_a = [(key(e), bool(e.get("optional"))) for e in events_a]
            gold_b = [(key(e), bool(e.get("optional"))) for e in events_b]
            req_a = [k for k, optional in gold_a if not optional]
            req_b = [k for k, optional in gold_b if not optional]
            for i, n in enumerate(match([(k, False) for k in req_a], req_b)):
                strict[i] += n
            for direction, gold, predicted in (("ab", gold_a, req_b), ("ba", gold_b, req_a)):
                for i, n in enumerate(match(gold, predicted)):
                    aware[direction][i] += n
        results[name] = {
            "strict": (f1(*strict), strict),
            "optional-aware": ((f1(*aware["ab"]) + f1(*aware["ba"])) / 2, aware["ab"]),
        }
    return results


def agree(args) -> int:
    labels = load_labels(pathlib.Path(args.labels))
    with open(args.pairs, encoding="utf-8") as f:
        pairs = [tuple(line.split()) for line in f if line.strip()]
    print(f"{len(pairs)} articles labelled twice")
    groups = {"all": pairs}
    for article, _, _ in pairs:
        groups[f"without {article}"] = [p for p in pairs if p[0] != article]
    chosen = {"all": pairs}
    if args.without:
        chosen[f"without {args.without}"] = groups[f"without {args.without}"]
    for group, members in chosen.items():
        print(f"{group} ({len(members)} articles)")
        for name, result in agreement(members, labels).items():
            strict, (a, m, e) = result["strict"]
            aware, _ = result["optional-aware"]
            print(f"  {name:24} strict F1 {strict:.3f} (agreed {a}, one side only {m + e})   optional-aware F1 {aware:.3f}")
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
    p.add_argument("--primary", nargs="*", help="annotators in order of preference")
    p.add_argument("--pairs", help="lines of: article-id first-annotator second-annotator")
    p.set_defaults(run=assemble)
    p = commands.add_parser("agree")
    p.add_argument("--labels", required=True)
    p.add_argument("--pairs", required=True, help="lines of: article-id annotator-a annotator-b")
    p.add_argument("--without", help="also report without this article")
    p.set_defaults(run=agree)
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
