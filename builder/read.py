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

from .errors import BriefError
from .model import Metadata, SourceDocument

SOURCE_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIXES = (".yaml", ".yml")

_STRING_FIELDS = ("title", "title_en", "url", "outlet", "author", "summary_en", "translation_en")
KNOWN_FIELDS = (*_STRING_FIELDS, "published", "tags")


class _MetadataLoader(yaml.SafeLoader):
    """Safe YAML (no object construction) that keeps dates as text, so an impossible
    date such as 2024-02-30 is reported by field instead of crashing the YAML parser."""


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


def slug_for(path: Path) -> str:
    """A URL-safe slug from a file name: Unicode letters kept, everything else folded to '-'."""
    stem = unicodedata.normalize("NFKC", path.stem).lower()
    slug = re.sub(r"[^\w]+", "-", stem).strip("-_")
    return slug or "brief"


def decode(raw: bytes, file: str) -> tuple[str, str]:
    """Decode source bytes, returning ``(text, encoding)``; BOMs decide, then UTF-8, then cp1256."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise BriefError(file, f"not valid UTF-16 despite its BOM ({error.reason})") from error
    if b"\x00" in raw:
        raise BriefError(file, "binary file (contains NUL bytes), not an article")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # windows-1256 covers Arabic text saved by older Windows tools and many Arabic sites.
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError as error:
        raise BriefError(file, "cannot decode as UTF-8, UTF-16 or windows-1256") from error
    return text, "windows-1256"


def _parse_yaml_mapping(text: str, file: str) -> dict[str, Any]:
    if len(text.encode("utf-8")) > _MAX_METADATA_BYTES:
        raise BriefError(file, "metadata block larger than 64 KiB", field="metadata")
    try:
        data = yaml.load(text, Loader=_MetadataLoader)
    except yaml.YAMLError as error:
        line = None
        mark = getattr(error, "problem_mark", None)
        if mark is not None:
            line = mark.line + 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise BriefError(file, f"malformed YAML: {problem}", field="metadata", line=line) from error
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
            field=unknown[0],
        )
    values: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise BriefError(file, "must be a non-empty string", field=name)
        values[name] = value.strip()
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
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise BriefError(file, f"not a real date in YYYY-MM-DD form: {value!r}", field="published")


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


def read_source(path: Path, *, display: str | None = None) -> SourceDocument:
    """Read one source file (and its sidecar) into a :class:`SourceDocument`."""
    file = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BriefError(file, f"cannot read: {error.strerror}") from error
    text, encoding = decode(raw, file)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, body = split_front_matter(text, file)
    origin = "front matter" if front else "none"
    sidecar = sidecar_for(path)
    if sidecar is not None:
        side_name = str(Path(file).with_suffix(sidecar.suffix))
        try:
            side_text = sidecar.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise BriefError(side_name, f"cannot read sidecar: {error}") from error
        side = _parse_yaml_mapping(side_text, side_name)
        validate_metadata(side, side_name)
        front = {**front, **side}
        origin = "sidecar"
    metadata = validate_metadata(front, file)
    if path.suffix.lower() == ".md":
        body = markdown_to_text(body)
    return SourceDocument(
        file=file,
        slug=slug_for(path),
        text=body,
        encoding=encoding,
        checksum="sha256:" + hashlib.sha256(raw).hexdigest(),
        metadata=metadata,
        metadata_origin=origin,
    )
