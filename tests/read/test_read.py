"""Reading sources: encodings, front matter, sidecars, and errors that name file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import BriefError
from builder.read.sources import discover, markdown_to_text, read_source, slug_for

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
        (b"\xff\xfe" + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + ARTICLE.encode("utf-32-le"), "utf-32-le"),
        (ARTICLE.encode("cp1256"), "windows-1256"),
        (ARTICLE.encode("iso8859_6"), "iso-8859-6"),
    ],
)
def test_encodings_are_detected_and_reported(tmp_path: Path, data: bytes, encoding: str) -> None:
    doc = read_source(_write(tmp_path, "a.txt", data))
    assert doc.text == ARTICLE
    assert doc.encoding == encoding


def test_binary_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(BriefError, match=r"bin\.txt \[encoding\].*binary"):
        read_source(_write(tmp_path, "bin.txt", b"\x00\x01\x02PNG"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (bytes(range(1, 32)) * 40, "control characters"),
        (b"\xff\xfe" + b"\x00\xd8", "not valid UTF-16"),
    ],
)
def test_non_text_is_refused_with_what_it_is(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(BriefError) as caught:
        read_source(_write(tmp_path, "x.txt", data), display="briefs/x.txt")
    assert caught.value.field == "encoding"
    assert message in str(caught.value)


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
        ("title: 'unclosed", "title", "malformed YAML"),
        ("!!python/object/apply:os.system ['true']", "metadata", "build objects"),
        ("title: !!python/object/apply:os.system ['true']", "title", "build objects"),
        ("author: a\ntitle: !custom x", "title", "build objects"),
        ("a: &a [x, x]\nb: &b [*a, *a]\ntitle: *b", "b", "aliases"),
        ("title: x\ntitle: y", "title", "given twice"),
        ("published: 2024-13-01", "published", "not a real date"),
        ("published: 0224-01-01", "published", "outside 1900-2100"),
        ("published: 20245-01-01", "published", "not a real date"),
        ("published: 1710000000", "published", "not a real date"),
        ("title: " + "ع" * 401, "title", "over the limit"),
        ("- title\n- x", "metadata", "mapping"),
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
