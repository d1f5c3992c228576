/**
 * The shape of a credit memo (§6) as one generator, filled from the leaves
 * a caller gives: valid amounts for the codec tests, wild ones for totality.
 */
import fc from "fast-check";
import type {
  CreditMemo,
  DiscountRefund,
  RestockType,
  TaxLineRefund,
} from "../../src/domain/creditMemo.js";
import type { MoneyBag } from "../../src/money/moneyBag.js";

/** The generators of a memo's leaves. */
export interface MemoLeaves {
  readonly id: fc.Arbitrary<string>;
  readonly currency: fc.Arbitrary<string>;
  readonly presentmentCurrency: fc.Arbitrary<string>;
  readonly bag: fc.Arbitrary<MoneyBag>;
  readonly quantity: fc.Arbitrary<number>;
  readonly restock: fc.Arbitrary<RestockType>;
  readonly discount: fc.Arbitrary<DiscountRefund>;
  readonly tax: fc.Arbitrary<TaxLineRefund>;
  readonly locationId: fc.Arbitrary<string | null>;
  readonly gateway: fc.Arbitrary<string | null>;
  readonly reason: fc.Arbitrary<string | null>;
  readonly note: fc.Arbitrary<string | null>;
  readonly idempotencyKey: fc.Arbitrary<string | null>;
  /** Shop minor units, signed (§3.8); by default from −10^6 to 10^6. */
  readonly exchangeDifference?: fc.Arbitrary<bigint>;
}

const list = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 3 });

/** A credit memo whose every leaf comes from `leaves`; lists have up to 3 entries. */
export function memoShapeArb(leaves: MemoLeaves): fc.Arbitrary<CreditMemo> {
  const { id, bag, tax } = leaves;
  return fc.record({
    id,
    orderId: id,
    currency: leaves.currency,
    presentmentCurrency: leaves.presentmentCurrency,
    taxesIncluded: fc.boolean(),
    lineItems: list(
      fc.record({
        lineItemId: id,
        quantity: leaves.quantity,
        amount: fc.option(bag, { nil: null }),
        price: bag,
        gross: bag,
        discount: bag,
        subtotal: bag,
        tax: bag,
        discountAllocations: list(leaves.discount),
        taxLines: list(tax),
        duties: list(fc.record({ dutyId: id, amount: bag, taxLines: list(tax) })),
        total: bag,
        restock: leaves.restock,
        locationId: leaves.locationId,
      }),
    ),
    shipping: fc.record({
      amount: bag,
      tax: bag,
      maximumRefundable: bag,
      lines: list(fc.record({ shippingLineId: id, amount: bag, taxLines: list(tax) })),
    }),
    adjustmentPositive: bag,
    adjustmentNegative: bag,
    subtotal: bag,
    discount: bag,
    tax: bag,
    duties: bag,
    total: bag,
    maximumRefundable: bag,
    transactions: list(
      fc.record({
        invoiceId: id,
        gateway: leaves.gateway,
        online: fc.boolean(),
        amount: bag,
        maximumRefundable: bag,
      }),
    ),
    exchangeDifference:
      leaves.exchangeDifference ?? fc.bigInt({ min: -1_000_000n, max: 1_000_000n }),
    reason: leaves.reason,
    note: leaves.note,
    notify: fc.boolean(),
    idempotencyKey: leaves.idempotencyKey,
  });
}
