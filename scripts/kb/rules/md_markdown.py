"""Markdown structure mistakes that Python-Markdown does not report but turns
into a different page: an HTML element left open (the rest of the page becomes
raw text), an admonition whose body is not indented (the body falls out of the
box), a table row with the wrong number of cells (extra cells are dropped),
and footnotes or reference links that are never defined (shown as literal
brackets). Read from the source lines, outside fenced code, since these are
exactly the mistakes a parser silently repairs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity, family, rule, rule_doc
from ..site.model import Page, source_lines
from .ht_html import elements

# Elements whose end tag HTML lets you leave out, and void elements.
OPTIONAL_END = frozenset(
    [
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "option",
        "colgroup",
        "caption",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
END_TAG = re.compile(r"</\s*([a-zA-Z][a-zA-Z0-9-]*)\s*>")
ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+")
TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\s{0,3}\[\^([^\]\s]+)\]:")
# `[text][id]`; not two citations side by side (`[@a][@b]`, kb.markdown.citations).
REFERENCE_USE = re.compile(r"(?<![\]\\!])\[(?!@)([^\[\]]+)\]\[(?!@)([^\[\]]*)\]")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*\S")


def unclosed_elements(page: Page) -> Iterator[tuple[int, int, str]]:
    """(line, col, tag) of each element opened in raw HTML and never closed."""
    stack: list[tuple[str, int, int]] = []
    for html in page.html:
        events = [
            (offset, col, tag, True)
            for offset, col, tag, _attrs, self_closing in elements(html.text)
            if not self_closing
        ]
        for match in END_TAG.finditer(html.text):
            offset = html.text.count("\n", 0, match.start())
            col = match.start() - (html.text.rfind("\n", 0, match.start()) + 1)
            events.append((offset, col, match.group(1).lower(), False))
        for offset, col, tag, opening in sorted(events):
            if tag in VOID or tag in OPTIONAL_END:
                continue
            if opening:
                stack.append((tag, html.line + offset, col + 1))
            elif any(open_tag == tag for open_tag, _, _ in stack):
                while stack and stack.pop()[0] != tag:
                    pass
    for tag, line, col in stack:
        yield line, col, tag


family(
    "MD",
    "markdown",
    title={"en": "Markdown structure (MD)", "zh": "Markdown 结构（MD）"},
    doc={
        "en": """\
Mistakes that Python-Markdown does not report but renders wrongly: an HTML element left open swallows the rest of the page, an admonition body that is not indented falls out of its box, a table row with an extra cell loses it, and an undefined footnote or reference link shows as raw brackets.
""",
        "zh": """\
Python-Markdown 不报错、却会渲染错的写法：没有闭合的 HTML 元素会吞掉页面剩下的内容，没有缩进的提示框正文会跑出框外，多出单元格的表格行会丢掉那一格，没有定义的脚注或引用式链接会显示成方括号原文。
""",
    },
)


@rule(
    "MD001",
    "html-left-open",
    Severity.ERROR,
    "An HTML element (e.g. `<details>`, `<div>`) is opened and never closed.",
    "Add the closing tag (e.g. `</details>`) after the element's content, on its own line.",
    title={"en": "HTML left open", "zh": "HTML 元素没有闭合"},
    doc=rule_doc(
        "Python-Markdown treats everything after an unclosed block element as raw HTML: the "
        "rest of the page loses its headings, links and lists, with no warning.",
        "<details>\n<summary>Why?</summary>\n\nBecause.\n\n## Next section",
        "<details>\n<summary>Why?</summary>\n\nBecause.\n\n</details>\n\n## Next section",
        "Python-Markdown 会把未闭合的块级元素之后的全部内容当作原始 HTML："
        "页面其余部分的标题、链接和列表"
        "都会失效，而且没有任何提示。",
        "<details>\n<summary>为什么？</summary>\n\n因为……\n\n## 下一节",
        "<details>\n<summary>为什么？</summary>\n\n因为……\n\n</details>\n\n## 下一节",
    ),
)
def html_left_open(docs, self):
    for page in docs.checked:
        for line, col, tag in unclosed_elements(page):
            yield self.at(page.display, line, col, f"<{tag}> is never closed (`</{tag}>`)")


@rule(
    "MD002",
    "admonition-body-not-indented",
    Severity.ERROR,
    "The body of an admonition (`!!! note`, `??? tip`) is not indented by four spaces.",
    "Indent every line of the box's body by four spaces.",
    title={"en": "Admonition body not indented", "zh": "提示框正文没有缩进"},
    doc=rule_doc(
        "Only indented lines belong to the box; an unindented body is shown as an empty box "
        "followed by ordinary text, so a warning loses its frame.",
        '!!! warning "Do not share the code"\nAmazon never asks for it.',
        '!!! warning "Do not share the code"\n    Amazon never asks for it.',
        "只有缩进的行才属于提示框；不缩进时显示为一个空框加普通正文，警告就失去了醒目的外框。",
        '!!! warning "不要告诉别人验证码"\n亚马逊从不索要验证码。',
        '!!! warning "不要告诉别人验证码"\n    亚马逊从不索要验证码。',
    ),
)
def admonition_body_not_indented(docs, self):
    for page in docs.checked:
        lines = list(source_lines(page))
        for index, (number, text, in_code) in enumerate(lines):
            opening = ADMONITION.match(text)
            if in_code or not opening:
                continue
            indent = len(opening.group(1).expandtabs(4))
            body = next(((n, t) for n, t, _c in lines[index + 1 :] if t.strip()), None)
            if body is None:
                yield self.at(page.display, number, 1, "the box has no body")
                continue
            body_indent = len(body[1].expandtabs(4)) - len(body[1].expandtabs(4).lstrip())
            if body_indent < indent + 4:
                yield self.at(
                    page.display, body[0], 1, "this line is the box's body but is not indented"
                )


def cells(row: str) -> int:
    """Cells of a pipe-table row; `\\|` and pipes inside code are not separators."""
    text = row.strip().replace("\\|", "")
    text = text.removeprefix("|")
    text = text[:-1] if text.endswith("|") else text
    return text.count("|") + 1


@rule(
    "MD003",
    "table-cell-count",
    Severity.ERROR,
    "A table row has more or fewer cells than the table's header.",
    "Give every row as many cells as the header; escape a `|` inside a cell as `\\|`.",
    title={"en": "Table row with the wrong number of cells", "zh": "表格行的单元格数不对"},
    doc=rule_doc(
        "Python-Markdown drops extra cells without a word and leaves missing ones empty, so "
        "a figure typed in the wrong column disappears from the page.",
        "| Step | What you see |\n| --- | --- |\n| 1 | Sign-in page | Enter your email |",
        "| Step | What you see |\n| --- | --- |\n| 1 | Sign-in page: enter your email |",
        "Python-Markdown 会悄悄丢弃多出的单元格、把缺少的留空，写错列的数字就从页面上消失了。",
        "| 步骤 | 看到什么 |\n| --- | --- |\n| 1 | 登录页 | 输入邮箱 |",
        "| 步骤 | 看到什么 |\n| --- | --- |\n| 1 | 登录页：输入邮箱 |",
    ),
)
def table_cell_count(docs, self):
    for page in docs.checked:
        lines = list(source_lines(page))
        for index, (number, text, in_code) in enumerate(lines):
            if in_code or index == 0 or not TABLE_DELIMITER.match(text) or "|" not in text:
                continue
            _header_number, header, _ = lines[index - 1]
            if "|" not in header:
                continue
            expected = cells(header)
            if cells(text) != expected:
                yield self.at(
                    page.display, number, 1, f"{cells(text)} cells, the header has {expected}"
                )
            for row_number, row, row_code in lines[index + 1 :]:
                if row_code or not row.strip() or "|" not in row:
                    break
                found = cells(row)
                if found != expected:
                    yield self.at(
                        page.display, row_number, 1, f"{found} cells, the header has {expected}"
                    )


@rule(
    "MD004",
    "footnote-undefined",
    Severity.ERROR,
    "A footnote reference `[^id]` has no definition `[^id]: …` on the page.",
    "Add the definition at the end of the page, or remove the reference.",
    title={"en": "Undefined footnote", "zh": "脚注没有定义"},
    doc=rule_doc(
        "An undefined footnote is shown as the literal text `[^1]`, and the note the "
        "sentence relies on is missing.",
        "Amazon holds the payment for three days.[^hold]",
        "Amazon holds the payment for three days.[^hold]\n\n"
        "[^hold]: Seller Central help, item 202110760.",
        "未定义的脚注会原样显示为 `[^1]`，句子依赖的说明也不见了。",
        "亚马逊会保留付款三天。[^hold]",
        "亚马逊会保留付款三天。[^hold]\n\n[^hold]: 卖家平台帮助，条目 202110760。",
    ),
)
def footnote_undefined(docs, self):
    for page in docs.checked:
        lines = [(n, t) for n, t, code in source_lines(page) if not code]
        defined = {m.group(1) for _n, t in lines if (m := FOOTNOTE_DEF.match(t))}
        for number, text in lines:
            for match in FOOTNOTE_REF.finditer(text):
                if match.group(1) not in defined:
                    yield self.at(
                        page.display,
                        number,
                        match.start() + 1,
                        f"`[^{match.group(1)}]` is not defined",
                    )


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


@rule(
    "MD005",
    "reference-link-undefined",
    Severity.ERROR,
    "A reference link `[text][id]` has no definition `[id]: https://…` on the page.",
    "Add the definition (`[id]: https://…`) below the paragraph, or write the link inline.",
    title={"en": "Undefined reference link", "zh": "引用式链接没有定义"},
    doc=rule_doc(
        "An undefined reference is shown as the literal brackets, so the reader gets no link "
        "where the page promised one.",
        "Reset it on the [sign-in page][sc].",
        "Reset it on the [sign-in page][sc].\n\n[sc]: https://sellercentral.amazon.com/",
        "未定义的引用链接会原样显示方括号，读者在该有链接的地方得不到链接。",
        "在[登录页][sc]重置。",
        "在[登录页][sc]重置。\n\n[sc]: https://sellercentral.amazon.com/",
    ),
)
def reference_link_undefined(docs, self):
    for page in docs.checked:
        lines = [(n, t) for n, t, code in source_lines(page) if not code]
        defined = {_label(m.group(1)) for _n, t in lines if (m := REFERENCE_DEF.match(t))}
        for number, text in lines:
            for match in REFERENCE_USE.finditer(text):
                label = _label(match.group(2) or match.group(1))
                if label.startswith("^") or label in defined:
                    continue
                yield self.at(
                    page.display, number, match.start() + 1, f"reference `[{label}]` is not defined"
                )


# pymdownx.snippets inserts files where a line says --8<-- "name" (or lists
# names between two --8<-- lines). mkdocs.yml lets it read docs/includes
# only, and a name it cannot find stops the build with a traceback. It runs
# before Markdown, so in code blocks too; ;--8<-- is the escaped form.
SNIPPET = re.compile(r"^\s*-{1,}8<-{1,}(?:\s+(?:\"([^\"]*)\"|'([^']*)'|(\S+)))?\s*$")
INCLUDES = "docs/includes"


def snippet_names(page: Page) -> Iterator[tuple[int, str]]:
    """(line, name) of each file the page's snippet lines insert."""
    block = False
    start = 1 if page.include else page.body_start
    for number, text in enumerate(page.lines[start - 1 :], start=start):
        match = SNIPPET.match(text)
        if match:
            name = next((g for g in match.groups() if g is not None), None)
            if name is None:
                block = not block  # a --8<-- line alone opens or closes a list
            else:
                yield number, name
        elif block and text.strip():
            yield number, text.strip()


@rule(
    "MD006",
    "snippet-not-found",
    Severity.ERROR,
    "A snippet line `--8<--` names a file that is not in docs/includes/.",
    "Insert only files of docs/includes/, named as they are there "
    '(`--8<-- "abbreviations.en.md"`), or write the text into the page; to show the line '
    "itself, in code too, write it `;--8<--`.",
    title={"en": "Snippet file not found", "zh": "片段文件不存在"},
    doc=rule_doc(
        "A snippet line inserts another file into the page when the site is built "
        "(pymdownx.snippets), in code blocks too. The build reads docs/includes/ only; any "
        "other name, or a file that is not there, stops the build. To show such a line, "
        "write it with a semicolon first (`;--8<--`): the page shows it without one.",
        ';--8<-- "../../README.md"',
        ';--8<-- "abbreviations.en.md"',
        "片段行会在构建时把另一个文件插入页面（pymdownx.snippets），代码块里也一样。构建只读取 "
        "docs/includes/；写其他路径，或者写了那里没有的文件，构建都会中止。要在页面上展示这样一行，"
        "在前面加一个分号（`;--8<--`），页面显示时不带分号。",
        ';--8<-- "../../README.md"',
        ';--8<-- "abbreviations.zh.md"',
    ),
)
def snippet_not_found(docs, self):
    base = (docs.root / INCLUDES).resolve()
    for page in docs.checked:
        for number, name in snippet_names(page):
            file = name.split(":", 1)[0] if not re.match(r"^[a-z]+://", name) else name
            target = (base / file).resolve()
            if not target.is_relative_to(base):
                yield self.at(page.display, number, 1, f"snippet `{name}` is outside {INCLUDES}/")
            elif not target.is_file():
                yield self.at(
                    page.display, number, 1, f"snippet `{name}` is not a file in {INCLUDES}/"
                )
