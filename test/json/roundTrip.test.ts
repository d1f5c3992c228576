import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  decodeCreditMemo,
  decodeOrder,
  decodeRefundRequest,
  encodeCreditMemo,
  encodeOrder,
  encodeRefundRequest,
} from "../../src/index.js";
import { currenciesArb, memoArb, orderArb, requestArb } from "./arbitraries.js";

/** The JSON text round trip a service performs: stringify, then parse. */
const viaText = (json: unknown): unknown => JSON.parse(JSON.stringify(json));

describe("decode(encode(x)) = x", () => {
  test.prop([orderArb])("orders, through JSON text", (order) => {
    expect(decodeOrder(viaText(encodeOrder(order)))).toEqual({ _tag: "Right", right: order });
  });

  test.prop([currenciesArb.chain(memoArb)])("credit memos, through JSON text", (memo) => {
    expect(decodeCreditMemo(viaText(encodeCreditMemo(memo)))).toEqual({
      _tag: "Right",
      right: memo,
    });
  });

  test.prop([currenciesArb.chain((c) => fc.tuple(fc.constant(c), memoArb(c)))])(
    "credit memos decoded against their order's currencies",
    ([currencies, memo]) => {
      expect(decodeCreditMemo(viaText(encodeCreditMemo(memo)), currencies)).toEqual({
        _tag: "Right",
        right: memo,
      });
    },
  );

  test.prop([requestArb])("refund requests, through JSON text", (request) => {
    expect(decodeRefundRequest(viaText(encodeRefundRequest(request)))).toEqual({
      _tag: "Right",
      right: request,
    });
  });
});

describe("encode(decode(json)) is a fixed point", () => {
  test.prop([orderArb])("orders encode to the same JSON twice", (order) => {
    const json = viaText(encodeOrder(order));
    const again = decodeOrder(json);
    expect(again._tag).toBe("Right");
    if (again._tag === "Right") expect(viaText(encodeOrder(again.right))).toEqual(json);
  });
});
