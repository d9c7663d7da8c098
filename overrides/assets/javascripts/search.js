/* Site search, adapter: the only code that knows Material for MkDocs' search
 * worker protocol (SETUP 0, READY 1, QUERY 2, RESULT 3). It runs before
 * Material's bundle, so it stays small: the query pipeline
 * (search-pipeline.js) and the engine (search-engine.js) load only when the
 * reader starts to search.
 *
 * Material creates its search worker and downloads search_index.json as
 * every page opens. This script wraps the Worker constructor and hands
 * Material a stand-in with the same messages. When the reader shows signs
 * of searching (see requestIndex), it fetches the engine's manifest
 * (search/engine/manifest.json, written by scripts/kb/build/search_pieces.py)
 * and the two scripts:
 * - manifest found: the stand-in answers QUERY itself, on the main thread:
 *   the pipeline plans the query, the engine names the index pieces it needs
 *   (fetched once, cached), scores and groups, the pipeline ranks, and the
 *   engine writes the snippets. No lunr index is built and the worker never
 *   starts; Material's index request is pointed at index-config.json, the
 *   index's config without documents (what Material's ?h= highlighting
 *   reads). Main thread rather than a worker: a query touches a few
 *   postings lists and ten pages' text (a few milliseconds), while a worker
 *   costs a script download and start-up before the first answer.
 * - manifest absent (`mkdocs serve` skips the build step that writes it):
 *   the stand-in starts Material's worker and passes messages through, the
 *   pipeline rewriting queries and ranking results as before.
 * If the scripts cannot load, Material's worker runs unchanged.
 */
(function () {
  "use strict";

  var SETUP = 0;
  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;
  // Material shows the first ten results at once (more on scrolling): their
  // pages' text is fetched before answering, the rest's afterwards.
  var FIRST_SCREEN = 10;
  // Once the reader has searched, the term pieces of an index this small
  // (raw bytes; about a third gzip) come in the next idle moment, so that
  // the next queries wait for no term piece. A large site's are not.
  var PREFETCH_TERMS_BYTES = 300000;
  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function" || !window.fetch || !window.Promise) return;
  var scripts = document.currentScript ? document.currentScript.src : location.href;

  var idle = window.requestIdleCallback
    ? function (fn) { window.requestIdleCallback(fn, { timeout: 2000 }); }
    : function (fn) { setTimeout(fn, 200); };

  function config() {
    try {
      return JSON.parse(document.getElementById("__config").textContent);
    } catch (error) {
      return {};
    }
  }
  var searchDir = new URL("search/", new URL(config().base || ".", location.href)).href;
  var engineDir = searchDir + "engine/";

  function loadScript(name) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL(name, scripts).href;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("search: cannot load " + name)); };
      document.head.appendChild(script);
    });
  }
  function getJSON(url, priority) {
    return fetch(url, { priority: priority || "auto" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  /* When search starts. Most page views never search, so nothing is fetched
     at load: the first touch, wheel, pointer movement or key press
     schedules it for the next idle moment (a reader who then opens search
     finds it ready), and a touch, focus or key on the search box itself
     starts it at once. A page load without interaction (a crawler, a
     Lighthouse run) fetches nothing. */
  var backend = null; // Promise of {engine, manifest, lexicon}, or of null (Material's worker)
  var piecesFound = null; // Promise of whether the manifest exists
  var heldIndexRequests = [];
  function requestIndex(priority) {
    if (backend) return backend;
    // "low" when fetched ahead in an idle moment, not for a reader waiting.
    var manifest = getJSON(engineDir + "manifest.json", priority === "low" ? "low" : "high");
    piecesFound = manifest.then(function () { return true; }, function () { return false; });
    // Material's index request goes out as soon as it is known which index
    // it needs, while the scripts still load.
    piecesFound.then(function (found) {
      heldIndexRequests.splice(0).forEach(function (send) { send(found); });
      heldIndexRequests = null;
    });
    var pipeline = loadScript("search-pipeline.js");
    backend = Promise.all([manifest, pipeline, loadScript("search-engine.js")])
      .then(function (loaded) {
        var state = { engine: new window.SearchEngine.Index(loaded[0]), manifest: loaded[0], lexicon: null };
        idle(function () { lexiconOf(state); });
        return state;
      })
      // No pieces (mkdocs serve), or no scripts: Material's worker, with the
      // pipeline if it has loaded.
      .catch(function () {
        return pipeline.then(function () { return null; }, function () { return null; });
      });
    return backend;
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
  // Not `scroll`: it also fires when a page scrolls itself (restoring a
  // position, following an anchor), which is no sign of a reader.
  var activity = ["pointermove", "touchstart", "keydown", "wheel"];
  function onActivity() {
    activity.forEach(function (type) { window.removeEventListener(type, onActivity, true); });
    idle(function () { requestIndex("low"); });
  }
  activity.forEach(function (type) {
    window.addEventListener(type, onActivity, { capture: true, passive: true });
  });
  /* Material reads the search box on keyup only. Text that arrives without
     a key (pasting an error message, an input method committing its
     candidate, dictation, autocorrect) sends `input` but no keyup, and the
     box kept the answer to what was there before, or none. Each `input` on
     the box is passed on as a keyup on the box itself (not bubbling, so no
     shortcut sees it); Material ignores a value it has already answered. */
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box || !box.matches || !box.matches("input[data-md-component=search-query]")) return;
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }));
  }, true);
  // Material opens search for ?q=, and highlights the words of ?h= (from a
  // search result) with the index's settings: both need them now.
  if (/[?&][qh]=/.test(location.search)) requestIndex();

  /* Material's index request waits for requestIndex, then goes to the
     config-only file when the engine answers queries. */
  var nativeOpen = XMLHttpRequest.prototype.open;
  var nativeSend = XMLHttpRequest.prototype.send;
  var indexRequests = new WeakMap();
  XMLHttpRequest.prototype.open = function (method, url) {
    try {
      if (new URL(String(url), document.baseURI).href === searchDir + "search_index.json") {
        indexRequests.set(this, method);
      } else {
        indexRequests.delete(this);
      }
    } catch (error) {
      // not a URL we know: leave the request alone
    }
    return nativeOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!indexRequests.has(this)) return nativeSend.apply(this, arguments);
    var request = this;
    var method = indexRequests.get(this);
    var args = arguments;
    var send = function (toPieces) {
      if (toPieces) {
        indexRequests.delete(request);
        var type = request.responseType;
        nativeOpen.call(request, method, engineDir + "index-config.json");
        request.responseType = type;
      }
      nativeSend.apply(request, args);
    };
    if (heldIndexRequests) heldIndexRequests.push(send);
    else piecesFound.then(send);
    return undefined;
  };

  function lexiconOf(state) {
    if (state.lexicon) return state.lexicon;
    var lexicon = state.manifest.lexicon;
    var locale = (state.manifest.config.lang || ["en"])[0];
    state.lexicon = new window.SearchPipeline.Lexicon({
      words: lexicon.words,
      phrases: lexicon.phrases,
      t2s: lexicon.t2s,
      confusions: lexicon.confusions,
      vocabulary: lexicon.vocabulary,
      segmenter: segmenter(locale),
    });
    state.separator = new RegExp(state.manifest.config.separator);
    return state.lexicon;
  }
  function segmenter(locale) {
    return typeof Intl === "object" && typeof Intl.Segmenter === "function"
      ? new Intl.Segmenter(locale, { granularity: "word" })
      : null;
  }

  /* ---- answers from the engine ---------------------------------------- */

  var termPieceLoads = new Map();
  var docPieceLoads = new Map();
  function loadPieces(state, numbers, kind, priority) {
    var loads = kind === "terms" ? termPieceLoads : docPieceLoads;
    return Promise.all(numbers.map(function (n) {
      if (!loads.has(n)) {
        loads.set(n, getJSON(engineDir + state.manifest[kind][n][1], priority).then(function (data) {
          if (kind === "terms") state.engine.addTermPiece(n, data);
          else state.engine.addDocPiece(n, data);
        }));
      }
      return loads.get(n);
    }));
  }

  function answer(state, text) {
    var Pipeline = window.SearchPipeline;
    var plan = Pipeline.plan(lexiconOf(state), text);
    if (!plan.concepts.length) return Promise.resolve([]);
    var clauses = window.SearchEngine.clauses(Pipeline.terms(plan));
    return loadPieces(state, state.engine.missingTermPieces(clauses), "terms").then(function () {
      var found = state.engine.search(clauses);
      var ranked = Pipeline.rankResults(plan, found);
      var docs = function (groups) {
        var all = [];
        groups.forEach(function (group) { group.forEach(function (item) { all.push(item.doc); }); });
        return state.engine.missingDocPieces(all);
      };
      var later = docs(ranked.slice(FIRST_SCREEN));
      return loadPieces(state, docs(ranked.slice(0, FIRST_SCREEN)), "docs").then(function () {
        if (later.length) idle(function () { loadPieces(state, later, "docs", "low"); });
        if (!state.prefetched && (state.manifest.bytes || {}).terms <= PREFETCH_TERMS_BYTES) {
          state.prefetched = true;
          idle(function () {
            loadPieces(state, state.manifest.terms.map(function (_, n) { return n; }), "terms", "low");
          });
        }
        return ranked.map(function (group) {
          return group.map(function (item) { return presented(state, item, found.terms); });
        });
      });
    });
  }

  /* A result item for Material. Items past the first screen may still wait
     for their page's text: they read it when Material renders them (on
     scrolling), by which time the idle fetch above has brought it. */
  function presented(state, item, reached) {
    var Pipeline = window.SearchPipeline;
    var shown = null;
    function get() {
      if (!shown) {
        var row = state.engine.docRows.get(item.doc);
        if (!row) return { location: "", title: "", text: "" };
        var matched = state.engine.matchedTerms(item.doc, reached);
        shown = window.SearchEngine.present(item, row, state.separator, matched);
        shown.title = Pipeline.cleanSnippet(shown.title);
        shown.text = Pipeline.cleanSnippet(shown.text);
      }
      return shown;
    }
    var result = { score: item.score, terms: item.terms };
    ["location", "title", "text"].forEach(function (key) {
      Object.defineProperty(result, key, { enumerable: true, get: function () { return get()[key]; } });
    });
    return result;
  }

  /* ---- the stand-in worker -------------------------------------------- */

  function SearchWorker(url, options) {
    this.url = url;
    this.options = options;
    this.listeners = [];
    this.onmessage = null;
    this.onerror = null;
    this.native = null;
    this.chain = Promise.resolve();
    this.latest = 0;
  }
  SearchWorker.prototype.addEventListener = function (type, listener, options) {
    if (type === "message") this.listeners.push(listener);
    else if (this.native) this.native.addEventListener(type, listener, options);
  };
  SearchWorker.prototype.removeEventListener = function (type, listener) {
    this.listeners = this.listeners.filter(function (known) { return known !== listener; });
    if (this.native) this.native.removeEventListener(type, listener);
  };
  SearchWorker.prototype.dispatchEvent = function (event) {
    var worker = this;
    this.listeners.forEach(function (listener) {
      if (typeof listener === "function") listener.call(worker, event);
      else if (listener && listener.handleEvent) listener.handleEvent(event);
    });
    if (typeof this.onmessage === "function") this.onmessage(event);
    return true;
  };
  SearchWorker.prototype.terminate = function () {
    if (this.native) this.native.terminate();
  };
  SearchWorker.prototype.emit = function (data) {
    this.dispatchEvent(new MessageEvent("message", { data: data }));
  };
  SearchWorker.prototype.postMessage = function (message) {
    var worker = this;
    var number = message && message.type === QUERY ? ++this.latest : 0;
    this.chain = this.chain.then(function () { return requestIndex(); }).then(function (state) {
      if (!state) return worker.forward(message);
      if (message.type === SETUP) return worker.emit({ type: READY });
      if (message.type !== QUERY) return undefined;
      if (number !== worker.latest) return undefined; // a newer query is waiting
      return answer(state, String(message.data || "")).then(function (items) {
        worker.emit({ type: RESULT, data: { items: items } });
      }, function (error) {
        console.warn("search: no answer", error);
        worker.emit({ type: RESULT, data: { items: [] } });
      });
    }).catch(function (error) {
      console.warn("search:", error); // one message lost, the next ones still go
    });
  };
  /* Without the engine's pieces: Material's worker, with the pipeline. */
  SearchWorker.prototype.forward = function (message) {
    var worker = this;
    if (message && message.type === SETUP && !(message.data.docs || []).length) {
      // The pieces exist but the scripts did not load: Material got the
      // config-only file; its worker needs the whole index.
      return getJSON(searchDir + "search_index.json").then(function (index) {
        var data = { config: index.config, docs: index.docs, options: message.data.options };
        worker.forward({ type: SETUP, data: data });
      });
    }
    if (!this.native) {
      this.native = new NativeWorker(this.url, this.options);
      try {
        if (window.SearchPipeline) attach(this.native);
      } catch (error) {
        console.warn("search: could not attach the query pipeline", error);
      }
      this.native.addEventListener("message", function (event) { worker.dispatchEvent(event); });
    }
    this.native.postMessage(message);
  };

  /* Material's worker with the pipeline: SETUP's index gives the lexicon,
     QUERY is rewritten, RESULT re-ranked (answers come in order). */
  function attach(worker) {
    var Pipeline = window.SearchPipeline;
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

  function isSearchWorker(url) {
    var href = new URL(String(url), document.baseURI).href;
    var search = config().search;
    return search ? href === new URL(search, document.baseURI).href : /\/workers\/search\.[^/]*\.js$/.test(href);
  }
  function SearchAwareWorker(url, options) {
    if (isSearchWorker(url)) return new SearchWorker(url, options);
    return new NativeWorker(url, options);
  }
  SearchAwareWorker.prototype = NativeWorker.prototype;
  window.Worker = SearchAwareWorker;
})();
