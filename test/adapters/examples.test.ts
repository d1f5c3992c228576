/**
 * The platform examples (`examples/<platform>-<name>/` with a `cli.json`
 * naming the platform), at the library level: reading `order.json` and
 * `request.json` through the platform's adapter and calculating under its
 * policy prints `expected.json` byte for byte, and writing the memo back
 * for the platform prints `expected-emit.json` — exactly what
 * `refund-core calculate --platform NAME --order order.json --request
 * request.json --pretty` (and the same with `--emit NAME`) print. Every
 * number is worked by hand against the platform's published figures in
 * examples/README.md.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { PLATFORM_NAMES, PLATFORMS, type PlatformName } from "../../src/adapters/platforms.js";
import { calculate } from "../../src/calculate.js";
import { encodeCreditMemo } from "../../src/json/creditMemo.js";

const EXAMPLES = "examples";
const platformFolders = readdirSync(EXAMPLES)
  .filter((name) => statSync(join(EXAMPLES, name)).isDirectory())
  .filter(
    (name) => statSync(join(EXAMPLES, name, "cli.json"), { throwIfNoEntry: false }) !== undefined,
  )
  .sort();

const pretty = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

test("every platform refund-core writes has an example", () => {
  const platforms = platformFolders.map(
    (f) =>
      (JSON.parse(readFileSync(join(EXAMPLES, f, "cli.json"), "utf8")) as { platform: string })
        .platform,
  );
  expect(platforms).toEqual(expect.arrayContaining(["canonical", "shopify", "magento"]));
});

describe.each(platformFolders)("examples/%s", (folder) => {
  const read = (name: string) => readFileSync(join(EXAMPLES, folder, name), "utf8");
  const { platform } = JSON.parse(read("cli.json")) as { platform: PlatformName };
  const adapter = PLATFORMS[platform];

  test("names a platform", () => {
    expect(PLATFORM_NAMES).toContain(platform);
  });

  test("calculate under the platform's policy prints expected.json; --emit prints expected-emit.json", () => {
    const order = adapter.readOrder(JSON.parse(read("order.json")));
    if (E.isLeft(order)) expect.fail(JSON.stringify(order.left));
    const request = adapter.readRequest(JSON.parse(read("request.json")), order.right);
    if (E.isLeft(request)) expect.fail(JSON.stringify(request.left));
    const memo = calculate(order.right, request.right, adapter.policy);
    if (E.isLeft(memo)) expect.fail(JSON.stringify(memo.left));
    expect(pretty({ ok: true, creditMemo: encodeCreditMemo(memo.right) })).toBe(
      read("expected.json"),
    );
    const emitted = adapter.emitRequest(memo.right, order.right);
    if (E.isLeft(emitted)) expect.fail(JSON.stringify(emitted.left));
    expect(pretty({ ok: true, platform, request: emitted.right })).toBe(read("expected-emit.json"));
  });
});
