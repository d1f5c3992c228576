import { describe, expect, test } from "vitest";
import { renderColumns, renderCreditMemoTable } from "../../src/cli/table.js";
import { type CreditMemo, decodeCreditMemo } from "../../src/index.js";

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
