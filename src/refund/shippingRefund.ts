/**
 * Shipping ([§3.2](../../docs/specification.md#32-shipping)): each shipping line's remainder, a full refund or an
 * amount split over the lines by largest remainder, and the prorated
 * shipping taxes of the lines that take part.
 *
 * @module
 */
import type { ShippingLineRefund, ShippingRefund, TaxLineRefund } from "../domain/creditMemo.js";
import { type ShippingLine, shippingNet } from "../domain/order.js";
import { type RefundError, refundErrors } from "../errors.js";
import { formatInCurrency } from "../money/decimal.js";
import { allocateByLargestRemainder } from "../money/largestRemainder.js";
import { BagSum, isZeroBag, type MoneyBag, sumAmounts, sumBags, ZERO } from "../money/moneyBag.js";
import { shippingLineLeft } from "../order/moneyLeft.js";
import { type RefundHistory, refundedAt, shippingHistoryOf } from "../order/refundHistory.js";
import { freeAmountBag } from "./freeAmounts.js";
import { type PolicyProrations, prorateBag } from "./proration.js";
import { taxLineRefund } from "./taxLineRefund.js";

/** How much shipping the request asks for. */
export type ShippingAsk =
  | { readonly kind: "none" }
  | { readonly kind: "full" }
  | { readonly kind: "amount"; readonly presentment: bigint };

interface Context {
  readonly lines: readonly ShippingLine[];
  readonly history: RefundHistory;
  readonly presentmentCurrency: string;
  readonly multiCurrency: boolean;
  readonly prorations: PolicyProrations;
}

function taxShares(
  line: ShippingLine,
  refundedBefore: MoneyBag,
  refundedTaxes: readonly MoneyBag[],
  now: MoneyBag,
  prorations: PolicyProrations,
): TaxLineRefund[] {
  const progress = { whole: shippingNet(line), before: refundedBefore, now };
  return line.taxLines.map((tax, i) =>
    taxLineRefund(
      tax,
      prorateBag(tax.amount, refundedAt(refundedTaxes, i), progress, prorations.shipping),
    ),
  );
}

/** Splits an amount bag over the lines: each side by that side's remainders. */
function splitOverLines(amount: MoneyBag, remainders: readonly MoneyBag[]): MoneyBag[] {
  const shop = allocateByLargestRemainder(
    amount.shop,
    remainders.map((r) => r.shop),
  );
  const presentment = allocateByLargestRemainder(
    amount.presentment,
    remainders.map((r) => r.presentment),
  );
  return remainders.map((_, i) => ({ shop: shop[i] ?? 0n, presentment: presentment[i] ?? 0n }));
}

/**
 * The shipping part of a memo. `maximumRefundable` is the total remainder
 * before this refund. Error: `OVER_REFUND` (shipping) when the amount is
 * above the total remainder.
 */
export function refundShipping(
  ask: ShippingAsk,
  context: Context,
): { readonly errors: readonly RefundError[]; readonly shipping: ShippingRefund } {
  const { lines, history, prorations } = context;
  // Indexed loops into exact-size lists, no closures: this runs on every
  // calculate, most often with one shipping line (issue 15 part 2).
  const n = lines.length;
  const histories = new Array<ReturnType<typeof shippingHistoryOf>>(n);
  const remainders = new Array<MoneyBag>(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i] as ShippingLine;
    histories[i] = shippingHistoryOf(history, line.id);
    remainders[i] = shippingLineLeft(line, history);
  }
  const maximumRefundable = sumBags(remainders);
  let amounts: MoneyBag[];
  switch (ask.kind) {
    case "none":
      amounts = new Array<MoneyBag>(n).fill(ZERO);
      break;
    case "full":
      amounts = remainders;
      break;
    case "amount": {
      if (ask.presentment > maximumRefundable.presentment) {
        const code = context.presentmentCurrency;
        const shipping = emptyShipping(lines, maximumRefundable);
        return {
          errors: [
            refundErrors.shippingOverRefund(
              "shipping.amount",
              code,
              formatInCurrency(ask.presentment, code),
              formatInCurrency(maximumRefundable.presentment, code),
            ),
          ],
          shipping,
        };
      }
      const bag = freeAmountBag(
        ask.presentment,
        maximumRefundable,
        context.multiCurrency,
        prorations.rounding,
      );
      amounts = splitOverLines(bag, remainders);
      break;
    }
  }
  const shippingLines = new Array<ShippingLineRefund>(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i] as ShippingLine;
    const amount = amounts[i] ?? ZERO;
    const takesPart = ask.kind === "full" || (ask.kind === "amount" && !isZeroBag(amount));
    const h = histories[i];
    const taxLines = takesPart
      ? taxShares(line, h?.amount ?? ZERO, h?.taxLines ?? [], amount, prorations)
      : line.taxLines.map((tax) => taxLineRefund(tax, ZERO));
    shippingLines[i] = { shippingLineId: line.id, amount, taxLines };
  }
  return {
    errors: [],
    shipping: {
      amount: sumAmounts(shippingLines),
      tax: shippingTax(shippingLines),
      maximumRefundable,
      lines: shippingLines,
    },
  };
}

/** The tax of the shipping lines refunded, in a plain loop. */
function shippingTax(lines: readonly ShippingLineRefund[]): MoneyBag {
  const tax = new BagSum();
  for (let i = 0; i < lines.length; i++)
    tax.add(sumAmounts((lines[i] as ShippingLineRefund).taxLines));
  return tax.total();
}

function emptyShipping(
  lines: readonly ShippingLine[],
  maximumRefundable: MoneyBag,
): ShippingRefund {
  return {
    amount: ZERO,
    tax: ZERO,
    maximumRefundable,
    lines: lines.map((line) => ({ shippingLineId: line.id, amount: ZERO, taxLines: [] })),
  };
}
