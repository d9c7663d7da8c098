/* Site search, adapter: the only code that knows Material for MkDocs' search
 * worker. The query pipeline itself (search-pipeline.js, loaded before this
 * file) is backend-neutral; another search backend needs another adapter.
 *
 * Material runs lunr in a web worker and exchanges messages with it:
 * SETUP (the index, on its way to the worker), READY, QUERY (the text
 * typed), RESULT (result groups, one per page). This script wraps the
 * Worker constructor before Material's bundle creates the worker, and:
 * - SETUP: keeps the index config to build the pipeline's lexicon (the
 *   index's words, OpenCC table, input-method slips, reader vocabulary the
 *   build step put there), when the browser is idle;
 * - QUERY: sends the pipeline's weighted query instead of the raw text (the
 *   search box keeps what the reader typed);
 * - RESULT: lets the pipeline rank, trim, annotate and clean the list.
 * It also decides when the index is downloaded (see requestIndex).
 * If anything here fails, the worker gets the raw text, as without this file.
 *
 * Scale: the index is one file per language (about 100 KB gzip for the
 * current site). An index in pieces (by section, or by term prefix) would be
 * a change here and in the build step only: the build step writes the
 * pieces and a small manifest with the lexicon, this adapter fetches the
 * manifest, asks the pipeline which terms a query needs (terms(plan)) and
 * hands the worker the pieces that hold them. The pipeline does not change.
 * Not done yet; `make bench` measures the first query on 1,000 pages.
 */
(function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var Pipeline = window.SearchPipeline;
  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function" || !Pipeline) return;

  var idle = window.requestIdleCallback
    ? function (fn) { window.requestIdleCallback(fn, { timeout: 2000 }); }
    : function (fn) { setTimeout(fn, 200); };

  /* When the index is downloaded. Material fetches and parses the whole
     index as every page opens, although most page views never search. Here
     the request waits until the reader shows signs of life: the first touch,
     scroll, pointer movement or key press schedules it for the next idle
     moment (so a reader who then opens search finds it ready), and a touch,
     focus or key on the search box itself sends it at once. A page load
     without any interaction (a crawler, a Lighthouse run) never fetches it. */
  var indexRequested = false;
  var heldIndexRequests = [];
  var indexRequests = new WeakSet();
  function requestIndex() {
    if (indexRequested) return;
    indexRequested = true;
    heldIndexRequests.splice(0).forEach(function (send) { send(); });
  }
  function isSearchTarget(target) {
    return target && target.closest &&
      target.closest("[data-md-component=search], label[for=__search], #__search");
  }
  function onIntent(event) {
    if (event.type === "keydown" || isSearchTarget(event.target)) requestIndex();
  }
  ["focusin", "pointerdown", "keydown", "change"].forEach(function (type) {
    document.addEventListener(type, onIntent, true);
  });
  var activity = ["pointermove", "touchstart", "scroll", "keydown", "wheel"];
  function onActivity() {
    activity.forEach(function (type) { window.removeEventListener(type, onActivity, true); });
    idle(requestIndex);
  }
  activity.forEach(function (type) {
    window.addEventListener(type, onActivity, { capture: true, passive: true });
  });
  // Material opens search for ?q=, and highlights the words of ?h= (from a
  // search result) with the index's settings: both need the index now.
  if (/[?&][qh]=/.test(location.search)) requestIndex();

  var nativeOpen = XMLHttpRequest.prototype.open;
  var nativeSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    try {
      if (/\/search\/search_index\.json$/.test(new URL(String(url), document.baseURI).pathname)) {
        indexRequests.add(this);
      }
    } catch (error) {
      // not a URL we know: leave the request alone
    }
    return nativeOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (indexRequests.has(this) && !indexRequested) {
      var request = this;
      var args = arguments;
      heldIndexRequests.push(function () { nativeSend.apply(request, args); });
      return undefined;
    }
    return nativeSend.apply(this, arguments);
  };

  function isSearchWorker(url) {
    var href = new URL(String(url), document.baseURI).href;
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return href === new URL(config.search, document.baseURI).href;
    } catch (error) {
      return /\/workers\/search\.[^/]*\.js$/.test(href);
    }
  }

  /* The pipeline's lexicon for one index (Material's SETUP data). */
  function lexiconOf(index) {
    var config = index.config || {};
    var locale = (config.lang || ["en"])[0];
    return new Pipeline.Lexicon({
      // The build step lists the index's words; without it (mkdocs serve)
      // they are learnt from the documents.
      words: config.words || Pipeline.wordsOf(index.docs || [], config.separator),
      t2s: config.t2s,
      confusions: config.confusions,
      vocabulary: config.reader_vocabulary,
      segmenter: typeof Intl === "object" && typeof Intl.Segmenter === "function"
        ? new Intl.Segmenter(locale, { granularity: "word" })
        : null,
    });
  }

  function attach(worker) {
    var index = null;
    var lexicon = null;
    var pending = []; // the plan of each query in flight (answers come in order)
    var cleaned = new WeakMap();

    function prepare() {
      if (!lexicon && index) lexicon = lexiconOf(index);
      return lexicon;
    }

    var post = worker.postMessage;
    worker.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      var plan = null;
      try {
        if (message && message.type === SETUP) {
          index = message.data;
          lexicon = null;
          idle(function () {
            try { prepare(); } catch (error) { console.warn("search: could not prepare the query pipeline", error); }
          });
        } else if (message && message.type === QUERY && typeof message.data === "string" && prepare()) {
          plan = Pipeline.plan(lexicon, message.data);
          if (plan.concepts.length) args[0] = { type: QUERY, data: Pipeline.lunrQuery(plan) };
          else plan = null;
        }
      } catch (error) {
        console.warn("search: query rewriting failed, using the raw query", error);
        args[0] = message;
        plan = null;
      }
      if (message && message.type === QUERY) pending.push(plan);
      return post.apply(worker, args);
    };

    var listen = worker.addEventListener;
    worker.addEventListener = function (type, listener, options) {
      if (type !== "message" || typeof listener !== "function") return listen.apply(worker, arguments);
      return listen.call(worker, type, function (event) {
        if (!event.data || event.data.type !== RESULT) return listener.call(this, event);
        // One event may reach several listeners: rank it once.
        var data = cleaned.get(event);
        if (!data) {
          var plan = pending.shift();
          data = event.data;
          try {
            if (plan && data.data && Array.isArray(data.data.items)) {
              data = Object.assign({}, data, {
                data: Object.assign({}, data.data, { items: Pipeline.rankResults(plan, data.data.items) }),
              });
            }
          } catch (error) {
            console.warn("search: result ranking failed, showing the raw result", error);
            data = event.data;
          }
          cleaned.set(event, data);
        }
        return listener.call(this, new MessageEvent("message", { data: data }));
      }, options);
    };
  }

  function SearchAwareWorker(url, options) {
    var worker = new NativeWorker(url, options);
    try {
      if (isSearchWorker(url)) attach(worker);
    } catch (error) {
      console.warn("search: could not attach the query pipeline", error);
    }
    return worker;
  }
  SearchAwareWorker.prototype = NativeWorker.prototype;
  window.Worker = SearchAwareWorker;
})();
