"""scripts/kb/build/feed.py: the Atom feed of the policy timeline, from tiny fixture trees."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from kb.build import feed
from support.commands import KB, kb_env

ROOT = Path(__file__).resolve().parents[1]
A = "{http://www.w3.org/2005/Atom}"

ZH_CONFIG = """\
site_name: 测试站
site_url: https://example.org/
site_author: 测试作者
docs_dir: docs/zh
site_dir: site
theme:
  name: material
  language: zh
markdown_extensions:
  pymdownx.emoji:
    emoji_generator: !!python/name:material.extensions.emoji.to_svg
"""

EN_CONFIG = """\
INHERIT: mkdocs.yml
site_name: Test site
site_url: https://example.org/en/
docs_dir: docs/en
site_dir: site/en
theme:
  language: en
"""

TIMELINE = """\
---
title: Policy timeline
description: Dated changes.
---

# Policy timeline { #timeline }

Intro paragraph, not an entry.

## 2024 { #y2024 }

### 2024-03-28 Sign-in tightened (reported) { #e2024-03-28-sign-in }

A *reported* change, with `code`
on two lines.

**Confidence:** Unconfirmed

Read more: [Two-Step Verification](two-step-verification/index.md)

## 2017 { #y2017 }

### 2017-11-01 US sellers must use 2SV { #e2017-11-01-us-2sv }

From 1 November 2017 every US seller account needed 2SV.

**Confidence:** Reported by trade press

Read more: [Code rejected](two-step-verification/code-rejected.md#steps)

### 2017-06-30 First German deadline { #e2017-06-30-de-2sv }

German sellers were first given until 30 June 2017.

**Confidence:** Reported by trade press

Read more: [External](https://example.com/report)
"""


def make_site(root: Path, zh_timeline: str = TIMELINE, en_timeline: str = TIMELINE) -> tuple:
    (root / "mkdocs.yml").write_text(ZH_CONFIG, encoding="utf-8")
    (root / "mkdocs.en.yml").write_text(EN_CONFIG, encoding="utf-8")
    for lang, text in (("zh", zh_timeline), ("en", en_timeline)):
        (root / "docs" / lang).mkdir(parents=True)
        (root / "docs" / lang / "timeline.md").write_text(text, encoding="utf-8")
    (root / "site" / "en").mkdir(parents=True)
    return root / "mkdocs.yml", root / "mkdocs.en.yml"


def read_feed(path: Path) -> ET.Element:
    return ET.fromstring(path.read_bytes())


def test_feed_entries_dates_and_links(tmp_path):
    configs = make_site(tmp_path)
    written = feed.write_all(tmp_path / "site", configs)
    assert written == [
        tmp_path / "site" / "timeline.xml",
        tmp_path / "site" / "en" / "timeline.xml",
    ]

    root = read_feed(tmp_path / "site" / "timeline.xml")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    assert root.findtext(f"{A}id") == "https://example.org/timeline.xml"
    assert root.findtext(f"{A}updated") == "2024-03-28T00:00:00Z"  # the newest entry
    assert root.findtext(f"{A}author/{A}name") == "测试作者"

    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{A}title") for e in entries] == [
        "Sign-in tightened (reported)",
        "US sellers must use 2SV",
        "First German deadline",
    ]
    assert [e.findtext(f"{A}updated") for e in entries] == [
        "2024-03-28T00:00:00Z",
        "2017-11-01T00:00:00Z",
        "2017-06-30T00:00:00Z",
    ]
    first = entries[0]
    page = "https://example.org/timeline/"
    assert first.findtext(f"{A}id") == page + "#e2024-03-28-sign-in"
    links = {link.get("rel"): link.get("href") for link in first.findall(f"{A}link")}
    assert links == {
        "alternate": page + "#e2024-03-28-sign-in",
        "related": "https://example.org/two-step-verification/",
    }
    # Inline Markdown is reduced to plain text; the line break becomes a space.
    assert first.findtext(f"{A}summary") == "A reported change, with code on two lines."
    related = [e.find(f"{A}link[@rel='related']").get("href") for e in entries[1:]]
    assert related == [
        "https://example.org/two-step-verification/code-rejected/#steps",
        "https://example.com/report",
    ]


def test_english_feed_uses_the_english_site_url(tmp_path):
    configs = make_site(tmp_path)
    feed.write_all(tmp_path / "site", configs)
    root = read_feed(tmp_path / "site" / "en" / "timeline.xml")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    ids = [e.findtext(f"{A}id") for e in root.findall(f"{A}entry")]
    assert ids[0] == "https://example.org/en/timeline/#e2024-03-28-sign-in"
    # site_author is inherited from mkdocs.yml through INHERIT.
    assert root.findtext(f"{A}author/{A}name") == "测试作者"


def test_page_url_joins_the_site_url_and_the_page_address():
    config = {"site_url": "https://example.org/en"}
    assert feed.page_url(config, "timeline.md#x") == "https://example.org/en/timeline/#x"


def broken(old: str, new: str) -> str:
    assert old in TIMELINE
    return TIMELINE.replace(old, new, 1)


def line_of(text: str, marker: str) -> int:
    """1-based number of the first line of text containing marker."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if marker in line)


@pytest.mark.parametrize(
    ("text", "marker", "code"),
    [
        (broken("### 2017-11-01 US", "### 2017-11-31 US"), "### 2017-11-31", "FEED013"),
        (broken("{ #e2017-11-01-us-2sv }", "{ #us-2sv }"), "### 2017-11-01", "FEED015"),
        (
            broken(
                "### 2017-06-30 First German deadline { #e2017-06-30-de-2sv }",
                "### 2017-11-01 Same day { #e2017-11-01-us-2sv }",
            ),
            "### 2017-11-01 Same day",
            "FEED016",
        ),
        (broken("### 2017-06-30 First", "### 2018-06-30 First"), "### 2018-06-30", "FEED014"),
        (
            broken(
                "### 2017-06-30 First German deadline { #e2017-06-30-de-2sv }",
                "### 2017-12-30 Later { #e2017-12-30-later }",
            ),
            "### 2017-12-30",
            "FEED019",
        ),
        (broken("## 2017 { #y2017 }", "## 2017 { #year-2017 }"), "## 2017", "FEED011"),
        (broken("## 2024 { #y2024 }\n", ""), "### 2024-03-28", "FEED010"),
        (
            broken("### 2024-03-28 Sign-in tightened (reported)", "### Sign-in"),
            "### Sign-in",
            "FEED012",
        ),
        (
            broken("A *reported* change, with `code`\non two lines.\n\n", "#### Detail\n\n"),
            "### 2024-03-28",
            "FEED017",
        ),
        (
            broken("Read more: [External](https://example.com/report)", "Read more: nowhere."),
            "### 2017-06-30",
            "FEED018",
        ),
    ],
)
def test_bad_timeline_is_reported_with_path_and_line(tmp_path, text, marker, code):
    configs = make_site(tmp_path, en_timeline=text)
    with pytest.raises(feed.FeedError) as error:
        feed.write_all(tmp_path / "site", configs)
    path, line, rest = str(error.value).split(":", 2)
    assert Path(path).as_posix().endswith("docs/en/timeline.md")
    assert int(line) == line_of(text, marker)
    assert rest.startswith(f" {code} ")


def test_command_line_reports_bad_input_without_traceback(tmp_path):
    zh, en = make_site(tmp_path, zh_timeline=broken("### 2017-11-01 US", "### 2017-11-31 US"))
    result = subprocess.run(
        [*KB, "postbuild", str(tmp_path / "site"), str(zh), str(en)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        env=kb_env(),
    )
    assert result.returncode == 1
    line = line_of(TIMELINE, "### 2017-11-01")
    assert result.stderr == f"docs/zh/timeline.md:{line}: FEED013 not a date: 2017-11-31\n"
    assert not (tmp_path / "site" / "timeline.xml").exists()


def postbuild(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*KB, "postbuild", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        env=kb_env(),
    )


def test_skipping_the_search_index_step_writes_the_feeds_only(tmp_path):
    zh, en = make_site(tmp_path)
    site = str(tmp_path / "site")
    result = postbuild(tmp_path, site, str(zh), str(en))
    assert result.returncode == 1  # no Material search index in this fixture site
    assert "SRCH001 search index missing" in result.stderr
    # The fixture site has no pages either, so the CSP step is skipped too.
    result = postbuild(tmp_path, site, str(zh), str(en), "--skip", "search-index", "--skip", "csp")
    assert (result.returncode, result.stderr) == (0, "")
    assert (tmp_path / "site" / "timeline.xml").is_file()
    assert (tmp_path / "site" / "en" / "timeline.xml").is_file()


def test_skipping_an_unknown_step_is_a_usage_error(tmp_path):
    make_site(tmp_path)
    result = postbuild(tmp_path, str(tmp_path / "site"), "--skip", "sitemap")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: python -m kb postbuild")


def test_invalid_config_yaml_is_reported(tmp_path):
    zh, en = make_site(tmp_path)
    zh.write_text("site_url: [unclosed\n", encoding="utf-8")
    with pytest.raises(feed.FeedError, match=r"mkdocs\.yml:\d+: FEED002 invalid YAML"):
        feed.write_all(tmp_path / "site", (zh, en))


def test_missing_site_dir_is_reported(tmp_path):
    configs = make_site(tmp_path)
    (tmp_path / "site" / "en").rmdir()
    with pytest.raises(feed.FeedError, match=r"FEED021 built site not found"):
        feed.write_all(tmp_path / "site", configs)


def test_repository_timelines_have_the_same_entries_in_both_languages():
    docs = ROOT / "docs"
    zh = feed.parse_timeline(docs / "zh" / "timeline.md")
    en = feed.parse_timeline(docs / "en" / "timeline.md")
    assert [(e.date, e.anchor, e.article) for e in zh.entries] == [
        (e.date, e.anchor, e.article) for e in en.entries
    ]


def test_citation_markers_stay_out_of_the_summary(tmp_path):
    cited = broken("A *reported* change, with `code`\non two lines.", "A change [@a-source; @b].")
    zh, en = make_site(tmp_path, zh_timeline=cited, en_timeline=cited)
    feed.write_all(tmp_path / "site", (zh, en))
    first = read_feed(tmp_path / "site" / "timeline.xml").find(f"{A}entry")
    assert first.findtext(f"{A}summary") == "A change."
