/**
 * Amount-by-amount comparison of a recorded credit memo with the memo the
 * rules give ([§9.2](../../docs/specification.md#92-audit)).
 *
 * @module
 */
import type { CreditMemo, CreditMemoLine } from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { currencyOfSide, isMultiCurrency } from "../domain/order.js";
import { formatInCurrency } from "../money/decimal.js";
import { type MoneyBag, ZERO } from "../money/moneyBag.js";

/** One amount that differs, before `refundId` and `explainedBy` are attached. */
export interface AmountDifference {
  readonly path: string;
  readonly currency: string;
  readonly recorded: string;
  readonly expected: string;
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

/**
 * Whether two bags differ on the sides compared: the presentment side, and
 * on a multi-currency order (`multi`) the shop side too.
 */
export function bagsDiffer(multi: boolean, recorded: MoneyBag, expected: MoneyBag): boolean {
  return (
    recorded.presentment !== expected.presentment || (multi && recorded.shop !== expected.shop)
  );
}

/**
 * Appends the differences of two bags at `path` to `out`. On a
 * single-currency order only the presentment side is compared (both sides
 * are equal) and the path is the memo's (`total`); on a multi-currency
 * order both sides are, and the path names the side: `total.presentment`,
 * `total.shop` (presentment first).
 */
export function pushBagDifferences(
  out: AmountDifference[],
  order: Order,
  multi: boolean,
  path: string,
  recorded: MoneyBag,
  expected: MoneyBag,
): void {
  if (recorded.presentment !== expected.presentment) {
    const currency = currencyOfSide(order, "presentment");
    out.push({
      path: multi ? `${path}.presentment` : path,
      currency,
      recorded: formatInCurrency(recorded.presentment, currency),
      expected: formatInCurrency(expected.presentment, currency),
    });
  }
  if (multi && recorded.shop !== expected.shop) {
    const currency = currencyOfSide(order, "shop");
    out.push({
      path: `${path}.shop`,
      currency,
      recorded: formatInCurrency(recorded.shop, currency),
      expected: formatInCurrency(expected.shop, currency),
    });
  }
}

/** Memos with at most this many lines find a line by a search, not a map. */
const SEARCHED_LINES = 8;

/** The last line of `lines` for `lineItemId` (as a map of them by id would give), if any. */
function lastLineFor(
  lines: readonly CreditMemoLine[],
  lineItemId: string,
): CreditMemoLine | undefined {
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k] as CreditMemoLine;
    if (line.lineItemId === lineItemId) return line;
  }
  return undefined;
}

/**
 * Every amount of `recorded` that differs from `expected`: each line's
 * discount, subtotal, tax and total (lines matched by `lineItemId`, paths by
 * the recorded position), the shipping amount and tax, the adjustments and
 * the memo's subtotal, discount, tax, duties and total. Paths and amounts
 * are written only for the amounts that differ.
 */
export function compareMemos(
  order: Order,
  recorded: CreditMemo,
  expected: CreditMemo,
): AmountDifference[] {
  const multi = isMultiCurrency(order);
  const expectedLines = expected.lineItems;
  let byId: Map<string, CreditMemoLine> | undefined;
  if (expectedLines.length > SEARCHED_LINES) {
    byId = new Map();
    for (let k = 0; k < expectedLines.length; k++) {
      const line = expectedLines[k] as CreditMemoLine;
      byId.set(line.lineItemId, line);
    }
  }
  const differences: AmountDifference[] = [];
  const lines = recorded.lineItems;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as CreditMemoLine;
    const other =
      byId === undefined ? lastLineFor(expectedLines, line.lineItemId) : byId.get(line.lineItemId);
    for (let k = 0; k < LINE_AMOUNTS.length; k++) {
      const key = LINE_AMOUNTS[k] as (typeof LINE_AMOUNTS)[number];
      const mine = line[key];
      const theirs = other === undefined ? ZERO : other[key];
      if (bagsDiffer(multi, mine, theirs))
        pushBagDifferences(differences, order, multi, `lineItems[${i}].${key}`, mine, theirs);
    }
  }
  if (bagsDiffer(multi, recorded.shipping.amount, expected.shipping.amount))
    pushBagDifferences(
      differences,
      order,
      multi,
      "shipping.amount",
      recorded.shipping.amount,
      expected.shipping.amount,
    );
  if (bagsDiffer(multi, recorded.shipping.tax, expected.shipping.tax))
    pushBagDifferences(
      differences,
      order,
      multi,
      "shipping.tax",
      recorded.shipping.tax,
      expected.shipping.tax,
    );
  for (let k = 0; k < MEMO_AMOUNTS.length; k++) {
    const key = MEMO_AMOUNTS[k] as (typeof MEMO_AMOUNTS)[number];
    if (bagsDiffer(multi, recorded[key], expected[key]))
      pushBagDifferences(differences, order, multi, key, recorded[key], expected[key]);
  }
  return differences;
}
