/**
 * `calculate` and `apply`: a refund from an order file and a request file,
 * in refund-core's format or a platform's (`--platform`, §10), printed as
 * JSON, as a table, or as the request to send to a platform (`--emit`).
 *
 * @module
 */
import type { Either } from "fp-ts/lib/Either.js";
import * as E from "fp-ts/lib/Either.js";
import { PLATFORM_NAMES, PLATFORMS, type PlatformName } from "../adapters/platforms.js";
import { applyRefund } from "../applyRefund.js";
import { calculate } from "../calculate.js";
import type { CreditMemo } from "../domain/creditMemo.js";
import type { Order } from "../domain/order.js";
import { POLICY_NAMES, type PolicyName } from "../domain/policy.js";
import type { RefundRequest } from "../domain/refundRequest.js";
import { encodeCreditMemo } from "../json/creditMemo.js";
import type { JsonObject, JsonValue } from "../json/json.js";
import { encodeOrder } from "../json/order.js";
import { decodeRefundRequest } from "../json/refundRequest.js";
import { refundStatus } from "../refundStatus.js";
import type { OptionSpec, ParsedOptions } from "./args.js";
import { EXIT, exitCodeFor } from "./exitCode.js";
import type { CliError } from "./inputs.js";
import { decodedInput, readJson } from "./inputs.js";
import type { CliIo } from "./io.js";
import { likelyPlatform, platformHintError } from "./platformHint.js";
import { printable } from "./printable.js";
import type { Subcommand } from "./subcommand.js";
import { writeDocument, writeFailure } from "./subcommand.js";
import { DEFAULT_TABLE_WIDTH, renderCreditMemoTable } from "./table.js";

interface RefundOptions {
  readonly order: string;
  readonly request: string;
  readonly pretty: boolean;
  readonly table: boolean;
  readonly platform: PlatformName;
  readonly policy: PolicyName;
  readonly emit: PlatformName | undefined;
}

/** Checks the options shared by `calculate` and `apply`. */
function refundOptions(parsed: ParsedOptions): Either<string, RefundOptions> {
  const order = parsed.values["order"];
  const request = parsed.values["request"];
  const pretty = parsed.flags.includes("pretty");
  const table = parsed.values["format"] === "table";
  const platform = (parsed.values["platform"] ?? "canonical") as PlatformName;
  const policy = (parsed.values["policy"] ?? PLATFORMS[platform].policy) as PolicyName;
  const emit = parsed.values["emit"] as PlatformName | undefined;
  const [extra] = parsed.positionals;
  if (extra !== undefined) return E.left(`Unexpected argument "${extra}".`);
  if (order === undefined) return E.left("The option --order FILE is required.");
  if (request === undefined) return E.left("The option --request FILE is required.");
  for (const [name, file] of [
    ["order", order],
    ["request", request],
  ] as const) {
    if (file === "") return E.left(`The option --${name} needs a FILE (or - for standard input).`);
  }
  if (order === "-" && request === "-") {
    return E.left("Only one of --order and --request can read standard input (-).");
  }
  if (pretty && table) return E.left("--pretty and --format table cannot be used together.");
  if (emit !== undefined && table) {
    return E.left("--emit and --format table cannot be used together.");
  }
  return E.right({ order, request, pretty, table, platform, policy, emit });
}

/** The order document read as `platform`'s, with a hint when it looks like another platform's. */
function orderAs(json: unknown, platform: PlatformName): Either<readonly CliError[], Order> {
  const order = decodedInput("order", PLATFORMS[platform].readOrder(json));
  const likely = E.isLeft(order) ? likelyPlatform(json, platform) : undefined;
  if (E.isRight(order) || likely === undefined) return order;
  return E.left([{ ...platformHintError(likely), input: "order" }, ...order.left]);
}

/**
 * Reads the order and the request in `options.platform`'s format, reporting
 * the problems of both (a platform request is read against its order, so
 * with a broken order only its JSON is checked). An order that looks like
 * another platform's gets a hint naming that `--platform`.
 */
async function readOrderAndRequest(
  options: RefundOptions,
  io: CliIo,
): Promise<Either<readonly CliError[], { order: Order; request: RefundRequest }>> {
  const platform = PLATFORMS[options.platform];
  const orderJson = await readJson("order", options.order, io);
  const requestJson = await readJson("request", options.request, io);
  const order: Either<readonly CliError[], Order> = E.isLeft(orderJson)
    ? E.left(orderJson.left)
    : orderAs(orderJson.right, options.platform);
  let request: Either<readonly CliError[], RefundRequest | undefined> = E.right(undefined);
  if (E.isLeft(requestJson)) request = requestJson;
  else if (E.isRight(order)) {
    request = decodedInput("request", platform.readRequest(requestJson.right, order.right));
  } else if (options.platform === "canonical") {
    request = decodedInput("request", decodeRefundRequest(requestJson.right));
  }
  if (E.isRight(order) && E.isRight(request) && request.right !== undefined) {
    return E.right({ order: order.right, request: request.right });
  }
  return E.left([
    ...(E.isLeft(order) ? order.left : []),
    ...(E.isLeft(request) ? request.left : []),
  ]);
}

/** Whether an error is about an input file as a whole (unreadable, too large, not JSON, a hint). */
function aboutWholeFile(error: CliError): boolean {
  return "input" in error && error.input !== undefined && "path" in error && error.path === "";
}

/**
 * Writes a failure. A person reading a table gets its messages on standard
 * error too; in JSON mode, so do problems with a file as a whole (a missing
 * file, say), which a person typing the command would otherwise not see.
 */
function fail(io: CliIo, errors: readonly CliError[], options: RefundOptions): number {
  writeFailure(io, errors, options.pretty);
  const told = options.table ? errors : errors.filter(aboutWholeFile);
  if (told.length > 0) {
    const heading = options.table ? "no credit memo:" : "cannot read the input:";
    const lines = told.map((e) => `  - ${printable(e.message)}`).join("\n");
    io.writeErr(`refund-core: ${heading}\n${lines}\n`);
  }
  return exitCodeFor(errors);
}

/** The options of `calculate` and `apply`, in their help's order. */
const refundOptionSpecs: readonly OptionSpec[] = [
  {
    name: "order",
    kind: "value",
    valueName: "FILE",
    help: "The order (§2, or the --platform's own); - is standard input.",
  },
  {
    name: "request",
    kind: "value",
    valueName: "FILE",
    help: "The refund request (§4, or the --platform's own); - is standard input (only one of --order and --request can read it).",
  },
  { name: "pretty", kind: "flag", help: "Indent the JSON output." },
  {
    name: "format",
    kind: "value",
    valueName: "json|table",
    choices: ["json", "table"],
    help: "table: the credit memo for a person; json (the default): JSON.",
  },
  {
    name: "policy",
    kind: "value",
    valueName: "NAME",
    choices: POLICY_NAMES,
    help: `The rules (§9.1): ${POLICY_NAMES.join(", ")}. Default: the --platform's own (shopify, magento; default for the others, §10).`,
  },
  {
    name: "platform",
    kind: "value",
    valueName: "NAME",
    choices: PLATFORM_NAMES,
    help: `The format of both files (§10): ${PLATFORM_NAMES.join(", ")}. Default: canonical, refund-core's own.`,
  },
  {
    name: "emit",
    kind: "value",
    valueName: "NAME",
    choices: PLATFORM_NAMES,
    help: `Print, in the credit memo's place, the request to send to that platform (§10): ${PLATFORM_NAMES.join(", ")}.`,
  },
];

/** What a refund command computes: the memo, and for `apply` the order after it. */
interface Refunded {
  readonly creditMemo: CreditMemo;
  readonly order?: Order;
}

/**
 * The `prepare` of a refund subcommand: read and decode both inputs,
 * `compute` the refund, print it (JSON, table, or the emitted request); any
 * failure is the failure document.
 */
function prepareRefund(
  compute: (
    order: Order,
    request: RefundRequest,
    policy: PolicyName,
  ) => Either<readonly CliError[], Refunded>,
): Subcommand["prepare"] {
  return (parsed) =>
    E.map((options: RefundOptions) => async (io: CliIo): Promise<number> => {
      const inputs = await readOrderAndRequest(options, io);
      if (E.isLeft(inputs)) return fail(io, inputs.left, options);
      const result = compute(inputs.right.order, inputs.right.request, options.policy);
      if (E.isLeft(result)) return fail(io, result.left, options);
      const { creditMemo, order } = result.right;
      if (options.table) {
        io.writeOut(
          renderCreditMemoTable(creditMemo, {
            order: inputs.right.order,
            width: io.columns ?? DEFAULT_TABLE_WIDTH,
          }),
        );
        if (order !== undefined) io.writeOut(orderAfter(order));
        return EXIT.ok;
      }
      const encodedOrder = order === undefined ? {} : { order: encodeOrder(order) };
      if (options.emit === undefined) {
        const doc: JsonObject = {
          ok: true,
          creditMemo: encodeCreditMemo(creditMemo),
          ...encodedOrder,
        };
        writeDocument(io, doc, options.pretty);
        return EXIT.ok;
      }
      const emitted = PLATFORMS[options.emit].emitRequest(creditMemo, inputs.right.order);
      if (E.isLeft(emitted)) return fail(io, emitted.left, options);
      const doc: JsonObject = {
        ok: true,
        platform: options.emit,
        request: emitted.right as JsonValue,
        ...encodedOrder,
      };
      writeDocument(io, doc, options.pretty);
      return EXIT.ok;
    })(refundOptions(parsed));
}

/** The line under `apply --format table`: what the order is now. */
function orderAfter(order: Order): string {
  const status = refundStatus(order).replace("_", " ");
  const n = order.refunds.length;
  return `\nOrder ${order.id} after this refund: ${status} (${n} credit memo${n === 1 ? "" : "s"}).\n`;
}

const refundDetails = (document: string): string => `Output:
  ${document}
  --emit P    {"ok": true, "platform": "P", "request": {...}}${document.includes("order") ? ', plus "order"' : ""}
  failure     {"ok": false, "errors": [{"code", "message", "path", ...}]}

Exit status: 0 success, 1 the refund is rejected, 2 invalid input, 64 usage
error.`;

/**
 * `calculate --order FILE --request FILE [--pretty | --format table]
 * [--policy NAME] [--platform NAME] [--emit NAME]`: the credit memo the
 * request gives, without changing the order.
 * @category CLI
 */
export const calculateCommand: Subcommand = {
  name: "calculate",
  usage:
    "refund-core calculate --order FILE --request FILE [--pretty | --format table]\n                      [--policy NAME] [--platform NAME] [--emit NAME]",
  summary: "Print the credit memo the refund request gives. Changes nothing.",
  options: refundOptionSpecs,
  details: `${refundDetails('calculate   {"ok": true, "creditMemo": {...}}')}

Example:
  refund-core calculate --order examples/magento-tutorial/order.json \\
    --request examples/magento-tutorial/request.json --format table`,
  prepare: prepareRefund((order, request, policy) =>
    E.map((creditMemo: CreditMemo): Refunded => ({ creditMemo }))(
      calculate(order, request, policy),
    ),
  ),
};

/**
 * `apply --order FILE --request FILE [--pretty | --format table]
 * [--policy NAME] [--platform NAME] [--emit NAME]`: the credit memo and the
 * order (in refund-core's format) with the memo appended to its refunds.
 * @category CLI
 */
export const applyCommand: Subcommand = {
  name: "apply",
  usage:
    "refund-core apply     --order FILE --request FILE [--pretty | --format table]\n                      [--policy NAME] [--platform NAME] [--emit NAME]",
  summary: "Print the credit memo and the order with the memo appended to its refunds.",
  options: refundOptionSpecs,
  details: `${refundDetails('apply       {"ok": true, "creditMemo": {...}, "order": {...}}')}
The order is printed in refund-core's own format (§2), whatever
--platform read.`,
  prepare: prepareRefund(applyRefund),
};
