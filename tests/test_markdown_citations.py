"""The citations extension (kb.markdown.citations): `[@id]` renders as a
numbered link to the page's source list, which it renders at the end, with
the punctuation of each language; an unknown id is a visible marker and a
warning that fails `mkdocs build --strict`."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from kb.markdown.citations import CitationsExtension, format_date
from support.commands import kb_env

REGISTRY = """\
ftc-law:
  url: https://www.ftc.gov/legal-library/browse/statutes/inform-consumers-act
  title:
    zh: 《INFORM 消费者法案》
    en: INFORM Consumers Act
  publisher: {zh: 美国联邦贸易委员会, en: Federal Trade Commission}
  published: 2023-06
  accessed: 2026-11
  note:
    zh: 法律原文
    en: The text of the law.
sc-help:
  url: https://sellercentral.amazon.com/help?a=1&b=<2>
  title: {en: "Help <b>&</b> more"}
  accessed: 2026-11-28
"""
TEXT = """\
法案于 2023 年 6 月 27 日生效[@ftc-law]。须在 10 天内回复[@sc-help; @ftc-law]。

- 写成 `[@ftc-law]` 的不是引用

```
[@sc-help]
```
"""


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(REGISTRY, encoding="utf-8")
    return path


def render(text: str, registry: Path, lang: str = "zh") -> str:
    extension = CitationsExtension(registry=str(registry), lang=lang)
    return markdown.markdown(text, extensions=[extension, "fenced_code", "toc"])


def test_citations_are_numbered_links_by_first_citation(registry):
    html = render(TEXT, registry)
    assert '<sup class="cite"><a href="#source-ftc-law" id="cite-ftc-law-1">[1]</a></sup>' in html
    # The second marker: sc-help is new (2), ftc-law keeps its number (1).
    assert (
        '<a href="#source-sc-help" id="cite-sc-help-1">[2]</a>'
        '<a href="#source-ftc-law" id="cite-ftc-law-2">[1]</a>' in html
    )
    assert html.count('class="cite"') == 2  # not in code spans or code blocks
    assert "<code>[@ftc-law]</code>" in html and "[@sc-help]\n</code>" in html


def test_source_list_at_the_end_in_citation_order(registry):
    html = render(TEXT, registry)
    assert '<h2 id="sources">来源</h2>' in html
    listing = html[html.index('<ol class="kb-sources">') :]
    assert listing.index('<li id="source-ftc-law">') < listing.index('<li id="source-sc-help">')
    assert html.rstrip().endswith("</ol>")
    # Back links to every citation of the source.
    assert 'href="#cite-ftc-law-1"' in listing and 'href="#cite-ftc-law-2"' in listing
    assert 'href="#cite-sc-help-1"' in listing and "↩" in listing


def test_chinese_entry_uses_chinese_punctuation(registry):
    html = render(TEXT, registry)
    start = html.index('<li id="source-ftc-law">')
    entry = html[start : html.index("</li>", start)]
    assert (
        '<a href="https://www.ftc.gov/legal-library/browse/statutes/inform-consumers-act">'
        "《INFORM 消费者法案》</a>（美国联邦贸易委员会，2023 年 6 月）。法律原文。"
        "访问于 2026 年 11 月。"
    ) in entry
    text = entry.split("</a>", 1)[1]
    assert ". " not in text and "(" not in text and "," not in text


def test_english_entry_uses_english_punctuation(registry):
    html = render(TEXT, registry, lang="en")
    assert '<h2 id="sources">Sources</h2>' in html
    assert (
        "INFORM Consumers Act</a> (Federal Trade Commission, June 2023). "
        "The text of the law. Accessed November 2026." in html
    )
    assert "Accessed 28 November 2026." in html


def test_title_and_url_are_escaped_and_language_falls_back(registry):
    html = render(TEXT, registry)  # sc-help has an English title only
    assert 'href="https://sellercentral.amazon.com/help?a=1&amp;b=&lt;2&gt;"' in html
    assert ">Help &lt;b&gt;&amp;&lt;/b&gt; more</a>" in html


def test_page_without_citations_has_no_source_list(registry):
    assert "kb-sources" not in render("没有引用的段落。\n", registry)


def test_heading_joins_the_table_of_contents(registry):
    md = markdown.Markdown(extensions=[CitationsExtension(registry=str(registry)), "toc"])
    md.convert("# 标题\n\n一句[@ftc-law]。\n")
    assert [child["id"] for child in md.toc_tokens[0]["children"]] == ["sources"]


def test_unknown_id_is_a_visible_marker_and_a_warning(registry, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.kb.citations"):
        html = render("一句[@ftc-lawx]。另一句[@ftc-law]。\n", registry)
    assert '<span class="cite-missing">[来源缺失：ftc-lawx]</span>' in html
    assert '<a href="#source-ftc-law" id="cite-ftc-law-1">[1]</a>' in html
    assert "source-ftc-lawx" not in html
    [record] = caplog.records
    assert record.name.startswith("mkdocs.") and "[@ftc-lawx]" in record.getMessage()


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        ("2023", "2023 年", "2023"),
        ("2023-06", "2023 年 6 月", "June 2023"),
        ("2023-06-27", "2023 年 6 月 27 日", "27 June 2023"),
        ("June", "June", "June"),
    ],
)
def test_dates(value, zh, en):
    assert (format_date(value, "zh"), format_date(value, "en")) == (zh, en)


def test_strict_mkdocs_build_fails_on_an_unknown_id(tmp_path, registry):
    """MkDocs counts the warning: the build fails in strict mode (and passes without it)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nA claim [@no-such-source].\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme: mkdocs\nmarkdown_extensions:\n"
        f"  - kb.markdown.citations:\n      registry: {registry}\n      lang: en\n",
        encoding="utf-8",
    )
    # Not --quiet: it raises MkDocs' log level to ERROR, so strict mode sees no warnings.
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(tmp_path / "mkdocs.yml")]
    env = kb_env()
    strict = subprocess.run([*command, "--strict"], capture_output=True, text=True, env=env)
    assert strict.returncode == 1, strict.stderr
    assert "[@no-such-source] in index.md" in strict.stderr
    relaxed = subprocess.run(command, capture_output=True, text=True, env=env)
    assert relaxed.returncode == 0, relaxed.stderr
    assert "[missing source: no-such-source]" in (tmp_path / "site/index.html").read_text()
