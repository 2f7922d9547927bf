"""查重: which passages of a text also stand in the archive.

`fingerprint` defines "near" (the skeleton, k-grams, winnowing, every constant), `index`
writes the fingerprint index at build time, `match` checks a draft against it (the CLI; the
browser's twin is overrides/assets/javascripts/baogao-similar.js, reading the same constants
from the index manifest), `reuse` finds the passages reports share, for report pages and the
archive's reuse page.
"""
