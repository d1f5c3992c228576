/**
 * A credit memo as text for a person (`--format table`). Pure.
 *
 * @module
 */
import type { CreditMemo } from "../domain/creditMemo.js";
import { currencyForEncoding } from "../json/amount.js";
import { formatMinorUnits } from "../money/decimal.js";
import type { MoneyBag } from "../money/moneyBag.js";
import { sumBags } from "../money/moneyBag.js";

/**
 * Lays out rows in columns separated by two spaces; columns listed in
 * `rightAligned` (numbers) are padded on the left. Trailing spaces are
 * trimmed.
 *
 * @param rows - the rows, the header first if there is one.
 * @param rightAligned - the indexes of the columns to align right.
 * @returns the lines of text joined with `\n`.
 * @example
 * ```ts
 * renderColumns([["Item", "Total"], ["3", "21.44"]], [1]);
 * // "Item  Total\n3     21.44"
 * ```
 * @category CLI
 */
export function renderColumns(
  rows: readonly (readonly string[])[],
  rightAligned: readonly number[] = [],
): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/**
 * Renders a credit memo for a person: its lines, shipping, adjustments,
 * totals and transactions. On a multi-currency memo every amount shows the
 * presentment money with the shop money in parentheses.
 *
 * @param memo - the memo, as `calculate` returns it.
 * @returns several lines of text ending with a newline.
 * @example
 * ```ts
 * const result = calculate(order, request);
 * if (result._tag === "Right") process.stdout.write(renderCreditMemoTable(result.right));
 * // Credit memo 5-1 for order 5 (USD)
 * // ...
 * // Total            21.44
 * ```
 * @category CLI
 */
export function renderCreditMemoTable(memo: CreditMemo): string {
  const shop = currencyForEncoding(memo.currency);
  const presentment = currencyForEncoding(memo.presentmentCurrency);
  const multi = memo.currency !== memo.presentmentCurrency;
  const money = (bag: MoneyBag): string =>
    multi
      ? `${formatMinorUnits(bag.presentment, presentment)} (${formatMinorUnits(bag.shop, shop)})`
      : formatMinorUnits(bag.presentment, presentment);

  const out: string[] = [];
  out.push(
    multi
      ? `Credit memo ${memo.id} for order ${memo.orderId} (${memo.presentmentCurrency}; ${memo.currency} in parentheses)`
      : `Credit memo ${memo.id} for order ${memo.orderId} (${memo.currency})`,
  );
  const about = [
    memo.reason === null ? undefined : `Reason: ${memo.reason}`,
    memo.note === null ? undefined : `Note: ${memo.note}`,
    memo.idempotencyKey === null ? undefined : `Key: ${memo.idempotencyKey}`,
    `Notify customer: ${memo.notify ? "yes" : "no"}`,
  ].filter((s): s is string => s !== undefined);
  out.push(about.join("  ·  "), "");

  if (memo.lineItems.length === 0) out.push("Items: none", "");
  else {
    const header = [
      "Item",
      "Qty",
      "Price",
      "Gross",
      "Discount",
      "Subtotal",
      "Tax",
      "Duties",
      "Total",
      "Restock",
    ];
    const rows = memo.lineItems.map((line) => [
      line.lineItemId,
      String(line.quantity),
      money(line.price),
      money(line.gross),
      money(line.discount),
      money(line.subtotal),
      money(line.tax),
      money(sumBags(line.duties.flatMap((d) => [d.amount, ...d.taxLines.map((t) => t.amount)]))),
      money(line.total),
      line.restock === "no_restock"
        ? "no restock"
        : line.locationId === null
          ? line.restock
          : `${line.restock} at ${line.locationId}`,
    ]);
    out.push(renderColumns([header, ...rows], [1, 2, 3, 4, 5, 6, 7, 8]), "");
  }

  const summary: string[][] = [
    [
      "Shipping",
      money(memo.shipping.amount),
      `tax ${money(memo.shipping.tax)}, refundable before ${money(memo.shipping.maximumRefundable)}`,
    ],
    ["Adjustment +", money(memo.adjustmentPositive), ""],
    ["Adjustment -", money(memo.adjustmentNegative), ""],
    ["", "", ""],
    ["Subtotal", money(memo.subtotal), ""],
    ["Discount", money(memo.discount), ""],
    ["Tax", money(memo.tax), ""],
    ["Duties", money(memo.duties), ""],
    ["Total", money(memo.total), `refundable before ${money(memo.maximumRefundable)}`],
  ];
  out.push(renderColumns(summary, [1]), "");

  if (memo.transactions.length === 0) out.push("Transactions: none");
  else {
    const header = ["Invoice", "Gateway", "Online", "Amount", "Refundable before"];
    const rows = memo.transactions.map((t) => [
      t.invoiceId,
      t.gateway ?? "-",
      t.online ? "yes" : "no (refund by hand)",
      money(t.amount),
      money(t.maximumRefundable),
    ]);
    out.push("Transactions", renderColumns([header, ...rows], [3, 4]));
  }
  return `${out.join("\n")}\n`;
}
