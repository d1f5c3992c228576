/**
 * The positions of an order's ids (`OrderIds`, issue 15 part 4): a list of
 * at most `FEW_IDS` (8) items is searched by a scan (`FewIdPositions`), a
 * longer one through a map, and both answer as the map did — each id's
 * first position, the number of different ids — so that repeated ids are
 * reported exactly as before. Worked by hand.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { calculate } from "../../src/calculate.js";
import type { RefundError } from "../../src/errors.js";
import {
  FEW_IDS,
  FewIdPositions,
  orderIds,
  orderItselfErrors,
  soundOrderIds,
} from "../../src/order/orderSoundness.js";
import { invoice, line, order, request } from "../support/builders.js";

/** An order of one line (at 1.00) for each id, and one invoice. */
const orderOfLines = (...ids: string[]) =>
  order({ lineItems: ids.map((id) => line(id, 1, "1.00")), invoices: [invoice("i", "9.00")] });

/** The path of an error, if it has one. */
const pathOf = (e: RefundError): string | undefined => ("path" in e ? e.path : undefined);

const lineIds = (count: number) => Array.from({ length: count }, (_, i) => `L${i}`);

describe("the positions of few ids, by a scan", () => {
  it("three ids: each at its position, from the first to the last; others absent", () => {
    const ids = orderIds(orderOfLines("a", "b", "c")).lines;
    expect(ids).toBeInstanceOf(FewIdPositions);
    expect(ids.size).toBe(3);
    expect(ids.get("a")).toBe(0);
    expect(ids.get("b")).toBe(1);
    expect(ids.get("c")).toBe(2);
    expect(ids.get("d")).toBeUndefined();
    expect(ids.get("")).toBeUndefined();
    expect(ids.has("a")).toBe(true);
    expect(ids.has("c")).toBe(true);
    expect(ids.has("d")).toBe(false);
    expect(soundOrderIds(orderOfLines("a", "b", "c"))).toEqual(
      orderIds(orderOfLines("a", "b", "c")),
    );
  });

  it("an id repeated at two places: its first position, two different ids of three", () => {
    const o = orderOfLines("a", "b", "a");
    const ids = orderIds(o).lines;
    expect(ids.size).toBe(2);
    expect(ids.get("a")).toBe(0);
    expect(ids.get("b")).toBe(1);
    expect(soundOrderIds(o)).toBeUndefined();
    // Reported as before: the item not at its id's first position.
    const errors = orderItselfErrors(o, orderIds(o));
    expect(errors.map((e) => [e.code, pathOf(e), e.message])).toEqual([
      [
        "INCONSISTENT_ORDER",
        "lineItems[2].id",
        'The order contradicts itself at lineItems[2].id: the id "a" is used twice.',
      ],
    ]);
    expect(calculate(o, request({ full: true }))).toStrictEqual(E.left(errors));
  });

  it("an id repeated at the first and the last of eight", () => {
    const ids = lineIds(8);
    ids[7] = "L0";
    const o = orderOfLines(...ids);
    const positions = orderIds(o).lines;
    expect(positions).toBeInstanceOf(FewIdPositions);
    expect(positions.size).toBe(7);
    expect(positions.get("L0")).toBe(0);
    expect(positions.get("L6")).toBe(6);
    expect(soundOrderIds(o)).toBeUndefined();
    expect(orderItselfErrors(o, orderIds(o)).map(pathOf)).toEqual(["lineItems[7].id"]);
  });

  it("no items: nothing found, size 0 (one shared index)", () => {
    const o = orderOfLines("a");
    const ids = orderIds(o);
    expect(ids.shippingLines.size).toBe(0);
    expect(ids.shippingLines.get("a")).toBeUndefined();
    expect(ids.shippingLines.has("a")).toBe(false);
    expect(ids.shippingLines).toBe(orderIds(orderOfLines("b")).shippingLines);
  });
});

describe("the positions of more than FEW_IDS ids, through a map", () => {
  it("eight ids are scanned, a ninth switches to a map", () => {
    expect(FEW_IDS).toBe(8);
    const eight = orderIds(orderOfLines(...lineIds(8))).lines;
    expect(eight).toBeInstanceOf(FewIdPositions);
    expect(eight.get("L7")).toBe(7);
    const nine = orderOfLines(...lineIds(9));
    const positions = orderIds(nine).lines;
    expect(positions).toBeInstanceOf(Map);
    expect(positions.size).toBe(9);
    expect(positions.get("L0")).toBe(0);
    expect(positions.get("L8")).toBe(8);
    expect(positions.has("L9")).toBe(false);
    expect(soundOrderIds(nine)).toEqual(orderIds(nine));
  });

  it("an id repeated among nine: its first position, and the same error", () => {
    const ids = lineIds(9);
    ids[8] = "L3";
    const o = orderOfLines(...ids);
    const positions = orderIds(o).lines;
    expect(positions).toBeInstanceOf(Map);
    expect(positions.size).toBe(8);
    expect(positions.get("L3")).toBe(3);
    expect(soundOrderIds(o)).toBeUndefined();
    expect(orderItselfErrors(o, orderIds(o)).map(pathOf)).toEqual(["lineItems[8].id"]);
  });
});
