import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { duplicateKeys, surelyNoDuplicateKeys } from "../../src/cli/duplicateKeys.js";

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

/** JSON text of `value` with objects written from entry lists, keys maybe repeated, and whitespace. */
type Written = null | boolean | number | string | Written[] | { entries: [string, Written][] };

const writtenArb: fc.Arbitrary<Written> = fc.letrec<{ value: Written }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, true, 1.5),
    fc.string({ unit: fc.constantFrom("a", ":", '"', "\\", " ", "é") }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.record({
      entries: fc.array(
        fc.tuple(
          fc.constantFrom("a", "b", ":", '"', "a:", '"a"', "__proto__", "\u0061"),
          tie("value"),
        ),
        { maxLength: 4 },
      ),
    }),
  ),
})).value;

const SPACES = ["", " ", "\n  ", "\t", "\r\n"];

function write(value: Written, space: number): string {
  const ws = SPACES[space % SPACES.length] as string;
  if (Array.isArray(value)) return `[${ws}${value.map((v) => write(v, space + 1)).join(`,${ws}`)}]`;
  if (typeof value === "object" && value !== null)
    return `{${ws}${value.entries
      .map(
        ([k, v], i) =>
          `${k === "\\u0061" ? '"\\u0061"' : JSON.stringify(k)}${SPACES[(space + i) % SPACES.length]}:${ws}${write(v, space + i)}`,
      )
      .join(`,${ws}`)}}`;
  return JSON.stringify(value);
}

describe("surelyNoDuplicateKeys: the count before the scan", () => {
  test("worked examples", () => {
    const cases: [string, boolean][] = [
      ['{"a": 1, "b": {"a": 2}}', true],
      ['{"a":1,"a":2}', false],
      ['{"a" :1, "b"\n: [{"c": {}}]}', true],
      // A colon after a quote inside a string: counted, so the scan decides (and finds nothing).
      ['{"a": ":x"}', false],
      ['{"a": "x\\":"}', false],
      // Colons elsewhere in strings are not counted.
      ['{"at": "2024-01-01T10:00:00Z", "gid": "gid://shopify/Order/1"}', true],
      ['{"currency":"USD","\\u0063urrency":"EUR"}', false],
      ['{"__proto__": 1, "__proto__": 2}', false],
      ['[1, "a", null]', true],
      ['"a:b"', true],
    ];
    for (const [text, expected] of cases)
      expect([text, surelyNoDuplicateKeys(text, JSON.parse(text))]).toEqual([text, expected]);
  });

  test("a 100000-deep array is left to the scan, not thrown", () => {
    const text = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(typeof surelyNoDuplicateKeys(text, JSON.parse(text))).toBe("boolean");
  });

  fcTest.prop([writtenArb, fc.nat()])(
    "says no key repeats only when the scan finds none",
    (value, space) => {
      const text = write(value, space);
      if (surelyNoDuplicateKeys(text, JSON.parse(text))) expect(duplicateKeys(text)).toEqual([]);
    },
  );

  fcTest.prop([fc.jsonValue()])(
    "JSON.stringify of a value without a colon in its strings needs no scan",
    (value) => {
      const colon = (v: unknown): boolean =>
        typeof v === "string"
          ? v.includes(":")
          : typeof v === "object" && v !== null
            ? Object.entries(v).some(([k, x]) => k.includes(":") || colon(x))
            : false;
      fc.pre(!colon(value));
      const text = JSON.stringify(value);
      expect(surelyNoDuplicateKeys(text, JSON.parse(text))).toBe(true);
    },
  );
});
