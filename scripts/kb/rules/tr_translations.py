"""Translations: docs/en mirrors docs/zh page for page and heading for heading,
so section links and the language switch land on the same place."""

from __future__ import annotations

import datetime as dt
import re

from ..findings import Severity, family, rule

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


family(
    "TR",
    "translations",
    title={"en": "Translations (TR)", "zh": "翻译（TR）"},
    doc={
        "en": """\
The English site mirrors the Chinese one: the same pages, the same headings and the same heading IDs, so that the language switch and links to a section land on the same place.
""",
        "zh": """\
英文站是中文站的完整镜像：同样的页面、同样的标题结构、同样的标题 ID，这样切换语言和指向某一节的链接都能落到同一位置。
""",
    },
)


@rule(
    "TR001",
    "translation-missing",
    Severity.ERROR,
    "A page exists in one language only.",
    "Create the page at the same path in the other language (docs/zh <-> docs/en), with the same "
    "headings and IDs, and add it to both navs; `make new` creates a pair.",
    title={"en": "Page missing in the other language", "zh": "缺少另一种语言的页面"},
    doc={
        "en": """\
A page exists only in Chinese or only in English.

```text
docs/zh/sign-in/reset-password.md   exists
docs/en/sign-in/reset-password.md   missing
```

Fix: create the page at the same path in the other language, with the same headings and IDs, and add it to both navs. `make new` creates a pair at once.
""",
        "zh": """\
页面只有中文版或只有英文版。

```text
docs/zh/sign-in/reset-password.md   存在
docs/en/sign-in/reset-password.md   不存在
```

改法：在另一种语言的同一路径下创建页面，标题和 ID 与原页面一致，并加入两个导航。`make new` 可以一次创建一对页面。
""",
    },
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
    title={"en": "Headings differ between languages", "zh": "中英文标题结构不同"},
    doc={
        "en": """\
The two pages of a pair have the same number of headings, with the same levels and IDs. The report names the first difference with the line in each file.

```markdown
docs/zh/…: ## 原因 { #causes }
docs/en/…: ## Why it happens { #why }
```

Fix: use the same headings in the same order, levels and IDs in both pages; translate only the heading text.
""",
        "zh": """\
一对页面的标题数量、层级和 ID 必须完全相同。报告给出第一个不同之处，以及两边各自的行号。

```markdown
docs/zh/…: ## 原因 { #causes }
docs/en/…: ## Why it happens { #why }
```

改法：两边使用相同的标题顺序、层级和 ID，只翻译标题文字。
""",
    },
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
    title={"en": "Title not translated", "zh": "标题没有翻译"},
    doc={
        "en": """\
The English `title` contains Chinese characters or full-width punctuation, or equals the Chinese title; or the Chinese `title` has no Chinese characters.

```yaml
# docs/en/sign-in/reset-password.md
title: 重置密码
```

Fix: give the English page an English title (`title: Reset your password`) and the Chinese page a Chinese one.
""",
        "zh": """\
英文页面的 `title` 含有中文字符或全角标点，或与中文标题完全相同；或者中文页面的 `title` 没有中文。

```yaml
# docs/en/sign-in/reset-password.md
title: 重置密码
```

改法：英文页面写英文标题（`title: Reset your password`），中文页面写中文标题。
""",
    },
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
    title={"en": "Review dates far apart", "zh": "中英文核实日期相差太远"},
    doc={
        "en": """\
The `last_reviewed` dates of a pair are more than 30 days apart: one language was updated and the other was not. The warning is on the older page.

Failing example: `docs/zh/sign-in/index.md` has `last_reviewed: 2026-11-28` and `docs/en/sign-in/index.md` has `last_reviewed: 2026-09-01`.

Fix: bring the older page up to date with the newer one (facts, steps, sources), then set its `last_reviewed` to today's date.
""",
        "zh": """\
一对页面的 `last_reviewed` 相差超过 30 天，说明一种语言更新了而另一种没有跟上。报告标在较旧的页面上。

错误示例：`docs/zh/sign-in/index.md` 写的是 `last_reviewed: 2026-11-28`，`docs/en/sign-in/index.md` 写的是 `last_reviewed: 2026-09-01`。

改法：对照较新的页面更新较旧的页面（事实、步骤、来源），再把它的 `last_reviewed` 改成当天日期。
""",
    },
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
