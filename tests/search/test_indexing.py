"""Pagefind runs a language at a time (builder.search.indexing): the globs of the runs, and a
bundle with the same word index and fragments as one run over the whole site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import UNSTABLE_SEARCH_FILES, files_under

from builder.errors import BriefingError
from builder.search import indexing
from builder.search.indexing import WHOLE_SITE, index_site, language_globs, start_indexing

_UNSTABLE = re.compile(f"^{UNSTABLE_SEARCH_FILES}")


def _page(root: Path, path: str, lang: str, text: str) -> None:
    direction = "rtl" if lang == "ar" else "ltr"
    html = (
        f'<!doctype html><html lang="{lang}"><body dir="{direction}"><main data-pagefind-body>'
        f'<h1>{text}</h1><p>{text} {text}</p><span data-pagefind-filter="type">{lang}</span>'
        "</main></body></html>"
    )
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def _two_language_site(root: Path) -> Path:
    _page(root, "briefs/truce/index.html", "ar", "هدنة في غزة ومفاوضات في القاهرة")
    _page(root, "briefs/drones/index.html", "ar", "طائرات مسيرة فوق البحر الأحمر")
    _page(root, "people/guterres/index.html", "ar", "أنطونيو غوتيريش الأمين العام")
    _page(root, "en/briefs/truce/index.html", "en", "A truce in Gaza and talks in Cairo")
    _page(root, "en/briefs/drones/index.html", "en", "Drones over the Red Sea")
    (root / "assets").mkdir()
    (root / "assets" / "style.css").write_text("body{}", encoding="utf-8")
    return root


def _bundle(site: Path) -> dict[str, bytes]:
    return files_under(site / "pagefind")


def _stable(files: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in files.items() if not _UNSTABLE.match(path)}


def _languages(site: Path) -> dict[str, int]:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    return {lang: info["page_count"] for lang, info in entry["languages"].items()}


def test_a_run_per_language_folder_then_the_root_language(tmp_path: Path) -> None:
    site = _two_language_site(tmp_path)
    _page(site, "index.html", "ar", "الصفحة الرئيسية")
    assert language_globs(site) == ["{*.html,briefs/**/*.html,people/**/*.html}", "en/**/*.html"]


@pytest.mark.parametrize(
    "change",
    [
        "no English pages",  # a run whose glob finds nothing fails in Pagefind
        "only English pages",
        "a folder named with glob syntax",
        "a folder named with brackets",
        "no such site",
    ],
)
def test_one_run_when_the_site_cannot_be_split(tmp_path: Path, change: str) -> None:
    site = _two_language_site(tmp_path / "site")
    if change == "no English pages":
        for page in (site / "en").rglob("*.html"):
            page.unlink()
    elif change == "only English pages":
        for folder in ("briefs", "people"):
            for page in (site / folder).rglob("*.html"):
                page.unlink()
    elif change == "a folder named with glob syntax":
        _page(site, "{drafts}/index.html", "ar", "مسودة")
    elif change == "a folder named with brackets":
        _page(site, "reports (2024)/index.html", "ar", "تقارير")
    else:
        site = tmp_path / "missing"
    assert language_globs(site) == [WHOLE_SITE]


def test_the_bundle_is_one_runs_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    split = _two_language_site(tmp_path / "split")
    whole = _two_language_site(tmp_path / "whole")
    running = start_indexing(split)
    assert running.globs == ["en/**/*.html"]  # the Arabic run under way, the English to come
    report = running.finish()
    assert report.languages == ("ar", "en") and report.pages == 5
    monkeypatch.setattr(indexing, "language_globs", lambda _: [WHOLE_SITE])
    index_site(whole)
    ours, theirs = _bundle(split), _bundle(whole)
    assert _stable(ours) == _stable(theirs)
    assert sorted(ours) != sorted(_stable(ours))  # the filters are there, under other names
    assert len(ours) == len(theirs)
    assert _languages(split) == _languages(whole) == {"ar": 3, "en": 2}
    # The entry is Pagefind's: its version and characters, the site's languages in order.
    entry = json.loads((split / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    theirs_entry = json.loads((whole / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["ar", "en"]
    assert {k: v for k, v in entry.items() if k != "languages"} == {
        k: v for k, v in theirs_entry.items() if k != "languages"
    }


def test_a_page_in_another_languages_folder_is_indexed_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An English page at the root: the root run finds English too, and would overwrite the
    # English run's index of it. The site is indexed again, in one run.
    site = _two_language_site(tmp_path / "site")
    _page(site, "about/index.html", "en", "About this site")
    started_over = []
    start_over = indexing.Indexing._start_over
    monkeypatch.setattr(
        indexing.Indexing,
        "_start_over",
        lambda self, bundle: started_over.append(bundle) or start_over(self, bundle),
    )
    report = start_indexing(site).finish()
    assert started_over == [site / "pagefind"]
    assert _languages(site) == {"ar": 3, "en": 3} and report.pages == 6
    monkeypatch.undo()
    whole = _two_language_site(tmp_path / "whole")
    _page(whole, "about/index.html", "en", "About this site")
    monkeypatch.setattr(indexing, "language_globs", lambda _: [WHOLE_SITE])
    index_site(whole)
    assert _stable(_bundle(site)) == _stable(_bundle(whole))


def test_a_failed_run_is_a_briefing_error_and_starts_no_other(tmp_path: Path) -> None:
    site = _two_language_site(tmp_path)
    running = start_indexing(site)
    running.stop()
    assert running.process is None and running.globs == []
    # A run that fails, with another still to come: the error, and no other run started.
    running.command[running.command.index("--exclude-selectors") + 1] = "[[[not a selector"
    running.globs = ["{*.html,briefs/**/*.html,people/**/*.html}", "en/**/*.html"]
    running.start_next()
    with pytest.raises(BriefingError, match=r"\[search\] Pagefind failed"):
        running.finish()
    assert running.globs == ["en/**/*.html"]
    assert not (site / "pagefind" / "pagefind-entry.json").exists()


def test_a_folder_named_with_brackets_is_indexed(tmp_path: Path) -> None:
    # A glob cannot hold «(»: such a site is indexed in one run, and indexed.
    site = _two_language_site(tmp_path)
    _page(site, "reports (2024)/index.html", "ar", "تقارير السنة")
    report = index_site(site)
    assert report.languages == ("ar", "en") and report.pages == 6
