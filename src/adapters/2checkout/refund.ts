/**
 * 2Checkout's `issueRefund`, both ways: its parameters (`RefNo`, `Amount`,
 * `Items[] {ProductCode | LineItemReference, Quantity, Amount}`, `Reason`,
 * `Comment`) read as a {@link RefundRequest}, and a credit memo written as
 * the parameters that carry it out.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import { calculate } from "../../calculate.js";
import type { CreditMemo } from "../../domain/creditMemo.js";
import { isMultiCurrency, type Order } from "../../domain/order.js";
import type { RefundLineRequest, RefundRequest } from "../../domain/refundRequest.js";
import type { RefundError } from "../../errors.js";
import { array, optional, runDecoder, string, struct } from "../../json/codec.js";
import type { JsonObject, JsonValue } from "../../json/json.js";
import { type Currency, findCurrency } from "../../money/currency.js";
import { formatMinorUnits } from "../../money/decimal.js";
import { isZeroBag } from "../../money/moneyBag.js";
import { moneyLeft } from "../../order/moneyLeft.js";
import { lineHistoryOf, readRefundHistory } from "../../order/refundHistory.js";
import { guarded } from "../guarded.js";
import { decimalOfMinor, minorAt, Problems, platformId, platformMoney } from "../platformCodecs.js";
import { twoCheckoutQuantity } from "./order.js";

/** The parameters of `issueRefund`. @category Adapters */
export const twoCheckoutRefundCodec = struct("2Checkout issueRefund parameters", {
  RefNo: platformId,
  Amount: platformMoney,
  Reason: optional(string),
  Comment: optional(string),
  Items: optional(
    array(
      struct("a 2Checkout refund item", {
        ProductCode: optional(string),
        LineItemReference: optional(string),
        Quantity: twoCheckoutQuantity,
        Amount: platformMoney,
      }),
      "a list of items",
    ),
  ),
});
type TwoCheckoutRefund = typeof twoCheckoutRefundCodec._A;

const NO_CURRENCY: Currency = { code: "", exponent: 0 };

function toRequest(
  raw: TwoCheckoutRefund,
  order: Order,
): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  const problems = new Problems();
  const currency = findCurrency(order.presentmentCurrency);
  const decimal = (m: bigint) => decimalOfMinor(m, currency ?? NO_CURRENCY);
  if (raw.RefNo !== order.id)
    problems.invalid("RefNo", `is "${raw.RefNo}", but the order's reference is "${order.id}"`);
  const amount = minorAt(raw.Amount, currency, "Amount", problems);
  const left = moneyLeft(order).presentment;
  const texts = {
    ...(raw.Reason === undefined || raw.Reason === "" ? {} : { reason: raw.Reason }),
    ...(raw.Comment === undefined || raw.Comment === "" ? {} : { note: raw.Comment }),
    notify: false,
  };
  const items = raw.Items ?? [];
  if (items.length === 0)
    return problems.result(() =>
      amount === left && left > 0n
        ? { lineItems: [], refundDuties: false, full: true, ...texts }
        : {
            lineItems: [],
            refundDuties: false,
            amount: decimal(amount),
            full: false,
            currency: order.presentmentCurrency,
            ...texts,
          },
    );
  let itemsTotal = 0n;
  const amounts: bigint[] = [];
  const byUnits: RefundLineRequest[] = items.map((it, j) => {
    const minor = minorAt(it.Amount, currency, `Items[${j}].Amount`, problems);
    amounts.push(minor);
    itemsTotal += minor;
    const named =
      it.LineItemReference !== undefined
        ? { lineItemId: it.LineItemReference }
        : it.ProductCode !== undefined
          ? { sku: it.ProductCode }
          : undefined;
    if (named === undefined)
      problems.invalid(`Items[${j}]`, "must name the item by ProductCode or LineItemReference");
    return { ...(named ?? { lineItemId: "" }), quantity: it.Quantity, restock: "no_restock" };
  });
  // An item's Amount is a line amount (§3.9) only where it is not what its units are worth.
  const worth = unitWorth(order, byUnits);
  const lineItems = byUnits.map((line, j): RefundLineRequest => {
    const itemAmount = amounts[j] ?? 0n;
    const id = lineIdOf(order, line);
    return id !== undefined && worth.get(id) === itemAmount
      ? line
      : { ...line, amount: decimal(itemAmount) };
  });
  // `Amount` checks the total; clients that send the order's total there mean no check.
  const orderTotal = order.invoices.reduce((sum, i) => sum + i.amount.presentment, 0n);
  if (amount !== itemsTotal && amount !== orderTotal)
    problems.invalid(
      "Amount",
      `is ${formatMinorUnits(amount, currency ?? NO_CURRENCY)}, but the Items' amounts add up to ${formatMinorUnits(itemsTotal, currency ?? NO_CURRENCY)}`,
    );
  return problems.result(() => ({
    lineItems,
    refundDuties: false,
    amount: decimal(itemsTotal),
    full: false,
    currency: order.presentmentCurrency,
    ...texts,
  }));
}

/** The order line a request line names (by id, else by a sku no other line has). */
function lineIdOf(order: Order, line: RefundLineRequest): string | undefined {
  if (line.lineItemId !== undefined) return line.lineItemId;
  const named = order.lineItems.filter((l) => l.sku === line.sku);
  return named.length === 1 ? named[0]?.id : undefined;
}

/** What each line's units are worth (its memo line total), by line id; empty when the units cannot be refunded. */
function unitWorth(order: Order, lines: readonly RefundLineRequest[]): Map<string, bigint> {
  const memo = calculate(order, {
    lineItems: lines,
    refundDuties: false,
    full: false,
    notify: false,
  });
  return new Map(
    E.isRight(memo) ? memo.right.lineItems.map((l) => [l.lineItemId, l.total.presentment]) : [],
  );
}

/**
 * Reads 2Checkout `issueRefund` parameters as a {@link RefundRequest} for
 * `order` (the order {@link fromTwoCheckoutOrder} read).
 *
 * - No `Items`: `Amount` equal to all the money left is a total refund
 *   (`full: true`); any other `Amount` is a partial refund of that amount
 *   (amount-only, [§3.4](../../../docs/specification.md#34-adjustments-and-amount-only-refunds)).
 * - `Items[] {ProductCode | LineItemReference, Quantity, Amount}` → lines by
 *   `sku` (or `lineItemId`) and `Quantity`; each item's `Amount` is the
 *   gross line amount (net after discount, plus VAT). An item whose
 *   `Amount` is what its units are worth is a refund of those units; any
 *   other `Amount` becomes the line's `amount` ([§3.9](../../../docs/specification.md#39-line-amounts-v2): the units return, the
 *   money is the amount). The items' sum is the request's `amount`, a check
 *   of the computed total ([§3.4](../../../docs/specification.md#34-adjustments-and-amount-only-refunds): `AMOUNT_MISMATCH` when the rules give
 *   another total). The top-level `Amount` must be that sum — or the
 *   order's total, which published clients send there and which is read as
 *   no check.
 * - `Reason` → `reason`, `Comment` → `note`.
 *
 * @param json - the parsed parameters.
 * @param order - the order it refunds.
 * @returns the request, or `INVALID_INPUT` errors at the parameters' paths
 *   (`Items[0].Amount`). Never throws.
 * @example
 * ```ts
 * import { calculate, encodeCreditMemo, fromTwoCheckoutOrder, fromTwoCheckoutRefundRequest } from "refund-core";
 * const order = fromTwoCheckoutOrder({
 *   RefNo: "715948211", Currency: "usd", Status: "COMPLETE",
 *   Items: [{ Code: "HOSTING-BASIC", Quantity: 3,
 *             Price: { UnitNetPrice: 9.99, NetPrice: 29.97, VAT: 2.10 } }],
 * });
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * const request = fromTwoCheckoutRefundRequest({
 *   RefNo: "715948211", Amount: 21.38, Reason: "Customer changed plan",
 *   Items: [{ ProductCode: "HOSTING-BASIC", Quantity: 2, Amount: 21.38 }],
 * }, order.right);
 * if (request._tag === "Left") throw new Error(request.left[0].message);
 * const memo = calculate(order.right, request.right);
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * encodeCreditMemo(memo.right)["total"]; // => "21.38"
 * ```
 * @category Adapters
 */
export function fromTwoCheckoutRefundRequest(
  json: unknown,
  order: Order,
): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  return guarded(() => {
    const raw = runDecoder(twoCheckoutRefundCodec, json);
    return E.isLeft(raw) ? raw : toRequest(raw.right, order);
  });
}

/** An amount as the JSON number 2Checkout takes, or undefined when a double cannot hold it exactly. */
function amountNumber(minor: bigint, currency: Currency): number | undefined {
  const text = formatMinorUnits(minor, currency);
  const n = Number(text);
  return minor < 10n ** 15n && n.toFixed(currency.exponent) === text ? n : undefined;
}

/** Whether the memo refunds every unit left of every line and all the money left: a total refund. */
function refundsEverything(memo: CreditMemo, order: Order): boolean {
  if (memo.total.presentment <= 0n || !isZeroBag(moneyLeftAfter(memo))) return false;
  const history = readRefundHistory(order.refunds);
  return order.lineItems.every((line) => {
    const left = line.quantity - lineHistoryOf(history, line.id).refundedQuantity;
    const refunded = memo.lineItems.find((l) => l.lineItemId === line.id)?.quantity ?? 0;
    return left === refunded;
  });
}

function moneyLeftAfter(memo: CreditMemo) {
  return {
    shop: memo.maximumRefundable.shop - memo.total.shop,
    presentment: memo.maximumRefundable.presentment - memo.total.presentment,
  };
}

/**
 * The 2Checkout `issueRefund` parameters that carry out a credit memo:
 * `RefNo` (the order's id), `Amount` (the memo's total, a JSON number in
 * major units), `Reason` and `Comment` (the memo's `reason` and `note`),
 * and — for a partial refund of items — `Items[] {ProductCode, Quantity,
 * Amount}` with each line's total (`LineItemReference` instead of the
 * product code when the code is shared or missing). A memo that refunds
 * everything left is sent as a total refund (no `Items`); a memo without
 * lines as a partial refund of its amount.
 *
 * @param memo - a credit memo computed for `order`.
 * @param order - the order it refunds.
 * @returns the parameters, or `INVALID_INPUT` for what 2Checkout cannot
 *   take: no `reason` (2Checkout requires one), shipping or adjustments
 *   beside items, a multi-currency order, a line refunded by no units or
 *   worth less than zero (discounts beyond its price), an amount a JSON
 *   number cannot hold exactly. Never throws.
 * @example
 * ```ts
 * import { calculate, fromTwoCheckoutOrder, toTwoCheckoutRefundRequest } from "refund-core";
 * const order = fromTwoCheckoutOrder({
 *   RefNo: "715948211", Currency: "usd", Status: "COMPLETE",
 *   Items: [{ Code: "HOSTING-BASIC", Quantity: 3,
 *             Price: { UnitNetPrice: 9.99, NetPrice: 29.97, VAT: 2.10 } }],
 * });
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * const memo = calculate(order.right, {
 *   lineItems: [{ sku: "HOSTING-BASIC", quantity: 2, restock: "no_restock" }],
 *   refundDuties: false, full: false, notify: false, reason: "Customer changed plan",
 * });
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * const sent = toTwoCheckoutRefundRequest(memo.right, order.right);
 * if (sent._tag === "Left") throw new Error(sent.left[0].message);
 * sent.right; // => { RefNo: "715948211", Amount: 21.38, Reason: "Customer changed plan", Items: [{ ProductCode: "HOSTING-BASIC", Quantity: 2, Amount: 21.38 }] }
 * ```
 * @category Adapters
 */
export function toTwoCheckoutRefundRequest(
  memo: CreditMemo,
  order: Order,
): E.Either<NonEmptyArray<RefundError>, JsonValue> {
  return guarded(() => issueRefundOf(memo, order));
}

function issueRefundOf(
  memo: CreditMemo,
  order: Order,
): E.Either<NonEmptyArray<RefundError>, JsonValue> {
  const problems = new Problems();
  const currency = findCurrency(order.presentmentCurrency) ?? NO_CURRENCY;
  if (isMultiCurrency(order))
    problems.invalid("", "is a multi-currency order; 2Checkout orders have one currency");
  if (memo.reason === null || memo.reason === "")
    problems.invalid(
      "reason",
      "is required by 2Checkout's issueRefund (Reason): give the refund a reason",
    );
  const number = (minor: bigint, path: string): number => {
    const n = amountNumber(minor, currency);
    if (n === undefined) problems.invalid(path, "cannot be written exactly as a JSON number");
    return n ?? 0;
  };
  const base: JsonObject = {
    RefNo: order.id,
    Amount: number(memo.total.presentment, "total"),
    ...(memo.reason === null ? {} : { Reason: memo.reason }),
    ...(memo.note === null || memo.note === "" ? {} : { Comment: memo.note }),
  };
  if (memo.lineItems.length === 0 || refundsEverything(memo, order))
    return problems.result(() => base);
  if (!isZeroBag(memo.shipping.amount))
    problems.invalid(
      "shipping.amount",
      "is shipping refunded beside items; 2Checkout bills shipping as an item",
    );
  if (!isZeroBag(memo.adjustmentPositive) || !isZeroBag(memo.adjustmentNegative))
    problems.invalid(
      "adjustmentPositive",
      "is an adjustment beside items; 2Checkout refunds items or an amount, not both",
    );
  const items = memo.lineItems.map((l, i) => {
    const line = order.lineItems.find((x) => x.id === l.lineItemId);
    if (l.quantity < 1)
      problems.invalid(
        `lineItems[${i}].quantity`,
        "is 0; 2Checkout refunds an item by a positive Quantity",
      );
    if (l.total.presentment < 0n)
      problems.invalid(
        `lineItems[${i}].total`,
        "is negative; 2Checkout refunds an item by an amount of at least zero",
      );
    const sku = line?.sku;
    const shared = sku === undefined || order.lineItems.filter((x) => x.sku === sku).length > 1;
    return {
      ...(shared || sku === undefined ? { LineItemReference: l.lineItemId } : { ProductCode: sku }),
      Quantity: l.quantity,
      Amount: l.total.presentment < 0n ? 0 : number(l.total.presentment, `lineItems[${i}].total`),
    };
  });
  return problems.result(() => ({ ...base, Items: items }));
}
