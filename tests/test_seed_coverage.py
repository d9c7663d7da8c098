"""Every point of the original trade-press article is covered by the site.

shared/seed/ holds the Chinese article the site started from; shared/facts.md
section 0 lists its points and their status. Each point below names the page
that covers it, a few words of the seed that the point stands for, and
distinctive phrases that must stay on the Chinese AND the English page, so
dropping a point from either language fails its own test.

Pages are compared after removing Markdown emphasis and collapsing spaces, so
re-wording around a phrase is fine; removing the phrase is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT.parent / "shared" / "seed"


@dataclass(frozen=True)
class Point:
    id: str
    page: str  # slug under docs/zh and docs/en
    seed: str  # words of the seed the point comes from
    zh: tuple[str, ...]
    en: tuple[str, ...]


POINTS = (
    # Four common causes of a failed sign-in, each with the seed's advice.
    Point(
        "cause-amazon-system-problem",
        "sign-in/index.md",
        "亚马逊系统问题",
        zh=("亚马逊系统出问题", "未证实"),
        en=("A problem on Amazon's side", "Unconfirmed"),
    ),
    Point(
        "cause-amazon-system-problem-wait",
        "sign-in/amazon-outage.md",
        "等待系统恢复后再进行登录",
        zh=("等系统恢复再登录", "没有找到亚马逊为卖家平台提供的状态页"),
        en=("waiting for the system to recover", "no Amazon status page"),
    ),
    Point(
        "cause-deposit-account-change",
        "sign-in/index.md",
        "修改过收款账户等信息",
        zh=("刚改过收款账户", "三天付款保留期已确认"),
        en=("A recent change of deposit account", "three-day disbursement hold is confirmed"),
    ),
    Point(
        "cause-deposit-account-change-performance-team",
        "sign-in/after-changing-bank-account.md",
        "亚马逊绩效团队发相关邮件",
        zh=("给亚马逊绩效团队发邮件找回账户", "未证实"),
        en=("Emailing Amazon's performance team gets the account back", "Unconfirmed"),
    ),
    Point(
        "cause-suspended-or-deactivated",
        "sign-in/index.md",
        "账号被封或被暂停销售",
        zh=("账户被暂停或停用",),
        en=("A suspended or deactivated account",),
    ),
    Point(
        "cause-suspended-check-email-and-listings",
        "sign-in/account-deactivated.md",
        "listing是否还正常展示",
        zh=("看邮箱里有没有亚马逊的停用邮件", "看前台的商品是否还正常显示"),
        en=("look for a deactivation email from Amazon", "whether your listings still appear"),
    ),
    Point(
        "cause-wrong-email-or-password",
        "sign-in/index.md",
        "错填邮箱地址或密码",
        zh=("邮箱或密码填错", "已确认"),
        en=("A wrong email or password", "Confirmed"),
    ),
    # Amazon UK's checklist, item by item.
    Point(
        "checklist-correct-email-and-password",
        "sign-in/index.md",
        "确认你使用的是正确的电子邮件地址和密码",
        zh=("确认邮箱和密码是这个账户的",),
        en=("Make sure the email and password belong to this account",),
    ),
    Point(
        "checklist-no-pasted-spaces",
        "sign-in/index.md",
        "确保密码中没有多余的空格",
        zh=("粘贴带进来的多余空格",),
        en=("extra spaces picked up when pasting",),
    ),
    Point(
        "checklist-newest-2sv-code",
        "sign-in/index.md",
        "确认你输入的是最新收到的验证码",
        zh=("只输入最新收到的那一个",),
        en=("enter only the newest one",),
    ),
    Point(
        "checklist-cookies-cache-other-browser",
        "sign-in/index.md",
        "清除下浏览器Cookie和缓存",
        zh=("清除 Cookie 和缓存，或换一个浏览器、换一台设备",),
        en=("Clear cookies and cache, or try another browser or device",),
    ),
    Point(
        "checklist-password-assistance",
        "sign-in/index.md",
        "密码帮助页面",
        zh=("密码帮助（Password assistance）页面", "核对邮箱是否注册过"),
        en=("Password assistance page", "check that your email is registered"),
    ),
    Point(
        "checklist-new-email-and-password",
        "sign-in/index.md",
        "使用新的电子邮件地址和密码登录到卖家中心",
        zh=("使用新的邮箱地址和密码登录", "不要因为忘记密码而新开账户"),
        en=("sign in with a new email address and password", "not to open a new account"),
    ),
    Point(
        "checklist-new-email-vs-new-account-explained",
        "sign-in/reset-password.md",
        "使用新的电子邮件地址和密码登录到卖家中心",
        zh=("使用新的邮箱地址和密码登录卖家平台", "两者不一致时，以亚马逊的帮助页为准"),
        en=("with a new email address and password", "Where they disagree, follow Amazon's help"),
    ),
    Point(
        "checklist-contact-form",
        "sign-in/contact-support.md",
        "填写此表格,联系销售合作伙伴支持",
        zh=("填一份表格，联系销售伙伴支持", "Contact us"),
        en=("filling in a form to reach Selling Partner Support", "Contact us"),
    ),
    # INFORM Consumers Act.
    Point(
        "inform-in-force-2023-06-27",
        "inform-act/index.md",
        "北京时间2023年6月27日生效",
        zh=("2023 年 6 月 27 日", "北京时间"),
        en=("27 June 2023", "Beijing time"),
    ),
    Point(
        "inform-threshold",
        "inform-act/who-must-verify.md",
        "连续12个月的销售总额≥200件,且交易总额超过5000美元",
        zh=("过去 24 个月内的任意连续 12 个月", "200 笔以上全新或未使用的商品", "5,000 美元以上"),
        en=("any continuous 12-month period within the last 24 months", "200 or more", "$5,000"),
    ),
    Point(
        "inform-five-kinds-of-information",
        "inform-act/required-information.md",
        "卖家身份验证、银行账号验证、企业地址验证、电话号码验证、税务信息验证",
        zh=(
            "身份、银行账户、电话号码、企业地址和税号",
            "身份、银行账号、企业地址、电话号码和税务信息",
        ),
        en=("identity, bank account, phone number, business address and tax ID",),
    ),
    Point(
        "inform-verification-by-email-and-banner",
        "inform-act/deadlines-and-suspension.md",
        "以邮件形式通知卖家",
        zh=("收到亚马逊关于 INFORM 验证", "账户信息页面出现横幅"),
        en=("An email from Amazon about INFORM verification", "A banner on your Seller Central"),
    ),
    Point(
        "inform-60-days-reported",
        "inform-act/deadlines-and-suspension.md",
        "卖家需要在60天内按照相关操作提交验证",
        zh=("60 天", "卖家之家 2023 年报道", "未证实"),
        en=("60 days", "卖家之家, 2023", "Not confirmed"),
    ),
    Point(
        "inform-withheld-funds-and-suspension",
        "inform-act/deadlines-and-suspension.md",
        "暂停卖家的销售权限并扣留款项",
        zh=("扣留付款", "停用账户"),
        en=("withhold your disbursements", "deactivate your account"),
    ),
    Point(
        "inform-no-notice-keep-details-current",
        "inform-act/who-must-verify.md",
        "没收到验证信息的请核实自己的公司信息是否仍然真实有效",
        zh=("没收到通知的卖家，也应确认自己的公司信息仍然真实有效",),
        en=("sellers who got no notice should still check that their business details",),
    ),
    Point(
        "individual-seller-entry-reported",
        "inform-act/individual-sellers.md",
        "个人卖家验证入口已开放",
        zh=("2023 年 5 月 22 日", "不，我是个人卖家", "身份证加信用卡账单或银行卡账单"),
        en=("22 May 2023", "不，我是个人卖家", "an ID card plus a credit-card or bank statement"),
    ),
    Point(
        "address-verification-entry",
        "inform-act/address-verification.md",
        "设置>账户信息>业务信息>公司地址和电话号码",
        zh=("设置 > 账户信息 > 业务信息 > 公司地址和电话号码",),
        en=("设置 > 账户信息 > 业务信息 > 公司地址和电话号码", "Company address and phone"),
    ),
    Point(
        "address-verification-which-address",
        "inform-act/address-verification.md",
        "公司的实际经营地址或营业执照注册地址",
        zh=("公司的实际经营地址", "营业执照上的注册地址", "填写新地址"),
        en=("actually operates", "registered address on your business license", "new address"),
    ),
    Point(
        "annual-re-verification",
        "inform-act/annual-certification.md",
        "每年提交一次店铺验证信息",
        zh=("每年一次的验证", "2024 年 4 月"),
        en=("the yearly check", "April 2024"),
    ),
    Point(
        "annual-cost-many-stores-and-old-accounts",
        "inform-act/annual-certification.md",
        "对于铺货卖家而言,每年的账号验证将增加其合规成本",
        zh=("铺货卖家", "合规成本", "相关资料已经丢失的老账户"),
        en=(
            "run many stores",
            "compliance costs",
            "old accounts whose original documents were lost",
        ),
    ),
    # Amazon Europe and Two-Step Verification (AMZ123's report).
    Point(
        "europe-2sv-from-2022-12-01-reported",
        "two-step-verification/index.md",
        "从2022年12月1日开始",
        zh=("2022 年 12 月 1 日", "AMZ123", "2017 年就已强制"),
        en=("1 December 2022", "AMZ123", "already compulsory in 2017"),
    ),
    Point(
        "europe-2sv-sms-otp-after-password",
        "two-step-verification/index.md",
        "输入密码后,卖家将通过手机短信收到一个一次性密码",
        zh=("输入密码后，卖家会收到一条短信一次性密码",),
        en=("after the password, the seller receives a one-time password by text message",),
    ),
    Point(
        "europe-2sv-authenticator-avoids-sms",
        "two-step-verification/index.md",
        "不想在每次登录卖家中心时都通过短信收到一次性密码",
        zh=("不想每次登录都等短信", "身份验证器应用"),
        en=("don't want a text every time", "authenticator app"),
    ),
    Point(
        "europe-2sv-no-phone-guided-at-next-sign-in",
        "two-step-verification/index.md",
        "系统将在您下次登录时引导您完成注册手机号码的过程",
        zh=("下次登录时会被引导登记手机号",),
        en=("registering a phone number the next time they sign in",),
    ),
)

EMPHASIS = re.compile(r"\*+|_{2,}")
SPACES = re.compile(r"\s+")


def normalized(text: str) -> str:
    return SPACES.sub(" ", EMPHASIS.sub("", text))


def page_text(lang: str, slug: str) -> str:
    path = ROOT / "docs" / lang / slug
    assert path.is_file(), f"{path.relative_to(ROOT)} does not exist"
    return normalized(path.read_text(encoding="utf-8"))


def test_point_ids_are_unique() -> None:
    ids = [point.id for point in POINTS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("point", POINTS, ids=lambda point: point.id)
def test_point_is_covered_in_both_languages(point: Point) -> None:
    missing = [
        f"docs/{lang}/{point.page}: {phrase!r}"
        for lang, phrases in (("zh", point.zh), ("en", point.en))
        for phrase in phrases
        if normalized(phrase) not in page_text(lang, point.page)
    ]
    assert not missing, f"seed point {point.id} is no longer covered:\n" + "\n".join(missing)


@pytest.mark.parametrize("point", POINTS, ids=lambda point: point.id)
def test_point_comes_from_the_seed(point: Point) -> None:
    seeds = sorted(SEED_DIR.glob("*.txt"))
    if not seeds:
        pytest.skip(f"the seed article is not available: no *.txt in {SEED_DIR}")
    seed = "".join("".join(path.read_text(encoding="utf-8").split()) for path in seeds)
    assert "".join(point.seed.split()) in seed, f"{point.id}: {point.seed!r} is not in the seed"
