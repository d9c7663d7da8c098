"""Freshness: facts about policy go stale; `last_reviewed` says when a person
last checked a page against its sources."""

from __future__ import annotations

import datetime as dt
import os

from ..findings import Severity, rule, rule_doc

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


@rule(
    "FR001",
    "review-due",
    Severity.WARNING,
    f"`last_reviewed` is more than {WARN_AFTER_DAYS} days old.",
    "Check the page's facts against its sources, update what changed, then set "
    "`last_reviewed` to today's date.",
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
