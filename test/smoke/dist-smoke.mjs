// Smoke test of the built package, run by plain Node (no TypeScript, no
// bundler): `npm run test:smoke`. Imports dist/index.js by relative path, runs
// one refund from JSON (decode → calculate → encode), then runs the built
// command line once per exit status. Exits non-zero on any failure.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { calculate, decodeOrder, decodeRefundRequest, encodeCreditMemo } from "../../dist/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const example = join(root, "examples", "magento-tutorial");
// The command line as installed: the file package.json's `bin` names (the
// bundled dist/cli.cjs), and the unbundled modules it is built from.
const bin = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin["refund-core"];
const cli = join(root, bin);
const unbundled = join(root, "dist", "cli", "main.js");
const failures = [];

function check(what, actual, expected) {
  if (actual !== expected) failures.push(`${what}: expected ${expected}, got ${actual}`);
}

// 1. The library: one refund from JSON.
const order = decodeOrder(JSON.parse(readFileSync(join(example, "order.json"), "utf8")));
const request = decodeRefundRequest(
  JSON.parse(readFileSync(join(example, "request.json"), "utf8")),
);
if (order._tag !== "Right" || request._tag !== "Right") {
  failures.push(`decoding failed: ${JSON.stringify([order, request])}`);
} else {
  const memo = calculate(order.right, request.right);
  if (memo._tag !== "Right") failures.push(`calculate failed: ${JSON.stringify(memo.left)}`);
  else {
    const json = encodeCreditMemo(memo.right);
    check("memo total", json.total, "21.44");
    check("memo tax", json.tax, "1.64");
    check("transaction", json.transactions[0]?.amount, "21.44");
  }
}

// 2. The command line, with the request on standard input.
const ok = spawnSync(
  process.execPath,
  [cli, "calculate", "--order", join(example, "order.json"), "--request", "-"],
  { input: readFileSync(join(example, "request.json")), encoding: "utf8" },
);
check("cli status", ok.status, 0);
check("cli total", JSON.parse(ok.stdout || "{}").creditMemo?.total, "21.44");

for (const [argv, status] of [
  [["calculate", "--order", join(example, "order.json")], 64],
  [
    [
      "calculate",
      "--order",
      join(example, "missing.json"),
      "--request",
      join(example, "request.json"),
    ],
    2,
  ],
]) {
  const run = spawnSync(process.execPath, [cli, ...argv], { encoding: "utf8" });
  check(`cli ${argv.join(" ")} status`, run.status, status);
  check(`cli ${argv.join(" ")} ok`, JSON.parse(run.stdout || "{}").ok, false);
  if (/\n\s+at /.test(run.stderr)) failures.push(`stack trace on stderr: ${run.stderr}`);
}

// The bundle writes byte for byte what the modules write.
const args = [
  "calculate",
  "--order",
  join(example, "order.json"),
  "--request",
  join(example, "request.json"),
  "--format",
  "table",
];
const fromBundle = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
const fromModules = spawnSync(process.execPath, [unbundled, ...args], { encoding: "utf8" });
check("bundle and modules, table", fromBundle.stdout, fromModules.stdout);
check("bundle and modules, status", fromBundle.status, fromModules.status);

// audit --shard 1/2 and 2/2 together write what the audit of the whole file writes:
// 600 orders, one of them an unparsable line.
const orderLine = JSON.stringify(JSON.parse(readFileSync(join(example, "order.json"), "utf8")));
const jsonl = join(mkdtempSync(join(tmpdir(), "refund-core-smoke-")), "orders.jsonl");
const auditLines = Array.from({ length: 600 }, (_, i) =>
  i === 300 ? "{not json" : orderLine.replace(/"id":"[^"]*"/, `"id":"o${i}"`),
);
writeFileSync(jsonl, `${auditLines.join("\n")}\n`);
const wholeAudit = spawnSync(process.execPath, [cli, "audit", jsonl], { encoding: "utf8" });
const shardLines = [1, 2].map((i) =>
  spawnSync(process.execPath, [cli, "audit", "--shard", `${i}/2`, jsonl], { encoding: "utf8" })
    .stdout.trimEnd()
    .split("\n")
    .slice(0, -1),
);
const interleaved = auditLines.map((_, i) => shardLines[i % 2][Math.floor(i / 2)]);
check(
  "audit --shard 1/2 + 2/2 lines",
  interleaved.join("\n"),
  wholeAudit.stdout.trimEnd().split("\n").slice(0, -1).join("\n"),
);
check("audit lines", wholeAudit.stdout.trimEnd().split("\n").length, 601);

const help = execFileSync(process.execPath, [cli, "--help"], { encoding: "utf8" });
if (!help.includes("refund-core calculate")) failures.push("--help does not show the usage");

if (failures.length > 0) {
  console.error(`dist smoke test FAILED:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("dist smoke test passed");
