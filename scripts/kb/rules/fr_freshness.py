"""Freshness: facts about policy go stale; `last_reviewed` says when a person
last checked a page against its sources."""

from __future__ import annotations

import datetime as dt
import os
import re

from ..findings import Severity, family, rule, rule_doc
from ..site.claims import markdown_units
from .ct_citations import POLICY_KINDS

WARN_AFTER_DAYS = 180
ERROR_AFTER_DAYS = 365


def today() -> dt.date:
    """The checks' notion of today; KB_TODAY=YYYY-MM-DD pins it for tests."""
    pinned = os.environ.get("KB_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def review_age(page) -> int | None:
    value = page.meta.get("last_reviewed")
    try:
        return (today() - dt.date.fromisoformat(str(value))).days
    except ValueError:
        return None  # a missing or malformed date is the front-matter schema's finding


family(
    "FR",
    "freshness",
    title={"en": "Freshness (FR)", "zh": "时效（FR）"},
    doc={
        "en": """\
Policies change. `last_reviewed` records when a person last checked the page's facts against its sources.
""",
        "zh": """\
政策会变。`last_reviewed` 记录最近一次有人对照来源核实本页事实的日期。
""",
    },
)


@rule(
    "FR001",
    "review-due",
    Severity.WARNING,
    f"`last_reviewed` is more than {WARN_AFTER_DAYS} days old.",
    "Check the page's facts against its sources, update what changed, then set "
    "`last_reviewed` to today's date.",
    title={"en": "Not reviewed for 180 days", "zh": "超过 180 天未核实"},
    doc={
        "en": """\
`last_reviewed` is more than 180 days ago.

```yaml
last_reviewed: 2026-03-01
```

Fix: check the page against its sources, update what changed, then set `last_reviewed` to today's date.
""",
        "zh": """\
`last_reviewed` 早于 180 天前。

```yaml
last_reviewed: 2026-03-01
```

改法：对照来源核实本页内容，更新有变化的地方，再把 `last_reviewed` 改成当天日期。
""",
    },
)
def review_due(docs, self):
    for page in docs.pages:
        age = review_age(page)
        if age is not None and WARN_AFTER_DAYS < age <= ERROR_AFTER_DAYS:
            yield self.at(
                page.display,
                page.meta_line("last_reviewed"),
                1,
                f"last reviewed {age} days ago (more than {WARN_AFTER_DAYS})",
            )


@rule(
    "FR002",
    "review-overdue",
    Severity.ERROR,
    f"`last_reviewed` is more than {ERROR_AFTER_DAYS} days old.",
    "Check the page's facts against its sources, update what changed, then set "
    "`last_reviewed` to today's date.",
    title={"en": "Not reviewed for 365 days", "zh": "超过 365 天未核实"},
    doc={
        "en": """\
`last_reviewed` is more than 365 days ago; this is an error and the page must be checked again.

```yaml
last_reviewed: 2025-06-01
```

Fix: as for FR001.
""",
        "zh": """\
`last_reviewed` 早于 365 天前，这是错误，必须重新核实。

```yaml
last_reviewed: 2025-06-01
```

改法：同 FR001。
""",
    },
)
def review_overdue(docs, self):
    for page in docs.pages:
        age = review_age(page)
        if age is not None and age > ERROR_AFTER_DAYS:
            yield self.at(
                page.display,
                page.meta_line("last_reviewed"),
                1,
                f"last reviewed {age} days ago (more than {ERROR_AFTER_DAYS})",
            )


@rule(
    "FR003",
    "review-date-in-future",
    Severity.ERROR,
    "`last_reviewed` is a date after today.",
    "Set `last_reviewed` to the date you actually checked the page (today at the latest).",
    title={"en": "Review date in the future", "zh": "核实日期晚于今天"},
    doc=rule_doc(
        "A future date tells readers the facts were checked when they were not, and keeps "
        "the page out of the review reminders (FR001, FR002) for longer.",
        "last_reviewed: 2099-01-01",
        "last_reviewed: 2026-11-28",
        "未来的日期会让读者以为事实已经核实过，也会让页面更久地躲过复查提醒（FR001、FR002）。",
        "last_reviewed: 2099-01-01",
        "last_reviewed: 2026-11-28",
    ),
)
def review_date_in_future(docs, self):
    for page in docs.pages:
        age = review_age(page)
        if age is not None and age < 0:
            yield self.at(
                page.display,
                page.meta_line("last_reviewed"),
                1,
                f"{-age} days after today ({today().isoformat()})",
            )


# A change told by "recently" or "now" alone (Amazon recently changed …,
# 亚马逊现在要求 …): true on the day it was written, wrong for every reader
# after. A sentence that also holds a year is dated and passes.
CHANGE_VERBS_EN = (
    r"(?:changed|changes|updated|updates|requires?|required|announced|introduced|launched|"
    r"began|begun|started|starts|rolled\s+out|mandatory|asks|asked|removed|added|stopped|"
    r"no\s+longer|applies|enforces?|enforced)"
)
UNDATED_CHANGE = {
    "en": re.compile(
        rf"\b(?:recently|lately|nowadays|these\s+days|currently|at\s+present|as\s+of\s+today|"
        rf"(?:last|this|next)\s+(?:week|month|year)|a\s+few\s+(?:days|weeks|months)\s+ago)\b"
        rf"(?:\W+\w+){{0,3}}?\W+{CHANGE_VERBS_EN}\b"
        rf"|\b(?:now|just)\s+{CHANGE_VERBS_EN}\b|\b(?:has|have)\s+(?:recently|just)\s+\w+ed\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(
        r"(?:最近|近期|近日|日前|前不久|不久前|前段时间|目前|现在|如今|今年|去年|明年|"
        r"上个月|上月|本月|这个月|下个月|上周|本周|下周)"
        r"(?:已经|已|开始|正在|也)?[^，。；\n]{0,6}?"
        r"(?:修改|更改|改了|更新|调整|推出|宣布|上线|开始|要求|规定|强制|取消|改为|改成|生效|实施|不再|"
        r"起必须|起要|起需)"
    ),
}
YEAR = re.compile(r"(?:19|20)\d\d")


@rule(
    "FR004",
    "undated-change",
    Severity.ERROR,
    "A sentence tells of a change by 'recently' or 'now' (最近, 现在) and gives no date.",
    "Write the date the change took effect, as the source gives it, with the citation: "
    "`自 2023 年 6 月 27 日起[@id]` / `since 27 June 2023 [@id]`; if the source gives none, "
    "write when the source said so (`据 2026 年 11 月访问的帮助页`).",
    title={"en": "Change without a date", "zh": "变化没有写日期"},
    doc=rule_doc(
        "'Recently' and 'now' are true on the day they are written and wrong for every reader "
        "after; a seller cannot tell whether the change is last week's or three years old. "
        "So are times counted from the day of writing: last month, a few weeks ago. "
        "Articles (kinds overview, troubleshooting, guide and tool) give the date instead. "
        "A sentence that holds a year passes.",
        "Amazon recently changed the verification steps [@sc-us-inform].",
        "Since 27 June 2023, Amazon asks high-volume sellers to verify [@sc-us-inform].",
        "“最近”“现在”只在写下的那天成立，之后的每位读者都会被误导：卖家分不清这是上周的变化还是三年前的。"
        "“上个月”“今年起”这类从写作当天算起的时间也一样。"
        "文章页（kind 为 overview、troubleshooting、guide、tool）要写出日期。句子里有年份就通过。",
        "亚马逊最近修改了验证步骤[@sc-us-inform]。",
        "自 2023 年 6 月 27 日起，亚马逊要求高销量卖家完成验证[@sc-us-inform]。",
    ),
)
def undated_change(docs, self):
    for page in docs.pages:
        kind = page.meta.get("kind")
        if not isinstance(kind, str) or kind not in POLICY_KINDS or page.lang not in UNDATED_CHANGE:
            continue
        pattern = UNDATED_CHANGE[page.lang]
        for unit in markdown_units(page.tokens):
            match = pattern.search(unit.text)
            if match and not YEAR.search(unit.text):
                yield self.at(
                    page.display,
                    unit.line,
                    1,
                    f"“{match.group(0)}” tells of a change without a date",
                )
