/**
 * Section references: every "§3.9" in the guides and in the doc comments of
 * the sources is a link to that section of docs/specification.md. These
 * functions find the sections of the specification and turn bare
 * references into links; `section-links.test.ts` checks that nothing is
 * left bare (and, with `FIX_SECTION_LINKS=1`, fixes the files).
 */

/** The anchor of a heading, as GitHub and typedoc write it: `3.9 Line amounts (v2)` → `39-line-amounts-v2`. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

/** Section number → anchor, from the `## 3. …` / `### 3.9 …` headings of the specification. */
export function sectionAnchors(specification: string): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const match of specification.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? (.*)$/gm)) {
    const [heading = "", number = ""] = [match[0].replace(/^#+ /, ""), match[1]];
    if (!anchors.has(number)) anchors.set(number, slug(heading));
  }
  return anchors;
}

/** A bare reference: `§` and a section number, not already the text of a link. */
const REFERENCE = /§(\d+(?:\.\d+)?)(?![\d\]])/g;
/** What must not change: code spans, inline tags (`{@link …}`) and existing links. */
const PROTECTED = /(`+)[^`]*?\1|\{@[^}]*\}|\[[^\]]*\]\([^)]*\)/g;

/**
 * `text` with every bare reference outside code spans and links turned into
 * `[§3.9](target#anchor)`; `unknown` collects numbers with no section.
 */
function linkText(
  text: string,
  target: string,
  anchors: ReadonlyMap<string, string>,
  unknown: string[],
): string {
  let out = "";
  let last = 0;
  const link = (segment: string) =>
    segment.replace(REFERENCE, (whole, number: string) => {
      const anchor = anchors.get(number);
      if (anchor === undefined) {
        unknown.push(whole);
        return whole;
      }
      return `[${whole}](${target}#${anchor})`;
    });
  for (const match of text.matchAll(PROTECTED)) {
    out += link(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + link(text.slice(last));
}

/** The result of linking a file: its new text and the references to no section. */
export interface Linked {
  readonly text: string;
  readonly unknown: readonly string[];
}

/**
 * A markdown document with its references linked to `target` (the
 * specification's path relative to the document, or `""` within it).
 * Headings and fenced code blocks stay as they are.
 */
export function linkMarkdown(
  text: string,
  target: string,
  anchors: ReadonlyMap<string, string>,
): Linked {
  const unknown: string[] = [];
  let fenced = false;
  const lines = text.split("\n").map((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced || /^\s*```/.test(line) || /^#/.test(line)) return line;
    return linkText(line, target, anchors, unknown);
  });
  return { text: lines.join("\n"), unknown };
}

/**
 * A TypeScript source with the references of its doc comments (`/** … *\/`)
 * linked to `target`; code, line comments and fenced examples stay as they are.
 */
export function linkSource(
  text: string,
  target: string,
  anchors: ReadonlyMap<string, string>,
): Linked {
  const unknown: string[] = [];
  let inDoc = false;
  let fenced = false;
  const lines = text.split("\n").map((line) => {
    const opens = !inDoc && /^\s*\/\*\*/.test(line);
    if (opens) inDoc = true;
    if (!inDoc) return line;
    const closes = line.includes("*/");
    let out = line;
    if (/^\s*\*?\s*```/.test(line.replace(/^\s*\/\*\*/, ""))) fenced = !fenced;
    else if (!fenced) {
      const start = opens ? line.indexOf("/**") + 3 : 0;
      const end = closes ? line.lastIndexOf("*/") : line.length;
      out =
        line.slice(0, start) +
        linkText(line.slice(start, end), target, anchors, unknown) +
        line.slice(end);
    }
    if (closes) {
      inDoc = false;
      fenced = false;
    }
    return out;
  });
  return { text: lines.join("\n"), unknown };
}
