/**
 * The API reference site (`npm run docs`) builds without a warning and every
 * link inside it resolves: each relative `href`/`src` names a file of the
 * site, and each `#fragment` an element id of the page it points to. The
 * site is built here with typedoc's own options (typedoc.json) into a
 * temporary directory, so a broken link fails the tests, not a reader.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { inflateSync } from "node:zlib";
import {
  Application,
  type Logger,
  LogLevel,
  PackageJsonReader,
  TSConfigReader,
  TypeDocReader,
} from "typedoc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./extract.js";

/** A link found in a page: where, and what it points to. */
interface Link {
  readonly page: string;
  readonly target: string;
}

/** The relative links (`href`, `src`) of an HTML page; external and script links are left out. */
function linksOf(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const target = (match[1] ?? "").replaceAll("&amp;", "&");
    if (target === "" || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, data:
    links.push(target);
  }
  return links;
}

/** The element ids of an HTML page. */
function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? ""));
}

/** The links of `pages` (path → HTML, paths relative to the site) that resolve to nothing. */
function brokenLinks(pages: ReadonlyMap<string, string>, files: ReadonlySet<string>): Link[] {
  const ids = new Map<string, Set<string>>();
  const idsIn = (page: string): Set<string> => {
    let found = ids.get(page);
    if (found === undefined) {
      found = idsOf(pages.get(page) ?? "");
      ids.set(page, found);
    }
    return found;
  };
  const broken: Link[] = [];
  for (const [page, html] of pages) {
    for (const target of linksOf(html)) {
      const [path = "", fragment] = target.split("#", 2);
      const file = path === "" ? page : join(dirname(page), decodeURIComponent(path));
      const normal = relative(".", file);
      if (!files.has(normal)) broken.push({ page, target });
      else if (fragment !== undefined && fragment !== "" && pages.has(normal)) {
        if (!idsIn(normal).has(decodeURIComponent(fragment))) broken.push({ page, target });
      }
    }
  }
  return broken;
}

const out = mkdtempSync(join(tmpdir(), "refund-core-site-"));
const warnings: string[] = [];
let pages = new Map<string, string>();
let files = new Set<string>();

beforeAll(async () => {
  const app = await Application.bootstrapWithPlugins(
    { options: join(ROOT, "typedoc.json"), out, logLevel: LogLevel.Warn },
    [new PackageJsonReader(), new TypeDocReader(), new TSConfigReader()],
  );
  const logger: Logger = app.logger;
  const log = logger.log.bind(logger);
  logger.log = (message, level) => {
    if (level >= LogLevel.Warn) warnings.push(String(message));
    log(message, level);
  };
  const project = await app.convert();
  if (project === undefined) throw new Error(`typedoc could not convert: ${warnings.join("\n")}`);
  await app.generateDocs(project, out);
  const all = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(out, join(entry.parentPath, entry.name)));
  files = new Set(all);
  pages = new Map(
    all.filter((f) => f.endsWith(".html")).map((f) => [f, readFileSync(join(out, f), "utf8")]),
  );
}, 180_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the link checker", () => {
  it("finds a missing page and a missing anchor, and accepts what exists", () => {
    const site = new Map([
      [
        "index.html",
        '<a href="documents/a.html#b">x</a><a href="#top">y</a><a href="https://x.y">z</a>',
      ],
      [
        "documents/a.html",
        '<h2 id="b">B</h2><a href="../index.html#nowhere">i</a><img src="../c.png">',
      ],
    ]);
    expect(brokenLinks(site, new Set([...site.keys(), "c.png"]))).toEqual([
      { page: "index.html", target: "#top" },
      { page: "documents/a.html", target: "../index.html#nowhere" },
    ]);
    expect(brokenLinks(site, new Set(site.keys()))).toContainEqual({
      page: "documents/a.html",
      target: "../c.png",
    });
  });
});

describe("the guides' headings", () => {
  // typedoc leaves code spans out of a heading's anchor and of the page's
  // table of contents ("Shopify:  and"), so headings are plain text.
  const guides = ["README.md", "CHANGELOG.md", "examples/README.md"].concat(
    readdirSync(join(ROOT, "docs"))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`),
  );
  it.each(guides)("%s: no heading has a code span", (file) => {
    const headings = readFileSync(join(ROOT, file), "utf8")
      .replace(/^```[\s\S]*?^```/gm, "")
      .split("\n")
      .filter((line) => /^#{1,6} .*`/.test(line));
    expect(headings).toEqual([]);
  });
});

describe("the API reference site", () => {
  it("builds without a warning", () => {
    expect(warnings).toEqual([]);
  });

  it("has the home page, every guide and the specification", () => {
    expect(files.has("index.html")).toBe(true);
    for (const page of [
      "Specification",
      "Getting_started",
      "Calculation_rules",
      "Changelog",
      "Examples",
    ])
      expect(files.has(`documents/${page}.html`)).toBe(true);
    expect(pages.size).toBeGreaterThan(50);
  });

  it("every link inside the site resolves", () => {
    expect(brokenLinks(pages, files)).toEqual([]);
  });

  it("has no source links (the project has no public repository yet)", () => {
    const defined = [...pages.values()].filter((html) => html.includes("tsd-sources"));
    expect(defined).toEqual([]);
  });

  it("searches comments and documents, and shows the version", () => {
    const index = pages.get("index.html") ?? "";
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(index).toContain(`refund-core - v${version}`);
    // assets/search.js holds the lunr index, deflated and base64-encoded in a string.
    const script = readFileSync(join(out, "assets", "search.js"), "utf8");
    const data = script.slice(script.indexOf('"') + 1, script.lastIndexOf('"'));
    const search = JSON.parse(inflateSync(Buffer.from(data, "base64")).toString("utf8"));
    const fields = (term: string): string[] => {
      const entry = search.index.invertedIndex.find((e: [string, unknown]) => e[0] === term);
      const postings: Record<string, object> = entry?.[1] ?? {};
      return Object.entries(postings)
        .filter(([field, hits]) => field !== "_index" && Object.keys(hits).length > 0)
        .map(([field]) => field)
        .sort();
    };
    // "prorate" is in doc comments and in the guides; "restocking fee" in the guides.
    expect(fields("prorate")).toEqual(["comment", "document"]);
    expect(fields("restock")).toContain("document");
    expect(fields("fee")).toContain("document");
  });
});
