"""Front matter: the YAML block at the top of every page, validated against the
JSON Schema in schema/front-matter.schema.json.

jsonschema does the validating; this module only turns each schema error into
a message a contributor understands, on the line of the offending key.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from jsonschema import Draft202012Validator

from ..findings import Severity, family, rule

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "front-matter.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
KEYS = sorted(SCHEMA["properties"])
KINDS = SCHEMA["properties"]["kind"]["enum"]
DATE_KEYS = {"last_reviewed"}
SOURCE_ID_EXAMPLE = "sc-us-2sv-faq-202153510"
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}

# One line a contributor can copy for each key.
EXAMPLES = {
    "title": "title: 密码正确却登录不了",
    "description": "description: 一句话说明本页解决什么问题。",
    "kind": "kind: troubleshooting",
    "last_reviewed": "last_reviewed: 2026-11-28",
    "keywords": "keywords: [登不上, 登录不了]",
    "sources": f"sources: [{SOURCE_ID_EXAMPLE}]",
}


def _inline_refs(node: object) -> object:
    """The schema with each local `$ref` replaced by its definition: resolving
    references on every page was a third of the validation time (make bench)."""
    if isinstance(node, dict):
        if "$ref" in node and str(node["$ref"]).startswith("#/$defs/"):
            target = SCHEMA["$defs"][node["$ref"].removeprefix("#/$defs/")]
            rest = {key: value for key, value in node.items() if key != "$ref"}
            return _inline_refs({**target, **rest})
        return {key: _inline_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline_refs(item) for item in node]
    return node


def _validator(lang: str) -> Draft202012Validator:
    """The schema plus the description length of the page's language."""
    language = {"$ref": f"#/$defs/lang-{lang}"}
    schema = _inline_refs({**SCHEMA, "allOf": [*SCHEMA.get("allOf", []), language]})
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


VALIDATORS = {lang: _validator(lang) for lang in LANGUAGE_NAMES}


def _where(path: tuple) -> str:
    """`title`, `url` of source 2, item 3 of `keywords`."""
    if not path:
        return "the front matter"
    head = f"`{path[0]}`"
    if len(path) == 1:
        return head
    if isinstance(path[1], int):
        return f"item {path[1] + 1} of {head}"
    return "`" + ".".join(str(part) for part in path) + "`"


def _shown(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind_of(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of `key: value` lines"
    return type(value).__name__


TYPE_NAMES = {
    "string": "text",
    "array": "a list (one `- item` per line, or [a, b])",
    "object": "a group of `key: value` lines",
    "number": "a number",
    "boolean": "true or false",
}


def _position(page, path: tuple) -> tuple[int, int]:
    """Line and column of the key or item at `path`, or of its nearest parent."""
    positions = page.front_matter_positions
    for end in range(len(path), 0, -1):
        for candidate in (path[:end], tuple(str(part) for part in path[:end])):
            if candidate in positions:
                return positions[candidate]
    return 1, 1


def _suggestion(key: object, allowed: list[str]) -> str:
    normal = str(key).strip().lower().replace("-", "_").replace(" ", "_")
    if normal in allowed and normal != key:
        return f" (did you mean `{normal}`?)"
    close = difflib.get_close_matches(normal, allowed, n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _describe(error, lang: str) -> list[tuple[str, tuple, str, str]]:
    """(code, path, message, fix) for one schema error; fix "" means the rule's own."""
    path = tuple(error.absolute_path)
    key = path[-1] if path else None
    value = error.instance
    where = _where(path)
    kind = error.validator
    if kind == "required":
        present = value if isinstance(value, dict) else {}
        found = []
        for name in error.validator_value:
            if name not in present:
                owner = f" in {_where(path)}" if path else ""
                fix = f"Add a line such as `{EXAMPLES[name]}`." if name in EXAMPLES else ""
                found.append(("FM001", (*path, name), f"missing required key `{name}`{owner}", fix))
        return found
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        return [
            (
                "FM008",
                (*path, name),
                f"unknown key `{name}`{' in ' + where if path else ''}{_suggestion(name, allowed)}",
                f"Remove it or rename it; allowed keys: {', '.join(allowed)}.",
            )
            for name in value
            if name not in allowed
        ]
    if value is None or (kind in ("minItems", "minLength") and key != "description"):
        return [("FM010", path, f"{where} is empty", "")]
    if path[:1] == ("sources",) and len(path) >= 2:
        # Sources are defined once in data/sources.yml; pages list their ids.
        if isinstance(value, dict):
            message = (
                f"{_where(path[:2])} is a whole source: define it in data/sources.yml "
                "and list its id here"
            )
        else:
            message = f"{_where(path[:2])} is not a source id: `{_shown(value)}`"
        return [
            (
                "FM005",
                path[:2],
                message,
                f"List ids from data/sources.yml, e.g. `- {SOURCE_ID_EXAMPLE}`.",
            )
        ]
    if key == "sources" and kind == "uniqueItems":
        return [("FM005", path, "`sources` lists an id twice", "Remove the repeated id.")]
    if key in DATE_KEYS and kind in ("type", "pattern", "format", "minimum", "maximum"):
        shape = "YYYY-MM-DD"
        example = "2026-11-28"
        problem = "is not a real date" if kind == "format" else f"must be written {shape}"
        return [
            (
                "FM006",
                path,
                f"{where} {problem}: found `{_shown(value)}`",
                f"Write the date as {shape} with hyphens, e.g. `{key}: {example}`.",
            )
        ]
    if key == "description" and kind in ("minLength", "maxLength"):
        limits = SCHEMA["$defs"][f"lang-{lang}"]["properties"]["description"]
        low, high = limits["minLength"], limits["maxLength"]
        return [
            (
                "FM007",
                path,
                f"`description` is {len(value)} characters; {LANGUAGE_NAMES[lang]} pages "
                f"need {low} to {high}",
                "",
            )
        ]
    if kind == "type":
        wanted = error.validator_value
        names = [
            TYPE_NAMES.get(name, name) for name in ([wanted] if isinstance(wanted, str) else wanted)
        ]
        fix = ""
        if wanted == "string" and isinstance(value, int | float | bool):
            # YAML reads +86, 2023 or yes as a number or true/false.
            fix = f"Put the value in quotes so it is read as text: `'{_shown(value)}'`."
        return [
            ("FM005", path, f"{where} must be {' or '.join(names)}, not {_kind_of(value)}", fix)
        ]
    if kind == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        return [("FM005", path, f"{where} is `{_shown(value)}`; use one of: {choices}", "")]
    return [("FM005", path, f"{where} is not valid here ({kind})", "")]


def _problems(docs) -> dict[str, list]:
    """Every front-matter problem of every page, by code, computed once per run."""
    cached = vars(docs).get("_front_matter_problems")
    if cached is not None:
        return cached
    problems: dict[str, list] = {}

    def add(code: str, page, line: int, col: int, message: str, fix: str = "") -> None:
        problems.setdefault(code, []).append((page.display, line, col, message, fix))

    for page in docs.pages:
        if page.text is None or not page.text.strip():
            continue  # unreadable or empty: reported by the structure rules
        if page.front_matter_unterminated:
            add("FM003", page, 1, 1, "the front matter starts with `---` but has no closing `---`")
        elif page.front_matter_error:
            line, message = page.front_matter_error
            add("FM004", page, line, 1, message)
        elif page.front_matter is None:
            add("FM002", page, 1, 1, "the page has no front matter")
        else:
            validator = VALIDATORS.get(page.lang, VALIDATORS["zh"])
            seen = set()
            for error in validator.iter_errors(page.front_matter):
                for code, path, message, fix in _describe(error, page.lang):
                    if (code, path) in seen:
                        continue
                    seen.add((code, path))
                    line, col = (1, 1) if code == "FM001" and len(path) == 1 else (0, 0)
                    if not line:
                        line, col = _position(page, path)
                    add(code, page, line, col, message, fix)
    vars(docs)["_front_matter_problems"] = problems
    return problems


def _report(docs, self):
    for path, line, col, message, fix in _problems(docs).get(self.code, []):
        yield self.at(path, line, col, message, fix)


family(
    "FM",
    "front-matter",
    title={"en": "Front matter (FM)", "zh": "前置元数据（FM）"},
    doc={
        "en": """\
Every page starts with a block of front matter between two `---` lines, written in YAML and checked against the JSON Schema in the repository (`scripts/kb/schema/front-matter.schema.json`) [@json-schema-draft-2020-12]. The reported line is the line of the offending key.
""",
        "zh": """\
每个页面开头都有一段用 `---` 包起来的前置元数据（front matter），格式是 YAML，按仓库里的 JSON Schema（`scripts/kb/schema/front-matter.schema.json`）检查[@json-schema-draft-2020-12]。报告的行号指向出错的那个键。
""",
    },
)


@rule(
    "FM001",
    "required-key-missing",
    Severity.ERROR,
    "The front matter lacks a required key.",
    "Add the key: title, description, kind and last_reviewed on every page; keywords and "
    "sources (ids from data/sources.yml) on every page except the home page (the generated "
    "rule pages, kind rules, list sources only if they cite some).",
    title={"en": "Required key missing", "zh": "缺少必填字段"},
    doc={
        "en": """\
Every page has `title`, `description`, `kind` and `last_reviewed`; every page except the home page also has `keywords` and `sources`; `sources` lists ids of entries in `data/sources.yml`. The rule pages that `make rules-page` generates (`kind: rules`) state no facts about Amazon or the law: they list `sources` only when their text cites some.

```yaml
---
title: Reset your password
kind: troubleshooting
last_reviewed: 2026-11-28
---
```

Fix: add the missing keys, for example `description: How to reset a forgotten Seller Central password through your email address.`, plus `keywords` and `sources`.
""",
        "zh": """\
每个页面都要有 `title`、`description`、`kind` 和 `last_reviewed`；首页以外的页面还要有 `keywords` 和 `sources`；`sources` 列出 `data/sources.yml` 里的来源编号。`make rules-page` 生成的规则页面（`kind: rules`）不陈述关于亚马逊或法律的事实，只有正文引用了来源时才列出 `sources`。

```yaml
---
title: 重置密码
kind: troubleshooting
last_reviewed: 2026-11-28
---
```

改法：补上缺少的键，例如 `description: 忘记卖家平台密码时，怎样通过邮箱重置。`，以及 `keywords` 和 `sources`。
""",
    },
)
def required_key_missing(docs, self):
    yield from _report(docs, self)


@rule(
    "FM002",
    "front-matter-missing",
    Severity.ERROR,
    "The page does not start with a front matter block.",
    "Start the file with a line `---`, the keys (title, description, kind, last_reviewed, "
    "keywords, sources), and another line `---`; copy the block from a page of the same kind.",
    title={"en": "No front matter", "zh": "缺少前置元数据"},
    doc={
        "en": """\
The file's first line is not `---`: the page has no front matter.

```markdown
# Reset your password { #reset-password }

If you forgot your password…
```

Fix: copy the front matter of a page of the same kind to the top of the file and adapt it.
""",
        "zh": """\
文件第一行不是 `---`，页面没有前置元数据。

```markdown
# 重置密码 { #reset-password }

忘记密码时……
```

改法：从同类页面复制一段前置元数据放在文件开头，再改成本页的内容。
""",
    },
)
def front_matter_missing(docs, self):
    yield from _report(docs, self)


@rule(
    "FM003",
    "front-matter-unterminated",
    Severity.ERROR,
    "The front matter block is not closed with a `---` line.",
    "Add a line with only `---` after the last front matter key, before the page's `# ` heading.",
    title={"en": "Front matter not closed", "zh": "前置元数据没有结束"},
    doc={
        "en": """\
The first line is `---` but no second `---` follows, so the whole file is read as front matter.

```yaml
---
title: Reset your password
last_reviewed: 2026-11-28

# Reset your password { #reset-password }
```

Fix: add a line `---` after the last key.
""",
        "zh": """\
第一行是 `---`，但后面没有第二个 `---`，整个文件都被当成了元数据。

```yaml
---
title: 重置密码
last_reviewed: 2026-11-28

# 重置密码 { #reset-password }
```

改法：在最后一个键后面加一行 `---`。
""",
    },
)
def front_matter_unterminated(docs, self):
    yield from _report(docs, self)


@rule(
    "FM004",
    "front-matter-invalid-yaml",
    Severity.ERROR,
    "The front matter is not valid YAML.",
    "Each line is `key: value` with a half-width colon and a space; indent with spaces, "
    "never tabs; put a value that contains `: ` or starts with `[`, `{`, `*`, `&` or `#` "
    "in quotes.",
    title={"en": "Invalid YAML", "zh": "YAML 格式错误"},
    doc={
        "en": """\
The front matter is not valid YAML. The usual causes are a full-width colon (`：`), no space after the colon, or indenting with tabs.

```yaml
---
title：Reset your password
description:How to reset a forgotten Seller Central password.
---
```

Fix: write each line as `key: value`, with a half-width colon followed by a space, and indent with spaces only. Put a value in quotes when it contains `: ` or starts with `[`, `{`, `*`, `&` or `#`.
""",
        "zh": """\
前置元数据不是有效的 YAML。最常见的原因是用了全角冒号、冒号后面没有空格，或者用 Tab 缩进。

```yaml
---
title：重置密码
description:忘记卖家平台密码时，怎样通过邮箱重置。
---
```

改法：每行写成 `键: 值`，冒号用半角并在后面加一个空格，缩进只用空格。值里含有 `: `，或以 `[`、`{`、`*`、`&`、`#` 开头时，用引号把值括起来。
""",
    },
)
def front_matter_invalid_yaml(docs, self):
    yield from _report(docs, self)


@rule(
    "FM005",
    "value-wrong-type",
    Severity.ERROR,
    "A front matter value has the wrong type or is not one of the allowed values.",
    "Use the form of the example page: text for title and description, one of home, overview, "
    "troubleshooting, guide, reference, tool, rules for kind, lists for keywords and sources "
    "(source ids from data/sources.yml).",
    title={"en": "Wrong type of value", "zh": "值的类型不对"},
    doc={
        "en": """\
A value has the wrong type or is not one of the allowed values. For example, `kind` is one of `home`, `overview`, `troubleshooting`, `guide`, `reference`, `tool`, `rules`, and `keywords` is a list.

```yaml
kind: troubleshoot
keywords: can't sign in, login failed
```

Fix:

```yaml
kind: troubleshooting
keywords:
  - can't sign in
  - login failed
```

YAML reads values such as `+86` or `2023` as numbers; put them in quotes when you mean text: `- '+86'`.
""",
        "zh": """\
某个值的类型不对，或者不在允许的取值里。例如 `kind` 只能是 `home`、`overview`、`troubleshooting`、`guide`、`reference`、`tool`、`rules` 之一，`keywords` 必须是列表。

```
kind: 排错
keywords: 登不上, 登录不了
```

改法：

```yaml
kind: troubleshooting
keywords:
  - 登不上
  - 登录不了
```

YAML 会把 `+86`、`2023` 这样的值读成数字；需要文字时请加引号：`- '+86'`。
""",
    },
)
def value_wrong_type(docs, self):
    yield from _report(docs, self)


@rule(
    "FM006",
    "date-format",
    Severity.ERROR,
    "The `last_reviewed` date is not written YYYY-MM-DD.",
    "Write the date with hyphens and leading zeros: `last_reviewed: 2026-11-28`.",
    title={"en": "Date format", "zh": "日期格式错误"},
    doc={
        "en": """\
`last_reviewed` is written `YYYY-MM-DD`, and the date must exist. (A source's dates live in `data/sources.yml`, checked by CT006.)

```yaml
last_reviewed: 2026/11/28
```

Fix: use hyphens and two-digit months and days: `last_reviewed: 2026-11-28`.
""",
        "zh": """\
`last_reviewed` 必须写成 `YYYY-MM-DD`，日期必须真实存在。（来源的日期写在 `data/sources.yml` 里，由 CT006 检查。）

```yaml
last_reviewed: 2026/11/28
```

改法：用连字符和两位数的月、日：`last_reviewed: 2026-11-28`。
""",
    },
)
def date_format(docs, self):
    yield from _report(docs, self)


@rule(
    "FM007",
    "description-length",
    Severity.ERROR,
    "The description is too short or too long (Chinese 15-120 characters, English 40-170).",
    "Write one complete sentence that says what problem the page solves.",
    title={"en": "Description too short or too long", "zh": "描述太短或太长"},
    doc={
        "en": """\
The `description` is shown in search results and link previews. Chinese pages need 15 to 120 characters, English pages 40 to 170.

```yaml
description: Reset your password.
```

Fix: write one complete sentence that says what problem the page solves, for example `description: How to reset a forgotten Seller Central password through your email address, and what to do if the email never arrives.`
""",
        "zh": """\
`description` 用于搜索结果和链接预览。中文页面 15 到 120 个字符，英文页面 40 到 170 个字符。

```yaml
description: 重置密码。
```

改法：写一句完整的话，说明本页解决什么问题，例如 `description: 忘记卖家平台密码时，怎样通过注册邮箱重置，以及收不到重置邮件怎么办。`
""",
    },
)
def description_length(docs, self):
    yield from _report(docs, self)


@rule(
    "FM008",
    "unknown-key",
    Severity.ERROR,
    "The front matter has a key the site does not use (often a misspelling).",
    "Fix the spelling or remove the key.",
    title={"en": "Unknown key", "zh": "未知的键"},
    doc={
        "en": """\
A key the site does not use, usually a misspelling. The allowed keys are `title`, `description`, `kind`, `last_reviewed`, `keywords`, `sources`, `hide` and `search`; a source allows `title`, `url`, `accessed`, `published` and `note`.

```yaml
last-reviewed: 2026-11-28
```

Fix: correct the spelling (`last_reviewed`, with an underscore) or remove the key. The report suggests the closest allowed key.
""",
        "zh": """\
出现了网站不使用的键，通常是拼写错误。允许的键是 `title`、`description`、`kind`、`last_reviewed`、`keywords`、`sources`、`hide`、`search`；来源里允许 `title`、`url`、`accessed`、`published`、`note`。

```yaml
last-reviewed: 2026-11-28
```

改法：改正拼写（`last_reviewed`，用下划线），或删掉这个键。报告里会提示最接近的正确写法。
""",
    },
)
def unknown_key(docs, self):
    yield from _report(docs, self)


# FM009 (a front-matter source's url) is retired: sources and their URLs live in
# data/sources.yml, checked by CT006.


@rule(
    "FM010",
    "value-empty",
    Severity.ERROR,
    "A front matter value is empty (an empty title, or no keywords or sources on an article).",
    "Fill it in: every article lists the words readers search for and at least one source.",
    title={"en": "Empty value", "zh": "值为空"},
    doc={
        "en": """\
A value is empty: an empty title, or an article whose `keywords` or `sources` list is empty.

```yaml
keywords: []
sources: []
```

Fix: list the words readers search for in `keywords` (colloquial ones too) and at least one source in `sources`, official sources first.
""",
        "zh": """\
某个值是空的：标题为空，或者文章的 `keywords`、`sources` 是空列表。

```yaml
keywords: []
sources: []
```

改法：在 `keywords` 里写读者会搜索的词（包括口语说法），在 `sources` 里至少列出一条来源，官方资料优先。
""",
    },
)
def value_empty(docs, self):
    yield from _report(docs, self)
