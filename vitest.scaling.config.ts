import { defineConfig } from "vitest/config";

/**
 * The scaling tests (test/scaling/*.scaling.ts): each compares the time of
 * 10× the input with 10× the time of the input, as a ratio in one process.
 * They take seconds and want a quiet machine, so the default `npm test`
 * (vitest.config.ts, `*.test.ts`) leaves them out; run them with
 * `npm run test:scaling`.
 */
export default defineConfig({
  test: {
    include: ["test/scaling/**/*.scaling.ts"],
    environment: "node",
    testTimeout: 300_000,
  },
});
