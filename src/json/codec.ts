/**
 * The codec toolkit of the JSON boundary: io-ts `Type`s with messages a
 * person can act on, JSON paths such as `lineItems[2].price`, fresh output
 * objects (no prototype pollution: only known keys are read, with own-property
 * checks, and only known keys are written) and `null` read as "absent" for
 * optional fields.
 *
 * Every codec's `name` is the description of what it expects ("a whole
 * number of at least 1"), so every failure reads "must be <name>".
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import * as t from "io-ts/lib/index.js";
import type { RefundError } from "../errors.js";
import { refundErrors } from "../errors.js";
import type { JsonObject, JsonValue } from "./json.js";

/**
 * A codec between a domain value `A` and its JSON form.
 * @internal
 */
export type Codec<A> = t.Type<A, JsonValue, unknown>;

/**
 * A codec for a field that may be absent: its JSON form may be `undefined` (not written).
 * @internal
 */
export type FieldCodec<A> = t.Type<A, JsonValue | undefined, unknown>;

/**
 * Marks a validation error as an `INCONSISTENT_ORDER` rather than an
 * `INVALID_INPUT`: the JSON is well formed but contradicts the order.
 */
class Inconsistency {
  constructor(readonly actual: unknown) {}
}

/**
 * The context of a probe: `runDecoder` first validates with this context,
 * which structs and arrays hand down unchanged instead of appending a
 * context entry per field and element (an array copy and an object each,
 * for every value read). Contexts are only read for errors; a probe that
 * succeeds is the result, one that fails is discarded at its first problem
 * and the input validated again with real contexts, which spell every
 * problem's path. So a valid document allocates no context, and an invalid
 * one costs at most one extra partial pass.
 */
const PROBE: t.Context = Object.freeze([]);

/**
 * A failure at context `c` whose message is `problem` ("must be ...").
 * @internal
 */
export function fail<A>(u: unknown, c: t.Context, problem: string): t.Validation<A> {
  return t.failure(u, c, problem);
}

/**
 * A failure that reports `INCONSISTENT_ORDER` at context `c`.
 */
function failInconsistent<A>(u: unknown, c: t.Context, problem: string): t.Validation<A> {
  return t.failure(new Inconsistency(u), c, problem);
}

/**
 * Whether `u` is a plain JSON-like object (not null, not an array).
 * @internal
 */
export function isObject(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === "object" && u !== null && !Array.isArray(u);
}

/**
 * The own property `key` of `u`, never an inherited one (`constructor`, `__proto__`).
 * @internal
 */
export function ownField(u: unknown, key: string): unknown {
  return isObject(u) && Object.hasOwn(u, key) ? u[key] : undefined;
}

/** The message for a missing required value. */
function missing(name: string): string {
  return `is required but missing; it must be ${name}`;
}

/**
 * A required codec: `undefined` (absent) and `null` fail with a message
 * naming what is expected; anything else goes to `validate`.
 */
function required<A>(
  name: string,
  is: (u: unknown) => u is A,
  validate: (u: unknown, c: t.Context) => t.Validation<A>,
  encode: (a: A) => JsonValue,
): Codec<A> {
  return new t.Type<A, JsonValue, unknown>(
    name,
    is,
    (u, c) => {
      if (u === undefined) return fail(u, c, missing(name));
      if (u === null) return fail(u, c, `must be ${name}, not null`);
      return validate(u, c);
    },
    encode,
  );
}

/**
 * A codec for a required value: absent and `null` fail as for every
 * required value; anything else goes to `parse`, which returns the decoded
 * value or the problem ("must be ...").
 * @internal
 */
export function leaf<A>(
  name: string,
  is: (u: unknown) => u is A,
  parse: (u: unknown) => E.Either<string, A>,
  encode: (a: A) => JsonValue,
): Codec<A> {
  return required(
    name,
    is,
    (u, c) => {
      const parsed = parse(u);
      return E.isRight(parsed) ? t.success(parsed.right) : fail(u, c, parsed.left);
    },
    encode,
  );
}

/**
 * A required JSON value read and written unchanged when `ok` accepts it;
 * otherwise the problem is `problem(u)`, by default "must be <name>".
 * @internal
 */
export function guarded<A extends JsonValue>(
  name: string,
  ok: (u: unknown) => u is A,
  problem: (u: unknown) => string = () => `must be ${name}`,
): Codec<A> {
  return leaf(
    name,
    ok,
    (u) => (ok(u) ? E.right(u) : E.left(problem(u))),
    (a) => a,
  );
}

/**
 * Any string.
 * @internal
 */
export const string: Codec<string> = guarded("a string", (u): u is string => typeof u === "string");

/**
 * A non-empty string naming something (ids are strings, even when they look like numbers).
 * @internal
 */
export const id: Codec<string> = guarded(
  'a non-empty string such as "3" (ids are written in quotes)',
  (u): u is string => typeof u === "string" && u !== "",
  (u) =>
    typeof u === "number"
      ? `must be a string: write the id in quotes, such as "${Number.isFinite(u) ? u : 3}"`
      : 'must be a non-empty string such as "3"',
);

/**
 * `true` or `false`.
 * @internal
 */
export const boolean: Codec<boolean> = guarded(
  "true or false",
  (u): u is boolean => typeof u === "boolean",
);

/**
 * Any JSON number, passed on unchanged (the engine judges it).
 * @internal
 */
export const number: Codec<number> = guarded(
  "a number",
  (u): u is number => typeof u === "number",
  () => "must be a number such as 1",
);

/**
 * A whole number from `min` up to `Number.MAX_SAFE_INTEGER`.
 * @internal
 */
export function integer(min: number): Codec<number> {
  return guarded(
    `a whole number of at least ${min}`,
    (u): u is number => Number.isSafeInteger(u) && (u as number) >= min,
  );
}

/**
 * One of a few strings.
 * @internal
 */
export function oneOf<A extends string>(values: readonly A[]): Codec<A> {
  return guarded(
    `one of ${values.map((v) => `"${v}"`).join(", ")}`,
    (u): u is A => typeof u === "string" && (values as readonly string[]).includes(u),
  );
}

/**
 * An optional field: absent or `null` decodes to `undefined`, which is not written back.
 * @internal
 */
export function optional<A>(codec: Codec<A>): FieldCodec<A | undefined> {
  return new t.Type<A | undefined, JsonValue | undefined, unknown>(
    codec.name,
    (u): u is A | undefined => u === undefined || codec.is(u),
    (u, c) => (u === undefined || u === null ? t.success(undefined) : codec.validate(u, c)),
    (a) => (a === undefined ? undefined : codec.encode(a)),
  );
}

/**
 * A field with a default: absent or `null` decodes to `fallback`; the value is always written.
 * @internal
 */
export function withDefault<A>(codec: Codec<A>, fallback: A): Codec<A> {
  return new t.Type<A, JsonValue, unknown>(
    codec.name,
    codec.is,
    (u, c) => (u === undefined || u === null ? t.success(fallback) : codec.validate(u, c)),
    codec.encode,
  );
}

/**
 * A field that may be `null` (written as `null`); absent decodes to `null` too.
 * @internal
 */
export function nullable<A>(codec: Codec<A>): Codec<A | null> {
  return new t.Type<A | null, JsonValue, unknown>(
    `${codec.name} or null`,
    (u): u is A | null => u === null || codec.is(u),
    (u, c) => (u === undefined || u === null ? t.success(null) : codec.validate(u, c)),
    (a) => (a === null ? null : codec.encode(a)),
  );
}

/**
 * A JSON array of `codec` values; every element's problems are reported, at `[i]`.
 * @internal
 */
export function array<A>(codec: Codec<A>, name: string): Codec<readonly A[]> {
  return required(
    name,
    (u): u is readonly A[] => Array.isArray(u) && u.every((x) => codec.is(x)),
    (u, c) => {
      if (!Array.isArray(u)) return fail(u, c, `must be ${name}`);
      const values: A[] = [];
      const errors: t.ValidationError[] = [];
      for (let i = 0; i < u.length; i++) {
        const element: unknown = u[i];
        const result = codec.validate(
          element,
          c === PROBE ? PROBE : t.appendContext(c, `[${i}]`, codec, element),
        );
        if (E.isRight(result)) values.push(result.right);
        else if (c === PROBE) return result;
        else errors.push(...result.left);
      }
      return errors.length > 0 ? t.failures(errors) : t.success(values);
    },
    (a) => a.map((x) => codec.encode(x)),
  );
}

/**
 * The fields of a JSON object and their codecs, in the order they are written.
 * @internal
 */
export type Props = Readonly<Record<string, t.Mixed>>;

type OptionalKeys<P extends Props> = {
  [K in keyof P]: undefined extends t.TypeOf<P[K]> ? K : never;
}[keyof P];
type RequiredKeys<P extends Props> = Exclude<keyof P, OptionalKeys<P>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The decoded form of an object with fields `P`: fields whose codec may give
 * `undefined` are optional properties, absent rather than `undefined`
 * (`exactOptionalPropertyTypes`).
 * @internal
 */
export type StructOf<P extends Props> = Simplify<
  { readonly [K in RequiredKeys<P>]: t.TypeOf<P[K]> } & {
    readonly [K in OptionalKeys<P>]?: Exclude<t.TypeOf<P[K]>, undefined>;
  }
>;

/**
 * A problem found by a cross-field check: the field it is reported at ("" for the object) and the message.
 * @internal
 */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
  /** Report as `INCONSISTENT_ORDER` instead of `INVALID_INPUT`. */
  readonly inconsistent?: boolean;
}

/**
 * A JSON object with fields `props`. Unknown keys are ignored; only own
 * properties are read; the result is a fresh object holding only the known
 * fields. `check` sees whatever fields decoded (even when others failed) and
 * the raw object, and adds cross-field problems, so all problems are reported together.
 * @internal
 */
export function struct<P extends Props>(
  name: string,
  props: P,
  check?: (
    fields: Partial<StructOf<P>>,
    raw: Readonly<Record<string, unknown>>,
  ) => readonly FieldProblem[],
): Codec<StructOf<P>> {
  const keys = Object.keys(props).filter((k) => props[k] !== undefined);
  const codecs = keys.map((k) => props[k]);
  const is = (u: unknown): u is StructOf<P> =>
    isObject(u) && keys.every((k) => props[k]?.is(ownField(u, k)) ?? false);
  return required(
    name,
    is,
    (u, c) => {
      if (!isObject(u)) return fail(u, c, `must be ${name}`);
      const out: Record<string, unknown> = {};
      const errors: t.ValidationError[] = [];
      // Indexed over the lists made once per codec: no iterator and no keyed
      // look-up in `props` per field read.
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string;
        const codec = codecs[i] as t.Mixed;
        const raw = Object.hasOwn(u, k) ? u[k] : undefined;
        const result = codec.validate(raw, c === PROBE ? PROBE : t.appendContext(c, k, codec, raw));
        if (E.isLeft(result)) {
          if (c === PROBE) return result;
          errors.push(...result.left);
        } else if (result.right !== undefined) out[k] = result.right;
      }
      for (const p of check?.(out as Partial<StructOf<P>>, u) ?? []) {
        const raw = p.field === "" ? u : ownField(u, p.field);
        const at = p.field === "" ? c : t.appendContext(c, p.field, t.unknown, raw);
        const failure = p.inconsistent
          ? failInconsistent(raw, at, p.problem)
          : fail(raw, at, p.problem);
        if (E.isLeft(failure)) errors.push(...failure.left);
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as StructOf<P>);
    },
    (a) => {
      const out: Record<string, JsonValue> = {};
      const record = a as Readonly<Record<string, unknown>>;
      for (const k of keys) {
        const codec = props[k];
        if (codec === undefined) continue;
        const encoded = codec.encode(record[k]);
        if (encoded !== undefined) out[k] = encoded;
      }
      return out as JsonObject;
    },
  );
}

/**
 * A codec whose decoded values are converted by `to` and encoded back
 * through `from`; `is` recognises the converted values.
 * @internal
 */
export function map<A, B>(
  codec: Codec<A>,
  is: (u: unknown) => u is B,
  to: (a: A) => B,
  from: (b: B) => A,
): Codec<B> {
  return new t.Type<B, JsonValue, unknown>(
    codec.name,
    is,
    (u, c) => {
      const result = codec.validate(u, c);
      return E.isRight(result) ? t.success(to(result.right)) : result;
    },
    (b) => codec.encode(from(b)),
  );
}

/**
 * A cache of codecs by key: `cached(key, build)` returns the codec built for
 * `key` before, else builds it (and keeps it, unless `key` is `undefined`).
 * Decoding a document built its whole codec tree for the document's
 * currencies every time; codecs hold no state, so one tree per key serves
 * every document, and the results are the same.
 * @internal
 */
export function memoized<C>(): (key: string | undefined, build: () => C) => C {
  const cache = new Map<string, C>();
  return (key, build) => {
    if (key === undefined) return build();
    const known = cache.get(key);
    if (known !== undefined) return known;
    const built = build();
    cache.set(key, built);
    return built;
  };
}

/**
 * Renders a validation context as a JSON path: `lineItems[2].price.shop` ("" for the root).
 * @internal
 */
export function pathOf(context: t.Context): string {
  let path = "";
  for (const entry of context.slice(1)) {
    if (entry.key.startsWith("[")) path += entry.key;
    else path += path === "" ? entry.key : `.${entry.key}`;
  }
  return path;
}

/**
 * The refund errors for io-ts validation errors: one per problem, in the order found.
 */
function toRefundErrors(errors: t.Errors): NonEmptyArray<RefundError> {
  const converted = errors.map((e): RefundError => {
    const path = pathOf(e.context);
    const problem = e.message ?? "does not have the expected shape";
    return e.value instanceof Inconsistency
      ? refundErrors.inconsistentOrder(path, problem)
      : refundErrors.invalidInput(path, problem);
  });
  const [first, ...rest] = converted;
  return first === undefined
    ? [refundErrors.invalidInput("", "could not be read")]
    : [first, ...rest];
}

/**
 * Runs a codec on untrusted input, converting its failures to refund errors.
 * Never throws: should anything unexpected be thrown while reading exotic
 * input (a getter, a proxy), the input is reported as unreadable.
 * @internal
 */
export function runDecoder<A>(
  codec: t.Decoder<unknown, A>,
  json: unknown,
): E.Either<NonEmptyArray<RefundError>, A> {
  try {
    const probe = codec.validate(json, PROBE);
    if (E.isRight(probe)) return probe;
    const result = codec.validate(json, [{ key: "", type: codec, actual: json }]);
    return E.isRight(result) ? result : E.left(toRefundErrors(result.left));
  } catch {
    return E.left([refundErrors.invalidInput("", UNREADABLE)]);
  }
}

/**
 * {@link runDecoder} for a codec made from the input: one that depends on
 * fields read before decoding (the currencies of an order or memo), or a
 * document taken out of an envelope (`{"order": …}`). `prepare` runs inside
 * the same guard as the decoding, so that a getter or a Proxy that throws
 * while it reads is reported as unreadable too, never thrown (issue 12).
 * @internal
 */
export function runPreparedDecoder<A>(
  json: unknown,
  prepare: (json: unknown) => { readonly codec: t.Decoder<unknown, A>; readonly input: unknown },
): E.Either<NonEmptyArray<RefundError>, A> {
  let prepared: { readonly codec: t.Decoder<unknown, A>; readonly input: unknown };
  try {
    prepared = prepare(json);
  } catch {
    return E.left([refundErrors.invalidInput("", UNREADABLE)]);
  }
  return runDecoder(prepared.codec, prepared.input);
}

/**
 * The problem reported when reading the input threw (never for values `JSON.parse` returns).
 */
const UNREADABLE = "could not be read as JSON data";
