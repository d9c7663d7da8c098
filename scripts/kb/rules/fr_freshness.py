"""Freshness: facts about policy go stale; `last_reviewed` says when a person
last checked a page against its sources."""

from __future__ import annotations

import datetime as dt
import os

from ..findings import Severity, family, rule, rule_doc

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
