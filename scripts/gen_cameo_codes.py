#!/usr/bin/env python3
"""Bootstrap data/cameo/codes.tsv from GDELT's CAMEO code table.

Usage: scripts/gen_cameo_codes.py PATH/TO/cameoCodeTable.tsv > data/cameo/codes.tsv

GDELT's table (code, description, Goldstein) is the starting point; QuadClass
follows GDELT 2.0's root lookup. PLOVER columns are filled by hand afterwards
(see data/README.md), so re-running this script overwrites curation: diff first.
"""
import csv
import sys


def quad_class(root: int) -> int:
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


def main(path: str) -> None:
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            code = row[0].strip()
            if not code.isdigit():
                continue
            name = row[1].strip()
            if len(code) == 2:
                name = name.capitalize()
            rows.append((code, name, float(row[2]), quad_class(int(code[:2]))))
    rows.sort()
    print("code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode")
    for code, name, goldstein, quad in rows:
        print(f"{code}\t{name}\t{goldstein:g}\t{quad}\t\t")


if __name__ == "__main__":
    main(sys.argv[1])
