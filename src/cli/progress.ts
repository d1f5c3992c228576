/**
 * The audit's progress bar on standard error (§9.2: "a progress bar goes to
 * standard error when it is a terminal"): bytes read of the file's size,
 * orders per second and the time left, redrawn in place on one line and
 * cleared at the end. The drawing is a pure function; {@link ProgressBar}
 * decides when to draw.
 *
 * @module
 */

/**
 * Where an audit stands.
 * @category CLI
 */
export interface ProgressState {
  readonly orders: number;
  readonly refunds: number;
  /** Orders with a discrepancy, a rejected memo or errors. */
  readonly flagged: number;
  /** Bytes of the input read so far. */
  readonly bytes: number;
  /** The input's size in bytes, when known (a file; not a pipe). */
  readonly totalBytes: number | undefined;
  /** Milliseconds since the audit started. */
  readonly elapsedMs: number;
}

/** `0:07`, `12:30`, `1:02:03`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** `512 B`, `12.3 MB` (megabytes of 2^20 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 2 ** 20) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 2 ** 30) return `${(bytes / 2 ** 20).toFixed(1)} MB`;
  return `${(bytes / 2 ** 30).toFixed(2)} GB`;
}

/** The counts, as the audit has always printed them. */
function counts(state: ProgressState): string {
  return `audit: ${state.orders} orders, ${state.refunds} refunds, ${state.flagged} with findings`;
}

/** The narrowest bar drawn; with less room the line goes without one. */
const MIN_BAR = 10;
/** The widest bar drawn. */
const MAX_BAR = 30;

/**
 * One line of progress, shorter than `width`: the counts; with a known
 * size, a bar of the bytes read, the percentage, the bytes, the orders per
 * second and the time left (bytes left at the rate so far). On a narrow
 * terminal the refunds and the bytes go first, then the bar.
 *
 * @param state - where the audit stands.
 * @param width - the terminal's width.
 * @returns the line, without a line end.
 * @example
 * ```ts
 * renderProgress({ orders: 1000, refunds: 2000, flagged: 3, bytes: 5 * 2 ** 20,
 *   totalBytes: 20 * 2 ** 20, elapsedMs: 10_000 }, 120);
 * // "audit: 1000 orders, 2000 refunds, 3 with findings ███████░░░…  25%  5.0 MB/20.0 MB  100/s  ETA 0:30"
 * ```
 * @category CLI
 */
export function renderProgress(state: ProgressState, width: number): string {
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? `${Math.round(state.orders / seconds)}/s` : "";
  const full = counts(state);
  const short = `audit: ${state.orders} orders, ${state.flagged} with findings`;
  const clip = (line: string) => line.slice(0, width - 1).trimEnd();
  const total = state.totalBytes;
  if (total === undefined || total <= 0) {
    return clip(`${full}  ${formatBytes(state.bytes)}  ${rate}`);
  }
  const fraction = Math.min(1, state.bytes / total);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const eta =
    state.bytes > 0 ? `ETA ${formatDuration((total - state.bytes) * (seconds / state.bytes))}` : "";
  const longTail =
    `${percent}  ${formatBytes(state.bytes)}/${formatBytes(total)}  ${rate}  ${eta}`.trimEnd();
  const shortTail = `${percent}  ${rate}  ${eta}`.trimEnd();
  for (const [head, tail] of [
    [full, longTail],
    [short, longTail],
    [short, shortTail],
  ] as const) {
    const room = width - 1 - head.length - tail.length - 2;
    if (room >= MIN_BAR) {
      const barWidth = Math.min(MAX_BAR, room);
      const filled = Math.floor(fraction * barWidth);
      return `${head} ${"█".repeat(filled)}${"░".repeat(barWidth - filled)} ${tail}`;
    }
  }
  return clip(`${short} ${shortTail}`);
}

/** How often the bar is redrawn at most, in milliseconds. */
const REDRAW_MS = 100;

/** Erase the terminal line the cursor is on and return to its start. */
const CLEAR_LINE = "\r\u001b[K";

/**
 * Draws {@link renderProgress} on standard error at most every 100 ms (and
 * every 500 orders), each time over the last, and clears it: before a
 * report line goes to the same terminal (so the two never share a line),
 * and at the end, where one line with the final counts stays.
 * @category CLI
 */
export class ProgressBar {
  private drawn = false;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private readonly start: number;

  /**
   * @param write - writes to standard error (a terminal).
   * @param now - a clock in milliseconds.
   * @param width - the terminal's width.
   * @param totalBytes - the input's size, when known.
   */
  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number,
    private readonly width: number,
    private readonly totalBytes: number | undefined,
  ) {
    this.start = now();
  }

  /** Redraws the bar, when it is due. */
  update(orders: number, refunds: number, flagged: number, bytes: number): void {
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS && orders % 500 !== 0) return;
    this.lastDraw = t;
    this.write(
      `${CLEAR_LINE}${renderProgress(
        { orders, refunds, flagged, bytes, totalBytes: this.totalBytes, elapsedMs: t - this.start },
        this.width,
      )}`,
    );
    this.drawn = true;
  }

  /** Erases the bar, if drawn, so that the terminal's next line starts clean. */
  clear(): void {
    if (!this.drawn) return;
    this.write(CLEAR_LINE);
    this.drawn = false;
    this.lastDraw = Number.NEGATIVE_INFINITY;
  }

  /** Erases the bar and leaves the final counts on a line of their own. */
  finish(orders: number, refunds: number, flagged: number): void {
    this.clear();
    const state = { orders, refunds, flagged, bytes: 0, totalBytes: undefined, elapsedMs: 0 };
    this.write(`${counts(state)}\n`);
  }
}
