/**
 * A credit memo as text for a person (`--format table`), fitted to the
 * terminal's width, with everything taken from the input escaped
 * ({@link printable}). Pure.
 *
 * @module
 */
import type { CreditMemo } from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { currencyForEncoding } from "../json/amount.js";
import { formatMinorUnits } from "../money/decimal.js";
import type { MoneyBag } from "../money/moneyBag.js";
import { sumBags } from "../money/moneyBag.js";
import { printable } from "./printable.js";
import { wrapAt } from "./wrap.js";

/**
 * The width tables fit when standard output is not a terminal.
 * @category CLI
 */
export const DEFAULT_TABLE_WIDTH = 80;

/** The narrowest a text column is cut to (with an ellipsis) to fit the width. */
const MIN_TEXT_WIDTH = 8;

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
  const widths = columnWidths(rows);
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

function columnWidths(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return widths;
}

/** The longest line of `text`. */
function widest(text: string): number {
  let max = 0;
  for (const line of text.split("\n")) max = Math.max(max, line.length);
  return max;
}

/** `text` cut to `n` characters, the last an ellipsis when cut. */
function cut(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, Math.max(0, n - 1))}…`;
}

/** A cell: text from the input (already {@link printable}) or an amount. */
type Cell = string | MoneyBag;

/** A column of a table: its title, and whether it holds amounts or text. */
interface Column {
  readonly title: string;
  readonly money: boolean;
  /** May be left out to fit when every amount in it is zero. */
  readonly droppable?: boolean;
  /** May be left out to fit: the other columns give it (Gross is Price × Qty). */
  readonly derived?: boolean;
}

/** How amounts are written: the presentment money, the shop money, or both. */
interface Money {
  readonly multi: boolean;
  readonly shopCode: string;
  readonly both: (bag: MoneyBag) => string;
  readonly presentment: (bag: MoneyBag) => string;
  readonly shop: (bag: MoneyBag) => string;
}

const isZero = (cell: Cell): boolean =>
  typeof cell !== "string" && cell.shop === 0n && cell.presentment === 0n;

/**
 * Renders a table within `width`, trying in turn: every amount in one row
 * (`presentment (shop)` on a multi-currency memo); the shop amounts on a
 * row of their own; without columns of zeros; without the columns the
 * others give; text columns cut to fit (with an ellipsis); and, when even
 * that is too wide, one block per row, `Title value` pairs wrapped.
 */
function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  money: Money,
  width: number | undefined,
): string {
  const text = (c: Cell, f: (bag: MoneyBag) => string): string =>
    typeof c === "string" ? c : f(c);
  const render = (cols: readonly number[], lines: readonly (readonly string[])[]): string =>
    renderColumns(
      [cols.map((i) => columns[i]?.title ?? ""), ...lines.map((l) => cols.map((i) => l[i] ?? ""))],
      cols.flatMap((i, k) => (columns[i]?.money === true ? [k] : [])),
    );
  let cols = columns.map((_, i) => i);
  let lines = rows.map((r) => r.map((c) => text(c, money.both)));
  let out = render(cols, lines);
  if (width === undefined || widest(out) <= width) return out;
  if (money.multi) {
    lines = rows.flatMap((r) => [
      r.map((c) => text(c, money.presentment)),
      r.map((c, i) =>
        typeof c !== "string" ? money.shop(c) : i === 0 ? `  in ${money.shopCode}` : "",
      ),
    ]);
    out = render(cols, lines);
    if (widest(out) <= width) return out;
  }
  const zero = (i: number) =>
    columns[i]?.droppable === true && rows.every((r) => isZero(r[i] ?? ""));
  for (const leaveOut of [zero, (i: number) => columns[i]?.derived === true]) {
    cols = cols.filter((i) => !leaveOut(i));
    out = render(cols, lines);
    if (widest(out) <= width) return out;
  }
  const textCols = cols.filter((i) => columns[i]?.money !== true);
  for (let excess = widest(out) - width; excess > 0; excess = widest(out) - width) {
    const widths = columnWidths(lines);
    const widestText = textCols.reduce(
      (best, i) => ((widths[i] ?? 0) > (widths[best] ?? 0) ? i : best),
      textCols[0] ?? 0,
    );
    const current = Math.max(widths[widestText] ?? 0, columns[widestText]?.title.length ?? 0);
    const target = Math.max(MIN_TEXT_WIDTH, current - excess);
    if (target >= current) break;
    lines = lines.map((l) => l.map((c, i) => (i === widestText ? cut(c, target) : c)));
    out = render(cols, lines);
  }
  return widest(out) <= width ? out : renderBlocks(columns, rows, money, width);
}

/** The last resort for a narrow terminal: per row, its text, then `Title value` pairs wrapped. */
function renderBlocks(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  money: Money,
  width: number,
): string {
  return rows
    .map((row) => {
      const heading = row.filter(
        (c, i): c is string => columns[i]?.money !== true && typeof c === "string" && c !== "",
      );
      const pairs = row.flatMap((c, i) =>
        columns[i]?.money !== true
          ? []
          : [`${columns[i]?.title} ${typeof c === "string" ? c : money.both(c)}`],
      );
      const body: string[] = [];
      let line = " ";
      for (const pair of pairs) {
        if (line.length > 1 && line.length + 2 + pair.length > width) {
          body.push(line);
          line = " ";
        }
        line += ` ${line.length > 1 ? " " : ""}${pair}`;
      }
      body.push(line);
      return [wrap(heading.join(" · "), width), ...body].join("\n");
    })
    .join("\n");
}

/**
 * The totals block (label, amount, remark); when a line would pass `width`,
 * the remarks go on lines of their own under their amounts.
 */
function renderSummary(rows: readonly (readonly string[])[], width: number | undefined): string {
  const out = renderColumns(rows, [1]);
  if (width === undefined || widest(out) <= width) return out;
  const lines = renderColumns(
    rows.map((r) => r.slice(0, 2)),
    [1],
  ).split("\n");
  return lines
    .flatMap((line, i) => {
      const remark = rows[i]?.[2] ?? "";
      return remark === "" ? [line] : [line, wrap(`  ${remark}`, width)];
    })
    .join("\n");
}

/** `text` wrapped at spaces to lines of at most `width` (a longer word keeps its line). */
function wrap(text: string, width: number | undefined): string {
  if (width === undefined || text.length <= width) return text;
  return wrapAt(text, width);
}

/**
 * How {@link renderCreditMemoTable} lays a memo out.
 * @category CLI
 */
export interface TableOptions {
  /** The order refunded: its line titles and SKUs name the items, and whether its prices include tax. */
  readonly order?: Order;
  /** The terminal's width: the table is fitted to it (no limit when absent). */
  readonly width?: number;
}

/** The Item cell: the line id, with its title and SKU when the order is known. */
function itemLabel(lineItemId: string, order: Order | undefined): string {
  const line = order?.lineItems.find((l) => l.id === lineItemId);
  const about = [line?.title, line?.sku === undefined ? undefined : `SKU ${line.sku}`].filter(
    (s): s is string => s !== undefined && s !== "",
  );
  return printable(about.length === 0 ? lineItemId : `${lineItemId} ${about.join(", ")}`);
}

/**
 * Renders a credit memo for a person: its lines, shipping, adjustments,
 * totals and transactions. On a multi-currency memo every amount shows the
 * presentment money with the shop money in parentheses (or, to fit the
 * width, on a row of its own). Ids, titles, reasons and notes are shown
 * with control characters escaped: a terminal obeys nothing in them.
 *
 * @param memo - the memo, as `calculate` returns it.
 * @param options - the order (for item titles, SKUs and whether taxes are included) and the width.
 * @returns several lines of text ending with a newline.
 * @example
 * ```ts
 * const result = calculate(order, request);
 * if (result._tag === "Right") process.stdout.write(renderCreditMemoTable(result.right, { order, width: 80 }));
 * // Credit memo 5-1 for order 5 (USD)
 * // ...
 * // Total            21.44
 * ```
 * @category CLI
 */
export function renderCreditMemoTable(memo: CreditMemo, options: TableOptions = {}): string {
  const { order, width } = options;
  const shop = currencyForEncoding(memo.currency);
  const presentment = currencyForEncoding(memo.presentmentCurrency);
  const multi = memo.currency !== memo.presentmentCurrency;
  const money: Money = {
    multi,
    shopCode: memo.currency,
    presentment: (bag) => formatMinorUnits(bag.presentment, presentment),
    shop: (bag) => formatMinorUnits(bag.shop, shop),
    both: (bag) =>
      multi
        ? `${formatMinorUnits(bag.presentment, presentment)} (${formatMinorUnits(bag.shop, shop)})`
        : formatMinorUnits(bag.presentment, presentment),
  };
  const amount = money.both;
  const taxesIncluded = order?.taxesIncluded === true;

  const out: string[] = [];
  const title = `Credit memo ${printable(memo.id)} for order ${printable(memo.orderId)}`;
  const currencies = multi
    ? `${memo.presentmentCurrency}; ${memo.currency} in parentheses`
    : memo.currency;
  out.push(wrap(`${title} (${currencies}${taxesIncluded ? "; prices include tax" : ""})`, width));
  const about = [
    memo.reason === null ? undefined : `Reason: ${printable(memo.reason)}`,
    memo.note === null ? undefined : `Note: ${printable(memo.note)}`,
    memo.idempotencyKey === null ? undefined : `Key: ${printable(memo.idempotencyKey)}`,
    `Notify customer: ${memo.notify ? "yes" : "no"}`,
  ].filter((s): s is string => s !== undefined);
  out.push(wrap(about.join("  ·  "), width), "");

  if (memo.lineItems.length === 0) out.push("Items: none", "");
  else {
    const columns: Column[] = [
      { title: "Item", money: false },
      { title: "Qty", money: true },
      { title: "Price", money: true },
      { title: "Gross", money: true, derived: true },
      { title: "Discount", money: true, droppable: true },
      { title: "Subtotal", money: true },
      { title: taxesIncluded ? "Tax incl." : "Tax", money: true },
      { title: "Duties", money: true, droppable: true },
      { title: "Total", money: true },
      { title: "Restock", money: false },
    ];
    const rows = memo.lineItems.map((line): Cell[] => [
      itemLabel(line.lineItemId, order),
      String(line.quantity),
      line.price,
      line.gross,
      line.discount,
      line.subtotal,
      line.tax,
      sumBags(line.duties.flatMap((d) => [d.amount, ...d.taxLines.map((t) => t.amount)])),
      line.total,
      line.restock === "no_restock"
        ? "no restock"
        : line.locationId === null
          ? line.restock
          : `${line.restock} at ${printable(line.locationId)}`,
    ]);
    out.push(renderTable(columns, rows, money, width), "");
  }

  const summary: string[][] = [
    [
      "Shipping",
      amount(memo.shipping.amount),
      `tax ${amount(memo.shipping.tax)}, refundable before ${amount(memo.shipping.maximumRefundable)}`,
    ],
    ["Adjustment +", amount(memo.adjustmentPositive), ""],
    ["Adjustment -", amount(memo.adjustmentNegative), ""],
    ["", "", ""],
    ["Subtotal", amount(memo.subtotal), ""],
    ["Discount", amount(memo.discount), ""],
    [taxesIncluded ? "Tax (included)" : "Tax", amount(memo.tax), ""],
    ["Duties", amount(memo.duties), ""],
    ["Total", amount(memo.total), `refundable before ${amount(memo.maximumRefundable)}`],
  ];
  out.push(renderSummary(summary, width), "");

  if (memo.transactions.length === 0) out.push("Transactions: none");
  else {
    const columns: Column[] = [
      { title: "Invoice", money: false },
      { title: "Gateway", money: false },
      { title: "Online", money: false },
      { title: "Amount", money: true },
      { title: "Refundable before", money: true },
    ];
    const rows = memo.transactions.map((t): Cell[] => [
      printable(t.invoiceId),
      t.gateway === undefined || t.gateway === null ? "-" : printable(t.gateway),
      t.online ? "yes" : "no (refund by hand)",
      t.amount,
      t.maximumRefundable,
    ]);
    out.push("Transactions", renderTable(columns, rows, money, width));
  }
  return `${out.join("\n")}\n`;
}
