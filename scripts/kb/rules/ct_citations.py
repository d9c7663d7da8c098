"""Citations: every source is defined once in data/sources.yml, listed by id in
a page's front matter `sources`, and cited where its claim is stated, as
`[@id]` (several: `[@id-one; @id-two]`). The citation extension
(kb.markdown.citations) renders them; these rules keep the three in step and
ask for a citation on every sentence, list item or table row that states a
date, an amount of money or a number of days (kb.site.claims, the same
classifier the built-site measurement uses).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Severity, family, rule
from ..site.claims import CITATION, CODE_SPAN, SOURCE_ID, Unit, citation_ids, markdown_units
from ..site.model import Docs, Page
from ..site.sources import REGISTRY, Registry, registry_of

# CT004 applies to the pages that tell a seller what Amazon or the law
# requires. Not to `home` (links to the articles) nor to `reference` pages:
# the glossary, the timeline, the about page, the contributor pages and the
# list of official domains define terms, describe this project, or list dated
# entries whose date is the entry's name; their facts are stated, and cited,
# in the articles they link to. CT001-CT003 apply to every page.
POLICY_KINDS = {"overview", "troubleshooting", "guide", "tool"}


@dataclass(frozen=True)
class Citation:
    id: str
    line: int
    col: int
    marker: str  # as written, e.g. "[@a; @b]"


@dataclass
class PageCitations:
    citations: list[Citation] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)


def _page_citations(page: Page) -> PageCitations:
    found = PageCitations()
    tokens = page.tokens  # the model's parse (empty when the body could not be parsed)
    for token in tokens:
        if token.type != "inline" or not token.map:
            continue
        # Code spans keep `[@id]` as text, as the extension does.
        content = CODE_SPAN.sub(
            lambda m: "".join(c if c == "\n" else " " for c in m[0]), token.content
        )
        for match in CITATION.finditer(content):
            line = token.map[0] + 1 + content.count("\n", 0, match.start())
            text = page.lines[line - 1] if line - 1 < len(page.lines) else ""
            col = text.find(match.group(0)) + 1 or 1
            for source_id in citation_ids(match.group(1)) or [""]:
                found.citations.append(Citation(source_id, line, col, match.group(0)))
    found.units = list(markdown_units(tokens))
    return found


def _citations(docs: Docs) -> dict[str, PageCitations]:
    """Citations and claim units of every page, computed once per run."""
    cached = vars(docs).get("_citations")
    if cached is None:
        cached = {page.display: _page_citations(page) for page in docs.pages}
        vars(docs)["_citations"] = cached
    return cached


def _listed(page: Page) -> list[tuple[str, int, int]]:
    """(id, line, col) of each text item of the front matter's `sources`."""
    sources = page.meta.get("sources")
    if not isinstance(sources, list):
        return []
    listed = []
    for index, source_id in enumerate(sources):
        if isinstance(source_id, str):
            line, col = page.front_matter_positions.get(("sources", index), (1, 1))
            listed.append((source_id, line, col))
    return listed


def _registry(docs: Docs) -> Registry:
    return registry_of(docs.root)


def _missing(registry: Registry, source_id: str) -> str:
    if not registry.exists:
        return f"{REGISTRY.as_posix()} not found"
    if not SOURCE_ID.fullmatch(source_id):
        return "not a source id (lowercase letters and digits in hyphen-separated words)"
    return f"no source with this id in {REGISTRY.as_posix()}"


family(
    "CT",
    "citations",
    title={"en": "Citations (CT)", "zh": "引用（CT）"},
    doc={
        "en": """\
Every source is defined once, in `data/sources.yml`; a page lists the ids it uses in its front matter's `sources` and cites each where its claim is stated, as `[@id]` (several: `[@id-one; @id-two]`). The site shows a citation as a superscript number that leads to the source list at the end of the page. How to cite and how to add a source: [Contributing](index.md#citations).
""",
        "zh": """\
每个来源只在 `data/sources.yml` 里定义一次；页面在前置元数据的 `sources` 里列出它用到的来源 id，并在陈述处用 `[@id]` 引用（几个来源：`[@id-one; @id-two]`）。网站把引用显示为上标编号，点击跳到页面末尾的来源列表。怎样引用、怎样添加来源，见[参与贡献](index.md#citations)。
""",
    },
)


@rule(
    "CT001",
    "citation-unknown",
    Severity.ERROR,
    "A citation `[@id]` or a front-matter source id is not defined in data/sources.yml.",
    "Correct the id (copy it from data/sources.yml), or add the source there: url, "
    "title (zh, en) and accessed.",
    title={"en": "Unknown source id", "zh": "引用的来源不存在"},
    doc={
        "en": "A citation must lead to a source. `[@id]` in the text and each id in the front "
        "matter's `sources` must be an id defined in `data/sources.yml`; the page shows a red "
        "“missing source” marker instead of a number, and the build fails.\n\n"
        "Fails:\n\n```markdown\nCodes expire after 10 minutes [@sc-2sv-faq].\n```\n\n"
        "Fix:\n\n```markdown\nCodes expire after 10 minutes [@sc-us-2sv-faq-202153510].\n```",
        "zh": "引用必须能找到来源。正文里的 `[@id]` 和 front matter `sources` 里的每个 id 都必须"
        "在 `data/sources.yml` 中定义；否则页面上显示红色的“来源缺失”标记而不是编号，构建也会失败。"
        "\n\n不通过：\n\n```markdown\n验证码 10 分钟后失效[@sc-2sv-faq]。\n```\n\n"
        "修改：\n\n```markdown\n验证码 10 分钟后失效[@sc-us-2sv-faq-202153510]。\n```",
    },
)
def citation_unknown(docs, self):
    registry = _registry(docs)
    for page in docs.pages:
        for citation in _citations(docs)[page.display].citations:
            if citation.id not in registry:
                why = _missing(registry, citation.id)
                yield self.at(
                    page.display, citation.line, citation.col, f"citation [@{citation.id}]: {why}"
                )
        for source_id, line, col in _listed(page):
            if source_id not in registry and SOURCE_ID.fullmatch(source_id):
                why = _missing(registry, source_id)
                yield self.at(page.display, line, col, f"`sources` lists `{source_id}`: {why}")


@rule(
    "CT002",
    "source-never-cited",
    Severity.ERROR,
    "A source listed in the front matter's `sources` is never cited on the page.",
    "Cite it where its claim is stated, `[@id]`, or remove it from `sources`.",
    title={"en": "Listed source never cited", "zh": "列出的来源没有被引用"},
    doc={
        "en": "Readers need to see which sentence a source backs, so a source is cited where "
        "its claim is stated, not only listed. Every id in the front matter's `sources` is "
        "cited at least once in the text.\n\n"
        "Fails:\n\n```markdown\n---\nsources:\n  - sc-us-2sv-faq-202153510\n---\n\n"
        "Codes expire after 10 minutes.\n```\n\n"
        "Fix:\n\n```markdown\n---\nsources:\n  - sc-us-2sv-faq-202153510\n---\n\n"
        "Codes expire after 10 minutes [@sc-us-2sv-faq-202153510].\n```",
        "zh": "读者要能看到每个来源支持哪一句话，所以来源要在陈述处引用，而不只是列出。"
        "front matter `sources` 里的每个 id 都要在正文中至少引用一次。\n\n"
        "不通过：\n\n```markdown\n---\nsources:\n  - sc-us-2sv-faq-202153510\n---\n\n"
        "验证码 10 分钟后失效。\n```\n\n"
        "修改：\n\n```markdown\n---\nsources:\n  - sc-us-2sv-faq-202153510\n---\n\n"
        "验证码 10 分钟后失效[@sc-us-2sv-faq-202153510]。\n```",
    },
)
def source_never_cited(docs, self):
    for page in docs.pages:
        cited = {citation.id for citation in _citations(docs)[page.display].citations}
        for source_id, line, col in _listed(page):
            if source_id not in cited:
                yield self.at(
                    page.display,
                    line,
                    col,
                    f"source `{source_id}` is listed but never cited on the page",
                )


@rule(
    "CT003",
    "citation-not-listed",
    Severity.ERROR,
    "The text cites a source that the front matter's `sources` does not list.",
    "Add the id to the page's `sources` list (official sources first).",
    title={"en": "Cited source not listed", "zh": "引用的来源没有列在 sources 里"},
    doc={
        "en": "The front matter's `sources` is the page's declared list of what it relies "
        "on: reviewers read it, and CT002 checks that each listed source is cited. So every "
        "source cited in the text is listed there too.\n\n"
        "Fails:\n\n```markdown\n---\nsources: []\n---\n\n"
        "Codes expire after 10 minutes [@sc-us-2sv-faq-202153510].\n```\n\n"
        "Fix:\n\n```markdown\n---\nsources:\n  - sc-us-2sv-faq-202153510\n---\n\n"
        "Codes expire after 10 minutes [@sc-us-2sv-faq-202153510].\n```",
        "zh": "front matter 的 `sources` 是本页声明所依据的来源清单：审核人看它，CT002 也按它"
        "检查每个来源是否被引用。所以正文引用的每个来源也要列在这里。\n\n"
        "不通过：\n\n```markdown\n---\nsources: []\n---\n\n"
        "验证码 10 分钟后失效[@sc-us-2sv-faq-202153510]。\n```\n\n"
        "修改：\n\n```markdown\n---\nsources:\n  - sc-us-2sv-faq-202153510\n---\n\n"
        "验证码 10 分钟后失效[@sc-us-2sv-faq-202153510]。\n```",
    },
)
def citation_not_listed(docs, self):
    registry = _registry(docs)
    for page in docs.pages:
        listed = {source_id for source_id, _line, _col in _listed(page)}
        reported = set()
        for citation in _citations(docs)[page.display].citations:
            if citation.id in registry and citation.id not in listed:
                if citation.id in reported:
                    continue
                reported.add(citation.id)
                yield self.at(
                    page.display,
                    citation.line,
                    citation.col,
                    f"[@{citation.id}] is cited but not listed in the front matter's `sources`",
                )


@rule(
    "CT004",
    "claim-without-citation",
    Severity.ERROR,
    "A sentence, list item or table row states a date, an amount of money or a number of "
    "days without a citation.",
    "Cite the source right after the claim: `……10 天内提交[@id]。` / `... within 10 days "
    "[@id].`; if no source backs it, say that it is unconfirmed and what is unknown, or remove it.",
    title={"en": "Date, amount or days without a citation", "zh": "日期、金额或天数没有引用来源"},
    doc={
        "en": "A date, an amount or a deadline is what a worried seller acts on, so the reader "
        "must be able to check it. On articles (kinds overview, troubleshooting, guide and "
        "tool), each sentence, list item or table row that contains a date (2023-06-27, "
        "27 June 2023, June 2023), an amount of money ($5,000, US$5,000) or a number of days "
        "(10 days, 3 business days) cites its source, right after the claim and before the "
        "full stop. Headings and code are not checked.\n\n"
        "Fails:\n\n```markdown\nThe law took effect on 27 June 2023.\n```\n\n"
        "Fix:\n\n```markdown\nThe law took effect on 27 June 2023 "
        "[@ftc-inform-consumers-act-federal].\n```",
        "zh": "日期、金额和期限是焦急的卖家据以行动的内容，读者必须能核对。在文章页（kind 为 "
        "overview、troubleshooting、guide、tool）上，凡是含有日期（2023-06-27、"
        "2023 年 6 月 27 日、2023 年 6 月）、金额（5,000 美元、US$5,000）或天数（10 天、3 个工作日）的句子、"
        "列表项或表格行，都要紧跟在陈述之后、句号之前引用来源。标题和代码不检查。\n\n"
        "不通过：\n\n```markdown\n该法案于 2023 年 6 月 27 日生效。\n```\n\n"
        "修改：\n\n```markdown\n"
        "该法案于 2023 年 6 月 27 日生效[@ftc-inform-consumers-act-federal]。\n```",
    },
)
def claim_without_citation(docs, self):
    for page in docs.pages:
        kind = page.meta.get("kind")
        if not isinstance(kind, str) or kind not in POLICY_KINDS:
            continue
        for unit in _citations(docs)[page.display].units:
            if unit.states_fact and not unit.cited:
                yield self.at(
                    page.display,
                    unit.line,
                    1,
                    f"{unit.kind} states `{unit.fact}` without a citation: “{_excerpt(unit.text)}”",
                )


def _excerpt(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


@rule(
    "CT005",
    "source-unused",
    Severity.WARNING,
    "A source in data/sources.yml is not cited by any page.",
    "Cite it where a page relies on it, or remove the entry from data/sources.yml.",
    title={"en": "Source cited by no page", "zh": "没有页面引用的来源"},
    doc={
        "en": "An entry nobody cites is not checked by anyone either: its link is still "
        "tested and its note shown nowhere. Remove sources that no page uses any more.\n\n"
        "Fails:\n\n```yaml\n# data/sources.yml; no page cites [@old-help-page]\n"
        "old-help-page:\n  url: https://sellercentral.amazon.com/help/hub/reference/external/"
        "G200123250\n  title:\n    zh: 旧的帮助页\n    en: Old help page\n"
        "  accessed: 2024-03\n```\n\n"
        "Fix: delete the entry, or cite it:\n\n```markdown\n... [@old-help-page].\n```",
        "zh": "没有任何页面引用的条目也就没人核对：链接照样被检查，说明却不在任何页面显示。"
        "不再使用的来源请删除。\n\n"
        "不通过：\n\n```yaml\n# data/sources.yml；没有页面引用 [@old-help-page]\n"
        "old-help-page:\n  url: https://sellercentral.amazon.com/help/hub/reference/external/"
        "G200123250\n  title:\n    zh: 旧的帮助页\n    en: Old help page\n"
        "  accessed: 2024-03\n```\n\n"
        "修改：删除这个条目，或在用到它的地方引用：\n\n```markdown\n……[@old-help-page]。\n```",
    },
)
def source_unused(docs, self):
    registry = _registry(docs)
    cited = {citation.id for found in _citations(docs).values() for citation in found.citations}
    for source in registry.sources.values():
        if source.id not in cited:
            yield self.at(
                REGISTRY.as_posix(),
                source.line,
                1,
                f"source `{source.id}` is not cited by any page",
            )


@rule(
    "CT006",
    "registry-invalid",
    Severity.ERROR,
    "data/sources.yml is not valid: unreadable YAML, a bad id, or an entry without a full "
    "https:// url, a title or an accessed date.",
    "Write each entry as in the file's other entries: `id:` then url (https://), title "
    "(zh, en), accessed (YYYY-MM), and optionally publisher, published, note (zh, en).",
    title={"en": "Invalid source registry", "zh": "来源登记表无效"},
    doc={
        "en": "Every page's source list is rendered from `data/sources.yml`, so each entry "
        "needs a full `https://` address, a title and the month a person last read it "
        "(`accessed`, written YYYY-MM). Ids are lowercase words joined by hyphens.\n\n"
        "Fails:\n\n```yaml\nsc-us-2sv-faq-202153510:\n  url: sellercentral.amazon.com/gp/"
        "help/external/202153510\n  title: {en: Two-Step Verification FAQ}\n```\n\n"
        "Fix:\n\n```yaml\nsc-us-2sv-faq-202153510:\n  url: https://sellercentral.amazon.com/gp/"
        "help/external/202153510\n  title:\n    zh: 两步验证常见问题\n"
        "    en: Two-Step Verification FAQ\n  accessed: 2026-11\n```",
        "zh": "每个页面的来源列表都由 `data/sources.yml` 生成，所以每个条目都要有完整的 "
        "`https://` 网址、标题和最近一次有人阅读它的月份（`accessed`，写作 YYYY-MM）。"
        "id 由小写英文单词和数字组成，用连字符连接。\n\n"
        "不通过：\n\n```yaml\nsc-us-2sv-faq-202153510:\n  url: sellercentral.amazon.com/gp/"
        "help/external/202153510\n  title: {en: Two-Step Verification FAQ}\n```\n\n"
        "修改：\n\n```yaml\nsc-us-2sv-faq-202153510:\n  url: https://sellercentral.amazon.com/gp/"
        "help/external/202153510\n  title:\n    zh: 两步验证常见问题\n"
        "    en: Two-Step Verification FAQ\n  accessed: 2026-11\n```",
    },
)
def registry_invalid(docs, self):
    registry = _registry(docs)
    for line, col, message in registry.errors:
        yield self.at(REGISTRY.as_posix(), line, col, message)
