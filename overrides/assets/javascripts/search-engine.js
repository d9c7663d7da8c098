/* Site search, engine: answers a query from the index pieces that the build
 * step wrote (scripts/kb/build/search_pieces.py), instead of building a lunr
 * index in the reader's browser.
 *
 * Pure functions only (no DOM, no network, no knowledge of Material): the
 * adapter (search.js) fetches the pieces these functions name and hands the
 * results to the search box. Loads as a browser script (window.SearchEngine)
 * and in Node (require). Unit tests: tests/js/search-engine.test.mjs.
 *
 * What it reproduces, so that ranking does not move from Material's lunr:
 * - lunr's weights as Material configures it: BM25 with k1 = 1.2 and b = 0,
 *   idf over (document, field) pairs, each field's score rounded to 3
 *   decimals, times field and page boosts; a query term's boost multiplies
 *   its weight, and a term reached by several query terms adds up;
 * - Material's post-processing: `terms` (which query terms a document
 *   matched, as prefixes of its matched words), the score boost of page
 *   documents and of documents matching more query terms, results grouped
 *   by page with the page's own document always present;
 * - Material's snippets: every occurrence of a matched word marked, in the
 *   whole title and in at most two top-level blocks of the text.
 * Differences: a query term is looked up whole, never cut again at the
 * separator ("5,000" finds the word 5,000; lunr looked for "5" and "000");
 * terms that name a group (one part of the query: a word, its parts, its
 * synonyms) count by the best of the group, where lunr adds them all up;
 * each result says which query terms its title or keywords hold.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.SearchEngine = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var K1 = 1.2;
  var LAST = "\uffff";

  /* ---- which pieces ---------------------------------------------------- */

  /* Index of the last entry of `firsts` (sorted) that is <= value, or 0. */
  function pieceAt(firsts, value) {
    var low = 0;
    var high = firsts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (firsts[middle] <= value) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /* The term pieces that may hold a term (exact) or the terms it begins
     (wildcard). `firsts`: the first term of each piece, sorted. */
  function termPieces(firsts, term, wildcard) {
    var first = pieceAt(firsts, term);
    var last = first;
    if (wildcard) {
      while (last + 1 < firsts.length && firsts[last + 1] < term + LAST) last++;
    }
    var pieces = [];
    for (var i = first; i <= last; i++) pieces.push(i);
    return pieces;
  }

  /* The query's terms as the index holds them: Material's query syntax
     drops a leading + or - and the characters ~^:*\ ; lower case. A term
     may name `groups` (group -> boost): the alternatives of one part of the
     query (see search()). */
  function clauses(planTerms) {
    return planTerms
      .map(function (t) {
        var clause = {
          term: String(t.term).replace(/^[+\-]+/, "").replace(/[~^:*\\]/g, "").toLowerCase(),
          boost: t.boost,
          wildcard: Boolean(t.wildcard),
        };
        if (t.groups) clause.groups = t.groups;
        return clause;
      })
      .filter(function (c) { return c.term.length > 0; });
  }

  /* ---- the index: manifest and loaded pieces --------------------------- */

  function Index(manifest) {
    this.manifest = manifest;
    this.pages = manifest.pages; // first document of each page, then the end
    this.documents = this.pages[this.pages.length - 1];
    this.fields = manifest.fields; // [[name, boost]], in packing order
    this.base = manifest.tf_base;
    this.title = this.fields.findIndex(function (f) { return f[0] === "title"; });
    // Fields weighted above the text (title, keywords): where a page says
    // what it is about, as against what it mentions.
    var text = this.fields.find(function (f) { return f[0] === "text"; });
    var textBoost = text ? text[1] : 1;
    this.strong = this.fields.map(function (f) { return f[1] > textBoost; });
    this.titleLetters = manifest.title_letters; // per document
    this.boosts = manifest.boosts || {};
    this.stopwords = new Set(manifest.stopwords || []);
    this.termFirsts = manifest.terms.map(function (p) { return p[0]; });
    this.docFirsts = manifest.docs.map(function (p) { return p[0]; });
    this.termPieces = new Map(); // number -> {term: flat postings}
    this.docRows = new Map(); // document number -> [location, title, text]
    this.decoded = new Map(); // term -> decoded postings
  }

  Index.prototype.addTermPiece = function (number, data) {
    this.termPieces.set(number, data);
  };

  Index.prototype.addDocPiece = function (number, rows) {
    var first = this.manifest.docs[number][0];
    for (var i = 0; i < rows.length; i++) this.docRows.set(first + i, rows[i]);
  };

  /* Term pieces a set of clauses needs that are not loaded yet. */
  Index.prototype.missingTermPieces = function (queryClauses) {
    var index = this;
    var missing = new Set();
    queryClauses.forEach(function (c) {
      termPieces(index.termFirsts, c.term, c.wildcard).forEach(function (n) {
        if (!index.termPieces.has(n)) missing.add(n);
      });
    });
    return Array.from(missing);
  };

  /* Document pieces that hold the given documents and are not loaded yet. */
  Index.prototype.missingDocPieces = function (docs) {
    var index = this;
    var missing = new Set();
    docs.forEach(function (doc) {
      if (!index.docRows.has(doc)) missing.add(pieceAt(index.docFirsts, doc));
    });
    return Array.from(missing);
  };

  Index.prototype.pageOf = function (doc) {
    if (!this.pageOfDoc) {
      this.pageOfDoc = new Int32Array(this.documents);
      for (var page = 0; page + 1 < this.pages.length; page++) {
        for (var doc2 = this.pages[page]; doc2 < this.pages[page + 1]; doc2++) this.pageOfDoc[doc2] = page;
      }
    }
    return this.pageOfDoc[doc];
  };

  /* The index terms a clause reaches (from the loaded pieces). */
  Index.prototype.expand = function (clause) {
    var index = this;
    var found = [];
    termPieces(index.termFirsts, clause.term, clause.wildcard).forEach(function (n) {
      var piece = index.termPieces.get(n);
      if (!piece) return;
      if (!clause.wildcard) {
        if (Object.prototype.hasOwnProperty.call(piece, clause.term)) found.push(clause.term);
        return;
      }
      Object.keys(piece).forEach(function (term) {
        if (term.lastIndexOf(clause.term, 0) === 0) found.push(term);
      });
    });
    return found;
  };

  /* A term's postings with lunr's weights: {docs, weights, titleLetters,
     strong} (titleLetters: per document, [letters of the term's
     occurrences in the title, letters of the title], or null; strong: per
     document, whether the term is in a field weighted above the text). */
  Index.prototype.postings = function (term) {
    var known = this.decoded.get(term);
    if (known) return known;
    var piece = this.termPieces.get(pieceAt(this.termFirsts, term));
    var flat = piece && Object.prototype.hasOwnProperty.call(piece, term) ? piece[term] : null;
    var docs = [];
    var counts = [];
    var titles = [];
    var strong = [];
    var pairs = 0; // (document, field) pairs: lunr's document frequency
    var doc = 0;
    for (var i = 0; flat && i < flat.length;) {
      doc += flat[i++];
      var packed = flat[i++];
      var tfs = [];
      var inStrong = false;
      for (var f = 0; f < this.fields.length; f++) {
        var tf = Math.floor(packed / Math.pow(this.base, f)) % this.base;
        tfs.push(tf);
        if (tf) pairs++;
        if (tf && this.strong[f]) inStrong = true;
      }
      strong.push(inStrong);
      var inTitle = this.title >= 0 && tfs[this.title] > 0;
      titles.push(inTitle ? [tfs[this.title] * letters(term), this.titleLetters[doc]] : null);
      docs.push(doc);
      counts.push(tfs);
    }
    var idf = Math.log(1 + Math.abs((this.documents - pairs + 0.5) / (pairs + 0.5)));
    var weights = [];
    for (var k = 0; k < docs.length; k++) {
      var pageBoost = this.boosts[this.pageOf(docs[k])] || 1;
      var weight = 0;
      for (f = 0; f < this.fields.length; f++) {
        var n = counts[k][f];
        if (!n) continue;
        var score = (idf * ((K1 + 1) * n)) / (K1 + n) * this.fields[f][1] * pageBoost;
        weight += Math.round(score * 1000) / 1000;
      }
      weights.push(weight);
    }
    known = { docs: docs, weights: weights, titleLetters: titles, strong: strong };
    this.decoded.set(term, known);
    return known;
  };

  function letters(text) {
    return (String(text).match(/[\p{L}\p{N}]/gu) || []).length;
  }

  /* ---- search: Material's result groups -------------------------------- */

  /* Result groups, one per page, each in score order with the page's own
     document present: [{doc, page, score, terms, titleShare, pageBoost,
     own (the page's own document), strongTerms (the query terms it
     matched in a field weighted above the text: title, keywords; term ->
     true)}]. The
     returned list's `terms` are the index terms the query reached (for
     matchedTerms()). Per-document state lives in typed arrays: a common
     word of a large site reaches most of its documents. */
  Index.prototype.search = function (queryClauses) {
    var index = this;
    var reached = []; // index terms the clauses reach
    var boosts = []; // per reached term: [group, boost, group, boost, ...]
    var at = new Map();
    var groupNumbers = new Map(); // a clause's group name -> 0, 1, ...
    function groupNumber(name) {
      if (!groupNumbers.has(name)) groupNumbers.set(name, groupNumbers.size);
      return groupNumbers.get(name);
    }
    queryClauses.forEach(function (clause, c) {
      // A clause without groups is a group of its own (lunr adds clauses up).
      var groups = clause.groups ? Object.keys(clause.groups).map(function (g) {
        return [groupNumber("g" + g), clause.groups[g]];
      }) : [[groupNumber("c" + c), clause.boost]];
      index.expand(clause).forEach(function (term) {
        if (!at.has(term)) {
          at.set(term, reached.length);
          reached.push(term);
          boosts.push([]);
        }
        var byGroup = boosts[at.get(term)];
        groups.forEach(function (g) {
          for (var b = 0; b < byGroup.length; b += 2) {
            if (byGroup[b] === g[0]) { byGroup[b + 1] = Math.max(byGroup[b + 1], g[1]); return; }
          }
          byGroup.push(g[0], g[1]);
        });
      });
    });
    // A group's terms are alternatives for one part of the query (a word,
    // its parts, its synonyms, its corrections): a document scores the best
    // of them, not their sum, so a page that holds a word and also its parts
    // does not outrank one that holds the word alone.
    var groupCount = groupNumbers.size || 1;
    var best = []; // per document reached: its best score in each group

    var distinct = [];
    queryClauses.forEach(function (c) { if (distinct.indexOf(c.term) < 0) distinct.push(c.term); });
    var words = Math.ceil(distinct.length / 32) || 1;
    var n = this.documents;
    var scores = new Float64Array(n);
    var masks = new Uint32Array(n * words); // query terms each document matched
    var strongMasks = new Uint32Array(n * words); // ... in its title or keywords
    var marked = new Float64Array(n);
    var titles = new Float64Array(n);
    var touched = new Uint8Array(n);
    var docs = [];
    reached.forEach(function (term, k) {
      var satisfied = []; // query terms this index term matches (as their prefix)
      distinct.forEach(function (q, j) { if (term.lastIndexOf(q, 0) === 0) satisfied.push(j); });
      var p = index.postings(term);
      for (var i = 0; i < p.docs.length; i++) {
        var doc = p.docs[i];
        if (!touched[doc]) {
          touched[doc] = 1;
          docs.push(doc);
          best[doc] = new Float64Array(groupCount);
        }
        var byGroup = boosts[k];
        var bestOfDoc = best[doc];
        for (var b = 0; b < byGroup.length; b += 2) {
          var value = byGroup[b + 1] * p.weights[i];
          if (value > bestOfDoc[byGroup[b]]) {
            scores[doc] += value - bestOfDoc[byGroup[b]];
            bestOfDoc[byGroup[b]] = value;
          }
        }
        for (var s = 0; s < satisfied.length; s++) {
          masks[doc * words + (satisfied[s] >> 5)] |= 1 << (satisfied[s] & 31);
          if (p.strong[i]) strongMasks[doc * words + (satisfied[s] >> 5)] |= 1 << (satisfied[s] & 31);
        }
        var title = p.titleLetters[i];
        if (title) { marked[doc] += title[0]; titles[doc] = title[1]; }
      }
    });
    var termsByMask = new Map(); // documents matching the same query terms share one object
    function termsOf(doc) {
      var key = words === 1 ? masks[doc] : Array.prototype.slice.call(masks, doc * words, doc * words + words).join(",");
      var terms = termsByMask.get(key);
      if (!terms) {
        terms = {};
        distinct.forEach(function (q, j) {
          if (masks[doc * words + (j >> 5)] & (1 << (j & 31))) terms[q] = true;
          else if (!index.stopwords.has(q)) terms[q] = false;
        });
        var keys = Object.keys(terms);
        var share = keys.length ? keys.filter(function (q) { return terms[q]; }).length / keys.length : 0;
        termsByMask.set(key, (terms = { terms: terms, share: share }));
      }
      return terms;
    }
    var termSets = new Map(); // documents with the same mask share one object
    function termsIn(masksOf, doc) {
      var key = words === 1 ? masksOf[doc] : Array.prototype.slice.call(masksOf, doc * words, doc * words + words).join(",");
      var terms = termSets.get(key);
      if (!terms) {
        terms = {};
        distinct.forEach(function (q, j) {
          if (masksOf[doc * words + (j >> 5)] & (1 << (j & 31))) terms[q] = true;
        });
        termSets.set(key, terms);
      }
      return terms;
    }
    var items = docs.map(function (doc) {
      var t = termsOf(doc);
      var page = index.pageOf(doc);
      var own = index.pages[page] === doc;
      var boost = (own ? 1 : 0) + t.share;
      return {
        doc: doc, page: page, score: scores[doc] * (1 + boost * boost), terms: t.terms,
        titleShare: titles[doc] ? Math.min(1, marked[doc] / titles[doc]) : 0,
        pageBoost: index.boosts[page] || 1,
        own: own, strongTerms: termsIn(strongMasks, doc),
      };
    });
    items.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    var groups = new Map();
    items.forEach(function (item) {
      var group = groups.get(item.page);
      if (!group) groups.set(item.page, (group = []));
      group.push(item);
    });
    var result = [];
    groups.forEach(function (group, page) {
      var own = index.pages[page];
      if (!touched[own]) {
        group.push({
          doc: own, page: page, score: 0, terms: {}, titleShare: 0, pageBoost: index.boosts[page] || 1,
          own: true, strongTerms: {},
        });
      }
      result.push(group);
    });
    result.terms = reached;
    return result;
  };

  /* The index terms of `reached` (a search's `terms`) that a document holds:
     the words its snippet marks. */
  Index.prototype.matchedTerms = function (doc, reached) {
    var index = this;
    return (reached || []).filter(function (term) {
      var docs = index.postings(term).docs;
      var low = 0;
      var high = docs.length - 1;
      while (low <= high) {
        var middle = (low + high) >> 1;
        if (docs[middle] === doc) return true;
        if (docs[middle] < doc) low = middle + 1;
        else high = middle - 1;
      }
      return false;
    });
  };

  /* ---- snippets -------------------------------------------------------- */

  /* The separator as a global pattern, compiled once per separator. */
  var globalPatterns = new Map();
  function globalPattern(separator) {
    var source = separator.source || String(separator);
    if (!globalPatterns.has(source)) globalPatterns.set(source, new RegExp(source, "g"));
    return globalPatterns.get(source);
  }

  /* Calls visit(start, end) for each token of `text` between separators
     (as Material's tokenizer splits). */
  function eachToken(text, separator, visit) {
    var pattern = globalPattern(separator);
    pattern.lastIndex = 0;
    var at = 0;
    var match;
    do {
      match = pattern.exec(text);
      var until = match ? match.index : text.length;
      if (at < until) visit(at, until);
      if (match) {
        at = match.index + match[0].length;
        if (!match[0].length) pattern.lastIndex = match.index + 1;
      }
    } while (match);
  }

  /* `html` with every token whose lower case is in `matched` (a Set) in
     <mark>. full: the whole text; otherwise only the first two top-level
     blocks that hold a mark (Material's teaser), or all of `html`
     unchanged when none does. */
  function highlight(html, matched, separator, full) {
    if (typeof html !== "string" || !html) return html;
    var blocks = []; // {start, end, marks: [[start, end]]}
    var block = 0;
    var start = 0;
    var end = 0;
    var stack = 0;
    function at(n) {
      return blocks[n] || (blocks[n] = { start: Infinity, end: -1, marks: [] });
    }
    function text(n, from, to) {
      var section = html.slice(from, to);
      eachToken(section, separator, function (s, e) {
        var b = at(n);
        b.start = Math.min(b.start, from + s);
        b.end = Math.max(b.end, from + e);
        if (matched.has(section.slice(s, e).toLowerCase())) b.marks.push([from + s, from + e]);
      });
    }
    function tag(n, from, to) {
      var b = at(n);
      b.start = Math.min(b.start, from);
      b.end = Math.max(b.end, to);
    }
    for (; end < html.length; end++) {
      if (html.charAt(end) === "<" && end > start) {
        text(block, start, end);
        start = end;
      } else if (html.charAt(end) === ">") {
        if (html.charAt(start + 1) === "/") {
          if (--stack === 0) tag(block++, start, end + 1);
        } else if (html.charAt(end - 1) !== "/") {
          if (stack++ === 0) tag(block, start, end + 1);
        }
        start = end + 1;
      }
    }
    if (end > start) text(block, start, end);
    var marked = blocks.filter(function (b) { return b && b.marks.length; });
    if (!marked.length) return html;
    function wrap(from, to, marks) {
      var out = "";
      var cursor = from;
      marks.forEach(function (m) {
        out += html.slice(cursor, m[0]) + "<mark>" + html.slice(m[0], m[1]) + "</mark>";
        cursor = m[1];
      });
      return out + html.slice(cursor, to);
    }
    if (full) {
      var all = [];
      blocks.forEach(function (b) { if (b) all = all.concat(b.marks); });
      return wrap(0, html.length, all);
    }
    return marked.slice(0, 2).map(function (b) { return wrap(b.start, b.end, b.marks); }).join("");
  }

  /* A result item as Material's search box shows it, from an item of
     search() (after ranking), its document row [location, title, text] and
     the index terms it matched (matchedTerms()). */
  function present(item, row, separator, matchedTerms) {
    var matched = new Set(matchedTerms || []);
    var hasMatch = matched.size > 0;
    return {
      location: row[0],
      title: hasMatch ? highlight(row[1], matched, separator, true) : row[1],
      text: hasMatch ? highlight(row[2], matched, separator, false) : row[2],
      score: item.score,
      terms: item.terms,
    };
  }

  return {
    pieceAt: pieceAt,
    termPieces: termPieces,
    clauses: clauses,
    Index: Index,
    eachToken: eachToken,
    highlight: highlight,
    present: present,
  };
});
