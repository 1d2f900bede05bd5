"""Reading sources: encodings, front matter, sidecars, and errors that name file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.errors import BriefError
from builder.model import Metadata
from builder.read.sources import (
    KNOWN_FIELDS,
    discover,
    markdown_to_text,
    read_source,
    slug_for,
    split_front_matter,
    validate_metadata,
)

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
    ("given", "kept"),
    [
        ("2012-07", "2012-07"),
        ("'2012-07'", "2012-07"),
        ("2025", "2025"),  # a YAML integer
        ('"2025"', "2025"),
        ("' 2024-03-05 '", "2024-03-05"),
    ],
)
def test_a_date_known_only_to_the_month_or_the_year_is_kept_as_such(
    tmp_path: Path, given: str, kept: str
) -> None:
    source = _write(tmp_path, "a.txt", ARTICLE.encode())
    (tmp_path / "a.yaml").write_text(f"published: {given}\n", "utf-8")
    assert read_source(source).metadata.published == kept


BAD_FIELDS = [
    ("published: 2024-02-30", "published", "not a real date"),
    ("published: yesterday", "published", "not a real date"),
    ("colour: red", "colour", "unknown field"),
    ("title: [a, b]", "title", "non-empty string"),
    ("url: javascript:alert(1)", "url", "http"),
    ("url: not-a-url", "url", "http"),
    ("tags: notalist", "tags", "list of strings"),
    ("title: !!python/object/apply:os.system ['true']", "title", "build objects"),
    ("author: a\ntitle: !custom x", "title", "build objects"),
    ("a: &a [x, x]\nb: &b [*a, *a]\ntitle: *b", "b", "aliases"),
    ("title: x\ntitle: y", "title", "given twice"),
    ("title: !!int abc", "title", "cannot read the value"),
    ("published: 2024-13-01", "published", "not a real date"),
    ("published: 0224-01-01", "published", "outside 1900-2100"),
    ("published: 20245-01-01", "published", "not a real date"),
    ("published: 1710000000", "published", "not a real date"),
    ("published: 2024-13", "published", "not a real date"),
    ("published: 2024-00", "published", "not a real date"),
    ("published: 2024-7", "published", "not a real date"),
    ("published: '202'", "published", "not a real date"),
    ("published: 1850-07", "published", "outside 1900-2100"),
    ("published: 2150", "published", "outside 1900-2100"),
    ("title: " + "ع" * 401, "title", "over the limit"),
]
"""A bad field of each kind, the field its warning names, and words of the warning."""


@pytest.mark.parametrize(("front", "field", "message"), BAD_FIELDS)
def test_a_bad_field_is_left_out_with_a_warning_naming_file_and_field(
    tmp_path: Path, front: str, field: str, message: str
) -> None:
    text = f"---\n{front}\noutlet: وكالة\n---\n{ARTICLE}"
    doc = read_source(_write(tmp_path, "bad.txt", text.encode()), display="briefs/bad.txt")
    assert doc.text.strip() == ARTICLE
    assert doc.metadata.outlet == "وكالة"  # the good field stays
    if field in KNOWN_FIELDS:
        assert getattr(doc.metadata, field) in (None, ())
    warnings = [p for p in doc.problems if p.field == field]
    assert len(warnings) == 1, doc.problems
    [warning] = warnings
    assert warning.severity == "warning"
    assert warning.file == "briefs/bad.txt"
    assert message in warning.message and "left out" in warning.message
    assert str(warning).startswith("briefs/bad.txt")


@pytest.mark.parametrize(("front", "field", "message"), BAD_FIELDS)
def test_without_a_problem_list_a_bad_field_raises(front: str, field: str, message: str) -> None:
    with pytest.raises(BriefError) as caught:
        data, _ = split_front_matter(f"---\n{front}\n---\n", "x.txt")
        validate_metadata(data, "x.txt")
    assert caught.value.field == field
    assert message in str(caught.value)
    assert "left out" not in str(caught.value)


@pytest.mark.parametrize(
    ("front", "field", "line", "message"),
    [
        ("title: 'unclosed", "title", 3, "malformed YAML"),
        ('title: "unclosed\noutlet: x', "outlet", 4, "malformed YAML"),
        ("!!python/object/apply:os.system ['true']", "metadata", 2, "build objects"),
        ("- title\n- x", "metadata", 2, "mapping"),
        ("a: " + "[" * 3000 + "]" * 3000, "metadata", 2, "nested too deeply"),
        # What normalization leaves (a noncharacter) and YAML refuses is still malformed.
        ("title: \ufffe", "metadata", 2, "malformed YAML"),
        ("title: " + "x" * 70_000, "metadata", 2, "larger than 64 KiB"),
    ],
)
def test_front_matter_that_is_not_yaml_is_left_out_of_the_text_with_a_warning(
    tmp_path: Path, front: str, field: str, line: int, message: str
) -> None:
    text = f"---\n{front}\n---\n{ARTICLE}"
    doc = read_source(_write(tmp_path, "bad.txt", text.encode()), display="briefs/bad.txt")
    assert doc.text.strip() == ARTICLE  # the article, without the block
    assert doc.metadata == Metadata()
    assert doc.metadata_origin == "none"
    [warning] = doc.problems
    assert (warning.file, warning.field, warning.line) == ("briefs/bad.txt", field, line)
    assert warning.severity == "warning"
    assert message in warning.message and "block is left out" in warning.message


def test_aliases_are_never_expanded(tmp_path: Path) -> None:
    levels = [f'a0: &a0 ["{"lol" * 3}"]']
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 30)]
    text = "---\n" + "\n".join(levels) + "\ntitle: عنوان\n---\n" + ARTICLE
    doc = read_source(_write(tmp_path, "bomb.txt", text.encode()), display="briefs/bomb.txt")
    assert doc.metadata.title == "عنوان"
    aliases = [p for p in doc.problems if "aliases" in p.message]
    assert [p.field for p in aliases] == [f"a{i}" for i in range(1, 30)]


def test_a_bad_sidecar_field_leaves_the_front_matter_value(tmp_path: Path) -> None:
    text = f"---\nurl: https://example.org/a\ntitle: عنوان\n---\n{ARTICLE}"
    source = _write(tmp_path, "a.txt", text.encode())
    (tmp_path / "a.yaml").write_text("url: not-a-url\noutlet: B\n", "utf-8")
    doc = read_source(source, display="briefs/a.txt")
    assert (doc.metadata.url, doc.metadata.title, doc.metadata.outlet) == (
        "https://example.org/a",
        "عنوان",
        "B",
    )
    [warning] = doc.problems
    assert (warning.file, warning.field) == ("briefs/a.yaml", "url")


@pytest.mark.parametrize(
    ("sidecar", "field", "message"),
    [
        (b"title: [unclosed\n", "title", "malformed YAML"),
        (b"title: \xff\xfe\n", "encoding", "cannot read sidecar as UTF-8"),
        (b"- a\n- b\n", "metadata", "mapping"),
    ],
)
def test_an_unparseable_sidecar_is_left_out_with_a_warning(
    tmp_path: Path, sidecar: bytes, field: str, message: str
) -> None:
    source = _write(tmp_path, "a.txt", f"---\ntitle: عنوان\n---\n{ARTICLE}".encode())
    (tmp_path / "a.yaml").write_bytes(sidecar)
    doc = read_source(source, display="briefs/a.txt")
    assert doc.metadata == Metadata(title="عنوان")
    assert doc.metadata_origin == "front matter"
    [warning] = doc.problems
    assert (warning.file, warning.field, warning.severity) == ("briefs/a.yaml", field, "warning")
    assert message in warning.message and "left out" in warning.message


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


@pytest.mark.parametrize("control", ["\x01", "\x00", "\x1b", "\x7f", "\x9b"])
def test_a_control_character_in_one_field_costs_no_other_field(
    tmp_path: Path, control: str
) -> None:
    """PyYAML's reader refuses a whole block for one control character; the block is
    normalized as the body is first, so the title keeps its text and the others load."""
    front = f"title: عنوان{control} الخبر\noutlet: الجزيرة\npublished: 2024-03-05"
    source = _write(tmp_path, "a.txt", f"---\n{front}\n---\n{ARTICLE}".encode())
    doc = read_source(source, display="briefs/a.txt")
    assert doc.problems == ()
    # The control character made a space (a NUL removed), spaces collapsed as in any title.
    assert doc.metadata == Metadata(title="عنوان الخبر", outlet="الجزيرة", published="2024-03-05")
    # A sidecar likewise.
    (tmp_path / "a.yaml").write_text(
        f"author: كاتب{control}\nurl: https://example.org/a\n", "utf-8"
    )
    doc = read_source(source, display="briefs/a.txt")
    assert doc.problems == ()
    assert (doc.metadata.author, doc.metadata.url, doc.metadata.outlet) == (
        "كاتب",
        "https://example.org/a",
        "الجزيرة",
    )
