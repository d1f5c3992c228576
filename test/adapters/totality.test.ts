/**
 * Adapters are total: any JSON value gives a value or errors, never a throw,
 * and every error of a malformed document has a path.
 */
import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { toCanonicalRefundRequest } from "../../src/adapters/canonical/request.js";
import { toMagentoCreditMemo, toMagentoRefund } from "../../src/adapters/magento/emit.js";
import { fromMagentoOrder } from "../../src/adapters/magento/order.js";
import { fromMagentoRefundRequest } from "../../src/adapters/magento/refund.js";
import { PLATFORM_NAMES, PLATFORMS } from "../../src/adapters/platforms.js";
import {
  toShopifyRefund,
  toShopifyRefundCreateVariables,
} from "../../src/adapters/shopify/emit.js";
import { fromShopifyOrder } from "../../src/adapters/shopify/order.js";
import {
  fromShopifyRefundRequest,
  toShopifyCalculateResponse,
} from "../../src/adapters/shopify/refund.js";
import { wildMemo, wildOrder } from "../arbitraries/wild.js";
import { RUNS } from "../properties/support.js";

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

  /** Every reader of every platform, on a document and wrapped the ways readers unwrap. */
  test.prop([fc.jsonValue()], RUNS)(
    "every platform's readers and order sniffing, on any JSON: Either or a boolean, never a throw",
    (json) => {
      const shapes: unknown[] = [
        json,
        { order: json },
        { data: { order: json } },
        { input: json },
        { refund: json },
        { currencyCode: "USD", lineItems: json },
        {
          id: "gid://shopify/Order/1",
          currencyCode: "USD",
          lineItems: { edges: [json] },
          refunds: [json],
        },
      ];
      for (const doc of shapes)
        for (const name of PLATFORM_NAMES) {
          const platform = PLATFORMS[name];
          expect(["Left", "Right"]).toContain(platform.readOrder(doc)._tag);
          expect(["Left", "Right"]).toContain(platform.readRequest(doc, magento.right)._tag);
          expect(typeof platform.looksLikeOrder(doc)).toBe("boolean");
        }
    },
  );

  test.prop([wildMemo, wildOrder], RUNS)(
    "every writer, on any memo and order (even ones the engine never makes): Either or JSON, never a throw",
    (memo, order) => {
      for (const name of PLATFORM_NAMES)
        expect(["Left", "Right"]).toContain(PLATFORMS[name].emitRequest(memo, order)._tag);
      for (const write of [
        toShopifyRefund,
        toShopifyRefundCreateVariables,
        toMagentoRefund,
        toMagentoCreditMemo,
      ])
        expect(["Left", "Right"]).toContain(write(memo, order)._tag);
      expect(typeof toCanonicalRefundRequest(memo, order)).toBe("object");
      expect(typeof toShopifyCalculateResponse(memo)).toBe("object");
    },
  );

  const graphql = (
    fixture("shopify-graphql-order-450789469.json")["data"] as Record<
      string,
      Record<string, unknown>
    >
  )["order"] as Record<string, unknown>;
  test.prop([fc.constantFrom(...Object.keys(graphql)), fc.jsonValue()])(
    "replacing one field of the Shopify GraphQL fixture gives the order or errors at that GraphQL field",
    (key, value) => {
      const result = fromShopifyOrder({ data: { order: { ...graphql, [key]: value } } });
      if (E.isLeft(result))
        for (const e of result.left) {
          expect(["INVALID_INPUT", "INCONSISTENT_ORDER"]).toContain(e.code);
          if ("path" in e && e.path !== "" && !e.path.startsWith("refunds"))
            expect(e.path.split(/[.[]/)[0]).toBe(key);
        }
    },
  );

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
