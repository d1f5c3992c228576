import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { MAX_INPUT_BYTES } from "../../src/cli/limits.js";
import { describeReadError, type NodeIoOptions, nodeIo } from "../../src/cli/nodeIo.js";
import { runCli } from "../../src/cli/run.js";

const dir = mkdtempSync(join(tmpdir(), "refund-core-cli-"));
const file = join(dir, "order.json");
writeFileSync(file, '{"id": "é"}');
/** `{"id": "é"}` in Latin-1: 0xE9 alone is not UTF-8. */
const latin1 = Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x20, 0x22, 0xe9, 0x22, 0x7d]);
const latin1File = join(dir, "latin1.json");
writeFileSync(latin1File, latin1);

function streams(stdinChunks: (string | Buffer)[] = [], options: NodeIoOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: nodeIo(
      {
        stdin: Readable.from(stdinChunks),
        stdout: { write: (t: string) => out.push(t) },
        stderr: { write: (t: string) => err.push(t) },
      },
      options,
    ),
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

  test("refuses bytes that are not UTF-8 instead of replacing them", async () => {
    const notUtf8 = { _tag: "Left", left: "it is not UTF-8 text" };
    expect(await streams().io.readText(latin1File)).toEqual(notUtf8);
    expect(await streams([latin1]).io.readText("-")).toEqual(notUtf8);
  });

  test("a file that is not UTF-8 is INVALID_INPUT naming the file, exit 2", async () => {
    const s = streams();
    const status = await runCli(["calculate", "--order", latin1File, "--request", file], s.io);
    expect(status).toBe(2);
    const doc = JSON.parse(s.out.join("")) as { errors: { input: string; message: string }[] };
    expect(doc.errors[0]).toEqual({
      code: "INVALID_INPUT",
      path: "",
      input: "order",
      message: `The order file "${latin1File}" could not be read: it is not UTF-8 text.`,
    });
  });

  test("explains files it cannot read", async () => {
    const { io } = streams();
    expect(await io.readText(join(dir, "missing.json"))).toEqual({
      _tag: "Left",
      left: "it does not exist",
    });
    expect(await io.readText(dir)).toEqual({ _tag: "Left", left: "it is a directory" });
  });

  describe("the input limit (issue 12: never a dead process, a JSON error naming the limit)", () => {
    // file is `{"id": "é"}`: 12 bytes (é is two).
    test("a file of the limit is read; one byte more is refused, from its size, unread", async () => {
      expect(await streams([], { maxInputBytes: 12 }).io.readText(file)).toEqual({
        _tag: "Right",
        right: '{"id": "é"}',
      });
      expect(await streams([], { maxInputBytes: 11 }).io.readText(file)).toEqual({
        _tag: "Left",
        left: "it is larger than the 11 bytes this command reads",
      });
    });

    test("standard input is read up to the limit and no further", async () => {
      let pulled = 0;
      async function* endless() {
        for (;;) {
          pulled += 1;
          yield Buffer.alloc(4, 0x20);
        }
      }
      const io = nodeIo(
        { stdin: endless(), stdout: { write: () => true }, stderr: { write: () => true } },
        { maxInputBytes: 10 },
      );
      expect(await io.readText("-")).toEqual({
        _tag: "Left",
        left: "it is larger than the 10 bytes this command reads",
      });
      expect(pulled).toBe(3); // 4 + 4 + 4 = 12 > 10: stopped at the third chunk
    });

    test("the default is 16 MB, and the CLI's message names it", async () => {
      expect(MAX_INPUT_BYTES).toBe(16 * 1024 * 1024);
      const s = streams([], { maxInputBytes: 11 });
      const status = await runCli(["calculate", "--order", file, "--request", file], s.io);
      expect(status).toBe(2);
      const doc = JSON.parse(s.out.join("")) as { errors: { message: string }[] };
      expect(doc.errors.map((e) => e.message)).toEqual([
        `The order file "${file}" could not be read: it is larger than the 11 bytes this command reads.`,
        `The request file "${file}" could not be read: it is larger than the 11 bytes this command reads.`,
      ]);
      expect(s.err.join("")).toContain("larger than the 11 bytes");
    });
  });

  test("tables fit the terminal standard output is, and nothing else", () => {
    const write = () => true;
    const stdin = Readable.from([]);
    const tty = nodeIo({ stdin, stdout: { write, isTTY: true, columns: 100 }, stderr: { write } });
    const pipe = nodeIo({ stdin, stdout: { write, columns: 100 }, stderr: { write } });
    expect([tty.columns, pipe.columns]).toEqual([100, undefined]);
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
