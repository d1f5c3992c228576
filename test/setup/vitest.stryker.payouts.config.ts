/**
 * A scoped mutation run of the payout module (`src/refund/transactions.ts`,
 * §3.7/§3.8): the engine's example tests and properties that pay money out,
 * so that a run on 2 shared cores ends in minutes. See
 * docs/mutation-testing.md ("Scoped run: the payouts").
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import base from "../../vitest.config.js";

export default defineConfig({
  ...base,
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    ...base.test,
    include: [
      "test/engine/payouts.test.ts",
      "test/engine/error-rounds.test.ts",
      "test/engine/error-data-sides.test.ts",
      "test/engine/request-checks.test.ts",
      "test/engine/errors.test.ts",
      "test/engine/rules.test.ts",
      "test/engine/edge-cases.test.ts",
      "test/properties/payouts.test.ts",
      "test/properties/totals.test.ts",
      "test/properties/model.test.ts",
      "test/properties/conservation.test.ts",
    ],
    isolate: false,
  },
});
