"""Structure rules ST001-ST020: files, headings, the troubleshooting template and
the nav; each passes on a good tree and reports the right code and line on a bad one."""

from __future__ import annotations

import pytest

ST = [f"ST{number:03}" for number in range(1, 21)]

TROUBLESHOOTING_ZH = """\
## 解决步骤 { #steps }

1. 打开浏览器设置。
2. 允许 Cookie。

## 症状 { #symptoms }

输入密码后又回到登录页。

## 原因 { #causes }

浏览器拦截了 Cookie。

## 仍未解决？ { #still-stuck }

联系卖家支持。
"""

TROUBLESHOOTING_EN = """\
## Steps { #steps }

1. Open the browser settings.
2. Allow cookies.

## Symptoms { #symptoms }

The sign-in page comes back after the password.

## Causes { #causes }

The browser blocks cookies.

## Still stuck? { #still-stuck }

Contact Selling Partner Support.
"""


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def found(findings):
    return [(f.path, f.line, f.code) for f in findings]


@pytest.fixture
def pair(page):
    """Both languages of one slug, Chinese body first."""

    def make(rel: str = "a.md", zh_body: str = "", en_body: str = "", **front_matter):
        return {
            f"zh/{rel}": page("登录问题", zh_body, **front_matter),
            f"en/{rel}": page("Sign-in problems", en_body, **front_matter),
        }

    return make


@pytest.fixture
def st(make_tree, check):
    """The ST findings of a tree."""
    return lambda files: check(make_tree(files), *ST)


def test_good_tree_passes(st, pair, page):
    files = {
        **pair("index.md"),
        **pair(
            "sign-in/browser-and-cookies.md",
            TROUBLESHOOTING_ZH,
            TROUBLESHOOTING_EN,
            kind="troubleshooting",
        ),
        **pair(
            "sign-in/index.md",
            "## 概览 { #overview }\n\n正文。\n\n### 细节 { #details }\n\n正文。\n",
        ),
        "zh/img/sign-in-page.png": b"\x89PNG",
    }
    assert st(files) == []


# --- files ----------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\n  \n"])
def test_empty_file_is_st001(st, pair, content):
    assert found(st({**pair(), "zh/a.md": content})) == [("docs/zh/a.md", 1, "ST001")]


def test_gbk_file_is_named_st002(st, pair, page):
    text = page("登录问题", "正文第一段。\n")
    findings = st({**pair(), "zh/a.md": text.encode("gbk")})
    assert found(findings) == [("docs/zh/a.md", line_of(text, "title:"), "ST002")]
    assert "saved as GBK/GB18030: re-save as UTF-8" in findings[0].message
    assert "Save with Encoding" in findings[0].message


def test_other_invalid_bytes_are_st002_on_their_line(st, pair):
    raw = b"---\ntitle: x\n---\n\n# x { #page }\n\nbad \xff\xfe here\n"
    findings = st({**pair(), "zh/a.md": raw})
    assert found(findings) == [("docs/zh/a.md", 7, "ST002")]
    assert "UTF-8" in findings[0].message


def test_bom_is_st003(st, pair, page):
    raw = b"\xef\xbb\xbf" + page("登录问题").encode()
    assert found(st({**pair(), "zh/a.md": raw})) == [("docs/zh/a.md", 1, "ST003")]


def test_crlf_is_st004_on_the_first_crlf_line(st, pair, page):
    text = page("登录问题", "第一段。\n\n第二段。\n")
    head, _, tail = text.partition("第一段")
    crlf = head + "第一段" + tail.replace("\n", "\r\n")
    findings = st({**pair(), "zh/a.md": crlf.encode()})
    assert found(findings) == [("docs/zh/a.md", line_of(text, "第一段"), "ST004")]
    assert "CRLF" in findings[0].message


@pytest.mark.parametrize("char", ["\u00a0", "\u202f", "\u200b", "\u200c", "\u200d", "\u2060"])
def test_invisible_space_is_st005_with_line_and_column(st, pair, page, char):
    text = page("登录问题", f"打开卖家平台{char}登录页。\n")
    findings = st({**pair(), "zh/a.md": text})
    assert [(f.line, f.col, f.code) for f in findings] == [
        (line_of(text, "打开卖家平台"), 7, "ST005")
    ]
    assert f"U+{ord(char):04X}" in findings[0].message


def test_zero_width_no_break_space_inside_text_is_st005(st, pair, page):
    text = page("登录问题", "正文\ufeff。\n")
    assert [f.code for f in st({**pair(), "zh/a.md": text})] == ["ST005"]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Reset Password.md", "`reset-password.md`"),
        ("reset_password.md", "`reset-password.md`"),
        ("重置密码.md", "not lowercase"),
        ("img/Photo.PNG", "`photo.png`"),
        ("Sign_In/index.md", "folder name `Sign_In`"),
    ],
)
def test_file_names_are_kebab_case_st006(make_tree, check, pair, name, words):
    files = {**pair(), f"zh/{name}": b"\x89PNG" if name.endswith(".PNG") else "x"}
    findings = [f for f in check(make_tree(files), "ST006")]
    assert [(f.path, f.code) for f in findings] == [(f"docs/zh/{name}", "ST006")]
    assert words in findings[0].message


# --- headings -------------------------------------------------------------------


def test_no_h1_is_st007(st, pair):
    text = "---\ntitle: 登录问题\n---\n\n## 概览 { #overview }\n\n正文。\n"
    codes = found(st({**pair(), "zh/a.md": text}))
    assert ("docs/zh/a.md", 4, "ST007") in codes


def test_second_h1_is_st007_on_its_line(st, pair, page):
    text = page("登录问题", "正文。\n\n# 另一个标题 { #other }\n\n正文。\n")
    findings = st({**pair(), "zh/a.md": text})
    assert found(findings) == [("docs/zh/a.md", line_of(text, "# 另一个标题"), "ST007")]


def test_h1_title_mismatch_is_st008(st, pair, page):
    text = page("登录问题").replace("# 登录问题", "# 登录失败")
    findings = st({**pair(), "zh/a.md": text})
    assert found(findings) == [("docs/zh/a.md", line_of(text, "# 登录失败"), "ST008")]


def test_skipped_level_is_st009(st, pair, page):
    text = page("登录问题", "正文。\n\n### 细节 { #details }\n\n正文。\n")
    findings = st({**pair(), "zh/a.md": text})
    assert found(findings) == [("docs/zh/a.md", line_of(text, "### 细节"), "ST009")]


def test_missing_id_is_st010_and_names_the_other_languages_id(st, pair, page):
    files = pair(zh_body="## 原因\n\n正文。\n", en_body="## Causes { #causes }\n\nText.\n")
    findings = st(files)
    assert found(findings) == [("docs/zh/a.md", line_of(files["zh/a.md"], "## 原因"), "ST010")]
    assert "{ #causes }" in findings[0].message


@pytest.mark.parametrize("heading_id", ["原因", "Causes", "why_it_happens", "-causes"])
def test_invalid_id_is_st011(st, pair, heading_id):
    files = pair(zh_body=f"## 原因 {{ #{heading_id} }}\n\n正文。\n")
    findings = st(files)
    assert found(findings) == [("docs/zh/a.md", line_of(files["zh/a.md"], "## 原因"), "ST011")]


def test_duplicate_id_is_st012_on_the_second(st, pair):
    body = "## 原因 { #causes }\n\n正文。\n\n## 其他原因 { #causes }\n\n正文。\n"
    files = pair(zh_body=body)
    findings = st(files)
    assert found(findings) == [("docs/zh/a.md", line_of(files["zh/a.md"], "## 其他原因"), "ST012")]


def test_link_in_heading_is_st013(st, pair):
    files = pair(zh_body="## 见[重置密码](b.md) { #see }\n\n正文。\n")
    findings = [f for f in st(files) if f.code == "ST013"]
    assert found(findings) == [("docs/zh/a.md", line_of(files["zh/a.md"], "## 见"), "ST013")]


def test_empty_section_is_st014(st, pair):
    body = "## 原因 { #causes }\n\n## 步骤 { #steps }\n\n正文。\n\n## 结尾 { #end }\n"
    files = pair(zh_body=body)
    findings = st(files)
    text = files["zh/a.md"]
    assert found(findings) == [
        ("docs/zh/a.md", line_of(text, "## 原因"), "ST014"),
        ("docs/zh/a.md", line_of(text, "## 结尾"), "ST014"),
    ]


# --- troubleshooting template -----------------------------------------------------


def test_troubleshooting_section_missing_is_st015(st, pair):
    body = TROUBLESHOOTING_ZH.replace("## 原因 { #causes }\n\n浏览器拦截了 Cookie。\n\n", "")
    files = pair(zh_body=body, en_body=TROUBLESHOOTING_EN, kind="troubleshooting")
    findings = st(files)
    assert found(findings) == [("docs/zh/a.md", line_of(files["zh/a.md"], "## 症状"), "ST015")]
    assert "`## 原因 { #causes }`" in findings[0].message


def test_troubleshooting_sections_out_of_order_are_st015(st, pair):
    symptoms, causes = (
        "## 症状 { #symptoms }\n\n输入密码后又回到登录页。\n\n",
        ("## 原因 { #causes }\n\n浏览器拦截了 Cookie。\n\n"),
    )
    body = TROUBLESHOOTING_ZH.replace(symptoms + causes, causes + symptoms)
    files = pair(zh_body=body, en_body=TROUBLESHOOTING_EN, kind="troubleshooting")
    findings = st(files)
    assert found(findings) == [("docs/zh/a.md", line_of(files["zh/a.md"], "## 原因"), "ST015")]


def test_troubleshooting_section_at_the_wrong_level_is_st015(st, pair):
    body = TROUBLESHOOTING_ZH.replace("## 原因", "### 原因")
    files = pair(zh_body=body, en_body=TROUBLESHOOTING_EN, kind="troubleshooting")
    findings = [f for f in st(files) if f.code == "ST015"]
    assert "as H3" in findings[0].message


def test_steps_without_numbered_list_is_st016(st, pair):
    body = TROUBLESHOOTING_ZH.replace("1. 打开", "- 打开").replace("2. 允许", "- 允许")
    files = pair(zh_body=body, en_body=TROUBLESHOOTING_EN, kind="troubleshooting")
    findings = st(files)
    assert found(findings) == [("docs/zh/a.md", line_of(files["zh/a.md"], "## 解决步骤"), "ST016")]


def test_steps_list_may_sit_in_a_subsection(st, pair):
    body = TROUBLESHOOTING_ZH.replace("1. 打开", "### 电脑 { #desktop }\n\n1. 打开")
    files = pair(zh_body=body, en_body=TROUBLESHOOTING_EN, kind="troubleshooting")
    assert [f.code for f in st(files) if f.path.startswith("docs/zh")] == []


# --- nav --------------------------------------------------------------------------

ZH_CONFIG = "site_name: t\ndocs_dir: docs/zh\nnav:\n  - 首页: index.md\n  - 登录:\n      - a.md\n"
EN_CONFIG = (
    "INHERIT: mkdocs.yml\ndocs_dir: docs/en\nnav:\n  - Home: index.md\n  - Sign in:\n      - a.md\n"
)


def test_page_not_in_nav_is_st017(st, pair):
    files = {**pair("index.md"), **pair(), **pair("b.md"), "mkdocs.yml": ZH_CONFIG}
    files["mkdocs.en.yml"] = EN_CONFIG
    findings = st(files)
    assert found(findings) == [("docs/en/b.md", 1, "ST017"), ("docs/zh/b.md", 1, "ST017")]
    assert "mkdocs.en.yml" in findings[0].message


def test_nav_entry_without_page_is_st018(st, pair):
    zh = ZH_CONFIG + "      - missing.md\n"
    en = EN_CONFIG + "      - missing.md\n"
    findings = st({**pair("index.md"), **pair(), "mkdocs.yml": zh, "mkdocs.en.yml": en})
    assert found(findings) == [("mkdocs.en.yml", 7, "ST018"), ("mkdocs.yml", 7, "ST018")]


def test_navs_in_a_different_order_are_st019(st, pair):
    en = "INHERIT: mkdocs.yml\nnav:\n  - Sign in:\n      - a.md\n  - Home: index.md\n"
    findings = st({**pair("index.md"), **pair(), "mkdocs.yml": ZH_CONFIG, "mkdocs.en.yml": en})
    assert found(findings) == [("mkdocs.en.yml", 4, "ST019")]
    assert "index.md" in findings[0].message


def test_english_config_without_nav_inherits_it(st, pair):
    files = {**pair("index.md"), **pair(), "mkdocs.yml": ZH_CONFIG}
    files["mkdocs.en.yml"] = "INHERIT: mkdocs.yml\ndocs_dir: docs/en\n"
    assert st(files) == []


def test_unreadable_config_is_st020(st, pair):
    files = {**pair("index.md"), **pair(), "mkdocs.yml": ZH_CONFIG + "  - [broken\n"}
    assert ("mkdocs.yml", 8, "ST020") in found(st(files))


def _pair(page, zh_body="文字。\n", en_body="Text.\n", **meta):
    return {
        "zh/index.md": page("首页", zh_body, heading_id="home", **meta),
        "en/index.md": page("Home", en_body, heading_id="home", **meta),
    }


def test_same_address_is_found_in_either_language(make_tree, page, check):
    files = _pair(page)
    files["en/reset.md"] = page("Reset", "Text.\n", heading_id="reset")
    files["en/reset/index.md"] = page("Reset now", "Other text.\n", heading_id="reset")
    files["zh/reset.md"] = page("重置", "文字。\n", heading_id="reset")
    findings = check(make_tree(files), "ST021")
    assert [(f.path, f.line) for f in findings] == [("docs/en/reset/index.md", 1)]
    assert "/en/reset/" in findings[0].message and "docs/en/reset.md" in findings[0].message


def test_one_file_per_address_passes(make_tree, page, check):
    files = _pair(page)
    files["en/reset/index.md"] = page("Reset", "Text.\n", heading_id="reset")
    files["en/reset/more.md"] = page("More", "Text.\n", heading_id="more")
    assert check(make_tree(files), "ST021") == []


@pytest.mark.parametrize("name", ["tools.env", "notes.txt", "script.py", "backup.zip", "page.html"])
def test_a_file_neither_page_nor_image_is_found(make_tree, page, check, name):
    files = _pair(page)
    files[f"en/sign-in/{name}"] = "KEY=value\n"
    findings = check(make_tree(files), "ST022")
    assert [f.path for f in findings] == [f"docs/en/sign-in/{name}"]


def test_images_beside_pages_pass(make_tree, page, check):
    files = _pair(page)
    for name in ("a.png", "b.jpg", "c.svg", "d.webp"):
        files[f"en/img/{name}"] = b"\x89PNG\r\n\x1a\n\0\0"
    assert check(make_tree(files), "ST022") == []


def test_mixed_script_word_in_a_heading_or_title_is_found(make_tree, page, check, line):
    files = _pair(page, en_body="## St\u0435ps { #steps }\n\nText.\n")
    files["en/other.md"] = page("Re\u0455et", "Text.\n", heading_id="other")
    findings = check(make_tree(files), "ST023")
    assert [(f.path, f.line) for f in findings] == [
        ("docs/en/index.md", line(0)),
        ("docs/en/other.md", 2),  # the title
        ("docs/en/other.md", line(-2)),  # and the H1
    ]
    assert "U+0435" in findings[0].message


def test_mixed_scripts_in_code_or_separate_words_pass(make_tree, page, check):
    body = "The host `sellercentral.amaz\u043en.com` is fake.\n\nРусский and English, Ελληνικά.\n"
    assert check(make_tree(_pair(page, en_body=body)), "ST023") == []


def test_control_character_is_found(make_tree, page, check, line):
    findings = check(make_tree(_pair(page, en_body="Two\0words and an \x1b escape.\n")), "ST024")
    assert [(f.line, f.col) for f in findings] == [(line(0), 4), (line(0), 18)]
    assert check(make_tree(_pair(page, en_body="A\ttab.\n")), "ST024") == []


def test_bidirectional_override_is_a_control_character(make_tree, page, check, line):
    # Shown as "Open amazon.com.png", stored reversed.
    body = "Open \u202egnp.moc.nozama\u202c today.\n"
    findings = check(make_tree(_pair(page, en_body=body)), "ST024")
    assert [(f.line, f.col) for f in findings] == [(line(0), 6), (line(0), 21)]
    assert "U+202E" in findings[0].message
