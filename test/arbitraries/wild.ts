/**
 * Adversarial domain-shaped values for totality: every field has its
 * TypeScript type, but anything the types allow may appear — negative and
 * enormous bigints, NaN, infinite and fractional quantities, empty and
 * repeated ids, unknown currencies, memos naming nothing on the order,
 * decimals with odd scales.
 */
import fc from "fast-check";
import type { CreditMemo, RestockType, TaxLineRefund } from "../../src/domain/creditMemo.js";
import type { Order } from "../../src/domain/order.js";
import type { RefundRequest } from "../../src/domain/refundRequest.js";
import type { DecimalAmount } from "../../src/money/decimal.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";
import { memoShapeArb } from "./memo.js";

const ids = fc.constantFrom("", "a", "b", "a", "__proto__", "L0", "S0", "I0", "duty-0-0");
const currency = fc.constantFrom("USD", "JPY", "KWD", "EUR", "XXX", "", "usd");
const wildBigint: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: -5n, max: 20n }),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
);
const wildNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -3, max: 6 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    0.5,
    -0,
    2 ** 53,
    1e300,
  ),
);
const bag: fc.Arbitrary<MoneyBag> = fc.oneof(
  wildBigint.map((m) => ({ shop: m, presentment: m })),
  fc.record({ shop: wildBigint, presentment: wildBigint }),
);
const list = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 3 });
const tax = fc.record({ title: fc.string({ maxLength: 3 }), amount: bag });
const restock = fc.constantFrom<RestockType>("no_restock", "cancel", "return");

export const wildDecimal: fc.Arbitrary<DecimalAmount> = fc.record({
  coefficient: wildBigint,
  scale: fc.oneof(
    fc.integer({ min: -2, max: 5 }),
    fc.constantFrom(Number.NaN, 1.5, Number.POSITIVE_INFINITY),
  ),
});

const memoTax: fc.Arbitrary<TaxLineRefund> = tax;

export const wildMemo: fc.Arbitrary<CreditMemo> = memoShapeArb({
  id: ids,
  currency,
  presentmentCurrency: currency,
  bag,
  quantity: wildNumber,
  restock,
  discount: fc.record({ amount: bag }),
  tax: memoTax,
  locationId: fc.constantFrom(null, "wh"),
  gateway: fc.constantFrom(null, "x"),
  reason: fc.constantFrom(null, "r"),
  note: fc.constantFrom(null, "n"),
  idempotencyKey: fc.constantFrom(null, "k", ""),
});

export const wildOrder: fc.Arbitrary<Order> = fc.record({
  id: ids,
  currency,
  presentmentCurrency: currency,
  taxesIncluded: fc.boolean(),
  lineItems: list(
    fc.record(
      {
        id: ids,
        sku: ids,
        quantity: wildNumber,
        price: bag,
        discountAllocations: list(fc.record({ amount: bag })),
        taxLines: list(tax),
        duties: list(fc.record({ id: ids, amount: bag, taxLines: list(tax) })),
        fulfilledQuantity: wildNumber,
      },
      {
        requiredKeys: [
          "id",
          "quantity",
          "price",
          "discountAllocations",
          "taxLines",
          "duties",
          "fulfilledQuantity",
        ],
      },
    ),
  ),
  shippingLines: list(
    fc.record({
      id: ids,
      price: bag,
      discountAllocations: list(fc.record({ amount: bag })),
      taxLines: list(tax),
    }),
  ),
  invoices: list(fc.record({ id: ids, amount: bag, online: fc.boolean() })),
  refunds: fc.array(wildMemo, { maxLength: 2 }),
});

export const wildRequest: fc.Arbitrary<RefundRequest> = fc.record(
  {
    lineItems: list(
      fc.record(
        { lineItemId: ids, sku: ids, quantity: wildNumber, restock, locationId: ids },
        { requiredKeys: ["quantity", "restock"] },
      ),
    ),
    shipping: fc.record(
      { fullRefund: fc.boolean(), amount: wildDecimal },
      { requiredKeys: ["fullRefund"] },
    ),
    refundDuties: fc.boolean(),
    adjustmentPositive: wildDecimal,
    adjustmentNegative: wildDecimal,
    amount: wildDecimal,
    full: fc.boolean(),
    currency,
    invoiceId: ids,
    transactions: list(fc.record({ invoiceId: ids, amount: wildDecimal })),
    reason: fc.string({ maxLength: 3 }),
    note: fc.string({ maxLength: 3 }),
    notify: fc.boolean(),
    idempotencyKey: fc.constantFrom("k", "", "z"),
  },
  { requiredKeys: ["lineItems", "refundDuties", "full", "notify"] },
);
