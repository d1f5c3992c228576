import { describe, expect, test } from "vitest";
import { decodeOrder, encodeOrder, type Order } from "../../src/index.js";
import { pathOf } from "./helpers.js";

/** The order of spec §2, as JSON. */
const specOrder = {
  id: "5",
  currency: "USD",
  presentmentCurrency: "USD",
  taxesIncluded: false,
  lineItems: [
    {
      id: "3",
      sku: "MS09-M-Orange",
      title: "Radiant Tee-M-Orange",
      quantity: 2,
      price: "22.00",
      discountAllocations: [{ amount: "4.40", title: "SUMMER20" }],
      taxLines: [{ title: "State Tax", rate: "0.0825", amount: "3.27" }],
      duties: [{ id: "d1", amount: "1.50", taxLines: [] }],
      fulfilledQuantity: 2,
    },
  ],
  shippingLines: [
    { id: "s1", title: "Table Rate", price: "15.00", discountAllocations: [], taxLines: [] },
  ],
  invoices: [{ id: "inv-1", amount: "59.37", gateway: "banktransfer", online: false }],
  refunds: [],
};

const bag = (minor: bigint) => ({ shop: minor, presentment: minor });

const specOrderDecoded: Order = {
  id: "5",
  currency: "USD",
  presentmentCurrency: "USD",
  taxesIncluded: false,
  lineItems: [
    {
      id: "3",
      sku: "MS09-M-Orange",
      title: "Radiant Tee-M-Orange",
      quantity: 2,
      price: bag(2200n),
      discountAllocations: [{ amount: bag(440n), title: "SUMMER20" }],
      taxLines: [{ title: "State Tax", rate: "0.0825", amount: bag(327n) }],
      duties: [{ id: "d1", amount: bag(150n), taxLines: [] }],
      fulfilledQuantity: 2,
    },
  ],
  shippingLines: [
    { id: "s1", title: "Table Rate", price: bag(1500n), discountAllocations: [], taxLines: [] },
  ],
  invoices: [{ id: "inv-1", amount: bag(5937n), gateway: "banktransfer", online: false }],
  refunds: [],
};

const errorsOf = (json: unknown) => {
  const result = decodeOrder(json);
  return result._tag === "Left" ? result.left : [];
};
const pathsOf = (json: unknown) => errorsOf(json).map((e) => `${e.code} ${pathOf(e)}`);

describe("decodeOrder", () => {
  test("reads the order of spec §2", () => {
    expect(decodeOrder(specOrder)).toEqual({ _tag: "Right", right: specOrderDecoded });
  });

  test("writes it back as the same JSON", () => {
    expect(encodeOrder(specOrderDecoded)).toEqual(specOrder);
  });

  test("fills the defaults of §2", () => {
    const result = decodeOrder({
      id: "7",
      currency: "EUR",
      lineItems: [{ id: "1", quantity: 3, price: "1.00" }],
      shippingLines: [{ id: "s", price: "2.00" }],
      invoices: [{ id: "i", amount: "5.00", online: true }],
    });
    expect(result).toEqual({
      _tag: "Right",
      right: {
        id: "7",
        currency: "EUR",
        presentmentCurrency: "EUR",
        taxesIncluded: false,
        lineItems: [
          {
            id: "1",
            quantity: 3,
            price: bag(100n),
            discountAllocations: [],
            taxLines: [],
            duties: [],
            fulfilledQuantity: 3,
          },
        ],
        shippingLines: [{ id: "s", price: bag(200n), discountAllocations: [], taxLines: [] }],
        invoices: [{ id: "i", amount: bag(500n), online: true }],
        refunds: [],
      },
    });
  });

  test("optional strings stay absent (not undefined) when absent or null", () => {
    const result = decodeOrder({
      id: "7",
      currency: "USD",
      lineItems: [{ id: "1", quantity: 1, price: "1.00", sku: null, title: null }],
      invoices: [{ id: "i", amount: "1.00", online: true, gateway: null }],
    });
    expect(result._tag).toBe("Right");
    if (result._tag !== "Right") return;
    expect(Object.keys(result.right.lineItems[0] ?? {})).not.toContain("sku");
    expect(Object.keys(result.right.lineItems[0] ?? {})).not.toContain("title");
    expect(Object.keys(result.right.invoices[0] ?? {})).not.toContain("gateway");
    expect(Object.keys(encodeOrder(result.right)["invoices"] as object[])).toHaveLength(1);
  });

  test("ignores unknown keys", () => {
    const result = decodeOrder({
      ...specOrder,
      email: "a@b.c",
      lineItems: [{ ...specOrder.lineItems[0], vendor: "x" }],
    });
    expect(result).toEqual({ _tag: "Right", right: specOrderDecoded });
  });

  test("reads a multi-currency order: every amount a bag of two currencies", () => {
    const result = decodeOrder({
      id: "9",
      currency: "USD",
      presentmentCurrency: "JPY",
      lineItems: [
        {
          id: "1",
          quantity: 1,
          price: { shop: "10.00", presentment: "1500" },
          discountAllocations: [{ amount: { shop: "1.00", presentment: 150 } }],
        },
      ],
      invoices: [{ id: "i", amount: { shop: "9.00", presentment: "1350" }, online: true }],
    });
    expect(result._tag === "Right" && result.right.lineItems[0]).toMatchObject({
      price: { shop: 1000n, presentment: 1500n },
      discountAllocations: [{ amount: { shop: 100n, presentment: 150n } }],
    });
    if (result._tag === "Right") {
      expect(encodeOrder(result.right)["invoices"]).toEqual([
        { id: "i", amount: { shop: "9.00", presentment: "1350" }, online: true },
      ]);
    }
  });

  test("a plain amount on a multi-currency order, and each bad side, are invalid input", () => {
    const errors = errorsOf({
      id: "9",
      currency: "USD",
      presentmentCurrency: "EUR",
      lineItems: [
        { id: "1", quantity: 1, price: "10.00" },
        { id: "2", quantity: 1, price: { shop: "10.001", presentment: "x" } },
        { id: "3", quantity: 1, price: { shop: "1.00" } },
      ],
    });
    expect(errors.map((e) => pathOf(e))).toEqual([
      "lineItems[0].price",
      "lineItems[1].price.shop",
      "lineItems[1].price.presentment",
      "lineItems[2].price.presentment",
    ]);
    expect(errors[0]?.message).toBe(
      'The value at lineItems[0].price must be an amount in both currencies such as {"shop": "19.99", "presentment": "19.99"} (shop in USD, presentment in EUR): this order is in two currencies, so a plain amount cannot say which one it is in.',
    );
    expect(errors[1]?.message).toContain("(USD)");
    expect(errors[2]?.message).toContain("(EUR)");
  });

  test("a bag on a single-currency order is invalid input", () => {
    expect(
      pathsOf({
        id: "1",
        currency: "USD",
        lineItems: [{ id: "1", quantity: 1, price: { shop: "1.00", presentment: "1.00" } }],
      }),
    ).toEqual(["INVALID_INPUT lineItems[0].price"]);
  });

  test("currency codes must be known", () => {
    expect(pathsOf({ id: "1", currency: "XXY" })).toEqual(["INVALID_INPUT currency"]);
    expect(pathsOf({ id: "1", currency: "usd" })).toEqual(["INVALID_INPUT currency"]);
    expect(pathsOf({ id: "1", currency: "USD", presentmentCurrency: "EURO" })).toEqual([
      "INVALID_INPUT presentmentCurrency",
    ]);
    expect(errorsOf({ id: "1", currency: "XXY" })[0]?.message).toBe(
      'The value at currency must be a known ISO 4217 currency code such as "USD" (codes are upper case); "XXY" is not one.',
    );
  });

  test("with an unknown currency, amounts are still checked for their shape", () => {
    expect(
      pathsOf({
        id: "1",
        currency: "XXY",
        lineItems: [
          { id: "1", quantity: 1, price: "1.2345" },
          { id: "2", quantity: 1, price: "abc" },
        ],
      }),
    ).toEqual(["INVALID_INPUT currency", "INVALID_INPUT lineItems[1].price"]);
  });

  test("an invalid currency code is reported once, whichever form the amounts take", () => {
    const line = (price: unknown) => ({ id: "1", quantity: 1, price });
    expect(
      pathsOf({ id: "1", currency: "usd", presentmentCurrency: "USD", lineItems: [line("1.00")] }),
    ).toEqual(["INVALID_INPUT currency"]);
    expect(
      pathsOf({
        id: "1",
        currency: "USD",
        presentmentCurrency: "EURO",
        lineItems: [
          line({ shop: "1.00", presentment: "0.90" }),
          line("1.00"),
          line({ shop: "1.001", presentment: "1" }),
        ],
      }),
    ).toEqual(["INVALID_INPUT presentmentCurrency", "INVALID_INPUT lineItems[2].price.shop"]);
  });

  test.each([
    [{ quantity: 0 }, "lineItems[0].quantity"],
    [{ quantity: 1.5 }, "lineItems[0].quantity"],
    [{ quantity: -1 }, "lineItems[0].quantity"],
    [{ quantity: "2" }, "lineItems[0].quantity"],
    [{ quantity: 2 ** 53 }, "lineItems[0].quantity"],
    [{ fulfilledQuantity: 3 }, "lineItems[0].fulfilledQuantity"],
    [{ fulfilledQuantity: -1 }, "lineItems[0].fulfilledQuantity"],
    [{ fulfilledQuantity: 0.5 }, "lineItems[0].fulfilledQuantity"],
    [{ id: 3 }, "lineItems[0].id"],
    [{ id: "" }, "lineItems[0].id"],
    [{ sku: 12 }, "lineItems[0].sku"],
    [{ discountAllocations: {} }, "lineItems[0].discountAllocations"],
    [{ discountAllocations: [{ title: "x" }] }, "lineItems[0].discountAllocations[0].amount"],
    [{ taxLines: [{ amount: "1.00" }] }, "lineItems[0].taxLines[0].title"],
    [{ taxLines: [{ title: "t", rate: 0.06, amount: "1.00" }] }, "lineItems[0].taxLines[0].rate"],
    [
      { duties: [{ id: "d", amount: "1.00", taxLines: [{ title: "t", amount: "x" }] }] },
      "lineItems[0].duties[0].taxLines[0].amount",
    ],
  ])("an order line with %j is invalid at %s", (change, path) => {
    const json = {
      id: "1",
      currency: "USD",
      lineItems: [{ id: "1", quantity: 2, price: "1.00", ...change }],
    };
    expect(pathsOf(json)).toEqual([`INVALID_INPUT ${path}`]);
  });

  test("fulfilledQuantity above quantity names the quantity", () => {
    const errors = errorsOf({
      id: "1",
      currency: "USD",
      lineItems: [{ id: "1", quantity: 2, price: "1.00", fulfilledQuantity: 3 }],
    });
    expect(errors[0]?.message).toBe(
      "The value at lineItems[0].fulfilledQuantity must be a whole number from 0 to the line's quantity (2).",
    );
  });

  test("ids are strings: a numeric id says to quote it", () => {
    expect(errorsOf({ id: 450789469, currency: "USD" })[0]?.message).toBe(
      'The value at id must be a string: write the id in quotes, such as "450789469".',
    );
  });

  test.each([
    [{ taxesIncluded: "yes" }, "taxesIncluded"],
    [{ lineItems: {} }, "lineItems"],
    [{ shippingLines: [{ price: "1.00" }] }, "shippingLines[0].id"],
    [
      { shippingLines: [{ id: "s", price: "1.00", taxLines: [{ title: "t", amount: "-1" }] }] },
      "shippingLines[0].taxLines[0].amount",
    ],
    [{ invoices: [{ id: "i", amount: "1.00" }] }, "invoices[0].online"],
    [{ invoices: [{ id: "i", amount: "1.00", online: "false" }] }, "invoices[0].online"],
    [{ invoices: [{ id: "i", amount: "1.00", online: true, gateway: 1 }] }, "invoices[0].gateway"],
    [{ refunds: [{}] }, "refunds[0].id"],
  ])("%j is invalid at %s", (change, path) => {
    expect(pathsOf({ id: "1", currency: "USD", ...change })[0]).toBe(`INVALID_INPUT ${path}`);
  });

  test("accumulates every problem, one error each", () => {
    expect(
      pathsOf({
        currency: "USD",
        lineItems: [
          { id: "1", quantity: 1, price: "1.001" },
          { id: "2", quantity: 0, price: "1.00" },
          { id: "3", quantity: 1, price: "1.00" },
        ],
        invoices: [{ id: "i", amount: "x", online: 1 }],
      }),
    ).toEqual([
      "INVALID_INPUT id",
      "INVALID_INPUT lineItems[0].price",
      "INVALID_INPUT lineItems[1].quantity",
      "INVALID_INPUT invoices[0].amount",
      "INVALID_INPUT invoices[0].online",
    ]);
  });

  test("the input itself must be an object", () => {
    for (const json of [null, [], "order", 5, true, undefined]) {
      expect(pathsOf(json)).toEqual(["INVALID_INPUT "]);
    }
    expect(errorsOf([])[0]?.message).toMatch(/^The input must be an order \(a JSON object/);
  });
});
