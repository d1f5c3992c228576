/**
 * `refund-core audit` end to end: through `runCli` with in-memory streams,
 * and by spawning the built executable.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditIo } from "../../src/cli/auditIo.js";
import { DocumentSplitter, discrepancyKind } from "../../src/cli/auditReport.js";
import { runCli } from "../../src/cli/run.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { encodeOrder } from "../../src/json/order.js";
import { orderAfterAll, unitRequest } from "../support/apply.js";
import { magento38388Order } from "../support/fixtures.js";

function streamIo(lines: Iterable<string> | AsyncIterable<string>, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: AuditIo = {
    readText: async () => E.left("not used"),
    readLines: () => lines as AsyncIterable<string>,
    stderrIsTTY: tty,
    drained: async () => {},
    writeOut: (t) => {
      out.push(t);
    },
    writeErr: (t) => {
      err.push(t);
    },
  };
  return {
    io,
    out,
    err,
    lines: () =>
      out
        .join("")
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

async function* asAsync(lines: readonly string[]) {
  for (const l of lines) yield l;
}

/** 3 × 100.00, discount 200.00, tax 57.00, three one-unit refunds (tax 19.00 each by default). */
function history(id: string): Order {
  const one = unitRequest("a");
  return orderAfterAll({ ...magento38388Order, id }, [one, one, one]);
}

/** The second memo's tax and total one cent higher, the third's one lower (Magento #38388's leak). */
function leaky(id: string): Order {
  const o = history(id);
  const shift = (m: CreditMemo, d: bigint): CreditMemo => {
    const b = (x: { shop: bigint; presentment: bigint }) => ({
      shop: x.shop + d,
      presentment: x.presentment + d,
    });
    const l = m.lineItems[0]!;
    return {
      ...m,
      lineItems: [
        {
          ...l,
          tax: b(l.tax),
          total: b(l.total),
          taxLines: [{ ...l.taxLines[0]!, amount: b(l.taxLines[0]!.amount) }],
        },
      ],
      tax: b(m.tax),
      total: b(m.total),
      transactions: [{ ...m.transactions[0]!, amount: b(m.transactions[0]!.amount) }],
    };
  };
  const [m1, m2, m3] = o.refunds as CreditMemo[];
  return { ...o, refunds: [m1!, shift(m2!, 1n), shift(m3!, -1n)] };
}

const jsonLine = (o: Order) => JSON.stringify(encodeOrder(o));

describe("refund-core audit through runCli", () => {
  it("issue 12: a memo in another currency and a repeated memo id are those memos' problems; exit 1", async () => {
    const json = encodeOrder(history("mixed"));
    const [r1, r2, r3] = json["refunds"] as Record<string, unknown>[];
    // Memo 2 recorded in CAD; memo 3 under memo 1's id. v1: INCONSISTENT_ORDER at
    // refunds[1].currency for the whole order (refunds: 0, exit 2), and the repeated id passed.
    const mixed = { ...json, refunds: [r1, { ...r2, currency: "CAD" }, { ...r3, id: "mixed-1" }] };
    const s = streamIo(asAsync([JSON.stringify(mixed)]));
    const status = await runCli(["audit", "data.jsonl"], s.io);
    const [line, summary] = s.lines();
    expect(line).toMatchObject({
      orderId: "mixed",
      refunds: 3,
      errors: [],
      discrepancies: [],
      rejected: [
        { refundId: "mixed-2", errors: [{ code: "CURRENCY_MISMATCH", actual: "CAD" }] },
        { refundId: "mixed-1", errors: [{ code: "DUPLICATE_REFUND", path: "id" }] },
      ],
    });
    expect(summary).toMatchObject({ summary: { orders: 1, refunds: 3, rejectedRefunds: 2 } });
    expect(status).toBe(1);
  });
  it("one line per order, the undecodable and the inconsistent ones with errors, then the summary; exit 2", async () => {
    const inconsistent = { ...encodeOrder(history("bad")), currency: "XXX" };
    const s = streamIo(
      asAsync([
        jsonLine(history("clean")),
        jsonLine(leaky("leaky")),
        "{not json}",
        "",
        JSON.stringify(inconsistent),
      ]),
    );
    const status = await runCli(["audit", "data.jsonl"], s.io);
    const [clean, leak, broken, bad, summary] = s.lines();
    expect(clean).toEqual({
      orderId: "clean",
      refunds: 3,
      discrepancies: [],
      rejected: [],
      errors: [],
    });
    // Memo 2: tax 19.01 recorded, 19.00 expected (57·2/3 − 19.00); total 52.35 vs 52.34. Memo 3 is the rest.
    expect(
      (
        (leak?.["discrepancies"] ?? []) as unknown as {
          refundId: string;
          path: string;
          recorded: string;
          expected: string;
        }[]
      ).map((d) => [d.refundId, d.path, d.recorded, d.expected]),
    ).toEqual([
      ["leaky-2", "lineItems[0].tax", "19.01", "19.00"],
      ["leaky-2", "lineItems[0].total", "52.35", "52.34"],
      ["leaky-2", "tax", "19.01", "19.00"],
      ["leaky-2", "total", "52.35", "52.34"],
    ]);
    expect(broken).toMatchObject({
      orderId: null,
      refunds: 0,
      line: 3,
      errors: [{ code: "INVALID_INPUT" }],
    });
    expect(bad).toMatchObject({
      orderId: "bad",
      line: 5,
      errors: [{ code: "INVALID_INPUT", path: "currency" }],
    });
    expect(summary).toEqual({
      summary: {
        orders: 4,
        refunds: 6,
        refundsWithDiscrepancies: 1,
        discrepancies: 4,
        invalidOrders: 2,
        rejectedRefunds: 0,
        discrepanciesByKind: { "lineItems[].tax": 1, "lineItems[].total": 1, tax: 1, total: 1 },
        moneyInvolved: { USD: "0.01" },
        moneyRejected: {},
      },
    });
    expect(status).toBe(2);
    expect(s.err.join("")).toBe("");
  });

  it("exit 0 when nothing differs, 1 when a memo differs", async () => {
    expect(
      await runCli(["audit", "-"], streamIo([jsonLine(history("a")), jsonLine(history("b"))]).io),
    ).toBe(0);
    expect(
      await runCli(["audit", "-"], streamIo([jsonLine(history("a")), jsonLine(leaky("b"))]).io),
    ).toBe(1);
  });

  it("a history that refunds twice is reported memo by memo (rejected, exit 1), with the money rejected", async () => {
    const o = history("twice");
    const [m1] = o.refunds as CreditMemo[];
    const twice = { ...o, refunds: [...o.refunds, { ...m1!, id: "twice-4" }] };
    const s = streamIo([jsonLine(twice)]);
    expect(await runCli(["audit", "f"], s.io)).toBe(1);
    const [report, summary] = s.lines();
    expect(report).toMatchObject({
      rejected: [{ refundId: "twice-4", errors: [{ code: "OVER_REFUND", subject: "quantity" }] }],
      errors: [],
    });
    expect(summary).toMatchObject({
      summary: { rejectedRefunds: 1, moneyRejected: { USD: "52.33" } },
    });
  });

  it("--policy and --platform: the magento policy expects 66.67 on the second memo's discount", async () => {
    const s = streamIo([jsonLine(history("p"))]);
    expect(await runCli(["audit", "--policy", "magento", "f"], s.io)).toBe(1);
    const [report] = s.lines();
    // Recorded by default: 66.66; magento: round((200 − 66.67)/2 = 66.665) = 66.67; explained by default.
    expect(report?.["discrepancies"]).toContainEqual({
      refundId: "p-2",
      path: "lineItems[0].discount",
      currency: "USD",
      recorded: "66.66",
      expected: "66.67",
      explainedBy: "default",
    });
  });

  it("streams: each order's line is written before the next input line is read", async () => {
    const s = streamIo([]);
    let written = 0;
    async function* input() {
      for (let k = 0; k < 50; k++) {
        expect(s.out.length).toBe(written);
        yield jsonLine(history(`o${k}`));
        written += 1;
      }
    }
    const io = { ...s.io, readLines: () => input() };
    expect(await runCli(["audit", "big.jsonl"], io)).toBe(0);
    expect(s.out).toHaveLength(51);
  });

  it("draws a progress bar on standard error only when it is a terminal", async () => {
    const lines = Array.from({ length: 501 }, () => jsonLine(history("x")));
    const tty = streamIo(lines, true);
    await runCli(["audit", "f"], tty.io);
    expect(tty.err.join("")).toContain("audit: 500 orders, 1500 refunds");
    expect(tty.err.join("")).toContain("audit: 501 orders, 1503 refunds, 0 with findings\n");
    const pipe = streamIo(lines, false);
    await runCli(["audit", "f"], pipe.io);
    expect(pipe.err.join("")).toBe("");
  });

  it("usage errors exit 64: no FILE, two FILEs, an unknown policy or platform", async () => {
    for (const argv of [
      ["audit"],
      ["audit", "a", "b"],
      ["audit", "--policy", "nope", "f"],
      ["audit", "--platform", "woo", "f"],
    ])
      expect(await runCli(argv, streamIo([]).io)).toBe(64);
  });
});

describe("the pure helpers", () => {
  it("a pretty-printed order is one document; JSON Lines are one each", () => {
    const pretty = new DocumentSplitter();
    const docs = ["{", '  "id": "1"', "}"].flatMap((l, i) => pretty.push(l, i + 1));
    expect(docs).toEqual([]);
    expect(pretty.end()).toEqual([{ text: '{\n  "id": "1"\n}', line: 1 }]);
    const jsonl = new DocumentSplitter();
    expect(
      ['{"id":"1"}', "", "{bad}", '{"id":"2"}'].flatMap((l, i) => jsonl.push(l, i + 1)),
    ).toEqual([
      { text: '{"id":"1"}', line: 1 },
      { text: "{bad}", line: 3 },
      { text: '{"id":"2"}', line: 4 },
    ]);
    expect(jsonl.end()).toEqual([]);
  });
  it("a discrepancy's kind drops positions and the currency side", () => {
    expect(discrepancyKind("lineItems[12].tax.shop")).toBe("lineItems[].tax");
    expect(discrepancyKind("transactions[1].amount")).toBe("transactions[].amount");
    expect(discrepancyKind("total")).toBe("total");
  });
});

describe("the built executable", () => {
  const dir = join(process.cwd(), "node_modules", ".cache", "rc-audit-e2e");
  const fixtures = join(process.cwd(), "test", "adapters", "fixtures");
  beforeAll(() => {
    // Type errors elsewhere in the tree do not stop tsc from emitting; the tests need the JavaScript.
    spawnSync("npx", ["tsc", "-p", "tsconfig.build.json", "--outDir", dir], { stdio: "ignore" });
  }, 120_000);
  const run = (args: readonly string[], input?: string) =>
    spawnSync(process.execPath, [join(dir, "cli", "main.js"), "audit", ...args], {
      encoding: "utf8",
      input: input ?? "",
    });

  it("audits a Shopify file: per-unit rounding explained by shopify, exit 1", () => {
    const r = run(["--platform", "shopify", join(fixtures, "shopify-order-per-unit-history.json")]);
    expect(r.status).toBe(1);
    const [report, summary] = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(report.orderId).toBe("820982911");
    expect(
      new Set(report.discrepancies.map((d: { explainedBy: string }) => d.explainedBy)),
    ).toEqual(new Set(["shopify"]));
    expect(summary.summary).toMatchObject({
      orders: 1,
      refunds: 1,
      refundsWithDiscrepancies: 1,
      discrepancies: 6,
      moneyInvolved: { USD: "0.01" },
    });
    expect(r.stderr).toBe("");
  });

  it("reads JSON Lines from standard input and goes on past an undecodable line; exit 2", () => {
    const tmp = mkdtempSync(join(tmpdir(), "rc-audit-"));
    const magento = JSON.stringify(
      JSON.parse(readFileSync(join(fixtures, "magento-order-38388.json"), "utf8")),
    );
    writeFileSync(join(tmp, "orders.jsonl"), `${magento}\n{"entity_id": 1}\n${magento}\n`);
    const r = run(
      ["--platform", "magento", "--policy", "magento", "-"],
      readFileSync(join(tmp, "orders.jsonl"), "utf8"),
    );
    expect(r.status).toBe(2);
    const lines = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.orderId ?? l.summary?.orders)).toEqual(["38388", "1", "38388", 3]);
    expect(lines[1].errors.length).toBeGreaterThan(0);
    expect(lines[3].summary).toMatchObject({ invalidOrders: 1, refunds: 6, discrepancies: 8 });
  });

  it("an unreadable file is invalid input: exit 2, no stack trace", () => {
    const r = run(["/nonexistent/orders.jsonl"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("could not be read: it does not exist");
    expect(r.stderr).toBe("");
  });
});
