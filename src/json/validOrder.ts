/**
 * The fast path of `decodeOrder` and `decodeOrderForAudit`: an order in the
 * common form of [§2](../../docs/specification.md#2-order) read straight from the parsed JSON into domain
 * values, with plain loops and no codec. It gives up (`undefined`) at the
 * first thing it does not handle — any problem at all, and also a few valid
 * forms it leaves to the codec (amounts written as JSON numbers or with more
 * than 15 digits, refunds in other currencies than the order's) — and the
 * codec then reads the document as before, so every error, its path and its
 * message are the codec's by construction. What it accepts it reads exactly
 * as the codec does: the same values, keys in the same order, absent
 * optional fields left out (`test/json/validOrder.test.ts` checks both
 * against each other).
 *
 * @module
 */
import type {
  CreditMemo,
  CreditMemoLine,
  DutyRefund,
  RefundTransaction,
  RestockType,
  ShippingLineRefund,
  ShippingRefund,
} from "../domain/creditMemo.js";
import type {
  DiscountAllocation,
  Duty,
  Invoice,
  LineItem,
  Order,
  ShippingLine,
  TaxLine,
} from "../domain/order.js";
import type { Currency } from "../money/currency.js";
import { findCurrency } from "../money/currency.js";
import { parseDecimal } from "../money/decimal.js";
import type { MoneyBag } from "../money/moneyBag.js";

/** The currencies of the order being read, and whether its amounts are bags. */
interface Sides {
  readonly shop: Currency;
  readonly presentment: Currency;
  readonly multi: boolean;
}

/** 10^k for the shifts an amount may need (a currency has at most a few fraction digits). */
const POWERS_OF_TEN: readonly number[] = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/** The most digits (with the shift to minor units) read here: exact as a double. */
const MAX_DIGITS = 15;

/** Whether `u` is a plain JSON-like object (not null, not an array). */
function isObject(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

/** The own property `key` of the object `u`, never an inherited one. */
function own(u: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(u, key) ? u[key] : undefined;
}

/**
 * A decimal string in `currency` as minor units — `"105.00"` → `10500n` —
 * when it has the shape `parseDecimal` reads (`/^(0|[1-9][0-9]*)(\.[0-9]+)?$/`,
 * after a `-` when `signed`), no more fraction digits than the currency and
 * at most {@link MAX_DIGITS} digits in minor units; `undefined` otherwise
 * (the codec then reads, or refuses, it).
 */
function minorUnits(u: unknown, currency: Currency, signed: boolean): bigint | undefined {
  if (typeof u !== "string") return undefined;
  const n = u.length;
  const start = signed && n > 0 && u.charCodeAt(0) === 45 ? 1 : 0;
  let value = 0;
  let digits = 0;
  let point = -1;
  for (let i = start; i < n; i++) {
    const ch = u.charCodeAt(i);
    if (ch === 46) {
      if (point !== -1 || i === start) return undefined;
      point = i;
    } else if (ch >= 48 && ch <= 57) {
      if (i === start + 1 && point === -1 && u.charCodeAt(start) === 48) return undefined;
      value = value * 10 + (ch - 48);
      digits += 1;
    } else return undefined;
  }
  if (digits === 0 || point === n - 1) return undefined;
  const shift = currency.exponent - (point === -1 ? 0 : n - point - 1);
  if (shift < 0 || digits + shift > MAX_DIGITS) return undefined;
  const minor = BigInt(value * (POWERS_OF_TEN[shift] as number));
  return start === 1 ? -minor : minor;
}

/** An amount as a bag: a plain amount (both sides) or `{"shop", "presentment"}` on a multi-currency order. */
function bag(u: unknown, sides: Sides, signed: boolean): MoneyBag | undefined {
  if (!sides.multi) {
    const minor = minorUnits(u, sides.shop, signed);
    return minor === undefined ? undefined : { shop: minor, presentment: minor };
  }
  if (!isObject(u)) return undefined;
  const shop = minorUnits(own(u, "shop"), sides.shop, signed);
  if (shop === undefined) return undefined;
  const presentment = minorUnits(own(u, "presentment"), sides.presentment, signed);
  return presentment === undefined ? undefined : { shop, presentment };
}

/** A non-empty string (an id). */
function idOf(u: unknown): string | undefined {
  return typeof u === "string" && u !== "" ? u : undefined;
}

/** What an optional or nullable field holds: `ABSENT` for absent or `null`, `WRONG` for another type. */
const ABSENT = 0;
const WRONG = 1;

/** An optional string: the string, {@link ABSENT} or {@link WRONG}. */
function optionalString(u: unknown): string | typeof ABSENT | typeof WRONG {
  if (u === undefined || u === null) return ABSENT;
  return typeof u === "string" ? u : WRONG;
}

/** A boolean with a default for absent or `null`; `undefined` for another type. */
function booleanOr(u: unknown, fallback: boolean): boolean | undefined {
  if (u === undefined || u === null) return fallback;
  return typeof u === "boolean" ? u : undefined;
}

/** A whole number of at least `min`. */
function wholeNumber(u: unknown, min: number): number | undefined {
  return Number.isSafeInteger(u) && (u as number) >= min ? (u as number) : undefined;
}

/** A list with a default of empty: the array, `[]` for absent or `null`, `undefined` for another type. */
function listOf(u: unknown): readonly unknown[] | undefined {
  if (u === undefined || u === null) return [];
  return Array.isArray(u) ? u : undefined;
}

function taxLines(u: unknown, sides: Sides): TaxLine[] | undefined {
  const list = listOf(u);
  if (list === undefined) return undefined;
  const out: TaxLine[] = [];
  for (let i = 0; i < list.length; i++) {
    const line = list[i];
    if (!isObject(line)) return undefined;
    const title = own(line, "title");
    if (typeof title !== "string") return undefined;
    const rate = optionalString(own(line, "rate"));
    if (rate === WRONG || (rate !== ABSENT && parseDecimal(rate) === undefined)) return undefined;
    const amount = bag(own(line, "amount"), sides, false);
    if (amount === undefined) return undefined;
    out.push(rate === ABSENT ? { title, amount } : { title, rate, amount });
  }
  return out;
}

function discounts(u: unknown, sides: Sides): DiscountAllocation[] | undefined {
  const list = listOf(u);
  if (list === undefined) return undefined;
  const out: DiscountAllocation[] = [];
  for (let i = 0; i < list.length; i++) {
    const discount = list[i];
    if (!isObject(discount)) return undefined;
    const title = optionalString(own(discount, "title"));
    if (title === WRONG) return undefined;
    const amount = bag(own(discount, "amount"), sides, false);
    if (amount === undefined) return undefined;
    out.push(title === ABSENT ? { amount } : { title, amount });
  }
  return out;
}

function duties(u: unknown, sides: Sides): Duty[] | undefined {
  const list = listOf(u);
  if (list === undefined) return undefined;
  const out: Duty[] = [];
  for (let i = 0; i < list.length; i++) {
    const duty = list[i];
    if (!isObject(duty)) return undefined;
    const id = idOf(own(duty, "id"));
    const amount = bag(own(duty, "amount"), sides, false);
    const taxes = taxLines(own(duty, "taxLines"), sides);
    if (id === undefined || amount === undefined || taxes === undefined) return undefined;
    out.push({ id, amount, taxLines: taxes });
  }
  return out;
}

function lineItems(u: unknown, sides: Sides): LineItem[] | undefined {
  const list = listOf(u);
  if (list === undefined) return undefined;
  const out: LineItem[] = [];
  for (let i = 0; i < list.length; i++) {
    const line = list[i];
    if (!isObject(line)) return undefined;
    const id = idOf(own(line, "id"));
    const sku = optionalString(own(line, "sku"));
    const title = optionalString(own(line, "title"));
    const quantity = wholeNumber(own(line, "quantity"), 1);
    const price = bag(own(line, "price"), sides, false);
    const discountAllocations = discounts(own(line, "discountAllocations"), sides);
    const taxes = taxLines(own(line, "taxLines"), sides);
    const lineDuties = duties(own(line, "duties"), sides);
    const fulfilled = own(line, "fulfilledQuantity");
    const fulfilledQuantity =
      fulfilled === undefined || fulfilled === null ? quantity : wholeNumber(fulfilled, 0);
    if (
      id === undefined ||
      sku === WRONG ||
      title === WRONG ||
      quantity === undefined ||
      price === undefined ||
      discountAllocations === undefined ||
      taxes === undefined ||
      lineDuties === undefined ||
      fulfilledQuantity === undefined ||
      fulfilledQuantity > quantity
    )
      return undefined;
    // The codec's key order: id, sku, title, … (absent optional fields left out).
    const item: { -readonly [K in keyof LineItem]: LineItem[K] } = { id } as LineItem;
    if (sku !== ABSENT) item.sku = sku;
    if (title !== ABSENT) item.title = title;
    item.quantity = quantity;
    item.price = price;
    item.discountAllocations = discountAllocations;
    item.taxLines = taxes;
    item.duties = lineDuties;
    item.fulfilledQuantity = fulfilledQuantity;
    out.push(item);
  }
  return out;
}

function shippingLines(u: unknown, sides: Sides): ShippingLine[] | undefined {
  const list = listOf(u);
  if (list === undefined) return undefined;
  const out: ShippingLine[] = [];
  for (let i = 0; i < list.length; i++) {
    const line = list[i];
    if (!isObject(line)) return undefined;
    const id = idOf(own(line, "id"));
    const title = optionalString(own(line, "title"));
    const price = bag(own(line, "price"), sides, false);
    const discountAllocations = discounts(own(line, "discountAllocations"), sides);
    const taxes = taxLines(own(line, "taxLines"), sides);
    if (
      id === undefined ||
      title === WRONG ||
      price === undefined ||
      discountAllocations === undefined ||
      taxes === undefined
    )
      return undefined;
    out.push(
      title === ABSENT
        ? { id, price, discountAllocations, taxLines: taxes }
        : { id, title, price, discountAllocations, taxLines: taxes },
    );
  }
  return out;
}

function invoices(u: unknown, sides: Sides): Invoice[] | undefined {
  const list = listOf(u);
  if (list === undefined) return undefined;
  const out: Invoice[] = [];
  for (let i = 0; i < list.length; i++) {
    const invoice = list[i];
    if (!isObject(invoice)) return undefined;
    const id = idOf(own(invoice, "id"));
    const amount = bag(own(invoice, "amount"), sides, false);
    const gateway = optionalString(own(invoice, "gateway"));
    const online = own(invoice, "online");
    if (
      id === undefined ||
      amount === undefined ||
      gateway === WRONG ||
      typeof online !== "boolean"
    )
      return undefined;
    out.push(gateway === ABSENT ? { id, amount, online } : { id, amount, gateway, online });
  }
  return out;
}

/** A nullable string: the string, `null` for absent or `null`, `undefined` for another type. */
function nullableString(u: unknown): string | null | undefined {
  if (u === undefined || u === null) return null;
  return typeof u === "string" ? u : undefined;
}

function memoDuties(u: unknown, sides: Sides): DutyRefund[] | undefined {
  const list = listOf(u);
  if (list === undefined) return undefined;
  const out: DutyRefund[] = [];
  for (let i = 0; i < list.length; i++) {
    const duty = list[i];
    if (!isObject(duty)) return undefined;
    const dutyId = idOf(own(duty, "dutyId"));
    const amount = bag(own(duty, "amount"), sides, false);
    const taxes = taxLines(own(duty, "taxLines"), sides);
    if (dutyId === undefined || amount === undefined || taxes === undefined) return undefined;
    out.push({ dutyId, amount, taxLines: taxes });
  }
  return out;
}

/** A restock type, `"no_restock"` when absent or `null`. */
function restockOf(u: unknown): RestockType | undefined {
  if (u === undefined || u === null) return "no_restock";
  return u === "no_restock" || u === "cancel" || u === "return" ? u : undefined;
}

function memoLines(u: unknown, sides: Sides): CreditMemoLine[] | undefined {
  const list = listOf(u);
  if (list === undefined) return undefined;
  const out: CreditMemoLine[] = [];
  for (let i = 0; i < list.length; i++) {
    const line = list[i];
    if (!isObject(line)) return undefined;
    const lineItemId = idOf(own(line, "lineItemId"));
    const quantity = wholeNumber(own(line, "quantity"), 0);
    const rawAmount = own(line, "amount");
    const amount =
      rawAmount === undefined || rawAmount === null ? null : bag(rawAmount, sides, false);
    const price = bag(own(line, "price"), sides, false);
    const gross = bag(own(line, "gross"), sides, true);
    const discount = bag(own(line, "discount"), sides, false);
    const subtotal = bag(own(line, "subtotal"), sides, true);
    const tax = bag(own(line, "tax"), sides, false);
    const discountAllocations = discounts(own(line, "discountAllocations"), sides);
    const taxes = taxLines(own(line, "taxLines"), sides);
    const lineDuties = memoDuties(own(line, "duties"), sides);
    const total = bag(own(line, "total"), sides, true);
    const restock = restockOf(own(line, "restock"));
    const locationId = nullableString(own(line, "locationId"));
    if (
      lineItemId === undefined ||
      quantity === undefined ||
      amount === undefined ||
      price === undefined ||
      gross === undefined ||
      discount === undefined ||
      subtotal === undefined ||
      tax === undefined ||
      discountAllocations === undefined ||
      taxes === undefined ||
      lineDuties === undefined ||
      total === undefined ||
      restock === undefined ||
      locationId === undefined
    )
      return undefined;
    out.push({
      lineItemId,
      quantity,
      amount,
      price,
      gross,
      discount,
      subtotal,
      tax,
      discountAllocations,
      taxLines: taxes,
      duties: lineDuties,
      total,
      restock,
      locationId,
    });
  }
  return out;
}

function shippingRefund(u: unknown, sides: Sides): ShippingRefund | undefined {
  if (!isObject(u)) return undefined;
  const amount = bag(own(u, "amount"), sides, false);
  const tax = bag(own(u, "tax"), sides, false);
  const maximumRefundable = bag(own(u, "maximumRefundable"), sides, false);
  const list = listOf(own(u, "lines"));
  if (
    amount === undefined ||
    tax === undefined ||
    maximumRefundable === undefined ||
    list === undefined
  )
    return undefined;
  const lines: ShippingLineRefund[] = [];
  for (let i = 0; i < list.length; i++) {
    const line = list[i];
    if (!isObject(line)) return undefined;
    const shippingLineId = idOf(own(line, "shippingLineId"));
    const lineAmount = bag(own(line, "amount"), sides, false);
    const taxes = taxLines(own(line, "taxLines"), sides);
    if (shippingLineId === undefined || lineAmount === undefined || taxes === undefined)
      return undefined;
    lines.push({ shippingLineId, amount: lineAmount, taxLines: taxes });
  }
  return { amount, tax, maximumRefundable, lines };
}

function transactions(u: unknown, sides: Sides): RefundTransaction[] | undefined {
  const list = listOf(u);
  if (list === undefined) return undefined;
  const out: RefundTransaction[] = [];
  for (let i = 0; i < list.length; i++) {
    const transaction = list[i];
    if (!isObject(transaction)) return undefined;
    const invoiceId = idOf(own(transaction, "invoiceId"));
    const gateway = nullableString(own(transaction, "gateway"));
    const online = own(transaction, "online");
    const amount = bag(own(transaction, "amount"), sides, false);
    const maximumRefundable = bag(own(transaction, "maximumRefundable"), sides, false);
    if (
      invoiceId === undefined ||
      gateway === undefined ||
      typeof online !== "boolean" ||
      amount === undefined ||
      maximumRefundable === undefined
    )
      return undefined;
    out.push({ invoiceId, gateway, online, amount, maximumRefundable });
  }
  return out;
}

/**
 * A credit memo of the order, in the order's currencies (a memo in others
 * is left to the codec); `taxesIncluded`, the order's, for a memo without
 * its own ([§6](../../docs/specification.md#6-credit-memo)).
 */
function memo(u: unknown, sides: Sides, taxesIncluded: boolean): CreditMemo | undefined {
  if (!isObject(u)) return undefined;
  const id = idOf(own(u, "id"));
  const orderId = idOf(own(u, "orderId"));
  const currency = own(u, "currency");
  const presentment = own(u, "presentmentCurrency");
  const presentmentCurrency =
    presentment === undefined || presentment === null ? currency : presentment;
  if (
    id === undefined ||
    orderId === undefined ||
    currency !== sides.shop.code ||
    presentmentCurrency !== sides.presentment.code
  )
    return undefined;
  const memoTaxesIncluded = booleanOr(own(u, "taxesIncluded"), taxesIncluded);
  const lines = memoLines(own(u, "lineItems"), sides);
  const shipping = shippingRefund(own(u, "shipping"), sides);
  const adjustmentPositive = bag(own(u, "adjustmentPositive"), sides, false);
  const adjustmentNegative = bag(own(u, "adjustmentNegative"), sides, false);
  const subtotal = bag(own(u, "subtotal"), sides, true);
  const discount = bag(own(u, "discount"), sides, false);
  const tax = bag(own(u, "tax"), sides, false);
  const memoDutiesTotal = bag(own(u, "duties"), sides, false);
  const total = bag(own(u, "total"), sides, false);
  const maximumRefundable = bag(own(u, "maximumRefundable"), sides, false);
  const memoTransactions = transactions(own(u, "transactions"), sides);
  const difference = own(u, "exchangeDifference");
  const exchangeDifference =
    difference === undefined || difference === null ? 0n : minorUnits(difference, sides.shop, true);
  const reason = nullableString(own(u, "reason"));
  const note = nullableString(own(u, "note"));
  const notify = booleanOr(own(u, "notify"), false);
  const idempotencyKey = nullableString(own(u, "idempotencyKey"));
  if (
    memoTaxesIncluded === undefined ||
    lines === undefined ||
    shipping === undefined ||
    adjustmentPositive === undefined ||
    adjustmentNegative === undefined ||
    subtotal === undefined ||
    discount === undefined ||
    tax === undefined ||
    memoDutiesTotal === undefined ||
    total === undefined ||
    maximumRefundable === undefined ||
    memoTransactions === undefined ||
    exchangeDifference === undefined ||
    reason === undefined ||
    note === undefined ||
    notify === undefined ||
    idempotencyKey === undefined
  )
    return undefined;
  // The codec's key order: its fields with the two defaulted ones last.
  return {
    id,
    orderId,
    currency: sides.shop.code,
    taxesIncluded: memoTaxesIncluded,
    lineItems: lines,
    shipping,
    adjustmentPositive,
    adjustmentNegative,
    subtotal,
    discount,
    tax,
    duties: memoDutiesTotal,
    total,
    maximumRefundable,
    transactions: memoTransactions,
    reason,
    note,
    notify,
    idempotencyKey,
    presentmentCurrency: sides.presentment.code,
    exchangeDifference,
  };
}

/**
 * Reads `json` as an order when it is one in the common form, exactly as
 * `decodeOrder` (and `decodeOrderForAudit`) would; `undefined` when it is
 * not, or when it holds anything this fast path leaves to the codec (see
 * the module). Never throws: a value that throws while it is read (a
 * getter, a Proxy) is left to the codec too.
 *
 * @param json - any value, typically from `JSON.parse`.
 * @returns the order, or `undefined` (read it with the codec).
 * @internal
 */
export function readValidOrder(json: unknown): Order | undefined {
  try {
    return readOrder(json);
  } catch {
    return undefined;
  }
}

function readOrder(u: unknown): Order | undefined {
  if (!isObject(u)) return undefined;
  const id = idOf(own(u, "id"));
  const currency = own(u, "currency");
  const presentment = own(u, "presentmentCurrency");
  if (id === undefined || typeof currency !== "string") return undefined;
  const shop = findCurrency(currency);
  const presentmentCode =
    presentment === undefined || presentment === null ? currency : presentment;
  if (shop === undefined || typeof presentmentCode !== "string") return undefined;
  const presentmentSide = findCurrency(presentmentCode);
  if (presentmentSide === undefined) return undefined;
  const sides: Sides = {
    shop,
    presentment: presentmentSide,
    multi: shop.code !== presentmentSide.code,
  };
  const taxesIncluded = booleanOr(own(u, "taxesIncluded"), false);
  if (taxesIncluded === undefined) return undefined;
  const lines = lineItems(own(u, "lineItems"), sides);
  const shipping = shippingLines(own(u, "shippingLines"), sides);
  const orderInvoices = invoices(own(u, "invoices"), sides);
  const memos = listOf(own(u, "refunds"));
  if (
    lines === undefined ||
    shipping === undefined ||
    orderInvoices === undefined ||
    memos === undefined
  )
    return undefined;
  const refunds: CreditMemo[] = [];
  for (let i = 0; i < memos.length; i++) {
    const read = memo(memos[i], sides, taxesIncluded);
    if (read === undefined) return undefined;
    refunds.push(read);
  }
  return {
    id,
    currency,
    presentmentCurrency: presentmentCode,
    taxesIncluded,
    lineItems: lines,
    shippingLines: shipping,
    invoices: orderInvoices,
    refunds,
  };
}
