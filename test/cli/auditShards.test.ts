/**
 * `audit --shard I/N` (issue 15): summaries of parts audited apart add up to
 * the summary of the whole, and shards cover every document once.
 */

import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { AuditIo } from "../../src/cli/auditIo.js";
import { type AuditSummary, AuditTally, auditDocument } from "../../src/cli/auditReport.js";
import {
  EMPTY_SUMMARY,
  inShard,
  mergeSummaries,
  parseShard,
  summaryExitStatus,
} from "../../src/cli/auditShards.js";
import { runCli } from "../../src/cli/run.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { encodeOrder } from "../../src/json/order.js";
import { orderAfterAll, unitRequest } from "../support/apply.js";
import { magento38388Order } from "../support/fixtures.js";

const summary = (parts: Partial<AuditSummary>): AuditSummary => ({ ...EMPTY_SUMMARY, ...parts });

describe("mergeSummaries", () => {
  it("adds counts, kinds and money per currency, worked by hand", () => {
    const a = summary({
      orders: 2,
      refunds: 3,
      refundsWithDiscrepancies: 1,
      discrepancies: 2,
      rejectedRefunds: 1,
      discrepanciesByKind: { total: 1, "lineItems[].tax": 1 },
      moneyInvolved: { USD: "0.01", JPY: "5" },
      moneyRejected: { USD: "10.00" },
    });
    const b = summary({
      orders: 1,
      refunds: 1,
      invalidOrders: 1,
      discrepancies: 2,
      discrepanciesByKind: { total: 2 },
      moneyInvolved: { USD: "0.02", EUR: "1.50", JPY: "7" },
    });
    // orders 2 + 1, refunds 3 + 1; total 1 + 2 = 3; USD 0.01 + 0.02 = 0.03, JPY 5 + 7 = 12 (no minor unit).
    expect(mergeSummaries(a, b)).toEqual({
      orders: 3,
      refunds: 4,
      refundsWithDiscrepancies: 1,
      discrepancies: 4,
      invalidOrders: 1,
      rejectedRefunds: 1,
      discrepanciesByKind: { "lineItems[].tax": 1, total: 3 },
      moneyInvolved: { EUR: "1.50", JPY: "12", USD: "0.03" },
      moneyRejected: { USD: "10.00" },
    });
    expect(mergeSummaries(EMPTY_SUMMARY, a)).toEqual(mergeSummaries(a, EMPTY_SUMMARY));
  });

  it("gives §9.2's exit status: 2 with an invalid order, 1 with a discrepancy or rejected memo, else 0", () => {
    expect(summaryExitStatus(summary({ invalidOrders: 1, discrepancies: 1 }))).toBe(2);
    expect(summaryExitStatus(summary({ discrepancies: 1 }))).toBe(1);
    expect(summaryExitStatus(summary({ rejectedRefunds: 1 }))).toBe(1);
    expect(summaryExitStatus(summary({ orders: 5 }))).toBe(0);
  });
});

describe("shards", () => {
  it("reads I/N with 1 ≤ I ≤ N; shard 1/3 takes documents 1, 4, 7", () => {
    expect(parseShard("2/8")).toEqual({ index: 2, count: 8 });
    for (const text of ["0/3", "4/3", "1/0", "a/b", "1/", "/3", "01/3", " 1/3", "1.5/3"])
      expect(parseShard(text), text).toBeUndefined();
    const shard = { index: 1, count: 3 };
    expect([1, 2, 3, 4, 5, 6, 7].filter((p) => inShard(p, shard))).toEqual([1, 4, 7]);
  });
});

/** 3 × 100.00, discount 200.00, tax 57.00, three one-unit refunds. */
function history(id: string): Order {
  const one = unitRequest("a");
  return orderAfterAll({ ...magento38388Order, id }, [one, one, one]);
}

/** The same with the second memo's total one cent higher (a `total` discrepancy of 0.01). */
function leaky(id: string): Order {
  const o = history(id);
  const [m1, m2, m3] = o.refunds as CreditMemo[];
  if (m1 === undefined || m2 === undefined || m3 === undefined) throw new Error("three memos");
  const up = { shop: m2.total.shop + 1n, presentment: m2.total.presentment + 1n };
  return { ...o, refunds: [m1, { ...m2, total: up }, m3] };
}

/** Documents of every kind the audit meets. */
const documents = [
  JSON.stringify(encodeOrder(history("clean"))),
  JSON.stringify(encodeOrder(leaky("leaky"))),
  "{not json}",
  JSON.stringify({ ...encodeOrder(history("bad")), currency: "XXX" }),
  JSON.stringify(encodeOrder(history("clean-2"))),
  JSON.stringify(encodeOrder(leaky("leaky-2"))),
];

/** The audit of some documents of an input (each with its input line): report lines and summary. */
function auditPart(docs: readonly { text: string; line: number }[]): {
  out: string;
  summary: AuditSummary;
} {
  const tally = new AuditTally();
  let out = "";
  for (const { text, line } of docs) {
    const audited = auditDocument(text, line, "canonical", "default");
    tally.add(audited);
    out += `${JSON.stringify(audited.line)}\n`;
  }
  return { out, summary: tally.summary() };
}

/** The sequential audit of `texts`: report lines and summary. */
function sequential(texts: readonly string[]): { out: string; summary: AuditSummary } {
  return auditPart(texts.map((text, i) => ({ text, line: i + 1 })));
}

describe("parts audited apart", () => {
  test.prop(
    [
      fc.array(fc.constantFrom(...documents), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 4 }),
    ],
    { numRuns: 30 },
  )(
    "every shard once: the lines are the whole run's and the summaries add up to its summary",
    (texts, count) => {
      const whole = sequential(texts);
      let merged = EMPTY_SUMMARY;
      const lines: string[] = [];
      for (let index = 1; index <= count; index++) {
        const docs = texts
          .map((text, i) => ({ text, line: i + 1 }))
          .filter((_, i) => inShard(i + 1, { index, count }));
        const batch = auditPart(docs);
        merged = mergeSummaries(merged, batch.summary);
        lines.push(...batch.out.split("\n").filter((l) => l !== ""));
      }
      expect(merged).toEqual(whole.summary);
      expect(lines.sort()).toEqual(
        whole.out
          .split("\n")
          .filter((l) => l !== "")
          .sort(),
      );
    },
  );
});

function streamIo(lines: readonly string[]) {
  const out: string[] = [];
  const io: AuditIo = {
    readText: async () => E.left("not used"),
    readLines: async function* () {
      yield* lines;
    },
    stderrIsTTY: false,
    drained: async () => {},
    writeOut: (t) => {
      out.push(t);
    },
    writeErr: () => {},
  };
  return { io, text: () => out.join("") };
}

describe("audit --shard through runCli", () => {
  it("--shard 2/2 writes documents 2, 4, 6 and their summary; the shards' exit statuses are their own", async () => {
    const all = streamIo(documents);
    await runCli(["audit", "data.jsonl"], all.io);
    const allLines = all.text().trimEnd().split("\n");
    const second = streamIo(documents);
    // Documents 2 (leaky), 4 (invalid: XXX) and 6 (leaky): exit 2 for the invalid order.
    const status = await runCli(["audit", "--shard", "2/2", "data.jsonl"], second.io);
    const lines = second.text().trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual([allLines[1], allLines[3], allLines[5]]);
    // Each leaky order: its second memo's total 52.35 where 52.34 is expected, and its
    // transactions (52.34) then short of that total: 2 discrepancies, 0.01 each at `total`.
    expect(JSON.parse(lines[3] ?? "{}")).toEqual({
      summary: {
        orders: 3,
        refunds: 6,
        refundsWithDiscrepancies: 2,
        discrepancies: 4,
        invalidOrders: 1,
        rejectedRefunds: 0,
        discrepanciesByKind: { total: 2, transactions: 2 },
        moneyInvolved: { USD: "0.02" },
        moneyRejected: {},
      },
    });
    expect(status).toBe(2);
    const first = streamIo(documents);
    // Documents 1 (clean), 3 (not JSON) and 5 (clean).
    expect(await runCli(["audit", "--shard", "1/2", "data.jsonl"], first.io)).toBe(2);
  });

  it("refuses --shard 4/3 and --shard 0/3 as usage errors (64)", async () => {
    expect(await runCli(["audit", "--shard", "0/3", "data.jsonl"], streamIo(documents).io)).toBe(
      64,
    );
    expect(await runCli(["audit", "--shard", "4/3", "data.jsonl"], streamIo(documents).io)).toBe(
      64,
    );
  });
});
