"""Stage 3, extract: everything a briefing page shows, from one cleaned brief (pure).

Each extractor is its own module and works on the cleaned body text; this function runs
them in dependency order (quotes need the actors, relative dates need the publication date).
"""

from __future__ import annotations

from builder.extract.actors import extract_countries, extract_organizations
from builder.extract.dates import extract_dates
from builder.extract.numbers import extract_numbers
from builder.extract.people import extract_people
from builder.extract.people_in_bodies import without_body_names
from builder.extract.publication import infer_outlet, infer_published, key_facts
from builder.extract.quotes import extract_quotes
from builder.extract.quotes.home import presume_home_government
from builder.extract.topics import extract_terms, extract_topics
from builder.knowledge import Knowledge
from builder.model import CleanDocument, Extraction
from builder.outlets import outlet_country


def extract(doc: CleanDocument, knowledge: Knowledge) -> Extraction:
    """Extract dates, numbers, actors, quotes, topics and terms from a cleaned brief."""
    text = doc.text
    # Header lines (removed as furniture) may carry the publication date.
    header = "\n".join(removal.text for removal in doc.removals[:6])
    published = infer_published(doc, extract_dates(header, None, knowledge) if header else ())
    dates = extract_dates(text, published.value, knowledge)
    people, candidates = extract_people(text, knowledge)
    organizations = extract_organizations(text, knowledge)
    people = without_body_names(people, organizations, text)
    countries = extract_countries(text, knowledge)
    actors = people + organizations + countries
    titled = f"{doc.title}\n{text}" if doc.title_from_text else text
    outlet = infer_outlet(doc, knowledge)
    quotes = extract_quotes(text, actors, knowledge)
    home = outlet_country(outlet.value, knowledge.outlets)
    return Extraction(
        published=published,
        outlet=outlet,
        dates=dates,
        numbers=extract_numbers(text, dates, knowledge),
        people=people,
        organizations=organizations,
        countries=countries,
        quotes=presume_home_government(quotes, home, knowledge),
        topics=extract_topics(titled, knowledge),
        terms=extract_terms(text, knowledge),
        key_facts=key_facts(doc),
        candidates=candidates,
    )
