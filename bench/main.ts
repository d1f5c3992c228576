/**
 * refund-core benchmarks (`npm run bench`). Every scenario group runs in a
 * process of its own (this script, forked with `--group <name>`), so that no
 * group's warm-up or type feedback reaches another's timings; within a
 * group the tasks are timed in alternating rounds and every ratio is taken
 * round by round (`bench/timing.ts`). Numbers only — nothing here fails a
 * build.
 *
 * Groups:
 * - `isolation`: `calculate` in a process that does nothing else, against
 *   the one-sided floor (the like-for-like floor of a single-currency
 *   order), the two-sided one, and the memo floor (the one-sided floor
 *   that also checks the order's lines and builds the memo's objects: the
 *   part of the ratio that is the memo's format);
 * - `service`: the same `calculate` calls in a process that has first run
 *   chains of `applyRefund`, audits, JSON decoding and every policy on the
 *   examples, and keeps running them between rounds — what an embedding
 *   service is;
 * - `peers`: the same refunds written with dinero.js v2 and with Medusa's
 *   `decorateCartTotals` (`bench/peers/`), timed against `calculate`;
 * - `chain`: the 1st and the 500th refund of a chain, and the audit of the chain;
 * - `audit`: the CLI's per-document audit path over JSON Lines against the
 *   floor of reading the same text (`split` and `JSON.parse` of each line).
 *
 * Options: `--quick` (fewer, shorter rounds), `--only <group>` (groups
 * whose name contains the text), `--json <file>` (also write the results as
 * JSON), `--no-memory` (skip the child process measuring memory).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import { applyRefund } from "../src/applyRefund.js";
import { audit } from "../src/audit/audit.js";
import { calculate } from "../src/calculate.js";
import type { Order } from "../src/domain/order.js";
import { POLICY_NAMES } from "../src/domain/policy.js";
import type { RefundRequest } from "../src/domain/refundRequest.js";
import { encodeCreditMemo } from "../src/json/creditMemo.js";
import { decodeOrder, encodeOrder } from "../src/json/order.js";
import { decodeRefundRequest } from "../src/json/refundRequest.js";
import { auditJsonLines, parseFloor, typicalOrdersJsonLines } from "./audit.js";
import { baselineRefund, memoBaselineRefund, oneSidedBaselineRefund } from "./baseline.js";
import type { MemoryResult } from "./memoryResult.js";
import {
  afterChain,
  halfOfEveryLine,
  largeOrder,
  oneUnitOf,
  shopifyOrder,
  shopifyRequest,
} from "./scenarios.js";
import {
  type Budget,
  CLOCK,
  type Measured,
  measure,
  medianMs,
  ratio,
  type Task,
} from "./timing.js";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const quick = args.includes("--quick");
const GROUPS = ["isolation", "service", "peers", "chain", "audit"] as const;
type Group = (typeof GROUPS)[number];
const CHAIN_LINES = 500;
const AUDIT_ORDERS = 1_000;

/** One measured row: a task's median per call, and its ratio to the group's reference. */
interface Row {
  readonly name: string;
  readonly medianMs: number;
  /** Ratios to other tasks of the same round: `against` → median (min–max) over the rounds. */
  readonly ratios: readonly {
    readonly against: string;
    readonly median: number;
    readonly min: number;
    readonly max: number;
  }[];
}

/** What one group's process reports (its only output on standard output). */
interface GroupResult {
  readonly group: Group;
  readonly rows: readonly Row[];
  readonly notes: readonly string[];
}

const budget = (rounds: number): Budget => ({
  rounds: quick ? Math.max(3, Math.ceil(rounds / 3)) : rounds,
  batchMs: quick ? 10 : 25,
  warmupMs: quick ? 300 : 1_000,
});

/** Rows for `m`: every task with its ratios to each of `references`. */
function rowsOf(m: Measured, references: readonly string[]): Row[] {
  return m.names.map((name) => ({
    name,
    medianMs: medianMs(m, name),
    ratios: references
      .filter((against) => against !== name)
      .map((against) => ({ against, ...ratio(m, name, against) })),
  }));
}

/** A refund scenario: an order, a request, and the name of its size. */
interface Scenario {
  readonly size: string;
  readonly order: Order;
  readonly request: RefundRequest;
}

function scenarios(): Scenario[] {
  return [
    { size: "3 lines", order: shopifyOrder, request: shopifyRequest },
    ...[100, 1_000, 10_000].map((lines) => {
      const order = largeOrder(lines);
      return {
        size: `${lines.toLocaleString("en-US")} lines`,
        order,
        request: halfOfEveryLine(order),
      };
    }),
  ];
}

/** The engine's totals must equal the floors'. */
function checkAgainstFloors(s: Scenario): void {
  const memo = calculate(s.order, s.request);
  if (E.isLeft(memo)) throw new Error(`${s.size}: ${JSON.stringify(memo.left)}`);
  const two = baselineRefund(s.order, s.request);
  const one = oneSidedBaselineRefund(s.order, s.request);
  const withMemo = memoBaselineRefund(s.order, s.request);
  const got = memo.right;
  if (
    got.total.presentment !== two.total ||
    got.total.shop !== two.shopTotal ||
    got.tax.presentment !== two.tax ||
    got.discount.presentment !== two.discount ||
    got.subtotal.presentment !== two.subtotal ||
    one.total !== two.total ||
    one.tax !== two.tax ||
    withMemo === undefined ||
    withMemo.totals.total !== one.total ||
    withMemo.totals.tax !== one.tax ||
    withMemo.lines.length !== got.lineItems.length ||
    withMemo.lines.some(
      (line, i) =>
        line.total.shop !== got.lineItems[i]?.total.shop ||
        line.tax.shop !== got.lineItems[i]?.tax.shop,
    )
  )
    throw new Error(`${s.size}: the engine and the floors disagree`);
}

/** calculate against both floors, size by size (isolation and service). */
function calculateRows(between?: () => void): Row[] {
  const rows: Row[] = [];
  for (const s of scenarios()) {
    checkAgainstFloors(s);
    const calc = `calculate, ${s.size}`;
    const one = `one-sided floor, ${s.size}`;
    const two = `two-sided floor, ${s.size}`;
    const withMemo = `memo floor, ${s.size}`;
    // Not at 10,000 lines: one more task keeping 10,000-line memos alive
    // fills the old generation, and every task of the group, calculate and
    // the floors too, measured 2–6× slower there.
    const large = s.size === "10,000 lines";
    const tasks: Task[] = [
      { name: calc, run: () => calculate(s.order, s.request) },
      { name: one, run: () => oneSidedBaselineRefund(s.order, s.request) },
      { name: two, run: () => baselineRefund(s.order, s.request) },
    ];
    if (!large) tasks.push({ name: withMemo, run: () => memoBaselineRefund(s.order, s.request) });
    const m = measure(tasks, budget(large ? 15 : 25), between);
    rows.push(...rowsOf(m, large ? [one, two] : [one, two, withMemo]));
  }
  return rows;
}

/** The examples' orders and requests, decoded (the service's daily fare). */
function examples(): { order: Order; request: RefundRequest }[] {
  const root = new URL("../../examples/", import.meta.url);
  const found: { order: Order; request: RefundRequest }[] = [];
  for (const name of [
    "2checkout-partial",
    "magento-tutorial",
    "multi-currency",
    "shopify-calculate",
    "vat-included",
  ]) {
    const read = (file: string): unknown =>
      JSON.parse(readFileSync(new URL(`${name}/${file}`, root), "utf8"));
    const order = decodeOrder(read("order.json"));
    const request = decodeRefundRequest(read("request.json"));
    if (E.isRight(order) && E.isRight(request))
      found.push({ order: order.right, request: request.right });
  }
  return found;
}

/** Other work of a service: every policy on the examples, encoded; decoding; audits; a chain. */
function serviceWork(jsonLines: string): () => void {
  const fare = examples();
  const chainStart = largeOrder(40, 41);
  return () => {
    for (const { order, request } of fare)
      for (const policy of POLICY_NAMES) {
        const memo = calculate(order, request, policy);
        if (E.isRight(memo)) encodeCreditMemo(memo.right);
        const applied = applyRefund(order, request, policy);
        if (E.isRight(applied)) audit(applied.right.order);
      }
    auditJsonLines(jsonLines);
    const chained = afterChain(chainStart, 20);
    const decoded = decodeOrder(JSON.parse(JSON.stringify(encodeOrder(chained))));
    if (E.isRight(decoded)) audit(decoded.right);
  };
}

async function runGroup(group: Group): Promise<GroupResult> {
  const notes: string[] = [];
  switch (group) {
    case "isolation":
      return { group, rows: calculateRows(), notes };
    case "service": {
      const started = performance.now();
      const fresh = largeOrder(CHAIN_LINES, 500);
      const chained = afterChain(fresh, CHAIN_LINES - 1);
      audit(chained);
      const text = typicalOrdersJsonLines(AUDIT_ORDERS);
      for (let i = 0; i < 3; i++) auditJsonLines(text);
      const between = serviceWork(typicalOrdersJsonLines(50));
      for (let i = 0; i < 5; i++) between();
      notes.push(
        `service: before timing, a 499-refund chain, its audit, 3 audits of ${AUDIT_ORDERS} typical orders and 5 rounds of the work below (${(performance.now() - started).toFixed(0)} ms); ` +
          "before every round, every policy on the 5 examples (calculate, encode, applyRefund, audit), an audit of 50 typical orders, a 20-refund chain decoded and audited",
      );
      return { group, rows: calculateRows(between), notes };
    }
    case "peers": {
      // Loaded here only: Medusa's library is a large heap of its own, which
      // would slow the collector of every other group's process.
      const { dineroRefundTotal } = await import("./peers/dinero.js");
      const { medusaRefund, medusaRefundTotal } = await import("./peers/medusa.js");
      const rows: Row[] = [];
      for (const s of scenarios()) {
        const memo = calculate(s.order, s.request);
        if (E.isLeft(memo)) throw new Error(`${s.size}: ${JSON.stringify(memo.left)}`);
        const ours = memo.right.total.presentment;
        const prepared = medusaRefund(s.order, s.request);
        const viaDinero = dineroRefundTotal(s.order, s.request);
        const viaMedusa = Math.round(medusaRefundTotal(prepared) * 100);
        // One minor unit per split amount (3 per line: a discount and two taxes) at most.
        const allowed = BigInt(3 * s.request.lineItems.length + 1);
        const off = (x: bigint) => (x < ours ? ours - x : x - ours);
        if (off(viaDinero) > allowed || off(BigInt(viaMedusa)) > allowed)
          throw new Error(
            `${s.size}: a peer's total is not the engine's (${ours}, ${viaDinero}, ${viaMedusa})`,
          );
        notes.push(
          `${s.size}: total ${ours} minor units; dinero.js ${viaDinero - ours >= 0n ? "+" : ""}${viaDinero - ours}, Medusa ${viaMedusa - Number(ours) >= 0 ? "+" : ""}${viaMedusa - Number(ours)} (rounded to the cent)`,
        );
        const calc = `calculate, ${s.size}`;
        const m = measure(
          [
            { name: calc, run: () => calculate(s.order, s.request) },
            { name: `dinero.js v2, ${s.size}`, run: () => dineroRefundTotal(s.order, s.request) },
            {
              name: `Medusa decorateCartTotals, ${s.size}`,
              run: () => medusaRefundTotal(prepared),
            },
          ],
          budget(s.size === "10,000 lines" ? 5 : 11),
        );
        rows.push(...rowsOf(m, [calc]));
      }
      return { group, rows, notes };
    }
    case "chain": {
      const fresh = largeOrder(CHAIN_LINES, 500);
      const started = performance.now();
      const before500th = afterChain(fresh, CHAIN_LINES - 1);
      notes.push(
        `building the chain (499 applyRefund calls, once): ${(performance.now() - started).toFixed(0)} ms`,
      );
      const first = oneUnitOf(fresh, 0);
      const last = oneUnitOf(before500th, CHAIN_LINES - 1);
      // The same order copied, as a service gets it back from its database:
      // it carries no checked history (src/order/carriedHistory.ts).
      const copied = { ...before500th };
      const firstName = "chain: 1st refund (500 lines, no history)";
      const tasks: Task[] = [
        { name: firstName, run: () => applyRefund(fresh, first) },
        {
          name: "chain: 500th refund (499 refunds before)",
          run: () => applyRefund(before500th, last),
        },
        {
          name: "chain: 500th refund, order copied (history read)",
          run: () => applyRefund(copied, last),
        },
        { name: "chain: audit of the 499 refunds", run: () => audit(before500th) },
      ];
      return { group, rows: rowsOf(measure(tasks, budget(15)), [firstName]), notes };
    }
    case "audit": {
      const text = typicalOrdersJsonLines(AUDIT_ORDERS);
      const check = auditJsonLines(text);
      if (check.orders !== AUDIT_ORDERS) throw new Error(`audit: ${check.orders} orders read`);
      notes.push(
        `audit input: ${AUDIT_ORDERS} typical orders, ${(text.length / 1024).toFixed(0)} KiB of JSON Lines; ` +
          `${check.flagged} flagged, ${(check.bytesWritten / 1024).toFixed(0)} KiB of report`,
      );
      const floor = `split + JSON.parse of each line (${AUDIT_ORDERS} orders)`;
      const m = measure(
        [
          {
            name: `audit: ${AUDIT_ORDERS} typical orders (decode + replay + report)`,
            run: () => auditJsonLines(text),
          },
          { name: floor, run: () => parseFloor(text) },
        ],
        budget(15),
      );
      return { group, rows: rowsOf(m, [floor]), notes };
    }
  }
}

function orchestrate(): void {
  const only = option("--only");
  const jsonFile = option("--json");
  const script = fileURLToPath(import.meta.url);
  const results: GroupResult[] = [];
  console.log(`refund-core bench — Node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(
    `${quick ? "quick run" : "full run"}, ${CLOCK === "cpu" ? "CPU time (REFUND_BENCH_CLOCK=cpu)" : "elapsed time"}; each group in its own process, tasks alternated round by round; ` +
      "times are medians per call, ratios the median (smallest–largest) of the rounds' ratios",
  );
  for (const group of GROUPS) {
    if (only !== undefined && !group.includes(only)) continue;
    const out = execFileSync(
      process.execPath,
      [script, "--group", group, ...(quick ? ["--quick"] : [])],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
    );
    const result = JSON.parse(out) as GroupResult;
    results.push(result);
    printGroup(result);
  }
  const targets = targetsOf(results);
  if (targets.length > 0) {
    console.log("\n## targets (issue 15)\n");
    console.log("| target | measured | |");
    console.log("|---|---:|---|");
    for (const t of targets)
      console.log(`| ${t.target} | ${t.value} | ${t.ok ? "ok" : "MISSED"} |`);
  }
  const memory = measureMemory(only);
  if (jsonFile !== undefined)
    writeFileSync(
      jsonFile,
      JSON.stringify({ node: process.version, quick, results, targets, memory }, null, 2),
    );
}

const ms = (x: number) =>
  x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(3) : x >= 0.001 ? x.toFixed(4) : x.toFixed(6);
const times = (r: { median: number; min: number; max: number }) =>
  `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;

function printGroup(result: GroupResult): void {
  console.log(`\n## ${result.group}\n`);
  const against = [...new Set(result.rows.flatMap((r) => r.ratios.map((x) => x.against)))];
  // Ratios are printed against the reference of the row's own size ("…, 100 lines").
  const sized = /, ([\d,]+ lines)$/;
  const sizeOf = (name: string) => sized.exec(name)?.[1] ?? "";
  const columns = [...new Set(against.map((a) => a.replace(sized, "")))];
  const label = (c: string) => `× ${c}`;
  console.log(`| task | median per call | ${columns.map(label).join(" | ")} |`);
  console.log(`|---|---:|${columns.map(() => "---:").join("|")}|`);
  for (const row of result.rows) {
    const cells = columns.map((c) => {
      const r =
        row.ratios.find((x) => x.against.startsWith(c) && sizeOf(x.against) === sizeOf(row.name)) ??
        row.ratios.find((x) => x.against.startsWith(c));
      return r === undefined ? "" : times(r);
    });
    console.log(`| ${row.name} | ${ms(row.medianMs)} ms | ${cells.join(" | ")} |`);
  }
  for (const note of result.notes) console.log(`\n${note}`);
}

interface Target {
  readonly target: string;
  readonly value: string;
  readonly ok: boolean;
}

function targetsOf(results: readonly GroupResult[]): Target[] {
  const targets: Target[] = [];
  const row = (group: Group, name: string) =>
    results.find((r) => r.group === group)?.rows.find((r) => r.name === name);
  for (const size of ["3 lines", "100 lines", "1,000 lines", "10,000 lines"]) {
    const limit = size === "3 lines" ? 10 : 3;
    const r = row("service", `calculate, ${size}`)?.ratios.find((x) =>
      x.against.startsWith("one-sided floor"),
    );
    if (r !== undefined)
      targets.push({
        target: `service: calculate, ${size} ≤ ${limit}× the one-sided floor`,
        value: times(r),
        ok: r.median <= limit,
      });
  }
  const audited = results.find((r) => r.group === "audit")?.rows[0]?.ratios[0];
  if (audited !== undefined)
    targets.push({
      target:
        "audit ≤ 2.5× split + JSON.parse (in process; the whole-process figure is in docs/performance.md)",
      value: times(audited),
      ok: audited.median <= 2.5,
    });
  const last = row("chain", "chain: 500th refund (499 refunds before)")?.ratios[0];
  if (last !== undefined)
    targets.push({
      target: "chain: 500th refund ≤ 2× the 1st",
      value: times(last),
      ok: last.median <= 2,
    });
  return targets;
}

/** Peak memory of the 10,000-line refund, each in a fresh process. */
function measureMemory(only: string | undefined): MemoryResult[] {
  const memory: MemoryResult[] = [];
  if (args.includes("--no-memory") || (only !== undefined && !"memory".includes(only)))
    return memory;
  const script = fileURLToPath(new URL("./memory.js", import.meta.url));
  console.log("\n## memory, 10,000 lines (own process, --expose-gc)\n");
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
  return memory;
}

const groupArg = option("--group");
if (groupArg !== undefined) {
  const group = GROUPS.find((g) => g === groupArg);
  if (group === undefined) throw new Error(`no group ${groupArg}`);
  process.stdout.write(`${JSON.stringify(await runGroup(group))}\n`);
} else {
  orchestrate();
}
