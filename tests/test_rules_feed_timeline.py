"""FEED rules (kb/rules/feed_timeline.py): `make check` reports the timeline's
errors before the build, with the same parser, path, line and message as the
feed step of `make build` (kb/build/feed.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kb.build import feed
from kb.findings import RULES

FEED_CODES = sorted(code for code in RULES if code.startswith("FEED"))
ZH_CONFIG = "site_name: 测试\nsite_url: https://example.org/\ndocs_dir: docs/zh\nsite_dir: site\n"
EN_CONFIG = (
    "INHERIT: mkdocs.yml\nsite_name: Test\nsite_url: https://example.org/en/\n"
    "docs_dir: docs/en\nsite_dir: site/en\n"
)
TIMELINE = """\
---
title: Timeline
---

# Timeline { #timeline }

## 2025 { #y2025 }

### 2025-01-17 Penalty cap raised { #e2025-01-17-penalty }

The cap was raised.

Details: [Deadlines](index.md)

### 2025-01-01 Another change { #e2025-01-01-another }

Something else changed.

Details: [Home](index.md)
"""


@pytest.fixture
def timeline_tree(make_tree, page):
    """A tree whose Chinese timeline is `zh_timeline` (the English one is valid)."""

    def build(zh_timeline: str = TIMELINE, zh_config: str = ZH_CONFIG) -> Path:
        return make_tree(
            {
                "mkdocs.yml": zh_config,
                "mkdocs.en.yml": EN_CONFIG,
                "zh/index.md": page("首页", kind="home"),
                "en/index.md": page("Home", kind="home"),
                "zh/timeline.md": zh_timeline,
                "en/timeline.md": TIMELINE,
            }
        )

    return build


def test_every_feed_code_the_build_can_raise_is_registered():
    source = Path(feed.__file__).read_text(encoding="utf-8")
    assert set(re.findall(r'"(FEED\d{3})"', source)) == set(FEED_CODES)


def test_valid_timeline_passes(timeline_tree, check):
    assert check(timeline_tree(), *FEED_CODES) == []


@pytest.mark.parametrize(
    ("old", "new", "code", "line"),
    [
        ("title: Timeline\n", "description: x\n", "FEED004", 1),
        ("## 2025 { #y2025 }", "## Year 2025 { #2025 }", "FEED011", 7),
        ("### 2025-01-17", "### 2025-02-30", "FEED013", 9),
        (
            "2025-01-01 Another change { #e2025-01-01",
            "2024-12-31 Another { #e2024-12-31",
            "FEED014",
            15,
        ),
        ("{ #e2025-01-17-penalty }", "{ #penalty_2025 }", "FEED015", 9),
        ("The cap was raised.\n\n", "", "FEED018", 9),
        (
            "2025-01-01 Another change { #e2025-01-01",
            "2025-02-01 Another { #e2025-02-01",
            "FEED019",
            15,
        ),
    ],
)
def test_broken_timeline_is_reported_as_the_build_reports_it(
    timeline_tree, check, old, new, code, line
):
    assert old in TIMELINE
    root = timeline_tree(TIMELINE.replace(old, new))
    findings = check(root, *FEED_CODES)
    assert [(f.path, f.line, f.code) for f in findings] == [("docs/zh/timeline.md", line, code)]
    with pytest.raises(feed.FeedError) as error:  # the build step, on the same file
        feed.parse_timeline(root / "docs" / "zh" / "timeline.md")
    assert (error.value.line, error.value.code) == (line, code)
    assert error.value.message == findings[0].message


def test_config_without_site_dir_is_feed003(timeline_tree, check):
    root = timeline_tree(zh_config=ZH_CONFIG.replace("site_dir: site\n", ""))
    assert [(f.path, f.code) for f in check(root, *FEED_CODES)] == [("mkdocs.yml", "FEED003")]


def test_tree_without_timeline_has_no_feed_findings(make_tree, page, check):
    root = make_tree({"zh/index.md": page("首页", kind="home"), "en/index.md": page("Home")})
    assert check(root, *FEED_CODES) == []


def test_build_only_code_is_never_reported_by_check(tmp_path, check, timeline_tree):
    assert check(timeline_tree(), "FEED021") == []
