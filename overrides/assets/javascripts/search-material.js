/* Site search, adapter, the part that knows Material for MkDocs and is needed
 * only once search starts (search.js, the part every page loads, loads this
 * with the pipeline and the engine, so that it adds nothing to a page's first
 * view):
 * - ResultList: Material's search result list, written from the engine's
 *   answers (Markup builds its HTML: pure, Node tests in tests/js/);
 * - attach(): Material's own worker with the query pipeline, where the
 *   engine's pieces are absent (`mkdocs serve`).
 *
 * Why not Material's rendering: it appends each result's strings with
 * `innerHTML +=` (re-parsing all that came before) and measures the list as
 * it grows; with the CPU slowed 4x that took 0.2-2 s per answer, where the
 * engine takes a few milliseconds. This writes the same markup as Material's
 * templates/search (same classes, so the same look, and Material's keyboard
 * handling and closing on a click, which read the list) with one innerHTML
 * per screen of results. Like Material: the count above the list, the first
 * screen of results at once (FIRST_SCREEN; Material writes ten), four more
 * each time the reader scrolls to the end. A
 * page's further sections ("N more on this page", folded) are written when
 * the reader opens them: most of an answer is folded sections.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.SearchMaterial = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  // Results written at once: what a phone (3-4) or a laptop's search panel
  // (5-6) shows; the rest come as the reader scrolls to the end. Material
  // writes 10; 6 pages' texts come in one wave of requests on a host that
  // speaks HTTP/1.1 (six connections), 30-40 ms sooner in make bench.
  var FIRST_SCREEN = 6;
  var MORE_RESULTS = 4;
  var PARENT = 2;
  var TEASER = 1;

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  // Material's utilities/round.
  function roundCount(value) {
    if (value <= 999) return String(value);
    var digits = +((value - 950) % 1000 > 99);
    return ((value + 0.000001) / 1000).toFixed(digits) + "k";
  }

  /* settings: {base (absolute URL of the site's root), translations
     (Material's, from __config), highlight (feature search.highlight), tags
     (__config's tags)}. */
  function Markup(settings) {
    this.settings = settings;
  }
  Markup.prototype.translate = function (key, value) {
    var text = this.settings.translations[key] || "";
    return value === undefined ? text : text.replace("#", String(value));
  };
  // The note above the list (Material's components/search/result).
  Markup.prototype.count = function (value, count) {
    if (count === 0) return this.translate(value.length ? "search.result.none" : "search.result.placeholder");
    if (count === 1) return this.translate("search.result.one");
    return this.translate("search.result.other", roundCount(count));
  };
  /* One page's result (Material's renderSearchResultItem) from its items:
     `source.location(item)` tells the page's own document (no "#"),
     `source.present(item)` gives {location, title, text, score, terms} as
     Material's templates read them. The folded sections are left out:
     `fold(items)` keeps them and returns the number the <details> carries. */
  Markup.prototype.item = function (items, source, fold) {
    var threshold = items[0].score;
    var docs = items.slice();
    var parent = docs.findIndex(function (item) { return source.location(item).indexOf("#") < 0; });
    var article = docs.splice(parent, 1)[0];
    var index = docs.findIndex(function (item) { return item.score < threshold; });
    if (index === -1) index = docs.length;
    var best = docs.slice(0, index);
    var more = docs.slice(index);
    var markup = this;
    var html = this.document(source.present(article), PARENT | +(!parent && index === 0));
    best.forEach(function (item) { html += markup.document(source.present(item), TEASER); });
    if (more.length) {
      html += '<details class="md-search-result__more" data-folded="' + fold(more) + '">' +
        '<summary tabindex="-1"><div>' +
        escapeHTML(more.length === 1
          ? this.translate("search.result.more.one")
          : this.translate("search.result.more.other", more.length)) +
        "</div></summary></details>";
    }
    return '<li class="md-search-result__item">' + html + "</li>";
  };
  // Folded sections, written when opened.
  Markup.prototype.sections = function (items, source) {
    var markup = this;
    return items.map(function (item) { return markup.document(source.present(item), TEASER); }).join("");
  };
  /* One document (Material's renderSearchDocument); title and text are the
     engine's HTML (escaped text with <mark>), as Material takes them. */
  Markup.prototype.document = function (doc, flag) {
    var parent = flag & PARENT;
    var teaser = flag & TEASER;
    var terms = doc.terms || {};
    var url = new URL(doc.location, this.settings.base);
    if (this.settings.highlight) {
      url.searchParams.set("h", Object.keys(terms).filter(function (key) { return terms[key]; }).join(" "));
    }
    var missing = Object.keys(terms).filter(function (key) { return !terms[key]; });
    var html = '<a href="' + escapeHTML(url.href) + '" class="md-search-result__link" tabindex="-1">' +
      '<article class="md-search-result__article md-typeset" data-md-score="' + doc.score.toFixed(2) + '">';
    if (parent) html += '<div class="md-search-result__icon md-icon"></div><h1>' + doc.title + "</h1>";
    else html += "<h2>" + doc.title + "</h2>";
    if (teaser && doc.text.length > 0) html += doc.text;
    if (doc.tags) {
      var tags = this.settings.tags;
      html += '<nav class="md-tags">' + doc.tags.map(function (tag) {
        var type = tags ? (tag in tags ? "md-tag-icon md-tag--" + tags[tag] : "md-tag-icon") : "";
        return '<span class="md-tag ' + escapeHTML(type) + '">' + escapeHTML(tag) + "</span>";
      }).join("") + "</nav>";
    }
    if (teaser && missing.length) {
      html += '<p class="md-search-result__terms">' + escapeHTML(this.translate("search.result.term.missing")) +
        ": " + missing.map(function (key) { return "<del>" + escapeHTML(key) + "</del>"; }).join(" ") + "</p>";
    }
    return html + "</article></a>";
  };

  /* Material's result list in the page: `root` is its search-result
     component (the note, then the list). */
  function ResultList(root, settings) {
    this.meta = root.firstElementChild;
    this.list = root.lastElementChild;
    this.container = root.parentElement;
    this.markup = new Markup(settings);
    this.groups = [];
    this.shown = 0;
    this.observer = null;
    this.folded = [];
    this.generation = 0;
    var view = this;
    // Written on the click that opens them, so they are there in its frame.
    this.list.addEventListener("click", function (event) {
      var summary = event.target.closest && event.target.closest("summary");
      if (summary && summary.parentElement.tagName === "DETAILS") view.unfold(summary.parentElement);
    }, true);
    this.list.addEventListener("toggle", function (event) {
      var details = event.target;
      if (details.tagName !== "DETAILS") return;
      if (details.open) view.unfold(details);
      // Material keeps the section in place when it closes.
      else if (details.offsetTop <= view.container.scrollTop) view.container.scrollTo({ top: details.offsetTop });
    }, true);
  }
  /* The page's list, from Material's __config; null where the page has no
     Material search box. */
  ResultList.ofPage = function (document, config) {
    var root = document.querySelector("[data-md-component=search-result]");
    if (!root) return null;
    return new ResultList(root, {
      base: new URL(config.base || ".", document.location.href).href,
      translations: config.translations || {},
      highlight: (config.features || []).indexOf("search.highlight") >= 0,
      tags: config.tags,
    });
  };
  /* Shows the answer to `value`: `groups` of result items (each a page's,
     ranked), with `source` as Markup.item reads it and `source.more(groups)`
     resolving when the text of further groups is there. */
  ResultList.prototype.show = function (value, groups, source) {
    this.meta.textContent = this.markup.count(value, groups.length);
    if (this.observer) this.observer.disconnect();
    this.observer = null;
    this.groups = groups;
    this.source = source;
    this.generation += 1;
    this.folded = [];
    this.list.innerHTML = this.html(groups.slice(0, FIRST_SCREEN));
    this.shown = Math.min(FIRST_SCREEN, groups.length);
    this.watchEnd();
  };
  ResultList.prototype.html = function (groups) {
    var view = this;
    var fold = function (items) { return view.folded.push(items) - 1; };
    return groups.map(function (group) { return view.markup.item(group, view.source, fold); }).join("");
  };
  ResultList.prototype.unfold = function (details) {
    var number = details.getAttribute("data-folded");
    if (number === null) return;
    details.removeAttribute("data-folded");
    var items = this.folded[+number] || [];
    this.folded[+number] = null;
    details.insertAdjacentHTML("beforeend", this.markup.sections(items, this.source));
  };
  // More results when the last one comes into view.
  ResultList.prototype.watchEnd = function () {
    var view = this;
    var last = this.list.lastElementChild;
    if (this.shown >= this.groups.length || !last || typeof IntersectionObserver !== "function") return;
    var generation = this.generation;
    this.observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      view.observer.disconnect();
      view.observer = null;
      var next = view.groups.slice(view.shown, view.shown + MORE_RESULTS);
      view.source.more(next).then(function () {
        if (generation !== view.generation) return; // a newer answer is shown
        view.list.insertAdjacentHTML("beforeend", view.html(next));
        view.shown += next.length;
        view.watchEnd();
      });
    }, { root: this.container, rootMargin: "0px 0px 16px 0px" });
    this.observer.observe(last);
  };

  /* Material's worker with the pipeline: SETUP's index gives the lexicon,
     QUERY is rewritten, RESULT re-ranked (answers come in order). */
  function attach(worker, segmenter) {
    var Pipeline = self.SearchPipeline;
    var lexicon = null;
    var pending = [];
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      var sent = message;
      var plan = null;
      try {
        if (message && message.type === SETUP) {
          var index = message.data;
          var options = index.config || {};
          lexicon = new Pipeline.Lexicon({
            // mkdocs serve has no build-time word list: learnt from the documents.
            words: options.words || Pipeline.wordsOf(index.docs || [], options.separator),
            phrases: options.phrases,
            t2s: options.t2s,
            confusions: options.confusions,
            vocabulary: options.reader_vocabulary,
            segmenter: segmenter((options.lang || ["en"])[0]),
          });
        } else if (message && message.type === QUERY && lexicon && typeof message.data === "string") {
          plan = Pipeline.plan(lexicon, message.data);
          if (plan.concepts.length) sent = { type: QUERY, data: Pipeline.lunrQuery(plan) };
          else plan = null;
        }
      } catch (error) {
        console.warn("search: query rewriting failed, using the raw query", error);
        sent = message;
        plan = null;
      }
      if (message && message.type === QUERY) pending.push(plan);
      return post.call(worker, sent);
    };
    var listen = worker.addEventListener;
    worker.addEventListener = function (type, listener, options) {
      if (type !== "message") return listen.apply(worker, arguments);
      return listen.call(worker, type, function (event) {
        var data = event.data;
        if (!data || data.type !== RESULT) return listener.call(this, event);
        var plan = pending.shift();
        try {
          if (plan && data.data && Array.isArray(data.data.items)) {
            data = { type: RESULT, data: { items: Pipeline.rankResults(plan, data.data.items) } };
          }
        } catch (error) {
          console.warn("search: result ranking failed, showing the raw result", error);
          data = event.data;
        }
        return listener.call(this, new MessageEvent("message", { data: data }));
      }, options);
    };
  }

  return {
    FIRST_SCREEN: FIRST_SCREEN,
    attach: attach,
    Markup: Markup,
    ResultList: ResultList,
    roundCount: roundCount,
  };
});
