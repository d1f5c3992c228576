/**
 * The credit memo: the result of a refund, and the format of the order's
 * refund history (§6).
 *
 * @module
 */
import type { MoneyBag } from "../money/moneyBag.js";

/**
 * What happens to refunded units: `no_restock` (default), `cancel` (never
 * shipped, back to available) or `return` (shipped and returned).
 * @category Domain
 */
export type RestockType = "no_restock" | "cancel" | "return";

/** A refunded share of a discount allocation. @category Domain */
export interface DiscountRefund {
  readonly title?: string;
  readonly amount: MoneyBag;
}

/** A refunded share of a tax line. @category Domain */
export interface TaxLineRefund {
  readonly title: string;
  readonly rate?: string;
  readonly amount: MoneyBag;
}

/** A refunded share of a duty and of its taxes. @category Domain */
export interface DutyRefund {
  readonly dutyId: string;
  readonly amount: MoneyBag;
  readonly taxLines: readonly TaxLineRefund[];
}

/**
 * One refunded order line. `discountAllocations` and `taxLines` list one
 * entry for each of the order line's, in the same order; `duties` one entry
 * for each of its duties.
 * @category Domain
 */
export interface CreditMemoLine {
  readonly lineItemId: string;
  readonly quantity: number;
  readonly price: MoneyBag;
  readonly gross: MoneyBag;
  readonly discount: MoneyBag;
  readonly subtotal: MoneyBag;
  readonly tax: MoneyBag;
  readonly discountAllocations: readonly DiscountRefund[];
  readonly taxLines: readonly TaxLineRefund[];
  readonly duties: readonly DutyRefund[];
  readonly total: MoneyBag;
  readonly restock: RestockType;
  readonly locationId: string | null;
}

/** The refunded part of one shipping line. @category Domain */
export interface ShippingLineRefund {
  readonly shippingLineId: string;
  readonly amount: MoneyBag;
  readonly taxLines: readonly TaxLineRefund[];
}

/** Shipping refunded by a memo; `maximumRefundable` was left before it. @category Domain */
export interface ShippingRefund {
  readonly amount: MoneyBag;
  readonly tax: MoneyBag;
  readonly maximumRefundable: MoneyBag;
  readonly lines: readonly ShippingLineRefund[];
}

/**
 * Money paid out against one invoice. `online: false` means the money is
 * returned by hand (bank transfer, cash); `maximumRefundable` was the
 * invoice's money left before this refund.
 * @category Domain
 */
export interface RefundTransaction {
  readonly invoiceId: string;
  readonly gateway: string | null;
  readonly online: boolean;
  readonly amount: MoneyBag;
  readonly maximumRefundable: MoneyBag;
}

/**
 * A credit memo (§6). `maximumRefundable` figures are what was left before
 * this refund.
 * @category Domain
 */
export interface CreditMemo {
  readonly id: string;
  readonly orderId: string;
  readonly currency: string;
  readonly presentmentCurrency: string;
  readonly lineItems: readonly CreditMemoLine[];
  readonly shipping: ShippingRefund;
  readonly adjustmentPositive: MoneyBag;
  readonly adjustmentNegative: MoneyBag;
  readonly subtotal: MoneyBag;
  readonly discount: MoneyBag;
  readonly tax: MoneyBag;
  readonly duties: MoneyBag;
  readonly total: MoneyBag;
  readonly maximumRefundable: MoneyBag;
  readonly transactions: readonly RefundTransaction[];
  readonly reason: string | null;
  readonly note: string | null;
  readonly notify: boolean;
  readonly idempotencyKey: string | null;
}
