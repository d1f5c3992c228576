// Mutation testing of the calculation code: `npm run test:mutation`.
// Not part of CI. See docs/mutation-testing.md for the score and the
// surviving mutants judged equivalent.

// A fixed fast-check seed: @fast-check/vitest puts the seed in each property's
// test name, so with random seeds Stryker's dry run and its mutant runs would
// not see the same tests. test/setup/fastCheck.ts reads it.
process.env.FC_SEED ??= "20240601";
// Half the property runs per mutant: a mutant is mostly killed in the first
// runs, and survivors (which run them all) dominate the time.
process.env.PROPERTY_RUNS_FACTOR ??= "0.5";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "test/setup/vitest.stryker.config.ts" },
  mutate: [
    "src/refund/**/*.ts",
    "src/order/**/*.ts",
    "src/money/**/*.ts",
    "src/calculate.ts",
    "src/applyRefund.ts",
    "src/refundStatus.ts",
  ],
  // Not copied to the sandbox: generated or unrelated files that other tools
  // rewrite while a run starts.
  ignorePatterns: ["docs", "examples", "bench", "dist*", "reports", "test/cli", "test/docs"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  timeoutMS: 60000,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: "always",
};
