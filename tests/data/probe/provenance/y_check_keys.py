# Probe y, step 5: every y row of theme_labels_probe.tsv is a section the parser cuts (no classifier runs).
# Run: PYTHONPATH=. .venv/bin/python tests/data/probe/provenance/y_check_keys.py
from tests.labels import *
from tests.labels import parsed_report, split_sections, section_key, read_labels, PROBE_FILE
rows=[r for r in read_labels(PROBE_FILE) if r.source.startswith('probe/y')]
keys={}
missing=[]
for r in rows:
    if r.source not in keys:
        rep=parsed_report(r.source)
        keys[r.source]=[section_key(rep,s) for s in split_sections(rep) if s.kind!='report']
    if r.key not in keys[r.source]: missing.append((r.source,r.key))
dups=[(s,k) for s,ks in keys.items() for k in set(ks) if ks.count(k)>1]
labelled={(r.source,r.key) for r in rows}
unlabelled=[(s,k) for s,ks in keys.items() for k in ks if (s,k) not in labelled]
print(len(rows),'y rows;',len(keys),'texts;',sum(map(len,keys.values())),'parser sections')
print('not found:',missing)
print('parser sections with no row:',unlabelled)
print('duplicate keys in a text:',dups)
