"""The reader vocabulary (data/reader-vocabulary.yml), checked before the build.

The search-index build step (kb/build/search_index.py) owns the format:
`load_vocabulary` validates the file and raises a SearchIndexError with a VOC
code at the first problem. These rules call that same function, so `make check`
and `make build` report the same error.
"""

from __future__ import annotations

from ..build import search_index
from ..findings import Severity, family, rule
from .data_files import loader_findings

_findings = loader_findings("data/reader-vocabulary.yml", search_index.load_vocabulary)


def vocabulary_findings(docs, self):
    # Defined here, so that the rules' file is this one (make check --list-rules).
    return _findings(docs, self)


family(
    "VOC",
    "vocabulary",
    title={"en": "Reader vocabulary (VOC)", "zh": "读者用词表（VOC）"},
    doc={
        "en": """\
`data/reader-vocabulary.yml` maps the words readers type in the search box to the words the articles use, per language: `stopwords` dropped from queries and `synonyms`, each with `readers` phrases, `articles` words and `from` (where the entry comes from). The build copies it into each search index; `make check` validates it with the same code first. The comments at the top of the file explain the matching rules.
""",
        "zh": """\
`data/reader-vocabulary.yml` 按语言列出读者在搜索框里输入的词和文章所用词的对应关系：`stopwords` 是查询时去掉的词，`synonyms` 的每一项有 `readers`（读者的说法）、`articles`（文章的用词）和 `from`（这一项的来源）。构建时会把它复制到每种语言的搜索索引里；`make check` 会先用同样的代码检查它。匹配规则见文件开头的注释。
""",
    },
)

rule(
    "VOC001",
    "vocabulary-unreadable",
    Severity.ERROR,
    "The reader vocabulary cannot be read or is not valid YAML.",
    "Fix the YAML at the reported line (spaces for indentation, `key: value`).",
    title={"en": "Vocabulary not valid YAML", "zh": "用词表不是有效的 YAML"},
    doc={
        "en": """\
The file cannot be read, or is not valid YAML. A common cause is a bracketed list that is not closed, or a full-width comma between its items.

Failing example:

```yaml
    - readers: [登不上，登录不了
      articles: [无法登录]
```

Fix: close the list and separate the items with half-width commas: `readers: [登不上, 登录不了]`.
""",
        "zh": """\
文件无法读取，或者不是有效的 YAML。常见原因是方括号列表没有闭合，或者列表项之间用了全角逗号。

错误示例：

```yaml
    - readers: [登不上，登录不了
      articles: [无法登录]
```

改法：闭合列表，列表项之间用半角逗号：`readers: [登不上, 登录不了]`。
""",
    },
)(vocabulary_findings)

rule(
    "VOC002",
    "vocabulary-schema",
    Severity.ERROR,
    "The reader vocabulary does not have the expected keys or values.",
    "Give each synonym entry `readers`, `articles` and `from` (style-guide, articles, usage or ui).",
    title={"en": "Vocabulary entry malformed", "zh": "用词表条目格式不对"},
    doc={
        "en": """\
Each language has `stopwords` and `synonyms`; each synonym entry has non-empty `readers` and `articles` lists and a `from` of `style-guide`, `articles`, `usage` or `ui`, and nothing else. The report names the key and its line.

Failing example:

```yaml
    - readers: [2FA]
      article: [两步验证]
      from: users
```

Fix: use the expected key and value.

```yaml
    - readers: [2FA]
      articles: [两步验证]
      from: usage
```
""",
        "zh": """\
每种语言都有 `stopwords` 和 `synonyms`；每个同义词条目都有非空的 `readers` 和 `articles` 列表，以及一个 `from`，取值为 `style-guide`、`articles`、`usage` 或 `ui`，不能有别的键。报告会指出出错的键和所在行。

错误示例：

```yaml
    - readers: [2FA]
      article: [两步验证]
      from: users
```

改法：使用规定的键和值。

```yaml
    - readers: [2FA]
      articles: [两步验证]
      from: usage
```
""",
    },
)(vocabulary_findings)

rule(
    "VOC003",
    "vocabulary-phrase",
    Severity.ERROR,
    "A vocabulary phrase is repeated in its list, or has an empty part around `+`.",
    "Remove the repeated phrase; write `a+b` with words on both sides of `+`.",
    title={"en": "Repeated or broken phrase", "zh": "词语重复或写法不完整"},
    doc={
        "en": """\
A phrase appears twice in the same `readers` or `articles` list, or an `a+b` phrase (all parts must occur in the query) has nothing on one side of a `+`.

Failing example:

```yaml
    - readers:
        - 登不上
        - 登录+
        - 登不上
```

Fix: keep each phrase once, and write both parts of an `a+b` phrase: `readers: [登不上, 登录+问题]`.
""",
        "zh": """\
同一个 `readers` 或 `articles` 列表里有重复的词语，或者 `a+b` 形式的词语（查询里要同时出现各个部分）在某个 `+` 的一侧是空的。

错误示例：

```yaml
    - readers:
        - 登不上
        - 登录+
        - 登不上
```

改法：每个词语只保留一次，`a+b` 的两部分都要写：`readers: [登不上, 登录+问题]`。
""",
    },
)(vocabulary_findings)
