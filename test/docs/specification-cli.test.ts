/**
 * docs/specification.md is the contract an auditor reads (issue 14): its
 * command-line sections (§8, and the audit command in §9.2) describe every
 * option each command takes, every value of a restricted option, and the
 * codes the command line adds to §5's (USAGE_ERROR, INTERNAL_ERROR). Read
 * from the command line's own tables, so a new option or platform name
 * without its line in the specification fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SUBCOMMANDS } from "../../src/cli/commands.js";
import { ROOT } from "./extract.js";

const specification = readFileSync(join(ROOT, "docs", "specification.md"), "utf8");

/** The text of one numbered section, its examples included: up to the next numbered heading. */
function section(heading: string): string {
  const start = specification.indexOf(`\n${heading}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = specification.slice(start + heading.length + 2);
  const next = rest.search(/\n#{2,3} \d/);
  return next === -1 ? rest : rest.slice(0, next);
}

const commandLine = section("## 8. Command line");
const platforms = section("## 10. Platforms (v2)");
const auditSection = section("### 9.2 Audit");
const where: Record<string, string> = {
  calculate: commandLine,
  apply: commandLine,
  audit: auditSection,
};

describe("the specification's command line", () => {
  const cases = Object.values(SUBCOMMANDS).flatMap((command) =>
    command.options.map((option) => [command.name, option.name, option.choices ?? []] as const),
  );
  it.each(cases)("%s: --%s and each of its values are described", (command, option, choices) => {
    const text = where[command] ?? "";
    expect(text).toContain(`--${option}`);
    // The values of --format are the command's own; platform and policy names are those of
    // §10 and §9.1, and the audit's --platform takes every one of §10 (v1 had three).
    const own = option === "format" || (command === "audit" && option === "platform");
    for (const choice of choices) expect(own ? text : platforms + specification).toContain(choice);
  });

  it.each(["USAGE_ERROR", "INTERNAL_ERROR"])("§8 names the code %s", (code) => {
    expect(commandLine).toContain(`\`${code}\``);
  });

  it("§8 gives the document --emit prints", () => {
    expect(commandLine).toContain('`{"ok": true, "platform": "P", "request": {...}}`');
  });
});
