/**
 * `refund-core audit [--platform canonical|shopify|magento] [--policy NAME] FILE`
 * (§9.2): audits every order of FILE (`-`: standard input), one JSON line
 * per order on standard output and a summary line last.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import { POLICY_NAMES, type PolicyName } from "../domain/policy.js";
import { refundErrors } from "../errors.js";
import type { JsonValue } from "../json/json.js";
import type { ParsedOptions } from "./args.js";
import { type AuditIo, withProcessStreams } from "./auditIo.js";
import {
  type AuditLine,
  AuditTally,
  auditDocument,
  DocumentSplitter,
  PLATFORMS,
  type Platform,
} from "./auditReport.js";
import { describeFile } from "./inputs.js";
import type { CliIo } from "./io.js";
import { describeReadError } from "./nodeIo.js";
import type { Subcommand } from "./subcommand.js";

interface AuditOptions {
  readonly file: string;
  readonly platform: Platform;
  readonly policy: PolicyName;
}

function auditOptions(parsed: ParsedOptions): E.Either<string, AuditOptions> {
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return E.left("audit needs a FILE (or - for standard input).");
  if (extra.length > 0) return E.left("audit takes one FILE.");
  return E.right({
    file,
    platform: (parsed.values["platform"] ?? "canonical") as Platform,
    policy: (parsed.values["policy"] ?? "default") as PolicyName,
  });
}

/** JSON text of a value holding bigints nowhere (report lines are plain JSON). */
const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

const PROGRESS_EVERY = 500;

function progress(io: AuditIo, orders: number, refunds: number, flagged: number): void {
  io.writeErr(`\r\x1b[Kaudit: ${orders} orders, ${refunds} refunds, ${flagged} with findings`);
}

/**
 * Runs the audit over `options.file`, writing as it reads: one line per
 * order, then the summary. Returns §9.2's exit status.
 */
async function runAudit(options: AuditOptions, cliIo: CliIo): Promise<number> {
  const io = withProcessStreams(cliIo);
  const tally = new AuditTally();
  const splitter = new DocumentSplitter();
  let flagged = 0;
  let orders = 0;
  let refunds = 0;
  const emit = async (doc: { text: string; line: number }) => {
    const audited = auditDocument(doc.text, doc.line, options.platform, options.policy);
    tally.add(audited);
    const out: AuditLine = audited.line;
    if (out.discrepancies.length > 0 || out.rejected.length > 0 || out.errors.length > 0)
      flagged += 1;
    io.writeOut(line(out));
    orders += 1;
    refunds += out.refunds;
    if (io.stderrIsTTY && orders % PROGRESS_EVERY === 0) progress(io, orders, refunds, flagged);
    await io.drained();
  };
  let n = 0;
  try {
    for await (const text of io.readLines(options.file)) {
      n += 1;
      for (const doc of splitter.push(text, n)) await emit(doc);
    }
  } catch (error) {
    const problem = `could not be read: ${describeReadError(error)}`;
    const unreadable: AuditLine = {
      orderId: null,
      refunds: 0,
      discrepancies: [],
      rejected: [],
      errors: [refundErrors.invalidInput("", `file ${describeFile(options.file)} ${problem}`)],
      line: n + 1,
    };
    tally.addUnreadable();
    io.writeOut(line(unreadable));
  }
  for (const doc of splitter.end()) await emit(doc);
  const summary = tally.summary();
  if (io.stderrIsTTY) {
    progress(io, summary.orders, summary.refunds, flagged);
    io.writeErr("\n");
  }
  io.writeOut(line({ summary } as unknown as JsonValue));
  return tally.exitStatus();
}

/**
 * `audit [--platform canonical|shopify|magento] [--policy NAME] FILE`.
 * Exit status: 0 nothing differs, 1 some memo differs or is rejected, 2 some
 * order is invalid input, 64 usage error.
 * @category CLI
 */
export const auditCommand: Subcommand = {
  name: "audit",
  usage: `refund-core audit     [--platform ${PLATFORMS.join("|")}] [--policy ${POLICY_NAMES.join("|")}] FILE`,
  summary:
    "Replay the refund history of every order in FILE (JSON or JSON Lines, - for standard input) and report what differs (§9.2).",
  options: [
    { name: "platform", kind: "value", choices: PLATFORMS },
    { name: "policy", kind: "value", choices: POLICY_NAMES },
  ],
  prepare: (parsed) =>
    E.map((options: AuditOptions) => (io: CliIo) => runAudit(options, io))(auditOptions(parsed)),
};
