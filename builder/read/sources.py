"""Stage 1, read: find the sources, decode them, split and validate editorial metadata.

Sources are never modified. Metadata comes from YAML front matter in the file or from a
sidecar ``<stem>.yaml`` next to it (the sidecar wins field by field). Every error names
the file and the field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from builder.arabic import has_arabic
from builder.errors import BriefError
from builder.model import Metadata, MetadataOrigin, SourceDocument
from builder.read.characters import normalize_characters
from builder.read.encoding import decode

SOURCE_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIXES = (".yaml", ".yml")

_STRING_FIELDS = ("title", "title_en", "url", "outlet", "author", "summary_en", "translation_en")
KNOWN_FIELDS = (*_STRING_FIELDS, "published", "tags")
_ONE_LINE = ("title", "title_en", "url", "outlet", "author")
"""Fields shown as one line: inner line breaks and runs of spaces become one space."""
_MAX_LENGTHS = {"title": 400, "title_en": 400, "url": 2000, "outlet": 200, "author": 200}
"""Longest accepted value per field: a headline is not a paragraph."""


class _MetadataLoader(yaml.SafeLoader):
    """Safe YAML (no object construction) that keeps dates as text, so an impossible
    date such as 2024-02-30 is reported by field instead of crashing the YAML parser.
    Aliases are refused outright (a "billion laughs" document is a few lines of aliases),
    and so is a field given twice (YAML would silently keep the last)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (*name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"field {key!r} given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_MetadataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?\n?", re.S | re.M)
_MAX_METADATA_BYTES = 64 * 1024


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


def _field_at(text: str, line: int) -> str:
    """The top-level field whose value holds 0-based ``line`` of a YAML mapping."""
    lines = text.split("\n")
    for candidate in reversed(lines[: line + 1]):
        key = _TOP_LEVEL_KEY.match(candidate)
        if key:
            return key.group(1)
    return "metadata"


_TOP_LEVEL_KEY = re.compile(r"([^\s#:'\"-][^:]*?)\s*:(?:\s|$)")


def _parse_yaml_mapping(text: str, file: str) -> dict[str, Any]:
    if len(text.encode("utf-8")) > _MAX_METADATA_BYTES:
        raise BriefError(file, "metadata block larger than 64 KiB", field="metadata")
    try:
        data = yaml.load(text, Loader=_MetadataLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = None if mark is None else mark.line + 1
        field = "metadata" if mark is None else _field_at(text, mark.line)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        if "could not determine a constructor" in problem:
            problem = "YAML tags that build objects (!!python/..., !tag) are not allowed"
        raise BriefError(file, f"malformed YAML: {problem}", field=field, line=line) from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BriefError(file, "metadata must be a mapping of field: value", field="metadata")
    return data


def validate_metadata(data: dict[str, Any], file: str) -> Metadata:
    """Check field names and types and return :class:`Metadata`; unknown keys are errors."""
    unknown = sorted(str(key) for key in data if key not in KNOWN_FIELDS)
    if unknown:
        raise BriefError(
            file,
            f"unknown field (known: {', '.join(KNOWN_FIELDS)})",
            field=_field_name(unknown[0]),
        )
    values: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if isinstance(value, str):
            value = normalize_characters(value)[0].strip()
            if name in _ONE_LINE:
                value = " ".join(value.split())
        if not isinstance(value, str) or not value:
            raise BriefError(file, "must be a non-empty string", field=name)
        limit = _MAX_LENGTHS.get(name)
        if limit is not None and len(value) > limit:
            raise BriefError(
                file, f"{len(value):,} characters, over the limit of {limit}", field=name
            )
        values[name] = value
    url = values.get("url")
    if url is not None and not re.match(r"https?://[^\s<>\"']+\Z", url):
        raise BriefError(file, "must be an http:// or https:// address", field="url")
    published = data.get("published")
    if published is not None:
        values["published"] = _validate_date(published, file)
    tags = data.get("tags")
    if tags is not None:
        if not isinstance(tags, list) or not all(isinstance(tag, str) and tag for tag in tags):
            raise BriefError(file, "must be a list of strings", field="tags")
        values["tags"] = tuple(tags)
    return Metadata(**values)


def _validate_date(value: Any, file: str) -> str:
    parsed: dt.date | None = None
    if isinstance(value, dt.datetime):
        parsed = value.date()
    elif isinstance(value, dt.date):
        parsed = value
    elif isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            parsed = dt.date.fromisoformat(value.strip())
        except ValueError:
            parsed = None
    if parsed is None:
        raise BriefError(
            file, f"not a real date in YYYY-MM-DD form: {_shown(value)}", field="published"
        )
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise BriefError(
            file,
            f"year {parsed.year} is outside {FIRST_YEAR}-{LAST_YEAR}: {_shown(value)}",
            field="published",
        )
    return parsed.isoformat()


def _field_name(name: str) -> str:
    """An unknown key as a message names it: as written when it reads as a name, else
    quoted and cut short (an empty key, a key with line breaks, a very long one)."""
    plain = name.strip() and name.isprintable() and len(name) <= 60
    return name if plain else _shown(name)


def _shown(value: Any) -> str:
    """A value for a message: its repr, cut short (a message must stay one readable line)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Publication years the reader accepts; anything else is a typo (0224, 20245)."""


def split_front_matter(text: str, file: str) -> tuple[dict[str, Any], str]:
    """Split leading ``---`` YAML front matter from the article text."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    return _parse_yaml_mapping(match.group(1), file), text[match.end() :]


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
    for a file that is not a usable article, naming the file and the field."""
    file = display or str(path)
    raw = _read_bytes(path, file)
    if not raw.strip():
        raise BriefError(file, "empty file; skipped", field="text")
    text, encoding = decode(raw, file)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, body = split_front_matter(text, file)
    origin: MetadataOrigin = "front matter" if front else "none"
    sidecar = sidecar_for(path)
    if sidecar is not None:
        side_name = str(Path(file).with_suffix(sidecar.suffix))
        try:
            side_text = sidecar.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise BriefError(
                side_name, f"cannot read sidecar as UTF-8: {error}", field="encoding"
            ) from error
        side = _parse_yaml_mapping(side_text, side_name)
        validate_metadata(side, side_name)
        front = {**front, **side}
        origin = "sidecar"
    metadata = validate_metadata(front, file)
    if path.suffix.lower() == ".md":
        body = markdown_to_text(body)
    body, changes = normalize_characters(body)
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
    )
