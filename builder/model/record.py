"""The brief record's shape: TypedDicts that mirror ``builder/schema/brief.schema.json``.

The record (made by :func:`builder.resolve.record.brief_record`) is plain JSON-able data: it
goes into each brief page's front matter, the JSON export and ``briefing extract --json``,
and every stage from render on reads it. These types say the same as the schema, property
for property (``tests/resolve/test_record_types.py`` checks it): a property the schema
requires is a required key, one it may leave out is ``NotRequired``, one that may be null
is ``X | None``, and an enum is a ``Literal``. The schema stays the contract for tools
outside Python; these let the type checker find a misspelt key (``mypy``, ``make
typecheck``). Each field's docstring is the schema's description where it has one, else
that of the field the record takes it from (:mod:`builder.model.stages`).
"""

# No ``from __future__ import annotations``: evaluated annotations let ``NotRequired`` show
# in each TypedDict's ``__required_keys__`` at run time (the schema test reads them).
from typing import Literal, NotRequired, TypedDict

Encoding = Literal[
    "utf-8",
    "utf-8-sig",
    "utf-16-le",
    "utf-16-be",
    "utf-32-le",
    "utf-32-be",
    "windows-1256",
    "iso-8859-6",
]
"""The encodings a source can be decoded from (``builder.read.encoding``)."""

Calendar = Literal["gregorian", "hijri"]
"""The calendar a date is written in."""

QuoteKind = Literal["direct", "indirect"]
"""A quote in quotation marks, or reported speech."""

Precision = Literal["day", "month", "year"]
"""How much of a publication date is known: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""


EnglishSource = Literal["gazetteer", "name-table", "romanized", "translated"]
"""Where an actor's English name comes from: ``gazetteer`` (the data files: gazetteer,
institutions, CLDR country names), ``name-table`` (a transliteration from the public
name tables, ``name_spellings.tsv``), ``romanized`` (letter by letter), ``translated``
(an organization's name composed from a glossary). Only ``gazetteer`` is an established
English name."""


def english_source(en_source: EnglishSource | None, provisional: bool) -> EnglishSource:
    """An English name's source, for a mention or an entity that may not say it (one
    extracted before the field existed): romanized when provisional, else the gazetteer."""
    if en_source is not None:
        return en_source
    return "romanized" if provisional else "gazetteer"


class Normalized(TypedDict, total=False):
    """Characters changed in the text before extraction, by kind; a kind with no change is
    absent (``builder.read.characters``)."""

    direction: int
    """Direction controls removed."""
    invisible: int
    """Zero-width characters removed."""
    presentation: int
    """Presentation forms replaced by plain letters."""
    control: int
    """Control characters replaced by spaces."""
    nul: int
    """NUL bytes removed."""
    separator: int
    """Unicode line separators made line breaks."""


class Truncation(TypedDict):
    """How much of an article longer than the reader's limit was used."""

    total: int
    """The article's length in characters."""
    used: int
    """Characters kept: the article up to the last line break (else space) before the
    reader's limit."""


class Title(TypedDict):
    """The brief's title in both languages."""

    ar: str
    """Arabic title: metadata title, else the headline line, else the first sentence."""
    en: str
    """English title: the editor's, else one generated from the extracted data."""
    en_generated: bool
    """True when the English title was generated from extracted data, not written by an
    editor."""


class InferredValue(TypedDict):
    """A value given by the metadata or inferred from the text (publication date, outlet)."""

    value: str | None
    """The value, or null when neither metadata nor the text gives one."""
    inferred: bool
    """True when inferred from the text rather than given by metadata."""
    basis: NotRequired[str]
    """The text span or rule the inference rests on."""


class OutletValue(InferredValue):
    """The publishing outlet: given by the metadata, or inferred from the article's address
    or text."""

    en: NotRequired[str]
    """The outlet's English name, when the outlets data knows it."""
    from_url: NotRequired[bool]
    """True when inferred from the domain of the article's url (``basis`` is its host) rather
    than from the text."""


class PublishedValue(InferredValue):
    """The publication date, as precise as the metadata or the text gives it."""

    precision: Precision | None
    """day (value YYYY-MM-DD), month (YYYY-MM: an editor knew only the month) or year
    (YYYY); null when there is no date."""


class DateRecord(TypedDict):
    """A date mentioned in the text."""

    text: str
    """Exact Arabic span."""
    iso: str | None
    """From the text alone: YYYY, YYYY-MM, YYYY-MM-DD, XXXX-MM, XXXX-MM-DD (year not stated),
    194X (decade); a range is an ISO 8601 interval start/end; null for purely relative
    words."""
    resolved: str | None
    """Anchored on the publication date (same forms as iso, never XXXX); null when it
    cannot be."""
    relative: bool
    """True for expressions whose value depends on the publication date."""
    calendar: Calendar
    """Calendar the text used; iso is always Gregorian."""
    sentence: str
    """The sentence the span occurs in."""


class ActorRecord(TypedDict):
    """A person, organization or country the brief names (an organization has just these
    fields; :class:`PersonRecord` and :class:`CountryRecord` add theirs)."""

    id: str
    """Entity page id (gazetteer id, ISO code, or romanized slug)."""
    ar: str
    """Fullest Arabic form in the text."""
    en: str
    """English name (gazetteer/CLDR), else a provisional spelling from the name tables or a
    romanization."""
    en_provisional: bool
    """True when en is not an established English name (name tables, romanized,
    translated)."""
    en_source: EnglishSource
    """Where en comes from: gazetteer, name-table, romanized or translated."""
    forms: list[str]
    """Other surface forms found in the text."""
    count: int
    """How many times it is mentioned (at least 1)."""
    sentence: str
    """First sentence that mentions it."""


class PersonRecord(ActorRecord):
    """A person the brief names."""

    role: str | None
    """Role as stated in the text (Arabic); null when none is."""
    role_en: str | None
    """English role from the gazetteer or the title list; null when not known."""


class CountryRecord(ActorRecord):
    """A country the brief names."""

    code: str
    """ISO 3166 alpha-2."""


class NumberRecord(TypedDict):
    """A figure in the text."""

    text: str
    """The exact span, qualifier and unit included."""
    value: float
    """The full numeric value (175000000000 for «175 مليار دولار»); of a range, its lower
    bound."""
    value_max: float | None
    """Upper bound of a range; null for a single value."""
    unit: str | None
    """English unit or counted thing (USD, percent, soldiers); null when not stated."""
    unit_ar: str | None
    """The unit's Arabic name (``units.yaml``: دولار أمريكي، أشهر); null without a unit."""
    qualifier: str | None
    """about, more than, less than ... when the text hedges; else null."""
    sentence: str
    """The sentence the span occurs in."""


class SpeakerRecord(TypedDict):
    """Who a quote is attributed to."""

    ar: str
    """Arabic name or description as in the text."""
    en: str | None
    """English name (gazetteer or CLDR), role translation, or null when there is no honest
    one."""
    en_provisional: bool
    """True when en is not an established English name."""
    en_source: EnglishSource | None
    """Where en comes from when the speaker is a named actor (as for actors), else null."""
    id: str | None
    """Entity page id when the speaker is a named actor of the brief, else null."""


class QuoteRecord(TypedDict):
    """Something the text quotes or reports someone saying."""

    text: str
    """The quoted or reported content, verbatim."""
    kind: QuoteKind
    """direct inside quotation marks, indirect reported with أن/إن."""
    speaker: SpeakerRecord | None
    """Attributed speaker; null when none could be found."""
    sentence: str
    """The whole sentence, for context."""
    fragment: bool
    """One or two quoted words, the speaker's wording rather than a statement: shown with
    the brief, left out of the quote index and the speakers' pages."""


class TopicRecord(TypedDict):
    """A topic of the brief (``builder/data/topics.yaml``)."""

    id: str
    """Topic id from the taxonomy, also its page's name."""
    ar: str
    """The topic's Arabic name."""
    en: str
    """The topic's English name."""


class TermRecord(TypedDict):
    """A term of the terminology data file the text uses."""

    ar: str
    """The Arabic term as listed."""
    en: str
    """Its English equivalent."""
    count: int
    """Occurrences in the brief (at least 1)."""


class RemovalRecord(TypedDict):
    """A line of page furniture removed by cleaning."""

    text: str
    """The removed line, verbatim."""
    reason: str
    """Why it went (e.g. image-file debris), in English."""
    line: int
    """1-based line number in the source text."""


class FootnoteRecord(TypedDict):
    """A reference of the article's note list."""

    number: str
    """The marker as written in the text (1 for [1])."""
    text: str
    """The reference text, verbatim."""
    url: str | None
    """The first http(s) link in the reference; null if none."""


class RelatedRecord(TypedDict):
    """A related brief and what the two share."""

    slug: str
    """The related brief."""
    actors: list[str]
    """Entity ids of the people and organizations both briefs name."""
    topics: list[str]
    """Topic ids both briefs have."""
    countries: list[str]
    """Entity ids of the countries both briefs name."""
    days_apart: int | None
    """Days between the publication dates when both are known and at most a month apart."""


class BriefRecord(TypedDict):
    """Everything extracted from one Arabic article. The same object is the ``brief`` key
    of a generated page's YAML front matter and one item of ``briefing extract --json``."""

    file: str
    """Source path as given."""
    slug: str
    """Brief identifier used in page paths."""
    checksum: str
    """SHA-256 of the source bytes."""
    encoding: Encoding
    """Encoding the source was decoded from; the two legacy code pages are detected from
    the text."""
    normalized: Normalized
    """Characters changed in the text before extraction, by kind: direction controls,
    zero-width characters and NUL bytes removed, presentation forms replaced by plain
    letters, other control characters replaced by spaces, Unicode line separators made line
    breaks. Empty when nothing was changed; the source file itself is never changed."""
    truncated: Truncation | None
    """Set when the article was longer than the reader's limit and was cut; null when the
    whole article was used."""
    title: Title
    """The title in Arabic and English."""
    published: PublishedValue
    """Publication date: YYYY-MM-DD, or YYYY-MM or YYYY when only the month or the year is
    known."""
    outlet: OutletValue
    """Publishing outlet."""
    url: str | None
    """Link to the original article (http or https only); null when not given."""
    author: str | None
    """Byline; null when not given."""
    summary_en: str | None
    """An editor's English summary, shown on the English page; null when not given."""
    tags: list[str]
    """Free editorial tags."""
    key_facts: list[str]
    """Lead sentences, verbatim."""
    dates: list[DateRecord]
    """The dates the text mentions."""
    people: list[PersonRecord]
    """The people the text names."""
    organizations: list[ActorRecord]
    """The organizations the text names."""
    countries: list[CountryRecord]
    """The countries the text names."""
    numbers: list[NumberRecord]
    """The figures in the text."""
    quotes: list[QuoteRecord]
    """What the text quotes or reports people saying."""
    topics: list[TopicRecord]
    """The brief's topics."""
    terms: list[TermRecord]
    """The terminology terms the text uses."""
    removed: list[RemovalRecord]
    """Page furniture removed by cleaning."""
    footnotes: list[FootnoteRecord]
    """The article's references."""
    related: list[RelatedRecord]
    """Related briefs, best first, with what they share."""
