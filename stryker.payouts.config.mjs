// A scoped mutation run of the payout module (§3.7, §3.8 v2):
// `npx stryker run stryker.payouts.config.mjs`. The tests are those that pay
// money out (test/setup/vitest.stryker.payouts.config.ts); see
// docs/mutation-testing.md ("Scoped run: the payouts").
import base from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: "test/setup/vitest.stryker.payouts.config.ts" },
  mutate: ["src/refund/transactions.ts"],
  concurrency: 1,
  incremental: false,
  reporters: ["clear-text", "progress-append-only", "json"],
  jsonReporter: { fileName: "reports/mutation/payouts.json" },
};
