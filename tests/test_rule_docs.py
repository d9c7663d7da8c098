"""Rule docs are written once, with each registration (kb/rules/*.py), and the
rule reference is generated from them (kb/rules_page.py): every code has a
title and a doc in both languages with a failing example and the fix; each
family has its own page with an H2 per code whose ID is the lowercase code
(findings link to it), listed on the index page; and the drift check fails
when a page differs from what the registry generates."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from kb import rules_page
from kb.findings import FAMILIES, RULES, prefix_of
from kb.report import rule_url
from kb.site.model import load_page

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("zh", "en")
# Words that introduce the failing example and the fix. A doc whose example is
# a fenced block right after the explanation needs no label for it.
FAILING = {"en": ("Failing example", "Fails:"), "zh": ("错误示例", "出错的例子", "不通过：")}
FIX = {"en": ("Fix:",), "zh": ("改法：", "修改：")}
FENCE = re.compile(r"^```", re.MULTILINE)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(RULES))
def test_code_has_doc_with_failing_example_and_fix(lang, code):
    rule = RULES[code]
    assert rule.title.get(lang, "").strip(), f"{code} has no {lang} title"
    doc = rule.doc.get(lang, "")
    fixes = [doc.find(word) for word in FIX[lang] if word in doc]
    assert fixes, f"{code} ({lang}) does not say how to fix it ({' or '.join(FIX[lang])})"
    before_fix = doc[: min(fixes)]
    assert any(word in before_fix for word in FAILING[lang]) or FENCE.search(before_fix), (
        f"{code} ({lang}) shows no failing example before the fix"
    )


@pytest.mark.parametrize("prefix", sorted({prefix_of(code) for code in RULES}))
def test_family_is_introduced_in_both_languages(prefix):
    family = FAMILIES[prefix]
    for lang in LANGS:
        assert family.title[lang].endswith(f"{prefix})") or family.title[lang].endswith(
            f"{prefix}）"
        ), family.title[lang]
        assert family.doc[lang].strip()


@pytest.mark.parametrize("lang", LANGS)
def test_each_family_page_has_one_h2_per_code_with_lowercase_code_id(lang):
    folder = ROOT / "docs" / lang / "contributing" / "rules"
    seen = set()
    for prefix in sorted({prefix_of(code) for code in RULES}):
        family = FAMILIES[prefix]
        page = load_page(ROOT, folder / f"{family.id}.md", lang)
        assert page.meta["kind"] == "rules"
        (h1,) = [h for h in page.headings if h.level == 1]
        assert (h1.id, h1.text) == (family.id, family.title[lang])
        h2 = {h.id: h.text for h in page.headings if h.level == 2}
        codes = [code for code in RULES if prefix_of(code) == prefix]
        assert sorted(code.lower() for code in codes) == sorted(h2)
        for code in codes:
            assert h2[code.lower()].startswith(f"{code} {RULES[code].title[lang]}")
        seen |= set(h2)
    assert seen == {code.lower() for code in RULES}


@pytest.mark.parametrize("lang", LANGS)
def test_index_links_every_code_to_its_section(lang):
    page = load_page(ROOT, ROOT / "docs" / lang / "contributing" / "rules" / "index.md", lang)
    links = {link.target for link in page.links}
    for code in RULES:
        assert f"{FAMILIES[prefix_of(code)].id}.md#{code.lower()}" in links, code


def test_findings_link_to_the_family_page_of_their_code():
    assert rule_url("FM006").endswith("/en/contributing/rules/front-matter/#fm006")
    assert rule_url("FEED012").endswith("/en/contributing/rules/timeline/#feed012")


def test_family_page_lists_only_the_sources_it_cites():
    text = rules_page.family_page(FAMILIES["FM"], "en", "2026-11-28")
    assert "sources:\n  - json-schema-draft-2020-12\n---" in text
    # `[@id]` shown as an example (code spans and blocks) is not a citation.
    assert rules_page.cited_sources("A `[@shown]` claim [@real].\n\n```\n[@example]\n```\n") == [
        "real"
    ]
    assert "sources:" not in rules_page.family_page(FAMILIES["SZ"], "en", "2026-11-28")


def test_warnings_are_marked_in_the_heading():
    section = rules_page.rule_section(RULES["FR001"], "en")
    assert section.startswith("## FR001 Not reviewed for 180 days (warning) { #fr001 }\n")
    assert "(warning)" not in rules_page.rule_section(RULES["FR002"], "en")


def test_real_pages_match_the_registry():
    for name, text in rules_page.generate(ROOT).items():
        assert (ROOT / name).read_text(encoding="utf-8") == text, f"{name}: run make rules-page"


@pytest.fixture
def pages_copy(tmp_path):
    """A root holding copies of the rule reference pages, as make check reads them."""
    for lang in LANGS:
        rel = Path("docs") / lang / "contributing" / "rules"
        shutil.copytree(ROOT / rel, tmp_path / rel)
    return tmp_path


def test_drift_check_passes_then_fails_on_a_planted_difference(pages_copy, capsys):
    assert rules_page.main(["--root", str(pages_copy), "--check"]) == 0
    page = pages_copy / "docs" / "en" / "contributing" / "rules" / "front-matter.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("Fix: add a line `---`", "Fix: add `---`"), encoding="utf-8")
    assert page.read_text(encoding="utf-8") != original  # the plant took
    capsys.readouterr()
    assert rules_page.main(["--root", str(pages_copy), "--check"]) == 1
    out = capsys.readouterr().out
    assert out == "docs/en/contributing/rules/front-matter.md is out of date: run make rules-page\n"
    assert page.read_text(encoding="utf-8") != original  # --check writes nothing
    assert rules_page.main(["--root", str(pages_copy)]) == 0
    assert page.read_text(encoding="utf-8") == original


def test_hand_written_head_is_kept(pages_copy):
    page = pages_copy / "docs" / "zh" / "contributing" / "rules" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("## 运行检查", "## 运行全部检查"),
        encoding="utf-8",
    )
    generated = rules_page.generate(pages_copy)["docs/zh/contributing/rules/index.md"]
    assert "## 运行全部检查" in generated


def test_missing_marker_is_a_one_line_error(pages_copy, capsys):
    page = pages_copy / "docs" / "zh" / "contributing" / "rules" / "index.md"
    page.write_text("---\ntitle: x\n---\n\n# x { #rules }\n", encoding="utf-8")
    assert rules_page.main(["--root", str(pages_copy), "--check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "docs/zh/contributing/rules/index.md:1: the line that starts the generated"
    )
    assert len(err.strip().splitlines()) == 1


def test_page_of_a_family_that_no_longer_exists_is_stale(pages_copy, capsys):
    old = pages_copy / "docs" / "en" / "contributing" / "rules" / "retired.md"
    old.write_text("---\ntitle: x\n---\n\n" + rules_page.GENERATED["en"] + "\n", encoding="utf-8")
    hand_written = old.with_name("notes.md")
    hand_written.write_text("---\ntitle: y\n---\n\n# y\n", encoding="utf-8")
    assert rules_page.main(["--root", str(pages_copy), "--check"]) == 1
    assert "docs/en/contributing/rules/retired.md is no longer generated" in capsys.readouterr().out
    assert rules_page.main(["--root", str(pages_copy)]) == 0
    assert not old.exists() and hand_written.exists()  # only generated pages are removed
