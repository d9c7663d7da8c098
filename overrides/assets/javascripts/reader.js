/* Small reader aids on every page. Each works on the HTML as built and
 * degrades to plain links and tables without JavaScript.
 * - The language menu keeps the reader's place: the other language's page
 *   has the same heading IDs, so the current #anchor is carried over.
 * - A tap on a heading's ¶ copies the section's address.
 * - A printout says when it was printed (print-header.html).
 * - Material's search dialog gets an accessible name (axe: aria-dialog-name),
 *   here rather than in a copy of Material's search partial, so other builders
 *   keep their own search markup. The search works only with JavaScript too.
 */
(function () {
  "use strict";
  var zh = (document.documentElement.lang || "").indexOf("zh") === 0;

  // Capture phase: runs before the browser (or Material) follows the link.
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
      if (!link) return;
      var target = new URL(link.href, location.href);
      target.hash = location.hash;
      link.href = target.href;
    },
    true,
  );

  var note;
  function say(text) {
    if (!note) {
      note = document.createElement("p");
      note.className = "kb-toast";
      note.setAttribute("role", "status");
      document.body.appendChild(note);
    }
    note.textContent = text;
    note.hidden = false;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () {
      note.hidden = true;
    }, 2500);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-typeset a.headerlink");
    if (!link || !navigator.clipboard) return;
    navigator.clipboard.writeText(link.href).then(
      function () {
        say(zh ? "已复制本节链接。" : "Link to this section copied.");
      },
      function () {
        // No clipboard access: the link still moves the address bar to the section.
      },
    );
  });

  window.addEventListener("beforeprint", function () {
    var stamp = document.querySelector("[data-kb-print-date]");
    if (!stamp) return;
    var now = new Date();
    var iso = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
    stamp.setAttribute("datetime", iso);
    stamp.textContent = zh
      ? now.getFullYear() + " 年 " + (now.getMonth() + 1) + " 月 " + now.getDate() + " 日"
      : now.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    stamp.parentNode.hidden = false;
  });

  function nameSearchDialog() {
    var dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
    var options = dialog && dialog.querySelector(".md-search__options[aria-label]");
    if (options) dialog.setAttribute("aria-label", options.getAttribute("aria-label"));
  }

  function start() {
    nameSearchDialog();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
