"""Reading and writing Dateline TSV files (see data/README.md) from the generators.

Shared by the scripts in scripts/kb/ so that every generated file has the same
layout: a `#kind:` line, comment lines naming the sources, a header, rows.
"""

import unicodedata

LIST_SEPARATOR = " | "


def read_rows(path):
    """Yields dicts keyed by the header's column names, skipping comments."""
    header = None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            fields += [""] * (len(header) - len(fields))
            yield dict(zip(header, fields))


def split_list(field):
    return [item.strip() for item in field.split("|") if item.strip()]


def join_list(items):
    return LIST_SEPARATOR.join(unique(items))


def unique(items):
    """Keeps the first of each item, in order."""
    seen = set()
    kept = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            kept.append(item)
    return kept


def fold_ascii(text):
    """Drops diacritics: 'Erdoğan' gives 'Erdogan', 'Côte' gives 'Cote'."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")


def clean_field(text):
    """Tabs, newlines and the list separator cannot appear inside a field."""
    return " ".join(text.replace("|", "/").split())


def write_tsv(path, kind, comments, columns, rows):
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"#kind: {kind}\n")
        for comment in comments:
            out.write(f"# {comment}\n" if comment else "#\n")
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(clean_cell(row.get(column, "")) for column in columns) + "\n")


def clean_cell(value):
    if isinstance(value, (list, tuple)):
        return join_list([clean_field(str(item)) for item in value])
    return clean_field(str(value))
