/* Site search, query side: lets Material's search understand how sellers ask.
 *
 * Material runs lunr in a web worker and posts it the raw text of the search
 * box. That fails readers in two ways. Chinese has no spaces, so a query such
 * as 手机丢了两步验证怎么办 reaches the index as one long word, while the index
 * holds the words jieba cut at build time. And readers use other words than
 * the articles (登不上 / 无法登录, 2FA / two-step verification).
 *
 * This script is loaded before Material's bundle and wraps the Worker
 * constructor. It keeps Material's worker, index, result list and
 * highlighting, and only rewrites the messages between the page and the
 * search worker:
 *
 * - SETUP (the index, on its way to the worker): keep it, to learn the index's
 *   own words and the reader vocabulary that scripts/search_index.py put into
 *   its config at build time (data/reader-vocabulary.yml).
 * - QUERY (the text typed): normalise it, cut Chinese into the index's own
 *   words (the cut with the fewest known words; unknown stretches with
 *   Intl.Segmenter, or character pairs where a browser lacks it), drop stop
 *   words (怎么办, 吗, "how"), add the article words that the reader vocabulary
 *   maps the reader's words to, and send lunr an explicit query with weights.
 *   The search box keeps exactly what the reader typed.
 * - RESULT: Material lists the query words a result lacks ("missing"); keep
 *   that note for words the reader typed, not for words this script added.
 *
 * If anything here fails, the worker gets the raw text, as without this file.
 * The index has no vocabulary under `mkdocs serve` (no postbuild step): then
 * only the segmentation applies.
 */
(function () {
  "use strict";

  // Message types of Material's search worker (SETUP, READY, QUERY, RESULT).
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;

  // Weights of query words, as lunr term boosts (lunr takes integers only).
  // The reader's own words count most; article words added from the reader
  // vocabulary count half, so they decide between pages without drowning
  // the reader's words; parts of a long word, single characters and Chinese
  // words as prefixes count least, as they also match unrelated words.
  // `make bench` and tests/browser/test_search.py measure the effect; the
  // ranking was not sensitive to moderate changes of these values.
  var BOOST_TYPED = 10;
  var BOOST_ADDED = 5;
  var BOOST_PART = 3;
  var BOOST_CHARACTER = 2;
  var BOOST_PREFIX = 1;
  var LONGEST_WORD = 16;

  var HAN = /\p{sc=Han}/u;
  var PIECES = /\p{sc=Han}+|(?:(?!\p{sc=Han})[\p{L}\p{N}])+(?:'(?:(?!\p{sc=Han})\p{L})+)*/gu;
  var DIGITS = /^\d+$/;

  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function") return;

  /* Material downloads and parses the whole search index as every page
     opens, although most page views never search; on a phone that competes
     with the page itself. The download starts instead when the reader starts
     to search: a key press, or a touch or focus on the search box or button
     (Material waits for the index before it runs a query). */
  var indexRequested = false;
  var heldIndexRequests = [];
  var indexRequests = new WeakSet();
  function requestIndex() {
    if (indexRequested) return;
    indexRequested = true;
    heldIndexRequests.splice(0).forEach(function (send) { send(); });
  }
  function requestIndexOn(event) {
    var target = event.target;
    if (event.type === "keydown" || (target && target.closest &&
        target.closest("[data-md-component=search], label[for=__search], #__search"))) {
      requestIndex();
    }
  }
  ["focusin", "pointerdown", "keydown", "change"].forEach(function (type) {
    document.addEventListener(type, requestIndexOn, true);
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

  function configuredWorkerUrl() {
    try {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.search, document.baseURI).href;
    } catch (error) {
      return null;
    }
  }

  function isSearchWorker(url) {
    var href = new URL(String(url), document.baseURI).href;
    var expected = configuredWorkerUrl();
    return expected ? href === expected : /\/workers\/search\.[^/]*\.js$/.test(href);
  }

  /* Text as the query side compares it: full-width letters and digits folded,
     lower case, curly apostrophes straightened, digit-group commas dropped. */
  function normalize(text) {
    return text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`]/g, "'")
      .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  }

  /* English words reduced to a prefix that the wildcard query then matches:
     "passwords" -> password*, "received" -> receiv*, "logging" -> log*,
     "verify" -> verif* (verified, verification).
     The English index is not stemmed (Material's English pipeline only drops
     stop words) and lunr's stemmer lives inside the worker, so this strips
     only endings, and only where the rest stays a real prefix of the word. */
  function stem(word) {
    var base = word.replace(/'s$/, "");
    if (base.length <= 3 || /\d/.test(base)) return base;
    var endings = [/ie[sd]$/, /(?<=x|ch|sh|ss|zz)es$/, /ing$/, /ed$/, /(?<![su])s$/, /(?<=[^aeiou])y$/];
    for (var i = 0; i < endings.length; i++) {
      var shorter = base.replace(endings[i], "");
      if (shorter !== base && shorter.length >= 3) {
        // Doubled final consonant: "logged" -> "log", "setting" -> "set".
        return /([^aeiouls])\1$/.test(shorter) ? shorter.slice(0, -1) : shorter;
      }
    }
    return base;
  }

  function pieces(text) {
    return text.match(PIECES) || [];
  }

  /* Where `needle` (an array) occurs in `haystack`, as [start, end) spans. */
  function spans(haystack, needle) {
    var found = [];
    for (var i = 0; i + needle.length <= haystack.length; i++) {
      var j = 0;
      while (j < needle.length && haystack[i + j] === needle[j]) j++;
      if (j === needle.length) found.push([i, i + needle.length]);
    }
    return found;
  }

  /* A reader phrase, ready to be looked for in a query (see the matching
     rules at the top of data/reader-vocabulary.yml). */
  function compilePhrase(phrase) {
    if (phrase.indexOf("+") > 0) {
      return { all: phrase.split("+").map(function (part) { return compilePhrase(part.trim()); }) };
    }
    if (HAN.test(phrase)) return { chinese: phrase.replace(/\s+/g, "") };
    return { words: pieces(phrase).map(stem) };
  }

  function matches(phrase, query) {
    if (phrase.all) {
      return phrase.all.every(function (part) { return matches(part, query).length > 0; })
        ? [{ space: "all" }] : [];
    }
    var found = phrase.chinese
      ? spans(query.compact, Array.from(phrase.chinese))
      : phrase.words.length ? spans(query.stems, phrase.words) : [];
    return found.map(function (span) {
      return { space: phrase.chinese ? "chinese" : "words", start: span[0], end: span[1] };
    });
  }

  function Engine(index) {
    var config = index.config || {};
    var vocabulary = config.reader_vocabulary || { stopwords: [], synonyms: [] };
    this.locale = (config.lang || ["en"])[0];
    this.stopwords = new Set(vocabulary.stopwords);
    this.synonyms = vocabulary.synonyms.map(function (entry) {
      return { readers: entry.readers.map(compilePhrase), articles: entry.articles };
    });
    // The Chinese words of the index, as Material's tokenizer will see them,
    // plus the vocabulary's own phrases, to cut queries the way jieba cut
    // the index.
    var words = (this.words = new Set());
    var separator = new RegExp(config.separator || "[\\s\\u200b]+", "g");
    function learn(value) {
      if (Array.isArray(value)) return value.forEach(learn);
      if (typeof value !== "string") return;
      value.replace(/<[^>]*>/g, " ").split(separator).forEach(function (token) {
        if (token && token.length <= LONGEST_WORD && HAN.test(token)) words.add(token.toLowerCase());
      });
    }
    index.docs.forEach(function (doc) {
      learn(doc.title);
      learn(doc.text);
      learn(doc.keywords);
    });
    vocabulary.stopwords.forEach(function (word) { words.add(word); });
    vocabulary.synonyms.forEach(function (entry) {
      entry.readers.concat(entry.articles).forEach(function (phrase) {
        phrase.split("+").forEach(function (part) {
          if (/^\p{sc=Han}+$/u.test(part.trim())) words.add(part.trim());
        });
      });
    });
    this.segmenter = typeof Intl === "object" && typeof Intl.Segmenter === "function"
      ? new Intl.Segmenter(this.locale, { granularity: "word" })
      : null;
  }

  /* Cuts a run of Chinese into the fewest known words. A known single
     character costs a little more than a word, an unknown one more again,
     so known words win. Consecutive unknown characters come back as one
     piece with known = false. */
  Engine.prototype.cut = function (run, skipWhole) {
    var chars = Array.from(run);
    var n = chars.length;
    var cost = [0];
    var from = [];
    for (var end = 1; end <= n; end++) cost[end] = Infinity;
    for (var start = 0; start < n; start++) {
      if (cost[start] === Infinity) continue;
      for (var length = 1; length <= Math.min(LONGEST_WORD, n - start); length++) {
        if (skipWhole && length === n) continue;
        var word = chars.slice(start, start + length).join("");
        var known = this.words.has(word);
        if (!known && length > 1) continue;
        var total = cost[start] + (known ? (length === 1 ? 1.2 : 1) : 2);
        if (total < cost[start + length]) {
          cost[start + length] = total;
          from[start + length] = { start: start, known: known };
        }
      }
    }
    var result = [];
    for (var at = n; at > 0; at = from[at].start) {
      var text = chars.slice(from[at].start, at).join("");
      var last = result[0];
      if (!from[at].known && last && !last.known) last.text = text + last.text;
      else result.unshift({ text: text, known: from[at].known });
    }
    return result;
  };

  /* Words of a stretch the index does not know: Intl.Segmenter's words,
     or overlapping character pairs where the browser has no segmenter. */
  Engine.prototype.unknownWords = function (text) {
    var chars = Array.from(text);
    if (chars.length <= 2) return [text];
    if (this.segmenter) {
      var words = [];
      for (var segment of this.segmenter.segment(text)) {
        if (segment.isWordLike) words.push(segment.segment);
      }
      return words;
    }
    var pairs = [];
    for (var i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
    return pairs;
  };

  function Terms() {
    this.map = new Map();
  }

  Terms.prototype.add = function (term, boost, wildcard, typed) {
    var key = term + (wildcard ? "*" : "");
    var known = this.map.get(key);
    if (known) {
      known.boost = Math.max(known.boost, boost);
      known.typed = known.typed || typed;
    } else {
      this.map.set(key, { term: term, boost: boost, wildcard: wildcard, typed: typed });
    }
  };

  /* lunr's query syntax. A backslash before each Chinese character keeps
     Material's own (experimental) Chinese splitter in the worker from cutting
     our words again; lunr's query parser drops the backslashes. */
  Terms.prototype.toString = function () {
    var clauses = [];
    this.map.forEach(function (term) {
      var escaped = term.term.replace(/\p{sc=Han}/gu, "\\$&");
      clauses.push(escaped + (term.wildcard ? "*" : "") + "^" + term.boost);
    });
    return clauses.join(" ");
  };

  /* Adds the words of `text` to `terms` at `boost`; returns how many. */
  Engine.prototype.addWords = function (terms, text, boost, typed, keepStopwords) {
    var engine = this;
    var added = 0;
    function add(word, weight, wildcard) {
      if (!keepStopwords && engine.stopwords.has(word)) return;
      terms.add(word, weight, wildcard, typed);
      added++;
    }
    pieces(text).forEach(function (piece) {
      if (!HAN.test(piece)) {
        if (DIGITS.test(piece)) {
          // Numbers match exactly (200 must not find 2000); the index keeps
          // "5,000" as one word, so look for both spellings.
          add(piece, boost, false);
          if (piece.length > 3) add(Number(piece).toLocaleString("en-US"), boost, false);
        } else if (keepStopwords || !engine.stopwords.has(piece)) {
          add(stem(piece), boost, true);
        }
        return;
      }
      engine.cut(piece).forEach(function (part) {
        var words = part.known ? [part.text] : engine.unknownWords(part.text);
        words.forEach(function (word) {
          if (Array.from(word).length === 1) return add(word, Math.min(boost, BOOST_CHARACTER), false);
          if (!part.known) return add(word, boost, true);
          // A word of the index counts in full as itself, and a little as
          // the start of longer words (验证 also finds 验证码). lunr adds up
          // every word a prefix matches, so a prefix at full weight would
          // favour pages that merely use many compounds of a common word
          // (卖家平台, 卖家后台, 卖家中心 ...).
          add(word, boost, false);
          add(word, BOOST_PREFIX, true);
          // A long word, such as a whole keyword, also searches for the
          // shorter words inside it, so pages that use them still match.
          if (Array.from(word).length >= 3) {
            engine.cut(word, true).forEach(function (inner) {
              if (inner.known && Array.from(inner.text).length > 1 && !engine.stopwords.has(inner.text)) {
                terms.add(inner.text, BOOST_PART, false, false);
              }
            });
          }
        });
      });
    });
    return added;
  };

  /* The lunr query for what the reader typed, and the words they typed. */
  Engine.prototype.rewrite = function (typed) {
    var text = normalize(typed).trim();
    if (!text) return { query: typed, typed: null };
    var query = {
      compact: Array.from(text.replace(/\s+/g, "")),
      stems: pieces(text).filter(function (piece) { return !HAN.test(piece); }).map(stem),
    };
    var terms = new Terms();
    var own = this.addWords(terms, text, BOOST_TYPED, true, false);
    if (!own) this.addWords(terms, text, BOOST_TYPED, true, true);

    // Reader vocabulary: every phrase found in the query, except one lying
    // inside a longer phrase that was also found (换手机 inside 换手机号).
    var found = [];
    this.synonyms.forEach(function (entry, index) {
      entry.readers.forEach(function (phrase) {
        matches(phrase, query).forEach(function (match) {
          match.entry = index;
          found.push(match);
        });
      });
    });
    var engine = this;
    var expanded = new Set();
    found.forEach(function (match) {
      var inside = match.space !== "all" && found.some(function (other) {
        return other.space === match.space && other.start <= match.start && other.end >= match.end &&
          other.end - other.start > match.end - match.start;
      });
      if (!inside) expanded.add(match.entry);
    });
    expanded.forEach(function (index) {
      engine.synonyms[index].articles.forEach(function (phrase) {
        engine.addWords(terms, normalize(phrase), BOOST_ADDED, false, false);
      });
    });

    var typedWords = new Set();
    terms.map.forEach(function (term) {
      if (term.typed) typedWords.add(term.term);
    });
    return { query: terms.map.size ? terms.toString() : typed, typed: typedWords };
  };

  /* Material notes the query words a result lacks; keep the note only for
     words the reader typed. */
  function cleanResult(message, typedWords) {
    var data = message.data;
    if (!typedWords || !data || !Array.isArray(data.items)) return message;
    return Object.assign({}, message, { data: Object.assign({}, data, {
      items: data.items.map(function (group) {
        return group.map(function (item) {
          var terms = {};
          Object.keys(item.terms || {}).forEach(function (word) {
            if (item.terms[word] || typedWords.has(word)) terms[word] = item.terms[word];
          });
          return Object.assign({}, item, { terms: terms });
        });
      }),
    }) });
  }

  function attach(worker) {
    var index = null;
    var engine = null;
    var pending = []; // words typed, per query in flight (the worker answers in order)
    var cleaned = new WeakMap();

    // The word list is built when the reader focuses the search box (so it
    // is ready by the first key), not at page load: most page views never
    // search, and on a phone it takes a noticeable fraction of a second.
    function prepare() {
      if (!engine && index) engine = new Engine(index);
    }
    document.addEventListener("focusin", function (event) {
      if (event.target && event.target.matches && event.target.matches("[data-md-component=search-query]")) {
        setTimeout(function () {
          try {
            prepare();
          } catch (error) {
            console.warn("search: could not prepare the query helper", error);
          }
        }, 0);
      }
    });

    var post = worker.postMessage;

    worker.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      var typedWords = null;
      try {
        if (message && message.type === SETUP) {
          index = message.data;
          engine = null;
        } else if (message && message.type === QUERY && typeof message.data === "string") {
          prepare();
          if (engine) {
            var rewritten = engine.rewrite(message.data);
            typedWords = rewritten.typed;
            args[0] = { type: QUERY, data: rewritten.query };
          }
        }
      } catch (error) {
        console.warn("search: query rewriting failed, using the raw query", error);
        args[0] = message;
      }
      if (message && message.type === QUERY) pending.push(typedWords);
      return post.apply(worker, args);
    };

    var listen = worker.addEventListener;
    worker.addEventListener = function (type, listener, options) {
      if (type !== "message" || typeof listener !== "function") {
        return listen.apply(worker, arguments);
      }
      return listen.call(worker, type, function (event) {
        if (!event.data || event.data.type !== RESULT) return listener.call(this, event);
        // One event may reach several listeners: clean it once.
        var data = cleaned.get(event);
        if (!data) {
          try {
            data = cleanResult(event.data, pending.shift());
          } catch (error) {
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
      console.warn("search: could not attach the query helper", error);
    }
    return worker;
  }
  SearchAwareWorker.prototype = NativeWorker.prototype;
  window.Worker = SearchAwareWorker;
})();
