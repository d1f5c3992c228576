/**
 * The inputs of issue 12's superlinear findings, built at any size: shared
 * by the scaling tests (test/scaling/) and the benchmark rows
 * (bench/hostile.ts), so that both measure the same thing.
 *
 * @module
 */
import { applyRefund } from "../src/applyRefund.js";
import type { CreditMemo, CreditMemoLine } from "../src/domain/creditMemo.js";
import type { LineItem, Order } from "../src/domain/order.js";
import type { RefundRequest } from "../src/domain/refundRequest.js";
import { type MoneyBag, ZERO } from "../src/money/moneyBag.js";

const dollars = (cents: bigint): MoneyBag => ({ shop: cents, presentment: cents });

/** An amount-only memo of one cent out of invoice `inv`, with the given id and key. */
export function centMemo(id: string, idempotencyKey: string | null = null): CreditMemo {
  return {
    id,
    orderId: "o",
    currency: "USD",
    presentmentCurrency: "USD",
    taxesIncluded: false,
    lineItems: [],
    shipping: { amount: ZERO, tax: ZERO, maximumRefundable: ZERO, lines: [] },
    adjustmentPositive: dollars(1n),
    adjustmentNegative: ZERO,
    subtotal: ZERO,
    discount: ZERO,
    tax: ZERO,
    duties: ZERO,
    total: dollars(1n),
    exchangeDifference: 0n,
    maximumRefundable: dollars(10n ** 15n),
    transactions: [
      {
        invoiceId: "inv",
        gateway: null,
        online: true,
        amount: dollars(1n),
        maximumRefundable: dollars(10n ** 15n),
      },
    ],
    reason: null,
    note: null,
    notify: false,
    idempotencyKey,
  };
}

/** An order `"o"` of one invoice large enough for any number of one-cent memos. */
export function paidOrder(refunds: readonly CreditMemo[] = [], lineItems: LineItem[] = []): Order {
  return {
    id: "o",
    currency: "USD",
    presentmentCurrency: "USD",
    taxesIncluded: false,
    lineItems,
    shippingLines: [],
    invoices: [{ id: "inv", amount: dollars(10n ** 15n), online: true, gateway: "bogus" }],
    refunds,
  };
}

/**
 * Finding 2: `n` memos whose ids are `o-(n+1)` … `o-(2n)`, the very ids the
 * next memo would try in turn.
 */
export function takenMemoIds(n: number): Order {
  const refunds: CreditMemo[] = [];
  for (let k = 0; k < n; k++) refunds.push(centMemo(`o-${n + 1 + k}`));
  return paidOrder(refunds);
}

/** A one-cent amount-only request, with a key when given. */
export function centRequest(idempotencyKey?: string): RefundRequest {
  const request: RefundRequest = {
    lineItems: [],
    refundDuties: false,
    full: false,
    notify: false,
    amount: { coefficient: 1n, scale: 2 },
  };
  return idempotencyKey === undefined ? request : { ...request, idempotencyKey };
}

/**
 * Finding 4: a line of `n` duties and `memos` memos (`n` unless told), memo
 * `k` refunding nothing of the line but naming its duty `k mod n` (zero
 * amounts: only the history's shape is at stake).
 */
export function manyDuties(n: number, memos = n): Order {
  const duties = [];
  for (let k = 0; k < n; k++) duties.push({ id: `d${k}`, amount: dollars(1n), taxLines: [] });
  const line: LineItem = {
    id: "a",
    quantity: 1,
    price: dollars(100_000_000n),
    discountAllocations: [],
    taxLines: [],
    duties,
    fulfilledQuantity: 1,
  };
  const refunds: CreditMemo[] = [];
  for (let k = 0; k < memos; k++) {
    const memoLine: CreditMemoLine = {
      lineItemId: "a",
      quantity: 0,
      amount: null,
      price: line.price,
      gross: ZERO,
      discount: ZERO,
      subtotal: ZERO,
      tax: ZERO,
      discountAllocations: [],
      taxLines: [],
      duties: [{ dutyId: `d${k % n}`, amount: ZERO, taxLines: [] }],
      total: ZERO,
      restock: "no_restock",
      locationId: null,
    };
    refunds.push({ ...centMemo(`o-${k + 1}`), lineItems: [memoLine] });
  }
  return paidOrder(refunds, [line]);
}

/**
 * Finding 5: a chain of `n` one-cent `applyRefund`s from {@link paidOrder},
 * each with its own idempotency key when `keyed`; the function returns the
 * last order.
 */
export function keyedChain(n: number, keyed: boolean): () => Order {
  return () => {
    let order = paidOrder();
    for (let k = 0; k < n; k++) {
      const result = applyRefund(order, centRequest(keyed ? `key-${k}` : undefined));
      if (result._tag === "Left") throw new Error(result.left[0].message);
      order = result.right.order;
    }
    return order;
  };
}
