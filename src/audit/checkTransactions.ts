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
import type { CreditMemo, RefundTransaction } from "../domain/creditMemo.js";
import { isMultiCurrency, type Order } from "../domain/order.js";
import { type RefundError, refundErrors } from "../errors.js";
import { addBags, type MoneyBag, ZERO } from "../money/moneyBag.js";
import type { CheckedHistory } from "../order/carriedHistory.js";
import { invoiceMoneyLeft } from "../order/moneyLeft.js";
import { type AmountDifference, bagsDiffer, pushBagDifferences } from "./compareMemos.js";

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
  const multi = isMultiCurrency(order);
  const transactions = memo.transactions;
  // What earlier transactions of this memo took, by invoice (only when there are several).
  const takenNow = transactions.length > 1 ? new Map<string, MoneyBag>() : undefined;
  const errors: RefundError[] = [];
  const differences: AmountDifference[] = [];
  let paidShop = 0n;
  let paidPresentment = 0n;
  for (let j = 0; j < transactions.length; j++) {
    const transaction = transactions[j] as RefundTransaction;
    const amount = transaction.amount;
    paidShop += amount.shop;
    paidPresentment += amount.presentment;
    const position = ids.invoices.get(transaction.invoiceId);
    const invoice = position === undefined ? undefined : order.invoices[position];
    if (invoice === undefined) {
      errors.push(
        refundErrors.unknownInvoice(`transactions[${j}].invoiceId`, transaction.invoiceId),
      );
      continue;
    }
    const before = takenNow?.get(invoice.id) ?? ZERO;
    const left = invoiceMoneyLeft(invoice, history);
    const availableShop = atLeastZero(left.shop - before.shop);
    const availablePresentment = atLeastZero(left.presentment - before.presentment);
    takenNow?.set(invoice.id, addBags(before, amount));
    if (amount.shop <= availableShop && amount.presentment <= availablePresentment) continue;
    const within: MoneyBag = {
      shop: amount.shop > availableShop ? availableShop : amount.shop,
      presentment:
        amount.presentment > availablePresentment ? availablePresentment : amount.presentment,
    };
    if (bagsDiffer(multi, amount, within))
      pushBagDifferences(differences, order, multi, `transactions[${j}].amount`, amount, within);
  }
  const paid: MoneyBag = { shop: paidShop, presentment: paidPresentment };
  const owed: MoneyBag = {
    shop: memo.total.shop + memo.exchangeDifference,
    presentment: memo.total.presentment,
  };
  if (bagsDiffer(multi, paid, owed))
    pushBagDifferences(differences, order, multi, "transactions", paid, owed);
  return { errors, differences };
}
