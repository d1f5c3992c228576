/**
 * The I/O `refund-core audit` needs beyond {@link CliIo}: the input line by
 * line (constant memory for millions of orders; each line checked to be
 * UTF-8 and within {@link MAX_INPUT_BYTES}), whether standard error is a
 * terminal (for the progress bar) and how far the input has been read,
 * and waiting for standard output to drain. On Node these come from the
 * process; tests pass their own.
 *
 * @module
 */
import { createReadStream, fstatSync } from "node:fs";
import { stat } from "node:fs/promises";
import { type InputLine, LineSplitter } from "./auditInput.js";
import type { CliIo } from "./io.js";
import { MAX_INPUT_BYTES } from "./limits.js";

/**
 * {@link CliIo} with streaming input.
 * @category CLI
 */
export interface AuditIo extends CliIo {
  /**
   * The lines of `file` (`"-"`: standard input), without line ends; a line
   * that is not UTF-8 or is too long comes as its problem. Throws when the
   * file cannot be read.
   */
  readonly readLines: (file: string) => AsyncIterable<InputLine>;
  /** Whether standard error is a terminal: only then is a progress bar drawn. */
  readonly stderrIsTTY: boolean;
  /** Resolves when standard output can take more (back-pressure). */
  readonly drained: () => Promise<void>;
  /** Whether standard output is the terminal too (the bar is then cleared before each report line). */
  readonly stdoutIsTTY?: boolean;
  /** The width of standard error's terminal. */
  readonly stderrColumns?: number;
  /** The size of `file` in bytes, when it is a regular file. */
  readonly inputSize?: (file: string) => Promise<number | undefined>;
  /** The bytes of the input read so far. */
  readonly bytesRead?: () => number;
  /** A clock in milliseconds, for the progress bar's rate and time left. */
  readonly now?: () => number;
  /** Whether standard output is closed (`audit … | head` has read enough): reading then stops. */
  readonly outputClosed?: () => boolean;
  /**
   * Writes what `writeOut` still holds back, if it holds output back (the
   * process's standard output, when it is not a terminal, is written in
   * batches of {@link OUTPUT_BATCH_CHARS}): called before anything goes to
   * standard error and at the end.
   */
  readonly flush?: () => void;
}

/**
 * How much report text is gathered before one write to standard output when
 * it is a file or a pipe: one write per order line was an eighth of the
 * audit's time into a file (a system call each); one per 16 K characters
 * (some 200 clean orders) costs nothing, and a reader of the pipe
 * (`audit … | head`) still gets lines early. A terminal gets each line as
 * it comes.
 * @category CLI
 */
export const OUTPUT_BATCH_CHARS = 1 << 14;

/** Whether `io` already streams (tests pass such an I/O). */
function isAuditIo(io: CliIo): io is AuditIo {
  return "readLines" in io && typeof (io as Partial<AuditIo>).readLines === "function";
}

/**
 * `io` with the process's streaming input, terminal checks, progress and
 * back-pressure added (unless it has its own): files are read as bytes and
 * split into lines by {@link LineSplitter} (so bytes that are not UTF-8 are
 * reported, never replaced), `-` from `process.stdin`; output that is not a
 * terminal is written in batches (see {@link AuditIo.flush}).
 * @category CLI
 */
export function withProcessStreams(io: CliIo): AuditIo {
  if (isAuditIo(io)) return io;
  let splitter: LineSplitter | undefined;
  async function* readLines(file: string): AsyncIterable<InputLine> {
    const lines = new LineSplitter(MAX_INPUT_BYTES);
    splitter = lines;
    const input: AsyncIterable<Buffer> = file === "-" ? process.stdin : createReadStream(file);
    for await (const chunk of input) yield* lines.push(chunk);
    yield* lines.end();
  }
  const stdoutIsTTY = process.stdout.isTTY === true;
  let pending = "";
  const flush = (): void => {
    if (pending === "") return;
    const text = pending;
    pending = "";
    io.writeOut(text);
  };
  return {
    ...io,
    writeOut: (text) => {
      if (stdoutIsTTY) {
        flush();
        io.writeOut(text);
        return;
      }
      pending += text;
      if (pending.length >= OUTPUT_BATCH_CHARS) flush();
    },
    flush,
    readLines,
    stderrIsTTY: process.stderr.isTTY === true,
    stdoutIsTTY,
    stderrColumns: process.stderr.columns,
    inputSize: async (file) => {
      try {
        const info = file === "-" ? fstatSync(0) : await stat(file);
        return info.isFile() ? info.size : undefined;
      } catch {
        return undefined;
      }
    },
    bytesRead: () => splitter?.bytes ?? 0,
    now: () => performance.now(),
    outputClosed: () => process.stdout.destroyed,
    drained: () =>
      process.stdout.writableNeedDrain
        ? new Promise((resolve) => process.stdout.once("drain", () => resolve()))
        : Promise.resolve(),
  };
}
