"""English names of people nobody listed: fixture names with their expected English."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.arabic import fold, has_arabic
from builder.datafiles import PACKAGE_SPELLINGS
from builder.errors import DataFileError
from builder.extract.romanize import romanize
from builder.extract.spellings import arabic_style, english_name
from builder.knowledge import Knowledge, load_knowledge

LOWER_PARTICLES = ("de", "van", "von", "der", "den", "ter", "da", "dos", "das", "del")

FIXTURES = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "english_names.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", FIXTURES["names"], ids=[c["en"] for c in FIXTURES["names"]])
def test_english_names(case: dict, knowledge: Knowledge) -> None:
    name = english_name(case["ar"], knowledge)
    assert (name.en, name.source) == (case["en"], case["source"])


@pytest.mark.parametrize("arabic", list(FIXTURES["romanize"]))
def test_romanization_puts_back_short_vowels(arabic: str) -> None:
    assert romanize(arabic) == FIXTURES["romanize"][arabic]


def test_a_data_folder_adds_and_overrides_spellings(tmp_path: Path) -> None:
    # The user's file need not be folded: «أمانو» and «امانو» are one token.
    (tmp_path / "name_spellings.tsv").write_text(
        "# our house style\nأمانو\tAmanou\nالقطن\tal-Qutn\nقطن\tQatan\n", encoding="utf-8"
    )
    knowledge = load_knowledge((PACKAGE_SPELLINGS.parent, tmp_path))
    assert english_name("يوكيا أمانو", knowledge).en == "Yukiya Amanou"
    assert english_name("سالم قطن", knowledge).en == "Salem Qatan"
    assert english_name("سالم قطن", knowledge).source == "name-table"


def test_a_bad_spellings_line_stops_the_load_naming_the_line(tmp_path: Path) -> None:
    (tmp_path / "name_spellings.tsv").write_text("قطن Qatan\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 1"):
        load_knowledge((PACKAGE_SPELLINGS.parent, tmp_path))


def test_the_package_table_is_folded_and_clean() -> None:
    """Every line of the package's table as the fast loader expects it: a folded Arabic
    token, a tab, an English spelling with no Arabic letters."""
    lines = [
        line
        for line in PACKAGE_SPELLINGS.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    assert len(lines) > 40_000
    keys = []
    for line in lines:
        arabic, english, *arab = line.split("\t")
        assert arabic == fold(arabic) and " " not in arabic, line
        assert english and not has_arabic(english), line
        # The optional third column: an Arabic transliteration beside a foreign homograph.
        assert len(arab) <= 1 and all(
            spelling and arabic_style(spelling) and not arabic_style(english) for spelling in arab
        ), line
        assert english[:1].isupper() or english in (
            "de",
            "van",
            "von",
            "der",
            "den",
            "ter",
            "da",
            "dos",
            "das",
            "del",
        ), line
        keys.append(arabic)
    assert keys == sorted(keys)
