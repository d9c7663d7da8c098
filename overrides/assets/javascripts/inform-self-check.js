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

  var TEXT = {
    zh: {
      month: "月份",
      orders: "销售笔数",
      revenue: "销售额（美元）",
      ordersOf: "{month} 销售笔数",
      revenueOf: "{month} 销售额（美元）",
      oldest: "（最早）",
      newest: "（最近）",
      errorsTitle: "请先改正下面的输入，然后再检查（点一条可跳到那一格）：",
      fieldError: "{month} 的{field}：{problem}",
      totalError: "12 个月的{field}：{problem}",
      field: { orders: "销售笔数", revenue: "销售额" },
      codes: {
        empty: "没有填写。没有销售的月份请填 0。",
        negative: "不能是负数。",
        "not-a-number": {
          orders: "不是数字。只填阿拉伯数字，例如 1250 或 1,250。",
          revenue: "不是数字。只填阿拉伯数字，例如 1250 或 1,250.50。",
        },
        "not-whole": "销售笔数应为整数，例如 1250。",
        "too-precise": "金额最多保留两位小数（美分）。",
        "too-large": "数字太大，请检查是否多输了位数。",
        "no-months": "还没有填写任何月份。请至少填写一个月的销售笔数和销售额。",
        "too-many-months": "最多只能填写 24 个月。",
        "bad-newest": "“最近一个月”不是有效的月份，请按 2026-10 的格式填写。",
      },
      meets:
        "按您填写的数字，{start} 至 {end} 这 12 个月共有 {orders} 笔销售、{revenue} 美元销售额，两项都达到门槛（200 笔以上且 5,000 美元以上）。按法案的定义，您很可能属于“高销量第三方卖家”。",
      meetsMore: "共有 {count} 个连续 12 个月的区间达到门槛，上面是最近的一个。",
      totalsMeet:
        "按您填写的合计，这 12 个月共有 {orders} 笔销售、{revenue} 美元销售额，两项都达到门槛（200 笔以上且 5,000 美元以上）。按法案的定义，您很可能属于“高销量第三方卖家”。",
      totalsBelow:
        "按您填写的合计（{orders} 笔、{revenue} 美元），这 12 个月没有同时达到 200 笔和 5,000 美元。其他连续 12 个月也要看：过去 24 个月里任何一段同时达到，就算达到门槛。",
      nextSteps: "下一步：",
      next: [
        ["../required-information/", "准备需要提供的信息"],
        ["../individual-sellers/", "个人卖家如何验证"],
      ],
      below:
        "按您填写的数字，没有任何连续 12 个月同时达到 200 笔销售和 5,000 美元销售额，您目前可能不属于“高销量第三方卖家”。",
      // With every "not met" result: Amazon, not this estimate, decides who verifies.
      belowVerify: [
        "如果卖家平台要求您验证，即使这里显示没有达到，也请照常完成验证：本页只是估算，亚马逊按它自己的销售记录判断。",
        ["../who-must-verify/#amazon-or-wording", "为什么没有达到也要验证"],
      ],
      bestOrders: "销售笔数最多的 12 个月：{start} 至 {end}，{orders} 笔，{revenue} 美元。",
      bestRevenue: "销售额最高的 12 个月：{start} 至 {end}，{orders} 笔，{revenue} 美元。",
      shortPeriod: "您只填写了 {count} 个月（{start} 至 {end}），更早的月份按没有销售计算。如果那些月份有销售，请补上再检查。",
      caveat: "这只是根据您填写的数字所做的估算，不是法律意见。亚马逊按它自己的销售记录判断；请以亚马逊的通知为准。",
    },
    en: {
      month: "Month",
      orders: "Sales",
      revenue: "Revenue (US$)",
      ordersOf: "{month} sales",
      revenueOf: "{month} revenue (US$)",
      oldest: " (oldest)",
      newest: " (newest)",
      errorsTitle: "Please correct these entries, then check again (select one to go to its field):",
      fieldError: "{month}, {field}: {problem}",
      totalError: "12-month {field}: {problem}",
      field: { orders: "sales", revenue: "revenue" },
      codes: {
        empty: "empty. Enter 0 for a month with no sales.",
        negative: "cannot be negative.",
        "not-a-number": {
          orders: "not a number. Use digits only, such as 1250 or 1,250.",
          revenue: "not a number. Use digits only, such as 1250 or 1,250.50.",
        },
        "not-whole": "the number of sales must be a whole number, such as 1250.",
        "too-precise": "use at most two decimal places (cents).",
        "too-large": "the number is too large; check for extra digits.",
        "no-months": "No month has been filled in yet. Enter the sales and revenue of at least one month.",
        "too-many-months": "At most 24 months can be entered.",
        "bad-newest": "The newest month is not a valid month. Write it as 2026-10.",
      },
      meets:
        "From your figures, the 12 months from {start} to {end} have {orders} sales and US${revenue} in revenue: both thresholds (200 or more sales and US$5,000 or more) are met. Under the Act's definition you are likely a high-volume third-party seller.",
      meetsMore: "{count} periods of 12 consecutive months meet the thresholds; the most recent one is shown above.",
      totalsMeet:
        "From your totals, these 12 months have {orders} sales and US${revenue} in revenue: both thresholds (200 or more sales and US$5,000 or more) are met. Under the Act's definition you are likely a high-volume third-party seller.",
      totalsBelow:
        "From your totals ({orders} sales, US${revenue}), these 12 months do not reach both 200 sales and US$5,000. Other runs of 12 consecutive months count too: if any one in the last 24 months reaches both, you meet the threshold.",
      nextSteps: "Next steps:",
      next: [
        ["../required-information/", "What you must provide"],
        ["../individual-sellers/", "Verifying as an individual seller"],
      ],
      below:
        "From your figures, no period of 12 consecutive months has both 200 or more sales and US$5,000 or more in revenue, so you are probably not a high-volume third-party seller at the moment.",
      belowVerify: [
        "If Seller Central asks you to verify, verify anyway, whatever this result says: this page only makes an estimate, and Amazon decides from its own sales records.",
        ["../who-must-verify/#amazon-or-wording", "Why verify when the threshold is not met"],
      ],
      bestOrders: "The 12 months with the most sales: {start} to {end}, {orders} sales, US${revenue}.",
      bestRevenue: "The 12 months with the most revenue: {start} to {end}, {orders} sales, US${revenue}.",
      shortPeriod:
        "You entered {count} months ({start} to {end}); earlier months count as no sales. If you had sales then, add them and check again.",
      caveat:
        "This is an estimate from the figures you typed in, not legal advice. Amazon decides from its own sales records; follow Amazon's notices.",
    },
  };

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
