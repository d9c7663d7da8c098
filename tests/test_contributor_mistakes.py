"""The checks measured on mistakes a contributor editing in the browser makes,
applied to a copy of the real docs: each mistake must be reported with the
right code on the right line (findings the copy already had are ignored, so the
test measures the mistake, not the state of the articles)."""

from __future__ import annotations

PAGE = "sign-in/reset-password.md"  # a troubleshooting page with the full template


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), start=1) if needle in line)


def first_line(text: str, prefix: str) -> str:
    return next(line for line in text.split("\n") if line.startswith(prefix))


ZH = f"docs/zh/{PAGE}"
EN = f"docs/en/{PAGE}"


def test_heading_id_removed(repo):
    text = repo.edit(ZH, "## 原因 { #causes }", "## 原因")
    new = repo.new("ST010", "TR002")
    assert (ZH, line_of(text, "## 原因"), "ST010") in new
    assert (EN, line_of(repo.text(EN), "## Causes"), "TR002") in new


def test_heading_id_translated(repo):
    text = repo.edit(ZH, "## 原因 { #causes }", "## 原因 { #原因 }")
    assert (ZH, line_of(text, "## 原因"), "ST011") in repo.new("ST011")


def test_full_width_colon_after_a_key(repo):
    title = first_line(repo.text(ZH), "title: ")
    text = repo.edit(ZH, title, title.replace("title: ", "title："))
    assert repo.new("FM004") == [(ZH, line_of(text, "title："), "FM004")]


def test_tab_indented_front_matter(repo):
    source = repo.text(ZH).split("sources:\n", 1)[1].split("\n", 1)[0]  # "  - some-id"
    text = repo.edit(ZH, f"sources:\n{source}", f"sources:\n\t{source.lstrip()}")
    assert repo.new("FM004") == [(ZH, line_of(text, f"\t{source.lstrip()}"), "FM004")]


def test_date_with_slashes(repo):
    reviewed = first_line(repo.text(ZH), "last_reviewed: ")
    date = reviewed.split(": ")[1]
    text = repo.edit(ZH, reviewed, "last_reviewed: " + date.replace("-", "/"))
    assert repo.new("FM006") == [(ZH, line_of(text, "last_reviewed:"), "FM006")]


def test_closing_front_matter_line_deleted(repo):
    text = repo.text(ZH)
    lines = text.split("\n")
    closing = lines.index("---", 1)
    repo.write(ZH, "\n".join(lines[:closing] + lines[closing + 1 :]))
    assert (ZH, 1, "FM003") in repo.new("FM003")


def test_keywords_typed_on_one_line(repo):
    text = repo.text(ZH)
    start = text.index("keywords:")
    end = text.index("sources:")
    repo.write(ZH, text[:start] + "keywords: 登不上, 忘记密码\n" + text[end:])
    assert repo.new("FM005") == [(ZH, line_of(repo.text(ZH), "keywords:"), "FM005")]


def test_misspelt_key(repo):
    text = repo.edit(ZH, "last_reviewed:", "last_reveiwed:")
    new = repo.new("FM001", "FM008")
    assert (ZH, 1, "FM001") in new
    assert (ZH, line_of(text, "last_reveiwed:"), "FM008") in new


def test_page_added_without_nav_entry_or_translation(repo, page):
    repo.write("docs/zh/sign-in/new-topic.md", page("新问题", kind="guide"))
    new = repo.new("ST017", "TR001")
    assert ("docs/zh/sign-in/new-topic.md", 1, "ST017") in new
    assert ("docs/zh/sign-in/new-topic.md", 1, "TR001") in new


def test_english_page_deleted(repo):
    (repo.path / EN).unlink()
    new = repo.new("TR001", "ST018")
    assert (ZH, 1, "TR001") in new
    config = repo.text("mkdocs.en.yml")
    assert ("mkdocs.en.yml", line_of(config, f"- {PAGE}"), "ST018") in new


def test_file_saved_as_gbk(repo):
    text = repo.text(ZH)
    repo.write(ZH, text.encode("gb18030"))
    new = repo.new("ST002")
    assert len(new) == 1 and new[0][0] == ZH and new[0][2] == "ST002"
    finding = next(f for f in repo.findings("ST002") if f.path == ZH)
    assert finding.message.startswith("saved as GBK/GB18030: re-save as UTF-8")


def test_saved_with_windows_line_endings(repo):
    repo.write(ZH, repo.text(ZH).replace("\n", "\r\n").encode())
    assert repo.new("ST004") == [(ZH, 1, "ST004")]


def test_pasted_no_break_space(repo):
    text = repo.edit(ZH, "## 症状 { #symptoms }\n\n", "## 症状 { #symptoms }\n\n\u00a0")
    line = line_of(text, "\u00a0")
    findings = [f for f in repo.findings("ST005") if f.path == ZH]
    assert [(f.line, f.col) for f in findings] == [(line, 1)]


def test_chinese_typed_without_spaces(repo):
    text = repo.edit(
        ZH,
        "## 症状 { #symptoms }\n\n",
        "## 症状 { #symptoms }\n\n打开Seller Central后,页面空白.\n\n",
    )
    assert repo.new("TY001") == [(ZH, line_of(text, "打开Seller"), "TY001")]


def test_title_changed_but_not_the_heading(repo):
    title = first_line(repo.text(ZH), "title: ")
    text = repo.edit(ZH, title, "title: 忘记密码怎么办")
    assert (ZH, line_of(text, "{ #reset-password }"), "ST008") in repo.new("ST008")


def test_english_title_left_in_chinese(repo):
    title = first_line(repo.text(EN), "title: ")
    text = repo.edit(EN, title, "title: 重置密码")
    assert (EN, line_of(text, "title:"), "TR003") in repo.new("TR003")


def test_steps_written_as_bullets(repo):
    text = repo.text(ZH)
    steps = text.index("## 解决步骤")
    end = text.index("\n## ", steps + 1)
    section = text[steps:end]
    bullets = "\n".join(
        "- " + line.split(". ", 1)[1] if line[:1].isdigit() and ". " in line else line
        for line in section.split("\n")
    )
    repo.write(ZH, text[:steps] + bullets + text[end:])
    assert (ZH, line_of(text, "## 解决步骤"), "ST016") in repo.new("ST016")


def test_heading_level_skipped(repo):
    text = repo.edit(ZH, "### 收不到重置邮件", "#### 收不到重置邮件")
    assert (ZH, line_of(text, "#### 收不到重置邮件"), "ST009") in repo.new("ST009")


def test_http_link(repo):
    text = repo.edit(
        ZH,
        "## 症状 { #symptoms }\n\n",
        "## 症状 { #symptoms }\n\n见[帮助](http://sellercentral.amazon.com/help)。\n\n",
    )
    assert (ZH, line_of(text, "http://"), "LP001") in repo.new("LP001")


def test_link_to_a_page_that_does_not_exist(repo):
    text = repo.edit(ZH, "](contact-support.md)", "](contact-suport.md)")
    assert (ZH, line_of(text, "contact-suport.md"), "LK001") in repo.new("LK001")


def test_file_name_with_capitals_and_spaces(repo):
    repo.write("docs/zh/sign-in/Reset Password.md", repo.text(ZH))
    assert ("docs/zh/sign-in/Reset Password.md", 1, "ST006") in repo.new("ST006")
