/**
 * The refunded share of a tax line, carrying its title and rate.
 *
 * @module
 */
import type { TaxLineRefund } from "../domain/creditMemo.js";
import type { TaxLine } from "../domain/order.js";
import type { MoneyBag } from "../money/moneyBag.js";

/** `amount` of `tax` refunded, with the tax line's title and rate. */
export function taxLineRefund(tax: TaxLine, amount: MoneyBag): TaxLineRefund {
  return tax.rate === undefined
    ? { title: tax.title, amount }
    : { title: tax.title, rate: tax.rate, amount };
}
