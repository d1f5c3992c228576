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
import { DocumentSplitter, type InputLine } from "../../src/cli/auditInput.js";
import type { AuditIo } from "../../src/cli/auditIo.js";
import { discrepancyKind } from "../../src/cli/auditReport.js";
import { runCli } from "../../src/cli/run.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import { encodeOrder } from "../../src/json/order.js";
import { orderAfterAll, unitRequest } from "../support/apply.js";
import { magento38388Order } from "../support/fixtures.js";

function streamIo(lines: Iterable<InputLine> | AsyncIterable<InputLine>, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: AuditIo = {
    readText: async () => E.left("not used"),
    readLines: () => lines as AsyncIterable<InputLine>,
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
    const [r1, r2, r3] = json["refunds"] as unknown as Record<string, unknown>[];
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

describe("issue 12 and 14 through runCli", () => {
  it("a bad first line is an error line of its own; the orders after it are audited (§9.2)", async () => {
    for (const first of ["not json at all", '{"id": "x", "lineItems": [']) {
      const s = streamIo([first, jsonLine(history("a")), jsonLine(history("b"))]);
      expect(await runCli(["audit", "f"], s.io)).toBe(2);
      const lines = s.lines();
      expect(lines.map((l) => l["orderId"] ?? null)).toEqual([null, "a", "b", null]);
      expect(lines[0]).toMatchObject({ line: 1, errors: [{ code: "INVALID_INPUT" }] });
      expect(lines[3]).toMatchObject({ summary: { orders: 3, refunds: 6, invalidOrders: 1 } });
    }
  });

  it("a key given twice is INVALID_INPUT at its path, not silently the last", async () => {
    const text = jsonLine(history("dup")).replace(
      '"currency":"USD"',
      '"currency":"USD","currency":"EUR"',
    );
    const s = streamIo([text]);
    expect(await runCli(["audit", "f"], s.io)).toBe(2);
    expect(s.lines()[0]).toMatchObject({
      orderId: "dup",
      errors: [{ code: "INVALID_INPUT", path: "currency" }],
    });
  });

  it("a line that is not UTF-8 or too long is an error line; the run goes on", async () => {
    const s = streamIo([
      jsonLine(history("a")),
      { problem: "is not UTF-8 text" },
      jsonLine(history("b")),
    ]);
    expect(await runCli(["audit", "f"], s.io)).toBe(2);
    const [, bad] = s.lines();
    expect(bad).toEqual({
      orderId: null,
      refunds: 0,
      discrepancies: [],
      rejected: [],
      errors: [
        { code: "INVALID_INPUT", path: "", message: "The input at line 2 is not UTF-8 text." },
      ],
      line: 2,
    });
  });

  it("an empty input is invalid input: exit 2, an error line, and a sentence on stderr", async () => {
    const s = streamIo(["", "  "]);
    expect(await runCli(["audit", "-"], s.io)).toBe(2);
    const [line, summary] = s.lines();
    expect(line).toMatchObject({
      orderId: null,
      errors: [
        {
          code: "INVALID_INPUT",
          message: "The input holds no order (standard input is empty or blank).",
        },
      ],
    });
    expect(summary).toMatchObject({ summary: { orders: 0, invalidOrders: 1 } });
    expect(s.err.join("")).toBe(
      "refund-core: The input holds no order (standard input is empty or blank).\n",
    );
  });

  it("a platform document read as canonical says which --platform it looks like (§10)", async () => {
    const shopify = readFileSync(
      "test/adapters/fixtures/shopify-order-per-unit-history.json",
      "utf8",
    );
    const s = streamIo([JSON.stringify(JSON.parse(shopify))]);
    expect(await runCli(["audit", "f"], s.io)).toBe(2);
    const errors = s.lines()[0]?.["errors"] as { message: string }[];
    expect(errors[0]?.message).toBe(
      "The input looks like a shopify order; run with --platform shopify to read it.",
    );
    expect(s.err.join("")).toBe(
      "refund-core: 1 order looks like shopify's; run with --platform shopify to read them.\n",
    );
  });

  it("--platform accepts all five names (§10)", async () => {
    for (const platform of ["canonical", "shopify", "magento", "commercelayer", "2checkout"]) {
      const status = await runCli(
        ["audit", "--platform", platform, "f"],
        streamIo([jsonLine(history("a"))]).io,
      );
      expect(status).not.toBe(64);
    }
  });

  it("--format csv: one row per finding, a header, quoted where needed", async () => {
    const o = history("twice");
    const [m1] = o.refunds as CreditMemo[];
    const twice = { ...o, refunds: [...o.refunds, { ...m1!, id: "twice-4" }] };
    const s = streamIo([
      jsonLine(history("clean")),
      jsonLine(leaky("leaky")),
      "{bad}",
      jsonLine(twice),
    ]);
    expect(await runCli(["audit", "--format", "csv", "f"], s.io)).toBe(2);
    const rows = s.out.join("").split("\r\n");
    expect(rows[0]).toBe(
      "order_id,line,refund_id,finding,path,currency,recorded,expected,explained_by,message",
    );
    expect(rows.slice(1, 5)).toEqual([
      "leaky,,leaky-2,discrepancy,lineItems[0].tax,USD,19.01,19.00,,",
      "leaky,,leaky-2,discrepancy,lineItems[0].total,USD,52.35,52.34,,",
      "leaky,,leaky-2,discrepancy,tax,USD,19.01,19.00,,",
      "leaky,,leaky-2,discrepancy,total,USD,52.35,52.34,,",
    ]);
    expect(rows[5]).toMatch(/^,3,,invalid,,,,,,INVALID_INPUT: The input is not JSON \(.*\)\.$/);
    expect(rows.filter((r) => r.startsWith("twice,"))).toContainEqual(
      // the message holds quotes: the field is quoted, its quotes doubled (RFC 4180)
      'twice,,twice-4,rejected,lineItems[0].quantity,,,,,"OVER_REFUND: Only 0 of item ""a"" can still be refunded, not 1."',
    );
    expect(rows.at(-1)).toBe("");
  });

  it("--format table: the summary for a person, with the first findings", async () => {
    const s = streamIo([jsonLine(history("clean")), jsonLine(leaky("leaky"))]);
    expect(await runCli(["audit", "--format", "table", "f"], s.io)).toBe(1);
    const text = s.out.join("");
    expect(text).toMatch(/^Audit: 2 orders, 6 refunds\n/);
    expect(text).toMatch(/^ {2}with discrepancies +1$/m);
    expect(text).toMatch(/^Discrepancies +4$/m);
    expect(text).toMatch(/^Paid out wrongly .*\n {2}USD +0\.01$/m);
    expect(text).toMatch(/^leaky +leaky-2 +lineItems\[0\]\.tax +19\.01 +19\.00 +-$/m);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("an order a platform adapter cannot read keeps its platform id on its line", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: a platform document, edited in place below
    type Doc = Record<string, any>;
    const read = (name: string): Doc =>
      JSON.parse(readFileSync(`test/adapters/fixtures/${name}`, "utf8"));
    const idOnLine = async (platform: string, doc: unknown) => {
      const s = streamIo([JSON.stringify(doc)]);
      expect(await runCli(["audit", "--platform", platform, "f"], s.io)).toBe(2);
      const line = s.lines()[0];
      expect(line?.["errors"]).not.toEqual([]);
      return line?.["orderId"];
    };
    // The published Avangate sample: NetPrice 179.55 is not 19.95 × 5, INCONSISTENT_ORDER.
    expect(await idOnLine("2checkout", read("2checkout/order-11316734.json"))).toBe("11316734");
    // Shopify's GraphQL order 450789469 and Commerce Layer's NMWYhbGorj, each with one bad amount.
    const graphQl = read("shopify-graphql-order-450789469.json");
    graphQl["data"]["order"]["currencyCode"] = 5;
    expect(await idOnLine("shopify", graphQl)).toBe("450789469");
    const commerceLayer = read("commercelayer/order-NMWYhbGorj.json");
    commerceLayer["data"]["attributes"]["currency_code"] = 5;
    expect(await idOnLine("commercelayer", commerceLayer)).toBe("NMWYhbGorj");
  });

  it("--format table: one order with one refund is counted in the singular", async () => {
    // Shopify's published order 820982911: one refund of two chairs (489.98 + 39.20 = 529.18), clean.
    const shopify = readFileSync(
      "test/adapters/fixtures/shopify-order-per-unit-history.json",
      "utf8",
    );
    const s = streamIo([JSON.stringify(JSON.parse(shopify))]);
    expect(await runCli(["audit", "--platform", "shopify", "--format", "table", "f"], s.io)).toBe(
      0,
    );
    expect(s.out.join("")).toMatch(/^Audit: 1 order, 1 refund\n/);
  });

  it("stops reading when standard output is closed (audit … | head)", async () => {
    const s = streamIo([]);
    let pulled = 0;
    async function* input() {
      for (let k = 0; k < 100; k++) {
        pulled += 1;
        yield jsonLine(history(`c${k}`));
      }
    }
    const io = { ...s.io, readLines: () => input(), outputClosed: () => s.out.length >= 3 };
    await runCli(["audit", "f"], io);
    expect(pulled).toBe(3);
  });

  it("the progress bar is cleared before each report line when both streams are the terminal", async () => {
    const lines = Array.from({ length: 3 }, (_, k) => jsonLine(history(`t${k}`)));
    let t = 0;
    const both = streamIo(lines, true);
    const log: string[] = [];
    const io: AuditIo = {
      ...both.io,
      stdoutIsTTY: true,
      stderrColumns: 120,
      inputSize: async () => 3000,
      bytesRead: () => 1000,
      now: () => (t += 200),
      writeOut: (text) => log.push(`out:${text.slice(0, 14)}`),
      writeErr: (text) => log.push(`err:${text.slice(0, 12)}`),
    };
    expect(await runCli(["audit", "f"], io)).toBe(0);
    // bar, then (per order) clear, line, bar; at the end clear and the counts, then the summary.
    expect(log).toEqual([
      'out:{"orderId":"t0',
      "err:\r\u001b[Kaudit: 1",
      "err:\r\u001b[K",
      'out:{"orderId":"t1',
      "err:\r\u001b[Kaudit: 2",
      "err:\r\u001b[K",
      'out:{"orderId":"t2',
      "err:\r\u001b[Kaudit: 3",
      "err:\r\u001b[K",
      "err:audit: 3 ord",
      'out:{"summary":{"o',
    ]);
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
    // Emit only (the type check is `npm run typecheck`'s), without npx: a third of the time.
    const tsc = join(process.cwd(), "node_modules", "typescript", "bin", "tsc");
    const emitOnly = ["--noCheck", "--declaration", "false", "--declarationMap", "false"];
    spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", dir, ...emitOnly], {
      stdio: "ignore",
    });
  }, 120_000);
  const run = (args: readonly string[], input?: string) =>
    spawnSync(process.execPath, [join(dir, "cli", "main.js"), "audit", ...args], {
      encoding: "utf8",
      input: input ?? "",
    });

  it("audits a Shopify file by default rules: per-unit rounding explained by shopify, exit 1", () => {
    // v2 (§10): with --platform and no --policy the platform's policy applies, so the default
    // rules are asked for by name here; by Shopify's own rules the history is clean (below).
    const file = join(fixtures, "shopify-order-per-unit-history.json");
    const own = run(["--platform", "shopify", file]);
    expect(own.status).toBe(0);
    expect(JSON.parse(own.stdout.trimEnd().split("\n")[1] ?? "")).toMatchObject({
      summary: { orders: 1, refunds: 1, discrepancies: 0 },
    });
    const r = run(["--platform", "shopify", "--policy", "default", file]);
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

  it("a line that is not UTF-8 is reported, never replaced; the others are audited (issue 12)", () => {
    const tmp = mkdtempSync(join(tmpdir(), "rc-audit-"));
    const magento = JSON.stringify(
      JSON.parse(readFileSync(join(fixtures, "magento-order-38388.json"), "utf8")),
    );
    // é in Latin-1 (0xE9 alone) is no UTF-8.
    const latin1 = Buffer.from(`{"note":"\u00e9",${magento.slice(1)}`, "latin1");
    const file = join(tmp, "mixed.jsonl");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(`${magento}\n`), latin1, Buffer.from(`\n${magento}\n`)]),
    );
    const r = run(["--platform", "magento", "--policy", "magento", file]);
    expect(r.status).toBe(2);
    const lines = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.orderId ?? l.summary?.orders)).toEqual([
      "38388",
      undefined,
      "38388",
      3,
    ]);
    expect(lines[1].errors).toEqual([
      { code: "INVALID_INPUT", path: "", message: "The input at line 2 is not UTF-8 text." },
    ]);
    expect(r.stdout).not.toContain("\ufffd");
    expect(r.stderr).toBe("");
  });

  it("a report of many batches (standard output a pipe) is the in-memory report, whole and in order", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "rc-audit-"));
    // Leaky histories among clean ones: lines of every length, some 57 K characters in all.
    const lines = Array.from({ length: 400 }, (_, k) =>
      jsonLine(k % 7 === 0 ? leaky(`b${k}`) : history(`b${k}`)),
    );
    const file = join(tmp, "many.jsonl");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = run([file]);
    const s = streamIo(lines);
    expect(await runCli(["audit", "many.jsonl"], s.io)).toBe(r.status);
    expect(r.stdout.length).toBeGreaterThan(3 * 16_384);
    expect(r.stdout).toBe(s.out.join(""));
    expect(r.stderr).toBe("");
  });

  it("an unreadable file is invalid input: exit 2, no stack trace", () => {
    const r = run(["/nonexistent/orders.jsonl"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("could not be read: it does not exist");
    // issue 14: a person sees why on stderr too — one sentence, no stack trace.
    expect(r.stderr).toBe(
      'refund-core: The file "/nonexistent/orders.jsonl" could not be read: it does not exist.\n',
    );
  });
});
