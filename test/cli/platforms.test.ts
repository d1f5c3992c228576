/**
 * `calculate`/`apply` with `--platform`, `--policy` and `--emit` (§8, §10),
 * wired through the `PLATFORMS` table of src/adapters/platforms.ts.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, test, vi } from "vitest";
import { PLATFORMS } from "../../src/adapters/platforms.js";
import { runCli } from "../../src/cli/run.js";
import { fakeIo } from "./fakeIo.js";

const fixture = (name: string) => readFileSync(`test/adapters/fixtures/${name}`, "utf8");
const files = {
  "shopify-order.json": fixture("shopify-order-450789469.json"),
  "shopify-request.json": fixture("shopify-calculate-request.json"),
  "order.json": readFileSync("examples/magento-tutorial/order.json", "utf8"),
  "request.json": readFileSync("examples/magento-tutorial/request.json", "utf8"),
};
const shopifyArgs = ["--order", "shopify-order.json", "--request", "shopify-request.json"];

async function run(argv: string[]) {
  const fake = fakeIo(files);
  const status = await runCli(argv, fake.io);
  return { status, ...fake };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("--platform", () => {
  test("shopify: Shopify's refunds/calculate of line 518995019 with full shipping gives 204.65", async () => {
    // Shopify's published response: subtotal 199.00 − 3.33 = 195.67, tax 3.98, shipping 5.00;
    // 195.67 + 3.98 + 5.00 = 204.65 of the 250.94 captured.
    const r = await run(["calculate", "--platform", "shopify", ...shopifyArgs]);
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({
      ok: true,
      creditMemo: {
        orderId: "450789469",
        subtotal: "195.67",
        tax: "3.98",
        total: "204.65",
        maximumRefundable: "250.94",
        shipping: { amount: "5.00" },
      },
    });
  });

  test("the platform's policy by default, --policy overrides it (§10)", async () => {
    const calc = vi.spyOn(PLATFORMS.shopify, "readOrder");
    const shopify = await run(["calculate", "--platform", "shopify", ...shopifyArgs]);
    const explicit = await run([
      "calculate",
      "--platform",
      "shopify",
      "--policy",
      "shopify",
      ...shopifyArgs,
    ]);
    expect(shopify.stdout()).toBe(explicit.stdout());
    expect(calc).toHaveBeenCalledTimes(2);
  });

  test("--policy with the canonical format: magento's remaining-over-remaining on the tutorial", async () => {
    // One of two tees: discount 4.40 → 2.20 and tax 3.27 → round(1.635) = 1.64 by every policy
    // (nothing refunded yet, so remaining over remaining is cumulative): the same memo.
    const byDefault = await run([
      "calculate",
      "--order",
      "order.json",
      "--request",
      "request.json",
    ]);
    const magento = await run([
      "calculate",
      "--policy",
      "magento",
      "--order",
      "order.json",
      "--request",
      "request.json",
    ]);
    expect(magento.status).toBe(0);
    expect(magento.json()).toEqual(byDefault.json());
  });

  test("a platform order read as canonical says which --platform it looks like", async () => {
    const r = await run(["calculate", ...shopifyArgs]);
    expect(r.status).toBe(2);
    const errors = r.json()["errors"] as { message: string; input?: string }[];
    expect(errors[0]).toEqual({
      code: "INVALID_INPUT",
      path: "",
      input: "order",
      message: "The input looks like a shopify order; run with --platform shopify to read it.",
    });
    expect(r.stderr()).toContain("run with --platform shopify");
  });

  test("a broken platform order: the request's JSON is still checked, its contents are not", async () => {
    const fake = fakeIo({ ...files, "shopify-request.json": "{" });
    const status = await runCli(["calculate", "--platform", "shopify", ...shopifyArgs], fake.io);
    expect(status).toBe(2);
    expect(fake.json()["errors"]).toEqual([
      expect.objectContaining({ code: "INVALID_INPUT", input: "request", path: "" }),
    ]);
  });
});

describe("--emit (§10): the platform's request in creditMemo's place", () => {
  const sent = { refund: { shipping: { amount: "5.00" } } };

  test("calculate: {ok, platform, request}, the request emitted from the memo and the order", async () => {
    const emit = vi.spyOn(PLATFORMS.shopify, "emitRequest").mockReturnValue(E.right(sent));
    const r = await run([
      "calculate",
      "--platform",
      "shopify",
      "--emit",
      "shopify",
      ...shopifyArgs,
    ]);
    expect(r.status).toBe(0);
    expect(Object.keys(r.json())).toEqual(["ok", "platform", "request"]);
    expect(r.json()).toEqual({ ok: true, platform: "shopify", request: sent });
    const [memo, order] = emit.mock.calls[0] ?? [];
    expect(order?.id).toBe("450789469");
    expect(order?.refunds).toEqual([]); // the order before the refund
    expect(memo?.orderId).toBe("450789469");
  });

  test("apply: plus the order (refund-core's format) with the memo appended", async () => {
    vi.spyOn(PLATFORMS.magento, "emitRequest").mockReturnValue(E.right(sent));
    const r = await run([
      "apply",
      "--emit",
      "magento",
      "--order",
      "order.json",
      "--request",
      "request.json",
    ]);
    expect(r.status).toBe(0);
    expect(Object.keys(r.json())).toEqual(["ok", "platform", "request", "order"]);
    expect(r.json()).toMatchObject({
      platform: "magento",
      request: sent,
      order: { id: "5", refunds: [{ id: "5-1", total: "21.44" }] },
    });
  });

  test("a memo the platform cannot carry out is the failure document", async () => {
    const problem = {
      code: "INVALID_INPUT" as const,
      path: "",
      message: "Magento cannot refund this.",
    };
    vi.spyOn(PLATFORMS.magento, "emitRequest").mockReturnValue(E.left([problem]));
    const r = await run([
      "calculate",
      "--emit",
      "magento",
      "--order",
      "order.json",
      "--request",
      "request.json",
    ]);
    expect(r.status).toBe(2);
    expect(r.json()).toEqual({ ok: false, errors: [problem] });
  });
});
