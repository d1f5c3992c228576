/**
 * The refund request ([§4](../../docs/specification.md#4-refund-request)). Free amounts stay exact decimals until the engine
 * knows the currency they are in.
 *
 * @module
 */
import type { DecimalAmount } from "../money/decimal.js";
import type { RestockType } from "./creditMemo.js";

/**
 * A line to refund, named by `lineItemId` or by `sku` (2Checkout's product
 * code), by units (`quantity`), by money (`amount`, [§3.9](../../docs/specification.md#39-line-amounts-v2)) or both; at least
 * one of the two is required. `quantity` is checked by the engine
 * (`INVALID_QUANTITY`), `amount` too (`INVALID_INPUT` unless positive,
 * `OVER_REFUND` with subject `line` above the line's value left).
 * @category Domain
 */
export interface RefundLineRequest {
  /** The order line's id; used before `sku` when both are given. */
  readonly lineItemId?: string;
  /**
   * The line's product code, when `lineItemId` is absent; a sku shared by several lines is
   * `INVALID_INPUT`.
   */
  readonly sku?: string;
  /**
   * Units to refund: a positive whole number, at most the units left. Absent with an `amount`
   * alone: no unit is returned.
   */
  readonly quantity?: number;
  /**
   * Money refunded against the line ([§3.9](../../docs/specification.md#39-line-amounts-v2)), presentment money in the memo line's terms: its
   * `subtotal + tax` (taxes excluded) or its `subtotal` (taxes included). With `quantity`, the
   * units are returned but the money is `amount`.
   */
  readonly amount?: DecimalAmount;
  /** `no_restock`, `cancel` (unfulfilled units) or `return` (fulfilled units). */
  readonly restock: RestockType;
  /** Stock location for restocked units; copied into the memo. */
  readonly locationId?: string;
}

/**
 * Shipping to refund: every line's remainder, or an amount split over the
 * lines (`amount` wins when both are given).
 * @category Domain
 */
export interface ShippingRequest {
  /** Refund every shipping line's remainder. */
  readonly fullRefund: boolean;
  /**
   * Refund this much shipping (presentment money), split over the lines; wins over `fullRefund`.
   */
  readonly amount?: DecimalAmount;
}

/** An explicit payout against one invoice. @category Domain */
export interface TransactionRequest {
  /** An invoice of the order. */
  readonly invoiceId: string;
  /** Positive, at most the invoice's money left (presentment money). */
  readonly amount: DecimalAmount;
}

/**
 * What to refund. Every field is optional in JSON; the decoder fills
 * `lineItems`, `refundDuties`, `full` and `notify` with their defaults.
 * @category Domain
 */
export interface RefundRequest {
  /** Lines to refund, each at most once. */
  readonly lineItems: readonly RefundLineRequest[];
  /** Shipping to refund ([§3.2](../../docs/specification.md#32-shipping)). */
  readonly shipping?: ShippingRequest;
  /** Also prorate the duties of the refunded lines ([§3.3](../../docs/specification.md#33-duties)). */
  readonly refundDuties: boolean;
  /** Money to add that is not tied to items (goodwill). */
  readonly adjustmentPositive?: DecimalAmount;
  /** Money to withhold, such as a restocking fee. */
  readonly adjustmentNegative?: DecimalAmount;
  /**
   * With nothing else to refund, an amount-only refund; otherwise a check of the computed total
   * (`AMOUNT_MISMATCH`).
   */
  readonly amount?: DecimalAmount;
  /**
   * Refund everything left and fit the total to the money left ([§3.6](../../docs/specification.md#36-full-refund)); excludes `lineItems`,
   * `shipping` and `amount`.
   */
  readonly full: boolean;
  /**
   * The currency of the free amounts: must be the presentment currency; required on multi-currency
   * orders.
   */
  readonly currency?: string;
  /**
   * Refund online through this invoice (`OFFLINE_INVOICE` when it is offline); excludes
   * `transactions`.
   */
  readonly invoiceId?: string;
  /** An explicit payout; the amounts must add up to the total. */
  readonly transactions?: readonly TransactionRequest[];
  /** Why the customer is refunded; copied into the memo. */
  readonly reason?: string;
  /** A note for the memo. */
  readonly note?: string;
  /** Whether the embedding service should tell the customer; copied into the memo. */
  readonly notify: boolean;
  /**
   * Becomes the memo's id; a second refund of the order with the same key is `DUPLICATE_REFUND`.
   */
  readonly idempotencyKey?: string;
}
