"""The list of files a build wrote: `.baogao-files` in the site, in `sha256sum` format.

Written by `baogao.site.run_mkdocs` right after MkDocs has built the site (search index
included), before the fidelity check. It is what makes a site baogao's own:

- `baogao publish` packs exactly these files, each checked against its digest;
- the out-folder guard (`baogao.outdir`) tells baogao's files from anything a user put there;
- "up to date" is only said of a site whose listed files are all present.

Dot-files are never part of a site (MkDocs writes none; baogao's own, this list and the build
stamp, are not site content): they are not listed, so never published. From the site folder,
`sha256sum -c .baogao-files` verifies it by hand.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from baogao.filememo import FileMemo

MANIFEST = ".baogao-files"
# In the pages folder: the digests of the last site built from it, and of its pages' Markdown,
# by inode (baogao.filememo).
DIGESTS = ".baogao-digests.json"


def write_manifest(site_dir: Path, digests: FileMemo) -> None:
    """List every file of the freshly built `site_dir` with its SHA-256 (from `digests` where a
    file is one a build hashed before, unchanged: a reused page, an index file); a symbolic
    link in it is an error (a site holds regular files only, so nothing is ever read through a
    link)."""
    lines = []
    for rel in site_files(site_dir):
        path = f"{site_dir}/{rel}"  # strings: ~100 000 `Path`s cost seconds
        status = os.lstat(path)  # (one call a file: the check for a link and the digests' memory)
        if stat.S_ISLNK(status.st_mode):
            raise ValueError(f"'{path}' is a symbolic link: a site holds regular files only")
        if "/." not in f"/{rel}":  # no part of it a dot-file or dot-folder
            lines.append(f"{digests.get_by_status(path, status, lambda: file_sha256(path))}  {rel}\n")
    (site_dir / MANIFEST).write_text("".join(lines), encoding="utf-8")


def read_manifest(site_dir: Path) -> dict[str, str] | None:
    """Relative path → SHA-256 of the files the build wrote; None if the site has no list."""
    try:
        text = (site_dir / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return {line[66:]: line[:64] for line in text.splitlines()}


def manifest_complete(site_dir: Path) -> bool:
    """Every listed file is there (a cheap test, no digests)."""
    listed = read_manifest(site_dir)
    return listed is not None and all((site_dir / rel).is_file() for rel in listed)


def verify_file(site_dir: Path, rel: str, digest: str) -> Path:
    """The listed file `rel`, if it is still a regular file with the digest the build wrote."""
    path = site_dir / rel
    # (a rebuild alone would not mend it: a build takes the pages it has not changed from the site before, and a
    # site whose files are all there is up to date)
    again = f"delete '{site_dir}' and build or publish again"
    if path.is_symlink() or not path.is_file():
        raise ValueError(f"'{path}' is missing or not a regular file: the site changed after it was built; {again}")
    if file_sha256(path) != digest:
        raise ValueError(f"'{path}' changed after the site was built: {again}")
    return path


def files_under(folder: Path) -> list[Path]:
    """Every file under `folder` and every symbolic link, to a file or a folder (never
    followed), sorted by path (`site_files`)."""
    return [folder / rel for rel in site_files(folder)]


def site_files(folder: Path) -> list[str]:
    """The relative (POSIX) paths of `files_under(folder)`, sorted as strings (sorting ~80 000
    `Path`s costs seconds)."""
    found: list[str] = []
    for parent, folders, files in os.walk(folder):
        prefix = os.path.relpath(parent, folder).replace(os.sep, "/") + "/"
        prefix = "" if prefix == "./" else prefix
        found.extend(prefix + name for name in files)
        found.extend(prefix + name for name in folders if os.path.islink(os.path.join(parent, name)))
    return sorted(found)


def sha256_of(path: Path | str, digests: FileMemo) -> str:
    """The SHA-256 of file `path`, from `digests` when it is the file a build hashed, unchanged."""
    return digests.get([path], lambda: file_sha256(path))


def file_sha256(path: Path | str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
