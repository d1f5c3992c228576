import { describe, expect, test } from "vitest";
import { closestName, didYouMean } from "../../src/cli/suggest.js";

const commands = ["calculate", "apply", "audit"];

describe("closestName (§8: an unknown command or option names the closest valid one)", () => {
  test.each([
    // a swap of two neighbours is one edit
    ["calcualte", commands, "calculate"],
    ["aply", commands, "apply"],
    ["audti", commands, "audit"],
    // a prefix of three letters or more
    ["calc", commands, "calculate"],
    ["plat", ["policy", "platform", "pretty"], "platform"],
    // case does not matter
    ["APPLY", commands, "apply"],
    ["requets", ["order", "request"], "request"],
  ])("%s → %s", (given, candidates, expected) => {
    expect(closestName(given, candidates)).toBe(expected);
  });

  test.each([
    ["refund", commands],
    ["x", commands],
    ["", commands],
    ["verbose", ["order", "request", "pretty", "format", "policy", "platform", "emit"]],
    ["a".repeat(10_000), commands],
  ])("%s has no suggestion", (given, candidates) => {
    expect(closestName(given, candidates)).toBeUndefined();
  });

  test("ties go to the first candidate; short names allow one edit only", () => {
    // "aud" is a prefix of audit and 2 edits from "apply"
    expect(closestName("aud", commands)).toBe("audit");
    // "ab" is 2 edits from "apply"... too far for a two-letter word (allowed: max(1, 2/3) = 1)
    expect(closestName("ab", commands)).toBeUndefined();
  });

  test("the sentence", () => {
    expect(didYouMean("--order")).toBe(" Did you mean --order?");
    expect(didYouMean(undefined)).toBe("");
  });
});
