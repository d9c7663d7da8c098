"""Every page with numbered steps is one tap from its language's home page, and
the tap lands on the steps (issue 13, "Must show" 4: a new reader's situation
that the home page does not name must still be one tap from a numbered step).
"""

from __future__ import annotations

import pytest
from kb import ROOT
from kb.site.model import load_page

LANGS = ("zh", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_with_steps_is_linked_from_home_at_its_steps(lang):
    docs = ROOT / "docs" / lang
    home = load_page(ROOT, docs / "index.md", lang)
    linked = {link.target for link in home.links}
    with_steps = sorted(
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*.md")
        if any(h.id == "steps" for h in load_page(ROOT, path, lang).headings)
    )
    assert with_steps, "no page has a steps section"
    missing = [rel for rel in with_steps if f"{rel}#steps" not in linked]
    assert missing == [], f"docs/{lang}/index.md does not link to the steps of {missing}"
