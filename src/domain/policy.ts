/**
 * Refund policies ([§9.1](../../docs/specification.md#91-policies)): how components are prorated and rounded.
 *
 * @module
 */
import type { RoundingMode } from "../money/rounding.js";

/**
 * A refund policy ([§9.1](../../docs/specification.md#91-policies)): how stored amounts are prorated and rounded. Pass
 * it as the last argument of {@link calculate} or {@link applyRefund}.
 * - `default`: cumulative proration, half away from zero ([§3.1](../../docs/specification.md#31-proration));
 * - `magento`: remaining over remaining, half away from zero;
 * - `shopify`: per-unit rounding times quantity, half away from zero
 *   (shipping tax cumulative);
 * - `bankers`: cumulative proration, half to even.
 *
 * A 0.05 discount on 3 units refunded one at a time gives 0.02, 0.01, 0.02
 * by `default` and 0.02, 0.02, 0.01 by `magento`.
 *
 * @example
 * ```ts
 * import { applyRefund, decodeOrder, decodeRefundRequest, encodeCreditMemo, type PolicyName } from "refund-core";
 *
 * const order = decodeOrder({
 *   id: "1", currency: "USD",
 *   lineItems: [{ id: "a", quantity: 3, price: "1.00", discountAllocations: [{ amount: "0.05" }] }],
 *   invoices: [{ id: "i", amount: "2.95", online: true }],
 * });
 * const one = decodeRefundRequest({ lineItems: [{ lineItemId: "a", quantity: 1 }] });
 * if (order._tag === "Left" || one._tag === "Left") throw new Error();
 *
 * const discounts = (policy: PolicyName): string[] => {
 *   let current = order.right;
 *   const out: string[] = [];
 *   for (let i = 0; i < 3; i++) {
 *     const applied = applyRefund(current, one.right, policy);
 *     if (applied._tag === "Left") throw new Error(applied.left[0].message);
 *     out.push(String(encodeCreditMemo(applied.right.creditMemo)["discount"]));
 *     current = applied.right.order;
 *   }
 *   return out;
 * };
 * discounts("default"); // => ["0.02", "0.01", "0.02"]
 * discounts("magento"); // => ["0.02", "0.02", "0.01"]
 * ```
 * @category Policies
 */
export type PolicyName = "default" | "magento" | "shopify" | "bankers";

/**
 * Every policy name, in the order of [§9.1](../../docs/specification.md#91-policies): for menus, CLI options and audits
 * that try each policy.
 *
 * @example
 * ```ts
 * import { POLICY_NAMES } from "refund-core";
 * POLICY_NAMES; // => ["default", "magento", "shopify", "bankers"]
 * ```
 * @category Policies
 */
export const POLICY_NAMES: readonly PolicyName[] = ["default", "magento", "shopify", "bankers"];

/** How a policy rounds. @category Policies */
export function roundingOf(policy: PolicyName): RoundingMode {
  return policy === "bankers" ? "halfEven" : "halfAwayFromZero";
}
