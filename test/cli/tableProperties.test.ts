/**
 * Invariants of the table for a person (issue 14): whatever the memo and
 * the terminal, every line fits and nothing of the memo's money is lost.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { printable } from "../../src/cli/printable.js";
import { renderCreditMemoTable } from "../../src/cli/table.js";
import { currencyForEncoding } from "../../src/json/amount.js";
import { formatMinorUnits } from "../../src/money/decimal.js";
import { currenciesArb } from "../arbitraries/money.js";
import { memoArb } from "../json/arbitraries.js";

const memoAndWidth = fc.tuple(
  currenciesArb.chain((c) => memoArb(c)),
  fc.integer({ min: 64, max: 200 }),
);

describe("renderCreditMemoTable fitted to a width", () => {
  test.prop([memoAndWidth])("every line fits the width", ([memo, width]) => {
    for (const line of renderCreditMemoTable(memo, { width }).split("\n")) {
      expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  test.prop([memoAndWidth])(
    "every line's total and every transaction's amount is shown, in presentment money",
    ([memo, width]) => {
      const text = renderCreditMemoTable(memo, { width });
      const p = currencyForEncoding(memo.presentmentCurrency);
      for (const line of memo.lineItems)
        expect(text).toContain(formatMinorUnits(line.total.presentment, p));
      for (const t of memo.transactions)
        expect(text).toContain(formatMinorUnits(t.amount.presentment, p));
      expect(text).toContain(formatMinorUnits(memo.total.presentment, p));
    },
  );
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: none may be left.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

describe("printable", () => {
  test.prop([fc.string({ unit: "binary" })])(
    "leaves no control or invisible formatting character",
    (s) => {
      expect(printable(s)).not.toMatch(UNSAFE);
    },
  );
  test.prop([fc.string({ unit: "binary" })])(
    "is idempotent: escaped text is safe text, left as it is",
    (s) => {
      expect(printable(printable(s))).toBe(printable(s));
    },
  );
  test.prop([fc.string({ unit: "grapheme" })])("keeps printable text as it is", (s) => {
    const visible = s.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, "");
    expect(printable(visible)).toBe(visible);
  });
});
