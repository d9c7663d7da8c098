"""The one site model (scripts/kb/site/): the config reader, the front-matter
reader and the page address functions, each tested once here, and a scan that
no other module reads configs or front matter by itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kb import ROOT
from kb.site.config import ConfigError, read_chain, read_config, read_file
from kb.site.frontmatter import read_front_matter, split_front_matter
from kb.site.pages import (
    language_of_url,
    page_url,
    source_candidates,
    strip_language,
    twin_url,
    url_path,
)

# --- pages: source path <-> address <-> language <-> twin ----------------------


@pytest.mark.parametrize(
    ("source", "url"),
    [
        ("index.md", ""),
        ("sign-in/index.md", "sign-in/"),
        ("sign-in/reset-password.md", "sign-in/reset-password/"),
        ("sign-in/reset-password.md#steps", "sign-in/reset-password/#steps"),
        ("glossary.md", "glossary/"),
    ],
)
def test_url_path(source, url):
    assert url_path(source) == url


@pytest.mark.parametrize(
    ("lang", "source", "url"),
    [("zh", "index.md", ""), ("en", "index.md", "en/"), ("en", "a/b.md", "en/a/b/")],
)
def test_page_url(lang, source, url):
    assert page_url(lang, source) == url


@pytest.mark.parametrize(
    ("url", "lang", "inside"),
    [
        ("/", "zh", ""),
        ("/sign-in/", "zh", "sign-in/"),
        ("/en/", "en", ""),
        ("/en", "en", ""),
        ("/en/sign-in/", "en", "sign-in/"),
        ("en/sign-in/", "en", "sign-in/"),
        ("/english-page/", "zh", "english-page/"),  # a slug that starts with "en"
    ],
)
def test_language_and_address_inside_it(url, lang, inside):
    assert language_of_url(url) == lang
    assert strip_language(url) == inside


@pytest.mark.parametrize(
    ("url", "other"),
    [("/", "/en/"), ("/en/", "/"), ("/a/b/#steps", "/en/a/b/#steps"), ("/en/a/", "/a/")],
)
def test_twin_url(url, other):
    assert twin_url(url) == other
    assert twin_url(other) == url


@pytest.mark.parametrize(
    ("address", "candidates"),
    [
        ("", ["index.md"]),
        ("a/b/", ["a/b.md", "a/b/index.md"]),
        ("a/b.html", ["a/b.md", "a/b/index.md"]),
        ("a/index.html", ["a.md", "a/index.md"]),
        ("a/b/#x", ["a/b.md", "a/b/index.md"]),
    ],
)
def test_source_candidates(address, candidates):
    assert source_candidates(address) == candidates


def test_every_page_round_trips(tmp_path):
    """Each real page's address leads back to its source, in both languages."""
    for lang in ("zh", "en"):
        docs = ROOT / "docs" / lang
        for source in docs.rglob("*.md"):
            rel = source.relative_to(docs).as_posix()
            url = "/" + page_url(lang, rel)
            assert language_of_url(url) == lang
            assert rel in source_candidates(strip_language(url))


# --- config: one parse per file, INHERIT once ----------------------------------


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")


def test_inherit_merges_mappings_and_replaces_lists(tmp_path):
    write(
        tmp_path,
        {
            "base.yml": "a: {x: 1, y: 2}\nnav: [one.md]\ntag: !ENV [HOME, x]\n",
            "child.yml": "INHERIT: base.yml\na: {y: 3}\nnav: [two.md]\n",
        },
    )
    assert read_config(tmp_path / "child.yml") == {
        "a": {"x": 1, "y": 3},
        "nav": ["two.md"],
        "tag": ["HOME", "x"],  # application tags are read as plain values
    }
    assert [c.path.name for c in read_chain(tmp_path / "child.yml")] == ["child.yml", "base.yml"]


def test_config_keeps_key_lines_and_dates_as_text(tmp_path):
    write(tmp_path, {"m.yml": "site_name: t\nplugins:\n  redirects:\n    x: 1\nday: 2026-01-01\n"})
    config = read_file(tmp_path / "m.yml")
    assert config.node_at("plugins", "redirects").start_mark.line + 1 == 4
    assert config.node_at("missing") is None
    assert config.data["day"] == "2026-01-01"


@pytest.mark.parametrize(
    ("files", "line", "message"),
    [
        ({"m.yml": "a: [1,\n"}, 2, "invalid YAML"),
        ({"m.yml": "- a\n"}, 1, "must be a YAML mapping"),
        ({"m.yml": "INHERIT: m.yml\n"}, 1, "INHERIT points back"),
        ({"m.yml": "INHERIT: gone.yml\n"}, 0, "gone.yml not found"),
    ],
)
def test_config_errors_are_one_line(tmp_path, files, line, message):
    write(tmp_path, files)
    with pytest.raises(ConfigError) as error:
        read_config(tmp_path / "m.yml")
    assert error.value.line == line and message in error.value.message
    assert "\n" not in str(error.value)


# --- front matter ----------------------------------------------------------------


def test_split_keeps_body_line_numbers():
    source, body_start, body = split_front_matter("---\ntitle: T\n---\n# T\n")
    assert source == "title: T" and body_start == 4
    assert body.split("\n")[body_start - 1] == "# T"


@pytest.mark.parametrize(
    "text", ["# no front matter\n", "---\ntitle: T\n# never closed\n", "---\n[bad\n---\n", ""]
)
def test_read_front_matter_never_raises(text):
    assert read_front_matter(text) == {}


def test_read_front_matter_keeps_dates_as_text():
    assert read_front_matter("---\nlast_reviewed: 2026-11-28\n---\n") == {
        "last_reviewed": "2026-11-28"
    }


# --- one reader each ---------------------------------------------------------------

SITE_MODEL = ROOT / "scripts" / "kb" / "site"
# Ways of reading a config or front matter by hand. Writing fixture files is fine;
# parsing them outside kb/site/ is what must not come back.
OWN_READERS = {
    "front matter split by hand": re.compile(
        r"""startswith\(["']---|split\(["']\\?n?---|front_matter_plugin|\.partition\(["']---"""
    ),
    # The call may span a few lines (a generator reading the file inside it).
    "a config parsed by hand": re.compile(
        r"yaml\.\w*(load|compose)\w*\((?:(?!\n\s*\n).){0,200}?mkdocs[\w.]*\.ya?ml"
        r"|\.(pop|get)\([\"']INHERIT",
        re.DOTALL,
    ),
    "an address built by hand": re.compile(
        r"""removesuffix\(["']index|== ["']index["']|\.startswith\(["']/?en/["']\)"""
    ),
}


def test_only_the_site_model_reads_configs_front_matter_and_addresses():
    offenders = []
    for path in sorted([*ROOT.glob("scripts/**/*.py"), *ROOT.glob("tests/**/*.py")]):
        if SITE_MODEL in path.parents or path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8")
        for what, pattern in OWN_READERS.items():
            for match in pattern.finditer(text):
                number = text.count("\n", 0, match.start()) + 1
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {what}")
    assert not offenders, "\n".join(offenders)


def test_the_scan_finds_a_planted_reader():
    planted = 'meta = yaml.safe_load(text.split("---", 2)[1])'
    assert OWN_READERS["front matter split by hand"].search(planted)
    assert OWN_READERS["a config parsed by hand"].search('yaml.safe_load(open("mkdocs.yml"))')
    # Spread over lines, with calls inside: the way test_strict_build.py once read it.
    spread = 'yaml.safe_load(\n    "\\n".join(\n        line for line in (ROOT / "mkdocs.yml")'
    assert OWN_READERS["a config parsed by hand"].search(spread)
    assert OWN_READERS["an address built by hand"].search('rel.removesuffix("index")')
