"""kb/build/minify.py on a tiny site: our own stylesheets and scripts lose their
comments and white space in every language's build, keep what they do, and
the theme's files and the sources are left alone."""

from __future__ import annotations

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
