import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { nodeIo } from "../../src/cli/nodeIo.js";
import { runCli } from "../../src/cli/run.js";

const EXAMPLES = "examples";
const folders = readdirSync(EXAMPLES)
  .filter((name) => statSync(join(EXAMPLES, name)).isDirectory())
  .sort();

/** Runs the command line as `main.ts` does, on real files, capturing its output. */
async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(
    argv,
    nodeIo({
      stdin: Readable.from([]),
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
    }),
  );
  return { status, stdout: out.join(""), stderr: err.join("") };
}

test("the required examples are present", () => {
  expect(folders).toEqual(
    expect.arrayContaining([
      "2checkout-partial",
      "magento-tutorial",
      "multi-currency",
      "shopify-calculate",
      "vat-included",
    ]),
  );
});

/**
 * A folder's `cli.json`, when it has one: `{"platform": "<name>"}` says that
 * `order.json` and `request.json` are in that platform's format (§10).
 */
function platformOf(dir: string): string | undefined {
  const path = join(dir, "cli.json");
  if (!existsSync(path)) return undefined;
  const config = JSON.parse(readFileSync(path, "utf8")) as { platform?: unknown };
  if (typeof config.platform !== "string") throw new Error(`${path}: "platform" must be a name`);
  return config.platform;
}

/** `calculate` on a folder's order and request, with `--platform` when its cli.json names one. */
function calculateArgs(dir: string): string[] {
  const platform = platformOf(dir);
  return [
    "calculate",
    ...(platform === undefined ? [] : ["--platform", platform]),
    "--order",
    join(dir, "order.json"),
    "--request",
    join(dir, "request.json"),
  ];
}

describe.each(folders)("examples/%s", (folder) => {
  const file = (name: string) => join(EXAMPLES, folder, name);
  const platform = platformOf(join(EXAMPLES, folder));
  const args = calculateArgs(join(EXAMPLES, folder));

  test("calculate --pretty prints exactly expected.json", async () => {
    const result = await cli([...args, "--pretty"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(readFileSync(file("expected.json"), "utf8"));
    expect(result.status).toBe(0);
  });

  test("the compact document is the same JSON", async () => {
    const result = await cli(args);
    expect(JSON.parse(result.stdout)).toEqual(
      JSON.parse(readFileSync(file("expected.json"), "utf8")),
    );
  });

  test("--format table renders it", async () => {
    const result = await cli([...args, "--format", "table"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Total\s+\S/m);
  });

  test.runIf(platform !== undefined && existsSync(file("expected-emit.json")))(
    "--emit <platform> --pretty prints exactly expected-emit.json",
    async () => {
      const result = await cli([...args, "--emit", platform ?? "", "--pretty"]);
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(readFileSync(file("expected-emit.json"), "utf8"));
      expect(result.status).toBe(0);
    },
  );
});

describe("the cli.json convention", () => {
  test("a folder whose cli.json names shopify is read as Shopify's JSON; without it, as canonical", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rc-examples-"));
    const fixtures = join("test", "adapters", "fixtures");
    writeFileSync(
      join(dir, "order.json"),
      readFileSync(join(fixtures, "shopify-order-450789469.json")),
    );
    writeFileSync(
      join(dir, "request.json"),
      readFileSync(join(fixtures, "shopify-calculate-request.json")),
    );
    expect((await cli(calculateArgs(dir))).status).toBe(2);
    writeFileSync(join(dir, "cli.json"), '{"platform": "shopify"}');
    const result = await cli(calculateArgs(dir));
    expect(result.status).toBe(0);
    // Shopify's published refunds/calculate: 195.67 + 3.98 + 5.00 shipping = 204.65.
    expect(JSON.parse(result.stdout)).toMatchObject({ creditMemo: { total: "204.65" } });
  });
});
