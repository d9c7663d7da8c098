"""IM: images have alt text, are at most 300 KB and are stored with the site.
(A missing image file is LK001, tested in test_rules_links.py.)"""

from __future__ import annotations

import pytest

IM = ("IM001", "IM002", "IM003")
SMALL_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 1000


@pytest.fixture
def tree(make_tree, page):
    def build(body: str, image: bytes = SMALL_PNG):
        return make_tree(
            {
                "zh/sign-in/index.md": page("登录问题", body, heading_id="sign-in"),
                "zh/sign-in/img/login.png": image,
                "en/index.md": page("Home", heading_id="home"),
            }
        )

    return build


def found(findings):
    return [(f.code, f.line) for f in findings]


def test_good_images_pass(tree, check):
    body = '![登录页](img/login.png)\n\n<img src="img/login.png" alt="登录页">\n'
    assert check(tree(body), *IM) == []


def test_missing_alt_text(tree, check, line):
    body = '正文\n\n![](img/login.png)\n\n<img src="img/login.png">\n\n![ ](img/login.png)\n'
    findings = check(tree(body), *IM)
    assert found(findings) == [("IM001", line(2)), ("IM001", line(4)), ("IM001", line(6))]


def test_image_over_300_kb(tree, check, line):
    findings = check(tree("![登录页](img/login.png)\n", image=b"\x00" * (300 * 1024 + 1)), *IM)
    assert found(findings) == [("IM002", line(0))]
    assert "301 KB" in findings[0].message


def test_image_of_exactly_300_kb_passes(tree, check):
    assert check(tree("![登录页](img/login.png)\n", image=b"\x00" * 300 * 1024), *IM) == []


def test_remote_image(tree, check, line):
    body = '![截图](https://i.imgur.com/abc.png)\n\n<img src="//cdn.example.com/a.png" alt="a">\n'
    findings = check(tree(body), *IM)
    assert found(findings) == [("IM003", line(0)), ("IM003", line(2))]
    assert "i.imgur.com" in findings[0].message


def test_missing_image_file_is_lk001_not_im(tree, check):
    findings = check(tree("![登录页](img/nothere.png)\n"), *IM, "LK001")
    assert [f.code for f in findings] == ["LK001"]
