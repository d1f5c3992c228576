/**
 * `refund-core audit --jobs N` and `--shard I/N` (issue 15): the audit of a
 * large export spread over worker threads of one process, or over machines.
 *
 * - `--jobs N`: the main thread reads and splits the input as the
 *   sequential audit does and hands batches of documents to N worker
 *   threads; each batch comes back as its report lines and its summary, and
 *   is written in input order, so the output is byte for byte the
 *   sequential run's. The batch summaries are added up with
 *   {@link mergeSummaries}.
 * - `--shard I/N`: this run audits only documents I, I+N, I+2N… (counted
 *   from 1 in input order); N runs, one per shard, audit every document
 *   once, and their summary lines add up ({@link mergeSummaries}) to the
 *   summary of one run over the whole input.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import type { PolicyName } from "../domain/policy.js";
import { currencyForEncoding } from "../json/amount.js";
import { formatMinorUnits, parseDecimal, toMinorUnits } from "../money/decimal.js";
import { type AuditSummary, AuditTally, auditDocument, type Platform } from "./auditReport.js";
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
 * The summary of two parts of an input audited apart (two batches, two
 * shards): counts added, kinds and currencies merged and sorted as
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

/** A document to audit: its text and the input line it starts on. */
export interface AuditDocumentText {
  readonly text: string;
  readonly line: number;
}

/**
 * A batch audited: its report lines (each ending in a newline) in input
 * order, its summary, and how many of its orders have findings.
 * @category CLI
 */
export interface AuditedBatch {
  readonly out: string;
  readonly summary: AuditSummary;
  readonly flagged: number;
}

/**
 * Audits a batch of documents as the sequential audit does, one
 * {@link AuditTally} for the batch: what a worker thread runs.
 * @category CLI
 */
export function auditBatch(
  docs: readonly AuditDocumentText[],
  platform: Platform,
  policy: PolicyName,
): AuditedBatch {
  const tally = new AuditTally();
  let out = "";
  let flagged = 0;
  for (const doc of docs) {
    const audited = auditDocument(doc.text, doc.line, platform, policy);
    tally.add(audited);
    const line = audited.line;
    if (line.discrepancies.length > 0 || line.rejected.length > 0 || line.errors.length > 0)
      flagged += 1;
    out += `${JSON.stringify(line)}\n`;
  }
  return { out, summary: tally.summary(), flagged };
}

/** What the main thread tells a worker thread at its start (`workerData`). */
export interface AuditWorkerData {
  readonly refundCoreAuditWorker: true;
  readonly platform: Platform;
  readonly policy: PolicyName;
}

/** Whether `data` (a thread's `workerData`) starts an audit worker. */
export function isAuditWorkerData(data: unknown): data is AuditWorkerData {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as Partial<AuditWorkerData>).refundCoreAuditWorker === true
  );
}

/** Documents per batch: large enough that a message costs little against the audit of its orders. */
export const BATCH_SIZE = 256;

/**
 * A pool of audit worker threads running `script` (the command line's own
 * file, which starts {@link runAuditWorker} when its `workerData` says so):
 * `submit` hands over a batch, `next` returns the batches audited, in the
 * order they were submitted.
 * @category CLI
 */
export class AuditWorkers {
  private readonly workers: Worker[];
  /** Batches in flight at most (two per worker): memory stays flat however long the input. */
  readonly maxPending: number;
  private readonly results = new Map<number, AuditedBatch>();
  private readonly waiting = new Map<number, (batch: AuditedBatch) => void>();
  private submitted = 0;
  private delivered = 0;
  private failure: unknown = undefined;
  private closing = false;

  constructor(script: string, jobs: number, platform: Platform, policy: PolicyName) {
    const workerData: AuditWorkerData = { refundCoreAuditWorker: true, platform, policy };
    this.maxPending = 2 * jobs;
    this.workers = Array.from({ length: jobs }, () => {
      const worker = new Worker(script, { workerData });
      worker.on("message", (m: { id: number; batch: AuditedBatch }) => {
        const resolve = this.waiting.get(m.id);
        if (resolve === undefined) this.results.set(m.id, m.batch);
        else {
          this.waiting.delete(m.id);
          resolve(m.batch);
        }
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => {
        if (!this.closing)
          this.fail(new Error(`an audit worker thread stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  /** Records the first failure and wakes every `next` waiting (which then throws). */
  private fail(error: unknown): void {
    if (this.failure === undefined) this.failure = error;
    for (const resolve of this.waiting.values()) resolve(EMPTY_BATCH);
    this.waiting.clear();
  }

  /** Whether a worker thread failed (`next` then throws its error). */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Batches handed over and not yet taken back with `next`. */
  get pending(): number {
    return this.submitted - this.delivered;
  }

  /** Hands a batch to the next worker, in turn. */
  submit(docs: readonly AuditDocumentText[]): void {
    const id = this.submitted;
    this.submitted += 1;
    (this.workers[id % this.workers.length] as Worker).postMessage({ id, docs });
  }

  /** The next batch in submission order, once audited; throws if a worker failed. */
  async next(): Promise<AuditedBatch> {
    const id = this.delivered;
    this.delivered += 1;
    // A failed worker answers nothing more: never wait for it.
    if (this.failure !== undefined) throw this.failure;
    const ready = this.results.get(id);
    const batch =
      ready ?? (await new Promise<AuditedBatch>((resolve) => this.waiting.set(id, resolve)));
    this.results.delete(id);
    if (this.failure !== undefined) throw this.failure;
    return batch;
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

const EMPTY_BATCH: AuditedBatch = { out: "", summary: EMPTY_SUMMARY, flagged: 0 };

/**
 * The body of an audit worker thread: audits each batch it is sent and
 * posts it back with its id.
 * @category CLI
 */
export function runAuditWorker(
  data: AuditWorkerData,
  port: {
    on(event: "message", listener: (m: { id: number; docs: AuditDocumentText[] }) => void): void;
    postMessage(m: { id: number; batch: AuditedBatch }): void;
  },
): void {
  port.on("message", (m) => {
    port.postMessage({ id: m.id, batch: auditBatch(m.docs, data.platform, data.policy) });
  });
}
