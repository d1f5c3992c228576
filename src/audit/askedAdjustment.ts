/**
 * The negative adjustment a full refund ([§3.6](../../docs/specification.md#36-full-refund)) was asked with, found
 * again from its memo on a multi-currency order. The fitting to the money
 * left adds to the negative adjustment's presentment side whatever the
 * request refunds beyond the presentment money left, so the recorded
 * presentment side is not always the one asked; its shop side, though, is
 * still the asked amount's at the money left's rate
 * ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)) whenever the fitting added nothing to it. That shop side
 * `k` gives the asked presentment amount back: `a = round(k · P / S)` at the
 * money left `S`/`P` — for any rounding to nearest, `round(a · S / P) = k`.
 *
 * @module
 */
import type { CreditMemo } from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import type { RefundRequest } from "../domain/refundRequest.js";
import { findCurrency } from "../money/currency.js";
import type { MoneyBag } from "../money/moneyBag.js";
import { divideRounded } from "../money/rounding.js";

/**
 * `requests` (the replays of `memo`), and — when one of them is a full
 * refund with a negative adjustment — also that full refund with the
 * negative adjustment's presentment amount whose shop side at the rate of
 * `moneyLeft` (the order's money left before the memo) is the memo's
 * recorded negative adjustment shop side, when it differs from the
 * recorded presentment side.
 *
 * @param order - the order as it stood before the memo.
 * @param memo - the recorded memo.
 * @param requests - its replay requests (see `replayRequests`).
 * @param moneyLeft - the order's money left before the memo.
 */
export function withAskedNegativeAdjustment(
  order: Order,
  memo: CreditMemo,
  requests: readonly RefundRequest[],
  moneyLeft: MoneyBag,
): readonly RefundRequest[] {
  const full = requests.find((r) => r.full && r.adjustmentNegative !== undefined);
  const shop = memo.adjustmentNegative.shop;
  if (full === undefined || moneyLeft.shop <= 0n || shop <= 0n) return requests;
  const asked =
    shop === moneyLeft.shop
      ? moneyLeft.presentment
      : divideRounded(shop * moneyLeft.presentment, moneyLeft.shop, "halfAwayFromZero");
  if (asked <= 0n || asked === memo.adjustmentNegative.presentment) return requests;
  const scale = findCurrency(order.presentmentCurrency)?.exponent ?? 0;
  return [...requests, { ...full, adjustmentNegative: { coefficient: asked, scale } }];
}
