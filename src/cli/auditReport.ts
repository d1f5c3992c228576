/**
 * The pure part of `refund-core audit`: one input document → its output
 * line, the running summary, the exit status, and the splitting of the
 * input into documents (JSON Lines, or one pretty-printed order).
 *
 * @module
 */

import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import { fromMagentoOrder } from "../adapters/magento/order.js";
import { fromShopifyOrder } from "../adapters/shopify/order.js";
import { type AuditReport, audit, type Discrepancy, type RejectedRefund } from "../audit/audit.js";
import type { Order } from "../domain/order.js";
import type { PolicyName } from "../domain/policy.js";
import { type RefundError, refundErrors } from "../errors.js";
import { currencyForEncoding } from "../json/amount.js";
import { decodeOrderForAudit } from "../json/order.js";
import { findCurrency } from "../money/currency.js";
import { formatMinorUnits, parseDecimal, toMinorUnits } from "../money/decimal.js";
import { EXIT } from "./exitCode.js";
import { parseJson } from "./inputs.js";

/** The order formats `audit --platform` reads. @category CLI */
export const PLATFORMS = ["canonical", "shopify", "magento"] as const;
/** One of {@link PLATFORMS}. @category CLI */
export type Platform = (typeof PLATFORMS)[number];

const DECODERS: Record<Platform, (json: unknown) => Either<NonEmptyArray<RefundError>, Order>> = {
  canonical: decodeOrderForAudit,
  shopify: fromShopifyOrder,
  magento: fromMagentoOrder,
};

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

/** The id an undecodable document seems to have (`id`, `entity_id`, `order.id`), for its error line. */
function guessId(json: unknown): string | null {
  const o =
    typeof json === "object" && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  if (o === undefined) return null;
  const inner = o["order"];
  const candidate =
    o["id"] ??
    o["entity_id"] ??
    (typeof inner === "object" && inner !== null
      ? (inner as Record<string, unknown>)["id"]
      : undefined);
  return typeof candidate === "string" || typeof candidate === "number" ? String(candidate) : null;
}

/** The result of auditing one document: its output line and the order it read, if any. */
export interface AuditedDocument {
  readonly line: AuditLine;
  readonly order?: Order;
}

/**
 * Audits one input document (the text of one JSON value).
 *
 * @param text - the JSON text.
 * @param lineNumber - where it starts in the input, for error lines.
 * @param platform - its format.
 * @param policy - the policy to audit against.
 * @returns the output line (with the order when it could be read).
 * @category CLI
 */
export function auditDocument(
  text: string,
  lineNumber: number,
  platform: Platform,
  policy: PolicyName,
): AuditedDocument {
  const invalid = (orderId: string | null, errors: readonly RefundError[]): AuditedDocument => ({
    line: { orderId, refunds: 0, discrepancies: [], rejected: [], errors, line: lineNumber },
  });
  const json = parseJson(text);
  if (E.isLeft(json))
    return invalid(null, [refundErrors.invalidInput("", `is not JSON (${json.left})`)]);
  const order = DECODERS[platform](json.right);
  if (E.isLeft(order)) return invalid(guessId(json.right), order.left);
  const report = audit(order.right, policy);
  if (E.isLeft(report)) return { ...invalid(order.right.id, report.left), order: order.right };
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

/**
 * Splits input lines into JSON documents, keeping only one document's text
 * at a time. JSON Lines: each non-blank line is a document. A first line
 * that is not JSON on its own and does not look like a whole one-line
 * document (it does not end with `}`) starts one pretty-printed document
 * that runs to the end of the input.
 * @category CLI
 */
export class DocumentSplitter {
  private mode: "unknown" | "lines" | "document" = "unknown";
  private buffer: string[] = [];
  private start = 0;

  /** Feeds line `n` (1-based); returns the documents it completes. */
  push(text: string, n: number): { text: string; line: number }[] {
    if (this.mode === "document") {
      this.buffer.push(text);
      return [];
    }
    const line = text.trim();
    if (line === "") return [];
    if (this.mode === "unknown") {
      const first = line.startsWith("\uFEFF") ? line.slice(1) : line;
      const whole = E.isRight(parseJson(first)) || first.endsWith("}");
      if (!whole) {
        this.mode = "document";
        this.start = n;
        this.buffer = [first];
        return [];
      }
      this.mode = "lines";
      return [{ text: first, line: n }];
    }
    return [{ text: line, line: n }];
  }

  /** The document still buffered at the end of the input, if any. */
  end(): { text: string; line: number }[] {
    if (this.mode !== "document") return [];
    const text = this.buffer.join("\n");
    this.buffer = [];
    return [{ text, line: this.start }];
  }
}
