/**
 * Comparing refund histories: a carried history keeps its idempotency keys
 * and memo ids in logs shared along a chain (src/order/refundHistory.ts), a
 * history read from refunds in plain sets; both are compared as the keys
 * they hold.
 */
import type { RefundHistory } from "../../src/order/refundHistory.js";

/** `history` with its key sets as plain sets, for `toEqual`. */
export function withPlainKeys(history: RefundHistory | undefined) {
  return (
    history && {
      ...history,
      idempotencyKeys: new Set(history.idempotencyKeys),
      memoIds: new Set(history.memoIds),
    }
  );
}
