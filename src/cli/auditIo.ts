/**
 * The I/O `refund-core audit` needs beyond {@link CliIo}: the input line by
 * line (constant memory for millions of orders), whether standard error is a
 * terminal (for the progress bar), and waiting for standard output to drain.
 * On Node these come from the process; tests pass their own.
 *
 * @module
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { CliIo } from "./io.js";

/**
 * {@link CliIo} with streaming input.
 * @category CLI
 */
export interface AuditIo extends CliIo {
  /** The lines of `file` (`"-"`: standard input), without line ends; throws when it cannot be read. */
  readonly readLines: (file: string) => AsyncIterable<string>;
  /** Whether standard error is a terminal: only then is a progress bar drawn. */
  readonly stderrIsTTY: boolean;
  /** Resolves when standard output can take more (back-pressure). */
  readonly drained: () => Promise<void>;
  /**
   * The command line's own file, which `audit --jobs` starts as worker
   * threads (see `auditJobs.ts`); without it the audit runs on the main thread.
   */
  readonly workerScript?: string;
}

/** Whether `io` already streams (tests pass such an I/O). */
function isAuditIo(io: CliIo): io is AuditIo {
  return "readLines" in io && typeof (io as Partial<AuditIo>).readLines === "function";
}

/**
 * `io` with the process's streaming input, terminal check and back-pressure
 * added (unless it has its own): files are read with `readline` over a read
 * stream, `-` from `process.stdin`.
 * @category CLI
 */
export function withProcessStreams(io: CliIo): AuditIo {
  if (isAuditIo(io)) return io;
  return {
    ...io,
    readLines: (file) =>
      createInterface({
        input: file === "-" ? process.stdin : createReadStream(file, { encoding: "utf8" }),
        crlfDelay: Number.POSITIVE_INFINITY,
      }),
    stderrIsTTY: process.stderr.isTTY === true,
    workerScript: process.argv[1] ?? "",
    drained: () =>
      process.stdout.writableNeedDrain
        ? new Promise((resolve) => process.stdout.once("drain", () => resolve()))
        : Promise.resolve(),
  };
}
