/**
 * The §3.8 (v2) payout rule written apart from the code, with exact
 * rationals: each transaction is presentment money `p` from one invoice,
 * its shop side within half a minor unit of `p · S / P` (`S`, `P` the
 * invoice's money left), all of `S` when it takes all of `P`. The engine
 * may move a result by one unit to keep it in `[1, S − 1]` (so that no
 * transaction is zero on one side only, and an invoice with presentment
 * money keeps shop money); the reference admits exactly that.
 */
import { expect } from "vitest";
import type { CreditMemo } from "../../src/domain/creditMemo.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";

/** An invoice's money left, by id, in the order's invoice order. */
export type InvoicesLeft = ReadonlyArray<{ readonly id: string; readonly left: MoneyBag }>;

/**
 * Whether `shop` is what the rule allows for `p` of an invoice with `left`:
 * all of `S` with all of `P`; else the nearest integer to `p·S/P` (either
 * one on a tie), or — when `S ≥ 2` — 1 when that is below 1, `S − 1` when
 * it is above.
 */
export function shopSideAllowed(p: bigint, left: MoneyBag, shop: bigint): boolean {
  const S = left.shop;
  const P = left.presentment;
  if (p === P) return shop === (S > 0n ? S : 0n);
  if (S <= 0n) return shop === 0n;
  // |shop − p·S/P| ≤ 1/2  ⇔  |shop·P − p·S| · 2 ≤ P.
  const diff = shop * P - p * S;
  const nearest = (diff < 0n ? -diff : diff) * 2n <= P;
  if (S < 2n) return nearest;
  if (shop < 1n || shop > S - 1n) return false;
  const raisedToOne = shop === 1n && p * S * 2n < P; // p·S/P below a half
  const loweredToSMinusOne = shop === S - 1n && (p * S - (S - 1n) * P) * 2n > P; // above S − 1/2
  return nearest || raisedToOne || loweredToSMinusOne;
}

/**
 * Checks a memo's transactions against the rule on the invoices as they
 * were before it, and returns the invoices after it. `suggested`: the
 * presentment sides must also be the reference's — the invoices in order,
 * each up to its presentment money left, those without any skipped.
 */
export function expectPayoutAtInvoiceRates(
  before: InvoicesLeft,
  memo: CreditMemo,
  suggested: boolean,
): InvoicesLeft {
  const left = new Map(before.map((i) => [i.id, i.left]));
  let presentmentSum = 0n;
  let shopSum = 0n;
  for (const t of memo.transactions) {
    const l = left.get(t.invoiceId);
    expect(l).toBeDefined();
    if (l === undefined) continue;
    const { shop, presentment } = t.amount;
    // Presentment money out, never more than the invoice has, never zero.
    expect(presentment > 0n && presentment <= l.presentment).toBe(true);
    expect(shopSideAllowed(presentment, l, shop)).toBe(true);
    // Never below zero on either side.
    expect(shop <= (l.shop > 0n ? l.shop : 0n)).toBe(true);
    // No zero side with a non-zero other side, where the invoice can avoid it.
    if (l.shop >= 2n || presentment === l.presentment) expect(shop === 0n).toBe(l.shop <= 0n);
    left.set(t.invoiceId, { shop: l.shop - shop, presentment: l.presentment - presentment });
    presentmentSum += presentment;
    shopSum += shop;
  }
  expect(presentmentSum).toBe(memo.total.presentment > 0n ? memo.total.presentment : 0n);
  expect(memo.exchangeDifference).toBe(shopSum - memo.total.shop);
  if (suggested) {
    let remaining = memo.total.presentment;
    const expected: [string, bigint][] = [];
    for (const { id, left: l } of before) {
      if (remaining <= 0n) break;
      if (l.presentment <= 0n) continue;
      const take = remaining < l.presentment ? remaining : l.presentment;
      expected.push([id, take]);
      remaining -= take;
    }
    expect(memo.transactions.map((t) => [t.invoiceId, t.amount.presentment])).toEqual(expected);
  }
  return before.map(({ id }) => ({ id, left: left.get(id) as MoneyBag }));
}
