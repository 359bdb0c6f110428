#!/usr/bin/env python3
"""Check the labelled evaluation set: schema, codes, actor codes, ids, and coverage.

Usage: data/gold/check_gold.py [FILE.jsonl ...]   (default: data/gold/dev.jsonl data/gold/test.jsonl)

Exits 1 and names file:line for every malformed record; prints per-file counts and, for the
files together, how many sentences carry an event of each CAMEO root.
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
         "NGO", "REF", "CVL", "SPY", "EDU", "LAB", "HLH", "CRM", "ELI", "REL", "AGR", "ENV", "HRI"}
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


def main(paths: list) -> int:
    codes = cameo_codes()
    ids, texts, failures = set(), set(), 0
    roots = collections.Counter()
    for path in paths:
        records = events = empty = 0
        for number, line in enumerate(open(path, encoding="utf-8"), start=1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                print(f"{path}:{number}: not JSON: {err}")
                failures += 1
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
        print(f"{path}: {records} records, {events} events, {empty} without events")
    print("sentences per root:", " ".join(f"{root}:{roots[root]}" for root in sorted(roots)))
    missing = [f"{root:02d}" for root in range(1, 21) if f"{root:02d}" not in roots]
    if missing:
        print("roots without any sentence:", " ".join(missing))
    return 1 if failures or missing else 0


if __name__ == "__main__":
    default = [str(HERE / "dev.jsonl"), str(HERE / "test.jsonl")]
    sys.exit(main(sys.argv[1:] or default))
