/* The root 404.html serves every missing address, /en/ ones included
 * (overrides/404.html). Under /en/ this script, which runs before Material's
 * bundle, makes the page English: the text block, <html lang>, the title,
 * Material's configuration (search index and its messages) and, once
 * /en/404.html has arrived from the site itself, the header title, menu and
 * footer. Without JavaScript the page stays Chinese with the English text below. */
(function () {
  "use strict";
  var data = document.getElementById("kb-english-chrome");
  if (!data) return;
  var english = JSON.parse(data.textContent);
  var isEnglish = location.pathname.indexOf(english.prefix) === 0;
  var lang = isEnglish ? "en" : document.documentElement.lang;

  Array.prototype.forEach.call(document.querySelectorAll("[data-kb-lang]"), function (block) {
    block.hidden = block.getAttribute("data-kb-lang") !== lang;
  });
  if (!isEnglish) return;

  document.documentElement.lang = "en";
  document.title = english.title;
  // Material reads this when its bundle starts: search the English index,
  // and say so in English.
  var config = document.getElementById("__config");
  var settings = JSON.parse(config.textContent);
  settings.base = english.prefix;
  settings.translations = english.translations;
  config.textContent = JSON.stringify(settings);

  // The chrome of the English build's own 404 page, copied in place. Only
  // text, attributes and the menu's links are copied: the elements that
  // Material's script works with stay the same elements.
  function copyText(from, to, selector) {
    var a = from.querySelectorAll(selector);
    var b = to.querySelectorAll(selector);
    for (var i = 0; i < a.length && i < b.length; i++) b[i].innerHTML = a[i].innerHTML;
  }
  function copyAttributes(from, to, selector, names) {
    var a = from.querySelectorAll(selector);
    var b = to.querySelectorAll(selector);
    for (var i = 0; i < a.length && i < b.length; i++) {
      names.forEach(function (name) {
        if (a[i].hasAttribute(name)) b[i].setAttribute(name, a[i].getAttribute(name));
        else b[i].removeAttribute(name);
      });
    }
  }
  fetch(english.page, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    })
    .then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      copyText(page, document, ".md-header__topic:first-child .md-ellipsis");
      copyText(page, document, ".md-nav--primary");
      copyText(page, document, ".md-footer-meta__inner");
      copyText(page, document, ".md-skip");
      copyAttributes(page, document, "a.md-header__button.md-logo, .md-nav__button.md-logo", ["href", "title", "aria-label"]);
      copyAttributes(page, document, ".md-search__input", ["placeholder", "aria-label"]);
      copyAttributes(page, document, ".md-search__options, .md-search__icon, .md-header__button, .md-top", ["title", "aria-label"]);
      // The search dialog's name is set by reader.js, not written in the
      // page: take it, as reader.js does, from the (now English) options.
      var dialog = document.querySelector('.md-search[role="dialog"]');
      var options = dialog && dialog.querySelector(".md-search__options[aria-label]");
      if (options) dialog.setAttribute("aria-label", options.getAttribute("aria-label"));
      copyAttributes(page, document, "[data-md-component=palette] label", ["title", "aria-label"]);
      copyAttributes(page, document, ".md-select__link", ["aria-current"]);
    })
    .catch(function () {
      // The page itself is already English; the menu stays as it is.
    });
})();
