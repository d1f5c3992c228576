/**
 * The vitest configuration Stryker runs (stryker.config.mjs): the project's
 * configuration limited to the tests of the calculation code — the engine's
 * example tests and the properties — so a mutant is never judged by tests
 * of other layers (CLI, docs) that spawn processes or type-check examples.
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
      "test/engine/**/*.test.ts",
      "test/policies/**/*.test.ts",
      "test/properties/**/*.test.ts",
    ],
    // seeds.test.ts calculates a memo in a describe block, outside any test:
    // every mutant on that path would be "static" and run against all tests.
    // codecs.test.ts checks the JSON layer, which is not mutated.
    exclude: ["test/engine/seeds.test.ts", "test/properties/codecs.test.ts", "**/node_modules/**"],
    // Share the module graph between test files: each mutant run re-imports
    // far less (the instrumented sources are large), which is most of its time.
    isolate: false,
  },
});
