/**
 * Commerce Layer refunds, both ways. A refund there is money returned from
 * one capture: `PATCH /api/captures/{id}` with `_refund: true` and
 * `_refund_amount_cents` (the capture's whole `refund_balance_cents` when
 * the amount is left out), with no line breakdown. So a request reads as an
 * amount-only refund ([§3.4](../../../docs/specification.md#34-adjustments-and-amount-only-refunds)) against that capture as an online invoice
 * ([§3.7](../../../docs/specification.md#37-money-out-transactions)), and a credit memo is carried out by one such request per
 * transaction.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { CreditMemo } from "../../domain/creditMemo.js";
import { isMultiCurrency, type Order } from "../../domain/order.js";
import type { RefundRequest, TransactionRequest } from "../../domain/refundRequest.js";
import { type RefundError, refundErrors } from "../../errors.js";
import { boolean, optional, runDecoder, string, struct, withDefault } from "../../json/codec.js";
import type { JsonObject, JsonValue } from "../../json/json.js";
import { findCurrency } from "../../money/currency.js";
import { invoiceMoneyLeft } from "../../order/moneyLeft.js";
import { readRefundHistory } from "../../order/refundHistory.js";
import { guarded } from "../guarded.js";
import { decimalOfMinor, platformId } from "../platformCodecs.js";
import { at, cents, toOne } from "./jsonApi.js";

const captureRefund = struct("a Commerce Layer capture refund", {
  type: string,
  id: platformId,
  attributes: struct("the refund attributes", {
    _refund: withDefault(boolean, false),
    _refund_amount_cents: optional(cents),
  }),
});

const refundCreate = struct("a Commerce Layer refund", {
  type: string,
  attributes: withDefault(struct("the refund attributes", { amount_cents: optional(cents) }), {}),
  relationships: struct("the refund relationships", { reference_capture: toOne }),
});

/** One refund to make: from which capture, how much (undefined: the whole balance). */
interface CaptureAsk {
  readonly captureId: string;
  readonly cents: bigint | undefined;
  readonly path: string;
}

function askOf(data: unknown, path: string): E.Either<NonEmptyArray<RefundError>, CaptureAsk> {
  const type =
    typeof data === "object" && data !== null && !Array.isArray(data)
      ? (data as { type?: unknown }).type
      : undefined;
  if (type === "refunds") {
    const decoded = runDecoder(refundCreate, data);
    if (E.isLeft(decoded)) return E.left(at(path, decoded.left));
    const captureId = decoded.right.relationships.reference_capture?.data?.id;
    if (captureId === undefined)
      return E.left([
        refundErrors.invalidInput(
          `${path}.relationships.reference_capture`,
          "is required: a refund names the capture it returns money from",
        ),
      ]);
    return E.right({ captureId, cents: decoded.right.attributes.amount_cents, path });
  }
  const decoded = runDecoder(captureRefund, data);
  if (E.isLeft(decoded)) return E.left(at(path, decoded.left));
  const { attributes } = decoded.right;
  const problems: RefundError[] = [];
  if (decoded.right.type !== "captures")
    problems.push(refundErrors.invalidInput(`${path}.type`, 'must be "captures" or "refunds"'));
  if (!attributes._refund)
    problems.push(
      refundErrors.invalidInput(
        `${path}.attributes._refund`,
        "must be true: only a capture update with _refund refunds money",
      ),
    );
  const [first, ...rest] = problems;
  if (first !== undefined) return E.left([first, ...rest]);
  return E.right({ captureId: decoded.right.id, cents: attributes._refund_amount_cents, path });
}

function toRequest(
  asks: readonly CaptureAsk[],
  order: Order,
): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  const currency = findCurrency(order.presentmentCurrency);
  const history = readRefundHistory(order.refunds);
  const problems: RefundError[] = [];
  const transactions: TransactionRequest[] = [];
  let total = 0n;
  for (const ask of asks) {
    const invoice = order.invoices.find((i) => i.id === ask.captureId);
    if (invoice === undefined) {
      problems.push(refundErrors.unknownInvoice(`${ask.path}.id`, ask.captureId));
      continue;
    }
    const minor = ask.cents ?? invoiceMoneyLeft(invoice, history).presentment;
    if (minor <= 0n) {
      problems.push(
        refundErrors.invalidInput(
          ask.cents === undefined ? `${ask.path}.id` : `${ask.path}.attributes`,
          ask.cents === undefined
            ? "names a capture with nothing left to refund"
            : "must refund more than zero cents",
        ),
      );
      continue;
    }
    total += minor;
    transactions.push({
      invoiceId: ask.captureId,
      amount: decimalOfMinor(minor, currency ?? { code: "", exponent: 0 }),
    });
  }
  const [first, ...rest] = problems;
  if (first !== undefined) return E.left([first, ...rest]);
  const [only] = transactions;
  return E.right({
    lineItems: [],
    refundDuties: false,
    amount: decimalOfMinor(total, currency ?? { code: "", exponent: 0 }),
    full: false,
    currency: order.presentmentCurrency,
    ...(transactions.length === 1 && only !== undefined
      ? { invoiceId: only.invoiceId }
      : { transactions }),
    notify: false,
  });
}

/**
 * Reads a Commerce Layer refund as a {@link RefundRequest} for `order` (the
 * order {@link fromCommerceLayerOrder} read).
 *
 * Accepted: the capture update of the current API reference,
 * `{"data": {"type": "captures", "id": …, "attributes": {"_refund": true,
 * "_refund_amount_cents": 500}}}` (without `_refund_amount_cents`, the
 * capture's whole balance), the refund resource of the older reference
 * (`{"data": {"type": "refunds", "attributes": {"amount_cents": 500},
 * "relationships": {"reference_capture": {"data": {"id": …}}}}}`), or an
 * array of either (one refund per capture). The result is an amount-only
 * refund of their sum, paid from those captures: `invoiceId` for one,
 * `transactions` for several.
 *
 * @param json - the parsed request body (or an array of them).
 * @param order - the order it refunds.
 * @returns the request, or errors at the document's paths
 *   (`data.attributes._refund_amount_cents`); a capture the order does not
 *   have is `UNKNOWN_INVOICE`. Never throws.
 * @example
 * ```ts
 * import { calculate, encodeCreditMemo, fromCommerceLayerOrder, fromCommerceLayerRefundRequest } from "refund-core";
 * const order = fromCommerceLayerOrder({
 *   data: { type: "orders", id: "o1", attributes: { currency_code: "EUR" } },
 *   included: [
 *     { type: "line_items", id: "l1",
 *       attributes: { item_type: "skus", quantity: 1, unit_amount_cents: 1500, total_amount_cents: 1500 } },
 *     { type: "captures", id: "xYZkjABcde", attributes: { amount_cents: 1500, succeeded: true } },
 *   ],
 * });
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * const request = fromCommerceLayerRefundRequest(
 *   { data: { type: "captures", id: "xYZkjABcde", attributes: { _refund: true, _refund_amount_cents: 500 } } },
 *   order.right);
 * if (request._tag === "Left") throw new Error(request.left[0].message);
 * const memo = calculate(order.right, request.right);
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * encodeCreditMemo(memo.right)["total"]; // => "5.00"
 * ```
 * @category Adapters
 */
export function fromCommerceLayerRefundRequest(
  json: unknown,
  order: Order,
): E.Either<NonEmptyArray<RefundError>, RefundRequest> {
  return guarded(() => {
    const bodies = Array.isArray(json) ? json : [json];
    if (bodies.length === 0)
      return E.left([refundErrors.invalidInput("", "must hold at least one capture refund")]);
    const asks: CaptureAsk[] = [];
    const problems: RefundError[] = [];
    bodies.forEach((body, i) => {
      const prefix = Array.isArray(json) ? `[${i}]` : "";
      const data =
        typeof body === "object" && body !== null && !Array.isArray(body)
          ? (body as { data?: unknown }).data
          : undefined;
      if (data === undefined) {
        problems.push(
          refundErrors.invalidInput(
            prefix === "" ? "data" : `${prefix}.data`,
            'is required: a JSON:API body {"data": {...}}',
          ),
        );
        return;
      }
      const ask = askOf(data, prefix === "" ? "data" : `${prefix}.data`);
      if (E.isLeft(ask)) problems.push(...ask.left);
      else asks.push(ask.right);
    });
    const [first, ...rest] = problems;
    if (first !== undefined) return E.left([first, ...rest]);
    return toRequest(asks, order);
  });
}

/**
 * The Commerce Layer request(s) that carry out a credit memo: for each of
 * its transactions, `PATCH /api/captures/{invoiceId}` with
 * `{"data": {"type": "captures", "id", "attributes": {"_refund": true,
 * "_refund_amount_cents": n}}}` — amounts in integer cents. One transaction
 * gives one body; several give an array of bodies, sent in order.
 *
 * Commerce Layer keeps no line breakdown of a refund: what goes out is the
 * money, capture by capture, exactly; the memo's lines stay with
 * refund-core (read back, the request is an amount-only refund of the same
 * total through the same captures).
 *
 * @param memo - a credit memo computed for `order`.
 * @param order - the order (single-currency, as Commerce Layer orders are).
 * @returns the body or bodies, or `INVALID_INPUT` when the memo cannot be
 *   sent: nothing to pay out, a multi-currency order, a transaction on an
 *   offline invoice (Commerce Layer refunds only captures), an amount beyond
 *   JSON's exact integers. Never throws.
 * @example
 * ```ts
 * import { calculate, fromCommerceLayerOrder, toCommerceLayerRefundRequest } from "refund-core";
 * const order = fromCommerceLayerOrder({
 *   data: { type: "orders", id: "o1", attributes: { currency_code: "EUR" } },
 *   included: [
 *     { type: "line_items", id: "l1",
 *       attributes: { item_type: "skus", quantity: 1, unit_amount_cents: 1500, total_amount_cents: 1500 } },
 *     { type: "captures", id: "xYZkjABcde", attributes: { amount_cents: 1500, succeeded: true } },
 *   ],
 * });
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * const memo = calculate(order.right, { lineItems: [], refundDuties: false, full: true, notify: false });
 * if (memo._tag === "Left") throw new Error(memo.left[0].message);
 * const sent = toCommerceLayerRefundRequest(memo.right, order.right);
 * if (sent._tag === "Left") throw new Error(sent.left[0].message);
 * sent.right; // => { data: { type: "captures", id: "xYZkjABcde", attributes: { _refund: true, _refund_amount_cents: 1500 } } }
 * ```
 * @category Adapters
 */
export function toCommerceLayerRefundRequest(
  memo: CreditMemo,
  order: Order,
): E.Either<NonEmptyArray<RefundError>, JsonValue> {
  return guarded(() => captureRefundsOf(memo, order));
}

function captureRefundsOf(
  memo: CreditMemo,
  order: Order,
): E.Either<NonEmptyArray<RefundError>, JsonValue> {
  if (isMultiCurrency(order))
    return E.left([
      refundErrors.invalidInput(
        "",
        "is a multi-currency order; Commerce Layer orders have one currency",
      ),
    ]);
  const problems: RefundError[] = [];
  const bodies: JsonObject[] = memo.transactions.map((t, i) => {
    const path = `transactions[${i}]`;
    if (!t.online)
      problems.push(
        refundErrors.invalidInput(
          path,
          `pays back "${t.invoiceId}" offline; Commerce Layer refunds only through a capture`,
        ),
      );
    const amount = t.amount.presentment;
    if (amount > BigInt(Number.MAX_SAFE_INTEGER))
      problems.push(
        refundErrors.invalidInput(`${path}.amount`, "is too large for integer cents in JSON"),
      );
    return {
      data: {
        type: "captures",
        id: t.invoiceId,
        attributes: { _refund: true, _refund_amount_cents: Number(amount) },
      },
    };
  });
  if (bodies.length === 0)
    problems.push(
      refundErrors.invalidInput(
        "transactions",
        "is empty: there is no money to refund through a capture",
      ),
    );
  const [first, ...rest] = problems;
  if (first !== undefined) return E.left([first, ...rest]);
  const [only] = bodies;
  return E.right(bodies.length === 1 && only !== undefined ? only : bodies);
}
