"""Citation rules CT001-CT006 on tiny fixture trees: each passes on a good page
and reports its code at the right line on a bad one; the claim classifier
(kb.site.claims) that CT004 and the built-site measurement share."""

from __future__ import annotations

import pytest
from kb.site.claims import Unit, plain_markdown, sentences
from kb.site.sources import load_registry
from support.fixtures import FIXTURE_SOURCE

CT = ["CT001", "CT002", "CT003", "CT004", "CT005", "CT006"]
REGISTRY = """\
ftc-law:
  url: https://www.ftc.gov/legal-library/browse/statutes/inform-consumers-act
  title:
    zh: 法规
    en: The law
  accessed: 2026-11
sc-help:
  url: https://sellercentral.amazon.com/help/hub/reference/external/G200123250
  title: {en: Help}
  published: '2023-06-27'
  accessed: 2026-11
"""


def found(findings):
    return [(f.path, f.line, f.code) for f in findings]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


@pytest.fixture
def tree(make_tree, page):
    """A zh/en pair whose zh page is `text` (en: a valid page), with REGISTRY."""

    def build(text: str, registry: str = REGISTRY):
        en = page(
            "Page",
            "Took effect on 27 June 2023 [@ftc-law] [@sc-help].\n",
            sources=["ftc-law", "sc-help"],
        )
        return make_tree({"zh/a.md": text, "en/a.md": en, "data/sources.yml": registry})

    return build


def zh_findings(check, root, *codes):
    return [
        f for f in check(root, *(codes or CT)) if f.path in ("docs/zh/a.md", "data/sources.yml")
    ]


GOOD = "法案于 2023 年 6 月 27 日生效[@ftc-law]。高销量卖家须在 10 天内回复[@sc-help; @ftc-law]。\n"


def test_good_page_passes(tree, page, check):
    assert check(tree(page("登录问题", GOOD, sources=["ftc-law", "sc-help"])), *CT) == []


def test_default_fixture_tree_passes(make_tree, page, check):
    root = make_tree({"zh/a.md": page("登录问题"), "en/a.md": page("Sign-in problems")})
    assert check(root, *CT) == []
    assert f"[@{FIXTURE_SOURCE}]" in (root / "docs/zh/a.md").read_text(encoding="utf-8")


def test_unknown_citation_is_ct001_at_its_line_and_column(tree, page, check):
    text = page("登录问题", GOOD + "\n另见说明[@ftc-lawx]。\n", sources=["ftc-law", "sc-help"])
    [finding] = zh_findings(check, tree(text), "CT001")
    assert (finding.line, finding.col) == (line_of(text, "ftc-lawx"), 5)
    assert "[@ftc-lawx]" in finding.message and "data/sources.yml" in finding.message


def test_malformed_id_and_front_matter_id_are_ct001(tree, page, check):
    text = page("登录问题", GOOD + "\n另见[@FTC_Law]。\n", sources=["ftc-law", "sc-help", "gone"])
    findings = zh_findings(check, tree(text), "CT001")
    assert found(findings) == [
        ("docs/zh/a.md", line_of(text, "- gone"), "CT001"),
        ("docs/zh/a.md", line_of(text, "FTC_Law"), "CT001"),
    ]
    assert "not a source id" in findings[1].message


def test_citations_in_code_are_not_citations(tree, page, check):
    body = GOOD + "\n写成 `[@nope]` 即可。\n\n```markdown\n示例[@nope]。\n```\n"
    assert zh_findings(check, tree(page("登录问题", body, sources=["ftc-law", "sc-help"]))) == []


def test_listed_but_never_cited_is_ct002_on_the_list_item(tree, page, check):
    text = page(
        "登录问题", "法案于 2023 年 6 月 27 日生效[@ftc-law]。\n", sources=["ftc-law", "sc-help"]
    )
    [finding] = zh_findings(check, tree(text), "CT002")
    assert (finding.line, finding.code) == (line_of(text, "- sc-help"), "CT002")
    assert "`sc-help`" in finding.message


def test_cited_but_not_listed_is_ct003_once(tree, page, check):
    body = GOOD + "\n再次引用[@sc-help]。\n"
    text = page("登录问题", body, sources=["ftc-law"])
    findings = zh_findings(check, tree(text), "CT003")
    assert found(findings) == [("docs/zh/a.md", line_of(text, "10 天"), "CT003")]


@pytest.mark.parametrize(
    "claim",
    [
        "法案于 2023-06-27 生效。",
        "法案于 2023 年 6 月 27 日生效。",
        "亚马逊在 2023 年 6 月发出提醒。",
        "罚款最高 53,088 美元。",
        "门槛是 US$5,000。",
        "门槛是 $5,000。",
        "须在 10 天内回复。",
        "付款保留期为 3 个工作日。",
        "付款保留三天。",
    ],
)
def test_claim_without_citation_is_ct004(tree, page, check, claim):
    text = page("登录问题", GOOD + f"\n前一句没有事实。{claim}\n", sources=["ftc-law", "sc-help"])
    [finding] = zh_findings(check, tree(text), "CT004")
    assert finding.line == line_of(text, claim)
    assert "sentence states" in finding.message


@pytest.mark.parametrize(
    "claim",
    [
        "The law took effect on 27 June 2023.",
        "Amazon sent a reminder in June 2023.",
        "Amazon wrote on June 27, 2023.",
        "The threshold is $5,000 a year.",
        "You have 10 days.",
        "Allow three business days.",
    ],
)
def test_english_claim_without_citation_is_ct004(make_tree, page, check, claim):
    en = page("Page", f"Nothing here. {claim} Fine [@{FIXTURE_SOURCE}].\n")
    root = make_tree({"zh/a.md": page("登录问题"), "en/a.md": en})
    [finding] = check(root, "CT004")
    assert finding.path == "docs/en/a.md"
    assert claim.rstrip(".")[:20] in finding.message


def test_list_items_and_table_rows_are_units(tree, page, check):
    body = (
        GOOD
        + "\n- 第一项：10 天内回复\n  续行[@ftc-law]\n- 第二项：5,000 美元\n\n"
        + "| 期限 | 说明 |\n|---|---|\n| 10 天 | 法律[@ftc-law] |\n| 60 天 | 报道 |\n"
    )
    text = page("登录问题", body, sources=["ftc-law", "sc-help"])
    findings = zh_findings(check, tree(text), "CT004")
    assert [(f.line, f.message.split(" states")[0]) for f in findings] == [
        (line_of(text, "第二项"), "list item"),
        (line_of(text, "| 60 天"), "table row"),
    ]


def test_headings_code_and_reference_pages_are_not_checked(make_tree, page, check):
    body = (
        "## 2023 年 6 月 27 日 { #date }\n\n说明[@sc-help-fixture]。\n\n```\n10 天\n```\n\n"
        '!!! note "10 天"\n\n    框里的正文[@sc-help-fixture]。\n'
    )
    reference = page(
        "时间线", "2023 年 6 月 27 日：生效[@sc-help-fixture]。\n\n- 10 天\n", kind="reference"
    )
    root = make_tree(
        {
            "zh/a.md": page("登录问题", body),
            "zh/b.md": reference,
            "en/a.md": page("A"),
            "en/b.md": page("B"),
        }
    )
    assert check(root, "CT004") == []


def test_unused_registry_entry_is_ct005_warning(make_tree, page, check):
    registry = REGISTRY.replace("ftc-law", FIXTURE_SOURCE)
    root = make_tree({"zh/a.md": page("登录问题"), "data/sources.yml": registry})
    [finding] = check(root, "CT005")
    assert (finding.path, finding.line, finding.severity) == ("data/sources.yml", 7, "warning")
    assert "`sc-help`" in finding.message


@pytest.mark.parametrize(
    ("mistake", "line", "words"),
    [
        (REGISTRY.replace("url: https://www.ftc.gov", "url: www.ftc.gov"), 2, "https://"),
        (REGISTRY.replace("  accessed: 2026-11\nsc-help", "sc-help"), 1, "lacks `accessed`"),
        (REGISTRY.replace("  published: '2023-06-27'", "  published: 2023/06/27"), 10, "YYYY"),
        (REGISTRY.replace("sc-help:", "SC_Help:"), 7, "source id `SC_Help`"),
        (
            REGISTRY.replace("  title: {en: Help}", "  title: {en: Help}\n  date: 2023"),
            10,
            "`date`",
        ),
        (REGISTRY + "broken: [a, b\nnext: 1\n", 12, "not valid YAML"),
    ],
)
def test_registry_mistakes_are_ct006_at_their_line(make_tree, page, check, mistake, line, words):
    root = make_tree({"zh/a.md": page("登录问题"), "data/sources.yml": mistake})
    findings = check(root, "CT006")
    assert [(f.path, f.line) for f in findings] == [("data/sources.yml", line)], findings
    assert words in findings[0].message


def test_real_registry_is_valid():
    from kb import ROOT

    registry = load_registry(ROOT / "data" / "sources.yml")
    assert registry.errors == []
    assert len(registry.sources) > 50


def test_registry_is_read_once_while_unchanged(tmp_path):
    path = tmp_path / "sources.yml"
    path.write_text(REGISTRY, encoding="utf-8")
    first = load_registry(path)
    assert load_registry(path) is first
    path.write_text(
        REGISTRY + "new-one:\n  url: https://www.ftc.gov/\n  title: {en: x}\n  accessed: 2026-11\n",
        encoding="utf-8",
    )
    assert "new-one" in load_registry(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一句[@a]。二句！三句？四句；五句。", ["一句[@a]。", "二句！", "三句？", "四句；五句。"]),
        ("It is 5.5 days, e.g. today. Next.", ["It is 5.5 days, e.g. today.", "Next."]),
        ("Took effect. [@a] Then more.", ["Took effect. [@a]", "Then more."]),
        ("见 example.com 网站。", ["见 example.com 网站。"]),
    ],
)
def test_sentences_split_chinese_and_english(text, expected):
    assert [sentence.strip() for _, sentence in sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("2 万美元", True),
        ("2023 年", False),
        ("第 3 步", False),
        ("10 minutes", False),
        ("one day", True),
        ("help item 202153510", False),
        ("+86 138", False),
    ],
)
def test_fact_classifier(text, fact):
    assert Unit("sentence", text).states_fact is fact


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("见[说明](a.md)[@a]。", "见说明[@a]。"),
        ("两处都写了[@a][@b]。", "两处都写了[@a][@b]。"),  # two citations, not a reference link
        ("[文字][ref] 和 `[@code]`", "文字 和 " + " " * 9),
    ],
)
def test_plain_markdown_keeps_citations(markdown, plain):
    assert plain_markdown(markdown) == plain
