/**
 * The help texts of the command line: the whole of it (`--help`), one
 * command's (`help COMMAND`, `COMMAND --help`), and the short usage after a
 * usage error.
 *
 * @module
 */
import type { OptionSpec } from "./args.js";
import type { Subcommand } from "./subcommand.js";
import { wrapAt } from "./wrap.js";

/** A usage (which may run over several lines) after `prefix`, its next lines aligned under the first. */
function indentUsage(usage: string, prefix: string): string {
  return usage
    .split("\n")
    .map((line, i) => (i === 0 ? prefix : " ".repeat(prefix.length)) + line)
    .join("\n");
}

/** The width help text is wrapped to. */
const HELP_WIDTH = 79;

/** `--name VALUE` as the help shows it. */
function optionLabel(option: OptionSpec): string {
  return option.kind === "flag"
    ? `--${option.name}`
    : `--${option.name} ${option.valueName ?? "VALUE"}`;
}

/** The options of one command, one per entry, help text aligned and wrapped. */
function optionLines(options: readonly OptionSpec[]): string {
  const labelled = [...options.map((o) => [optionLabel(o), o.help ?? ""] as const)];
  labelled.push(["-h, --help", "Print this help."]);
  const width = Math.max(...labelled.map(([label]) => label.length)) + 2;
  return labelled
    .map(([label, help]) =>
      help
        .split("\n")
        .map((paragraph) => wrapAt(paragraph, HELP_WIDTH - 2 - width))
        .join("\n")
        .split("\n")
        .map((line, i) => `  ${(i === 0 ? label : "").padEnd(width)}${line}`.trimEnd())
        .join("\n"),
    )
    .join("\n");
}

/** A command and its summary in the global help, the summary wrapped under itself. */
function commandLine(name: string, summary: string): string {
  return wrapAt(summary, HELP_WIDTH - 14)
    .split("\n")
    .map((line, i) => `  ${(i === 0 ? name : "").padEnd(11)} ${line}`)
    .join("\n");
}

/**
 * The full help text: usage of every subcommand, the output document, the
 * exit statuses and how usage errors are reported.
 *
 * @param subcommands - the subcommands, in the order to list them.
 * @returns the text, ending with a newline.
 * @example
 * ```ts
 * process.stdout.write(helpText(Object.values(SUBCOMMANDS)));
 * ```
 * @category CLI
 */
export function helpText(subcommands: readonly Subcommand[]): string {
  return `refund-core — exact e-commerce refunds: credit memos from orders, to the
minor unit.

Usage:
${subcommands.map((s) => indentUsage(s.usage, "  ")).join("\n")}
  refund-core help COMMAND   that command's help (or: refund-core COMMAND -h)
  refund-core --version
  refund-core --help

Commands:
${subcommands.map((s) => commandLine(s.name, s.summary)).join("\n")}

Options:
  --order FILE      The order (JSON, §2). FILE may be - for standard input.
  --request FILE    The refund request (JSON, §4). FILE may be - for standard
                    input (only one of --order and --request can read it).
  --pretty          Indent the JSON output.
  --format table    Print the credit memo (calculate, apply) or the audit's
                    summary and findings (audit) as a table for a person.
  --format json     The default: print the JSON document.
  --format csv      (audit) Print the findings as CSV for a spreadsheet.
  --policy NAME     The rules (§9.1): default, magento, shopify or bankers;
                    with --platform, that platform's own by default (§10).
  --platform NAME   The format of the input (§10): canonical (refund-core's
                    own, the default), shopify, magento, commercelayer or
                    2checkout.
  --emit NAME       (calculate, apply) Print, in the credit memo's place, the
                    request to send to that platform to carry the refund out
                    (§10).
  -h, --help        Print the help (with --version, the only output that is
                    not a JSON document).
  --version         Print the version.

Output:
  Standard output carries exactly one JSON document (except --help, --version,
  and --format table on success):
    calculate   {"ok": true, "creditMemo": {...}}
    apply       {"ok": true, "creditMemo": {...}, "order": {...}}
    --emit P    {"ok": true, "platform": "P", "request": {...}}
                (apply: and "order")
    failure     {"ok": false, "errors": [{"code", "message", "path", ...}]}
  Errors about an input file also carry "input": "order" or "request", as both
  documents have paths such as lineItems[0]. A wrong command line is reported
  in the same document with the code USAGE_ERROR, and a short usage on
  standard error. With --format table, a failure still prints the JSON
  document, and its messages go to standard error too; so do problems with a
  file itself (missing, not JSON, too large). audit writes one JSON line per
  order and a summary line (§9.2).
  Standard error never carries a stack trace.

Exit status:
  0   success
  1   the refund is rejected (OVER_REFUND, EMPTY_REFUND, AMOUNT_MISMATCH, ...)
  2   invalid input: INVALID_INPUT or INCONSISTENT_ORDER, an unreadable file,
      malformed JSON
  64  usage error: unknown command or option, missing --order/--request, both
      reading standard input
  70  internal error in refund-core (please report it), reported as
      INTERNAL_ERROR

Example:
  refund-core calculate --order examples/magento-tutorial/order.json \\
    --request examples/magento-tutorial/request.json --format table

§ numbers refer to the specification: docs/specification.md in the package.
`;
}

/**
 * One command's help (`refund-core help COMMAND`, `refund-core COMMAND
 * --help`): its usage, what it does, its options and its output.
 *
 * @param subcommand - the command.
 * @returns the text, ending with a newline.
 * @example
 * ```ts
 * process.stdout.write(commandHelp(SUBCOMMANDS["audit"]));
 * ```
 * @category CLI
 */
export function commandHelp(subcommand: Subcommand): string {
  const details = subcommand.details === undefined ? "" : `\n${subcommand.details.trimEnd()}\n`;
  return `Usage:
${indentUsage(subcommand.usage, "  ")}

${wrapAt(subcommand.summary, HELP_WIDTH)}

Options:
${optionLines(subcommand.options)}
${details}
§ numbers refer to the specification: docs/specification.md in the package.
Run "refund-core --help" for every command.
`;
}

/**
 * The short reminder printed on standard error after a usage error: the
 * usage of `only` when the error is about that command, else of every one.
 *
 * @param subcommands - the subcommands.
 * @param only - the command the error is about, if any.
 * @returns the usage lines, ending with a newline.
 * @example
 * ```ts
 * usageText(Object.values(SUBCOMMANDS));
 * // "usage: refund-core calculate --order FILE ...\n       refund-core apply ...\n"
 * ```
 * @category CLI
 */
export function usageText(subcommands: readonly Subcommand[], only?: Subcommand): string {
  const listed = only === undefined ? subcommands : [only];
  const help = only === undefined ? "refund-core --help" : `refund-core ${only.name} --help`;
  return `${listed
    .map((s, i) => indentUsage(s.usage, i === 0 ? "usage: " : "       "))
    .join("\n")}\n       ${help}\n`;
}
