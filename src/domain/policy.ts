/**
 * Refund policies (§9.1): how components are prorated and rounded.
 *
 * @module
 */
import type { RoundingMode } from "../money/rounding.js";

/**
 * - `default`: cumulative proration, half away from zero (§3.1);
 * - `magento`: remaining over remaining, half away from zero;
 * - `shopify`: per-unit rounding times quantity, half away from zero;
 * - `bankers`: cumulative proration, half to even.
 * @category Policies
 */
export type PolicyName = "default" | "magento" | "shopify" | "bankers";

/** Every policy name, in the order of §9.1. @category Policies */
export const POLICY_NAMES: readonly PolicyName[] = ["default", "magento", "shopify", "bankers"];

/** How a policy rounds. @category Policies */
export function roundingOf(policy: PolicyName): RoundingMode {
  return policy === "bankers" ? "halfEven" : "halfAwayFromZero";
}
