"""Scaffold a Chinese and English article pair: `make new` or

    python -m kb new --section sign-in --slug my-page --kind troubleshooting \
        --title-zh "中文标题" --title-en "English title"

Writes docs/zh/<section>/<slug>.md and docs/en/<section>/<slug>.md with valid
front matter (today's date), the template of the kind with explicit heading
IDs, and adds the page to the nav of mkdocs.yml and mkdocs.en.yml. It never
overwrites an existing file; on bad input it prints one line and exits 2.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from . import ROOT
from .rules.fr_freshness import today
from .rules.rd_redirects import MANIFEST, record_published

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CJK = re.compile(r"[\u3400-\u9fff]")

# A real starting source per section, so the pair passes the checks at once;
# replace it with the sources of the facts you write.
SECTION_SOURCES = {
    "sign-in": (
        "Seller Central sign-in help (Amazon UK, help item 200123250)",
        "https://sellercentral.amazon.co.uk/gp/help/external/help.html?itemID=200123250&language=en_GB",
    ),
    "two-step-verification": (
        "About Two-Step Verification (Amazon Seller Central help item 202110760)",
        "https://sellercentral.amazon.com/gp/help/external/help.html?itemID=202110760&language=en-US",
    ),
    "inform-act": (
        "INFORM Consumers Act (Federal Trade Commission)",
        "https://www.ftc.gov/legal-library/browse/statutes/inform-consumers-act",
    ),
    "security": (
        "Phishing and spoofing emails (Amazon Seller Central help item 32261)",
        "https://sellercentral.amazon.com/gp/help/external/help.html?itemID=32261&language=en-US",
    ),
}

# Section headings of each kind: (zh, en, id). Troubleshooting pages follow
# the template that `make check` enforces (ST rules).
TEMPLATES = {
    "troubleshooting": [
        (
            "症状",
            "Symptoms",
            "symptoms",
            "（读者看到了什么：提示文字、页面、邮件。）",
            "(What the reader sees: the message, the page, the email.)",
        ),
        (
            "原因",
            "Causes",
            "causes",
            "（可能的原因，最常见的在前。）",
            "(The likely causes, most common first.)",
        ),
        (
            "解决步骤",
            "Steps",
            "steps",
            "1. （一步只做一件事，并说明成功时会看到什么。）",
            "1. (One action per step; say what the reader sees when it worked.)",
        ),
        (
            "仍未解决？",
            "Still stuck?",
            "still-stuck",
            "（下一步去哪里：相关文章或联系销售伙伴支持。）",
            "(Where to go next: a related article, or Selling Partner Support.)",
        ),
    ],
    "guide": [
        (
            "操作步骤",
            "Steps",
            "steps",
            "1. （一步只做一件事，并说明成功时会看到什么。）",
            "1. (One action per step; say what the reader sees when it worked.)",
        ),
        (
            "注意事项",
            "Good to know",
            "good-to-know",
            "（限制、例外和常见误区。）",
            "(Limits, exceptions and common mistakes.)",
        ),
    ],
    "reference": [
        (
            "概述",
            "Overview",
            "overview",
            "（本页列出的内容和它的来源。）",
            "(What this page lists, and where it comes from.)",
        ),
    ],
}


# What a new page says until its author rewrites it. `make check` reports any
# of these left in a page (kb/rules/pl_placeholders.py imports them from here).
INTRO = {
    "zh": "（一两句话：本页回答什么问题，读者先做什么。）",
    "en": "(One or two sentences: what this page answers, and what to do first.)",
}
REWRITE_MARK = {"zh": "（请改写）", "en": "(Rewrite this)"}


def placeholders() -> list[str]:
    """Every placeholder text of the templates, without list markers."""
    texts = [*INTRO.values(), *REWRITE_MARK.values()]
    for sections in TEMPLATES.values():
        for _zh, _en, _id, zh_body, en_body in sections:
            texts += [re.sub(r"^\d+\.\s+", "", body) for body in (zh_body, en_body)]
    return sorted(set(texts))


class UsageError(Exception):
    pass


def nav_sections(config: Path) -> dict[str, int]:
    """Section folder -> index of the last nav line of that section."""
    last: dict[str, int] = {}
    for index, line in enumerate(config.read_text(encoding="utf-8").split("\n")):
        match = re.match(r"\s+- ([a-z0-9-]+)/[a-z0-9-]+\.md\s*$", line)
        if match:
            last[match.group(1)] = index
    return last


def add_to_nav(config: Path, section: str, rel: str) -> str:
    lines = config.read_text(encoding="utf-8").split("\n")
    last = nav_sections(config).get(section)
    if last is None:
        raise UsageError(f"{config.name}: section '{section}' not found in nav")
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- {rel}")
    return "\n".join(lines)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), safe for `:` or `#`."""
    return json.dumps(text, ensure_ascii=False)


def page_text(
    lang: str,
    title: str,
    description: str,
    kind: str,
    keywords: list[str],
    source: tuple[str, str],
    page_id: str,
    today: str,
) -> str:
    zh = lang == "zh"
    sections = []
    for zh_heading, en_heading, heading_id, zh_body, en_body in TEMPLATES[kind]:
        heading = zh_heading if zh else en_heading
        sections.append(f"## {heading} {{ #{heading_id} }}\n\n{zh_body if zh else en_body}\n")
    intro = INTRO[lang]
    keyword_list = ", ".join(quoted(keyword) for keyword in keywords)
    return (
        "---\n"
        f"title: {quoted(title)}\n"
        f"description: {quoted(description)}\n"
        f"kind: {kind}\n"
        f"last_reviewed: {today}\n"
        f"keywords: [{keyword_list}]\n"
        "sources:\n"
        f"  - title: {quoted(source[0])}\n"
        f"    url: {source[1]}\n"
        f"    accessed: {today}\n"
        "---\n\n"
        f"# {title} {{ #{page_id} }}\n\n{intro}\n\n" + "\n".join(sections)
    )


def scaffold(
    root: Path, section: str, slug: str, kind: str, title_zh: str, title_en: str, today: str
) -> list[Path]:
    if not SLUG.match(slug):
        raise UsageError(
            f"slug '{slug}' must be lowercase ASCII words joined by hyphens, e.g. code-not-received"
        )
    if section not in SECTION_SOURCES:
        raise UsageError(
            f"section '{section}' unknown; choose one of: " + ", ".join(sorted(SECTION_SOURCES))
        )
    if kind not in TEMPLATES:
        raise UsageError(f"kind '{kind}' unknown; choose one of: " + ", ".join(sorted(TEMPLATES)))
    if not CJK.search(title_zh):
        raise UsageError("--title-zh must be a Chinese title")
    if CJK.search(title_en):
        raise UsageError("--title-en must be an English title")
    rel = f"{section}/{slug}.md"
    targets = {lang: root / "docs" / lang / rel for lang in ("zh", "en")}
    for path in targets.values():
        if path.exists():
            raise UsageError(
                f"{path.relative_to(root)} already exists; choose another slug "
                "(nothing was written)"
            )
    configs = {"zh": root / "mkdocs.yml", "en": root / "mkdocs.en.yml"}
    new_configs = {lang: add_to_nav(path, section, rel) for lang, path in configs.items()}

    texts = {
        "zh": page_text(
            "zh",
            title_zh,
            f"{REWRITE_MARK['zh']}一句话说明“{title_zh}”这篇文章解决什么问题。",
            kind,
            [title_zh],
            SECTION_SOURCES[section],
            slug,
            today,
        ),
        "en": page_text(
            "en",
            title_en,
            f"{REWRITE_MARK['en']} One sentence on the problem that '{title_en}' solves.",
            kind,
            [title_en.lower()],
            SECTION_SOURCES[section],
            slug,
            today,
        ),
    }
    for lang, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[lang], encoding="utf-8")
    for lang, path in configs.items():
        path.write_text(new_configs[lang], encoding="utf-8")
    # Listed as published, so a later rename must leave a redirect (RD001, RD004).
    record_published(root, [f"docs/{lang}/{rel}" for lang in targets])
    return [*targets.values(), *configs.values(), root / MANIFEST]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scaffold a Chinese and English article pair.")
    parser.add_argument("--section", help=", ".join(sorted(SECTION_SOURCES)))
    parser.add_argument("--slug", help="file name without .md, e.g. code-expired")
    parser.add_argument("--kind", help=", ".join(sorted(TEMPLATES)) + " (default troubleshooting)")
    parser.add_argument("--title-zh", help="Chinese title (asked for if omitted)")
    parser.add_argument("--title-en", help="English title (asked for if omitted)")
    parser.add_argument(
        "--from-environment",
        action="store_true",
        help="read SECTION, SLUG, KIND, TITLE_ZH and TITLE_EN from the environment (make new): "
        "values passed this way are never expanded by a shell",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.from_environment:
        for name in ("section", "slug", "kind", "title_zh", "title_en"):
            if getattr(args, name) is None:
                setattr(args, name, os.environ.get(name.upper()) or None)
    args.kind = args.kind or "troubleshooting"
    if not args.section or not args.slug:
        print(
            "error: give a section and a slug, e.g. make new SECTION=sign-in SLUG=my-page",
            file=sys.stderr,
        )
        return 2
    try:
        title_zh = args.title_zh or input("中文标题 (Chinese title): ").strip()
        title_en = args.title_en or input("English title: ").strip()
        written = scaffold(
            args.root,
            args.section,
            args.slug,
            args.kind,
            title_zh,
            title_en,
            today().isoformat(),  # KB_TODAY pins it, as for the checks
        )
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):
        print(
            "error: no title given (pass --title-zh and --title-en); nothing was written",
            file=sys.stderr,
        )
        return 2
    for path in written:
        print(f"wrote {path.relative_to(args.root)}")
    print("next: write both pages, replace the starting source, then run make check")
    return 0
