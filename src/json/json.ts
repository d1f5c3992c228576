/**
 * Plain JSON values: what the decoders read and the encoders write.
 *
 * @module
 */
import type { InvalidInputError } from "../errors.js";

/**
 * Any value `JSON.parse` can return and `JSON.stringify` writes back
 * unchanged.
 *
 * @example
 * ```ts
 * import type { JsonValue } from "refund-core";
 * const amount: JsonValue = { shop: "10.00", presentment: "9.12" };
 * ```
 * @category Codecs
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/**
 * A JSON object, such as the encoded order or credit memo. Read its fields
 * with brackets: `encodeCreditMemo(memo)["total"]`.
 *
 * @example
 * ```ts
 * import type { JsonObject } from "refund-core";
 * const request: JsonObject = { lineItems: [{ lineItemId: "3", quantity: 1 }] };
 * ```
 * @category Codecs
 */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * What an encoder writes for a value it cannot encode (a JavaScript caller's
 * wrong type): the failure document of [§8](../../docs/specification.md#8-command-line), which no decoder takes for an
 * order, a memo or a request.
 * @internal
 */
export function failureDocument(error: InvalidInputError): JsonObject {
  return { ok: false, errors: [{ code: error.code, message: error.message, path: error.path }] };
}
