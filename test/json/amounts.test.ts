import { describe, expect, test } from "vitest";
import { decodeOrder, decodeRefundRequest, encodeOrder } from "../../src/index.js";
import { pathOf } from "./helpers.js";

/** An order in `currency` with one line priced `price` (any JSON value). */
const orderWithPrice = (price: unknown, currency = "USD") => ({
  id: "1",
  currency,
  lineItems: [{ id: "a", quantity: 1, price }],
});

const priceOf = (price: unknown, currency = "USD") => {
  const result = decodeOrder(orderWithPrice(price, currency));
  return result._tag === "Right" ? result.right.lineItems[0]?.price : result.left;
};

describe("amounts on an order (§1)", () => {
  test.each([
    ["19.99", "USD", 1999n],
    ["19.9", "USD", 1990n],
    ["19", "USD", 1900n],
    ["0", "USD", 0n],
    ["0.05", "USD", 5n],
    ["1000", "JPY", 1000n],
    ["1.250", "KWD", 1250n],
    ["1.25", "KWD", 1250n],
    ["1000000000000000.00", "USD", 10n ** 17n],
    ["10000000000000000.00", "USD", 10n ** 18n],
    ["999999999999999999", "JPY", 999_999_999_999_999_999n],
  ])("%s %s is %s minor units on both sides", (text, currency, minor) => {
    expect(priceOf(text, currency)).toEqual({ shop: minor, presentment: minor });
  });

  test.each([
    [19.99, "USD", 1999n],
    [22, "USD", 2200n],
    [0.1, "USD", 10n],
    [1.25, "KWD", 1250n],
    [9007199254740991, "JPY", 9007199254740991n],
    [9007199254740.99, "USD", 900719925474099n],
  ])("the JSON number %s in %s is read by its shortest decimal form", (value, currency, minor) => {
    expect(priceOf(value, currency)).toEqual({ shop: minor, presentment: minor });
  });

  test("writing gives exactly the currency's fraction digits", () => {
    const json = (price: string, currency: string) => {
      const order = decodeOrder(orderWithPrice(price, currency));
      if (order._tag === "Left") throw new Error("fixture");
      const lines = encodeOrder(order.right).lineItems;
      return lines[0]?.price;
    };
    expect(json("5", "USD")).toBe("5.00");
    expect(json("1000", "JPY")).toBe("1000");
    expect(json("1.25", "KWD")).toBe("1.250");
    expect(json("0.5", "BHD")).toBe("0.500");
    expect(json("10000000000000000", "USD")).toBe("10000000000000000.00");
  });

  test("more fraction digits than the currency has are refused, never rounded", () => {
    expect(priceOf("1.234")).toEqual([
      {
        code: "INVALID_INPUT",
        path: "lineItems[0].price",
        message:
          'The value at lineItems[0].price has 3 fraction digits but USD has at most 2 fraction digits; amounts are never rounded, so write it as a decimal amount such as "19.99" with at most 2 fraction digits (USD).',
      },
    ]);
    expect(priceOf("1.5", "JPY")).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          'but JPY has no fraction digits; amounts are never rounded, so write it as a decimal amount such as "1999" with no fraction digits (JPY)',
        ),
      }),
    ]);
    expect(priceOf(1.5, "JPY")).toEqual([expect.objectContaining({ path: "lineItems[0].price" })]);
    expect(priceOf("1.2345", "KWD")).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("at most 3 fraction digits (KWD)"),
      }),
    ]);
  });

  test.each([
    ["-1.00", "must not be negative"],
    [-1, "must not be negative"],
    ["1e3", 'must be a decimal amount such as "19.99" with at most 2 fraction digits (USD)'],
    [1e21, "needs exponent notation; write it as a string"],
    [1e-7, "needs exponent notation; write it as a string"],
    [Number.POSITIVE_INFINITY, "too large to be read; write it as a string"],
    [Number("12345678901234567"), "too many digits to be exact; write it as a string"],
    // Written as a string it would still have 17 fraction digits: the message says to round it (issue 12).
    [
      0.1 + 0.2,
      "too many digits to be exact, 17 of them after the point — a floating-point result, as 0.1 + 0.2 gives 0.30000000000000004; round it to the currency's fraction digits and write it as a string",
    ],
    ["+1.00", "must be a decimal amount"],
    [" 1.00", "must be a decimal amount"],
    ["1.", "must be a decimal amount"],
    [".5", "must be a decimal amount"],
    ["01.00", "must be a decimal amount"],
    ["1,00", "must be a decimal amount"],
    ["", "must be a decimal amount"],
    ["9".repeat(65), "must be a decimal amount"],
    [true, "must be a decimal amount"],
    [{ shop: "1.00", presentment: "1.00" }, "must be a decimal amount"],
    [["1.00"], "must be a decimal amount"],
    [
      null,
      'must be a decimal amount such as "19.99" with at most 2 fraction digits (USD), not null',
    ],
  ])("%j is invalid input at its path", (value, problem) => {
    const result = priceOf(value);
    expect(result).toEqual([
      {
        code: "INVALID_INPUT",
        path: "lineItems[0].price",
        message: expect.stringContaining(problem),
      },
    ]);
  });

  test("a missing amount says what is expected", () => {
    const result = decodeOrder({ id: "1", currency: "USD", lineItems: [{ id: "a", quantity: 1 }] });
    expect(result).toEqual({
      _tag: "Left",
      left: [
        {
          code: "INVALID_INPUT",
          path: "lineItems[0].price",
          message:
            'The value at lineItems[0].price is required but missing; it must be a decimal amount such as "19.99" with at most 2 fraction digits (USD).',
        },
      ],
    });
  });
});

describe("free amounts in a request (§3.8)", () => {
  test("keep their exact digits: the currency is not known yet", () => {
    const result = decodeRefundRequest({
      amount: "2.50",
      adjustmentPositive: 3,
      adjustmentNegative: "0.0001",
    });
    expect(result._tag === "Right" && result.right).toMatchObject({
      amount: { coefficient: 250n, scale: 2 },
      adjustmentPositive: { coefficient: 3n, scale: 0 },
      adjustmentNegative: { coefficient: 1n, scale: 4 },
    });
  });

  test.each([["-2.00"], ["1e2"], [Number("1e999")], [{}], ["abc"]])(
    "%j is invalid input",
    (amount) => {
      const result = decodeRefundRequest({ amount });
      expect(result._tag === "Left" && result.left.map((e) => [e.code, pathOf(e)])).toEqual([
        ["INVALID_INPUT", "amount"],
      ]);
    },
  );
});
