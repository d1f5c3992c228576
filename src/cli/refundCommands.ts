/**
 * `calculate` and `apply`: a refund from an order file and a request file.
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import { applyRefund } from "../applyRefund.js";
import { calculate } from "../calculate.js";
import type { Order } from "../domain/order.js";
import type { RefundRequest } from "../domain/refundRequest.js";
import { encodeCreditMemo } from "../json/creditMemo.js";
import type { JsonObject } from "../json/json.js";
import { decodeOrder, encodeOrder } from "../json/order.js";
import { decodeRefundRequest } from "../json/refundRequest.js";
import type { OptionSpec, ParsedOptions } from "./args.js";
import { EXIT, exitCodeFor } from "./exitCode.js";
import type { CliError } from "./inputs.js";
import { readInput } from "./inputs.js";
import type { CliIo } from "./io.js";
import type { Subcommand } from "./subcommand.js";
import { writeDocument, writeFailure } from "./subcommand.js";
import { renderCreditMemoTable } from "./table.js";

interface RefundOptions {
  readonly order: string;
  readonly request: string;
  readonly pretty: boolean;
  readonly table: boolean;
}

/** Checks the options shared by `calculate` and `apply`. */
function refundOptions(parsed: ParsedOptions): Either<string, RefundOptions> {
  const order = parsed.values["order"];
  const request = parsed.values["request"];
  const pretty = parsed.flags.includes("pretty");
  const table = parsed.values["format"] === "table";
  const [extra] = parsed.positionals;
  if (extra !== undefined) return E.left(`Unexpected argument "${extra}".`);
  if (order === undefined) return E.left("The option --order FILE is required.");
  if (request === undefined) return E.left("The option --request FILE is required.");
  if (order === "-" && request === "-") {
    return E.left("Only one of --order and --request can read standard input (-).");
  }
  if (pretty && table) return E.left("--pretty and --format table cannot be used together.");
  return E.right({ order, request, pretty, table });
}

/** Reads and decodes the order and the request, reporting the problems of both. */
async function readOrderAndRequest(options: RefundOptions, io: CliIo) {
  const order = await readInput("order", options.order, decodeOrder, io);
  const request = await readInput("request", options.request, decodeRefundRequest, io);
  if (E.isRight(order) && E.isRight(request)) {
    return E.right({ order: order.right, request: request.right });
  }
  return E.left([
    ...(E.isLeft(order) ? order.left : []),
    ...(E.isLeft(request) ? request.left : []),
  ]);
}

/** Writes a failure and, for a person reading a table, its messages on standard error. */
function fail(io: CliIo, errors: readonly CliError[], options: RefundOptions): number {
  writeFailure(io, errors, options.pretty);
  if (options.table) {
    io.writeErr(
      `refund-core: no credit memo:\n${errors.map((e) => `  - ${e.message}`).join("\n")}\n`,
    );
  }
  return exitCodeFor(errors);
}

const refundOptionSpecs: readonly OptionSpec[] = [
  { name: "order", kind: "value" },
  { name: "request", kind: "value" },
  { name: "pretty", kind: "flag" },
];

/**
 * The `prepare` of a refund subcommand: read and decode both inputs,
 * `compute` the refund, `write` it; any failure is the failure document.
 */
function prepareRefund<A>(
  compute: (order: Order, request: RefundRequest) => Either<readonly CliError[], A>,
  write: (io: CliIo, result: A, options: RefundOptions) => void,
): Subcommand["prepare"] {
  return (parsed) =>
    E.map((options: RefundOptions) => async (io: CliIo): Promise<number> => {
      const inputs = await readOrderAndRequest(options, io);
      if (E.isLeft(inputs)) return fail(io, inputs.left, options);
      const result = compute(inputs.right.order, inputs.right.request);
      if (E.isLeft(result)) return fail(io, result.left, options);
      write(io, result.right, options);
      return EXIT.ok;
    })(refundOptions(parsed));
}

/**
 * `calculate --order FILE --request FILE [--pretty | --format table]`: the
 * credit memo the request gives, without changing the order.
 * @category CLI
 */
export const calculateCommand: Subcommand = {
  name: "calculate",
  usage: "refund-core calculate --order FILE --request FILE [--pretty | --format table]",
  summary: "Print the credit memo the refund request gives. Changes nothing.",
  options: [...refundOptionSpecs, { name: "format", kind: "value", choices: ["json", "table"] }],
  prepare: prepareRefund(calculate, (io, memo, options) => {
    if (options.table) io.writeOut(renderCreditMemoTable(memo));
    else writeDocument(io, { ok: true, creditMemo: encodeCreditMemo(memo) }, options.pretty);
  }),
};

/**
 * `apply --order FILE --request FILE [--pretty]`: the credit memo and the
 * order with the memo appended to its refunds.
 * @category CLI
 */
export const applyCommand: Subcommand = {
  name: "apply",
  usage: "refund-core apply     --order FILE --request FILE [--pretty]",
  summary: "Print the credit memo and the order with the memo appended to its refunds.",
  options: refundOptionSpecs,
  prepare: prepareRefund(applyRefund, (io, applied, options) => {
    const doc: JsonObject = {
      ok: true,
      creditMemo: encodeCreditMemo(applied.creditMemo),
      order: encodeOrder(applied.order),
    };
    writeDocument(io, doc, options.pretty);
  }),
};
