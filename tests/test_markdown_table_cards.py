"""The table-cards extension (kb.markdown.table_cards): a table of three or
more columns is marked for cards on phones, each body cell labelled with its
column's heading as the reader sees it; narrower tables stay as they are."""

from __future__ import annotations

import markdown
from kb.markdown.table_cards import TableCardsExtension


def render(source: str) -> str:
    return markdown.markdown(source, extensions=["tables", "abbr", TableCardsExtension()])


def test_three_columns_become_cards_with_labels():
    html = render("| Cause | Source | Fix |\n|---|---|---|\n| A | B | C |\n| D | E | F |\n")
    assert "<table data-kb-cards" in html
    assert html.count('data-label="Cause"') == 2
    assert '<td data-label="Fix">C</td>' in html


def test_two_columns_stay_a_table():
    html = render("| Cause | Fix |\n|---|---|\n| A | B |\n")
    assert "data-kb-cards" not in html
    assert "data-label" not in html


def test_label_is_the_heading_text_without_markup():
    html = render("| **Cause** | `code` | [Fix](x.md) |\n|---|---|---|\n| A | B | C |\n")
    assert 'data-label="Cause"' in html
    assert 'data-label="code"' in html
    assert 'data-label="Fix"' in html


def test_an_empty_heading_gives_no_label():
    html = render("|  | Before | After |\n|---|---|---|\n| Row | 1 | 2 |\n")
    assert "<td>Row</td>" in html
    assert '<td data-label="Before">1</td>' in html


def test_a_short_row_labels_the_cells_it_has():
    html = render("| A | B | C |\n|---|---|---|\n| 1 | 2 |\n")
    assert '<td data-label="A">1</td>' in html
