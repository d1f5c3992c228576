/**
 * A refund a platform recorded as money only — Commerce Layer's refunds of
 * a capture, a 2Checkout order refunded whole — as the recorded refund the
 * memo builder turns into an amount-only credit memo ([§3.4](../../docs/specification.md#34-adjustments-and-amount-only-refunds)) paid from one
 * invoice.
 *
 * @module
 */
import { single, ZERO } from "../money/moneyBag.js";
import type { RecordedRefund } from "./memoBuilder.js";

/** `amount` minor units returned from `invoiceId`, with no lines; problems reported at `path`. */
export function amountOnlyRefund(
  id: string,
  path: string,
  invoiceId: string,
  amount: bigint,
): RecordedRefund {
  return {
    id,
    path,
    lines: [],
    shippingAmount: ZERO,
    shippingTax: ZERO,
    adjustmentPositive: single(amount),
    adjustmentNegative: ZERO,
    payout: { kind: "explicit", transactions: [{ invoiceId, amount: single(amount), path }] },
    note: null,
  };
}
