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
import { refundArgumentErrors, soundArgumentIds } from "./apiArguments.js";
import type { CreditMemo, CreditMemoLine } from "./domain/creditMemo.js";
import type { Order } from "./domain/order.js";
import { currencyOfSide } from "./domain/order.js";
import type { PolicyName } from "./domain/policy.js";
import type { RefundRequest } from "./domain/refundRequest.js";
import { unreadableError } from "./domain/shapes.js";
import { type RefundError, refundErrors } from "./errors.js";
import { formatInCurrency } from "./money/decimal.js";
import { isZeroBag, type MoneyBag, ZERO } from "./money/moneyBag.js";
import { type CheckedHistory, carriedHistoryOf } from "./order/carriedHistory.js";
import { orderMoneyLeft } from "./order/moneyLeft.js";
import {
  checkHistoryShape,
  checkOrder,
  checkRefundHistory,
  type OrderIds,
  orderIds,
  refundHistoryOf,
  soundOrderIds,
} from "./order/orderConsistency.js";
import { type KeySet, type RefundHistory, readRefundHistory } from "./order/refundHistory.js";
import { freeAmountBag, readFreeAmounts } from "./refund/freeAmounts.js";
import { refundLine } from "./refund/lineRefund.js";
import { type SelectedLine, selectEverythingLeft, selectLines } from "./refund/lineSelection.js";
import { type PolicyProrations, prorationsOf } from "./refund/proration.js";
import {
  FULL_SHIPPING,
  NO_SHIPPING,
  refundShipping,
  type ShippingAsk,
} from "./refund/shippingRefund.js";
import { fitToMoneyLeft, LineSums, memoTotals } from "./refund/totals.js";
import {
  checkPayoutAsk,
  exchangeDifferenceOf,
  type MoneyFigures,
  NO_PAYOUT,
  NO_PAYOUT_RESULT,
  type PayoutAsk,
  payOut,
  payOutOfOneInvoice,
  payoutAskOf,
} from "./refund/transactions.js";

/**
 * No errors: one frozen list shared by every check that finds none, so a
 * refund that passes builds no empty lists. Never pushed onto (frozen: a
 * push would throw, and a test spoils each check that returns it).
 */
const NO_ERRORS: readonly RefundError[] = Object.freeze([]);

/** A policy's prorations, frozen: they are constants. */
function frozenProrations(policy: PolicyName): PolicyProrations {
  const prorations = prorationsOf(policy);
  Object.freeze(prorations.lines);
  Object.freeze(prorations.shipping);
  return Object.freeze(prorations);
}

/**
 * The prorations of each policy, made once (frozen constants), so a refund
 * need not build their three objects per call; found by comparing names,
 * not by a map look-up.
 */
const DEFAULT_PRORATIONS = frozenProrations("default");
const MAGENTO_PRORATIONS = frozenProrations("magento");
const SHOPIFY_PRORATIONS = frozenProrations("shopify");
const BANKERS_PRORATIONS = frozenProrations("bankers");

/** The prorations of `policy`: one of the constants above for each name of POLICY_NAMES. */
function prorationsFor(policy: PolicyName): PolicyProrations {
  switch (policy) {
    case "default":
      return DEFAULT_PRORATIONS;
    case "magento":
      return MAGENTO_PRORATIONS;
    case "shopify":
      return SHOPIFY_PRORATIONS;
    case "bankers":
      return BANKERS_PRORATIONS;
    default:
      // Not a policy name (checked at the API; an internal caller's mistake): as before.
      return prorationsOf(policy);
  }
}

/** How each memo line is refunded: whether duties go back, whether prices include tax. */
interface LineOptions {
  readonly refundDuties: boolean;
  readonly taxesIncluded: boolean;
}

/** The four {@link LineOptions}, made once (frozen): no object per call. */
const LINE_OPTIONS: readonly (readonly LineOptions[])[] = [
  [
    Object.freeze({ refundDuties: false, taxesIncluded: false }),
    Object.freeze({ refundDuties: false, taxesIncluded: true }),
  ],
  [
    Object.freeze({ refundDuties: true, taxesIncluded: false }),
    Object.freeze({ refundDuties: true, taxesIncluded: true }),
  ],
];

/** The {@link LineOptions} of the two flags. */
function lineOptionsOf(refundDuties: boolean, taxesIncluded: boolean): LineOptions {
  return (LINE_OPTIONS[refundDuties ? 1 : 0] as readonly LineOptions[])[
    taxesIncluded ? 1 : 0
  ] as LineOptions;
}

/** `errors` as a non-empty list (a copy, so callers' lists stay theirs), or `undefined`. */
function nonEmpty(errors: readonly RefundError[]): NonEmptyArray<RefundError> | undefined {
  // No destructuring: `[first, ...rest]` built two lists on every call, also when empty.
  return errors.length === 0 ? undefined : (errors.slice() as NonEmptyArray<RefundError>);
}

/**
 * The id the next credit memo of `order` gets ([§6](../docs/specification.md#6-credit-memo)): the request's
 * `idempotencyKey` when present, else `"<orderId>-<n>"` where `n` is the
 * memo's 1-based position in `order.refunds`.
 *
 * @param order - the order the memo will be appended to.
 * @param request - the refund request.
 * @returns the memo id. Never fails; a key already used is reported by
 * {@link calculate} as `DUPLICATE_REFUND`. Arguments that are not an order
 * and a refund request (a JavaScript caller's wrong types, a getter that
 * throws), of which no id can be made, give `""`.
 * @example
 * ```ts
 * import { creditMemoId, decodeOrder, decodeRefundRequest } from "refund-core";
 * const order = decodeOrder({ id: "5", currency: "USD" });
 * const plain = decodeRefundRequest({ amount: "5.00" });
 * const keyed = decodeRefundRequest({ amount: "5.00", idempotencyKey: "rma-77" });
 * if (order._tag === "Left" || plain._tag === "Left" || keyed._tag === "Left") throw new Error();
 * creditMemoId(order.right, plain.right); // => "5-1"
 * creditMemoId(order.right, keyed.right); // => "rma-77"
 * ```
 * @category Calculating
 */
export function creditMemoId(order: Order, request: RefundRequest): string {
  if (refundArgumentErrors(order, request, "default") !== undefined) return "";
  const taken = new Set<string>();
  for (const memo of order.refunds) taken.add(memo.id);
  return memoIdOf(order, request.idempotencyKey, taken);
}

/**
 * {@link creditMemoId} of checked arguments, with the ids of the order's
 * memos (`taken`): `<orderId>-<n>`, n its 1-based position; should an
 * earlier memo's key have taken that id, the next free n, so that memo ids
 * stay unique. Each candidate costs one look-up, so memos holding `n`,
 * `n + 1`, … in turn cost one pass, not one pass over the history per
 * candidate (issue 12: with 10^4 such memos `calculate` took 5.5 s). At most
 * `refunds.length` candidates can be taken, so the loop ends.
 */
function memoIdOf(order: Order, idempotencyKey: string | undefined, taken: KeySet): string {
  if (idempotencyKey !== undefined) return idempotencyKey;
  let k = order.refunds.length + 1;
  // Each candidate spelt once (it was spelt again to be returned).
  let id = memoIdAt(order.id, k);
  // No memo yet, no id taken: the look-up (which flattens and hashes the id) is skipped.
  if (taken.size === 0) return id;
  while (taken.has(id)) {
    k += 1;
    id = memoIdAt(order.id, k);
  }
  return id;
}

/**
 * `"-1"` to `"-9"` (at their positions; `"-0"` is never used): the endings
 * of the ids of an order's first nine memos, written out, so the common id
 * is one concatenation with no number turned into a string (a constant).
 */
const FIRST_ENDINGS: readonly string[] = Object.freeze([
  "-0",
  "-1",
  "-2",
  "-3",
  "-4",
  "-5",
  "-6",
  "-7",
  "-8",
  "-9",
]);

/** `"<orderId>-<k>"`, the id of an order's `k`-th memo (1-based). */
function memoIdAt(orderId: string, k: number): string {
  return k < 10 ? orderId + (FIRST_ENDINGS[k] as string) : `${orderId}-${k}`;
}

/**
 * `INVALID_INPUT` for an empty idempotency key, or for `full` with other
 * items. The key and `full` come read (the caller has them): the request's
 * other fields are read only when `full` is set.
 */
function requestShapeErrors(
  request: RefundRequest,
  idempotencyKey: string | undefined,
  full: boolean,
): readonly RefundError[] {
  if (idempotencyKey === "")
    return [
      refundErrors.invalidInput(
        "idempotencyKey",
        "must not be empty: it becomes the credit memo's id",
      ),
    ];
  if (
    full &&
    (request.lineItems.length > 0 || request.shipping !== undefined || request.amount !== undefined)
  )
    return [
      refundErrors.invalidInput("full", "cannot be combined with lineItems, shipping or amount"),
    ];
  return NO_ERRORS;
}

/** `DUPLICATE_REFUND`: the request's idempotency key is a refund's of this order already. */
function duplicateRefundErrors(
  key: string | undefined,
  history: RefundHistory,
): readonly RefundError[] {
  if (key !== undefined && (history.idempotencyKeys.has(key) || history.memoIds.has(key)))
    return [refundErrors.duplicateRefund("idempotencyKey", key)];
  return NO_ERRORS;
}

function shippingAskOf(
  full: boolean,
  shipping: RefundRequest["shipping"],
  presentmentAmount: bigint | undefined,
): ShippingAsk {
  if (full) return FULL_SHIPPING;
  if (shipping === undefined) return NO_SHIPPING;
  if (presentmentAmount !== undefined) return { kind: "amount", presentment: presentmentAmount };
  return shipping.fullRefund ? FULL_SHIPPING : NO_SHIPPING;
}

function totalErrors(order: Order, total: MoneyBag, hasLines: boolean): readonly RefundError[] {
  const side = total.presentment < 0n ? "presentment" : total.shop < 0n ? "shop" : undefined;
  if (side !== undefined) {
    const code = currencyOfSide(order, side);
    return [refundErrors.negativeTotal(code, formatInCurrency(total[side], code))];
  }
  if (!hasLines && isZeroBag(total)) return [refundErrors.emptyRefund()];
  return NO_ERRORS;
}

/**
 * Computes the credit memo for a refund request — the memo
 * {@link applyRefund} would record — without changing anything.
 *
 * One refund in a straight line: check the order → validate the request
 * against it → prorate each line ([§3.1](../docs/specification.md#31-proration), [§3.3](../docs/specification.md#33-duties)) and the shipping ([§3.2](../docs/specification.md#32-shipping)) → add
 * up the totals ([§3.4](../docs/specification.md#34-adjustments-and-amount-only-refunds)–[§3.6](../docs/specification.md#36-full-refund)) → pay the total out of the invoices, each
 * transaction at its invoice's rate ([§3.7](../docs/specification.md#37-money-out-transactions), [§3.8](../docs/specification.md#38-free-amounts-and-currency)), the shop gap reported as
 * the memo's `exchangeDifference`.
 * The guide [Calculation rules](../docs/calculation-rules.md) walks through
 * every rule with numbers.
 *
 * @param order - the order with its refund history, as {@link decodeOrder}
 * returns it.
 * @param request - what to refund, as {@link decodeRefundRequest} returns it.
 * @param policy - proration and rounding ([§9.1](../docs/specification.md#91-policies)); `"default"` follows [§3](../docs/specification.md#3-calculation-rules)
 * exactly. See {@link PolicyName}.
 * @returns `Right` with the credit memo, or `Left` with every error found.
 * Never throws.
 * @errors
 * First, for JavaScript callers: `INVALID_INPUT` when an argument is not
 * what its type says — not an order or a refund request as the decoders
 * make them (path prefixed `order.` / `request.`), a policy that is not a
 * name of {@link POLICY_NAMES}, a value whose getters or Proxy traps throw.
 * Then three rounds. A round that finds errors which leave the total unknown
 * ends the calculation; errors about how the money would go out
 * (`UNKNOWN_INVOICE`, `OFFLINE_INVOICE`, `DUPLICATE_REFUND`, the
 * transactions' own `INVALID_INPUT`) do not hide the total's errors ([§5](../docs/specification.md#5-validation-and-typed-errors) v2).
 * 1. The order: `INCONSISTENT_ORDER` (ids repeated, discounts above the
 *    gross, a history that refunds more than the order has, …) and
 *    `INVALID_INPUT` (unknown currency).
 * 2. The request, every problem together: `UNKNOWN_LINE_ITEM`,
 *    `DUPLICATE_LINE_ITEM`, `INVALID_QUANTITY`, `OVER_REFUND` (`quantity`,
 *    `shipping`), `RESTOCK_EXCEEDS_FULFILLED`, `MISSING_CURRENCY`,
 *    `CURRENCY_MISMATCH`, `UNKNOWN_INVOICE`, `OFFLINE_INVOICE`,
 *    `DUPLICATE_REFUND` and `INVALID_INPUT` (`full` with other items,
 *    `invoiceId` with `transactions`, an ambiguous sku, too many fraction
 *    digits, a transaction amount of zero).
 * 3. The total: `NEGATIVE_TOTAL` or `EMPTY_REFUND`, `AMOUNT_MISMATCH`, then
 *    the payout: `NOT_PAID`, `OVER_REFUND` (`money`, `invoice`; presentment
 *    money, [§3.8](../docs/specification.md#38-free-amounts-and-currency)), `TRANSACTION_MISMATCH`. `maximum` is never negative.
 *
 * See [Errors](../docs/errors.md) for what each means and how to recover.
 * @example
 * The Magento tutorial's refund: one of two tees, returned to stock.
 * ```ts
 * import { calculate, decodeOrder, decodeRefundRequest, encodeCreditMemo } from "refund-core";
 *
 * const order = decodeOrder({
 *   id: "5",
 *   currency: "USD",
 *   lineItems: [{
 *     id: "3", quantity: 2, price: "22.00",
 *     discountAllocations: [{ title: "SUMMER20", amount: "4.40" }],
 *     taxLines: [{ title: "State Tax", rate: "0.0825", amount: "3.27" }],
 *   }],
 *   invoices: [{ id: "inv-1", amount: "42.87", gateway: "banktransfer", online: false }],
 * });
 * const request = decodeRefundRequest({
 *   lineItems: [{ lineItemId: "3", quantity: 1, restock: "return" }],
 * });
 * if (order._tag === "Left" || request._tag === "Left") throw new Error("invalid input");
 *
 * const result = calculate(order.right, request.right);
 * if (result._tag === "Left") throw new Error(result.left[0].message);
 * const memo = encodeCreditMemo(result.right);
 * memo["subtotal"]; // => "19.80"
 * memo["tax"]; // => "1.64"
 * memo["total"]; // => "21.44"
 * ```
 * @example
 * Errors are values: three tees of two is an over-refund.
 * ```ts
 * import { calculate, decodeOrder, decodeRefundRequest } from "refund-core";
 *
 * const order = decodeOrder({
 *   id: "5",
 *   currency: "USD",
 *   lineItems: [{ id: "3", quantity: 2, price: "22.00" }],
 *   invoices: [{ id: "inv-1", amount: "44.00", online: true }],
 * });
 * const request = decodeRefundRequest({ lineItems: [{ lineItemId: "3", quantity: 3 }] });
 * if (order._tag === "Left" || request._tag === "Left") throw new Error("invalid input");
 *
 * const result = calculate(order.right, request.right);
 * result._tag; // => "Left"
 * if (result._tag === "Left") {
 *   const [error] = result.left;
 *   error.code; // => "OVER_REFUND"
 *   error.message; // => 'Only 2 of item "3" can still be refunded, not 3.'
 * }
 * ```
 * @category Calculating
 */
export function calculate(
  order: Order,
  request: RefundRequest,
  policy: PolicyName = "default",
): Either<NonEmptyArray<RefundError>, CreditMemo> {
  // `_tag` checks rather than `E.map`/`E.chain` here and below: fp-ts's
  // data-last combinators copy their arguments on every call, a fixed cost
  // that shows on small refunds. The memo is returned as the refund made
  // it, not unwrapped from a {@link CheckedRefund} built for `applyRefund`.
  const checked = checkedArguments(order, request, policy);
  if (E.isLeft(checked)) return checked;
  return refundOnCheckedHistory(order, request, policy, checked.right);
}

/** A memo and what the checks read of the order it was computed on. */
export interface CheckedRefund {
  readonly creditMemo: CreditMemo;
  /** The order's refund history before the memo, read and checked, and its ids. */
  readonly checked: CheckedHistory;
}

/**
 * {@link calculate}, also returning the order's checked history, which
 * `applyRefund` hands on to the new order. Internal, not exported from the
 * package root. An order that carries its history (one `applyRefund`
 * returned) is not read or checked again: it was when the history was
 * made (see `carriedHistory.ts`).
 */
export function calculateWithHistory(
  order: Order,
  request: RefundRequest,
  policy: PolicyName = "default",
): Either<NonEmptyArray<RefundError>, CheckedRefund> {
  const checked = checkedArguments(order, request, policy);
  if (E.isLeft(checked)) return checked;
  const memo = refundOnCheckedHistory(order, request, policy, checked.right);
  return E.isLeft(memo) ? memo : E.right({ creditMemo: memo.right, checked: checked.right });
}

/**
 * The arguments checked (`INVALID_INPUT`) and then the order
 * (`INCONSISTENT_ORDER`, `INVALID_INPUT`): the order's checked history, or
 * every error found. Arguments that are all right with an order that is
 * sound — nearly every call — are known in one read of the order
 * (`soundArgumentIds`), which also builds its ids; anything else is
 * checked by `refundArgumentErrors` and the exact passes, which report the
 * errors.
 */
function checkedArguments(
  order: Order,
  request: RefundRequest,
  policy: PolicyName,
): Either<NonEmptyArray<RefundError>, CheckedHistory> {
  const sound = soundArgumentIds(order, request, policy);
  // The order's ids: all is right. Otherwise the checks that report.
  if (typeof sound === "object") return checkedHistoryOf(order, sound);
  const invalid = refundArgumentErrors(order, request, policy);
  if (invalid !== undefined) return E.left(invalid);
  // Read once with a throw, then without: refused all the same (a getter that throws once).
  if (sound !== undefined) return E.left([unreadableError(sound)]);
  return checkedHistoryOf(order, undefined);
}

/**
 * The order's checked history: the one it carries, else its refunds read
 * and the order checked (`INCONSISTENT_ORDER`, `INVALID_INPUT`) now.
 * `known` is the order's ids when the order itself is already known to be
 * sound (see `soundArgumentIds`).
 */
function checkedHistoryOf(
  order: Order,
  known: OrderIds | undefined,
): Either<NonEmptyArray<RefundError>, CheckedHistory> {
  const carried = carriedHistoryOf(order);
  if (carried !== undefined) return E.right(carried);
  const history = refundHistoryOf(order);
  // A sound order, nearly every call, is known in one pass that builds its
  // ids on the way; anything else goes through the exact passes, which
  // report the errors. With no refunds the history check can find nothing.
  const sound = known ?? soundOrderIds(order);
  const ids = sound ?? orderIds(order);
  const errors =
    sound === undefined
      ? checkOrder(order, history, ids)
      : order.refunds.length === 0
        ? undefined
        : checkRefundHistory(order, history, ids);
  const orderErrors = errors === undefined ? undefined : nonEmpty(errors);
  return orderErrors === undefined ? E.right({ history, ids }) : E.left(orderErrors);
}

/**
 * {@link calculate} without the order checks, for an order whose own data
 * `checkOrderItself` has already accepted. Internal: `audit` replays a
 * history memo by memo and reports a history that refunds too much as
 * rejected memos, not as `INCONSISTENT_ORDER` ([§9.2](../docs/specification.md#92-audit)). Not exported from the
 * package root. The history's shape (`checkHistoryShape`) is still checked,
 * unless `checked` is given: the history read, its shape checked and the
 * order's ids, which the audit keeps up to date memo by memo so that a
 * replay does not read the history again. With `replay` — the order's
 * money left and collected, which the audit also keeps memo by memo — no
 * figure is added up over the invoices and no transactions are computed
 * (the memo's recorded ones are checked on their own): a replay then costs
 * what its memo holds, not what the order holds.
 */
export function calculateOnCheckedOrder(
  order: Order,
  request: RefundRequest,
  policy: PolicyName = "default",
  checked?: CheckedHistory,
  replay?: MoneyFigures,
): Either<NonEmptyArray<RefundError>, CreditMemo> {
  if (checked !== undefined) return refundOnCheckedHistory(order, request, policy, checked, replay);
  const ids = orderIds(order);
  const shapeErrors = nonEmpty(checkHistoryShape(order, ids));
  if (shapeErrors !== undefined) return E.left(shapeErrors);
  return refundOnCheckedHistory(order, request, policy, {
    history: readRefundHistory(order.refunds),
    ids,
  });
}

/** The refund itself, on an order whose checks have passed. */
function refundOnCheckedHistory(
  order: Order,
  request: RefundRequest,
  policy: PolicyName,
  { history, ids }: CheckedHistory,
  replay?: MoneyFigures,
): Either<NonEmptyArray<RefundError>, CreditMemo> {
  // Validate the request against the order. A field read more than once is
  // read into a local once: in a service, requests come in many shapes and
  // each read of a field they lack is a slow (megamorphic) load.
  const idempotencyKey = request.idempotencyKey;
  const full = request.full;
  const lineItems = request.lineItems;
  const prorations = prorationsFor(policy);
  // The order has passed its checks: its two codes are strings, no shape check needed.
  const multiCurrency = order.currency !== order.presentmentCurrency;
  const free = readFreeAmounts(order, request);
  const selection =
    full && lineItems.length === 0
      ? { errors: NO_ERRORS, lines: selectEverythingLeft(order, history) }
      : selectLines(order, ids, lineItems, history, request.refundDuties, prorations.rounding);
  const payoutAsk: PayoutAsk =
    replay === undefined ? payoutAskOf(request, free.amounts.transactions) : NO_PAYOUT;
  const shippingAsk = shippingAskOf(full, request.shipping, free.amounts.shipping);
  const shipping = refundShipping(
    shippingAsk,
    order.shippingLines,
    history,
    order.presentmentCurrency,
    multiCurrency,
    prorations,
  );
  // Errors about how the money would go out do not keep the total from
  // being computed, so they do not hide its errors (§5, v2); the others do.
  const shapeErrors = requestShapeErrors(request, idempotencyKey, full);
  const duplicate = duplicateRefundErrors(idempotencyKey, history);
  const payoutAskErrors = checkPayoutAsk(order, request, payoutAsk, ids.invoices);
  const totalUnknown =
    shapeErrors.length > 0 ||
    free.errors.length > 0 ||
    selection.errors.length > 0 ||
    shipping.errors.length > 0;
  if (totalUnknown)
    return E.left([
      ...shapeErrors,
      ...duplicate,
      ...free.errors,
      ...selection.errors,
      ...shipping.errors,
      ...payoutAskErrors,
    ] as NonEmptyArray<RefundError>);

  // Prorate each line.
  const lineOptions = lineOptionsOf(full || request.refundDuties, order.taxesIncluded);
  // An exact-size list filled by index: once per line, no closure.
  // The memo's sums are added up as its lines are made (no second pass).
  const selected: readonly SelectedLine[] = selection.lines;
  const prorated = new Array<CreditMemoLine>(selected.length);
  const sums = new LineSums();
  let noUnits = false;
  for (let i = 0; i < selected.length; i++) {
    const line = selected[i] as SelectedLine;
    if (line.quantity === 0) noUnits = true;
    prorated[i] = refundLine(line, lineOptions, prorations.lines, sums);
  }
  // A line of quantity 0 refunds only duties (§3.3). One whose duties give
  // nothing under the policy refunds nothing: asked for, its quantity is
  // invalid; under `full`, it is left out. Such a memo line would fail the
  // memo's own audit (issue 12, finding 8). Only a line of no units can be idle.
  const idle = noUnits ? idleLineErrors(prorated) : undefined;
  if (idle !== undefined && !full) return E.left(idle);
  const lines = idle === undefined ? prorated : prorated.filter((line) => !isIdleLine(line));
  // Idle lines left out: the sums no longer hold the memo's lines, which are added up again.
  const lineSums = idle === undefined ? sums : undefined;

  // Adjustments and totals.
  const moneyLeft = replay === undefined ? orderMoneyLeft(order, history) : replay.moneyLeft;
  // Shipping that refunds nothing (no fullRefund, no or a zero amount) is no shipping here.
  const shippingRefundsSomething =
    shippingAsk.kind === "full" || (shippingAsk.kind === "amount" && shippingAsk.presentment > 0n);
  const amounts = free.amounts;
  const amountOnly =
    amounts.amount !== undefined && lineItems.length === 0 && !shippingRefundsSomething && !full;
  const positive =
    amounts.adjustmentPositive === undefined && !amountOnly
      ? undefined
      : (amounts.adjustmentPositive ?? 0n) + (amountOnly ? (amounts.amount ?? 0n) : 0n);
  // An adjustment the request does not give is zero on both sides: it must not
  // "equal the whole pool" when the presentment money left is 0 (§3.8).
  // Plain calls, no closures: this runs once per call (issue 15 part 2).
  const negative = amounts.adjustmentNegative;
  let adjustmentPositive =
    positive === undefined
      ? ZERO
      : freeAmountBag(positive, moneyLeft, multiCurrency, prorations.rounding);
  let adjustmentNegative =
    negative === undefined
      ? ZERO
      : freeAmountBag(negative, moneyLeft, multiCurrency, prorations.rounding);
  let totals = memoTotals(
    lines,
    shipping.shipping,
    adjustmentPositive,
    adjustmentNegative,
    order.taxesIncluded,
    lineSums,
  );
  if (full) {
    const fitted = fitToMoneyLeft(totals.total, moneyLeft, {
      positive: adjustmentPositive,
      negative: adjustmentNegative,
    });
    adjustmentPositive = fitted.positive;
    adjustmentNegative = fitted.negative;
    totals = memoTotals(
      lines,
      shipping.shipping,
      adjustmentPositive,
      adjustmentNegative,
      order.taxesIncluded,
      lineSums,
    );
  }

  // Check the total and pay it out.
  const total = totals.total;
  const totalProblems = totalErrors(order, total, lines.length > 0);
  const amountCheck =
    !amountOnly && amounts.amount !== undefined && amounts.amount !== total.presentment
      ? [amountMismatch(order, total.presentment, amounts.amount)]
      : NO_ERRORS;
  // The common payout (suggested, out of the one invoice, which holds the
  // total) has no errors of its own and no ask errors: it is answered
  // directly; anything else goes through `payOut` and its checks.
  let transactions =
    totalProblems.length > 0
      ? undefined
      : payOutOfOneInvoice(total, payoutAsk, order.invoices, moneyLeft, prorations.rounding);
  if (transactions === undefined) {
    const payout =
      totalProblems.length > 0
        ? NO_PAYOUT_RESULT
        : payOut(
            total,
            payoutAsk,
            order,
            history,
            prorations.rounding,
            ids.invoices,
            moneyLeft,
            replay === undefined ? undefined : replay.collected,
          );
    // With a payout ask that is itself wrong (an unknown or offline invoice…),
    // the limits of the invoices it names are not reported: it must change anyway.
    const payoutErrors =
      payoutAskErrors.length === 0 ? payout.errors : payout.errors.filter(isNotAboutAnInvoice);
    // The list of errors is built only when there is one (most calls have none).
    if (
      duplicate.length > 0 ||
      payoutAskErrors.length > 0 ||
      totalProblems.length > 0 ||
      amountCheck.length > 0 ||
      payoutErrors.length > 0
    )
      return E.left([
        ...duplicate,
        ...payoutAskErrors,
        ...totalProblems,
        ...amountCheck,
        ...payoutErrors,
      ] as NonEmptyArray<RefundError>);
    transactions = payout.transactions;
  } else if (duplicate.length > 0 || amountCheck.length > 0)
    // The errors `payOut`'s path would report: those of the ask, the total and the payout are none.
    return E.left([...duplicate, ...amountCheck] as NonEmptyArray<RefundError>);

  return E.right({
    id: memoIdOf(order, idempotencyKey, history.memoIds),
    orderId: order.id,
    currency: order.currency,
    presentmentCurrency: order.presentmentCurrency,
    taxesIncluded: order.taxesIncluded,
    lineItems: lines,
    shipping: shipping.shipping,
    adjustmentPositive,
    adjustmentNegative,
    subtotal: totals.subtotal,
    discount: totals.discount,
    tax: totals.tax,
    duties: totals.duties,
    total,
    maximumRefundable: moneyLeft,
    transactions,
    exchangeDifference: exchangeDifferenceOf(total, transactions),
    reason: request.reason ?? null,
    note: request.note ?? null,
    notify: request.notify,
    idempotencyKey: idempotencyKey ?? null,
  });
}

/**
 * Whether a memo line refunds nothing: no unit, no line amount, no gross,
 * discount or tax (what `full` finishes of a line an amount left part
 * refunded), and duties and duty taxes all zero.
 */
function isIdleLine(line: CreditMemoLine): boolean {
  // A line refunded by amount, or one `full` finishes (§3.9), refunds money with no unit.
  if (line.quantity !== 0 || line.amount !== null) return false;
  if (!isZeroBag(line.gross) || !isZeroBag(line.discount) || !isZeroBag(line.tax)) return false;
  for (const duty of line.duties) {
    if (!isZeroBag(duty.amount)) return false;
    for (const tax of duty.taxLines) if (!isZeroBag(tax.amount)) return false;
  }
  return true;
}

/**
 * `INVALID_QUANTITY` for each requested line that {@link isIdleLine}: the
 * memo lines are in the order of the request's lines (the selection, which
 * has passed, keeps it), so line `i` is the request's `lineItems[i]`.
 */
function idleLineErrors(lines: readonly CreditMemoLine[]): NonEmptyArray<RefundError> | undefined {
  // The list is made on the first idle line: most memos have none.
  let errors: RefundError[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as CreditMemoLine;
    if (isIdleLine(line)) {
      errors ??= [];
      errors.push(refundErrors.invalidQuantity(`lineItems[${i}].quantity`, line.lineItemId));
    }
  }
  return errors as NonEmptyArray<RefundError> | undefined;
}

function isNotAboutAnInvoice(error: RefundError): boolean {
  return !(error.code === "OVER_REFUND" && error.subject === "invoice");
}

function amountMismatch(order: Order, total: bigint, stated: bigint): RefundError {
  const code = order.presentmentCurrency;
  return refundErrors.amountMismatch(
    "amount",
    code,
    formatInCurrency(total, code),
    formatInCurrency(stated, code),
  );
}
