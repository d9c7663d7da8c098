"""Every registered rule code is documented, in both languages, as an H3 with the
lowercase code as its ID (the text report links to it), under its family's H2,
with the fix; and no documented code is unknown (retired codes are not reused)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kb.findings import RULES
from kb.site.model import load_page

ROOT = Path(__file__).resolve().parents[1]

PAGES = {lang: ROOT / "docs" / lang / "contributing" / "rules.md" for lang in ("zh", "en")}
FIX_WORD = {"zh": "改法", "en": "Fix"}
# Which H2 (by ID) holds each family's codes.
FAMILIES = {
    "FM": "front-matter",
    "ST": "structure",
    "TR": "translations",
    "FR": "freshness",
    "TY": "typography",
    "LK": "links",
    "LP": "link-policy",
    "IM": "images",
    "RD": "redirects",
    "HT": "active-html",
    "MD": "markdown-structure",
    "SC": "secrets",
    "PL": "placeholders",
    "DR": "drift",
    "IO": "input",
    "SZ": "size",
}
CODE = re.compile(r"[A-Z]{2}\d{3}")


def documented(lang: str) -> dict[str, dict]:
    """code -> {family H2 ID, heading text, section text} from the rules page."""
    page = load_page(ROOT, PAGES[lang], lang)
    sections = {}
    family = None
    for index, heading in enumerate(page.headings):
        if heading.level == 2:
            family = heading.id
        if heading.level != 3 or not heading.id or not CODE.fullmatch(heading.id.upper()):
            continue
        end = page.headings[index + 1].line - 1 if index + 1 < len(page.headings) else None
        sections[heading.id.upper()] = {
            "family": family,
            "text": heading.text,
            "body": "\n".join(page.lines[heading.line : end]),
        }
    return sections


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_unknown_code_is_documented(lang):
    assert sorted(set(documented(lang)) - set(RULES)) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("code", sorted(RULES))
def test_code_is_documented(lang, code):
    sections = documented(lang)
    assert code in sections, f"{code} has no `### {code} … {{ #{code.lower()} }}` in {lang}"
    section = sections[code]
    assert section["text"].startswith(f"{code} "), section["text"]
    assert section["family"] == FAMILIES[code[:2]]
    assert FIX_WORD[lang] in section["body"], f"{code} in {lang} does not say how to fix it"


def test_codes_are_in_order_and_families_known():
    for lang in ("zh", "en"):
        codes = list(documented(lang))
        for family in FAMILIES:
            in_family = [code for code in codes if code.startswith(family)]
            assert in_family == sorted(in_family)
    assert {code[:2] for code in RULES} <= set(FAMILIES)
