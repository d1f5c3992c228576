/**
 * Every "§" reference of the guides, the README and the doc comments of the
 * sources is a link into docs/specification.md, to a section that exists.
 * `FIX_SECTION_LINKS=1 npx vitest run test/docs/section-links.test.ts`
 * turns the bare references of a merged change into links.
 *
 * src/cli/ is left out: the command line's help text cites sections as
 * "see docs/specification.md §9.2" (a terminal shows no links).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./extract.js";
import { type Linked, linkMarkdown, linkSource, sectionAnchors, slug } from "./sections.js";

const SPEC = join(ROOT, "docs", "specification.md");
const anchors = sectionAnchors(readFileSync(SPEC, "utf8"));
const fix = process.env["FIX_SECTION_LINKS"] === "1";

const markdown = [
  "README.md",
  "CHANGELOG.md",
  "examples/README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];
const sources = readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" })
  .filter((path) => path.endsWith(".ts") && !path.startsWith("cli"))
  .map((path) => `src/${path.replaceAll("\\", "/")}`)
  .sort();

/** The file linked: the specification links within itself, every other file by a relative path. */
function linked(file: string): { before: string; after: Linked } {
  const path = join(ROOT, file);
  const before = readFileSync(path, "utf8");
  const target = path === SPEC ? "" : relative(dirname(path), SPEC).replaceAll("\\", "/");
  const after = file.endsWith(".md")
    ? linkMarkdown(before, target, anchors)
    : linkSource(before, target, anchors);
  if (fix && after.text !== before) writeFileSync(path, after.text);
  return { before, after };
}

describe("section links", () => {
  it("the specification has every section of v2, with stable anchors", () => {
    expect(anchors.get("3.9")).toBe("39-line-amounts-v2");
    expect(anchors.get("9.2")).toBe("92-audit");
    expect(anchors.get("1")).toBe("1-money");
    expect([...anchors.keys()]).toEqual(
      [
        ["1", "2", "3"],
        ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9"],
        ["4", "5", "6", "7", "8", "9", "9.1", "9.2", "10"],
      ].flat(),
    );
  });

  it("turns bare references into links, and leaves code, headings and links alone", () => {
    const md = [
      "# About §3",
      "See §3.9, `§3.1` and [§6](x.md#6-credit-memo); §3.1/§9.1.",
      "```",
      "§2",
      "```",
    ].join("\n");
    expect(linkMarkdown(md, "spec.md", anchors).text.split("\n")).toEqual([
      "# About §3",
      "See [§3.9](spec.md#39-line-amounts-v2), `§3.1` and [§6](x.md#6-credit-memo); [§3.1](spec.md#31-proration)/[§9.1](spec.md#91-policies).",
      "```",
      "§2",
      "```",
    ]);
    const ts = [
      "// §2 stays",
      "/** Reads §2. */",
      "/**",
      " * ```ts",
      " * §4",
      " * ```",
      " * {@link x} §4",
      " */",
    ];
    expect(linkSource(ts.join("\n"), "s.md", anchors).text.split("\n")).toEqual([
      "// §2 stays",
      "/** Reads [§2](s.md#2-order). */",
      "/**",
      " * ```ts",
      " * §4",
      " * ```",
      " * {@link x} [§4](s.md#4-refund-request)",
      " */",
    ]);
    expect(linkMarkdown("§11 and §3.99", "s.md", anchors).unknown).toEqual(["§11", "§3.99"]);
    expect(slug("3.7 Money out: transactions")).toBe("37-money-out-transactions");
  });

  it.each([...markdown, ...sources])("%s: every § reference is a link to a section", (file) => {
    const { before, after } = linked(file);
    expect(after.unknown).toEqual([]);
    if (fix) return;
    const bare = before.split("\n").filter((line, i) => line !== after.text.split("\n")[i]);
    expect(bare).toEqual([]);
  });
});
