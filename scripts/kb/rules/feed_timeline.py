"""The policy timeline (docs/<lang>/timeline.md) in the fixed form the Atom feed
is built from, checked before the build.

The build step (kb/build/feed.py) owns the format: `parse_timeline` reads the
page and raises a FeedError with a FEED code at the first problem. These rules
call that same function on the text `make check` has already read, so the check
and the build can never disagree; each code's rule reports the errors of its
code. FEED021 concerns the built site, so only `make build` can report it.
"""

from __future__ import annotations

from ..build import feed
from ..findings import Severity, family, once_per_tree, relative_path, rule
from ..site.model import CONFIGS


@once_per_tree
def timeline_errors(docs) -> list[feed.FeedError]:
    """The first error of each language's timeline (and of its config's feed keys)."""
    broken_configs = {path for path, _line, _message in docs.config_errors}
    errors = []
    for lang, config in CONFIGS.items():
        page = docs.page(lang, feed.TIMELINE)
        if page is None:
            continue  # a tree without a timeline (ST017/TR001 say if one is missing)
        try:
            if config not in broken_configs:  # ST020 reports an unreadable config
                feed.load_config(docs.root / config)
            feed.parse_timeline(docs.root / page.path, page.text)
        except feed.FeedError as error:
            errors.append(error)
    return errors


def timeline_findings(docs, self):
    for error in timeline_errors(docs):
        if error.code == self.code:
            yield self.at(relative_path(docs.root, error.path), error.line, 0, error.message)


def reported_by_the_build(docs, self):
    """A code about the built site: nothing to check before the build."""
    return ()


family(
    "FEED",
    "timeline",
    title={"en": "Policy timeline and its feed (FEED)", "zh": "政策时间线和订阅源（FEED）"},
    doc={
        "en": """\
The policy timeline (`timeline.md` in each language) is written in a fixed form, because the build turns it into an Atom feed (`timeline.xml`): one `## YYYY { #yYYYY }` heading per year and one `### YYYY-MM-DD Title { #eYYYY-MM-DD-slug }` heading per entry, both newest first; under each entry a summary paragraph, then the confidence label, then a link to the article that explains it. `make check` reads the timeline with the same code as the build and reports the first problem of each language; the build stops on it too.

```markdown
## 2025 { #y2025 }

### 2025-01-17 INFORM penalty cap raised { #e2025-01-17-penalty-2025 }

One-paragraph summary of what changed.

**Confidence**: confirmed

Details: [Deadlines and suspension](inform-act/deadlines-and-suspension.md)
```
""",
        "zh": """\
政策时间线（各语言的 `timeline.md`）必须按固定格式写，因为构建时会把它转成 Atom 订阅源（`timeline.xml`）：每年一个 `## YYYY { #yYYYY }` 标题，每个条目一个 `### YYYY-MM-DD 标题 { #eYYYY-MM-DD-slug }` 标题，都按从新到旧排列；每个条目下面先写一段摘要，再写可信度，然后是解释这件事的文章链接。`make check` 用和构建相同的代码读取时间线，报告每种语言的第一个问题；构建也会在同一处停止。

```markdown
## 2025 { #y2025 }

### 2025-01-17 违反 INFORM 的罚款上限调整 { #e2025-01-17-penalty-2025 }

用一段话说明发生了什么变化。

**可信度**：已确认

详见：[截止日期与停用](inform-act/deadlines-and-suspension.md)
```
""",
    },
)

rule(
    "FEED001",
    "timeline-unreadable",
    Severity.ERROR,
    "The timeline page cannot be read (missing or not UTF-8).",
    "Save timeline.md as UTF-8 (see ST002) in the language's docs folder.",
    title={"en": "Timeline cannot be read", "zh": "时间线无法读取"},
    doc={
        "en": """\
The timeline page could not be read: it is not saved as UTF-8, or the file could not be opened.

Failing example: `docs/zh/timeline.md` saved in Notepad with the encoding **ANSI** (GBK).

Fix: save the file again as UTF-8 (see ST002).
""",
        "zh": """\
无法读取时间线页面：文件不是 UTF-8 编码，或者无法打开。

错误示例：在记事本里用 **ANSI**（GBK）编码保存的 `docs/zh/timeline.md`。

改法：用 UTF-8 重新保存这个文件（见 ST002）。
""",
    },
)(timeline_findings)

rule(
    "FEED002",
    "timeline-yaml-invalid",
    Severity.ERROR,
    "The timeline's front matter, or a config the feed reads, is not valid YAML.",
    "Write each line as `key: value` with a half-width colon and a space (see FM004).",
    title={
        "en": "Invalid YAML in the timeline or its config",
        "zh": "时间线或配置的 YAML 格式错误",
    },
    doc={
        "en": """\
The front matter of the timeline, or the MkDocs configuration the feed reads, is not valid YAML.

Failing example:

```yaml
---
title：Policy timeline
---
```

Fix: write each line as `key: value`, with a half-width colon followed by a space (as for FM004).
""",
        "zh": """\
时间线的前置元数据，或订阅源读取的 MkDocs 配置，不是有效的 YAML。

错误示例：

```yaml
---
title：政策时间线
---
```

改法：每行写成 `键: 值`，用半角冒号，冒号后加一个空格（同 FM004）。
""",
    },
)(timeline_findings)

rule(
    "FEED003",
    "feed-config-incomplete",
    Severity.ERROR,
    "A MkDocs config lacks `site_url`, `docs_dir` or `site_dir`, which the feed needs.",
    "Keep `site_url`, `docs_dir` and `site_dir` in mkdocs.yml and mkdocs.en.yml.",
    title={"en": "Config lacks a key the feed needs", "zh": "配置缺少订阅源需要的键"},
    doc={
        "en": """\
The feed's addresses come from `site_url`, and its place in the built site from `docs_dir` and `site_dir`; the English `site_dir` must lie inside the Chinese one. One of them is missing or empty.

Failing example: `mkdocs.en.yml` without its `site_url: https://seller-access-guide.github.io/en/` line.

Fix: put the key back, as the other configuration file has it for its language.
""",
        "zh": """\
订阅源的地址来自 `site_url`，它在构建结果中的位置来自 `docs_dir` 和 `site_dir`；英文版的 `site_dir` 必须在中文版的 `site_dir` 之内。其中某个键缺失或为空。

错误示例：`mkdocs.en.yml` 里少了 `site_url: https://seller-access-guide.github.io/en/` 这一行。

改法：把这个键补回去，写法参照另一个配置文件中对应语言的设置。
""",
    },
)(timeline_findings)

rule(
    "FEED004",
    "timeline-title-missing",
    Severity.ERROR,
    "The timeline's front matter has no `title` (the feed's title).",
    "Add `title:` to the timeline's front matter.",
    title={"en": "Timeline without a title", "zh": "时间线没有标题"},
    doc={
        "en": """\
The timeline's front matter has no `title`, which becomes the title of the feed.

Failing example:

```yaml
---
description: Dated policy milestones.
---
```

Fix: add `title: Policy timeline` to the front matter.
""",
        "zh": """\
时间线的前置元数据里没有 `title`，而订阅源的标题就来自它。

错误示例：

```yaml
---
description: 带日期的政策节点。
---
```

改法：在前置元数据里加上 `title: 政策时间线`。
""",
    },
)(timeline_findings)

rule(
    "FEED010",
    "timeline-entry-before-year",
    Severity.ERROR,
    "A timeline entry comes before the first year heading.",
    "Put a `## YYYY { #yYYYY }` heading above the entry.",
    title={"en": "Entry before the first year", "zh": "条目在第一个年份标题之前"},
    doc={
        "en": """\
An entry heading (`###`) comes before the first year heading (`##`), so it belongs to no year.

Failing example:

```markdown
### 2025-01-17 INFORM penalty cap raised { #e2025-01-17-penalty-2025 }
```

Fix: add the year heading above it.

```markdown
## 2025 { #y2025 }

### 2025-01-17 INFORM penalty cap raised { #e2025-01-17-penalty-2025 }
```
""",
        "zh": """\
条目标题（`###`）出现在第一个年份标题（`##`）之前，不属于任何年份。

错误示例：

```markdown
### 2025-01-17 违反 INFORM 的罚款上限调整 { #e2025-01-17-penalty-2025 }
```

改法：在它上面加上年份标题。

```markdown
## 2025 { #y2025 }

### 2025-01-17 违反 INFORM 的罚款上限调整 { #e2025-01-17-penalty-2025 }
```
""",
    },
)(timeline_findings)

rule(
    "FEED011",
    "timeline-year-heading",
    Severity.ERROR,
    "A year heading is not `## YYYY { #yYYYY }`.",
    "Write the year heading as `## 2025 { #y2025 }`.",
    title={"en": "Year heading not in the fixed form", "zh": "年份标题格式不对"},
    doc={
        "en": """\
Every H2 of the timeline is a year, written `## YYYY { #yYYYY }`: the year alone, with the ID `y` + the year.

Failing example:

```markdown
## Year 2025 { #2025 }
```

Fix:

```markdown
## 2025 { #y2025 }
```
""",
        "zh": """\
时间线的每个二级标题都是一个年份，写作 `## YYYY { #yYYYY }`：只写年份，ID 是 `y` 加年份。

错误示例：

```markdown
## 2025 年 { #2025 }
```

改法：

```markdown
## 2025 { #y2025 }
```
""",
    },
)(timeline_findings)

rule(
    "FEED012",
    "timeline-entry-heading",
    Severity.ERROR,
    "An entry heading is not `### YYYY-MM-DD Title { #eYYYY-MM-DD-slug }`.",
    "Write the entry heading as `### 2025-01-17 Title { #e2025-01-17-short-slug }`.",
    title={"en": "Entry heading not in the fixed form", "zh": "条目标题格式不对"},
    doc={
        "en": """\
Every H3 of the timeline is an entry: its date as YYYY-MM-DD, a title, and an ID.

Failing example:

```markdown
### January 17, 2025: INFORM penalty cap raised
```

Fix:

```markdown
### 2025-01-17 INFORM penalty cap raised { #e2025-01-17-penalty-2025 }
```
""",
        "zh": """\
时间线的每个三级标题都是一个条目：先写 YYYY-MM-DD 格式的日期，再写标题和 ID。

错误示例：

```markdown
### 2025 年 1 月 17 日：违反 INFORM 的罚款上限调整
```

改法：

```markdown
### 2025-01-17 违反 INFORM 的罚款上限调整 { #e2025-01-17-penalty-2025 }
```
""",
    },
)(timeline_findings)

rule(
    "FEED013",
    "timeline-date-invalid",
    Severity.ERROR,
    "An entry's date is not a real calendar date.",
    "Correct the date (YYYY-MM-DD, a day that exists).",
    title={"en": "Not a real date", "zh": "日期不存在"},
    doc={
        "en": """\
The entry's date has the right form but is not a day of the calendar.

Failing example:

```markdown
### 2025-02-30 INFORM penalty cap raised { #e2025-02-30-penalty-2025 }
```

Fix: write the real date of the event, as given by its source, in the heading and in the ID.
""",
        "zh": """\
条目日期的格式对，但日历上没有这一天。

错误示例：

```markdown
### 2025-02-30 违反 INFORM 的罚款上限调整 { #e2025-02-30-penalty-2025 }
```

改法：按来源写出事件的真实日期，标题和 ID 里都要改。
""",
    },
)(timeline_findings)

rule(
    "FEED014",
    "timeline-entry-wrong-year",
    Severity.ERROR,
    "An entry's date is not in the year of the heading above it.",
    "Move the entry under its year's heading.",
    title={"en": "Entry under the wrong year", "zh": "条目放错了年份"},
    doc={
        "en": """\
The entry's date falls in another year than the year heading it is under.

Failing example:

```markdown
## 2025 { #y2025 }

### 2024-12-31 INFORM penalty cap raised { #e2024-12-31-penalty }
```

Fix: move the entry under `## 2024 { #y2024 }` (add that heading if it is missing).
""",
        "zh": """\
条目的日期和它所在的年份标题不是同一年。

错误示例：

```markdown
## 2025 { #y2025 }

### 2024-12-31 违反 INFORM 的罚款上限调整 { #e2024-12-31-penalty }
```

改法：把条目移到 `## 2024 { #y2024 }` 下面（没有这个标题就加上）。
""",
    },
)(timeline_findings)

rule(
    "FEED015",
    "timeline-entry-id",
    Severity.ERROR,
    "An entry's ID is not `e` + its date + `-` + a lowercase slug.",
    "Write the ID as `e2025-01-17-short-slug` (lowercase letters, digits, hyphens).",
    title={"en": "Entry ID not in the fixed form", "zh": "条目 ID 格式不对"},
    doc={
        "en": """\
The ID of an entry is `e`, its date, a hyphen and a short slug of lowercase letters and digits joined by hyphens. The feed links to it, so it must not change once published.

Failing example:

```markdown
### 2025-01-17 INFORM penalty cap raised { #penalty_2025 }
```

Fix:

```markdown
### 2025-01-17 INFORM penalty cap raised { #e2025-01-17-penalty-2025 }
```
""",
        "zh": """\
条目 ID 由 `e`、日期、一个连字符和一个简短的英文标识组成，标识只用小写字母和数字，用连字符连接。订阅源链接到这个 ID，发布后不能再改。

错误示例：

```markdown
### 2025-01-17 违反 INFORM 的罚款上限调整 { #罚款上限 }
```

改法：

```markdown
### 2025-01-17 违反 INFORM 的罚款上限调整 { #e2025-01-17-penalty-2025 }
```
""",
    },
)(timeline_findings)

rule(
    "FEED016",
    "timeline-entry-id-duplicate",
    Severity.ERROR,
    "Two timeline entries have the same ID.",
    "Give each entry its own slug after the date.",
    title={"en": "Entry ID used twice", "zh": "条目 ID 重复"},
    doc={
        "en": """\
Two entries have the same ID, so the feed would have two entries with one address.

Failing example:

```markdown
### 2024-04-15 Certification notices { #e2024-04-15-notices }
### 2024-04-15 Certification notices for individuals { #e2024-04-15-notices }
```

Fix: give the second entry its own slug, for example `{ #e2024-04-15-notices-individuals }`.
""",
        "zh": """\
两个条目的 ID 相同，订阅源里就会有两个条目共用一个地址。

错误示例：

```markdown
### 2024-04-15 年度认证通知 { #e2024-04-15-notices }
### 2024-04-15 个人卖家的年度认证通知 { #e2024-04-15-notices }
```

改法：给第二个条目换一个标识，例如 `{ #e2024-04-15-notices-individuals }`。
""",
    },
)(timeline_findings)

rule(
    "FEED017",
    "timeline-entry-summary-missing",
    Severity.ERROR,
    "A timeline entry has no summary paragraph after its heading.",
    "Write one paragraph saying what changed, right under the entry's heading.",
    title={"en": "Entry without a summary", "zh": "条目没有摘要"},
    doc={
        "en": """\
The first paragraph under an entry's heading is its summary in the feed; this entry has none.

Failing example:

```markdown
### 2025-01-17 INFORM penalty cap raised { #e2025-01-17-penalty-2025 }

### 2024-04-15 Certification notices { #e2024-04-15-notices }
```

Fix: write one paragraph under the heading saying what changed, then the confidence label and the link.
""",
        "zh": """\
条目标题下面的第一段就是它在订阅源里的摘要；这个条目没有。

错误示例：

```markdown
### 2025-01-17 违反 INFORM 的罚款上限调整 { #e2025-01-17-penalty-2025 }

### 2024-04-15 年度认证通知 { #e2024-04-15-notices }
```

改法：在标题下面用一段话说明发生了什么变化，再写可信度和文章链接。
""",
    },
)(timeline_findings)

rule(
    "FEED018",
    "timeline-entry-link-missing",
    Severity.ERROR,
    "A timeline entry has no link to the article that explains it.",
    "Add a paragraph with a link to the article, after the summary.",
    title={"en": "Entry without a link to its article", "zh": "条目没有文章链接"},
    doc={
        "en": """\
After its summary, every entry links to the article that explains what to do; the feed gives that link to readers.

Failing example:

```markdown
### 2025-01-17 INFORM penalty cap raised { #e2025-01-17-penalty-2025 }

The maximum civil penalty per violation was adjusted.

**Confidence**: confirmed
```

Fix: add the link as a paragraph after the summary.

```markdown
Details: [Deadlines and suspension](inform-act/deadlines-and-suspension.md)
```
""",
        "zh": """\
每个条目在摘要之后都要链接到说明怎么处理的文章；订阅源会把这个链接给读者。

错误示例：

```markdown
### 2025-01-17 违反 INFORM 的罚款上限调整 { #e2025-01-17-penalty-2025 }

每次违规的民事罚款上限已调整。

**可信度**：已确认
```

改法：在摘要之后加一段文章链接。

```markdown
详见：[截止日期与停用](inform-act/deadlines-and-suspension.md)
```
""",
    },
)(timeline_findings)

rule(
    "FEED019",
    "timeline-not-newest-first",
    Severity.ERROR,
    "Timeline years or entries are not in newest-first order.",
    "Order the years, and the entries in each year, from newest to oldest.",
    title={"en": "Not newest first", "zh": "没有按从新到旧排列"},
    doc={
        "en": """\
Years, and the entries within a year, go from newest to oldest, as readers and the feed expect.

Failing example:

```markdown
## 2024 { #y2024 }
## 2025 { #y2025 }
```

Fix: move the newer year (or entry) above the older one.
""",
        "zh": """\
年份以及同一年内的条目都按从新到旧排列，这是读者和订阅源预期的顺序。

错误示例：

```markdown
## 2024 { #y2024 }
## 2025 { #y2025 }
```

改法：把较新的年份（或条目）移到较旧的前面。
""",
    },
)(timeline_findings)

rule(
    "FEED020",
    "timeline-empty",
    Severity.ERROR,
    "The timeline has no entries.",
    "Write at least one `### YYYY-MM-DD Title { #eYYYY-MM-DD-slug }` entry.",
    title={"en": "Timeline without entries", "zh": "时间线没有条目"},
    doc={
        "en": """\
No entry heading was found, so the feed would be empty. Often the entries are written with another heading level.

Failing example:

```markdown
#### 2025-01-17 INFORM penalty cap raised
```

Fix: write each entry as an H3 in the fixed form, under its year.

```markdown
### 2025-01-17 INFORM penalty cap raised { #e2025-01-17-penalty-2025 }
```
""",
        "zh": """\
没有找到任何条目标题，订阅源会是空的。常见原因是条目用了别的标题级别。

错误示例：

```markdown
#### 2025-01-17 违反 INFORM 的罚款上限调整
```

改法：每个条目都按固定格式写成三级标题，放在对应的年份下面。

```markdown
### 2025-01-17 违反 INFORM 的罚款上限调整 { #e2025-01-17-penalty-2025 }
```
""",
    },
)(timeline_findings)

rule(
    "FEED021",
    "feed-site-missing",
    Severity.ERROR,
    "The built site the feed is written into does not exist (reported by make build).",
    "Build with `make build`, which runs MkDocs before writing the feed.",
    title={"en": "Built site not found", "zh": "找不到构建结果"},
    doc={
        "en": """\
Reported by `make build` only: the feed step found no built site to write `timeline.xml` into, because `mkdocs build` did not run or wrote elsewhere.

Failing example:

```sh
python -m kb postbuild site
```

run on a fresh clone, before any `mkdocs build`.

Fix: run `make build`, which builds both languages and then writes the feeds.
""",
        "zh": """\
只有 `make build` 会报告：写入 `timeline.xml` 时找不到构建结果，因为没有先运行 `mkdocs build`，或者构建结果写到了别处。

错误示例：

```sh
python -m kb postbuild site
```

在刚克隆的仓库里、还没运行过 `mkdocs build` 时直接执行。

改法：运行 `make build`，它会先构建两种语言，再写订阅源。
""",
    },
)(reported_by_the_build)
