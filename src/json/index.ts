/**
 * The JSON boundary: codecs between the JSON formats of the specification
 * ([§2](../../docs/specification.md#2-order) order, [§4](../../docs/specification.md#4-refund-request) refund request, [§6](../../docs/specification.md#6-credit-memo) credit memo) and the domain values. The
 * core only ever sees values these decoders produced.
 *
 * @module
 */
export { decodeCreditMemo, encodeCreditMemo } from "./creditMemo.js";
export type { JsonObject, JsonValue } from "./json.js";
export { decodeOrder, encodeOrder } from "./order.js";
export { decodeRefundRequest, encodeRefundRequest } from "./refundRequest.js";
export type * from "./wire.js";
