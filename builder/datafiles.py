"""Reading the data files: a YAML file's top-level mapping, and the checked fields of its
entries, each error naming the file and the field (``builder/data/README.md``); and the name
spellings tables (``name_spellings.tsv``).

:mod:`builder.knowledge` loads every data file through these.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from builder.arabic import fold, has_arabic
from builder.errors import DataFileError

# libyaml's parser when PyYAML has it: the gazetteer alone took over a second to parse in
# Python, in every build and in every extraction worker.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> dict[str, Any]:
    """The file's top-level mapping (empty for an empty file)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise DataFileError(str(path), f"cannot load: {error}") from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(str(path), "top level must be a mapping")
    return data


def string_list(value: Any, path: Path, field: str) -> tuple[str, ...]:
    """A string or a list of strings, stripped, blanks left out."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise DataFileError(str(path), "must be a list of strings", field=field)
    return tuple(item.strip() for item in value if item.strip())


def required_string(item: dict[str, Any], key: str, path: Path, where: str) -> str:
    """The entry's non-empty string ``key``, stripped."""
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(str(path), "required string missing", field=f"{where}.{key}")
    return value.strip()


def mapping_list(data: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    """The section ``key`` of a file: a list of mappings (empty when absent)."""
    items = data.get(key) or []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise DataFileError(str(path), "must be a list of mappings", field=key)
    return items


def section_entries(paths: list[Path], section: str) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    """Every entry of one section across the files, as (file, "section[index]", entry)."""
    for path in paths:
        for index, item in enumerate(mapping_list(load_yaml(path), section, path)):
            yield path, f"{section}[{index}]", item


PACKAGE_DATA = Path(__file__).with_name("data")
"""The package's own data folder: the one place every loader (and ``builder.config``) finds
it; here because reading the data files is extraction code and the configuration is not."""

PACKAGE_SPELLINGS = PACKAGE_DATA / "name_spellings.tsv"
"""The package's name spellings, made by ``python -m briefing_tools.name_table``."""


def load_spellings(paths: tuple[Path, ...]) -> dict[str, str]:
    """Folded Arabic name token -> English spelling, from ``name_spellings.tsv`` files
    (``arabic<TAB>English[<TAB>Arabic-style English]`` lines, ``#`` comments); a later file
    overrides a token."""
    return _tables(paths)[0]


def load_arab_spellings(paths: tuple[Path, ...]) -> dict[str, str]:
    """Folded Arabic name token -> its spelling in an Arab's name, where the commonest one
    is not an Arabic transliteration (the optional third column: «بادي» Buddy, but Badi in
    «راجح بادي»)."""
    return _tables(paths)[1]


def _tables(paths: tuple[Path, ...]) -> tuple[dict[str, str], dict[str, str]]:
    # The files' times are part of the cache key: `mkdocs serve` sees an edited file.
    stamp = tuple(path.stat().st_mtime_ns if path.is_file() else 0 for path in paths)
    return _spellings_cached(paths, stamp)


@lru_cache(maxsize=4)
def _spellings_cached(
    paths: tuple[Path, ...], _stamp: tuple[int, ...]
) -> tuple[dict[str, str], dict[str, str]]:
    table: dict[str, str] = {}
    arab: dict[str, str] = {}
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise DataFileError(str(path), f"cannot load: {error}") from error
        if path == PACKAGE_SPELLINGS:
            # The package's file is folded and checked already (tests/knowledge): read
            # fast, since a build reads it once per extraction process.
            for line in lines:
                if line and line[0] != "#":
                    arabic, _, english = line.partition("\t")
                    english, tab, arab_style = english.partition("\t")
                    table[arabic] = english
                    if tab:
                        arab[arabic] = arab_style
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            arabic, tab, english = line.partition("\t")
            english, _, arab_style = english.partition("\t")
            if not tab or not has_arabic(arabic) or not english.strip() or has_arabic(english):
                raise DataFileError(str(path), "want arabic<TAB>English", field=f"line {number}")
            key = fold(arabic.strip()).replace(" ", "")
            table[key] = english.strip()
            if arab_style.strip() and not has_arabic(arab_style):
                arab[key] = arab_style.strip()
            else:
                arab.pop(key, None)
    return table, arab
