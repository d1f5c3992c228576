/**
 * Magento 2 REST `order` JSON → our {@link Order}.
 *
 * Input: the order entity (`GET /V1/orders/{id}`) with its `invoices` and
 * `creditmemos` attached as arrays of the invoice and credit-memo entities
 * (`GET /V1/invoices`, `GET /V1/creditmemos` filtered by `order_id`).
 *
 * - `items[]` → lines: `item_id`, `sku`, `name`, `qty_invoiced` (quantity:
 *   only invoiced units can be refunded; `qty_ordered` when absent; an item
 *   with nothing invoiced is left out), `qty_shipped` (fulfilled;
 *   `qty_ordered` when absent), `price` (unit price excluding tax),
 *   `discount_amount` (one discount allocation), `tax_amount` with
 *   `tax_percent` (one tax line, rate = percent / 100). When fewer units
 *   were invoiced than ordered, `discount_invoiced` and `tax_invoiced` are
 *   the line's amounts (and required).
 * - tax-inclusive prices: an order with a discount tax compensation
 *   (`discount_tax_compensation_amount` on an item, or
 *   `shipping_discount_tax_compensation_amount`) took its discount from
 *   prices including tax. It is read with `taxesIncluded`: unit prices are
 *   `price_incl_tax` (= `price` + tax + compensation per unit), the
 *   shipping price `shipping_incl_tax`, the discounts as recorded and
 *   `tax_amount` as the tax they contain — so a line's subtotal is
 *   `row_total + tax_amount + discount_tax_compensation_amount −
 *   discount_amount`, what Magento charged. Credit memos' shipping is then
 *   read from their `shipping_incl_tax`.
 *   Child items (`parent_item_id`) that carry no money — the simple
 *   product under a configurable one — are left out; their parent is the line.
 * - shipping: one line `"shipping"` from `shipping_amount`,
 *   `shipping_discount_amount` and `shipping_tax_amount`.
 * - money: order-currency fields are presentment money, `base_*` fields shop
 *   money (`base_currency_code`); `base_*` is required when the currencies
 *   differ. Amounts may be numbers or strings.
 * - `invoices[]` → invoices of `grand_total`; without `invoices`, a paid
 *   `payment.amount_paid` becomes one invoice `"<entity_id>-payment"`. An
 *   invoice is offline when `payment.method` is an offline method
 *   (`checkmo`, `banktransfer`, `cashondelivery`, `purchaseorder`, `free`).
 * - `creditmemos[]` → credit memos: items (`order_item_id`, `qty`,
 *   `discount_amount`, `tax_amount`), shipping refunded net of its share of
 *   discount (`shipping_amount` less the memo's `discount_amount` beyond its
 *   items' discounts), `shipping_tax_amount`, `adjustment_positive`,
 *   `adjustment_negative`. A memo with `invoice_id` paid `grand_total` out of
 *   that invoice (online); one without was refunded offline, out of the
 *   invoices in order.
 * - `qty_refunded` must agree with the credit memos (`INCONSISTENT_ORDER`).
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type * as t from "io-ts/lib/index.js";
import type { Invoice, LineItem, Order, ShippingLine } from "../../domain/order.js";
import type { RefundError } from "../../errors.js";
import {
  array,
  integer,
  optional,
  runDecoder,
  string,
  struct,
  withDefault,
} from "../../json/codec.js";
import { formatMinorUnits, parseDecimal } from "../../money/decimal.js";
import {
  isNegativeOnEitherSide,
  isZeroBag,
  type MoneyBag,
  mapBag,
  subtractBags,
  sumBy,
} from "../../money/moneyBag.js";
import type { RecordedRefund } from "../memoBuilder.js";
import {
  platformId,
  platformMoney,
  platformRate,
  type SignedDecimal,
  signedMinor,
} from "../platformCodecs.js";
import { type PlatformContext, readPlatformOrder } from "../platformOrder.js";

const m = optional(platformMoney);

const item = struct("a Magento order item", {
  item_id: platformId,
  parent_item_id: optional(platformId),
  sku: optional(string),
  name: optional(string),
  qty_ordered: integer(1),
  qty_shipped: optional(integer(0)),
  qty_refunded: optional(integer(0)),
  qty_invoiced: optional(integer(0)),
  price: platformMoney,
  base_price: m,
  price_incl_tax: m,
  base_price_incl_tax: m,
  discount_tax_compensation_amount: m,
  base_discount_tax_compensation_amount: m,
  discount_invoiced: m,
  base_discount_invoiced: m,
  tax_invoiced: m,
  base_tax_invoiced: m,
  discount_amount: m,
  base_discount_amount: m,
  tax_amount: m,
  base_tax_amount: m,
  tax_percent: optional(platformRate),
});
const invoice = struct("a Magento invoice", {
  entity_id: platformId,
  grand_total: platformMoney,
  base_grand_total: m,
});
const creditmemoItem = struct("a Magento credit memo item", {
  order_item_id: platformId,
  qty: integer(0),
  discount_amount: m,
  base_discount_amount: m,
  tax_amount: m,
  base_tax_amount: m,
});
const creditmemo = struct("a Magento credit memo", {
  entity_id: platformId,
  invoice_id: optional(platformId),
  items: withDefault(array(creditmemoItem, "a list of credit memo items"), []),
  shipping_amount: m,
  base_shipping_amount: m,
  shipping_incl_tax: m,
  base_shipping_incl_tax: m,
  shipping_tax_amount: m,
  base_shipping_tax_amount: m,
  discount_amount: m,
  base_discount_amount: m,
  adjustment_positive: m,
  base_adjustment_positive: m,
  adjustment_negative: m,
  base_adjustment_negative: m,
  grand_total: m,
  base_grand_total: m,
});

/** The Magento 2 order entity with its invoices and credit memos, the fields refund-core reads. @category Adapters */
export const magentoOrderCodec = struct("a Magento order", {
  entity_id: platformId,
  base_currency_code: string,
  order_currency_code: optional(string),
  items: array(item, "a list of items"),
  shipping_description: optional(string),
  shipping_amount: m,
  base_shipping_amount: m,
  shipping_incl_tax: m,
  base_shipping_incl_tax: m,
  shipping_discount_tax_compensation_amount: m,
  base_shipping_discount_tax_compensation_amount: m,
  shipping_discount_amount: m,
  base_shipping_discount_amount: m,
  shipping_tax_amount: m,
  base_shipping_tax_amount: m,
  payment: optional(
    struct("a Magento payment", { method: string, amount_paid: m, base_amount_paid: m }),
  ),
  invoices: optional(array(invoice, "a list of invoices")),
  creditmemos: withDefault(array(creditmemo, "a list of credit memos"), []),
});
type MagentoOrder = t.TypeOf<typeof magentoOrderCodec>;
/** An object with a money field `F` (presentment) and `base_F` (shop). */
type WithMoney<F extends string> = { readonly [K in F | `base_${F}`]?: SignedDecimal | undefined };

/** Magento's offline payment methods: money refunded by hand. @category Adapters */
export const MAGENTO_OFFLINE_METHODS: readonly string[] = [
  "checkmo",
  "banktransfer",
  "cashondelivery",
  "purchaseorder",
  "free",
];

/**
 * The bag of field `field` of the object at `path`: `field` is presentment
 * money, `base_<field>` shop money. Magento writes discounts negative on
 * orders and memos and positive on items, so the sign is dropped.
 */
function bagOf<F extends string>(
  ctx: PlatformContext,
  obj: WithMoney<F>,
  path: string,
  field: F,
): MoneyBag {
  const p = (name: string) => (path === "" ? name : `${path}.${name}`);
  const plain: SignedDecimal | undefined = obj[field];
  const base: SignedDecimal | undefined = obj[`base_${field}`];
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const presentment =
    plain === undefined ? 0n : abs(signedMinor(plain, ctx.presentment, p(field), ctx.problems));
  if (base === undefined) {
    if (ctx.multi && plain !== undefined && presentment !== 0n)
      ctx.problems.invalid(
        p(`base_${field}`),
        "is required when the order currency differs from the base currency",
      );
    return ctx.multi ? { shop: 0n, presentment } : { shop: presentment, presentment };
  }
  const shop = abs(signedMinor(base, ctx.shop, p(`base_${field}`), ctx.problems));
  if (!ctx.multi && plain !== undefined && shop !== presentment)
    ctx.problems.inconsistent(
      p(`base_${field}`),
      `differs from ${field} on a single-currency order`,
    );
  return { shop, presentment: plain === undefined ? shop : presentment };
}

/** `"8.25"` percent → `"0.0825"`. */
function rateOfPercent(percent: string): string | undefined {
  const d = parseDecimal(percent);
  if (d === undefined) return undefined;
  const text = formatMinorUnits(d.coefficient, { code: "", exponent: d.scale + 2 });
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

const carriesMoney = (bag: MoneyBag) => !isZeroBag(bag);

/**
 * Whether the order's prices are read with their tax included: Magento
 * recorded a discount tax compensation (the discount was taken from prices
 * including tax), so `row_total + tax_amount + discount_tax_compensation_amount`
 * (the price including tax) less `discount_amount` is what was paid.
 */
function taxIncluded(ctx: PlatformContext, raw: MagentoOrder): boolean {
  const compensated = (bag: MoneyBag) => carriesMoney(bag);
  return (
    raw.items.some((it, i) =>
      compensated(bagOf(ctx, it, `items[${i}]`, "discount_tax_compensation_amount")),
    ) || compensated(bagOf(ctx, raw, "", "shipping_discount_tax_compensation_amount"))
  );
}

/** What reading the items gives: the lines, and the items left out (and why). */
interface ReadItems {
  readonly lines: LineItem[];
  /** Money-less children of configurable products: their parent is the line. */
  readonly dropped: Set<string>;
  /** Items of which nothing was invoiced: nothing of them can be refunded. */
  readonly uninvoiced: Set<string>;
}

function linesOf(ctx: PlatformContext, raw: MagentoOrder, included: boolean): ReadItems {
  const dropped = new Set<string>();
  const uninvoiced = new Set<string>();
  const lines: LineItem[] = [];
  raw.items.forEach((it, i) => {
    const path = `items[${i}]`;
    const exclusive = bagOf(ctx, it, path, "price");
    const ordered = {
      discount: bagOf(ctx, it, path, "discount_amount"),
      tax: bagOf(ctx, it, path, "tax_amount"),
    };
    if (
      it.parent_item_id !== undefined &&
      !carriesMoney(exclusive) &&
      !carriesMoney(ordered.discount) &&
      !carriesMoney(ordered.tax)
    ) {
      dropped.add(it.item_id);
      return;
    }
    if (included && it.price_incl_tax === undefined)
      ctx.problems.invalid(
        `${path}.price_incl_tax`,
        "is required: the order has a discount tax compensation, so its prices are read with their tax",
      );
    const price = included ? bagOf(ctx, it, path, "price_incl_tax") : exclusive;
    // Only what was invoiced can be refunded (qty_invoiced, discount_invoiced, tax_invoiced).
    const invoiced = it.qty_invoiced ?? it.qty_ordered;
    if (invoiced > it.qty_ordered)
      ctx.problems.inconsistent(`${path}.qty_invoiced`, "is more than qty_ordered");
    if (invoiced === 0) {
      uninvoiced.add(it.item_id);
      return;
    }
    const partly = invoiced < it.qty_ordered;
    for (const field of ["discount_invoiced", "tax_invoiced"] as const)
      if (partly && it[field] === undefined)
        ctx.problems.invalid(
          `${path}.${field}`,
          `is required when qty_invoiced (${invoiced}) is less than qty_ordered (${it.qty_ordered})`,
        );
    const discount = partly ? bagOf(ctx, it, path, "discount_invoiced") : ordered.discount;
    const tax = partly ? bagOf(ctx, it, path, "tax_invoiced") : ordered.tax;
    const rate = it.tax_percent === undefined ? undefined : rateOfPercent(it.tax_percent);
    const shipped = it.qty_shipped ?? it.qty_ordered;
    if (shipped > it.qty_ordered)
      ctx.problems.inconsistent(`${path}.qty_shipped`, "is more than qty_ordered");
    lines.push({
      id: it.item_id,
      ...(it.sku === undefined ? {} : { sku: it.sku }),
      ...(it.name === undefined ? {} : { title: it.name }),
      quantity: invoiced,
      price,
      discountAllocations: carriesMoney(discount) ? [{ title: "Discount", amount: discount }] : [],
      taxLines:
        carriesMoney(tax) || (rate !== undefined && rate !== "0")
          ? [
              rate === undefined
                ? { title: "Tax", amount: tax }
                : { title: "Tax", rate, amount: tax },
            ]
          : [],
      duties: [],
      fulfilledQuantity: Math.min(shipped, invoiced),
    });
  });
  return { lines, dropped, uninvoiced };
}

function shippingOf(ctx: PlatformContext, raw: MagentoOrder, included: boolean): ShippingLine[] {
  const exclusive = bagOf(ctx, raw, "", "shipping_amount");
  if (included && carriesMoney(exclusive) && raw.shipping_incl_tax === undefined)
    ctx.problems.invalid(
      "shipping_incl_tax",
      "is required: the order has a discount tax compensation, so its shipping is read with its tax",
    );
  const price = included ? bagOf(ctx, raw, "", "shipping_incl_tax") : exclusive;
  const discount = bagOf(ctx, raw, "", "shipping_discount_amount");
  const tax = bagOf(ctx, raw, "", "shipping_tax_amount");
  if (!carriesMoney(price) && !carriesMoney(tax)) return [];
  return [
    {
      id: "shipping",
      ...(raw.shipping_description === undefined ? {} : { title: raw.shipping_description }),
      price,
      discountAllocations: carriesMoney(discount)
        ? [{ title: "Shipping discount", amount: discount }]
        : [],
      taxLines: carriesMoney(tax) ? [{ title: "Shipping tax", amount: tax }] : [],
    },
  ];
}

function invoicesOf(ctx: PlatformContext, raw: MagentoOrder): Invoice[] {
  const method = raw.payment?.method;
  const online = method === undefined || !MAGENTO_OFFLINE_METHODS.includes(method);
  const gateway = method === undefined ? {} : { gateway: method };
  if (raw.invoices !== undefined)
    return raw.invoices.map((inv, i) => ({
      id: inv.entity_id,
      amount: bagOf(ctx, inv, `invoices[${i}]`, "grand_total"),
      ...gateway,
      online,
    }));
  if (raw.payment === undefined) return [];
  const paid = bagOf(ctx, raw.payment, "payment", "amount_paid");
  return carriesMoney(paid)
    ? [{ id: `${raw.entity_id}-payment`, amount: paid, ...gateway, online }]
    : [];
}

function recordedOf(
  ctx: PlatformContext,
  raw: MagentoOrder,
  dropped: ReadonlySet<string>,
  included: boolean,
): RecordedRefund[] {
  return raw.creditmemos.map((memo, i) => {
    const path = `creditmemos[${i}]`;
    const lines = memo.items.flatMap((it, j) => {
      if (dropped.has(it.order_item_id) || it.qty === 0) return [];
      const itPath = `${path}.items[${j}]`;
      return [
        {
          lineItemId: it.order_item_id,
          quantity: it.qty,
          restock: "no_restock" as const,
          locationId: null,
          discount: bagOf(ctx, it, itPath, "discount_amount"),
          tax: bagOf(ctx, it, itPath, "tax_amount"),
          duties: new Map(),
          path: `${itPath}.order_item_id`,
        },
      ];
    });
    const itemsDiscount = sumBy(lines, (l) => l.discount);
    const memoDiscount =
      memo.discount_amount === undefined
        ? itemsDiscount
        : bagOf(ctx, memo, path, "discount_amount");
    const shippingDiscount = subtractBags(memoDiscount, itemsDiscount);
    if (isNegativeOnEitherSide(shippingDiscount))
      ctx.problems.inconsistent(
        `${path}.discount_amount`,
        "is less than the discounts of its items",
      );
    const shippingGross =
      included && memo.shipping_incl_tax !== undefined
        ? bagOf(ctx, memo, path, "shipping_incl_tax")
        : bagOf(ctx, memo, path, "shipping_amount");
    const up = (x: bigint) => (x > 0n ? x : 0n);
    // Net shipping: the gross less the discount beyond the items' (each at least zero).
    return {
      id: memo.entity_id,
      path,
      lines,
      shippingAmount: mapBag(subtractBags(shippingGross, mapBag(shippingDiscount, up)), up),
      shippingTax: bagOf(ctx, memo, path, "shipping_tax_amount"),
      adjustmentPositive: bagOf(ctx, memo, path, "adjustment_positive"),
      adjustmentNegative: bagOf(ctx, memo, path, "adjustment_negative"),
      payout:
        memo.invoice_id === undefined
          ? { kind: "inOrder" as const }
          : {
              kind: "explicit" as const,
              transactions: [
                {
                  invoiceId: memo.invoice_id,
                  amount: bagOf(ctx, memo, path, "grand_total"),
                  path: `${path}.invoice_id`,
                },
              ],
            },
      note: null,
    };
  });
}

function checkRefundedQuantities(ctx: PlatformContext, raw: MagentoOrder): void {
  const refunded = new Map<string, number>();
  for (const memo of raw.creditmemos)
    for (const it of memo.items)
      refunded.set(it.order_item_id, (refunded.get(it.order_item_id) ?? 0) + it.qty);
  raw.items.forEach((it, i) => {
    if (it.qty_refunded !== undefined && it.qty_refunded !== (refunded.get(it.item_id) ?? 0))
      ctx.problems.inconsistent(
        `items[${i}].qty_refunded`,
        `is ${it.qty_refunded}, but the credit memos refund ${refunded.get(it.item_id) ?? 0}`,
      );
  });
}

function toOrder(raw: MagentoOrder): E.Either<NonEmptyArray<RefundError>, Order> {
  const presentmentCode = raw.order_currency_code ?? raw.base_currency_code;
  return readPlatformOrder(
    { code: raw.base_currency_code, path: "base_currency_code" },
    { code: presentmentCode, path: "order_currency_code" },
    (ctx) => {
      const included = taxIncluded(ctx, raw);
      const { lines, dropped } = linesOf(ctx, raw, included);
      const order: Order = {
        id: raw.entity_id,
        currency: raw.base_currency_code,
        presentmentCurrency: presentmentCode,
        taxesIncluded: included,
        lineItems: lines,
        shippingLines: shippingOf(ctx, raw, included),
        invoices: invoicesOf(ctx, raw),
        refunds: [],
      };
      checkRefundedQuantities(ctx, raw);
      return { order, recorded: () => recordedOf(ctx, raw, dropped, included) };
    },
  );
}

/**
 * Reads a Magento 2 order entity, with its `invoices` and `creditmemos`
 * attached, as an {@link Order} (see the module notes for every field).
 *
 * @param json - the parsed JSON.
 * @returns the order, or every problem: `INVALID_INPUT` with paths such as
 *   `items[0].price`, `INCONSISTENT_ORDER` for contradictions
 *   (`qty_refunded` against the credit memos, a memo naming an unknown item
 *   or invoice, more tax refunded than charged). Never throws.
 * @example
 * ```ts
 * import { fromMagentoOrder, moneyLeft } from "refund-core";
 * // Magento's DiscountTest order: 2 × 100 with a 40 % discount, shipping 100 less 40, 10 % tax.
 * const magentoOrder = {
 *   entity_id: 100, base_currency_code: "USD", order_currency_code: "USD",
 *   items: [{ item_id: 1, sku: "simple", qty_ordered: 2, qty_invoiced: 2, qty_refunded: 0,
 *             price: 100, base_price: 100, discount_amount: 80, base_discount_amount: 80,
 *             tax_amount: 12, base_tax_amount: 12, tax_percent: 10 }],
 *   shipping_amount: 100, base_shipping_amount: 100,
 *   shipping_discount_amount: 40, base_shipping_discount_amount: 40,
 *   shipping_tax_amount: 6, base_shipping_tax_amount: 6,
 *   grand_total: 198, base_grand_total: 198,
 *   payment: { method: "checkmo", amount_paid: 198, base_amount_paid: 198 },
 *   invoices: [{ entity_id: 10, grand_total: 198, base_grand_total: 198 }],
 *   creditmemos: [],
 * };
 * const order = fromMagentoOrder(magentoOrder);
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * moneyLeft(order.right); // => { shop: 19800n, presentment: 19800n }
 * ```
 * @category Adapters
 */
export function fromMagentoOrder(json: unknown): E.Either<NonEmptyArray<RefundError>, Order> {
  return pipe(runDecoder(magentoOrderCodec, json), E.chain(toOrder));
}

/** Shipping net of discount over shipping price, for converting Magento's shipping amounts (gross). */
export function shippingNetAndPrice(order: Order): {
  readonly net: MoneyBag;
  readonly price: MoneyBag;
} {
  const price = sumBy(order.shippingLines, (l) => l.price);
  const discount = sumBy(order.shippingLines, (l) => sumBy(l.discountAllocations, (d) => d.amount));
  return { net: subtractBags(price, discount), price };
}
