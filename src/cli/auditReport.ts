/**
 * The pure part of `refund-core audit`: one input document → its output
 * line, the running summary and the exit status.
 *
 * @module
 */

import * as E from "fp-ts/lib/Either.js";
import { PLATFORMS, type PlatformName } from "../adapters/platforms.js";
import {
  type AuditReport,
  audit,
  auditDecodedOrder,
  type Discrepancy,
  type RejectedRefund,
} from "../audit/audit.js";
import type { Order } from "../domain/order.js";
import type { PolicyName } from "../domain/policy.js";
import { type RefundError, refundErrors } from "../errors.js";
import { currencyForEncoding } from "../json/amount.js";
import { decodeOrderForAudit } from "../json/order.js";
import { findCurrency } from "../money/currency.js";
import { formatMinorUnits, parseDecimal, toMinorUnits } from "../money/decimal.js";
import type { InputDocument } from "./auditInput.js";
import { surelyNoDuplicateKeys } from "./duplicateKeys.js";
import { EXIT } from "./exitCode.js";
import { duplicateKeyErrors, parseJson } from "./inputs.js";
import { likelyPlatform, platformHintError } from "./platformHint.js";

/**
 * One output line: an order's audit. `errors` is non-empty only for an order
 * that is invalid input (it then has no discrepancies); `line` (the input
 * line number, 1-based) is given for such orders only.
 * @category CLI
 */
export interface AuditLine {
  readonly orderId: string | null;
  readonly refunds: number;
  readonly discrepancies: readonly Discrepancy[];
  readonly rejected: readonly RejectedRefund[];
  readonly errors: readonly RefundError[];
  readonly line?: number;
}

/** `value` as a JSON object, or undefined. */
function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The id an undecodable document seems to have, for its error line: `id`,
 * `entity_id` (Magento), `RefNo` (2Checkout), `order.id` (Shopify REST),
 * `data.order.id` (Shopify GraphQL, without its `gid://` prefix, as the
 * adapter reads it) or `data.id` (Commerce Layer's JSON:API).
 */
function guessId(json: unknown): string | null {
  const o = objectOf(json);
  if (o === undefined) return null;
  const data = objectOf(o["data"]);
  const graphQlOrder = objectOf(data?.["order"]);
  const candidate =
    o["id"] ??
    o["entity_id"] ??
    o["RefNo"] ??
    objectOf(o["order"])?.["id"] ??
    (graphQlOrder === undefined ? data?.["id"] : graphQlOrder["id"]);
  if (typeof candidate === "number") return String(candidate);
  if (typeof candidate !== "string") return null;
  return candidate.startsWith("gid://")
    ? candidate.slice(candidate.lastIndexOf("/") + 1)
    : candidate;
}

/** The result of auditing one document: its output line and the order it read, if any. */
export interface AuditedDocument {
  readonly line: AuditLine;
  readonly order?: Order;
  /** The platform an order that could not be read looks like, when another than the one asked for. */
  readonly likelyPlatform?: PlatformName;
}

/** The line of an order that could not be read: its errors, and where it starts. */
function invalidLine(
  lineNumber: number,
  orderId: string | null,
  errors: readonly RefundError[],
): AuditedDocument {
  return {
    line: { orderId, refunds: 0, discrepancies: [], rejected: [], errors, line: lineNumber },
  };
}

/**
 * The line of a part of the input that is no text at all (not UTF-8, or
 * over the limit): `INVALID_INPUT`, and the run goes on (§9.2).
 *
 * @param doc - the document, with its problem.
 * @returns its output line.
 * @category CLI
 */
export function unreadableDocument(
  doc: InputDocument & { readonly problem: string },
): AuditedDocument {
  return invalidLine(doc.line, null, [
    refundErrors.invalidInput("", `at line ${doc.line} ${doc.problem}`),
  ]);
}

/**
 * Audits one input document (the text of one JSON value).
 *
 * @param text - the JSON text.
 * @param lineNumber - where it starts in the input, for error lines.
 * @param platform - its format (`PLATFORMS` of `src/adapters/platforms.ts`).
 * @param policy - the policy to audit against.
 * @returns the output line (with the order when it could be read). A key
 * given twice is `INVALID_INPUT` at its path; an order that cannot be read
 * and looks like another platform's gets an error naming the `--platform`.
 * @category CLI
 */
export function auditDocument(
  text: string,
  lineNumber: number,
  platform: PlatformName,
  policy: PolicyName,
): AuditedDocument {
  const json = parseJson(text);
  if (E.isLeft(json))
    return invalidLine(lineNumber, null, [
      refundErrors.invalidInput("", `is not JSON (${json.left})`),
    ]);
  // The scan for repeated keys only when a count says there may be one.
  const repeated = surelyNoDuplicateKeys(text, json.right) ? [] : duplicateKeyErrors(text);
  if (repeated.length > 0) return invalidLine(lineNumber, guessId(json.right), repeated);
  // The canonical audit reads a memo in other currencies as that memo's problem (§9.2).
  const order =
    platform === "canonical"
      ? decodeOrderForAudit(json.right)
      : PLATFORMS[platform].readOrder(json.right);
  if (E.isLeft(order)) {
    const likely = likelyPlatform(json.right, platform);
    if (likely === undefined) return invalidLine(lineNumber, guessId(json.right), order.left);
    const errors = [platformHintError(likely), ...order.left];
    return { ...invalidLine(lineNumber, guessId(json.right), errors), likelyPlatform: likely };
  }
  // A canonical order's shape is the decoder's own: not checked again.
  const report =
    platform === "canonical" ? auditDecodedOrder(order.right, policy) : audit(order.right, policy);
  if (E.isLeft(report)) {
    return { ...invalidLine(lineNumber, order.right.id, report.left), order: order.right };
  }
  return { line: reportLine(report.right), order: order.right };
}

function reportLine(report: AuditReport): AuditLine {
  return {
    orderId: report.orderId,
    refunds: report.refunds,
    discrepancies: report.discrepancies,
    rejected: report.rejected,
    errors: [],
  };
}

/**
 * The last line's figures. Beyond §9.2's `orders`, `refunds`,
 * `refundsWithDiscrepancies`, `discrepancies` and `invalidOrders`:
 * `rejectedRefunds`; `discrepanciesByKind`, counts by path with positions
 * and currency sides dropped (`lineItems[].tax`, `total`); and
 * `moneyInvolved`, per currency, the sum of |recorded − expected| over the
 * memos' `total` discrepancies (the money paid out wrongly) and
 * `moneyRejected`, per presentment currency, the recorded totals of the
 * rejected memos.
 * @category CLI
 */
export interface AuditSummary {
  readonly orders: number;
  readonly refunds: number;
  readonly refundsWithDiscrepancies: number;
  readonly discrepancies: number;
  readonly invalidOrders: number;
  readonly rejectedRefunds: number;
  readonly discrepanciesByKind: Readonly<Record<string, number>>;
  readonly moneyInvolved: Readonly<Record<string, string>>;
  readonly moneyRejected: Readonly<Record<string, string>>;
}

/** The kind of a discrepancy: its path without positions or side. */
export function discrepancyKind(path: string): string {
  return path.replace(/\[\d+\]/g, "[]").replace(/\.(shop|presentment)$/, "");
}

function minorOf(amount: string, code: string): bigint {
  const currency = findCurrency(code);
  const negative = amount.startsWith("-");
  const d = parseDecimal(negative ? amount.slice(1) : amount);
  const m = currency !== undefined && d !== undefined ? (toMinorUnits(d, currency) ?? 0n) : 0n;
  return negative ? -m : m;
}

/**
 * The running totals of an audit run: constant memory in the number of
 * orders (one counter per kind and per currency).
 * @category CLI
 */
export class AuditTally {
  private orders = 0;
  private refunds = 0;
  private refundsWithDiscrepancies = 0;
  private discrepancies = 0;
  private invalidOrders = 0;
  private rejectedRefunds = 0;
  private readonly byKind = new Map<string, number>();
  private readonly involved = new Map<string, bigint>();
  private readonly rejectedMoney = new Map<string, bigint>();

  /** Adds one audited document. */
  add(doc: AuditedDocument): void {
    const { line, order } = doc;
    this.orders += 1;
    this.refunds += line.refunds;
    if (line.errors.length > 0) this.invalidOrders += 1;
    this.discrepancies += line.discrepancies.length;
    if (line.discrepancies.length > 0)
      this.refundsWithDiscrepancies += new Set(line.discrepancies.map((d) => d.refundId)).size;
    this.rejectedRefunds += line.rejected.length;
    for (const d of line.discrepancies) {
      const kind = discrepancyKind(d.path);
      this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
      if (kind === "total") {
        const diff = minorOf(d.recorded, d.currency) - minorOf(d.expected, d.currency);
        this.involved.set(
          d.currency,
          (this.involved.get(d.currency) ?? 0n) + (diff < 0n ? -diff : diff),
        );
      }
    }
    if (order !== undefined)
      for (const r of line.rejected) {
        const memo = order.refunds.find((m) => m.id === r.refundId);
        if (memo === undefined) continue;
        const code = order.presentmentCurrency;
        this.rejectedMoney.set(code, (this.rejectedMoney.get(code) ?? 0n) + memo.total.presentment);
      }
  }

  /** Counts input that could not be read at all (no order, but invalid input). */
  addUnreadable(): void {
    this.invalidOrders += 1;
  }

  /** The summary so far. */
  summary(): AuditSummary {
    const money = (m: ReadonlyMap<string, bigint>) =>
      Object.fromEntries(
        [...m.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([code, minor]) => [code, formatMinorUnits(minor, currencyForEncoding(code))]),
      );
    return {
      orders: this.orders,
      refunds: this.refunds,
      refundsWithDiscrepancies: this.refundsWithDiscrepancies,
      discrepancies: this.discrepancies,
      invalidOrders: this.invalidOrders,
      rejectedRefunds: this.rejectedRefunds,
      discrepanciesByKind: Object.fromEntries(
        [...this.byKind.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
      moneyInvolved: money(this.involved),
      moneyRejected: money(this.rejectedMoney),
    };
  }

  /** §9.2's exit status: 2 some order invalid, 1 some memo differs or is rejected, else 0. */
  exitStatus(): number {
    if (this.invalidOrders > 0) return EXIT.invalidInput;
    if (this.discrepancies > 0 || this.rejectedRefunds > 0) return EXIT.rejected;
    return EXIT.ok;
  }
}
