// Unit tests of the search engine (overrides/assets/javascripts/search-engine.js),
// in Node without a browser: `node --test tests/js/` (part of `make test`).
// A tiny manifest and pieces made here stand for what the build step writes
// (scripts/kb/build/search_pieces.py; its own tests: tests/test_search_pieces.py).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import test from "node:test";

const require = createRequire(import.meta.url);
const E = require("../../overrides/assets/javascripts/search-engine.js");
const P = require("../../overrides/assets/javascripts/search-pipeline.js");

const B = 64; // tf_base: counts packed as text + title * 64
// Three pages: 0 (docs 0-1), 1 (docs 2-3), 2 (doc 4); page 0 boosted 0.2.
const MANIFEST = {
  format: 2,
  config: { lang: ["zh"], separator: "[\\s\\u200b]+" },
  fields: [["text", 1], ["title", 1000]],
  tf_base: B,
  pages: [0, 2, 4, 5],
  title_letters: [2, 2, 3, 2, 2], // per document: 首页, 小节, 验证码, 验证, 其他
  boosts: { 0: 0.2 },
  stopwords: ["not"],
  terms: [["code", "terms/0.json"], ["验证", "terms/1.json"]],
  docs: [[0, "docs/0.json"], [4, "docs/1.json"]],
};
// term -> [gap, packed counts] per document
const TERMS = [
  { code: [0, 1, 1, 1], coding: [4, 1], received: [3, 1], 收不到: [2, 1] },
  { 验证: [0, 1, 3, 1 + B, 1, 1], 验证码: [2, 2 + B] },
];
const DOCS = [
  [
    ["", "首页", "<p>验证\u200b码 code</p>"],
    ["#a", "小节", "<p>code</p>"],
    ["code/", "验证码", "<p>收不到\u200b验证码</p><p>其他</p><p>再说\u200b验证码</p>"],
    ["code/#b", "验证", "<p>验证 received</p>"],
  ],
  [["other/", "其他", "<p>验证 coding</p>"]],
];

function loaded() {
  const index = new E.Index(MANIFEST);
  TERMS.forEach((piece, n) => index.addTermPiece(n, piece));
  DOCS.forEach((rows, n) => index.addDocPiece(n, rows));
  return index;
}

test("a term's piece is the last whose first term is not after it", () => {
  const firsts = ["#", "code", "password", "验证"];
  assert.deepEqual(E.termPieces(firsts, "apple", false), [0]);
  assert.deepEqual(E.termPieces(firsts, "code", false), [1]);
  assert.deepEqual(E.termPieces(firsts, "zebra", false), [2]);
  assert.deepEqual(E.termPieces(firsts, "验证码", false), [3]);
});

test("a prefix reaches every piece that may hold words it begins", () => {
  const firsts = ["a", "pass", "passw", "pat", "q"];
  assert.deepEqual(E.termPieces(firsts, "pass", true), [1, 2]);
  assert.deepEqual(E.termPieces(firsts, "pa", true), [0, 1, 2, 3]);
  assert.deepEqual(E.termPieces(firsts, "q", true), [4]);
});

test("query terms are looked up as the index holds them", () => {
  const terms = [{ term: "+86", boost: 10, wildcard: false }, { term: "Code", boost: 8, wildcard: true }, { term: "^", boost: 1 }];
  assert.deepEqual(E.clauses(terms), [
    { term: "86", boost: 10, wildcard: false },
    { term: "code", boost: 8, wildcard: true },
  ]);
});

test("only the pieces a query needs are asked for", () => {
  const index = new E.Index(MANIFEST);
  assert.deepEqual(index.missingTermPieces(E.clauses([{ term: "验证码", boost: 1 }])), [1]);
  index.addTermPiece(1, TERMS[1]);
  assert.deepEqual(index.missingTermPieces(E.clauses([{ term: "验证码", boost: 1 }])), []);
  assert.deepEqual(index.missingDocPieces([0, 3, 4]), [0, 1]);
});

test("weights are lunr's BM25 with b = 0, field and page boosts", () => {
  const index = loaded();
  const p = index.postings("验证");
  assert.deepEqual(p.docs, [0, 3, 4]);
  // 验证 is in 4 (document, field) pairs of 5 documents.
  const idf = Math.log(1 + Math.abs((5 - 4 + 0.5) / (4 + 0.5)));
  const field = (tf, boost) => Math.round(idf * (2.2 * tf) / (1.2 + tf) * boost * 1000) / 1000;
  assert.equal(p.weights[0], Math.round(idf * 1 * 0.2 * 1000) / 1000); // page 0: boost 0.2
  assert.equal(p.weights[1], field(1, 1) + field(1, 1000)); // text and title
  assert.deepEqual(p.titleLetters[1], [2, 2]);
  assert.equal(p.titleLetters[0], null);
});

test("results come grouped by page, each with its own document", () => {
  const index = loaded();
  const groups = index.search(E.clauses([{ term: "received", boost: 10 }]));
  assert.equal(groups.length, 1);
  assert.deepEqual(groups[0].map((item) => item.doc), [3, 2]); // page document added
  assert.equal(groups[0][1].score, 0);
  assert.deepEqual(groups[0][0].terms, { received: true });
});

test("a page's own document and one matching more query terms score higher", () => {
  const index = loaded();
  const groups = index.search(E.clauses([
    { term: "验证码", boost: 10 }, { term: "code", boost: 10 }, { term: "not", boost: 10 },
  ]));
  const byDoc = new Map(groups.flat().map((item) => [item.doc, item]));
  // `not` is a stop word: never noted as missing; code is matched as a prefix of coding too.
  assert.deepEqual(byDoc.get(2).terms, { 验证码: true, code: false });
  const base = 10 * index.postings("验证码").weights[0];
  assert.equal(byDoc.get(2).score, base * (1 + 1.5 ** 2));
  assert.equal(byDoc.get(2).titleShare, 1);
});

test("a prefix term matches the words it begins", () => {
  const index = loaded();
  const groups = index.search(E.clauses([{ term: "cod", boost: 10, wildcard: true }]));
  const docs = groups.flat().filter((item) => item.score > 0).map((item) => item.doc).sort();
  assert.deepEqual(docs, [0, 1, 4]);
  const other = groups.flat().find((item) => item.doc === 4);
  assert.deepEqual(other.terms, { cod: true });
  assert.deepEqual(index.matchedTerms(4, groups.terms), ["coding"]);
});

test("snippets mark every matched word: whole title, two text blocks at most", () => {
  const matched = new Set(["验证码"]);
  const separator = /[\s\u200b]+/;
  const text = "<p>收不到\u200b验证码</p><p>其他</p><p>再说\u200b验证码</p><p>验证码</p>";
  assert.equal(
    E.highlight(text, matched, separator, false),
    "<p>收不到\u200b<mark>验证码</mark></p><p>再说\u200b<mark>验证码</mark></p>",
  );
  assert.equal(E.highlight("Code\u200b验证码", new Set(["code"]), separator, true), "<mark>Code</mark>\u200b验证码");
  // No match: the text as it is.
  assert.equal(E.highlight("<p>其他</p>", matched, separator, false), "<p>其他</p>");
  // A word inside a longer one is not a match.
  assert.equal(E.highlight("<p>验证码</p>", new Set(["验证"]), separator, false), "<p>验证码</p>");
});

test("tokens split where the separator matches, also at zero width", () => {
  const tokens = [];
  const text = "SellerCentral +86";
  E.eachToken(text, /[\s+]+|(?!\b)(?=[A-Z][a-z])/, (s, e) => tokens.push(text.slice(s, e)));
  assert.deepEqual(tokens, ["Seller", "Central", "86"]);
});

test("pipeline and engine together: plan, look up, rank, present", () => {
  const index = loaded();
  const lexicon = new P.Lexicon({
    words: ["验证码", "验证", "收不到", "code"],
    t2s: { phrases: {}, chars: { 驗: "验", 證: "证", 碼: "码" } },
  });
  const plan = P.plan(lexicon, "收不到驗證碼");
  const found = index.search(E.clauses(P.terms(plan)));
  const ranked = P.rankResults(plan, found);
  assert.equal(ranked[0][0].doc, 2);
  const matched = index.matchedTerms(2, found.terms);
  const shown = E.present(ranked[0][0], index.docRows.get(2), /[\s\u200b]+/, matched);
  assert.equal(shown.location, "code/");
  assert.match(shown.title, /<mark>验证码<\/mark>/);
  assert.match(shown.text, /<mark>收不到<\/mark>/);
});

// Two pages of one document each, fields text, title, keywords: page 0 holds
// 两步验证 and its part 两步 in the text; page 1 holds 两步验证 only, in the
// text, and 两步 in its title.
const GROUPED = {
  format: 2,
  config: { lang: ["zh"], separator: "[\\s\\u200b]+" },
  fields: [["text", 1], ["title", 1000], ["keywords", 500]],
  tf_base: B,
  pages: [0, 1, 2],
  title_letters: [4, 2],
  boosts: {},
  stopwords: [],
  terms: [["两步", "terms/0.json"]],
  docs: [[0, "docs/0.json"]],
};
const GROUPED_TERMS = { 两步: [0, 1, 1, B], 两步验证: [0, 1, 1, 1], 手机: [1, B * B] };

function grouped() {
  const index = new E.Index(GROUPED);
  index.addTermPiece(0, GROUPED_TERMS);
  return index;
}

test("alternatives of one part of the query count once, by the best of them", () => {
  const index = grouped();
  const word = (groups) => [
    { term: "两步验证", boost: 10, wildcard: false, groups: groups[0] },
    { term: "两步", boost: 3, wildcard: false, groups: groups[1] },
  ];
  const score = (found, doc) => found.flat().find((item) => item.doc === doc).score;
  // One group: page 0's part (两步 in its text) adds nothing to its whole word.
  const one = index.search(E.clauses(word([{ 0: 10 }, { 0: 3 }])));
  const whole = 10 * index.postings("两步验证").weights[0];
  assert.equal(score(one, 0), whole * (1 + 2 ** 2)); // 1 + (own document + all terms)^2
  // Without groups each term adds up, as lunr does.
  const summed = index.search(E.clauses(word([undefined, undefined]).map(({ groups, ...t }) => t)));
  assert.ok(score(summed, 0) > score(one, 0));
});

test("different parts of the query still add up", () => {
  const index = grouped();
  const found = index.search(E.clauses([
    { term: "两步验证", boost: 10, groups: { 0: 10 } },
    { term: "手机", boost: 10, groups: { 1: 10 } },
  ]));
  const page1 = found.flat().find((item) => item.doc === 1);
  const expected = 10 * index.postings("两步验证").weights[1] + 10 * index.postings("手机").weights[0];
  assert.equal(page1.score, expected * (1 + 2 ** 2));
});

test("each document says which query terms its title or keywords hold, and which is the page's own", () => {
  const index = grouped();
  const found = index.search(E.clauses([
    { term: "两步", boost: 3, groups: { 0: 3 } },
    { term: "手机", boost: 10, groups: { 1: 10 } },
  ]));
  const byDoc = new Map(found.flat().map((item) => [item.doc, item]));
  assert.deepEqual(byDoc.get(1).strongTerms, { 两步: true, 手机: true }); // title, keywords
  assert.deepEqual(byDoc.get(0).strongTerms, {}); // text only
  assert.ok(byDoc.get(0).own && byDoc.get(1).own);
});
