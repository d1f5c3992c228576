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
import { commandHelp, helpText, usageText } from "./help.js";
import type { CliIo } from "./io.js";
import { printable } from "./printable.js";
import type { Subcommand } from "./subcommand.js";
import { writeFailure } from "./subcommand.js";
import { closestName, didYouMean } from "./suggest.js";
import { VERSION } from "./version.js";

const HELP_FLAGS = ["--help", "-h"];

/** Reports a usage error: the JSON failure document, and the usage on standard error. */
function usageError(io: CliIo, problem: string, about?: Subcommand): number {
  const message = `${problem} Run "refund-core --help" for usage.`;
  writeFailure(io, [{ code: "USAGE_ERROR", message }], false);
  io.writeErr(
    `refund-core: ${printable(problem)}\n${usageText(Object.values(SUBCOMMANDS), about)}`,
  );
  return EXIT.usage;
}

/** The subcommand called `name`, if there is one (own keys only: `constructor` is none). */
function subcommandNamed(name: string): Subcommand | undefined {
  return Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
}

/** `Unknown command "calcualte". Did you mean calculate?` */
function unknownCommand(name: string): string {
  return `Unknown command "${name}".${didYouMean(closestName(name, Object.keys(SUBCOMMANDS)))}`;
}

/** `Unknown option --verison; give a command first. Did you mean --version?` */
function unknownGlobalOption(name: string): string {
  const close = name.startsWith("--") ? closestName(name.slice(2), ["help", "version"]) : undefined;
  return `Unknown option ${name}; give a command first.${didYouMean(close === undefined ? undefined : `--${close}`)}`;
}

/** `refund-core help [COMMAND]`. */
function help(io: CliIo, args: readonly string[]): number {
  const [name, ...extra] = args;
  if (name === undefined) {
    io.writeOut(helpText(Object.values(SUBCOMMANDS)));
    return EXIT.ok;
  }
  const subcommand = subcommandNamed(name);
  if (subcommand === undefined) return usageError(io, unknownCommand(name));
  if (extra.length > 0) return usageError(io, "help takes one COMMAND.");
  io.writeOut(commandHelp(subcommand));
  return EXIT.ok;
}

/**
 * Runs the command line: `refund-core <command> [options]`. Every outcome is
 * written through `io` (one JSON document on standard output, except for
 * `--help`, `--version` and `--format table`), and nothing is thrown: an unexpected
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
    if (name === "help" || HELP_FLAGS.includes(name)) return help(io, rest);
    if (name === "--version" && rest.length === 0) {
      io.writeOut(`refund-core ${VERSION}\n`);
      return EXIT.ok;
    }
    const subcommand = subcommandNamed(name);
    if (subcommand === undefined) {
      return usageError(
        io,
        name.startsWith("-") ? unknownGlobalOption(name) : unknownCommand(name),
      );
    }
    const end = rest.indexOf("--");
    if ((end < 0 ? rest : rest.slice(0, end)).some((arg) => HELP_FLAGS.includes(arg))) {
      io.writeOut(commandHelp(subcommand));
      return EXIT.ok;
    }
    const parsed = parseOptions(rest, subcommand.options);
    if (E.isLeft(parsed)) return usageError(io, parsed.left, subcommand);
    const run = subcommand.prepare(parsed.right);
    if (E.isLeft(run)) return usageError(io, run.left, subcommand);
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
