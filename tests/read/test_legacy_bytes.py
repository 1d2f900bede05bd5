"""Text with a few stray bytes is text: legacy archive exports (windows-1256, CRLF, a
trailing NUL) and stray control characters are read, cleaned and noted, while files that
are not text (binary data, UTF-16 without a byte-order mark) are still refused."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import SHARED
from mkdocs.utils.meta import get_data

from builder.config import PACKAGE_DATA, BuildConfig
from builder.errors import BriefError
from builder.pipeline import build
from builder.read.characters import describe_changes, normalize_characters
from builder.read.sources import read_source

ARTICLE = (
    "الدوحة - أكد وزير الخارجية في مؤتمر صحفي اليوم أن المحادثات مع الجانب الأمريكي "
    "ستستأنف الأسبوع المقبل في جنيف، مشيرا إلى أن الوفدين سيبحثان الحد من الأسلحة.\n\n"
    "وأضاف الوزير أن «الحوار هو السبيل الوحيد»، وأن بلاده لن تقبل بأي شروط مسبقة.\n"
)
"""A short article written for these tests, long enough to weigh a few stray bytes."""

LEGACY_ARTICLES = sorted((SHARED / "dev" / "articles").glob("d2[1-4]_*.txt"))
"""The dev set's four legacy exports (windows-1256, CRLF, one trailing NUL byte)."""


def _read(tmp_path: Path, data: bytes) -> object:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    try:
        return read_source(path, display="briefs/a.txt")
    except BriefError as error:
        return error


def _legacy_export(text: str) -> bytes:
    """``text`` as a legacy newspaper archive exports it."""
    return text.replace("\n", "\r\n").encode("cp1256") + b"\x00"


def test_a_legacy_export_with_a_trailing_nul_is_read_with_a_note(tmp_path: Path) -> None:
    doc = _read(tmp_path, _legacy_export(ARTICLE))
    assert not isinstance(doc, BriefError), doc
    assert doc.encoding == "windows-1256"
    assert doc.text == ARTICLE
    assert doc.normalized == (("nul", 1),)
    assert describe_changes(doc.normalized) == "1 NUL bytes removed"


def test_stray_nul_bytes_inside_words_are_removed(tmp_path: Path) -> None:
    data = ARTICLE.replace("الخارجية", "الخار\x00جية").replace("جنيف", "\x00جنيف\x00")
    doc = _read(tmp_path, data.encode("utf-8"))
    assert not isinstance(doc, BriefError), doc
    assert doc.text == ARTICLE
    assert doc.normalized == (("nul", 3),)


def test_nul_bytes_and_other_controls_are_told_apart() -> None:
    text, changes = normalize_characters("قال\x00 الوزير\x07 إن\x1b[0m")
    assert text == "قال الوزير  إن [0m"
    assert changes == (("control", 2), ("nul", 1))
    assert (
        describe_changes(changes, "ar") == "2 محارف تحكم استُبدلت بمسافات؛ 1 محارف فارغة (NUL) حُذفت"
    )


def test_isolated_control_characters_in_text_are_kept_out_with_a_note(tmp_path: Path) -> None:
    data = ARTICLE.replace("أكد", "\x1b[31mأكد\x1b[0m\x07").encode("utf-8") + b"\x00"
    doc = _read(tmp_path, data)
    assert not isinstance(doc, BriefError), doc
    assert dict(doc.normalized) == {"control": 3, "nul": 1}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # Binary data with text after it: a quarter of the bytes are NUL.
        (b"\x00\x01\x02\x03" * 64 + ARTICLE.encode("utf-8"), "binary file (contains NUL bytes)"),
        # NUL bytes above the 1 % a text may have, scattered.
        (ARTICLE.encode("utf-8").replace(b" ", b" \x00", 20), "binary file (contains NUL bytes)"),
        # Mostly control bytes, without a single NUL.
        (bytes(range(1, 9)) * 200 + ARTICLE.encode("utf-8"), "too many control characters"),
        # Arabic letters only in UTF-16 without a mark: no NUL, but every other byte reads
        # as a control character.
        (re.sub("[^\u0621-\u064a]", "", ARTICLE).encode("utf-16-le"), "control characters"),
        (ARTICLE.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (ARTICLE.encode("utf-16-be"), "UTF-16 without a byte-order mark"),
        (b"PK\x03\x04" + ARTICLE.encode("utf-8") + b"\x00", "a ZIP archive"),
        (b"\x89PNG\r\n\x1a\n" + ARTICLE.encode("utf-8"), "a PNG image"),
        (b"\xff\xfe" + b"\x00\xd8\x41\x00", "not valid UTF-16"),
    ],
)
def test_what_is_not_text_is_still_refused(tmp_path: Path, data: bytes, message: str) -> None:
    error = _read(tmp_path, data)
    assert isinstance(error, BriefError), error
    assert error.field == "encoding"
    assert message in error.message
    assert str(error).startswith("briefs/a.txt [encoding]")


def test_the_nul_share_a_text_may_have_is_one_percent(tmp_path: Path) -> None:
    data = ARTICLE.encode("utf-8")
    allowed = len(data) // 100

    def inside(count: int) -> bytes:  # before the last line break: not trailing padding
        return data[:-1] + b"\x00" * count + data[-1:]

    assert not isinstance(_read(tmp_path, inside(allowed - 1)), BriefError)
    assert isinstance(_read(tmp_path, inside(allowed + 2)), BriefError)


HEADLINE = "عاجل: الحكومة تعلن الموازنة"
"""A legacy one-line headline: about 30 bytes in windows-1256."""


@pytest.mark.parametrize("padding", [1, 2, 512 - 27, 4096 - 27, 100_000])
def test_trailing_nul_padding_never_counts_against_a_short_legacy_file(
    tmp_path: Path, padding: int
) -> None:
    """A short headline with its trailing NUL, or an export padded with NULs to a block
    size: however long the padding, the file is text, and the NULs are removed with a note."""
    data = HEADLINE.encode("cp1256")
    assert len(data) < 32
    doc = _read(tmp_path, data + b"\x00" * padding)
    assert not isinstance(doc, BriefError), doc
    assert doc.encoding == "windows-1256"
    assert doc.text == HEADLINE
    assert doc.normalized == (("nul", padding),)


@pytest.mark.parametrize(
    "data",
    [
        # Mostly NULs inside, with text at both ends: padding only counts at the end.
        HEADLINE.encode("cp1256") + b"\x00" * 500 + HEADLINE.encode("cp1256"),
        b"\x00" * 500 + HEADLINE.encode("cp1256"),
        ARTICLE.encode("utf-8").replace(b" ", b" \x00", 20) + b"\x00" * 4096,
    ],
)
def test_nuls_inside_a_file_are_still_refused_whatever_its_padding(
    tmp_path: Path, data: bytes
) -> None:
    error = _read(tmp_path, data)
    assert isinstance(error, BriefError), error
    assert "binary file (contains NUL bytes)" in error.message


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_still_told_when_padded(tmp_path: Path, codec: str) -> None:
    error = _read(tmp_path, ARTICLE.encode(codec) + b"\x00" * 1000)
    assert isinstance(error, BriefError), error
    assert "UTF-16 without a byte-order mark" in error.message


def test_a_nul_in_a_markdown_source_is_removed_with_a_note(tmp_path: Path) -> None:
    """markdown-it turns NUL into U+FFFD: the NUL must go before the Markdown is parsed."""
    path = tmp_path / "a.md"
    path.write_bytes(("# عنوان\n\n" + ARTICLE).replace("\n", "\r\n").encode("cp1256") + b"\x00")
    doc = read_source(path, display="briefs/a.md")
    assert doc.encoding == "windows-1256"
    assert "\ufffd" not in doc.text
    assert doc.text == "عنوان\n" + ARTICLE.replace("\n\n", "\n").rstrip("\n")
    assert doc.normalized == (("nul", 1),)
    # Inside a word too, and alongside what the Markdown itself spells (an entity).
    path.write_text("الخار\x00جية &#x200b;" + ARTICLE, "utf-8")
    doc = read_source(path, display="briefs/a.md")
    assert "\ufffd" not in doc.text
    assert doc.text.startswith("الخارجية " + ARTICLE[:10])
    assert doc.normalized == (("invisible", 1), ("nul", 1))


@pytest.mark.skipif(not LEGACY_ARTICLES, reason="../shared/dev/articles is not here")
def test_the_dev_sets_legacy_exports_all_become_briefs_with_the_note(tmp_path: Path) -> None:
    assert len(LEGACY_ARTICLES) == 4
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    for article in LEGACY_ARTICLES:
        assert article.read_bytes().endswith(b"\r\n\x00")
        shutil.copy(article, briefs / article.name)
    result = build(
        BuildConfig(briefs_dir=briefs, docs_dir=tmp_path / "docs", data_dirs=(PACKAGE_DATA,))
    )
    assert not [problem for problem in result.problems if problem.severity != "info"]
    assert sorted(brief.slug for brief in result.briefs) == [a.stem for a in LEGACY_ARTICLES]
    for article in LEGACY_ARTICLES:
        page = (tmp_path / "docs" / "briefs" / f"{article.stem}.en.md").read_text("utf-8")
        body, meta = get_data(page)
        assert meta["brief"]["encoding"] == "windows-1256"
        assert meta["brief"]["normalized"] == {"nul": 1}
        assert "1 NUL bytes removed" in body
