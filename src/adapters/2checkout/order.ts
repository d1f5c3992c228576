/**
 * A 2Checkout (Verifone) order as the API's `getOrder` returns it → our
 * {@link Order}.
 *
 * What is read (money in major units, numbers or strings; the currency code
 * may be lower case):
 * - `RefNo` (the order's id), `Currency`, `Status`, and the order's
 *   `GrossDiscountedPrice` as a check of its items;
 * - `Items[]`: `LineItemReference` (else the product `Code`) as the line's
 *   id, `Code` as its sku, `ProductDetails.Name` as its title, `Quantity`
 *   (a number or a numeric string), and from `Price` the line values:
 *   `UnitNetPrice` (the unit price; `UnitNetPrice × Quantity` must be
 *   `NetPrice`), `Discount` (the line's discount, one allocation) and `VAT`
 *   (the line's tax, one tax line); `NetDiscountedPrice = NetPrice −
 *   Discount` and `GrossDiscountedPrice = NetDiscountedPrice + VAT` are
 *   checked when given. Shipping, when 2Checkout bills it, is an item like
 *   any other;
 * - the payment: an order whose `Status` is `COMPLETE` was collected — one
 *   online invoice (id `RefNo`, gateway `2checkout`) of the order's total;
 *   `REFUND` and `REVERSED` were collected and returned whole (one
 *   amount-only memo `"<RefNo>-refunded"` of the total); any other status
 *   (`PENDING`, `AUTHRECEIVED`, …) has collected nothing.
 *
 * `getOrder` does not list partial refunds, so a `COMPLETE` order is read
 * without history.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { Invoice, LineItem, Order } from "../../domain/order.js";
import { type RefundError, refundErrors } from "../../errors.js";
import {
  array,
  type Codec,
  isObject,
  leaf,
  optional,
  runDecoder,
  string,
  struct,
} from "../../json/codec.js";
import { findCurrency } from "../../money/currency.js";
import { single } from "../../money/moneyBag.js";
import { amountOnlyRefund } from "../amountOnlyRefund.js";
import { guarded } from "../guarded.js";
import { minorAt, platformId, platformMoney, type SignedDecimal } from "../platformCodecs.js";
import { type PlatformContext, readPlatformOrder } from "../platformOrder.js";

/** A quantity as 2Checkout writes it: `5` or `"5"`. */
export const twoCheckoutQuantity: Codec<number> = leaf(
  "a whole number such as 1",
  (u): u is number => typeof u === "number",
  (u) => {
    const n = typeof u === "string" && /^\d{1,15}$/.test(u) ? Number(u) : u;
    return typeof n === "number" && Number.isSafeInteger(n) && n >= 0
      ? E.right(n)
      : E.left("must be a whole number such as 1");
  },
  (n) => n,
);

const price = struct("a 2Checkout item price", {
  UnitNetPrice: optional(platformMoney),
  NetPrice: platformMoney,
  Discount: optional(platformMoney),
  VAT: optional(platformMoney),
  NetDiscountedPrice: optional(platformMoney),
  GrossDiscountedPrice: optional(platformMoney),
  Currency: optional(string),
});

const item = struct("a 2Checkout order item", {
  Code: optional(string),
  LineItemReference: optional(string),
  Quantity: twoCheckoutQuantity,
  Price: price,
  ProductDetails: optional(struct("2Checkout product details", { Name: optional(string) })),
});

/** The order object of 2Checkout's `getOrder`, the fields refund-core reads. @category Adapters */
export const twoCheckoutOrderCodec = struct("a 2Checkout order", {
  RefNo: platformId,
  Currency: string,
  Status: optional(string),
  Items: array(item, "a list of items"),
  GrossDiscountedPrice: optional(platformMoney),
});
type TwoCheckoutOrder = typeof twoCheckoutOrderCodec._A;
type Item = TwoCheckoutOrder["Items"][number];

/** The line's id: its `LineItemReference`, else its product code, else its position. */
export function twoCheckoutLineId(it: Item, index: number): string {
  return it.LineItemReference ?? it.Code ?? String(index + 1);
}

function lineOf(ctx: PlatformContext, it: Item, index: number): LineItem {
  const { problems } = ctx;
  const path = `Items[${index}].Price`;
  const minor = (d: SignedDecimal | undefined, field: string) =>
    d === undefined ? undefined : minorAt(d, ctx.presentment, `${path}.${field}`, problems);
  const net = minor(it.Price.NetPrice, "NetPrice") ?? 0n;
  const q = BigInt(it.Quantity);
  const unit = minor(it.Price.UnitNetPrice, "UnitNetPrice") ?? (q > 0n ? net / q : 0n);
  const discount = minor(it.Price.Discount, "Discount") ?? 0n;
  const vat = minor(it.Price.VAT, "VAT") ?? 0n;
  if (it.Quantity < 1) problems.invalid(`Items[${index}].Quantity`, "must be at least 1");
  else if (unit * q !== net)
    problems.inconsistent(
      `${path}.NetPrice`,
      `is not UnitNetPrice × Quantity (${it.Quantity} units)`,
    );
  const netDiscounted = minor(it.Price.NetDiscountedPrice, "NetDiscountedPrice");
  if (netDiscounted !== undefined && netDiscounted !== net - discount)
    problems.inconsistent(`${path}.NetDiscountedPrice`, "is not NetPrice − Discount");
  const grossDiscounted = minor(it.Price.GrossDiscountedPrice, "GrossDiscountedPrice");
  if (grossDiscounted !== undefined && grossDiscounted !== net - discount + vat)
    problems.inconsistent(`${path}.GrossDiscountedPrice`, "is not NetDiscountedPrice + VAT");
  if (it.Price.Currency !== undefined && it.Price.Currency.toUpperCase() !== ctx.presentment?.code)
    problems.inconsistent(`${path}.Currency`, "differs from the order's Currency");
  const name = it.ProductDetails?.Name;
  return {
    id: twoCheckoutLineId(it, index),
    ...(it.Code === undefined || it.Code === "" ? {} : { sku: it.Code }),
    ...(name === undefined ? {} : { title: name }),
    quantity: it.Quantity,
    price: single(unit),
    discountAllocations: discount === 0n ? [] : [{ title: "Discount", amount: single(discount) }],
    taxLines: vat === 0n ? [] : [{ title: "VAT", amount: single(vat) }],
    duties: [],
    fulfilledQuantity: it.Quantity,
  };
}

/** Statuses of an order whose payment was collected. */
const COLLECTED = new Set(["COMPLETE", "REFUND", "REVERSED"]);
/** Statuses of an order whose whole payment went back: refunded, or reversed (a chargeback). */
const RETURNED = new Set(["REFUND", "REVERSED"]);

function toOrder(raw: TwoCheckoutOrder): E.Either<NonEmptyArray<RefundError>, Order> {
  const code = raw.Currency.toUpperCase();
  const currency = { code, path: "Currency" };
  // One currency, checked once (the frame would report it for both sides).
  if (findCurrency(code) === undefined)
    return E.left([refundErrors.invalidInput("Currency", "is not a known ISO 4217 currency code")]);
  return readPlatformOrder(currency, currency, (ctx) => {
    const { problems } = ctx;
    const lineItems = raw.Items.map((it, i) => lineOf(ctx, it, i));
    const seen = new Map<string, number>();
    lineItems.forEach((l, i) => {
      const earlier = seen.get(l.id);
      if (earlier !== undefined)
        problems.invalid(
          `Items[${i}].Code`,
          `repeats the product code of Items[${earlier}]; give each item a LineItemReference`,
        );
      seen.set(l.id, i);
    });
    let total = 0n;
    for (const l of lineItems) {
      total += l.price.presentment * BigInt(l.quantity);
      for (const d of l.discountAllocations) total -= d.amount.presentment;
      for (const t of l.taxLines) total += t.amount.presentment;
    }
    const stated =
      raw.GrossDiscountedPrice === undefined
        ? undefined
        : minorAt(raw.GrossDiscountedPrice, ctx.presentment, "GrossDiscountedPrice", problems);
    if (stated !== undefined && stated !== total)
      problems.inconsistent(
        "GrossDiscountedPrice",
        "is not the sum of the items' GrossDiscountedPrice",
      );
    const collected = raw.Status !== undefined && COLLECTED.has(raw.Status);
    const invoices: Invoice[] = collected
      ? [{ id: raw.RefNo, amount: single(total), gateway: "2checkout", online: true }]
      : [];
    const returned = raw.Status !== undefined && RETURNED.has(raw.Status);
    const order: Order = {
      id: raw.RefNo,
      currency: code,
      presentmentCurrency: code,
      taxesIncluded: false,
      lineItems,
      shippingLines: [],
      invoices,
      refunds: [],
    };
    return {
      order,
      recorded: () =>
        returned && total > 0n
          ? [amountOnlyRefund(`${raw.RefNo}-refunded`, "Status", raw.RefNo, total)]
          : [],
    };
  });
}

/**
 * Reads a 2Checkout order (the object `getOrder` returns, or a JSON-RPC
 * response `{"result": {...}}` holding it) as an {@link Order}.
 *
 * @param json - the parsed JSON.
 * @returns the order, or every problem at its 2Checkout path
 *   (`Items[1].Price.VAT`): `INVALID_INPUT` for what is not 2Checkout's
 *   shape, `INCONSISTENT_ORDER` for prices that contradict each other
 *   (`NetPrice` not `UnitNetPrice × Quantity`). Never throws.
 * @example
 * ```ts
 * import { fromTwoCheckoutOrder, moneyLeft } from "refund-core";
 * const order = fromTwoCheckoutOrder({
 *   RefNo: "1234567", Currency: "brl", Status: "COMPLETE",
 *   Items: [{ Code: "my_subscription_1", Quantity: 1,
 *             Price: { UnitNetPrice: 384.45, NetPrice: 384.45, VAT: 0, Discount: 0,
 *                      GrossDiscountedPrice: 384.45 } }],
 * });
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * moneyLeft(order.right); // => { shop: 38445n, presentment: 38445n }
 * ```
 * @category Adapters
 */
export function fromTwoCheckoutOrder(json: unknown): E.Either<NonEmptyArray<RefundError>, Order> {
  return guarded(() => {
    const unwrapped =
      isObject(json) && Object.hasOwn(json, "result") && !Object.hasOwn(json, "RefNo")
        ? json["result"]
        : json;
    const raw = runDecoder(twoCheckoutOrderCodec, unwrapped);
    return E.isLeft(raw) ? raw : toOrder(raw.right);
  });
}
