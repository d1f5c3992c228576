/**
 * `calculate`: the credit memo a refund request gives, without changing
 * anything. One refund, in a straight line: check the order → validate the
 * request against it → prorate lines and shipping → add up the totals →
 * pay the total out of the invoices.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { CreditMemo } from "./domain/creditMemo.js";
import type { Order } from "./domain/order.js";
import { isMultiCurrency } from "./domain/order.js";
import type { PolicyName } from "./domain/policy.js";
import type { RefundRequest } from "./domain/refundRequest.js";
import { type RefundError, refundErrors } from "./errors.js";
import { findCurrency } from "./money/currency.js";
import { formatMinorUnits } from "./money/decimal.js";
import { isZeroBag, type MoneyBag } from "./money/moneyBag.js";
import { orderMoneyLeft } from "./order/moneyLeft.js";
import { checkOrder } from "./order/orderConsistency.js";
import { type RefundHistory, readRefundHistory } from "./order/refundHistory.js";
import { freeAmountBag, readFreeAmounts } from "./refund/freeAmounts.js";
import { refundLine } from "./refund/lineRefund.js";
import { type SelectedLine, selectEverythingLeft, selectLines } from "./refund/lineSelection.js";
import { prorationsOf } from "./refund/proration.js";
import { refundShipping, type ShippingAsk } from "./refund/shippingRefund.js";
import { fitToMoneyLeft, memoTotals } from "./refund/totals.js";
import { checkPayoutAsk, payOut, payoutAskOf } from "./refund/transactions.js";

function nonEmpty(errors: readonly RefundError[]): NonEmptyArray<RefundError> | undefined {
  const [first, ...rest] = errors;
  return first === undefined ? undefined : [first, ...rest];
}

/** The memo id `applyRefund` records: the idempotency key, else `<orderId>-<n>`. */
export function creditMemoId(order: Order, request: RefundRequest): string {
  return request.idempotencyKey ?? `${order.id}-${order.refunds.length + 1}`;
}

function requestShapeErrors(request: RefundRequest, history: RefundHistory): RefundError[] {
  const errors: RefundError[] = [];
  if (
    request.full &&
    (request.lineItems.length > 0 || request.shipping !== undefined || request.amount !== undefined)
  )
    errors.push(
      refundErrors.invalidInput("full", "cannot be combined with lineItems, shipping or amount"),
    );
  if (request.idempotencyKey !== undefined && history.idempotencyKeys.has(request.idempotencyKey))
    errors.push(refundErrors.duplicateRefund("idempotencyKey", request.idempotencyKey));
  return errors;
}

function shippingAskOf(request: RefundRequest, presentmentAmount: bigint | undefined): ShippingAsk {
  if (request.full) return { kind: "full" };
  if (request.shipping === undefined) return { kind: "none" };
  if (presentmentAmount !== undefined) return { kind: "amount", presentment: presentmentAmount };
  return request.shipping.fullRefund ? { kind: "full" } : { kind: "none" };
}

function totalErrors(order: Order, total: MoneyBag, hasLines: boolean): RefundError[] {
  const side = total.presentment < 0n ? "presentment" : total.shop < 0n ? "shop" : undefined;
  if (side !== undefined) {
    const code = side === "shop" ? order.currency : order.presentmentCurrency;
    const currency = findCurrency(code) ?? { code, exponent: 0 };
    return [refundErrors.negativeTotal(code, formatMinorUnits(total[side], currency))];
  }
  if (!hasLines && isZeroBag(total)) return [refundErrors.emptyRefund()];
  return [];
}

/**
 * Computes the credit memo for a refund request — the memo
 * {@link applyRefund} would record — without changing anything.
 *
 * Every independent problem is reported: an inconsistent order
 * (`INCONSISTENT_ORDER`) stops at once; otherwise request problems
 * (`UNKNOWN_LINE_ITEM`, `DUPLICATE_LINE_ITEM`, `INVALID_QUANTITY`,
 * `OVER_REFUND`, `RESTOCK_EXCEEDS_FULFILLED`, `MISSING_CURRENCY`,
 * `CURRENCY_MISMATCH`, `UNKNOWN_INVOICE`, `OFFLINE_INVOICE`,
 * `DUPLICATE_REFUND`, `INVALID_INPUT`) are reported together, and when the
 * request is sound, problems of the total (`NEGATIVE_TOTAL`, `EMPTY_REFUND`,
 * `AMOUNT_MISMATCH`, `OVER_REFUND`, `NOT_PAID`, `TRANSACTION_MISMATCH`).
 *
 * @param order - the order with its refund history.
 * @param request - what to refund.
 * @param policy - proration and rounding (§9.1); `"default"` follows §3.
 * @returns the credit memo, or every error found.
 * @category Calculating
 */
export function calculate(
  order: Order,
  request: RefundRequest,
  policy: PolicyName = "default",
): Either<NonEmptyArray<RefundError>, CreditMemo> {
  const orderErrors = nonEmpty(checkOrder(order));
  if (orderErrors !== undefined) return E.left(orderErrors);
  return calculateOnCheckedOrder(order, request, policy);
}

/**
 * {@link calculate} without the order checks, for an order whose own data
 * `checkOrderItself` has already accepted. Internal: `audit` replays a
 * history memo by memo and reports a history that refunds too much as
 * rejected memos, not as `INCONSISTENT_ORDER` (§9.2). Not exported from the
 * package root.
 */
export function calculateOnCheckedOrder(
  order: Order,
  request: RefundRequest,
  policy: PolicyName = "default",
): Either<NonEmptyArray<RefundError>, CreditMemo> {
  // Validate the request against the order.
  const history = readRefundHistory(order.refunds);
  const prorations = prorationsOf(policy);
  const multiCurrency = isMultiCurrency(order);
  const free = readFreeAmounts(order, request);
  const selection = request.full
    ? { errors: [], lines: selectEverythingLeft(order, history) }
    : selectLines(order, request.lineItems, history);
  const payoutAsk = payoutAskOf(request, free.amounts.transactions);
  const shipping = refundShipping(shippingAskOf(request, free.amounts.shipping), {
    lines: order.shippingLines,
    history,
    presentmentCurrency: order.presentmentCurrency,
    multiCurrency,
    prorations,
  });
  const requestErrors = nonEmpty([
    ...requestShapeErrors(request, history),
    ...free.errors,
    ...selection.errors,
    ...shipping.errors,
    ...checkPayoutAsk(order, request, payoutAsk),
  ]);
  if (requestErrors !== undefined) return E.left(requestErrors);

  // Prorate each line.
  const refundDuties = request.full || request.refundDuties;
  const lines = selection.lines.map((selected: SelectedLine) =>
    refundLine(selected, { refundDuties, taxesIncluded: order.taxesIncluded }, prorations.lines),
  );

  // Adjustments and totals.
  const moneyLeft = orderMoneyLeft(order, history);
  const amountOnly =
    free.amounts.amount !== undefined &&
    request.lineItems.length === 0 &&
    request.shipping === undefined &&
    !request.full;
  const positive =
    (free.amounts.adjustmentPositive ?? 0n) + (amountOnly ? (free.amounts.amount ?? 0n) : 0n);
  const fromMoneyLeft = (presentment: bigint) =>
    freeAmountBag(presentment, moneyLeft, multiCurrency, prorations.rounding);
  let adjustments = {
    positive: fromMoneyLeft(positive),
    negative: fromMoneyLeft(free.amounts.adjustmentNegative ?? 0n),
  };
  const totalsWith = (a: typeof adjustments) =>
    memoTotals(lines, shipping.shipping, a.positive, a.negative, order.taxesIncluded);
  let totals = totalsWith(adjustments);
  if (request.full) {
    adjustments = fitToMoneyLeft(totals.total, moneyLeft, adjustments);
    totals = totalsWith(adjustments);
  }

  // Check the total and pay it out.
  const totalProblems = totalErrors(order, totals.total, lines.length > 0);
  const amountCheck =
    !amountOnly &&
    free.amounts.amount !== undefined &&
    free.amounts.amount !== totals.total.presentment
      ? [amountMismatch(order, totals.total.presentment, free.amounts.amount)]
      : [];
  const payout =
    totalProblems.length > 0
      ? { errors: [], transactions: [] }
      : payOut(totals.total, payoutAsk, { order, history });
  const finalErrors = nonEmpty([...totalProblems, ...amountCheck, ...payout.errors]);
  if (finalErrors !== undefined) return E.left(finalErrors);

  return E.right({
    id: creditMemoId(order, request),
    orderId: order.id,
    currency: order.currency,
    presentmentCurrency: order.presentmentCurrency,
    lineItems: lines,
    shipping: shipping.shipping,
    adjustmentPositive: adjustments.positive,
    adjustmentNegative: adjustments.negative,
    subtotal: totals.subtotal,
    discount: totals.discount,
    tax: totals.tax,
    duties: totals.duties,
    total: totals.total,
    maximumRefundable: moneyLeft,
    transactions: payout.transactions,
    reason: request.reason ?? null,
    note: request.note ?? null,
    notify: request.notify,
    idempotencyKey: request.idempotencyKey ?? null,
  });
}

function amountMismatch(order: Order, total: bigint, stated: bigint): RefundError {
  const code = order.presentmentCurrency;
  const currency = findCurrency(code) ?? { code, exponent: 0 };
  return refundErrors.amountMismatch(
    "amount",
    code,
    formatMinorUnits(total, currency),
    formatMinorUnits(stated, currency),
  );
}
