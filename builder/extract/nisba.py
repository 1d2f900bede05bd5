"""Nisba adjectives (صيني, أمريكي) in all their inflections, for countries and bodies."""

from __future__ import annotations

_NISBA_ENDINGS = ("", "ة", "ون", "ين", "ان", "تان", "تين", "ات")


def nisba_forms(adjective: str) -> list[str]:
    """All inflections of a nisba adjective, with and without the article."""
    stem = adjective[:-1] if adjective.endswith("ي") else adjective
    forms = []
    for ending in _NISBA_ENDINGS:
        word = adjective + ending if ending else adjective
        if ending in ("ون", "ين", "ان", "تان", "تين", "ات") and not adjective.endswith("ي"):
            continue
        if ending == "ات":
            word = stem + "يات"
        forms += [word, "ال" + word]
    return forms
