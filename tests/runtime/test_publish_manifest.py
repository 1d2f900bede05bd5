"""The manifest of a published site (``builder.runtime.publish``): what decides that the next
build may keep a page."""

from __future__ import annotations

from pathlib import Path

from builder.runtime.publish import (
    MANIFEST,
    Manifest,
    PageEntry,
    forget_manifest,
    keep_files,
    load_manifest,
    site_key,
    write_manifest,
)


def _manifest(key: str = "k") -> Manifest:
    entry = PageEntry(
        source="briefs/a.md",
        markdown="0f",
        links=(("people/x.md", "people/x/"), ("people/gone.md", None)),
        alternates=(("ar", "briefs/a/"), ("en", "en/briefs/a/")),
    )
    return Manifest(key, {"ar": "n1", "en": "n2"}, {"briefs/a/index.html": entry})


def test_a_manifest_reads_back_as_written_and_the_same_manifest_gives_the_same_bytes(
    tmp_path: Path,
) -> None:
    write_manifest(tmp_path, _manifest())
    first = (tmp_path / MANIFEST).read_bytes()
    assert load_manifest(tmp_path) == _manifest()
    write_manifest(tmp_path, load_manifest(tmp_path) or _manifest("other"))
    assert (tmp_path / MANIFEST).read_bytes() == first
    forget_manifest(tmp_path)
    assert load_manifest(tmp_path) is None
    forget_manifest(tmp_path)  # nothing to forget: no error


def test_an_unreadable_or_other_format_manifest_is_none(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text("{not json", encoding="utf-8")
    assert load_manifest(tmp_path) is None
    (tmp_path / MANIFEST).write_text('{"format": 0}', encoding="utf-8")
    assert load_manifest(tmp_path) is None


def test_the_key_changes_with_mkdocs_yml_the_overrides_and_the_settings(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: a\n", encoding="utf-8")
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "partials" / "footer.html").write_text("<footer>", encoding="utf-8")
    settings = {"site_url": "https://example.org/"}
    key = site_key(config, overrides, settings)
    assert site_key(config, overrides, settings) == key
    assert site_key(config, overrides, {"site_url": "https://example.net/"}) != key
    (overrides / "partials" / "footer.html").write_text("<footer> ", encoding="utf-8")
    assert site_key(config, overrides, settings) != key
    key = site_key(config, overrides, settings)
    config.write_text("site_name: b\n", encoding="utf-8")
    assert site_key(config, overrides, settings) != key


def test_kept_files_are_the_last_sites_bytes(tmp_path: Path) -> None:
    old, new = tmp_path / "site", tmp_path / "staging"
    (old / "en" / "briefs" / "a").mkdir(parents=True)
    (old / "en" / "briefs" / "a" / "index.html").write_bytes(b"<html>a</html>")
    keep_files(old, new, ["en/briefs/a/index.html"])
    assert (new / "en" / "briefs" / "a" / "index.html").read_bytes() == b"<html>a</html>"
