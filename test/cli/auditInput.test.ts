import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { DocumentSplitter, type InputLine, LineSplitter } from "../../src/cli/auditInput.js";

const bytes = (text: string) => Buffer.from(text);

describe("LineSplitter: bytes → lines, each checked (issue 12)", () => {
  test("splits on \\n, drops a \\r before it, keeps the last line without a newline", () => {
    const s = new LineSplitter(100);
    expect(s.push(bytes('{"a":1}\r\n{"b"'))).toEqual(['{"a":1}']);
    expect(s.push(bytes(":2}\n\n{}"))).toEqual(['{"b":2}', ""]);
    expect(s.end()).toEqual(["{}"]);
    expect(s.bytes).toBe(20); // 7 + 2 + 4, then 3 + 1 + 1 + 2
  });

  test("a character split across chunks is whole", () => {
    const s = new LineSplitter(100);
    const e = bytes("é\n");
    expect([...s.push(e.subarray(0, 1)), ...s.push(e.subarray(1))]).toEqual(["é"]);
  });

  test("a line that is not UTF-8 is its problem; the lines around it are read", () => {
    const s = new LineSplitter(100);
    const latin1 = Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a]); // {"é"} in Latin-1
    expect([...s.push(bytes("{}\n")), ...s.push(latin1), ...s.push(bytes("[]\n"))]).toEqual([
      "{}",
      { problem: "is not UTF-8 text" },
      "[]",
    ]);
  });

  test("a line over the limit is its problem, and is not kept (limit 8 bytes)", () => {
    const s = new LineSplitter(8);
    expect(s.push(bytes("12345678\n123456789"))).toEqual(["12345678"]);
    expect(s.push(bytes("0123456789"))).toEqual([]);
    expect(s.push(bytes("\nok\n"))).toEqual([
      { problem: "is larger than the 8 bytes this command reads" },
      "ok",
    ]);
    expect(s.end()).toEqual([]);
  });

  fcTest.prop([
    fc.array(fc.string({ unit: "grapheme" }).filter((l) => !/[\r\n]/.test(l))),
    fc.nat(40),
  ])("any UTF-8 lines in any chunks come back as they were", (lines, size) => {
    const all = bytes(lines.map((l) => `${l}\n`).join(""));
    const s = new LineSplitter(1_000_000);
    const out: InputLine[] = [];
    const step = size + 1;
    for (let i = 0; i < all.length; i += step) out.push(...s.push(all.subarray(i, i + step)));
    out.push(...s.end());
    expect(out).toEqual(lines);
  });
});

function split(lines: readonly InputLine[], max?: number) {
  const s = new DocumentSplitter(max);
  return [...lines.flatMap((l, i) => s.push(l, i + 1)), ...s.end()];
}

describe("DocumentSplitter: a bad line never swallows the file (issue 12, §9.2)", () => {
  test("a first line that is no JSON and no document is a document of its own; the rest are read", () => {
    expect(split(["garbage", '{"id":"1"}', '{"id":"2"}'])).toEqual([
      { text: "garbage", line: 1 },
      { text: '{"id":"1"}', line: 2 },
      { text: '{"id":"2"}', line: 3 },
    ]);
  });

  test("a cut-short first order ends where the next starts in the first column", () => {
    expect(split(['{"id":"1","lineItems":[', '{"id":"2"}', '{"id":"3"}'])).toEqual([
      { text: '{"id":"1","lineItems":[', line: 1 },
      { text: '{"id":"2"}', line: 2 },
      { text: '{"id":"3"}', line: 3 },
    ]);
  });

  test("pretty-printed orders one after another, brackets in strings ignored", () => {
    const docs = split([
      "{",
      '  "id": "{[1",',
      '  "x": [1, {"y": "}"}]',
      "}",
      "{",
      '  "id": "2"',
      "}",
    ]);
    expect(docs).toEqual([
      { text: '{\n  "id": "{[1",\n  "x": [1, {"y": "}"}]\n}', line: 1 },
      { text: '{\n  "id": "2"\n}', line: 5 },
    ]);
    expect(docs.map((d) => JSON.parse(d.text).id)).toEqual(["{[1", "2"]);
  });

  test("a line that is no text is an error document; a pretty document it breaks is cut there", () => {
    const problem = { problem: "is not UTF-8 text" };
    expect(split(['{"id":"1"}', problem, '{"id":"2"}'])).toEqual([
      { text: '{"id":"1"}', line: 1 },
      { text: "", line: 2, problem: "is not UTF-8 text" },
      { text: '{"id":"2"}', line: 3 },
    ]);
    expect(split(["{", '  "id": "1",', problem, "}"])).toEqual([
      { text: '{\n  "id": "1",', line: 1 },
      { text: "", line: 3, problem: "is not UTF-8 text" },
      { text: "}", line: 4 },
    ]);
  });

  test("a pretty document longer than the limit is a problem, not kept (limit 10 characters)", () => {
    expect(split(["{", '  "id": "12345678"', "}", '{"id":"2"}'], 10)).toEqual([
      {
        text: "",
        line: 1,
        problem: "starts a document that is larger than the 10 bytes this command reads",
      },
      { text: '{"id":"2"}', line: 4 },
    ]);
  });

  test("a byte order mark on the first line only is dropped", () => {
    expect(split(['\uFEFF{"id":"1"}'])).toEqual([{ text: '{"id":"1"}', line: 1 }]);
  });
});
