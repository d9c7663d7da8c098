"""kb/build/csp.py on tiny pages: every inline script hashed, the meta first in
<head>, script files left to 'self', and no page left unprotected."""

from __future__ import annotations

import base64
import hashlib

import pytest
from kb.build.csp import CspError, policy, protect, script_hashes, write_all


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><script>var a = 1;</script>'
    '<script src="assets/app.js"></script></head>'
    "<body><script>\n  document.body.dataset.x = '1'\n</script></body></html>"
)


def test_every_inline_script_is_hashed_exactly():
    assert script_hashes(PAGE) == [
        sha256("var a = 1;"),
        sha256("\n  document.body.dataset.x = '1'\n"),
    ]


def test_policy_is_first_in_head_with_no_unsafe_inline_script():
    html = protect(PAGE)
    assert html.startswith('<!doctype html><html><head><meta http-equiv="Content-Security-Policy"')
    assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in html
    script_src = next(d for d in policy(script_hashes(PAGE)).split("; ") if "script-src" in d)
    assert script_src == f"script-src 'self' {sha256('var a = 1;')} " + sha256(
        "\n  document.body.dataset.x = '1'\n"
    )
    assert "unsafe-inline" not in policy([]) and "http" not in policy([])


def test_a_page_without_head_or_protected_twice_stops_the_build(tmp_path):
    with pytest.raises(CspError):
        protect("<p>no head</p>")
    with pytest.raises(CspError):
        protect(protect(PAGE))
    (tmp_path / "a.html").write_text("<p>no head</p>")
    with pytest.raises(CspError, match=r"a\.html:1: CSP001"):
        write_all(tmp_path)


def test_write_all_protects_every_page(tmp_path):
    (tmp_path / "en").mkdir()
    for rel in ("index.html", "en/index.html", "404.html"):
        (tmp_path / rel).write_text(PAGE, encoding="utf-8")
    write_all(tmp_path)
    for rel in ("index.html", "en/index.html", "404.html"):
        assert "Content-Security-Policy" in (tmp_path / rel).read_text(encoding="utf-8")
