/**
 * The command line as a function: arguments and I/O in, exit status out.
 * `main.ts` wires it to the process.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import { parseOptions } from "./args.js";
import { SUBCOMMANDS } from "./commands.js";
import { EXIT } from "./exitCode.js";
import { helpText, usageText } from "./help.js";
import type { CliIo } from "./io.js";
import { writeFailure } from "./subcommand.js";

const HELP_FLAGS = ["--help", "-h"];

/** Reports a usage error: the JSON failure document, and the usage on standard error. */
function usageError(io: CliIo, problem: string): number {
  const message = `${problem} Run "refund-core --help" for usage.`;
  writeFailure(io, [{ code: "USAGE_ERROR", message }], false);
  io.writeErr(`refund-core: ${problem}\n${usageText(Object.values(SUBCOMMANDS))}`);
  return EXIT.usage;
}

/**
 * Runs the command line: `refund-core <command> [options]`. Every outcome is
 * written through `io` (one JSON document on standard output, except for
 * `--help` and `--format table`), and nothing is thrown: an unexpected
 * failure is reported as `INTERNAL_ERROR` with exit status 70, without a
 * stack trace.
 *
 * @param argv - the arguments after the program name.
 * @param io - file access and output streams.
 * @returns the exit status: 0, 1, 2, 64 or 70 (see `EXIT`).
 * @example
 * ```ts
 * const status = await runCli(process.argv.slice(2), nodeIo);
 * process.exitCode = status;
 * ```
 * @category CLI
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) return usageError(io, "No command given.");
    if (HELP_FLAGS.includes(name) || name === "help") {
      io.writeOut(helpText(Object.values(SUBCOMMANDS)));
      return EXIT.ok;
    }
    const subcommand = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (subcommand === undefined) {
      return usageError(
        io,
        name.startsWith("-")
          ? `Unknown option ${name}; give a command first.`
          : `Unknown command "${name}".`,
      );
    }
    if (rest.some((arg) => HELP_FLAGS.includes(arg))) {
      io.writeOut(helpText(Object.values(SUBCOMMANDS)));
      return EXIT.ok;
    }
    const parsed = parseOptions(rest, subcommand.options);
    if (E.isLeft(parsed)) return usageError(io, parsed.left);
    const run = subcommand.prepare(parsed.right);
    if (E.isLeft(run)) return usageError(io, run.left);
    return await run.right(io);
  } catch {
    try {
      writeFailure(
        io,
        [
          {
            code: "INTERNAL_ERROR",
            message: "refund-core failed unexpectedly; please report this with the input files.",
          },
        ],
        false,
      );
    } catch {
      // Nothing more can be reported.
    }
    return EXIT.internal;
  }
}
