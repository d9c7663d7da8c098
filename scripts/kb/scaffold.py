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

import yaml

from . import ROOT
from .rules.fr_freshness import today
from .rules.rd_redirects import MANIFEST, record_published
from .site.config import ConfigError, read_file
from .site.pages import CONFIG_FILES
from .site.templates import TEMPLATES

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CJK = re.compile(r"[\u3400-\u9fff]")

# A real starting source per section (an id in data/sources.yml), listed and
# cited once so the pair passes the checks at once; replace it with the
# sources of the facts you write.
SECTION_SOURCES = {
    "sign-in": "sc-uk-sign-200123250",
    "two-step-verification": "sc-us-2sv-methods-202110760",
    "inform-act": "ftc-inform-consumers-act-federal",
    "security": "sc-eu-phishing-spoofed-emails-europe",
}


# What a new page says until its author rewrites it. `make check` reports any
# of these left in a page (kb/rules/pl_placeholders.py imports them from here).
INTRO = {
    "zh": "（一两句话：本页回答什么问题，读者先做什么。）",
    "en": "(One or two sentences: what this page answers, and what to do first.)",
}
# Follows the intro placeholder: how a claim cites its source.
CITE_EXAMPLE = {
    "zh": "每个日期、金额或天数都在陈述处、句号之前引用来源，像这样[@{source}]。"
    "来源定义在 data/sources.yml。",
    "en": " Cite the source of each date, amount or number of days where it is stated, "
    "before the full stop, like this [@{source}]. Sources are defined in data/sources.yml.",
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
    """Section folder -> index (0-based line) of the last nav entry of that section,
    from the config reader's node lines (the new entry is inserted as text after
    it, so the config's comments and layout stay as they are)."""
    try:
        nav = read_file(config).node_at("nav")
    except ConfigError as error:
        raise UsageError(str(error)) from None
    last: dict[str, int] = {}
    stack = [nav] if nav is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode) and "/" in str(node.value):
            section = str(node.value).split("/", 1)[0]
            last[section] = max(last.get(section, -1), node.start_mark.line)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(value for _, value in node.value)
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
    source: str,
    page_id: str,
    today: str,
) -> str:
    zh = lang == "zh"
    sections = []
    for zh_heading, en_heading, heading_id, zh_body, en_body in TEMPLATES[kind]:
        heading = zh_heading if zh else en_heading
        sections.append(f"## {heading} {{ #{heading_id} }}\n\n{zh_body if zh else en_body}\n")
    # The citation shows the form `make check` asks for (CT002, CT004).
    intro = INTRO[lang] + CITE_EXAMPLE[lang].format(source=source)
    keyword_list = ", ".join(quoted(keyword) for keyword in keywords)
    return (
        "---\n"
        f"title: {quoted(title)}\n"
        f"description: {quoted(description)}\n"
        f"kind: {kind}\n"
        f"last_reviewed: {today}\n"
        f"keywords: [{keyword_list}]\n"
        "sources:\n"
        f"  - {source}\n"
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
    configs = {lang: root / name for lang, name in CONFIG_FILES.items()}
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
    print(
        "next: write both pages, cite your sources as [@id] (ids from data/sources.yml), "
        "then run make check"
    )
    return 0
