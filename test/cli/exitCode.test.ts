import { describe, expect, test } from "vitest";
import { EXIT, exitCodeFor } from "../../src/cli/exitCode.js";
import { refundErrors } from "../../src/index.js";

describe("exitCodeFor", () => {
  test("domain errors are 1", () => {
    expect(exitCodeFor([refundErrors.emptyRefund()])).toBe(1);
    expect(
      exitCodeFor([refundErrors.notPaid(), refundErrors.moneyOverRefund("USD", "2.00", "1.00")]),
    ).toBe(1);
  });

  test("any input error makes it 2", () => {
    expect(exitCodeFor([refundErrors.invalidInput("a", "must be b")])).toBe(2);
    expect(exitCodeFor([refundErrors.inconsistentOrder("a", "b")])).toBe(2);
    expect(
      exitCodeFor([refundErrors.emptyRefund(), refundErrors.invalidInput("a", "must be b")]),
    ).toBe(2);
  });

  test("the statuses of §8", () => {
    expect(EXIT).toEqual({ ok: 0, rejected: 1, invalidInput: 2, usage: 64, internal: 70 });
  });
});
