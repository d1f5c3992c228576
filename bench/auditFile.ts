/**
 * The whole-process audit measurement (docs/performance.md): writes a JSON
 * Lines file of typical orders, and reads one back the way the floor does —
 * line by line with `readline` over a read stream, as `refund-core audit`
 * reads, and `JSON.parse` of each line, nothing else.
 *
 * ```sh
 * npx tsc -p tsconfig.bench.json
 * node dist-bench/bench/auditFile.js write 20000 /tmp/orders.jsonl   # 20,000 typical orders
 * node dist-bench/bench/auditFile.js floor /tmp/orders.jsonl         # the floor: read + JSON.parse
 * node dist/cli.cjs audit /tmp/orders.jsonl > /dev/null              # the audit
 * ```
 */
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { encodeOrder } from "../src/json/order.js";
import { typicalOrder } from "./scenarios.js";

const [mode, ...rest] = process.argv.slice(2);
if (mode === "write") {
  const count = Number(rest[0] ?? "20000");
  const out = createWriteStream(rest[1] ?? "orders.jsonl");
  for (let i = 0; i < count; i++) {
    if (!out.write(`${JSON.stringify(encodeOrder(typicalOrder(i)))}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
} else if (mode === "floor") {
  let parsed = 0;
  const lines = createInterface({
    input: createReadStream(rest[0] ?? "orders.jsonl", { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const text of lines) if (text !== "" && JSON.parse(text) !== null) parsed += 1;
  console.log(parsed);
} else {
  throw new Error("usage: auditFile.js write COUNT FILE | floor FILE");
}
