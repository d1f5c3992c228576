/**
 * Whether an order's refund history is sound ([§2](../../docs/specification.md#2-order), `INCONSISTENT_ORDER`):
 * every memo names lines, duties, shipping lines and invoices of the order,
 * in its currencies, and altogether the memos refund no more than the order
 * has. Checked after the order itself (`orderSoundness.ts`). An audit
 * checks only the memos' shape and reports over-refunds memo by memo
 * ([§9.2](../../docs/specification.md#92-audit)).
 *
 * @module
 */
import type {
  CreditMemo,
  CreditMemoLine,
  DutyRefund,
  RefundTransaction,
  ShippingLineRefund,
} from "../domain/creditMemo.js";
import {
  type Invoice,
  type LineItem,
  type Order,
  type ShippingLine,
  shippingNet,
} from "../domain/order.js";
import { type RefundError, refundErrors } from "../errors.js";
import { exceedsOnEitherSide, isNegativeOnEitherSide, type MoneyBag } from "../money/moneyBag.js";
import { isCount, lineHasDuty, type OrderIds, orderIds } from "./orderSoundness.js";
import {
  invoiceTakenOf,
  isMemoIdTaken,
  type LineHistory,
  type RefundHistory,
  readRefundHistory,
  refundedAt,
  type ShippingHistory,
  shippingHistoryOf,
} from "./refundHistory.js";

const inconsistent = refundErrors.inconsistentOrder;

/**
 * `readRefundHistory(order.refunds)`: an order without refunds (most orders
 * a service sees) gets the one shared, empty history `NO_REFUNDS` of
 * `refundHistory.ts` rather than five empty maps and sets per call.
 */
export function refundHistoryOf(order: Order): RefundHistory {
  return readRefundHistory(order.refunds);
}

/** Paths of ids that appear more than once in a list. */
function repeatedIds(
  items: readonly { readonly id: string }[],
  path: string,
  errors: RefundError[],
): void {
  const seen = new Set<string>();
  let i = 0;
  for (const item of items) {
    const before = seen.size;
    seen.add(item.id);
    // An id seen before does not grow the set.
    if (seen.size === before)
      errors.push(inconsistent(`${path}[${i}].id`, `the id "${item.id}" is used twice`));
    i += 1;
  }
}

/**
 * Pushes onto `errors` what memo `m` names that the order does not have.
 * Plain loops, paths spelled only for an error: reading a long, sound
 * history allocates nothing here.
 */
export function checkMemoShape(
  order: Order,
  ids: OrderIds,
  memo: CreditMemo,
  m: number,
  errors: RefundError[],
): void {
  if (memo.currency !== order.currency || memo.presentmentCurrency !== order.presentmentCurrency)
    errors.push(
      inconsistent(`refunds[${m}].currency`, "the refund is in other currencies than the order"),
    );
  // The amounts' signs are checked in the same loops (one pass over the
  // memo); their paths are spelled only when one is negative.
  let nonNegative =
    !isNegativeOnEitherSide(memo.adjustmentPositive) &&
    !isNegativeOnEitherSide(memo.adjustmentNegative);
  for (let i = 0; i < memo.lineItems.length; i++) {
    const memoLine = memo.lineItems[i] as CreditMemoLine;
    const position = ids.lines.get(memoLine.lineItemId);
    const line = position === undefined ? undefined : order.lineItems[position];
    if (line === undefined)
      errors.push(
        inconsistent(
          `refunds[${m}].lineItems[${i}].lineItemId`,
          `the refund names item "${memoLine.lineItemId}", which is not on the order`,
        ),
      );
    else checkMemoLineShape(ids, line, position as number, memoLine, m, i, errors);
    nonNegative &&= lineAmountsNonNegative(memoLine);
  }
  for (let i = 0; i < memo.shipping.lines.length; i++) {
    const shippingLine = memo.shipping.lines[i] as ShippingLineRefund;
    if (!ids.shippingLines.has(shippingLine.shippingLineId))
      errors.push(
        inconsistent(
          `refunds[${m}].shipping.lines[${i}].shippingLineId`,
          `the refund names shipping line "${shippingLine.shippingLineId}", which is not on the order`,
        ),
      );
    nonNegative &&=
      !isNegativeOnEitherSide(shippingLine.amount) && noneNegative(shippingLine.taxLines);
  }
  for (let i = 0; i < memo.transactions.length; i++) {
    const transaction = memo.transactions[i] as RefundTransaction;
    if (!ids.invoices.has(transaction.invoiceId))
      errors.push(
        inconsistent(
          `refunds[${m}].transactions[${i}].invoiceId`,
          `the refund pays out of "${transaction.invoiceId}", which is not a payment of the order`,
        ),
      );
    nonNegative &&= !isNegativeOnEitherSide(transaction.amount);
  }
  if (!nonNegative)
    forEachRefundedAmount(memo, (amount, at) => {
      if (isNegativeOnEitherSide(amount))
        errors.push(inconsistent(`refunds[${m}].${at()}`, "a refunded amount is negative"));
    });
}

/** Pushes onto `errors` what line `i` of memo `m` refunds that its order line does not have. */
function checkMemoLineShape(
  ids: OrderIds,
  line: LineItem,
  position: number,
  memoLine: CreditMemoLine,
  m: number,
  i: number,
  errors: RefundError[],
): void {
  if (!isCount(memoLine.quantity))
    errors.push(
      inconsistent(
        `refunds[${m}].lineItems[${i}].quantity`,
        "the refunded quantity is not a whole number",
      ),
    );
  // §3.9: a line amount moves the line's progress (on the presentment side): it is positive
  // there; its shop side, drawn from the line's shop value left, may be zero but not negative.
  const amount = memoLine.amount;
  if (amount != null && (amount.presentment <= 0n || amount.shop < 0n))
    errors.push(
      inconsistent(
        `refunds[${m}].lineItems[${i}].amount`,
        "the refunded line amount is not positive",
      ),
    );
  if (memoLine.discountAllocations.length > line.discountAllocations.length)
    errors.push(
      inconsistent(
        `refunds[${m}].lineItems[${i}].discountAllocations`,
        "the refund lists more discounts than the line has",
      ),
    );
  if (memoLine.taxLines.length > line.taxLines.length)
    errors.push(
      inconsistent(
        `refunds[${m}].lineItems[${i}].taxLines`,
        "the refund lists more tax lines than the line has",
      ),
    );
  for (let d = 0; d < memoLine.duties.length; d++) {
    const dutyId = (memoLine.duties[d] as DutyRefund).dutyId;
    if (!lineHasDuty(ids, line, position, dutyId))
      errors.push(
        inconsistent(
          `refunds[${m}].lineItems[${i}].duties[${d}].dutyId`,
          `the refund names duty "${dutyId}", which is not on the line`,
        ),
      );
  }
}

function noneNegative(items: readonly { readonly amount: MoneyBag }[]): boolean {
  for (const item of items) if (isNegativeOnEitherSide(item.amount)) return false;
  return true;
}

/** Whether no amount a memo line refunds (of {@link forEachRefundedAmount}) is negative. */
function lineAmountsNonNegative(line: CreditMemoLine): boolean {
  if (!noneNegative(line.discountAllocations) || !noneNegative(line.taxLines)) return false;
  if (!noneNegative(line.duties)) return false;
  for (const duty of line.duties) if (!noneNegative(duty.taxLines)) return false;
  return true;
}

/** Every amount a memo takes from the order — what the history adds up — with its path. */
function forEachRefundedAmount(
  memo: CreditMemo,
  visit: (amount: MoneyBag, path: () => string) => void,
): void {
  const each = (list: readonly { readonly amount: MoneyBag }[], at: () => string) => {
    for (const [i, item] of list.entries()) visit(item.amount, () => `${at()}[${i}].amount`);
  };
  for (const [i, line] of memo.lineItems.entries()) {
    const at = () => `lineItems[${i}]`;
    each(line.discountAllocations, () => `${at()}.discountAllocations`);
    each(line.taxLines, () => `${at()}.taxLines`);
    each(line.duties, () => `${at()}.duties`);
    for (const [d, duty] of line.duties.entries())
      each(duty.taxLines, () => `${at()}.duties[${d}].taxLines`);
  }
  each(memo.shipping.lines, () => "shipping.lines");
  for (const [i, line] of memo.shipping.lines.entries())
    each(line.taxLines, () => `shipping.lines[${i}].taxLines`);
  each(memo.transactions, () => "transactions");
  visit(memo.adjustmentPositive, () => "adjustmentPositive");
  visit(memo.adjustmentNegative, () => "adjustmentNegative");
}

/**
 * The part of the history check that every replay needs before it can read
 * the history at all: each memo names lines, duties, shipping lines and
 * invoices of the order, in its currencies, with whole quantities and no
 * negative amounts. (An audit replays memo by memo with only this check, so
 * that over-refunds are reported per memo, [§9.2](../../docs/specification.md#92-audit).)
 */
export function checkHistoryShape(order: Order, ids: OrderIds = orderIds(order)): RefundError[] {
  if (order.refunds.length === 0) return [];
  const errors: RefundError[] = [];
  order.refunds.forEach((memo, m) => {
    checkMemoShape(order, ids, memo, m, errors);
  });
  return errors;
}

const exceeds = exceedsOnEitherSide;

/** Pushes onto `errors` each component of order line `i` that the refunds return more of than it has. */
function overRefundedComponents(
  amounts: readonly { readonly amount: MoneyBag }[],
  refunded: readonly MoneyBag[],
  i: number,
  key: string,
  errors: RefundError[],
): void {
  for (let c = 0; c < amounts.length; c++)
    if (exceeds(refundedAt(refunded, c), (amounts[c] as { readonly amount: MoneyBag }).amount))
      errors.push(
        inconsistent(`lineItems[${i}].${key}[${c}]`, "the refunds return more than this amount"),
      );
}

/**
 * Pushes onto `errors` what the refunds take of order line `i` beyond what
 * it has. Runs for every refunded line of every refund: paths are spelled
 * in the error branches only.
 */
function checkLineRefunds(line: LineItem, i: number, h: LineHistory, errors: RefundError[]): void {
  if (h.refundedQuantity > line.quantity)
    errors.push(
      inconsistent(`lineItems[${i}].quantity`, "the refunds return more units than were ordered"),
    );
  if (h.returnedQuantity > line.fulfilledQuantity)
    errors.push(
      inconsistent(
        `lineItems[${i}].fulfilledQuantity`,
        "the refunds restock more units than were fulfilled",
      ),
    );
  if (h.cancelledQuantity > line.quantity - line.fulfilledQuantity)
    errors.push(
      inconsistent(
        `lineItems[${i}].fulfilledQuantity`,
        "the refunds cancel more units than were unfulfilled",
      ),
    );
  overRefundedComponents(
    line.discountAllocations,
    h.discountAllocations,
    i,
    "discountAllocations",
    errors,
  );
  overRefundedComponents(line.taxLines, h.taxLines, i, "taxLines", errors);
  if (line.duties.length === 0) return;
  line.duties.forEach((duty, d) => {
    const dh = h.duties.get(duty.id);
    if (dh === undefined) return;
    if (exceeds(dh.amount, duty.amount))
      errors.push(
        inconsistent(`lineItems[${i}].duties[${d}]`, "the refunds return more than this duty"),
      );
    duty.taxLines.forEach((tax, t) => {
      if (exceeds(refundedAt(dh.taxLines, t), tax.amount))
        errors.push(
          inconsistent(
            `lineItems[${i}].duties[${d}].taxLines[${t}]`,
            "the refunds return more than this tax",
          ),
        );
    });
  });
}

/** Pushes onto `errors` what the refunds take of shipping line `i` beyond what it charged. */
function checkShippingRefunds(
  line: ShippingLine,
  i: number,
  h: ShippingHistory,
  errors: RefundError[],
): void {
  const at = () => `shippingLines[${i}]`;
  if (exceeds(h.amount, shippingNet(line)))
    errors.push(inconsistent(at(), "the refunds return more shipping than was charged"));
  line.taxLines.forEach((tax, t) => {
    if (exceeds(refundedAt(h.taxLines, t), tax.amount))
      errors.push(inconsistent(`${at()}.taxLines[${t}]`, "the refunds return more than this tax"));
  });
}

/** Pushes onto `errors` a payout out of invoice `i` beyond what it collected. */
function checkInvoicePayouts(
  invoice: Invoice,
  i: number,
  taken: MoneyBag,
  errors: RefundError[],
): void {
  if (exceeds(taken, invoice.amount))
    errors.push(
      inconsistent(`invoices[${i}].amount`, "the refunds pay out more than this payment collected"),
    );
}

/**
 * Checks the refund history against the order: every memo names lines,
 * duties, shipping lines and invoices of the order, in its currencies, and
 * altogether no more units, component amounts, shipping or money are
 * refunded than the order has.
 */
export function checkRefundHistory(
  order: Order,
  history: RefundHistory = readRefundHistory(order.refunds),
  ids: OrderIds = orderIds(order),
): RefundError[] {
  const errors = checkHistoryShape(order, ids);
  if (errors.length > 0) return errors;
  repeatedIds(order.refunds, "refunds", errors);
  if (!refundsFewLinesSoundly(order, history, ids)) checkEveryLineRefunds(order, history, errors);
  for (let i = 0; i < order.shippingLines.length; i++) {
    const line = order.shippingLines[i] as ShippingLine;
    checkShippingRefunds(line, i, shippingHistoryOf(history, line.id), errors);
  }
  for (let i = 0; i < order.invoices.length; i++) {
    const invoice = order.invoices[i] as Invoice;
    checkInvoicePayouts(invoice, i, invoiceTakenOf(history, invoice.id), errors);
  }
  return errors;
}

/** Pushes onto `errors` what the refunds take of each order line beyond what it has, line by line. */
function checkEveryLineRefunds(order: Order, history: RefundHistory, errors: RefundError[]): void {
  for (let i = 0; i < order.lineItems.length; i++) {
    const line = order.lineItems[i] as LineItem;
    const h = history.lines.get(line.id);
    // Nothing refunded of the line, nothing to exceed (its own amounts are
    // not negative: checkOrderItself runs first).
    if (h !== undefined) checkLineRefunds(line, i, h, errors);
  }
}

/**
 * Whether the refunds take no line beyond what it has, found by visiting
 * only the lines the history names — a history of a few refunds of a long
 * order names few — rather than every line of the order. `false` says
 * only "ask {@link checkEveryLineRefunds}", which reports in the order's
 * order; so does an order whose line ids repeat (a history line then
 * stands for several order lines).
 */
function refundsFewLinesSoundly(order: Order, history: RefundHistory, ids: OrderIds): boolean {
  if (history.lines.size >= order.lineItems.length || ids.lines.size !== order.lineItems.length)
    return false;
  const found: RefundError[] = [];
  for (const [lineItemId, h] of history.lines) {
    const i = ids.lines.get(lineItemId);
    const line = i === undefined ? undefined : order.lineItems[i];
    if (line === undefined || line.id !== lineItemId) return false;
    checkLineRefunds(line, i as number, h, found);
    if (found.length > 0) return false;
  }
  return true;
}

/**
 * {@link checkRefundHistory} for one memo added to a history already
 * checked: the memo's shape, and the lines, shipping lines and invoices it
 * touches against `after`, the history with the memo. Costs the memo's size,
 * not the history's; what the memo does not touch was checked before.
 *
 * @param before - the order without the memo (its `refunds` already checked).
 * @param ids - `orderIds(before)`.
 * @param after - `before`'s history with the memo added.
 * @param idTaken - whether a memo of `before` has an id (by default, a pass
 * over its refunds; `applyRefund` looks it up in the history it carries).
 */
export function checkAddedMemo(
  before: Order,
  ids: OrderIds,
  after: RefundHistory,
  memo: CreditMemo,
  idTaken: (id: string) => boolean = (id) => isMemoIdTaken(before.refunds, id),
): RefundError[] {
  const m = before.refunds.length;
  const errors: RefundError[] = [];
  checkMemoShape(before, ids, memo, m, errors);
  if (errors.length > 0) return errors;
  if (idTaken(memo.id))
    errors.push(inconsistent(`refunds[${m}].id`, `the id "${memo.id}" is used twice`));
  for (const memoLine of memo.lineItems) {
    const i = ids.lines.get(memoLine.lineItemId) ?? -1;
    const line = before.lineItems[i];
    const h = after.lines.get(memoLine.lineItemId);
    if (line !== undefined && h !== undefined) checkLineRefunds(line, i, h, errors);
  }
  for (const memoLine of memo.shipping.lines) {
    const i = ids.shippingLines.get(memoLine.shippingLineId) ?? -1;
    const line = before.shippingLines[i];
    if (line !== undefined)
      checkShippingRefunds(line, i, shippingHistoryOf(after, line.id), errors);
  }
  for (const transaction of memo.transactions) {
    const i = ids.invoices.get(transaction.invoiceId) ?? -1;
    const invoice = before.invoices[i];
    if (invoice !== undefined)
      checkInvoicePayouts(invoice, i, invoiceTakenOf(after, invoice.id), errors);
  }
  return errors;
}
