"""Structure: the file itself (encoding, line endings, name, invisible spaces),
its headings, the troubleshooting template, and the nav in both configs."""

from __future__ import annotations

import re
import unicodedata

from ..findings import Severity, family, rule
from ..site.model import source_lines
from ..site.pages import CONFIG_FILES, URL_PREFIX, url_path
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


family(
    "ST",
    "structure",
    title={"en": "Structure (ST)", "zh": "结构（ST）"},
    doc={
        "en": """\
These rules check the file itself (encoding, line endings, name, invisible spaces), the heading levels, the troubleshooting template and the nav in both configuration files. Heading IDs are written `{ #id }`, Python-Markdown's attribute list syntax [@github-python-markdown-extensions-attribute].
""",
        "zh": """\
这些规则检查文件本身（编码、换行符、文件名、看不见的空格）、标题层级、排错模板，以及两个配置文件里的导航。标题 ID 用 Python-Markdown 属性列表的写法 `{ #id }`[@github-python-markdown-extensions-attribute]。
""",
    },
)


@rule(
    "ST001",
    "file-empty",
    Severity.ERROR,
    "The file is empty.",
    "Write the page (copy a page of the same kind to start) or delete the file and its nav entry.",
    title={"en": "Empty file", "zh": "文件为空"},
    doc={
        "en": """\
The file is empty or holds only whitespace.

Failing example: `docs/en/sign-in/new-page.md` is 0 bytes, or holds only blank lines.

Fix: write the page (copy a page of the same kind to start) or delete the file and its nav entry.
""",
        "zh": """\
文件是空的，或者只有空白。

错误示例：`docs/zh/sign-in/new-page.md` 是 0 字节，或者只有空行。

改法：写好页面内容（可以先复制一个同类页面），或者删除这个文件及其导航条目。
""",
    },
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
    title={"en": "File not saved as UTF-8", "zh": "文件不是 UTF-8 编码"},
    doc={
        "en": """\
The file is not UTF-8. When its bytes read as Chinese in GBK/GB18030, the message says `saved as GBK/GB18030`: Windows Notepad or an editor set to the Chinese code page saved it, and the page would show garbled text on the site.

Failing example: `docs/zh/sign-in/index.md` saved in Notepad with the encoding **ANSI** on a Chinese Windows, which writes GBK.

Fix: save it again as UTF-8. VS Code: click the encoding in the status bar, choose **Save with Encoding** > **UTF-8**; Notepad: **Save as**, Encoding **UTF-8**.
""",
        "zh": """\
文件不是 UTF-8 编码。如果内容能按 GBK/GB18030 读出中文，报告会写明 `saved as GBK/GB18030`：这通常是 Windows 记事本或设置为中文代码页的编辑器保存的结果，页面在网站上会变成乱码。

错误示例：在中文 Windows 的记事本里用 **ANSI** 编码保存的 `docs/zh/sign-in/index.md`（实际写成了 GBK）。

改法：用 UTF-8 重新保存。VS Code：点右下角的编码，选 **Save with Encoding** > **UTF-8**；记事本：**另存为**，编码选 **UTF-8**。
""",
    },
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
    title={"en": "Byte order mark", "zh": "文件带 BOM"},
    doc={
        "en": """\
The file starts with a byte order mark (BOM), which hides the front matter.

Failing example: a page saved as **UTF-8 with BOM**: the three bytes `EF BB BF` come before its first `---` line.

Fix: save as UTF-8 without BOM (in VS Code choose **UTF-8**, not **UTF-8 with BOM**).
""",
        "zh": """\
文件以字节顺序标记（BOM）开头，前置元数据因此无法识别。

错误示例：以 **UTF-8 with BOM** 保存的页面，第一行 `---` 前面多了 `EF BB BF` 三个字节。

改法：保存为不带 BOM 的 UTF-8（VS Code 里选 **UTF-8**，不要选 **UTF-8 with BOM**）。
""",
    },
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
    title={"en": "Line endings are not LF", "zh": "换行符不是 LF"},
    doc={
        "en": """\
The file has Windows (CRLF) or old Mac (CR) line endings. The report names the first such line and the count.

Failing example: a page saved on Windows, for which the status bar of VS Code shows **CRLF**.

Fix: in VS Code click **CRLF** in the status bar, choose **LF** and save.
""",
        "zh": """\
文件使用 Windows 的 CRLF 换行符（或旧 Mac 的 CR）。报告指出第一个这样的行，并给出总行数。

错误示例：在 Windows 上保存的页面，VS Code 状态栏显示 **CRLF**。

改法：VS Code 右下角点 **CRLF**，改为 **LF** 后保存。
""",
    },
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
    title={"en": "Invisible space", "zh": "不可见的空格"},
    doc={
        "en": """\
The text contains a no-break space (U+00A0, U+202F) or a zero-width character (U+200B, U+200C, U+200D, U+2060, or U+FEFF inside the text). They look like a normal space or like nothing at all, usually come from text copied out of web pages, Word or chat apps, and break search and line wrapping. The report gives the line and column.

Failing example: `Seller Central` pasted from a web page, where the space between the two words is a no-break space (U+00A0): it looks the same as a normal space.

Fix: delete the character and type a normal space where one is needed.
""",
        "zh": """\
文本里有不换行空格（U+00A0、U+202F）或零宽字符（U+200B、U+200C、U+200D、U+2060，以及正文中的 U+FEFF）。它们看起来像普通空格或什么都没有，通常来自从网页、Word 或聊天软件复制的文字，会影响搜索和换行。报告给出行号和列号。

错误示例：从网页复制的 `Seller Central`，两个词之间是不换行空格（U+00A0），看起来和普通空格一样。

改法：删除这个字符，需要空格的地方重新输入普通空格。
""",
    },
)
def invisible_space(docs, self):
    for page in docs.pages:
        if page.text is None or not INVISIBLE.search(page.text):
            continue
        for number, line in enumerate(page.text.split("\n"), start=1):
            for match in INVISIBLE.finditer(line):
                name = INVISIBLE_NAMES[match.group()]
                yield self.at(page.display, number, match.start() + 1, f"{name} in the text")


# A word that mixes Latin letters with Cyrillic or Greek ones (Stеps with a
# Cyrillic е): it looks like the English word and is another; in a heading
# or a name it hides the word from search and can imitate a page or a host.
MIXED_SCRIPT = re.compile(
    r"\b(?=[\w]*[A-Za-z])(?=[\w]*[\u0370-\u03ff\u0400-\u04ff])[A-Za-z\u0370-\u03ff\u0400-\u04ff]+\b"
)
# Control characters (NUL, escape, …) besides tab and the line ends: no
# editor shows them, and the page's text breaks where they stand. With them
# the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069),
# which show text in another order than it is stored: a host written
# backwards displays as amazon.com.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


@rule(
    "ST023",
    "mixed-script-word",
    Severity.ERROR,
    "A word mixes Latin letters with Cyrillic or Greek ones that look the same.",
    "Retype the word on an English keyboard (the report names the letters that are not Latin).",
    title={"en": "Word in mixed scripts", "zh": "单词混用了不同文字的字母"},
    doc={
        "en": """A word mixes Latin letters with Cyrillic or Greek ones that look the same (Cyrillic а, е, о, р, с; Greek ο, ν). The word reads as English and is not: search does not find it, and in a heading or a name it can imitate a page or an Amazon host.

Failing example: `## Stеps { #steps }`, where the е is Cyrillic (U+0435).

Fix: retype the word on an English keyboard.
""",
        "zh": """某个单词把拉丁字母和外形相同的西里尔或希腊字母混在一起（西里尔 а、е、о、р、с，希腊 ο、ν）。它看起来是英文单词，其实不是：搜索找不到它，写在标题或名称里还能冒充页面或亚马逊的网址。

错误示例：`## Stеps { #steps }`，其中的 е 是西里尔字母（U+0435）。

改法：用英文键盘重新输入这个单词。
""",
    },
)
def mixed_script_word(docs, self):
    for page in docs.pages:
        if page.text is None:
            continue
        # The front matter, and the body outside code: code shows such words
        # on purpose (the phishing page's look-alike host).
        head = [(n, t, False) for n, t in enumerate(page.lines[: page.body_start - 1], start=1)]
        for number, line, code in head + list(source_lines(page)):
            if code:
                continue
            for match in MIXED_SCRIPT.finditer(line):
                odd = sorted({f"{c} (U+{ord(c):04X})" for c in match.group() if not c.isascii()})
                yield self.at(
                    page.display,
                    number,
                    match.start() + 1,
                    f"`{match.group()}` mixes Latin letters with {', '.join(odd)}",
                )


@rule(
    "ST024",
    "control-character",
    Severity.ERROR,
    "The file contains a control character (NUL, escape, a bidirectional override, …).",
    "Delete it: it is invisible in editors and breaks the page's text where it stands.",
    title={"en": "Control character", "zh": "控制字符"},
    doc={
        "en": """The file contains a control character other than a tab or a line end, such as NUL (U+0000) or escape (U+001B). Editors show nothing, and the page's text breaks where it stands. They come from pasting out of terminals or binary files. The rule also finds the bidirectional overrides and isolates (U+202A to U+202E, U+2066 to U+2069). They make text display in another order than it is stored, so a reversed host name can look like amazon.com.

Failing example: a NUL byte pasted between two words of a paragraph, or `Open \\u202egnp.moc.nozama\\u202c`, written here as escapes, which displays as "Open amazon.com.png".

Fix: delete the character (the report gives its line and column).
""",
        "zh": """文件里有制表符和换行以外的控制字符，例如 NUL（U+0000）或 ESC（U+001B）。编辑器不显示它们，页面文字会在那里断开。它们通常来自从终端或二进制文件里粘贴的内容。这条规则也检查双向文字覆盖和隔离字符（U+202A 至 U+202E、U+2066 至 U+2069）：它们让文字的显示顺序和存储顺序不同，倒着写的主机名看起来会像 amazon.com。

错误示例：段落两个词之间粘进了一个 NUL 字节；或者 `Open \\u202egnp.moc.nozama\\u202c`（这里写成转义形式），显示出来是“Open amazon.com.png”。

改法：删除这个字符（报告给出行号和列号）。
""",
    },
)
def control_character(docs, self):
    for page in docs.pages:
        if page.text is None or not CONTROL.search(page.text):
            continue
        for number, line in enumerate(page.text.split("\n"), start=1):
            for match in CONTROL.finditer(line):
                yield self.at(
                    page.display,
                    number,
                    match.start() + 1,
                    f"control character U+{ord(match.group()):04X}",
                )


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
    title={"en": "File name", "zh": "文件名不规范"},
    doc={
        "en": """\
File and folder names under `docs/` use lowercase ASCII letters, digits and hyphens only.

```text
docs/en/sign-in/Reset Password.md
docs/en/sign-in/reset_password.md
```

Fix: rename it `reset-password.md`, the same in both languages, and update its nav entry and the links to it.
""",
        "zh": """\
`docs/` 下的文件名和文件夹名只能用小写英文字母、数字和连字符。

```text
docs/zh/sign-in/Reset Password.md
docs/zh/sign-in/重置密码.md
```

改法：改名为 `reset-password.md`，中英文两边同名，并更新导航和指向它的链接。
""",
    },
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


# What docs/ may hold besides pages: the images pages show (IM rules).
# Everything under docs/ is published as it is, so any other file (.env,
# .toml, a script, an archive) would be served to the world unread.
PUBLISHED_SUFFIXES = {".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"}


@rule(
    "ST021",
    "same-address",
    Severity.ERROR,
    "Two files are built to the same address.",
    "Keep one of them: MkDocs builds `a.md` and `a/index.md` to the same address `a/`, "
    "and publishes only one, without a word.",
    title={"en": "Two files, one address", "zh": "两个文件同一个地址"},
    doc={
        "en": """MkDocs builds both `name.md` and `name/index.md` to the address `name/`. It publishes one of them and says nothing, so a new file can replace a reviewed page on the site.

Failing example: `docs/en/sign-in/reset-password/index.md` added next to `docs/en/sign-in/reset-password.md`.

Fix: keep one file. To change the page, edit the existing file; to move it, rename the file and add a redirect (RD rules).
""",
        "zh": """MkDocs 会把 `name.md` 和 `name/index.md` 都生成到地址 `name/`。它只发布其中一个，而且不提示，所以新加的文件可能悄悄替换掉已经审核过的页面。

错误示例：在 `docs/zh/sign-in/reset-password.md` 旁边新建了 `docs/zh/sign-in/reset-password/index.md`。

改法：只保留一个文件。要修改页面，就改原来的文件；要移动页面，就改文件名并加上重定向（RD 规则）。
""",
    },
)
def same_address(docs, self):
    first_of: dict[tuple[str, str], str] = {}
    for page in sorted(docs.pages, key=lambda p: p.display):
        address = (page.lang, url_path(page.rel))
        if address in first_of:
            shown = "/" + URL_PREFIX[page.lang] + address[1]
            yield self.at(
                page.display,
                1,
                1,
                f"is built to {shown}, as {first_of[address]} is: keep one of them",
            )
        else:
            first_of[address] = page.display


@rule(
    "ST022",
    "file-type",
    Severity.ERROR,
    "A file under docs/ is neither a page nor an image.",
    "Move it out of docs/ (everything there is published as it is) or delete it.",
    title={"en": "File that is neither a page nor an image", "zh": "既不是页面也不是图片的文件"},
    doc={
        "en": """Everything under `docs/` is copied to the site as it is. Besides pages (`.md`), only the images pages show (`.png`, `.jpg`, `.jpeg`, `.gif`, `.webp`, `.avif`, `.svg`) belong there; any other file would be published without being read by any check.

Failing example: `docs/en/sign-in/tools.env`, or `notes.txt`, `script.py`, `backup.zip` next to a page.

Fix: move the file out of `docs/` (data the build needs goes in `data/`) or delete it.
""",
        "zh": """`docs/` 下的所有文件都会原样复制到网站上。除了页面（`.md`），这里只应放页面里显示的图片（`.png`、`.jpg`、`.jpeg`、`.gif`、`.webp`、`.avif`、`.svg`）；其他文件会不经任何检查就被公开。

错误示例：页面旁边的 `docs/zh/sign-in/tools.env`、`notes.txt`、`script.py`、`backup.zip`。

改法：把文件移出 `docs/`（构建需要的数据放在 `data/`），或者删除它。
""",
    },
)
def file_type(docs, self):
    for path in docs.other_files:
        if path.suffix.lower() not in PUBLISHED_SUFFIXES:
            yield self.at(
                path.as_posix(),
                1,
                1,
                "is neither a page nor an image, and would be published as it is",
            )


# --- headings ---------------------------------------------------------------


@rule(
    "ST007",
    "h1-count",
    Severity.ERROR,
    "A page has exactly one `# ` (H1) heading, before every other heading.",
    "Keep one `# Title { #id }` line at the top of the page; make other headings `## `.",
    title={"en": "Not exactly one H1", "zh": "一级标题不是恰好一个"},
    doc={
        "en": """\
A page has exactly one `# ` heading, before every other heading.

```markdown
## Symptoms { #symptoms }

# Reset your password { #reset-password }
```

Fix: keep one `# Title { #id }` at the top of the page; make the other headings `## `.
""",
        "zh": """\
每个页面恰好有一个 `# ` 一级标题，而且位于其他标题之前。

```markdown
## 症状 { #symptoms }

# 重置密码 { #reset-password }
```

改法：页面顶部保留一个 `# 标题 { #id }`，其余标题用 `## `。
""",
    },
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
    title={"en": "H1 differs from the title", "zh": "一级标题与 title 不一致"},
    doc={
        "en": """\
The text of the `# ` heading is the front matter's `title`.

```markdown
---
title: Reset your password
---

# Forgot your password? { #reset-password }
```

Fix: make both the same text.
""",
        "zh": """\
一级标题的文字必须与前置元数据的 `title` 相同。

```markdown
---
title: 重置密码
---

# 忘记密码怎么办 { #reset-password }
```

改法：让两处文字完全一致。
""",
    },
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
    title={"en": "Heading level skipped", "zh": "标题跳级"},
    doc={
        "en": """\
Heading levels go down one at a time: no `####` straight under `##`.

```markdown
## Steps { #steps }

#### On a phone { #on-phone }
```

Fix: use the next level down: `###` under `##`.
""",
        "zh": """\
标题层级不能跳过，例如 `##` 下面直接出现 `####`。

```markdown
## 解决步骤 { #steps }

#### 在手机上 { #on-phone }
```

改法：使用下一级标题：`##` 下面用 `###`。
""",
    },
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


def _headings_with_hint(docs, wrong):
    """(page, heading, hint) of each heading for which `wrong(heading)` holds;
    the hint names the ID the other language's page uses there, if any."""
    for page in _readable(docs):
        for index, heading in enumerate(page.headings):
            if wrong(heading):
                other = _counterpart_id(docs, page, index)
                hint = f"; the other language's page uses `{{ #{other} }}` here" if other else ""
                yield page, heading, hint


@rule(
    "ST010",
    "heading-id-missing",
    Severity.ERROR,
    "A heading has no explicit ID such as `{ #causes }`.",
    "End the heading with ` { #english-kebab-id }`, the same ID in the Chinese and English "
    "page, so links to the section keep working in both languages.",
    title={"en": "Heading without ID", "zh": "标题缺少 ID"},
    doc={
        "en": """\
Every heading, the H1 included, ends with an explicit English ID, the same in the Chinese and English page, so that links to a section work in both languages.

```markdown
## Causes
```

Fix: write `## Causes { #causes }`. When the other language's page has the heading, the report gives the ID it uses.
""",
        "zh": """\
每个标题（包括一级标题）末尾都要有一个明确的英文 ID，中英文页面相同，这样指向某一节的链接在两种语言里都有效。

```markdown
## 原因
```

改法：写成 `## 原因 { #causes }`。如果另一种语言的页面已有这个标题，报告会给出它使用的 ID。
""",
    },
)
def heading_id_missing(docs, self):
    for page, heading, hint in _headings_with_hint(docs, lambda h: h.id is None):
        message = f"heading `{'#' * heading.level} {heading.text}` has no ID{hint}"
        yield self.at(page.display, heading.line, 1, message)


@rule(
    "ST011",
    "heading-id-invalid",
    Severity.ERROR,
    "A heading ID is not lowercase ASCII kebab-case.",
    "Use English words in lowercase joined by hyphens (`{ #code-not-received }`), never a "
    "translation: the ID is the same in both languages.",
    title={"en": "Invalid heading ID", "zh": "标题 ID 格式不对"},
    doc={
        "en": """\
A heading ID uses lowercase ASCII letters, digits and hyphens only, and is never translated.

```markdown
## Causes { #Causes }
## Causes { #why_it_happens }
```

Fix: `## Causes { #causes }`, the same ID as the Chinese page.
""",
        "zh": """\
标题 ID 只能用小写英文字母、数字和连字符，不能翻译成中文。

```markdown
## 原因 { #原因 }
## 原因 { #Causes }
```

改法：`## 原因 { #causes }`，与英文页面的 ID 相同。
""",
    },
)
def heading_id_invalid(docs, self):
    def invalid(heading):
        return heading.id is not None and not KEBAB.fullmatch(heading.id)

    for page, heading, hint in _headings_with_hint(docs, invalid):
        message = f"heading ID `{heading.id}` is not lowercase ASCII kebab-case{hint}"
        yield self.at(page.display, heading.line, 1, message)


@rule(
    "ST012",
    "heading-id-duplicate",
    Severity.ERROR,
    "Two headings of a page have the same ID.",
    "Give each heading its own ID; links to a section reach only the first one.",
    title={"en": "Duplicate heading ID", "zh": "标题 ID 重复"},
    doc={
        "en": """\
Two headings of a page share an ID, so links to the second one land on the first.

```markdown
## Causes { #causes }
## Other causes { #causes }
```

Fix: give each heading its own ID, for example `{ #other-causes }`.
""",
        "zh": """\
同一页面里两个标题用了同一个 ID，指向该节的链接只会到达第一个。

```markdown
## 原因 { #causes }
## 其他原因 { #causes }
```

改法：给每个标题一个不同的 ID，例如 `{ #other-causes }`。
""",
    },
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
    title={"en": "Link in a heading", "zh": "标题里有链接"},
    doc={
        "en": """\
A heading contains a link, which breaks the table of contents and the section's own link.

```markdown
## First [reset your password](reset-password.md) { #reset-first }
```

Fix: keep the heading plain text and put the link in the text below it.
""",
        "zh": """\
标题里不能放链接，否则目录和本节链接会出错。

```markdown
## 先[重置密码](reset-password.md) { #reset-first }
```

改法：标题只写文字，把链接放到标题下面的正文里。
""",
    },
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
    title={"en": "Empty section", "zh": "空小节"},
    doc={
        "en": """\
A heading has neither text nor subheadings under it.

```markdown
## Causes { #causes }

## Steps { #steps }
```

Fix: write the section, or delete the heading in both languages.
""",
        "zh": """\
标题下面没有任何内容，也没有下一级标题。

```markdown
## 原因 { #causes }

## 解决步骤 { #steps }
```

改法：补上这一节的内容，或者在中英文页面里同时删掉这个标题。
""",
    },
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
    title={
        "en": "Troubleshooting sections missing or out of order",
        "zh": "排错模板的小节缺失或顺序不对",
    },
    doc={
        "en": """\
A page with `kind: troubleshooting` has these four H2 sections in this order (other sections may go between them):

```markdown
## Steps { #steps }
## Symptoms { #symptoms }
## Causes { #causes }
## Still stuck? { #still-stuck }
```

The steps come first, right after the opening paragraph, so a reader on a phone sees what to do on the first screen; symptoms and causes follow for those who need them.

Failing examples: `{ #causes }` is missing, `{ #symptoms }` comes before `{ #steps }`, or one of them is written as `###`.

Fix: add the missing sections and put them in the template's order.
""",
        "zh": """\
`kind: troubleshooting` 的页面必须有下面四个二级标题，并按这个顺序排列（中间可以加其他小节）：

```markdown
## 解决步骤 { #steps }
## 症状 { #symptoms }
## 原因 { #causes }
## 仍未解决？ { #still-stuck }
```

解决步骤放在最前面，紧跟开头一段，读者在手机上第一屏就能看到该做什么；症状和原因放在后面，供需要的读者查看。

出错的例子：缺少 `{ #causes }`，或者 `{ #symptoms }` 写在 `{ #steps }` 之前，或者把其中一节写成了 `###`。

改法：按上面的模板补齐小节并调整顺序。
""",
    },
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
    title={"en": "Steps without a numbered list", "zh": "解决步骤不是编号列表"},
    doc={
        "en": """\
The `{ #steps }` section of a troubleshooting page (its H3 subsections included) has a numbered list, one action per step.

```markdown
## Steps { #steps }

- Open the sign-in page.
- Click "Forgot your password?".
```

Fix: number the steps `1. `, `2. ` and so on.
""",
        "zh": """\
排错页面的 `{ #steps }` 小节（包括其下的三级小节）必须有编号列表，每步一个操作。

```markdown
## 解决步骤 { #steps }

- 打开登录页。
- 点击“忘记密码”。
```

改法：写成 `1. `、`2. ` 开头的编号列表。
""",
    },
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
    title={"en": "Page not in the nav", "zh": "页面不在导航里"},
    doc={
        "en": """\
The page is missing from `nav` in `mkdocs.yml` (Chinese) or `mkdocs.en.yml` (English), so readers cannot reach it from the menu.

Failing example: `docs/en/sign-in/reset-password.md` exists, but the `nav` of `mkdocs.en.yml` does not list `sign-in/reset-password.md`.

Fix: add `- sign-in/reset-password.md` to the `nav` of both files, at the same place.
""",
        "zh": """\
页面没有出现在 `mkdocs.yml`（中文）或 `mkdocs.en.yml`（英文）的 `nav` 里，读者无法从菜单找到它。

错误示例：`docs/zh/sign-in/reset-password.md` 已存在，但 `mkdocs.yml` 的 `nav` 里没有 `sign-in/reset-password.md`。

改法：在两个配置文件的 `nav` 里同一位置加入 `- sign-in/reset-password.md`。
""",
    },
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
    title={"en": "Nav entry without a page", "zh": "导航条目找不到页面"},
    doc={
        "en": """\
A path listed in `nav` does not exist under `docs/zh` or `docs/en`.

```yaml
nav:
  - sign-in/reset-pasword.md
```

Fix: correct the path (relative to `docs/zh` or `docs/en`, ending in `.md`) or create the page.
""",
        "zh": """\
`nav` 里列出的路径在 `docs/zh` 或 `docs/en` 下不存在。

```yaml
nav:
  - sign-in/reset-pasword.md
```

改法：改正路径（相对于 `docs/zh` 或 `docs/en`，以 `.md` 结尾），或者创建这个页面。
""",
    },
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
    title={"en": "Navs differ between languages", "zh": "中英文导航不一致"},
    doc={
        "en": """\
Both configuration files list the same pages in the same order; only the section labels are translated. The report names the first entry that differs.

Failing example: `mkdocs.yml` lists `sign-in/reset-password.md` before `sign-in/locked-out.md`, and `mkdocs.en.yml` lists them the other way round.

Fix: edit `mkdocs.en.yml` (or `mkdocs.yml`) so that both list the same pages in the same order.
""",
        "zh": """\
两个配置文件的 `nav` 必须以相同的顺序列出相同的页面，只有分组名称需要翻译。报告指出第一个不同的条目。

错误示例：`mkdocs.yml` 里 `sign-in/reset-password.md` 排在 `sign-in/locked-out.md` 前面，`mkdocs.en.yml` 里却排在后面。

改法：调整 `mkdocs.en.yml`（或 `mkdocs.yml`），让两边的页面和顺序一致。
""",
    },
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
    title={"en": "Configuration file unreadable", "zh": "配置文件无法读取"},
    doc={
        "en": """\
`mkdocs.yml` or `mkdocs.en.yml` is missing, not UTF-8, or not valid YAML.

Failing example:

```yaml
nav:
\t- index.md
```

Fix: correct the YAML at the reported line: indent with spaces, with a space after the colon of `key: value`.
""",
        "zh": """\
`mkdocs.yml` 或 `mkdocs.en.yml` 不存在、不是 UTF-8，或不是有效的 YAML。

错误示例：

```yaml
nav:
\t- index.md
```

改法：按报告的行号修正 YAML：缩进只用空格，`键: 值` 的冒号后面加空格。
""",
    },
)
def config_invalid(docs, self):
    for path, line, message in docs.config_errors:
        yield self.at(path, line or 1, 1, message)
