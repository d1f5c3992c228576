/**
 * How the cost of one refund grows with the order's lines, per line: the
 * engine and the hand-written baseline over the same generated orders
 * (`largeOrder`, `halfOfEveryLine`) at 1,000 to 20,000 lines, in one process,
 * the sizes measured in turn. A flat column is linear time.
 *
 * ```sh
 * npx tsc -p tsconfig.bench.json
 * node dist-bench/bench/scaling.js                               # default young generation
 * node --max-semi-space-size=128 dist-bench/bench/scaling.js     # scavenges out of the way
 * ```
 *
 * Each cell is the median of 25 samples of ~200,000 lines' worth of calls,
 * after a warm-up. Nothing here fails: the numbers are for
 * docs/performance.md.
 */
import { calculate } from "../src/calculate.js";
import { baselineRefund } from "./baseline.js";
import { halfOfEveryLine, largeOrder } from "./scenarios.js";

const SIZES = [1_000, 2_000, 4_000, 10_000, 20_000] as const;
const LINES_PER_SAMPLE = 200_000;
const SAMPLES = 25;

/** Median microseconds per call of `f`, `repeat` calls per sample. */
function medianMicros(f: () => unknown, repeat: number): number {
  const times: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const start = process.hrtime.bigint();
    for (let r = 0; r < repeat; r++) f();
    times.push(Number(process.hrtime.bigint() - start) / repeat / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(SAMPLES / 2)] ?? Number.NaN;
}

console.log(
  `refund-core scaling — Node ${process.version}, ${process.execArgv.join(" ") || "default flags"}`,
);
console.log("\n| lines | calculate | per line | baseline | per line | × baseline |");
console.log("|---:|---:|---:|---:|---:|---:|");
const perLine: { lines: number; engine: number; floor: number }[] = [];
for (const lines of SIZES) {
  const order = largeOrder(lines);
  const request = halfOfEveryLine(order);
  const repeat = Math.max(1, Math.round(LINES_PER_SAMPLE / lines));
  const engine = () => calculate(order, request);
  const floor = () => baselineRefund(order, request);
  for (let i = 0; i < repeat * 3; i++) {
    engine();
    floor();
  }
  const e = medianMicros(engine, repeat);
  const b = medianMicros(floor, repeat);
  perLine.push({ lines, engine: e / lines, floor: b / lines });
  console.log(
    `| ${lines.toLocaleString("en")} | ${(e / 1000).toFixed(2)} ms | ${((e / lines) * 1000).toFixed(0)} ns ` +
      `| ${(b / 1000).toFixed(3)} ms | ${((b / lines) * 1000).toFixed(0)} ns | ${(e / b).toFixed(1)}× |`,
  );
}
const at = (lines: number) => perLine.find((p) => p.lines === lines);
const small = at(1_000);
const large = at(10_000);
if (small !== undefined && large !== undefined) {
  const engineGrowth = (large.engine * 10_000) / (small.engine * 1_000);
  const floorGrowth = (large.floor * 10_000) / (small.floor * 1_000);
  console.log(
    `\n1,000 → 10,000 lines: calculate ${engineGrowth.toFixed(1)}× time, baseline ${floorGrowth.toFixed(1)}× ` +
      `(calculate's growth over the baseline's: ${(engineGrowth / floorGrowth).toFixed(2)})`,
  );
}
