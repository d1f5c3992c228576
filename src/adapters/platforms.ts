/**
 * The platforms refund-core meets in their own JSON ([§10](../../docs/specification.md#10-platforms-v2)), by name: for each,
 * how its order and refund request are read, which policy it follows, and
 * how a credit memo becomes the request that platform accepts.
 *
 * The CLI's `--platform` and `--emit` and the audit's `--platform` go
 * through this table only; each platform's code lives in its own folder
 * (`src/adapters/<platform>/`).
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { CreditMemo } from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import type { PolicyName } from "../domain/policy.js";
import type { RefundRequest } from "../domain/refundRequest.js";
import type { RefundError } from "../errors.js";
import type { JsonValue } from "../json/json.js";
import { decodeOrder } from "../json/order.js";
import { decodeRefundRequest } from "../json/refundRequest.js";
import { fromTwoCheckoutOrder } from "./2checkout/order.js";
import { fromTwoCheckoutRefundRequest, toTwoCheckoutRefundRequest } from "./2checkout/refund.js";
import { toCanonicalRefundRequest } from "./canonical/request.js";
import { fromCommerceLayerOrder } from "./commercelayer/order.js";
import {
  fromCommerceLayerRefundRequest,
  toCommerceLayerRefundRequest,
} from "./commercelayer/refund.js";
import { toMagentoRefund } from "./magento/emit.js";
import { fromMagentoOrder } from "./magento/order.js";
import { fromMagentoRefundRequest } from "./magento/refund.js";
import { writerArgumentsError } from "./memoRequest.js";
import { toShopifyRefund } from "./shopify/emit.js";
import { fromShopifyOrder, looksLikeShopifyOrder } from "./shopify/order.js";
import { fromShopifyRefundRequest } from "./shopify/refund.js";

/**
 * A platform's name on the CLI and in the API ([§10](../../docs/specification.md#10-platforms-v2)); `canonical` is
 * refund-core's own format.
 * @category Adapters
 */
export type PlatformName = "canonical" | "shopify" | "magento" | "commercelayer" | "2checkout";

/** Every platform name, canonical first. @category Adapters */
export const PLATFORM_NAMES: readonly PlatformName[] = [
  "canonical",
  "shopify",
  "magento",
  "commercelayer",
  "2checkout",
];

/** What reading or writing a platform's JSON gives: the value, or every problem found. @category Adapters */
export type PlatformResult<A> = E.Either<NonEmptyArray<RefundError>, A>;

/**
 * One platform: its readers, its policy and its writer. Every function is
 * total: it returns errors (at the platform's own paths) and never throws.
 * @category Adapters
 */
export interface PlatformAdapter {
  /** The platform's name, as in {@link PLATFORMS}. */
  readonly name: PlatformName;
  /** The policy ([§9.1](../../docs/specification.md#91-policies)) that reproduces the platform's own numbers; the CLI's default with `--platform`. */
  readonly policy: PolicyName;
  /** The platform's order document → an order. */
  readonly readOrder: (json: unknown) => PlatformResult<Order>;
  /** The platform's refund request document, read against the order it refunds → a request. */
  readonly readRequest: (json: unknown, order: Order) => PlatformResult<RefundRequest>;
  /** A computed credit memo of `order` → the request to send to the platform to carry it out. */
  readonly emitRequest: (memo: CreditMemo, order: Order) => PlatformResult<JsonValue>;
  /** Whether a JSON document looks like this platform's order (for hints on a wrong `--platform`). */
  readonly looksLikeOrder: (json: unknown) => boolean;
}

function objectWith(json: unknown, ...keys: readonly string[]): boolean {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  const inner = (json as Record<string, unknown>)["order"];
  const o =
    typeof inner === "object" && inner !== null && !Array.isArray(inner)
      ? (inner as Record<string, unknown>)
      : (json as Record<string, unknown>);
  return keys.every((k) => Object.hasOwn(o, k));
}

/** A JSON:API document whose primary data is an order (Commerce Layer). */
function isJsonApiOrder(json: unknown): boolean {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  const data = Object.hasOwn(json, "data") ? (json as { data: unknown }).data : undefined;
  return (
    typeof data === "object" &&
    data !== null &&
    !Array.isArray(data) &&
    Object.hasOwn(data, "type") &&
    (data as { type: unknown }).type === "orders"
  );
}

/**
 * A guess that is never a throw: a value whose getters or Proxy traps throw
 * looks like no platform's order (issue 12: the exported surface is total).
 */
function guess(looks: (json: unknown) => boolean): (json: unknown) => boolean {
  return (json) => {
    try {
      return looks(json);
    } catch {
      return false;
    }
  };
}

/**
 * The platforms by name. `canonical` reads [§2](../../docs/specification.md#2-order)/[§4](../../docs/specification.md#4-refund-request) JSON and writes the [§4](../../docs/specification.md#4-refund-request)
 * request that reproduces a memo ({@link toCanonicalRefundRequest});
 * `shopify` reads the REST or GraphQL Admin order and the REST or GraphQL
 * refund request, and writes the REST `refunds.json` body
 * ({@link toShopifyRefund}; GraphQL: {@link toShopifyRefundCreateVariables});
 * `magento` reads the order entity and the order or invoice refund body, and
 * writes that body ({@link toMagentoRefund}; the entity:
 * {@link toMagentoCreditMemo}). Every `emitRequest` takes the order the memo
 * was computed on (or the order `applyRefund` returned with it).
 * @category Adapters
 */
export const PLATFORMS: Readonly<Record<PlatformName, PlatformAdapter>> = {
  canonical: {
    name: "canonical",
    policy: "default",
    readOrder: decodeOrder,
    readRequest: (json) => decodeRefundRequest(json),
    emitRequest: (memo, order) => {
      const invalid = writerArgumentsError(memo, order);
      return invalid === undefined
        ? E.right(toCanonicalRefundRequest(memo, order))
        : E.left([invalid]);
    },
    looksLikeOrder: guess((json) => objectWith(json, "id", "currency", "lineItems")),
  },
  shopify: {
    name: "shopify",
    policy: "shopify",
    readOrder: fromShopifyOrder,
    readRequest: (json, order) => fromShopifyRefundRequest(json, order),
    emitRequest: toShopifyRefund,
    looksLikeOrder: guess((json) => objectWith(json, "line_items") || looksLikeShopifyOrder(json)),
  },
  magento: {
    name: "magento",
    policy: "magento",
    readOrder: fromMagentoOrder,
    readRequest: (json, order) => fromMagentoRefundRequest(json, order),
    emitRequest: toMagentoRefund,
    looksLikeOrder: guess((json) => objectWith(json, "items", "entity_id")),
  },
  commercelayer: {
    name: "commercelayer",
    policy: "default",
    readOrder: fromCommerceLayerOrder,
    readRequest: fromCommerceLayerRefundRequest,
    emitRequest: toCommerceLayerRefundRequest,
    looksLikeOrder: guess(isJsonApiOrder),
  },
  "2checkout": {
    name: "2checkout",
    policy: "default",
    readOrder: fromTwoCheckoutOrder,
    readRequest: fromTwoCheckoutRefundRequest,
    emitRequest: toTwoCheckoutRefundRequest,
    looksLikeOrder: guess(
      (json) =>
        objectWith(json, "RefNo", "Items") ||
        (typeof json === "object" &&
          json !== null &&
          Object.hasOwn(json, "result") &&
          objectWith((json as { result: unknown }).result, "RefNo", "Items")),
    ),
  },
};
