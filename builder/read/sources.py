"""Stage 1, read: find the sources, decode them, split and validate editorial metadata.

Sources are never modified. Metadata comes from YAML front matter in the file or from a
sidecar ``<stem>.yaml`` next to it (the sidecar wins field by field). Every error names
the file and the field. Only a source whose article cannot be read is refused: a metadata
field that cannot be used (unknown, of the wrong type, too long, unsafe YAML) is reported as
a warning and left out, a front-matter block or sidecar that is not YAML at all is reported
and left out whole, and the article builds without them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from builder.arabic import has_arabic
from builder.errors import BriefError
from builder.model import Metadata, MetadataOrigin, Problem, SourceDocument, period_of
from builder.read.characters import KINDS, normalize_characters
from builder.read.encoding import decode
from builder.read.yaml_block import field_name, load_mapping
from builder.read.yaml_block import shown as _shown

SOURCE_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIXES = (".yaml", ".yml")

_STRING_FIELDS = ("title", "title_en", "url", "outlet", "author", "summary_en", "translation_en")
KNOWN_FIELDS = (*_STRING_FIELDS, "published", "tags")
_ONE_LINE = ("title", "title_en", "url", "outlet", "author")
"""Fields shown as one line: inner line breaks and runs of spaces become one space."""
_MAX_LENGTHS = {"title": 400, "title_en": 400, "url": 2000, "outlet": 200, "author": 200}
"""Longest accepted value per field: a headline is not a paragraph."""


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?\n?", re.S | re.M)
FIELD_LEFT_OUT = "the field is left out, the brief builds without it"
BLOCK_LEFT_OUT = "the metadata block is left out, the brief builds without it"


def discover(briefs_dir: Path) -> list[Path]:
    """The source files of a briefs folder, sorted by name (sidecars are not sources)."""
    if not briefs_dir.is_dir():
        return []
    return sorted(
        path
        for path in briefs_dir.iterdir()
        if path.is_file()
        and path.suffix.lower() in SOURCE_SUFFIXES
        and not path.name.startswith(".")
    )


def sidecar_for(source: Path) -> Path | None:
    """The ``<stem>.yaml`` (or ``.yml``) next to a source file, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = source.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


MAX_SLUG_CHARS = 80
"""Longest slug: Arabic letters take two bytes each, and a file name has 255 at most."""
RESERVED_SLUGS = frozenset(
    {"index", "con", "prn", "aux", "nul"}
    | {f"{device}{number}" for device in ("com", "lpt") for number in range(1, 10)}
)
"""Slugs a brief cannot have: ``index`` is the list of briefs, the others are device names
Windows will not create files for."""


def slug_for(path: Path) -> str:
    """A URL-safe slug from a file name: Unicode letters kept, everything else folded to '-',
    at most :data:`MAX_SLUG_CHARS` characters (cut at a '-'), never a reserved name
    (``index`` becomes ``index-brief``)."""
    slug = plain_slug(path)
    return f"{slug}-brief" if slug in RESERVED_SLUGS else slug


def plain_slug(path: Path) -> str:
    """:func:`slug_for` before reserved names are avoided."""
    stem = unicodedata.normalize("NFKC", path.stem).lower()
    slug = re.sub(r"[^\w]+", "-", stem).strip("-_")
    if len(slug) > MAX_SLUG_CHARS:
        cut = slug.rfind("-", MAX_SLUG_CHARS // 2, MAX_SLUG_CHARS + 1)
        slug = slug[: cut if cut > 0 else MAX_SLUG_CHARS].strip("-_")
    return slug or "brief"


def _report(problems: list[Problem] | None, error: BriefError, left_out: str) -> None:
    """Raise ``error``, or, given a ``problems`` list, report it there as a warning saying
    what was ``left_out``."""
    if problems is None:
        raise error
    message = f"{error.message}; {left_out}"
    problems.append(Problem(error.file, error.field, message, "warning", line=error.line))


def _load_block(
    text: str, file: str, first_line: int, problems: list[Problem] | None
) -> dict[str, Any]:
    """The fields of a YAML block that load (``builder.read.yaml_block``); a field or the
    whole block that does not is reported through :func:`_report`. The block's text is
    normalized first as the article's is (``builder.read.characters``): PyYAML refuses a
    whole block for one control character, which must cost no other field."""
    text = normalize_characters(text)[0]
    try:
        fields, errors = load_mapping(text, file, first_line)
    except BriefError as unreadable:
        _report(problems, unreadable, BLOCK_LEFT_OUT)
        return {}
    for error in errors:
        _report(problems, error, FIELD_LEFT_OUT)
    return fields


def validate_metadata(
    data: dict[str, Any], file: str, *, problems: list[Problem] | None = None
) -> Metadata:
    """Check field names and types and return :class:`Metadata`. A bad field (unknown, of
    the wrong type, too long, not an http(s) address, not a date) raises :class:`BriefError`
    naming it, or, given a ``problems`` list, is reported there as a warning and left out."""
    for key in data:
        if key not in KNOWN_FIELDS:
            unknown = f"unknown field (known: {', '.join(KNOWN_FIELDS)})"
            error = BriefError(file, unknown, field=field_name(str(key)))
            _report(problems, error, FIELD_LEFT_OUT)
    values: dict[str, Any] = {}
    for name in KNOWN_FIELDS:
        if data.get(name) is None:
            continue
        try:
            values[name] = _valid_value(name, data[name], file)
        except BriefError as error:
            _report(problems, error, FIELD_LEFT_OUT)
    return Metadata(**values)


def _valid_value(name: str, value: Any, file: str) -> Any:
    """A known field's value as :class:`Metadata` holds it; :class:`BriefError` if unusable."""
    if name == "published":
        return _validate_date(value, file)
    if name == "tags":
        if not isinstance(value, list) or not all(isinstance(tag, str) and tag for tag in value):
            raise BriefError(file, "must be a list of strings", field="tags")
        return tuple(value)
    if isinstance(value, str):
        value = normalize_characters(value)[0].strip()
        if name in _ONE_LINE:
            value = " ".join(value.split())
    if not isinstance(value, str) or not value:
        raise BriefError(file, "must be a non-empty string", field=name)
    limit = _MAX_LENGTHS.get(name)
    if limit is not None and len(value) > limit:
        raise BriefError(file, f"{len(value):,} characters, over the limit of {limit}", field=name)
    if name == "url" and not re.match(r"https?://[^\s<>\"']+\Z", value):
        raise BriefError(file, "must be an http:// or https:// address", field="url")
    return value


def _validate_date(value: Any, file: str) -> str:
    """A publication date as ISO text: a day (``YYYY-MM-DD``), or a month (``YYYY-MM``) or a
    year (``YYYY``, also unquoted) when the editor knows no more (:mod:`builder.model.period`)."""
    text: str | None = None
    if isinstance(value, dt.datetime):
        text = value.date().isoformat()
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        text = str(value)  # published: 2025 is a YAML integer
    elif isinstance(value, str):
        text = value.strip()
    period = period_of(text)
    if period is None:
        raise BriefError(
            file,
            f"not a real date in YYYY-MM-DD, YYYY-MM or YYYY form: {_shown(value)}",
            field="published",
        )
    if not FIRST_YEAR <= period.year <= LAST_YEAR:
        raise BriefError(
            file,
            f"year {period.year} is outside {FIRST_YEAR}-{LAST_YEAR}: {_shown(value)}",
            field="published",
        )
    return period.value


FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Publication years the reader accepts; anything else is a typo (0224, 20245)."""


def split_front_matter(
    text: str, file: str, problems: list[Problem] | None = None
) -> tuple[dict[str, Any], str]:
    """Split leading ``---`` YAML front matter from the article text: its fields that load,
    and the text without the block (also when the block is not YAML; see
    :func:`_load_block` for what is reported)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    return _load_block(match.group(1), file, 2, problems), text[match.end() :]


_MARKDOWN = MarkdownIt("commonmark")


def markdown_to_text(source: str) -> str:
    """Plain text of a Markdown article: one line per block, link text kept, markup dropped."""
    lines: list[str] = []
    for token in _MARKDOWN.parse(source):
        if token.type == "inline" and token.children is not None:
            parts = []
            for child in token.children:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
                elif child.type == "image":
                    parts.append(child.content)
            lines.append("".join(parts))
        elif token.type in ("fence", "code_block", "html_block"):
            lines.append(token.content.rstrip("\n"))
    return "\n".join(lines)


MAX_SOURCE_BYTES = 64 * 1024 * 1024
"""Larger files are refused without being read: no article is that long."""
MAX_ARTICLE_CHARS = 200_000
"""Article text beyond this many characters (about 80 printed pages) is cut off, with a
note on the page: extraction, pages and PDFs stay bounded in time and memory."""


def _read_bytes(path: Path, file: str) -> bytes:
    if path.is_symlink() and path.parent.resolve() not in path.resolve().parents:
        # A link in briefs/ must not publish a file from elsewhere on the machine.
        raise BriefError(
            file, "symbolic link to a file outside the briefs folder; skipped", field="path"
        )
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise BriefError(
                file,
                f"file is {size / 2**20:.0f} MiB, over the {MAX_SOURCE_BYTES // 2**20} MiB "
                "limit for one article; skipped",
                field="size",
            )
        return path.read_bytes()
    except OSError as error:
        raise BriefError(file, f"cannot read: {error.strerror}") from error


def _truncated(text: str) -> str:
    """The first :data:`MAX_ARTICLE_CHARS` characters, cut at a line break (else a space)
    in the last fifth when there is one, so no word or paragraph is cut in half."""
    head = text[:MAX_ARTICLE_CHARS]
    floor = MAX_ARTICLE_CHARS * 4 // 5
    for boundary in ("\n", " "):
        cut = head.rfind(boundary, floor)
        if cut > 0:
            return head[:cut]
    return head


def read_source(path: Path, *, display: str | None = None) -> SourceDocument:
    """Read one source file (and its sidecar) into a :class:`SourceDocument`: decoded,
    line breaks unified, invisible and look-alike characters normalized (see
    ``builder.read.characters``), cut to :data:`MAX_ARTICLE_CHARS`. Raises :class:`BriefError`
    for a file that is not a usable article, naming the file and the field; metadata that
    cannot be used is left out, with a warning in the document's ``problems``."""
    file = display or str(path)
    raw = _read_bytes(path, file)
    if not raw.strip():
        raise BriefError(file, "empty file; skipped", field="text")
    text, encoding = decode(raw, file)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Problem] = []
    front, body = split_front_matter(text, file, problems)
    metadata = validate_metadata(front, file, problems=problems)
    origin: MetadataOrigin = "front matter" if metadata != Metadata() else "none"
    sidecar = sidecar_for(path)
    if sidecar is not None:
        chosen = _sidecar_metadata(sidecar, str(Path(file).with_suffix(sidecar.suffix)), problems)
        if chosen:
            metadata, origin = dataclasses.replace(metadata, **chosen), "sidecar"
    body, changes = normalize_characters(body)
    if path.suffix.lower() == ".md":
        # Normalized before the parse too: markdown-it would make a NUL U+FFFD, out of
        # reach of the note. The second pass catches what the Markdown spells (&#x200b;).
        body, more = normalize_characters(markdown_to_text(body))
        changes = _merged(changes, more)
    if not body.strip():
        raise BriefError(file, "no article text, only metadata; skipped", field="text")
    if not has_arabic(body):
        raise BriefError(
            file,
            f"no Arabic text in the article ({len(body.strip()):,} characters); "
            "briefs are made from Arabic articles; skipped",
            field="text",
        )
    full_length = len(body)
    if full_length > MAX_ARTICLE_CHARS:
        body = _truncated(body)
    return SourceDocument(
        file=file,
        slug=slug_for(path),
        text=body,
        encoding=encoding,
        checksum="sha256:" + hashlib.sha256(raw).hexdigest(),
        metadata=metadata,
        metadata_origin=origin,
        normalized=changes,
        truncated_from=full_length if len(body) < full_length else None,
        problems=tuple(problems),
    )


def _merged(*changes: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    """Counts of changes by kind (:func:`normalize_characters`) added up, in its order."""
    total: Counter[str] = Counter()
    for found in changes:
        total.update(dict(found))
    return tuple((kind, total[kind]) for kind in KINDS if total[kind])


def _sidecar_metadata(sidecar: Path, file: str, problems: list[Problem]) -> dict[str, Any]:
    """The fields of a sidecar that are usable, as :class:`Metadata` holds them: these win
    over the front matter's. A sidecar that cannot be read or parsed, and each bad field,
    is reported in ``problems`` and left out."""
    try:
        text = sidecar.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        unreadable = BriefError(file, f"cannot read sidecar as UTF-8: {error}", field="encoding")
        _report(problems, unreadable, BLOCK_LEFT_OUT)
        return {}
    data = _load_block(text, file, 1, problems)
    reported = len(problems)
    metadata = validate_metadata(data, file, problems=problems)
    dropped = {problem.field for problem in problems[reported:]}
    return {
        name: getattr(metadata, name)
        for name in KNOWN_FIELDS
        if data.get(name) is not None and name not in dropped
    }
