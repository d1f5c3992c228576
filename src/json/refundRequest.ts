/**
 * The refund request in JSON ([§4](../../docs/specification.md#4-refund-request)).
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type {
  RefundLineRequest,
  RefundRequest,
  ShippingRequest,
  TransactionRequest,
} from "../domain/refundRequest.js";
import { requestShapeError } from "../domain/shapes.js";
import type { RefundError } from "../errors.js";
import { currencyCode, decimalAmount } from "./amount.js";
import type { Codec, FieldProblem } from "./codec.js";
import {
  array,
  boolean,
  guarded,
  id,
  number,
  optional,
  ownField,
  runDecoder,
  string,
  struct,
  withDefault,
} from "./codec.js";
import { restockType } from "./creditMemo.js";
import { failureDocument } from "./json.js";
import type { RefundRequestJson } from "./wire.js";

const absent = (u: unknown): boolean => u === undefined || u === null;

const lineRequest: Codec<RefundLineRequest> = struct(
  'a line to refund (a JSON object such as {"lineItemId": "3", "quantity": 1})',
  {
    lineItemId: optional(id),
    sku: optional(id),
    quantity: optional(number),
    amount: optional(decimalAmount),
    restock: withDefault(restockType, "no_restock"),
    locationId: optional(string),
  },
  (_, raw): FieldProblem[] => [
    ...(absent(ownField(raw, "lineItemId")) && absent(ownField(raw, "sku"))
      ? [{ field: "", problem: 'must name the item to refund with "lineItemId" or "sku"' }]
      : []),
    // §3.9: units, money against the line, or both — at least one of them.
    ...(absent(ownField(raw, "quantity")) && absent(ownField(raw, "amount"))
      ? [
          {
            field: "quantity",
            problem: 'is required unless the line gives an "amount"; it must be a number such as 1',
          },
        ]
      : []),
  ],
);

const shippingRequest: Codec<ShippingRequest> = struct(
  'the shipping to refund (a JSON object such as {"fullRefund": true} or {"amount": "2.00"})',
  {
    fullRefund: withDefault(boolean, false),
    amount: optional(decimalAmount),
  },
);

const transactionRequest: Codec<TransactionRequest> = struct(
  'a payout (a JSON object such as {"invoiceId": "inv-1", "amount": "10.00"})',
  {
    invoiceId: id,
    amount: decimalAmount,
  },
);

/**
 * An idempotency key: a non-empty string, since it becomes the memo's id
 * ([§6](../../docs/specification.md#6-credit-memo)) and an empty memo id does not decode (issue 12, finding 7).
 */
const idempotencyKey: Codec<string> = guarded(
  'a non-empty string such as "rma-77"',
  (u): u is string => typeof u === "string" && u !== "",
  () => `must be a non-empty string such as "rma-77": it becomes the credit memo's id`,
);

const refundRequest: Codec<RefundRequest> = struct(
  'a refund request (a JSON object such as {"lineItems": [{"lineItemId": "3", "quantity": 1}]})',
  {
    lineItems: withDefault(array(lineRequest, "a list of lines to refund"), []),
    shipping: optional(shippingRequest),
    refundDuties: withDefault(boolean, false),
    adjustmentPositive: optional(decimalAmount),
    adjustmentNegative: optional(decimalAmount),
    amount: optional(decimalAmount),
    full: withDefault(boolean, false),
    currency: optional(currencyCode),
    invoiceId: optional(id),
    transactions: optional(array(transactionRequest, "a list of payouts")),
    reason: optional(string),
    note: optional(string),
    notify: withDefault(boolean, false),
    idempotencyKey: optional(idempotencyKey),
  },
);

/**
 * Reads a refund request in the JSON format of [§4](../../docs/specification.md#4-refund-request).
 *
 * Every field is optional: `lineItems` defaults to empty, `restock` to
 * `"no_restock"`, `refundDuties`, `full` and `notify` to `false`. Free amounts
 * (`shipping.amount`, `adjustmentPositive`, `adjustmentNegative`, `amount`,
 * `transactions[].amount`) stay exact decimals: their currency is only known
 * against the order, where the engine converts them; so does a line's
 * `amount` ([§3.9](../../docs/specification.md#39-line-amounts-v2)). A line needs `quantity`, `amount` or both; its `quantity` may
 * be any JSON number (the engine reports `INVALID_QUANTITY`); cross-field
 * rules (`full` with lines, `invoiceId` with `transactions`, an ambiguous
 * `sku`) are the engine's too. Unknown keys are ignored, `null` counts as
 * absent.
 *
 * @param json - any value, typically from `JSON.parse`.
 * @returns the request, or every problem found as `INVALID_INPUT` with the
 * JSON path of the value (`lineItems[0]`, `shipping.amount`). Never throws.
 * @example
 * ```ts
 * import { decodeRefundRequest } from "refund-core";
 * const request = decodeRefundRequest({
 *   lineItems: [{ lineItemId: "3", quantity: 1, restock: "return", locationId: "wh-1" }],
 *   shipping: { amount: "0" },
 * });
 * request; // => { _tag: "Right", right: { lineItems: [{ lineItemId: "3", quantity: 1, restock: "return", locationId: "wh-1" }], shipping: { fullRefund: false, amount: { coefficient: 0n, scale: 0 } }, refundDuties: false, full: false, notify: false } }
 * const bad = decodeRefundRequest({ lineItems: [{ quantity: 1 }] });
 * bad._tag === "Left" ? bad.left[0]?.message : undefined; // => 'The value at lineItems[0] must name the item to refund with "lineItemId" or "sku".'
 * ```
 * @category Codecs
 */
export function decodeRefundRequest(
  json: unknown,
): Either<NonEmptyArray<RefundError>, RefundRequest> {
  return runDecoder(refundRequest, json);
}

/**
 * Writes a refund request as the plain JSON of [§4](../../docs/specification.md#4-refund-request), with every default
 * written out and free amounts as decimal strings with the digits they were
 * given (`"2.5"` stays `"2.5"`). Useful to record what was asked, for audits.
 * `decodeRefundRequest(encodeRefundRequest(request))` gives back `request`.
 *
 * @param request - a refund request.
 * @returns a JSON object ready for `JSON.stringify`; for a value that is not
 * a refund request, the failure document of [§8](../../docs/specification.md#8-command-line) (see {@link encodeOrder}).
 * @example
 * ```ts
 * import { decodeRefundRequest, encodeRefundRequest } from "refund-core";
 * const decoded = decodeRefundRequest({ amount: "2.5", currency: "EUR" });
 * if (decoded._tag === "Right") {
 *   encodeRefundRequest(decoded.right); // => { lineItems: [], refundDuties: false, amount: "2.5", full: false, currency: "EUR", notify: false }
 * }
 * ```
 * @category Codecs
 */
export function encodeRefundRequest(request: RefundRequest): RefundRequestJson {
  const invalid = requestShapeError(request);
  if (invalid !== undefined) return failureDocument(invalid) as unknown as RefundRequestJson;
  return refundRequest.encode(request) as unknown as RefundRequestJson;
}
