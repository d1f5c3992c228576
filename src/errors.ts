/**
 * The error catalogue ([§5](../docs/specification.md#5-validation-and-typed-errors)): every failure refund-core can report, with the
 * data a caller needs to recover and a sentence a support agent can read to a
 * customer. All messages live here.
 *
 * Money in errors is written as a decimal string in the named `currency`
 * (presentment money unless said otherwise), so errors are plain JSON.
 *
 * @module
 */

/** What an `OVER_REFUND` is about. @category Errors */
export type OverRefundSubject = "quantity" | "line" | "shipping" | "money" | "invoice";

/** JSON does not match the formats of [§1](../docs/specification.md#1-money), [§2](../docs/specification.md#2-order) or [§4](../docs/specification.md#4-refund-request). @category Errors */
export interface InvalidInputError {
  /** Discriminant: always `"INVALID_INPUT"`. */
  readonly code: "INVALID_INPUT";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where the bad value is, such as `lineItems[0].price` (`""` for the whole input). */
  readonly path: string;
}
/** The order contradicts itself ([§2](../docs/specification.md#2-order)). @category Errors */
export interface InconsistentOrderError {
  /** Discriminant: always `"INCONSISTENT_ORDER"`. */
  readonly code: "INCONSISTENT_ORDER";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the order the contradiction is, such as `lineItems[0].discountAllocations`. */
  readonly path: string;
}
/** A requested line is not on the order. @category Errors */
export interface UnknownLineItemError {
  /** Discriminant: always `"UNKNOWN_LINE_ITEM"`. */
  readonly code: "UNKNOWN_LINE_ITEM";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The `lineItemId` (or `sku`) the request gave. */
  readonly lineItemId: string;
  /** The 2Checkout product code, when the request named the line by `sku`. */
  readonly sku?: string;
}
/** The same line appears twice in the request. @category Errors */
export interface DuplicateLineItemError {
  /** Discriminant: always `"DUPLICATE_LINE_ITEM"`. */
  readonly code: "DUPLICATE_LINE_ITEM";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The order line named twice. */
  readonly lineItemId: string;
}
/** `invoiceId` or a transaction names no invoice of the order. @category Errors */
export interface UnknownInvoiceError {
  /** Discriminant: always `"UNKNOWN_INVOICE"`. */
  readonly code: "UNKNOWN_INVOICE";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The invoice id the request gave. */
  readonly invoiceId: string;
}
/** A quantity is not a positive integer. @category Errors */
export interface InvalidQuantityError {
  /** Discriminant: always `"INVALID_QUANTITY"`. */
  readonly code: "INVALID_QUANTITY";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The order line whose quantity is wrong. */
  readonly lineItemId: string;
}
/** More units than are left on a line. @category Errors */
export interface QuantityOverRefundError {
  /** Discriminant: always `"OVER_REFUND"`. */
  readonly code: "OVER_REFUND";
  /** Always `"quantity"`. */
  readonly subject: "quantity";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The order line concerned. */
  readonly lineItemId: string;
  /** Units requested. */
  readonly requested: number;
  /** Units left to refund on the line; never negative ([§5](../docs/specification.md#5-validation-and-typed-errors) v2). */
  readonly maximum: number;
}
/**
 * More money than is left: on a line (a line amount, [§3.9](../docs/specification.md#39-line-amounts-v2)), of the shipping,
 * in total, or on one invoice.
 * @category Errors
 */
export interface MoneyOverRefundError {
  /** Discriminant: always `"OVER_REFUND"`. */
  readonly code: "OVER_REFUND";
  /**
   * `line`: a line amount above the line's value left ([§3.9](../docs/specification.md#39-line-amounts-v2)); `shipping`: more than the shipping
   * left; `money`: more than the order's money left; `invoice`: more than one invoice's money left.
   */
  readonly subject: "line" | "shipping" | "money" | "invoice";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** The request field at fault; absent for `money`, which is about the total. */
  readonly path?: string;
  /** The invoice, for `subject: "invoice"`. */
  readonly invoiceId?: string;
  /** The order line, for `subject: "line"`. */
  readonly lineItemId?: string;
  /**
   * The currency of the amounts in this error: the presentment currency (on a multi-currency
   * order every limit of this error is presentment money, [§3.2](../docs/specification.md#32-shipping), [§3.8](../docs/specification.md#38-free-amounts-and-currency) v2).
   */
  readonly currency: string;
  /** The amount asked for, a decimal string in `currency`. */
  readonly requested: string;
  /**
   * The most that can be refunded, a decimal string in `currency`; never negative ([§5](../docs/specification.md#5-validation-and-typed-errors) v2): a
   * history that already took too much leaves `"0.00"`.
   */
  readonly maximum: string;
}
/** An online refund against an offline invoice. @category Errors */
export interface OfflineInvoiceError {
  /** Discriminant: always `"OFFLINE_INVOICE"`. */
  readonly code: "OFFLINE_INVOICE";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The offline invoice named by `invoiceId`. */
  readonly invoiceId: string;
}
/** A free amount on a multi-currency order without `currency`. @category Errors */
export interface MissingCurrencyError {
  /** Discriminant: always `"MISSING_CURRENCY"`. */
  readonly code: "MISSING_CURRENCY";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The first free amount found without a currency, such as `shipping.amount`. */
  readonly field: string;
}
/** `currency` is not the order's presentment currency. @category Errors */
export interface CurrencyMismatchError {
  /** Discriminant: always `"CURRENCY_MISMATCH"`. */
  readonly code: "CURRENCY_MISMATCH";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The order's presentment currency. */
  readonly expected: string;
  /** The `currency` the request gave. */
  readonly actual: string;
}
/** The memo's total would be negative. @category Errors */
export interface NegativeTotalError {
  /** Discriminant: always `"NEGATIVE_TOTAL"`. */
  readonly code: "NEGATIVE_TOTAL";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** The currency of `total`: presentment, unless only the shop side is negative. */
  readonly currency: string;
  /** The negative total, a decimal string in `currency`. */
  readonly total: string;
}
/** The memo would refund nothing. @category Errors */
export interface EmptyRefundError {
  /** Discriminant: always `"EMPTY_REFUND"`. */
  readonly code: "EMPTY_REFUND";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
}
/** `amount` given as a check differs from the computed total. @category Errors */
export interface AmountMismatchError {
  /** Discriminant: always `"AMOUNT_MISMATCH"`. */
  readonly code: "AMOUNT_MISMATCH";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The presentment currency. */
  readonly currency: string;
  /** The total the rules compute. */
  readonly expected: string;
  /** The `amount` the request states. */
  readonly actual: string;
}
/** Explicit transactions do not add up to the total. @category Errors */
export interface TransactionMismatchError {
  /** Discriminant: always `"TRANSACTION_MISMATCH"`. */
  readonly code: "TRANSACTION_MISMATCH";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The presentment currency. */
  readonly currency: string;
  /** The sum of the requested transactions, a decimal string. */
  readonly transactionsTotal: string;
  /** The memo's computed total, a decimal string. */
  readonly total: string;
}
/** The order has no collected money to refund. @category Errors */
export interface NotPaidError {
  /** Discriminant: always `"NOT_PAID"`. */
  readonly code: "NOT_PAID";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
}
/** The idempotency key was already used by a refund of this order. @category Errors */
export interface DuplicateRefundError {
  /** Discriminant: always `"DUPLICATE_REFUND"`. */
  readonly code: "DUPLICATE_REFUND";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The key already used. */
  readonly idempotencyKey: string;
}
/** More units to restock than can be returned or cancelled. @category Errors */
export interface RestockExceedsFulfilledError {
  /** Discriminant: always `"RESTOCK_EXCEEDS_FULFILLED"`. */
  readonly code: "RESTOCK_EXCEEDS_FULFILLED";
  /** A sentence a support agent could read to a customer. */
  readonly message: string;
  /** Where in the request the problem is, such as `lineItems[1].quantity`. */
  readonly path: string;
  /** The order line concerned. */
  readonly lineItemId: string;
  /** Units asked to restock. */
  readonly requested: number;
  /**
   * Units that can still be returned (fulfilled, not yet returned) or cancelled (unfulfilled, not
   * yet cancelled).
   */
  readonly maximum: number;
}

/**
 * Every error refund-core returns: a discriminated union on `code`. Every
 * member has a `message` a support agent could read to a customer; most have
 * a `path` into the request; the rest is the data a caller needs to recover
 * (see [Errors](../docs/errors.md)). Errors are plain JSON values, returned
 * in the `Left` of an `Either`, never thrown.
 *
 * @example
 * Narrow on `code` to reach an error's data.
 * ```ts
 * import { calculate, decodeOrder, decodeRefundRequest, type RefundError } from "refund-core";
 *
 * const order = decodeOrder({
 *   id: "5", currency: "USD",
 *   lineItems: [{ id: "3", quantity: 2, price: "22.00" }],
 *   invoices: [{ id: "inv-1", amount: "44.00", online: true }],
 * });
 * const request = decodeRefundRequest({ amount: "50.00" });
 * if (order._tag === "Left" || request._tag === "Left") throw new Error();
 *
 * const explain = (error: RefundError): string => {
 *   switch (error.code) {
 *     case "OVER_REFUND":
 *       return `at most ${error.maximum}`;
 *     default:
 *       return error.message;
 *   }
 * };
 * const result = calculate(order.right, request.right);
 * if (result._tag === "Right") throw new Error("expected an over-refund");
 * result.left.map(explain); // => ["at most 44.00"]
 * ```
 * @category Errors
 */
export type RefundError =
  | InvalidInputError
  | InconsistentOrderError
  | UnknownLineItemError
  | DuplicateLineItemError
  | UnknownInvoiceError
  | InvalidQuantityError
  | QuantityOverRefundError
  | MoneyOverRefundError
  | OfflineInvoiceError
  | MissingCurrencyError
  | CurrencyMismatchError
  | NegativeTotalError
  | EmptyRefundError
  | AmountMismatchError
  | TransactionMismatchError
  | NotPaidError
  | DuplicateRefundError
  | RestockExceedsFulfilledError;

/**
 * Every error code: `"INVALID_INPUT"`, `"OVER_REFUND"`, … (see
 * {@link RefundError}).
 * @category Errors
 */
export type RefundErrorCode = RefundError["code"];

/**
 * Error codes that mean the input itself is bad, not the refund: the command
 * line exits with status 2 for them (1 for every other error).
 *
 * @example
 * ```ts
 * import { INPUT_ERROR_CODES } from "refund-core";
 * INPUT_ERROR_CODES; // => ["INVALID_INPUT", "INCONSISTENT_ORDER"]
 * ```
 * @category Errors
 */
export const INPUT_ERROR_CODES: readonly RefundErrorCode[] = [
  "INVALID_INPUT",
  "INCONSISTENT_ORDER",
];

const money = (amount: string, currency: string): string => `${amount} ${currency}`;

/**
 * A `maximum` is never negative ([§5](../docs/specification.md#5-validation-and-typed-errors), v2): a history that already took too
 * much leaves a maximum of zero. `"-0.50"` becomes `"0.00"` (zero with the
 * same fraction digits), a negative unit count 0.
 */
function atLeastZeroAmount(amount: string): string {
  if (!amount.startsWith("-")) return amount;
  const point = amount.indexOf(".");
  return point < 0 ? "0" : `0.${"0".repeat(amount.length - point - 1)}`;
}

function atLeastZeroUnits(units: number): number {
  return units < 0 ? 0 : units;
}

/**
 * Constructors for every error, with its message: the only place messages
 * are written. Services that wrap refund-core can use them to report their
 * own checks in the same shape.
 *
 * @example
 * ```ts
 * import { refundErrors } from "refund-core";
 * refundErrors.moneyOverRefund("USD", "999.00", "35.00");
 * // => { code: "OVER_REFUND", subject: "money", currency: "USD", requested: "999.00", maximum: "35.00", message: "The refund of 999.00 USD is more than the 35.00 USD left to refund on this order." }
 * ```
 * @category Errors
 */
export const refundErrors = {
  /**
   * `INVALID_INPUT`: the value at `path` (`""` for the whole input) breaks the format; `problem`
   * ends the sentence.
   */
  invalidInput: (path: string, problem: string): InvalidInputError => ({
    code: "INVALID_INPUT",
    message: path === "" ? `The input ${problem}.` : `The value at ${path} ${problem}.`,
    path,
  }),
  /** `INCONSISTENT_ORDER`: the order contradicts itself at `path`. */
  inconsistentOrder: (path: string, problem: string): InconsistentOrderError => ({
    code: "INCONSISTENT_ORDER",
    message: `The order contradicts itself at ${path}: ${problem}.`,
    path,
  }),
  /** `UNKNOWN_LINE_ITEM`: the request names a line the order does not have. */
  unknownLineItem: (path: string, lineItemId: string, sku?: string): UnknownLineItemError => ({
    code: "UNKNOWN_LINE_ITEM",
    message:
      sku === undefined
        ? `The item "${lineItemId}" is not part of this order.`
        : `No item with product code "${sku}" is part of this order.`,
    path,
    lineItemId,
    ...(sku === undefined ? {} : { sku }),
  }),
  /** `DUPLICATE_LINE_ITEM`: the request names a line twice. */
  duplicateLineItem: (path: string, lineItemId: string): DuplicateLineItemError => ({
    code: "DUPLICATE_LINE_ITEM",
    message: `The item "${lineItemId}" appears more than once in the refund; list each item once with its total quantity.`,
    path,
    lineItemId,
  }),
  /** `UNKNOWN_INVOICE`: the request names an invoice the order does not have. */
  unknownInvoice: (path: string, invoiceId: string): UnknownInvoiceError => ({
    code: "UNKNOWN_INVOICE",
    message: `The payment "${invoiceId}" does not belong to this order.`,
    path,
    invoiceId,
  }),
  /** `INVALID_QUANTITY`: a quantity that is not a positive whole number. */
  invalidQuantity: (path: string, lineItemId: string): InvalidQuantityError => ({
    code: "INVALID_QUANTITY",
    message: `The quantity to refund for item "${lineItemId}" must be a whole number of at least 1.`,
    path,
    lineItemId,
  }),
  /** `OVER_REFUND` of units: `maximum` units are left on the line. */
  quantityOverRefund: (
    path: string,
    lineItemId: string,
    requested: number,
    left: number,
  ): QuantityOverRefundError => {
    const maximum = atLeastZeroUnits(left);
    return {
      code: "OVER_REFUND",
      subject: "quantity",
      message: `Only ${maximum} of item "${lineItemId}" can still be refunded, not ${requested}.`,
      path,
      lineItemId,
      requested,
      maximum,
    };
  },
  /**
   * `OVER_REFUND` of a line amount ([§3.9](../docs/specification.md#39-line-amounts-v2)): `maximum` is the line's value left (decimal strings in
   * `currency`, the presentment currency).
   */
  lineOverRefund: (
    path: string,
    lineItemId: string,
    currency: string,
    requested: string,
    left: string,
  ): MoneyOverRefundError => {
    const maximum = atLeastZeroAmount(left);
    return {
      code: "OVER_REFUND",
      subject: "line",
      message: `At most ${money(maximum, currency)} can still be refunded on item "${lineItemId}", not ${money(requested, currency)}.`,
      path,
      lineItemId,
      currency,
      requested,
      maximum,
    };
  },
  /** `OVER_REFUND` of shipping: `maximum` is the shipping left (decimal strings in `currency`). */
  shippingOverRefund: (
    path: string,
    currency: string,
    requested: string,
    left: string,
  ): MoneyOverRefundError => {
    const maximum = atLeastZeroAmount(left);
    return {
      code: "OVER_REFUND",
      subject: "shipping",
      message: `The most shipping that can still be refunded is ${money(maximum, currency)}, not ${money(requested, currency)}.`,
      path,
      currency,
      requested,
      maximum,
    };
  },
  /**
   * `OVER_REFUND` of money: `maximum` is the order's money left (decimal strings in `currency`).
   */
  moneyOverRefund: (currency: string, requested: string, left: string): MoneyOverRefundError => {
    const maximum = atLeastZeroAmount(left);
    return {
      code: "OVER_REFUND",
      subject: "money",
      message: `The refund of ${money(requested, currency)} is more than the ${money(maximum, currency)} left to refund on this order.`,
      currency,
      requested,
      maximum,
    };
  },
  /** `OVER_REFUND` on one invoice: `maximum` is that invoice's money left. */
  invoiceOverRefund: (
    path: string,
    invoiceId: string,
    currency: string,
    requested: string,
    left: string,
  ): MoneyOverRefundError => {
    const maximum = atLeastZeroAmount(left);
    return {
      code: "OVER_REFUND",
      subject: "invoice",
      message: `At most ${money(maximum, currency)} can be refunded on payment "${invoiceId}", not ${money(requested, currency)}.`,
      path,
      invoiceId,
      currency,
      requested,
      maximum,
    };
  },
  /** `OFFLINE_INVOICE`: `invoiceId` names an invoice that cannot be refunded online. */
  offlineInvoice: (path: string, invoiceId: string): OfflineInvoiceError => ({
    code: "OFFLINE_INVOICE",
    message: `The payment "${invoiceId}" was made offline and cannot be refunded through a gateway; refund it offline instead.`,
    path,
    invoiceId,
  }),
  /** `MISSING_CURRENCY`: a free amount on a multi-currency order without `currency`. */
  missingCurrency: (path: string, field: string): MissingCurrencyError => ({
    code: "MISSING_CURRENCY",
    message: `This order is in two currencies, so the refund must say which currency "${field}" is in.`,
    path,
    field,
  }),
  /** `CURRENCY_MISMATCH`: `currency` is `actual`, the presentment currency is `expected`. */
  currencyMismatch: (path: string, expected: string, actual: string): CurrencyMismatchError => ({
    code: "CURRENCY_MISMATCH",
    message: `Refund amounts must be in ${expected}, the currency the customer paid in, not ${actual}.`,
    path,
    expected,
    actual,
  }),
  /** `NEGATIVE_TOTAL`: the memo's total would be below zero. */
  negativeTotal: (currency: string, total: string): NegativeTotalError => ({
    code: "NEGATIVE_TOTAL",
    message: `The refund total would be ${money(total, currency)}; a refund's total cannot be negative.`,
    currency,
    total,
  }),
  /** `EMPTY_REFUND`: nothing to refund. */
  emptyRefund: (): EmptyRefundError => ({
    code: "EMPTY_REFUND",
    message: "There is nothing to refund: no items, shipping or amount.",
  }),
  /**
   * `AMOUNT_MISMATCH`: `expected` is the computed total, `actual` the `amount` the request states.
   */
  amountMismatch: (
    path: string,
    currency: string,
    expected: string,
    actual: string,
  ): AmountMismatchError => ({
    code: "AMOUNT_MISMATCH",
    message: `The refund comes to ${money(expected, currency)}, but the request says ${money(actual, currency)}.`,
    path,
    currency,
    expected,
    actual,
  }),
  /**
   * `TRANSACTION_MISMATCH`: the explicit transactions add up to `transactionsTotal`, not `total`.
   */
  transactionMismatch: (
    path: string,
    currency: string,
    transactionsTotal: string,
    total: string,
  ): TransactionMismatchError => ({
    code: "TRANSACTION_MISMATCH",
    message: `The payouts add up to ${money(transactionsTotal, currency)}, but the refund comes to ${money(total, currency)}.`,
    path,
    currency,
    transactionsTotal,
    total,
  }),
  /** `NOT_PAID`: no money was collected on the order. */
  notPaid: (): NotPaidError => ({
    code: "NOT_PAID",
    message: "No payment has been collected on this order, so there is no money to refund.",
  }),
  /** `DUPLICATE_REFUND`: the idempotency key was already used on the order. */
  duplicateRefund: (path: string, idempotencyKey: string): DuplicateRefundError => ({
    code: "DUPLICATE_REFUND",
    message: `A refund with the key "${idempotencyKey}" was already made on this order.`,
    path,
    idempotencyKey,
  }),
  /** `RESTOCK_EXCEEDS_FULFILLED`: more units to return (or cancel) than can be. */
  restockExceedsFulfilled: (
    path: string,
    lineItemId: string,
    restock: "return" | "cancel",
    requested: number,
    left: number,
  ): RestockExceedsFulfilledError => {
    const maximum = atLeastZeroUnits(left);
    return {
      code: "RESTOCK_EXCEEDS_FULFILLED",
      message:
        restock === "return"
          ? `Only ${maximum} shipped unit(s) of item "${lineItemId}" can be returned to stock, not ${requested}.`
          : `Only ${maximum} unshipped unit(s) of item "${lineItemId}" can be cancelled, not ${requested}.`,
      path,
      lineItemId,
      requested,
      maximum,
    };
  },
} as const;

/**
 * The builders above put their arguments into sentences. A JavaScript caller
 * can hand them values that cannot become text (a Symbol, a Proxy whose
 * traps throw): each builder is therefore total, and such a call returns an
 * `INVALID_INPUT` error naming the builder instead of throwing (issue 12).
 * Done once when the module loads, on this module's own object.
 */
function totalBuilders(builders: Record<string, (...args: never[]) => RefundError>): void {
  const invalidInput = refundErrors.invalidInput;
  for (const name of Object.keys(builders)) {
    const build = builders[name] as (...args: unknown[]) => RefundError;
    builders[name] = (...args: never[]) => {
      try {
        return build(...args);
      } catch {
        return invalidInput(
          "",
          `given to refundErrors.${name} cannot be written into a message (pass strings and numbers)`,
        );
      }
    };
  }
}
totalBuilders(refundErrors as unknown as Record<string, (...args: never[]) => RefundError>);
