"""The list of written-Cantonese words (data/written-cantonese.yml), checked
before the build.

The search-index build step (kb/build/search_index.py) owns the format:
`load_cantonese` validates the file and raises a SearchIndexError with a YUE
code at the first problem. These rules call that same function, so `make check`
and `make build` report the same error.
"""

from __future__ import annotations

from ..build import search_index
from ..findings import Severity, family, rule
from .data_files import loader_findings

_findings = loader_findings("data/written-cantonese.yml", search_index.load_cantonese)


def cantonese_findings(docs, self):
    # Defined here, so that the rules' file is this one (make check --list-rules).
    return _findings(docs, self)


family(
    "YUE",
    "written-cantonese",
    title={"en": "Written Cantonese (YUE)", "zh": "粤语书面词表（YUE）"},
    doc={
        "en": """\
Hong Kong readers often search as they speak: 收唔到驗證碼 (cannot receive the code), 部電話唔見咗 (my phone is lost). The articles are in Mandarin, so 唔, 咗 and 係咪 match nothing and the query loses its main word. Search replaces each entry of `data/written-cantonese.yml` by its Mandarin before cutting the query into words, after converting Traditional characters to Simplified. Each entry is a `cantonese` form, written as readers type it, and the `mandarin` the articles use. A character that is also a Mandarin word (係, 點) only appears inside a longer entry.
""",
        "zh": """\
香港读者常按口语搜索：收唔到驗證碼（收不到验证码）、部電話唔見咗（手机不见了）。文章用普通话书面语写成，唔、咗、係咪在文章里找不到，查询就丢了关键词。搜索在把查询切成词之前，先把繁体转成简体，再把 `data/written-cantonese.yml` 中的每一条换成对应的普通话。每一条是读者写的粤语 `cantonese` 和文章用的普通话 `mandarin`。本身也是普通话词的字（係、點）只放在更长的条目里。
""",
    },
)

EXAMPLE_FIX = """\
```yaml
words:
  - cantonese: 唔見
    mandarin: 不见
```"""

for code, name, summary, fix, title, fails in (
    (
        "YUE001",
        "cantonese-file-unreadable",
        "The written-Cantonese list cannot be read or is not valid YAML.",
        "Fix the YAML: a top-level `words:` list of entries, each with `cantonese` and `mandarin`.",
        {"en": "Cantonese list not readable", "zh": "粤语词表无法读取"},
        "words:\n  - cantonese: 唔見\n   mandarin: 不见",
    ),
    (
        "YUE002",
        "cantonese-entry-invalid",
        "An entry lacks `cantonese` or `mandarin`, or one is not Chinese text.",
        "Give each entry both keys, each Chinese characters only.",
        {"en": "Cantonese entry incomplete", "zh": "粤语词条不完整"},
        "words:\n  - cantonese: 唔見",
    ),
    (
        "YUE003",
        "cantonese-means-itself",
        "An entry's `cantonese` and `mandarin` are the same.",
        "Write the Cantonese form as `cantonese` and the Mandarin as `mandarin`, or remove the entry.",
        {"en": "Cantonese entry means itself", "zh": "粤语与普通话相同"},
        "words:\n  - cantonese: 不见\n    mandarin: 不见",
    ),
    (
        "YUE004",
        "cantonese-repeated",
        "The same `cantonese` form is listed twice.",
        "Keep one entry for each Cantonese form.",
        {"en": "Cantonese entry listed twice", "zh": "粤语词条重复"},
        "words:\n  - cantonese: 唔見\n    mandarin: 不见\n  - cantonese: 唔見\n    mandarin: 丢失",
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
            "en": f"{summary}\n\nFailing example:\n\n```yaml\n{fails}\n```\n\nFix: {fix}\n\n{EXAMPLE_FIX}\n",
            "zh": f"{title['zh']}。\n\n错误示例：\n\n```yaml\n{fails}\n```\n\n"
            f"改法：每一条写成读者写的粤语 `cantonese` 和文章用的普通话 `mandarin`，两者不同，且不重复。\n\n{EXAMPLE_FIX}\n",
        },
    )(cantonese_findings)
