/**
 * The order: what was sold, what was collected and what was already refunded.
 * Immutable values; every amount is a {@link MoneyBag} of minor units.
 *
 * @module
 */
import type { MoneyBag } from "../money/moneyBag.js";
import type { CreditMemo } from "./creditMemo.js";

/**
 * A discount allocated to a line or a shipping line, for all its units.
 * @category Domain
 */
export interface DiscountAllocation {
  readonly amount: MoneyBag;
  readonly title?: string;
}

/**
 * A tax charged on a line, duty or shipping line. `rate` is informational:
 * `amount` is what was charged and what is prorated.
 * @category Domain
 */
export interface TaxLine {
  readonly title: string;
  readonly rate?: string;
  readonly amount: MoneyBag;
}

/**
 * An import duty on a line, for all its units, with its own taxes.
 * Duties are never included in prices.
 * @category Domain
 */
export interface Duty {
  readonly id: string;
  readonly amount: MoneyBag;
  readonly taxLines: readonly TaxLine[];
}

/**
 * A line of the order. `price` is the unit price before discounts;
 * discounts, taxes and duties are totals for all `quantity` units.
 * @category Domain
 */
export interface LineItem {
  readonly id: string;
  readonly sku?: string;
  readonly title?: string;
  readonly quantity: number;
  readonly price: MoneyBag;
  readonly discountAllocations: readonly DiscountAllocation[];
  readonly taxLines: readonly TaxLine[];
  readonly duties: readonly Duty[];
  /** Units shipped; bounds `return` restocking (defaults to `quantity` when decoded). */
  readonly fulfilledQuantity: number;
}

/**
 * A shipping charge. Its net is `price - Σ discountAllocations`.
 * @category Domain
 */
export interface ShippingLine {
  readonly id: string;
  readonly title?: string;
  readonly price: MoneyBag;
  readonly discountAllocations: readonly DiscountAllocation[];
  readonly taxLines: readonly TaxLine[];
}

/**
 * Money actually collected: a capture, a sale or a paid invoice.
 * `online` says whether it can be refunded through its gateway.
 * @category Domain
 */
export interface Invoice {
  readonly id: string;
  readonly amount: MoneyBag;
  readonly gateway?: string;
  readonly online: boolean;
}

/**
 * An order with its history of refunds (credit memos, oldest first).
 * `presentmentCurrency` equals `currency` on a single-currency order, and then
 * every bag has equal sides.
 * @category Domain
 */
export interface Order {
  readonly id: string;
  readonly currency: string;
  readonly presentmentCurrency: string;
  readonly taxesIncluded: boolean;
  readonly lineItems: readonly LineItem[];
  readonly shippingLines: readonly ShippingLine[];
  readonly invoices: readonly Invoice[];
  readonly refunds: readonly CreditMemo[];
}

/**
 * Whether amounts on the order are bags of two different currencies.
 * @category Domain
 */
export function isMultiCurrency(order: Pick<Order, "currency" | "presentmentCurrency">): boolean {
  return order.currency !== order.presentmentCurrency;
}
