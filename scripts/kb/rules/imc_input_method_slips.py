"""The list of input-method slips (data/input-method-confusions.yml), checked
before the build.

The search-index build step (kb/build/search_index.py) owns the format:
`load_confusions` validates the file and raises a SearchIndexError with an IMC
code at the first problem. These rules call that same function, so `make check`
and `make build` report the same error.
"""

from __future__ import annotations

from ..build import search_index
from ..findings import Severity, family, rule
from .data_files import loader_findings

_findings = loader_findings("data/input-method-confusions.yml", search_index.load_confusions)


def confusion_findings(docs, self):
    # Defined here, so that the rules' file is this one (make check --list-rules).
    return _findings(docs, self)


family(
    "IMC",
    "input-method-slips",
    title={"en": "Input-method slips (IMC)", "zh": "输入法错字表（IMC）"},
    doc={
        "en": """\
Readers type with a Chinese input method and pick the wrong homophone (登陆 for 登录, 验正 for 验证). Search catches most homophones without a list: a part of the query that is no word of the index but has the same toneless pinyin as one is also read as that word. The list in `data/input-method-confusions.yml` is for the rest: slips of a near sound or of shape, a slip whose wrong character makes a word with its neighbour, and slips so common that the query should be read as the word meant outright. Each entry is a `slip` and what it was `meant` to be, with a comment saying why.
""",
        "zh": """\
读者用中文输入法打字，常常选错同音字（把登录打成登陆、验证打成验正）。大多数同音字不需要列表：查询中不是索引词、但不计声调的拼音与某个索引词相同的部分，搜索也会把它读作那个词。`data/input-method-confusions.yml` 里的列表用于其余情况：读音相近或字形相近的错字、错字与相邻的字组成了另一个词，以及常见到应当直接改成本来意思的错字。每一条是一个 `slip`（打错的写法）和它本来的意思 `meant`，并用注释说明原因。
""",
    },
)

EXAMPLE_FIX = """\
```yaml
confusions:
  # the pinyin input method offers 登陆 first
  - slip: 登陆
    meant: 登录
```"""

for code, name, summary, fix, title, fails_en, fails_zh in (
    (
        "IMC001",
        "slips-file-unreadable",
        "The slip list cannot be read or is not valid YAML.",
        "Fix the YAML: a top-level `confusions:` list of entries, each with `slip` and `meant`.",
        {"en": "Slip list not readable", "zh": "错字表无法读取"},
        "confusions:\n  - slip: 登陆\n   meant: 登录",
        "confusions:\n  - slip: 登陆\n   meant: 登录",
    ),
    (
        "IMC002",
        "slip-entry-invalid",
        "An entry of the slip list lacks `slip` or `meant`, or one is not Chinese text.",
        "Give each entry both keys, each a few Chinese characters.",
        {"en": "Slip entry incomplete", "zh": "错字表条目不完整"},
        "confusions:\n  - slip: 登陆",
        "confusions:\n  - slip: 登陆",
    ),
    (
        "IMC003",
        "slip-means-itself",
        "An entry's `slip` and `meant` are the same.",
        "Write the wrong form as `slip` and the right one as `meant`, or remove the entry.",
        {"en": "Slip means itself", "zh": "错字与正字相同"},
        "confusions:\n  - slip: 登录\n    meant: 登录",
        "confusions:\n  - slip: 登录\n    meant: 登录",
    ),
    (
        "IMC004",
        "slip-repeated",
        "The same `slip` is listed twice.",
        "Keep one entry for each slip.",
        {"en": "Slip listed twice", "zh": "错字重复"},
        "confusions:\n  - slip: 登陆\n    meant: 登录\n  - slip: 登陆\n    meant: 登入",
        "confusions:\n  - slip: 登陆\n    meant: 登录\n  - slip: 登陆\n    meant: 登入",
    ),
):
    rule(
        code,
        name,
        Severity.ERROR,
        summary,
        fix,
        title=title,
        doc={
            "en": f"{summary}\n\nFailing example:\n\n```yaml\n{fails_en}\n```\n\n"
            f"Fix: {fix}\n\n{EXAMPLE_FIX}\n",
            "zh": f"{title['zh']}。\n\n错误示例：\n\n```yaml\n{fails_zh}\n```\n\n"
            f"改法：每一条写成打错的 `slip` 和本来的 `meant`，各自不同，且不重复。\n\n{EXAMPLE_FIX}\n",
        },
    )(confusion_findings)
