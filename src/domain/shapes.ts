/**
 * The shapes of the domain values — order, refund request, credit memo,
 * policy name — checked where a JavaScript caller hands them to the library
 * (issue 12, finding 11). TypeScript types vanish at run time: `calculate(order,
 * {})`, `encodeOrder(42)` or a value whose getters throw reach the engine
 * as they are, and the engine, which trusts its types, would throw. Every
 * exported function that takes domain values checks them here first and
 * reports a value of the wrong shape as `INVALID_INPUT` with its path.
 *
 * The check reads each field once, in plain loops, and allocates only for
 * a problem; it checks types, not rules (a negative amount or a
 * fractional quantity has the right shape and is the engine's to report).
 * Fields it does not know are ignored, so values with more fields (of later
 * versions) pass.
 *
 * The only `try`/`catch` of the library outside the decoders sits here, at
 * the very edge: a Proxy whose traps throw, or a getter that throws, cannot
 * be read without one. Such a value is reported as unreadable. A value that
 * reads well for the check and throws when the engine reads it again (a
 * getter that changes its mind) is not supported.
 *
 * @module
 */
import { type InvalidInputError, refundErrors } from "../errors.js";
import type { Currency } from "../money/currency.js";
import type { DecimalAmount } from "../money/decimal.js";
import { POLICY_NAMES, type PolicyName } from "./policy.js";

/**
 * The largest currency exponent a caller's {@link Currency} may have: ISO
 * 4217 has none above 4; a bound keeps `10^exponent` small.
 */
const MAX_EXPONENT = 30;

/** A shape: a primitive, a money bag, an exact decimal, a list of a shape, or a record. */
type Shape =
  | "string"
  | "number"
  | "boolean"
  | "bag"
  | "decimal"
  | "restock"
  | { readonly list: Shape }
  | RecordShape;

/** How a field may be missing: never, as `undefined` (optional), or as `null`. */
type Presence = "required" | "optional" | "nullable";

interface FieldShape {
  readonly key: string;
  readonly shape: Shape;
  readonly presence: Presence;
}

interface RecordShape {
  readonly name: string;
  readonly fields: readonly FieldShape[];
}

const required = (key: string, shape: Shape): FieldShape => ({ key, shape, presence: "required" });
const optional = (key: string, shape: Shape): FieldShape => ({ key, shape, presence: "optional" });
const nullable = (key: string, shape: Shape): FieldShape => ({ key, shape, presence: "nullable" });
const record = (name: string, ...fields: FieldShape[]): RecordShape => ({ name, fields });
const list = (of: Shape): Shape => ({ list: of });

const DISCOUNT = record("a discount", required("amount", "bag"), optional("title", "string"));
const TAX_LINE = record(
  "a tax line",
  required("title", "string"),
  optional("rate", "string"),
  required("amount", "bag"),
);
const DUTY = record(
  "a duty",
  required("id", "string"),
  required("amount", "bag"),
  required("taxLines", list(TAX_LINE)),
);
const LINE_ITEM = record(
  "a line item",
  required("id", "string"),
  optional("sku", "string"),
  optional("title", "string"),
  required("quantity", "number"),
  required("price", "bag"),
  required("discountAllocations", list(DISCOUNT)),
  required("taxLines", list(TAX_LINE)),
  required("duties", list(DUTY)),
  required("fulfilledQuantity", "number"),
);
const SHIPPING_LINE = record(
  "a shipping line",
  required("id", "string"),
  optional("title", "string"),
  required("price", "bag"),
  required("discountAllocations", list(DISCOUNT)),
  required("taxLines", list(TAX_LINE)),
);
const INVOICE = record(
  "an invoice",
  required("id", "string"),
  required("amount", "bag"),
  optional("gateway", "string"),
  required("online", "boolean"),
);

const DUTY_REFUND = record(
  "a refunded duty",
  required("dutyId", "string"),
  required("amount", "bag"),
  required("taxLines", list(TAX_LINE)),
);
const MEMO_LINE = record(
  "a credit memo line",
  required("lineItemId", "string"),
  required("quantity", "number"),
  required("price", "bag"),
  required("gross", "bag"),
  required("discount", "bag"),
  required("subtotal", "bag"),
  required("tax", "bag"),
  required("discountAllocations", list(DISCOUNT)),
  required("taxLines", list(TAX_LINE)),
  required("duties", list(DUTY_REFUND)),
  required("total", "bag"),
  required("restock", "restock"),
  nullable("locationId", "string"),
);
const SHIPPING_LINE_REFUND = record(
  "a refunded shipping line",
  required("shippingLineId", "string"),
  required("amount", "bag"),
  required("taxLines", list(TAX_LINE)),
);
const TRANSACTION = record(
  "a transaction",
  required("invoiceId", "string"),
  nullable("gateway", "string"),
  required("online", "boolean"),
  required("amount", "bag"),
  required("maximumRefundable", "bag"),
);
const MEMO = record(
  "a credit memo",
  required("id", "string"),
  required("orderId", "string"),
  required("currency", "string"),
  required("presentmentCurrency", "string"),
  required("lineItems", list(MEMO_LINE)),
  required(
    "shipping",
    record(
      "a shipping refund",
      required("amount", "bag"),
      required("tax", "bag"),
      required("maximumRefundable", "bag"),
      required("lines", list(SHIPPING_LINE_REFUND)),
    ),
  ),
  required("adjustmentPositive", "bag"),
  required("adjustmentNegative", "bag"),
  required("subtotal", "bag"),
  required("discount", "bag"),
  required("tax", "bag"),
  required("duties", "bag"),
  required("total", "bag"),
  required("maximumRefundable", "bag"),
  required("transactions", list(TRANSACTION)),
  nullable("reason", "string"),
  nullable("note", "string"),
  required("notify", "boolean"),
  nullable("idempotencyKey", "string"),
);
const ORDER = record(
  "an order",
  required("id", "string"),
  required("currency", "string"),
  required("presentmentCurrency", "string"),
  required("taxesIncluded", "boolean"),
  required("lineItems", list(LINE_ITEM)),
  required("shippingLines", list(SHIPPING_LINE)),
  required("invoices", list(INVOICE)),
  required("refunds", list(MEMO)),
);

const LINE_REQUEST = record(
  "a line to refund",
  optional("lineItemId", "string"),
  optional("sku", "string"),
  // Optional: a line may be asked by amount (§3.9); the engine reports a missing quantity.
  optional("quantity", "number"),
  optional("amount", "decimal"),
  required("restock", "restock"),
  optional("locationId", "string"),
);
const REQUEST = record(
  "a refund request",
  required("lineItems", list(LINE_REQUEST)),
  optional(
    "shipping",
    record("a shipping request", required("fullRefund", "boolean"), optional("amount", "decimal")),
  ),
  required("refundDuties", "boolean"),
  optional("adjustmentPositive", "decimal"),
  optional("adjustmentNegative", "decimal"),
  optional("amount", "decimal"),
  required("full", "boolean"),
  optional("currency", "string"),
  optional("invoiceId", "string"),
  optional(
    "transactions",
    list(record("a payout", required("invoiceId", "string"), required("amount", "decimal"))),
  ),
  optional("reason", "string"),
  optional("note", "string"),
  required("notify", "boolean"),
  optional("idempotencyKey", "string"),
);

/** A problem found: where (keys and indexes from the checked value) and what was expected. */
interface Problem {
  readonly path: (string | number)[];
  readonly expected: string;
}

/** Whether `u` is a record: an object, not `null`, not an array. */
export function isRecordValue(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

function isBag(u: unknown): boolean {
  return isRecordValue(u) && typeof u["shop"] === "bigint" && typeof u["presentment"] === "bigint";
}

function isDecimal(u: unknown): boolean {
  return isRecordValue(u) && typeof u["coefficient"] === "bigint" && typeof u["scale"] === "number";
}

function isRestock(u: unknown): boolean {
  return u === "no_restock" || u === "cancel" || u === "return";
}

/** A compiled shape: the first problem of a value, or `undefined`. */
type Check = (value: unknown) => Problem | undefined;

/** A leaf's test and what it expects, for the message. */
const LEAVES: Readonly<Record<string, readonly [(u: unknown) => boolean, string]>> = {
  string: [(u) => typeof u === "string", "a string"],
  number: [(u) => typeof u === "number", "a number"],
  boolean: [(u) => typeof u === "boolean", "true or false"],
  bag: [isBag, "a money bag {shop, presentment} of bigint minor units"],
  decimal: [isDecimal, "an exact decimal {coefficient: bigint, scale: number}"],
  restock: [isRestock, '"no_restock", "cancel" or "return"'],
};

/**
 * `shape` compiled once into closures, so that checking a value walks it
 * with no interpretation of the shape (an order of 20,000 lines is checked
 * in a few milliseconds).
 */
function compile(shape: Shape): Check {
  if (typeof shape === "string") {
    const [ok, expected] = LEAVES[shape] as readonly [(u: unknown) => boolean, string];
    return (u) => (ok(u) ? undefined : { path: [], expected });
  }
  if ("list" in shape) {
    const item = compile(shape.list);
    return (u) => {
      if (!Array.isArray(u)) return { path: [], expected: "a list" };
      for (let i = 0; i < u.length; i++) {
        const problem = item(u[i]);
        if (problem !== undefined) {
          problem.path.unshift(i);
          return problem;
        }
      }
      return undefined;
    };
  }
  const keys = shape.fields.map((field) => field.key);
  const checks = shape.fields.map((field) => compile(field.shape));
  const presences = shape.fields.map((field) => field.presence);
  const name = shape.name;
  return (u) => {
    if (!isRecordValue(u)) return { path: [], expected: name };
    for (let f = 0; f < keys.length; f++) {
      const key = keys[f] as string;
      const value = u[key];
      if (value === undefined && presences[f] !== "required") continue;
      if (value === null && presences[f] === "nullable") continue;
      const problem = (checks[f] as Check)(value);
      if (problem !== undefined) {
        problem.path.unshift(key);
        return problem;
      }
    }
    return undefined;
  };
}

/** `lineItems[0].price`, prefixed with the argument's name. */
function spell(argument: string, path: readonly (string | number)[]): string {
  let text = argument;
  for (const step of path)
    text += typeof step === "number" ? `[${step}]` : text === "" ? step : `.${step}`;
  return text;
}

/**
 * The shape check of `value` as an error: `undefined` when it has the shape,
 * else one `INVALID_INPUT` at the first wrong field (paths start with
 * `argument`, e.g. `request.lineItems[0].restock`).
 */
function checkShape(
  value: unknown,
  shape: Compiled,
  argument: string,
  trusted?: (value: unknown) => boolean,
): InvalidInputError | undefined {
  try {
    if (trusted?.(value) === true) return undefined;
    const problem = shape.check(value);
    return problem === undefined
      ? undefined
      : refundErrors.invalidInput(
          spell(argument, problem.path),
          `must be ${problem.expected} (the ${argument} is not ${shape.name} as refund-core makes it; decode it from JSON first)`,
        );
  } catch {
    return unreadableError(argument);
  }
}

/**
 * `INVALID_INPUT` for an argument that could not be read: a getter or a
 * Proxy trap of it threw.
 */
export function unreadableError(argument: string): InvalidInputError {
  return refundErrors.invalidInput(argument, "could not be read: a getter or a Proxy of it threw");
}

/** A record shape with its compiled check. */
interface Compiled {
  readonly name: string;
  readonly check: Check;
}

const compiled = (shape: RecordShape): Compiled => ({ name: shape.name, check: compile(shape) });

/*
 * Fast paths (issue 15 part 2). The compiled check reads every field as
 * `u[key]` with the key in a variable: on a 10,000-line order that one
 * keyed load sees every record kind and goes megamorphic, and the check
 * cost 10–25 % of a `calculate`. The predicates below spell the hot
 * records (line items, shipping lines, invoices, request lines) field by
 * field, in the same order as the shapes above, so each load is a named,
 * monomorphic one. They only say yes or no: a value they refuse is checked
 * again by the compiled shape, which finds the problem and its path, so
 * every message stays the compiled check's. They stop at the first wrong
 * field, in the compiled check's order, so a throwing getter is reached by
 * both or by neither. `test/engine/shape-fast-paths.test.ts` holds them to
 * the compiled check. Each list has its own loop, not one helper taking
 * the item's predicate: that helper's call would see every predicate.
 */

/** Whether `u` is a string or `undefined` (a field that may be missing). */
export const isOptionalString = (u: unknown): boolean => u === undefined || typeof u === "string";

function isDiscountList(u: unknown): boolean {
  if (!Array.isArray(u)) return false;
  for (let i = 0; i < u.length; i++) {
    const d: unknown = u[i];
    if (!isRecordValue(d) || !isBag(d["amount"]) || !isOptionalString(d["title"])) return false;
  }
  return true;
}

function isTaxLineList(u: unknown): boolean {
  if (!Array.isArray(u)) return false;
  for (let i = 0; i < u.length; i++) {
    const t: unknown = u[i];
    if (
      !isRecordValue(t) ||
      typeof t["title"] !== "string" ||
      !isOptionalString(t["rate"]) ||
      !isBag(t["amount"])
    )
      return false;
  }
  return true;
}

function isDutyList(u: unknown): boolean {
  if (!Array.isArray(u)) return false;
  for (let i = 0; i < u.length; i++) {
    const d: unknown = u[i];
    if (
      !isRecordValue(d) ||
      typeof d["id"] !== "string" ||
      !isBag(d["amount"]) ||
      !isTaxLineList(d["taxLines"])
    )
      return false;
  }
  return true;
}

function isLineItemList(u: unknown): boolean {
  if (!Array.isArray(u)) return false;
  for (let i = 0; i < u.length; i++) {
    const l: unknown = u[i];
    if (
      !isRecordValue(l) ||
      typeof l["id"] !== "string" ||
      !isOptionalString(l["sku"]) ||
      !isOptionalString(l["title"]) ||
      typeof l["quantity"] !== "number" ||
      !isBag(l["price"]) ||
      !isDiscountList(l["discountAllocations"]) ||
      !isTaxLineList(l["taxLines"]) ||
      !isDutyList(l["duties"]) ||
      typeof l["fulfilledQuantity"] !== "number"
    )
      return false;
  }
  return true;
}

function isShippingLineList(u: unknown): boolean {
  if (!Array.isArray(u)) return false;
  for (let i = 0; i < u.length; i++) {
    const s: unknown = u[i];
    if (
      !isRecordValue(s) ||
      typeof s["id"] !== "string" ||
      !isOptionalString(s["title"]) ||
      !isBag(s["price"]) ||
      !isDiscountList(s["discountAllocations"]) ||
      !isTaxLineList(s["taxLines"])
    )
      return false;
  }
  return true;
}

function isInvoiceList(u: unknown): boolean {
  if (!Array.isArray(u)) return false;
  for (let i = 0; i < u.length; i++) {
    const v: unknown = u[i];
    if (
      !isRecordValue(v) ||
      typeof v["id"] !== "string" ||
      !isBag(v["amount"]) ||
      !isOptionalString(v["gateway"]) ||
      typeof v["online"] !== "boolean"
    )
      return false;
  }
  return true;
}

/** The refund history of an order: credit memos, through the compiled check (rarely long). */
const MEMO_LIST_CHECK = compile(list(MEMO));

/**
 * Whether `u` is a list of credit memos (an order's refunds) as
 * `orderShapeError` asks: most orders have none, which needs no call.
 */
export function isMemoListShaped(u: unknown): boolean {
  return (Array.isArray(u) && u.length === 0) || MEMO_LIST_CHECK(u) === undefined;
}

/** Whether `u` has the shape of {@link ORDER}; `false` says only "ask the compiled check". */
function isOrderShaped(u: unknown): boolean {
  return (
    isRecordValue(u) &&
    typeof u["id"] === "string" &&
    typeof u["currency"] === "string" &&
    typeof u["presentmentCurrency"] === "string" &&
    typeof u["taxesIncluded"] === "boolean" &&
    isLineItemList(u["lineItems"]) &&
    isShippingLineList(u["shippingLines"]) &&
    isInvoiceList(u["invoices"]) &&
    isMemoListShaped(u["refunds"])
  );
}

const isOptionalDecimal = (u: unknown): boolean => u === undefined || isDecimal(u);

function isLineRequestList(u: unknown): boolean {
  if (!Array.isArray(u)) return false;
  for (let i = 0; i < u.length; i++) {
    const l: unknown = u[i];
    if (
      !isRecordValue(l) ||
      !isOptionalString(l["lineItemId"]) ||
      !isOptionalString(l["sku"]) ||
      !(l["quantity"] === undefined || typeof l["quantity"] === "number") ||
      !isOptionalDecimal(l["amount"]) ||
      !isRestock(l["restock"]) ||
      !isOptionalString(l["locationId"])
    )
      return false;
  }
  return true;
}

function isOptionalShippingRequest(u: unknown): boolean {
  return (
    u === undefined ||
    (isRecordValue(u) && typeof u["fullRefund"] === "boolean" && isOptionalDecimal(u["amount"]))
  );
}

function isOptionalPayoutList(u: unknown): boolean {
  if (u === undefined) return true;
  if (!Array.isArray(u)) return false;
  for (let i = 0; i < u.length; i++) {
    const t: unknown = u[i];
    if (!isRecordValue(t) || typeof t["invoiceId"] !== "string" || !isDecimal(t["amount"]))
      return false;
  }
  return true;
}

/**
 * Whether `u` has the shape of {@link REQUEST}; `false` says only "ask the
 * compiled check". Every field by name, in the shape's order (the compiled
 * check of the fields after `lineItems`, with its keyed loads, was 6 % of a
 * 3-line `calculate`). Unguarded: a getter or Proxy trap of `u` that
 * throws throws here.
 */
export function isRequestShaped(u: unknown): boolean {
  return (
    isRecordValue(u) &&
    isLineRequestList(u["lineItems"]) &&
    isOptionalShippingRequest(u["shipping"]) &&
    typeof u["refundDuties"] === "boolean" &&
    isOptionalDecimal(u["adjustmentPositive"]) &&
    isOptionalDecimal(u["adjustmentNegative"]) &&
    isOptionalDecimal(u["amount"]) &&
    typeof u["full"] === "boolean" &&
    isOptionalString(u["currency"]) &&
    isOptionalString(u["invoiceId"]) &&
    isOptionalPayoutList(u["transactions"]) &&
    isOptionalString(u["reason"]) &&
    isOptionalString(u["note"]) &&
    typeof u["notify"] === "boolean" &&
    isOptionalString(u["idempotencyKey"])
  );
}

/** `compiled(shape)`, asking `fast` first: the compiled check runs only on what it refuses. */
const withFastPath = (shape: RecordShape, fast: (u: unknown) => boolean): Compiled => {
  const slow = compile(shape);
  return { name: shape.name, check: (u) => (fast(u) ? undefined : slow(u)) };
};

const ORDER_CHECK = withFastPath(ORDER, isOrderShaped);
const REQUEST_CHECK = withFastPath(REQUEST, isRequestShaped);
const MEMO_CHECK = compiled(MEMO);

/**
 * `INVALID_INPUT` when `value` does not have the shape of an {@link Order}
 * (as `decodeOrder` and `applyRefund` make it), with its refund history.
 * `trusted` (read inside the guard, so it may touch `value`) skips the
 * check for values known to be sound: an order `applyRefund` made from a
 * checked one.
 */
export function orderShapeError(
  value: unknown,
  trusted?: (value: unknown) => boolean,
): InvalidInputError | undefined {
  return checkShape(value, ORDER_CHECK, "order", trusted);
}

/** `INVALID_INPUT` when `value` does not have the shape of a refund request. */
export function requestShapeError(
  value: unknown,
  argument = "request",
): InvalidInputError | undefined {
  return checkShape(value, REQUEST_CHECK, argument);
}

/** `INVALID_INPUT` when `value` does not have the shape of a credit memo. */
export function memoShapeError(
  value: unknown,
  argument = "creditMemo",
): InvalidInputError | undefined {
  return checkShape(value, MEMO_CHECK, argument);
}

/**
 * Whether `u` has both currency codes, by name: `isMultiCurrency` asks this
 * on every `calculate`, and the compiled check's keyed loads cost 1.5 % of a
 * 3-line one (issue 15 part 2).
 */
function hasCurrencies(u: unknown): boolean {
  return (
    isRecordValue(u) &&
    typeof u["currency"] === "string" &&
    typeof u["presentmentCurrency"] === "string"
  );
}

const CURRENCIES = withFastPath(
  record(
    "a document with currencies",
    required("currency", "string"),
    required("presentmentCurrency", "string"),
  ),
  hasCurrencies,
);

/** `INVALID_INPUT` when `value` has no `currency` and `presentmentCurrency` strings. */
export function currenciesShapeError(
  value: unknown,
  argument = "order",
): InvalidInputError | undefined {
  return checkShape(value, CURRENCIES, argument);
}

/**
 * Whether `test` holds of `value`, false should reading `value` throw (a
 * Proxy, a getter): for the small functions that return a plain value
 * rather than errors.
 */
export function holds(value: unknown, test: (value: unknown) => boolean): boolean {
  try {
    return test(value);
  } catch {
    return false;
  }
}

/** Whether `value` is a {@link Currency}: a code and a whole exponent from 0 to 30. */
export function isCurrencyValue(value: unknown): value is Currency {
  return holds(
    value,
    (u) =>
      isRecordValue(u) &&
      typeof u["code"] === "string" &&
      Number.isSafeInteger(u["exponent"]) &&
      (u["exponent"] as number) >= 0 &&
      (u["exponent"] as number) <= MAX_EXPONENT,
  );
}

/** Whether `value` is a {@link DecimalAmount}: a bigint coefficient and a number scale. */
export function isDecimalValue(value: unknown): value is DecimalAmount {
  return holds(value, isDecimal);
}

/** Whether `value` is a policy name ([§9.1](../../docs/specification.md#91-policies)). */
export function isPolicyName(value: unknown): value is PolicyName {
  // Compared name by name, not searched in POLICY_NAMES: asked on every call
  // (`test/properties/argumentSoundness.test.ts` holds the two to each other).
  return value === "default" || value === "magento" || value === "shopify" || value === "bankers";
}

/** `INVALID_INPUT` when `policy` is given and is not a policy name ([§9.1](../../docs/specification.md#91-policies)). */
export function policyError(policy: unknown): InvalidInputError | undefined {
  return isPolicyName(policy)
    ? undefined
    : refundErrors.invalidInput(
        "policy",
        `must be one of ${POLICY_NAMES.map((name) => `"${name}"`).join(", ")}`,
      );
}
