"""A synthetic corpus of N briefs made from the default sources, for the benchmark.

Each synthetic brief is one of the real sources with its people renamed, its years shifted,
some later paragraphs left out, and a sidecar giving it an outlet and a publication date.
Names and outlets are drawn with Zipf-like weights from pools that grow with N, so the
entity and source indexes grow the way a real corpus's do: a few actors everywhere, a long
tail seen once or twice. The result is deterministic for a given N and set of sources.

The names are a mix of gazetteer people and invented ones (a given name and a surname from
different gazetteer entries), which the builder must romanize, as it does for real unknowns.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.clean.furniture import clean
from builder.extract import extract
from builder.knowledge import Knowledge
from builder.read.sources import discover, read_source

OUTLETS = (
    "Asharq Al-Awsat",
    "Al Jazeera",
    "Al Arabiya",
    "Sky News Arabia",
    "Independent Arabia",
    "BBC Arabic",
    "France 24 Arabic",
    "RT Arabic",
    "Al-Ahram",
    "Al-Quds Al-Arabi",
    "Asharq News",
    "Al-Khaleej",
    "Al-Ittihad",
    "Okaz",
    "Al-Riyadh",
    "Al-Masry Al-Youm",
    "Al-Akhbar",
    "An-Nahar",
    "Al-Rai",
    "Al-Qabas",
    "Al-Watan",
    "Al-Bayan",
    "Al-Ghad",
    "Hespress",
    "Al-Sharq Al-Awsat Online",
    "Anadolu Arabic",
    "Xinhua Arabic",
    "Sputnik Arabic",
    "DW Arabic",
    "CNN Arabic",
)
"""Arabic-language outlets the synthetic briefs are attributed to (weighted, most first)."""

FIRST_DATE = dt.date(2012, 1, 1)
LAST_DATE = dt.date(2026, 10, 31)
_YEAR = re.compile(r"(?<![0-9٠-٩])(19[5-9][0-9]|20[0-4][0-9])(?![0-9٠-٩])")


@dataclass(frozen=True)
class SeedBrief:
    """A real source, analysed once: its text and the Arabic forms of its people."""

    name: str
    """Source file stem (the synthetic file names keep it, for reading the corpus)."""
    text: str
    """The source text exactly as read."""
    people: tuple[tuple[str, ...], ...]
    """For each person the text names: its surface forms, longest first."""
    anchor_year: int | None
    """The year the text mentions most often, the anchor for shifting years."""


def seed_briefs(briefs_dir: Path, knowledge: Knowledge) -> list[SeedBrief]:
    """Read and analyse the default sources that synthetic briefs are made from."""
    seeds = []
    for path in discover(briefs_dir):
        source = read_source(path)
        extraction = extract(clean(source), knowledge)
        people = tuple(
            tuple(sorted(set(actor.forms) | {actor.ar}, key=len, reverse=True))
            for actor in extraction.people
        )
        years = Counter(int(year) for year in _YEAR.findall(source.text))
        anchor = min(years, key=lambda year: (-years[year], -year)) if years else None
        seeds.append(SeedBrief(path.stem, source.text, people, anchor))
    if not seeds:
        raise ValueError(f"{briefs_dir}: no sources to make a synthetic corpus from")
    return seeds


def name_pool(knowledge: Knowledge, size: int, rng: random.Random) -> list[tuple[str, str]]:
    """``size`` people as (full name, surname): gazetteer people first, then invented ones."""
    known = [
        (entry.ar, entry.ar.split()[-1]) for entry in knowledge.people if len(entry.ar.split()) >= 2
    ]
    known.sort()
    given = sorted({full.split()[0] for full, _ in known})
    surnames = sorted({surname for _, surname in known})
    pool = known[: size // 3]
    taken = {full for full, _ in pool}
    while len(pool) < size and len(taken) < len(given) * len(surnames):
        full = f"{rng.choice(given)} {rng.choice(surnames)}"
        if full not in taken:
            taken.add(full)
            pool.append((full, full.split()[-1]))
    return pool


def _zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(count)]


def _rename(text: str, people: Sequence[tuple[str, ...]], names: Sequence[tuple[str, str]]) -> str:
    """Replace each person's forms by a new name: full forms by the full name, one-word
    forms by the surname. Placeholders first, so a new name is never renamed again."""
    replacements: dict[str, str] = {}
    for forms, (full, surname) in zip(people, names, strict=False):
        for form in forms:
            replacements.setdefault(form, full if " " in form else surname)
    if not replacements:
        return text
    ordered = sorted(replacements, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(form) for form in ordered))
    placeholders = {form: f"\x00{index}\x00" for index, form in enumerate(ordered)}
    text = pattern.sub(lambda match: placeholders[match.group(0)], text)
    for form, placeholder in placeholders.items():
        text = text.replace(placeholder, replacements[form])
    return text


def _shift_years(text: str, shift: int) -> str:
    return _YEAR.sub(lambda match: str(int(match.group(0)) + shift), text)


def _drop_paragraphs(text: str, rng: random.Random) -> str:
    """Leave out up to a third of the paragraphs after the first three (briefs vary in length)."""
    lines = text.split("\n")
    head, tail = lines[:3], lines[3:]
    kept = [line for line in tail if not line.strip() or rng.random() > 0.3]
    return "\n".join(head + kept)


def synthetic_corpus(
    seeds: Sequence[SeedBrief], knowledge: Knowledge, count: int, target: Path
) -> list[Path]:
    """Write ``count`` synthetic sources with sidecars into ``target``; returns the sources."""
    rng = random.Random(f"briefing-bench-{count}")
    pool = name_pool(knowledge, max(40, int(8 * count**0.6)), rng)
    name_weights = _zipf_weights(len(pool))
    outlet_weights = _zipf_weights(len(OUTLETS), 0.8)
    span = (LAST_DATE - FIRST_DATE).days
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(count):
        seed = seeds[number % len(seeds)]
        names = rng.choices(pool, weights=name_weights, k=len(seed.people))
        published = FIRST_DATE + dt.timedelta(days=rng.randrange(span))
        text = _rename(seed.text, seed.people, names)
        if seed.anchor_year is not None:
            shift = published.year - seed.anchor_year
            text = _shift_years(text, shift)
        text = _drop_paragraphs(text, rng)
        stem = f"{number:05d}-{seed.name}"
        source = target / f"{stem}.txt"
        source.write_text(text, encoding="utf-8")
        sidecar = {
            "outlet": rng.choices(OUTLETS, weights=outlet_weights)[0],
            "published": published.isoformat(),
        }
        (target / f"{stem}.yaml").write_text(
            "# Synthetic benchmark brief: outlet and date are invented.\n"
            + yaml.safe_dump(sidecar, allow_unicode=True, sort_keys=True),
            encoding="utf-8",
        )
        written.append(source)
    return written
