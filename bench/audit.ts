/**
 * The audit pipeline scenario: JSON Lines of typical orders → parse and
 * decode (src/json) → replay every memo (src/audit) → one report line per
 * order and the summary (§9.2) — what `refund-core audit FILE` does per
 * document, minus the file and terminal I/O.
 */
import { auditSink } from "../src/cli/auditFormats.js";
import { AuditTally, auditDocument } from "../src/cli/auditReport.js";
import { encodeOrder } from "../src/json/order.js";
import { typicalOrder } from "./scenarios.js";

/** What one run over the JSON Lines found. */
export interface AuditRun {
  readonly orders: number;
  /** Orders with a discrepancy, a rejected memo or errors (0 for the generated histories). */
  readonly flagged: number;
  readonly bytesWritten: number;
}

/** Audits every order of a JSON Lines text, as the CLI does, writing its report lines (`--format json`) to strings. */
export function auditJsonLines(jsonLines: string): AuditRun {
  const tally = new AuditTally();
  const sink = auditSink("json", 80);
  let orders = 0;
  let flagged = 0;
  let bytesWritten = 0;
  let n = 0;
  for (const text of jsonLines.split("\n")) {
    n += 1;
    if (text === "") continue;
    const audited = auditDocument(text, n, "canonical", "default");
    tally.add(audited);
    const out = audited.line;
    if (out.discrepancies.length > 0 || out.rejected.length > 0 || out.errors.length > 0)
      flagged += 1;
    bytesWritten += sink.line(audited).length;
    orders += 1;
  }
  bytesWritten += sink.end(tally.summary()).length;
  return { orders, flagged, bytesWritten };
}

/** `count` typical orders with their refund histories, as JSON Lines. */
export function typicalOrdersJsonLines(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify(encodeOrder(typicalOrder(i))));
  return `${lines.join("\n")}\n`;
}

/**
 * The floor of the audit: the same text split into lines and each line
 * parsed with `JSON.parse` — what any reader of the file does before it
 * can look at an order. Returns the count of documents parsed.
 */
export function parseFloor(jsonLines: string): number {
  let parsed = 0;
  for (const text of jsonLines.split("\n")) {
    if (text === "") continue;
    if (JSON.parse(text) !== null) parsed += 1;
  }
  return parsed;
}
