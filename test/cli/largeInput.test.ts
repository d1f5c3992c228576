/**
 * Issue 12 item 1, end to end on generated input around the 16 MB limit:
 * never a dead process, always one JSON document. Slow (it builds the CLI
 * and refunds a 60,000-line order), so it runs only with RC_SLOW=1:
 * `RC_SLOW=1 npx vitest run test/cli/largeInput.test.ts`. The limit logic
 * itself is tested with small limits in nodeIo.test.ts and auditInput.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../../src/cli/limits.js";

/** A canonical order of `lines` two-unit lines, each with a discount and a tax line, all paid. */
function bigOrder(lines: number): string {
  const items: string[] = [];
  for (let i = 0; i < lines; i++) {
    items.push(
      JSON.stringify({
        id: `L${i}`,
        sku: `SKU-${i}`,
        title: `Item number ${i}`,
        quantity: 2,
        price: "22.00",
        discountAllocations: [{ amount: "4.40", title: "SUMMER20" }],
        taxLines: [{ title: "State Tax", rate: "0.0825", amount: "3.27" }],
        duties: [],
        fulfilledQuantity: 2,
      }),
    );
  }
  // each line: 44.00 − 4.40 + 3.27 = 42.87 → 4287 cents
  const total = (BigInt(lines) * 4287n).toString();
  const amount = `${total.slice(0, -2)}.${total.slice(-2)}`;
  return `{"id":"big","currency":"USD","presentmentCurrency":"USD","taxesIncluded":false,"lineItems":[${items.join(",")}],"shippingLines":[],"invoices":[{"id":"inv-1","amount":"${amount}","gateway":"bank","online":false}],"refunds":[]}`;
}

describe.runIf(process.env["RC_SLOW"] === "1")("inputs around the 16 MB limit (slow)", () => {
  const dir = join(process.cwd(), "node_modules", ".cache", "rc-large-e2e");
  let tmp = "";
  let full = "";
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "rc-large-"));
    full = join(tmp, "full.json");
    spawnSync("npx", ["tsc", "-p", "tsconfig.build.json", "--outDir", dir], { stdio: "ignore" });
    writeFileSync(full, '{"full": true}');
  }, 180_000);
  const run = (args: readonly string[]) =>
    spawnSync(process.execPath, [join(dir, "cli", "main.js"), ...args], {
      encoding: "utf8",
      maxBuffer: 2 ** 30,
    });

  it("an order just over the limit: INVALID_INPUT naming 16 MB, exit 2, no trace", () => {
    const file = join(tmp, "over.json");
    writeFileSync(file, bigOrder(70_000));
    expect(statSync(file).size).toBeGreaterThan(MAX_INPUT_BYTES);
    const r = run(["apply", "--order", file, "--request", full, "--pretty"]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      errors: [
        {
          code: "INVALID_INPUT",
          path: "",
          input: "order",
          message: `The order file "${file}" could not be read: it is larger than the 16 MB this command reads.`,
        },
      ],
    });
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it("an order just under the limit refunded in full by apply --pretty: one whole JSON document", () => {
    const file = join(tmp, "under.json");
    writeFileSync(file, bigOrder(63_000));
    expect(statSync(file).size).toBeLessThanOrEqual(MAX_INPUT_BYTES);
    const r = run(["apply", "--order", file, "--request", full, "--pretty"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { creditMemo: { total: string; lineItems: unknown[] } };
    // 63,000 lines × 42.87 = 2,700,810.00
    expect(doc.creditMemo.total).toBe("2700810.00");
    expect(doc.creditMemo.lineItems).toHaveLength(63_000);
  }, 300_000);

  it("audit: an order line over the limit is an error line and the next order is audited", () => {
    const file = join(tmp, "orders.jsonl");
    writeFileSync(file, `${bigOrder(70_000)}\n${bigOrder(1)}\n`);
    const r = run(["audit", file]);
    expect(r.status).toBe(2);
    const [first, second, summary] = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first.errors).toEqual([
      {
        code: "INVALID_INPUT",
        path: "",
        message: "The input at line 1 is larger than the 16 MB this command reads.",
      },
    ]);
    expect(second).toMatchObject({ orderId: "big", errors: [] });
    expect(summary.summary).toMatchObject({ orders: 2, invalidOrders: 1 });
  }, 120_000);
});
