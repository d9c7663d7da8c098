"""Input the checks cannot read: an empty or unreadable docs/ tree, unreadable
files or folders. One clear line each, instead of a finding for every page
the tree should have had."""

from __future__ import annotations

from ..findings import Severity, family, rule, rule_doc

family(
    "IO",
    "input",
    title={"en": "Input (IO)", "zh": "输入（IO）"},
    doc={
        "en": """\
The checks read every file under `docs/`. A tree with no pages, or a file that cannot be read, gets one clear line instead of a crash.
""",
        "zh": """\
检查会读取 `docs/` 下的每个文件。没有任何页面，或者文件无法读取时，只给出一行清楚的说明，不会崩溃。
""",
    },
)


@rule(
    "IO001",
    "docs-empty",
    Severity.ERROR,
    "docs/zh and docs/en hold no Markdown pages at all.",
    "Run the checks from the repository (or pass --root) and restore docs/ from git "
    "(`git checkout -- docs`).",
    title={"en": "No pages to check", "zh": "没有可检查的页面"},
    doc=rule_doc(
        "With no pages there is no site to check; every other rule would report the pages "
        "the nav expects, which hides the one real problem.",
        "$ ls docs/zh\n(nothing)",
        "$ git checkout -- docs",
        "没有页面就没有可检查的网站；其他规则会为导航中的每个页面报错，掩盖真正的问题。",
        "$ ls docs/zh\n（空）",
        "$ git checkout -- docs",
    ),
)
def docs_empty(docs, self):
    if not docs.pages and not docs.read_errors:
        yield self.at("docs", 0, 0, "no Markdown pages under docs/zh or docs/en")


@rule(
    "IO002",
    "file-unreadable",
    Severity.ERROR,
    "A file or folder under docs/ cannot be read.",
    "Make it readable (`chmod u+r`), or remove it if it should not be there.",
    title={"en": "File cannot be read", "zh": "文件无法读取"},
    doc=rule_doc(
        "A file the checks cannot read is a file nobody has checked, yet the build may "
        "still publish it.",
        "$ ls -l docs/zh/sign-in\nd--------- sign-in",
        "$ chmod u+rwx docs/zh/sign-in",
        "检查读不到的文件就没人检查过，构建却仍可能发布它。",
        "$ ls -l docs/zh/sign-in\nd--------- sign-in",
        "$ chmod u+rwx docs/zh/sign-in",
    ),
)
def file_unreadable(docs, self):
    for path, why in docs.read_errors:
        yield self.at(path, 0, 0, f"cannot read: {why}")
    for page in docs.checked:
        if page.decode_error and page.decode_error.startswith("cannot read"):
            yield self.at(page.display, 0, 0, page.decode_error)
