/**
 * The refund request that carries out a computed credit memo ([§10](../../docs/specification.md#10-platforms-v2), "out"):
 * the shared first step of every platform writer. A writer turns this
 * request — not the memo's amounts — into the platform's body, so that the
 * platform (or refund-core, reading the body back) computes the memo again
 * from the same lines, shipping, duties, adjustments and payout.
 *
 * @module
 */

import { emptiesOrder, replayRequest } from "../audit/replayRequest.js";
import type { CreditMemo } from "../domain/creditMemo.js";
import { isMultiCurrency, type Order } from "../domain/order.js";
import type { RefundRequest, TransactionRequest } from "../domain/refundRequest.js";
import { memoShapeError, orderShapeError } from "../domain/shapes.js";
import type { InvalidInputError } from "../errors.js";
import { findCurrency } from "../money/currency.js";
import type { DecimalAmount } from "../money/decimal.js";
import { isZeroBag } from "../money/moneyBag.js";
import { type RefundHistory, readRefundHistory } from "../order/refundHistory.js";
import { suggestTransactions } from "../refund/transactions.js";

/** A memo's request, and the history of the order before the memo. */
export interface MemoRequest {
  readonly request: RefundRequest;
  /**
   * The memo's lines, shipping, duties and adjustments as explicit amounts
   * ([§9.2](../../docs/specification.md#92-audit)), never `full`: what a platform without a "refund everything"
   * switch sends. No payout, no `currency`.
   */
  readonly explicit: RefundRequest;
  /** The order's refunds before the memo, read back. */
  readonly history: RefundHistory;
  /** Whether the memo's transactions are exactly those [§3.7](../../docs/specification.md#37-money-out-transactions) suggests (invoices in order). */
  readonly suggestedPayout: boolean;
}

/**
 * The refunds of `order` before `memo`: all of them, or — when the memo is
 * already recorded on the order (the order `applyRefund` returned) — those
 * before it.
 */
export function refundsBefore(memo: CreditMemo, order: Order): readonly CreditMemo[] {
  const at = order.refunds.findIndex((r) => r.id === memo.id);
  return at < 0 ? order.refunds : order.refunds.slice(0, at);
}

function sameTransactions(
  a: readonly { readonly invoiceId: string; readonly amount: { readonly presentment: bigint } }[],
  b: readonly { readonly invoiceId: string; readonly amount: { readonly presentment: bigint } }[],
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return false;
    if (x.invoiceId !== y.invoiceId || x.amount.presentment !== y.amount.presentment) return false;
  }
  return true;
}

/**
 * The canonical request ([§4](../../docs/specification.md#4-refund-request)) that reproduces `memo` on `order` (the order
 * the memo was computed on, or the one `applyRefund` returned with it):
 *
 * - lines, restock, locations, shipping, duties and adjustments as the audit
 *   replays them ([§9.2](../../docs/specification.md#92-audit)); a memo that empties a multi-currency order is
 *   `full: true`, whose adjustments are fitted on both sides ([§3.6](../../docs/specification.md#36-full-refund));
 * - the payout: no `transactions` when the memo's are those [§3.7](../../docs/specification.md#37-money-out-transactions) suggests,
 *   else the memo's transactions, explicitly (presentment amounts);
 * - `reason`, `note`, `notify` and `idempotencyKey` as on the memo.
 */
export function memoRequest(memo: CreditMemo, order: Order): MemoRequest {
  const history = readRefundHistory(refundsBefore(memo, order));
  const replayed = replayRequest(order, memo, history);
  // Shipping of no presentment money but some shop money (what was left of it): only
  // `fullRefund` refunds that; an amount of zero would refund no shipping at all.
  const explicit: RefundRequest =
    replayed.shipping?.amount?.coefficient === 0n && !isZeroBag(memo.shipping.amount)
      ? { ...replayed, shipping: { fullRefund: true } }
      : replayed;
  const suggested = suggestTransactions(memo.total, { order, history });
  const suggestedPayout = sameTransactions(memo.transactions, suggested);
  const exponent = findCurrency(order.presentmentCurrency)?.exponent ?? 0;
  const decimal = (minor: bigint): DecimalAmount => ({ coefficient: minor, scale: exponent });
  const transactions: TransactionRequest[] = memo.transactions.map((t) => ({
    invoiceId: t.invoiceId,
    amount: decimal(t.amount.presentment),
  }));
  const payout = suggestedPayout ? {} : { transactions };
  // `full` restocks nothing and names no location: only a memo that does neither is one.
  const plainLines = memo.lineItems.every(
    (l) => l.restock === "no_restock" && l.locationId === null,
  );
  if (isMultiCurrency(order) && plainLines && emptiesOrder(order, memo, history)) {
    const { notify, reason, note, idempotencyKey } = explicit;
    return {
      request: {
        lineItems: [],
        refundDuties: false,
        full: true,
        notify,
        ...(reason === undefined ? {} : { reason }),
        ...(note === undefined ? {} : { note }),
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        ...payout,
      },
      explicit,
      history,
      suggestedPayout,
    };
  }
  const freeAmounts =
    explicit.shipping?.amount !== undefined ||
    explicit.adjustmentPositive !== undefined ||
    explicit.adjustmentNegative !== undefined ||
    !suggestedPayout;
  const amountOnly =
    explicit.lineItems.length === 0 &&
    explicit.shipping === undefined &&
    explicit.adjustmentNegative === undefined &&
    explicit.adjustmentPositive !== undefined;
  const { currency: _currency, adjustmentPositive, ...rest } = explicit;
  const request: RefundRequest = amountOnly
    ? { ...rest, ...(adjustmentPositive === undefined ? {} : { amount: adjustmentPositive }) }
    : explicit.adjustmentPositive === undefined
      ? rest
      : { ...rest, adjustmentPositive: explicit.adjustmentPositive };
  return {
    request: {
      ...request,
      ...(freeAmounts || amountOnly ? { currency: order.presentmentCurrency } : {}),
      ...payout,
    },
    explicit,
    history,
    suggestedPayout,
  };
}

/**
 * The memo lines refunded by an amount ([§3.9](../../docs/specification.md#39-line-amounts-v2), a memo line's `amount` not
 * null), as `lineItems[i].amount` paths: money against a line that Shopify
 * and Magento have no field for. Read structurally, so that it holds
 * whether or not the memo type carries `amount` yet.
 */
export function lineAmountPaths(memo: CreditMemo): string[] {
  const paths: string[] = [];
  memo.lineItems.forEach((line, i) => {
    const amount: unknown = (line as { readonly amount?: unknown }).amount;
    if (amount !== undefined && amount !== null) paths.push(`lineItems[${i}].amount`);
  });
  return paths;
}

/**
 * `INVALID_INPUT` when a writer's arguments are not a credit memo and an
 * order as refund-core makes them (a JavaScript caller's wrong types): the
 * writers check this first, so that they return an error and never throw.
 */
export function writerArgumentsError(memo: unknown, order: unknown): InvalidInputError | undefined {
  return memoShapeError(memo) ?? orderShapeError(order);
}
