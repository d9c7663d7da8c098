"""Translations: docs/en mirrors docs/zh page for page and heading for heading,
so section links and the language switch land on the same place."""

from __future__ import annotations

import datetime as dt
import re

from ..findings import Severity, rule

# Chinese characters, kana and full-width forms (Chinese punctuation such as ：？).
NOT_ENGLISH = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MAX_REVIEW_GAP_DAYS = 30
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}


def _other(lang: str) -> str:
    return "en" if lang == "zh" else "zh"


def _pairs(docs):
    """(zh page, en page) for every slug present in both languages."""
    for zh in docs.by_lang("zh"):
        en = docs.page("en", zh.rel)
        if en is not None:
            yield zh, en


def _heading_source(heading) -> str:
    suffix = f" {{ #{heading.id} }}" if heading.id else ""
    return f"{'#' * heading.level} {heading.text}{suffix}"


@rule(
    "TR001",
    "translation-missing",
    Severity.ERROR,
    "A page exists in one language only.",
    "Create the page at the same path in the other language (docs/zh <-> docs/en), with the same "
    "headings and IDs, and add it to both navs; `make new` creates a pair.",
)
def translation_missing(docs, self):
    for page in docs.pages:
        other = _other(page.lang)
        if docs.page(other, page.rel) is None:
            yield self.at(
                page.display,
                1,
                1,
                f"no {LANGUAGE_NAMES[other]} version: docs/{other}/{page.rel} does not exist",
            )


@rule(
    "TR002",
    "headings-differ",
    Severity.ERROR,
    "The Chinese and English page do not have the same headings (count, levels and IDs).",
    "Give both pages the same headings in the same order, with the same levels and the same "
    "`{ #id }`; only the heading text is translated.",
)
def headings_differ(docs, self):
    for zh, en in _pairs(docs):
        if zh.text is None or en.text is None:
            continue
        for index in range(max(len(zh.headings), len(en.headings))):
            zh_heading = zh.headings[index] if index < len(zh.headings) else None
            en_heading = en.headings[index] if index < len(en.headings) else None
            if (
                zh_heading
                and en_heading
                and (zh_heading.level, zh_heading.id) == (en_heading.level, en_heading.id)
            ):
                continue
            zh_side = (
                f"{zh.display}:{zh_heading.line} `{_heading_source(zh_heading)}`"
                if zh_heading
                else f"{zh.display} has no heading {index + 1}"
            )
            en_side = (
                f"{en.display}:{en_heading.line} `{_heading_source(en_heading)}`"
                if en_heading
                else f"{en.display} has no heading {index + 1}"
            )
            where, line = (en, en_heading.line) if en_heading else (zh, zh_heading.line)
            yield self.at(
                where.display,
                line,
                1,
                f"heading {index + 1} differs ({len(zh.headings)} headings in Chinese, "
                f"{len(en.headings)} in English): {zh_side} vs {en_side}",
            )
            break


@rule(
    "TR003",
    "title-not-translated",
    Severity.ERROR,
    "A title is not translated: the English title has Chinese characters or equals the Chinese "
    "one, or the Chinese title has no Chinese characters.",
    "Write the Chinese title in Chinese and the English title in English.",
)
def title_not_translated(docs, self):
    for zh, en in _pairs(docs):
        zh_title, en_title = zh.title, en.title
        if zh_title is None or en_title is None:
            continue  # a missing title is a front matter finding
        if NOT_ENGLISH.search(en_title):
            yield self.at(
                en.display,
                en.meta_line("title"),
                1,
                f"the English title `{en_title}` contains Chinese characters or punctuation",
            )
        elif en_title.strip() == zh_title.strip():
            yield self.at(
                en.display,
                en.meta_line("title"),
                1,
                f"the English title is the same as the Chinese one (`{zh_title}`)",
            )
        if not HAN.search(zh_title):
            yield self.at(
                zh.display,
                zh.meta_line("title"),
                1,
                f"the Chinese title `{zh_title}` has no Chinese characters",
            )


def _reviewed(page) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(page.meta.get("last_reviewed")))
    except ValueError:
        return None  # reported by the front matter rules


@rule(
    "TR004",
    "review-dates-apart",
    Severity.WARNING,
    f"The two languages of a page were reviewed more than {MAX_REVIEW_GAP_DAYS} days apart.",
    "Bring the older page up to date with the newer one (facts, steps, sources), then set its "
    "`last_reviewed` to today's date.",
)
def review_dates_apart(docs, self):
    for zh, en in _pairs(docs):
        zh_date, en_date = _reviewed(zh), _reviewed(en)
        if zh_date is None or en_date is None:
            continue
        gap = abs((zh_date - en_date).days)
        if gap <= MAX_REVIEW_GAP_DAYS:
            continue
        older, newer = (zh, en) if zh_date < en_date else (en, zh)
        yield self.at(
            older.display,
            older.meta_line("last_reviewed"),
            1,
            f"reviewed {min(zh_date, en_date)}, {gap} days before the "
            f"{LANGUAGE_NAMES[newer.lang]} page ({max(zh_date, en_date)})",
        )
