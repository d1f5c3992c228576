/**
 * The audit's plain-loop paths against the code they replaced (kept here as
 * the reference): `compareMemos`, `checkTransactions`, `restrictToOrder` and
 * `replayRequest` give the same findings (requests), in the same order, on random orders and memos —
 * memos that match, that differ in any amount, that name lines, duties,
 * shipping lines and invoices the order has or has not.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { checkTransactions } from "../../src/audit/checkTransactions.js";
import { type AmountDifference, compareMemos } from "../../src/audit/compareMemos.js";
import { restrictToOrder } from "../../src/audit/replayHistory.js";
import { replayRequest } from "../../src/audit/replayRequest.js";
import type { CreditMemo, CreditMemoLine } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { currencyOfSide, isMultiCurrency } from "../../src/domain/order.js";
import type {
  RefundLineRequest,
  RefundRequest,
  ShippingRequest,
} from "../../src/domain/refundRequest.js";
import { refundErrors } from "../../src/errors.js";
import { findCurrency } from "../../src/money/currency.js";
import { type DecimalAmount, formatInCurrency } from "../../src/money/decimal.js";
import {
  addBags,
  bagsEqual,
  isZeroBag,
  type MoneyBag,
  type Side,
  sumBy,
  ZERO,
} from "../../src/money/moneyBag.js";
import { invoiceMoneyLeft, shippingLineLeft } from "../../src/order/moneyLeft.js";
import { lineHasDuty, orderIds } from "../../src/order/orderConsistency.js";
import { historyReader } from "../../src/order/refundHistory.js";
import { currenciesArb, memoArb, orderArb } from "../json/arbitraries.js";

// The reference: the code before the plain loops (issue 15), unchanged.

function bagComparer(
  order: Order,
): (path: string, recorded: MoneyBag, expected: MoneyBag) => AmountDifference[] {
  const multi = isMultiCurrency(order);
  const codeOf = (side: Side) => currencyOfSide(order, side);
  const format = (minor: bigint, side: Side) => formatInCurrency(minor, codeOf(side));
  const sides: readonly Side[] = multi ? ["presentment", "shop"] : ["presentment"];
  return (path, recorded, expected) =>
    sides.flatMap((side) =>
      recorded[side] === expected[side]
        ? []
        : [
            {
              path: multi ? `${path}.${side}` : path,
              currency: codeOf(side),
              recorded: format(recorded[side], side),
              expected: format(expected[side], side),
            },
          ],
    );
}

const LINE_AMOUNTS = ["discount", "subtotal", "tax", "total"] as const;
const MEMO_AMOUNTS = [
  "adjustmentPositive",
  "adjustmentNegative",
  "subtotal",
  "discount",
  "tax",
  "duties",
  "total",
] as const;

function referenceCompare(order: Order, recorded: CreditMemo, expected: CreditMemo) {
  const compare = bagComparer(order);
  const expectedLines = new Map<string, CreditMemoLine>(
    expected.lineItems.map((line) => [line.lineItemId, line]),
  );
  const differences: AmountDifference[] = [];
  recorded.lineItems.forEach((line, i) => {
    const other = expectedLines.get(line.lineItemId);
    for (const key of LINE_AMOUNTS)
      differences.push(...compare(`lineItems[${i}].${key}`, line[key], other?.[key] ?? ZERO));
  });
  differences.push(
    ...compare("shipping.amount", recorded.shipping.amount, expected.shipping.amount),
    ...compare("shipping.tax", recorded.shipping.tax, expected.shipping.tax),
  );
  for (const key of MEMO_AMOUNTS) differences.push(...compare(key, recorded[key], expected[key]));
  return differences;
}

function referenceTransactions(order: Order, memo: CreditMemo) {
  const history = historyReader().history;
  const ids = orderIds(order);
  const compare = bagComparer(order);
  const takenNow = new Map<string, MoneyBag>();
  const errors: unknown[] = [];
  const differences: AmountDifference[] = [];
  const atLeastZero = (amount: bigint) => (amount < 0n ? 0n : amount);
  memo.transactions.forEach((transaction, j) => {
    const position = ids.invoices.get(transaction.invoiceId);
    const invoice = position === undefined ? undefined : order.invoices[position];
    if (invoice === undefined) {
      errors.push(
        refundErrors.unknownInvoice(`transactions[${j}].invoiceId`, transaction.invoiceId),
      );
      return;
    }
    const before = takenNow.get(invoice.id) ?? ZERO;
    const left = invoiceMoneyLeft(invoice, history);
    const available = {
      shop: atLeastZero(left.shop - before.shop),
      presentment: atLeastZero(left.presentment - before.presentment),
    };
    takenNow.set(invoice.id, addBags(before, transaction.amount));
    const atMost = (amount: bigint, limit: bigint) => (amount > limit ? limit : amount);
    const within: MoneyBag = {
      shop: atMost(transaction.amount.shop, available.shop),
      presentment: atMost(transaction.amount.presentment, available.presentment),
    };
    differences.push(...compare(`transactions[${j}].amount`, transaction.amount, within));
  });
  const paid = sumBy(memo.transactions, (t) => t.amount);
  const owed = { ...memo.total, shop: memo.total.shop + memo.exchangeDifference };
  differences.push(...compare("transactions", paid, owed));
  return { errors, differences };
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

function referenceRestrict(order: Order, memo: CreditMemo): CreditMemo | null {
  const ids = orderIds(order);
  if (memo.currency !== order.currency || memo.presentmentCurrency !== order.presentmentCurrency)
    return null;
  return {
    ...memo,
    lineItems: memo.lineItems.flatMap((memoLine) => {
      const position = ids.lines.get(memoLine.lineItemId);
      const line = position === undefined ? undefined : order.lineItems[position];
      if (line === undefined || !isCount(memoLine.quantity)) return [];
      return [
        {
          ...memoLine,
          discountAllocations: memoLine.discountAllocations.slice(
            0,
            line.discountAllocations.length,
          ),
          taxLines: memoLine.taxLines.slice(0, line.taxLines.length),
          duties: memoLine.duties.filter((d) =>
            lineHasDuty(ids, line, position as number, d.dutyId),
          ),
        },
      ];
    }),
    shipping: {
      ...memo.shipping,
      lines: memo.shipping.lines.filter((line) => ids.shippingLines.has(line.shippingLineId)),
    },
    transactions: memo.transactions.filter((t) => ids.invoices.has(t.invoiceId)),
  };
}

function referenceReplayRequest(order: Order, memo: CreditMemo): RefundRequest {
  const history = historyReader().history;
  const decimalOf = (minor: bigint, code: string): DecimalAmount => ({
    coefficient: minor,
    scale: findCurrency(code)?.exponent ?? 0,
  });
  const refundsDuties = memo.lineItems.some((line) =>
    line.duties.some(
      (duty) => !isZeroBag(duty.amount) || duty.taxLines.some((t) => !isZeroBag(t.amount)),
    ),
  );
  const shippingLeft = sumBy(order.shippingLines, (line) => shippingLineLeft(line, history));
  const fullShipping =
    bagsEqual(memo.shipping.amount, shippingLeft) &&
    ((memo.shipping.amount.presentment === 0n && memo.shipping.amount.shop !== 0n) ||
      memo.shipping.lines.some(
        (line) => isZeroBag(line.amount) && line.taxLines.some((t) => !isZeroBag(t.amount)),
      ));
  const currency = order.presentmentCurrency;
  const carried = {
    notify: memo.notify,
    ...(memo.reason === null ? {} : { reason: memo.reason }),
    ...(memo.note === null ? {} : { note: memo.note }),
    ...(memo.idempotencyKey === null ? {} : { idempotencyKey: memo.idempotencyKey }),
  };
  const amount = (bag: MoneyBag) => decimalOf(bag.presentment, currency);
  const lineItems: RefundLineRequest[] = memo.lineItems.map((line) => ({
    lineItemId: line.lineItemId,
    ...(line.amount != null && line.quantity === 0 ? {} : { quantity: line.quantity }),
    ...(line.amount == null ? {} : { amount: amount(line.amount) }),
    restock: line.restock,
    ...(line.locationId === null ? {} : { locationId: line.locationId }),
  }));
  const shipping: ShippingRequest | undefined = fullShipping
    ? { fullRefund: true }
    : isZeroBag(memo.shipping.amount)
      ? undefined
      : { fullRefund: false, amount: amount(memo.shipping.amount) };
  return {
    lineItems,
    ...(shipping === undefined ? {} : { shipping }),
    refundDuties: refundsDuties,
    ...(isZeroBag(memo.adjustmentPositive)
      ? {}
      : { adjustmentPositive: amount(memo.adjustmentPositive) }),
    ...(isZeroBag(memo.adjustmentNegative)
      ? {}
      : { adjustmentNegative: amount(memo.adjustmentNegative) }),
    full: false,
    currency,
    ...carried,
  };
}

/** `value` with every key, in order, and bigints tagged: equal only for the same keys in the same order. */
function ordered(value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value === "object" && value !== null)
    return Object.entries(value).map(([k, v]) => [k, ordered(v)]);
  return value;
}

// The inputs: an order, and memos in its currencies that name its lines,
// duties, shipping lines and invoices (or others), as recorded and expected.

/** `memo` pointed at the order: each id replaced by the order's `pick`-th one, or kept (unknown). */
function pointedAt(order: Order, memo: CreditMemo, picks: readonly number[]): CreditMemo {
  let k = 0;
  const pick = <T>(items: readonly T[], id: (item: T) => string, own: string): string => {
    const p = picks[k++ % Math.max(picks.length, 1)] ?? 0;
    const item = items[p % (items.length + 1)];
    return item === undefined ? own : id(item);
  };
  return {
    ...memo,
    lineItems: memo.lineItems.map((line) => ({
      ...line,
      lineItemId: pick(order.lineItems, (l) => l.id, line.lineItemId),
      duties: line.duties.map((d) => ({
        ...d,
        dutyId: pick(
          order.lineItems.flatMap((l) => l.duties),
          (duty) => duty.id,
          d.dutyId,
        ),
      })),
    })),
    shipping: {
      ...memo.shipping,
      lines: memo.shipping.lines.map((line) => ({
        ...line,
        shippingLineId: pick(order.shippingLines, (l) => l.id, line.shippingLineId),
      })),
    },
    transactions: memo.transactions.map((t) => ({
      ...t,
      invoiceId: pick(order.invoices, (i) => i.id, t.invoiceId),
    })),
  };
}

const caseArb = currenciesArb.chain((c) =>
  fc.record({
    order: orderArb.map((o) => ({ ...o, ...c, refunds: [] })),
    recorded: memoArb(c),
    expected: memoArb(c),
    picks: fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 8 }),
    same: fc.boolean(),
  }),
);

describe("the audit's plain loops agree with the code they replaced", () => {
  test.prop([caseArb])("compareMemos", ({ order, recorded, expected, picks, same }) => {
    const mine = pointedAt(order, recorded, picks);
    const theirs = same ? mine : pointedAt(order, expected, picks);
    expect(compareMemos(order, mine, theirs)).toEqual(referenceCompare(order, mine, theirs));
    // Lines matched by id, whatever their order, and the last of a repeated id.
    const shuffled = { ...mine, lineItems: [...mine.lineItems].reverse() };
    expect(compareMemos(order, mine, shuffled)).toEqual(referenceCompare(order, mine, shuffled));
  });

  test.prop([caseArb])("checkTransactions", ({ order, recorded, picks }) => {
    const memo = pointedAt(order, recorded, picks);
    const checked = { history: historyReader().history, ids: orderIds(order) };
    const found = checkTransactions(order, memo, checked);
    const reference = referenceTransactions(order, memo);
    expect(found.errors).toEqual(reference.errors);
    expect(found.differences).toEqual(reference.differences);
  });

  test.prop([caseArb])("restrictToOrder", ({ order, recorded, picks }) => {
    const memo = pointedAt(order, recorded, picks);
    expect(restrictToOrder(order, memo)).toStrictEqual(referenceRestrict(order, memo));
  });

  test.prop([caseArb, fc.boolean(), fc.boolean(), fc.boolean()])(
    "replayRequest",
    ({ order, recorded, picks }, zeroShipping, amounts, noUnits) => {
      let memo = pointedAt(order, recorded, picks);
      // A line refunded by amount alone has no quantity in the request.
      if (noUnits)
        memo = {
          ...memo,
          lineItems: memo.lineItems.map((line, i) =>
            i % 2 === 0 ? { ...line, quantity: 0 } : line,
          ),
        };
      // Zero amounts (left out of the request) and lines refunded by amount, or by units only.
      if (zeroShipping) memo = { ...memo, shipping: { ...memo.shipping, amount: ZERO } };
      if (!amounts)
        memo = { ...memo, lineItems: memo.lineItems.map((line) => ({ ...line, amount: null })) };
      const request = replayRequest(order, memo, historyReader().history);
      const reference = referenceReplayRequest(order, memo);
      expect(request).toStrictEqual(reference);
      expect(ordered(request)).toEqual(ordered(reference));
    },
  );

  it("a memo of more than eight lines is matched by a map, to the same findings", () => {
    const cases = fc.sample(caseArb, { numRuns: 30, seed: 15 });
    for (const { order, recorded, picks } of cases) {
      const mine = pointedAt(order, recorded, picks);
      const many = { ...mine, lineItems: Array.from({ length: 5 }, () => mine.lineItems).flat() };
      const reversed = { ...many, lineItems: [...many.lineItems].reverse() };
      expect(compareMemos(order, many, reversed)).toEqual(referenceCompare(order, many, reversed));
    }
  });
});
