"""Search: the data each page gives Pagefind, and the real index searched in Chromium.

The browser tests build the default site, serve it on localhost and type queries into the
search box of Material's header, as a reader does; the query set (fixtures/
search_queries.yaml) is written the way readers type Arabic: without hamza, without or
with another article or clitic, ة as ه, ى as ي, with diacritics, Arabic-Indic digits,
other spellings of names.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from browser import serve
from conftest import ROOT

from builder.cli import main
from builder.config import GENERATED_DIRS
from builder.knowledge import Knowledge
from builder.model import Entity
from builder.search.pagefind import brief_search, entity_search, result_date, ui_context

QUERIES = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "search_queries.yaml").read_text("utf-8")
)

RECORD = {
    "published": {"value": "2024-06-21"},
    "outlet": {"value": "رويترز", "en": "Reuters"},
    "people": [
        {"id": "donald-trump", "ar": "دونالد ترامب", "en": "Donald Trump", "forms": ["ترامب"]}
    ],
    "organizations": [],
    "countries": [{"ar": "الصين", "en": "China"}],
    "topics": [{"id": "nuclear-weapons", "ar": "الأسلحة النووية", "en": "Nuclear weapons"}],
    "terms": [{"ar": "الردع", "en": "deterrence", "count": 1}],
}


def test_brief_search_data_has_filters_date_and_other_spellings(knowledge: Knowledge) -> None:
    arabic = brief_search(RECORD, knowledge, "ar")
    assert arabic["date"] == "2024-06-21"
    assert arabic["filters"]["actor"] == ["دونالد ترامب"]
    assert arabic["filters"]["country"] == ["الصين"] and arabic["filters"]["year"] == ["2024"]
    # What results show: the date in words and the outlet in the page's language.
    assert arabic["meta"]["published"] == "21 يونيو 2024"
    assert arabic["meta"]["outlet"] == "رويترز"
    # Searched, never shown: the actors in every spelling (gazetteer spellings the text does
    # not use, so «ترمب» finds the brief), the topics and the terms.
    actors = arabic["meta"]["actors"].split(" · ")
    assert {"دونالد ترامب", "ترامب", "ترمب"} <= set(actors)
    assert arabic["meta"]["topics"] == "الأسلحة النووية · الردع"
    english = brief_search(RECORD, knowledge, "en")
    assert english["filters"]["actor"] == ["Donald Trump"]
    assert english["filters"]["topic"] == ["Nuclear weapons"]
    assert english["filters"]["type"] == ["brief"]
    assert english["meta"] == {
        "published": "21 June 2024",
        "outlet": "Reuters",
        "actors": "Donald Trump",
        "topics": "Nuclear weapons · deterrence",
    }


def test_an_undated_brief_has_no_sort_date_nor_year(knowledge: Knowledge) -> None:
    undated = {**RECORD, "published": {"value": None}, "outlet": {"value": None}}
    data = brief_search(undated, knowledge, "en")
    assert "date" not in data and "year" not in data["filters"] and "outlet" not in data["filters"]
    assert "published" not in data["meta"] and "outlet" not in data["meta"]


def test_result_dates_are_words_as_precise_as_known() -> None:
    assert result_date("2024-06-21", "ar") == "21 يونيو 2024"
    assert result_date("2024-06-01", "en") == "1 June 2024"
    assert result_date("2012-07", "ar") == "يوليو 2012"
    assert result_date("2025", "en") == "2025"


def test_an_entity_page_is_searched_by_all_its_names(knowledge: Knowledge) -> None:
    entity = Entity(
        kind="person",
        id="donald-trump",
        ar="دونالد ترامب",
        en="Donald Trump",
        en_provisional=False,
        mentions=(),
        variants=(("دونالد ترامب", 3), ("ترامب", 2)),
        english_variants=(("Donald Trump", 3),),
    )
    arabic = entity_search(entity, knowledge, "ar", "2025-11-21")
    names = arabic["meta"]["names"].split(" · ")
    # The spellings seen, the gazetteer's, and the English name (typed on the Arabic site).
    assert names[:2] == ["دونالد ترامب", "ترامب"] and {"ترمب", "Donald Trump"} <= set(names)
    assert arabic["meta"]["last_seen"] == "21 نوفمبر 2025"
    english = entity_search(entity, knowledge, "en", None)
    assert english["meta"] == {"names": "Donald Trump"}  # no Arabic in the English index


def test_the_names_briefs_use_most_weigh_most(knowledge: Knowledge) -> None:
    from builder.model import EntityMention

    def movement(briefs: int) -> Entity:
        mention = EntityMention(slug="a", sentence="", count=1)
        return Entity(
            kind="organization",
            id="houthis",
            ar="جماعة الحوثي",
            en="Houthis",
            en_provisional=False,
            mentions=(mention,) * briefs,
            variants=(("جماعة الحوثي", briefs), ("الحوثيين", 1)),
        )

    meta = entity_search(movement(9), knowledge, "ar", None)["meta"]
    # A field per tier reached (2, 4, 8 briefs): the page the briefs name most comes first.
    assert [key for key in meta if key.startswith("briefs_")] == [
        "briefs_2",
        "briefs_4",
        "briefs_8",
    ]
    assert meta["briefs_8"] == meta["names"]
    # The names as the search script looks a typed word up, without its article.
    assert {"حوثي", "حوثيين"} <= set(meta["names"].split())
    assert not any(
        key.startswith("briefs_")
        for key in entity_search(movement(1), knowledge, "en", None)["meta"]
    )


def test_the_search_script_gets_the_ranking_and_plural_wordings() -> None:
    config = json.loads(ui_context("ar", "../pagefind/", "../")["config_json"])
    # Names weigh more than any title, so an entity's page comes first for its name.
    weights = config["ranking"]["metaWeights"]
    assert weights["names"] > 5 > weights["actors"] and weights["published"] == 0
    labels = config["labels"]
    assert labels["count_two"] == "نتيجتان" and labels["count_few"] == "{n} نتائج"


def test_the_search_box_configuration_cannot_close_its_script_element() -> None:
    context = ui_context("ar", "../pagefind/</script><script>alert(1)//", "../")
    assert "</script>" not in context["config_json"]
    assert json.loads(context["config_json"])["bundle"].endswith("alert(1)//")
    assert context["labels"]["placeholder"] == "ابحث"


HOSTILE = (
    'زنجبيل <img src=x onerror="window.__pwned = 1"> <b>عنوان</b> في القاهرة\n\n'
    "وقال الباحث إن الزنجبيل <script>window.__pwned = 2</script> ينمو في المناطق الحارة.\n"
)
"""A source whose title and text look like markup; «زنجبيل» is in no other brief."""

PUBLISHED = {
    "china-russia-missile-defence-cooperation": "2025-11-21",
    "russia-china-security-partnership": "2025",
    "us-china-track-two-nuclear-talks": "2024-06-21",
    "pentagon-china-military-contacts": "2023-12-13",
    "us-russia-strategic-stability-talks": "2021-07-27",
}
"""The default briefs' publication dates (their sidecars), newest first: the RSDI analysis is
known only to its year, placed at the start of 2025."""

# --- the built site in Chromium ----------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("search-project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("briefs", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(*GENERATED_DIRS))
    (project / "briefs" / "hostile-markup.txt").write_text(HOSTILE, "utf-8")
    assert main(["-f", str(project / "mkdocs.yml"), "build", "--strict"]) == 0
    return project / "site"


@pytest.fixture(scope="module")
def base_url(built: Path) -> Iterator[str]:
    with serve(built) as url:
        yield url


class SearchBox:
    """The search box of one open page, used as a reader uses it."""

    def __init__(self, page: object) -> None:
        self.page = page

    def search(self, query: str) -> list[str]:
        """Type ``query``; the paths of the results shown, in order."""
        page = self.page
        page.click("[data-briefing-search-query]")
        page.fill("[data-briefing-search-query]", "")
        page.type("[data-briefing-search-query]", query)
        return self.results()

    def results(self) -> list[str]:
        """The paths of the results shown once the panel has caught up with the input
        (after typing, or after a filter or the sort order changed)."""
        page = self.page
        page.wait_for_function(
            """() => document.querySelector('[data-briefing-search-meta]').dataset.query
                === document.querySelector('[data-briefing-search-query]').value""",
            timeout=15_000,
        )
        return page.eval_on_selector_all(
            ".md-search-result__item a", "links => links.map(a => new URL(a.href).pathname)"
        )

    def top(self, query: str, count: int) -> list[str]:
        """Type ``query``, then press "more" until ``count`` results are shown or none are
        left: the first ``count`` results, as a reader pages through them."""
        shown = self.search(query)
        page = self.page
        while len(shown) < count and page.is_visible("[data-briefing-search-more]"):
            page.click("[data-briefing-search-more]")
            page.wait_for_function(
                "n => document.querySelectorAll('.md-search-result__item').length > n",
                arg=len(shown),
                timeout=15_000,
            )
            shown = self.results()
        return shown[:count]


@pytest.fixture()
def open_page(browser: object, base_url: str):
    pages = []

    def opener(path: str) -> SearchBox:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base_url + path)
        pages.append((page, errors))
        return SearchBox(page)

    yield opener
    for page, errors in pages:
        assert not errors, errors
        page.close()


def _slug(path: str) -> str | None:
    found = re.fullmatch(r"/(?:en/)?briefs/([^/]+)/", path)
    return found.group(1) if found else None


@pytest.mark.slow
@pytest.mark.browser
def test_recall_at_10_on_queries_as_readers_type_them(open_page) -> None:
    assert len(QUERIES) >= 40
    boxes = {"ar": open_page(""), "en": open_page("en/")}
    expected = found = 0
    misses = []
    for case in QUERIES:
        results = boxes[case["lang"]].top(case["query"], 10)
        slugs = {_slug(path) for path in results}
        for slug in case["expect"]:
            expected += 1
            if slug in slugs:
                found += 1
            else:
                misses.append((case["query"], slug, results[:3]))
        # One index per language: an Arabic page finds Arabic pages, an English page English.
        assert all(path.startswith("/en/") == (case["lang"] == "en") for path in results)
    recall = found / expected
    print(recall)
    [print(m) for m in misses]
    assert recall >= 0.95, (recall, misses)


@pytest.mark.slow
@pytest.mark.browser
def test_an_english_name_finds_the_english_page_of_an_arabic_source(open_page) -> None:
    results = open_page("en/").search("Santoro")
    assert "/en/briefs/us-china-track-two-nuclear-talks/" in results
    assert "/en/people/david-santoro/" in results


@pytest.mark.slow
@pytest.mark.browser
def test_only_brief_and_entity_content_is_indexed(open_page) -> None:
    # «transliteration» is only on the about page, «التي تذكره» only in the heading of entity
    # pages' lists of briefs, the site name only in the header: none is brief content.
    assert "transliteration" in (ROOT / "docs" / "about.en.md").read_text("utf-8")
    assert open_page("en/").search("transliteration") == []
    box = open_page("")
    for path in box.search("موجزات الأمن الدولي") + box.search("الموجزات التي تذكره"):
        assert re.fullmatch(r"/(briefs|people|organizations|countries|topics)/[^/]+/", path)
    # The list of briefs on an entity page is not its own text: a sentence quoted there finds
    # the brief, not the person page.
    results = box.search("سحبت إدارة ترامب التمويل")
    assert results[:1] == ["/briefs/us-china-track-two-nuclear-talks/"]
    assert "/people/donald-trump/" not in results
    # The site's own labels (section headings, field names) are on every page, not brief
    # content; nor are the Arabic runs of English pages, which the Arabic index holds.
    assert box.search("الفاعلون") == []  # a section heading
    assert open_page("en/").search("key facts") == []
    assert open_page("en/").search("ترامب") == []
    assert "/people/donald-trump/" in box.search("ترامب")
    # Headings' permalink marks are not text, and a topic no brief has is not a result.
    english = open_page("en/")
    found = english.search("nuclear")
    shown = english.page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(i => i.textContent)"
    )
    assert shown and not any("¶" in text for text in shown)
    assert "/en/topics/nuclear-non-proliferation/" not in found


def _fragment(site: Path, url: str) -> dict:
    """What Pagefind indexed for the page at ``url``: its fragment (content, meta ...)."""
    for fragment in (site / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(fragment.read_bytes())
        data = json.loads(raw[raw.index(b"{") :])
        if data["url"] == url:
            return data
    raise AssertionError(f"{url} is not in the search index")


def _indexed_text(site: Path, url: str) -> str:
    """The text Pagefind indexed for the page at ``url`` (its fragment's content)."""
    return _fragment(site, url)["content"]


@pytest.mark.slow
def test_the_index_holds_brief_text_not_the_site_labels(built: Path) -> None:
    slug = "us-china-track-two-nuclear-talks"
    arabic = _indexed_text(built, f"/briefs/{slug}/")
    assert "استأنفت الولايات المتحدة والصين محادثات" in arabic
    assert "ديفيد سانتورو" in arabic
    # Section headings, field names, notes and the file name are the site's, on every page.
    for words in ("الفاعلون", "الوسيلة:", "الملف:", "النص بعد التنظيف", "كتابة لاتينية", ".txt"):
        assert words not in arabic, words
    # Lists of names, tables of dates and figures, quotes and topics read as name lists in
    # excerpts: the brief's text is its title and article; the names are its metadata.
    assert "ديفيد سانتورو — David Santoro" not in arabic and "David" not in arabic
    assert "ديفيد سانتورو" in _fragment(built, f"/briefs/{slug}/")["meta"]["actors"]
    english = _indexed_text(built, f"/en/briefs/{slug}/")
    assert "Semi-official US–China nuclear arms talks resumed" in english  # its summary
    for words in ("Key facts", "Outlet:", "romanized", "Source file", ".txt", "(direct)", "()"):
        assert words not in english, words
    assert "David Santoro" in _fragment(built, f"/en/briefs/{slug}/")["meta"]["actors"]
    # The Arabic of an English page (title, facts, names as written) is in the Arabic index.
    assert not re.search("[\u0600-\u06ff]", english)
    person = _fragment(built, "/people/david-santoro/")
    assert person["content"] == "ديفيد سانتورو. الباحث الأمريكي."  # name and role
    assert "سانتورو" in person["meta"]["names"].split(" · ")
    # The briefs listed under an entity are found as briefs, not as the entity's page.
    assert "استأنفت" not in person["content"] and "2022" not in person["content"]
    assert _indexed_text(built, "/en/people/david-santoro/") == "David Santoro."


@pytest.mark.slow
@pytest.mark.browser
def test_filters_and_date_sort_in_the_results_panel(open_page) -> None:
    box = open_page("briefs/us-china-track-two-nuclear-talks/")
    everything = box.search("الصين")
    page = box.page
    # The filter lists are loaded on request, not with the first search.
    assert not page.query_selector("select[data-briefing-filter=type]")
    page.click("[data-briefing-search-refine]")
    page.wait_for_selector("select[data-briefing-filter=type]")
    types = page.eval_on_selector_all(
        "select[data-briefing-filter=type] option", "options => options.map(o => o.value)"
    )
    assert {"موجز", "شخص", "منظمة", "دولة", "موضوع"} <= set(types)
    page.select_option("select[data-briefing-filter=type]", "موجز")
    briefs_only = box.results()
    assert briefs_only and all(_slug(path) for path in briefs_only)
    assert not all(_slug(path) for path in everything)
    page.select_option("select[data-briefing-filter=sort]", "newest")
    newest = box.results()
    # A brief's facts line: its type, its date in words, its outlet.
    shown = {result_date(date, "ar"): date for date in PUBLISHED.values()}
    script = "facts => facts.map(f => f.querySelectorAll('bdi')[1].textContent)"
    dates = page.eval_on_selector_all(".briefing-search-facts", script)
    assert [shown[date] for date in dates if date in shown] == list(PUBLISHED.values())
    assert len(newest) == len(briefs_only)
    page.select_option("select[data-briefing-filter=sort]", "oldest")
    box.results()
    dates = page.eval_on_selector_all(".briefing-search-facts", script)
    oldest_first = list(reversed(PUBLISHED.values()))
    assert [shown[date] for date in dates if date in shown] == oldest_first
    page.select_option("select[data-briefing-filter=year]", "2023")
    assert box.results() == ["/briefs/pentagon-china-military-contacts/"]
    options = page.eval_on_selector_all(
        "[data-briefing-search-controls] select", "selects => selects.map(s => s.name)"
    )
    assert {"type", "actor", "country", "topic", "outlet", "year", "sort"} <= set(options)


@pytest.mark.slow
@pytest.mark.browser
def test_the_panel_is_right_to_left_on_arabic_pages_only(open_page) -> None:
    for path, direction, placeholder in (("", "rtl", "ابحث"), ("en/", "ltr", "Search")):
        box = open_page(path)
        box.search("2025")
        page = box.page
        assert (
            page.eval_on_selector(".md-search__output", "el => getComputedStyle(el).direction")
            == direction
        )
        assert page.get_attribute("[data-briefing-search-query]", "placeholder") == placeholder
        # The box sits in Material's header, where its own search box would be.
        assert page.eval_on_selector(
            "[data-briefing-search-query]", "el => !!el.closest('.md-header__inner')"
        )


@pytest.mark.slow
@pytest.mark.browser
def test_result_titles_and_excerpts_are_text_not_markup(open_page) -> None:
    box = open_page("")
    results = box.search("زنجبيل")
    assert results[:1] == ["/briefs/hostile-markup/"]
    page = box.page
    title = page.text_content(".md-search-result__item h1")
    assert "<img" in title  # shown literally, as the source wrote it
    markup = ".md-search-result__list :is(img, script, b)"
    assert page.eval_on_selector_all(markup, "elements => elements.length") == 0
    assert page.evaluate("window.__pwned") is None


@pytest.mark.slow
@pytest.mark.browser
def test_first_search_transfer_is_measured_as_a_host_sends_it(built: Path, browser) -> None:
    from briefing_tools.probe import first_search_bytes, transferred

    text = b"const pagefind = 1;\n" * 200
    assert transferred(text) < len(text) / 10  # JavaScript and JSON go gzipped
    packed = gzip.compress(text)
    assert transferred(packed) == len(packed)  # Pagefind's own files are gzip already
    sizes = first_search_bytes(built, {"ar": ["ترمب"], "en": ["Santoro"]}, browser)
    wasm = (built / "pagefind" / "wasm.ar.pagefind").stat().st_size
    bundle = sum(f.stat().st_size for f in (built / "pagefind").rglob("*") if f.is_file())
    # The library (with its wasm) is fetched, the bundle's other index files are not.
    assert wasm < sizes["ar"][0] < bundle / 2
    assert len(sizes["en"]) == 1 and sizes["en"][0] > 0


def _chunks_of(site: Path) -> int:
    return len(list((site / "pagefind" / "index").glob("*.pf_index")))


def test_index_chunks_are_smaller_than_pagefinds_default(tmp_path: Path, monkeypatch) -> None:
    # 40 pages of 600 words: a few chunks at Pagefind's default size, more at ours (a first
    # search downloads the chunks its words sort into: smaller ones, fewer bytes).
    from builder.search.indexing import index_site

    words = [f"word{n}" for n in range(300)]
    for page in range(40):
        text = " ".join(words[(page + n) % 300] for n in range(600))
        html = f'<html lang="en"><body><main data-pagefind-body><p>{text}</p></main></body></html>'
        (tmp_path / f"p{page}.html").write_text(html, "utf-8")
    monkeypatch.delenv("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", raising=False)
    index_site(tmp_path, chunk_size=None)  # Pagefind's default
    pagefinds = _chunks_of(tmp_path)
    shutil.rmtree(tmp_path / "pagefind")
    index_site(tmp_path)
    assert _chunks_of(tmp_path) > pagefinds > 1
    # A user's own setting wins over ours.
    monkeypatch.setenv("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", "1000000")
    shutil.rmtree(tmp_path / "pagefind")
    index_site(tmp_path)
    assert _chunks_of(tmp_path) == 1


def test_a_failed_index_run_is_a_briefing_error(tmp_path: Path) -> None:
    # Under `mkdocs serve` the background indexer reports a BriefingError as a warning and
    # goes on; any other exception would be a bug's traceback.
    from builder.errors import BriefingError
    from builder.search.indexing import index_site

    with pytest.raises(BriefingError, match=r"missing: \[search\] Pagefind"):
        index_site(tmp_path / "missing")


# --- what a result says ------------------------------------------------------------------

NAMES = (
    ("", "سانتورو", "/people/david-santoro/"),
    ("", "ترمب", "/people/donald-trump/"),  # a gazetteer spelling no brief writes
    ("", "البنتاغون", "/organizations/pentagon/"),
    ("", "بيلوسوف", "/people/andrei-belousov/"),
    ("en/", "Santoro", "/en/people/david-santoro/"),
    ("en/", "Trump", "/en/people/donald-trump/"),
    ("en/", "Pentagon", "/en/organizations/pentagon/"),
)
"""Names as a reader types them, and the entity page that should come first."""


@pytest.mark.slow
@pytest.mark.browser
def test_a_name_lists_its_own_page_first(open_page) -> None:
    boxes = {path: open_page(path) for path in ("", "en/")}
    for path, query, expected in NAMES:
        results = boxes[path].search(query)
        assert results[:1] == [expected], (query, results[:3])
        assert any(_slug(found) for found in results), query  # the briefs follow


def _result(page: object, index: int) -> dict[str, object]:
    """The text of the result at ``index``: title, facts (type, date, outlet), excerpt and
    its highlighted words."""
    return page.evaluate(
        """index => {
            const item = document.querySelectorAll('.md-search-result__item')[index];
            const facts = item.querySelector('.briefing-search-facts');
            return {
                title: item.querySelector('h1').textContent,
                facts: facts ? Array.from(facts.querySelectorAll('bdi'), b => b.textContent) : [],
                excerpt: item.querySelector('article > p:last-child').textContent,
                marks: Array.from(item.querySelectorAll('mark'), m => m.textContent),
            };
        }""",
        index,
    )


@pytest.mark.slow
@pytest.mark.browser
def test_excerpts_quote_the_article_with_the_date_and_outlet(open_page) -> None:
    box = open_page("")
    results = box.search("سانتورو")
    brief = _result(box.page, results.index("/briefs/us-china-track-two-nuclear-talks/"))
    # The sentence of the article around the name, not a list of names or labels.
    assert "المنظم الأمريكي لمحادثات المسار الثاني" in brief["excerpt"], brief
    # Cut from the middle of the article: an ellipsis on either side says so.
    assert brief["excerpt"].startswith("… ") and brief["excerpt"].endswith(" …"), brief
    assert brief["marks"] and all("سانتورو" in mark for mark in brief["marks"])
    assert not re.search(r"[A-Za-z]|\(\d+\)|—", brief["excerpt"]), brief
    assert brief["facts"] == ["موجز", "21 يونيو 2024", "Reuters (Arabic translation)"]
    person = _result(box.page, 0)
    assert person["facts"] == ["شخص", "آخر ظهور 21 يونيو 2024"]
    assert person["excerpt"] == "ديفيد سانتورو. الباحث الأمريكي."
    english = open_page("en/")
    results = english.search("Shanghai")
    brief = _result(english.page, results.index("/en/briefs/us-china-track-two-nuclear-talks/"))
    assert "nuclear arms talks resumed in Shanghai" in brief["excerpt"], brief
    assert "()" not in brief["excerpt"] and brief["marks"] == ["Shanghai"]
    # A topic page's excerpt is its name, not its name twice with an empty gloss.
    topic = english.search("Taiwan")
    shown = _result(english.page, topic.index("/en/topics/taiwan/"))
    assert shown["excerpt"] == "Taiwan.", shown
    assert brief["facts"] == ["brief", "21 June 2024", "Reuters (Arabic translation)"]


@pytest.mark.slow
@pytest.mark.browser
def test_the_result_count_follows_the_plural_rules_of_the_language(open_page) -> None:
    from babel import Locale

    labels = {lang: ui_context(lang, "", "")["labels"] for lang in ("ar", "en")}
    counted = set()
    for path, lang, queries in (
        ("", "ar", ("سانتورو", "ترامب", "الصين", "2025", "زنجبيل", "zzqxv")),
        ("en/", "en", ("Santoro", "China", "Reuters")),
    ):
        box = open_page(path)
        for query in queries:
            count = len(box.top(query, 200))
            category = Locale(lang).plural_form(count)
            wording = labels[lang].get(f"count_{category}", labels[lang]["count_other"])
            expected = labels[lang]["none"] if count == 0 else wording.replace("{n}", str(count))
            assert box.page.text_content("[data-briefing-search-meta]") == expected, query
            counted.add((lang, category if count else "zero"))
    # Every Arabic form was seen: none, one, two, a few (3–10), many (11–99).
    assert {"zero", "one", "two", "few", "many"} <= {c for lang, c in counted if lang == "ar"}
    assert labels["ar"]["count_two"] == "نتيجتان" and labels["ar"]["count_one"] == "نتيجة واحدة"


@pytest.mark.slow
@pytest.mark.browser
def test_found_words_are_highlighted_as_marks_not_as_links(open_page) -> None:
    box = open_page("en/")
    box.search("Shanghai")
    page = box.page
    style = """() => {
        const mark = document.querySelector('.md-search-result__item mark');
        const shown = getComputedStyle(mark);
        const link = getComputedStyle(document.querySelector('.md-content a'));
        return {
            decoration: shown.textDecorationLine, background: shown.backgroundColor,
            color: shown.color, link: link.color,
        };
    }"""
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        shown = page.evaluate(style)
        assert shown["decoration"] == "none", (scheme, shown)
        assert shown["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), (scheme, shown)
        assert shown["color"] != shown["link"], (scheme, shown)


@pytest.mark.slow
@pytest.mark.browser
def test_the_rank_probe_reports_where_a_name_ranks(built: Path, browser) -> None:
    from briefing_tools.search_rank import Probe, entity_ranks

    probes = (
        Probe("سانتورو", "/people/david-santoro/"),
        Probe("Santoro", "/en/briefs/us-china-track-two-nuclear-talks/"),
        Probe("Santoro", "/en/people/nobody/"),
    )
    ranked = entity_ranks(built, probes, browser, limit=10)
    assert [item.rank for item in ranked] == [1, 2, None]
    assert ranked[0].total == "نتيجتان" and ranked[1].top[0] == "/en/people/david-santoro/"
