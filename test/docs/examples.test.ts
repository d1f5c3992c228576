/**
 * Every `@example` of the API docs, and every ```ts block of the guides and
 * the README, type-checks and runs against the sources. `"refund-core"` is
 * rewritten to `src/index.ts`; `expression; // => value` lines are assertions.
 * A broken example fails here, not in a reader's hands.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { allExamples, compilerOptions, type Example, ROOT, toModule } from "./extract.js";

const options = compilerOptions();
const sources = ts.createProgram([join(ROOT, "src", "index.ts")], options);
const examples = allExamples(sources);
const dir = join(ROOT, "test", "docs", `.examples-${process.pid}`);
mkdirSync(dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const index = relative(dir, join(ROOT, "src", "index.js")).replaceAll("\\", "/");
const files = examples.map((example, i) => {
  const file = join(dir, `example-${i}.ts`);
  writeFileSync(file, toModule(example, index.startsWith(".") ? index : `./${index}`));
  return { example, file };
});

/** Type errors of the examples, with the line in the documentation they come from. */
function typeErrors(): Map<string, string[]> {
  const program = ts.createProgram(
    files.map((f) => f.file),
    options,
    undefined,
    sources,
  );
  const byFile = new Map<string, string[]>();
  for (const { example, file } of files) {
    const source = program.getSourceFile(file);
    const diagnostics = source === undefined ? [] : ts.getPreEmitDiagnostics(program, source);
    const messages = diagnostics.map((d) => {
      const line =
        d.start === undefined ? 0 : (source?.getLineAndCharacterOfPosition(d.start).line ?? 0);
      return `${example.where} (example line ${line - 3}): ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    if (messages.length > 0) byFile.set(file, messages);
  }
  return byFile;
}

describe("documentation examples", () => {
  it("finds examples in the sources and the guides", () => {
    expect(examples.filter((e) => e.where.startsWith("src/")).length).toBeGreaterThan(10);
    expect(examples.filter((e) => e.where.startsWith("docs/")).length).toBeGreaterThan(0);
    // A ```json order block (an info string with two words) is a fence too:
    // the specification's TypeScript examples come after many of them.
    expect(examples.filter((e) => e.where.startsWith("docs/specification.md")).length).toBe(2);
  });

  const errors = typeErrors();
  it.each(files.map((f): [string, Example, string] => [f.example.where, f.example, f.file]))(
    "%s type-checks and runs",
    async (_where, _example, file) => {
      expect(errors.get(file) ?? []).toEqual([]);
      await import(pathToFileURL(file).href);
    },
  );
});

describe("the example checker", () => {
  it("turns `// => value` into an assertion that fails on a wrong value", async () => {
    const file = join(dir, "self-test.ts");
    const code = "const x = { a: 1n };\nx; // => { a: 1n }\nx.a;\n// => 2n";
    writeFileSync(file, toModule({ where: "self-test", code }, "unused"));
    await expect(import(pathToFileURL(file).href)).rejects.toThrow(/self-test: x\.a; \/\/ => 2n/);
  });
});
