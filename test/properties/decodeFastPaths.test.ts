/**
 * The decode path's shortcuts (issue 15) against plain references:
 * `parseDecimal`'s one-pass reader against the regular expression it
 * replaces, and `runDecoder`'s probe (a first pass without contexts) against
 * what the second pass must report — every broken value, at its own path.
 */
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { decodeOrder } from "../../src/index.js";
import { encodeOrder } from "../../src/json/order.js";
import { parseDecimal } from "../../src/money/decimal.js";
import { orderArb } from "../arbitraries/order.js";
import { pathOf } from "../json/helpers.js";
import { RUNS } from "./support.js";

/** The reader before issue 15: the shape by regular expression, the digits through a string. */
function referenceParseDecimal(text: string) {
  if (text.length > 64) return undefined;
  const match = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/.exec(text);
  if (match === null) return undefined;
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  return { coefficient: BigInt(whole + fraction), scale: fraction.length };
}

/** Text made mostly of digits and points, with a few characters that break the shape. */
const decimalLikeArb = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."0123456789."), maxLength: 24 }),
  fc.string({ unit: fc.constantFrom(..."00123456789.-+e ,"), maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 14, maxLength: 70 }),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.nat({ max: 20 })).map(([n, scale]) => {
    const digits = n.toString().padStart(scale + 1, "0");
    return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }),
);

describe("parseDecimal", () => {
  test.prop([decimalLikeArb], { numRuns: 2000 })(
    "reads exactly what the regular expression read",
    (text) => {
      expect(parseDecimal(text)).toEqual(referenceParseDecimal(text));
    },
  );

  test("15 and 16 digits, either side of the double's exact range", () => {
    // 999999999999999 < 2^53 is read through a double; 16 digits through the text.
    expect(parseDecimal("9999999999999.99")).toEqual({ coefficient: 999999999999999n, scale: 2 });
    expect(parseDecimal("99999999999999.99")).toEqual({ coefficient: 9999999999999999n, scale: 2 });
    expect(parseDecimal("9007199254740993")).toEqual({ coefficient: 9007199254740993n, scale: 0 });
  });
});

describe("runDecoder's probe", () => {
  test.prop(
    [orderArb({ oddIds: false }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 })],
    RUNS,
  )(
    "an order with broken amounts reports each of them at its own path, whatever the probe saw first",
    (order, picks) => {
      const json = JSON.parse(JSON.stringify(encodeOrder(order))) as {
        lineItems: Record<string, unknown>[];
        invoices: Record<string, unknown>[];
      };
      const places = [
        ...json.lineItems.map((line, i) => ({ at: line, path: `lineItems[${i}].price` })),
        ...json.invoices.map((invoice, i) => ({ at: invoice, path: `invoices[${i}].amount` })),
      ];
      fc.pre(places.length > 0);
      // Only an order JSON can carry (every amount within §1's 10^18 minor units, which the
      // generator's huge orders can pass): its only problems are then the ones made here.
      fc.pre(E.isRight(decodeOrder(JSON.parse(JSON.stringify(json)))));
      const broken = new Set<string>();
      for (const pick of picks) {
        const place = places[pick % places.length];
        if (place === undefined) continue;
        place.at[place.path.endsWith("price") ? "price" : "amount"] = "1.2.3";
        broken.add(place.path);
      }
      const decoded = decodeOrder(json);
      expect(E.isLeft(decoded)).toBe(true);
      if (E.isLeft(decoded)) {
        expect(new Set(decoded.left.map(pathOf))).toEqual(broken);
        expect(decoded.left.every((e) => e.code === "INVALID_INPUT")).toBe(true);
      }
    },
  );
});
