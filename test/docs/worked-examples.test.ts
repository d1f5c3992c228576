/**
 * The worked examples of the guides compute what they say. A guide states an
 * order in a ```json order block, one or more requests in ```json request
 * blocks (applied one after the other; `policy=NAME` after `request` picks a
 * policy), and the results in a `| result | value |` table whose rows name a
 * path and the value the library must give:
 *
 * - `memo.…`: the last request's credit memo, as `encodeCreditMemo` writes it;
 * - `refunds[i].…`: the memo of the i-th request of the example (0-based);
 * - `errors[i].…`: the errors of the last request, when it is rejected;
 * - `emitted.…`: with `platform=NAME` after `order` (§10), the order and the
 *   requests are in that platform's JSON, read by its adapter, and this is
 *   the platform request the adapter writes for the last memo.
 *
 * The numbers live only in the guide, so guide and library cannot drift.
 *
 * An HTML comment `<!-- unchecked: reason -->` before a result table marks
 * an example of specified behaviour the library does not have yet (the
 * reason names what brings it). Its test checks that the library does not
 * give its figures yet: when the feature lands, that test fails until the
 * marker is removed and the example is checked like the others.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLATFORM_NAMES, PLATFORMS, type PlatformName } from "../../src/adapters/platforms.js";
import {
  applyRefund,
  type CreditMemo,
  decodeOrder,
  decodeRefundRequest,
  encodeCreditMemo,
  type Order,
  POLICY_NAMES,
  type PolicyName,
  type RefundError,
} from "../../src/index.js";
import { ROOT } from "./extract.js";

interface Row {
  readonly path: string;
  readonly value: string;
  readonly line: number;
}

interface WorkedExample {
  readonly where: string;
  readonly title: string;
  readonly order: unknown;
  /** The platform whose JSON the order and requests are in (§10), if not refund-core's. */
  readonly platform: PlatformName | undefined;
  readonly requests: readonly { readonly json: unknown; readonly policy: PolicyName }[];
  readonly rows: readonly Row[];
  /** Why the example is not checked yet, from its `<!-- unchecked: … -->` marker. */
  readonly unchecked?: string;
}

const cell = (text: string): string => text.trim().replace(/^`(.*)`$/, "$1");

/** The worked examples of one markdown document. */
function workedExamples(file: string, text: string): WorkedExample[] {
  const examples: WorkedExample[] = [];
  const lines = text.split("\n");
  let order: unknown;
  let platform: PlatformName | undefined;
  let requests: { json: unknown; policy: PolicyName }[] = [];
  let title = "";
  let unchecked: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const marker = /^<!--\s*unchecked:\s*(.*?)\s*-->\s*$/.exec(line);
    if (marker !== null) unchecked = marker[1];
    const heading = /^#+\s+(.*)$/.exec(line);
    if (heading?.[1] !== undefined) title = heading[1];
    const fence = /^```json (order|request)(?:\s+platform=(\w+))?(?:\s+policy=(\w+))?\s*$/.exec(
      line,
    );
    if (fence !== null) {
      const end = lines.indexOf("```", i + 1);
      const json: unknown = JSON.parse(lines.slice(i + 1, end).join("\n"));
      if (fence[1] === "order") {
        order = json;
        platform = fence[2] as PlatformName | undefined;
        if (platform !== undefined && !PLATFORM_NAMES.includes(platform))
          throw new Error(`${file}:${i + 1}: unknown platform`);
        requests = [];
      } else {
        const policy = (fence[3] ?? "default") as PolicyName;
        if (!POLICY_NAMES.includes(policy)) throw new Error(`${file}:${i + 1}: unknown policy`);
        requests.push({ json, policy });
      }
      i = end;
      continue;
    }
    if (/^\|\s*result\s*\|\s*value\s*\|\s*$/.test(line)) {
      const rows: Row[] = [];
      let j = i + 2;
      for (; j < lines.length && (lines[j] ?? "").startsWith("|"); j++) {
        const [, path = "", value = ""] = (lines[j] ?? "").split("|");
        rows.push({ path: cell(path), value: cell(value), line: j + 1 });
      }
      if (order === undefined || requests.length === 0)
        throw new Error(
          `${file}:${i + 1}: a result table without an order and a request before it`,
        );
      const where = `${file}:${i + 1}`;
      examples.push({
        where,
        title,
        order,
        platform,
        requests,
        rows,
        ...(unchecked ? { unchecked } : {}),
      });
      requests = [];
      unchecked = undefined;
      i = j - 1;
    }
  }
  return examples;
}

interface Outcome {
  readonly memo?: unknown;
  readonly refunds: readonly unknown[];
  readonly errors?: readonly RefundError[];
  readonly emitted?: unknown;
}

function run(example: WorkedExample): Outcome {
  const adapter = example.platform === undefined ? undefined : PLATFORMS[example.platform];
  const decoded =
    adapter === undefined ? decodeOrder(example.order) : adapter.readOrder(example.order);
  if (decoded._tag === "Left") throw new Error(`order: ${JSON.stringify(decoded.left)}`);
  let order: Order = decoded.right;
  const memos: CreditMemo[] = [];
  let emitted: unknown;
  for (const [k, { json, policy }] of example.requests.entries()) {
    const request =
      adapter === undefined ? decodeRefundRequest(json) : adapter.readRequest(json, order);
    if (request._tag === "Left") throw new Error(`request ${k}: ${JSON.stringify(request.left)}`);
    const applied = applyRefund(order, request.right, policy);
    if (applied._tag === "Left") {
      if (k < example.requests.length - 1)
        throw new Error(`request ${k} was rejected: ${JSON.stringify(applied.left)}`);
      return { refunds: memos.map(encodeCreditMemo), errors: applied.left };
    }
    memos.push(applied.right.creditMemo);
    if (adapter !== undefined) {
      const written = adapter.emitRequest(applied.right.creditMemo, order);
      emitted = written._tag === "Right" ? written.right : { errors: written.left };
    }
    order = applied.right.order;
  }
  const encoded = memos.map(encodeCreditMemo);
  return { memo: encoded.at(-1), refunds: encoded, emitted };
}

/** The value at `a.b[0].c`, written as the guide writes it. */
function at(root: unknown, path: string): string {
  let value = root;
  for (const key of path.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== "object" || !(key in value))
      return `(nothing at ${path})`;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

const guides = readdirSync(join(ROOT, "docs"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => `docs/${name}`);
const examples = guides.flatMap((file) =>
  workedExamples(file, readFileSync(join(ROOT, file), "utf8")),
);

describe("worked examples of the guides", () => {
  it("the calculation rules have worked examples", () => {
    expect(
      examples.filter((e) => e.where.startsWith("docs/calculation-rules.md")).length,
    ).toBeGreaterThan(10);
  });

  it("the specification has worked examples", () => {
    const spec = examples.filter((e) => e.where.startsWith("docs/specification.md"));
    expect(spec.filter((e) => e.unchecked === undefined).length).toBeGreaterThan(15);
  });

  /** What the library gives for each row, and what the guide states, line by line. */
  const compare = (example: WorkedExample): { actual: string[]; stated: string[] } => {
    let outcome: Outcome;
    try {
      outcome = run(example);
    } catch (error) {
      outcome = { refunds: [], errors: [] };
      if (example.unchecked === undefined) throw error;
    }
    return {
      actual: example.rows.map((row) => `line ${row.line}: ${row.path} = ${at(outcome, row.path)}`),
      stated: example.rows.map((row) => `line ${row.line}: ${row.path} = ${row.value}`),
    };
  };

  // An unchecked example waits for its feature: once the library gives its
  // figures, this fails, so that the marker is removed and the example checked.
  const unchecked = examples.filter((e) => e.unchecked !== undefined);
  it.each(unchecked.map((e): [string, string, WorkedExample] => [e.where, e.title, e]))(
    "%s (%s) waits for its feature (remove its unchecked marker once it passes)",
    (_where, _title, example) => {
      const { actual, stated } = compare(example);
      expect(actual).not.toEqual(stated);
    },
  );

  const checked = examples.filter((e) => e.unchecked === undefined);
  it.each(checked.map((e): [string, string, WorkedExample] => [e.where, e.title, e]))(
    "%s (%s)",
    (_where, _title, example) => {
      const { actual, stated } = compare(example);
      expect(actual).toEqual(stated);
    },
  );
});

describe("the errors guide", () => {
  const guide = readFileSync(join(ROOT, "docs", "errors.md"), "utf8");
  const codes = [
    ...readFileSync(join(ROOT, "src", "errors.ts"), "utf8").matchAll(/readonly code: "(\w+)"/g),
  ]
    .map((m) => m[1])
    .filter((code, i, all) => all.indexOf(code) === i);
  it.each(codes)("has a section for %s", (code) => {
    expect(guide).toContain(`\n## ${code}\n`);
  });
  const specification = readFileSync(join(ROOT, "docs", "specification.md"), "utf8");
  it.each(codes)("the specification's §5 table has a row for %s", (code) => {
    expect(specification).toContain(`\n| \`${code}\``);
  });
});
