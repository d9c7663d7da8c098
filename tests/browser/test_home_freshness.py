"""The home page's "latest changes" says up to when it was checked, from the
same data as the policy timeline and its Atom feed (docs/<lang>/timeline.md,
read with scripts/kb/build/feed.py): the date is the timeline's last_reviewed, and the
list starts with the timeline's newest entry, so "nothing newer" is true."""

from __future__ import annotations

import re

import pytest
from kb.build import feed
from support.built_site import ROOT, front_matter

HOMES = {"zh": "index.html", "en": "en/index.html"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_says_when_the_latest_changes_were_checked(site_dir, lang):
    timeline_md = ROOT / "docs" / lang / "timeline.md"
    timeline = feed.parse_timeline(timeline_md)
    reviewed = front_matter(timeline_md)["last_reviewed"]
    html = (site_dir / HOMES[lang]).read_text("utf-8")
    section = html.split('id="latest-changes"', 1)[1].split("<h2", 1)[0]
    line = re.search(r'<p class="kb-freshness">(.*?)</p>', section, re.S)
    assert line, "no freshness line under the latest changes"
    assert f'<time datetime="{reviewed}">' in line.group(1)
    newest = max(timeline.entries, key=lambda entry: entry.date)
    first_link = re.search(r'<td><a href="[^"#]*#([^"]+)"', section)
    assert first_link and first_link.group(1) == newest.anchor, (
        "the home page's latest changes do not start with the timeline's newest entry"
    )
    assert "data-kb-timeline-checked" not in html  # the placeholder was filled in
