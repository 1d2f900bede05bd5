"""Publishing what changed: what ``briefing build`` keeps of the last site it published.

A build writes a manifest into the site (:data:`MANIFEST`): a key of everything every page's
HTML depends on (the builder's own files, the versions of MkDocs, the theme and the plugins,
``mkdocs.yml``, the theme overrides, the site address), the navigation of each language and,
for every page, a hash of its Markdown, where its links and language switcher lead, and its
output file. The next build with the same key renders only the pages whose entry changed;
the others' HTML is taken from the last site (hard-linked, else copied) into the new one,
which is then byte-identical to a build from scratch (``tests/plugin/test_publish_site.py``).
A page is rendered again when its Markdown or an address it links to changed, and every page
is when the key or a navigation changed. Nothing here knows about MkDocs
(``builder.plugin.publishing`` is the adapter).
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import shutil
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

MANIFEST = ".briefing-site.json"
"""The manifest's file name, at the site root (written last: a site without one, or with one
from another builder, is built in full)."""

FORMAT = 1
"""The manifest's format; another one means a full build."""

DISTRIBUTIONS = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "pymdown-extensions",
    "markdown",
    "jinja2",
)
"""The packages whose version is part of the key: they turn Markdown into the pages' HTML."""

_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|(?:href|src)=[\"']([^\"']+)[\"']")


@dataclass(frozen=True)
class PageEntry:
    """What one page's HTML was made from, besides the key and the navigation."""

    source: str
    """The Markdown file, relative to ``docs/`` (as MkDocs' ``src_uri``)."""
    markdown: str
    """Hash of the Markdown file's bytes."""
    links: tuple[tuple[str, str | None], ...]
    """Each relative link target of the Markdown and the address it resolved to (None: no
    such file), sorted."""
    alternates: tuple[tuple[str, str], ...]
    """The page in each language (the language switcher's links), sorted."""


@dataclass(frozen=True)
class Manifest:
    """What the last site was built from (see the module's docstring)."""

    key: str
    navigations: dict[str, str]
    """Hash of each language's navigation (titles and addresses of the pages in it)."""
    pages: dict[str, PageEntry]
    """Each page by its output file, relative to the site root (``en/briefs/x/index.html``)."""


def digest(data: bytes | str) -> str:
    """A short content hash (BLAKE2b, 128 bits, hex)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def file_digest(path: Path) -> str:
    """:func:`digest` of a file's bytes."""
    return digest(path.read_bytes())


def tree_digest(folder: Path | None) -> str:
    """Hash of the names and bytes of every file under ``folder`` (empty when missing)."""
    if folder is None or not folder.is_dir():
        return digest("")
    lines = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            lines.append(f"{path.relative_to(folder).as_posix()} {file_digest(path)}")
    return digest("\n".join(lines))


@lru_cache(maxsize=1)
def builder_digest() -> str:
    """Hash of the builder package's files (code, templates, data): any change to the builder
    counts as a new version, whatever ``builder.version`` says."""
    return tree_digest(Path(__file__).resolve().parents[1])


def site_key(config_file: Path | None, overrides: Path | None, settings: Mapping[str, str]) -> str:
    """The key every kept page must share with the last build: the builder, the packages
    that render pages, ``mkdocs.yml``, the theme overrides and ``settings`` (values that do
    not come from ``mkdocs.yml`` itself, such as the site address from the environment)."""
    versions = {}
    for name in DISTRIBUTIONS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = ""
    parts = {
        "format": str(FORMAT),
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "builder": builder_digest(),
        "packages": json.dumps(versions, sort_keys=True),
        "mkdocs.yml": file_digest(config_file) if config_file and config_file.is_file() else "",
        "overrides": tree_digest(overrides),
        **{f"setting:{name}": value for name, value in settings.items()},
    }
    return digest(json.dumps(parts, sort_keys=True))


def link_targets(markdown: str, source: str) -> list[str]:
    """The relative link and image targets of a page's Markdown (and inline HTML), as paths
    relative to ``docs/``; links to other sites, to the page itself (``#...``) and absolute
    paths are left out."""
    found = set()
    folder = posixpath.dirname(source)
    for match in _LINK.finditer(markdown):
        target = (match.group(1) or match.group(2)).split("#", 1)[0].split("?", 1)[0]
        if not target or target.startswith("/") or ":" in target:
            continue
        found.add(posixpath.normpath(posixpath.join(folder, target)))
    return sorted(found)


def load_manifest(site_dir: Path) -> Manifest | None:
    """The manifest of the site in ``site_dir``; None when there is none or it is unreadable."""
    try:
        raw = json.loads((site_dir / MANIFEST).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return None
        pages = {
            path: PageEntry(
                source=entry["source"],
                markdown=entry["markdown"],
                links=tuple((target, url) for target, url in entry["links"]),
                alternates=tuple((lang, url) for lang, url in entry["alternates"]),
            )
            for path, entry in raw["pages"].items()
        }
        return Manifest(key=raw["key"], navigations=dict(raw["navigations"]), pages=pages)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_manifest(site_dir: Path, manifest: Manifest) -> None:
    """Write the manifest of a finished site (deterministic: same inputs, same bytes)."""
    raw = {
        "format": FORMAT,
        "key": manifest.key,
        "navigations": manifest.navigations,
        "pages": {
            path: {
                "source": entry.source,
                "markdown": entry.markdown,
                "links": entry.links,
                "alternates": entry.alternates,
            }
            for path, entry in manifest.pages.items()
        },
    }
    text = json.dumps(raw, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    (site_dir / MANIFEST).write_text(text + "\n", encoding="utf-8")


def forget_manifest(site_dir: Path) -> None:
    """Remove the manifest of a site written by other means (``mkdocs build --dirty``): its
    pages can no longer be trusted to match it."""
    (site_dir / MANIFEST).unlink(missing_ok=True)


def keep_files(old_root: Path, new_root: Path, paths: Iterable[str]) -> None:
    """Put each of ``paths`` (relative to the site roots) of the last site into the new one
    (:func:`link_files`: neither build writes into a kept page)."""
    link_files((old_root / path, new_root / path) for path in paths)


def link_files(pairs: Iterable[tuple[Path, Path]]) -> None:
    """Give each target of ``pairs`` its source's bytes: a hard link where the file system
    allows it, else a copy."""
    linking = True
    made: set[str] = set()
    for source, target in pairs:
        # A kept page is a folder of its own (``briefs/x/index.html``): each folder is made
        # once, with plain strings (pathlib's mkdir cost more than the links at 15,000 pages).
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if linking:
            try:
                os.link(source, target)
                continue
            except OSError:
                linking = False
        shutil.copy2(source, target)


@dataclass(frozen=True)
class SourceStamp:
    """What a Markdown file gave when last read, and its size and time then."""

    size: int
    mtime_ns: int
    markdown: str
    """:func:`digest` of its bytes."""
    targets: tuple[str, ...]
    """Its :func:`link_targets`."""


def load_stamps(path: Path) -> dict[str, SourceStamp]:
    """The stamps of the last build's Markdown files (by path); none when unreadable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return {}
        return {
            source: SourceStamp(int(size), int(mtime), str(markdown), tuple(targets))
            for source, (size, mtime, markdown, targets) in raw["sources"].items()
        }
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_stamps(path: Path, stamps: Mapping[str, SourceStamp]) -> None:
    """Keep ``stamps`` for the next build (written whole, then renamed into place)."""
    sources = {
        source: [stamp.size, stamp.mtime_ns, stamp.markdown, stamp.targets]
        for source, stamp in sorted(stamps.items())
    }
    text = json.dumps({"format": FORMAT, "sources": sources}, ensure_ascii=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass  # the next build reads every file again


def stamp_source(path: Path, source: str, last: SourceStamp | None) -> SourceStamp:
    """The stamp of the Markdown file at ``path`` (``source`` relative to ``docs/``): the last
    one while the file's size and modification time are the same (the builder rewrites only
    the files whose text changed), else from its bytes."""
    status = path.stat()
    if last is not None and (last.size, last.mtime_ns) == (status.st_size, status.st_mtime_ns):
        return last
    raw = path.read_bytes()
    targets = tuple(link_targets(raw.decode("utf-8", "replace"), source))
    return SourceStamp(status.st_size, status.st_mtime_ns, digest(raw), targets)
