#!/usr/bin/env python3
"""Check the labelled evaluation sets: schema, codes, actor codes, ids, spans, and coverage.

Usage: data/gold/check_gold.py [FILE.jsonl ...]
(default: the written sentences data/gold/written/{dev,test}.jsonl and the labelled articles
data/gold/wikinews/{dev,test}.jsonl)

A file holds labelled sentences ({"id","date","text","events"}) or labelled articles (with
"sentences"; see data/gold/wikinews/README.md). Exits 1 and names file:line for every malformed
record; prints per-file counts and, for the written sentences, how many sentences carry an event
of each CAMEO root (every root must be covered).
"""
import collections
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
CODES_TSV = HERE.parent / "cameo" / "codes.tsv"
# The role segments of data/actors/agents.tsv; a third segment names a group (PSEREBHMS).
ROLES = {"GOV", "MIL", "COP", "REB", "INS", "SEP", "UAF", "OPP", "LEG", "JUD", "MED", "BUS",
         "NGO", "REF", "CVL", "SPY", "EDU", "LAB", "HLH", "CRM", "ELI", "REL", "AGR", "ENV", "HRI",
         # CAMEO's religion segment, in transnational groups' codes (IMGMUSISI, IMGMUSALQ).
         "MUS"}
ACTOR = re.compile(r"^(?:IGO[A-Z]{3,12}|[A-Z]{3}(?:[A-Z]{3}){0,2})$")


def cameo_codes() -> set:
    with open(CODES_TSV, encoding="utf-8") as f:
        return {line.split("\t")[0] for line in f if line[:1].isdigit()}


def actor_problem(code: str) -> str | None:
    if not ACTOR.match(code):
        return f"actor code {code!r} is not a country/IGO code with an optional role"
    if not code.startswith("IGO") and len(code) > 3 and code[3:6] not in ROLES:
        return f"actor code {code!r} has an unknown role {code[3:6]!r}"
    return None


def record_problems(record: dict, codes: set) -> list:
    problems = []
    if set(record) != {"id", "date", "text", "events"}:
        problems.append(f"fields must be id, date, text, events; found {sorted(record)}")
        return problems
    try:
        datetime.date.fromisoformat(record["date"])
    except (TypeError, ValueError):
        problems.append(f"bad date {record['date']!r}")
    if not isinstance(record["text"], str) or not record["text"].strip():
        problems.append("empty text")
    for event in record["events"]:
        if set(event) != {"source", "target", "code"}:
            problems.append(f"event fields must be source, target, code; found {sorted(event)}")
            continue
        if event["code"] not in codes:
            problems.append(f"code {event['code']!r} is not in data/cameo/codes.tsv")
        problems += filter(None, (actor_problem(event["source"]), actor_problem(event["target"])))
    return problems


ARTICLE_FIELDS = {"id", "url", "date", "title", "kind", "annotator", "text", "sentences", "events"}
EVENT_FIELDS = {"sentence", "source", "target", "code"}


def article_problems(record: dict, codes: set) -> list:
    """Problems of one labelled article: fields, sentences (in order, inside the text's length,
    not overlapping), and events (known sentence, code and actor codes)."""
    if set(record) != ARTICLE_FIELDS:
        return [f"fields must be {sorted(ARTICLE_FIELDS)}; found {sorted(record)}"]
    problems = []
    try:
        datetime.date.fromisoformat(record["date"])
    except (TypeError, ValueError):
        problems.append(f"bad date {record['date']!r}")
    if record["kind"] not in ("political", "negative"):
        problems.append(f"kind must be political or negative, not {record['kind']!r}")
    end = 0
    for number, sentence in enumerate(record["sentences"]):
        start, stop = sentence["span"]
        if sentence["index"] != number or start < end or stop <= start or not sentence["text"].strip():
            problems.append(f"sentence {number}: index, span or text out of order")
        end = stop
    for event in record["events"]:
        if not EVENT_FIELDS <= set(event) <= EVENT_FIELDS | {"optional"}:
            problems.append(f"event fields must be {sorted(EVENT_FIELDS)} and optional; found {sorted(event)}")
            continue
        if not 0 <= event["sentence"] < len(record["sentences"]):
            problems.append(f"event in unknown sentence {event['sentence']}")
        if event.get("optional") not in (None, True):
            problems.append("optional must be true or absent")
        if event["code"] not in codes:
            problems.append(f"code {event['code']!r} is not in data/cameo/codes.tsv")
        problems += filter(None, (actor_problem(event["source"]), actor_problem(event["target"])))
    return problems


def check_articles(path: str, records: list, codes: set, ids: set) -> int:
    failures = events = optional = sentences = 0
    for number, record in records:
        problems = article_problems(record, codes)
        if record.get("id") in ids:
            problems.append(f"duplicate id {record['id']!r}")
        ids.add(record.get("id"))
        for problem in problems:
            print(f"{path}:{number}: {problem}")
        failures += bool(problems)
        sentences += len(record.get("sentences", []))
        for event in record.get("events", []):
            optional += bool(event.get("optional"))
            events += not event.get("optional")
    print(f"{path}: {len(records)} articles, {sentences} sentences, {events} events (and {optional} optional)")
    return failures


def main(paths: list) -> int:
    codes = cameo_codes()
    ids, texts, failures = set(), set(), 0
    roots = collections.Counter()
    written = False
    for path in paths:
        records = events = empty = 0
        articles = []
        for number, line in enumerate(open(path, encoding="utf-8"), start=1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                print(f"{path}:{number}: not JSON: {err}")
                failures += 1
                continue
            if "sentences" in record:
                articles.append((number, record))
                continue
            problems = record_problems(record, codes)
            if record.get("id") in ids:
                problems.append(f"duplicate id {record['id']!r}")
            if record.get("text") in texts:
                problems.append("duplicate text")
            ids.add(record.get("id"))
            texts.add(record.get("text"))
            for problem in problems:
                print(f"{path}:{number}: {problem}")
            failures += bool(problems)
            records += 1
            events += len(record.get("events", []))
            empty += not record.get("events")
            roots.update({event["code"][:2] for event in record.get("events", [])})
        if articles:
            failures += check_articles(path, articles, codes, ids)
        if records:
            written = True
            print(f"{path}: {records} records, {events} events, {empty} without events")
    if not written:
        return 1 if failures else 0
    print("sentences per root:", " ".join(f"{root}:{roots[root]}" for root in sorted(roots)))
    missing = [f"{root:02d}" for root in range(1, 21) if f"{root:02d}" not in roots]
    if missing:
        print("roots without any sentence:", " ".join(missing))
    return 1 if failures or missing else 0


if __name__ == "__main__":
    default = [str(HERE / part / f"{split}.jsonl") for part in ("written", "wikinews") for split in ("dev", "test")]
    default = [path for path in default if pathlib.Path(path).exists()]
    sys.exit(main(sys.argv[1:] or default))
