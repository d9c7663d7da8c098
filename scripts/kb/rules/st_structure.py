"""Structure: the file itself (encoding, line endings, name, invisible spaces),
its headings, the troubleshooting template, and the nav in both configs."""

from __future__ import annotations

import re
import unicodedata

from ..findings import Severity, rule
from ..site.pages import CONFIG_FILES
from ..site.templates import section_ids, section_labels

KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
INVISIBLE = re.compile("[\u00a0\u202f\u200b\u200c\u200d\u2060\ufeff]")
INVISIBLE_NAMES = {
    "\u00a0": "no-break space (U+00A0)",
    "\u202f": "narrow no-break space (U+202F)",
    "\u200b": "zero-width space (U+200B)",
    "\u200c": "zero-width non-joiner (U+200C)",
    "\u200d": "zero-width joiner (U+200D)",
    "\u2060": "word joiner (U+2060)",
    "\ufeff": "zero-width no-break space (U+FEFF)",
}
CJK = re.compile(r"[\u3400-\u9fff]")
GBK_FIX = (
    "saved as GBK/GB18030: re-save as UTF-8 (VS Code: 'Save with Encoding' > UTF-8; "
    "Notepad: Save as > Encoding UTF-8)"
)

# The troubleshooting template: these H2 sections, in this order.
TROUBLESHOOTING = section_ids("troubleshooting")  # steps, symptoms, causes, still-stuck


def _readable(docs):
    """Pages whose text could be read and is not empty (the others have their own codes)."""
    return [page for page in docs.pages if page.text is not None and page.text.strip()]


def _heading_source(heading) -> str:
    suffix = f" {{ #{heading.id} }}" if heading.id else ""
    return f"{'#' * heading.level} {heading.text}{suffix}"


def _counterpart_id(docs, page, index: int) -> str | None:
    """The ID of the same heading in the other language's page, if it has a valid one."""
    other = docs.page("en" if page.lang == "zh" else "zh", page.rel)
    if other is None or index >= len(other.headings):
        return None
    heading_id = other.headings[index].id
    return heading_id if heading_id and KEBAB.fullmatch(heading_id) else None


# --- the file ---------------------------------------------------------------


@rule(
    "ST001",
    "file-empty",
    Severity.ERROR,
    "The file is empty.",
    "Write the page (copy a page of the same kind to start) or delete the file and its nav entry.",
)
def file_empty(docs, self):
    for page in docs.pages:
        if page.text is not None and not page.text.strip():
            yield self.at(page.display, 1, 1, "the file is empty")


@rule(
    "ST002",
    "encoding-not-utf8",
    Severity.ERROR,
    "The file is not saved as UTF-8.",
    "Re-save the file as UTF-8 (VS Code: 'Save with Encoding' > UTF-8; "
    "Notepad: Save as > Encoding UTF-8).",
)
def encoding_not_utf8(docs, self):
    for page in docs.pages:
        if page.text is not None:
            continue
        raw = page.raw[3:] if page.raw.startswith(b"\xef\xbb\xbf") else page.raw
        try:
            raw.decode("utf-8")
            start = 0
        except UnicodeDecodeError as error:
            start = error.start
        line = raw[:start].count(b"\n") + 1
        try:
            # GB18030 accepts GBK and GB2312; Chinese text decoded this way is a
            # file saved by an editor set to the Chinese Windows code page.
            saved_as_gbk = bool(CJK.search(raw.decode("gb18030")))
        except UnicodeDecodeError:
            saved_as_gbk = False
        message = GBK_FIX if saved_as_gbk else page.decode_error or "not valid UTF-8"
        yield self.at(page.display, line, 1, message)


@rule(
    "ST003",
    "utf8-bom",
    Severity.ERROR,
    "The file starts with a byte order mark (BOM).",
    "Re-save as UTF-8 without BOM (VS Code: 'Save with Encoding' > UTF-8, not 'UTF-8 with BOM').",
)
def utf8_bom(docs, self):
    for page in docs.pages:
        if page.raw.startswith(b"\xef\xbb\xbf"):
            yield self.at(page.display, 1, 1, "the file starts with a UTF-8 byte order mark")


@rule(
    "ST004",
    "crlf-line-endings",
    Severity.ERROR,
    "The file has Windows (CRLF) or old Mac (CR) line endings.",
    "Save with LF line endings (VS Code: click 'CRLF' in the status bar and choose 'LF'); "
    "the repository's .gitattributes also converts them when you commit with git.",
)
def crlf_line_endings(docs, self):
    for page in docs.pages:
        if page.text is None:
            continue
        index = page.text.find("\r")
        if index < 0:
            continue
        line = page.text.count("\n", 0, index) + 1
        total = page.text.count("\r")
        kind = "CRLF" if page.text.startswith("\r\n", index) else "CR"
        yield self.at(
            page.display,
            line,
            index - page.text.rfind("\n", 0, index),
            f"line {line} ends with {kind} ({total} line{'s' * (total != 1)} in the file); use LF",
        )


@rule(
    "ST005",
    "invisible-space",
    Severity.ERROR,
    "The text contains a no-break or zero-width space.",
    "Delete the character and type a normal space if one is needed; these come from copying "
    "text out of web pages, Word or chat apps and break search and line wrapping.",
)
def invisible_space(docs, self):
    for page in docs.pages:
        if page.text is None or not INVISIBLE.search(page.text):
            continue
        for number, line in enumerate(page.text.split("\n"), start=1):
            for match in INVISIBLE.finditer(line):
                name = INVISIBLE_NAMES[match.group()]
                yield self.at(page.display, number, match.start() + 1, f"{name} in the text")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


@rule(
    "ST006",
    "file-name",
    Severity.ERROR,
    "A file or folder name under docs/ is not lowercase ASCII kebab-case.",
    "Rename it with lowercase letters a-z, digits and hyphens (e.g. `reset-password.md`), "
    "the same in docs/zh and docs/en, and update its nav entry and the links to it.",
)
def file_name(docs, self):
    paths = [page.path for page in docs.pages] + list(docs.other_files)
    for path in paths:
        parts = path.parts[2:]  # below docs/<lang>/
        for index, part in enumerate(parts):
            is_file = index == len(parts) - 1
            stem, _, ext = part.rpartition(".") if is_file and "." in part else (part, "", "")
            if KEBAB.fullmatch(stem) and (not ext or re.fullmatch(r"[a-z0-9]+", ext)):
                continue
            what = "file name" if is_file else "folder name"
            suggestion = _slug(stem) and _slug(stem) + (f".{ext.lower()}" if ext else "")
            hint = f", e.g. `{suggestion}`" if suggestion and suggestion != part else ""
            yield self.at(
                path.as_posix(),
                1,
                1,
                f"{what} `{part}` is not lowercase ASCII kebab-case{hint}",
            )
            break


# --- headings ---------------------------------------------------------------


@rule(
    "ST007",
    "h1-count",
    Severity.ERROR,
    "A page has exactly one `# ` (H1) heading, before every other heading.",
    "Keep one `# Title { #id }` line at the top of the page; make other headings `## `.",
)
def h1_count(docs, self):
    for page in _readable(docs):
        h1s = [heading for heading in page.headings if heading.level == 1]
        if not h1s:
            yield self.at(page.display, page.body_start, 1, "the page has no `# ` title heading")
            continue
        for extra in h1s[1:]:
            yield self.at(
                page.display,
                extra.line,
                1,
                f"second `# ` heading `{extra.text}` (the page's title is on line {h1s[0].line})",
            )
        if page.headings[0].level != 1:
            yield self.at(
                page.display,
                page.headings[0].line,
                1,
                f"the `# ` heading (line {h1s[0].line}) must come before every other heading",
            )


@rule(
    "ST008",
    "h1-title-mismatch",
    Severity.ERROR,
    "The `# ` heading's text differs from the front matter `title`.",
    "Make the `# ` heading and `title:` the same text.",
)
def h1_title_mismatch(docs, self):
    for page in _readable(docs):
        h1s = [heading for heading in page.headings if heading.level == 1]
        if h1s and page.title is not None and h1s[0].text != page.title.strip():
            yield self.at(
                page.display,
                h1s[0].line,
                1,
                f"`# {h1s[0].text}` differs from the title `{page.title.strip()}` "
                f"(line {page.meta_line('title')})",
            )


@rule(
    "ST009",
    "heading-level-skipped",
    Severity.ERROR,
    "A heading skips a level (e.g. `##` followed by `####`).",
    "Use the next level down: `##` under `#`, `###` under `##`.",
)
def heading_level_skipped(docs, self):
    for page in _readable(docs):
        for previous, heading in zip(page.headings, page.headings[1:], strict=False):
            if heading.level > previous.level + 1:
                yield self.at(
                    page.display,
                    heading.line,
                    1,
                    f"`{'#' * heading.level} {heading.text}` (H{heading.level}) follows "
                    f"H{previous.level} on line {previous.line}; use "
                    f"`{'#' * (previous.level + 1)}`",
                )


@rule(
    "ST010",
    "heading-id-missing",
    Severity.ERROR,
    "A heading has no explicit ID such as `{ #causes }`.",
    "End the heading with ` { #english-kebab-id }`, the same ID in the Chinese and English "
    "page, so links to the section keep working in both languages.",
)
def heading_id_missing(docs, self):
    for page in _readable(docs):
        for index, heading in enumerate(page.headings):
            if heading.id is None:
                other = _counterpart_id(docs, page, index)
                hint = f"; the other language's page uses `{{ #{other} }}` here" if other else ""
                yield self.at(
                    page.display,
                    heading.line,
                    1,
                    f"heading `{'#' * heading.level} {heading.text}` has no ID{hint}",
                )


@rule(
    "ST011",
    "heading-id-invalid",
    Severity.ERROR,
    "A heading ID is not lowercase ASCII kebab-case.",
    "Use English words in lowercase joined by hyphens (`{ #code-not-received }`), never a "
    "translation: the ID is the same in both languages.",
)
def heading_id_invalid(docs, self):
    for page in _readable(docs):
        for index, heading in enumerate(page.headings):
            if heading.id is not None and not KEBAB.fullmatch(heading.id):
                other = _counterpart_id(docs, page, index)
                hint = f"; the other language's page uses `{{ #{other} }}` here" if other else ""
                yield self.at(
                    page.display,
                    heading.line,
                    1,
                    f"heading ID `{heading.id}` is not lowercase ASCII kebab-case{hint}",
                )


@rule(
    "ST012",
    "heading-id-duplicate",
    Severity.ERROR,
    "Two headings of a page have the same ID.",
    "Give each heading its own ID; links to a section reach only the first one.",
)
def heading_id_duplicate(docs, self):
    for page in _readable(docs):
        first_line: dict[str, int] = {}
        for heading in page.headings:
            if heading.id is None:
                continue
            if heading.id in first_line:
                yield self.at(
                    page.display,
                    heading.line,
                    1,
                    f"heading ID `{heading.id}` is already used on line {first_line[heading.id]}",
                )
            else:
                first_line[heading.id] = heading.line


@rule(
    "ST013",
    "heading-has-link",
    Severity.ERROR,
    "A heading contains a link.",
    "Move the link into the text under the heading; a link in a heading breaks the table of "
    "contents and the section's own link.",
)
def heading_has_link(docs, self):
    for page in _readable(docs):
        for heading in page.headings:
            if heading.has_link:
                yield self.at(
                    page.display, heading.line, 1, f"heading `{heading.text}` contains a link"
                )


@rule(
    "ST014",
    "section-empty",
    Severity.ERROR,
    "A heading has nothing under it.",
    "Write the section's text, or delete the heading (in both languages).",
)
def section_empty(docs, self):
    for page in _readable(docs):
        for index, heading in enumerate(page.headings):
            following = page.headings[index + 1] if index + 1 < len(page.headings) else None
            has_subsections = following is not None and following.level > heading.level
            if not heading.has_content and not has_subsections:
                yield self.at(
                    page.display,
                    heading.line,
                    1,
                    f"section `{_heading_source(heading)}` is empty",
                )


# --- the troubleshooting template --------------------------------------------


def _troubleshooting_pages(docs):
    return [page for page in _readable(docs) if page.meta.get("kind") == "troubleshooting"]


def _section_source(lang: str, section_id: str) -> str:
    labels = section_labels(lang if lang in ("zh", "en") else "en", "troubleshooting")
    return f"## {labels[section_id]} {{ #{section_id} }}"


@rule(
    "ST015",
    "troubleshooting-sections",
    Severity.ERROR,
    "A troubleshooting page lacks a template section, or has them out of order.",
    "Use the four H2 sections of the template in this order: "
    + ", ".join(TROUBLESHOOTING)
    + " (other sections may go between them).",
)
def troubleshooting_sections(docs, self):
    for page in _troubleshooting_pages(docs):
        h2s = [heading for heading in page.headings if heading.level == 2]
        present = [heading for heading in h2s if heading.id in TROUBLESHOOTING]
        seen_ids = {heading.id for heading in present}
        anchor_line = page.headings[0].line if page.headings else page.body_start
        for section_id in TROUBLESHOOTING:
            if section_id in seen_ids:
                anchor_line = next(h.line for h in present if h.id == section_id)
                continue
            elsewhere = next((h for h in page.headings if h.id == section_id), None)
            hint = f" (line {elsewhere.line} has it as H{elsewhere.level})" if elsewhere else ""
            yield self.at(
                page.display,
                anchor_line,
                1,
                f"missing section `{_section_source(page.lang, section_id)}`{hint}",
            )
        expected = sorted(present, key=lambda heading: TROUBLESHOOTING.index(heading.id))
        for actual, wanted in zip(present, expected, strict=True):
            if actual is not wanted:
                yield self.at(
                    page.display,
                    actual.line,
                    1,
                    f"section `{{ #{actual.id} }}` comes before `{{ #{wanted.id} }}`; "
                    f"the order is {', '.join(TROUBLESHOOTING)}",
                )
                break


@rule(
    "ST016",
    "steps-not-numbered",
    Severity.ERROR,
    "The `steps` section of a troubleshooting page has no numbered list.",
    "Write the steps as a numbered list (`1. `, `2. ` ...), one action per step.",
)
def steps_not_numbered(docs, self):
    for page in _troubleshooting_pages(docs):
        headings = page.headings
        for index, heading in enumerate(headings):
            if heading.id != "steps" or heading.level != 2:
                continue
            blocks = list(heading.blocks)
            for sub in headings[index + 1 :]:
                if sub.level <= heading.level:
                    break
                blocks.extend(sub.blocks)
            if "ordered_list_open" not in blocks:
                yield self.at(
                    page.display,
                    heading.line,
                    1,
                    f"section `{_heading_source(heading)}` has no numbered list",
                )


# --- nav ----------------------------------------------------------------------


def _is_external(target: str) -> bool:
    return "://" in target or target.startswith(("mailto:", "/"))


def _nav_pages(docs) -> dict[str, list]:
    """Page entries of each language's nav; the English config inherits the Chinese
    nav when it has none of its own (INHERIT), and no nav at all means MkDocs lists
    every page by itself."""
    entries = {
        lang: [entry for entry in docs.nav if entry.lang == lang and not _is_external(entry.target)]
        for lang in ("zh", "en")
    }
    has_nav = {lang: "nav" in docs.configs.get(lang, {}) for lang in ("zh", "en")}
    if not has_nav["en"] and has_nav["zh"]:
        entries["en"] = entries["zh"]
        has_nav["en"] = True
    return {lang: entries[lang] for lang in entries if has_nav[lang]}


def _normal(target: str) -> str:
    return target.strip().removeprefix("./")


@rule(
    "ST017",
    "page-not-in-nav",
    Severity.ERROR,
    "A page is not listed in the nav.",
    "Add the page's path to `nav:` in both mkdocs.yml and mkdocs.en.yml, at the same place.",
)
def page_not_in_nav(docs, self):
    navs = _nav_pages(docs)
    for lang, entries in navs.items():
        listed = {_normal(entry.target) for entry in entries}
        config = CONFIG_FILES[lang]
        for page in docs.by_lang(lang):
            if page.rel not in listed:
                yield self.at(
                    page.display,
                    1,
                    1,
                    f"not in the nav of {config}; add `- {page.rel}` under its section",
                )


@rule(
    "ST018",
    "nav-entry-not-found",
    Severity.ERROR,
    "A nav entry names a page that does not exist.",
    "Fix the path in `nav:` (relative to docs/zh or docs/en, ending in .md) or create the page.",
)
def nav_entry_not_found(docs, self):
    for lang, entries in _nav_pages(docs).items():
        for entry in entries:
            if entry.lang != lang:
                continue  # inherited from mkdocs.yml: reported there
            if docs.page(lang, _normal(entry.target)) is None:
                yield self.at(
                    entry.config,
                    entry.line,
                    1,
                    f"nav entry `{entry.target}` is not a page in docs/{lang}/",
                )


@rule(
    "ST019",
    "nav-differs",
    Severity.ERROR,
    "mkdocs.yml and mkdocs.en.yml list different pages, or the same pages in another order.",
    "Make both navs list the same pages in the same order; only the section labels differ.",
)
def nav_differs(docs, self):
    navs = _nav_pages(docs)
    if "zh" not in navs or "en" not in navs:
        return
    zh = navs["zh"]
    en = navs["en"]
    for index in range(max(len(zh), len(en))):
        zh_entry = zh[index] if index < len(zh) else None
        en_entry = en[index] if index < len(en) else None
        if zh_entry and en_entry and _normal(zh_entry.target) == _normal(en_entry.target):
            continue
        if en_entry is None:
            yield self.at(
                zh_entry.config,
                zh_entry.line,
                1,
                f"`{zh_entry.target}` is not in the nav of mkdocs.en.yml (it ends before)",
            )
        elif zh_entry is None:
            yield self.at(
                en_entry.config,
                en_entry.line,
                1,
                f"`{en_entry.target}` is not in the nav of mkdocs.yml (it ends before)",
            )
        else:
            yield self.at(
                en_entry.config,
                en_entry.line,
                1,
                f"nav entry {index + 1} is `{en_entry.target}` here but `{zh_entry.target}` "
                f"in mkdocs.yml (line {zh_entry.line})",
            )
        return


@rule(
    "ST020",
    "config-invalid",
    Severity.ERROR,
    "mkdocs.yml or mkdocs.en.yml cannot be read.",
    "Fix the YAML at the given line (indent with spaces; `key: value` with a space after the "
    "colon).",
)
def config_invalid(docs, self):
    for path, line, message in docs.config_errors:
        yield self.at(path, line or 1, 1, message)
