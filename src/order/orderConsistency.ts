/**
 * Whether an order contradicts itself ([§2](../../docs/specification.md#2-order), `INCONSISTENT_ORDER`): the
 * order's own lines, shipping and invoices, and separately its refund
 * history. An audit checks only the first and reports the history memo by
 * memo ([§9.2](../../docs/specification.md#92-audit)).
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
  type Duty,
  type Invoice,
  type LineItem,
  type Order,
  type ShippingLine,
  shippingNet,
} from "../domain/order.js";
import { type RefundError, refundErrors } from "../errors.js";
import { findCurrency } from "../money/currency.js";
import {
  everySameSides,
  exceedsOnEitherSide,
  isNegativeOnEitherSide,
  type MoneyBag,
  type Side,
  sameSides,
  subtractBags,
  sumAmounts,
  sumSide,
} from "../money/moneyBag.js";
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

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/**
 * {@link repeatedIds} over every line's duties as one list (`duties[k]`
 * counts across lines), without building that list: this runs per call,
 * over every line of the order.
 */
function repeatedDutyIds(lines: readonly LineItem[], errors: RefundError[]): void {
  const seen = new Set<string>();
  let k = 0;
  for (let i = 0; i < lines.length; i++) {
    const duties = (lines[i] as LineItem).duties;
    for (let d = 0; d < duties.length; d++) {
      const id = (duties[d] as Duty).id;
      const before = seen.size;
      seen.add(id);
      if (seen.size === before)
        errors.push(inconsistent(`duties[${k}].id`, `the id "${id}" is used twice`));
      k += 1;
    }
  }
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
 * {@link repeatedIds} for a list already indexed by {@link orderIds}: an
 * item not at its id's first position repeats an id. Nothing to look at
 * when the index has as many ids as the list has items.
 */
function repeatedPositions(
  items: readonly { readonly id: string }[],
  positions: ReadonlyMap<string, number>,
  path: string,
  errors: RefundError[],
): void {
  if (positions.size === items.length) return;
  items.forEach((item, i) => {
    if (positions.get(item.id) !== i)
      errors.push(inconsistent(`${path}[${i}].id`, `the id "${item.id}" is used twice`));
  });
}

/**
 * What is wrong with one stored amount, if anything: a negative side, or
 * sides that differ on a single-currency order.
 */
function amountProblem(amount: MoneyBag, single: boolean): string | undefined {
  if (isNegativeOnEitherSide(amount)) return "an amount is negative";
  if (single && amount.shop !== amount.presentment)
    return "a single-currency order has different shop and presentment amounts";
  return undefined;
}

function isSound(amount: MoneyBag, single: boolean): boolean {
  return amountProblem(amount, single) === undefined;
}

function allSound(items: readonly { readonly amount: MoneyBag }[], single: boolean): boolean {
  for (const item of items) if (!isSound(item.amount, single)) return false;
  return true;
}

/**
 * Whether every stored amount is sound — the amounts of
 * {@link forEachStoredAmount}, checked in plain loops that allocate
 * nothing, so that a sound order of many lines costs no closures or paths.
 */
function everyStoredAmountSound(order: Order, single: boolean): boolean {
  for (const line of order.lineItems) {
    if (!isSound(line.price, single)) return false;
    if (!allSound(line.discountAllocations, single) || !allSound(line.taxLines, single))
      return false;
    for (const duty of line.duties)
      if (!isSound(duty.amount, single) || !allSound(duty.taxLines, single)) return false;
  }
  for (const line of order.shippingLines) {
    if (!isSound(line.price, single)) return false;
    if (!allSound(line.discountAllocations, single) || !allSound(line.taxLines, single))
      return false;
  }
  return allSound(order.invoices, single);
}

/**
 * Visits every stored amount of the order, in order, with a function that
 * spells its path. The path is only spelled for an error, so checking a
 * sound order of many lines builds no strings.
 */
function forEachStoredAmount(
  order: Order,
  visit: (amount: MoneyBag, path: () => string) => void,
): void {
  const each = (
    items: readonly { readonly amount: MoneyBag }[],
    path: (i: number) => string,
  ): void => {
    items.forEach((item, i) => {
      visit(item.amount, () => path(i));
    });
  };
  order.lineItems.forEach((line, i) => {
    const at = () => `lineItems[${i}]`;
    visit(line.price, () => `${at()}.price`);
    each(line.discountAllocations, (c) => `${at()}.discountAllocations[${c}].amount`);
    each(line.taxLines, (c) => `${at()}.taxLines[${c}].amount`);
    line.duties.forEach((duty, d) => {
      visit(duty.amount, () => `${at()}.duties[${d}].amount`);
      each(duty.taxLines, (c) => `${at()}.duties[${d}].taxLines[${c}].amount`);
    });
  });
  order.shippingLines.forEach((line, i) => {
    const at = () => `shippingLines[${i}]`;
    visit(line.price, () => `${at()}.price`);
    each(line.discountAllocations, (c) => `${at()}.discountAllocations[${c}].amount`);
    each(line.taxLines, (c) => `${at()}.taxLines[${c}].amount`);
  });
  order.invoices.forEach((invoice, i) => {
    visit(invoice.amount, () => `invoices[${i}].amount`);
  });
}

/**
 * What a line's own amounts exceed on one side of its bags, if anything:
 * `"discounts"` when its discounts exceed its gross (`price × units`), else
 * `"taxes"` when prices include tax and its taxes exceed the gross less the
 * discounts.
 */
function lineExcess(
  line: LineItem,
  units: bigint,
  side: Side,
  taxesIncluded: boolean,
): "discounts" | "taxes" | undefined {
  const gross = line.price[side] * units;
  const discount = sumSide(line.discountAllocations, side);
  if (discount > gross) return "discounts";
  if (taxesIncluded && sumSide(line.taxLines, side) > gross - discount) return "taxes";
  return undefined;
}

/** Whether the price, discounts and taxes of a line have equal sides. */
function sidesAgree(line: LineItem): boolean {
  return (
    sameSides(line.price) &&
    everySameSides(line.discountAllocations) &&
    everySameSides(line.taxLines)
  );
}

/**
 * Checks the order's own data: known currencies, unique ids, whole
 * quantities, non-negative amounts (equal on both sides of a single-currency
 * order), discounts within what they discount and, when prices include tax,
 * taxes within what they are included in.
 */
export function checkOrderItself(order: Order, ids: OrderIds = orderIds(order)): RefundError[] {
  const errors: RefundError[] = [];
  if (findCurrency(order.currency) === undefined)
    errors.push(refundErrors.invalidInput("currency", `is not a known ISO 4217 currency code`));
  if (findCurrency(order.presentmentCurrency) === undefined)
    errors.push(
      refundErrors.invalidInput("presentmentCurrency", `is not a known ISO 4217 currency code`),
    );
  repeatedPositions(order.lineItems, ids.lines, "lineItems", errors);
  repeatedPositions(order.shippingLines, ids.shippingLines, "shippingLines", errors);
  repeatedPositions(order.invoices, ids.invoices, "invoices", errors);
  repeatedDutyIds(order.lineItems, errors);
  const single = order.currency === order.presentmentCurrency;
  if (!everyStoredAmountSound(order, single))
    forEachStoredAmount(order, (amount, path) => {
      const problem = amountProblem(amount, single);
      if (problem !== undefined) errors.push(inconsistent(path(), problem));
    });
  // Indexed loops, not `forEach` with a closure: once per line of the order.
  for (let i = 0; i < order.lineItems.length; i++) {
    const line = order.lineItems[i] as LineItem;
    if (!isCount(line.quantity) || line.quantity === 0) {
      errors.push(
        inconsistent(`lineItems[${i}].quantity`, "the quantity is not a positive whole number"),
      );
      continue;
    }
    if (!isCount(line.fulfilledQuantity) || line.fulfilledQuantity > line.quantity)
      errors.push(
        inconsistent(
          `lineItems[${i}].fulfilledQuantity`,
          "more units are fulfilled than were ordered",
        ),
      );
    // Side by side in plain bigints, not bags: this runs for every line of
    // the order and the bags would be dropped at once. When all of the
    // line's amounts have equal sides (a single-currency order), the shop
    // side answers for both.
    const units = BigInt(line.quantity);
    const shop = lineExcess(line, units, "shop", order.taxesIncluded);
    const presentment = sidesAgree(line)
      ? shop
      : lineExcess(line, units, "presentment", order.taxesIncluded);
    if (shop === "discounts" || presentment === "discounts")
      errors.push(
        inconsistent(
          `lineItems[${i}].discountAllocations`,
          "the discounts exceed the line's gross amount",
        ),
      );
    else if (shop === "taxes" || presentment === "taxes")
      errors.push(
        inconsistent(
          `lineItems[${i}].taxLines`,
          "prices include tax, yet the taxes exceed the line's amount after discounts",
        ),
      );
  }
  for (let i = 0; i < order.shippingLines.length; i++) {
    const line = order.shippingLines[i] as ShippingLine;
    const discount = sumAmounts(line.discountAllocations);
    if (exceedsOnEitherSide(discount, line.price))
      errors.push(
        inconsistent(
          `shippingLines[${i}].discountAllocations`,
          "the discounts exceed the shipping price",
        ),
      );
    else if (
      order.taxesIncluded &&
      exceedsOnEitherSide(sumAmounts(line.taxLines), subtractBags(line.price, discount))
    )
      errors.push(
        inconsistent(
          `shippingLines[${i}].taxLines`,
          "prices include tax, yet the taxes exceed the shipping after discounts",
        ),
      );
  }
  return errors;
}

/**
 * The ids a memo may name, each with its position in the order, indexed once
 * for the whole history (and carried along a chain of refunds, see
 * `carriedHistory.ts`).
 */
export interface OrderIds {
  readonly lines: ReadonlyMap<string, number>;
  readonly shippingLines: ReadonlyMap<string, number>;
  readonly invoices: ReadonlyMap<string, number>;
  /**
   * The duty ids of each line with many duties, by the line's position:
   * built once per order, so that checking a history of many memos against
   * a line of many duties does not build the line's set for every memo line
   * (issue 12: 3×10^4 duties and memos took 287 s). Lines with few duties
   * are searched in place (see {@link lineHasDuty}).
   */
  readonly duties: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Up to this many duties a line's duties are searched in place, not through a set. */
const FEW_DUTIES = 8;

/** The duty ids of every line with more than {@link FEW_DUTIES} duties. */
function dutySets(lines: readonly LineItem[]): ReadonlyMap<number, ReadonlySet<string>> {
  const sets = new Map<number, ReadonlySet<string>>();
  for (let i = 0; i < lines.length; i++) {
    const duties = (lines[i] as LineItem).duties;
    if (duties.length <= FEW_DUTIES) continue;
    const set = new Set<string>();
    for (const duty of duties) set.add(duty.id);
    sets.set(i, set);
  }
  return sets;
}

/**
 * Whether order line `line`, at `position`, has a duty `dutyId`: in constant
 * time for a line of many duties (its set in `ids`), a short scan otherwise.
 */
export function lineHasDuty(
  ids: OrderIds,
  line: LineItem,
  position: number,
  dutyId: string,
): boolean {
  const set = ids.duties.get(position);
  if (set !== undefined) return set.has(dutyId);
  for (const duty of line.duties) if (duty.id === dutyId) return true;
  return false;
}

/** Each id's first position in `items`. */
function positionsById(items: readonly { readonly id: string }[]): ReadonlyMap<string, number> {
  const positions = new Map<string, number>();
  // Backwards, so that an id used twice keeps its first position.
  for (let i = items.length - 1; i >= 0; i--)
    positions.set((items[i] as { readonly id: string }).id, i);
  return positions;
}

/** The order's ids and their positions. */
export function orderIds(order: Order): OrderIds {
  return {
    lines: positionsById(order.lineItems),
    shippingLines: positionsById(order.shippingLines),
    invoices: positionsById(order.invoices),
    duties: dutySets(order.lineItems),
  };
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
  order.lineItems.forEach((line, i) => {
    const h = history.lines.get(line.id);
    // Nothing refunded of the line, nothing to exceed (its own amounts are
    // not negative: checkOrderItself runs first).
    if (h !== undefined) checkLineRefunds(line, i, h, errors);
  });
  order.shippingLines.forEach((line, i) => {
    checkShippingRefunds(line, i, shippingHistoryOf(history, line.id), errors);
  });
  order.invoices.forEach((invoice, i) => {
    checkInvoicePayouts(invoice, i, invoiceTakenOf(history, invoice.id), errors);
  });
  return errors;
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

/**
 * Both checks: the order itself, then (if that passes) its history. Pass the
 * history when it is already read, so that it is read once per refund.
 */
export function checkOrder(
  order: Order,
  history: RefundHistory = readRefundHistory(order.refunds),
  ids: OrderIds = orderIds(order),
): RefundError[] {
  const own = checkOrderItself(order, ids);
  return own.length > 0 ? own : checkRefundHistory(order, history, ids);
}
