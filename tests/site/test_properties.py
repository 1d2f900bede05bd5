"""Property-based tests (Hypothesis): arbitrary bytes, text and metadata through the pipeline.

Whatever a source holds, the reader either returns a document or raises a BriefError naming
the file (never another exception); the whole pipeline never crashes; every generated page
has valid front matter whose record passes the schema; and the page's HTML, as the site's
Markdown extensions render it, holds only the builder's own elements: no script, no event
handler, no script address.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from tempfile import TemporaryDirectory

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from builder.config import PACKAGE_DATA
from builder.errors import BriefError
from builder.knowledge import load_knowledge
from builder.model import Problem, SourceDocument
from builder.pipeline import generate
from builder.read.sources import KNOWN_FIELDS, read_source
from builder.resolve.record import validate_record
from builder.runtime.analyse import analyse_source

KNOWLEDGE = load_knowledge((PACKAGE_DATA,))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"]
"""The Markdown extensions of ``mkdocs.yml`` that read brief pages."""
OWN_TAGS = {
    "h1", "h2", "h3", "p", "div", "blockquote", "ul", "ol", "li", "strong", "em", "a",
    "code", "bdi", "span", "sup", "small", "details", "summary", "table", "thead", "tbody",
    "tr", "th", "td", "br", "hr",
}  # fmt: skip
"""Every element the builder's pages are made of."""

ARABIC_WORDS = [
    "قال", "وزير", "الخارجية", "الروسي", "الولايات", "المتحدة", "إن", "في", "يناير",
    "2024", "١٢", "۲۰۲۴", "«", "»", "،", ".", "مليون", "دولار", "الرئيس", "بايدن",
]  # fmt: skip
HOSTILE_PIECES = [
    "<script>", "</script>", "<img onerror=x>", "javascript:", "[a](b)", "![i](j)", "{{ x }}",
    "{% y %}", "---", "...", "!!! note", "{: .x }", "&amp;", "&#60;", "|", "`", "*", "_",
    "#", "\\", '"', "'", "\u202e", "\u2066", "\u200b", "\ufeff", "\ufef7", "\ufe8d", "\x1b",
    "\x00", "\u2028", "\r", "\t",
]  # fmt: skip

texts = st.lists(
    st.one_of(
        st.sampled_from(ARABIC_WORDS),
        st.sampled_from(HOSTILE_PIECES),
        st.text(max_size=8),
        st.just(" "),
        st.just("\n"),
    ),
    max_size=60,
).map("".join)
"""Article-like text: Arabic words, markup, invisible characters and anything else."""

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts,
    st.dates().map(str), st.text(max_size=20),
)  # fmt: skip
metadata = st.dictionaries(
    st.one_of(st.sampled_from(KNOWN_FIELDS), st.text(max_size=10)),
    st.one_of(scalars, st.lists(scalars, max_size=3)),
    max_size=5,
)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _read(data: bytes) -> object:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "brief.txt"
        path.write_bytes(data)
        try:
            return read_source(path, display="briefs/brief.txt")
        except BriefError as error:
            assert error.file == "briefs/brief.txt"
            return error


def _analyse(data: bytes) -> object:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "brief.txt"
        path.write_bytes(data)
        return analyse_source(path, "briefs/brief.txt", KNOWLEDGE)


def _check_pages(analysed: object) -> None:
    if isinstance(analysed, Problem):
        assert analysed.file == "briefs/brief.txt"
        assert "builder failed" not in analysed.message, analysed.message
        return
    doc, _ = analysed
    if not doc.paragraphs:
        return
    result, records = generate([analysed], KNOWLEDGE)
    assert validate_record(records[0]) == []
    for page in result.pages:
        # Read as MkDocs reads it: front matter between two lines of "---".
        body, meta = get_data(page.content)
        assert meta.get("title") and "---" in page.content.split("\n", 1)[0], page.path
        parser = _Elements()
        parser.feed(markdown.markdown(body, extensions=EXTENSIONS))
        for tag, attrs in parser.found:
            assert tag in OWN_TAGS, (page.path, tag, attrs)
            for name, value in attrs:
                assert not name.startswith("on"), (page.path, tag, attrs)
                if name in ("href", "src"):
                    assert not (value or "").lower().startswith("javascript:"), (tag, attrs)


@SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes_are_read_or_refused_by_name(data: bytes) -> None:
    outcome = _read(data)
    assert isinstance(outcome, BriefError) or outcome.text.strip()  # type: ignore[union-attr]


@pytest.mark.slow  # 60 examples through the whole pipeline: 3-4 s
@SETTINGS
@given(texts)
def test_any_text_builds_pages_that_stay_text(text: str) -> None:
    _check_pages(_analyse(text.encode("utf-8", errors="surrogatepass")))


@pytest.mark.slow  # 60 examples through the whole pipeline: 3-4 s
@SETTINGS
@given(metadata, texts)
def test_any_metadata_builds_with_each_field_left_out_named(meta: dict, text: str) -> None:
    front = yaml.safe_dump(meta, allow_unicode=True)
    data = f"---\n{front}---\nقال الوزير إن {text}\n".encode("utf-8", errors="surrogatepass")
    outcome = _read(data)
    if isinstance(outcome, BriefError):
        # Metadata never stops a brief: only bytes that are not text, or no text left.
        assert outcome.field in ("encoding", "text"), str(outcome)
        return
    assert isinstance(outcome, SourceDocument)
    # A field left out is one the metadata has (or the block as a whole), named as written.
    keys = {key.value for key, _ in yaml.compose(front).value} if meta else set()
    keys.add("metadata")
    for problem in outcome.problems:
        assert problem.severity == "warning" and problem.file == "briefs/brief.txt"
        assert problem.field, str(problem)
        cut = problem.field.endswith("...") and any(
            repr(key).startswith(problem.field[:-3]) for key in keys
        )
        # An odd key (empty, blank, control characters) is named quoted, as YAML read it.
        quoted = problem.field[:1] in "'\""
        assert problem.field in keys or cut or quoted, str(problem)
    _check_pages(_analyse(data))


@SETTINGS
@given(st.text(max_size=300))
def test_any_yaml_text_in_front_matter_never_crashes_the_reader(front: str) -> None:
    data = f"---\n{front}\n---\nقال الوزير إن المحادثات مستمرة.\n".encode(
        "utf-8", errors="surrogatepass"
    )
    _read(data)
