import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { duplicateKeys } from "../../src/cli/duplicateKeys.js";

describe("duplicateKeys (issue 12: a key given twice is reported, not silently the last)", () => {
  test("the currency given twice at the root", () => {
    expect(duplicateKeys('{"currency":"USD","currency":"EUR"}')).toEqual(["currency"]);
  });

  test("paths into arrays and nested objects, in the order met", () => {
    const text =
      '{"lineItems":[{"id":"1"},{"id":"2","price":"1.00","price":"2.00"}],"x":{"a":{"b":1,"b":2}}}';
    expect(duplicateKeys(text)).toEqual(["lineItems[1].price", "x.a.b"]);
  });

  test("the same key in sibling objects is no duplicate; values equal to keys are not keys", () => {
    expect(duplicateKeys('[{"a":1},{"a":1},{"b":"a","c":["a","a"]}]')).toEqual([]);
    expect(duplicateKeys('{"a":{},"b":[],"c":{"a":1}}')).toEqual([]);
  });

  test("keys are compared decoded: \\u0063urrency is currency; quotes and backslashes in strings", () => {
    expect(duplicateKeys('{"currency":"USD","\\u0063urrency":"EUR"}')).toEqual(["currency"]);
    expect(duplicateKeys('{"a\\"b":"x\\\\","a\\"b":"y"}')).toEqual(['a"b']);
    expect(duplicateKeys('{"note":"\\"currency\\":1,","currency":"USD"}')).toEqual([]);
  });

  test("at most `limit` are reported", () => {
    const text = `{${Array.from({ length: 10 }, () => '"a":1').join(",")}}`;
    expect(duplicateKeys(text, 3)).toEqual(["a", "a", "a"]);
    expect(duplicateKeys(text)).toHaveLength(9);
  });

  test("a 100000-deep array is scanned without recursion", () => {
    expect(duplicateKeys(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toEqual([]);
  });

  fcTest.prop([fc.jsonValue()])("JSON.stringify never repeats a key: nothing found", (value) => {
    expect(duplicateKeys(JSON.stringify(value))).toEqual([]);
  });

  fcTest.prop([fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.nat()])(
    "a key written twice into any object is found at its path",
    (object, pick) => {
      const keys = Object.keys(object);
      const key = keys[pick % keys.length] as string;
      const body = JSON.stringify(object).slice(1, -1);
      const text = `{"outer":[${`{${body},${JSON.stringify(key)}:null}`}]}`;
      expect(duplicateKeys(text)).toEqual([`outer[0].${key}`]);
    },
  );
});
