/**
 * A Shopify refund line item, the fields a refund request and a recorded
 * refund share, and how its `restock_type` reads.
 *
 * @module
 */
import type { RestockType } from "../../domain/creditMemo.js";
import { integer, oneOf, optional, withDefault } from "../../json/codec.js";
import { platformId } from "../platformCodecs.js";

/** `line_item_id`, `quantity`, `restock_type` (default `no_restock`) and `location_id`. */
export const refundLineItemFields = {
  line_item_id: platformId,
  quantity: integer(0),
  restock_type: withDefault(
    oneOf(["no_restock", "cancel", "return", "legacy_restock"] as const),
    "no_restock",
  ),
  location_id: optional(platformId),
};

/** Shopify's `restock_type` as ours: `legacy_restock` reads as `return`. */
export function restockOf(r: "no_restock" | "cancel" | "return" | "legacy_restock"): RestockType {
  return r === "legacy_restock" ? "return" : r;
}
