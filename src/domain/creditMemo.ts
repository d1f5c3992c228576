/**
 * The credit memo: the result of a refund, and the format of the order's
 * refund history ([§6](../../docs/specification.md#6-credit-memo)).
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
  /** The discount's title, copied from the order line's allocation (absent when it has none). */
  readonly title?: string;
  /** The part of the allocation this memo gives back (zero when none). */
  readonly amount: MoneyBag;
}

/** A refunded share of a tax line. @category Domain */
export interface TaxLineRefund {
  /** The tax line's title, copied from the order. */
  readonly title: string;
  /** The tax line's informational rate, copied from the order; never used to compute. */
  readonly rate?: string;
  /** The part of the tax line this memo refunds (zero when none). */
  readonly amount: MoneyBag;
}

/** A refunded share of a duty and of its taxes. @category Domain */
export interface DutyRefund {
  /** The id of the order's duty; the history matches duties by this id. */
  readonly dutyId: string;
  /** The part of the duty refunded: zero unless the request set `refundDuties` or `full`. */
  readonly amount: MoneyBag;
  /** The refunded part of each of the duty's tax lines, in the order's order. */
  readonly taxLines: readonly TaxLineRefund[];
}

/**
 * One refunded order line. `discountAllocations` and `taxLines` list one
 * entry for each of the order line's, in the same order; `duties` one entry
 * for each of its duties.
 * @category Domain
 */
export interface CreditMemoLine {
  /** The id of the refunded order line. */
  readonly lineItemId: string;
  /** Units refunded by this memo. */
  readonly quantity: number;
  /**
   * The line amount the request gave ([§3.9](../../docs/specification.md#39-line-amounts-v2)): the money refunded against the line, its `subtotal +
   * tax` (taxes excluded) or its `subtotal` (taxes included); `null` when the line was refunded by
   * units. The history reads the line's progress back from it.
   */
  readonly amount: MoneyBag | null;
  /** The order line's unit price before discounts. */
  readonly price: MoneyBag;
  /** `price × quantity`, exact. */
  readonly gross: MoneyBag;
  /**
   * Sum of `discountAllocations`: the discount that went with these units, kept back from the
   * refund.
   */
  readonly discount: MoneyBag;
  /** `gross − discount`. */
  readonly subtotal: MoneyBag;
  /** Sum of `taxLines` (already inside `subtotal` when the order's taxes are included). */
  readonly tax: MoneyBag;
  /**
   * One entry per discount allocation of the order line, in the same order (zero when nothing of it
   * is refunded).
   */
  readonly discountAllocations: readonly DiscountRefund[];
  /**
   * One entry per tax line of the order line, in the same order (zero when nothing of it is
   * refunded).
   */
  readonly taxLines: readonly TaxLineRefund[];
  /**
   * One entry per duty of the order line, in the same order; amounts are zero when duties are not
   * refunded.
   */
  readonly duties: readonly DutyRefund[];
  /** `subtotal`, plus `tax` unless taxes are included, plus the duties and their taxes. */
  readonly total: MoneyBag;
  /** What happens to the refunded units in stock. */
  readonly restock: RestockType;
  /** The stock location given in the request, or `null`. */
  readonly locationId: string | null;
}

/** The refunded part of one shipping line. @category Domain */
export interface ShippingLineRefund {
  /** The id of the order's shipping line. */
  readonly shippingLineId: string;
  /** Shipping refunded on this line (tax included when the order's taxes are included). */
  readonly amount: MoneyBag;
  /**
   * The refunded part of each of the line's tax lines; zero unless the line takes part in the
   * refund.
   */
  readonly taxLines: readonly TaxLineRefund[];
}

/** Shipping refunded by a memo; `maximumRefundable` was left before it. @category Domain */
export interface ShippingRefund {
  /** Shipping refunded, over all lines. */
  readonly amount: MoneyBag;
  /** Tax refunded on shipping, over all lines. */
  readonly tax: MoneyBag;
  /** Shipping left to refund before this memo: net of discounts and of earlier refunds. */
  readonly maximumRefundable: MoneyBag;
  /** One entry per shipping line of the order, in the same order. */
  readonly lines: readonly ShippingLineRefund[];
}

/**
 * Money paid out against one invoice. `online: false` means the money is
 * returned by hand (bank transfer, cash); `maximumRefundable` was the
 * invoice's money left before this refund.
 * @category Domain
 */
export interface RefundTransaction {
  /** The invoice (capture, sale or paid invoice) the money goes back through. */
  readonly invoiceId: string;
  /** The invoice's gateway, or `null` when the order names none. */
  readonly gateway: string | null;
  /** `true` when the gateway refunds it; `false` when the money is returned by hand. */
  readonly online: boolean;
  /** Money paid out against this invoice. */
  readonly amount: MoneyBag;
  /** The invoice's money left before this refund. */
  readonly maximumRefundable: MoneyBag;
}

/**
 * A credit memo ([§6](../../docs/specification.md#6-credit-memo)). `maximumRefundable` figures are what was left before
 * this refund.
 * @category Domain
 */
export interface CreditMemo {
  /**
   * `idempotencyKey` when given, else `<orderId>-<n>` with `n` the memo's 1-based position in
   * `order.refunds`.
   */
  readonly id: string;
  /** The id of the refunded order. */
  readonly orderId: string;
  /** The order's shop currency: the `shop` side of every bag. */
  readonly currency: string;
  /** The order's presentment currency: the `presentment` side of every bag. */
  readonly presentmentCurrency: string;
  /**
   * Copied from the order ([§6](../../docs/specification.md#6-credit-memo)): whether line subtotals and shipping amounts contain their tax (then
   * `total` does not add `tax` again).
   */
  readonly taxesIncluded: boolean;
  /** The refunded lines, in the order of the request (of the order, for a full refund). */
  readonly lineItems: readonly CreditMemoLine[];
  /** The refunded shipping, line by line. */
  readonly shipping: ShippingRefund;
  /**
   * Money added that is not tied to items: goodwill, an amount-only refund, or the fit of a full
   * refund.
   */
  readonly adjustmentPositive: MoneyBag;
  /** Money withheld, such as a restocking fee, or the fit of a full refund. */
  readonly adjustmentNegative: MoneyBag;
  /** Sum of the lines' subtotals. */
  readonly subtotal: MoneyBag;
  /** Sum of the lines' discounts. */
  readonly discount: MoneyBag;
  /** All tax refunded: lines, shipping and duties. */
  readonly tax: MoneyBag;
  /** Duties refunded, without their taxes (those are in `tax`). */
  readonly duties: MoneyBag;
  /**
   * The money refunded ([§3.5](../../docs/specification.md#35-totals)): subtotals, taxes unless included, shipping, duties and their taxes,
   * plus `adjustmentPositive` minus `adjustmentNegative`.
   */
  readonly total: MoneyBag;
  /** The order's money left before this refund. */
  readonly maximumRefundable: MoneyBag;
  /** How `total` is paid out, invoice by invoice; empty for a zero total. */
  readonly transactions: readonly RefundTransaction[];
  /**
   * Shop minor units, signed: the transactions' shop sum minus the shop side of `total` ([§3.8](../../docs/specification.md#38-free-amounts-and-currency),
   * v2). Each transaction's shop side is converted at its own invoice's rate while the lines were
   * booked at the order's, so on a multi-currency memo the two may differ; the difference is
   * reported here, never hidden in an amount. Always zero on a single-currency memo; a memo
   * written before v2 (without the field) reads as zero.
   */
  readonly exchangeDifference: bigint;
  /** The request's `reason`, or `null`. */
  readonly reason: string | null;
  /** The request's `note`, or `null`. */
  readonly note: string | null;
  /** Whether the embedding service should tell the customer (from the request). */
  readonly notify: boolean;
  /** The request's idempotency key, or `null`. */
  readonly idempotencyKey: string | null;
}
