#!/usr/bin/env python3
"""Converts PETRARCH-1's validation records (PETR.UnitTest.records.xml, from
the openeventdata PETRARCH repositories, MIT licence) into Dateline's gold
JSONL format (data/gold/README.md), so `dateline eval` can score Dateline on
the community's own suite with the suite's own dictionaries.

Usage:
    python3 scripts/petrarch/unittest_to_gold.py PETR.UnitTest.records.xml \
        [--all] [-o gold.jsonl]

Only records marked as expected to code correctly (`sentence="true"` or
`valid="true"`) are written unless --all is given. Dates YYYYMMDD become
YYYY-MM-DD; `<EventCoding noevents="True">` becomes an empty event list.
The dictionaries the file names in its <Environment> block are printed on
standard error, to pass to `dateline eval --no-builtin --verbs ... --actors
... --agents ... --discards ...`. The records file itself is never to be
committed to the Dateline repository.
"""

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET


def expected_to_pass(sentence):
    """PETRARCH's own flag: records it does not expect to code are skipped."""
    flag = sentence.get("sentence", sentence.get("valid", "true"))
    return flag.strip().lower() == "true"


def iso_date(text):
    text = (text or "").strip()
    if re.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if re.fullmatch(r"\d{6}", text):
        century = "20" if int(text[:2]) <= 30 else "19"
        return f"{century}{text[:2]}-{text[2:4]}-{text[4:]}"
    return None


def events_of(sentence):
    events = []
    for coding in sentence.findall("EventCoding"):
        if coding.get("noevents", "").strip().lower() in ("true", "1", "yes"):
            return []
        source = coding.get("sourcecode", "").strip()
        target = coding.get("targetcode", "").strip()
        code = coding.get("eventcode", "").strip()
        if source and code:
            events.append({"source": source, "target": target, "code": code})
    return events


def records(root, include_all):
    for sentence in root.iter("Sentence"):
        if not include_all and not expected_to_pass(sentence):
            continue
        text_node = sentence.find("Text")
        if text_node is None or not (text_node.text or "").strip():
            continue
        yield {
            "id": sentence.get("id", "").strip(),
            "date": iso_date(sentence.get("date")),
            "text": " ".join(text_node.text.split()),
            "events": events_of(sentence),
            "category": sentence.get("category", "").strip(),
        }


def environment(root):
    found = {}
    env = root.find("Environment")
    if env is None:
        return found
    for tag in ("Verbfile", "Actorfile", "Agentfile", "Discardfile"):
        node = env.find(tag)
        if node is not None:
            found[tag] = (node.text or node.get("name") or "").strip()
    for config in root.iter("Config"):
        found[f"option {config.get('option')}"] = config.get("value")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", help="path to PETR.UnitTest.records.xml")
    parser.add_argument("--all", action="store_true", help="also records PETRARCH does not expect to pass")
    parser.add_argument("-o", "--output", help="gold JSONL file (default: standard output)")
    args = parser.parse_args()
    try:
        root = ET.parse(args.records).getroot()
    except (OSError, ET.ParseError) as err:
        sys.exit(f"{args.records}: {err}")
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    n_records = n_events = 0
    for record in records(root, args.all):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n_records += 1
        n_events += len(record["events"])
    if args.output:
        out.close()
    for name, value in environment(root).items():
        print(f"{name}: {value}", file=sys.stderr)
    print(f"{n_records} records, {n_events} events", file=sys.stderr)


if __name__ == "__main__":
    main()
