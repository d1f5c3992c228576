import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { describeReadError, nodeIo } from "../../src/cli/nodeIo.js";

const dir = mkdtempSync(join(tmpdir(), "refund-core-cli-"));
const file = join(dir, "order.json");
writeFileSync(file, '{"id": "é"}');

function streams(stdinChunks: (string | Buffer)[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: nodeIo({
      stdin: Readable.from(stdinChunks),
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
    }),
  };
}

describe("nodeIo", () => {
  test("reads a file as UTF-8", async () => {
    expect(await streams().io.readText(file)).toEqual({ _tag: "Right", right: '{"id": "é"}' });
  });

  test("reads - from standard input, across chunks split inside a character", async () => {
    const bytes = Buffer.from('{"id": "é"}');
    const { io } = streams([bytes.subarray(0, 9), bytes.subarray(9)]);
    expect(await io.readText("-")).toEqual({ _tag: "Right", right: '{"id": "é"}' });
  });

  test("explains files it cannot read", async () => {
    const { io } = streams();
    expect(await io.readText(join(dir, "missing.json"))).toEqual({
      _tag: "Left",
      left: "it does not exist",
    });
    expect(await io.readText(dir)).toEqual({ _tag: "Left", left: "it is a directory" });
  });

  test("writes to the given streams", () => {
    const s = streams();
    s.io.writeOut("a");
    s.io.writeErr("b");
    expect([s.out, s.err]).toEqual([["a"], ["b"]]);
  });

  test.each([
    [{ code: "EACCES" }, "permission denied"],
    [{ code: "EPERM" }, "permission denied"],
    [{ code: "EMFILE" }, "error EMFILE"],
    [new Error("x"), "unknown error"],
    ["x", "unknown error"],
  ])("describeReadError(%j) is %s", (error, phrase) => {
    expect(describeReadError(error)).toBe(phrase);
  });
});
