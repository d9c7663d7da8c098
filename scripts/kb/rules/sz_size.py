"""Size limits: a huge or pathological page gets one finding, and the rest of
the run goes on (the model skips parsing what is over the limits)."""

from __future__ import annotations

from ..findings import Severity, family, rule, rule_doc
from ..site.model import MAX_LINE_CHARS, MAX_PAGE_BYTES

family(
    "SZ",
    "size",
    title={"en": "Size limits (SZ)", "zh": "大小限制（SZ）"},
    doc={
        "en": """\
A page or a line far larger than any article (a paste gone wrong) is reported with its size instead of stalling or crashing the checks.
""",
        "zh": """\
远远大于任何文章的页面或行（通常是粘贴出错）会按大小报告，而不是拖慢或弄崩检查。
""",
    },
)


@rule(
    "SZ001",
    "page-too-large",
    Severity.ERROR,
    f"A Markdown file is larger than {MAX_PAGE_BYTES // 1024} KB.",
    "Split the page into several pages, or remove what was pasted by mistake.",
    title={"en": "Page too large", "zh": "页面太大"},
    doc=rule_doc(
        f"No article comes near {MAX_PAGE_BYTES // 1024} KB; a file that big is almost always "
        "a paste by mistake, and readers on a phone would wait for it. The file is not "
        "parsed, so the other rules say nothing about it until it is smaller.",
        "(a 2 MB export pasted into docs/en/sign-in/index.md)",
        "(the page's own text only; long reference lists split into pages)",
        f"没有文章接近 {MAX_PAGE_BYTES // 1024} KB；这么大的文件几乎总是误粘贴，"
        "用手机的读者也要等很久。"
        "超限的文件不会被解析，其他规则在它变小前不会检查它。",
        "（把 2 MB 的导出内容粘贴进 docs/zh/sign-in/index.md）",
        "（只保留本页正文；很长的参考列表拆成多个页面）",
    ),
)
def page_too_large(docs, self):
    for page in docs.checked:
        if page.too_large:
            size = len(page.raw) // 1024
            yield self.at(
                page.display, 1, 1, f"{size} KB, over the limit of {MAX_PAGE_BYTES // 1024} KB"
            )


@rule(
    "SZ002",
    "line-too-long",
    Severity.ERROR,
    f"A line is longer than {MAX_LINE_CHARS} characters.",
    "Break the paragraph into sentences on their own lines, or remove the pasted markup.",
    title={"en": "Line too long", "zh": "行太长"},
    doc=rule_doc(
        "A line that long is pasted markup, not prose; deeply nested inline HTML on one line "
        "makes Markdown parsers recurse without bound. The line is left out of the checks.",
        "Text <span><span><span>… (thousands of nested tags on one line)",
        "Text in plain Markdown, one sentence per line if you like.",
        "这么长的一行是粘贴进来的标记而不是正文；"
        "一行内层层嵌套的 HTML 会让 Markdown 解析器无限递归。"
        "该行不参与检查。",
        "文字 <span><span><span>……（一行内几千层嵌套标签）",
        "用普通 Markdown 写正文，可以一句一行。",
    ),
)
def line_too_long(docs, self):
    for page in docs.checked:
        for line in page.long_lines:
            length = len(page.lines[line - 1]) if line - 1 < len(page.lines) else 0
            yield self.at(page.display, line, 1, f"{length} characters, over {MAX_LINE_CHARS}")


@rule(
    "SZ003",
    "markdown-unparsable",
    Severity.ERROR,
    "The Markdown parser gave up on this file.",
    "Look for deeply nested lists, quotes or HTML and flatten them.",
    title={"en": "Markdown cannot be parsed", "zh": "Markdown 无法解析"},
    doc=rule_doc(
        "When the parser gives up, no other rule can see the page's links or HTML, so the "
        "page is unchecked.",
        "> > > > > > … (hundreds of nested quotes)",
        "> One level of quote is enough.",
        "解析器放弃时，其他规则看不到页面中的链接和 HTML，页面就等于没有检查。",
        "> > > > > > ……（几百层嵌套引用）",
        "> 一层引用就够了。",
    ),
)
def markdown_unparsable(docs, self):
    for page in docs.checked:
        if page.parse_error:
            yield self.at(page.display, page.body_start, 1, page.parse_error)
