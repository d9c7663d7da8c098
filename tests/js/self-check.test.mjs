// The pure logic of the INFORM self-check (overrides/assets/javascripts/
// inform-self-check.js), imported as Node imports it: `node --test tests/js`.
// The browser tests (tests/browser/test_self_check.py) run the same file in
// Chromium and compare it with the rule written out in Python.
import assert from "node:assert/strict";
import { test } from "node:test";
import check from "../../overrides/assets/javascripts/inform-self-check.js";

test("quick check: both totals at the threshold meet it", () => {
  assert.deepEqual(check.evaluateTotals("200", "5000"), { ok: true, orders: 200, cents: 500000, meets: true });
  assert.deepEqual(check.evaluateTotals("２００", "US$5,000.00").meets, true);
});

test("quick check: one total alone is not enough", () => {
  assert.equal(check.evaluateTotals("199", "5000").meets, false);
  assert.equal(check.evaluateTotals("200", "4999.99").meets, false);
  assert.equal(check.evaluateTotals("10000", "0").meets, false);
});

test("quick check: each unreadable total is an error naming its field, and no verdict", () => {
  const result = check.evaluateTotals("12.5", "-1");
  assert.equal(result.ok, false);
  assert.equal("meets" in result, false);
  assert.deepEqual(result.errors, [
    { month: null, field: "orders", code: "not-whole" },
    { month: null, field: "revenue", code: "negative" },
  ]);
  assert.deepEqual(check.evaluateTotals("", "5000").errors, [{ month: null, field: "orders", code: "empty" }]);
});

test("an order count with a thousands comma and no decimals is whole", () => {
  assert.deepEqual(check.parseOrders("1,250"), { value: 1250 });
  assert.deepEqual(check.parseOrders("1,250.50"), { error: "not-whole" });
  assert.deepEqual(check.parseRevenue("1,250.50"), { cents: 125050 });
});

test("24 months: the most recent qualifying window is reported", () => {
  const rows = Array.from({ length: 24 }, () => ({ orders: "0", revenue: "0" }));
  rows[22] = rows[23] = { orders: "100", revenue: "2500" };
  const result = check.evaluate(rows);
  assert.equal(result.ok, true);
  assert.deepEqual([result.latest.start, result.latest.end, result.latest.orders, result.latest.cents], [12, 23, 200, 500000]);
});
