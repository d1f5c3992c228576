/**
 * The JSON:API frame of Commerce Layer documents: integer cents, the
 * resources of a compound document (`data` and `included`), and decoding a
 * resource's `attributes` with the problems reported at the resource's own
 * path (`included[3].attributes.total_amount_cents`).
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import type { RefundError } from "../../errors.js";
import { type Codec, leaf, optional, runDecoder, string, struct } from "../../json/codec.js";
import { platformId } from "../platformCodecs.js";

/**
 * Commerce Layer money: whole minor units ("cents"; whole yen for JPY),
 * a JSON integer or, as older samples write them, an integer string. Signed:
 * discounts and gift cards are negative.
 */
export const cents: Codec<bigint> = leaf(
  "a whole number of cents such as 1500",
  (u): u is bigint => typeof u === "bigint",
  (u) =>
    typeof u === "number" && Number.isSafeInteger(u)
      ? E.right(BigInt(u))
      : typeof u === "string" && /^-?\d{1,19}$/.test(u)
        ? E.right(BigInt(u))
        : E.left("must be a whole number of cents such as 1500"),
  (c) => Number(c),
);

/** A relationship to one resource: `{"data": {"type", "id"}}` (data may be null). */
export const toOne = optional(
  struct("a JSON:API relationship", {
    data: optional(struct("a resource identifier", { type: string, id: platformId })),
  }),
);

/** A resource of a compound document, attributes still undecoded. */
export const resource = struct("a JSON:API resource", {
  type: string,
  id: platformId,
});

/** A decoded resource: its type, id, where it is, and its raw object. */
export interface Resource {
  readonly type: string;
  readonly id: string;
  /** `data` or `included[i]`. */
  readonly path: string;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** Prefixes every error path with `prefix`. */
export function at(prefix: string, errors: NonEmptyArray<RefundError>): NonEmptyArray<RefundError> {
  const [first, ...rest] = errors.map((e) =>
    "path" in e && typeof e.path === "string"
      ? {
          ...e,
          path: e.path === "" ? prefix : `${prefix}.${e.path}`,
          message:
            e.path === ""
              ? e.message.replace("The input ", `The value at ${prefix} `)
              : e.message.replace(`at ${e.path}`, `at ${prefix}.${e.path}`),
        }
      : e,
  ) as RefundError[];
  return [first as RefundError, ...rest];
}

/** Decodes the field `field` of `r` with `codec`, problems at `r.path.field`. */
export function decodeField<A>(
  codec: Codec<A>,
  r: Resource,
  field: string,
): E.Either<NonEmptyArray<RefundError>, A> {
  const decoded = runDecoder(codec, Object.hasOwn(r.raw, field) ? r.raw[field] : undefined);
  return E.isLeft(decoded) ? E.left(at(`${r.path}.${field}`, decoded.left)) : decoded;
}
