/* The self-check's Chinese texts, loaded by the Chinese page only (each
 * language's page downloads its own texts; inform-self-check.js reads them).
 * {placeholders} are filled in by inform-self-check.js. */
(function (root) {
  "use strict";
  (root.informSelfCheckText = root.informSelfCheckText || {}).zh = {
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
  };
})(this);
