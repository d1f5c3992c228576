import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
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
