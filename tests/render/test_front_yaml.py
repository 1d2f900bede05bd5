"""The front-matter writer: what YAML reads back is exactly what was written."""

from __future__ import annotations

import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.render import front_yaml

LOADERS = [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(),
)
data = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=25,
)


@pytest.mark.parametrize("loader", LOADERS, ids=["python", "libyaml"])
@settings(max_examples=150, deadline=None)
@given(value=st.dictionaries(st.text(max_size=8), data, max_size=5))
def test_arbitrary_data_reads_back_the_same(loader, value):
    assert yaml.load(front_yaml.dump(value), Loader=loader) == value


@pytest.mark.parametrize(
    "text",
    [
        "line\nbreak",
        "tab\there",
        "next line\x85",  # a YAML line break
        "separators\u2028\u2029",
        "bom\ufeffinside",
        "delete\x7f and C1 \x9b",
        "astral 😀 𝔸",
        '"quoted" and \\ back',
        "---",
        "# not a comment",
        "key: value",
        "- not a list",
        "  leading and trailing  ",
        "",
        "yes",
        "null",
        "~",
        "0x1F",
        "2025-03-11",
        "1e-05",
        "«سيرغي ريابكوف»",
    ],
)
@pytest.mark.parametrize("loader", LOADERS, ids=["python", "libyaml"])
def test_awkward_strings_read_back_as_strings(text, loader):
    value = {"value": text, "list": [text], text or "empty": 1}
    assert yaml.load(front_yaml.dump(value), Loader=loader) == value


@pytest.mark.parametrize("key", ["yes", "No", "ON", "off", "true", "null", "a b", "é", "1", ""])
def test_keys_yaml_would_read_as_something_else_are_quoted(key):
    dumped = front_yaml.dump({key: 1})
    assert dumped.startswith('"')
    assert yaml.safe_load(dumped) == {key: 1}


@pytest.mark.parametrize(
    ("number", "shown"),
    [(1e-05, "1.0e-05"), (1e16, "1.0e+16"), (0.5, "0.5"), (-2.0, "-2.0"), (float("inf"), ".inf")],
)
def test_floats_keep_a_decimal_point_so_yaml_reads_floats(number, shown):
    dumped = front_yaml.dump({"n": number})
    assert dumped == f"n: {shown}\n"
    assert yaml.safe_load(dumped)["n"] == number


@pytest.mark.parametrize("loader", LOADERS, ids=["python", "libyaml"])
def test_a_lone_surrogate_becomes_the_replacement_character(loader):
    dumped = front_yaml.dump({"v": "a\ud800b"})
    dumped.encode("utf-8")
    assert yaml.load(dumped, Loader=loader) == {"v": "a\ufffdb"}


def test_nan_reads_back_as_nan():
    assert math.isnan(yaml.safe_load(front_yaml.dump({"n": float("nan")}))["n"])


def test_layout_is_block_style_one_scalar_per_line():
    dumped = front_yaml.dump(
        {"brief": {"people": [{"id": "a", "forms": ["x", "y"]}, {}], "none": [], "map": {}}}
    )
    assert dumped == (
        "brief:\n"
        "  people:\n"
        '  - id: "a"\n'
        "    forms:\n"
        '    - "x"\n'
        '    - "y"\n'
        "  - {}\n"
        "  none: []\n"
        "  map: {}\n"
    )


@pytest.mark.parametrize("value", [(1, 2), {1: "a"}, b"bytes", object()])
def test_values_front_matter_cannot_hold_are_refused(value):
    with pytest.raises(TypeError):
        front_yaml.dump({"v": value} if not isinstance(value, dict) else value)
