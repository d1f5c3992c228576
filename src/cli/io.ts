/**
 * What the command line needs from the outside world, passed in so the
 * command line can run in tests without a process.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";

/**
 * The command line's access to files and output streams.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const io: CliIo = {
 *   readText: async (file) => E.right(files[file] ?? ""),
 *   writeOut: (text) => out.push(text),
 *   writeErr: () => {},
 * };
 * await runCli(["calculate", "--order", "o.json", "--request", "r.json"], io);
 * ```
 * @category CLI
 */
export interface CliIo {
  /**
   * The text of `file` (`"-"` is standard input), or why it cannot be read
   * as a phrase that completes "could not be read: …" ("it does not exist").
   */
  readonly readText: (file: string) => Promise<Either<string, string>>;
  /** Writes to standard output. */
  readonly writeOut: (text: string) => void;
  /** Writes to standard error. */
  readonly writeErr: (text: string) => void;
  /** The width of the terminal standard output is, if it is one (tables fit it; 80 otherwise). */
  readonly columns?: number;
}
