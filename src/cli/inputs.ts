/**
 * Reading the order and the request files: text → JSON → domain values, with
 * every problem reported as an input error naming its file.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import type { NonEmptyArray } from "fp-ts/lib/NonEmptyArray.js";
import { type RefundError, refundErrors } from "../errors.js";
import { duplicateKeys } from "./duplicateKeys.js";
import type { CliIo } from "./io.js";

/**
 * An error in the JSON failure document. Errors about the input files also
 * say which one: `"input": "order"` or `"input": "request"` (both documents
 * have paths such as `lineItems[0]`). `USAGE_ERROR` is the command line's own
 * code for a wrong command line (exit status 64).
 *
 * @example
 * ```ts
 * const e: CliError = { code: "INVALID_INPUT", message: "…", path: "lineItems[0].price", input: "order" };
 * ```
 * @category CLI
 */
export type CliError =
  | (RefundError & { readonly input?: InputName })
  | { readonly code: "USAGE_ERROR"; readonly message: string }
  | { readonly code: "INTERNAL_ERROR"; readonly message: string };

/**
 * The two input documents of `calculate` and `apply`.
 * @category CLI
 */
export type InputName = "order" | "request";

/**
 * How a file is named in messages.
 * @internal
 */
export function describeFile(file: string): string {
  return file === "-" ? "standard input" : `"${file}"`;
}

function inputError(input: InputName, message: string): CliError {
  return { code: "INVALID_INPUT", message, path: "", input };
}

const MAX_DETAIL = 160;

/**
 * Parses `text` as JSON; a leading byte order mark is ignored.
 *
 * @returns the value, or the parser's complaint (shortened).
 * @internal
 */
export function parseJson(text: string): Either<string, unknown> {
  try {
    return E.right(JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return E.left(detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail);
  }
}

/**
 * The `INVALID_INPUT` errors for keys given twice in the same object of
 * `text` (valid JSON): `JSON.parse` silently keeps the last, other readers
 * the first, so the document means different refunds to different readers.
 *
 * @param text - the JSON text, already parsed without error.
 * @returns one error per repeated key, at its path.
 * @internal
 */
export function duplicateKeyErrors(text: string): RefundError[] {
  return duplicateKeys(text).map((path) =>
    refundErrors.invalidInput(
      path,
      "is given more than once in the same object; JSON readers disagree on which one counts, so give it once",
    ),
  );
}

/**
 * Reads one input document as JSON, tagging every error with `input`.
 *
 * @param input - which document this is, for messages.
 * @param file - the file name, `"-"` for standard input.
 * @param io - file access.
 * @returns the JSON value, or why there is none: the file is unreadable (or
 * too large), is not JSON, or gives a key twice in one object.
 * @internal
 */
export async function readJson(
  input: InputName,
  file: string,
  io: CliIo,
): Promise<Either<readonly CliError[], unknown>> {
  const text = await io.readText(file);
  if (E.isLeft(text)) {
    return E.left([
      inputError(input, `The ${input} file ${describeFile(file)} could not be read: ${text.left}.`),
    ]);
  }
  const json = parseJson(text.right);
  if (E.isLeft(json)) {
    return E.left([
      inputError(
        input,
        `The ${input} in ${describeFile(file)} is not valid JSON (${json.left.replace(/\.$/, "")}).`,
      ),
    ]);
  }
  const repeated = duplicateKeyErrors(text.right);
  if (repeated.length > 0) return E.left(repeated.map((error): CliError => ({ ...error, input })));
  return E.right(json.right);
}

/**
 * Tags decoding errors with the document they are about.
 * @internal
 */
export function decodedInput<A>(
  input: InputName,
  decoded: Either<NonEmptyArray<RefundError>, A>,
): Either<readonly CliError[], A> {
  return E.isLeft(decoded)
    ? E.left(decoded.left.map((error): CliError => ({ ...error, input })))
    : E.right(decoded.right);
}
