/**
 * The Commerce Layer and 2Checkout entry points are total: any JSON value
 * (and hostile objects) gives a value or errors, never a throw, and a bad
 * field of a published document is reported at that field's platform path.
 */
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { fromTwoCheckoutOrder } from "../../src/adapters/2checkout/order.js";
import {
  fromTwoCheckoutRefundRequest,
  toTwoCheckoutRefundRequest,
} from "../../src/adapters/2checkout/refund.js";
import { fromCommerceLayerOrder } from "../../src/adapters/commercelayer/order.js";
import {
  fromCommerceLayerRefundRequest,
  toCommerceLayerRefundRequest,
} from "../../src/adapters/commercelayer/refund.js";
import { PLATFORMS } from "../../src/adapters/platforms.js";
import { wildMemo, wildOrder } from "../arbitraries/wild.js";
import { right } from "./results.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
const commerceLayer = fixture("commercelayer/order-NMWYhbGorj.json");
const twoCheckout = { ...fixture("2checkout/order-1234567.json"), Status: "COMPLETE" };
const clOrder = right(fromCommerceLayerOrder(commerceLayer));
const tcoOrder = right(fromTwoCheckoutOrder(twoCheckout));

const readers: readonly ((json: unknown) => E.Either<unknown, unknown>)[] = [
  fromCommerceLayerOrder,
  fromTwoCheckoutOrder,
  (j) => fromCommerceLayerRefundRequest(j, clOrder),
  (j) => fromTwoCheckoutRefundRequest(j, tcoOrder),
  PLATFORMS.commercelayer.readOrder,
  PLATFORMS["2checkout"].readOrder,
];

describe("Commerce Layer and 2Checkout totality", () => {
  test.prop([fc.jsonValue()])("any JSON value: Either, never a throw", (json) => {
    for (const read of readers) expect(["Left", "Right"]).toContain(read(json)._tag);
    for (const looks of [
      PLATFORMS.commercelayer.looksLikeOrder,
      PLATFORMS["2checkout"].looksLikeOrder,
    ])
      expect(typeof looks(json)).toBe("boolean");
  });

  test.prop([wildMemo, wildOrder])(
    "any memo and order: the writers answer, never throw",
    (memo, order) => {
      for (const emit of [toCommerceLayerRefundRequest, toTwoCheckoutRefundRequest])
        expect(["Left", "Right"]).toContain(emit(memo, order)._tag);
    },
  );

  it("objects that throw when read are INVALID_INPUT, not a throw", () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
        ownKeys: () => {
          throw new Error("boom");
        },
        getOwnPropertyDescriptor: () => {
          throw new Error("boom");
        },
        has: () => {
          throw new Error("boom");
        },
      },
    );
    for (const read of readers) expect(read(hostile)._tag).toBe("Left");
    for (const read of readers)
      expect(read({ data: hostile, included: [hostile] })._tag).toBe("Left");
    // Untyped callers may pass anything to the writers too.
    for (const emit of [toCommerceLayerRefundRequest, toTwoCheckoutRefundRequest]) {
      expect(emit(hostile as never, clOrder)._tag).toBe("Left");
      expect(emit({} as never, hostile as never)._tag).toBe("Left");
    }
  });

  const included = commerceLayer["included"] as { attributes: Record<string, unknown> }[];
  const lineIndex = 5; // a SKU line
  const lineKeys = Object.keys(included[lineIndex]?.attributes ?? {});
  test.prop([fc.constantFrom(...lineKeys), fc.jsonValue()])(
    "replacing one attribute of a Commerce Layer line gives the order or errors with a path",
    (key, value) => {
      const doc = structuredClone(commerceLayer);
      const line = (doc["included"] as { attributes: Record<string, unknown> }[])[lineIndex];
      if (line !== undefined) line.attributes[key] = value;
      const result = fromCommerceLayerOrder(doc);
      if (E.isLeft(result))
        for (const e of result.left) {
          expect(["INVALID_INPUT", "INCONSISTENT_ORDER"]).toContain(e.code);
          expect("path" in e && e.path.startsWith("included[")).toBe(true);
        }
    },
  );

  const orderKeys = Object.keys(twoCheckout);
  test.prop([fc.constantFrom(...orderKeys), fc.jsonValue()])(
    "replacing one field of the 2Checkout order gives the order or errors at that field",
    (key, value) => {
      const result = fromTwoCheckoutOrder({ ...twoCheckout, [key]: value });
      if (E.isLeft(result))
        for (const e of result.left) {
          expect(["INVALID_INPUT", "INCONSISTENT_ORDER"]).toContain(e.code);
          // Other items make the order's stated total (GrossDiscountedPrice) disagree with them.
          const allowed = key === "Items" ? [key, "GrossDiscountedPrice"] : [key];
          if ("path" in e && e.path !== "") expect(allowed).toContain(e.path.split(/[.[]/)[0]);
        }
    },
  );
});
