/**
 * Shopify REST Admin `Order` JSON → our {@link Order}.
 *
 * What is read:
 * - `line_items[]`: `id`, `sku`, `title`, `quantity`, `price`,
 *   `discount_allocations[].amount`, `tax_lines[]` (`price` is the tax
 *   amount, `rate`, `title`), `duties[]` (`shop_money`/`presentment_money`
 *   or `price_set`, with `tax_lines`), `fulfillment_status` and
 *   `fulfillable_quantity` (see {@link fulfilledQuantityOf});
 * - `shipping_lines[]`: `id`, `title`, `price`, `discount_allocations`, `tax_lines`;
 * - `transactions[]`: successful (`status` "success" or absent) `capture` and
 *   `sale` transactions become invoices; authorizations, voids and failures
 *   are not money collected. An invoice is offline when its gateway is a
 *   manual payment method (see {@link isOfflineGateway});
 * - `refunds[]` → credit memos: `refund_line_items` (`quantity`,
 *   `restock_type`, `location_id`, `subtotal` — after discounts — and
 *   `total_tax`), `order_adjustments` (`shipping_refund`: shipping refunded,
 *   written negative; any other kind: a refund discrepancy, negative when
 *   more was refunded than calculated → `adjustmentPositive`, positive →
 *   `adjustmentNegative`), `duties[]` (`duty_id`, `amount_set`) and the
 *   successful `refund` transactions, linked to invoices by `parent_id`.
 *
 * Money: every amount may be a decimal string or a JSON number. On a
 * multi-currency order (`presentment_currency` ≠ `currency`) the `*_set`
 * field (`{shop_money, presentment_money}`) is required; the plain field is
 * shop money and must agree with it. Numeric ids become strings.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import * as NEA from "fp-ts/lib/NonEmptyArray.js";
import type * as t from "io-ts/lib/index.js";
import type { Duty, Invoice, LineItem, Order, ShippingLine, TaxLine } from "../../domain/order.js";
import { type RefundError, refundErrors } from "../../errors.js";
import {
  array,
  boolean,
  integer,
  optional,
  runDecoder,
  string,
  struct,
  withDefault,
} from "../../json/codec.js";
import type { Currency } from "../../money/currency.js";
import {
  addBags,
  isNegativeOnEitherSide,
  type MoneyBag,
  mapBag,
  scaleBag,
  subtractBags,
  ZERO,
} from "../../money/moneyBag.js";
import type { RecordedLine, RecordedRefund } from "../memoBuilder.js";
import {
  negated,
  platformId,
  platformMoney,
  platformRate,
  type SignedDecimal,
  signedMinor,
} from "../platformCodecs.js";
import { type PlatformContext, readPlatformOrder } from "../platformOrder.js";
import { graphqlOrderOf, restOrderOfGraphql } from "./graphqlOrder.js";
import { refundLineItemFields, restockOf } from "./refundLineItem.js";

const money = struct("an amount with its currency", {
  amount: platformMoney,
  currency_code: optional(string),
});
/** Shopify's `*_set`: one amount in shop and presentment money. */
export const shopifyMoneySet = struct('a money set {"shop_money", "presentment_money"}', {
  shop_money: money,
  presentment_money: money,
});
type MoneySet = t.TypeOf<typeof shopifyMoneySet>;

const taxLine = struct("a Shopify tax line", {
  title: withDefault(string, "Tax"),
  price: optional(platformMoney),
  price_set: optional(shopifyMoneySet),
  rate: optional(platformRate),
});
const discountAllocation = struct("a Shopify discount allocation", {
  amount: optional(platformMoney),
  amount_set: optional(shopifyMoneySet),
});
const duty = struct("a Shopify duty", {
  id: platformId,
  shop_money: optional(money),
  presentment_money: optional(money),
  price_set: optional(shopifyMoneySet),
  tax_lines: withDefault(array(taxLine, "a list of tax lines"), []),
});
const lineItem = struct("a Shopify line item", {
  id: platformId,
  sku: optional(string),
  title: optional(string),
  quantity: integer(1),
  price: optional(platformMoney),
  price_set: optional(shopifyMoneySet),
  discount_allocations: withDefault(
    array(discountAllocation, "a list of discount allocations"),
    [],
  ),
  tax_lines: withDefault(array(taxLine, "a list of tax lines"), []),
  duties: withDefault(array(duty, "a list of duties"), []),
  fulfillment_status: optional(string),
  fulfillable_quantity: optional(integer(0)),
});
const shippingLine = struct("a Shopify shipping line", {
  id: platformId,
  title: optional(string),
  price: optional(platformMoney),
  price_set: optional(shopifyMoneySet),
  discount_allocations: withDefault(
    array(discountAllocation, "a list of discount allocations"),
    [],
  ),
  tax_lines: withDefault(array(taxLine, "a list of tax lines"), []),
});
const transaction = struct("a Shopify transaction", {
  id: platformId,
  kind: string,
  status: optional(string),
  amount: optional(platformMoney),
  amount_set: optional(shopifyMoneySet),
  gateway: optional(string),
  parent_id: optional(platformId),
});
const refundLineItem = struct("a Shopify refund line item", {
  ...refundLineItemFields,
  subtotal: optional(platformMoney),
  subtotal_set: optional(shopifyMoneySet),
  total_tax: optional(platformMoney),
  total_tax_set: optional(shopifyMoneySet),
});
const orderAdjustment = struct("a Shopify order adjustment", {
  kind: string,
  amount: optional(platformMoney),
  amount_set: optional(shopifyMoneySet),
  tax_amount: optional(platformMoney),
  tax_amount_set: optional(shopifyMoneySet),
});
const refundDuty = struct("a refunded duty", {
  duty_id: platformId,
  amount_set: shopifyMoneySet,
});
const refund = struct("a Shopify refund", {
  id: platformId,
  note: optional(string),
  refund_line_items: withDefault(array(refundLineItem, "a list of refund line items"), []),
  order_adjustments: withDefault(array(orderAdjustment, "a list of order adjustments"), []),
  transactions: withDefault(array(transaction, "a list of transactions"), []),
  duties: withDefault(array(refundDuty, "a list of refunded duties"), []),
});

/** The Shopify REST Admin `Order` resource, the fields refund-core reads. @category Adapters */
export const shopifyOrderCodec = struct("a Shopify order", {
  id: platformId,
  currency: string,
  presentment_currency: optional(string),
  taxes_included: withDefault(boolean, false),
  line_items: array(lineItem, "a list of line items"),
  shipping_lines: withDefault(array(shippingLine, "a list of shipping lines"), []),
  transactions: withDefault(array(transaction, "a list of transactions"), []),
  refunds: withDefault(array(refund, "a list of refunds"), []),
});
type ShopifyOrder = t.TypeOf<typeof shopifyOrderCodec>;

/**
 * Whether a gateway name is a manual payment method whose money is returned
 * by hand: `manual`, cash (`cash`, "Cash on Delivery (COD)"), bank deposits
 * and transfers, money orders and cheques. Every other gateway refunds
 * online.
 *
 * @example
 * ```ts
 * import { isOfflineGateway } from "refund-core";
 * isOfflineGateway("Bank Deposit"); // => true
 * isOfflineGateway("shopify_payments"); // => false
 * ```
 * @category Adapters
 */
export function isOfflineGateway(gateway: string | undefined): boolean {
  if (typeof gateway !== "string") return false;
  const g = gateway.toLowerCase();
  return (
    /\b(manual|cash|cod|bank|money[ _]order|cheque|check)\b/.test(g) ||
    g.includes("bank_") ||
    g.includes("cash_")
  );
}

/**
 * Units shipped of a Shopify line: all of them when `fulfillment_status` is
 * `"fulfilled"` or not stated, `quantity − fulfillable_quantity` when
 * `"partial"`. (Shopify's `null` status means "not fulfilled", but REST
 * payloads often omit it, so an unknown status does not block restocking.)
 */
export function fulfilledQuantityOf(line: {
  readonly quantity: number;
  readonly fulfillment_status?: string;
  readonly fulfillable_quantity?: number;
}): number {
  if (line.fulfillment_status === "partial" && line.fulfillable_quantity !== undefined)
    return Math.max(0, line.quantity - line.fulfillable_quantity);
  return line.quantity;
}

/**
 * The bag of a Shopify amount `field` of the object at `path`: from its
 * `*_set` when present (checked against the plain field and the order's
 * currencies), else from the plain field on a single-currency order.
 * Signed: callers decide whether a negative amount is allowed.
 */
function bagOf(
  ctx: PlatformContext,
  path: string,
  field: string,
  plain: SignedDecimal | undefined,
  set: MoneySet | undefined,
  required = true,
): MoneyBag {
  const { problems } = ctx;
  if (set !== undefined) {
    const setPath = `${path}.${field}_set`;
    const check = (side: "shop_money" | "presentment_money", currency: Currency | undefined) => {
      const code = set[side].currency_code;
      if (code !== undefined && currency !== undefined && code !== currency.code)
        problems.inconsistent(
          `${setPath}.${side}.currency_code`,
          `is ${code}, but the order's ${side === "shop_money" ? "shop" : "presentment"} currency is ${currency.code}`,
        );
      return signedMinor(set[side].amount, currency, `${setPath}.${side}.amount`, problems);
    };
    const bag = {
      shop: check("shop_money", ctx.shop),
      presentment: check("presentment_money", ctx.presentment),
    };
    if (plain !== undefined) {
      const shop = signedMinor(plain, ctx.shop, `${path}.${field}`, problems);
      if (shop !== bag.shop)
        problems.inconsistent(`${path}.${field}`, `differs from ${field}_set.shop_money.amount`);
    }
    return bag;
  }
  if (plain === undefined) {
    if (required) problems.invalid(`${path}.${field}`, "is required but missing");
    return ZERO;
  }
  if (ctx.multi) {
    problems.invalid(
      `${path}.${field}_set`,
      "is required on a multi-currency order (shop and presentment money)",
    );
    return ZERO;
  }
  const minor = signedMinor(plain, ctx.shop, `${path}.${field}`, problems);
  return { shop: minor, presentment: minor };
}

/** A bag that must not be negative. */
function amountOf(
  ctx: PlatformContext,
  path: string,
  field: string,
  plain: SignedDecimal | undefined,
  set: MoneySet | undefined,
  required = true,
): MoneyBag {
  const bag = bagOf(ctx, path, field, plain, set, required);
  if (isNegativeOnEitherSide(bag)) {
    ctx.problems.invalid(`${path}.${field}`, "must not be negative");
    return ZERO;
  }
  return bag;
}

type RawTaxLine = t.TypeOf<typeof taxLine>;
const taxLinesOf = (ctx: PlatformContext, path: string, lines: readonly RawTaxLine[]): TaxLine[] =>
  lines.map((t, i) => {
    const amount = amountOf(ctx, `${path}.tax_lines[${i}]`, "price", t.price, t.price_set);
    return t.rate === undefined
      ? { title: t.title, amount }
      : { title: t.title, rate: t.rate, amount };
  });

type RawDiscount = t.TypeOf<typeof discountAllocation>;
const discountsOf = (ctx: PlatformContext, path: string, lines: readonly RawDiscount[]) =>
  lines.map((d, i) => ({
    amount: amountOf(ctx, `${path}.discount_allocations[${i}]`, "amount", d.amount, d.amount_set),
  }));

function dutyOf(ctx: PlatformContext, path: string, d: t.TypeOf<typeof duty>): Duty {
  const set =
    d.price_set ??
    (d.shop_money !== undefined && d.presentment_money !== undefined
      ? { shop_money: d.shop_money, presentment_money: d.presentment_money }
      : undefined);
  const plain = set === undefined ? (d.shop_money ?? d.presentment_money)?.amount : undefined;
  return {
    id: d.id,
    amount: amountOf(ctx, path, set === d.price_set ? "price" : "shop_money", plain, set),
    taxLines: taxLinesOf(ctx, path, d.tax_lines),
  };
}

function lineItemOf(ctx: PlatformContext, line: t.TypeOf<typeof lineItem>, i: number): LineItem {
  const path = `line_items[${i}]`;
  return {
    id: line.id,
    ...(line.sku === undefined || line.sku === "" ? {} : { sku: line.sku }),
    ...(line.title === undefined ? {} : { title: line.title }),
    quantity: line.quantity,
    price: amountOf(ctx, path, "price", line.price, line.price_set),
    discountAllocations: discountsOf(ctx, path, line.discount_allocations),
    taxLines: taxLinesOf(ctx, path, line.tax_lines),
    duties: line.duties.map((d, j) => dutyOf(ctx, `${path}.duties[${j}]`, d)),
    fulfilledQuantity: fulfilledQuantityOf(line),
  };
}

function shippingLineOf(
  ctx: PlatformContext,
  line: t.TypeOf<typeof shippingLine>,
  i: number,
): ShippingLine {
  const path = `shipping_lines[${i}]`;
  return {
    id: line.id,
    ...(line.title === undefined ? {} : { title: line.title }),
    price: amountOf(ctx, path, "price", line.price, line.price_set),
    discountAllocations: discountsOf(ctx, path, line.discount_allocations),
    taxLines: taxLinesOf(ctx, path, line.tax_lines),
  };
}

const succeeded = (t: { readonly status?: string }) =>
  t.status === undefined || t.status === "success";

function invoicesOf(ctx: PlatformContext, transactions: ShopifyOrder["transactions"]): Invoice[] {
  return transactions.flatMap((t, i) =>
    (t.kind === "capture" || t.kind === "sale") && succeeded(t)
      ? [
          {
            id: t.id,
            amount: amountOf(ctx, `transactions[${i}]`, "amount", t.amount, t.amount_set),
            ...(t.gateway === undefined ? {} : { gateway: t.gateway }),
            online: !isOfflineGateway(t.gateway),
          },
        ]
      : [],
  );
}

function recordedRefundOf(
  ctx: PlatformContext,
  order: Order,
  r: t.TypeOf<typeof refund>,
  i: number,
): RecordedRefund {
  const path = `refunds[${i}]`;
  const dutyOwner = new Map(
    order.lineItems.flatMap((l) => l.duties.map((d) => [d.id, l.id] as const)),
  );
  const refundedDuties = new Map<string, Map<string, MoneyBag>>();
  r.duties.forEach((d, j) => {
    const owner = dutyOwner.get(d.duty_id);
    const dutyPath = `${path}.duties[${j}]`;
    if (owner === undefined) {
      ctx.problems.inconsistent(
        `${dutyPath}.duty_id`,
        `names duty "${d.duty_id}", which is not on the order`,
      );
      return;
    }
    if (!r.refund_line_items.some((l) => l.line_item_id === owner))
      ctx.problems.inconsistent(dutyPath, "refunds a duty of a line the refund does not include");
    const perLine = refundedDuties.get(owner) ?? new Map<string, MoneyBag>();
    perLine.set(d.duty_id, amountOf(ctx, dutyPath, "amount", undefined, d.amount_set));
    refundedDuties.set(owner, perLine);
  });
  const lines: RecordedLine[] = r.refund_line_items.map((l, j) => {
    const linePath = `${path}.refund_line_items[${j}]`;
    const orderLine = order.lineItems.find((x) => x.id === l.line_item_id);
    const subtotal = amountOf(ctx, linePath, "subtotal", l.subtotal, l.subtotal_set);
    const gross =
      orderLine === undefined ? subtotal : scaleBag(orderLine.price, BigInt(l.quantity));
    const discount = subtractBags(gross, subtotal);
    if (isNegativeOnEitherSide(discount))
      ctx.problems.inconsistent(
        `${linePath}.subtotal`,
        "is more than the line's price times the quantity refunded",
      );
    return {
      lineItemId: l.line_item_id,
      quantity: l.quantity,
      restock: restockOf(l.restock_type),
      locationId: l.location_id ?? null,
      discount,
      tax: amountOf(ctx, linePath, "total_tax", l.total_tax, l.total_tax_set, false),
      duties: refundedDuties.get(l.line_item_id) ?? new Map(),
      path: `${linePath}.line_item_id`,
    };
  });
  let shippingAmount = ZERO;
  let shippingTax = ZERO;
  let discrepancy = ZERO;
  r.order_adjustments.forEach((a, j) => {
    const adjPath = `${path}.order_adjustments[${j}]`;
    const amount = bagOf(ctx, adjPath, "amount", a.amount, a.amount_set);
    const tax = bagOf(ctx, adjPath, "tax_amount", a.tax_amount, a.tax_amount_set, false);
    if (a.kind === "shipping_refund") {
      shippingAmount = addBags(shippingAmount, negated(amount));
      shippingTax = addBags(shippingTax, negated(tax));
    } else discrepancy = addBags(discrepancy, addBags(amount, tax));
  });
  if (isNegativeOnEitherSide(shippingAmount))
    ctx.problems.inconsistent(`${path}.order_adjustments`, "the shipping refunded is negative");
  const up = (x: bigint) => (x > 0n ? x : 0n);
  const refunds = r.transactions.flatMap((t, j) => {
    if (t.kind !== "refund" || !succeeded(t)) return [];
    const tPath = `${path}.transactions[${j}]`;
    if (t.parent_id === undefined) {
      ctx.problems.invalid(
        `${tPath}.parent_id`,
        "is required: a refund names the capture or sale it returns money from",
      );
      return [];
    }
    return [
      {
        invoiceId: t.parent_id,
        amount: amountOf(ctx, tPath, "amount", t.amount, t.amount_set),
        path: `${tPath}.parent_id`,
      },
    ];
  });
  return {
    id: r.id,
    path,
    lines,
    shippingAmount,
    shippingTax,
    adjustmentPositive: mapBag(discrepancy, (x) => up(-x)),
    adjustmentNegative: mapBag(discrepancy, up),
    payout: { kind: "explicit", shopRecorded: true, transactions: refunds },
    note: r.note ?? null,
  };
}

function toOrder(raw: ShopifyOrder): E.Either<NonEmptyArray<RefundError>, Order> {
  const presentmentCode = raw.presentment_currency ?? raw.currency;
  return readPlatformOrder(
    { code: raw.currency, path: "currency" },
    { code: presentmentCode, path: "presentment_currency" },
    (ctx) => {
      const order: Order = {
        id: raw.id,
        currency: raw.currency,
        presentmentCurrency: presentmentCode,
        taxesIncluded: raw.taxes_included,
        lineItems: raw.line_items.map((l, i) => lineItemOf(ctx, l, i)),
        shippingLines: raw.shipping_lines.map((l, i) => shippingLineOf(ctx, l, i)),
        invoices: invoicesOf(ctx, raw.transactions),
        refunds: [],
      };
      return {
        order,
        recorded: () => raw.refunds.map((r, i) => recordedRefundOf(ctx, order, r, i)),
      };
    },
  );
}

/** An error whose path (and message) is moved from the REST document to where it came from. */
function movedTo(pathOf: (path: string) => string) {
  return (e: RefundError): RefundError => {
    if (!("path" in e) || typeof e.path !== "string") return e;
    const path = pathOf(e.path);
    return path === e.path
      ? e
      : {
          ...e,
          path,
          message: e.message.replace(
            e.path === "" ? "The input" : e.path,
            path === "" ? "The input" : path,
          ),
        };
  };
}

/**
 * Whether a JSON document is a Shopify GraphQL Admin `Order` (`{data:
 * {order}}`, `{order}` or the object itself, with `currencyCode` or a
 * `gid://shopify/Order/…` id).
 * @category Adapters
 */
export function looksLikeShopifyOrder(json: unknown): boolean {
  try {
    return graphqlOrderOf(json) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Reads a Shopify order as an {@link Order} with its refunds as credit
 * memos: the REST Admin order (the `order` object of
 * `GET /admin/api/…/orders/{id}.json`, or the whole response
 * `{"order": {...}}`), or the GraphQL Admin `Order` (`{"data": {"order":
 * {...}}}`, `{"order": {...}}` or the object; connections as `edges[].node`
 * or `nodes`, money as `*Set` bags, ids as `gid://shopify/…`): its
 * `currencyCode`, `presentmentCurrencyCode`, `taxesIncluded`, `lineItems`
 * (`originalUnitPriceSet`, `discountAllocations[].allocatedAmountSet`,
 * `taxLines[].priceSet`, `duties[].price`, `unfulfilledQuantity`),
 * `shippingLines` (`originalPriceSet`), `transactions` (`kind`, `status`,
 * `amountSet`, `gateway`, `parentTransaction.id`) and `refunds`
 * (`refundLineItems` with `lineItem.id`, `restockType`, `location.id`,
 * `subtotalSet`, `totalTaxSet`; `transactions`; `duties` with
 * `originalDuty.id`; `refundShippingLines` with `subtotalAmountSet` and
 * `taxAmountSet`; `orderAdjustments` with `reason` and `amountSet`, signed
 * as in REST). Ids are read without their `gid://shopify/<type>/` prefix,
 * so REST and GraphQL documents of one order give the same order.
 *
 * @param json - the parsed JSON.
 * @returns the order, or every problem: `INVALID_INPUT` for data that does
 *   not have Shopify's shape (paths such as `line_items[2].price`, or
 *   `lineItems.edges[2].node.originalUnitPriceSet` in a GraphQL document —
 *   paths are relative to the order object),
 *   `INCONSISTENT_ORDER` for contradictions (a `price` differing from its
 *   `price_set`, a refund naming an unknown line or capture, a refund
 *   returning more tax than a line has). Never throws.
 * @example
 * ```ts
 * import { fromShopifyOrder, moneyLeft } from "refund-core";
 * const shopifyOrder = {
 *   id: 450789469, currency: "USD", taxes_included: false,
 *   line_items: [{ id: 518995019, sku: "IPOD2008RED", quantity: 1, price: "199.00",
 *                  discount_allocations: [{ amount: "3.33" }],
 *                  tax_lines: [{ title: "State Tax", rate: 0.06, price: "3.98" }] }],
 *   shipping_lines: [{ id: 369256396, title: "Free Shipping", price: "5.00", tax_lines: [] }],
 *   transactions: [{ id: 801038806, kind: "capture", status: "success", amount: "250.94", gateway: "bogus" }],
 *   refunds: [],
 * };
 * const order = fromShopifyOrder(shopifyOrder);
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * order.right.lineItems[0]?.id; // => "518995019"
 * moneyLeft(order.right); // => { shop: 25094n, presentment: 25094n }
 * const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" }, presentmentMoney: { amount, currencyCode: "USD" } });
 * const graphql = fromShopifyOrder({ data: { order: {
 *   id: "gid://shopify/Order/450789469", currencyCode: "USD", presentmentCurrencyCode: "USD",
 *   lineItems: { edges: [{ node: { id: "gid://shopify/LineItem/518995019", quantity: 1,
 *     originalUnitPriceSet: usd("199.00"), taxLines: [{ title: "State Tax", rate: 0.06, priceSet: usd("3.98") }] } }] },
 *   transactions: [{ id: "gid://shopify/OrderTransaction/801038806", kind: "CAPTURE", status: "SUCCESS",
 *     amountSet: usd("202.98"), gateway: "bogus" }],
 * } } });
 * graphql._tag === "Right" && moneyLeft(graphql.right); // => { shop: 20298n, presentment: 20298n }
 * ```
 * @category Adapters
 */
export function fromShopifyOrder(json: unknown): E.Either<NonEmptyArray<RefundError>, Order> {
  try {
    const graphql = graphqlOrderOf(json);
    if (graphql !== undefined) {
      const { rest, pathOf } = restOrderOfGraphql(graphql);
      return pipe(
        runDecoder(shopifyOrderCodec, rest),
        E.chain(toOrder),
        E.mapLeft((errors) => NEA.map(movedTo(pathOf))(errors)),
      );
    }
    const unwrapped =
      typeof json === "object" &&
      json !== null &&
      !Array.isArray(json) &&
      Object.hasOwn(json, "order") &&
      !Object.hasOwn(json, "id")
        ? (json as { order: unknown }).order
        : json;
    return pipe(runDecoder(shopifyOrderCodec, unwrapped), E.chain(toOrder));
  } catch {
    return E.left([refundErrors.invalidInput("", "could not be read")]);
  }
}
