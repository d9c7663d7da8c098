/* Material's own scripts start when the reader first acts on the page (a
 * touch, click, key press, pointer movement, wheel turn or focus), not at page
 * load. Those scripts run the search box, the colour toggle, the back-to-top
 * button, tooltips and the header and contents that follow the scroll. A page
 * that is only read needs none of them: the menu drawer, language menu,
 * breadcrumbs, tables, self-check and links work from the HTML and CSS alone.
 * On a phone this keeps about 35 KB and most of the main thread's work out of
 * every first view (make bench: first view and Lighthouse).
 *
 * This is the only code that knows how Material for MkDocs 9.x starts. The
 * template (overrides/main.html) puts Material's script tags inside
 * <template id="kb-theme-scripts">, where they do not run; they are copied out
 * here, in order. Material's bundle waits for DOMContentLoaded, which fired
 * before it loaded, so the event is sent again once the bundle has run.
 * Material shows the colour toggle's button only when its bundle starts; it
 * is shown here at once, as Material would, and a click on it made while the
 * bundle loads is replayed after it has started, so the reader's tap is not
 * lost. The phone's search button opens the box and puts the cursor in it, as
 * Material would.
 *
 * When the reader's first action is on the search box, Material waits until
 * the first answer is drawn: search.js answers without Material's script and
 * says so with a "kb-search-settled" event on the document (or after
 * SEARCH_HOLD_MS, if the reader types nothing). Its 35 KB would otherwise take
 * 80-350 ms of the main thread just as that answer is computed. Meanwhile, as
 * Material would, focusing the box opens the search panel, Escape closes it,
 * and Enter in it follows the first result instead of reloading the page. Material's keys for
 * search (/, s, f outside a text field) are the first action of some readers:
 * they open search at once, as Material's would, and count as a search start.
 */
(function () {
  "use strict";
  var held = document.getElementById("kb-theme-scripts");
  if (!held || !("content" in held)) return;
  // No `scroll`: a page opened at an #anchor scrolls itself, with no reader.
  var STARTERS = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "focusin"];
  var SEARCH_HOLD_MS = 2000;
  var started = false;
  var ready = false;
  var replay = null;

  function isSearch(target) {
    return Boolean(target && target.closest &&
      target.closest("[data-md-component=search], label[for=__search]"));
  }

  // Material's search keys, pressed outside a text field, with no modifier.
  function isSearchKey(event) {
    if (event.type !== "keydown" || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (["/", "s", "f"].indexOf(event.key) < 0) return false;
    var target = event.target;
    return !(target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
  }

  function begin(event) {
    if (started) return;
    started = true;
    STARTERS.forEach(function (name) {
      removeEventListener(name, begin, true);
    });
    if (event && (isSearch(event.target) || isSearchKey(event))) {
      var go = function () { if (release) release(); };
      var timer = setTimeout(go, SEARCH_HOLD_MS);
      release = function () {
        release = null;
        clearTimeout(timer);
        document.removeEventListener("kb-search-settled", go);
        insertScripts();
      };
      document.addEventListener("kb-search-settled", go);
      return;
    }
    insertScripts();
  }
  // While Material is held back for a search: starts it at once (a tap on
  // the colour toggle or anything else Material runs is not kept waiting).
  var release = null;

  function insertScripts() {
    // Only scripts with a src: Material's block holds its bundle and the
    // site's extra_javascript, never inline code (which the page's
    // Content-Security-Policy would not allow when copied).
    var sources = held.content.querySelectorAll("script[src]");
    var waiting = sources.length;
    if (!waiting) return finish();
    Array.prototype.forEach.call(sources, function (inert) {
      var script = document.createElement("script");
      Array.prototype.forEach.call(inert.attributes, function (attribute) {
        script.setAttribute(attribute.name, attribute.value);
      });
      script.async = false; // run in the template's order
      script.onload = script.onerror = function () {
        waiting -= 1;
        if (!waiting) finish();
      };
      document.body.appendChild(script);
    });
  }

  function finish() {
    ready = true;
    document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true }));
    if (replay) replay.click();
    replay = null;
  }

  function onClick(event) {
    begin(event);
    if (release && !isSearch(event.target)) release();
    if (ready || !event.target.closest) return;
    // The search button on a phone opens the search box from CSS alone, but
    // it is Material that puts the cursor in it. Done here within the tap, so
    // that the phone's keyboard opens; Material answers what was typed once
    // it has started.
    var search = event.target.closest('label[for="__search"]');
    var box = document.querySelector("[data-md-component=search-query]");
    var toggle = document.getElementById("__search");
    if (search && box && toggle) {
      event.preventDefault();
      toggle.checked = true;
      box.focus();
      return;
    }
    var colours = event.target.closest("[data-md-component=palette] label");
    if (!colours) return;
    event.preventDefault(); // the input changes when the replayed click comes
    replay = colours;
  }

  // Material's choice of button: the saved scheme, else the first whose
  // media query matches; each input's button is the label after it.
  function showColourToggle() {
    var inputs = document.querySelectorAll("[data-md-component=palette] input");
    if (!inputs.length || typeof __md_get !== "function") return;
    var saved = __md_get("__palette");
    var index = saved && typeof saved.index === "number" ? saved.index : -1;
    if (index < 0) {
      index = Array.prototype.findIndex.call(inputs, function (input) {
        return matchMedia(input.getAttribute("data-md-color-media")).matches;
      });
    }
    var label = inputs[Math.max(0, Math.min(index, inputs.length - 1))].nextElementSibling;
    if (label && label.tagName === "LABEL") label.hidden = false;
  }

  // Until Material runs (it marks the page "js"; its script may also fail to
  // load): the search panel opens when the box has the focus, and Enter goes
  // to the first result (Material's choice), not a reload.
  function materialRuns() {
    return document.documentElement.classList.contains("js");
  }
  addEventListener("focusin", function (event) {
    var toggle = document.getElementById("__search");
    if (materialRuns() || !toggle || !event.target.matches) return;
    if (event.target.matches("[data-md-component=search-query]")) toggle.checked = true;
  }, true);
  addEventListener("keydown", function (event) {
    var box = document.querySelector("[data-md-component=search-query]");
    var toggle = document.getElementById("__search");
    if (materialRuns() || !box) return;
    // Escape closes the search panel, as Material's does.
    if (event.key === "Escape" && toggle && toggle.checked) {
      toggle.checked = false;
      box.blur();
      return;
    }
    if (!isSearchKey(event)) return;
    event.preventDefault(); // the key is not typed into the box
    box.focus();
    box.select();
  }, true);
  addEventListener("submit", function (event) {
    if (materialRuns() || !event.target.matches || !event.target.matches(".md-search__form")) return;
    event.preventDefault();
    var first = document.querySelector(".md-search-result__list a[href]");
    if (first) first.click();
  }, true);

  showColourToggle();
  STARTERS.forEach(function (name) {
    addEventListener(name, begin, { capture: true, passive: true });
  });
  addEventListener("click", onClick, true);
  // A page opened from a search result (?h=words) or a search link (?q=words)
  // starts at once: Material marks the searched words, or opens the search
  // box with the query (search.js fetches the index for both too).
  if (/[?&][qh]=/.test(location.search)) begin();
})();
