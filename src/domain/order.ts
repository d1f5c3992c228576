/**
 * The order: what was sold, what was collected and what was already refunded.
 * Immutable values; every amount is a {@link MoneyBag} of minor units.
 *
 * @module
 */
import { type MoneyBag, subtractBags, sumAmounts } from "../money/moneyBag.js";
import type { CreditMemo } from "./creditMemo.js";
import { currenciesShapeError } from "./shapes.js";

/**
 * A discount allocated to a line or a shipping line, for all its units.
 * @category Domain
 */
export interface DiscountAllocation {
  /** The discount for all units of the line (or for the shipping line). */
  readonly amount: MoneyBag;
  /** The discount's name, such as a code (`SUMMER20`); informational. */
  readonly title?: string;
}

/**
 * A tax charged on a line, duty or shipping line. `rate` is informational:
 * `amount` is what was charged and what is prorated.
 * @category Domain
 */
export interface TaxLine {
  /** The tax's name, such as `State Tax`. */
  readonly title: string;
  /** Informational rate as a decimal string (`"0.0825"`); never used to compute. */
  readonly rate?: string;
  /** The tax charged, for all units: this is what is prorated. */
  readonly amount: MoneyBag;
}

/**
 * An import duty on a line, for all its units, with its own taxes.
 * Duties are never included in prices.
 * @category Domain
 */
export interface Duty {
  /** Unique among all duties of the order; memos name it as `dutyId`. */
  readonly id: string;
  /** The duty for all units of the line. */
  readonly amount: MoneyBag;
  /** Taxes charged on the duty, for all units. */
  readonly taxLines: readonly TaxLine[];
}

/**
 * A line of the order. `price` is the unit price before discounts;
 * discounts, taxes and duties are totals for all `quantity` units.
 * @category Domain
 */
export interface LineItem {
  /** Unique among the order's lines. */
  readonly id: string;
  /** The product code; a request may name the line by it (2Checkout). */
  readonly sku?: string;
  /** Informational. */
  readonly title?: string;
  /** Units ordered: a positive whole number. */
  readonly quantity: number;
  /** Unit price before discounts; includes tax when the order's `taxesIncluded`. */
  readonly price: MoneyBag;
  /** Discounts on the line, each for all units. */
  readonly discountAllocations: readonly DiscountAllocation[];
  /** Taxes on the line, each for all units. */
  readonly taxLines: readonly TaxLine[];
  /** Import duties on the line, each for all units. */
  readonly duties: readonly Duty[];
  /** Units shipped; bounds `return` restocking (defaults to `quantity` when decoded). */
  readonly fulfilledQuantity: number;
}

/**
 * A shipping charge. Its net is `price - Σ discountAllocations`.
 * @category Domain
 */
export interface ShippingLine {
  /** Unique among the order's shipping lines. */
  readonly id: string;
  /** Informational, such as `Table Rate`. */
  readonly title?: string;
  /** The shipping price before discounts; includes tax when the order's `taxesIncluded`. */
  readonly price: MoneyBag;
  /** Discounts on the shipping. */
  readonly discountAllocations: readonly DiscountAllocation[];
  /** Taxes on the shipping; refunded only when the line takes part in a refund. */
  readonly taxLines: readonly TaxLine[];
}

/**
 * Money actually collected: a capture, a sale or a paid invoice.
 * `online` says whether it can be refunded through its gateway.
 * @category Domain
 */
export interface Invoice {
  /** Unique among the order's invoices; transactions name it. */
  readonly id: string;
  /** Money collected. */
  readonly amount: MoneyBag;
  /** The payment gateway, copied into transactions. */
  readonly gateway?: string;
  /** Whether the gateway can refund it (`false` for bank transfers, cash and checks). */
  readonly online: boolean;
}

/**
 * An order with its history of refunds (credit memos, oldest first).
 * `presentmentCurrency` equals `currency` on a single-currency order, and then
 * every bag has equal sides.
 * @category Domain
 */
export interface Order {
  /** The order's id; default memo ids start with it. */
  readonly id: string;
  /** The shop currency (ISO 4217): the `shop` side of every bag. */
  readonly currency: string;
  /**
   * The currency the customer paid in: the `presentment` side of every bag, and the currency of
   * free request amounts.
   */
  readonly presentmentCurrency: string;
  /** Whether prices and shipping prices include their taxes. */
  readonly taxesIncluded: boolean;
  /** What was sold. */
  readonly lineItems: readonly LineItem[];
  /** What was charged for shipping. */
  readonly shippingLines: readonly ShippingLine[];
  /** Money collected: captures, sales, paid invoices (never uncaptured authorizations). */
  readonly invoices: readonly Invoice[];
  /** Credit memos already applied, oldest first; what was refunded is read from them. */
  readonly refunds: readonly CreditMemo[];
}

/**
 * Whether amounts on the order are bags of two different currencies
 * (`presentmentCurrency` differs from `currency`). On such an order a
 * request with free amounts must carry `currency` ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)).
 *
 * @param order - an order, or anything with its two currencies.
 * @returns `true` for a multi-currency order.
 * @example
 * ```ts
 * import { isMultiCurrency } from "refund-core";
 * isMultiCurrency({ currency: "USD", presentmentCurrency: "EUR" }); // => true
 * isMultiCurrency({ currency: "USD", presentmentCurrency: "USD" }); // => false
 * ```
 * @category Domain
 */
export function isMultiCurrency(order: Pick<Order, "currency" | "presentmentCurrency">): boolean {
  // A value without both codes (a JavaScript caller's wrong type) is not.
  if (currenciesShapeError(order) !== undefined) return false;
  return order.currency !== order.presentmentCurrency;
}

/**
 * The currency of one side of the order's money bags: `currency` (shop) or `presentmentCurrency`.
 * @internal
 */
export function currencyOfSide(
  order: Pick<Order, "currency" | "presentmentCurrency">,
  side: "shop" | "presentment",
): string {
  return side === "shop" ? order.currency : order.presentmentCurrency;
}

/**
 * A shipping line's net: its price less its discounts (what can be refunded of it, [§3.2](../../docs/specification.md#32-shipping)).
 * @internal
 */
export function shippingNet(line: ShippingLine): MoneyBag {
  // No discount (most shipping lines): the price itself, no sum made.
  if (line.discountAllocations.length === 0) return line.price;
  return subtractBags(line.price, sumAmounts(line.discountAllocations));
}
