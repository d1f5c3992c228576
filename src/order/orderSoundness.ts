/**
 * Whether the order itself is sound ([§2](../../docs/specification.md#2-order), `INCONSISTENT_ORDER`,
 * and `INVALID_INPUT` for an unknown currency): its own lines, shipping
 * lines and invoices, without its refund history (that is
 * `historyConsistency.ts`). Also the index of the order's ids that every
 * later step looks lines, shipping lines and invoices up in.
 *
 * Two ways to the same answer. {@link checkOrderItself} runs the exact
 * passes, one question each, and reports every problem in its order. A
 * sound order — what nearly every call has — is recognised first by one
 * fused pass ({@link soundOrderIds}, issue 15 part 2) that reads each line
 * once, checks all the same rules and builds the ids as it goes; it only
 * says "sound" or "ask the exact passes", so no error is ever made by it
 * and the errors stay the exact passes' by construction.
 * It also checks, on the way, every type `orderShapeError` checks (issue
 * 15 part 4), so that `calculate` need not walk the order a second time
 * for its shape: it reads only what it has checked the type of, and
 * answers for a value of any shape.
 *
 * @module
 */
import type {
  DiscountAllocation,
  Duty,
  Invoice,
  LineItem,
  Order,
  ShippingLine,
  TaxLine,
} from "../domain/order.js";
import { isMemoListShaped, isOptionalString, isRecordValue } from "../domain/shapes.js";
import { type RefundError, refundErrors } from "../errors.js";
import { findCurrency } from "../money/currency.js";
import {
  everySameSides,
  exceedsOnEitherSide,
  isNegativeOnEitherSide,
  type MoneyBag,
  type Side,
  sameSides,
  subtractBags,
  sumAmounts,
  sumSide,
} from "../money/moneyBag.js";

const inconsistent = refundErrors.inconsistentOrder;

/** Whether `n` is a whole number of units: a safe integer, not negative. */
export function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/**
 * The duty ids used more than once, over every line's duties as one list (`duties[k]`
 * counts across lines), without building that list: this runs per call,
 * over every line of the order.
 */
function repeatedDutyIds(lines: readonly LineItem[], errors: RefundError[]): void {
  const seen = new Set<string>();
  let k = 0;
  for (let i = 0; i < lines.length; i++) {
    const duties = (lines[i] as LineItem).duties;
    for (let d = 0; d < duties.length; d++) {
      const id = (duties[d] as Duty).id;
      const before = seen.size;
      seen.add(id);
      if (seen.size === before)
        errors.push(inconsistent(`duties[${k}].id`, `the id "${id}" is used twice`));
      k += 1;
    }
  }
}

/**
 * The ids used more than once in a list already indexed by {@link orderIds}:
 * an item not at its id's first position repeats an id. Nothing to look at
 * when the index has as many ids as the list has items.
 */
function repeatedPositions(
  items: readonly { readonly id: string }[],
  positions: IdPositions,
  path: string,
  errors: RefundError[],
): void {
  if (positions.size === items.length) return;
  items.forEach((item, i) => {
    if (positions.get(item.id) !== i)
      errors.push(inconsistent(`${path}[${i}].id`, `the id "${item.id}" is used twice`));
  });
}

/**
 * What is wrong with one stored amount, if anything: a negative side, or
 * sides that differ on a single-currency order.
 */
function amountProblem(amount: MoneyBag, single: boolean): string | undefined {
  if (isNegativeOnEitherSide(amount)) return "an amount is negative";
  if (single && amount.shop !== amount.presentment)
    return "a single-currency order has different shop and presentment amounts";
  return undefined;
}

function isSound(amount: MoneyBag, single: boolean): boolean {
  return amountProblem(amount, single) === undefined;
}

function allSound(items: readonly { readonly amount: MoneyBag }[], single: boolean): boolean {
  for (const item of items) if (!isSound(item.amount, single)) return false;
  return true;
}

/**
 * Whether every stored amount is sound — the amounts of
 * {@link forEachStoredAmount}, checked in plain loops that allocate
 * nothing, so that a sound order of many lines costs no closures or paths.
 */
function everyStoredAmountSound(order: Order, single: boolean): boolean {
  for (const line of order.lineItems) {
    if (!isSound(line.price, single)) return false;
    if (!allSound(line.discountAllocations, single) || !allSound(line.taxLines, single))
      return false;
    for (const duty of line.duties)
      if (!isSound(duty.amount, single) || !allSound(duty.taxLines, single)) return false;
  }
  for (const line of order.shippingLines) {
    if (!isSound(line.price, single)) return false;
    if (!allSound(line.discountAllocations, single) || !allSound(line.taxLines, single))
      return false;
  }
  return allSound(order.invoices, single);
}

/**
 * Visits every stored amount of the order, in order, with a function that
 * spells its path. The path is only spelled for an error, so checking a
 * sound order of many lines builds no strings.
 */
function forEachStoredAmount(
  order: Order,
  visit: (amount: MoneyBag, path: () => string) => void,
): void {
  const each = (
    items: readonly { readonly amount: MoneyBag }[],
    path: (i: number) => string,
  ): void => {
    items.forEach((item, i) => {
      visit(item.amount, () => path(i));
    });
  };
  order.lineItems.forEach((line, i) => {
    const at = () => `lineItems[${i}]`;
    visit(line.price, () => `${at()}.price`);
    each(line.discountAllocations, (c) => `${at()}.discountAllocations[${c}].amount`);
    each(line.taxLines, (c) => `${at()}.taxLines[${c}].amount`);
    line.duties.forEach((duty, d) => {
      visit(duty.amount, () => `${at()}.duties[${d}].amount`);
      each(duty.taxLines, (c) => `${at()}.duties[${d}].taxLines[${c}].amount`);
    });
  });
  order.shippingLines.forEach((line, i) => {
    const at = () => `shippingLines[${i}]`;
    visit(line.price, () => `${at()}.price`);
    each(line.discountAllocations, (c) => `${at()}.discountAllocations[${c}].amount`);
    each(line.taxLines, (c) => `${at()}.taxLines[${c}].amount`);
  });
  order.invoices.forEach((invoice, i) => {
    visit(invoice.amount, () => `invoices[${i}].amount`);
  });
}

/**
 * What a line's own amounts exceed on one side of its bags, if anything:
 * `"discounts"` when its discounts exceed its gross (`price × units`), else
 * `"taxes"` when prices include tax and its taxes exceed the gross less the
 * discounts.
 */
function lineExcess(
  line: LineItem,
  units: bigint,
  side: Side,
  taxesIncluded: boolean,
): "discounts" | "taxes" | undefined {
  const gross = line.price[side] * units;
  const discount = sumSide(line.discountAllocations, side);
  if (discount > gross) return "discounts";
  if (taxesIncluded && sumSide(line.taxLines, side) > gross - discount) return "taxes";
  return undefined;
}

/** Whether the price, discounts and taxes of a line have equal sides. */
function sidesAgree(line: LineItem): boolean {
  return (
    sameSides(line.price) &&
    everySameSides(line.discountAllocations) &&
    everySameSides(line.taxLines)
  );
}

/**
 * Checks the order's own data: known currencies, unique ids, whole
 * quantities, non-negative amounts (equal on both sides of a single-currency
 * order), discounts within what they discount and, when prices include tax,
 * taxes within what they are included in.
 */
export function checkOrderItself(order: Order, ids: OrderIds = orderIds(order)): RefundError[] {
  // The fused pass first: a sound order is known in one read of each line.
  if (
    ids.lines.size === order.lineItems.length &&
    ids.shippingLines.size === order.shippingLines.length &&
    ids.invoices.size === order.invoices.length &&
    soundOrderDuties(order) >= 0
  )
    return [];
  return orderItselfErrors(order, ids);
}

/**
 * {@link checkOrderItself} by the exact passes alone, one question each,
 * every problem in its order: what `checkOrderItself` returns for an order
 * the fused pass does not call sound, and the reference the fused pass is
 * tested against.
 */
export function orderItselfErrors(order: Order, ids: OrderIds): RefundError[] {
  const errors: RefundError[] = [];
  if (findCurrency(order.currency) === undefined)
    errors.push(refundErrors.invalidInput("currency", `is not a known ISO 4217 currency code`));
  if (findCurrency(order.presentmentCurrency) === undefined)
    errors.push(
      refundErrors.invalidInput("presentmentCurrency", `is not a known ISO 4217 currency code`),
    );
  repeatedPositions(order.lineItems, ids.lines, "lineItems", errors);
  repeatedPositions(order.shippingLines, ids.shippingLines, "shippingLines", errors);
  repeatedPositions(order.invoices, ids.invoices, "invoices", errors);
  repeatedDutyIds(order.lineItems, errors);
  const single = order.currency === order.presentmentCurrency;
  if (!everyStoredAmountSound(order, single))
    forEachStoredAmount(order, (amount, path) => {
      const problem = amountProblem(amount, single);
      if (problem !== undefined) errors.push(inconsistent(path(), problem));
    });
  // Indexed loops, not `forEach` with a closure: once per line of the order.
  for (let i = 0; i < order.lineItems.length; i++) {
    const line = order.lineItems[i] as LineItem;
    if (!isCount(line.quantity) || line.quantity === 0) {
      errors.push(
        inconsistent(`lineItems[${i}].quantity`, "the quantity is not a positive whole number"),
      );
      continue;
    }
    if (!isCount(line.fulfilledQuantity) || line.fulfilledQuantity > line.quantity)
      errors.push(
        inconsistent(
          `lineItems[${i}].fulfilledQuantity`,
          "more units are fulfilled than were ordered",
        ),
      );
    // Side by side in plain bigints, not bags: this runs for every line of
    // the order and the bags would be dropped at once. When all of the
    // line's amounts have equal sides (a single-currency order), the shop
    // side answers for both.
    const units = BigInt(line.quantity);
    const shop = lineExcess(line, units, "shop", order.taxesIncluded);
    const presentment = sidesAgree(line)
      ? shop
      : lineExcess(line, units, "presentment", order.taxesIncluded);
    if (shop === "discounts" || presentment === "discounts")
      errors.push(
        inconsistent(
          `lineItems[${i}].discountAllocations`,
          "the discounts exceed the line's gross amount",
        ),
      );
    else if (shop === "taxes" || presentment === "taxes")
      errors.push(
        inconsistent(
          `lineItems[${i}].taxLines`,
          "prices include tax, yet the taxes exceed the line's amount after discounts",
        ),
      );
  }
  for (let i = 0; i < order.shippingLines.length; i++) {
    const line = order.shippingLines[i] as ShippingLine;
    const discount = sumAmounts(line.discountAllocations);
    if (exceedsOnEitherSide(discount, line.price))
      errors.push(
        inconsistent(
          `shippingLines[${i}].discountAllocations`,
          "the discounts exceed the shipping price",
        ),
      );
    else if (
      order.taxesIncluded &&
      exceedsOnEitherSide(sumAmounts(line.taxLines), subtractBags(line.price, discount))
    )
      errors.push(
        inconsistent(
          `shippingLines[${i}].taxLines`,
          "prices include tax, yet the taxes exceed the shipping after discounts",
        ),
      );
  }
  return errors;
}

/**
 * The positions of a list's ids (lines, shipping lines or invoices): each
 * id's first position, and how many different ids the list has. What the
 * later steps ask of a `ReadonlyMap<string, number>`, so that a map answers
 * for a long list and {@link FewIdPositions} for a short one.
 */
export interface IdPositions {
  /** The first position of `id` in the list, or `undefined` when no item has it. */
  get(id: string): number | undefined;
  /** Whether an item of the list has `id`. */
  has(id: string): boolean;
  /** How many different ids the list has (fewer than its items when an id repeats). */
  readonly size: number;
}

/**
 * Up to this many items, the positions of their ids are found by a scan of
 * the list rather than through a map: building a map of three entries costs
 * more than comparing three strings on every look-up of a refund
 * (`uniquePositions` was 3–5 % of a 3-line `calculate`).
 */
export const FEW_IDS = 8;

/**
 * The positions of the ids of a list of at most {@link FEW_IDS} items, by a
 * scan of the list itself (no copy of its ids is made): the first item with
 * an id is at that id's first position.
 */
export class FewIdPositions implements IdPositions {
  /** The list, as the order holds it (immutable, like every value of refund-core). */
  readonly items: readonly { readonly id: string }[];
  readonly size: number;

  /**
   * @param items - the list (kept, not copied).
   * @param size - how many different ids its items have.
   */
  constructor(items: readonly { readonly id: string }[], size: number) {
    this.items = items;
    this.size = size;
  }

  get(id: string): number | undefined {
    const items = this.items;
    for (let i = 0; i < items.length; i++)
      if ((items[i] as { readonly id: string }).id === id) return i;
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

/**
 * The ids a memo may name, each with its position in the order, indexed once
 * for the whole history (and carried along a chain of refunds, see
 * `carriedHistory.ts`).
 */
export interface OrderIds {
  readonly lines: IdPositions;
  readonly shippingLines: IdPositions;
  readonly invoices: IdPositions;
  /**
   * The duty ids of each line with many duties, by the line's position:
   * built once per order, so that checking a history of many memos against
   * a line of many duties does not build the line's set for every memo line
   * (issue 12: 3×10^4 duties and memos took 287 s). Lines with few duties
   * are searched in place (see {@link lineHasDuty}).
   */
  readonly duties: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Up to this many duties a line's duties are searched in place, not through a set. */
const FEW_DUTIES = 8;

/**
 * No line with many duties: shared by every order that has none (nearly
 * all), so that the ids of such an order hold no map that answers nothing.
 * Never added to (it is read through `ReadonlyMap` only).
 */
const NO_DUTY_SETS: ReadonlyMap<number, ReadonlySet<string>> = new Map();

/** The duty ids of every line with more than {@link FEW_DUTIES} duties. */
function dutySets(lines: readonly LineItem[]): ReadonlyMap<number, ReadonlySet<string>> {
  let sets: Map<number, ReadonlySet<string>> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const duties = (lines[i] as LineItem).duties;
    if (duties.length <= FEW_DUTIES) continue;
    const set = new Set<string>();
    for (const duty of duties) set.add(duty.id);
    sets ??= new Map<number, ReadonlySet<string>>();
    sets.set(i, set);
  }
  return sets ?? NO_DUTY_SETS;
}

/**
 * Whether order line `line`, at `position`, has a duty `dutyId`: in constant
 * time for a line of many duties (its set in `ids`), a short scan otherwise.
 */
export function lineHasDuty(
  ids: OrderIds,
  line: LineItem,
  position: number,
  dutyId: string,
): boolean {
  const set = ids.duties.get(position);
  if (set !== undefined) return set.has(dutyId);
  for (const duty of line.duties) if (duty.id === dutyId) return true;
  return false;
}

/** No ids: the positions of every empty list (most orders have no shipping line or one). */
const NO_IDS: IdPositions = Object.freeze(new FewIdPositions(Object.freeze([]), 0));

/**
 * How many different ids the items of a short list have: each compared with
 * those before it.
 */
function distinctIds(items: readonly { readonly id: string }[]): number {
  let distinct = 0;
  for (let i = 0; i < items.length; i++) {
    const id = (items[i] as { readonly id: string }).id;
    let j = 0;
    while (j < i && (items[j] as { readonly id: string }).id !== id) j++;
    if (j === i) distinct += 1;
  }
  return distinct;
}

/** Each id's first position in `items`. */
function positionsById(items: readonly { readonly id: string }[]): IdPositions {
  if (items.length === 0) return NO_IDS;
  if (items.length <= FEW_IDS) return new FewIdPositions(items, distinctIds(items));
  const positions = new Map<string, number>();
  // Backwards, so that an id used twice keeps its first position.
  for (let i = items.length - 1; i >= 0; i--)
    positions.set((items[i] as { readonly id: string }).id, i);
  return positions;
}

/** The order's ids and their positions. */
export function orderIds(order: Order): OrderIds {
  return {
    lines: positionsById(order.lineItems),
    shippingLines: positionsById(order.shippingLines),
    invoices: positionsById(order.invoices),
    duties: dutySets(order.lineItems),
  };
}

/*
 * The fused pass (issue 15 part 2). The exact passes above read every line
 * five times — currencies, ids, duty ids, stored amounts, counts and
 * excess — each with its own call sites, and cost a quarter of a
 * `calculate`. The predicates below ask all the same questions in one read
 * of each line, each field read once and reused, and stop at the first
 * problem with a plain `false`: whatever they refuse goes to the exact
 * passes, which find and order the errors, so no message, path or order of
 * errors depends on them. They must never say "sound" of an order the
 * exact passes fault (`test/properties/orderSoundness.test.ts` holds them
 * to the exact passes on random, corrupted and hand-made orders). They read
 * plain bigints side by side: on a single-currency order every sound
 * amount has equal sides, so the shop side answers for both.
 */

/**
 * Whether a stored amount is a money bag and sound: a record of two bigint
 * sides, as `orderShapeError` asks, with no negative side and, on a
 * single-currency order, equal sides (`amountProblem` finds nothing).
 */
function isSoundAmount(amount: MoneyBag, single: boolean): boolean {
  if (!isRecordValue(amount)) return false;
  const shop = amount.shop;
  const presentment = amount.presentment;
  if (typeof shop !== "bigint" || typeof presentment !== "bigint") return false;
  return single ? shop >= 0n && shop === presentment : shop >= 0n && presentment >= 0n;
}

/**
 * Whether `taxLines` is a list of tax lines (a title, maybe a rate, an
 * amount) whose amounts are sound ({@link isSoundAmount}).
 */
function areSoundTaxLines(taxLines: readonly TaxLine[], single: boolean): boolean {
  if (!Array.isArray(taxLines)) return false;
  for (let i = 0; i < taxLines.length; i++) {
    const tax = taxLines[i] as TaxLine;
    if (
      !isRecordValue(tax) ||
      typeof tax.title !== "string" ||
      !isOptionalString(tax.rate) ||
      !isSoundAmount(tax.amount, single)
    )
      return false;
  }
  return true;
}

/**
 * Whether, on one side, a line of `units` at `price` holds its `discount`
 * and (when prices include tax) its `tax` after the discount, as
 * `lineExcess` asks. All figures are sound (not negative) and `units` is at
 * least 1, so a line whose price alone holds them needs no multiplication.
 */
function holdsOnSide(
  price: bigint,
  units: number,
  discount: bigint,
  tax: bigint,
  taxesIncluded: boolean,
): boolean {
  if (discount <= price && (!taxesIncluded || tax <= price - discount)) return true;
  const gross = price * BigInt(units);
  return discount <= gross && (!taxesIncluded || tax <= gross - discount);
}

/**
 * Whether order line `line` is sound on its own: whole, positive quantity,
 * fulfilled units within it, sound amounts (price, discounts, taxes,
 * duties and their taxes), discounts within the gross and, when prices
 * include tax, taxes within the gross after discounts. Not its ids.
 */
function isLineSound(line: LineItem, single: boolean, taxesIncluded: boolean): boolean {
  if (
    !isRecordValue(line) ||
    typeof line.id !== "string" ||
    !isOptionalString(line.sku) ||
    !isOptionalString(line.title)
  )
    return false;
  // Not a number is not a safe integer: the shape is checked on the way.
  const quantity = line.quantity;
  if (!Number.isSafeInteger(quantity) || quantity < 1) return false;
  const fulfilled = line.fulfilledQuantity;
  if (!Number.isSafeInteger(fulfilled) || fulfilled < 0 || fulfilled > quantity) return false;
  const price = line.price;
  if (!isSoundAmount(price, single)) return false;
  const discounts = line.discountAllocations;
  if (!Array.isArray(discounts)) return false;
  let discountShop = 0n;
  let discountPresentment = 0n;
  for (let i = 0; i < discounts.length; i++) {
    const discount = discounts[i] as DiscountAllocation;
    if (!isRecordValue(discount) || !isOptionalString(discount.title)) return false;
    const amount = discount.amount;
    if (!isSoundAmount(amount, single)) return false;
    // The first one as it is: a sum of one allocates no bigint.
    discountShop = i === 0 ? amount.shop : discountShop + amount.shop;
    if (!single)
      discountPresentment = i === 0 ? amount.presentment : discountPresentment + amount.presentment;
  }
  const taxes = line.taxLines;
  if (!Array.isArray(taxes)) return false;
  let taxShop = 0n;
  let taxPresentment = 0n;
  for (let i = 0; i < taxes.length; i++) {
    const tax = taxes[i] as TaxLine;
    if (!isRecordValue(tax) || typeof tax.title !== "string" || !isOptionalString(tax.rate))
      return false;
    const amount = tax.amount;
    if (!isSoundAmount(amount, single)) return false;
    if (taxesIncluded) {
      taxShop = i === 0 ? amount.shop : taxShop + amount.shop;
      if (!single)
        taxPresentment = i === 0 ? amount.presentment : taxPresentment + amount.presentment;
    }
  }
  const duties = line.duties;
  if (!Array.isArray(duties)) return false;
  for (let d = 0; d < duties.length; d++) {
    const duty = duties[d] as Duty;
    if (
      !isRecordValue(duty) ||
      typeof duty.id !== "string" ||
      !isSoundAmount(duty.amount, single) ||
      !areSoundTaxLines(duty.taxLines, single)
    )
      return false;
  }
  return (
    holdsOnSide(price.shop, quantity, discountShop, taxShop, taxesIncluded) &&
    (single ||
      holdsOnSide(price.presentment, quantity, discountPresentment, taxPresentment, taxesIncluded))
  );
}

/**
 * Whether shipping line `line` is sound: sound amounts, discounts within
 * the price and, when prices include tax, taxes within the price after
 * discounts, on each side.
 */
function isShippingLineSound(line: ShippingLine, single: boolean, taxesIncluded: boolean): boolean {
  if (!isRecordValue(line) || typeof line.id !== "string" || !isOptionalString(line.title))
    return false;
  const price = line.price;
  if (!isSoundAmount(price, single)) return false;
  const discounts = line.discountAllocations;
  if (!Array.isArray(discounts)) return false;
  let discountShop = 0n;
  let discountPresentment = 0n;
  for (let i = 0; i < discounts.length; i++) {
    const discount = discounts[i] as DiscountAllocation;
    if (!isRecordValue(discount) || !isOptionalString(discount.title)) return false;
    const amount = discount.amount;
    if (!isSoundAmount(amount, single)) return false;
    discountShop += amount.shop;
    discountPresentment += amount.presentment;
  }
  const taxes = line.taxLines;
  if (!Array.isArray(taxes)) return false;
  let taxShop = 0n;
  let taxPresentment = 0n;
  for (let i = 0; i < taxes.length; i++) {
    const tax = taxes[i] as TaxLine;
    if (!isRecordValue(tax) || typeof tax.title !== "string" || !isOptionalString(tax.rate))
      return false;
    const amount = tax.amount;
    if (!isSoundAmount(amount, single)) return false;
    taxShop += amount.shop;
    taxPresentment += amount.presentment;
  }
  // One unit: the price is the gross.
  return (
    holdsOnSide(price.shop, 1, discountShop, taxShop, taxesIncluded) &&
    holdsOnSide(price.presentment, 1, discountPresentment, taxPresentment, taxesIncluded)
  );
}

/** Whether invoice `invoice` has its shape (an id, an amount, maybe a gateway, online or not) and a sound amount. */
function isInvoiceSound(invoice: Invoice, single: boolean): boolean {
  return (
    isRecordValue(invoice) &&
    typeof invoice.id === "string" &&
    isSoundAmount(invoice.amount, single) &&
    isOptionalString(invoice.gateway) &&
    typeof invoice.online === "boolean"
  );
}

/** Whether the duty ids are unique across all the lines (asked only of an order with duties). */
function areDutyIdsUnique(lines: readonly LineItem[]): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const duties = (lines[i] as LineItem).duties;
    for (let d = 0; d < duties.length; d++) {
      const before = seen.size;
      seen.add((duties[d] as Duty).id);
      if (seen.size === before) return false;
    }
  }
  return true;
}

/**
 * Whether {@link checkOrderItself} finds nothing, ids of lines, shipping
 * lines and invoices aside, and the order has the shape `orderShapeError`
 * asks for, its refunds aside: `-1` says only "ask the exact passes"
 * (or, for an order not yet checked, `orderShapeError` first); a sound
 * order gives its number of duties (most have none, and then no duty set
 * is built, here or in its ids). Reads only what it has checked the type
 * of, so an order of any shape is answered without an error (a getter or a
 * Proxy that throws aside).
 */
function soundOrderDuties(order: Order): number {
  if (!isRecordValue(order) || typeof order.id !== "string") return -1;
  const currency = order.currency;
  const presentmentCurrency = order.presentmentCurrency;
  if (typeof currency !== "string" || typeof presentmentCurrency !== "string") return -1;
  const single = currency === presentmentCurrency;
  if (findCurrency(currency) === undefined) return -1;
  if (!single && findCurrency(presentmentCurrency) === undefined) return -1;
  const taxesIncluded = order.taxesIncluded;
  if (typeof taxesIncluded !== "boolean") return -1;
  const lines = order.lineItems;
  if (!Array.isArray(lines)) return -1;
  let duties = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as LineItem;
    if (!isLineSound(line, single, taxesIncluded)) return -1;
    duties += line.duties.length;
  }
  if (duties > 0 && !areDutyIdsUnique(lines)) return -1;
  const shippingLines = order.shippingLines;
  if (!Array.isArray(shippingLines)) return -1;
  for (let i = 0; i < shippingLines.length; i++)
    if (!isShippingLineSound(shippingLines[i] as ShippingLine, single, taxesIncluded)) return -1;
  const invoices = order.invoices;
  if (!Array.isArray(invoices)) return -1;
  for (let i = 0; i < invoices.length; i++)
    if (!isInvoiceSound(invoices[i] as Invoice, single)) return -1;
  return duties;
}

/**
 * Each id's position in `items`, or `undefined` should an id be used twice
 * (then {@link positionsById} keeps the first position of each, for the
 * exact passes).
 */
function uniquePositions(items: readonly { readonly id: string }[]): IdPositions | undefined {
  if (items.length === 0) return NO_IDS;
  if (items.length <= FEW_IDS) {
    const size = distinctIds(items);
    return size === items.length ? new FewIdPositions(items, size) : undefined;
  }
  const positions = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    positions.set((items[i] as { readonly id: string }).id, i);
    // An id seen before does not grow the map.
    if (positions.size === i) return undefined;
  }
  return positions;
}

/**
 * The order's ids ({@link orderIds}) when the order has its shape and is
 * itself sound — when `orderShapeError` and {@link checkOrderItself} would
 * find nothing — in one read of the order; `undefined` says only "not
 * known to be sound": run `orderShapeError`, then `checkOrderItself`, which
 * find the errors (and may find none). Its refunds are only checked for
 * their shape (that is `checkRefundHistory`'s).
 *
 * @param order - an order, or any value a JavaScript caller passed as one:
 * read only as far as its types are checked, so it answers for a value of
 * any shape, except that a getter or a Proxy trap that throws throws here
 * (`apiArguments.ts` calls it inside a guard).
 * @returns the same ids as `orderIds(order)`, or `undefined`.
 */
export function soundOrderIds(order: Order): OrderIds | undefined {
  // The shape and soundness of every item first: the ids are then strings of records.
  const duties = soundOrderDuties(order);
  if (duties < 0 || !isMemoListShaped(order.refunds)) return undefined;
  const lines = uniquePositions(order.lineItems);
  if (lines === undefined) return undefined;
  const shippingLines = uniquePositions(order.shippingLines);
  if (shippingLines === undefined) return undefined;
  const invoices = uniquePositions(order.invoices);
  if (invoices === undefined) return undefined;
  // A line of many duties needs at least that many.
  const sets = duties > FEW_DUTIES ? dutySets(order.lineItems) : NO_DUTY_SETS;
  return { lines, shippingLines, invoices, duties: sets };
}
