// Unit tests of the result list's markup (overrides/assets/javascripts/search-material.js),
// in Node without a browser: `node --test tests/js/` (part of `make test`). The
// markup is Material's templates/search; the browser tests compare the list with
// what Material shows and use its keyboard handling on it.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import test from "node:test";

const require = createRequire(import.meta.url);
const M = require("../../overrides/assets/javascripts/search-material.js");

const markup = new M.Markup({
  base: "https://example.org/kb/",
  translations: {
    "search.result.none": "No matching documents",
    "search.result.one": "1 matching document",
    "search.result.other": "# matching documents",
    "search.result.placeholder": "Type to start searching",
    "search.result.more.one": "1 more on this page",
    "search.result.more.other": "# more on this page",
    "search.result.term.missing": "Missing",
  },
  highlight: true,
  tags: null,
});

// Items stand for the engine's: the source gives their documents.
function source(docs) {
  return {
    location: (item) => docs[item.doc].location,
    present: (item) => ({ ...docs[item.doc], score: item.score, terms: item.terms }),
  };
}

test("the count above the list reads as Material's", () => {
  assert.equal(markup.count("code", 0), "No matching documents");
  assert.equal(markup.count("", 0), "Type to start searching");
  assert.equal(markup.count("code", 1), "1 matching document");
  assert.equal(markup.count("code", 12), "12 matching documents");
  assert.equal(M.roundCount(999), "999");
  assert.equal(M.roundCount(1234), "1.2k");
});

test("a page's result: the page, its best sections, the rest folded", () => {
  const docs = [
    { location: "sign-in/#why", title: "Why", text: "<p>Because</p>" },
    { location: "sign-in/", title: "Sign <mark>in</mark>", text: "<p>Page text</p>" },
    { location: "sign-in/#steps", title: "Steps", text: "<p>First</p>" },
    { location: "sign-in/#more", title: "More", text: "<p>Other</p>" },
  ];
  const terms = { sign: true, "a<b": false };
  const items = [
    { doc: 0, score: 5, terms },
    { doc: 1, score: 5, terms },
    { doc: 2, score: 2, terms },
    { doc: 3, score: 1, terms },
  ];
  const folded = [];
  const html = markup.item(items, source(docs), (more) => folded.push(more) - 1);
  const link = '<a href="https://example.org/kb/sign-in/?h=sign" class="md-search-result__link" tabindex="-1">';
  assert.ok(html.startsWith(`<li class="md-search-result__item">${link}`), html);
  // The page itself first, as the parent, without its text (a section is as good).
  assert.match(html, /data-md-score="5.00"><div class="md-search-result__icon md-icon"><\/div><h1>Sign <mark>in<\/mark><\/h1><\/article>/);
  // The section as good as the best, with its text and the missing word, escaped.
  assert.match(html, /<h2>Why<\/h2><p>Because<\/p><p class="md-search-result__terms">Missing: <del>a&lt;b<\/del><\/p>/);
  // The others folded, written when opened.
  assert.match(html, /<details class="md-search-result__more" data-folded="0"><summary tabindex="-1"><div>2 more on this page<\/div><\/summary><\/details><\/li>$/);
  assert.deepEqual(folded, [[items[2], items[3]]]);
  assert.match(markup.sections(folded[0], source(docs)), /^<a [^>]*><article [^>]*data-md-score="2.00"><h2>Steps<\/h2><p>First<\/p>/);
});

test("a page that matched alone shows its own text", () => {
  const docs = [{ location: "about/", title: "About", text: "<p>Who</p>" }];
  const html = markup.item([{ doc: 0, score: 1, terms: { who: true } }], source(docs), () => 0);
  assert.match(html, /<h1>About<\/h1><p>Who<\/p><\/article><\/a><\/li>$/);
  assert.doesNotMatch(html, /details/);
});
