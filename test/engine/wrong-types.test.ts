/**
 * JavaScript callers' wrong types at the API boundary (issue 12, finding
 * 11): each is `INVALID_INPUT` with the path of the first wrong field, or
 * the documented plain value for the functions that return one; never a
 * throw. (The property over every export is test/properties/exportedSurface.test.ts.)
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import {
  applyRefund,
  audit,
  calculate,
  creditMemoId,
  decodeCreditMemo,
  decodeOrder,
  encodeCreditMemo,
  encodeOrder,
  encodeRefundRequest,
  formatMinorUnits,
  fromMagentoRefundRequest,
  fromShopifyOrder,
  isMultiCurrency,
  moneyLeft,
  type Order,
  parseDecimal,
  type RefundRequest,
  refundStatus,
  toMinorUnits,
} from "../../src/index.js";
import { request } from "../support/builders.js";
import { magentoOrder } from "../support/fixtures.js";

/** `[code, path]` of each error of a Left; fails on a Right. */
function problems<T>(result: E.Either<readonly { code: string; path?: string }[], T>) {
  if (E.isRight(result)) throw new Error("expected errors");
  return result.left.map((e) => [e.code, e.path]);
}

const asOrder = (u: unknown) => u as Order;
const asRequest = (u: unknown) => u as RefundRequest;

const throwingGetter = (key: string, base: object = {}) =>
  Object.defineProperty({ ...base }, key, {
    get() {
      throw new Error("hostile");
    },
    enumerable: true,
  });

describe("calculate, applyRefund and audit check their arguments", () => {
  const oneTee = request({ lineItems: [{ lineItemId: "3", quantity: 1, restock: "no_restock" }] });

  it("a request that is not one: INVALID_INPUT at its first wrong field", () => {
    expect(problems(calculate(magentoOrder, asRequest({})))).toEqual([
      ["INVALID_INPUT", "request.lineItems"],
    ]);
    expect(
      problems(
        calculate(magentoOrder, {
          ...oneTee,
          lineItems: [{ lineItemId: "3", quantity: 1, restock: "later" }],
        } as unknown as RefundRequest),
      ),
    ).toEqual([["INVALID_INPUT", "request.lineItems[0].restock"]]);
  });

  it("an order that is not one, and every wrong argument together", () => {
    const order = { ...magentoOrder, invoices: [{ id: "inv-1", amount: "59.37", online: false }] };
    expect(problems(applyRefund(asOrder(order), asRequest(null), asPolicy("nonsense")))).toEqual([
      ["INVALID_INPUT", "order.invoices[0].amount"],
      ["INVALID_INPUT", "request"],
      ["INVALID_INPUT", "policy"],
    ]);
  });

  it("a policy name that is not one is INVALID_INPUT, not the default policy", () => {
    const result = calculate(magentoOrder, oneTee, asPolicy("nonsense"));
    expect(problems(result)).toEqual([["INVALID_INPUT", "policy"]]);
    expect(E.isLeft(result) && result.left[0].message).toBe(
      'The value at policy must be one of "default", "magento", "shopify", "bankers".',
    );
    expect(problems(audit(magentoOrder, asPolicy("Magento")))).toEqual([
      ["INVALID_INPUT", "policy"],
    ]);
  });

  it("a getter that throws is reported as unreadable", () => {
    expect(problems(calculate(asOrder(throwingGetter("currency", magentoOrder)), oneTee))).toEqual([
      ["INVALID_INPUT", "order"],
    ]);
    expect(
      problems(
        audit(
          asOrder(
            new Proxy(
              {},
              {
                get: () => {
                  throw new Error("x");
                },
              },
            ),
          ),
        ),
      ),
    ).toEqual([["INVALID_INPUT", "order"]]);
  });

  it("a getter that throws only on its first read is unreadable, though a second read would pass", () => {
    // Fails on its first read, answers on every later one: the first read
    // is the one that counts, so the call is refused, not computed on a
    // second read.
    const throwsOnce = (key: string, base: object) => {
      const value: unknown = (base as Record<string, unknown>)[key];
      let reads = 0;
      return Object.defineProperty({ ...base }, key, {
        get() {
          reads += 1;
          if (reads === 1) throw new Error("hostile once");
          return value;
        },
        enumerable: true,
      });
    };
    expect(problems(calculate(asOrder(throwsOnce("lineItems", magentoOrder)), oneTee))).toEqual([
      ["INVALID_INPUT", "order"],
    ]);
    expect(problems(applyRefund(asOrder(throwsOnce("lineItems", magentoOrder)), oneTee))).toEqual([
      ["INVALID_INPUT", "order"],
    ]);
    const unreadable = calculate(magentoOrder, asRequest(throwsOnce("lineItems", oneTee)));
    expect(unreadable).toEqual(
      E.left([
        {
          code: "INVALID_INPUT",
          path: "request",
          message: "The value at request could not be read: a getter or a Proxy of it threw.",
        },
      ]),
    );
    // Reported with the other arguments' problems, as every argument error is.
    expect(
      problems(calculate(asOrder(throwsOnce("lineItems", magentoOrder)), asRequest({}), "default")),
    ).toEqual([
      ["INVALID_INPUT", "order"],
      ["INVALID_INPUT", "request.lineItems"],
    ]);
  });

  it("an empty idempotency key built without the decoder is INVALID_INPUT (finding 7)", () => {
    expect(problems(calculate(magentoOrder, { ...oneTee, idempotencyKey: "" }))).toEqual([
      ["INVALID_INPUT", "idempotencyKey"],
    ]);
  });
});

describe("the functions that return a plain value", () => {
  it("give the documented value for what is not an order, a memo or an amount", () => {
    expect(refundStatus(asOrder({}))).toBe("unpaid");
    expect(moneyLeft(asOrder(undefined))).toEqual({ shop: 0n, presentment: 0n });
    expect(isMultiCurrency(asOrder(42))).toBe(false);
    expect(creditMemoId(asOrder({}), request())).toBe("");
    expect(parseDecimal(undefined as unknown as string)).toBeUndefined();
    expect(toMinorUnits({ coefficient: 1n, scale: 0 }, { code: "USD" } as never)).toBeUndefined();
    expect(formatMinorUnits(5 as unknown as bigint, { code: "USD", exponent: 2 })).toBe("");
  });

  it("encoders write the failure document of §8 for a value they cannot encode", () => {
    expect(encodeOrder(asOrder({}))).toEqual({
      ok: false,
      errors: [
        {
          code: "INVALID_INPUT",
          message:
            "The value at order.id must be a string (the order is not an order as refund-core makes it; decode it from JSON first).",
          path: "order.id",
        },
      ],
    });
    expect((encodeCreditMemo({} as never) as unknown as Record<string, unknown>)["ok"]).toBe(false);
    expect((encodeRefundRequest({} as never) as unknown as Record<string, unknown>)["ok"]).toBe(
      false,
    );
    // …which no decoder takes for an order.
    expect(E.isLeft(decodeOrder(encodeOrder(asOrder({}))))).toBe(true);
  });
});

describe("decoders and readers read hostile input inside their guard", () => {
  it("decodeOrder and decodeCreditMemo: a currency getter that throws", () => {
    expect(problems(decodeOrder(throwingGetter("currency", { id: "1" })))).toEqual([
      ["INVALID_INPUT", ""],
    ]);
    expect(problems(decodeCreditMemo(throwingGetter("presentmentCurrency")))).toEqual([
      ["INVALID_INPUT", ""],
    ]);
  });

  it("fromShopifyOrder on a Proxy, fromMagentoRefundRequest with a wrong order or target", () => {
    expect(
      problems(
        fromShopifyOrder(
          new Proxy(
            {},
            {
              has: () => {
                throw new Error("x");
              },
              getOwnPropertyDescriptor: () => {
                throw new Error("x");
              },
              get: () => {
                throw new Error("x");
              },
            },
          ),
        ),
      ),
    ).toEqual([["INVALID_INPUT", ""]]);
    expect(problems(fromMagentoRefundRequest({ items: [] }, asOrder({})))).toEqual([
      ["INVALID_INPUT", "order.id"],
    ]);
    expect(
      problems(fromMagentoRefundRequest({ items: [] }, magentoOrder, { kind: "x" } as never)),
    ).toEqual([["INVALID_INPUT", "target"]]);
  });
});

function asPolicy(name: string) {
  return name as "default";
}
