import { defineConfig } from "vitest/config";

/**
 * The scaling tests (test/scaling/): time ratios of 10× inputs, slow and
 * sensitive to a busy machine, so out of the default `npm test`. Run with
 * `npm run test:scaling`; one file at a time, no parallel workers, so that
 * the tests do not time each other.
 */
export default defineConfig({
  test: {
    include: ["test/scaling/**/*.test.ts", "test/scaling/**/*.scaling.ts"],
    environment: "node",
    setupFiles: ["test/setup/fastCheck.ts"],
    fileParallelism: false,
    testTimeout: 600_000,
  },
});
