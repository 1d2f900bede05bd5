"""Reading sources: encodings, front matter, sidecars, and errors that name file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import BriefError
from builder.read import discover, markdown_to_text, read_source, slug_for

ARTICLE = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل."


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (ARTICLE.encode("cp1256"), "windows-1256"),
    ],
)
def test_encodings_are_detected_and_reported(tmp_path: Path, data: bytes, encoding: str) -> None:
    doc = read_source(_write(tmp_path, "a.txt", data))
    assert doc.text == ARTICLE
    assert doc.encoding == encoding


def test_binary_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(BriefError, match=r"bin\.txt.*binary"):
        read_source(_write(tmp_path, "bin.txt", b"\x00\x01\x02PNG"))


def test_front_matter_is_split_and_validated(tmp_path: Path) -> None:
    text = f"---\ntitle: عنوان\npublished: 2024-03-05\nurl: https://example.org/a\n---\n{ARTICLE}\n"
    doc = read_source(_write(tmp_path, "a.txt", text.encode()))
    assert doc.text.strip() == ARTICLE
    assert doc.metadata.title == "عنوان"
    assert doc.metadata.published == "2024-03-05"
    assert doc.metadata_origin == "front matter"


def test_sidecar_overrides_front_matter_field_by_field(tmp_path: Path) -> None:
    text = f"---\ntitle: عنوان\noutlet: A\n---\n{ARTICLE}"
    source = _write(tmp_path, "a.txt", text.encode())
    (tmp_path / "a.yaml").write_text("outlet: B\npublished: 2023-01-02\n", "utf-8")
    doc = read_source(source)
    assert (doc.metadata.title, doc.metadata.outlet, doc.metadata.published) == (
        "عنوان",
        "B",
        "2023-01-02",
    )
    assert doc.metadata_origin == "sidecar"


@pytest.mark.parametrize(
    ("front", "field", "message"),
    [
        ("published: 2024-02-30", "published", "not a real date"),
        ("published: yesterday", "published", "not a real date"),
        ("colour: red", "colour", "unknown field"),
        ("title: [a, b]", "title", "non-empty string"),
        ("url: javascript:alert(1)", "url", "http"),
        ("tags: notalist", "tags", "list of strings"),
        ("title: 'unclosed", "metadata", "malformed YAML"),
        ("!!python/object/apply:os.system ['true']", "metadata", "malformed YAML"),
    ],
)
def test_bad_metadata_names_file_and_field(
    tmp_path: Path, front: str, field: str, message: str
) -> None:
    path = _write(tmp_path, "bad.txt", f"---\n{front}\n---\n{ARTICLE}".encode())
    with pytest.raises(BriefError) as caught:
        read_source(path, display="briefs/bad.txt")
    assert caught.value.file == "briefs/bad.txt"
    assert caught.value.field == field
    assert message in str(caught.value)
    assert str(caught.value).startswith("briefs/bad.txt")


def test_sources_are_never_modified(tmp_path: Path) -> None:
    data = f"---\ntitle: t\n---\n{ARTICLE}\r\n".encode()
    path = _write(tmp_path, "a.txt", data)
    read_source(path)
    assert path.read_bytes() == data


def test_discover_lists_sources_not_sidecars(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "a.yaml", ".hidden.txt", "notes.pdf"):
        (tmp_path / name).write_text("x", "utf-8")
    assert [path.name for path in discover(tmp_path)] == ["a.txt", "b.md"]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("US China Talks.txt", "us-china-talks"),
        ("محادثات جنيف.txt", "محادثات-جنيف"),
        ("../x.txt", "x"),
        ("---.txt", "brief"),
    ],
)
def test_slugs_are_url_safe(name: str, slug: str) -> None:
    assert slug_for(Path(name)) == slug


def test_markdown_sources_become_plain_text() -> None:
    text = markdown_to_text("# عنوان\n\nفقرة فيها [رابط](https://x.org) و**تأكيد**.\n")
    assert text.splitlines() == ["عنوان", "فقرة فيها رابط وتأكيد."]
