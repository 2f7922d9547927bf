"""Pages a build takes from the previous site instead of rendering them again.

Runs inside `baogao build`'s MkDocs run: the plugin asks `keep` for every generated page as
it adds the pages to MkDocs' files (before MkDocs reads any), and calls `finish` after MkDocs
has written the site. Rendering every page is most of MkDocs' time at 10 000 reports, while
adding or changing one report changes few pages: the report's own, its neighbours'
(previous/next), those whose 亦见于 passages it joins or leaves, and the listing pages of its
year, level, type, region, office and themes. A page kept is never read by MkDocs: it stays in
MkDocs' files as a stand-in (so links to it resolve and the sitemap lists it), neither parsed
nor rendered. The generated pages in the nav are taken too (the 提法库 is megabytes of table at
10 000 reports, and rarely changes with one report); the few pages of docs/ are rendered every
time.

A report page's HTML is a function of its converted Markdown (front matter included: its
themes too, so not of themes.yml), its neighbours and reuse entries, and of what all pages
share (any other generated page's, of its Markdown and what all pages share — the nav's
titles are written in mkdocs.yml, so a page's nav names no other page's Markdown): mkdocs.yml, docs/,
overrides/, the baogao code, the versions of MkDocs and its extensions, the site URL. No page
holds an index version (the engines read it from the index manifests), so a page does not
change when an index does. The digest of those inputs is the page's *key*; every site records
the key of each reusable page in `.baogao-pages`. When the previous site holds a page under
the same key, the new site gets a hard link to that file (a copy across file systems): the same
bytes a render would write, so an incremental build gives exactly the site a cold build gives
(tests/test_incremental.py). The previous site is only read: the new one is built beside it
(baogao.outdir) and a reused file is never written to.

A reused page was checked by the build that wrote it (a site is switched in only after its
check), so `baogao build` checks the pages it rendered (`baogao.check.check_site`'s `skip`).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from baogao.filememo import FileMemo
from baogao.manifest import read_manifest, sha256_of
from baogao.site import BUILD_STAMP

PAGE_KEYS = ".baogao-pages"
# What every page is made with besides the project's files (site.project_digest).
RENDER_LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")


def shared_key(project_digest: str, site_url: str | None) -> str:
    """The digest of what every report page is made with."""
    digest = hashlib.sha256(f"{project_digest}\0{site_url or ''}\0".encode())
    for library in RENDER_LIBRARIES:
        digest.update(f"{library} {importlib.metadata.version(library)}\0".encode())
    return digest.hexdigest()


class PageReuse:
    """One build's decisions: which pages to render and which to take from `previous` (the
    out folder's current site, or None)."""

    def __init__(self, previous: Path | None, shared: str, digests: FileMemo):
        self.previous = previous
        self.shared = shared
        self.digests = digests  # also what the new site's `.baogao-files` is written with
        self.keys: dict[str, str] = {}  # site-relative path → key, of every reusable page
        self.reused: set[str] = set()  # site-relative paths of the pages taken
        self._old: dict[str, str] = {}
        self._listed: dict[str, str] = {}
        # Only from a checked site (the stamp comes after the check) that lists its files.
        if previous is not None and (previous / BUILD_STAMP).is_file():
            try:
                self._old = json.loads((previous / PAGE_KEYS).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._old = {}  # a site of an older baogao: render all
            self._listed = read_manifest(previous) or {}

    @staticmethod
    def reusable(dest: str) -> bool:
        """Whether generated file `dest` (site-relative) is a page the previous site may give:
        every page of the pages folder, not catalog.json nor an original offered for download."""
        return dest.endswith(".html")

    def keep(self, dest: str, source: Path, neighbours: Mapping[str, Any], reuse: Mapping[str, bytes]) -> bool:
        """Record the key of page `dest` (site-relative, `reusable`), made from Markdown file
        `source` (and for a report page, its entry in `neighbours` and its line of reuse.json,
        `reuse_lines`, by report id); True when the previous site holds it under that key."""
        folder, _, name = dest.rpartition("/")
        report = name.removesuffix(".html") if folder == "reports" else None  # catalog.report_url
        # the Markdown's digest remembered where it is the file hashed before (most are, unchanged)
        digest = hashlib.sha256(f"{self.shared}\0{sha256_of(source, self.digests)}\0".encode())
        # json.dumps([neighbours, passages], ensure_ascii=False, sort_keys=True), the passages
        # taken as reuse.json's line (that dump of them): no report's passages parsed for its key
        near = json.dumps(neighbours.get(report) if report else None, ensure_ascii=False, sort_keys=True)
        digest.update(f"[{near}, ".encode() + ((reuse.get(report) if report else None) or b"null") + b"]")
        key = self.keys[dest] = digest.hexdigest()
        listed = self._listed.get(dest)
        if self.previous is None or self._old.get(dest) != key or listed is None:
            return False
        try:  # the file as its build wrote and checked it, not as someone edited it since
            if sha256_of(self.previous / dest, self.digests) != listed:
                return False
        except OSError:
            return False
        self.reused.add(dest)
        return True

    def finish(self, site_dir: Path) -> None:
        """After MkDocs wrote the site: link the reused pages in, and record every page's key.
        (~10 000 pages: paths as strings, each folder made once.)"""
        made: set[str] = set()
        for dest in sorted(self.reused):
            source, target = f"{self.previous}/{dest}", f"{site_dir}/{dest}"
            folder = os.path.dirname(target)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        (site_dir / PAGE_KEYS).write_text(json.dumps(self.keys, sort_keys=True, indent=0), encoding="utf-8")
