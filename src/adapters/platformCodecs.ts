/**
 * Codecs for the platforms' wire formats: ids that are numbers or strings,
 * money that is a decimal string or a JSON number (signed where the
 * platform writes negative amounts), and the conversion of those decimals
 * into minor units once the currency is known — with the path of every
 * problem.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import { type RefundError, refundErrors } from "../errors.js";
import { type Codec, isObject, leaf } from "../json/codec.js";
import { type Currency, findCurrency } from "../money/currency.js";
import {
  type DecimalAmount,
  decimalFromNumber,
  parseDecimal,
  toMinorUnits,
} from "../money/decimal.js";
import type { MoneyBag } from "../money/moneyBag.js";

/** An exact decimal that may be negative: `-coefficient / 10^scale` when `negative`. */
export interface SignedDecimal {
  readonly negative: boolean;
  readonly amount: DecimalAmount;
}

/** A platform id: a non-negative whole JSON number (Shopify, Magento) or a non-empty string, as a string. */
export const platformId: Codec<string> = leaf(
  'an id such as 450789469 or "450789469"',
  (u): u is string => typeof u === "string" && u !== "",
  (u) =>
    typeof u === "string" && u !== ""
      ? E.right(u)
      : typeof u === "number" && Number.isSafeInteger(u) && u >= 0
        ? E.right(String(u))
        : E.left('must be an id such as 450789469 or "450789469"'),
  (a) => a,
);

function readSigned(u: unknown): E.Either<string, SignedDecimal> {
  const expected = 'must be an amount such as "19.99" or 19.99';
  let text: string;
  if (typeof u === "string") text = u.trim();
  else if (typeof u === "number" && Number.isFinite(u)) text = String(u);
  else return E.left(expected);
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const amount = typeof u === "number" ? decimalFromNumber(Math.abs(u)) : parseDecimal(body);
  if (amount === undefined) return E.left(expected);
  return E.right({ negative: negative && amount.coefficient !== 0n, amount });
}

const isSigned = (u: unknown): u is SignedDecimal =>
  isObject(u) && typeof u["negative"] === "boolean" && isObject(u["amount"]);

/** Money as a platform writes it: `"19.99"`, `19.99` or (signed) `"-5.00"`. */
export const platformMoney: Codec<SignedDecimal> = leaf(
  'an amount such as "19.99" or 19.99',
  isSigned,
  readSigned,
  (d) => `${d.negative ? "-" : ""}${d.amount.coefficient}e-${d.amount.scale}`,
);

/**
 * A platform's rate text as the decimal string of [§1](../../docs/specification.md#1-money): `"0.06"` as it is,
 * exponent notation written out (`1e-7` → `"0.0000001"`, JavaScript's own
 * form of that number); `undefined` for a negative rate, a rate that is no
 * number, or one longer than a decimal may be (issue 12: such rates were
 * kept as written, and the order they made did not decode again).
 */
export function canonicalRate(text: string): string | undefined {
  if (parseDecimal(text) !== undefined) return text;
  const match = /^(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(text);
  if (match === null) return undefined;
  const digits = `${match[1]}${match[2] ?? ""}`;
  const point = (match[1] as string).length + Number(match[3]);
  if (!Number.isSafeInteger(point) || Math.abs(point) > 64) return undefined;
  const whole = point <= 0 ? "0" : digits.slice(0, point).padEnd(point, "0");
  const fraction = point <= 0 ? "0".repeat(-point) + digits : digits.slice(point);
  const plain = `${whole.replace(/^0+(?=\d)/, "")}${fraction === "" ? "" : `.${fraction}`}`;
  return parseDecimal(plain) === undefined ? undefined : plain;
}

/** A tax rate written as a number (`0.06`) or a string, as the decimal text of [§1](../../docs/specification.md#1-money) (see {@link canonicalRate}). */
export const platformRate: Codec<string> = leaf(
  "a rate such as 0.06",
  (u): u is string => typeof u === "string",
  (u) => {
    const text =
      typeof u === "string" ? u : typeof u === "number" && Number.isFinite(u) ? String(u) : "";
    const rate = canonicalRate(text);
    return rate !== undefined
      ? E.right(rate)
      : E.left(
          text.trim().startsWith("-")
            ? "must not be negative; it must be a rate such as 0.06"
            : "must be a rate such as 0.06",
        );
  },
  (a) => a,
);

/**
 * Collects problems found while mapping a decoded platform document to
 * domain values, each with its path in the platform document.
 */
export class Problems {
  private readonly errors: RefundError[] = [];

  /** An `INVALID_INPUT` at `path`. */
  invalid(path: string, problem: string): void {
    this.errors.push(refundErrors.invalidInput(path, problem));
  }

  /** An `INCONSISTENT_ORDER` at `path`. */
  inconsistent(path: string, problem: string): void {
    this.errors.push(refundErrors.inconsistentOrder(path, problem));
  }

  /** The problems found, if any. */
  list(): NonEmptyArray<RefundError> | undefined {
    const [first, ...rest] = this.errors;
    return first === undefined ? undefined : [first, ...rest];
  }

  /** `value` when nothing was found, else the problems. */
  result<A>(value: () => A): E.Either<NonEmptyArray<RefundError>, A> {
    const errors = this.list();
    return errors === undefined ? E.right(value()) : E.left(errors);
  }
}

/** A currency by code, or `undefined` after reporting it at `path`. */
export function currencyAt(code: string, path: string, problems: Problems): Currency | undefined {
  const currency = findCurrency(code);
  if (currency === undefined) problems.invalid(path, "is not a known ISO 4217 currency code");
  return currency;
}

/**
 * Signed minor units of `d` in `currency`; more fraction digits than the
 * currency has are reported at `path` (and give 0).
 */
export function signedMinor(
  d: SignedDecimal,
  currency: Currency | undefined,
  path: string,
  problems: Problems,
): bigint {
  if (currency === undefined) return 0n;
  const minor = toMinorUnits(d.amount, currency);
  if (minor === undefined) {
    problems.invalid(
      path,
      `has more fraction digits than ${currency.code} has (${currency.exponent})`,
    );
    return 0n;
  }
  return d.negative ? -minor : minor;
}

/** Non-negative minor units of `d`; a negative amount is reported at `path`. */
export function minorAt(
  d: SignedDecimal,
  currency: Currency | undefined,
  path: string,
  problems: Problems,
): bigint {
  const minor = signedMinor(d, currency, path, problems);
  if (minor < 0n) {
    problems.invalid(path, "must not be negative");
    return 0n;
  }
  return minor;
}

/** A bag from a negative platform amount (an outflow such as Shopify's `shipping_refund`), as positive money. */
export function negated(bag: MoneyBag): MoneyBag {
  return { shop: -bag.shop, presentment: -bag.presentment };
}

/** An exact decimal from presentment minor units, for requests. */
export function decimalOfMinor(minor: bigint, currency: Currency): DecimalAmount {
  return { coefficient: minor, scale: currency.exponent };
}

/**
 * An id as a platform whose ids are integers writes it: a JSON number when
 * the id is a whole number that JSON numbers hold exactly, else the string.
 */
export function platformIdJson(id: string): number | string {
  if (!/^(0|[1-9]\d*)$/.test(id)) return id;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : id;
}

/**
 * An amount as a platform that writes JSON numbers writes it: the number
 * when its shortest decimal form is exactly `text` less trailing zeros
 * (`"19.90"` → `19.9`), else the string, so no digit is ever lost.
 */
export function platformNumber(text: string): number | string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  const trimmed = text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  return String(n) === trimmed ? n : text;
}
