/**
 * Finding the runnable TypeScript in the documentation: the ```ts blocks of
 * the `@example` tags of everything `src/index.ts` exports (the API docs),
 * and the ```ts blocks of the guides and the README.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export const ROOT = join(import.meta.dirname, "..", "..");

/** One runnable example: where it comes from and its code. */
export interface Example {
  /** `src/calculate.ts:120` or `docs/getting-started.md:42`. */
  readonly where: string;
  readonly code: string;
}

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ext))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const FENCE = /^\s*```(\w*)(?:\s+[^`]*)?$/;

/**
 * The ```ts blocks inside `@example` tags of a TypeScript source: the lines of
 * each doc comment lose their leading ` * `; a block belongs to an example when
 * the last block tag before it is `@example`.
 */
export function examplesInSource(file: string, text: string): Example[] {
  const examples: Example[] = [];
  const lines = text.split("\n");
  let inComment = false;
  let tag = "";
  let block: { start: number; lines: string[] } | undefined;
  lines.forEach((raw, i) => {
    if (!inComment) {
      if (raw.trimStart().startsWith("/**")) {
        inComment = true;
        tag = "";
      } else return;
    }
    const line = raw.replace(/^\s*\/?\*\*?\/?\s?/, "");
    const fence = FENCE.exec(line);
    if (block !== undefined) {
      if (fence !== null) {
        examples.push({ where: `${file}:${block.start + 1}`, code: block.lines.join("\n") });
        block = undefined;
      } else block.lines.push(line);
    } else if (fence !== null && fence[1] === "ts" && tag === "@example") {
      block = { start: i, lines: [] };
    } else {
      const blockTag = /^(@\w+)/.exec(line.trim());
      if (blockTag?.[1] !== undefined) tag = blockTag[1];
    }
    if (raw.includes("*/") && block === undefined) inComment = false;
  });
  return examples;
}

/** Every ```ts block of a markdown document. */
export function examplesInMarkdown(file: string, text: string): Example[] {
  const examples: Example[] = [];
  let block: { start: number; lines: string[] } | undefined;
  let other = false;
  text.split("\n").forEach((line, i) => {
    const fence = FENCE.exec(line);
    if (block !== undefined) {
      if (fence !== null) {
        examples.push({ where: `${file}:${block.start + 1}`, code: block.lines.join("\n") });
        block = undefined;
      } else block.lines.push(line);
    } else if (fence !== null) {
      if (other) other = false;
      else if (fence[1] === "ts") block = { start: i, lines: [] };
      else other = true;
    }
  });
  return examples;
}

/** The compiler options of the project, for checking examples like the sources. */
export function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options, noEmit: true };
}

/**
 * The examples in the doc comments of every symbol `src/index.ts` exports
 * (and of their members), and of the entry point's own module comment.
 */
export function publicApiExamples(program: ts.Program): Example[] {
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(join(ROOT, "src", "index.ts"));
  const moduleSymbol = index === undefined ? undefined : checker.getSymbolAtLocation(index);
  if (index === undefined || moduleSymbol === undefined) throw new Error("src/index.ts not found");
  const seen = new Set<string>();
  const examples: Example[] = [];
  const fromComment = (source: ts.SourceFile, pos: number, end: number) => {
    const key = `${source.fileName}:${pos}`;
    if (seen.has(key)) return;
    seen.add(key);
    const offset = source.getLineAndCharacterOfPosition(pos).line;
    const file = relative(ROOT, source.fileName);
    for (const e of examplesInSource(file, source.text.slice(pos, end))) {
      const line = Number(e.where.slice(file.length + 1)) + offset;
      examples.push({ where: `${file}:${line}`, code: e.code });
    }
  };
  const visit = (declaration: ts.Node) => {
    const source = declaration.getSourceFile();
    for (const doc of ts.getJSDocCommentsAndTags(declaration))
      if (ts.isJSDoc(doc)) fromComment(source, doc.pos, doc.end);
  };
  const first = index.statements[0];
  if (first !== undefined)
    for (const range of ts.getLeadingCommentRanges(index.text, first.pos) ?? [])
      fromComment(index, range.pos, range.end);
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const declaration of symbol.declarations ?? []) {
      visit(declaration);
      if (ts.isInterfaceDeclaration(declaration)) declaration.members.forEach(visit);
    }
  }
  return examples.sort((a, b) => a.where.localeCompare(b.where, "en", { numeric: true }));
}

/** Every example of the API docs, the guides and the README. */
export function allExamples(program: ts.Program): Example[] {
  const sources = publicApiExamples(program);
  const guides = [join(ROOT, "README.md"), ...filesUnder(join(ROOT, "docs"), ".md")]
    .filter((path) => !path.includes(`${join("docs", "api")}`))
    .flatMap((path) => examplesInMarkdown(relative(ROOT, path), readFileSync(path, "utf8")));
  return [...sources, ...guides];
}

/**
 * Makes an example a module that checks itself: `"refund-core"` becomes the
 * sources' entry point, and a one-line statement followed by `// => value`
 * (on the same line, or alone on the next line) becomes an assertion that
 * the statement's value deep-equals `value`.
 */
export function toModule(example: Example, indexPath: string): string {
  const lines = example.code
    .replaceAll(/from\s+"refund-core"/g, `from ${JSON.stringify(indexPath)}`)
    .split("\n");
  const out: string[] = [];
  const check = (indent: string, expression: string, expected: string, text: string) =>
    `${indent}__check(${expression.replace(/;\s*$/, "")}, ${expected}, ${JSON.stringify(text)});`;
  for (const line of lines) {
    const alone = /^\s*\/\/ => (.+)$/.exec(line);
    const previous = out.at(-1);
    const statement = previous === undefined ? null : /^(\s*)(.+;)\s*$/.exec(previous);
    if (alone?.[1] !== undefined && statement?.[1] !== undefined && statement[2] !== undefined) {
      out[out.length - 1] = check(
        statement[1],
        statement[2],
        alone[1],
        `${statement[2]} ${line.trim()}`,
      );
      continue;
    }
    const inline = /^(\s*)(.+?);?\s*\/\/ => (.+)$/.exec(line);
    if (inline?.[1] !== undefined && inline[2] !== undefined && inline[3] !== undefined)
      out.push(check(inline[1], inline[2], inline[3], line.trim()));
    else out.push(line);
  }
  return `import { deepStrictEqual as __deepStrictEqual } from "node:assert";
function __check(actual: unknown, expected: unknown, line: string): void {
  __deepStrictEqual(actual, expected, \`${example.where}: \${line}\`);
}
${out.join("\n")}
export {};
`;
}
