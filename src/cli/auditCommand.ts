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
  AuditWorkers,
  BATCH_SIZE,
  EMPTY_SUMMARY,
  inShard,
  mergeSummaries,
  parseShard,
  type Shard,
  summaryExitStatus,
} from "./auditJobs.js";
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
  /** Worker threads (`--jobs`); 1: the main thread audits. */
  readonly jobs: number;
  /** `--shard I/N`: only documents I, I+N, … */
  readonly shard: Shard | undefined;
}

/** The most worker threads `--jobs` takes. */
const MAX_JOBS = 64;

function auditOptions(parsed: ParsedOptions): E.Either<string, AuditOptions> {
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return E.left("audit needs a FILE (or - for standard input).");
  if (extra.length > 0) return E.left("audit takes one FILE.");
  const jobsText = parsed.values["jobs"] ?? "1";
  const jobs = /^[1-9][0-9]?$/.test(jobsText) ? Number(jobsText) : Number.NaN;
  if (!(jobs <= MAX_JOBS))
    return E.left(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${jobsText}".`);
  const shardText = parsed.values["shard"];
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shardText !== undefined && shard === undefined)
    return E.left(`--shard must be I/N with 1 ≤ I ≤ N, such as 2/8, not "${shardText}".`);
  return E.right({
    file,
    platform: (parsed.values["platform"] ?? "canonical") as Platform,
    policy: (parsed.values["policy"] ?? "default") as PolicyName,
    jobs,
    shard,
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
  // --shard: documents are counted in input order and only this shard's are audited.
  let position = 0;
  // --jobs: batches of documents audited by worker threads, written back in input order.
  const workers =
    options.jobs > 1 && io.workerScript !== undefined
      ? new AuditWorkers(io.workerScript, options.jobs, options.platform, options.policy)
      : undefined;
  let fromWorkers = EMPTY_SUMMARY;
  let batch: { text: string; line: number }[] = [];
  const takeBatch = async (pool: AuditWorkers) => {
    const done = await pool.next();
    io.writeOut(done.out);
    fromWorkers = mergeSummaries(fromWorkers, done.summary);
    flagged += done.flagged;
    orders += done.summary.orders;
    refunds += done.summary.refunds;
    if (io.stderrIsTTY) progress(io, orders, refunds, flagged);
    await io.drained();
  };
  const flushWorkers = async () => {
    if (workers === undefined) return;
    if (batch.length > 0) workers.submit(batch);
    batch = [];
    while (workers.pending > 0) await takeBatch(workers);
  };
  const emit = async (doc: { text: string; line: number }) => {
    position += 1;
    if (options.shard !== undefined && !inShard(position, options.shard)) return;
    if (workers !== undefined) {
      batch.push(doc);
      if (batch.length < BATCH_SIZE) return;
      workers.submit(batch);
      batch = [];
      if (workers.pending >= workers.maxPending) await takeBatch(workers);
      return;
    }
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
  const readAll = async () => {
    try {
      for await (const text of io.readLines(options.file)) {
        n += 1;
        for (const doc of splitter.push(text, n)) await emit(doc);
      }
    } catch (error) {
      if (workers?.failed === true) throw error; // not the file: a worker thread failed
      await flushWorkers();
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
    await flushWorkers();
  };
  try {
    await readAll();
  } finally {
    // Worker threads keep the process alive: stopped whatever happened.
    await workers?.close();
  }
  const summary =
    workers === undefined ? tally.summary() : mergeSummaries(tally.summary(), fromWorkers);
  if (io.stderrIsTTY) {
    progress(io, summary.orders, summary.refunds, flagged);
    io.writeErr("\n");
  }
  io.writeOut(line({ summary } as unknown as JsonValue));
  return summaryExitStatus(summary);
}

/**
 * `audit [--platform canonical|shopify|magento] [--policy NAME] FILE`.
 * Exit status: 0 nothing differs, 1 some memo differs or is rejected, 2 some
 * order is invalid input, 64 usage error.
 * @category CLI
 */
export const auditCommand: Subcommand = {
  name: "audit",
  usage: `refund-core audit     [--platform ${PLATFORMS.join("|")}] [--policy ${POLICY_NAMES.join("|")}] [--jobs N] [--shard I/N] FILE`,
  summary:
    "Replay the refund history of every order in FILE (JSON or JSON Lines, - for standard input) and report what differs (§9.2).",
  options: [
    { name: "platform", kind: "value", choices: PLATFORMS },
    { name: "policy", kind: "value", choices: POLICY_NAMES },
    { name: "jobs", kind: "value" },
    { name: "shard", kind: "value" },
  ],
  prepare: (parsed) =>
    E.map((options: AuditOptions) => (io: CliIo) => runAudit(options, io))(auditOptions(parsed)),
};
