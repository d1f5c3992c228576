/**
 * Command-line argument parsing: pure, so it can be tested without a process.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";

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
 * Parses the arguments after the subcommand name against `specs`.
 * `-` alone is a positional (standard input); `--` ends the options.
 *
 * @param argv - the arguments, without the program and subcommand names.
 * @param specs - the options the subcommand accepts.
 * @returns the parsed options, or a usage problem as a sentence: an unknown
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
  const values = new Map<string, string>();
  const flags: string[] = [];
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (onlyPositionals || arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    const [rawName, inline] = splitInline(arg);
    const spec = rawName.startsWith("--")
      ? specs.find((s) => s.name === rawName.slice(2))
      : undefined;
    if (spec === undefined) return E.left(`Unknown option ${rawName}.`);
    if (values.has(spec.name) || flags.includes(spec.name)) {
      return E.left(`The option --${spec.name} is given more than once.`);
    }
    if (spec.kind === "flag") {
      if (inline !== undefined) return E.left(`The option --${spec.name} takes no value.`);
      flags.push(spec.name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("--") && next !== "-")) {
        return E.left(`The option --${spec.name} needs a value.`);
      }
      value = next;
      i++;
    }
    if (spec.choices !== undefined && !spec.choices.includes(value)) {
      return E.left(
        `The option --${spec.name} must be one of ${spec.choices.join(", ")}, not "${value}".`,
      );
    }
    values.set(spec.name, value);
  }
  return E.right({ values: Object.fromEntries(values), flags, positionals });
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
