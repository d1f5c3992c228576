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
  test: { ...base.test, include: ["test/engine/**/*.test.ts", "test/properties/**/*.test.ts"] },
});
