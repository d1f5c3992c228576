/**
 * Command-line argument parsing: pure, so it can be tested without a process.
 *
 * @module
 */

import { parseArgs } from "node:util";
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import { closestName, didYouMean } from "./suggest.js";

/**
 * An option a subcommand accepts: `--name VALUE` / `--name=VALUE`
 * (`kind: "value"`, optionally restricted to `choices`) or a bare `--name`
 * (`kind: "flag"`).
 *
 * @example
 * ```ts
 * const format: OptionSpec = { name: "format", kind: "value", choices: ["json", "table"] };
 * ```
 * @category CLI
 */
export interface OptionSpec {
  readonly name: string;
  readonly kind: "value" | "flag";
  readonly choices?: readonly string[];
  /** What the value is, in the help (`FILE`, `NAME`); values only. */
  readonly valueName?: string;
  /** One or two lines for the command's help. */
  readonly help?: string;
}

/**
 * The parsed options of one subcommand: option values by name, flags that
 * were given, and the positional arguments in order.
 *
 * @example
 * ```ts
 * parseOptions(["--order", "o.json", "--pretty"], specs);
 * // Right({ values: { order: "o.json" }, flags: ["pretty"], positionals: [] })
 * ```
 * @category CLI
 */
export interface ParsedOptions {
  readonly values: Readonly<Record<string, string>>;
  readonly flags: readonly string[];
  readonly positionals: readonly string[];
}

/**
 * Parses the arguments after the subcommand name against `specs`, with
 * `node:util`'s `parseArgs` splitting them into tokens. `-` alone is a
 * positional (standard input); `--` ends the options. An unknown option, or
 * a value not among the choices, names the closest valid one (§8).
 *
 * @param argv - the arguments, without the program and subcommand names.
 * @param specs - the options the subcommand accepts.
 * @returns the parsed options, or a usage problem in sentences: an unknown
 * option, a missing or unexpected value, a value not among the choices, or
 * an option given twice.
 * @example
 * ```ts
 * parseOptions(["--format=table"], [{ name: "format", kind: "value", choices: ["json", "table"] }]);
 * // Right({ values: { format: "table" }, flags: [], positionals: [] })
 * ```
 * @category CLI
 */
export function parseOptions(
  argv: readonly string[],
  specs: readonly OptionSpec[],
): Either<string, ParsedOptions> {
  const tokens = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      specs.map((s) => [s.name, { type: s.kind === "flag" ? "boolean" : "string" }] as const),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  }).tokens;
  const values = new Map<string, string>();
  const flags: string[] = [];
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    const spec = token.rawName.startsWith("--")
      ? specs.find((s) => s.name === token.name)
      : undefined;
    if (spec === undefined) {
      const names = specs.map((s) => s.name);
      const close = token.rawName.startsWith("--") ? closestName(token.name, names) : undefined;
      return E.left(
        `Unknown option ${token.rawName}.${didYouMean(close === undefined ? undefined : `--${close}`)}`,
      );
    }
    if (values.has(spec.name) || flags.includes(spec.name)) {
      return E.left(`The option --${spec.name} is given more than once.`);
    }
    if (spec.kind === "flag") {
      if (token.value !== undefined) return E.left(`The option --${spec.name} takes no value.`);
      flags.push(spec.name);
      continue;
    }
    const value = token.value;
    // `--order --pretty`: parseArgs takes the next argument whatever it is; an option is no file.
    if (value === undefined || (!token.inlineValue && value.startsWith("--"))) {
      return E.left(`The option --${spec.name} needs a value.`);
    }
    if (spec.choices !== undefined && !spec.choices.includes(value)) {
      const close = closestName(value, spec.choices);
      return E.left(
        `The option --${spec.name} must be one of ${spec.choices.join(", ")}, not "${value}".${didYouMean(close)}`,
      );
    }
    values.set(spec.name, value);
  }
  return E.right({ values: Object.fromEntries(values), flags, positionals });
}
