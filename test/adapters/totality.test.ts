/**
 * Adapters are total: any JSON value gives a value or errors, never a throw,
 * and every error of a malformed document has a path.
 */
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { fromMagentoOrder } from "../../src/adapters/magento/order.js";
import { fromMagentoRefundRequest } from "../../src/adapters/magento/refund.js";
import { fromShopifyOrder } from "../../src/adapters/shopify/order.js";
import { fromShopifyRefundRequest } from "../../src/adapters/shopify/refund.js";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
const magento = fromMagentoOrder(fixture("magento-order-5.json"));
if (E.isLeft(magento)) throw new Error("fixture");

describe("adapter totality", () => {
  test.prop([fc.jsonValue()])("any JSON value: Either, never a throw", (json) => {
    for (const f of [
      fromShopifyOrder,
      fromMagentoOrder,
      fromShopifyRefundRequest,
      (j: unknown) => fromMagentoRefundRequest(j, magento.right),
    ])
      expect(["Left", "Right"]).toContain(f(json)._tag);
  });

  const shopify = fixture("shopify-order-450789469.json")["order"] as Record<string, unknown>;
  const keys = Object.keys(shopify);
  test.prop([fc.constantFrom(...keys), fc.jsonValue()])(
    "replacing one field of the Shopify fixture gives the order or errors with a path",
    (key, value) => {
      const result = fromShopifyOrder({ ...shopify, [key]: value });
      if (E.isLeft(result))
        for (const e of result.left) {
          expect(["INVALID_INPUT", "INCONSISTENT_ORDER"]).toContain(e.code);
          // A problem with the replaced field is reported at that field (or inside it).
          if ("path" in e && e.path !== "" && !e.path.startsWith("refunds"))
            expect(e.path.split(/[.[]/)[0]).toBe(key);
        }
    },
  );
});
