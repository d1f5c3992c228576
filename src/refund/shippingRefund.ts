/**
 * Shipping ([§3.2](../../docs/specification.md#32-shipping)): each shipping line's remainder, a full refund or an
 * amount split over the lines by largest remainder, and the prorated
 * shipping taxes of the lines that take part.
 *
 * @module
 */
import type { ShippingLineRefund, ShippingRefund, TaxLineRefund } from "../domain/creditMemo.js";
import { type ShippingLine, shippingNet, type TaxLine } from "../domain/order.js";
import { type RefundError, refundErrors } from "../errors.js";
import { formatInCurrency } from "../money/decimal.js";
import { allocateByLargestRemainder } from "../money/largestRemainder.js";
import {
  BagSum,
  isZeroBag,
  type MoneyBag,
  subtractBags,
  sumAmounts,
  sumBags,
  ZERO,
} from "../money/moneyBag.js";
import {
  type RefundHistory,
  refundedAt,
  type ShippingHistory,
  shippingHistoryOf,
} from "../order/refundHistory.js";
import { freeAmountBag } from "./freeAmounts.js";
import { type PolicyProrations, prorateBag } from "./proration.js";
import { taxLineRefund } from "./taxLineRefund.js";

/** How much shipping the request asks for. */
export type ShippingAsk =
  | { readonly kind: "none" }
  | { readonly kind: "full" }
  | { readonly kind: "amount"; readonly presentment: bigint };

/** No shipping asked: one shared value. */
export const NO_SHIPPING: ShippingAsk = { kind: "none" };

/** All shipping left asked: one shared value. */
export const FULL_SHIPPING: ShippingAsk = { kind: "full" };

/** No errors: shared by every shipping refund that has none (frozen, never pushed onto). */
const NO_ERRORS: readonly RefundError[] = Object.freeze([]);

/**
 * No tax refunds: shared by every refunded shipping line without tax lines
 * (most shipping lines), as memo lines share theirs (frozen, so that no
 * holder can change the others').
 */
const NO_TAX_REFUNDS: readonly TaxLineRefund[] = Object.freeze([]);

function taxShares(
  line: ShippingLine,
  net: MoneyBag,
  refundedBefore: MoneyBag,
  refundedTaxes: readonly MoneyBag[],
  now: MoneyBag,
  prorations: PolicyProrations,
): readonly TaxLineRefund[] {
  const taxLines = line.taxLines;
  if (taxLines.length === 0) return NO_TAX_REFUNDS;
  const shares = new Array<TaxLineRefund>(taxLines.length);
  const progress = { whole: net, before: refundedBefore, now };
  for (let i = 0; i < taxLines.length; i++) {
    const tax = taxLines[i] as TaxLine;
    shares[i] = taxLineRefund(
      tax,
      prorateBag(tax.amount, refundedAt(refundedTaxes, i), progress, prorations.shipping),
    );
  }
  return shares;
}

/** The tax lines of a shipping line that takes no part: each refunds zero. */
function zeroTaxes(line: ShippingLine): readonly TaxLineRefund[] {
  const taxLines = line.taxLines;
  if (taxLines.length === 0) return NO_TAX_REFUNDS;
  const zeros = new Array<TaxLineRefund>(taxLines.length);
  for (let i = 0; i < taxLines.length; i++) zeros[i] = taxLineRefund(taxLines[i] as TaxLine, ZERO);
  return zeros;
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
 * above the total remainder. The order's shipping lines, its history, its
 * presentment currency (for the error), whether it has two currencies
 * (for the shop side of an amount) and the policy's prorations come as
 * arguments: no object per call.
 */
export function refundShipping(
  ask: ShippingAsk,
  lines: readonly ShippingLine[],
  history: RefundHistory,
  presentmentCurrency: string,
  multiCurrency: boolean,
  prorations: PolicyProrations,
): { readonly errors: readonly RefundError[]; readonly shipping: ShippingRefund } {
  if (ask.kind === "amount")
    return refundShippingAmount(
      ask.presentment,
      lines,
      history,
      presentmentCurrency,
      multiCurrency,
      prorations,
    );
  // No shipping or all of it (most calls): each line's amount is zero or
  // its remainder, so there is nothing to split. One pass, indexed, into
  // an exact-size list; running sums (issue 15 part 2).
  const full = ask.kind === "full";
  const n = lines.length;
  const shippingLines = new Array<ShippingLineRefund>(n);
  if (n === 1) {
    // One shipping line (the common order): the sums are its own bags.
    const line = lines[0] as ShippingLine;
    const refunded = shippingHistoryOf(history, line.id);
    const net = shippingNet(line);
    const remainder = subtractBags(net, refunded.amount);
    const taxLines = full
      ? taxShares(line, net, refunded.amount, refunded.taxLines, remainder, prorations)
      : zeroTaxes(line);
    const amount = full ? remainder : ZERO;
    shippingLines[0] = { shippingLineId: line.id, amount, taxLines };
    return {
      errors: NO_ERRORS,
      shipping: {
        amount,
        tax: taxLines.length === 0 ? ZERO : sumAmounts(taxLines),
        maximumRefundable: remainder,
        lines: shippingLines,
      },
    };
  }
  const maximumRefundable = new BagSum();
  const amounts = new BagSum();
  const tax = new BagSum();
  for (let i = 0; i < n; i++) {
    const line = lines[i] as ShippingLine;
    const refunded = shippingHistoryOf(history, line.id);
    const net = shippingNet(line);
    const remainder = subtractBags(net, refunded.amount);
    maximumRefundable.add(remainder);
    const taxLines = full
      ? taxShares(line, net, refunded.amount, refunded.taxLines, remainder, prorations)
      : zeroTaxes(line);
    const amount = full ? remainder : ZERO;
    amounts.add(amount);
    tax.add(sumAmounts(taxLines));
    shippingLines[i] = { shippingLineId: line.id, amount, taxLines };
  }
  return {
    errors: NO_ERRORS,
    shipping: {
      amount: amounts.total(),
      tax: tax.total(),
      maximumRefundable: maximumRefundable.total(),
      lines: shippingLines,
    },
  };
}

/**
 * {@link refundShipping} of an amount: split over the lines by largest
 * remainder, the lines that get something refund their taxes' shares.
 */
function refundShippingAmount(
  presentment: bigint,
  lines: readonly ShippingLine[],
  history: RefundHistory,
  presentmentCurrency: string,
  multiCurrency: boolean,
  prorations: PolicyProrations,
): { readonly errors: readonly RefundError[]; readonly shipping: ShippingRefund } {
  const n = lines.length;
  // Each line's net, history and remainder read once (the remainder was
  // `shippingLineLeft`, which read the net and the history again).
  const nets = new Array<MoneyBag>(n);
  const histories = new Array<ShippingHistory>(n);
  const remainders = new Array<MoneyBag>(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i] as ShippingLine;
    const net = shippingNet(line);
    const refunded = shippingHistoryOf(history, line.id);
    nets[i] = net;
    histories[i] = refunded;
    remainders[i] = subtractBags(net, refunded.amount);
  }
  const maximumRefundable = sumBags(remainders);
  if (presentment > maximumRefundable.presentment) {
    const code = presentmentCurrency;
    const shipping = emptyShipping(lines, maximumRefundable);
    return {
      errors: [
        refundErrors.shippingOverRefund(
          "shipping.amount",
          code,
          formatInCurrency(presentment, code),
          formatInCurrency(maximumRefundable.presentment, code),
        ),
      ],
      shipping,
    };
  }
  const bag = freeAmountBag(presentment, maximumRefundable, multiCurrency, prorations.rounding);
  const amounts = splitOverLines(bag, remainders);
  const shippingLines = new Array<ShippingLineRefund>(n);
  for (let i = 0; i < n; i++) {
    const line = lines[i] as ShippingLine;
    const amount = amounts[i] ?? ZERO;
    const refunded = histories[i] as ShippingHistory;
    const taxLines = isZeroBag(amount)
      ? zeroTaxes(line)
      : taxShares(
          line,
          nets[i] as MoneyBag,
          refunded.amount,
          refunded.taxLines,
          amount,
          prorations,
        );
    shippingLines[i] = { shippingLineId: line.id, amount, taxLines };
  }
  return {
    errors: NO_ERRORS,
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
