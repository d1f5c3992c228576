/**
 * Money out ([§3.7](../../docs/specification.md#37-money-out-transactions), [§3.8](../../docs/specification.md#38-free-amounts-and-currency)): which invoices pay the refund. Suggested
 * transactions take the invoices in order, each up to its presentment money
 * left; `invoiceId` asks for one online transaction; explicit transactions
 * are checked. Every transaction is presentment money whose shop side is
 * converted at its own invoice's rate (v2); what that leaves between the
 * transactions' shop sum and the memo's shop total is the memo's
 * `exchangeDifference`.
 *
 * @module
 */
import type { RefundTransaction } from "../domain/creditMemo.js";
import type { Invoice, Order } from "../domain/order.js";
import type { RefundRequest } from "../domain/refundRequest.js";
import { type RefundError, refundErrors } from "../errors.js";
import { formatInCurrency } from "../money/decimal.js";
import {
  addBags,
  isZeroBag,
  type MoneyBag,
  single,
  subtractBags,
  ZERO,
} from "../money/moneyBag.js";
import { divideRounded, type RoundingMode } from "../money/rounding.js";
import { invoiceMoneyLeft, moneyCollected } from "../order/moneyLeft.js";
import type { IdPositions } from "../order/orderConsistency.js";
import type { RefundHistory } from "../order/refundHistory.js";

/** How the request wants to be paid out. */
export type PayoutAsk =
  | { readonly kind: "suggested" }
  | { readonly kind: "invoice"; readonly invoiceId: string }
  | {
      readonly kind: "explicit";
      readonly transactions: readonly {
        readonly invoiceId: string;
        readonly presentment: bigint;
      }[];
    }
  /**
   * No transactions: the total is only checked against the money left. An
   * audit replay, whose recorded transactions are checked on their own.
   */
  | { readonly kind: "none" };

/** No errors: shared by every payout check that finds none (frozen, never pushed onto). */
const NO_ERRORS: readonly RefundError[] = Object.freeze([]);

/** The suggested payout, the most common ask: one shared value. */
const SUGGESTED: PayoutAsk = { kind: "suggested" };

/** No payout: an audit replay's ask. */
export const NO_PAYOUT: PayoutAsk = { kind: "none" };

/**
 * What {@link payOut} gives when there is nothing to pay out because the
 * total itself is wrong: no errors, no transactions. Never part of a memo.
 */
export const NO_PAYOUT_RESULT: PayoutResult = Object.freeze({
  errors: NO_ERRORS,
  transactions: Object.freeze([]),
});

/**
 * The payout the request asks for, from its `invoiceId` or `transactions`.
 * `transactionAmounts` are its transactions' amounts as `readFreeAmounts`
 * read them: `undefined` exactly when it has no transactions, which are
 * then not read again (in a service, each read of a field the request
 * lacks is a slow, megamorphic load).
 */
export function payoutAskOf(
  request: RefundRequest,
  transactionAmounts: readonly bigint[] | undefined,
): PayoutAsk {
  const transactions = transactionAmounts === undefined ? undefined : request.transactions;
  if (transactions !== undefined)
    return {
      kind: "explicit",
      transactions: transactions.map((t, i) => ({
        invoiceId: t.invoiceId,
        presentment: transactionAmounts?.[i] ?? 0n,
      })),
    };
  if (request.invoiceId !== undefined) return { kind: "invoice", invoiceId: request.invoiceId };
  return SUGGESTED;
}

/**
 * Checks of the payout that do not depend on the total: `invoiceId` with
 * `transactions`, unknown invoices, offline invoices for `invoiceId`,
 * non-positive transaction amounts. `ask` is the request's own
 * ({@link payoutAskOf}) or {@link NO_PAYOUT} (an audit replay).
 */
export function checkPayoutAsk(
  order: Order,
  request: RefundRequest,
  ask: PayoutAsk,
  invoicePositions: IdPositions,
): readonly RefundError[] {
  // The common ask has nothing to check: a suggested payout is asked by a
  // request with neither invoiceId nor transactions (payoutAskOf).
  if (ask.kind === "suggested") return NO_ERRORS;
  const errors: RefundError[] = [];
  if (request.invoiceId !== undefined && request.transactions !== undefined)
    errors.push(
      refundErrors.invalidInput("transactions", "cannot be given together with invoiceId"),
    );
  // invoiceId is checked even when it is (wrongly) given with transactions: independent problems.
  const invoiceId = request.invoiceId;
  if (invoiceId !== undefined) {
    const invoice = invoiceAt(order, invoicePositions, invoiceId);
    if (invoice === undefined) errors.push(refundErrors.unknownInvoice("invoiceId", invoiceId));
    else if (!invoice.online) errors.push(refundErrors.offlineInvoice("invoiceId", invoiceId));
  }
  if (ask.kind === "explicit")
    ask.transactions.forEach((t, i) => {
      if (invoiceAt(order, invoicePositions, t.invoiceId) === undefined)
        errors.push(refundErrors.unknownInvoice(`transactions[${i}].invoiceId`, t.invoiceId));
      if (t.presentment <= 0n)
        errors.push(
          refundErrors.invalidInput(`transactions[${i}].amount`, "must be more than zero"),
        );
    });
  return errors;
}

/** What a payout is computed from: the order, its history, and the policy's rounding. */
interface Context {
  readonly order: Order;
  readonly history: RefundHistory;
  /** The rounding of the invoice rates ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)); half away from zero unless a policy says otherwise. */
  readonly rounding?: RoundingMode;
}

/** What {@link payOut} gives: the transactions, or what is wrong with them. */
export interface PayoutResult {
  readonly errors: readonly RefundError[];
  readonly transactions: readonly RefundTransaction[];
}

/** The order's money left (after the history) and money collected. */
export interface MoneyFigures {
  readonly moneyLeft: MoneyBag;
  readonly collected: MoneyBag;
}

/**
 * The invoice of `order` with the id `id`, found through the order's index
 * of positions: no map is built per call (an audit replays many memos).
 */
function invoiceAt(order: Order, positions: IdPositions, id: string): Invoice | undefined {
  return order.invoices[positions.get(id) ?? -1];
}

function formatter(code: string): (minor: bigint) => string {
  return (minor) => formatInCurrency(minor, code);
}

/**
 * The shop side of `presentment` taken from an invoice that has `left`
 * ([§3.8](../../docs/specification.md#38-free-amounts-and-currency), v2): the invoice's own rate, `round(p · S / P)` with `S` and `P`
 * its shop and presentment money left, and all of `S` when `p` takes all of
 * `P`. So no transaction takes more shop money than its invoice has.
 *
 * When `p` takes part of `P` and `S` has at least two minor units, the
 * result is kept within `[1, S − 1]`: a transaction that pays presentment
 * money out also pays shop money (a KWD fils is less than half a US cent,
 * so `round` alone would give 0.00 USD for 0.001 KWD), and an invoice with
 * presentment money left keeps shop money for it. Both bounds only ever
 * move a result by the rounding's last unit. Zero (or less) presentment, or
 * no shop money left, gives zero.
 *
 * @param presentment - the transaction's presentment amount, minor units.
 * @param left - the invoice's money left before this transaction.
 * @param rounding - the policy's rounding.
 */
export function shopSideAtInvoiceRate(
  presentment: bigint,
  left: MoneyBag,
  rounding: RoundingMode,
): bigint {
  const shopLeft = left.shop;
  if (presentment <= 0n || shopLeft <= 0n) return 0n;
  // All of P (or more, an over-refund reported on the presentment side) takes all of S.
  if (presentment >= left.presentment) return shopLeft;
  // Equal sides (every single-currency invoice): the rate is 1.
  if (shopLeft === left.presentment) return presentment;
  const shop = divideRounded(presentment * shopLeft, left.presentment, rounding);
  if (shopLeft < 2n) return shop;
  if (shop < 1n) return 1n;
  return shop < shopLeft ? shop : shopLeft - 1n;
}

/** A transaction of `amount` against `invoice`, which had `left` before this refund. */
function transactionWithLeft(
  invoice: Invoice,
  amount: MoneyBag,
  left: MoneyBag,
): RefundTransaction {
  return {
    invoiceId: invoice.id,
    gateway: invoice.gateway ?? null,
    online: invoice.online,
    amount,
    maximumRefundable: left,
  };
}

/** A transaction of `amount` against `invoice`, with the invoice's money left before it. */
export function transactionOn(
  invoice: Invoice,
  amount: MoneyBag,
  history: RefundHistory,
): RefundTransaction {
  return transactionWithLeft(invoice, amount, invoiceMoneyLeft(invoice, history));
}

/** A bag of `presentment` and its shop side at the invoice's rate. */
function atInvoiceRate(presentment: bigint, left: MoneyBag, rounding: RoundingMode): MoneyBag {
  const shop = shopSideAtInvoiceRate(presentment, left, rounding);
  return shop === presentment ? single(presentment) : { shop, presentment };
}

/**
 * Transactions paying given presentment amounts out of given invoices
 * ([§3.8](../../docs/specification.md#38-free-amounts-and-currency) v2), in order: each shop side at its own invoice's rate
 * ({@link shopSideAtInvoiceRate}), from what the invoice has left after the
 * history and after this memo's earlier transactions on it. The one
 * conversion of explicit transactions, shared by the engine and by the
 * platform readers that rebuild recorded memos (so a memo read back has
 * the shop sides `calculate` gave it).
 *
 * @param payments - each transaction's invoice and presentment amount.
 * @param history - the order's refunds before this memo.
 * @param rounding - the policy's rounding.
 */
export function transactionsAtInvoiceRates(
  payments: readonly { readonly invoice: Invoice; readonly presentment: bigint }[],
  history: RefundHistory,
  rounding: RoundingMode,
): RefundTransaction[] {
  const takenNow = new Map<string, MoneyBag>();
  const transactions: RefundTransaction[] = [];
  for (let i = 0; i < payments.length; i++) {
    const { invoice, presentment } = payments[i] as (typeof payments)[number];
    const invoiceLeft = invoiceMoneyLeft(invoice, history);
    const before = takenNow.get(invoice.id) ?? ZERO;
    const amount = atInvoiceRate(presentment, subtractBags(invoiceLeft, before), rounding);
    takenNow.set(invoice.id, addBags(before, amount));
    transactions.push(transactionWithLeft(invoice, amount, invoiceLeft));
  }
  return transactions;
}

/**
 * Suggested transactions ([§3.7](../../docs/specification.md#37-money-out-transactions), [§3.8](../../docs/specification.md#38-free-amounts-and-currency) v2): the invoices in order, each up to
 * its presentment money left, until the presentment total is covered; each
 * transaction's shop side at its own invoice's rate. An invoice with no
 * presentment money left pays nothing (not even shop money it still holds).
 */
export function suggestTransactions(
  total: MoneyBag,
  { order, history, rounding = "halfAwayFromZero" }: Context,
): RefundTransaction[] {
  return suggested(total, order, history, rounding);
}

/** {@link suggestTransactions} with its context as arguments (no object per call). */
function suggested(
  total: MoneyBag,
  order: Order,
  history: RefundHistory,
  rounding: RoundingMode,
): RefundTransaction[] {
  let remaining = total.presentment;
  const transactions: RefundTransaction[] = [];
  const invoices = order.invoices;
  for (let i = 0; i < invoices.length; i++) {
    const invoice = invoices[i] as Invoice;
    if (remaining <= 0n) break;
    const left = invoiceMoneyLeft(invoice, history);
    if (left.presentment <= 0n) continue;
    const take = remaining < left.presentment ? remaining : left.presentment;
    remaining -= take;
    transactions.push(transactionWithLeft(invoice, atInvoiceRate(take, left, rounding), left));
  }
  return transactions;
}

/**
 * The common payout, answered without {@link payOut}'s checks: a suggested
 * payout of a positive total out of an order's only invoice, which holds
 * it — that invoice's one transaction, its shop side at the invoice's rate
 * ({@link shopSideAtInvoiceRate}). `undefined` for anything else (another
 * ask, several invoices, a total of zero or less, a total above the money
 * left), which `payOut` computes and checks. What `payOut` gives then, with
 * no errors (`test/properties/fixedCostFastPaths.test.ts`).
 *
 * @param total - the memo's total.
 * @param ask - the request's payout ask ({@link payoutAskOf}).
 * @param invoices - the order's invoices.
 * @param moneyLeft - the order's money left after its history
 * (`orderMoneyLeft`): with one invoice, that invoice's own, so it is not
 * looked up again.
 * @param rounding - the policy's rounding.
 */
export function payOutOfOneInvoice(
  total: MoneyBag,
  ask: PayoutAsk,
  invoices: readonly Invoice[],
  moneyLeft: MoneyBag,
  rounding: RoundingMode,
): readonly RefundTransaction[] | undefined {
  if (ask.kind !== "suggested" || invoices.length !== 1) return undefined;
  const presentment = total.presentment;
  if (presentment <= 0n || presentment > moneyLeft.presentment) return undefined;
  const shop = shopSideAtInvoiceRate(presentment, moneyLeft, rounding);
  // The total itself when its shop side is the transaction's (every
  // single-currency refund): bags are immutable, no bag is made.
  const amount: MoneyBag =
    shop === total.shop
      ? total
      : shop === presentment
        ? single(presentment)
        : { shop, presentment };
  return [transactionWithLeft(invoices[0] as Invoice, amount, moneyLeft)];
}

/**
 * The memo's `exchangeDifference` ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)): the transactions' shop sum minus
 * the memo's shop total, signed. Zero on a single-currency order.
 */
export function exchangeDifferenceOf(
  total: MoneyBag,
  transactions: readonly RefundTransaction[],
): bigint {
  let paid = 0n;
  for (let i = 0; i < transactions.length; i++)
    paid += (transactions[i] as RefundTransaction).amount.shop;
  return paid - total.shop;
}

/**
 * The transactions paying `total`, or the errors: `NOT_PAID`,
 * `OVER_REFUND` (money or invoice), `TRANSACTION_MISMATCH`. Transactions
 * are presentment money ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)): their presentment sides add up to the
 * total's, each shop side is converted at its invoice's rate, and the
 * limits are checked on the presentment side (a shop side never exceeds
 * its invoice's shop money left). A zero presentment total has no
 * transactions. Assumes {@link checkPayoutAsk} passed.
 *
 * The context comes as arguments (no object per call): the order, its
 * history, the policy's rounding, the positions of its invoices by id
 * (`orderIds`), its money left after the history (the memo's
 * `maximumRefundable`) and its money collected when the caller keeps it (an
 * audit, memo by memo; else it is added up over the invoices when needed).
 */
export function payOut(
  total: MoneyBag,
  ask: PayoutAsk,
  order: Order,
  history: RefundHistory,
  rounding: RoundingMode,
  invoicePositions: IdPositions,
  moneyLeft: MoneyBag,
  collected: MoneyBag | undefined,
): PayoutResult {
  const code = order.presentmentCurrency;
  // Made on the first error: most payouts have none.
  let errors: RefundError[] | undefined;
  // Explicit transactions must add up to the total — a zero total included.
  if (ask.kind === "explicit") {
    let explicitTotal = 0n;
    for (let i = 0; i < ask.transactions.length; i++)
      explicitTotal += (ask.transactions[i] as (typeof ask.transactions)[number]).presentment;
    if (explicitTotal !== total.presentment) {
      errors = [
        refundErrors.transactionMismatch(
          "transactions",
          code,
          formatInCurrency(explicitTotal, code),
          formatInCurrency(total.presentment, code),
        ),
      ];
    }
  }
  if (total.presentment <= 0n) return { errors: errors ?? NO_ERRORS, transactions: [] };
  const left = moneyLeft;
  const over = total.presentment > left.presentment;
  if (over) {
    errors ??= [];
    if (isZeroBag(collected ?? moneyCollected(order))) errors.push(refundErrors.notPaid());
    else
      errors.push(
        refundErrors.moneyOverRefund(
          code,
          formatInCurrency(total.presentment, code),
          formatInCurrency(left.presentment, code),
        ),
      );
  }
  // kind "none": no transactions.
  switch (ask.kind) {
    case "suggested":
      return {
        errors: errors ?? NO_ERRORS,
        transactions: suggested(total, order, history, rounding),
      };
    case "invoice": {
      const invoice = invoiceAt(order, invoicePositions, ask.invoiceId);
      if (invoice === undefined) break;
      const invoiceLeft = invoiceMoneyLeft(invoice, history);
      if (!over && total.presentment > invoiceLeft.presentment) {
        errors ??= [];
        errors.push(
          refundErrors.invoiceOverRefund(
            "invoiceId",
            invoice.id,
            code,
            formatInCurrency(total.presentment, code),
            formatInCurrency(invoiceLeft.presentment, code),
          ),
        );
      }
      const amount = atInvoiceRate(total.presentment, invoiceLeft, rounding);
      return {
        errors: errors ?? NO_ERRORS,
        transactions: [transactionWithLeft(invoice, amount, invoiceLeft)],
      };
    }
    case "explicit": {
      // Each transaction converts at its invoice's rate, from what the
      // invoice has left after this memo's earlier transactions on it.
      const format = formatter(code);
      const positions: number[] = [];
      const payments: { readonly invoice: Invoice; readonly presentment: bigint }[] = [];
      ask.transactions.forEach((t, i) => {
        const invoice = invoiceAt(order, invoicePositions, t.invoiceId);
        if (invoice === undefined) return;
        positions.push(i);
        payments.push({ invoice, presentment: t.presentment });
      });
      const converted = transactionsAtInvoiceRates(payments, history, rounding);
      const takenNow = new Map<string, bigint>();
      const explicitErrors: RefundError[] = errors ?? [];
      converted.forEach((transaction, k) => {
        const sofar = (takenNow.get(transaction.invoiceId) ?? 0n) + transaction.amount.presentment;
        takenNow.set(transaction.invoiceId, sofar);
        if (sofar > transaction.maximumRefundable.presentment)
          explicitErrors.push(
            refundErrors.invoiceOverRefund(
              `transactions[${positions[k]}].amount`,
              transaction.invoiceId,
              code,
              format(sofar),
              format(transaction.maximumRefundable.presentment),
            ),
          );
      });
      return { errors: explicitErrors, transactions: converted };
    }
  }
  return { errors: errors ?? NO_ERRORS, transactions: [] };
}
