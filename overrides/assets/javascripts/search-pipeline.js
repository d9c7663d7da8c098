/* Site search, query side: from what the reader typed to a weighted query,
 * and from the engine's raw results to the list the reader sees.
 *
 * Pure functions only: no DOM, no worker, no knowledge of Material for
 * MkDocs. overrides/assets/javascripts/search.js is the adapter that feeds
 * them Material's messages; another backend needs another adapter only.
 * Loads as a browser script (window.SearchPipeline) and in Node (require).
 * Unit tests: tests/js/search-pipeline.test.mjs.
 *
 * The steps, in order (plan()):
 * 1. normalise: full-width to half-width (NFKC), lower case, zero-width
 *    characters and quotes straightened; `+86`, `2sv`, `w-8ben` stay;
 * 2. Traditional to Simplified Chinese, longest phrase first, then by
 *    character, with the OpenCC table the build step restricted to what the
 *    index holds (lexicon.t2s);
 * 3. input-method slips (登陆 -> 登录) from data/input-method-confusions.yml
 *    and written Cantonese (唔見咗 -> 不见了) from data/written-cantonese.yml,
 *    in one pass, applied to any query (the build step drops a slip the
 *    articles use as a word);
 * 4. segmentation into the index's own words (fewest known words); a
 *    keyword phrase of the index the query holds (收不到验证码) joins the
 *    words it spans;
 * 5. stop words dropped; Latin words matched as prefixes of index words, and
 *    where none fits, corrected to index words one edit away (two for long
 *    words);
 * 6. homophone slips of pinyin and zhuyin input methods (重制 for 重置):
 *    a stretch of Chinese that no index word of 2+ characters covers, and
 *    whose toneless syllables are those of an index word or a reader
 *    phrase that keeps one of its characters, is read as that word too,
 *    weighted like a typo correction
 *    (rereadings(); the characters' readings come in a piece of their own,
 *    Lexicon.setReadings());
 * 7. reader vocabulary (data/reader-vocabulary.yml) adds article words, to
 *    the query as typed and as re-read;
 * 8. weights: each segment of the query is a "concept" with its terms
 *    (the engine scores a concept by its best term); the result ranking
 *    counts which concepts a page matched, and how many its own title and
 *    keywords hold.
 * Every output character remembers which typed characters it came from, so
 * notes and highlighting use the words as typed.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.SearchPipeline = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Weights of query terms (lunr-style integer boosts). The reader's own
  // words count most; words added from the reader vocabulary or by typo
  // correction count less, so they decide between pages without drowning
  // the reader's words; parts of words and single characters count least,
  // as they also match unrelated words.
  var BOOST = { typed: 10, corrected: 8, added: 5, part: 3, character: 2 };
  // How much a concept counts towards a page's coverage of the query.
  var WEIGHT = { word: 1, character: 0.3 };
  // A page must cover at least this share of the best page's coverage, and
  // reach this share of the best score, to be listed: a page that matches
  // one character or one common word of a long query is noise.
  var MIN_COVERAGE = 0.5;
  var MIN_SCORE = 0.05;
  var MIN_SCORE_WEAK = 0.25; // for a query of stop words or single characters only
  // A page whose title is all query words ranks up to this much higher.
  var TITLE_WEIGHT = 1;
  // A page whose title and keywords cover all of the query ranks up to this
  // much higher (strongCoverage()).
  var ABOUT_WEIGHT = 1;
  // A question about what something is, what it is for or why it exists
  // (什么是两步验证, 2sv是啥, 两步验证有什么用, 为什么要开两步验证, what is
  // 2SV, what is it for), matched on the converted text:
  // its answer is the section overview that explains the thing, which the
  // build otherwise ranks below the articles it links to (kind boost). For
  // such a question, an overview whose title is mostly what was asked gets
  // its demotion back, and up to as much again by the share of its title
  // asked about (the articles' titles name the thing too: 用手机号设置两步
  // 验证); the home page and contributor pages (boost below LIFT_MIN_BOOST)
  // do not. "Why" counts where it asks why something is required (为什么
  // 非要开, why amazon force me to use 2sv).
  var ASKS_WHAT = /什么是|是什么(?!时候|时间)|是啥|啥是|什么叫|叫什么|什么意思|啥意思|(?:为什么|为啥|为何).{0,8}?(?:要|必须|强制|一定)|有什么用|有啥用|干嘛的|干什么的|做什么的|什么作用|有何作用|\bwhat(?:'s|\s+(?:is|are|does))\b|\bmeaning\b|\bwhat\s+for\b|\bpurpose\b|\bwhy\b.{0,24}\b(?:must|need|needs|force[sd]?|require[sd]?|mandatory|have\s+to)\b/i;
  var LIFT_MIN_TITLE = 0.5;
  var LIFT_MIN_BOOST = 0.5;
  var LONGEST_WORD = 16;
  // Abbreviations (abbreviated()): of words this long at most, and only
  // where this many words or fewer fit.
  var ABBREVIATION_MAX_LENGTH = 6;
  var ABBREVIATION_MAX_WORDS = 3;
  // Latin words shorter than this are never corrected (too many neighbours).
  var FUZZY_MIN_LENGTH = 5;
  var FUZZY_TWO_EDITS_LENGTH = 9;
  // A stretch of Chinese whose characters have more reading combinations
  // than this (heteronyms: 重 is zhong and chong) is not re-read, nor is an
  // index word with more: the combinations multiply.
  var MAX_READINGS = 16;

  var HAN = /\p{sc=Han}/u;
  var HAN_ONLY = /^\p{sc=Han}+$/u;
  var DIGITS = /^\d+$/;
  // Characters that never separate a word: letters, digits, and the joiners
  // that readers type inside codes (+86, W-8BEN, SP-API).
  var PIECE = /\p{sc=Han}+|[+]?(?:(?!\p{sc=Han})[\p{L}\p{N}])+(?:['\-.](?:(?!\p{sc=Han})[\p{L}\p{N}])+)*/gu;

  /* ---- 1. normalisation ------------------------------------------------ */

  /* Text as the query side compares it. Returns the text and, per output
     character, the index of the typed character it came from. */
  function normalize(typed) {
    var out = [];
    var origin = [];
    var chars = Array.from(typed);
    var at = 0;
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      var start = at;
      at += c.length;
      if (/[\u200b-\u200d\u2060\ufeff]/.test(c)) continue;
      var folded = c.normalize("NFKC").toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'");
      Array.from(folded).forEach(function (f) {
        out.push(f);
        origin.push([start, at]);
      });
    }
    // Digit-group commas: "5,000" is the number 5000.
    var text = out.join("");
    var drop = new Set();
    text.replace(/\d,(?=\d{3}(?!\d))/g, function (match, offset) {
      drop.add(offset + 1);
      return match;
    });
    return keep(out, origin, function (_, index) { return !drop.has(index); });
  }

  function keep(chars, origin, test) {
    var text = [];
    var kept = [];
    chars.forEach(function (c, i) {
      if (test(c, i)) {
        text.push(c);
        kept.push(origin[i]);
      }
    });
    return { chars: text, origin: kept };
  }

  /* ---- 2. and 3. phrase replacement (conversion, slips) --------------- */

  /* Replaces, left to right and longest first, every key of `table`
     (a Map of from -> to) found in `chars`; single characters through
     `charTable` (a Map) where no phrase applies. Each replaced stretch keeps
     the typed span it came from. */
  function replacePhrases(source, table, longest, charTable) {
    var chars = source.chars;
    var out = [];
    var origin = [];
    for (var i = 0; i < chars.length;) {
      var replaced = false;
      for (var length = Math.min(longest, chars.length - i); length >= 1 && !replaced; length--) {
        var key = chars.slice(i, i + length).join("");
        if (table.has(key)) {
          var value = Array.from(table.get(key));
          var span = [source.origin[i][0], source.origin[i + length - 1][1]];
          value.forEach(function (c, k) {
            // Same length: character by character; otherwise the whole span.
            out.push(c);
            origin.push(value.length === length ? source.origin[i + k] : span);
          });
          i += length;
          replaced = true;
        }
      }
      if (replaced) continue;
      var c = chars[i];
      out.push(charTable && charTable.has(c) ? charTable.get(c) : c);
      origin.push(source.origin[i]);
      i++;
    }
    return { chars: out, origin: origin };
  }

  /* Amounts as readers shorten them, in the digits the pages write: 5k,
     5千 and 五千 are 5000, 2万, 2w and 两万 are 20000, 两百 is 200 (the
     pages say 5,000 and 200; a number then finds either spelling:
     addLatin()). A run of Chinese numerals counts only where it begins
     with a digit and holds a unit (千万 "by all means", 万一 "in case" and
     十分 "very" are words). Runs on the converted text (萬 is 万 by then). */
  var SHORT_AMOUNT = /(\d+(?:\.\d+)?)(k|千|万|w)(?![a-z])|[一二两三四五六七八九][零一二两三四五六七八九十百千万]*[十百千万]/g;
  var NUMERALS = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  var UNITS = { 十: 10, 百: 100, 千: 1000, k: 1000, 万: 10000, w: 10000 };
  function chineseNumber(run) {
    var total = 0;
    var section = 0; // below 万
    var digit = 0;
    Array.from(run).forEach(function (c) {
      if (c in NUMERALS) digit = NUMERALS[c];
      else if (c === "万") {
        total += (section + digit) * 10000;
        section = digit = 0;
      } else {
        section += (digit || 1) * UNITS[c];
        digit = 0;
      }
    });
    return total + section + digit;
  }
  function spellAmounts(source) {
    var text = source.chars.join("");
    var index = []; // code unit offset -> character index
    source.chars.forEach(function (c, i) { for (var k = 0; k < c.length; k++) index.push(i); });
    var out = [];
    var origin = [];
    var at = 0;
    var match;
    SHORT_AMOUNT.lastIndex = 0;
    while ((match = SHORT_AMOUNT.exec(text))) {
      var value = match[1] ? Math.round(parseFloat(match[1]) * UNITS[match[2]]) : chineseNumber(match[0]);
      var first = index[match.index];
      var last = index[match.index + match[0].length - 1];
      for (; at < first; at++) {
        out.push(source.chars[at]);
        origin.push(source.origin[at]);
      }
      var span = [source.origin[first][0], source.origin[last][1]];
      Array.from(String(value)).forEach(function (c) {
        out.push(c);
        origin.push(span);
      });
      at = last + 1;
    }
    if (!out.length) return source;
    for (; at < source.chars.length; at++) {
      out.push(source.chars[at]);
      origin.push(source.origin[at]);
    }
    return { chars: out, origin: origin };
  }

  /* A two-character word split by the particle 了 (过了期, 封了号; the
     Cantonese 過咗期 reads so after data/written-cantonese.yml): many verb-
     object words take the particle inside them. Read as the word, where the
     index holds it; the particle is a stop word, and the two halves alone
     are characters that find every page. */
  function joinSplitWords(source, words) {
    var drop = new Set();
    for (var i = 1; i + 1 < source.chars.length; i++) {
      if (source.chars[i] !== "了") continue;
      var word = source.chars[i - 1] + source.chars[i + 1];
      if (HAN_ONLY.test(word) && Array.from(word).length === 2 && words.has(word)) drop.add(i);
    }
    return drop.size ? keep(source.chars, source.origin, function (_, i) { return !drop.has(i); }) : source;
  }

  /* ---- the lexicon: what the index holds ------------------------------- */

  /* Everything the pipeline knows about one index, prepared once:
     words    the index's own words (Chinese words and Latin words);
     t2s      { phrases: {trad: simp}, chars: {trad: simp} } (build step);
     confusions [[slip, intended], ...] (data/input-method-confusions.yml);
     vocabulary { stopwords: [...], synonyms: [{readers, articles}] }. */
  function Lexicon(data) {
    data = data || {};
    var words = (this.words = new Set());
    (data.words || []).forEach(function (word) { words.add(String(word).toLowerCase()); });
    // The words the index holds, before the vocabulary's phrases join them.
    this.indexWords = new Set(words);
    var vocabulary = data.vocabulary || { stopwords: [], synonyms: [] };
    this.stopwords = new Set(vocabulary.stopwords || []);
    // Readers drop the apostrophe (cant, dont, im): such a stop word is one
    // without it too, unless the index has that spelling as a word.
    var stopwords = this.stopwords;
    (vocabulary.stopwords || []).forEach(function (word) {
      var bare = word.replace(/'/g, "");
      if (bare !== word && !words.has(bare)) stopwords.add(bare);
    });
    this.synonyms = (vocabulary.synonyms || []).map(function (entry) {
      return { readers: entry.readers.map(compilePhrase), articles: entry.articles };
    });
    // Chinese stop words of two or more characters hide the reader phrases
    // inside them (addVocabulary()): 死了 (down) is no part of 烦死了.
    this.stopPhrases = (vocabulary.stopwords || []).filter(function (word) {
      return HAN_ONLY.test(word) && Array.from(word).length > 1;
    }).map(compilePhrase);
    // The vocabulary's Chinese phrases cut queries too (登不上 is one word).
    var lexicon = this;
    (vocabulary.stopwords || []).forEach(function (word) { if (HAN_ONLY.test(word)) words.add(word); });
    (vocabulary.synonyms || []).forEach(function (entry) {
      entry.readers.concat(entry.articles).forEach(function (phrase) {
        phrase.split("+").forEach(function (part) {
          part = part.trim();
          if (HAN_ONLY.test(part)) lexicon.words.add(part);
        });
      });
    });
    var t2s = data.t2s || {};
    this.t2sPhrases = new Map(Object.entries(t2s.phrases || {}));
    this.t2sChars = new Map(Object.entries(t2s.chars || {}));
    this.t2sLongest = longestKey(this.t2sPhrases);
    // The build step left out the slips that the site's articles use as
    // words (search_index.py, reader_slips()); the contributor guide, which
    // lists the slips themselves, does not make them words.
    this.confusions = new Map();
    (data.confusions || []).forEach(function (pair) { lexicon.confusions.set(pair[0], pair[1]); });
    this.confusionsLongest = longestKey(this.confusions);
    // Typos are corrected to the index's Latin words and to the vocabulary's
    // (scamm to scam, a reader's word the articles never use), so that a
    // reader phrase also applies to a misspelled query.
    var latin = new Set();
    words.forEach(function (word) { if (!HAN.test(word)) latin.add(word); });
    (vocabulary.synonyms || []).forEach(function (entry) {
      entry.readers.forEach(function (phrase) {
        (phrase.toLowerCase().match(PIECE) || []).forEach(function (word) {
          if (!HAN.test(word) && !/\d/.test(word)) latin.add(word);
        });
      });
    });
    this.latinWords = Array.from(latin).sort();
    this.segmenter = data.segmenter || null;
    // Keywords' whole Chinese runs (收不到二次验证码): phrases of words, not
    // words, so they do not swallow a query's words into one (addPhrases()).
    this.phrases = new Set(data.phrases || []);
    this.phrasesLongest = 0;
    this.phrases.forEach(function (p) { lexicon.phrasesLongest = Math.max(lexicon.phrasesLongest, Array.from(p).length); });
    this.readings = null; // character -> its toneless syllables (setReadings())
    this.homophones = null; // syllables ("chong zhi") -> the words read so
    this.rereadableWords = null; // rereadable()
    if (data.readings) this.setReadings(data.readings);
  }

  /* The characters' readings, { syllable: "its characters" } (the build
     step's readings piece, scripts/kb/build/search_readings.py), and from
     them the readings of the index's Chinese words of 2+ characters and of
     the reader vocabulary's phrases, stop words excepted (all of a word's
     reading combinations, up to MAX_READINGS). */
  Lexicon.prototype.setReadings = function (table) {
    var readings = (this.readings = new Map());
    Object.keys(table || {}).forEach(function (syllable) {
      Array.from(table[syllable]).forEach(function (c) {
        if (!readings.has(c)) readings.set(c, []);
        readings.get(c).push(syllable);
      });
    });
    var lexicon = this;
    var homophones = (this.homophones = new Map());
    rereadable(this).forEach(function (chars, word) {
      readingKeys(lexicon, chars).forEach(function (key) {
        if (!homophones.has(key)) homophones.set(key, []);
        homophones.get(key).push(word);
      });
    });
  };

  /* The words a slip may be re-read as (word -> its characters): Chinese,
     2+ characters, no stop word; also by length (lexicon.rereadableByLength). */
  function rereadable(lexicon) {
    if (lexicon.rereadableWords) return lexicon.rereadableWords;
    var words = (lexicon.rereadableWords = new Map());
    var byLength = (lexicon.rereadableByLength = new Map());
    lexicon.words.forEach(function (word) {
      if (!HAN_ONLY.test(word) || lexicon.stopwords.has(word)) return;
      var chars = Array.from(word);
      if (chars.length < 2) return;
      words.set(word, chars);
      if (!byLength.has(chars.length)) byLength.set(chars.length, []);
      byLength.get(chars.length).push(chars);
    });
    return words;
  }

  /* Whether a stretch (chars, stop: per character, part of a stop word)
     may be a slip of a word (its characters, as many): the word keeps at
     least one of the stretch's characters in place (a slip is a wrong pick
     for a character: a stretch that differs in every character is another
     word the index does not hold, 遗失 against 意义) and all its stop words
     (验证吗 asks whether, it is no slip of 验证码). Its other characters
     must sound alike (rereadings()). */
  function mayBeSlipOf(word, chars, stop) {
    var kept = false;
    for (var k = 0; k < chars.length; k++) {
      if (word[k] === chars[k]) kept = true;
      else if (stop[k]) return false;
    }
    return kept;
  }

  /* Whether a stretch may be re-read at all, known without the readings:
     an index word may have it as its slip (mayBeSlipOf()). */
  function mayBeSlip(lexicon, stretch) {
    rereadable(lexicon);
    var chars = Array.from(stretch.text);
    var words = lexicon.rereadableByLength.get(chars.length) || [];
    return words.some(function (word) { return mayBeSlipOf(word, chars, stretch.stop); });
  }

  function longestKey(map) {
    var longest = 0;
    map.forEach(function (_, key) { longest = Math.max(longest, Array.from(key).length); });
    return longest;
  }

  /* The words of an index's documents, as its tokenizer cut them
     (for builds without a build-time word list, e.g. `mkdocs serve`). */
  function wordsOf(docs, separator) {
    var words = new Set();
    var split = new RegExp(separator || "[\\s\\u200b]+", "g");
    function learn(value) {
      if (Array.isArray(value)) return value.forEach(learn);
      if (typeof value !== "string") return;
      value.replace(/<[^>]*>/g, " ").split(split).forEach(function (token) {
        if (token && Array.from(token).length <= LONGEST_WORD) words.add(token.toLowerCase());
      });
    }
    docs.forEach(function (doc) {
      learn(doc.title);
      learn(doc.text);
      learn(doc.keywords);
    });
    return Array.from(words);
  }

  /* ---- 4. segmentation ------------------------------------------------ */

  /* Cuts a run of Chinese into the fewest known words. A known single
     character costs a little more than a word, an unknown one more again.
     Consecutive unknown characters come back as one piece, known = false.
     Returns [{text, start, end, known}] with character offsets. */
  function cut(lexicon, chars, skipWhole) {
    var n = chars.length;
    var cost = [0];
    var from = [];
    for (var end = 1; end <= n; end++) cost[end] = Infinity;
    for (var start = 0; start < n; start++) {
      if (cost[start] === Infinity) continue;
      for (var length = 1; length <= Math.min(LONGEST_WORD, n - start); length++) {
        if (skipWhole && length === n) continue;
        var word = chars.slice(start, start + length).join("");
        var known = lexicon.words.has(word);
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
      var piece = { text: chars.slice(from[at].start, at).join(""), start: from[at].start, end: at, known: from[at].known };
      var next = result[0];
      if (!piece.known && next && !next.known) {
        next.text = piece.text + next.text;
        next.start = piece.start;
      } else {
        result.unshift(piece);
      }
    }
    return result;
  }

  /* Words of a stretch the index does not know: Intl.Segmenter's words, or
     overlapping character pairs where the browser has no segmenter. */
  function unknownWords(lexicon, text) {
    var chars = Array.from(text);
    if (chars.length <= 2) return [text];
    if (lexicon.segmenter) {
      var words = [];
      for (var segment of lexicon.segmenter.segment(text)) {
        if (segment.isWordLike) words.push(segment.segment);
      }
      return words;
    }
    var pairs = [];
    for (var i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
    return pairs;
  }

  /* ---- 5. Latin words: prefixes and typo correction ------------------- */

  /* English words reduced to a prefix that a wildcard then matches:
     "passwords" -> password*, "received" -> receiv*, "logging" -> log*.
     Strips endings only where the rest stays a real prefix of the word. */
  function stem(word) {
    var base = word.replace(/'s$/, "");
    if (base.length <= 3 || /\d/.test(base)) return base;
    // -ication is the noun of -ify (verification, verify: verif* finds both).
    var endings = [/ications?$/, /ie[sd]$/, /(?<=x|ch|sh|ss|zz)es$/, /ing$/, /ed$/, /(?<![su])s$/, /(?<=[^aeiou])y$/];
    for (var i = 0; i < endings.length; i++) {
      var shorter = base.replace(endings[i], "");
      if (shorter !== base && shorter.length >= 3) {
        return /([^aeiouls])\1$/.test(shorter) ? shorter.slice(0, -1) : shorter;
      }
    }
    return base;
  }

  /* Optimal string alignment distance (an adjacent swap counts one), or
     limit + 1 as soon as it must exceed `limit`. */
  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current[j] = value;
        best = Math.min(best, value);
      }
      if (best > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* The first position in a sorted list whose word is not below `key`. */
  function lowerBound(sortedWords, key) {
    var low = 0;
    var high = sortedWords.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sortedWords[middle] < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function hasPrefix(sortedWords, prefix) {
    var low = lowerBound(sortedWords, prefix);
    return low < sortedWords.length && sortedWords[low].indexOf(prefix) === 0;
  }

  /* Index words closest to a word that matches none (ties all returned). */
  function corrections(lexicon, word) {
    if (word.length < FUZZY_MIN_LENGTH || /\d/.test(word)) return [];
    var limit = word.length >= FUZZY_TWO_EDITS_LENGTH ? 2 : 1;
    var best = limit + 1;
    var found = [];
    lexicon.latinWords.forEach(function (candidate) {
      if (candidate.length < FUZZY_MIN_LENGTH - 1) return;
      var distance = editDistance(word, candidate, Math.min(limit, best));
      if (distance < best) {
        best = distance;
        found = [candidate];
      } else if (distance === best && distance <= limit) {
        found.push(candidate);
      }
    });
    return best <= limit ? found : [];
  }

  /* ---- 6. homophone slips ------------------------------------------- */

  /* Every combination of the characters' readings, as syllables joined by
     spaces; none when a character has no reading or the combinations
     exceed MAX_READINGS. */
  function readingKeys(lexicon, chars) {
    var keys = [""];
    for (var i = 0; i < chars.length; i++) {
      var readings = lexicon.readings.get(chars[i]);
      if (!readings || keys.length * readings.length > MAX_READINGS) return [];
      var next = [];
      keys.forEach(function (key) {
        readings.forEach(function (r) { next.push(i ? key + " " + r : r); });
      });
      keys = next;
    }
    return keys;
  }

  /* The stretches of a run of Chinese (`chars`, cut into `parts` by cut())
     that may be a homophone slip: two characters or more, holding one that
     no known word of 2+ characters covers, not cutting through such a word,
     not only stop words, and not a known word themselves (a word the index
     has is never replaced, and a single character is never read as another
     alone). A stop word may be part of one (被疯 for 被封), but is never
     the slip (rereadings()). Returns [{start, end, text, stop}] in run
     offsets, stop: per character, whether it is part of a stop word. */
  function slipStretches(lexicon, chars, parts) {
    var n = chars.length;
    var loose = []; // per character: not inside a known word of 2+ characters
    var stop = []; // per character: part of a stop word
    var edge = []; // per offset 0..n: a stretch may start or end here
    for (var k = 0; k <= n; k++) edge[k] = true;
    parts.forEach(function (part) {
      var whole = part.known && part.end - part.start > 1;
      var isStop = lexicon.stopwords.has(part.text);
      for (var at = part.start; at < part.end; at++) {
        loose[at] = !whole;
        stop[at] = isStop;
        if (whole && at > part.start) edge[at] = false;
      }
    });
    var stretches = [];
    for (var start = 0; start < n; start++) {
      if (!edge[start]) continue;
      var hasLoose = false;
      var onlyStop = true;
      for (var end = start + 1; end <= Math.min(n, start + LONGEST_WORD); end++) {
        hasLoose = hasLoose || loose[end - 1];
        onlyStop = onlyStop && stop[end - 1];
        if (end - start < 2 || !hasLoose || onlyStop || !edge[end]) continue;
        var text = chars.slice(start, end).join("");
        if (!lexicon.words.has(text)) stretches.push({ start: start, end: end, text: text, stop: stop.slice(start, end) });
      }
    }
    return stretches;
  }

  /* The stretches read as other words: [{start, end, words}], the words
     with the stretch's syllables (any of its characters' readings) that
     may have it as their slip (mayBeSlipOf()), a stretch inside a longer
     one that was re-read left out. */
  function rereadings(lexicon, stretches) {
    var found = [];
    stretches.forEach(function (s) {
      var chars = Array.from(s.text);
      var words = [];
      readingKeys(lexicon, chars).forEach(function (key) {
        (lexicon.homophones.get(key) || []).forEach(function (word) {
          if (word === s.text || words.indexOf(word) >= 0) return;
          if (mayBeSlipOf(Array.from(word), chars, s.stop)) words.push(word);
        });
      });
      if (words.length) found.push({ start: s.start, end: s.end, words: words });
    });
    return found.filter(function (m) {
      return !found.some(function (other) {
        return other !== m && other.start <= m.start && other.end >= m.end && other.end - other.start > m.end - m.start;
      });
    });
  }

  /* Each re-read word joins the concepts its stretch spans, weighted like a
     corrected Latin word (with its inner words, as a typed word has them);
     the reader vocabulary is looked for in the query as re-read too (a
     homophone of 登不上 adds what 登不上 adds). `found`: rereadings() with
     compact offsets. */
  function addRereadings(lexicon, concepts, found, query) {
    found.forEach(function (m) {
      var covered = concepts.filter(function (c) {
        return c.compactStart >= 0 && c.compactStart < m.end && c.compactEnd > m.start;
      });
      if (!covered.length) return;
      m.words.forEach(function (word) {
        var scratch = new Concept("", 0);
        addChinese(lexicon, scratch, word, lexicon.words.has(word), BOOST.corrected);
        scratch.terms.forEach(function (t) {
          covered.forEach(function (concept) { concept.add(t.term, t.boost, t.wildcard); });
        });
        var reread = query.compact.slice();
        Array.from(word).forEach(function (c, k) { reread[m.start + k] = c; });
        addVocabulary(lexicon, covered, { compact: reread, stems: query.stems, corrected: query.corrected });
      });
    });
  }

  /* ---- 7. reader vocabulary ------------------------------------------ */

  /* A reader phrase, ready to be looked for in a query (matching rules at
     the top of data/reader-vocabulary.yml). */
  function compilePhrase(phrase) {
    if (phrase.indexOf("+") > 0) {
      return { all: phrase.split("+").map(function (part) { return compilePhrase(part.trim()); }) };
    }
    // Amounts as the query reads them (五千刀 is 5000刀 there).
    var letters = Array.from(phrase);
    phrase = spellAmounts({ chars: letters, origin: letters.map(function () { return [0, 0]; }) }).chars.join("");
    if (HAN.test(phrase)) {
      var chars = phrase.replace(/\s+/g, "");
      return { chinese: Array.from(chars), hanOnly: HAN_ONLY.test(chars) };
    }
    return { words: (phrase.match(PIECE) || []).map(phraseStem) };
  }

  /* A Latin word as reader phrases match it: stemmed, without apostrophes
     (readers type "dont verify" for the phrase "don't verify"). */
  function phraseStem(word) {
    return stem(word.replace(/^\+/, "").replace(/'/g, ""));
  }

  function spans(haystack, needle, alternates) {
    var found = [];
    var same = function (k, item) {
      return haystack[k] === item || Boolean(alternates && alternates[k] && alternates[k].has(item));
    };
    for (var i = 0; needle.length && i + needle.length <= haystack.length; i++) {
      var j = 0;
      while (j < needle.length && same(i + j, needle[j])) j++;
      if (j === needle.length) found.push([i, i + needle.length]);
    }
    return found;
  }

  /* Where a phrase occurs: [{space, start, end}] in the compact characters
     (Chinese) or the stemmed Latin words. */
  function phraseMatches(phrase, query) {
    if (phrase.all) {
      var parts = phrase.all.map(function (part) { return phraseMatches(part, query); });
      if (!parts.every(function (found) { return found.length; })) return [];
      return [{ space: "all", parts: parts.map(function (found) { return found[0]; }) }];
    }
    if (phrase.chinese) {
      var found = spans(query.compact, phrase.chinese).map(function (s) {
        return { space: "chinese", start: s[0], end: s[1] };
      });
      if (found.length || !phrase.hanOnly) return found;
      // Also on the query's Chinese characters alone: readers put a Latin
      // word inside a Chinese phrase (需不需要INFORM验证), which still says it.
      var view = chineseView(query);
      return spans(view.chars, phrase.chinese).map(function (s) {
        return { space: "chinese", start: view.at[s[0]], end: view.at[s[1] - 1] + 1 };
      });
    }
    // A word's typo corrections count as the word (verfy as verify).
    return spans(query.stems, phrase.words, query.corrected).map(function (s) {
      return { space: "words", start: s[0], end: s[1] };
    });
  }

  /* The Chinese characters of a query's compact text, with where each is
     in it (made once per query). */
  function chineseView(query) {
    if (!query.chinese) {
      var chars = [];
      var at = [];
      query.compact.forEach(function (c, i) {
        if (HAN.test(c)) { chars.push(c); at.push(i); }
      });
      query.chinese = { chars: chars, at: at };
    }
    return query.chinese;
  }

  /* ---- 8. the plan ---------------------------------------------------- */

  function Concept(typed, weight) {
    this.typed = typed; // the reader's own characters
    this.weight = weight;
    this.terms = new Map(); // key -> {term, boost, wildcard}
    this.compactStart = -1; // offsets in the compact (space-free) query
    this.compactEnd = -1;
    this.stemIndex = -1;
  }

  Concept.prototype.add = function (term, boost, wildcard) {
    if (!term) return;
    var key = term + (wildcard ? "*" : "");
    var known = this.terms.get(key);
    if (known) known.boost = Math.max(known.boost, boost);
    else this.terms.set(key, { term: term, boost: boost, wildcard: wildcard });
  };

  /* The query for what the reader typed: { concepts, text, weak, asksWhat,
     needsReadings }. Each concept: { typed (the reader's characters),
     weight, terms: Map }; text: the converted, corrected query; weak: only
     stop words or single characters; asksWhat: a question about what
     something is (ASKS_WHAT); needsReadings: the query has a stretch that
     may be a homophone slip and the lexicon has no readings yet (planned
     again with them, it may find more). */
  function plan(lexicon, typed) {
    var source = normalize(typed);
    if (lexicon.t2sPhrases.size || lexicon.t2sChars.size) {
      source = replacePhrases(source, lexicon.t2sPhrases, lexicon.t2sLongest, lexicon.t2sChars);
    }
    if (lexicon.confusions.size) {
      source = replacePhrases(source, lexicon.confusions, lexicon.confusionsLongest, null);
    }
    source = spellAmounts(source);
    source = joinSplitWords(source, lexicon.indexWords);
    var text = source.chars.join("");
    var offsets = []; // code unit offset in text -> character index
    source.chars.forEach(function (c, i) { for (var k = 0; k < c.length; k++) offsets.push(i); });
    function typedOf(startChar, endChar) {
      return typed.slice(source.origin[startChar][0], source.origin[endChar - 1][1]);
    }

    var concepts = [];
    var compact = [];
    var stems = [];
    var corrected = []; // per Latin word: the stems of its typo corrections, or null
    var stretches = []; // that may be homophone slips, compact offsets
    var match;
    PIECE.lastIndex = 0;
    var pieces = [];
    while ((match = PIECE.exec(text))) {
      pieces.push({ text: match[0], start: offsets[match.index], end: offsets[match.index + match[0].length - 1] + 1 });
    }
    pieces.forEach(function (piece) {
      if (!HAN.test(piece.text)) {
        var word = piece.text;
        // A single letter (the P of P卡) weighs as little as a single
        // Chinese character, and finds only itself (addLatin()).
        var letter = word.length === 1 && !DIGITS.test(word);
        var concept = new Concept(typedOf(piece.start, piece.end), letter ? WEIGHT.character : WEIGHT.word);
        concept.stopword = lexicon.stopwords.has(word);
        concept.stemIndex = stems.length;
        stems.push(phraseStem(word));
        concept.compactStart = compact.length;
        Array.from(word).forEach(function (c) { compact.push(c); });
        concept.compactEnd = compact.length;
        addLatin(lexicon, concept, word);
        var fixes = new Set();
        concept.terms.forEach(function (t) { if (t.boost === BOOST.corrected) fixes.add(t.term); });
        corrected[concept.stemIndex] = fixes.size ? fixes : null;
        concepts.push(concept);
        return;
      }
      var chars = Array.from(piece.text);
      var base = compact.length;
      chars.forEach(function (c) { compact.push(c); });
      var parts = cut(lexicon, chars);
      slipStretches(lexicon, chars, parts).forEach(function (s) {
        if (mayBeSlip(lexicon, s)) stretches.push({ start: base + s.start, end: base + s.end, text: s.text, stop: s.stop });
      });
      parts.forEach(function (part) {
        var words = part.known ? [{ text: part.text, start: part.start }] : splitUnknown(lexicon, part);
        words.forEach(function (w) {
          var length = Array.from(w.text).length;
          var concept = new Concept(typedOf(piece.start + w.start, piece.start + w.start + length),
            length === 1 ? WEIGHT.character : WEIGHT.word);
          concept.compactStart = base + w.start;
          concept.compactEnd = base + w.start + length;
          concept.stopword = lexicon.stopwords.has(w.text);
          addChinese(lexicon, concept, w.text, part.known, BOOST.typed);
          concepts.push(concept);
        });
      });
    });

    // Stop words count only when the query has nothing else.
    var meaningful = concepts.filter(function (c) { return !c.stopword; });
    if (meaningful.length) concepts = meaningful;

    addPhrases(lexicon, concepts, compact);
    addVocabulary(lexicon, concepts, { compact: compact, stems: stems, corrected: corrected });
    if (lexicon.readings) {
      addRereadings(lexicon, concepts, rereadings(lexicon, stretches), { compact: compact, stems: stems, corrected: corrected });
    }
    concepts.forEach(function (c) { standIn(lexicon, c); });
    // Only stop words or single characters: they occur on almost every
    // page, so only the pages where they weigh most are worth listing.
    var weak = concepts.every(function (c) { return c.stopword || c.weight < WEIGHT.word; });
    return {
      concepts: concepts, text: text, weak: weak, asksWhat: ASKS_WHAT.test(text),
      needsReadings: !lexicon.readings && stretches.length > 0,
    };
  }

  /* A Chinese concept whose typed words are no word or keyword phrase of the index (a
     reader's word such as 两步骤验证 or 手机掉了, known from the reader
     vocabulary): the article words the vocabulary added are all that can
     match it, so they stand in for it at the typed weight. Otherwise a
     common word the reader also typed (卖家中心) outweighs the one the
     question is about. */
  function standIn(lexicon, concept) {
    var typed = [];
    var added = [];
    concept.terms.forEach(function (t) {
      if (t.boost >= BOOST.typed) typed.push(t);
      else if (t.boost === BOOST.added) added.push(t);
    });
    if (!typed.length || !added.length) return;
    var unknown = typed.every(function (t) {
      return HAN.test(t.term) && !t.wildcard && !lexicon.indexWords.has(t.term) && !lexicon.phrases.has(t.term);
    });
    if (unknown) added.forEach(function (t) { t.boost = BOOST.typed; });
  }

  /* Whether a query needs the characters' readings (a piece of its own)
     that the lexicon does not have yet. */
  function needsReadings(lexicon, typed) {
    return !lexicon.readings && plan(lexicon, typed).needsReadings;
  }

  function splitUnknown(lexicon, part) {
    var words = unknownWords(lexicon, part.text);
    var result = [];
    var from = 0;
    words.forEach(function (word) {
      var at = part.text.indexOf(word, from);
      if (at < 0) at = from;
      // character offset of `at` within the part
      var start = Array.from(part.text.slice(0, at)).length;
      result.push({ text: word, start: part.start + start });
      from = at + 1;
    });
    return result;
  }

  function addLatin(lexicon, concept, word) {
    var bare = word.replace(/^\+/, "");
    if (bare.length === 1 && !DIGITS.test(bare)) {
      concept.add(bare, BOOST.character, false);
      return;
    }
    if (DIGITS.test(bare)) {
      // Numbers match exactly (200 must not find 2000); the index keeps
      // "5,000" and "+86" as one word, so look for those spellings too.
      concept.add(bare, BOOST.typed, false);
      if (bare.length > 3) concept.add(Number(bare).toLocaleString("en-US"), BOOST.typed, false);
      if (lexicon.words.has("+" + bare)) concept.add("+" + bare, BOOST.typed, false);
      return;
    }
    // Codes typed with joiners (w-8ben, sp-api): the index may keep them
    // whole or in parts; search both.
    var parts = bare.split(/['\-.]/).filter(Boolean);
    if (parts.length > 1) {
      if (lexicon.words.has(bare)) concept.add(bare, BOOST.typed, false);
      parts.forEach(function (part) {
        concept.add(part, part.length > 1 ? BOOST.typed : BOOST.character, part.length > 2);
      });
      return;
    }
    var prefix = stem(bare);
    concept.add(prefix, BOOST.typed, true);
    if (lexicon.latinWords.length && !lexicon.words.has(bare) && !hasPrefix(lexicon.latinWords, prefix)) {
      var split = runTogether(lexicon, bare);
      (split.length ? split : corrections(lexicon, bare)).forEach(function (fixed) {
        concept.add(stem(fixed), BOOST.corrected, true);
      });
    }
  }

  /* Two index words typed as one (twostep, resetpassword): the
     words of the first split whose both sides are index words of two
     letters or more; none where there is no such split. */
  function runTogether(lexicon, word) {
    for (var i = 2; i <= word.length - 2; i++) {
      var left = word.slice(0, i);
      var right = word.slice(i);
      if (lexicon.words.has(left) && lexicon.words.has(right)) return [left, right];
    }
    return [];
  }

  function addChinese(lexicon, concept, word, known, boost) {
    var length = Array.from(word).length;
    if (length === 1) {
      concept.add(word, Math.min(boost, BOOST.character), false);
      return;
    }
    if (!known) {
      concept.add(word, boost, true);
      abbreviated(lexicon, word).forEach(function (whole) {
        concept.add(whole, Math.min(boost, BOOST.corrected), false);
      });
      return;
    }
    // A word of the index counts as itself only. As a prefix (验证* for
    // 验证码 too) it matched nearly every section of the site, which cost
    // the worker most of its time and did not change what ranks first.
    concept.add(word, boost, false);
    // A long word also searches for the known words inside it.
    if (length >= 3) {
      cut(lexicon, Array.from(word), true).forEach(function (inner) {
        if (inner.known && Array.from(inner.text).length > 1 && !lexicon.stopwords.has(inner.text)) {
          concept.add(inner.text, Math.min(boost, BOOST.part), false);
        }
      });
    }
  }

  /* The index words a Chinese word of two or three characters, which no
     index word begins, may abbreviate, as Chinese shortens a term to some
     of its characters in order (二验 for 二次验证): the words of up to
     ABBREVIATION_MAX_LENGTH characters that begin with its first character
     and hold the others in the same order; none where more than
     ABBREVIATION_MAX_WORDS do (too ambiguous to mean one thing). */
  function abbreviated(lexicon, word) {
    var chars = Array.from(word);
    if (chars.length < 2 || chars.length > 3 || !HAN_ONLY.test(word)) return [];
    if (!lexicon.hanWords) {
      lexicon.hanWords = Array.from(lexicon.indexWords).filter(function (w) { return HAN_ONLY.test(w); }).sort();
    }
    var sorted = lexicon.hanWords;
    if (hasPrefix(sorted, word)) return [];
    var found = [];
    for (var i = lowerBound(sorted, chars[0]); i < sorted.length && sorted[i].lastIndexOf(chars[0], 0) === 0; i++) {
      var whole = Array.from(sorted[i]);
      if (whole.length <= chars.length || whole.length > ABBREVIATION_MAX_LENGTH) continue;
      var at = 1;
      for (var k = 1; k < whole.length && at < chars.length; k++) if (whole[k] === chars[at]) at++;
      if (at === chars.length) found.push(sorted[i]);
    }
    return found.length <= ABBREVIATION_MAX_WORDS ? found : [];
  }

  /* Keyword phrases found in the query (its converted text without
     spaces): each joins, as typed, every concept it spans, so a page that
     has the reader's words in that order counts for each of them. */
  function addPhrases(lexicon, concepts, compact) {
    if (!lexicon.phrases.size) return;
    for (var start = 0; start < compact.length; start++) {
      var longest = Math.min(lexicon.phrasesLongest, compact.length - start);
      for (var length = longest; length >= 2; length--) {
        var phrase = compact.slice(start, start + length).join("");
        if (!lexicon.phrases.has(phrase)) continue;
        concepts.forEach(function (concept) {
          if (concept.compactStart < start + length && concept.compactEnd > start) {
            concept.add(phrase, BOOST.typed, false);
          }
        });
      }
    }
  }

  /* Reader vocabulary: every phrase found in the query, except one lying
     inside a longer phrase that was also found (换手机 inside 换手机号), or
     inside a Chinese stop word (死了 inside 烦死了). The
     article words join the concepts the phrase covers, so a page that uses
     the article's word for the reader's word counts as matching it. */
  function addVocabulary(lexicon, concepts, query) {
    var found = [];
    lexicon.synonyms.forEach(function (entry, index) {
      entry.readers.forEach(function (phrase) {
        phraseMatches(phrase, query).forEach(function (m) {
          m.entry = index;
          found.push(m);
        });
      });
    });
    lexicon.stopPhrases.forEach(function (phrase) {
      phraseMatches(phrase, query).forEach(function (m) {
        m.entry = -1; // hides what lies inside it, adds nothing
        found.push(m);
      });
    });
    var chosen = found.filter(function (m) {
      return m.entry >= 0 && (m.space === "all" || !found.some(function (other) {
        return other.space === m.space && other.start <= m.start && other.end >= m.end &&
          other.end - other.start > m.end - m.start;
      }));
    });
    var ownConcepts = {}; // entry -> the concept of a phrase of stop words only
    chosen.forEach(function (m) {
      var covered = conceptsCovering(concepts, m);
      var cap = BOOST.added;
      if (!covered.length) {
        // A phrase of stop words only (didn't get, what happens if) covers
        // no word of the query, as they are dropped; it means something all
        // the same, so it is a part of the query of its own, its article
        // words standing in at their weight (no typed word to note missing).
        if (!ownConcepts[m.entry]) {
          ownConcepts[m.entry] = new Concept("", WEIGHT.word);
          concepts.push(ownConcepts[m.entry]);
        }
        covered = [ownConcepts[m.entry]];
        cap = BOOST.typed;
      }
      lexicon.synonyms[m.entry].articles.forEach(function (phrase) {
        articleTerms(lexicon, phrase).forEach(function (t) {
          covered.forEach(function (concept) { concept.add(t.term, Math.min(t.boost, cap), t.wildcard); });
        });
      });
    });
  }

  function conceptsCovering(concepts, m) {
    if (m.space === "all") {
      var all = [];
      m.parts.forEach(function (part) {
        conceptsCovering(concepts, part).forEach(function (c) { if (all.indexOf(c) < 0) all.push(c); });
      });
      return all;
    }
    return concepts.filter(function (c) {
      if (m.space === "words") return c.stemIndex >= m.start && c.stemIndex < m.end;
      return c.compactStart >= 0 && c.compactStart < m.end && c.compactEnd > m.start;
    });
  }

  function articleTerms(lexicon, phrase) {
    var scratch = new Concept("", 0);
    var pieces = phrase.match(PIECE) || [];
    // The article phrase's stop words ("in" of "sign in") would find every
    // word they begin (in*: information, individual): its other words do.
    var meaningful = pieces.filter(function (piece) { return !lexicon.stopwords.has(piece); });
    (meaningful.length ? meaningful : pieces).forEach(function (piece) {
      if (!HAN.test(piece)) return addLatin(lexicon, scratch, piece);
      cut(lexicon, Array.from(piece)).forEach(function (part) {
        if (Array.from(part.text).length < 2 && !part.known) return;
        // An article phrase the index does not hold whole (手机丢失: the
        // pages say 手机 and 丢失) is found by its words, as much as whole.
        var whole = lexicon.indexWords.has(part.text) || lexicon.phrases.has(part.text);
        var own = new Concept("", 0);
        addChinese(lexicon, own, part.text, part.known, BOOST.added);
        own.terms.forEach(function (t) {
          scratch.add(t.term, whole || t.boost !== BOOST.part ? t.boost : BOOST.added, t.wildcard);
        });
      });
    });
    return Array.from(scratch.terms.values());
  }

  /* ---- output: the query string, and the result list ------------------ */

  /* All terms of a plan, each at its highest boost. */
  function terms(queryPlan) {
    var all = new Map();
    queryPlan.concepts.forEach(function (concept, index) {
      concept.terms.forEach(function (t, key) {
        var known = all.get(key);
        if (!known) all.set(key, (known = { term: t.term, boost: t.boost, wildcard: t.wildcard, groups: {} }));
        known.boost = Math.max(known.boost, t.boost);
        known.groups[index] = t.boost;
      });
    });
    return Array.from(all.values());
  }

  /* lunr's query syntax. A backslash before each Chinese character keeps a
     backend's own Chinese splitter (Material's) from cutting our words
     again; lunr's query parser drops the backslashes. A leading + or - would
     be an operator: terms never start with one (the index separates "+"). */
  function lunrQuery(queryPlan) {
    return terms(queryPlan).map(function (t) {
      var escaped = t.term.replace(/^[+\-]+/, "").replace(/[~^:*\\]/g, "").replace(/\p{sc=Han}/gu, "\\$&");
      return escaped + (t.wildcard ? "*" : "") + "^" + t.boost;
    }).join(" ");
  }

  /* Which concepts a result matched, from the query terms it matched
     (`matched`: term -> true/false, without wildcards). */
  function conceptMatches(queryPlan, matched) {
    return queryPlan.concepts.map(function (concept) {
      var hit = false;
      concept.terms.forEach(function (t) { if (matched[t.term]) hit = true; });
      return hit;
    });
  }

  /* How much of the query a page's title and keywords cover (0 to 1): each
     concept counts by the best boost it reached there, so a concept met
     only by an added word or a part of a word counts less than one met as
     typed. `matched`: query term -> true for terms in the title or keywords
     of the page's own document. */
  function strongCoverage(queryPlan, matched) {
    var total = 0;
    var got = 0;
    queryPlan.concepts.forEach(function (concept) {
      var best = 0;
      concept.terms.forEach(function (t) { if (matched[t.term]) best = Math.max(best, t.boost); });
      total += concept.weight;
      got += concept.weight * Math.min(1, best / BOOST.typed);
    });
    return total ? got / total : 0;
  }

  function coverage(queryPlan, hits) {
    var total = 0;
    var got = 0;
    queryPlan.concepts.forEach(function (concept, i) {
      total += concept.weight;
      if (hits[i]) got += concept.weight;
    });
    return total ? got / total : 0;
  }

  /* Snippet text without leading punctuation (a section that starts mid-
     sentence) and without the zero-width spaces of the segmented index.
     Opening brackets and quotes stay: they begin what follows (《INFORM
     消费者法案》, "Sorry, something went wrong"). */
  function cleanSnippet(html) {
    if (typeof html !== "string") return html;
    return html
      .replace(/[\u200b\u200c\u200d\ufeff]/g, "")
      .replace(/^((?:\s|<[^>]+>)*)(?:\s|(?![\p{Ps}\p{Pi}])\p{P})+/u, "$1");
  }

  /* How much of a highlighted title the query matched (0 to 1): a page
     whose whole title is what the reader asked about (两步验证 for
     什么是两步验证) is the answer, more than one that mentions it. */
  function titleShare(html) {
    if (typeof html !== "string") return 0;
    var marked = 0;
    var total = 0;
    html.replace(/<mark>([\s\S]*?)<\/mark>|<[^>]*>|([^<]+)/g, function (_, inMark, plain) {
      var letters = function (t) { return (t.match(/[\p{L}\p{N}]/gu) || []).length; };
      if (inMark !== undefined) { marked += letters(inMark); total += letters(inMark); }
      else if (plain !== undefined) total += letters(plain);
      return "";
    });
    return total ? marked / total : 0;
  }

  /* Ranks result groups (one per page: [{location, score, terms, title,
     text, boost}, ...], the page's best section first) for a plan:
     - score: the group's best score times the square of its coverage of
       the query's concepts, so a page that answers every part of the
       question beats one that repeats one of its words;
     - drops pages far below the best in coverage or score;
     - notes: `terms` keeps the matched index words (true) and adds each
       concept the page missed, as typed (false). */
  function rankResults(queryPlan, groups) {
    var ranked = groups.map(function (group, order) {
      var matched = {};
      group.forEach(function (item) {
        Object.keys(item.terms || {}).forEach(function (term) { if (item.terms[term]) matched[term] = true; });
      });
      var hits = conceptMatches(queryPlan, matched);
      var share = coverage(queryPlan, hits);
      var best = group.reduce(function (max, item) { return Math.max(max, item.score || 0); }, 0);
      // An engine that knows the share without marking the title (the
      // site's own, search-engine.js) gives it as titleShare.
      var title = typeof group[0].titleShare === "number" ? group[0].titleShare : titleShare(group[0].title);
      // The page's kind boost, when the engine gives it (the site's own does).
      var boost = typeof group[0].pageBoost === "number" ? group[0].pageBoost : 1;
      var lift = queryPlan.asksWhat && title >= LIFT_MIN_TITLE && boost < 1 && boost >= LIFT_MIN_BOOST
        ? (1 + title) / boost : 1;
      // The engine that marks which terms a page's own title and keywords
      // hold (the site's own) lets the page that is about all of the
      // question beat the one that is about a part of it.
      var own = group.filter(function (item) { return item.own && item.strongTerms; })[0];
      var about = own ? strongCoverage(queryPlan, own.strongTerms) : 0;
      // An overview's title names its section (INFORM 消费者法案), which
      // most questions of the section mention: it counts as far as its
      // title and keywords cover the question, not by the share of the
      // title matched (where the engine marks them: the site's own does).
      var titled = own && boost < 1 ? Math.min(title, about) : title;
      return {
        group: group, hits: hits, coverage: share, order: order,
        score: best * share * share * (1 + TITLE_WEIGHT * titled) * (1 + ABOUT_WEIGHT * about) * lift,
      };
    });
    var topCoverage = ranked.reduce(function (max, r) { return Math.max(max, r.coverage); }, 0);
    var topScore = ranked.reduce(function (max, r) { return Math.max(max, r.score); }, 0);
    var minScore = queryPlan.weak ? MIN_SCORE_WEAK : MIN_SCORE;
    var listed = ranked
      .filter(function (r) {
        return r.coverage > 0 && r.coverage >= MIN_COVERAGE * topCoverage && r.score >= minScore * topScore;
      })
      .sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    // A word no listed page matched tells the results apart in nothing (a
    // word the site does not use, such as 唔見 of 部電話唔見咗): it is noted
    // as missing on none, rather than struck out under every result.
    var matchedSomewhere = queryPlan.concepts.map(function (_, i) {
      return listed.some(function (r) { return r.hits[i]; });
    });
    return listed
      .map(function (r) {
        return r.group.map(function (item) {
          // Matched index words stay (true: they are what a results page
          // highlights); a typed word the page did not match in any of its
          // sections is noted as missing (false), as typed, never a stem or
          // an added word.
          var notes = {};
          Object.keys(item.terms || {}).forEach(function (term) { if (item.terms[term]) notes[term] = true; });
          queryPlan.concepts.forEach(function (concept, i) {
            if (concept.typed && !r.hits[i] && matchedSomewhere[i] && !(concept.typed in notes)) notes[concept.typed] = false;
          });
          return Object.assign({}, item, {
            title: cleanSnippet(item.title),
            text: cleanSnippet(item.text),
            terms: notes,
          });
        });
      });
  }

  return {
    BOOST: BOOST,
    Lexicon: Lexicon,
    wordsOf: wordsOf,
    normalize: normalize,
    replacePhrases: replacePhrases,
    cut: cut,
    stem: stem,
    editDistance: editDistance,
    corrections: corrections,
    plan: plan,
    needsReadings: needsReadings,
    terms: terms,
    lunrQuery: lunrQuery,
    cleanSnippet: cleanSnippet,
    rankResults: rankResults,
    titleShare: titleShare,
  };
});
