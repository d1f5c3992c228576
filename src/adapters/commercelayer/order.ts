/**
 * A Commerce Layer order — the JSON:API document of
 * `GET /api/orders/{id}?include=line_items,captures,refunds` — → our
 * {@link Order}.
 *
 * What is read (every amount from the integer `*_cents` fields only; the
 * `*_float` and `formatted_*` twins are ignored):
 * - `data.attributes`: `currency_code`, `tax_included`, and
 *   `total_amount_with_taxes_cents` as a check of the lines;
 * - `included` line items by `item_type`: `skus` and `bundles` (and positive
 *   `gift_cards`, `payment_methods` and `adjustments`: a gift card bought, a
 *   payment method's fee, a surcharge) become line items — `unit_amount_cents`
 *   × `quantity` = `total_amount_cents`, `tax_amount_cents` their one tax
 *   line, and their discounts read from `discount_breakdown` (one allocation
 *   per discounting line, `cents` written negative); `shipments` become
 *   shipping lines likewise; a line with a negative amount (a gift card
 *   redeemed, a promotion, a negative adjustment) is the source of those
 *   discounts and must be spread over the other lines' `discount_breakdown`
 *   exactly — it is then not counted again;
 * - `included` captures that `succeeded` become online invoices;
 *   `refund_balance_cents` tells what is left of each, and `included`
 *   refunds (`reference_capture`) the refunds already made, as amount-only
 *   credit memos (Commerce Layer records no line breakdown). A capture whose
 *   balance is below its amount with no refund included gets one memo for the
 *   difference, `"<capture id>-refunded"`.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type {
  DiscountAllocation,
  LineItem,
  Order,
  ShippingLine,
  TaxLine,
} from "../../domain/order.js";
import { type RefundError, refundErrors } from "../../errors.js";
import {
  array,
  boolean,
  integer,
  isObject,
  optional,
  runDecoder,
  string,
  struct,
  withDefault,
} from "../../json/codec.js";
import { findCurrency } from "../../money/currency.js";
import { single } from "../../money/moneyBag.js";
import { guarded } from "../guarded.js";
import { type Problems, platformId, platformRate } from "../platformCodecs.js";
import { type PlatformContext, readPlatformOrder } from "../platformOrder.js";
import {
  captureAttributes,
  invoicesOf,
  type ReadCapture,
  type ReadRefund,
  refundAttributes,
  refundRelationships,
  refundsOf,
} from "./captures.js";
import { at, cents, decodeField, type Resource, resource } from "./jsonApi.js";

const orderAttributes = struct("Commerce Layer order attributes", {
  currency_code: string,
  tax_included: withDefault(boolean, false),
  total_amount_with_taxes_cents: optional(cents),
});

const lineItemAttributes = struct("Commerce Layer line item attributes", {
  item_type: string,
  currency_code: optional(string),
  sku_code: optional(string),
  bundle_code: optional(string),
  name: optional(string),
  quantity: integer(0),
  unit_amount_cents: optional(cents),
  total_amount_cents: cents,
  discount_cents: withDefault(cents, 0n),
  tax_amount_cents: withDefault(cents, 0n),
  tax_rate: optional(platformRate),
});
type LineAttributes = typeof lineItemAttributes._A;

const share = struct("a discount share", { cents });

/** The order document, checked for shape before its resources are read. */
const documentCodec = struct("a Commerce Layer order document", {
  data: struct("the order resource", {
    type: string,
    id: platformId,
    attributes: orderAttributes,
  }),
  included: withDefault(array(resource, "a list of included resources"), []),
});

/** A discount share of a line: which line gives it, and how much (positive). */
interface Share {
  readonly from: string;
  readonly amount: bigint;
  readonly path: string;
}

interface ReadLine {
  readonly r: Resource;
  readonly a: LineAttributes;
  readonly shares: readonly Share[];
}

interface ReadDocument {
  readonly id: string;
  readonly attributes: typeof orderAttributes._A;
  readonly lines: readonly ReadLine[];
  readonly captures: readonly ReadCapture[];
  readonly refunds: readonly ReadRefund[];
}

function sharesOf(r: Resource, errors: RefundError[]): Share[] {
  const attributes = r.raw["attributes"];
  const breakdown = isObject(attributes) ? attributes["discount_breakdown"] : undefined;
  if (breakdown === undefined || breakdown === null) return [];
  const path = `${r.path}.attributes.discount_breakdown`;
  if (!isObject(breakdown)) {
    errors.push(refundErrors.invalidInput(path, "must be an object of discount shares"));
    return [];
  }
  const shares: Share[] = [];
  for (const key of Object.keys(breakdown)) {
    const decoded = runDecoder(share, breakdown[key]);
    if (E.isLeft(decoded)) errors.push(...at(`${path}.${key}`, decoded.left));
    else shares.push({ from: key, amount: -decoded.right.cents, path: `${path}.${key}.cents` });
  }
  return shares;
}

/** Every resource decoded; all problems together. */
function readDocument(json: unknown): E.Either<NonEmptyArray<RefundError>, ReadDocument> {
  const doc = runDecoder(documentCodec, json);
  if (E.isLeft(doc)) return doc;
  const errors: RefundError[] = [];
  if (doc.right.data.type !== "orders")
    errors.push(refundErrors.invalidInput("data.type", 'must be "orders"'));
  const rawIncluded = (json as { included?: unknown }).included;
  const lines: ReadLine[] = [];
  const captures: ReadCapture[] = [];
  const refunds: ReadRefund[] = [];
  doc.right.included.forEach((res, i) => {
    const raw = Array.isArray(rawIncluded) ? (rawIncluded[i] as Record<string, unknown>) : {};
    const r: Resource = { type: res.type, id: res.id, path: `included[${i}]`, raw };
    if (r.type === "line_items") {
      const a = decodeField(lineItemAttributes, r, "attributes");
      const shares = sharesOf(r, errors);
      if (E.isLeft(a)) errors.push(...a.left);
      else lines.push({ r, a: a.right, shares });
    } else if (r.type === "captures") {
      const a = decodeField(captureAttributes, r, "attributes");
      if (E.isLeft(a)) errors.push(...a.left);
      else captures.push({ r, a: a.right });
    } else if (r.type === "refunds") {
      const a = decodeField(refundAttributes, r, "attributes");
      const rel = decodeField(withDefault(refundRelationships, {}), r, "relationships");
      if (E.isLeft(a)) errors.push(...a.left);
      if (E.isLeft(rel)) errors.push(...rel.left);
      if (E.isRight(a) && E.isRight(rel))
        refunds.push({ r, a: a.right, captureId: rel.right.reference_capture?.data?.id });
    }
  });
  const [first, ...rest] = errors;
  if (first !== undefined) return E.left([first, ...rest]);
  return E.right({
    id: doc.right.data.id,
    attributes: doc.right.data.attributes,
    lines,
    captures,
    refunds,
  });
}

/** Item types that are things bought or fees paid (when their amount is not negative). */
const CHARGES = new Set(["skus", "bundles", "gift_cards", "payment_methods", "adjustments"]);

/** Whether a line reduces the order: a negative amount (gift card redeemed, promotion, negative adjustment). */
const isDiscountSource = (l: ReadLine) =>
  l.a.total_amount_cents < 0n ||
  (l.a.item_type.endsWith("promotions") && l.a.total_amount_cents === 0n);

function discountsOf(
  l: ReadLine,
  names: ReadonlyMap<string, string>,
  problems: Problems,
): DiscountAllocation[] {
  const path = `${l.r.path}.attributes`;
  if (l.a.discount_cents > 0n)
    problems.invalid(
      `${path}.discount_cents`,
      "must not be positive (Commerce Layer writes discounts as negative cents)",
    );
  const allocations: DiscountAllocation[] = l.shares.map((s) => {
    if (s.amount < 0n) problems.invalid(s.path, "must not be positive (a discount is negative)");
    const title = names.get(s.from) ?? s.from;
    return { title, amount: single(s.amount) };
  });
  const spread = l.shares.reduce((sum, s) => sum + s.amount, 0n);
  if (l.shares.length === 0 && l.a.discount_cents !== 0n)
    return [{ title: "discount", amount: single(-l.a.discount_cents) }];
  if (spread !== -l.a.discount_cents)
    problems.inconsistent(
      `${path}.discount_cents`,
      `is ${l.a.discount_cents}, but discount_breakdown adds up to ${-spread}`,
    );
  return allocations;
}

function taxLinesOf(l: ReadLine, problems: Problems): TaxLine[] {
  const tax = l.a.tax_amount_cents;
  if (tax < 0n) problems.invalid(`${l.r.path}.attributes.tax_amount_cents`, "must not be negative");
  if (tax === 0n) return [];
  return [
    l.a.tax_rate === undefined
      ? { title: "Tax", amount: single(tax) }
      : { title: "Tax", rate: l.a.tax_rate, amount: single(tax) },
  ];
}

function lineItemOf(l: ReadLine, names: ReadonlyMap<string, string>, problems: Problems): LineItem {
  const path = `${l.r.path}.attributes`;
  const { quantity, total_amount_cents: total } = l.a;
  if (quantity < 1) problems.invalid(`${path}.quantity`, "must be at least 1 for an item bought");
  const unit = l.a.unit_amount_cents ?? (quantity > 0 ? total / BigInt(quantity) : 0n);
  if (unit * BigInt(quantity) !== total)
    problems.invalid(
      `${path}.total_amount_cents`,
      `is not unit_amount_cents × quantity (${unit} × ${quantity}); line item options are not supported`,
    );
  const sku = l.a.sku_code ?? l.a.bundle_code;
  return {
    id: l.r.id,
    ...(sku === undefined || sku === "" ? {} : { sku }),
    ...(l.a.name === undefined ? {} : { title: l.a.name }),
    quantity,
    price: single(unit),
    discountAllocations: discountsOf(l, names, problems),
    taxLines: taxLinesOf(l, problems),
    duties: [],
    fulfilledQuantity: quantity,
  };
}

function shippingLineOf(
  l: ReadLine,
  names: ReadonlyMap<string, string>,
  problems: Problems,
): ShippingLine {
  return {
    id: l.r.id,
    ...(l.a.name === undefined ? {} : { title: l.a.name }),
    price: single(l.a.total_amount_cents),
    discountAllocations: discountsOf(l, names, problems),
    taxLines: taxLinesOf(l, problems),
  };
}

/** A discount source must be spread exactly over the other lines' breakdowns. */
function checkSpread(doc: ReadDocument, problems: Problems): void {
  const spread = new Map<string, bigint>();
  for (const l of doc.lines)
    for (const s of l.shares) spread.set(s.from, (spread.get(s.from) ?? 0n) + s.amount);
  for (const l of doc.lines) {
    if (!isDiscountSource(l)) continue;
    const total = -l.a.total_amount_cents;
    const given = spread.get(l.r.id) ?? 0n;
    if (given !== total)
      problems.invalid(
        `${l.r.path}.attributes.total_amount_cents`,
        `reduces the order by ${total} cents, but the line items' discount_breakdown spreads ${given} of it; refund-core cannot tell which lines it reduces`,
      );
  }
}

function checkTotal(order: Order, expected: bigint | undefined, problems: Problems): void {
  if (expected === undefined) return;
  let total = 0n;
  for (const l of order.lineItems) {
    total += l.price.presentment * BigInt(l.quantity);
    for (const d of l.discountAllocations) total -= d.amount.presentment;
    if (!order.taxesIncluded) for (const t of l.taxLines) total += t.amount.presentment;
  }
  for (const s of order.shippingLines) {
    total += s.price.presentment;
    for (const d of s.discountAllocations) total -= d.amount.presentment;
    if (!order.taxesIncluded) for (const t of s.taxLines) total += t.amount.presentment;
  }
  if (total !== expected)
    problems.inconsistent(
      "data.attributes.total_amount_with_taxes_cents",
      `is ${expected}, but the included line items add up to ${total}`,
    );
}

function toOrder(doc: ReadDocument): E.Either<NonEmptyArray<RefundError>, Order> {
  const currency = { code: doc.attributes.currency_code, path: "data.attributes.currency_code" };
  // One currency, checked once (the frame would report it for both sides).
  if (findCurrency(currency.code) === undefined)
    return E.left([
      refundErrors.invalidInput(currency.path, "is not a known ISO 4217 currency code"),
    ]);
  return readPlatformOrder(currency, currency, (ctx: PlatformContext) => {
    const { problems } = ctx;
    const names = new Map(doc.lines.map((l) => [l.r.id, l.a.name ?? l.a.item_type]));
    checkSpread(doc, problems);
    const lineItems: LineItem[] = [];
    const shippingLines: ShippingLine[] = [];
    for (const l of doc.lines) {
      const code = l.a.currency_code;
      if (code !== undefined && code !== doc.attributes.currency_code)
        problems.inconsistent(
          `${l.r.path}.attributes.currency_code`,
          `is ${code}, but the order's currency is ${doc.attributes.currency_code}`,
        );
      if (isDiscountSource(l)) continue;
      if (l.a.item_type === "shipments") shippingLines.push(shippingLineOf(l, names, problems));
      else if (CHARGES.has(l.a.item_type)) lineItems.push(lineItemOf(l, names, problems));
      else if (l.a.total_amount_cents !== 0n)
        problems.invalid(
          `${l.r.path}.attributes.item_type`,
          `is "${l.a.item_type}", a kind of line refund-core cannot honour`,
        );
    }
    const order: Order = {
      id: doc.id,
      currency: doc.attributes.currency_code,
      presentmentCurrency: doc.attributes.currency_code,
      taxesIncluded: doc.attributes.tax_included,
      lineItems,
      shippingLines,
      invoices: invoicesOf(doc.captures, doc.attributes.currency_code, problems),
      refunds: [],
    };
    // The lines are checked against the order's total only when each was read.
    if (problems.list() === undefined)
      checkTotal(order, doc.attributes.total_amount_with_taxes_cents, problems);
    return { order, recorded: () => refundsOf(doc.captures, doc.refunds, problems) };
  });
}

/**
 * Reads a Commerce Layer order — the JSON:API document
 * `{"data": {"type": "orders", …}, "included": [...]}` fetched with
 * `include=line_items,captures` (and `refunds` when there are any) — as an
 * {@link Order} with its refunds as credit memos.
 *
 * @param json - the parsed document.
 * @returns the order, or every problem at its path in the document
 *   (`included[4].attributes.discount_cents`): `INVALID_INPUT` for what is
 *   not Commerce Layer's shape or cannot be honoured (a promotion not spread
 *   over the lines, line item options), `INCONSISTENT_ORDER` for
 *   contradictions (a `discount_breakdown` that does not add up to
 *   `discount_cents`, lines that do not add up to
 *   `total_amount_with_taxes_cents`). Never throws.
 * @example
 * ```ts
 * import { fromCommerceLayerOrder, moneyLeft } from "refund-core";
 * const document = {
 *   data: { type: "orders", id: "NMWYhbGorj",
 *           attributes: { currency_code: "EUR", tax_included: true, total_amount_with_taxes_cents: 9900 } },
 *   included: [
 *     { type: "line_items", id: "NlQmtMAnGy",
 *       attributes: { item_type: "skus", sku_code: "CANVASAU000000FFFFFF1824", quantity: 1,
 *                     unit_amount_cents: 9900, total_amount_cents: 9900 } },
 *     { type: "captures", id: "kyAnxUgegE",
 *       attributes: { amount_cents: 9900, succeeded: true, refund_balance_cents: 9900 } },
 *   ],
 * };
 * const order = fromCommerceLayerOrder(document);
 * if (order._tag === "Left") throw new Error(order.left[0].message);
 * moneyLeft(order.right); // => { shop: 9900n, presentment: 9900n }
 * ```
 * @category Adapters
 */
export function fromCommerceLayerOrder(json: unknown): E.Either<NonEmptyArray<RefundError>, Order> {
  return guarded(() => {
    const doc = readDocument(json);
    return E.isLeft(doc) ? doc : toOrder(doc.right);
  });
}
