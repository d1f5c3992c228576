/**
 * The recorded transactions of a memo, checked on their own ([§9.2](../../docs/specification.md#92-audit)): each
 * names an invoice of the order and stays within that invoice's money left
 * before the memo, and together they equal the memo's recorded total — on
 * the shop side of a multi-currency memo, the total plus its recorded
 * `exchangeDifference` ([§3.8](../../docs/specification.md#38-free-amounts-and-currency) v2). What an earlier memo took too much of
 * leaves nothing, never less (an amount in a report is never negative).
 *
 * @module
 */
import type { CreditMemo } from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { type RefundError, refundErrors } from "../errors.js";
import { addBags, type MoneyBag, sumBy, ZERO } from "../money/moneyBag.js";
import type { CheckedHistory } from "../order/carriedHistory.js";
import { invoiceMoneyLeft } from "../order/moneyLeft.js";
import { type AmountDifference, bagComparer } from "./compareMemos.js";

/** What is wrong with a memo's transactions. */
export interface TransactionFindings {
  /** `UNKNOWN_INVOICE` for a transaction naming no invoice of the order. */
  readonly errors: readonly RefundError[];
  /**
   * `transactions[j].amount` when a transaction takes more than its invoice
   * had left (expected: what was left, less what earlier transactions of the
   * same memo took from it, and never below zero); `transactions` when the
   * transactions do not add up to the recorded total (expected: the total,
   * on the shop side plus the memo's `exchangeDifference`).
   */
  readonly differences: readonly AmountDifference[];
}

function atLeastZero(amount: bigint): bigint {
  return amount < 0n ? 0n : amount;
}

/** Checks `memo.transactions` against the order as it stood before the memo. */
export function checkTransactions(
  order: Order,
  memo: CreditMemo,
  { history, ids }: CheckedHistory,
): TransactionFindings {
  const compare = bagComparer(order);
  const takenNow = new Map<string, MoneyBag>();
  const errors: RefundError[] = [];
  const differences: AmountDifference[] = [];
  memo.transactions.forEach((transaction, j) => {
    const position = ids.invoices.get(transaction.invoiceId);
    const invoice = position === undefined ? undefined : order.invoices[position];
    if (invoice === undefined) {
      errors.push(
        refundErrors.unknownInvoice(`transactions[${j}].invoiceId`, transaction.invoiceId),
      );
      return;
    }
    const before = takenNow.get(invoice.id) ?? ZERO;
    const left = invoiceMoneyLeft(invoice, history);
    const available = {
      shop: atLeastZero(left.shop - before.shop),
      presentment: atLeastZero(left.presentment - before.presentment),
    };
    takenNow.set(invoice.id, addBags(before, transaction.amount));
    const atMost = (amount: bigint, limit: bigint) => (amount > limit ? limit : amount);
    const within: MoneyBag = {
      shop: atMost(transaction.amount.shop, available.shop),
      presentment: atMost(transaction.amount.presentment, available.presentment),
    };
    differences.push(...compare(`transactions[${j}].amount`, transaction.amount, within));
  });
  const paid = sumBy(memo.transactions, (t) => t.amount);
  const owed = { ...memo.total, shop: memo.total.shop + memo.exchangeDifference };
  differences.push(...compare("transactions", paid, owed));
  return { errors, differences };
}
