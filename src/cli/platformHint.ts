/**
 * Which `--platform` a document looks like, for a hint when it was read as
 * another platform's (§10; `looksLikeOrder` of `src/adapters/platforms.ts`).
 *
 * @module
 */
import { PLATFORM_NAMES, PLATFORMS, type PlatformName } from "../adapters/platforms.js";
import { type RefundError, refundErrors } from "../errors.js";

/**
 * The platform whose order `json` looks like, when it does not look like
 * one of `read` (the platform it was read as).
 *
 * @param json - the order document that could not be read.
 * @param read - the platform it was read as.
 * @returns the other platform's name, or `undefined`.
 * @example
 * ```ts
 * likelyPlatform({ line_items: [] }, "canonical"); // "shopify"
 * ```
 * @category CLI
 */
export function likelyPlatform(json: unknown, read: PlatformName): PlatformName | undefined {
  try {
    if (PLATFORMS[read].looksLikeOrder(json)) return undefined;
    return PLATFORM_NAMES.find((name) => name !== read && PLATFORMS[name].looksLikeOrder(json));
  } catch {
    return undefined;
  }
}

/**
 * The hint as an error at the document's root: "The input looks like a
 * shopify order; run with --platform shopify to read it."
 *
 * @param platform - the platform the document looks like.
 * @internal
 */
export function platformHintError(platform: PlatformName): RefundError {
  return refundErrors.invalidInput(
    "",
    `looks like a ${platform} order; run with --platform ${platform} to read it`,
  );
}
