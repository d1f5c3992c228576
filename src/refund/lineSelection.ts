/**
 * Which order lines a request refunds, how many units of each and, for
 * lines with amounts ([§3.9](../../docs/specification.md#39-line-amounts-v2)), how far each line's progress moves: resolves
 * `lineItemId` or `sku`, and checks quantities, amounts, duplicates and
 * restocking bounds against what the history left ([§4](../../docs/specification.md#4-refund-request), [§5](../../docs/specification.md#5-validation-and-typed-errors)).
 *
 * @module
 */
import type { RestockType } from "../domain/creditMemo.js";
import {
  type Duty,
  isMultiCurrency,
  type LineItem,
  type Order,
  type TaxLine,
} from "../domain/order.js";
import type { RefundLineRequest } from "../domain/refundRequest.js";
import { type RefundError, refundErrors } from "../errors.js";
import { findCurrency } from "../money/currency.js";
import { formatInCurrency, toMinorUnits } from "../money/decimal.js";
import { bagAt, bagsEqual, exceedsOnEitherSide, type MoneyBag, ZERO } from "../money/moneyBag.js";
import type { RoundingMode } from "../money/rounding.js";
import type { OrderIds } from "../order/orderConsistency.js";
import {
  type LineHistory,
  lineHistoryOf,
  NO_LINE_HISTORY,
  type RefundHistory,
} from "../order/refundHistory.js";
import { freeAmountBag } from "./freeAmounts.js";
import {
  afterAmount,
  afterUnits,
  type Fraction,
  hasAmounts,
  lineGross,
  lineValue,
  progressOf,
  valueLeft,
  WHOLE,
} from "./progress.js";

/**
 * An order line selected for refund, with the units to refund now and, on
 * a line with amounts (in the request or its history, [§3.9](../../docs/specification.md#39-line-amounts-v2)), its line
 * amount and the progress the refund moves it to.
 */
export interface SelectedLine {
  readonly line: LineItem;
  readonly history: LineHistory;
  readonly quantity: number;
  readonly restock: RestockType;
  readonly locationId: string | null;
  /** The line amount (presentment given, shop side from the line's value left), or `null`. */
  readonly amount: MoneyBag | null;
  /** `f'` ([§3.9](../../docs/specification.md#39-line-amounts-v2)) on a line with amounts; `null` for the unit rules of [§3.1](../../docs/specification.md#31-proration)/[§9.1](../../docs/specification.md#91-policies). */
  readonly progress: Fraction | null;
}

/** Units of a line not yet refunded. */
export function unitsLeft(line: LineItem, history: LineHistory): number {
  return line.quantity - history.refundedQuantity;
}

/**
 * The positions of the order's lines by sku. Built by {@link selectLines}
 * on the first requested line that names a sku: most requests name lines
 * by id, which the order's {@link OrderIds} (indexed once per refund, or
 * carried along a chain) already resolve.
 */
function positionsBySku(lineItems: readonly LineItem[]): ReadonlyMap<string, readonly number[]> {
  const bySku = new Map<string, number[]>();
  for (let position = 0; position < lineItems.length; position++) {
    const line = lineItems[position] as LineItem;
    if (line.sku === undefined) continue;
    const same = bySku.get(line.sku);
    if (same === undefined) bySku.set(line.sku, [position]);
    else same.push(position);
  }
  return bySku;
}

/** The path of the `i`-th requested line, spelled only for an error. */
function requestPath(i: number): string {
  return `lineItems[${i}]`;
}

/** The position in the order of the line a request names, or why there is none. */
function resolveLine(
  ids: OrderIds,
  bySku: ReadonlyMap<string, readonly number[]> | undefined,
  lineItemId: string | undefined,
  sku: string | undefined,
  i: number,
): number | RefundError {
  if (lineItemId !== undefined) {
    const position = ids.lines.get(lineItemId);
    if (position === undefined)
      return refundErrors.unknownLineItem(`${requestPath(i)}.lineItemId`, lineItemId);
    // Both named: they must name the same line, or which one is meant? (issue 12)
    if (sku !== undefined && !(bySku?.get(sku) ?? []).includes(position))
      return refundErrors.invalidInput(
        `${requestPath(i)}.sku`,
        `is "${sku}", which is not the sku of item "${lineItemId}"; name the item by lineItemId or by sku, or by both of the same item`,
      );
    return position;
  }
  if (sku !== undefined) {
    const matches = bySku?.get(sku) ?? [];
    const [position, other] = matches;
    if (position === undefined)
      return refundErrors.unknownLineItem(`${requestPath(i)}.sku`, sku, sku);
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
 * `OVER_REFUND` (quantity; line, for an amount above the line's value
 * left), `RESTOCK_EXCEEDS_FULFILLED`, and `INVALID_INPUT` for an ambiguous
 * sku or a line amount that is not positive, has too many digits or
 * restocks without a quantity. `rounding` is the policy's, for the shop
 * side of line amounts ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)).
 */
export function selectLines(
  order: Order,
  ids: OrderIds,
  requested: readonly RefundLineRequest[],
  history: RefundHistory,
  refundDuties = false,
  rounding: RoundingMode = "halfAwayFromZero",
): { readonly errors: readonly RefundError[]; readonly lines: readonly SelectedLine[] } {
  const errors: RefundError[] = [];
  const lines: SelectedLine[] = [];
  // Lines already requested, by position: a flag per order line is cheaper
  // than a set of ids on an order of many lines.
  // One requested line cannot repeat one: no flags made (a typed array costs
  // more to make than the rest of a one-line selection).
  const seen = requested.length > 1 ? new Uint8Array(order.lineItems.length) : undefined;
  // Built on the first requested line that names a sku (no closure to build it lazily).
  let bySku: ReadonlyMap<string, readonly number[]> | undefined;
  const lineItems = order.lineItems;
  // An order refunded for the first time (most calls) has no line histories to look up.
  const anyLineHistory = history.lines.size > 0;
  // An indexed loop, not `forEach` with a closure: once per requested line.
  for (let i = 0; i < requested.length; i++) {
    const request = requested[i] as RefundLineRequest;
    const sku = request.sku;
    if (sku !== undefined) bySku ??= positionsBySku(lineItems);
    const position = resolveLine(ids, bySku, request.lineItemId, sku, i);
    if (typeof position !== "number") {
      errors.push(position);
      continue;
    }
    const line = lineItems[position] as LineItem;
    if (seen !== undefined && seen[position] === 1) {
      errors.push(refundErrors.duplicateLineItem(requestPath(i), line.id));
      continue;
    }
    if (seen !== undefined) seen[position] = 1;
    const h = anyLineHistory ? lineHistoryOf(history, line.id) : NO_LINE_HISTORY;
    if (request.amount !== undefined) {
      const selected = selectByAmount(order, line, h, request, i, rounding, errors);
      if (selected !== undefined) lines.push(selected);
      continue;
    }
    const { restock } = request;
    const quantity = request.quantity ?? Number.NaN;
    const onlyDuties = quantity === 0 && refundDuties && hasDutiesLeft(line, h);
    if (!Number.isSafeInteger(quantity) || (quantity < 1 && !onlyDuties)) {
      errors.push(refundErrors.invalidQuantity(`${requestPath(i)}.quantity`, line.id));
      continue;
    }
    const left = unitsLeft(line, h);
    if (quantity > left) {
      errors.push(
        refundErrors.quantityOverRefund(`${requestPath(i)}.quantity`, line.id, quantity, left),
      );
      continue;
    }
    if (!withinRestockLimit(line, h, quantity, restock, i, errors)) continue;
    // §3.9: units on a line with amounts in its history move its progress.
    const progress = hasAmounts(h)
      ? afterUnits(
          progressOf(line, h, lineValue(line, order.taxesIncluded).presentment),
          quantity,
          line.quantity,
        )
      : null;
    lines.push({
      line,
      history: h,
      quantity,
      restock,
      locationId: request.locationId ?? null,
      amount: null,
      progress,
    });
  }
  return { errors, lines };
}

/** Whether `quantity` units may be restocked as `restock`; else pushes the error. */
function withinRestockLimit(
  line: LineItem,
  h: LineHistory,
  quantity: number,
  restock: RestockType,
  i: number,
  errors: RefundError[],
): boolean {
  if (restock === "no_restock") return true;
  const limit = restockLimit(restock, line, h);
  if (quantity <= limit) return true;
  errors.push(
    refundErrors.restockExceedsFulfilled(
      `${requestPath(i)}.quantity`,
      line.id,
      restock,
      quantity,
      limit,
    ),
  );
  return false;
}

/**
 * A requested line with an `amount` ([§3.9](../../docs/specification.md#39-line-amounts-v2)), or `undefined` when it has
 * problems (pushed onto `errors`): the amount must be positive and within
 * the presentment currency's digits (`INVALID_INPUT`) and at most the
 * line's value left (`OVER_REFUND`, subject `line`); `quantity`, when
 * given, a whole number of at least 1 (`INVALID_QUANTITY`) within the units
 * left and the restock bounds; without `quantity`, no restock.
 */
function selectByAmount(
  order: Order,
  line: LineItem,
  h: LineHistory,
  request: RefundLineRequest,
  i: number,
  rounding: RoundingMode,
  errors: RefundError[],
): SelectedLine | undefined {
  const before = errors.length;
  const code = order.presentmentCurrency;
  const given = request.amount;
  // A hand-built request may hold anything here: only an exact decimal converts, never a throw.
  const decimal =
    typeof given === "object" && given !== null && typeof given.coefficient === "bigint";
  const a = decimal ? toMinorUnits(given, findCurrency(code) ?? { code, exponent: 0 }) : undefined;
  if (a === undefined)
    errors.push(
      refundErrors.invalidInput(
        `${requestPath(i)}.amount`,
        decimal
          ? `has more fraction digits than ${code} has`
          : 'must be an exact decimal amount such as "5.50"',
      ),
    );
  else if (a <= 0n)
    errors.push(
      refundErrors.invalidInput(
        `${requestPath(i)}.amount`,
        "must be positive (money refunded against the line)",
      ),
    );
  const { quantity, restock } = request;
  if (quantity === undefined) {
    if (restock !== "no_restock")
      errors.push(
        refundErrors.invalidInput(
          `${requestPath(i)}.restock`,
          'must be "no_restock" when the line gives an amount without a quantity: no unit is returned',
        ),
      );
  } else if (!Number.isSafeInteger(quantity) || quantity < 1) {
    errors.push(refundErrors.invalidQuantity(`${requestPath(i)}.quantity`, line.id));
  } else {
    const left = unitsLeft(line, h);
    if (quantity > left)
      errors.push(
        refundErrors.quantityOverRefund(`${requestPath(i)}.quantity`, line.id, quantity, left),
      );
    else withinRestockLimit(line, h, quantity, restock, i, errors);
  }
  const left = valueLeft(line, h, order.taxesIncluded);
  if (a !== undefined && a > 0n && a > left.presentment)
    errors.push(
      refundErrors.lineOverRefund(
        `${requestPath(i)}.amount`,
        line.id,
        code,
        formatInCurrency(a, code),
        formatInCurrency(left.presentment > 0n ? left.presentment : 0n, code),
      ),
    );
  if (errors.length > before || a === undefined) return undefined;
  const value = lineValue(line, order.taxesIncluded).presentment;
  return {
    line,
    history: h,
    quantity: quantity ?? 0,
    restock,
    locationId: request.locationId ?? null,
    amount: freeAmountBag(a, left, isMultiCurrency(order), rounding),
    progress: afterAmount(progressOf(line, h, value), a, value, left.presentment),
  };
}

/**
 * Whether some duty of the line, or a tax of one, still has money left to
 * refund (for instance when its units were refunded without `refundDuties`).
 */
export function hasDutiesLeft(line: LineItem, history: LineHistory): boolean {
  const duties = line.duties;
  for (let d = 0; d < duties.length; d++) {
    const duty = duties[d] as Duty;
    const refunded = history.duties.get(duty.id);
    if (exceedsOnEitherSide(duty.amount, refunded?.amount ?? ZERO)) return true;
    const taxes = duty.taxLines;
    const taxesRefunded = refunded?.taxLines ?? [];
    for (let t = 0; t < taxes.length; t++)
      if (exceedsOnEitherSide((taxes[t] as TaxLine).amount, bagAt(taxesRefunded, t))) return true;
  }
  return false;
}

/**
 * Whether a line refunded by amounts still has some of its gross, a
 * discount or a tax left ([§3.9](../../docs/specification.md#39-line-amounts-v2): a line `full` must finish).
 */
function hasComponentsLeft(line: LineItem, history: LineHistory): boolean {
  return (
    !bagsEqual(lineGross(line), history.grossRefunded) ||
    !allRefunded(line.discountAllocations, history.discountAllocations) ||
    !allRefunded(line.taxLines, history.taxLines)
  );
}

/** Whether each component's amount is refunded exactly (`refunded` by position). */
function allRefunded(
  components: readonly { readonly amount: MoneyBag }[],
  refunded: readonly MoneyBag[],
): boolean {
  for (let c = 0; c < components.length; c++)
    if (!bagsEqual((components[c] as { readonly amount: MoneyBag }).amount, bagAt(refunded, c)))
      return false;
  return true;
}

/**
 * Everything left, without restocking (a full refund, [§3.6](../../docs/specification.md#36-full-refund)): every line with
 * units left, whole, and every line whose units are all refunded but whose
 * duties are not, with quantity 0 (its duties then take the rest). A line
 * with amounts in its history is finished ([§3.9](../../docs/specification.md#39-line-amounts-v2)): progress 1, the units
 * left (possibly 0), whenever it has units, value or duties left.
 */
export function selectEverythingLeft(order: Order, history: RefundHistory): SelectedLine[] {
  const selected: SelectedLine[] = [];
  for (let i = 0; i < order.lineItems.length; i++) {
    const line = order.lineItems[i] as LineItem;
    const h = lineHistoryOf(history, line.id);
    const quantity = unitsLeft(line, h);
    const byAmount = hasAmounts(h);
    if (quantity > 0 || hasDutiesLeft(line, h) || (byAmount && hasComponentsLeft(line, h)))
      selected.push({
        line,
        history: h,
        quantity,
        restock: "no_restock",
        locationId: null,
        amount: null,
        progress: byAmount ? WHOLE : null,
      });
  }
  return selected;
}
