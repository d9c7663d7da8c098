"""The "这篇解决了您的问题吗？ 解决了 / 没解决" pair under every page but the
home page: plain links (they work with JavaScript off), prefilled with the
page, going where mkdocs.yml's extra.feedback says, and nothing is requested
from anyone until the reader follows one."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from support.built_site import CONFIG, ISSUE_URL, ROOT, canonical_url
from support.commands import kb_env

QUESTION = {"zh": "这篇解决了您的问题吗？", "en": "Did this page solve your problem?"}
ANSWERS = {"zh": ["解决了", "没解决"], "en": ["Yes, it did", "No, it did not"]}
PAGES = {
    "zh": "/two-step-verification/code-not-received/",
    "en": "/en/two-step-verification/code-not-received/",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_feedback_pair_works_without_javascript_and_asks_nobody(new_page, lang):
    page, watch = new_page(java_script_enabled=False)
    page.goto(PAGES[lang])
    box = page.locator(".kb-feedback")
    assert box.is_visible()
    assert QUESTION[lang] in box.inner_text()
    links = box.locator("a.kb-feedback__answer")
    assert links.all_inner_texts() == ANSWERS[lang]
    title = page.locator("article h1").inner_text().strip()
    feedback = CONFIG["zh"]["extra"]["feedback"]
    for link, answer in zip(links.all(), ANSWERS[lang], strict=True):
        href = link.get_attribute("href")
        url = urlsplit(href)
        query = parse_qs(url.query)
        if feedback["to"] == "email":
            assert url.scheme == "mailto" and url.path == feedback["email"]
            subject = query["subject"][0]
        else:
            assert f"{url.scheme}://{url.netloc}{url.path}" == ISSUE_URL
            subject = query["title"][0]
        assert answer in subject and title in subject
        assert canonical_url(PAGES[lang]) in query["body"][0]
    # Nothing but the site itself was asked for anything.
    assert watch.other_hosts == []
    assert watch.problems() == []


def test_home_page_has_no_feedback_pair(page):
    page.goto("/")
    assert page.locator(".kb-feedback").count() == 0


def test_email_setting_gives_prefilled_mailto_links(tmp_path):
    """extra.feedback.to: email, built for real (Chinese build only)."""
    # Read from stdin, so that the relative paths of mkdocs.yml (overrides/,
    # docs/includes) resolve from the repository as in `make build`.
    config = (
        "INHERIT: mkdocs.yml\n"
        f"site_dir: {tmp_path / 'site'}\n"
        "extra:\n  feedback:\n    to: email\n    email: maintainers@example.org\n"
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", "-"],
        cwd=ROOT,
        input=config,
        text=True,
        check=True,
        capture_output=True,
        env=kb_env(NO_MKDOCS_2_WARNING="1"),
    )
    html = (tmp_path / "site" / "sign-in" / "reset-password" / "index.html").read_text("utf-8")
    hrefs = [part.split('"', 1)[0] for part in html.split('href="mailto:')[1:]]
    assert len(hrefs) == 2
    for href, answer in zip(hrefs, ANSWERS["zh"], strict=True):
        address, _, query = href.replace("&amp;", "&").partition("?")
        assert address == "maintainers@example.org"
        fields = {k: unquote(v) for k, v in (p.split("=", 1) for p in query.split("&"))}
        assert answer in fields["subject"]
        assert "https://seller-access-guide.github.io/sign-in/reset-password/" in fields["body"]
        assert "+" not in query  # spaces as %20: mail programs do not decode "+"
    assert "由您决定是否发送" in html
