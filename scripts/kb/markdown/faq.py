"""FAQPage structured data: a section with the ID `faq` whose H3 headings are
questions becomes a schema.org FAQPage `<script type="application/ld+json">`
at the end of the page's content; each answer is the text from its question
up to the next H2 or H3.

    markdown_extensions:
      kb.markdown.faq: {}

    ## Common questions { #faq }
    ### Does one threshold count?
    No. ...

Written as an extension rather than in the page template because finding the
answers means cutting the rendered HTML into pieces, which template engines
without Python methods (Zensical's MiniJinja) cannot do; an extension runs in
every Python-Markdown builder alike.
"""

from __future__ import annotations

import json
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markupsafe import Markup

SECTION_ID = "faq"
NEXT_HEADING = re.compile(r"<h[23]")


def text(html: str) -> str:
    """Tags removed, entities decoded, whitespace collapsed (Jinja's striptags)."""
    return Markup(html).striptags()


def to_json(data: dict) -> str:
    """JSON safe inside <script>, escaped as Jinja's `tojson` escapes it (<>&').
    Chinese stays as it is: as \\uXXXX escapes it would take six bytes a
    character of every FAQ page's first view."""
    dumped = json.dumps(data, sort_keys=True, ensure_ascii=False)
    # U+2028/U+2029 end a line in older JavaScript parsers; JSON allows them.
    dumped = dumped.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    for char in "<>&'":
        dumped = dumped.replace(char, f"\\u{ord(char):04x}")
    return dumped


def faq_section(toc_tokens: list[dict]) -> dict | None:
    """The heading with the ID `faq`, at the top level or one below it."""
    for top in toc_tokens:
        for token in [top, *top.get("children", [])]:
            if token.get("id") == SECTION_ID:
                return token
    return None


def questions(html: str, section: dict) -> list[dict]:
    found = []
    for question in section.get("children", []):
        start = html.find(f'id="{question["id"]}"')
        start = html.find("</h", start) if start >= 0 else -1
        if start < 0:
            continue
        end = NEXT_HEADING.search(html, start)
        answer = text(html[start : end.start() if end else len(html)])
        found.append(
            {
                "@type": "Question",
                "name": text(question["name"]),
                "acceptedAnswer": {"@type": "Answer", "text": answer.strip()},
            }
        )
    return found


class FaqPostprocessor(Postprocessor):
    def run(self, html: str) -> str:
        section = faq_section(getattr(self.md, "toc_tokens", []))
        found = questions(html, section) if section else []
        if not found:
            return html
        data = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": found}
        return f'{html}\n<script type="application/ld+json">{to_json(data)}</script>'


class FaqExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # Last: after raw HTML (30) and footnotes (25) are put back, so the
        # answers are the text the reader sees.
        md.postprocessors.register(FaqPostprocessor(md), "kb-faq", 0)


def makeExtension(**kwargs) -> FaqExtension:
    return FaqExtension(**kwargs)
