/**
 * The frame every platform order is read in: its two currencies (an unknown
 * one is reported alone, as no amount can be read without it), then the
 * order itself, then its recorded refunds, then their credit memos — each
 * step only when the steps before it found no problem.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { Order } from "../domain/order.js";
import type { RefundError } from "../errors.js";
import type { Currency } from "../money/currency.js";
import { buildCreditMemos, type RecordedRefund } from "./memoBuilder.js";
import { currencyAt, Problems } from "./platformCodecs.js";

/** What reading a platform order's amounts needs: its currencies, and where problems go. */
export interface PlatformContext {
  readonly shop: Currency | undefined;
  readonly presentment: Currency | undefined;
  /** Whether the presentment currency differs from the shop currency. */
  readonly multi: boolean;
  readonly problems: Problems;
}

/** A currency code and the path of the field that holds it. */
export interface CurrencyField {
  readonly code: string;
  readonly path: string;
}

/** What a platform adapter reads in the frame: the order without refunds, and (later) its refunds. */
export interface PlatformRead {
  readonly order: Order;
  /** Read only when the order itself has no problems. */
  readonly recorded: () => readonly RecordedRefund[];
}

/**
 * Reads a platform order in the frame: `read` gets the context once both
 * currencies are known; the credit memos are built from what it recorded,
 * read against the order it returned.
 */
export function readPlatformOrder(
  shop: CurrencyField,
  presentment: CurrencyField,
  read: (ctx: PlatformContext) => PlatformRead,
): E.Either<NonEmptyArray<RefundError>, Order> {
  const problems = new Problems();
  const ctx: PlatformContext = {
    shop: currencyAt(shop.code, shop.path, problems),
    presentment: currencyAt(presentment.code, presentment.path, problems),
    multi: shop.code !== presentment.code,
    problems,
  };
  const currencyProblems = problems.list();
  if (currencyProblems !== undefined) return E.left(currencyProblems);
  const { order, recorded } = read(ctx);
  const orderProblems = problems.list();
  if (orderProblems !== undefined) return E.left(orderProblems);
  const refunds = recorded();
  const refundProblems = problems.list();
  if (refundProblems !== undefined) return E.left(refundProblems);
  const memos = buildCreditMemos(order, refunds, problems);
  return problems.result(() => ({ ...order, refunds: memos }));
}
