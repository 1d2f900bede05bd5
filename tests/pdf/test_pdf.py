"""PDF briefs: real WeasyPrint PDFs of the seed briefs, read back with poppler (pdftotext,
pdffonts) and pypdf.

Arabic text is checked in logical order: the Arabic words of the title and of the first
sentence must come out of the PDF's text layer in the order they are written.
"""

from __future__ import annotations

import html
import http.server
import io
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pypdf
import pytest
from conftest import ROOT

from builder.arabic import has_arabic
from builder.config import BuildConfig
from builder.links import pdf_name
from builder.model import precision_of
from builder.pdf.jobs import PdfJob, Selection, brief_jobs, collection_job
from builder.pdf.layout import brief_document
from builder.pdf.writer import render_pdf, write_pdfs
from builder.pipeline import read_corpus
from builder.render.dates import date_text

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    project = tmp_path_factory.mktemp("pdf-project")
    shutil.copytree(ROOT / "briefs", project / "briefs")
    config = BuildConfig(briefs_dir=project / "briefs", docs_dir=project / "docs")
    briefs, records, problems = read_corpus(config)
    assert len(briefs) == 5 and not [p for p in problems if p.severity == "error"]
    return briefs, records


@pytest.fixture(scope="module")
def pdfs(corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    briefs, records = corpus
    out = tmp_path_factory.mktemp("pdf")
    report = write_pdfs(brief_jobs(briefs[:2], records[:2], ("ar", "en")), out, workers=2)
    assert not report.problems and len(report.written) == 4
    return out


def _text(pdf: Path, *options: str) -> str:
    run = subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, check=True)
    return BIDI_CONTROLS.sub("", run.stdout.decode("utf-8"))


def _arabic_letters(text: str) -> str:
    """The Arabic letters of ``text`` in order, without spaces, punctuation or vowel marks
    (a PDF's text layer puts a space where glyphs do not touch, e.g. before a tanwin)."""
    return "".join(
        char
        for char in text
        if has_arabic(char) and char.isalpha() and not 0x64B <= ord(char) <= 0x670
    )


def _in_order(wanted: str, found: str) -> bool:
    """Whether the Arabic letters of ``wanted`` occur in ``found`` in the same order."""
    return _arabic_letters(wanted) in _arabic_letters(found)


@pytest.mark.slow
def test_fonts_are_embedded_from_the_packages(pdfs: Path, corpus) -> None:
    briefs, _ = corpus
    for lang in ("ar", "en"):
        run = subprocess.run(
            ["pdffonts", str(pdfs / pdf_name(briefs[0].slug, lang))],
            capture_output=True,
            check=True,
            text=True,
        )
        rows = [line.split() for line in run.stdout.splitlines()[2:]]
        names = {row[0].split("+", 1)[1] for row in rows}
        assert {"Brief-Arabic", "Brief-Latin"} <= names
        # emb, sub and uni columns: embedded, subset, with a ToUnicode map (copyable text).
        assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), run.stdout


@pytest.mark.slow
def test_arabic_title_and_first_sentence_come_back_in_logical_order(pdfs: Path, corpus) -> None:
    briefs, records = corpus
    for brief, record in zip(briefs[:2], records[:2], strict=True):
        found = _text(pdfs / pdf_name(brief.slug, "ar"))
        assert _in_order(record["title"]["ar"], found), record["title"]["ar"]
        first_sentence = re.split(r"[.!؟]\s", brief.doc.paragraphs[0])[0]
        assert len(_arabic_letters(first_sentence)) > 40
        assert _in_order(first_sentence, found), first_sentence
        # Reversed (visual order) would not match: the check can fail.
        assert not _in_order(first_sentence[::-1], found)
        # The English PDF carries the Arabic title too, and the article.
        english = _text(pdfs / pdf_name(brief.slug, "en"))
        assert _in_order(record["title"]["ar"], english)
        assert _in_order(first_sentence, english)


@pytest.mark.slow
def test_english_title_and_page_furniture(pdfs: Path, corpus) -> None:
    briefs, records = corpus
    brief, record = briefs[0], records[0]
    path = pdfs / pdf_name(brief.slug, "en")
    text = " ".join(_text(path).split())
    title = " ".join(record["title"]["en"].split())
    assert title in text
    pages = len(pypdf.PdfReader(path).pages)
    assert 1 < pages < 15
    published = date_text(record["published"]["value"], "en")  # «21 November 2025»
    source = f"{record['outlet']['value'] or 'Outlet unknown'} · {published}"
    for number in range(1, pages + 1):
        page = " ".join(_text(path, "-f", str(number), "-l", str(number)).split())
        # Footer: the outlet and date, page n of N; header: the title (page 1 has it in full).
        assert re.search(rf"\b{number}\s*/\s*{pages}\b", page)
        assert source in page
        assert page.count(title) == 1 if number == 1 else title in page
    # No slug and no file path in the furniture: the file is named once, in the last section.
    assert text.count(record["file"]) == 1
    assert brief.slug.casefold() not in text.replace(record["file"], "").casefold()
    assert text.index(record["file"]) > text.index("Source and processing")


@pytest.mark.slow
def test_arabic_pdf_numbers_its_pages_left_to_right(pdfs: Path, corpus) -> None:
    path = pdfs / pdf_name(corpus[0][0].slug, "ar")
    pages = len(pypdf.PdfReader(path).pages)
    assert re.search(rf"\b1\s*/\s*{pages}\b", _text(path, "-f", "1", "-l", "1"))


def test_paper_sizes(corpus, tmp_path: Path) -> None:
    briefs, records = corpus
    jobs = brief_jobs(briefs[:1], records[:1], ("en",))
    sizes = {}
    for paper in ("a4", "letter"):
        write_pdfs(jobs, tmp_path / paper, paper=paper)
        box = pypdf.PdfReader(tmp_path / paper / jobs[0].name).pages[0].mediabox
        sizes[paper] = (round(float(box.width)), round(float(box.height)))
    assert sizes == {"a4": (595, 842), "letter": (612, 792)}


def test_source_text_is_printed_as_text_not_markup(corpus) -> None:
    briefs, records = corpus
    hostile = "<script>alert(1)</script> <b>bold</b> {{ x }} [a](javascript:alert(1))"
    record = {**records[0], "title": {**records[0]["title"], "en": hostile}}
    html = brief_document(briefs[0], record, "en")
    assert "<script>" not in html and "<b>" not in html and "javascript:" not in html
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(html)))
    # Printed literally (compared without spaces: the line may break anywhere).
    assert hostile.replace(" ", "") in "".join(reader.pages[0].extract_text().split())


def test_nothing_is_fetched_from_a_network(tmp_path: Path) -> None:
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        html = (
            f'<html><head><link rel="stylesheet" href="{url}/x.css"></head><body>'
            f'<img src="{url}/x.png"><p style="background: url({url}/y.png)">text</p></body></html>'
        )
        assert render_pdf(html).startswith(b"%PDF")
    finally:
        server.shutdown()
    assert requests == []


@pytest.mark.slow
def test_same_brief_same_bytes_and_only_changed_briefs_are_rendered(corpus, tmp_path: Path) -> None:
    briefs, records = corpus
    jobs = brief_jobs(briefs[:2], records[:2], ("ar",))
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = write_pdfs(jobs, out, cache_dir=cache)
    assert first.rendered == 2 and len(first.written) == 2
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    again = write_pdfs(jobs, out, cache_dir=cache)
    assert again.rendered == 0 and len(again.unchanged) == 2 and not again.written
    # Rendering again later without the cache gives the same bytes (no time stamps).
    time.sleep(1.1)
    write_pdfs(jobs, tmp_path / "fresh")
    assert {p.name: p.read_bytes() for p in (tmp_path / "fresh").iterdir()} == before
    edited = [jobs[0], PdfJob(jobs[1].name, jobs[1].html.replace("</h1>", " (2)</h1>"), "x")]
    changed = write_pdfs(edited, out, cache_dir=cache, prune=True)
    assert changed.rendered == 1 and changed.written == (jobs[1].name,)


def test_a_failing_pdf_is_reported_and_the_others_are_written(corpus, tmp_path: Path) -> None:
    briefs, records = corpus
    good = brief_jobs(briefs[:1], records[:1], ("en",))[0]
    # A font size WeasyPrint cannot lay out (it divides by zero): the render itself fails.
    bad = PdfJob("bad.en.pdf", '<p style="font-size: 1e30px">x</p>', "briefs/bad.txt")
    report = write_pdfs([bad, good], tmp_path, paper="a4")
    assert [(p.file, p.field) for p in report.problems] == [("briefs/bad.txt", "pdf")]
    assert "bad.en.pdf" in report.problems[0].message
    assert report.written == (good.name,) and not (tmp_path / "bad.en.pdf").exists()


def test_a_pdf_name_cannot_leave_the_output_folder(corpus, tmp_path: Path) -> None:
    from builder.errors import BriefingError

    job = brief_jobs(corpus[0][:1], corpus[1][:1], ("en",))[0]
    with pytest.raises(BriefingError, match="outside"):
        write_pdfs([PdfJob("../escaped.pdf", job.html, "x")], tmp_path / "out")
    assert not (tmp_path / "escaped.pdf").exists()


@pytest.mark.slow
def test_collection_has_a_table_of_contents_with_page_numbers(corpus, tmp_path: Path) -> None:
    briefs, records = corpus
    topic = records[0]["topics"][0]
    selection = Selection(topic=topic["en"])
    job = collection_job(briefs, records, selection, "en", "topic.en.pdf")
    assert job is not None
    write_pdfs([job], tmp_path)
    chosen = [r for r in records if any(t["id"] == topic["id"] for t in r["topics"])]
    reader = pypdf.PdfReader(tmp_path / "topic.en.pdf")
    contents = " ".join(_text(tmp_path / "topic.en.pdf", "-f", "1", "-l", "1").split())
    for record in chosen:
        title = " ".join(record["title"]["en"].split())
        assert title in contents
        # Each entry ends with the page its brief starts on, which shows that title.
        number = int(re.search(re.escape(title) + r"\W*?\.*\s*(\d+)", contents).group(1))
        page = " ".join(
            _text(tmp_path / "topic.en.pdf", "-f", str(number), "-l", str(number)).split()
        )
        assert title in page
    assert len(reader.pages) > len(chosen)
    # The title names the topic in the collection's language, whatever was typed.
    arabic = collection_job(briefs, records, Selection(topic=topic["id"]), "ar", "t.ar.pdf")
    assert f"<h1>{topic['ar']}</h1>" in arabic.html
    # Selections by actor and by date; an unknown topic gives nothing.
    actor = records[0]["people"][0]
    assert collection_job(briefs, records, Selection(actor=actor["ar"]), "ar", "a.pdf")
    assert collection_job(briefs, records, Selection(topic="no such topic"), "en", "n.pdf") is None


def test_a_date_range_holds_a_month_or_a_year_only_when_all_of_it_is_inside() -> None:
    from datetime import date

    def record(value: str | None) -> dict:
        published = {"value": value, "inferred": False, "precision": precision_of(value)}
        empty: list = []
        return {"topics": empty, "people": empty, "organizations": [], "countries": [],
                "published": published}  # fmt: skip

    july = Selection(since=date(2012, 7, 1), until=date(2012, 7, 31))
    assert july.matches(record("2012-07")) and july.matches(record("2012-07-15"))
    assert not july.matches(record("2012")) and not july.matches(record(None))
    whole_year = Selection(since=date(2012, 1, 1), until=date(2012, 12, 31))
    assert whole_year.matches(record("2012")) and whole_year.matches(record("2012-07"))
    # Part of July is before the range: the brief may be, so it is left out.
    assert not Selection(since=date(2012, 7, 15)).matches(record("2012-07"))
    assert Selection(until=date(2012, 8, 1)).matches(record("2012-07"))


WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)


def _visual_lines(pdf: Path) -> list[str]:
    """Each line of ``pdf`` as drawn, left to right: its words from ``pdftotext -bbox``,
    grouped by their vertical middle and sorted by position. An Arabic word comes out
    with its letters left to right too (reversed), and a bracket as the character its
    glyph copies as: a mirrored bracket shows the other way round from its shape."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True)
    lines: list[str] = []
    for page in out.stdout.decode("utf-8").split("<page ")[1:]:
        found = WORD.findall(page)
        words = sorted(
            (float(y0) + float(y1), float(x0), html.unescape(w)) for x0, y0, y1, w in found
        )
        rows: list[tuple[float, list[tuple[float, str]]]] = []
        for middle, x, word in words:
            if rows and abs(rows[-1][0] - middle) < 6:
                rows[-1][1].append((x, word))
            else:
                rows.append((middle, [(x, word)]))
        lines += [" ".join(word for _, word in sorted(row)) for _, row in rows]
    return lines


@pytest.fixture(scope="module")
def every_pdf(corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    briefs, records = corpus
    out = tmp_path_factory.mktemp("every-pdf")
    report = write_pdfs(brief_jobs(briefs, records, ("ar", "en")), out, workers=4)
    assert not report.problems and len(report.written) == 2 * len(briefs)
    return out


@pytest.mark.slow
def test_brackets_around_names_of_the_other_script_read_back_right(every_pdf: Path, corpus) -> None:
    """Every seed, both languages: each actor's name of the other script is drawn in its
    brackets, beside the name in the page's script, and the text layer says the same:
    each bracket copies as the bracket drawn (none mirrored), so «جيش التحرير الشعبي
    (People's Liberation Army (PLA))» does not read back as «... (PLA)) (»."""
    briefs, records = corpus
    checked = 0
    for brief, record in zip(briefs, records, strict=True):
        actors = [a for key in ("people", "organizations", "countries") for a in record[key]]
        named = [actor for actor in actors if actor["en"]]
        arabic = _visual_lines(every_pdf / pdf_name(brief.slug, "ar"))
        english = _visual_lines(every_pdf / pdf_name(brief.slug, "en"))
        # A name may wrap in its table cell: each line with the next.
        english = [" ".join(pair) for pair in zip(english, [*english[1:], ""], strict=True)]
        raw = " ".join(_text(every_pdf / pdf_name(brief.slug, "ar"), "-raw").split())
        for actor in named:
            drawn = actor["ar"][::-1]  # Arabic letters as drawn, right to left
            # Arabic page: "(English)" to the left of the Arabic name, brackets as drawn.
            assert any(f"({actor['en']}) {drawn}" in line for line in arabic), actor
            # In drawing order too (what -raw reads): the English name with its brackets.
            assert f"({actor['en']})" in raw, actor
            # English page: the Arabic name in brackets to the right of the English one.
            assert any(
                actor["en"] in line and f"({drawn})".replace(" ", "") in line.replace(" ", "")
                for line in english
            ), actor
            checked += 1
    assert checked > 40
