// Unit tests of the query pipeline (overrides/assets/javascripts/search-pipeline.js),
// in Node without a browser: `node --test tests/js/` (part of `make test`).
// Tiny lexicons made here stand for an index; the browser test
// (tests/browser/test_search.py) runs the pipeline against the real site.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import test from "node:test";

const require = createRequire(import.meta.url);
const P = require("../../overrides/assets/javascripts/search-pipeline.js");

const VOCABULARY = {
  stopwords: ["怎么办", "怎么", "什么", "是", "了", "吗", "的", "how", "to", "my", "亚马逊", "ymx"],
  synonyms: [
    { readers: ["登不上", "登录不了"], articles: ["无法登录"] },
    { readers: ["2fa", "二次验证"], articles: ["两步验证"] },
    { readers: ["验证码+过期"], articles: ["过期"] },
  ],
};
const WORDS = [
  "登录", "无法登录", "账号", "账户", "验证码", "验证", "两步验证", "两步", "密码", "手机", "收不到",
  "短信", "缓存", "清除", "浏览器", "过期", "设置", "身份验证器", "被封", "+86",
  "password", "verification", "verify", "authenticator", "threshold", "seller", "central", "sp-api",
];
const T2S = {
  phrases: { 快取: "缓存", 簡訊: "短信", 登入: "登录" },
  chars: { 帳: "帐", 號: "号", 驗: "验", 證: "证", 碼: "码", 兩: "两", 設: "设", 機: "机", 過: "过", 覽: "览", 器: "器", 瀏: "浏", 除: "除" },
};
const CONFUSIONS = [["登陆", "登录"], ["帐号", "账号"], ["验正", "验证"], ["验政", "验证"], ["密马", "密码"]];

function lexicon(extra = {}) {
  return new P.Lexicon({ words: WORDS, vocabulary: VOCABULARY, t2s: T2S, confusions: CONFUSIONS, ...extra });
}

function typedConcepts(text, lex = lexicon()) {
  return P.plan(lex, text).concepts.map((concept) => concept.typed);
}

function allTerms(text, lex = lexicon()) {
  return P.terms(P.plan(lex, text)).map((t) => t.term + (t.wildcard ? "*" : ""));
}

test("normalise: full-width folded, lower case, zero-width spaces gone, origins kept", () => {
  const { chars, origin } = P.normalize("ＡＢＣ\u200b２ＳＶ");
  assert.equal(chars.join(""), "abc2sv");
  assert.deepEqual(origin[3], [4, 5]); // "2" came from the 5th typed character
  assert.equal(P.normalize("5,000").chars.join(""), "5000");
  assert.equal(P.normalize("a,b").chars.join(""), "a,b");
});

test("codes stay searchable as typed: +86, 86, 2SV, W-8BEN, SP-API", () => {
  assert.ok(allTerms("+86").includes("+86"));
  assert.ok(allTerms("86").includes("+86"), "86 also finds the index word +86");
  assert.ok(allTerms("86").includes("86"));
  assert.ok(allTerms("2SV").includes("2sv*"));
  const w8 = allTerms("W-8BEN");
  assert.ok(w8.includes("8ben*") && w8.includes("w"), w8.join(" "));
  const sp = allTerms("SP-API");
  assert.ok(sp.includes("sp-api") && sp.includes("api*"), sp.join(" "));
  // a leading + would be lunr's "required" operator: never sent
  assert.equal(P.lunrQuery(P.plan(lexicon({ words: ["86"] }), "+86")), "86^10");
});

test("Traditional Chinese converts by phrase first, then by character", () => {
  const lex = lexicon();
  assert.deepEqual(P.plan(lex, "清除瀏覽器快取").concepts.map((c) => [...c.terms.keys()][0]), ["清除", "浏览器", "缓存"]);
  assert.ok(allTerms("收不到簡訊").includes("短信"));
  // 帳 becomes 帐 by character, and the slip list then makes 帐号 账号
  assert.ok(allTerms("帳號").includes("账号"));
  // the reader's characters stay what notes and the box show
  assert.deepEqual(typedConcepts("驗證碼過期"), ["驗證碼", "過期"]);
});

test("input-method slips are fixed in any query, as the build step's list gives them", () => {
  assert.ok(allTerms("卖家后台登陆不上").includes("登录"));
  assert.ok(allTerms("验政码收不到").includes("验证码"));
  assert.ok(allTerms("密马忘了").includes("密码"));
  assert.deepEqual(typedConcepts("验正码"), ["验正码"]);
  // The contributor guide quotes the slips, so they are index words; the
  // build step already dropped those that articles use (test_search_build.py).
  const quoted = lexicon({ words: [...WORDS, "登陆"] });
  assert.ok(allTerms("登陆", quoted).includes("登录"));
  // A pair the build step dropped is never applied.
  const dropped = lexicon({ confusions: CONFUSIONS.filter(([slip]) => slip !== "登陆") });
  assert.ok(!allTerms("登陆", dropped).includes("登录"));
});

test("segmentation cuts Chinese into the index's own words; stop words drop", () => {
  assert.deepEqual(typedConcepts("手机收不到验证码怎么办"), ["手机", "收不到", "验证码"]);
  // a query of stop words only still searches
  assert.deepEqual(typedConcepts("怎么办"), ["怎么办"]);
  // an abbreviation listed as a stop word (ymx = 亚马逊) does not count
  assert.deepEqual(typedConcepts("ymx账号被封"), ["账号", "被封"]);
});

test("unknown Chinese stretches: Intl.Segmenter's words, or character pairs", () => {
  const pairs = typedConcepts("手机明明没错");
  assert.deepEqual(pairs, ["手机", "明明", "明没", "没错"]);
  const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  const words = typedConcepts("手机明明没错", lexicon({ segmenter }));
  assert.equal(words[0], "手机");
  assert.ok(words.length < pairs.length, words.join(" "));
});

test("stems: -ication is the noun of -ify, so verif* finds both", () => {
  assert.equal(P.stem("verification"), "verif");
  assert.equal(P.stem("verify"), "verif");
  assert.equal(P.stem("notifications"), "notif");
  assert.equal(P.stem("code"), "code");
});

test("Latin typos: two index words typed as one are read as both (twostep, resetpassword)", () => {
  const lex = lexicon({ words: [...WORDS, "two", "step", "reset"] });
  assert.ok(allTerms("twostep", lex).includes("two*") && allTerms("twostep", lex).includes("step*"));
  assert.ok(allTerms("resetpassword", lex).includes("password*"));
  // A word of the index is never split (password is not pass + word).
  assert.ok(!allTerms("password", lexicon({ words: [...WORDS, "pass", "word"] })).includes("pass*"));
});

test("Latin typos: corrected to index words one edit away, two for long words; short words never", () => {
  assert.deepEqual(P.corrections(lexicon(), "pasword"), ["password"]);
  assert.deepEqual(P.corrections(lexicon(), "verfication"), ["verification"]);
  assert.deepEqual(P.corrections(lexicon(), "authentcator"), ["authenticator"]);
  assert.deepEqual(P.corrections(lexicon(), "treshold"), ["threshold"]);
  assert.deepEqual(P.corrections(lexicon(), "sellr"), ["seller"]);
  assert.deepEqual(P.corrections(lexicon(), "cat"), [], "too short to correct");
  assert.deepEqual(P.corrections(lexicon(), "zebra"), [], "nothing near");
  assert.equal(P.editDistance("verfiy", "verify", 2), 1, "a swap is one edit");
  // a word that is the start of index words is not "corrected"
  assert.deepEqual(allTerms("passwords"), ["password*"]);
  assert.ok(allTerms("forgot pasword").includes("password*"));
});

test("reader vocabulary adds the article words to the concept it covers, at a lower weight", () => {
  // 登不上 is a word of the index here: the article word only helps it.
  const plan = P.plan(lexicon({ words: [...WORDS, "登不上"] }), "账号登不上");
  const login = plan.concepts.find((c) => c.typed === "登不上");
  assert.ok(login.terms.has("无法登录"));
  assert.ok(login.terms.get("无法登录").boost < login.terms.get("登不上").boost);
  // a+b entries need every part
  assert.ok(allTerms("验证码总是过期").includes("过期"));
  assert.ok(P.plan(lexicon(), "2fa换手机").concepts[0].terms.has("两步验证"));
});

test("reader vocabulary: for a reader's word the index lacks, the article words stand in at its weight", () => {
  const login = P.plan(lexicon(), "账号登不上").concepts.find((c) => c.typed === "登不上");
  assert.equal(login.terms.get("无法登录").boost, login.terms.get("登不上").boost);
  // Only words the vocabulary added: a part of the word stays a part.
  const what = P.plan(lexicon(), "二次验证").concepts[0];
  assert.equal(what.terms.get("两步验证").boost, P.BOOST.typed);
  assert.ok(what.terms.get("验证").boost < P.BOOST.typed);
});

// A result group as Material's worker returns it: one page, best section first.
function group(location, score, terms, title = "t", text = "x") {
  return [{ location, score, terms, title, text }];
}

test("ranking: the page covering every part of the question beats one repeating a word", () => {
  const plan = P.plan(lexicon(), "手机收不到验证码");
  const ranked = P.rankResults(plan, [
    group("home/", 900, { 手机: true, 验证码: true }),
    group("code-not-received/", 500, { 手机: true, 收不到: true, 验证码: true }),
  ]);
  assert.deepEqual(ranked.map((g) => g[0].location), ["code-not-received/", "home/"]);
});

test("ranking: a page whose title is the question ranks up", () => {
  const plan = P.plan(lexicon(), "什么是两步验证");
  const ranked = P.rankResults(plan, [
    group("set-up/", 120, { 两步验证: true }, "用手机号设置<mark>两步验证</mark>"),
    group("overview/", 100, { 两步验证: true }, "<mark>两步验证</mark>"),
  ]);
  assert.equal(ranked[0][0].location, "overview/");
});

test("ranking: an engine may give the title's share instead of a marked title", () => {
  const plan = P.plan(lexicon(), "什么是两步验证");
  const share = (location, score, titleShare) =>
    [{ location, score, terms: { 两步验证: true }, titleShare }];
  const ranked = P.rankResults(plan, [share("set-up/", 120, 0.4), share("overview/", 100, 1)]);
  assert.equal(ranked[0][0].location, "overview/");
});

test("ranking: a question about what something is lifts the demoted overview, not the home page", () => {
  const item = (location, score, titleShare, pageBoost) =>
    [{ location, score, terms: { 两步验证: true }, titleShare, pageBoost }];
  const found = () => [
    item("set-up/", 100, 0.4, 1),
    item("overview/", 60, 1, 0.75), // its score already carries its kind boost
    item("home/", 40, 1, 0.2),
  ];
  const order = (text) => P.rankResults(P.plan(lexicon(), text), found()).map((g) => g[0].location);
  assert.ok(P.plan(lexicon(), "2sv是啥").asksWhat && P.plan(lexicon(), "What is 2SV?").asksWhat);
  assert.ok(!P.plan(lexicon(), "两步验证换手机").asksWhat);
  // What it is for asks what it is too.
  for (const text of ["两步验证有什么用", "两步验证是干嘛的", "what is 2sv for", "why would amazon need 2sv"]) {
    assert.ok(P.plan(lexicon(), text).asksWhat, text);
  }
  // 是什么: the overview's demotion is given back (60 / 0.75 x 2 = 160 > 100 x 1.4).
  assert.deepEqual(order("两步验证是什么").slice(0, 2), ["overview/", "set-up/"]);
  // The same words without the question: the article stays first.
  assert.equal(order("两步验证")[0], "set-up/");
  // The home page (boost 0.2) is never lifted.
  assert.notEqual(order("两步验证是什么")[0], "home/");
});

test("ranking: the what-question's lift grows with the share of the overview's title asked about", () => {
  // The article's title names the thing too (用手机号设置两步验证: share 0.6)
  // and its text matches more of the question: the overview's whole title
  // is what was asked. 60 / 0.75 x (1 + 1) x 2 = 320 > 180 x 1.6 = 288; the
  // demotion alone gave back 160.
  const item = (location, score, titleShare, pageBoost) =>
    [{ location, score, terms: { 两步验证: true }, titleShare, pageBoost }];
  const found = [item("set-up/", 180, 0.6, 1), item("overview/", 60, 1, 0.75)];
  const order = (text) => P.rankResults(P.plan(lexicon(), text), found).map((g) => g[0].location);
  assert.equal(order("两步验证是什么")[0], "overview/");
  assert.equal(order("两步验证")[0], "set-up/");
});

test("what-questions: why something is required asks what it is for; why it fails does not", () => {
  // The subject may come between: 为什么卖家后台一定要开 (up to eight characters).
  for (const text of ["为什么非要开两步验证", "为何一定要两步验证", "为什么卖家后台一定要开启两步验证", "why amazon force me to use 2sv", "why is 2sv required"]) {
    assert.ok(P.plan(lexicon(), text).asksWhat, text);
  }
  // 是什么时候 asks when, not what.
  // Nor does why something happens ("why does my page show my address").
  for (const text of ["为什么收不到验证码", "why code not received", "截止日期是什么时候", "why does my seller page show my address"]) {
    assert.ok(!P.plan(lexicon(), text).asksWhat, text);
  }
});

test("abbreviations: a Chinese word no index word begins finds the words it shortens, unless too many", () => {
  const lex = lexicon({ words: [...WORDS, "二次验证", "二维码"] });
  const terms = allTerms("二验是什么", lex);
  assert.ok(terms.includes("二次验证"), terms.join(" "));
  assert.ok(!terms.includes("二维码"), "二维码 holds no 验");
  // Up to three words fit: all are added; four are too many to mean one.
  const few = lexicon({ words: ["收甲机", "收乙机"] });
  assert.deepEqual(allTerms("收机", few).sort(), ["收乙机", "收机*", "收甲机"]);
  const many = lexicon({ words: ["收甲机", "收乙机", "收丙机", "收丁机"] });
  assert.deepEqual(allTerms("收机", many), ["收机*"]);
  // A word some index word begins is typed on, not shortened.
  const begun = lexicon({ words: ["收机甲", "收乙机"] });
  assert.deepEqual(allTerms("收机", begun), ["收机*"]);
  // An index word is never read as an abbreviation.
  assert.ok(!allTerms("验证", lex).includes("二次验证"));
});

test("a single Latin letter weighs as a character and finds only itself (the P of P卡)", () => {
  const plan = P.plan(lexicon(), "改了p卡 password");
  const letter = plan.concepts.find((c) => c.typed === "p");
  assert.ok(letter, plan.concepts.map((c) => c.typed).join(" "));
  assert.ok(letter.weight < 1);
  assert.deepEqual(Array.from(letter.terms.values()).map((t) => [t.term, Boolean(t.wildcard)]), [["p", false]]);
});

test("results far below the best in coverage or score are dropped", () => {
  const plan = P.plan(lexicon(), "手机收不到验证码");
  const ranked = P.rankResults(plan, [
    group("a/", 500, { 手机: true, 收不到: true, 验证码: true }),
    group("b/", 400, { 手机: true }),
    group("c/", 5, { 手机: true, 收不到: true, 验证码: true }),
  ]);
  assert.deepEqual(ranked.map((g) => g[0].location), ["a/"]);
});

test("notes: no 'missing' for a word the page matched in any section; the typed word, never a stem", () => {
  const plan = P.plan(lexicon(), "verfication codes 驗證碼");
  const page = P.rankResults(plan, [
    [
      { location: "p/", score: 10, terms: { verif: true, verification: true, code: false }, title: "t", text: "x" },
      { location: "p/#s", score: 5, terms: { 验证码: true }, title: "t", text: "x" },
    ],
    [{ location: "q/", score: 9, terms: { verif: true, code: true, 验证码: true }, title: "t", text: "x" }],
  ]).find((group) => group[0].location === "p/");
  const missing = Object.keys(page[0].terms).filter((term) => !page[0].terms[term]);
  assert.deepEqual(missing, ["codes"]);
  assert.equal(page[0].terms.verification, true, "matched index words stay for highlighting");
});

test("notes: a word no listed page matched is noted as missing on none", () => {
  const plan = P.plan(lexicon(), "verfication codes");
  const ranked = P.rankResults(plan, [
    [{ location: "p/", score: 10, terms: { verif: true, code: false }, title: "t", text: "x" }],
    [{ location: "q/", score: 9, terms: { verif: true, code: false }, title: "t", text: "x" }],
  ]);
  for (const group of ranked) {
    assert.deepEqual(Object.keys(group[0].terms).filter((term) => !group[0].terms[term]), []);
  }
});

test("snippets: no leading punctuation, no zero-width spaces", () => {
  assert.equal(P.cleanSnippet("。，收到\u200b<mark>验证码</mark>"), "收到<mark>验证码</mark>");
  assert.equal(P.cleanSnippet("<p>，登录</p>"), "<p>登录</p>");
  assert.equal(P.cleanSnippet("Sign in."), "Sign in.");
  // Opening brackets and quotes begin what follows: they stay.
  assert.equal(P.cleanSnippet("《INFORM 消费者法案》"), "《INFORM 消费者法案》");
  assert.equal(P.cleanSnippet("<p>，“<mark>Sorry</mark>”</p>"), "<p>“<mark>Sorry</mark>”</p>");
  assert.equal(P.cleanSnippet("（见下文）"), "（见下文）");
});

test("the lexicon learns an index's words when the build gave none", () => {
  const words = P.wordsOf([{ title: "两步\u200b验证", text: "<p>收不到\u200b验证码</p>" }], "[\\s\\u200b]+");
  assert.deepEqual(words.sort(), ["两步", "收不到", "验证", "验证码"].sort());
});

test("terms: each term names the parts of the query it stands for, with its boost there", () => {
  const byTerm = new Map(P.terms(P.plan(lexicon(), "两步验证 收不到")).map((t) => [t.term, t]));
  assert.deepEqual(byTerm.get("两步验证").groups, { 0: P.BOOST.typed });
  assert.deepEqual(byTerm.get("两步").groups, { 0: P.BOOST.part }); // the word's part, same group
  assert.deepEqual(byTerm.get("收不到").groups, { 1: P.BOOST.typed });
});

test("ranking: the page whose title and keywords hold all of the question beats one about a part", () => {
  const plan = P.plan(lexicon(), "收不到验证码");
  const page = (location, score, strongTerms) =>
    [{ location, score, terms: { 收不到: true, 验证码: true }, own: true, strongTerms }];
  const ranked = P.rankResults(plan, [
    page("set-up/", 110, { 验证码: true }),
    page("not-received/", 100, { 收不到: true, 验证码: true }),
  ]);
  assert.equal(ranked[0][0].location, "not-received/");
});

test("ranking: a title or keyword match by an added word counts less than one by the reader's word", () => {
  // A page's keywords are words of the index: 登不上 is one here. The
  // vocabulary adds 无法登录 (article word) at a lower boost.
  const plan = P.plan(lexicon({ words: [...WORDS, "登不上"] }), "登不上");
  const page = (location, score, strongTerms) =>
    [{ location, score, terms: { 登不上: true, 无法登录: true }, own: true, strongTerms }];
  const ranked = P.rankResults(plan, [
    page("article-word/", 100, { 无法登录: true }),
    page("reader-word/", 100, { 登不上: true }),
  ]);
  assert.equal(ranked[0][0].location, "reader-word/");
});

test("ranking: without the engine's title and keyword marks nothing changes", () => {
  const plan = P.plan(lexicon(), "收不到验证码");
  const page = (location, score) => [{ location, score, terms: { 收不到: true, 验证码: true } }];
  const ranked = P.rankResults(plan, [page("a/", 110), page("b/", 100)]);
  assert.deepEqual(ranked.map((g) => g[0].location), ["a/", "b/"]);
  // Only the page's own document speaks for the page: a section's title does not.
  const section = P.rankResults(plan, [
    [{ location: "a/", score: 110, terms: { 收不到: true, 验证码: true }, own: true, strongTerms: {} }],
    [
      { location: "b/#s", score: 100, terms: { 收不到: true, 验证码: true }, own: false, strongTerms: { 收不到: true, 验证码: true } },
      { location: "b/", score: 0, terms: {}, own: true, strongTerms: {} },
    ],
  ]);
  assert.equal(section[0][0].location, "a/");
});

test("phrases: a keyword's whole run does not swallow the query's words, it joins each", () => {
  const lex = lexicon({ phrases: ["收不到验证码"] });
  const plan = P.plan(lex, "手机收不到验证码");
  assert.deepEqual(plan.concepts.map((c) => c.typed), ["手机", "收不到", "验证码"]);
  const holders = plan.concepts.filter((c) => c.terms.has("收不到验证码")).map((c) => c.typed);
  assert.deepEqual(holders, ["收不到", "验证码"]);
  assert.equal(plan.concepts[1].terms.get("收不到验证码").boost, P.BOOST.typed);
  // A phrase the query does not hold in that order adds nothing.
  const apart = P.plan(lex, "验证码收不到");
  assert.ok(apart.concepts.every((c) => !c.terms.has("收不到验证码")));
  // The same run given as a word is one concept (what the phrase list avoids).
  const asWord = P.plan(lexicon({ words: [...WORDS, "收不到验证码"] }), "手机收不到验证码");
  assert.deepEqual(asWord.concepts.map((c) => c.typed), ["手机", "收不到验证码"]);
});

test("stop words: a contraction typed without its apostrophe is one too, unless the index has that word", () => {
  const vocabulary = { ...VOCABULARY, stopwords: [...VOCABULARY.stopwords, "can't", "don't"] };
  const lex = lexicon({ vocabulary });
  assert.deepEqual(typedConcepts("cant login", lex), ["login"]);
  assert.deepEqual(typedConcepts("can't login", lex), ["login"]);
  const withWord = lexicon({ vocabulary, words: [...WORDS, "dont"] });
  assert.deepEqual(typedConcepts("dont login", withWord), ["dont", "login"]);
});

test("vocabulary: an article phrase's stop words add no terms (in* would find every in-word)", () => {
  const vocabulary = {
    stopwords: [...VOCABULARY.stopwords, "in"],
    synonyms: [{ readers: ["login"], articles: ["sign in"] }],
  };
  const terms = allTerms("login", lexicon({ vocabulary }));
  assert.ok(terms.includes("sign*"));
  assert.ok(!terms.includes("in*"));
});

// ---- homophone slips (pinyin and zhuyin input methods) ----
// A tiny readings table as the build step writes it (syllable -> its
// characters): 重 has two readings, as has 长; the slips are made up here.
const READINGS = {
  zhong: "中重", chong: "冲重", zhi: "置值之", zhang: "长账", chang: "长场", hao: "号好毫",
  shou: "手收", ji: "机鸡几", liu: "浏流", lan: "览揽蓝", qi: "器气期棄", guo: "过國過",
  deng: "登灯等", bu: "不步部", shang: "上尚", yan: "验严", zheng: "证正", she: "设社",
  lu: "录路", xiang: "像向", shen: "身深", fen: "份分", mi: "密蜜", ma: "码马", xin: "信心",
  duan: "短断",
};
const SLIP_WORDS = [...WORDS, "重置", "手机号", "浏览器", "严正", "录像"];

function reading(extra = {}) {
  return lexicon({ words: SLIP_WORDS, readings: READINGS, ...extra });
}

function termBoost(text, term, lex = reading()) {
  const found = P.terms(P.plan(lex, text)).find((t) => t.term === term);
  return found ? found.boost : 0;
}

test("homophone slips: a stretch no index word covers is read as the word with its syllables, like a corrected typo", () => {
  const plan = P.plan(reading(), "浏揽器打不开");
  const slip = plan.concepts.filter((c) => c.terms.has("浏览器"));
  assert.ok(slip.length >= 1);
  slip.forEach((c) => assert.equal(c.terms.get("浏览器").boost, P.BOOST.corrected));
  // the typed characters stay terms of their concepts: the slip adds, never replaces
  assert.ok(allTerms("浏揽器打不开", reading()).some((t) => t.startsWith("浏揽")));
  // a slip next to an index word: the stretch spans both concepts, and
  // each counts once by its best term
  const both = P.plan(reading(), "手机毫");
  assert.deepEqual(both.concepts.map((c) => c.typed), ["手机", "毫"]);
  both.concepts.forEach((c) => assert.equal(c.terms.get("手机号").boost, P.BOOST.corrected));
  assert.equal(both.concepts[0].terms.get("手机").boost, P.BOOST.typed);
});

test("homophone slips: every reading of a character counts, on the typed side and the word's (bounded)", () => {
  assert.equal(termBoost("冲置密码", "重置"), P.BOOST.corrected); // 重 is chong too
  assert.equal(termBoost("长号被封", "账号"), P.BOOST.corrected); // 长 is zhang too
  // a character with more readings than the bound: not re-read
  const many = { ...READINGS, ji: "机" };
  for (let i = 0; i < 17; i++) many["x" + i] = "鸡";
  many.ji += "鸡";
  assert.equal(termBoost("手鸡号", "手机号", reading({ readings: many })), 0);
  assert.equal(termBoost("手鸡号", "手机号"), P.BOOST.corrected);
});

test("homophone slips: an index word is never re-read, nor a single character, nor a stretch cutting through a word", () => {
  assert.equal(termBoost("验证", "严正"), 0); // yan zheng, but 验证 is a word
  assert.equal(termBoost("严正声明", "验证"), 0);
  assert.equal(termBoost("鸡", "机"), 0);
  assert.equal(termBoost("心", "信"), 0);
  // 登录|向: 录向 reads lu xiang (录像) but cuts through 登录
  assert.equal(termBoost("登录向", "录像"), 0);
  // a query of index words only needs no readings
  assert.equal(P.needsReadings(lexicon({ words: SLIP_WORDS }), "验证码 收不到"), false);
});

test("homophone slips: a stretch that keeps none of the word's characters is another word, not a slip", () => {
  assert.equal(termBoost("中置", "重置"), P.BOOST.corrected); // 置 kept
  assert.equal(termBoost("冲之", "重置"), 0); // chong zhi too, but every character differs
});

test("homophone slips: a stop word may stand in a stretch but is never the slip", () => {
  const lex = reading({
    readings: { ...READINGS, ma: "码马吗", bei: "被", feng: "封疯" },
    words: [...SLIP_WORDS, "被封"],
    vocabulary: { ...VOCABULARY, stopwords: [...VOCABULARY.stopwords, "被"] },
  });
  assert.equal(termBoost("验证马", "验证码", lex), P.BOOST.corrected);
  assert.equal(termBoost("验证吗", "验证码", lex), 0); // 吗 asks; 验证码 is not what was meant
  assert.equal(termBoost("被疯", "被封", lex), P.BOOST.corrected); // 被 is a stop word, kept
});

test("homophone slips: the readings are needed only for a Chinese stretch no index word covers", () => {
  const lex = lexicon({ words: SLIP_WORDS });
  assert.equal(P.needsReadings(lex, "浏揽器"), true);
  assert.equal(P.needsReadings(lex, "password 收不到"), false);
  assert.equal(termBoost("浏揽器", "浏览器", lex), 0); // without readings, no re-reading
  lex.setReadings(READINGS);
  assert.equal(P.needsReadings(lex, "浏揽器"), false);
  assert.equal(termBoost("浏揽器", "浏览器", lex), P.BOOST.corrected);
});

test("homophone slips: a Traditional slip the conversion table does not know is read by its own readings", () => {
  // 棄 is not in the index, so the conversion table leaves it: 過棄 -> 过棄 -> 过期
  assert.equal(termBoost("驗證碼過棄", "过期"), P.BOOST.corrected);
});

test("homophone slips: a reader phrase's homophone adds what the phrase adds", () => {
  const plan = P.plan(reading(), "灯不上");
  const added = plan.concepts.some((c) => c.terms.has("无法登录") && c.terms.get("无法登录").boost === P.BOOST.added);
  assert.ok(added);
});

test("homophone slips: the longest re-read stretch wins over the ones inside it", () => {
  const lex = reading({ words: [...SLIP_WORDS, "身份"] });
  // 深份 alone reads as 身份, but it lies inside 深份验证器 (身份验证器):
  // 身份 comes only as the longer word's part
  assert.equal(termBoost("深份验证器", "身份验证器", lex), P.BOOST.corrected);
  assert.equal(termBoost("深份验证器", "身份", lex), P.BOOST.part);
  assert.equal(termBoost("深份", "身份", lex), P.BOOST.corrected);
});

test("homophone slips: the hand-written list still fixes what is no homophone", () => {
  // 密马 is on the list; it is also a homophone, and both agree
  assert.equal(termBoost("密马忘了", "密码"), P.BOOST.typed);
});

test("written Cantonese is replaced with the slips, single characters too, after conversion", () => {
  // As the build step gives them: the Cantonese side already converted (係 -> 系).
  const lex = lexicon({
    confusions: [...CONFUSIONS, ["唔", "不"], ["咗", "了"], ["系咪", "是不是"]],
    t2s: { ...T2S, chars: { ...T2S.chars, 係: "系" } },
  });
  const plan = P.plan(lex, "收唔到驗證碼");
  assert.equal(plan.text, "收不到验证码");
  assert.deepEqual(plan.concepts.map((c) => c.typed), ["收唔到", "驗證碼"]); // as typed
  assert.equal(P.plan(lex, "係咪").text, "是不是");
});

test("reader phrases match without their apostrophes, as readers type them (dont verify)", () => {
  const lex = lexicon({
    words: [...WORDS, "deadlines"],
    vocabulary: { ...VOCABULARY, synonyms: [{ readers: ["don't verify"], articles: ["deadlines"] }] },
  });
  assert.ok(allTerms("what if i dont verify", lex).includes("deadline*"));
  assert.ok(allTerms("what if i don't verify", lex).includes("deadline*"));
  assert.ok(!allTerms("what if i verify", lex).includes("deadline*"));
});

test("a Chinese reader phrase is found with a Latin word inside it, where it is all Chinese", () => {
  const lex = lexicon({
    words: [...WORDS, "门槛", "inform"],
    vocabulary: { ...VOCABULARY, synonyms: [...VOCABULARY.synonyms, { readers: ["需不需要验证"], articles: ["门槛"] }] },
  });
  assert.ok(allTerms("需不需要INFORM验证", lex).includes("门槛"));
  assert.ok(allTerms("需不需要验证", lex).includes("门槛"));
  assert.ok(!allTerms("验证需不需要", lex).includes("门槛"), "the order still counts");
});

test("an article phrase the index does not hold whole is found by its words as much as whole", () => {
  const lex = lexicon({
    words: [...WORDS, "丢失"],
    vocabulary: { ...VOCABULARY, synonyms: [{ readers: ["手机掉了"], articles: ["手机丢失"] }] },
  });
  const terms = new Map(P.terms(P.plan(lex, "手机掉了")).map((t) => [t.term, t.boost]));
  assert.ok(terms.get("丢失") >= P.BOOST.added, JSON.stringify([...terms]));
  // A phrase the index holds whole keeps its words as parts.
  const whole = lexicon({
    words: [...WORDS, "丢失", "手机丢失"],
    vocabulary: { ...VOCABULARY, synonyms: [{ readers: ["手机掉了"], articles: ["手机丢失"] }] },
  });
  const parts = new Map(P.terms(P.plan(whole, "手机掉了")).map((t) => [t.term, t.boost]));
  assert.ok(parts.get("丢失") < P.BOOST.added, JSON.stringify([...parts]));
});

test("reader phrases apply to misspelled words too, and typos are corrected to the vocabulary's own words", () => {
  const lex = lexicon({
    words: [...WORDS, "threshold", "phishing"],
    vocabulary: {
      ...VOCABULARY,
      synonyms: [
        { readers: ["need verify"], articles: ["threshold"] },
        { readers: ["scam"], articles: ["phishing"] },
      ],
    },
  });
  assert.ok(allTerms("who need verfy", lex).includes("threshold*"), allTerms("who need verfy", lex).join(" "));
  // scam is no word of the index: scamm is corrected to it, and the phrase applies.
  assert.ok(allTerms("is it scamm", lex).includes("phish*"), allTerms("is it scamm", lex).join(" "));
  assert.ok(!allTerms("who need", lex).includes("threshold*"));
});

test("amounts as readers shorten them are the digits the pages write (5k, 5千, 两万, 2w, 两百)", () => {
  const text = (q) => P.plan(lexicon(), q).text;
  assert.equal(text("5k revenue"), "5000 revenue");
  assert.equal(text("5千美金"), "5000美金");
  assert.equal(text("五千刀"), "5000刀");
  const traditional = lexicon({ t2s: { phrases: T2S.phrases, chars: { ...T2S.chars, 萬: "万" } } });
  assert.equal(P.plan(traditional, "兩萬刀").text, "20000刀", "after conversion");
  assert.equal(text("2w美金"), "20000美金");
  assert.equal(text("1.5万"), "15000");
  assert.equal(text("两百笔"), "200笔");
  // Words that hold numerals are no amounts; nor is a unit of weight.
  for (const word of ["千万不要", "万一", "十分", "一直", "5kg"]) assert.equal(text(word), word);
  // The number finds the pages' spelling with digit groups, and the typed
  // characters stay what the reader typed.
  assert.ok(allTerms("5k").includes("5,000"));
  assert.equal(P.plan(lexicon(), "五千刀").concepts[0].typed, "五千");
  // A reader phrase with an amount is read the same way, however either is written.
  const lex = lexicon({ vocabulary: { stopwords: [], synonyms: [{ readers: ["五千刀"], articles: ["门槛"] }] } });
  for (const q of ["五千刀", "5千刀", "5000刀"]) assert.ok(allTerms(q, lex).includes("门槛"), q);
});

test("vocabulary: a reader phrase of stop words only is a part of the query of its own (didn't get)", () => {
  const lex = lexicon({
    vocabulary: {
      stopwords: ["didn't", "get", "the", "i"],
      synonyms: [{ readers: ["didn't get"], articles: ["never arrives", "receive"] }],
    },
    words: ["code", "never", "arrives", "receive"],
  });
  const plan = P.plan(lex, "didnt get the code");
  assert.equal(plan.concepts.length, 2, plan.concepts.map((c) => c.typed).join(" | "));
  const own = plan.concepts.find((c) => c.typed === "");
  const terms = Array.from(own.terms.values());
  assert.ok(terms.some((t) => t.term === "receive" && t.boost === P.BOOST.typed), JSON.stringify(terms));
  // A page that does not say it is noted as missing nothing the reader typed.
  const found = [[{ location: "a/", score: 10, terms: { code: true } }]];
  const notes = P.rankResults(plan, found)[0][0].terms;
  assert.deepEqual(Object.keys(notes), ["code"]);
});

test("a two-character word split by 了 is read as the word, where the index holds it (过了期, 過咗期)", () => {
  const lex = lexicon({
    words: [...WORDS, "过期"],
    t2s: { phrases: T2S.phrases, chars: { ...T2S.chars, 咗: "了" } },
  });
  const text = (q) => P.plan(lex, q).text;
  assert.equal(text("验证码过了期"), "验证码过期");
  assert.equal(text("驗證碼過咗期"), "验证码过期", "Cantonese 咗 after conversion");
  // The concept keeps what the reader typed, particle included.
  assert.ok(typedConcepts("验证码过了期", lex).includes("过了期"), typedConcepts("验证码过了期", lex).join(" | "));
  assert.ok(allTerms("验证码过了期", lex).includes("过期"));
  // Not where the two halves are no word of the index: 收到了验证码 keeps its 了.
  assert.equal(text("收到了验证码"), "收到了验证码");
});

test("vocabulary: a reader phrase inside a Chinese stop word does not apply (死了 of 烦死了)", () => {
  const lex = lexicon({
    vocabulary: { stopwords: ["烦死了"], synonyms: [{ readers: ["死了"], articles: ["故障"] }] },
    words: [...WORDS, "故障"],
  });
  assert.ok(!allTerms("验证码烦死了", lex).includes("故障"), allTerms("验证码烦死了", lex).join(" "));
  assert.ok(allTerms("后台死了", lex).includes("故障"));
});

test("ranking: an overview's title counts as far as its title and keywords cover the question", () => {
  // The overview's whole title is 验证码, the section's name; the reader asks
  // about not receiving it, which the article's title also says.
  const plan = P.plan(lexicon(), "收不到验证码");
  const group = (location, score, pageBoost, titleShare) => [{
    location, score, pageBoost, titleShare, own: true,
    terms: { 收不到: true, 验证码: true }, strongTerms: { 验证码: true },
  }];
  const ranked = P.rankResults(plan, [group("overview/", 100, 0.75, 1), group("article/", 120, 1, 0.4)]);
  assert.deepEqual(ranked.map((g) => g[0].location), ["article/", "overview/"]);
});
