"""``python -m briefing_tools.name_table``: the two public tables joined into one."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED

from briefing_tools.name_table import (
    WIKIDATA,
    WIKIPEDIA,
    capitalized,
    corresponds,
    join_tables,
    main,
)
from builder.datafiles import PACKAGE_SPELLINGS

SHARED_NAMES = SHARED / "names"


def _tables(folder: Path) -> Path:
    # Rows written for the test: counts decide, junk pairs and particles are left out.
    (folder / WIKIDATA).write_text(
        "khaled\tخ ا ل د\t98\n"
        "khalid\tخ ا ل د\t66\n"
        "austria\tا ل ن م س ا\t87\n"
        "ibn\tب ن\t321\n"
        "mogherini\tم و غ ي ر ي ن ي\t1\n"
        "cevdet\tج و د ت\t5\n"
        "jawdat\tج و د ت\t2\n"
        "ahmadinejad\tن ج ا د\t3\n"
        "x\tإ ك س\t4\n",
        encoding="utf-8",
    )
    (folder / WIKIPEDIA).write_text("جودت\tjawdat\nأوكونور\to'connor\n", encoding="utf-8")
    return folder


def test_tables_are_joined_by_votes(tmp_path: Path) -> None:
    table = join_tables(_tables(tmp_path))
    assert table["خالد"] == "Khaled"  # the more frequent spelling
    assert table["موغيريني"] == "Mogherini"  # a single label is enough
    assert table["جودت"] == "Jawdat"  # a Wikipedia pair weighs five labels
    assert table["اوكونور"] == "O'Connor"  # folded key (أ -> ا), capitalized
    # Not names of these letters, a particle, a one-letter "name", a glued-on word.
    assert {"النمسا", "بن", "اكس", "نجاد"}.isdisjoint(table)


def test_the_command_writes_a_sorted_tsv(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.tsv"
    assert main([str(_tables(tmp_path)), str(out)]) == 0
    lines = [line for line in out.read_text("utf-8").splitlines() if not line.startswith("#")]
    assert lines == sorted(lines) and "خالد\tKhaled" in lines
    assert main([]) == 2


def test_consonants_must_correspond() -> None:
    assert corresponds("فابيوس", "fabius") and corresponds("تشيس", "chase")
    assert corresponds("جورج", "george") and corresponds("هولاند", "hollande")
    assert not corresponds("النمسا", "austria") and not corresponds("من", "of")


def test_names_are_capitalized_as_english_writes_them() -> None:
    assert capitalized("jean-yves") == "Jean-Yves"
    assert capitalized("mcdonald") == "McDonald"
    assert capitalized("de") == "de"
    assert capitalized("sa'id") == "Sa'id"


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_NAMES.is_dir(), reason="../shared/names not present")
def test_the_package_table_is_what_the_tool_makes(tmp_path: Path) -> None:
    out = tmp_path / "name_spellings.tsv"
    assert main([str(SHARED_NAMES), str(out)]) == 0
    assert out.read_text("utf-8") == PACKAGE_SPELLINGS.read_text("utf-8")
