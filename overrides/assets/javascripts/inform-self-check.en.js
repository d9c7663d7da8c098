/* The self-check's English texts, loaded by the English page only (each
 * language's page downloads its own texts; inform-self-check.js reads them).
 * {placeholders} are filled in by inform-self-check.js. */
(function (root) {
  "use strict";
  (root.informSelfCheckText = root.informSelfCheckText || {}).en = {
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
  };
})(this);
