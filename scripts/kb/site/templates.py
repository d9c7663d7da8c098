"""The page templates: the sections each kind of page starts with.

One set, shared by the scaffold (`make new` writes them) and the structure
rules (ST015 checks a troubleshooting page has them, in this order), so the
two cannot drift apart.
"""

from __future__ import annotations

from typing import NamedTuple


class Section(NamedTuple):
    zh: str  # the H2 heading text in Chinese
    en: str  # ... and in English
    id: str  # the explicit heading ID, the same in both languages
    hint_zh: str  # placeholder text the scaffold writes under the heading
    hint_en: str


# Troubleshooting pages are task first: the numbered steps come right after
# the opening paragraph, so a reader on a phone sees what to do on the first
# screen; symptoms and causes follow for those who need them.
TEMPLATES = {
    "troubleshooting": [
        Section(
            "解决步骤",
            "Steps",
            "steps",
            "1. （一步只做一件事，并说明成功时会看到什么。）",
            "1. (One action per step; say what the reader sees when it worked.)",
        ),
        Section(
            "症状",
            "Symptoms",
            "symptoms",
            "（读者看到了什么：提示文字、页面、邮件。）",
            "(What the reader sees: the message, the page, the email.)",
        ),
        Section(
            "原因",
            "Causes",
            "causes",
            "（可能的原因，最常见的在前。）",
            "(The likely causes, most common first.)",
        ),
        Section(
            "仍未解决？",
            "Still stuck?",
            "still-stuck",
            "（下一步去哪里：相关文章或联系销售伙伴支持。）",
            "(Where to go next: a related article, or Selling Partner Support.)",
        ),
    ],
    "guide": [
        Section(
            "操作步骤",
            "Steps",
            "steps",
            "1. （一步只做一件事，并说明成功时会看到什么。）",
            "1. (One action per step; say what the reader sees when it worked.)",
        ),
        Section(
            "注意事项",
            "Good to know",
            "good-to-know",
            "（限制、例外和常见误区。）",
            "(Limits, exceptions and common mistakes.)",
        ),
    ],
    "reference": [
        Section(
            "概述",
            "Overview",
            "overview",
            "（本页列出的内容和它的来源。）",
            "(What this page lists, and where it comes from.)",
        ),
    ],
}


def section_ids(kind: str) -> tuple[str, ...]:
    """The template's section IDs of a kind of page, in order."""
    return tuple(section.id for section in TEMPLATES.get(kind, []))


def section_labels(lang: str, kind: str) -> dict[str, str]:
    """Section ID -> heading text in a language ("zh" or "en")."""
    return {section.id: getattr(section, lang) for section in TEMPLATES.get(kind, [])}
