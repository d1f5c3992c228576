import { describe, expect, test } from "vitest";
import { type OptionSpec, parseOptions } from "../../src/cli/args.js";

const specs: OptionSpec[] = [
  { name: "order", kind: "value" },
  { name: "pretty", kind: "flag" },
  { name: "format", kind: "value", choices: ["json", "table"] },
];

describe("parseOptions", () => {
  test("reads values, inline values, flags and positionals", () => {
    expect(
      parseOptions(["--order", "o.json", "--pretty", "x", "--format=table", "-"], specs),
    ).toEqual({
      _tag: "Right",
      right: {
        values: { order: "o.json", format: "table" },
        flags: ["pretty"],
        positionals: ["x", "-"],
      },
    });
  });

  test("- is a value (standard input) and -- ends the options", () => {
    expect(parseOptions(["--order", "-", "--", "--pretty"], specs)).toEqual({
      _tag: "Right",
      right: { values: { order: "-" }, flags: [], positionals: ["--pretty"] },
    });
  });

  test("an inline value may be empty or contain =", () => {
    expect(parseOptions(["--order=a=b"], specs)).toMatchObject({
      right: { values: { order: "a=b" } },
    });
    expect(parseOptions(["--order="], specs)).toMatchObject({ right: { values: { order: "" } } });
  });

  test.each([
    // v2 (§8): an unknown option names the closest valid one.
    [["--orders", "x"], "Unknown option --orders. Did you mean --order?"],
    [["--fromat", "table"], "Unknown option --fromat. Did you mean --format?"],
    [["--verbose"], "Unknown option --verbose."],
    [["-o", "x"], "Unknown option -o."],
    [["--order"], "The option --order needs a value."],
    [["--order", "--pretty"], "The option --order needs a value."],
    [["--order", "a", "--order", "b"], "The option --order is given more than once."],
    [["--pretty", "--pretty"], "The option --pretty is given more than once."],
    [["--pretty=yes"], "The option --pretty takes no value."],
    [["--format", "csv"], 'The option --format must be one of json, table, not "csv".'],
    [
      ["--format", "tabel"],
      'The option --format must be one of json, table, not "tabel". Did you mean table?',
    ],
    [["--constructor"], "Unknown option --constructor."],
  ])("%j is a usage problem: %s", (argv, problem) => {
    expect(parseOptions(argv, specs)).toEqual({ _tag: "Left", left: problem });
  });
});

describe("parseOptions on node:util parseArgs tokens", () => {
  test("short option groups are unknown options, named one by one", () => {
    expect(parseOptions(["-px"], specs)).toEqual({ _tag: "Left", left: "Unknown option -p." });
  });
  test("an option after -- is a positional, and --help there is no help", () => {
    expect(parseOptions(["--", "--format", "x"], specs)).toMatchObject({
      right: { positionals: ["--format", "x"] },
    });
  });
});
