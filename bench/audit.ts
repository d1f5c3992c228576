/**
 * The audit pipeline scenario: JSON Lines of typical orders → decode →
 * replay every memo → one report line per order (§9.2).
 *
 * `decodeOrder` (src/json/) and `audit` (src/audit/) are looked up at run
 * time, so the bench builds and runs before they exist; until then the
 * scenario reports itself as not available, with the reason.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Order } from "../src/domain/order.js";
import { typicalOrder } from "./scenarios.js";

type Fn = (...args: never[]) => unknown;

/** The pipeline, ready to run over a JSON Lines text; returns the orders processed. */
export interface AuditPipeline {
  readonly run: (jsonLines: string) => number;
  readonly encodeOrder: (order: Order) => unknown;
}

async function tryImport(specifier: string): Promise<Record<string, unknown>> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function isFunction(value: unknown): value is Fn {
  return typeof value === "function";
}

/** JSON for a report that may hold bigints (written as strings). */
function jsonOf(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/**
 * Finds `decodeOrder`, `encodeOrder` and `audit` in the package root or in
 * src/json and src/audit; gives the reason when one is missing.
 */
export async function loadAuditPipeline(): Promise<AuditPipeline | { readonly missing: string }> {
  const modules = [
    await tryImport("../src/index.js"),
    await tryImport("../src/json/index.js"),
    await tryImport("../src/audit/index.js"),
    await tryImport("../src/audit/audit.js"),
  ];
  const find = (name: string): Fn | undefined => modules.map((m) => m[name]).find(isFunction);
  const decode = find("decodeOrder");
  const encode = find("encodeOrder");
  const audit = find("audit");
  const encodeReport = find("encodeAuditReport");
  const missing = [
    decode === undefined ? "decodeOrder (src/json/)" : undefined,
    encode === undefined ? "encodeOrder (src/json/)" : undefined,
    audit === undefined ? "audit (src/audit/)" : undefined,
  ].filter((name) => name !== undefined);
  if (decode === undefined || encode === undefined || audit === undefined)
    return { missing: `not committed yet: ${missing.join(", ")}` };
  const decodeOrder = decode as unknown as (json: unknown) => E.Either<unknown, Order>;
  const auditOrder = audit as unknown as (order: Order) => unknown;
  const report = (value: unknown): string =>
    encodeReport === undefined
      ? jsonOf(value)
      : JSON.stringify((encodeReport as (r: unknown) => unknown)(value));
  return {
    encodeOrder: encode as unknown as (order: Order) => unknown,
    run: (jsonLines) => {
      let orders = 0;
      let bytes = 0;
      for (const text of jsonLines.split("\n")) {
        if (text === "") continue;
        const decoded = decodeOrder(JSON.parse(text));
        const line = E.isRight(decoded) ? report(auditOrder(decoded.right)) : jsonOf(decoded.left);
        bytes += line.length;
        orders += 1;
      }
      if (bytes === 0) throw new Error("the audit wrote nothing");
      return orders;
    },
  };
}

/** `count` typical orders with their refund histories, as JSON Lines. */
export function typicalOrdersJsonLines(
  count: number,
  encodeOrder: (order: Order) => unknown,
): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(JSON.stringify(encodeOrder(typicalOrder(i))));
  return `${lines.join("\n")}\n`;
}
