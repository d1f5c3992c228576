/**
 * A refunded order line (§3.1, §3.3, §3.5): gross, prorated discounts,
 * taxes and duties, subtotal and total, on both sides of the money bag.
 *
 * @module
 */
import type { CreditMemoLine } from "../domain/creditMemo.js";
import { addBags, type MoneyBag, scaleBag, subtractBags, sumBy, ZERO } from "../money/moneyBag.js";
import { refundedAt } from "../order/refundHistory.js";
import type { SelectedLine } from "./lineSelection.js";
import { type Proration, prorateBag, unitProgress } from "./proration.js";
import { taxLineRefund } from "./taxLineRefund.js";

/**
 * The memo line for a selected line. Duties are prorated only with
 * `refundDuties`; otherwise each is listed with zero. `total` is the
 * subtotal, plus the tax unless `taxesIncluded`, plus duties and their taxes.
 */
export function refundLine(
  selected: SelectedLine,
  options: { readonly refundDuties: boolean; readonly taxesIncluded: boolean },
  proration: Proration,
): CreditMemoLine {
  const { line, history, quantity } = selected;
  const q = BigInt(quantity);
  const progress = unitProgress(line.quantity, history.refundedQuantity, quantity);
  const share = (amount: MoneyBag, refunded: MoneyBag) =>
    prorateBag(amount, refunded, progress, proration);
  const gross = scaleBag(line.price, q);
  const discountAllocations = line.discountAllocations.map((d, i) => {
    const amount = share(d.amount, refundedAt(history.discountAllocations, i));
    return d.title === undefined ? { amount } : { title: d.title, amount };
  });
  const taxLines = line.taxLines.map((t, i) =>
    taxLineRefund(t, share(t.amount, refundedAt(history.taxLines, i))),
  );
  const duties = line.duties.map((duty) => {
    const dh = history.duties.get(duty.id);
    const refunded = (amount: MoneyBag, before: MoneyBag) =>
      options.refundDuties ? share(amount, before) : ZERO;
    return {
      dutyId: duty.id,
      amount: refunded(duty.amount, dh?.amount ?? ZERO),
      taxLines: duty.taxLines.map((t, i) =>
        taxLineRefund(t, refunded(t.amount, refundedAt(dh?.taxLines ?? [], i))),
      ),
    };
  });
  const discount = sumBy(discountAllocations, (d) => d.amount);
  const subtotal = subtractBags(gross, discount);
  const tax = sumBy(taxLines, (t) => t.amount);
  const dutiesWithTax = sumBy(duties, (d) =>
    addBags(
      d.amount,
      sumBy(d.taxLines, (t) => t.amount),
    ),
  );
  const total = addBags(options.taxesIncluded ? subtotal : addBags(subtotal, tax), dutiesWithTax);
  return {
    lineItemId: line.id,
    quantity,
    price: line.price,
    gross,
    discount,
    subtotal,
    tax,
    discountAllocations,
    taxLines,
    duties,
    total,
    restock: selected.restock,
    locationId: selected.locationId,
  };
}
