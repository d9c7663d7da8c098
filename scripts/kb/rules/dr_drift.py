"""Drift between the two languages of a page: a date, an amount of money or a
number of days changed in one language only, a list step added on one side,
or Chinese prose left on an English page. Warnings, each naming the other file.

Sections are matched by heading ID (the IDs are the same in both languages,
TR002), so a figure is compared with the same section of the twin page.
What may differ, by rule: fenced code and `code` spans, link targets and
citations (`[@id]`), raw HTML tags and the front matter are left out; a date
or figure written in words on one side is not compared (only digits and the
day/month names below are read). Short Chinese names and interface labels
quoted in an English sentence are fine; an English line that is mostly Han
characters, or a Han run holding Chinese sentence punctuation, is prose left
untranslated."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity, family, rule, rule_doc
from ..site.model import Page, source_lines

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_PATTERNS = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), "ymd"),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)"), "ym"),
    (re.compile(rf"\b(\d{{1,2}})\s+({MONTH})\.?,?\s+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b({MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(rf"(?<!\d\s)\b({MONTH})\.?\s+(\d{{4}})\b", re.I), "my"),
)
NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
SCALE = r"(\s*(?:万|亿|million|billion)\b|\s*(?:万|亿))?"
SCALES = {"万": 10_000, "亿": 100_000_000, "million": 1_000_000, "billion": 1_000_000_000}
AMOUNTS = (
    re.compile(rf"(?:US\$|USD\s?|\$|美元\s?)\s?{NUMBER}{SCALE}", re.I),
    re.compile(rf"{NUMBER}{SCALE}\s*(?:美元|USD\b|US dollars?\b|dollars?\b)", re.I),
)
# Small numbers written as words, read as digits first ("three days", "三天").
WORDS = {
    word: str(number)
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
WORD_NUMBER = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.I)
HAN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# Not 一: 一天 is as often "a day" or part of a phrase (前一天) as a count.
HAN_NUMBER = re.compile(
    r"([一二两三四五六七八九]?十[一二三四五六七八九]?|[二两三四五六七八九])(?=\s*(?:个)?\s*(?:工作日|自然日|天|美元))"
)


def _han_number(text: str) -> str:
    if "十" not in text:
        return str(HAN_DIGITS[text])
    tens, _, ones = text.partition("十")
    return str((HAN_DIGITS.get(tens, 1)) * 10 + HAN_DIGITS.get(ones, 0))


def digits(text: str) -> str:
    text = WORD_NUMBER.sub(lambda m: WORDS[m.group(1).lower()], text)
    return HAN_NUMBER.sub(lambda m: _han_number(m.group(1)), text)


DAYS = re.compile(
    r"(\d+)(?:\s*|-)(?:个)?\s*(?:工作日|自然日|天|(?:business |calendar |working )?days?\b)", re.I
)
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
NOT_PROSE = (
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"https?://\S+"),
    re.compile(r"\[@[^\]]*\]"),  # citations
    re.compile(r"<[^>]+>"),  # raw HTML tags
    re.compile(r"\{[:#][^}]*\}|\{\s*#[^}]*\}"),  # attribute lists, heading IDs
)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HAN_RUN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff，。；！？、：“”（）]*"
)
# Quotations of Chinese text ("不，我是个人卖家") are named, not prose.
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|「[^」]*」|‘[^’]*’')
SENTENCE_MARKS = re.compile(r"[，。；！？]")


def prose(line: str) -> str:
    for pattern in NOT_PROSE:
        line = pattern.sub(" ", line)
    return digits(line)


def dates(text: str) -> Iterator[str]:
    covered: list[tuple[int, int]] = []
    for pattern, order in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in covered):
                continue
            covered.append(match.span())
            groups = match.groups()
            if order == "ymd":
                year, month, day = groups
            elif order == "ym":
                (year, month), day = groups, None
            elif order == "dmy":
                day, month, year = groups
            elif order == "mdy":
                month, day, year = groups
            else:
                (month, year), day = groups, None
            month = MONTHS[month.lower()] if not month.isdigit() else int(month)
            yield f"{int(year):04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def amounts(text: str) -> Iterator[str]:
    seen: set[int] = set()
    for pattern in AMOUNTS:
        for match in pattern.finditer(text):
            if match.start() in seen or match.end() in seen:
                continue
            seen.update((match.start(), match.end()))
            whole, fraction, scale = match.group(1), match.group(2), match.group(3)
            value = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
            if scale:
                value *= SCALES[scale.strip().lower()]
            yield f"${value:,.2f}".replace(".00", "")


def day_counts(text: str) -> Iterator[str]:
    for match in DAYS.finditer(text):
        yield f"{int(match.group(1))} days"


def sections(page: Page) -> dict[str, list[tuple[int, str, bool]]]:
    """Heading ID -> the section's (line, text, in code) source lines."""
    by_line = {heading.line: heading.id for heading in page.headings if heading.id}
    found: dict[str, list[tuple[int, str, bool]]] = {}
    current = None
    for number, text, in_code in source_lines(page):
        if number in by_line:
            current = by_line[number]
            found.setdefault(current, [])
            continue
        if current is not None:
            found[current].append((number, text, in_code))
    return found


FACTS = {
    "DR001": ("date", dates),
    "DR002": ("amount", amounts),
    "DR003": ("number of days", day_counts),
}


def _twins(docs) -> Iterator[tuple[Page, Page]]:
    for page in docs.by_lang("zh"):
        twin = docs.page("en", page.rel)
        if twin is not None and page.text is not None and twin.text is not None:
            yield page, twin
            yield twin, page


def prose_sections(page: Page) -> dict[str, list[tuple[int, str]]]:
    """Heading ID -> (line, prose) of the section's lines outside code, computed
    once per page for all three fact rules (kept on the page's model)."""
    cached = vars(page).get("_prose_sections")
    if cached is None:
        cached = {
            section: [(number, prose(text)) for number, text, in_code in lines if not in_code]
            for section, lines in sections(page).items()
        }
        vars(page)["_prose_sections"] = cached
    return cached


# Every date, amount and number of days has a digit once prose() has read
# number words as digits; most lines have none and are skipped.
HAS_DIGIT = re.compile(r"\d")


def section_facts(page: Page, code: str) -> dict[str, list[tuple[int, list[str]]]]:
    """Heading ID -> (line, values) of one fact rule's values in the section's
    prose, computed once per page (a page is compared as itself and as its
    twin's twin)."""
    key = f"_facts_{code}"
    cached = vars(page).get(key)
    if cached is None:
        _what, extract = FACTS[code]
        cached = {
            section: [
                (number, list(extract(text))) for number, text in lines if HAS_DIGIT.search(text)
            ]
            for section, lines in prose_sections(page).items()
        }
        vars(page)[key] = cached
    return cached


def fact_drift(docs, code: str) -> Iterator[tuple[Page, int, int, str]]:
    what, _extract = FACTS[code]
    for page, twin in _twins(docs):
        theirs = section_facts(twin, code)
        for section, lines in section_facts(page, code).items():
            if section not in theirs:
                continue  # TR002's finding
            # Compared as sets: how often a figure is repeated differs between languages.
            other = {value for _n, values in theirs[section] for value in values}
            reported: set[str] = set()
            for number, values in lines:
                for value in values:
                    if value in other or value in reported:
                        continue
                    reported.add(value)
                    yield (
                        page,
                        number,
                        1,
                        f"{what} {value} is not in section #{section} of {twin.display}",
                    )


family(
    "DR",
    "drift",
    title={"en": "Language drift (DR)", "zh": "语言版本差异（DR）"},
    doc={
        "en": """\
The two languages of a page say the same things. These warnings compare each section of a page with the same section (by heading ID) of its twin: the dates, amounts and numbers of days it states and the number of list items; and they flag Chinese prose left on an English page.
""",
        "zh": """\
同一页面的两种语言必须说同样的事。这些警告按标题 ID 把页面的每一节和另一种语言的同一节比较：其中的日期、金额、天数和列表项数；英文页面里留下的中文正文也会被标出。
""",
    },
)


def _drift_rule(code: str, name: str, what: str, fails: tuple[str, str], fixed: tuple[str, str]):
    zh_what = {"date": "日期", "amount": "金额", "number of days": "天数"}[what]

    @rule(
        code,
        name,
        Severity.WARNING,
        f"A {what} in a section is not in the same section of the page's other language.",
        f"Make the {what} the same in both languages (check the source), or add the missing one.",
        title={
            "en": f"{what.capitalize()} differs between languages",
            "zh": f"两种语言的{zh_what}不同",
        },
        doc=rule_doc(
            f"A reader of one language must not get a different {what} than a reader of the "
            "other: a deadline changed on one side only is a wrong instruction on the other. "
            "Sections are matched by heading ID.",
            fails[0],
            fixed[0],
            f"两种语言的读者必须看到相同的{zh_what}：只改了一边的期限，在另一边就是错误的指引。"
            "按标题 ID 对应章节比较。",
            fails[1],
            fixed[1],
        ),
    )
    def check(docs, self):
        for page, line, col, message in fact_drift(docs, code):
            yield self.at(page.display, line, col, message)

    return check


_drift_rule(
    "DR001",
    "date-differs-between-languages",
    "date",
    (
        "(en) The law took effect on 27 June 2023.\n(zh) 该法于 2023 年 6 月 28 日生效。",
        "该法于 2023 年 6 月 27 日生效。",
    ),
    ("(en) The law took effect on 27 June 2023.\n(zh) 该法于 2023 年 6 月 27 日生效。", "同左"),
)
_drift_rule(
    "DR002",
    "amount-differs-between-languages",
    "amount",
    (
        "(en) US$5,000 in gross revenue\n(zh) 总收入达到 5,000 美元以上",
        "(zh) 总收入达到 20,000 美元",
    ),
    ("(en) US$20,000 in gross revenue\n(zh) 总收入达到 20,000 美元", "同左"),
)
_drift_rule(
    "DR003",
    "days-differ-between-languages",
    "number of days",
    ("(en) within 10 days\n(zh) 在 3 天内", "(zh) 在 3 天内"),
    ("(en) within 10 days\n(zh) 在 10 天内", "同左"),
)


@rule(
    "DR004",
    "list-items-differ-between-languages",
    Severity.WARNING,
    "A section has a different number of list items from the same section of the other language.",
    "Add the missing step or item to the other language, or remove the extra one.",
    title={"en": "List items differ between languages", "zh": "两种语言的列表项数不同"},
    doc=rule_doc(
        "A step added in one language only leaves readers of the other one step short.",
        "(en) 1. Open Seller Central.\n     2. Choose Settings.\n(zh) 1. 打开卖家平台。",
        "(zh) 1. 打开卖家平台。\n     2. 选择“设置”。",
        "只在一种语言里加的步骤，会让另一种语言的读者少做一步。",
        "(en) 1. Open Seller Central.\n     2. Choose Settings.\n(zh) 1. 打开卖家平台。",
        "(zh) 1. 打开卖家平台。\n     2. 选择“设置”。",
    ),
)
def list_items_differ(docs, self):
    for page, twin in _twins(docs):
        theirs = sections(twin)
        for section, lines in sections(page).items():
            if section not in theirs:
                continue
            mine = [n for n, text, code in lines if not code and LIST_ITEM.match(text)]
            other = [n for n, text, code in theirs[section] if not code and LIST_ITEM.match(text)]
            if len(mine) > len(other):  # reported on the side with more items
                line = mine[len(other)] if mine else lines[0][0]
                yield self.at(
                    page.display,
                    line,
                    1,
                    f"section #{section} has {len(mine)} list items, "
                    f"{twin.display} has {len(other)}",
                )


@rule(
    "DR005",
    "chinese-prose-on-english-page",
    Severity.WARNING,
    "A line of an English page is Chinese prose (mostly Han characters, or a Chinese sentence).",
    "Translate it. Quoting a short Chinese name or interface label inside an English sentence "
    "is fine.",
    title={"en": "Chinese prose on an English page", "zh": "英文页面里有中文正文"},
    doc=rule_doc(
        "An English reader cannot act on a Chinese sentence; it usually means a paragraph was "
        "copied from the Chinese page and not translated.",
        "Open Settings. 然后点击“登录设置”，再选择“两步验证”。",
        "Open Settings, then choose Login Settings and Two-Step Verification.",
        "英文读者无法照着中文句子操作；这通常说明一段文字从中文页复制过来却没有翻译。",
        "Open Settings. 然后点击“登录设置”，再选择“两步验证”。",
        "Open Settings, then choose Login Settings and Two-Step Verification.",
    ),
)
def chinese_prose_on_english_page(docs, self):
    for page in docs.by_lang("en"):
        for number, text, in_code in source_lines(page):
            if in_code:
                continue
            line = QUOTED.sub("", prose(text))
            han = len(HAN.findall(line))
            if not han:
                continue
            latin = len(re.findall(r"[A-Za-z]", line))
            sentence = next(
                (m for m in HAN_RUN.finditer(line) if SENTENCE_MARKS.search(m.group(0))), None
            )
            if sentence or (han >= 6 and han >= latin):
                col = (sentence.start() if sentence else HAN.search(line).start()) + 1
                yield self.at(page.display, number, col, "Chinese text left untranslated")
