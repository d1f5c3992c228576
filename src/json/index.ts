/**
 * The JSON boundary: codecs between the JSON formats of the specification
 * (§2 order, §4 refund request, §6 credit memo) and the domain values. The
 * core only ever sees values these decoders produced.
 *
 * @module
 */
export { decodeCreditMemo, encodeCreditMemo } from "./creditMemo.js";
export type { JsonObject, JsonValue } from "./json.js";
export { decodeOrder, encodeOrder } from "./order.js";
export { decodeRefundRequest, encodeRefundRequest } from "./refundRequest.js";
export type * from "./wire.js";
