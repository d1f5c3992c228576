/**
 * The refund request (§4). Free amounts stay exact decimals until the engine
 * knows the currency they are in.
 *
 * @module
 */
import type { DecimalAmount } from "../money/decimal.js";
import type { RestockType } from "./creditMemo.js";

/**
 * A line to refund, named by `lineItemId` or by `sku` (2Checkout's product
 * code). `quantity` is checked by the engine (`INVALID_QUANTITY`).
 * @category Domain
 */
export interface RefundLineRequest {
  readonly lineItemId?: string;
  readonly sku?: string;
  readonly quantity: number;
  readonly restock: RestockType;
  readonly locationId?: string;
}

/**
 * Shipping to refund: every line's remainder, or an amount split over the
 * lines (`amount` wins when both are given).
 * @category Domain
 */
export interface ShippingRequest {
  readonly fullRefund: boolean;
  readonly amount?: DecimalAmount;
}

/** An explicit payout against one invoice. @category Domain */
export interface TransactionRequest {
  readonly invoiceId: string;
  readonly amount: DecimalAmount;
}

/**
 * What to refund. Every field is optional in JSON; the decoder fills
 * `lineItems`, `refundDuties`, `full` and `notify` with their defaults.
 * @category Domain
 */
export interface RefundRequest {
  readonly lineItems: readonly RefundLineRequest[];
  readonly shipping?: ShippingRequest;
  readonly refundDuties: boolean;
  readonly adjustmentPositive?: DecimalAmount;
  readonly adjustmentNegative?: DecimalAmount;
  readonly amount?: DecimalAmount;
  readonly full: boolean;
  readonly currency?: string;
  readonly invoiceId?: string;
  readonly transactions?: readonly TransactionRequest[];
  readonly reason?: string;
  readonly note?: string;
  readonly notify: boolean;
  readonly idempotencyKey?: string;
}
