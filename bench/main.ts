/**
 * refund-core benchmarks (`npm run bench`): fixed, generated scenarios timed
 * with tinybench, each compared with a hand-written bigint baseline, and
 * checked against the targets of issue 7. Numbers only — nothing here
 * fails a build.
 *
 * Options: `--quick` (short time budgets), `--only <text>` (scenarios whose
 * name contains the text), `--json <file>` (also write the results as JSON),
 * `--no-memory` (skip the child process measuring memory).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import { Bench } from "tinybench";
import { applyRefund } from "../src/applyRefund.js";
import { audit } from "../src/audit/audit.js";
import { calculate } from "../src/calculate.js";
import type { Order } from "../src/domain/order.js";
import type { RefundRequest } from "../src/domain/refundRequest.js";
import { auditJsonLines, typicalOrdersJsonLines } from "./audit.js";
import { baselineRefund } from "./baseline.js";
import type { MemoryResult } from "./memoryResult.js";
import {
  afterChain,
  halfOfEveryLine,
  largeOrder,
  oneUnitOf,
  shopifyOrder,
  shopifyRequest,
} from "./scenarios.js";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const quick = args.includes("--quick");
const only = option("--only");
const jsonFile = option("--json");
const SIZES = [100, 1_000, 10_000] as const;
const CHAIN_LINES = 500;
const AUDIT_ORDERS = 1_000;

const selected = (name: string) => only === undefined || name.includes(only);

/**
 * A calculation the bench times, with the checks that it computes what the
 * baseline does. `repeat`: calls per sample, so that sub-microsecond
 * calls are not lost in the timer's resolution (times are reported per call).
 */
interface Case {
  readonly name: string;
  readonly order: Order;
  readonly request: RefundRequest;
  readonly repeat: number;
}

const cases: Case[] = [
  { name: "shopify example (3 lines)", order: shopifyOrder, request: shopifyRequest, repeat: 100 },
  ...SIZES.map((size) => {
    const order = largeOrder(size);
    const name = `${size} lines, half of each + shipping`;
    return { name, order, request: halfOfEveryLine(order), repeat: size <= 100 ? 10 : 1 };
  }),
].filter((c) => selected(c.name));
const repeats = new Map(
  cases.flatMap((c) => [
    [`calculate: ${c.name}`, c.repeat],
    [`baseline: ${c.name}`, c.repeat],
  ]),
);

// Same computation: the engine's totals must equal the baseline's.
for (const c of cases) {
  const memo = calculate(c.order, c.request);
  if (E.isLeft(memo)) throw new Error(`${c.name}: ${JSON.stringify(memo.left)}`);
  const floor = baselineRefund(c.order, c.request);
  const got = memo.right;
  if (
    got.total.presentment !== floor.total ||
    got.total.shop !== floor.shopTotal ||
    got.tax.presentment !== floor.tax ||
    got.discount.presentment !== floor.discount ||
    got.subtotal.presentment !== floor.subtotal
  )
    throw new Error(`${c.name}: the engine and the baseline disagree`);
}

const bench = new Bench({
  name: "refund-core",
  time: quick ? 300 : 2_000,
  warmupTime: quick ? 100 : 500,
  iterations: quick ? 5 : 20,
  throws: true,
});

for (const c of cases) {
  bench.add(`calculate: ${c.name}`, () => {
    for (let i = 0; i < c.repeat; i++) calculate(c.order, c.request);
  });
  bench.add(`baseline: ${c.name}`, () => {
    for (let i = 0; i < c.repeat; i++) baselineRefund(c.order, c.request);
  });
}

// The chain: the first single-unit refund of a 500-line order, and the 500th.
const chainNotes: string[] = [];
if (selected("chain")) {
  const fresh = largeOrder(CHAIN_LINES, 500);
  const started = performance.now();
  const before500th = afterChain(fresh, CHAIN_LINES - 1);
  chainNotes.push(
    `building the chain (499 applyRefund calls, once): ${(performance.now() - started).toFixed(0)} ms`,
  );
  const first = oneUnitOf(fresh, 0);
  const last = oneUnitOf(before500th, CHAIN_LINES - 1);
  bench.add("chain: 1st refund (500 lines, no history)", () => {
    applyRefund(fresh, first);
  });
  bench.add("chain: 500th refund (499 refunds before)", () => {
    applyRefund(before500th, last);
  });
  // The same order copied, as a service gets it back from its database: it
  // carries no checked history, so the 500th refund reads and checks all
  // 499 memos (src/order/carriedHistory.ts).
  const copied = { ...before500th };
  bench.add("chain: 500th refund, order copied (history read)", () => {
    applyRefund(copied, last);
  });
  // The audit replays each of the 499 memos on the history before it
  // (src/audit/audit.ts): linear in the memos, not quadratic.
  bench.add("chain: audit of the 499 refunds", () => {
    audit(before500th);
  });
}

// The audit pipeline over JSON Lines of typical orders.
let auditNote = "";
if (selected("audit")) {
  const text = typicalOrdersJsonLines(AUDIT_ORDERS);
  const check = auditJsonLines(text);
  if (check.orders !== AUDIT_ORDERS) throw new Error(`audit: ${check.orders} orders read`);
  auditNote =
    `audit input: ${AUDIT_ORDERS} typical orders, ${(text.length / 1024).toFixed(0)} KiB of JSON Lines; ` +
    `${check.flagged} flagged, ${(check.bytesWritten / 1024).toFixed(0)} KiB of report`;
  bench.add(`audit: ${AUDIT_ORDERS} typical orders (decode + replay + report)`, () => {
    auditJsonLines(text);
  });
}

await bench.run();

interface Row {
  readonly name: string;
  readonly medianMs: number;
  readonly opsPerSecond: number;
  readonly samples: number;
}

const rows: Row[] = bench.tasks.map((task) => {
  const result = task.result;
  if (result.state !== "completed") throw new Error(`${task.name}: ${result.state}`);
  const perCall = result.latency.p50 / (repeats.get(task.name) ?? 1);
  return {
    name: task.name,
    medianMs: perCall,
    opsPerSecond: 1000 / perCall,
    samples: task.runs,
  };
});
const median = (name: string) => rows.find((r) => r.name === name)?.medianMs;

const ms = (x: number) => (x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(3) : x.toFixed(4));
const ops = (x: number) => (x >= 100 ? Math.round(x).toLocaleString("en-US") : x.toFixed(1));

console.log(`\nrefund-core bench — Node ${process.version}, ${process.platform}/${process.arch}`);
console.log(`${quick ? "quick run" : "full run"}; median of each task's samples\n`);
console.log("| scenario | median | ops/s | × baseline | samples |");
console.log("|---|---:|---:|---:|---:|");
for (const row of rows) {
  const floor = row.name.startsWith("calculate: ")
    ? median(row.name.replace("calculate: ", "baseline: "))
    : undefined;
  const ratio = floor === undefined ? "" : `${(row.medianMs / floor).toFixed(1)}×`;
  console.log(
    `| ${row.name} | ${ms(row.medianMs)} ms | ${ops(row.opsPerSecond)} | ${ratio} | ${row.samples} |`,
  );
}

// Targets (issue 7).
const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");
const targets: { target: string; value: string; ok: boolean }[] = [];
for (const size of SIZES) {
  const name = `${size} lines, half of each + shipping`;
  const engine = median(`calculate: ${name}`);
  const floor = median(`baseline: ${name}`);
  if (engine !== undefined && floor !== undefined)
    targets.push({
      target: `${size} lines within 10× baseline`,
      value: `${(engine / floor).toFixed(1)}×`,
      ok: engine / floor <= 10,
    });
}
for (let i = 1; i < SIZES.length; i++) {
  const small = median(`calculate: ${SIZES[i - 1]} lines, half of each + shipping`);
  const large = median(`calculate: ${SIZES[i]} lines, half of each + shipping`);
  if (small !== undefined && large !== undefined)
    targets.push({
      target: `${SIZES[i - 1]} → ${SIZES[i]} lines ≤ 12× time`,
      value: `${(large / small).toFixed(1)}×`,
      ok: large / small <= 12,
    });
}
const first = median("chain: 1st refund (500 lines, no history)");
const last = median("chain: 500th refund (499 refunds before)");
if (first !== undefined && last !== undefined)
  targets.push({
    target: "500th refund ≤ 2× the 1st",
    value: `${(last / first).toFixed(2)}×`,
    ok: last / first <= 2,
  });
const lastCopied = median("chain: 500th refund, order copied (history read)");
if (first !== undefined && lastCopied !== undefined)
  chainNotes.push(
    `500th refund of a copied order, which reads and checks its 499 memos: ${(lastCopied / first).toFixed(2)}× the 1st ` +
      "(not a target: the chain passes on the order applyRefund returns, which carries its history)",
  );
const auditRow = rows.find((r) => r.name.startsWith("audit: "));
const ordersPerSecond =
  auditRow === undefined ? undefined : (AUDIT_ORDERS * 1000) / auditRow.medianMs;
if (ordersPerSecond !== undefined)
  targets.push({
    target: "audit ≥ 5,000 orders/s",
    value: `${ops(ordersPerSecond)} orders/s`,
    ok: ordersPerSecond >= 5000,
  });

console.log("\n| target | measured | |");
console.log("|---|---:|---|");
for (const t of targets) console.log(`| ${t.target} | ${t.value} | ${verdict(t.ok)} |`);

for (const note of [...chainNotes, auditNote]) if (note !== "") console.log(`\n${note}`);

// Peak memory of the 10,000-line refund, each in a fresh process.
const memory: MemoryResult[] = [];
if (!args.includes("--no-memory") && selected("10000 lines")) {
  const script = fileURLToPath(new URL("./memory.js", import.meta.url));
  console.log("\npeak memory, 10,000 lines (own process, --expose-gc):");
  for (const subject of ["calculate", "baseline"]) {
    const out = execFileSync(
      process.execPath,
      [
        "--expose-gc",
        "--min-semi-space-size=256",
        "--max-semi-space-size=256",
        script,
        "10000",
        subject,
      ],
      { encoding: "utf8" },
    );
    const measured = JSON.parse(out) as MemoryResult;
    memory.push(measured);
    console.log(
      `  ${subject}: allocated ${measured.allocatedMB} MB (GCs during: ${measured.gcDuringRefund}), ` +
        `retained ${measured.retainedMB} MB, order ${measured.orderMB} MB, ` +
        `RSS ${measured.rssBeforeMB} → peak ${measured.maxRssMB} MB`,
    );
  }
}

if (jsonFile !== undefined)
  writeFileSync(
    jsonFile,
    JSON.stringify(
      { node: process.version, quick, rows, targets, memory, notes: [...chainNotes, auditNote] },
      null,
      2,
    ),
  );
