/**
 * The help text of the command line.
 *
 * @module
 */
import type { Subcommand } from "./subcommand.js";

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
  return `refund-core — exact e-commerce refunds: credit memos from orders, to the minor unit.

Usage:
${subcommands.map((s) => `  ${s.usage}`).join("\n")}
  refund-core --help

Commands:
${subcommands.map((s) => `  ${s.name.padEnd(11)} ${s.summary}`).join("\n")}

Options:
  --order FILE      The order (JSON, spec §2). FILE may be - for standard input.
  --request FILE    The refund request (JSON, spec §4). FILE may be - for standard input
                    (only one of --order and --request can read standard input).
  --pretty          Indent the JSON output.
  --format table    (calculate) Print the credit memo as a table for a person instead of JSON.
  --format json     The default: print the JSON document.
  --platform NAME   (audit) The format of FILE: canonical (refund-core's own, the default), shopify or magento.
  --policy NAME     (audit) The rules the history is replayed with: default, magento, shopify or bankers.
  -h, --help        Print this help (the only output that is not a JSON document).

Output:
  Standard output carries exactly one JSON document (except --help, and --format table on success):
    calculate   {"ok": true, "creditMemo": {...}}
    apply       {"ok": true, "creditMemo": {...}, "order": {...}}
    failure     {"ok": false, "errors": [{"code": ..., "message": ..., "path": ...}, ...]}
  Errors about an input file also carry "input": "order" or "request", as both documents
  have paths such as lineItems[0]. A wrong command line is reported in the same document
  with the code USAGE_ERROR, and a short usage on standard error. With --format table,
  a failure still prints the JSON document, and its messages go to standard error too.
  Standard error never carries a stack trace.

Exit status:
  0   success
  1   the refund is rejected (OVER_REFUND, EMPTY_REFUND, AMOUNT_MISMATCH, ...)
  2   invalid input: INVALID_INPUT or INCONSISTENT_ORDER, an unreadable file, malformed JSON
  64  usage error: unknown command or option, missing --order/--request, both reading stdin
  70  internal error in refund-core (please report it), reported as INTERNAL_ERROR

Example:
  refund-core calculate --order examples/magento-tutorial/order.json \\
    --request examples/magento-tutorial/request.json --format table
`;
}

/**
 * The short reminder printed on standard error after a usage error.
 *
 * @param subcommands - the subcommands.
 * @returns the usage lines, ending with a newline.
 * @example
 * ```ts
 * usageText(Object.values(SUBCOMMANDS));
 * // "usage: refund-core calculate --order FILE ...\n       refund-core apply ...\n"
 * ```
 * @category CLI
 */
export function usageText(subcommands: readonly Subcommand[]): string {
  return `${subcommands
    .map((s, i) => `${i === 0 ? "usage: " : "       "}${s.usage}`)
    .join("\n")}\n       refund-core --help\n`;
}
