"""Gold annotation files: what a careful analyst extracts from one article.

The format is the one of ``../shared/gold/`` (see its README): a YAML mapping with
``pub_date``, ``junk_mentions`` and one list per field (``dates``, ``people``,
``organizations``, ``countries``, ``numbers``, ``quotes``). Loading checks the shape and
reports a bad file by name and field, like a bad brief.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from builder.errors import BriefError

ACTOR_FIELDS = ("people", "organizations", "countries")
LIST_FIELDS = ("dates", "numbers", "quotes", *ACTOR_FIELDS)


@dataclass(frozen=True)
class GoldDate:
    """A date span the analyst marked."""

    text: str
    """Exact span of the article."""
    iso: str | None
    """Value from the text alone (``XXXX-MM`` when the year is not stated, null if relative)."""
    count: int = 1
    """How many times this identical span occurs as a date."""
    uncertain: bool = False
    """A judgement call: left out of the score either way."""


@dataclass(frozen=True)
class GoldActor:
    """A person, organization or country, with every surface form found."""

    ar: str
    """Main (fullest) Arabic form."""
    en: str
    """Common English name; may carry a parenthetical alternative."""
    forms: tuple[str, ...] = ()
    """Other surface forms present in the article."""
    uncertain: bool = False
    """A judgement call: left out of the score either way."""


@dataclass(frozen=True)
class GoldNumber:
    """A salient quantity."""

    text: str
    """Exact span."""
    value: float | None
    """Full numeric value."""
    uncertain: bool = False


@dataclass(frozen=True)
class GoldQuote:
    """A direct or reported statement."""

    speaker_en: str
    """Who said it, in English (name or description)."""
    text_start: str
    """About six words at the start of the content, verbatim."""
    kind: str
    """``direct`` or ``indirect``."""
    uncertain: bool = False


@dataclass(frozen=True)
class Gold:
    """One article's gold annotations."""

    file: str
    """The gold file, as named in messages."""
    article: str
    """Stem of the article file the annotations belong to."""
    pub_date: str | None
    """Publication date used to anchor relative dates."""
    junk_mentions: tuple[str, ...]
    """Strings found only in page furniture; never actors."""
    dates: tuple[GoldDate, ...]
    numbers: tuple[GoldNumber, ...]
    quotes: tuple[GoldQuote, ...]
    people: tuple[GoldActor, ...]
    organizations: tuple[GoldActor, ...]
    countries: tuple[GoldActor, ...]


def _text(item: dict[str, Any], key: str, file: str, field: str, *, required: bool = True) -> Any:
    value = item.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)  # an unquoted year such as 2021
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise BriefError(file, f"{key!r} must be a non-empty string", field=field)
    return value


def _items(data: dict[str, Any], name: str, file: str) -> list[dict[str, Any]]:
    items = data.get(name) or []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise BriefError(file, "must be a list of mappings", field=name)
    return items


def _actor(item: dict[str, Any], file: str, field: str) -> GoldActor:
    forms = item.get("forms") or []
    if not isinstance(forms, list) or not all(isinstance(form, str) for form in forms):
        raise BriefError(file, "'forms' must be a list of strings", field=field)
    return GoldActor(
        ar=_text(item, "ar", file, field),
        en=_text(item, "en", file, field),
        forms=tuple(forms),
        uncertain=bool(item.get("uncertain")),
    )


def _pub_date(value: Any, file: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    # The year or month alone is allowed when that is all the analyst could establish.
    if re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?", text):
        return text
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError as error:
        raise BriefError(
            file, f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {value!r}", field="pub_date"
        ) from error


def parse_gold(data: Any, file: str, stem: str) -> Gold:
    """Validate a parsed gold mapping and return :class:`Gold`."""
    if not isinstance(data, dict):
        raise BriefError(file, "a gold file must be a YAML mapping", field="article")
    junk = [
        item.get("text") if isinstance(item, dict) else item
        for item in data.get("junk_mentions") or []
    ]
    junk_texts = [text for text in junk if isinstance(text, str)]
    if len(junk_texts) != len(junk):
        raise BriefError(file, "each item needs a 'text' string", field="junk_mentions")
    dates = []
    for index, item in enumerate(_items(data, "dates", file)):
        field = f"dates[{index}]"
        count = item.get("count", 1)
        if not isinstance(count, int) or count < 1:
            raise BriefError(file, "'count' must be a positive integer", field=field)
        dates.append(
            GoldDate(
                text=str(_text(item, "text", file, field)),
                iso=None if item.get("iso") is None else str(item["iso"]),
                count=count,
                uncertain=bool(item.get("uncertain")),
            )
        )
    numbers = []
    for index, item in enumerate(_items(data, "numbers", file)):
        value = item.get("value")
        if value is not None and not isinstance(value, int | float):
            raise BriefError(file, "'value' must be a number", field=f"numbers[{index}]")
        numbers.append(
            GoldNumber(
                text=str(_text(item, "text", file, f"numbers[{index}]")),
                value=value,
                uncertain=bool(item.get("uncertain")),
            )
        )
    quotes = []
    for index, item in enumerate(_items(data, "quotes", file)):
        field = f"quotes[{index}]"
        kind = item.get("type", "indirect")
        if kind not in ("direct", "indirect"):
            raise BriefError(file, "'type' must be direct or indirect", field=field)
        quotes.append(
            GoldQuote(
                speaker_en=_text(item, "speaker_en", file, field),
                text_start=_text(item, "text_start", file, field),
                kind=kind,
                uncertain=bool(item.get("uncertain")),
            )
        )
    actors = {
        name: tuple(
            _actor(item, file, f"{name}[{index}]")
            for index, item in enumerate(_items(data, name, file))
        )
        for name in ACTOR_FIELDS
    }
    article = data.get("article", stem)
    return Gold(
        file=file,
        article=str(article),
        pub_date=_pub_date(data.get("pub_date"), file),
        junk_mentions=tuple(junk_texts),
        dates=tuple(dates),
        numbers=tuple(numbers),
        quotes=tuple(quotes),
        **actors,
    )


def load_gold(path: Path) -> Gold:
    """Read and validate one gold file."""
    file = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise BriefError(file, f"cannot read: {error}") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise BriefError(
            file,
            f"malformed YAML: {getattr(error, 'problem', None) or error}",
            line=None if mark is None else mark.line + 1,
        ) from error
    return parse_gold(data, file, path.stem)


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold files of a folder, sorted (README and other non-YAML files ignored)."""
    return sorted(
        path for path in gold_dir.iterdir() if path.suffix in (".yaml", ".yml") and path.is_file()
    )
