import { describe, expect, test } from "vitest";
import { printable } from "../../src/cli/printable.js";
import { renderColumns, renderCreditMemoTable } from "../../src/cli/table.js";
import { type CreditMemo, decodeCreditMemo, type Order } from "../../src/index.js";

const memoJson = {
  id: "5-1",
  orderId: "5",
  currency: "USD",
  lineItems: [
    {
      lineItemId: "3",
      quantity: 1,
      price: "22.00",
      gross: "22.00",
      discount: "2.20",
      subtotal: "19.80",
      tax: "1.64",
      discountAllocations: [{ title: "SUMMER20", amount: "2.20" }],
      taxLines: [{ title: "State Tax", rate: "0.0825", amount: "1.64" }],
      duties: [{ dutyId: "d1", amount: "0.75", taxLines: [{ title: "VAT", amount: "0.15" }] }],
      total: "22.34",
      restock: "return",
      locationId: "wh-1",
    },
    {
      lineItemId: "4",
      quantity: 12,
      price: "1.00",
      gross: "12.00",
      discount: "0.00",
      subtotal: "12.00",
      tax: "0.00",
      total: "12.00",
    },
  ],
  shipping: { amount: "5.00", tax: "0.40", maximumRefundable: "15.00", lines: [] },
  adjustmentPositive: "1.00",
  adjustmentNegative: "2.00",
  subtotal: "31.80",
  discount: "2.20",
  tax: "2.04",
  duties: "0.90",
  total: "38.74",
  maximumRefundable: "159.37",
  transactions: [
    {
      invoiceId: "inv-1",
      gateway: "banktransfer",
      online: false,
      amount: "30.00",
      maximumRefundable: "30.00",
    },
    {
      invoiceId: "inv-2",
      gateway: null,
      online: true,
      amount: "8.74",
      maximumRefundable: "129.37",
    },
  ],
  reason: "wrong size",
  note: "called",
  notify: false,
  idempotencyKey: "k1",
};

function memo(json: unknown): CreditMemo {
  const decoded = decodeCreditMemo(json);
  if (decoded._tag === "Left") throw new Error(JSON.stringify(decoded.left));
  return decoded.right;
}

describe("renderColumns", () => {
  test("pads columns, right-aligns the numeric ones, trims line ends", () => {
    expect(
      renderColumns(
        [
          ["Item", "Total", "Note"],
          ["3", "21.44", ""],
          ["long-id", "1.00", "x"],
        ],
        [1],
      ),
    ).toBe("Item     Total  Note\n3        21.44\nlong-id   1.00  x");
  });
});

describe("renderCreditMemoTable", () => {
  test("shows lines, shipping, adjustments, totals and transactions", () => {
    expect(renderCreditMemoTable(memo(memoJson))).toBe(
      [
        "Credit memo 5-1 for order 5 (USD)",
        "Reason: wrong size  ·  Note: called  ·  Key: k1  ·  Notify customer: no",
        "",
        "Item  Qty  Price  Gross  Discount  Subtotal   Tax  Duties  Total  Restock",
        "3       1  22.00  22.00      2.20     19.80  1.64    0.90  22.34  return at wh-1",
        "4      12   1.00  12.00      0.00     12.00  0.00    0.00  12.00  no restock",
        "",
        "Shipping       5.00  tax 0.40, refundable before 15.00",
        "Adjustment +   1.00",
        "Adjustment -   2.00",
        "",
        "Subtotal      31.80",
        "Discount       2.20",
        "Tax            2.04",
        "Duties         0.90",
        "Total         38.74  refundable before 159.37",
        "",
        "Transactions",
        "Invoice  Gateway       Online               Amount  Refundable before",
        "inv-1    banktransfer  no (refund by hand)   30.00              30.00",
        "inv-2    -             yes                    8.74             129.37",
        "",
      ].join("\n"),
    );
  });

  test("an amount-only memo says there are no items; a zero memo no transactions", () => {
    const text = renderCreditMemoTable(memo({ ...memoJson, lineItems: [], transactions: [] }));
    expect(text).toContain("\nItems: none\n");
    expect(text).toMatch(/\nTransactions: none\n$/);
  });

  test("a multi-currency memo shows presentment money with shop money in parentheses", () => {
    const bag = (shop: string, presentment: string) => ({ shop, presentment });
    const json = JSON.parse(
      JSON.stringify(memoJson).replace(/"(\d+)\.(\d\d)"/g, (_, w, f) =>
        JSON.stringify(bag(`${w}.${f}`, String(Number(`${w}${f}`)))),
      ),
    );
    const text = renderCreditMemoTable(memo({ ...json, presentmentCurrency: "JPY" }));
    expect(text.split("\n")[0]).toBe("Credit memo 5-1 for order 5 (JPY; USD in parentheses)");
    expect(text).toMatch(/^Total\s+3874 \(38\.74\) {2}refundable before 15937 \(159\.37\)$/m);
    expect(text).toMatch(/^3\s+1\s+2200 \(22\.00\)\s+2200 \(22\.00\)\s+220 \(2\.20\)/m);
  });
});

describe("printable (issue 12: terminal injection)", () => {
  test.each([
    ["wrong size\u001b[2J\u001b[H", "wrong size\\u001b[2J\\u001b[H"], // clear screen
    ["\u001b]0;pwned\u0007", "\\u001b]0;pwned\\u0007"], // window title
    ["3\nTotal  0.00", "3\\nTotal  0.00"], // a forged row
    ["a\r\tb", "a\\r\\tb"],
    ["\u009b31m", "\\u009b31m"], // C1 CSI
    ["abc\u202edcba", "abc\\u202edcba"], // right-to-left override hides text
    ["zero\u200bwidth", "zero\\u200bwidth"],
    ["Größe 42 — 靴", "Größe 42 — 靴"], // printable text is untouched
  ])("%j → %s", (raw, shown) => {
    expect(printable(raw)).toBe(shown);
  });
});

describe("renderCreditMemoTable for a person (issue 14)", () => {
  const order = {
    taxesIncluded: true,
    lineItems: [{ id: "3", title: "Radiant Tee", sku: "MS09-M" }],
  } as unknown as Order;

  test("the Item column names the line's title and SKU; a tax-included order says so", () => {
    const text = renderCreditMemoTable(memo(memoJson), { order });
    expect(text.split("\n")[0]).toBe("Credit memo 5-1 for order 5 (USD; prices include tax)");
    expect(text).toMatch(/^Item +Qty .* Tax incl\. /m);
    expect(text).toMatch(/^3 Radiant Tee, SKU MS09-M {2}\s*1 /m);
    expect(text).toMatch(/^4 {2}/m); // a line the order does not name keeps its id
    expect(text).toMatch(/^Tax \(included\) +2\.04$/m);
  });

  test("escapes control characters in every text taken from the input", () => {
    const hostile = {
      ...memoJson,
      id: "5-1\u001b[2J",
      reason: "\u001b]0;title\u0007",
      note: "hi\u001b[8mhidden",
      idempotencyKey: "k\r",
      lineItems: [
        { ...memoJson.lineItems[0], lineItemId: "3\nTotal  0.00", locationId: "wh\u001b[1m" },
      ],
      transactions: [
        { ...memoJson.transactions[0], invoiceId: "inv\u0007", gateway: "bank\u009b" },
      ],
    };
    const text = renderCreditMemoTable(memo(hostile), {
      order: {
        lineItems: [{ id: "3\nTotal  0.00", title: "T\u001b[31m", sku: "S\n" }],
      } as unknown as Order,
      width: 200,
    });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may be left.
    expect(text.replace(/\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(text).not.toMatch(/^Total {2}0\.00/m); // no forged row
    for (const shown of [
      "5-1\\u001b[2J",
      "\\u001b]0;title\\u0007",
      "hi\\u001b[8mhidden",
      "k\\r",
      "3\\nTotal  0.00 T\\u001b[31m, SKU S\\n",
      "return at wh\\u001b[1m",
      "inv\\u0007",
      "bank\\u009b",
    ]) {
      expect(text).toContain(shown);
    }
  });

  const bag = (shop: string, presentment: string) => ({ shop, presentment });
  /** The memo in JPY with USD shop money (12.00 → 1200 yen). */
  const multi = () => {
    const json = JSON.parse(
      JSON.stringify(memoJson).replace(/"(\d+)\.(\d\d)"/g, (_, w, f) =>
        JSON.stringify(bag(`${w}.${f}`, String(Number(`${w}${f}`)))),
      ),
    );
    return memo({ ...json, presentmentCurrency: "JPY" });
  };

  test("without a width nothing changes: presentment (shop) in one row", () => {
    expect(renderCreditMemoTable(multi())).toBe(renderCreditMemoTable(multi(), {}));
    expect(renderCreditMemoTable(memo(memoJson), { width: 200 })).toBe(
      renderCreditMemoTable(memo(memoJson)),
    );
  });

  test("a multi-currency memo fits 80 columns: the shop money on a row of its own", () => {
    const wide = renderCreditMemoTable(multi());
    expect(Math.max(...wide.split("\n").map((l) => l.length))).toBeGreaterThan(80);
    const text = renderCreditMemoTable(multi(), { order, width: 80 });
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    // line 3: 1 × 2200 yen (22.00 USD), discount 220 (2.20), total 2234 (22.34)
    // Two rows per line are not enough at 80: Gross (Price × Qty) goes, then the text is cut.
    expect(text).toMatch(
      /^Item +Qty +Price +Discount +Subtotal +Tax incl\. +Duties +Total +Restock$/m,
    );
    expect(text).toMatch(/^3 Radia… +1 +2200 +220 +1980 +164 +90 +2234 +return at w…$/m);
    expect(text).toMatch(/^ {2}in USD +22\.00 +2\.20 +19\.80 +1\.64 +0\.90 +22\.34$/m);
  });

  test("narrower: columns of zeros go, then Gross (Price × Qty), then text is cut with an ellipsis", () => {
    const zeroDuties = memo({
      ...memoJson,
      lineItems: memoJson.lineItems.map((l) => ({ ...l, duties: [] })),
    });
    const items = (width: number) =>
      renderCreditMemoTable(zeroDuties, { order, width }).split("\n\n")[1] ?? "";
    expect(items(200)).toContain("Duties");
    expect(items(100)).not.toContain("Duties");
    expect(items(100)).toContain("Gross");
    expect(items(90)).not.toContain("Gross");
    expect(items(90)).toMatch(/^3 Radiant Tee, SKU MS09… +1 /m);
    expect(items(80)).toMatch(
      /^3 Radiant Tee… +1 +22\.00 +2\.20 +19\.80 +1\.64 +22\.34 +return at wh-1$/m,
    );
    expect(items(70)).toMatch(/^3 Radia… +1 .* return at…$/m);
    for (const w of [90, 80, 70, 60]) {
      for (const line of items(w).split("\n")) expect(line.length).toBeLessThanOrEqual(w);
    }
  });

  test("a very narrow terminal gets one block per line, every amount still there", () => {
    const text = renderCreditMemoTable(memo(memoJson), { order, width: 40 });
    const items = text.split("\n\n")[1] ?? "";
    expect(items.split("\n")).toEqual([
      "3 Radiant Tee, SKU MS09-M · return at",
      "wh-1",
      "  Qty 1  Price 22.00  Gross 22.00",
      "  Discount 2.20  Subtotal 19.80",
      "  Tax incl. 1.64  Duties 0.90",
      "  Total 22.34",
      "4 · no restock",
      "  Qty 12  Price 1.00  Gross 12.00",
      "  Discount 0.00  Subtotal 12.00",
      "  Tax incl. 0.00  Duties 0.00",
      "  Total 12.00",
    ]);
    for (const line of text.split("\n")) {
      if (!/^(Shipping|Total|Credit|Reason|Invoice|inv-)/.test(line))
        expect(line.length).toBeLessThanOrEqual(40);
    }
  });
});
