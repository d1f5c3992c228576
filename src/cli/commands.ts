/**
 * The dispatch table of the command line: every subcommand by name. A new
 * subcommand (such as `audit`) is one more entry.
 *
 * @module
 */
import { auditCommand } from "./auditCommand.js";
import { applyCommand, calculateCommand } from "./refundCommands.js";
import type { Subcommand } from "./subcommand.js";

/**
 * Every subcommand by name: the dispatch table of the command line.
 *
 * @example
 * ```ts
 * Object.keys(SUBCOMMANDS); // ["calculate", "apply", "audit"]
 * ```
 * @category CLI
 */
export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  calculate: calculateCommand,
  apply: applyCommand,
  audit: auditCommand,
};
