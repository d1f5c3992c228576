/**
 * The platform examples (`examples/<platform>-<name>/` with a `cli.json`
 * naming the platform), computed through the library as the CLI's
 * `calculate --platform NAME --pretty` and `--emit NAME` print them, byte
 * for byte: `expected.json` (`{"ok": true, "creditMemo": …}`) and
 * `expected-emit.json` (`{"ok": true, "platform", "request"}`).
 * `UPDATE_EXAMPLES=1` writes the files instead (check every number by hand
 * against the folder's README before committing them).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { PLATFORM_NAMES, PLATFORMS, type PlatformName } from "../../src/adapters/platforms.js";
import { calculate } from "../../src/calculate.js";
import { encodeCreditMemo } from "../../src/json/index.js";
import { right } from "./results.js";

const EXAMPLES = "examples";
const folders = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES, d.name, "cli.json")))
  .map((d) => d.name)
  .sort();
const read = (folder: string, name: string): unknown =>
  JSON.parse(readFileSync(join(EXAMPLES, folder, name), "utf8"));
const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

test("Commerce Layer and 2Checkout have their examples", () => {
  expect(folders).toEqual(expect.arrayContaining(["2checkout-items", "commercelayer-gift-card"]));
});

describe.each(folders)("examples/%s", (folder) => {
  const { platform: name } = read(folder, "cli.json") as { platform: PlatformName };
  test("names a platform", () => expect(PLATFORM_NAMES).toContain(name));
  const platform = PLATFORMS[name];
  const order = right(platform.readOrder(read(folder, "order.json")));
  const request = right(platform.readRequest(read(folder, "request.json"), order));
  const memo = right(calculate(order, request, platform.policy));
  const outputs: [string, string][] = [
    ["expected.json", pretty({ ok: true, creditMemo: encodeCreditMemo(memo) })],
    [
      "expected-emit.json",
      pretty({ ok: true, platform: name, request: right(platform.emitRequest(memo, order)) }),
    ],
  ];
  test.each(outputs)("%s is exactly what the command prints", (file, printed) => {
    const path = join(EXAMPLES, folder, file);
    if (process.env["UPDATE_EXAMPLES"] === "1") writeFileSync(path, printed);
    expect(readFileSync(path, "utf8")).toBe(printed);
  });
  test("the emitted request read back gives the same memo", () => {
    const emitted = right(platform.emitRequest(memo, order));
    const back = platform.readRequest(emitted, order);
    expect(E.isRight(back) && calculate(order, back.right, platform.policy)).toEqual(E.right(memo));
  });
});
