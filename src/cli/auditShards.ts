/**
 * `refund-core audit --shard I/N` (issue 15): the audit of a large export
 * spread over processes or machines. A run with `--shard I/N` audits only
 * documents I, I+N, I+2N… (counted from 1 in input order); N runs, one per
 * shard, audit every document once, and their summary lines add up
 * ({@link mergeSummaries}) to the summary of one run over the whole input.
 *
 * (Worker threads in one process, `--jobs N`, were measured and not kept:
 * on this project's 2-core machines they were slower than one thread, see
 * docs/performance.md.)
 *
 * @module
 */
import { currencyForEncoding } from "../json/amount.js";
import { formatMinorUnits, parseDecimal, toMinorUnits } from "../money/decimal.js";
import type { AuditSummary, AuditTally } from "./auditReport.js";
import { EXIT } from "./exitCode.js";

/**
 * One shard of an input: documents whose position (from 1) is `index`
 * modulo `count`.
 * @category CLI
 */
export interface Shard {
  /** From 1 to `count`. */
  readonly index: number;
  readonly count: number;
}

/**
 * Reads `I/N` (`1 ≤ I ≤ N`, whole numbers).
 *
 * @param text - such as `"2/8"`.
 * @returns the shard, or `undefined` when `text` is not of that form.
 * @example
 * ```ts
 * parseShard("2/8"); // => { index: 2, count: 8 }
 * parseShard("9/8"); // => undefined
 * ```
 * @category CLI
 */
export function parseShard(text: string): Shard | undefined {
  const match = /^([1-9][0-9]{0,5})\/([1-9][0-9]{0,5})$/.exec(text);
  if (match === null) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index <= count ? { index, count } : undefined;
}

/**
 * Whether the document at `position` (from 1, in input order) belongs to `shard`.
 * @category CLI
 */
export function inShard(position: number, shard: Shard): boolean {
  return (position - 1) % shard.count === shard.index - 1;
}

/** Minor units of a summary amount (`"12.50"` in `code`); amounts are written by `formatMinorUnits`. */
function minorOf(amount: string, code: string): bigint {
  const negative = amount.startsWith("-");
  const decimal = parseDecimal(negative ? amount.slice(1) : amount);
  const minor =
    decimal === undefined ? 0n : (toMinorUnits(decimal, currencyForEncoding(code)) ?? 0n);
  return negative ? -minor : minor;
}

function sortedEntries<V>(record: Readonly<Record<string, V>>): [string, V][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));
}

function addCounts(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> {
  const sum = new Map(Object.entries(a));
  for (const [kind, n] of Object.entries(b)) sum.set(kind, (sum.get(kind) ?? 0) + n);
  return Object.fromEntries([...sum.entries()].sort(([x], [y]) => (x < y ? -1 : 1)));
}

function addMoney(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): Record<string, string> {
  const sum = new Map<string, bigint>();
  for (const [code, amount] of [...sortedEntries(a), ...sortedEntries(b)])
    sum.set(code, (sum.get(code) ?? 0n) + minorOf(amount, code));
  return Object.fromEntries(
    [...sum.entries()]
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([code, minor]) => [code, formatMinorUnits(minor, currencyForEncoding(code))]),
  );
}

/**
 * The summary of two parts of an input audited apart (two shards): counts added, kinds and currencies merged and sorted as
 * {@link AuditTally} sorts them, money added in minor units.
 *
 * @example
 * ```ts
 * const part = { orders: 2, refunds: 3, refundsWithDiscrepancies: 1, discrepancies: 1, invalidOrders: 0,
 *   rejectedRefunds: 0, discrepanciesByKind: { total: 1 }, moneyInvolved: { USD: "0.01" }, moneyRejected: {} };
 * mergeSummaries(part, part).moneyInvolved; // => { USD: "0.02" }
 * mergeSummaries(part, part).orders; // => 4
 * ```
 * @category CLI
 */
export function mergeSummaries(a: AuditSummary, b: AuditSummary): AuditSummary {
  return {
    orders: a.orders + b.orders,
    refunds: a.refunds + b.refunds,
    refundsWithDiscrepancies: a.refundsWithDiscrepancies + b.refundsWithDiscrepancies,
    discrepancies: a.discrepancies + b.discrepancies,
    invalidOrders: a.invalidOrders + b.invalidOrders,
    rejectedRefunds: a.rejectedRefunds + b.rejectedRefunds,
    discrepanciesByKind: addCounts(a.discrepanciesByKind, b.discrepanciesByKind),
    moneyInvolved: addMoney(a.moneyInvolved, b.moneyInvolved),
    moneyRejected: addMoney(a.moneyRejected, b.moneyRejected),
  };
}

/**
 * The summary of nothing audited.
 * @category CLI
 */
export const EMPTY_SUMMARY: AuditSummary = {
  orders: 0,
  refunds: 0,
  refundsWithDiscrepancies: 0,
  discrepancies: 0,
  invalidOrders: 0,
  rejectedRefunds: 0,
  discrepanciesByKind: {},
  moneyInvolved: {},
  moneyRejected: {},
};

/**
 * §9.2's exit status of a (merged) summary, as {@link AuditTally} gives it.
 * @category CLI
 */
export function summaryExitStatus(summary: AuditSummary): number {
  if (summary.invalidOrders > 0) return EXIT.invalidInput;
  if (summary.discrepancies > 0 || summary.rejectedRefunds > 0) return EXIT.rejected;
  return EXIT.ok;
}
