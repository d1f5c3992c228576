/**
 * Money out ([§3.7](../../docs/specification.md#37-money-out-transactions)): which invoices pay the refund. Suggested transactions
 * take the invoices in order, each up to its money left; `invoiceId` asks
 * for one online transaction; explicit transactions are checked and their
 * shop side split from the memo's shop total.
 *
 * @module
 */
import type { RefundTransaction } from "../domain/creditMemo.js";
import { currencyOfSide, type Invoice, type Order } from "../domain/order.js";
import type { RefundRequest } from "../domain/refundRequest.js";
import { type RefundError, refundErrors } from "../errors.js";
import { formatInCurrency } from "../money/decimal.js";
import { allocateByLargestRemainder } from "../money/largestRemainder.js";
import { isZeroBag, type MoneyBag, SIDES, type Side, sumBags, ZERO } from "../money/moneyBag.js";
import { invoiceMoneyLeft, moneyCollected, orderMoneyLeft } from "../order/moneyLeft.js";
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
    };

/** The payout the request asks for, from its `invoiceId` or `transactions`. */
export function payoutAskOf(
  request: RefundRequest,
  transactionAmounts: readonly bigint[] | undefined,
): PayoutAsk {
  if (request.transactions !== undefined)
    return {
      kind: "explicit",
      transactions: request.transactions.map((t, i) => ({
        invoiceId: t.invoiceId,
        presentment: transactionAmounts?.[i] ?? 0n,
      })),
    };
  if (request.invoiceId !== undefined) return { kind: "invoice", invoiceId: request.invoiceId };
  return { kind: "suggested" };
}

/**
 * Checks of the payout that do not depend on the total: `invoiceId` with
 * `transactions`, unknown invoices, offline invoices for `invoiceId`,
 * non-positive transaction amounts.
 */
export function checkPayoutAsk(
  order: Order,
  request: RefundRequest,
  ask: PayoutAsk,
): RefundError[] {
  const errors: RefundError[] = [];
  if (request.invoiceId !== undefined && request.transactions !== undefined)
    errors.push(
      refundErrors.invalidInput("transactions", "cannot be given together with invoiceId"),
    );
  const byId = new Map(order.invoices.map((invoice) => [invoice.id, invoice]));
  // invoiceId is checked even when it is (wrongly) given with transactions: independent problems.
  const invoiceId = request.invoiceId;
  if (invoiceId !== undefined) {
    const invoice = byId.get(invoiceId);
    if (invoice === undefined) errors.push(refundErrors.unknownInvoice("invoiceId", invoiceId));
    else if (!invoice.online) errors.push(refundErrors.offlineInvoice("invoiceId", invoiceId));
  }
  if (ask.kind === "explicit")
    ask.transactions.forEach((t, i) => {
      if (!byId.has(t.invoiceId))
        errors.push(refundErrors.unknownInvoice(`transactions[${i}].invoiceId`, t.invoiceId));
      if (t.presentment <= 0n)
        errors.push(
          refundErrors.invalidInput(`transactions[${i}].amount`, "must be more than zero"),
        );
    });
  return errors;
}

interface Context {
  readonly order: Order;
  readonly history: RefundHistory;
}

function formatter(code: string): (minor: bigint) => string {
  return (minor) => formatInCurrency(minor, code);
}

/** The side that exceeds its limit (presentment first), if any. */
function exceedingSide(amount: MoneyBag, limit: MoneyBag): Side | undefined {
  if (amount.presentment > limit.presentment) return "presentment";
  if (amount.shop > limit.shop) return "shop";
  return undefined;
}

/** A transaction of `amount` against `invoice`, with the invoice's money left before it. */
export function transactionOn(
  invoice: Invoice,
  amount: MoneyBag,
  history: RefundHistory,
): RefundTransaction {
  return {
    invoiceId: invoice.id,
    gateway: invoice.gateway ?? null,
    online: invoice.online,
    amount,
    maximumRefundable: invoiceMoneyLeft(invoice, history),
  };
}

/** Invoices in order, each up to its money left, on each side independently ([§3.7](../../docs/specification.md#37-money-out-transactions)). */
export function suggestTransactions(
  total: MoneyBag,
  { order, history }: Context,
): RefundTransaction[] {
  const remaining = { shop: total.shop, presentment: total.presentment };
  const transactions: RefundTransaction[] = [];
  for (const invoice of order.invoices) {
    const left = invoiceMoneyLeft(invoice, history);
    const amount = { shop: 0n, presentment: 0n };
    for (const side of SIDES) {
      const take = remaining[side] < left[side] ? remaining[side] : left[side];
      amount[side] = take > 0n ? take : 0n;
      remaining[side] -= amount[side];
    }
    if (!isZeroBag(amount)) transactions.push(transactionOn(invoice, amount, history));
  }
  return transactions;
}

/**
 * The transactions paying `total`, or the errors: `NOT_PAID`,
 * `OVER_REFUND` (money or invoice), `TRANSACTION_MISMATCH`. A zero total has
 * no transactions. Assumes {@link checkPayoutAsk} passed.
 */
export function payOut(
  total: MoneyBag,
  ask: PayoutAsk,
  context: Context,
): {
  readonly errors: readonly RefundError[];
  readonly transactions: readonly RefundTransaction[];
} {
  const { order, history } = context;
  const errors: RefundError[] = [];
  // Explicit transactions must add up to the total — a zero total included.
  const explicitTotal =
    ask.kind === "explicit" ? ask.transactions.reduce((sum, t) => sum + t.presentment, 0n) : 0n;
  const explicitMismatch = ask.kind === "explicit" && explicitTotal !== total.presentment;
  if (explicitMismatch) {
    const format = formatter(order.presentmentCurrency);
    errors.push(
      refundErrors.transactionMismatch(
        "transactions",
        order.presentmentCurrency,
        format(explicitTotal),
        format(total.presentment),
      ),
    );
  }
  if (total.presentment <= 0n && total.shop <= 0n) return { errors, transactions: [] };
  const left = orderMoneyLeft(order, history);
  const over = exceedingSide(total, left);
  if (over !== undefined) {
    const format = formatter(currencyOfSide(order, over));
    if (isZeroBag(moneyCollected(order))) errors.push(refundErrors.notPaid());
    else
      errors.push(
        refundErrors.moneyOverRefund(
          currencyOfSide(order, over),
          format(total[over]),
          format(left[over]),
        ),
      );
  }
  const byId = new Map(order.invoices.map((invoice) => [invoice.id, invoice]));
  const invoiceOver = (path: string, invoice: Invoice, amount: MoneyBag) => {
    const invoiceLeft = invoiceMoneyLeft(invoice, history);
    const side = exceedingSide(amount, invoiceLeft);
    if (side === undefined) return;
    const format = formatter(currencyOfSide(order, side));
    errors.push(
      refundErrors.invoiceOverRefund(
        path,
        invoice.id,
        currencyOfSide(order, side),
        format(amount[side]),
        format(invoiceLeft[side]),
      ),
    );
  };
  let transactions: RefundTransaction[] = [];
  switch (ask.kind) {
    case "suggested":
      transactions = suggestTransactions(total, context);
      break;
    case "invoice": {
      const invoice = byId.get(ask.invoiceId);
      if (invoice === undefined) break;
      if (over === undefined) invoiceOver("invoiceId", invoice, total);
      transactions = [transactionOn(invoice, total, history)];
      break;
    }
    case "explicit": {
      // The shop side follows the presentment amounts only when they add up to the total.
      const shop = explicitMismatch
        ? ask.transactions.map(() => 0n)
        : allocateByLargestRemainder(
            total.shop,
            ask.transactions.map((t) => t.presentment),
          );
      const perInvoice = new Map<string, MoneyBag>();
      ask.transactions.forEach((t, i) => {
        const invoice = byId.get(t.invoiceId);
        if (invoice === undefined) return;
        const amount = { shop: shop[i] ?? 0n, presentment: t.presentment };
        const sofar = sumBags([perInvoice.get(t.invoiceId) ?? ZERO, amount]);
        perInvoice.set(t.invoiceId, sofar);
        invoiceOver(`transactions[${i}].amount`, invoice, sofar);
        transactions.push(transactionOn(invoice, amount, history));
      });
      break;
    }
  }
  return { errors, transactions };
}
