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
import { type MoneyBag, type Side, ZERO } from "../money/moneyBag.js";

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
 * A function comparing two bags at a path. On a single-currency order only
 * the presentment side is compared (both sides are equal) and the path is
 * the memo's (`total`); on a multi-currency order both sides are, and the
 * path names the side: `total.presentment`, `total.shop` (presentment first).
 */
export function bagComparer(
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

/**
 * Every amount of `recorded` that differs from `expected`: each line's
 * discount, subtotal, tax and total (lines matched by `lineItemId`, paths by
 * the recorded position), the shipping amount and tax, the adjustments and
 * the memo's subtotal, discount, tax, duties and total.
 */
export function compareMemos(
  order: Order,
  recorded: CreditMemo,
  expected: CreditMemo,
): AmountDifference[] {
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
