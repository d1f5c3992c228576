/**
 * Which order lines a request refunds, and how many units of each: resolves
 * `lineItemId` or `sku`, and checks quantities, duplicates and restocking
 * bounds against what the history left ([§4](../../docs/specification.md#4-refund-request), [§5](../../docs/specification.md#5-validation-and-typed-errors)).
 *
 * @module
 */
import type { RestockType } from "../domain/creditMemo.js";
import type { LineItem, Order } from "../domain/order.js";
import type { RefundLineRequest } from "../domain/refundRequest.js";
import { type RefundError, refundErrors } from "../errors.js";
import { exceedsOnEitherSide, ZERO } from "../money/moneyBag.js";
import type { OrderIds } from "../order/orderConsistency.js";
import {
  type LineHistory,
  lineHistoryOf,
  type RefundHistory,
  refundedAt,
} from "../order/refundHistory.js";

/** An order line selected for refund, with the units to refund now. */
export interface SelectedLine {
  readonly line: LineItem;
  readonly history: LineHistory;
  readonly quantity: number;
  readonly restock: RestockType;
  readonly locationId: string | null;
}

/** Units of a line not yet refunded. */
export function unitsLeft(line: LineItem, history: LineHistory): number {
  return line.quantity - history.refundedQuantity;
}

/**
 * The positions of the order's lines by sku, built on first use: most
 * requests name lines by id, which the order's {@link OrderIds} (indexed
 * once per refund, or carried along a chain) already resolve.
 */
function skuIndex(lineItems: readonly LineItem[]): () => ReadonlyMap<string, readonly number[]> {
  let built: ReadonlyMap<string, readonly number[]> | undefined;
  return () => {
    built ??= positionsBySku(lineItems);
    return built;
  };
}

function positionsBySku(lineItems: readonly LineItem[]): ReadonlyMap<string, readonly number[]> {
  const bySku = new Map<string, number[]>();
  lineItems.forEach((line, position) => {
    if (line.sku === undefined) return;
    const same = bySku.get(line.sku);
    if (same === undefined) bySku.set(line.sku, [position]);
    else same.push(position);
  });
  return bySku;
}

/** The path of the `i`-th requested line, spelled only for an error. */
function requestPath(i: number): string {
  return `lineItems[${i}]`;
}

/** The position in the order of the line a request names, or why there is none. */
function resolveLine(
  ids: OrderIds,
  bySku: () => ReadonlyMap<string, readonly number[]>,
  requested: RefundLineRequest,
  i: number,
): number | RefundError {
  if (requested.lineItemId !== undefined) {
    const position = ids.lines.get(requested.lineItemId);
    if (position === undefined)
      return refundErrors.unknownLineItem(`${requestPath(i)}.lineItemId`, requested.lineItemId);
    // Both named: they must name the same line, or which one is meant? (issue 12)
    if (requested.sku !== undefined && !(bySku().get(requested.sku) ?? []).includes(position))
      return refundErrors.invalidInput(
        `${requestPath(i)}.sku`,
        `is "${requested.sku}", which is not the sku of item "${requested.lineItemId}"; name the item by lineItemId or by sku, or by both of the same item`,
      );
    return position;
  }
  if (requested.sku !== undefined) {
    const matches = bySku().get(requested.sku) ?? [];
    const [position, other] = matches;
    if (position === undefined)
      return refundErrors.unknownLineItem(`${requestPath(i)}.sku`, requested.sku, requested.sku);
    if (other !== undefined)
      return refundErrors.invalidInput(
        `${requestPath(i)}.sku`,
        `names ${matches.length} items of the order; name the item by lineItemId instead`,
      );
    return position;
  }
  return refundErrors.invalidInput(requestPath(i), "names no item: give lineItemId or sku");
}

function restockLimit(restock: RestockType, line: LineItem, history: LineHistory): number {
  return restock === "return"
    ? line.fulfilledQuantity - history.returnedQuantity
    : line.quantity - line.fulfilledQuantity - history.cancelledQuantity;
}

/**
 * Selects the requested lines. Every problem is reported, one error each:
 * `UNKNOWN_LINE_ITEM`, `DUPLICATE_LINE_ITEM`, `INVALID_QUANTITY`,
 * `OVER_REFUND` (quantity), `RESTOCK_EXCEEDS_FULFILLED`, and
 * `INVALID_INPUT` for an ambiguous sku.
 */
export function selectLines(
  order: Order,
  ids: OrderIds,
  requested: readonly RefundLineRequest[],
  history: RefundHistory,
  refundDuties = false,
): { readonly errors: readonly RefundError[]; readonly lines: readonly SelectedLine[] } {
  const errors: RefundError[] = [];
  const lines: SelectedLine[] = [];
  // Lines already requested, by position: a flag per order line is cheaper
  // than a set of ids on an order of many lines.
  const seen = new Uint8Array(order.lineItems.length);
  const bySku = skuIndex(order.lineItems);
  requested.forEach((request, i) => {
    const position = resolveLine(ids, bySku, request, i);
    if (typeof position !== "number") {
      errors.push(position);
      return;
    }
    const line = order.lineItems[position] as LineItem;
    if (seen[position] === 1) {
      errors.push(refundErrors.duplicateLineItem(requestPath(i), line.id));
      return;
    }
    seen[position] = 1;
    const { quantity, restock } = request;
    const onlyDuties =
      quantity === 0 && refundDuties && hasDutiesLeft(line, lineHistoryOf(history, line.id));
    if (!Number.isSafeInteger(quantity) || (quantity < 1 && !onlyDuties)) {
      errors.push(refundErrors.invalidQuantity(`${requestPath(i)}.quantity`, line.id));
      return;
    }
    const h = lineHistoryOf(history, line.id);
    const left = unitsLeft(line, h);
    if (quantity > left) {
      errors.push(
        refundErrors.quantityOverRefund(`${requestPath(i)}.quantity`, line.id, quantity, left),
      );
      return;
    }
    if (restock !== "no_restock") {
      const limit = restockLimit(restock, line, h);
      if (quantity > limit) {
        errors.push(
          refundErrors.restockExceedsFulfilled(
            `${requestPath(i)}.quantity`,
            line.id,
            restock,
            quantity,
            limit,
          ),
        );
        return;
      }
    }
    lines.push({ line, history: h, quantity, restock, locationId: request.locationId ?? null });
  });
  return { errors, lines };
}

/**
 * Whether some duty of the line, or a tax of one, still has money left to
 * refund (for instance when its units were refunded without `refundDuties`).
 */
export function hasDutiesLeft(line: LineItem, history: LineHistory): boolean {
  return line.duties.some((duty) => {
    const refunded = history.duties.get(duty.id);
    return (
      exceedsOnEitherSide(duty.amount, refunded?.amount ?? ZERO) ||
      duty.taxLines.some((tax, t) =>
        exceedsOnEitherSide(tax.amount, refundedAt(refunded?.taxLines ?? [], t)),
      )
    );
  });
}

/**
 * Everything left, without restocking (a full refund, [§3.6](../../docs/specification.md#36-full-refund)): every line with
 * units left, whole, and every line whose units are all refunded but whose
 * duties are not, with quantity 0 (its duties then take the rest).
 */
export function selectEverythingLeft(order: Order, history: RefundHistory): SelectedLine[] {
  return order.lineItems.flatMap((line) => {
    const h = lineHistoryOf(history, line.id);
    const quantity = unitsLeft(line, h);
    return quantity > 0 || hasDutiesLeft(line, h)
      ? [{ line, history: h, quantity, restock: "no_restock" as const, locationId: null }]
      : [];
  });
}
