/* INFORM Consumers Act threshold self-check (inform-act/self-check page).
 *
 * 15 U.S.C. § 45f(f)(3): a high-volume third-party seller made, in any
 * continuous 12-month period during the previous 24 months, 200 or more
 * sales of new or unused consumer products AND had 5,000 US dollars or more
 * in gross revenue. This file checks figures a seller types in against that
 * rule. It runs in the page only and sends nothing anywhere.
 *
 * The rule is in pure functions (parseOrders, parseRevenue, monthLabels,
 * evaluate, evaluateTotals), exported for the tests (Node: require() or
 * import this file; tests/js/self-check.test.mjs); the last part wires them
 * to the two forms: 24 months, or the two 12-month totals (quick check).
 * Amounts are handled in whole cents so that exactly 5,000.00 compares
 * exactly.
 */
(function (root) {
  "use strict";

  var ORDER_THRESHOLD = 200;
  var REVENUE_THRESHOLD_CENTS = 500000;
  var WINDOW_MONTHS = 12;
  var MAX_MONTHS = 24;
  var MAX_ORDERS = 1e9;
  var MAX_REVENUE_CENTS = 1e13; // 100 billion dollars: far above any real month

  // Full-width digits and separators, as typed with a Chinese input method.
  function toHalfWidth(text) {
    return text
      .replace(/[\uFF10-\uFF19]/g, function (c) {
        return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      })
      .replace(/\uFF0C/g, ",")
      .replace(/[\uFF0E\u3002]/g, ".")
      .replace(/[\uFF0D\u2212]/g, "-")
      .replace(/[\uFF04]/g, "$");
  }

  function clean(text) {
    return toHalfWidth(String(text == null ? "" : text)).replace(/[\s\u00A0\u3000]/g, "");
  }

  // A number as people write it: digits with optional thousands commas and,
  // for amounts, up to two decimals. Returns null when it is not one.
  var GROUPED = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

  /** Parses an order count. Returns {value} or {error: code}. */
  function parseOrders(text) {
    var s = clean(text);
    if (s === "") return { error: "empty" };
    if (s.charAt(0) === "-") return { error: "negative" };
    var m = GROUPED.exec(s);
    if (!m) return { error: "not-a-number" };
    if (m[2] !== undefined && !/^0*$/.test(m[2])) return { error: "not-whole" };
    var value = whole(m[1]);
    return value > MAX_ORDERS ? { error: "too-large" } : { value: value };
  }

  /** Parses a revenue amount in US dollars. Returns {cents} or {error: code}. */
  function parseRevenue(text) {
    var s = clean(text).replace(/^(US)?\$/i, "");
    if (s === "") return { error: "empty" };
    if (s.charAt(0) === "-") return { error: "negative" };
    var m = GROUPED.exec(s);
    if (!m) return { error: "not-a-number" };
    var decimals = (m[2] || "").replace(/0+$/, "");
    if (decimals.length > 2) return { error: "too-precise" };
    var cents = whole(m[1]) * 100 + (decimals ? parseInt((decimals + "0").slice(0, 2), 10) : 0);
    return cents > MAX_REVENUE_CENTS ? { error: "too-large" } : { cents: cents };
  }

  function whole(digits) {
    var n = parseInt(digits.replace(/,/g, ""), 10);
    return n > Number.MAX_SAFE_INTEGER ? Infinity : n;
  }

  /**
   * "YYYY-MM" labels for `count` months ending with `newest` ("YYYY-MM"),
   * oldest first. Returns null when `newest` is not a valid month.
   */
  function monthLabels(newest, count) {
    var m = /^(\d{4})-(\d{1,2})$/.exec(clean(newest));
    if (!m || +m[2] < 1 || +m[2] > 12) return null;
    var index = +m[1] * 12 + (+m[2] - 1);
    var labels = [];
    for (var i = index - count + 1; i <= index; i++) {
      var month = (i % 12) + 1;
      labels.push(Math.floor(i / 12) + "-" + (month < 10 ? "0" : "") + month);
    }
    return labels;
  }

  /**
   * Checks the months against the threshold.
   * rows: up to 24 {orders, revenue} pairs of raw text, oldest month first.
   * Empty rows at the start are months the seller did not enter (before they
   * started selling): they count as no sales, and the result says so. Any
   * other empty or unreadable field is an error, and then there is no verdict.
   * Returns {ok: false, errors: [{month, field, code}]} or
   * {ok: true, firstEntered, months, windows, qualifying, latest, best}.
   */
  function evaluate(rows) {
    if (!Array.isArray(rows) || rows.length === 0) {
      return { ok: false, errors: [{ month: null, field: null, code: "no-months" }] };
    }
    if (rows.length > MAX_MONTHS) {
      return { ok: false, errors: [{ month: null, field: null, code: "too-many-months" }] };
    }
    var firstEntered = -1;
    for (var i = 0; i < rows.length && firstEntered < 0; i++) {
      if (clean(rows[i].orders) !== "" || clean(rows[i].revenue) !== "") firstEntered = i;
    }
    if (firstEntered < 0) {
      return { ok: false, errors: [{ month: null, field: null, code: "no-months" }] };
    }

    var errors = [];
    var months = [];
    rows.forEach(function (row, index) {
      if (index < firstEntered) {
        months.push({ orders: 0, cents: 0, entered: false });
        return;
      }
      var orders = parseOrders(row.orders);
      var revenue = parseRevenue(row.revenue);
      if (orders.error) errors.push({ month: index, field: "orders", code: orders.error });
      if (revenue.error) errors.push({ month: index, field: "revenue", code: revenue.error });
      months.push({ orders: orders.value || 0, cents: revenue.cents || 0, entered: true });
    });
    if (errors.length) return { ok: false, errors: errors };

    // Every run of 12 consecutive months inside the period; with fewer than
    // 12 months there is one shorter run (the rest of its 12 months fall
    // outside the period and are not counted).
    var windows = [];
    var last = Math.max(0, months.length - WINDOW_MONTHS);
    for (var start = 0; start <= last; start++) {
      var end = Math.min(start + WINDOW_MONTHS, months.length) - 1;
      var orders = 0;
      var cents = 0;
      for (var k = start; k <= end; k++) {
        orders += months[k].orders;
        cents += months[k].cents;
      }
      windows.push({
        start: start,
        end: end,
        orders: orders,
        cents: cents,
        meets: orders >= ORDER_THRESHOLD && cents >= REVENUE_THRESHOLD_CENTS,
      });
    }
    var qualifying = windows.filter(function (w) {
      return w.meets;
    });
    return {
      ok: true,
      firstEntered: firstEntered,
      months: months.length,
      windows: windows,
      qualifying: qualifying,
      latest: qualifying.length ? qualifying[qualifying.length - 1] : null,
      best: {
        orders: maxBy(windows, "orders"),
        revenue: maxBy(windows, "cents"),
      },
    };
  }

  /**
   * The quick check: the totals of one run of 12 consecutive months.
   * Returns {ok: false, errors: [{month: null, field, code}]} or
   * {ok: true, orders, cents, meets}.
   */
  function evaluateTotals(ordersText, revenueText) {
    var orders = parseOrders(ordersText);
    var revenue = parseRevenue(revenueText);
    var errors = [];
    if (orders.error) errors.push({ month: null, field: "orders", code: orders.error });
    if (revenue.error) errors.push({ month: null, field: "revenue", code: revenue.error });
    if (errors.length) return { ok: false, errors: errors };
    return {
      ok: true,
      orders: orders.value,
      cents: revenue.cents,
      meets: orders.value >= ORDER_THRESHOLD && revenue.cents >= REVENUE_THRESHOLD_CENTS,
    };
  }

  function maxBy(windows, key) {
    return windows.reduce(function (best, w) {
      return w[key] > best[key] ? w : best;
    });
  }

  var api = {
    ORDER_THRESHOLD: ORDER_THRESHOLD,
    REVENUE_THRESHOLD_CENTS: REVENUE_THRESHOLD_CENTS,
    WINDOW_MONTHS: WINDOW_MONTHS,
    MAX_MONTHS: MAX_MONTHS,
    parseOrders: parseOrders,
    parseRevenue: parseRevenue,
    monthLabels: monthLabels,
    evaluate: evaluate,
    evaluateTotals: evaluateTotals,
  };

  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
  root.informSelfCheck = api;

  /* ---- The form on the page ---------------------------------------- */

  // The texts of the page's language, from inform-self-check.zh.js or .en.js
  // (loaded before this file): each page downloads only its own language.
  var TEXT = root.informSelfCheckText || {};

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return values[key];
    });
  }

  function money(cents, locale) {
    return (cents / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function previousMonth(today) {
    var index = today.getFullYear() * 12 + today.getMonth() - 1;
    var month = (index % 12) + 1;
    return Math.floor(index / 12) + "-" + (month < 10 ? "0" : "") + month;
  }

  function language() {
    return (document.documentElement.lang || "zh").indexOf("en") === 0 ? "en" : "zh";
  }

  /* What the two forms share: the result box, which is emptied as soon as
   * any figure changes (a result must never describe other figures than
   * those on screen), error lists whose items lead to their field, and the
   * next steps after a "meets" result. */
  function resultBox(form) {
    var text = TEXT[language()];
    var result = form.querySelector(".kb-result");

    function show(state, nodes) {
      result.textContent = "";
      result.setAttribute("data-state", state);
      nodes.forEach(function (node) {
        result.appendChild(node);
      });
    }

    function clear() {
      Array.prototype.forEach.call(form.querySelectorAll("input[aria-invalid]"), function (input) {
        input.removeAttribute("aria-invalid");
      });
      show("", []);
    }

    function paragraph(content) {
      var p = document.createElement("p");
      p.textContent = content;
      return p;
    }

    function problem(code, field) {
      var message = text.codes[code];
      return typeof message === "object" ? message[field] : message;
    }

    // errors: [{input, label, code, field}]; input may be null (no field).
    function showErrors(errors) {
      var list = document.createElement("ul");
      errors.forEach(function (error) {
        var item = document.createElement("li");
        var message = error.label ? error.label(problem(error.code, error.field)) : problem(error.code, error.field);
        if (error.input) {
          error.input.setAttribute("aria-invalid", "true");
          var link = document.createElement("a");
          link.href = "#" + error.input.id;
          link.textContent = message;
          link.addEventListener("click", function (event) {
            event.preventDefault();
            error.input.focus();
            error.input.select();
          });
          item.appendChild(link);
        } else {
          item.textContent = message;
        }
        list.appendChild(item);
      });
      show("error", [paragraph(text.errorsTitle), list]);
    }

    function nextSteps() {
      var p = paragraph(text.nextSteps + " ");
      p.className = "kb-next";
      text.next.forEach(function (step, i) {
        var link = document.createElement("a");
        link.href = new URL(step[0], location.href).href;
        link.textContent = step[1];
        if (i) p.appendChild(document.createTextNode(text.next.length > 1 ? (language() === "zh" ? "、" : ", ") : ""));
        p.appendChild(link);
      });
      return p;
    }

    // "Not met" is no reason to ignore Amazon: say so plainly, with the why.
    function verifyAnyway() {
      var p = paragraph(text.belowVerify[0] + " ");
      p.className = "kb-verify-anyway";
      var link = document.createElement("a");
      link.href = new URL(text.belowVerify[1][0], location.href).href;
      link.textContent = text.belowVerify[1][1];
      p.appendChild(link);
      return p;
    }

    function caveat() {
      var p = paragraph(text.caveat);
      p.className = "kb-caveat";
      return p;
    }

    // A changed field loses its error mark; the others keep theirs until
    // the next check, so the reader still sees what is left to correct.
    function changed(event) {
      if (event.target && event.target.removeAttribute) event.target.removeAttribute("aria-invalid");
      show("", []);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    return {
      element: result,
      show: show,
      clear: clear,
      paragraph: paragraph,
      showErrors: showErrors,
      nextSteps: nextSteps,
      verifyAnyway: verifyAnyway,
      caveat: caveat,
    };
  }

  function setUp(form) {
    var lang = language();
    var locale = lang === "en" ? "en-US" : "zh-CN";
    var text = TEXT[lang];
    var newest = form.querySelector("[name=newest]");
    var body = form.querySelector("tbody");
    var box = resultBox(form);
    if (!newest.value) newest.value = previousMonth(new Date());
    newest.id = newest.id || "kb-newest";

    for (var i = 0; i < MAX_MONTHS; i++) {
      var row = document.createElement("tr");
      var head = document.createElement("th");
      head.scope = "row";
      head.id = "kb-month-" + i;
      row.appendChild(head);
      ["orders", "revenue"].forEach(function (field) {
        var cell = document.createElement("td");
        var input = document.createElement("input");
        input.type = "text";
        input.name = field + "-" + i;
        input.id = "kb-" + field + "-" + i;
        input.setAttribute("inputmode", field === "orders" ? "numeric" : "decimal");
        input.setAttribute("autocomplete", "off");
        cell.appendChild(input);
        row.appendChild(cell);
      });
      body.appendChild(row);
    }

    function labels() {
      return monthLabels(newest.value, MAX_MONTHS);
    }

    function relabel() {
      var names = labels();
      Array.prototype.forEach.call(body.rows, function (row, i) {
        var name = names ? names[i] : text.month + " " + (i + 1);
        var note = i === 0 ? text.oldest : i === MAX_MONTHS - 1 ? text.newest : "";
        var label = document.createElement("span");
        label.className = "kb-month";
        label.textContent = name;
        row.cells[0].textContent = "";
        row.cells[0].append(label, note);
        row.cells[1].firstChild.setAttribute("aria-label", fill(text.ordersOf, { month: name }));
        row.cells[2].firstChild.setAttribute("aria-label", fill(text.revenueOf, { month: name }));
      });
    }

    function check() {
      box.clear();
      var names = labels();
      if (!names) {
        box.showErrors([{ input: newest, code: "bad-newest" }]);
        return;
      }
      var rows = Array.prototype.map.call(body.rows, function (row) {
        return { orders: row.cells[1].firstChild.value, revenue: row.cells[2].firstChild.value };
      });
      var outcome = evaluate(rows);
      if (!outcome.ok) {
        box.showErrors(
          outcome.errors.map(function (error) {
            if (!error.field) return { input: null, code: error.code };
            return {
              input: body.rows[error.month].cells[error.field === "orders" ? 1 : 2].firstChild,
              code: error.code,
              field: error.field,
              label: function (problem) {
                return fill(text.fieldError, { month: names[error.month], field: text.field[error.field], problem: problem });
              },
            };
          }),
        );
        return;
      }
      function describe(template, w) {
        return fill(template, {
          start: names[w.start],
          end: names[w.end],
          orders: w.orders.toLocaleString(locale),
          revenue: money(w.cents, locale),
          count: outcome.qualifying.length,
        });
      }
      var nodes = [];
      if (outcome.latest) {
        nodes.push(box.paragraph(describe(text.meets, outcome.latest)));
        if (outcome.qualifying.length > 1) nodes.push(box.paragraph(describe(text.meetsMore, outcome.latest)));
        nodes.push(box.nextSteps());
      } else {
        nodes.push(box.paragraph(text.below));
        nodes.push(box.verifyAnyway());
        nodes.push(box.paragraph(describe(text.bestOrders, outcome.best.orders)));
        nodes.push(box.paragraph(describe(text.bestRevenue, outcome.best.revenue)));
        if (outcome.firstEntered > 0) {
          nodes.push(
            box.paragraph(
              fill(text.shortPeriod, {
                count: outcome.months - outcome.firstEntered,
                start: names[outcome.firstEntered],
                end: names[outcome.months - 1],
              }),
            ),
          );
        }
      }
      nodes.push(box.caveat());
      box.show(outcome.latest ? "meets" : "below", nodes);
    }

    newest.addEventListener("change", relabel);
    newest.addEventListener("input", relabel);
    form.addEventListener("submit", function (event) {
      event.preventDefault(); // nothing is sent: the check runs here
      check();
      box.element.focus();
    });
    form.addEventListener("reset", function () {
      setTimeout(function () {
        newest.value = previousMonth(new Date());
        relabel();
        box.clear();
      });
    });
    var zeros = form.querySelector("[data-kb-fill-zero]");
    if (zeros) {
      zeros.hidden = false;
      // Fills the empty fields from the first month with any figure onwards;
      // the months before it stay empty (not yet selling).
      zeros.addEventListener("click", function () {
        var started = false;
        Array.prototype.forEach.call(body.rows, function (row) {
          var inputs = row.querySelectorAll("input");
          started = started || inputs[0].value.trim() !== "" || inputs[1].value.trim() !== "";
          Array.prototype.forEach.call(inputs, function (input) {
            if (started && input.value.trim() === "") input.value = "0";
          });
        });
        box.clear(); // figures changed without an input event
      });
    }
    relabel();
    form.hidden = false;
  }

  function setUpQuick(form) {
    var lang = language();
    var locale = lang === "en" ? "en-US" : "zh-CN";
    var text = TEXT[lang];
    var box = resultBox(form);
    var fields = {
      orders: form.querySelector("[name=orders]"),
      revenue: form.querySelector("[name=revenue]"),
    };
    fields.orders.id = "kb-total-orders";
    fields.revenue.id = "kb-total-revenue";
    form.addEventListener("submit", function (event) {
      event.preventDefault(); // nothing is sent: the check runs here
      box.clear();
      var outcome = evaluateTotals(fields.orders.value, fields.revenue.value);
      if (!outcome.ok) {
        box.showErrors(
          outcome.errors.map(function (error) {
            return {
              input: fields[error.field],
              code: error.code,
              field: error.field,
              label: function (problem) {
                return fill(text.totalError, { field: text.field[error.field], problem: problem });
              },
            };
          }),
        );
      } else {
        var values = { orders: outcome.orders.toLocaleString(locale), revenue: money(outcome.cents, locale) };
        var nodes = [box.paragraph(fill(outcome.meets ? text.totalsMeet : text.totalsBelow, values))];
        nodes.push(outcome.meets ? box.nextSteps() : box.verifyAnyway());
        nodes.push(box.caveat());
        box.show(outcome.meets ? "meets" : "below", nodes);
      }
      box.element.focus();
    });
    form.hidden = false;
  }

  function start() {
    if (!TEXT[language()]) return; // texts missing: the no-JS explanation stays
    Array.prototype.forEach.call(document.querySelectorAll("form.kb-self-check"), setUp);
    Array.prototype.forEach.call(document.querySelectorAll("form.kb-quick-check"), setUpQuick);
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-needs-script]"), function (note) {
      note.hidden = true;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})(this);
