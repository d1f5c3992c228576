import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The scaling tests time 10× inputs: `npm run test:scaling` (vitest.scaling.config.ts).
    exclude: ["test/scaling/**", "**/node_modules/**"],
    environment: "node",
    setupFiles: ["test/setup/fastCheck.ts"],
  },
});
