/**
 * Generated refund histories for the audit's scaling (issue 12): shared by
 * bench/auditScaling.ts and test/scaling/audit.scaling.ts.
 */
import type { CreditMemo } from "../src/domain/creditMemo.js";
import type { Order } from "../src/domain/order.js";

const ONE = { shop: 100n, presentment: 100n };
const NONE = { shop: 0n, presentment: 0n };

/**
 * An order of `lines` lines and `captures` captures of 1.00 a unit, with
 * `memos` memos each refunding one unit (1.00) of the next line, paid out
 * of the next capture with money left — written as `calculate` writes
 * them, so that the history audits clean. Built directly: making the
 * history with `applyRefund` would time the engine's refunds, not the audit.
 */
export function refundedOrder(memos: number, lines: number, captures: number): Order {
  const units = Math.ceil(memos / lines);
  const perCapture = Math.ceil(memos / captures);
  const o: Order = {
    id: "audit",
    currency: "USD",
    presentmentCurrency: "USD",
    taxesIncluded: false,
    lineItems: Array.from({ length: lines }, (_, i) => ({
      id: `l${i}`,
      quantity: units,
      price: ONE,
      discountAllocations: [],
      taxLines: [],
      duties: [],
      fulfilledQuantity: units,
    })),
    shippingLines: [],
    invoices: Array.from({ length: captures }, (_, i) => ({
      id: `i${i}`,
      amount: { shop: BigInt(perCapture) * 100n, presentment: BigInt(perCapture) * 100n },
      online: true,
    })),
    refunds: [],
  };
  const refunds: CreditMemo[] = Array.from({ length: memos }, (_, k) => ({
    id: `m${k}`,
    orderId: o.id,
    currency: "USD",
    presentmentCurrency: "USD",
    taxesIncluded: false,
    lineItems: [
      {
        lineItemId: `l${k % lines}`,
        amount: null,
        quantity: 1,
        price: ONE,
        gross: ONE,
        discount: NONE,
        subtotal: ONE,
        tax: NONE,
        discountAllocations: [],
        taxLines: [],
        duties: [],
        total: ONE,
        restock: "no_restock",
        locationId: null,
      },
    ],
    shipping: { amount: NONE, tax: NONE, maximumRefundable: NONE, lines: [] },
    adjustmentPositive: NONE,
    adjustmentNegative: NONE,
    subtotal: ONE,
    discount: NONE,
    tax: NONE,
    duties: NONE,
    total: ONE,
    maximumRefundable: NONE,
    transactions: [
      {
        invoiceId: `i${Math.floor(k / perCapture)}`,
        gateway: null,
        online: true,
        amount: ONE,
        maximumRefundable: NONE,
      },
    ],
    exchangeDifference: 0n,
    reason: null,
    note: null,
    notify: false,
    idempotencyKey: null,
  }));
  return { ...o, refunds };
}
