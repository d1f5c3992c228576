/**
 * Peak memory of one refund of a large order, measured in a process of its
 * own: `node --expose-gc --max-semi-space-size=256 dist-bench/bench/memory.js 10000`.
 * Prints one JSON object on standard output.
 *
 * - `allocatedMB`: heap allocated by one `calculate` (heapUsed after − before,
 *   with no garbage collection in between — checked with a GC observer);
 * - `retainedMB`: heap still held by the credit memo after a full GC;
 * - `orderMB`: heap held by the order itself, for scale;
 * - `maxRssMB` / `rssBeforeMB`: the process's peak resident set size after
 *   the refund, and its resident set size just before it.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { calculate } from "../src/calculate.js";
import { baselineRefund } from "./baseline.js";
import type { MemoryResult } from "./memoryResult.js";
import { halfOfEveryLine, largeOrder } from "./scenarios.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc");
const collect: () => void = gc;

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 100) / 100;

const lines = Number(process.argv[2] ?? "10000");
const subject = process.argv[3] ?? "calculate";

collect();
const heapStart = process.memoryUsage().heapUsed;
const order = largeOrder(lines);
const request = halfOfEveryLine(order);
collect();
const heapWithOrder = process.memoryUsage().heapUsed;

let collections = 0;
const observer = new PerformanceObserver((list) => {
  collections += list.getEntries().length;
});
observer.observe({ entryTypes: ["gc"] });

const rssBefore = process.memoryUsage().rss;
const before = process.memoryUsage().heapUsed;
const result: unknown =
  subject === "baseline" ? baselineRefund(order, request) : calculate(order, request);
const after = process.memoryUsage().heapUsed;
const maxRss = process.resourceUsage().maxRSS * 1024;
// GC entries are delivered asynchronously: read them on the next turn.
await new Promise((resolve) => setTimeout(resolve, 50));
observer.disconnect();
collect();
const retained = process.memoryUsage().heapUsed - heapWithOrder;

const measured: MemoryResult = {
  subject,
  lines,
  orderMB: mb(heapWithOrder - heapStart),
  allocatedMB: mb(after - before),
  gcDuringRefund: collections,
  retainedMB: mb(retained),
  rssBeforeMB: mb(rssBefore),
  maxRssMB: mb(maxRss),
  kept: result !== undefined,
};
console.log(JSON.stringify(measured));
