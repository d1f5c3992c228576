/**
 * What a subcommand is, and the JSON documents every subcommand writes.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import type { JsonValue } from "../json/json.js";
import type { OptionSpec, ParsedOptions } from "./args.js";
import type { CliError } from "./inputs.js";
import type { CliIo } from "./io.js";

/**
 * One subcommand: its name, usage line, options, and `prepare`, which checks
 * the parsed options and returns the run (a function of the I/O giving the
 * exit status) or a usage problem.
 *
 * @example
 * ```ts
 * const hello: Subcommand = {
 *   name: "hello",
 *   usage: "refund-core hello",
 *   summary: "Say hello.",
 *   options: [],
 *   prepare: () => E.right(async (io) => { io.writeOut('{"ok":true}\n'); return 0; }),
 * };
 * ```
 * @category CLI
 */
export interface Subcommand {
  readonly name: string;
  readonly usage: string;
  /** One line for the help's list of commands. */
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  /** What the command's own help says after its options: output, exit status, an example. */
  readonly details?: string;
  readonly prepare: (parsed: ParsedOptions) => Either<string, (io: CliIo) => Promise<number>>;
}

/**
 * Writes one JSON document to standard output.
 *
 * @param io - where to write.
 * @param doc - the document.
 * @param pretty - indent with two spaces.
 * @internal
 */
export function writeDocument(io: CliIo, doc: JsonValue, pretty: boolean): void {
  io.writeOut(`${JSON.stringify(doc, null, pretty ? 2 : undefined)}\n`);
}

/**
 * Writes the failure document `{"ok": false, "errors": [...]}`.
 *
 * @param io - where to write.
 * @param errors - every error.
 * @param pretty - indent with two spaces.
 * @internal
 */
export function writeFailure(io: CliIo, errors: readonly CliError[], pretty: boolean): void {
  writeDocument(io, { ok: false, errors: errors as unknown as JsonValue[] }, pretty);
}
