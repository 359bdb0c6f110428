#!/usr/bin/env python3
"""Check the event lexicon (data/verbs/lexicon/) and print its size per CAMEO root.

Usage:
    scripts/lexicon/check_event_lexicon.py [--words] [--ambiguous] [REPO_ROOT]

    REPO_ROOT    the repository (default: two folders above this script)
    --words      also list the head words missing from data/lexicon/verbs.tsv and
                 nouns.tsv (possible typos; reported as a count otherwise)
    --ambiguous  also list the pairs of rows that can fire on the same words with
                 different codes (same word and kind, a shared target slot, and
                 needs= lists that overlap or are both absent; frame rows are
                 exempt, as they apply only with an embedded act)

Checks every `RR-name.tsv` (one per CAMEO root 01..20) and `light-verbs.txt`
against the format in data/verbs/lexicon/README.md: the header row, five or six
tab-separated fields, codes that exist in data/cameo/codes.tsv and belong to
the file's root, kinds, targets, flags (a frame's code belongs to its root
family), and no two rows with the same (code, word, kind, target). Errors are
printed as FILE:LINE: message and make the exit status 1; the counts are
printed either way.
"""
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HEADER = ["code", "word", "kind", "target", "flags", "note"]
KINDS = {"verb", "noun"}
# Prepositions a target may name; `obj` is the direct object (for nouns, the
# of-phrase patient). Multi-word prepositions are written with spaces.
PREPOSITIONS = {
    "about", "across", "after", "against", "along", "amid", "among", "around", "as", "at",
    "before", "behind", "between", "by", "close to", "for", "from", "in", "inside", "into",
    "near", "of", "off", "on", "on behalf of", "onto", "out of", "outside", "over", "regarding",
    "through", "to", "toward", "towards", "under", "upon", "with", "within",
}
FRAME_ROOTS = {"appeal": "02", "intent": "03", "refuse": "12", "demand": "10", "threat": "13"}
IMPLICIT = {"government", "country"}
FILE_NAME = re.compile(r"^(\d\d)-[a-z]+(?:-[a-z]+)*\.tsv$")
WORD = re.compile(r"^[a-z0-9éè'.-]+(?: [a-z0-9éè'.-]+)*$")


class Report:
    """Errors as FILE:LINE: message (FILE relative to the repository), in the order found."""

    def __init__(self, repo):
        self.repo = repo
        self.errors = []

    def error(self, path, line_no, message):
        try:
            path = path.relative_to(self.repo)
        except ValueError:
            pass
        self.errors.append(f"{path}:{line_no}: {message}")


def read_codes(repo):
    """The CAMEO codes of data/cameo/codes.tsv."""
    codes = set()
    for line in (repo / "data/cameo/codes.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first = line.split("\t", 1)[0]
            if first.isdigit():
                codes.add(first)
    return codes


def read_lemmas(repo, name):
    """Lemmas of data/lexicon/NAME (first column), for the typo report."""
    path = repo / "data/lexicon" / name
    if not path.exists():
        return set()
    lemmas = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lemmas.add(line.split("\t", 1)[0])
    return lemmas


def data_lines(path):
    """(line number, text) of the lines that are neither blank nor comments."""
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            yield line_no, line


def check_target(target, report, where):
    if target == "-":
        return
    items = target.split("|")
    if len(set(items)) != len(items):
        report.error(*where, f"repeated item in target {target!r}")
    for item in items:
        if item != "obj" and item not in PREPOSITIONS:
            report.error(*where, f"target {item!r} is neither 'obj' nor a known preposition")


def check_needs(value, report, where):
    items = value.split("|")
    if not value or any(not item for item in items):
        report.error(*where, "needs= has an empty word")
    if len(set(items)) != len(items):
        report.error(*where, "needs= repeats a word")
    for item in items:
        if item and not WORD.match(item):
            report.error(*where, f"needs= word {item!r} is not a lower-case lemma")


def check_flags(flags, code, kind, report, where):
    """Each flag known, at most one of each kind; a frame's code in its root family."""
    if flags == "-":
        return
    seen = Counter()
    for flag in flags.split(","):
        name, _, value = flag.partition("=")
        seen[name] += 1
        if name == "recip" and not value:
            continue
        if name == "implicit" and value in IMPLICIT:
            continue
        if name == "of" and value == "source":
            if kind != "noun":
                report.error(*where, "of=source is for nouns")
            continue
        if name == "frame" and value in FRAME_ROOTS:
            if code[:2] != FRAME_ROOTS[value]:
                report.error(*where, f"frame={value} row must carry a root {FRAME_ROOTS[value]} code")
            continue
        if name == "needs":
            check_needs(value, report, where)
            continue
        if name == "complement" and value == "quoted":
            continue
        report.error(*where, f"unknown flag {flag!r}")
    for name, count in seen.items():
        if count > 1:
            report.error(*where, f"flag {name!r} given {count} times")


def check_fields(fields, root, codes, report, where):
    """One row's fields; returns (code, word, kind, target) or None."""
    if len(fields) not in (5, 6):
        report.error(*where, f"expected 5 or 6 tab-separated fields, found {len(fields)}")
        return None
    for field in fields:
        if field != field.strip() or "  " in field or not field:
            report.error(*where, f"field {field!r} is empty or has stray spaces")
            return None
    code, word, kind, target, flags = fields[:5]
    if len(fields) == 6 and fields[5] == "-":
        report.error(*where, "an empty note is left out, not written '-'")
    if code not in codes:
        report.error(*where, f"code {code} is not in data/cameo/codes.tsv")
    elif code[:2] != root:
        report.error(*where, f"code {code} does not belong to root {root}")
    if not WORD.match(word):
        report.error(*where, f"word {word!r} is not a lower-case lemma")
    if kind not in KINDS:
        report.error(*where, f"kind {kind!r} is not verb or noun")
    check_target(target, report, where)
    check_flags(flags, code, kind, report, where)
    # Rows of one word that differ only in a condition (needs=, complement=) are distinct.
    conditions = tuple(sorted(f for f in flags.split(",") if f.startswith(("needs=", "complement="))))
    return code, word, kind, target, conditions


def check_file(path, root, codes, report, keys):
    """Checks one root file; returns its rows as (code, word, kind, target, flags)."""
    rows = []
    lines = list(data_lines(path))
    if not lines or lines[0][1].split("\t") != HEADER:
        report.error(path, lines[0][0] if lines else 1, f"the first row must be the header {HEADER}")
        return rows
    for line_no, line in lines[1:]:
        where = (path, line_no)
        fields = line.split("\t")
        key = check_fields(fields, root, codes, report, where)
        if key is None:
            continue
        if key in keys:
            report.error(*where, f"duplicate of {keys[key]} (same code, word, kind, target and conditions)")
        keys[key] = f"{path.name}:{line_no}"
        rows.append((*key[:4], fields[4]))
    return rows


def check_light_verbs(path, report):
    """Light verbs: one lower-case verb a line, no repeats."""
    seen = {}
    if not path.exists():
        report.error(path, 1, "missing")
        return []
    for line_no, line in data_lines(path):
        verb = line.strip()
        if line != verb or not WORD.match(verb):
            report.error(path, line_no, f"{line!r} is not one lower-case verb")
        if verb in seen:
            report.error(path, line_no, f"{verb!r} repeats line {seen[verb]}")
        seen[verb] = line_no
    return list(seen)


def known_verb(word, verbs):
    """Some word of the entry is a verb lemma ('sexually assault', 'carry out')."""
    return any(part in verbs for part in word.split(" "))


def known_noun(word, nouns, verbs):
    """The entry's last word is a noun lemma, a plural of one, or a verb's -ing form."""
    head = word.split(" ")[-1]
    forms = {head, head[:-1], head[:-3] + "y"}
    stems = {head[:-3], head[:-3] + "e", head[:-4]} if head.endswith("ing") else set()
    return bool(forms & nouns) or bool(stems & verbs)


def unknown_heads(rows, light_verbs, verbs, nouns):
    """Entries whose head word the lemma lists lack (possible typos, or rare words)."""
    if not verbs or not nouns:
        return []
    missing = set()
    for _code, word, kind, _target, _flags in rows:
        known = known_verb(word, verbs) if kind == "verb" else known_noun(word, nouns, verbs)
        if not known:
            missing.add(f"{kind} {word}")
    missing.update(f"light verb {verb}" for verb in light_verbs if not known_verb(verb, verbs))
    return sorted(missing)


def needs_of(flags):
    """The needs= words of a flags field (a quoted-complement condition counts as one),
    or None when the row has none."""
    if "complement=quoted" in flags.split(","):
        return {"<quoted complement>"}
    for flag in flags.split(","):
        if flag.startswith("needs="):
            return set(flag[len("needs="):].split("|"))
    return None


def ambiguous_pairs(rows):
    """Rows of one word and kind that can fire on the same sentence with different codes."""
    by_word = defaultdict(list)
    for row in rows:
        by_word[(row[1], row[2])].append(row)
    pairs = []
    for (word, kind), group in sorted(by_word.items()):
        for i, first in enumerate(group):
            for second in group[i + 1:]:
                if first[0] == second[0] or "frame=" in first[4] + second[4]:
                    continue
                slots = set(first[3].split("|")) & set(second[3].split("|"))
                needs = needs_of(first[4]), needs_of(second[4])
                shared = (needs[0] is None and needs[1] is None) or (
                    None not in needs and needs[0] & needs[1])
                if slots and shared:
                    pairs.append(f"{kind} {word}: {first[0]} and {second[0]} on {sorted(slots)}")
    return pairs


def print_counts(rows_by_root, codes):
    """Rows, verbs, nouns, distinct words and codes covered, per root and in all."""
    print("root  rows  verbs  nouns  words  codes covered")
    totals = Counter()
    for root in sorted(rows_by_root):
        rows = rows_by_root[root]
        kinds = Counter(row[2] for row in rows)
        words = {(row[1], row[2]) for row in rows}
        covered = {row[0] for row in rows}
        in_root = {code for code in codes if code[:2] == root and len(code) > 2}
        print(f"{root}    {len(rows):4}  {kinds['verb']:5}  {kinds['noun']:5}  {len(words):5}"
              f"  {len(covered & in_root)}/{len(in_root)}")
        totals.update(rows=len(rows), verbs=kinds["verb"], nouns=kinds["noun"], words=len(words))
    print(f"all   {totals['rows']:4}  {totals['verbs']:5}  {totals['nouns']:5}  {totals['words']:5}")


def main(argv):
    show_words = "--words" in argv
    show_ambiguous = "--ambiguous" in argv
    args = [arg for arg in argv if not arg.startswith("--")]
    repo = (Path(args[0]) if args else Path(__file__).resolve().parents[2]).resolve()
    lexicon = repo / "data/verbs/lexicon"
    codes = read_codes(repo)
    report = Report(repo)
    keys = {}
    rows_by_root = defaultdict(list)
    files = sorted(p for p in lexicon.glob("*.tsv"))
    for path in files:
        match = FILE_NAME.match(path.name)
        if not match:
            report.error(path, 1, "file name must be RR-name.tsv")
            continue
        root = match.group(1)
        if root in rows_by_root:
            report.error(path, 1, f"a second file for root {root}")
        rows_by_root[root].extend(check_file(path, root, codes, report, keys))
    for root in (f"{n:02}" for n in range(1, 21)):
        if root not in rows_by_root:
            report.error(lexicon, 1, f"no file for root {root}")
    light_verbs = check_light_verbs(lexicon / "light-verbs.txt", report)
    print_counts(rows_by_root, codes)
    print(f"light verbs: {len(light_verbs)}")
    all_rows = [row for rows in rows_by_root.values() for row in rows]
    missing = unknown_heads(all_rows, light_verbs, read_lemmas(repo, "verbs.tsv"),
                            read_lemmas(repo, "nouns.tsv"))
    print(f"head words not in data/lexicon (check spelling): {len(missing)}")
    if show_words:
        for entry in missing:
            print(f"  {entry}")
    ambiguous = ambiguous_pairs(all_rows)
    print(f"rows that can fire together with different codes: {len(ambiguous)} pairs")
    if show_ambiguous:
        for pair in ambiguous:
            print(f"  {pair}")
    for error in report.errors:
        print(error, file=sys.stderr)
    if report.errors:
        print(f"{len(report.errors)} errors", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
