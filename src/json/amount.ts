/**
 * Amounts at the JSON boundary ([§1](../../docs/specification.md#1-money)): decimal strings (or JSON numbers of the
 * same shape) read exactly into minor units, money bags for multi-currency
 * orders, free amounts kept as exact decimals, and currency codes.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import * as t from "io-ts/lib/index.js";
import type { Currency } from "../money/currency.js";
import { findCurrency } from "../money/currency.js";
import type { DecimalAmount } from "../money/decimal.js";
import {
  decimalFromNumber,
  formatMinorUnits,
  parseDecimal,
  toMinorUnits,
} from "../money/decimal.js";
import type { MoneyBag } from "../money/moneyBag.js";
import type { Codec } from "./codec.js";
import { fail, guarded, isObject, leaf, map, struct } from "./codec.js";
import type { JsonValue } from "./json.js";

/**
 * The currencies amounts are read in. `undefined` when the document's
 * currency code is itself invalid: amounts are then checked for their shape
 * only (the currency error is reported on its own).
 * @internal
 */
export interface AmountContext {
  readonly shop: Currency | undefined;
  readonly presentment: Currency | undefined;
  /**
   * Whether amounts are bags `{"shop", "presentment"}`; `"unknown"` when a
   * currency code is invalid, so either form is accepted (checked for its
   * shape) and only the code is reported.
   */
  readonly multi: boolean | "unknown";
}

/**
 * The amount context of a document whose currency codes are `currency` and `presentmentCurrency` (raw JSON).
 * @internal
 */
export function amountContext(currency: unknown, presentmentCurrency: unknown): AmountContext {
  const shop = typeof currency === "string" ? findCurrency(currency) : undefined;
  const presentmentCode =
    presentmentCurrency === undefined || presentmentCurrency === null
      ? currency
      : presentmentCurrency;
  const presentment =
    typeof presentmentCode === "string" ? findCurrency(presentmentCode) : undefined;
  const multi =
    shop === undefined || presentment === undefined ? "unknown" : shop.code !== presentment.code;
  return { shop, presentment, multi };
}

/**
 * A key naming `ctx` for caching the codecs built for it (see `memoized` in
 * `codec.ts`): the codecs of a document depend on nothing but its
 * currencies. `undefined` for a context with a currency that is not the
 * registry's own (an unknown code written by `currencyForEncoding`): such
 * codecs are not cached, so the cache holds at most one entry per pair of
 * known currencies.
 * @internal
 */
export function contextKey(ctx: AmountContext): string | undefined {
  const { shop, presentment } = ctx;
  if (shop !== undefined && findCurrency(shop.code) !== shop) return undefined;
  if (presentment !== undefined && findCurrency(presentment.code) !== presentment) return undefined;
  return `${shop?.code ?? "?"} ${presentment?.code ?? "?"} ${ctx.multi}`;
}

/**
 * A currency for writing amounts; an unknown code (never decoded) is written with 2 digits.
 * @internal
 */
export function currencyForEncoding(code: string): Currency {
  return findCurrency(code) ?? { code, exponent: 2 };
}

/** An example amount with `exponent` fraction digits: `"19.99"`, `"1999"`, `"19.999"`. */
function exampleAmount(exponent: number): string {
  return exponent === 0 ? "1999" : `19.${"9".repeat(exponent)}`;
}

function fractionDigits(exponent: number): string {
  if (exponent === 0) return "no fraction digits";
  return exponent === 1 ? "at most 1 fraction digit" : `at most ${exponent} fraction digits`;
}

/** What an amount in `currency` looks like, for messages. */
function describeAmount(currency: Currency | undefined): string {
  return currency === undefined
    ? 'a decimal amount such as "19.99"'
    : `a decimal amount such as "${exampleAmount(currency.exponent)}" with ${fractionDigits(currency.exponent)} (${currency.code})`;
}

/**
 * Reads a JSON amount (string or number) as an exact decimal, or says what is
 * wrong with it in a sentence ending that starts "must ..." / "is ...".
 */
function readDecimal(u: unknown, expected: string): E.Either<string, DecimalAmount> {
  if (typeof u === "string") {
    const parsed = parseDecimal(u);
    if (parsed !== undefined) return E.right(parsed);
    if (u.trim().startsWith("-")) return E.left(`must not be negative; it must be ${expected}`);
    return E.left(`must be ${expected}`);
  }
  if (typeof u === "number") {
    if (!Number.isFinite(u)) {
      return E.left(`is a number too large to be read; write it as a string, ${expected}`);
    }
    if (u < 0) return E.left(`must not be negative; it must be ${expected}`);
    const parsed = decimalFromNumber(u);
    if (parsed === undefined) {
      return E.left(
        `is a JSON number that needs exponent notation; write it as a string, ${expected}`,
      );
    }
    if (parsed.coefficient > BigInt(Number.MAX_SAFE_INTEGER)) {
      // A fraction this long is a floating-point result (0.1 + 0.2 is
      // 0.30000000000000004): written as a string it still has too many
      // fraction digits, so say to round it (issue 12).
      return E.left(
        parsed.scale > 0
          ? `is a JSON number with too many digits to be exact, ${parsed.scale} of them after the point — a floating-point result, as 0.1 + 0.2 gives 0.30000000000000004; round it to the currency's fraction digits and write it as a string, ${expected}`
          : `is a JSON number with too many digits to be exact; write it as a string instead, ${expected}`,
      );
    }
    return E.right(parsed);
  }
  return E.left(`must be ${expected}`);
}

/**
 * The largest amount refund-core reads: 10^18 minor units, up to which [§1](../../docs/specification.md#1-money)
 * keeps amounts exact. Past it, an amount is refused when decoded — as it
 * must be, or a 62-digit amount would be read, written back with its
 * fraction digits past the 64 characters a decimal may have, and refused
 * only then (issue 12).
 */
export const MAX_MINOR_UNITS = 10n ** 18n;

/** The problem of an amount above {@link MAX_MINOR_UNITS}. */
function tooLarge(code: string | undefined): string {
  return `is more than 10^18 minor units${code === undefined ? "" : ` of ${code}`}, the largest amount refund-core keeps exact (§1)`;
}

const isDecimalAmount = (u: unknown): u is DecimalAmount =>
  isObject(u) && typeof u["coefficient"] === "bigint" && typeof u["scale"] === "number";

/**
 * Writes an exact decimal with its own number of fraction digits: `{250n, 2}` → `"2.50"`.
 */
function formatDecimal(amount: DecimalAmount): string {
  return formatMinorUnits(amount.coefficient, { code: "", exponent: amount.scale });
}

/**
 * A free amount ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)): an exact decimal whose currency is not known yet.
 * Its fraction digits are checked by the engine against the currency; its
 * digits are bounded by {@link MAX_MINOR_UNITS} here.
 * @internal
 */
export const decimalAmount: Codec<DecimalAmount> = leaf(
  describeAmount(undefined),
  isDecimalAmount,
  (u) =>
    E.chain((decimal: DecimalAmount) =>
      // Its digits count at least as many minor units in any currency it may be in.
      decimal.coefficient > MAX_MINOR_UNITS ? E.left(tooLarge(undefined)) : E.right(decimal),
    )(readDecimal(u, describeAmount(undefined))),
  formatDecimal,
);

/**
 * An amount in `currency`, as integer minor units; more fraction digits than the currency has are refused.
 */
function minorUnits(currency: Currency | undefined, signed = false): Codec<bigint> {
  const expected = describeAmount(currency);
  const negative = (u: unknown): boolean =>
    signed && ((typeof u === "string" && u.startsWith("-")) || (typeof u === "number" && u < 0));
  return leaf(
    expected,
    (u): u is bigint => typeof u === "bigint" && (signed || u >= 0n),
    (u) => {
      const minus = negative(u);
      const magnitude = minus ? (typeof u === "string" ? u.slice(1) : -(u as number)) : u;
      // A `_tag` check, not `E.chain`: this runs for every amount decoded,
      // and fp-ts's data-last combinators copy their arguments on each call.
      const read = readDecimal(magnitude, expected);
      if (E.isLeft(read)) return read;
      const decimal = read.right;
      if (currency === undefined) {
        if (decimal.coefficient > MAX_MINOR_UNITS) return E.left(tooLarge(undefined));
        return E.right(minus ? -decimal.coefficient : decimal.coefficient);
      }
      const minor = toMinorUnits(decimal, currency);
      if (minor === undefined)
        return E.left(
          `has ${decimal.scale} fraction digits but ${currency.code} has ${fractionDigits(currency.exponent)}; amounts are never rounded, so write it as ${expected}`,
        );
      if (minor > MAX_MINOR_UNITS) return E.left(tooLarge(currency.code));
      return E.right(minus ? -minor : minor);
    },
    (minor) => formatMinorUnits(minor, currency ?? { code: "", exponent: 0 }),
  );
}

/** A plain amount read as a bag with equal sides (no `E.map`: this runs per amount). */
function bothSides(read: t.Validation<bigint>): t.Validation<MoneyBag> {
  return E.isLeft(read) ? read : t.success({ shop: read.right, presentment: read.right });
}

const isBag = (u: unknown): u is MoneyBag =>
  isObject(u) && typeof u["shop"] === "bigint" && typeof u["presentment"] === "bigint";

/**
 * An amount on an order or memo, as a bag. Single-currency documents write a
 * plain amount (both sides equal); multi-currency documents write
 * `{"shop": ..., "presentment": ...}` and a plain amount there is refused.
 * `signed` admits a leading minus, for the few computed memo amounts that
 * may be negative (see `memoLineCodec`).
 * @internal
 */
export function moneyBag(ctx: AmountContext, signed = false): Codec<MoneyBag> {
  if (ctx.multi === false) {
    return map(
      minorUnits(ctx.shop ?? ctx.presentment, signed),
      isBag,
      (minor) => ({ shop: minor, presentment: minor }),
      (bag) => bag.shop,
    );
  }
  const shopCode = ctx.shop?.code ?? "the shop currency";
  const presentmentCode = ctx.presentment?.code ?? "the presentment currency";
  const example = `{"shop": "${exampleAmount(ctx.shop?.exponent ?? 2)}", "presentment": "${exampleAmount(ctx.presentment?.exponent ?? 2)}"}`;
  const name = `an amount in both currencies such as ${example} (shop in ${shopCode}, presentment in ${presentmentCode})`;
  const bag = struct(name, {
    shop: minorUnits(ctx.shop, signed),
    presentment: minorUnits(ctx.presentment, signed),
  });
  const plain = minorUnits(undefined, signed);
  return new t.Type<MoneyBag, JsonValue, unknown>(
    name,
    isBag,
    (u, c) =>
      typeof u === "string" || typeof u === "number"
        ? ctx.multi === "unknown"
          ? bothSides(plain.validate(u, c))
          : fail(
              u,
              c,
              `must be ${name}: this order is in two currencies, so a plain amount cannot say which one it is in`,
            )
        : bag.validate(u, c),
    bag.encode,
  );
}

/**
 * An ISO 4217 code known to dinero.js.
 * @internal
 */
export const currencyCode: Codec<string> = guarded(
  'a known ISO 4217 currency code such as "USD"',
  (u): u is string => typeof u === "string" && findCurrency(u) !== undefined,
  (u) =>
    typeof u === "string"
      ? `must be a known ISO 4217 currency code such as "USD" (codes are upper case); "${u.length > 12 ? `${u.slice(0, 12)}…` : u}" is not one`
      : 'must be a known ISO 4217 currency code such as "USD"',
);

/**
 * A signed amount in the shop currency alone, as integer minor units: a
 * memo's `exchangeDifference` ([§3.8](../../docs/specification.md#38-free-amounts-and-currency)), written `"-0.01"` even on a
 * multi-currency memo, where it is shop money only.
 * @internal
 */
export function signedShopAmount(ctx: AmountContext): Codec<bigint> {
  return minorUnits(ctx.shop, true);
}
