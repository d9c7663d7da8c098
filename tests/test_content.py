"""The real articles in docs/zh and docs/en, as a whole.

These checks read the repository's own pages (not fixtures): enough articles
in each language, the same slugs and the same heading IDs in both languages,
sources and a review date on every article, and clean Chinese typography.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import autocorrect_py
import pytest
from kb.rules.fm_front_matter import VALIDATORS
from kb.rules.ty_typography import prose_only
from kb.site.model import load_docs, split_front_matter

ROOT = Path(__file__).resolve().parents[1]
MIN_ARTICLES = 30

DOCS = load_docs(ROOT)
PAGES = {(page.lang, page.rel): page for page in DOCS.pages}
SLUGS = {
    lang: sorted(rel for page_lang, rel in PAGES if page_lang == lang) for lang in ("zh", "en")
}
PAIRS = sorted(set(SLUGS["zh"]) & set(SLUGS["en"]))


def test_pages_parse() -> None:
    broken = [
        f"{page.display}: {page.decode_error or page.front_matter_error}"
        for page in DOCS.pages
        if page.decode_error or page.front_matter_error or page.front_matter_unterminated
    ]
    assert not broken


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_enough_articles(lang: str) -> None:
    assert len(SLUGS[lang]) >= MIN_ARTICLES, f"docs/{lang} has only {len(SLUGS[lang])} articles"


def test_same_slugs_in_both_languages() -> None:
    only_zh = sorted(set(SLUGS["zh"]) - set(SLUGS["en"]))
    only_en = sorted(set(SLUGS["en"]) - set(SLUGS["zh"]))
    assert not only_zh and not only_en, f"only in zh: {only_zh}; only in en: {only_en}"


@pytest.mark.parametrize("rel", PAIRS)
def test_same_heading_ids_in_both_languages(rel: str) -> None:
    zh = [(h.level, h.id) for h in PAGES["zh", rel].headings]
    en = [(h.level, h.id) for h in PAGES["en", rel].headings]
    assert all(heading_id for _, heading_id in zh + en), f"{rel}: a heading has no {{ #id }}"
    assert zh == en, f"{rel}: heading (level, id) sequences differ\nzh: {zh}\nen: {en}"


@pytest.mark.parametrize("key", sorted(PAGES), ids=lambda key: f"{key[0]}/{key[1]}")
def test_sources_and_review_date(key: tuple[str, str]) -> None:
    page = PAGES[key]
    reviewed = page.meta.get("last_reviewed")
    try:
        datetime.date.fromisoformat(str(reviewed))
    except ValueError:
        pytest.fail(f"{page.display}:{page.meta_line('last_reviewed')}: no last_reviewed date")
    # Which pages need sources is the front-matter schema's to say (the home
    # page and the generated rule pages state no facts of their own): asked
    # here, not restated.
    validator = VALIDATORS.get(page.lang, VALIDATORS["zh"])
    missing = [
        error.message
        for error in validator.iter_errors(page.front_matter)
        if "sources" in error.absolute_path or "'sources'" in error.message
    ]
    assert not missing, f"{page.display}:{page.meta_line('sources')}: {missing}"


@pytest.mark.parametrize("rel", SLUGS["zh"])
def test_chinese_typography(rel: str) -> None:
    page = PAGES["zh", rel]
    # The body keeps its line numbers (front matter lines become blank); the
    # same prose TY001 checks (citation markers are markup, not prose).
    _, _, body = split_front_matter(prose_only(page) if page.text else "")
    findings = autocorrect_py.lint_for(body, page.path.name).lines
    assert not findings, "\n".join(
        f"{page.display}:{line.line}: {line.old!r} -> {line.new!r}" for line in findings
    )
