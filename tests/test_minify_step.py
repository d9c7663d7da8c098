"""kb/build/minify.py on a tiny site: our own stylesheets and scripts lose their
comments and white space in every language's build, keep what they do, and
the theme's files and the sources are left alone."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from kb.build.minify import write_all

CSS = "/* why the card looks so */\n.kb-card {\n  margin: 0 0 1em;\n}\n"
JS = (
    "/*! licence kept */\n"
    "// The answer, doubled: a comment for contributors.\n"
    "var answer = 21;\n"
    "console.log(`x${answer * 2}`.slice(1), /\\/\\*/.test('/*'));\n"
)


@pytest.fixture
def site(tmp_path):
    assets = tmp_path / "overrides" / "assets"
    (assets / "stylesheets").mkdir(parents=True)
    (assets / "javascripts").mkdir()
    (assets / "stylesheets" / "extra.css").write_text(CSS)
    (assets / "javascripts" / "reader.js").write_text(JS)
    site = tmp_path / "site"
    for build in (site, site / "en"):
        shutil.copytree(assets, build / "assets")
        (build / "assets" / "javascripts" / "bundle.min.js").write_text("/* theme */ var b;\n")
    return site, assets


def test_own_assets_are_minified_in_both_builds(site):
    site, assets = site
    write_all(site, assets=assets)
    for build in (site, site / "en"):
        scripts = build / "assets" / "javascripts"
        assert (build / "assets" / "stylesheets" / "extra.css").read_text() == (
            ".kb-card{margin:0 0 1em}"
        )
        script = (scripts / "reader.js").read_text()
        assert "/*! licence kept */" in script
        assert "for contributors" not in script and "\n\n" not in script
        # The theme's own file is not ours: untouched.
        assert (scripts / "bundle.min.js").read_text() == "/* theme */ var b;\n"
    assert (assets / "javascripts" / "reader.js").read_text() == JS  # the source stays readable


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_minified_script_does_what_the_source_does(site):
    site, assets = site
    write_all(site, assets=assets)

    def node(script):
        return subprocess.run([shutil.which("node"), script], capture_output=True, text=True)

    source = node(assets / "javascripts" / "reader.js")
    built = node(site / "assets" / "javascripts" / "reader.js")
    assert source.returncode == built.returncode == 0
    assert built.stdout == source.stdout == "42 true\n"


def test_a_site_without_our_assets_is_left_as_it_is(tmp_path):
    (tmp_path / "site").mkdir()
    write_all(tmp_path / "site", assets=tmp_path / "overrides" / "assets")
    assert list((tmp_path / "site").iterdir()) == []


def test_structured_data_keeps_its_meaning_with_chinese_as_it_is(tmp_path):
    data = {"name": "邮箱或密码错误", "text": "</script><b>&'", "line": "a\u2028b"}
    escaped = json.dumps(data)  # as the template's tojson writes it: \u90ae...
    for char in "<>&'":
        escaped = escaped.replace(char, f"\\u{ord(char):04x}")
    page = tmp_path / "index.html"
    page.write_text(
        f'<head><script type="application/ld+json">{escaped}</script>'
        '<script type="application/ld+json">{not json</script></head>',
        encoding="utf-8",
    )
    write_all(tmp_path, assets=tmp_path / "no-assets")
    html = page.read_text(encoding="utf-8")
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "邮箱或密码错误" in block and "\\u90ae" not in block
    assert json.loads(block) == data
    assert "</" not in block and "<b>" not in block  # still cannot end the script
    assert "{not json</script>" in html  # what is not JSON stays as it was
