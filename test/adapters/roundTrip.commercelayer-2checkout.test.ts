/**
 * §10 round trips for Commerce Layer and 2Checkout, over generated orders
 * and requests: a memo emitted for the platform and read back through the
 * platform's adapter gives the same memo — exactly for what the platform's
 * request can say, and the same money out (total and transactions) for
 * Commerce Layer, whose capture refunds carry no lines. A generated history
 * written back as a Commerce Layer capture balance audits clean.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import {
  fromTwoCheckoutRefundRequest,
  toTwoCheckoutRefundRequest,
} from "../../src/adapters/2checkout/refund.js";
import {
  fromCommerceLayerRefundRequest,
  toCommerceLayerRefundRequest,
} from "../../src/adapters/commercelayer/refund.js";
import { calculate } from "../../src/calculate.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import { fractionArb, fractionOf } from "../arbitraries/money.js";
import { orderArb } from "../arbitraries/order.js";
import {
  decimalOf,
  exponentOf,
  FULL_REFUND,
  stepChoiceArb,
  validRequest,
} from "../arbitraries/request.js";
import { invoiceLeft } from "../arbitraries/state.js";
import { RUNS } from "../properties/support.js";
import { right } from "./results.js";

/** A Commerce Layer-like order: one currency, every payment a capture (online). */
const commerceLayerOrderArb = orderArb({
  singleCurrency: true,
  oddIds: false,
  coverage: ["exact", "over"],
  // Beyond 2^53 cents a JSON number is not exact: refused on emit (tested by example).
  scales: ["small", "medium"],
}).map((o): Order => ({ ...o, invoices: o.invoices.map((i) => ({ ...i, online: true })) }));

/**
 * A 2Checkout-like order: one currency, items only (no shipping lines, no
 * duties), a product code per item, one online payment of the order, its id
 * the order's RefNo.
 */
const twoCheckoutOrderArb = orderArb({
  singleCurrency: true,
  oddIds: false,
  maxShippingLines: 0,
  coverage: ["exact", "over"],
  scales: ["small", "medium"],
}).map(
  (o): Order => ({
    ...o,
    lineItems: o.lineItems.map((l, i) => ({ ...l, sku: `SKU-${i}`, duties: [] })),
    invoices: [
      {
        id: o.id,
        amount: o.invoices.reduce(
          (sum, i) => ({
            shop: sum.shop + i.amount.shop,
            presentment: sum.presentment + i.amount.presentment,
          }),
          { shop: 0n, presentment: 0n },
        ),
        gateway: "2checkout",
        online: true,
      },
    ],
  }),
);

/** An amount-only refund of `minor` presentment units, with `extra` fields. */
const amountOnly = (order: Order, minor: bigint, extra: Partial<RefundRequest>): RefundRequest => ({
  lineItems: [],
  refundDuties: false,
  full: false,
  notify: false,
  amount: decimalOf(minor, exponentOf(order)),
  ...extra,
});

const memoOrUndefined = (order: Order, request: RefundRequest): CreditMemo | undefined => {
  const result = calculate(order, request);
  return E.isRight(result) ? result.right : undefined;
};

describe("Commerce Layer round trip", () => {
  test.prop([commerceLayerOrderArb, fc.nat(), fractionArb], RUNS)(
    "an amount refunded from one capture, emitted and read back, is the same memo",
    (order, pick, fraction) => {
      const invoice = order.invoices[pick % order.invoices.length];
      if (invoice === undefined) return;
      const left = invoiceLeft(order, invoice.id).presentment;
      if (left <= 0n) return;
      const amount = 1n + fractionOf(left - 1n, fraction);
      const memo = right(calculate(order, amountOnly(order, amount, { invoiceId: invoice.id })));
      const emitted = right(toCommerceLayerRefundRequest(memo, order));
      const back = right(calculate(order, right(fromCommerceLayerRefundRequest(emitted, order))));
      expect(back).toEqual(memo);
    },
  );

  test.prop([commerceLayerOrderArb, stepChoiceArb(), fc.boolean()], RUNS)(
    "any memo (lines, shipping, full) goes out as the same money through the same captures",
    (order, step, full) => {
      const request = full ? FULL_REFUND : validRequest(order, step);
      if (request === undefined) return;
      const memo = memoOrUndefined(order, request);
      if (memo === undefined || memo.transactions.length === 0) return;
      const emitted = right(toCommerceLayerRefundRequest(memo, order));
      const back = right(calculate(order, right(fromCommerceLayerRefundRequest(emitted, order))));
      expect(back.total).toEqual(memo.total);
      expect(back.transactions).toEqual(memo.transactions);
    },
  );
});

describe("2Checkout round trip", () => {
  test.prop([twoCheckoutOrderArb, stepChoiceArb({ refundDuties: false }), fc.boolean()], RUNS)(
    "a refund of items (or everything), emitted as issueRefund and read back, is the same memo",
    (order, step, full) => {
      const valid = full ? FULL_REFUND : validRequest(order, step);
      if (valid === undefined) return;
      // 2Checkout names no restock nor location, and requires a reason.
      const request: RefundRequest = {
        ...valid,
        lineItems: valid.lineItems.map(({ locationId: _, ...l }) => ({
          ...l,
          restock: "no_restock" as const,
        })),
        reason: "Other",
      };
      const memo = memoOrUndefined(order, request);
      if (memo === undefined) return;
      const sent = toTwoCheckoutRefundRequest(memo, order);
      // A line worth less than zero (more discount than price) has no 2Checkout Amount.
      if (E.isLeft(sent)) {
        expect(memo.lineItems.some((l) => l.total.presentment < 0n)).toBe(true);
        return;
      }
      const emitted = right(sent);
      const back = right(calculate(order, right(fromTwoCheckoutRefundRequest(emitted, order))));
      expect(back).toEqual(memo);
    },
  );

  test.prop([twoCheckoutOrderArb, fractionArb], RUNS)(
    "a partial refund of an amount, emitted and read back, is the same memo",
    (order, fraction) => {
      const left = invoiceLeft(order, order.id).presentment;
      if (left <= 1n) return;
      // Below the money left: all of it would read back as the total refund.
      const amount = 1n + fractionOf(left - 2n, fraction);
      const memo = right(
        calculate(
          order,
          amountOnly(order, amount, { currency: order.presentmentCurrency, reason: "Other" }),
        ),
      );
      const emitted = right(toTwoCheckoutRefundRequest(memo, order));
      const back = right(calculate(order, right(fromTwoCheckoutRefundRequest(emitted, order))));
      expect(back).toEqual(memo);
    },
  );
});
