"""Placeholders left in a page: the texts `make new` writes for the author to
replace. They come from kb/scaffold.py itself, so the check follows the
templates when they change."""

from __future__ import annotations

from ..findings import Severity, family, rule, rule_doc
from ..site.model import source_lines

family(
    "PL",
    "placeholders",
    title={"en": "Placeholders (PL)", "zh": "占位文字（PL）"},
    doc={
        "en": """\
`make new` writes placeholder text under each heading. A page is ready only when every placeholder is replaced by real content.
""",
        "zh": """\
`make new` 会在每个标题下写好占位文字。只有把所有占位文字换成正文，页面才算完成。
""",
    },
)


@rule(
    "PL001",
    "scaffold-placeholder-left",
    Severity.ERROR,
    "A page still holds placeholder text from `make new`.",
    "Replace the placeholder with the page's own text (or delete the line).",
    title={"en": "Scaffold placeholder left in the page", "zh": "页面里留有模板占位文字"},
    doc=rule_doc(
        "The scaffold's placeholders tell the author what to write; published, they tell a "
        "worried reader nothing.",
        "## Steps { #steps }\n\n1. (One action per step; say what the reader sees when it worked.)",
        "## Steps { #steps }\n\n1. Open Seller Central and choose **Forgot password**.",
        "模板占位文字是写给作者的提示；发布出去，对着急的读者毫无用处。",
        "## 解决步骤 { #steps }\n\n1. （一步只做一件事，并说明成功时会看到什么。）",
        "## 解决步骤 { #steps }\n\n1. 打开卖家平台，点击**忘记密码**。",
    ),
)
def scaffold_placeholder_left(docs, self):
    from ..scaffold import placeholders  # here: kb.scaffold imports the rules package

    texts = placeholders()
    for page in docs.checked:
        # Fenced code is left out: the scaffold never writes one, so a placeholder
        # there is quoted on purpose (e.g. in the rules' own examples).
        in_code = {number for number, _text, code in source_lines(page) if code}
        for number, line in enumerate(page.lines, start=1):  # front matter included
            if number in in_code:
                continue
            for text in texts:
                col = line.find(text)
                if col >= 0:
                    yield self.at(page.display, number, col + 1, f"placeholder `{text[:50]}`")
                    break
