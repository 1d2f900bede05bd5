"""A YAML metadata block (front matter or sidecar) read safely, field by field.

Editors type metadata by hand, so it goes wrong: a quote left open, a field given twice, a
value pasted with a YAML tag. One bad field must not cost the article, so the block is
composed first (YAML's node tree, nothing built yet) and each field is then built on its
own: a field that cannot be used is reported and left out, the others load. Nothing unsafe
is ever built: tags that would build objects are never constructed, and an alias (``*name``)
is composed as a marker instead of the node it names, so a "billion laughs" block is a few
small nodes, and the fields that use it are left out unread.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from builder.errors import BriefError

MAX_METADATA_BYTES = 64 * 1024
"""Largest metadata block read: editorial metadata is a few lines."""

_ALIAS = "tag:briefing,2024:alias"
"""The tag of the node an alias is composed as."""


class _MetadataLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text (an impossible date such as 2024-02-30 is reported
    by field instead of stopping the parser) and composes aliases as inert markers."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            return yaml.ScalarNode(_ALIAS, "", event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


_MetadataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_SAFE_TAGS = frozenset(tag for tag in _MetadataLoader.yaml_constructors if tag is not None) | {
    "tag:yaml.org,2002:merge",
    "tag:yaml.org,2002:value",
}
"""The tags safe YAML builds plain values of (strings, numbers, lists ...); any other tag
(``!!python/...``, ``!custom``) would build an object, and its field is never built."""

_TOP_LEVEL_KEY = re.compile(r"([^\s#:'\"-][^:]*?)\s*:(?:\s|$)")


def shown(value: Any) -> str:
    """A value for a message: its repr, cut short (a message must stay one readable line)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def field_name(name: str) -> str:
    """A key as a message names it: as written when it reads as a name, else quoted and cut
    short (an empty key, a key with line breaks, a very long one)."""
    plain = name.strip() and name.isprintable() and len(name) <= 60
    return name if plain else shown(name)


def _field_at(text: str, line: int) -> str:
    """The top-level field whose value holds 0-based ``line`` of a YAML mapping."""
    lines = text.split("\n")
    for candidate in reversed(lines[: line + 1]):
        key = _TOP_LEVEL_KEY.match(candidate)
        if key:
            return key.group(1)
    return "metadata"


def _malformed(error: yaml.YAMLError, text: str, file: str, first_line: int) -> BriefError:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return BriefError(file, f"malformed YAML: {problem}", field="metadata", line=first_line)
    field = _field_at(text, mark.line)
    return BriefError(file, f"malformed YAML: {problem}", field=field, line=first_line + mark.line)


def _nodes(*roots: yaml.Node) -> Iterator[yaml.Node]:
    """Every node below ``roots``, roots included (a composed block is a tree: its aliases
    are markers, not links)."""
    stack = list(roots)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def _unsafe(*roots: yaml.Node) -> str | None:
    """Why a field must not be built (an alias, a tag that builds objects), if it must not."""
    tags = {node.tag for node in _nodes(*roots)}
    if _ALIAS in tags:
        return "anchors and aliases (*name) are not allowed"
    if not tags <= _SAFE_TAGS:
        return "YAML tags that build objects (!!python/..., !tag) are not allowed"
    return None


def _key(node: yaml.Node, text: str) -> str:
    """A field's name as written: a plain key's text, else the key's YAML source."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return text[node.start_mark.index : node.end_mark.index]


def _build(loader: _MetadataLoader, node: yaml.Node) -> Any:
    """The value of one field's node, the loader left ready for the next field."""
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.constructed_objects = {}
        loader.recursive_objects = {}
        loader.deep_construct = False


def load_mapping(
    text: str, file: str, first_line: int = 1
) -> tuple[dict[str, Any], list[BriefError]]:
    """The fields of a YAML block that load safely, by name as written, and one error for
    each field left out (given twice, holding an alias or a tag that builds objects, a value
    YAML cannot build). Raises :class:`BriefError` when the block as a whole cannot be read:
    not YAML, over :data:`MAX_METADATA_BYTES`, nested too deeply, not a mapping. Lines in
    messages count from ``first_line``, the file's line the block starts on."""
    if len(text.encode("utf-8")) > MAX_METADATA_BYTES:
        raise BriefError(
            file, "metadata block larger than 64 KiB", field="metadata", line=first_line
        )
    try:
        loader = _MetadataLoader(text)  # reads the text: refuses non-printable characters
        root = loader.get_single_node()
    except yaml.YAMLError as error:
        raise _malformed(error, text, file, first_line) from error
    except RecursionError:
        raise BriefError(
            file, "malformed YAML: nested too deeply", field="metadata", line=first_line
        ) from None
    if root is None:
        return {}, []
    if root.tag not in _SAFE_TAGS:
        unsafe = _unsafe(root) or "tags are not allowed"
        raise BriefError(file, unsafe, field="metadata", line=first_line + root.start_mark.line)
    if not isinstance(root, yaml.MappingNode) or root.tag != "tag:yaml.org,2002:map":
        raise BriefError(
            file,
            "metadata must be a mapping of field: value",
            field="metadata",
            line=first_line + root.start_mark.line,
        )
    pairs = [(_key(key, text), key, value) for key, value in root.value]
    lines: dict[str, list[int]] = {}
    for name, key, _ in pairs:
        lines.setdefault(name, []).append(first_line + key.start_mark.line)
    fields: dict[str, Any] = {}
    errors: list[BriefError] = []
    twice: set[str] = set()
    for name, key, value in pairs:
        problem = None
        if len(lines[name]) > 1:
            if name in twice:
                continue
            twice.add(name)
            times = "twice" if len(lines[name]) == 2 else f"{len(lines[name])} times"
            where = ", ".join(dict.fromkeys(map(str, lines[name])))
            problem = f"field given {times} (line{'s' if ',' in where else ''} {where})"
        else:
            problem = _unsafe(key, value)
        if problem is None:
            try:
                fields[name] = _build(loader, value)
            except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
                reason = getattr(error, "problem", None) or str(error) or type(error).__name__
                problem = f"YAML cannot read the value ({reason.splitlines()[0][:80]})"
        if problem is not None:
            line = first_line + key.start_mark.line
            errors.append(BriefError(file, problem, field=field_name(name), line=line))
    return fields, errors
