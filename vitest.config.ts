import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The scaling tests time 10× inputs: `npm run test:scaling` (vitest.scaling.config.ts).
    exclude: ["test/scaling/**", "**/node_modules/**"],
    environment: "node",
    setupFiles: ["test/setup/fastCheck.ts"],
    // Worker processes keep their module graph from one test file to the
    // next: the sources, fp-ts, io-ts, fast-check and TypeScript are imported
    // once per worker instead of once per file, which was most of the suite's
    // time (docs/performance.md, "The test suite"). Test files must not rely
    // on fresh module state; none keeps any (setup files still run per file).
    pool: "forks",
    isolate: false,
  },
});
