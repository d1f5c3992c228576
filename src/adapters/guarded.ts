/**
 * The last line of an adapter's totality: whatever reading or writing a
 * platform's JSON throws (a getter, a proxy, an argument of the wrong type
 * from untyped code) becomes an `INVALID_INPUT` error, never an exception.
 *
 * @module
 */
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import { type RefundError, refundErrors } from "../errors.js";

/** `run()`, or an `INVALID_INPUT` for the whole input when it throws. */
export function guarded<A>(
  run: () => E.Either<NonEmptyArray<RefundError>, A>,
): E.Either<NonEmptyArray<RefundError>, A> {
  try {
    return run();
  } catch {
    return E.left([refundErrors.invalidInput("", "could not be read as JSON data")]);
  }
}
