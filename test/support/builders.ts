/**
 * Test builders: orders and requests written in TypeScript with decimal
 * strings, independent of the JSON codecs.
 */
import * as E from "fp-ts/lib/Either.js";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type {
  DiscountAllocation,
  Duty,
  Invoice,
  LineItem,
  Order,
  ShippingLine,
  TaxLine,
} from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import type { RefundError } from "../../src/errors.js";
import { findCurrency } from "../../src/money/currency.js";
import {
  type DecimalAmount,
  formatMinorUnits,
  parseDecimal,
  toMinorUnits,
} from "../../src/money/decimal.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";

/** Minor units of a decimal string in a currency (throws in tests only). */
export function minor(text: string, currency = "USD"): bigint {
  const c = findCurrency(currency);
  const d = parseDecimal(text);
  const m = c && d ? toMinorUnits(d, c) : undefined;
  if (m === undefined) throw new Error(`bad amount ${text} ${currency}`);
  return m;
}

/** A single-currency bag from a decimal string. */
export function usd(text: string, currency = "USD"): MoneyBag {
  const m = minor(text, currency);
  return { shop: m, presentment: m };
}

/** A multi-currency bag: shop and presentment decimal strings. */
export function bag(
  shop: string,
  presentment: string,
  shopCurrency = "USD",
  presentmentCurrency = "EUR",
): MoneyBag {
  return { shop: minor(shop, shopCurrency), presentment: minor(presentment, presentmentCurrency) };
}

/** An exact request amount. */
export function dec(text: string): DecimalAmount {
  const d = parseDecimal(text);
  if (d === undefined) throw new Error(`bad decimal ${text}`);
  return d;
}

type Amount = MoneyBag | string;
const money = (a: Amount): MoneyBag => (typeof a === "string" ? usd(a) : a);

export function tax(amount: Amount, title = "Tax", rate?: string): TaxLine {
  return rate === undefined
    ? { title, amount: money(amount) }
    : { title, rate, amount: money(amount) };
}

export function discount(amount: Amount, title = "Discount"): DiscountAllocation {
  return { title, amount: money(amount) };
}

export function duty(id: string, amount: Amount, taxLines: TaxLine[] = []): Duty {
  return { id, amount: money(amount), taxLines };
}

export function line(
  id: string,
  quantity: number,
  price: Amount,
  parts: Partial<Omit<LineItem, "id" | "quantity" | "price">> = {},
): LineItem {
  return {
    id,
    quantity,
    price: money(price),
    discountAllocations: [],
    taxLines: [],
    duties: [],
    fulfilledQuantity: quantity,
    ...parts,
  };
}

export function shippingLine(
  id: string,
  price: Amount,
  parts: Partial<Omit<ShippingLine, "id" | "price">> = {},
): ShippingLine {
  return { id, price: money(price), discountAllocations: [], taxLines: [], ...parts };
}

export function invoice(id: string, amount: Amount, online = true, gateway = "bogus"): Invoice {
  return { id, amount: money(amount), online, gateway };
}

export function order(parts: Partial<Order> = {}): Order {
  return {
    id: "1",
    currency: "USD",
    presentmentCurrency: "USD",
    taxesIncluded: false,
    lineItems: [],
    shippingLines: [],
    invoices: [],
    refunds: [],
    ...parts,
  };
}

export function request(parts: Partial<RefundRequest> = {}): RefundRequest {
  return { lineItems: [], refundDuties: false, full: false, notify: false, ...parts };
}

/** The memo of a Right, failing the test on a Left. */
export function memoOf(result: E.Either<readonly RefundError[], CreditMemo>): CreditMemo {
  if (E.isLeft(result)) throw new Error(`expected a memo, got ${JSON.stringify(result.left)}`);
  return result.right;
}

/** The errors of a Left, failing the test on a Right. */
export function errorsOf<T>(result: E.Either<readonly RefundError[], T>): readonly RefundError[] {
  if (E.isRight(result)) throw new Error("expected errors, got a result");
  return result.left;
}

/** A bag written as decimal strings, for readable assertions: "5.00" or "5.00/4.56". */
export function show(b: MoneyBag, shop = "USD", presentment = shop): string {
  const s = formatMinorUnits(b.shop, findCurrency(shop) ?? { code: shop, exponent: 2 });
  const p = formatMinorUnits(
    b.presentment,
    findCurrency(presentment) ?? { code: presentment, exponent: 2 },
  );
  return shop === presentment && s === p ? s : `${s}/${p}`;
}
