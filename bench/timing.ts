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

function timeBatch(task: Task, calls: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) sink = task.run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Calls of `task` that take about `batchMs`, after running it for `warmupMs`. */
function calibrate(task: Task, budget: Budget): number {
  const until = performance.now() + budget.warmupMs;
  let calls = 1;
  let ms = timeBatch(task, calls);
  while (performance.now() < until || ms < budget.batchMs / 4) {
    if (ms < budget.batchMs / 4) calls *= 2;
    ms = timeBatch(task, calls);
  }
  return Math.max(1, Math.round((calls * budget.batchMs) / Math.max(ms, 1e-3)));
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
