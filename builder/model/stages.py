"""The data that flows through the pipeline: one frozen dataclass per stage output.

read -> SourceDocument, clean -> CleanDocument, extract -> Extraction,
resolve -> Corpus (Brief + Entity), render/index -> Page.
Every mention keeps the exact Arabic span it came from and the sentence around it,
so pages can quote their evidence and tools can check it against the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from builder.model.record import ActorRecord, BriefRecord, Calendar, EnglishSource
from builder.model.speech import Quote

EntityKind = Literal["person", "organization", "country"]
MetadataOrigin = Literal["front matter", "sidecar", "none"]


@dataclass(frozen=True)
class Metadata:
    """Editorial metadata from front matter or a sidecar ``<stem>.yaml``; every field optional."""

    title: str | None = None
    """Arabic headline as the editor wants it shown (else the article's first line)."""
    title_en: str | None = None
    """English headline written by an editor (never machine-made)."""
    url: str | None = None
    """Link to the original article (http or https only)."""
    outlet: str | None = None
    """Publishing outlet, as the editor names it (Arabic or English)."""
    published: str | None = None
    """Publication date: ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when the editor knows only
    the month / the year (:mod:`builder.model.period`)."""
    author: str | None = None
    """Byline."""
    summary_en: str | None = None
    """An editor's English summary, shown on the English page."""
    translation_en: str | None = None
    """An editor's English translation of the article, shown on the English page."""
    tags: tuple[str, ...] = ()
    """Free editorial tags."""


@dataclass(frozen=True)
class SourceDocument:
    """One article as read from ``briefs/``: decoded text plus validated metadata."""

    file: str
    """Path as given (relative to the project when read from ``briefs/``)."""
    slug: str
    """Stable, URL-safe identifier derived from the file name."""
    text: str
    """The decoded article text, without any front matter."""
    encoding: str
    """The encoding the bytes were decoded from (``utf-8``, ``utf-8-sig`` ...)."""
    checksum: str
    """``sha256:`` of the raw source bytes; the cache and the page both carry it."""
    metadata: Metadata
    """Editorial metadata (empty when the brief has none)."""
    metadata_origin: MetadataOrigin = "none"
    """Where the metadata came from."""
    normalized: tuple[tuple[str, int], ...] = ()
    """Invisible or look-alike characters changed in the text: ``(kind, count)`` pairs,
    kinds as in ``builder.read.characters.KINDS``; empty when the text needed nothing."""
    truncated_from: int | None = None
    """The article's length in characters when it was cut to the reader's limit, else None."""
    problems: tuple[Problem, ...] = ()
    """What the reader reports while the source still builds: metadata fields, a front-matter
    block or a sidecar that could not be used and were left out (warnings naming the file,
    the field and, where known, the line)."""


@dataclass(frozen=True)
class Removal:
    """A piece of page furniture that cleaning removed, kept so the page can list it."""

    text: str
    """The removed line, verbatim."""
    reason: str
    """Why it went (e.g. ``image-file debris``), in English."""
    line: int
    """1-based line number in the source text."""


@dataclass(frozen=True)
class Footnote:
    """A numbered reference from the article's reference list."""

    number: str
    """The marker as written in the text (``1`` for ``[1]``)."""
    text: str
    """The reference text, verbatim."""
    url: str | None = None
    """The first http(s) link in the reference, if any."""


@dataclass(frozen=True)
class CleanDocument:
    """The article without page furniture, split into paragraphs."""

    source: SourceDocument
    """The document this was cleaned from."""
    title: str
    """Arabic title: metadata title, else the headline line, else the first sentence."""
    title_from_text: bool
    """True when the title is the article's own headline line rather than metadata."""
    paragraphs: tuple[str, ...]
    """Body paragraphs in order (the headline line excluded)."""
    removals: tuple[Removal, ...]
    """Everything cleaning took out, in source order."""
    footnotes: tuple[Footnote, ...] = ()
    """Reference-list entries found at the end of the article."""

    @property
    def text(self) -> str:
        """The cleaned body, paragraphs separated by newlines (offsets refer to this)."""
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in the text."""

    text: str
    """The exact Arabic span."""
    iso: str | None
    """From the text alone: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``XXXX-MM``, ``XXXX-MM-DD``,
    ``194X``; ``None`` for purely relative words."""
    resolved: str | None
    """Anchored on the publication date (``None`` when it cannot be)."""
    relative: bool
    """True for expressions whose value depends on the publication date."""
    sentence: str
    """The sentence the span occurs in."""
    calendar: Calendar = "gregorian"
    """Calendar the text used; ``iso`` is always Gregorian."""


@dataclass(frozen=True)
class NumberMention:
    """A salient quantity."""

    text: str
    """The exact span, qualifier and unit included."""
    value: float
    """The full numeric value (175000000000 for «175 مليار دولار»)."""
    unit: str | None
    """English unit or counted thing (``USD``, ``percent``, ``soldiers``), if stated."""
    sentence: str
    """The sentence the span occurs in."""
    value_max: float | None = None
    """Upper bound of a range."""
    qualifier: str | None = None
    """``about``, ``more than``, ``less than`` ... when the text hedges."""


@dataclass(frozen=True)
class ActorMention:
    """A person, organization or country as found in one brief (before corpus-wide merging)."""

    kind: EntityKind
    """person, organization or country."""
    key: str
    """Identity that merges mentions across briefs: gazetteer id, ISO code or folded name."""
    ar: str
    """Fullest Arabic form in the text (or the canonical Arabic name for countries)."""
    en: str
    """English name: gazetteer or CLDR, else from the name tables or romanized (provisional)."""
    en_provisional: bool
    """True when ``en`` is not an established English name (see ``en_source``)."""
    forms: tuple[str, ...]
    """Other surface forms found in this text (surname alone, spellings, adjectives, capitals)."""
    sentence: str
    """The first sentence that mentions it."""
    role: str | None = None
    """Role as stated in the text (Arabic), for people."""
    role_en: str | None = None
    """English role from the gazetteer or the title list, when known."""
    code: str | None = None
    """ISO 3166 alpha-2 code, for countries."""
    count: int = 1
    """How many times it is mentioned."""
    en_source: EnglishSource | None = None
    """Where ``en`` comes from; None when not said (see :func:`english_source`)."""


@dataclass(frozen=True)
class TermMention:
    """A key term from the terminology list found in the brief."""

    ar: str
    """The Arabic term as listed."""
    en: str
    """Its English equivalent."""
    count: int
    """Occurrences in the brief."""


@dataclass(frozen=True)
class Inferred:
    """A value with its provenance: given by metadata, or inferred from the text."""

    value: str | None
    """The value, or None when neither metadata nor the text gives one."""
    inferred: bool
    """True when the value was inferred from the text (shown as such on the page)."""
    basis: str | None = None
    """The text span or rule the inference rests on."""
    en: str | None = None
    """The value's English form, when known (an outlet of ``outlets.yaml``)."""
    from_url: bool = False
    """True when inferred from the domain of the article's ``url`` (``basis`` is its host)
    rather than from the text."""


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one cleaned brief."""

    published: Inferred
    """Publication date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (:mod:`builder.model.period`)."""
    outlet: Inferred
    """Publishing outlet."""
    dates: tuple[DateMention, ...]
    numbers: tuple[NumberMention, ...]
    people: tuple[ActorMention, ...]
    organizations: tuple[ActorMention, ...]
    countries: tuple[ActorMention, ...]
    quotes: tuple[Quote, ...]
    topics: tuple[str, ...]
    """Topic ids from the taxonomy."""
    terms: tuple[TermMention, ...]
    key_facts: tuple[str, ...]
    """Lead sentences carrying the article's main facts, verbatim."""
    candidates: tuple[str, ...] = ()
    """Names found by patterns but absent from the gazetteer, for editors to curate."""


@dataclass(frozen=True)
class RelatedBrief:
    """Another brief related to this one, and why."""

    slug: str
    """The related brief's slug."""
    actors: tuple[str, ...]
    """Entity ids of the people and organizations both name."""
    topics: tuple[str, ...]
    """Topic ids both have."""
    countries: tuple[str, ...]
    """Entity ids (lower-case ISO codes) of the countries both name."""
    days_apart: int | None
    """Days between the two publication dates, when both are known and close."""


@dataclass(frozen=True)
class Brief:
    """A brief after corpus-wide resolution."""

    doc: CleanDocument
    extraction: Extraction
    related: tuple[RelatedBrief, ...] = ()
    """Related briefs, best first, each with the reason."""

    @property
    def slug(self) -> str:
        """The brief's identifier."""
        return self.doc.source.slug


@dataclass(frozen=True)
class EntityMention:
    """One brief that mentions an entity, with the sentence."""

    slug: str
    """The brief's slug."""
    sentence: str
    """The first sentence of the brief that names the entity."""
    count: int
    """How many times the brief names it."""
    published: str | None = None
    """The brief's publication date (ISO), when known: mentions are listed newest first."""


@dataclass(frozen=True)
class EntityQuote:
    """Something the entity said, as one brief reports it."""

    slug: str
    """The brief's slug."""
    text: str
    """The quoted or reported words."""
    kind: str
    """``direct`` or ``reported``."""
    published: str | None = None
    """The brief's publication date (ISO), when known."""


@dataclass(frozen=True)
class Entity:
    """A person, organization or country across the corpus."""

    kind: EntityKind
    """person, organization or country."""
    id: str
    """Stable, URL-safe identifier (gazetteer id, ISO code, or romanized slug)."""
    ar: str
    """The Arabic name most briefs use."""
    en: str
    """The English name (gazetteer, CLDR, the name tables, or a romanization)."""
    en_provisional: bool
    """The English name is not an established one (name tables, romanized, translated)."""
    mentions: tuple[EntityMention, ...]
    """Every brief that names it, newest first (undated last)."""
    en_source: EnglishSource | None = None
    """Where ``en`` comes from (see :data:`EnglishSource`)."""
    roles: tuple[str, ...] = ()
    """Roles as the briefs state them, in Arabic."""
    code: str | None = None
    """ISO 3166 code, countries only."""
    variants: tuple[tuple[str, int], ...] = ()
    """Every Arabic spelling seen, with the number of briefs that use it, most used first."""
    english_variants: tuple[tuple[str, int], ...] = ()
    """Every English name the briefs gave it, with counts (more than one only when
    romanizations differ)."""
    quotes: tuple[EntityQuote, ...] = ()
    """What the briefs quote it saying, newest first."""
    co_mentions: tuple[tuple[EntityKind, str, int], ...] = ()
    """(kind, id, briefs) of the actors most often named in the same briefs, most first."""
    first_seen: str | None = None
    """Publication date of the earliest dated brief that names it."""
    last_seen: str | None = None
    """Publication date of the latest dated brief that names it."""

    @property
    def forms(self) -> tuple[str, ...]:
        """The other Arabic spellings seen, most used first (``variants`` without ``ar``)."""
        return tuple(form for form, _ in self.variants if form != self.ar)


@dataclass(frozen=True)
class Problem:
    """Something wrong with one source, reported without stopping the build."""

    file: str
    field: str | None
    message: str
    severity: Literal["error", "warning", "info"] = "error"
    """error: the source was skipped; warning: built, but something needs an editor
    (``--strict`` fails); info: a normal gap, such as no publication date."""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f" [{self.field}]"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Page:
    """A generated Markdown page, path relative to ``docs/``."""

    path: str
    content: str


@dataclass(frozen=True)
class BuildResult:
    """What a build produced and what went wrong."""

    briefs: tuple[Brief, ...]
    entities: tuple[Entity, ...] = ()
    pages: tuple[Page, ...] = ()
    """The generated pages, from :func:`~builder.pipeline.generate`; ``build()`` streams
    them to disk instead of holding them (see ``page_count``)."""
    page_count: int = 0
    """How many pages the build generated."""
    problems: tuple[Problem, ...] = ()
    written: tuple[str, ...] = field(default=())
    removed: tuple[str, ...] = field(default=())
    site_files: tuple[Page, ...] = ()
    """Files published as they are (feeds, JSON export), paths relative to the site root."""
    home: tuple[tuple[str, str], ...] = ()
    """(language, Markdown) of the generated home-page sections."""
    records: tuple[BriefRecord, ...] = ()
    """Each brief's record (the ``brief:`` front matter), in the order of ``briefs``; the
    PDFs are made from them."""


def record_actors(record: BriefRecord) -> Iterator[tuple[EntityKind, ActorRecord]]:
    """The brief's people, organizations and countries, in that order, each with its kind."""
    for person in record["people"]:
        yield "person", person
    for organization in record["organizations"]:
        yield "organization", organization
    for country in record["countries"]:
        yield "country", country
