/**
 * The three ways `refund-core audit` writes what it found (`--format`):
 * JSON Lines (§9.2, the default), a summary for a person (`table`), and
 * the findings as CSV for a spreadsheet (`csv`). Each is a sink: text for
 * every audited order as it comes, and text at the end. Pure.
 *
 * @module
 */
import type { AuditedDocument, AuditLine, AuditSummary } from "./auditReport.js";
import { printable } from "./printable.js";
import { renderColumns } from "./table.js";

/**
 * The audit's output formats.
 * @category CLI
 */
export const AUDIT_FORMATS = ["json", "table", "csv"] as const;

/** One of {@link AUDIT_FORMATS}. @category CLI */
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/**
 * Where audited orders go: `line` gives the text to write for each (maybe
 * none), `end` the text after the last.
 * @category CLI
 */
export interface AuditSink {
  readonly line: (doc: AuditedDocument) => string;
  readonly end: (summary: AuditSummary) => string;
}

/** JSON text of a report value (plain JSON: no bigints). */
const jsonLine = (value: unknown): string => `${JSON.stringify(value)}\n`;

/**
 * The JSON line of an audited order, as `JSON.stringify` writes it: an order
 * with no finding (most of them) written directly, with only its id
 * stringified; any other line by `JSON.stringify`.
 *
 * @param line - the order's output line.
 * @returns its JSON text and a newline.
 * @example
 * ```ts
 * auditJsonLine({ orderId: "7", refunds: 2, discrepancies: [], rejected: [], errors: [] });
 * // '{"orderId":"7","refunds":2,"discrepancies":[],"rejected":[],"errors":[]}\n'
 * ```
 * @category CLI
 */
export function auditJsonLine(line: AuditLine): string {
  if (
    typeof line.orderId === "string" &&
    Number.isSafeInteger(line.refunds) &&
    line.discrepancies.length === 0 &&
    line.rejected.length === 0 &&
    line.errors.length === 0 &&
    line.line === undefined
  )
    return `{"orderId":${JSON.stringify(line.orderId)},"refunds":${line.refunds},"discrepancies":[],"rejected":[],"errors":[]}\n`;
  return jsonLine(line);
}

/** §9.2's JSON Lines: one line per order, the summary last. */
function jsonSink(): AuditSink {
  return { line: (doc) => auditJsonLine(doc.line), end: (summary) => jsonLine({ summary }) };
}

/** One finding: a discrepancy, a rejected memo, or an order that is invalid input. */
interface Finding {
  readonly orderId: string;
  readonly line: string;
  readonly refundId: string;
  readonly finding: "discrepancy" | "rejected" | "invalid";
  readonly path: string;
  readonly currency: string;
  readonly recorded: string;
  readonly expected: string;
  readonly explainedBy: string;
  readonly message: string;
}

/** Every finding of one audited order, in report order. */
function findings(doc: AuditedDocument): Finding[] {
  const { line } = doc;
  const base = {
    orderId: line.orderId ?? "",
    line: line.line === undefined ? "" : String(line.line),
    refundId: "",
    path: "",
    currency: "",
    recorded: "",
    expected: "",
    explainedBy: "",
    message: "",
  };
  const out: Finding[] = [];
  for (const d of line.discrepancies) {
    out.push({
      ...base,
      finding: "discrepancy",
      refundId: d.refundId,
      path: d.path,
      currency: d.currency,
      recorded: d.recorded,
      expected: d.expected,
      explainedBy: d.explainedBy ?? "",
    });
  }
  for (const r of line.rejected) {
    for (const e of r.errors) {
      out.push({
        ...base,
        finding: "rejected",
        refundId: r.refundId,
        path: "path" in e && typeof e.path === "string" ? e.path : "",
        message: `${e.code}: ${e.message}`,
      });
    }
  }
  for (const e of line.errors) {
    out.push({
      ...base,
      finding: "invalid",
      path: "path" in e && typeof e.path === "string" ? e.path : "",
      message: `${e.code}: ${e.message}`,
    });
  }
  return out;
}

const CSV_HEADER = [
  "order_id",
  "line",
  "refund_id",
  "finding",
  "path",
  "currency",
  "recorded",
  "expected",
  "explained_by",
  "message",
];

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line end;
 * text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
 * is prefixed with `'`.
 *
 * @param field - the text.
 * @returns the field as written.
 * @example
 * ```ts
 * csvField('say "hi", twice'); // '"say ""hi"", twice"'
 * csvField("=HYPERLINK(\"x\")"); // "\"'=HYPERLINK(\"\"x\"\")\""
 * ```
 * @category CLI
 */
export function csvField(field: string): string {
  const safe = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvRow = (fields: readonly string[]): string => `${fields.map(csvField).join(",")}\r\n`;

/** The findings as CSV, one row each, under a header row. */
function csvSink(): AuditSink {
  let header = false;
  const head = () => {
    if (header) return "";
    header = true;
    return csvRow(CSV_HEADER);
  };
  return {
    line: (doc) => {
      const rows = findings(doc);
      if (rows.length === 0) return "";
      return (
        head() +
        rows
          .map((f) =>
            csvRow([
              f.orderId,
              f.line,
              f.refundId,
              f.finding,
              f.path,
              f.currency,
              f.recorded,
              f.expected,
              f.explainedBy,
              f.message,
            ]),
          )
          .join("")
      );
    },
    end: () => head(),
  };
}

/** `1 order`, `2 orders`: a count and its noun, singular for one. */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** How many findings the table lists (the counts cover them all). */
const TABLE_FINDINGS = 20;

/** The summary for a person, with the first findings. */
function tableSink(width: number): AuditSink {
  const kept: Finding[] = [];
  let total = 0;
  return {
    line: (doc) => {
      for (const f of findings(doc)) {
        total += 1;
        if (kept.length < TABLE_FINDINGS) kept.push(f);
      }
      return "";
    },
    end: (s) => {
      const out: string[] = [
        `Audit: ${counted(s.orders, "order")}, ${counted(s.refunds, "refund")}`,
        "",
        renderColumns(
          [
            ["Orders", String(s.orders)],
            ["  invalid input", String(s.invalidOrders)],
            ["Refunds", String(s.refunds)],
            ["  with discrepancies", String(s.refundsWithDiscrepancies)],
            ["  rejected", String(s.rejectedRefunds)],
            ["Discrepancies", String(s.discrepancies)],
          ],
          [1],
        ),
      ];
      const section = (title: string, entries: Readonly<Record<string, string | number>>) => {
        const rows = Object.entries(entries).map(([k, v]) => [`  ${printable(k)}`, String(v)]);
        if (rows.length > 0) out.push("", title, renderColumns(rows, [1]));
      };
      section("Discrepancies by kind", s.discrepanciesByKind);
      section("Paid out wrongly (recorded against expected memo totals)", s.moneyInvolved);
      section("Recorded in rejected refunds", s.moneyRejected);
      if (kept.length === 0) {
        out.push("", "No findings.");
        return `${out.join("\n")}\n`;
      }
      out.push(
        "",
        total > kept.length ? `Findings (the first ${kept.length} of ${total})` : "Findings",
      );
      const rows = kept.map((f) => [
        printable(f.orderId === "" ? `line ${f.line}` : f.orderId),
        printable(f.refundId),
        printable(f.path),
        f.recorded,
        f.expected,
        f.explainedBy !== "" ? f.explainedBy : f.finding === "discrepancy" ? "-" : f.finding,
      ]);
      const table = renderColumns(
        [["Order", "Refund", "Path", "Recorded", "Expected", "Explained by"], ...rows],
        [3, 4],
      );
      out.push(table);
      const messages = kept.filter((f) => f.message !== "");
      if (messages.length > 0) {
        out.push("", "Errors");
        for (const f of messages) {
          const where = printable(f.refundId !== "" ? f.refundId : f.orderId || `line ${f.line}`);
          const text = `  ${where}: ${printable(f.message)}`;
          out.push(text.length > width ? `${text.slice(0, width - 1)}…` : text);
        }
      }
      return `${out.join("\n")}\n`;
    },
  };
}

/**
 * The sink for a format.
 *
 * @param format - `json`, `table` or `csv`.
 * @param width - the terminal's width, for the table.
 * @returns a new sink (the table and CSV sinks keep state).
 * @category CLI
 */
export function auditSink(format: AuditFormat, width: number): AuditSink {
  return format === "csv" ? csvSink() : format === "table" ? tableSink(width) : jsonSink();
}
