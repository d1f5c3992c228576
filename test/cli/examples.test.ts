import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { nodeIo } from "../../src/cli/nodeIo.js";
import { runCli } from "../../src/cli/run.js";

const EXAMPLES = "examples";
const folders = readdirSync(EXAMPLES)
  .filter((name) => statSync(join(EXAMPLES, name)).isDirectory())
  // Platform examples (a cli.json naming the platform) need --platform: test/adapters/examples.test.ts runs them.
  .filter(
    (name) => statSync(join(EXAMPLES, name, "cli.json"), { throwIfNoEntry: false }) === undefined,
  )
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

describe.each(folders)("examples/%s", (folder) => {
  const file = (name: string) => join(EXAMPLES, folder, name);
  const args = ["calculate", "--order", file("order.json"), "--request", file("request.json")];

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
});
