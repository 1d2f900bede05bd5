"""Resolve: mentions merge into entities across briefs; related briefs give their reason."""

from __future__ import annotations

from builder.clean import clean
from builder.extract import extract
from builder.extract.topics import extract_terms, extract_topics
from builder.knowledge import Knowledge
from builder.model import Metadata, SourceDocument
from builder.resolve import resolve

A = (
    "وقال الرئيس الأميركي دونالد ترمب إن واشنطن ستفرض عقوبات جديدة على إيران بسبب برنامجها "
    "النووي.\nوأكد ترمب أن الأسلحة النووية الإيرانية خط أحمر وأن الردع يبقى قائما."
)
B = (
    "انتقد وزير الخارجية الإيراني عباس عراقجي تصريحات الرئيس الأمريكي دونالد ترامب حول البرنامج "
    "النووي.\nوقال عراقجي إن طهران لن تتخلى عن حقها في التخصيب وإن الأسلحة النووية ليست هدفها."
)
C = "وقعت اليابان وأستراليا اتفاقا للتعاون في مجال الأمن البحري يشمل مناورات مشتركة منتظمة."


def _analysed(knowledge: Knowledge, texts: dict[str, str]):
    items = []
    for slug, text in texts.items():
        source = SourceDocument(
            f"{slug}.txt", slug, text, "utf-8", "sha256:" + "0" * 64, Metadata()
        )
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
    related = dict(by_slug["a"].related)
    assert "b" in related and "c" not in related
    assert "donald-trump" in related["b"]
    assert by_slug["c"].related == ()


def test_topics_and_terms_come_from_the_data_files(knowledge: Knowledge) -> None:
    topics = extract_topics(A, knowledge)
    assert "nuclear-weapons" in topics
    terms = {term.en for term in extract_terms(A, knowledge)}
    assert "deterrence" in terms
    assert extract_topics("جملة لا علاقة لها بأي موضوع أمني.", knowledge) == ()
