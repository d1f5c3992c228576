/**
 * Credit memos from what a platform records of its refunds. Platforms keep
 * per-line totals (discount, tax) rather than per-component shares, so the
 * totals are split over the line's components in proportion to what is left
 * of each (largest remainder, ties to the earlier component) — exact when a
 * line has one discount and one tax line, as on the documented fixtures.
 *
 * @module
 */
import type {
  CreditMemo,
  CreditMemoLine,
  RefundTransaction,
  RestockType,
  ShippingLineRefund,
} from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { allocateByLargestRemainder } from "../money/largestRemainder.js";
import {
  addBags,
  exceedsOnEitherSide,
  isNegativeOnEitherSide,
  isZeroBag,
  type MoneyBag,
  subtractBags,
  sumBags,
  sumBy,
  ZERO,
} from "../money/moneyBag.js";
import { orderMoneyLeft, shippingLineLeft } from "../order/moneyLeft.js";
import {
  lineHistoryOf,
  type RefundHistory,
  readRefundHistory,
  refundedAt,
  shippingHistoryOf,
} from "../order/refundHistory.js";
import { taxLineRefund } from "../refund/taxLineRefund.js";
import { memoTotals } from "../refund/totals.js";
import {
  exchangeDifferenceOf,
  suggestTransactions,
  transactionOn,
  transactionsAtInvoiceRates,
} from "../refund/transactions.js";
import type { Problems } from "./platformCodecs.js";

/** A refunded line as a platform records it: totals for the line. */
export interface RecordedLine {
  readonly lineItemId: string;
  readonly quantity: number;
  readonly restock: RestockType;
  readonly locationId: string | null;
  readonly discount: MoneyBag;
  readonly tax: MoneyBag;
  /** Refunded duty amounts by duty id. */
  readonly duties: ReadonlyMap<string, MoneyBag>;
  /** Path of the line in the platform document, for errors. */
  readonly path: string;
}

/** A recorded payout: explicit, or "whatever the invoices give in order" (Magento offline refunds). */
export type RecordedPayout =
  | {
      readonly kind: "explicit";
      /**
       * Whether each transaction's shop side is the platform's own record of
       * it (Shopify's `amount_set.shop_money`), kept as recorded so that an
       * audit compares it; otherwise (Magento records the memo's grand total,
       * not the transaction's) it is converted at its invoice's rate ([§3.8](../../docs/specification.md#38-free-amounts-and-currency) v2).
       */
      readonly shopRecorded?: boolean;
      readonly transactions: readonly {
        readonly invoiceId: string;
        readonly amount: MoneyBag;
        readonly path: string;
      }[];
    }
  | { readonly kind: "inOrder" };

/** A refund as a platform records it. */
export interface RecordedRefund {
  readonly id: string;
  readonly path: string;
  readonly lines: readonly RecordedLine[];
  readonly shippingAmount: MoneyBag;
  readonly shippingTax: MoneyBag;
  readonly adjustmentPositive: MoneyBag;
  readonly adjustmentNegative: MoneyBag;
  readonly payout: RecordedPayout;
  readonly note: string | null;
}

/** Splits `amount` over `weights` by largest remainder, each side on its own. */
function split(amount: MoneyBag, weights: readonly MoneyBag[]): MoneyBag[] {
  const clamp = (w: bigint) => (w > 0n ? w : 0n);
  const shop = allocateByLargestRemainder(
    amount.shop,
    weights.map((w) => clamp(w.shop)),
  );
  const presentment = allocateByLargestRemainder(
    amount.presentment,
    weights.map((w) => clamp(w.presentment)),
  );
  return weights.map((_, i) => ({ shop: shop[i] ?? 0n, presentment: presentment[i] ?? 0n }));
}

/**
 * Splits a recorded total over components by what is left of each; reports
 * at `path` a total above what is left of them all (or any total on a line
 * with no such component).
 */
function splitOver(
  total: MoneyBag,
  components: readonly MoneyBag[],
  refunded: readonly MoneyBag[],
  path: string,
  what: string,
  problems: Problems,
): MoneyBag[] {
  const left = components.map((c, i) => subtractBags(c, refundedAt(refunded, i)));
  if (isNegativeOnEitherSide(total))
    problems.inconsistent(path, `the refunded ${what} is negative`);
  else if (exceedsOnEitherSide(total, sumBags(left)))
    problems.inconsistent(path, `the refund returns more ${what} than the line has left`);
  return split(total, left);
}

function memoLine(
  order: Order,
  recorded: RecordedLine,
  history: RefundHistory,
  problems: Problems,
): CreditMemoLine | undefined {
  const line = order.lineItems.find((l) => l.id === recorded.lineItemId);
  if (line === undefined) {
    problems.inconsistent(
      recorded.path,
      `the refund names item "${recorded.lineItemId}", which is not on the order`,
    );
    return undefined;
  }
  const h = lineHistoryOf(history, line.id);
  const q = BigInt(recorded.quantity);
  const gross = { shop: line.price.shop * q, presentment: line.price.presentment * q };
  const discounts = splitOver(
    recorded.discount,
    line.discountAllocations.map((d) => d.amount),
    h.discountAllocations,
    recorded.path,
    "discount",
    problems,
  );
  const taxes = splitOver(
    recorded.tax,
    line.taxLines.map((t) => t.amount),
    h.taxLines,
    recorded.path,
    "tax",
    problems,
  );
  for (const dutyId of recorded.duties.keys())
    if (!line.duties.some((d) => d.id === dutyId))
      problems.inconsistent(
        recorded.path,
        `the refund names duty "${dutyId}", which is not on the line`,
      );
  const discountAllocations = line.discountAllocations.map((d, i) => {
    const amount = discounts[i] ?? ZERO;
    return d.title === undefined ? { amount } : { title: d.title, amount };
  });
  const taxLines = line.taxLines.map((t, i) => taxLineRefund(t, taxes[i] ?? ZERO));
  const duties = line.duties.map((duty) => ({
    dutyId: duty.id,
    amount: recorded.duties.get(duty.id) ?? ZERO,
    taxLines: duty.taxLines.map((t) => taxLineRefund(t, ZERO)),
  }));
  const discount = sumBy(discountAllocations, (d) => d.amount);
  const subtotal = subtractBags(gross, discount);
  const tax = sumBy(taxLines, (t) => t.amount);
  const dutyTotal = sumBy(duties, (d) => d.amount);
  return {
    lineItemId: line.id,
    quantity: recorded.quantity,
    amount: null,
    price: line.price,
    gross,
    discount,
    subtotal,
    tax,
    discountAllocations,
    taxLines,
    duties,
    total: addBags(order.taxesIncluded ? subtotal : addBags(subtotal, tax), dutyTotal),
    restock: recorded.restock,
    locationId: recorded.locationId,
  };
}

function shippingOf(
  order: Order,
  recorded: RecordedRefund,
  history: RefundHistory,
  problems: Problems,
) {
  const remainders = order.shippingLines.map((line) => shippingLineLeft(line, history));
  const maximumRefundable = sumBags(remainders);
  if (
    order.shippingLines.length === 0 &&
    !(isZeroBag(recorded.shippingAmount) && isZeroBag(recorded.shippingTax))
  )
    problems.inconsistent(
      `${recorded.path}.shipping`,
      "the refund returns shipping, but the order has none",
    );
  const amounts = split(recorded.shippingAmount, remainders);
  const taxWeights = order.shippingLines.flatMap((line) => {
    const h = shippingHistoryOf(history, line.id);
    return line.taxLines.map((t, i) => subtractBags(t.amount, refundedAt(h.taxLines, i)));
  });
  const taxes = split(recorded.shippingTax, taxWeights);
  let k = 0;
  const lines: ShippingLineRefund[] = order.shippingLines.map((line, i) => ({
    shippingLineId: line.id,
    amount: amounts[i] ?? ZERO,
    taxLines: line.taxLines.map((t) => taxLineRefund(t, taxes[k++] ?? ZERO)),
  }));
  return {
    amount: recorded.shippingAmount,
    tax: recorded.shippingTax,
    maximumRefundable,
    lines,
  };
}

function payoutOf(
  order: Order,
  recorded: RecordedRefund,
  total: MoneyBag,
  history: RefundHistory,
  problems: Problems,
): RefundTransaction[] {
  const byId = new Map(order.invoices.map((invoice) => [invoice.id, invoice]));
  if (recorded.payout.kind === "explicit") {
    const payout = recorded.payout;
    // The recorded presentment amounts; each shop side as the platform
    // recorded it when it records the transaction's own, else at its
    // invoice's rate as calculate converts it (§3.8 v2).
    const payments = payout.transactions.flatMap((t) => {
      const invoice = byId.get(t.invoiceId);
      if (invoice === undefined) {
        problems.inconsistent(
          t.path,
          `the refund pays out of "${t.invoiceId}", which is not a payment of the order`,
        );
        return [];
      }
      return [{ invoice, presentment: t.amount.presentment, recorded: t.amount }];
    });
    if (payout.shopRecorded === true)
      return payments.map((p) => transactionOn(p.invoice, p.recorded, history));
    return transactionsAtInvoiceRates(payments, history, "halfAwayFromZero");
  }
  return suggestTransactions(total, { order, history });
}

/**
 * The credit memos of the recorded refunds, oldest first, each read against
 * the order as it stood before it. Problems (unknown lines or invoices,
 * more refunded than a component has left) go to `problems` with their
 * platform paths.
 */
export function buildCreditMemos(
  order: Order,
  refunds: readonly RecordedRefund[],
  problems: Problems,
): CreditMemo[] {
  const memos: CreditMemo[] = [];
  for (const recorded of refunds) {
    const history = readRefundHistory(memos);
    const lines = recorded.lines.flatMap((l) => {
      const built = memoLine(order, l, history, problems);
      return built === undefined ? [] : [built];
    });
    const shipping = shippingOf(order, recorded, history, problems);
    const totals = memoTotals(
      lines,
      shipping,
      recorded.adjustmentPositive,
      recorded.adjustmentNegative,
      order.taxesIncluded,
    );
    // A memo that refunds less than nothing (a negative adjustment beyond
    // what it refunds) is no refund refund-core records: its order could
    // not be encoded and decoded again (issue 12, §3.5).
    if (isNegativeOnEitherSide(totals.total))
      problems.invalid(
        recorded.path,
        "refunds a negative total (its negative adjustment is more than it refunds); a refund's total is never negative",
      );
    const transactions = payoutOf(order, recorded, totals.total, history, problems);
    memos.push({
      id: recorded.id,
      orderId: order.id,
      currency: order.currency,
      presentmentCurrency: order.presentmentCurrency,
      taxesIncluded: order.taxesIncluded,
      lineItems: lines,
      shipping,
      adjustmentPositive: recorded.adjustmentPositive,
      adjustmentNegative: recorded.adjustmentNegative,
      subtotal: totals.subtotal,
      discount: totals.discount,
      tax: totals.tax,
      duties: totals.duties,
      total: totals.total,
      maximumRefundable: orderMoneyLeft(order, history),
      transactions,
      exchangeDifference: exchangeDifferenceOf(totals.total, transactions),
      reason: null,
      note: recorded.note,
      notify: false,
      idempotencyKey: null,
    });
  }
  return memos;
}
