"""Publish a built site as one deployable, reproducible archive (plus its `.sha256`).

Publishing is the last, pure step: it reads a site folder that MkDocs has already built and writes
two files into `out_dir` (nothing else there is touched); the site folder itself is never
modified. It packs exactly the files the build wrote, as listed in the site's manifest
(`baogao.manifest`), each checked against its digest: never a dot-file or anything else put into
the site folder later, and it refuses a site that holds a symbolic link (nothing is ever read
through one). Build first, for the address the archive will be served at, then pack:

    base = validate_base_url("http://oa.example.gov.cn/archive/")
    run_mkdocs(config, pages, site_dir, site_url=base)     # canonical links, sitemap, 404 page
    archive, checksum = publish(site_dir, out_dir, base)

Why the base URL matters although every link in the site is relative (the same build works under
any sub-path and opened from disk): MkDocs writes `site_url` into the canonical links and the
sitemap, and renders `404.html` with absolute paths under it (`/archive/assets/…`) because a
server shows that page for any missing URL. `publish` therefore refuses a site whose canonical
links were built for another address (or without one).

The archive `baogao-site-<version>.tar.gz`:

- holds the site under one top folder `site/` (deploy: extract, point nginx's `alias` at it; see
  deploy/nginx.conf and deploy/README.md);
- adds, beside every text asset (`.js .css .html .json .svg .xml`), a gzip copy `NAME.gz` when that
  copy is smaller, for nginx's `gzip_static on` (the search index shards under `search-index/`
  gain the most); a `.gz` already in the site beside such a file (MkDocs' `sitemap.xml.gz`) is
  replaced by the reproducible one;
- is byte-for-byte reproducible: entries sorted by path, owner `root` (0/0), modes 0644/0755, one
  modification time for every entry, gzip headers with mtime 0 and no file name. Publishing the
  same site twice gives identical bytes (and the same name).

The one modification time is `mtime` if given, else `$SOURCE_DATE_EPOCH`, else the newest file
time in the site. It is deliberately not a constant such as 0: nginx derives `Last-Modified` and
`ETag` from it, and a browser revalidating a page (HTML is served `no-cache`) would be told
"304 Not Modified" for a changed page of the same size if every release carried the same time.

`<version>` is the package version and the first 12 hex digits of a SHA-256 over the archive's
member names and contents (e.g. `baogao-site-0.1.0-3f2a9c1d2e4b.tar.gz`), unless given.

`content_security_policy(site_dir)` returns the Content-Security-Policy the site works under:
Material's templates contain small inline scripts, which the policy allows by their hashes.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import re
import shutil
import tarfile
import tempfile
import time
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from baogao.manifest import MANIFEST, files_under, read_manifest, verify_file

PRECOMPRESS_SUFFIXES = (".js", ".css", ".html", ".json", ".svg", ".xml")
ARCHIVE_ROOT = "site"
ARCHIVE_PREFIX = "baogao-site-"
GZIP_LEVEL = 9       # the .gz copies: compressed once, served many times
ARCHIVE_GZIP_LEVEL = 6

# The policy of deploy/nginx.conf, before the hashes of the site's inline scripts are added.
CSP_DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),  # Material sets style attributes from its bundle
    ("img-src", "'self' data:"),               # Material's icons are data: URLs in its CSS
    ("font-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("frame-ancestors", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# RFC 3986 path characters (unreserved, sub-delims, ':' '@', '/') and %XX escapes.
_PATH_OK = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")
_EXAMPLE = "http://oa.example.gov.cn/archive/"


def validate_base_url(base_url: str) -> str:
    """The URL the site will be served at, as MkDocs' `site_url` wants it; ValueError otherwise.

    Accepted: an absolute http(s) URL with a host, an optional port and an optional sub-path, e.g.
    `http://oa.example.gov.cn/archive/` or `https://10.1.2.3:8443/docs/baogao/`. A missing final
    slash is added (`…/archive` → `…/archive/`: the site is a folder). Rejected, with a message
    saying why: anything else (a bare path such as `/archive/`, other schemes, user names or
    passwords, queries, fragments, white space, `.`/`..` or empty path segments, characters that
    must be percent-encoded).
    """
    if not isinstance(base_url, str) or not base_url.strip():
        raise ValueError(f"base URL is empty: give the address the site will be served at, e.g. {_EXAMPLE}")
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in base_url):
        raise ValueError(f"base URL {base_url!r} contains white space or control characters")
    if "\\" in base_url:
        raise ValueError(f"base URL {base_url!r} contains a backslash: use '/' between path segments")
    parts = urlsplit(base_url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        hint = " (a bare path is not enough: canonical links need the host)" if base_url.startswith("/") else ""
        raise ValueError(f"base URL {base_url!r} must start with http:// or https://{hint}, e.g. {_EXAMPLE}")
    if not parts.hostname:
        raise ValueError(f"base URL {base_url!r} has no host name, e.g. {_EXAMPLE}")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ValueError(f"base URL {base_url!r} must not contain a user name or password")
    try:
        parts.port
    except ValueError:
        raise ValueError(f"base URL {base_url!r} has an invalid port") from None
    if parts.query or parts.fragment or "?" in base_url or "#" in base_url:
        raise ValueError(f"base URL {base_url!r} must not have a query (?…) or a fragment (#…)")
    path = parts.path or "/"
    if not _PATH_OK.fullmatch(path):
        raise ValueError(
            f"base URL {base_url!r}: the path {path!r} has characters that must be percent-encoded "
            "(non-ASCII, spaces, quotes …)"
        )
    if not path.endswith("/"):
        path += "/"
    segments = path.split("/")[1:-1]
    if any(seg in ("", ".", "..") for seg in segments) or re.search(r"%2[eE]|%2[fF]", path):
        raise ValueError(f"base URL {base_url!r}: the path {path!r} has empty, '.' or '..' segments")
    return f"{scheme}://{parts.netloc}{path}"


def built_site_url(site_dir: Path) -> str | None:
    """The `site_url` a site was built with, read from its home page's canonical link."""
    from selectolax.lexbor import LexborHTMLParser

    home = site_dir / "index.html"
    if not home.is_file():
        raise ValueError(f"'{site_dir}' is not a built site: it has no index.html (run `baogao build` first)")
    link = LexborHTMLParser(home.read_text(encoding="utf-8")).css_first('link[rel="canonical"]')
    href = link.attributes.get("href") if link is not None else None
    if not href:
        return None
    return href[: -len("index.html")] if href.endswith("/index.html") else href


def publish(
    site_dir: Path,
    out_dir: Path,
    base_url: str,
    *,
    version: str | None = None,
    mtime: int | None = None,
) -> tuple[Path, Path]:
    """Pack the built `site_dir` into out_dir/baogao-site-<version>.tar.gz (+ `.sha256`).

    `site_dir` must have been built with `run_mkdocs(..., site_url=base_url)`; see the module
    docstring for the archive's layout, reproducibility, `version` and `mtime`. Returns the paths
    of the archive and of its checksum file (`sha256sum` format: `HEX  NAME`).
    """
    site_dir, out_dir = Path(site_dir), Path(out_dir)
    base = validate_base_url(base_url)
    built = built_site_url(site_dir)
    if built is None:
        raise ValueError(
            f"'{site_dir}' was built without a site_url: rebuild it for {base} "
            f"(run_mkdocs(..., site_url={base!r})) before publishing"
        )
    if built != base:
        raise ValueError(
            f"'{site_dir}' was built for {built}, not {base}: rebuild it with "
            f"run_mkdocs(..., site_url={base!r}) before publishing"
        )
    if version is not None and not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.+_-]*", version):
        raise ValueError(f"version {version!r}: use letters, digits, '.', '+', '_' and '-' only")

    files = _site_files(site_dir)
    if out_dir.resolve().is_relative_to(site_dir.resolve()):
        raise ValueError(f"output folder '{out_dir}' is inside the site '{site_dir}': publish to a folder outside it")
    if mtime is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch and not epoch.isdigit():
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds")
        mtime = int(epoch) if epoch else max(int(path.stat().st_mtime) for path in files.values())
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_staging(out_dir)
    with tempfile.TemporaryDirectory(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out_dir) as tmp:
        staging = Path(tmp)
        members = dict(files)
        for rel, path in files.items():
            if rel.endswith(PRECOMPRESS_SUFFIXES):
                data = path.read_bytes()
                packed = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
                if len(packed) < len(data):
                    target = staging / "gz" / f"{rel}.gz"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(packed)
                    members[f"{rel}.gz"] = target
        partial = staging / "archive.tar.gz"
        digest = _write_tar(partial, members, mtime)
        if version is None:
            version = f"{_package_version()}-{digest[:12]}"
        archive = out_dir / f"{ARCHIVE_PREFIX}{version}.tar.gz"
        checksum = archive.with_name(archive.name + ".sha256")
        # Both renamed into place: a link that has either name is replaced, never written through.
        (staging / "sha256").write_text(f"{_sha256_file(partial)}  {archive.name}\n", encoding="utf-8")
        os.replace(partial, archive)
        os.replace(staging / "sha256", checksum)
    return archive, checksum


def inline_script_hashes(site_dir: Path) -> list[str]:
    """CSP source expressions ('sha256-…') of every distinct inline script in the site's pages.

    Data blocks (`<script type="application/json">`, Material's `__config`) are not scripts and
    need no hash. Material 9.8.1 writes three inline scripts: `partials/javascripts/base.html`
    (`__md_scope`, `__md_get` …; its text depends on the page's depth and, in 404.html, on the
    site_url path), `partials/javascripts/palette.html` and `partials/javascripts/content.html`.
    """
    from selectolax.lexbor import LexborHTMLParser

    found: set[str] = set()
    for page in sorted(Path(site_dir).rglob("*.html")):
        for script in LexborHTMLParser(page.read_text(encoding="utf-8")).css("script"):
            kind = (script.attributes.get("type") or "").strip().lower()
            if "src" in script.attributes or kind not in ("", "text/javascript", "application/javascript", "module"):
                continue
            body = script.text(deep=True)
            found.add("'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'")
    return sorted(found)


def content_security_policy(site_dir: Path) -> str:
    """The Content-Security-Policy header value for the site (deploy/nginx.conf uses it verbatim)."""
    hashes = inline_script_hashes(site_dir)
    parts = []
    for name, value in CSP_DIRECTIVES:
        if name == "script-src" and hashes:
            value = " ".join([value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def _site_files(site_dir: Path) -> dict[str, Path]:
    """Archive member name → file, for every file the build wrote (its manifest; regenerated .gz
    left out), each checked against its digest. A symbolic link anywhere in the site is refused."""
    if not site_dir.is_dir():
        raise ValueError(f"site folder '{site_dir}' does not exist")
    links = [path for path in files_under(site_dir) if path.is_symlink()]
    if links:
        raise ValueError(f"'{links[0]}' is a symbolic link: a site holds regular files only; remove it (or rebuild)")
    listed = read_manifest(site_dir)
    if listed is None:
        raise ValueError(f"'{site_dir}' has no list of the files its build wrote ({MANIFEST}): build it with `baogao build`")
    found: dict[str, Path] = {}
    for rel, digest in listed.items():
        if rel.endswith(".gz") and rel[:-3].endswith(PRECOMPRESS_SUFFIXES) and rel[:-3] in listed:
            continue  # replaced by the reproducible copy publish() makes
        found[rel] = verify_file(site_dir, rel, digest)
    return found


STAGING_PREFIX = ".baogao-publish-"  # a publish's own folder in --dist while it packs: .baogao-publish-PID-RANDOM
STALE_STAGING_SECONDS = 3600  # untouched this long, and its process gone: a publish of another machine is not


def _remove_stale_staging(out_dir: Path) -> None:
    """Delete what a killed publish left in `out_dir`: a staging folder whose process is gone and which nothing has
    written to for STALE_STAGING_SECONDS (a publish beside this one keeps its own, even one of another machine or
    container sharing the folder, whose process this one cannot see)."""
    for path in out_dir.glob(f"{STAGING_PREFIX}*-*"):
        pid = path.name[len(STAGING_PREFIX):].split("-", 1)[0]
        if not re.fullmatch(r"[0-9]{1,9}", pid) or path.is_symlink() or not path.is_dir():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # (alive)
        except ProcessLookupError:
            pass
        except PermissionError:  # (alive, another user's)
            continue
        written = [path.stat().st_mtime, *(entry.stat(follow_symlinks=False).st_mtime for entry in os.scandir(path))]
        if time.time() - max(written) > STALE_STAGING_SECONDS:
            shutil.rmtree(path, ignore_errors=True)


def _write_tar(target: Path, members: dict[str, Path], mtime: int) -> str:
    """Write the reproducible tar.gz; returns the SHA-256 over member names and contents."""
    folders = {str(parent) for rel in members for parent in PurePosixPath(rel).parents if str(parent) != "."}
    entries = sorted([(rel, None) for rel in folders] + list(members.items()),
                     key=lambda entry: PurePosixPath(entry[0]).parts)
    digest = hashlib.sha256()
    with open(target, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=ARCHIVE_GZIP_LEVEL, mtime=0) as packed, \
            tarfile.open(fileobj=packed, mode="w", format=tarfile.PAX_FORMAT) as tar:
        tar.addfile(_tar_info(ARCHIVE_ROOT, None, mtime))
        for rel, path in entries:
            name = f"{ARCHIVE_ROOT}/{rel}"
            if path is None:
                tar.addfile(_tar_info(name, None, mtime))
                continue
            data = path.read_bytes()
            digest.update(f"{rel}\0{len(data)}\0".encode("utf-8"))
            digest.update(hashlib.sha256(data).digest())
            tar.addfile(_tar_info(name, len(data), mtime), io.BytesIO(data))
    return digest.hexdigest()


def _tar_info(name: str, size: int | None, mtime: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.mtime = mtime
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    if size is None:
        info.type, info.mode = tarfile.DIRTYPE, 0o755
    else:
        info.size, info.mode = size, 0o644
    return info


def _sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("baogao")
    except PackageNotFoundError:
        return "0"
