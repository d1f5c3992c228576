/**
 * §2 INCONSISTENT_ORDER, one defect at a time: a consistent order with a
 * history written by `applyRefund`, then exactly one contradiction injected
 * at a second position (index 1, so that an index off by one shows); the
 * engine must report exactly that contradiction, at its path.
 */
import { describe, expect, it } from "vitest";
import { applyRefund } from "../../src/applyRefund.js";
import { calculate } from "../../src/calculate.js";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import { orderAfterAll } from "../support/apply.js";
import {
  dec,
  discount,
  duty,
  invoice,
  line,
  order,
  request,
  shippingLine,
  tax,
} from "../support/builders.js";

/** Two lines, two shipping lines, two invoices, every list with a second entry. */
const fresh = order({
  id: "o",
  lineItems: [
    line("a", 2, "10.00", { taxLines: [tax("1.00")] }),
    line("b", 4, "10.00", {
      discountAllocations: [discount("1.00", "D0"), discount("2.00", "D1")],
      taxLines: [tax("0.40", "T0"), tax("0.80", "T1")],
      duties: [duty("d0", "1.00", [tax("0.10")]), duty("d1", "2.00", [tax("0.20"), tax("0.40")])],
      fulfilledQuantity: 2,
    }),
  ],
  shippingLines: [
    shippingLine("s0", "5.00"),
    shippingLine("s1", "6.00", {
      discountAllocations: [discount("1.00")],
      taxLines: [tax("0.50"), tax("0.30")],
    }),
  ],
  invoices: [invoice("i0", "10.00"), invoice("i1", "100.00")],
});

/** `fresh` after two refunds: line b partly (with duties, returned and cancelled), all shipping. */
function withHistory(): Order {
  const steps: RefundRequest[] = [
    request({
      lineItems: [
        { lineItemId: "a", quantity: 1, restock: "no_restock" },
        { lineItemId: "b", quantity: 1, restock: "return" },
      ],
      refundDuties: true,
      shipping: { fullRefund: false, amount: dec("3.00") },
    }),
    request({
      lineItems: [{ lineItemId: "b", quantity: 1, restock: "cancel" }],
      refundDuties: true,
      shipping: { fullRefund: true },
    }),
  ];
  return orderAfterAll(fresh, steps);
}

/** A copy of an order to break: defects poke at any field, whatever its type. */
// biome-ignore lint/suspicious/noExplicitAny: a draft is deliberately untyped
type Draft = any;

/** A deep copy of `o` changed by `change`. */
function broken(o: Order, change: (draft: Draft) => void): Order {
  const draft = structuredClone(o);
  change(draft);
  return draft;
}

/** The [code, path] of every error calculate reports. */
function reported(o: Order): [string, string | undefined][] {
  const result = calculate(o, request({ amount: dec("0.01"), currency: o.presentmentCurrency }));
  if (result._tag === "Right") return [];
  return result.left.map((e) => [e.code, "path" in e ? e.path : undefined]);
}

/** The messages (pinned by snapshot: a support agent reads them). */
function messages(o: Order): string[] {
  const result = calculate(o, request({ amount: dec("0.01"), currency: o.presentmentCurrency }));
  return result._tag === "Right" ? [] : result.left.map((e) => e.message);
}

const inconsistent = (path: string): [string, string][] => [["INCONSISTENT_ORDER", path]];

describe("the base orders are consistent", () => {
  it("with and without history", () => {
    expect(reported(fresh)).toEqual([]);
    expect(reported(withHistory())).toEqual([]);
    expect(withHistory().refunds).toHaveLength(2);
  });
});

describe("the order itself", () => {
  const o = fresh;
  it.each([
    ["lineItems[1].id", (d: Draft) => (d.lineItems[1].id = "a")],
    ["shippingLines[1].id", (d: Draft) => (d.shippingLines[1].id = "s0")],
    ["invoices[1].id", (d: Draft) => (d.invoices[1].id = "i0")],
    ["duties[1].id", (d: Draft) => (d.lineItems[1].duties[1].id = "d0")],
    [
      "lineItems[1].price",
      (d: Draft) => (d.lineItems[1].price = { shop: 1001n, presentment: 1000n }),
    ],
    [
      "lineItems[1].discountAllocations[1].amount",
      (d: Draft) =>
        (d.lineItems[1].discountAllocations[1].amount = { shop: -1n, presentment: -1n }),
    ],
    [
      "lineItems[1].taxLines[1].amount",
      (d: Draft) => (d.lineItems[1].taxLines[1].amount = { shop: -1n, presentment: -1n }),
    ],
    [
      "lineItems[1].duties[1].amount",
      (d: Draft) => (d.lineItems[1].duties[1].amount = { shop: 1n, presentment: -1n }),
    ],
    [
      "lineItems[1].duties[1].taxLines[1].amount",
      (d: Draft) => (d.lineItems[1].duties[1].taxLines[1].amount = { shop: 5n, presentment: 4n }),
    ],
    [
      "shippingLines[1].discountAllocations[0].amount",
      (d: Draft) =>
        (d.shippingLines[1].discountAllocations[0].amount = { shop: 0n, presentment: -1n }),
    ],
    [
      "shippingLines[1].taxLines[1].amount",
      (d: Draft) => (d.shippingLines[1].taxLines[1].amount = { shop: -1n, presentment: -1n }),
    ],
    ["invoices[1].amount", (d: Draft) => (d.invoices[1].amount = { shop: -1n, presentment: -1n })],
    ["lineItems[1].quantity", (d: Draft) => (d.lineItems[1].quantity = 0)],
    ["lineItems[1].fulfilledQuantity", (d: Draft) => (d.lineItems[1].fulfilledQuantity = 5)],
    [
      "lineItems[1].discountAllocations",
      (d: Draft) =>
        (d.lineItems[1].discountAllocations[1].amount = { shop: 3901n, presentment: 3901n }),
    ],
    [
      "shippingLines[1].discountAllocations",
      (d: Draft) =>
        (d.shippingLines[1].discountAllocations[0].amount = { shop: 601n, presentment: 601n }),
    ],
  ])("%s", (path, change) => {
    const b = broken(o, change);
    expect(reported(b)).toEqual(inconsistent(path));
    expect(messages(b)).toMatchSnapshot();
  });

  it("a negative price also puts the discounts above the gross", () => {
    const b = broken(o, (d) => (d.shippingLines[1].price = { shop: -1n, presentment: -1n }));
    expect(reported(b)).toEqual([
      ["INCONSISTENT_ORDER", "shippingLines[1].price"],
      ["INCONSISTENT_ORDER", "shippingLines[1].discountAllocations"],
    ]);
  });

  it("discounts equal to the gross (100 % off) and fulfilled = quantity are consistent", () => {
    const b = broken(o, (d) => {
      d.lineItems[1].discountAllocations[1].amount = { shop: 3900n, presentment: 3900n };
      d.shippingLines[1].discountAllocations[0].amount = { shop: 600n, presentment: 600n };
      d.lineItems[1].fulfilledQuantity = 4;
    });
    expect(reported(b)).toEqual([]);
  });

  it("quantities that are not whole counts", () => {
    for (const q of [-1, 1.5, Number.NaN]) {
      expect(reported(broken(o, (d) => (d.lineItems[1].quantity = q)))).toEqual(
        inconsistent("lineItems[1].quantity"),
      );
      expect(reported(broken(o, (d) => (d.lineItems[1].fulfilledQuantity = q)))).toEqual(
        inconsistent("lineItems[1].fulfilledQuantity"),
      );
    }
  });

  it("a multi-currency order may have different sides, each side checked on its own", () => {
    const multi = broken(o, (d) => {
      d.presentmentCurrency = "EUR";
      d.lineItems[1].price = { shop: 1000n, presentment: 900n };
    });
    expect(reported(multi)).toEqual([]);
    const overOnOneSide = broken(
      multi,
      (d) => (d.lineItems[1].discountAllocations[1].amount = { shop: 100n, presentment: 3501n }),
    );
    expect(reported(overOnOneSide)).toEqual(inconsistent("lineItems[1].discountAllocations"));
    const shippingOverOnShop = broken(
      multi,
      (d) => (d.shippingLines[1].discountAllocations[0].amount = { shop: 601n, presentment: 1n }),
    );
    expect(reported(shippingOverOnShop)).toEqual(
      inconsistent("shippingLines[1].discountAllocations"),
    );
  });

  it("unknown currencies are INVALID_INPUT", () => {
    expect(reported(broken(o, (d) => (d.currency = "ZZZ")))).toEqual(
      [["INVALID_INPUT", "currency"]].concat(
        // the sides now differ in currency, so no single-currency check applies
        [],
      ),
    );
    expect(reported(broken(o, (d) => (d.presentmentCurrency = "ZZZ")))).toEqual([
      ["INVALID_INPUT", "presentmentCurrency"],
    ]);
  });
});

describe("the history", () => {
  it.each([
    ["refunds[1].currency", (d: Draft) => (d.refunds[1].currency = "EUR")],
    ["refunds[1].currency", (d: Draft) => (d.refunds[1].presentmentCurrency = "EUR")],
    [
      "refunds[1].lineItems[0].lineItemId",
      (d: Draft) => (d.refunds[1].lineItems[0].lineItemId = "zz"),
    ],
    ["refunds[0].lineItems[1].quantity", (d: Draft) => (d.refunds[0].lineItems[1].quantity = 0.5)],
    [
      "refunds[0].lineItems[1].discountAllocations",
      (d: Draft) =>
        d.refunds[0].lineItems[1].discountAllocations.push({
          amount: { shop: 0n, presentment: 0n },
        }),
    ],
    [
      "refunds[0].lineItems[1].taxLines",
      (d: Draft) =>
        d.refunds[0].lineItems[1].taxLines.push({
          title: "x",
          amount: { shop: 0n, presentment: 0n },
        }),
    ],
    [
      "refunds[1].lineItems[0].duties[1].dutyId",
      (d: Draft) => (d.refunds[1].lineItems[0].duties[1].dutyId = "zz"),
    ],
    [
      "refunds[1].shipping.lines[1].shippingLineId",
      (d: Draft) => (d.refunds[1].shipping.lines[1].shippingLineId = "zz"),
    ],
    [
      "refunds[1].transactions[0].invoiceId",
      (d: Draft) => (d.refunds[1].transactions[0].invoiceId = "zz"),
    ],
    [
      "refunds[0].lineItems[1].discountAllocations[1].amount",
      (d: Draft) =>
        (d.refunds[0].lineItems[1].discountAllocations[1].amount = { shop: -1n, presentment: -1n }),
    ],
    [
      "refunds[0].lineItems[1].taxLines[1].amount",
      (d: Draft) => (d.refunds[0].lineItems[1].taxLines[1].amount = { shop: 0n, presentment: -1n }),
    ],
    [
      "refunds[0].lineItems[1].duties[1].amount",
      (d: Draft) => (d.refunds[0].lineItems[1].duties[1].amount = { shop: -1n, presentment: 0n }),
    ],
    [
      "refunds[0].lineItems[1].duties[1].taxLines[1].amount",
      (d: Draft) =>
        (d.refunds[0].lineItems[1].duties[1].taxLines[1].amount = { shop: -1n, presentment: -1n }),
    ],
    [
      "refunds[0].shipping.lines[1].amount",
      (d: Draft) => (d.refunds[0].shipping.lines[1].amount = { shop: -1n, presentment: -1n }),
    ],
    [
      "refunds[1].shipping.lines[1].taxLines[1].amount",
      (d: Draft) =>
        (d.refunds[1].shipping.lines[1].taxLines[1].amount = { shop: -1n, presentment: -1n }),
    ],
    [
      "refunds[1].transactions[0].amount",
      (d: Draft) => (d.refunds[1].transactions[0].amount = { shop: -1n, presentment: -1n }),
    ],
    [
      "refunds[1].adjustmentPositive",
      (d: Draft) => (d.refunds[1].adjustmentPositive = { shop: -1n, presentment: -1n }),
    ],
    [
      "refunds[1].adjustmentNegative",
      (d: Draft) => (d.refunds[1].adjustmentNegative = { shop: 0n, presentment: -1n }),
    ],
    ["refunds[1].id", (d: Draft) => (d.refunds[1].id = d.refunds[0].id)],
    [
      "lineItems[1].quantity",
      (d: Draft) =>
        Object.assign(d.refunds[1].lineItems[0], { quantity: 4, restock: "no_restock" }),
    ],
    ["lineItems[1].fulfilledQuantity", (d: Draft) => (d.refunds[0].lineItems[1].quantity = 3)],
    ["lineItems[1].fulfilledQuantity", (d: Draft) => (d.refunds[1].lineItems[0].quantity = 3)],
    [
      "lineItems[1].discountAllocations[1]",
      (d: Draft) =>
        (d.refunds[1].lineItems[0].discountAllocations[1].amount = {
          shop: 2000n,
          presentment: 2000n,
        }),
    ],
    [
      "lineItems[1].taxLines[1]",
      (d: Draft) =>
        (d.refunds[1].lineItems[0].taxLines[1].amount = { shop: 100n, presentment: 100n }),
    ],
    [
      "lineItems[1].duties[1]",
      (d: Draft) =>
        (d.refunds[1].lineItems[0].duties[1].amount = { shop: 200n, presentment: 200n }),
    ],
    [
      "lineItems[1].duties[1].taxLines[1]",
      (d: Draft) =>
        (d.refunds[1].lineItems[0].duties[1].taxLines[1].amount = { shop: 40n, presentment: 40n }),
    ],
    [
      "shippingLines[1]",
      (d: Draft) => (d.refunds[1].shipping.lines[1].amount = { shop: 600n, presentment: 600n }),
    ],
    [
      "shippingLines[1].taxLines[1]",
      (d: Draft) =>
        (d.refunds[1].shipping.lines[1].taxLines[1].amount = { shop: 30n, presentment: 30n }),
    ],
    [
      "invoices[1].amount",
      (d: Draft) =>
        (d.refunds[1].transactions[0] = {
          ...d.refunds[1].transactions[0],
          invoiceId: "i1",
          amount: { shop: 10001n, presentment: 10001n },
        }),
    ],
  ])("%s", (path, change) => {
    const b = broken(withHistory(), change);
    expect(reported(b)).toEqual(inconsistent(path));
    expect(messages(b)).toMatchSnapshot();
  });

  it("a memo with no duties listed reads as none refunded", () => {
    const b = broken(withHistory(), (d) => (d.refunds[0].lineItems[1].duties = []));
    expect(reported(b)).toEqual([]);
  });
});

describe("one element of each kind: a single bad amount is found wherever it is", () => {
  const solo = order({
    id: "o",
    lineItems: [
      line("a", 2, "10.00", {
        discountAllocations: [discount("1.00")],
        taxLines: [tax("1.00")],
        duties: [duty("d", "1.00", [tax("0.10")])],
      }),
    ],
    shippingLines: [
      shippingLine("s", "5.00", {
        discountAllocations: [discount("1.00")],
        taxLines: [tax("0.50")],
      }),
    ],
    invoices: [invoice("i", "30.00")],
  });
  const minus = { shop: -1n, presentment: -1n };
  it.each([
    [
      "lineItems[0].discountAllocations[0].amount",
      (d: Draft) => (d.lineItems[0].discountAllocations[0].amount = minus),
    ],
    ["lineItems[0].taxLines[0].amount", (d: Draft) => (d.lineItems[0].taxLines[0].amount = minus)],
    ["lineItems[0].duties[0].amount", (d: Draft) => (d.lineItems[0].duties[0].amount = minus)],
    [
      "lineItems[0].duties[0].taxLines[0].amount",
      (d: Draft) => (d.lineItems[0].duties[0].taxLines[0].amount = minus),
    ],
    [
      "shippingLines[0].discountAllocations[0].amount",
      (d: Draft) => (d.shippingLines[0].discountAllocations[0].amount = minus),
    ],
    [
      "shippingLines[0].taxLines[0].amount",
      (d: Draft) => (d.shippingLines[0].taxLines[0].amount = minus),
    ],
    ["invoices[0].amount", (d: Draft) => (d.invoices[0].amount = minus)],
  ])("%s", (path, change) => {
    expect(reported(broken(solo, change))).toEqual(inconsistent(path));
  });
  it.each([
    ["lineItems[0].price", (d: Draft) => (d.lineItems[0].price = minus)],
    ["shippingLines[0].price", (d: Draft) => (d.shippingLines[0].price = minus)],
  ])("%s (and the discounts above it)", (path, change) => {
    expect(reported(broken(solo, change))[0]).toEqual(["INCONSISTENT_ORDER", path]);
  });

  function soloHistory(): Order {
    const applied = applyRefund(
      solo,
      request({
        lineItems: [{ lineItemId: "a", quantity: 1, restock: "no_restock" }],
        refundDuties: true,
        shipping: { fullRefund: true },
      }),
    );
    if (applied._tag === "Left") throw new Error(JSON.stringify(applied.left));
    return applied.right.order;
  }
  it.each([
    [
      "refunds[0].lineItems[0].discountAllocations[0].amount",
      (d: Draft) => (d.refunds[0].lineItems[0].discountAllocations[0].amount = minus),
    ],
    [
      "refunds[0].lineItems[0].taxLines[0].amount",
      (d: Draft) => (d.refunds[0].lineItems[0].taxLines[0].amount = minus),
    ],
    [
      "refunds[0].lineItems[0].duties[0].amount",
      (d: Draft) => (d.refunds[0].lineItems[0].duties[0].amount = minus),
    ],
    [
      "refunds[0].lineItems[0].duties[0].taxLines[0].amount",
      (d: Draft) => (d.refunds[0].lineItems[0].duties[0].taxLines[0].amount = minus),
    ],
    [
      "refunds[0].shipping.lines[0].amount",
      (d: Draft) => (d.refunds[0].shipping.lines[0].amount = minus),
    ],
    [
      "refunds[0].shipping.lines[0].taxLines[0].amount",
      (d: Draft) => (d.refunds[0].shipping.lines[0].taxLines[0].amount = minus),
    ],
    [
      "refunds[0].transactions[0].amount",
      (d: Draft) => (d.refunds[0].transactions[0].amount = minus),
    ],
    ["refunds[0].adjustmentPositive", (d: Draft) => (d.refunds[0].adjustmentPositive = minus)],
    ["refunds[0].adjustmentNegative", (d: Draft) => (d.refunds[0].adjustmentNegative = minus)],
  ])("history: %s", (path, change) => {
    expect(reported(broken(soloHistory(), change))).toEqual(inconsistent(path));
  });
});
