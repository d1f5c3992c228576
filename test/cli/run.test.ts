import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { fakeIo } from "./fakeIo.js";

const orderText = readFileSync("examples/magento-tutorial/order.json", "utf8");
const requestText = readFileSync("examples/magento-tutorial/request.json", "utf8");
const order = JSON.parse(orderText) as Record<string, unknown>;
const files = { "order.json": orderText, "request.json": requestText };
const calculateArgs = ["calculate", "--order", "order.json", "--request", "request.json"];
const applyArgs = ["apply", "--order", "order.json", "--request", "request.json"];

async function run(argv: string[], extraFiles: Record<string, string> = {}) {
  const fake = fakeIo({ ...files, ...extraFiles });
  const status = await runCli(argv, fake.io);
  return { status, ...fake };
}

describe("calculate", () => {
  test("prints one compact JSON document and exits 0", async () => {
    const r = await run(calculateArgs);
    expect(r.status).toBe(0);
    expect(r.stderr()).toBe("");
    expect(r.stdout().split("\n")).toHaveLength(2); // one line and the final newline
    expect(r.json()).toMatchObject({ ok: true, creditMemo: { id: "5-1", total: "21.44" } });
    expect(Object.keys(r.json())).toEqual(["ok", "creditMemo"]);
  });

  test("--pretty indents the same document", async () => {
    const compact = await run(calculateArgs);
    const pretty = await run([...calculateArgs, "--pretty"]);
    expect(pretty.status).toBe(0);
    expect(pretty.stdout()).toMatch(/^\{\n {2}"ok": true,\n {2}"creditMemo": \{\n {4}"id": "5-1"/);
    expect(pretty.json()).toEqual(compact.json());
  });

  test("--format json is the default", async () => {
    const r = await run([...calculateArgs, "--format", "json"]);
    expect(r.stdout()).toBe((await run(calculateArgs)).stdout());
  });

  test("--format table prints the memo for a person", async () => {
    const r = await run([...calculateArgs, "--format", "table"]);
    expect(r.status).toBe(0);
    expect(() => JSON.parse(r.stdout())).toThrow();
    expect(r.stdout()).toContain("Credit memo 5-1 for order 5 (USD)");
    expect(r.stdout()).toMatch(/^Total\s+21\.44 {2}refundable before 59\.37$/m);
    expect(r.stdout()).toMatch(/^inv-1\s+banktransfer\s+no \(refund by hand\)\s+21\.44\s+59\.37$/m);
  });

  test("reads one file from standard input", async () => {
    const r = await run(["calculate", "--order", "order.json", "--request", "-"], {
      "-": requestText,
    });
    expect(r.status).toBe(0);
    expect(r.reads).toEqual(["order.json", "-"]);
    const s = await run(["calculate", "--order=-", "--request=request.json"], { "-": orderText });
    expect(s.status).toBe(0);
    expect(s.json()).toEqual(r.json());
  });

  test("a rejected refund exits 1 with the domain errors", async () => {
    const r = await run(calculateArgs, {
      "request.json": JSON.stringify({ lineItems: [{ lineItemId: "3", quantity: 5 }] }),
    });
    expect(r.status).toBe(1);
    expect(r.json()).toMatchObject({
      ok: false,
      errors: [{ code: "OVER_REFUND", subject: "quantity" }],
    });
    expect(r.stderr()).toBe("");
  });

  test("an empty request is EMPTY_REFUND, exit 1", async () => {
    const r = await run(calculateArgs, { "request.json": "{}" });
    expect(r.status).toBe(1);
    expect(r.json()).toEqual({
      ok: false,
      errors: [
        {
          code: "EMPTY_REFUND",
          message: "There is nothing to refund: no items, shipping or amount.",
        },
      ],
    });
  });

  test("invalid input exits 2 and names the input document", async () => {
    const r = await run(calculateArgs, {
      "order.json": JSON.stringify({ ...order, currency: "usd" }),
      "request.json": JSON.stringify({ lineItems: [{ lineItemId: "3", quantity: "1" }] }),
    });
    expect(r.status).toBe(2);
    expect(r.json()).toMatchObject({
      ok: false,
      errors: [
        { code: "INVALID_INPUT", path: "currency", input: "order" },
        { code: "INVALID_INPUT", path: "lineItems[0].quantity", input: "request" },
      ],
    });
  });

  test("an inconsistent order found by the engine exits 2", async () => {
    const lines = order["lineItems"] as object[];
    const r = await run(calculateArgs, {
      "order.json": JSON.stringify({ ...order, lineItems: [...lines, ...lines] }),
    });
    expect(r.status).toBe(2);
    const errors = r.json()["errors"] as { code: string }[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.code === "INCONSISTENT_ORDER")).toBe(true);
  });

  test("malformed JSON is INVALID_INPUT, exit 2", async () => {
    const r = await run(calculateArgs, { "request.json": '{"lineItems": [' });
    expect(r.status).toBe(2);
    expect(r.json()).toMatchObject({
      ok: false,
      errors: [{ code: "INVALID_INPUT", path: "", input: "request" }],
    });
    const [error] = r.json()["errors"] as { message: string }[];
    expect(error?.message).toMatch(/^The request in "request\.json" is not valid JSON \(.+\)\.$/);
  });

  test("a request nested 100000 arrays deep is INVALID_INPUT at its first element, exit 2", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const r = await run(calculateArgs, { "request.json": `{"lineItems": ${deep}}` });
    expect(r.status).toBe(2);
    expect(r.json()).toEqual({
      ok: false,
      errors: [
        {
          code: "INVALID_INPUT",
          path: "lineItems[0]",
          input: "request",
          message:
            'The value at lineItems[0] must be a line to refund (a JSON object such as {"lineItemId": "3", "quantity": 1}).',
        },
      ],
    });
    expect(r.stderr()).toBe("");
  });

  test("a byte order mark is ignored", async () => {
    const r = await run(calculateArgs, { "request.json": `\uFEFF${requestText}` });
    expect(r.status).toBe(0);
  });

  test("an unreadable file is INVALID_INPUT, exit 2, and the other file is still checked", async () => {
    const r = await run(["calculate", "--order", "missing.json", "--request", "-"], { "-": "[]" });
    expect(r.status).toBe(2);
    expect(r.json()).toMatchObject({
      ok: false,
      errors: [
        {
          code: "INVALID_INPUT",
          input: "order",
          message: 'The order file "missing.json" could not be read: it does not exist.',
        },
        { code: "INVALID_INPUT", input: "request", path: "" },
      ],
    });
  });

  test("a key given twice is INVALID_INPUT at its path, exit 2 (issue 12: not silently the last)", async () => {
    const duplicated = orderText.replace(
      '"currency": "USD",',
      '"currency": "USD", "currency": "EUR",',
    );
    expect(duplicated).not.toBe(orderText);
    const r = await run(calculateArgs, { "order.json": duplicated });
    expect(r.status).toBe(2);
    expect(r.json()).toEqual({
      ok: false,
      errors: [
        {
          code: "INVALID_INPUT",
          path: "currency",
          input: "order",
          message:
            "The value at currency is given more than once in the same object; JSON readers disagree on which one counts, so give it once.",
        },
      ],
    });
  });

  test("messages on stderr carry no raw control characters (issue 12: terminal injection)", async () => {
    const hostile = JSON.stringify({
      lineItems: [{ lineItemId: "9\u001b[2J\u001b]0;x\u0007", quantity: 1 }],
    });
    const table = await run([...calculateArgs, "--format", "table"], { "request.json": hostile });
    expect(table.status).toBe(1);
    expect(table.stderr()).toContain("\\u001b[2J\\u001b]0;x\\u0007");
    const usage = await run(["calc\u001b[2Jx"]);
    expect(usage.status).toBe(64);
    for (const text of [table.stderr(), usage.stderr()]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may be left.
      expect(text.replace(/\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });

  test("a missing file in JSON mode is also told on stderr (issue 14); domain errors are not", async () => {
    const r = await run(["calculate", "--order", "missing.json", "--request", "request.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr()).toBe(
      'refund-core: cannot read the input:\n  - The order file "missing.json" could not be read: it does not exist.\n',
    );
    const malformed = await run(calculateArgs, { "request.json": "{" });
    expect(malformed.stderr()).toMatch(
      /^refund-core: cannot read the input:\n {2}- The request in "request\.json" is not valid JSON/,
    );
  });

  test("with --format table a failure is still the JSON document, with the messages on stderr", async () => {
    const r = await run([...calculateArgs, "--format", "table"], { "request.json": "{}" });
    expect(r.status).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, errors: [{ code: "EMPTY_REFUND" }] });
    expect(r.stderr()).toBe(
      "refund-core: no credit memo:\n  - There is nothing to refund: no items, shipping or amount.\n",
    );
  });
});

describe("apply", () => {
  test("prints the memo and the order with the memo appended", async () => {
    const r = await run(applyArgs);
    expect(r.status).toBe(0);
    const doc = r.json();
    expect(Object.keys(doc)).toEqual(["ok", "creditMemo", "order"]);
    const newOrder = doc["order"] as { refunds: { id: string; total: string }[] };
    expect(newOrder.refunds).toEqual([doc["creditMemo"]]);
    expect(newOrder.refunds[0]?.total).toBe("21.44");
  });

  test("the printed order is valid input for the next refund (the last unit takes the rest)", async () => {
    const first = await run(applyArgs);
    const next = JSON.stringify((first.json() as { order: unknown }).order);
    const second = await run(applyArgs, { "order.json": next });
    expect(second.status).toBe(0);
    expect(second.json()).toMatchObject({
      creditMemo: { id: "5-2", discount: "2.20", tax: "1.63", total: "21.43" },
    });
    const third = await run(applyArgs, { "order.json": JSON.stringify(second.json()["order"]) });
    expect(third.status).toBe(1);
    expect(third.json()).toMatchObject({ errors: [{ code: "OVER_REFUND", subject: "quantity" }] });
  });

  test("--pretty works, and (v2, §8) --format table too: the memo, then the order's state", async () => {
    expect((await run([...applyArgs, "--pretty"])).status).toBe(0);
    const r = await run([...applyArgs, "--format", "table"]);
    expect(r.status).toBe(0);
    expect(r.stdout()).toContain("Credit memo 5-1 for order 5 (USD)");
    expect(r.stdout()).toMatch(/^Total\s+21\.44 {2}refundable before 59\.37$/m);
    // 21.44 of 59.37 paid back: partially refunded, one memo.
    expect(r.stdout()).toMatch(
      /\nOrder 5 after this refund: partially refunded \(1 credit memo\)\.\n$/,
    );
  });
});

describe("usage errors exit 64 with a USAGE_ERROR document and the usage on stderr", () => {
  test.each([
    [[], "No command given."],
    [["refund"], 'Unknown command "refund".'],
    [["--pretty"], "Unknown option --pretty; give a command first."],
    [["--verison"], "Unknown option --verison; give a command first. Did you mean --version?"],
    [["constructor"], 'Unknown command "constructor".'],
    [["calculate", "--request", "request.json"], "The option --order FILE is required."],
    [["calculate", "--order", "order.json"], "The option --request FILE is required."],
    [
      ["calculate", "--order", "-", "--request", "-"],
      "Only one of --order and --request can read standard input (-).",
    ],
    [
      [...calculateArgs, "--pretty", "--format", "table"],
      "--pretty and --format table cannot be used together.",
    ],
    [[...calculateArgs, "extra.json"], 'Unexpected argument "extra.json".'],
    [
      [...calculateArgs, "--format", "xml"],
      'The option --format must be one of json, table, not "xml".',
    ],
    [[...calculateArgs, "--verbose"], "Unknown option --verbose."],
    // v2 (§8): an unknown command or option names the closest valid one

    [["calcualte"], 'Unknown command "calcualte". Did you mean calculate?'],
    [["aply"], 'Unknown command "aply". Did you mean apply?'],
    [[...calculateArgs, "--polcy", "magento"], "Unknown option --polcy. Did you mean --policy?"],
    [
      [...calculateArgs, "--platfrom", "shopify"],
      "Unknown option --platfrom. Did you mean --platform?",
    ],
    [
      [...calculateArgs, "--policy", "magneto"],
      'The option --policy must be one of default, magento, shopify, bankers, not "magneto". Did you mean magento?',
    ],
    // an empty file name is no file: a usage error, not an unreadable file (issue 12)
    [
      ["calculate", "--order=", "--request", "request.json"],
      "The option --order needs a FILE (or - for standard input).",
    ],
    [
      ["calculate", "--order", "order.json", "--request="],
      "The option --request needs a FILE (or - for standard input).",
    ],
    [
      [...calculateArgs, "--emit", "shopify", "--format", "table"],
      "--emit and --format table cannot be used together.",
    ],
  ])("%j", async (argv, problem) => {
    const r = await run(argv);
    expect(r.status).toBe(64);
    expect(r.json()).toEqual({
      ok: false,
      errors: [{ code: "USAGE_ERROR", message: `${problem} Run "refund-core --help" for usage.` }],
    });
    expect(r.stderr()).toMatch(/^refund-core: .*\nusage: refund-core calculate/);
    expect(r.reads).toEqual([]);
  });
});

describe("help", () => {
  test.each([[["--help"]], [["-h"]], [["help"]]])(
    "%j prints the help and exits 0",
    async (argv) => {
      const r = await run(argv);
      expect(r.status).toBe(0);
      expect(r.stdout()).toContain(
        "refund-core calculate --order FILE --request FILE [--pretty | --format table]",
      );
      // v2 (§8): apply takes --format table too.
      expect(r.stdout()).toContain(
        "refund-core apply     --order FILE --request FILE [--pretty | --format table]",
      );
      expect(r.stdout()).toMatch(/^ {2}64 {2}usage error/m);
      // every command is listed with its summary, audit included
      expect(r.stdout()).toMatch(
        /^ {2}calculate {3}Print the credit memo the refund request gives/m,
      );
      expect(r.stdout()).toMatch(/^ {2}apply {7}Print the credit memo and the order/m);
      expect(r.stdout()).toMatch(/^ {2}audit {7}Replay the refund history of every order/m);
      expect(r.stdout()).toContain("--policy NAME");
      expect(r.stdout()).toContain("USAGE_ERROR");
      expect(r.stdout()).toContain("refund-core help COMMAND");
      expect(r.stdout()).toContain("refund-core --version");
      expect(r.stderr()).toBe("");
      expect(r.reads).toEqual([]);
    },
  );

  // Issue 14 (fit the terminal): the global help fits 80 columns like each command's help,
  // and says that audit takes --format table too.
  test("--help fits 80 columns and lists --format table for audit", async () => {
    const text = (await run(["--help"])).stdout();
    for (const line of text.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^ {2}--format table +.*\(calculate, apply\)[\s\S]*\(audit\)/m);
  });

  // v2 (§8): `help COMMAND` and `COMMAND --help` print that command's help (v1 printed the global one).
  test.each([
    [["calculate", "--help"], "calculate"],
    [["help", "calculate"], "calculate"],
    [["apply", "-h"], "apply"],
    [["apply", "--order", "x.json", "--help"], "apply"],
    [["help", "audit"], "audit"],
    [["--help", "audit"], "audit"],
    [["audit", "--help"], "audit"],
  ])("%j prints the help of %s and exits 0", async (argv, command) => {
    const r = await run(argv);
    expect(r.status).toBe(0);
    expect(r.stdout()).toMatch(new RegExp(`^Usage:\n {2}refund-core ${command} `));
    for (const other of ["calculate", "apply", "audit"].filter((c) => c !== command)) {
      expect(r.stdout()).not.toContain(`refund-core ${other} `);
    }
    expect(r.stdout()).toMatch(/^ {2}-h, --help +Print this help\.$/m);
    for (const line of r.stdout().split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    expect(r.stderr()).toBe("");
    expect(r.reads).toEqual([]);
  });

  test("calculate's help lists every option with its § reference", async () => {
    const text = (await run(["help", "calculate"])).stdout();
    for (const option of ["--order FILE", "--request FILE", "--pretty", "--format json|table"]) {
      expect(text).toMatch(new RegExp(`^ {2}${option.replace("|", "\\|")} `, "m"));
    }
    expect(text).toMatch(/^ {2}--policy NAME +The rules \(§9\.1\): default, magento,/m);
    expect(text).toMatch(/^ {2}--platform NAME +The format of both files \(§10\):/m);
    for (const name of [
      "canonical",
      "shopify",
      "magento",
      "commercelayer",
      "2checkout",
      "bankers",
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/^ {2}--emit NAME +Print, in the credit memo's place/m);
  });

  test("help of an unknown command is a usage error naming the closest", async () => {
    const r = await run(["help", "calcualte"]);
    expect(r.status).toBe(64);
    expect(r.json()).toMatchObject({
      errors: [
        {
          code: "USAGE_ERROR",
          message: expect.stringMatching(/^Unknown command "calcualte"\. Did you mean calculate\?/),
        },
      ],
    });
  });
});

describe("--version (v2, §8)", () => {
  test("prints the package's version and exits 0", async () => {
    const r = await run(["--version"]);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(r.status).toBe(0);
    expect(r.stdout()).toBe(`refund-core ${pkg.version}\n`);
    expect(r.stderr()).toBe("");
  });
  test("after a command it is an unknown option", async () => {
    expect((await run(["calculate", "--version"])).status).toBe(64);
  });
});

describe("did you mean (v2, §8)", () => {
  test("a usage error in a command shows that command's usage only", async () => {
    const r = await run([...calculateArgs, "--polcy", "magento"]);
    expect(r.stderr()).toBe(
      "refund-core: Unknown option --polcy. Did you mean --policy?\n" +
        "usage: refund-core calculate --order FILE --request FILE [--pretty | --format table]\n" +
        "                             [--policy NAME] [--platform NAME] [--emit NAME]\n" +
        "       refund-core calculate --help\n",
    );
  });
});

describe("never a stack trace", () => {
  test("an unexpected failure is INTERNAL_ERROR, exit 70", async () => {
    const r = fakeIo(files);
    const status = await runCli(calculateArgs, {
      ...r.io,
      readText: () => {
        throw new Error("disk on fire");
      },
    });
    expect(status).toBe(70);
    expect(r.json()).toEqual({
      ok: false,
      errors: [
        {
          code: "INTERNAL_ERROR",
          message: "refund-core failed unexpectedly; please report this with the input files.",
        },
      ],
    });
    expect(r.stderr()).toBe("");
  });

  test("even when writing fails", async () => {
    const status = await runCli(calculateArgs, {
      readText: async () => {
        throw new Error("x");
      },
      writeOut: () => {
        throw new Error("closed");
      },
      writeErr: () => {
        throw new Error("closed");
      },
    });
    expect(status).toBe(70);
  });
});
