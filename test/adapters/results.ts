/**
 * Reading results in adapter tests: the value or a failure naming the
 * errors, the errors or a failure, and errors as `[code, path]` pairs.
 */
import * as E from "fp-ts/lib/Either.js";
import type { RefundError } from "../../src/errors.js";

/** The value of a Right; a Left fails the test with its errors. */
export function right<A>(result: E.Either<readonly RefundError[], A>): A {
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
}

/** The errors of a Left; a Right fails the test. */
export function left<A>(result: E.Either<readonly RefundError[], A>): readonly RefundError[] {
  if (E.isRight(result)) throw new Error("expected errors");
  return result.left;
}

/** Each error's code and path. */
export const paths = (errors: readonly RefundError[]): (string | undefined)[][] =>
  errors.map((e) => [e.code, "path" in e ? e.path : undefined]);
