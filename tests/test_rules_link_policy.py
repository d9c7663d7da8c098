"""LP: https only, official Amazon hosts only, no look-alikes, no active HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kb.rules.lp_link_policy import load_allowlist  # scripts/ is on sys.path

LP = ("LP001", "LP002", "LP003", "LP004", "LP005", "LP006")


@pytest.fixture
def tree(make_tree, page):
    def build(body: str, **front_matter):
        return make_tree(
            {
                "zh/index.md": page("首页", body, heading_id="home", **front_matter),
                "en/index.md": page("Home", "Text.\n", heading_id="home"),
            }
        )

    return build


def found(findings):
    return [(f.code, f.line) for f in findings]


GOOD = """\
- [美国卖家平台](https://sellercentral.amazon.com/help/hub/reference/external/G32261)
- [欧洲](https://sellercentral-europe.amazon.com/gp/help/external/help.html?itemID=32261)
- [英国](https://sellercentral.amazon.co.uk/)
- [FTC](https://www.ftc.gov/legal-library/browse/statutes/inform-consumers-act)
- <mailto:stop-spoofing@amazon.com>
- [页内](#home)
- [相对](../index.md)
- 仿冒地址写成代码：`https://sellercentral.amazon.com.evil.io/`

<details><summary>更多</summary><a href="https://sell.amazon.com/">Sell</a></details>

```html
<script src="https://evil.io/x.js"></script>
<a href="#" onclick="steal()">x</a>
```
"""


def test_good_links_pass(tree, check):
    assert check(tree(GOOD), *LP) == []


def test_http_is_an_error_with_the_https_fix(tree, check, line):
    findings = check(tree("正文\n\n[FTC](http://www.ftc.gov/x)\n"), *LP)
    assert found(findings) == [("LP001", line(2))]
    assert "`https://www.ftc.gov/x`" in findings[0].message


def test_protocol_relative_and_ftp_are_not_https(tree, check):
    findings = check(tree("[a](//www.ftc.gov/)\n\n[b](ftp://ftp.example.org/f)\n"), "LP001")
    assert len(findings) == 2


def test_amazon_host_not_on_allowlist(tree, check, line):
    findings = check(tree("[Ads](https://advertising.amazon.com/)\n"), *LP)
    assert found(findings) == [("LP002", line(0))]
    assert "advertising.amazon.com" in findings[0].message


@pytest.mark.parametrize(
    "url",
    [
        "https://amazon.com.evil.io/signin",
        "https://amazon-seller-login.com/",
        "https://sellercentral-amazon.com/",
        "https://sellercentral.amazon.com-verify.net/",
        "https://www.amzn-security.com/",
        "mailto:support@amazon-seller-notice.com",
    ],
)
def test_look_alike_hosts(tree, check, line, url):
    findings = check(tree(f"[登录]({url})\n"), *LP)
    assert found(findings) == [("LP003", line(0))]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://sellercentral.amazon.com@evil.io/", "user name"),
        ("https://192.168.1.10/signin", "IP address"),
        ("https://[2001:db8::1]/signin", "IP address"),
        ("https://3232235777/", "IP address"),
        ("https://xn--mazon-3ve.com/", "encoded"),
        ("https://аmazon.com/", "encoded"),  # Cyrillic а
        ("https://%61mazon.com/", "encoded"),
    ],
)
def test_disguised_addresses(tree, check, line, url, words):
    findings = check(tree(f"[登录]({url})\n"), *LP)
    assert found(findings) == [("LP004", line(0))]
    assert words in findings[0].message


def test_punycode_host_is_shown_decoded(tree, check):
    [finding] = check(tree('<a href="https://xn--mazon-3ve.com/">x</a>\n'), "LP004")
    assert "shown as аmazon.com" in finding.message


@pytest.mark.parametrize(
    "markdown",
    [
        "[点这里](javascript:alert(1))",
        "[点这里](JavaScript:alert(1))",
        '<a href="javascript:void(0)">x</a>',
        "![图](data:image/png;base64,iVBORw0KGgo=)",
        "[下载](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_script_and_data_urls(tree, check, line, markdown):
    assert found(check(tree(f"{markdown}\n"), *LP)) == [("LP005", line(0))]


@pytest.mark.parametrize(
    ("html", "words"),
    [
        ('<script src="https://evil.io/x.js"></script>', "<script>"),
        ('<iframe src="https://evil.io/"></iframe>', "<iframe>"),
        ('<object data="x.swf"></object>', "<object>"),
        ('<embed src="x.swf">', "<embed>"),
        ('<p onclick="steal()">点我</p>', "onclick="),
        ('<img src="../img/a.png" alt="a" onerror="x()">', "onerror="),
        ('<div style="background: url(https://evil.io/t.png)">x</div>', "style"),
        ("<style>@import url(https://evil.io/a.css);</style>", "<style>"),
    ],
)
def test_active_html(tree, check, line, html, words):
    findings = check(tree(f"正文\n\n{html}\n"), "LP006")
    assert found(findings) == [("LP006", line(2))]
    assert words in findings[0].message


def test_attribute_lists_cannot_add_handlers(tree, check, line):
    body = (
        '[登录](https://sellercentral.amazon.com/){ onclick="x()" }\n\n`{ onclick="y" }` 是代码\n'
    )
    assert found(check(tree(body), "LP006")) == [("LP006", line(0))]


def test_line_inside_a_multi_line_html_block(tree, check, line):
    body = '<div markdown>\n\n正文\n\n<span onmouseover="x()">a</span>\n</div>\n'
    assert [f.line for f in check(tree(body), "LP006")] == [line(4)]


def test_registry_sources_are_checked_at_their_line(make_tree, page, check):
    registry = (
        "us-help:\n  url: https://sellercentral.amazon.com/help/x\n"
        "  title: {en: US help}\n  accessed: 2026-11\n"
        "fake:\n  url: https://sellercentral.amazon.com.evil.io/\n"
        "  title: {en: Fake}\n  accessed: 2026-11\n"
        # not https: the registry schema's finding (CT006), not LP001
        "plain:\n  url: http://www.ftc.gov/\n  title: {en: Plain}\n  accessed: 2026-11\n"
    )
    root = make_tree({"zh/index.md": page("首页", "正文\n"), "data/sources.yml": registry})
    findings = check(root, *LP)
    assert [(f.path, f.line, f.col, f.code) for f in findings] == [
        ("data/sources.yml", 6, 8, "LP003")
    ]


def test_tree_allowlist_and_wildcards(make_tree, page, check):
    allowlist = (
        "[hosts]\nsellercentral.amazon.com  # L13\n*.amazon.co.uk  # test wildcard\n"
        "[amazon-domains]\namazon.com\namazon.co.uk\n"
    )
    body = (
        "[a](https://sellercentral.amazon.com/)\n\n[b](https://sellercentral.amazon.co.uk/)\n\n"
        "[c](https://www.amazon.com/)\n"
    )
    root = make_tree(
        {
            "zh/index.md": page("首页", body, sources=[]),
            "data/official-amazon-hosts.txt": allowlist,
        }
    )
    assert [f.code for f in check(root, *LP)] == ["LP002"]  # www.amazon.com is not listed here


def test_bad_allowlist_line_is_reported(make_tree, page, check):
    root = make_tree(
        {
            "zh/index.md": page("首页", sources=[]),
            "data/official-amazon-hosts.txt": "[hosts]\nhttps://sellercentral.amazon.se/\n",
        }
    )
    [finding] = check(root, "LP002")
    assert (finding.path, finding.line) == ("data/official-amazon-hosts.txt", 2)


def test_real_allowlist_parses_cleanly():
    root = Path(__file__).resolve().parent.parent
    allowlist = load_allowlist(root)
    assert allowlist.errors == []
    assert "sellercentral.amazon.co.jp" in allowlist.hosts
    assert all(allowlist.is_amazon(host) for host in allowlist.hosts)


# Pieces of addresses that matter to the URL, host and path rules.
ADDRESS_PIECES = [
    *"/:@#?%[].-_ \t\n<>\"'()\\",
    *["https://", "http://", "//", "javascript:", "data:", "mailto:", "xn--", "amazon", "amzn"],
    *[".com", ".co.uk", "sellercentral", "192.168.0.1", "[::1]", "..", ".md", ".html", "登录"],
]
addresses = st.lists(st.sampled_from(ADDRESS_PIECES) | st.text(max_size=2), max_size=12).map(
    "".join
)
PAGE_RULES = ("LK001", "LK002", "LK003", "LK004", *LP, "IM001", "IM002", "IM003")


# The fixtures are stateless helpers; each example rewrites the same files.
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(target=addresses, alt=st.text(max_size=5))
def test_arbitrary_addresses_give_one_line_findings(make_tree, page, check, target, alt):
    body = (
        f"[a]({target})\n\n![{alt}]({target})\n\n<a href='{target}' onclick=\"{alt}\">b</a>\n"
        f'<img src="{target}">\n\n[r]: {target}\n\n[ref][r]\n'
    )
    registry = f"t:\n  url: {json.dumps(target)}\n  title: {{en: t}}\n  accessed: 2026-11\n"
    root = make_tree({"zh/index.md": page("首页", body), "data/sources.yml": registry})
    findings = check(root, *PAGE_RULES)
    for finding in findings:
        assert len(finding.message.splitlines()) == 1, finding


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://sellercentral.amaz0n.com/", "LP007"),
        ("https://sellercentral.arnazon.com/", "LP007"),
        ("https://amazom.com/", "LP007"),
        ("https://se11ercentral.com/", "LP007"),
        ("https://arnzn.com/", "LP007"),
        ("https://bit.ly/3abcdef", "LP008"),
        ("https://amzn.to/3abcdef", "LP008"),
        ("https://www.tinyurl.com/x", "LP008"),
    ],
)
def test_phishing_shaped_hosts(tree, check, line, url, code):
    findings = check(tree(f"[帮助]({url})\n"), code)
    assert found(findings) == [(code, line(0))]


@pytest.mark.parametrize(
    "url",
    [
        "https://sellercentral.amazon.com/",
        "https://www.ftc.gov/",
        "https://amazowl.com/blog/",  # a real third-party blog two letters from amazon.com
        "https://github.com/",
        "https://amin.example/",
    ],
)
def test_ordinary_hosts_are_not_look_alikes(tree, check, url):
    assert check(tree(f"[帮助]({url})\n"), "LP007", "LP008") == []


@pytest.mark.parametrize(
    ("text", "url", "bad"),
    [
        ("sellercentral.amazon.com", "https://sellercentral.amazon.com.example.io/", True),
        ("https://sellercentral.amazon.com/", "https://www.ftc.gov/", True),
        ("sellercentral.amazon.com", "https://sellercentral.amazon.com/help", False),
        ("https://www.ftc.gov/", "https://www.ftc.gov/", False),
        ("index.md", "../index.md", False),
        ("卖家平台", "https://sellercentral.amazon.com/", False),
    ],
)
def test_link_text_that_shows_another_host(tree, check, line, text, url, bad):
    findings = check(tree(f"[{text}]({url})\n"), "LP009")
    assert found(findings) == ([("LP009", line(0))] if bad else [])
