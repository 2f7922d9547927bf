"""Probe y, step 5: every y row of theme_labels_probe.tsv is a section the parser cuts (no classifier runs).

Run: PYTHONPATH=. .venv/bin/python tests/data/probe/provenance/y_check_keys.py
"""

from tests.labels import PROBE_FILE, parsed_report, read_labels, section_key, split_sections

rows = [row for row in read_labels(PROBE_FILE) if row.source.startswith("probe/y")]
keys: dict[str, list[str]] = {}
missing = []
for row in rows:
    if row.source not in keys:
        report = parsed_report(row.source)
        keys[row.source] = [section_key(report, s) for s in split_sections(report) if s.kind != "report"]
    if row.key not in keys[row.source]:
        missing.append((row.source, row.key))
repeated = [(source, key) for source, found in keys.items() for key in set(found) if found.count(key) > 1]
labelled = {(row.source, row.key) for row in rows}
unlabelled = [(source, key) for source, found in keys.items() for key in found if (source, key) not in labelled]
print(len(rows), "y rows;", len(keys), "texts;", sum(map(len, keys.values())), "parser sections")
print("not found:", missing)
print("parser sections with no row:", unlabelled)
print("duplicate keys in a text:", repeated)
