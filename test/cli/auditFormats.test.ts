import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { auditJsonLine, csvField } from "../../src/cli/auditFormats.js";
import type { AuditLine } from "../../src/cli/auditReport.js";

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

describe("auditJsonLine: JSON.stringify's text, an order with no finding written directly", () => {
  const clean = (orderId: string | null, refunds: number): AuditLine => ({
    orderId,
    refunds,
    discrepancies: [],
    rejected: [],
    errors: [],
  });

  test("worked examples", () => {
    expect(auditJsonLine(clean("7", 2))).toBe(
      '{"orderId":"7","refunds":2,"discrepancies":[],"rejected":[],"errors":[]}\n',
    );
    expect(auditJsonLine(clean('a"b\\\u2028é', 0))).toBe(
      `${JSON.stringify(clean('a"b\\\u2028é', 0))}\n`,
    );
  });

  fcTest.prop([
    fc.string({ unit: "binary" }),
    fc.nat(),
    fc.option(fc.nat(), { nil: undefined }),
    fc.boolean(),
    fc.constantFrom("7", null),
  ])("is JSON.stringify's line for any line", (orderId, refunds, line, findings, id) => {
    const base = clean(id === null ? id : orderId, refunds);
    const withFindings: AuditLine = findings
      ? {
          ...base,
          discrepancies: [
            {
              refundId: "r",
              path: "total",
              currency: "USD",
              recorded: "1.00",
              expected: "2.00",
              explainedBy: null,
            },
          ],
        }
      : base;
    const value: AuditLine = line === undefined ? withFindings : { ...withFindings, line };
    expect(auditJsonLine(value)).toBe(`${JSON.stringify(value)}\n`);
  });
});
