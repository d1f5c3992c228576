/**
 * The vitest configuration of the scoped mutation run of the line-amount
 * files (§3.9: `src/refund/progress.ts`, `lineRefund.ts`, `lineSelection.ts`;
 * see docs/mutation-testing.md): the engine's example tests, the policies,
 * and the two properties that exercise these files directly — the §3.9
 * reference in exact rationals and the plain `refundLine` reference. The
 * other properties cover the same code through whole refunds and would make
 * every mutant of `lineRefund.ts` run for minutes.
 */
import { defineConfig } from "vitest/config";
import stryker from "./vitest.stryker.config.js";

export default defineConfig({
  ...stryker,
  test: {
    ...stryker.test,
    include: [
      "test/engine/**/*.test.ts",
      "test/policies/**/*.test.ts",
      "test/properties/lineAmounts.test.ts",
      "test/properties/lineRefundReference.test.ts",
    ],
  },
});
