/**
 * Exit statuses of the command line (§8).
 *
 * @module
 */
import { INPUT_ERROR_CODES } from "../errors.js";

/**
 * The exit statuses: `ok` 0, `rejected` 1 (the refund breaks a rule),
 * `invalidInput` 2 (`INVALID_INPUT`, `INCONSISTENT_ORDER`, unreadable files,
 * malformed JSON), `usage` 64 (the command line itself is wrong, as in
 * sysexits' `EX_USAGE`), `internal` 70 (a bug in refund-core, `EX_SOFTWARE`).
 *
 * @example
 * ```ts
 * process.exitCode = EXIT.usage; // 64
 * ```
 * @category CLI
 */
export const EXIT = { ok: 0, rejected: 1, invalidInput: 2, usage: 64, internal: 70 } as const;

/**
 * The exit status for a failed run: 2 when any error is about the input
 * itself, else 1.
 *
 * @param errors - the errors reported, at least one.
 * @returns `EXIT.invalidInput` or `EXIT.rejected`.
 * @example
 * ```ts
 * exitCodeFor([refundErrors.emptyRefund()]); // 1
 * exitCodeFor([refundErrors.invalidInput("amount", "must be a decimal amount")]); // 2
 * ```
 * @category CLI
 */
export function exitCodeFor(errors: readonly { readonly code: string }[]): 1 | 2 {
  const inputCodes: readonly string[] = INPUT_ERROR_CODES;
  return errors.some((e) => inputCodes.includes(e.code)) ? EXIT.invalidInput : EXIT.rejected;
}
