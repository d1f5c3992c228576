/**
 * `refund-core audit [--platform NAME] [--policy NAME] [--format
 * json|table|csv] FILE` (§9.2): audits every order of FILE (`-`: standard
 * input), writing as it reads, with a progress bar on standard error when
 * it is a terminal.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import { PLATFORM_NAMES, PLATFORMS, type PlatformName } from "../adapters/platforms.js";
import { POLICY_NAMES, type PolicyName } from "../domain/policy.js";
import { refundErrors } from "../errors.js";
import type { ParsedOptions } from "./args.js";
import { AUDIT_FORMATS, type AuditFormat, auditSink } from "./auditFormats.js";
import { DocumentSplitter, type InputDocument } from "./auditInput.js";
import { withProcessStreams } from "./auditIo.js";
import {
  type AuditedDocument,
  type AuditLine,
  AuditTally,
  auditDocument,
  unreadableDocument,
} from "./auditReport.js";
import { inShard, parseShard, type Shard } from "./auditShards.js";
import { describeFile } from "./inputs.js";
import type { CliIo } from "./io.js";
import { MAX_INPUT_BYTES } from "./limits.js";
import { describeReadError } from "./nodeIo.js";
import { printable } from "./printable.js";
import { ProgressBar } from "./progress.js";
import type { Subcommand } from "./subcommand.js";
import { DEFAULT_TABLE_WIDTH } from "./table.js";

interface AuditOptions {
  readonly file: string;
  readonly platform: PlatformName;
  readonly policy: PolicyName;
  readonly format: AuditFormat;
  /** `--shard I/N`: only documents I, I+N, … (from 1, in input order). */
  readonly shard: Shard | undefined;
}

function auditOptions(parsed: ParsedOptions): E.Either<string, AuditOptions> {
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || file === "") {
    return E.left("audit needs a FILE (or - for standard input).");
  }
  if (extra.length > 0) return E.left("audit takes one FILE.");
  const platform = (parsed.values["platform"] ?? "canonical") as PlatformName;
  const shardText = parsed.values["shard"];
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shardText !== undefined && shard === undefined)
    return E.left(`--shard must be I/N with 1 ≤ I ≤ N, such as 2/8, not "${shardText}".`);
  return E.right({
    file,
    platform,
    policy: (parsed.values["policy"] ?? PLATFORMS[platform].policy) as PolicyName,
    format: (parsed.values["format"] ?? "json") as AuditFormat,
    shard,
  });
}

/** An output line for the input as a whole (unreadable, or holding no order). */
function wholeInputLine(problem: string, line: number): AuditedDocument {
  const errors = [refundErrors.invalidInput("", problem)];
  const out: AuditLine = {
    orderId: null,
    refunds: 0,
    discrepancies: [],
    rejected: [],
    errors,
    line,
  };
  return { line: out };
}

/** Whether an audited order has any finding. */
const flaggedLine = (out: AuditLine): boolean =>
  out.discrepancies.length > 0 || out.rejected.length > 0 || out.errors.length > 0;

/**
 * Runs the audit over `options.file`, writing as it reads: one line per
 * order (JSON), or rows (CSV), then the summary. Returns §9.2's exit status.
 */
async function runAudit(options: AuditOptions, cliIo: CliIo): Promise<number> {
  const io = withProcessStreams(cliIo);
  const sink = auditSink(options.format, io.columns ?? DEFAULT_TABLE_WIDTH);
  const tally = new AuditTally();
  const splitter = new DocumentSplitter(MAX_INPUT_BYTES);
  const bar = io.stderrIsTTY
    ? new ProgressBar(
        (text) => io.writeErr(text),
        io.now ?? (() => Date.now()),
        io.stderrColumns ?? DEFAULT_TABLE_WIDTH,
        await io.inputSize?.(options.file),
      )
    : undefined;
  let orders = 0;
  let refunds = 0;
  let flagged = 0;
  const told: string[] = [];
  const lookAlike = new Map<PlatformName, number>();
  /** Counts and writes one line: an order's, or (`order` false) one about the input as a whole. */
  const record = async (audited: AuditedDocument, order = true) => {
    if (order) {
      tally.add(audited);
      orders += 1;
      refunds += audited.line.refunds;
      if (flaggedLine(audited.line)) flagged += 1;
      const likely = audited.likelyPlatform;
      if (likely !== undefined) lookAlike.set(likely, (lookAlike.get(likely) ?? 0) + 1);
    } else tally.addUnreadable();
    const text = sink.line(audited);
    if (text !== "") {
      if (io.stdoutIsTTY === true) bar?.clear();
      io.writeOut(text);
    }
    bar?.update(orders, refunds, flagged, io.bytesRead?.() ?? 0);
    await io.drained();
  };
  let position = 0;
  const emit = (doc: InputDocument) => {
    position += 1;
    if (options.shard !== undefined && !inShard(position, options.shard)) return;
    return record(
      doc.problem === undefined
        ? auditDocument(doc.text, doc.line, options.platform, options.policy)
        : unreadableDocument({ ...doc, problem: doc.problem }),
    );
  };
  let n = 0;
  try {
    for await (const input of io.readLines(options.file)) {
      n += 1;
      for (const doc of splitter.push(input, n)) await emit(doc);
      if (io.outputClosed?.() === true) {
        io.flush?.();
        return tally.exitStatus();
      }
    }
  } catch (error) {
    const problem = `file ${describeFile(options.file)} could not be read: ${describeReadError(error)}`;
    told.push(`The ${problem}.`);
    await record(wholeInputLine(problem, n + 1), false);
  }
  for (const doc of splitter.end()) await emit(doc);
  if (position === 0 && told.length === 0) {
    const problem = `holds no order (${describeFile(options.file)} is empty or blank)`;
    told.push(`The input ${problem}.`);
    await record(wholeInputLine(problem, 1), false);
  }
  for (const [platform, count] of lookAlike) {
    const which = count === 1 ? "1 order looks" : `${count} orders look`;
    told.push(`${which} like ${platform}'s; run with --platform ${platform} to read them.`);
  }
  io.flush?.();
  const summary = tally.summary();
  bar?.finish(summary.orders, summary.refunds, flagged);
  for (const message of told) io.writeErr(`refund-core: ${printable(message)}\n`);
  io.writeOut(sink.end(summary));
  io.flush?.();
  return tally.exitStatus();
}

/**
 * `audit [--platform NAME] [--policy NAME] [--format json|table|csv] FILE`.
 * Exit status: 0 nothing differs, 1 some memo differs or is rejected, 2 some
 * order is invalid input (or the input holds none), 64 usage error.
 * @category CLI
 */
export const auditCommand: Subcommand = {
  name: "audit",
  usage:
    "refund-core audit     [--platform NAME] [--policy NAME]\n                      [--format json|table|csv] [--shard I/N] FILE",
  summary:
    "Replay the refund history of every order in FILE (JSON or JSON Lines, - for standard input) and report what differs (§9.2).",
  options: [
    {
      name: "platform",
      kind: "value",
      valueName: "NAME",
      choices: PLATFORM_NAMES,
      help: `The format of the orders (§10): ${PLATFORM_NAMES.join(", ")}. Default: canonical, refund-core's own; an order that looks like another platform's is reported with the --platform to give.`,
    },
    {
      name: "policy",
      kind: "value",
      valueName: "NAME",
      choices: POLICY_NAMES,
      help: `The rules the history is replayed with (§9.1): ${POLICY_NAMES.join(", ")}. Default: the --platform's own (shopify, magento; default otherwise).`,
    },
    {
      name: "format",
      kind: "value",
      valueName: "json|table|csv",
      choices: AUDIT_FORMATS,
      help: "json (the default): a JSON line per order and a summary line (§9.2).\ntable: a summary for a person, with the first findings.\ncsv: every finding as a row (order, refund, path, recorded, expected, explained by) for a spreadsheet.",
    },
    {
      name: "shard",
      kind: "value",
      valueName: "I/N",
      help: "Audit only orders I, I+N, I+2N, ... of FILE (counted from 1). N runs, one per shard, audit every order once, and their summaries add up to one run's.",
    },
  ],
  details: `FILE holds one order (pretty-printed or not) or JSON Lines of orders. A
line that is not JSON, not UTF-8 or larger than 16 MB gets a line with its
errors and the run goes on. A progress bar goes to standard error when it is
a terminal.

Output (json), a line per order, then the summary:
  {"orderId", "refunds", "discrepancies": [{"refundId", "path", "recorded",
   "expected", "explainedBy"}], "rejected": [{"refundId", "errors"}],
   "errors": [...]}
  {"summary": {"orders", "refunds", "refundsWithDiscrepancies",
   "discrepancies", "invalidOrders", ...}}

Exit status: 0 nothing differs, 1 some memo differs or is rejected, 2 some
order is invalid input (or FILE holds none), 64 usage error.`,
  prepare: (parsed) =>
    E.map((options: AuditOptions) => (io: CliIo) => runAudit(options, io))(auditOptions(parsed)),
};
