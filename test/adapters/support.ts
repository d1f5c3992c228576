/**
 * What the adapter tests share: reading a fixture, and unwrapping results.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import type { RefundError } from "../../src/errors.js";

/** A fixture of test/adapters/fixtures/ as parsed JSON. */
export const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

/** The value of a result that must succeed. */
export function right<A>(result: E.Either<readonly RefundError[], A>): A {
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
}

/** The errors of a result that must fail. */
export function left<A>(result: E.Either<readonly RefundError[], A>): readonly RefundError[] {
  if (E.isRight(result)) throw new Error("expected errors");
  return result.left;
}

/** Each error's code and path. */
export const paths = (errors: readonly RefundError[]) =>
  errors.map((e) => [e.code, "path" in e ? e.path : undefined]);
