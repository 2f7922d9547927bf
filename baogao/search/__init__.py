"""Exact Chinese phrase search: a sharded n-gram index built at build time (index.py), queried
by the browser (overrides/assets/javascripts/baogao-search.js) and by `baogao search` (query.py)
with the same semantics (normalize.py); what the CLI and the MkDocs glue call is the backend seam
(backend.py)."""
