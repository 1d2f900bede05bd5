"""An outlet inferred from the domain of the article's address, on the brief page and in the
PDF: the outlet's name in the page's language with the other beside it, and a note that
says it was inferred from the address, not from the text."""

from __future__ import annotations

from pathlib import Path

from builder.knowledge import Knowledge
from builder.pdf.layout import brief_body
from builder.pipeline import generate
from builder.runtime.analyse import analyse

ARTICLE = (
    "وصول طائرة إغاثة إلى عدن\n\n"
    "جدة - واس\n\n"
    "غادرت مطار جدة اليوم طائرة محملة بالمواد الغذائية والطبية متجهة إلى مدينة عدن.\n"
)


def _build(tmp_path: Path, knowledge: Knowledge, sidecar: str):
    (tmp_path / "relief.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "relief.yaml").write_text(f"published: 2024-05-06\n{sidecar}", "utf-8")
    analysed, problems = analyse(
        [tmp_path / "relief.txt"], knowledge, lambda path: f"briefs/{path.name}"
    )
    assert problems == []
    result, records = generate(analysed, knowledge)
    pages = {page.path: page.content for page in result.pages}
    return result, records[0], pages


def _outlet_line(page: str) -> str:
    return next(line for line in page.splitlines() if "الوسيلة:" in line or "Outlet:" in line)


def test_outlet_from_the_url_on_the_page_and_in_the_pdf(tmp_path: Path, knowledge: Knowledge):
    result, record, pages = _build(
        tmp_path, knowledge, 'url: "https://m.okaz.com.sa/news/local/1"\n'
    )
    assert record["outlet"] == {
        "value": "عكاظ",
        "inferred": True,
        "basis": "m.okaz.com.sa",
        "en": "Okaz",
        "from_url": True,
    }
    arabic = _outlet_line(pages["briefs/relief.md"])
    assert "عكاظ" in arabic and ">Okaz</bdi>" in arabic and "(مستنتج من رابط المقال)" in arabic
    english = _outlet_line(pages["briefs/relief.en.md"])
    assert english.index("Okaz") < english.index("عكاظ")
    assert "(inferred from the article&#39;s address)" in english
    pdf = brief_body(result.briefs[0], record, "en")
    assert "Okaz" in pdf and "inferred from the article" in pdf


def test_outlet_from_a_dateline_says_it_comes_from_the_text(tmp_path: Path, knowledge: Knowledge):
    _, record, pages = _build(tmp_path, knowledge, 'url: "https://example.org/relief"\n')
    assert record["outlet"]["value"] == "وكالة الأنباء السعودية"
    assert record["outlet"]["basis"] == "جدة - واس" and "from_url" not in record["outlet"]
    english = _outlet_line(pages["briefs/relief.en.md"])
    assert "Saudi Press Agency &#40;SPA&#41;" in english and "(inferred from the text)" in english


def test_an_editors_outlet_wins_and_is_shown_as_given(tmp_path: Path, knowledge: Knowledge):
    _, record, pages = _build(
        tmp_path, knowledge, 'url: "https://aawsat.com/x"\noutlet: Gulf Wire\n'
    )
    assert record["outlet"] == {"value": "Gulf Wire", "inferred": False}
    assert "Gulf Wire" in _outlet_line(pages["briefs/relief.md"])
    assert "مستنتج" not in _outlet_line(pages["briefs/relief.md"])
