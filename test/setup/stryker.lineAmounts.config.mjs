// The scoped mutation run of the line-amount files (§3.9), one process:
// npx stryker run test/setup/stryker.lineAmounts.config.mjs
// See docs/mutation-testing.md for the result.
import base from "../../stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: "test/setup/vitest.stryker.lineAmounts.config.ts" },
  mutate: ["src/refund/progress.ts", "src/refund/lineRefund.ts", "src/refund/lineSelection.ts"],
  concurrency: 1,
  incrementalFile: "reports/stryker-lineAmounts-incremental.json",
  htmlReporter: { fileName: "reports/mutation-lineAmounts/mutation.html" },
  jsonReporter: { fileName: "reports/mutation-lineAmounts/mutation.json" },
};
