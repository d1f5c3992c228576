import { describe, expect, test } from "vitest";
import { csvField } from "../../src/cli/auditFormats.js";

describe("csvField (RFC 4180, and no formulas in a spreadsheet)", () => {
  test.each([
    ["plain", "plain"],
    ["19.01", "19.01"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ['=cmd|"/c calc"', `"'=cmd|""/c calc"""`],
    ["", ""],
  ])("%j → %s", (field, written) => {
    expect(csvField(field)).toBe(written);
  });
});
