/**
 * The request a recorded credit memo stands for ([§9.2](../../docs/specification.md#92-audit)): its lines
 * (quantities, restock, locations), its shipping amount, its duties and its
 * adjustments. Transactions are left out: the audit checks them on their own.
 *
 * @module
 */
import type { CreditMemo, CreditMemoLine } from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { isMultiCurrency } from "../domain/order.js";
import type { RefundLineRequest, RefundRequest } from "../domain/refundRequest.js";
import { findCurrency } from "../money/currency.js";
import { bagsEqual, isZeroBag, type MoneyBag, sumBy } from "../money/moneyBag.js";
import { orderMoneyLeft, shippingLineLeft } from "../order/moneyLeft.js";
import { lineHistoryOf, type RefundHistory } from "../order/refundHistory.js";

function refundsDuties(memo: CreditMemo): boolean {
  return memo.lineItems.some((line) =>
    line.duties.some(
      (duty) => !isZeroBag(duty.amount) || duty.taxLines.some((t) => !isZeroBag(t.amount)),
    ),
  );
}

function shippingLeft(order: Order, history: RefundHistory): MoneyBag {
  return sumBy(order.shippingLines, (line) => shippingLineLeft(line, history));
}

/**
 * Whether the memo's shipping is a full shipping refund that an amount
 * cannot replay: it refunds all the shipping left, and taxes a shipping
 * line of which nothing was left (only `fullRefund` makes such a line take
 * part, [§3.2](../../docs/specification.md#32-shipping)), or takes shop money but no presentment money.
 */
function fullShipping(order: Order, memo: CreditMemo, history: RefundHistory): boolean {
  return (
    bagsEqual(memo.shipping.amount, shippingLeft(order, history)) &&
    // Or shop money without presentment money, which an amount (presentment
    // money, §3.8) cannot ask for either (issue 12: self-audit property).
    ((memo.shipping.amount.presentment === 0n && memo.shipping.amount.shop !== 0n) ||
      memo.shipping.lines.some(
        (line) => isZeroBag(line.amount) && line.taxLines.some((t) => !isZeroBag(t.amount)),
      ))
  );
}

/**
 * Whether a memo empties the order: after it no unit, no shipping and no
 * money (on either side) is left. Only a full refund ([§3.6](../../docs/specification.md#36-full-refund)) fits the shop
 * side of its adjustments to the money left, so such a memo on a
 * multi-currency order is also replayed as `full: true`.
 */
export function emptiesOrder(
  order: Order,
  memo: CreditMemo,
  history: RefundHistory,
  moneyLeft: MoneyBag = orderMoneyLeft(order, history),
): boolean {
  // The money first: a memo that does not take all the money left is
  // found without walking the order's lines (an audit asks for every memo).
  if (!bagsEqual(memo.total, moneyLeft)) return false;
  const refundedNow = new Map<string, number>();
  for (const line of memo.lineItems)
    refundedNow.set(line.lineItemId, (refundedNow.get(line.lineItemId) ?? 0) + line.quantity);
  const unitsLeftAfter = order.lineItems.some(
    (line) =>
      line.quantity -
        lineHistoryOf(history, line.id).refundedQuantity -
        (refundedNow.get(line.id) ?? 0) !==
      0,
  );
  if (unitsLeftAfter) return false;
  return bagsEqual(memo.shipping.amount, shippingLeft(order, history));
}

/**
 * Whether some line of the memo was refunded by amount before it ([§3.9](../../docs/specification.md#39-line-amounts-v2)): a
 * full refund finishes such a line at progress 1, which no unit request
 * can say.
 */
function finishesLinesWithAmounts(memo: CreditMemo, history: RefundHistory): boolean {
  return memo.lineItems.some(
    (line) => line.amount == null && lineHistoryOf(history, line.lineItemId).amountLines > 0,
  );
}

/**
 * The requests that may reproduce `memo` on the order as it stood before
 * it (`history` is that order's refunds read back, `moneyLeft` its money
 * left when the caller keeps it): the explicit request of
 * {@link replayRequest}, and — for a memo that empties a multi-currency
 * order (see {@link emptiesOrder}), or that empties an order with lines
 * refunded by amount before ([§3.9](../../docs/specification.md#39-line-amounts-v2): `full` finishes them) — also
 * `full: true`, with the memo's negative adjustment if any, whose
 * adjustments are fitted to the money left on both sides ([§3.6](../../docs/specification.md#36-full-refund)).
 */
export function replayRequests(
  order: Order,
  memo: CreditMemo,
  history: RefundHistory,
  moneyLeft?: MoneyBag,
): readonly RefundRequest[] {
  const explicit = replayRequest(order, memo, history);
  if (
    !(isMultiCurrency(order) || finishesLinesWithAmounts(memo, history)) ||
    !emptiesOrder(order, memo, history, moneyLeft)
  )
    return [explicit];
  const { notify, reason, note, idempotencyKey, adjustmentNegative } = explicit;
  const carried = {
    notify,
    ...(reason === undefined ? {} : { reason }),
    ...(note === undefined ? {} : { note }),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  };
  const full: RefundRequest = { lineItems: [], refundDuties: false, full: true, ...carried };
  // `full` may carry a negative adjustment, which its fitting offsets.
  return adjustmentNegative === undefined
    ? [explicit, full]
    : [explicit, full, { ...full, adjustmentNegative, currency: order.presentmentCurrency }];
}

/**
 * The explicit request for `memo`:
 *
 * - lines: `lineItemId`, `quantity`, `restock` and `locationId` as recorded,
 *   and the line `amount` ([§3.9](../../docs/specification.md#39-line-amounts-v2), presentment side) when recorded — then
 *   without `quantity` when it is 0 (an amount alone returns no unit);
 * - shipping: the recorded presentment amount as `{fullRefund: false, amount}`
 *   when it is not zero — or `{fullRefund: true}` when the memo refunds all
 *   the shipping left and taxes a line of which no shipping was left;
 * - `refundDuties` when any duty amount of the memo is not zero;
 * - adjustments as recorded (presentment side), when not zero;
 * - `currency`: the presentment currency; reason, note, notify and
 *   idempotency key carried over.
 */
export function replayRequest(
  order: Order,
  memo: CreditMemo,
  history: RefundHistory,
): RefundRequest {
  const currency = order.presentmentCurrency;
  const exponent = findCurrency(currency)?.exponent ?? 0;
  const memoLines = memo.lineItems;
  const lineItems: RefundLineRequest[] = [];
  for (let i = 0; i < memoLines.length; i++) {
    const line = memoLines[i] as CreditMemoLine;
    // Keys in the order of the request's fields; absent ones left out.
    const request: Mutable<RefundLineRequest> = {
      lineItemId: line.lineItemId,
    } as Mutable<RefundLineRequest>;
    if (line.amount == null || line.quantity !== 0) request.quantity = line.quantity;
    if (line.amount != null)
      request.amount = { coefficient: line.amount.presentment, scale: exponent };
    request.restock = line.restock;
    if (line.locationId !== null) request.locationId = line.locationId;
    lineItems.push(request);
  }
  const request = { lineItems } as unknown as Mutable<RefundRequest>;
  if (fullShipping(order, memo, history)) request.shipping = { fullRefund: true };
  else if (!isZeroBag(memo.shipping.amount))
    request.shipping = {
      fullRefund: false,
      amount: { coefficient: memo.shipping.amount.presentment, scale: exponent },
    };
  request.refundDuties = refundsDuties(memo);
  if (!isZeroBag(memo.adjustmentPositive))
    request.adjustmentPositive = {
      coefficient: memo.adjustmentPositive.presentment,
      scale: exponent,
    };
  if (!isZeroBag(memo.adjustmentNegative))
    request.adjustmentNegative = {
      coefficient: memo.adjustmentNegative.presentment,
      scale: exponent,
    };
  request.full = false;
  request.currency = currency;
  request.notify = memo.notify;
  if (memo.reason !== null) request.reason = memo.reason;
  if (memo.note !== null) request.note = memo.note;
  if (memo.idempotencyKey !== null) request.idempotencyKey = memo.idempotencyKey;
  return request;
}

/** `T` with its fields writable, for a value built field by field. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
