"""Resolve: mentions merge into entities across briefs; related briefs give their reason."""

from __future__ import annotations

from builder.clean.furniture import clean
from builder.extract import extract
from builder.extract.topics import extract_terms, extract_topics
from builder.knowledge import Knowledge
from builder.model import Metadata, SourceDocument
from builder.resolve.corpus import resolve

A = (
    "وقال الرئيس الأميركي دونالد ترمب إن واشنطن ستفرض عقوبات جديدة على إيران بسبب برنامجها "
    "النووي.\nوأكد ترمب أن الأسلحة النووية الإيرانية خط أحمر وأن الردع يبقى قائما."
)
B = (
    "انتقد وزير الخارجية الإيراني عباس عراقجي تصريحات الرئيس الأمريكي دونالد ترامب حول البرنامج "
    "النووي.\nوقال عراقجي إن طهران لن تتخلى عن حقها في التخصيب وإن الأسلحة النووية ليست هدفها."
)
C = "وقعت اليابان وأستراليا اتفاقا للتعاون في مجال الأمن البحري يشمل مناورات مشتركة منتظمة."


def _analysed(knowledge: Knowledge, texts: dict[str, str], dates: dict[str, str] | None = None):
    items = []
    for slug, text in texts.items():
        metadata = Metadata(published=(dates or {}).get(slug))
        source = SourceDocument(f"{slug}.txt", slug, text, "utf-8", "sha256:" + "0" * 64, metadata)
        doc = clean(source)
        items.append((doc, extract(doc, knowledge)))
    return items


def test_spelling_variants_are_one_entity_across_briefs(knowledge: Knowledge) -> None:
    briefs, entities = resolve(_analysed(knowledge, {"b": B, "a": A, "c": C}))
    assert [brief.slug for brief in briefs] == ["a", "b", "c"]  # deterministic order
    trump = [e for e in entities if e.kind == "person" and e.en == "Donald Trump"]
    assert len(trump) == 1
    assert [mention.slug for mention in trump[0].mentions] == ["a", "b"]
    assert {"دونالد ترمب", "دونالد ترامب"} <= {trump[0].ar, *trump[0].forms}
    iran = next(e for e in entities if e.kind == "country" and e.code == "IR")
    assert iran.id == "ir" and len(iran.mentions) == 2
    assert all(mention.sentence for mention in iran.mentions)


def test_related_briefs_share_actors_and_say_why(knowledge: Knowledge) -> None:
    briefs, _ = resolve(_analysed(knowledge, {"a": A, "b": B, "c": C}))
    by_slug = {brief.slug: brief for brief in briefs}
    related = {item.slug: item for item in by_slug["a"].related}
    assert "b" in related and "c" not in related
    assert "donald-trump" in related["b"].actors
    assert "nuclear-weapons" in related["b"].topics
    assert "ir" in related["b"].countries and "us" in related["b"].countries
    assert related["b"].days_apart is None  # neither brief is dated
    assert by_slug["c"].related == ()


def test_briefs_close_in_date_say_how_close(knowledge: Knowledge) -> None:
    dates = {"a": "2025-03-01", "b": "2025-03-11"}
    briefs, _ = resolve(_analysed(knowledge, {"a": A, "b": B}, dates))
    assert briefs[0].related[0].days_apart == 10
    dates = {"a": "2025-03-01", "b": "2025-09-11"}
    briefs, _ = resolve(_analysed(knowledge, {"a": A, "b": B}, dates))
    assert briefs[0].related[0].days_apart is None  # months apart: not a reason


def test_an_entity_knows_its_spellings_dates_quotes_and_company(knowledge: Knowledge) -> None:
    dates = {"a": "2025-03-01", "b": "2025-04-02"}
    _, entities = resolve(_analysed(knowledge, {"a": A, "b": B, "c": C}, dates))
    trump = next(e for e in entities if e.id == "donald-trump")
    spellings = dict(trump.variants)
    assert spellings["دونالد ترمب"] == 1 and spellings["دونالد ترامب"] == 1
    assert trump.english_variants == (("Donald Trump", 2),)
    assert (trump.first_seen, trump.last_seen) == ("2025-03-01", "2025-04-02")
    assert [m.slug for m in trump.mentions] == ["b", "a"]  # newest first
    company = {(kind, ident): count for kind, ident, count in trump.co_mentions}
    assert company[("country", "ir")] == 2 and company[("country", "us")] == 2
    assert ("country", "jp") not in company  # only named in brief c
    assert any("عقوبات" in quote.text for quote in trump.quotes)
    assert all(quote.slug == "a" for quote in trump.quotes)
    araghchi = next(e for e in entities if e.en == "Abbas Araghchi")
    assert [quote.slug for quote in araghchi.quotes] == ["b"]


def test_related_briefs_stay_right_when_an_actor_is_in_very_many_briefs(
    knowledge: Knowledge, monkeypatch
) -> None:
    # Above the window only the briefs nearest in date are compared: the brief published
    # next to another still finds it, the cost stays bounded.
    import builder.resolve.related as related_module

    monkeypatch.setattr(related_module, "WINDOW", 4)
    texts = {f"t{n:02d}": A for n in range(12)}
    dates = {f"t{n:02d}": f"2024-{n + 1:02d}-01" for n in range(12)}
    briefs, _ = resolve(_analysed(knowledge, texts, dates))
    by_slug = {brief.slug: brief for brief in briefs}
    nearest = [item.slug for item in by_slug["t05"].related]
    assert set(nearest) <= {"t03", "t04", "t06", "t07"}
    assert nearest and by_slug["t05"].related[0].days_apart in (29, 30, 31)


def test_topics_and_terms_come_from_the_data_files(knowledge: Knowledge) -> None:
    topics = extract_topics(A, knowledge)
    assert "nuclear-weapons" in topics
    terms = {term.en for term in extract_terms(A, knowledge)}
    assert "deterrence" in terms
    assert extract_topics("جملة لا علاقة لها بأي موضوع أمني.", knowledge) == ()


def test_a_word_or_two_quoted_stays_with_its_brief(knowledge: Knowledge) -> None:
    """A one- or two-word quotation is the speaker's wording: kept on the brief (and in the
    record), but not listed on the speaker's page or in the quote index."""
    from builder.index.quotes import quotes_index
    from builder.resolve.record import brief_record

    text = (
        "ووصف وزير الخارجية الأمريكي أنتوني بلينكن المحادثات بأنها «بناءة».\n"
        "وقال بلينكن إن واشنطن مستعدة لجولة جديدة من المفاوضات الشهر المقبل."
    )
    analysed = _analysed(knowledge, {"a": text}, {"a": "2024-05-02"})
    briefs, entities = resolve(analysed)
    quotes = analysed[0][1].quotes
    assert [quote.fragment for quote in quotes] == [True, False]
    blinken = next(e for e in entities if e.en == "Antony Blinken")
    assert [quote.text for quote in blinken.quotes] == [quotes[1].text]
    record = brief_record(briefs[0].doc, briefs[0].extraction, knowledge)
    assert [quote["fragment"] for quote in record["quotes"]] == [True, False]
    listed = "\n".join(getattr(page, "content", "") for page in quotes_index([record], "en"))
    assert "«بناءة»</span>" not in listed and ">واشنطن مستعدة لجولة" in listed


def test_a_partial_name_joins_the_one_fuller_name_of_the_corpus(knowledge: Knowledge) -> None:
    texts = {
        "a": "وقال العميد فهد بن ناصر الدوسري إن الوحدات أنهت تدريبها.",
        "b": "وأكد العميد فهد الدوسري أن التدريب سيستمر.",
        "c": "وقال العقيد سامي يوسف القرني إن الدورية عادت.",
        "d": "وأضاف المقدم يوسف القرني أن الحدود آمنة.",
        "e": "وقال الرائد ماجد يوسف القرني إن الطريق مفتوح.",
    }
    _, entities = resolve(_analysed(knowledge, texts))
    people = {e.ar: e for e in entities if e.kind == "person"}
    # «فهد الدوسري» is «فهد بن ناصر الدوسري» without his patronymic: one page, two briefs.
    assert "فهد الدوسري" not in people
    assert {m.slug for m in people["فهد بن ناصر الدوسري"].mentions} == {"a", "b"}
    # «يوسف القرني» stands inside two fuller names: it stays a page of its own.
    assert "يوسف القرني" in people


def test_a_shorter_name_is_the_head_or_the_tail_of_the_full_one() -> None:
    from builder.extract.people_merge import contained_name

    full = ("عبد", "ربه", "منصور", "هادي")
    assert contained_name(("منصور", "هادي"), full)  # the tail
    assert contained_name(("عبد", "ربه", "منصور"), full)  # the head
    assert contained_name(("عبد", "ربه", "هادي"), full)  # first and last, middle left out
    # A run from the middle names the father: «حمد بن علي» in «علي بن حمد بن علي آل مبارك».
    assert not contained_name(
        ("حمد", "بن", "علي"), ("علي", "بن", "حمد", "بن", "علي", "ال", "مبارك")
    )
    assert not contained_name(full, full)


def test_a_fragment_is_one_or_two_words_as_a_reader_counts_them() -> None:
    from builder.model import Quote

    def fragment(text: str) -> bool:
        return Quote(text, "direct", None, "").fragment

    assert fragment("بناءة") and fragment("خطوة أولية")
    assert fragment("دورًا إيجابيًا")  # vowel marks are part of their words
    assert fragment("5 + 1")  # a sign is no word
    assert not fragment("لن نقبل بهذا")


def test_a_brief_links_the_page_of_the_person_its_partial_name_joins(
    knowledge: Knowledge,
) -> None:
    """Brief b names «ناصر الكعبي», brief a the fuller «خالد ناصر الكعبي»: one person, whose
    page both briefs' records (and b's quote) link to."""
    from builder.resolve.ids import entity_id
    from builder.resolve.record import brief_record

    texts = {
        "a": "وقال وزير النقل خالد ناصر الكعبي إن الطريق الجديد سيفتتح قريبا.",
        "b": "وقال الوزير ناصر الكعبي إن أعمال الصيانة ستنتهي خلال أسبوعين.",
    }
    briefs, entities = resolve(_analysed(knowledge, texts, {"a": "2024-01-02", "b": "2024-02-03"}))
    pages = {entity.id for entity in entities}
    people_b = [person for person in briefs[1].extraction.people if "الكعبي" in person.ar]
    assert len(people_b) == 1
    record = brief_record(briefs[1].doc, briefs[1].extraction, knowledge)
    linked = [person["id"] for person in record["people"]]
    assert linked and set(linked) <= pages
    assert entity_id(people_b[0]) == entity_id(briefs[0].extraction.people[0])
    assert record["quotes"][0]["speaker"]["id"] in pages
