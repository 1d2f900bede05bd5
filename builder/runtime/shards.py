"""Merging the sites of a build cut into shards (``briefing build --shard K/N`` on N machines)
into one site.

Each shard's site has every file of the whole site but the pages of the other shards (and
their PDFs) and the search index: the assets, the navigation's pages, the sitemap, the feeds,
the data exports and the manifest are in all of them, and the same bytes, since every shard
built the same inputs. A shard's site carries a mark (:data:`SHARD_MARK`) with its number and
the site key; merging checks that the shards are the N parts of one build (the same key and
count, each number once), that the files they share are the same bytes, and that every page of
the manifest is there. Nothing here knows about MkDocs or Pagefind (``builder.cli.merge``
indexes the merged site).
"""

from __future__ import annotations

import filecmp
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from builder.errors import BriefingError
from builder.runtime.publish import MANIFEST, link_files, load_manifest

SHARD_MARK = ".briefing-shard.json"
"""The mark of a shard's site, at its root; a merged site has none."""


@dataclass(frozen=True)
class MergeReport:
    """What a merge put together."""

    shards: int
    """Shards merged."""
    files: int
    """Files of the merged site."""
    shared: int
    """Files found in more than one shard (the same bytes in each)."""


def write_shard_mark(site_dir: Path, key: str, shard: str) -> None:
    """Mark ``site_dir`` as shard ``shard`` (``"2/3"``) of the build with ``key``."""
    text = json.dumps({"format": 1, "key": key, "shard": shard}, sort_keys=True)
    (site_dir / SHARD_MARK).write_text(text + "\n", encoding="utf-8")


def _read_mark(site_dir: Path) -> tuple[str, int, int]:
    path = site_dir / SHARD_MARK
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        number, count = (int(part) for part in str(raw["shard"]).split("/"))
        return str(raw["key"]), number, count
    except OSError:
        raise BriefingError(
            f"{path}: not a shard's site (build it with `briefing build --shard K/N`)"
        ) from None
    except (ValueError, KeyError, TypeError) as error:
        raise BriefingError(f"{path} [shard]: unreadable shard mark: {error}") from None


def check_shards(shard_dirs: Sequence[Path]) -> None:
    """Raise a BriefingError unless ``shard_dirs`` are every shard of one build."""
    if not shard_dirs:
        raise BriefingError("merge: no shard folders given")
    key, _, count = _read_mark(shard_dirs[0])
    numbers: dict[int, Path] = {}
    for folder in shard_dirs:
        other_key, number, other_count = _read_mark(folder)
        if other_key != key or other_count != count:
            raise BriefingError(
                f"{folder / SHARD_MARK}: not a shard of the same build as {shard_dirs[0]}"
                " (another builder, configuration or shard count)"
            )
        if number in numbers:
            raise BriefingError(f"{folder / SHARD_MARK}: shard {number} given twice")
        numbers[number] = folder
    missing = sorted(set(range(1, count + 1)) - set(numbers))
    if missing:
        raise BriefingError(f"merge: shard {', '.join(f'{n}/{count}' for n in missing)} missing")


def merge_shards(shard_dirs: Sequence[Path], target: Path) -> MergeReport:
    """Put the sites in ``shard_dirs`` together in the empty folder ``target`` (hard links
    where the file system allows, else copies); the shards are left as they were."""
    check_shards(shard_dirs)
    ordered = sorted(shard_dirs, key=lambda folder: _read_mark(folder)[1])
    origin: dict[str, Path] = {}
    shared = 0
    for folder in ordered:
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(folder).as_posix()
            if relative == SHARD_MARK:
                continue
            if relative in origin:
                if not filecmp.cmp(origin[relative], path, shallow=False):
                    raise BriefingError(
                        f"{path}: differs from {origin[relative]}; the shards were not built"
                        " from the same inputs"
                    )
                shared += 1
                continue
            origin[relative] = path
    link_files((path, target / relative) for relative, path in origin.items())
    manifest = load_manifest(target)
    if manifest is None:
        raise BriefingError(f"{ordered[0] / MANIFEST}: the shards have no readable manifest")
    absent = sorted(page for page in manifest.pages if page not in origin)
    if absent:
        more = f" and {len(absent) - 3} more" if len(absent) > 3 else ""
        raise BriefingError(f"merge: pages missing from every shard: {', '.join(absent[:3])}{more}")
    return MergeReport(shards=len(ordered), files=len(origin), shared=shared)
