/**
 * The bench's timer: tasks of one group measured in alternating rounds in
 * one process, and every ratio taken round by round.
 *
 * Each task first runs on its own for its warm-up, then calibrates how many
 * calls make a batch of about `batchMs`. A round times one batch of every
 * task, in an order rotated from round to round; a task's time is the
 * median of its per-call times, and a ratio `a ÷ b` is the median of the
 * rounds' `a ÷ b` — so a noisy moment of a shared machine moves both sides
 * of the ratio, not one of them.
 */

/** One function the bench times. */
export interface Task {
  readonly name: string;
  /** One call; its result is kept so that the work cannot be optimised away. */
  readonly run: () => unknown;
}

/** How long to measure. */
export interface Budget {
  readonly rounds: number;
  /** The target duration of one batch (calls of one task in a row). */
  readonly batchMs: number;
  /** Warm-up per task before any round. */
  readonly warmupMs: number;
}

/** What the rounds measured: per task, its per-call time in every round. */
export interface Measured {
  readonly names: readonly string[];
  /** `perCallMs[t][r]`: task `t`'s time per call in round `r`. */
  readonly perCallMs: readonly (readonly number[])[];
  readonly callsPerBatch: readonly number[];
}

let sink: unknown;

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The clock batches are timed with: `wall` (elapsed time, the default) or
 * `cpu` (the process's user + system CPU time, all its threads — a
 * compiler or GC helper thread counts too). On a machine shared with other
 * work, elapsed time includes the moments the process waited for a core;
 * CPU time does not. `REFUND_BENCH_CLOCK=cpu` selects it (the forked group
 * processes inherit the environment).
 */
export const CLOCK: "wall" | "cpu" = process.env["REFUND_BENCH_CLOCK"] === "cpu" ? "cpu" : "wall";

function timeBatch(task: Task, calls: number): number {
  if (CLOCK === "cpu") {
    const before = process.cpuUsage();
    for (let i = 0; i < calls; i++) sink = task.run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  }
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) sink = task.run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Calls of `task` that take about `batchMs`, after running it for `warmupMs`. */
function calibrate(task: Task, budget: Budget): number {
  // Warm up first: early batches run unoptimised code, too slow to size a batch by.
  const until = performance.now() + budget.warmupMs;
  let calls = 1;
  do {
    timeBatch(task, calls);
    if (calls < 1 << 20) calls *= 2;
  } while (performance.now() < until);
  // Then size the batch on the warm code: double until a batch takes half the target.
  calls = 1;
  let ms = timeBatch(task, calls);
  while (ms < budget.batchMs / 2) {
    calls *= 2;
    ms = timeBatch(task, calls);
  }
  return Math.max(1, Math.round((calls * budget.batchMs) / ms));
}

/**
 * Measures `tasks` in alternating rounds. `between` runs (untimed) before
 * every round: the service scenario uses it to keep other work running in
 * the process while calculate is timed.
 */
export function measure(tasks: readonly Task[], budget: Budget, between?: () => void): Measured {
  const callsPerBatch = tasks.map((task) => calibrate(task, budget));
  const perCallMs: number[][] = tasks.map(() => []);
  for (let r = 0; r < budget.rounds; r++) {
    between?.();
    for (let k = 0; k < tasks.length; k++) {
      const t = (k + r) % tasks.length;
      const calls = callsPerBatch[t] as number;
      (perCallMs[t] as number[]).push(timeBatch(tasks[t] as Task, calls) / calls);
    }
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return { names: tasks.map((t) => t.name), perCallMs, callsPerBatch };
}

/** The median per-call time of the task named `name`. */
export function medianMs(m: Measured, name: string): number {
  const i = m.names.indexOf(name);
  if (i < 0) throw new Error(`no task ${name}`);
  return median(m.perCallMs[i] as number[]);
}

/** `a ÷ b` per round, and their median, smallest and largest. */
export function ratio(
  m: Measured,
  a: string,
  b: string,
): { median: number; min: number; max: number } {
  const ia = m.names.indexOf(a);
  const ib = m.names.indexOf(b);
  if (ia < 0 || ib < 0) throw new Error(`no task ${ia < 0 ? a : b}`);
  const xs = m.perCallMs[ia] as number[];
  const ys = m.perCallMs[ib] as number[];
  const ratios = xs.map((x, r) => x / (ys[r] as number));
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}
