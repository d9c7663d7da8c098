"""The FAQPage extension (kb.markdown.faq): a `{ #faq }` section's H3 headings
become the questions of one JSON-LD FAQPage at the end of the content, each
answer the text up to the next H2 or H3; other pages get nothing."""

from __future__ import annotations

import json
import re

import markdown
from kb.markdown.faq import FaqExtension

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
EXTENSIONS = ["attr_list", "toc", "abbr", FaqExtension()]


def render(text: str) -> tuple[str, list[dict]]:
    html = markdown.markdown(text, extensions=EXTENSIONS)
    return html, [json.loads(data) for data in JSON_LD.findall(html)]


FAQ_PAGE = """\
# Self-check

Intro.

## Common questions { #faq }

### Does one *threshold* count?

No. Both must be met <b>together</b> & in the same 12 months.

- Not one alone.

### Is it saved?

No.

## Sources

Not an answer.
"""


def test_questions_and_answers_up_to_the_next_heading():
    html, data = render(FAQ_PAGE)
    assert [item["@type"] for item in data] == ["FAQPage"]
    questions = data[0]["mainEntity"]
    assert [q["name"] for q in questions] == ["Does one threshold count?", "Is it saved?"]
    assert [q["acceptedAnswer"]["text"] for q in questions] == [
        "No. Both must be met together & in the same 12 months. Not one alone.",
        "No.",
    ]
    assert html.rstrip().endswith("</script>")  # after the content, not inside a section


def test_json_is_safe_inside_a_script_element():
    html, _ = render("## FAQ { #faq }\n\n### Is `</script>` text?\n\nYes: <i>'</i>.\n")
    script = JSON_LD.search(html).group(1)
    assert "</" not in script and "'" not in script
    assert "\\u003c/script\\u003e" in script


def test_no_faq_section_no_data():
    html, data = render("# Page\n\n## Questions\n\n### Is this one?\n\nNo: no `faq` ID.\n")
    assert data == []
    assert "<script" not in html


def test_faq_section_without_questions_no_data():
    assert render("## FAQ { #faq }\n\nJust text.\n")[1] == []
