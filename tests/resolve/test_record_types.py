"""The brief record's types (``builder.model.record``) say what its JSON schema says, and the
type checker holds code to them."""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path

import pytest
from conftest import ROOT

from builder.model import BriefRecord, Encoding, Normalized
from builder.read.characters import KINDS
from builder.read.encoding import ENCODING_NAMES
from builder.resolve.record import SCHEMA_PATH

_SCALARS = {"string": str, "integer": int, "number": float, "boolean": bool, "null": type(None)}


def _options(schema: dict[str, typing.Any]) -> list[dict[str, typing.Any]]:
    """The alternatives a property allows, one schema each."""
    if "oneOf" in schema:
        return list(schema["oneOf"])
    if "enum" in schema:
        return [{"enum": schema["enum"]}]
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return [{**schema, "type": kind} for kind in kinds]


def _check_value(hint: object, schema: dict[str, typing.Any], where: str) -> None:
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    hints = list(typing.get_args(hint)) if union else [hint]
    options = _options(schema)
    assert len(hints) == len(options), f"{where}: {hint} for {schema}"
    for option in options:
        if "enum" in option:
            [literal] = [h for h in hints if typing.get_origin(h) is typing.Literal]
            assert set(typing.get_args(literal)) == set(option["enum"]), where
        elif option["type"] == "object":
            [record] = [h for h in hints if typing.is_typeddict(h)]
            _check_typeddict(record, option, where)
        elif option["type"] == "array":
            [array] = [h for h in hints if typing.get_origin(h) is list]
            _check_value(typing.get_args(array)[0], option["items"], f"{where}[]")
        else:
            assert _SCALARS[option["type"]] in hints, f"{where}: {hint} for {option}"


def _check_typeddict(record: typing.Any, schema: dict[str, typing.Any], where: str) -> None:
    hints = typing.get_type_hints(record)
    assert set(hints) == set(schema["properties"]), where
    assert record.__required_keys__ == set(schema.get("required", ())), where
    for name, value in schema["properties"].items():
        _check_value(hints[name], value, f"{where}.{name}")


def test_the_record_types_mirror_the_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    _check_typeddict(BriefRecord, schema, "brief")


def test_the_reader_gives_only_the_encodings_and_changes_the_record_types_allow() -> None:
    # brief_record casts the reader's encoding id and its kinds of change to these types.
    assert set(ENCODING_NAMES) == set(typing.get_args(Encoding))
    assert set(KINDS) == set(typing.get_type_hints(Normalized))


_SNIPPET = """
from builder.model import BriefRecord


def title(record: BriefRecord) -> str:
    return record["{key}"]["ar"]
"""


def _mypy(source: str, folder: Path) -> tuple[str, int]:
    api = pytest.importorskip("mypy.api")
    path = folder / "snippet.py"
    path.write_text(source, encoding="utf-8")
    arguments = ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(folder)]
    stdout, _, status = api.run([*arguments, str(path)])
    return stdout, status


@pytest.mark.slow
def test_the_type_checker_finds_a_misspelt_record_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The builder package of this checkout, not whichever one is installed.
    monkeypatch.setenv("MYPYPATH", str(ROOT))
    report, status = _mypy(_SNIPPET.format(key="tittle"), tmp_path)
    assert status == 1
    assert 'TypedDict "BriefRecord" has no key "tittle"' in report
    report, status = _mypy(_SNIPPET.format(key="title"), tmp_path)
    assert status == 0, report
