/**
 * The money side of a Commerce Layer order: its captures (money collected,
 * online invoices) and what was refunded from them — included `refunds`
 * resources and the captures' `refund_balance_cents` — as amount-only
 * credit memos, Commerce Layer keeping no line breakdown of a refund.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { Invoice } from "../../domain/order.js";
import { type Codec, leaf, optional, string, struct, withDefault } from "../../json/codec.js";
import { single } from "../../money/moneyBag.js";
import { amountOnlyRefund } from "../amountOnlyRefund.js";
import type { RecordedRefund } from "../memoBuilder.js";
import type { Problems } from "../platformCodecs.js";
import { cents, type Resource, toOne } from "./jsonApi.js";

/** `true`/`false`, also as the strings older samples write. */
const flag: Codec<boolean> = leaf(
  "true or false",
  (u): u is boolean => typeof u === "boolean",
  (u) =>
    typeof u === "boolean"
      ? E.right(u)
      : u === "true" || u === "false"
        ? E.right(u === "true")
        : E.left("must be true or false"),
  (b) => b,
);

/** The capture attributes refund-core reads. */
export const captureAttributes = struct("Commerce Layer capture attributes", {
  currency_code: optional(string),
  amount_cents: cents,
  succeeded: withDefault(flag, false),
  refund_balance_cents: optional(cents),
});

/** The refund attributes refund-core reads. */
export const refundAttributes = struct("Commerce Layer refund attributes", {
  amount_cents: cents,
  succeeded: withDefault(flag, false),
});
/** The capture a refund returns money from. */
export const refundRelationships = struct("Commerce Layer refund relationships", {
  reference_capture: toOne,
});

/** A capture as read. */
export interface ReadCapture {
  readonly r: Resource;
  readonly a: typeof captureAttributes._A;
}

/** A refund resource as read, with the capture it names. */
export interface ReadRefund {
  readonly r: Resource;
  readonly a: typeof refundAttributes._A;
  readonly captureId: string | undefined;
}

/** The captures that succeeded, as online invoices. */
export function invoicesOf(
  captures: readonly ReadCapture[],
  currencyCode: string,
  problems: Problems,
): Invoice[] {
  return captures.flatMap((c) => {
    if (!c.a.succeeded) return [];
    const path = `${c.r.path}.attributes`;
    if (c.a.amount_cents < 0n) problems.invalid(`${path}.amount_cents`, "must not be negative");
    if (c.a.currency_code !== undefined && c.a.currency_code !== currencyCode)
      problems.inconsistent(
        `${path}.currency_code`,
        `is ${c.a.currency_code}, but the order's currency is ${currencyCode}`,
      );
    return [{ id: c.r.id, amount: single(c.a.amount_cents), online: true }];
  });
}

/**
 * The refunds already made, as amount-only memos on their captures: the
 * included refunds that succeeded, or one memo `"<capture>-refunded"` for
 * what a capture's `refund_balance_cents` says was refunded when none is
 * included.
 */
export function refundsOf(
  captures: readonly ReadCapture[],
  refunds: readonly ReadRefund[],
  problems: Problems,
): RecordedRefund[] {
  const recorded: RecordedRefund[] = [];
  const byCapture = new Map<string, bigint>();
  for (const r of refunds) {
    if (!r.a.succeeded) continue;
    const path = r.r.path;
    if (r.captureId === undefined) {
      problems.invalid(
        `${path}.relationships.reference_capture`,
        "is required: a refund names the capture it returns money from",
      );
      continue;
    }
    if (r.a.amount_cents <= 0n)
      problems.invalid(`${path}.attributes.amount_cents`, "must be more than zero");
    byCapture.set(r.captureId, (byCapture.get(r.captureId) ?? 0n) + r.a.amount_cents);
    recorded.push(amountOnlyRefund(r.r.id, path, r.captureId, r.a.amount_cents));
  }
  for (const c of captures) {
    const balance = c.a.refund_balance_cents;
    if (!c.a.succeeded || balance === undefined) continue;
    const path = `${c.r.path}.attributes.refund_balance_cents`;
    const refunded = c.a.amount_cents - balance;
    const listed = byCapture.get(c.r.id) ?? 0n;
    if (balance < 0n || refunded < 0n)
      problems.inconsistent(path, `must be between 0 and the capture's amount_cents`);
    else if (listed === 0n && refunded > 0n)
      recorded.push(amountOnlyRefund(`${c.r.id}-refunded`, path, c.r.id, refunded));
    else if (listed !== refunded)
      problems.inconsistent(
        path,
        `says ${refunded} cents were refunded, but the included refunds add up to ${listed}`,
      );
  }
  return recorded;
}
