/* Site search, adapter: with search-material.js, the only code that knows
 * Material for MkDocs' search worker protocol (SETUP 0, READY 1, QUERY 2,
 * RESULT 3) and its result list. It runs before Material's bundle, so it
 * stays small: the query pipeline (search-pipeline.js), the engine
 * (search-engine.js) and the adapter's other part (search-material.js) load
 * only when the reader starts to search.
 *
 * Material creates its search worker and downloads search_index.json as
 * every page opens. This script wraps the Worker constructor and hands
 * Material a stand-in with the same messages. When the reader shows signs
 * of searching (see requestIndex), it fetches the engine's manifest
 * (search/engine/manifest.json, written by scripts/kb/build/search_pieces.py)
 * and the three scripts:
 * - manifest found: each `input` on the search box is answered at once (also
 *   before Material's script has started: see answerBox), and the stand-in
 *   answers Material's QUERY the same way, on the main thread:
 *   the pipeline plans the query, the engine names the index pieces it needs
 *   (fetched once, cached; a small index comes whole, in one file per kind:
 *   see prefetch), scores and groups, the pipeline ranks, and the
 *   engine writes the snippets; the stand-in then has search-material.js
 *   (the adapter's other part, loaded with them) write Material's result
 *   list (Material's own rendering took 0.2-2 s per answer on a slow phone)
 *   instead of answering RESULT. No lunr index is
 *   built and the worker never starts; Material's index request is pointed
 *   at index-config.json, the index's config without documents (what
 *   Material's ?h= highlighting reads). Main thread rather than a worker: a
 *   query touches a few postings lists and ten pages' text (a few
 *   milliseconds), while a worker costs a script download and start-up
 *   before the first answer.
 * - manifest absent (`mkdocs serve` skips the build step that writes it):
 *   the stand-in starts Material's worker and passes messages through, the
 *   pipeline rewriting queries and ranking results as before
 *   (search-material.js attaches it).
 * If the scripts cannot load, Material's worker runs unchanged.
 */
(function () {
  "use strict";

  var SETUP = 0;
  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;
  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function" || !window.fetch || !window.Promise) return;
  var scripts = document.currentScript ? document.currentScript.src : location.href;

  var idle = window.requestIdleCallback
    ? function (fn) { window.requestIdleCallback(fn, { timeout: 2000 }); }
    : function (fn) { setTimeout(fn, 200); };
  // After the current task: work a waiting reader needs, done while the
  // network is busy rather than when the answer is due.
  function soon(fn) { setTimeout(fn, 0); }

  /* Settled: the page's first search answer is drawn, or Material's worker
     will answer. theme-start.js holds Material's script back until then when
     the reader's first action is on the search box (its 35 KB take 80-350 ms
     of the main thread), and it listens for this event. */
  var settle;
  var settled = new Promise(function (resolve) { settle = resolve; });
  settled.then(function () { document.dispatchEvent(new Event("kb-search-settled")); });

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
  var standIns = [];
  function requestIndex(priority) {
    if (backend) return backend;
    var ahead = priority === "low"; // fetched in an idle moment, no reader waiting
    var later = ahead ? idle : soon;
    // Ahead of a search, in an idle moment; for a reader already waiting,
    // the first query that needs it loads it (lexiconOf()).
    if (ahead) idle(function () { segmenter(pageLocale()); });
    var manifest = getJSON(engineDir + "manifest.json", ahead ? "low" : "high");
    piecesFound = manifest.then(function () { return true; }, function () { return false; });
    // Material's index request goes out as soon as it is known which index
    // it needs, while the scripts still load.
    piecesFound.then(function (found) {
      heldIndexRequests.splice(0).forEach(function (send) { send(found); });
      heldIndexRequests = null;
    });
    manifestLoad = manifest;
    var pipeline = loadScript("search-pipeline.js");
    var material = loadScript("search-material.js");
    backend = Promise.all([manifest, pipeline, loadScript("search-engine.js"), material])
      .then(function (loaded) {
        var state = { engine: new window.SearchEngine.Index(loaded[0]), manifest: loaded[0], lexicon: null };
        // Material asks nothing until its worker is ready, and it sends its
        // setup only once its index request (index-config.json, one more
        // round trip) is answered: the engine is ready now.
        standIns.forEach(function (worker) { worker.ready(); });
        if (!ahead) settled.then(function () { idle(function () { segmenter(pageLocale()); }); });
        later(function () {
          // The pipeline's first run compiles its code and patterns (about
          // 20 ms at normal CPU, before the reader's first query was
          // planned): run once here, on the page's title.
          window.SearchPipeline.plan(lexiconOf(state), document.title);
          if (ahead && roomForPrefetch()) idle(function () { prefetch(state, "low"); });
        });
        return state;
      })
      // No pieces (mkdocs serve), or no scripts: Material's worker, with the
      // pipeline if it has loaded.
      .catch(function () {
        settle(); // Material's worker answers, once Material has started
        return Promise.all([pipeline, material]).then(function () { return null; }, function () { return null; });
      });
    return backend;
  }
  function isSearchTarget(target) {
    return target && target.closest &&
      target.closest("[data-md-component=search], label[for=__search], #__search");
  }
  /* The reader has opened search (touched or focused the box, typed in it,
     or came with ?q=): on a good connection a small index comes whole now,
     its files requested as soon as the manifest names them, with the
     scripts, so the first query waits for no piece. A key pressed elsewhere
     (it may be Material's search shortcut) loads the manifest and scripts;
     the index then comes in idle moments, as for any active reader. */
  var manifestLoad = null;
  var searchOpened = false;
  function searching() {
    var ready = requestIndex();
    if (searchOpened) return;
    searchOpened = true;
    if (!roomForPrefetch()) return;
    ready.then(function (state) { if (state) prefetch(state, "high"); });
    manifestLoad.then(function (loaded) {
      Object.keys(loaded.whole || {}).forEach(function (kind) {
        if (loaded.whole[kind]) fetchWhole(loaded, kind, "high");
      });
    }, function () {});
  }
  function onIntent(event) {
    if (isSearchTarget(event.target)) searching();
    else if (event.type === "keydown") requestIndex();
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
    if (!isSearchBox(box)) return;
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }));
    if (!event.isComposing) answerBox(box.value);
  }, true);
  document.addEventListener("compositionend", function (event) {
    if (isSearchBox(event.target)) answerBox(event.target.value);
  }, true);
  function isSearchBox(element) {
    return element && element.matches && element.matches("input[data-md-component=search-query]");
  }
  // Material opens search for ?q=, and highlights the words of ?h= (from a
  // search result) with the index's settings: both need them now.
  if (/[?&]q=/.test(location.search)) searching();
  else if (/[?&]h=/.test(location.search)) requestIndex();

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
      // Made on first use: Chromium's Chinese dictionary takes 30-130 ms to
      // load, and most queries are cut into the index's own words without it.
      segmenter: typeof Intl === "object" && typeof Intl.Segmenter === "function"
        ? { segment: function (text) { return segmenter(locale).segment(text); } }
        : null,
    });
    state.separator = new RegExp(state.manifest.config.separator);
    return state.lexicon;
  }
  /* Chromium loads its word-break dictionary for Chinese when the first
     segmenter segments (0.1-0.6 s with the CPU slowed 4x): done once, ahead. */
  var segmenters = {};
  function segmenter(locale) {
    if (typeof Intl !== "object" || typeof Intl.Segmenter !== "function") return null;
    if (!segmenters[locale]) {
      segmenters[locale] = new Intl.Segmenter(locale, { granularity: "word" });
      Array.from(segmenters[locale].segment("\u641c\u7d22 search"));
    }
    return segmenters[locale];
  }
  function pageLocale() {
    return (document.documentElement.lang || "en").split("-")[0];
  }

  /* Whether a small index may be fetched whole, before the reader searches
     or as they open search: not where the reader asked their browser to
     save data, nor on a slow connection (220-300 KB gzip); there the
     pieces come with the first query, and on a slow connection the rest
     after its answer (the reader is searching). Where the reader saves
     data, only what each query needs is ever fetched. */
  function roomForPrefetch() {
    var connection = navigator.connection;
    if (!connection) return true;
    return !savesData() && (!connection.effectiveType || connection.effectiveType === "4g");
  }
  function savesData() {
    return Boolean(navigator.connection && navigator.connection.saveData);
  }

  /* The whole of a small index: the files in which the build step put all
     of its pieces of each kind (search_pieces.py, whole_files(); a large
     site has none, and its pieces come as queries need them). */
  function prefetch(state, priority) {
    loadWhole(state, "terms", priority);
    loadWhole(state, "docs", priority);
  }

  /* ---- answers from the engine ---------------------------------------- */

  var termPieceLoads = new Map();
  var docPieceLoads = new Map();
  var wholeLoads = {};
  /* All pieces of a kind in one request, where the build wrote them so: a
     piece a query asks for meanwhile waits for this request rather than
     making its own (loadPieces()). If it fails, the pieces it would have
     brought are fetched one by one. */
  function loadWhole(state, kind, priority) {
    var name = (state.manifest.whole || {})[kind];
    if (!name || wholeLoads[kind]) return;
    var loads = kind === "terms" ? termPieceLoads : docPieceLoads;
    var claimed = state.manifest[kind].map(function (_, n) { return n; }).filter(function (n) {
      return !loads.has(n);
    });
    wholeLoads[kind] = fetchWhole(state.manifest, kind, priority).then(function (pieces) {
      claimed.forEach(function (n) { addPiece(state, kind, n, pieces[n]); });
    }, function (error) {
      console.warn("search: whole " + kind + " not loaded", error);
      claimed.forEach(function (n) { loads.delete(n); });
      return loadPieces(state, claimed, kind, priority);
    });
    claimed.forEach(function (n) { loads.set(n, wholeLoads[kind]); });
  }
  var wholeFetches = {};
  function fetchWhole(manifest, kind, priority) {
    if (!wholeFetches[kind]) wholeFetches[kind] = getJSON(engineDir + manifest.whole[kind], priority);
    return wholeFetches[kind];
  }
  function addPiece(state, kind, n, data) {
    if (kind === "terms") state.engine.addTermPiece(n, data);
    else state.engine.addDocPiece(n, data);
  }
  function loadPieces(state, numbers, kind, priority) {
    var loads = kind === "terms" ? termPieceLoads : docPieceLoads;
    return Promise.all(numbers.map(function (n) {
      if (!loads.has(n)) {
        loads.set(n, getJSON(engineDir + state.manifest[kind][n][1], priority).then(function (data) {
          addPiece(state, kind, n, data);
        }));
      }
      return loads.get(n);
    }));
  }

  /* The characters' readings (homophone slips: search-pipeline.js), a
     piece of their own that only a query with a Chinese part no index word
     covers needs: fetched once, for the first such query. */
  var readingsLoad = null;
  function loadReadings(state) {
    if (!readingsLoad) {
      readingsLoad = getJSON(engineDir + state.manifest.readings, "high").then(function (table) {
        lexiconOf(state).setReadings(table);
      }, function (error) {
        console.warn("search: no readings", error); // answered without them
      });
    }
    return readingsLoad;
  }
  /* A query is planned once, and again once the readings have come where
     it has a stretch that may be a homophone slip and they had not. */
  function answer(state, text) {
    var Pipeline = window.SearchPipeline;
    var plan = Pipeline.plan(lexiconOf(state), text);
    if (!plan.needsReadings || !state.manifest.readings) return answerPlanned(state, plan);
    return loadReadings(state).then(function () {
      return answerPlanned(state, Pipeline.plan(lexiconOf(state), text));
    });
  }

  /* The ranked result groups of a query (each a page's items, the page's own
     document first), the text of the first screen's pages loaded. */
  function answerPlanned(state, plan) {
    var Pipeline = window.SearchPipeline;
    if (!plan.concepts.length) return Promise.resolve({ groups: [], reached: null });
    var clauses = window.SearchEngine.clauses(Pipeline.terms(plan));
    return loadPieces(state, state.engine.missingTermPieces(clauses), "terms").then(function () {
      var found = state.engine.search(clauses);
      var groups = Pipeline.rankResults(plan, found);
      // The first screen's pages' text is fetched before answering.
      var firstScreen = window.SearchMaterial.FIRST_SCREEN;
      return loadTexts(state, groups.slice(0, firstScreen)).then(function () {
        // The next screen's text comes in an idle moment, the rest as the
        // reader scrolls (a large site's answer can list hundreds of pages).
        var later = groups.slice(firstScreen, 2 * firstScreen);
        if (later.length) idle(function () { loadTexts(state, later, "low"); });
        if (!savesData()) idle(function () { prefetch(state, "low"); });
        return { groups: groups, reached: found.terms };
      });
    });
  }
  function loadTexts(state, groups, priority) {
    var docs = [];
    groups.forEach(function (group) { group.forEach(function (item) { docs.push(item.doc); }); });
    return loadPieces(state, state.engine.missingDocPieces(docs), "docs", priority);
  }

  /* A result item as Material's templates read it. */
  function presented(state, item, reached) {
    var row = state.engine.docRows.get(item.doc);
    if (!row) return { location: "", title: "", text: "", score: item.score, terms: item.terms };
    var shown = window.SearchEngine.present(item, row, state.separator, state.engine.matchedTerms(item.doc, reached));
    shown.title = window.SearchPipeline.cleanSnippet(shown.title);
    shown.text = window.SearchPipeline.cleanSnippet(shown.text);
    return shown;
  }

  /* ---- the result list (search-material.js) --------------------------- */

  var resultList;
  function theResultList() {
    if (resultList === undefined) resultList = window.SearchMaterial.ResultList.ofPage(document, config());
    return resultList;
  }

  /* ---- the page's search box ----------------------------------------- */

  /* The answer to what the box holds, written into Material's result list.
     Asked by each `input` on the box (so the first answer needs no part of
     Material's script, which theme-start.js starts only after it: see
     `settled`) and by Material's QUERY once Material runs; a value asked or
     answered already is not answered again, and only the latest value's
     answer is shown. Resolves false where the engine cannot answer (no
     pieces, or not Material's result list): Material's worker does. */
  var askedValue = null;
  var asking = null;
  var asked = 0;
  function answerBox(value) {
    if (value === askedValue && asking) return asking;
    askedValue = value;
    var number = ++asked;
    searching();
    asking = requestIndex().then(function (state) {
      var list = state && theResultList();
      if (!list) return false;
      if (number !== asked) return true; // a newer value is being answered
      return answer(state, value).then(function (answered) {
        if (number !== asked) return true;
        list.show(value, answered.groups, {
          present: function (item) { return presented(state, item, answered.reached); },
          location: function (item) { return (state.engine.docRows.get(item.doc) || [""])[0]; },
          more: function (groups) { return loadTexts(state, groups); },
        });
        // After the frame that shows it: Material's start-up is one long
        // task, which would otherwise come before that frame.
        requestAnimationFrame(function () { idle(settle); });
        return true;
      }, function (error) {
        console.warn("search: no answer", error);
        if (number === asked) list.show(value, [], null);
        settle();
        return true;
      });
    });
    return asking;
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
    this.readySent = false;
    standIns.push(this);
  }
  SearchWorker.prototype.ready = function () {
    if (this.readySent) return;
    this.readySent = true;
    var worker = this;
    // In a task of its own: Material may still be subscribing.
    soon(function () { worker.emit({ type: READY }); });
  };
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
      if (message.type === SETUP) return worker.ready();
      if (message.type !== QUERY) return undefined;
      if (number !== worker.latest) return undefined; // a newer query is waiting
      var value = String(message.data || "");
      if (theResultList()) return answerBox(value);
      // Not Material's search box: its protocol, then.
      return answer(state, value).then(function (answered) {
        if (number !== worker.latest) return; // a newer query is waiting
        worker.emit({ type: RESULT, data: { items: answered.groups.map(function (group) {
          return group.map(function (item) { return presented(state, item, answered.reached); });
        }) } });
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
        if (window.SearchPipeline && window.SearchMaterial) window.SearchMaterial.attach(this.native, segmenter);
      } catch (error) {
        console.warn("search: could not attach the query pipeline", error);
      }
      this.native.addEventListener("message", function (event) { worker.dispatchEvent(event); });
    }
    this.native.postMessage(message);
  };

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
