/**
 * The wire types: the JSON the encoders write, field by field, so that
 * `encodeCreditMemo(memo).total` is typed. They describe the formats of
 * [the specification](../../docs/specification.md) ([§2](../../docs/specification.md#2-order) order, [§4](../../docs/specification.md#4-refund-request) refund
 * request, [§6](../../docs/specification.md#6-credit-memo) credit memo) as `JSON.parse` gives them back.
 *
 * An amount is a decimal string with exactly the currency's fraction digits
 * (`"21.44"`) on a single-currency document and a {@link MoneyBagJson} on a
 * multi-currency one ([§1](../../docs/specification.md#1-money)). The types take the amount's form as a parameter
 * `A`, so a caller who knows which form it has can say so.
 *
 * @module
 */

/**
 * An amount of a multi-currency document: shop money in the order's
 * `currency`, presentment money in its `presentmentCurrency`
 * ([specification §1](../../docs/specification.md#1-money)).
 *
 * @example
 * ```ts
 * import type { MoneyBagJson } from "refund-core";
 * const bag: MoneyBagJson = { shop: "10.00", presentment: "9.12" };
 * ```
 * @category Codecs
 */
export type MoneyBagJson = {
  /** Shop money, a decimal string in the order's `currency`. */
  readonly shop: string;
  /** Presentment money, a decimal string in the order's `presentmentCurrency`. */
  readonly presentment: string;
};

/**
 * An amount as the encoders write it: a decimal string such as `"21.44"` on
 * a single-currency document, a {@link MoneyBagJson} on a multi-currency one.
 *
 * @example
 * ```ts
 * import type { AmountJson } from "refund-core";
 * const amounts: AmountJson[] = ["21.44", { shop: "10.00", presentment: "9.12" }];
 * amounts.length; // => 2
 * ```
 * @category Codecs
 */
export type AmountJson = string | MoneyBagJson;

/**
 * A tax line of an order line or shipping line, or the refunded share of one
 * on a memo ([§2](../../docs/specification.md#2-order), [§6](../../docs/specification.md#6-credit-memo)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type TaxLineJson<A extends AmountJson = AmountJson> = {
  /** The tax's name, such as `"State Tax"`. */
  readonly title: string;
  /** The informational rate, such as `"0.0825"`; absent when the order has none. */
  readonly rate?: string;
  /** The tax amount (the line's total on an order, the refunded share on a memo). */
  readonly amount: A;
};

/**
 * A discount allocation of an order line or shipping line, or the refunded
 * share of one on a memo ([§2](../../docs/specification.md#2-order), [§6](../../docs/specification.md#6-credit-memo)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type DiscountJson<A extends AmountJson = AmountJson> = {
  /** The discount's name, such as `"SUMMER20"`; absent when the order has none. */
  readonly title?: string;
  /** The discount amount (the line's total on an order, the refunded share on a memo). */
  readonly amount: A;
};

/**
 * A duty of an order line ([§2](../../docs/specification.md#2-order)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type DutyJson<A extends AmountJson = AmountJson> = {
  /** The duty's id, unique on the order. */
  readonly id: string;
  /** The duty for the whole line. */
  readonly amount: A;
  /** The duty's own taxes. */
  readonly taxLines: readonly TaxLineJson<A>[];
};

/**
 * A line of an order as `encodeOrder` writes it ([§2](../../docs/specification.md#2-order)): every default written out.
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type LineItemJson<A extends AmountJson = AmountJson> = {
  /** The line's id. */
  readonly id: string;
  /** The product code, when the order has one. */
  readonly sku?: string;
  /** The product's name, when the order has one. */
  readonly title?: string;
  /** Units ordered. */
  readonly quantity: number;
  /** The unit price before discounts. */
  readonly price: A;
  /** Discounts for the whole line. */
  readonly discountAllocations: readonly DiscountJson<A>[];
  /** Taxes for the whole line. */
  readonly taxLines: readonly TaxLineJson<A>[];
  /** Duties for the whole line. */
  readonly duties: readonly DutyJson<A>[];
  /** Units fulfilled (shipped). */
  readonly fulfilledQuantity: number;
};

/**
 * A shipping line of an order ([§2](../../docs/specification.md#2-order)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type ShippingLineJson<A extends AmountJson = AmountJson> = {
  /** The shipping line's id. */
  readonly id: string;
  /** The shipping method's name, when the order has one. */
  readonly title?: string;
  /** The shipping price before discounts. */
  readonly price: A;
  /** Discounts of the shipping line. */
  readonly discountAllocations: readonly DiscountJson<A>[];
  /** Taxes of the shipping line. */
  readonly taxLines: readonly TaxLineJson<A>[];
};

/**
 * An invoice of an order: money collected ([§2](../../docs/specification.md#2-order)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type InvoiceJson<A extends AmountJson = AmountJson> = {
  /** The invoice's id. */
  readonly id: string;
  /** The money collected. */
  readonly amount: A;
  /** The payment gateway, when the order names one. */
  readonly gateway?: string;
  /** Whether the payment can be refunded through its gateway. */
  readonly online: boolean;
};

/**
 * An order as `encodeOrder` writes it ([§2](../../docs/specification.md#2-order)): `presentmentCurrency` and every
 * default written out, refunds as credit memos ([§6](../../docs/specification.md#6-credit-memo)).
 *
 * @typeParam A - the form of the amounts: `string` on a single-currency
 * order, {@link MoneyBagJson} on a multi-currency one.
 * @example
 * ```ts
 * import { decodeOrder, encodeOrder, type OrderJson } from "refund-core";
 * const decoded = decodeOrder({ id: "7", currency: "JPY", lineItems: [{ id: "1", quantity: 1, price: "1500" }] });
 * if (decoded._tag === "Right") {
 *   const json: OrderJson = encodeOrder(decoded.right);
 *   json.lineItems[0]?.price; // => "1500"
 * }
 * ```
 * @category Codecs
 */
export type OrderJson<A extends AmountJson = AmountJson> = {
  /** The order's id. */
  readonly id: string;
  /** The shop currency. */
  readonly currency: string;
  /** The currency the customer paid in (the shop currency on a single-currency order). */
  readonly presentmentCurrency: string;
  /** Whether prices include their tax. */
  readonly taxesIncluded: boolean;
  /** The order's lines. */
  readonly lineItems: readonly LineItemJson<A>[];
  /** The order's shipping lines. */
  readonly shippingLines: readonly ShippingLineJson<A>[];
  /** The money collected. */
  readonly invoices: readonly InvoiceJson<A>[];
  /** The credit memos already applied, oldest first. */
  readonly refunds: readonly CreditMemoJson[];
};

/**
 * A duty refunded on a memo line ([§6](../../docs/specification.md#6-credit-memo)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type DutyRefundJson<A extends AmountJson = AmountJson> = {
  /** The order's duty this refunds. */
  readonly dutyId: string;
  /** The duty refunded. */
  readonly amount: A;
  /** The duty's taxes refunded, one entry per tax line of the duty. */
  readonly taxLines: readonly TaxLineJson<A>[];
};

/**
 * A line of a credit memo ([§6](../../docs/specification.md#6-credit-memo)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type CreditMemoLineJson<A extends AmountJson = AmountJson> = {
  /** The order line refunded. */
  readonly lineItemId: string;
  /** Units refunded. */
  readonly quantity: number;
  /** The order line's unit price. */
  readonly price: A;
  /** `price × quantity`. */
  readonly gross: A;
  /** The discount given back. */
  readonly discount: A;
  /** `gross − discount` (may be negative, see the decisions). */
  readonly subtotal: A;
  /** The tax refunded. */
  readonly tax: A;
  /** The discount shares, one per discount allocation of the order line. */
  readonly discountAllocations: readonly DiscountJson<A>[];
  /** The tax shares, one per tax line of the order line. */
  readonly taxLines: readonly TaxLineJson<A>[];
  /** The duty shares, one per duty of the order line. */
  readonly duties: readonly DutyRefundJson<A>[];
  /** What the line refunds (may be negative, see the decisions). */
  readonly total: A;
  /** `"no_restock"`, `"cancel"` or `"return"`. */
  readonly restock: "no_restock" | "cancel" | "return";
  /** Where returned units go back to stock, or `null`. */
  readonly locationId: string | null;
  /**
   * The money refunded against the line ([§3.9](../../docs/specification.md#39-line-amounts-v2)), or `null` when it was
   * refunded by units; absent in memos written before v2 (read as `null`).
   */
  readonly amount?: A | null;
};

/**
 * A shipping line's part of a memo ([§6](../../docs/specification.md#6-credit-memo)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type ShippingLineRefundJson<A extends AmountJson = AmountJson> = {
  /** The order's shipping line. */
  readonly shippingLineId: string;
  /** The shipping refunded from it. */
  readonly amount: A;
  /** Its taxes refunded, one per tax line of the shipping line. */
  readonly taxLines: readonly TaxLineJson<A>[];
};

/**
 * The shipping part of a memo ([§6](../../docs/specification.md#6-credit-memo)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type ShippingRefundJson<A extends AmountJson = AmountJson> = {
  /** Shipping refunded. */
  readonly amount: A;
  /** Shipping tax refunded. */
  readonly tax: A;
  /** The shipping left before this refund. */
  readonly maximumRefundable: A;
  /** One entry per shipping line of the order. */
  readonly lines: readonly ShippingLineRefundJson<A>[];
};

/**
 * Money paid back against one invoice ([§6](../../docs/specification.md#6-credit-memo)).
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type RefundTransactionJson<A extends AmountJson = AmountJson> = {
  /** The invoice paid back. */
  readonly invoiceId: string;
  /** Its gateway, or `null`. */
  readonly gateway: string | null;
  /** Whether the money goes back through the gateway (`false`: by hand). */
  readonly online: boolean;
  /** The money paid back. */
  readonly amount: A;
  /** The invoice's money left before this refund. */
  readonly maximumRefundable: A;
};

/**
 * The fields every credit memo has ([§6](../../docs/specification.md#6-credit-memo)), with amounts of form `A`.
 * @typeParam A - the form of the amounts.
 * @category Codecs
 */
export type CreditMemoFieldsJson<A extends AmountJson> = {
  /** The memo's id. */
  readonly id: string;
  /** The order's id. */
  readonly orderId: string;
  /** The shop currency. */
  readonly currency: string;
  /** The lines refunded. */
  readonly lineItems: readonly CreditMemoLineJson<A>[];
  /** The shipping refunded. */
  readonly shipping: ShippingRefundJson<A>;
  /** Money added that is not tied to items. */
  readonly adjustmentPositive: A;
  /** Money withheld, such as a restocking fee. */
  readonly adjustmentNegative: A;
  /** The lines' subtotals. */
  readonly subtotal: A;
  /** The discount given back. */
  readonly discount: A;
  /** All tax refunded (lines, shipping, duties). */
  readonly tax: A;
  /** Duties refunded, with their taxes. */
  readonly duties: A;
  /** The money the customer gets back. */
  readonly total: A;
  /** The order's money left before this refund. */
  readonly maximumRefundable: A;
  /** The money paid back, per invoice. */
  readonly transactions: readonly RefundTransactionJson<A>[];
  /** The reason given, or `null`. */
  readonly reason: string | null;
  /** The note given, or `null`. */
  readonly note: string | null;
  /** Whether the customer is to be told. */
  readonly notify: boolean;
  /** The request's idempotency key, or `null`. */
  readonly idempotencyKey: string | null;
  /**
   * Whether line subtotals and shipping contain their tax, copied from the order
   * ([§6](../../docs/specification.md#6-credit-memo) v2); absent in memos written before v2 (read as the order's, or false).
   */
  readonly taxesIncluded?: boolean;
  /**
   * Shop money, signed (`"-0.01"`), never a bag: the transactions' shop sum minus the memo's shop
   * total ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)). Written on every
   * multi-currency memo; on a single-currency memo only when not zero (never, for a memo
   * refund-core computed); absent in memos written before v2 (read as zero).
   */
  readonly exchangeDifference?: string;
};

/**
 * A credit memo of a single-currency order: amounts are decimal strings and
 * there is no `presentmentCurrency`.
 * @category Codecs
 */
export type SingleCurrencyCreditMemoJson = CreditMemoFieldsJson<string> & {
  /** Never present on a single-currency memo. */
  readonly presentmentCurrency?: never;
};

/**
 * A credit memo of a multi-currency order: amounts are {@link MoneyBagJson}s
 * and `presentmentCurrency` is written.
 * @category Codecs
 */
export type MultiCurrencyCreditMemoJson = CreditMemoFieldsJson<MoneyBagJson> & {
  /** The currency the customer paid in. */
  readonly presentmentCurrency: string;
};

/**
 * A credit memo as `encodeCreditMemo` writes it ([§6](../../docs/specification.md#6-credit-memo)). Tell the two forms
 * apart by `presentmentCurrency`: absent, every amount is a string.
 *
 * @example
 * ```ts
 * import { calculate, decodeOrder, decodeRefundRequest, encodeCreditMemo } from "refund-core";
 * const order = decodeOrder({
 *   id: "5",
 *   currency: "USD",
 *   lineItems: [{ id: "3", quantity: 2, price: "22.00" }],
 *   invoices: [{ id: "inv-1", amount: "44.00", online: true }],
 * });
 * const request = decodeRefundRequest({ lineItems: [{ lineItemId: "3", quantity: 1 }] });
 * if (order._tag === "Right" && request._tag === "Right") {
 *   const memo = calculate(order.right, request.right);
 *   if (memo._tag === "Right") {
 *     const json = encodeCreditMemo(memo.right);
 *     const total: string = json.presentmentCurrency === undefined ? json.total : json.total.presentment;
 *     total; // => "22.00"
 *   }
 * }
 * ```
 * @category Codecs
 */
export type CreditMemoJson = SingleCurrencyCreditMemoJson | MultiCurrencyCreditMemoJson;

/**
 * A line of a refund request as `encodeRefundRequest` writes it ([§4](../../docs/specification.md#4-refund-request)).
 * @category Codecs
 */
export type RefundLineRequestJson = {
  /** The order line to refund. */
  readonly lineItemId?: string;
  /** The product code of the line to refund (instead of `lineItemId`). */
  readonly sku?: string;
  /** Units to refund (absent with an `amount` alone). */
  readonly quantity?: number;
  /** Money refunded against the line ([§3.9](../../docs/specification.md#39-line-amounts-v2)), presentment money. */
  readonly amount?: string;
  /** `"no_restock"`, `"cancel"` or `"return"`. */
  readonly restock: "no_restock" | "cancel" | "return";
  /** Where returned units go back to stock. */
  readonly locationId?: string;
};

/**
 * The shipping part of a refund request ([§3.2](../../docs/specification.md#32-shipping), [§4](../../docs/specification.md#4-refund-request)).
 * @category Codecs
 */
export type ShippingRequestJson = {
  /** Whether every shipping line's remainder is refunded. */
  readonly fullRefund: boolean;
  /** The shipping to refund, a decimal string (it wins over `fullRefund`). */
  readonly amount?: string;
};

/**
 * One payout of an explicit split ([§3.7](../../docs/specification.md#37-money-out-transactions), [§4](../../docs/specification.md#4-refund-request)).
 * @category Codecs
 */
export type TransactionRequestJson = {
  /** The invoice to pay back. */
  readonly invoiceId: string;
  /** The money to pay back from it, a decimal string. */
  readonly amount: string;
};

/**
 * A refund request as `encodeRefundRequest` writes it ([§4](../../docs/specification.md#4-refund-request)). Its free
 * amounts are decimal strings in the request's `currency` ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)).
 *
 * @example
 * ```ts
 * import { decodeRefundRequest, encodeRefundRequest, type RefundRequestJson } from "refund-core";
 * const decoded = decodeRefundRequest({ shipping: { amount: "2.5" }, currency: "USD" });
 * if (decoded._tag === "Right") {
 *   const json: RefundRequestJson = encodeRefundRequest(decoded.right);
 *   json.shipping?.amount; // => "2.5"
 * }
 * ```
 * @category Codecs
 */
export type RefundRequestJson = {
  /** The lines to refund. */
  readonly lineItems: readonly RefundLineRequestJson[];
  /** The shipping to refund. */
  readonly shipping?: ShippingRequestJson;
  /** Whether the refunded lines' duties are refunded. */
  readonly refundDuties: boolean;
  /** Money added that is not tied to items. */
  readonly adjustmentPositive?: string;
  /** Money withheld. */
  readonly adjustmentNegative?: string;
  /** An amount-only refund, or a check of the total. */
  readonly amount?: string;
  /** Whether everything left is refunded. */
  readonly full: boolean;
  /** The currency of the free amounts. */
  readonly currency?: string;
  /** The invoice to refund online through. */
  readonly invoiceId?: string;
  /** An explicit split of the money over invoices. */
  readonly transactions?: readonly TransactionRequestJson[];
  /** Carried into the memo. */
  readonly reason?: string;
  /** Carried into the memo. */
  readonly note?: string;
  /** Carried into the memo. */
  readonly notify: boolean;
  /** A refund of the order with the same key is `DUPLICATE_REFUND`. */
  readonly idempotencyKey?: string;
};
