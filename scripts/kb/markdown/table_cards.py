"""Tables that become cards on a phone: a table of three or more columns gets
`data-kb-cards`, and each body cell its column's heading as `data-label`.
extra.css shows such a table as one card per row at <= 600 px, each cell
under its column's name (the heading row stays for screen readers).

    markdown_extensions:
      kb.markdown.table_cards: {}

Written at build time, not by a script in the page: the page is laid out
once, as the reader first sees it, and a reader without JavaScript gets the
same cards. Two columns fit a phone as they are.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

MIN_COLUMNS = 3


def heading_text(cell: etree.Element) -> str:
    return " ".join("".join(cell.itertext()).split())


class TableCardsTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            heads = table.findall("./thead/tr/th")
            if len(heads) < MIN_COLUMNS:
                continue
            table.set("data-kb-cards", "")
            labels = [heading_text(head) for head in heads]
            for row in table.findall("./tbody/tr"):
                # A short row (fewer cells than headings) labels what it has.
                for cell, label in zip(row, labels, strict=False):
                    if label:
                        cell.set("data-label", label)


class TableCardsExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # After inline markup (priority 20) and abbreviations, so a heading's
        # label is the text the reader sees.
        md.treeprocessors.register(TableCardsTreeprocessor(md), "kb-table-cards", 5)


def makeExtension(**kwargs) -> TableCardsExtension:
    return TableCardsExtension(**kwargs)
