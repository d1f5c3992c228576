/**
 * Generators of valid domain values (orders, credit memos, requests) for the
 * codec property tests: single- and multi-currency, currencies with 0, 2 and
 * 3 fraction digits, amounts up to 10^18 minor units.
 */
import fc from "fast-check";
import type {
  CreditMemo,
  DecimalAmount,
  MoneyBag,
  Order,
  RefundRequest,
  RestockType,
} from "../../src/index.js";
import { memoShapeArb } from "../arbitraries/memo.js";

/** Currencies with 2, 0 and 3 fraction digits. */
export const currencyArb = fc.constantFrom("USD", "EUR", "JPY", "CLP", "KWD", "BHD");

const LIMIT = 10n ** 18n;

/** Minor units up to 10^18, biased towards both small amounts and the limit. */
export const minorArb: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: 0n, max: 10_000n }),
  fc.bigInt({ min: 0n, max: LIMIT }),
  fc.bigInt({ min: LIMIT - 1000n, max: LIMIT }),
);

/** The currencies of a document: single-currency about half the time. */
export const currenciesArb = fc
  .tuple(currencyArb, fc.option(currencyArb, { nil: undefined }))
  .map(([currency, other]) => ({ currency, presentmentCurrency: other ?? currency }));

/** Bags for a document in these currencies: equal sides when single-currency. */
export function bagArb(c: {
  currency: string;
  presentmentCurrency: string;
}): fc.Arbitrary<MoneyBag> {
  return c.currency === c.presentmentCurrency
    ? minorArb.map((m) => ({ shop: m, presentment: m }))
    : fc.record({ shop: minorArb, presentment: minorArb });
}

const idArb = fc.string({ minLength: 1, maxLength: 8 });
const textArb = fc.string({ maxLength: 8 });
const rateArb = fc.constantFrom("0.06", "0.0825", "0.2", "0");
const restockArb = fc.constantFrom<RestockType>("no_restock", "cancel", "return");
const quantityArb = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(Number.MAX_SAFE_INTEGER));
const list = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 3 });

function taxLineArb(bag: fc.Arbitrary<MoneyBag>) {
  return fc.record(
    { title: textArb, rate: rateArb, amount: bag },
    { requiredKeys: ["title", "amount"] },
  );
}

function discountArb(bag: fc.Arbitrary<MoneyBag>) {
  return fc.record({ title: textArb, amount: bag }, { requiredKeys: ["amount"] });
}

/** A credit memo in the given currencies. */
export function memoArb(c: {
  currency: string;
  presentmentCurrency: string;
}): fc.Arbitrary<CreditMemo> {
  const bag = bagArb(c);
  return memoShapeArb({
    id: idArb,
    currency: fc.constant(c.currency),
    presentmentCurrency: fc.constant(c.presentmentCurrency),
    bag,
    quantity: quantityArb,
    restock: restockArb,
    discount: discountArb(bag),
    tax: taxLineArb(bag),
    locationId: fc.option(textArb, { nil: null }),
    gateway: fc.option(textArb, { nil: null }),
    reason: fc.option(textArb, { nil: null }),
    note: fc.option(textArb, { nil: null }),
    idempotencyKey: fc.option(textArb, { nil: null }),
  });
}

/** A well-formed order (not necessarily consistent: the codec checks shape only). */
export const orderArb: fc.Arbitrary<Order> = currenciesArb.chain((c) => {
  const bag = bagArb(c);
  const line = fc
    .record(
      {
        id: idArb,
        sku: textArb,
        title: textArb,
        quantity: quantityArb,
        price: bag,
        discountAllocations: list(discountArb(bag)),
        taxLines: list(taxLineArb(bag)),
        duties: list(fc.record({ id: idArb, amount: bag, taxLines: list(taxLineArb(bag)) })),
        fulfilledRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      },
      {
        requiredKeys: [
          "id",
          "quantity",
          "price",
          "discountAllocations",
          "taxLines",
          "duties",
          "fulfilledRatio",
        ],
      },
    )
    .map(({ fulfilledRatio, ...rest }) => ({
      ...rest,
      fulfilledQuantity: Math.floor(rest.quantity * fulfilledRatio),
    }));
  return fc.record({
    id: idArb,
    currency: fc.constant(c.currency),
    presentmentCurrency: fc.constant(c.presentmentCurrency),
    taxesIncluded: fc.boolean(),
    lineItems: list(line),
    shippingLines: list(
      fc.record(
        {
          id: idArb,
          title: textArb,
          price: bag,
          discountAllocations: list(discountArb(bag)),
          taxLines: list(taxLineArb(bag)),
        },
        { requiredKeys: ["id", "price", "discountAllocations", "taxLines"] },
      ),
    ),
    invoices: list(
      fc.record(
        { id: idArb, amount: bag, gateway: textArb, online: fc.boolean() },
        { requiredKeys: ["id", "amount", "online"] },
      ),
    ),
    refunds: fc.array(memoArb(c), { maxLength: 2 }),
  });
});

/**
 * An exact decimal as a request may carry it: digits up to 10^18 (the bound
 * the decoder enforces since issue 12, §1), 0 to 4 fraction digits.
 */
export const decimalArb: fc.Arbitrary<DecimalAmount> = fc.record({
  coefficient: fc.oneof(
    fc.bigInt({ min: 0n, max: 10_000n }),
    fc.bigInt({ min: 0n, max: 10n ** 18n }),
  ),
  scale: fc.integer({ min: 0, max: 4 }),
});

/** A JSON-safe number other than -0 (which JSON writes as 0). */
const jsonNumberArb = fc
  .oneof(fc.integer({ min: -5, max: 10 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .filter((n) => !Object.is(n, -0));

/** A well-formed refund request (not necessarily valid for the engine). */
export const requestArb: fc.Arbitrary<RefundRequest> = fc.record(
  {
    lineItems: list(
      fc
        .record(
          {
            lineItemId: idArb,
            sku: idArb,
            quantity: jsonNumberArb,
            amount: decimalArb,
            restock: restockArb,
            locationId: textArb,
          },
          { requiredKeys: ["restock"] },
        )
        .filter((l) => l.lineItemId !== undefined || l.sku !== undefined)
        // §3.9: a line gives its units, its amount or both.
        .filter((l) => l.quantity !== undefined || l.amount !== undefined),
    ),
    shipping: fc.record(
      { fullRefund: fc.boolean(), amount: decimalArb },
      { requiredKeys: ["fullRefund"] },
    ),
    refundDuties: fc.boolean(),
    adjustmentPositive: decimalArb,
    adjustmentNegative: decimalArb,
    amount: decimalArb,
    full: fc.boolean(),
    currency: currencyArb,
    invoiceId: idArb,
    transactions: list(fc.record({ invoiceId: idArb, amount: decimalArb })),
    reason: textArb,
    note: textArb,
    notify: fc.boolean(),
    // Non-empty: an empty key is refused, it would become an empty memo id (issue 12).
    idempotencyKey: fc.string({ minLength: 1, maxLength: 8 }),
  },
  { requiredKeys: ["lineItems", "refundDuties", "full", "notify"] },
);
