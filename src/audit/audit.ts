/**
 * `audit`: replays an order's refund history and reports every memo that
 * the rules would not have produced ([§9.2](../../docs/specification.md#92-audit)).
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import { auditArgumentErrors } from "../apiArguments.js";
import { calculateOnCheckedOrder } from "../calculate.js";
import type { CreditMemo } from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { POLICY_NAMES, type PolicyName } from "../domain/policy.js";
import { policyError } from "../domain/shapes.js";
import { type RefundError, refundErrors } from "../errors.js";
import { subtractBags } from "../money/moneyBag.js";
import type { CheckedHistory } from "../order/carriedHistory.js";
import { moneyCollected } from "../order/moneyLeft.js";
import { checkMemoShape, checkOrderItself, orderIds } from "../order/orderConsistency.js";
import { historyReader } from "../order/refundHistory.js";
import type { MoneyFigures } from "../refund/transactions.js";
import { withAskedNegativeAdjustment } from "./askedAdjustment.js";
import { checkTransactions } from "./checkTransactions.js";
import { type AmountDifference, compareMemos } from "./compareMemos.js";
import { replayableHistory } from "./replayHistory.js";
import { replayRequests } from "./replayRequest.js";

/**
 * One amount of a recorded credit memo that differs from what the rules give.
 *
 * `path` is the amount's path in the memo (`lineItems[0].tax`, `total`,
 * `shipping.amount`, `transactions[1].amount`; `transactions` for the sum of
 * the transactions). On a multi-currency order each side of a bag is
 * compared on its own and the path ends with the side: `total.presentment`,
 * `total.shop`. `recorded` and `expected` are decimal strings in `currency`.
 * For `transactions[j].amount` the expected amount is the most the invoice
 * had left; for `transactions` it is the memo's recorded total.
 *
 * @category Audits
 */
export interface Discrepancy {
  /** The `id` of the credit memo. */
  readonly refundId: string;
  /** Where in the memo the amounts differ: `total`, `lineItems[0].tax`, `transactions[1].amount`. */
  readonly path: string;
  /** The currency of `recorded` and `expected`. */
  readonly currency: string;
  /** The amount the memo records, a decimal string. */
  readonly recorded: string;
  /** The amount the rules give under the audit's policy, a decimal string. */
  readonly expected: string;
  /**
   * Another policy of [§9.1](../../docs/specification.md#91-policies) under which the whole memo matches (the first in
   * {@link POLICY_NAMES} order), or `null`. Always `null` for transactions.
   */
  readonly explainedBy: PolicyName | null;
}

/**
 * A recorded credit memo that the rules reject, with every error found
 * (for example `OVER_REFUND` when the history refunds a unit twice).
 *
 * @category Audits
 */
export interface RejectedRefund {
  /** The `id` of the credit memo. */
  readonly refundId: string;
  /** Every error the rules report for the memo's request. */
  readonly errors: NonEmptyArray<RefundError>;
}

/**
 * What an audit found on one order: `refunds` memos replayed, every
 * differing amount and every rejected memo, oldest memo first. An order
 * whose history is right has neither discrepancies nor rejected memos.
 *
 * @category Audits
 */
export interface AuditReport {
  /** The audited order's `id`. */
  readonly orderId: string;
  /** How many credit memos the order records. */
  readonly refunds: number;
  /** Every amount that differs, oldest memo first. */
  readonly discrepancies: readonly Discrepancy[];
  /** Every memo the rules reject, oldest first. */
  readonly rejected: readonly RejectedRefund[];
}

function nonEmpty(errors: readonly RefundError[]): NonEmptyArray<RefundError> | undefined {
  const [first, ...rest] = errors;
  return first === undefined ? undefined : [first, ...rest];
}

type Replay = Either<NonEmptyArray<RefundError>, readonly AmountDifference[]>;

/**
 * The memo the rules give for `memo`'s request under `policy`, compared
 * with `memo`. A memo that empties a multi-currency order is replayed both
 * explicitly and as a full refund (the shop side of explicit adjustments is
 * converted by [§3.8](../../docs/specification.md#38-free-amounts-and-currency) and may not fit the money left): a replay that matches
 * wins, else the one with the fewest differences, else the first rejection.
 */
function replay(before: Order, memo: CreditMemo, state: ReplayState, policy: PolicyName): Replay {
  const { checked, shapeErrors, figures } = state;
  if (shapeErrors !== undefined) return E.left(shapeErrors);
  let best: Replay | undefined;
  const requests = withAskedNegativeAdjustment(
    before,
    memo,
    replayRequests(before, memo, checked.history, figures.moneyLeft),
    figures.moneyLeft,
  );
  for (const request of requests) {
    const expected = calculateOnCheckedOrder(before, request, policy, checked, figures);
    if (E.isLeft(expected)) {
      best ??= expected;
      continue;
    }
    const differences = compareMemos(before, memo, expected.right);
    if (differences.length === 0) return E.right(differences);
    if (best === undefined || E.isLeft(best) || differences.length < best.right.length)
      best = E.right(differences);
  }
  return best ?? E.right([]);
}

/** The first other policy under which the memo matches in every amount. */
function explainingPolicy(
  before: Order,
  memo: CreditMemo,
  state: ReplayState,
  policy: PolicyName,
): PolicyName | null {
  for (const other of POLICY_NAMES) {
    if (other === policy) continue;
    const result = replay(before, memo, state, other);
    if (E.isRight(result) && result.right.length === 0) return other;
  }
  return null;
}

/**
 * Audits an order's refund history ([§9.2](../../docs/specification.md#92-audit)). Every credit memo of
 * `order.refunds` is replayed, oldest first, against the order as it stood
 * before it — the memos before it, each restricted to what it says about
 * the order's own lines, shipping lines and invoices, those in other
 * currencies left out (`replayHistory.ts`): its lines (quantities, restock,
 * locations), shipping amount, duties and adjustments become a request, and
 * the memo `calculate` gives for it under `policy` is compared amount by
 * amount with the recorded one. The recorded transactions are checked on
 * their own (known invoice, within the invoice's money left, adding up to
 * the recorded total). A memo on a multi-currency order that leaves nothing
 * to refund is replayed as a full refund ([§3.6](../../docs/specification.md#36-full-refund)).
 *
 * The history is checked, not trusted: a memo that refunds more than the
 * order has left is reported in `rejected` with its errors, never as
 * `INCONSISTENT_ORDER`, and only there, not also among the discrepancies
 * ([§9.2](../../docs/specification.md#92-audit) v2). Memos after one that took too much are judged against what
 * was really left — nothing — so no amount in the report is negative. A
 * memo whose id an earlier memo has is rejected with `DUPLICATE_REFUND`; a
 * memo in other currencies with `CURRENCY_MISMATCH`. A replay costs what
 * its memo holds, not what the order holds: the money left is kept memo
 * by memo and no transactions are computed.
 *
 * @param order - the order with the history to audit.
 * @param policy - the policy the history should follow ([§9.1](../../docs/specification.md#91-policies)); `"default"`
 *   follows [§3](../../docs/specification.md#3-calculation-rules).
 * @returns the report, or — only when the order's own lines, shipping or
 *   invoices are invalid — `INVALID_INPUT` / `INCONSISTENT_ORDER` errors.
 * @example
 * ```ts
 * import { applyRefund, audit, decodeOrder, decodeRefundRequest } from "refund-core";
 *
 * const order = decodeOrder({
 *   id: "7", currency: "USD",
 *   lineItems: [{ id: "a", quantity: 3, price: "1.00", discountAllocations: [{ amount: "0.05" }] }],
 *   invoices: [{ id: "i", amount: "2.95", online: true }],
 * });
 * const request = decodeRefundRequest({ lineItems: [{ lineItemId: "a", quantity: 1 }] });
 * if (order._tag === "Left" || request._tag === "Left") throw new Error();
 * // A history recorded by remaining-over-remaining proration (Magento's)…
 * let recorded = order.right;
 * for (let i = 0; i < 2; i++) {
 *   const applied = applyRefund(recorded, request.right, "magento");
 *   if (applied._tag === "Left") throw new Error();
 *   recorded = applied.right.order;
 * }
 * // …differs from the default rules on the second memo, and `magento` explains it.
 * const report = audit(recorded);
 * if (report._tag === "Left") throw new Error();
 * report.right.discrepancies.map((d) => [d.refundId, d.path, d.recorded, d.expected, d.explainedBy])[0];
 * // => ["7-2", "lineItems[0].discount", "0.02", "0.01", "magento"]
 * ```
 * @category Audits
 */
export function audit(
  order: Order,
  policy: PolicyName = "default",
): Either<NonEmptyArray<RefundError>, AuditReport> {
  const invalid = auditArgumentErrors(order, policy);
  if (invalid !== undefined) return E.left(invalid);
  return auditOrder(order, policy);
}

/**
 * {@link audit} of an order `decodeOrderForAudit` read: its shape, which
 * the decoder established, is not checked again (`test/json/validOrder.test.ts`
 * checks that every order it reads has it); the policy is. Used by
 * `refund-core audit`.
 *
 * @param order - an order `decodeOrderForAudit` returned.
 * @param policy - the policy the history should follow.
 * @returns what {@link audit} returns.
 * @internal
 */
export function auditDecodedOrder(
  order: Order,
  policy: PolicyName,
): Either<NonEmptyArray<RefundError>, AuditReport> {
  const invalid = policyError(policy);
  if (invalid !== undefined) return E.left([invalid]);
  return auditOrder(order, policy);
}

/** {@link audit} once its arguments are known to be an order and a policy. */
function auditOrder(
  order: Order,
  policy: PolicyName,
): Either<NonEmptyArray<RefundError>, AuditReport> {
  const ids = orderIds(order);
  const orderErrors = nonEmpty(checkOrderItself(order, ids));
  if (orderErrors !== undefined) return E.left(orderErrors);
  const discrepancies: Discrepancy[] = [];
  const rejected: RejectedRefund[] = [];
  const replayable = replayableHistory(order, ids);
  // What the memos before memo i left, kept up to date memo by memo: the
  // history is read once, not again for every memo (issue 7), and the money
  // left is kept too, so that a replay never walks the order's invoices
  // (issue 12: the audit cost memos × order size). A replay is computed on
  // the order without its refunds: `checked` and `figures` say what they
  // took, and the memo's id is not replayed (duplicates are found here).
  const reader = historyReader();
  const checked = { history: reader.history, ids };
  const shapeErrors: RefundError[] = [];
  const kept: CreditMemo[] = [];
  const before: Order = { ...order, refunds: [] };
  const collected = moneyCollected(order);
  let moneyLeft = collected;
  const seenIds = new Set<string>();
  order.refunds.forEach((memo, i) => {
    const state: ReplayState = {
      checked,
      shapeErrors: nonEmpty(shapeErrors),
      figures: { moneyLeft, collected },
    };
    const findings = auditMemo(before, memo, state, policy, seenIds);
    if (findings.rejected !== undefined) rejected.push(findings.rejected);
    else discrepancies.push(...findings.discrepancies);
    seenIds.add(memo.id);
    const restricted = replayable[i];
    if (restricted === undefined || restricted === null) return;
    checkMemoShape(order, ids, restricted, kept.length, shapeErrors);
    reader.add(restricted);
    kept.push(restricted);
    for (const transaction of restricted.transactions)
      moneyLeft = subtractBags(moneyLeft, transaction.amount);
  });
  return E.right({ orderId: order.id, refunds: order.refunds.length, discrepancies, rejected });
}

/**
 * What the audit finds of one memo, replayed on the order as the memos
 * before it left it. A rejected memo is reported with its errors only, not
 * also with its discrepancies ([§9.2](../../docs/specification.md#92-audit) v2): its amounts are not compared with
 * what the rules refuse to give.
 */
function auditMemo(
  before: Order,
  memo: CreditMemo,
  state: ReplayState,
  policy: PolicyName,
  earlierIds: ReadonlySet<string>,
): { readonly rejected?: RejectedRefund; readonly discrepancies: readonly Discrepancy[] } {
  const refundId = memo.id;
  if (
    memo.currency !== before.currency ||
    memo.presentmentCurrency !== before.presentmentCurrency
  ) {
    const actual =
      memo.presentmentCurrency === before.presentmentCurrency
        ? memo.currency
        : memo.presentmentCurrency;
    const expected =
      memo.presentmentCurrency === before.presentmentCurrency
        ? before.currency
        : before.presentmentCurrency;
    return {
      rejected: { refundId, errors: [refundErrors.currencyMismatch("currency", expected, actual)] },
      discrepancies: [],
    };
  }
  const transactions = checkTransactions(before, memo, state.checked);
  const result = replay(before, memo, state, policy);
  const replayErrors: readonly RefundError[] = E.isLeft(result) ? result.left : [];
  const duplicate = duplicateIdErrors(memo, earlierIds, replayErrors);
  // The lists joined only when one holds an error (a memo is rarely rejected).
  if (duplicate.length > 0 || replayErrors.length > 0 || transactions.errors.length > 0) {
    const errors = nonEmpty([...duplicate, ...replayErrors, ...transactions.errors]);
    if (errors !== undefined) return { rejected: { refundId, errors }, discrepancies: [] };
  }
  const discrepancies: Discrepancy[] = [];
  if (E.isRight(result) && result.right.length > 0) {
    const explainedBy = explainingPolicy(before, memo, state, policy);
    for (const d of result.right) discrepancies.push({ refundId, ...d, explainedBy });
  }
  for (const d of transactions.differences)
    discrepancies.push({ refundId, ...d, explainedBy: null });
  return { discrepancies };
}

/**
 * `DUPLICATE_REFUND` for a memo whose id an earlier memo of the order has
 * (or whose idempotency key is such an id): `calculate` calls that order
 * inconsistent; an audit reports the later memo, so that the report tells
 * the two apart (the earlier one's findings are its own). Nothing when the
 * replay already reported the key as a duplicate.
 */
function duplicateIdErrors(
  memo: CreditMemo,
  earlierIds: ReadonlySet<string>,
  replayErrors: readonly RefundError[],
): RefundError[] {
  const key = memo.idempotencyKey;
  const repeated = earlierIds.has(memo.id)
    ? memo.id
    : key !== null && earlierIds.has(key)
      ? key
      : undefined;
  if (repeated === undefined) return [];
  if (replayErrors.some((e) => e.code === "DUPLICATE_REFUND")) return [];
  return [refundErrors.duplicateRefund("id", repeated)];
}

/**
 * What a replay needs of the memos before it: their history with the
 * order's ids, and the problems of their shape (`checkHistoryShape`).
 * `checked.history` is read memo by memo, in place, and is only computed
 * with while `shapeErrors` is `undefined`; otherwise every later replay is
 * rejected with those errors, as `calculateOnCheckedOrder` would reject it.
 */
interface ReplayState {
  readonly checked: CheckedHistory;
  readonly shapeErrors: NonEmptyArray<RefundError> | undefined;
  /** The order's money left before the memo (never re-added over the invoices) and collected. */
  readonly figures: MoneyFigures;
}
